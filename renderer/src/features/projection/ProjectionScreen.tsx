// The projection screen: year-by-year lines of caseload, cost (nominal, cumulative, real, central, local) and coverage
// for several scenarios at once, for the nation or one province (one area), the cumulative cost over the span, and the
// full panel as a sortable table. Numbers come from the engine's `project` call, read at the scope (sim/run/scope.ts).
import { NoDatasetNotice } from '../../components/NoDatasetNotice.tsx';
import { useEffect, useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { TableColumn } from '../../components/DataTable.tsx';
import { NumberField } from '../../components/NumberField.tsx';
import { fill, pick } from '../../i18n/i18n.ts';
import { unitOf, formatValue } from '../../format/units.ts';
import { cacheGet } from '../../services/cache.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { selectActiveDataset, useWorkspaceStore } from '../../store/workspace-store.ts';
import { CHART_GROUPS, INDICATORS, indicatorDef } from './indicators.ts';
import type { ChartGroupId, IndicatorId } from './indicators.ts';
import { axisName, projectionOption } from './projection-chart.ts';
import type { ProjectionLine } from './projection-chart.ts';
import { bandOf, linesFromRuns, panelRows, thinAtScope, thinCells } from './projection-data.ts';
import type { PanelRow } from './projection-data.ts';
import { defaultSelection, useProjectionStore } from './projection-store.ts';
import type { ProjectionMcResult, ProjectionRun } from '../../services/engine/engine-calls.ts';
import {
  MIN_REPLICATIONS_FOR_TAILS,
  THIN_CELL_MIN_EFFECTIVE_SAMPLE,
  describeMcSources,
  inLanguage,
  thinCellWarning,
} from '../../../../sim/index.ts';
import type { RunScope } from '../../../../sim/index.ts';
import type { CachedProjection } from './projection-store.ts';
import { useProjectionMessages } from './messages.ts';
import { RunProgress } from '../inverse/RunProgress.tsx';
import { ScopePicker, ThinCellsNote, useScopeName } from './ScopePicker.tsx';
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
    return cached ? linesFromRuns(cached.runs, cached.scenarios, state.scope) : [];
  }, [state.runKey, state.scope]);
  const firstRun = useMemo(
    () => (state.runKey ? cacheGet<CachedProjection>(state.runKey)?.runs[0] : undefined),
    [state.runKey],
  );
  // The interval, shown only while it matches the current inputs.
  const mc = useMemo(
    () =>
      state.interval.key !== null && state.interval.inputsKey === inputsKey
        ? cacheGet<ProjectionMcResult>(state.interval.key)
        : undefined,
    [state.interval.key, state.interval.inputsKey, inputsKey],
  );
  const scopeLabel = useScopeName(state.scope);

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
        <div className="control-row">
          <NumberField
            label={m.intervalReplications}
            value={state.intervalReplications}
            min={2}
            max={1000}
            step={1}
            slider={false}
            name={{ zh: '区间重复次数', en: 'Interval replications' }}
            onChange={state.setIntervalReplications}
            testId="projection-interval-replications"
          />
          <button
            type="button"
            data-testid="projection-interval-run"
            disabled={selected.length === 0 || state.interval.status === 'running' || state.status !== 'ready'}
            onClick={() => void state.runInterval()}
          >
            {state.interval.status === 'running'
              ? m.intervalRunning
              : fill(m.intervalRun, { n: state.intervalReplications })}
          </button>
          <span className="muted" data-testid="projection-interval-status" data-status={state.interval.status}>
            {state.interval.status === 'ready' && mc === undefined ? m.intervalStale : ''}
          </span>
        </div>
        <div className="control-row">
          <span className="control-label">{m.scope}</span>
          <ScopePicker scope={state.scope} onChange={state.setScope} testId="projection-scope" />
        </div>
        {state.status === 'running' ? (
          <RunProgress fraction={state.progress} startedAt={state.startedAt} testId="projection-progress" />
        ) : null}
        {state.interval.status === 'running' ? (
          <RunProgress
            fraction={state.interval.progress ?? null}
            startedAt={state.interval.startedAt ?? null}
            testId="projection-interval-progress"
          />
        ) : null}
        {state.error ? (
          <div className="error-box" role="alert" data-testid="projection-error">
            {pick(state.error, language)}
          </div>
        ) : null}
        {state.interval.error ? (
          <div className="error-box" role="alert" data-testid="projection-interval-error">
            {pick(state.interval.error, language)}
          </div>
        ) : null}
      </div>

      <ThinCellNotice run={firstRun} scope={state.scope} scopeLabel={scopeLabel} />

      <div className="grid-3" data-testid="projection-chart" data-series={lines.length}>
        {CHART_GROUPS.map((group) => (
          <ProjectionChart
            key={group.id}
            group={group.id}
            options={group.options}
            lines={lines}
            mc={mc}
            scope={state.scope}
          />
        ))}
      </div>

      {mc !== undefined ? <IntervalTable mc={mc} scope={state.scope} scopeLabel={scopeLabel} /> : null}

      <CumulativeSummary lines={lines} scopeLabel={scopeLabel} />

      <div className="panel">
        <h3 data-testid="projection-panel-title">{fill(m.panel, { scope: scopeLabel })}</h3>
        <p className="muted">{fill(m.panelNote, { scope: scopeLabel })}</p>
        <PanelTable lines={lines} />
      </div>
    </section>
  );
}

