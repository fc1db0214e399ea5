// Header collisions (trim, case, full-width) and the CSV header as written, hand-checked.
import { describe, expect, it } from 'vitest';
import { collidingHeaders, csvHeaderFields, headerKey } from './headers.ts';

describe('headers', () => {
  it('folds space, case and full-width forms', () => {
    expect(headerKey(' Weight ')).toBe('weight');
    expect(headerKey('ｗｅｉｇｈｔ')).toBe('weight');
    expect(collidingHeaders(['household_id', 'weight ', 'size', 'weight'])).toEqual([{ first: 1, second: 3 }]);
    expect(collidingHeaders(['WEIGHT', 'ｗｅｉｇｈｔ', 'weight'])).toEqual([
      { first: 0, second: 1 },
      { first: 0, second: 2 },
    ]);
    expect(collidingHeaders(['a', 'b', 'a_1'])).toEqual([]);
  });

  it('reads the CSV header as written, quotes and BOM included', () => {
    expect(csvHeaderFields('\uFEFFa,"weight ","x,""y"""\r\n1,2,3', ',')).toEqual(['a', 'weight ', 'x,"y"']);
    expect(csvHeaderFields('a\tb\n', '\t')).toEqual(['a', 'b']);
  });
});
