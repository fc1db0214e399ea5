// CSV text cells: every formula-starting character neutralised (OWASP), quoting by RFC 4180, plain text untouched.
import { describe, expect, it } from 'vitest';
import { csvTextField, neutraliseFormula } from './csv-cell.ts';

describe('csvTextField', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises %j', (input, expected) => {
    expect(csvTextField(input)).toBe(expected);
  });

  it('leaves ordinary text alone and quotes as RFC 4180 says', () => {
    expect(csvTextField('北京')).toBe('北京');
    expect(csvTextField('a,b')).toBe('"a,b"');
    expect(csvTextField('#1')).toBe('"#1"');
    expect(csvTextField('x=1')).toBe('x=1');
    expect(neutraliseFormula('')).toBe('');
  });
});
