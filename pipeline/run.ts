/**
 * The `extract` command: collect inputs, run the batch, write outputs, report.
 */
import { collectInputs } from './files.js';
import { extractBytes, extractFile, stemOf, type FileResult, type OutputFormat } from './batch.js';
import { csvSink, jsonLdSink, jsonSink, ndjsonSink, type Sink } from './sinks.js';
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
  const { files, problems } = await collectInputs(inputs);
  let failures = problems.length;
  for (const problem of problems) process.stderr.write(`${problem.path}: ${problem.reason}\n`);
  const sinks: Sink[] = [];
  if (options.format.includes('json')) sinks.push(jsonSink(options.out));
  if (options.format.includes('jsonld')) sinks.push(jsonLdSink(options.out));
  if (options.format.includes('csv')) sinks.push(csvSink(options.out, { delimiter: options.csvDelimiter }));
  if (options.format.includes('ndjson')) sinks.push(ndjsonSink(process.stdout));
  const stems = new Map<string, string>();
  let warnings = 0;
  let done = 0;
  const report = (result: FileResult): void => {
    if (result.error) {
      failures++;
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
  for (const path of files) {
    const stem = stemOf(path);
    const earlier = stems.get(stem);
    if (earlier !== undefined) {
      report({ path, error: `Unexpected second document with the output name \`${stem}\` (first: ${earlier}), expected unique file names`, warnings: 0 });
      continue;
    }
    stems.set(stem, path);
    const result = await extractFile(path, inputFormat);
    report(result);
    if (result.document) {
      for (const sink of sinks) {
        try {
          await sink.add(result.document, stem);
        } catch (error) {
          report({ path, error: `Cannot write output: ${error instanceof Error ? error.message : String(error)}`, warnings: 0 });
        }
      }
    }
    done++;
  }
  for (const sink of sinks) {
    try {
      await sink.finish();
    } catch (error) {
      failures++;
      process.stderr.write(`${options.out}: Cannot write output: ${error instanceof Error ? error.message : String(error)}\n`);
      await sink.abort();
    }
  }
  if (!options.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`${done} documents, ${failures} failed, ${warnings} warnings, ${seconds} s\n`);
  }
  return failures > 0 ? 1 : 0;
}
