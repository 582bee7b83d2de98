/**
 * Find money amounts in sections: a number with a currency after it (`18 225 Euro`, `1,6 Mrd.
 * Euro`, `400 T€`) or a currency sign before it (`€ 5`), ranges and lists sharing one currency
 * (`zwischen 1 und 2 Mio. Euro`, `2 000 und 6 000 Euro`), large round sums whose currency only the
 * sentence gives (`eine Bürgschaft über 100 Mio.`), and table cells whose currency stands in a
 * column header or caption (`Fördervolumen in Euro`, `(in Tsd. Euro)`).
 *
 * Numbers are read token by token: space-separated thousands groups are joined only where they
 * are well formed (a leading group of one to three digits, then groups of exactly three), so a
 * year printed right before an amount (`im Jahr 2023 6 000 Euro`) stays a year.
 */
import type { Amount, Message } from '../../model.js';
import {
  GROUP_SPACE,
  GROUP_SPACE_CLASS,
  CURRENCY_PATTERN,
  LARGE_SCALE_WORDS,
  PREFIX_CURRENCY_FORMS,
  SCALE_PATTERN,
  currencyOf,
  numberValue,
  readGermanNumber,
  scaleExponent,
  type GermanNumber,
} from './money.js';
import { runPosition, type Run } from '../../lines/run.js';
import type { ExtractContext, Extraction, Section } from '../../lines/section.js';

/** White space allowed between a number, its scale word and its currency (line breaks included). */
const GAP = '[ \\u00A0\\u202F\\u2009\\u2007\\n]';

/**
 * A run of digits with dots and commas between them, not glued to a word, a slash or another
 * number. Matches each of: `19`, `610`, `303.361.519,26`, `20.11.2024`, `102,-`
 */
export const NUMBER_TOKEN = /(?<![\p{L}\p{N}_/.,])(?<!\p{L}-)\d+(?:[.,]\d+)*(?:,[-–—](?!\p{N}))?/gu;

/** A token that can lead a space-grouped number: one to three digits. Matches: `19` in `19 610 000` */
const LEADING_GROUP = /^\d{1,3}$/;

/** A token that continues a space-grouped number: three digits, maybe decimals. Matches: `610`, `559,63` */
const FOLLOWING_GROUP = /^\d{3}(?:,\d+|,[-–—])?$/;

/** A three-digit token that may head a budget title. Matches `687` in: `Titel 687 27` */
const CODE_HEAD = /^\d{3}$/;

/** A two-digit token that ends a budget title. Matches `27` in: `Titel 687 27` */
const CODE_TAIL = /^\d{2}$/;

/** A token that ends a space-grouped number: it has decimals. Matches: `559,63` */
const GROUP_WITH_DECIMALS = /,/;

/**
 * A currency (maybe after a scale word) right after a number. Matches the tail of: `1,6 Mrd.
 * Euro`, `18 225 Euro`, `400 TEUR`, `10-Millionen-Euro-Kampagne`
 */
export const CURRENCY_AFTER = new RegExp(`(?:${GAP}{0,3}|[-‑])(?:(${SCALE_PATTERN})(?:${GAP}{0,2}|[-‑]))?(${CURRENCY_PATTERN})`, 'uy');

/** A large scale word right after a number, with no currency. Matches the tail of: `über 100 Mio. übernommen` */
export const SCALE_AFTER = new RegExp(`${GAP}{0,2}(${SCALE_PATTERN})`, 'uy');

/**
 * A currency sign or code right before a number (not the word `Euro`, which heads table rows).
 * Matches the head of: `€ 5`, `EUR 1.234,56`, `US-$ 10`
 */
