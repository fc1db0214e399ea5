// The shared provenance JSON is canonical: key order never changes the text, so the CLI and the app hash alike.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './provenance.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    const a = { name: '方案', params: { standard: { scalePct: 10 }, dibao: { assetMonths: 24 } }, extra: undefined };
    const b = { params: { dibao: { assetMonths: 24 }, standard: { scalePct: 10 } }, name: '方案' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"name":"方案","params":{"dibao":{"assetMonths":24},"standard":{"scalePct":10}}}');
  });
  it('keeps array order', () => {
    expect(canonicalJson([{ b: 1, a: 2 }, 3])).toBe('[{"a":2,"b":1},3]');
  });
});
