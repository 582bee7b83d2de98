/**
 * The segmenter's rules, table by table: where a question ends, sub-items, joint announcements,
 * header lines of both parliaments, and the self-checks.
 */
import { describe, expect, it } from 'vitest';
import { checkSegments, MID_SENTENCE_START, missingMeta } from '../src/segment/answer/checks.js';
import { closesQuestion, endsInAbbreviation, endsSentence, URL_AT_END, URL_GOES_ON } from '../src/segment/answer/close.js';
import { ANSWERED_LINE, FOLLOW_UP, LANDTAG_ANSWER_LINE, LANDTAG_ASKER_LINE, ON_BEHALF_END, ORDINAL_BEFORE, ORDINAL_LIST, PRESIDENT_OFFICE, RECEIVED_NOTE, REQUEST_CLOSE, REQUEST_OPEN, STAR_NOTE } from '../src/segment/answer/index.js';
import { ANSWERED, expandNumbers, findAnnouncement, TOGETHER, VERB_CLOSE, wholeNumbers } from '../src/segment/answer/joint.js';
import { ANSWER_OPENER, CLAUSE_END, LIST_SEPARATOR_END, nextLabel, REFERENCE_CLOSE, SUB_ITEM, subItemEnd } from '../src/segment/answer/sub-items.js';
import type { Line } from '../src/lines/lines.js';
import { ANSWERED_DASHED, ASKERS_BUNDESTAG, ASKERS_LANDTAG, flattenHeader, PAPER_TYPE_LINE, PLACE_DATE } from '../src/segment/header.js';
import type { Answer, Meta, Question } from '../src/model.js';

const position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };

describe('where a line ends a sentence', () => {
  it.each([
    ['Wie viele nichtvollstreckte Haftbefehle lagen zu den Stichtagen 31.', true],
    ['Welche Verträge wurden seit Beginn der 20.', true],
    ['Hält die Bundesregierung Berechnungen für belastbar bzw.', true],
    ['Welche Maßnahmen werden nach Kenntnis der Bundesregierung ggf.', true],
    ['Welche Organisationen und Akteure (z.', true],
    ['Welche Organisationen und Akteure (z. B.', true],
    ['Wie hoch waren die Kosten seit 2020 (vgl.', true],
    ['Welche Kriterien rechtfertigen die Vergabe von 19 Mio.', true],
    ['(bitte entsprechend Frage 6 aufschlüsseln).', false],
    ['Die Zahl stieg im Jahr 2024.', false],
    ['2024: 197 608.', false],
    ['Das ist.', false],
  ])('`%s` ends in an abbreviation: %s', (line, expected) => expect(endsInAbbreviation(line)).toBe(expected));

  it.each([
    ['Der Bundesregierung liegen keine Erkenntnisse vor.', true],
    ['Wie viele Abschiebungen gab es?', true],
    ['… trugen zum Stichtag 31.', false],
    ['… Isolierung bzw.', false],
    ['… (www.bmi.de/themen.', false],
    ['Wie groß ist jeweils jährlich der Anteil der', false],
  ])('`%s` ends a sentence: %s', (line, expected) => expect(endsSentence(line)).toBe(expected));

  it.each([
    ['… (bitte ausführen)?', undefined, true],
    ['… vorgestellten Zahlen (www.youtube.com/watch?', 'v=abc123)?', false],
    ['… vorgestellten Zahlen (www.youtube.com/watch?', 'Die Bundesregierung …', true],
    ['… auf die Frage „Warum?“', undefined, true],
    ['… bis wann soll dieses vorliegen', undefined, false],
  ])('`%s` before `%s` closes a question: %s', (line, next, expected) => expect(closesQuestion(line, next)).toBe(expected));

  it.each([
    ['siehe www.youtube.com/watch?', true],
    ['(https://www.bmi.de/', true],
    ['im Jahr 2024.', false],
  ])('URL_AT_END on `%s`: %s', (line, expected) => expect(URL_AT_END.test(line)).toBe(expected));

  it.each([
    ['v=abc123)?', true],
    ['de/themen/sicherheit.html)?', true],
    ['Die Bundesregierung', false],
  ])('URL_GOES_ON on `%s`: %s', (line, expected) => expect(URL_GOES_ON.test(line)).toBe(expected));
});

