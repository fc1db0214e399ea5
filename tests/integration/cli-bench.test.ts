// `safetynet bench` end to end, in process through main(argv, io), on a small dataset: every measurement is present,
// the kernel and both SQL engines agree on the timed scenario, and ratios are reported. Times are only reported, never
// asserted.
import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../../cli/bench/report.ts';
import { runCli } from '../../cli/testing/run-cli.ts';

describe('safetynet bench', () => {
  it('measures kernel, projection, Monte Carlo, import, validation and both SQL engines, which agree with the kernel', async () => {
    const run = await runCli([
      'bench',
      '--households',
      '3000',
      '--kernel-runs',
      '2',
      '--sql-runs',
      '1',
      '--replications',
      '4',
      '--skip-markdown',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report: BenchReport = JSON.parse(run.stdout);
    expect(report.households).toBe(3000);
    const ids = report.rows.map((r) => r.id);
    for (const id of ['kernel-ev', 'projection', 'mc', 'import', 'validate', 'handoff', 'sql-wasm', 'sql-native']) {
      expect(ids).toContain(id);
    }
    for (const row of report.rows) expect(Number.isFinite(row.medianMs) && row.medianMs >= 0, row.id).toBe(true);
    // Kernel on worker threads against DuckDB-wasm and native DuckDB (with targets), then the one-thread kernel.
    expect(report.ratios).toHaveLength(4);
    expect(report.ratios.filter((r) => r.targetMin !== undefined)).toHaveLength(2);
    for (const ratio of report.ratios) expect(ratio.value).toBeGreaterThan(0);
    for (const id of ['kernel-ev-single', 'projection-single']) expect(ids).toContain(id);
    expect(report.agreement.length).toBeGreaterThan(0);
    for (const a of report.agreement) expect(a.relDiff, a.metric).toBeLessThan(1e-9);
    expect(report.memory.rssPeakMiB).toBeGreaterThan(0);
  });
});
