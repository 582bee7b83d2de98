/**
 * Institutions named by a head word and its complement (`Bundesamt für Verfassungsschutz`, `Rat der
 * islamischen Gemeinschaften`), single body words (`Innenministerium`) and hyphenated names with an
 * institutional or event tail (`Ibn-Rushd-Goethe-Moschee`, `Al-Quds-Tag`).
 */
import { isGivenName, lookupName, matchGazetteer } from '../gazetteer.js';
import { isCommonNounLike, isNoun } from '../lexicon.js';
import { type Token, isAbbreviation, isCapitalised } from '../tokens.js';
import { CONNECTORS, hasLawHead, hasOrgHead, isCapitalisedAdjective, isFunctionWord, isProperish, isRole, isSpecificOrgHead } from '../words.js';
import { SHORT_BREAK, spanText, candidate, crossesShortBreak, type EntityType, type Candidate, type TokenSection } from '../candidate.js';

/**
 * Heads that take a genitive complement as part of their name (lower-cased tails): `Rat der islamischen
 * Gemeinschaften`, `Büro des Revolutionsführers`, `Bundesministerium der Finanzen`, `Gelehrtenrat der IGS`.
 */
const GENITIVE_HEAD = /(?:(?<![aeouäöü])rat|(?<![aeouäöü])rates|büro|büros|ministerium|ministeriums|sekretariat|kommission|zentrale)$/u;

/**
 * Heads that take a `für` complement as part of their name (lower-cased tails): `Bundesamt für Verfassungsschutz`,
 * `Institut für Evangelische Theologie`, `Stiftung für Islamische Studien`, `Landesbeauftragte für den Datenschutz`.
 */
const FOR_HEAD = /(?:ministerium|ministeriums|(?<!ges)amt|(?<!ges)amtes|(?<!ges)amts|institut|instituts|institutes|stiftung|beauftragte|beauftragter|beauftragten|stelle|zentrale|agentur|anstalt|kommission|zentrum|zentrums|akademie|(?<![aeouäöü])rat|(?<![aeouäöü])rates|gesellschaft|verein|verband|büro|netzwerk|förderung|programm|programms|fonds)$/u;

/** Heads of federal programmes, named with a `für` complement: `Bundesförderung für effiziente Gebäude`. */
const PROGRAMME_HEAD = /^\p{Lu}\p{Ll}{2,}(?:förderung|programm|programms|fonds)$/u;

/**
 * Consume the complement of an institutional head: `für Familie, Senioren, Frauen und Jugend`,
 * `für wirtschaftliche Zusammenarbeit und Entwicklung`, `der islamischen Gemeinschaften in Hamburg`.
 *
 * @param tokens Section tokens.
 * @param head The head word.
 * @param at Token after the head.
 * @returns Token after the complement, or `at` when there is none.
 */
