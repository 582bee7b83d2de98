/**
 * Flatten an mdast tree into the sequence of printed lines the segmenter reads.
 *
 * For plain text every line is one paragraph already. For Markdown every block is one line: a
 * heading, a paragraph, a list item's paragraph (with its ordered marker, `1.`, kept), a table row.
 * Inline content becomes a `Run`, so every character still knows its offset in the input.
 */
import type { Nodes, Parents, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { concatRuns, pointRun, reserveSlices, sliceRun, subRun, type Run } from './run.js';
import type { Link } from './section.js';

/** One printed line (plain text) or block (Markdown). */
export interface Line {
  kind: 'paragraph' | 'heading' | 'listItem' | 'tableRow' | 'other';
  /** The line's text with offsets. */
  run: Run;
  /** Links inside the line, as indexes into `run.text`. */
  links: Link[];
  /** For table rows: each cell `[start, end)` in `run.text`. */
  cells: Array<[number, number]>;
  /** Whether the row is a table's header row. */
  header: boolean;
  /** Offset of the line's first character in the input. */
  start: number;
  /** Offset after the line's last character in the input. */
  end: number;
  /** Whether a blank line (or a block boundary in Markdown) precedes the line. */
  blankBefore: boolean;
}

/** A list marker that only decorates (bullets), as opposed to a printed number: `- `, `* `, `+ `. */
const BULLET_MARKER = /^[-*+]\s*$/;

/** Piece of a run under construction, with the links it holds. */
interface Pieces {
  runs: Run[];
  links: Link[];
  length: number;
}

/**
 * Flatten a tree into lines.
 *
 * @param tree The parsed document.
 * @param value The decoded input.
 * @param format The input form.
 * @returns Lines in document order.
 */
export function toLines(tree: Root, value: string, format: 'markdown' | 'text'): Line[] {
  const lines: Line[] = [];
  reserveSlices(value.length);
  if (format === 'text') {
    let lastLine = 0;
    for (const child of tree.children) {
      const position = child.position;
      if (child.type !== 'paragraph' || !position) continue;
      const start = position.start.offset ?? 0;
      const end = position.end.offset ?? start;
      lines.push({
        kind: 'paragraph',
        run: sliceRun(value.slice(start, end), start),
        links: [],
        cells: [],
        header: false,
        start,
        end,
        blankBefore: lastLine > 0 && position.start.line > lastLine + 1,
      });
      lastLine = position.end.line;
    }
    return lines;
  }
  for (const child of tree.children) block(child, value, lines, undefined);
  return lines;
}

/**
 * Add the lines of one Markdown block.
 *
 * @param node The block.
 * @param value The input.
 * @param lines Where lines go.
 * @param marker A list marker to prefix to the first paragraph.
 */
function block(node: RootContent, value: string, lines: Line[], marker: Run | undefined): void {
  switch (node.type) {
    case 'heading':
    case 'paragraph': {
      pushInline(node, node.type === 'heading' ? 'heading' : marker ? 'listItem' : 'paragraph', value, lines, marker);
      return;
    }
    case 'list': {
      for (const item of node.children) {
        const first = item.children[0];
        const itemStart = item.position?.start.offset;
        const firstStart = first?.position?.start.offset;
        let prefix: Run | undefined;
        if (itemStart !== undefined && firstStart !== undefined) {
          const raw = value.slice(itemStart, firstStart);
          if (!BULLET_MARKER.test(raw.trim())) prefix = sliceRun(raw, itemStart);
        }
        item.children.forEach((child, index) => block(child, value, lines, index === 0 ? (prefix ?? emptyMarker(item.position?.start.offset)) : undefined));
      }
      return;
    }
    case 'blockquote': {
      for (const child of node.children) block(child, value, lines, undefined);
      return;
    }
    case 'table': {
      node.children.forEach((row, index) => pushRow(row, index === 0, value, lines));
      return;
    }
    case 'code':
    case 'html': {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      // Carriage returns of CRLF input are line-break bytes, not text.
      const run = withoutCarriageReturns(sliceRun(value.slice(start, end), start));
      lines.push({ kind: 'other', run, links: [], cells: [], header: false, start, end, blankBefore: true });
      return;
    }
    default:
      return;
  }
}

/**
 * Drop carriage returns from a run (CRLF input reads like LF input).
 *
 * @param run The run.
 * @returns The run without `\r`.
 */
function withoutCarriageReturns(run: Run): Run {
  if (!run.text.includes('\r')) return run;
  const parts: Run[] = [];
  let from = 0;
  for (let i = run.text.indexOf('\r'); i !== -1; i = run.text.indexOf('\r', i + 1)) {
    parts.push(subRun(run, from, i));
    from = i + 1;
  }
  parts.push(subRun(run, from));
  return concatRuns(parts);
}

/**
 * A marker for a bulleted item: nothing printed that counts, but the item is still a list item.
 *
 * @param at Offset of the item.
 * @returns An empty run.
 */
function emptyMarker(at: number | undefined): Run {
  return pointRun('', at ?? 0);
}

/**
 * Push a heading or paragraph as one line.
 *
 * @param node The block with phrasing children.
 * @param kind Its kind.
 * @param value The input.
 * @param lines Where lines go.
 * @param marker List marker to prefix.
 */
function pushInline(node: Parents, kind: Line['kind'], value: string, lines: Line[], marker: Run | undefined): void {
  const pieces: Pieces = { runs: [], links: [], length: 0 };
  if (marker && marker.text !== '') add(pieces, marker);
  for (const child of node.children) inline(child as PhrasingContent, value, pieces);
  const run = concatRuns(pieces.runs);
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  lines.push({ kind, run, links: pieces.links, cells: [], header: false, start: marker?.offsets[0] ?? start, end, blankBefore: true });
}

/**
 * Push a table row as one line, cells separated by ` | `.
 *
 * @param row The row.
 * @param header Whether it is the header row.
 * @param value The input.
 * @param lines Where lines go.
 */
function pushRow(row: TableRow, header: boolean, value: string, lines: Line[]): void {
  const pieces: Pieces = { runs: [], links: [], length: 0 };
  const cells: Array<[number, number]> = [];
  row.children.forEach((cell, index) => {
    const cellStart = cell.position?.start.offset ?? 0;
    if (index > 0) add(pieces, pointRun(' | ', cellStart));
    const from = pieces.length;
    for (const child of cell.children) inline(child, value, pieces);
    cells.push([from, pieces.length]);
  });
  const start = row.position?.start.offset ?? 0;
  const end = row.position?.end.offset ?? start;
  lines.push({ kind: 'tableRow', run: concatRuns(pieces.runs), links: pieces.links, cells, header, start, end, blankBefore: header });
}

/**
 * Append a run.
 *
 * @param pieces Pieces so far.
 * @param run The run.
 */
function add(pieces: Pieces, run: Run): void {
  pieces.runs.push(run);
  pieces.length += run.text.length;
}

/**
 * Append the text of an inline node.
 *
 * @param node The node.
 * @param value The input.
 * @param pieces Pieces so far.
 */
function inline(node: Nodes, value: string, pieces: Pieces): void {
  // An explicit stack instead of recursion: emphasis can nest as deep as the input likes.
  const stack: Array<Nodes | { linkEnd: string; from: number }> = [node];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    if ('linkEnd' in item) {
      pieces.links.push({ start: item.from, end: pieces.length, url: item.linkEnd });
      continue;
    }
    switch (item.type) {
      case 'text':
      case 'inlineCode':
      case 'html': {
        const start = item.position?.start.offset;
        const end = item.position?.end.offset;
        if (start === undefined || end === undefined) break;
        // Soft line breaks become spaces: the text is running text.
        add(pieces, align(item.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '), value, start, end));
        break;
      }
      case 'break': {
        add(pieces, pointRun(' ', item.position?.start.offset ?? 0));
        break;
      }
      default: {
        if (item.type === 'link') stack.push({ linkEnd: item.url, from: pieces.length });
        if ('children' in item) for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i] as Nodes);
      }
    }
  }
}

