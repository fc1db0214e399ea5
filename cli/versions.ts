// Versions recorded in provenance: the app version from package.json and the engine version exported by sim/.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg: unknown = require('../package.json');

function readVersion(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'version' in value && typeof value.version === 'string') {
    return value.version;
  }
  return '0.0.0';
}

/** The application version (package.json). */
export const APP_VERSION = readVersion(pkg);
