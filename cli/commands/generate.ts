// `safetynet generate`: writes synthetic household and region data as Arrow files; `--demo` (re)writes the bundled
// demo dataset in datasets/demo/ only when it is missing or stale (the generator's sources or settings changed).
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  MAX_DEMO_PREFECTURES,
  DEMO_HOUSEHOLDS,
  DEMO_SEED,
  MAX_GENERATED_HOUSEHOLDS,
  generateDemo,
  minimumHouseholds,
  demoToArrow,
  tableBytes,
} from '../../datasets/index.ts';
import type { DemoKnobs } from '../../datasets/index.ts';
import { ArrowFileSink } from '../output/arrow-file-sink.ts';
import { flag, intOption, limitPositionals, parseCommandArgs, stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { usageError } from '../errors.ts';
import { writeFailure } from '../output/write-results.ts';
import type { CliIo } from '../io.ts';
import { eprintln, println } from '../io.ts';
import { sha256Hex } from '../provenance.ts';
import { checkOutputPath } from '../output/out-path.ts';

/** Size and seed of the bundled demo dataset: the data layer's calibrated defaults. */
export { DEMO_HOUSEHOLDS, DEMO_SEED };

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where `--demo` writes. */
export const DEMO_DIR = path.join(REPO_ROOT, 'datasets', 'demo');
/** File names of a generated dataset. */
export const DATASET_FILES = { households: 'households.arrow', regions: 'regions.arrow', manifest: 'manifest.json' };

const manifestSchema = z.object({
  synthetic: z.literal(true),
  households: z.number(),
  seed: z.number(),
  /** Synthetic prefectures per province (absent: 0, province rows only). */
  prefectures: z.number().optional(),
  generatorSha256: z.string(),
  files: z.record(z.string(), z.string()),
  /** Above MAX_GENERATED_HOUSEHOLDS: the households of each calibrated tile (see writeTiledDataset). */
  tiles: z.array(z.number()).optional(),
});

/** What manifest.json records, used to decide whether the demo is stale. */
export type GenerateManifest = z.infer<typeof manifestSchema>;

/** SHA-256 over the generator's sources and reference data: changes when the generator would give other output. */
export async function generatorFingerprint(): Promise<string> {
  // The generator takes current programmes from the engine's rules and defaults, so those sources count too.
  const dirs = [
    path.join(REPO_ROOT, 'datasets', 'generate'),
    path.join(REPO_ROOT, 'datasets', 'reference'),
    ...['kernel', 'params', 'rules', 'scenario'].map((d) => path.join(REPO_ROOT, 'sim', d)),
  ];
  const parts: string[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter((n) => !n.endsWith('.test.ts') && /\.(ts|csv)$/.test(n)).sort();
    for (const name of names) parts.push(`${name}\n${sha256Hex(await readFile(path.join(dir, name)))}`);
  }
  return sha256Hex(parts.join('\n'));
}

/**
 * Generates `households` sample households from `seed` (over `prefectures` synthetic prefectures per province, or
 * provinces) into `outDir`; returns the manifest written.
 */
export async function writeGeneratedDataset(
  outDir: string,
  households: number,
  seed: number,
  prefectures = 0,
  onTile?: (done: number, tiles: number) => void,
): Promise<GenerateManifest> {
  if (households > MAX_GENERATED_HOUSEHOLDS) {
    return writeTiledDataset(outDir, households, seed, prefectures, onTile, TILE_HOUSEHOLDS);
  }
  const data = generateDemo(households, seed, { prefectures });
  const arrow = demoToArrow(data);
  const files: Record<string, Uint8Array> = {
    [DATASET_FILES.households]: tableBytes(arrow.households, 'file'),
    [DATASET_FILES.regions]: tableBytes(arrow.regions, 'file'),
  };
  await mkdir(outDir, { recursive: true });
  const hashes: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    const target = path.join(outDir, name);
    await writeFile(`${target}.tmp`, bytes);
    await rename(`${target}.tmp`, target);
    hashes[name] = sha256Hex(bytes);
  }
  return writeManifest(outDir, { households, seed, prefectures, files: hashes });
}

