/**
 * The responding body's official name and one spelling per group: printed forms as papers print
 * them, resolved to the gazetteer; forms that fit no body or several stay unresolved.
 */
import { describe, expect, it } from 'vitest';
import {
  ANSWERING_BODY_LINE, BODIES, canonicalBody, FUNCTION_WORDS, INFLECTION_ENDING, inUseOn, jurisdictionOf, LETTER_DATE, letterDate,
  MINISTRY_HEAD, NAME_WORD, PARLIAMENT_JURISDICTIONS, resolveRespondingBody, sameWord, stemsOf, TRANSMISSION_BODY,
} from '../src/segment/bodies.js';
import { canonicalFaction, FACTION_NOISE, factionKey } from '../src/segment/factions.js';
import { extract } from '../src/index.js';

const BUNDESTAG = { parliament: 'Deutscher Bundestag', date: '2025-07-01' };
const NIEDERSACHSEN = { parliament: 'Niedersächsischer Landtag', date: '2026-07-01' };

/** Printed forms and the official name they stand for. */
const RESOLVED: Array<[string, typeof BUNDESTAG, string]> = [
  ['Bundesministeriums der Finanzen', BUNDESTAG, 'Bundesministerium der Finanzen'],
  ['Auswärtigen Amts', BUNDESTAG, 'Auswärtiges Amt'],
  ['Auswärtigen Amtes', BUNDESTAG, 'Auswärtiges Amt'],
  ['Bundesministerium des Auswärtigen Amts', BUNDESTAG, 'Auswärtiges Amt'],
  ['Beauftragten der Bundesregierung für Kultur und Medien', BUNDESTAG, 'Beauftragte der Bundesregierung für Kultur und Medien'],
  ['Bundesministerium des Beauftragten der Bundesregierung für Kultur und  Medien', BUNDESTAG, 'Beauftragte der Bundesregierung für Kultur und Medien'],
  ['Presse- und Informationsamtes der Bundesregierung', BUNDESTAG, 'Presse- und Informationsamt der Bundesregierung'],
  ['Bundeskanzleramtes', BUNDESTAG, 'Bundeskanzleramt'],
  ['Bundesministerium für Umwelt, Klimaschutz, Naturschutz, und nukleare Sicherheit', BUNDESTAG, 'Bundesministerium für Umwelt, Klimaschutz, Naturschutz und nukleare Sicherheit'],
  ['Bundesministerium der Umwelt, Klimaschutz, Naturschutz und nukleare Sicherheit', BUNDESTAG, 'Bundesministerium für Umwelt, Klimaschutz, Naturschutz und nukleare Sicherheit'],
  ['Bundesministerium für Umwelt, Klimaschutz und nukleare Sicherheit', BUNDESTAG, 'Bundesministerium für Umwelt, Klimaschutz, Naturschutz und nukleare Sicherheit'],
  ['Bundesministerium für wirtschaftliche Zusammenarbeit', BUNDESTAG, 'Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung'],
  ['Bundesministeriums für Gesundheitt', BUNDESTAG, 'Bundesministerium für Gesundheit'],
  ['BMAS', BUNDESTAG, 'Bundesministerium für Arbeit und Soziales'],
  ['BMI', BUNDESTAG, 'Bundesministerium des Innern'],
  ['Niedersächsischen Ministerium für Wirtschaft, Verkehr und Bauen', NIEDERSACHSEN, 'Niedersächsisches Ministerium für Wirtschaft, Verkehr und Bauen'],
  ['Niedersächsischen Justizministeriums', NIEDERSACHSEN, 'Niedersächsisches Justizministerium'],
  ['Niedersächsischen Staatskanzlei', NIEDERSACHSEN, 'Niedersächsische Staatskanzlei'],
  ['Ministerium der Justiz', { parliament: 'Landtag Nordrhein-Westfalen', date: '2025-07-01' }, 'Ministerium der Justiz des Landes Nordrhein-Westfalen'],
];

/** Printed forms that must stay unresolved: none fits, several do, or the wrong jurisdiction. */
const UNRESOLVED: Array<[string, typeof BUNDESTAG]> = [
  ['Bundesministerium für Wirtschaft', BUNDESTAG],
  ['Bundesministerium', BUNDESTAG],
  ['Bundesministerium für Verteidigung und Umwelt', BUNDESTAG],
  ['Bundesamt für Migration und Flüchtlinge', BUNDESTAG],
  ['Niedersächsischen Justizministeriums', BUNDESTAG],
  ['Bundesministerium der Finanzen', NIEDERSACHSEN],
  ['Ministerium für Inneres', NIEDERSACHSEN],
  ['Ministerium der Justiz', { parliament: 'Landtag Unbekannt', date: '2025-07-01' }],
];

