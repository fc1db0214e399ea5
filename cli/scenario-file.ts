// Reads a scenario JSON file and validates it with the engine's schema; every problem is reported with its field path.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BASELINE_SCENARIO, parseScenario } from '../sim/index.ts';
import type { Scenario } from '../sim/index.ts';
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

/** Reads and validates a scenario file; without a file, the baseline scenario. */
export async function readScenarioFile(cwd: string, file: string | undefined): Promise<LoadedScenario> {
  if (file === undefined) return { scenario: BASELINE_SCENARIO, json: BASELINE_SCENARIO };
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch {
    throw dataError(`无法读取情景文件 ${full}`, `cannot read the scenario file ${full}`);
  }
  return { ...parseScenarioText(text, full), file: full };
}
