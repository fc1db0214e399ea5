// Row numbers in validation messages are the ones a user finds in Excel: the header is row 1, data row 1 is row 2.
import { describe, expect, it } from 'vitest';
import { exampleText, spreadsheetRows } from './issues.ts';

describe('example rows', () => {
  it('count the header as row 1, as Excel and WPS do', () => {
    expect(spreadsheetRows([1, 7])).toEqual([2, 8]);
    expect(exampleText([1, 7])).toEqual({
      zh: '（例如第 2、8 行，表头为第 1 行）',
      en: ' (e.g. rows 2, 8, counting the header as row 1)',
    });
    expect(exampleText([3]).en).toBe(' (e.g. row 4, counting the header as row 1)');
    expect(exampleText([])).toEqual({ zh: '', en: '' });
  });
});
