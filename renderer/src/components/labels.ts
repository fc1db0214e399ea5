// Label helpers shared by tables and charts: a label with its unit in the reader's typographic convention.
import type { Language } from '../i18n/i18n.ts';

/** "人数（万人）" in Chinese, "Persons (million persons)" in English; the bare label when there is no unit. */
export function withUnit(label: string, unit: string, language: Language): string {
  if (!unit) return label;
  return language === 'zh' ? `${label}（${unit}）` : `${label} (${unit})`;
}