function complementEnd(tokens: readonly Token[], head: string, at: number): number {
  const first = tokens[at];
  if (!first) return at;
  const lower = head.toLowerCase();
  const genitive = (first.text === 'der' || first.text === 'des') && GENITIVE_HEAD.test(lower);
  const purpose = first.text === 'für' && FOR_HEAD.test(lower);
  if (!genitive && !purpose) return at;
  let k = at + 1;
  if (first.text === 'für' && ['den', 'die', 'das'].includes(tokens[k]?.text ?? '')) k++;
  // `Innenausschuss des Deutschen Bundestages`: a known institution after the article is a name of its own.
  if (genitive && matchGazetteer(tokens, k)?.entry.type === 'Organization') return at;
  let lastGood = at;
  let words = 0;
  while (k < tokens.length && words < 12) {
    const token = tokens[k];
    if (!token) break;
    if (token.kind === 'word' && isCapitalised(token)) {
      // A new institution after `der`/`des` starts its own name: `Institut für … der Universität Paderborn`.
      const previous = tokens[k - 1]?.text ?? '';
      if ((previous === 'der' || previous === 'des') && k - 1 > at && (hasOrgHead(token.text) || matchGazetteer(tokens, k))) break;
      if (hasLawHead(token.text) || isRole(token.text)) break;
      k++;
      lastGood = k;
      words++;
      continue;
    }
    if (token.kind === 'word' && token.text.endsWith('-') && tokens[k + 1]?.text === 'und') {
      k++;
      continue;
    }
    if (token.kind === 'word' && ['und', 'im', 'in', 'der', 'des', 'für'].includes(token.text)) {
      const next = tokens[k + 1];
      if (!next || next.kind !== 'word' || isFunctionWord(next.text) && !['der', 'des'].includes(next.text)) break;
      k++;
      continue;
    }
    if (token.kind === 'word' && /(?:e|en|er|es)$/u.test(token.text) && !isFunctionWord(token.text) && isCapitalised(tokens[k + 1]) && CONNECTORS.has(tokens[k - 1]?.text ?? '')) {
      k++;
      continue;
    }
    // `Familie, Senioren, Frauen und Jugend`: a comma continues a list of single (maybe qualified) words.
    if (token.text === ',' && tokens[k - 1]?.kind === 'word') {
      const item = isCapitalised(tokens[k + 1]) ? k + 1 : /^\p{Ll}/u.test(tokens[k + 1]?.text ?? '') && isCapitalised(tokens[k + 2]) ? k + 2 : -1;
      const after = tokens[item + 1]?.text ?? '';
      if (item > 0 && (after === ',' || after === 'und')) {
        k++;
        continue;
      }
    }
    break;
  }
  return lastGood;
}

/** Single words that name a body by their tail: `Innenministerium`, `Innenausschuss`, `Bundesverfassungsgerichts`. */
const SINGLE_BODY = /^\p{Lu}\p{Ll}{2,}(?:ministerium|ministeriums|ausschuss|ausschusses|gericht|gerichts|gerichtshof|gerichtshofs|rechnungshof|rechnungshofs|polizei|kriminalamt|kriminalamts|verfassungsschutz|verfassungsschutzes)$/u;

/** Prefixes that leave such a word generic: `Bundesministerium` alone names no one ministry. */
const GENERIC_BODY = /^(?:Bundes|Landes|Fach|Verwaltungs|Amts|Unter|Haupt)(?:ministerium|ministeriums|gericht|gerichts|ausschuss|ausschusses)$/u;

