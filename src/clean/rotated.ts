/**
 * Pages set sideways (landscape tables, rotated answer pages) come out of the text rendering column
 * by column: every printed line is cut into pieces of one to three characters, one piece a line
 * (` 7`, `.`, `In`, ` w`, `ie`, ` v` …). Put back together the pieces read as the page's text, only
 * the printed line breaks are gone (`… jeweilsa)Deutsche,Die nachstehende …`). This module finds such
 * runs, rebuilds them, and breaks the rebuilt text into lines where a printed line evidently began.
 */
import type { Line } from '../lines/lines.js';
import { concatRuns, pointRun, subRun, type Run } from '../lines/run.js';

/** At most this many characters (trimmed) make a piece of a page extracted column by column. */
export const PIECE_LENGTH = 3;

/** Fewer pieces in a row than this are a narrow table column, not a page extracted column by column. */
const MIN_PIECES = 20;

/** The share of neighbouring pieces with no white space between them: a column of cells has its spaces, broken words have none. */
const GLUED_SHARE = 0.5;

/** The least share of letters among letters and digits for the pieces to be broken text rather than a column of numbers. */
const ROTATED_LETTER_SHARE = 0.2;

/** Rebuilt text reads as text when this share of its letters and digits are letters … */
const TEXT_LETTER_SHARE = 0.6;

/** … and this share of its characters are spaces (words apart, not cells glued together). */
const TEXT_SPACE_SHARE = 0.05;

/**
 * Where a printed line began inside rebuilt text, seen from the glue left by the lost break:
 * sentence punctuation, a closing parenthesis or quote straight before a capitalised word
 * (`Deutsche,Die`, `wurden.Berichtsjahr`, `Anteil?Die`), before a sub-item label (`verwiesen.b)`)
 * or before a question number (`verwiesen. 8.In`); a number straight before a capitalised word
 * (`0817979Im Übrigen`).
 */
export const GLUED_LINE_START = /(?<=[.,;:?!)“”"])(?=\p{Lu}\p{Ll}|[a-z]{1,2}\)\S)|(?<=[.?!:]\s?)(?=\d{1,3}\.\p{Lu})|(?<=\d)(?=\p{Lu}\p{Ll})/gu;

/**
 * A sub-item label glued to the word before it, the lost break between them: `jeweilsa)Deutsche`
 * (the label is the single letter before the parenthesis; an open parenthesis before it makes the
 * parenthesis its close, see `rebuildLines`).
 */
export const GLUED_LABEL = /(?<=\p{Ll})[a-z]\)(?=\p{Lu})/gu;

/** A line that begins with a question number or a sub-item label glued to its text: `7.In`, `a)Deutsche`. */
export const GLUED_LEAD = /^\s*(?:\d{1,3}\.|[a-z]{1,2}\))(?=\S)/u;

/** Text that is a question number or label and nothing more: ` 7.`, `a)`. */
export const LEAD_ONLY = /^\s*(?:\d{1,3}\.|[a-z]{1,2}\))\s*$/u;

/** A run of pieces found in the lines. */
export interface RotatedRun {
  /** Index of its first line. */
  from: number;
  /** Index after its last line. */
  to: number;
  /** The rebuilt lines, or undefined where the pieces do not read as text rebuilt. */
  rebuilt: Line[] | undefined;
  /** All its pieces in one run, as printed. */
  run: Run;
}

/**
 * Find the runs of pieces of pages extracted column by column, and rebuild those that read as text.
 *
 * @param lines Lines as the text front end gives them.
 * @returns The runs, in order.
 */
export function findRotated(lines: readonly Line[]): RotatedRun[] {
  const runs: RotatedRun[] = [];
  let from = -1;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line && line.kind === 'paragraph' && line.run.text.trim().length <= PIECE_LENGTH) {
      if (from < 0) from = i;
      continue;
    }
    if (from >= 0 && i - from >= MIN_PIECES) {
      const found = readRun(lines.slice(from, i));
      if (found) runs.push({ from, to: i, ...found });
    }
    from = -1;
  }
  return runs;
}

/**
 * Read one run of short lines.
 *
 * @param pieces Its lines.
 * @returns Its rebuilt lines (if it reads as text) and its text, or undefined for a column of cells.
 */
function readRun(pieces: readonly Line[]): { rebuilt: Line[] | undefined; run: Run } | undefined {
  let glued = 0;
  for (let k = 1; k < pieces.length; k++) {
    if (!/\s$/.test(pieces[k - 1]?.run.text ?? ' ') && !/^\s/.test(pieces[k]?.run.text ?? ' ')) glued++;
  }
  const run = concatRuns(pieces.map((piece) => piece.run));
  const letters = count(run.text, /\p{L}/gu);
  const digits = count(run.text, /\p{N}/gu);
  const spaces = count(run.text, /\s/gu);
  if (glued < GLUED_SHARE * (pieces.length - 1) || letters < ROTATED_LETTER_SHARE * (letters + digits)) return undefined;
  const readable = letters >= TEXT_LETTER_SHARE * (letters + digits) && spaces >= TEXT_SPACE_SHARE * run.text.length;
  return { rebuilt: readable ? rebuildLines(run) : undefined, run };
}

/**
 * Break rebuilt text into lines where printed lines began, with a space after a question number or
 * label glued to its text.
 *
 * @param run The rebuilt text.
 * @returns Its lines.
 */
export function rebuildLines(run: Run): Line[] {
  const text = run.text;
  const breaks = new Set<number>();
  for (const match of text.matchAll(GLUED_LINE_START)) if (match.index > 0) breaks.add(match.index);
  for (const match of text.matchAll(GLUED_LABEL)) {
    // `(bitte auflisten)Die …` closes a parenthesis; `jeweilsa)Deutsche` opens a sub-item.
    const before = text.slice(Math.max(0, match.index - LABEL_LOOKBACK), match.index);
    if (before.lastIndexOf('(') <= before.lastIndexOf(')')) breaks.add(match.index);
  }
  // A question number or label keeps its text on its line: `7.In wie …` is one line, not two.
  const cuts = [0];
  for (const at of [...breaks].sort((a, b) => a - b)) {
    if (!LEAD_ONLY.test(text.slice(cuts.at(-1), at))) cuts.push(at);
  }
  cuts.push(text.length);
  const lines: Line[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    let piece = subRun(run, cuts[i] ?? 0, cuts[i + 1]);
    if (piece.text.trim() === '') continue;
    const lead = GLUED_LEAD.exec(piece.text);
    if (lead) piece = concatRuns([subRun(piece, 0, lead[0].length), pointRun(' ', piece.offsets[lead[0].length - 1] ?? 0), subRun(piece, lead[0].length)]);
    const start = piece.offsets[0] ?? 0;
    lines.push({ kind: 'paragraph', run: piece, links: [], cells: [], header: false, start, end: (piece.offsets[piece.text.length - 1] ?? start) + 1, blankBefore: false });
  }
  return lines;
}

/** How far back an open parenthesis makes a glued `n)` its close rather than a label. */
const LABEL_LOOKBACK = 200;

/**
 * Count the matches of a pattern.
 *
 * @param text The text.
 * @param pattern A global pattern.
 * @returns How many times it matches.
 */
function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
