/**
 * Rules for places found by how German official text names them: an administrative unit before its
 * name (`Landkreis Rotenburg (Wümme)`, `Samtgemeinde Sottrum`), a town or village named where the
 * text supports a place (`in Westerwalsede`, `Rotenburg–Verden`, a table row label), and street names
 * (`Bahnhofstraße`, `Scharnhorster Straße`, `Am Holtumer Moor`).
 */
import { isGivenName, isPlaceHomograph, matchGazetteer, matchPlaceName } from '../gazetteer.js';
import { isNoun } from '../lexicon.js';
import { type Token, isAbbreviation, isCapitalised } from '../tokens.js';
import { isCapitalisedAdjective, isFunctionWord } from '../words.js';
import { candidate, type Candidate, type TokenSection } from '../candidate.js';

/**
 * A word naming an administrative or settlement unit before its name: `Landkreis Verden`,
 * `des Landkreises Verden`, `Stadt Celle`, `Samtgemeinde Bothel`, `Region Hannover`, `Ortsteil Walle`.
 */
const ADMIN_HEADS = new Set([
  'Landkreis', 'Landkreises', 'Kreis', 'Kreises', 'Stadt', 'Großstadt', 'Kreisstadt', 'Hansestadt', 'Landeshauptstadt', 'Universitätsstadt',
  'Gemeinde', 'Samtgemeinde', 'Verbandsgemeinde', 'Einheitsgemeinde', 'Ortsgemeinde', 'Stadtgemeinde', 'Marktgemeinde', 'Region',
  'Regierungsbezirk', 'Regierungsbezirks', 'Regierungsbezirkes', 'Bezirk', 'Bezirks', 'Bezirkes', 'Stadtbezirk', 'Stadtbezirks',
  'Stadtteil', 'Stadtteils', 'Ortsteil', 'Ortsteils', 'Ortschaft', 'Gemeindeteil', 'Gemeindeteils', 'Bundesland', 'Bundeslandes',
]);

/**
 * Unit words below the Kreis, whose places no gazetteer lists in full, so a name unknown to it still
 * counts after them: `Ortsteil Holtum`, `Stadtteil Walle`. After the others (`Landkreis`, `Bundesland`)
 * the name must be a known place: `Bundesland Tatort` is a table's column headings.
 */
const LOCAL_HEAD = /^(?:Gemeinde|Samtgemeinde|Verbandsgemeinde|Einheitsgemeinde|Ortsgemeinde|Stadtgemeinde|Marktgemeinde|Stadt|Stadtteil|Stadtteils|Ortsteil|Ortsteils|Ortschaft|Gemeindeteil|Gemeindeteils|Bezirk|Bezirks|Bezirkes|Stadtbezirk|Stadtbezirks)$/u;

/** Adjectives that describe the unit rather than name a body: `Kreisfreie Stadt Emden`, `Ehemalige Gemeinde …`. */
const UNIT_ADJECTIVE = /^(?:kreisfrei|kreisangehörig|selbstständig|selbständig|groß|ehemalig|benachbart|betroffen)(?:e|en|er|es|em)?$/iu;

/** Prepositions after which a town's name stands for the place: `in Büchel`, `aus Verden`, `bei Holtum`. */
const PLACE_PREPOSITIONS = new Set(['in', 'aus', 'nach', 'bei', 'nahe', 'zwischen', 'ab', 'über']);

/** What joins two places of a list or a route: `Celle, Uelzen und Lüneburg`, `Rotenburg–Verden`, `Ghom/Iran`. */
const PLACE_JOINERS = new Set([',', 'und', 'oder', 'sowie', 'bzw', '–', '-', '/']);

/** Marks joining the two ends of a route or a place and its country, printed without spaces: `Rotenburg–Verden`, `Ghom/Iran`. */
const TIGHT_JOINERS = new Set(['–', '-', '/']);

/** A street name in one word: `Bahnhofstraße`, `Bahnhofsstraße`, `Hauptstr.`; also hyphenated `Friedrich-Ebert-Straße`. */
const STREET_WORD = /^\p{Lu}\p{Ll}[\p{L}-]*(?:straße|strasse|str)$/u;

/** A street name built from a personal name with hyphens: `Konrad-Adenauer-Platz`, `Willy-Brandt-Allee`, `Otto-Hahn-Weg`. */
const HYPHEN_STREET = /^\p{Lu}[\p{L}]*(?:-\p{L}+)*-(?:Straße|Strasse|Str|Weg|Allee|Platz|Ring|Damm|Ufer|Chaussee|Gasse|Brücke)$/u;

