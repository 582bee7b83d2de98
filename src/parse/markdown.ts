/**
 * Markdown through remark-parse and remark-gfm, in independent chunks cut at safe boundaries so that
 * the parse stays linear on long documents (micromark slows down sharply on long, list-heavy input).
 * Positions are shifted back, so they still point into the original.
 */
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { UnreadableInputError } from './decode.js';

/** Chunks are cut only once they reach this many characters. */
export const CHUNK_SIZE = 32 * 1024;

/**
 * A safe boundary: a blank line followed by a line that starts a new top-level block at column 1 and
 * cannot continue a list, quote, table, code block or HTML: `\n\nDie Bundesregierung …`, `\n\n## Titel`.
 */
export const SAFE_BOUNDARY = /\n[ \t\r]*\n(?=(?:#{1,6} |[\p{L}„"(]))/gu;

/** The deepest nesting of containers (block quotes, list items) read; deeper input is refused. */
export const MAX_NESTING = 100;

/** Container markers at a line start: `> `, `- `, `* `, `+ `, `1. `, `1) `, with their indentation. */
export const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gmu;

/**
 * How deep the containers of a Markdown document nest: markers at a line start plus indentation.
 *
 * @param value The document.
 * @returns The deepest nesting of any line.
 */
export function nestingDepth(value: string): number {
  let deepest = 0;
  CONTAINER_PREFIX.lastIndex = 0;
  for (let match = CONTAINER_PREFIX.exec(value); match; match = CONTAINER_PREFIX.exec(value)) {
    let markers = 0;
    let indent = 0;
    let leading = true;
    for (const char of match[0]) {
      if (char === ' ' || char === '\t') {
        // Only the indentation before the first marker nests; spaces after a marker separate.
        if (leading) indent += char === ' ' ? 1 : 4;
      } else {
        leading = false;
        if (!/\d/.test(char)) markers++;
      }
    }
    deepest = Math.max(deepest, markers + Math.floor(indent / 2));
    if (match[0].length === 0) CONTAINER_PREFIX.lastIndex++;
  }
  return deepest;
}

/** Opening or closing fence of a code block: ```` ``` ````, `~~~`. */
const FENCE = /^(?:```|~~~)/m;

const processor = unified().use(remarkParse).use(remarkGfm);

/**
 * Parse Markdown in chunks.
 *
 * @param value The document.
 * @param chunkSize Least characters per chunk.
 * @returns One mdast root with positions into `value`.
 * @throws {UnreadableInputError} For containers nested deeper than `MAX_NESTING`.
 */
export function parseMarkdown(value: string, chunkSize = CHUNK_SIZE): Root {
  const depth = nestingDepth(value);
  if (depth > MAX_NESTING) {
    throw new UnreadableInputError('too-deep', `Unexpected Markdown nested ${depth} levels deep (block quotes or lists), expected at most ${MAX_NESTING}`);
  }
  if (value.length <= chunkSize * 2 || FENCE.test(value)) return processor.parse(value);
  const children: RootContent[] = [];
  let start = 0;
  let line = 0;
  SAFE_BOUNDARY.lastIndex = chunkSize;
  for (;;) {
    const match = SAFE_BOUNDARY.exec(value);
    const end = match ? match.index + 1 : value.length;
    const chunk = value.slice(start, end);
    const tree = processor.parse(chunk);
    if (start > 0) shift(tree, start, line);
    children.push(...tree.children);
    if (!match) break;
    line += countLines(chunk);
    start = end;
    SAFE_BOUNDARY.lastIndex = Math.min(value.length, end + chunkSize);
  }
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(value) },
  };
}

/**
 * Shift every position of a chunk's tree by where the chunk starts.
 *
 * @param tree The chunk's tree.
 * @param offset Offset of the chunk's first character.
 * @param lines Lines before the chunk.
 */
function shift(tree: Root, offset: number, lines: number): void {
  visit(tree, (node) => {
    const position = node.position;
    if (!position) return;
    position.start = { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset };
    position.end = { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset };
  });
}

/**
 * Number of line breaks in a text.
 *
 * @param text The text.
 * @returns How many `\n` it holds.
 */
function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/**
 * The point after the last character.
 *
 * @param value The document.
 * @returns The end point.
 */
function endPoint(value: string): { line: number; column: number; offset: number } {
  const lastBreak = value.lastIndexOf('\n');
  return { line: countLines(value) + 1, column: value.length - lastBreak, offset: value.length };
}
