/**
 * What makes a batch fast and its memory flat, without changing a byte of output: the in-order
 * look-ahead goes on behind a long document but only so far, outputs rendered where a document is
 * extracted are those its sinks would render, and the runs that joining makes share their storage
 * without sharing their values.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { describe, expect, it } from 'vitest';
import { extractFile, type FileResult } from '../pipeline/batch.js';
import { linkWants } from '../pipeline/link.js';
import { extractInOrder, type Pool } from '../pipeline/pool.js';
import { csvRows, csvTableNames } from '../src/emit/csv.js';
import { toJson } from '../src/emit/json.js';
import { concatRuns, createLocator, pointRun, reserveSlices, sliceRun } from '../src/lines/run.js';
import { uncovered } from './support/conservation.js';

const samples = fileURLToPath(new URL('../input/', import.meta.url));

/**
 * A pool whose documents take the time the test gives them, and that records what it was handed.
 *
 * @param delays Milliseconds per path.
 * @param bytes Input bytes each result reports.
 * @returns The pool and the log of submissions.
 */
function fakePool(delays: Readonly<Record<string, number>>, bytes: number): { pool: Pool; submitted: string[] } {
  const submitted: string[] = [];
  const pool: Pool = {
    jobs: 2,
    extract(path) {
      submitted.push(path);
      return new Promise<FileResult>((resolve) => setTimeout(() => resolve({ path, warnings: 0, bytes }), delays[path] ?? 1));
    },
    close: async () => undefined,
  };
  return { pool, submitted };
}

describe('the in-order look-ahead', () => {
  const paths = Array.from({ length: 40 }, (_, index) => `d${String(index).padStart(2, '0')}.txt`);

  it('goes on behind a long first document and still yields in order', async () => {
    const { pool, submitted } = fakePool({ 'd00.txt': 200 }, 10);
    const order: string[] = [];
    let submittedBeforeFirst = 0;
    for await (const result of extractInOrder(pool, paths, undefined, 100, 1_000)) {
      if (order.length === 0) submittedBeforeFirst = submitted.length;
      order.push(result.path);
    }
    expect(order).toEqual(paths);
    // Nothing holds the others back: every document was under way before the long one ended.
    expect(submittedBeforeFirst).toBe(paths.length);
  });

  it('stops going on once the finished results waiting reach the byte bound', async () => {
    const { pool, submitted } = fakePool({ 'd00.txt': 200 }, 100);
    let submittedBeforeFirst = 0;
    for await (const result of extractInOrder(pool, paths, undefined, 100, 500)) {
      if (result.path === 'd00.txt') submittedBeforeFirst = submitted.length;
    }
    // Five finished results of 100 bytes fill the bound; at most the jobs' share more is under way.
    expect(submittedBeforeFirst).toBeGreaterThanOrEqual(6);
    expect(submittedBeforeFirst).toBeLessThanOrEqual(1 + 5 + pool.jobs * 2);
  });

  it('never holds more than `ahead` documents', async () => {
    const { pool, submitted } = fakePool({ 'd00.txt': 100 }, 1);
    let most = 0;
    let taken = 0;
    for await (const result of extractInOrder(pool, paths, undefined, 3, 1_000_000)) {
      expect(result.path).toBe(paths[taken]);
      taken++;
      most = Math.max(most, submitted.length - taken);
    }
    expect(most).toBeLessThanOrEqual(3);
  });

  it('starts a file whose bytes would pass the working bound only once the others at work are done', async () => {
    const files = readdirSync(samples).filter((name) => name.endsWith('.txt')).slice(0, 6).map((name) => join(samples, name));
    let atWork = 0;
    let most = 0;
    const pool: Pool = {
      jobs: 2,
      extract(path) {
        atWork++;
        most = Math.max(most, atWork);
        return new Promise<FileResult>((resolve) => setTimeout(() => {
          atWork--;
          resolve({ path, warnings: 0, bytes: 1 });
        }, 5));
      },
      close: async () => undefined,
    };
    const order: string[] = [];
    for await (const result of extractInOrder(pool, files, undefined, 100, 1_000_000, 1)) order.push(result.path);
    expect(order).toEqual(files);
    expect(most).toBe(1);
  });
});

