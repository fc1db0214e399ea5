// The Briefing & export screen: choose scenarios (compared with the baseline), the briefing's language, title,
// sections and household case studies; generate a preview; export the briefing (HTML, PDF), the tables (XLSX, CSV),
// the result panel (Arrow, Parquet) and the scenario file (save, open). Every export carries its provenance.
import { useRef } from 'react';
import type { ChangeEvent } from 'react';
import { useUiStore } from '../../store/ui-store.ts';
import { useWorkspaceStore, selectActiveDataset, BASELINE_SCENARIO_ID } from '../../store/workspace-store.ts';
import { CASE_PRESETS } from '../../../../datasets/index.ts';
import { BRIEFING_SECTIONS } from '../../exports/briefing/model.ts';
import type { BriefingSectionId } from '../../exports/briefing/model.ts';
import type { ExportFormat } from '../../exports/provenance.ts';
import { fill, pick, LANGUAGES } from '../../i18n/i18n.ts';
import type { Bilingual, Language } from '../../i18n/i18n.ts';
import { useBriefingMessages } from './messages.ts';
import { useBriefingStore } from './briefing-store.ts';
import type { BriefingRequest } from './briefing-actions.ts';
import type { ChartId } from './briefing-actions.ts';
import {
  briefingHtml,
  CHART_IDS,
  exportChart,
  exportFormat,
  ExportFailure,
  gatherContext,
  openScenario,
  requestKey,
} from './briefing-actions.ts';
import './briefing.css';

type Messages = ReturnType<typeof useBriefingMessages>;

const SECTION_LABEL: Record<BriefingSectionId, keyof Messages> = {
  summary: 'sectionSummary',
  headline: 'sectionHeadline',
  charts: 'sectionCharts',
  provinces: 'sectionProvinces',
  projection: 'sectionProjection',
  cases: 'sectionCases',
  parameters: 'sectionParameters',
  methods: 'sectionMethods',
  provenance: 'sectionProvenance',
};

const CHART_LABEL: Record<ChartId, keyof Messages> = {
  'cost-components': 'chartCost',
  'province-caseload': 'chartProvince',
  projection: 'chartProjection',
};

const EXPORT_BUTTONS: { format: ExportFormat; label: keyof Messages; group: 'briefing' | 'tables' | 'scenario' }[] = [
  { format: 'html', label: 'html', group: 'briefing' },
  { format: 'pdf', label: 'pdf', group: 'briefing' },
  { format: 'xlsx', label: 'xlsx', group: 'tables' },
  { format: 'csv', label: 'csv', group: 'tables' },
  { format: 'arrow', label: 'arrow', group: 'tables' },
  { format: 'parquet', label: 'parquet', group: 'tables' },
  { format: 'scenario-json', label: 'saveScenario', group: 'scenario' },
];

