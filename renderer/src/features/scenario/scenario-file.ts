// Scenario files: reading a user's JSON file into a validated scenario document (errors name the file and field),
// and the file name and text a scenario is exported as.
import { MAX_SCENARIO_FILE_BYTES, withoutBom } from '../../../../datasets/index.ts';
import { parseScenario } from '../../../../sim/index.ts';
import type { Bilingual } from '../../i18n/i18n.ts';
import { asObject } from './param-form.ts';
import type { JsonValue } from './param-form.ts';

/** Outcome of importing a scenario file. */
export type ImportedScenario = { ok: true; name: string; document: JsonValue } | { ok: false; errors: Bilingual[] };

/** Parses and validates a scenario file's text; never throws on user input. */
export function importScenarioText(fileName: string, text: string): ImportedScenario {
  if (text.length > MAX_SCENARIO_FILE_BYTES) {
    return {
      ok: false,
      errors: [
        {
          messageZh: `${fileName}：文件过大（${text.length} 字符，上限 ${MAX_SCENARIO_FILE_BYTES} 字节），不是方案文件`,
          messageEn: `${fileName}: too large (${text.length} characters, limit ${MAX_SCENARIO_FILE_BYTES} bytes) to be a scenario file`,
        },
      ],
    };
  }
  let data: JsonValue;
  try {
    data = JSON.parse(withoutBom(text)) as JsonValue;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        {
          messageZh: `${fileName}：不是有效的 JSON（${detail}）`,
          messageEn: `${fileName}: not valid JSON (${detail})`,
        },
      ],
    };
  }
  const result = parseScenario(data);
  if (!result.ok) {
    return {
      ok: false,
      errors: result.errors.map((e) => ({
        messageZh: `${fileName}：${e.path ? `字段 ${e.path}：` : ''}${e.messageZh}`,
        messageEn: `${fileName}: ${e.path ? `field ${e.path}: ` : ''}${e.messageEn}`,
      })),
    };
  }
  return { ok: true, name: result.scenario.name, document: data };
}

/** A safe file name for exporting a scenario (no path or control characters). */
export function exportFileName(name: string): string {
  const stem = Array.from(name)
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${stem === '' || stem === '.' || stem === '..' ? 'scenario' : stem}.json`;
}

/** The exported text of a scenario document (pretty JSON with its current name). */
export function exportText(document: JsonValue, name: string): string {
  return `${JSON.stringify({ ...asObject(document), name }, null, 2)}\n`;
}
