/**
 * Read the header of an answer: parliament, Wahlperiode, the paper's own number and date, the
 * Anfrage it answers, who asked (with constituency or party), the group, the respondent, the title.
 */
import type { Meta } from '../model.js';

/** Own number in the first line: `Deutscher Bundestag Drucksache 21/839`, `… Wahlperiode Drucksache 19/11181`. */
export const OWN_NUMBER = /(?<![–-]\s?)Drucksache\s+(\d{1,2})\/(\d+)/;

/** Parliament named in the first lines: `Deutscher Bundestag`, `Niedersächsischer Landtag`, `Bremische Bürgerschaft`. */
export const PARLIAMENT = /(Deutscher Bundestag|(?<![\p{L}-])[\p{Lu}][\p{L}-]+ (?:Landtag|Bürgerschaft)|Abgeordnetenhaus (?:von )?Berlin|Landtag (?:von |des )?[\p{Lu}][\p{L}-]+)/u;

/** The Wahlperiode: `21. Wahlperiode`. */
export const PERIOD = /(\d{1,2})\.\s*Wahlperiode/;

/** The place and date of a Landtag Unterrichtung: `Hannover, den 10.07.2026`. */
export const PLACE_DATE = /^[ \t]*\p{Lu}[\p{L}-]+, den (\d{1,2})\.(\d{1,2})\.(\d{4})[ \t]*$/mu;

/** The kind of paper on a line of its own: `Unterrichtung`, `Antwort`. */
export const PAPER_TYPE_LINE = /^[ \t]*(Antwort|Unterrichtung|Beschlussempfehlung|Gesetzentwurf|Antrag)[ \t]*$/mu;

/** A date printed as digits: `09.07.2025`. */
export const NUMERIC_DATE = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;

/** The answered Anfrage, Bundestag style: `– Drucksache 21/299 –`, `– Drucksache 21/1026 (neu) –`. */
export const ANSWERED_DASHED = /[–-]\s*Drucksache\s+(\d{1,2}\/\d+)(?:\s*\(neu\))?\s*[–-]/;

/** The answered Anfrage, Landtag style: `eingegangen am 04.06.2026 - Drs. 19/10822`. */
export const ANSWERED_DRS = /(?:eingegangen am[^–-]{0,40}[–-]\s*)?(?:Drs\.|Drucksache)\s*(\d{1,2}\/\d+)/;

/** The askers, Bundestag style: `auf die Kleine Anfrage der Abgeordneten A, B, weiterer Abgeordneter und der Fraktion X`, also without `der Abgeordneten`. */
export const ASKERS_BUNDESTAG = /(?:Kleine|Große)\s+Anfrage\s+(?:(?:der|des)\s+Abgeordneten\s+)?(?!der\s+Fraktion)(.+?)(?:,?\s+weiterer\s+Abgeordneter)?\s+und\s+der\s+Fraktion\s+(.+?)\s*(?:[–-]\s*Drucksache|$)/su;

/** The asking group alone: `auf die Kleine Anfrage der Fraktion der AfD – Drucksache …`. */
export const ASKING_GROUP = /(?:Kleine|Große)\s+Anfrage\s+der\s+Fraktion(?:en)?\s+(.+?)\s*(?:[–-]\s*Drucksache|$)/su;

/**
 * The askers, Landtag style, in the header's lines joined: `Anfrage der Abgeordneten Omid Najafi und
 * Jens-Christoph Brockmann (AfD), eingegangen am …` or `Anfrage der Abgeordneten Birgit Butter (CDU) Antwort des …`.
 */
export const ASKERS_LANDTAG = /(?:^|\n| )Anfrage\s+(?:der|des)\s+Abgeordneten\s+([^\n]{1,400}?)(?:,\s*eingegangen|\s+Antwort\s+(?:des|der)\s|\n|$)/u;

/**
 * Join a header's lines into one line, undoing line-end hyphens before lower-case letters:
 * `Thorsten Paul` / `Moriße (AfD), einge-` / `gangen am` → `Thorsten Paul Moriße (AfD), eingegangen am`.
 *
 * @param header The header's lines.
 * @returns One line.
 */