describe('sub-items', () => {
  it.each([
    ['a) Woher stammten diese Lichtbilder?', 'a'],
    ['aa) den Prinzipien', 'aa'],
    ['lll) Deutsche Sektion der Internationalen Ärzt*innen', 'lll'],
    ['yyyy) Coordination gegen BAYER-Gefahren e. V. (CBG)?', 'yyyy'],
    ['abc) keine Marke', undefined],
    ['17. a) Inwiefern', undefined],
    ['Die Angaben a) und b)', undefined],
  ])('SUB_ITEM reads `%s` as `%s`', (line, label) => expect(SUB_ITEM.exec(line)?.[1]).toBe(label));

  it.each([
    ['a) Zuwanderer,', true],
    ['f) Kinderzuschuss sowie', true],
    ['§§ 174 bis 184l StGB),', true],
    ['a) Opfer einer Straftat nach dem Dreizehnten Abschnitt des', false],
  ])('CLAUSE_END on `%s`: %s', (line, expected) => expect(CLAUSE_END.test(line)).toBe(expected));

  it.each([
    ['Die nachstehende Tabelle enthält die Anzahl der Opfer', true],
    ['Es wird auf die Antwort zu Frage 16e verwiesen.', true],
    ['Entfällt.', true],
    ['Strafgesetzbuches (StGB; Straftaten gegen die sexuelle Selbstbestimmung,', false],
    ['§§ 174 bis 184l StGB),', false],
    ['Gegenüber dem BMWE erfolgten keine entsprechenden Angaben.', true],
    ['Angaben der Statistik der Bundesagentur für Arbeit zu Zahlungsansprüchen', true],
    ['Angabe des jeweiligen Datums', false],
  ])('ANSWER_OPENER on `%s`: %s', (line, expected) => expect(ANSWER_OPENER.test(line)).toBe(expected));

  it.each([
    [undefined, 'a'],
    ['a', 'b'],
    ['c', 'd'],
    ['aa', 'bb'],
  ])('the label after `%s` is `%s`', (label, next) => expect(nextLabel(label)).toBe(next));

  it.each([
    ['a) Abschluss des Artenschutzgutachtens;', true],
    ['a) der bisherigen Abteilung 1 „Grundsatzfragen und Strategien; Koordinierung“', false],
    ['b) Mikrochips,', false],
  ])('LIST_SEPARATOR_END on `%s`: %s', (line, expected) => expect(LIST_SEPARATOR_END.test(line)).toBe(expected));

  it.each([
    ['abgeschoben wurden. Im Übrigen wird auf die Antwort zu Frage 4 verwiesen', true],
    ['Es wird auf die Antwort zu Frage 4 verwiesen.', false],
    ['Wie viele Personen wurden', false],
  ])('REFERENCE_CLOSE on `%s`: %s', (line, expected) => expect(REFERENCE_CLOSE.test(line)).toBe(expected));

  const lines = (texts: string[]): Line[] => texts.map((text, i) => ({ kind: 'paragraph', run: { text, offsets: new Int32Array(text.length).fill(i) }, links: [], cells: [], header: false, start: i, end: i + 1, blankBefore: false }));

  it.each([
    ['closed by a full stop before the next label: an answer', ['a) absolut,', 'Passagierflüge bis zu einer Distanz von 1 000 km', '2024: 197 608.', 'b) in Prozent aller Passagierflüge?'], { last: 0, by: 'clause' }],
    ['a semicolon inside quotes', ['a) der Abteilung 1 „Grundsatzfragen und Strategien;', 'Koordinierung“ verbleiben im BMFTR?', 'b) der Abteilung 2?'], { last: 1, by: 'question' }],
    ['a semicolon that separates', ['a) Abschluss des Artenschutzgutachtens;', 'Im Jahr 2024 erfolgte die Kartierung.', 'b) Vergabe der Planungsleistungen;'], { last: 0, by: 'clause' }],
    ['a comma inside an open parenthesis', ['b) Vorträge (bitte jeweils Ort, Datum sowie', 'Klassenstufe angeben, auch wenn solche Termine', 'erst veröffentlicht werden),', 'Die Termine werden erst nach Durchführung veröffentlicht.', 'c) POL&IS-Simulationen?'], { last: 2, by: 'clause' }],
  ])('a sub-item %s', (_, texts, expected) => expect(subItemEnd(lines(texts), 0, texts.length)).toEqual(expected));
});

