/**
 * Where a name starts and ends in a token stream: legal forms that end company names, the words a
 * name may hold walking back from its end, and the name tokens after a title or given name.
 */
import { SHORT_BREAK } from './candidate.js';
import { isGivenName, matchGazetteer } from './gazetteer.js';
import { type Token, hasInnerCapital, isAbbreviation, isAllCaps, isCapitalised } from './tokens.js';
import { CONNECTORS, PERSON_TITLES, hasOrgHead, isCapitalisedAdjective, isFunctionWord, isProperish, isRole } from './words.js';

/**
 * Legal forms that end a company or association name, as token keys:
 * `Türkische Gemeinde in Deutschland e. V.`, `Tesla, Inc.`, `Borgers SE & Co KGaA`.
 */
const LEGAL_FORMS = [
  'e . V .', 'e . V', 'eV', 'e.V', 'GmbH & Co . KG', 'GmbH & Co KG', 'SE & Co . KGaA', 'SE & Co KGaA', 'AG & Co . KGaA',
  'gGmbH', 'GmbH', 'mbH', 'AG', 'SE', 'KGaA', 'KG', 'OHG', 'eG', 'e . G .', 'UG', 'gAG', 'LLC', 'Inc .', 'Inc', 'Corp .',
  'Ltd .', 'Ltd', 'Limited', 'plc', 'PLC', 'S . A .', 'N . V .', 'B . V .', 'S . p . A .', 'A / S', 'AB', 'ASA', 'Oy',
].map((form) => form.split(' '));

/** Legal forms by their first token, for a quick lookup. */
const LEGAL_FORMS_BY_FIRST = new Map<string, string[][]>();
for (const form of LEGAL_FORMS) {
  const first = form[0] ?? '';
  LEGAL_FORMS_BY_FIRST.set(first, [...(LEGAL_FORMS_BY_FIRST.get(first) ?? []), form]);
}

/**
 * Whether a legal form ends a token range: `Kinowerbung.de GmbH & Co. KG`, `Lesewelt Nordheide e. V.`, `Acme Inc.`.
 *
 * @param tokens Section tokens.
 * @param from First token of the range.
 * @param end Token after its last.
 * @returns True when the range's last tokens are a legal form.
 */
export function endsInLegalForm(tokens: readonly Token[], from: number, end: number): boolean {
  return legalFormStart(tokens, from, end) !== undefined;
}

/**
 * Where the legal form that ends a token range begins: at `GmbH` of `Meyer Werft GmbH`.
 *
 * @param tokens Section tokens.
 * @param from First token of the range.
 * @param end Token after its last.
 * @returns The index of its first token, or undefined where no legal form ends the range.
 */
export function legalFormStart(tokens: readonly Token[], from: number, end: number): number | undefined {
  for (let k = Math.max(from, end - LONGEST_LEGAL_FORM); k < end; k++) if (legalFormAt(tokens, k) === end - k) return k;
  return undefined;
}

/** Tokens of the longest legal form: `S . p . A .`. */
const LONGEST_LEGAL_FORM = 8;

/** Legal forms printed after a comma: `Tesla, Inc.`. */
export const COMMA_LEGAL_FORMS = new Set(['Inc', 'Ltd', 'LLC', 'Corp', 'Limited']);

/**
 * The legal form printed at a token, if any.
 *
 * @param tokens Section tokens.
 * @param at Index.
 * @returns Its length in tokens, or 0.
 */
export function legalFormAt(tokens: readonly Token[], at: number): number {
  let best = 0;
  const forms = LEGAL_FORMS_BY_FIRST.get(tokens[at]?.text ?? '');
  if (!forms) return 0;
  for (const form of forms) {
    if (form.length <= best) continue;
    let ok = true;
    for (let k = 0; k < form.length && ok; k++) ok = tokens[at + k]?.text === form[k];
    if (ok) best = form.length;
  }
  return best;
}

/**
 * Compound tails of words that describe what kind of company or body follows: `Solarfirma Meyer Burger`,
 * `Batteriehersteller Northvolt`, `des Trägers Türkische Gemeinde`.
 */
export const DESCRIPTOR_TAIL = /(?:firma|firmen|hersteller|herstellers|konzern|konzerns|unternehmen|unternehmens|anbieter|anbieters|betreiber|betreibers|träger|trägers|empfänger|empfängers|partner|partners|dienstleister|dienstleisters|händler|händlers|plattform|verein|vereins|verband|verbands|verbandes|dachverband|dachverbandes|tochter|tochterfirma|gesellschaft)$/u;

/** Quotation marks that open a quoted name: `„`, `“` (English style), `"`, `»`, `«`, `‚`. */
export const OPEN_QUOTES = new Set(['„', '“', '"', '»', '«', '‚']);

/** Quotation marks that close one. */
export const CLOSE_QUOTES = new Set(['“', '”', '"', '«', '»', '‘']);

/** Person tokens never taken for a name part: they are titles or offices themselves. */
export const NOT_NAME = new Set(['Dr', 'Prof', 'Herr', 'Frau']);

/**
 * Whether a token may start a name: a proper-looking word, an institutional head, a capitalised
 * adjective, `The`, or a brand-like spelling; never a descriptor such as `Solarfirma`.
 *
 * @param token The token.
 * @returns True when a name may begin here.
 */
