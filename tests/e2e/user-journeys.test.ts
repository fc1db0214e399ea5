// Two users' journeys end to end in Chromium, each read in Chinese and in English (issue #14): the provincial planner
// (Gansu rural standards +8%, cost, central/local split, five-year projection, XLSX) and the researcher (monitoring
// widened to about 280 million people, three scenarios compared, a budget solved, SQL results exported); the third,
// the ministry briefing writer, continues the workbench journey's app (workbench-journey.test.ts), which has already
// set the +10% standards and run the projection the briefing is written from.
// One app per user: each result is computed once, read in Chinese, then read again after switching the live app to
// English (the same checks on the same results, and the raw values must not move), and exported in both languages.
// Every number checked is read off the screen or out of the exported file, and compared with what it must be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import {
  datasetReady,
  download,
  inBothLanguages,
  openApp,
  resultsReady,
  screenNumber,
  screenshot,
  showIn,
  type Language,
  type Session,
} from './harness.ts';
import { bi, inLanguage } from '../../sim/index.ts';

const GANSU_RURAL = bi('甘肃 · 农村', 'Gansu · rural');

/** The text of one cell of a DataTable row (`<testId>-row-<key>`, column id `col`). */
async function cell(page: Page, table: string, key: string, col: string): Promise<string> {
  return page.locator(`[data-testid="${table}-row-${key}"] td[data-col="${col}"]`).innerText();
}