export const CURRENCY_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${[...PREFIX_CURRENCY_FORMS].sort((a, b) => b.length - a.length).map((form) => form.replace(/[$]/g, '\\$')).join('|')})${GROUP_SPACE_CLASS}?$`,
  'u',
);

/** A minus sign glued to a number and standing after space or a bracket. Matches the sign in: `(-5 000 Euro)` */
const SIGN_BEFORE = /(?:^|[\s(])[-\u2212]$/u;

/**
 * A word that qualifies an amount, right before it. Matches the qualifier in: `rund 1,6 Mrd. Euro`,
 * `bis zu 5 000 Euro`, `zwischen 1 und 2 Mio. Euro`, `von mehr als 2 Mio. Euro`
 */
export const QUALIFIER_BEFORE =
  /(?<![\p{L}])(bis zu|mehr als|weniger als|rund|rd\.|ca\.|circa|zirka|etwa|ungefähr|knapp|fast|nahezu|über|unter|mindestens|höchstens|maximal|max\.|zwischen|ab|bis)[ \u00A0]$/iu;

/** Spellings of qualifiers that are reported in their usual form. Matches: `rd.` for `rund` */
const QUALIFIER_NORMAL: ReadonlyMap<string, string> = new Map([
  ['rd.', 'rund'],
  ['zirka', 'circa'],
]);

/**
 * What stands between two numbers that share one currency: a range or a list. Matches the gap in:
 * `1 und 2 Mio. Euro`, `38,5 Mrd. bis 40 Mrd. Euro`, `100–200 Euro`, `2, 3 und 4 Mio. Euro`
 */
export const SHARED_CURRENCY_GAP = new RegExp(`^${GAP}{0,2}(?:(${SCALE_PATTERN})${GAP}{0,2})?(bis|und|oder|sowie|–|—|-|,)${GAP}{0,2}$`, 'u');

/** The longest gap {@link SHARED_CURRENCY_GAP} can match, to keep the test cheap. */
const SHARED_GAP_MAX = 24;

/** The head of a number cut at a line end after its separator. Matches the end of: `470.102, ` */
const BROKEN_HEAD = /\d[.,]\s$/;

/** One digit alone. Matches `4` in: `4.940,5` / `4 €` */
const SINGLE_DIGIT = /^\d$/;

/** A date, no broken number. Matches: `20.11.2024`, `1.2.25` */
const DATE = /^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$/;

/** Cents standing alone before a currency after a line break. Matches `,91 €` in: `792.279` / `,91 €` */
const ORPHAN_CENTS = new RegExp(`(?<=\\d\\s)[,]\\d{1,2}(?=${GAP}?(?:€|EUR|Euro)(?![\\p{L}]))`, 'gu');

/** A currency code in capitals. Matches: `ILS`, `EUR` */
const CURRENCY_CODE = /^\p{Lu}{3}$/u;

/** A number right after a currency word: the word labels a table row. Matches after `Franken` in: `Franken 13,2 13,0` */
const ROW_LABEL_AFTER = /^[ \u00A0]?\d/;

/** `in` before a unit in a heading. Matches before `1 000 €` in: `Einnahmen in 1 000 €`, `(in EUR)` */
const UNIT_IN_BEFORE = /(?:^|[\s(])in[ \u00A0]$/;

/** Zero, for numbers that could not be read. */
const ZERO: GermanNumber = { integer: '0', fraction: '', negative: false, grouping: 'none' };

/** A year as printed on its own. Matches: `2023`, `1998` */
const YEAR = /^(?:19|20)\d{2}$/;

/**
 * Words before a number that say the sentence is about money, so that `100 Mio.` without a
 * currency is still an amount. Matches the cue in: `eine Bürgschaft über 100 Mio. übernommen`
 */
export const MONEY_CUE =
  /(?:Bürgschaft|Betr[aä]g|Kosten|Ausgabe|Mittel|Haushalt|Zuwendung|Förder|Zuschu|Darlehen|Kredit|Summe|Volumen|Budget|Etat|Investition|Finanz|Zahlung|Einnahme|Erlös|Umsatz|Gewinn|Verlust|Schaden|Schäden|Preis|Vergütung|Gehalt|Entgelt|Gebühr|Steuer|Subvention|Obligo|Garantie|Kapital|Vermögen|Schulden|Beitr[aä]g|Spende|Honorar|Euro|€)/u;

/** How far back {@link MONEY_CUE} is looked for. */
const CUE_WINDOW = 60;

/**
 * A word after `Mio.`/`Mrd.` that names what is counted, so the number is no amount. Matches the
 * unit in: `1,7 Millionen ha`, `17 Millionen Tonnen`, `5 Mio. Menschen` (any capitalised noun)
 */
export const COUNTED_AFTER = new RegExp(`^${GAP}{0,2}(?:\\p{Lu}|\\p{N}|(?:t|kg|ha|km|m|qm|l|kWh|MWh|GWh|TWh|Std|h|Pkt|pro|je)(?![\\p{L}]))`, 'u');

/** Sentence end before a window, to keep the cue search in one sentence. Matches: `. ` before `Die` */
const SENTENCE_BREAK = /[.!?]\s+(?=\p{Lu})|\n/gu;

/**
 * A phrase heading a table column or caption that gives the currency of its cells. Matches:
 * `Ausgaben in Euro`, `(in Tsd. Euro)`, `in 1 000 Euro`, `Angaben in Mio. Euro`, `Kosten in €`
 */
export const CURRENCY_HEADER = new RegExp(
  `(?<![\\p{L}])[Ii]n${GAP}(?:(${SCALE_PATTERN}|1${GROUP_SPACE_CLASS}?\\.?000)${GAP}?)?(${CURRENCY_PATTERN})\\)?`,
  'u',
);

/** {@link CURRENCY_HEADER}, for counting the currency columns of a heading. Matches twice in: `Kosten Inland in Euro Kosten Ausland in Euro` */
const CURRENCY_HEADER_ALL = new RegExp(CURRENCY_HEADER.source, 'gu');

/** Most lines a stacked column heading (one word per line) is looked back over. */
const HEADER_BLOCK_LINES = 15;

/** A code with a leading zero, no amount. Matches: `0504` */
const LEADING_ZERO = /^0\d/;

/**
 * What may follow a currency header in a lost table: the end of the line, another column heading,
 * a number or a footnote mark — not running text. Matches after `in Euro` in: `Jahr Ausgaben in
 * Euro`, `Kosten Inland in Euro Kosten Ausland in Euro`, `Einnahmen in EUR 2020 2021`
 */
const HEADER_FOLLOW = /^(?:$|[ \u00A0]*(?:\p{Lu}|\p{N}|\(|\*|¹|²|³))/u;

/**
 * Words that make a header line about counts or shares, whose numbers are not all money.
 * Matches: `Jahr Anzahl Kosten in Euro`, `Prozent`
 */
export const COUNT_HEADER = /(?<![\p{L}])(?:Anzahl|Zahl|Prozent|Anteil|Menge|Personen|Fälle|Stellen|Stunden|Tage|VZÄ|Follower|Abonnent\p{L}*|Teilnehm\p{L}*|Beschäftigte|Einwohner|Besucher|Stück)(?![\p{L}])|%/u;

/**
 * A label right before a number that makes it no amount. Matches the label in: `Titel 687 27`,
 * `§ 44`, `Nr. 5`, `(Stand: 06.05.2025)`, `Kapitel 0501`
 */
export const NUMBER_LABEL_BEFORE =
  /(?:§|Art\.|Artikel|Abs\.|Nr\.|Nummer|Titel|Kapitel|Kap\.|Anlage|Frage|Fragen|Seite|S\.|Drucksache|Randnummer|Rn\.|Ziffer|Stand:)[ \u00A0]$/u;

/**
 * What right after a number in a lost table makes it no money cell: a percent sign, a unit or a
 * word in lower case. Matches the tail of: `55 %`, `1.578,3 pro VZÄ`, `12 Prozent`
 */
const NOT_MONEY_AFTER = /^[ \u00A0]?(?:%|Prozent|v\.\s?H\.|\p{Ll}{2})/u;

/** A number running on into stray separators, misprinted. Matches the tail of: `180.278.,96` */
const MALFORMED_AFTER = /^[.,][.,]?\d/;

/** A cell's footnote mark that may follow its number. Matches the mark in: `4.602*`, `4.602¹`, `4.602 1)` */
const CELL_FOOTNOTE = /(?:[ \u00A0]?(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d\)))$/u;

/** A row label that ends in a word, so a running number may follow it. Matches: `Institut` */
const LABEL_WORD = /\p{L}$/u;

/** A list bullet at a line start. Matches: `– im Haushaltsjahr 2021 26 182 Euro` */
const BULLET_START = /^[–•\-*]/;

/** A line end that closes a sentence or a list item. Matches the end of: `… 152 481 Euro,` */
const ITEM_END = /[.;,:]$/;

/** A word of letters, for counting words on a line. Matches: `Haushaltsjahr` */
const WORD = /\p{L}{2,}/gu;

/** Lines in a row that make a lost table worth reporting. */
const LOST_TABLE_LINES = 3;

/** Lines of text (row labels, a heading) a lost table may hold between its numeric lines. */
const LOST_TABLE_GAP = 3;

/** Most words a line of a lost table may hold besides its numbers. */
const LOST_TABLE_WORDS = 4;

/** Most words a line of a lost table may hold when a currency header announced it. */
const TABLE_BODY_WORDS = 10;

/** Most words a currency header line may hold (longer lines are running text). */
const HEADER_WORDS = 14;

/** Amounts above this (ten trillion) come from misread tables, not from any budget. */
const IMPLAUSIBLE = 1e13;

/** A chunk of text between white space. Matches: `www.merkur.de/` */
const CHUNK = /\S+/gu;

/** A file ending in a URL chunk. Matches: `…-zr-93782481.html` */
const URL_FILE = /\.(?:html?|pdf|php|aspx?|jsp)(?![\p{L}])/u;

/** A number as found in section text: one token or space-joined groups. */
interface NumberSpan {
  start: number;
  end: number;
  text: string;
  number: GermanNumber | undefined;
  /** Whether thousands groups were joined across spaces. */
  joined: boolean;
}

/** An amount found in one section, as run indexes, before positions are computed. */
interface Hit {
  start: number;
  end: number;
  /** The printed text where it differs from the run by a line break inside the number. */
  text?: string;
  value: number;
  currency: string;
  qualifier?: string;
  upper?: number;
  table?: boolean;
}

/** A problem found in one section, as run indexes. */
interface Problem {
  start: number;
  end: number;
  severity: Message['severity'];
  ruleId: string;
  reason: string;
}

/** What one section yields. */
interface Found {
  hits: Hit[];
  problems: Problem[];
}

/**
 * Find money amounts in sections.
 *
 * @param sections The document's sections, in document order.
 * @param context The locator and what the segmenter learned.
 * @returns Amount records in document order, and messages for amounts that could not be read
 *   (`amount-unreadable`), could be read more than one way (`amount-ambiguous`) and for text that
 *   looks like a table whose layout was lost (`table-layout-lost`).
 */
export function extractAmounts(sections: readonly Section[], context: ExtractContext): Extraction<Amount> {
  const records: Amount[] = [];
  const messages: Message[] = [];
  for (const section of sections) {
    const found = findInSection(section, context);
    found.hits.sort((a, b) => a.start - b.start);
    for (const hit of found.hits) {
      // Keys in schema order, so the JSON reads the same way for every record.
      records.push({
        text: hit.text ?? normalizeSpace(section.run.text.slice(hit.start, hit.end)),
        value: hit.value,
        currency: hit.currency,
        ...(hit.qualifier === undefined ? {} : { qualifier: hit.qualifier }),
        ...(hit.upper === undefined ? {} : { upper: hit.upper }),
        ...(hit.table ? { table: true } : {}),
        in: section.id,
        position: runPosition(context.locator, section.run, hit.start, hit.end),
      });
    }
    found.problems.sort((a, b) => a.start - b.start);
    for (const problem of found.problems) {
      messages.push({
        severity: problem.severity,
        ruleId: problem.ruleId,
        reason: problem.reason,
        position: runPosition(context.locator, section.run, problem.start, problem.end),
        text: normalizeSpace(section.run.text.slice(problem.start, problem.end)),
      });
    }
  }
  return { records, messages };
}

/**
 * Line breaks joined in section text stay spaces in record text.
 *
 * @param text Text from a run.
 * @returns The text with line feeds made spaces.
 */
function normalizeSpace(text: string): string {
  return text.replace(/\n/g, ' ');
}

/**
 * Find amounts in one section.
 *
 * @param section The section.
 * @param context The extract context.
 * @returns Hits and problems as run indexes.
 */
function findInSection(section: Section, context: ExtractContext): Found {
  const { text, offsets } = section.run;
  const spans = numberSpans(section.run, urlZones(text));
  const found: Found = { hits: [], problems: [] };
  /** Index of the span a hit was made from, so that no number is counted twice. */
  const claimed = new Set<number>();
  /** End of the last currency used after a number, so it is not reused before the next. */
  let currencyUsedUntil = -1;

  // Numbers with a currency of their own.
  spans.forEach((span, index) => {
    CURRENCY_AFTER.lastIndex = span.end;
    const after = CURRENCY_AFTER.exec(text);
    if (after) {
      currencyUsedUntil = CURRENCY_AFTER.lastIndex;
      const currency = currencyOf(normalizeForm(after[2] ?? ''));
      if (!currency) return;
      const scale = after[1] ? (scaleExponent(after[1]) ?? 0) : 0;
      if (!span.number) {
        found.problems.push({
          start: span.start,
          end: CURRENCY_AFTER.lastIndex,
          severity: 'warning',
          ruleId: 'amount-unreadable',
          reason: `Unexpected number \`${quote(span.text)}\` before \`${after[2] ?? ''}\`, expected a German number such as \`1.234,56\` or \`1 234\``,
        });
        claimed.add(index);
        return;
      }
      const form = after[2] ?? '';
      const formStart = CURRENCY_AFTER.lastIndex - form.length;
      // `Visagebühren in 1 000 €` names the unit of a table's cells.
      if (!after[1] && numberValue(span.number ?? ZERO) === 1000 && UNIT_IN_BEFORE.test(text.slice(Math.max(0, span.start - 4), span.start))) {
        claimed.add(index);
        return;
      }
      if (!printedGap(offsets, span.end, formStart)) {
        // Across a line break: `2023` over `€` heads a column, `ILS Research gGmbH` and `Franken
        // 13,2` start the next row; `1,6 Mrd.` / `Euro` is one amount.
        if (YEAR.test(span.text) || CURRENCY_CODE.test(form) || ROW_LABEL_AFTER.test(text.slice(CURRENCY_AFTER.lastIndex, CURRENCY_AFTER.lastIndex + 3))) {
          claimed.add(index);
          return;
        }
      }
      const broken = brokenStart(spans, index, text, offsets);
      if (broken !== undefined) {
        claimed.add(index);
        // The line break fell inside the number (`470.102,` / `22 €`): rejoined it may read whole.
        const head = text.slice(broken, span.start).trimEnd();
        const whole = readGermanNumber(head + span.text);
        if (whole) {
          const hit = makeHit(broken, CURRENCY_AFTER.lastIndex, { ...span, number: whole }, scale + currency.exponent, currency.code, text);
          hit.text = normalizeSpace(head + text.slice(span.start, CURRENCY_AFTER.lastIndex));
          if (broken > 0 && spans[index - 1]?.start === broken) claimed.add(index - 1);
          found.hits.push(hit);
          return;
        }
        found.problems.push({
          start: broken,
          end: CURRENCY_AFTER.lastIndex,
          severity: 'warning',
          ruleId: 'amount-unreadable',
          reason: `Unexpected \`${quote(text.slice(broken, CURRENCY_AFTER.lastIndex))}\`, expected one number: the value seems broken across a line`,
        });
        return;
      }
      if (gluedFootnote(spans, index, text)) {
        const previous = spans[index - 1];
        found.problems.push({
          start: previous ? previous.start : span.start,
          end: CURRENCY_AFTER.lastIndex,
          severity: 'warning',
          ruleId: 'amount-ambiguous',
          reason: `Unexpected \`${text.slice(previous ? previous.start : span.start, span.end)}\` before \`${after[2] ?? ''}\`, expected one number: a footnote mark may stand before the value`,
        });
        claimed.add(index);
        return;
      }
      const start = signedStart(text, span.start);
      const hit = makeHit(start, CURRENCY_AFTER.lastIndex, span, scale + currency.exponent, currency.code, text);
      claimed.add(index);
      if (!Number.isFinite(hit.value)) {
        found.problems.push({
          start,
          end: hit.end,
          severity: 'warning',
          ruleId: 'amount-unreadable',
          reason: `Unexpected number \`${span.text.length > 40 ? `${span.text.slice(0, 40)}…` : span.text}\`, expected a finite amount`,
        });
        return;
      }
      found.hits.push(hit);
      shareCurrency(spans, index, hit, scale, currency, text, claimed, found);
      return;
    }
    const window = text.slice(Math.max(0, span.start - 8), span.start);
    const before = CURRENCY_BEFORE.exec(window);
    if (!before || !span.number) return;
    const form = before[1] ?? '';
    const formStart = span.start - window.length + before.index + before[0].indexOf(form);
    // `Einnahmen in EUR 2020 2021`: a heading, and the years label its columns.
    if (UNIT_IN_BEFORE.test(text.slice(Math.max(0, formStart - 4), formStart))) return;
    // `5 € 6`: the sign closed the amount before; it does not open this one.
    if (formStart < currencyUsedUntil) return;
    const currency = currencyOf(form);
    if (!currency) return;
    claimed.add(index);
    found.hits.push(makeHit(formStart, span.end, span, currency.exponent, currency.code, text));
  });

  // Cents cut off their number by a line break: `792.279` / `,91 €`.
  for (const match of text.matchAll(ORPHAN_CENTS)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    CURRENCY_AFTER.lastIndex = end;
    const after = CURRENCY_AFTER.exec(text);
    const currency = after ? currencyOf(normalizeForm(after[2] ?? '')) : undefined;
    const index = spanEndingAt(spans, start - 1);
    const head = spans[index];
    const whole = head && !claimed.has(index) ? readGermanNumber(head.text + match[0]) : undefined;
    if (head && whole && after && currency && !printedGap(offsets, head.end, start)) {
      claimed.add(index);
      const hit = makeHit(head.start, CURRENCY_AFTER.lastIndex, { ...head, number: whole }, currency.exponent, currency.code, text);
      hit.text = normalizeSpace(head.text + text.slice(start, CURRENCY_AFTER.lastIndex));
      found.hits.push(hit);
      continue;
    }
    found.problems.push({
      start,
      end,
      severity: 'warning',
      ruleId: 'amount-unreadable',
      reason: `Unexpected \`${match[0]}\` without its number, expected a whole amount such as \`792.279,91 €\``,
    });
  }

  // Large round sums whose currency only the sentence gives.
  spans.forEach((span, index) => {
    if (claimed.has(index) || !span.number) return;
    SCALE_AFTER.lastIndex = span.end;
    const after = SCALE_AFTER.exec(text);
    if (!after || !LARGE_SCALE_WORDS.has(after[1] ?? '')) return;
    const end = SCALE_AFTER.lastIndex;
    if (COUNTED_AFTER.test(text.slice(end, end + 8))) return;
    if (!moneyCue(text, span.start)) return;
    claimed.add(index);
    found.hits.push(makeHit(span.start, end, span, scaleExponent(after[1] ?? '') ?? 0, 'EUR', text));
  });

  if (section.kind === 'answer') {
    if (section.tables.length > 0) markdownTables(section, spans, claimed, found);
    else lostTables(section, context, spans, claimed, found);
  }
  return found;
}