describe('outputs rendered beside the document', () => {
  const names = readdirSync(samples).filter((name) => /\.(?:md|txt)$/.test(name)).sort();

  it.each(names)('%s: are the texts the sinks render from the document', async (name) => {
    const path = join(samples, name);
    const stem = name.replace(/\.[^.]+$/, '');
    const result = await extractFile(path, undefined, { json: true, csv: { delimiter: ';' }, document: true });
    const document = result.document;
    if (!document) throw new Error(`Unexpected failure: ${result.error ?? ''}`);
    expect(result.rendered?.json).toBe(toJson(document));
    for (const table of csvTableNames) expect(result.rendered?.csv?.[table]).toBe(csvRows(table, document, stem, { delimiter: ';' }));
  });

  it('travel without the document where they are all a batch writes', async () => {
    const path = join(samples, names[0] ?? '');
    const whole = await extractFile(path, undefined, { json: true, csv: { delimiter: ';' }, document: true });
    const texts = await extractFile(path, undefined, { json: true, csv: { delimiter: ';' } });
    expect(texts.document).toBeUndefined();
    expect(texts.rendered).toEqual(whole.rendered);
    expect(texts.sha256).toBe(whole.document?.source.sha256);
    expect(texts.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(texts.warnings).toBe(whole.warnings);
    expect(texts.bytes).toBe(whole.bytes);
  });

  // The linker's interest keeps the papers it reads and the answers it changes.
  const linkCases: Array<[string, string | null, string, boolean]> = [
    ['an answer to a paper of the batch', '21/180', 'answer', true],
    ['an answer to a paper not in the batch', '21/999', 'answer', false],
    ['a paper an answer waits for', null, 'paper', true],
    ['a paper no answer waits for', null, 'other', false],
    ['a paper naming itself as answered', '21/180', 'paper', false],
  ];
  it.each(linkCases)('keep the document of %s only', async (_, answers, stem, kept) => {
    const path = join(samples, names[0] ?? '');
    const whole = await extractFile(path, undefined, { document: true });
    const document = whole.document;
    if (!document) throw new Error(`Unexpected failure: ${whole.error ?? ''}`);
    document.meta.answersDrucksache = answers;
    expect(linkWants({ papers: { '21/180': 'paper' }, awaited: ['paper'] }, document, stem)).toBe(kept);
  });

  it('are left out where not asked for', async () => {
    const result = await extractFile(join(samples, names[0] ?? ''));
    expect(result.document).toBeDefined();
    expect(result.rendered).toBeUndefined();
  });
});

describe('runs that share storage', () => {
  it('keep their own offsets when cut one after another from one slab', () => {
    const runs = Array.from({ length: 5000 }, (_, index) => pointRun(index % 2 === 0 ? ' ' : '\n', index));
    runs.forEach((run, index) => expect([...run.offsets]).toEqual([index]));
  });

  it('join to the offsets of their parts', () => {
    const joined = concatRuns([sliceRun('ab', 10), pointRun(' ', 12), sliceRun('cd', 20)]);
    expect(joined.text).toBe('ab cd');
    expect([...joined.offsets]).toEqual([10, 11, 12, 20, 21]);
    const one = concatRuns([sliceRun('xyz', 3)]);
    expect(one.text).toBe('xyz');
    expect([...one.offsets]).toEqual([3, 4, 5]);
  });

  it('slice past a reserved length, and within it', () => {
    reserveSlices(100);
    expect([...sliceRun('abc', 97).offsets]).toEqual([97, 98, 99]);
    const far = sliceRun('de', 300_000);
    expect([...far.offsets]).toEqual([300_000, 300_001]);
    expect([...sliceRun('f', 5).offsets]).toEqual([5]);
  });
});

describe('the locator', () => {
  it('gives the points of vfile-location for every offset, in any order, with LF, CRLF and CR', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ü', ' ', '\n', '\r', '\r\n'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -3, max: 70 }), { maxLength: 40 }), (value, offsets) => {
        const locator = createLocator(new VFile(value));
        const place = location(value);
        for (const offset of offsets) {
          const found = place.toPoint(offset);
          const before = found ? undefined : place.toPoint(Math.max(0, offset - 1));
          const expected = found ? { line: found.line, column: found.column } : before ? { line: before.line, column: before.column + 1 } : { line: 1, column: 1 };
          expect(locator.position(offset, offset).start).toEqual({ ...expected, offset });
          expect([locator.line(offset), locator.column(offset)]).toEqual([expected.line, expected.column]);
        }
      }),
    );
  });

  it('tells where the text of each line ends, before LF, CRLF or CR', () => {
    const locator = createLocator(new VFile('ab\r\ncd\nef\rg'));
    expect([0, 1, 2, 3].map((offset) => locator.lineTextEnd(offset))).toEqual([2, 2, 2, 2]);
    expect([4, 5, 6].map((offset) => locator.lineTextEnd(offset))).toEqual([6, 6, 6]);
    expect([7, 8, 9].map((offset) => locator.lineTextEnd(offset))).toEqual([9, 9, 9]);
    expect([10, 11].map((offset) => locator.lineTextEnd(offset))).toEqual([11, 11]);
  });
});

describe('a paper of very many lines', () => {
  it('is read without overflowing the stack, every line kept', () => {
    const lines = Array.from({ length: 300_000 }, () => 'ab');
    const { missing, document } = uncovered(`Antwort der Bundesregierung\n\nwww.example.org/${lines.join('\n')}\n`, 'long.txt');
    expect(document.source.format).toBe('text');
    expect(missing).toEqual([]);
  });
});

