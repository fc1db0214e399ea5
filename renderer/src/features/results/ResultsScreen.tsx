// The results dashboard: the active scenario against the baseline — headline cards, caseload and cost by programme
// and component, the province tile map with drill-down, the province table (level and change), the urban/rural
// split, the decile distribution, targeting and poverty, and Monte Carlo intervals on demand.
import { NoDatasetNotice } from '../../components/NoDatasetNotice.tsx';
import { useCallback, useMemo, useRef, useState } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { TableColumn } from '../../components/DataTable.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { withUnit } from '../../components/labels.ts';
import { NumberField } from '../../components/NumberField.tsx';
import {
  BASELINE_SCENARIO,
  MIN_REPLICATIONS_FOR_TAILS,
  THIN_CELL_MIN_EFFECTIVE_SAMPLE,
  parseScenario,
  povertyLineText,
  describeMcSources,
} from '../../../../sim/index.ts';
import { useResults } from '../../store/results-store.ts';
import type { ScenarioEntry } from '../../store/workspace-store.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { fill, pick, bi, inLanguage } from '../../i18n/i18n.ts';
import { formatValue, unitOf } from '../../format/units.ts';
import type { Quantity } from '../../format/units.ts';
import { getEngine } from '../../services/engine/engine.ts';
import type { McResult, YearComparison } from '../../services/engine/engine-calls.ts';
import { decileOption, pairBarOption } from './chart-options.ts';
import {
  MC_METRICS,
  POVERTY,
  TARGETING,
  componentRows,
  decileRows,
  headlineFigures,
  mcProvinceRows,
  metricLabel,
  metricQuantity,
  nationalPair,
  programmeRows,
  provinceDetail,
  provinceRows,
  urbanRuralRows,
} from './result-model.ts';
import type { IndicatorDef, McInterval, McProvinceRow, PairRow, RegionRow } from './result-model.ts';
import { ProvinceMap } from './ProvinceMap.tsx';
import { thinCells } from '../projection/projection-data.ts';
import { ThinCellsNote } from '../projection/ScopePicker.tsx';
import { useResultsMessages } from './messages.ts';
import '../../components/components.css';
import './results.css';

type Messages = ReturnType<typeof useResultsMessages>;

/** Column order of region tables: the ministry's question (Δ persons, Δ cost) first. */
const REGION_COLUMN_ORDER = [
  'name',
  'cashPersons',
  'dCashPersons',
  'cost',
  'dCost',
  'coverage',
  'dCoverage',
  'dibaoPersons',
  'dDibaoPersons',
  'central',
  'dCentral',
  'local',
  'dLocal',
  'exclusionRate',
];

/** Columns of region tables (province, area, lower region): level and change side by side. */
/** Columns of the Monte Carlo province table: median and P5–P95 of dibao persons and of total cost. */
function mcProvinceColumns(m: Messages, language: 'zh' | 'en'): TableColumn<McProvinceRow>[] {
  const pair = (
    id: 'dibaoPersons' | 'cost',
    label: string,
    quantity: Quantity,
    read: (r: McProvinceRow) => McInterval,
  ): TableColumn<McProvinceRow>[] => [
    {
      id: `${id}P50`,
      header: withUnit(`${label} ${m.p50}`, unitOf(quantity, language), language),
      value: (r) => read(r).p50,
      quantity,
      digits: 2,
    },
    {
      id: `${id}Interval`,
      header: withUnit(`${m.p5}–${m.p95}`, unitOf(quantity, language), language),
      value: (r) => read(r).p95 - read(r).p5,
      render: (r) => {
        const plain = { digits: 2, withUnit: false };
        return `${formatValue(read(r).p5, quantity, language, plain)} – ${formatValue(read(r).p95, quantity, language, plain)}`;
      },
      align: 'right',
    },
  ];
  return [
    { id: 'name', header: m.province, value: (r) => inLanguage(bi(r.nameZh, r.nameEn), language) },
    ...pair('dibaoPersons', metricLabel('persons.dibao', language), 'persons', (r) => r.dibaoPersons),
    ...pair('cost', metricLabel('cost.total', language), 'money', (r) => r.cost),
  ];
}

