/**
 * From candidates to entities: pick the best non-overlapping spans, attach defined short forms, group
 * the spans that name the same thing (inflected forms, spelling variants, abbreviations, a surname after
 * the full name), find the further mentions of every name, and choose each entity's name.
 */
import { isGivenName, lookupName, matchPlaceName } from './gazetteer.js';
import { endsInNoun, isCommonNounLike, isNoun } from './lexicon.js';
import type { Candidate, Definition, EntityType, TokenSection } from './candidate.js';
import { spanText } from './candidate.js';
import { hasInnerCapital, isAbbreviation, isAllCaps, isCapitalised, keyOf, tokenize } from './tokens.js';
import { isFunctionWord } from './words.js';
import { legalFormAt, legalFormStart } from './name-span.js';

/** One mention of a grouped entity: a character range in a section. */
export interface DraftMention {
  section: number;
  start: number;
  end: number;
  /** The printed mention. */
  text: string;
  /** The name inside it (without a title or `Fraktion der`). */
  name: string;
}

/** An entity before ids and positions. */
export interface DraftEntity {
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: DraftMention[];
}

/** Legal forms dropped from a merge key: `Islamisches Zentrum Hamburg e. V.` groups with `Islamisches Zentrum Hamburg`. */
const KEY_LEGAL_SUFFIX = /\s*(?:e\.\s?v\.?|ggmbh|gmbh)$/u;

/** Inflection endings stripped from each word of a merge key: `Islamischen`/`Islamisches`, `Instituts`/`Institutes`. */
const KEY_ENDING = /(?:es|en|er|em|e|s|n)$/u;

/** Articles left out of a merge key: `Gelehrtenrat des IGS` groups with `Gelehrtenrates der IGS`. */
const KEY_ARTICLES = new Set(['der', 'des', 'dem', 'den', 'die', 'das']);

/** The OCR confusion of `Al-` (A + lower-case L) with `AI-` (A + capital i) at a word start. */
const OCR_AL = /(^|[\s-])ai-/gu;

/**
 * The key under which printed forms of one entity meet.
 *
 * @param text A printed name.
 * @returns A key: lower-cased, OCR-repaired, legal form and inflection endings removed, no spaces or hyphens.
 */
export function mergeKey(text: string): string {
  let key = mergeKeys.get(text);
  if (key === undefined) {
    key = computeMergeKey(text);
    // Bounded, so that memory stays flat over a large batch.
    if (mergeKeys.size >= MAX_MERGE_KEYS) mergeKeys.clear();
    mergeKeys.set(text, key);
  }
  return key;
}

/** Most remembered merge keys (names repeat within and across documents). */
const MAX_MERGE_KEYS = 50_000;

/** Merge keys already computed, by printed name. */
const mergeKeys = new Map<string, string>();

/**
 * The key of {@link mergeKey}, computed.
 *
 * @param text A printed name.
 * @returns The key.
 */
function computeMergeKey(text: string): string {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[„“”"«»‚‘’']/gu, '')
    .replace(OCR_AL, '$1al-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(KEY_LEGAL_SUFFIX, '');
  return lower
    .split(/[\s‐-]+/u)
    .filter((word) => !KEY_ARTICLES.has(word))
    .map((word) => (word.length > 4 ? word.replace(KEY_ENDING, '') : word))
    .join('');
}

/** Union-find over string keys. */
class Groups {
  readonly #parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    for (;;) {
      const parent = this.#parent.get(root);
      if (parent === undefined || parent === root) break;
      root = parent;
    }
    this.#parent.set(key, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent.set(rb, ra);
  }
}

/**
 * Whether two token ranges overlap.
 *
 * @param a One candidate.
 * @param b The other.
 * @returns True when they share a token.
 */
function overlaps(a: Candidate, b: Candidate): boolean {
  return a.from < b.to && b.from < a.to;
}

/**
 * Whether any token of `[from, to)` is taken.
 *
 * @param taken One flag per token.
 * @param from First token.
 * @param to Token after the last.
 * @returns True when one is.
 */
function anyTaken(taken: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to && k < taken.length; k++) if (taken[k] === 1) return true;
  return false;
}

/**
 * Pick non-overlapping candidates, strongest first (then longest, then first).
 *
 * @param section The section.
 * @param candidates Its candidates.
 * @returns Accepted candidates.
 */
