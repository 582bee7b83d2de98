/**
 * Rules that propose entity spans in one section: gazetteer hits, legal forms, institutional heads,
 * quoted names, abbreviation definitions, company cues, lists, and people by title, given name, role
 * or the askers named in the header. Each proposal is a `Candidate`; `merge.ts` decides between them.
 */
import type { Entity } from '../../model.js';
import { isGivenName, lookupName, matchGazetteer } from './gazetteer.js';
import { isCommonNounLike, isNoun } from './lexicon.js';
import type { Token } from './tokens.js';
import { hasInnerCapital, isAbbreviation, isAllCaps, isCapitalised, keyOf, tokenize } from './tokens.js';
import {
  CONNECTORS,
  DOTTED_TITLES,
  LEADING_ROLES,
  PERSON_TITLES,
  hasLawHead,
  hasOrgHead,
  hasOtherHead,
  isCapitalisedAdjective,
  isFunctionWord,
  isProperish,
  isRole,
  isSpecificOrgHead,
} from './words.js';

/** Entity type. */
export type EntityType = Entity['type'];

/** A proposed entity span in one section. */
export interface Candidate {
  /** Index of the section. */
  section: number;
  /** First token of the printed span (a title included). */
  from: number;
  /** Token after the span. */
  to: number;
  /** First token of the name proper (after a title or `Fraktion der`). */
  nameFrom: number;
  /** Token after the name proper. */
  nameTo: number;
  type: EntityType;
  /** Which rule proposed it, for tests and debugging. */
  rule: string;
  /** Higher wins an overlap. */
  priority: number;
  /** The gazetteer's canonical name, when from the gazetteer. */
  canonical?: string;
  /** Other printed names this span is known to share an entity with (abbreviations). */
  links?: string[];
  /** A list item may lose its start to an overlapping, stronger span. */
  trimmable?: boolean;
}

/** What the rules know about the document as a whole. */
export interface RuleContext {
  /** Askers named in the header, as printed names (`Volker Beck`). */
  askers: string[];
  /** Constituencies printed after askers (`Köln`). */
  constituencies: string[];
}

/** A section as the rules see it. */
export interface TokenSection {
  index: number;
  kind: 'meta' | 'preamble' | 'question' | 'answer';
  text: string;
  tokens: Token[];
}

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

/** Legal forms printed after a comma: `Tesla, Inc.`. */
const COMMA_LEGAL_FORMS = new Set(['Inc', 'Ltd', 'LLC', 'Corp', 'Limited']);

/**
 * The legal form printed at a token, if any.
 *
 * @param tokens Section tokens.
 * @param at Index.
 * @returns Its length in tokens, or 0.
 */
