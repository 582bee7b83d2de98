import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractAmounts } from '../src/extract/amounts/index.js';
import { urlZones } from '../src/extract/amounts/numbers.js';
import { CURRENCY_HEADER } from '../src/extract/amounts/table-cells.js';
import { MONEY_HEADING } from '../src/extract/amounts/money-heading.js';
import type { Amount, Meta } from '../src/model.js';
import { createLocator, sliceRun } from '../src/lines/run.js';
import type { ExtractContext, Section, TableSpan } from '../src/lines/section.js';
import { joinedRun } from './support/runs.js';

const meta: Meta = {
  parliament: null,
  legislativePeriod: null,
  drucksache: null,
  date: null,
  type: null,
  respondent: null,
  respondingBody: null,
  answersDrucksache: null,
  title: null,
  askers: [],
  faction: null,
  header: null,
  furniture: [],
};


/**
 * Extract amounts from one answer section.
 *
 * @param input The printed text.
 * @param options How the section is built.
 * @returns The extraction.
 */
function extract(input: string, options: { joined?: boolean; format?: 'markdown' | 'text'; tables?: TableSpan[]; kind?: Section['kind'] } = {}) {
  const run = options.joined ? joinedRun(input) : sliceRun(input, 0);
  const section: Section = { id: 'a1', kind: options.kind ?? 'answer', run, links: [], tables: options.tables ?? [] };
  const context: ExtractContext = { locator: createLocator(new VFile(input)), meta, format: options.format ?? 'text' };
  return extractAmounts([section], context);
}

/** The parts of a record a phrasing test compares. */
type Expected = Pick<Amount, 'value' | 'currency'> & Partial<Pick<Amount, 'text' | 'qualifier' | 'upper' | 'table'>>;

/**
 * The compared parts of records.
 *
 * @param records Records.
 * @param keys Keys to keep besides value and currency.
 * @returns The parts.
 */
function shape(records: readonly Amount[], keys: ReadonlyArray<keyof Expected>): Expected[] {
  return records.map((record) => {
    const out: Expected = { value: record.value, currency: record.currency };
    for (const key of keys) if (record[key] !== undefined) Object.assign(out, { [key]: record[key] });
    return out;
  });
}

const EUR = 'EUR';

