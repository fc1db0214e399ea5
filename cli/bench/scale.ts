// `bench --scale`: the national-register scale run. Each stage (generate, validate, one scenario-year, 6-year
// projection) runs in its own process on a dataset of N households, so each peak RSS is that stage's own; the rows
// are kept in BENCHMARKS.md between scale markers (the normal bench run keeps that section as it is).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_SEED } from '../../datasets/index.ts';
import { writeGeneratedDataset } from '../commands/generate.ts';
import { loadDataset, validateFiles } from '../dataset/load-dataset.ts';
import { openNativeDatabase } from '../duckdb/native-port.ts';
import { runScenario } from '../engine/run-scenario.ts';
import { readScenarioFile } from '../scenario-file.ts';
import { machineDescription } from './timing.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The reform every scale run simulates (with its baseline). */
export const SCALE_SCENARIO = path.join(REPO_ROOT, 'datasets', 'scenarios', 'raise-standards-10pct.json');

/** The stages, in order. */
export const SCALE_STAGES = ['generate', 'validate', 'year', 'projection'] as const;
export type ScaleStage = (typeof SCALE_STAGES)[number];

/** One stage measured in its own process. */
export interface ScaleRow {
  stage: ScaleStage;
  households: number;
  /** Wall time of the whole stage (for year and projection: read, validate, hand-off and both simulations). */
  ms: number;
  /** Read + validate + hand-off (year and projection). */
  loadMs?: number;
  /** The engine: baseline and scenario (year and projection). */
  engineMs?: number;
  /** Peak resident set of the stage's process. */
  peakRssBytes: number;
  /** When it was measured, and on what. */
  measuredAt: string;
  machine: string;
  /** How the row was measured, when not by this bench's own child process. */
  note?: string;
  /** The machine's 1-minute load average when the stage ended (2 cores: above 2 means it was shared). */
  load?: number;
}

/** Runs one stage in this process on the dataset in `dir` (generate writes it there). */
export async function runScaleStage(stage: ScaleStage, households: number, dir: string): Promise<ScaleRow> {
  const started = performance.now();
  const files = { households: path.join(dir, 'households.arrow'), regions: path.join(dir, 'regions.arrow') };
  let loadMs: number | undefined;
  let engineMs: number | undefined;
  let note: string | undefined;
  if (stage === 'generate') {
    await writeGeneratedDataset(dir, households, DEMO_SEED);
  } else if (stage === 'validate') {
    const db = await openNativeDatabase();
    try {
      const { report } = await validateFiles(db, files, []);
      // The time to validate is measured whatever the report says; its errors are recorded with the row.
      const errors = report.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) note = `the report has errors: ${errors.map((i) => i.message.en).join(' ')}`;
    } finally {
      db.close();
    }
  } else {
    const db = await openNativeDatabase();
    let dataset;
    try {
      dataset = await loadDataset(db, files, []);
    } finally {
      db.close();
    }
    loadMs = performance.now() - started;
    const { scenario } = await readScenarioFile(REPO_ROOT, SCALE_SCENARIO);
    const engineStart = performance.now();
    const settings = {
      mode: 'ev' as const,
      seed: 0,
      replications: 1,
      years: stage === 'year' ? 0 : 6,
      minCell: 10,
      perHousehold: false,
      workers: Math.max(1, os.availableParallelism()),
    };
    const quiet = { update: () => undefined, finish: () => undefined };
    await runScenario(dataset.households, dataset.regions, scenario, settings, quiet, false);
    engineMs = performance.now() - engineStart;
  }
  return {
    stage,
    households,
    ms: performance.now() - started,
    ...(loadMs !== undefined ? { loadMs } : {}),
    ...(engineMs !== undefined ? { engineMs } : {}),
    ...(note !== undefined ? { note } : {}),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    load: os.loadavg()[0],
    measuredAt: new Date().toISOString(),
    machine: machineDescription(),
  };
}

/** Runs one stage in a child process (cli/bench/scale-stage.ts) and returns its row. */
function stageInChild(stage: ScaleStage, households: number, dir: string): Promise<ScaleRow> {
  const script = path.join(REPO_ROOT, 'cli', 'bench', 'scale-stage.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, stage, String(households), dir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (piece: Buffer) => (out += piece.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ScaleRow);
      else reject(new Error(`阶段 ${stage} 失败 / stage ${stage} failed (exit ${String(code)})`));
    });
  });
}

/** True when `dir` already holds a generated dataset of `households` rows (its generate row is then kept). */
async function generated(dir: string, households: number): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { households?: number };
    return manifest.households === households;
  } catch {
    return false;
  }
}

