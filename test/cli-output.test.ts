/**
 * The command line at its edges, as a new user meets them: every refusal is one line on stderr that
 * names the option or input, what was given and what is allowed; an output folder holds exactly one
 * run, described by its manifest; `--out -` writes NDJSON to stdout and makes no folder; a run killed
 * with `kill -9` leaves temporary files that the next run removes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { isInside, type Manifest } from '../pipeline/manifest.js';
import { counted } from '../pipeline/run.js';
import { TEMPORARY_NAME } from '../pipeline/write.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/pipeline/cli.js');
const samples = join(root, 'input');

/** What a run of the command printed and how it ended. */
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `drucksache` with arguments.
 *
 * @param cwd Working directory.
 * @param args Arguments.
 * @returns Exit status and output.
 */
function drucksache(cwd: string, args: readonly string[]): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Every file under a folder, relative and sorted.
 *
 * @param dir The folder.
 * @returns Relative paths.
 */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split('\\').join('/'))
    .sort();
}

/**
 * Read the manifest of a folder.
 *
 * @param out The folder.
 * @returns The manifest.
 */
function manifestOf(out: string): Manifest {
  return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
}

let work = '';

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'drucksache-cli-output-'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * A folder with copies of sample documents.
 *
 * @param name Its name under the work folder.
 * @param files Sample file names.
 * @returns Its path.
 */
function inputWith(name: string, files: readonly string[]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(samples, file), join(dir, file));
  return dir;
}

/** A bad option value, and what its one line must say. */
interface BadOption {
  args: string[];
  /** The option named. */
  option: string;
  /** The value given, as quoted. */
  given: string;
  /** What is allowed. */
  allowed: RegExp;
}

/** Each bad option value and its message. */
const BAD_OPTIONS: BadOption[] = [
  { args: ['--input-format', 'pdf'], option: '--input-format', given: 'pdf', allowed: /expected md or txt/ },
  { args: ['--csv-delimiter', ';;'], option: '--csv-delimiter', given: ';;', allowed: /expected one character/ },
  { args: ['--csv-delimiter', '"'], option: '--csv-delimiter', given: '"', allowed: /other than a quote/ },
  { args: ['--format', 'xml'], option: '--format', given: 'xml', allowed: /expected one or more of json, csv, jsonld, ndjson, html/ },
  { args: ['--format', 'json,pdf'], option: '--format', given: 'pdf', allowed: /expected one or more of/ },
  { args: ['--format', ','], option: '--format', given: ',', allowed: /expected one or more of/ },
  { args: ['--jobs', '0'], option: '--jobs', given: '0', allowed: /expected a whole number from 1 to 64/ },
  { args: ['--jobs', 'two'], option: '--jobs', given: 'two', allowed: /expected a whole number/ },
  { args: ['--out', '-', '--format', 'csv'], option: '--format', given: 'csv', allowed: /with '--out -'.*expected json or ndjson/ },
];