/** Kinds of road, not the name of one: `Bundesstraße`, `Kreisstraße`, `Umgehungsstraße`, `Einbahnstraße`. */
const GENERIC_STREET =
  /^(?:bundes|landes|kreis|gemeinde|staats|orts|ortsdurchfahrts|verkehrs|hauptverkehrs|umgehungs|zufahrts|erschließungs|wasser|bundeswasser|schnell|neben|anlieger|einbahn|fahrrad|spiel|privat|land|durchgangs|ausfall|einkaufs|geschäfts|wohn|sammel|stadt|fern|bundesfern|kraftfahr|auto|seiten|quer|innerorts|außerorts|zu|um|handels|seiden|route|kommunal|verbindungs|gemeindeverbindungs|rad|wirtschafts|feld|wald|forst|baustellen|straßen|rettungs|neubau|ersatz|ausweich|hafen|industrie|gewerbe|schul)?(?:straße|strasse|str)$/u;

/** The noun of a street name after its adjective: `Scharnhorster Straße`, `Süderwalseder Weg`, `Frankfurter Allee`. */
const STREET_HEAD = /^(?:Straße|Strasse|Str|Weg|Allee|Platz|Ring|Damm|Ufer|Chaussee|Gasse|Steig|Pfad|Brücke|Landstraße|Heerstraße|Dorfstraße|Hauptstraße)$/u;

/** An adjective formed from a place name: `Scharnhorster`, `Holtumer`, `Frankfurter`. */
const PLACE_ADJECTIVE = /^\p{Lu}\p{Ll}{3,}er$/u;

/** Adjectives in -er that are ordinary words, not formed from a place: `Neuer Weg`, `Dritter Weg`. */
const ORDINARY_ER = /^(?:Neuer|Alter|Großer|Kleiner|Langer|Breiter|Hoher|Oberer|Unterer|Innerer|Äußerer|Dritter|Anderer|Weiterer|Erster|Zweiter|Letzter|Eigener|Sicherer|Schneller|Direkter|Kurzer|Grüner|Roter|Schwarzer|Weißer|Blauer|Goldener|Silberner)$/u;

/** Prepositions with article that start a street name when capitalised mid-sentence: `Am Holtumer Moor`, `Zur Mühle`, `Im Winkel`. */
const STREET_PREPOSITION = /^(?:Am|Im|Zum|Zur)$/u;

