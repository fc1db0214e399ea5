// The CLI's commands end to end in process (main(argv, io)) on a small generated dataset: run (byte-identical result
// files for the same inputs and seed, provenance, --json), validate, household and solve, and the exit codes for bad
// arguments, files and scenarios. The launcher itself is spawned in cli-smoke.test.ts.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing/run-cli.ts';
import type { CliRun } from '../../cli/testing/spawn-cli.ts';
import type { Bilingual } from '../../sim/index.ts';

let dir: string;
let data: string;
const SCENARIO = {
  schemaVersion: 1,
  name: '标准提高10% / Raise standards 10%',
  params: { standard: { scalePct: 10 } },
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sn-cli-run-'));
  data = path.join(dir, 'data');
  const generated = await runCli(['generate', '--households', '3000', '--seed', '11', '--out', data]);
  expect(generated.code, generated.stderr).toBe(0);
  await writeFile(path.join(dir, 'scenario.json'), JSON.stringify(SCENARIO));
  await writeFile(
    path.join(dir, 'bad-scenario.json'),
    JSON.stringify({ schemaVersion: 1, name: 'bad', params: { dibao: { assetMonths: 999 } } }),
  );
  await writeFile(path.join(dir, 'not-json.json'), '{ nope');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let baselineRun: Promise<CliRun> | undefined;
/** `safetynet run DATA --json --quiet` (the baseline), run once and shared by the tests that read it. */
function baselineJson(): Promise<CliRun> {
  baselineRun ??= runCli(['run', data, '--json', '--quiet']);
  return baselineRun;
}

/** Result folders of the two Monte Carlo runs (two workers, one worker). */
const MC_OUTS = ['out-mc-2-workers', 'out-mc-1-worker'] as const;
let monteCarloPair: Promise<CliRun[]> | undefined;
/**
 * One Monte Carlo run made twice, on two workers and on one: the scenario with 6 replications, seed 5, over a two-year
 * projection scoped to Hunan rural, writing its result folder and printing --json. Made once and read by the
 * byte-identity test and the projection-interval test.
 */
function monteCarloRuns(): Promise<CliRun[]> {
  monteCarloPair ??= (async () => {
    const runs: CliRun[] = [];
    for (const [workers, out] of [
      ['2', MC_OUTS[0]],
      ['1', MC_OUTS[1]],
    ]) {
      runs.push(
        await runCli([
          'run',
          data,
          '--scenario',
          path.join(dir, 'scenario.json'),
          '--mode',
          'mc',
          '--replications',
          '6',
          '--seed',
          '5',
          '--years',
          '2',
          '--province',
          '43',
          '--area',
          'rural',
          '--workers',
          workers,
          '--out',
          path.join(dir, out),
          '--json',
          '--quiet',
        ]),
      );
    }
    return runs;
  })();
  return monteCarloPair;
}

async function folderBytes(folder: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of (await readdir(folder)).sort()) out.set(name, await readFile(path.join(folder, name)));
  return out;
}

