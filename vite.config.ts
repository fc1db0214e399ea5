// Builds the renderer once, for the browser (npm run web) and for Electron's app:// protocol alike.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationRulesHash } from './scripts/demo-cache-key.mjs';

const demoDir = fileURLToPath(new URL('./datasets/demo/', import.meta.url));
const DEMO_FILES = /^[\w.-]+\.(arrow|json)$/;

/** Serves `datasets/demo/*` under `demo/` in dev and emits it into `dist/demo/` on build (the demo needs no download). */
function demoDataset(): Plugin {
  return {
    name: 'safetynet-demo-dataset',
    configureServer(server) {
      server.middlewares.use('/demo', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
        const file = path.join(demoDir, name);
        if (!DEMO_FILES.test(name) || !existsSync(file)) return next();
        res.setHeader(
          'Content-Type',
          name.endsWith('.json') ? 'application/json' : 'application/vnd.apache.arrow.file',
        );
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
    // The demo's files start downloading with the page, while the scripts are parsed (the app's fetch takes them over).
    transformIndexHtml() {
      return ['households.arrow', 'regions.arrow', 'demo-cache.json'].map((name) => ({
        tag: 'link',
        attrs: { rel: 'preload', href: `./demo/${name}`, as: 'fetch', crossorigin: 'anonymous' },
        injectTo: 'head' as const,
      }));
    },
    generateBundle() {
      if (!existsSync(demoDir)) {
        this.warn('datasets/demo is missing: run `npm run demo` first; the build has no demo dataset');
        return;
      }
      for (const name of readdirSync(demoDir)) {
        if (!DEMO_FILES.test(name)) continue;
        this.emitFile({
          type: 'asset',
          fileName: `demo/${name}`,
          source: new Uint8Array(readFileSync(path.join(demoDir, name))),
        });
      }
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  plugins: [react(), demoDataset()],
  // The demo cache (datasets/demo/demo-cache.json) is trusted only when built with these same validation rules.
  define: { __SAFETYNET_RULES_HASH__: JSON.stringify(validationRulesHash()) },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
});