/**
 * Currency forms are matched with any of the group spaces inside; look them up with a plain space.
 *
 * @param form The printed form.
 * @returns The form as listed.
 */
function normalizeForm(form: string): string {
  return form.replace(new RegExp(GROUP_SPACE.source, 'gu'), ' ');
}

/**
 * Shorten long text for a message.
 *
 * @param text Some text.
 * @returns At most 40 characters of it.
 */
function quote(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Whether `[start, end)` of a run was printed in one piece (consecutive offsets): no line break
 * was joined and nothing was cut out there.
 *
 * @param offsets The run's offsets.
 * @param start First index.
 * @param end Index after the last.
 * @returns Whether it was.
 */
function printedGap(offsets: Int32Array, start: number, end: number): boolean {
  for (let i = Math.max(1, start); i <= end && i < offsets.length; i++) {
    if (offsets[i] !== (offsets[i - 1] ?? 0) + 1) return false;
  }
  return true;
}

/**
 * Where a number broken across a line starts, when the number before a currency is only its
 * tail: `470.102,` / `22 €`, `44.204.6` / `67,58 €` or `4.940,5` / `4 €`.
 *
 * @param spans All numbers.
 * @param index The number before the currency.
 * @param text Section text.
 * @param offsets The run's offsets.
 * @returns Start of the broken number, or `undefined` when the number is whole.
 */
function brokenStart(spans: readonly NumberSpan[], index: number, text: string, offsets: Int32Array): number | undefined {
  const span = spans[index];
  if (!span || span.start < 2) return undefined;
  if (printedGap(offsets, span.start - 1, span.start)) return undefined;
  const previous = spans[index - 1];
  if (BROKEN_HEAD.test(text.slice(Math.max(0, span.start - 3), span.start))) {
    return previous && previous.end >= span.start - 2 ? previous.start : span.start - 2;
  }
  if (!previous || previous.end !== span.start - 1) return undefined;
  if (!previous.number && !DATE.test(previous.text)) return previous.start;
  // `4.940,5` / `4 €`: the last cent digit went to the next line.
  if (previous.number?.fraction.length === 1 && SINGLE_DIGIT.test(span.text)) return previous.start;
  return undefined;
}

/**
 * Build a hit from a number.
 *
 * @param start Where the hit starts.
 * @param end Where it ends.
 * @param span The number.
 * @param exponent Power of ten from scale word and currency subunit.
 * @param currency ISO code.
 * @param text The section text, for the qualifier.
 * @returns The hit.
 */
function makeHit(start: number, end: number, span: NumberSpan, exponent: number, currency: string, text: string): Hit {
  const number = span.number ?? ZERO;
  const negative = start < span.start && SIGN_BEFORE.test(text.slice(Math.max(0, start - 1), span.start));
  const hit: Hit = { start, end, value: numberValue({ ...number, negative }, exponent), currency };
  const qualifier = qualifierBefore(text, start);
  if (qualifier) hit.qualifier = qualifier;
  return hit;
}

/**
 * The start of a number with a minus sign glued before it.
 *
 * @param text Section text.
 * @param start Start of the digits.
 * @returns Start of the sign, or `start`.
 */
function signedStart(text: string, start: number): number {
  return SIGN_BEFORE.test(text.slice(Math.max(0, start - 2), start)) ? start - 1 : start;
}

/**
 * The qualifier printed right before an amount.
 *
 * @param text Section text.
 * @param start Start of the amount.
 * @returns The qualifier in lower case, or `undefined`.
 */
function qualifierBefore(text: string, start: number): string | undefined {
  const match = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  if (!match) return undefined;
  const word = (match[1] ?? '').toLowerCase();
  return QUALIFIER_NORMAL.get(word) ?? word;
}

/**
 * Whether a money cue stands earlier in the sentence.
 *
 * @param text Section text.
 * @param start Start of the number.
 * @returns Whether one does.
 */
function moneyCue(text: string, start: number): boolean {
  let window = text.slice(Math.max(0, start - CUE_WINDOW), start);
  let cut = 0;
  for (const match of window.matchAll(SENTENCE_BREAK)) cut = (match.index ?? 0) + match[0].length;
  window = window.slice(cut);
  return MONEY_CUE.test(window);
}

/**
 * Whether a number right before a 4+-digit number could be a footnote mark glued to it (`1 4602
 * Euro`: `14 602`, or footnote 1 and `4602`?).
 *
 * @param spans All numbers.
 * @param index The number with the currency.
 * @param text Section text.
 * @returns Whether the reading is ambiguous.
 */
function gluedFootnote(spans: readonly NumberSpan[], index: number, text: string): boolean {
  const span = spans[index];
  const previous = spans[index - 1];
  if (!span || !previous || !span.number || span.joined || span.number.grouping !== 'none') return false;
  if (span.number.integer.length < 4 || YEAR.test(span.text)) return false;
  return previous.end + 1 === span.start && GROUP_SPACE.test(text.charAt(previous.end)) && LEADING_GROUP.test(previous.text);
}

/**
 * Numbers before an amount that share its currency: the lower bound of a range (`zwischen 1 und 2
 * Mio. Euro`, `38,5 Mrd. bis 40 Mrd. Euro`, `100–200 Euro`) or earlier members of a list (`2 000
 * und 6 000 Euro`).
 *
 * @param spans All numbers.
 * @param index The number with the currency.
 * @param hit Its hit, extended when it is a range.
 * @param scale Its scale exponent.
 * @param currency Its currency.
 * @param text Section text.
 * @param claimed Numbers already used.
 * @param found Where list members go.
 */
function shareCurrency(
  spans: readonly NumberSpan[],
  index: number,
  hit: Hit,
  scale: number,
  currency: { code: string; exponent: number },
  text: string,
  claimed: Set<number>,
  found: Found,
): void {
  let later = spans[index];
  for (let k = index - 1; k >= 0 && later; k--) {
    const earlier = spans[k];
    if (!earlier?.number || claimed.has(k) || later.start - earlier.end > SHARED_GAP_MAX) return;
    const gap = SHARED_CURRENCY_GAP.exec(text.slice(earlier.end, later.start));
    if (!gap) return;
    if (YEAR.test(earlier.text) && !YEAR.test(later.text)) return;
    if (NUMBER_LABEL_BEFORE.test(text.slice(Math.max(0, earlier.start - 14), earlier.start))) return;
    const own = gap[1] ? scaleExponent(gap[1]) : undefined;
    // `1 und 2 Mio.` is one to two million; `500 000 und 2 Mio.` is not 500 000 million.
    const inherited = earlier.number.grouping === 'none' && earlier.number.integer.length <= 3 ? scale : 0;
    const exponent = (own ?? inherited) + currency.exponent;
    const joiner = gap[2] ?? '';
    const qualifier = qualifierBefore(text, earlier.start);
    const value = numberValue(earlier.number, exponent);
    const isRange = joiner === 'bis' || joiner === '–' || joiner === '—' || joiner === '-' || (joiner === 'und' && qualifier === 'zwischen');
    if (isRange) {
      if (k !== index - 1 || value > hit.value) return;
      claimed.add(k);
      hit.upper = hit.value;
      hit.value = value;
      hit.start = earlier.start;
      if (qualifier) hit.qualifier = qualifier;
      else delete hit.qualifier;
      return;
    }
    claimed.add(k);
    const member: Hit = { start: earlier.start, end: earlier.end + (gap[1] ? gap[0].indexOf(gap[1]) + gap[1].length : 0), value, currency: currency.code };
    if (qualifier) member.qualifier = qualifier;
    found.hits.push(member);
    later = earlier;
  }
}

/**
 * Spans of text that belong to URLs, where numbers are no amounts.
 *
 * @param text Section text.
 * @returns Sorted `[start, end)` pairs.
 */
function urlZones(text: string): Array<[number, number]> {
  const zones: Array<[number, number]> = [];
  for (const match of text.matchAll(CHUNK)) {
    const chunk = match[0];
    let slashes = 0;
    for (const char of chunk) if (char === '/') slashes++;
    if (chunk.includes('://') || chunk.startsWith('www.') || slashes >= 2 || (slashes >= 1 && URL_FILE.test(chunk))) {
      zones.push([match.index ?? 0, (match.index ?? 0) + chunk.length]);
    }
  }
  return zones;
}

/**
 * Numbers in section text, space-separated thousands groups joined where well formed.
 *
 * @param text Section text.
 * @param zones URL spans to skip.
 * @returns Numbers in text order.
 */
function numberSpans(run: Run, zones: ReadonlyArray<[number, number]>): NumberSpan[] {
  const { text, offsets } = run;
  const tokens: Array<{ start: number; end: number; text: string }> = [];
  let zone = 0;
  for (const match of text.matchAll(NUMBER_TOKEN)) {
    const start = match.index ?? 0;
    while (zone < zones.length && (zones[zone]?.[1] ?? 0) <= start) zone++;
    const current = zones[zone];
    if (current && current[0] <= start) continue;
    tokens.push({ start, end: start + match[0].length, text: match[0] });
  }
  const spans: NumberSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first) continue;
    let end = first.end;
    let joined = false;
    const previous = tokens[i - 1];
    // `Titel 687 27`: two digits after three are a budget title's tail, no leading group.
    const codeTail = previous !== undefined && CODE_HEAD.test(previous.text) && CODE_TAIL.test(first.text) && printedSpace(text, offsets, previous.end, first.start);
    if (LEADING_GROUP.test(first.text) && !codeTail) {
      for (;;) {
        const next = tokens[i + 1];
        if (!next || !printedSpace(text, offsets, end, next.start) || !FOLLOWING_GROUP.test(next.text)) break;
        end = next.end;
        joined = true;
        i++;
        if (GROUP_WITH_DECIMALS.test(next.text)) break;
      }
    }
    const spanText = text.slice(first.start, end);
    spans.push({ start: first.start, end, text: spanText, number: readGermanNumber(spanText), joined });
  }
  return spans;
}

