/**
 * Clean the lines of a plain-text rendering: cut out what the PDF left in the flow of text (running
 * page headers, page numbers, the transmission note, footnote markers, the imprint), move footnotes
 * out of the sentence they interrupt, undo letter-spaced headings, and put back together pages
 * extracted column by column (`rotated.ts`). Nothing is dropped: every cut is returned as furniture
 * with its place.
 */
import type { Line } from '../lines/lines.js';
import { concatRuns, pointRun, subRun, type Run } from '../lines/run.js';
import { findRotated } from './rotated.js';

/** A piece of text cut out of the flow. */
export interface Cut {
  kind: 'pageHeader' | 'pageNumber' | 'transmissionNote' | 'imprint' | 'footnoteMarker' | 'distribution';
  run: Run;
}

/** What cleaning yields. */
export interface Cleaned {
  /** Lines of running text, in order. */
  lines: Line[];
  /** Footnote lines, each with the index in `lines` of the line they followed. */
  footnotes: Array<{ after: number; line: Line }>;
  /** Everything cut out. */
  cuts: Cut[];
  /** Problems met while cleaning, for messages. */
  problems: CleanProblem[];
}

/** A problem in the data met while cleaning. */
export interface CleanProblem {
  ruleId: string;
  severity: 'warning' | 'info';
  reason: string;
  /** The text it is about, with its place. */
  run: Run;
}

/** A running page header. Matches `Niedersächsischer Landtag – 19. Wahlperiode Drucksache 19/11181` and `Drucksache 21/375 – 2 – Deutscher Bundestag – 21. Wahlperiode`. */
export const PAGE_HEADER = /^\s*(?:(?:Deutscher Bundestag|[\p{Lu}][\p{L}-]+ (?:Landtag|Bürgerschaft|Abgeordnetenhaus))\s+[–-]\s+\d{1,2}\.\s+Wahlperiode(?:\s+[–-]\s+\d+\s+[–-])?\s+Drucksache\s+\d{1,2}\/\d+(?:\s+\(neu\))?|Drucksache\s+\d{1,2}\/\d+(?:\s+\(neu\))?\s+[–-]\s+\d+\s+[–-]\s+(?:Deutscher Bundestag|[\p{Lu}][\p{L}-]+ Landtag)\s+[–-]\s+\d{1,2}\.\s+Wahlperiode)\s*$/u;

/** A lone page number on its own line, right after a page header: `2`. */
export const PAGE_NUMBER = /^\s*(?:[–-]\s*)?\d{1,4}(?:\s*[–-])?\s*$/;

/**
 * Start of the transmission note: `Die Antwort wurde namens der Bundesregierung mit Schreiben des …`,
 * also `Die Antwort wurde namens des Bundeskanzleramtes …` and `Die Antwort wurde mit Schreiben des Bundeskanzleramtes …`.
 */
export const TRANSMISSION_START = /Die Antwort wurde (?:namens der (?:Bundesregierung|Landesregierung|Staatsregierung)|namens des Bundeskanzleramte?s|mit Schreiben (?:des|der) )/;

/** End of the transmission note: `… vom 4. Juli 2025 übermittelt.` */
export const TRANSMISSION_END = /übermittelt\./;

/** The line after it: `Die Drucksache enthält zusätzlich – in kleinerer Schrifttype – den Fragetext.` */
export const SMALLER_TYPE_NOTE = /Die Drucksache enthält zusätzlich\s+[–-]\s+in kleinerer Schrifttype\s+[–-]\s+den Fragetext\./;

/** Imprint lines at the end of a Bundestag paper: `Gesamtherstellung: H. Heenemann GmbH …`, `Vertrieb: …`, `ISSN 0722-8333`. */
export const IMPRINT_LINE = /^\s*(?:Gesamtherstellung:|Vertrieb:|Satz:|Druck:|Herstellung:|ISSN\s+\d{4}-\d{3}[\dX])/;

/** The Landtag distribution note at the very end: `(verteilt am 21.07.2026)`. */
export const DISTRIBUTION_NOTE = /^\s*\(\s*(?:verteilt|Ausgegeben) am \d{1,2}\.\s?\d{1,2}\.\s?\d{4}\s*\)\s*$/i;

/** A footnote at the foot of a page: `1  https://www.ndr.de/…`, `2  Vgl. …`. */
export const FOOTNOTE_START = /^\s*(\d{1,2})(?:\s{2,}|\s+(?=https?:|www\.))\S/;

/**
 * The star footnote of a Bundestag paper whose annex is not printed, set where the page ends, often
 * inside a question: `* Von einer Drucklegung der Anlage wird abgesehen. Diese ist auf Bundestagsdrucksache 21/1070 … abrufbar.`
 */
