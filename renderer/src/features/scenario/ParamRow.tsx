// One parameter of the catalogue in the editor: label with its explanation on hover (description, range, default,
// reference, date in force), slider plus exact entry (or an on/off switch), unit, default and reset.
import type { ParamDef } from '../../../../sim/index.ts';
import { NumberField } from '../../components/NumberField.tsx';
import { useUiStore } from '../../store/ui-store.ts';
import { fill, pick } from '../../i18n/i18n.ts';
import type { Bilingual } from '../../i18n/i18n.ts';
import { displayText } from '../../components/number-field-logic.ts';
import { displayUnit } from './param-form.ts';
import { useScenarioMessages } from './messages.ts';

export interface ParamRowProps {
  def: ParamDef;
  value: number;
  /** True when the scenario sets this parameter explicitly. */
  changed: boolean;
  error?: Bilingual | null;
  onChange: (value: number) => void;
  onReset: () => void;
}

/** A catalogue parameter with its controls; test id `param-<id>`. */
export function ParamRow({ def, value, changed, error, onChange, onReset }: ParamRowProps) {
  const language = useUiStore((s) => s.language);
  const m = useScenarioMessages();
  const { scale, unit } = displayUnit(def, language);
  const label = language === 'zh' ? def.labelZh : def.labelEn;
  const show = (v: number) =>
    def.unit === 'switch' ? (v ? m.on : m.off) : `${displayText(v, scale, def.step)}${unit ? ` ${unit}` : ''}`;
  const explanation = [
    language === 'zh' ? def.descriptionZh : def.descriptionEn,
    `${m.range}: ${show(def.min)} – ${show(def.max)}; ${fill(m.defaultValue, { value: show(def.default) })}`,
    `${m.reference}: ${def.reference}`,
    `${m.inForce}: ${def.inForce}${def.regional ? ` · ${m.regional}` : ''}`,
  ].join('\n');
  const testId = `param-${def.id}`;
  return (
    <div className={`param-row${changed ? ' changed' : ''}`} data-param={def.id}>
      <div className="param-label" title={explanation}>
        <span>{label}</span>
        <span className="param-info" aria-hidden="true">
          ⓘ
        </span>
      </div>
      <div className="param-control">
        {def.unit === 'switch' ? (
          <div className="param-switch" data-testid={testId} title={explanation}>
            <label>
              <input
                type="checkbox"
                checked={value >= 0.5}
                data-testid={`${testId}-toggle`}
                aria-label={label}
                onChange={(event) => onChange(event.target.checked ? 1 : 0)}
              />
              <span>{value >= 0.5 ? m.on : m.off}</span>
            </label>
            {error ? (
              <div className="field-error" role="alert" data-testid={`${testId}-error`}>
                {pick(error, language)}
              </div>
            ) : null}
          </div>
        ) : (
          <NumberField
            value={value}
            min={def.min}
            max={def.max}
            step={def.step}
            scale={scale}
            unit={unit}
            name={{ zh: def.labelZh, en: def.labelEn }}
            onChange={onChange}
            error={error}
            changed={changed}
            testId={testId}
          />
        )}
      </div>
      <div className="param-default muted">{fill(m.defaultValue, { value: show(def.default) })}</div>
      <div className="param-reset">
        {changed ? (
          <button
            type="button"
            className="link-button"
            data-testid={`${testId}-reset`}
            onClick={onReset}
            title={m.reset}
          >
            ↺
          </button>
        ) : null}
      </div>
    </div>
  );
}
