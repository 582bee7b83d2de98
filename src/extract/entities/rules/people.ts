/**
 * Rules for people: after a title or office, by a known given name, in apposition to a role, and
 * the askers the header names.
 */
import { isGivenName, matchGazetteer } from '../gazetteer.js';
import { isNoun } from '../lexicon.js';
import { type Token, isAbbreviation, isCapitalised, keyOf, tokenize } from '../tokens.js';
import { DOTTED_TITLES, LEADING_ROLES, PERSON_TITLES, hasOrgHead, isCapitalisedAdjective, isFunctionWord, isProperish, isRole } from '../words.js';
import { candidate, crossesShortBreak, type Candidate, type RuleContext, type TokenSection } from '../candidate.js';
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
