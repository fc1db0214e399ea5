// End-to-end harness: drives the built renderer (dist/, served on loopback by global-setup.ts) in Debian's headless
// Chromium, one fresh browser context (empty profile) per session in the run's shared browser; and the steps the
// journeys share (waiting for results, reading a number off the screen, switching the live app's language).
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
/**
 * Whether screenshots (and other pictures no test reads) are taken: only with E2E_SCREENSHOTS=1, since encoding
 * full-page PNGs is a large share of the suite's CPU and nobody looks at them in CI.
 */
export const SCREENSHOTS_WANTED = process.env.E2E_SCREENSHOTS === '1';

/** Debian's Chromium with the flags this closed network needs; shared by every test that drives a browser. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};

/**
 * CHROMIUM for the journeys, which check what the app shows and never time it: without V8's optimising tiers
 * (TurboFan for JavaScript, the tier-up of DuckDB's WebAssembly), whose background compiles in every fresh page were
 * a fifth of the journeys' CPU on two cores; the code runs the same, in its baseline tiers. The million-household
 * benchmark journey times the app, so it keeps the browser as users have it (CHROMIUM).
 */
export const CHROMIUM_UNOPTIMISED = {
  ...CHROMIUM,
  args: [...CHROMIUM.args, '--js-flags=--no-opt --no-wasm-tier-up'],
};

/** What global-setup.ts provides to every e2e file through `inject('e2e')`. */
export interface E2eServers {
  /** The app's URL on the loopback static server. */
  url: string;
  /** Where `chromium.connect` reaches the run's shared browser. */
  wsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eServers;
  }
}

export interface Session {
  browser: Browser;
  page: Page;
  url: string;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

/** Connects to the run's Chromium and opens the app at 1440×900 in a new context with an empty profile. */
export async function openApp(): Promise<Session> {
  const { url, wsEndpoint } = inject('e2e');
  const browser = await chromium.connect(wsEndpoint);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return {
    browser,
    page,
    url,
    errors,
    // Closes this session's contexts and disconnects; the shared browser and server stop after the run.
    close: () => browser.close(),
  };
}

/** Saves a full-page screenshot as a test artifact and returns its path (null unless E2E_SCREENSHOTS=1). */
export async function screenshot(page: Page, name: string): Promise<string | null> {
  if (!SCREENSHOTS_WANTED) return null;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The app's two languages, Chinese first (the language it opens in). */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The app's title heading in each language (plain, so global-setup.ts importing this file loads no app code). */
const APP_TITLE: Record<Language, string> = { zh: '社会救助政策仿真工作台', en: 'Safety Net Workbench' };
/** Where the journeys save what they download or print. */
export const DOWNLOADS = join(ARTIFACTS, 'journeys');

/** Waits until the demo (or the active dataset) has loaded. */
export async function datasetReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.datasetStatus === 'ready', null, {
    timeout: 150_000,
  });
}

/** Waits until the last engine run has finished and its results are on screen. */
export async function resultsReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.resultsStatus === 'ready', null, {
    timeout: 120_000,
  });
}

/** A number as the screen prints it ("1,234.5", "−0.25", "+12.00") as a JavaScript number. */
export function screenNumber(text: string): number {
  const cleaned = text.replace(/[,\s]/g, '').replace('−', '-').replace(/^\+/, '');
  const match = /-?\d+(\.\d+)?/.exec(cleaned);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0]);
}

/** Switches the live app's language and waits until the page is drawn in it. */
export async function showIn(page: Page, language: Language): Promise<void> {
  await page.getByTestId(`lang-${language}`).click();
  await page.getByRole('heading', { name: APP_TITLE[language] }).waitFor();
}

/**
 * Reads the results on screen in Chinese, then switches the live app to English and reads the same results again
 * (nothing is recomputed: a language switch only redraws), and leaves the app in Chinese.
 */
export async function inBothLanguages(page: Page, read: (language: Language) => Promise<void>): Promise<void> {
  for (const language of LANGUAGES) {
    await showIn(page, language);
    await read(language);
  }
  await showIn(page, 'zh');
}

/** Clicks a button that downloads a file and saves the download under test-artifacts/journeys/. */
export async function download(page: Page, testId: string, name: string): Promise<string> {
  mkdirSync(DOWNLOADS, { recursive: true });
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId(testId).click(),
  ]);
  const path = join(DOWNLOADS, name);
  await file.saveAs(path);
  return path;
}
