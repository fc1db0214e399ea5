// `npm test`: lint, typecheck and build side by side (independent, each mostly one core); the Vitest projects start as
// soon as the build they test exists, while lint and typecheck may still run. Each of those three steps' output is
// printed whole when it ends (Vitest's as it goes); any failure fails the run.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>` with its output captured; resolves with its exit code, output and seconds taken. */
function runScript(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      resolve({
        script,
        code: code ?? 1,
        output: Buffer.concat(chunks).toString(),
        seconds: (Date.now() - started) / 1000,
      });
    });
  });
}

/** Prints a finished step's output under a header naming it, its time and exit code. */
function report({ script, code, output, seconds }) {
  process.stdout.write(`\n── npm run ${script} (${seconds.toFixed(1)} s, exit ${code}) ──\n${output}`);
}

/** Runs Vitest with its output shown as it goes; resolves with its exit code. */
function runVitest() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run'], { stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const checks = ['lint', 'typecheck'].map((script) => runScript(script).then((step) => (report(step), step)));
const build = await runScript('build');
report(build);
const vitestCode = build.code === 0 ? await runVitest() : undefined;
const failed = [...(await Promise.all(checks)), build].filter((step) => step.code !== 0).map((step) => step.script);
if (vitestCode !== undefined && vitestCode !== 0) failed.push('vitest');
if (failed.length > 0) {
  console.error(`\n失败 / failed: ${failed.join(', ')}`);
  process.exit(1);
}
