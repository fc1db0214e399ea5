// Test projects: one per layer, each in the environment that layer runs in, plus DuckDB integration and end-to-end.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const fakeElectron = fileURLToPath(new URL('./electron/testing/fake-electron.ts', import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'sim',
          environment: 'node',
          include: ['sim/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'data',
          environment: 'node',
          include: ['datasets/**/*.test.ts', 'cli/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        // Pure renderer logic runs in Node; a test that needs the DOM says so with a `@vitest-environment jsdom`
        // comment at its top (starting jsdom for every file was most of this project's time).
        test: {
          name: 'renderer',
          environment: 'node',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          // A busy machine must not fail a test: the 5 s default timed out a jsdom test in a loaded CI run.
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias: { electron: fakeElectron } },
        test: {
          name: 'electron',
          environment: 'node',
          include: ['electron/**/*.test.ts', 'contract/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // Ceilings against hangs, not speed checks: under load 20–30 on two cores the million-household set-up
          // (generate 1M households, open the app, import) outran 180 s and failed the run.
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
