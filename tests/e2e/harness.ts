// End-to-end harness: serves the built renderer (dist/) on loopback and drives it in Debian's headless Chromium.
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist } from '../../scripts/serve-dist.mjs';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

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

export interface Session {
  browser: Browser;
  page: Page;
  url: string;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

/** Starts the static server and a fresh Chromium with an empty profile, and opens the app at 1440×900. */
export async function openApp(): Promise<Session> {
  const server: { url: string; close: () => Promise<void> } = await serveDist({ port: 0 });
  const browser = await chromium.launch(CHROMIUM);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(server.url);
  return {
    browser,
    page,
    url: server.url,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Saves a full-page screenshot as a test artifact and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
