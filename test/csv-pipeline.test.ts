/**
 * Text that a spreadsheet would run as a formula goes through the whole pipeline into the CSV tables
 * neutralised.
 */
import { describe, expect, it } from 'vitest';
import { csvRows, extract } from '../src/index.js';

const paper = `Deutscher Bundestag Drucksache 21/999
21. Wahlperiode 01.07.2025
Antwort 
der Bundesregierung 
auf die Kleine Anfrage der Abgeordneten Erika Mustermann und der Fraktion der XYZ
– Drucksache 21/900 –
=HYPERLINK("http://example.org";"Titel")
1. =1+2 ist das eine Frage?
2. @SUMME(A1:A3) und dies?
-5 Euro sind zu wenig.
`;

describe('formula injection through the pipeline', () => {
  const { document } = extract(paper, { path: 'formula.txt' });

  it('reads the dangerous text into the model as printed', () => {
    expect(document.meta.title).toBe('=HYPERLINK("http://example.org";"Titel")');
    expect(document.questions.map((q) => q.text)).toEqual(['=1+2 ist das eine Frage?', '@SUMME(A1:A3) und dies?']);
  });

  it.each([
    ['documents', '=HYPERLINK'],
    ['questions', '=1+2'],
    ['questions', '@SUMME'],
    ['answers', '-5 Euro'],
  ] as const)('neutralises %s cells that start with %j', (table, start) => {
    const rows = csvRows(table, document, 'formula');
    expect(rows).toContain(start);
    // Every cell holding it starts with a quote mark, so a spreadsheet shows it as text.
    for (const line of rows.split('\n')) {
      for (const cell of line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
        const value = cell.replace(/^"|"$/g, '').replace(/""/g, '"');
        if (value.includes(start)) expect(value.startsWith(`'`), value).toBe(true);
      }
    }
  });
});
