#!/usr/bin/env node
/**
 * The command line: `drucksache extract <file|dir>... [--out DIR] [--format json,csv,jsonld]`.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { runExtract, type ExtractCommandOptions } from './run.js';

const FORMATS = ['json', 'csv', 'jsonld', 'ndjson', 'html', 'sqlite'] as const;

/**
 * Parse a comma-separated list of output forms.
 *
 * @param value `json,csv`.
 * @returns The forms.
 */
function parseFormats(value: string): Array<(typeof FORMATS)[number]> {
  const list = value.split(',').map((part) => part.trim()).filter(Boolean);
  for (const item of list) {
    if (!(FORMATS as readonly string[]).includes(item)) throw new InvalidArgumentError(`Unexpected format \`${item}\`, expected one of ${FORMATS.join(', ')}`);
  }
  return list as Array<(typeof FORMATS)[number]>;
}

/**
 * Parse a positive integer.
 *
 * @param value As typed.
 * @returns The number.
 */
function parseJobs(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 64) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a whole number from 1 to 64`);
  return number;
}

// A reader that stops early (`| head`, `| jq -n 'first(inputs)'`) is no error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const program = new Command()
  .name('drucksache')
  .description('Turn German parliamentary papers (Drucksachen) into clean, linked data')
  .version(version)
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('extract')
  .description('extract documents (files, directories, or - for stdin) into JSON, CSV and JSON-LD')
  .argument('<inputs...>', 'files, directories (every .md/.txt inside), or - for stdin')
  .option('-o, --out <dir>', 'output directory', 'output')
  .option('-f, --format <list>', `output forms, comma-separated: ${FORMATS.join(', ')}`, parseFormats, ['json', 'csv', 'jsonld'] as Array<(typeof FORMATS)[number]>)
  .option('--input-format <form>', 'input form for stdin or files without extension: md or txt')
  .option('--csv-delimiter <char>', 'CSV field delimiter (";" for German spreadsheets)', ',')
  .option('-j, --jobs <n>', 'parallel workers (default: one per core)', parseJobs)
  .option('-q, --quiet', 'no progress bar and no summary')
  .option('--verbose', 'print every message of every document')
  .action(async (inputs: string[], options: ExtractCommandOptions) => {
    if (options.inputFormat !== undefined && !['md', 'txt', 'markdown', 'text'].includes(options.inputFormat)) {
      throw new InvalidArgumentError(`Unexpected input format \`${options.inputFormat}\`, expected md or txt`);
    }
    if (options.csvDelimiter.length !== 1) throw new InvalidArgumentError(`Unexpected CSV delimiter \`${options.csvDelimiter}\`, expected one character`);
    process.exitCode = await runExtract(inputs, options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof InvalidArgumentError) {
    process.stderr.write(`drucksache: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
