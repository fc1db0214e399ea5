// Starting the CLI's engine worker threads and asking them one thing at a time (the worker pools' plumbing).
import { Worker } from 'node:worker_threads';
import type { EngineWorkerMessage } from './engine-worker.ts';

const WORKER_URL = new URL('./engine-worker.mjs', import.meta.url);

/** Starts an engine worker and resolves once it has loaded the engine. */
export function startEngineWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
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
