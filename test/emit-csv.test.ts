import { describe, expect, it } from 'vitest';
import { csvHeader, csvRows, csvTableNames, csvTables } from '../src/emit/csv.js';
import type { CsvTableName } from '../src/emit/csv.js';
import type { Amount, DrucksacheDocument } from '../src/model.js';

/** A position on line `line` from column `start + 1`, offsets counted from `base`. */
function at(line: number, start: number, end: number, base = 0): DrucksacheDocument['questions'][number]['position'] {
  return {
    start: { line, column: start + 1, offset: base + start },
    end: { line, column: end + 1, offset: base + end },
  };
}

/** A document with one or two records of every kind. */
function sampleDocument(): DrucksacheDocument {
  return {
    schemaVersion: '1',
    source: { path: 'input/bt21-0839.txt', sha256: 'f'.repeat(64), format: 'text' },
    meta: {
      parliament: 'Deutscher Bundestag',
      legislativePeriod: 21,
      drucksache: '21/839',
      date: '2025-07-14',
      type: 'Antwort',
      respondent: 'Bundesregierung',
      respondingBody: 'Bundesministerium der Finanzen',
      answersDrucksache: '21/299',
      title: 'Zahlungen aus dem Bundeshaushalt an einzelne Firmen',
      askers: [{ name: 'Ines Schwerdtner' }, { name: 'Dietmar Bartsch', title: 'Dr.' }],
      faction: 'Die Linke',
      header: null,
      furniture: [],
    },
    preambles: [],
    questions: [
      {
        id: 'q1',
        number: '1',
        text: 'Welche Zahlungen, Förderungen oder Aufträge …',
        position: at(12, 0, 40, 500),
        subItems: [
          { label: 'a', text: 'an Tesla, Inc.', position: at(13, 3, 17, 541) },
          { label: 'b', text: 'an SpaceX', position: at(14, 3, 12, 560) },
        ],
      },
      { id: 'q2', number: '2', text: 'Wie hoch …?', position: at(20, 0, 11, 700), subItems: [] },
    ],
    answers: [
      {
        id: 'a1',
        questions: ['1', '2', '7'],
        joint: 'unannounced',
        text: 'Es wurden 19 610 000 Euro gezahlt.\nSiehe auch die Antwort zu Frage 2.',
        position: at(22, 0, 60, 800),
        references: [{ question: '2', text: 'Antwort zu Frage 2', position: at(23, 16, 34, 861) }],
      },
    ],
    entities: [
      {
        id: 'e1',
        key: 'organization:bundesministerium-der-finanzen',
        type: 'Organization',
        name: 'Bundesministerium der Finanzen',
        aliases: ['BMF', 'Bundesministeriums der Finanzen'],
        mentions: [
          { text: 'BMF', in: 'meta', position: at(2, 0, 3, 40) },
          { text: 'Bundesministeriums der Finanzen', in: 'a1', position: at(22, 0, 31, 800) },
        ],
      },
      { id: 'e2', key: 'organization:tesla-inc', type: 'Organization', name: 'Tesla, Inc.', aliases: [], mentions: [{ text: 'Tesla, Inc.', in: 'q1', position: at(13, 6, 17, 544) }] },
    ],
    amounts: [
      { text: '19 610 000 Euro', value: 19_610_000, currency: 'EUR', in: 'a1', position: at(22, 10, 25, 800) },
      { text: '1,6 Mrd. Euro', value: 1_600_000_000, currency: 'EUR', qualifier: 'rund', in: 'a1', position: at(22, 30, 43, 800) },
      { text: '0,5 Mio. Euro', value: 500_000, upper: 750_000.5, currency: 'EUR', table: true, in: 'a1', position: at(22, 45, 58, 800) },
    ],
    dates: [],
    sources: [
      { kind: 'drucksache', number: '21/299', text: 'Drucksache 21/299', url: 'https://dserver.bundestag.de/btd/21/002/2100299.pdf', in: 'meta', position: at(5, 0, 17, 100) },
      { kind: 'publication', title: 'Bericht', pages: ['54', '55'], text: 'Bericht, S. 54 f.', in: 'a1', position: at(24, 0, 17, 900) },
    ],
    tables: [],
    messages: [],
  };
}

/** The first record of a table for the sample document, without its line feed. */
function firstRow(table: CsvTableName, doc = sampleDocument()): string {
  const rows = csvRows(table, doc, 'bt21-0839');
  // A record ends at a line feed followed by the next record or the end (quoted line feeds are not).
  const end = rows.search(/\n(?=bt21-0839,|$)/);
  return rows.slice(0, end);
}

/** The sample document with its amounts replaced by one amount. */
function withAmount(amount: Partial<Amount>): DrucksacheDocument {
  const doc = sampleDocument();
  const first = doc.amounts[0];
  if (first === undefined) throw new Error('fixture lacks an amount');
  doc.amounts = [{ ...first, ...amount }];
  return doc;
}

const positionKeys = ['start_line', 'start_column', 'start_offset', 'end_line', 'end_column', 'end_offset'];

