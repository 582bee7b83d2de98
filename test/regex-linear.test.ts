/**
 * Every exported pattern of the library finishes on a megabyte of adversarial text: long runs of the
 * very pieces the patterns look for (digits and spaces, dots, hyphenated letters, list labels,
 * question references), where a pattern with nested or ambiguous quantifiers backtracks without end.
 *
 * Each pattern is scanned for all its matches at every start position (a copy with the `g` flag and
 * without `y`), on a thread of its own, so that a runaway pattern fails with its name instead of
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

/** What the scanning thread reports: the number of matches per adversarial text. */
interface Scanned {
  matches: number[];
}

/**
 * Scans the adversarial texts on a worker thread (plain JavaScript, so no build step is needed).
 */
const SCANNER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { source, flags, units, length } = workerData;
const scan = new RegExp(source, flags.replace('y', '').replace('g', '') + 'g');
const matches = [];
for (const unit of units) {
  const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  let count = 0;
  scan.lastIndex = 0;
  for (let match = scan.exec(text); match; match = scan.exec(text)) {
    count++;
    if (match[0] === '') scan.lastIndex++;
  }
  matches.push(count);
}
parentPort.postMessage({ matches });
`;

/**
 * A pattern that has not finished after this many milliseconds is stuck, not slow: a linear pattern
 * scans all the texts in about a second even on a busy machine.
 */
const STUCK_AFTER = 50_000;

/**
 * Scan all adversarial texts with a pattern on a worker thread.
 *
 * @param pattern The pattern.
 * @returns Matches per text, or `undefined` when the pattern never finished.
 */
function scanAll(pattern: Exported): Promise<Scanned | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SCANNER_SOURCE, { eval: true, workerData: { source: pattern.source, flags: pattern.flags, units: ADVERSARIAL_UNITS, length: LENGTH } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(undefined);
    }, STUCK_AFTER);
    worker.once('message', (scanned: Scanned) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(scanned);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
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
    for (const [key, value] of Object.entries(module)) {
      if (value instanceof RegExp) patterns.push({ name: `${name} ${key}`, source: value.source, flags: value.flags });
    }
  }
  return patterns;
}

const patterns = await exportedPatterns();

describe('exported patterns', () => {
  it('are found in the modules', () => {
    // The modules export dozens of patterns; an empty list would mean the discovery broke.
    expect(patterns.length).toBeGreaterThan(20);
    expect(patterns.map((pattern) => pattern.name)).toContain('segment.ts QUESTION_START');
  });

  // Concurrent: each pattern runs on its own thread.
  it.concurrent.for(patterns)('$name finishes on 1 MB of every adversarial text', { timeout: STUCK_AFTER + 10_000 }, async (pattern, { expect }) => {
    const scanned = await scanAll(pattern);
    expect(scanned, `${pattern.name} /${pattern.source}/${pattern.flags} did not finish`).toBeDefined();
    expect(scanned?.matches).toHaveLength(ADVERSARIAL_UNITS.length);
  });
});