describe('phrasings', () => {
  const cases: Array<[string, string, Expected[]]> = [
    ['space thousands', 'In 2017 sind bisher 18 225 Euro zur Weiterleitung vorgesehen.', [{ value: 18225, currency: EUR, text: '18 225 Euro' }]],
    ['no-break space thousands', 'insgesamt 18\u00A0225 Euro', [{ value: 18225, currency: EUR, text: '18\u00A0225 Euro' }]],
    ['narrow no-break space thousands', 'insgesamt 18\u202F225\u202F€', [{ value: 18225, currency: EUR }]],
    ['thin space thousands', 'insgesamt 1\u2009018\u2009225 Euro', [{ value: 1018225, currency: EUR }]],
    ['dot thousands and euro sign', 'Kosten von 3.450.000 € entstanden', [{ value: 3450000, currency: EUR, text: '3.450.000 €' }]],
    ['dot thousands and decimals', 'insgesamt 303.361.519,26 Euro', [{ value: 303361519.26, currency: EUR }]],
    ['decimal comma', 'jeweils 99,96 Euro mit dem Zweck', [{ value: 99.96, currency: EUR, text: '99,96 Euro' }]],
    ['no cents dash', 'auf 102,- Euro geschätzt', [{ value: 102, currency: EUR, text: '102,- Euro' }]],
    ['Mrd. with decimals', 'derzeit rund 1,6 Mrd. Euro mit', [{ value: 1600000000, currency: EUR, text: '1,6 Mrd. Euro', qualifier: 'rund' }]],
    ['Mio.', 'Ausfallrisiko von derzeit ca. 150 Mio. Euro In Schadensfällen', [{ value: 150000000, currency: EUR, qualifier: 'ca.' }]],
    ['Millionen', 'eine Schwelle von 20 Millionen Euro überschreiten', [{ value: 20000000, currency: EUR, text: '20 Millionen Euro' }]],
    ['Milliarden', 'rund 2 Milliarden Euro', [{ value: 2000000000, currency: EUR, qualifier: 'rund' }]],
    ['T€', 'Mittelansatz 400 T€', [{ value: 400000, currency: EUR, text: '400 T€' }]],
    ['T Euro', 'Mittelansatz 1 800 T Euro', [{ value: 1800000, currency: EUR }]],
    ['TEUR', 'Mittel von 250 TEUR', [{ value: 250000, currency: EUR }]],
    ['TEuro', '2021: 42 TEuro', [{ value: 42000, currency: EUR }]],
    ['Tsd. Euro', 'rund 12 Tsd. Euro', [{ value: 12000, currency: EUR, qualifier: 'rund' }]],
    ['euro sign first', 'ein Betrag von € 5,50 wurde', [{ value: 5.5, currency: EUR, text: '€ 5,50' }]],
    ['EUR first', 'Rechnung: EUR 1.234,56', [{ value: 1234.56, currency: EUR, text: 'EUR 1.234,56' }]],
    ['EUR after', '2015 777.000,00 EUR', [{ value: 777000, currency: EUR, text: '777.000,00 EUR' }]],
    ['US-Dollar', 'mindestens 15 Mrd. US-Dollar für den Bau', [{ value: 15000000000, currency: 'USD', qualifier: 'mindestens' }]],
    ['dollar sign', 'Kosten von US-$ 10', [{ value: 10, currency: 'USD' }]],
    ['USD', 'über 1,5 Mio. USD für', [{ value: 1500000, currency: 'USD', qualifier: 'über' }]],
    ['CHF', 'eine Gebühr von 100 CHF', [{ value: 100, currency: 'CHF' }]],
    ['Pfund', 'Geldbuße von 7,5 Mio. Pfund gegen', [{ value: 7500000, currency: 'GBP' }]],
    ['Cent', 'um bis zu 3 Cent pro Kilowattstunde', [{ value: 0.03, currency: EUR, qualifier: 'bis zu' }]],
    ['range with zwischen', 'zwischen 1 und 2 Mio. Euro', [{ value: 1000000, upper: 2000000, currency: EUR, qualifier: 'zwischen', text: '1 und 2 Mio. Euro' }]],
    ['range with bis', 'wird auf 38,5 Mrd. bis 40 Mrd. Euro geschätzt', [{ value: 38500000000, upper: 40000000000, currency: EUR }]],
    ['range with dash', 'kostet 100–200 Euro', [{ value: 100, upper: 200, currency: EUR }]],
    ['range of groups', 'von 10 000 bis 50 000 Euro', [{ value: 10000, upper: 50000, currency: EUR }]],
    ['bis zu', 'bis zu 5 000 Euro', [{ value: 5000, currency: EUR, qualifier: 'bis zu' }]],
    ['über', 'Bürgschaftsbeträgen von über 2 Mio. Euro (bitte', [{ value: 2000000, currency: EUR, qualifier: 'über' }]],
    ['mehr als', 'mehr als 100.000 Euro', [{ value: 100000, currency: EUR, qualifier: 'mehr als' }]],
    ['höchstens', 'höchstens 80 Euro', [{ value: 80, currency: EUR, qualifier: 'höchstens' }]],
    ['list sharing the currency', 'im Jahr 2026 bei 1 000, 1 500 und 2 000 Euro', [
      { value: 1000, currency: EUR, text: '1 000' },
      { value: 1500, currency: EUR, text: '1 500' },
      { value: 2000, currency: EUR, text: '2 000 Euro' },
    ]],
    ['list sharing a scale', '2 und 3 Mio. Euro', [{ value: 2000000, currency: EUR }, { value: 3000000, currency: EUR }]],
    ['year before space thousands', 'im Jahr 2023 19 610 000 Euro im Rahmen', [{ value: 19610000, currency: EUR, text: '19 610 000 Euro' }]],
    ['year before a small amount', 'wurden im Jahr 2022 2 000 Euro, im Jahr 2023 6 000 Euro und im Jahr 2024 4 000 Euro', [
      { value: 2000, currency: EUR },
      { value: 6000, currency: EUR },
      { value: 4000, currency: EUR },
    ]],
    ['year before a three-digit group', 'im Jahr 2023 123 000 Euro für', [{ value: 123000, currency: EUR }]],
    ['years in a list before the amount', 'in den Jahren 2023 und 2024 jeweils 99,96 Euro', [{ value: 99.96, currency: EUR }]],
    ['count before the amount', 'Tadschikistan 2 8 148 420 Euro Nein', [{ value: 8148420, currency: EUR, text: '8 148 420 Euro' }]],
    ['paragraph break before the currency', 'rund 1,6 Mrd.\nEuro', [{ value: 1600000000, currency: EUR, text: '1,6 Mrd. Euro', qualifier: 'rund' }]],
    ['context gives the currency', 'haben Bund und Länder eine Bürgschaft über 100 Mio. übernommen', [{ value: 100000000, currency: EUR, text: '100 Mio.', qualifier: 'über' }]],
    ['negative', 'Saldo (-5 000 Euro)', [{ value: -5000, currency: EUR, text: '-5 000 Euro' }]],
    ['compound', 'die 10-Millionen-Euro-Kampagne', [{ value: 10000000, currency: EUR }]],
    ['zero', 'im Haushaltsjahr 2025 0,00 Euro.', [{ value: 0, currency: EUR }]],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    const result = extract(input);
    // Text is compared where the case names it; qualifier, upper bound and table flag always.
    const keys: Array<keyof Expected> = expected.some((item) => item.text !== undefined) ? ['text', 'qualifier', 'upper', 'table'] : ['qualifier', 'upper', 'table'];
    expect(shape(result.records, keys)).toEqual(expected);
    expect(result.messages.filter((message) => message.ruleId.startsWith('amount-'))).toEqual([]);
  });
});

describe('not amounts', () => {
  const cases: Array<[string, string]> = [
    ['budget title', 'Aus dem Kapitel 0501, Titel 687 27 wurden'],
    ['Drucksache', 'auf Bundestagsdrucksache 21/469 verwiesen'],
    ['paragraph', 'nach § 44 Absatz 2'],
    ['percentage', 'höchstens 80 Prozent des Ausfallrisikos, 20 %'],
    ['year', 'im Jahr 2023 wurden'],
    ['date', 'am 30. Juni 2025 und am 20.11.2024'],
    ['page', 'Seite 12 von 40'],
    ['count with a scale', 'rund 1,7 Millionen ha und 5 Mio. Menschen'],
    ['scale without money context', 'Fachpublikum 1,52 Mio. Besuche'],
    ['URL', 'siehe www.example.de/start-mit-60-Millionen-Euro-ins-Risiko.html dort'],
    ['URL continued on the next line', 'siehe www.merkur.de/ wirtschaft/batterie-30-Mio-Euro-zr-93782481.html'],
    ['Europa', 'in 27 Staaten Europas und 3 Europäer'],
    ['imprint', 'Postfach 10 05 34, 50445 Köln, Telefon (02 21) 97 66 83 40'],
    ['Euro as a row label', 'Personalkosten in\nEuro 4.977.762'],
  ];
  it.each(cases)('%s', (_, input) => {
    expect(extract(input).records).toEqual([]);
  });
});