function legalFormAt(tokens: readonly Token[], at: number): number {
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
const DESCRIPTOR_TAIL = /(?:firma|firmen|hersteller|herstellers|konzern|konzerns|unternehmen|unternehmens|anbieter|anbieters|betreiber|betreibers|träger|trägers|empfänger|empfängers|partner|partners|dienstleister|dienstleisters|händler|händlers|plattform|verein|vereins|verband|verbands|verbandes|dachverband|dachverbandes|tochter|tochterfirma|gesellschaft)$/u;

/** A cue word right before a company name: `Firma Starlink`, `Unternehmens SpaceX`, `Batteriehersteller Northvolt`. */
const COMPANY_CUE = /(?:firma|unternehmen|unternehmens|konzern|konzerns|hersteller|herstellers|anbieter|anbieters|betreiber|betreibers|plattform|netzwerk|netzwerks|dienst|dienstes|start-up|startup)$/u;

/** The noun after `X und …` that makes X a company: `Neuralink und Tochterfirmen`. */
const SUBSIDIARIES = /^(?:Tochterfirmen|Tochterunternehmen|Tochtergesellschaften|Töchter|Tochterfirma)$/u;

/** Nouns before a quoted name that make it a programme, project or event: `Bundesprogramm „Demokratie leben!“`. */
const OTHER_TYPE_NOUN = /(?:programm|programms|programmes|projekt|projekts|projektes|modellprojekt|workshop|workshops|kampagne|wettbewerb|wettbewerbs|preis|preises|gemeinschaftsaufgabe|aktionsplan|strategie|veranstaltung|veranstaltungsreihe|tagung|konferenz|kongress|festival|fonds|siegel|label|gütesiegel)$/u;

/** Nouns before a quoted name that make it an organisation: `Initiative „Open Government Partnership“`, `Verein „…“`. */
const ORG_TYPE_NOUN = /(?:initiative|verein|vereins|verband|verbands|verbandes|dachverband|dachverbands|dachverbandes|organisation|gruppierung|bündnis|bündnisses|netzwerk|netzwerks|partei|bewegung|stiftung|träger|trägers|firma|unternehmen|unternehmens|zentrum|zentrums|institut|instituts|gremium|gremiums)$/u;

/** Quotation marks that open a quoted name: `„`, `“` (English style), `"`, `»`, `«`, `‚`. */
const OPEN_QUOTES = new Set(['„', '“', '"', '»', '«', '‚']);

/** Quotation marks that close one. */
const CLOSE_QUOTES = new Set(['“', '”', '"', '«', '»', '‘']);

/** Words that introduce a chosen short name: `(im Folgenden: Starlink)`, `(nachfolgend „BMZ“)`, `(kurz: IZH)`. */
const SHORT_NAME_INTRO = new Set(['Folgenden', 'folgenden', 'nachfolgend', 'kurz', 'fortan', 'künftig']);

/** Person tokens never taken for a name part: they are titles or offices themselves. */
const NOT_NAME = new Set(['Dr', 'Prof', 'Herr', 'Frau']);

/**
 * Text of a token range in a section.
 *
 * @param section The section.
 * @param from First token.
 * @param to Token after the last.
 * @returns The printed text.
 */
export function spanText(section: TokenSection, from: number, to: number): string {
  const first = section.tokens[from];
  const last = section.tokens[to - 1];
  return first && last ? section.text.slice(first.start, last.end) : '';
}

/**
 * Make a candidate.
 *
 * @param section The section.
 * @param from First token.
 * @param to Token after the last.
 * @param type Type.
 * @param rule Rule name.
 * @param priority Priority.
 * @param extra More fields.
 * @returns The candidate.
 */
function candidate(
  section: TokenSection,
  from: number,
  to: number,
  type: EntityType,
  rule: string,
  priority: number,
  extra: Partial<Candidate> = {},
): Candidate {
  return { section: section.index, from, to, nameFrom: from, nameTo: to, type, rule, priority, ...extra };
}

/**
 * Whether a token may start a name: a proper-looking word, an institutional head, a capitalised
 * adjective, `The`, or a brand-like spelling; never a descriptor such as `Solarfirma`.
 *
 * @param token The token.
 * @returns True when a name may begin here.
 */
function isNameStart(token: Token | undefined): boolean {
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
function nameRegionStart(tokens: readonly Token[], end: number, limit = 14): number {
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

/** Determiners before a noun: `das Essen`, `die Bayern` are no places. */
const DETERMINERS = new Set(['der', 'die', 'das', 'dem', 'den', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'kein', 'keine']);

/**
 * Whether a one-word gazetteer hit may be a common noun or a given name instead (`Essen`, `Caritas`, `Otto`).
 *
 * @param tokens Section tokens.
 * @param at The word.
 * @param type The gazetteer type.
 * @returns True when the hit should not count.
 */
function ambiguous(tokens: readonly Token[], at: number, type: EntityType): boolean {
  const text = tokens[at]?.text ?? '';
  if (isGivenName(text) && isCapitalised(tokens[at + 1]) && !isFunctionWord(tokens[at + 1]?.text ?? '')) return true;
  if (!isNoun(text)) return false;
  // A place that is also a noun (`Bayern`, `Essen`) is the place unless a determiner makes it the noun.
  if (type === 'Place') return DETERMINERS.has((tokens[at - 1]?.text ?? '').toLowerCase());
  return true;
}

/**
 * Gazetteer hits: places, institutions, parties; `Fraktion der AfD` as a mention of `AfD`.
 *
 * @param section The section.
 * @returns Candidates.
 */
function gazetteerRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind !== 'word') continue;
    const match = matchGazetteer(tokens, i);
    if (!match) continue;
    const end = i + match.length;
    if (match.length === 1 && !isAbbreviation(token.text) && ambiguous(tokens, i, match.entry.type)) continue;
    // `Landesregierung(en)`: a plural marker makes the word generic.
    const marker = tokens[end];
    if (marker?.text === '(' && marker.start === tokens[end - 1]?.end && tokens[end + 2]?.text === ')' && /^\p{Ll}{1,3}$/u.test(tokens[end + 1]?.text ?? '')) continue;
    // The running header `Deutscher Bundestag Drucksache 21/375` or `Niedersächsischer Landtag – 19. Wahlperiode`.
    const next = tokens[end];
    if (section.kind === 'meta' && next && (next.text === 'Drucksache' || ((next.text === '–' || next.text === '-') && tokens[end + 1]?.kind === 'number'))) {
      i = end - 1;
      continue;
    }
    let from = i;
    if (match.entry.type === 'Organization') {
      if (tokens[i - 1]?.text === 'Fraktion') from = i - 1;
      else if (tokens[i - 2]?.text === 'Fraktion' && (tokens[i - 1]?.text === 'der' || tokens[i - 1]?.text === 'die')) from = i - 2;
    }
    out.push(candidate(section, from, end, match.entry.type, 'gazetteer', 70 + match.length, { nameFrom: i, nameTo: end, canonical: match.entry.name }));
    i = end - 1;
  }
  return out;
}

