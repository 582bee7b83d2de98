/**
 * Gazetteers of what exists in the world (places, institutions, parties, programmes, given names), looked up by
 * token sequence with the inflected forms German prints (`Deutschen Bundestages`, `Irans`,
 * `Freien und Hansestadt Hamburg`).
 */
import countryData from './data/countries.json' with { type: 'json' };
import givenNameData from './data/given-names.json' with { type: 'json' };
import organizationData from './data/organizations.json' with { type: 'json' };
import placeData from './data/places.json' with { type: 'json' };
import germanPlaceData from './data/places-de.json' with { type: 'json' };
import regionData from './data/regions.json' with { type: 'json' };
import worldCityData from './data/world-cities.json' with { type: 'json' };
import { isNoun } from './lexicon.js';
import programmeData from './data/programmes.json' with { type: 'json' };
import type { Token } from './tokens.js';
import { isAbbreviation, tokenize } from './tokens.js';

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
  /** The keys of the first tokens of longer keys (`Deutscher` of `Deutscher Bundestag`): a lookup goes on only after one. */
  prefixes: Set<string>;
  /**
   * One bit per {@link firstSlot} of the first tokens of keys: a token whose bit is clear begins no
   * key, known without hashing it (most tokens of a section begin none).
   */
  firsts: Uint8Array;
}

/** Bits of {@link Index.firsts}: 2^20, so that a few hundred thousand first tokens leave most clear. */
const FIRST_SLOT_BITS = 20;

/**
 * The slot of a first token in {@link Index.firsts}: from its length and its first, second and last
 * characters, read without hashing the string.
 *
 * @param text The token text.
 * @returns A slot below 2^{@link FIRST_SLOT_BITS}.
 */
function firstSlot(text: string): number {
  const length = text.length;
  const slot = (Math.imul(length, 0x9e3779b1) ^ Math.imul(text.charCodeAt(0), 0x85ebca6b) ^ Math.imul(text.charCodeAt(1), 0xc2b2ae35) ^ Math.imul(text.charCodeAt(length - 1), 0x27d4eb2f)) >>> 0;
  return slot >>> (32 - FIRST_SLOT_BITS);
}

/**
 * An empty index.
 *
 * @returns The index.
 */
function emptyIndex(): Index {
  return { byKey: new Map(), maxLength: new Map(), prefixes: new Set(), firsts: new Uint8Array(1 << (FIRST_SLOT_BITS - 3)) };
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

/** A plural place name whose dative adds `-n`: `Niederlande`/`den Niederlanden`, `Emirate`/`Emiraten`. */
const PLURAL_PLACE_HEAD = /\p{Ll}e$/u;

/**
 * Printed variants of a name: its adjectives in every ending, its head noun with and without the
 * genitive `-s`/`-es` (and, for a place, the dative plural `-n`).
 *
 * @param name A gazetteer name.
 * @param type The entry's type.
 * @returns Token-text lists, the name itself first.
 */
function variants(name: string, type: GazetteerEntry['type'] = 'Organization'): string[][] {
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
      if (type === 'Place' && PLURAL_PLACE_HEAD.test(word)) return [word, `${word}s`, `${word}n`];
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
    for (const words of variants(name, type)) {
      addKey(into, words, entry, words.join(' ') === name);
    }
  }
}

/**
 * Index one printed form: its key, the longest length at its first token, and its prefixes.
 *
 * @param into The index.
 * @param words The form's token texts.
 * @param entry What the form names.
 * @param replace Whether the form takes the key from an entry that has it already.
 */
function addKey(into: Index, words: readonly string[], entry: GazetteerEntry, replace: boolean): void {
  const key = words.join(' ');
  if (replace || !into.byKey.has(key)) into.byKey.set(key, entry);
  const first = words[0] ?? '';
  into.maxLength.set(first, Math.max(into.maxLength.get(first) ?? 0, words.length));
  const slot = firstSlot(first);
  into.firsts[slot >>> 3] = (into.firsts[slot >>> 3] ?? 0) | (1 << (slot & 7));
  let prefix = first;
  for (let k = 1; k < words.length; k++) {
    into.prefixes.add(prefix);
    prefix += ` ${words[k] ?? ''}`;
  }
}

/**
 * The gazetteer index, built on first use.
 *
 * @returns Keys of every printed variant, and the longest key per first token.
 */
