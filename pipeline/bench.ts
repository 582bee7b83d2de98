/**
 * `npm run bench [DIR]`: how fast the pipeline is, stage by stage, on many small documents, on the
 * longest real ones and on a batch spread over worker threads.
 *
 * Without DIR the documents of `input/` are repeated in memory to about 2,000 documents; nothing
 * is written to disk. Stages are timed by running the library's own unified chain with each
 * plugin's parser, transformer or compiler wrapped in a clock, so the figures follow the chain as
 * it grows. remark-parse alone on the same documents is the yardstick.
 *
 * The targets come last, each measured so that the load of other processes cancels out as far as
 * it can: remark-parse and the pipeline take turns document by document over the small papers,
 * several rounds; the command line runs on the whole directory with one and two jobs in turn, in
 * child processes whose peak resident memory the kernel counts, writing its default outputs, and
 * the folders they write are compared byte for byte.
 *
 * Options: `--json` (the figures as JSON on stdout), `--documents N` (size of the repeated set),
 * `--pool-documents N`, `--jobs 1,2`, `--large FILE` (repeatable), `--skip-large`,
 * `--remark-limit BYTES`, `--small-limit BYTES` (papers counted as small), `--rounds N` (of the
 * interleaved comparison), `--cli-runs N` (per job count), `--cli-formats LIST` (default
 * `json,csv,jsonld`), `--skip-cli`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import remarkParse from 'remark-parse';
import type { Node } from 'unist';
import { unified, type Plugin, type Processor, type TransformCallback } from 'unified';
import { VFile } from 'vfile';
import { decode, UnreadableInputError } from '../src/parse/decode.js';
import type { DrucksacheDocument } from '../src/model.js';
import { drucksache } from '../src/pipeline.js';
import { renderDocument, stemOf } from './batch.js';
import { collectInputs, describe } from './files.js';
import { createPool, extractInOrder } from './pool.js';
import { openSqliteWriter } from './sqlite.js';

/** One megabyte as the figures count it: 10^6 bytes. */
const MB = 1_000_000;

/** Documents run through the pipeline before timing starts, so the figures show compiled code. */
const WARMUP_DOCUMENTS = 50;

/** The sample shipped with the package. */
const INPUT_DIRECTORY = fileURLToPath(new URL('../../input/', import.meta.url));

/**
 * The longest Drucksachen of the 21st Bundestag in the bulk sample, used when `--large` is not given
 * and they exist on this machine.
 */
const DEFAULT_LARGE = ['bt21-1335.txt', 'bt21-0726.txt'].map((name) => fileURLToPath(new URL(`../../../shared/bulk/bundestag-wp21/${name}`, import.meta.url)));

/** Results per job after which a batch counts as warmed up (workers started, code compiled). */
const STEADY_AFTER = 20;

/** Size of the document made by concatenating documents. */
const CONCATENATED_BYTES = 5 * MB;

/**
 * Plugin names of the chain and the stage names the figures use; other plugins are named by the
 * `file.data` fields they fill (`extract amounts`).
 */
const STAGE_NAMES: Readonly<Record<string, string>> = {
  parseDrucksache: 'parse',
  flattenLines: 'lines',
  cleanFurniture: 'clean',
  segmentDrucksache: 'segment',
  separateAnnexes: 'annexes',
  compileDocument: 'compile',
};

/**
 * Sampler of the process's resident set size, run on its own thread so that it keeps sampling
 * while the main thread is busy: it keeps the maximum in a shared buffer.
 */
const RSS_SAMPLER_SOURCE = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData);
setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss > peak[0]) peak[0] = rss;
}, 10);
`;

/**
 * Preloaded into the command line's child process: on exit it writes what the kernel counted of the
 * whole process (all threads) to the file named by the variable.
 */
const RUSAGE_PRELOAD_SOURCE = `
process.on('exit', () => {
  const usage = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.DRUCKSACHE_BENCH_RUSAGE, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMicroseconds: usage.userCPUTime + usage.systemCPUTime }));
});
`;

/** The outputs the command line writes when `--format` is not given, as the command-line runs write them by default. */
const CLI_FORMATS = 'json,csv,jsonld';

/** Papers below this size are the small ones of the remark-parse comparison (the issue's 500 KB). */
const SMALL_LIMIT = 500_000;

/** The outputs the command line writes by default besides JSON-LD, rendered as its workers render them. */
const RENDER = { json: true, csv: { delimiter: ',' } } as const;

/** Busy loop for a given number of milliseconds, counting iterations: how much CPU a thread gets. */
const SPIN_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let count = 0;
const end = Date.now() + workerData;
while (Date.now() < end) count++;
parentPort.postMessage(count);
`;

/** A document held in memory. */
interface Document {
  /** Path for the VFile (its extension picks the form). */
  path: string;
  bytes: Uint8Array;
  /** Decoded text (for the remark-parse yardstick). */
  text: string;
}

/** Time spent in one stage. */
interface StageFigure {
  stage: string;
  seconds: number;
  msPerDocument: number;
  mbPerSecond: number;
  /** Part of the whole run, 0–1. */
  share: number;
  /** Milliseconds per document of each input form. */
  msPerDocumentByFormat: Record<string, number>;
}

