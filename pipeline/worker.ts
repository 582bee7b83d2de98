/**
 * A worker thread of the extraction pool (`pool.ts`): it extracts the files the pool sends, one at
 * a time, with the same `extractFile` the single-threaded batch runs, and posts each result back.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './batch.js';
import type { PoolReply, PoolTask } from './pool.js';

const port = parentPort;
if (!port) throw new Error('Unexpected start of `worker.js` on the main thread, expected a worker thread of the pool');

port.on('message', (task: PoolTask) => {
  void extractFile(task.path, task.inputFormat).then(
    (result): void => port.postMessage({ id: task.id, result } satisfies PoolReply),
    // `extractFile` reports every failure as a result; this is for a failure to even report one.
    (error: unknown): void => port.postMessage({ id: task.id, result: { path: task.path, error: error instanceof Error ? error.message : String(error), warnings: 0 } } satisfies PoolReply),
  );
});