describe('line breaks of the plain-text rendering', () => {
  it('joins groups printed on one line only', () => {
    const result = extract('Haushaltstitel 0452 685 18\n107 578 Euro', { joined: true });
    expect(shape(result.records, ['text'])).toEqual([{ value: 107578, currency: EUR, text: '107 578 Euro' }]);
  });

  it('reads a currency on the next line', () => {
    const result = extract('beträgt 1,6 Mrd.\nEuro insgesamt', { joined: true });
    expect(shape(result.records, ['text'])).toEqual([{ value: 1600000000, currency: EUR, text: '1,6 Mrd. Euro' }]);
  });

  it('takes no year over a currency on the next line for an amount', () => {
    expect(extract('Mittelabfluss\n2023\n€\nMittelabfluss', { joined: true }).records).toEqual([]);
  });

  it('takes no currency code starting the next line', () => {
    expect(extract('01.11.2024 31.10.2027 497.891,14\nILS Research gGmbH', { joined: true }).records).toEqual([]);
  });

  it('takes no currency word labelling the next row', () => {
    expect(extract('Donau-Iller 13,5 11,5 12,6\nFranken 13,2 13,0', { joined: true }).records).toEqual([]);
  });

  it('rejoins a number broken after its separator', () => {
    const result = extract('Malz 0,00 € 470.102,\n22 €', { joined: true });
    expect(shape(result.records, ['text'])).toEqual([
      { value: 0, currency: EUR, text: '0,00 €' },
      { value: 470102.22, currency: EUR, text: '470.102,22 €' },
    ]);
    expect(result.messages).toEqual([]);
  });

  it('rejoins a number broken inside a group', () => {
    const result = extract('Eisen 44.204.6\n67,58 €', { joined: true });
    expect(shape(result.records, ['text'])).toEqual([{ value: 44204667.58, currency: EUR, text: '44.204.667,58 €' }]);
  });

  it('rejoins a last cent digit on the next line', () => {
    const result = extract('Erze 4.940,5\n4 €', { joined: true });
    expect(shape(result.records, ['text'])).toEqual([{ value: 4940.54, currency: EUR, text: '4.940,54 €' }]);
  });

  it('keeps a year on the line before an amount apart', () => {
    const result = extract('im Jahr 2023\n5 Euro und 1,5\n10 Euro', { joined: true });
    expect(shape(result.records, ['text'])).toEqual([
      { value: 5, currency: EUR, text: '5 Euro' },
      { value: 10, currency: EUR, text: '10 Euro' },
    ]);
  });

  it('rejoins cents cut off their number', () => {
    const result = extract('Stahl 792.279\n,91 €', { joined: true });
    expect(shape(result.records, ['text'])).toEqual([{ value: 792279.91, currency: EUR, text: '792.279,91 €' }]);
  });

  it('reports a broken number that does not read whole', () => {
    const result = extract('Eisen 1.2.3\n45,67 €', { joined: true });
    expect(result.records).toEqual([]);
    expect(result.messages.map((message) => [message.ruleId, message.text])).toEqual([['amount-unreadable', '1.2.3 45,67 €']]);
  });

  it('reports cents without a number before them', () => {
    const result = extract('Stahl 1.2\n,91 € und 2.3.4\n,5 €', { joined: true });
    expect(result.messages.map((message) => message.ruleId)).toEqual(['amount-unreadable', 'amount-unreadable']);
  });
});

describe('messages', () => {
  it('reports a footnote mark that may be glued to the value', () => {
    const result = extract('Zuwendung 1 4602 Euro');
    expect(result.records).toEqual([]);
    expect(result.messages).toHaveLength(1);
    const [message] = result.messages;
    expect(message?.ruleId).toBe('amount-ambiguous');
    expect(message?.severity).toBe('warning');
    expect(message?.text).toBe('1 4602 Euro');
    expect(message?.position?.start.offset).toBe(10);
  });

  it('reports a number that is no German number', () => {
    const result = extract('Kosten von 1.23.45 Euro');
    expect(result.records).toEqual([]);
    expect(result.messages.map((message) => [message.ruleId, message.text])).toEqual([['amount-unreadable', '1.23.45 Euro']]);
  });

  it('reports a lost table', () => {
    const input = 'Kanal Anzahl Follower\nFacebook 350.547\nInstagram 651.000\nLinkedIn 53.901\nDie Angaben sind gerundet.';
    const result = extract(input, { joined: true });
    expect(result.records).toEqual([]);
    expect(result.messages.map((message) => [message.ruleId, message.severity, message.text])).toEqual([
      ['table-layout-lost', 'info', 'Facebook 350.547 Instagram 651.000 LinkedIn 53.901'],
    ]);
    expect(result.messages[0]?.position?.start.line).toBe(2);
    expect(result.messages[0]?.position?.end.line).toBe(4);
  });

  it('reports one lost table across a few lines of row labels, two across a long passage of text', () => {
    const table = 'Facebook 350.547\nInstagram 651.000\nLinkedIn 53.901';
    const labels = 'Plattformen der Bundesregierung\nohne Unterkonten';
    const prose = Array.from({ length: 5 }, (_, k) => `Die Angaben zu Zeile ${k + 1} beruhen auf Schätzungen der Ressorts und sind gerundet.`).join('\n');
    const lost = (input: string): number => extract(input, { joined: true }).messages.filter((message) => message.ruleId === 'table-layout-lost').length;
    expect(lost(`${table}\n${labels}\n${table}`)).toBe(1);
    expect(lost(`${table}\n${prose}\n${table}`)).toBe(2);
  });

  it('reports no lost table in running text or lists', () => {
    const input = '– im Haushaltsjahr 2021 26 182 Euro\n– im Haushaltsjahr 2022 109 630 Euro\n– im Haushaltsjahr 2023 152 481 Euro.';
    const result = extract(input, { joined: true });
    expect(result.records).toHaveLength(3);
    expect(result.messages).toEqual([]);
  });
});

