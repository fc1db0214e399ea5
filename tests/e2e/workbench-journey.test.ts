// One fresh app through the shell, a user's journey over every screen and the ministry briefing writer's journey, on
// the bundled demo: it opens in Chinese with real CJK glyphs, switches to English and back, every screen can be
// reached; then load, change a standard, see the headlines move, compare, project, open each case, query in SQL, solve
// for a budget, every screen in both languages (screenshots of each with E2E_SCREENSHOTS=1); then, on that reform,
// two case studies as they happened and the briefing as PDF read back with pdftotext, in Chinese and in English
// (issue #14's third user; the planner and the researcher are in user-journeys.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  datasetReady,
  DOWNLOADS,
  inBothLanguages,
  openApp,
  resultsReady,
  screenNumber,
  screenshot,
  SCREENSHOTS_WANTED,
  type Session,
} from './harness.ts';
import { bi, inLanguage } from '../../sim/index.ts';

const SCREENS = ['data', 'scenario', 'results', 'projection', 'compare', 'inverse', 'household', 'sql', 'briefing'];
const CASES = ['hunan-flood', 'shandong-medical', 'hebei-care', 'jiangsu-migrant', 'gansu-orphan'];

let session: Session;

/** The cells of a table's body rows. */
const tableCells = (page: Page, selector: string) =>
  page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  );

/** "4,037.0 · 4,100.2 · 4,180.9" (p5 · p50 · p95) → the three numbers. */
const three = (cell: string) => cell.split(' · ').map(screenNumber);

beforeAll(async () => {
  session = await openApp();
});

