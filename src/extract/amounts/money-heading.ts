/**
 * Lost tables under a heading that names a money quantity but no currency (`Jahr Zweckbestimmung
 * Höhe der Ausgaben`): the cells are amounts only where the paper proves it. They must add up to
 * the table's total row or, without one, to an amount printed with its currency in the answer or
 * its question (`Erstattungen i. H. v. 4 897 749,43 Euro`); a sentence before the table may give the
 * unit (`in Tsd. Euro`). A money heading whose cells nothing proves is reported with the cells, and
 * none is read.
 */
import { numberValue } from './money.js';
import { YEAR, type NumberSpan } from './numbers.js';
import type { Found } from './found.js';
import { wordCount, type LineSpan } from './printed-lines.js';
import { COUNT_HEADER, CURRENCY_HEADER, CURRENCY_HEADER_ALL, headerCurrency, isMoneyCell, tableCell } from './table-cells.js';

/**
 * A money noun closing a heading line, the last column's heading: a compound of `Ausgaben`, `Kosten`,
 * `Betrag`, `Zuwendung`, `Zahlung` … (German budget and grant tables), or `Mittel`, `-summe`,
 * `-volumen` and `Ansatz` after a word that makes them money. Matches the end of: `Jahr
 * Zweckbestimmung Höhe der Ausgaben`, `Zeitraum Projekttitel Fördersumme`, `Haushaltsjahr
 * Mittelabfluss`, `Land Ist-Ausgaben (vorläufig)`, `Höhe der finanziellen Mittel`
 */
export const MONEY_HEADING = new RegExp(
  '(?<![\\p{L}-])(?:' +
    [
      '[\\p{L}-]*(?:[Aa]usgaben|[Kk]osten|[Bb]etr[aä]ge?|[Zz]uwendung(?:en)?|[Zz]usch(?:uss|üsse)|[Ee]innahmen|[Ee]rlöse?|[Zz]ahlung(?:en)?|[Hh]onorare?|[Vv]ergütung(?:en)?|[Ee]ntgelte?|[Gg]ebühren|[Bb]udgets?)',
      '(?:Kosten|Rück)?[Ee]rstattung(?:en)?',
      '(?:(?:Haushalts|Förder|Bundes|Landes|Eigen|Dritt|Finanz|Projekt|Sach|Zuwendungs|Programm|Personal|EU-|Kassen)|(?:finanziellen|bewilligten|verausgabten|ausgezahlten|zugewiesenen)[ \\u00A0])?[Mm]ittel',
      'Mittel(?:abfluss|ansatz|ausstattung)',
      '(?:Förder|Zuwendungs|Auftrags|Bewilligungs|Vertrags|Kredit|Darlehens|Bürgschafts|Kauf|Bau|Investitions)(?:summe|volumen|höhe)',
      '(?:Finanz|Zusage|Haushalts|Gesamtförder)volumen',
      '(?:Soll-|Haushalts|Mittel)?[Aa]nsatz',
    ].join('|') +
    ')(?:[ \\u00A0]*(?:\\([^()\\n]{1,40}\\)|[*¹²³]|\\d\\)))?[ \\u00A0]*$',
  'u',
);

/** A total row of a one-column money table. Matches: `Gesamt 4 897 749,43`, `Summe 12.400`, `GESAMT 1.983`, `Insgesamt: 5 000` */
const TOTAL_ROW = /^(?:Gesamt(?:summe|betrag)?|Summe|Insgesamt|Total|GESAMT|SUMME|INSGESAMT)(?![\p{L}])/u;

/** What ends a heading line that is running text instead: a question mark or a sentence end. Matches the end of: `… entnommen werden.`, `… in welcher Höhe?` */
const NOT_HEADING_END = /[?.;,:]$/;

/** The rest of a row after its cell: blanks, maybe a footnote mark. Matches after `1 671 112,88` in: `1 671 112,88 *` */
const CELL_END = /^[ \u00A0]*(?:[*¹²³])?[ \u00A0]*$/u;

/** A Euro form closing a heading, and the token before it. Matches: `Jahr Euro`, `Land Betrag €`, `Fördersumme T Euro`, `(Mio.) Euro` */
const BARE_CURRENCY_END = /(?:^|(\S+)[ \u00A0]+)(?:Euro|EUR|€)[ \u00A0]*$/u;

/** A column heading word before a bare Euro form that makes it the column's unit, no scale word. Matches: `Jahr`, `Betrag` (not `T`, `Tsd.`, `(Mio.)`, `in`) */
const UNIT_WORD_BEFORE = /^\p{L}{2,}$/u;