describe('tables whose layout was lost', () => {
  it('reads cells under a currency column heading', () => {
    const input = 'Jahr Ausgaben in Euro\n2021 774 000\n2022 8 467 000\n2025 (Stand: 06.05.2025) 2 960 000\nDie Aufschlüsselung kann nicht ermittelt werden.';
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text', 'table'])).toEqual([
      { value: 774000, currency: EUR, text: '774 000', table: true },
      { value: 8467000, currency: EUR, text: '8 467 000', table: true },
      { value: 2960000, currency: EUR, text: '2 960 000', table: true },
    ]);
  });

  it('splits space-grouped cells that run together where the row sum proves it', () => {
    const input = 'Jahr Bund in Euro Land in Euro Dritte in Euro Summe in Euro\n2022 1 205 830 512 2 547\n2023 12 345 67 890 80 235';
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text'])).toEqual([
      { value: 1205, currency: EUR, text: '1 205' },
      { value: 830, currency: EUR, text: '830' },
      { value: 512, currency: EUR, text: '512' },
      { value: 2547, currency: EUR, text: '2 547' },
      { value: 12345, currency: EUR, text: '12 345' },
      { value: 67890, currency: EUR, text: '67 890' },
      { value: 80235, currency: EUR, text: '80 235' },
    ]);
    expect(result.messages.filter((m) => m.ruleId === 'amount-ambiguous')).toEqual([]);
  });

  it('reports a row whose cells no sum proves, with the cells, and reads nothing from it', () => {
    const input = 'Jahr Personal in Euro Sachmittel in Euro Lizenzen in Euro Geräte in Euro\n2021 1 748 934 1 204 309 2 191 246 167 604\n2022 1 900 649 1 339 994 1 662 231 3 989 400';
    const result = extract(input, { joined: true });
    expect(shape(result.records, [])).toEqual([
      { value: 1900649, currency: EUR },
      { value: 1339994, currency: EUR },
      { value: 1662231, currency: EUR },
      { value: 3989400, currency: EUR },
    ]);
    const [message] = result.messages.filter((m) => m.ruleId === 'amount-ambiguous');
    expect(message?.reason).toContain('`1 748 934 1 204 309 2 191 246 167 604`');
    expect(message?.text).toBe('1 748 934 1 204 309 2 191 246 167 604');
  });

  it('scales cells by the heading', () => {
    const input = 'Jahr Beiträge für\nKindererziehungszeiten\nin Millionen Euro\n1999 6.954\n2000 11.453';
    expect(shape(extract(input, { joined: true }).records, [])).toEqual([
      { value: 6954000000, currency: EUR },
      { value: 11453000000, currency: EUR },
    ]);
  });

  it.each([
    ['Bruttoausgaben (Tsd. Euro)', '(Tsd. Euro)'], ['(in Tsd. Euro)', 'in Tsd. Euro)'], ['Kosten [Mio. €]', '[Mio. €]'], ['(EUR)', '(EUR)'], ['Ausgaben in Euro', 'in Euro'],
    ['(€ 5 Mio.)', null], ['Kosten (5 Euro)', null], ['(Europa)', null],
  ])('CURRENCY_HEADER on %s → %s', (text, want) => {
    expect(CURRENCY_HEADER.exec(text)?.[0] ?? null).toBe(want);
  });

  it('reads a unit in brackets under each of stacked column headings', () => {
    const input = 'Jahr/Gebiet\nBruttoausgaben\n(Tsd. Euro)\nEinnahmen\n(Tsd. Euro)\n2017\nBayern 883.620 132.826';
    expect(shape(extract(input, { joined: true }).records, ['table'])).toEqual([
      { value: 883620000, currency: EUR, table: true },
      { value: 132826000, currency: EUR, table: true },
    ]);
  });

  it('takes the columns from the years on the line under a caption', () => {
    const input = 'Tabelle 1: Ausgaben, 2022 und 2023\n(in Mio. Euro)\nLand 2022 2023\nGesamt 45 287,7 48 826,5\nBremen 756,8 429,6';
    expect(shape(extract(input, { joined: true }).records, [])).toEqual([
      { value: 45287700000, currency: EUR },
      { value: 48826500000, currency: EUR },
      { value: 756800000, currency: EUR },
      { value: 429600000, currency: EUR },
    ]);
  });

  it('reads the last column as money where counts stand before it', () => {
    const input = 'Bundesland Anzahl Zuwendungssumme (Bundesmittel in Euro)\nBayern 1 11.146.296\nRheinland-Pfalz 2 72.163.453\nProdukt (Nummern 297/298 und 498),';
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text'])).toEqual([
      { value: 11146296, currency: EUR, text: '11.146.296' },
      { value: 72163453, currency: EUR, text: '72.163.453' },
    ]);
  });

  it('reports a row of counts and money whose thousands groups may hold the count, and reads nothing from it', () => {
    const input = 'Jahr Anzahl Zusagen Zusagevolumen in Mio. Euro\n2023 381 152,6\n2025 145 62,4\nMärz 25 188 321 868';
    const result = extract(input, { joined: true });
    expect(shape(result.records, [])).toEqual([{ value: 62400000, currency: EUR }]);
    expect(result.messages.filter((m) => m.ruleId === 'amount-ambiguous').map((m) => m.text)).toEqual(['2023 381 152,6']);
  });

  it('reads the columns that one unit line under their headings covers', () => {
    const input = 'Jahr Soll-Ansatz Ist-Ausgaben\nin 1 000 Euro\n2023 5 250 000 6 318 378\n2025 5 250 000 -';
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text'])).toEqual([
      { value: 5250000000, currency: EUR, text: '5 250 000' },
      { value: 6318378000, currency: EUR, text: '6 318 378' },
      { value: 5250000000, currency: EUR, text: '5 250 000' },
    ]);
  });

  it('reports a row under a unit line whose headings cannot be counted', () => {
    const input = 'Jahr Ansatz des Bundes Ausgaben\nin 1 000 Euro\n2023 5 250 000 6 318 378';
    const result = extract(input, { joined: true });
    expect(result.records).toEqual([]);
    expect(result.messages.filter((m) => m.ruleId === 'amount-ambiguous').map((m) => m.text)).toEqual(['5 250 000 6 318 378']);
  });

  it('reads counts and amounts run together where the column total proves the split', () => {
    const input = 'Monat Anzahl der geförderten Personen Fördermittel (in Euro)\nDezember 24 0 0\nJanuar 25 5 10 240\nFebruar 25 96 146 688\nMärz 25 900 1 000 000\nGesamt 1 001 1 156 928';
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text'])).toEqual([
      { value: 10240, currency: EUR, text: '10 240' },
      { value: 146688, currency: EUR, text: '146 688' },
      { value: 1000000, currency: EUR, text: '1 000 000' },
      { value: 1156928, currency: EUR, text: '1 156 928' },
    ]);
    expect(result.messages.filter((m) => m.ruleId === 'amount-ambiguous')).toEqual([]);
  });

  it('reports counts and amounts run together where the column total does not add up', () => {
    const input = 'Monat Anzahl der geförderten Personen Fördermittel (in Euro)\nJanuar 25 5 10 240\nFebruar 25 96 146 688\nGesamt 1 101 1 156 929';
    const result = extract(input, { joined: true });
    expect(result.records).toEqual([]);
    expect(result.messages.filter((m) => m.ruleId === 'amount-ambiguous').map((m) => m.text)).toEqual(['25 5 10 240', '25 96 146 688', '1 101 1 156 929']);
  });

  it('reads a list of years in the money cell after the count', () => {
    const input = 'Kanäle Follower Ausgaben in Euro\nX / BMDV 58 386 Insgesamt für die Jahre:\n2021: 4 421\n2022: 10 858\nFacebook / BMDV 23 183';
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text'])).toEqual([
      { value: 4421, currency: EUR, text: '4 421' },
      { value: 10858, currency: EUR, text: '10 858' },
    ]);
  });

  it('opens no cell of more digits with a zero', () => {
    const input = 'Empfänger Zuwendungen in 1 000 Euro\n2020 2021 2022 2023 2024\nDas NETTZ gGmbH 415 1 070 1 033';
    const result = extract(input, { joined: true });
    expect(result.records).toEqual([]);
    expect(result.messages.filter((m) => m.ruleId === 'amount-ambiguous').map((m) => m.text)).toEqual(['415 1 070 1 033']);
  });

  it('reads the lost tables of real papers (fixture amount-table-header-currency)', () => {
    // Line ends trimmed, as the segmenter trims them.
    const input = readFileSync(new URL('fixtures/amount-table-header-currency/input.txt', import.meta.url), 'utf8').replace(/[ \t]+$/gm, '');
    const expected = JSON.parse(readFileSync(new URL('fixtures/amount-table-header-currency/expected.json', import.meta.url), 'utf8')) as { amounts: Expected[]; messages: Array<{ ruleId: string; text: string }> };
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text'])).toEqual(expected.amounts);
    expect(result.messages.filter((m) => m.ruleId.startsWith('amount-')).map((m) => ({ ruleId: m.ruleId, text: m.text }))).toEqual(expected.messages);
  });

  it('reads lost tables whose currency the context gives (fixture amount-table-context)', () => {
    const input = readFileSync(new URL('fixtures/amount-table-context/input.txt', import.meta.url), 'utf8').replace(/[ \t]+$/gm, '');
    const expected = JSON.parse(readFileSync(new URL('fixtures/amount-table-context/expected.json', import.meta.url), 'utf8')) as { amounts: Expected[]; messages: Array<{ ruleId: string; text: string }> };
    const result = extract(input, { joined: true });
    expect({
      amounts: shape(result.records, ['text']),
      messages: result.messages.filter((m) => m.ruleId.startsWith('amount-')).map((m) => ({ ruleId: m.ruleId, text: m.text })),
    }).toEqual(expected);
  });

  it('reads `in 1 000 Euro` as thousands', () => {
    const input = 'Land Einnahmen Visagebühren in 1 000 €\nChina 19.406\nTürkei 19.667';
    expect(shape(extract(input, { joined: true }).records, [])).toEqual([
      { value: 19406000, currency: EUR },
      { value: 19667000, currency: EUR },
    ]);
  });

  it('reads a row heading for its own line only', () => {
    const input = 'Jahr 2025 2026 2027\nAngaben in Mio. Euro 2.674 2.326 2.072\nEintritte 29.249 12.769 8.938';
    expect(shape(extract(input, { joined: true }).records, [])).toEqual([
      { value: 2674000000, currency: EUR },
      { value: 2326000000, currency: EUR },
      { value: 2072000000, currency: EUR },
    ]);
  });

  it('reads every column when years label the columns', () => {
    const input = 'Einnahmen in EUR 2020 2021 2022\nBelgien 670,20 699,69 0,00\nBulgarien 0,00 5 385,83 0,00';
    expect(shape(extract(input, { joined: true }).records, [])).toEqual([
      { value: 670.2, currency: EUR },
      { value: 699.69, currency: EUR },
      { value: 0, currency: EUR },
      { value: 0, currency: EUR },
      { value: 5385.83, currency: EUR },
      { value: 0, currency: EUR },
    ]);
  });

  it('leaves codes, years and counts in a money table', () => {
    const input = 'Jahr Förderhöhe in Euro Haushaltstitel\n2006 418 409,00 0504 687 15\n2007 470 092,00 0504 687 15';
    expect(shape(extract(input, { joined: true }).records, ['text'])).toEqual([
      { value: 418409, currency: EUR, text: '418 409,00' },
      { value: 470092, currency: EUR, text: '470 092,00' },
    ]);
  });

  it('leaves rows with more numbers than currency columns', () => {
    const input = 'Land Ausgaben in Euro\nBayern 247.921 212.167\nSaarland 43.056 40.037';
    expect(extract(input, { joined: true }).records).toEqual([]);
  });

  it('reads only the money column last in a table headed by counts', () => {
    const input = 'Jahr Anzahl Kosten in Euro\n2021 150 4.500\n2022 160 4.800';
    expect(shape(extract(input, { joined: true }).records, ['text'])).toEqual([
      { value: 4500, currency: EUR, text: '4.500' },
      { value: 4800, currency: EUR, text: '4.800' },
    ]);
  });

  it('leaves tables headed by counts where the money column is not the last', () => {
    const input = 'Jahr Kosten in Euro Anzahl\n2021 4.500 150\n2022 4.800 160';
    expect(extract(input, { joined: true }).records).toEqual([]);
  });

  it('reads a cell with its own scale word', () => {
    const input = 'Organisation Betrag in Euro\nCare Deutschland 1,3 Mio.\nJohanniter 2,5 Mio.';
    expect(shape(extract(input, { joined: true }).records, ['text'])).toEqual([
      { value: 1300000, currency: EUR, text: '1,3 Mio.' },
      { value: 2500000, currency: EUR, text: '2,5 Mio.' },
    ]);
  });

  it('splits a row number from the value and says so', () => {
    const input = 'Institut Betrag in Euro\nInstitut 1 229 900 000,00\nInstitut 2  26 231 199,00';
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text'])).toEqual([
      { value: 229900000, currency: EUR, text: '229 900 000,00' },
      { value: 26231199, currency: EUR, text: '26 231 199,00' },
    ]);
    expect(result.messages.filter((message) => message.ruleId === 'amount-ambiguous').map((message) => message.text)).toEqual(['1 229 900 000,00']);
  });

  it('takes no row number opening the next line for the tail of a budget title', () => {
    const input = 'Maßnahme Zuschusshöhe in Euro\n1a. Landesmaßnahmen 41.210,72\n1b. Modellprojekte 2.672,95';
    expect(shape(extract(input, { joined: true }).records, ['text'])).toEqual([
      { value: 41210.72, currency: EUR, text: '41.210,72' },
      { value: 2672.95, currency: EUR, text: '2.672,95' },
    ]);
  });

  it('reads tables in answers only', () => {
    const input = 'Jahr Ausgaben in Euro\n2021 774 000\n2022 8 467 000';
    expect(extract(input, { joined: true, kind: 'question' }).records).toEqual([]);
  });
});