describe('canonicalBody', () => {
  it.each(RESOLVED)('reads `%s` as the official name', (printed, context, name) => {
    expect(canonicalBody(printed, context)?.name).toBe(name);
  });

  it.each(UNRESOLVED)('leaves `%s` unresolved', (printed, context) => {
    expect(canonicalBody(printed, context)).toBeUndefined();
  });

  it('finds every body of the gazetteer by its own name, with or without the parliament', () => {
    for (const body of BODIES) {
      const parliament = Object.entries(PARLIAMENT_JURISDICTIONS).find(([, jurisdiction]) => jurisdiction === body.jurisdiction)?.[0];
      const date = body.from ?? '2000-01-01';
      expect(parliament, body.jurisdiction).toBeDefined();
      expect(canonicalBody(body.name, { parliament, date })?.name, body.name).toBe(body.name);
      expect(canonicalBody(body.name, { date })?.name, `${body.name} without a parliament`).toBe(body.name);
    }
  });

  it('maps a parliament to its jurisdiction', () => {
    expect([jurisdictionOf('Deutscher Bundestag'), jurisdictionOf('Niedersächsischer Landtag'), jurisdictionOf(null), jurisdictionOf('Landtag Unbekannt')]).toEqual(['Bund', 'Niedersachsen', undefined, undefined]);
  });

  it('follows a former name printed after the renaming to its successor', () => {
    const former = canonicalBody('Bundesministerium für Digitales und Verkehr', BUNDESTAG);
    expect(former?.name).toBe('Bundesministerium für Digitales und Verkehr');
    expect(former && inUseOn(former, '2025-06-02').name).toBe('Bundesministerium für Verkehr');
    expect(former && inUseOn(former, '2024-06-02').name).toBe('Bundesministerium für Digitales und Verkehr');
  });
});

describe('resolveRespondingBody', () => {
  it('reads the chancellery from `namens des Bundeskanzleramtes`', () => {
    const body = resolveRespondingBody({ transmission: 'Die Antwort wurde namens des Bundeskanzleramtes mit Schreiben vom 19. Juni 2025 übermittelt.', ...BUNDESTAG });
    expect(body).toEqual({ name: 'Bundeskanzleramt', text: 'Bundeskanzleramtes' });
  });

  it('uses the letter’s date: a former name in a letter before the renaming stays, after it is the successor', () => {
    const before = resolveRespondingBody({ printed: 'Bundesministerium für Wirtschaft und Klimaschutz', transmission: 'mit Schreiben des Bundesministeriums für Wirtschaft und Klimaschutz vom 5. Mai 2025 übermittelt.', ...BUNDESTAG });
    expect(before.name).toBe('Bundesministerium für Wirtschaft und Klimaschutz');
    const after = resolveRespondingBody({ printed: 'Bundesministerium für Digitales und Verkehr', transmission: 'mit Schreiben des Bundesministeriums für Digitales und Verkehr vom 2. Juni 2025 übermittelt.', ...BUNDESTAG });
    expect(after).toEqual({ name: 'Bundesministerium für Verkehr', text: 'Bundesministerium für Digitales und Verkehr' });
  });

  it('reads a Landtag body from the line above the answer where the header gave none', () => {
    const front = 'Antwort des Niedersächsischen Ministeriums für Soziales, Arbeit, Gesundheit und Gleichstellung\nnamens der Landesregie-\nrung vom 13.07.2026';
    expect(resolveRespondingBody({ front, ...NIEDERSACHSEN })).toEqual({ name: 'Niedersächsisches Ministerium für Soziales, Arbeit, Gesundheit und Gleichstellung', text: 'Niedersächsischen Ministeriums für Soziales, Arbeit, Gesundheit und Gleichstellung' });
  });

  it('keeps what was printed where nothing matches', () => {
    expect(resolveRespondingBody({ printed: 'Bundesamt für Dinge', ...BUNDESTAG })).toEqual({ name: null, text: 'Bundesamt für Dinge' });
    expect(resolveRespondingBody({ ...BUNDESTAG })).toEqual({ name: null, text: null });
  });
});

describe('in the pipeline', () => {
  const header = (body: string): string =>
    `Deutscher Bundestag Drucksache 21/999\n21. Wahlperiode 01.07.2025\nAntwort\nder Bundesregierung\nauf die Kleine Anfrage der Abgeordneten Erika Mustermann,\nweiterer Abgeordneter und der Fraktion BÜNDNIS 90/-DIE GRÜNEN\n– Drucksache 21/900 –\nEin Titel\nDie Antwort wurde namens der Bundesregierung mit Schreiben des ${body} vom 30. Juni 2025 übermittelt.\n1. Wie viele?\nViele.\n`;

  it('keeps the printed body and group beside the official ones', () => {
    const { document } = extract(header('Auswärtigen Amtes'), { path: 'x.txt' });
    expect(document.meta).toMatchObject({ respondingBody: 'Auswärtiges Amt', faction: 'BÜNDNIS 90/DIE GRÜNEN', factionText: 'BÜNDNIS 90/-DIE GRÜNEN' });
    expect(document.meta.respondingBodyText).toMatch(/Auswärtig/);
    expect(document.messages.filter((message) => message.ruleId === 'unknown-body')).toEqual([]);
  });

  it('warns `unknown-body` where the printed body matches none', () => {
    const { document } = extract(header('Bundesamtes für Dinge'), { path: 'x.txt' });
    expect(document.meta.respondingBody).toBeNull();
    expect(document.meta.respondingBodyText).toMatch(/Bundesamt/);
    const messages = document.messages.filter((message) => message.ruleId === 'unknown-body');
    expect(messages.map((message) => [message.severity, message.reason])).toEqual([['warning', expect.stringMatching(/^Unexpected responding body `Bundesamt.* für Dinge`, expected a federal or Land body/) as string]]);
  });
});

