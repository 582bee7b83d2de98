/**
 * Find the sources a Drucksache cites: web addresses, other Drucksachen, publications cited with
 * page numbers, and laws (sections and articles of named acts, EU acts by number).
 *
 * Every record points at the span of its section's run it was read from; records come in document
 * order. Web addresses in Markdown come from link nodes (the destination, never the escaped link
 * text); in plain text they are read from the running text, bridging the line breaks the printed
 * layout put into them.
 */
import lawData from './laws.json' with { type: 'json' };
import type { Source } from '../../model.js';
import { runPosition } from '../../lines/run.js';
import { absoluteUrl, findUrls, HAS_SCHEME, type UrlSpan } from '../shared/urls.js';
import type { ExtractContext, Extraction, Section } from '../../lines/section.js';

/** What a finder returns before the record gets its text, section and position. */
interface Found {
  start: number;
  end: number;
  fields: Omit<Source, 'text' | 'in' | 'position'>;
}

// ---------------------------------------------------------------------------------------------
// Drucksachen

/**
 * A Drucksache cited by number, with the parliament that printed it where named:
 * `Drucksache 18/13237`, `Drs. 19/2598`, `Drs.19/10586`, `Bundestagsdrucksache 21/990`,
 * `Bundestagdrucksache 20/792`, `BT-Drs. 20/1234`, `BT.-Drs. 21/758`, `BT-Drucksache 21/152`,
 * `Landtagsdrucksache 18/123`, `LT-Drs. 19/7613`, `Bundesratsdrucksache 382/25`, `BR Drs. 286/24`,
 * `Drucksachen 21/12`, `Drucksache Nr. 20/6085`, `Drucksachennummer 19/1053`.
 * Committee papers (`Ausschussdrucksache 20/2301`, `HA-Drucksachen 20-3590`) are another series
 * and are left out: the look-behind refuses a letter or hyphen before the keyword.
 */
export const DRUCKSACHE = /(?<![\p{L}\p{N}-])(?:(Bundestags?|BT|Bundesrats?|BR|Landtags?|LT)(?:\.?-|\.?\s)?)?(?:[Dd]rucksache(?:n(?:nummer)?|nummer)?|Drs\.?|Drucks\.)(?:\s?Nr\.)?\s?(\d{1,4})\s?\/\s?(\d{1,6})(?![\d/])/gu;

/** What may follow a number before the list goes on: ` (neu)`, ` (Saarland)`, `(Hessen)`. */
const DRUCKSACHE_SUFFIX = /\s?\((?:neu|[\p{Lu}][\p{L} -]{0,30})\)/uy;

/** A further number in a list after a Drucksache: `, 20/890`, ` und 21/14`, `; 20/5686`, ` sowie 20/13124`, ` bzw. 21/5`. */
const DRUCKSACHE_MORE = /(?:,|;|\s(?:und|sowie|bzw\.|oder))\s?(\d{1,4})\s?\/\s?(\d{1,6})(?![\d/])/uy;

/** A page reference after a citation: `, S. 54`, `, S. 55 bis 57`, `, Seite 21`, `, S. 265 f.`, `, S. 42/43`, `, S. 89, 90`. */
const PAGES = /,\s?(?:S\.|Seiten?)\s?(\d{1,5}(?:\s?(?:bis|-|–|\/)\s?\d{1,5}|\s?ff?\.)?(?:,\s?\d{1,5}(?![\d./])(?:\s?ff?\.)?)*)/uy;

/** Where a page reference starts: `, S. 5`, `, Seite 21`. */
const PAGES_START = /,\s?(?:S\.|Seiten?)\s?\d/gu;

/** Leading zeros of a number: `0375` → `375`. */
const LEADING_ZEROS = /^0+(?=\d)/;

/** A run of white space, to normalise printed text: `Verordnung  (EU)` → `Verordnung (EU)`. */
const WHITE_SPACE_RUN = /\s+/g;

/** Names of state parliaments: `Niedersächsischer Landtag`, `Hamburgische Bürgerschaft`, `Abgeordnetenhaus Berlin`. */
const STATE_PARLIAMENT = /Landtag|Bürgerschaft|Abgeordnetenhaus/;

/** The Bundestag, as the parliament of a Drucksache: `Deutscher Bundestag`. */
const BUNDESTAG = /Bundestag/;

/** Separates pages of a list: `89, 90`. */
const PAGE_SEPARATOR = /,\s?/;

