/**
 * A readable report of one document (`html/<stem>.html`) and an index of the corpus (`html/index.html`).
 *
 * Every page is static and self-contained: styles and the small script are inline, pictures are inline
 * SVG, nothing is loaded from the network (a Content-Security-Policy that allows only the page's own
 * style and script, by hash, says so to the browser as well). All text from the input is escaped.
 *
 * A document page shows the header data, a summary (counts, the entities as buttons that highlight
 * their mentions, amounts per answer, sources), a picture (co-occurrence network and amounts per
 * answer), the preambles, questions and answers in printed order with entities, amounts, dates,
 * sources and references marked by type, and the messages (text cut out of the flow, text left over).
 *
 * Marks are placed by finding each record's `text` in its section's clean `text`: all records of a
 * section in document order, each at or after the one before (so repeated words land on successive
 * occurrences and records of one kind anchor the others), white space compared loosely.
 * Marks nest; where two cross, the one of lower rank (entity > amount > date > reference > source) is
 * cut in two, its continuation flagged `data-cont`.
 *
 * Pages link to each other by file name: the index links `<stem>.html`, a document page links
 * `index.html`, so both belong in one folder.
 */
import { createHash } from 'node:crypto';
import type { Amount, Answer, DateRecord, DrucksacheDocument, Entity, Message, Position, Source } from '../../model.js';
import { bundestagPdfUrl } from '../jsonld.js';
import { amountsChartSvg, amountsPerAnswer, answerLabel, entityTypeColours, escapeXml as escape, formatMoney, networkSvg } from './network.js';

/** What the index page needs of one document; small, so that a batch runner keeps only these in memory. */
export interface HtmlSummary {
  /** The input file stem; the page is `<stem>.html`. */
  readonly stem: string;
  /** The parliament. */
  readonly parliament: string | null;
  /** The document's own number, e.g. `21/1344`. */
  readonly number: string | null;
  /** The number of the Anfrage answered. */
  readonly answers: string | null;
  /** ISO date of the document. */
  readonly date: string | null;
  /** Title of the Anfrage. */
  readonly title: string | null;
  /** Parliamentary group that asked. */
  readonly faction: string | null;
  /** How many questions. */
  readonly questions: number;
  /** How many amounts. */
  readonly amounts: number;
  /** Sum of the amounts per currency, largest first. */
  readonly amountsTotal: readonly { readonly currency: string; readonly value: number }[];
  /** The most often mentioned entities (at most five). */
  readonly topEntities: readonly { readonly name: string; readonly type: Entity['type']; readonly mentions: number }[];
}

/** How many entities an index row names. */
const summaryEntityCount = 5;

/** How many entity buttons are shown before the rest is folded away. */
const visibleEntityCount = 12;

/** A Bundestag parliament name: matches `Deutscher Bundestag`. */
const bundestagPattern = /\bBundestag\b/;

/** An ISO calendar date: matches `2025-08-21`. */
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A web address that may become a link: matches `https://www.taz.de/!5164771/` and `www.bmi.bund.de/x`. */
const linkableUrlPattern = /^(?:https?:\/\/|www\.)[^\s"<>]+$/i;

/** A run of white space: matches ` ` and `\n  ` in `Bundes-\n  regierung`. */
const whitespaceRunPattern = /\s+/g;

/** A Drucksache number split into period and running number: matches `21/1344`. */
const drucksacheNumberPattern = /^(\d{1,3})\/(\d{1,6})$/;

/** Kinds of marks, with their class names and rank (higher wins where marks cross). */
const markKinds = {
  entity: { rank: 5 },
  amount: { rank: 4 },
  date: { rank: 3 },
  reference: { rank: 2 },
  source: { rank: 1 },
} as const;

type MarkKind = keyof typeof markKinds;

/** A mark to place in a section text, before crossings are resolved. */
interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: MarkKind;
  /** Opening tag for the first fragment and for continuations. */
  readonly open: (continuation: boolean) => string;
  readonly close: string;
}

/** A placed piece of a mark. */
interface Fragment {
  readonly start: number;
  readonly end: number;
  readonly mark: Mark;
  readonly continuation: boolean;
}

/** A record to be marked: its text and where it was printed. */
interface Located {
  readonly text: string;
  readonly position: Position;
}

/** White space collapsed to one space, with the index in the original text of every character. */
interface Collapsed {
  readonly text: string;
  /** `index[i]` is the original index of `text[i]`; one more entry for the end. */
  readonly index: Int32Array;
}

/**
 * Collapse runs of white space into one space, remembering where each character came from.
 *
 * @param text The text.
 * @returns The collapsed text and its index.
 */
function collapse(text: string): Collapsed {
  const index = new Int32Array(text.length + 1);
  let out = '';
  let length = 0;
  let last = 0;
  for (const match of text.matchAll(whitespaceRunPattern)) {
    for (let i = last; i < match.index; i += 1) index[length++] = i;
    index[length++] = match.index;
    out += `${text.slice(last, match.index)} `;
    last = match.index + match[0].length;
  }
  for (let i = last; i < text.length; i += 1) index[length++] = i;
  index[length] = text.length;
  return { text: out + text.slice(last), index };
}

/**
 * Find records in a section text: in document order, each at or after the previous one (strictly
 * after unless the two start at the same printed place, so that repeated words land on successive
 * occurrences), white space compared loosely.
 *
 * @param section The section text, collapsed.
 * @param records The records of this section.
 * @returns For each record (in the given order) its range in the original section text, or undefined.
 */
function locateRecords(section: Collapsed, records: readonly Located[]): ({ start: number; end: number } | undefined)[] {
  const order = records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => a.record.position.start.offset - b.record.position.start.offset || b.record.position.end.offset - a.record.position.end.offset || a.index - b.index);
  const found: ({ start: number; end: number } | undefined)[] = records.map(() => undefined);
  let previous: { offset: number; at: number } | undefined;
  for (const { record, index } of order) {
    const needle = record.text.trim().replace(whitespaceRunPattern, ' ');
    if (needle === '') continue;
    const from = previous === undefined ? 0 : record.position.start.offset === previous.offset ? previous.at : previous.at + 1;
    let at = section.text.indexOf(needle, from);
    if (at < 0) at = section.text.lastIndexOf(needle, from);
    if (at < 0) continue;
    previous = { offset: record.position.start.offset, at };
    found[index] = { start: section.index[at] ?? 0, end: (section.index[at + needle.length - 1] ?? 0) + 1 };
  }
  return found;
}

/** Width of the buckets that index placed fragments by position. */
const bucketWidth = 64;

/**
 * Place marks so that they nest: a mark that crosses one of higher rank is cut at its boundary.
 * Placed fragments are indexed in buckets by position: a fragment crossing `[a, b)` contains `a` or
 * `b`, so only the buckets of those two points are searched.
 *
 * @param marks The marks.
 * @returns Non-crossing fragments.
 */
function resolveCrossings(marks: readonly Mark[]): Fragment[] {
  const ordered = [...marks].sort((a, b) => markKinds[b.kind].rank - markKinds[a.kind].rank || a.start - b.start || b.end - a.end);
  const placed: Fragment[] = [];
  const buckets = new Map<number, Fragment[]>();
  const crossingAt = (point: number, fragment: Fragment): Fragment | undefined =>
    buckets
      .get(Math.floor(point / bucketWidth))
      ?.find(
        (other) =>
          (other.start < fragment.start && fragment.start < other.end && other.end < fragment.end) ||
          (fragment.start < other.start && other.start < fragment.end && fragment.end < other.end),
      );
  for (const mark of ordered) {
    const queue: Fragment[] = [{ start: mark.start, end: mark.end, mark, continuation: false }];
    while (queue.length > 0) {
      const fragment = queue.shift();
      if (!fragment || fragment.end <= fragment.start) continue;
      const crossing = crossingAt(fragment.start, fragment) ?? crossingAt(fragment.end, fragment);
      if (!crossing) {
        placed.push(fragment);
        for (let bucket = Math.floor(fragment.start / bucketWidth); bucket <= Math.floor(fragment.end / bucketWidth); bucket += 1) {
          const list = buckets.get(bucket);
          if (list) list.push(fragment);
          else buckets.set(bucket, [fragment]);
        }
        continue;
      }
      const cut = crossing.start < fragment.start ? crossing.end : crossing.start;
      queue.unshift({ ...fragment, start: cut, continuation: true });
      queue.unshift({ ...fragment, end: cut });
    }
  }
  return placed;
}