/**
 * Whether exactly one group space printed on the same line stands between two tokens. A space
 * that joined two lines, or stands where furniture was cut out, has offsets that are not
 * consecutive: numbers in the renderings never wrap, so groups are not joined across it.
 *
 * @param text Section text.
 * @param offsets The run's offsets.
 * @param end End of the first token.
 * @param start Start of the second.
 * @returns Whether the gap is one printed space.
 */
function printedSpace(text: string, offsets: Int32Array, end: number, start: number): boolean {
  if (start !== end + 1 || !GROUP_SPACE.test(text.charAt(end))) return false;
  const before = offsets[end - 1] ?? 0;
  return offsets[end] === before + 1 && offsets[start] === before + 2;
}

/** A line of a section, as run indexes. */
interface LineSpan {
  start: number;
  end: number;
  /** Indexes into the section's numbers of those on this line. */
  numbers: number[];
}

/**
 * The printed lines of a section: line feeds, and spaces that joined two lines of the input (seen
 * through the locator: the characters around them stand on different lines).
 *
 * @param section The section.
 * @param context The extract context.
 * @param spans The section's numbers.
 * @returns Lines in order.
 */
function printedLines(section: Section, context: ExtractContext, spans: readonly NumberSpan[]): LineSpan[] {
  const { text, offsets } = section.run;
  const lines: LineSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    let breakHere = char === '\n';
    if (!breakHere && char === ' ' && i > 0 && i + 1 < text.length) {
      const before = offsets[i - 1] ?? 0;
      const after = offsets[i + 1] ?? 0;
      // Adjacent characters one apart with a space between cannot straddle a line break.
      if (after - before !== 2 || offsets[i] !== before + 1) {
        const position = context.locator.position(before, after);
        breakHere = position.start.line !== position.end.line;
      }
    }
    if (breakHere) {
      lines.push({ start, end: i, numbers: [] });
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length, numbers: [] });
  let line = 0;
  spans.forEach((span, index) => {
    while (line < lines.length - 1 && (lines[line]?.end ?? 0) <= span.start) line++;
    lines[line]?.numbers.push(index);
  });
  return lines;
}

