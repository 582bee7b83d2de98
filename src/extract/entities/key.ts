/**
 * Corpus-wide entity keys: the same key for the same real-world entity in every paper, so that the
 * entities of many papers join (`entities.key`, the entity IRI in JSON-LD).
 *
 * An entity the gazetteer knows takes the key of the gazetteer entry, whichever of its printed forms
 * the paper uses: `Bundesministerium der Finanzen`, `BMF` and `des Bundesministeriums der Finanzen` all
 * give `organization:bundesministerium-der-finanzen`. Any other entity takes its type and its
 * name, normalised so that the cases German prints meet: `person:volker-beck`,
 * `organization:deutsch-institut-fuer-wirtschaftsforschung` for `Deutsches Institut für
 * Wirtschaftsforschung` and `des Deutschen Instituts für Wirtschaftsforschung`.
 *
 * A key is lower-case ASCII letters, digits and hyphens after the type and a colon, so it is safe in
 * an IRI, a file name and a SQL literal without escaping.
 */
import type { Entity } from '../../model.js';
import { lookupName } from './gazetteer.js';

/** What a key is made from: the entity's type, name and other printed forms. */
export type KeyedFields = Pick<Entity, 'type' | 'name' | 'aliases'> & {
  /** The printed mentions, looked up after the name and the aliases. */
  readonly mentions?: ReadonlyArray<{ readonly text: string }>;
};

/** Runs of white space inside a name: the line break in `Bundesministerium\nder Finanzen`. */
const WHITE_SPACE = /\s+/gu;

/** An article before a printed name, left out for the lookup: `des Bundesministeriums der Finanzen`. */
export const LEADING_ARTICLE = /^(?:der|die|das|des|dem|den)\s+/iu;

/**
 * Academic titles before a person's name, left out of a person's key: `Dr. Volker Beck`,
 * `Prof. Dr. Anna Muster`.
 */
export const LEADING_TITLE = /^(?:(?:Prof|Dr|Dipl)\.(?:-\p{L}+\.)?\s*)+/u;

/** German letters written out in ASCII, as German does without umlauts: `Länder` → `laender`. */
export const TRANSLITERATION: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Letters transliterated by `TRANSLITERATION`: the `ä` of `Länder`, the `ß` of `Straße`. */
const TRANSLITERATED = /[äöüß]/gu;

/** Combining marks left after decomposing accented letters: the accent of `é` in `Élysée`. */
const COMBINING_MARK = /\p{M}+/gu;

/** Runs of anything but ASCII letters and digits: the `. ` in `e. V.`, the ` – ` in `A – B`. */
const NON_KEY_CHARACTERS = /[^a-z0-9]+/gu;

/** A hyphen at either end of a slug: the last `-` of `e-v-`. */
const EDGE_HYPHENS = /^-|-$/gu;

/**
 * A name as the slug part of a key: lower-case ASCII words joined by hyphens.
 *
 * @param name A name, e.g. `Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend`.
 * @returns Its slug, e.g. `bundesministerium-fuer-bildung-familie-senioren-frauen-und-jugend`;
 *   the empty string for a name without letters or digits.
 */
export function slugOf(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(TRANSLITERATED, (letter) => TRANSLITERATION[letter] ?? letter)
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .replace(NON_KEY_CHARACTERS, '-')
    .replace(EDGE_HYPHENS, '');
}

/**
 * An inflected adjective at the start of a name, with its stem: `Deutschen` in `Deutschen Instituts für
 * Wirtschaftsforschung`, `Niedersächsisches` in `Niedersächsisches Ministerium für Soziales`.
 */
export const INFLECTED_ADJECTIVE = /^(\p{Lu}\p{Ll}+?)(e|en|er|es|em)$/u;

/** A capitalised noun: `Instituts`, `Ministerium`. */
export const CAPITALISED_NOUN = /^\p{Lu}\p{Ll}+$/u;

/**
 * The genitive ending of a noun after an adjective in `-en`: the `es` of `Bundesausschusses`,
 * `Institutes`, `Kreuzes` (after a sibilant, `t` or `d`), else the `s` of `Instituts`, `Komitees`.
 */
export const GENITIVE_ENDING = /(?<=(?:[sßxzdt]|sch))es$|s$/u;

/**
 * A name with its leading adjectives in their stem and a genitive head noun in the nominative, so that
 * the cases a paper prints meet in one key: `Deutschen Instituts für Wirtschaftsforschung` and
 * `Deutsches Institut für Wirtschaftsforschung` both become `Deutsch Institut für Wirtschaftsforschung`.
 *
 * @param name A name without its article.
 * @returns The name for the key.
 */
export function uninflected(name: string): string {
  const words = name.split(' ');
  let head = 0;
  let genitive = false;
  while (head < words.length - 1 && CAPITALISED_NOUN.test(words[head + 1] ?? '')) {
    const adjective = INFLECTED_ADJECTIVE.exec(words[head] ?? '');
    if (!adjective?.[1]) break;
    words[head] = adjective[1];
    genitive = adjective[2] === 'en';
    head++;
  }
  if (head > 0 && genitive) words[head] = (words[head] ?? '').replace(GENITIVE_ENDING, '');
  return words.join(' ');
}

/**
 * The gazetteer entry one of an entity's printed forms names, where its type agrees.
 *
 * @param entity The entity.
 * @returns The entry's canonical name, or undefined.
 */
function gazetteerName(entity: KeyedFields): string | undefined {
  const forms = [entity.name, ...entity.aliases, ...(entity.mentions ?? []).map((mention) => mention.text)];
  for (const form of forms) {
    const entry = lookupName(form.replace(LEADING_ARTICLE, ''));
    if (entry && entry.type === entity.type) return entry.name;
  }
  return undefined;
}

/**
 * The corpus-wide key of an entity.
 *
 * @param entity Type, name, aliases and (optionally) mentions of the entity.
 * @returns `<type>:<slug>`, e.g. `organization:bundesministerium-der-finanzen`, `person:volker-beck`.
 */
export function entityKey(entity: KeyedFields): string {
  const type = entity.type.toLowerCase();
  const known = gazetteerName(entity);
  if (known !== undefined) return `${type}:${slugOf(known)}`;
  const bare = entity.name.replace(WHITE_SPACE, ' ').trim().replace(LEADING_ARTICLE, '');
  const name = entity.type === 'Person' ? bare.replace(LEADING_TITLE, '') : uninflected(bare);
  // A name of nothing but other characters still needs a key of its own: its code points in hex.
  const slug = slugOf(name) || Array.from(entity.name.trim(), (character) => (character.codePointAt(0) ?? 0).toString(16)).join('-');
  return `${type}:${slug}`;
}