/** The figures of one run of the pipeline over a set of documents. */
interface RunFigures {
  documents: number;
  /** Documents per input form. */
  documentsByFormat: Record<string, number>;
  bytes: number;
  seconds: number;
  /** CPU time of the process (all threads, garbage collection included). */
  cpuSeconds: number;
  documentsPerSecond: number;
  mbPerSecond: number;
  stages: StageFigure[];
  peakRssMb: number;
  peakHeapUsedMb: number;
}

/** remark-parse alone on the same documents. */
interface YardstickFigures {
  documents: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  /** Whole pipeline time on these documents divided by remark-parse time. */
  ratio: number;
  /** Documents left out for being over the size limit. */
  skipped: number;
}

/** One long document. */
interface LargeFigures extends RunFigures {
  name: string;
  remark: YardstickFigures | null;
}

/** One batch run on the pool. */
interface PoolRun {
  jobs: number;
  workers: number;
  seconds: number;
  cpuSeconds: number;
  /** Seconds until the first result: the start-up of the workers. */
  firstSeconds: number;
  documentsPerSecond: number;
  /** Documents per second once every job has returned its first results. */
  steadyDocumentsPerSecond: number;
  mbPerSecond: number;
  speedup: number;
  /** Speedup of the steady rate over the first run's. */
  steadySpeedup: number;
  failed: number;
  peakRssMb: number;
}

/** One round of remark-parse and the pipeline taking turns over the small papers. */
interface InterleavedRound {
  remarkSeconds: number;
  pipelineSeconds: number;
  /** remark-parse time divided by pipeline time: above 1 means the pipeline is faster. */
  remarkOverPipeline: number;
}

/** The interleaved comparison. */
interface InterleavedFigures {
  documents: number;
  bytes: number;
  sizeLimit: number;
  rounds: InterleavedRound[];
  /** Median of the rounds' ratios. */
  remarkOverPipeline: number;
  /** The pipeline's MB/s on these papers, from the round of the median ratio. */
  pipelineMbPerSecond: number;
}

/** One run of the command line in a child process. */
interface CliRun {
  jobs: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  exitCode: number | null;
  /** SHA-256 over the output folder (every file's path and bytes, in path order). */
  outputSha256: string;
}

/** The command line on the whole directory, one and two jobs in turn. */
interface CliFigures {
  directory: string;
  documents: number;
  runs: CliRun[];
  /** Median wall time with one job divided by median wall time with two. */
  speedup: number;
  /** Highest peak resident memory per job count, MB. */
  peakRssMb: Record<string, number>;
  /** The output forms the runs wrote. */
  formats: string;
  /** Whether every run wrote the same bytes. */
  identical: boolean;
}

/** Everything the benchmark measured. */
interface Report {
  environment: { node: string; platform: string; cpus: number; cpuModel: string; loadAverage: number[]; cpuCapacity: { threads: number; relative: number } };
  corpus: { source: string; documents: number; bytes: number; warmup: number; unreadable: string[] };
  documents: RunFigures & { remark: YardstickFigures };
  remarkLimitBytes: number;
  large: LargeFigures[];
  pool: { source: string; documents: number; bytes: number; runs: PoolRun[] };
  interleaved: InterleavedFigures;
  cli: CliFigures | null;
}

/** Accumulates milliseconds per stage, in the order stages first report. */
class StageClock {
  /** Milliseconds per stage over all documents. */
  readonly totals = new Map<string, number>();
  /** Milliseconds per stage, per input form. */
  readonly byFormat = new Map<string, Map<string, number>>();
  /** Documents per input form. */
  readonly documentsByFormat = new Map<string, number>();
  peakHeapUsed = 0;
  private readonly current = new Map<string, number>();

  /**
   * Close the current document: its times go to the totals and to its form's totals.
   *
   * @param format The document's input form.
   */
  endDocument(format: string): void {
    const forFormat = this.byFormat.get(format) ?? new Map<string, number>();
    this.byFormat.set(format, forFormat);
    this.documentsByFormat.set(format, (this.documentsByFormat.get(format) ?? 0) + 1);
    for (const [stage, ms] of this.current) {
      this.totals.set(stage, (this.totals.get(stage) ?? 0) + ms);
      forFormat.set(stage, (forFormat.get(stage) ?? 0) + ms);
    }
    this.current.clear();
  }

  /**
   * Add time to a stage and sample the heap.
   *
   * @param stage The stage.
   * @param ms Milliseconds.
   */
  add(stage: string, ms: number): void {
    this.current.set(stage, (this.current.get(stage) ?? 0) + ms);
    const heapUsed = process.memoryUsage().heapUsed;
    if (heapUsed > this.peakHeapUsed) this.peakHeapUsed = heapUsed;
  }

  /**
   * Time a function as a stage.
   *
   * @param stage The stage.
   * @param run The work.
   * @returns What the work returns.
   */
  time<T>(stage: string, run: () => T): T {
    const start = performance.now();
    const result = run();
    this.add(stage, performance.now() - start);
    return result;
  }
}

/** Reads the peak resident set size since the last reset. */
class RssSampler {
  private readonly peak = new Float64Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(RSS_SAMPLER_SOURCE, { eval: true, workerData: this.peak.buffer });
    this.worker.unref();
    this.reset();
  }

  /** Start a new measurement. */
  reset(): void {
    this.peak[0] = process.memoryUsage.rss();
  }

  /**
   * The peak since the last reset.
   *
   * @returns Bytes.
   */
  read(): number {
    return Math.max(this.peak[0] ?? 0, process.memoryUsage.rss());
  }

  /** Stop sampling. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** A callback for transformers that return their result. */
