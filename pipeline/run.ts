/**
 * The `extract` command: collect inputs, run the batch, write outputs, report.
 */
import { SingleBar } from 'cli-progress';
import { collectInputs } from './files.js';
import { scanBatch } from './link.js';
import { createPool, defaultJobs, extractInOrder } from './pool.js';
import { extractBytes, stemOf, type FileResult, type OutputFormat } from './batch.js';
import { csvSink, htmlSink, jsonLdSink, jsonSink, ndjsonSink, type Sink } from './sinks.js';
import { toJson, toNdjsonLine } from '../src/emit/json.js';

/** Options of `drucksache extract`. */
export interface ExtractCommandOptions {
  out: string;
  format: OutputFormat[];
  inputFormat?: string;
  csvDelimiter: string;
  jobs?: number;
  quiet?: boolean;
  verbose?: boolean;
}

/**
 * Read all of stdin.
 *
 * @returns The bytes.
 */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Compare strings by code unit, the same on every machine (no locale).
 *
 * @param a One string.
 * @param b The other.
 * @returns Negative, zero or positive.
 */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Documents in flight per job: results must come out in input order, so a long document holds back
 * the ones after it; a deeper look-ahead keeps the other workers busy meanwhile.
 */
const LOOK_AHEAD_PER_JOB = 128;

/** Documents per worker below which starting workers costs more than it saves (measured by `npm run bench`). */
const DOCUMENTS_PER_WORKER = 50;

/**
 * The default number of parallel jobs for a batch: one per core, but only as many workers as the
 * batch keeps busy long enough to repay their start-up (about 2 s each: modules and lexicon).
 *
 * @param documents Documents in the batch.
 * @returns Jobs; 1 means no workers.
 */
function jobsFor(documents: number): number {
  return Math.max(1, Math.min(defaultJobs(), Math.floor(documents / DOCUMENTS_PER_WORKER)));
}

/**
 * A progress bar on stderr: documents done, MB/s, time left.
 *
 * @param total Documents in the batch.
 * @returns The bar, started.
 */
function createProgress(total: number): SingleBar {
  const bar = new SingleBar({
    format: 'drucksache {bar} {value}/{total} documents | {rate} MB/s | {eta_formatted} left',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { rate: '0.00' });
  return bar;
}

/**
 * Run the extract command.
 *
 * @param inputs Paths or `-`.
 * @param options Options.
 * @returns The exit status: 0 all done, 1 some failed.
 */
export async function runExtract(inputs: readonly string[], options: ExtractCommandOptions): Promise<number> {
  const inputFormat = options.inputFormat === undefined ? undefined : /^m/.test(options.inputFormat) ? 'markdown' : 'text';
  if (inputs.includes('-')) {
    const result = extractBytes(await readStdin(), '-', inputFormat ?? undefined);
    if (result.document) {
      process.stdout.write(options.format.includes('ndjson') ? toNdjsonLine(result.document) : toJson(result.document));
      return 0;
    }
    process.stderr.write(`-: ${result.error ?? 'failed'}\n`);
    return 1;
  }
  const started = performance.now();
  const { files: listed, problems } = await collectInputs(inputs);
  const failed = new Set<string>(problems.map((problem) => problem.path));
  for (const problem of problems) process.stderr.write(`${problem.path}: ${problem.reason}\n`);
  const sinks: Sink[] = [];
  if (options.format.includes('json')) sinks.push(jsonSink(options.out));
  if (options.format.includes('jsonld')) sinks.push(jsonLdSink(options.out));
  if (options.format.includes('csv')) sinks.push(csvSink(options.out, { delimiter: options.csvDelimiter }));
  if (options.format.includes('html')) sinks.push(htmlSink(options.out));
  if (options.format.includes('ndjson')) sinks.push(ndjsonSink(process.stdout));
  let warnings = 0;
  let done = 0;
  const report = (result: FileResult): void => {
    if (result.error) {
      failed.add(result.path);
      process.stderr.write(`${result.path}: ${result.error}\n`);
    }
    warnings += result.warnings;
    if (options.verbose && result.document) {
      for (const message of result.document.messages) {
        const place = message.position ? `${message.position.start.line}:${message.position.start.column}` : '1:1';
        process.stderr.write(`${result.path}:${place}: ${message.reason} [${message.ruleId}]\n`);
      }
    }
  };
  // Output order follows the file names, whatever the order of the arguments; names must be unique.
  const files: string[] = [];
  const stems = new Map<string, string>();
  for (const path of [...listed].sort((a, b) => compare(stemOf(a), stemOf(b)) || compare(a, b))) {
    const earlier = stems.get(stemOf(path));
    if (earlier === undefined) {
      stems.set(stemOf(path), path);
      files.push(path);
    } else {
      report({ path, error: `Unexpected second document with the output name \`${stemOf(path)}\` (first: ${earlier}), expected unique file names`, warnings: 0 });
    }
  }
  const linker = await scanBatch(files.map((path) => ({ path, stem: stemOf(path) })), inputFormat);
  const progress = options.quiet || !process.stderr.isTTY ? undefined : createProgress(files.length);
  const pool = createPool(options.jobs ?? jobsFor(files.length));
  let bytes = 0;
  try {
    let index = 0;
    for await (const result of extractInOrder(pool, files, inputFormat, pool.jobs * LOOK_AHEAD_PER_JOB)) {
      const path = files[index] ?? result.path;
      index++;
      report(result);
      if (result.document) {
        await linker.link(result.document, stemOf(path));
        for (const sink of sinks) {
          try {
            await sink.add(result.document, stemOf(path));
          } catch (error) {
            report({ path, error: `Cannot write output: ${error instanceof Error ? error.message : String(error)}`, warnings: 0 });
          }
        }
      }
      done++;
      bytes += result.bytes ?? 0;
      progress?.update(done, { rate: (bytes / 1e6 / ((performance.now() - started) / 1000)).toFixed(2) });
    }
  } finally {
    await pool.close();
    progress?.stop();
  }
  for (const sink of sinks) {
    try {
      await sink.finish();
    } catch (error) {
      failed.add(options.out);
      process.stderr.write(`${options.out}: Cannot write output: ${error instanceof Error ? error.message : String(error)}\n`);
      await sink.abort();
    }
  }
  if (!options.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`${done} documents, ${failed.size} failed, ${warnings} warnings, ${seconds} s\n`);
  }
  return failed.size > 0 ? 1 : 0;
}