function toBilingual(error: unknown): Bilingual {
  if (error instanceof ExportFailure) return error.bilingual;
  if (error && typeof error === 'object' && 'messageZh' in error && 'messageEn' in error) {
    return { messageZh: String(error.messageZh), messageEn: String(error.messageEn) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { messageZh: `导出失败：${detail}`, messageEn: `Export failed: ${detail}` };
}

/** The Briefing & export screen. */
export function BriefingScreen() {
  const m = useBriefingMessages();
  const uiLanguage = useUiStore((s) => s.language);
  const scenarios = useWorkspaceStore((s) => s.scenarios);
  const activeScenarioId = useWorkspaceStore((s) => s.activeScenarioId);
  const dataset = useWorkspaceStore(selectActiveDataset);
  const settings = useBriefingStore();
  const fileInput = useRef<HTMLInputElement>(null);

  const language: Language = settings.language ?? uiLanguage;
  const own = scenarios.filter((s) => s.id !== BASELINE_SCENARIO_ID);
  const chosenIds =
    settings.scenarioIds.filter((id) => scenarios.some((s) => s.id === id)).length > 0
      ? settings.scenarioIds.filter((id) => scenarios.some((s) => s.id === id))
      : [activeScenarioId];
  const request: BriefingRequest = {
    scenarioIds: chosenIds,
    language,
    title: settings.title,
    sections: settings.sections,
    caseIds: settings.caseIds,
  };
  const ready = dataset?.status === 'ready';
  const busy = settings.generating || settings.status.kind === 'working';
  let currentKey: string | null = null;
  try {
    currentKey = `${requestKey(request)}|${settings.title}|${settings.sections.join(',')}`;
  } catch {
    currentKey = null;
  }
  const previewStale = settings.previewHtml !== null && settings.previewKey !== currentKey;

  const generate = async () => {
    settings.set({ generating: true, status: { kind: 'idle' } });
    try {
      const context = await gatherContext(request);
      const html = await briefingHtml(context, request, 'html');
      settings.set({ previewHtml: html, previewKey: currentKey, generating: false });
    } catch (error) {
      settings.set({ generating: false, status: { kind: 'error', message: toBilingual(error) } });
    }
  };

  const runExport = async (format: ExportFormat, label: string) => {
    settings.set({ status: { kind: 'working', what: label } });
    try {
      const outcome =
        format === 'png' || format === 'svg'
          ? await exportChart(format, settings.chart, request)
          : await exportFormat(format, request);
      settings.set({
        status: outcome.saved
          ? {
              kind: 'done',
              message: {
                messageZh: fill('已导出：{name}', { name: outcome.name }),
                messageEn: fill('Exported: {name}', { name: outcome.name }),
              },
            }
          : outcome.printDialog
            ? {
                kind: 'done',
                message: {
                  messageZh: '已打开系统打印对话框：请在其中选择“另存为 PDF”并保存；浏览器版无法确认是否已保存。',
                  messageEn:
                    'The system print dialog is open: choose “Save as PDF” there; the browser build cannot tell whether it was saved.',
                },
              }
            : { kind: 'done', message: { messageZh: '已取消。', messageEn: 'Cancelled.' } },
      });
    } catch (error) {
      settings.set({ status: { kind: 'error', message: toBilingual(error) } });
    }
  };

  const onOpenFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const opened = await openScenario(file);
      const zh = opened.migratedFrom
        ? `已打开方案“${opened.name}”（由格式 ${opened.migratedFrom} 升级）。`
        : `已打开方案“${opened.name}”。`;
      const en = opened.migratedFrom
        ? `Opened scenario “${opened.name}” (upgraded from format ${opened.migratedFrom}).`
        : `Opened scenario “${opened.name}”.`;
      settings.set({ status: { kind: 'done', message: { messageZh: zh, messageEn: en } } });
    } catch (error) {
      settings.set({ status: { kind: 'error', message: toBilingual(error) } });
    }
  };

  const exportGroup = (group: 'briefing' | 'tables' | 'scenario') =>
    EXPORT_BUTTONS.filter((button) => button.group === group).map((button) => (
      <button
        key={button.format}
        type="button"
        className={button.format === 'html' || button.format === 'pdf' ? 'primary' : ''}
        data-testid={`export-${button.format}`}
        disabled={busy || (button.format !== 'scenario-json' && !ready)}
        onClick={() => void runExport(button.format, m[button.label])}
      >
        {m[button.label]}
      </button>
    ));

  return (
    <div className="briefing-screen" data-testid="briefing-screen">
      <div className="briefing-head">
        <h2>{m.heading}</h2>
        <p className="muted">{m.intro}</p>
        {!ready && (
          <div className="warning-box" data-testid="briefing-no-dataset">
            {m.noDataset}
          </div>
        )}
      </div>
      <div className="briefing-layout">
        <aside className="panel briefing-settings" aria-label={m.settings}>
          <h3>{m.settings}</h3>
          <fieldset>
            <legend>{m.scenarios}</legend>
            {own.length === 0 && <p className="muted small">{m.noScenarios}</p>}
            {own.map((scenario) => (
              <label key={scenario.id} className="check">
                <input
                  type="checkbox"
                  data-testid={`briefing-scenario-${scenario.id}`}
                  checked={chosenIds.includes(scenario.id)}
                  onChange={() => settings.set({ scenarioIds: toggled(chosenIds, scenario.id) })}
                />
                <span>{scenario.name}</span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{m.reportLanguage}</span>
            <select
              data-testid="briefing-language"
              value={language}
              onChange={(event) => settings.set({ language: event.target.value === 'en' ? 'en' : 'zh' })}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {code === 'zh' ? '中文' : 'English'}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{m.title}</span>
            <input
              type="text"
              data-testid="briefing-title"
              value={settings.title}
              onChange={(event) => settings.set({ title: event.target.value })}
            />
          </label>
          <fieldset>
            <legend>{m.sections}</legend>
            <div className="check-grid">
              {BRIEFING_SECTIONS.map((id) => (
                <label key={id} className="check">
                  <input
                    type="checkbox"
                    data-testid={`briefing-section-${id}`}
                    checked={settings.sections.includes(id)}
                    onChange={() => settings.toggleSection(id)}
                  />
                  <span>{m[SECTION_LABEL[id]]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{m.cases}</legend>
            {CASE_PRESETS.map((preset) => (
              <label key={preset.id} className="check">
                <input
                  type="checkbox"
                  data-testid={`briefing-case-${preset.id}`}
                  checked={settings.caseIds.includes(preset.id)}
                  onChange={() => settings.toggleCase(preset.id)}
                />
                <span>{preset.title[uiLanguage]}</span>
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="primary wide"
            data-testid="briefing-generate"
            disabled={!ready || busy}
            onClick={() => void generate()}
          >
            {settings.generating ? m.generating : m.generate}
          </button>
        </aside>
        <section className="briefing-main">
          <div className="panel briefing-exports">
            <div className="export-group">
              <h3>{m.exportBriefing}</h3>
              <div className="toolbar">{exportGroup('briefing')}</div>
            </div>
            <div className="export-group">
              <h3>{m.exportTables}</h3>
              <div className="toolbar">{exportGroup('tables')}</div>
            </div>
            <div className="export-group">
              <h3>{m.exportCharts}</h3>
              <div className="toolbar">
                <select
                  data-testid="briefing-chart"
                  aria-label={m.exportCharts}
                  value={settings.chart}
                  onChange={(event) => {
                    const chart = CHART_IDS.find((id) => id === event.target.value);
                    if (chart) settings.set({ chart });
                  }}
                >
                  {CHART_IDS.map((id) => (
                    <option key={id} value={id}>
                      {m[CHART_LABEL[id]]}
                    </option>
                  ))}
                </select>
                {(['png', 'svg'] as const).map((format) => (
                  <button
                    key={format}
                    type="button"
                    data-testid={`export-chart-${format}`}
                    disabled={busy || !ready}
                    onClick={() => void runExport(format, format === 'png' ? m.chartPng : m.chartSvg)}
                  >
                    {format === 'png' ? m.chartPng : m.chartSvg}
                  </button>
                ))}
              </div>
            </div>
            <div className="export-group">
              <h3>{m.exportScenario}</h3>
              <div className="toolbar">
                {exportGroup('scenario')}
                <button
                  type="button"
                  data-testid="open-scenario"
                  disabled={busy}
                  onClick={() => fileInput.current?.click()}
                >
                  {m.openScenario}
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  accept=".json,application/json"
                  hidden
                  data-testid="open-scenario-input"
                  onChange={(event) => void onOpenFile(event)}
                />
              </div>
            </div>
            <StatusLine m={m} />
          </div>
          <div className="panel briefing-preview-panel">
            <h3>
              {m.preview}
              {previewStale && <span className="badge">{language === 'zh' ? '设置已更改' : 'settings changed'}</span>}
            </h3>
            {settings.previewHtml === null ? (
              <p className="muted" data-testid="briefing-preview-empty">
                {m.previewEmpty}
              </p>
            ) : (
              <iframe
                className="briefing-preview"
                data-testid="briefing-preview"
                title={m.previewTitle}
                sandbox=""
                srcDoc={settings.previewHtml}
              />
            )}
          </div>
        </section>
      </div>
    </div>
  );
}

function toggled(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

function StatusLine({ m }: { m: Messages }) {
  const status = useBriefingStore((s) => s.status);
  const language = useUiStore((s) => s.language);
  if (status.kind === 'idle') return null;
  if (status.kind === 'working') {
    return (
      <p className="muted" data-testid="export-status" data-state="working">
        {fill(m.working, { what: status.what })}
      </p>
    );
  }
  return (
    <p
      className={status.kind === 'error' ? 'error-box' : 'export-done'}
      data-testid="export-status"
      data-state={status.kind}
      role={status.kind === 'error' ? 'alert' : 'status'}
    >
      {pick(status.message, language)}
    </p>
  );
}
