// End-to-end set-up, once per run: one static server for dist/ and one headless Chromium that every e2e file connects
// to (each session still opens its own browser context, an empty profile), instead of a server and a browser per file.
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serveDist } from '../../scripts/serve-dist.mjs';
import { CHROMIUM, CHROMIUM_UNOPTIMISED } from './harness.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server: { url: string; close: () => Promise<void> } = await serveDist({ port: 0 });
  const browser = await chromium.launchServer(project.name === 'e2e' ? CHROMIUM_UNOPTIMISED : CHROMIUM);
  project.provide('e2e', { url: server.url, wsEndpoint: browser.wsEndpoint() });
  return async () => {
    await browser.close();
    await server.close();
  };
}
