// Starting the CLI's engine worker threads and asking them one thing at a time (the worker pools' plumbing).
import { build } from 'esbuild';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { EngineWorkerMessage } from './engine-worker.ts';

const WORKER_SOURCE = fileURLToPath(new URL('./engine-worker.ts', import.meta.url));

let workerCode: Promise<string> | undefined;

/**
 * The worker's body as one plain JavaScript script, bundled from engine-worker.ts once per process (~0.1 s). A thread
 * then starts in ~70 ms and 0.07 CPU-s; loading the TypeScript sources through tsx in each thread took ~0.5 s and
 * 0.8 CPU-s. Bundled from the sources at hand, so it is never older than they are.
 */
function engineWorkerCode(): Promise<string> {
  workerCode ??= build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return workerCode;
}

/** Starts an engine worker and resolves once it has loaded the engine. */
export async function startEngineWorker(): Promise<Worker> {
  const code = await engineWorkerCode();
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    const onError = (error: Error): void => reject(error);
    worker.once('error', onError);
    worker.once('message', (message: unknown) => {
      worker.off('error', onError);
      if (message === 'ready') resolve(worker);
      else reject(new Error(`unexpected first message from an engine worker: ${String(message)}`));
    });
  });
}

/** Sends one message and resolves with the worker's answer (the worker answers messages in order). */
export function ask<T>(worker: Worker, message: EngineWorkerMessage): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    worker.once('error', onError);
    worker.once('message', (answer: { ok: T } | { error: string }) => {
      worker.off('error', onError);
      if ('error' in answer) reject(new Error(`engine worker: ${answer.error}`));
      else resolve(answer.ok);
    });
    worker.postMessage(message);
  });
}
