/**
 * A worker thread of the extraction pool (`pool.ts`): it extracts the files the pool sends, one at
 * a time in the order they came, with the same `extractFile` the single-threaded batch runs, renders
 * the outputs the pool asked for, and posts each result back.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile, type FileResult } from './batch.js';
import type { PoolReply, PoolTask } from './pool.js';

const port = parentPort;
if (!port) throw new Error('Unexpected start of `worker.js` on the main thread, expected a worker thread of the pool');

/**
 * A failure as a sentence.
 *
 * @param error What was thrown.
 * @returns Its message.
 */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Extract one task and post its result; never rejects, so that the next task always runs.
 *
 * @param task The task.
 * @param to Where results go.
 */
async function run(task: PoolTask, to: NonNullable<typeof port>): Promise<void> {
  let result: FileResult;
  try {
    result = await extractFile(task.path, task.inputFormat, task.render);
  } catch (error) {
    // `extractFile` reports every failure as a result; this is for a failure to even report one.
    result = { path: task.path, error: reason(error), warnings: 0 };
  }
  try {
    to.postMessage({ id: task.id, result } satisfies PoolReply);
  } catch (error) {
    to.postMessage({ id: task.id, result: { path: task.path, error: `Cannot send the result: ${reason(error)}`, warnings: 0 } } satisfies PoolReply);
  }
}

// Tasks are chained: the pool posts the next one while this one runs, and each waits its turn.
let tail: Promise<void> = Promise.resolve();

port.on('message', (task: PoolTask) => {
  tail = tail.then(() => run(task, port));
});
