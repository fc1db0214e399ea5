// electron-builder.yml: valid against electron-builder's own schema, with the four installer targets, the bilingual
// product name, and nothing but the built files packed (asar on).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(path.join(repoRoot, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  extraMetadata: Record<string, string>;
  win: { target: { target: string }[] };
  mac: { target: { target: string }[] };
  linux: { target: { target: string }[] };
}

const config = yaml.load(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds NSIS, DMG, AppImage and deb for 社会救助政策仿真工作台 / Safety Net Workbench', () => {
    expect(config.productName).toBe('社会救助政策仿真工作台');
    expect(config.extraMetadata.englishName).toBe('Safety Net Workbench');
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('packs only the builds and package.json into an asar, with the compiled main as entry', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['dist/**/*', 'dist-electron/**/*', 'package.json']);
    const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string };
    expect(packageJson.main).toBe('dist-electron/main.cjs');
    expect(config.extraMetadata.main).toBe(packageJson.main);
  });
});
