// The briefing generator: one self-contained HTML document (inline CSS, charts as inline SVG, no external requests)
// from the engine's results, in Chinese or English, styled for A4 print. The same string is previewed, downloaded as
// .html, and printed to PDF (Electron printToPDF, or the browser's print dialog).
import type { Language } from '../../i18n/i18n.ts';
import { formatValue } from '../../format/units.ts';
import { formatComparison, formatResult } from '../../format/trace-format.ts';
import {
  COMPONENT_IDS,
  COMPONENT_LABELS,
  getParamDef,
  scopeAreaIndex,
  thinCellWarning,
} from '../../../../sim/index.ts';
import type { HouseholdTraceRun, TraceStep } from '../../../../sim/index.ts';
import type { ExportTable } from '../table.ts';
import { columnHeader, displayCell, isSuppressed, suppressionRule } from '../table.ts';
import { effectiveRows, isChanged, parameterValueText } from '../parameters.ts';
import { canonicalJson, provenanceLines } from '../provenance.ts';
import { renderChartSvg } from '../chart-image.ts';
import { escapeXml } from '../xml.ts';
import type { BriefingCase, BriefingInput, BriefingSectionId } from './model.ts';
import { BRIEFING_SECTIONS, SECTION_TITLES } from './model.ts';
import { summarySentences } from './summary.ts';
import {
  PROJECTION_METRICS_COMPACT,
  headlineHeaders,
  headlineRows,
  projectionIntervalTable,
  projectionTable,
  provinceTable,
} from './tables.ts';
import { caseloadByProvinceOption, costByComponentOption, projectionOption } from './charts.ts';
import { methodsParagraphs } from './methods.ts';
import { briefingCss } from './briefing-css.ts';
import { bi, inLanguage } from '../../i18n/i18n.ts';
import type { Bilingual } from '../../i18n/i18n.ts';

/** Chart size in CSS pixels: the A4 text width (178 mm) at 96 dpi. */
export const CHART_WIDTH = 672;
export const CHART_HEIGHT = 300;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return escapeXml(text);
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function heading(index: number, id: BriefingSectionId, language: Language): string {
  const number = inLanguage(bi(`${CHINESE_NUMERALS[index] ?? index + 1}、`, `${index + 1}. `), language);
  return `<h2 id="sec-${id}">${number}${escapeHtml(SECTION_TITLES[id][language])}</h2>`;
}