describe('csvTables', () => {
  it('describes the eight tables of the output contract', () => {
    expect([...csvTableNames]).toEqual(['documents', 'questions', 'answers', 'entities', 'mentions', 'amounts', 'dates', 'sources']);
    expect(Object.keys(csvTables)).toEqual([...csvTableNames]);
  });

  it.each(csvTableNames)('%s: starts with `document`, every column described', (table) => {
    const columns = csvTables[table].columns;
    expect(columns[0]?.key).toBe('document');
    expect(new Set(columns.map((column) => column.key)).size).toBe(columns.length);
    for (const column of columns) expect(column.description.length, column.key).toBeGreaterThan(10);
  });

  it.each(['questions', 'answers', 'mentions', 'amounts', 'dates', 'sources'] as const)('%s: ends with the six position columns', (table) => {
    expect(csvTables[table].columns.slice(-6).map((column) => column.key)).toEqual(positionKeys);
  });
});

describe('csvHeader', () => {
  it('names the columns in order, ending in a line feed', () => {
    expect(csvHeader('amounts')).toBe(
      'document,text,value,currency,qualifier,upper,table,in,start_line,start_column,start_offset,end_line,end_column,end_offset\n',
    );
    expect(csvHeader('mentions', { delimiter: ';' })).toBe(
      'document;entity;key;text;in;start_line;start_column;start_offset;end_line;end_column;end_offset\n',
    );
  });

  it('matches the columns of csvTables for every table', () => {
    for (const table of csvTableNames) {
      expect(csvHeader(table)).toBe(csvTables[table].columns.map((column) => column.key).join(',') + '\n');
    }
  });

  it('starts with a byte order mark only when asked', () => {
    expect(csvHeader('entities', { bom: true })).toBe('\uFEFFdocument,id,key,type,name,aliases,mention_count\n');
    expect(csvHeader('entities').charCodeAt(0)).toBe('d'.charCodeAt(0));
    expect(csvRows('entities', sampleDocument(), 'x', { bom: true }).charCodeAt(0)).toBe('x'.charCodeAt(0));
  });
});

