/**
 * The `extract` command: collect inputs, run the batch, write outputs, report.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { SingleBar } from 'cli-progress';
import { collectInputs, describe } from './files.js';
import { scanBatch } from './link.js';
import { createPool, defaultJobs, extractInOrder } from './pool.js';
import { extractBytes, stemOf, type FileResult, type OutputFormat } from './batch.js';
import { readManifest, removeStale, sortedSet, writeManifest, type Manifest, type ManifestInput } from './manifest.js';
import { csvSink, htmlSink, jsonLdSink, jsonSink, ndjsonSink, type Sink } from './sinks.js';
import { sqliteSink } from './sqlite.js';
import { removeDeadTemporaries } from './write.js';
import { toJson, toNdjsonLine } from '../src/emit/json.js';
import { schemaVersion } from '../src/model.js';

/** The output forms, in the order the manifest lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'csv', 'jsonld', 'html', 'ndjson', 'sqlite'];

/** `--out -`: documents go to stdout as NDJSON, no folder is made. */
export const STDOUT = '-';

/** Options of `drucksache extract`. */
export interface ExtractCommandOptions {
  /** The output folder, or `-` for NDJSON on stdout. */
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

/**
 * How far V8 lets a heap grow past what the last full collection kept, in percent, for a batch (on
 * this thread and on the workers: V8's flags are the process's). Its own factor let a heap grow to
 * three or four times what lived, so a batch peaked at 700 MB on one job while no paper needed more
 * than 200 MB at once; at 30 % the peak follows the longest paper, for about a tenth more CPU time
 * spent collecting.
 */
const HEAP_GROWING_PERCENT = 30;

/**
 * Regular expressions compiled to machine code on their first use, not run by V8's interpreter
 * until they have run often: the stages' long alternations (the currency names) cost each worker a
 * third of a second of CPU before they were compiled; over a whole batch the two ways cost the same.
 */
const REGEXP_FLAG = '--no-regexp-tier-up';

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
 * A count with its noun, singular or plural: `1 document`, `2 documents`.
 *
 * @param count The count.
 * @param singular The noun for one.
 * @param plural The noun for several.
 * @returns The phrase.
 */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * The version of this package, from its `package.json` (found above this module, in `pipeline/` or `dist/pipeline/`).
 *
 * @returns The version.
 */
async function packageVersion(): Promise<string> {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const value = JSON.parse(await readFile(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (value.name === 'drucksache' && typeof value.version === 'string') return value.version;
    } catch {
      // Not there: try one level up.
    }
  }
  return '0.0.0';
}

/**
 * The files already present in the folders a run may write to, relative to the output folder.
 *
 * @param out The output folder.
 * @param paths Relative paths whose folders to list.
 * @returns The existing files among them.
 */
async function existing(out: string, paths: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const dir of sortedSet(paths.map((path) => dirname(path)))) {
    try {
      for (const name of await readdir(join(out, dir))) found.add(dir === '.' ? name : `${dir}/${name}`);
    } catch {
      // No such folder yet.
    }
  }
  return found;
}

