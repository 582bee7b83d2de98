/**
 * The named patterns of kind detection and of the question-paper and Schriftliche-Fragen
 * segmenters, each against lines it must and must not match, and the small readers built on them.
 */
import { describe, expect, it } from 'vitest';
import { ANSWER_HEAD, detectKind, GROSSE_ANFRAGE_ANSWERED, OTHER_KIND_LINE, PERIOD_DATE_LINE, PRINTED_KIND, QUESTION_PAPER_HEAD, WRITTEN_QUESTIONS_HEAD } from '../src/segment/kind.js';
import { ASKERS_START, CLOSING, ENDS_QUESTION, GROUP_NAMED, LINE_CONTINUES, ORDINAL_WORD, PAPER_PREAMBLE_HEADING, PAPER_QUESTION, PAPER_SUB_ITEM, SIGNATURE_GROUP, TITLE_PARENTHESIS } from '../src/segment/question-paper/index.js';
import { ANSWER_START, ANSWERED_TOGETHER, FRONT_PAGE_HEADER, OPENING_DATE, QUESTION_HEAD, SENTENCE_CLOSED, TITLE_END, WATERMARK } from '../src/segment/written-questions/index.js';
import { CHANCELLERY, HEADING_BODY, HEADING_CONTINUES } from '../src/segment/written-questions/heading.js';
import { ASKER_INDEX_HEADING, BODY_HEADING, BODY_INDEX_HEADING, DOT_LEADER, ENTRY_FACTION, INDEX_COLUMN_HEAD, readingOrder } from '../src/segment/written-questions/register.js';
import { ANSWER_OPENING, askerOf, NAME_PARTICLE, NAME_TITLE, nominativeRole, readSigner, ROLE_ADJECTIVE, ROLE_GENITIVE } from '../src/segment/written-questions/signer.js';