/** Words before a road word that make it a kind of road, not a named one: `einer Anschlussstraße`, `neue Straße`. */
const INDEFINITE = new Set(['ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'kein', 'keine', 'keiner', 'keinen', 'neue', 'neuen', 'neuer', 'weitere', 'weiteren', 'jede', 'jeder']);

/** A classified road's letter and number in one word: `K21`, `B215`, `L190`, `A7`. */
const ROAD_NUMBER_WORD = /^[ABKLS]\d{1,4}$/u;

/** A classified road's letter printed apart from its number: `K 21`, `B 215`. */
const ROAD_LETTER = /^[ABKLS]$/u;

/** A house number after a street: `Bahnhofstraße 12`, `Platz der Republik 1`. */
const HOUSE_NUMBER = /^\d{1,3}$/u;

/** Tokens after which a new sentence or line item starts, so a capital letter proves nothing. */
const SENTENCE_PUNCT = new Set(['.', '!', '?', ':', ';', '•', '–', '-', '(', '„', '"']);

/**
 * Whether a word may be a place's name on its own evidence (no common noun, function word, given name
 * or abbreviation).
 *
 * @param token The token.
 * @returns True when it may.
 */
function nameLike(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word' || !isCapitalised(token)) return false;
  const text = token.text;
  // `Fränkisch-` is the first half of a word broken at a line end; `N` in `Osnabrück/N` a compass point.
  if (text.length < 3 || text.endsWith('-')) return false;
  return !isFunctionWord(text) && !isAbbreviation(text) && !isPlaceHomograph(text);
}

/**
 * The end of a qualifier in parentheses right after a name: `Rotenburg (Wümme)`, `Halle (Saale)`.
 *
 * @param tokens Section tokens.
 * @param at Token after the name.
 * @returns Token after the qualifier, or `at` when there is none.
 */
function qualifierEnd(tokens: readonly Token[], at: number): number {
  const open = tokens[at];
  const word = tokens[at + 1];
  const close = tokens[at + 2];
  if (open?.text === '(' && close?.text === ')' && isCapitalised(word) && !isAbbreviation(word?.text ?? '') && open.start === (tokens[at - 1]?.end ?? 0) + 1) return at + 3;
  return at;
}

/**
 * Places named after their administrative unit: `Landkreis Rotenburg (Wümme)`, `Stadt Verden`,
 * `Gemeinde Büchel`, `Ortsteil Holtum`. The mention holds the unit word; the name is the place.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function adminPlaceRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const head = tokens[i];
    if (!head || head.kind !== 'word' || !ADMIN_HEADS.has(head.text)) continue;
    // `Islamische Gemeinde Hamburg`, `Jüdische Gemeinde Berlin` are bodies named with their seat.
    const before = tokens[i - 1]?.text ?? '';
    if (isCapitalisedAdjective(before) && !UNIT_ADJECTIVE.test(before)) continue;
    // `Deutscher Gewerkschaftsbund - Bezirk Niedersachsen-Bremen`: the unit of a body after a dash.
    if (before === '-' || before === '–') continue;
    // A full name that the gazetteer knows (`Region Hannover`, `Freie und Hansestadt Hamburg`) is its own candidate.
    if ((matchGazetteer(tokens, i)?.length ?? 0) > 1 || [1, 2, 3].some((back) => (matchGazetteer(tokens, i - back)?.length ?? 0) > back)) continue;
    const nameFrom = i + 1;
    const known = matchPlaceName(tokens, nameFrom);
    let nameTo: number;
    if (known) nameTo = nameFrom + known.length;
    else if (LOCAL_HEAD.test(head.text) && nameLike(tokens[nameFrom])) nameTo = nameFrom + 1;
    else continue;
    nameTo = qualifierEnd(tokens, nameTo);
    // Above an institution's head (`Samtgemeinde` ends in `-gemeinde`): the unit word names a place here.
    out.push(candidate(section, i, nameTo, 'Place', 'admin-unit', 76, { nameFrom, nameTo }));
    i = nameTo - 1;
  }
  return out;
}

/**
 * Whether the token before a span starts a new sentence or item, where a capital proves nothing.
 *
 * @param tokens Section tokens.
 * @param at The span's first token.
 * @returns True at a sentence start.
 */
function sentenceStart(tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1];
  return !before || SENTENCE_PUNCT.has(before.text) || before.kind === 'number';
}

/** Most items of a list walked back to its preposition: `über Welle, Kakenstorf und Handeloh`. */
const MAX_LIST_ITEMS = 6;

/**
 * Whether a name is a later item of a list of capitalised words that follows a place preposition:
 * `über Welle, Kakenstorf und Handeloh` (the first item may be a word that is also a noun).
 *
 * @param tokens Section tokens.
 * @param from The name's first token.
 * @returns True when the list starts after `in`, `über` ….
 */
function listAfterPreposition(tokens: readonly Token[], from: number): boolean {
  let k = from - 1;
  for (let items = 0; items < MAX_LIST_ITEMS; items++) {
    if (!PLACE_JOINERS.has(tokens[k]?.text ?? '') || TIGHT_JOINERS.has(tokens[k]?.text ?? '')) return false;
    const item = tokens[k - 1];
    if (!isCapitalised(item) || isFunctionWord(item?.text ?? '')) return false;
    if (PLACE_PREPOSITIONS.has(tokens[k - 2]?.text ?? '')) return true;
    k -= 2;
  }
  return false;
}

/** A town name found in a section, and whether the text has shown it to be a place yet. */
interface Sighting {
  from: number;
  to: number;
  cued: boolean;
}

/**
 * Towns and villages named where the text supports a place: after `in`/`aus`/`nach`/`bei`, as the
 * ends of a route (`Rotenburg–Verden`), in parentheses after a street (`Bahnhofstraße (Westerwalsede)`),
 * as a table row label followed by its figures, and in a list with another place. A name that is also a
 * common noun (`Hof`, `Lage`) counts only after its unit word ({@link adminPlaceRule}).
 *
 * @param section The section.
 * @returns Candidates.
 */
export function cuedPlaceRule(section: TokenSection): Candidate[] {
  const tokens = section.tokens;
  const sightings: Sighting[] = [];
  const at = new Map<number, Sighting>();
  const endingAt = new Map<number, Sighting>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind !== 'word' || !isCapitalised(token)) continue;
    const match = matchPlaceName(tokens, i);
    if (!match) continue;
    if (match.length === 1 && !nameLike(token)) continue;
    const sighting: Sighting = { from: i, to: i + match.length, cued: false };
    sightings.push(sighting);
    at.set(i, sighting);
    endingAt.set(sighting.to, sighting);
    i += match.length - 1;
  }
  if (sightings.length === 0) return [];
  const knownPlace = (k: number): boolean => at.get(k)?.cued === true || matchGazetteer(tokens, k)?.entry.type === 'Place';
  for (const s of sightings) {
    const before = tokens[s.from - 1];
    const after = tokens[s.to];
    // `Büchel Air Base`, `Walle Süd`: a further name word makes the span part of a longer name.
    if (nameLike(after) && !at.has(s.to)) continue;
    if (before && PLACE_PREPOSITIONS.has(before.text)) s.cued = true;
    else if (listAfterPreposition(tokens, s.from)) s.cued = true;
    else if (before?.text === '(' && after?.text === ')') s.cued = true;
    else if (section.shortBreaks && section.shortBreaks[s.from] !== 0 && after?.kind === 'number' && section.shortBreaks[s.to] === 0) s.cued = true;
  }
  // Routes and lists: a name joined to a place is a place too.
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const s of sightings) {
      if (s.cued) continue;
      const after = tokens[s.to];
      const before = tokens[s.from - 1];
      const tightAfter = after !== undefined && TIGHT_JOINERS.has(after.text) && after.start === tokens[s.to - 1]?.end && tokens[s.to + 1]?.start === after.end;
      const tightBefore = before !== undefined && TIGHT_JOINERS.has(before.text) && before.start === tokens[s.from - 2]?.end && tokens[s.from]?.start === before.end;
      const next = after && PLACE_JOINERS.has(after.text) ? s.to + 1 : -1;
      const previousEnd = before && PLACE_JOINERS.has(before.text) ? s.from - 1 : -1;
      const previous = previousEnd > 0 ? endingAt.get(previousEnd) : undefined;
      const joined =
        (next > 0 && (tightAfter ? at.has(next) || knownPlace(next) : knownPlace(next))) ||
        (previous !== undefined && (tightBefore || previous.cued)) ||
        (previousEnd > 0 && matchGazetteer(tokens, previousEnd - 1)?.entry.type === 'Place');
      if (joined) {
        s.cued = true;
        changed = true;
        const end = tightAfter ? at.get(next) : undefined;
        if (end) end.cued = true;
      }
    }
    if (!changed) break;
  }
  const out: Candidate[] = [];
  for (const s of sightings) {
    if (!s.cued || matchGazetteer(tokens, s.from)?.entry.type === 'Place') continue;
    if (isGivenName(tokens[s.from - 1]?.text ?? '')) continue;
    out.push(candidate(section, s.from, s.to, 'Place', 'cued-place', 69));
  }
  return out;
}

