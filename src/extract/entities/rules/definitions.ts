/**
 * Short forms defined in the text: `„Islamisches Zentrum Hamburg“ (IZH)`, `(im Folgenden: Starlink)`,
 * and `ABK – Long Form` where the long form's initials spell the short form.
 */
import { matchGazetteer } from '../gazetteer.js';
import { isCommonNounLike } from '../lexicon.js';
import { type Token, hasInnerCapital, isAbbreviation, isAllCaps, isCapitalised } from '../tokens.js';
import { CONNECTORS, hasLawHead, hasOrgHead, hasOtherHead, isCapitalisedAdjective, isProperish, isSpecificOrgHead } from '../words.js';
import { candidate, type EntityType, type Candidate, type TokenSection, type Definition } from '../candidate.js';
import { legalFormAt, OPEN_QUOTES, CLOSE_QUOTES, nameRegionStart } from '../name-span.js';

/** Words that introduce a chosen short name: `(im Folgenden: Starlink)`, `(nachfolgend „BMZ“)`, `(kurz: IZH)`. */
const SHORT_NAME_INTRO = new Set(['Folgenden', 'folgenden', 'nachfolgend', 'kurz', 'fortan', 'künftig']);

/**
 * Align an abbreviation with the words before it (Schwartz and Hearst): every letter of the short form
 * must occur, in order, in the long form, and its first letter must start a word.
 *
 * @param short The abbreviation, e.g. `ZITiS`.
 * @param tokens Section tokens.
 * @param windowStart First token the long form may start at.
 * @param end Token after the long form.
 * @returns The long form's first token, or undefined.
 */
function alignAbbreviation(short: string, tokens: readonly Token[], windowStart: number, end: number): number | undefined {
  const letters = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < 2) return undefined;
  let s = letters.length - 1;
  let t = end - 1;
  let c = (tokens[t]?.text.length ?? 0) - 1;
  while (s >= 0) {
    if (t < windowStart) return undefined;
    const word = (tokens[t]?.text ?? '').toLowerCase();
    if (c < 0) {
      t--;
      c = (tokens[t]?.text.length ?? 0) - 1;
      continue;
    }
    const atWordStart = c === 0 || word.charAt(c - 1) === '-';
    if (word.charAt(c) === letters.charAt(s) && (s > 0 || c === 0 || atWordStart)) {
      s--;
      if (s < 0) return c === 0 ? t : t;
    }
    c--;
  }
  return undefined;
}

/** Words that are an institutional head as nouns and an adjective before another noun: `Zentrale`, `Zentralen`. */
const ADJECTIVE_OF_HEAD = /^Zentral(?:e|en|er|es)$/u;

/**
 * Type of a long form from its words.
 *
 * @param tokens Section tokens.
 * @param from First token.
 * @param to Token after the last.
 * @returns Its type, or undefined when it names no entity (a law, a common noun).
 */
function longFormType(tokens: readonly Token[], from: number, to: number): EntityType | undefined {
  const words = tokens.slice(from, to).filter((t) => t.kind === 'word');
  const capitalised = words.filter((t) => isCapitalised(t));
  if (capitalised.length === 0) return undefined;
  for (let k = from; k < to; k++) if (legalFormAt(tokens, k) > 0 && k > from) return 'Organization';
  const gazetteer = matchGazetteer(tokens, from);
  if (gazetteer?.length === to - from) return gazetteer.entry.type;
  // The head is the first capitalised word that is no adjective: `Polizeiliche Eingangsstatistik der Bundespolizei`.
  // An adjective that is also a head noun (`Zentrale Innovationsprogramm Mittelstand`) yields to the noun after it.
  const head = capitalised.find((t, k) => !isCapitalisedAdjective(t.text) && !(ADJECTIVE_OF_HEAD.test(t.text) && hasOtherHead(capitalised[k + 1]?.text ?? ''))) ?? capitalised[0];
  if (!head || hasLawHead(head.text)) return undefined;
  if (hasOrgHead(head.text) && (capitalised.length > 1 || isSpecificOrgHead(head.text))) return 'Organization';
  if (hasOtherHead(head.text) && capitalised.length > 1) return 'Other';
  // English or foreign names: `Open Government Partnership`, two or more words, none a German noun.
  const proper = capitalised.filter((t) => isProperish(t) && !isCapitalisedAdjective(t.text) && !isCommonNounLike(t.text));
  if (capitalised.length >= 2 && proper.length >= 2 && words.every((t) => isCapitalised(t) || CONNECTORS.has(t.text))) return 'Organization';
  return undefined;
}

/** How far back a law's title may open before its short form: `Gesetz zur Beschleunigung der … (…)`. */
const LAW_TITLE_WINDOW = 14;

/**
 * Whether a law's head word (`Gesetzes`, `Verordnung`) stands in the same sentence shortly before a token.
 *
 * @param tokens Section tokens.
 * @param end The token after the long form.
 * @returns True when the long form is a law's title.
 */
function lawBefore(tokens: readonly Token[], end: number): boolean {
  for (let k = end - 1; k >= 0 && end - k <= LAW_TITLE_WINDOW; k--) {
    const token = tokens[k];
    if (!token || token.text === '.' || token.text === ';' || token.text === ')') return false;
    if (token.kind === 'word' && isCapitalised(token) && hasLawHead(token.text)) return true;
  }
  return false;
}

