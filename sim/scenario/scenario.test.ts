// Scenario parsing, bilingual errors with field paths and ranges, migration, the published JSON Schema and examples.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticRegions } from '../testing/synthetic.ts';
import { parseScenario } from './parse.ts';
import { resolveScenario } from './resolve.ts';
import { scenarioJsonSchema } from './schema.ts';
import type { Scenario } from './types.ts';

const scenariosDir = fileURLToPath(new URL('../../datasets/scenarios/', import.meta.url));
const schemaFile = scenariosDir + 'scenario.schema.json';

function errorsOf(input: unknown) {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseScenario', () => {
  it('accepts a minimal scenario', () => {
    const r = parseScenario({ schemaVersion: 1, name: 'x' });
    expect(r.ok).toBe(true);
  });

  it('never throws on junk and explains the problem in both languages', () => {
    for (const junk of [null, undefined, 42, 'text', [], {}, { schemaVersion: '1' }, { schemaVersion: 1 }]) {
      const r = parseScenario(junk);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
          expect(e.messageEn.length).toBeGreaterThan(5);
        }
      }
    }
  });

  it('names the field path and the allowed range of an out-of-range parameter', () => {
    const [e] = errorsOf({ schemaVersion: 1, name: 'x', params: { dibao: { assetMonths: 500 } } });
    expect(e.path).toBe('params.dibao.assetMonths');
    expect(e.messageEn).toContain('0–120');
    expect(e.messageZh).toContain('0–120');
    expect(e.messageZh).toContain('金融资产限额');
  });

  it('enforces the national minimum of the tekun multiplier', () => {
    const [e] = errorsOf({ schemaVersion: 1, name: 'x', params: { tekun: { livingMultiplier: 1.2 } } });
    expect(e.path).toBe('params.tekun.livingMultiplier');
    expect(e.messageEn).toContain('1.3–3');
  });

  it('rejects unknown parameters and non-regional parameters in region overrides', () => {
    const [unknown] = errorsOf({ schemaVersion: 1, name: 'x', params: { dibao: { assetMonthz: 3 } } });
    expect(unknown.path).toBe('params.dibao.assetMonthz');
    const [nonRegional] = errorsOf({
      schemaVersion: 1,
      name: 'x',
      regionOverrides: [{ region: '43', params: { monitoring: { targetShare: 0.1 } } }],
    });
    expect(nonRegional.path).toBe('regionOverrides.0.params.monitoring.targetShare');
  });

  it('rejects malformed region codes and unsupported versions', () => {
    const [code] = errorsOf({ schemaVersion: 1, name: 'x', standardOverrides: [{ region: '4', value: 900 }] });
    expect(code.path).toBe('standardOverrides.0.region');
    const [version] = errorsOf({ schemaVersion: 99, name: 'x' });
    expect(version.path).toBe('schemaVersion');
    expect(version.messageEn).toContain('99');
  });

  it('accepts switches as booleans or 0/1', () => {
    expect(parseScenario({ schemaVersion: 1, name: 'x', params: { dibao: { carTest: false } } }).ok).toBe(true);
    expect(parseScenario({ schemaVersion: 1, name: 'x', params: { dibao: { carTest: 0 } } }).ok).toBe(true);
  });
});

describe('published JSON Schema', () => {
  it('matches the committed datasets/scenarios/scenario.schema.json (UPDATE_SCENARIO_SCHEMA=1 rewrites it; then run prettier --write on it)', () => {
    const schema = scenarioJsonSchema();
    if (process.env.UPDATE_SCENARIO_SCHEMA === '1') writeFileSync(schemaFile, JSON.stringify(schema, null, 2) + '\n');
    expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toEqual(schema);
  });

  it('states parameter ranges', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toContain('"assetMonths"');
    expect(text).toContain('"maximum":120');
  });
});

describe('example scenarios', () => {
  const files = readdirSync(scenariosDir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');

  it('ships the seven examples of the brief', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const f of files) {
    it(`${f} validates and resolves`, () => {
      const r = parseScenario(JSON.parse(readFileSync(scenariosDir + f, 'utf8')));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const regions = syntheticRegions(33);
      const p = resolveScenario(r.scenario, regions, { yearIndex: r.scenario.projection?.years ?? 0 });
      for (const v of p.standard) expect(Number.isFinite(v) && v > 0).toBe(true);
    });
  }
});

describe('resolveScenario', () => {
  const regions = syntheticRegions(3);
  const base: Scenario = { schemaVersion: 1, name: 'x' };

  it('keeps the dataset standards in the baseline and follows the fixed path in later years', () => {
    const y0 = resolveScenario(base, regions);
    expect(Array.from(y0.standard)).toEqual(Array.from(regions.standard));
    const y2 = resolveScenario(base, regions, { yearIndex: 2 });
    expect(y2.standard[0]).toBeCloseTo(regions.standard[0] * 1.04 ** 2, 9);
    expect(y2.povertyLine[0]).toBeCloseTo(regions.standard[0] * 1.04 ** 2, 9);
    expect(y2.priceIndex).toBeCloseTo(1.01 ** 2, 12);
  });

  it('re-applies the consumption rule to grown consumption on the rule path', () => {
    const s: Scenario = {
      ...base,
      params: { standard: { useConsumptionRatio: true, consumptionRatioUrban: 0.4 } },
      projection: { startYear: 2024, years: 3, standardPath: 'rule' },
    };
    const y1 = resolveScenario(s, regions, { yearIndex: 1 });
    const expected = Math.max((0.4 * regions.consumptionPrev[0] * 1.05) / 12, regions.standard[0]);
    expect(y1.standard[0]).toBeCloseTo(expected, 9);
  });

  it('phases monitoring widening in linearly', () => {
    const s: Scenario = { ...base, params: { monitoring: { coverageMultiplier: 2, phaseYears: 3 } } };
    const m = [0, 1, 2].map(
      (t) => resolveScenario(s, regions, { yearIndex: t }).cell['monitoring.coverageMultiplier'][0],
    );
    expect(m[0]).toBeCloseTo(1 + 1 / 3, 12);
    expect(m[1]).toBeCloseTo(1 + 2 / 3, 12);
    expect(m[2]).toBeCloseTo(2, 12);
  });

  it('takes the central share from the dataset unless overridden per province', () => {
    const p = resolveScenario(base, regions);
    expect(p.centralShare[2]).toBe(regions.centralShare[1]);
    const o = resolveScenario(
      { ...base, regionOverrides: [{ region: '12', params: { funding: { centralShare: 0.9 } } }] },
      regions,
    );
    expect(o.centralShare[2]).toBe(0.9);
    expect(o.centralShare[0]).toBe(regions.centralShare[0]);
  });
});
