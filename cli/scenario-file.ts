// Reads a scenario JSON file and validates it with the engine's schema; every problem is reported with its field path.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SCENARIO_FILE_BYTES, withoutBom } from '../datasets/index.ts';
import { BASELINE_SCENARIO, parseScenario, unknownScenarioRegions } from '../sim/index.ts';
import type { RegionArrays, Scenario } from '../sim/index.ts';
import { dataError } from './errors.ts';

/** A scenario and the exact JSON it came from (recorded in provenance). */
export interface LoadedScenario {
  scenario: Scenario;
  /** The file's parsed JSON (or the baseline object when no file was given). */
  json: unknown;
  file?: string;
}

/** Parses scenario JSON text; a data error lists each bad field path with the allowed range. */
export function parseScenarioText(text: string, label: string): LoadedScenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw dataError(
      `情景文件 ${label} 不是有效的 JSON：${why}`,
      `the scenario file ${label} is not valid JSON: ${why}`,
    );
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    throw dataError(
      `情景文件 ${label} 有 ${parsed.errors.length} 处错误，未运行任何计算`,
      `the scenario file ${label} has ${parsed.errors.length} error(s); nothing was run`,
      parsed.errors.map((e) => `${e.path}: ${e.messageZh} / ${e.messageEn}`),
    );
  }
  return { scenario: parsed.scenario, json };
}

/**
 * Reads a small UTF-8 document (scenario, mapping) without a leading BOM, refusing a file over `maxBytes` before
 * reading it; errors are bilingual and name the file.
 */
export async function readSmallText(full: string, maxBytes: number, kindZh: string, kindEn: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(full)).size;
  } catch {
    throw dataError(`无法读取${kindZh} ${full}`, `cannot read the ${kindEn} ${full}`);
  }
  if (size > maxBytes) {
    throw dataError(
      `${kindZh} ${full} 有 ${size.toLocaleString()} 字节，超过上限 ${maxBytes.toLocaleString()} 字节`,
      `the ${kindEn} ${full} has ${size.toLocaleString()} bytes, over the limit of ${maxBytes.toLocaleString()}`,
    );
  }
  try {
    return withoutBom(await readFile(full, 'utf8'));
  } catch {
    throw dataError(`无法读取${kindZh} ${full}`, `cannot read the ${kindEn} ${full}`);
  }
}

/** Throws a data error listing every scenario region code the dataset does not have, with its field path. */
export function assertScenarioRegions(loaded: LoadedScenario, regions: Pick<RegionArrays, 'code'>): void {
  const errors = unknownScenarioRegions(loaded.scenario, regions);
  if (errors.length === 0) return;
  const label = loaded.file ?? loaded.scenario.name;
  throw dataError(
    `情景 ${label} 有 ${errors.length} 个数据集中不存在的地区代码，未运行任何计算`,
    `the scenario ${label} names ${errors.length} region code(s) the dataset does not have; nothing was run`,
    errors.map((e) => `${e.path}: ${e.messageZh} / ${e.messageEn}`),
  );
}

/** Reads and validates a scenario file; without a file, the baseline scenario. */
export async function readScenarioFile(cwd: string, file: string | undefined): Promise<LoadedScenario> {
  if (file === undefined) return { scenario: BASELINE_SCENARIO, json: BASELINE_SCENARIO };
  const full = path.resolve(cwd, file);
  const text = await readSmallText(full, MAX_SCENARIO_FILE_BYTES, '情景文件', 'scenario file');
  return { ...parseScenarioText(text, full), file: full };
}
