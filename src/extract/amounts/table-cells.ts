/**
 * Table cells as money: the header phrases that give a column's currency (`Ausgaben in Euro`,
 * `(in Tsd. Euro)`, `TEUR`), which numbers of a table body are money cells, and how one is recorded.
 */
import { GROUP_SPACE_CLASS, CURRENCY_PATTERN, LARGE_SCALE_WORDS, SCALE_PATTERN, currencyOf, numberValue, scaleExponent } from './money.js';
import { GAP, CODE_TAIL, SCALE_AFTER, YEAR, normalizeForm, type NumberSpan } from './numbers.js';
import { gluedFootnote, ambiguousCell, type Found } from './found.js';

/** A scale of a header's unit: a scale word or `1 000`. Matches: `Tsd.`, `Mio.`, `1 000`, `1.000` */
const HEADER_SCALE = `${SCALE_PATTERN}|1${GROUP_SPACE_CLASS}?\\.?000`;

/**
 * A phrase heading a table column or caption that gives the currency of its cells: after `in`, or
 * alone in brackets. Matches: `Ausgaben in Euro`, `(in Tsd. Euro)`, `in 1 000 Euro`, `Angaben in
 * Mio. Euro`, `Kosten in €`, `Bruttoausgaben (Tsd. Euro)`, `(Mio. €)`, `[EUR]`
 */
export const CURRENCY_HEADER = new RegExp(
  `(?:(?<![\\p{L}])[Ii]n${GAP}|[(\\[](?=(?:(?:${HEADER_SCALE})${GAP}?)?(?:${CURRENCY_PATTERN})[)\\]]))(?:(${HEADER_SCALE})${GAP}?)?(${CURRENCY_PATTERN})[)\\]]?`,
  'u',
);

/** {@link CURRENCY_HEADER}, for counting the currency columns of a heading. Matches twice in: `Kosten Inland in Euro Kosten Ausland in Euro` */
export const CURRENCY_HEADER_ALL = new RegExp(CURRENCY_HEADER.source, 'gu');

/** A code with a leading zero, no amount. Matches: `0504` */
const LEADING_ZERO = /^0\d/;

/**
 * Words that make a header line about counts or shares, whose numbers are not all money.
 * Matches: `Jahr Anzahl Kosten in Euro`, `Prozent`
 */
export const COUNT_HEADER = /(?<![\p{L}])(?:Anzahl|Zahl|Prozent|Anteil|Menge|Personen|Fälle|Stellen|Stunden|Tage|VZÄ|Follower|Abonnent\p{L}*|Teilnehm\p{L}*|Beschäftigte|Einwohner|Besucher|Stück)(?![\p{L}])|%/u;

/**
 * A label right before a number that makes it no amount. Matches the label in: `Titel 687 27`,
 * `§ 44`, `Nr. 5`, `(Stand: 06.05.2025)`, `Kapitel 0501`
 */
export const NUMBER_LABEL_BEFORE =
  /(?:§|Art\.|Artikel|Abs\.|Nr\.|Nummer|Titel|Kapitel|Kap\.|Anlage|Frage|Fragen|Seite|S\.|Drucksache|Randnummer|Rn\.|Ziffer|Stand:)[ \u00A0]$/u;

/**
 * What right after a number in a lost table makes it no money cell: a percent sign, a unit or a
 * word in lower case. Matches the tail of: `55 %`, `1.578,3 pro VZÄ`, `12 Prozent`
 */
const NOT_MONEY_AFTER = /^[ \u00A0]?(?:%|Prozent|v\.\s?H\.|\p{Ll}{2})/u;

/** A number running on into stray separators, misprinted. Matches the tail of: `180.278.,96` */
const MALFORMED_AFTER = /^[.,][.,]?\d/;

/** A cell's footnote mark that may follow its number. Matches the mark in: `4.602*`, `4.602¹`, `4.602 1)` */
export const CELL_FOOTNOTE = /(?:[ \u00A0]?(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d\)))$/u;

/** Amounts above this (ten trillion) come from misread tables, not from any budget. */
const IMPLAUSIBLE = 1e13;

/**
 * Whether a number in a table body is a money cell: not a year, not a small count or footnote
 * number, not a code (`0504`, `687 15`), not labelled as something else, not followed by a percent
 * sign or unit.
 *
 * @param spans All numbers.
 * @param index The number.
 * @param text Section text.
 * @param claimed Numbers already used.
 * @param lineEnd Where the cell's printed line ends, when known: a number on the next line is no code tail.
 * @returns Whether it is.
 */
