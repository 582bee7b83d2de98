/**
 * What the amount rules find, before positions are computed: hits (amounts as run indexes) and
 * problems (messages to be), with the qualifier and sign read from the text before a number.
 */
import type { Message } from '../../model.js';
import { GROUP_SPACE, numberValue } from './money.js';
import { LEADING_GROUP, ZERO, YEAR, type NumberSpan } from './numbers.js';

/** A minus sign glued to a number and standing after space or a bracket. Matches the sign in: `(-5 000 Euro)` */
const SIGN_BEFORE = /(?:^|[\s(])[-\u2212]$/u;

/**
 * A word that qualifies an amount, right before it. Matches the qualifier in: `rund 1,6 Mrd. Euro`,
 * `bis zu 5 000 Euro`, `zwischen 1 und 2 Mio. Euro`, `von mehr als 2 Mio. Euro`
 */
export const QUALIFIER_BEFORE =
  /(?<![\p{L}])(bis zu|mehr als|weniger als|rund|rd\.|ca\.|circa|zirka|etwa|ungefähr|knapp|fast|nahezu|über|unter|mindestens|höchstens|maximal|max\.|zwischen|ab|bis)[ \u00A0]$/iu;

/** Spellings of qualifiers that are reported in their usual form. Matches: `rd.` for `rund` */
const QUALIFIER_NORMAL: ReadonlyMap<string, string> = new Map([
  ['rd.', 'rund'],
  ['zirka', 'circa'],
]);

/** An amount found in one section, as run indexes, before positions are computed. */
export interface Hit {
  start: number;
  end: number;
  /** The printed text where it differs from the run by a line break inside the number. */
  text?: string;
  value: number;
  currency: string;
  qualifier?: string;
  upper?: number;
  table?: boolean;
}

/** A problem found in one section, as run indexes. */
interface Problem {
  start: number;
  end: number;
  severity: Message['severity'];
  ruleId: string;
  reason: string;
}

/** What one section yields. */
export interface Found {
  hits: Hit[];
  problems: Problem[];
}

/**
 * Build a hit from a number.
 *
 * @param start Where the hit starts.
 * @param end Where it ends.
 * @param span The number.
 * @param exponent Power of ten from scale word and currency subunit.
 * @param currency ISO code.
 * @param text The section text, for the qualifier.
 * @returns The hit.
 */
export function makeHit(start: number, end: number, span: NumberSpan, exponent: number, currency: string, text: string): Hit {
  const number = span.number ?? ZERO;
  const negative = start < span.start && SIGN_BEFORE.test(text.slice(Math.max(0, start - 1), span.start));
  const hit: Hit = { start, end, value: numberValue({ ...number, negative }, exponent), currency };
  const qualifier = qualifierBefore(text, start);
  if (qualifier) hit.qualifier = qualifier;
  return hit;
}

/**
 * The start of a number with a minus sign glued before it.
 *
 * @param text Section text.
 * @param start Start of the digits.
 * @returns Start of the sign, or `start`.
 */
export function signedStart(text: string, start: number): number {
  return SIGN_BEFORE.test(text.slice(Math.max(0, start - 2), start)) ? start - 1 : start;
}

/**
 * The qualifier printed right before an amount.
 *
 * @param text Section text.
 * @param start Start of the amount.
 * @returns The qualifier in lower case, or `undefined`.
 */
export function qualifierBefore(text: string, start: number): string | undefined {
  const match = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  if (!match) return undefined;
  const word = (match[1] ?? '').toLowerCase();
  return QUALIFIER_NORMAL.get(word) ?? word;
}

/**
 * Whether a number right before a 4+-digit number could be a footnote mark glued to it (`1 4602
 * Euro`: `14 602`, or footnote 1 and `4602`?).
 *
 * @param spans All numbers.
 * @param index The number with the currency.
 * @param text Section text.
 * @returns Whether the reading is ambiguous.
 */
export function gluedFootnote(spans: readonly NumberSpan[], index: number, text: string): boolean {
  const span = spans[index];
  const previous = spans[index - 1];
  if (!span || !previous || !span.number || span.joined || span.number.grouping !== 'none') return false;
  if (span.number.integer.length < 4 || YEAR.test(span.text)) return false;
  return previous.end + 1 === span.start && GROUP_SPACE.test(text.charAt(previous.end)) && LEADING_GROUP.test(previous.text);
}

/**
 * A problem for a number that a footnote mark may precede.
 *
 * @param previous The number before.
 * @param span The number.
 * @param text Section text.
 * @returns The problem.
 */
export function ambiguousCell(previous: NumberSpan, span: NumberSpan, text: string): Problem {
  return {
    start: previous.start,
    end: span.end,
    severity: 'warning',
    ruleId: 'amount-ambiguous',
    reason: `Unexpected \`${text.slice(previous.start, span.end)}\`, expected one number: a footnote mark may stand before the value`,
  };
}