export function regionColumns(m: Messages, language: 'zh' | 'en', first: string): TableColumn<RegionRow>[] {
  const u = (label: string, q: Quantity) => withUnit(label, unitOf(q, language), language);
  const columns: TableColumn<RegionRow>[] = [
    { id: 'name', header: first, value: (r) => inLanguage(bi(r.nameZh, r.nameEn), language) },
    { id: 'cashPersons', header: u(m.cashPersons, 'persons'), value: (r) => r.cashPersons, quantity: 'persons' },
    {
      id: 'dCashPersons',
      header: u(m.dCashPersons, 'persons'),
      value: (r) => r.dCashPersons,
      quantity: 'persons',
      signed: true,
      digits: inLanguage(bi(2, 3), language),
    },
    {
      id: 'dibaoPersons',
      header: u(m.dibaoPersons, 'persons'),
      value: (r) => r.dibaoPersons,
      quantity: 'persons',
    },
    {
      id: 'dDibaoPersons',
      header: u(m.dDibaoPersons, 'persons'),
      value: (r) => r.dDibaoPersons,
      quantity: 'persons',
      signed: true,
      digits: inLanguage(bi(2, 3), language),
    },
    { id: 'cost', header: u(m.totalCost, 'money'), value: (r) => r.cost, quantity: 'money', digits: 2 },
    {
      id: 'dCost',
      header: u(m.dCost, 'money'),
      value: (r) => r.dCost,
      quantity: 'money',
      signed: true,
      digits: 2,
    },
    { id: 'central', header: u(m.central, 'money'), value: (r) => r.costCentral, quantity: 'money', digits: 2 },
    {
      id: 'dCentral',
      header: u(m.dCentral, 'money'),
      value: (r) => r.dCostCentral,
      quantity: 'money',
      signed: true,
      digits: 2,
    },
    { id: 'local', header: u(m.local, 'money'), value: (r) => r.costLocal, quantity: 'money', digits: 2 },
    {
      id: 'dLocal',
      header: u(m.dLocal, 'money'),
      value: (r) => r.dCostLocal,
      quantity: 'money',
      signed: true,
      digits: 2,
    },
    {
      id: 'coverage',
      header: withUnit(m.coverage, '%', language),
      value: (r) => r.coverage,
      quantity: 'share',
      withUnit: false,
    },
    {
      id: 'dCoverage',
      header: withUnit(m.dCoverage, inLanguage(bi('百分点', 'pp'), language), language),
      value: (r) => r.dCoverage,
      quantity: 'share',
      signed: true,
      withUnit: false,
    },
    {
      id: 'exclusionRate',
      header: withUnit(m.exclusionRate, '%', language),
      value: (r) => r.exclusionRate,
      quantity: 'share',
      withUnit: false,
    },
  ];
  return REGION_COLUMN_ORDER.flatMap((id) => columns.filter((c) => c.id === id));
}

interface PairLine {
  id: string;
  label: string;
  quantity: Quantity;
  baseline: number;
  scenario: number;
}

function pairColumns(m: Messages, first: string, language: 'zh' | 'en'): TableColumn<PairLine>[] {
  const number = (v: number, q: Quantity, signed = false) => formatValue(v, q, language, { signed, withUnit: false });
  const change = (r: PairLine) =>
    r.quantity === 'share'
      ? `${number(r.scenario - r.baseline, 'share', true)}${inLanguage(bi(' 个百分点', ' pp'), language)}`
      : number(r.scenario - r.baseline, r.quantity, true);
  return [
    { id: 'label', header: first, value: (r) => r.label },
    { id: 'unit', header: m.unit, value: (r) => unitOf(r.quantity, language), sortable: false },
    {
      id: 'baseline',
      header: m.baseline,
      value: (r) => r.baseline,
      render: (r) => number(r.baseline, r.quantity),
      align: 'right',
    },
    {
      id: 'scenario',
      header: m.scenario,
      value: (r) => r.scenario,
      render: (r) => number(r.scenario, r.quantity),
      align: 'right',
    },
    {
      id: 'change',
      header: m.change,
      align: 'right',
      value: (r) => r.scenario - r.baseline,
      render: change,
    },
  ];
}

