/**
 * Extract documents in parallel on worker threads (`worker.ts`), each running the same `extractFile`
 * as the single-threaded batch. Callers keep document order by awaiting the promises in the order
 * they submitted them; `extractInOrder` does that with a bounded look-ahead.
 *
 * With one job there are no workers at all: files are extracted on the calling thread, one after
 * another, so a small batch pays no start-up cost.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractFile, type FileResult } from './batch.js';

/** Input form to assume for a file. */
export type InputFormat = 'markdown' | 'text';

/** What the pool sends a worker: one file to extract. */
export interface PoolTask {
  /** Sequence number, echoed in the reply. */
  id: number;
  /** The file. */
  path: string;
  /** Input form to assume, if any. */
  inputFormat?: InputFormat | undefined;
}

/** What a worker sends back: the result of one task. */
export interface PoolReply {
  /** The task's sequence number. */
  id: number;
  /** The document or the reason it failed. */
  result: FileResult;
}

/** Options of `createPool`. */
export interface PoolOptions {
  /** The worker script; defaults to `worker.js` next to this module (`dist/pipeline/worker.js`). */
  workerUrl?: URL;
  /**
   * Milliseconds one document may take on a worker; past that the worker is stopped, the document
   * reported as failed and a fresh worker started. Only with more than one job.
   */
  timeout?: number;
  /** Heap limit of each worker in MB; a document that needs more fails alone. Only with more than one job. */
  memoryLimitMb?: number;
}

/** A pool that extracts files. */
export interface Pool {
  /** Number of documents extracted at the same time. */
  readonly jobs: number;
  /**
   * Extract one file. Never rejects for a bad file: the reason is the result's `error`.
   *
   * @param path The file.
   * @param inputFormat Input form to assume, if any.
   * @returns The document or the reason it failed.
   */
  extract(path: string, inputFormat?: InputFormat): Promise<FileResult>;
  /**
   * Finish the work submitted so far, then stop the workers.
   *
   * @returns When every worker has exited.
   */
  close(): Promise<void>;
}

/**
 * The default number of jobs: one per core the process may use.
 *
 * @returns The number.
 */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Create a pool of `jobs` parallel extractions.
 *
 * @param jobs Documents to extract at the same time; 1 means on the calling thread, no workers.
 * @param options Worker script, time and memory limits.
 * @returns The pool.
 * @throws {RangeError} When `jobs` is not a whole number of at least 1.
 */
export function createPool(jobs: number, options: PoolOptions = {}): Pool {
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`Unexpected \`${jobs}\` jobs, expected a whole number of at least 1`);
  return jobs === 1 ? serialPool() : workerPool(jobs, options);
}

/**
 * Extract files one by one, in order, with their results as the pool hands them back.
 *
 * At most `ahead` files are in progress or finished but not yet taken, so memory stays bounded
 * however long the list.
 *
 * @param pool The pool.
 * @param paths The files, in output order.
 * @param inputFormat Input form to assume, if any.
 * @param ahead Files submitted ahead of the one awaited (default: twice the jobs).
 * @returns The results, in the order of `paths`.
 */
export async function* extractInOrder(pool: Pool, paths: readonly string[], inputFormat?: InputFormat, ahead = pool.jobs * 2): AsyncGenerator<FileResult> {
  const pending: Array<Promise<FileResult>> = [];
  let next = 0;
  for (;;) {
    for (let path = paths[next]; path !== undefined && pending.length < Math.max(1, ahead); path = paths[next]) {
      pending.push(pool.extract(path, inputFormat));
      next++;
    }
    const first = pending.shift();
    if (first === undefined) return;
    yield await first;
  }
}

/**
 * The one-job pool: no workers, one file at a time on this thread.
 *
 * @returns The pool.
 */