/**
 * The end of a classified road's number at a token: `K21`, `K 21`, `B 215`.
 *
 * @param tokens Section tokens.
 * @param at The token.
 * @returns Token after the road number, or -1.
 */
function roadNumberEnd(tokens: readonly Token[], at: number): number {
  const token = tokens[at];
  if (!token) return -1;
  if (ROAD_NUMBER_WORD.test(token.text)) return at + 1;
  if (ROAD_LETTER.test(token.text) && tokens[at + 1]?.kind === 'number' && (tokens[at + 1]?.text.length ?? 9) <= 4) return at + 2;
  return -1;
}

/**
 * A locality in parentheses after a street or road: `Bahnhofstraße (Westerwalsede)`, `K21 (Holtum)`.
 *
 * @param section The section.
 * @param at Token after the street or road.
 * @returns The candidate, or undefined.
 */
function locality(section: TokenSection, at: number): Candidate | undefined {
  const tokens = section.tokens;
  if (tokens[at]?.text !== '(' || tokens[at + 2]?.text !== ')' || !nameLike(tokens[at + 1])) return undefined;
  return candidate(section, at + 1, at + 2, 'Place', 'street-locality', 69);
}

/** Endings of the words that can start a street or road name, tested before any pattern: `…straße`, `…er Weg`, `K21`. */
const STREET_START_ENDINGS = ['straße', 'strasse', 'str', 'Straße', 'Strasse', 'Str', 'Weg', 'Allee', 'Platz', 'Ring', 'Damm', 'Ufer', 'Chaussee', 'Gasse', 'Brücke', 'er'];

/**
 * A cheap first look: whether a word may start a street or road name (`Bahnhofstraße`,
 * `Lüneburger`, `Am`, `K21`, `K`), or stand before a road number in parentheses.
 *
 * @param text The word.
 * @param next The token after it.
 * @returns False where no street rule can match.
 */