function select(section: TokenSection, candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken = new Uint8Array(section.tokens.length);
  const accepted: Candidate[] = [];
  for (const c of sorted) {
    if (anyTaken(taken, c.from, c.to)) continue;
    // `„Sonstige Partei“`, `Übrige Länder`: a category of a statistic, not a name.
    if (c.type !== 'Person' && c.canonical === undefined && CATEGORY_WORD.test(section.tokens[c.nameFrom]?.text ?? '')) continue;
    taken.fill(1, c.from, c.to);
    accepted.push(c);
  }
  return accepted;
}

/** A first word that makes a name the label of a remainder category: `Sonstige`, `Übrige`, `Andere`, `Weitere`. */
const CATEGORY_WORD = /^(?:Sonstig|Übrig|Ander|Weiter)(?:e|er|es|en|em)$/u;

/**
 * The name text of a candidate.
 *
 * @param sections Sections.
 * @param c The candidate.
 * @returns Its name as printed.
 */
function nameOf(sections: readonly TokenSection[], c: Candidate): string {
  let name = candidateNames.get(c);
  if (name === undefined) {
    const section = sections[c.section];
    name = section ? spanText(section, c.nameFrom, c.nameTo).replace(/\s+/gu, ' ') : '';
    candidateNames.set(c, name);
  }
  return name;
}

/** Names already cut out, per candidate (a candidate's range does not change once it has a name). */
const candidateNames = new WeakMap<Candidate, string>();

/**
 * Group key of a candidate.
 *
 * @param name Its name.
 * @param type Its type.
 * @returns The union-find key.
 */
function groupKey(name: string, type: EntityType): string {
  return `${type === 'Person' ? 'p' : 'n'}:${mergeKey(name)}`;
}

/** Group keys already computed, per candidate. */
const candidateKeys = new WeakMap<Candidate, string>();

/**
 * The group key of a candidate, computed once.
 *
 * @param sections Sections.
 * @param c The candidate.
 * @returns Its key.
 */
function candidateKey(sections: readonly TokenSection[], c: Candidate): string {
  let key = candidateKeys.get(c);
  if (key === undefined) {
    key = groupKey(nameOf(sections, c), c.type);
    candidateKeys.set(c, key);
  }
  return key;
}

/**
 * The short forms a paper defines for a common noun (`Mehrgenerationenhäuser (MGH)`, `Grundgesetz
 * (GG)`): a long form of one dictionary noun or compound of one that names no entity and holds no
 * candidate. Such a short form abbreviates the
 * noun wherever it stands, so it names no one body, even where it follows a body's name
 * (`Mehrgenerationenhaus Mosbach (MGH) e.V.`).
 *
 * @param sections Sections.
 * @param accepted Accepted candidates per section.
 * @param definitions Definitions per section.
 * @returns The short forms, as printed.
 */
function genericShortForms(sections: readonly TokenSection[], accepted: readonly Candidate[][], definitions: readonly Definition[][]): Set<string> {
  const generic = new Set<string>();
  definitions.forEach((list, index) => {
    const chosen = accepted[index] ?? [];
    for (const definition of list) {
      const { longFrom, longTo } = definition;
      if (longFrom === undefined || longTo - longFrom !== 1 || definition.type !== undefined) continue;
      if (!isCommonNounLike(sections[index]?.tokens[longFrom]?.text ?? '') || chosen.some((c) => c.from < longTo && c.to > longFrom)) continue;
      generic.add(sections[index]?.tokens[definition.shortFrom]?.text ?? '');
    }
  });
  return generic;
}

/**
 * Attach short forms to their long forms, adding long forms that no other rule found.
 *
 * @param sections Sections.
 * @param accepted Accepted candidates per section (changed in place).
 * @param definitions Definitions per section.
 */