const ignoreCallback: TransformCallback<Node> = () => undefined;

/**
 * Wrap a plugin so that the parser, transformer or compiler it installs reports its time.
 *
 * @param plugin The plugin from the library's chain.
 * @param clock Where times go.
 * @returns The timed plugin.
 */
function timed(plugin: Plugin<unknown[], undefined, undefined>, clock: StageClock): Plugin<unknown[], undefined, undefined> {
  return function (this: Processor, ...parameters: unknown[]) {
    const parserBefore = this.parser;
    const compilerBefore = this.compiler;
    const transformer = plugin.apply(this, parameters);
    let stage = STAGE_NAMES[plugin.name];
    const parser = this.parser;
    if (parser && parser !== parserBefore) {
      this.parser = (document, file) => clock.time(stage ?? 'parse', () => parser(document, file));
    }
    const compiler = this.compiler;
    if (compiler && compiler !== compilerBefore) {
      this.compiler = (tree, file) => clock.time(stage ?? 'compile', () => compiler(tree, file));
    }
    if (!transformer) return transformer;
    const run = (tree: Node, file: VFile, next: TransformCallback<Node>): ReturnType<typeof transformer> => {
      const fieldsBefore = new Set(Object.keys(file.data));
      const start = performance.now();
      const result = transformer(tree, file, next);
      const ms = performance.now() - start;
      if (stage === undefined) {
        const added = Object.keys(file.data).filter((key) => !fieldsBefore.has(key));
        stage = added.length > 0 ? `extract ${added.join(', ')}` : plugin.name || 'transform';
      }
      clock.add(stage, ms);
      return result;
    };
    // unified treats a transformer that declares a third parameter as one that calls back.
    return transformer.length > 2 ? run : (tree, file) => run(tree, file, ignoreCallback);
  };
}

/**
 * The library's chain with every stage timed.
 *
 * @param clock Where times go.
 * @returns A frozen processor.
 */
function timedPipeline(clock: StageClock): Processor {
  const processor = unified();
  for (const [plugin, ...parameters] of drucksache().attachers) processor.use(timed(plugin, clock), ...parameters);
  return processor.freeze();
}

/**
 * Run documents through the timed chain: decode, hash, the chain's stages, JSON serialisation.
 *
 * @param documents The documents.
 * @param rss The memory sampler.
 * @returns Figures, and the whole time per document (ms) for the yardstick.
 */
function runDocuments(documents: readonly Document[], rss: RssSampler): { figures: RunFigures; perDocument: number[] } {
  const clock = new StageClock();
  const processor = timedPipeline(clock);
  const perDocument: number[] = [];
  // The SQLite output is timed too (rows, then indexes and full-text tables after the last document).
  const scratch = mkdtempSync(join(tmpdir(), 'drucksache-bench-'));
  const sqlite = openSqliteWriter(join(scratch, 'bench.sqlite'));
  rss.reset();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (const document of documents) {
    const start = performance.now();
    const value = clock.time('decode', () => decode(document.bytes));
    const sha256 = clock.time('sha256', () => createHash('sha256').update(document.bytes).digest('hex'));
    const file = new VFile({ value, path: document.path });
    file.data.sha256 = sha256;
    const result = processor.processSync(file).result as DrucksacheDocument;
    clock.time('render JSON, CSV', () => renderDocument(result, stemOf(document.path), RENDER));
    // Repeated documents get a stem of their own: the database keys rows by stem.
    clock.time('SQLite', () => sqlite.add(result, `${basename(document.path)}-${perDocument.length}`));
    if (perDocument.length === documents.length - 1) clock.time('SQLite', () => sqlite.finish());
    clock.endDocument(file.data.format ?? 'text');
    perDocument.push(performance.now() - start);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpuStart);
  sqlite.close();
  rmSync(scratch, { recursive: true, force: true });
  const bytes = sum(documents.map((document) => document.bytes.byteLength));
  const stages = [...clock.totals].map(([stage, ms]) => ({
    stage,
    seconds: ms / 1000,
    msPerDocument: ms / documents.length,
    mbPerSecond: bytes / MB / (ms / 1000),
    share: ms / 1000 / seconds,
    msPerDocumentByFormat: Object.fromEntries(
      [...clock.byFormat].map(([format, totals]) => [format, (totals.get(stage) ?? 0) / (clock.documentsByFormat.get(format) ?? 1)]),
    ),
  }));
  return {
    figures: {
      documents: documents.length,
      bytes,
      documentsByFormat: Object.fromEntries(clock.documentsByFormat),
      seconds,
      cpuSeconds,
      documentsPerSecond: documents.length / seconds,
      mbPerSecond: bytes / MB / seconds,
      stages,
      peakRssMb: rss.read() / MB,
      peakHeapUsedMb: clock.peakHeapUsed / MB,
    },
    perDocument,
  };
}

/**
 * Parse with remark-parse alone, on the documents up to the size limit.
 *
 * @param documents The documents.
 * @param perDocument The pipeline's time for each of them (ms).
 * @param limit Largest document, in bytes, to give remark-parse.
 * @returns The figures.
 */