describe('where a question starts and ends', () => {
  it.each([
    ['19. und 20. Wahlperiode durch das Forschungsministerium vergebenen', true],
    ['3., 4. und 5. Klasse', true],
    ['19. Welche Maßnahmen zur Entbürokratisierung der Forschungsförderung', false],
    ['20. Wahlperiode', false],
  ])('ORDINAL_LIST on `%s`: %s', (line, expected) => expect(ORDINAL_LIST.test(line)).toBe(expected));

  it.each([
    ['13. Was war die durchschnittliche Laufzeit der in der jeweils in der 18.,', true],
    ['Forschungsförderung ergriffen?', false],
    ['seit dem Jahr 2010.', false],
  ])('ORDINAL_BEFORE on `%s`: %s', (line, expected) => expect(ORDINAL_BEFORE.test(line)).toBe(expected));

  it.each([
    ['Jeweils zu den Buchstaben a bis c: Wenn ja, welche Konsequenzen zieht', true],
    ['Wenn nein, warum nicht?', true],
    ['Falls ja, in welchem Umfang?', true],
    ['Die Umsatzsteuersatzsenkung von 19 auf 7 Prozent für Speisen in der', false],
    ['Wenngleich die Bundesregierung …', false],
  ])('FOLLOW_UP on `%s`: %s', (line, expected) => expect(FOLLOW_UP.test(line)).toBe(expected));

  it.each([
    ['verändert (bitte Mengen nach Kategorien (Signale, Achszähler, Weiche,', true, false],
    ['etc.) sortiert aufführen)', false, true],
    ['Es wird auf die Antworten zu den Fragen 4 bis 6 verwiesen.', false, false],
  ])('REQUEST_OPEN and REQUEST_CLOSE on `%s`: %s, %s', (line, opens, closes) => {
    expect(REQUEST_OPEN.test(line)).toBe(opens);
    expect(REQUEST_CLOSE.test(line)).toBe(closes);
  });
});

