// The one i18n layer: Simplified Chinese first, English second. Each feature declares its own messages with
// `defineMessages`; the type system makes the English dictionary carry exactly the Chinese keys.
import type { Language } from '../../../sim/index.ts';
import { useUiStore } from '../store/ui-store.ts';

// The one bilingual vocabulary (sim/bilingual.ts), re-exported for the renderer.
export type { Bilingual, ErrorInfo, Language } from '../../../sim/index.ts';
export {
  LANGUAGE_TAG,
  WorkbenchError,
  bi,
  errorInfoOf,
  errorText,
  fill,
  fillText,
  inLanguage,
  isErrorInfo,
  messageOf,
  errorText as pick,
} from '../../../sim/index.ts';

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

/** Picks the reader's language from an error or notice: the one conversion of sim/bilingual.ts. */