/**
 * Names ending in a legal form: `Türkische Gemeinde in Deutschland e. V.`, `Meyer Burger (Germany) GmbH`.
 *
 * @param section The section.
 * @returns Candidates.
 */
function legalFormRule(section: TokenSection, people: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const length = legalFormAt(tokens, i);
    if (length === 0) continue;
    let end = i;
    if (tokens[i - 1]?.text === ',' && COMMA_LEGAL_FORMS.has(tokens[i]?.text ?? '')) end = i - 1;
    // A person printed before the name (`StS Grünberger Tafel Deutschland e.V.`) bounds it.
    const person = people.filter((p) => p.to <= end && p.to > end - 15).reduce((last, p) => Math.max(last, p.to), 0);
    const regionStart = Math.max(nameRegionStart(tokens, end), person);
    let start = -1;
    // After an article or preposition the whole region is the name (`die Nordlicht Software Systems Limited`),
    // unless it opens with a common noun and a genitive (`das Vermögen der Meyer Burger GmbH`).
    const before = tokens[regionStart - 1]?.text ?? '';
    const bounded = (regionStart > 0 && isFunctionWord(before) && /^\p{Ll}/u.test(before)) || (person > 0 && regionStart === person);
    let first = regionStart;
    // `das Vermögen der Haller Maschinenbau GmbH`: skip a common noun and its genitive article.
    while (['der', 'des', 'von'].includes(tokens[first + 1]?.text ?? '') && isCommonNounLike(tokens[first]?.text ?? '') && !hasOrgHead(tokens[first]?.text ?? '') && first + 2 < end) first += 2;
    const opening = tokens[first];
    if ((bounded || first > regionStart) && opening && isCapitalised(opening) && !isFunctionWord(opening.text) && !isRole(opening.text) && !DESCRIPTOR_TAIL.test(opening.text.toLowerCase()) && !PERSON_TITLES.has(opening.text)) {
      start = first;
    }
    for (let s = regionStart; s < end && start < 0; s++) {
      if (isNameStart(tokens[s])) start = s;
    }
    if (start < 0) continue;
    // Trailing connectors cannot end a name, nor can a lone `The` make one.
    if (!tokens.slice(start, end).some((token) => (isCapitalised(token) || hasInnerCapital(token.text)) && token.text !== 'The')) continue;
    // `Deutschland e.V.` after a name the region missed is no name by itself.
    const place = matchGazetteer(tokens, start);
    if (place && place.entry.type === 'Place' && start + place.length >= end) continue;
    out.push(candidate(section, start, i + length, 'Organization', 'legal-form', 85));
    i += length - 1;
  }
  return out;
}

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
function headRule(section: TokenSection): Candidate[] {
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
      } else if (next && isProperish(next) && !isAbbreviation(next.text) && !hasOrgHead(next.text) && !hasLawHead(next.text) && !isGivenName(next.text)) {
        end = i + 2;
        evidence = true;
      }
    }
    if (!evidence) {
      if (SINGLE_BODY.test(text) && !GENERIC_BODY.test(text)) out.push(candidate(section, i, i + 1, 'Organization', 'body-word', 60));
      continue;
    }
    // A generic head with only an adjective (`Parlamentarische Kontrolle` is no head; `Zentrale Stelle` alone is too weak).
    if (end === i + 1 && !isSpecificOrgHead(text) && !tokens.slice(start, i).some((t) => isProperish(t) && !isCapitalisedAdjective(t.text))) continue;
    const content = spanText(section, start, end);
    if (/[.!?]/u.test(content)) continue;
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

