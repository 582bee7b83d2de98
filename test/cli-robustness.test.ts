/**
 * The built command line on bad input: each bad file is named on stderr with its reason, the batch
 * goes on, the exit status says something failed, and no half-written `*.tmp` file is left behind.
 * Also the worker pool the batch runs on: same documents as one job, in submission order, failures
 * confined to their document.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { createPool, extractInOrder } from '../pipeline/pool.js';
import type { FileResult } from '../pipeline/batch.js';
import { MAX_INPUT_BYTES } from '../src/parse/decode.js';
import type { DrucksacheDocument } from '../src/model.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/pipeline/cli.js');
const workerUrl = new URL('../dist/pipeline/worker.js', import.meta.url);
const samples = join(root, 'input');

/** A small Drucksache-like text with umlauts, to see that a decoding kept them. */
const SMALL_DOCUMENT = '1. Wie viele Anträge auf Förderung wurden 2024 gestellt?\n\nEs wurden 12 Anträge gestellt.\n';

/** An input the batch must refuse, with the reason it must give. */
interface Refused {
  name: string;
  file: string;
  make: (path: string) => void;
  reason: RegExp;
}

/** An odd input the batch must still extract. */
interface Accepted {
  name: string;
  file: string;
  make: (path: string) => void;
  /** Text the JSON output must contain. */
  contains: string;
}

/** Bad inputs and what the batch must say about them. */
const REFUSED: Refused[] = [
  { name: 'an empty file', file: 'empty.txt', make: (path) => writeFileSync(path, ''), reason: /empty/i },
  { name: 'a binary file', file: 'scan.txt', make: (path) => writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)])), reason: /binary/i },
  { name: 'invalid UTF-8', file: 'broken.txt', make: (path) => writeFileSync(path, Buffer.concat([Buffer.from('1. Wie viele '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('?\n')])), reason: /not UTF-8/ },
  { name: 'Windows-1252 text', file: 'latin.txt', make: (path) => writeFileSync(path, Buffer.from(SMALL_DOCUMENT, 'latin1')), reason: /Windows-1252.*iconv/ },
  {
    name: 'a file over the size limit',
    file: 'huge.txt',
    make: (path) => {
      // Sparse: no megabytes written.
      writeFileSync(path, '');
      truncateSync(path, MAX_INPUT_BYTES + 1);
    },
    reason: /size limit/,
  },
  { name: 'a directory symlink loop', file: 'loop', make: (path) => symlinkSync('.', path), reason: /symlink loop/ },
  { name: 'a file symlink loop', file: 'self.md', make: (path) => symlinkSync('self.md', path), reason: /symlink loop/ },
  { name: 'a dangling symlink', file: 'gone.txt', make: (path) => symlinkSync('does-not-exist.txt', path), reason: /No such file/ },
];

/** Odd inputs the batch must extract. */
const ACCEPTED: Accepted[] = [
  { name: 'UTF-16 LE with a byte order mark', file: 'utf16le.txt', make: (path) => writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SMALL_DOCUMENT, 'utf16le')])), contains: 'Anträge' },
  { name: 'UTF-16 BE with a byte order mark', file: 'utf16be.txt', make: (path) => writeFileSync(path, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SMALL_DOCUMENT, 'utf16le').swap16()])), contains: 'Förderung' },
  { name: 'a single 1 MB line', file: 'one-line.txt', make: (path) => writeFileSync(path, `1. Wie viele ${'Anträge und Zahlen '.repeat(56_000)}gab es?\n`), contains: 'Anträge und Zahlen' },
  { name: 'a file without any question', file: 'note.txt', make: (path) => writeFileSync(path, 'Vermerk über die Sitzung des Ausschusses ohne jede Frage.\n'), contains: 'Vermerk' },
];

/** Levels of `>` in the deeply nested Markdown. */
const NESTING = 10_000;

/** Tiny files in the large directory. */
const TINY_FILES = 10_000;

/**
 * Run `drucksache extract` with arguments.
 *
 * @param cwd Working directory.
 * @param args Arguments after `extract`.
 * @returns Exit status and output.
 */
