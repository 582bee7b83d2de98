/**
 * Rows of a lost table whose cells print thousands with a space, in cells that a space separates
 * too: `2022 1 205 830 512 2 547` reads as one number or as several. When the last column is the
 * row's sum, the table proves the split (`1 205`, `830`, `512`, `2 547`: 1205 + 830 + 512 = 2547),
 * as it does when only one split fills the columns the header names; a row that no split, or more
 * than one, proves is reported with its cells' text, never read.
 */
import { numberValue, readGermanNumber } from './money.js';
import type { NumberSpan } from './numbers.js';
import type { Found } from './found.js';

/** One group of digits of a space-grouped number, as run indexes. */
interface Group {
  start: number;
  end: number;
  text: string;
}

/** A group that can open a number: one to three digits. Matches: `1` and `205` in `1 205` */
export const OPENING_GROUP = /^\d{1,3}$/;

/** A group that can go on with a number: exactly three digits. Matches: `205` in `1 205` */
export const CONTINUING_GROUP = /^\d{3}$/;

/** Runs of digits inside a space-grouped number. Matches `1`, `205` and `830` in: `1 205 830` */
const DIGITS = /\d+/g;

/** Most groups a row may hold for the splits to be tried (the splits grow fast with them). */
const MAX_GROUPS = 16;

/** Fewest cells a split needs: two parts and their sum. */
const MIN_CELLS = 3;

/** A split of a row's groups into cells, each cell a range of groups `[from, to)`. */
type Split = Array<[number, number]>;

/**
 * The digit groups of the row's numbers, in order.
 *
 * @param spans The numbers of the row.
 * @returns Their groups, or `undefined` when a number has decimals or separators other than spaces.
 */
function groupsOf(spans: readonly NumberSpan[]): Group[] | undefined {
  const groups: Group[] = [];
  for (const span of spans) {
    if (/[.,]/u.test(span.text)) return undefined;
    for (const match of span.text.matchAll(DIGITS)) {
      const start = span.start + (match.index ?? 0);
      groups.push({ start, end: start + match[0].length, text: match[0] });
    }
  }
  return groups;
}

/**
 * Every split of the groups into well-formed numbers that the table proves: the last equals the
 * sum of the others, or (with `cells` given) there are exactly as many as the header has columns.
 *
 * @param groups The row's groups.
 * @param cells The number of columns to fill, or `undefined` to look for a row sum.
 * @param limit Stop after this many splits (two show the row is ambiguous).
 * @returns The splits found.
 */
function splitsOf(groups: readonly Group[], cells?: number, limit = 2): Split[] {
  const found: Split[] = [];
  const value = (from: number, to: number): number => Number(groups.slice(from, to).map((group) => group.text).join(''));
  const proves = (split: Split): boolean => {
    if (cells !== undefined) return split.length === cells;
    const last = split.at(-1);
    if (!last || split.length < MIN_CELLS) return false;
    let sum = 0;
    for (const [from, to] of split.slice(0, -1)) sum += value(from, to);
    return sum === value(last[0], last[1]);
  };
  const walk = (at: number, split: Split): void => {
    if (found.length >= limit || (cells !== undefined && split.length > cells)) return;
    if (at === groups.length) {
      if (proves(split)) found.push([...split]);
      return;
    }
    const opening = groups[at]?.text ?? '';
    // A cell opens with no zero unless it is zero: `070` goes on with a number before it.
    if (!OPENING_GROUP.test(opening) || (opening.length > 1 && opening.startsWith('0'))) return;
    for (let to = at + 1; to <= groups.length; to++) {
      if (to > at + 1 && !CONTINUING_GROUP.test(groups[to - 1]?.text ?? '')) break;
      // A cell of more than one group opens with no zero: `0 512` is two cells.
      if (to > at + 1 && groups[at]?.text.startsWith('0')) break;
      split.push([at, to]);
      walk(to, split);
      split.pop();
    }
  };
  walk(0, []);
  return found;
}

/**
 * Read a row whose numbers ran together by the row sum; report it when the sum does not decide.
 *
 * @param spans All numbers of the section.
 * @param indexes The row's money cells, as indexes into `spans`.
 * @param text Section text.
 * @param currency Currency and exponent from the heading.
 * @param columns Currency columns the heading names (`Infinity` when years label them).
 * @param found Where the hits or the problem go.
 * @returns Whether the row was handled (read or reported); `false` leaves it to the cell reading.
 */
export function rowSum(
  spans: readonly NumberSpan[],
  indexes: readonly number[],
  text: string,
  currency: { code: string; exponent: number },
  columns: number,
  found: Found,
): boolean {
  const row = indexes.flatMap((index) => (spans[index] ? [spans[index]] : []));
  // Only rows where space-grouped numbers stand side by side are in doubt.
  if (!row.some((span) => span.joined) || row.length === 0) return false;
  const groups = groupsOf(row);
  if (!groups || groups.length < MIN_CELLS) return false;
  const first = row[0];
  const last = row.at(-1);
  if (!first || !last) return false;
  const sums = groups.length <= MAX_GROUPS ? splitsOf(groups) : [];
  // Without a proving sum, the reading stands where it fills the header's columns; a row with fewer
  // numbers than columns lost its cell boundaries, and only one split may fill them.
  if (sums.length === 0 && !(row.length < columns)) return false;
  const splits = sums.length === 0 && groups.length <= MAX_GROUPS ? splitsOf(groups, columns) : sums;
  const [split] = splits;
  if (split && splits.length === 1) {
    for (const [from, to] of split) {
      const start = groups[from]?.start ?? 0;
      const end = groups[to - 1]?.end ?? start;
      const number = readGermanNumber(text.slice(start, end));
      if (number) found.hits.push({ start, end, value: numberValue(number, currency.exponent), currency: currency.code, table: true });
    }
    return true;
  }
  const cells = text.slice(first.start, last.end);
  found.problems.push({
    start: first.start,
    end: last.end,
    severity: 'warning',
    ruleId: 'amount-ambiguous',
    reason:
      splits.length === 0
        ? `Unexpected table row \`${cells}\`, expected cells that a row sum or the header's columns prove: the thousands groups may belong to different columns`
        : `Unexpected table row \`${cells}\`, expected one split into cells: the row allows more than one`,
  });
  return true;
}
