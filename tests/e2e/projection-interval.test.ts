// The projection interval as a user meets it on the demo: compute it on the Projection screen, read every number of
// the interval table (p5 ≤ p50 ≤ p95, units 万人 / 亿元, the expected-value path inside the band), and find the same
// interval in the briefing preview, in Chinese and English; screenshots saved as test-artifacts/interval-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openApp, type Session } from './harness.ts';

let session: Session;

beforeAll(async () => {
  session = await openApp();
  await session.page.waitForFunction(() => document.documentElement.dataset.datasetStatus === 'ready', null, {
    timeout: 300_000,
  });
});

afterAll(async () => {
  await session?.close();
});

/** Saves a full-page (or one element's) screenshot as test-artifacts/interval-<name>.png. */
async function shot(page: Page, name: string, selector?: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `interval-${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

/** The cells of a table's body rows. */
async function tableCells(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  );
}

/** "4,037.0 · 4,100.2 · 4,180.9" → the three numbers. */
function three(cell: string): number[] {
  return cell.split(' · ').map((p) => Number(p.replace(/[^0-9.-]/g, '')));
}

/** The header cells of a table. */
async function headers(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(`${selector} thead th`, (ths) => ths.map((th) => (th.textContent ?? '').replace('⇅', '').trim()));
}

describe('projection interval on the demo', () => {
  it('computes the interval on the Projection screen: ordered percentiles in 万人 and 亿元 around the path', async () => {
    const { page } = session;
    await page.getByTestId('nav-projection').click();
    await page.getByTestId('projection-run').click();
    await page.locator('[data-testid="projection-status"][data-status="ready"]').waitFor({ timeout: 300_000 });
    await page.getByTestId('projection-interval-run').click();
    await page.getByTestId('projection-interval').waitFor({ timeout: 600_000 });
    expect(await page.getByTestId('projection-chart-caseload').getAttribute('data-band')).toBe('shown');

    const table = '[data-testid="projection-interval-table"]';
    const rows = await tableCells(page, table);
    expect(rows.length).toBe(6);
    // Units in the headers: 万人 for persons, 亿元 for cost.
    const head = await headers(page, table);
    console.log(`zh header: ${head.join(' | ')}`);
    expect(head[1]).toContain('（万人）');
    expect(head[2]).toContain('（万人）');
    expect(head[3]).toContain('（亿元）');
    // The expected-value panel of the same scenario (the only one selected): cash persons per year, in 万.
    const panel = await tableCells(page, '[data-testid="projection-table"]');
    for (const row of rows) {
      const [year, cash, dibao, cost] = row;
      const [c, d, m] = [three(cash), three(dibao), three(cost)];
      for (const band of [c, d, m]) {
        expect(band[0]).toBeLessThanOrEqual(band[1]);
        expect(band[1]).toBeLessThanOrEqual(band[2]);
      }
      // Dibao + tekun is above dibao alone at every percentile.
      for (let i = 0; i < 3; i++) expect(c[i]).toBeGreaterThan(d[i]);
      const ev = panel.find((cells) => cells[1] === year);
      expect(ev, `expected-value row for ${year}`).toBeDefined();
      const evCash = Number((ev?.[2] ?? '').replace(/[^0-9.-]/g, ''));
      const evCost = Number((ev?.[6] ?? '').replace(/[^0-9.-]/g, ''));
      console.log(`interval ${year}: cash ${cash} (EV ${evCash}) · dibao ${dibao} · cost ${cost} (EV ${evCost})`);
      expect(evCash).toBeGreaterThanOrEqual(c[0]);
      expect(evCash).toBeLessThanOrEqual(c[2]);
      expect(evCost).toBeGreaterThanOrEqual(m[0]);
      expect(evCost).toBeLessThanOrEqual(m[2]);
    }
    expect(await page.getByTestId('projection-interval-sources').innerText()).toContain('未包含');
    await shot(page, 'projection-zh');

    await page.getByTestId('lang-en').click();
    await page.getByTestId('projection-interval').waitFor();
    const en = await tableCells(page, table);
    const enHead = await headers(page, table);
    console.log(`en header: ${enHead.join(' | ')}; ${en[0].join(' | ')}`);
    expect(enHead[1]).toBe('Cash assistance (dibao + tekun) (million persons)');
    expect(enHead[3]).toContain('(billion yuan)');
    expect(three(en[0][1])[1]).toBeCloseTo(three(rows[0][1])[1] / 100, 1);
    expect(await page.getByTestId('projection-interval-sources').innerText()).toContain('Not included');
    await shot(page, 'projection-en');
    await page.getByTestId('lang-zh').click();
  });

  it('shows the interval in the briefing preview, zh and en', async () => {
    const { page } = session;
    // The interval's heading and replication count as the briefing words them.
    const heading = { zh: '蒙特卡洛区间（', en: 'Monte Carlo interval (' };
    const count = { zh: '40 次重复', en: '40 replications' };
    await page.getByTestId('nav-briefing').click();
    for (const language of ['zh', 'en'] as const) {
      await page.getByTestId('briefing-language').selectOption(language);
      await page.getByTestId('briefing-generate').click();
      await page.getByTestId('briefing-preview').waitFor({ timeout: 300_000 });
      await page.waitForFunction(
        (title) => {
          const frame = document.querySelector('[data-testid="briefing-preview"]');
          return (frame?.getAttribute('srcdoc') ?? '').includes(title);
        },
        heading[language],
        { timeout: 300_000 },
      );
      const html = (await page.getByTestId('briefing-preview').getAttribute('srcdoc')) ?? '';
      const doc = await session.browser.contexts()[0].newPage();
      await doc.setViewportSize({ width: 900, height: 1200 });
      await doc.setContent(html);
      const rows = await tableCells(doc, '[data-table="projection-interval"]');
      const title = await doc.locator('[data-heading="projection-interval"]').innerText();
      console.log(`briefing ${language}: ${title}; first row ${rows[0]?.join(' | ')}`);
      expect(rows.length).toBe(6);
      for (const row of rows) {
        const v = row.slice(1).map((cell) => Number(cell.replace(/[^0-9.-]/g, '')));
        for (let m = 0; m < 3; m++) {
          expect(v[m * 3]).toBeLessThanOrEqual(v[m * 3 + 1]);
          expect(v[m * 3 + 1]).toBeLessThanOrEqual(v[m * 3 + 2]);
        }
      }
      expect(title).toContain(count[language]);
      await shot(doc, `briefing-${language}`, '.sec-projection');
      await doc.close();
    }
  });

  it('makes the README screenshot of the Projection screen: a +10% scenario over the baseline with its band', async () => {
    const { page } = session;
    await page.getByTestId('nav-scenario').click();
    const input = page.getByTestId('param-standard.scalePct-input');
    await input.fill('10');
    await input.press('Tab');
    await page.getByTestId('scenario-name').fill('标准提高10%');
    await page.getByTestId('scenario-save').click();
    await page.getByTestId('nav-projection').click();
    const chips = page.locator('[data-testid^="projection-scenario-"]');
    expect(await chips.count()).toBe(2);
    for (const chip of await chips.all()) if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
    await page.getByTestId('projection-run').click();
    await page.locator('[data-testid="projection-status"][data-status="ready"]').waitFor({ timeout: 300_000 });
    await page.getByTestId('projection-interval-run').click();
    await page.getByTestId('projection-interval').waitFor({ timeout: 600_000 });
    expect(await page.getByTestId('projection-interval').innerText()).toContain('标准提高10%');
    expect(await page.getByTestId('projection-chart-caseload').getAttribute('data-series')).toBe('2');
    await shot(page, 'readme-projection-zh');
  });
});
