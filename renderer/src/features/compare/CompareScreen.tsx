// The compare screen: 2–4 scenarios run on the engine side by side, every indicator with its difference against
// the first, the parameter differences between them (path, value in each, unit), and a grouped bar chart.
import { parameterValueText } from '../../exports/parameters.ts';
import { NoDatasetNotice } from '../../components/NoDatasetNotice.tsx';
import { useEffect, useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { TableColumn } from '../../components/DataTable.tsx';
import { useUiStore } from '../../store/ui-store.ts';
import { BASELINE_SCENARIO_ID, selectActiveDataset, useWorkspaceStore } from '../../store/workspace-store.ts';
import type { ScenarioEntry } from '../../store/workspace-store.ts';
import { fill, pick } from '../../i18n/i18n.ts';
import type { Bilingual, Language } from '../../i18n/i18n.ts';
import { formatValue, unitOf } from '../../format/units.ts';
import type { Quantity } from '../../format/units.ts';
import { getEngine } from '../../services/engine/engine.ts';
import { EngineError } from '../../services/engine/engine-client.ts';
import type { YearComparison } from '../../services/engine/engine-calls.ts';
import { compareBarOption } from '../results/chart-options.ts';
import { programmeRows } from '../results/result-model.ts';
import { displayUnit } from '../scenario/param-form.ts';
import { compareRows, paramDifferences } from './compare-model.ts';
import type { CompareRow, ParamDifference } from './compare-model.ts';
import { useCompareMessages } from './messages.ts';
import '../../components/components.css';
import './compare.css';

type Group = 'persons' | 'cost' | 'coverage';

function formatDifference(value: number, quantity: Quantity, language: Language): string {
  const number = formatValue(value, quantity, language, { signed: true, withUnit: false });
  return quantity === 'share' ? `${number}${language === 'zh' ? ' 个百分点' : ' pp'}` : number;
}

function formatParam(
  diff: ParamDifference,
  value: ParamDifference['values'][number],
  language: Language,
  m: ReturnType<typeof useCompareMessages>,
): string {
  if (value === null) return m.notSet;
  if (typeof value === 'number' && diff.def) {
    if (diff.def.unit === 'switch') return parameterValueText(value >= 0.5, language);
    const { scale } = displayUnit(diff.def, language);
    return String(Math.round(value * scale * 1e6) / 1e6);
  }
  return parameterValueText(value, language);
}

/** Runs the chosen scenarios on the engine (one lane each, latest wins) whenever the choice or their documents change. */
function useComparisons(entries: readonly ScenarioEntry[], datasetReady: boolean) {
  const [state, setState] = useState<{ key: string; comparisons: YearComparison[]; error: Bilingual | null }>({
    key: '',
    comparisons: [],
    error: null,
  });
  const key = JSON.stringify(entries.map((e) => e.document));
  useEffect(() => {
    if (!datasetReady || entries.length < 2) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const engine = getEngine();
      Promise.all(entries.map((e, i) => engine.call('year', { scenario: e.document }, { lane: `compare-${i}` })))
        .then((outcomes) => {
          if (cancelled) return;
          const done = outcomes.flatMap((o) => (o.status === 'done' ? [o.result] : []));
          if (done.length === outcomes.length) setState({ key, comparisons: done, error: null });
        })
        .catch((error: unknown) => {
          if (cancelled) return;
          const message =
            error instanceof EngineError
              ? { messageZh: error.messageZh, messageEn: error.messageEn }
              : { messageZh: `计算失败：${String(error)}`, messageEn: `run failed: ${String(error)}` };
          setState({ key, comparisons: [], error: message });
        });
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `key` captures the documents; entries identity changes on every store update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, datasetReady, entries.length]);
  return { ...state, current: state.key === key };
}

/** The compare screen; test ids `compare-pick-<id>`, `compare-table`, `compare-params`, `compare-chart-group`. */
export function CompareScreen() {
  const m = useCompareMessages();
  const language = useUiStore((s) => s.language);
  const setScreen = useUiStore((s) => s.setScreen);
  const scenarios = useWorkspaceStore((s) => s.scenarios);
  const activeId = useWorkspaceStore((s) => s.activeScenarioId);
  const dataset = useWorkspaceStore(selectActiveDataset);
  const [chosen, setChosen] = useState<string[]>(() =>
    activeId === BASELINE_SCENARIO_ID ? [BASELINE_SCENARIO_ID] : [BASELINE_SCENARIO_ID, activeId],
  );
  const [group, setGroup] = useState<Group>('persons');
  const picked = useMemo(
    () => chosen.map((id) => scenarios.find((s) => s.id === id)).filter((s): s is ScenarioEntry => s !== undefined),
    [chosen, scenarios],
  );
  const ready = dataset?.status === 'ready';
  const { comparisons, error, current } = useComparisons(picked, ready);
  const shown = useMemo(() => (comparisons.length === picked.length ? comparisons : []), [comparisons, picked.length]);
  const rows = useMemo(() => compareRows(shown), [shown]);
  const diffs = useMemo(() => paramDifferences(picked.map((p) => p.document)), [picked]);

  const toggle = (id: string) =>
    setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : list.length >= 4 ? list : [...list, id]));

  const indicatorColumns: TableColumn<CompareRow>[] = [
    { id: 'indicator', header: m.indicator, value: (r) => (language === 'zh' ? r.indicator.zh : r.indicator.en) },
    { id: 'unit', header: m.unit, sortable: false, value: (r) => unitOf(r.indicator.quantity, language) },
    ...picked.map((p, i) => ({
      id: `value-${i}`,
      header: p.name,
      align: 'right' as const,
      value: (r: CompareRow) => r.values[i],
      render: (r: CompareRow) => formatValue(r.values[i], r.indicator.quantity, language, { withUnit: false }),
    })),
    ...picked.slice(1).map((p, k) => ({
      id: `diff-${k + 1}`,
      align: 'right' as const,
      header: fill(m.diffVs, { name: p.name, ref: picked[0].name }),
      value: (r: CompareRow) => r.differences[k + 1],
      render: (r: CompareRow) => formatDifference(r.differences[k + 1], r.indicator.quantity, language),
    })),
  ];
  const paramColumns: TableColumn<ParamDifference>[] = [
    { id: 'label', header: m.parameter, value: (d) => d.label[language] },
    { id: 'scope', header: m.scope, value: (d) => d.scope || m.national },
    {
      id: 'unit',
      header: m.unit,
      sortable: false,
      value: (d) => (d.def && d.def.unit !== 'switch' ? displayUnit(d.def, language).unit : d.unit[language]),
    },
    ...picked.map((p, i) => ({
      id: `param-${i}`,
      header: p.name,
      sortable: false,
      align: 'right' as const,
      value: (d: ParamDifference) =>
        `${formatParam(d, d.values[i], language, m)}${d.explicit[i] && d.def && !d.scope ? ' •' : ''}`,
    })),
  ];

  const chart = useMemo(() => {
    if (shown.length < 2) return null;
    const names = picked.map((p) => p.name);
    if (group === 'coverage') {
      const ids = ['cashCoverage', 'coverage.lowIncome', 'exclusion.rate', 'poverty.gapClosed'];
      const chosenRows = ids.map((id) => rows.find((r) => r.indicator.id === id)!).filter(Boolean);
      return compareBarOption(
        chosenRows.map((r) => (language === 'zh' ? r.indicator.zh : r.indicator.en)),
        names.map((name, i) => ({ name, values: chosenRows.map((r) => r.values[i]) })),
        'share',
        m.share,
        language,
      );
    }
    const perScenario = shown.map((c) => programmeRows(c));
    const programmes = perScenario[0].filter((p) => group === 'cost' || p.persons !== undefined);
    return compareBarOption(
      programmes.map((p) => (language === 'zh' ? p.zh : p.en)),
      names.map((name, i) => ({
        name,
        values: programmes.map((p) => {
          const row = perScenario[i].find((x) => x.id === p.id)!;
          return group === 'cost' ? row.cost[1] : (row.persons?.[1] ?? Number.NaN);
        }),
      })),
      group === 'cost' ? 'money' : 'persons',
      group === 'cost' ? m.cost : m.persons,
      language,
    );
  }, [shown, picked, group, rows, language, m]);

  return (
    <div className="compare-screen" data-testid="compare-screen">
      <h2>{m.title}</h2>
      <section className="panel">
        <div className="muted">{m.pick}</div>
        <div className="compare-picks">
          {scenarios.map((s) => {
            const index = chosen.indexOf(s.id);
            return (
              <label key={s.id} className={`compare-pick${index >= 0 ? ' on' : ''}`}>
                <input
                  type="checkbox"
                  checked={index >= 0}
                  disabled={index < 0 && chosen.length >= 4}
                  data-testid={`compare-pick-${s.id}`}
                  onChange={() => toggle(s.id)}
                />
                {index >= 0 ? <span className="pick-order">{index + 1}</span> : null}
                <span>{s.name}</span>
                {index === 0 ? <span className="badge">{m.reference}</span> : null}
              </label>
            );
          })}
        </div>
        {chosen.length < 2 ? <div className="warning-box">{m.needTwo}</div> : null}
        {chosen.length >= 4 ? <div className="muted">{m.maxFour}</div> : null}
      </section>

      {!dataset ? (
        <div className="panel">
          <NoDatasetNotice message={m.noDataset} />
          <button type="button" className="primary" onClick={() => setScreen('data')}>
            {language === 'zh' ? '前往数据页' : 'Go to Data'}
          </button>
        </div>
      ) : null}
      {error ? (
        <div className="error-box" role="alert">
          {pick(error, language)}
        </div>
      ) : null}

      {picked.length >= 2 && dataset ? (
        <>
          <section className="panel" data-testid="compare-indicators" aria-busy={!current}>
            <div className="panel-head">
              <h3>{m.indicators}</h3>
              {!current ? <span className="muted busy">{m.running}</span> : null}
            </div>
            {shown.length === picked.length ? (
              <DataTable rows={rows} columns={indicatorColumns} rowKey={(r) => r.indicator.id} testId="compare-table" />
            ) : (
              <p className="muted">{ready ? m.running : m.loadingData}</p>
            )}
          </section>
          <div>
            <section className="panel" data-testid="compare-params-panel">
              <h3>{m.paramDiffs}</h3>
              {diffs.length === 0 ? (
                <p className="muted" data-testid="compare-no-diffs">
                  {m.noParamDiffs}
                </p>
              ) : (
                <>
                  <DataTable
                    rows={diffs}
                    columns={paramColumns}
                    rowKey={(d) => d.path}
                    testId="compare-params"
                    maxHeight={420}
                  />
                  <p className="muted">• {m.explicit}</p>
                </>
              )}
            </section>
            <section className="panel" data-testid="compare-chart-panel">
              <div className="panel-head">
                <h3>{m.chart}</h3>
                <select
                  value={group}
                  aria-label={m.chartGroup}
                  data-testid="compare-chart-group"
                  onChange={(e) => setGroup(e.target.value as Group)}
                >
                  <option value="persons">{m.groupPersons}</option>
                  <option value="cost">{m.groupCost}</option>
                  <option value="coverage">{m.groupCoverage}</option>
                </select>
              </div>
              {chart ? <EChart option={chart} label={m.chart} height={340} /> : <p className="muted">{m.running}</p>}
            </section>
          </div>
        </>
      ) : null}
    </div>
  );
}