/**
 * Definitions of short forms: `„Islamisches Zentrum Hamburg“ (IZH)`, `Bundespolizei (BPOL)`,
 * `Starlink Internet Services Limited (im Folgenden: Starlink)`, `dbb … tarifunion (dbb)`.
 *
 * @param section The section.
 * @returns Definitions, to be resolved against the other candidates.
 */
export function definitionRule(section: TokenSection): Definition[] {
  const out: Definition[] = [];
  const tokens = section.tokens;
  for (let p = 1; p < tokens.length; p++) {
    if (tokens[p]?.text !== '(') continue;
    let k = p + 1;
    let chosen = false;
    if (tokens[k]?.text === 'im' && SHORT_NAME_INTRO.has(tokens[k + 1]?.text ?? '')) {
      k += 2;
      chosen = true;
    } else if (SHORT_NAME_INTRO.has(tokens[k]?.text ?? '')) {
      k += 1;
      chosen = true;
    }
    if (chosen && tokens[k]?.text === ':') k++;
    const quoted = OPEN_QUOTES.has(tokens[k]?.text ?? '');
    if (quoted) k++;
    const short = tokens[k];
    if (!short || short.kind !== 'word') continue;
    let shortTo = k + 1;
    if (quoted && CLOSE_QUOTES.has(tokens[shortTo]?.text ?? '')) shortTo++;
    if (tokens[shortTo]?.text !== ')') continue;
    const shortText = short.text;
    const plausible = chosen ? isCapitalised(short) || hasInnerCapital(shortText) : isAbbreviation(shortText) || hasInnerCapital(shortText) || /^\p{Ll}{2,6}$/u.test(shortText);
    if (!plausible) continue;
    let longTo = p;
    let longFrom: number | undefined;
    let type: EntityType | undefined;
    const closing = tokens[longTo - 1];
    if (closing && CLOSE_QUOTES.has(closing.text)) {
      // `„Long form“ (ABK)`: the quotes bound the long form.
      let open = longTo - 2;
      while (open >= 0 && longTo - open < 20 && !OPEN_QUOTES.has(tokens[open]?.text ?? '')) open--;
      if (open >= 0 && OPEN_QUOTES.has(tokens[open]?.text ?? '')) {
        longFrom = open + 1;
        longTo -= 1;
      }
    } else if (!chosen) {
      const windowStart = Math.max(nameRegionStart(tokens, longTo, 16), longTo - 16);
      // `der dbb niedersachsen … (dbb)`: the short form repeats the long form's first word.
      for (let s = longTo - 1; s >= windowStart && s >= longTo - 8; s--) {
        if (tokens[s]?.text.toLowerCase() === shortText.toLowerCase()) longFrom = s;
      }
      if (longFrom === undefined && /^\p{Lu}/u.test(shortText)) {
        const aligned = alignAbbreviation(shortText, tokens, windowStart, longTo);
        if (aligned !== undefined && (isCapitalised(tokens[aligned]) || hasInnerCapital(tokens[aligned]?.text ?? ''))) longFrom = aligned;
      }
    }
    // `des Gesetzes zur beschleunigten Planung und Beschaffung für die Bundeswehr (BwPBBG)`: an unaligned short
    // form after a law's title names the law, not the body at its end.
    if (longFrom === undefined && !chosen && lawBefore(tokens, longTo)) {
      p = shortTo;
      continue;
    }
    if (longFrom !== undefined && longFrom < longTo) {
      type = longFormType(tokens, longFrom, longTo);
      if (!type && tokens[longFrom]?.text.toLowerCase() === shortText.toLowerCase()) type = 'Organization';
    }
    out.push({ section: section.index, shortFrom: k, shortTo: k + 1, longTo, longFrom, type });
    p = shortTo;
  }
  return out;
}

/**
 * `ABK – Long Form` where the long form's initials spell the short form:
 * `EMPOWERED – Electro Magnetic Power Optimization for Wireless Energy and Radio Emission Directives`.
 *
 * @param section The section.
 * @returns Candidates for the long form, linked to the short form.
 */
export function dashDefinitionRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const short = tokens[i];
    if (!short || !isAllCaps(short.text) || short.text.length < 3) continue;
    if (tokens[i + 1]?.text !== '–' && tokens[i + 1]?.text !== '-') continue;
    let k = i + 2;
    let initials = '';
    let end = k;
    while (k < tokens.length && k - i < 24) {
      const token = tokens[k];
      if (!token || token.kind !== 'word') break;
      if (isCapitalised(token)) {
        initials += token.text.charAt(0).toLowerCase();
        end = k + 1;
      } else if (!CONNECTORS.has(token.text)) break;
      k++;
      if (initials === short.text.toLowerCase()) break;
    }
    if (initials !== short.text.toLowerCase()) continue;
    // The head is the last word of an English name, the first of a German one.
    const words = tokens.slice(i + 2, end).filter((t) => isCapitalised(t) && !isCapitalisedAdjective(t.text));
    const type = [words[0], words.at(-1)].some((t) => t !== undefined && hasOrgHead(t.text)) ? 'Organization' : 'Other';
    out.push(candidate(section, i, end, type, 'dash-definition', 82, { nameFrom: i + 2, nameTo: end, links: [short.text] }));
    i = end - 1;
  }
  return out;
}
