/**
 * The records of a document by section, and each section's text with its marks.
 */
import type { Amount, Answer, DateRecord, DrucksacheDocument, Entity, Position, Source } from '../../model.js';
import { answerLabel, entityTypeColours, escapeXml as escape } from './network.js';
import { attributes, collapse, type Located, locateRecords, type Mark, markTag, renderMarked } from './marks.js';
import { amountTip, dateTip, sourceTip } from './format.js';

/** Where things are looked up while a page is built. */
export interface Index {
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
export function indexOf(doc: DrucksacheDocument): Index {
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
export function referenceTarget(number: string, index: Index): string | undefined {
  return index.answerOf.get(number)?.id ?? index.questionOf.get(number);
}

/** A letter or digit; a question number counts only where none touches it before: matches `a`, `7`. */
const numberBoundaryPattern = /[\p{L}\p{N}]/u;

/** A digit; a question number counts only where none follows it: matches `7`. */
const digitPattern = /\d/;

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
export function sectionText(id: string, text: string, index: Index, answer?: Answer): string {
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
export function renderPreamble(preamble: DrucksacheDocument['preambles'][number], index: Index): string {
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
