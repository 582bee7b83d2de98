/**
 * Segment a collection of Schriftliche Fragen (the Bundestag's weekly "Schriftliche Fragen mit den
 * in der Woche vom … eingegangenen Antworten der Bundesregierung"): the head, the two indexes, and
 * one question per number with who asked it, the ministry whose Geschäftsbereich it falls in, and
 * its answer with who signed it and when.
 */
import type { Line } from '../../lines/lines.js';
import { runPosition, trimRun, type Locator, type Run } from '../../lines/run.js';
import type { Section } from '../../lines/section.js';
import type { Answer, Furniture, Meta, Question } from '../../model.js';
import { joinLines } from '../join.js';
import { headMeta, notesBetween, sectionFrom, type Footnotes, type KindSegmented } from '../question-paper/blocks.js';
import { bodyOfHeading } from './heading.js';
import { ASKER_INDEX_HEADING, BODY_HEADING, BODY_INDEX_HEADING, crossCheck, readBodyIndex, readEntries } from './register.js';
import { askerOf, readSigner } from './signer.js';

/** A question's head: `1. Abgeordneter`, `3. Abgeordnete`, `19. Abg.`. */
export const QUESTION_HEAD = /^\s*(\d{1,4})\.\s+(?:Abgeordnete[r]?|Abg\.)\s*$/u;

/** The line that opens an answer: `Antwort des Staatssekretärs Bernhard Kluttig`, `Antwort der Parlamentarischen Staatssekretärin …`. */
export const ANSWER_START = /^\s*Antwort\s+(?:des|der)\s+\S/u;

/** A dated end of an answer's opening, on the same or a following line: `vom 7. Mai 2025`. */
export const OPENING_DATE = /\bvom\s+\d{1,2}\.\s*\p{L}+\s+\d{4}\s*$/u;

/** The title's last line: `eingegangenen Antworten der Bundesregierung`. */
export const TITLE_END = /\bAntworten\s+der\s+Bundesregierung\s*$/u;

/** A watermark printed on every page of an advance copy, cut in two: `Vorabfassung - w` / `ird durch die lektorierte Version ersetzt.`. */
export const WATERMARK = /^\s*(?:Vorabfassung\s*-\s*w(?:ird\s+durch\s+die\s+lektorierte\s+Version\s+ersetzt\.)?|ird\s+durch\s+die\s+lektorierte\s+Version\s+ersetzt\.)\s*$/u;

/** A line that closes a sentence is no heading: `… im Geschäftsbereich des Bundesministeriums des Innern.` */
export const SENTENCE_CLOSED = /[.?!:;,]\s*$/u;

/** The front matter's page headers carry Roman page numbers: `Deutscher Bundestag – 21. Wahlperiode – III – Drucksache 21/119`. */
export const FRONT_PAGE_HEADER = /^\s*(?:Deutscher Bundestag\s+[–-]\s+\d{1,2}\.\s+Wahlperiode\s+[–-]\s+[IVXL]{1,6}\s+[–-]\s+Drucksache\s+\d{1,2}\/\d+|Drucksache\s+\d{1,2}\/\d+\s+[–-]\s+[IVXL]{1,6}\s+[–-]\s+Deutscher Bundestag\s+[–-]\s+\d{1,2}\.\s+Wahlperiode)\s*$/u;

/** Questions answered together: `Die Fragen 29 und 30 werden gemeinsam beantwortet.` */
export const ANSWERED_TOGETHER = /^\s*Die\s+Fragen\s+\d{1,4}(?:\s*(?:,|und|bis)\s*\d{1,4}){1,8}\s+werden\b[^.]{0,120}?\b(?:gemeinsam|zusammen)\s+beantwortet\./u;

/** How many lines an answer's opening takes at most. */
const OPENING_LINES = 3;

/** How many lines an asker's name and group take at most. */
const ASKER_LINES = 5;

/**
 * Segment the cleaned lines of a collection.
 *
 * @param all Lines of running text.
 * @param format The input form.
 * @param locator The file's locator.
 * @param kindLine Index of the line `Schriftliche Fragen`.
 * @param footnotes Footnotes moved out of the flow.
 * @returns The segmented collection.
 */
