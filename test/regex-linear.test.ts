/**
 * Every exported pattern of the library finishes on a megabyte of adversarial text: long runs of the
 * very pieces the patterns look for (digits and spaces, dots, hyphenated letters, list labels,
 * question references), where a pattern with nested or ambiguous quantifiers backtracks without end.
 *
 * Each pattern is scanned for all its matches at every start position (a copy with the `g` flag and
 * without `y`), on worker threads, so that a runaway pattern fails with its name instead of
 * hanging the suite.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/** Length of each adversarial text, in characters. */
const LENGTH = 1 << 20;

/**
 * Pieces repeated to make the adversarial texts, each next to a line it imitates.
 */
const ADVERSARIAL_UNITS = [
  '1 ', // digits and spaces: `1 2 3 4`
  '12 345 ', // space-grouped numbers: `12 345 678`
  '1.000,', // dot-grouped amounts: `1.000.000,00`
  '1.', // numbered items: `1.2.3.`
  '.', // dots: `....`
  '. ', // dot leaders: `. . . .`
  'a-', // letters and hyphens: `a-b-c-`
  'Ab-cd ', // hyphenated words: `Bundes-tag Landes-amt`
  'a) ', // sub-item labels: `a) b) c)`
  'Frage 1 und ', // question references: `Frage 1 und Frage 2`
  'Fragen 1, 2 und 3 werden ', // joint answers: `Die Fragen 1, 2 und 3 werden gemeinsam beantwortet.`
  'Antwort zu Frage 1 ', // answer references: `Auf die Antwort zu Frage 1 wird verwiesen.`
  ' ', // spaces
  ' \n', // blank lines
  '\t \u00A0', // mixed white space
  'Drucksache 19/', // paper numbers: `Drucksache 19/1234`
  'www.a', // URL starts: `www.bundestag.de`
  'http://a/', // URLs: `http://example.org/a/b`
  '1,- Euro ', // amounts: `1,- Euro`
  'Mio. ', // scale words: `1,6 Mio. Euro`
  '– ', // dashes: `– 2 –`
  'Ä', // capital letters: `ÄÖÜ`
  'Deutscher Bundestag – 21. Wahlperiode – ', // page headers
  '(', // open parentheses
  'Vorbemerkung der ', // preamble headings
  'Wie viele ', // question openings
] as const;

/** Where the library's modules are. */
const SOURCE = fileURLToPath(new URL('../src/', import.meta.url));

/** A pattern exported by a module. */
interface Exported {
  name: string;
  source: string;
  flags: string;
}

/** What a scanning thread reports after each pattern: its index and the matches per adversarial text. */
interface Scanned {
  index: number;
  matches: number[];
}

/**
 * Scans patterns one after another on a worker thread (plain JavaScript, so no build step is
 * needed), building the adversarial texts once, and reports after each pattern.
 */
const SCANNER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { patterns, units, length } = workerData;
const texts = units.map((unit) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
for (const { index, source, flags } of patterns) {
  const scan = new RegExp(source, flags.replace('y', '').replace('g', '') + 'g');
  const matches = [];
  for (const text of texts) {
    let count = 0;
    scan.lastIndex = 0;
    for (let match = scan.exec(text); match; match = scan.exec(text)) {
      count++;
      if (match[0] === '') scan.lastIndex++;
    }
    matches.push(count);
  }
  parentPort.postMessage({ index, matches });
}
`;

/**
 * A pattern that has not finished after this many milliseconds is stuck, not slow: a linear pattern
 * scans all the texts in well under a second even on a busy machine.
 */
const STUCK_AFTER = 30_000;

/** Threads scanning at the same time. */
const THREADS = 2;

/**
 * Scan every pattern on a few worker threads. A pattern that does not finish is given up (its
 * thread stopped) and the rest of its share goes on on a fresh thread.
 *
 * @param patterns The patterns.
 * @returns For each pattern, the matches per text, or `undefined` when it never finished.
 */
function scanAll(patterns: readonly Exported[]): Array<Promise<number[] | undefined>> {
  const settle: Array<(matches: number[] | undefined) => void> = [];
  const results = patterns.map((_, index) => new Promise<number[] | undefined>((resolve) => (settle[index] = resolve)));
  const run = (share: number[]): void => {
    if (share.length === 0) return;
    const worker = new Worker(SCANNER_SOURCE, {
      eval: true,
      workerData: { patterns: share.map((index) => ({ index, source: patterns[index]?.source, flags: patterns[index]?.flags })), units: ADVERSARIAL_UNITS, length: LENGTH },
    });
    let done = 0;
    let timer: NodeJS.Timeout | undefined;
    const watch = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        settle[share[done] ?? -1]?.(undefined);
        run(share.slice(done + 1));
      }, STUCK_AFTER);
    };
    watch();
    worker.on('message', (scanned: Scanned) => {
      settle[scanned.index]?.(scanned.matches);
      done++;
      if (done < share.length) watch();
      else {
        clearTimeout(timer);
        void worker.terminate();
      }
    });
    worker.on('error', () => {
      clearTimeout(timer);
      for (const index of share.slice(done)) settle[index]?.(undefined);
    });
  };
  for (let thread = 0; thread < THREADS; thread++) run(patterns.map((_, index) => index).filter((index) => index % THREADS === thread));
  return results;
}

/**
 * Add a value's patterns: a RegExp, or RegExps inside arrays (tables of pattern and replacement).
 *
 * @param name The value's name.
 * @param value The value.
 * @param patterns Where patterns go.
 */
function collect(name: string, value: unknown, patterns: Exported[]): void {
  if (value instanceof RegExp) patterns.push({ name, source: value.source, flags: value.flags });
  else if (Array.isArray(value)) value.forEach((item: unknown, index) => collect(`${name}[${index}]`, item, patterns));
}

/**
 * Every exported RegExp of every module under `src/`.
 *
 * @returns The patterns, named `module.ts NAME`.
 */
async function exportedPatterns(): Promise<Exported[]> {
  const modules = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort();
  const patterns: Exported[] = [];
  for (const name of modules) {
    const module = (await import(pathToFileURL(join(SOURCE, name)).href)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(module)) collect(`${name} ${key}`, value, patterns);
  }
  return patterns;
}

const patterns = await exportedPatterns();

describe('exported patterns', () => {
  const scanned = scanAll(patterns);

  it('are found in the modules', () => {
    // The modules export dozens of patterns; an empty list would mean the discovery broke.
    expect(patterns.length).toBeGreaterThan(20);
    expect(patterns.map((pattern) => pattern.name)).toContain('segment/answer/index.ts QUESTION_START');
  });

  it.each(patterns.map((pattern, index) => ({ ...pattern, index })))('$name finishes on 1 MB of every adversarial text', async ({ name, source, flags, index }) => {
    const matches = await scanned[index];
    expect(matches, `${name} /${source}/${flags} did not finish`).toBeDefined();
    expect(matches).toHaveLength(ADVERSARIAL_UNITS.length);
  }, 10 * STUCK_AFTER);
});
