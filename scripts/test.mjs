// `npm test`: lint, typecheck and build side by side (they are independent and each uses one core), then the Vitest
// projects once the build they test exists. Each step's output is printed whole when it ends; any failure fails the run.
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

const steps = await Promise.all(['lint', 'typecheck', 'build'].map(runScript));
for (const { script, code, output, seconds } of steps) {
  process.stdout.write(`\n── npm run ${script} (${seconds.toFixed(1)} s, exit ${code}) ──\n${output}`);
}
const failed = steps.filter((step) => step.code !== 0).map((step) => step.script);
if (failed.length > 0) {
  console.error(`\n失败 / failed: ${failed.join(', ')}`);
  process.exit(1);
}

const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run'], { stdio: 'inherit' });
vitest.on('close', (code) => process.exit(code ?? 1));
