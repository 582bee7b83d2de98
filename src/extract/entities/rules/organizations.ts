/**
 * Rules for organisations and places found by what stands in or around them: gazetteer hits,
 * legal forms (`… e. V.`, `… GmbH`), company cues (`der Firma …`) and media cited by date.
 */
import { isGivenName, matchGazetteer } from '../gazetteer.js';
import { isCommonNounLike, isNoun, isNounCompound } from '../lexicon.js';
import { type Token, hasInnerCapital, isAbbreviation, isCapitalised, startsUpper } from '../tokens.js';
import { isAbstractNoun } from '../name-span.js';
import { PERSON_TITLES, hasLawHead, hasOrgHead, isCapitalisedAdjective, isFunctionWord, isProperish, isRole } from '../words.js';
import { SHORT_BREAK, candidate, type EntityType, type Candidate, type TokenSection } from '../candidate.js';
import { COMMA_LEGAL_FORMS, legalFormAt, DESCRIPTOR_TAIL, isNameStart, nameRegionStart } from '../name-span.js';

/** A cue word right before a company name: `Firma Starlink`, `Unternehmens SpaceX`, `Batteriehersteller Northvolt`. */
const COMPANY_CUE = /(?:firma|unternehmen|unternehmens|konzern|konzerns|hersteller|herstellers|anbieter|anbieters|betreiber|betreibers|plattform|netzwerk|netzwerks|dienst|dienstes|start-up|startup)$/u;

/** The noun after `X und …` that makes X a company: `Neuralink und Tochterfirmen`. */
const SUBSIDIARIES = /^(?:Tochterfirmen|Tochterunternehmen|Tochtergesellschaften|Töchter|Tochterfirma)$/u;

/** A compound naming a body of the federation: `Bundeswehr`, `Bundestages`, `Bundesverwaltungsamt`. */
const FEDERAL_COMPOUND = /^Bundes\p{Ll}{3,}$/u;

/**
 * What follows an abbreviation that makes it part of a code or a rule's name rather than an
 * organisation: a paragraph sign (`ZV SAP § 3 Abs. 1`, a table of agreements), or an underscore glued
 * to it (`SAP_Ö-0440`, a record number).
 */
const CODE_AFTER = new Set(['§', '_']);

/**
 * Whether a one-word abbreviation hit stands in a code: `ZV SAP § 3`, `SAP_Ö-0440`.
 *
 * @param tokens Section tokens.
 * @param at The abbreviation.
 * @returns True when the hit names no organisation.
 */
function inCode(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (!next || !CODE_AFTER.has(next.text)) return false;
  return next.text === '§' || next.start === tokens[at]?.end;
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
  // `Bundeswehr`, `Bundesverwaltungsamt`: a body of the federation is one body, though the dictionary lists the word.
  if (type === 'Organization' && FEDERAL_COMPOUND.test(text)) return false;
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
export function gazetteerRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind !== 'word') continue;
    const match = matchGazetteer(tokens, i);
    if (!match) continue;
    const end = i + match.length;
    if (match.length === 1 && !isAbbreviation(token.text) && ambiguous(tokens, i, match.entry.type)) continue;
    if (match.length === 1 && isAbbreviation(token.text) && inCode(tokens, i)) continue;
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

/** A lower-case inflected adjective: `damaligen`, `neue`. */
const LOWER_ADJECTIVE = /^\p{Ll}+(?:e|en|er|es|em)$/u;

/**
 * `AG` before a name is an Arbeitsgemeinschaft, not the legal form of the word before it: `die AG
 * Anrainerkommunen`, `der AG Kritischer Infrastrukturen`. Returns the token after the name, or `at + 1`.
 *
 * @param tokens Section tokens.
 * @param at The `AG`.
 * @returns Token after the name.
 */
function workingGroupEnd(tokens: readonly Token[], at: number): number {
  let end = at + 1;
  while (end - at <= 3 && isCapitalised(tokens[end]) && (tokens[end]?.text.length ?? 0) > 1 && !isFunctionWord(tokens[end]?.text ?? '') && legalFormAt(tokens, end) === 0) end++;
  return end;
}