/** A word that scales the Euro form after it, or `in` that makes it a header phrase. Matches: `Tsd`, `Tausend`, `Mio`, `Millionen`, `in` */
const HEADER_SCALE_WORD = /^(?:Tsd|Tausend|Mio|Millionen|Mrd|Milliarden|in)$/u;

/** A Euro form anywhere in a heading. Matches `Euro` and `€` in: `Kosten in Euro`, `Betrag (€)`, `TEUR` */
const CURRENCY_FORM_ALL = /(?<![\p{L}])(?:Euro|EUR|TEUR|T€|€)(?![\p{L}])/gu;

/** What closes a heading line that names its column's currency. Matches the end of: `in Euro`, `Betrag (€)`, `Jahr EUR` */
const CURRENCY_CLOSE = /(?<![\p{L}])(?:Euro|EUR|€)[)\]]?[ \u00A0]*$/u;

/** Words of a sentence that announces a table. Matches: `der nachfolgenden Tabelle entnommen`, `folgende Übersicht`, `wie folgt` */
const TABLE_ANNOUNCED = /(?<![\p{L}])(?:Tabelle|Übersicht|Aufstellung|wie folgt)(?![\p{L}])/u;

/** The label of an annex or table over its heading. Matches: `Anlage 1`, `Tabelle 3:`, `Übersicht 2a` */
const TABLE_LABEL = /^(?:Anlage|Tabelle|Übersicht)[ \u00A0]+\d+[a-z]?:?$/u;

/** A line that starts in lower case, running on from the line before. Matches: `wird wegen`, `inkl. MwSt. in` */
const LOWER_START = /^\p{Ll}/u;

/** Most words a money heading line may hold (longer lines are running text). */
const HEADING_WORDS = 8;

/** Most lines of row labels between two cells (a label may run over several lines). */
const LABEL_LINES = 6;

/** A cell printed empty at a row's end. Matches the end of: `Fachpublikum keine`, `2023 –`, `Berlin -` */
const EMPTY_CELL = /(?:^|[ \u00A0])(?:keine|[-–—])$/u;

/** A line of running text after a table: words, then a full stop. Matches: `Die Angaben sind gerundet.` */
const SENTENCE_LINE = /^\p{Lu}\p{Ll}*(?:[ \u00A0]+\S+){4,}\.$/u;

/** Most lines of words above the heading line that still belong to the heading (a caption). */
const CAPTION_LINES = 2;

/** Most lines before the heading searched for the sentence that gives the unit (`in Tsd. Euro`). */
const INTRO_LINES = 4;

/** Most words of a line that is a table's row, not a sentence. */
const ROW_WORDS = 4;

/** Fewest cells that a sum can prove. */
const MIN_CELLS = 2;

/** Most words a line of a table body may hold (longer lines are running text). */
const BODY_WORDS = 12;

/** A currency as code and the exponent of its cells' unit. */
interface Unit {
  code: string;
  exponent: number;
}

/**
 * The value of a number in cents of its printed unit, exact for sums.
 *
 * @param span A number.
 * @returns Cents, or `undefined` when it is no number.
 */
function cents(span: NumberSpan | undefined): number | undefined {
  return span?.number ? Math.round(numberValue(span.number, 2)) : undefined;
}

/**
 * Whether cells in a unit compare with amounts in euros: no unit given, or euros unscaled.
 *
 * @param unit The unit the heading or its sentence gives.
 * @returns Whether they do.
 */
function euros(unit: Unit | undefined): boolean {
  return unit === undefined || (unit.code === 'EUR' && unit.exponent === 0);
}

/**
 * The text of a line.
 *
 * @param text Section text.
 * @param line The line.
 * @returns Its text, trimmed.
 */
function lineText(text: string, line: LineSpan | undefined): string {
  return line ? text.slice(line.start, line.end).trim() : '';
}

/**
 * Whether a line can be a heading of the money table: words only, few of them, no sentence end.
 *
 * @param text Section text.
 * @param line The line.
 * @returns Whether it can.
 */
function headingLike(text: string, line: LineSpan | undefined): boolean {
  if (!line || line.numbers.length > 0) return false;
  const value = lineText(text, line);
  return value !== '' && !NOT_HEADING_END.test(value) && wordCount(value) <= HEADING_WORDS;
}

/**
 * Whether a line is a row of a table: numbers and few words, no sentence end.
 *
 * @param text Section text.
 * @param line The line.
 * @returns Whether it is.
 */
function tabular(text: string, line: LineSpan | undefined): boolean {
  const value = lineText(text, line);
  return !line || (line.numbers.length > 0 && wordCount(value) <= ROW_WORDS && !NOT_HEADING_END.test(value));
}

/**
 * The sentence before a table's heading: the lines before it back to a row of a table before, a
 * few at most.
 *
 * @param lines The section's lines.
 * @param first The heading's first line.
 * @param text Section text.
 * @returns Its text, lines joined by a space.
 */
