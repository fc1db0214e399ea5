// Checks the one schema definition: documented in SCHEMA.md, consistent, and filling every engine array.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_ARRAY_KEYS } from '../sim/index.ts';
import { HOUSEHOLDS, REGIONS, TABLES } from './schema.ts';

const doc = readFileSync(new URL('./SCHEMA.md', import.meta.url), 'utf8');

describe('schema', () => {
  it('documents every column in SCHEMA.md', () => {
    for (const t of TABLES) for (const c of t.columns) expect(doc, `${t.name}.${c.name}`).toContain(`\`${c.name}\``);
  });

  it('uses unique snake_case names with bilingual labels', () => {
    for (const t of TABLES) {
      const names = t.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of t.columns) {
        expect(c.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(c.label.zh).not.toBe('');
        expect(c.label.en).not.toBe('');
        if (!c.required) expect(c.defaultValue, c.name).toBeTypeOf('number');
      }
    }
  });

  it('fills every HouseholdArrays field exactly once', () => {
    const fields = HOUSEHOLDS.columns.map((c) => c.field).filter((f) => f !== undefined);
    expect([...fields].sort()).toEqual([...HOUSEHOLD_ARRAY_KEYS].sort());
  });

  it('covers the regions parameters the engine reads', () => {
    const fields = REGIONS.columns.map((c) => c.field);
    for (const f of [
      'code',
      'nameZh',
      'nameEn',
      'population',
      'standard',
      'incomePrev',
      'consumptionPrev',
      'minWage',
      'centralShare',
    ]) {
      expect(fields).toContain(f);
    }
  });
});