function ProjectionChart({
  group,
  options,
  lines,
  mc,
  scope,
}: {
  group: ChartGroupId;
  options: readonly IndicatorId[];
  lines: readonly ProjectionLine[];
  mc: ProjectionMcResult | undefined;
  scope: RunScope;
}) {
  const m = useProjectionMessages();
  const language = useUiStore((s) => s.language);
  const [indicator, setIndicator] = useState<IndicatorId>(options[0]);
  const band = useMemo(() => (mc ? bandOf(mc, indicator, scope) : undefined), [mc, indicator, scope]);
  const option = useMemo(
    () => projectionOption(lines, indicator, language, m.year, band),
    [lines, indicator, language, m.year, band],
  );
  const title = group === 'caseload' ? m.caseload : group === 'cost' ? m.cost : m.coverage;
  return (
    <div
      className="panel chart-panel"
      data-testid={`projection-chart-${group}`}
      data-series={lines.length}
      data-band={band === undefined ? 'none' : 'shown'}
    >
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

/** Each scenario's cumulative cost over the span at the scope, and (after the baseline) its change against it. */
function CumulativeSummary({ lines, scopeLabel }: { lines: readonly ProjectionLine[]; scopeLabel: string }) {
  const m = useProjectionMessages();
  const language = useUiStore((s) => s.language);
  if (lines.length === 0) return null;
  const last = (line: ProjectionLine) => line.values.costCumulative[line.values.costCumulative.length - 1];
  const base = lines[0];
  const years = base.years;
  return (
    <div className="panel" data-testid="projection-cumulative">
      <h3>{fill(m.cumulativeTitle, { start: years[0], end: years[years.length - 1], scope: scopeLabel })}</h3>
      <ul>
        {lines.map((line, i) => (
          <li key={line.scenarioId} data-testid={`projection-cumulative-${line.scenarioId}`} data-value={last(line)}>
            {i === 0
              ? fill(m.cumulativeBaseline, {
                  name: line.scenarioName,
                  total: formatValue(last(line), 'money', language),
                })
              : fill(m.cumulativeReform, {
                  name: line.scenarioName,
                  total: formatValue(last(line), 'money', language),
                  delta: formatValue(last(line) - last(base), 'money', language, { signed: true }),
                })}
          </li>
        ))}
      </ul>
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

/** The indicators of the interval table, in column order. */
const INTERVAL_COLUMNS = ['cashPersons', 'dibaoPersons', 'costNominal'] as const satisfies readonly IndicatorId[];

/**
 * The interval of the Monte Carlo scenario at the scope: cash (dibao + tekun) and dibao persons and total cost per
 * year as p5 · p50 · p95 (units in the headers), and the sources.
 */
function IntervalTable({ mc, scope, scopeLabel }: { mc: ProjectionMcResult; scope: RunScope; scopeLabel: string }) {
  const m = useProjectionMessages();
  const language = useUiStore((s) => s.language);
  type Row = { key: string; year: number; cells: string[] };
  const bands = INTERVAL_COLUMNS.map((id) => ({ def: indicatorDef(id), band: bandOf(mc, id, scope) }));
  const rows: Row[] = mc.years.map((year, t) => ({
    key: String(year),
    year,
    cells: bands.map(({ def, band }) =>
      band === undefined
        ? '—'
        : [band.p5[t], band.p50[t], band.p95[t]]
            .map((v) => formatValue(v, def.quantity, language, { withUnit: false }))
            .join(' · '),
    ),
  }));
  const columns: TableColumn<Row>[] = [
    { id: 'year', header: m.yearColumn, value: (row) => String(row.year) },
    ...bands.map(({ def }, k) => ({
      id: def.id,
      header: axisName(def[language], unitOf(def.quantity, language), language),
      value: (row: Row) => row.cells[k],
    })),
  ];
  const sources = describeMcSources(mc.sources);
  return (
    <div className="panel" data-testid="projection-interval">
      <h3>{fill(m.intervalTitle, { name: mc.scenarioName, scope: scopeLabel, n: mc.replications })}</h3>
      <p className="muted">{fill(m.intervalNote, { name: mc.scenarioName })}</p>
      {mc.replications < MIN_REPLICATIONS_FOR_TAILS ? (
        <p className="warning-box" data-testid="projection-interval-few">
          {fill(m.intervalFewReplications, { min: MIN_REPLICATIONS_FOR_TAILS })}
        </p>
      ) : null}
      <DataTable rows={rows} columns={columns} rowKey={(row) => row.key} testId="projection-interval-table" />
      <p className="muted" data-testid="projection-interval-sources">
        {fill(m.intervalSources, { sources: inLanguage(sources, language) })}
      </p>
    </div>
  );
}

/** The warning for a scope (or, nationally, the cells) whose sample is too small for year-to-year changes to be read. */
function ThinCellNotice({
  run,
  scope,
  scopeLabel,
}: {
  run: ProjectionRun | undefined;
  scope: RunScope;
  scopeLabel: string;
}) {
  const m = useProjectionMessages();
  const language = useUiStore((s) => s.language);
  if (run === undefined) return null;
  if (scope.province !== undefined) {
    if (!thinAtScope(run, scope)) return null;
    const warning = thinCellWarning([{ zh: scopeLabel, en: scopeLabel }]);
    return warning ? (
      <div className="warning-box" role="note" data-testid="projection-thin">
        {fill(m.thinScope, { warning: inLanguage(warning, language) })}
      </div>
    ) : null;
  }
  return (
    <ThinCellsNote
      cells={thinCells(run.province[0], run.thin)}
      summary={(n) => fill(m.thinNational, { n, min: THIN_CELL_MIN_EFFECTIVE_SAMPLE })}
      separator={m.listSeparator}
      testId="projection-thin"
    />
  );
}