/**
 * Names ending in a legal form: `Türkische Gemeinde in Deutschland e. V.`, `Meyer Burger (Germany) GmbH`.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function legalFormRule(section: TokenSection, people: readonly Candidate[]): Candidate[] {
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
    // After a descriptor (`die Firma Kranich Robotics GmbH`) too: the name may open with a dictionary word.
    const bounded = (regionStart > 0 && isFunctionWord(before) && /^\p{Ll}/u.test(before)) || (person > 0 && regionStart === person) || (regionStart > 0 && DESCRIPTOR_TAIL.test(before.toLowerCase()));
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
    if (start < 0) {
      // `die AG Anrainerkommunen`: no name before `AG`, a name after it.
      const before = tokens[i - 1];
      if (tokens[i]?.text === 'AG' && length === 1 && (!before || before.kind !== 'word' || /^\p{Ll}/u.test(before.text))) {
        const groupEnd = workingGroupEnd(tokens, i);
        if (groupEnd > i + 2 || (groupEnd === i + 2 && !isNoun(tokens[i + 1]?.text ?? ''))) {
          out.push(candidate(section, i, groupEnd, 'Organization', 'working-group', 84));
          i = groupEnd - 1;
        }
      }
      continue;
    }
    // `die Vorzugsvariante der damaligen DB Netz AG`: a common noun, its article and an adjective open no name
    // when a name of its own follows.
    const article = tokens[start + 1]?.text ?? '';
    if ((article === 'der' || article === 'des') && LOWER_ADJECTIVE.test(tokens[start + 2]?.text ?? '') && isCommonNounLike(tokens[start]?.text ?? '') && !hasOrgHead(tokens[start]?.text ?? '')) {
      let k = start + 2;
      while (k < end && LOWER_ADJECTIVE.test(tokens[k]?.text ?? '')) k++;
      if (k < end && tokens.slice(k, end).some(isNameWord)) start = k;
    }
    // One cell of a lost table holds the name: `Neckar-Odenwald-Kreis` / `Mehrgenerationenhaus Mosbach (MGH) e.V.`;
    // a cell may wrap inside the name, though, and a place alone before the legal form is no name (`Oxfam` / `Deutschland e.V.`).
    for (let k = end - 1; k > start; k--) {
      if (section.shortBreaks?.[k] !== SHORT_BREAK) continue;
      const place = matchGazetteer(tokens, k);
      if (isCapitalised(tokens[k]) && !(place?.entry.type === 'Place' && k + place.length >= end)) start = k;
      break;
    }
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
 * Whether a token is a name by its own shape: an abbreviation, a brand-like spelling, or a word that
 * is neither a dictionary noun nor a compound of one, nor an abstract noun, nor an adjective.
 *
 * @param token The token.
 * @returns True for `SpaceX`, `Starlink`, `IZH`; false for `Direktnachricht`, `Klimaneutrale`.
 */
function isNameWord(token: Token): boolean {
  if (isAbbreviation(token.text) || hasInnerCapital(token.text)) return true;
  return isProperish(token) && !isNounCompound(token.text) && !isAbstractNoun(token.text) && !isCapitalisedAdjective(token.text);
}

/**
 * Companies after a cue (`der Firma Starlink`, `des Unternehmens SpaceX`, `Batteriehersteller Northvolt`)
 * or before `und Tochterfirmen` (`Neuralink und Tochterfirmen`).
 *
 * @param section The section.
 * @returns Candidates.
 */
export function companyRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const cue = tokens[i];
    if (!cue || cue.kind !== 'word' || !isCapitalised(cue) || !COMPANY_CUE.test(cue.text.toLowerCase())) continue;
    const first = tokens[i + 1];
    if (!first || matchGazetteer(tokens, i + 1)?.entry.type === 'Place') continue;
    if (!(isCapitalised(first) || hasInnerCapital(first.text)) || isFunctionWord(first.text)) continue;
    // `Soziales Netzwerk` / `Sonstige Partei`: the cue ends one cell of a lost table, the word opens the next.
    if (section.shortBreaks?.[i + 1] === SHORT_BREAK) continue;
    let end = i + 2;
    while (end < tokens.length && end - i <= 4 && isProperish(tokens[end]) && !isAbbreviation(tokens[end]?.text ?? '') && section.shortBreaks?.[end] !== SHORT_BREAK) end++;
    // `Firma Kranich Robotics`: a dictionary word may open the name when a proper word follows.
    if (!(isProperish(first) || hasInnerCapital(first.text)) && end === i + 2) continue;
    // `Plattform Direktnachricht`, `Plattform Klimaneutrale Stromsysteme`: common nouns and adjectives name no company.
    if (!tokens.slice(i + 1, end).some(isNameWord)) continue;
    // `… Soziales Netzwerk` / `Direktnachricht …`: after a line break, a lone compound noun opens the next cell.
    if (section.shortBreaks?.[i + 1] && end === i + 2 && isCommonNounLike(first.text)) continue;
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

