/**
 * The ministry headings of a collection of Schriftliche Fragen: `Geschäftsbereich des
 * Bundesministeriums für ` / `Wirtschaft und Klimaschutz` names who answers the questions below it.
 */
import type { Line } from '../../lines/lines.js';
import { nominativeBody } from '../header.js';

/** The body named in a heading, after `Geschäftsbereich des`: `Geschäftsbereich des Auswärtigen Amts`. */
export const HEADING_BODY = /^\s*Geschäftsbereich\s+(?:des|der)\s+(.+?)\s*$/u;

/** A heading line that goes on in the next one: it ends in a space, a hyphen or a conjunction (`… und des `). */
export const HEADING_CONTINUES = /(?:\s|-|\bund|\bdes|\bder|\bfür)$/u;

/** The head of the Chancellor's Geschäftsbereich in the genitive: `Bundeskanzlers und des Bundeskanzleramtes`. */
export const CHANCELLERY = /^Bundeskanzlers\s+und\s+des\s+Bundeskanzleramt(?:e?s)$/u;

/** The most lines a heading takes. */
const HEADING_LINES = 4;

/**
 * Read the body named by the heading at line `start`.
 *
 * @param lines The lines.
 * @param start The heading's first line.
 * @returns The body (nominative) and the index after the heading's last line.
 */
export function bodyOfHeading(lines: readonly Line[], start: number): { body: string; end: number } {
  let end = start + 1;
  while (end < lines.length && end - start < HEADING_LINES && HEADING_CONTINUES.test(lines[end - 1]?.run.text ?? '') && !/^\s*\d/.test(lines[end]?.run.text ?? '')) end++;
  const text = lines
    .slice(start, end)
    .map((line) => line.run.text.trim())
    .join(' ')
    .replace(/(\p{L})- (?=\p{Ll})/gu, '$1')
    .replace(/\s+/g, ' ');
  const named = HEADING_BODY.exec(text)?.[1] ?? text;
  return { body: CHANCELLERY.test(named) ? 'Bundeskanzler und Bundeskanzleramt' : nominativeBody(named), end };
}
