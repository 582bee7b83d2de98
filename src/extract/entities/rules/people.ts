/**
 * Rules for people: after a title or office, by a known given name, in apposition to a role, and
 * the askers the header names.
 */
import { isGivenName, matchGazetteer } from '../gazetteer.js';
import { isNoun } from '../lexicon.js';
import { type Token, isAbbreviation, isAllCaps, isCapitalised, keyOf, tokenize } from '../tokens.js';
import { DOTTED_TITLES, LEADING_ROLES, PERSON_TITLES, hasOrgHead, isCapitalisedAdjective, isFunctionWord, isProperish, isRole } from '../words.js';
import { SHORT_BREAK, candidate, crossesShortBreak, type Candidate, type RuleContext, type TokenSection } from '../candidate.js';
import { NOT_NAME, nameTokensEnd } from '../name-span.js';

/**
 * People after a title or office: `Dr. Sedigheh Khansari Mousavi`, `Ayatollah Khamenei`, `Sts Flasbarth a. D.`,
 * `BM’in a. D. Schulze`.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function titleRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || !PERSON_TITLES.has(token.text)) continue;
    let k = i;
    // Chains of titles: `Prof. Dr.`, `Bundesminister Dr.`.
    while (k < tokens.length && PERSON_TITLES.has(tokens[k]?.text ?? '')) {
      const title = tokens[k]?.text ?? '';
      if (DOTTED_TITLES.has(title)) {
        if (tokens[k + 1]?.text !== '.') break;
        k += 2;
      } else k++;
    }
    if (k === i) continue;
    if (tokens[k]?.text === 'a' && tokens[k + 1]?.text === '.' && tokens[k + 2]?.text === 'D' && tokens[k + 3]?.text === '.') k += 4;
    const nameEnd = nameTokensEnd(tokens, k, 3, false, section.shortBreaks);
    if (nameEnd === k) continue;
    // `der Abgeordneten Medienberichten`: an office before a plain word needs a known first name.
    if (/^Abgeordnete[nr]?$/u.test(tokens[k - 1]?.text ?? '') && !isGivenName(tokens[k]?.text ?? '')) continue;
    // `Abgeordneten` before a list names the first asker only; a lone dictionary word is no name.
    const dotted = DOTTED_TITLES.has(token.text);
    out.push(candidate(section, dotted ? i : i, nameEnd, 'Person', 'title', 72, { nameFrom: k, nameTo: nameEnd }));
    i = nameEnd - 1;
  }
  return out;
}

/** Particles inside a surname: `Ursula von der Leyen`, `Ali al-…`. */
export const NAME_PARTICLES = new Set(['von', 'van', 'de', 'der', 'zu', 'al', 'el', 'bin', 'ibn', 'da', 'di']);

/** Particles that stand only after another one: `der` of `von der Leyen` (`Marine der UNIFIL` is no name). */
const SECOND_PARTICLES = new Set(['der', 'den']);

/**
 * Whether the token at `k` is a name particle where it stands.
 *
 * @param tokens Section tokens.
 * @param k Index.
 * @returns True for `von`, and for `der` after `von`.
 */
function isParticle(tokens: readonly Token[], k: number): boolean {
  const text = tokens[k]?.text ?? '';
  if (!NAME_PARTICLES.has(text)) return false;
  return !SECOND_PARTICLES.has(text) || NAME_PARTICLES.has(tokens[k - 1]?.text ?? '');
}

/**
 * People by a known given name: `Reza Ramezani`, `Abbas Hosseini Ghaemmaghami`, `Ali KHAMENEIs`, `Birgit Butter`.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function givenNameRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind !== 'word' || !isGivenName(token.text)) continue;
    let k = i + 1;
    if (isGivenName(tokens[k]?.text ?? '') && isCapitalised(tokens[k + 1]) && !isFunctionWord(tokens[k + 1]?.text ?? '')) k++;
    while (isParticle(tokens, k) && isCapitalised(tokens[k + 1])) k++;
    const lenient = !isNoun(token.text) && !token.initial;
    const end = nameTokensEnd(tokens, k, 2, lenient, section.shortBreaks);
    if (end === k || crossesShortBreak(section, i, k + 1)) continue;
    out.push(candidate(section, i, end, 'Person', 'given-name', 68));
    i = end - 1;
  }
  return out;
}

/**
 * People named before a parenthesised role (`Lamya Kaddor (Islamwissenschaftlerin …)`) or after a role and a
 * comma (`der Leiter des IZH, Reza Ramezani,`).
 *
 * @param section The section.
 * @returns Candidates.
 */