describe('safetynet run', () => {
  it('writes byte-identical result files for the same inputs and seed (Monte Carlo included), whatever the worker split', async () => {
    const runs = await monteCarloRuns();
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const outs = MC_OUTS.map((out) => path.join(dir, out));
    const [a, b] = await Promise.all(outs.map(folderBytes));
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...a.keys()]).toEqual(
      expect.arrayContaining([
        'summary_national.arrow',
        'summary_national.csv',
        'summary_province.arrow',
        'delta_national.csv',
        'baseline_province.csv',
        'deciles.csv',
        'monte_carlo.csv',
        'monte_carlo_province.csv',
        'monte_carlo_province.arrow',
        'monte_carlo_projection.csv',
        'results.json',
        'provenance.json',
      ]),
    );
    for (const [name, bytes] of a) {
      if (name === 'provenance.json') continue;
      expect(Buffer.compare(bytes, b.get(name) ?? Buffer.alloc(0)), name).toBe(0);
    }
    const csv = a.get('summary_national.csv')?.toString('utf8') ?? '';
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // Monte Carlo by province: mean and percentiles for 31 provinces × (urban, rural, all).
    const mcLines = (a.get('monte_carlo_province.csv')?.toString('utf8') ?? '')
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter((l) => /^[a-z]/.test(l));
    expect(mcLines[0]).toMatch(/^statistic,replications,year,level,region_code,/);
    const mcRows = mcLines.slice(1);
    expect(mcRows).toHaveLength(4 * 31 * 3);
    expect(new Set(mcRows.map((l) => l.split(',')[0]))).toEqual(new Set(['mean', 'p5', 'p50', 'p95']));
    const provenanceA: Record<string, unknown> = JSON.parse(a.get('provenance.json')?.toString('utf8') ?? '{}');
    const provenanceB: Record<string, unknown> = JSON.parse(b.get('provenance.json')?.toString('utf8') ?? '{}');
    expect(provenanceA).toMatchObject({
      mode: 'mc',
      seed: 5,
      replications: 6,
      suppressionMinCell: 10,
      scenario: SCENARIO,
    });
    expect(provenanceA.datasetFiles).toHaveLength(2);
    const { timestamp: _a, ...restA } = provenanceA;
    const { timestamp: _b, ...restB } = provenanceB;
    expect(restA).toEqual(restB);
  });

  it('gives machine-readable output with --json and changes results with the seed in Monte Carlo', async () => {
    const run = (seed: string) =>
      runCli([
        'run',
        data,
        '--mode',
        'mc',
        '--replications',
        '4',
        '--seed',
        seed,
        '--workers',
        '1',
        '--min-cell',
        '60',
        // Only the first run's folder is read below.
        ...(seed === '1' ? ['--out', path.join(dir, 'out-mc-1')] : []),
        '--json',
        '--quiet',
      ]);
    const [one, two] = [await run('1'), await run('2')];
    expect(one.code, one.stderr).toBe(0);
    const a: { mode: string; national: { scenario: Record<string, number> }[]; monteCarlo: { replications: number } } =
      JSON.parse(one.stdout);
    const b: typeof a = JSON.parse(two.stdout);
    expect(a.mode).toBe('mc');
    expect(a.monteCarlo.replications).toBe(4);
    expect(a.national[0].scenario['persons.dibao']).toBeGreaterThan(0);
    expect(a.national[0].scenario['persons.dibao']).toBe(b.national[0].scenario['persons.dibao']);
    expect(JSON.stringify(a.monteCarlo)).not.toBe(JSON.stringify(b.monteCarlo));
    // Province Monte Carlo rows under the threshold are flagged and left empty, like every sub-national output.
    const rows = (await readFile(path.join(dir, 'out-mc-1', 'monte_carlo_province.csv'), 'utf8'))
      .split('\r\n')
      .filter((l) => /^(mean|p5|p50|p95),/.test(l))
      .map((l) => l.split(','));
    const suppressedRows = rows.filter((r) => r[9] === 'true');
    expect(suppressedRows.length).toBeGreaterThan(0);
    expect(suppressedRows.length).toBeLessThan(rows.length);
    for (const r of suppressedRows) expect(r.slice(10).every((v) => v === '')).toBe(true);
    for (const r of rows.filter((row) => row[9] === 'false')) expect(Number(r[8])).toBeGreaterThanOrEqual(60);
  });

  it('runs a generated prefecture-level dataset with a table per prefecture', async () => {
    const fine = path.join(dir, 'prefectures');
    const generated = await runCli(['generate', '--households', '2000', '--prefectures', '2', '--out', fine]);
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.stdout).toContain('2 synthetic prefectures per province');
    const out = path.join(dir, 'out-prefectures');
    const run = await runCli(['run', fine, '--min-cell', '5', '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const rows = (await readFile(path.join(out, 'summary_region.csv'), 'utf8'))
      .split('\r\n')
      .filter((l) => /^\d{4},region,/.test(l))
      .map((l) => l.split(','));
    // 31 provinces × 2 prefectures × (urban, rural, all), each code with its province's two digits.
    expect(rows).toHaveLength(31 * 2 * 3);
    expect(new Set(rows.map((r) => r[2])).size).toBe(62);
    expect(rows.every((r) => /^\d{4}$/.test(r[2]))).toBe(true);
    expect(rows.filter((r) => r[2] === '4302').map((r) => r[4])).toEqual([
      'Hunan City B',
      'Hunan City B',
      'Hunan City B',
    ]);
    const tooFew = await runCli(['generate', '--households', '1500', '--prefectures', '2', '--out', fine]);
    expect(tooFew.code).toBe(2);
    expect(tooFew.stderr).toContain('2000');
  });

  it('refuses an invalid scenario with exit 1, naming the field and its range', async () => {
    const bad = await runCli(['run', data, '--scenario', path.join(dir, 'bad-scenario.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('params.dibao.assetMonths');
    expect(bad.stderr).toContain('0–120');
    expect(bad.stderr).toContain('nothing was run');
    const notJson = await runCli(['run', data, '--scenario', path.join(dir, 'not-json.json')]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('不是有效的 JSON');
  });

  it('exits 1 for a missing dataset and 2 for bad arguments', async () => {
    const missing = await runCli(['run', path.join(dir, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
    const noData = await runCli(['run']);
    expect(noData.code).toBe(2);
    const badMode = await runCli(['run', data, '--mode', 'fast']);
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toContain('--mode');
    const badSeed = await runCli(['run', data, '--seed', '-3']);
    expect(badSeed.code).toBe(2);
  });
});

describe('safetynet validate', () => {
  it('passes the generated dataset and fails a broken one with the rule and rows named', async () => {
    const ok = await runCli(['validate', data]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Passed');
    const broken = path.join(dir, 'broken');
    const generated = await runCli(['generate', '--households', '1000', '--seed', '1', '--out', broken]);
    expect(generated.code).toBe(0);
    await writeFile(
      path.join(broken, 'regions.csv'),
      'region_code,area,name_zh,name_en,population,dibao_standard,income_prev_pc,consumption_prev_pc,min_wage,central_share\n11,urban,北京,Beijing,100,-5,1,1,1,0.5\n',
    );
    await rm(path.join(broken, 'regions.arrow'));
    const bad = await runCli(['validate', broken, '--json']);
    expect(bad.code).toBe(1);
    const report: { ok: boolean; errors: number; issues: { rule: string; message: Bilingual }[] } = JSON.parse(
      bad.stdout,
    );
    expect(report.ok).toBe(false);
    expect(report.errors).toBeGreaterThan(0);
    expect(report.issues.every((i) => i.message.zh.length > 0 && i.message.en.length > 0)).toBe(true);
  });
});

describe('safetynet run: the poverty line', () => {
  it('shows the post-transfer gap beside the rate, names the line, and measures the baseline against the same line', async () => {
    const text = await runCli(['run', data, '--quiet']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Poverty rate after transfers');
    expect(text.stdout).toContain('Poverty gap after transfers');
    expect(text.stdout).toContain('Poverty line: 各地区城乡基线低保标准');
    const file = path.join(dir, 'national-line.json');
    await writeFile(
      file,
      JSON.stringify({
        schemaVersion: 1,
        name: 'line',
        params: { poverty: { useNationalLine: true, nationalLine: 554 } },
      }),
    );
    const run = await runCli(['run', data, '--scenario', file, '--json', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    type National = Record<string, number>;
    const out: {
      povertyLine: { national: boolean; value: number };
      national: { scenario: National; baseline: National }[];
    } = JSON.parse(run.stdout);
    expect(out.povertyLine).toMatchObject({ national: true, value: 554 });
    // Only the measurement changed: the baseline is measured against the same national line, so every figure of the
    // baseline equals the scenario's (had the baseline kept its own line, the poverty figures would differ).
    const [year] = out.national;
    for (const id of ['poverty.preGap', 'poverty.postGap', 'poverty.postHeadcount', 'cost.total'])
      expect(year.baseline[id], id).toBe(year.scenario[id]);
    const base = await baselineJson();
    const own: { national: { scenario: National }[] } = JSON.parse(base.stdout);
    expect(own.national[0].scenario['poverty.preGap']).not.toBe(year.scenario['poverty.preGap']);
    expect(own.national[0].scenario['cost.total']).toBe(year.scenario['cost.total']);
  });
});

describe('safetynet household', () => {
  it('traces a shipped case under baseline and scenario', async () => {
    const run = await runCli([
      'household',
      '--case',
      'hebei-care',
      '--scenario',
      path.join(dir, 'scenario.json'),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out: { trace: { baseline: { status: string; total: number }; reform: { total: number } } } = JSON.parse(
      run.stdout,
    );
    expect(out.trace.baseline.status).toBe('dibao');
    expect(out.trace.reform.total).toBeGreaterThan(out.trace.baseline.total);
  });

  it('compares against a baseline file and shows a realised case with the events that happened', async () => {
    // Baseline file: a dispersed orphan allowance of 1000 a month; scenario: the national minimum 600 plus an orphan
    // one-off of 500. The Gansu orphan (dispersed, alone): baseline 1000 × 12 = 12,000; scenario 600 × 12 + 500 =
    // 7,700 (temporary assistance in expected value is the same under both and is taken out).
    const base = path.join(dir, 'orphan-base.json');
    const reform = path.join(dir, 'orphan-reform.json');
    await writeFile(
      base,
      JSON.stringify({ schemaVersion: 1, name: 'base', params: { orphan: { allowanceDispersed: 1000 } } }),
    );
    await writeFile(
      reform,
      JSON.stringify({ schemaVersion: 1, name: 'reform', params: { oneOff: { orphanAmount: 500 } } }),
    );
    const run = await runCli([
      'household',
      '--case',
      'gansu-orphan',
      '--baseline',
      base,
      '--scenario',
      reform,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    type Run = { status: string; total: number; components: Record<string, number> };
    const out: { outcome: string; trace: { baseline: Run; reform: Run } } = JSON.parse(run.stdout);
    expect(out.outcome).toBe('expected');
    expect(out.trace.baseline.status).toBe('none');
    expect(out.trace.baseline.components.orphanAllowance).toBeCloseTo(12000, 6);
    expect(out.trace.baseline.total - out.trace.baseline.components.temporary).toBeCloseTo(12000, 6);
    expect(out.trace.reform.total - out.trace.reform.components.temporary).toBeCloseTo(7700, 6);

    // Realised medical shock for the Shandong family (rigid-expenditure, not cash): no cash benefit, one medical
    // event of min(4, 12) months × the rural standard of the demo's Shandong row, paid as a lump sum.
    const real = await runCli([
      'household',
      '--case',
      'shandong-medical',
      '--outcome',
      'realised',
      '--events',
      'medical',
      '--json',
    ]);
    expect(real.code, real.stderr).toBe(0);
    const r: { trace: { baseline: Run & { steps: { id: string; result: number }[] } } } = JSON.parse(real.stdout);
    const standard = r.trace.baseline.steps.find((s) => s.id === 'standard')?.result ?? NaN;
    expect(r.trace.baseline.status).toBe('rigid');
    expect(r.trace.baseline.components.temporary).toBeCloseTo(4 * standard, 6);
    const text = await runCli([
      'household',
      '--case',
      'shandong-medical',
      '--outcome',
      'realised',
      '--events',
      'medical',
    ]);
    expect(text.stdout).toContain('Realised case');
    // Without --events a shipped case is realised as the review tells it: the 4,000 yuan the township approved.
    const review = await runCli(['household', '--case', 'shandong-medical', '--outcome', 'realised', '--json']);
    expect(review.code, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout).trace.baseline.components.temporary).toBeCloseTo(4000, 6);
    expect((await runCli(['household', '--case', 'shandong-medical', '--events', 'medical'])).code).toBe(2);
    expect(
      (await runCli(['household', '--case', 'shandong-medical', '--outcome', 'realised', '--events', 'flood'])).code,
    ).toBe(2);
  });

  it('tells the Nanjing case with its local hukou rule: no local status, 2,000 yuan of temporary assistance', async () => {
    const r = await runCli(['household', '--case', 'jiangsu-migrant', '--outcome', 'realised', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const trace = JSON.parse(r.stdout).trace as { baseline: { status: string; total: number } };
    expect(trace.baseline.status).toBe('none');
    expect(trace.baseline.total).toBeCloseTo(2000, 6);
    const text = await runCli(['household', '--case', 'jiangsu-migrant']);
    expect(text.stdout).toContain('当地规则 / Local rule: 南京（江苏）');
    expect(text.stdout).toContain('Nanjing (Jiangsu): a family without local hukou cannot apply where it lives');
  });

  it('exits 2 without a household and 1 for an invalid household file', async () => {
    expect((await runCli(['household'])).code).toBe(2);
    const file = path.join(dir, 'household.json');
    await writeFile(file, JSON.stringify({ regionCode: '43', household: { area: 'rural', size: 0 } }));
    const bad = await runCli(['household', '--household', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('household.size');
  });
});

describe('safetynet run --province', () => {
  it("prints one province's projection: its rows of the run's province tables, with cumulative cost", async () => {
    const out = path.join(dir, 'out-province');
    const run = await runCli([
      'run',
      data,
      '--scenario',
      path.join(dir, 'scenario.json'),
      '--years',
      '2',
      '--province',
      '43',
      '--area',
      'rural',
      '--json',
      '--quiet',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const json: {
      scope: { province: string; area: string; name: Bilingual };
      scoped: {
        year: number;
        scenario: Record<string, number>;
        baseline: Record<string, number>;
        cumulativeCost: number;
      }[];
    } = JSON.parse(run.stdout);
    expect(json.scope.name).toEqual({ zh: '湖南 · 农村', en: 'Hunan · rural' });
    expect(json.scoped.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    // The same numbers as the written province table's Hunan rural rows (summary_province.csv: code 43, area 1).
    const csv = (await readFile(path.join(out, 'summary_province.csv'), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
    const header = csv[0].split(',');
    const col = (name: string) => header.indexOf(name);
    const rows = csv.slice(1).map((line) => line.split(','));
    let cumulative = 0;
    for (const row of json.scoped) {
      const line = rows.find(
        (r) => r[col('year')] === String(row.year) && r[col('region_code')] === '43' && r[col('area')] === 'rural',
      );
      expect(line, String(row.year)).toBeDefined();
      expect(Number(line?.[col('cost_total')])).toBeCloseTo(row.scenario['cost.total'], 0);
      cumulative += row.scenario['cost.total'];
      expect(row.cumulativeCost).toBeCloseTo(cumulative, 6);
      expect(row.scenario['cost.total']).toBeGreaterThan(row.baseline['cost.total']);
    }
    const text = await runCli(['run', data, '--years', '1', '--province', '43', '--quiet']);
    expect(text.stdout).toContain('多年预测（湖南）/ Projection (Hunan)');
    expect(text.stdout).toContain('累计支出 cumulative (亿元)');
    expect((await runCli(['run', data, '--province', '4', '--quiet'])).code).toBe(2);
  });
});

describe('safetynet run --mode mc --years N', () => {
  it("gives the projection's intervals per year, the same whatever the worker split, and warns of thin cells", async () => {
    const [two, one] = await monteCarloRuns();
    expect(one.code, one.stderr).toBe(0);
    type Interval = { year: number; p5: number; p50: number; p95: number };
    const a: { projectionMonteCarlo: { replications: number; dibaoPersons: Interval[]; sources: { en: string } } } =
      JSON.parse(one.stdout);
    expect(a.projectionMonteCarlo.replications).toBe(6);
    expect(a.projectionMonteCarlo.dibaoPersons.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    for (const r of a.projectionMonteCarlo.dibaoPersons) {
      expect(r.p5).toBeLessThanOrEqual(r.p50);
      expect(r.p50).toBeLessThanOrEqual(r.p95);
    }
    expect(a.projectionMonteCarlo.sources.en).toContain('Nominal income growth 0.03–0.07');
    expect(two.stdout).toBe(one.stdout.replace(path.join(dir, MC_OUTS[1]), path.join(dir, MC_OUTS[0])));
    const csv = await readFile(path.join(dir, MC_OUTS[1], 'monte_carlo_projection.csv'), 'utf8');
    expect(csv).toContain('2026');
    // 3,000 households over 31 provinces: every province × area is far below the effective-sample rule.
    const text = await runCli(['run', data, '--years', '1', '--province', '43', '--area', 'rural', '--quiet']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('情景 / Scenario');
    expect(text.stdout).toContain('样本不足，逐年变化不可解读：湖南 · 农村');
    expect(text.stdout).toContain('Sample too small to read year-to-year changes: Hunan · rural');
  });
});

describe('safetynet solve', () => {
  it('finds the standard rise a budget affords', async () => {
    const base = await baselineJson();
    const cost: number = JSON.parse(base.stdout).national[0].scenario['cost.total'];
    const run = await runCli(['solve', 'budget', data, '--budget', String(Math.round(cost * 1.1)), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out: { result: { ok: boolean; value: number; cost: number } } = JSON.parse(run.stdout);
    expect(out.result.ok).toBe(true);
    expect(out.result.value).toBeGreaterThan(0);
    expect(Math.abs(out.result.cost - cost * 1.1) / cost).toBeLessThan(0.01);
  });

  it('blames a budget below reach on "never lower", the constraint that binds, not the lever minimum', async () => {
    const run = await runCli(['solve', 'budget', data, '--budget', '1亿']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('标准不低于现行标准');
    expect(run.stdout).toContain('"standards never fall below the current ones" (standard.neverLower)');
    expect(run.stdout).not.toContain("the lever's minimum -50 (");
  });

  it('prints cash persons (not households) in the sensitivity table and states what a swing of 0.2 means', async () => {
    const base = await baselineJson();
    const national = JSON.parse(base.stdout).national[0].scenario;
    const persons = national['persons.dibao'] + national['persons.tekun'];
    const households = national['households.dibao'] + national['households.tekun'];
    expect(persons).toBeGreaterThan(households);
    const run = await runCli(['solve', 'sensitivity', data, '--swing', '0.2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('parameters at 0 move by ±20% of their range (maximum − minimum)');
    // standard.scalePct is 0: swung by range share, ± 0.2 × (200 − (−50)) = ± 50 → [−50, 50]. At −50 "never lower"
    // keeps the current standards, so the low end's cash persons are the baseline's (in 万 = 10k, one decimal).
    const line = run.stdout.split('\n').find((l) => l.includes('Uniform standard change'));
    expect(line).toBeDefined();
    const flat = (line ?? '').replace(/,/g, '');
    expect(flat).toContain(`${(persons / 1e4).toFixed(1)} →`);
    expect(flat).not.toContain(`${(households / 1e4).toFixed(1)} →`);
    expect(flat).toMatch(/-50(\.0+)?\s/);
    // A parameter at 0 (classified supplement for the elderly) now moves and is marked as swung by range.
    const elderly = run.stdout.split('\n').find((l) => l.includes('Classified supplement'));
    expect(elderly ?? '').toContain('±r×范围 range');
  });

  it("solves one province's budget: the lever moves its rural standards only, measured on its rural spending", async () => {
    // The province's rural spending in the start year, from run's scoped projection (below): a budget 10% above it
    // affords a rise there; the same budget nationally would afford nothing.
    const base = await runCli(['run', data, '--province', '43', '--area', 'rural', '--json', '--quiet']);
    expect(base.code, base.stderr).toBe(0);
    const cost: number = JSON.parse(base.stdout).scoped[0].scenario['cost.total'];
    const budget = String(Math.round(cost * 1.1));
    const run = await runCli([
      'solve',
      'budget',
      data,
      '--budget',
      budget,
      '--province',
      '43',
      '--area',
      'rural',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out: { scope: { province: string; area: string }; result: { ok: boolean; value: number; cost: number } } =
      JSON.parse(run.stdout);
    expect(out.scope).toMatchObject({ province: '43', area: 'rural' });
    expect(out.result.ok).toBe(true);
    expect(out.result.value).toBeGreaterThan(0);
    expect(out.result.cost).toBeLessThanOrEqual(Number(budget));
    expect(Math.abs(out.result.cost - cost * 1.1) / cost).toBeLessThan(0.02);
    const text = await runCli(['solve', 'budget', data, '--budget', budget, '--province', '43', '--area', 'rural']);
    expect(text.stdout).toContain('湖南 · 农村标准提高');
    expect(text.stdout).toContain('(other regions unchanged)');
    expect((await runCli(['solve', 'sensitivity', data, '--province', '43'])).code).toBe(2);
  });

  it('exits 2 for an unknown question or a missing budget', async () => {
    expect((await runCli(['solve', 'happiness', data])).code).toBe(2);
    const noBudget = await runCli(['solve', 'budget', data]);
    expect(noBudget.code).toBe(2);
    expect(noBudget.stderr).toContain('--budget');
  });
});