describe('joint announcements', () => {
  it.each([
    ['Die Fragen 12 und 13 werden im Zusammenhang beantwortet. Die Schätzung …', ['12', '13'], ['12', '13'], 'Die Fragen 12 und 13 werden im Zusammenhang beantwortet.'],
    ['Wegen des inhaltlichen Zusammenhangs werden die Fragen 7 und 8 zusammen beantwortet.\nDas Bundeswahlrecht …', ['7', '8'], ['7', '8'], 'Wegen des inhaltlichen Zusammenhangs werden die Fragen 7 und 8 zusammen beantwortet.'],
    ['Die Fragen 14 bis 18 werden zusammen beantwortet Auf die Antwort zu Frage 12 wird verwiesen.', ['14', '15', '16', '17', '18'], ['14', '15', '16', '17', '18'], 'Die Fragen 14 bis 18 werden zusammen beantwortet'],
    ['Gültigkeit haben?\nDie Fragen 1 bis 2b werden gemeinsam beantwortet.\nDer Koalitionsvertrag …', ['1', '2'], ['1', '2'], 'Die Fragen 1 bis 2b werden gemeinsam beantwortet.'],
    ['Die Fragen 8 und 9 werden zusammen bzw. nacheinander beantwortet. Die erfragten Angaben …', ['8', '9'], ['8', '9'], 'Die Fragen 8 und 9 werden zusammen bzw. nacheinander beantwortet.'],
    ['Die Fragen 1) bis 10) werden gemeinsam beantwortet.', ['1', '2'], ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], 'Die Fragen 1) bis 10) werden gemeinsam beantwortet.'],
    ['Fragen 10 und 11 können wie folgt zusammen beantwortet werden: Seit 2020 …', ['10', '11'], ['10', '11'], 'Fragen 10 und 11 können wie folgt zusammen beantwortet werden:'],
    ['Die Fragen 25 bis 31 können mangels Einsatzes von KI nicht beantwortet werden.', ['25', '26'], ['25', '26', '27', '28', '29', '30', '31'], 'Die Fragen 25 bis 31 können mangels Einsatzes von KI nicht beantwortet werden.'],
  ])('finds the announcement in `%s`', (text, answered, numbers, sentence) => {
    const found = findAnnouncement(text, answered);
    expect(found?.numbers).toEqual(numbers);
    expect(found ? text.slice(found.start, found.end) : undefined).toBe(sentence);
  });

  it.each([
    ['Es wird auf die Antworten zu den Fragen 4 und 5 verwiesen.', ['7', '8']],
    ['Die Fragen 5 und 6 werden gemeinsam beantwortet.', ['4']],
    ['Im Übrigen werden die Fragen 3 und 4 beantwortet, soweit …', ['3', '4']],
  ])('finds no announcement of these questions in `%s`', (text, answered) => expect(findAnnouncement(text, answered)).toBeUndefined());

  it.each([
    ['14 und 15', ['14', '15']],
    ['4 bis 6b', ['4', '5', '6']],
    ['1, 4, bis 7 und 12', ['1', '4', '5', '6', '7', '12']],
    ['1) bis 3)', ['1', '2', '3']],
    ['8a und 8b', ['8']],
  ])('expands `%s`', (list, numbers) => expect(expandNumbers(list)).toEqual(numbers));

  it.each([
    ['Die Fragen 18a und 19 werden zusammen beantwortet.', ['19']],
    ['Die Fragen 4 bis 6b werden gemeinsam beantwortet.', ['4', '5', '6']],
    ['Die Fragen 1 und 2 werden gemeinsam beantwortet.', ['1', '2']],
  ])('`%s` names whole %j', (sentence, numbers) => expect(wholeNumbers(sentence)).toEqual(numbers));

  it.each([
    ['im Sachzusammenhang', true],
    ['gemeinsa beantwortet', true],
    ['gesammelt', true],
    ['einzeln', false],
  ])('TOGETHER on `%s`: %s', (text, expected) => expect(TOGETHER.test(text)).toBe(expected));

  it.each([
    ['beantwortet', true],
    ['beantworten', true],
    ['Antwort', false],
  ])('ANSWERED on `%s`: %s', (text, expected) => expect(ANSWERED.test(text)).toBe(expected));

  it.each([
    [' werden: Seit', ' werden:'],
    ['. Die', '.'],
    [' Auf die', ''],
  ])('VERB_CLOSE takes `%s` to `%s`', (text, taken) => expect(VERB_CLOSE.exec(text)?.[0].trimEnd() ?? '').toBe(taken.trimEnd()));
});