function extractCommand(cwd: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, 'extract', ...args], { cwd, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Every `*.tmp` file under a directory.
 *
 * @param dir The directory.
 * @returns Their paths, relative.
 */
function leftovers(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
}

/**
 * Read a JSON output.
 *
 * @param out The output directory.
 * @param stem The document's stem.
 * @returns The document.
 */
function output(out: string, stem: string): DrucksacheDocument {
  return JSON.parse(readFileSync(join(out, 'json', `${stem}.json`), 'utf8')) as DrucksacheDocument;
}

/**
 * The stderr lines that name a path.
 *
 * @param stderr The output.
 * @param path The path.
 * @returns Those lines.
 */
function linesAbout(stderr: string, path: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith(`${path}:`));
}

let work = '';

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'drucksache-cli-'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * Make an input directory with the two good sample documents.
 *
 * @param name Its name under the work directory.
 * @returns Its path.
 */
function inputWithGoodFiles(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(samples, 'bt21-0839.txt'), join(dir, 'good-text.txt'));
  copyFileSync(join(samples, 'bt18-13237-answer.md'), join(dir, 'good-markdown.md'));
  return dir;
}

describe('a batch with every kind of bad input', () => {
  let input = '';
  let out = '';
  let run: { status: number | null; stdout: string; stderr: string } = { status: null, stdout: '', stderr: '' };
  const deep = 'deep.md';
  const missing = 'missing.txt';

  beforeAll(() => {
    input = inputWithGoodFiles('mixed');
    for (const item of [...REFUSED, ...ACCEPTED]) item.make(join(input, item.file));
    writeFileSync(join(input, deep), `${'>'.repeat(NESTING)} 1. Wie viele Ebenen gibt es?\n`);
    out = join(work, 'mixed-out');
    run = extractCommand(work, [input, join(work, missing), '--out', out, '--format', 'json,csv,jsonld', '--verbose']);
  }, 300_000);

  it('exits with status 1', () => {
    expect(run.status, run.stderr).toBe(1);
  });

  it('still writes the good documents', () => {
    for (const stem of ['good-text', 'good-markdown']) expect(output(out, stem).questions.length, stem).toBeGreaterThan(0);
    const documentsCsv = readFileSync(join(out, 'csv', 'documents.csv'), 'utf8');
    expect(documentsCsv).toContain('good-text');
    expect(existsSync(join(out, 'jsonld', 'good-markdown.jsonld'))).toBe(true);
  });

  it.each(REFUSED)('names $name ($file) with the reason and writes nothing for it', ({ file, reason }) => {
    const lines = linesAbout(run.stderr, join(input, file));
    expect(lines.length, run.stderr).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(reason);
    expect(existsSync(join(out, 'json', `${file.replace(/\.[^.]*$/, '')}.json`))).toBe(false);
  });

  it('names an input that does not exist', () => {
    expect(linesAbout(run.stderr, join(work, missing)).join('\n')).toMatch(/No such file/);
  });

  it.each(ACCEPTED)('extracts $name ($file)', ({ file, contains }) => {
    const document = output(out, file.replace(/\.[^.]*$/, ''));
    expect(JSON.stringify(document)).toContain(contains);
    // Messages about the document (with --verbose) are fine; a failure is not.
    for (const line of linesAbout(run.stderr, join(input, file))) expect(line).toMatch(/^[^:]+:\d+:\d+: /);
  });

  it('reports the document without questions in a message naming it', () => {
    expect(linesAbout(run.stderr, join(input, 'note.txt')).join('\n')).toMatch(/question/i);
    expect(output(out, 'note').messages.some((message) => message.ruleId === 'no-questions')).toBe(true);
  });

  it(`extracts ${NESTING} levels of nested Markdown, or names the file with the reason`, () => {
    const written = existsSync(join(out, 'json', 'deep.json'));
    const lines = linesAbout(run.stderr, join(input, deep)).filter((line) => !/^[^:]+:\d+:\d+: /.test(line));
    if (written) expect(lines).toEqual([]);
    else expect(lines.join('\n')).toMatch(/: \S/);
  });

  it('leaves no temporary file', () => {
    expect(leftovers(out)).toEqual([]);
    expect(leftovers(input)).toEqual([]);
  });
});

