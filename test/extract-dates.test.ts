import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { DATE_PIECE, extractDates } from '../src/extract/dates/index.js';
import type { DateRecord, Meta } from '../src/model.js';
import { createLocator, sliceRun } from '../src/lines/run.js';
import type { ExtractContext, Link, Section } from '../src/lines/section.js';
import { bundestagMeta } from './support/meta.js';
import { joinedRun } from './support/runs.js';

/** Header metadata of an answer without a printed date. */
const undated: Meta = bundestagMeta();

/** The same answer dated 2 June 2025. */
const dated: Meta = { ...undated, date: '2025-06-02' };


/**
 * Extract the dates of one plain-text answer, checking that every record's position slices its text.
 *
 * @param input The printed text.
 * @param meta Header metadata.
 * @param links Links of the section.
 * @returns The records.
 */
function dates(input: string, meta: Meta = dated, links: Link[] = []): DateRecord[] {
  const section: Section = { id: 'a1', kind: 'answer', run: joinedRun(input), links, tables: [] };
  const context: ExtractContext = { locator: createLocator(new VFile(input)), meta, format: 'text' };
  const { records } = extractDates([section], context);
  for (const record of records) {
    expect(record.in).toBe('a1');
    expect(input.slice(record.position.start.offset, record.position.end.offset).replace(/\s+/g, ' ')).toBe(record.text.replace(/\s+/g, ' '));
  }
  return records;
}

/**
 * The compared fields of records.
 *
 * @param records Records.
 * @returns `[text, start, end, precision]` per record.
 */
function brief(records: DateRecord[]): Array<[string, string, string, string]> {
  return records.map((record) => [record.text, record.start, record.end, record.precision]);
}

describe('days', () => {
  const cases: Array<[string, Array<[string, string, string, string]>]> = [
    ['am 03.07.2017 veröffentlicht', [['03.07.2017', '2017-07-03', '2017-07-03', 'day']]],
    ['Schreiben vom 21.08.2025', [['21.08.2025', '2025-08-21', '2025-08-21', 'day']]],
    ['Stand 9.6.2026, 18 Uhr', [['9.6.2026', '2026-06-09', '2026-06-09', 'day']]],
    ['am 4. Juli 2025 beschlossen', [['4. Juli 2025', '2025-07-04', '2025-07-04', 'day']]],
    ['am 4. Sept. 2024', [['4. Sept. 2024', '2024-09-04', '2024-09-04', 'day']]],
    ['am 29.02.2024', [['29.02.2024', '2024-02-29', '2024-02-29', 'day']]],
    ['am 1. Juni erschienen', [['1. Juni', '2025-06-01', '2025-06-01', 'day']]],
    ['Im Juli 2017 und am 1. Juni', [['Juli 2017', '2017-07-01', '2017-07-31', 'month'], ['1. Juni', '2017-06-01', '2017-06-01', 'day']]],
    ['am 30.02.2024 und 31.04.2024', []],
    ['Kapitel 0501, Titel 687 27, Version 1.2.3', []],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(brief(dates(input))).toEqual(expected);
  });

  it('needs a year from somewhere', () => {
    expect(dates('am 1. Juni', undated)).toEqual([]);
  });
});