function runYardstick(documents: readonly Document[], perDocument: readonly number[], limit: number): YardstickFigures {
  let seconds = 0;
  let pipelineMs = 0;
  let bytes = 0;
  let count = 0;
  documents.forEach((document, index) => {
    if (document.bytes.byteLength > limit) return;
    const start = performance.now();
    unified().use(remarkParse).parse(document.text);
    seconds += (performance.now() - start) / 1000;
    pipelineMs += perDocument[index] ?? 0;
    bytes += document.bytes.byteLength;
    count++;
  });
  return { documents: count, bytes, seconds, mbPerSecond: seconds > 0 ? bytes / MB / seconds : 0, ratio: seconds > 0 ? pipelineMs / 1000 / seconds : 0, skipped: documents.length - count };
}

/**
 * remark-parse alone and the whole pipeline (decode, hash, chain, rendering of JSON and CSV) taking
 * turns on every small paper, the order swapped from one paper to the next, for several rounds:
 * whatever load other processes put on the machine falls on both alike.
 *
 * @param documents The documents; those over `limit` bytes are left out.
 * @param limit Largest paper counted as small, in bytes.
 * @param rounds Rounds over the papers.
 * @returns Time of each side per round and the median ratio.
 */
function runInterleaved(documents: readonly Document[], limit: number, rounds: number): InterleavedFigures {
  const small = documents.filter((document) => document.bytes.byteLength < limit);
  const processor = drucksache();
  const remark = unified().use(remarkParse).freeze();
  const pipeline = (document: Document): void => {
    const file = new VFile({ value: decode(document.bytes), path: document.path });
    file.data.sha256 = createHash('sha256').update(document.bytes).digest('hex');
    renderDocument(processor.processSync(file).result as DrucksacheDocument, stemOf(document.path), RENDER);
  };
  const results: InterleavedRound[] = [];
  for (let round = 0; round < rounds; round++) {
    let remarkMs = 0;
    let pipelineMs = 0;
    small.forEach((document, index) => {
      for (const side of (index + round) % 2 === 0 ? ['remark', 'pipeline'] : ['pipeline', 'remark']) {
        const start = performance.now();
        if (side === 'remark') remark.parse(document.text);
        else pipeline(document);
        const ms = performance.now() - start;
        if (side === 'remark') remarkMs += ms;
        else pipelineMs += ms;
      }
    });
    results.push({ remarkSeconds: remarkMs / 1000, pipelineSeconds: pipelineMs / 1000, remarkOverPipeline: pipelineMs > 0 ? remarkMs / pipelineMs : 0 });
  }
  return {
    documents: small.length,
    bytes: sum(small.map((document) => document.bytes.byteLength)),
    sizeLimit: limit,
    rounds: results,
    remarkOverPipeline: median(results.map((result) => result.remarkOverPipeline)),
    pipelineMbPerSecond: (() => {
      const middle = [...results].sort((a, b) => a.remarkOverPipeline - b.remarkOverPipeline)[Math.floor(results.length / 2)];
      return middle && middle.pipelineSeconds > 0 ? sum(small.map((document) => document.bytes.byteLength)) / MB / middle.pipelineSeconds : 0;
    })(),
  };
}

/**
 * Run the built command line on a directory in a child process, as a user would
 * (`drucksache extract DIR --format json,csv`), into a temporary folder that is removed afterwards.
 *
 * @param directory The documents.
 * @param jobs `--jobs`.
 * @param scratch A temporary folder for the output and the preload.
 * @returns Wall time, CPU time and peak resident memory of the whole process.
 */
async function runCli(directory: string, jobs: number, scratch: string, formats: string): Promise<CliRun> {
  const preload = join(scratch, 'rusage.cjs');
  const usageFile = join(scratch, 'rusage.json');
  await writeFile(preload, RUSAGE_PRELOAD_SOURCE);
  const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
  const out = join(scratch, `out-${jobs}`);
  const started = performance.now();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, cli, 'extract', directory, '--out', out, '--format', formats, '--jobs', String(jobs), '--quiet'], {
      env: { ...process.env, DRUCKSACHE_BENCH_RUSAGE: usageFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssKb: number; cpuMicroseconds: number };
  const outputSha256 = await folderDigest(out);
  await rm(out, { recursive: true, force: true });
  return { jobs, seconds, cpuSeconds: usage.cpuMicroseconds / 1e6, peakRssMb: (usage.maxRssKb * 1024) / MB, exitCode, outputSha256 };
}

/**
 * A digest of a folder: every file's path relative to it and its bytes, in path order.
 *
 * @param folder The folder.
 * @returns SHA-256, hex.
 */
