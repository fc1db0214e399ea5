// `safetynet validate-model`: the model validation report on a dataset (levels against admin targets, survey income
// against NBS, responses to standard changes), on screen, as JSON, or as MODEL-VALIDATION.md (--markdown).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelValidationMarkdown, modelValidationReport } from '../../datasets/index.ts';
import type { ModelValidationReport } from '../../datasets/index.ts';
import { flag, limitPositionals, parseCommandArgs, stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { DATASET_HELP, DATASET_OPTIONS, datasetDirFromArgs, mappingFiles } from '../dataset/dataset-options.ts';
import { loadDataset, readMappings, resolveDatasetFiles } from '../dataset/load-dataset.ts';
import { openNativeDatabase } from '../duckdb/native-port.ts';
import type { CliIo } from '../io.ts';
import { println } from '../io.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;
const mark = (ok: boolean): string => (ok ? '' : ' ✗');

/** The report as terminal lines (Chinese then English labels, 万人 / 亿元 / yuan). */
function screenLines(report: ModelValidationReport): string[] {
  const lines = ['水平对照行政数据 / Levels against admin targets'];
  for (const r of report.levels) {
    lines.push(
      `  ${r.label.zh} ${r.label.en}: ${(r.simulated / r.scale).toFixed(1)} / ${(r.target / r.scale).toFixed(1)} ${r.unit} (${pct(r.differencePct)}, ±${r.tolerancePct}%)${mark(r.withinTolerance)}`,
    );
  }
  lines.push('调查收入对照国家统计局（元/人/年）/ Survey income against NBS (yuan/person/year)');
  for (const r of report.income) {
    lines.push(
      `  ${r.label.zh} ${r.label.en}: ${Math.round(r.simulated)} / ${Math.round(r.reference)} (${pct(r.differencePct)})${mark(r.withinTolerance)}`,
    );
  }
  lines.push('对统一调整标准的弹性 / Elasticities to a uniform standard change');
  for (const r of report.responses) {
    const cells = r.cells
      .map((c) => `${c.changePct > 0 ? '+' : ''}${c.changePct}%: ${c.elasticity.toFixed(2)}${mark(c.plausible)}`)
      .join(', ');
    lines.push(`  ${r.label.zh} ${r.label.en}: ${cells} (合理范围 plausible ${r.range[0]}–${r.range[1]})`);
  }
  lines.push(
    `按调查收入的漏保率 / exclusion error (survey income): ${(report.targeting.exclusionRate * 100).toFixed(1)}%; 错保率 / inclusion error: ${(report.targeting.inclusionRate * 100).toFixed(1)}%`,
  );
  return lines;
}

async function runValidateModel(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('validate-model', argv, {
    ...DATASET_OPTIONS,
    markdown: { type: 'boolean' },
    'markdown-file': { type: 'string' },
    json: { type: 'boolean' },
  });
  limitPositionals('validate-model', args, 1);
  const given = stringOption(args, 'households') === undefined;
  const dir = datasetDirFromArgs(args) ?? (given ? path.join(REPO_ROOT, 'datasets', 'demo') : undefined);
  const files = await resolveDatasetFiles(io.cwd, dir, stringOption(args, 'households'), stringOption(args, 'regions'));
  const mappings = await readMappings(io.cwd, mappingFiles(args));
  const duck = await openNativeDatabase();
  let dataset;
  try {
    dataset = await loadDataset(duck, files, mappings);
  } finally {
    duck.close();
  }
  const report = modelValidationReport(dataset.households, dataset.regions);
  const synthetic = dataset.metadata.synthetic === 'true';
  const label = `${path.relative(REPO_ROOT, path.resolve(io.cwd, files.households)).split(path.sep).join('/')}, ${dataset.households.count.toLocaleString('en-US')} sample households${synthetic ? ' (synthetic demo / 合成演示数据)' : ''}`;
  if (flag(args, 'json')) println(io, JSON.stringify(report, null, 2));
  else for (const line of screenLines(report)) println(io, line);
  const markdownFile = stringOption(args, 'markdown-file');
  if (flag(args, 'markdown') || markdownFile !== undefined) {
    const target = path.resolve(io.cwd, markdownFile ?? path.join(REPO_ROOT, 'MODEL-VALIDATION.md'));
    await writeFile(target, modelValidationMarkdown(report, label));
    println(io, `已写入 / written: ${target}`);
  }
  return 0;
}

/** The `validate-model` command. */
export const validateModelCommand: Command = {
  name: 'validate-model',
  summaryZh: '模型验证报告',
  summaryEn: 'model validation report',
  help: `safetynet validate-model — 模型验证报告 / model validation report

用法 / Usage:
  safetynet validate-model [DIR] [--markdown] [--json]

报告三部分：基线水平对照行政数据（校准表）；调查收入五等分组均值与中位数对照国家统计局（2023 年数据按
2023→2024 均值增速上调）；低保、边缘、刚性支出、监测人数与总支出对统一调整标准 −10%/+5%/+10%/+20% 的弹性，
各附合理范围与理由。DIR 缺省为演示数据 datasets/demo。
Three parts: baseline levels against admin targets (the calibration table); survey-income quintile means and medians
against NBS (2023 figures uprated by the 2023→2024 mean growth); elasticities of dibao, marginal, rigid, monitored
persons and total cost to uniform standard changes of −10/+5/+10/+20%, each beside a plausible range and its
reasoning. DIR defaults to the demo, datasets/demo.

选项 / Options:
${DATASET_HELP}
      --markdown         写入仓库根目录的 MODEL-VALIDATION.md / write MODEL-VALIDATION.md at the repository root
      --markdown-file F  写入指定文件 / write the Markdown report to F
      --json             输出 JSON 报告 / print the report as JSON
  -h, --help             显示帮助 / show this help`,
  run: runValidateModel,
};