export function isNameStart(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word') return false;
  const text = token.text;
  if (hasInnerCapital(text)) return true;
  if (!isCapitalised(token) || isFunctionWord(text)) return false;
  if (DESCRIPTOR_TAIL.test(text.toLowerCase()) || isRole(text)) return false;
  if (text === 'The' || isAbbreviation(text)) return true;
  return isProperish(token) || hasOrgHead(text) || isCapitalisedAdjective(text) || isGivenName(text);
}

/**
 * Walk back from a name's end over the words a name can hold (capitalised words, connectors,
 * lower-case adjectives after a connector, `Kultur-,`, `(Germany)`).
 *
 * @param tokens Section tokens.
 * @param end Token after the region.
 * @param limit Most tokens to take.
 * @returns Index of the region's first token.
 */
export function nameRegionStart(tokens: readonly Token[], end: number, limit = 14): number {
  let k = end - 1;
  while (k >= 0 && end - k <= limit) {
    const token = tokens[k];
    if (!token) break;
    if (token.kind === 'word') {
      // `des Vereins Integrationsarbeit Kronsberg e. V.`: a descriptor before the name is no part of it.
      if (DESCRIPTOR_TAIL.test(token.text.toLowerCase()) && k < end - 1) break;
      if (isCapitalised(token) || hasInnerCapital(token.text)) {
        k--;
        continue;
      }
      if (CONNECTORS.has(token.text)) {
        // `Hertie-Stiftung und Die Lautmaler GmbH`: `und` before an article, or after a complete name, joins two names.
        if (token.text === 'und' && (isFunctionWord(tokens[k + 1]?.text ?? '') || hasOrgHead(tokens[k - 1]?.text ?? ''))) break;
        k--;
        continue;
      }
      // A lower-case adjective after a connector: `der islamischen Gemeinschaften`, `und gemeinnützige Studien`.
      const before = tokens[k - 1];
      if (before && CONNECTORS.has(before.text) && /(?:e|en|er|es)$/u.test(token.text) && !isFunctionWord(token.text)) {
        k--;
        continue;
      }
      break;
    }
    if (token.text === '&') {
      k--;
      continue;
    }
    if (token.text === ',' && tokens[k - 1]?.text.endsWith('-')) {
      k--;
      continue;
    }
    if (token.text === ')' && tokens[k - 2]?.text === '(' && isCapitalised(tokens[k - 1])) {
      k -= 3;
      continue;
    }
    break;
  }
  return k + 1;
}

/**
 * Name tokens after a title or given name: capitalised words that are no function word, no
 * institution and no place; the first may be a dictionary noun when `lenient`.
 *
 * @param tokens Section tokens.
 * @param at First token.
 * @param max Most tokens.
 * @param lenient Accept a dictionary noun as the first (surnames like `Butter`).
 * @returns Token after the name.
 */
export function nameTokensEnd(tokens: readonly Token[], at: number, max: number, lenient: boolean, breaks?: Uint8Array): number {
  let k = at;
  while (k < tokens.length && k - at < max) {
    const token = tokens[k];
    if (!token || token.kind !== 'word' || !isCapitalised(token) || isFunctionWord(token.text) || NOT_NAME.has(token.text)) break;
    if (token.text.endsWith('-') || hasOrgHead(token.text) || PERSON_TITLES.has(token.text)) break;
    if (matchGazetteer(tokens, k)) break;
    // A lone capital is a grade or a row label (`PSt B 3`), no name.
    if (token.text.length < 2) break;
    // A name does not run on into the next cell of a lost table (`Hagen Vereinbarkeit` / `Sanierung`);
    // the name after a title may start the next line of its cell (`BM’in a. D.` / `Schulze`).
    if (k > at && breaks?.[k] === SHORT_BREAK) break;
    // Capitals-only words are surnames (`Ali KHAMENEI`) right after the first name, not abbreviations after a name (`CEO`)
    // nor a two-letter code (`Achim NI`, the Land of a table row).
    const caps = isAllCaps(token.text.replace(/s$/u, ''));
    if (caps && (k > at ? token.text.length < 5 : token.text.length < 4)) break;
    if (!caps && isAbbreviation(token.text)) break;
    if (isAbstractNoun(token.text)) break;
    const properish = caps || isGivenName(token.text) || isProperish(token);
    // `Bundesministerin Katherina Reiche und`: a surname that is also a noun, after a first name, ending the phrase.
    const nounSurname = k === at + 1 && isProperish(tokens[at]) && !isAllCaps(tokens[at]?.text ?? '') && !isRole(token.text) && !isCapitalised(tokens[k + 1]);
    if (!properish && !(lenient && k === at) && !nounSurname) break;
    k++;
  }
  return k;
}

/**
 * Endings of abstract nouns, which no surname has: `Vereinbarkeit`, `Körperverletzung`, `Sanierung`,
 * `Fachöffentlichkeit`, `Wissenschaft`, `Kommunikation`, `Mobilität`, `Extremismus`. (`-ung` only on
 * long words: `Jung`, `Hartung` are surnames.)
 */
export const ABSTRACT_NOUN = /(?:keit|keiten|heit|heiten|schaft|schaften|tion|tionen|ität|itäten|ismus)$|^\p{Lu}\p{Ll}{5,}ung(?:en)?$/u;

/**
 * Whether a word is an abstract noun by its ending (see {@link ABSTRACT_NOUN}).
 *
 * @param text A capitalised word.
 * @returns True for `Vereinbarkeit`, false for `Hartung`.
 */
export function isAbstractNoun(text: string): boolean {
  return ABSTRACT_NOUN.test(text);
}
