// Complementary suppression on hand-computed hierarchies: which cells it adds, that the pattern depends on the
// sample only, and that it says so when a province is the whole dataset (nothing can protect it).
import { describe, expect, it } from 'vitest';
import { syntheticPrefectures, syntheticRegions } from '../testing/synthetic.ts';
import { determinedCells, suppressionPattern } from './disclosure.ts';
import { hash4 } from '../random/counter-hash.ts';
import {
  attackRelations,
  cellKey,
  rankAttack,
  substitutionAttack,
  type PublishedCell,
} from '../testing/disclosure-attack.ts';

/** Sample households per region × area, [urban, rural] per region in order. */
const samples = (pairs: [number, number][]) => Float64Array.from(pairs.flat());

describe('suppressionPattern', () => {
  const regions = syntheticPrefectures(2, 2); // 11 → 1101, 1102; 12 → 1201, 1202

  it('publishes everything when no cell is below the threshold', () => {
    const p = suppressionPattern(
      regions,
      samples([
        [50, 40],
        [40, 30],
        [60, 60],
        [60, 60],
      ]),
      10,
    );
    expect([...p.province, ...(p.region ?? [])].every((f) => f === 0)).toBe(true);
    expect(p).toMatchObject({ primary: 0, secondary: 0, unprotectable: 0 });
  });

  it('completes a rectangle around one small rural cell (hand-computed)', () => {
    // 1101 rural has 5 households (< 10). Region rows: 1101 u 50 r 5 all 55; 1102 u 40 r 30 all 70.
    // 1101's own relation (all = u + r): cheapest partner 1101 urban (50 < 55). Province 11's rural relation
    // (11r = 1101r + 1102r): cheapest partner 1102 rural (30 < 35 of 11r). 11's urban relation now holds only 1101u:
    // partner 1102 urban (40 < 90). 1102's relation then holds two suppressed cells: a 2 × 2 rectangle, safe.
    const p = suppressionPattern(
      regions,
      samples([
        [50, 5],
        [40, 30],
        [60, 60],
        [60, 60],
      ]),
      10,
    );
    expect([...(p.region ?? [])]).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect([...p.province]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(p).toMatchObject({ primary: 1, secondary: 3, unprotectable: 0 });
  });

  it('suppresses a small prefecture with a sibling so the province total does not give it away', () => {
    // 1201 has 6 + 3 households: all three of its cells are primary. Province 12's relations then each hold one
    // suppressed cell; the cheapest partners are 1202's cells (sample 20, 20, 40 < 26, 23, 49 of province 12).
    const p = suppressionPattern(
      regions,
      samples([
        [50, 40],
        [40, 30],
        [6, 3],
        [20, 20],
      ]),
      10,
    );
    expect([...(p.region ?? [])]).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(p).toMatchObject({ primary: 3, secondary: 3, unprotectable: 0 });
  });

  it('reports a province that is the whole dataset as unprotectable (it equals the national row)', () => {
    const p = suppressionPattern(syntheticRegions(1), samples([[50, 5]]), 10);
    expect(p.province[1]).toBe(1);
    expect(p.unprotectable).toBeGreaterThan(0);
  });

  it('memoises per regions, threshold and sample', () => {
    const s = samples([
      [50, 5],
      [40, 30],
      [60, 60],
      [60, 60],
    ]);
    expect(suppressionPattern(regions, s, 10)).toBe(suppressionPattern(regions, s.slice(), 10));
    expect(suppressionPattern(regions, s, 11)).not.toBe(suppressionPattern(regions, s, 10));
  });
});

describe('determinedCells', () => {
  it('finds a cell fixed through a chain of relations, and none in a cycle', () => {
    // Cells 0..4; relations: 0 = 1 + 2, 2 = 3 + 4. Suppressing 1 and 2 alone: 1 + 2 known, 2 = 3 + 4 with 3, 4
    // published → 2 known → 1 known. Suppressing 1, 2, 3: 2 − 3 = known, 1 + 2 = known: nothing determined.
    const relations = [Int32Array.of(0, 1, 2), Int32Array.of(2, 3, 4)];
    expect(determinedCells(relations, Uint8Array.of(0, 1, 1, 0, 0)).sort()).toEqual([1, 2]);
    expect(determinedCells(relations, Uint8Array.of(0, 1, 1, 1, 0))).toEqual([]);
  });
});

describe('suppressionPattern at scale', () => {
  it('leaves nothing recoverable in 31 provinces of 5, 12 or 30 regions with many small cells', () => {
    for (const [perProvince, spread] of [
      [5, 30],
      [12, 25],
      [30, 20],
    ] as const) {
      const regions = syntheticPrefectures(31, perProvince);
      // Sample households per cell drawn from 0 … spread − 1: a third to a half of the region cells are below 10.
      const sample = Float64Array.from({ length: regions.count * 2 }, (_, i) =>
        Math.floor((hash4(perProvince, i, 0, 0) / 4294967296) * spread),
      );
      const p = suppressionPattern(regions, sample, 10);
      expect(p.primary).toBeGreaterThan(100);
      const cells = new Map<string, PublishedCell>();
      const put = (level: string, code: string, area: number, flag: number) => {
        const key = cellKey('t', level, code, area);
        cells.set(key, { key, value: 0, suppressed: flag === 1 });
      };
      for (let a = 0; a < 3; a++) put('national', '00', a, 0);
      regions.provinceCodes.forEach((code, i) => {
        for (let a = 0; a < 3; a++) put('province', code, a, p.province[i * 3 + a]);
      });
      regions.code.forEach((code, i) => {
        for (let a = 0; a < 3; a++) put('region', code, a, p.region?.[i * 3 + a] ?? 0);
      });
      const relations = attackRelations(cells);
      expect(substitutionAttack(cells, relations).size).toBe(0);
      expect(rankAttack(cells, relations)).toEqual([]);
      expect(p.unprotectable).toBe(0);
    }
  });
});