const patterns: Array<[string, RegExp, string[], string[]]> = [
  ['ANSWER_HEAD', ANSWER_HEAD, ['Antwort ', '## Antwort', 'mit Antwort der Landesregierung', 'Antwort des Niedersächsischen Ministeriums'], ['Antworten der Bundesregierung', 'Kleine Anfrage']],
  ['QUESTION_PAPER_HEAD', QUESTION_PAPER_HEAD, ['Kleine Anfrage', 'Große Anfrage ', 'Kleine Anfrage zur schriftlichen Beantwortung'], ['Kleine Anfrage der Abgeordneten X', 'Antwort']],
  ['WRITTEN_QUESTIONS_HEAD', WRITTEN_QUESTIONS_HEAD, ['Schriftliche Fragen'], ['Schriftliche Frage 12', 'mit den in der Woche vom 5. Mai 2025']],
  ['OTHER_KIND_LINE', OTHER_KIND_LINE, ['Unterrichtung ', 'Gesetzentwurf', 'Beschlussempfehlung und Bericht'], ['Antrag der Fraktion der SPD', 'Antwort']],
  ['GROSSE_ANFRAGE_ANSWERED', GROSSE_ANFRAGE_ANSWERED, ['auf die Große Anfrage der Abgeordneten', 'der Großen Anfrage'], ['auf die Kleine Anfrage']],
  ['PERIOD_DATE_LINE', PERIOD_DATE_LINE, ['21. Wahlperiode 16.05.2025'], ['21. Wahlperiode', 'Deutscher Bundestag – 21. Wahlperiode – 3 –']],
  ['PRINTED_KIND', PRINTED_KIND, ['Gesetzentwurf', 'Beschlussempfehlung und Bericht'], ['der Abgeordneten Martin Sichert, Kay-Uwe Ziegler', '1. Frage']],
  ['ASKERS_START', ASKERS_START, ['der Abgeordneten Martin Sichert, ', 'der Fraktion der AfD'], ['Aktuelle Situation bei der Bearbeitungszeit']],
  ['GROUP_NAMED', GROUP_NAMED, ['Thomas Dietz und der Fraktion der AfD', 'Fraktion Die Linke', 'und der Gruppe BSW'], ['Christina Stange, Ulrich Thoden']],
  ['LINE_CONTINUES', LINE_CONTINUES, ['und der Fraktion ', 'BÜNDNIS 90/', 'Julia-'], ['Fraktion der AfD']],
  ['PAPER_PREAMBLE_HEADING', PAPER_PREAMBLE_HEADING, ['Vorbemerkung der Fragesteller', 'Vorbemerkung'], ['Vorbemerkung der Fragesteller genannten Krise der psychischen Gesundheit und weiteres']],
  ['PAPER_QUESTION', PAPER_QUESTION, [' 1. Wird die nationale Zulassung', '\u20072. Wenn dem nicht so ist', '12. Wie viele'], ['a) Was hat', '1.000 Euro']],
  ['ORDINAL_WORD', ORDINAL_WORD, ['2. Quartal 2024 die Ausnahme', '20. Wahlperiode', '1. Januar 2025'], ['2. Wie viele Unternehmen']],
  ['PAPER_SUB_ITEM', PAPER_SUB_ITEM, ['a) Was hat die Bundesregierung', 'aa) Wie'], ['Tesla, Inc. und Tochterfirmen,']],
  ['CLOSING', CLOSING, ['Berlin, den 7. Mai 2025', 'Bonn, den 12. Oktober 2025 '], ['Berlin, den Beschluss', 'In Berlin, den 7. Mai 2025 tagte']],
  ['SIGNATURE_GROUP', SIGNATURE_GROUP, ['Fraktion', 'Gruppe'], ['Tino Chrupalla']],
  ['ENDS_QUESTION', ENDS_QUESTION, ['innerhalb dieser 30 Tage erteilt?', 'vorgenommen (vgl. Frage 2)?“'], ['bei Verstößen.']],
  ['TITLE_PARENTHESIS', TITLE_PARENTHESIS, ['(Nachfrage zur Antwort der Bundesregierung auf die Kleine Anfrage'], ['Ortsumfahrung (B 158)', '(www.example.org)']],
  ['QUESTION_HEAD', QUESTION_HEAD, ['1. Abgeordneter', '3.\u2002Abgeordnete', '19. Abg.'], ['1. Abgeordneter Stephan Brandner', 'Abgeordnete Nummer']],
  ['ANSWER_START', ANSWER_START, ['Antwort des Staatssekretärs Bernhard Kluttig ', 'Antwort der Parlamentarischen Staatssekretärin'], ['Antwort auf meine Schriftliche Frage', 'Antworten der Bundesregierung']],
  ['OPENING_DATE', OPENING_DATE, ['vom 9. Mai 2025', 'Antwort des Staatssekretärs Udo Philipp vom 7. Mai 2025 '], ['vom 9. Mai 2025 ist', 'vom 9.5.2025']],
  ['TITLE_END', TITLE_END, ['eingegangenen Antworten der Bundesregierung'], ['mit den in der Woche vom 5. Mai 2025']],
  ['WATERMARK', WATERMARK, ['Vorabfassung - w', 'ird durch die lektorierte Version ersetzt.', 'Vorabfassung - wird durch die lektorierte Version ersetzt.'], ['Die Vorabfassung wird ersetzt.']],
  ['SENTENCE_CLOSED', SENTENCE_CLOSED, ['Geschäftsbereich des Bundesministeriums des Innern.', 'im Geschäftsbereich?'], ['Geschäftsbereich des Auswärtigen Amts']],
  ['FRONT_PAGE_HEADER', FRONT_PAGE_HEADER, ['Deutscher Bundestag – 21. Wahlperiode – III – Drucksache 21/119', 'Drucksache 21/119 – II – Deutscher Bundestag – 21. Wahlperiode'], ['Deutscher Bundestag – 21. Wahlperiode – 3 – Drucksache 21/119']],
  ['ANSWERED_TOGETHER', ANSWERED_TOGETHER, ['Die Fragen 29 und 30 werden wegen des Sachzusammenhangs gemeinsam beantwortet.', 'Die Fragen 1, 2 und 3 werden zusammen beantwortet.'], ['Die Frage 29 wird beantwortet.']],
  ['HEADING_BODY', HEADING_BODY, ['Geschäftsbereich des Auswärtigen Amts'], ['Im Geschäftsbereich des BMI']],
  ['HEADING_CONTINUES', HEADING_CONTINUES, ['Geschäftsbereich des Bundesministeriums für ', 'Geschäftsbereich des Bundeskanzlers und des'], ['Wirtschaft und Klimaschutz']],
  ['CHANCELLERY', CHANCELLERY, ['Bundeskanzlers und des Bundeskanzleramtes', 'Bundeskanzlers und des Bundeskanzleramts'], ['Bundesministeriums der Finanzen']],
  ['ASKER_INDEX_HEADING', ASKER_INDEX_HEADING, ['Verzeichnis der Fragenden'], ['Verzeichnis der Fragen nach Geschäftsbereichen der Bundesregierung']],
  ['BODY_INDEX_HEADING', BODY_INDEX_HEADING, ['Verzeichnis der Fragen nach Geschäftsbereichen der Bundesregierung'], ['Verzeichnis der Fragenden']],
  ['INDEX_COLUMN_HEAD', INDEX_COLUMN_HEAD, ['Abgeordnete Nummer', 'der Frage', 'Seite'], ['Badum, Lisa (BÜNDNIS 90/DIE GRÜNEN) . . . 3']],
  ['DOT_LEADER', DOT_LEADER, ['Badum, Lisa (BÜNDNIS 90/DIE GRÜNEN) . . . . . . 3', '(CDU/CSU) . . . 4, 5'], ['Alhamwi, Alaa, Dr.', 'z. B. in Berlin']],
  ['ENTRY_FACTION', ENTRY_FACTION, ['Aken, Jan van (Die Linke)', 'Mayer, Stephan (Altötting)'], ['Alhamwi, Alaa, Dr.']],
  ['BODY_HEADING', BODY_HEADING, ['Geschäftsbereich des Bundesministeriums für ', 'Geschäftsbereich der Bundesbeauftragten'], ['Im Geschäftsbereich des BMI']],
  ['ANSWER_OPENING', ANSWER_OPENING, ['Antwort des Staatssekretärs Bernhard Kluttig vom 7. Mai 2025'], ['Antwort des Staatssekretärs Bernhard Kluttig', 'Antwort auf meine Frage vom 7. Mai 2025']],
  ['NAME_TITLE', NAME_TITLE, ['Dr.', 'Prof.'], ['Rolf']],
  ['NAME_PARTICLE', NAME_PARTICLE, ['van', 'von', 'de'], ['Vries']],
  ['ROLE_ADJECTIVE', ROLE_ADJECTIVE, ['Parlamentarischen'], ['Staatssekretärs', 'Chefs']],
  ['ROLE_GENITIVE', ROLE_GENITIVE, ['Staatssekretärs', 'Chefs', 'Bundesministers'], ['Staatssekretärin', 'Reuss']],
];