/**
 * Render a section text with its marks as HTML (escaped text, nested mark elements).
 *
 * @param text The section text.
 * @param marks The marks.
 * @returns The HTML.
 */
function renderMarked(text: string, marks: readonly Mark[]): string {
  const fragments = resolveCrossings(marks).sort((a, b) => a.start - b.start || b.end - a.end || markKinds[b.mark.kind].rank - markKinds[a.mark.kind].rank);
  let out = '';
  let at = 0;
  const stack: Fragment[] = [];
  const closeTo = (limit: number): void => {
    for (let top = stack.at(-1); top && top.end <= limit; top = stack.at(-1)) {
      out += escape(text.slice(at, top.end)) + top.mark.close;
      at = top.end;
      stack.pop();
    }
  };
  for (const fragment of fragments) {
    closeTo(fragment.start);
    out += escape(text.slice(at, fragment.start)) + fragment.mark.open(fragment.continuation);
    at = fragment.start;
    stack.push(fragment);
  }
  closeTo(Infinity);
  return out + escape(text.slice(at));
}

/**
 * Build an attribute list, escaping values.
 *
 * @param attributes Names and values; `undefined` leaves an attribute out, `''` writes it bare.
 * @returns ` name="value"…`.
 */
function attributes(attributes: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escape(value)}"`))
    .join('');
}

/**
 * A mark element that can be focused and tells its value in a tooltip.
 *
 * @param className Its classes.
 * @param tip What hovering or focusing shows.
 * @param extra More attributes.
 * @returns Opening tag builder and closing tag.
 */
function markTag(className: string, tip: string, extra: Readonly<Record<string, string>> = {}): Pick<Mark, 'open' | 'close'> {
  return {
    open: (continuation) =>
      `<mark${attributes({ class: className, ...extra, title: tip, tabindex: continuation ? undefined : '0', 'data-cont': continuation ? '' : undefined })}>`,
    close: '</mark>',
  };
}

/**
 * Format an ISO date the German way (`2025-08-21` → `21.08.2025`); other text is returned as it is.
 *
 * @param date The date.
 * @returns The formatted date.
 */
function formatDate(date: string): string {
  const match = isoDatePattern.exec(date);
  return match ? `${match[3] ?? ''}.${match[2] ?? ''}.${match[1] ?? ''}` : date;
}

/**
 * A date as a `time` element.
 *
 * @param date ISO date.
 * @returns The HTML.
 */
function timeElement(date: string): string {
  return isoDatePattern.test(date) ? `<time datetime="${escape(date)}">${escape(formatDate(date))}</time>` : escape(date);
}

/**
 * The address a link may point to, or undefined for anything that is not a web address (so that a
 * `javascript:` address from the input never becomes a link).
 *
 * @param url The address as printed.
 * @returns A safe `http(s)` address.
 */
function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (!linkableUrlPattern.test(trimmed)) return undefined;
  return schemelessUrlPattern.test(trimmed) ? `https://${trimmed}` : trimmed;
}

/**
 * Whether a parliament is the Bundestag.
 *
 * @param parliament Its name.
 * @returns True for the Bundestag.
 */
function isBundestag(parliament: string | null | undefined): boolean {
  return parliament !== null && parliament !== undefined && bundestagPattern.test(parliament);
}

/**
 * The official PDF of a Drucksache where its address is known (Bundestag only).
 *
 * @param number The number.
 * @param parliament Its parliament.
 * @returns The address.
 */
function drucksacheUrl(number: string, parliament: string | null | undefined): string | undefined {
  return isBundestag(parliament) ? bundestagPdfUrl(number) : undefined;
}

/**
 * A Drucksache number, linked to its PDF where known.
 *
 * @param number The number.
 * @param parliament Its parliament.
 * @returns The HTML.
 */
function drucksacheLink(number: string, parliament: string | null | undefined): string {
  const url = drucksacheUrl(number, parliament);
  return url ? `<a href="${escape(url)}" rel="external noopener">${escape(number)}<span class="visually-hidden"> (PDF)</span></a>` : escape(number);
}

/** What a tooltip says about an amount: `Betrag: 18.225 € (rund)`. */
function amountTip(amount: Amount): string {
  const value = amount.upper === undefined ? formatMoney(amount.value, amount.currency) : `${formatMoney(amount.value, amount.currency)} bis ${formatMoney(amount.upper, amount.currency)}`;
  return `Betrag: ${value}${amount.qualifier ? ` (${amount.qualifier})` : ''}${amount.table ? ', Tabellenzelle' : ''}`;
}

/** What a tooltip says about a date: `Datum: 01.01.2015 bis 31.12.2019`. */
function dateTip(date: DateRecord): string {
  const precision = { day: 'Tag', month: 'Monat', season: 'Jahreszeit', year: 'Jahr' }[date.precision];
  return date.start === date.end ? `Datum: ${formatDate(date.start)} (${precision})` : `Zeitraum: ${formatDate(date.start)} bis ${formatDate(date.end)} (${precision})`;
}

/** German names of source kinds. */
const sourceKindLabels: Readonly<Record<Source['kind'], string>> = { url: 'Webseite', drucksache: 'Drucksache', publication: 'Veröffentlichung', law: 'Rechtsnorm' };

/** What a tooltip says about a source: `Quelle (Drucksache): 18/13237`. */
function sourceTip(source: Source): string {
  const detail =
    source.kind === 'url'
      ? source.url
      : source.kind === 'drucksache'
        ? source.number
        : source.kind === 'publication'
          ? [source.title, source.pages && source.pages.length > 0 ? `S. ${source.pages.join(', ')}` : undefined].filter(Boolean).join(', ')
          : source.text;
  return `Quelle (${sourceKindLabels[source.kind]}): ${detail ?? source.text}`;
}

/** German names of message severities. */
const severityLabels: Readonly<Record<Message['severity'], string>> = { info: 'Info', warning: 'Warnung', error: 'Fehler' };

/** German names of furniture kinds. */
const furnitureLabels: Readonly<Record<string, string>> = {
  pageHeader: 'Kopfzeile',
  pageNumber: 'Seitenzahl',
  transmissionNote: 'Übermittlungsvermerk',
  imprint: 'Impressum',
  header: 'Kopf',
  footnote: 'Fußnote',
};

/** Where things are looked up while a page is built. */
interface Index {
  readonly doc: DrucksacheDocument;
  /** The answer of each question number. */
  readonly answerOf: ReadonlyMap<string, Answer>;
  /** Question id by question number. */
  readonly questionOf: ReadonlyMap<string, string>;
  /** Section label by section id. */
  readonly sectionLabel: ReadonlyMap<string, string>;
  /** The records of each section, by section id. */
  readonly records: ReadonlyMap<string, SectionRecords>;
  /** Marks placed per entity id (first fragments only). */
  readonly entityMarks: Map<string, number>;
}

/** The records found in one section. */
interface SectionRecords {
  readonly mentions: { readonly entity: Entity; readonly mention: Entity['mentions'][number] }[];
  readonly amounts: Amount[];
  readonly dates: DateRecord[];
  readonly sources: Source[];
}

