// The validation rules' hash that keys the demo cache: SHA-256 over the import, validation and hand-off sources (and
// the schema they check against), so any change to them invalidates a cache built before it. Used by the demo build
// (scripts/demo-cache.ts) and by vite.config.ts, which compiles the same hash into the app.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The source files whose content decides a dataset's validation report, totals and engine arrays. */
export function rulesSources(root = ROOT) {
  const importDir = path.join(root, 'datasets', 'import');
  const files = readdirSync(importDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => path.join('datasets', 'import', name));
  return [...files, path.join('datasets', 'schema.ts')].sort();
}

/** SHA-256 (hex) of the rule sources, names and contents. */
export function validationRulesHash(root = ROOT) {
  const hash = createHash('sha256');
  for (const file of rulesSources(root)) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