describe('canonicalFaction', () => {
  const cases: Array<[string, string]> = [
    ['BÜNDNIS 90/DIE GRÜNEN', 'BÜNDNIS 90/DIE GRÜNEN'],
    ['BÜNDNIS 90/ DIE GRÜNEN', 'BÜNDNIS 90/DIE GRÜNEN'],
    ['BÜNDNIS 90/-DIE GRÜNEN', 'BÜNDNIS 90/DIE GRÜNEN'],
    ['Bündnis 90/Die Grünen', 'BÜNDNIS 90/DIE GRÜNEN'],
    ['GRÜNE', 'BÜNDNIS 90/DIE GRÜNEN'],
    ['DIE LINKE', 'Die Linke'],
    ['Die Linke', 'Die Linke'],
    ['AfD', 'AfD'],
    ['CDU/CSU', 'CDU/CSU'],
    ['fraktionslos', 'fraktionslos'],
    ['Piraten  Partei', 'Piraten Partei'],
  ];
  it.each(cases)('writes `%s` as `%s`', (printed, name) => expect(canonicalFaction(printed)).toBe(name));
});

describe('named patterns', () => {
  it.each<[string, RegExp, string, string | undefined]>([
    ['TRANSMISSION_BODY', TRANSMISSION_BODY, 'Die Antwort wurde namens der Bundesregierung mit Schreiben des Bundesministeriums der Finanzen vom 4. Juli 2025 übermittelt.', 'Bundesministeriums der Finanzen'],
    ['TRANSMISSION_BODY', TRANSMISSION_BODY, 'Die Antwort wurde namens des Bundeskanzleramtes mit Schreiben vom 19. Juni 2025 übermittelt.', 'Bundeskanzleramtes'],
    ['TRANSMISSION_BODY', TRANSMISSION_BODY, 'Die Antwort wurde namens der Bundesregierung übermittelt.', undefined],
    ['ANSWERING_BODY_LINE', ANSWERING_BODY_LINE, 'Antwort des Niedersächsischen Justizministeriums namens der Landesregierung', 'Niedersächsischen Justizministeriums'],
    ['ANSWERING_BODY_LINE', ANSWERING_BODY_LINE, 'Antwort der Landesregierung', undefined],
    ['LETTER_DATE', LETTER_DATE, 'mit Schreiben vom 2. Juni 2025 übermittelt', '2'],
    ['MINISTRY_HEAD', MINISTRY_HEAD, 'bundesministerium', undefined],
  ])('%s on `%s`', (_name, pattern, text, group) => {
    const match = pattern.exec(text);
    if (group === undefined && pattern !== MINISTRY_HEAD) expect(match).toBeNull();
    else if (pattern === MINISTRY_HEAD) expect(match).not.toBeNull();
    else expect(match?.[1]).toBe(group);
  });

  it('stems inflected words alike and leaves function words out', () => {
    expect(stemsOf('des Auswärtigen Amtes')).toEqual(stemsOf('Auswärtiges Amt'));
    expect(stemsOf('Presse- und Informationsamtes')).toEqual(stemsOf('Presse- und Informationsamt'));
    expect(['Ministeriums', 'Innern', 'Amts'].map((word) => word.replace(INFLECTION_ENDING, ''))).toEqual(['Ministerium', 'Inner', 'Amt']);
    expect('Presse- und Informationsamt'.match(NAME_WORD)).toEqual(['Presse', 'und', 'Informationsamt']);
    expect(FUNCTION_WORDS.has('für')).toBe(true);
    expect(letterDate('mit Schreiben vom 2. Juni 2025 übermittelt')).toBe('2025-06-02');
  });

  it('allows one typo in long words only', () => {
    expect([sameWord('gesundheit', 'gesundheitt'), sameWord('gleichstellung', 'gleichstelung'), sameWord('verkehr', 'verkehr'), sameWord('umwelt', 'umwelz'), sameWord('finanz', 'inneres')]).toEqual([true, true, true, false, false]);
  });

  it('keys groups without case, spaces, hyphens, slashes and dots', () => {
    expect(factionKey('BÜNDNIS 90/ DIE GRÜNEN')).toBe('bündnis90diegrünen');
    expect('F.D.P.'.replace(FACTION_NOISE, '')).toBe('FDP');
  });
});
