// Bilingual text for exports: every label an export writes exists in Simplified Chinese and English.
import type { Language } from '../i18n/i18n.ts';

/** A label in both languages (Chinese first). */
export interface Text {
  zh: string;
  en: string;
}

/** The label in the chosen language. */
export function inLanguage(text: Text, language: Language): string {
  return text[language];
}

/** Fills `{name}` placeholders in both languages at once. */
export function fillText(text: Text, values: Record<string, string | number>): Text {
  const fillOne = (message: string) =>
    message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
  return { zh: fillOne(text.zh), en: fillOne(text.en) };
}