/** Joins the ends of a page range: `55 bis 57`, `42/43`, `55–57`. */
const PAGE_RANGE = /\s?(?:bis|–|-|\/)\s?/;

/** Marks following pages: `265 f.`, `273ff.`. */
const PAGE_FOLLOWING = /\s?(ff?\.)$/;

/** The official PDF of a Bundestag Drucksache. */
const BUNDESTAG_PDF = 'https://dserver.bundestag.de/btd/';

/**
 * The official PDF address of a Bundestag Drucksache: `18/13237` →
 * `https://dserver.bundestag.de/btd/18/132/1813237.pdf`, `21/299` → `…/btd/21/002/2100299.pdf`.
 *
 * @param period Wahlperiode.
 * @param number Number within the period.
 * @returns The address.
 */
export function bundestagPdf(period: string, number: string): string {
  const padded = number.replace(LEADING_ZEROS, '').padStart(5, '0');
  const wp = String(Number(period));
  return `${BUNDESTAG_PDF}${wp}/${padded.slice(0, 3)}/${wp}${padded}.pdf`;
}

/**
 * Which parliament printed a cited Drucksache.
 *
 * @param prefix The printed prefix (`Bundestags`, `BT`, `Landtags`, …) if any.
 * @param own The document's own parliament.
 * @returns The parliament, or null when unknown.
 */
function citedParliament(prefix: string | undefined, own: string | null): string | null {
  if (!prefix) return own;
  if (prefix.startsWith('Bundestag') || prefix === 'BT') return 'Deutscher Bundestag';
  if (prefix.startsWith('Bundesrat') || prefix === 'BR') return 'Bundesrat';
  return own && STATE_PARLIAMENT.test(own) ? own : 'Landtag';
}

/**
 * Read a page list: `55 bis 57` → `['55-57']`, `89, 90` → `['89', '90']`, `265 f.` → `['265 f.']`.
 *
 * @param printed The printed pages.
 * @returns The pages.
 */
function parsePages(printed: string): string[] {
  return printed.split(PAGE_SEPARATOR).map((page) => page.replace(PAGE_RANGE, '-').replace(PAGE_FOLLOWING, ' $1').trim());
}

/**
 * Read the page reference right at `index`, if any.
 *
 * @param text The text.
 * @param index Where it would start (the comma).
 * @returns Pages and the index after them.
 */
function pagesAt(text: string, index: number): { pages: string[]; end: number } | undefined {
  PAGES.lastIndex = index;
  const match = PAGES.exec(text);
  if (!match?.[1]) return undefined;
  return { pages: parsePages(match[1]), end: index + match[0].length };
}

/**
 * Find cited Drucksachen.
 *
 * @param text Section text.
 * @param context The context: the document's own number and parliament.
 * @returns Found records.
 */
