/**
 * A `Run` is clean text whose every character remembers where it stood in the original input.
 *
 * Sections are assembled from pieces of the input (lines joined, hyphenation undone, furniture cut
 * out), so a regex match in section text cannot be mapped back by adding a base offset. Each run
 * therefore carries one original offset per character; spans inside it map back exactly.
 */
import type { Position } from '../model.js';
import type { VFile } from 'vfile';

/** Clean text plus the original offset of each of its characters. */
export interface Run {
  /** The clean text. */
  readonly text: string;
  /** `offsets[i]` is the offset in the original input of `text[i]`; same length as `text`. */
  readonly offsets: Int32Array;
}

/** A piece of a run that is still being assembled. */
interface Piece {
  text: string;
  offsets: ArrayLike<number>;
}

/** The empty run. */
export const emptyRun: Run = { text: '', offsets: new Int32Array(0) };

/**
 * Make a run for a verbatim slice of the input.
 *
 * @param text The slice.
 * @param start Offset of its first character in the input.
 * @returns A run whose offsets count up from `start`.
 */
export function sliceRun(text: string, start: number): Run {
  // Verbatim slices share one ascending table of offsets instead of each filling its own: a long
  // document has a hundred thousand lines, and the garbage of their arrays showed in every profile.
  const end = start + text.length;
  if (identity.length < end) reserveSlices(Math.max(end, identity.length * 2));
  return { text, offsets: identity.subarray(start, end) };
}

/**
 * Make room for verbatim slices of an input of a given length before cutting any, so that its
 * slices share one table: a table outgrown while slicing stays alive as long as the slices cut
 * from it, and growing by doubling kept a second table's worth of them (16 MB for a 3 MB paper).
 *
 * @param length Characters of the input.
 */
export function reserveSlices(length: number): void {
  if (identity.length < length) identity = ascending(Math.max(length, 1 << 16));
}

/** Offsets 0, 1, 2, …: never written after it is made, only viewed. */
let identity: Int32Array = new Int32Array(0);

/**
 * An array whose values are their indexes.
 *
 * @param length Its length.
 * @returns The array.
 */
function ascending(length: number): Int32Array {
  const values = new Int32Array(length);
  for (let i = 0; i < length; i++) values[i] = i;
  return values;
}

/**
 * Make a run for text that was printed at one place only (an inserted space, a joined break).
 *
 * @param text Synthetic text.
 * @param at Offset every character is attributed to.
 * @returns The run.
 */
export function pointRun(text: string, at: number): Run {
  const length = text.length;
  if (length > POINT_SLAB_LENGTH / 16) return { text, offsets: new Int32Array(length).fill(at) };
  // Cut from a shared slab: the joiners make one of these per line (a space, a line feed), and a
  // buffer of its own for each was most of the garbage of joining lines.
  if (pointSlabUsed + length > POINT_SLAB_LENGTH) {
    pointSlab = new Int32Array(POINT_SLAB_LENGTH);
    pointSlabUsed = 0;
  }
  const offsets = pointSlab.subarray(pointSlabUsed, pointSlabUsed + length).fill(at);
  pointSlabUsed += length;
  return { text, offsets };
}

/** Offsets in one slab of `pointRun`s (16 kB): a slab lives as long as a run cut from it. */
const POINT_SLAB_LENGTH = 4096;

/** The slab `pointRun` cuts from, and how much of it is taken. */
let pointSlab = new Int32Array(POINT_SLAB_LENGTH);
let pointSlabUsed = 0;

/**
 * Concatenate runs.
 *
 * @param runs Runs in order.
 * @returns One run.
 */
export function concatRuns(runs: readonly Piece[]): Run {
  const only = runs.length === 1 ? runs[0] : undefined;
  // Offsets are never written once made, so one run can stand for itself.
  if (only && only.offsets instanceof Int32Array) return { text: only.text, offsets: only.offsets };
  let length = 0;
  for (const run of runs) length += run.text.length;
  const offsets = new Int32Array(length);
  let at = 0;
  for (const run of runs) {
    offsets.set(run.offsets, at);
    at += run.text.length;
  }
  return { text: runs.map((run) => run.text).join(''), offsets };
}

/**
 * Cut a part out of a run.
 *
 * @param run The run.
 * @param start First index (inclusive).
 * @param end Last index (exclusive); defaults to the end.
 * @returns The sub-run.
 */
export function subRun(run: Run, start: number, end = run.text.length): Run {
  return { text: run.text.slice(start, end), offsets: run.offsets.subarray(start, end) };
}

/**
 * Trim white space at both ends of a run.
 *
 * @param run The run.
 * @returns The trimmed run.
 */
