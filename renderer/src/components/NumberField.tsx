// A numeric field with exact entry and an optional slider: validates the range as you type, shows the unit, and
// reports only valid values. External (schema) errors are shown next to the field too.
import { useId, useState } from 'react';
import { useUiStore } from '../store/ui-store.ts';
import { pick } from '../i18n/i18n.ts';
import type { ErrorInfo } from '../i18n/i18n.ts';
import { displayText, parseNumberEntry } from './number-field-logic.ts';
import './components.css';
import type { Bilingual } from '../i18n/i18n.ts';

export interface NumberFieldProps {
  /** Current raw value. */
  value: number;
  min: number;
  max: number;
  step: number;
  /** Called with every valid raw value (typing or sliding). */
  onChange: (value: number) => void;
  /** Visible label; omit when a surrounding row already labels the field. */
  label?: string;
  /** ErrorInfo name used in validation messages. */
  name?: Bilingual;
  /** Unit shown after the input (in display units). */
  unit?: string;
  /** Multiply raw values by this for display (100 shows a 0..1 share as percent). */
  scale?: number;
  /** Draw a range slider beside the input (default true). */
  slider?: boolean;
  /** An error from outside (e.g. the scenario schema), shown next to the field. */
  error?: ErrorInfo | null;
  /** Hover explanation. */
  title?: string;
  disabled?: boolean;
  /** Test id of the block; the input is `<testId>-input`, the slider `<testId>-slider`. */
  testId?: string;
  /** Marks the value as changed from its default (bold). */
  changed?: boolean;
}

/** Exact numeric entry plus slider with range validation and inline bilingual errors. */
export function NumberField({
  value,
  min,
  max,
  step,
  onChange,
  label,
  name,
  unit,
  scale = 1,
  slider = true,
  error,
  title,
  disabled,
  testId,
  changed,
}: NumberFieldProps) {
  const language = useUiStore((s) => s.language);
  const inputId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [typedError, setTypedError] = useState<ErrorInfo | null>(null);
  const shown = draft ?? displayText(value, scale, step);

  const onType = (text: string) => {
    setDraft(text);
    const parsed = parseNumberEntry(text, { min, max, scale, label: name, unit });
    if (parsed.ok) {
      setTypedError(null);
      if (parsed.value !== value) onChange(parsed.value);
    } else {
      setTypedError(parsed.error);
    }
  };

  const shownError = typedError ?? error ?? null;
  return (
    <div
      className={`number-field${shownError ? ' invalid' : ''}${changed ? ' changed' : ''}`}
      data-testid={testId}
      title={title}
    >
      {label ? (
        <label htmlFor={inputId} className="number-field-label">
          {label}
        </label>
      ) : null}
      <div className="number-field-controls">
        {slider ? (
          <input
            type="range"
            min={min * scale}
            max={max * scale}
            step={step * scale}
            value={Number.isFinite(value) ? value * scale : min * scale}
            disabled={disabled}
            aria-label={label ?? name?.[language]}
            data-testid={testId ? `${testId}-slider` : undefined}
            onChange={(event) => {
              const next = Number(event.target.value) / scale;
              setDraft(null);
              setTypedError(null);
              onChange(Number(displayText(next, 1, step)));
            }}
          />
        ) : null}
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          className="number-field-input"
          value={shown}
          disabled={disabled}
          aria-invalid={shownError ? true : undefined}
          aria-label={label ? undefined : name?.[language]}
          data-testid={testId ? `${testId}-input` : undefined}
          onChange={(event) => onType(event.target.value)}
          onBlur={() => {
            if (!typedError) setDraft(null);
          }}
        />
        {unit ? <span className="number-field-unit">{unit}</span> : null}
      </div>
      {shownError ? (
        <div className="field-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {pick(shownError, language)}
        </div>
      ) : null}
    </div>
  );
}
