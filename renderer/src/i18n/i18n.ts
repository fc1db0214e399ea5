// The one i18n layer: Simplified Chinese first, English second. Each feature declares its own messages with
// `defineMessages`; the type system makes the English dictionary carry exactly the Chinese keys.
import { useUiStore } from '../store/ui-store.ts';

export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

export type Messages<K extends string> = Record<K, string>;

/** A bilingual message set: `en` must have the same keys as `zh`. */
export interface MessageSet<K extends string> {
  zh: Messages<K>;
  en: Messages<K>;
}

/** Declares a feature's messages; returns a hook giving the dictionary of the current language. */
export function defineMessages<K extends string>(set: MessageSet<K>): () => Messages<K> {
  return () => set[useUiStore((s) => s.language)];
}

/** Fills `{name}` placeholders in a message. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A bilingual text carried by engine and data errors, shown in the reader's language. */
export interface Bilingual {
  messageZh: string;
  messageEn: string;
}

/** Picks the reader's language from a bilingual value. */
export function pick(value: Bilingual, language: Language): string {
  return language === 'zh' ? value.messageZh : value.messageEn;
}