describe('csvRows', () => {
  it('writes one documents row with metadata and counts', () => {
    expect(csvRows('documents', sampleDocument(), 'bt21-0839')).toBe(
      'bt21-0839,1,input/bt21-0839.txt,' + 'f'.repeat(64) + ',text,Deutscher Bundestag,21,21/839,2025-07-14,Antwort,' +
        'Bundesregierung,Bundesministerium der Finanzen,,21/299,Zahlungen aus dem Bundeshaushalt an einzelne Firmen,' +
        'Ines Schwerdtner;Dietmar Bartsch,Die Linke,,0,2,1,2,3,0,2,0,0,,\n',
    );
  });

  it('writes the printed responding body and group beside the official ones', () => {
    const doc = sampleDocument();
    doc.meta = { ...doc.meta, respondingBodyText: 'Bundesministeriums der Finanzen', faction: 'BÜNDNIS 90/DIE GRÜNEN', factionText: 'BÜNDNIS 90/ DIE GRÜNEN' };
    expect(csvRows('documents', doc, 'bt21-0839')).toContain(',Bundesministerium der Finanzen,Bundesministeriums der Finanzen,21/299,');
    expect(csvRows('documents', doc, 'bt21-0839')).toContain(',BÜNDNIS 90/DIE GRÜNEN,BÜNDNIS 90/ DIE GRÜNEN,0,');
  });

  it('writes one row per question with sub-item letters and positions', () => {
    expect(csvRows('questions', sampleDocument(), 'bt21-0839')).toBe(
      'bt21-0839,q1,1,a;b,"Welche Zahlungen, Förderungen oder Aufträge …",,,,12,1,500,12,41,540\n' +
        'bt21-0839,q2,2,,Wie hoch …?,,,,20,1,700,20,12,711\n',
    );
  });

  it('lists the questions an answer answers, by number and by id (unknown numbers have no id)', () => {
    expect(csvRows('answers', sampleDocument(), 'bt21-0839')).toBe(
      'bt21-0839,a1,1;2;7,q1;q2,unannounced,,2,"Es wurden 19 610 000 Euro gezahlt.\nSiehe auch die Antwort zu Frage 2.",,,,22,1,800,22,61,860\n',
    );
  });

  it('writes entities and their mentions, which name the entity id and section', () => {
    expect(csvRows('entities', sampleDocument(), 'd')).toBe(
      'd,e1,organization:bundesministerium-der-finanzen,Organization,Bundesministerium der Finanzen,BMF;Bundesministeriums der Finanzen,2\n' +
        'd,e2,organization:tesla-inc,Organization,"Tesla, Inc.",,1\n',
    );
    expect(csvRows('mentions', sampleDocument(), 'd')).toBe(
      'd,e1,organization:bundesministerium-der-finanzen,BMF,meta,2,1,40,2,4,43\n' +
        'd,e1,organization:bundesministerium-der-finanzen,Bundesministeriums der Finanzen,a1,22,1,800,22,32,831\n' +
        'd,e2,organization:tesla-inc,"Tesla, Inc.",q1,13,7,550,13,18,561\n',
    );
  });

  it('writes amounts with numbers unquoted and absent values empty', () => {
    expect(csvRows('amounts', sampleDocument(), 'd')).toBe(
      'd,19 610 000 Euro,19610000,EUR,,,,a1,22,11,810,22,26,825\n' +
        'd,"1,6 Mrd. Euro",1600000000,EUR,rund,,,a1,22,31,830,22,44,843\n' +
        'd,"0,5 Mio. Euro",500000,EUR,,750000.5,true,a1,22,46,845,22,59,858\n',
    );
  });

  it('writes sources with their pages joined', () => {
    expect(csvRows('sources', sampleDocument(), 'd')).toBe(
      'd,drucksache,Drucksache 21/299,https://dserver.bundestag.de/btd/21/002/2100299.pdf,21/299,,,,meta,5,1,100,5,18,117\n' +
        'd,publication,"Bericht, S. 54 f.",,,,Bericht,54;55,a1,24,1,900,24,18,917\n',
    );
  });

  it('writes nothing for a table without records', () => {
    expect(csvRows('amounts', { ...sampleDocument(), amounts: [] }, 'd')).toBe('');
  });

  it('has as many cells in every row as the header has columns', () => {
    for (const table of csvTableNames) {
      const width = csvTables[table].columns.length;
      const lines = csvRows(table, sampleDocument(), 'd').split('\n').filter((line) => line.startsWith('d,'));
      // Only lines without quoted delimiters can be counted by splitting.
      for (const line of lines.filter((row) => !row.includes('"'))) expect(line.split(',').length, `${table}: ${line}`).toBe(width);
    }
  });

  // RFC 4180: quote a field holding the delimiter, a quote or a line break; double inner quotes.
  const quoting: Array<[string, string]> = [
    ['plain text', 'plain text'],
    ['Tesla, Inc.', '"Tesla, Inc."'],
    ['die sog. "Blaue Liste"', '"die sog. ""Blaue Liste"""'],
    ['Zeile 1\nZeile 2', '"Zeile 1\nZeile 2"'],
    ['Zeile 1\r\nZeile 2', '"Zeile 1\r\nZeile 2"'],
    ['a;b', 'a;b'],
  ];
  it.each(quoting)('quotes %j as %j', (text, cell) => {
    expect(firstRow('amounts', withAmount({ text }))).toBe(`bt21-0839,${cell},19610000,EUR,,,,a1,22,11,810,22,26,825`);
  });

  // A spreadsheet would run these as formulas; a leading quote makes them text.
  const formulas: Array<[string, string]> = [
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+49 30 227', "'+49 30 227"],
    ['-5 Euro', "'-5 Euro"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rReturn', '"\'\rReturn"'],
  ];
  it.each(formulas)('neutralises the formula %j as %j', (text, cell) => {
    expect(firstRow('amounts', withAmount({ text }))).toBe(`bt21-0839,${cell},19610000,EUR,,,,a1,22,11,810,22,26,825`);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(firstRow('amounts', withAmount({ value: -5, upper: 1.25 }))).toBe(
      'bt21-0839,19 610 000 Euro,-5,EUR,,1.25,,a1,22,11,810,22,26,825',
    );
  });

  it('uses `;` as delimiter when asked, quoting cells that hold it and keeping decimal points', () => {
    const doc = withAmount({ text: '1,6 Mrd. Euro', value: 1.5, qualifier: 'rund; etwa' });
    expect(csvRows('amounts', doc, 'd', { delimiter: ';' })).toBe('d;1,6 Mrd. Euro;1.5;EUR;"rund; etwa";;;a1;22;11;810;22;26;825\n');
    expect(firstRow('answers').includes('1;2;7')).toBe(true);
    expect(csvRows('answers', sampleDocument(), 'd', { delimiter: ';' }).startsWith('d;a1;"1;2;7";"q1;q2";unannounced;;2;')).toBe(true);
  });

  it('takes a tab as delimiter, and refuses delimiters that break records', () => {
    expect(csvHeader('entities', { delimiter: '\t' })).toBe('document\tid\tkey\ttype\tname\taliases\tmention_count\n');
    expect(csvRows('entities', sampleDocument(), 'd', { delimiter: '\t' })).toContain('d\te2\torganization:tesla-inc\tOrganization\tTesla, Inc.\t\t1\n');
    for (const delimiter of ['', ',;', '"', '\n', '\r']) {
      expect(() => csvHeader('entities', { delimiter }), JSON.stringify(delimiter)).toThrow(/Unexpected CSV delimiter/);
      expect(() => csvRows('entities', sampleDocument(), 'd', { delimiter }), JSON.stringify(delimiter)).toThrow(/Unexpected CSV delimiter/);
    }
  });

  it('appends per document under one header', () => {
    const second = { ...sampleDocument(), amounts: sampleDocument().amounts.slice(0, 1) };
    const file = csvHeader('amounts') + csvRows('amounts', sampleDocument(), 'one') + csvRows('amounts', second, 'two');
    const lines = file.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['one', 'one', 'one', 'two']);
  });
});
