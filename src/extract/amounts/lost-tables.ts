/**
 * Money cells of tables whose layout was lost in the plain-text rendering: a currency header line,
 * then short numeric lines below it, or a money heading whose cells a total proves (`money-heading`);
 * runs of such lines are reported as `table-layout-lost`.
 */
import { GROUP_SPACE, numberValue, readGermanNumber } from './money.js';
import type { ExtractContext, Section } from '../../lines/section.js';
import { YEAR, type NumberSpan } from './numbers.js';
import type { Found } from './found.js';
import { rowSum } from './row-sum.js';
import { printedLines, wordCount, type LineSpan } from './printed-lines.js';
import { moneyHeadedTables } from './money-heading.js';
import { MONTH_LABEL, TOTAL_LABEL, readings, tokensOf } from './column-total.js';
import { CURRENCY_HEADER, CURRENCY_HEADER_ALL, COUNT_HEADER, isMoneyCell, tableCell, headerCurrency } from './table-cells.js';

/** Most lines a stacked column heading (one word per line) is looked back over. */
const HEADER_BLOCK_LINES = 15;

/**
 * What may follow a currency header in a lost table: the end of the line, another column heading,
 * a number or a footnote mark — not running text. Matches after `in Euro` in: `Jahr Ausgaben in
 * Euro`, `Kosten Inland in Euro Kosten Ausland in Euro`, `Einnahmen in EUR 2020 2021`
 */
const HEADER_FOLLOW = /^(?:$|[ \u00A0]*(?:\p{Lu}|\p{N}|\(|\*|¹|²|³))/u;

/** A row label that ends in a word, so a running number may follow it. Matches: `Institut` */
const LABEL_WORD = /\p{L}$/u;

/** A list bullet at a line start. Matches: `– im Haushaltsjahr 2021 26 182 Euro` */
const BULLET_START = /^[–•\-*]/;

/** A line end that closes a sentence or a list item. Matches the end of: `… 152 481 Euro,` */
const ITEM_END = /[.;,:]$/;


/** Lines in a row that make a lost table worth reporting. */
const LOST_TABLE_LINES = 3;

/** Lines of text (row labels, a heading) a lost table may hold between its numeric lines. */
const LOST_TABLE_GAP = 3;

/** Most words a line of a lost table may hold besides its numbers. */
const LOST_TABLE_WORDS = 4;

/** Most words a line of a lost table may hold when a currency header announced it. */
const TABLE_BODY_WORDS = 10;

/** Most words a currency header line may hold (longer lines are running text). */
const HEADER_WORDS = 14;

/** What may follow the currency of a heading's last column: nothing, or a footnote mark. Matches after `in Euro` in: `Anzahl Fördermittel (in Euro)` */
const HEADER_LAST = /^[ \u00A0]*(?:[*¹²³]|\d\))?[ \u00A0]*$/u;

/** The rest of a row after its last cell: blanks, maybe a footnote mark. Matches after `152,6` in: `2023 381 152,6` (not `498),`) */
const ROW_END = /^[ \u00A0]*(?:[*¹²³])?[ \u00A0]*$/u;

/** A line end that opens a list in a cell. Matches the end of: `X / BMDV 58 386 Insgesamt für die Jahre:` */
const LIST_OPENS = /:$/;

/** The rest of a row after its year when a colon makes the year a label. Matches after `2021` in: `2021: 4 421` */
const YEAR_COLON = /^:[ \u00A0]+\d[\d., \u00A0]*$/u;

/** The first heading of a table that names its rows. Matches: `Jahr`, `Haushaltsjahr`, `Monat`, `Land` */
const ROW_KEY_HEADING = /^(?:Jahr|Haushaltsjahr|Monat|Quartal|Land|Bundesland|Zeitraum)$/u;

/** A column heading of one word, maybe hyphenated. Matches: `Soll-Ansatz`, `Ist-Ausgaben`, `Ausgaben` */
const HEADING_WORD = /^\p{Lu}[\p{L}]*(?:-\p{L}+)*$/u;

/** A dash standing for an empty cell. Matches the dash in: `2025 5 250 000 -`, `2020 -/- -/-` */
const DASH_CELL = /(?<=[ \u00A0])(?:[-–—](?:\/[-–—])?)(?=[ \u00A0]|$)/gu;

/** A year in two digits. Matches `25` in: `März 25` */
const TWO_DIGITS = /^\d{2}$/;