/** The raw value a test id carries in its data-value attribute. */
async function dataValue(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

/** Opens a fresh app (Chinese, its first language) and waits for the demo to load. */
async function freshApp(): Promise<Session> {
  const session = await openApp();
  await datasetReady(session.page);
  return session;
}

/** Records a raw value read in one language and checks it is the same in the other (a switch must not move it). */
function sameInBoth(seen: Map<string, number>, name: string, value: number): void {
  const first = seen.get(name);
  if (first === undefined) seen.set(name, value);
  else expect(value, name).toBe(first);
}

/** The national list of thin cells, opened (it is drawn collapsed behind its count). */
async function openedThinList(page: Page): Promise<string> {
  const thin = page.getByTestId('projection-thin');
  if (!(await thin.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await thin.locator('summary').click();
  }
  return thin.innerText();
}

describe('provincial planner', () => {
  let page: Page;
  const seen = new Map<string, number>();
  let session: Session | undefined;
  beforeAll(async () => {
    session = await freshApp();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('raises Gansu rural standards by 8% and reads the new standard, cost and funding split, in zh and en', async () => {
    await page.getByTestId('nav-scenario').click();
    await resultsReady(page);
    const currentRural = screenNumber(await cell(page, 'region-table', '62', 'rural'));
    const currentUrban = screenNumber(await cell(page, 'region-table', '62', 'urban'));
    await page.getByTestId('bulk-rule').selectOption('scale');
    await page.getByTestId('bulk-area').selectOption('rural');
    await page.getByTestId('bulk-pct-input').fill('8');
    await page.getByTestId('bulk-pct-input').press('Tab');
    await page.getByTestId('region-62-select').check();
    await page.getByTestId('bulk-apply-selected').click();
    await resultsReady(page);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="region-table-row-62"] td[data-col="dCost"]')?.textContent?.trim() !==
        '0.00',
      null,
      { timeout: 60_000 },
    );
    await inBothLanguages(page, async (language) => {
      // The current standards stay; the engine's new standard is the current one × 1.08 (population-weighted over
      // Gansu's rural cells); urban stays.
      expect(screenNumber(await cell(page, 'region-table', '62', 'rural'))).toBeCloseTo(currentRural, -1);
      expect(screenNumber(await cell(page, 'region-table', '62', 'urban'))).toBeCloseTo(currentUrban, -1);
      const newRural = screenNumber(await cell(page, 'region-table', '62', 'newRural'));
      const newUrban = screenNumber(await cell(page, 'region-table', '62', 'newUrban'));
      expect(newRural, language).toBeCloseTo(currentRural * 1.08, -1);
      expect(newUrban, language).toBeCloseTo(currentUrban, -1);
      await screenshot(page, `journey-planner-scenario-${language}`);
    });
    await page.getByTestId('scenario-name').fill(inLanguage(bi('甘肃农村提标8%', 'Gansu rural +8%'), 'zh'));
    await page.getByTestId('scenario-save').click();

    await page.getByTestId('nav-results').click();
    await resultsReady(page);
    await inBothLanguages(page, async (language) => {
      const dCost = screenNumber(await cell(page, 'province-table', '62', 'dCost'));
      const dCentral = screenNumber(await cell(page, 'province-table', '62', 'dCentral'));
      const dLocal = screenNumber(await cell(page, 'province-table', '62', 'dLocal'));
      expect(dCost, language).toBeGreaterThan(0);
      expect(dCentral, language).toBeGreaterThan(0);
      expect(dLocal, language).toBeGreaterThan(0);
      // The split adds up to the change in cost (two decimals shown in each column).
      expect(Math.abs(dCentral + dLocal - dCost), language).toBeLessThanOrEqual(0.011);
      // No other province moves.
      expect(screenNumber(await cell(page, 'province-table', '43', 'dCost')), language).toBe(0);
      await screenshot(page, `journey-planner-results-${language}`);
    });
  });

  it('projects five years and exports the projection and the province table to XLSX, in zh and en', async () => {
    await page.getByTestId('nav-projection').click();
    await page.getByTestId('projection-years-input').fill('5');
    await page.getByTestId('projection-years-input').press('Tab');
    await page.getByTestId('projection-run').click();
    await page.locator('[data-testid="projection-status"][data-status="ready"]').waitFor({ timeout: 180_000 });
    const national = new Map<Language, number>();
    await inBothLanguages(page, async (language) => {
      const table = await page.getByTestId('projection-table').innerText();
      expect(table).toContain('2024');
      expect(table).toContain('2029');
      await screenshot(page, `journey-planner-projection-${language}`);
      // Nationally, the thin province × area cells are listed behind a count; Gansu rural is one of them (demo sample).
      expect(await openedThinList(page)).toContain(inLanguage(GANSU_RURAL, language));
      national.set(language, screenNumber(await cell(page, 'projection-table', 'baseline:2024', 'costNominal')));
    });

    // The planner reads the projection for Gansu's rural areas: the panel names the scope, the reform's cost rises
    // above the baseline's there every year, and the cumulative cost of the last year is the sum of the years.
    await page.getByTestId('projection-scope-province').selectOption('62');
    await page.getByTestId('projection-scope-area').selectOption('rural');
    await inBothLanguages(page, async (language) => {
      const gansuRural = inLanguage(GANSU_RURAL, language);
      await page.waitForFunction(
        (name) => document.querySelector('[data-testid="projection-panel-title"]')?.textContent?.includes(name),
        gansuRural,
        { timeout: 30_000 },
      );
      // At a thin scope the warning names it and says its year-to-year changes cannot be read.
      expect(await page.getByTestId('projection-thin').innerText()).toContain(gansuRural);
      const reform = (await page
        .locator('[data-testid^="projection-cumulative-"]')
        .nth(1)
        .getAttribute('data-testid'))!.replace('projection-cumulative-', '');
      let sum = 0;
      let step = 0;
      for (const year of [2024, 2025, 2026, 2027, 2028, 2029]) {
        const text = await cell(page, 'projection-table', `${reform}:${year}`, 'costNominal');
        step = Math.pow(10, -(/\.(\d+)/.exec(text)?.[1].length ?? 0));
        const cost = screenNumber(text);
        const base = screenNumber(await cell(page, 'projection-table', `baseline:${year}`, 'costNominal'));
        expect(cost, `${language} ${year}`).toBeGreaterThan(base);
        expect(cost).toBeLessThan(national.get(language)! / 10);
        sum += cost;
      }
      const cumulative = screenNumber(await cell(page, 'projection-table', `${reform}:2029`, 'costCumulative'));
      // Seven values each rounded to the last digit shown (step): the sum is within 7 × step / 2 of the cumulative.
      expect(Math.abs(cumulative - sum), language).toBeLessThanOrEqual(3.5 * step + 1e-9);
      expect(await page.getByTestId('projection-cumulative').innerText()).toContain(gansuRural);
      const reformTotal = await dataValue(page, `projection-cumulative-${reform}`);
      const baseTotal = await dataValue(page, 'projection-cumulative-baseline');
      expect(reformTotal).toBeGreaterThan(baseTotal);
      sameInBoth(seen, 'projection reform total', reformTotal);
      sameInBoth(seen, 'projection baseline total', baseTotal);
      await screenshot(page, `journey-planner-projection-province-${language}`);
    });

    await page.getByTestId('nav-briefing').click();
    await inBothLanguages(page, async (language) => {
      const path = await download(page, 'export-xlsx', `planner-${language}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
      const names = workbook.worksheets.map((sheet) => sheet.name);
      const projection = workbook.worksheets.find((sheet) => /预测|Projection/.test(sheet.name));
      expect(projection, names.join(', ')).toBeDefined();
      // The projection sheet is read at the scope chosen on the Projection screen, and says so.
      expect(projection!.name).toContain(inLanguage(GANSU_RURAL, language));
      const years = new Set<string>();
      projection!.eachRow((row) => {
        const year = String(row.getCell(2).value ?? '');
        if (/^20\d\d$/.test(year)) years.add(year);
      });
      expect([...years].sort()).toEqual(['2024', '2025', '2026', '2027', '2028', '2029']);
      const byProvince = workbook.worksheets.find((sheet) => /分省.*变化|By province change/.test(sheet.name));
      // Gansu's rows (urban, rural, both) carry the change in cost; the rural row moves, the urban row does not.
      const header = byProvince!.getRow(2).values as unknown[];
      const costColumn = header.findIndex((value) => /^(总支出|Total cost)/.test(String(value)));
      const gansu = new Map<string, number>();
      byProvince!.eachRow((row) => {
        if (row.getCell(1).value === '62') {
          gansu.set(String(row.getCell(3).value), Number(row.getCell(costColumn).value));
        }
      });
      expect(gansu.size).toBe(3);
      const [urban, rural] = inLanguage(bi(['城市', '农村'], ['Urban', 'Rural']), language);
      expect(gansu.get(rural)).toBeGreaterThan(0);
      expect(gansu.get(urban)).toBe(0);
    });
  });

  it("solves what rural rise a budget for Gansu's rural spending affords, leaving other provinces alone", async () => {
    await page.getByTestId('nav-inverse').click();
    await page.getByTestId('solve-budget-scope-province').selectOption('62');
    await page.getByTestId('solve-budget-scope-area').selectOption('rural');
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="solve-budget-reference"]')?.textContent?.includes(name),
      inLanguage(GANSU_RURAL, 'zh'),
      { timeout: 60_000 },
    );
    // The budget field was reset to 10% above the start's Gansu rural spending; the solver spends it there.
    await page.getByTestId('solve-budget-run').click();
    await page.locator('[data-testid="solve-budget-result"][data-status="ready"]').waitFor({ timeout: 180_000 });
    await inBothLanguages(page, async (language) => {
      const gansuRural = inLanguage(GANSU_RURAL, language);
      const answer = page.getByTestId('solve-budget-result-answer');
      const rise = Number(await answer.getAttribute('data-value'));
      expect(rise).toBeGreaterThan(0);
      sameInBoth(seen, 'Gansu rural rise', rise);
      expect(await answer.innerText()).toContain(gansuRural);
      const cost = await dataValue(page, 'solve-budget-result-cost');
      sameInBoth(seen, 'Gansu rural cost', cost);
      expect(await page.getByTestId('solve-budget-reference').innerText()).toContain(gansuRural);
      // Gansu's rural spending is a small part of the national budget (under 1%).
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThan(2e10);
      await screenshot(page, `journey-planner-budget-${language}`);
    });
  });
});

describe('researcher', () => {
  let page: Page;
  const seen = new Map<string, number>();
  let session: Session | undefined;
  beforeAll(async () => {
    session = await freshApp();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('finds the monitoring widening that reaches about 280 million people and saves it as a scenario', async () => {
    await page.getByTestId('nav-inverse').click();
    await page.getByTestId('solve-coverage-metric').selectOption('monitored');
    await page.getByTestId('solve-coverage-lever').selectOption('monitoringMultiplier');
    // 20% of the 1,408 million residents, about 282 million: widening to the standard itself already monitors 13.7%
    // on the demo (assessed income below the standard; generator v2), so the answer lies above 1 × standard.
    await page.getByTestId('solve-coverage-input').fill('20');
    await page.getByTestId('solve-coverage-input').press('Tab');
    await page.getByTestId('solve-coverage-run').click();
    await page.locator('[data-testid="solve-coverage-result"][data-status="ready"]').waitFor({ timeout: 180_000 });
    await inBothLanguages(page, async () => {
      const multiplier = await dataValue(page, 'solve-coverage-result-answer');
      expect(multiplier).toBeGreaterThan(1);
      sameInBoth(seen, 'monitoring multiplier', multiplier);
    });
    await page.getByTestId('solve-coverage-result-save').click();
    await page.getByTestId('solve-coverage-result-saved').waitFor();

    await page.getByTestId('nav-results').click();
    await resultsReady(page);
    await inBothLanguages(page, async (language) => {
      const monitored = await dataValue(page, 'headline-monitoredPersons');
      expect(monitored).toBeGreaterThan(0.95 * 2.8166e8);
      expect(monitored).toBeLessThan(1.05 * 2.8166e8);
      sameInBoth(seen, 'monitored persons', monitored);
      expect(await page.getByTestId('headline-monitoredPersons-change').innerText()).toMatch(/\+/);
      await screenshot(page, `journey-researcher-monitoring-${language}`);
    });
  });

  it('compares three scenarios, solves a budget and exports an SQL result', async () => {
    await page.getByTestId('nav-scenario').click();
    await page.getByTestId('example-select').selectOption({ index: 1 });
    await resultsReady(page);
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-screen').waitFor();
    const picks = page.locator('[data-testid^="compare-pick-"]');
    const count = await picks.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < count; i++) {
      const pick = picks.nth(i);
      if (i < 3 && !(await pick.isChecked())) await pick.check();
    }
    await page.getByTestId('compare-table').waitFor({ timeout: 120_000 });
    await inBothLanguages(page, async (language) => {
      const header = await page.locator('[data-testid="compare-table"] thead').innerText();
      expect(header.split(/\n|\t/).filter((h) => /Δ|比|vs/.test(h)).length, language).toBeGreaterThanOrEqual(2);
      const params = await page.getByTestId('compare-params').innerText();
      expect(params).not.toMatch(/params\.|regionOverrides/);
      await screenshot(page, `journey-researcher-compare-${language}`);
    });

    // 2,800 亿元 typed in Chinese is solved; the field then reads 280 billion yuan in English, and 280 typed in
    // English is the same budget (the Chinese field reads 2,800 again).
    const budget = page.getByTestId('solve-budget-input');
    await page.getByTestId('nav-inverse').click();
    await budget.fill('2800');
    await budget.press('Tab');
    await page.getByTestId('solve-budget-run').click();
    await page.locator('[data-testid="solve-budget-result"][data-status="ready"]').waitFor({ timeout: 180_000 });
    await inBothLanguages(page, async (language) => {
      expect((await budget.inputValue()).replace(/,/g, ''), language).toBe(inLanguage(bi('2800', '280'), language));
      const cost = await dataValue(page, 'solve-budget-result-cost');
      sameInBoth(seen, 'budget answer cost', cost);
      const answered = await page.getByTestId('solve-budget-result-answer').count();
      if (answered > 0) expect(Math.abs(cost - 2.8e11) / 2.8e11).toBeLessThan(0.01);
      else await page.getByTestId('solve-budget-result-unreachable').waitFor();
      await screenshot(page, `journey-researcher-budget-${language}`);
    });
    await showIn(page, 'en');
    await budget.fill('280');
    await budget.press('Tab');
    await showIn(page, 'zh');
    expect((await budget.inputValue()).replace(/,/g, '')).toBe('2800');

    // The tornado at ±10% around the current values: every bar is a modest, stated swing, not a parameter's whole range.
    await page.getByTestId('sensitivity-swing').selectOption('0.1');
    await page.getByTestId('sensitivity-run').click();
    await page.getByTestId('tornado-table').waitFor({ timeout: 300_000 });
    await inBothLanguages(page, async () => {
      expect(await page.getByTestId('sensitivity-swing-note').innerText()).toMatch(/10%/);
      const bars = Number(await page.getByTestId('tornado-chart').getAttribute('data-bars'));
      expect(bars).toBeGreaterThan(3);
    });

    await page.getByTestId('nav-sql').click();
    await page
      .getByTestId('sql-editor')
      .fill(
        'SELECT substr(region_code, 1, 2) AS province, count(*) AS sample, round(sum(weight * size)) AS persons FROM households GROUP BY 1 ORDER BY 1',
      );
    await page.getByTestId('sql-run').click();
    await page.getByTestId('sql-export').waitFor({ timeout: 60_000 });
    await inBothLanguages(page, async (language) => {
      const path = await download(page, 'sql-export', `researcher-sql-${language}.csv`);
      const text = readFileSync(path, 'utf8');
      const lines = text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe('province,sample,persons');
      expect(lines.filter((line) => /^\d{2},\d+,\d+/.test(line)).length).toBe(31);
      expect(text).toContain(inLanguage(bi('未经披露控制', 'not subject to disclosure control'), language));
    });
  });
});
