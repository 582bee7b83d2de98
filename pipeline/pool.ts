/**
 * Extract documents in parallel on worker threads (`worker.ts`), each running the same `extractFile`
 * as the single-threaded batch. Callers keep document order by awaiting the promises in the order
 * they submitted them; `extractInOrder` does that with a look-ahead bounded by memory, not by count.
 *
 * With one job there are no workers at all: files are extracted on the calling thread, one after
 * another, so a small batch pays no start-up cost.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractFile, type FileResult, type RenderOptions } from './batch.js';

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
  /** Outputs to render beside the document, if any. */
  render?: RenderOptions | undefined;
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
  /** Outputs to render where each document is extracted, so that the caller's thread only writes them. */
  render?: RenderOptions;
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
  return jobs === 1 ? serialPool(options.render) : workerPool(jobs, options);
}

/**
 * Input bytes of finished results that may wait for an earlier, longer document before they are
 * taken. A result that travels as its rendered texts (JSON, CSV, JSON-LD) holds about twenty times
 * its input in memory, so this bounds the look-ahead to about 60 MB however long the batch; it
 * still lets the other workers go on for a few seconds behind a 3 MB paper.
 */
export const WAITING_BYTES = 3_000_000;

/** Documents handed to the pool and not yet finished, per job: one at work, one ready to start. */
const IN_PROGRESS_PER_JOB = 2;

/**
 * Input bytes of the documents handed to the pool and not yet finished: a paper at work holds
 * about a hundred times its input at its peak, so two 3 MB papers side by side doubled the peak
 * memory of a batch; a long paper waits for the others at work, and short ones go on beside it.
 */
export const WORKING_BYTES = 4_000_000;

/**
 * The size of a file, 0 where it cannot be read (the pool reports why when it gets to it). Asked
 * synchronously, a few microseconds, so that submitting the files ahead never waits a turn of the
 * event loop per file.
 *
 * @param path The file.
 * @returns Bytes.
 */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Extract files one by one, in order, with their results as the pool hands them back.
 *
 * At most `ahead` files are in progress or finished but not yet taken, finished results wait
 * for an earlier one only up to `WAITING_BYTES` of input, and the files in progress hold at most
 * `WORKING_BYTES` of input unless one is alone, so memory stays bounded however long the list; a
 * long document does not stop the other jobs until that bound is reached.
 *
 * @param pool The pool.
 * @param paths The files, in output order.
 * @param inputFormat Input form to assume, if any.
 * @param ahead Most files submitted ahead of the one awaited (default: twice the jobs).
 * @param waitingBytes Most input bytes of finished results waiting (default: `WAITING_BYTES`).
 * @param workingBytes Most input bytes of files in progress, unless one is alone (default: `WORKING_BYTES`).
 * @returns The results, in the order of `paths`.
 */
export async function* extractInOrder(pool: Pool, paths: readonly string[], inputFormat?: InputFormat, ahead = pool.jobs * 2, waitingBytes = WAITING_BYTES, workingBytes = WORKING_BYTES): AsyncGenerator<FileResult> {
  const pending: Array<{ result?: FileResult; failure?: unknown }> = [];
  let next = 0;
  let inProgress = 0;
  let waiting = 0;
  let working = 0;
  // The size of the next file, read once it is the next.
  let nextSize: number | undefined;
  let wake: (() => void) | undefined;
  // One job works on this thread: a document extracted ahead would only wait, in memory.
  const inProgressMost = pool.jobs === 1 ? 1 : pool.jobs * IN_PROGRESS_PER_JOB;
  const submit = (path: string, size: number): void => {
    const entry: (typeof pending)[number] = {};
    pending.push(entry);
    inProgress++;
    working += size;
    void pool.extract(path, inputFormat).then(
      (result) => {
        entry.result = result;
        waiting += result.bytes ?? 0;
      },
      // Only a closed pool rejects; the caller hears of it when that file's turn comes.
      (error: unknown) => {
        entry.failure = error ?? new Error('Unexpected failure of the pool');
      },
    ).finally(() => {
      inProgress--;
      working -= size;
      wake?.();
    });
  };
  for (;;) {
    for (let path = paths[next]; path !== undefined && pending.length < Math.max(1, ahead) && inProgress < inProgressMost && (waiting < waitingBytes || pending.length === 0); path = paths[next]) {
      // One job works through the files one by one: their sizes do not matter.
      nextSize ??= pool.jobs === 1 ? 0 : sizeOf(path);
      if (inProgress > 0 && working + nextSize > workingBytes) break;
      submit(path, nextSize);
      nextSize = undefined;
      next++;
    }
    const first = pending[0];
    if (first === undefined) return;
    if (first.failure !== undefined) throw first.failure;
    if (first.result === undefined) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    pending.shift();
    waiting -= first.result.bytes ?? 0;
    yield first.result;
  }
}