/**
 * Rows labelled with a word and a running number (`Institut 1`, `Institut 2`) print the number
 * right before the value; where only one space separates them the two read as one space-grouped
 * number (`Institut 1 229 900 000,00`). When the row above or below has the same label, the
 * leading group is the row number: the rest is the value, reported as ambiguous.
 *
 * @param lines The section's lines.
 * @param b The body line.
 * @param spans All numbers.
 * @param text Section text.
 * @param currency Currency and exponent from the heading.
 * @param claimed Numbers already used.
 * @param found Where the hit and the problem go.
 */
function numberedLabel(
  lines: readonly LineSpan[],
  b: number,
  spans: readonly NumberSpan[],
  text: string,
  currency: { code: string; exponent: number },
  claimed: Set<number>,
  found: Found,
): void {
  const label = (line: LineSpan | undefined): string | undefined => {
    const first = line ? spans[line.numbers[0] ?? -1] : undefined;
    return line && first ? text.slice(line.start, first.start).trim() : undefined;
  };
  const line = lines[b];
  const index = line?.numbers[0];
  const span = spans[index ?? -1];
  const own = label(line);
  if (index === undefined || !span?.joined || claimed.has(index) || !own || !LABEL_WORD.test(own)) return;
  if (label(lines[b - 1]) !== own && label(lines[b + 1]) !== own) return;
  const gap = span.text.search(GROUP_SPACE);
  const rest = span.text.slice(gap + 1);
  const number = readGermanNumber(rest);
  if (gap < 0 || !number) return;
  claimed.add(index);
  const start = span.start + gap + 1;
  found.hits.push({ start, end: span.end, value: numberValue(number, currency.exponent), currency: currency.code, table: true });
  found.problems.push({
    start: span.start,
    end: span.end,
    severity: 'warning',
    ruleId: 'amount-ambiguous',
    reason: `Unexpected \`${span.text}\` after the row label \`${own}\`, expected the row number apart from the value: read as row \`${span.text.slice(0, gap)}\` and \`${rest}\``,
  });
}

/**
 * Cells of a table whose heading names counts, then one money column last (`Monat Anzahl der
 * geförderten Personen Fördermittel (in Euro)`): the last number of each row is money when it
 * stands apart from the count before it; where its thousands groups may hold the count too
 * (`Februar 25 96 146 688`), the row is reported with its cells' text.
 *
 * @param lines The section's lines.
 * @param l The heading's line.
 * @param spans All numbers.
 * @param text Section text.
 * @param currency Currency and exponent from the heading.
 * @param claimed Numbers already used.
 * @param found Where hits and problems go.
 * @returns The last line of the table.
 */
