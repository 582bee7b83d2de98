/**
 * The plain-text front end: the parliaments' own PDF-to-text renderings become an mdast tree of the
 * same kind remark-parse yields, one `paragraph` per printed line, positions into the original.
 */
import type { Paragraph, Root } from 'mdast';
import type { Locator } from '../lines/run.js';

/** A line break in any of the forms the renderings use: LF, CRLF, CR. */
const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * Parse plain text into an mdast root with one paragraph per non-blank line.
 *
 * Blank lines (white space only) carry no text and are left out; the line's text excludes its line
 * break, so every character of a paragraph's text node is exactly one character of the input.
 *
 * @param value The decoded input.
 * @param locator The file's locator.
 * @returns The tree.
 */
export function parseText(value: string, locator: Locator): Root {
  const children: Paragraph[] = [];
  let start = 0;
  const push = (end: number): void => {
    const line = value.slice(start, end);
    if (line.trim() === '') return;
    const position = locator.position(start, end);
    children.push({
      type: 'paragraph',
      children: [{ type: 'text', value: line, position }],
      position,
    });
  };
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(value); match; match = LINE_BREAK.exec(value)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(value.length);
  return {
    type: 'root',
    children,
    position: locator.position(0, value.length),
  };
}
