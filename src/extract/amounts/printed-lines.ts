/**
 * The printed lines of a section's run: where the plain-text rendering broke lines, seen through the
 * locator after the segmenter joined them, and the numbers on each.
 */
import type { ExtractContext, Section } from '../../lines/section.js';
import type { NumberSpan } from './numbers.js';

/** A line of a section, as run indexes. */
export interface LineSpan {
  start: number;
  end: number;
  /** Indexes into the section's numbers of those on this line. */
  numbers: number[];
}

/**
 * The printed lines of a section: line feeds, and spaces that joined two lines of the input (seen
 * through the locator: the characters around them stand on different lines).
 *
 * @param section The section.
 * @param context The extract context.
 * @param spans The section's numbers.
 * @returns Lines in order.
 */
export function printedLines(section: Section, context: ExtractContext, spans: readonly NumberSpan[]): LineSpan[] {
  const { text, offsets } = section.run;
  const lines: LineSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    let breakHere = char === '\n';
    if (!breakHere && char === ' ' && i > 0 && i + 1 < text.length) {
      const before = offsets[i - 1] ?? 0;
      const after = offsets[i + 1] ?? 0;
      // Adjacent characters one apart with a space between cannot straddle a line break.
      if (after - before !== 2 || offsets[i] !== before + 1) {
        breakHere = context.locator.line(before) !== context.locator.line(after);
      }
    }
    if (breakHere) {
      lines.push({ start, end: i, numbers: [] });
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length, numbers: [] });
  let line = 0;
  spans.forEach((span, index) => {
    while (line < lines.length - 1 && (lines[line]?.end ?? 0) <= span.start) line++;
    lines[line]?.numbers.push(index);
  });
  return lines;
}

/**
 * Count words of letters.
 *
 * @param text Some text.
 * @returns How many.
 */
export function wordCount(text: string): number {
  // Words are runs of two letters or more (`Haushaltsjahr`), counted without making them.
  let count = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letter: boolean;
    if (code < 128) letter = (code | 32) >= 97 && (code | 32) <= 122;
    else {
      const point = text.codePointAt(i) ?? code;
      letter = LETTER.test(String.fromCodePoint(point));
      if (point > 0xffff) i++;
    }
    if (letter) run++;
    else {
      if (run >= 2) count++;
      run = 0;
    }
  }
  return run >= 2 ? count + 1 : count;
}

/** One letter of a word counted by `wordCount` (outside ASCII). Matches: `ä` */
const LETTER = /^\p{L}$/u;