export function segmentWrittenQuestions(all: readonly Line[], format: 'markdown' | 'text', locator: Locator, kindLine: number, footnotes: Footnotes = []): KindSegmented {
  const furniture: Furniture[] = [];
  const lines: Line[] = [];
  const shift: number[] = [];
  all.forEach((line, i) => {
    if (WATERMARK.test(line.run.text)) furniture.push({ kind: 'watermark', text: line.run.text.trim(), position: runPosition(locator, trimRun(line.run)) });
    else if (FRONT_PAGE_HEADER.test(line.run.text)) furniture.push({ kind: 'pageHeader', text: line.run.text.trim(), position: runPosition(locator, trimRun(line.run)) });
    else {
      shift[i] = lines.length;
      lines.push(line);
    }
  });
  const notes: Footnotes = footnotes.map((note) => ({ after: note.after < 0 ? -1 : shift.slice(0, note.after + 1).reduce((a, b) => Math.max(a, b), -1), line: note.line }));
  const texts = lines.map((line) => line.run.text);
  const kindAt = Math.max(0, shift[kindLine] ?? 0);
  let titleEnd = kindAt + 1;
  while (titleEnd < Math.min(lines.length, kindAt + 4) && !TITLE_END.test(texts[titleEnd - 1] ?? '')) titleEnd++;
  const title = joinLines(lines.slice(kindAt, titleEnd), 'text');

  const firstQuestion = texts.findIndex((text) => QUESTION_HEAD.test(text));
  const bodyStart = firstQuestion === -1 ? lines.length : firstHeadingBefore(texts, firstQuestion);
  const askerAt = texts.findIndex((text, i) => i < bodyStart && ASKER_INDEX_HEADING.test(text));
  const bodiesAt = texts.findIndex((text, i) => i < bodyStart && BODY_INDEX_HEADING.test(text));
  const askerIndex = askerAt >= 0 ? readEntries(lines.slice(askerAt + 1, bodiesAt > askerAt ? bodiesAt : bodyStart), locator) : [];
  const bodyIndex = bodiesAt >= 0 ? readBodyIndex(lines.slice(bodiesAt + 1, bodyStart), locator) : [];

  const sections: Section[] = [sectionFrom('meta', 'meta', [...lines.slice(0, bodyStart), ...notesBetween(notes, -1, bodyStart)], format)];
  const questions: Question[] = [];
  const answers: Answer[] = [];
  const unassigned: Line[] = [];
  let body: string | undefined;
  let headingFrom = -1;
  // Questions printed without an answer of their own, answered by the next answer.
  let waiting: string[] = [];
  // A heading stands right above a question (`Geschäftsbereich des BMI …` in a question's text is none).
  const headingAt = (i: number): { body: string; end: number } | undefined => {
    if (!BODY_HEADING.test(texts[i] ?? '')) return undefined;
    const heading = bodyOfHeading(lines, i);
    const last = texts[heading.end - 1] ?? '';
    return QUESTION_HEAD.test(texts[heading.end] ?? '') && !SENTENCE_CLOSED.test(last) ? heading : undefined;
  };
  for (let i = bodyStart; i < lines.length; ) {
    const text = texts[i] ?? '';
    const heading = headingAt(i);
    if (heading) {
      body = heading.body;
      headingFrom = i;
      i = heading.end;
      continue;
    }
    const number = QUESTION_HEAD.exec(text)?.[1];
    if (number === undefined) {
      const line = lines[i];
      if (line) unassigned.push(line);
      i++;
      continue;
    }
    let next = i + 1;
    while (next < lines.length && !QUESTION_HEAD.test(texts[next] ?? '') && !headingAt(next)) next++;
    const read = readEntry(lines, i, next, number, format, locator);
    if (body !== undefined) read.question.respondingBody = body;
    questions.push(read.question);
    const headingLines = headingFrom >= 0 ? lines.slice(headingFrom, i) : [];
    // Heading, asker and the answer's opening are the entry's metadata; the sections hold the texts.
    sections.push(sectionFrom('meta', 'meta', [...headingLines, ...lines.slice(i, read.questionFrom)], format));
    sections.push(sectionFrom(read.question.id, 'question', lines.slice(read.questionFrom, read.answerFrom), format));
    if (!read.answer) waiting.push(number);
    else {
      if (waiting.length > 0) {
        read.answer.record.questions = [...waiting, number];
        read.answer.record.id = `a${waiting[0] ?? number}`;
        read.answer.record.joint = ANSWERED_TOGETHER.test(read.answer.record.text) ? 'announced' : 'unannounced';
        waiting = [];
      }
      answers.push(read.answer.record);
      sections.push(sectionFrom('meta', 'meta', lines.slice(read.answerFrom, read.textFrom), format));
      sections.push(sectionFrom(read.answer.record.id, 'answer', [...lines.slice(read.textFrom, next), ...notesBetween(notes, i, next)], format, read.answer.run));
    }
    headingFrom = -1;
    i = next;
  }

  const { meta: head } = headMeta(lines, kindAt);
  const meta: Partial<Meta> = {
    ...head,
    respondent: 'Bundesregierung',
    askers: [],
    faction: null,
    title: title.text.replace(/\s+/g, ' ').trim(),
    askerIndex,
    bodyIndex,
  };
  const problems = crossCheck(askerIndex, bodyIndex, questions);
  if (questions.length === 0) problems.push({ severity: 'warning', ruleId: 'no-questions', reason: 'Unexpected collection without questions, expected `1. Abgeordneter` and the like' });
  return { header: lines.slice(0, bodyStart), title, preambles: [], questions, answers, sections, announcements: new Map(), unassigned, meta, problems, furniture };
}

