// The scale section of BENCHMARKS.md: written between its markers, read back, replaced in place, kept by other runs.
import { describe, expect, it } from 'vitest';
import { scaleMarkdown, scaleRowsIn, scaleSection, withScaleSection } from './scale.ts';
import type { ScaleRow } from './scale.ts';

const row = (stage: ScaleRow['stage'], households: number, ms: number): ScaleRow => ({
  stage,
  households,
  ms,
  peakRssBytes: households * 100,
  measuredAt: '2026-12-05T11:00:00.000Z',
  machine: 'test machine',
});

describe('scale section', () => {
  it('round-trips its rows, newest per size and stage, sorted by size then stage', () => {
    const section = scaleMarkdown([
      row('year', 40_000_000, 5),
      row('generate', 1_000_000, 1),
      row('year', 40_000_000, 7),
    ]);
    const rows = scaleRowsIn(`# Benchmarks\n\n${section}\n`);
    expect(rows.map((r) => [r.households, r.stage, r.ms])).toEqual([
      [1_000_000, 'generate', 1],
      [40_000_000, 'year', 7],
    ]);
    expect(section).toContain('| 40,000,000 |');
    expect(section).toContain('| 100 |');
  });

  it('is replaced in place, appended when missing, and kept when the rest of the document is rewritten', () => {
    const first = scaleMarkdown([row('validate', 1000, 1)]);
    const second = scaleMarkdown([row('validate', 1000, 2)]);
    const doc = withScaleSection('# Benchmarks\n\n1M section\n', first);
    expect(doc.startsWith('# Benchmarks\n\n1M section\n\n<!-- scale:start -->')).toBe(true);
    const replaced = withScaleSection(doc, second);
    expect(scaleRowsIn(replaced)[0].ms).toBe(2);
    expect(replaced.match(/scale:start/g)).toHaveLength(1);
    const regenerated = withScaleSection('# Benchmarks\n\nnew 1M section\n', scaleSection(replaced));
    expect(regenerated).toContain('new 1M section');
    expect(scaleRowsIn(regenerated)[0].ms).toBe(2);
    expect(withScaleSection('# Benchmarks\n', undefined)).toBe('# Benchmarks\n');
  });
});
