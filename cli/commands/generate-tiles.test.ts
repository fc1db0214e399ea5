// generate above one run's size: tiles written one at a time into one Arrow file, household ids running on, weights
// scaled so the tiles stand for the population once, tile 0 the very run of the same seed, the manifest hash true.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../datasets/index.ts';
import { tileSeed, tileSizes, writeTiledDataset } from './generate.ts';

describe('generate in tiles', () => {
  it('splits a size into the fewest tiles of at most the given size, within one household of each other', () => {
    expect(tileSizes(10, 4)).toEqual([4, 3, 3]);
    expect(tileSizes(8, 4)).toEqual([4, 4]);
    expect(tileSizes(40_000_000, 1_000_000)).toHaveLength(40);
  });

  it('streams the tiles into one Arrow file whose rows, ids, weights and hash are right', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tiles-'));
    try {
      const tiles: number[] = [];
      const manifest = await writeTiledDataset(dir, 3000, 7, 0, (done) => tiles.push(done), 1000);
      expect(tiles).toEqual([1, 2, 3]);
      expect(manifest.tiles).toEqual([1000, 1000, 1000]);
      const bytes = readFileSync(path.join(dir, 'households.arrow'));
      expect(manifest.files['households.arrow']).toBe(createHash('sha256').update(bytes).digest('hex'));
      const table = tableFromIPC(bytes);
      expect(table.numRows).toBe(3000);
      expect(table.batches).toHaveLength(3);
      expect(Array.from(table.getChild('household_id')?.toArray() ?? [])).toEqual(
        Array.from({ length: 3000 }, (_, i) => i + 1),
      );
      // Tile 0 is the generator's own run of the same seed, its weights scaled by its share of the rows.
      const single = generateDemo(1000, tileSeed(7, 0));
      const weights = table.getChild('weight')?.toArray() as Float64Array;
      for (let i = 0; i < 1000; i++) expect(weights[i]).toBe(single.households.weight[i] * (1000 / 3000));
      const total = (w: ArrayLike<number>): number => Array.from(w).reduce((a, b) => a + b, 0);
      // Each tile's weights stand for the population (totals differ by sampling only), so three tiles sum to one total.
      expect(total(weights) / total(single.households.weight)).toBeCloseTo(1, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
