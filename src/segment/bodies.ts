/**
 * The body that answers, by its official name: what a paper prints ("des Bundesministeriums der
 * Finanzen", "Niedersächsischen Ministerium für …", "namens des Bundeskanzleramtes") resolved against
 * the gazetteer of federal and Land bodies in `data/bodies.json`.
 *
 * Matching is tolerant where that is safe and refuses otherwise, because a wrong official name is
 * worse than none: case, inflection (genitive, dative), punctuation, articles and prepositions do not
 * count; beyond that, one word of the official name may be missing and one letter of a long word may
 * differ, but only where exactly one body of the paper's jurisdiction (and, where the paper is dated,
 * of its time) fits.
 */
import bodyData from './data/bodies.json' with { type: 'json' };

/** One body of the gazetteer. */
export interface Body {
  /** The official name in the nominative. */
  name: string;
  /** The official abbreviation, where it has one. */
  abbreviation?: string;
  /** `Bund` or the Land. */
  jurisdiction: string;
  /** First day the name was in use (ISO), where known. */
  from?: string;
  /** First day the name was no longer in use (ISO), for former names. */
  until?: string;
  /** The body that took over, for former names. */
  successor?: string;
}

/** The bodies of the gazetteer. */
export const BODIES: readonly Body[] = bodyData.bodies;

/** Parliaments and the jurisdiction whose bodies answer them. */
export const PARLIAMENT_JURISDICTIONS: Readonly<Record<string, string>> = bodyData.parliaments;

/** Words that never tell two bodies apart: articles and the prepositions of official names (`der`, `für`). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(['der', 'des', 'die', 'dem', 'den', 'das', 'für', 'und', 'von', 'sowie', 'im', 'in']);

/** Inflection endings stripped before comparing words: `Ministeriums`, `Auswärtigen`, `Amtes`, `Innern`. */
export const INFLECTION_ENDING = /(?:es|en|er|e|s|n)$/u;

/** The words of a name: letters and digits, split at anything else (`Presse- und Informationsamtes`). */
export const NAME_WORD = /[\p{L}\p{N}]+/gu;

/** Ministry words that a paper may wrongly put in front of another body: `des Bundesministeriums des Auswärtigen Amts`. */
export const MINISTRY_HEAD = /^(?:bundesministerium|ministerium)$/u;

/**
 * The body named in a transmission note: `… mit Schreiben des Bundesministeriums der Finanzen vom …`,
 * `Die Antwort wurde namens des Bundeskanzleramtes mit Schreiben vom …`.
 */
export const TRANSMISSION_BODY = /(?:mit Schreiben|namens)\s+(?:des|der)\s+(?!Bundesregierung\b|Landesregierung\b|Staatsregierung\b)([^.]{3,200}?)\s+(?:vom|mit Schreiben|übermittelt)\b/u;

/** The body named above the answer, Landtag style: `Antwort des Niedersächsischen Justizministeriums namens der Landesregierung`. */
export const ANSWERING_BODY_LINE = /Antwort\s+(?:des|der)\s+(?!Bundesregierung\b|Landesregierung\b|Staatsregierung\b)([^.]{3,200}?)\s+namens\s+der\b/u;