function lastColumn(
  lines: readonly LineSpan[],
  l: number,
  spans: readonly NumberSpan[],
  text: string,
  currency: { code: string; exponent: number },
  claimed: Set<number>,
  found: Found,
): number {
  const heading = lines[l] ? text.slice(lines[l].start, lines[l].end).trim() : '';
  let last = l;
  /** Rows whose amount may hold the count, reported unless the column total proves them. */
  const doubtful: Array<{ b: number; first: NumberSpan; span: NumberSpan; index: number; silent?: boolean }> = [];
  /** Whether the rows run under a line that opens a list of years in the money cell (`Insgesamt für die Jahre:`). */
  let yearList = false;
  let closed = false;
  for (let b = l + 1; b < lines.length; b++) {
    const body = lines[b];
    if (!body || body.numbers.length === 0) break;
    const bodyText = text.slice(body.start, body.end);
    if (wordCount(bodyText) > TABLE_BODY_WORDS) break;
    // The heading again over a page break goes on with the same table.
    if (bodyText.trim() === heading) {
      last = b;
      continue;
    }
    // Another heading starts a table of its own.
    if (CURRENCY_HEADER.test(bodyText) || closed) break;
    last = b;
    // The total closes the table: `Gesamt 1 872 2 713 660`, then `Quelle: BAMF, Stand: …`.
    closed = TOTAL_LABEL.test(bodyText.trim());
    const index = body.numbers.at(-1);
    const span = spans[index ?? -1];
    const opensList = LIST_OPENS.test(bodyText.trimEnd());
    // `2021: 4 421` under `… Insgesamt für die Jahre:`: the years list the money cell, after the count.
    const firstSpan = spans[body.numbers[0] ?? -1];
    const yearRow: boolean = yearList && body.numbers.length === 2 && firstSpan !== undefined && YEAR.test(firstSpan.text) && YEAR_COLON.test(text.slice(firstSpan.end, body.end));
    yearList = opensList || yearRow;
    if (yearRow && index !== undefined && isMoneyCell(spans, index, text, claimed, body.end)) {
      tableCell(spans, index, currency, text, claimed, found);
      continue;
    }
    // The money cell ends the row: `(Produktnummern 297/298 und 498),` is a label line.
    // A row holds a count and an amount. One number alone (`Facebook / BMDV 23 183`) is left: it may be
    // the count, or both run together (`März 25 188 321 868`).
    if (index === undefined || !span || !ROW_END.test(text.slice(span.end, body.end)) || !isMoneyCell(spans, index, text, claimed, body.end)) continue;
    if (body.numbers.length < 2) {
      // Read only where the column total proves it: `März 25 188 321 868` ran together whole.
      if (span.joined) doubtful.push({ b, first: span, span, index, silent: true });
      continue;
    }
    if (span.joined) {
      claimed.add(index);
      doubtful.push({ b, first: spans[body.numbers[0] ?? index] ?? span, span, index });
      continue;
    }
    tableCell(spans, index, currency, text, claimed, found);
  }
  const proven = doubtful.length > 0 ? columnTotal(lines, l, last, spans, text) : undefined;
  for (const row of doubtful) {
    const reading = proven?.get(row.b);
    if (reading) {
      const number = readGermanNumber(text.slice(reading.start, row.span.end));
      if (number) {
        claimed.add(row.index);
        found.hits.push({ start: reading.start, end: row.span.end, value: numberValue(number, currency.exponent), currency: currency.code, table: true });
        continue;
      }
    }
    if (row.silent) continue;
    const cells = text.slice(row.first.start, row.span.end);
    found.problems.push({
      start: row.first.start,
      end: row.span.end,
      severity: 'warning',
      ruleId: 'amount-ambiguous',
      reason: `Unexpected table row \`${cells}\`, expected the count apart from the amount: the thousands groups of \`${row.span.text}\` may hold the count`,
    });
  }
  return last;
}

/**
 * The split of the rows of a count-and-amount table that its total row proves.
 *
 * @param lines The section's lines.
 * @param l The heading's line.
 * @param last The table's last line, its total row.
 * @param spans All numbers.
 * @param text Section text.
 * @returns Where each row's amount starts, by line, or `undefined` when the total proves nothing.
 */
function columnTotal(lines: readonly LineSpan[], l: number, last: number, spans: readonly NumberSpan[], text: string): Map<number, { start: number }> | undefined {
  const heading = lines[l] ? text.slice(lines[l].start, lines[l].end).trim() : '';
  const totalLine = lines[last];
  if (!totalLine || !TOTAL_LABEL.test(text.slice(totalLine.start, totalLine.end).trim())) return undefined;
  const starts = new Map<number, { start: number }>();
  let sum = 0;
  let total: number | undefined;
  for (let b = l + 1; b <= last; b++) {
    const line = lines[b];
    if (!line) return undefined;
    const lineText = text.slice(line.start, line.end);
    if (lineText.trim() === heading) continue;
    const from = spans[line.numbers[0] ?? -1];
    const to = spans[line.numbers.at(-1) ?? -1];
    if (!from || !to || !ROW_END.test(text.slice(to.end, line.end))) return undefined;
    const tokens = tokensOf(text, from.start, to.end);
    // Numbers that label the row: its year (`2023 381 152,6`) or the year of its month (`März 25 188 321 868`).
    const head = tokens[0];
    if (head && (YEAR.test(head.text) || (TWO_DIGITS.test(head.text) && MONTH_LABEL.test(text.slice(Math.max(0, head.start - 12), head.start))))) tokens.shift();
    const [reading, ...others] = readings(tokens, text);
    if (!reading) return undefined;
    if (b === last) {
      // The total must read one way only.
      if (others.length > 0) return undefined;
      total = reading.cents;
    } else sum += reading.cents;
    starts.set(b, { start: tokens[reading.at]?.start ?? from.start });
  }
  return total !== undefined && total === sum ? starts : undefined;
}