/**
 * The scale run on `households`: each stage in its own process, in order, on the dataset in `dir` (generated unless
 * it is already there, in which case `previous` keeps the earlier generate row).
 */
export async function runScaleBench(
  households: number,
  dir: string,
  previous: readonly ScaleRow[],
  onStage: (label: string) => void,
  onRow: (rows: readonly ScaleRow[]) => Promise<void> = async () => undefined,
  stages: readonly ScaleStage[] = SCALE_STAGES,
): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const stage of SCALE_STAGES.filter((s) => stages.includes(s))) {
    if (stage === 'generate' && (await generated(dir, households))) {
      const kept = previous.find((r) => r.stage === 'generate' && r.households === households);
      if (kept) rows.push(kept);
      onStage(`已有数据，跳过生成 / dataset present, generation skipped: ${dir}`);
      continue;
    }
    onStage(`${stage} ${households.toLocaleString()}`);
    rows.push(await stageInChild(stage, households, dir));
    await onRow(rows);
  }
  return rows;
}

const START = '<!-- scale:start -->';
const END = '<!-- scale:end -->';
const DATA = /<!-- scale-data: (.*?) -->/s;

/** The scale rows recorded in a BENCHMARKS.md document (none when it has no scale section). */
export function scaleRowsIn(doc: string): ScaleRow[] {
  const section = scaleSection(doc);
  const data = section === undefined ? undefined : DATA.exec(section);
  if (!data) return [];
  try {
    return JSON.parse(data[1]) as ScaleRow[];
  } catch {
    return [];
  }
}

/** The scale section of a document, markers included, if it has one. */
export function scaleSection(doc: string): string | undefined {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  return start >= 0 && end > start ? doc.slice(start, end + END.length) : undefined;
}

/** `doc` with its scale section replaced by `section` (appended when it has none). */
export function withScaleSection(doc: string, section: string | undefined): string {
  if (section === undefined) return doc;
  const old = scaleSection(doc);
  if (old !== undefined) return doc.replace(old, section);
  return `${doc.trimEnd()}\n\n${section}\n`;
}

const seconds = (ms: number | undefined): string => (ms === undefined ? '—' : (ms / 1000).toFixed(1));
const gib = (bytes: number): string => (bytes / 2 ** 30).toFixed(2);

/** The scale section for `rows` (one row per stage and size, newest kept), between its markers. */
export function scaleMarkdown(rows: readonly ScaleRow[]): string {
  const byKey = new Map<string, ScaleRow>();
  for (const row of rows) byKey.set(`${row.households}:${row.stage}`, row);
  const sorted = [...byKey.values()].sort(
    (a, b) => a.households - b.households || SCALE_STAGES.indexOf(a.stage) - SCALE_STAGES.indexOf(b.stage),
  );
  const label: Record<ScaleStage, string> = {
    generate: '生成 generate',
    validate: '校验 validate',
    year: '读取+校验+一年情景 read+validate+one scenario-year',
    projection: '读取+校验+6 年预测 read+validate+6-year projection',
  };
  const lines = [
    START,
    '## 全国规模 / National register scale (`npm run bench -- --scale --households N`)',
    '',
    'Each stage runs in its own process on N synthetic households (Arrow file from `generate`); native DuckDB with its',
    'default 4 GB memory limit, spilling to a temporary folder; the scenario is raise-standards-10pct with its baseline.',
    'Peak RSS is the stage process’s own (engine worker threads included). Times are wall clock on a shared, busy',
    'machine (see each row’s machine and time); they are measured, never asserted.',
    '',
    '| households | stage | total s | read+validate+hand-off s | engine s | peak RSS GiB | bytes / household | load avg | measured |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---|',
    ...sorted.map(
      (r) =>
        `| ${r.households.toLocaleString('en-US')} | ${label[r.stage]} | ${seconds(r.ms)} | ${seconds(r.loadMs)} | ${seconds(r.engineMs)} | ${gib(r.peakRssBytes)} | ${Math.round(r.peakRssBytes / r.households)} | ${r.load === undefined ? '—' : r.load.toFixed(1)} | ${r.measuredAt.slice(0, 16)}Z |`,
    ),
    '',
    ...sorted.filter((r) => r.note).map((r) => `- ${r.households.toLocaleString('en-US')} ${r.stage}: ${r.note}`),
    `Machine: ${sorted[0]?.machine ?? '—'}.`,
    `<!-- scale-data: ${JSON.stringify(sorted)} -->`,
    END,
  ];
  return lines.join('\n');
}
