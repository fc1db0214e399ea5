// `npm start` / `npm run web`: makes sure dependencies, the demo dataset and the builds exist, then opens the desktop
// app in Electron; when the Electron binary or a display is missing, says so in both languages and serves the same
// renderer over http://127.0.0.1 instead. Flags: --web (browser directly), --port N, --no-build, --dist DIR.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Prints one bilingual line (Chinese first). */
function say(zh, en) {
  console.log(`${zh}\n${en}`);
}

/** Parses the command-line flags of this script. */
export function parseStartArgs(argv) {
  const options = { web: false, port: 5180, build: true, dist: path.join(repoRoot, 'dist') };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--web') options.web = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--dist') options.dist = path.resolve(argv[++i]);
    else throw new Error(`未知参数 ${arg} / unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port 需要 0 到 65535 的整数 / --port needs an integer from 0 to 65535');
  }
  return options;
}

/** Runs a command in the repository, inheriting the terminal; throws with a bilingual message if it fails. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(`命令失败：${command} ${args.join(' ')} / command failed: ${command} ${args.join(' ')}`);
  }
}

/** Newest modification time (ms) of the files under the given paths; skips node_modules and build outputs. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const info = statSync(entry);
    if (info.isDirectory()) {
      for (const child of readdirSync(entry)) {
        if (child === 'node_modules' || child === 'dist' || child === 'dist-electron') continue;
        visit(path.join(entry, child));
      }
    } else if (info.mtimeMs > newest) newest = info.mtimeMs;
  };
  paths.forEach((p) => visit(path.join(repoRoot, p)));
  return newest;
}

/** True when `output` is missing or older than any file under `inputs`. */
function isStale(output, inputs) {
  return !existsSync(output) || statSync(output).mtimeMs < newestMtime(inputs);
}

/** Installs dependencies if node_modules is missing or incomplete. */
function ensureDependencies() {
  if (existsSync(path.join(repoRoot, 'node_modules', 'vite', 'package.json'))) return;
  say('正在安装依赖（npm install）……', 'Installing dependencies (npm install)...');
  run(npm, ['install']);
}

/** Generates the bundled demo dataset through the CLI when it is not there yet, then its start-up cache if stale. */
function ensureDemoDataset() {
  const demoDir = path.join(repoRoot, 'datasets', 'demo');
  if (!existsSync(demoDir) || readdirSync(demoDir).length === 0) {
    say('正在生成演示数据集……', 'Generating the demo dataset...');
    run(process.execPath, [path.join(repoRoot, 'cli', 'bin.mjs'), 'generate', '--demo']);
  }
  run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'demo-cache.ts')]);
}

/** Builds the renderer (vite build) and the Electron main/preload bundles when their sources changed. */
function ensureBuilds(options, withElectron) {
  const rendererInputs = ['renderer', 'sim', 'datasets', 'contract', 'vite.config.ts', 'package.json'];
  if (isStale(path.join(options.dist, 'index.html'), rendererInputs)) {
    say('正在构建界面（vite build）……', 'Building the renderer (vite build)...');
    run(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
  }
  const electronInputs = [
    'electron',
    'contract',
    'sim',
    'datasets/schema.ts',
    'package.json',
    'scripts/build-electron.mjs',
  ];
  if (withElectron && isStale(path.join(repoRoot, 'dist-electron', 'main.cjs'), electronInputs)) {
    say('正在构建桌面外壳……', 'Building the desktop shell...');
    run(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs')]);
  }
}

/** Path of the Electron executable if it is installed, without triggering the download `require('electron')` does. */
export function findElectronBinary(root = repoRoot, env = process.env) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** Electron 45 has no install script: it fetches its binary on first use. Try once, unless told not to. */
function tryDownloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  const installer = path.join(repoRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  say('正在下载 Electron 可执行文件……', 'Downloading the Electron binary...');
  const result = spawnSync(process.execPath, [installer], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: 300_000,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const reason = (result.stderr ?? '').split('\n').find((line) => line.trim() !== '') ?? 'timeout';
    say(`下载失败：${reason}`, `Download failed: ${reason}`);
  }
  return findElectronBinary();
}

/** True when a graphical display is available (always on Windows and macOS). */
function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Serves the browser build and keeps running until interrupted. */
async function serveBrowserBuild(options) {
  const { serveDist } = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'serve-dist.mjs')).href);
  let server;
  try {
    server = await serveDist({ port: options.port, root: options.dist });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    say(`端口 ${options.port} 已被占用，改用随机端口。`, `Port ${options.port} is in use; using a free port instead.`);
    server = await serveDist({ port: 0, root: options.dist });
  }
  say(`工作台已在浏览器版本中运行：${server.url}`, `The workbench is running as a browser build at: ${server.url}`);
  say('在浏览器中打开上面的地址；按 Ctrl+C 停止。', 'Open the address above in a browser; press Ctrl+C to stop.');
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Entry point: prepares everything, then starts Electron or the browser fallback. */
async function main() {
  const options = parseStartArgs(process.argv.slice(2));
  ensureDependencies();
  if (options.build) {
    ensureDemoDataset();
    ensureBuilds(options, !options.web);
  }
  if (options.web) {
    await serveBrowserBuild(options);
    return;
  }
  const binary = findElectronBinary() ?? tryDownloadElectron();
  if (binary === null || !hasDisplay()) {
    if (binary === null) {
      say(
        '未找到 Electron 可执行文件（可能安装时设置了 ELECTRON_SKIP_BINARY_DOWNLOAD，或无法下载），改为提供浏览器版本。',
        'The Electron binary is not available (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or it could not be downloaded); serving the browser build instead.',
      );
    } else {
      say(
        '没有图形显示（未设置 DISPLAY/WAYLAND_DISPLAY），无法打开桌面窗口，改为提供浏览器版本。',
        'No graphical display (DISPLAY/WAYLAND_DISPLAY unset), so the desktop window cannot open; serving the browser build instead.',
      );
    }
    await serveBrowserBuild(options);
    return;
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.'], { cwd: repoRoot, stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
