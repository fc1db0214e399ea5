// The briefing end to end, on the demo dataset with the real engine: HTML → PDF in headless Chromium (checked with
// pdftotext: pages, sections, numbers, suppression), page 1 → PNG with pdftoppm (saved under test-artifacts/ for a
// human look), the XLSX numbers equal the engine's, and `safetynet run` (its main, in this process) with the scenario
// embedded in the export reproduces the totals exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../e2e/harness.ts';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { runCli } from '../../cli/testing/run-cli.ts';
import { builtDemo } from '../fixtures/data/built-demo.ts';
import { HANDLERS, loadData } from '../../renderer/src/services/engine/engine-handlers.ts';
import type { EngineData } from '../../renderer/src/services/engine/engine-handlers.ts';
import type { YearComparison } from '../../renderer/src/services/engine/engine-calls.ts';
import { caseRecord, CASE_PRESETS } from '../../datasets/index.ts';
import { parseScenario, ENGINE_VERSION } from '../../sim/index.ts';
import { buildBriefingHtml } from '../../renderer/src/exports/briefing/briefing-html.ts';
import { BRIEFING_SECTIONS } from '../../renderer/src/exports/briefing/model.ts';
import type { BriefingInput } from '../../renderer/src/exports/briefing/model.ts';
import { buildProvenance } from '../../renderer/src/exports/provenance.ts';
import type { Provenance } from '../../renderer/src/exports/provenance.ts';
import { scenarioParameterRows } from '../../renderer/src/exports/scenario-parameters.ts';
import { summaryToExportTable } from '../../renderer/src/exports/engine-tables.ts';
import { buildWorkbook } from '../../renderer/src/exports/xlsx.ts';
import { formatValue } from '../../renderer/src/format/units.ts';
import { sha256Hex } from '../../renderer/src/exports/provenance.ts';

const ARTIFACTS = path.resolve('test-artifacts', 'exports');
const SCENARIO = {
  schemaVersion: 1,
  name: '标准提高10%，样本阈值1000',
  params: { standard: { scalePct: 10 }, output: { minCell: 1000 } },
};

let demoDir: string;
let data: EngineData;
let comparison: YearComparison;
let provenance: Provenance;
let browser: Browser;

function totalRow(table: YearComparison['scenario']['national']): number {
  return Array.from(table.area).indexOf(2);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The demo as the CLI's native DuckDB imports it (the same arrays as the app's DuckDB-wasm, native-import.test.ts),
  // shared with the other demo tests of this worker; the briefing, not the import, is under test here.
  const demo = await builtDemo();
  demoDir = demo.dir;
  data = loadData('demo', demo.households, demo.regions).data;
  comparison = await HANDLERS.year(data, { scenario: SCENARIO });
  const parsed = parseScenario(SCENARIO);
  if (!parsed.ok) throw new Error('test scenario invalid');
  const files = ['households.arrow', 'regions.arrow'].map((file) => {
    const bytes = readFileSync(path.join(demoDir, file));
    return { file, bytes: bytes.byteLength, content: bytes };
  });
  provenance = await buildProvenance({
    appVersion: '0.1.0',
    engineVersion: ENGINE_VERSION,
    format: 'pdf',
    mode: 'ev',
    seed: 1,
    replications: 100,
    years: 0,
    suppressionMinCell: comparison.scenario.province.minCell,
    datasetFiles: await Promise.all(
      files.map(async (f) => ({ file: f.file, bytes: f.bytes, sha256: await sha256Hex(new Uint8Array(f.content)) })),
    ),
    synthetic: true,
    scenario: parsed.scenario,
  });
  browser = await chromium.launch(CHROMIUM);
});

afterAll(async () => {
  await browser?.close();
});

async function briefingInput(language: 'zh' | 'en'): Promise<BriefingInput> {
  const parsed = parseScenario(SCENARIO);
  if (!parsed.ok) throw new Error('invalid');
  const preset = CASE_PRESETS.find((p) => p.id === 'hunan-flood');
  if (!preset) throw new Error('preset missing');
  const made = caseRecord(preset.regionCode, preset.household, data.regions);
  if ('error' in made) throw new Error(made.error.messageEn);
  const trace = HANDLERS.trace(data, { record: made.record, scenario: SCENARIO });
  return {
    language,
    date: new Date('2026-11-29T00:00:00Z'),
    comparisons: [comparison],
    cases: [{ title: preset.title, description: preset.story, trace }],
    parameters: scenarioParameterRows(parsed.scenario),
    dataset: { name: '合成演示数据 / Synthetic demo', synthetic: true, rows: data.households.count },
    provenance,
    sections: BRIEFING_SECTIONS.filter((s) => s !== 'projection'),
  };
}

