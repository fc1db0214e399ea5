// BENCHMARKS.md carries the browser measurement of the end-to-end tests beside the Node benchmark when there is one.
import { describe, expect, it } from 'vitest';
import { benchMarkdown } from './report.ts';
import type { BenchReport } from './report.ts';

const report: BenchReport = {
  date: '2026-11-29T06:00:00.000Z',
  machine: 'test machine',
  households: 1_000_000,
  seed: 1,
  rows: [{ id: 'kernel', labelZh: '内核', labelEn: 'Kernel', medianMs: 67.5, runs: 15, targetMs: 40 }],
  ratios: [{ labelZh: '内核 vs SQL', labelEn: 'kernel vs SQL', value: 3.8, targetMin: 5 }],
  memory: { rssBaselineMiB: 150, rssPeakMiB: 1350, bytesPerHousehold: 1263, heapDeltaMiB: 91 },
  versions: { app: '0.1.0' },
  agreement: [],
  notes: [],
};

describe('benchMarkdown', () => {
  it('has no browser section without a browser measurement', () => {
    expect(benchMarkdown(report)).not.toContain('Chromium');
  });
  it('adds the browser section: import + hand-off is read + hand-off, and medians of the slider runs', () => {
    const text = benchMarkdown(report, {
      measuredAt: '2026-11-29T06:30:00.000Z',
      households: 1_000_000,
      appStepTimings: { read: 2109, validate: 1414, handoff: 831 },
      sliderRuns: [
        { uiMs: 458, engineMs: 233.9, roundTripMs: 240.3 },
        { uiMs: 300, engineMs: 120, roundTripMs: 130 },
        { uiMs: 290, engineMs: 107.1, roundTripMs: 110.3 },
      ],
    });
    expect(text).toContain('headless Chromium');
    expect(text).toMatch(/Import \+ hand-off \| 2,940 \| ≤ 2,000/);
    expect(text).toMatch(/engine results back \(round trip, median of 3\) \| 130 \| \|/);
    expect(text).toMatch(/next frame, median of 3\) \| 300 \| ≤ 100/);
    expect(text).not.toContain('usable demo');
  });
  it('adds the opening time when the test measured it', () => {
    const text = benchMarkdown(report, {
      measuredAt: '2026-11-29T06:30:00.000Z',
      households: 1_000_000,
      appStepTimings: {},
      sliderRuns: [],
      startRuns: [{ ms: 2500 }, { ms: 1800 }, { ms: 1900 }],
    });
    expect(text).toMatch(/usable demo \(fresh profile, engine results shown; median of 3\) \| 1,900 \| ≤ 2,000/);
  });
});
