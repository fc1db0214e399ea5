// CSV: BOM first, Chinese intact, units in headers, suppressed cells marked (never their value), rule and provenance.
import { describe, expect, it } from 'vitest';
import { buildCsv, csvBytes, csvField } from './csv.ts';
import { fixedProvenance, provinceTable } from './test-fixtures.ts';

/** Minimal RFC 4180 reader for the data part (lines before the first blank line). */
function readRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('buildCsv', () => {
  it('starts with the UTF-8 BOM and keeps Chinese text intact through bytes', async () => {
    const text = buildCsv(provinceTable(), { language: 'zh', provenance: await fixedProvenance() });
    const bytes = csvBytes(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(decoded).toContain('北京市');
    expect(decoded).toContain('分省低保结果');
  });

  it('writes units in headers and numbers in the display unit of the language', () => {
    const zh = readRows(buildCsv(provinceTable(), { language: 'zh' }).slice(1));
    expect(zh[0]).toEqual(['省份', '低保人数（万人）', '年度支出（亿元）', '覆盖率（%）']);
    expect(zh[1]).toEqual(['北京市', '12.3456', '23.45678901', '1.23']);
    const en = readRows(buildCsv(provinceTable(), { language: 'en' }).slice(1));
    expect(en[0]).toEqual([
      'Province',
      'Dibao persons (million persons)',
      'Annual cost (billion yuan)',
      'Coverage (%)',
    ]);
    expect(en[1][1]).toBe('0.123456');
  });

  it('marks suppressed cells and never writes their value', () => {
    const text = buildCsv(provinceTable(), { language: 'zh' });
    const rows = readRows(text.slice(1));
    expect(rows[2]).toEqual(['云南省, 测试', '[抑制]', '0.98765432', '4.56']);
    expect(text).not.toContain('0.8765');
    expect(text).toContain('# 披露控制：样本户数（未加权）少于 10 户的单元格已抑制');
  });

  it('appends provenance as note lines with the scenario JSON on one line', async () => {
    const provenance = await fixedProvenance();
    const text = buildCsv(provinceTable(), { language: 'en', provenance });
    const notes = text.split('\r\n').filter((line) => line.startsWith('# '));
    expect(notes.some((line) => line.includes(provenance.scenarioSha256))).toBe(true);
    const scenarioLine = notes.find((line) => line.startsWith('# Scenario JSON: '));
    expect(JSON.parse(scenarioLine?.slice('# Scenario JSON: '.length) ?? '')).toEqual(provenance.scenario);
  });

  it('neutralises formula-starting text (OWASP) and keeps negative numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvField('@A1')).toBe("'@A1");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField(-1.5)).toBe('-1.5');
  });

  it('quotes fields with commas, quotes and leading #', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('#1')).toBe('"#1"');
    expect(csvField(0.1 + 0.2)).toBe('0.3');
    expect(csvField(Number.NaN)).toBe('');
  });
});