async function printPdf(html: string, name: string): Promise<string> {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const file = path.join(ARTIFACTS, name);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await page.close();
  return file;
}

describe('briefing PDF', () => {
  it('prints the Chinese briefing to A4 pages with every section, the numbers and the suppression marks', async () => {
    const html = buildBriefingHtml(await briefingInput('zh'));
    writeFileSync(path.join(ARTIFACTS, 'briefing-zh.html'), html);
    const pdf = await printPdf(html, 'briefing-zh.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const heading of [
      '一、摘要',
      '二、主要指标',
      '三、主要图表',
      '四、分省结果',
      '五、家庭案例',
      '六、相对基线的参数变化',
      '七、方法说明',
      '八、来源与可复现信息',
    ]) {
      expect(text).toContain(heading);
    }
    const r = totalRow(comparison.scenario.national);
    expect(text).toContain(formatValue(comparison.scenario.national.values['cost.total'][r], 'money', 'zh'));
    expect(text).toContain('合成演示数据，非官方统计');
    expect(text).toContain('少于 1000 户');
    const province = comparison.scenario.province;
    const hidden = Array.from(province.code.keys()).filter(
      (r) => province.area[r] === 2 && province.suppressed[r] === 1,
    );
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) {
      const line = text.split('\n').find((l) => l.trim().startsWith(province.nameZh[r]) && l.includes('[抑制]'));
      expect(line, province.nameZh[r]).toBeDefined();
      expect(line?.match(/\[抑制\]/g)).toHaveLength(5);
    }
    expect(text).toMatch(/1 ?\/ ?\d+/);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf, path.join(ARTIFACTS, 'briefing-zh-page')]);
  });

  it('prints the English briefing', async () => {
    const pdf = await printPdf(buildBriefingHtml(await briefingInput('en')), 'briefing-en.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('1. Summary');
    expect(text).toContain('billion yuan');
    expect(text).toContain('[suppressed]');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(ARTIFACTS, 'briefing-en-page')]);
  });
});

describe('exported numbers', () => {
  it('puts the engine’s numbers in the XLSX, with suppressed provinces marked', async () => {
    const bytes = await buildWorkbook({
      language: 'zh',
      tables: [
        summaryToExportTable(comparison.scenario.national, {
          id: 'n',
          title: { zh: '全国 方案', en: 'National' },
          minCell: 500,
        }),
        summaryToExportTable(comparison.scenario.province, { id: 'p', title: { zh: '分省 方案', en: 'By province' } }),
      ],
      parameters: (await briefingInput('zh')).parameters,
      provenance,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    const national = workbook.getWorksheet('全国 方案');
    const header = (national?.getRow(2).values as unknown[]).map(String);
    const costColumn = header.indexOf('总支出（亿元）');
    const r = totalRow(comparison.scenario.national);
    const cell = national?.getRow(3 + r).getCell(costColumn).value;
    expect(cell).toBeCloseTo(comparison.scenario.national.values['cost.total'][r] / 1e8, 9);
    const provinces = workbook.getWorksheet('分省 方案');
    let marked = 0;
    provinces?.eachRow((row) => row.eachCell((c) => void (c.value === '[抑制]' && (marked += 1))));
    const suppressedRows = Array.from(comparison.scenario.province.suppressed).filter((x) => x === 1).length;
    expect(suppressedRows).toBeGreaterThan(0);
    expect(marked).toBeGreaterThanOrEqual(suppressedRows);
  });

  it('re-running the scenario embedded in the export with the CLI reproduces the totals exactly', async () => {
    const html = buildBriefingHtml(await briefingInput('zh'));
    const embedded =
      /<script type="application\/json" id="safetynet-provenance">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const exported = JSON.parse(embedded.replace(/\\u003c/g, '<')) as Provenance;
    const scenarioFile = path.join(ARTIFACTS, 'exported.scenario.json');
    writeFileSync(scenarioFile, JSON.stringify(exported.scenario, null, 2));
    const run = await runCli([
      'run',
      '--data',
      demoDir,
      '--scenario',
      scenarioFile,
      '--json',
      '--quiet',
      '--min-cell',
      String(exported.suppressionMinCell),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const cli = JSON.parse(run.stdout) as { national: { scenario: Record<string, number> }[] };
    const r = totalRow(comparison.scenario.national);
    for (const metric of [
      'cost.total',
      'persons.dibao',
      'households.dibao',
      'persons.tekun',
      'cost.central',
      'entrants.persons',
    ] as const) {
      expect(cli.national[0].scenario[metric]).toBe(comparison.scenario.national.values[metric][r]);
    }
  });
});