describe('ranges', () => {
  const cases: Array<[string, Array<[string, string, string, string]>]> = [
    ['vom 1. Januar 2015 bis 31. Dezember 2019', [['1. Januar 2015 bis 31. Dezember 2019', '2015-01-01', '2019-12-31', 'day']]],
    ['vom 1. Januar 2020 bis zum 31. Dezember 2024', [['1. Januar 2020 bis zum 31. Dezember 2024', '2020-01-01', '2024-12-31', 'day']]],
    ['Workshop im Jahr 2017 vom 28.-30. Juli', [['2017', '2017-01-01', '2017-12-31', 'year'], ['28.-30. Juli', '2017-07-28', '2017-07-30', 'day']]],
    ['Workshop vom 28.-30. Juli', [['28.-30. Juli', '2025-07-28', '2025-07-30', 'day']]],
    ['vom 7. bis 9. Mai 2025', [['7. bis 9. Mai 2025', '2025-05-07', '2025-05-09', 'day']]],
    ['vom 7. Mai bis 3. Juni 2025', [['7. Mai bis 3. Juni 2025', '2025-05-07', '2025-06-03', 'day']]],
    ['vom 28. Dezember bis 3. Januar 2025', [['28. Dezember bis 3. Januar 2025', '2024-12-28', '2025-01-03', 'day']]],
    ['01.01.-31.12.2024', [['01.01.-31.12.2024', '2024-01-01', '2024-12-31', 'day']]],
    ['01.07.2019-30.06.2022', [['01.07.2019-30.06.2022', '2019-07-01', '2022-06-30', 'day']]],
    ['24.–25.08.2023', [['24.–25.08.2023', '2023-08-24', '2023-08-25', 'day']]],
    ['von Januar bis März 2024', [['Januar bis März 2024', '2024-01-01', '2024-03-31', 'month']]],
    ['in den Jahren 2015 bis 2019', [['2015 bis 2019', '2015-01-01', '2019-12-31', 'year']]],
    ['Für den Zeitraum 2006 bis Ende 2007 liegen', [['2006 bis Ende 2007', '2006-01-01', '2007-12-31', 'year']]],
    ['zwischen dem 1. Januar und dem 31. März 2025', [['1. Januar und dem 31. März 2025', '2025-01-01', '2025-03-31', 'day']]],
    ['zwischen 2015 und 2019', [['2015 und 2019', '2015-01-01', '2019-12-31', 'year']]],
    ['2019 bis 2015', [['2015', '2015-01-01', '2015-12-31', 'year']]],
    ['von 1990 bis 2000 Euro', [['1990', '1990-01-01', '1990-12-31', 'year']]],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(brief(dates(input))).toEqual(expected);
  });
});

describe('months and parts of a period', () => {
  const cases: Array<[string, Array<[string, string, string, string]>]> = [
    ['Im Juni 2016 wurde', [['Juni 2016', '2016-06-01', '2016-06-30', 'month']]],
    ['im Februar 2024', [['Februar 2024', '2024-02-01', '2024-02-29', 'month']]],
    ['im Mai wurde', [['Mai', '2025-05-01', '2025-05-31', 'month']]],
    ['Mitte 2016', [['Mitte 2016', '2016-05-01', '2016-08-31', 'season']]],
    ['Anfang 2024', [['Anfang 2024', '2024-01-01', '2024-03-31', 'season']]],
    ['bis Ende des Jahres 2023', [['Ende des Jahres 2023', '2023-10-01', '2023-12-31', 'season']]],
    ['Ende Juni 2025', [['Ende Juni 2025', '2025-06-21', '2025-06-30', 'season']]],
    ['Anfang Mai 2025', [['Anfang Mai 2025', '2025-05-01', '2025-05-10', 'season']]],
    ['im Herbst 2025', [['Herbst 2025', '2025-09-01', '2025-11-30', 'season']]],
    ['im Winter 2024', [['Winter 2024', '2024-12-01', '2025-02-28', 'season']]],
    ['im ersten Quartal 2025', [['ersten Quartal 2025', '2025-01-01', '2025-03-31', 'season']]],
    ['im 4. Quartal 2024', [['4. Quartal 2024', '2024-10-01', '2024-12-31', 'season']]],
    ['im 2. Halbjahr 2022', [['2. Halbjahr 2022', '2022-07-01', '2022-12-31', 'season']]],
    ['im zweiten Halbjahr des Jahres 2029', [['zweiten Halbjahr des Jahres 2029', '2029-07-01', '2029-12-31', 'season']]],
    ['August Bebel und der Mai-Feiertag', []],
    ['im 3. Halbjahr 2022', []],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(brief(dates(input))).toEqual(expected);
  });
});

