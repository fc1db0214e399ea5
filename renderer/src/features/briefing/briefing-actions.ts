// What the Briefing & export screen does: gathers the engine's results for the chosen scenarios (year comparison,
// projection, household traces) through the platform's engine client, builds each export with the pure builders in
// renderer/src/exports, and hands the bytes to the host (save dialog or download; printToPdf for the PDF).
import type { Language, ErrorInfo } from '../../i18n/i18n.ts';
import type { JsonValue } from '../../../../contract/host-api.ts';
import type { Scenario, RegionArrays, RunScope } from '../../../../sim/index.ts';
import { parseScenario, ENGINE_VERSION, povertyLineText, scopeName } from '../../../../sim/index.ts';
import { CASE_PRESETS, caseRecord, demoRegionArrays } from '../../../../datasets/index.ts';
import { getEngine } from '../../services/engine/engine.ts';
import type { ProjectionRun, YearComparison } from '../../services/engine/engine-calls.ts';
import { getHost } from '../../services/host/host.ts';
import { cacheGet, cachePut, CACHE_KEYS } from '../../services/cache.ts';
import type { DatasetSummary, ScenarioEntry } from '../../store/workspace-store.ts';
import { BASELINE_SCENARIO_ID, useWorkspaceStore, selectActiveDataset } from '../../store/workspace-store.ts';
import { APP_VERSION } from '../../exports/app-version.ts';
import type { ExportFormat, Provenance } from '../../exports/provenance.ts';
import { buildProvenance } from '../../exports/provenance.ts';
import { buildBriefingHtml } from '../../exports/briefing/briefing-html.ts';
import type {
  BriefingCase,
  BriefingInterval,
  BriefingSectionId,
  BriefingProjectionScope,
} from '../../exports/briefing/model.ts';
import { scenarioParameterRows } from '../../exports/scenario-parameters.ts';
import { summaryToExportTable } from '../../exports/engine-tables.ts';
import type { ExportTable } from '../../exports/table.ts';
import { buildWorkbook, XLSX_MIME } from '../../exports/xlsx.ts';
import { buildCsv } from '../../exports/csv.ts';
import type { PanelPart } from '../../exports/result-panel.ts';
import { ARROW_MIME, buildResultPanel, panelToIpc } from '../../exports/result-panel.ts';
import { PARQUET_MIME, tableToParquet } from '../../exports/parquet.ts';
import * as echarts from 'echarts';
import { baseOption } from '../../charts/chart-theme.ts';
import { chartPng, renderChartSvg } from '../../exports/chart-image.ts';
import { pngWithProvenance, svgWithProvenance } from '../../exports/image-metadata.ts';
import { caseloadByProvinceOption, costByComponentOption, projectionOption } from '../../exports/briefing/charts.ts';
import { projectionIntervalTable, projectionTable } from '../../exports/briefing/tables.ts';
import { currentInterval, useProjectionStore, withSpan } from '../projection/projection-store.ts';
import {
  openScenarioFile,
  safeFileStem,
  scenarioFileName,
  serializeScenario,
  SCENARIO_MIME,
} from '../../exports/scenario-file.ts';
import { WorkbenchError, bi, inLanguage } from '../../i18n/i18n.ts';
import type { Bilingual } from '../../i18n/i18n.ts';

/** A failure the user can read (both languages). */
export class ExportFailure extends WorkbenchError {
  constructor(readonly bilingual: ErrorInfo) {
    super(bilingual, 'export-failed');
    this.name = 'ExportFailure';
  }
}

/** The settings an export is made from. */
export interface BriefingRequest {
  scenarioIds: string[];
  language: Language;
  title: string;
  sections: BriefingSectionId[];
  caseIds: string[];
}

/** Everything the exports need, gathered once from the engine. */
export interface ExportContext {
  key: string;
  language: Language;
  scenarios: { entry: ScenarioEntry; scenario: Scenario }[];
  comparisons: YearComparison[];
  projection: ProjectionRun[] | null;
  /** The scope chosen on the Projection screen, which the projection table, chart and sheet are read at. */
  projectionScope: BriefingProjectionScope;
  /** The interval computed on the Projection screen for the current inputs (none when not computed). */
  projectionInterval: BriefingInterval | null;
  cases: BriefingCase[];
  dataset: DatasetSummary;
  minCell: number;
}