/**
 * Group a document's records by the section they were found in.
 *
 * @param doc The document.
 * @returns Records by section id.
 */
function recordsBySection(doc: DrucksacheDocument): Map<string, SectionRecords> {
  const groups = new Map<string, SectionRecords>();
  const group = (id: string): SectionRecords => {
    let found = groups.get(id);
    if (!found) {
      found = { mentions: [], amounts: [], dates: [], sources: [] };
      groups.set(id, found);
    }
    return found;
  };
  for (const entity of doc.entities) for (const mention of entity.mentions) group(mention.in).mentions.push({ entity, mention });
  for (const amount of doc.amounts) group(amount.in).amounts.push(amount);
  for (const date of doc.dates) group(date.in).dates.push(date);
  for (const source of doc.sources) group(source.in).sources.push(source);
  return groups;
}

/**
 * Keep the records of a section that satisfy a test.
 *
 * @param records The records.
 * @param keep The test, on the record's position.
 * @returns The kept records.
 */
function filterRecords(records: SectionRecords | undefined, keep: (position: Position) => boolean): SectionRecords {
  return {
    mentions: (records?.mentions ?? []).filter(({ mention }) => keep(mention.position)),
    amounts: (records?.amounts ?? []).filter((record) => keep(record.position)),
    dates: (records?.dates ?? []).filter((record) => keep(record.position)),
    sources: (records?.sources ?? []).filter((record) => keep(record.position)),
  };
}

/**
 * Build the lookups of a document.
 *
 * @param doc The document.
 * @returns The lookups.
 */
function indexOf(doc: DrucksacheDocument): Index {
  const answerOf = new Map<string, Answer>();
  for (const answer of doc.answers) for (const number of answer.questions) if (!answerOf.has(number)) answerOf.set(number, answer);
  const questionOf = new Map<string, string>();
  for (const question of doc.questions) if (!questionOf.has(question.number)) questionOf.set(question.number, question.id);
  const sectionLabel = new Map<string, string>([['meta', 'Kopf']]);
  for (const preamble of doc.preambles) sectionLabel.set(preamble.id, preamble.heading ?? preambleHeading(preamble.by, doc));
  for (const question of doc.questions) sectionLabel.set(question.id, `Frage ${question.number}`);
  for (const answer of doc.answers) sectionLabel.set(answer.id, answerLabel(answer.questions));
  return { doc, answerOf, questionOf, sectionLabel, records: recordsBySection(doc), entityMarks: new Map() };
}

/**
 * The heading of a preamble that has none printed.
 *
 * @param by Who wrote it.
 * @param doc The document.
 * @returns The heading.
 */
function preambleHeading(by: 'questioners' | 'government', doc: DrucksacheDocument): string {
  return by === 'questioners' ? 'Vorbemerkung der Fragesteller' : `Vorbemerkung der ${doc.meta.respondent ?? 'Regierung'}`;
}

/**
 * Where a reference to a question's answer leads: the answer, else the question.
 *
 * @param number The question number.
 * @param index The lookups.
 * @returns The fragment id, or undefined.
 */
function referenceTarget(number: string, index: Index): string | undefined {
  return index.answerOf.get(number)?.id ?? index.questionOf.get(number);
}

/** A letter or digit; a question number counts only where none touches it before: matches `a`, `7`. */
const numberBoundaryPattern = /[\p{L}\p{N}]/u;

/** A digit; a question number counts only where none follows it: matches `7`. */
const digitPattern = /\d/;

/** A web address without its scheme: matches `www.bmi.bund.de/x`. */
const schemelessUrlPattern = /^www\./i;

/**
 * Find a question number as a whole token inside a text.
 *
 * @param text The text.
 * @param number The number.
 * @param from Where to start looking.
 * @returns The index, or -1.
 */
function findNumberToken(text: string, number: string, from: number): number {
  for (let at = text.indexOf(number, from); at >= 0; at = text.indexOf(number, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + number.length] ?? ' ';
    if (!numberBoundaryPattern.test(before) && !digitPattern.test(after)) return at;
  }
  return -1;
}

/** A record waiting to be found, and what to do with its range. */
interface Pending {
  readonly record: Located;
  readonly place: (range: { start: number; end: number }) => void;
}

/**
 * The marks of one section: entity mentions, amounts, dates, sources and (for answers) references.
 * All records are found in one pass in document order, so that records of each kind anchor the others.
 *
 * @param text The section text.
 * @param records The records found in it.
 * @param index The lookups (entity mark counts are added to).
 * @param answer The answer, when the section is one.
 * @returns The marks.
 */
function sectionMarks(text: string, records: SectionRecords, index: Index, answer?: Answer): Mark[] {
  const marks: Mark[] = [];
  const pending: Pending[] = [];
  for (const { entity, mention } of records.mentions) {
    pending.push({
      record: mention,
      place: (range) => {
        index.entityMarks.set(entity.id, (index.entityMarks.get(entity.id) ?? 0) + 1);
        marks.push({ ...range, kind: 'entity', ...markTag(`hl ent t-${entity.type}`, `${entityTypeColours[entity.type].label}: ${entity.name}`, { 'data-entity': entity.id }) });
      },
    });
  }
  for (const amount of records.amounts) pending.push({ record: amount, place: (range) => marks.push({ ...range, kind: 'amount', ...markTag('hl amt', amountTip(amount)) }) });
  for (const date of records.dates) pending.push({ record: date, place: (range) => marks.push({ ...range, kind: 'date', ...markTag('hl date', dateTip(date)) }) });
  for (const source of records.sources) {
    pending.push({ record: source, place: (range) => marks.push({ ...range, kind: 'source', ...markTag(`hl src s-${source.kind}`, sourceTip(source)) }) });
  }
  if (answer) pending.push(...referenceMarks(text, answer, index, marks));
  locateRecords(
    collapse(text),
    pending.map((item) => item.record),
  ).forEach((range, i) => {
    if (range) pending[i]?.place(range);
  });
  return marks;
}

/**
 * Links for the references of an answer. A reference naming one question links its whole text; where
 * several references share one text (`Antworten zu den Fragen 4 und 6`), each number is linked.
 *
 * @param text The answer text.
 * @param answer The answer.
 * @param index The lookups.
 * @param marks Where the links go once their text is found.
 * @returns The references to find, one per distinct text.
 */
