// Provenance of every export: what produced these numbers (versions, dataset hashes, scenario, seed and mode,
// suppression threshold, time), built on the shared record of datasets/provenance.ts; the scenario JSON inside it
// re-runs with `npx safetynet run` to the same totals.
import type { Text } from './text.ts';
import { canonicalJson, sha256Hex } from '../../../datasets/index.ts';
import type { FileHash, Provenance } from '../../../datasets/index.ts';
import { bi, inLanguage } from '../i18n/i18n.ts';

export { canonicalJson, sha256Hex };
export type { FileHash, Provenance };

/** The export formats the workbench writes. */
export type ExportFormat = 'html' | 'pdf' | 'xlsx' | 'csv' | 'arrow' | 'parquet' | 'png' | 'svg' | 'scenario-json';

/** What the caller knows when it asks for provenance. */
export interface ProvenanceInput {
  appVersion: string;
  engineVersion: string;
  format: ExportFormat;
  mode: 'ev' | 'mc';
  seed: number;
  replications: number;
  years: number;
  suppressionMinCell: number;
  datasetFiles: readonly FileHash[];
  synthetic: boolean;
  scenario: unknown;
  /** Defaults to now; pass a fixed date for reproducible files in tests. */
  now?: Date;
}

/** Builds the provenance record of an export. */
export async function buildProvenance(input: ProvenanceInput): Promise<Provenance> {
  return {
    tool: 'safetynet',
    appVersion: input.appVersion,
    engineVersion: input.engineVersion,
    command: `export:${input.format}`,
    mode: input.mode,
    seed: input.seed,
    replications: input.replications,
    years: input.years,
    suppressionMinCell: input.suppressionMinCell,
    datasetFiles: input.datasetFiles.map((file) => ({ ...file })),
    synthetic: input.synthetic,
    scenario: input.scenario,
    scenarioSha256: await sha256Hex(canonicalJson(input.scenario)),
    outputs: [],
    timestamp: (input.now ?? new Date()).toISOString(),
  };
}

/** One labelled line of a provenance block (briefing, XLSX sheet, CSV notes). */
export interface ProvenanceLine {
  label: Text;
  value: string;
}

const MODE_LABEL: Record<Provenance['mode'], Text> = {
  ev: { zh: '期望值（确定性）', en: 'expected value (deterministic)' },
  mc: { zh: '蒙特卡洛', en: 'Monte Carlo' },
};

/** The provenance as labelled lines, scenario JSON last (readers copy it to re-run). */
export function provenanceLines(provenance: Provenance, language: 'zh' | 'en'): ProvenanceLine[] {
  const lines: ProvenanceLine[] = [
    { label: { zh: '生成时间', en: 'Generated at' }, value: provenance.timestamp },
    { label: { zh: '应用版本', en: 'App version' }, value: provenance.appVersion },
    { label: { zh: '引擎版本', en: 'Engine version' }, value: provenance.engineVersion },
    { label: { zh: '导出方式', en: 'Written by' }, value: provenance.command },
    { label: { zh: '计算模式', en: 'Mode' }, value: MODE_LABEL[provenance.mode][language] },
    { label: { zh: '随机种子', en: 'Random seed' }, value: String(provenance.seed) },
    { label: { zh: '重复次数', en: 'Replications' }, value: String(provenance.replications) },
    { label: { zh: '预测年数', en: 'Projection years' }, value: String(provenance.years) },
    {
      label: { zh: '抑制阈值（样本户）', en: 'Suppression threshold (sample households)' },
      value: String(provenance.suppressionMinCell),
    },
    {
      label: { zh: '数据性质', en: 'Data' },
      value: provenance.synthetic
        ? inLanguage(bi('合成演示数据，非官方统计', 'synthetic demo data, not official statistics'), language)
        : inLanguage(bi('用户数据', 'user data'), language),
    },
  ];
  for (const file of provenance.datasetFiles) {
    lines.push({
      label: { zh: `数据文件 ${file.file}（SHA-256）`, en: `Dataset file ${file.file} (SHA-256)` },
      value: `${file.sha256} · ${file.bytes} B`,
    });
  }
  lines.push({ label: { zh: '方案 SHA-256', en: 'Scenario SHA-256' }, value: provenance.scenarioSha256 });
  lines.push({ label: { zh: '方案 JSON', en: 'Scenario JSON' }, value: canonicalJson(provenance.scenario) });
  return lines;
}