/** Writes the manifest of a generated dataset (synthetic, its size, seed, generator fingerprint and file hashes). */
async function writeManifest(
  outDir: string,
  fields: { households: number; seed: number; prefectures: number; files: Record<string, string>; tiles?: number[] },
): Promise<GenerateManifest> {
  const { households, seed, prefectures, files, tiles } = fields;
  const manifest: GenerateManifest = {
    synthetic: true,
    households,
    seed,
    ...(prefectures > 0 ? { prefectures } : {}),
    generatorSha256: await generatorFingerprint(),
    files,
    ...(tiles !== undefined ? { tiles } : {}),
  };
  await writeFile(path.join(outDir, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Most households `generate` writes: household_id is a 32-bit integer column. */
export const MAX_STREAMED_HOUSEHOLDS = 2_147_483_647;

/**
 * Households per tile above MAX_GENERATED_HOUSEHOLDS: the size of the benchmark's calibrated sample; the knobs are
 * solved once on the first tile, whose cost (ten draws and baselines) grows with its size.
 */
export const TILE_HOUSEHOLDS = 1_000_000;

/** The seed of tile `t` of a tiled dataset (tile 0 keeps the seed itself). */
export function tileSeed(seed: number, t: number): number {
  return t === 0 ? seed >>> 0 : (seed + Math.imul(t, 0x9e3779b9)) >>> 0;
}

/** Households per tile: `households` split into the fewest tiles of at most `most`, sizes within one. */
export function tileSizes(households: number, most = MAX_GENERATED_HOUSEHOLDS): number[] {
  const tiles = Math.ceil(households / most);
  const base = Math.floor(households / tiles);
  return Array.from({ length: tiles }, (_, t) => base + (t < households % tiles ? 1 : 0));
}

/**
 * A dataset larger than one generator run holds in memory, streamed to disk tile by tile: each tile is a generator run
 * of its own seed (see tileSeed) with the knobs the first tile solved (tiles are the same size to within one household,
 * so the same allocation; solving again per tile would cost ten times as much for a sampling-noise difference), whose
 * weights are scaled by its share of the rows, so the tiles together stand for the population once; household ids run
 * on across tiles. Only one tile is in memory at a time.
 */
export async function writeTiledDataset(
  outDir: string,
  households: number,
  seed: number,
  prefectures: number,
  onTile?: (done: number, tiles: number) => void,
  tileHouseholds = MAX_GENERATED_HOUSEHOLDS,
): Promise<GenerateManifest> {
  const sizes = tileSizes(households, tileHouseholds);
  await mkdir(outDir, { recursive: true });
  const hashes: Record<string, string> = {};
  let sink: ArrowFileSink | undefined;
  let offset = 0;
  let knobs: DemoKnobs | undefined;
  try {
    for (const [t, size] of sizes.entries()) {
      const data = generateDemo(size, tileSeed(seed, t), {
        prefectures,
        ...(knobs ? { knobs } : { onKnobs: (solved: DemoKnobs) => (knobs = solved) }),
      });
      const h = data.households;
      for (let i = 0; i < h.count; i++) {
        h.household_id[i] += offset;
        h.weight[i] *= size / households;
      }
      offset += size;
      const arrow = demoToArrow({ ...data, seed });
      if (t === 0) {
        const regionBytes = tableBytes(arrow.regions, 'file');
        const target = path.join(outDir, DATASET_FILES.regions);
        await writeFile(`${target}.tmp`, regionBytes);
        await rename(`${target}.tmp`, target);
        hashes[DATASET_FILES.regions] = sha256Hex(regionBytes);
        sink = new ArrowFileSink(path.join(outDir, DATASET_FILES.households), arrow.households.schema);
      }
      for (const batch of arrow.households.batches) sink?.write(batch);
      onTile?.(t + 1, sizes.length);
    }
    const written = sink?.finish();
    sink = undefined;
    if (written) hashes[DATASET_FILES.households] = written.sha256;
  } finally {
    sink?.abort();
  }
  return writeManifest(outDir, { households, seed, prefectures, files: hashes, tiles: sizes });
}

/** Why the dataset in `dir` is not up to date, or null when it is (files present, hashes and generator match). */
export async function demoStaleReason(dir: string, households: number, seed: number): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, DATASET_FILES.manifest), 'utf8');
  } catch {
    return '缺少清单 / no manifest';
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return '清单无法解析 / unreadable manifest';
  }
  const checked = manifestSchema.safeParse(parsed);
  if (!checked.success) return '清单格式不对 / malformed manifest';
  const manifest = checked.data;
  if (manifest.households !== households || manifest.seed !== seed || (manifest.prefectures ?? 0) !== 0) {
    return '规模、种子或地区层级不同 / size, seed or region level differ';
  }
  if (manifest.generatorSha256 !== (await generatorFingerprint())) return '生成器已更新 / generator changed';
  for (const [name, hash] of Object.entries(manifest.files)) {
    try {
      if (sha256Hex(await readFile(path.join(dir, name))) !== hash) return `${name} 已被修改 / ${name} was modified`;
    } catch {
      return `缺少 ${name} / ${name} missing`;
    }
  }
  if (manifest.files[DATASET_FILES.households] === undefined) return '清单不完整 / incomplete manifest';
  return null;
}

/** A folder `generate` may write into: empty, or holding only a dataset it generated before (manifest.json). */
function isGeneratedDataset(_dir: string, names: readonly string[]): boolean {
  const own = new Set<string>(Object.values(DATASET_FILES));
  return names.includes(DATASET_FILES.manifest) && names.every((n) => own.has(n) || n.endsWith('.tmp'));
}