/**
 * The money columns named by a line of column headings over a unit line: every heading one word
 * (`Soll-Ansatz`), the first naming the rows (`Jahr`).
 *
 * @param heading The line of headings.
 * @returns How many money columns, or `undefined` when the headings cannot be counted.
 */
function headingColumns(heading: string): number | undefined {
  const words = heading.trim().split(/[ \u00A0]+/u);
  if (words.length < 2 || !ROW_KEY_HEADING.test(words[0] ?? '') || !words.every((word) => HEADING_WORD.test(word))) return undefined;
  if (COUNT_HEADER.test(heading)) return undefined;
  return words.length - 1;
}

/**
 * Count the matches of a global pattern.
 *
 * @param text Some text.
 * @param pattern A pattern with the `g` flag.
 * @returns How many matches.
 */
function countMatches(text: string, pattern: RegExp): number {
  // `exec` on the pattern itself: `matchAll` clones it, and a clone of a long pattern is compiled anew.
  let count = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') pattern.lastIndex++;
    else count++;
  }
  pattern.lastIndex = 0;
  return count;
}

/**
 * Cells of lost tables (plain text): after a line with a currency header (`Jahr Ausgaben in
 * Euro`), numbers on the rest of that line and on following short numeric lines are amounts in
 * that currency. Runs of short numeric lines are reported as `table-layout-lost`.
 *
 * Tables whose heading names money without a currency are read where their cells add up to the
 * total row or to an amount printed with its currency (`known`).
 *
 * @param section The section.
 * @param context The extract context.
 * @param spans The section's numbers.
 * @param known Amounts printed with their currency (EUR) in the answer and its questions, in cents.
 * @param claimed Numbers already used.
 * @param found Where hits and problems go.
 */