export const PRINT_NOTE = /^\s*\*{1,3}\s*Von einer Drucklegung (?:der|des) \p{L}+ wird abgesehen\b/u;

/** How many lines above a page header a footnote area may reach. */
const FOOTNOTE_REACH = 12;

/** A footnote marker glued to the end of a sentence or quote: `Landesmitteln.1`, `(Az. 3 C 2.25).1`. */
export const FOOTNOTE_MARKER = /(?<=[.,;:!?“”")])(\d{1,2})(?=\s|$)/gu;

/** A letter-spaced heading: `V o r b e m e r k u n g  d e r  F r a g e s t e l l e r`. */
export const SPACED_HEADING = /^\s*\p{L}(?: \p{L}){3,}(?: {2,3}\p{L}(?: \p{L})+)*\s*$/u;

/**
 * Clean the lines of a plain-text document.
 *
 * @param input Lines as the text front end gives them.
 * @returns Lines of running text, footnotes and cuts.
 */
export function clean(printed: readonly Line[]): Cleaned {
  const { lines: input, problems } = unrotate(printed);
  const cuts: Cut[] = [];
  const footnoteLines = new Set<number>();
  const footnoteNumbers = new Set<string>();
  const drop = new Set<number>();

  // Pass 1: page headers, the page numbers after them, footnote areas above them.
  for (let i = 0; i < input.length; i++) {
    const line = input[i];
    if (!line || !PAGE_HEADER.test(line.run.text)) continue;
    cuts.push({ kind: 'pageHeader', run: line.run });
    drop.add(i);
    const next = input[i + 1];
    if (next && PAGE_NUMBER.test(next.run.text)) {
      cuts.push({ kind: 'pageNumber', run: next.run });
      drop.add(i + 1);
    }
    // The footnote area: from the earliest footnote start within reach down to the header.
    let first = -1;
    for (let k = i - 1; k >= Math.max(0, i - FOOTNOTE_REACH); k--) {
      const candidate = input[k];
      if (!candidate || drop.has(k)) break;
      if (FOOTNOTE_START.test(candidate.run.text)) first = k;
    }
    if (first >= 0) {
      for (let k = first; k < i; k++) {
        footnoteLines.add(k);
        const number = FOOTNOTE_START.exec(input[k]?.run.text ?? '')?.[1];
        if (number) footnoteNumbers.add(number);
      }
    }
  }

  // Pass 2: the transmission note, the imprint, the distribution note.
  const kept: Line[] = [];
  const footnotes: Cleaned['footnotes'] = [];
  let inNote = false;
  for (let i = 0; i < input.length; i++) {
    const line = input[i];
    if (!line || drop.has(i)) continue;
    // The note set inside a sentence (a question's lead before its sub-items) leaves the flow; after a sentence it stays where it stands.
    const inSentence = PRINT_NOTE.test(line.run.text) && !/[.!?:]\**\s*$/u.test(kept.at(-1)?.run.text ?? '.');
    if (footnoteLines.has(i) || inSentence) {
      footnotes.push({ after: kept.length - 1, line });
      continue;
    }
    const text = line.run.text;
    if (IMPRINT_LINE.test(text)) {
      cuts.push({ kind: 'imprint', run: line.run });
      continue;
    }
    if (DISTRIBUTION_NOTE.test(text)) {
      cuts.push({ kind: 'distribution', run: line.run });
      continue;
    }
    let run = line.run;
    let before: Run | undefined;
    let after: Run | undefined;
    if (!inNote) {
      const start = TRANSMISSION_START.exec(text);
      if (start) {
        inNote = true;
        if (start.index > 0) before = subRun(run, 0, start.index);
        run = subRun(run, start.index);
      }
    }
    if (inNote) {
      const small = SMALLER_TYPE_NOTE.exec(run.text);
      // The note ends after the smaller-type line, or after `übermittelt.` where that line does not follow.
      const end = small ?? (SMALLER_TYPE_NOTE.test(input[i + 1]?.run.text ?? '') ? null : TRANSMISSION_END.exec(run.text));
      if (end) {
        const stop = end.index + end[0].length;
        cuts.push({ kind: 'transmissionNote', run: subRun(run, 0, stop) });
        if (stop < run.text.trimEnd().length) after = subRun(run, stop);
        inNote = false;
      } else {
        cuts.push({ kind: 'transmissionNote', run });
      }
      const rest = [before, after].filter((part): part is Run => part !== undefined && part.text.trim() !== '');
      if (rest.length > 0) kept.push({ ...line, run: concatRuns(rest) });
      continue;
    }
    kept.push(SPACED_HEADING.test(text) ? { ...line, run: unspace(line.run) } : line);
  }

  // Pass 3: footnote markers, where the document has footnotes.
  const lines = footnoteNumbers.size === 0 ? kept : kept.map((line) => stripMarkers(line, footnoteNumbers, cuts));
  return { lines, footnotes, cuts: mergeNotes(cuts), problems };
}

/**
 * Put the pieces of pages extracted column by column back together where they read as text; report
 * each such page, and keep as printed the pieces that do not read as text rebuilt.
 *
 * @param input Lines as printed.
 * @returns Lines with rebuilt pages, and what was found.
 */
function unrotate(input: readonly Line[]): { lines: readonly Line[]; problems: CleanProblem[] } {
  const rotated = findRotated(input);
  if (rotated.length === 0) return { lines: input, problems: [] };
  const lines: Line[] = [];
  const problems: CleanProblem[] = [];
  let at = 0;
  for (const found of rotated) {
    appendLines(lines, input, at, found.from);
    const pieces = found.to - found.from;
    if (found.rebuilt) {
      appendLines(lines, found.rebuilt, 0, found.rebuilt.length);
      problems.push({ ruleId: 'rotated-page', severity: 'info', reason: `Unexpected \`${pieces}\` lines of at most three characters (a page extracted column by column), expected running text; rebuilt as \`${found.rebuilt.length}\` lines`, run: found.run });
    } else {
      appendLines(lines, input, found.from, found.to);
      problems.push({ ruleId: 'rotated-page', severity: 'warning', reason: `Unexpected \`${pieces}\` lines of at most three characters (a page extracted column by column), expected running text; they do not read as text put together (a table's cells), kept as printed`, run: found.run });
    }
    at = found.to;
  }
  appendLines(lines, input, at, input.length);
  return { lines, problems };
}

/**
 * Append `from[start, end)` to `into` one by one: a spread of a long paper's lines overflows the stack.
 *
 * @param into The lines to grow.
 * @param from The lines to copy from.
 * @param start First index.
 * @param end Index after the last.
 */
function appendLines(into: Line[], from: readonly Line[], start: number, end: number): void {
  for (let k = start; k < end; k++) {
    const line = from[k];
    if (line) into.push(line);
  }
}

/**
 * Merge the lines of one transmission note into one cut.
 *
 * @param cuts Cuts in the order they were made.
 * @returns Cuts with each note whole.
 */
function mergeNotes(cuts: readonly Cut[]): Cut[] {
  const out: Cut[] = [];
  for (const cut of cuts) {
    const previous = out.at(-1);
    if (previous?.kind === 'transmissionNote' && cut.kind === 'transmissionNote' && !SMALLER_TYPE_NOTE.test(previous.run.text)) {
      out[out.length - 1] = { kind: cut.kind, run: concatRuns([previous.run, pointRun(' ', cut.run.offsets[0] ?? 0), cut.run]) };
    } else {
      out.push(cut);
    }
  }
  return out;
}

/**
 * Undo letter spacing: single spaces between letters go, runs of two or more become one space.
 *
 * @param run The spaced run.
 * @returns The run without the spacing.
 */
function unspace(run: Run): Run {
  const parts: Run[] = [];
  const text = run.text.trim();
  const lead = run.text.indexOf(text);
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char !== ' ') {
      parts.push(subRun(run, lead + i, lead + i + 1));
    } else if (text.charAt(i + 1) === ' ') {
      parts.push(subRun(run, lead + i, lead + i + 1));
      while (text.charAt(i + 1) === ' ') i++;
    }
  }
  return concatRuns(parts);
}

/**
 * Cut footnote markers out of a line.
 *
 * @param line The line.
 * @param numbers Footnote numbers the document has.
 * @param cuts Where cuts are reported.
 * @returns The line without its markers.
 */
function stripMarkers(line: Line, numbers: ReadonlySet<string>, cuts: Cut[]): Line {
  const text = line.run.text;
  const parts: Run[] = [];
  let from = 0;
  for (const match of text.matchAll(FOOTNOTE_MARKER)) {
    const digits = match[1] ?? '';
    if (!numbers.has(digits)) continue;
    parts.push(subRun(line.run, from, match.index));
    cuts.push({ kind: 'footnoteMarker', run: subRun(line.run, match.index, match.index + digits.length) });
    from = match.index + digits.length;
  }
  if (from === 0) return line;
  parts.push(subRun(line.run, from));
  return { ...line, run: concatRuns(parts) };
}
