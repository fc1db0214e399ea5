// The projection screen: year-by-year lines of caseload, cost (nominal, real, central, local) and coverage for
// several scenarios at once, and the full panel as a sortable table. Numbers come from the engine's `project` call.
import { NoDatasetNotice } from '../../components/NoDatasetNotice.tsx';
import { useEffect, useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { TableColumn } from '../../components/DataTable.tsx';
import { NumberField } from '../../components/NumberField.tsx';
import { fill, pick } from '../../i18n/i18n.ts';
import { unitOf } from '../../format/units.ts';
import { cacheGet } from '../../services/cache.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { selectActiveDataset, useWorkspaceStore } from '../../store/workspace-store.ts';
import { CHART_GROUPS, INDICATORS, indicatorDef } from './indicators.ts';
import type { ChartGroupId, IndicatorId } from './indicators.ts';
import { axisName, projectionOption } from './projection-chart.ts';
import type { ProjectionLine } from './projection-chart.ts';
import { linesFromRuns, panelRows } from './projection-data.ts';
import type { PanelRow } from './projection-data.ts';
import { defaultSelection, useProjectionStore } from './projection-store.ts';
import type { CachedProjection } from './projection-store.ts';
import { useProjectionMessages } from './messages.ts';
import { RunProgress } from '../inverse/RunProgress.tsx';
import './projection.css';

const AUTO_RUN_DELAY_MS = 300;

/** Multi-year projection of several scenarios. */
export function ProjectionScreen() {
  const m = useProjectionMessages();
  const language = useUiStore((s) => s.language);
  const setScreen = useUiStore((s) => s.setScreen);
  const dataset = useWorkspaceStore(selectActiveDataset);
  const scenarios = useWorkspaceStore((s) => s.scenarios);
  const activeScenarioId = useWorkspaceStore((s) => s.activeScenarioId);
  const state = useProjectionStore();
  const selected = useMemo(
    () => (state.selected ?? defaultSelection(activeScenarioId)).filter((id) => scenarios.some((s) => s.id === id)),
    [state.selected, activeScenarioId, scenarios],
  );
  const ready = dataset?.status === 'ready';
  const inputsKey = useMemo(() => {
    if (!dataset || !ready) return null;
    const docs = scenarios.filter((s) => selected.includes(s.id)).map((s) => [s.id, s.name, s.document]);
    return JSON.stringify([dataset.id, state.startYear, state.years, docs]);
  }, [dataset, ready, scenarios, selected, state.startYear, state.years]);

  const run = state.run;
  useEffect(() => {
    if (inputsKey === null || inputsKey === useProjectionStore.getState().inputsKey || selected.length === 0) return;
    const timer = setTimeout(() => void run(), AUTO_RUN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [inputsKey, run, selected.length]);

  const lines = useMemo<ProjectionLine[]>(() => {
    const cached = state.runKey ? cacheGet<CachedProjection>(state.runKey) : undefined;
    return cached ? linesFromRuns(cached.runs, cached.scenarios) : [];
  }, [state.runKey]);

  if (!ready) {
    return (
      <section className="projection-screen">
        <h2>{m.title}</h2>
        <div className="panel empty-state" data-testid="projection-no-dataset">
          <NoDatasetNotice message={m.noDataset} />
          <button type="button" className="primary" onClick={() => setScreen('data')}>
            {m.goToData}
          </button>
        </div>
      </section>
    );
  }

  const end = state.startYear + state.years;
  const stale = state.inputsKey !== null && state.inputsKey !== inputsKey;
  return (
    <section className="projection-screen" data-testid="projection-screen">
      <header className="screen-head">
        <h2>{m.title}</h2>
        <p className="muted">{fill(m.intro, { start: state.startYear, end })}</p>
      </header>

      <div className="panel projection-controls">
        <div className="control-group">
          <span className="control-label">{m.scenarios}</span>
          <div className="chip-row">
            {scenarios.map((scenario) => {
              const on = selected.includes(scenario.id);
              return (
                <button
                  key={scenario.id}
                  type="button"
                  className={on ? 'chip active' : 'chip'}
                  aria-pressed={on}
                  data-testid={`projection-scenario-${scenario.id}`}
                  onClick={() => state.toggleScenario(scenario.id, selected)}
                >
                  {scenario.name}
                </button>
              );
            })}
          </div>
        </div>
        <div className="control-row">
          <NumberField
            label={m.startYear}
            value={state.startYear}
            min={2020}
            max={2035}
            step={1}
            slider={false}
            name={{ zh: '起始年份', en: 'start year' }}
            onChange={state.setStartYear}
            testId="projection-start"
          />
          <NumberField
            label={m.span}
            value={state.years}
            min={0}
            max={10}
            step={1}
            unit={m.spanUnit}
            name={{ zh: '预测年数', en: 'years ahead' }}
            onChange={state.setYears}
            testId="projection-years"
          />
          <button
            type="button"
            className="primary"
            data-testid="projection-run"
            disabled={selected.length === 0 || state.status === 'running'}
            onClick={() => void state.run()}
          >
            {state.status === 'running' ? m.running : m.run}
          </button>
          <span className="muted" data-testid="projection-status" data-status={state.status}>
            {state.status === 'running'
              ? ''
              : selected.length === 0
                ? m.noScenario
                : stale
                  ? m.stale
                  : state.ms !== null
                    ? fill(m.ranIn, { ms: Math.round(state.ms) })
                    : ''}
          </span>
        </div>
        {state.status === 'running' ? (
          <RunProgress fraction={state.progress} startedAt={state.startedAt} testId="projection-progress" />
        ) : null}
        {state.error ? (
          <div className="error-box" role="alert" data-testid="projection-error">
            {pick(state.error, language)}
          </div>
        ) : null}
      </div>

      <div className="grid-3" data-testid="projection-chart" data-series={lines.length}>
        {CHART_GROUPS.map((group) => (
          <ProjectionChart key={group.id} group={group.id} options={group.options} lines={lines} />
        ))}
      </div>

      <div className="panel">
        <h3>{m.panel}</h3>
        <p className="muted">{m.panelNote}</p>
        <PanelTable lines={lines} />
      </div>
    </section>
  );
}

function ProjectionChart({
  group,
  options,
  lines,
}: {
  group: ChartGroupId;
  options: readonly IndicatorId[];
  lines: readonly ProjectionLine[];
}) {
  const m = useProjectionMessages();
  const language = useUiStore((s) => s.language);
  const [indicator, setIndicator] = useState<IndicatorId>(options[0]);
  const option = useMemo(
    () => projectionOption(lines, indicator, language, m.year),
    [lines, indicator, language, m.year],
  );
  const title = group === 'caseload' ? m.caseload : group === 'cost' ? m.cost : m.coverage;
  return (
    <div className="panel chart-panel" data-testid={`projection-chart-${group}`} data-series={lines.length}>
      <div className="chart-head">
        <h3>{title}</h3>
        <select
          value={indicator}
          aria-label={m.indicator}
          data-testid={`projection-indicator-${group}`}
          onChange={(event) => {
            const next = options.find((id) => id === event.target.value);
            if (next) setIndicator(next);
          }}
        >
          {options.map((id) => (
            <option key={id} value={id}>
              {indicatorDef(id)[language]}
            </option>
          ))}
        </select>
      </div>
      {lines.length > 0 ? (
        <EChart option={option} height={300} label={`${title} · ${indicatorDef(indicator)[language]}`} />
      ) : (
        <div className="chart-placeholder muted">{m.waiting}</div>
      )}
    </div>
  );
}

function PanelTable({ lines }: { lines: readonly ProjectionLine[] }) {
  const m = useProjectionMessages();
  const language = useUiStore((s) => s.language);
  const rows = useMemo(() => panelRows(lines), [lines]);
  const columns = useMemo<TableColumn<PanelRow>[]>(
    () => [
      { id: 'scenario', header: m.scenarioColumn, value: (row) => row.scenarioName },
      { id: 'year', header: m.yearColumn, value: (row) => String(row.year) },
      ...INDICATORS.map((def) => ({
        id: def.id,
        header: axisName(def[language], unitOf(def.quantity, language), language),
        value: (row: PanelRow) => row.values[def.id],
        quantity: def.quantity,
        suppressible: false,
      })),
    ],
    [m, language],
  );
  return (
    <div className="projection-table">
      <DataTable rows={rows} columns={columns} rowKey={(row) => row.key} testId="projection-table" maxHeight={640} />
    </div>
  );
}