function findDrucksachen(text: string, context: ExtractContext): Found[] {
  const found: Found[] = [];
  const answered = context.meta.answersDrucksache?.replace(WHITE_SPACE_RUN, '') ?? null;
  // The document's own number is not a citation; the Anfrage it answers is, even where the header
  // reader took one for the other.
  const ownNumber = context.meta.drucksache?.replace(WHITE_SPACE_RUN, '') ?? null;
  const own = ownNumber === answered ? null : ownNumber;
  const ownParliament = context.meta.parliament;
  for (const match of text.matchAll(DRUCKSACHE)) {
    const prefix = match[1];
    const parliament = citedParliament(prefix, ownParliament);
    const bundesrat = parliament === 'Bundesrat';
    let start = match.index;
    let end = match.index + match[0].length;
    let period = match[2] ?? '';
    let number = match[3] ?? '';
    for (;;) {
      // A period has at most two digits; Bundesrat numbers are `number/year` instead.
      if (bundesrat || period.length <= 2) {
        const canonical = `${bundesrat ? period.replace(LEADING_ZEROS, '') : Number(period)}/${number.replace(LEADING_ZEROS, '')}`;
        if (canonical !== own || parliament !== ownParliament) {
          const fields: Found['fields'] = { kind: 'drucksache', number: canonical };
          if (parliament && parliament !== ownParliament) fields.parliament = parliament;
          if (parliament && BUNDESTAG.test(parliament)) fields.url = bundestagPdf(period, number);
          found.push({ start, end, fields });
        }
      }
      DRUCKSACHE_SUFFIX.lastIndex = end;
      const suffix = DRUCKSACHE_SUFFIX.exec(text);
      const after = suffix ? end + suffix[0].length : end;
      const pages = pagesAt(text, after);
      const last = found.at(-1);
      if (pages && last && last.start === start) {
        last.fields.pages = pages.pages;
        last.end = pages.end;
        break;
      }
      DRUCKSACHE_MORE.lastIndex = after;
      const more = DRUCKSACHE_MORE.exec(text);
      if (!more) break;
      start = after + more[0].indexOf(more[1] ?? '', 1);
      end = after + more[0].length;
      period = more[1] ?? '';
      number = more[2] ?? '';
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Publications

/** Words that end a title going backwards (citation markers): `vgl.`, `siehe`, `ebd.`, `laut`. */
const TITLE_STOP = new Set(['vgl.', 'Vgl.', 'vergleiche', 'Vergleiche', 'siehe', 'Siehe', 's.', 'laut', 'Laut', 'gemäß', 'Gemäß', 'ebd.', 'Ebd.', 'ebenda', 'Ebenda', 'hierzu', 'dazu', 'a.a.O.', 'aaO']);

/** Small words inside a title: `Verfassungsschutzbericht des Landes Hamburg für das Jahr 2016`. */
const TITLE_LINK_WORDS = new Set(['des', 'der', 'die', 'das', 'dem', 'den', 'für', 'vom', 'von', 'zum', 'zur', 'zu', 'und', 'im', 'in', 'über', 'zwischen', 'am', 'an', 'auf', 'mit', 'bei', 'gegen', 'nach', 'the', 'of', 'and', 'for', 'on']);

/** Capitalised words that open a sentence or a phrase, not a title: `Laut dem Bericht …`, `Im Bericht …`. */
const TITLE_LEADING = new Set(['Im', 'In', 'Nach', 'Aus', 'Dem', 'Den', 'Der', 'Die', 'Das', 'Des', 'Auf', 'Zum', 'Zur', 'Vom', 'Von', 'Am', 'Bei', 'Mit', 'Wie', 'So', 'Auch', 'Ein', 'Eine', 'Einem', 'Einen', 'Einer', 'Eines']);

/** A capitalised title word, or a short abbreviation of one: `Verfassungsschutzbericht`, `Hamburg`, `Nds.`, `IAB-Stellungnahme`. */
const TITLE_WORD = /^[\p{Lu}][\p{L}\p{N}-]*$|^[\p{Lu}][\p{L}]{0,3}\.$/u;

/** A number in a title: `2016`, `4/2024`, `5-2021`. */
const TITLE_NUMBER = /^\d{1,4}(?:[/-]\d{1,4})?$/;

/** A "title" that is only a date, the date of a cited page: `Juni 2025`, `30. Juni 2025`. */
const DATE_TITLE = /^(?:\d{1,2}\.\s)?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s\d{4}$/;

/** A part of a document rather than a title: `Anlage`, `Anhang`, `Tabelle 3` (of the Drucksache cited before it). */
const PART_TITLE = /^(?:Anlage|Anlagen|Anhang|Tabelle|Abbildung|Kapitel|Teil|Band|Abschnitt|Ziffer|Nummer)(?:\s\d{1,3}[a-z]?)?$/;

/** Opening quotation marks: `„Lagebild 2023“`. */
const OPEN_QUOTES = '„“"»«‚';

/** Closing quotation marks. */
const CLOSE_QUOTES = '“”"«»‘';

/** A quoted title starts with a capital or a digit: `„Lagebild 2023“`. */
const TITLE_START = /^[\p{Lu}\p{N}]/u;

/** A word of its own in a title, not an abbreviation: `Integritätsbericht`. */
const TITLE_NOUN = /^[\p{Lu}][\p{Ll}]{2,}/u;

/** One white-space character, where words of a title end. */
const SPACE = /\s/;

/** At most this many words are read back from a page reference to find the title. */
const MAX_TITLE_WORDS = 14;

/** A token longer than this is no title word (bounds the backward scan). */
const MAX_TOKEN = 60;

/**
 * Find the title printed before a page reference.
 *
 * Reads words back from `end` while they can belong to a title (capitalised words, numbers, small
 * linking words); stops at a citation marker (`vgl.`), an opening parenthesis or punctuation; then
 * drops linking words and sentence openers at the front. A quoted title is taken whole.
 *
 * @param text The text.
 * @param end Where the title ends (the comma before `S.`).
 * @returns `[start, end)` of the title, or undefined.
 */
function titleBefore(text: string, end: number): [number, number] | undefined {
  const last = text.charAt(end - 1);
  if (CLOSE_QUOTES.includes(last)) {
    for (let i = end - 2; i >= Math.max(0, end - 200); i--) {
      if (OPEN_QUOTES.includes(text.charAt(i))) {
        return TITLE_START.test(text.charAt(i + 1)) && end - 1 > i + 1 ? [i + 1, end - 1] : undefined;
      }
    }
    return undefined;
  }
  const words: Array<[number, number]> = [];
  let at = end;
  while (words.length < MAX_TITLE_WORDS) {
    if (words.length > 0) {
      if (text.charAt(at - 1) !== ' ') break;
      at--;
    }
    let from = at;
    while (from > 0 && from > at - MAX_TOKEN && !SPACE.test(text.charAt(from - 1))) from--;
    if (from === at || (from > 0 && !SPACE.test(text.charAt(from - 1)))) break;
    let token = text.slice(from, at);
    let opened = false;
    if (token.startsWith('(') || OPEN_QUOTES.includes(token.charAt(0))) {
      token = token.slice(1);
      from++;
      opened = true;
    }
    if (TITLE_STOP.has(token)) break;
    if (!(TITLE_WORD.test(token) || TITLE_NUMBER.test(token) || TITLE_LINK_WORDS.has(token))) break;
    words.unshift([from, at]);
    at = from;
    if (opened) break;
  }
  while (words.length > 0) {
    const first = words[0];
    if (!first) break;
    const token = text.slice(first[0], first[1]);
    if (TITLE_LINK_WORDS.has(token) || TITLE_LEADING.has(token) || TITLE_NUMBER.test(token)) words.shift();
    else break;
  }
  const first = words[0];
  const final = words.at(-1);
  if (!first || !final) return undefined;
  if (TITLE_LINK_WORDS.has(text.slice(final[0], final[1]))) return undefined;
  // A title has a word of its own, not only abbreviations and numbers.
  if (!words.some(([a, b]) => TITLE_NOUN.test(text.slice(a, b)))) return undefined;
  return [first[0], final[1]];
}

/**
 * Find publications cited with pages, and attach pages to addresses and Drucksachen cited with them.
 *
 * @param text Section text.
 * @param taken Where records found so far stand (addresses, Drucksachen, laws); pages right after
 *   an address go to it.
 * @returns New publication records.
 */
function findPublications(text: string, taken: Coverage): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(PAGES_START)) {
    const index = match.index;
    const pages = pagesAt(text, index);
    if (!pages) continue;
    if (taken.covered[index]) continue;
    const before = taken.endsAt.get(index);
    if (before) {
      if (before.fields.kind === 'url' && !before.fields.pages) before.fields.pages = pages.pages;
      continue;
    }
    const title = titleBefore(text, index);
    if (!title) continue;
    const name = text.slice(title[0], title[1]).replace(WHITE_SPACE_RUN, ' ');
    if (DATE_TITLE.test(name)) continue;
    if (PART_TITLE.test(name)) {
      // `Bundestagsdrucksache 20/10177, Anlage, S. 1 f.`: the pages are the Drucksache's.
      const owner = text.slice(title[0] - 2, title[0]) === ', ' ? taken.endsAt.get(title[0] - 2) : text.charAt(title[0] - 1) === ',' ? taken.endsAt.get(title[0] - 1) : undefined;
      if (owner && !owner.fields.pages) owner.fields.pages = pages.pages;
      continue;
    }
    if (isCovered(taken, title[0], index)) continue;
    found.push({ start: title[0], end: pages.end, fields: { kind: 'publication', title: name, pages: pages.pages } });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Laws

/** One law of the gazetteer. */
interface LawEntry {
  abbreviation: string;
  name: string;
  aliases: string[];
}

/** The gazetteer of common laws (see its `source`). */
const LAWS: readonly LawEntry[] = lawData.laws;

/** The start of a norm citation: `§ 44`, `§§ 88ff.`, `Art. 33`, `Artikel 137`, `Artikeln 1`, `§ 3a`. */
const NORM_HEAD = /(?<![\p{L}\p{N}])(?:§§?|Art\.|Artikeln?)\s?\d{1,4}(?:(?=ff?\.)|[a-z](?![\p{L}\p{N}])|(?![\p{L}\p{N}]))/gu;

/**
 * A finer division or a further number after a norm: ` Abs. 1`, ` Absatz 3`, ` Satz 1`, ` S. 2`,
 * ` Nr. 2`, ` Buchst. a`, ` lit. b`, ` Alt. 1`, ` Halbsatz 2`, ` ff.`, `ff.`, ` f.`, ` und 5`,
 * `, 3`, ` bis 7`, ` und Absatz 5`.
 */
const NORM_PART = /\s?(?:(?:Abs\.|Absatz|Absätze|Satz|Sätze|S\.|Nr\.|Nrn\.|Nummer|Nummern|Buchst\.|Buchstabe|lit\.|Alt\.|Alternative|Var\.|Variante|Halbsatz|Hs\.|UAbs\.|Unterabs\.|Unterabsatz|Ziff\.|Ziffer)\s?(?:\d{1,4}[a-z]?|[a-z]\)?)(?![\p{L}\p{N}])|ff?\.|(?:,|und|bis|oder|sowie)\s(?:(?:Abs\.|Absatz|Satz|Nr\.)\s)?\d{1,4}[a-z]?(?![\p{L}\p{N}./]))/uy;

/** The same, anchored after a chaining word. */
const NORM_HEAD_AT = new RegExp(NORM_HEAD.source, 'uy');

/** Joins two norm citations: ` i. V. m. Artikel 140`, ` in Verbindung mit § 3`, ` und Art. 5`, `, § 9`. */
const NORM_CHAIN = /\s?(?:i\.\s?V\.\s?m\.|iVm|in Verbindung mit|und|sowie|bzw\.|oder|,)\s(?=(?:§|Art\.|Artikel)\s?\d)/uy;

/** Up to three capitalised words after a norm, with an optional article: ` des Grundgesetzes`, ` der Weimarer Reichsverfassung`, ` Niedersächsisches Personalvertretungsgesetz`, ` BHO`. */
const LAW_WORDS = /\s(?:(?:des|der|dem|im|zum|zur)\s)?((?:[\p{Lu}][\p{L}\p{N}/-]*\s){0,2}[\p{Lu}][\p{L}\p{N}/-]*)/uy;

/** The ending of a word that names a law: `Beamtenstatusgesetz`, `Grundgesetzes`, `Reichsverfassung`, `Tarifvertrag`, `Bundeshaushaltsordnung`. */
const LAW_NOUN = /(?:gesetz|gesetzes|gesetzbuch|gesetzbuches|gesetzbuchs|ordnung|verfassung|vertrag|vertrages|vertrags|abkommen|abkommens|übereinkommen|übereinkommens|konvention|richtlinie|satzung|statut|statuts|charta|kodex)$/i;

/** An abbreviated law name: two capitals or more, `GG`, `BHO`, `BeamtStG`, `NPersVG`, `SGB`, `FreizügG/EU`. */
const LAW_ABBREVIATION = /^(?=(?:[^\p{Lu}]*[\p{Lu}]){2})[\p{Lu}][\p{L}/-]{1,14}$/u;

/** A book of a code or a second part of an abbreviation: ` II`, ` XII`, ` LT`. */
const LAW_ABBREVIATION_PART = /\s([IVX]{1,4}|[A-Z]{2,3})(?![\p{L}\p{N}])/uy;

/** A short second part of an abbreviation: `LT` in `GO LT`. */
const SHORT_CAPITALS = /^[A-Z]{2,3}$/;

/** Roman numerals, never a law's abbreviation on their own: `Artikel 8 II`. */
const ROMAN = /^[IVXLC]+$/;

/** Nouns that end like a law but are none: `Anordnung`, `Zuordnung`, `Einordnung`. */
const NOT_LAW_NOUN = /^(?:An|Zu|Ein|Unter|Bei|Neu|Um|Über|Rang)ordnung$/i;

/** A law named only by its kind, which says nothing of which law: `des Gesetzes`, `der Verordnung`. */
const GENERIC_LAW = /^(?:Gesetz|Gesetzes|Verordnung|Vertrag|Vertrages|Vertrags|Abkommen|Abkommens|Richtlinie|Satzung|Ordnung|Verfassung|Konvention|Übereinkommen|Übereinkommens)$/;

/** An article before a law name: ` des `, ` der `, ` dem `, ` im `, ` zum `, ` zur `. */
const LAW_ARTICLE = /^\s(?:(?:des|der|dem|im|zum|zur)\s)?/u;

/** An abbreviation in parentheses after a law name: ` (BeamtStG)`, ` (NPersVG)`. */
const LAW_ABBREVIATION_AFTER = /\s?\(([\p{Lu}][\p{L}\p{N}/ -]{0,14})\)/uy;

/**
 * An EU act by its number: `Verordnung (EU) 2016/679`, `Verordnung (EG) Nr. 1069/2009`,
 * `Richtlinie (EU) 2019/1937`, `Richtlinie 2014/24/EU`, `Durchführungsverordnung (EU) 2021/1119`,
 * `Delegierte Verordnung (EU) 2019/945`, `Beschluss (EU) 2022/2481`.
 */
export const EU_ACT = /(?<![\p{L}])(?:Delegierte[nr]?\s|Durchführungs)?(?:[Vv]erordnung|Richtlinie|[Bb]eschluss|[Bb]eschlusses)\s(?:\((?:EU|EG|EWG|EU,\s?Euratom|EG,\s?Euratom)\)\s(?:Nr\.\s?)?\d{1,4}\/\d{1,4}|(?:Nr\.\s?)?\d{2,4}\/\d{1,4}\/(?:EU|EG|EWG))(?![\d/])/gu;

/** The same, anchored where a law name is expected after a norm. */
const EU_ACT_AT = new RegExp(EU_ACT.source, 'uy');

/** Index of the gazetteer: abbreviations (as printed) and stemmed names to the official name. */
let lawIndex: Map<string, string> | undefined;

/** A German case ending, cut to compare inflected names: `Bürgerlichen Gesetzbuches` ~ `Bürgerliches Gesetzbuch`. */
const CASE_ENDING = /(?:es|en|em|er|e|s|n)$/;

/**
 * The inflection-free key of a name: every word lower-cased and cut of its case ending.
 *
 * @param name A law name.
 * @returns The key.
 */
function lawKey(name: string): string {
  return name.toLowerCase().split(WHITE_SPACE_RUN).map((word) => word.replace(CASE_ENDING, '')).join(' ');
}

/**
 * Look a printed law name up in the gazetteer (the index is built on first use).
 *
 * @param printed A printed name or abbreviation, possibly inflected (`Grundgesetzes`,
 *   `Bürgerlichen Gesetzbuches`, `Zweiten Buches Sozialgesetzbuch`).
 * @returns The official name, or undefined.
 */
function lookUpLaw(printed: string): string | undefined {
  if (!lawIndex) {
    lawIndex = new Map();
    for (const law of LAWS) {
      lawIndex.set(law.abbreviation, law.name);
      for (const name of [law.name, ...law.aliases]) lawIndex.set(lawKey(name), law.name);
    }
  }
  return lawIndex.get(printed) ?? lawIndex.get(lawKey(printed));
}

/** A norm citation being read. */
interface Norm {
  start: number;
  end: number;
  /** Whether a law was named for it (its own, or the next one's in a chain). */
  law: boolean;
  /** The law's name, where it says more than a generic word (`des Gesetzes`). */
  title?: string;
}

/**
 * Read the law name right after a norm citation.
 *
 * Tried in turn: an EU act by number (`der Verordnung (EU) 2016/679`); an abbreviation
 * (`BHO`, `SGB II`, `GO LT`); the shortest run of capitalised words ending in a law noun
 * (`Weimarer Reichsverfassung`, `des Grundgesetzes`). An abbreviation in parentheses may follow.
 *
 * @param text The text.
 * @param index Where the name would start.
 * @returns The end of the name and the law's title (none for a generic `des Gesetzes`), or undefined.
 */
function lawNameAt(text: string, index: number): { end: number; title: string | undefined } | undefined {
  const article = LAW_ARTICLE.exec(text.slice(index, index + 6));
  if (article) {
    EU_ACT_AT.lastIndex = index + article[0].length;
    const act = EU_ACT_AT.exec(text);
    if (act) return { end: EU_ACT_AT.lastIndex, title: act[0].replace(WHITE_SPACE_RUN, ' ') };
  }
  LAW_WORDS.lastIndex = index;
  const match = LAW_WORDS.exec(text);
  if (!match?.[1]) return undefined;
  const wordsStart = index + match[0].length - match[1].length;
  const words = match[1].split(' ');
  const first = words[0] ?? '';
  const hasArticle = match[0].length - match[1].length > 1;
  let end = -1;
  let title: string | undefined;
  let known = false;
  if (!hasArticle && LAW_ABBREVIATION.test(first) && !ROMAN.test(first)) {
    end = wordsStart + first.length;
    let abbreviation = first;
    LAW_ABBREVIATION_PART.lastIndex = end;
    const part = LAW_ABBREVIATION_PART.exec(text);
    if (part?.[1] && (lookUpLaw(`${first} ${part[1]}`) || (first.length <= 3 && SHORT_CAPITALS.test(part[1])))) {
      abbreviation = `${first} ${part[1]}`;
      end = LAW_ABBREVIATION_PART.lastIndex;
    }
    const official = lookUpLaw(abbreviation);
    known = official !== undefined;
    title = official ?? abbreviation;
  } else {
    for (let count = 1; count <= words.length; count++) {
      const last = words[count - 1] ?? '';
      if (!LAW_NOUN.test(last) || NOT_LAW_NOUN.test(last)) continue;
      const printed = words.slice(0, count).join(' ');
      end = wordsStart + printed.length;
      const official = lookUpLaw(printed);
      known = official !== undefined;
      title = official ?? (GENERIC_LAW.test(printed) ? undefined : printed);
      break;
    }
  }
  if (end < 0) return undefined;
  LAW_ABBREVIATION_AFTER.lastIndex = end;
  const after = LAW_ABBREVIATION_AFTER.exec(text);
  if (after?.[1] && LAW_ABBREVIATION.test(after[1])) {
    end = LAW_ABBREVIATION_AFTER.lastIndex;
    // The printed name was not in the gazetteer; its abbreviation may be.
    if (!known) title = lookUpLaw(after[1]) ?? title ?? after[1];
  }
  return { end, title };
}

/**
 * Find law citations: each norm (`§ 44 BHO`, `Artikel 140 des Grundgesetzes`) is one record; norms
 * chained with `i. V. m.`, `und`, … are separate records, and one without a law of its own takes
 * the law of the next (`Artikel 2 Abs. 1 i. V. m. Artikel 1 Abs. 1 Grundgesetz`). EU acts cited by
 * number are records too.
 *
 * @param text Section text.
 * @returns Found records.
 */
function findLaws(text: string): Found[] {
  const found: Found[] = [];
  NORM_HEAD.lastIndex = 0;
  let head: RegExpExecArray | null;
  while ((head = NORM_HEAD.exec(text))) {
    const chain: Norm[] = [];
    let norm: Norm = { start: head.index, end: NORM_HEAD.lastIndex, law: false };
    for (;;) {
      for (;;) {
        NORM_PART.lastIndex = norm.end;
        if (!NORM_PART.exec(text)) break;
        norm.end = NORM_PART.lastIndex;
      }
      const law = lawNameAt(text, norm.end);
      if (law) {
        norm.end = law.end;
        norm.law = true;
        if (law.title !== undefined) norm.title = law.title;
        for (const earlier of chain) {
          if (earlier.law) continue;
          earlier.law = true;
          if (law.title !== undefined) earlier.title = law.title;
        }
      }
      chain.push(norm);
      NORM_CHAIN.lastIndex = norm.end;
      if (!NORM_CHAIN.exec(text)) break;
      const next = NORM_CHAIN.lastIndex;
      NORM_HEAD_AT.lastIndex = next;
      if (!NORM_HEAD_AT.exec(text)) break;
      norm = { start: next, end: NORM_HEAD_AT.lastIndex, law: false };
    }
    for (const item of chain) {
      if (!item.law) continue;
      const fields: Found['fields'] = { kind: 'law' };
      if (item.title !== undefined) fields.title = item.title;
      found.push({ start: item.start, end: item.end, fields });
    }
    NORM_HEAD.lastIndex = chain.at(-1)?.end ?? NORM_HEAD.lastIndex;
  }
  const norms = coverageOf(text, found);
  for (const act of text.matchAll(EU_ACT)) {
    const start = act.index;
    const end = start + act[0].length;
    if (isCovered(norms, start, end)) continue;
    found.push({ start, end, fields: { kind: 'law', title: act[0].replace(WHITE_SPACE_RUN, ' ') } });
  }
  return found;
}


// ---------------------------------------------------------------------------------------------
// Addresses printed more than once

/** At most this many hyphens at line ends are weighed in one address (2^n readings). */
const MAX_LINE_END_HYPHENS = 4;

/**
 * How often each address is printed in the document, as rebuilt.
 *
 * @param spans The addresses of every section.
 * @returns Count per address.
 */
function printedAddresses(spans: ReadonlyArray<readonly UrlSpan[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of spans) {
    for (const span of list) {
      const key = addressKey(span.url);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * An address without its scheme, which papers print or leave out as they like.
 *
 * @param url The address.
 * @returns The key.
 */
function addressKey(url: string): string {
  return url.replace(HAS_SCHEME, '');
}

/**
 * An address with the hyphens at its line ends settled by the document itself.
 *
 * A hyphen at a line end inside an address is its own (`…-hasskriminalitaet-` / `imnetz`) or a
 * syllable break the layout put in (`…/ro-` / `tenburg-verden.html`); the text cannot tell. Where
 * the same address is printed elsewhere in the document without that hyphen, and not with it, that
 * printing decides; otherwise the hyphen stays, as printed.
 *
 * @param span The address as rebuilt.
 * @param printed How often each address is printed in the document.
 * @returns The address.
 */
function settledHyphens(span: UrlSpan, printed: ReadonlyMap<string, number>): string {
  const hyphens = span.lineEndHyphens;
  if (!hyphens || hyphens.length > MAX_LINE_END_HYPHENS || (printed.get(addressKey(span.url)) ?? 0) > 1) return span.url;
  const readings: string[] = [];
  for (let mask = 1; mask < 1 << hyphens.length; mask++) {
    let reading = span.url;
    // Drop from the back, so that earlier indexes still hold.
    for (let bit = hyphens.length - 1; bit >= 0; bit--) {
      const at = hyphens[bit];
      if (at !== undefined && mask & (1 << bit) && reading.charAt(at) === '-') reading = reading.slice(0, at) + reading.slice(at + 1);
    }
    if (printed.has(addressKey(reading))) readings.push(reading);
  }
  return readings.length === 1 && readings[0] !== undefined ? readings[0] : span.url;
}

// ---------------------------------------------------------------------------------------------

/** Where records stand in a section's text: covered characters, and records by their end. */
interface Coverage {
  covered: Uint8Array;
  endsAt: Map<number, Found>;
}

/**
 * Mark records in a coverage.
 *
 * @param coverage The coverage.
 * @param records Records to add.
 */
function cover(coverage: Coverage, records: readonly Found[]): void {
  for (const record of records) {
    coverage.covered.fill(1, record.start, record.end);
    coverage.endsAt.set(record.end, record);
  }
}

/**
 * Make the coverage of records over a text.
 *
 * @param text The text.
 * @param records The records.
 * @returns The coverage.
 */
function coverageOf(text: string, records: readonly Found[]): Coverage {
  const coverage: Coverage = { covered: new Uint8Array(text.length), endsAt: new Map() };
  cover(coverage, records);
  return coverage;
}

/**
 * Whether any character of a span is covered. Records of one kind do not overlap each other, so
 * checking each of them costs time linear in the text overall.
 *
 * @param coverage The coverage.
 * @param start Start of the span.
 * @param end End of the span.
 * @returns Whether the span overlaps a record.
 */
function isCovered(coverage: Coverage, start: number, end: number): boolean {
  return coverage.covered.subarray(start, end).includes(1);
}

/**
 * Extract the sources cited in a document's sections: web addresses, Drucksachen (the answered
 * Anfrage included, the document's own number left out), publications cited with pages, and laws.
 *
 * @param sections The document's sections, in document order.
 * @param context Locator, header metadata (own number, parliament) and input form.
 * @returns Source records in document order, each with the exact position of its text.
 */
export function extractSources(sections: readonly Section[], context: ExtractContext): Extraction<Source> {
  const records: Source[] = [];
  const spans = sections.map((section) => findUrls(section, context));
  const printed = printedAddresses(spans);
  sections.forEach((section, index) => {
    const text = section.run.text;
    const urls: Found[] = (spans[index] ?? []).map((span) => ({ start: span.start, end: span.end, fields: { kind: 'url', url: absoluteUrl(settledHyphens(span, printed)) } }));
    const coverage = coverageOf(text, urls);
    const drucksachen = findDrucksachen(text, context).filter((record) => !isCovered(coverage, record.start, record.end));
    cover(coverage, drucksachen);
    const laws = findLaws(text).filter((record) => !isCovered(coverage, record.start, record.end));
    cover(coverage, laws);
    const publications = findPublications(text, coverage);
    const taken = [...urls, ...drucksachen, ...laws, ...publications];
    taken.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const record of taken) {
      records.push({
        ...record.fields,
        text: text.slice(record.start, record.end),
        in: section.id,
        position: runPosition(context.locator, section.run, record.start, record.end),
      });
    }
  });
  return { records, messages: [] };
}