function referenceMarks(text: string, answer: Answer, index: Index, marks: Mark[]): Pending[] {
  const groups = new Map<string, Answer['references']>();
  for (const reference of answer.references) {
    const key = `${reference.position.start.offset}:${reference.position.end.offset}`;
    groups.set(key, [...(groups.get(key) ?? []), reference]);
  }
  const link = (number: string): Pick<Mark, 'open' | 'close'> | undefined => {
    const target = referenceTarget(number, index);
    if (target === undefined) return undefined;
    const label = index.answerOf.has(number) ? answerLabel(index.answerOf.get(number)?.questions ?? [number]) : `Frage ${number}`;
    return { open: () => `<a${attributes({ class: 'ref', href: `#${target}`, title: `Verweis: ${label}` })}>`, close: '</a>' };
  };
  const pending: Pending[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    pending.push({
      record: first,
      place: (range) => {
        if (group.length === 1) {
          const tag = link(first.question);
          if (tag) marks.push({ ...range, kind: 'reference', ...tag });
          return;
        }
        let from = range.start;
        for (const reference of group) {
          const at = findNumberToken(text.slice(0, range.end), reference.question, from);
          const tag = link(reference.question);
          if (at < 0 || !tag) continue;
          marks.push({ start: at, end: at + reference.question.length, kind: 'reference', ...tag });
          from = at + reference.question.length;
        }
      },
    });
  }
  return pending;
}

/**
 * A section text as HTML, with its marks.
 *
 * @param id The section id.
 * @param text The text.
 * @param index The lookups.
 * @param answer The answer, when the section is one.
 * @returns A `div.text`.
 */
function sectionText(id: string, text: string, index: Index, answer?: Answer): string {
  const records = index.records.get(id) ?? filterRecords(undefined, () => false);
  return `<div class="text">${renderMarked(text, sectionMarks(text, records, index, answer))}</div>`;
}

/**
 * A preamble: its heading and text, each with the marks of the records printed there (records that
 * end before the text starts stand in the heading).
 *
 * @param preamble The preamble.
 * @param index The lookups.
 * @returns The HTML.
 */
function renderPreamble(preamble: DrucksacheDocument['preambles'][number], index: Index): string {
  const id = escape(preamble.id);
  const records = index.records.get(preamble.id);
  const textStart = preamble.position.start.offset;
  const inHeading = filterRecords(records, (position) => position.end.offset <= textStart);
  const inText = filterRecords(records, (position) => position.end.offset > textStart);
  const heading = preamble.heading === null ? escape(preambleHeading(preamble.by, index.doc)) : renderMarked(preamble.heading, sectionMarks(preamble.heading, inHeading, index));
  return (
    `<section class="preamble by-${preamble.by}" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h">${heading}</h3>` +
    `<div class="text">${renderMarked(preamble.text, sectionMarks(preamble.text, inText, index))}</div></section>`
  );
}

/**
 * Join words the German way: `a`, `a und b`, `a, b und c`.
 *
 * @param items The items.
 * @returns The list.
 */
function joinGerman(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1] ?? ''}`;
}

/**
 * The header of a document page.
 *
 * @param doc The document.
 * @returns The `header` element.
 */
function renderHeader(doc: DrucksacheDocument): string {
  const { meta } = doc;
  const kicker = [
    meta.parliament ? escape(meta.parliament) : undefined,
    meta.legislativePeriod === null ? undefined : `${meta.legislativePeriod}. Wahlperiode`,
    meta.drucksache ? `Drucksache ${drucksacheLink(meta.drucksache, meta.parliament)}` : undefined,
    meta.date ? timeElement(meta.date) : undefined,
  ].filter((part) => part !== undefined);
  const askers = meta.askers.map(
    (asker) =>
      `${escape([asker.title, asker.name].filter(Boolean).join(' '))}${asker.constituency ? ` <span class="muted">(${escape(asker.constituency)})</span>` : ''}${asker.faction ? ` <span class="muted">(${escape(asker.faction)})</span>` : ''}`,
  );
  const rows: [string, string][] = [];
  if (askers.length > 0) rows.push(['Fragesteller', joinGerman(askers)]);
  if (meta.faction) rows.push(['Fraktion', escape(meta.faction)]);
  if (meta.answersDrucksache) rows.push(['Anfrage', `Drucksache ${drucksacheLink(meta.answersDrucksache, meta.parliament)}`]);
  if (meta.respondent || meta.respondingBody) {
    rows.push(['Antwort', escape([meta.type === 'Antwort' ? undefined : meta.type, meta.respondent, meta.respondingBody ? `(${meta.respondingBody})` : undefined].filter(Boolean).join(' '))]);
  }
  if (meta.date) rows.push(['Datum', timeElement(meta.date)]);
  return (
    '<header class="masthead">' +
    `<p class="kicker">${kicker.join(' · ')}</p>` +
    `<h1>${escape(meta.title ?? 'Ohne Titel')}</h1>` +
    `<dl class="facts">${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>` +
    '</header>'
  );
}

/**
 * The legend of the marks, with switches to show or hide each kind.
 *
 * @returns The HTML.
 */
function renderLegend(): string {
  const entityItems = (Object.keys(entityTypeColours) as Entity['type'][]).map(
    (type) => `<li><mark class="hl ent t-${type}">${escape(entityTypeColours[type].label)}</mark></li>`,
  );
  const toggles = [
    ['ent', 'Entitäten'],
    ['amt', 'Beträge'],
    ['date', 'Datumsangaben'],
    ['src', 'Quellen'],
  ]
    .map(([kind, label]) => `<label><input type="checkbox" checked data-kind="${kind}"> ${label}</label>`)
    .join('');
  return (
    '<div class="legend">' +
    '<h3 class="legend-title">Legende</h3>' +
    `<ul class="legend-items">${entityItems.join('')}` +
    '<li><mark class="hl amt">Betrag</mark></li><li><mark class="hl date">Datum</mark></li><li><mark class="hl src">Quelle</mark></li>' +
    '<li><a class="ref" href="#qa">Verweis auf eine Antwort</a></li></ul>' +
    `<fieldset class="toggles"><legend>Markierungen zeigen</legend>${toggles}</fieldset>` +
    '<p class="hint">Markierte Stellen zeigen beim Darüberfahren oder mit der Tabulatortaste den erkannten Wert.</p>' +
    '</div>'
  );
}

/**
 * The entity chooser: a button per entity (most often marked first), a live status line and a button
 * to jump to the next mention.
 *
 * @param index The lookups (marks already counted).
 * @returns The HTML.
 */
function renderEntityChooser(index: Index): string {
  const { doc } = index;
  if (doc.entities.length === 0) return '<p>Keine Entitäten erkannt.</p>';
  const ranked = doc.entities
    .map((entity, order) => ({ entity, order, count: index.entityMarks.get(entity.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || b.entity.mentions.length - a.entity.mentions.length || a.order - b.order);
  const button = ({ entity, count }: { entity: Entity; count: number }): string =>
    `<li><button type="button"${attributes({ class: `chip t-${entity.type}`, 'data-entity': entity.id, 'data-name': entity.name, 'data-count': String(count), 'aria-pressed': 'false', title: [entityTypeColours[entity.type].label, ...entity.aliases.map((alias) => `auch: ${alias}`)].join('; ') })}>${escape(entity.name)} <span class="count">${count}</span></button></li>`;
  const visible = ranked.slice(0, visibleEntityCount).map(button).join('');
  const rest = ranked.slice(visibleEntityCount);
  return (
    '<div class="entities">' +
    '<h3 id="entities-title">Meistgenannte Entitäten</h3>' +
    '<p class="hint">Wählen Sie eine Entität, um ihre Erwähnungen im Text hervorzuheben (Zahl: Erwähnungen im Text).</p>' +
    `<ul class="chips" aria-labelledby="entities-title">${visible}</ul>` +
    (rest.length > 0 ? `<details><summary>Alle ${ranked.length} Entitäten</summary><ul class="chips">${rest.map(button).join('')}</ul></details>` : '') +
    '<div class="entity-status-row"><p id="entity-status" role="status" aria-live="polite" data-count="0">Keine Entität gewählt.</p>' +
    '<button type="button" id="entity-next" hidden>Nächste Erwähnung</button></div>' +
    '</div>'
  );
}

/**
 * The table of amounts per answer with totals.
 *
 * @param doc The document.
 * @returns The HTML, or a sentence when there are none.
 */
function renderAmountsTable(doc: DrucksacheDocument): string {
  const rows = amountsPerAnswer(doc);
  const outside = doc.amounts.filter((amount) => !doc.answers.some((answer) => answer.id === amount.in)).length;
  if (rows.length === 0 && outside === 0) return '<h3>Beträge</h3><p>Keine Beträge genannt.</p>';
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.total);
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row"><a href="#${escape(row.answer)}">${escape(answerLabel(row.questions))}</a></th><td class="num">${row.count}</td><td class="num">${escape(formatMoney(row.total, row.currency))}</td></tr>`,
    )
    .join('');
  const foot = [...totals]
    .map(([currency, total]) => `<tr><th scope="row">Summe aller Antworten</th><td class="num">${rows.filter((row) => row.currency === currency).reduce((n, row) => n + row.count, 0)}</td><td class="num">${escape(formatMoney(total, currency))}</td></tr>`)
    .join('');
  return (
    '<h3>Beträge je Antwort</h3>' +
    (rows.length > 0
      ? `<div class="table-wrap" tabindex="0" role="group" aria-label="Beträge je Antwort"><table class="amounts"><caption class="visually-hidden">Summe der genannten Beträge je Antwort</caption><thead><tr><th scope="col">Antwort</th><th scope="col" class="num">Anzahl</th><th scope="col" class="num">Summe</th></tr></thead><tbody>${body}</tbody><tfoot>${foot}</tfoot></table></div>`
      : '') +
    (outside > 0 ? `<p class="hint">Dazu ${outside} ${outside === 1 ? 'Betrag' : 'Beträge'} außerhalb der Antworten (Vorbemerkungen, Fragen, Kopf).</p>` : '') +
    '<p class="hint">Summen der im Text genannten Beträge; bei Spannen zählt die Untergrenze. Teilbeträge und Gesamtbeträge können doppelt zählen.</p>'
  );
}

