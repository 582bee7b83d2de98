/**
 * Cells of lost-layout tables read by their column heading: the header grammar, the cell patterns, the
 * printed lines a section is cut into, quoted names with a period, and a paper with the three layouts
 * read (money column then agency column, first column before a typed one, first column before text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { spanText, type PrintedPlace, type TokenSection } from '../src/extract/entities/candidate.js';
import { quoteRule } from '../src/extract/entities/rules/quoted.js';
import { CELL_AMOUNT, DATE_VALUE, MONEY_VALUE, parseHeader, printedLines } from '../src/extract/entities/rules/table-columns.js';
import { tokenize } from '../src/extract/entities/tokens.js';
import type { DrucksacheDocument } from '../src/model.js';
import { drucksache } from '../src/pipeline.js';

const fixture = new URL('fixtures/lost-table-columns/', import.meta.url).pathname;

/**
 * A section of one text, where every character was printed where it stands in the text.
 *
 * @param text The text, lines parted by `\n`.
 * @returns The section.
 */
function sectionOf(text: string): TokenSection {
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text.charAt(k) === '\n') starts.push(k + 1);
  const lineOf = (at: number): number => starts.filter((start) => start <= at).length;
  const printed: PrintedPlace = { line: lineOf, column: (at) => at - (starts[lineOf(at) - 1] ?? 0) + 1 };
  return { index: 0, kind: 'answer', text, tokens: tokenize(text), printed };
}

/**
 * Column kinds a header's words read as.
 *
 * @param text The header.
 * @returns The kinds, or undefined.
 */
function kinds(text: string): string[] | undefined {
  const tokens = tokenize(text);
  return parseHeader(tokens, 0, tokens.length)?.map((column) => column.kind);
}

