// Output-path guard for every command that writes: an output is refused before anything is computed when it is empty,
// names an input file, is or lies inside an input file's folder, contains an input file, is not a writable place, or
// would replace a non-empty folder that is not a result bundle. Inputs are never written.
import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { usageError } from '../errors.ts';

/** The file every complete result bundle holds (written last, into the temporary folder, before the swap). */
export const BUNDLE_MARKER = 'provenance.json';

/** The real path of `p`, resolving symlinks of its longest existing ancestor (the rest appended as given). */
export async function realPathLoose(p: string): Promise<string> {
  const absolute = path.resolve(p);
  const tail: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      const real = await realpath(current);
      return tail.length === 0 ? real : path.join(real, ...tail.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      tail.push(path.basename(current));
      current = parent;
    }
  }
}

/** True when `child` is `parent` or lies inside it (both absolute, normalised). */
export function isSameOrInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The files a command reads: dataset files (their folders are protected too) and other inputs (scenario, mapping). */
export interface CommandInputs {
  /** Dataset files: nothing may be written in their folders. */
  dataset: readonly string[];
  /** Other files read (scenario, mappings): never written over or inside a replaced folder. */
  other?: readonly string[];
}

/** Why writing to `target` would touch one of the inputs, or null when it would not (paths already real). */
export function inputConflict(target: string, inputs: CommandInputs): { zh: string; en: string; input: string } | null {
  const dataset = new Set(inputs.dataset);
  for (const input of [...inputs.dataset, ...(inputs.other ?? [])]) {
    const folder = path.dirname(input);
    if (target === input) {
      return { input, zh: `输出路径就是输入文件 ${input}`, en: `the output path is the input file ${input}` };
    }
    if (dataset.has(input) && isSameOrInside(target, folder)) {
      return {
        input,
        zh: `输出路径 ${target} 位于输入文件 ${input} 所在的文件夹中`,
        en: `the output path ${target} is inside the folder of the input file ${input}`,
      };
    }
    if (isSameOrInside(input, target)) {
      return {
        input,
        zh: `输出文件夹 ${target} 包含输入文件 ${input}，替换它会删除输入`,
        en: `the output folder ${target} contains the input file ${input}; replacing it would delete the input`,
      };
    }
  }
  return null;
}

/** What kind of output a command writes: a folder replaced as a whole, or one file. */
export type OutputKind = 'folder' | 'file';

/**
 * Checks an output path before any computation and returns it resolved (against `cwd`). Refuses (exit 2, bilingual,
 * naming the path and option): an empty value; an output equal to, inside the folder of, or containing an input file;
 * an existing file where a folder is wanted (or a folder where a file is wanted); a folder that is neither empty nor a
 * previous result bundle (`replaceable`: its files would be lost); a place whose nearest existing folder is not
 * writable.
 */
export async function checkOutputPath(
  option: string,
  value: string,
  cwd: string,
  inputs: CommandInputs,
  kind: OutputKind,
  replaceable: (dir: string, names: readonly string[]) => boolean = isResultBundle,
): Promise<string> {
  if (value.trim() === '') {
    throw usageError(
      `--${option} 不能为空：请给出输出${kind === 'folder' ? '文件夹' : '文件'}`,
      `--${option} must not be empty: give an output ${kind}`,
    );
  }
  const target = await realPathLoose(path.resolve(cwd, value));
  const realInputs: CommandInputs = {
    dataset: await Promise.all(inputs.dataset.map((i) => realPathLoose(i))),
    other: await Promise.all((inputs.other ?? []).map((i) => realPathLoose(i))),
  };
  const conflict = inputConflict(target, realInputs);
  if (conflict !== null) {
    throw usageError(
      `拒绝写入 --${option} ${target}：${conflict.zh}；输入文件绝不被覆盖，请换一个输出位置`,
      `refusing to write --${option} ${target}: ${conflict.en}; inputs are never written, choose another output place`,
    );
  }
  let existing: Awaited<ReturnType<typeof stat>> | undefined;
  try {
    existing = await stat(target);
  } catch {
    existing = undefined;
  }
  if (existing !== undefined) {
    if (kind === 'folder' && !existing.isDirectory()) {
      throw usageError(`--${option} ${target} 是一个文件，不是文件夹`, `--${option} ${target} is a file, not a folder`);
    }
    if (kind === 'file' && existing.isDirectory()) {
      throw usageError(`--${option} ${target} 是一个文件夹，不是文件`, `--${option} ${target} is a folder, not a file`);
    }
    if (kind === 'folder') {
      const names = await readdir(target);
      if (names.length > 0 && !replaceable(target, names)) {
        throw usageError(
          `--${option} ${target} 已有其他文件（不是结果文件夹）：写入会替换整个文件夹，请换一个空文件夹或新路径`,
          `--${option} ${target} holds other files (it is not a result folder): writing replaces the whole folder; choose an empty or new folder`,
        );
      }
    }
  }
  await assertWritableAncestor(option, path.dirname(target));
  return target;
}

/** A folder written by {@link writeResultBundle}: provenance.json, results.json and tables (.arrow, .csv) only. */
export function isResultBundle(_dir: string, names: readonly string[]): boolean {
  return (
    names.includes(BUNDLE_MARKER) &&
    names.every((n) => n === BUNDLE_MARKER || n === 'results.json' || /\.(arrow|csv)$/.test(n))
  );
}

/** The nearest existing ancestor of `dir` must be a writable folder, or the run would fail after computing. */
async function assertWritableAncestor(option: string, dir: string): Promise<void> {
  let current = dir;
  for (;;) {
    try {
      const info = await stat(current);
      if (!info.isDirectory()) {
        throw usageError(
          `--${option} 无法创建：${current} 是一个文件`,
          `--${option} cannot be created: ${current} is a file`,
        );
      }
      break;
    } catch (error) {
      if (error instanceof Error && error.name === 'CliError') throw error;
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  try {
    await access(current, constants.W_OK);
  } catch {
    throw usageError(
      `--${option} 无法写入：文件夹 ${current} 只读或没有写权限`,
      `--${option} cannot be written: the folder ${current} is read-only or not writable`,
    );
  }
}
