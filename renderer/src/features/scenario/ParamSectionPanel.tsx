// One programme section of the editor: its catalogue parameters, collapsible, with the count of changed values.
import type { ReactNode } from 'react';
import { useUiStore } from '../../store/ui-store.ts';
import { fill } from '../../i18n/i18n.ts';
import { explicitParamValue, getParamValue, paramPath, paramsOfSection, setParamValue } from './param-form.ts';
import type { FormValidation, JsonValue, ParamSection } from './param-form.ts';
import { ParamRow } from './ParamRow.tsx';
import { useScenarioMessages } from './messages.ts';

export interface ParamSectionPanelProps {
  section: ParamSection;
  document: JsonValue;
  validation: FormValidation;
  edit: (update: (document: JsonValue) => JsonValue, coalesceKey?: string) => void;
  open?: boolean;
  title?: string;
  children?: ReactNode;
}

/** A collapsible group of parameter rows; test id `section-<id>`. */
export function ParamSectionPanel({
  section,
  document,
  validation,
  edit,
  open,
  title,
  children,
}: ParamSectionPanelProps) {
  const language = useUiStore((s) => s.language);
  const m = useScenarioMessages();
  const defs = paramsOfSection(section);
  const changed = defs.filter((d) => explicitParamValue(document, d.id) !== undefined).length;
  return (
    <details className="panel param-section" open={open} data-testid={`section-${section.id}`}>
      <summary>
        <span className="param-section-title">{title ?? (language === 'zh' ? section.titleZh : section.titleEn)}</span>
        {changed > 0 ? <span className="badge">{fill(m.changedCount, { n: changed })}</span> : null}
      </summary>
      {children}
      <div className="param-rows">
        {defs.map((def) => (
          <ParamRow
            key={def.id}
            def={def}
            value={getParamValue(document, def.id)}
            changed={explicitParamValue(document, def.id) !== undefined}
            error={validation.byPath.get(paramPath(def.id)) ?? null}
            onChange={(value) => edit((doc) => setParamValue(doc, def.id, value), paramPath(def.id))}
            onReset={() => edit((doc) => setParamValue(doc, def.id, def.default))}
          />
        ))}
      </div>
    </details>
  );
}