function mayStartStreet(text: string, next: Token | undefined): boolean {
  const code = text.charCodeAt(0);
  // Upper-case ASCII or a capital umlaut.
  if (!((code >= 65 && code <= 90) || code === 196 || code === 214 || code === 220)) return false;
  if (text.length <= 5 && (ROAD_LETTER.test(text.charAt(0)) || STREET_PREPOSITION.test(text))) return true;
  if (next?.text === '(') return true;
  for (const ending of STREET_START_ENDINGS) if (text.endsWith(ending)) return true;
  return false;
}

/**
 * Whether a word is a generic road word rather than a street's name.
 *
 * @param text The word.
 * @returns True for `Bundesstraße`, `Kreisstraße` ….
 */
function genericStreet(text: string): boolean {
  return GENERIC_STREET.test(text.toLowerCase());
}

/**
 * Street names: one word in `-straße` (`Bahnhofstraße`, `Hauptstr.`), hyphenated names
 * (`Konrad-Adenauer-Platz`), an adjective from a place before a street noun (`Scharnhorster Straße`,
 * `Süderwalseder Weg`), and `Am`/`Im`/`Zum`/`Zur` capitalised inside a sentence (`Am Holtumer Moor`).
 * A house number after the name belongs to the mention, not to the name.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function streetRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind !== 'word' || !mayStartStreet(token.text, tokens[i + 1])) continue;
    let nameTo = -1;
    const next = tokens[i + 1];
    const road = roadNumberEnd(tokens, i);
    if (road > 0) {
      // `K 21 / Föscheberg`, `Föscheberg (K 21)`: a named road beside its number; `K21 (Holtum)`: its locality.
      const place = locality(section, road);
      if (place) out.push(place);
      if (tokens[road]?.text === '/' && nameLike(tokens[road + 1]) && roadNumberEnd(tokens, road + 1) < 0) {
        out.push(candidate(section, road + 1, road + 2, 'Place', 'road-name', 69));
      }
      i = road - 1;
      continue;
    }
    const before = tokens[i - 1]?.text ?? '';
    // `BÜ Föscheberg (K 21)`; not `in Bestandskreuzungspunkt (K 21)`, a common noun after its preposition.
    if (tokens[i + 1]?.text === '(' && roadNumberEnd(tokens, i + 2) > 0 && tokens[roadNumberEnd(tokens, i + 2)]?.text === ')' && nameLike(token) && !sentenceStart(tokens, i) && !(isFunctionWord(before) && /^\p{Ll}/u.test(before))) {
      out.push(candidate(section, i, i + 1, 'Place', 'road-name', 69));
      continue;
    }
    if (HYPHEN_STREET.test(token.text) || (STREET_WORD.test(token.text) && !genericStreet(token.text) && !INDEFINITE.has((tokens[i - 1]?.text ?? '').toLowerCase()))) {
      nameTo = i + 1;
    } else if (PLACE_ADJECTIVE.test(token.text) && !ORDINARY_ER.test(token.text) && !isNoun(token.text) && !isFunctionWord(token.text) && next && STREET_HEAD.test(next.text)) {
      nameTo = i + 2;
    } else if (STREET_PREPOSITION.test(token.text) && !sentenceStart(tokens, i) && !(section.shortBreaks && section.shortBreaks[i] !== 0)) {
      let k = i + 1;
      if (PLACE_ADJECTIVE.test(tokens[k]?.text ?? '') && !ORDINARY_ER.test(tokens[k]?.text ?? '')) k++;
      // `Am Holtumer Moor`, `Im Lohfeld`; not `Im Jahr`, `Zur Berechnung`: a bare common noun is a phrase.
      const noun = tokens[k];
      if (noun && isCapitalised(noun) && !isFunctionWord(noun.text) && !isAbbreviation(noun.text) && (k > i + 1 || !isNoun(noun.text))) nameTo = k + 1;
    }
    if (nameTo < 0) continue;
    // `Str.`: the abbreviation's dot belongs to the name.
    const dot = tokens[nameTo];
    if (/[Ss]tr$/u.test(tokens[nameTo - 1]?.text ?? '') && dot?.text === '.' && dot.start === tokens[nameTo - 1]?.end) nameTo++;
    let to = nameTo;
    const number = tokens[nameTo];
    if (number?.kind === 'number' && HOUSE_NUMBER.test(number.text) && tokens[nameTo + 1]?.text !== '.') to = nameTo + 1;
    out.push(candidate(section, i, to, 'Place', 'street', 70, { nameFrom: i, nameTo }));
    const place = locality(section, to);
    if (place) out.push(place);
    i = to - 1;
  }
  return out;
}