export function isMoneyCell(spans: readonly NumberSpan[], index: number, text: string, claimed: ReadonlySet<number>, lineEnd = Number.POSITIVE_INFINITY): boolean {
  const span = spans[index];
  const number = span?.number;
  if (!span || !number || claimed.has(index)) return false;
  if (YEAR.test(span.text) || LEADING_ZERO.test(span.text)) return false;
  if (number.grouping === 'none' && number.fraction === '' && number.integer.length <= 2) return false;
  if (NUMBER_LABEL_BEFORE.test(text.slice(Math.max(0, span.start - 14), span.start))) return false;
  if (NOT_MONEY_AFTER.test(text.slice(span.end, span.end + 8))) return false;
  if (MALFORMED_AFTER.test(text.slice(span.end, span.end + 3))) return false;
  // `687 15`: a one- or two-digit number right after makes it a code (a budget title).
  const next = spans[index + 1];
  if (next && !next.joined && next.start === span.end + 1 && next.start < lineEnd && CODE_TAIL.test(next.text.length === 1 ? `0${next.text}` : next.text)) return false;
  return true;
}

/**
 * Record one money cell of a lost table.
 *
 * @param spans All numbers.
 * @param index The cell's number.
 * @param currency Currency and exponent from the heading.
 * @param text Section text.
 * @param claimed Numbers already used.
 * @param found Where the hit or problem goes.
 */
export function tableCell(
  spans: readonly NumberSpan[],
  index: number,
  currency: { code: string; exponent: number },
  text: string,
  claimed: Set<number>,
  found: Found,
): void {
  const span = spans[index];
  if (!span?.number) return;
  claimed.add(index);
  if (gluedFootnote(spans, index, text)) {
    found.problems.push(ambiguousCell(spans[index - 1] ?? span, span, text));
    return;
  }
  // A cell may carry its own scale word: `1,3 Mio.` under `in Euro`.
  SCALE_AFTER.lastIndex = span.end;
  const scale = SCALE_AFTER.exec(text);
  const own = scale && LARGE_SCALE_WORDS.has(scale[1] ?? '') ? scaleExponent(scale[1] ?? '') : undefined;
  const exponent = own ?? currency.exponent;
  const end = own === undefined ? span.end : SCALE_AFTER.lastIndex;
  const value = numberValue(span.number, exponent);
  if (Math.abs(value) > IMPLAUSIBLE) {
    found.problems.push({
      start: span.start,
      end: span.end,
      severity: 'warning',
      ruleId: 'amount-ambiguous',
      reason: `Unexpected table cell \`${span.text}\` read as ${value} ${currency.code}, expected a plausible amount: cells may have run together`,
    });
    return;
  }
  found.hits.push({ start: span.start, end, value, currency: currency.code, table: true });
}

/**
 * A currency header phrase as code and exponent.
 *
 * @param header A match of {@link CURRENCY_HEADER}.
 * @returns Code and exponent.
 */
export function headerCurrency(header: RegExpExecArray): { code: string; exponent: number } | undefined {
  const currency = currencyOf(normalizeForm(header[2] ?? ''));
  if (!currency) return undefined;
  const scale = header[1] ? (scaleExponent(header[1]) ?? 3) : 0;
  return { code: currency.code, exponent: scale + currency.exponent };
}

/**
 * A column header that names a currency: `Fördervolumen in Euro`, `Betrag (€)`, `TEUR`, `Mio. €`.
 *
 * @param cell The header cell text.
 * @returns Code and exponent, or `undefined`.
 */
export function columnCurrency(cell: string): { code: string; exponent: number } | undefined {
  const header = CURRENCY_HEADER.exec(cell);
  if (header) return headerCurrency(header);
  const bare = COLUMN_CURRENCY.exec(cell.trim());
  if (!bare) return undefined;
  const currency = currencyOf(normalizeForm(bare[2] ?? ''));
  if (!currency) return undefined;
  return { code: currency.code, exponent: (bare[1] ? (scaleExponent(bare[1]) ?? 0) : 0) + currency.exponent };
}

/**
 * A column header that is a currency, maybe in brackets after a word. Matches: `TEUR`,
 * `Betrag (€)`, `Kosten [Mio. Euro]`, `Euro`
 */
const COLUMN_CURRENCY = new RegExp(`(?:^|[(\\[]${GAP}?)(?:(${SCALE_PATTERN})${GAP}?)?(${CURRENCY_PATTERN})[)\\]]?$`, 'u');