export function flattenHeader(header: string): string {
  return header.replace(/(?<=\p{L})-[ \t]*\n[ \t]*(?=\p{Ll})/gu, '').replace(/[ \t]*\n[ \t]*/g, ' ');
}

/** Respondent: `der Bundesregierung`, `namens der Landesregierung`. */
export const RESPONDENT = /(?:Antwort\s+der|namens\s+der|mit Antwort der)\s+(Bundesregierung|Landesregierung|Staatsregierung|Senats?|Landesregierung)/;

/** The answering ministry, Landtag style, at a line start: `Antwort des Niedersächsischen Ministeriums für Inneres, Sport und Digitalisierung namens der`. */
export const ANSWERING_BODY = /(?:^|\n)Antwort\s+(?:des|der)\s+(?!Landesregierung|Bundesregierung)([^\n]+(?:\n(?!Anfrage)[^\n]+)??)\s+namens\s+der/u;

/** Genitive forms at the head of a body's name and their nominative: `Bundesministeriums` → `Bundesministerium`. */
export const GENITIVE_HEADS: ReadonlyArray<[RegExp, string]> = [
  [/^(\p{L}*[Mm]inisterium)s\b/u, '$1'],
  [/^(\p{Lu}\p{L}+)en (\p{L}*[Mm]inisterium)s\b/u, '$1es $2'],
  [/^(\p{Lu}\p{L}+)en (Staatskanzlei|Senatskanzlei|Landesregierung)\b/u, '$1e $2'],
  [/^Auswärtigen Amt(?:e?s)\b/u, 'Auswärtiges Amt'],
  [/^(\p{Lu}\p{L}+)en (\p{L}*[Aa]mt)e?s\b/u, '$1es $2'],
];

/**
 * The nominative of a body named in the genitive: `Bundesministeriums der Finanzen` → `Bundesministerium der Finanzen`.
 *
 * @param name As printed after `des`/`der`.
 * @returns The nominative.
 */
export function nominativeBody(name: string): string {
  for (const [pattern, replacement] of GENITIVE_HEADS) if (pattern.test(name)) return name.replace(pattern, replacement);
  return name;
}

/** An asker's academic title before the name: `Dr. `, `Prof. Dr. `, `Dr. h. c. `. */
export const ACADEMIC_TITLE = /^((?:Prof\. ?)?Dr\.(?: ?h\. ?c\.)?(?: ?Dr\.)?) /u;

/** A parenthesis closing an asker: constituency or party, `(Köln)`, `(CDU)`. */
export const TRAILING_PARENTHESIS = /\(([^()]*)\)$/u;

/** Parties as printed after a Landtag member's name: `(CDU)`, `(BÜNDNIS 90/DIE GRÜNEN)`. */
export const PARTY_NAME = /^(?:CDU|CSU|SPD|FDP|AfD|BSW|SSW|FW|Freie Wähler|FREIE WÄHLER|Die Linke|DIE LINKE|GRÜNE|Grüne|BÜNDNIS 90\/DIE GRÜNEN|Bündnis 90\/Die Grünen|fraktionslos|parteilos)$/;

/** German month names, for printed dates. */
export const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/**
 * Turn a numeric German date into ISO.
 *
 * @param day Day.
 * @param month Month.
 * @param year Year.
 * @returns `YYYY-MM-DD`.
 */
