// `safetynet validate`: loads a dataset with the app's import and validation and prints the validation report.
import { flag, limitPositionals, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { DATASET_HELP, DATASET_OPTIONS, datasetFilesFromArgs, mappingFiles } from '../dataset/dataset-options.ts';
import { formatIssue, readMappings, validateFiles } from '../dataset/load-dataset.ts';
import { openNativeDatabase } from '../duckdb/native-port.ts';
import { EXIT_DATA } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { println } from '../io.ts';

async function runValidate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('validate', argv, { ...DATASET_OPTIONS, json: { type: 'boolean' } });
  limitPositionals('validate', args, 1);
  const files = await datasetFilesFromArgs(io, args);
  const mappings = await readMappings(io.cwd, mappingFiles(args));
  const duck = await openNativeDatabase();
  try {
    const { report, metadata } = await validateFiles(duck, files, mappings);
    const errors = report.issues.filter((i) => i.severity === 'error').length;
    const warnings = report.issues.length - errors;
    if (flag(args, 'json')) {
      println(
        io,
        JSON.stringify(
          { files, ok: report.ok, rows: report.rows, errors, warnings, issues: report.issues, metadata },
          null,
          2,
        ),
      );
    } else {
      println(io, `住户 households: ${files.households} (${report.rows.households} 行 rows)`);
      println(io, `地区 regions:    ${files.regions} (${report.rows.regions} 行 rows)`);
      if (metadata.synthetic === 'true')
        println(io, '合成数据，不是官方统计 / synthetic data, not official statistics');
      for (const issue of report.issues) println(io, formatIssue(issue));
      println(
        io,
        report.ok
          ? `通过：${errors} 个错误，${warnings} 个警告 / Passed: ${errors} errors, ${warnings} warnings`
          : `未通过：${errors} 个错误，${warnings} 个警告 / Failed: ${errors} errors, ${warnings} warnings`,
      );
    }
    return report.ok ? 0 : EXIT_DATA;
  } finally {
    duck.close();
  }
}

/** The `validate` command. */
export const validateCommand: Command = {
  name: 'validate',
  summaryZh: '校验数据集',
  summaryEn: 'validate a dataset',
  help: `safetynet validate — 校验数据集并输出报告 / validate a dataset and print the report

用法 / Usage:
  safetynet validate DIR
  safetynet validate --households FILE --regions FILE [--mapping FILE]...

选项 / Options:
${DATASET_HELP}
      --json             机器可读的完整报告 / full machine-readable report
  -h, --help             显示帮助 / show this help

退出码：0 通过（可能有警告），1 有错误或文件无法读取，2 参数错误。
Exit codes: 0 passed (warnings allowed), 1 errors or unreadable files, 2 bad arguments.`,
  run: runValidate,
};