/**
 * Count words of letters.
 *
 * @param text Some text.
 * @returns How many.
 */
function wordCount(text: string): number {
  let count = 0;
  for (const match of text.matchAll(WORD)) if (match[0]) count++;
  return count;
}

/**
 * Whether a number in a table body is a money cell: not a year, not a small count or footnote
 * number, not a code (`0504`, `687 15`), not labelled as something else, not followed by a percent
 * sign or unit.
 *
 * @param spans All numbers.
 * @param index The number.
 * @param text Section text.
 * @param claimed Numbers already used.
 * @returns Whether it is.
 */
function isMoneyCell(spans: readonly NumberSpan[], index: number, text: string, claimed: ReadonlySet<number>): boolean {
  const span = spans[index];
  const number = span?.number;
  if (!span || !number || claimed.has(index)) return false;
  if (YEAR.test(span.text) || LEADING_ZERO.test(span.text)) return false;
  if (number.grouping === 'none' && number.fraction === '' && number.integer.length <= 2) return false;
  if (NUMBER_LABEL_BEFORE.test(text.slice(Math.max(0, span.start - 14), span.start))) return false;
  if (NOT_MONEY_AFTER.test(text.slice(span.end, span.end + 8))) return false;
  if (MALFORMED_AFTER.test(text.slice(span.end, span.end + 3))) return false;
  // `687 15`: a one- or two-digit number right after makes it a code (a budget title).
  const next = spans[index + 1];
  if (next && !next.joined && next.start === span.end + 1 && CODE_TAIL.test(next.text.length === 1 ? `0${next.text}` : next.text)) return false;
  return true;
}