const CONTEXT_KEY = 'briefing:context';

/** The scenarios a request names (the active scenario when none is chosen), validated by the engine's schema. */
function chosenScenarios(request: BriefingRequest): { entry: ScenarioEntry; scenario: Scenario }[] {
  const state = useWorkspaceStore.getState();
  const ids = request.scenarioIds.filter((id) => state.scenarios.some((s) => s.id === id));
  const entries = (ids.length > 0 ? ids : [state.activeScenarioId]).map(
    (id) => state.scenarios.find((s) => s.id === id) ?? state.scenarios[0],
  );
  return entries.map((entry) => {
    const parsed = parseScenario(entry.document);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      throw new ExportFailure({
        messageZh: `方案“${entry.name}”无效：${first.path ? `${first.path}：` : ''}${first.messageZh}`,
        messageEn: `Scenario “${entry.name}” is invalid: ${first.path ? `${first.path}: ` : ''}${first.messageEn}`,
      });
    }
    return { entry, scenario: parsed.scenario };
  });
}

/**
 * The documents the briefing projects: the baseline first (so every reform's change can be read against it), then
 * the chosen scenarios, each over the span chosen on the Projection screen, so the briefing shows the projection the
 * user looked at rather than the scenario file's own span (0 years unless set).
 */
function projectionDocuments(scenarios: readonly { entry: ScenarioEntry }[]): JsonValue[] {
  const { startYear, years } = useProjectionStore.getState();
  const state = useWorkspaceStore.getState();
  const baseline = state.scenarios.find((s) => s.id === BASELINE_SCENARIO_ID);
  const entries = scenarios.map(({ entry }) => entry).filter((entry) => entry.id !== BASELINE_SCENARIO_ID);
  return [...(baseline ? [baseline] : []), ...entries].map((entry) => withSpan(entry.document, startYear, years));
}

/** The key of the inputs a context depends on (dataset, scenario documents, cases, projection, language). */
export function requestKey(request: BriefingRequest): string {
  const state = useWorkspaceStore.getState();
  const docs = chosenScenarios(request).map(({ entry }) => entry.document);
  return JSON.stringify([
    state.activeDatasetId,
    docs,
    request.caseIds,
    request.sections.includes('projection') ? projectionSpan() : null,
    request.sections.includes('projection') ? useProjectionStore.getState().interval.key : null,
    request.language,
  ]);
}

function projectionSpan(): { startYear: number; years: number; scope: RunScope } {
  const { startYear, years, scope } = useProjectionStore.getState();
  return { startYear, years, scope };
}

async function done<R>(outcome: Promise<{ status: 'done'; result: R } | { status: 'superseded' }>): Promise<R> {
  const result = await outcome;
  if (result.status !== 'done') {
    throw new ExportFailure({
      messageZh: '计算被更新的请求取代，请重试。',
      messageEn: 'The run was superseded by a newer request; try again.',
    });
  }
  return result.result;
}

function regionsFor(datasetId: string): RegionArrays {
  return cacheGet<RegionArrays>(CACHE_KEYS.regions(datasetId)) ?? demoRegionArrays();
}

