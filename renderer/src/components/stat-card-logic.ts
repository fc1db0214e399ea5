// Pure logic of StatCard: the change against a reference value, expressed the way a reader expects (percentage
// points for shares, signed units otherwise, plus the relative change).
import type { Language } from '../i18n/i18n.ts';
import { formatValue } from '../format/units.ts';
import type { Quantity } from '../format/units.ts';

/** A formatted change: absolute (with unit), relative (percent) and its direction. */
export interface FormattedChange {
  absolute: string;
  relative: string | null;
  direction: 'up' | 'down' | 'none';
}

/** Formats `value − reference`; shares change in percentage points (百分点 / pp), others in their own unit. */
export function formatChange(
  value: number,
  reference: number,
  quantity: Quantity,
  language: Language,
): FormattedChange {
  const delta = value - reference;
  if (!Number.isFinite(delta)) return { absolute: '—', relative: null, direction: 'none' };
  const shown = (x: number) =>
    quantity === 'share'
      ? `${formatValue(x, 'share', language, { signed: true, withUnit: false })}${language === 'zh' ? ' 个百分点' : ' pp'}`
      : formatValue(x, quantity, language, { signed: true });
  // A change that rounds to zero at the display precision is no change: no arrow beside "0.00".
  if (shown(Math.abs(delta)) === shown(0)) return { absolute: shown(0), relative: null, direction: 'none' };
  const direction = delta > 0 ? 'up' : 'down';
  const absolute = shown(delta);
  const relative =
    quantity !== 'share' && reference !== 0 && Number.isFinite(reference)
      ? formatValue(delta / Math.abs(reference), 'share', language, { signed: true, digits: 1 })
      : null;
  return { absolute, relative, direction };
}