/**
 * Institutions named by a head: `Bundesamt für Verfassungsschutz`, `Universität Tübingen`,
 * `Al-Mustafa Institut`, `Niedersächsischen Ministeriums für Inneres, Sport und Digitalisierung`,
 * `Landesverfassungsschutzes Hamburg`, `Innenausschuss`; hyphenated names such as `Ibn-Rushd-Goethe-Moschee`
 * and events such as `Al-Quds-Tag`.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function headRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind !== 'word' || !isCapitalised(token) || token.text.endsWith('-')) continue;
    const text = token.text;
    if (text.includes('-')) {
      const hyphenated = hyphenRule(section, i);
      if (hyphenated) out.push(hyphenated);
      continue;
    }
    const programme = PROGRAMME_HEAD.test(text) && tokens[i + 1]?.text === 'für';
    if ((!hasOrgHead(text) && !programme) || hasLawHead(text)) continue;
    // Gazetteer names are the gazetteer's: `Bundesregierung`, `Auswärtigen Amt`.
    if (matchGazetteer(tokens, i) || [1, 2].some((back) => (matchGazetteer(tokens, i - back)?.length ?? 0) > back)) continue;
    // Left: capitalised adjectives and proper words (`Zentrale Stelle`, `Al-Mustafa Institut`).
    let start = i;
    while (start > 0 && i - start < 2) {
      const before = tokens[start - 1];
      if (!before || !isCapitalised(before) || isFunctionWord(before.text)) break;
      if (isCapitalisedAdjective(before.text) || (isProperish(before) && !before.initial && !isCommonNounLike(before.text))) start--;
      else break;
    }
    let end = complementEnd(tokens, text, i + 1);
    let evidence = end > i + 1 || (start < i && !/beauftragte[nr]?$/u.test(text));
    if (end === i + 1) {
      const next = tokens[i + 1];
      const place = matchGazetteer(tokens, i + 1);
      if (place && place.entry.type === 'Place') {
        end = i + 1 + place.length;
        evidence = true;
      } else if (next && isProperish(next) && !isAbbreviation(next.text) && !hasOrgHead(next.text) && !hasLawHead(next.text) && !isGivenName(next.text) && !isCommonNounLike(next.text) && section.shortBreaks?.[i + 1] !== SHORT_BREAK) {
        end = i + 2;
        evidence = true;
        // `Agentur Scholz & Friends`: a name of partners runs on over the ampersand.
        if (tokens[end]?.text === '&' && isCapitalised(tokens[end + 1]) && !isFunctionWord(tokens[end + 1]?.text ?? '') && section.shortBreaks?.[end + 1] !== SHORT_BREAK) end += 2;
      }
    }
    if (!evidence) {
      if (SINGLE_BODY.test(text) && !GENERIC_BODY.test(text)) out.push(candidate(section, i, i + 1, 'Organization', 'body-word', 60));
      continue;
    }
    // A generic head with only an adjective (`Parlamentarische Kontrolle` is no head; `Zentrale Stelle` alone is too weak).
    if (end === i + 1 && !isSpecificOrgHead(text) && !tokens.slice(start, i).some((t) => isProperish(t) && !isCapitalisedAdjective(t.text))) continue;
    const content = spanText(section, start, end);
    if (/[.!?]/u.test(content) || crossesShortBreak(section, start, end)) continue;
    out.push(candidate(section, start, end, programme ? 'Other' : 'Organization', 'head', 75));
    i = end - 1;
  }
  return out;
}

/** Tails of hyphenated names that make them institutions (lower-cased): `Ibn-Rushd-Goethe-Moschee`, `Al-Mustafa-Instituts`. */
const HYPHEN_ORG_TAIL = /^(?:institut|instituts|institutes|universität|moschee|moscheen|zentrum|zentrums|stiftung|akademie|hochschule|kommission|gemeinde|verein|vereins|verband|verbands|klinik|klinikum|schule|bundesamt|amt|amtes|behörde|konzern|gruppe|werke|werft|werften|bank)$/u;

/** Tails of hyphenated names that make them events (lower-cased): `Al-Quds-Tag`, `Quds-Marsches`, `Al-Quds-Demonstrationen`. */
const HYPHEN_EVENT_TAIL = /^(?:tag|tages|tage|marsch|marsches|märsche|demonstration|demonstrationen|gipfel|gipfels|konferenz|festival|festivals)$/u;

/**
 * A hyphenated proper name with an institutional or event tail.
 *
 * @param section The section.
 * @param at The token.
 * @returns A candidate, or undefined.
 */
function hyphenRule(section: TokenSection, at: number): Candidate | undefined {
  const token = section.tokens[at];
  if (!token) return undefined;
  const parts = token.text.split(/[-‐]/u);
  const tail = (parts.at(-1) ?? '').toLowerCase();
  const type: EntityType | undefined = HYPHEN_ORG_TAIL.test(tail) ? 'Organization' : HYPHEN_EVENT_TAIL.test(tail) ? 'Other' : undefined;
  if (!type) return undefined;
  const heads = parts.slice(0, -1);
  const proper = heads.some((part) => {
    if (part.length < 2 || !/^\p{Lu}/u.test(part)) return false;
    if (isAbbreviation(part)) return true;
    return !isNoun(part) && !isFunctionWord(part) && !isCommonNounLike(part) && lookupName(part)?.type !== 'Place';
  });
  if (!proper) return undefined;
  return candidate(section, at, at + 1, type, 'hyphen-name', 74);
}
