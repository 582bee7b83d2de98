/**
 * Corpus-wide entity keys: the named patterns, keys from the gazetteer whatever form a paper prints,
 * keys from normalised names otherwise, and the same key for the same ministry across the papers of
 * the development corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupName } from '../src/extract/entities/gazetteer.js';
import {
  CAPITALISED_NOUN,
  entityKey,
  GENITIVE_ENDING,
  INFLECTED_ADJECTIVE,
  LEADING_ARTICLE,
  LEADING_TITLE,
  slugOf,
  TRANSLITERATION,
  uninflected,
} from '../src/extract/entities/key.js';
import { entityIri, extract, toJsonLd } from '../src/index.js';
import type { Entity } from '../src/model.js';

describe('named patterns', () => {
  it.each([
    ['des Bundesministeriums der Finanzen', 'Bundesministeriums der Finanzen'],
    ['Der Spiegel', 'Spiegel'],
    ['dem Land Berlin', 'Land Berlin'],
    ['Bundesregierung', 'Bundesregierung'],
    ['Dessau', 'Dessau'],
  ])('LEADING_ARTICLE leaves %j as %j', (name, rest) => {
    expect(name.replace(LEADING_ARTICLE, '')).toBe(rest);
  });

  it.each([
    ['Dr. Volker Beck', 'Volker Beck'],
    ['Prof. Dr. Anna Muster', 'Anna Muster'],
    ['Dipl.-Ing. Jan Berg', 'Jan Berg'],
    ['Drosten', 'Drosten'],
  ])('LEADING_TITLE leaves %j as %j', (name, rest) => {
    expect(name.replace(LEADING_TITLE, '')).toBe(rest);
  });

  it.each([
    ['Deutschen', 'Deutsch', 'en'],
    ['Niedersächsisches', 'Niedersächsisch', 'es'],
    ['Rotes', 'Rot', 'es'],
    ['Deutscher', 'Deutsch', 'er'],
    ['BMF', undefined, undefined],
    ['deutschen', undefined, undefined],
  ])('INFLECTED_ADJECTIVE reads %j as stem %j and ending %j', (word, stem, ending) => {
    const match = INFLECTED_ADJECTIVE.exec(word);
    expect(match?.[1]).toBe(stem);
    expect(match?.[2]).toBe(ending);
  });

  it.each([
    ['Instituts', true],
    ['Ministerium', true],
    ['für', false],
    ['BMF', false],
  ])('CAPITALISED_NOUN takes %j: %s', (word, expected) => {
    expect(CAPITALISED_NOUN.test(word)).toBe(expected);
  });

  it.each([
    ['Instituts', 'Institut'],
    ['Institutes', 'Institut'],
    ['Bundesausschusses', 'Bundesausschuss'],
    ['Kreuzes', 'Kreuz'],
    ['Komitees', 'Komitee'],
    ['Ministeriums', 'Ministerium'],
  ])('GENITIVE_ENDING turns %j into %j', (word, nominative) => {
    expect(word.replace(GENITIVE_ENDING, '')).toBe(nominative);
  });

  it('writes out every German letter it transliterates', () => {
    expect(Object.keys(TRANSLITERATION).sort()).toEqual(['ß', 'ä', 'ö', 'ü'].sort());
    expect(Object.values(TRANSLITERATION).every((ascii) => /^[a-z]+$/.test(ascii))).toBe(true);
  });
});

describe('slugOf', () => {
  it.each([
    ['Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend', 'bundesministerium-fuer-bildung-familie-senioren-frauen-und-jugend'],
    ['Straße des 17. Juni', 'strasse-des-17-juni'],
    ['Élysée-Palast', 'elysee-palast'],
    ['BÜNDNIS 90/DIE GRÜNEN', 'buendnis-90-die-gruenen'],
    ['Islamisches Zentrum Hamburg e. V.', 'islamisches-zentrum-hamburg-e-v'],
    ['„Demokratie leben!“', 'demokratie-leben'],
    ['§', ''],
  ])('%j → %j', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });
});

describe('uninflected', () => {
  it.each([
    ['Deutschen Instituts für Wirtschaftsforschung', 'Deutsch Institut für Wirtschaftsforschung'],
    ['Deutsches Institut für Wirtschaftsforschung', 'Deutsch Institut für Wirtschaftsforschung'],
    ['Deutschen Roten Kreuzes', 'Deutsch Rot Kreuz'],
    ['Deutsches Rotes Kreuz', 'Deutsch Rot Kreuz'],
    ['Niedersächsischen Ministeriums für Soziales', 'Niedersächsisch Ministerium für Soziales'],
    ['Alternative für Deutschland', 'Alternative für Deutschland'],
    ['Vereinigten Staaten', 'Vereinigt Staaten'],
    ['Palantir Technologies', 'Palantir Technologies'],
  ])('%j → %j', (name, expected) => {
    expect(uninflected(name)).toBe(expected);
  });
});

/** An entity with just the fields a key is made from. */
function entity(type: Entity['type'], name: string, aliases: string[] = [], mentions: string[] = []): Parameters<typeof entityKey>[0] {
  return { type, name, aliases, mentions: mentions.map((text) => ({ text })) };
}