export function appositionRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let p = 2; p < tokens.length; p++) {
    if (tokens[p]?.text !== '(') continue;
    let r = p + 1;
    while (r < p + 3 && tokens[r] && !isRole(tokens[r]?.text ?? '') && (isAbbreviation(tokens[r]?.text ?? '') || isCapitalisedAdjective(tokens[r]?.text ?? ''))) r++;
    if (!isRole(tokens[r]?.text ?? '')) continue;
    let s = p;
    while (s > 0 && p - s < 3) {
      const before = tokens[s - 1];
      if (!before || before.kind !== 'word' || !isCapitalised(before) || isFunctionWord(before.text) || hasOrgHead(before.text)) break;
      if (matchGazetteer(tokens, s - 1) || PERSON_TITLES.has(before.text)) break;
      s--;
    }
    if (p - s < 2) continue;
    const names = tokens.slice(s, p);
    if (!names.some((t) => isProperish(t))) continue;
    if (crossesShortBreak(section, s, p)) continue;
    out.push(candidate(section, s, p, 'Person', 'apposition', 66));
  }
  for (let i = 0; i < tokens.length; i++) {
    const role = tokens[i];
    if (!role || !isCapitalised(role) || !LEADING_ROLES.has(role.text.toLowerCase())) continue;
    let comma = -1;
    for (let k = i + 1; k < tokens.length && k <= i + 6; k++) {
      if (tokens[k]?.text === ',') {
        comma = k;
        break;
      }
      if (tokens[k]?.kind === 'punct') break;
    }
    if (comma < 0) continue;
    const end = nameTokensEnd(tokens, comma + 1, 3, false, section.shortBreaks);
    if (end - (comma + 1) < 2) continue;
    const after = tokens[end]?.text ?? '';
    if (![',', 'und', '.', 'ist', 'war'].includes(after)) continue;
    out.push(candidate(section, comma + 1, end, 'Person', 'role-apposition', 67));
  }
  return out;
}

/**
 * The askers named in the header, wherever they are printed, with a title before them kept in the span.
 *
 * @param section The section.
 * @param context What the header says.
 * @returns Candidates.
 */
export function askerRule(section: TokenSection, context: RuleContext): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  const wanted = context.askers.map((name) => tokenize(name).map((token) => token.text).filter((text) => !NOT_NAME.has(text) && text !== '.'));
  const firsts = new Set(wanted.map((words) => words[0]));
  for (let i = 0; i < tokens.length; i++) {
    if (!firsts.has(tokens[i]?.text)) continue;
    for (const words of wanted) {
      if (words.length === 0 || tokens[i]?.text !== words[0]) continue;
      if (keyOf(tokens, i, i + words.length) !== words.join(' ')) continue;
      const from = tokens[i - 1]?.text === '.' && DOTTED_TITLES.has(tokens[i - 2]?.text ?? '') ? i - 2 : i;
      out.push(candidate(section, from, i + words.length, 'Person', 'asker', 95, { nameFrom: i, nameTo: i + words.length }));
    }
  }
  if (section.kind === 'meta') {
    for (const place of context.constituencies) {
      const words = tokenize(place).map((token) => token.text);
      for (let i = 0; i < tokens.length; i++) {
        if (keyOf(tokens, i, i + words.length) === words.join(' ') && tokens[i - 1]?.text === '(') {
          out.push(candidate(section, i, i + words.length, 'Place', 'constituency', 90));
        }
      }
    }
  }
  return out;
}

/**
 * Offices printed right before a person's name (lower-cased compound tails), beyond the titles of
 * {@link PERSON_TITLES}: `Premierminister Edi Rama`, `Kommissarin Anna Schmidt`, `EU-Kommissar Valdis Dombrovskis`,
 * `Außenministerin Annalena Baerbock`, `Landrätin Maria Muster`.
 */
const OFFICE_BEFORE_NAME = /(?:minister|ministerin|kommissar|kommissarin|präsident|präsidentin|kanzler|kanzlerin|sekretär|sekretärin|botschafter|botschafterin|bürgermeister|bürgermeisterin|senator|senatorin|regierungschef|regierungschefin|staatschef|staatschefin|vorsitzende|vorsitzender|gouverneur|gouverneurin|könig|königin|landrat|landrätin|bischöfin|sprecher|sprecherin|direktor|direktorin|generalsekretär|generalsekretärin|abgeordnete|abgeordneter)$/u;

