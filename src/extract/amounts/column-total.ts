/**
 * Rows of a lost table with a count and then an amount whose thousands groups ran together
 * (`Februar 25 96 146 688`: 96 and 146 688, or 96 146 and 688?). The table's total row proves the
 * split: reading every row with its count as short as it can be gives each amount its largest
 * value, and any other reading gives a smaller sum. Where that largest sum equals the total of the
 * money column, it is the only reading the table allows.
 */
import { numberValue, readGermanNumber } from './money.js';

/** A printed token of a row's numbers, as run indexes. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** One reading of a row: the count's tokens `[0, at)` and the amount's tokens `[at, length)`. */
export interface CountAndAmount {
  at: number;
  /** The amount in printed units, in cents to keep sums exact. */
  cents: number;
}

/** A token that opens a space-grouped number: one to three digits, no leading zero. Matches: `1`, `96`, `146` */
const OPENING = /^(?:0|[1-9]\d{0,2})$/;

/** A token that goes on with one: three digits, maybe with decimals at the end. Matches: `146`, `953,55` */
const CONTINUING = /^\d{3}$/;

/** The last token of a space-grouped amount: three digits, maybe decimals. Matches: `688`, `953,55` */
const CLOSING = /^\d{3}(?:,\d{1,2})?$/;

/** A number standing alone in one token. Matches: `5`, `0`, `11.146.296`, `152,6`, `1.234,56` */
const WHOLE = /^(?:0|[1-9]\d{0,2}(?:\.\d{3})*|[1-9]\d*)(?:,\d{1,2})?$/;

/** A token with decimals. Matches: `953,55` */
const DECIMALS = /,/;

/** A row label that makes the row its table's total. Matches: `Gesamt`, `Summe`, `Insgesamt:` */
export const TOTAL_LABEL = /^(?:Gesamt|Summe|Insgesamt|Total)(?![\p{L}])/u;

/** A month name before its year in two digits, labelling a row. Matches `Januar` in: `Januar 25 5 10 240` */
export const MONTH_LABEL = /(?<![\p{L}])(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)[ \u00A0]$/u;

/** A token between white space. Matches `96` and `146` in: `96 146` */
const TOKEN = /\S+/g;

/**
 * The tokens of a row's cells.
 *
 * @param text Section text.
 * @param start Start of the first cell.
 * @param end End of the last cell.
 * @returns The tokens in order.
 */
export function tokensOf(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.slice(start, end).matchAll(TOKEN)) {
    const at = start + (match.index ?? 0);
    tokens.push({ start: at, end: at + match[0].length, text: match[0] });
  }
  return tokens;
}

/**
 * Whether tokens `[from, to)` print one well-formed number.
 *
 * @param tokens The row's tokens.
 * @param from First token.
 * @param to After the last token.
 * @returns Whether they do.
 */
function wellFormed(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from === 1) return WHOLE.test(tokens[from]?.text ?? '');
  if (!OPENING.test(tokens[from]?.text ?? '') || tokens[from]?.text === '0') return false;
  for (let k = from + 1; k < to - 1; k++) if (!CONTINUING.test(tokens[k]?.text ?? '')) return false;
  return CLOSING.test(tokens[to - 1]?.text ?? '');
}

/**
 * The readings of a row as one count and one amount, the amount as large as it can be first.
 *
 * @param tokens The row's tokens after its label.
 * @param text Section text.
 * @returns The readings (none when the row is not a count and an amount).
 */
export function readings(tokens: readonly Token[], text: string): CountAndAmount[] {
  const found: CountAndAmount[] = [];
  for (let at = 1; at < tokens.length; at++) {
    if (!wellFormed(tokens, 0, at) || !wellFormed(tokens, at, tokens.length)) continue;
    // A count has no decimals.
    if (tokens.slice(0, at).some((token) => DECIMALS.test(token.text))) continue;
    const number = readGermanNumber(text.slice(tokens[at]?.start ?? 0, tokens.at(-1)?.end ?? 0));
    if (number) found.push({ at, cents: Math.round(numberValue(number, 2)) });
  }
  return found;
}