describe('a bad option value', () => {
  it.each(BAD_OPTIONS)('$args is refused in one line naming the option, the value and what is allowed, exit 2', ({ args, option, given, allowed }) => {
    const out = join(work, 'refused-out');
    const run = drucksache(work, ['extract', samples, '--out', out, ...args]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toContain(option);
    expect(lines[0]).toContain(`\`${given}\``);
    expect(lines[0]).toMatch(allowed);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('stdin mixed with files is refused in one line, exit 2', () => {
    const run = drucksache(work, ['extract', '-', samples]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`drucksache: argument 'inputs' is invalid. Unexpected \`-\` (stdin) together with \`${samples}\`, expected stdin alone or files and directories\n`);
  });

  it('an unknown option and a missing input are refused in one line, exit 2', () => {
    for (const args of [['extract', samples, '--fromat', 'json'], ['extract']]) {
      const run = drucksache(work, args);
      expect(run.status).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^drucksache: (?:unknown option '--fromat' \(Did you mean --format\?\)|missing required argument 'inputs')\n$/);
    }
  });
});

describe('inputs', () => {
  it('a folder without documents says what was looked for where, exit 1', () => {
    const empty = join(work, 'empty');
    mkdirSync(join(empty, 'sub'), { recursive: true });
    writeFileSync(join(empty, 'sub', 'scan.pdf'), '%PDF-1.4\n');
    const run = drucksache(work, ['extract', empty, '--out', join(work, 'empty-out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${empty}: Unexpected directory without documents, expected \`.md\`, \`.markdown\` or \`.txt\` files in it or its sub-folders`);
    expect(run.stderr).toMatch(/^0 documents, 1 failed, 0 warnings/m);
  });

  it('the same folder or file named twice is read once, without a loop warning', () => {
    const input = inputWith('twice', ['bt21-0375.txt', 'bt21-0839.txt']);
    const out = join(work, 'twice-out');
    const run = drucksache(work, ['extract', input, input, join(input, 'bt21-0375.txt'), '--out', out, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/loop|Unexpected/);
    expect(run.stderr).toMatch(/^2 documents, 0 failed/m);
    expect(manifestOf(out).inputs.map((entry) => entry.document)).toEqual(['bt21-0375', 'bt21-0839']);
  });

  it('counts in the right number', () => {
    expect([counted(0, 'document'), counted(1, 'document'), counted(2, 'warning')]).toEqual(['0 documents', '1 document', '2 warnings']);
    const run = drucksache(work, ['extract', join(samples, 'bt21-0375.txt'), '--out', join(work, 'one-out'), '--format', 'json']);
    expect(run.stderr).toMatch(/^1 document, 0 failed, \d+ warnings?, /m);
  });
});

describe('an output folder', () => {
  it('holds exactly one run: a rerun removes what the last run wrote and this one does not, never a file no run wrote', () => {
    const input = inputWith('rerun', ['bt21-0375.txt', 'bt21-0839.txt', 'nds19-11181.txt']);
    const out = join(work, 'rerun-out');
    mkdirSync(join(out, 'json'), { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    writeFileSync(join(out, 'json', 'mine.json'), '{}\n');
    expect(drucksache(work, ['extract', input, '--out', out, '--format', 'json,csv,jsonld,html']).status).toBe(0);
    const first = manifestOf(out);
    expect(first.complete).toBe(true);
    expect(first.inputs.map((entry) => entry.document)).toEqual(['bt21-0375', 'bt21-0839', 'nds19-11181']);
    expect(first.outputs).toContain('html/bt21-0839.html');
    rmSync(join(input, 'bt21-0839.txt'));
    expect(drucksache(work, ['extract', input, '--out', out, '--format', 'json,csv']).status).toBe(0);
    const second = manifestOf(out);
    expect(second.formats).toEqual(['json', 'csv']);
    expect(filesUnder(out)).toEqual([...second.outputs, 'json/mine.json', 'manifest.json', 'notes.txt'].sort());
    expect(second.outputs).toEqual([
      ...['amounts', 'answers', 'dates', 'documents', 'entities', 'mentions', 'questions', 'sources'].map((table) => `csv/${table}.csv`),
      'json/bt21-0375.json',
      'json/nds19-11181.json',
    ]);
    expect(readFileSync(join(out, 'csv', 'documents.csv'), 'utf8')).not.toContain('bt21-0839');
    expect(existsSync(join(out, 'html'))).toBe(false);
    expect(readFileSync(join(out, 'json', 'mine.json'), 'utf8')).toBe('{}\n');
  });

  it('has a manifest with the inputs and their SHA-256, the formats and the version, the same on every run', () => {
    const input = inputWith('manifest', ['bt21-1344.txt']);
    const out = join(work, 'manifest-out');
    drucksache(work, ['extract', input, '--out', out, '--format', 'json']);
    const text = readFileSync(join(out, 'manifest.json'), 'utf8');
    drucksache(work, ['extract', input, '--out', out, '--format', 'json']);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(text);
    const manifest = JSON.parse(text) as Manifest;
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(manifest).toMatchObject({ tool: 'drucksache', version, schemaVersion: '1', formats: ['json'], outputs: ['json/bt21-1344.json'] });
    expect(manifest.inputs).toEqual([{ path: join(input, 'bt21-1344.txt'), document: 'bt21-1344', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string }]);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('does not follow a manifest out of the folder', () => {
    expect([isInside('json/a.json'), isInside('../a.json'), isInside('/etc/passwd'), isInside('json/../../a'), isInside('./a'), isInside('manifest.json')]).toEqual([true, false, false, false, false, false]);
    const input = inputWith('tampered', ['bt21-1344.txt']);
    const out = join(work, 'tampered-out');
    const outside = join(work, 'precious.txt');
    writeFileSync(outside, 'keep\n');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ tool: 'drucksache', outputs: ['../precious.txt', outside] }));
    expect(drucksache(work, ['extract', input, '--out', out, '--format', 'json']).status).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('keep\n');
  });
});

/**
 * Parse RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes).
 *
 * @param text The table.
 * @returns Rows of cells, the header first.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  return rows;
}

describe('csv/dates.csv', () => {
  it('holds every date of the JSON, in document order, with its position', () => {
    const out = join(work, 'dates-out');
    expect(drucksache(root, ['extract', 'input', '--out', out, '--format', 'json,csv', '--quiet']).status).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'csv', 'dates.csv'), 'utf8'));
    expect(header).toEqual(['document', 'text', 'start', 'end', 'precision', 'in', 'start_line', 'start_column', 'start_offset', 'end_line', 'end_column', 'end_offset']);
    const expected: string[][] = [];
    for (const entry of manifestOf(out).inputs) {
      const document = JSON.parse(readFileSync(join(out, 'json', `${entry.document}.json`), 'utf8')) as { dates: Array<{ text: string; start: string; end: string; precision: string; in: string; position: { start: { offset: number }; end: { offset: number } } }> };
      for (const date of document.dates) expected.push([entry.document, date.text, date.start, date.end, date.precision, date.in, String(date.position.start.offset), String(date.position.end.offset)]);
    }
    expect(expected.length).toBeGreaterThan(20);
    expect(rows.map((row) => [...row.slice(0, 6), row[8] ?? '', row[11] ?? ''])).toEqual(expected);
  });
});

describe('--out -', () => {
  it('writes one document per line to stdout and makes no folder', () => {
    const input = inputWith('stdout', ['bt21-0375.txt', 'bt21-0839.txt']);
    const run = drucksache(input, ['extract', '.', '--out', '-', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { source: { path: string } }).source.path)).toEqual(['bt21-0375.txt', 'bt21-0839.txt']);
    expect(readdirSync(input).sort()).toEqual(['bt21-0375.txt', 'bt21-0839.txt']);
    expect(existsSync(join(input, 'output'))).toBe(false);
  });
});

describe('a run killed with kill -9', () => {
  it('leaves temporary files that the next run removes', async () => {
    const input = join(work, 'killed');
    mkdirSync(input);
    for (let index = 0; index < 400; index++) copyFileSync(join(samples, 'bt21-0839.txt'), join(input, `k${String(index).padStart(3, '0')}.txt`));
    const out = join(work, 'killed-out');
    const child = spawn(process.execPath, [cli, 'extract', input, '--out', out, '--format', 'json,csv', '--jobs', '1', '--quiet'], { stdio: 'ignore' });
    const temporaries = (): string[] => filesUnder(out).filter((name) => name.endsWith('.tmp'));
    const deadline = Date.now() + 120_000;
    while (!temporaries().some((name) => name.startsWith('csv/')) && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const left = temporaries();
    expect(left.length, 'the killed run left no temporary file to clean up').toBeGreaterThan(0);
    expect(manifestOf(out).complete).toBe(false);
    for (const name of left) expect(name.split('/').at(-1)).toMatch(TEMPORARY_NAME);
    const keep = join(out, 'csv', 'mine.csv.tmp');
    writeFileSync(keep, 'a user file\n');
    rmSync(input, { recursive: true });
    const small = inputWith('killed-small', ['bt21-1344.txt']);
    const run = drucksache(work, ['extract', small, '--out', out, '--format', 'json,csv']);
    expect(run.status, run.stderr).toBe(0);
    expect(temporaries()).toEqual(['csv/mine.csv.tmp']);
    // The killed run's JSON files were in its journal: they go too.
    expect(filesUnder(join(out, 'json'))).toEqual(['bt21-1344.json']);
  }, 180_000);

  it('names temporary files so that they can be told apart', () => {
    const cases: Array<[string, boolean]> = [
      ['documents.csv.4711.tmp', true],
      ['documents.csv.4711.3.tmp', true],
      ['bt21-0375.json.12.1.tmp', true],
      ['mine.csv.tmp', false],
      ['notes.txt.12.1.tmp', false],
      ['x.json.12.1.tmp.bak', false],
    ];
    for (const [name, matches] of cases) expect(TEMPORARY_NAME.test(name), name).toBe(matches);
  });
});
