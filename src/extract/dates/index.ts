/**
 * Find the dates a Drucksache names: days (`4. Juli 2025`, `21.08.2025`), months (`Juni 2016`),
 * parts of a year or month (`Mitte 2016`, `Ende Juni 2025`, `erstes Quartal 2024`), years named
 * with a preposition (`seit 2009`, `im Jahr 2023`, `bis 2030`) and ranges of these
 * (`1. Januar 2015 bis 31. Dezember 2019`, `28.-30. Juli`, `2006 bis Ende 2007`).
 *
 * Each record carries the first and the last day it covers as ISO dates and how precisely it was
 * printed. A date printed without its year (`28.-30. Juli`) takes the nearest year printed before
 * it in the same section, else the document's date, else the nearest year after it.
 *
 * Bare years are not dates on their own: `2015` in a table or `2015 777.000,00 EUR` is a column
 * label or a number. A year counts when a preposition or a word for a year introduces it (`seit`,
 * `bis`, `ab`, `vor`, `nach`, `von`, `zwischen`, `im Jahr`, `Haushaltsjahr`, `Stand`), or when it
 * is an end of a range (`2015 bis 2019`). The record's text is then the year (and range) alone.
 *
 * Patterns are our own rather than chrono-node's German parser: on the 3.3 MB `bt21-1335.txt`
 * it took about 1.1 s, read `1 bis 4` (question numbers) as times, and knows no months without a
 * day, parts of a year or years after prepositions; these patterns run in one linear pass.
 * Dates inside web addresses are skipped.
 */
import { findUrls } from '../shared/urls.js';
import type { DateRecord } from '../../model.js';
import { runPosition } from '../../lines/run.js';
import type { ExtractContext, Extraction, Section } from '../../lines/section.js';

/** Month names and their abbreviations, lower case, to the month number. */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januar', 1], ['jänner', 1], ['jan.', 1], ['februar', 2], ['feb.', 2], ['febr.', 2], ['märz', 3], ['mär.', 3], ['mrz.', 3],
  ['april', 4], ['apr.', 4], ['mai', 5], ['juni', 6], ['jun.', 6], ['juli', 7], ['jul.', 7], ['august', 8], ['aug.', 8],
  ['september', 9], ['sep.', 9], ['sept.', 9], ['oktober', 10], ['okt.', 10], ['november', 11], ['nov.', 11], ['dezember', 12], ['dez.', 12],
]);

/** A month name or abbreviation: `Januar`, `März`, `Sept.`, `Dez.`. */
const MONTH = String.raw`(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan\.|Febr?\.|Mär\.|Mrz\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Okt\.|Nov\.|Dez\.)`;

/** A year of the 19th to 21st century: `2016`. */
const YEAR = String.raw`(?:1[89]|20)\d{2}`;

/** Words naming a part of a year or a month: `Anfang`, `Mitte`, `Ende`, `Frühjahr`, `Jahresende`. */
const PART = String.raw`(?:Anfang|Mitte|Ende|Frühjahr|Frühling|Sommer|Herbst|Winter|Jahresbeginn|Jahresanfang|Jahresmitte|Jahresende)`;

/** Ordinals of quarters and halves: `erstes`, `zweiten`, `3.`, `IV.`. */
const ORDINAL = String.raw`(?:erste[nmrs]?|zweite[nmrs]?|dritte[nmrs]?|vierte[nmrs]?|[1-4]\.|I{1,3}\.|IV\.)`;

/**
 * Every date-like piece, in one alternation so that one pass finds them without overlap:
 * `03.07.2017` or `01.01.` (numeric), `4. Juli 2025` or `1. Juni` (day and month name), `28.` before
 * a range (day alone), `Mitte 2016`, `Ende Juni 2025`, `Anfang des Jahres 2024` (part), `erstes
 * Quartal 2024`, `2. Halbjahr 2025` (quarter, half), `Juni 2016` or `Juni` (month), `2009` (year).
 */