/** How far ahead in the source a character of a node's value may stand (escapes, references). */
const ALIGN_WINDOW = 12;

/**
 * Align a node's value with its source slice, character by character.
 *
 * A text node's value differs from what was printed by escapes (`\_`) and character references
 * (`&amp;`); each value character is found at its next occurrence in the source.
 *
 * @param text The node's value (line breaks already made spaces).
 * @param value The input.
 * @param start Offset where the node starts.
 * @param end Offset where it ends.
 * @returns The aligned run.
 */
function align(text: string, value: string, start: number, end: number): Run {
  if (value.slice(start, end) === text) return sliceRun(text, start);
  const offsets = new Int32Array(text.length);
  let at = start;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    let found = -1;
    for (let k = at; k < Math.min(end, at + ALIGN_WINDOW); k++) {
      const source = value.charAt(k);
      if (source === char || (char === ' ' && /\s/.test(source))) {
        found = k;
        break;
      }
    }
    if (found === -1) {
      offsets[i] = Math.min(at, Math.max(start, end - 1));
    } else {
      // A space for a CRLF line break stands on its `\n`, as it does for an LF one.
      if (char === ' ' && value.charAt(found) === '\r' && value.charAt(found + 1) === '\n' && found + 1 < end) found += 1;
      offsets[i] = found;
      at = found + 1;
      // A joined line break: skip the indentation that followed it.
      if (char === ' ') while (at < end && /[ \t\r\n]/.test(value.charAt(at)) && value.charAt(at) !== text.charAt(i + 1)) at++;
    }
  }
  return { text, offsets };
}