async function folderDigest(folder: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
  for (const path of files.sort()) {
    hash.update(`${path}\0`);
    hash.update(await readFile(join(folder, path)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * The command line with one job and with two, in turn, `runs` times each.
 *
 * @param directory The documents.
 * @param documents How many there are.
 * @param runs Runs per job count.
 * @returns The runs, the speed-up of the medians and the peaks.
 */
async function runCliPairs(directory: string, documents: number, runs: number, formats: string): Promise<CliFigures> {
  const scratch = await mkdtemp(join(tmpdir(), 'drucksache-bench-'));
  const all: CliRun[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      for (const jobs of run % 2 === 0 ? [1, 2] : [2, 1]) {
        progress(`Command line on ${directory} with --jobs ${jobs} (${run + 1}/${runs})…`);
        all.push(await runCli(directory, jobs, scratch, formats));
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const of = (jobs: number): CliRun[] => all.filter((run) => run.jobs === jobs);
  const one = median(of(1).map((run) => run.seconds));
  const two = median(of(2).map((run) => run.seconds));
  return {
    directory,
    documents,
    runs: all,
    speedup: two > 0 ? one / two : 0,
    peakRssMb: { '1': Math.max(...of(1).map((run) => run.peakRssMb)), '2': Math.max(...of(2).map((run) => run.peakRssMb)) },
    formats,
    identical: all.every((run) => run.outputSha256 === all[0]?.outputSha256),
  };
}

/**
 * The median of numbers (the mean of the middle two for an even count).
 *
 * @param values Numbers.
 * @returns The median, 0 for none.
 */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * How much CPU the machine gives several busy threads, relative to one.
 *
 * @param threads Number of threads.
 * @returns Total work of `threads` threads divided by the work of one in the same time.
 */
async function cpuCapacity(threads: number): Promise<number> {
  const spin = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(SPIN_SOURCE, { eval: true, workerData: 300 });
      worker.once('message', (count: number) => resolve(count));
      worker.once('error', reject);
    });
  const one = await spin();
  const many = await Promise.all(Array.from({ length: threads }, spin));
  return sum(many) / one;
}

/**
 * Read and decode documents; those that cannot be decoded are listed, not timed.
 *
 * @param paths Files.
 * @returns Documents and the files left out with the reason.
 */
async function load(paths: readonly string[]): Promise<{ documents: Document[]; unreadable: string[] }> {
  const documents: Document[] = [];
  const unreadable: string[] = [];
  for (const path of paths) {
    try {
      const bytes = await readFile(path);
      documents.push({ path, bytes, text: decode(bytes) });
    } catch (error) {
      if (!(error instanceof UnreadableInputError) && !(error && typeof error === 'object' && 'code' in error)) throw error;
      unreadable.push(`${path}: ${describe(error)}`);
    }
  }
  return { documents, unreadable };
}

/**
 * One long document made by concatenating plain-text documents (all documents if none is plain text).
 *
 * @param documents The set.
 * @returns The document.
 */
function concatenated(documents: readonly Document[]): Document {
  const text = documents.filter((document) => document.path.endsWith('.txt'));
  const pieces = text.length > 0 ? text : documents;
  const parts: string[] = [];
  let bytes = 0;
  for (let index = 0; bytes < CONCATENATED_BYTES && pieces.length > 0; index++) {
    const piece = pieces[index % pieces.length];
    if (!piece) break;
    parts.push(piece.text);
    bytes += piece.bytes.byteLength + 2;
  }
  const joined = parts.join('\n\n');
  return { path: `concatenated-${parts.length}.txt`, bytes: Buffer.from(joined), text: joined };
}

/**
 * Run a batch of files on the pool, in submission order.
 *
 * @param paths Files.
 * @param jobs Jobs.
 * @param rss The memory sampler.
 * @returns Seconds, failures and peak memory.
 */
async function runPool(paths: readonly string[], jobs: number, rss: RssSampler): Promise<{ seconds: number; cpuSeconds: number; firstSeconds: number; steadyDocumentsPerSecond: number; failed: number; peakRssMb: number }> {
  rss.reset();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const pool = createPool(jobs);
  let failed = 0;
  // Times at which results arrive: the first ones carry the start-up of the workers.
  const arrivals: number[] = [];
  for await (const result of extractInOrder(pool, paths)) {
    arrivals.push(performance.now());
    if (result.error !== undefined) failed++;
  }
  await pool.close();
  const settled = Math.min(STEADY_AFTER * jobs, arrivals.length - 1);
  const from = arrivals[settled] ?? started;
  const last = arrivals.at(-1) ?? started;
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSecondsSince(cpuStart),
    firstSeconds: ((arrivals[0] ?? started) - started) / 1000,
    steadyDocumentsPerSecond: last > from ? (arrivals.length - 1 - settled) / ((last - from) / 1000) : 0,
    failed,
    peakRssMb: rss.read() / MB,
  };
}

/**
 * CPU seconds of the process since a reading.
 *
 * @param start The earlier reading.
 * @returns Seconds of user and system time.
 */
function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/**
 * Sum of numbers.
 *
 * @param values Numbers.
 * @returns The sum.
 */
function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Repeat a list to a length.
 *
 * @param items The list.
 * @param length Wanted length.
 * @returns The repeated list.
 */
function repeat<T>(items: readonly T[], length: number): T[] {
  return items.length === 0 ? [] : Array.from({ length }, (_, index) => items[index % items.length] as T);
}

/**
 * Say what the benchmark is doing (on stderr, so stdout holds only the figures).
 *
 * @param text What.
 */
function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

/**
 * Run the benchmark.
 *
 * @param argv Command-line arguments after the script.
 * @returns The report and whether JSON was asked for.
 */
async function bench(argv: string[]): Promise<{ report: Report; json: boolean }> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      documents: { type: 'string', default: '2000' },
      'pool-documents': { type: 'string', default: '500' },
      jobs: { type: 'string', default: '1,2' },
      large: { type: 'string', multiple: true },
      'skip-large': { type: 'boolean', default: false },
      'remark-limit': { type: 'string', default: String(MB) },
      'small-limit': { type: 'string', default: String(SMALL_LIMIT) },
      rounds: { type: 'string', default: '3' },
      'cli-runs': { type: 'string', default: '2' },
      'skip-cli': { type: 'boolean', default: false },
      'cli-formats': { type: 'string', default: CLI_FORMATS },
    },
  });
  const wanted = wholeNumber(values.documents, '--documents');
  const poolWanted = wholeNumber(values['pool-documents'], '--pool-documents');
  const remarkLimit = wholeNumber(values['remark-limit'], '--remark-limit');
  const jobsList = values.jobs.split(',').map((part) => wholeNumber(part.trim(), '--jobs'));
  const smallLimit = wholeNumber(values['small-limit'], '--small-limit');
  const rounds = wholeNumber(values.rounds, '--rounds');
  const cliRuns = wholeNumber(values['cli-runs'], '--cli-runs');
  const directory = positionals[0];

  const rss = new RssSampler();
  const { files, problems } = await collectInputs([directory ?? INPUT_DIRECTORY]);
  if (files.length === 0) throw new Error(`Unexpected directory without documents (${problems.map((p) => `${p.path}: ${p.reason}`).join('; ') || directory}), expected .md or .txt files`);
  const loaded = await load(files);
  const base = loaded.documents;
  const documents = directory === undefined ? repeat(base, wanted) : base;
  const source = directory === undefined ? `${relative(process.cwd(), INPUT_DIRECTORY) || '.'}/ (${base.length} documents) repeated to ${documents.length}` : `${directory} (${documents.length} documents)`;

  const cpuCount = cpus().length;
  // Taken before the benchmark adds its own load: other processes compete for the CPUs.
  const loadAverage = loadavg();
  progress(`Measuring CPU capacity of ${cpuCount} threads…`);
  const capacity = await cpuCapacity(cpuCount);

  progress(`Warm-up: ${Math.min(WARMUP_DOCUMENTS, documents.length)} documents…`);
  runDocuments(documents.slice(0, WARMUP_DOCUMENTS), rss);
  progress(`Timing the pipeline on ${documents.length} documents…`);
  const { figures, perDocument } = runDocuments(documents, rss);
  progress(`Timing remark-parse alone on the same documents…`);
  const remark = runYardstick(documents, perDocument, remarkLimit);

  const large: LargeFigures[] = [];
  if (!values['skip-large']) {
    const named = values.large ?? DEFAULT_LARGE;
    const found = await load(named);
    for (const problem of found.unreadable) progress(`Skipped ${problem}`);
    for (const document of [...found.documents, concatenated(base)]) {
      progress(`Timing ${basename(document.path)} (${(document.bytes.byteLength / MB).toFixed(1)} MB)…`);
      const one = runDocuments([document], rss).figures;
      const remarkOne = document.bytes.byteLength <= remarkLimit ? runYardstick([document], [one.seconds * 1000], remarkLimit) : null;
      large.push({ name: basename(document.path), ...one, remark: remarkOne });
    }
  }

  const poolPaths = directory === undefined ? repeat(files.filter((path) => loaded.documents.some((d) => d.path === path)), poolWanted) : loaded.documents.map((d) => d.path);
  const poolBytes = sum(poolPaths.map((path) => loaded.documents.find((d) => d.path === path)?.bytes.byteLength ?? 0));
  const runs: PoolRun[] = [];
  for (const jobs of jobsList) {
    progress(`Batch of ${poolPaths.length} files with ${jobs === 1 ? 'one job (no workers)' : `${jobs} workers`}…`);
    const run = await runPool(poolPaths, jobs, rss);
    const first = runs[0] ?? { seconds: run.seconds, steadyDocumentsPerSecond: run.steadyDocumentsPerSecond };
    runs.push({
      jobs,
      workers: jobs === 1 ? 0 : jobs,
      seconds: run.seconds,
      cpuSeconds: run.cpuSeconds,
      firstSeconds: run.firstSeconds,
      documentsPerSecond: poolPaths.length / run.seconds,
      steadyDocumentsPerSecond: run.steadyDocumentsPerSecond,
      mbPerSecond: poolBytes / MB / run.seconds,
      speedup: first.seconds / run.seconds,
      steadySpeedup: first.steadyDocumentsPerSecond > 0 ? run.steadyDocumentsPerSecond / first.steadyDocumentsPerSecond : 0,
      failed: run.failed,
      peakRssMb: run.peakRssMb,
    });
  }
  await rss.stop();

  progress(`remark-parse and the pipeline in turn on the papers under ${fixed(smallLimit / 1000, 0)} KB, ${rounds} rounds…`);
  const interleaved = runInterleaved(base, smallLimit, rounds);
  const cliDirectory = directory ?? INPUT_DIRECTORY;
  const cli = values['skip-cli'] ? null : await runCliPairs(cliDirectory, files.length, cliRuns, values['cli-formats']);

  const report: Report = {
    environment: {
      node: process.version,
      platform: `${platform()} ${arch()}`,
      cpus: cpuCount,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      loadAverage,
      cpuCapacity: { threads: cpuCount, relative: capacity },
    },
    corpus: { source, documents: documents.length, bytes: figures.bytes, warmup: Math.min(WARMUP_DOCUMENTS, documents.length), unreadable: loaded.unreadable },
    documents: { ...figures, remark },
    remarkLimitBytes: remarkLimit,
    large,
    pool: { source: directory === undefined ? `input/ files repeated to ${poolPaths.length}` : directory, documents: poolPaths.length, bytes: poolBytes, runs },
    interleaved,
    cli,
  };
  return { report, json: values.json };
}