function resolveDefinitions(sections: readonly TokenSection[], accepted: Candidate[][], definitions: readonly Definition[][]): void {
  const generic = genericShortForms(sections, accepted, definitions);
  for (const [index, list] of definitions.entries()) {
    const section = sections[index];
    const chosen = accepted[index];
    if (!section || !chosen) continue;
    for (const definition of list) {
      const short = section.tokens[definition.shortFrom]?.text ?? '';
      if (generic.has(short)) continue;
      const inside = chosen.find((c) => c.from <= definition.shortFrom && c.to >= definition.shortTo);
      if (inside) {
        inside.links = [...(inside.links ?? []), short];
        continue;
      }
      let target = chosen.find((c) => c.to === definition.longTo && (definition.longFrom === undefined || c.from >= definition.longFrom - 3));
      const longFrom = definition.longFrom;
      const found = target;
      if (found && longFrom !== undefined && found.from > longFrom) {
        // `Rescue Committee` found by its head, `International Rescue Committee` by the definition: take the
        // longer. A gazetteer name at the end of a longer long form (`Haushaltsausschuss des Deutschen
        // Bundestages (HHA)`) is not what the short form stands for.
        if (found.canonical === undefined && definition.type === found.type && !chosen.some((c) => c !== found && c.from < found.from && c.to > longFrom)) {
          found.from = longFrom;
          found.nameFrom = longFrom;
          candidateNames.delete(found);
          candidateKeys.delete(found);
        } else target = undefined;
      }
      if (!target && longFrom !== undefined && definition.type) {
        const longForm: Candidate = {
          section: index,
          from: longFrom,
          to: definition.longTo,
          nameFrom: longFrom,
          nameTo: definition.longTo,
          type: definition.type,
          rule: 'definition',
          priority: 90,
        };
        // The long form replaces what it contains (`Deutschland` in `… Gemeinden in Deutschland`).
        const clash = chosen.filter((c) => overlaps(c, longForm));
        const keeps = clash.some((c) => c.canonical !== undefined && c.type === 'Organization');
        if (!keeps && clash.every((c) => c.from >= longForm.from && c.to <= longForm.to)) {
          for (const c of clash) chosen.splice(chosen.indexOf(c), 1);
          chosen.push(longForm);
          target = longForm;
        }
      }
      if (!target) continue;
      target.links = [...(target.links ?? []), short];
      chosen.push({
        section: index,
        from: definition.shortFrom,
        to: definition.shortTo,
        nameFrom: definition.shortFrom,
        nameTo: definition.shortTo,
        type: target.type,
        rule: 'short-form',
        priority: 90,
        links: [nameOf(sections, target)],
      });
    }
  }
}

/**
 * Whether a single printed word may be taken as a further mention of a known name wherever it stands.
 *
 * @param text The word.
 * @returns False for dictionary nouns, function words and bare given names.
 */
function propagatable(text: string): boolean {
  if (isAbbreviation(text) || hasInnerCapital(text)) return true;
  if (!/^\p{Lu}/u.test(text) || isFunctionWord(text)) return false;
  return !isNoun(text) && !isGivenName(text);
}

/** Punctuation that may stand between a name and its legal form: `Tesla, Inc.`. */
const BEFORE_LEGAL_FORM = new Set([',']);

/**
 * An organisation's name without the legal form it ends in (`Meyer Werft` of `Meyer Werft GmbH`,
 * `Bildungsstätte Anne Frank` of `… e. V.`), where one is printed and what is left holds a word that
 * is no common noun.
 *
 * @param section The candidate's section.
 * @param c The candidate.
 * @returns The name without it, or undefined.
 */
function withoutLegalForm(section: TokenSection | undefined, c: Candidate): string | undefined {
  if (!section) return undefined;
  const { tokens } = section;
  const form = legalFormStart(tokens, c.nameFrom + 1, c.nameTo);
  if (form === undefined) return undefined;
  let end = form;
  while (end > c.nameFrom && BEFORE_LEGAL_FORM.has(tokens[end - 1]?.text ?? '')) end--;
  // One word left must be more than a letter and no compound of a noun at all (`X` of `X Corp.` is also
  // the letter); of several, one must be no dictionary noun.
  const single = end - c.nameFrom === 1;
  let proper = false;
  for (let w = c.nameFrom; w < end && !proper; w++) {
    const word = tokens[w]?.text ?? '';
    const named = single ? word.length > 1 && !isCommonNounLike(word) && !endsInNoun(word, 3) : !isNoun(word);
    proper = tokens[w]?.kind === 'word' && /^\p{Lu}/u.test(word) && !isFunctionWord(word) && (isAbbreviation(word) || named);
  }
  if (!proper || legalFormAt(tokens, c.nameFrom) > 0) return undefined;
  const bare = spanText(section, c.nameFrom, end).replace(/\s+/gu, ' ');
  // `Burscheid` of `Burscheid mbH` is the town wherever else it stands.
  const words = tokenize(bare);
  if ((lookupName(bare) ?? { type: 'Organization' }).type !== 'Organization' || matchPlaceName(words, 0)?.length === words.length) return undefined;
  return bare;
}

/** No form starts with a word. */
const NO_LENGTHS: readonly number[] = [];

/**
 * Find further mentions of every accepted name: later uses of an abbreviation, repeated names, and a
 * person's surname alone (`Khamenei`, `KHAMENEIs`) after the full name.
 *
 * @param sections Sections.
 * @param accepted Accepted candidates per section (extended in place).
 * @param groups The groups.
 */
