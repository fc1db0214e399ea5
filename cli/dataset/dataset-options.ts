// The dataset options shared by run, solve, household and validate: --data, --households, --regions, --mapping.
import type { OptionSpec, ParsedArgs } from '../args.ts';
import { stringOption } from '../args.ts';
import { usageError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import type { DatasetFiles } from './load-dataset.ts';
import { resolveDatasetFiles } from './load-dataset.ts';

/** parseArgs definitions of the dataset options. */
export const DATASET_OPTIONS: OptionSpec = {
  data: { type: 'string', short: 'd' },
  households: { type: 'string' },
  regions: { type: 'string' },
  mapping: { type: 'string', multiple: true },
};

/** Help lines for the dataset options. */
export const DATASET_HELP = `  -d, --data DIR         数据集文件夹（含 households.* 与 regions.*；.arrow/.parquet/.csv）
                         dataset folder holding households.* and regions.* (.arrow, .parquet or .csv)
      --households FILE  住户文件（代替 --data）/ households file (instead of --data)
      --regions FILE     地区文件（代替 --data）/ regions file (instead of --data)
      --mapping FILE     已保存的列映射 JSON，可重复 / saved column mapping JSON, repeatable`;

/**
 * The dataset folder: --data or the first positional, not both (a second path, such as a scenario file typed where
 * the folder goes, would otherwise be ignored without a word).
 */
export function datasetDirFromArgs(args: ParsedArgs): string | undefined {
  const data = stringOption(args, 'data');
  const positional = args.positionals[0];
  if (data !== undefined && positional !== undefined) {
    throw usageError(
      `数据集文件夹给了两次：--data ${data} 和 ${positional}；只给一个（情景文件用 --scenario）`,
      `the dataset folder is given twice: --data ${data} and ${positional}; give one (a scenario file goes with --scenario)`,
    );
  }
  return data ?? positional;
}

/** Resolves the dataset files from the parsed options (the first positional counts as --data). */
export async function datasetFilesFromArgs(io: CliIo, args: ParsedArgs): Promise<DatasetFiles> {
  return resolveDatasetFiles(
    io.cwd,
    datasetDirFromArgs(args),
    stringOption(args, 'households'),
    stringOption(args, 'regions'),
  );
}

/** The --mapping files given (possibly none). */
export function mappingFiles(args: ParsedArgs): string[] {
  const value = args.values.mapping;
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}