/** How one sink fared in a run. */
interface SinkState {
  sink: Sink;
  /** Stems whose outputs this sink wrote. */
  written: string[];
  /** False once writing its corpus-wide files failed. */
  finished: boolean;
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
  const toStdout = options.out === STDOUT;
  if (inputs.includes('-')) {
    const result = extractBytes(await readStdin(), '-', inputFormat ?? undefined);
    if (result.document) {
      process.stdout.write(toStdout || options.format.includes('ndjson') ? toNdjsonLine(result.document) : toJson(result.document));
      return 0;
    }
    process.stderr.write(`-: ${result.error ?? 'failed'}\n`);
    return 1;
  }
  const started = performance.now();
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  setFlagsFromString(REGEXP_FLAG);
  const { files: listed, problems } = await collectInputs(inputs);
  const failed = new Map<string, string>(problems.map((problem) => [problem.path, problem.reason]));
  for (const problem of problems) process.stderr.write(`${problem.path}: ${problem.reason}\n`);
  const sinks: Sink[] = [];
  if (toStdout) sinks.push(ndjsonSink(process.stdout));
  else {
    if (options.format.includes('json')) sinks.push(jsonSink(options.out));
    if (options.format.includes('jsonld')) sinks.push(jsonLdSink(options.out));
    if (options.format.includes('csv')) sinks.push(csvSink(options.out, { delimiter: options.csvDelimiter }));
    if (options.format.includes('html')) sinks.push(htmlSink(options.out));
    if (options.format.includes('ndjson')) sinks.push(ndjsonSink(process.stdout));
    if (options.format.includes('sqlite')) sinks.push(sqliteSink(options.out));
  }
  const states: SinkState[] = sinks.map((sink) => ({ sink, written: [], finished: true }));
  let warnings = 0;
  let done = 0;
  const report = (result: FileResult): void => {
    if (result.error) {
      failed.set(result.path, result.error);
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
  // The folder holds one run: a journal first (what the last run and this one may write), so that
  // a run that dies still leaves a list of every file a run wrote here.
  const planned = sortedSet(states.flatMap(({ sink }) => sink.outputs?.([...stems.keys()]) ?? []));
  const inFolder = planned.length > 0;
  const previous = inFolder ? await readManifest(options.out) : undefined;
  const manifest: Manifest = {
    tool: 'drucksache',
    version: await packageVersion(),
    schemaVersion,
    complete: false,
    formats: OUTPUT_FORMATS.filter((format) => options.format.includes(format)),
    ...(options.format.includes('csv') ? { csvDelimiter: options.csvDelimiter } : {}),
    inputs: [],
    failed: [],
    outputs: [],
  };
  if (inFolder) {
    try {
      const earlier = previous?.outputs ?? [];
      await removeDeadTemporaries(sortedSet([...earlier, ...planned, 'manifest.json'].map((path) => join(options.out, dirname(path)))));
      const present = await existing(options.out, planned);
      // A file that is there but no run listed is a user's: this run may overwrite it, but a later run never removes it.
      const listed = new Set(earlier);
      const mayWrite = planned.filter((path) => !present.has(path) || listed.has(path));
      await writeManifest(options.out, { ...manifest, outputs: sortedSet([...earlier, ...mayWrite]) });
    } catch (error) {
      process.stderr.write(`${options.out}: Cannot write output: ${describe(error)}\n`);
      return 1;
    }
  }
  const written: ManifestInput[] = [];
  const progress = options.quiet || !process.stderr.isTTY ? undefined : createProgress(files.length);
  const csv = options.format.includes('csv') ? { delimiter: options.csvDelimiter } : undefined;
  // JSON, CSV and JSON-LD are rendered where the document is extracted; any other output, and the
  // report of every message, needs the document itself on this thread.
  const keepDocument = toStdout || options.verbose === true || options.format.some((format) => format !== 'json' && format !== 'csv' && format !== 'jsonld');
  const render = { json: options.format.includes('json'), csv, jsonld: options.format.includes('jsonld'), document: keepDocument, link: linker.interest };
  const jobs = options.jobs ?? jobsFor(files.length);
  // On one job nothing is gained by rendering ahead: each sink renders its output from the document
  // and lets it go before the next one renders, so a long paper holds one of its texts at a time.
  const pool = createPool(jobs, jobs === 1 ? {} : { render });
  let bytes = 0;
  try {
    let index = 0;
    for await (const result of extractInOrder(pool, files, inputFormat, pool.jobs * LOOK_AHEAD_PER_JOB)) {
      const path = files[index] ?? result.path;
      index++;
      report(result);
      if (result.sha256 !== undefined) {
        const stem = stemOf(path);
        const { document, rendered } = result;
        // An answer linked to its paper changed after the worker rendered it: the sinks render it again.
        const linked = document ? await linker.link(document, stem) : false;
        written.push({ path, document: stem, sha256: result.sha256 });
        for (const state of states) {
          try {
            if (document) await state.sink.add(document, stem, linked ? undefined : rendered);
            else if (rendered && state.sink.addRendered) await state.sink.addRendered(rendered, stem);
            else throw new Error(`Unexpected result of \`${stem}\` without its document, expected the document for this output`);
            state.written.push(stem);
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
  for (const state of states) {
    try {
      await state.sink.finish();
    } catch (error) {
      state.finished = false;
      failed.set(options.out, `Cannot write output: ${error instanceof Error ? error.message : String(error)}`);
      process.stderr.write(`${options.out}: Cannot write output: ${error instanceof Error ? error.message : String(error)}\n`);
      await state.sink.abort();
    }
  }
  if (inFolder) {
    const outputs = sortedSet(states.flatMap((state) => (state.finished ? (state.sink.outputs?.(state.written) ?? []) : [])));
    try {
      await removeStale(options.out, previous?.outputs ?? [], outputs);
      const failures = [...failed].map(([path, reason]) => ({ path, reason })).sort((a, b) => compare(a.path, b.path));
      await writeManifest(options.out, { ...manifest, complete: true, inputs: written.filter((input) => !failed.has(input.path)), failed: failures, outputs });
    } catch (error) {
      failed.set(options.out, describe(error));
      process.stderr.write(`${options.out}: Cannot write the manifest: ${describe(error)}\n`);
    }
  }
  if (!options.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`${counted(done, 'document')}, ${failed.size} failed, ${counted(warnings, 'warning')}, ${seconds} s\n`);
  }
  return failed.size > 0 ? 1 : 0;
}