function indicatorLines(comparison: YearComparison, defs: readonly IndicatorDef[], language: 'zh' | 'en'): PairLine[] {
  return defs.map((d) => {
    const [baseline, scenario] = nationalPair(comparison, d.id);
    return { id: d.id, label: metricLabel(d.id, language), quantity: d.quantity, baseline, scenario };
  });
}

function breakdownLines(
  rows: readonly PairRow[],
  measure: 'persons' | 'households' | 'cost',
  language: 'zh' | 'en',
): PairLine[] {
  return rows
    .filter((r) => measure === 'cost' || r[measure] !== undefined)
    .map((r) => {
      const pair = measure === 'cost' ? r.cost : (r[measure] ?? [Number.NaN, Number.NaN]);
      return {
        id: r.id,
        label: inLanguage(r, language),
        quantity: measure === 'cost' ? 'money' : measure,
        baseline: pair[0],
        scenario: pair[1],
      };
    });
}

/** Monte Carlo state of the dashboard: the summary belongs to the results key it was run for. */
function useMonteCarlo(resultsKey: string | null) {
  const [state, setState] = useState<{
    key: string | null;
    running: boolean;
    progress: number;
    summary: McResult | null;
    error: string | null;
    cancelled: boolean;
  }>({ key: null, running: false, progress: 0, summary: null, error: null, cancelled: false });
  const controller = useRef<AbortController | null>(null);
  const run = useCallback(
    async (document: ScenarioEntry['document'], replications: number) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ key: resultsKey, running: true, progress: 0, summary: null, error: null, cancelled: false });
      try {
        const outcome = await getEngine().monteCarlo(document, replications, undefined, {
          signal: abort.signal,
          onProgress: (progress) => setState((s) => (s.running ? { ...s, progress } : s)),
        });
        if (outcome.status === 'done')
          setState({
            key: resultsKey,
            running: false,
            progress: 1,
            summary: outcome.result,
            error: null,
            cancelled: false,
          });
        else setState((s) => ({ ...s, running: false, cancelled: abort.signal.aborted }));
      } catch (error) {
        setState({
          key: resultsKey,
          running: false,
          progress: 0,
          summary: null,
          error: String(error),
          cancelled: false,
        });
      }
    },
    [resultsKey],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  const current =
    state.key === resultsKey
      ? state
      : { key: resultsKey, running: false, progress: 0, summary: null, error: null, cancelled: false };
  return { ...current, run, cancel };
}