describe('table headers', () => {
  it.each([
    ['Ressort Titel der Kampagne veranschlagte Haushaltsmittel beauftragte Agentur', ['code', 'title', 'money', 'organization']],
    ['Auftragnehmer Inhalt/Untersuchungsgegenstand Zeitpunkt der Beauftragung', ['organization', 'text', 'date']],
    ['Organisation Betrag in Euro', ['organization', 'money']],
    ['Projekt Fördersumme in Euro', ['title', 'money']],
    ['Träger/ Zuwendungsempfänger Projektbeschreibung Staat Datum', ['organization', 'text', 'text', 'date']],
    ['Name des Projekts Laufzeit', ['title', 'date']],
    ['Name der Organisation Rechtsform', ['organization', 'text']],
    ['Titel Jahr', ['text', 'date']],
    ['Titel der Publikation Erscheinungsdatum', ['text', 'date']],
    ['Titel der Verordnung Datum des Inkrafttretens', ['text', 'date']],
    ['Bezeichnung der Maßnahme Kosten in Euro (brutto)', ['title', 'money']],
    ['Unternehmen haben insofern rechtliche Verpflichtungen', undefined],
    ['Die Kampagne wurde beauftragt', undefined],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});

describe('cell patterns', () => {
  it.each([
    [CELL_AMOUNT, '368.084,70 € Logoform GmbH', '368.084,70 €'],
    [CELL_AMOUNT, 'bisher 5.100 € für', '5.100 €'],
    [CELL_AMOUNT, 'Ausschreibungsverfahren 2026', undefined],
    [MONEY_VALUE, 'Global Solutions Summit 2021 99.987,00', '99.987,00'],
    [MONEY_VALUE, 'SOS Lindholm 500 000,00', '500 000,00'],
    [MONEY_VALUE, 'Amerika Haus 50.000,- Transatlantische Projekte', '50.000,-'],
    [MONEY_VALUE, 'insgesamt 3 613 Personen', undefined],
    [MONEY_VALUE, 'am 12.01.2022', undefined],
    [DATE_VALUE, 'Mittel gegen Gestaltungen 30.01.2023', '30.01.2023'],
    [DATE_VALUE, 'mit Bürgerdialog 21./22.08.2022 Bürgerdialog', '21./22.08.2022'],
    [DATE_VALUE, '19.-20.10.2021 Konferenz', '19.-20.10.2021'],
    [DATE_VALUE, 'Schutz für Anleger? 1.11.2021', '1.11.2021'],
    [DATE_VALUE, '5. Sitzung des Beirats 2024', undefined],
  ])('%s in %s', (pattern, text, expected) => {
    expect(pattern.exec(text)?.[0]).toBe(expected);
  });
});

describe('printed lines', () => {
  it('starts a line inside a word hyphenated across the break, and keeps the indentation', () => {
    // Printed: `48,00 € Ostmarsch Medien-` / `gruppe, NOZ` / `  Plakate und Anzeigen`, joined as the segmenter joins them.
    const pieces: Array<[string, number, string]> = [
      ['48,00 € Ostmarsch Medien', 0, ''],
      ['gruppe, NOZ', 0, ' '],
      ['Plakate und Anzeigen', 2, ''],
    ];
    let text = '';
    const places: Array<[number, number]> = [];
    for (const [k, [piece, indent, joiner]] of pieces.entries()) {
      for (let c = 0; c < piece.length; c++) places.push([k + 1, indent + c + 1]);
      text += piece;
      if (joiner) {
        places.push([k + 2, indent + 1]);
        text += joiner;
      }
    }
    const printed: PrintedPlace = { line: (at) => places[at]?.[0] ?? 0, column: (at) => places[at]?.[1] ?? 0 };
    const tokens = tokenize(text);
    const lines = printedLines(tokens, printed);
    expect(lines.map((line) => text.slice(line.start, line.end))).toEqual(['48,00 € Ostmarsch Medien', 'gruppe, NOZ', 'Plakate und Anzeigen']);
    expect(lines.map((line) => line.indent)).toEqual([0, 0, 2]);
    expect(lines.map((line) => tokens.slice(line.from, line.to).map((t) => t.text).join(' '))).toEqual(['48 , 00 € Ostmarsch Mediengruppe', ', NOZ', 'Plakate und Anzeigen']);
  });
});

describe('quoted names with a period', () => {
  const quoted = (text: string): string[] => {
    const section = sectionOf(text);
    return quoteRule(section).map((found) => `${found.type} ${spanText(section, found.from, found.to)}`);
  };
  it('reads a slogan after the noun that names it', () => {
    expect(quoted('die Kampagne „Nordheide. Einfach weit.“ startet')).toEqual(['Other Nordheide. Einfach weit']);
    expect(quoted('die Partei „Der IV. Bund“')).toEqual(['Organization Der IV. Bund']);
    expect(quoted('der Verein „Lesewelt Nordheide e. V.“')).toEqual(['Organization Lesewelt Nordheide e. V.']);
  });
  it('reads no sentence and no date as a name', () => {
    expect(quoted('im Abschnitt „6. Weitere Folgen“')).toEqual([]);
    expect(quoted('„Nordheide. Einfach weit“')).toEqual([]);
    expect(quoted('Workshop "Frauen in die 12.06.24 "Frauen in die Politik"')).toEqual([]);
  });
});

describe('a paper with lost-layout tables (fixture lost-table-columns)', () => {
  const input = readFileSync(join(fixture, 'input.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as {
    entities: Array<{ type: string; name: string; mentions: number }>;
    absent: string[];
  };
  const document = drucksache().processSync(new VFile({ value: input, path: 'input.txt' })).result as DrucksacheDocument;

  it('finds the organisations and titles of the cells', () => {
    expect(document.entities.map((e) => `${e.type} ${e.name} ${e.mentions.length}`)).toEqual(expected.entities.map((e) => `${e.type} ${e.name} ${e.mentions}`));
  });

  it('takes no description, no placeholder, no cell with amounts inside, and no person for an organisation', () => {
    const names = new Set(document.entities.filter((e) => e.type !== 'Person').flatMap((e) => [e.name, ...e.aliases]));
    for (const name of expected.absent) expect(names.has(name), name).toBe(false);
  });

  it('points every mention at its printed text, hyphenation aside', () => {
    for (const entity of document.entities) {
      for (const mention of entity.mentions) {
        const printed = input.slice(mention.position.start.offset, mention.position.end.offset);
        expect(printed.replace(/-\n/gu, '').replace(/\s+/gu, ' '), mention.text).toBe(mention.text.replace(/\s+/gu, ' '));
      }
    }
  });
});