/**
 * Record one money cell of a lost table.
 *
 * @param spans All numbers.
 * @param index The cell's number.
 * @param currency Currency and exponent from the heading.
 * @param text Section text.
 * @param claimed Numbers already used.
 * @param found Where the hit or problem goes.
 */
function tableCell(
  spans: readonly NumberSpan[],
  index: number,
  currency: { code: string; exponent: number },
  text: string,
  claimed: Set<number>,
  found: Found,
): void {
  const span = spans[index];
  if (!span?.number) return;
  claimed.add(index);
  if (gluedFootnote(spans, index, text)) {
    found.problems.push(ambiguousCell(spans[index - 1] ?? span, span, text));
    return;
  }
  // A cell may carry its own scale word: `1,3 Mio.` under `in Euro`.
  SCALE_AFTER.lastIndex = span.end;
  const scale = SCALE_AFTER.exec(text);
  const own = scale && LARGE_SCALE_WORDS.has(scale[1] ?? '') ? scaleExponent(scale[1] ?? '') : undefined;
  const exponent = own ?? currency.exponent;
  const end = own === undefined ? span.end : SCALE_AFTER.lastIndex;
  const value = numberValue(span.number, exponent);
  if (Math.abs(value) > IMPLAUSIBLE) {
    found.problems.push({
      start: span.start,
      end: span.end,
      severity: 'warning',
      ruleId: 'amount-ambiguous',
      reason: `Unexpected table cell \`${span.text}\` read as ${value} ${currency.code}, expected a plausible amount: cells may have run together`,
    });
    return;
  }
  found.hits.push({ start: span.start, end, value, currency: currency.code, table: true });
}