/** The results dashboard screen. */
export function ResultsScreen() {
  const m = useResultsMessages();
  const language = useUiStore((s) => s.language);
  const setScreen = useUiStore((s) => s.setScreen);
  const results = useResults();
  const comparison = results.comparison;
  const [measure, setMeasure] = useState<'persons' | 'households' | 'cost'>('persons');
  const [selected, setSelected] = useState<string | null>(null);
  const [replications, setReplications] = useState(100);
  const mc = useMonteCarlo(results.key);
  const names = useMemo(() => ({ baseline: m.baseline, scenario: m.scenario }), [m]);
  // The line poverty is measured against (the scenario's choice; the baseline is measured against the same line).
  const povertyLine = useMemo(() => {
    const parsed = parseScenario(results.scenario.document);
    return povertyLineText(parsed.ok ? parsed.scenario : BASELINE_SCENARIO);
  }, [results.scenario.document]);

  const model = useMemo(() => {
    if (!comparison) return null;
    return {
      programmes: programmeRows(comparison),
      components: componentRows(comparison),
      provinces: provinceRows(comparison),
      urbanRural: urbanRuralRows(comparison),
      deciles: decileRows(comparison),
    };
  }, [comparison]);

  const programmeOption = useMemo(
    () =>
      model
        ? pairBarOption(
            model.programmes,
            measure,
            measure === 'cost' ? m.cost : measure === 'persons' ? m.persons : m.households,
            names,
            language,
          )
        : null,
    [model, measure, m, names, language],
  );
  const componentOption = useMemo(
    () => (model ? pairBarOption(model.components, 'cost', m.cost, names, language) : null),
    [model, m, names, language],
  );
  const decileChart = useMemo(
    () =>
      model
        ? decileOption(
            model.deciles,
            {
              decile: m.decile,
              avgBenefit: m.avgBenefit,
              gaining: m.gaining,
              avgBenefitShort: m.avgBenefitShort,
              gainingShort: m.gainingShort,
            },
            names,
            language,
          )
        : null,
    [model, m, names, language],
  );
  const provinceCols = useMemo(() => regionColumns(m, language, m.province), [m, language]);
  const areaCols = useMemo(
    () =>
      regionColumns(m, language, m.area).filter((c) =>
        ['name', 'cashPersons', 'dCashPersons', 'cost', 'dCost', 'coverage', 'dCoverage'].includes(c.id),
      ),
    [m, language],
  );

  if (!results.dataset) {
    return (
      <div className="results-screen">
        <h2>{m.title}</h2>
        <div className="panel">
          <NoDatasetNotice message={m.noDataset} />
          <button type="button" className="primary" onClick={() => setScreen('data')}>
            {m.goData}
          </button>
        </div>
      </div>
    );
  }
  if (!comparison || !model) {
    return (
      <div className="results-screen">
        <h2>{m.title}</h2>
        {results.error ? (
          <div className="error-box" role="alert" data-testid="results-error">
            {pick(results.error, language)}
          </div>
        ) : (
          <div className="panel muted" data-testid="results-waiting">
            {results.dataset.status === 'ready' ? m.waiting : m.loadingData}
          </div>
        )}
      </div>
    );
  }

  const minCell = comparison.scenario.province.minCell;
  const figures = headlineFigures(comparison, mc.summary);
  const detail = selected ? provinceDetail(comparison, selected) : null;
  const selectedRow = selected ? model.provinces.find((r) => r.code === selected) : undefined;
  const areaRows = (detail?.areas ?? []).map((r) => ({
    ...r,
    nameZh: r.area === 0 ? m.urban : m.rural,
    nameEn: r.area === 0 ? m.urban : m.rural,
  }));
  const urbanRuralLines: PairLine[] = model.urbanRural.flatMap((u) => {
    const area = u.area === 0 ? m.urban : m.rural;
    return [
      {
        id: `${u.area}-persons`,
        label: `${area} · ${m.cashPersons}`,
        quantity: 'persons',
        baseline: u.baseline.cashPersons,
        scenario: u.scenario.cashPersons,
      },
      {
        id: `${u.area}-cost`,
        label: `${area} · ${m.totalCost}`,
        quantity: 'money',
        baseline: u.baseline.cost,
        scenario: u.scenario.cost,
      },
      {
        id: `${u.area}-coverage`,
        label: `${area} · ${m.coverage}`,
        quantity: 'share',
        baseline: u.baseline.coverage,
        scenario: u.scenario.coverage,
      },
    ];
  });
  const mcRows = mc.summary
    ? MC_METRICS.flatMap((id) => {
        const stats = mc.summary?.metrics[id];
        return stats ? [{ id, ...stats }] : [];
      })
    : [];
  const mcProvinces = mc.summary ? mcProvinceRows(mc.summary) : [];

  return (
    <div className="results-screen" data-testid="results-screen">
      <div className="results-head">
        <h2>
          {m.title}
          <span className="results-sub">
            {results.scenario.name} · {fill(m.year, { year: comparison.year })}
          </span>
        </h2>
        <span
          className={`muted${results.stale || results.status === 'running' ? ' busy' : ''}`}
          data-testid="results-status"
        >
          {results.stale || results.status === 'running' ? m.stale : ''}
          {results.runMs !== null ? ` ${fill(m.runMs, { ms: Math.round(results.runMs) })}` : ''}
        </span>
        {results.dataset.synthetic ? <span className="badge synthetic">{m.synthetic}</span> : null}
      </div>
      {results.error ? (
        <div className="error-box" role="alert" data-testid="results-error">
          {pick(results.error, language)}
        </div>
      ) : null}

      <div className="stat-cards" data-testid="headlines">
        {figures.map((f) => (
          <StatCard
            key={f.def.id}
            label={inLanguage(f.def, language)}
            title={inLanguage(bi(f.def.hintZh, f.def.hintEn), language)}
            value={f.value}
            reference={f.baseline}
            quantity={f.def.quantity}
            interval={f.interval}
            testId={`headline-${f.def.id}`}
          />
        ))}
      </div>

      <div className="grid-2">
        <section className="panel" data-testid="programme-panel">
          <div className="panel-head">
            <h3>{m.byProgramme}</h3>
            <div className="segmented" role="group" aria-label={m.measure}>
              {(['persons', 'households', 'cost'] as const).map((k) => (
                <button
                  key={k}
                  type="button"
                  className={measure === k ? 'active' : ''}
                  data-testid={`programme-measure-${k}`}
                  onClick={() => setMeasure(k)}
                >
                  {m[k]}
                </button>
              ))}
            </div>
          </div>
          {programmeOption ? <EChart option={programmeOption} label={m.byProgramme} height={260} /> : null}
          <DataTable
            rows={breakdownLines(model.programmes, measure, language)}
            columns={pairColumns(m, m.programme, language)}
            rowKey={(r) => r.id}
            testId="programme-table"
          />
        </section>
        <section className="panel" data-testid="component-panel">
          <h3>{m.byComponent}</h3>
          {componentOption ? <EChart option={componentOption} label={m.byComponent} height={260} /> : null}
          <DataTable
            rows={breakdownLines(model.components, 'cost', language)}
            columns={pairColumns(m, m.component, language)}
            rowKey={(r) => r.id}
            testId="component-table"
          />
        </section>
      </div>

      <div className="map-layout">
        <section className="panel">
          <h3>{m.mapTitle}</h3>
          <ProvinceMap
            rows={model.provinces}
            minCell={minCell}
            selected={selected}
            onSelect={(code) => setSelected(code === selected ? null : code)}
          />
          <ThinMapNote comparison={comparison} />
        </section>
        <section className="panel" data-testid="province-detail">
          {detail && selectedRow ? (
            <>
              <div className="panel-head">
                <h3>
                  {fill(m.drillTitle, { name: inLanguage(bi(selectedRow.nameZh, selectedRow.nameEn), language) })}
                </h3>
                <button
                  type="button"
                  className="link-button"
                  data-testid="province-detail-close"
                  onClick={() => setSelected(null)}
                >
                  {m.closeDrill} ✕
                </button>
              </div>
              <DataTable
                rows={areaRows}
                columns={areaCols}
                rowKey={(r) => r.key}
                rowSample={(r) => r.sample}
                minCell={minCell}
                testId="province-areas"
              />
              {detail.regions.length > 0 ? (
                <>
                  <h3>{m.subRegions}</h3>
                  <DataTable
                    rows={detail.regions}
                    columns={provinceCols}
                    rowKey={(r) => r.key}
                    rowSample={(r) => r.sample}
                    minCell={minCell}
                    testId="province-regions"
                    maxHeight={300}
                  />
                </>
              ) : null}
            </>
          ) : (
            <>
              <h3>{m.urbanRural}</h3>
              <DataTable
                rows={urbanRuralLines}
                columns={pairColumns(m, m.indicator, language)}
                rowKey={(r) => r.id}
                testId="urban-rural-table"
              />
              <p className="muted">{m.mapHint}</p>
            </>
          )}
        </section>
      </div>

      <section className="panel">
        <h3>{m.provinceTable}</h3>
        <DataTable
          rows={model.provinces}
          columns={provinceCols}
          rowKey={(r) => r.code}
          rowSample={(r) => r.sample}
          minCell={minCell}
          testId="province-table"
          initialSort={{ column: 'dCashPersons', direction: 'desc' }}
          onRowClick={(r) => setSelected(r.code)}
          selectedKey={selected ?? undefined}
          maxHeight={460}
        />
      </section>

      <div className="grid-2">
        <section className="panel" data-testid="decile-panel">
          <h3>{m.deciles}</h3>
          {decileChart ? <EChart option={decileChart} label={m.deciles} height={430} /> : null}
        </section>
        <div>
          <section className="panel" data-testid="targeting-panel">
            <h3>{m.targeting}</h3>
            <p className="muted" data-testid="targeting-assumption">
              {m.errorModelNote}
            </p>
            <DataTable
              rows={indicatorLines(comparison, TARGETING, language)}
              columns={pairColumns(m, m.indicator, language)}
              rowKey={(r) => r.id}
              testId="targeting-table"
            />
          </section>
          <section className="panel" data-testid="poverty-panel">
            <h3>{m.poverty}</h3>
            <p className="muted" data-testid="poverty-line">
              {fill(m.povertyLine, { line: povertyLine[language] })}
            </p>
            <p className="muted" data-testid="poverty-assumption">
              {m.errorModelNote}
            </p>
            <DataTable
              rows={indicatorLines(comparison, POVERTY, language)}
              columns={pairColumns(m, m.indicator, language)}
              rowKey={(r) => r.id}
              testId="poverty-table"
            />
          </section>
        </div>
      </div>

      <section className="panel" data-testid="mc-panel">
        <div className="panel-head">
          <h3>{m.monteCarlo}</h3>
          <div className="toolbar mc-controls">
            <NumberField
              label={m.replications}
              value={replications}
              min={2}
              max={10000}
              step={1}
              slider={false}
              name={{ zh: '重复次数', en: 'Replications' }}
              onChange={setReplications}
              testId="mc-replications"
            />
            <button
              type="button"
              className="primary"
              disabled={mc.running}
              data-testid="mc-run"
              onClick={() => void mc.run(results.scenario.document, replications)}
            >
              {mc.running ? m.mcRunning : m.runMc}
            </button>
            {mc.running ? (
              <>
                <progress max={1} value={mc.progress} data-testid="mc-progress" data-value={mc.progress} />
                <span className="muted">{formatValue(mc.progress, 'share', language, { digits: 0 })}</span>
                <button type="button" data-testid="mc-cancel" onClick={mc.cancel}>
                  {m.mcCancel}
                </button>
              </>
            ) : null}
          </div>
        </div>
        <p className="muted" data-testid="mc-status">
          {mc.summary ? fill(m.mcDone, { n: mc.summary.replications }) : mc.cancelled ? m.mcCancelled : m.mcHint}
        </p>
        {mc.summary && mc.summary.replications < MIN_REPLICATIONS_FOR_TAILS ? (
          <p className="warning-box" data-testid="mc-few">
            {fill(m.mcFewReplications, { min: MIN_REPLICATIONS_FOR_TAILS })}
          </p>
        ) : null}
        {mc.summary ? (
          <p className="muted" data-testid="mc-sources">
            {describeMcSources(mc.summary.sources)[language]}
          </p>
        ) : null}
        {mc.error ? <div className="error-box">{mc.error}</div> : null}
        {mcRows.length > 0 ? (
          <DataTable
            rows={mcRows}
            rowKey={(r) => r.id}
            testId="mc-table"
            columns={[
              { id: 'label', header: m.indicator, value: (r) => metricLabel(r.id, language) },
              ...(['p5', 'p50', 'p95', 'mean'] as const).map((k) => ({
                id: k,
                header: m[k],
                value: (r: (typeof mcRows)[number]) => r[k],
                render: (r: (typeof mcRows)[number]) => formatValue(r[k], metricQuantity(r.id), language),
                align: 'right' as const,
              })),
            ]}
          />
        ) : null}
        {mcProvinces.length > 0 ? (
          <>
            <h4>{m.mcProvince}</h4>
            <DataTable
              rows={mcProvinces}
              columns={mcProvinceColumns(m, language)}
              rowKey={(r) => r.code}
              rowSample={(r) => r.sample}
              minCell={minCell}
              testId="mc-province-table"
              initialSort={{ column: 'costP50', direction: 'desc' }}
              maxHeight={360}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}

/** Below the map: the province × area cells whose samples are too small for year-to-year changes to be read. */
function ThinMapNote({ comparison }: { comparison: YearComparison | null | undefined }) {
  const m = useResultsMessages();
  return (
    <ThinCellsNote
      cells={thinCells(comparison?.scenario.province, comparison?.thin)}
      summary={(n) => fill(m.thinMap, { n, min: THIN_CELL_MIN_EFFECTIVE_SAMPLE })}
      separator={m.listSeparator}
      testId="map-thin"
    />
  );
}
