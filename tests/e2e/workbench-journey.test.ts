// The app shell and a user's journey through every screen on the bundled demo, in one fresh app: it opens in Chinese
// with real CJK glyphs, switches to English and back, every screen can be reached; then load, change a standard, see
// the headlines move, compare, project, open each case, query in SQL, solve for a budget, every screen in both
// languages (screenshots of each with E2E_SCREENSHOTS=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openApp, screenshot, type Session } from './harness.ts';

const SCREENS = ['data', 'scenario', 'results', 'projection', 'compare', 'inverse', 'household', 'sql', 'briefing'];
const CASES = ['hunan-flood', 'shandong-medical', 'hebei-care', 'jiangsu-migrant', 'gansu-orphan'];

let session: Session;
const timings: Record<string, number | string> = {};

/** The value of a data-* attribute on <html>, set by the app for tests and measurements. */
const htmlData = (page: Page, name: string) => page.evaluate((n) => document.documentElement.dataset[n] ?? '', name);

/** Waits until the last engine run has finished and its results are on screen. */
async function resultsReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.resultsStatus === 'ready', null, {
    timeout: 120_000,
  });
}

beforeAll(async () => {
  session = await openApp();
});

afterAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'e2e-timings.json'), JSON.stringify(timings, null, 2) + '\n');
  await session?.close();
});

// The shell is checked first, on the freshly opened app (the demo may still be loading).
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
    for (const id of SCREENS) {
      await page.getByTestId(`nav-${id}`).click();
      await page.locator(`main[data-screen="${id}"]`).waitFor();
    }
    expect(session.errors).toEqual([]);
  });
});