/**
 * Quoted names typed by the noun before them or by their own head: `Bundesprogramm „Demokratie leben!“`,
 * `„Islamisches Zentrum Hamburg“`, `„Büro des Revolutionsführers“`, `„Expertenrates“`.
 *
 * @param section The section.
 * @returns Candidates.
 */
function quoteRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (!open || !OPEN_QUOTES.has(open.text)) continue;
    let close = -1;
    for (let k = i + 1; k < tokens.length && k <= i + 18; k++) {
      if (CLOSE_QUOTES.has(tokens[k]?.text ?? '')) {
        close = k;
        break;
      }
    }
    if (close <= i + 1) continue;
    const from = i + 1;
    let to = close;
    const first = tokens[from];
    if (!first || !(isCapitalised(first) || hasInnerCapital(first.text))) continue;
    const inner = tokens.slice(from, to);
    if (inner.some((t) => t.text === '.' || t.text === '?' || t.text === ';' || t.text === ':')) continue;
    if (tokens[to - 1]?.text === '!' || tokens[to - 1]?.text === ',') {
      // `Demokratie leben!` keeps its exclamation mark; a trailing comma does not belong.
      if (tokens[to - 1]?.text === ',') to--;
    }
    const before = tokens[i - 1];
    const beforeText = before?.kind === 'word' ? before.text.toLowerCase() : '';
    let type: EntityType | undefined;
    if (beforeText && OTHER_TYPE_NOUN.test(beforeText)) type = 'Other';
    else if (beforeText && ORG_TYPE_NOUN.test(beforeText)) type = 'Organization';
    if (before && before.kind === 'word' && (hasLawHead(before.text) || /(?:titel|status|grad|motto|begriff|stichwort|schlagwort|thema|themenfeld|programmbereich|überschrift)$/u.test(beforeText))) type = undefined;
    if (!type) type = quotedType(tokens, from, to);
    if (!type) continue;
    out.push(candidate(section, from, to, type, 'quoted', 80));
    i = close;
  }
  return out;
}

/**
 * Type a quoted phrase by its own words.
 *
 * @param tokens Section tokens.
 * @param from First token inside the quotes.
 * @param to Token after the last inside.
 * @returns The type, or undefined when the phrase names nothing.
 */
