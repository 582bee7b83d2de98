/**
 * Pages extracted column by column: runs of lines of one to three characters are put back together
 * where they read as text, and kept as printed, with a warning, where they do not.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { clean, PRINT_NOTE } from '../src/clean/index.js';
import { findRotated, GLUED_LABEL, GLUED_LEAD, GLUED_LINE_START, LEAD_ONLY } from '../src/clean/rotated.js';
import { toLines } from '../src/lines/lines.js';
import { createLocator } from '../src/lines/run.js';
import { parseText } from '../src/parse/text.js';

/**
 * Lines of a plain-text rendering.
 *
 * @param value The text.
 * @returns Its lines.
 */
function linesOf(value: string) {
  return toLines(parseText(value, createLocator(new VFile({ value }))), value, 'text');
}

/**
 * Cut text into the pieces a page extracted column by column prints, one piece a line.
 *
 * @param text The page's text.
 * @param size Characters a piece.
 * @returns The pieces, one a line.
 */
function pieces(text: string, size = 2): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.join('\n');
}

const page = ' 7.In wie vielen Fällen waren die Opfer nach Kenntnis der Bundesregierung jeweilsa)Deutsche,Die nachstehende Auswertung bezieht sich auf die Anzahl der Opfer.Im Übrigen wird auf die Vorbemerkung verwiesen.b)Nichtdeutsche,Die Auswertung bezieht sich auf die Opfer (bitte auflisten)Die Zahlen folgen.';

describe('pages extracted column by column', () => {
  it('rebuilds a run that reads as text, line by line where printed lines began', () => {
    const value = `Vorher steht ein Satz.\n${pieces(page)}\nNachher steht ein Satz.`;
    const cleaned = clean(linesOf(value));
    expect(cleaned.lines.map((line) => line.run.text)).toEqual([
      'Vorher steht ein Satz.',
      ' 7. In wie vielen Fällen waren die Opfer nach Kenntnis der Bundesregierung jeweils',
      'a) Deutsche,',
      'Die nachstehende Auswertung bezieht sich auf die Anzahl der Opfer.',
      'Im Übrigen wird auf die Vorbemerkung verwiesen.',
      'b) Nichtdeutsche,',
      'Die Auswertung bezieht sich auf die Opfer (bitte auflisten)',
      'Die Zahlen folgen.',
      'Nachher steht ein Satz.',
    ]);
    expect(cleaned.problems.map((problem) => [problem.ruleId, problem.severity])).toEqual([['rotated-page', 'info']]);
    // Every rebuilt character is one of the input's, at its place.
    for (const line of cleaned.lines) {
      for (let i = 0; i < line.run.text.length; i++) {
        const char = line.run.text.charAt(i);
        if (char !== ' ') expect(value.charAt(line.run.offsets[i] ?? -1)).toBe(char);
      }
    }
  });

  it('keeps a rotated table as printed and says so', () => {
    const table = 'Land2010201120122013Baden-Württemberg49483645Bayern60394135Berlin80707369Brandenburg78185691Gesamt593509508423';
    const cleaned = clean(linesOf(`Die Tabelle:\n${pieces(table)}\nIm Übrigen wird verwiesen.`));
    expect(cleaned.lines).toHaveLength(2 + Math.ceil(table.length / 2));
    expect(cleaned.problems.map((problem) => [problem.ruleId, problem.severity])).toEqual([['rotated-page', 'warning']]);
  });

  it('leaves a column of numbers alone', () => {
    const column = Array.from({ length: 30 }, (_, i) => `${(i * 7) % 100} `).join('\n');
    expect(findRotated(linesOf(`Die Zahlen:\n${column}\nEnde.`))).toEqual([]);
  });
});

describe('patterns of rebuilt pages', () => {
  const starts = (text: string): number[] => [...text.matchAll(GLUED_LINE_START)].map((match) => match.index);

  it.each([
    ['Deutsche,Die nachstehende', [9]],
    ['wurden.Berichtsjahr', [7]],
    ['Anteil?Die nachstehende', [7]],
    ['verwiesen.b)Nichtdeutsche', [10, 12]],
    ['verwiesen. 8.In wie', [11, 13]],
    ['0817979Im Übrigen', [7]],
    ['z.B. eine', []],
    ['Baden-Württemberg', []],
    ['Anteil an allen Opfern', []],
  ])('GLUED_LINE_START in `%s` at %j (a number or label alone is kept with its text, see LEAD_ONLY)', (text, at) => expect(starts(text)).toEqual(at));

  it.each([
    ['jeweilsa)Deutsche', 7],
    ['(bitte auflisten)Die', 15],
    ['jeweils a) Deutsche', -1],
  ])('GLUED_LABEL in `%s` at %d', (text, at) => expect(GLUED_LABEL.exec(text)?.index ?? -1).toBe(at));

  it.each([
    [' 7.In wie', true],
    ['a)Deutsche,', true],
    ['a) Deutsche,', false],
    ['Die Zahl', false],
  ])('GLUED_LEAD on `%s`: %s', (text, expected) => expect(GLUED_LEAD.test(text)).toBe(expected));

  it.each([
    [' 7.', true],
    ['a)', true],
    ['7. In', false],
  ])('LEAD_ONLY on `%s`: %s', (text, expected) => expect(LEAD_ONLY.test(text)).toBe(expected));
});

describe('the note on an annex not printed', () => {
  it.each([
    ['* Von einer Drucklegung der Anlage wird abgesehen. Diese ist auf Bundestagsdrucksache 21/1070 auf der Internetseite des Deutschen Bundestages abrufbar.', true],
    ['** Von einer Drucklegung des Anhangs wird abgesehen.', true],
    ['Von einer Drucklegung der Anlage wird abgesehen.', false],
  ])('PRINT_NOTE on `%s`: %s', (text, expected) => expect(PRINT_NOTE.test(text)).toBe(expected));

  it('moves the note out of the question it stands in, into the footnotes', () => {
    const cleaned = clean(linesOf('2. Haben die Stiftungen Zuwendungen erhalten (bitte aufschlüsseln)\n* Von einer Drucklegung der Anlage wird abgesehen. Diese ist abrufbar.\na) Gates Foundation,'));
    expect(cleaned.lines.map((line) => line.run.text)).toEqual(['2. Haben die Stiftungen Zuwendungen erhalten (bitte aufschlüsseln)', 'a) Gates Foundation,']);
    expect(cleaned.footnotes.map((note) => note.after)).toEqual([0]);
  });

  it('leaves the note after a sentence where it stands', () => {
    const cleaned = clean(linesOf('Es wird auf die Übersicht in der Anlage 1 verwiesen.*\n* Von einer Drucklegung der Anlage wird abgesehen. Diese ist abrufbar.'));
    expect(cleaned.lines).toHaveLength(2);
    expect(cleaned.footnotes).toEqual([]);
  });
});