/**
 * The list of sources.
 *
 * @param index The lookups.
 * @returns The HTML.
 */
function renderSources(index: Index): string {
  const { doc } = index;
  if (doc.sources.length === 0) return '<h3>Quellen</h3><p>Keine Quellen genannt.</p>';
  const items = doc.sources.map((source) => {
    const url = safeUrl(source.url) ?? (source.kind === 'drucksache' && source.number ? drucksacheUrl(source.number, source.parliament ?? doc.meta.parliament) : undefined);
    const label = escape(source.text);
    const where = source.in === 'meta' ? 'Kopf' : `<a href="#${escape(source.in)}">${escape(index.sectionLabel.get(source.in) ?? source.in)}</a>`;
    return `<li><span class="tag">${sourceKindLabels[source.kind]}</span> ${url ? `<a href="${escape(url)}" rel="external noopener">${label}</a>` : label} <span class="muted">– ${where}</span></li>`;
  });
  return `<h3>Quellen</h3><ul class="sources">${items.join('')}</ul>`;
}

/**
 * The counts of a document.
 *
 * @param doc The document.
 * @returns A `dl`.
 */
function renderCounts(doc: DrucksacheDocument): string {
  const joint = doc.answers.filter((answer) => answer.questions.length > 1).length;
  const mentions = doc.entities.reduce((n, entity) => n + entity.mentions.length, 0);
  const counts: [string, string][] = [
    ['Fragen', String(doc.questions.length)],
    ['Antworten', `${doc.answers.length}${joint > 0 ? ` <span class="muted">(${joint} gemeinsam)</span>` : ''}`],
    ['Vorbemerkungen', String(doc.preambles.length)],
    ['Entitäten', String(doc.entities.length)],
    ['Erwähnungen', String(mentions)],
    ['Beträge', String(doc.amounts.length)],
    ['Datumsangaben', String(doc.dates.length)],
    ['Quellen', String(doc.sources.length)],
    ['Hinweise', String(doc.messages.length + doc.meta.furniture.length)],
  ];
  return `<dl class="counts">${counts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

/**
 * The preambles, questions and answers in printed order. Each question links to its answer; a joint
 * answer stands once, after the last of its questions as printed, and links back to each of them.
 *
 * @param index The lookups.
 * @returns The HTML.
 */
function renderBody(index: Index): string {
  const { doc } = index;
  type Item = { offset: number; order: number; html: () => string };
  const items: Item[] = [];
  doc.preambles.forEach((preamble, order) => {
    items.push({
      offset: preamble.position.start.offset,
      order,
      html: () => renderPreamble(preamble, index),
    });
  });
  doc.questions.forEach((question, order) => {
    const answer = index.answerOf.get(question.number);
    const others = answer ? answer.questions.filter((number) => number !== question.number) : [];
    const toAnswer = answer
      ? `<p class="to-answer"><a href="#${escape(answer.id)}">Zur Antwort${others.length > 0 ? ` <span class="muted">(gemeinsam mit ${others.length === 1 ? 'Frage' : 'Fragen'} ${escape(joinGerman(others))})</span>` : ''}</a></p>`
      : '<p class="to-answer muted">Keine Antwort zugeordnet.</p>';
    items.push({
      offset: question.position.start.offset,
      order: 1000 + order,
      html: () =>
        `<article class="question" id="${escape(question.id)}" aria-labelledby="${escape(question.id)}-h"><h3 id="${escape(question.id)}-h">Frage ${escape(question.number)}</h3>${sectionText(question.id, question.text, index)}${toAnswer}</article>`,
    });
  });
  doc.answers.forEach((answer, order) => {
    const links = answer.questions.map((number) => {
      const target = index.questionOf.get(number);
      return target ? `<a href="#${escape(target)}">${escape(number)}</a>` : escape(number);
    });
    const heading = answer.questions.length === 1 ? `Antwort zu Frage ${links[0] ?? ''}` : `Antwort zu Fragen ${joinGerman(links)}`;
    const badge = answer.questions.length > 1 ? ' <span class="badge">gemeinsame Antwort</span>' : '';
    const references = answer.references
      .map((reference) => {
        const target = referenceTarget(reference.question, index);
        return target ? `<li><a href="#${escape(target)}">${escape(index.sectionLabel.get(target) ?? `Frage ${reference.question}`)}</a></li>` : `<li>Frage ${escape(reference.question)} <span class="muted">(nicht gefunden)</span></li>`;
      })
      .join('');
    items.push({
      offset: answer.position.start.offset,
      order: 100000 + order,
      html: () =>
        `<article class="answer${answer.questions.length > 1 ? ' joint' : ''}" id="${escape(answer.id)}" aria-labelledby="${escape(answer.id)}-h"><h3 id="${escape(answer.id)}-h">${heading}${badge}</h3>${sectionText(answer.id, answer.text, index, answer)}${references ? `<nav class="refs" aria-label="Verweise in der ${escape(answerLabel(answer.questions))}"><span class="muted">Verweist auf:</span> <ul>${references}</ul></nav>` : ''}</article>`,
    });
  });
  items.sort((a, b) => a.offset - b.offset || a.order - b.order);
  return items.map((item) => item.html()).join('\n');
}

/**
 * The messages and the text cut out of the flow.
 *
 * @param doc The document.
 * @returns The HTML.
 */
function renderMessages(doc: DrucksacheDocument): string {
  const where = (position: Position | undefined): string => (position ? `<span class="muted">Zeile ${position.start.line}:${position.start.column}</span> ` : '');
  const messages = doc.messages.map(
    (message: Message) =>
      `<li class="sev-${escape(message.severity)}"><span class="tag">${severityLabels[message.severity]}</span> ${where(message.position)}${escape(message.reason)} <code>${escape(message.ruleId)}</code>${message.text ? `<blockquote>${escape(message.text)}</blockquote>` : ''}</li>`,
  );
  const furniture = doc.meta.furniture.map(
    (cut) => `<li><span class="tag">${escape(furnitureLabels[cut.kind] ?? cut.kind)}</span> ${where(cut.position)}<q>${escape(cut.text)}</q></li>`,
  );
  return (
    `<h3>Meldungen</h3>${messages.length > 0 ? `<ul class="messages">${messages.join('')}</ul>` : '<p>Keine Meldungen.</p>'}` +
    `<h3>Aus dem Textfluss entfernt</h3>${furniture.length > 0 ? `<ul class="messages">${furniture.join('')}</ul>` : '<p>Nichts entfernt.</p>'}`
  );
}

/**
 * A Content-Security-Policy that allows only the given inline style and script: nothing is loaded
 * from anywhere, and a script that slipped into the page would not run.
 *
 * @param style The inline style.
 * @param script The inline script.
 * @returns The policy.
 */
function contentSecurityPolicy(style: string, script: string): string {
  const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  return `default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri 'none'; form-action 'none'`;
}

/**
 * A whole page.
 *
 * @param title The page title.
 * @param body The body content.
 * @param script The inline script.
 * @returns The HTML document.
 */
function page(title: string, body: string, script: string): string {
  const style = pageStyle();
  return (
    '<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(style, script)}">\n` +
    '<meta name="generator" content="drucksache">\n' +
    `<title>${escape(title)}</title>\n<style>${style}</style>\n</head>\n<body>\n` +
    '<a class="skip" href="#main">Zum Inhalt springen</a>\n' +
    `${body}\n<script>${script}</script>\n</body>\n</html>\n`
  );
}