function gazetteer(): Index {
  if (index) return index;
  const built = emptyIndex();
  for (const raw of placeData.entries as RawEntry[]) addEntry(built, raw, 'Place');
  // The ISO list fills in what the official list of state names leaves out; a country both name keeps
  // the official entry, so that its names stay one entity.
  for (const raw of countryData.entries as RawEntry[]) {
    if (![raw.name, ...(raw.aliases ?? [])].some((name) => built.byKey.has(tokenize(name).map((token) => token.text).join(' ')))) addEntry(built, raw, 'Place');
  }
  // A name already known keeps its entry (`Brandenburg` stays the Land, not the town on the Havel).
  const known = (name: string): boolean => built.byKey.has(tokenize(name).map((token) => token.text).join(' '));
  for (const raw of placeNamesAnywhere()) {
    if (!known(raw.name)) addEntry(built, { name: raw.name, aliases: (raw.aliases ?? []).filter((alias) => !known(alias)) }, 'Place');
  }
  for (const raw of organizationData.entries as RawEntry[]) addEntry(built, raw, 'Organization');
  for (const raw of programmeData.entries as RawEntry[]) addEntry(built, raw, 'Other');
  index = built;
  return built;
}

/**
 * Whether a name is a place wherever it is printed: not a common noun (`Hof`, `Lage`, `Weiden`) nor
 * a given name (`Wilhelm`), which stand for a place only where the text says so (`rules/places.ts`).
 *
 * @param name A place name.
 * @returns True when unambiguous.
 */
function unambiguousPlaceName(name: string): boolean {
  return name.includes(' ') || !isPlaceHomograph(name);
}

/** The umlaut of a plural and the vowel it comes from: `Löhne` from `Lohn`, `Bünde` from `Bund`. */
const UMLAUTS: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', äu: 'au' };

/** A plural ending after an umlaut: `Löhne`, `Bünde`, `Häuser`. */
const UMLAUT_PLURAL = /(?:e|er)$/u;

/**
 * Whether a one-word place name is also a common word that the text may mean instead: a dictionary
 * noun (`Hof`, `Lage`), the umlaut plural of one (`Löhne`, `Bünde`), or a given name (`Wilhelm`).
 *
 * @param word The name.
 * @returns True when the word needs a cue to be a place.
 */
export function isPlaceHomograph(word: string): boolean {
  if (isNoun(word) || isGivenName(word)) return true;
  if (!/[äöü]/u.test(word) || !UMLAUT_PLURAL.test(word)) return false;
  const singular = word.replace(/äu|[äöü]/u, (umlaut) => UMLAUTS[umlaut] ?? umlaut).replace(UMLAUT_PLURAL, '');
  return isNoun(singular);
}

/**
 * The place names that need no cue: regions of the world, the districts, Regierungsbezirke and larger
 * towns of Germany, the largest cities abroad; each with its qualifier-free form (`Rotenburg (Wümme)`,
 * `Rotenburg`) where that is unambiguous.
 *
 * @returns Entries.
 */
function placeNamesAnywhere(): RawEntry[] {
  const out: RawEntry[] = [];
  for (const raw of regionData.entries as RawEntry[]) out.push(raw);
  for (const district of germanPlaceData.districts as RawEntry[]) {
    if (unambiguousPlaceName(district.name)) out.push({ name: district.name, aliases: (district.aliases ?? []).filter(unambiguousPlaceName) });
  }
  for (const name of [...germanPlaceData.regierungsbezirke, ...germanPlaceData.cities, ...worldCityData.large]) {
    if (unambiguousPlaceName(name)) out.push({ name });
  }
  return out;
}

/** The place names that stand for a place where the text gives a cue, by key, and the longest key per first token. */
let cued: Index | undefined;

/**
 * The index of every place name known, cued or not: all German districts, towns and villages, the
 * cities abroad, with the genitive `-s`.
 *
 * @returns The index.
 */
function cuedIndex(): Index {
  if (cued) return cued;
  const built = emptyIndex();
  const add = (name: string, canonical: string): void => {
    const words = tokenize(name).map((token) => token.text);
    const last = words.length - 1;
    const entry: GazetteerEntry = { name: canonical, type: 'Place' };
    for (const form of [words, words.map((word, k) => (k === last && !/(?:s|ß|x|z|\p{Lu})$/u.test(word) ? `${word}s` : word))]) addKey(built, form, entry, false);
  };
  for (const raw of [...(placeData.entries as RawEntry[]), ...(regionData.entries as RawEntry[]), ...(germanPlaceData.districts as RawEntry[])]) {
    for (const name of [raw.name, ...(raw.aliases ?? [])]) add(name, raw.name);
  }
  for (const name of [...germanPlaceData.regierungsbezirke, ...germanPlaceData.cities, ...germanPlaceData.towns, ...worldCityData.large, ...worldCityData.cities]) add(name, name);
  cued = built;
  return built;
}

