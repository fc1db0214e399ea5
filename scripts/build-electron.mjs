// Compiles the Electron main process and preload into dist-electron/main.cjs and dist-electron/preload.cjs with
// esbuild (already installed through tsx and vite; no extra dependency). CommonJS because sandboxed preloads must be.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const defaultOutDir = path.join(repoRoot, 'dist-electron');

/** Options shared by both bundles: Node target of Electron 45 (Node 22), electron itself left to the runtime. */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
};

/** Builds both bundles into `outDir` (default dist-electron/); resolves with their paths. */
export async function buildElectron({ outDir = defaultOutDir } = {}) {
  await mkdir(outDir, { recursive: true });
  const main = path.join(outDir, 'main.cjs');
  const preload = path.join(outDir, 'preload.cjs');
  await build({ ...common, entryPoints: [path.join(repoRoot, 'electron', 'main.ts')], outfile: main });
  await build({ ...common, entryPoints: [path.join(repoRoot, 'electron', 'preload.ts')], outfile: preload });
  return { main, preload };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { main, preload } = await buildElectron();
  console.log(`已构建 / built: ${path.relative(repoRoot, main)}, ${path.relative(repoRoot, preload)}`);
}
