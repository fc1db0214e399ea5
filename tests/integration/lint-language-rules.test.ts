// The lint rules that keep user-facing text in the catalogue: inline language ternaries (directly or through a `zh`
// flag) and literal words in JSX are errors; punctuation, digits and catalogue lookups pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of the two language rules for `code` linted as if it were `file`. */
async function languageProblems(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message.split(':')[0]);
}

describe('language lint rules', () => {
  it('refuse inline language ternaries in any layer, either way round and through a flag', async () => {
    const code = [
      "export const a = (language: string) => (language === 'zh' ? '是' : 'yes');",
      "export const b = (s: { lang: string }) => ('en' !== s.lang ? '否' : 'no');",
      "export const c = (language: string) => { const zh = language === 'zh'; return zh ? '年' : 'years'; };",
      'export const d = (language: string) => (language.length > 1 ? 1 : 2);',
    ].join('\n');
    expect(await languageProblems(code, 'renderer/src/features/x.ts')).toEqual([
      'No inline language ternaries',
      'No inline language ternaries',
      'No inline language ternaries',
    ]);
    expect(await languageProblems(code, 'cli/x.ts')).toHaveLength(3);
  });

  it('refuse words in JSX text but allow punctuation, digits and catalogue lookups', async () => {
    const words = 'export const A = () => <p>Hello</p>;\nexport const B = () => <p>你好</p>;';
    expect(await languageProblems(words, 'renderer/src/features/x.tsx')).toEqual([
      'No literal text in JSX',
      'No literal text in JSX',
    ]);
    const allowed = 'export const C = (m: { hi: string }) => <p>{m.hi}: 3 – 5 (▲)</p>;';
    expect(await languageProblems(allowed, 'renderer/src/features/x.tsx')).toEqual([]);
  });
});