describe('entityKey', () => {
  it('gives every printed form of a gazetteer entry the key of the entry', () => {
    const key = 'organization:bundesministerium-der-finanzen';
    expect(entityKey(entity('Organization', 'Bundesministerium der Finanzen'))).toBe(key);
    expect(entityKey(entity('Organization', 'BMF'))).toBe(key);
    expect(entityKey(entity('Organization', 'des Bundesministeriums der Finanzen'))).toBe(key);
    expect(entityKey(entity('Organization', 'Finanzministerium des Bundes', ['BMF']))).toBe(key);
    expect(entityKey(entity('Organization', 'Finanzressort des Bundes', [], ['BMF']))).toBe(key);
  });

  it('takes the key of an entry only for an entity of its type', () => {
    expect(lookupName('Hamburg')?.type).toBe('Place');
    expect(entityKey(entity('Place', 'Hamburg'))).toBe('place:hamburg');
    expect(entityKey(entity('Person', 'Hamburg'))).toBe('person:hamburg');
  });

  it.each([
    [entity('Person', 'Dr. Volker Beck'), 'person:volker-beck'],
    [entity('Person', 'Volker  Beck'), 'person:volker-beck'],
    [entity('Organization', 'des Deutschen Instituts für Wirtschaftsforschung'), 'organization:deutsch-institut-fuer-wirtschaftsforschung'],
    [entity('Organization', 'Deutsches Institut für Wirtschaftsforschung'), 'organization:deutsch-institut-fuer-wirtschaftsforschung'],
    [entity('Other', 'Deutschlandticket'), 'other:deutschlandticket'],
    [entity('Other', '§'), 'other:a7'],
  ])('keys %j as %j outside the gazetteer', (fields, key) => {
    expect(entityKey(fields)).toBe(key);
  });
});

describe('the development corpus', () => {
  const input = new URL('../input/', import.meta.url).pathname;
  const papers = readdirSync(input)
    .filter((name) => /\.(md|txt)$/.test(name))
    .sort()
    .map((name) => ({ name, document: extract(readFileSync(join(input, name)), { path: join(input, name) }).document }))
    .map(({ name, document }) => ({ name, document, entities: document.entities }));
  const ministries = papers.flatMap(({ name, entities }) =>
    entities.flatMap((found) => {
      const entry = [found.name, ...found.aliases].map((form) => lookupName(form.replace(LEADING_ARTICLE, ''))).find((hit) => hit?.name.startsWith('Bundesministerium'));
      return entry ? [{ paper: name, entry: entry.name, key: found.key }] : [];
    }),
  );

  it('names federal ministries in several papers', () => {
    expect(new Set(ministries.map((ministry) => ministry.paper)).size).toBeGreaterThanOrEqual(3);
  });

  it('gives a federal ministry one key in every paper, named after its gazetteer entry', () => {
    const keys = new Map<string, Set<string>>();
    for (const ministry of ministries) keys.set(ministry.entry, (keys.get(ministry.entry) ?? new Set()).add(ministry.key));
    for (const [entry, found] of keys) expect([...found], entry).toEqual([`organization:${slugOf(entry)}`]);
  });

  it('joins at least one ministry across two papers', () => {
    const papersByKey = new Map<string, Set<string>>();
    for (const ministry of ministries) papersByKey.set(ministry.key, (papersByKey.get(ministry.key) ?? new Set()).add(ministry.paper));
    expect(Math.max(...[...papersByKey.values()].map((found) => found.size))).toBeGreaterThanOrEqual(2);
  });

  it('gives the JSON-LD graphs of two papers one node for the ministry both name', () => {
    const iri = entityIri({ key: 'organization:bundesministerium-des-innern' });
    const naming = papers.filter(({ name, document }) => {
      const graph = toJsonLd(document, name)['@graph'];
      return Array.isArray(graph) && graph.some((node) => typeof node === 'object' && node !== null && !Array.isArray(node) && node['@id'] === iri);
    });
    expect(naming.length).toBeGreaterThanOrEqual(2);
  });

  it('keys every entity with its type and a slug', () => {
    for (const { entities } of papers) {
      for (const found of entities) expect(found.key, found.name).toMatch(new RegExp(`^${found.type.toLowerCase()}:[a-z0-9]+(?:-[a-z0-9]+)*$`));
    }
  });
});