/**
 * Render one document as a self-contained HTML page.
 *
 * @param doc The document.
 * @param stem The input file stem (named in the footer; the page is meant to be `<stem>.html`).
 * @returns The HTML document.
 */
export function toHtml(doc: DrucksacheDocument, stem: string): string {
  const index = indexOf(doc);
  // The body is built first: placing the marks counts the mentions the entity buttons show.
  const body = renderBody(index);
  const network = networkSvg(doc, { idPrefix: 'network' });
  const chart = amountsChartSvg(doc, { idPrefix: 'chart' });
  const figures = [
    network
      ? `<figure class="figure"><div class="scroll" tabindex="0" role="group" aria-labelledby="network-title">${network}</div><figcaption>Entitäten, die in denselben Antworten genannt werden; je dicker die Linie, desto mehr gemeinsame Antworten. Farbe nach Art: ${(Object.keys(entityTypeColours) as Entity['type'][]).map((type) => `<span class="swatch t-${type}"></span>${entityTypeColours[type].label}`).join(', ')}.</figcaption></figure>`
      : '<p>Zu wenige Entitäten in gemeinsamen Antworten für ein Netz.</p>',
    chart ? `<figure class="figure"><div class="scroll" tabindex="0" role="group" aria-labelledby="chart-title">${chart}</div><figcaption>Summe der genannten Beträge je Antwort.</figcaption></figure>` : '',
  ].join('');
  const title = doc.meta.title ?? stem;
  const hasPreambles = doc.preambles.length > 0;
  const nav =
    '<nav class="toc" aria-label="Inhalt"><ul>' +
    '<li><a href="#summary">Übersicht</a></li><li><a href="#picture">Bild</a></li>' +
    `<li><a href="#qa">Fragen und Antworten</a></li>` +
    '<li><a href="#messages">Hinweise</a></li><li><a href="index.html">Alle Dokumente</a></li></ul></nav>';
  const main =
    '<main id="main" tabindex="-1">' +
    `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Übersicht</h2>${renderCounts(doc)}${renderEntityChooser(index)}${renderAmountsTable(doc)}${renderSources(index)}</section>` +
    `<section id="picture" aria-labelledby="picture-h"><h2 id="picture-h">Bild</h2><div class="figures">${figures}</div></section>` +
    `<section id="qa" aria-labelledby="qa-h"><h2 id="qa-h">${hasPreambles ? 'Vorbemerkungen, ' : ''}Fragen und Antworten</h2>${renderLegend()}<div class="flow">${body}</div></section>` +
    `<section id="messages" aria-labelledby="messages-h"><h2 id="messages-h">Hinweise</h2>${renderMessages(doc)}</section>` +
    '</main>';
  const footer = `<footer class="footer"><p>Erzeugt von drucksache aus <code>${escape(doc.source.path)}</code> (${escape(stem)}), SHA-256 <code>${escape(doc.source.sha256.slice(0, 12))}</code>.</p></footer>`;
  return page(title, `${renderHeader(doc)}\n<div class="layout">${nav}\n${main}</div>\n${footer}`, documentScript);
}

/**
 * Summarise a document for the index page.
 *
 * @param doc The document.
 * @param stem The input file stem.
 * @returns The summary.
 */
export function summaryOf(doc: DrucksacheDocument, stem: string): HtmlSummary {
  const totals = new Map<string, number>();
  for (const amount of doc.amounts) totals.set(amount.currency, (totals.get(amount.currency) ?? 0) + amount.value);
  const topEntities = doc.entities
    .map((entity, order) => ({ entity, order }))
    .sort((a, b) => b.entity.mentions.length - a.entity.mentions.length || a.order - b.order)
    .slice(0, summaryEntityCount)
    .map(({ entity }) => ({ name: entity.name, type: entity.type, mentions: entity.mentions.length }));
  return {
    stem,
    parliament: doc.meta.parliament,
    number: doc.meta.drucksache,
    answers: doc.meta.answersDrucksache,
    date: doc.meta.date,
    title: doc.meta.title,
    faction: doc.meta.faction,
    questions: doc.questions.length,
    amounts: doc.amounts.length,
    amountsTotal: [...totals].map(([currency, value]) => ({ currency, value })).sort((a, b) => b.value - a.value || a.currency.localeCompare(b.currency)),
    topEntities,
  };
}

/**
 * A sort key for a Drucksache number that orders `21/375` before `21/1344`.
 *
 * @param number The number.
 * @returns The key.
 */
function numberSortKey(number: string | null): string {
  if (number === null) return '';
  const match = drucksacheNumberPattern.exec(number);
  return match ? `${(match[1] ?? '').padStart(3, '0')}/${(match[2] ?? '').padStart(6, '0')}` : number;
}

/**
 * Render the index page of a corpus: a table of all documents, sortable by every column and
 * filterable by text and faction, each row linked to its page `<stem>.html`.
 *
 * @param summaries The documents' summaries, in the order to show first.
 * @returns The HTML document.
 */
