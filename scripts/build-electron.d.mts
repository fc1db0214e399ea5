// Types of scripts/build-electron.mjs for TypeScript callers (tests).

/** Builds dist-electron/main.cjs and preload.cjs (or into `outDir`); resolves with their paths. */
export function buildElectron(options?: { outDir?: string }): Promise<{ main: string; preload: string }>;
