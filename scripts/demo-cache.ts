// Builds datasets/demo/demo-cache.json (see datasets/import/demo-cache.ts) after `safetynet generate --demo`, with the
// app's import run in DuckDB-wasm; rebuilt only when the demo files or the validation rules changed. Run by `npm run demo`.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CACHE_FILE, buildDemoCache, matchingDemoCache, sha256Hex } from '../datasets/index.ts';
import { validationRulesHash } from './demo-cache-key.mjs';

const DEMO_DIR = fileURLToPath(new URL('../datasets/demo/', import.meta.url));
const FILES = { households: 'households.arrow', regions: 'regions.arrow' } as const;

async function main(): Promise<void> {
  const target = path.join(DEMO_DIR, DEMO_CACHE_FILE);
  const [households, regions] = await Promise.all(
    [FILES.households, FILES.regions].map(async (name) => new Uint8Array(await readFile(path.join(DEMO_DIR, name)))),
  );
  const rulesHash = validationRulesHash();
  const hashes = { [FILES.households]: await sha256Hex(households), [FILES.regions]: await sha256Hex(regions) };
  const existing = await readFile(target, 'utf8').then(
    (text) => JSON.parse(text) as unknown,
    () => undefined,
  );
  if (matchingDemoCache(existing, rulesHash, hashes)) {
    console.error(`演示缓存已是最新 / demo cache is up to date: ${target}`);
    return;
  }
  // DuckDB-wasm only when the cache is rebuilt: loading it costs more than the check itself.
  const { openWasmDuckDb, wasmPort } = await import('../cli/duckdb/wasm-node.ts');
  const duck = await openWasmDuckDb();
  try {
    const cache = await buildDemoCache(
      wasmPort(duck),
      {
        households: { fileName: FILES.households, bytes: households },
        regions: { fileName: FILES.regions, bytes: regions },
      },
      rulesHash,
    );
    await writeFile(target, JSON.stringify(cache) + '\n');
    console.error(`已写入演示缓存 / demo cache written: ${target}`);
  } finally {
    duck.close();
  }
}

await main();