export function toIndexHtml(summaries: readonly HtmlSummary[]): string {
  const factions = [...new Set(summaries.map((summary) => summary.faction).filter((faction): faction is string => faction !== null))].sort((a, b) => a.localeCompare(b, 'de'));
  const rows = summaries.map((summary) => {
    const href = `${encodeURIComponent(summary.stem)}.html`;
    const euro = summary.amountsTotal.find((total) => total.currency === 'EUR')?.value ?? summary.amountsTotal[0]?.value ?? 0;
    const cells = [
      `<td role="cell" data-label="Drucksache" data-sort="${escape(numberSortKey(summary.number ?? summary.answers))}">${summary.number ? escape(summary.number) : '–'}${summary.answers ? `<br><span class="muted">auf ${escape(summary.answers)}</span>` : ''}${summary.parliament ? `<br><span class="muted small">${escape(summary.parliament)}</span>` : ''}</td>`,
      `<td role="cell" data-label="Datum" data-sort="${escape(summary.date ?? '')}">${summary.date ? timeElement(summary.date) : '–'}</td>`,
      `<th scope="row" role="rowheader" data-sort="${escape(summary.title ?? summary.stem)}"><a href="${escape(href)}">${escape(summary.title ?? summary.stem)}</a></th>`,
      `<td role="cell" data-label="Fraktion" data-sort="${escape(summary.faction ?? '')}">${escape(summary.faction ?? '–')}</td>`,
      `<td role="cell" class="num" data-label="Fragen" data-sort="${summary.questions}">${summary.questions}</td>`,
      `<td role="cell" class="num" data-label="Beträge" data-sort="${euro}">${summary.amountsTotal.length > 0 ? summary.amountsTotal.map((total) => escape(formatMoney(total.value, total.currency))).join('<br>') : '–'}${summary.amounts > 0 ? `<br><span class="muted">${summary.amounts} ${summary.amounts === 1 ? 'Betrag' : 'Beträge'}</span>` : ''}</td>`,
      `<td role="cell" data-label="Entitäten" data-sort="${escape(summary.topEntities[0]?.name ?? '')}">${summary.topEntities.map((entity) => `<span class="chip-static t-${entity.type}">${escape(entity.name)} <span class="count">${entity.mentions}</span></span>`).join(' ')}</td>`,
    ];
    return `<tr role="row"${attributes({ 'data-faction': summary.faction ?? '' })}>${cells.join('')}</tr>`;
  });
  const columns: [string, 'text' | 'number'][] = [
    ['Drucksache', 'text'],
    ['Datum', 'text'],
    ['Titel', 'text'],
    ['Fraktion', 'text'],
    ['Fragen', 'number'],
    ['Beträge (Summe)', 'number'],
    ['Häufigste Entitäten', 'text'],
  ];
  const head = columns
    .map(([label, type], column) => `<th scope="col" role="columnheader" aria-sort="none"${type === 'number' ? ' class="num"' : ''}><button type="button" class="sort" data-column="${column}" data-type="${type}">${label}<span class="arrow" aria-hidden="true"></span></button></th>`)
    .join('');
  const body =
    '<header class="masthead"><p class="kicker">drucksache</p><h1>Drucksachen</h1>' +
    `<p>${summaries.length} ${summaries.length === 1 ? 'Dokument' : 'Dokumente'}: Antworten auf Kleine Anfragen, aufbereitet mit erkannten Entitäten, Beträgen, Datumsangaben und Quellen.</p></header>\n` +
    '<nav class="toc" aria-label="Seiten"><ul><li><a href="#filter">Filter</a></li><li><a href="#documents">Dokumente</a></li></ul></nav>\n' +
    '<main id="main" tabindex="-1">' +
    '<form class="filters" role="search" aria-label="Dokumente filtern">' +
    '<label for="filter">Suchen <input type="search" id="filter" autocomplete="off" placeholder="Titel, Nummer, Entität"></label>' +
    `<label for="faction">Fraktion <select id="faction"><option value="">alle</option>${factions.map((faction) => `<option value="${escape(faction)}">${escape(faction)}</option>`).join('')}</select></label>` +
    `<p id="shown" role="status" aria-live="polite">${summaries.length} von ${summaries.length} Dokumenten</p></form>` +
    `<div class="table-wrap" tabindex="0" role="group" aria-label="Dokumente"><table id="documents" class="documents" role="table"><caption>Alle Dokumente; Spaltenköpfe sortieren.</caption><thead role="rowgroup"><tr role="row">${head}</tr></thead><tbody role="rowgroup">${rows.join('\n')}</tbody></table></div>` +
    '</main>';
  return page('Drucksachen', body, indexScript);
}

/**
 * The style of every page. Colours meet WCAG AA contrast for text; marks differ by more than colour
 * (underline styles) so that they stay apart without colour vision.
 *
 * @returns The CSS.
 */
function pageStyle(): string {
  const types = (Object.keys(entityTypeColours) as Entity['type'][])
    .map((type) => `.t-${type}{--tint:${entityTypeColours[type].light};--ink:${entityTypeColours[type].strong}}`)
    .join('');
  return `
:root{color-scheme:light;--fg:#1a1a1a;--muted:#555b65;--line:#d5d8de;--bg:#fff;--soft:#f5f6f8;--link:#0b57d0;--focus:#b3261e}
*{box-sizing:border-box}
html{scroll-behavior:smooth;scroll-padding-top:4rem}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible,.hl:focus,main:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:.5rem;top:-3rem;background:#fff;padding:.5rem 1rem;z-index:10;border:2px solid var(--focus)}
.skip:focus{top:.5rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.muted{color:var(--muted)}
.masthead{padding:1.25rem clamp(1rem,4vw,3rem) 1rem;background:var(--soft);border-bottom:1px solid var(--line)}
.masthead h1{margin:.2rem 0 .6rem;font-size:clamp(1.35rem,3.2vw,2.1rem);line-height:1.2;max-width:60rem}
.kicker{margin:0;color:var(--muted);font-size:.9rem}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.6rem 1.5rem;margin:0;max-width:75rem}
.facts dt{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
.facts dd{margin:0}
.counts div{display:flex;flex-direction:column-reverse;border:1px solid var(--line);border-radius:.4rem;padding:.4rem .7rem}
.counts dt{font-size:.85rem;color:var(--muted)}
.counts dd{margin:0;font-size:1.35rem;font-weight:700;line-height:1.2}
.counts dd .muted{font-size:.85rem;font-weight:400}
.layout{display:grid;grid-template-columns:minmax(0,1fr);max-width:84rem;margin:0 auto}
.toc{position:sticky;top:0;z-index:5;background:var(--bg);border-bottom:1px solid var(--line);padding:.4rem clamp(1rem,4vw,3rem)}
.toc ul{display:flex;gap:.25rem 1rem;list-style:none;margin:0;padding:0;overflow-x:auto;white-space:nowrap}
.toc a{display:inline-block;padding:.35rem 0}
main{padding:0 clamp(1rem,4vw,3rem) 2rem;min-width:0}
@media (min-width:64rem){
.layout{grid-template-columns:13rem minmax(0,1fr)}
.layout .toc{border-bottom:0;border-right:1px solid var(--line);align-self:start;padding:1rem;height:auto}
.layout .toc ul{flex-direction:column;white-space:normal}
}
h2{font-size:1.45rem;margin:2rem 0 .75rem;padding-top:.5rem;border-top:2px solid var(--fg)}
h3{font-size:1.1rem;margin:1.25rem 0 .4rem}
.counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.5rem;margin:0 0 1rem}
.chips{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.5rem 0}
.chip,.chip-static{font:inherit;font-size:.9rem;border:1px solid var(--ink);background:var(--tint);color:var(--fg);border-radius:1rem;padding:.3rem .7rem;min-height:2.25rem;display:inline-flex;align-items:center;gap:.4rem}
.chip-static{min-height:0;padding:.05rem .5rem;margin:.1rem 0}
.chip{cursor:pointer}
.chip[aria-pressed="true"]{background:#1a1a1a;color:#fff;border-color:#1a1a1a}
.count{font-variant-numeric:tabular-nums;font-size:.8rem;background:rgba(255,255,255,.75);color:#1a1a1a;border-radius:.6rem;padding:0 .4rem}
.entity-status-row{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem}
#entity-status{margin:.25rem 0;font-weight:600}
#entity-next,.sort{font:inherit}
#entity-next{padding:.35rem .8rem;border:1px solid var(--fg);background:#fff;border-radius:.3rem;cursor:pointer}
details summary{cursor:pointer;padding:.3rem 0}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
thead th{border-bottom:2px solid var(--fg);white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}
tfoot th,tfoot td{font-weight:700;border-top:2px solid var(--fg)}
.sources{padding-left:1.2rem}
.sources li{margin:.2rem 0;overflow-wrap:anywhere}
.tag{display:inline-block;font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;background:var(--soft);border:1px solid var(--line);border-radius:.25rem;padding:0 .35rem;color:var(--fg)}
.hint{color:var(--muted);font-size:.9rem;margin:.3rem 0}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,36rem),1fr));gap:1.5rem;align-items:start}
.figure{margin:0;border:1px solid var(--line);border-radius:.4rem;padding:.5rem;min-width:0}
.scroll{overflow-x:auto}
.figure svg{width:100%;height:auto;display:block}
.figure svg.network{min-width:40rem}
.figure svg.chart{min-width:36rem}
.scroll:focus-visible,.table-wrap:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
figcaption{font-size:.9rem;color:var(--muted);margin-top:.4rem}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;background:var(--ink);margin:0 .25em 0 .1em;vertical-align:baseline}
.network text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.legend{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .9rem;background:var(--soft);margin:.5rem 0 1rem}
.legend-title{margin:.2rem 0}
.legend-items{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0;margin:.3rem 0}
.toggles{border:0;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
.toggles legend{font-weight:600;padding:0;margin-bottom:.2rem;float:left;margin-right:1rem}
.toggles label{display:inline-flex;align-items:center;gap:.3rem;min-height:2rem}
.flow>*{border-left:4px solid var(--line);padding:.2rem 0 .4rem 1rem;margin:1rem 0}
.flow .question{border-left-color:#0b57d0}
.flow .answer{border-left-color:#15803d;background:#fafbfa}
.flow .preamble{border-left-color:#7e22ce}
.flow h3{margin:.2rem 0 .4rem}
.flow :target{outline:3px solid var(--focus);outline-offset:4px}
.badge{font-size:.75rem;font-weight:600;background:#e7f3ea;border:1px solid #15803d;border-radius:.8rem;padding:.05rem .5rem;vertical-align:middle;margin-left:.4rem}
.text{white-space:pre-line;overflow-wrap:anywhere;max-width:48rem}
.to-answer{margin:.4rem 0 0}
.refs{font-size:.9rem;margin-top:.4rem}
.refs ul{display:inline;list-style:none;padding:0;margin:0}
.refs li{display:inline;margin-right:.8rem}
mark{color:inherit;background:none}
.hl{position:relative;border-radius:.2rem;padding:0 .08em}
.hl.ent{background:var(--tint);box-shadow:inset 0 -2px 0 var(--ink)}
.hl.amt{background:#fff2a8;border-bottom:3px double #8a6d00;white-space:nowrap}
.hl.date{background:#ddf3f6;border-bottom:2px dotted #0e6b80}
.hl.src{background:#eceef1;outline:1px dashed #6b7280;outline-offset:-1px}
.hl.ent.on{background:#ffd400;box-shadow:0 0 0 2px #1a1a1a}
.hide-ent .hl.ent:not(.on),.hide-amt .hl.amt,.hide-date .hl.date,.hide-src .hl.src{background:none;box-shadow:none;border-bottom:0;outline:0}
.hl:focus::after{content:attr(title);position:absolute;left:0;top:100%;z-index:20;width:max-content;max-width:min(22rem,80vw);white-space:normal;background:#1a1a1a;color:#fff;font-size:.85rem;font-weight:400;line-height:1.35;padding:.3rem .5rem;border-radius:.3rem;margin-top:.2rem}
a.ref{font-weight:600}
.messages{padding-left:1.2rem}
.messages li{margin:.4rem 0;overflow-wrap:anywhere}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid var(--line);color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:end;margin:1rem 0}
.filters label{display:flex;flex-direction:column;font-weight:600;gap:.2rem}
.filters input,.filters select{font:inherit;padding:.4rem .5rem;border:1px solid #6b7280;border-radius:.3rem;min-width:14rem}
#shown{margin:0 0 .4rem}
.sort{background:none;border:0;padding:.2rem 0;font-weight:700;cursor:pointer;color:var(--fg);display:inline-flex;gap:.3rem;align-items:center}
th[aria-sort="ascending"] .arrow::after{content:"▲"}
th[aria-sort="descending"] .arrow::after{content:"▼"}
th[aria-sort="none"] .arrow::after{content:"↕";color:var(--muted)}
.documents tbody th{font-weight:600}
.documents caption{text-align:left;color:var(--muted);font-size:.9rem;padding:.3rem 0}
.small{font-size:.85rem}
@media (max-width:40rem){
.documents,.documents thead,.documents tbody,.documents tr,.documents th,.documents td{display:block}
.documents thead tr{display:flex;flex-wrap:wrap;gap:.2rem .8rem;border-bottom:2px solid var(--fg);padding:.3rem 0}
.documents thead th{border:0;padding:0}
.documents tbody tr{border-bottom:1px solid var(--line);padding:.5rem 0}
.documents tbody th,.documents tbody td{border:0;padding:.15rem 0;text-align:left}
.documents caption{display:block}
.documents tbody td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
}
.footer{border-top:1px solid var(--line);padding:1rem clamp(1rem,4vw,3rem);color:var(--muted);font-size:.85rem}
${types}
`;
}

