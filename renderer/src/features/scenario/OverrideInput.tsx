// A compact optional number input for per-region overrides: empty means "not set" (the national rule applies),
// anything typed is checked against the parameter's range and shown in error colour with a bilingual message.
import { useState } from 'react';
import { useUiStore } from '../../store/ui-store.ts';
import { pick } from '../../i18n/i18n.ts';
import type { ErrorInfo } from '../../i18n/i18n.ts';
import { displayText, parseNumberEntry } from '../../components/number-field-logic.ts';
import type { Bilingual } from '../../i18n/i18n.ts';

export interface OverrideInputProps {
  value: number | undefined;
  /** Shown greyed when empty: the value that applies without an override. */
  placeholder?: string;
  min: number;
  max: number;
  step: number;
  scale?: number;
  name: Bilingual;
  onCommit: (value: number | undefined) => void;
  testId?: string;
  error?: ErrorInfo | null;
}

/** An input that sets or clears one override. */
export function OverrideInput({
  value,
  placeholder,
  min,
  max,
  step,
  scale = 1,
  name,
  onCommit,
  testId,
  error,
}: OverrideInputProps) {
  const language = useUiStore((s) => s.language);
  const [draft, setDraft] = useState<string | null>(null);
  const [typedError, setTypedError] = useState<ErrorInfo | null>(null);
  const shown = draft ?? (value === undefined ? '' : displayText(value, scale, step));
  const problem = typedError ?? error ?? null;
  return (
    <input
      type="text"
      inputMode="decimal"
      className={`override-input${value !== undefined ? ' set' : ''}${problem ? ' invalid' : ''}`}
      value={shown}
      placeholder={placeholder}
      aria-label={name[language]}
      aria-invalid={problem ? true : undefined}
      title={problem ? pick(problem, language) : name[language]}
      data-testid={testId}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        if (text.trim() === '') {
          setTypedError(null);
          if (value !== undefined) onCommit(undefined);
          return;
        }
        const parsed = parseNumberEntry(text, { min, max, scale, label: name });
        if (parsed.ok) {
          setTypedError(null);
          if (parsed.value !== value) onCommit(parsed.value);
        } else setTypedError(parsed.error);
      }}
      onBlur={() => {
        if (!typedError) setDraft(null);
      }}
    />
  );
}
