// Bilingual text for exports: every label an export writes exists in Simplified Chinese and English. The type and its
// helpers are the one bilingual vocabulary of sim/bilingual.ts; `Text` is its name in the export code.
export type { Bilingual as Text } from '../../../sim/index.ts';
export { fillText, inLanguage } from '../../../sim/index.ts';