/**
 * The script of a document page: choose an entity to highlight its mentions (announced in a live
 * region, with a button to visit them one by one), and switch each kind of mark on or off. It reads
 * everything from the page; no data is written into the script.
 */
const documentScript = `
(function () {
  'use strict';
  var status = document.getElementById('entity-status');
  var next = document.getElementById('entity-next');
  var buttons = Array.prototype.slice.call(document.querySelectorAll('button[data-entity]'));
  var marks = Array.prototype.slice.call(document.querySelectorAll('mark.ent[data-entity]'));
  var current = null;
  var heads = [];
  var visited = -1;
  function choose(id) {
    marks.forEach(function (mark) { mark.classList.remove('on'); });
    buttons.forEach(function (button) { button.setAttribute('aria-pressed', 'false'); });
    heads = [];
    visited = -1;
    if (id === null || id === current) {
      current = null;
      status.textContent = 'Keine Entität gewählt.';
      status.setAttribute('data-count', '0');
      next.hidden = true;
      return;
    }
    current = id;
    var name = '';
    buttons.forEach(function (button) {
      if (button.getAttribute('data-entity') === id) { button.setAttribute('aria-pressed', 'true'); name = button.getAttribute('data-name') || ''; }
    });
    marks.forEach(function (mark) {
      if (mark.getAttribute('data-entity') !== id) return;
      mark.classList.add('on');
      if (!mark.hasAttribute('data-cont')) heads.push(mark);
    });
    var count = heads.length;
    status.setAttribute('data-count', String(count));
    status.textContent = '\\u201E' + name + '\\u201C: ' + count + (count === 1 ? ' Erw\\u00E4hnung' : ' Erw\\u00E4hnungen') + ' im Text hervorgehoben.';
    next.hidden = count === 0;
  }
  buttons.forEach(function (button) {
    button.addEventListener('click', function () { choose(button.getAttribute('data-entity')); });
  });
  next.addEventListener('click', function () {
    if (heads.length === 0) return;
    visited = (visited + 1) % heads.length;
    heads[visited].scrollIntoView({ block: 'center' });
    heads[visited].focus();
  });
  Array.prototype.slice.call(document.querySelectorAll('.toggles input[data-kind]')).forEach(function (input) {
    input.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + input.getAttribute('data-kind'), !input.checked);
    });
  });
})();
`;

/**
 * The script of the index page: sort by a column (click again to reverse; `aria-sort` tells which),
 * filter by text and faction, and say how many rows are shown.
 */
const indexScript = `
(function () {
  'use strict';
  var table = document.getElementById('documents');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById('filter');
  var faction = document.getElementById('faction');
  var shown = document.getElementById('shown');
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
  function key(row, column) { var cell = row.cells[column]; return cell ? (cell.getAttribute('data-sort') || cell.textContent || '') : ''; }
  Array.prototype.slice.call(table.querySelectorAll('button.sort')).forEach(function (button) {
    button.addEventListener('click', function () {
      var column = Number(button.getAttribute('data-column'));
      var numeric = button.getAttribute('data-type') === 'number';
      var header = headers[column];
      var direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      headers.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
      header.setAttribute('aria-sort', direction);
      var sign = direction === 'ascending' ? 1 : -1;
      rows.sort(function (a, b) {
        var x = key(a, column); var y = key(b, column);
        var order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return sign * order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  function apply() {
    var needle = filter.value.trim().toLocaleLowerCase('de');
    var group = faction.value;
    var count = 0;
    rows.forEach(function (row) {
      var visible = (needle === '' || row.textContent.toLocaleLowerCase('de').indexOf(needle) >= 0) && (group === '' || row.getAttribute('data-faction') === group);
      row.hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = count + ' von ' + rows.length + ' Dokumenten';
  }
  filter.addEventListener('input', apply);
  faction.addEventListener('change', apply);
  document.querySelector('form.filters').addEventListener('submit', function (event) { event.preventDefault(); });
})();
`;