export function trimRun(run: Run): Run {
  const text = run.text;
  let start = 0;
  let end = text.length;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return start === 0 && end === text.length ? run : subRun(run, start, end);
}

/**
 * Original offsets spanned by `[start, end)` of a run.
 *
 * @param run The run.
 * @param start First index (inclusive).
 * @param end Last index (exclusive), greater than `start`.
 * @returns Start and end offsets in the input, end exclusive.
 */
export function spanOffsets(run: Run, start: number, end: number): { start: number; end: number } {
  const from = run.offsets[start] ?? 0;
  const to = (run.offsets[Math.max(start, end - 1)] ?? from) + 1;
  return { start: from, end: Math.max(from, to) };
}

/** Turns offsets in the input into unist points. */
export interface Locator {
  /**
   * The unist position of `[start, end)` in the input.
   *
   * @param start Offset of the first character.
   * @param end Offset after the last character.
   */
  position(start: number, end: number): Position;
  /**
   * The line (from 1) of an offset, as `position(offset, …).start.line` has it, without making a point.
   *
   * @param offset An offset in the input.
   */
  line(offset: number): number;
  /**
   * The column (from 1) of an offset, as `position(offset, …).start.column` has it.
   *
   * @param offset An offset in the input.
   */
  column(offset: number): number;
  /**
   * Where the text of the line holding an offset ends: the offset of its line break (`\n`, `\r\n`
   * or `\r`), or of the end of the input on the last line.
   *
   * @param offset An offset in the input.
   */
  lineTextEnd(offset: number): number;
}

/**
 * Offsets after the end of each line of a text, line endings included, as vfile-location counts
 * lines (LF, CRLF and CR each end one); the last entry is one past the text.
 *
 * @param value The text.
 * @returns One entry per line.
 */
function lineEnds(value: string): Int32Array {
  let count = 1;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 10 || (code === 13 && value.charCodeAt(i + 1) !== 10)) count++;
  }
  const ends = new Int32Array(count);
  let line = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 10 || (code === 13 && value.charCodeAt(i + 1) !== 10)) ends[line++] = i + 1;
  }
  ends[line] = value.length + 1;
  return ends;
}

/**
 * Make a locator for a file: the points of vfile-location, found by a binary search over a table of
 * line ends made once, starting from the line found last (the stages ask in document order).
 *
 * @param file The file whose `value` is the decoded input.
 * @returns The locator.
 */
export function createLocator(file: VFile): Locator {
  const value = String(file);
  const length = value.length;
  const ends = lineEnds(value);
  let last = 0;
  // The line index (from 0) of an offset from 0 to `length`: the first line that ends after it.
  const lineIndex = (offset: number): number => {
    const low0 = last > 0 ? (ends[last - 1] ?? 0) : 0;
    if (offset >= low0 && offset < (ends[last] ?? 0)) return last;
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((ends[middle] ?? 0) > offset) high = middle;
      else low = middle + 1;
    }
    last = low;
    return low;
  };
  // Offsets vfile-location has a point for; one past the last character borrows the last one's line.
  const valid = (offset: number): boolean => offset > -1 && offset <= length;
  const line = (offset: number): number => {
    if (valid(offset)) return lineIndex(offset) + 1;
    const before = Math.max(0, offset - 1);
    return valid(before) ? lineIndex(before) + 1 : 1;
  };
  const column = (offset: number): number => {
    if (valid(offset)) {
      const index = lineIndex(offset);
      return offset - (index > 0 ? (ends[index - 1] ?? 0) : 0) + 1;
    }
    const before = Math.max(0, offset - 1);
    if (!valid(before)) return 1;
    const index = lineIndex(before);
    return before - (index > 0 ? (ends[index - 1] ?? 0) : 0) + 2;
  };
  const point = (offset: number): Position['start'] => ({ line: line(offset), column: column(offset), offset });
  const lineTextEnd = (offset: number): number => {
    const end = ends[line(offset) - 1] ?? length + 1;
    if (end > length) return length;
    return value.charCodeAt(end - 1) === 10 && value.charCodeAt(end - 2) === 13 ? end - 2 : end - 1;
  };
  return {
    position(start, end) {
      return { start: point(start), end: point(end) };
    },
    line,
    column,
    lineTextEnd,
  };
}

/**
 * The unist position of `[start, end)` of a run.
 *
 * @param locator The file's locator.
 * @param run The run.
 * @param start First index (inclusive).
 * @param end Last index (exclusive).
 * @returns The position in the original input.
 */
export function runPosition(locator: Locator, run: Run, start = 0, end = run.text.length): Position {
  const span = spanOffsets(run, start, end);
  return locator.position(span.start, span.end);
}
