/**
 * Places: the rules of `rules/places.ts` by table (what each finds and what it leaves alone), the
 * inflected forms of countries and regions, and the shape of the derived gazetteers.
 */
import { describe, expect, it } from 'vitest';
import germanPlaceData from '../src/extract/entities/data/places-de.json' with { type: 'json' };
import worldCityData from '../src/extract/entities/data/world-cities.json' with { type: 'json' };
import { isPlaceHomograph, lookupName, matchPlaceName } from '../src/extract/entities/gazetteer.js';
import { adminPlaceRule, cuedPlaceRule, streetRule } from '../src/extract/entities/rules/places.js';
import { sectionCandidates, spanText, type Candidate, type TokenSection } from '../src/extract/entities/rules.js';
import { tokenize } from '../src/extract/entities/tokens.js';

/**
 * One section of answer text.
 *
 * @param text The text.
 * @returns The section.
 */
function section(text: string): TokenSection {
  return { index: 0, kind: 'answer', text, tokens: tokenize(text) };
}

/**
 * The names a rule proposes in a text.
 *
 * @param rule The rule.
 * @param text The text.
 * @returns Printed names.
 */
function names(rule: (section: TokenSection) => Candidate[], text: string): string[] {
  const s = section(text);
  return rule(s).map((c) => spanText(s, c.nameFrom, c.nameTo));
}

describe('adminPlaceRule', () => {
  const table: Array<[string, string[]]> = [
    ['Der Landkreis Harburg hat beantragt.', ['Harburg']],
    ['im Gebiet des Landkreises Rotenburg (Wümme)', ['Rotenburg (Wümme)']],
    ['Die Samtgemeinde Hanstedt und die Stadt Celle', ['Hanstedt', 'Celle']],
    ['im Ortsteil Hittfeld', ['Hittfeld']],
    ['die Gemeinde Hof', ['Hof']],
    ['Bundesland Tatort Tatverdächtige', []],
    ['Die Islamische Gemeinde Hamburg', []],
    ['Die Türkische Gemeinde in Deutschland', []],
    ['Die Gemeinde Mitglieder', []],
    ['der Freien und Hansestadt Hamburg', []],
  ];
  for (const [text, expected] of table) it(text, () => expect(names(adminPlaceRule, text)).toEqual(expected));
});

describe('cuedPlaceRule', () => {
  const table: Array<[string, string[]]> = [
    ['Die Arbeiten in Hollenstedt beginnen.', ['Hollenstedt']],
    ['Die Strecke Buchholz–Tostedt wird ausgebaut.', ['Buchholz', 'Tostedt']],
    ['über Welle, Kakenstorf und Handeloh', ['Kakenstorf', 'Handeloh']],
    ['die Bahnhofstraße (Westerwalsede)', ['Westerwalsede']],
    ['Kosten für Material, Löhne und Mieten', []],
    ['Auf dem Hof stand ein Wagen.', []],
    ['Die Lage ist ernst.', []],
    ['Weil die Mittel fehlen, ruht das Vorhaben.', []],
  ];
  for (const [text, expected] of table) it(text, () => expect(names(cuedPlaceRule, text)).toEqual(expected));
});

describe('streetRule', () => {
  const table: Array<[string, string[]]> = [
    ['an der Bahnhofstraße 12', ['Bahnhofstraße']],
    ['an der Lüneburger Straße und am Sprötzer Weg', ['Lüneburger Straße', 'Sprötzer Weg']],
    ['die Hauptstr. in Tostedt', ['Hauptstr.']],
    ['die Konrad-Adenauer-Allee', ['Konrad-Adenauer-Allee']],
    ['der Wegausbau Am Dibberser Moor', ['Am Dibberser Moor']],
    ['zur K 21 / Föscheberg', ['Föscheberg']],
    ['der BÜ Föscheberg (K 21)', ['Föscheberg']],
    ['Eine neue Anschlussstraße zur Bundesstraße', []],
    ['die Kreisstraße und die Ortsdurchfahrtsstraße', []],
    ['Neubau, Im Jahr 2026 und Zur Berechnung', []],
    ['Personenunterführung in Bestandskreuzungspunkt (K 21)', []],
    ['der Dritter Weg', []],
  ];
  for (const [text, expected] of table) it(text, () => expect(names(streetRule, text)).toEqual(expected));
});

describe('place names in every inflection', () => {
  const table: Array<[string, string]> = [
    ['in den Vereinigten Arabischen Emiraten', 'Vereinigte Arabische Emirate'],
    ['die Krisen Südostasiens', 'Südostasien'],
    ['im Nahen Osten', 'Nahost'],
    ['des Westbalkans', 'Westbalkan'],
    ['in der Sahelzone', 'Sahelzone'],
    ['im Landkreis Nienburg (Weser)', 'Nienburg (Weser)'],
  ];
  for (const [text, name] of table) {
    it(text, () => {
      const s = section(text);
      const { candidates } = sectionCandidates(s, { askers: [], constituencies: [] });
      const places = candidates.filter((c) => c.type === 'Place');
      expect(places.map((c) => c.canonical ?? spanText(s, c.nameFrom, c.nameTo))).toContain(name);
    });
  }
});

describe('place gazetteers', () => {
  it('holds every Kreis and kreisfreie Stadt of the Destatis table, and the Regierungsbezirke', () => {
    expect(germanPlaceData.districts).toHaveLength(401);
    expect(germanPlaceData.regierungsbezirke).toHaveLength(19);
    expect(germanPlaceData.districts.map((d) => d.name)).toContain('Rotenburg (Wümme)');
    expect(germanPlaceData.source).toMatch(/Destatis/u);
    expect(worldCityData.source).toMatch(/GeoNames/u);
  });

  it('knows towns and villages only where a cue supports them', () => {
    const tokens = tokenize('Westerwalsede');
    expect(matchPlaceName(tokens, 0)?.entry.name).toBe('Westerwalsede');
    expect(lookupName('Westerwalsede')).toBeUndefined();
    expect(lookupName('Gifhorn')?.type).toBe('Place');
  });

  const homographs: Array<[string, boolean]> = [
    ['Hof', true],
    ['Lage', true],
    ['Löhne', true],
    ['Bünde', true],
    ['Verden', false],
    ['Fürth', false],
  ];
  for (const [word, expected] of homographs) it(`isPlaceHomograph(${word})`, () => expect(isPlaceHomograph(word)).toBe(expected));
});
