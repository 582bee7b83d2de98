/**
 * Gazetteers of what exists in the world (places, institutions, parties, programmes, given names), looked up by
 * token sequence with the inflected forms German prints (`Deutschen Bundestages`, `Irans`,
 * `Freien und Hansestadt Hamburg`).
 */
import countryData from './data/countries.json' with { type: 'json' };
import givenNameData from './data/given-names.json' with { type: 'json' };
import organizationData from './data/organizations.json' with { type: 'json' };
import placeData from './data/places.json' with { type: 'json' };
import programmeData from './data/programmes.json' with { type: 'json' };
import type { Token } from './tokens.js';
import { isAbbreviation, keyOf, tokenize } from './tokens.js';

/** One gazetteer entity. */
export interface GazetteerEntry {
  /** Canonical name. */
  name: string;
  type: 'Organization' | 'Place' | 'Other';
}

/** A gazetteer hit: the entry and how many tokens it spans. */
export interface GazetteerMatch {
  entry: GazetteerEntry;
  length: number;
}

interface RawEntry {
  name: string;
  aliases?: string[];
}

interface Index {
  byKey: Map<string, GazetteerEntry>;
  /** Longest key length (in tokens) per first token. */
  maxLength: Map<string, number>;
}

let index: Index | undefined;
let givenNames: Set<string> | undefined;

/** Adjective endings that inflect in names: `Deutscher`/`Deutschen`, `Islamische`/`Islamischen`, `Freie`/`Freien`. */
const ADJECTIVE_INFLECTION = /^(\p{Lu}\p{Ll}+?)(?:e|en|er|es|em)$/u;

/** Endings an adjective can take. */
const ADJECTIVE_ENDINGS = ['e', 'en', 'er', 'es', 'em'];

/** Words after which a name's head is complete (`Bundesministerium` | `für …`). */
const HEAD_END = new Set(['der', 'des', 'für', 'und', 'in', 'im', 'am', 'an', 'von', 'zur', 'zum', ',', '(', '/']);

/** Upper bound on the variants of one name, so a long name cannot explode. */
const MAX_VARIANTS = 400;

/**
 * Printed variants of a name: its adjectives in every ending, its head noun with and without the
 * genitive `-s`/`-es`.
 *
 * @param name A gazetteer name.
 * @returns Token-text lists, the name itself first.
 */
function variants(name: string): string[][] {
  const words = tokenize(name).map((token) => token.text);
  if (words.length === 1 && isAbbreviation(words[0] ?? '')) return [words];
  let head = words.length - 1;
  for (let i = 1; i < words.length; i++) {
    if (HEAD_END.has(words[i] ?? '')) {
      head = i - 1;
      break;
    }
  }
  const options: string[][] = words.map((word, i) => {
    if (i === head) {
      if (/(?:s|ß|x|z)$/u.test(word)) return [word, `${word}es`];
      if (/\p{Lu}$/u.test(word)) return [word];
      return [word, `${word}s`, `${word}es`];
    }
    const adjective = i < head ? ADJECTIVE_INFLECTION.exec(word) : null;
    if (adjective?.[1]) return [word, ...ADJECTIVE_ENDINGS.map((ending) => `${adjective[1]}${ending}`).filter((form) => form !== word)];
    return [word];
  });
  let result: string[][] = [[]];
  for (const option of options) {
    const next: string[][] = [];
    for (const prefix of result) for (const word of option) if (next.length < MAX_VARIANTS) next.push([...prefix, word]);
    result = next;
  }
  return result;
}

/**
 * Add one entry with all its names to the index.
 *
 * @param into The index being built.
 * @param raw The data-file entry.
 * @param type Its type.
 */
function addEntry(into: Index, raw: RawEntry, type: GazetteerEntry['type']): void {
  const entry: GazetteerEntry = { name: raw.name, type };
  for (const name of [raw.name, ...(raw.aliases ?? [])]) {
    for (const words of variants(name)) {
      const key = words.join(' ');
      if (!into.byKey.has(key) || words.join(' ') === name) into.byKey.set(key, entry);
      const first = words[0] ?? '';
      into.maxLength.set(first, Math.max(into.maxLength.get(first) ?? 0, words.length));
    }
  }
}

/**
 * The gazetteer index, built on first use.
 *
 * @returns Keys of every printed variant, and the longest key per first token.
 */
function gazetteer(): Index {
  if (index) return index;
  const built: Index = { byKey: new Map(), maxLength: new Map() };
  for (const raw of placeData.entries as RawEntry[]) addEntry(built, raw, 'Place');
  // The ISO list fills in what the official list of state names leaves out; a country both name keeps
  // the official entry, so that its names stay one entity.
  for (const raw of countryData.entries as RawEntry[]) {
    if (![raw.name, ...(raw.aliases ?? [])].some((name) => built.byKey.has(tokenize(name).map((token) => token.text).join(' ')))) addEntry(built, raw, 'Place');
  }
  for (const raw of organizationData.entries as RawEntry[]) addEntry(built, raw, 'Organization');
  for (const raw of programmeData.entries as RawEntry[]) addEntry(built, raw, 'Other');
  index = built;
  return built;
}

/**
 * The longest gazetteer entry printed at a token.
 *
 * @param tokens Section tokens.
 * @param at Index of the first token.
 * @returns The match, or undefined.
 */
export function matchGazetteer(tokens: readonly Token[], at: number): GazetteerMatch | undefined {
  const { byKey, maxLength } = gazetteer();
  const first = tokens[at];
  if (!first) return undefined;
  const longest = maxLength.get(first.text);
  if (longest === undefined) return undefined;
  // The rules ask about the same token more than once: remember the answers per token list.
  let known = matches.get(tokens);
  if (!known) {
    known = new Map();
    matches.set(tokens, known);
  }
  if (known.has(at)) return known.get(at);
  let found: GazetteerMatch | undefined;
  for (let length = Math.min(longest, tokens.length - at); length >= 1 && !found; length--) {
    const entry = byKey.get(keyOf(tokens, at, at + length));
    if (entry) found = { entry, length };
  }
  known.set(at, found);
  return found;
}

/** Answers of `matchGazetteer` per token list. */
const matches = new WeakMap<readonly Token[], Map<number, GazetteerMatch | undefined>>();

/**
 * Look a printed name up in the gazetteer.
 *
 * @param text A name as printed, e.g. `Bundesministeriums der Finanzen`.
 * @returns The entry, or undefined.
 */
export function lookupName(text: string): GazetteerEntry | undefined {
  return gazetteer().byKey.get(tokenize(text).map((token) => token.text).join(' '));
}

/**
 * Whether a word is a known given name (`Volker`, `Reza`; each part of `Leif-Erik`).
 *
 * @param text The word.
 * @returns True for given names.
 */
export function isGivenName(text: string): boolean {
  givenNames ??= new Set(givenNameData.names);
  if (givenNames.has(text)) return true;
  if (!text.includes('-')) return false;
  const parts = text.split('-');
  return parts.length === 2 && parts.every((part) => givenNames?.has(part) === true);
}