describe.each(patterns)('%s', (_, pattern, matches, misses) => {
  it.each(matches)('matches %j', (line) => expect(new RegExp(pattern.source, pattern.flags.replace('g', '')).test(line)).toBe(true));
  it.each(misses)('does not match %j', (line) => expect(new RegExp(pattern.source, pattern.flags.replace('g', '')).test(line)).toBe(false));
});

describe('detectKind', () => {
  it.each([
    [['Deutscher Bundestag Drucksache 21/839', '21. Wahlperiode 09.07.2025', 'Antwort', 'der Bundesregierung'], 'answer', 'Antwort'],
    [['Deutscher Bundestag Drucksache 21/9', '21. Wahlperiode 09.07.2025', 'Antwort', 'der Bundesregierung', 'auf die Große Anfrage der Fraktion der AfD'], 'answer', 'Antwort auf eine Große Anfrage'],
    [['Niedersächsischer Landtag – 19. Wahlperiode Drucksache 19/11181', 'Kleine Anfrage zur schriftlichen Beantwortung', 'gemäß § 46 Abs. 1 GO LT', 'mit Antwort der Landesregierung'], 'answer', 'Antwort'],
    [['Deutscher Bundestag Drucksache 21/180', '21. Wahlperiode 16.05.2025', 'Kleine Anfrage', 'der Abgeordneten Martin Sichert'], 'question-paper', 'Kleine Anfrage'],
    [['Deutscher Bundestag Drucksache 21/7', '21. Wahlperiode 16.05.2025', 'Große Anfrage', 'der Fraktion der AfD'], 'question-paper', 'Große Anfrage'],
    [['Deutscher Bundestag Drucksache 21/119', '21. Wahlperiode 09.05.2025', 'Schriftliche Fragen'], 'written-questions', 'Schriftliche Fragen'],
    [['Deutscher Bundestag Drucksache 21/500', '21. Wahlperiode 20.06.2025', 'Gesetzentwurf', 'der Bundesregierung'], 'unsupported', 'Gesetzentwurf'],
    [['Die Organisation untersteht Ali SHAMKHANI.'], 'unknown', null],
    [['Niedersächsischer Landtag – 19. Wahlperiode Drucksache 19/11153', 'Unterrichtung', 'Hannover, den 10.07.2026', 'Zurückziehung von Vorlagen', 'Antwort des Niedersächsischen Justizministeriums namens der Landesregierung'], 'unsupported', 'Unterrichtung'],
  ])('reads %j as %s', (head, kind, type) => {
    const detected = detectKind(head);
    expect([detected.kind, detected.type]).toEqual([kind, type]);
  });
});