/** Runs the engine for the request (or reuses the last context for the same inputs). */
export async function gatherContext(request: BriefingRequest): Promise<ExportContext> {
  const key = requestKey(request);
  const cached = cacheGet<ExportContext>(CONTEXT_KEY);
  if (cached && cached.key === key) return cached;
  const dataset = selectActiveDataset(useWorkspaceStore.getState());
  if (!dataset || dataset.status !== 'ready') {
    throw new ExportFailure({
      messageZh: '尚未载入数据集：请先在“数据”页面载入数据。',
      messageEn: 'No dataset is loaded: load one on the Data screen first.',
    });
  }
  const scenarios = chosenScenarios(request);
  const engine = getEngine();
  const comparisons: YearComparison[] = [];
  for (const [i, { entry }] of scenarios.entries()) {
    comparisons.push(await done(engine.call('year', { scenario: entry.document }, { lane: `briefing-year-${i}` })));
  }
  const projection = request.sections.includes('projection')
    ? await done(engine.call('project', { scenarios: projectionDocuments(scenarios) }, { lane: 'briefing-project' }))
    : null;
  const regions = regionsFor(dataset.id);
  const { scope } = useProjectionStore.getState();
  const projectionScope = { scope, name: scopeName(regions, scope) };
  const projectionInterval = projection === null ? null : (currentInterval() ?? null);
  const cases: BriefingCase[] = [];
  for (const preset of CASE_PRESETS.filter((p) => request.caseIds.includes(p.id))) {
    const made = caseRecord(preset.regionCode, preset.household, regions);
    if ('error' in made) throw new ExportFailure(made.error);
    const trace = await done(
      engine.call(
        'trace',
        {
          record: made.record,
          scenario: scenarios[0].entry.document,
          outcome: 'realised',
          events: preset.happened.events,
          eventAmounts: preset.happened.amounts,
          localRules: preset.localRules?.regionOverrides,
        },
        { lane: `briefing-trace-${preset.id}` },
      ),
    );
    cases.push({
      title: preset.title,
      description: preset.story,
      trace,
      happened: true,
      nonGovernment: preset.happened.nonGovernment,
    });
  }
  const context: ExportContext = {
    key,
    language: request.language,
    scenarios,
    comparisons,
    projection,
    projectionScope,
    projectionInterval,
    cases,
    dataset,
    minCell: comparisons[0].scenario.province.minCell,
  };
  cachePut(CONTEXT_KEY, context);
  return context;
}

/** The provenance of an export made from a context. */
export function provenanceFor(context: ExportContext, format: ExportFormat): Promise<Provenance> {
  const primary = context.scenarios[0].scenario;
  // Defaults as `npx safetynet run` applies them, so the provenance states what a re-run will use.
  const monteCarlo = primary.monteCarlo ?? { mode: 'ev' as const, seed: 1, replications: 100 };
  return buildProvenance({
    appVersion: APP_VERSION,
    engineVersion: ENGINE_VERSION,
    format,
    mode: monteCarlo.mode,
    seed: monteCarlo.seed,
    replications: monteCarlo.replications,
    years: context.projection ? projectionSpan().years : (primary.projection?.years ?? 0),
    suppressionMinCell: context.minCell,
    datasetFiles: context.dataset.files.map((file) => ({ file: file.name, sha256: file.sha256, bytes: file.bytes })),
    synthetic: context.dataset.synthetic,
    scenario: primary,
  });
}