export const DATE_PIECE = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}.,/])(?<nd>\d{1,2})\.(?<nm>\d{1,2})\.(?<ny>${YEAR})?(?![\p{N}]|[.,]\p{N})`,
    String.raw`(?<![\p{L}\p{N}.,/])(?<td>\d{1,2})\.\s?(?<tm>${MONTH})(?:\s(?<ty>${YEAR}))?(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}.,/])(?<qn>${ORDINAL})\s(?<qk>Quartal|Halbjahr|Jahreshälfte)s?\s(?:des\s(?:Jahres\s)?)?(?<qy>${YEAR})(?![\p{N}])`,
    String.raw`(?<![\p{L}\p{N}.,/])(?<dd>\d{1,2})\.(?=\s?(?:-|–|bis\s|und\s)\s?(?:dem\s)?\d{1,2}\.)`,
    String.raw`(?<![\p{L}\p{N}])(?<sp>${PART})\s(?:(?:des\s)?Jahres\s)?(?:(?<sm>${MONTH})(?:\s(?<sy>${YEAR}))?|(?<sy2>${YEAR}))(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])(?<mm>${MONTH})(?:\s(?<my>${YEAR}))?(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}.,/])(?<y>${YEAR})(?![\p{N}/]|[.,]\p{N})`,
  ].join('|'),
  'gu',
);

/** {@link DATE_PIECE} tried at one index only. */
const DATE_PIECE_AT = new RegExp(DATE_PIECE.source, 'uy');

/**
 * Characters a match of {@link DATE_PIECE} can start with, by code: the digits, the first letters of
 * the month names (`Juni`), of the parts of a year (`Mitte`), of the ordinals (`erstes`, `IV.`).
 */
const PIECE_FIRST = new Uint8Array(128);
for (const char of '0123456789JFMAOSNDEHWezdvI') PIECE_FIRST[char.charCodeAt(0)] = 1;

/** A letter or digit outside ASCII, as the look-behinds of {@link DATE_PIECE} see one: `ä`, `²`. */
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

/**
 * The next match of {@link DATE_PIECE} at or after an index, as its global search finds it, but
 * tried only where a match can start: at a character that begins one of its alternatives and does
 * not follow a letter or digit (every alternative looks behind for one). Most of a text is neither,
 * and the whole alternation tried at every index was a tenth of the pipeline's time.
 *
 * @param text Section text.
 * @param from Index to search from.
 * @returns The match, or null.
 */
function nextPiece(text: string, from: number): RegExpExecArray | null {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || PIECE_FIRST[code] !== 1) continue;
    if (i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before < 128 ? (before >= 48 && before <= 57) || ((before | 32) >= 97 && (before | 32) <= 122) : NON_ASCII_WORD.test(text.charAt(i - 1))) continue;
    }
    DATE_PIECE_AT.lastIndex = i;
    const match = DATE_PIECE_AT.exec(text);
    if (match) return match;
  }
  return null;
}

/** Introduces a year, read back from it: `seit 2009`, `im Jahr 2023`, `bis zum Jahr 2030`, `Haushaltsjahr 2024`, `Stand 2024`. */
const YEAR_TRIGGER = /(?:^|[^\p{L}])(?:seit|bis|ab|vor|nach|von|zwischen|Jahr|Jahre|Jahres|Jahren|Haushaltsjahr|Haushaltsjahres|Kalenderjahr|Kalenderjahres|Geschäftsjahr|Geschäftsjahres|Berichtsjahr|Berichtsjahres|Wirtschaftsjahr|Stand|Stichtag)\s(?:(?:dem|den)\s)?$/u;

/** Introduces a month without its year: `im Juni`, `seit August`, `bis Ende Mai`, `vom März`. */
const MONTH_TRIGGER = /(?:^|[^\p{L}])(?:im|seit|ab|bis|vom|zum|Monat|Monats)\s$/u;

/** Follows a number, not a year: `2000 Euro`, `1900 Personen`, `2050 Prozent`. */
const NOT_A_YEAR_AFTER = /^\s?(?:Euro|EUR|€|Prozent|%|Mio\.|Mrd\.|Tsd\.|Stück|Personen|Menschen|Fälle|Fällen|Mal|mal|km|kg|t|Tonnen|Stunden|Tage|Tagen|Meter|Einwohner|Beschäftigte|Stellen|Anträge|Euro\.)(?![\p{L}])/u;

/** Joins years of a list: `, `, ` und `, ` sowie `, ` oder `, ` bzw. `. */
const YEAR_LIST = /^(?:,\s?|\s(?:und|sowie|oder|bzw\.)\s)$/;

/** Joins the two ends of a range: ` bis `, ` bis zum `, `-`, ` – `, ` und dem ` (after `zwischen`). */
const RANGE_JOIN = /^\s?(?:-|–|—|bis(?:\s(?:zum|einschließlich))?|und)\s?(?:(?:dem|den)\s)?$/;

/** A range joined by `und` rather than `bis`: ` und dem `. */
const JOINED_BY_AND = /^\s?und/;

/** Opens a range with `und`: `zwischen dem 1. Januar und …`, `zwischen 2015 und 2019`. */
const BETWEEN = /zwischen\s(?:(?:dem|den)\s)?$/;

type Precision = DateRecord['precision'];

/** Coarser precisions rank higher. */
const RANK: Readonly<Record<Precision, number>> = { day: 0, month: 1, season: 2, year: 3 };

/** A date piece as read, before its year is settled. Every field is always present (one object shape). */
interface Piece {
  start: number;
  end: number;
  precision: Precision;
  year: number | undefined;
  month: number | undefined;
  day: number | undefined;
  /** For parts of a year or month: which part (`Anfang`, `Sommer`, `Q2`, `H1`). */
  part: string | undefined;
  /** Only valid as the first end of a range (`28.`, `01.01.`, a bare year or month). */
  partial: boolean;
  /** Whether a word before it makes a bare year or month a date (`seit 2009`, `im Juni`). */
  triggered: boolean;
}

/**
 * Make a piece.
 *
 * @param start Start index.
 * @param end End index.
 * @param precision Precision.
 * @param date Year, month, day and part where printed.
 * @param flags Whether it is partial or triggered.
 * @returns The piece.
 */
function makePiece(start: number, end: number, precision: Precision, date: { year?: number | undefined; month?: number | undefined; day?: number | undefined; part?: string | undefined }, flags: { partial?: boolean; triggered?: boolean } = {}): Piece {
  return { start, end, precision, year: date.year, month: date.month, day: date.day, part: date.part, partial: flags.partial ?? false, triggered: flags.triggered ?? false };
}

/** A resolved span of days. */
interface Span {
  start: string;
  end: string;
}

/**
 * Days in a month.
 *
 * @param year The year.
 * @param month The month (1–12).
 * @returns Number of days.
 */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Format an ISO date.
 *
 * @param year Year.
 * @param month Month.
 * @param day Day.
 * @returns `YYYY-MM-DD`.
 */
function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Months (first, last) covered by a part of a year. */
const YEAR_PARTS: Readonly<Record<string, [number, number]>> = {
  Anfang: [1, 3], Jahresbeginn: [1, 3], Jahresanfang: [1, 3], Mitte: [5, 8], Jahresmitte: [5, 8], Ende: [10, 12], Jahresende: [10, 12],
  Frühjahr: [3, 5], Frühling: [3, 5], Sommer: [6, 8], Herbst: [9, 11], Winter: [12, 14],
  Q1: [1, 3], Q2: [4, 6], Q3: [7, 9], Q4: [10, 12], H1: [1, 6], H2: [7, 12],
};

/** Days (first, last; 31 meaning the month's last) covered by a part of a month. */
const MONTH_PARTS: Readonly<Record<string, [number, number]>> = { Anfang: [1, 10], Mitte: [11, 20], Ende: [21, 31] };

/**
 * The days a piece covers, once its year is known.
 *
 * @param piece The piece.
 * @param year Its year.
 * @returns First and last day, or undefined when the piece is incomplete or impossible.
 */
function spanOf(piece: Piece, year: number): Span | undefined {
  const { month, day, part } = piece;
  if (piece.precision === 'year') return { start: iso(year, 1, 1), end: iso(year, 12, 31) };
  if (month === undefined || month < 1 || month > 12) {
    const months = part ? YEAR_PARTS[part] : undefined;
    if (!months) return undefined;
    const [first, last] = months;
    const endYear = year + Math.floor((last - 1) / 12);
    const endMonth = ((last - 1) % 12) + 1;
    return { start: iso(year, first, 1), end: iso(endYear, endMonth, daysIn(endYear, endMonth)) };
  }
  const length = daysIn(year, month);
  if (day !== undefined) return day >= 1 && day <= length ? { start: iso(year, month, day), end: iso(year, month, day) } : undefined;
  const days = part ? MONTH_PARTS[part] : undefined;
  if (days) return { start: iso(year, month, days[0]), end: iso(year, month, Math.min(days[1], length)) };
  return { start: iso(year, month, 1), end: iso(year, month, length) };
}

/**
 * Read the number of a quarter or half: `erstes` → 1, `3.` → 3, `IV.` → 4.
 *
 * @param ordinal The printed ordinal.
 * @returns The number.
 */
function ordinalNumber(ordinal: string): number {
  const lower = ordinal.toLowerCase();
  if (lower.startsWith('erst')) return 1;
  if (lower.startsWith('zweit')) return 2;
  if (lower.startsWith('dritt')) return 3;
  if (lower.startsWith('viert')) return 4;
  const roman: Record<string, number> = { 'i.': 1, 'ii.': 2, 'iii.': 3, 'iv.': 4 };
  return roman[lower] ?? Number.parseInt(ordinal, 10);
}

/**
 * Turn a match of `DATE_PIECE` into a piece.
 *
 * @param match The match.
 * @param text The section text (to look at the words around it).
 * @returns The piece, or undefined when it is no date.
 */
function pieceOf(match: RegExpExecArray, text: string): Piece | undefined {
  const groups = match.groups ?? {};
  const start = match.index;
  const end = start + match[0].length;
  const before = (): string => text.slice(Math.max(0, start - 30), start);
  const year = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
  const month = (value: string | undefined): number | undefined => (value === undefined ? undefined : MONTHS.get(value.toLowerCase()));
  if (groups.nd !== undefined) {
    const y = year(groups.ny);
    return makePiece(start, end, 'day', { year: y, month: Number(groups.nm), day: Number(groups.nd) }, { partial: y === undefined });
  }
  if (groups.td !== undefined) {
    return makePiece(start, end, 'day', { year: year(groups.ty), month: month(groups.tm) ?? 0, day: Number(groups.td) });
  }
  if (groups.qn !== undefined) {
    const n = ordinalNumber(groups.qn);
    const half = groups.qk !== 'Quartal';
    if ((half && n > 2) || n < 1 || n > 4) return undefined;
    return makePiece(start, end, 'season', { year: Number(groups.qy), part: `${half ? 'H' : 'Q'}${n}` });
  }
  if (groups.dd !== undefined) return makePiece(start, end, 'day', { day: Number(groups.dd) }, { partial: true });
  if (groups.sp !== undefined) {
    const m = month(groups.sm);
    // Seasons name parts of a year only; `Anfang Juni` is a part of a month.
    if (m !== undefined && !(groups.sp in MONTH_PARTS)) return undefined;
    return makePiece(start, end, 'season', { year: year(groups.sy ?? groups.sy2), month: m, part: groups.sp });
  }
  if (groups.mm !== undefined) {
    const y = year(groups.my);
    const triggered = y === undefined && MONTH_TRIGGER.test(before());
    return makePiece(start, end, 'month', { year: y, month: month(groups.mm) ?? 0 }, { partial: y === undefined && !triggered, triggered });
  }
  if (groups.y !== undefined) {
    if (NOT_A_YEAR_AFTER.test(text.slice(end, end + 12))) return undefined;
    const triggered = YEAR_TRIGGER.test(before());
    return makePiece(start, end, 'year', { year: Number(groups.y) }, { partial: !triggered, triggered });
  }
  return undefined;
}

/**
 * Join two pieces into a range when only a range connector stands between them.
 *
 * @param first The first end.
 * @param second The second end.
 * @param text The section text.
 * @param fallbackYear The year for ends printed without one.
 * @returns The range, or undefined.
 */
function rangeOf(first: Piece, second: Piece, text: string, fallbackYear: number | undefined): (Span & { precision: Precision }) | undefined {
  const between = text.slice(first.end, second.start);
  if (!RANGE_JOIN.test(between)) return undefined;
  if (JOINED_BY_AND.test(between) && !BETWEEN.test(text.slice(Math.max(0, first.start - 20), first.start))) return undefined;
  if (second.partial) return undefined;
  // A day alone takes its month from the second end: `28.-30. Juli`.
  if (first.month === undefined && first.day !== undefined) {
    if (second.month === undefined || second.day === undefined) return undefined;
  }
  // Two bare years are a range only forwards and within a century: `2015 bis 2019`.
  if (first.precision === 'year' && second.precision === 'year' && first.year !== undefined && second.year !== undefined) {
    if (second.year <= first.year || second.year - first.year > 100) return undefined;
  }
  const secondYear = second.year ?? fallbackYear;
  if (secondYear === undefined) return undefined;
  const firstPiece: Piece = { ...first };
  if (firstPiece.month === undefined && firstPiece.part === undefined && firstPiece.precision === 'day' && second.month !== undefined) firstPiece.month = second.month;
  let firstYear = first.year;
  if (firstYear === undefined) {
    // `28. Dezember bis 3. Januar 2025`: the first end lies in the year before.
    firstYear = firstPiece.month !== undefined && second.month !== undefined && firstPiece.month > second.month ? secondYear - 1 : secondYear;
  }
  const from = spanOf(firstPiece, firstYear);
  const to = spanOf(second, secondYear);
  if (!from || !to || from.start > to.end) return undefined;
  const precision = RANK[first.precision] >= RANK[second.precision] ? first.precision : second.precision;
  return { start: from.start, end: to.end, precision };
}

/**
 * Extract the dates of a document's sections.
 *
 * @param sections The document's sections, in document order.
 * @param context Locator, header metadata (the document's date supplies missing years) and input form.
 * @returns Date records in document order, each with the exact position of its text.
 */
export function extractDates(sections: readonly Section[], context: ExtractContext): Extraction<DateRecord> {
  const records: DateRecord[] = [];
  const documentYear = context.meta.date ? Number(context.meta.date.slice(0, 4)) : undefined;
  for (const section of sections) {
    const text = section.run.text;
    const urls = findUrls(section, context);
    let url = 0;
    const pieces: Piece[] = [];
    for (let match = nextPiece(text, 0); match; match = nextPiece(text, match.index + match[0].length)) {
      const piece = pieceOf(match, text);
      if (!piece) continue;
      // Addresses and pieces both come in text order: skip the addresses already passed.
      while (url < urls.length && (urls[url]?.end ?? 0) <= piece.start) url++;
      const address = urls[url];
      if (address && address.start < piece.end) continue;
      // A year listed after a year that counts counts too: `in den Jahren 2023 und 2024`.
      const previous = pieces.at(-1);
      if (piece.partial && piece.precision === 'year' && previous?.precision === 'year' && previous.triggered && YEAR_LIST.test(text.slice(previous.end, piece.start))) {
        piece.partial = false;
        piece.triggered = true;
      }
      pieces.push(piece);
    }
    // The year of the nearest piece before (else the document's, else the nearest after), in two linear passes.
    const previousYear: Array<number | undefined> = [];
    let last: number | undefined;
    for (const piece of pieces) {
      previousYear.push(last);
      if (piece.year !== undefined) last = piece.year;
    }
    const nextYear: Array<number | undefined> = Array.from({ length: pieces.length });
    last = undefined;
    for (let i = pieces.length - 1; i >= 0; i--) {
      nextYear[i] = last;
      last = pieces[i]?.year ?? last;
    }
    const yearAround = (i: number): number | undefined => previousYear[i] ?? documentYear ?? nextYear[i];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (!piece) continue;
      const next = pieces[i + 1];
      const range = next ? rangeOf(piece, next, text, yearAround(i)) : undefined;
      const start = piece.start;
      let end = piece.end;
      let span: (Span & { precision: Precision }) | undefined;
      if (range && next) {
        span = range;
        end = next.end;
        i++;
      } else if (!piece.partial) {
        const year = piece.year ?? yearAround(i);
        const days = year === undefined ? undefined : spanOf(piece, year);
        if (days) span = { ...days, precision: piece.precision };
      }
      if (!span) continue;
      records.push({
        text: text.slice(start, end),
        start: span.start,
        end: span.end,
        precision: span.precision,
        in: section.id,
        position: runPosition(context.locator, section.run, start, end),
      });
    }
  }
  return { records, messages: [] };
}
