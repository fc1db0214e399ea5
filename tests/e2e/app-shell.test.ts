// The app opens in Chinese with real CJK glyphs, switches to English and back, and every screen can be reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type Session } from './harness.ts';

let session: Session;

beforeAll(async () => {
  session = await openApp();
});

afterAll(async () => {
  await session?.close();
});

describe('app shell', () => {
  it('opens in Simplified Chinese with a CJK font that has the glyphs', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: '社会救助政策仿真工作台' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const hasGlyphs = await page.evaluate(() =>
      document.fonts.check('16px "Noto Sans CJK SC"', '社会救助政策仿真工作台'),
    );
    expect(hasGlyphs).toBe(true);
    await screenshot(page, 'shell-zh');
  });

  it('switches to English and back', async () => {
    const { page } = session;
    await page.getByTestId('lang-en').click();
    await page.getByRole('heading', { name: 'Safety Net Workbench' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'shell-en');
    await page.getByTestId('lang-zh').click();
    await page.getByRole('heading', { name: '社会救助政策仿真工作台' }).waitFor();
  });

  it('reaches every screen from the navigation', async () => {
    const { page } = session;
    for (const id of [
      'data',
      'scenario',
      'results',
      'projection',
      'compare',
      'inverse',
      'household',
      'sql',
      'briefing',
    ]) {
      await page.getByTestId(`nav-${id}`).click();
      await page.locator(`main[data-screen="${id}"]`).waitFor();
    }
    expect(session.errors).toEqual([]);
  });
});