function introText(lines: readonly LineSpan[], first: number, text: string): string {
  let from = first;
  while (from > 0 && first - from < INTRO_LINES && !tabular(text, lines[from - 1])) from--;
  return lines.slice(from, first).map((line) => lineText(text, line)).join(' ');
}

/**
 * The unit the heading and the sentence before it give the cells: `Vertragswert in` / `Euro`, a bare
 * `Euro` closing the heading (`Jahr Euro`), or `… (Ist-Ausgaben nach Haushaltsjahren in Tsd. Euro).`
 * before `Jahr Ausgaben`.
 *
 * @param lines The section's lines.
 * @param first The heading's first line.
 * @param heading The heading's last line.
 * @param text Section text.
 * @returns The unit; `undefined` where none is given; `null` where the lines give more than one, or
 *   name a currency whose scale they do not make clear (`gerundet auf Tsd. Euro`, `T Euro`).
 */
function givenUnit(lines: readonly LineSpan[], first: number, heading: number, text: string): Unit | null | undefined {
  const units = new Map<string, Unit>();
  const add = (unit: Unit | undefined): void => {
    if (unit) units.set(`${unit.code} ${unit.exponent}`, unit);
  };
  for (const match of introText(lines, first, text).matchAll(CURRENCY_HEADER_ALL)) add(headerCurrency(match));
  const block = lines.slice(first, heading + 1).map((line) => lineText(text, line)).join(' ');
  let resolved = 0;
  let lastEnd = -1;
  for (const match of block.matchAll(CURRENCY_HEADER_ALL)) {
    add(headerCurrency(match));
    resolved++;
    lastEnd = (match.index ?? 0) + match[0].length;
  }
  const bare = BARE_CURRENCY_END.exec(block);
  const before = bare?.[1];
  if (bare && bare.index + bare[0].length > lastEnd && (before === undefined || (UNIT_WORD_BEFORE.test(before) && !HEADER_SCALE_WORD.test(before)))) {
    add({ code: 'EUR', exponent: 0 });
    resolved++;
  }
  if (units.size > 1 || countMatches(block, CURRENCY_FORM_ALL) > resolved) return null;
  return units.values().next().value;
}

/**
 * Count the matches of a global pattern.
 *
 * @param text Some text.
 * @param pattern A pattern with the `g` flag.
 * @returns How many.
 */
function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  for (const match of text.matchAll(pattern)) if (match[0] !== '') count++;
  return count;
}

/** A table found under a money heading, before anything proves it. */
interface MoneyTable {
  /** The heading's text. */
  heading: string;
  /** The cells, as indexes into the section's numbers, in order. */
  cells: number[];
  /** The total row's cell, when the table has one. */
  total: number | undefined;
  /** The table's last line. */
  last: number;
}

/**
 * The body of a table under a money heading: one money cell ending a line, row labels between (a
 * year, words, over a few lines), the heading again after a page break, up to its total row.
 *
 * @param lines The section's lines.
 * @param l The heading's last line.
 * @param spans All numbers.
 * @param text Section text.
 * @param claimed Numbers already used.
 * @returns The table, or `undefined` when its rows are not one money column.
 */
function tableBody(lines: readonly LineSpan[], l: number, spans: readonly NumberSpan[], text: string, claimed: ReadonlySet<number>): MoneyTable | undefined {
  const heading = lineText(text, lines[l]);
  const cells: number[] = [];
  let last = l;
  let labels = 0;
  for (let b = l + 1; b < lines.length; b++) {
    const line = lines[b];
    if (!line) break;
    const value = lineText(text, line);
    if (value === heading) {
      last = b;
      continue;
    }
    if (wordCount(value) > BODY_WORDS || CURRENCY_HEADER.test(value) || SENTENCE_LINE.test(value)) break;
    // A number already read makes the lines another table's.
    if (line.numbers.some((index) => claimed.has(index))) return undefined;
    const index = line.numbers.at(-1);
    const span = spans[index ?? -1];
    const cell = index !== undefined && span !== undefined && CELL_END.test(text.slice(span.end, line.end)) && isMoneyCell(spans, index, text, claimed, line.end);
    if (!cell) {
      // A row whose cell is printed empty (`Fachpublikum keine`, `2023 –`) goes on with the table.
      if (EMPTY_CELL.test(value)) labels = 0;
      else if (++labels > LABEL_LINES) break;
      continue;
    }
    // Another money cell on the line: more than one money column, which this rule does not read.
    if (line.numbers.slice(0, -1).some((other) => isMoneyCell(spans, other, text, claimed) && !YEAR.test(spans[other]?.text ?? ''))) return undefined;
    labels = 0;
    last = b;
    if (TOTAL_ROW.test(value)) return { heading, cells, total: index, last };
    cells.push(index);
  }
  return cells.length > 0 ? { heading, cells, total: undefined, last } : undefined;
}