describe('workbench journey on the demo data', () => {
  it('loads the synthetic demo with its validation report and calibration table', async () => {
    const { page } = session;
    await page.waitForFunction(() => document.documentElement.dataset.datasetStatus === 'ready', null, {
      timeout: 150_000,
    });
    timings.demoLoadMs = Number(await htmlData(page, 'datasetLoadMs'));
    await page.getByTestId('nav-data').click();
    await page.getByTestId('synthetic-note').waitFor();
    await page.getByTestId('calibration-table').waitFor();
    const calibration = await page.getByTestId('calibration-table').innerText();
    expect(calibration).toContain('低保');
    await screenshot(page, 'data-zh');
  });

  it('raising every standard by 10% moves the headline cards, quickly', async () => {
    const { page } = session;
    await page.getByTestId('nav-scenario').click();
    await resultsReady(page);
    const before = await page.getByTestId('summary-dibaoPersons').getAttribute('data-value');
    const started = Date.now();
    const input = page.getByTestId('param-standard.scalePct-input');
    await input.fill('10');
    await input.press('Tab');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="summary-dibaoPersons"]')?.getAttribute('data-value') !== old,
      before,
      { timeout: 60_000 },
    );
    await resultsReady(page);
    timings.sliderToResultsMs = Date.now() - started;
    timings.engineRunMs = Number(await htmlData(page, 'runMs'));
    timings.roundTripMs = Number(await htmlData(page, 'roundTripMs'));
    const after = Number(await page.getByTestId('summary-dibaoPersons').getAttribute('data-value'));
    expect(after).toBeGreaterThan(Number(before));
    await page.getByTestId('scenario-name').fill('标准提高10%');
    await page.getByTestId('scenario-save').click();
    await screenshot(page, 'scenario-zh');

    await page.getByTestId('nav-results').click();
    await resultsReady(page);
    const change = await page.getByTestId('headline-dibaoPersons-change').innerText();
    expect(change).toMatch(/\+/);
    await page.getByTestId('province-table').waitFor();
    await screenshot(page, 'results-zh');
  });

  it('gives Monte Carlo intervals nationally and by province', async () => {
    const { page } = session;
    // Four replications, split over the engine's workers and merged, exercise what ten did at 40% of the CPU.
    await page.getByTestId('mc-replications-input').fill('4');
    await page.getByTestId('mc-replications-input').press('Enter');
    await page.getByTestId('mc-run').click();
    await page.getByTestId('mc-province-table').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('mc-table').innerText()).toContain('P95');
    const provinces = await page.getByTestId('mc-province-table').innerText();
    expect(provinces).toContain('湖南');
    expect(provinces).toMatch(/\d – \d/);
    // The panel says which uncertainty the intervals include: random events, sampling and parameters.
    const sources = await page.getByTestId('mc-sources').innerText();
    expect(sources).toContain('抽样误差');
    expect(sources).toContain('参数');
    await screenshot(page, 'results-mc-zh');
  });

  it('compares the reform with the baseline', async () => {
    const { page } = session;
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-screen').waitFor();
    await page.getByTestId('compare-table').waitFor({ timeout: 120_000 });
    const table = await page.getByTestId('compare-table').innerText();
    expect(table).toContain('低保');
    await page.getByTestId('compare-params').waitFor();
    expect(await page.getByTestId('compare-params').innerText()).toContain('10');
    await screenshot(page, 'compare-zh');
  });

  it('runs a projection for several years, from the dataset year (2024) over five years', async () => {
    const { page } = session;
    await page.getByTestId('nav-projection').click();
    await page.getByTestId('projection-run').click();
    await page.locator('[data-testid="projection-status"][data-status="ready"]').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('projection-table').innerText()).toContain('2029');
    await screenshot(page, 'projection-zh');
  });

  it('solves for the standard rise a budget affords', async () => {
    const { page } = session;
    await page.getByTestId('nav-inverse').click();
    await page.getByTestId('solve-budget-input').fill('2800');
    await page.getByTestId('solve-budget-run').click();
    await page.locator('[data-testid="solve-budget-result"][data-status="ready"]').waitFor({ timeout: 180_000 });
    const answer = Number(await page.getByTestId('solve-budget-result-answer').getAttribute('data-value'));
    expect(answer).toBeGreaterThan(0);
    await screenshot(page, 'inverse-zh');
  });

  it('opens every household case with its trace', async () => {
    const { page } = session;
    await page.getByTestId('nav-household').click();
    for (const id of CASES) {
      await page.getByTestId(`case-${id}`).click();
      await page.getByTestId('trace-table').waitFor();
      await page.locator('[data-testid="household-result-baseline"][data-total]').waitFor();
      const total = Number(await page.getByTestId('household-result-baseline').getAttribute('data-total'));
      expect(Number.isFinite(total)).toBe(true);
      // The trace on screen is this case's own: its income per capita is the form's (never the previous case's).
      const income = await page.getByTestId('household-field-incomePc-input').inputValue();
      await page.waitForFunction(
        (value) =>
          (document.querySelector('[data-testid="trace-row-countableIncome"]')?.textContent ?? '')
            .replace(/,/g, '')
            .includes(`人均年收入 ${value}`),
        income.replace(/,/g, ''),
        { timeout: 60_000 },
      );
      if (id === 'hebei-care') {
        expect(await page.getByTestId('household-result-baseline-status').innerText()).toBe('低保');
        await screenshot(page, 'household-zh');
      }
    }
  });

  it('answers SQL over the dataset and shows errors plainly', async () => {
    const { page } = session;
    await page.getByTestId('nav-sql').click();
    await page.getByTestId('sql-editor').fill('SELECT count(*) AS n, round(sum(weight)) AS households FROM households');
    await page.getByTestId('sql-run').click();
    await page.getByTestId('sql-status').filter({ hasText: /1/ }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.sql-screen').innerText()).toContain('200000');
    await screenshot(page, 'sql-zh');
    await page.getByTestId('sql-editor').fill('SELECT no_such_column FROM households');
    await page.getByTestId('sql-run').click();
    await page.getByTestId('sql-error').waitFor();
  });

  it('shows every screen in Chinese and in English', async () => {
    const { page } = session;
    await page.getByTestId('nav-briefing').click();
    await screenshot(page, 'briefing-zh');
    await page.getByTestId('lang-en').click();
    for (const id of SCREENS) {
      await page.getByTestId(`nav-${id}`).click();
      await page.locator(`main[data-screen="${id}"]`).waitFor();
      if (id === 'results' || id === 'scenario') await resultsReady(page);
      await screenshot(page, `${id}-en`);
    }
    await page.getByTestId('lang-zh').click();
    expect(session.errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
  });
});