async function runGenerate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('generate', argv, {
    households: { type: 'string', short: 'n' },
    seed: { type: 'string' },
    out: { type: 'string', short: 'o' },
    prefectures: { type: 'string' },
    demo: { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  limitPositionals('generate', args, 0);
  const demo = flag(args, 'demo');
  const households = intOption(args, 'households', DEMO_HOUSEHOLDS, 1000, Number.MAX_SAFE_INTEGER);
  if (households > MAX_STREAMED_HOUSEHOLDS) {
    throw usageError(
      `--households 至多 ${MAX_STREAMED_HOUSEHOLDS.toLocaleString()}：household_id 列是 32 位整数`,
      `--households can be at most ${MAX_STREAMED_HOUSEHOLDS.toLocaleString()}: the household_id column is a 32-bit integer`,
    );
  }
  const seed = intOption(args, 'seed', DEMO_SEED, 0, 0xffffffff);
  const prefectures = intOption(args, 'prefectures', 0, 0, MAX_DEMO_PREFECTURES);
  if (demo && prefectures > 0) {
    throw usageError(
      '演示数据集只有省级地区，不能与 --prefectures 同用',
      'the demo dataset is province-level: --prefectures cannot be used with --demo',
    );
  }
  const minimum = minimumHouseholds(prefectures);
  if (households < minimum) {
    throw usageError(
      `每省 ${prefectures} 个地市时至少需要 ${minimum} 户样本`,
      `with ${prefectures} prefectures per province at least ${minimum} sample households are needed`,
    );
  }
  const outOption = stringOption(args, 'out');
  if (!demo && outOption === undefined) {
    throw usageError('请用 --out 指定输出文件夹，或使用 --demo', 'give an output folder with --out, or use --demo');
  }
  const outDir =
    outOption === undefined
      ? DEMO_DIR
      : await checkOutputPath('out', outOption, io.cwd, { dataset: [] }, 'folder', isGeneratedDataset);
  if (demo && !flag(args, 'force')) {
    const reason = await demoStaleReason(outDir, households, seed);
    if (reason === null) {
      const message = `演示数据已是最新：${outDir} / demo dataset is up to date: ${outDir}`;
      if (flag(args, 'json')) println(io, JSON.stringify({ generated: false, dir: outDir }));
      else println(io, message);
      return 0;
    }
    eprintln(io, `正在生成演示数据（${reason}）/ generating the demo dataset (${reason})`);
  }
  const started = Date.now();
  let manifest: GenerateManifest;
  try {
    manifest = await writeGeneratedDataset(outDir, households, seed, prefectures, (done, tiles) => {
      if (!flag(args, 'json')) eprintln(io, `已生成 ${done}/${tiles} 块 / generated tile ${done} of ${tiles}`);
    });
  } catch (error) {
    throw writeFailure(outDir, error);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (flag(args, 'json')) {
    println(io, JSON.stringify({ generated: true, dir: outDir, ...manifest }));
  } else {
    const levelZh = prefectures > 0 ? `，每省 ${prefectures} 个合成地市` : '';
    const levelEn = prefectures > 0 ? `, ${prefectures} synthetic prefectures per province` : '';
    println(io, `已生成 ${households} 户合成数据（种子 ${seed}${levelZh}），用时 ${seconds} 秒：${outDir}`);
    println(io, `Generated ${households} synthetic households (seed ${seed}${levelEn}) in ${seconds} s: ${outDir}`);
    println(io, '注意：合成数据，不是官方统计。/ Note: synthetic data, not official statistics.');
  }
  return 0;
}

/** The `generate` command. */
export const generateCommand: Command = {
  name: 'generate',
  summaryZh: '生成合成数据',
  summaryEn: 'generate synthetic data',
  help: `safetynet generate — 生成合成住户和地区数据（Arrow 文件）/ generate synthetic household and region data (Arrow files)

用法 / Usage:
  safetynet generate --out DIR [--households N] [--seed S] [--prefectures K]
  safetynet generate --demo [--force]

选项 / Options:
  -o, --out DIR          输出文件夹 / output folder (households.arrow, regions.arrow, manifest.json)
  -n, --households N     样本户数，默认 ${DEMO_HOUSEHOLDS} / sample households, default ${DEMO_HOUSEHOLDS}
      --seed S           随机种子（0–4294967295），默认 ${DEMO_SEED} / random seed, default ${DEMO_SEED}
      --prefectures K    每省 K 个合成地市（4 位代码，0–9，默认 0 = 仅省级）/ K synthetic prefectures per province
                         (4-digit codes, 0–9, default 0 = provinces only)
      --demo             写入演示数据集 datasets/demo/（仅在缺失或过期时）/ write the demo dataset to datasets/demo/
                         (only when missing or stale)
      --force            即使是最新也重新生成 / regenerate even when up to date
      --json             机器可读输出 / machine-readable output
  -h, --help             显示帮助 / show this help

超过 ${MAX_GENERATED_HOUSEHOLDS.toLocaleString()} 户时按每块 ${TILE_HOUSEHOLDS.toLocaleString()} 户分块生成并逐块写盘：每块用各自的种子、沿用第一块校准的参数，权重按
块所占行数缩放；内存只存一块。/ Above ${MAX_GENERATED_HOUSEHOLDS.toLocaleString()} households the data is generated and written
in tiles of ${TILE_HOUSEHOLDS.toLocaleString()}: each tile is a run of its own seed with the knobs calibrated on the first, weights scaled by its share of
the rows; one tile is in memory at a time.
相同的户数和种子总是生成逐字节相同的文件。/ The same size and seed always give byte-identical files.`,
  run: runGenerate,
};
