/**
 * The CSV field formatter against csv-stringify with the options the tables promise (RFC 4180
 * quoting, line feeds, formula escaping, booleans as `true`/`false`): the same text for any cell.
 */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvHeader, csvRows, type CsvCell } from '../src/emit/csv.js';

/** What csv-stringify writes for one record. */
function reference(cells: CsvCell[], delimiter: string): string {
  return stringify([cells], {
    delimiter,
    record_delimiter: 'unix',
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

/** Text with the characters that matter to quoting and escaping made likely. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', ',', ';', '\t', '\n', '\r', '=', '+', '-', '@', "'", ' ', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', 'ä', '€'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

const cell: fc.Arbitrary<CsvCell> = fc.oneof(tricky, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant(undefined));

describe('csvField', () => {
  it.each([',', ';', '\t', '|', '.'])('writes a record as csv-stringify does, delimiter %j', (delimiter) => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        expect(`${cells.map((value) => csvField(value, delimiter)).join(delimiter)}\n`).toBe(reference(cells, delimiter));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes formula starts in text and keeps the sign of a number', () => {
    expect(csvField('=SUM(A1)', ',')).toBe("'=SUM(A1)");
    expect(csvField('-5 Euro', ',')).toBe("'-5 Euro");
    expect(csvField(-5, ',')).toBe('-5');
    expect(csvField('a "b", c', ',')).toBe('"a ""b"", c"');
    expect(csvField('eins\nzwei', ';')).toBe('"eins\nzwei"');
    expect(csvField('', ',')).toBe('');
  });
});

describe('csvHeader and csvRows', () => {
  it('rejects a delimiter that cannot delimit, also for a document without rows', () => {
    expect(() => csvHeader('amounts', { delimiter: '"' })).toThrow(/CSV delimiter/u);
    expect(() => csvHeader('amounts', { delimiter: ';;' })).toThrow(/CSV delimiter/u);
  });

  it('starts the header with a byte order mark only when asked', () => {
    expect(csvHeader('documents', { bom: true }).startsWith('\uFEFFdocument,')).toBe(true);
    expect(csvHeader('documents').startsWith('document,')).toBe(true);
    expect(csvHeader('documents', { delimiter: ';' }).split(';')[0]).toBe('document');
  });

  it('writes nothing for a table a document has no rows in', () => {
    const empty = { amounts: [] } as unknown as Parameters<typeof csvRows>[1];
    expect(csvRows('amounts', empty, 'stem')).toBe('');
  });
});