/**
 * The longest known place name printed at a token, whether or not it needs a cue (`Westerwalsede`,
 * `Hof`, `Qom`); the caller decides whether the context supports a place.
 *
 * @param tokens Section tokens.
 * @param at Index of the first token.
 * @returns The match, or undefined.
 */
export function matchPlaceName(tokens: readonly Token[], at: number): GazetteerMatch | undefined {
  const first = tokens[at];
  if (!first || first.kind !== 'word') return undefined;
  return remembered(placeMatches, tokens, at, placeNameAt);
}

/**
 * The longest place name at a token, asked of the index.
 *
 * @param tokens Section tokens.
 * @param at Index of the first token.
 * @returns The match, or undefined.
 */
function placeNameAt(tokens: readonly Token[], at: number): GazetteerMatch | undefined {
  return longestKeyAt(cuedIndex(), tokens, at);
}

/** Stands in a memo for a token not asked about yet. */
const NOT_ASKED = Symbol('not asked');

/** One answer per token of a token list, or `NOT_ASKED`. */
type Memo = Array<GazetteerMatch | undefined | typeof NOT_ASKED>;

/**
 * The answer for a token, computed once per token list: the rules ask about the same token more
 * than once.
 *
 * @param memos The memos of one question, per token list.
 * @param tokens The token list.
 * @param at The token.
 * @param compute The answer, when not known yet (a function of the token list and the token, so that
 *   asking makes no closure).
 * @returns The answer.
 */
function remembered(
  memos: WeakMap<readonly Token[], Memo>,
  tokens: readonly Token[],
  at: number,
  compute: (tokens: readonly Token[], at: number) => GazetteerMatch | undefined,
): GazetteerMatch | undefined {
  let memo = memos.get(tokens);
  if (!memo) {
    // Grown by pushing, so that a long section's memo stays a packed array, not a dictionary.
    memo = [];
    for (let k = 0; k < tokens.length; k++) memo.push(NOT_ASKED);
    memos.set(tokens, memo);
  }
  const known = memo[at];
  if (known !== NOT_ASKED) return known;
  const found = compute(tokens, at);
  memo[at] = found;
  return found;
}

/** Answers of `matchPlaceName` per token list. */
const placeMatches = new WeakMap<readonly Token[], Memo>();

/**
 * The longest key of an index printed at a token, built token by token for as long as it begins a
 * longer key.
 *
 * @param index The index.
 * @param tokens Section tokens.
 * @param at Index of the first token.
 * @returns The match, or undefined.
 */
function longestKeyAt({ byKey, maxLength, prefixes, firsts }: Index, tokens: readonly Token[], at: number): GazetteerMatch | undefined {
  const first = tokens[at];
  if (!first) return undefined;
  const slot = firstSlot(first.text);
  if (((firsts[slot >>> 3] ?? 0) & (1 << (slot & 7))) === 0) return undefined;
  const longest = maxLength.get(first.text);
  if (longest === undefined) return undefined;
  let found: GazetteerMatch | undefined;
  const most = Math.min(longest, tokens.length - at);
  let key = first.text;
  for (let length = 1; length <= most; length++) {
    if (length > 1) key += ` ${tokens[at + length - 1]?.text ?? ''}`;
    const entry = byKey.get(key);
    if (entry) found = { entry, length };
    if (!prefixes.has(key)) break;
  }
  return found;
}

/**
 * The longest gazetteer entry printed at a token.
 *
 * @param tokens Section tokens.
 * @param at Index of the first token.
 * @returns The match, or undefined.
 */
export function matchGazetteer(tokens: readonly Token[], at: number): GazetteerMatch | undefined {
  const first = tokens[at];
  if (!first) return undefined;
  return remembered(matches, tokens, at, gazetteerEntryAt);
}

/**
 * The longest gazetteer entry at a token, asked of the index.
 *
 * @param tokens Section tokens.
 * @param at Index of the first token.
 * @returns The match, or undefined.
 */
function gazetteerEntryAt(tokens: readonly Token[], at: number): GazetteerMatch | undefined {
  const found = longestKeyAt(gazetteer(), tokens, at);
  // `Claudia Roth`, `Thomas Gotha`: a one-word place after a given name is the surname.
  if (found?.entry.type === 'Place' && found.length === 1 && isGivenName(tokens[at - 1]?.text ?? '') && /^\p{Lu}/u.test(tokens[at]?.text ?? '')) return undefined;
  return found;
}

/** Answers of `matchGazetteer` per token list. */
const matches = new WeakMap<readonly Token[], Memo>();

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
