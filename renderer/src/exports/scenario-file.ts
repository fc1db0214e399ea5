// Scenario files: save a scenario as the JSON the CLI runs (`npx safetynet run --scenario file.json`) and open one
// back, validated by the engine's published schema; older schemaVersions migrate through the engine's migration
// hook, newer or unknown ones are refused with a bilingual message naming the file and the field.
import type { Scenario } from '../../../sim/index.ts';
import { SCENARIO_SCHEMA_VERSION, parseScenario } from '../../../sim/index.ts';
import type { Bilingual } from '../i18n/i18n.ts';
import { jsonErrorOffset, lineAndColumn } from './json-position.ts';
import { MAX_SCENARIO_FILE_BYTES, withoutBom } from '../../../datasets/index.ts';

/** A problem with an opened scenario file: which file, which field (path, empty for the whole file), why. */
export interface ScenarioFileError extends Bilingual {
  file: string;
  path: string;
}

/** Outcome of opening a scenario file. `migratedFrom` is set when an older file was upgraded. */
export type OpenScenarioResult =
  { ok: true; scenario: Scenario; migratedFrom?: number } | { ok: false; errors: ScenarioFileError[] };

/** The MIME type written for scenario files. */
export const SCENARIO_MIME = 'application/json';

export { MAX_SCENARIO_FILE_BYTES };

/** Scenario JSON as saved: stable two-space indentation and a final newline, readable in a diff. */
export function serializeScenario(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** A file name stem from free text: no characters file systems refuse, no leading/trailing dots, at most 80. */
export function safeFileStem(text: string, fallback: string): string {
  const printable = Array.from(text, (ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? ' ' : ch)).join('');
  const stem = printable
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\s+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return stem || fallback;
}

/** A file name for the scenario: its name made safe, plus `.scenario.json`. */
export function scenarioFileName(scenario: Pick<Scenario, 'name'>): string {
  return `${safeFileStem(scenario.name, 'scenario')}.scenario.json`;
}

function fileError(file: string, path: string, messageZh: string, messageEn: string): OpenScenarioResult {
  return { ok: false, errors: [{ file, path, messageZh, messageEn }] };
}

/** Opens a scenario file's bytes or text: parses JSON, checks the version, migrates, validates. Never throws. */
export function openScenarioFile(file: string, content: string | Uint8Array): OpenScenarioResult {
  if (content.length > MAX_SCENARIO_FILE_BYTES) {
    return fileError(
      file,
      '',
      `文件“${file}”过大（${content.length} 字节），不是方案文件。`,
      `File “${file}” is too large (${content.length} bytes) to be a scenario file.`,
    );
  }
  const text = withoutBom(typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const at = offset >= 0 ? lineAndColumn(text, offset) : null;
    const whereZh = at ? `第 ${at.line} 行第 ${at.column} 列` : '';
    const whereEn = at ? ` at line ${at.line}, column ${at.column}` : '';
    return fileError(
      file,
      '',
      `文件“${file}”不是有效的 JSON${whereZh ? `（${whereZh}）` : ''}。`,
      `File “${file}” is not valid JSON${whereEn}.`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fileError(file, '', `文件“${file}”应包含一个方案对象。`, `File “${file}” must hold one scenario object.`);
  }
  const version: unknown = 'schemaVersion' in json ? json.schemaVersion : undefined;
  if (version === undefined) {
    return fileError(
      file,
      'schemaVersion',
      `文件“${file}”缺少 schemaVersion 字段，无法判断方案格式版本（当前版本为 ${SCENARIO_SCHEMA_VERSION}）。`,
      `File “${file}” has no schemaVersion field, so its format version is unknown (current version ${SCENARIO_SCHEMA_VERSION}).`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fileError(
      file,
      'schemaVersion',
      `文件“${file}”的 schemaVersion “${String(version)}”不是已知的版本号（当前版本为 ${SCENARIO_SCHEMA_VERSION}）。`,
      `File “${file}” has schemaVersion “${String(version)}”, which is not a known version (current version ${SCENARIO_SCHEMA_VERSION}).`,
    );
  }
  if (version > SCENARIO_SCHEMA_VERSION) {
    return fileError(
      file,
      'schemaVersion',
      `文件“${file}”由较新版本的工作台保存（方案格式 ${version}），本版本只能打开格式 ${SCENARIO_SCHEMA_VERSION} 及更早的方案，请升级工作台后再打开。`,
      `File “${file}” was saved by a newer workbench (scenario format ${version}); this version opens format ${SCENARIO_SCHEMA_VERSION} and older. Upgrade the workbench to open it.`,
    );
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: parsed.errors.map((error) => ({
        file,
        path: error.path,
        messageZh: `文件“${file}”：${error.messageZh}`,
        messageEn: `File “${file}”: ${error.messageEn}`,
      })),
    };
  }
  return version < SCENARIO_SCHEMA_VERSION
    ? { ok: true, scenario: parsed.scenario, migratedFrom: version }
    : { ok: true, scenario: parsed.scenario };
}