describe('exit status', () => {
  it('is 0 when odd but readable inputs all succeed', () => {
    const input = inputWithGoodFiles('odd');
    for (const item of ACCEPTED.filter((accepted) => accepted.file !== 'one-line.txt')) item.make(join(input, item.file));
    const out = join(work, 'odd-out');
    const run = extractCommand(work, [input, '--out', out, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(out, 'json')).sort()).toEqual(['good-markdown.json', 'good-text.json', 'note.json', 'utf16be.json', 'utf16le.json']);
  });

  it('is 1 for a single file that cannot be read', () => {
    const path = join(work, 'alone-empty.txt');
    writeFileSync(path, '   \n\n');
    const out = join(work, 'alone-out');
    const run = extractCommand(work, [path, '--out', out]);
    expect(run.status).toBe(1);
    expect(linesAbout(run.stderr, path).join('\n')).toMatch(/empty/i);
    expect(existsSync(join(out, 'json', 'alone-empty.json'))).toBe(false);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('an output directory that cannot be written', () => {
  it('names the output path, fails, and leaves nothing behind', () => {
    const input = inputWithGoodFiles('blocked');
    const blocker = join(work, 'blocker');
    writeFileSync(blocker, 'a regular file where the output directory should be\n');
    const run = extractCommand(work, [input, '--out', blocker, '--format', 'json,csv,jsonld']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(blocker);
    expect(run.stderr).toMatch(/not a directory|ENOTDIR|EEXIST/);
    expect(readFileSync(blocker, 'utf8')).toBe('a regular file where the output directory should be\n');
    expect(leftovers(work)).toEqual([]);
  });
});

describe(`a directory of ${TINY_FILES} tiny files`, () => {
  it('extracts every one', () => {
    const input = join(work, 'tiny');
    mkdirSync(input);
    for (let index = 0; index < TINY_FILES; index++) writeFileSync(join(input, `t${String(index).padStart(5, '0')}.txt`), `${(index % 40) + 1}. Wie viele Anträge gab es?\n`);
    const out = join(work, 'tiny-out');
    // CSV only: one file per table, so the test measures the batch, not the file system.
    const run = extractCommand(work, [input, '--out', out, '--format', 'csv', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const rows = readFileSync(join(out, 'csv', 'documents.csv'), 'utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(TINY_FILES + 1);
    expect(rows[1]).toMatch(/^t00000,/);
    expect(rows.at(-1)).toMatch(new RegExp(`^t${String(TINY_FILES - 1).padStart(5, '0')},`));
    expect(leftovers(out)).toEqual([]);
  }, 300_000);
});

describe('the worker pool', () => {
  const names = readdirSync(samples).filter((name) => /\.(?:md|txt)$/.test(name)).sort();
  const paths = [...names.map((name) => join(samples, name)), join(samples, 'missing.txt'), ...names.map((name) => join(samples, name))];

  /**
   * Extract `paths` on a pool.
   *
   * @param jobs Jobs.
   * @returns The results in order.
   */
  async function collect(jobs: number): Promise<FileResult[]> {
    const pool = createPool(jobs, { workerUrl });
    const results: FileResult[] = [];
    try {
      for await (const result of extractInOrder(pool, paths)) results.push(result);
    } finally {
      await pool.close();
    }
    return results;
  }

  it('gives the same results on two workers as on one job, in submission order', async () => {
    const serial = await collect(1);
    const parallel = await collect(2);
    expect(parallel.map((result) => result.path)).toEqual(paths);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
    expect(parallel[names.length]?.error).toMatch(/No such file/);
    expect(parallel.filter((result) => result.document).length).toBe(names.length * 2);
  }, 120_000);

  it('stops a document over the time limit, reports it, and goes on with fresh workers', async () => {
    const pool = createPool(2, { workerUrl, timeout: 1 });
    const results = await Promise.all(paths.slice(0, 3).map((path) => pool.extract(path)));
    await pool.close();
    expect(results.map((result) => result.path)).toEqual(paths.slice(0, 3));
    for (const result of results) expect(result.error).toMatch(/run time over 0\.001 s/);
  }, 60_000);

  it('reports a worker that cannot start as the failure of each document', async () => {
    const pool = createPool(2, { workerUrl: new URL('./no-such-worker.js', workerUrl) });
    const results = await Promise.all(paths.slice(0, 3).map((path) => pool.extract(path)));
    await pool.close();
    for (const result of results) expect(result.error).toMatch(/worker thread/);
  }, 60_000);

  it('refuses work after close and bad job counts', async () => {
    const pool = createPool(2, { workerUrl });
    await pool.close();
    await expect(pool.extract(paths[0] ?? '')).rejects.toThrow(/after `close`/);
    expect(() => createPool(0)).toThrow(RangeError);
    expect(() => createPool(1.5)).toThrow(RangeError);
  });
});
