// The scenario editor screen: scenario management, the standard-setting rule first (the ministry question's path),
// per-province standards with bulk rules, every other programme's parameters, inline validation by the engine's
// schema, and a live summary of the results that re-run after each edit.
import { useEffect, useMemo } from 'react';
import { selectActiveDataset, selectActiveScenario, useWorkspaceStore } from '../../store/workspace-store.ts';
import { useResults } from '../../store/results-store.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { pick } from '../../i18n/i18n.ts';
import { PARAM_SECTIONS, asObject, validateDocument } from './param-form.ts';
import { ParamSectionPanel } from './ParamSectionPanel.tsx';
import { RegionTable } from './RegionTable.tsx';
import { ScenarioToolbar } from './ScenarioToolbar.tsx';
import { LiveSummary } from './LiveSummary.tsx';
import { useScenarioEdit } from './use-scenario-editor.ts';
import { useScenarioMessages } from './messages.ts';
import './scenario.css';

function typingInField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)
  );
}

/** The scenario editor. */
export function ScenarioScreen() {
  const m = useScenarioMessages();
  const language = useUiStore((s) => s.language);
  const active = useWorkspaceStore(selectActiveScenario);
  const dataset = useWorkspaceStore(selectActiveDataset);
  const datasetKey = dataset?.status === 'ready' ? dataset.id : null;
  const results = useResults();
  const edit = useScenarioEdit();
  const validation = useMemo(() => validateDocument(active.document), [active.document]);
  const [standard, ...others] = PARAM_SECTIONS;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || typingInField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        useWorkspaceStore.getState().undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        useWorkspaceStore.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="scenario-screen" data-testid="scenario-screen">
      <h2>{m.title}</h2>
      <ScenarioToolbar />
      {typeof asObject(active.document).description === 'string' ? (
        <p className="scenario-description muted" data-testid="scenario-description">
          {String(asObject(active.document).description)}
        </p>
      ) : null}
      {active.builtIn ? (
        <div className="notice" data-testid="baseline-notice">
          {m.baselineReadOnly}
        </div>
      ) : null}
      {!validation.ok ? (
        <div className="error-box" role="alert" data-testid="scenario-errors">
          {m.errorsTitle}
          <ul>
            {validation.all.map((e, i) => (
              <li key={`${e.path}-${i}`} data-path={e.path}>
                {pick(e.message, language)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="scenario-layout">
        <div className="scenario-main">
          <ParamSectionPanel
            section={standard}
            document={active.document}
            validation={validation}
            edit={edit}
            open
            title={m.quickTitle}
          >
            <p className="quick-hint">{m.quickHint}</p>
          </ParamSectionPanel>
          <details className="panel param-section" open data-testid="section-regions">
            <summary>
              <span className="param-section-title">{m.regionTitle}</span>
            </summary>
            <RegionTable
              document={active.document}
              datasetKey={datasetKey}
              comparison={results.comparison}
              edit={edit}
            />
          </details>
          {others.map((section) => (
            <ParamSectionPanel
              key={section.id}
              section={section}
              document={active.document}
              validation={validation}
              edit={edit}
            />
          ))}
        </div>
        <LiveSummary />
      </div>
    </div>
  );
}