/**
 * Media cited by date: `(Rundblick vom 28.05.2026)`.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function mediaRule(section: TokenSection): Candidate[] {
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
 * Heads of newspaper and magazine names after a place or an adjective: `Süddeutsche Zeitung`, `Hannoversche
 * Allgemeine`, `Kölner Rundschau`, `Stuttgarter Nachrichten`, `Hamburger Morgenpost`, `Schweriner Volkszeitung`.
 */
const PRESS_HEAD = /^(?:Zeitung|Allgemeine|Allgemeinen|Rundschau|Nachrichten|Anzeiger|Kurier|Tageblatt|Tagblatt|Volksstimme|Volkszeitung|Morgenpost|Abendblatt|Abendzeitung|Presse|Landeszeitung|Kreiszeitung)$/u;

/** A hyphenated newspaper name: `Nordwest-Zeitung`, `Weser-Kurier`, `Rhein-Zeitung`, `Ostsee-Zeitung`, `Main-Post`. */
const PRESS_COMPOUND = /^\p{Lu}\p{Ll}+-(?:Zeitung|Kurier|Post|Anzeiger|Nachrichten|Rundschau|Blatt|Echo)$/u;

/** A word derived from a place name, as papers are named: `Kölner`, `Bremer`, `Hamburger`, `Münchner`. */
const PLACE_ADJECTIVE = /^\p{Lu}\p{Ll}+er$/u;

/**
 * Whether a word before a press head names where the paper appears or what it is: a capitalised adjective
 * (`Süddeutsche`, `Hannoversche`, `Neue`) or a place's `-er` form (`Kölner`, `Bremer`, `Hamburger`).
 *
 * @param tokens Section tokens.
 * @param k Index.
 * @returns True when the word can open a paper's name.
 */
function pressModifier(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k];
  if (!token || token.kind !== 'word' || !isCapitalised(token) || isFunctionWord(token.text)) return false;
  if (isCapitalisedAdjective(token.text) || /sch(?:e|en|er|es)$/u.test(token.text)) return true;
  if (!PLACE_ADJECTIVE.test(token.text)) return false;
  const stem = token.text.slice(0, -2);
  return [stem, `${stem}en`, `${stem}e`, `${stem}n`].some((name) => matchGazetteer([{ ...token, text: name }], 0)?.entry.type === 'Place');
}

/**
 * Newspapers by the shape of their names: `Süddeutschen Zeitung`, `Kölner Stadt-Anzeiger`, `Nordwest-Zeitung`,
 * `Hannoversche Allgemeine`. A paper the gazetteer knows is the gazetteer's.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function pressRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind !== 'word' || !startsUpper(token.text)) continue;
    // `Schüler-Zeitung` is a kind of paper; `Weser-Kurier`, `Ostsee-Zeitung` are papers.
    const compound = token.text.includes('-') && PRESS_COMPOUND.test(token.text);
    const part = compound ? token.text.slice(0, token.text.indexOf('-')) : '';
    if (compound && (!isNoun(part) || matchGazetteer([{ ...token, text: part }], 0)?.entry.type === 'Place')) {
      out.push(candidate(section, i, i + 1, 'Organization', 'press', 58));
      continue;
    }
    if (!PRESS_HEAD.test(token.text) && !(/-Anzeiger$/u.test(token.text))) continue;
    // `Allgemeine Verwaltungsvorschrift`: `Allgemeine` ends a name only where no noun follows.
    if (token.text.startsWith('Allgemeine') && isCapitalised(tokens[i + 1])) continue;
    let start = i;
    while (start > 0 && i - start < 2 && pressModifier(tokens, start - 1) && section.shortBreaks?.[start] !== SHORT_BREAK) start--;
    if (start === i || (start === i - 1 && tokens[start]?.initial && !PLACE_ADJECTIVE.test(tokens[start]?.text ?? ''))) continue;
    out.push(candidate(section, start, i + 1, 'Organization', 'press', 58));
  }
  return out;
}