describe('lost tables under a money heading without a currency', () => {
  /** The cells of the reports that a money table's currency is unproven. */
  const unproven = (result: ReturnType<typeof extract>): string[] =>
    result.messages.filter((m) => m.ruleId === 'table-layout-lost' && m.reason.includes('without a currency')).map((m) => m.text ?? '');

  it.each([
    ['Jahr Zweckbestimmung Höhe der Ausgaben', true],
    ['Zeitraum Projekttitel Fördersumme', true],
    ['Haushaltsjahr Mittelabfluss', true],
    ['Land Ist-Ausgaben (vorläufig)', true],
    ['Hochschule Zweck Höhe der finanziellen Mittel', true],
    ['Träger Zuwendungen', true],
    ['Jahr Soll-Ansatz', true],
    ['Kreis Kostenerstattungen', true],
    ['Vorhaben Auftragsvolumen', true],
    ['Jahr Lebensmittel', false],
    ['Jahr Berichterstattung', false],
    ['Land Beschäftigungsvolumen', false],
    ['Jahr Lösungsansatz', false],
    ['Eintritte (Jahressumme)', false],
    ['Kosten und Personal', false],
  ])('MONEY_HEADING on %s → %s', (text, want) => {
    expect(MONEY_HEADING.test(text)).toBe(want);
  });

  it('reads the tables whose cells add up to their total row or to an amount printed with its currency (fixture amount-table-money-heading)', () => {
    const input = readFileSync(new URL('fixtures/amount-table-money-heading/input.txt', import.meta.url), 'utf8').replace(/[ \t]+$/gm, '');
    const expected = JSON.parse(readFileSync(new URL('fixtures/amount-table-money-heading/expected.json', import.meta.url), 'utf8')) as { amounts: Expected[]; unproven: Array<{ text: string; cells: string[] }> };
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text', 'table'])).toEqual(expected.amounts);
    const reports = result.messages.filter((m) => m.ruleId === 'table-layout-lost' && m.reason.includes('without a currency'));
    expect(reports.map((m) => m.text)).toEqual(expected.unproven.map((report) => report.text));
    for (const [k, report] of expected.unproven.entries()) for (const cell of report.cells) expect(reports[k]?.reason).toContain(`\`${cell}\``);
  });

  it('reads cells that add up to an amount printed with its currency in the question', () => {
    const question = 'Wie verteilen sich die Fördermittel von 250 000 Euro auf die Länder?';
    const answer = 'Die Verteilung zeigt die folgende Tabelle.\nLand Fördermittel\nBayern 100 000\nHessen 150 000';
    const input = `${question}\n${answer}`;
    const run = joinedRun(input);
    const cut = question.length + 1;
    const sections: Section[] = [
      { id: 'q1', kind: 'question', run: sliceRun(question, 0), links: [], tables: [] },
      { id: 'a1', kind: 'answer', run: { text: run.text.slice(cut), offsets: run.offsets.slice(cut) }, links: [], tables: [] },
    ];
    const context: ExtractContext = { locator: createLocator(new VFile(input)), meta, format: 'text' };
    const result = extractAmounts(sections, context);
    expect(shape(result.records, ['text', 'table'])).toEqual([
      { value: 250000, currency: EUR, text: '250 000 Euro' },
      { value: 100000, currency: EUR, text: '100 000', table: true },
      { value: 150000, currency: EUR, text: '150 000', table: true },
    ]);
  });

  it('reports cells that add up to nothing printed, with the cells, and reads none', () => {
    const result = extract('Die Verteilung zeigt die folgende Tabelle.\nLand Fördermittel\nBayern 100 000\nHessen 150 000', { joined: true });
    expect(result.records).toEqual([]);
    expect(unproven(result)).toEqual(['100 000 Hessen 150 000']);
  });

  it('takes the unit from the sentence that announces the table', () => {
    const input = 'Die Ausgaben können der nachfolgenden Tabelle entnommen werden (Ist-Ausgaben\nnach Haushaltsjahren in Tsd. Euro).\nJahr Ausgaben\n2022 210.431\n2023 198.002\nGesamt 408.433';
    expect(shape(extract(input, { joined: true }).records, ['text'])).toEqual([
      { value: 210431000, currency: EUR, text: '210.431' },
      { value: 198002000, currency: EUR, text: '198.002' },
      { value: 408433000, currency: EUR, text: '408.433' },
    ]);
  });

  it('reads a table whose heading names no money where the sentence announcing it gives the unit', () => {
    const input = 'Die Ausgaben können der nachfolgenden Tabelle entnommen werden (in Tsd. Euro).\nJahr Sprachkurse\n2022 1.250\n2023 2.075\nGesamt 3.325';
    expect(shape(extract(input, { joined: true }).records, ['text'])).toEqual([
      { value: 1250000, currency: EUR, text: '1.250' },
      { value: 2075000, currency: EUR, text: '2.075' },
      { value: 3325000, currency: EUR, text: '3.325' },
    ]);
    const unannounced = extract('Die Angaben folgen.\nJahr Sprachkurse\n2022 1.250\n2023 2.075\nGesamt 3.325', { joined: true });
    expect(unannounced.records).toEqual([]);
    expect(unproven(unannounced)).toEqual([]);
  });

  it('takes no day opening the next row for the tail of a budget title', () => {
    const input = 'Datum Thema Kosten\n12.03.2024 Fachtagung 1.500,00\n14.-15.03.2024 Konferenz 2.250,50\nGesamt 3.750,50';
    expect(shape(extract(input, { joined: true }).records, ['text'])).toEqual([
      { value: 1500, currency: EUR, text: '1.500,00' },
      { value: 2250.5, currency: EUR, text: '2.250,50' },
      { value: 3750.5, currency: EUR, text: '3.750,50' },
    ]);
  });

  it.each([
    ['a heading whose scale is unclear', 'Jahr Ausgaben (gerundet auf Tsd. Euro)\n2022 210\n2023 198\nGesamt 408'],
    ['a scale letter before the currency', 'Jahr Fördersumme T Euro\n2022 210\n2023 198\nGesamt 408'],
    ['a count column', 'Jahr Anzahl der Zuwendungen\n2022 210\n2023 198\nGesamt 408'],
  ])('reads nothing under %s', (_, input) => {
    const result = extract(input, { joined: true });
    expect(result.records).toEqual([]);
    expect(unproven(result)).toEqual([]);
  });

  it('reads a total that equals an amount printed with its currency, and reports the cells that do not add up to it', () => {
    const input = 'Insgesamt wurden 500 000 Euro ausgezahlt.\nLand Zuwendungen\nBayern 120 000\nHessen 150 000\nGesamt 500 000';
    const result = extract(input, { joined: true });
    expect(shape(result.records, ['text', 'table'])).toEqual([
      { value: 500000, currency: EUR, text: '500 000 Euro' },
      { value: 500000, currency: EUR, text: '500 000', table: true },
    ]);
    expect(unproven(result)).toEqual(['120 000 Hessen 150 000']);
  });
});

