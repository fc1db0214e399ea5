// The model validation panel of the Data screen: the loaded dataset's survey income against NBS (quintile means,
// medians, means) and the responses of caseloads and cost to uniform standard changes beside plausible ranges, from
// the same report as `safetynet validate-model` (datasets/model-validation.ts), computed in the engine worker.
import { useState } from 'react';
import type { ModelValidationReport } from '../../../../datasets/index.ts';
import { formatValue } from '../../format/units.ts';
import { fill } from '../../i18n/i18n.ts';
import { getEngine } from '../../services/engine/engine.ts';
import { EngineError } from '../../services/engine/engine-client.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { useDataMessages } from './data-messages.ts';
import { formatDifference } from './calibration-view.ts';

type PanelState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; report: ModelValidationReport }
  | { status: 'error'; message: string };

/** Runs and shows the model validation report for the active dataset. */
export function ModelValidationPanel({ datasetId }: { datasetId: string | null }) {
  const m = useDataMessages();
  const language = useUiStore((s) => s.language);
  const [state, setState] = useState<PanelState>({ status: 'idle' });
  const [forDataset, setForDataset] = useState<string | null>(null);
  const current = forDataset === datasetId ? state : ({ status: 'idle' } as PanelState);
  const run = async (): Promise<void> => {
    setForDataset(datasetId);
    setState({ status: 'running' });
    try {
      const outcome = await getEngine().call('modelValidation', {}, { lane: 'model-validation' });
      if (outcome.status === 'done') setState({ status: 'done', report: outcome.result });
    } catch (error) {
      const message =
        error instanceof EngineError ? (language === 'zh' ? error.messageZh : error.messageEn) : String(error);
      setState({ status: 'error', message });
    }
  };
  const label = (l: { zh: string; en: string }): string => (language === 'zh' ? l.zh : l.en);
  const yuan = (x: number): string => `${formatValue(x, 'count', language)} ${language === 'zh' ? '元' : 'yuan'}`;
  return (
    <div data-testid="model-validation">
      <p className="muted">{m.modelValidationNote}</p>
      <button
        type="button"
        data-testid="model-validation-run"
        disabled={datasetId === null || current.status === 'running'}
        onClick={() => void run()}
      >
        {current.status === 'running' ? m.modelValidationRunning : m.modelValidationRun}
      </button>
      {current.status === 'error' ? <p className="error">{current.message}</p> : null}
      {current.status === 'done' ? (
        <>
          <h4>{m.incomeAgainstNbs}</h4>
          <p className="muted">{m.incomeAgainstNbsNote}</p>
          <div className="table-scroll">
            <table className="data-table model-validation-table" data-testid="model-validation-income">
              <thead>
                <tr>
                  <th>{m.statistic}</th>
                  <th>{m.nbs2023}</th>
                  <th>{m.reference}</th>
                  <th>{m.simulated}</th>
                  <th>{m.difference}</th>
                </tr>
              </thead>
              <tbody>
                {current.report.income.map((r) => (
                  <tr key={r.id} data-within={r.withinTolerance}>
                    <td>{label(r.label)}</td>
                    <td>{yuan(r.reference2023)}</td>
                    <td>{yuan(r.reference)}</td>
                    <td>{yuan(r.simulated)}</td>
                    <td className={r.withinTolerance ? '' : 'out'}>{formatDifference(r.differencePct, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4>{m.responses}</h4>
          <p className="muted">{m.responsesNote}</p>
          <div className="table-scroll">
            <table className="data-table model-validation-table" data-testid="model-validation-responses">
              <thead>
                <tr>
                  <th>{m.quantity}</th>
                  <th>{m.baselineValue}</th>
                  {current.report.changes.map((c) => (
                    <th key={c}>{`${m.standardChange} ${c > 0 ? '+' : ''}${c}%`}</th>
                  ))}
                  <th>{m.plausibleRange}</th>
                </tr>
              </thead>
              <tbody>
                {current.report.responses.map((r) => {
                  const quantity = r.metric.startsWith('cost') ? 'money' : 'persons';
                  return (
                    <tr key={r.metric}>
                      <td title={label(r.reason)}>{label(r.label)}</td>
                      <td>{formatValue(r.baseline, quantity, language)}</td>
                      {r.cells.map((c) => (
                        <td key={c.changePct} className={c.plausible ? '' : 'out'}>
                          {`${formatValue(c.value, quantity, language)} (ε ${c.elasticity.toFixed(2)})`}
                        </td>
                      ))}
                      <td>{`${r.range[0]} – ${r.range[1]}`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ul className="muted small">
            {current.report.responses.map((r) => (
              <li key={r.metric}>
                <strong>{label(r.label)}</strong>: {label(r.reason)}
              </li>
            ))}
          </ul>
          <p className="muted" data-testid="model-validation-targeting">
            {fill(m.targetingSurvey, {
              exclusion: formatValue(current.report.targeting.exclusionRate, 'share', language),
              inclusion: formatValue(current.report.targeting.inclusionRate, 'share', language),
            })}
          </p>
        </>
      ) : null}
    </div>
  );
}
