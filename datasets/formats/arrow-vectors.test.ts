// The CSP-safe Arrow vectors: the same values and nulls as Arrow's own builders after an IPC round trip, and built
// while `new Function` is refused (as the app's Content-Security-Policy refuses it), where Arrow's builders fail.
import { describe, expect, it } from 'vitest';
import { Float64, Table, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { boolVector, columnVector, float64Vector, int32Vector, int64Vector, utf8Vector } from './arrow-vectors.ts';

/** Runs `f` with the Function constructor refusing to compile code, as under a CSP without 'unsafe-eval'. */
function withoutEval<T>(f: () => T): T {
  const original = globalThis.Function;
  globalThis.Function = new Proxy(original, {
    construct() {
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP)');
    },
    apply() {
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP)');
    },
  });
  try {
    return f();
  } finally {
    globalThis.Function = original;
  }
}

describe('arrow vectors', () => {
  it('round-trip values and nulls of every type through Arrow IPC', () => {
    const table = withoutEval(
      () =>
        new Table({
          f: float64Vector([1.5, null, -2]),
          i: int32Vector([7, null, -3]),
          l: int64Vector([9007199254740993n, null, -1n]),
          s: utf8Vector(['湖南', null, '']),
          b: boolVector([true, null, false]),
        }),
    );
    const back = tableFromIPC(tableToIPC(table, 'stream'));
    const rows = back.toArray().map((row) => row.toJSON() as Record<string, unknown>);
    expect(rows).toEqual([
      { f: 1.5, i: 7, l: 9007199254740993n, s: '湖南', b: true },
      { f: null, i: null, l: null, s: null, b: null },
      { f: -2, i: -3, l: -1n, s: '', b: false },
    ]);
  });

  it('picks the type of a plain column as the CLI writer did, and keeps typed arrays', () => {
    const built = withoutEval(() => ({
      n: columnVector([1, null, 3]),
      b: columnVector([true, false]),
      s: columnVector(['a', null, 3]),
      t: columnVector(Uint8Array.of(1, 2)),
    }));
    expect(built.n.type.toString()).toBe('Float64');
    expect(built.n.toArray()).toEqual(vectorFromArray([1, null, 3], new Float64()).toArray());
    expect(built.n.get(1)).toBeNull();
    expect(built.b.type.toString()).toBe('Bool');
    expect([...built.s]).toEqual(['a', null, '3']);
    expect(built.t.type.toString()).toBe('Uint8');
  });

  it('is needed: Arrow’s own builder fails where these vectors are built', () => {
    expect(() => withoutEval(() => vectorFromArray([1, null], new Float64()))).toThrow(EvalError);
  });
});
