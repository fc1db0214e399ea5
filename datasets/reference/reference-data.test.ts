// The bundled reference modules must equal the CSV files they were copied from, byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NATIONAL_TARGETS, NATIONAL_TARGETS_CSV, PROVINCES, PROVINCES_CSV, nationalTarget } from './reference-data.ts';
import { hasChineseSource, sourceText } from './source-text.ts';

const read = (name: string): string => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

describe('reference data', () => {
  it('embeds the CSV files verbatim', () => {
    expect(PROVINCES_CSV).toBe(read('provinces.csv'));
    expect(NATIONAL_TARGETS_CSV).toBe(read('national-targets.csv'));
  });

  it('parses 31 provinces and every target with source, date and confidence', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(PROVINCES.every((p) => /^[1-6][0-9]$/.test(p.code) && p.population10k > 0 && p.dibaoRural > 0)).toBe(true);
    expect(NATIONAL_TARGETS).toHaveLength(read('national-targets.csv').trim().split('\n').length - 1);
    const urban = nationalTarget('dibao_persons_urban');
    expect(urban).toMatchObject({ value: 648, unit: '10k persons', asOf: '2024-06', confidence: 'medium' });
    expect(urban.source).toContain('Xinhua');
    expect(() => nationalTarget('nope')).toThrow(/Unknown reference metric/);
  });
});

describe('sourceText', () => {
  it('has a Chinese wording for the source of every reference figure', () => {
    for (const target of NATIONAL_TARGETS) {
      expect(hasChineseSource(target.source), target.source).toBe(true);
      expect(sourceText(target.source).zh).not.toMatch(/\b(NBS|MCA|million|billion)\b/);
    }
    expect(sourceText('unknown source')).toEqual({ zh: 'unknown source', en: 'unknown source' });
  });
});