describe('years', () => {
  const cases: Array<[string, string[]]> = [
    ['seit 2009 aktiv', ['2009']],
    ['im Jahr 2023', ['2023']],
    ['bis zum Jahr 2030', ['2030']],
    ['bis 2030', ['2030']],
    ['ab 2025', ['2025']],
    ['Haushaltsjahr 2024', ['2024']],
    ['in den Jahren 2023 und 2024 jeweils', ['2023', '2024']],
    ['Im Jahr 2015 777.000,00 EUR', ['2015']],
    ['2015 777.000,00 EUR', []],
    ['2023 rd. 590 000', []],
    ['bis 2000 Euro', []],
    ['Schuljahr 2025/2026', []],
    ['Drucksache 19/2016 und Verordnung (EU) 2016/679', []],
    ['Fragen 1 bis 4 und S. 55 bis 57', []],
  ];
  it.each(cases)('%s', (input, expected) => {
    const records = dates(input);
    expect(records.map((record) => record.text)).toEqual(expected);
    for (const record of records) expect(record.precision).toBe('year');
  });
});

describe('dates inside web addresses', () => {
  it('are skipped in plain text', () => {
    expect(dates('(www.al-mustafa.de/Workshop-vom-28.-30.-Juli und am 4. Juli 2017)').map((record) => record.text)).toEqual(['4. Juli 2017']);
  });

  it('are skipped in link texts', () => {
    const input = 'Workshop www.x.de/vom-28.-30.-Juli am 1. Juli 2017';
    const start = input.indexOf('www');
    const links: Link[] = [{ start, end: input.indexOf(' am'), url: 'http://www.x.de/vom-28.-30.-Juli' }];
    expect(dates(input, dated, links).map((record) => record.text)).toEqual(['1. Juli 2017']);
  });
});

describe('parsing properties', () => {
  const day = fc.integer({ min: 1900, max: 2099 }).chain((year) => fc.integer({ min: 1, max: 12 }).chain((month) => fc.integer({ min: 1, max: new Date(Date.UTC(year, month, 0)).getUTCDate() }).map((d) => ({ year, month, day: d }))));
  const names = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const iso = (date: { year: number; month: number; day: number }): string => `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

  it('reads every valid numeric date', () => {
    fc.assert(fc.property(day, fc.boolean(), (date, padded) => {
      const pad = (n: number): string => (padded ? String(n).padStart(2, '0') : String(n));
      const text = `${pad(date.day)}.${pad(date.month)}.${date.year}`;
      expect(brief(dates(`am ${text} erfolgt`))).toEqual([[text, iso(date), iso(date), 'day']]);
    }));
  });

  it('reads every valid date with a month name', () => {
    fc.assert(fc.property(day, (date) => {
      const text = `${date.day}. ${names[date.month - 1] ?? ''} ${date.year}`;
      expect(brief(dates(`am ${text} erfolgt`))).toEqual([[text, iso(date), iso(date), 'day']]);
    }));
  });

  it('reads a range of two dates in order', () => {
    fc.assert(fc.property(day, day, (a, b) => {
      const [from, to] = iso(a) <= iso(b) ? [a, b] : [b, a];
      const text = `${from.day}. ${names[from.month - 1] ?? ''} ${from.year} bis ${to.day}. ${names[to.month - 1] ?? ''} ${to.year}`;
      expect(brief(dates(`vom ${text}`))).toEqual([[text, iso(from), iso(to), 'day']]);
    }));
  });

  it('finds pieces where dates are printed', () => {
    expect('am 4. Juli 2025, 21.08.2025, Mitte 2016 und seit 2009'.match(DATE_PIECE)).toEqual(['4. Juli 2025', '21.08.2025', 'Mitte 2016', '2009']);
  });
});

describe('worst-case input', () => {
  const pieces = ['1. ', '1.1. ', '2020 ', '1.-', 'Ende ', 'www.a.de/1.1.2020 ', 'zwischen 2015 und ', '28. Dezember bis ', 'Juni ', 'erstes Quartal '];
  it.each(pieces)('1 MB of %j completes in linear time', (piece) => {
    const input = piece.repeat(Math.ceil(1_000_000 / piece.length));
    const started = performance.now();
    const section: Section = { id: 'a1', kind: 'answer', run: sliceRun(input, 0), links: [], tables: [] };
    extractDates([section], { locator: createLocator(new VFile(input)), meta: dated, format: 'text' });
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