describe('Markdown tables', () => {
  /**
   * Build a section text and table cells from rows of cells, as the Markdown flattening does.
   *
   * @param rows Rows of cell texts, the header first.
   * @returns The text and the table.
   */
  function table(rows: string[][]): { text: string; table: TableSpan } {
    let text = '';
    const spans: Array<Array<[number, number]>> = [];
    rows.forEach((row, r) => {
      if (r > 0) text += '\n';
      const cells: Array<[number, number]> = [];
      row.forEach((cell, c) => {
        if (c > 0) text += ' | ';
        cells.push([text.length, text.length + cell.length]);
        text += cell;
      });
      spans.push(cells);
    });
    return { text, table: { rows: spans } };
  }

  it('reads cells under a currency column heading', () => {
    const { text, table: span } = table([
      ['Jahr', 'Projekt', 'Fördervolumen in Euro'],
      ['2021', 'Netzwerk', '1.234'],
      ['2022', 'Netzwerk', '5.678,50*'],
      ['2023', 'Netzwerk', '12 Euro'],
    ]);
    const result = extract(text, { format: 'markdown', tables: [span] });
    expect(shape(result.records, ['text', 'table'])).toEqual([
      { value: 1234, currency: EUR, text: '1.234', table: true },
      { value: 5678.5, currency: EUR, text: '5.678,50', table: true },
      { value: 12, currency: EUR, text: '12 Euro' },
    ]);
  });

  it('reads a thousands heading', () => {
    const { text, table: span } = table([
      ['Land', 'TEUR'],
      ['Bayern', '1.250'],
    ]);
    expect(shape(extract(text, { format: 'markdown', tables: [span] }).records, [])).toEqual([{ value: 1250000, currency: EUR }]);
  });

  it('takes the currency from a caption', () => {
    const caption = 'Ausgaben (in Tsd. Euro)\n';
    const { text, table: span } = table([
      ['Land', 'Betrag'],
      ['Bayern', '1.250'],
    ]);
    const shifted: TableSpan = { rows: span.rows.map((row) => row.map(([a, b]): [number, number] => [a + caption.length, b + caption.length])) };
    expect(shape(extract(caption + text, { format: 'markdown', tables: [shifted] }).records, [])).toEqual([{ value: 1250000, currency: EUR }]);
  });

  it('reports a footnote mark before a cell value', () => {
    const { text, table: span } = table([
      ['Land', 'Betrag in Euro'],
      ['Bayern', '1 4602'],
    ]);
    const result = extract(text, { format: 'markdown', tables: [span] });
    expect(result.records).toEqual([]);
    expect(result.messages.map((message) => [message.ruleId, message.text])).toEqual([['amount-ambiguous', '1 4602']]);
  });

  it('leaves columns without a currency', () => {
    const { text, table: span } = table([
      ['Land', 'Anzahl'],
      ['Bayern', '1.250'],
    ]);
    expect(extract(text, { format: 'markdown', tables: [span] }).records).toEqual([]);
  });
});

