// Provenance: every field present, hashes stable under key order, labelled lines carry the scenario for re-running.
import { describe, expect, it } from 'vitest';
import { buildProvenance, canonicalJson, provenanceLines, sha256Hex } from './provenance.ts';
import { fixedProvenance } from './test-fixtures.ts';

describe('provenance', () => {
  it('records versions, hashes, scenario, seed, mode, threshold and time', async () => {
    const p = await fixedProvenance();
    expect(p).toMatchObject({
      tool: 'safetynet',
      appVersion: '0.1.0',
      engineVersion: '1.0.0',
      command: 'export:xlsx',
      mode: 'ev',
      seed: 20240701,
      suppressionMinCell: 10,
      synthetic: true,
      timestamp: '2026-11-29T05:00:00.000Z',
    });
    expect(p.datasetFiles).toEqual([{ file: 'households.arrow', sha256: 'a'.repeat(64), bytes: 1024 }]);
    expect(p.scenarioSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes SHA-256 like every other tool', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(await sha256Hex('abc'));
  });

  it('gives the same scenario hash whatever the key order', async () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    const base = { appVersion: '1', engineVersion: '1', format: 'csv' as const, mode: 'ev' as const, seed: 1 };
    const rest = { replications: 1, years: 1, suppressionMinCell: 10, datasetFiles: [], synthetic: false };
    const one = await buildProvenance({ ...base, ...rest, scenario: { name: 'x', schemaVersion: 1 } });
    const two = await buildProvenance({ ...base, ...rest, scenario: { schemaVersion: 1, name: 'x' } });
    const other = await buildProvenance({ ...base, ...rest, scenario: { schemaVersion: 1, name: 'y' } });
    expect(one.scenarioSha256).toBe(two.scenarioSha256);
    expect(one.scenarioSha256).not.toBe(other.scenarioSha256);
  });

  it('lists labelled lines with the dataset hash and the scenario JSON last', async () => {
    const p = await fixedProvenance();
    const zh = provenanceLines(p, 'zh');
    expect(zh.map((line) => line.label.zh)).toContain('数据文件 households.arrow（SHA-256）');
    expect(zh.find((line) => line.label.zh === '数据性质')?.value).toBe('合成演示数据，非官方统计');
    expect(JSON.parse(zh[zh.length - 1].value)).toEqual(p.scenario);
  });
});