export function isoDate(day: string, month: string, year: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * Split an asker list into askers.
 *
 * @param list `Volker Beck (Köln), Katja Keul`.
 * @returns The askers.
 */
export function parseAskers(list: string): Meta['askers'] {
  const askers: Meta['askers'] = [];
  for (const raw of list.replace(/\s+/g, ' ').split(/,\s*|\s+und\s+/)) {
    const text = raw.trim();
    if (text === '' || /weiterer Abgeordneter/.test(text)) continue;
    const title = ACADEMIC_TITLE.exec(text)?.[1];
    const parenthesis = TRAILING_PARENTHESIS.exec(text);
    const name = text.slice(title ? title.length : 0, parenthesis ? parenthesis.index : text.length).trim();
    if (name === '') continue;
    const asker: Meta['askers'][number] = { name };
    if (title) asker.title = title;
    const paren = parenthesis?.[1]?.trim();
    if (paren) {
      if (PARTY_NAME.test(paren)) asker.faction = paren;
      else asker.constituency = paren;
    }
    askers.push(asker);
  }
  // A party printed once after the last name applies to all (`A und B (AfD)`).
  const party = askers.at(-1)?.faction;
  if (party) for (const asker of askers) asker.faction ??= party;
  return askers;
}

/**
 * Normalise the name of the asking group: `der AfD` → `AfD`.
 *
 * @param raw As printed after `Fraktion`.
 * @returns The group's name.
 */
export function groupName(raw: string): string {
  return raw.replace(/\s+/g, ' ').replace(/^der\s+/, '').trim();
}

/**
 * Read header metadata from the header text.
 *
 * @param header The header's running text.
 * @param firstPageHeader A running page header cut from the first page, if any.
 * @param transmission The transmission note, if any.
 * @returns Meta without title and furniture.
 */
export function readHeader(header: string, firstPageHeader: string | undefined, transmission: string | undefined): Omit<Meta, 'title' | 'header' | 'furniture'> {
  const top = `${firstPageHeader ?? ''}\n${header.split('\n').slice(0, 3).join('\n')}`;
  const own = OWN_NUMBER.exec(top);
  const periodMatch = PERIOD.exec(top);
  const parliamentMatch = PARLIAMENT.exec(top);
  const answeredDashed = ANSWERED_DASHED.exec(header);
  const answered = answeredDashed ?? ANSWERED_DRS.exec(header.replace(own?.[0] ?? '\u0000', ''));
  const respondentMatch = RESPONDENT.exec(header);
  let askers: Meta['askers'] = [];
  let faction: string | null = null;
  const bundestag = ASKERS_BUNDESTAG.exec(header);
  const group = ASKING_GROUP.exec(header);
  if (bundestag?.[1] && bundestag[2]) {
    askers = parseAskers(bundestag[1]);
    faction = groupName(bundestag[2]);
  } else if (group?.[1]) {
    faction = groupName(group[1]);
  } else {
    const landtag = ASKERS_LANDTAG.exec(flattenHeader(header));
    if (landtag?.[1]) {
      askers = parseAskers(landtag[1]);
      faction = askers.at(-1)?.faction ?? null;
    }
  }
  // The paper's date: next to the Wahlperiode (Bundestag), or `Antwort … vom 13.07.2026` (Landtag).
  let date: string | null = null;
  const periodLine = top.split('\n').find((line) => PERIOD.test(line) && NUMERIC_DATE.test(line));
  const dated = periodLine ? NUMERIC_DATE.exec(periodLine) : /Antwort[^]*?\bvom\s+(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(header.slice(header.lastIndexOf('Antwort'))) ?? PLACE_DATE.exec(header);
  if (dated?.[1] && dated[2] && dated[3]) date = isoDate(dated[1], dated[2], dated[3]);
  const respondent = respondentMatch?.[1] ?? null;
  const body = ANSWERING_BODY.exec(header)?.[1] ?? (transmission ? /mit Schreiben (?:des|der)\s+(.+?)\s+vom\s/s.exec(transmission)?.[1] : undefined);
  // A paper cannot answer itself: its own number printed as the answered one is a misprint, not read.
  const answersDrucksache = answered?.[1] && !(own && answered[1].replace(/\s+/g, '') === `${own[1]}/${own[2]}`) ? answered[1] : null;
  let parliament = parliamentMatch?.[1] ?? null;
  if (!parliament && respondent === 'Bundesregierung') parliament = 'Deutscher Bundestag';
  const period = periodMatch?.[1] ?? own?.[1] ?? answersDrucksache?.split('/')[0];
  return {
    parliament,
    legislativePeriod: period ? Number(period) : null,
    drucksache: own ? `${own[1]}/${own[2]}` : null,
    date,
    type: /\bAntwort\b/.test(header) && !/^[ \t]*Unterrichtung[ \t]*$/mu.test(header) ? 'Antwort' : PAPER_TYPE_LINE.exec(header)?.[1] ?? null,
    respondent,
    respondingBody: body ? nominativeBody(body.replace(/-\s*\n\s*(?=\p{Ll})/gu, '').replace(/\s+/g, ' ').trim()) : null,
    answersDrucksache,
    askers,
    faction,
  };
}