/**
 * The one-job pool: no workers, one file at a time on this thread.
 *
 * @param render Outputs to render beside each document.
 * @returns The pool.
 */
function serialPool(render: RenderOptions | undefined): Pool {
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    jobs: 1,
    extract(path, inputFormat) {
      if (closed) return Promise.reject(new Error('Unexpected `extract` after `close`, expected a pool still open'));
      // Chained, so that a caller submitting a long list does not read every file at once.
      const result = tail.then(() => extractFile(path, inputFormat, render));
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

/** One worker and what it has been given, in the order it works through it. */
interface Slot {
  worker: Worker;
  /** The task at work first, then those posted to start as soon as it ends. */
  tasks: Pending[];
  timer: NodeJS.Timeout | undefined;
  /** Set once the worker has extracted a long document: it takes no more tasks and stops when idle. */
  spent: boolean;
}

/**
 * Input bytes of a document after which its worker is replaced by a fresh one: the heap a 3 MB
 * paper grew stays with its worker long after, and two such workers side by side held twice the
 * memory of one; a fresh worker costs a fraction of a second.
 */
const SPENT_AFTER_BYTES = 2_000_000;

/** Young-generation size of each worker in MB. */
const YOUNG_GENERATION_MB = 64;

/**
 * Tasks posted to a worker at once: the next one waits in the worker's own queue, so that it starts
 * without waiting for the main thread, which may be busy writing a long document.
 */
const TASKS_PER_WORKER = 2;

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

  // The time limit runs for the task at work, from when the one before it ended.
  const startTimer = (slot: Slot): void => {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (options.timeout === undefined || slot.tasks.length === 0) return;
    const seconds = options.timeout / 1000;
    slot.timer = setTimeout(() => retire(slot, `Unexpected run time over ${seconds} s, expected a document to finish sooner: stopped`), options.timeout);
  };

  const spawn = (): Slot => {
    // A roomy young generation: the stages allocate many short-lived runs, and small semi-spaces
    // made workers spend a fifth of their time collecting garbage.
    const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(options.memoryLimitMb === undefined ? {} : { maxOldGenerationSizeMb: options.memoryLimitMb }) };
    const worker = new Worker(workerUrl, { resourceLimits });
    const slot: Slot = { worker, tasks: [], timer: undefined, spent: false };
    worker.on('message', (reply: PoolReply) => {
      const current = slot.tasks[0];
      if (current?.task.id !== reply.id) return;
      slot.tasks.shift();
      startTimer(slot);
      if ((reply.result.bytes ?? 0) >= SPENT_AFTER_BYTES) slot.spent = true;
      // An idle worker does not keep the process alive; a spent one stops.
      if (slot.tasks.length === 0) {
        worker.unref();
        if (slot.spent && slots.delete(slot)) void worker.terminate();
      }
      current.resolve(reply.result);
      pump();
    });
    worker.on('error', (error) => retire(slot, `Unexpected failure of the worker thread: ${error.message}`));
    worker.on('exit', (code) => retire(slot, `Unexpected exit of the worker thread (code ${code})`));
    slots.add(slot);
    return slot;
  };

  // A worker that failed, exited or ran out of time is dropped; the document at work fails alone,
  // those posted after it go back to the front of the queue for another worker.
  const retire = (slot: Slot, reason: string): void => {
    if (!slots.delete(slot)) return;
    clearTimeout(slot.timer);
    const [current, ...rest] = slot.tasks;
    slot.tasks = [];
    void slot.worker.terminate();
    queue.unshift(...rest);
    current?.resolve({ path: current.task.path, error: reason, warnings: 0 });
    pump();
  };

  // The least busy worker with room for another task, or a new one while there are fewer than `jobs`.
  const freeSlot = (): Slot | undefined => {
    let best: Slot | undefined;
    let working = 0;
    for (const candidate of slots) {
      if (candidate.spent) continue;
      working++;
      if (candidate.tasks.length < TASKS_PER_WORKER && (best === undefined || candidate.tasks.length < best.tasks.length)) best = candidate;
    }
    // A spent worker finishing its last tasks does not count against `jobs`: it takes none.
    if (best?.tasks.length === 0 || working >= jobs) return best;
    return spawn();
  };

  const pump = (): void => {
    for (let pending = queue[0]; pending !== undefined; pending = queue[0]) {
      const slot = freeSlot();
      if (slot === undefined) break;
      queue.shift();
      slot.tasks.push(pending);
      slot.worker.ref();
      if (slot.tasks.length === 1) startTimer(slot);
      slot.worker.postMessage(pending.task);
    }
    if (drained && queue.length === 0 && [...slots].every((slot) => slot.tasks.length === 0)) {
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
        queue.push({ task: { id: sequence, path, inputFormat, render: options.render }, resolve });
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