export function lostTables(section: Section, context: ExtractContext, spans: readonly NumberSpan[], known: ReadonlySet<number>, claimed: Set<number>, found: Found): void {
  if (spans.length === 0) return;
  const text = section.run.text;
  const lines = printedLines(section, context, spans);

  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (!line) continue;
    const lineText = text.slice(line.start, line.end);
    const header = CURRENCY_HEADER.exec(lineText);
    if (!header || lineText.trimEnd().endsWith('?') || wordCount(lineText) > HEADER_WORDS) continue;
    const headerEnd = line.start + header.index + header[0].length;
    if (!HEADER_FOLLOW.test(text.slice(headerEnd, line.end).trimEnd())) continue;
    const currency = headerCurrency(header);
    if (!currency) continue;
    const emit = (indexes: readonly number[]): void => {
      for (const index of indexes) tableCell(spans, index, currency, text, claimed, found);
    };
    const rest = line.numbers.filter((index) => (spans[index]?.start ?? 0) >= headerEnd);
    const restCells = rest.filter((index) => isMoneyCell(spans, index, text, claimed, line.end));
    if (restCells.length > 0) {
      // A row heading: `Ausgaben in TSD Euro 223.781 515.121`; it covers its own line only.
      if (!COUNT_HEADER.test(lineText)) emit(restCells);
      continue;
    }
    // A column heading, maybe stacked over several lines: count the currency columns it names.
    let blockStart = l;
    while (blockStart > 0 && l - blockStart < HEADER_BLOCK_LINES) {
      const above = lines[blockStart - 1];
      if (!above || above.numbers.length > 0) break;
      const aboveText = text.slice(above.start, above.end);
      if (wordCount(aboveText) > HEADER_WORDS || ITEM_END.test(aboveText.trimEnd())) break;
      blockStart--;
    }
    const blockText = text.slice(lines[blockStart]?.start ?? line.start, line.end);
    if (COUNT_HEADER.test(blockText)) {
      // Counts, then one money column last: `Bundesland Anzahl Zuwendungssumme (Bundesmittel in Euro)`.
      if (countMatches(blockText, CURRENCY_HEADER_ALL) === 1 && HEADER_LAST.test(text.slice(headerEnd, line.end).trimEnd())) l = lastColumn(lines, l, spans, text, currency, claimed, found);
      continue;
    }
    // Years after the heading label the columns (`Einnahmen in EUR 2020 2021 2022`): every column is money.
    const yearColumns = rest.filter((index) => YEAR.test(spans[index]?.text ?? '')).length >= 2;
    // A unit line alone under the column headings (`Jahr Soll-Ansatz Ist-Ausgaben` / `in 1 000 Euro`) covers them all.
    const unitAlone = header.index === lineText.search(/\S/) && lineText.trimEnd().length === header.index + header[0].length && blockStart < l;
    const headed = unitAlone && blockStart === l - 1 ? headingColumns(text.slice(lines[l - 1]?.start ?? 0, lines[l - 1]?.end ?? 0)) : undefined;
    let columns = yearColumns ? Number.POSITIVE_INFINITY : (headed ?? countMatches(blockText, CURRENCY_HEADER_ALL));
    let last = l;
    for (let b = l + 1; b < lines.length; b++) {
      const body = lines[b];
      if (!body || body.numbers.length === 0) break;
      const bodyText = text.slice(body.start, body.end);
      if (CURRENCY_HEADER.test(bodyText) || wordCount(bodyText) > TABLE_BODY_WORDS) break;
      last = b;
      if (COUNT_HEADER.test(bodyText)) continue;
      // Years on the line under a caption label the columns: `(in Mio. Euro)` / `Land 2022 2023`.
      if (b === l + 1 && body.numbers.length >= 2 && body.numbers.every((index) => YEAR.test(spans[index]?.text ?? ''))) {
        columns = body.numbers.length;
        continue;
      }
      numberedLabel(lines, b, spans, text, currency, claimed, found);
      const cells = body.numbers.filter((index) => isMoneyCell(spans, index, text, claimed, body.end));
      // Space-grouped cells side by side: the row sum decides the split, or the row is reported.
      // Small groups count there too (`12 345 67 890 80 235`); a year heading the row does not.
      const row = body.numbers.filter((index, k) => !claimed.has(index) && !(k === 0 && YEAR.test(spans[index]?.text ?? '')));
      // A dash fills a column too: `2025 5 250 000 -` holds one amount, not two.
      const filled = headed === undefined ? columns : columns - countMatches(bodyText, DASH_CELL);
      if (cells.length > 0 && rowSum(spans, row, text, currency, filled, found)) {
        for (const index of row) claimed.add(index);
        continue;
      }
      // More money-like numbers than currency columns: the row holds counts too; leave it, or
      // report it where one unit covers every column and the headings do not tell how many.
      if (cells.length <= filled) emit(cells);
      else if (unitAlone && headed === undefined && cells.some((index) => spans[index]?.joined)) {
        const first = spans[cells[0] ?? -1];
        const final = spans[cells.at(-1) ?? -1];
        if (first && final) {
          for (const index of cells) claimed.add(index);
          found.problems.push({
            start: first.start,
            end: final.end,
            severity: 'warning',
            ruleId: 'amount-ambiguous',
            reason: `Unexpected table row \`${text.slice(first.start, final.end)}\`, expected as many cells as the headings over \`${header[0]}\` name: their number is unclear`,
          });
        }
      }
    }
    l = last;
  }

  const unproven = moneyHeadedTables(lines, spans, text, known, claimed, found);

  if (context.format !== 'text') return;
  // One message per lost table: a few lines of row labels inside it do not end it.
  let runStart = -1;
  let lastTabular = -1;
  let tabularLines = 0;
  const flush = (end: number): void => {
    // A money table reported with its cells is not reported again.
    const repeated = unproven.some(([from, to]) => from <= runStart && end - 1 <= to);
    if (runStart >= 0 && tabularLines >= LOST_TABLE_LINES && !repeated) {
      const first = lines[runStart];
      const final = lines[end - 1];
      if (first && final) {
        found.problems.push({
          start: first.start,
          end: final.end,
          severity: 'info',
          ruleId: 'table-layout-lost',
          reason: `Unexpected run of \`${end - runStart}\` lines, \`${tabularLines}\` of them short and numeric, expected running text: a table whose layout was lost`,
        });
      }
    }
    runStart = -1;
    tabularLines = 0;
  };
  lines.forEach((line, index) => {
    const lineText = text.slice(line.start, line.end).trim();
    const tabular = line.numbers.length > 0 && wordCount(lineText) <= LOST_TABLE_WORDS && !BULLET_START.test(lineText) && !ITEM_END.test(lineText);
    if (tabular) {
      if (runStart < 0) runStart = index;
      lastTabular = index;
      tabularLines++;
    } else if (runStart >= 0 && index - lastTabular > LOST_TABLE_GAP) flush(lastTabular + 1);
  });
  if (runStart >= 0) flush(lastTabular + 1);
}
