// The application version recorded in every export's provenance: package.json's `version`, the same source the CLI
// and the Electron shell read. Imported as raw text (Vite `?raw`) so the renderer project needs no JSON file listing.
import packageText from '../../../package.json?raw';

function readVersion(text: string): string {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  return '0.0.0';
}

/** The application version (package.json). */
export const APP_VERSION: string = readVersion(packageText);