describe('positions', () => {
  const input = [
    'In 2017 sind bisher 18 225 Euro vorgesehen.',
    'Aus dem Kapitel 0501, Titel 687 27 wurden im Jahr 2023 19 610 000 Euro verausgabt.',
    'Das Bundesobligo beträgt rund 1,6 Mrd.',
    'Euro mit einem Ausfallrisiko von ca. 150 Mio. Euro.',
    'Die Kosten lagen zwischen 1 und 2 Mio. Euro, bei € 5,50 und 400 T€.',
    'eine Bürgschaft über 100 Mio. übernommen',
    'Jahr Ausgaben in Euro',
    '2021 774 000',
    '2022 8 467 000',
  ].join('\n');

  it('slices exactly each record’s text from the input', () => {
    for (const joined of [false, true]) {
      const result = extract(input, { joined });
      expect(result.records.length).toBeGreaterThan(8);
      for (const record of result.records) {
        const printed = input.slice(record.position.start.offset, record.position.end.offset).replace(/\n/g, ' ');
        expect(printed).toBe(record.text);
        expect(record.in).toBe('a1');
      }
      for (const message of result.messages) {
        const position = message.position;
        expect(position).toBeDefined();
        if (position) expect(input.slice(position.start.offset, position.end.offset).replace(/\n/g, ' ')).toBe(message.text);
      }
    }
  });

  it('gives lines and columns', () => {
    const [record] = extract('Kosten:\nrund 18 225 Euro').records;
    expect(record?.position).toEqual({ start: { line: 2, column: 6, offset: 13 }, end: { line: 2, column: 17, offset: 24 } });
  });

  it('keeps document order across sections', () => {
    const input = '5 Euro\n6 Euro';
    const sections: Section[] = [
      { id: 'q1', kind: 'question', run: sliceRun('5 Euro', 0), links: [], tables: [] },
      { id: 'a1', kind: 'answer', run: sliceRun('6 Euro', 7), links: [], tables: [] },
    ];
    const result = extractAmounts(sections, { locator: createLocator(new VFile(input)), meta, format: 'text' });
    expect(result.records.map((record) => [record.in, record.value])).toEqual([['q1', 5], ['a1', 6]]);
  });
});