function propagate(sections: readonly TokenSection[], accepted: Candidate[][], groups: Groups): void {
  const forms = new Map<string, { key: string; type: EntityType }>();
  const surnames = new Map<string, Set<string>>();
  const addForm = (text: string, key: string, type: EntityType, defined = false): void => {
    const words = tokenize(text).map((t) => t.text);
    if (words.length === 0) return;
    // A defined short form (`im Folgenden: Nordlicht`) is a name wherever it stands, even if it is also a word.
    const single = words[0] ?? '';
    if (words.length === 1 && !(defined ? /^\p{Lu}|\p{Lu}/u.test(single) && !isFunctionWord(single) : propagatable(single))) return;
    // A programme named by a common noun (`Programm „Negativemissionen“`) is not every use of the noun.
    if (words.length === 1 && type === 'Other' && !defined && isCommonNounLike(single)) return;
    const formKey = words.join(' ');
    if (!forms.has(formKey)) forms.set(formKey, { key, type });
  };
  for (const list of accepted) {
    for (const c of list) {
      const key = groups.find(candidateKey(sections, c));
      addForm(nameOf(sections, c), key, c.type);
      // `Meyer Werft GmbH` is printed again as `Meyer Werft`: the name without its legal form.
      const bare = c.type === 'Organization' ? withoutLegalForm(sections[c.section], c) : undefined;
      if (bare) addForm(bare, key, c.type);
      for (const link of c.links ?? []) addForm(link, key, c.type, true);
      if (c.type === 'Person' && c.nameTo - c.nameFrom >= 2) {
        const surname = sections[c.section]?.tokens[c.nameTo - 1]?.text ?? '';
        const bare = isAllCaps(surname.replace(/s$/u, '')) ? surname.replace(/s$/u, '') : surname;
        if (bare.length >= 3 && !isNoun(bare)) {
          const owners = surnames.get(bare.toLowerCase()) ?? new Set<string>();
          owners.add(key);
          surnames.set(bare.toLowerCase(), owners);
        }
      }
    }
  }
  // A person named by surname alone (`Abgeordnete Velmeden`, `Ayatollah Khamenei`) is the one full name with it.
  for (const list of accepted) {
    for (const c of list) {
      if (c.type !== 'Person' || c.nameTo - c.nameFrom !== 1) continue;
      const word = sections[c.section]?.tokens[c.nameFrom]?.text ?? '';
      const owners = surnames.get(word.toLowerCase());
      const [owner] = owners ? [...owners] : [];
      if (owners?.size === 1 && owner) groups.union(owner, candidateKey(sections, c));
    }
  }
  const lengths = new Map<string, number[]>();
  for (const formKey of forms.keys()) {
    const words = formKey.split(' ');
    const first = words[0] ?? '';
    const list = lengths.get(first) ?? [];
    if (!list.includes(words.length)) list.push(words.length);
    list.sort((a, b) => b - a);
    lengths.set(first, list);
  }
  for (const section of sections) {
    const list = accepted[section.index];
    if (!list) continue;
    const taken = new Uint8Array(section.tokens.length);
    for (const c of list) taken.fill(1, c.from, c.to);
    for (let i = 0; i < section.tokens.length; i++) {
      if (taken[i]) continue;
      const token = section.tokens[i];
      if (!token || token.kind !== 'word') continue;
      for (const length of lengths.get(token.text) ?? NO_LENGTHS) {
        if (i + length > section.tokens.length || anyTaken(taken, i, i + length)) continue;
        const form = forms.get(keyOf(section.tokens, i, i + length));
        if (!form) continue;
        list.push({ section: section.index, from: i, to: i + length, nameFrom: i, nameTo: i + length, type: form.type, rule: 'repeated', priority: 10, links: [] });
        taken.fill(1, i, i + length);
        groups.union(form.key, groupKey(keyOf(section.tokens, i, i + length), form.type));
        i += length - 1;
        break;
      }
      if (taken[i]) continue;
      // A surname alone, or with a genitive -s, after the full name.
      if (surnames.size === 0 || !/^\p{Lu}/u.test(token.text)) continue;
      const word = token.text;
      const bare = word.endsWith('s') && !surnames.has(word.toLowerCase()) ? word.slice(0, -1) : word;
      const owners = surnames.get(bare.toLowerCase());
      if (owners?.size === 1 && (isCapitalised(token) || isAllCaps(bare))) {
        const [owner] = [...owners];
        if (!owner) continue;
        list.push({ section: section.index, from: i, to: i + 1, nameFrom: i, nameTo: i + 1, type: 'Person', rule: 'surname', priority: 10 });
        groups.union(owner, groupKey(word, 'Person'));
        taken[i] = 1;
      }
    }
  }
}