/**
 * Read a whole number option.
 *
 * @param value As typed.
 * @param name The option.
 * @returns The number.
 * @throws {Error} When it is not a whole number of at least 1.
 */
function wholeNumber(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`Unexpected \`${value}\` for ${name}, expected a whole number of at least 1`);
  return number;
}

/**
 * Lay out rows as a table with aligned columns: text left, numbers right.
 *
 * @param rows Rows, the first one the header.
 * @returns The table's lines.
 */
function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, index) => (index === 0 || !/^[-\d.,×%()]/.test(cell) ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * Format a number with a fixed number of decimals.
 *
 * @param value The number.
 * @param digits Decimals.
 * @returns The text.
 */
function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/**
 * The report as readable text.
 *
 * @param report The figures.
 * @returns The text.
 */
function render(report: Report): string {
  const { environment, corpus, documents, large } = report;
  const out: string[] = [];
  out.push(`drucksache benchmark: Node ${environment.node}, ${environment.platform}, ${environment.cpus} CPUs (${environment.cpuModel}); MB = 10^6 bytes`);
  out.push(`Load average before the run: ${environment.loadAverage.map((load) => fixed(load, 2)).join(', ')}; CPU capacity: ${environment.cpuCapacity.threads} busy threads get ${fixed(environment.cpuCapacity.relative, 2)}× the work of one`);
  out.push('');
  out.push(`Documents: ${corpus.source}, ${fixed(corpus.bytes / MB, 1)} MB; ${corpus.warmup} documents run before timing`);
  for (const line of corpus.unreadable) out.push(`  left out: ${line}`);
  out.push('');
  const formats = Object.keys(documents.documentsByFormat).sort();
  const stageRows = documents.stages.map((stage) => [
    stage.stage,
    fixed(stage.seconds, 2),
    fixed(stage.msPerDocument, 2),
    fixed(stage.mbPerSecond, 2),
    fixed(documents.documents / stage.seconds, 0),
    `${fixed(stage.share * 100, 1)}%`,
    ...formats.map((format) => fixed(stage.msPerDocumentByFormat[format] ?? 0, 2)),
  ]);
  const blank = formats.map(() => '');
  out.push(
    table([
      ['stage', 'seconds', 'ms/doc', 'MB/s', 'docs/s', 'share', ...formats.map((format) => `ms/doc ${format} (${documents.documentsByFormat[format] ?? 0})`)],
      ...stageRows,
      ['whole run', fixed(documents.seconds, 2), fixed((documents.seconds * 1000) / documents.documents, 2), fixed(documents.mbPerSecond, 2), fixed(documents.documentsPerSecond, 0), '100.0%', ...blank],
      ['remark-parse alone', fixed(documents.remark.seconds, 2), fixed((documents.remark.seconds * 1000) / Math.max(1, documents.remark.documents), 2), fixed(documents.remark.mbPerSecond, 2), fixed(documents.remark.documents / documents.remark.seconds, 0), '', ...blank],
    ]),
  );
  out.push('');
  out.push(`Whole pipeline / remark-parse alone: ${fixed(documents.remark.ratio, 2)}× (on ${documents.remark.documents} documents${documents.remark.skipped > 0 ? `; ${documents.remark.skipped} over the limit left out` : ''})`);
  out.push(`CPU time of the whole run: ${fixed(documents.cpuSeconds, 2)} s (${fixed((documents.cpuSeconds / documents.seconds) * 100, 0)}% of wall time; below 100% means the CPU was shared)`);
  out.push(`Memory: peak RSS ${fixed(documents.peakRssMb, 0)} MB (sampled every 10 ms), peak heapUsed ${fixed(documents.peakHeapUsedMb, 0)} MB (after each stage)`);
  out.push('"whole run" is decode + sha256 + the unified chain + rendering JSON and CSV, without file I/O; stages run in chain order.');
  if (large.length > 0) {
    out.push('');
    out.push(`Long documents (one run each; remark-parse only on documents up to ${fixed(report.remarkLimitBytes / MB, 1)} MB: it is superlinear on long plain text)`);
    const average = documents.bytes / documents.documents;
    out.push(
      table([
        ['document', 'MB', 'seconds', 'CPU s', 'MB/s', 'remark MB/s', 'ratio', 'peak RSS MB', 'peak heap MB'],
        ...large.map((figure) => [
          figure.name,
          fixed(figure.bytes / MB, 2),
          fixed(figure.seconds, 2),
          fixed(figure.cpuSeconds, 2),
          fixed(figure.mbPerSecond, 2),
          figure.remark ? fixed(figure.remark.mbPerSecond, 2) : 'skipped',
          figure.remark ? `${fixed(figure.remark.ratio, 2)}×` : '',
          fixed(figure.peakRssMb, 0),
          fixed(figure.peakHeapUsedMb, 0),
        ]),
        ['small documents (mean)', fixed(average / MB, 3), fixed(documents.seconds / documents.documents, 3), fixed(documents.cpuSeconds / documents.documents, 3), fixed(documents.mbPerSecond, 2), fixed(documents.remark.mbPerSecond, 2), `${fixed(documents.remark.ratio, 2)}×`, fixed(documents.peakRssMb, 0), fixed(documents.peakHeapUsedMb, 0)],
      ]),
    );
    out.push('');
    out.push('Stage seconds of the long documents');
    const names = [...new Set(large.flatMap((figure) => figure.stages.map((stage) => stage.stage)))];
    out.push(
      table([
        ['stage', ...large.map((figure) => figure.name)],
        ...names.map((name) => [name, ...large.map((figure) => fixed(figure.stages.find((stage) => stage.stage === name)?.seconds ?? 0, 2))]),
      ]),
    );
  }
  if (report.pool.runs.length > 0) {
    out.push('');
    out.push(`Batch on the pool: ${report.pool.source}, ${fixed(report.pool.bytes / MB, 1)} MB, read from disk, results in submission order`);
    out.push(`(one job runs on the benchmark's warm main thread; workers start cold: "steady" counts from the ${STEADY_AFTER}th result per job on)`);
    out.push(
      table([
        ['jobs', 'seconds', 'CPU s', 'first result s', 'docs/s', 'MB/s', 'speedup', 'steady docs/s', 'steady speedup', 'peak RSS MB', 'failed'],
        ...report.pool.runs.map((run) => [
          run.workers === 0 ? '1 (no workers)' : `${run.jobs} workers`,
          fixed(run.seconds, 2),
          fixed(run.cpuSeconds, 2),
          fixed(run.firstSeconds, 2),
          fixed(run.documentsPerSecond, 0),
          fixed(run.mbPerSecond, 2),
          `${fixed(run.speedup, 2)}×`,
          fixed(run.steadyDocumentsPerSecond, 0),
          `${fixed(run.steadySpeedup, 2)}×`,
          fixed(run.peakRssMb, 0),
          String(run.failed),
        ]),
      ]),
    );
  }
  out.push('');
  out.push(...renderTargets(report));
  return `${out.join('\n')}\n`;
}

/**
 * The figures the targets are stated in, each with its target.
 *
 * @param report The figures.
 * @returns Lines of text.
 */
function renderTargets(report: Report): string[] {
  const { interleaved, cli, large, documents } = report;
  const out: string[] = ['Targets'];
  const ratios = interleaved.rounds.map((round) => fixed(round.remarkOverPipeline, 2)).join(', ');
  out.push(
    `  remark-parse alone / whole pipeline on ${interleaved.documents} papers under ${fixed(interleaved.sizeLimit / 1000, 0)} KB (${fixed(interleaved.bytes / MB, 1)} MB, in turn paper by paper): ` +
      `${fixed(interleaved.remarkOverPipeline, 2)} (median of rounds ${ratios}; target ≥ 2.00)`,
  );
  if (cli) {
    const runs = (jobs: number): string => cli.runs.filter((run) => run.jobs === jobs).map((run) => `${fixed(run.seconds, 1)} s`).join(', ');
    out.push(`  --jobs 2 / --jobs 1 wall time of \`drucksache extract --format ${cli.formats}\` on ${cli.directory} (${cli.documents} documents): ${fixed(cli.speedup, 2)}× (one job ${runs(1)}; two jobs ${runs(2)}; target ≥ 1.70)`);
    const cpu = (jobs: number): number => median(cli.runs.filter((run) => run.jobs === jobs).map((run) => run.cpuSeconds));
    out.push(`    CPU time of the whole process: ${fixed(cpu(1), 1)} s with one job, ${fixed(cpu(2), 1)} s with two; two busy threads got ${fixed(report.environment.cpuCapacity.relative, 2)}× the work of one here`);
    out.push(`  peak resident memory: ${fixed(cli.peakRssMb['1'] ?? 0, 0)} MB with one job (target ≤ 400), ${fixed(cli.peakRssMb['2'] ?? 0, 0)} MB with two (target ≤ 600)`);
    out.push(`  output of every run byte-identical: ${cli.identical ? 'yes' : 'no'} (SHA-256 over the folder ${[...new Set(cli.runs.map((run) => run.outputSha256.slice(0, 16)))].join(', ')}…)`);
    const failed = cli.runs.filter((run) => run.exitCode !== 0);
    if (failed.length > 0) out.push(`    ${failed.length} run(s) exited with a status other than 0`);
  }
  const real = large.filter((figure) => !figure.name.startsWith('concatenated'));
  if (real.length > 0) {
    const slowest = real.reduce((a, b) => (a.mbPerSecond <= b.mbPerSecond ? a : b));
    const small = interleaved.pipelineMbPerSecond > 0 ? interleaved.pipelineMbPerSecond : documents.mbPerSecond;
    out.push(`  small papers' MB/s / ${slowest.name}'s MB/s: ${fixed(small / slowest.mbPerSecond, 2)} (${fixed(small, 2)} / ${fixed(slowest.mbPerSecond, 2)}; target ≤ 1.50)`);
  }
  return out;
}

try {
  const { report, json } = await bench(process.argv.slice(2));
  process.stdout.write(json ? `${JSON.stringify(report, undefined, 2)}\n` : render(report));
} catch (error) {
  process.stderr.write(`drucksache bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