describe('worst cases finish', () => {
  const size = 1 << 20;
  const inputs: Array<[string, string]> = [
    ['ones and spaces', '1 '.repeat(size / 2)],
    ['one long dotted number', `1${'.000'.repeat(size / 4)} Euro`],
    ['one long spaced number', `1${' 000'.repeat(size / 4)} Euro`],
    ['digits only', '9'.repeat(size)],
    ['short numbers each with a currency', '1 Euro '.repeat(size / 7)],
    ['ranges', '1 bis 2 '.repeat(size / 8)],
    ['lines of numbers', '12 345\n'.repeat(size / 7)],
    ['spaces', ' '.repeat(size)],
    ['commas and dots', '1,1.1,'.repeat(size / 6)],
  ];
  it.each(inputs)('%s', (_, input) => {
    const result = extract(input, { joined: true });
    expect(Array.isArray(result.records)).toBe(true);
  });
});

describe('urlZones', () => {
  /** The chunks between white space that are addresses, read word by word. */
  const reference = (text: string): Array<[number, number]> =>
    [...text.matchAll(/\S+/gu)].flatMap((match): Array<[number, number]> => {
      const chunk = match[0];
      const slashes = chunk.split('/').length - 1;
      const address = chunk.includes('://') || chunk.startsWith('www.') || slashes >= 2 || (slashes >= 1 && /\.(?:html?|pdf|php|aspx?|jsp)(?![\p{L}])/u.test(chunk));
      return address ? [[match.index, match.index + chunk.length]] : [];
    });

  it('finds the chunks that word-by-word reading finds', () => {
    const unit = fc.constantFrom('/', 'www.', '://', '.html', '.pdf', ' ', '\n', '\u00A0', 'a', 'Ä', '1', '.', 'x/y');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(urlZones(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds no address in a long text of slashes without `www.`, and the one after it', () => {
    const text = 'und/oder '.repeat(20_000);
    expect(urlZones(text)).toEqual([]);
    expect(urlZones(`${text}www.example.de`)).toEqual([[text.length, text.length + 14]]);
  });
});