/**
 * Rows labelled with a word and a running number (`Institut 1`, `Institut 2`) print the number
 * right before the value; where only one space separates them the two read as one space-grouped
 * number (`Institut 1 229 900 000,00`). When the row above or below has the same label, the
 * leading group is the row number: the rest is the value, reported as ambiguous.
 *
 * @param lines The section's lines.
 * @param b The body line.
 * @param spans All numbers.
 * @param text Section text.
 * @param currency Currency and exponent from the heading.
 * @param claimed Numbers already used.
 * @param found Where the hit and the problem go.
 */
function numberedLabel(
  lines: readonly LineSpan[],
  b: number,
  spans: readonly NumberSpan[],
  text: string,
  currency: { code: string; exponent: number },
  claimed: Set<number>,
  found: Found,
): void {
  const label = (line: LineSpan | undefined): string | undefined => {
    const first = line ? spans[line.numbers[0] ?? -1] : undefined;
    return line && first ? text.slice(line.start, first.start).trim() : undefined;
  };
  const line = lines[b];
  const index = line?.numbers[0];
  const span = spans[index ?? -1];
  const own = label(line);
  if (index === undefined || !span?.joined || claimed.has(index) || !own || !LABEL_WORD.test(own)) return;
  if (label(lines[b - 1]) !== own && label(lines[b + 1]) !== own) return;
  const gap = span.text.search(GROUP_SPACE);
  const rest = span.text.slice(gap + 1);
  const number = readGermanNumber(rest);
  if (gap < 0 || !number) return;
  claimed.add(index);
  const start = span.start + gap + 1;
  found.hits.push({ start, end: span.end, value: numberValue(number, currency.exponent), currency: currency.code, table: true });
  found.problems.push({
    start: span.start,
    end: span.end,
    severity: 'warning',
    ruleId: 'amount-ambiguous',
    reason: `Unexpected \`${span.text}\` after the row label \`${own}\`, expected the row number apart from the value: read as row \`${span.text.slice(0, gap)}\` and \`${rest}\``,
  });
}

/**
 * Count the matches of a global pattern.
 *
 * @param text Some text.
 * @param pattern A pattern with the `g` flag.
 * @returns How many matches.
 */
function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  for (const match of text.matchAll(pattern)) if (match[0] !== '') count++;
  return count;
}

/**
 * Cells of lost tables (plain text): after a line with a currency header (`Jahr Ausgaben in
 * Euro`), numbers on the rest of that line and on following short numeric lines are amounts in
 * that currency. Runs of short numeric lines are reported as `table-layout-lost`.
 *
 * @param section The section.
 * @param context The extract context.
 * @param spans The section's numbers.
 * @param claimed Numbers already used.
 * @param found Where hits and problems go.
 */
function lostTables(section: Section, context: ExtractContext, spans: readonly NumberSpan[], claimed: Set<number>, found: Found): void {
  if (spans.length === 0) return;
  const text = section.run.text;
  const lines = printedLines(section, context, spans);

  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (!line) continue;
    const lineText = text.slice(line.start, line.end);
    const header = CURRENCY_HEADER.exec(lineText);
    if (!header || lineText.trimEnd().endsWith('?') || wordCount(lineText) > HEADER_WORDS) continue;
    const headerEnd = line.start + header.index + header[0].length;
    if (!HEADER_FOLLOW.test(text.slice(headerEnd, line.end))) continue;
    const currency = headerCurrency(header);
    if (!currency) continue;
    const emit = (indexes: readonly number[]): void => {
      for (const index of indexes) tableCell(spans, index, currency, text, claimed, found);
    };
    const rest = line.numbers.filter((index) => (spans[index]?.start ?? 0) >= headerEnd);
    const restCells = rest.filter((index) => isMoneyCell(spans, index, text, claimed));
    if (restCells.length > 0) {
      // A row heading: `Ausgaben in TSD Euro 223.781 515.121`; it covers its own line only.
      if (!COUNT_HEADER.test(lineText)) emit(restCells);
      continue;
    }
    // A column heading, maybe stacked over several lines: count the currency columns it names.
    let blockStart = l;
    while (blockStart > 0 && l - blockStart < HEADER_BLOCK_LINES) {
      const above = lines[blockStart - 1];
      if (!above || above.numbers.length > 0) break;
      const aboveText = text.slice(above.start, above.end);
      if (wordCount(aboveText) > HEADER_WORDS || ITEM_END.test(aboveText.trimEnd())) break;
      blockStart--;
    }
    const blockText = text.slice(lines[blockStart]?.start ?? line.start, line.end);
    if (COUNT_HEADER.test(blockText)) continue;
    // Years after the heading label the columns (`Einnahmen in EUR 2020 2021 2022`): every column is money.
    const yearColumns = rest.filter((index) => YEAR.test(spans[index]?.text ?? '')).length >= 2;
    const columns = yearColumns ? Number.POSITIVE_INFINITY : countMatches(blockText, CURRENCY_HEADER_ALL);
    let last = l;
    for (let b = l + 1; b < lines.length; b++) {
      const body = lines[b];
      if (!body || body.numbers.length === 0) break;
      const bodyText = text.slice(body.start, body.end);
      if (CURRENCY_HEADER.test(bodyText) || wordCount(bodyText) > TABLE_BODY_WORDS) break;
      last = b;
      if (COUNT_HEADER.test(bodyText)) continue;
      numberedLabel(lines, b, spans, text, currency, claimed, found);
      const cells = body.numbers.filter((index) => isMoneyCell(spans, index, text, claimed));
      // More money-like numbers than currency columns: the row holds counts too; leave it.
      if (cells.length <= columns) emit(cells);
    }
    l = last;
  }

  if (context.format !== 'text') return;
  // One message per lost table: a few lines of row labels inside it do not end it.
  let runStart = -1;
  let lastTabular = -1;
  let tabularLines = 0;
  const flush = (end: number): void => {
    if (runStart >= 0 && tabularLines >= LOST_TABLE_LINES) {
      const first = lines[runStart];
      const final = lines[end - 1];
      if (first && final) {
        found.problems.push({
          start: first.start,
          end: final.end,
          severity: 'info',
          ruleId: 'table-layout-lost',
          reason: `Unexpected run of \`${end - runStart}\` lines, \`${tabularLines}\` of them short and numeric, expected running text: a table whose layout was lost`,
        });
      }
    }
    runStart = -1;
    tabularLines = 0;
  };
  lines.forEach((line, index) => {
    const lineText = text.slice(line.start, line.end).trim();
    const tabular = line.numbers.length > 0 && wordCount(lineText) <= LOST_TABLE_WORDS && !BULLET_START.test(lineText) && !ITEM_END.test(lineText);
    if (tabular) {
      if (runStart < 0) runStart = index;
      lastTabular = index;
      tabularLines++;
    } else if (runStart >= 0 && index - lastTabular > LOST_TABLE_GAP) flush(lastTabular + 1);
  });
  if (runStart >= 0) flush(lastTabular + 1);
}

