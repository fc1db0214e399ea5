// Types of scripts/demo-cache-key.mjs for TypeScript callers (vite.config.ts, scripts/demo-cache.ts).

/** The source files whose content decides a dataset's validation report, totals and engine arrays. */
export function rulesSources(root?: string): string[];
/** SHA-256 (hex) of the rule sources, names and contents. */
export function validationRulesHash(root?: string): string;