afterAll(async () => {
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
    await datasetReady(page);
    await page.getByTestId('nav-data').click();
    await page.getByTestId('synthetic-note').waitFor();
    await page.getByTestId('calibration-table').waitFor();
    const calibration = await page.getByTestId('calibration-table').innerText();
    expect(calibration).toContain('低保');
    await screenshot(page, 'data-zh');
  });

  it('raising every standard by 10% moves the headline cards', async () => {
    const { page } = session;
    await page.getByTestId('nav-scenario').click();
    await resultsReady(page);
    const before = await page.getByTestId('summary-dibaoPersons').getAttribute('data-value');
    const input = page.getByTestId('param-standard.scalePct-input');
    await input.fill('10');
    await input.press('Tab');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="summary-dibaoPersons"]')?.getAttribute('data-value') !== old,
      before,
      { timeout: 60_000 },
    );
    await resultsReady(page);
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
    // Four replications: the panel says the tails are rough.
    expect(await page.getByTestId('mc-few').innerText()).toContain('少于 20 次重复');
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

  it('runs a projection for several years, from the dataset year (2024) over five years, with its interval', async () => {
    const { page } = session;
    await page.getByTestId('nav-projection').click();
    // The reform over the baseline: both scenarios selected; the interval is the last selected's (the reform).
    const chips = page.locator('[data-testid^="projection-scenario-"]');
    expect(await chips.count()).toBe(2);
    for (const chip of await chips.all()) if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
    await page.getByTestId('projection-run').click();
    await page.locator('[data-testid="projection-status"][data-status="ready"]').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('projection-table').innerText()).toContain('2029');
    expect(await page.getByTestId('projection-chart-caseload').getAttribute('data-series')).toBe('2');
    // Twelve replications, in chunks over both workers, exercise what the default forty do at less CPU.
    await page.getByTestId('projection-interval-replications-input').fill('12');
    await page.getByTestId('projection-interval-replications-input').press('Enter');
    expect(await page.getByTestId('projection-interval-run').innerText()).toContain('12');
    await page.getByTestId('projection-interval-run').click();
    await page.getByTestId('projection-interval').waitFor({ timeout: 600_000 });
    expect(await page.getByTestId('projection-interval').innerText()).toContain('标准提高10%');
    expect(await page.getByTestId('projection-interval').innerText()).toContain('12 次重复');
    expect(await page.getByTestId('projection-chart-caseload').getAttribute('data-band')).toBe('shown');
    const interval = '[data-testid="projection-interval-table"]';
    const zhRows = await tableCells(page, interval);
    await inBothLanguages(page, async (language) => {
      // Units in the headers: 万人 / million persons for persons, 亿元 / billion yuan for cost.
      const head = await page.$$eval(`${interval} thead th`, (ths) =>
        ths.map((th) => (th.textContent ?? '').replace('⇅', '').trim()),
      );
      const [persons, money] = inLanguage(
        bi(['（万人）', '（亿元）'], ['(million persons)', '(billion yuan)']),
        language,
      );
      expect(head[1]).toContain(persons);
      expect(head[2]).toContain(persons);
      expect(head[3]).toContain(money);
      const rows = await tableCells(page, interval);
      expect(rows.map((row) => row[0])).toEqual(['2024', '2025', '2026', '2027', '2028', '2029']);
      // The reform's expected-value rows of the panel (scenario, year, cash persons, …, cost).
      const panel = (await tableCells(page, '[data-testid="projection-table"]')).filter((cells) =>
        cells[0].includes('10%'),
      );
      rows.forEach((row, r) => {
        const [cash, dibao, cost] = row.slice(1).map(three);
        for (const band of [cash, dibao, cost]) {
          expect(band[0]).toBeLessThanOrEqual(band[1]);
          expect(band[1]).toBeLessThanOrEqual(band[2]);
        }
        // Dibao + tekun is above dibao alone at every percentile, and the expected path lies inside the band.
        for (let i = 0; i < 3; i++) expect(cash[i]).toBeGreaterThan(dibao[i]);
        const ev = panel.find((cells) => cells[1] === row[0]);
        expect(ev, `expected-value row for ${row[0]}`).toBeDefined();
        const [evCash, evCost] = [screenNumber(ev![2]), screenNumber(ev![6])];
        expect(evCash).toBeGreaterThanOrEqual(cash[0]);
        expect(evCash).toBeLessThanOrEqual(cash[2]);
        expect(evCost).toBeGreaterThanOrEqual(cost[0]);
        expect(evCost).toBeLessThanOrEqual(cost[2]);
        // The same interval in both languages: 万 persons are a hundredth of a million.
        if (language === 'en') expect(cash[1]).toBeCloseTo(three(zhRows[r][1])[1] / 100, 1);
      });
      // Twelve replications: the panel says p5 and p95 are rough.
      const few = await page.getByTestId('projection-interval-few').innerText();
      expect(few).toContain(inLanguage(bi('少于 20 次重复', 'Fewer than 20 replications'), language));
      const sources = await page.getByTestId('projection-interval-sources').innerText();
      expect(sources).toContain(inLanguage(bi('未包含', 'Not included'), language));
      await screenshot(page, `projection-${language}`);
    });
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
    // Opening the console writes no result tables: they are listed, to be written by the first query that uses them.
    await page.getByTestId('sql-table-households').waitFor();
    expect(await page.getByTestId('sql-table-results_scenario').getAttribute('data-pending')).toBe('true');
    expect(await page.getByTestId('sql-table-results_scenario').innerText()).toContain('查询时写入');
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

// The ministry briefing writer continues in the same app: the +10% reform is set and projected (above), so the
// writer opens two case studies as they happened and writes the briefing from it, read in Chinese and in English.
describe('ministry briefing writer', () => {
  it("opens two case studies as they happened and reads the review's amounts", async () => {
    const { page } = session;
    await page.getByTestId('nav-household').click();
    const temporary = async () =>
      screenNumber(await page.locator('[data-testid="household-component-temporary"] td').nth(1).innerText());
    await page.getByTestId('case-hunan-flood').click();
    await page
      .locator('[data-testid="household-status"][data-status="ready"]')
      .waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.getByTestId('household-view').inputValue()).toBe('happened');
    await page.getByTestId('household-component-temporary').waitFor();
    await inBothLanguages(page, async (language) => {
      expect(await temporary(), language).toBe(5000);
    });
    await page.getByTestId('case-shandong-medical').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="household-story"] h3')?.textContent?.match(/山东|Shandong/),
      null,
      { timeout: 60_000 },
    );
    await page
      .locator('[data-testid="household-status"][data-status="ready"]')
      .waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="household-component-temporary"] td:nth-child(2)')
          ?.textContent?.replace(/\D/g, '') === '4000',
      null,
      { timeout: 60_000 },
    );
    await inBothLanguages(page, async (language) => {
      expect(await temporary(), language).toBe(4000);
      expect(await page.getByTestId('household-story').locator('h3').innerText()).toMatch(
        inLanguage(bi(/山东/, /Shandong/), language),
      );
      // Charity aid is shown, outside the government total.
      const charity = await page.getByTestId('household-non-government').innerText();
      expect(charity).toMatch(inLanguage(bi(/慈善/, /charity/), language));
      const total = screenNumber(await page.getByTestId('household-total-baseline').innerText());
      expect(total).toBeLessThan(50_000);
      await screenshot(page, `journey-ministry-case-${language}`);
    });
    // In expected value the same family is weighted by probabilities: far less than the 4,000 actually paid.
    await page.getByTestId('household-view').selectOption('expected');
    await page.waitForFunction(
      () =>
        Number(
          document
            .querySelector('[data-testid="household-component-temporary"] td:nth-child(2)')
            ?.textContent?.replace(/[^\d.]/g, ''),
        ) < 4000,
      null,
      { timeout: 60_000 },
    );
    await inBothLanguages(page, async (language) => {
      expect(await temporary(), language).toBeLessThan(4000);
    });
  });

  it('writes a briefing whose PDF reads right in zh and en: units on every number, projection years, the cases as they happened', async () => {
    const { page } = session;
    // The reform is the journey's: every standard +10%, saved, active, and projected on the Projection screen.
    await page.getByTestId('nav-scenario').click();
    await resultsReady(page);
    expect(await page.getByTestId('param-standard.scalePct-input').inputValue()).toBe('10');
    await page.getByTestId('nav-briefing').click();
    for (const id of ['hunan-flood', 'shandong-medical']) {
      const box = page.getByTestId(`briefing-case-${id}`);
      if (!(await box.isChecked())) await box.check();
    }
    // The briefing is written in each language from the app shown in that language, and printed in one printer page.
    const printer = await session.browser.newPage();
    await inBothLanguages(page, async (language) => {
      await page.getByTestId('briefing-language').selectOption(language);
      await page.getByTestId('briefing-generate').click();
      const frame = page.getByTestId('briefing-preview');
      await page.waitForFunction(
        (lang) =>
          document
            .querySelector('[data-testid="briefing-preview"]')
            ?.getAttribute('srcdoc')
            ?.includes(`<html lang="${lang}">`),
        inLanguage(bi('zh-CN', 'en'), language),
        { timeout: 180_000 },
      );
      const html = await frame.getAttribute('srcdoc');
      expect(html).toBeTruthy();
      // Print the previewed document to PDF as the desktop app does (Chromium's printToPDF), then read it back.
      await printer.setContent(html!, { waitUntil: 'load' });
      mkdirSync(DOWNLOADS, { recursive: true });
      const pdfPath = join(DOWNLOADS, `briefing-${language}.pdf`);
      writeFileSync(pdfPath, await printer.pdf({ format: 'A4', printBackground: true }));
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      // The interval computed on the Projection screen is in the briefing: its 12 replications, p5 ≤ p50 ≤ p95 per year.
      const heading = await printer.locator('[data-heading="projection-interval"]').innerText();
      expect(heading).toContain(inLanguage(bi('12 次重复', '12 replications'), language));
      const intervalRows = await tableCells(printer, '[data-table="projection-interval"]');
      expect(intervalRows.length).toBe(6);
      for (const row of intervalRows) {
        const v = row.slice(1).map(screenNumber);
        for (let m = 0; m < 3; m++) {
          expect(v[m * 3]).toBeLessThanOrEqual(v[m * 3 + 1]);
          expect(v[m * 3 + 1]).toBeLessThanOrEqual(v[m * 3 + 2]);
        }
      }
      // The projection runs from the dataset year over the Projection screen's span.
      expect(text).toContain('2024');
      expect(text).toContain('2029');
      // The cases as they happened: the review's amounts, and charity outside government cost.
      expect(text).toMatch(inLanguage(bi(/5,000元/, /5,000 yuan/), language));
      expect(text).toMatch(inLanguage(bi(/不计入政府救助支出/, /not government cost/), language));
      // No status code or probability printed as money, and no household amount rounded to 0.00万元.
      expect(text).not.toMatch(/0\.00万元/);
      expect(text).not.toMatch(/\b[0-4]元\b/);
      expect(text).not.toMatch(/0\.\d\d元/);
      // Percentage-point changes are worded as such.
      expect(text).toMatch(inLanguage(bi(/个百分点/, /\bpp\b/), language));
      if (SCREENSHOTS_WANTED) {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          '1',
          '-l',
          '2',
          pdfPath,
          join(DOWNLOADS, `briefing-${language}`),
        ]);
      }
    });
    await printer.close();
  });
});
