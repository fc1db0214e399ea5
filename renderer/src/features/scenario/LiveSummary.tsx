// The compact live summary beside the editor: headline numbers of the active scenario against the baseline, updated
// by the results driver after every edit, with the run status and engine time.
import { NoDatasetNotice } from '../../components/NoDatasetNotice.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { useResults } from '../../store/results-store.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { fill, pick } from '../../i18n/i18n.ts';
import { headlineFigures } from '../results/result-model.ts';
import { useScenarioMessages } from './messages.ts';

/** Headline cards (test ids `summary-<headline id>`) and the run status (`summary-status`). */
export function LiveSummary() {
  const m = useScenarioMessages();
  const language = useUiStore((s) => s.language);
  const setScreen = useUiStore((s) => s.setScreen);
  const results = useResults();
  const figures = results.comparison ? headlineFigures(results.comparison) : [];
  const busy = results.status === 'running' || results.stale;
  return (
    <aside className="panel live-summary" data-testid="live-summary" aria-busy={busy}>
      <h3>{m.summaryTitle}</h3>
      {!results.dataset ? (
        <div className="muted">
          <NoDatasetNotice message={m.noDataset} />
          <button type="button" onClick={() => setScreen('data')}>
            {m.goData}
          </button>
        </div>
      ) : (
        <>
          <div
            className={`summary-status muted${busy ? ' busy' : ''}`}
            data-testid="summary-status"
            data-status={busy ? 'running' : results.status}
          >
            {busy ? m.running : m.ready}
            {results.runMs !== null ? ` · ${fill(m.runMs, { ms: Math.round(results.runMs) })}` : ''}
          </div>
          {results.error ? (
            <div className="error-box" role="alert" data-testid="summary-error">
              {pick(results.error, language)}
            </div>
          ) : null}
          <div className={`summary-cards${results.stale ? ' stale' : ''}`}>
            {figures.map((f) => (
              <StatCard
                key={f.def.id}
                compact
                label={language === 'zh' ? f.def.zh : f.def.en}
                title={language === 'zh' ? f.def.hintZh : f.def.hintEn}
                value={f.value}
                reference={f.baseline}
                quantity={f.def.quantity}
                testId={`summary-${f.def.id}`}
              />
            ))}
          </div>
          <button
            type="button"
            className="link-button"
            data-testid="summary-open-results"
            onClick={() => setScreen('results')}
          >
            {m.showResults} →
          </button>
        </>
      )}
    </aside>
  );
}