function serialPool(): Pool {
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    jobs: 1,
    extract(path, inputFormat) {
      if (closed) return Promise.reject(new Error('Unexpected `extract` after `close`, expected a pool still open'));
      // Chained, so that a caller submitting a long list does not read every file at once.
      const result = tail.then(() => extractFile(path, inputFormat));
      tail = result.catch(() => undefined);
      return result;
    },
    async close() {
      closed = true;
      await tail;
    },
  };
}

/** A task waiting for a worker, with the function that settles its promise. */
interface Pending {
  task: PoolTask;
  resolve: (result: FileResult) => void;
}

/** One worker and what it is doing. */
interface Slot {
  worker: Worker;
  current: Pending | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** Young-generation size of each worker in MB. */
const YOUNG_GENERATION_MB = 64;

/**
 * The pool of worker threads, started as work arrives, at most `jobs` of them.
 *
 * @param jobs Most workers.
 * @param options Worker script and limits.
 * @returns The pool.
 */
function workerPool(jobs: number, options: PoolOptions): Pool {
  const workerUrl = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  const queue: Pending[] = [];
  const slots = new Set<Slot>();
  let sequence = 0;
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;

  const spawn = (): Slot => {
    // A roomy young generation: the stages allocate many short-lived runs, and small semi-spaces
    // made workers spend a fifth of their time collecting garbage.
    const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(options.memoryLimitMb === undefined ? {} : { maxOldGenerationSizeMb: options.memoryLimitMb }) };
    const worker = new Worker(workerUrl, { resourceLimits });
    const slot: Slot = { worker, current: undefined, timer: undefined };
    worker.on('message', (reply: PoolReply) => {
      const current = slot.current;
      if (current?.task.id !== reply.id) return;
      clearTimeout(slot.timer);
      slot.current = undefined;
      // An idle worker does not keep the process alive.
      worker.unref();
      current.resolve(reply.result);
      pump();
    });
    worker.on('error', (error) => retire(slot, `Unexpected failure of the worker thread: ${error.message}`));
    worker.on('exit', (code) => retire(slot, `Unexpected exit of the worker thread (code ${code})`));
    slots.add(slot);
    return slot;
  };

  // A worker that failed, exited or ran out of time is dropped; its document fails alone.
  const retire = (slot: Slot, reason: string): void => {
    if (!slots.delete(slot)) return;
    clearTimeout(slot.timer);
    const current = slot.current;
    slot.current = undefined;
    void slot.worker.terminate();
    current?.resolve({ path: current.task.path, error: reason, warnings: 0 });
    pump();
  };

  const pump = (): void => {
    for (let pending = queue[0]; pending !== undefined; pending = queue[0]) {
      let slot: Slot | undefined;
      for (const candidate of slots) {
        if (candidate.current === undefined) {
          slot = candidate;
          break;
        }
      }
      if (slot === undefined) {
        if (slots.size >= jobs) break;
        slot = spawn();
      }
      queue.shift();
      const busy = slot;
      busy.current = pending;
      busy.worker.ref();
      if (options.timeout !== undefined) {
        const seconds = options.timeout / 1000;
        busy.timer = setTimeout(() => retire(busy, `Unexpected run time over ${seconds} s, expected a document to finish sooner: stopped`), options.timeout);
      }
      busy.worker.postMessage(pending.task);
    }
    if (drained && queue.length === 0 && [...slots].every((slot) => slot.current === undefined)) {
      drained();
      drained = undefined;
    }
  };

  return {
    jobs,
    extract(path, inputFormat) {
      if (closing) return Promise.reject(new Error('Unexpected `extract` after `close`, expected a pool still open'));
      return new Promise<FileResult>((resolve) => {
        sequence++;
        queue.push({ task: { id: sequence, path, inputFormat }, resolve });
        pump();
      });
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          drained = resolve;
          pump();
        });
        const workers = [...slots].map((slot) => slot.worker);
        slots.clear();
        await Promise.all(workers.map((worker) => worker.terminate()));
      })();
      return closing;
    },
  };
}