function quotedType(tokens: readonly Token[], from: number, to: number): EntityType | undefined {
  const inner = tokens.slice(from, to);
  if (inner.some((t, k) => legalFormAt(tokens, from + k) > 0 && k > 0)) return 'Organization';
  for (let k = 0; k < inner.length; k++) {
    const token = inner[k];
    if (!token || !isCapitalised(token)) continue;
    if (hasLawHead(token.text)) return undefined;
    if (hasOrgHead(token.text)) {
      const next = inner[k + 1];
      if (next && (next.text === 'und' || next.text === 'oder')) return undefined;
      // A generic head needs company: a proper word, an adjective, or a complement.
      const alone = inner.length === 1;
      if (alone && !isSpecificOrgHead(token.text)) return undefined;
      if (alone && isNoun(token.text)) return undefined;
      return 'Organization';
    }
    if (hasOtherHead(token.text) && token.text.includes('-')) return 'Other';
  }
  return undefined;
}

/** A definition found by its parentheses, resolved once all other candidates are known. */
export interface Definition {
  section: number;
  /** The short form's token range. */
  shortFrom: number;
  shortTo: number;
  /** Where the long form ends (token after it). */
  longTo: number;
  /** The long form's start, when alignment found one. */
  longFrom: number | undefined;
  /** Type of the long form from its words, when it can stand alone. */
  type: EntityType | undefined;
}

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
  const head = capitalised.find((t) => !isCapitalisedAdjective(t.text)) ?? capitalised[0];
  if (!head || hasLawHead(head.text)) return undefined;
  if (hasOrgHead(head.text) && (capitalised.length > 1 || isSpecificOrgHead(head.text))) return 'Organization';
  if (hasOtherHead(head.text) && capitalised.length > 1) return 'Other';
  // English or foreign names: `Open Government Partnership`, two or more words, none a German noun.
  const proper = capitalised.filter((t) => isProperish(t) && !isCapitalisedAdjective(t.text) && !isCommonNounLike(t.text));
  if (capitalised.length >= 2 && proper.length >= 2 && words.every((t) => isCapitalised(t) || CONNECTORS.has(t.text))) return 'Organization';
  return undefined;
}

/**
 * Definitions of short forms: `„Islamisches Zentrum Hamburg“ (IZH)`, `Bundespolizei (BPOL)`,
 * `Starlink Internet Services Limited (im Folgenden: Starlink)`, `dbb … tarifunion (dbb)`.
 *
 * @param section The section.
 * @returns Definitions, to be resolved against the other candidates.
 */
function definitionRule(section: TokenSection): Definition[] {
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
function dashDefinitionRule(section: TokenSection): Candidate[] {
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

/**
 * Companies after a cue (`der Firma Starlink`, `des Unternehmens SpaceX`, `Batteriehersteller Northvolt`)
 * or before `und Tochterfirmen` (`Neuralink und Tochterfirmen`).
 *
 * @param section The section.
 * @returns Candidates.
 */
function companyRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const cue = tokens[i];
    if (!cue || cue.kind !== 'word' || !isCapitalised(cue) || !COMPANY_CUE.test(cue.text.toLowerCase())) continue;
    const first = tokens[i + 1];
    if (!first || matchGazetteer(tokens, i + 1)?.entry.type === 'Place') continue;
    if (!(isCapitalised(first) || hasInnerCapital(first.text)) || isFunctionWord(first.text)) continue;
    let end = i + 2;
    while (end < tokens.length && end - i <= 4 && isProperish(tokens[end]) && !isAbbreviation(tokens[end]?.text ?? '')) end++;
    // `Firma Kranich Robotics`: a dictionary word may open the name when a proper word follows.
    if (!(isProperish(first) || hasInnerCapital(first.text)) && end === i + 2) continue;
    out.push(candidate(section, i + 1, end, 'Organization', 'company-cue', 62));
  }
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i]?.text !== 'und' || !SUBSIDIARIES.test(tokens[i + 1]?.text ?? '')) continue;
    const start = nameRegionStart(tokens, i, 6);
    let s = start;
    while (s < i && !(isNameStart(tokens[s]) && (isProperish(tokens[s]) || tokens[s]?.text === 'The' || hasInnerCapital(tokens[s]?.text ?? '')))) s++;
    if (s >= i) continue;
    if (!tokens.slice(s, i).some((t) => isProperish(t) || hasInnerCapital(t.text))) continue;
    out.push(candidate(section, s, i, 'Organization', 'subsidiaries', 63));
  }
  return out;
}

