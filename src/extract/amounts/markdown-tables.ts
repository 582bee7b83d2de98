/**
 * Money cells of Markdown tables, whose column header or caption gives the currency.
 */
import { numberValue } from './money.js';
import type { Section } from '../../lines/section.js';
import { YEAR, spansWithin, type NumberSpan } from './numbers.js';
import { gluedFootnote, ambiguousCell, type Found } from './found.js';
import { CURRENCY_HEADER, COUNT_HEADER, CELL_FOOTNOTE, headerCurrency, columnCurrency } from './table-cells.js';

/**
 * Cells of Markdown tables whose column header (`Fördervolumen in Euro`, `Betrag (€)`, `TEUR`) or
 * caption (`Angaben in Tsd. Euro`) gives the currency.
 *
 * @param section The section.
 * @param spans The section's numbers.
 * @param claimed Numbers already used.
 * @param found Where hits and problems go.
 */
export function markdownTables(section: Section, spans: readonly NumberSpan[], claimed: Set<number>, found: Found): void {
  const text = section.run.text;
  for (const table of section.tables) {
    const [head, ...body] = table.rows;
    if (!head || body.length === 0) continue;
    const tableStart = head[0]?.[0] ?? 0;
    const captionStart = text.lastIndexOf('\n', Math.max(0, tableStart - 2)) + 1;
    const caption = CURRENCY_HEADER.exec(text.slice(captionStart, tableStart));
    const columns = head.map(([start, end]) => {
      const cell = text.slice(start, end);
      const own = columnCurrency(cell);
      if (own) return own;
      if (caption && !COUNT_HEADER.test(cell) && !/Jahr|Datum|Nr\./u.test(cell)) return headerCurrency(caption);
      return undefined;
    });
    for (const row of body) {
      row.forEach(([start, end], column) => {
        const currency = columns[column];
        if (!currency) return;
        const inCell = spansWithin(spans, start, end);
        if (inCell.some((index) => claimed.has(index)) || inCell.length === 0) return;
        const cellText = text.slice(start, end).trim().replace(CELL_FOOTNOTE, '');
        const first = spans[inCell[0] ?? -1];
        if (!first) return;
        if (inCell.length === 2) {
          const second = spans[inCell[1] ?? -1];
          if (second && gluedFootnote(spans, inCell[1] ?? -1, text)) {
            inCell.forEach((index) => claimed.add(index));
            found.problems.push(ambiguousCell(first, second, text));
          }
          return;
        }
        if (inCell.length !== 1 || !first.number || first.text !== cellText || YEAR.test(first.text)) return;
        claimed.add(inCell[0] ?? -1);
        found.hits.push({ start: first.start, end: first.end, value: numberValue(first.number, currency.exponent), currency: currency.code, table: true });
      });
    }
  }
}