/** A date as the reader writes it: 2026年11月29日 / 29 November 2026. */
export function formatDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(inLanguage(bi('zh-CN', 'en-GB'), language), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Default title naming the scenario(s). */
export function defaultTitle(input: Pick<BriefingInput, 'comparisons' | 'language'>): string {
  const names = input.comparisons
    .map((comparison) => `“${comparison.scenarioName}”`)
    .join(inLanguage(bi('、', ', '), input.language));
  return inLanguage(
    bi(`社会救助政策方案${names}测算简报`, `Social assistance policy briefing: ${names}`),
    input.language,
  );
}

/** Renders an export table as HTML with units in the headers, suppressed cells marked and the rule stated below. */
export function tableHtml(table: ExportTable, language: Language): string {
  const head = table.columns
    .map((column) => `<th class="${column.quantity ? 'num' : ''}">${escapeHtml(columnHeader(column, language))}</th>`)
    .join('');
  const body = table.rows
    .map((_, r) => {
      const cells = table.columns.map((column, c) => {
        const classes = [column.quantity ? 'num' : '', isSuppressed(table, r, c) ? 'suppressed' : '']
          .filter(Boolean)
          .join(' ');
        return `<td${classes ? ` class="${classes}"` : ''}>${escapeHtml(displayCell(table, r, c, language))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const notes = (table.notes ?? []).map((note) => `<p class="note">${escapeHtml(note[language])}</p>`).join('');
  return `<table data-table="${escapeHtml(table.id)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table><p class="note">${escapeHtml(suppressionRule(table)[language])}</p>${notes}`;
}

function figure(svg: string, caption: string, id: string): string {
  return `<figure data-chart="${escapeHtml(id)}">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

function summarySection(input: BriefingInput): string {
  return `<div class="summary">${input.comparisons
    .flatMap((comparison) => summarySentences(comparison, input.language))
    .map((sentence) => `<p>${escapeHtml(sentence)}</p>`)
    .join('')}</div>`;
}

function headlineSection(input: BriefingInput): string {
  const { language, comparisons } = input;
  const headers = headlineHeaders(comparisons, language)
    .map((header, i) => `<th class="${i > 0 ? 'num' : ''}">${escapeHtml(header)}</th>`)
    .join('');
  const rows = headlineRows(comparisons, language)
    .map(
      (row) =>
        `<tr data-metric="${row.metric}"><td>${escapeHtml(row.label)}</td>${row.cells.map((cell) => `<td class="num">${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  const note = inLanguage(
    bi(
      `全国合计，${comparisons[0].year}年；人数、户数为加权数，支出为名义值，标明“实际”的一行按价格指数折算。`,
      `National totals, ${comparisons[0].year}; persons and households are weighted; costs are nominal, except the row marked real, which is deflated by the price index.`,
    ),
    language,
  );
  return `<table data-table="headline"><thead><tr>${headers}</tr></thead><tbody>${rows}</tbody></table><p class="note">${escapeHtml(note)}</p>`;
}

function chartsSection(input: BriefingInput): string {
  const { language, comparisons } = input;
  const parts = [
    figure(
      renderChartSvg(costByComponentOption(comparisons, language), CHART_WIDTH, CHART_HEIGHT + 40),
      inLanguage(
        bi(
          `图1  ${comparisons[0].year}年全国救助支出构成，基线与方案对比（亿元）。`,
          `Figure 1. Annual cost by component, ${comparisons[0].year}, baseline and scenario(s) (billion yuan).`,
        ),
        language,
      ),
      'cost-components',
    ),
  ];
  const province = caseloadByProvinceOption(comparisons[0], language);
  const hidden =
    province.suppressedRegions.length > 0
      ? inLanguage(
          bi(
            `因披露控制未显示（样本不足，或可据以推算样本不足的地区）：${province.suppressedRegions.join('、')}。`,
            `Not shown under disclosure control (too few sample households, or would give such a region away): ${province.suppressedRegions.join(', ')}.`,
          ),
          language,
        )
      : '';
  parts.push(
    figure(
      renderChartSvg(province.option, CHART_WIDTH, CHART_HEIGHT + 40),
      inLanguage(
        bi(
          `图2  ${comparisons[0].year}年分省低保人数（万人），城乡合计。`,
          `Figure 2. Dibao persons by province, ${comparisons[0].year}, urban and rural (million persons). `,
        ),
        language,
      ) +
        hidden +
        suppressionRule({ subnational: true, minCell: input.provenance.suppressionMinCell })[language],
      'province-caseload',
    ),
  );
  return parts.join('');
}

function provinceSection(input: BriefingInput): string {
  return input.comparisons.map((comparison) => tableHtml(provinceTable(comparison), input.language)).join('');
}

function projectionSection(input: BriefingInput): string {
  const { language } = input;
  const projection = input.projection ?? [];
  if (projection.length === 0 || projection[0].years.length === 0) {
    return `<p class="note">${inLanguage(bi('未运行多年预测。', 'No projection was run.'), language)}</p>`;
  }
  const scopeLabel = input.projectionScope?.name ?? { zh: '全国', en: 'national' };
  const chart = figure(
    renderChartSvg(
      projectionOption(projection, language, 'cost.total', input.projectionScope?.scope),
      CHART_WIDTH,
      CHART_HEIGHT,
    ),
    inLanguage(
      bi(
        `图3  ${scopeLabel.zh}年度救助总支出预测（名义值，亿元）。`,
        `Figure 3. Projected total annual cost, ${scopeLabel.en} (nominal, billion yuan).`,
      ),
      language,
    ),
    'projection',
  );
  const table = projectionTable(projection, PROJECTION_METRICS_COMPACT, input.projectionScope);
  const span = inLanguage(
    bi(
      `预测${projection[0].years[0]}–${projection[0].years[projection[0].years.length - 1]}年（${scopeLabel.zh}）；变化为与同年基线之差，累计变化自首年起累加。`,
      `Projection ${projection[0].years[0]}–${projection[0].years[projection[0].years.length - 1]} (${scopeLabel.en}); changes are against the baseline in the same year, cumulated from the first year.`,
    ),
    language,
  );
  // A province (area) whose sample is too small for year-to-year changes to be read says so (sim's rule and words).
  const scope = input.projectionScope?.scope;
  const first = projection[0];
  const area = scope ? scopeAreaIndex(scope) : -1;
  const table0 = first.province?.[0];
  const row = table0 ? table0.code.findIndex((c, k) => c === scope?.province && table0.area[k] === area) : -1;
  const warning =
    row >= 0 && first.thin?.[row] === 1 ? thinCellWarning([input.projectionScope?.name ?? scopeLabel]) : undefined;
  const thin = warning ? `<p class="note" data-note="thin">${escapeHtml(inLanguage(warning, language))}</p>` : '';
  // The interval computed on the Projection screen, when there is one for these inputs (nothing otherwise).
  const intervalTable = input.projectionInterval
    ? projectionIntervalTable(input.projectionInterval, input.projectionScope)
    : undefined;
  const interval = intervalTable
    ? `<h3 data-heading="projection-interval">${escapeHtml(intervalTable.title[language])}</h3>${tableHtml(intervalTable, language)}`
    : '';
  return `${chart}${tableHtml(table, language)}<p class="note">${escapeHtml(span)}</p>${thin}${interval}`;
}

function caseSection(item: BriefingCase, language: Language, index: number): string {
  const { baseline, reform } = item.trace;
  const ids: string[] = [];
  for (const step of [...baseline.steps, ...reform.steps]) if (!ids.includes(step.id)) ids.push(step.id);
  const find = (run: HouseholdTraceRun, id: string) => run.steps.find((step) => step.id === id);
  const rows = ids.map((id) => {
    const b = find(baseline, id);
    const r = find(reform, id);
    const step = (b ?? r) as TraceStep;
    const label = inLanguage(bi(step.labelZh, step.labelEn), language);
    const note = inLanguage(bi((r ?? b)?.noteZh, (r ?? b)?.noteEn), language) ?? '';
    return `<tr><td>${escapeHtml(label)}${note ? `<div class="inputs">${escapeHtml(note)}</div>` : ''}</td><td class="num">${escapeHtml(b ? (formatComparison(b, language) ?? '') : '')}</td><td class="num">${escapeHtml(b ? formatResult(b, language) : '—')}</td><td class="num">${escapeHtml(r ? (formatComparison(r, language) ?? '') : '')}</td><td class="num">${escapeHtml(r ? formatResult(r, language) : '—')}</td></tr>`;
  });
  const head = inLanguage(
    bi(
      ['规则步骤', '基线：比较', '基线：结果', '方案：比较', '方案：结果'],
      ['Rule step', 'Baseline: test', 'Baseline: result', 'Scenario: test', 'Scenario: result'],
    ),
    language,
  );
  const components = COMPONENT_IDS.filter((id) => baseline.components[id] !== 0 || reform.components[id] !== 0)
    .map(
      (id) =>
        `<tr><td>${escapeHtml(COMPONENT_LABELS[id][language])}</td><td class="num">${escapeHtml(formatValue(baseline.components[id], 'householdAnnual', language))}</td><td class="num">${escapeHtml(formatValue(reform.components[id], 'householdAnnual', language))}</td></tr>`,
    )
    .join('');
  const totals = inLanguage(
    bi(
      `基线：${programmeName(baseline.status, language)}，年救助 ${formatValue(baseline.total, 'householdAnnual', language)}；方案：${programmeName(reform.status, language)}，年救助 ${formatValue(reform.total, 'householdAnnual', language)}。`,
      `Baseline: ${programmeName(baseline.status, language)}, ${formatValue(baseline.total, 'householdAnnual', language)}; scenario: ${programmeName(reform.status, language)}, ${formatValue(reform.total, 'householdAnnual', language)}.`,
    ),
    language,
  );
  const title = `${inLanguage(bi(`案例${index + 1}：`, `Case ${index + 1}: `), language)}${item.title[language]}`;
  const view = item.happened
    ? inLanguage(
        bi(
          '按实际发生计算：家庭已申请，案例中的事件确已发生，临时救助按报道的批准金额（折算为当地标准的月数）支付。',
          'As it happened: the household applied, the events of the story happened, and temporary assistance pays the approved amount reported (as months of the local standard).',
        ),
        language,
      )
    : '';
  const charity = (item.nonGovernment ?? [])
    .map((aid) => `${aid.label[language]} ${formatValue(aid.yuan, 'householdAnnual', language)}`)
    .join(inLanguage(bi('；', '; '), language));
  const charityNote = charity
    ? inLanguage(
        bi(
          `另有非政府帮扶（不计入政府救助支出）：${charity}。`,
          `Non-government aid besides (not government cost): ${charity}.`,
        ),
        language,
      )
    : '';
  return `<div class="case" data-case="${index}"><h3>${escapeHtml(title)}</h3>${item.description ? `<p>${escapeHtml(item.description[language])}</p>` : ''}${view ? `<p class="note">${escapeHtml(view)}</p>` : ''}<p class="totals">${escapeHtml(totals)}</p>${charityNote ? `<p class="note" data-non-government>${escapeHtml(charityNote)}</p>` : ''}<table><thead><tr>${head.map((h, i) => `<th class="${i > 0 ? 'num' : ''}">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>${
    components
      ? `<table class="keep"><thead><tr><th>${inLanguage(bi('救助构成（每年）', 'Benefit component (per year)'), language)}</th><th class="num">${inLanguage(bi('基线', 'Baseline'), language)}</th><th class="num">${inLanguage(bi('方案', 'Scenario'), language)}</th></tr></thead><tbody>${components}</tbody></table>`
      : ''
  }</div>`;
}

const PROGRAMME_TEXT: Record<string, Bilingual> = {
  none: { zh: '不符合救助条件', en: 'not eligible' },
  dibao: { zh: '低保', en: 'dibao' },
  tekun: { zh: '特困', en: 'tekun' },
  marginal: { zh: '低保边缘', en: 'dibao-marginal' },
  rigid: { zh: '刚性支出困难', en: 'rigid-expenditure hardship' },
};

function programmeName(status: string, language: Language): string {
  return PROGRAMME_TEXT[status]?.[language] ?? status;
}

function casesSection(input: BriefingInput): string {
  if (input.cases.length === 0) {
    return `<p class="note">${inLanguage(bi('未选择家庭案例。', 'No household case was chosen.'), input.language)}</p>`;
  }
  return input.cases.map((item, i) => caseSection(item, input.language, i)).join('');
}

function parametersSection(input: BriefingInput): string {
  const { language } = input;
  const changed = effectiveRows(input.parameters, (id) => getParamDef(id)?.appliesWith);
  if (changed.length === 0) {
    return `<p>${inLanguage(bi('方案未改变任何参数（与基线相同）。', 'The scenario changes no parameter (identical to the baseline).'), language)}</p>`;
  }
  const head = inLanguage(
    bi(['参数', '适用地区', '基线', '方案', '单位'], ['Parameter', 'Applies to', 'Baseline', 'Scenario', 'Unit']),
    language,
  );
  const rows = changed
    .map(
      (row) =>
        `<tr${isChanged(row) ? '' : ' class="in-effect"'}><td>${escapeHtml(row.label[language])}${isChanged(row) ? '' : `<div class="inputs">${escapeHtml(inLanguage(bi('（未改变，随上方规则生效）', '(unchanged; takes effect with the rule above)'), language))}</div>`}</td><td>${escapeHtml(row.scope || inLanguage(bi('全国', 'national'), language))}</td><td class="num">${escapeHtml(parameterValueText(row.baseline, language))}</td><td class="num">${escapeHtml(parameterValueText(row.scenario, language))}</td><td>${escapeHtml(row.unit[language])}</td></tr>`,
    )
    .join('');
  return `<table data-table="parameters"><thead><tr>${head.map((h, i) => `<th class="${i === 2 || i === 3 ? 'num' : ''}">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

function methodsSection(input: BriefingInput): string {
  return methodsParagraphs(input.language, input.dataset, input.parameters, input.provenance)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('');
}

function provenanceSection(input: BriefingInput): string {
  const { language } = input;
  const lines = provenanceLines(input.provenance, language);
  const scenarioLine = lines[lines.length - 1];
  const items = lines
    .slice(0, -1)
    .map((line) => `<dt>${escapeHtml(line.label[language])}</dt><dd>${escapeHtml(line.value)}</dd>`)
    .join('');
  const rerun = inLanguage(
    bi(
      '复现：将下列方案 JSON 保存为文件，运行 npx safetynet run --scenario 文件名，在同一数据上得到相同的合计。',
      'To reproduce: save the scenario JSON below to a file and run npx safetynet run --scenario FILE on the same data; the totals are identical.',
    ),
    language,
  );
  return `<dl class="provenance">${items}</dl><p class="note">${escapeHtml(rerun)}</p><pre class="scenario" data-scenario-json>${escapeHtml(JSON.stringify(JSON.parse(scenarioLine.value), null, 2))}</pre>`;
}

const SECTION_BUILDERS: Record<BriefingSectionId, (input: BriefingInput) => string> = {
  summary: summarySection,
  headline: headlineSection,
  charts: chartsSection,
  provinces: provinceSection,
  projection: projectionSection,
  cases: casesSection,
  parameters: parametersSection,
  methods: methodsSection,
  provenance: provenanceSection,
};

/** Builds the complete, self-contained briefing HTML document. */
export function buildBriefingHtml(input: BriefingInput): string {
  const { language } = input;
  if (input.comparisons.length === 0) throw new Error('a briefing needs at least one scenario result');
  const title = input.title?.trim() || defaultTitle(input);
  const syntheticText = inLanguage(
    bi('合成演示数据，非官方统计', 'Synthetic demo data, not official statistics'),
    language,
  );
  const kicker = inLanguage(
    bi('社会救助政策仿真工作台 · 政策测算简报', 'Safety Net Workbench · Policy briefing'),
    language,
  );
  const meta = inLanguage(
    bi(
      `${formatDate(input.date, language)} · 数据：${input.dataset.name} · 测算年度：${input.comparisons[0].year}年`,
      `${formatDate(input.date, language)} · Data: ${input.dataset.name} · Simulated year: ${input.comparisons[0].year}`,
    ),
    language,
  );
  const chosen = BRIEFING_SECTIONS.filter((id) => input.sections.includes(id));
  const sections = chosen
    .map(
      (id, index) =>
        `<section class="sec-${id}">${heading(index, id, language)}${SECTION_BUILDERS[id](input)}</section>`,
    )
    .join('\n');
  const css = briefingCss({
    header: kicker,
    title,
    footer: input.dataset.synthetic ? syntheticText : `${input.provenance.scenarioSha256.slice(0, 12)}`,
  });
  return `<!doctype html>
<html lang="${inLanguage(bi('zh-CN', 'en'), language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Safety Net Workbench ${escapeHtml(input.provenance.appVersion)}">
<meta name="safetynet-scenario-sha256" content="${escapeHtml(input.provenance.scenarioSha256)}">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<header class="doc-head"><div class="doc-kicker">${escapeHtml(kicker)}</div><h1>${escapeHtml(title)}</h1><div class="doc-meta">${escapeHtml(meta)}</div>${
    input.dataset.synthetic ? `<div class="synthetic" data-synthetic>${escapeHtml(syntheticText)}</div>` : ''
  }</header>
${sections}
<script type="application/json" id="safetynet-provenance">${canonicalJson(input.provenance).replace(/</g, '\\u003c')}</script>
</body>
</html>
`;
}
