#!/usr/bin/env node
/**
 * The command line: `drucksache extract <file|dir>... [--out DIR] [--format json,csv,jsonld]`.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { runExtract, STDOUT, type ExtractCommandOptions } from './run.js';

const FORMATS = ['json', 'csv', 'jsonld', 'ndjson', 'html', 'sqlite'] as const;

/** Input forms `--input-format` takes (the long names too). */
const INPUT_FORMATS = ['md', 'txt', 'markdown', 'text'] as const;

/** Characters that cannot delimit CSV fields. */
const RESERVED_DELIMITERS = ['"', '\n', '\r'];

/**
 * Parse a comma-separated list of output forms.
 *
 * @param value `json,csv`.
 * @returns The forms.
 */
function parseFormats(value: string): Array<(typeof FORMATS)[number]> {
  const list = value.split(',').map((part) => part.trim()).filter(Boolean);
  if (list.length === 0) throw new InvalidArgumentError(`Unexpected empty list \`${value}\`, expected one or more of ${FORMATS.join(', ')}`);
  for (const item of list) {
    if (!(FORMATS as readonly string[]).includes(item)) throw new InvalidArgumentError(`Unexpected format \`${item}\`, expected one or more of ${FORMATS.join(', ')}, comma-separated`);
  }
  return list as Array<(typeof FORMATS)[number]>;
}

/**
 * Check an input form.
 *
 * @param value As typed.
 * @returns The form.
 */
function parseInputFormat(value: string): string {
  if (!(INPUT_FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`Unexpected input format \`${value}\`, expected md or txt`);
  return value;
}

/**
 * Check a CSV delimiter.
 *
 * @param value As typed.
 * @returns The delimiter.
 */
function parseDelimiter(value: string): string {
  if ([...value].length !== 1 || value.length !== 1 || RESERVED_DELIMITERS.includes(value)) {
    throw new InvalidArgumentError(`Unexpected CSV delimiter \`${value}\`, expected one character other than a quote or a line break, such as \`;\``);
  }
  return value;
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
  // Every refusal is one line: `drucksache: option '--jobs <n>' argument 'x' is invalid. Unexpected …, expected …`.
  .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: (text, write) => write(`drucksache: ${text.replace(/^error: /, '').replace(/\n(?=.)/g, ' ')}`) });

program
  .command('extract')
  .description('extract documents (files, directories, or - for stdin) into JSON, CSV and JSON-LD')
  .argument('<inputs...>', 'files, directories (every .md/.txt inside), or - for stdin')
  .option('-o, --out <dir>', 'output directory, or - for NDJSON on stdout', 'output')
  .option('-f, --format <list>', `output forms, comma-separated: ${FORMATS.join(', ')}`, parseFormats, ['json', 'csv', 'jsonld'] as Array<(typeof FORMATS)[number]>)
  .option('--input-format <form>', 'input form for stdin or files without extension: md or txt', parseInputFormat)
  .option('--csv-delimiter <char>', 'CSV field delimiter (";" for German spreadsheets)', parseDelimiter, ',')
  .option('-j, --jobs <n>', 'parallel workers (default: one per core)', parseJobs)
  .option('-q, --quiet', 'no progress bar and no summary')
  .option('--verbose', 'print every message of every document')
  .action(async (inputs: string[], options: ExtractCommandOptions, command: Command) => {
    if (inputs.includes('-') && inputs.length > 1) {
      command.error(`argument 'inputs' is invalid. Unexpected \`-\` (stdin) together with \`${inputs.filter((input) => input !== '-').join(' ')}\`, expected stdin alone or files and directories`, { exitCode: 2 });
    }
    const folderFormats = options.format.filter((format) => format !== 'json' && format !== 'ndjson');
    if (options.out === STDOUT && command.getOptionValueSource('format') === 'cli' && folderFormats.length > 0) {
      command.error(`option '--format <list>' argument '${folderFormats.join(',')}' is invalid with '--out -'. Unexpected \`${folderFormats.join(',')}\`, expected json or ndjson (stdout takes one document per line)`, { exitCode: 2 });
    }
    process.exitCode = await runExtract(inputs, options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its one line (or the help, or the version) already.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}