/**
 * Choose an entity's name among its printed names: for a person, the longest name not printed in
 * capitals; for a gazetteer entry, its canonical name where printed; else the longest form that a
 * strong rule found, preferring nominative-looking forms.
 *
 * @param candidates The group's candidates.
 * @param names Their names.
 * @param type The entity type.
 * @returns The name.
 */
function chooseName(candidates: readonly Candidate[], names: readonly string[], type: EntityType): string {
  // A gazetteer entry's canonical name is its nominative form, printed or not (`Deutscher Bundestag`).
  const canonical = candidates.find((c) => c.canonical)?.canonical;
  if (canonical) return canonical;
  const strong = [...new Set(names.filter((_, k) => (candidates[k]?.priority ?? 0) > 10))];
  const pool = strong.length > 0 ? strong : [...new Set(names)];
  const score = (name: string): number => {
    let value = name.length;
    if (type === 'Person' && /\p{Lu}{3,}/u.test(name)) value -= 1000;
    // Genitive and dative forms (`Islamischen Zentrum`, `Instituts`) lose to the nominative.
    if (/^\p{Lu}\p{Ll}+en\s/u.test(name)) value -= 3;
    if (/s$/u.test(name) && pool.includes(name.slice(0, -1))) value -= 100;
    if (/es$/u.test(name) && pool.includes(name.slice(0, -2))) value -= 100;
    if (isAbbreviation(name)) value -= 50;
    return value;
  };
  let best = pool[0] ?? '';
  for (const name of pool) if (score(name) > score(best)) best = name;
  return best;
}

/**
 * Turn each section's candidates and definitions into grouped entities in order of first mention.
 *
 * @param sections Sections.
 * @param candidates Candidates per section.
 * @param definitions Definitions per section.
 * @returns Draft entities.
 */
export function mergeCandidates(
  sections: readonly TokenSection[],
  candidates: readonly Candidate[][],
  definitions: readonly Definition[][],
): DraftEntity[] {
  const accepted = sections.map((section, k) => select(section, candidates[k] ?? []));
  resolveDefinitions(sections, accepted, definitions);
  const groups = new Groups();
  for (const list of accepted) {
    for (const c of list) {
      const key = candidateKey(sections, c);
      groups.find(key);
      if (c.canonical) groups.union(`gaz:${c.canonical}`, key);
      for (const link of c.links ?? []) groups.union(key, groupKey(link, c.type));
    }
  }
  propagate(sections, accepted, groups);
  const byGroup = new Map<string, Candidate[]>();
  for (const list of accepted) {
    for (const c of list) {
      const root = groups.find(candidateKey(sections, c));
      const members = byGroup.get(root) ?? [];
      members.push(c);
      byGroup.set(root, members);
    }
  }
  const drafts: Array<DraftEntity & { first: [number, number] }> = [];
  for (const members of byGroup.values()) {
    members.sort((a, b) => a.section - b.section || a.from - b.from);
    const strongest = members.reduce((best, c) => (c.priority > best.priority ? c : best));
    const mentions: DraftMention[] = [];
    for (const c of members) {
      const section = sections[c.section];
      const first = section?.tokens[c.from];
      const last = section?.tokens[c.to - 1];
      if (!section || !first || !last) continue;
      const text = section.text.slice(first.start, last.end).replace(/\s+/gu, ' ');
      mentions.push({ section: c.section, start: first.start, end: last.end, text, name: nameOf(sections, c) });
    }
    const first = members[0];
    if (!first || mentions.length === 0) continue;
    const names = members.map((c) => nameOf(sections, c));
    const name = chooseName(members, names, strongest.type);
    const aliases: string[] = [];
    const seen = new Set([name]);
    const add = (text: string): void => {
      if (text && !seen.has(text)) {
        seen.add(text);
        aliases.push(text);
      }
    };
    for (const mention of mentions) {
      add(mention.name);
      add(mention.text);
    }
    for (const c of members) for (const link of c.links ?? []) add(link);
    const firstToken = sections[first.section]?.tokens[first.from];
    drafts.push({ type: strongest.type, name, aliases, mentions, first: [first.section, firstToken?.start ?? 0] });
  }
  drafts.sort((a, b) => a.first[0] - b.first[0] || a.first[1] - b.first[1]);
  return drafts.map(({ type, name, aliases, mentions }) => ({ type, name, aliases, mentions }));
}
