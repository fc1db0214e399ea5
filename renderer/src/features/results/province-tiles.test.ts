// The tile layout covers the 31 provinces of the reference table exactly once, without overlaps, inside the grid.
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../../../datasets/index.ts';
import {
  PROVINCE_TILES,
  TILE_COLS,
  TILE_ROWS,
  colourDomain,
  textColourOn,
  tileColour,
  tileOf,
} from './province-tiles.ts';

describe('PROVINCE_TILES', () => {
  it('has 31 unique provinces matching the reference table', () => {
    const codes = PROVINCE_TILES.map((t) => t.code);
    expect(new Set(codes).size).toBe(31);
    expect([...codes].sort()).toEqual(PROVINCES.map((p) => p.code).sort());
    for (const tile of PROVINCE_TILES) {
      expect(PROVINCES.find((p) => p.code === tile.code)?.nameZh).toBe(tile.shortZh);
      // English tiles name the province as the reference table does (Hebei, Henan, …), never a code like HEB.
      expect(PROVINCES.find((p) => p.code === tile.code)?.nameEn).toBe(tile.shortEn);
    }
  });
  it('puts no two tiles in the same cell and keeps all inside the grid', () => {
    const cells = PROVINCE_TILES.map((t) => `${t.row},${t.col}`);
    expect(new Set(cells).size).toBe(PROVINCE_TILES.length);
    for (const t of PROVINCE_TILES) {
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(TILE_ROWS);
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(TILE_COLS);
    }
  });
  it('roughly follows geography', () => {
    const at = (code: string) => tileOf(code)!;
    expect(at('65').col).toBeLessThan(at('11').col);
    expect(at('23').row).toBeLessThan(at('44').row);
    expect(at('46').row).toBe(Math.max(...PROVINCE_TILES.map((t) => t.row)));
    expect(at('31').col).toBeGreaterThan(at('51').col);
  });
  it('finds the province tile of a prefecture code', () => {
    expect(tileOf('5301')?.code).toBe('53');
    expect(tileOf('99')).toBeUndefined();
  });
});

describe('colours', () => {
  it('uses a symmetric domain for changes and the data range for levels', () => {
    expect(colourDomain([-2, 5, Number.NaN], 'diverging')).toEqual([-5, 5]);
    expect(colourDomain([3, 7], 'sequential')).toEqual([3, 7]);
    expect(colourDomain([], 'sequential')).toEqual([0, 1]);
  });
  it('colours low, high, missing and signed values distinctly', () => {
    const low = tileColour(3, [3, 7], 'sequential');
    const high = tileColour(7, [3, 7], 'sequential');
    expect(low).not.toBe(high);
    expect(tileColour(Number.NaN, [3, 7], 'sequential')).toBe('#e3e6ea');
    expect(tileColour(0, [-5, 5], 'diverging')).toBe('#f4f5f7');
    expect(tileColour(5, [-5, 5], 'diverging')).toBe('#b03a48');
    expect(tileColour(-5, [-5, 5], 'diverging')).toBe('#2e7d4f');
    expect(textColourOn(high)).toBe('#ffffff');
    expect(textColourOn(low)).toBe('#1d2733');
  });
});
