// Pure logic of NumberField: parse exact entry, check the range, and show values at the precision of their step.
import type { ErrorInfo } from '../i18n/i18n.ts';
import type { Bilingual } from '../i18n/i18n.ts';

/** Result of reading what the user typed: a valid value, or a bilingual message naming the field. */
export type ParsedNumber = { ok: true; value: number } | { ok: false; error: ErrorInfo };

/** Number of decimals implied by a step (0.05 → 2, 10 → 0). */
export function stepDecimals(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 6;
  const text = step.toString();
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Rounds away floating-point noise (0.30000000000000004 → 0.3) at the step's precision plus two digits. */
export function clean(value: number, decimals: number): number {
  const factor = 10 ** Math.min(12, decimals + 2);
  return Math.round(value * factor) / factor;
}

/** The text shown in the input for a raw value at a display scale (e.g. 100 for shares shown in %). */
export function displayText(value: number, scale: number, step: number): string {
  if (!Number.isFinite(value)) return '';
  return String(clean(value * scale, stepDecimals(step * scale)));
}

/**
 * Parses typed text (display units) into a raw value and checks it against [min, max] (raw units).
 * Accepts full-width digits and a comma as thousands separator; `label` names the field in messages.
 */
export function parseNumberEntry(
  text: string,
  bounds: { min: number; max: number; scale?: number; label?: Bilingual; unit?: string },
): ParsedNumber {
  const scale = bounds.scale ?? 1;
  // A trailing % is what a reader types for a percentage: "10%" in a field shown in % is 10; in a field shown in other
  // units (a multiplier, a share shown as 0..1) it is the fraction, so "150%" is 1.5.
  const percent = /[%％]\s*$/.test(text.trim());
  const unitIsPercent = bounds.unit !== undefined && /%|％/.test(bounds.unit);
  const normalised = text
    .trim()
    .replace(/\s*[%％]$/, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，,]/g, '')
    .replace(/．/g, '.')
    .replace(/－/g, '-');
  const zhName = bounds.label ? `「${bounds.label.zh}」` : '';
  const enName = bounds.label ? `"${bounds.label.en}": ` : '';
  if (normalised === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) {
    return { ok: false, error: { messageZh: `${zhName}请输入数字`, messageEn: `${enName}enter a number` } };
  }
  const typed = percent && !unitIsPercent ? Number(normalised) / 100 : Number(normalised);
  const value = clean(typed / scale, 10);
  const shownMin = displayText(bounds.min, scale, 1e-6);
  const shownMax = displayText(bounds.max, scale, 1e-6);
  if (value < bounds.min) {
    return {
      ok: false,
      error: { messageZh: `${zhName}不得小于 ${shownMin}`, messageEn: `${enName}must be at least ${shownMin}` },
    };
  }
  if (value > bounds.max) {
    return {
      ok: false,
      error: { messageZh: `${zhName}不得大于 ${shownMax}`, messageEn: `${enName}must be at most ${shownMax}` },
    };
  }
  return { ok: true, value };
}
