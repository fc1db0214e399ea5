// File-system failures a user can cause become bilingual data errors naming the path, never stack traces.
import { describe, expect, it } from 'vitest';
import { formatCliError, systemError } from './errors.ts';
import { stripControl } from './io.ts';

describe('systemError', () => {
  it.each([
    ['ENOSPC', '磁盘已满', 'the disk is full'],
    ['EROFS', '文件系统只读', 'read-only'],
    ['EACCES', '没有访问权限', 'permission denied'],
  ])('%s names the path and the cause in both languages', (code, zh, en) => {
    const error = Object.assign(new Error(`${code}: boom, open '/x/y.arrow'`), { code, path: '/x/y.arrow' });
    const cli = systemError(error);
    expect(cli?.exitCode).toBe(1);
    const text = formatCliError(cli!);
    expect(text).toContain(zh);
    expect(text).toContain(en);
    expect(text).toContain('/x/y.arrow');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('leaves programming errors alone (they are reported as internal errors)', () => {
    expect(systemError(new TypeError('x is undefined'))).toBeUndefined();
  });
});

describe('stripControl', () => {
  it('removes CSI, OSC (BEL- and ST-terminated), C1 and other control characters, keeping text, tabs and newlines', () => {
    const hostile =
      'a\u001b[31mred\u001b[0m\u001b]0;title\u0007b\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ c\r\nd\te\u0000\u009b2Jf';
    expect(stripControl(hostile)).toBe('aredblink c\nd\tef');
    expect(stripControl('低保 / dibao: 1,234')).toBe('低保 / dibao: 1,234');
  });
});