/**
 * Cells of lost tables whose heading names money without a currency, read where the paper proves
 * them; reported with their cells where it does not.
 *
 * @param lines The section's lines.
 * @param spans All numbers.
 * @param text Section text.
 * @param known Amounts printed with their currency (EUR) in the answer and its questions, in cents.
 * @param claimed Numbers already used.
 * @param found Where hits and problems go.
 * @returns The line ranges of tables reported as unproven, so that no plainer report repeats them.
 */
export function moneyHeadedTables(
  lines: readonly LineSpan[],
  spans: readonly NumberSpan[],
  text: string,
  known: ReadonlySet<number>,
  claimed: Set<number>,
  found: Found,
): Array<[number, number]> {
  const reported: Array<[number, number]> = [];
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (!headingLike(text, line)) continue;
    const value = lineText(text, line);
    const money = MONEY_HEADING.test(value) || CURRENCY_CLOSE.test(value);
    // A cell's text running on (`Einzelbetrag` / `wird wegen …`) is no heading.
    if (LOWER_START.test(lineText(text, lines[l + 1]))) continue;
    let first = l;
    while (first > 0 && l - first < CAPTION_LINES && headingLike(text, lines[first - 1])) first--;
    // A heading follows running text or a caption, not a row of a table (`2024` / `Keine Kosten`).
    const before = lineText(text, lines[first - 1]);
    if (first > 0 && tabular(text, lines[first - 1]) && !TABLE_LABEL.test(before)) continue;
    const block = lines.slice(first, l + 1).map((heading) => lineText(text, heading)).join(' ');
    if (COUNT_HEADER.test(block)) continue;
    // A heading that names no money (`Jahr Berufssprachkurse`) heads a money table where the sentence
    // announcing the table gives the unit: `… der nachfolgenden Tabelle entnommen werden (… in Tsd. Euro).`
    const intro = money ? '' : introText(lines, first, text);
    if (!money && !(CURRENCY_HEADER.test(intro) && TABLE_ANNOUNCED.test(intro))) continue;
    const table = tableBody(lines, l, spans, text, claimed);
    if (!table) continue;
    const unit = givenUnit(lines, first, l, text);
    if (unit === null) continue;
    // A heading that names its currency, maybe on a line under it (`Gesamtkosten` / `inkl. MwSt. in` /
    // `Euro`), or only the sentence before it does, but whose table no rule reads is left to the plain report.
    let under = l;
    while (under + 1 < lines.length && under - l < CAPTION_LINES && headingLike(text, lines[under + 1])) under++;
    const headed = !money || countMatches(lines.slice(first, under + 1).map((heading) => lineText(text, heading)).join(' '), CURRENCY_FORM_ALL) > 0;
    const headingLine = l;
    l = table.last;
    const values = table.cells.map((index) => cents(spans[index]));
    if (values.some((cell) => cell === undefined)) continue;
    const sum = values.reduce<number>((total, cell) => total + (cell ?? 0), 0);
    const total = table.total === undefined ? undefined : cents(spans[table.total]);
    // The paper proves the cells: they add up to the total row, or (without one) to an amount with its
    // currency; an amount's cents cannot match a table in thousands.
    const proven = table.cells.length >= MIN_CELLS && (total === undefined ? known.has(sum) && euros(unit) : total === sum);
    const cellsOf = table.total === undefined ? table.cells : [...table.cells, table.total];
    const currency = unit ?? { code: 'EUR', exponent: 0 };
    if (proven) {
      for (const index of cellsOf) tableCell(spans, index, currency, text, claimed, found);
      continue;
    }
    // A total printed with its currency elsewhere proves the total row alone.
    if (table.total !== undefined && total !== undefined && known.has(total) && euros(unit)) tableCell(spans, table.total, currency, text, claimed, found);
    const unread = cellsOf.filter((index) => !claimed.has(index));
    const firstCell = spans[unread[0] ?? -1];
    const lastCell = spans[unread.at(-1) ?? -1];
    if (headed || !firstCell || !lastCell || unread.length < MIN_CELLS) continue;
    for (const index of unread) claimed.add(index);
    reported.push([headingLine, table.last]);
    found.problems.push({
      start: firstCell.start,
      end: lastCell.end,
      severity: 'info',
      ruleId: 'table-layout-lost',
      reason: `Unexpected cells ${unread.map((index) => `\`${spans[index]?.text ?? ''}\``).join(', ')} under \`${table.heading}\` without a currency, expected a total row or an amount with its currency that they add up to: left unread`,
    });
  }
  return reported;
}