/**
 * A problem for a number that a footnote mark may precede.
 *
 * @param previous The number before.
 * @param span The number.
 * @param text Section text.
 * @returns The problem.
 */
function ambiguousCell(previous: NumberSpan, span: NumberSpan, text: string): Problem {
  return {
    start: previous.start,
    end: span.end,
    severity: 'warning',
    ruleId: 'amount-ambiguous',
    reason: `Unexpected \`${text.slice(previous.start, span.end)}\`, expected one number: a footnote mark may stand before the value`,
  };
}

/**
 * Cells of Markdown tables whose column header (`Fördervolumen in Euro`, `Betrag (€)`, `TEUR`) or
 * caption (`Angaben in Tsd. Euro`) gives the currency.
 *
 * @param section The section.
 * @param spans The section's numbers.
 * @param claimed Numbers already used.
 * @param found Where hits and problems go.
 */
function markdownTables(section: Section, spans: readonly NumberSpan[], claimed: Set<number>, found: Found): void {
  const text = section.run.text;
  for (const table of section.tables) {
    const [head, ...body] = table.rows;
    if (!head || body.length === 0) continue;
    const tableStart = head[0]?.[0] ?? 0;
    const captionStart = text.lastIndexOf('\n', Math.max(0, tableStart - 2)) + 1;
    const caption = CURRENCY_HEADER.exec(text.slice(captionStart, tableStart));
    const columns = head.map(([start, end]) => {
      const cell = text.slice(start, end);
      const own = columnCurrency(cell);
      if (own) return own;
      if (caption && !COUNT_HEADER.test(cell) && !/Jahr|Datum|Nr\./u.test(cell)) return headerCurrency(caption);
      return undefined;
    });
    for (const row of body) {
      row.forEach(([start, end], column) => {
        const currency = columns[column];
        if (!currency) return;
        const inCell = spansWithin(spans, start, end);
        if (inCell.some((index) => claimed.has(index)) || inCell.length === 0) return;
        const cellText = text.slice(start, end).trim().replace(CELL_FOOTNOTE, '');
        const first = spans[inCell[0] ?? -1];
        if (!first) return;
        if (inCell.length === 2) {
          const second = spans[inCell[1] ?? -1];
          if (second && gluedFootnote(spans, inCell[1] ?? -1, text)) {
            inCell.forEach((index) => claimed.add(index));
            found.problems.push(ambiguousCell(first, second, text));
          }
          return;
        }
        if (inCell.length !== 1 || !first.number || first.text !== cellText || YEAR.test(first.text)) return;
        claimed.add(inCell[0] ?? -1);
        found.hits.push({ start: first.start, end: first.end, value: numberValue(first.number, currency.exponent), currency: currency.code, table: true });
      });
    }
  }
}

/**
 * The number that ends at `end`.
 *
 * @param spans All numbers, in text order.
 * @param end Index after its last character.
 * @returns Its index, or -1.
 */
function spanEndingAt(spans: readonly NumberSpan[], end: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[middle]?.end ?? 0) < end) low = middle + 1;
    else high = middle;
  }
  return spans[low]?.end === end ? low : -1;
}

/**
 * The numbers inside `[start, end)`.
 *
 * @param spans All numbers, in text order.
 * @param start Start of the range.
 * @param end End of the range.
 * @returns Their indexes.
 */
function spansWithin(spans: readonly NumberSpan[], start: number, end: number): number[] {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[middle]?.start ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  const within: number[] = [];
  for (let index = low; index < spans.length && (spans[index]?.end ?? end + 1) <= end; index++) within.push(index);
  return within;
}

/**
 * A currency header phrase as code and exponent.
 *
 * @param header A match of {@link CURRENCY_HEADER}.
 * @returns Code and exponent.
 */
function headerCurrency(header: RegExpExecArray): { code: string; exponent: number } | undefined {
  const currency = currencyOf(normalizeForm(header[2] ?? ''));
  if (!currency) return undefined;
  const scale = header[1] ? (scaleExponent(header[1]) ?? 3) : 0;
  return { code: currency.code, exponent: scale + currency.exponent };
}

/**
 * A column header that names a currency: `Fördervolumen in Euro`, `Betrag (€)`, `TEUR`, `Mio. €`.
 *
 * @param cell The header cell text.
 * @returns Code and exponent, or `undefined`.
 */
function columnCurrency(cell: string): { code: string; exponent: number } | undefined {
  const header = CURRENCY_HEADER.exec(cell);
  if (header) return headerCurrency(header);
  const bare = COLUMN_CURRENCY.exec(cell.trim());
  if (!bare) return undefined;
  const currency = currencyOf(normalizeForm(bare[2] ?? ''));
  if (!currency) return undefined;
  return { code: currency.code, exponent: (bare[1] ? (scaleExponent(bare[1]) ?? 0) : 0) + currency.exponent };
}

/**
 * A column header that is a currency, maybe in brackets after a word. Matches: `TEUR`,
 * `Betrag (€)`, `Kosten [Mio. Euro]`, `Euro`
 */
const COLUMN_CURRENCY = new RegExp(`(?:^|[(\\[]${GAP}?)(?:(${SCALE_PATTERN})${GAP}?)?(${CURRENCY_PATTERN})[)\\]]?$`, 'u');