/**
 * People named after their office, in apposition: `Premierminister Edi Rama`, `Kommissarin Anna Schmidt`,
 * `Staatssekretär Dr. Anna Muster`. Unlike {@link titleRule}, the office is any compound of an office
 * word, and the name needs two words, the first one no dictionary noun or a known given name.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function officeRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const office = tokens[i];
    if (!office || office.kind !== 'word' || !isCapitalised(office) || PERSON_TITLES.has(office.text)) continue;
    if (!OFFICE_BEFORE_NAME.test(office.text.toLowerCase())) continue;
    let k = i + 1;
    while (DOTTED_TITLES.has(tokens[k]?.text ?? '') && tokens[k + 1]?.text === '.') k += 2;
    const first = tokens[k];
    if (!first || !(isGivenName(first.text) || isProperish(first)) || isAbbreviation(first.text)) continue;
    let end = nameTokensEnd(tokens, k, 3, false, section.shortBreaks);
    // `Wirtschaftsminister Grant Hendrik Tonne führte`: a surname that is also a noun ends the phrase.
    const last = tokens[end];
    if (end - k >= 2 && last && isCapitalised(last) && isNoun(last.text) && !hasOrgHead(last.text) && !isFunctionWord(last.text) && !isCapitalised(tokens[end + 1]) && section.shortBreaks?.[end] !== SHORT_BREAK) end++;
    if (end - k < 2 || crossesShortBreak(section, i, end)) continue;
    out.push(candidate(section, i, end, 'Person', 'office', 73, { nameFrom: k, nameTo: end }));
    i = end - 1;
  }
  return out;
}

/** A capital and a period, an initial: `K.`; with a hyphen, `K.-U.`. */
const INITIAL = /^\p{Lu}$/u;

/**
 * The token after the initials at `k` (`M.`, `K.-U.`, `E. H.`), or `k` when none stand there.
 *
 * @param tokens Section tokens.
 * @param k Index.
 * @returns Token after the initials.
 */
function initialsEnd(tokens: readonly Token[], k: number): number {
  let end = k;
  while (INITIAL.test(tokens[end]?.text ?? '') && tokens[end + 1]?.text === '.') {
    end += 2;
    if (tokens[end]?.text === '-' && INITIAL.test(tokens[end + 1]?.text ?? '')) end++;
  }
  return end;
}

/** What may follow one author of a reference list: `Röhl, M.; Streit, L.:`, `Vogel, C., Todt, K. &`. */
const AUTHOR_SEPARATORS = new Set([';', ',', ':', '&', '(']);

/**
 * People printed surname first, as reference lists print authors: `Röhl, M.; Streit, L.; Huber, S.:`
 * (two authors or more in a row, so `Bericht, S. 14` stays a page), and `SCHMIDT, ANNA`, a surname in
 * capitals before a known given name.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function surnameFirstRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  /** The author at `k`: surname, comma, initials, a separator after (the last of a run: anything but a number). */
  const authorEnd = (k: number, last = false): number => {
    const surname = tokens[k];
    if (!surname || surname.kind !== 'word' || !isCapitalised(surname) || isFunctionWord(surname.text) || isAbbreviation(surname.text)) return k;
    if (tokens[k + 1]?.text !== ',') return k;
    const end = initialsEnd(tokens, k + 2);
    if (end === k + 2) return k;
    const after = tokens[end];
    if (last ? after?.kind === 'number' : !AUTHOR_SEPARATORS.has(after?.text ?? '')) return k;
    return end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const end = authorEnd(i);
    if (end > i) {
      // A run of authors: this one and the next, or the one before.
      let run = [{ from: i, to: end }];
      let k = end;
      while (AUTHOR_SEPARATORS.has(tokens[k]?.text ?? '')) {
        const next = Math.max(authorEnd(k + 1), authorEnd(k + 1, true));
        if (next === k + 1) break;
        run.push({ from: k + 1, to: next });
        k = next;
      }
      if (run.length < 2) run = [];
      for (const author of run) out.push(candidate(section, author.from, author.to, 'Person', 'author', 66));
      i = Math.max(i, k - 1);
      continue;
    }
    // `SCHMIDT, ANNA`: capitals, comma, a given name in capitals.
    const surname = tokens[i];
    const given = tokens[i + 2];
    if (!surname || !given || !isAllCaps(surname.text) || !isAllCaps(given.text) || tokens[i + 1]?.text !== ',') continue;
    if (matchGazetteer(tokens, i) || matchGazetteer(tokens, i + 2)) continue;
    const title = given.text.charAt(0) + given.text.slice(1).toLowerCase();
    if (!isGivenName(title)) continue;
    out.push(candidate(section, i, i + 3, 'Person', 'surname-first', 66));
    i += 2;
  }
  return out;
}