describe('readSigner', () => {
  it.each([
    ['Antwort des Parlamentarischen Staatssekretärs Dr. Rolf Bösinger vom 9. Mai 2025', { answeredBy: { name: 'Rolf Bösinger', role: 'Parlamentarischer Staatssekretär', title: 'Dr.' }, date: '2025-05-09' }],
    ['Antwort der Parlamentarischen Staatssekretärin Rita Schwarzelühr-Sutter vom 8. Mai 2025', { answeredBy: { name: 'Rita Schwarzelühr-Sutter', role: 'Parlamentarische Staatssekretärin' }, date: '2025-05-08' }],
    ['Antwort des Chefs des Bundespresseamts Stefan Kornelius  vom 9. Mai 2025', { answeredBy: { name: 'Stefan Kornelius', role: 'Chef des Bundespresseamts' }, date: '2025-05-09' }],
    ['Antwort des Staatsministers Dr. Michael Meister vom 7. Mai 2025', { answeredBy: { name: 'Michael Meister', role: 'Staatsminister', title: 'Dr.' }, date: '2025-05-07' }],
    ['Antwort des Staatssekretärs Bernhard Kluttig', {}],
  ])('reads %j', (opening, signer) => expect(readSigner(opening)).toEqual(signer));
});

describe('names', () => {
  it.each([
    [['Parlamentarischen', 'Staatssekretärs'], true, 'Parlamentarischer Staatssekretär'],
    [['Parlamentarischen', 'Staatssekretärin'], false, 'Parlamentarische Staatssekretärin'],
    [['Bundesministers'], true, 'Bundesminister'],
  ])('the role %j is %s', (tokens, masculine, role) => expect(nominativeRole(tokens, masculine)).toBe(role));
  it.each([
    ['Dr.  Marlon Bröhr', 'CDU/CSU', { name: 'Marlon Bröhr', title: 'Dr.', faction: 'CDU/CSU', factionText: 'CDU/CSU' }],
    ['Knuth Meyer- Soltau', 'AfD', { name: 'Knuth Meyer-Soltau', faction: 'AfD', factionText: 'AfD' }],
    ['Lisa Badum', 'BÜNDNIS 90/ DIE GRÜNEN', { name: 'Lisa Badum', faction: 'BÜNDNIS 90/DIE GRÜNEN', factionText: 'BÜNDNIS 90/ DIE GRÜNEN' }],
  ])('the asker %j (%s)', (name, faction, asker) => expect(askerOf(name, faction)).toEqual(asker));
  it.each([
    ['Aken, Jan van', 'Jan van Aken'],
    ['Bröhr, Marlon, Dr.', 'Marlon Bröhr'],
    ['Notz, Konstantin von, Dr.', 'Konstantin von Notz'],
  ])('the index name %j reads %j', (indexed, name) => expect(readingOrder(indexed)).toBe(name));
});