/** Most words in a list item: `International Rescue Committee (IRC) Deutschland`. */
const MAX_ITEM_WORDS = 7;

/**
 * Organisations in a semicolon list (`Aktion gegen Hunger; Ärzte der Welt Deutschland; Caritas Deutschland; …`),
 * when the list holds at least one item that is recognisably an organisation.
 *
 * @param section The section.
 * @param others Candidates of the other rules in this section, to check the evidence.
 * @returns Candidates, trimmable at their start.
 */
function listRule(section: TokenSection, others: readonly Candidate[]): Candidate[] {
  const tokens = section.tokens;
  const semicolons: number[] = [];
  tokens.forEach((token, k) => {
    if (token.text === ';') semicolons.push(k);
  });
  if (semicolons.length < 2) return [];
  const out: Candidate[] = [];
  // Segments between semicolons; the first may carry a prefix, the last must be an item on its own.
  const bounds: Array<[number, number]> = [];
  let previous = -1;
  for (const semicolon of semicolons) {
    bounds.push([previous + 1, semicolon]);
    previous = semicolon;
  }
  let run: Candidate[] = [];
  const flush = (): void => {
    if (run.length >= 3) {
      const evidence = run.some((item) =>
        others.some((o) => o.type === 'Organization' && o.from >= item.from && o.to <= item.to) ||
        tokens.slice(item.from, item.to).some((t, k) => legalFormAt(tokens, item.from + k) > 0 || hasOrgHead(t.text)),
      );
      if (evidence) out.push(...run);
    }
    run = [];
  };
  for (const [from, to] of bounds) {
    const item = listItem(section, from, to);
    // A person printed before the first item (`BM’in a. D. Schulze Aktion gegen Hunger`) is no part of it.
    const person = item && others.find((o) => o.type === 'Person' && o.from < item.from + 1 && o.to > item.from && o.to < item.to);
    if (item && person) {
      item.from = person.to;
      item.nameFrom = person.to;
    }
    if (item) run.push(item);
    else flush();
  }
  flush();
  return out;
}

/**
 * The list item at the end of a segment.
 *
 * @param section The section.
 * @param from First token of the segment.
 * @param to The semicolon after it.
 * @returns The item candidate, or undefined.
 */