/**
 * The first question may stand under its ministry's heading: start the body there.
 *
 * @param texts Line texts.
 * @param firstQuestion The first question's head.
 * @returns Index of the heading above it, or the question itself.
 */
function firstHeadingBefore(texts: readonly string[], firstQuestion: number): number {
  for (let i = firstQuestion - 1; i >= Math.max(0, firstQuestion - 4); i--) if (BODY_HEADING.test(texts[i] ?? '')) return i;
  return firstQuestion;
}

/** One question read, with its answer. */
interface Entry {
  question: Question;
  /** Where the question's text starts (after the asker). */
  questionFrom: number;
  /** Where the answer's opening starts. */
  answerFrom: number;
  /** Where the answer's text starts (after the opening). */
  textFrom: number;
  answer?: { record: Answer; run: Run };
}

/**
 * Read one numbered entry: asker, question, answer with its opening.
 *
 * @param lines The lines.
 * @param start The `N. Abgeordneter` line.
 * @param end Index after the entry's last line.
 * @param number The question's number.
 * @param format The input form.
 * @param locator The locator.
 * @returns The question, where its answer starts, and the answer.
 */
function readEntry(lines: readonly Line[], start: number, end: number, number: string, format: 'markdown' | 'text', locator: Locator): Entry {
  const texts = lines.map((line) => line.run.text);
  // The asker: name lines, then the group in parentheses (which may wrap).
  let k = start + 1;
  const nameLines: string[] = [];
  while (k < end && k - start <= ASKER_LINES && !/^\s*\(/.test(texts[k] ?? '')) nameLines.push(texts[k++] ?? '');
  // One parenthesis or two: `(Altötting)` / `(CDU/CSU)`; the last names the group.
  const groups: string[] = [];
  while (k < end && groups.length < 2 && /^\s*\(/.test(texts[k] ?? '')) {
    const parts: string[] = [];
    while (k < end && parts.length < ASKER_LINES) {
      const part = texts[k++] ?? '';
      parts.push(part.trim());
      if (part.includes(')')) break;
    }
    groups.push(parts.join(' ').replace(/^\(|\)\s*$/g, ''));
  }
  const faction = groups.at(-1);
  if (groups.length === 0) {
    k = start + 1 + Math.min(nameLines.length, 1);
  }
  const askers = nameLines.length > 0 && nameLines.length <= 2 ? [askerOf(nameLines.join(' '), faction)] : [];
  const constituency = groups.length > 1 ? groups[0] : undefined;
  if (constituency && askers[0]) askers[0].constituency = constituency;
  // The answer opens with `Antwort des …` whose opening ends in its date.
  let answerAt = -1;
  let openingEnd = -1;
  for (let i = k; i < end && answerAt === -1; i++) {
    if (!ANSWER_START.test(texts[i] ?? '')) continue;
    for (let j = i; j < Math.min(end, i + OPENING_LINES); j++) {
      if (OPENING_DATE.test(texts[j] ?? '')) {
        answerAt = i;
        openingEnd = j + 1;
        break;
      }
    }
  }
  const questionEnd = answerAt === -1 ? end : answerAt;
  const whole = joinLines(lines.slice(k, questionEnd), format);
  const fallback = joinLines(lines.slice(start, questionEnd), format);
  const question: Question = {
    id: `q${number}`,
    number,
    text: whole.text,
    position: runPosition(locator, whole.text === '' ? fallback : whole),
    subItems: [],
    askers,
  };
  if (answerAt === -1) return { question, questionFrom: k, answerFrom: end, textFrom: end };
  const opening = lines.slice(answerAt, openingEnd).map((line) => line.run.text).join(' ');
  const signer = readSigner(opening);
  const run = joinLines(lines.slice(openingEnd, end), format);
  const openingRun = trimRun(joinLines(lines.slice(answerAt, openingEnd), 'text'));
  const text = trimRun(run);
  const record: Answer = {
    id: `a${number}`,
    questions: [number],
    joint: 'single',
    text: text.text,
    position: runPosition(locator, text.text === '' ? openingRun : text),
    references: [],
  };
  if (signer.answeredBy) record.answeredBy = signer.answeredBy;
  if (signer.date) record.date = signer.date;
  return { question, questionFrom: k, answerFrom: answerAt, textFrom: openingEnd, answer: { record, run } };
}