/** The briefing HTML for a context and request. */
export async function briefingHtml(
  context: ExportContext,
  request: BriefingRequest,
  format: ExportFormat = 'html',
): Promise<string> {
  return buildBriefingHtml({
    language: request.language,
    title: request.title,
    date: new Date(),
    comparisons: context.comparisons.map((comparison, i) => ({
      ...comparison,
      povertyLine: povertyLineText(context.scenarios[i].scenario),
    })),
    projection: context.projection ?? undefined,
    projectionScope: context.projectionScope,
    projectionInterval: context.projectionInterval ?? undefined,
    cases: context.cases,
    parameters: scenarioParameterRows(context.scenarios[0].scenario),
    dataset: {
      name: context.dataset.name,
      synthetic: context.dataset.synthetic,
      rows: context.dataset.rows,
      weightedHouseholds: context.dataset.weightedHouseholds,
      weightedPopulation: context.dataset.weightedPopulation,
    },
    provenance: await provenanceFor(context, format),
    sections: request.sections,
  });
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function stem(context: ExportContext, kind: string): string {
  const name = context.scenarios.map(({ entry }) => entry.name).join('_');
  return `${safeFileStem(`${kind}-${name}`, kind)}-${today()}`;
}

/** The result tables every table export writes: national baseline, then per scenario national, province and change. */
export function resultTables(context: ExportContext): ExportTable[] {
  const first = context.comparisons[0];
  const tables: ExportTable[] = [
    summaryToExportTable(first.baseline.national, {
      id: 'national-baseline',
      title: { zh: `全国 ${first.year} 基线`, en: `National ${first.year} baseline` },
      minCell: context.minCell,
    }),
  ];
  context.comparisons.forEach((comparison, i) => {
    const n = context.comparisons.length > 1 ? ` ${i + 1}` : '';
    tables.push(
      summaryToExportTable(comparison.scenario.national, {
        id: `national-scenario${n}`,
        title: { zh: `全国 方案${n}`, en: `National scenario${n}` },
        minCell: context.minCell,
      }),
      summaryToExportTable(comparison.scenario.province, {
        id: `province-scenario${n}`,
        title: { zh: `分省 方案${n}`, en: `By province scenario${n}` },
      }),
      summaryToExportTable(comparison.delta.province, {
        id: `province-change${n}`,
        title: { zh: `分省 比基线变化${n}`, en: `By province change${n}` },
      }),
    );
  });
  if (context.projection && context.projection.length > 0) {
    tables.push(projectionTable(context.projection, undefined, context.projectionScope));
    if (context.projectionInterval) {
      tables.push(projectionIntervalTable(context.projectionInterval, context.projectionScope));
    }
  }
  return tables;
}

function panelParts(context: ExportContext): PanelPart[] {
  const first = context.comparisons[0];
  const parts: PanelPart[] = [
    { scenario: '基线 / Baseline', side: 'baseline', table: first.baseline.national },
    { scenario: '基线 / Baseline', side: 'baseline', table: first.baseline.province },
  ];
  context.comparisons.forEach((comparison, i) => {
    const name = context.scenarios[i].entry.name;
    for (const side of ['scenario', 'delta'] as const) {
      parts.push(
        { scenario: name, side, table: comparison[side].national },
        { scenario: name, side, table: comparison[side].province },
      );
      const region = comparison[side].region;
      if (region) parts.push({ scenario: name, side, table: region });
    }
    if (first.baseline.region && i === 0)
      parts.push({ scenario: '基线 / Baseline', side: 'baseline', table: first.baseline.region });
  });
  for (const run of context.projection ?? []) {
    run.years.forEach((_, y) => {
      parts.push({ scenario: run.scenarioName, side: 'projection', table: run.national[y] });
      parts.push({ scenario: run.scenarioName, side: 'projection', table: run.province[y] });
    });
  }
  return parts;
}

/** A finished export: the file name the user saw, or null when cancelled. */
export type ExportOutcome = { saved: true; name: string } | { saved: false; printDialog?: boolean };

async function save(name: string, mimeType: string, data: string | Uint8Array): Promise<ExportOutcome> {
  const result = await getHost().saveFile({ suggestedName: name, mimeType, data });
  return result.saved ? { saved: true, name: result.path ?? name } : { saved: false };
}

/** Exports one format for the request. */
export async function exportFormat(format: ExportFormat, request: BriefingRequest): Promise<ExportOutcome> {
  if (format === 'scenario-json') return saveScenario(request);
  const context = await gatherContext(request);
  const { language } = request;
  switch (format) {
    case 'html':
      return save(
        `${stem(context, inLanguage(bi('简报', 'briefing'), language))}.html`,
        'text/html',
        await briefingHtml(context, request, 'html'),
      );
    case 'pdf': {
      const name = `${stem(context, inLanguage(bi('简报', 'briefing'), language))}.pdf`;
      const result = await getHost().printToPdf({
        suggestedName: name,
        html: await briefingHtml(context, request, 'pdf'),
      });
      if (result.printDialog) return { saved: false, printDialog: true };
      return result.saved ? { saved: true, name: result.path ?? name } : { saved: false };
    }
    case 'xlsx': {
      const bytes = await buildWorkbook({
        language,
        tables: resultTables(context),
        parameters: scenarioParameterRows(context.scenarios[0].scenario),
        provenance: await provenanceFor(context, 'xlsx'),
      });
      return save(`${stem(context, inLanguage(bi('结果', 'results'), language))}.xlsx`, XLSX_MIME, bytes);
    }
    case 'csv': {
      const table = resultTables(context)[2];
      const text = buildCsv(table, { language, provenance: await provenanceFor(context, 'csv') });
      return save(
        `${stem(context, inLanguage(bi('分省结果', 'by-province'), language))}.csv`,
        'text/csv;charset=utf-8',
        text,
      );
    }
    case 'arrow':
      return save(
        `${stem(context, 'panel')}.arrow`,
        ARROW_MIME,
        panelToIpc(buildResultPanel(panelParts(context)), 'file'),
      );
    case 'parquet': {
      const bytes = tableToParquet(buildResultPanel(panelParts(context)), `Safety Net Workbench ${APP_VERSION}`);
      return save(`${stem(context, 'panel')}.parquet`, PARQUET_MIME, bytes);
    }
    default:
      throw new ExportFailure({
        messageZh: `不支持的导出格式：${format}`,
        messageEn: `Unsupported export format: ${format}`,
      });
  }
}

/** The briefing charts a user can export as images. */
export const CHART_IDS = ['cost-components', 'province-caseload', 'projection'] as const;
export type ChartId = (typeof CHART_IDS)[number];

const CHART_TITLES: Record<ChartId, Bilingual> = {
  'cost-components': { zh: '{year}年全国救助支出构成', en: 'Annual cost by component, {year}' },
  'province-caseload': {
    zh: '{year}年分省低保人数（城乡合计）',
    en: 'Dibao persons by province, {year} (urban and rural)',
  },
  projection: { zh: '年度救助总支出预测（名义值）', en: 'Projected total annual cost (nominal)' },
};

/** Export size of a chart image in CSS pixels (PNG is rendered at 3× this). */
const IMAGE_SIZE = { width: 960, height: 540 };

function chartOption(context: ExportContext, chart: ChartId, language: Language): echarts.EChartsCoreOption {
  const comparisons = context.comparisons;
  if (chart === 'cost-components') return costByComponentOption(comparisons, language);
  if (chart === 'province-caseload') return caseloadByProvinceOption(comparisons[0], language).option;
  if (!context.projection) {
    throw new ExportFailure({
      messageZh: '未运行多年预测：请在章节中勾选“多年预测”后再导出该图。',
      messageEn: 'No projection was run: tick the Projection section, then export this chart.',
    });
  }
  return projectionOption(context.projection, language, 'cost.total', context.projectionScope.scope);
}

/** Exports one briefing chart as PNG (print resolution) or SVG, with the provenance embedded in the file. */
export async function exportChart(
  kind: 'png' | 'svg',
  chart: ChartId,
  request: BriefingRequest,
): Promise<ExportOutcome> {
  const context = await gatherContext(request);
  const title = CHART_TITLES[chart][request.language].replace('{year}', String(context.comparisons[0].year));
  const option = {
    ...chartOption(context, chart, request.language),
    title: { text: title, left: 0, top: 0, textStyle: { fontSize: 14 } },
    backgroundColor: '#ffffff',
  };
  const provenance = await provenanceFor(context, kind);
  const name = `${stem(context, chart)}.${kind}`;
  if (kind === 'svg') {
    const svg = svgWithProvenance(renderChartSvg(option, IMAGE_SIZE.width, IMAGE_SIZE.height), provenance);
    return save(name, 'image/svg+xml', `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
  }
  const box = document.createElement('div');
  const instance = echarts.init(box, undefined, { renderer: 'canvas', ...IMAGE_SIZE });
  try {
    instance.setOption({ ...baseOption(), animation: false, ...option });
    return await save(name, 'image/png', pngWithProvenance(chartPng(instance), provenance));
  } finally {
    instance.dispose();
  }
}

/** Saves the first chosen scenario as a JSON file (validated first). */
export async function saveScenario(request: BriefingRequest): Promise<ExportOutcome> {
  const [{ scenario }] = chosenScenarios(request);
  return save(scenarioFileName(scenario), SCENARIO_MIME, serializeScenario(scenario));
}

/** Opens a scenario file the user picked and adds it to the workspace (made active). */
export async function openScenario(file: File): Promise<{ name: string; migratedFrom?: number }> {
  const opened = openScenarioFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!opened.ok) {
    throw new ExportFailure({
      messageZh: opened.errors.map((error) => error.messageZh).join('；'),
      messageEn: opened.errors.map((error) => error.messageEn).join('; '),
    });
  }
  const document: JsonValue = JSON.parse(serializeScenario(opened.scenario));
  useWorkspaceStore.getState().createScenario(opened.scenario.name, document);
  return { name: opened.scenario.name, migratedFrom: opened.migratedFrom };
}

/** True when a scenario id is the built-in baseline. */
export function isBaseline(id: string): boolean {
  return id === BASELINE_SCENARIO_ID;
}