function listItem(section: TokenSection, from: number, to: number): Candidate | undefined {
  const tokens = section.tokens;
  let end = to;
  // `Council (DRC) Deutschland)`: a stray closing parenthesis from a lost table cell.
  while (end > from && tokens[end - 1]?.text === ')' && !tokens.slice(from, end - 1).some((t) => t.text === '(' && tokens.indexOf(t) > end - 4)) {
    const opens = tokens.slice(from, end).filter((t) => t.text === '(').length;
    const closes = tokens.slice(from, end).filter((t) => t.text === ')').length;
    if (closes > opens) end--;
    else break;
  }
  let start = end;
  let words = 0;
  while (start > from) {
    const token = tokens[start - 1];
    if (!token) break;
    if (token.kind === 'word' && (isCapitalised(token) || hasInnerCapital(token.text) || CONNECTORS.has(token.text))) {
      start--;
      words++;
      continue;
    }
    if ((token.text === ')' || token.text === '(') && start - 1 > from) {
      start--;
      continue;
    }
    if (token.text === '.' && ['e', 'V'].includes(tokens[start - 2]?.text ?? '')) {
      start--;
      continue;
    }
    break;
  }
  while (start < end && (tokens[start]?.text === '(' || tokens[start]?.text === ')' || CONNECTORS.has(tokens[start]?.text ?? ''))) start++;
  if (start >= end || words === 0 || words > MAX_ITEM_WORDS + 3) return undefined;
  if (!isCapitalised(tokens[start]) && !hasInnerCapital(tokens[start]?.text ?? '')) return undefined;
  if (isFunctionWord(tokens[start]?.text ?? '')) return undefined;
  return candidate(section, start, end, 'Organization', 'list-item', 73);
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
function nameTokensEnd(tokens: readonly Token[], at: number, max: number, lenient: boolean): number {
  let k = at;
  while (k < tokens.length && k - at < max) {
    const token = tokens[k];
    if (!token || token.kind !== 'word' || !isCapitalised(token) || isFunctionWord(token.text) || NOT_NAME.has(token.text)) break;
    if (token.text.endsWith('-') || hasOrgHead(token.text) || PERSON_TITLES.has(token.text)) break;
    if (matchGazetteer(tokens, k)) break;
    // Capitals-only words are surnames (`Ali KHAMENEI`) right after the first name, not abbreviations after a name (`CEO`).
    const caps = isAllCaps(token.text.replace(/s$/u, ''));
    if (caps && k > at && token.text.length < 5) break;
    const properish = caps || isGivenName(token.text) || isProperish(token);
    if (!properish && !(lenient && k === at)) break;
    k++;
  }
  return k;
}

/**
 * People after a title or office: `Dr. Sedigheh Khansari Mousavi`, `Ayatollah Khamenei`, `Sts Flasbarth a. D.`,
 * `BM’in a. D. Schulze`.
 *
 * @param section The section.
 * @returns Candidates.
 */
function titleRule(section: TokenSection): Candidate[] {
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
    const nameEnd = nameTokensEnd(tokens, k, 3, false);
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
const NAME_PARTICLES = new Set(['von', 'van', 'de', 'der', 'zu', 'al', 'el', 'bin', 'ibn', 'da', 'di']);

/**
 * People by a known given name: `Reza Ramezani`, `Abbas Hosseini Ghaemmaghami`, `Ali KHAMENEIs`, `Birgit Butter`.
 *
 * @param section The section.
 * @returns Candidates.
 */
function givenNameRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind !== 'word' || !isGivenName(token.text)) continue;
    let k = i + 1;
    if (isGivenName(tokens[k]?.text ?? '') && isCapitalised(tokens[k + 1]) && !isFunctionWord(tokens[k + 1]?.text ?? '')) k++;
    while (NAME_PARTICLES.has(tokens[k]?.text ?? '') && isCapitalised(tokens[k + 1])) k++;
    const lenient = !isNoun(token.text) && !token.initial;
    const end = nameTokensEnd(tokens, k, 2, lenient);
    if (end === k) continue;
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
function appositionRule(section: TokenSection): Candidate[] {
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
    const end = nameTokensEnd(tokens, comma + 1, 3, false);
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
function askerRule(section: TokenSection, context: RuleContext): Candidate[] {
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
 * Media cited by date: `(Rundblick vom 28.05.2026)`.
 *
 * @param section The section.
 * @returns Candidates.
 */
function mediaRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let p = 0; p + 3 < tokens.length; p++) {
    if (tokens[p]?.text !== '(' || tokens[p + 2]?.text !== 'vom') continue;
    const name = tokens[p + 1];
    if (!name || !isCapitalised(name) || isFunctionWord(name.text) || hasLawHead(name.text)) continue;
    if (tokens[p + 3]?.kind !== 'number') continue;
    out.push(candidate(section, p + 1, p + 2, 'Organization', 'media', 55));
  }
  return out;
}

/**
 * Every candidate and definition of one section.
 *
 * @param section The section.
 * @param context Document facts.
 * @returns Candidates and definitions.
 */
export function sectionCandidates(section: TokenSection, context: RuleContext): { candidates: Candidate[]; definitions: Definition[] } {
  const titled = titleRule(section);
  const askers = askerRule(section, context);
  const candidates = [
    ...askers,
    ...gazetteerRule(section),
    ...legalFormRule(section, [...titled, ...askers]),
    ...headRule(section),
    ...quoteRule(section),
    ...dashDefinitionRule(section),
    ...companyRule(section),
    ...titled,
    ...givenNameRule(section),
    ...appositionRule(section),
    ...mediaRule(section),
  ];
  candidates.push(...listRule(section, candidates));
  return { candidates, definitions: definitionRule(section) };
}