describe('header lines', () => {
  it.each([
    [LANDTAG_ASKER_LINE, 'Anfrage der Abgeordneten Birgit Butter (CDU)', true],
    [LANDTAG_ASKER_LINE, 'Kleine Anfrage zur schriftlichen Beantwortung', false],
    [LANDTAG_ANSWER_LINE, 'Antwort des Niedersächsischen Justizministeriums namens der Landesregierung', true],
    [LANDTAG_ANSWER_LINE, 'mit Antwort der Landesregierung', false],
    [ON_BEHALF_END, 'Antwort der Niedersächsischen Staatskanzlei namens der Landesregierung', true],
    [ON_BEHALF_END, 'Antwort des Ministeriums für Wissenschaft und Kultur namens der', false],
    [RECEIVED_NOTE, 'Anfrage der Abgeordneten A (AfD), eingegangen am 28.05.2026 - Drs. 19/10810,', true],
    [RECEIVED_NOTE, 'an die Staatskanzlei übersandt am 05.06.2026', false],
    [PRESIDENT_OFFICE, '- Landtagsverwaltung - ', true],
    [PRESIDENT_OFFICE, 'Die Präsidentin des Niedersächsischen Landtages', false],
    [STAR_NOTE, '* Von einer Drucklegung der Anlage wird abgesehen. Diese ist', true],
    [STAR_NOTE, '* ohne Änderungen der Leistungsart', false],
    [ANSWERED_LINE, '– Drucksache 21/1026 (neu) –', true],
    [ANSWERED_LINE, 'Deutscher Bundestag Drucksache 21/1343', false],
    [ANSWERED_DASHED, '– Drucksache 21/299 –', true],
    [PLACE_DATE, 'Hannover, den 10.07.2026 ', true],
    [PLACE_DATE, 'Berlin, den 2. Juni 2025', false],
    [PAPER_TYPE_LINE, 'Unterrichtung ', true],
    [PAPER_TYPE_LINE, 'Es wurde zurückgezogen:', false],
  ])('%s on `%s`: %s', (pattern, line, expected) => expect(pattern.test(line)).toBe(expected));

  it.each([
    ['Anfrage der Abgeordneten Peer Lilienthal, Dennis Jahn und Thorsten Paul\nMoriße (AfD), einge-\ngangen am 28.05.2026', 'Peer Lilienthal, Dennis Jahn und Thorsten Paul Moriße (AfD)'],
    ['Anfrage der Abgeordneten Cindy Lutz (CDU)\nAntwort des Niedersächsischen Ministeriums', 'Cindy Lutz (CDU)'],
  ])('reads the Landtag askers of `%s`', (header, askers) => expect(ASKERS_LANDTAG.exec(flattenHeader(header))?.[1]).toBe(askers));

  it.each([
    ['auf die Kleine Anfrage Mandy Eißing, Cem Ince und der Fraktion Die Linke\n– Drucksache 21/1267 –', 'Mandy Eißing, Cem Ince'],
    ['auf die Kleine Anfrage der Abgeordneten Volker Beck (Köln), Katja Keul und der Fraktion BÜNDNIS 90/DIE GRÜNEN', 'Volker Beck (Köln), Katja Keul'],
  ])('reads the Bundestag askers of `%s`', (header, askers) => expect(ASKERS_BUNDESTAG.exec(header)?.[1]).toBe(askers));
});

describe('self-checks', () => {
  const question = (number: string, text: string): Question => ({ id: `q${number}`, number, text, position, subItems: [] });
  const answer = (id: string, questions: string[], text: string, subItem?: string): Answer => ({ id, questions, joint: 'single', text, position, references: [], ...(subItem ? { subItem } : {}) });

  it('finds questions not closed, gaps, empty answers, answers mid-sentence and questions answered twice', () => {
    const problems = checkSegments(
      [question('1', 'Wie viele?'), question('2', 'Wie viele lagen zum Stichtag 31.'), question('4', 'Welche?')],
      [answer('a1', ['1'], 'Keine.'), answer('a2', ['2'], 'Dezember 2023 in Bezug auf …'), answer('a2-a', ['2'], 'Ja.', 'a'), answer('a4', ['4', '1'], ''), answer('a4b', ['4'], 'der Bundesregierung …')],
    );
    expect(problems.map((p) => p.ruleId)).toEqual(['question-not-closed', 'question-number-gap', 'answer-empty', 'question-answered-twice', 'answer-starts-mid-sentence', 'question-answered-twice']);
  });

  it.each([
    ['der Bundesregierung liegen …', true],
    [', und zwar …', true],
    ['Die Bundesregierung …', false],
    ['a) Vorhaben ab einem bestimmten finanziellen Umfang …', false],
  ])('MID_SENTENCE_START on `%s`: %s', (text, expected) => expect(MID_SENTENCE_START.test(text)).toBe(expected));

  it('names the header fields not read, askers only where no group asked either', () => {
    const meta: Meta = {
      parliament: 'Deutscher Bundestag', legislativePeriod: 21, drucksache: '21/1', date: null, type: 'Antwort', respondent: 'Bundesregierung',
      respondingBody: 'Auswärtiges Amt', answersDrucksache: null, title: 'T', askers: [], faction: 'AfD', header: null, furniture: [],
    };
    expect(missingMeta(meta)).toEqual(['answersDrucksache', 'date']);
    expect(missingMeta({ ...meta, faction: null })).toEqual(['askers', 'answersDrucksache', 'date']);
  });
});
