/**
 * Pieces the segmenters of question papers and collections share: sections made from lines, the
 * footnotes that go with them, and the result every kind's segmenter returns.
 */
import type { Line } from '../../lines/lines.js';
import type { Link, Section } from '../../lines/section.js';
import type { Run } from '../../lines/run.js';
import type { Furniture, Message, Meta } from '../../model.js';
import type { Segmented } from '../answer/index.js';
import { joinLines } from '../join.js';
import { readHeader } from '../header.js';

/** What a kind's segmenter yields: the answer segmenter's parts plus what the kind knows of its meta. */
export interface KindSegmented extends Omit<Segmented, 'problems'> {
  /** Meta fields read by the kind (they replace those read from the header). */
  meta: Partial<Meta>;
  /** Problems met, as messages. */
  problems: Message[];
  /** Lines the kind cuts out of the flow (a watermark), reported as furniture. */
  furniture: Furniture[];
}

/** Footnotes as the cleaner hands them over: each with the index of the line it followed. */
export type Footnotes = ReadonlyArray<{ after: number; line: Line }>;

/**
 * The footnote lines printed after lines `from` … `to - 1`.
 *
 * @param footnotes All footnotes.
 * @param from First line index (inclusive).
 * @param to Last line index (exclusive).
 * @returns Their lines, in order.
 */
export function notesBetween(footnotes: Footnotes, from: number, to: number): Line[] {
  return footnotes.filter((note) => note.after >= from && note.after < to).map((note) => note.line);
}

/**
 * A section from lines: their running text and the links printed in them.
 *
 * @param id Section id.
 * @param kind Section kind.
 * @param lines Its lines.
 * @param format The input form.
 * @param joined The lines already joined, if at hand.
 * @returns The section.
 */
export function sectionFrom(id: string, kind: Section['kind'], lines: readonly Line[], format: 'markdown' | 'text', joined?: Run): Section {
  const run = joined ?? joinLines(lines, format);
  const links: Link[] = [];
  for (const line of lines) {
    for (const link of line.links) {
      const from = run.offsets.indexOf(line.run.offsets[link.start] ?? -1);
      const to = run.offsets.indexOf(line.run.offsets[link.end - 1] ?? -1, Math.max(0, from));
      if (from >= 0 && to >= 0) links.push({ start: from, end: to + 1, url: link.url });
    }
  }
  return { id, kind, run, links, tables: [] };
}

/**
 * What every paper prints in its head, read by the shared header reader: parliament, Wahlperiode, own number
 * and date; a paper of these kinds has no responding body and answers no other paper.
 *
 * @param lines The cleaned lines.
 * @param end Index after the head's last line.
 * @returns The header as read, and the meta fields common to the kinds.
 */
export function headMeta(lines: readonly Line[], end: number): { read: ReturnType<typeof readHeader>; meta: Partial<Meta> } {
  const read = readHeader(joinLines(lines.slice(0, end), 'text').text, undefined, undefined);
  return {
    read,
    meta: { parliament: read.parliament, legislativePeriod: read.legislativePeriod, drucksache: read.drucksache, date: read.date, respondingBody: null, answersDrucksache: null },
  };
}