/** The date of the letter in a transmission note: `mit Schreiben des … vom 2. Juni 2025 übermittelt`. */
export const LETTER_DATE = /\bvom\s+(\d{1,2})\.\s*(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+(\d{4})\b/u;

/** Month names in order, for `LETTER_DATE`. */
const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** A word broken at a line end: `Landesre-⏎gierung`. */
const LINE_END_HYPHEN = /-[ \t]*\n[ \t]*(?=\p{Ll})/gu;

/**
 * The comparable form of one word: lower case, inflection ending stripped.
 *
 * @param word A word of a name.
 * @returns Its stem.
 */
export function stemOf(word: string): string {
  const lower = word.toLowerCase();
  return lower.length > 3 ? lower.replace(INFLECTION_ENDING, '') : lower;
}

/**
 * The stems of a name's words, function words left out, in order.
 *
 * @param name A name as printed.
 * @returns Its stems.
 */
export function stemsOf(name: string): string[] {
  return (name.match(NAME_WORD) ?? []).filter((word) => !FUNCTION_WORDS.has(word.toLowerCase())).map(stemOf);
}

/** The stems that only say which Land a body belongs to (`des Landes Brandenburg`), per jurisdiction. */
const jurisdictionStems = new Map<string, Set<string>>();

/**
 * Stems that name the jurisdiction itself, left out when comparing (`Ministerium der Justiz` is
 * `Ministerium der Justiz des Landes Nordrhein-Westfalen` in a paper of that Landtag).
 *
 * @param jurisdiction `Bund` or a Land.
 * @returns Its stems.
 */
function placeStems(jurisdiction: string): Set<string> {
  let stems = jurisdictionStems.get(jurisdiction);
  if (!stems) {
    stems = jurisdiction === 'Bund' ? new Set() : new Set([...stemsOf(jurisdiction), 'land', 'saarland']);
    jurisdictionStems.set(jurisdiction, stems);
  }
  return stems;
}

/** A body with its comparable stems. */
interface Indexed {
  body: Body;
  /** Stems without those of the Land's name. */
  stems: string[];
  /** All stems. */
  full: string[];
}

let indexed: Indexed[] | undefined;

/**
 * The gazetteer with the stems of each name (built once, on first use).
 *
 * @returns The index.
 */
function index(): Indexed[] {
  indexed ??= BODIES.map((body) => {
    const full = stemsOf(body.name);
    return { body, full, stems: full.filter((stem) => !placeStems(body.jurisdiction).has(stem)) };
  });
  return indexed;
}

/**
 * Whether two stems are the same word, one typo allowed in long words (`Gleichstelung`).
 *
 * @param a One stem.
 * @param b The other.
 * @returns True when equal or, both at least 7 letters, one edit apart.
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 7 || b.length < 7 || Math.abs(a.length - b.length) > 1) return false;
  // One substitution, insertion or deletion: walk both until the first difference, then compare the rests.
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/**
 * The jurisdiction whose bodies answer a parliament.
 *
 * @param parliament `Deutscher Bundestag`, `Niedersächsischer Landtag`, … or null.
 * @returns `Bund`, the Land, or undefined where the parliament is unknown.
 */
export function jurisdictionOf(parliament: string | null | undefined): string | undefined {
  return parliament ? PARLIAMENT_JURISDICTIONS[parliament] : undefined;
}

/**
 * Whether a name was in use on a day.
 *
 * @param body The body.
 * @param date ISO date.
 * @returns True when in use.
 */
function inUse(body: Body, date: string): boolean {
  return (body.from === undefined || body.from <= date) && (body.until === undefined || date < body.until);
}

/**
 * The one body among several, or none: those in use on the paper's date first, then names still in use.
 *
 * @param bodies Candidates.
 * @param date The paper's date, if printed.
 * @returns The body, or undefined where it stays ambiguous.
 */
function single(bodies: readonly Body[], date: string | null | undefined): Body | undefined {
  if (bodies.length <= 1) return bodies[0];
  const names = new Set(bodies.map((body) => body.name));
  if (names.size === 1) return bodies[0];
  if (date) {
    const current = bodies.filter((body) => inUse(body, date));
    if (current.length === 1) return current[0];
  }
  return undefined;
}

/** Where and when a paper was answered, to narrow the candidates. */
export interface BodyContext {
  /** The parliament the paper belongs to. */
  parliament?: string | null | undefined;
  /** The paper's date (ISO). */
  date?: string | null | undefined;
}

/**
 * Compare printed stems with one body: exact (same set of words) or tolerant (all printed words in
 * the name, one typo per long word, at most one word of the name missing where three are printed).
 *
 * @param printed Printed stems.
 * @param entry The body.
 * @param local Whether the paper's jurisdiction is known (then the Land's own name need not be printed).
 * @returns `exact`, `tolerant` or undefined.
 */
function compareStems(printed: readonly string[], entry: Indexed, local: boolean): 'exact' | 'tolerant' | undefined {
  const own = local ? placeStems(entry.body.jurisdiction) : new Set<string>();
  const words = printed.filter((stem) => !own.has(stem));
  const name = local ? entry.stems : entry.full;
  if (words.length === 0 || name.length === 0 || words[0] !== name[0]) return undefined;
  const exact = new Set(words);
  if (exact.size === new Set(name).size && name.every((stem) => exact.has(stem))) return 'exact';
  const matched = new Set<number>();
  for (const word of words) {
    const at = name.findIndex((stem, position) => !matched.has(position) && sameWord(word, stem));
    if (at < 0) return undefined;
    matched.add(at);
  }
  const missing = name.length - matched.size;
  return missing === 0 || (missing === 1 && words.length >= 3) ? 'tolerant' : undefined;
}

/**
 * Resolve a body's name as printed to the gazetteer.
 *
 * @param printed The name as printed, any case and inflection (`Bundesministeriums des Innern`).
 * @param context Parliament and date of the paper.
 * @returns The body, or undefined where none fits or several do.
 */
export function canonicalBody(printed: string, context: BodyContext = {}): Body | undefined {
  const jurisdiction = jurisdictionOf(context.parliament);
  const candidates = index().filter((entry) => jurisdiction === undefined || entry.body.jurisdiction === jurisdiction);
  const trimmed = printed.trim();
  const byAbbreviation = candidates.filter((entry) => entry.body.abbreviation === trimmed).map((entry) => entry.body);
  if (byAbbreviation.length > 0) return single(byAbbreviation, context.date);
  const stems = stemsOf(trimmed);
  const attempts = [stems];
  // `Bundesministerium des Auswärtigen Amts`: a ministry word put in front of a body that is none.
  if (stems.length > 1 && MINISTRY_HEAD.test(stems[0] ?? '')) attempts.push(stems.slice(1));
  for (const attempt of attempts) {
    const exact: Body[] = [];
    const tolerant: Body[] = [];
    for (const entry of candidates) {
      const fit = compareStems(attempt, entry, jurisdiction !== undefined);
      if (fit === 'exact') exact.push(entry.body);
      else if (fit === 'tolerant') tolerant.push(entry.body);
    }
    if (exact.length > 0) return single(exact, context.date);
    if (tolerant.length > 0) return single(tolerant, context.date);
  }
  return undefined;
}

/** Where a paper names the body that answers. */
export interface BodySources extends BodyContext {
  /** The body as the header reader found it. */
  printed?: string | null | undefined;
  /** The transmission note, where one was cut. */
  transmission?: string | null | undefined;
  /** The first lines of the paper, for a body named above the answer where the header reader found none. */
  front?: string | null | undefined;
}

/** The body that answers: its official name and what the paper printed. */
export interface RespondingBody {
  /** The official name, or null where nothing matched the gazetteer. */
  name: string | null;
  /** The name as printed (the first one found), or null where the paper names none. */
  text: string | null;
}

/**
 * One-line text: line-end hyphenation undone, white space collapsed.
 *
 * @param text Text with line breaks.
 * @returns The joined text.
 */
function joined(text: string): string {
  return text.replace(LINE_END_HYPHEN, '').replace(/\s+/gu, ' ').trim();
}

/**
 * The body in use on a day: a former name printed after the body was renamed (a paper's lapse) is
 * its successor's, followed as far as the gazetteer goes.
 *
 * @param body The body matched.
 * @param date The day, if known.
 * @returns The body in use then.
 */
export function inUseOn(body: Body, date: string | null | undefined): Body {
  let current = body;
  for (let step = 0; step < BODIES.length && date && current.until !== undefined && current.until <= date && current.successor; step++) {
    const next = BODIES.find((candidate) => candidate.name === current.successor && candidate.jurisdiction === current.jurisdiction);
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * The date of the letter a transmission note names.
 *
 * @param note The note.
 * @returns ISO date, or undefined.
 */
export function letterDate(note: string): string | undefined {
  const match = LETTER_DATE.exec(note);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return `${match[3]}-${String(MONTH_NAMES.indexOf(match[2]) + 1).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/**
 * Find the body that answers: the header's reading first, then the transmission note, then a line
 * above the answer; the first that resolves gives the official name, as in use on the day of the
 * letter (or of the paper).
 *
 * @param sources What the paper printed.
 * @returns The official name (null where none resolves) and the printed text.
 */
export function resolveRespondingBody(sources: BodySources): RespondingBody {
  const printed: string[] = [];
  if (sources.printed) printed.push(joined(sources.printed));
  const note = sources.transmission ? joined(sources.transmission) : undefined;
  const noted = note ? TRANSMISSION_BODY.exec(note)?.[1] : undefined;
  if (noted) printed.push(noted);
  const front = sources.front ? ANSWERING_BODY_LINE.exec(joined(sources.front))?.[1] : undefined;
  if (front) printed.push(front);
  const date = (note ? letterDate(note) : undefined) ?? sources.date;
  for (const text of printed) {
    const body = canonicalBody(text, { parliament: sources.parliament, date });
    if (body) return { name: inUseOn(body, date).name, text };
  }
  return { name: null, text: printed[0] ?? null };
}
