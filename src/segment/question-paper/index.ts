/**
 * Segment a question paper (a Kleine or Große Anfrage as the askers filed it): the head with askers
 * and group, the title, the askers' preamble, the numbered questions with their sub-items, and the
 * closing (`Berlin, den …` and the signatures). A question paper has no answers.
 */
import type { Line } from '../../lines/lines.js';
import { runPosition, subRun, trimRun, type Locator } from '../../lines/run.js';
import type { Section } from '../../lines/section.js';
import type { Message, Meta, Preamble, Question, SubItem } from '../../model.js';
import { isoDate, MONTHS } from '../header.js';
import { joinLines } from '../join.js';
import { headMeta, notesBetween, sectionFrom, type Footnotes, type KindSegmented } from './blocks.js';

/** The askers' line under the kind: `der Abgeordneten Martin Sichert, Kay-Uwe Ziegler, …`, `der Fraktion der AfD`. */
export const ASKERS_START = /^\s*(?:der|des)\s+(?:Abgeordneten|Fraktion(?:en)?|Gruppe)\b/u;

/** The line that names the asking group ends the askers: `Thomas Dietz, Dr. Christoph Birghan und der Fraktion der AfD`. */
export const GROUP_NAMED = /\b(?:Fraktion(?:en)?|Gruppe)\b/u;

/** A line that goes on in the next one: it ends in a space, a hyphen, a slash or an open parenthesis (`… und der Fraktion `). */
export const LINE_CONTINUES = /(?:\s|[-–/(])$/u;

/** A preamble heading, where a paper prints one: `Vorbemerkung der Fragesteller`, `Vorbemerkung`. */
export const PAPER_PREAMBLE_HEADING = /^\s*(?:#+\s*)?Vorbemerkung(?:en)?(?:\s+(?:der|des)\s+[\p{L} ]{3,40})?\s*:?\s*$/u;

/** A numbered question: `1. Wird die nationale Zulassung …`, ` 12. Wie viele …` (figure space allowed). */
export const PAPER_QUESTION = /^\s*(?:#+\s*)?(\d{1,3})\.\s+(?=\S)/u;

/** A number that is an ordinal, not a question: `2. Quartal 2024`, `20. Wahlperiode`, `1. Januar`. */
export const ORDINAL_WORD = /^\s*\d{1,3}\.\s+(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Quartal|Halbjahr|Wahlperiode|Legislaturperiode|Lebensjahr|Jahrhundert|Sitzung|Kalenderwoche|Klasse|Grades?)\b/u;

/** A lettered sub-item: `a) Was hat die Bundesregierung unternommen …`, `aa) …`. */
export const PAPER_SUB_ITEM = /^\s*([a-z]{1,2})\)\s+/u;

/** A parenthesis opening the line under a title: `(Nachfrage zur Antwort der Bundesregierung auf die Kleine Anfrage …)`. */
export const TITLE_PARENTHESIS = /^\s*\(\p{Lu}/u;

/** The closing: `Berlin, den 7. Mai 2025`. */
export const CLOSING = /^\s*(\p{Lu}[\p{L}-]+),\s+den\s+(\d{1,2})\.\s*(\p{L}+)\s+(\d{4})\s*$/u;

/** The signatures end with the group: `Dr. Alice Weidel, Tino Chrupalla und Fraktion`. */
export const SIGNATURE_GROUP = /^(?:Fraktion|Gruppe)$/u;

/** A question mark closes the question: `… verändert?`, `… (vgl. Frage 2)?“`. */
export const ENDS_QUESTION = /\?[“”")\]]*\s*$/u;

/** The most lines the askers take (a whole group may sign). */
const ASKERS_LINES = 40;

/** The most lines a title takes. */
const TITLE_LINES = 6;

/**
 * Segment the cleaned lines of a question paper.
 *
 * @param lines Lines of running text.
 * @param format The input form.
 * @param locator The file's locator.
 * @param kindLine Index of the line that names the kind (`Kleine Anfrage`).
 * @param footnotes Footnotes moved out of the flow.
 * @returns The segmented paper.
 */
export function segmentQuestionPaper(lines: readonly Line[], format: 'markdown' | 'text', locator: Locator, kindLine: number, footnotes: Footnotes = []): KindSegmented {
  const texts = lines.map((line) => line.run.text);
  const askersEnd = askersBlockEnd(texts, kindLine + 1);
  const titleStart = askersEnd;
  let closing = texts.findIndex((text, i) => i >= titleStart && CLOSING.test(text));
  if (closing === -1) closing = lines.length;
  let firstQuestion = texts.findIndex((text, i) => i >= titleStart && i < closing && PAPER_QUESTION.exec(text)?.[1] === '1' && !ORDINAL_WORD.test(text));
  const headingAt = texts.findIndex((text, i) => i >= titleStart && i < (firstQuestion === -1 ? closing : firstQuestion) && PAPER_PREAMBLE_HEADING.test(text));
  const titleEnd = titleBound(lines, titleStart, [headingAt, firstQuestion, closing].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), closing));
  const single = firstQuestion === -1 ? unnumberedQuestion(texts, titleEnd, closing) : -1;
  if (firstQuestion === -1) firstQuestion = single === -1 ? closing : single;

  const header = lines.slice(0, titleEnd);
  const title = titleStart < titleEnd ? joinLines(lines.slice(titleStart, titleEnd), 'text') : undefined;
  const problems: Message[] = [];
  const sections: Section[] = [sectionFrom('meta', 'meta', [...lines.slice(0, titleEnd), ...notesBetween(footnotes, -1, titleEnd)], format)];

  // The askers' preamble: everything between the title and the first question.
  const preambles: Preamble[] = [];
  const bodyFrom = headingAt >= 0 ? headingAt + 1 : titleEnd;
  const body = [...lines.slice(bodyFrom, firstQuestion), ...notesBetween(footnotes, titleEnd, firstQuestion)];
  const preambleRun = joinLines(body, format);
  if (preambleRun.text !== '') {
    const heading = headingAt >= 0 ? lines[headingAt] : undefined;
    preambles.push({ id: 'p1', by: 'questioners', heading: heading ? trimRun(heading.run).text : null, text: preambleRun.text, position: runPosition(locator, preambleRun) });
    sections.push(sectionFrom('p1', 'preamble', body, format, preambleRun));
  }

  // The questions: numbered 1, 2, 3 … in order; a single question may go unnumbered.
  const questions: Question[] = [];
  const starts: number[] = [];
  for (let i = firstQuestion, expected = 1; i < closing; i++) {
    const number = PAPER_QUESTION.exec(texts[i] ?? '')?.[1];
    if (i === single || (number === String(expected) && !ORDINAL_WORD.test(texts[i] ?? ''))) {
      starts.push(i);
      expected++;
    }
  }
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? closing;
    const block = lines.slice(start, end);
    const question = toQuestion(block, start === single ? '1' : String(k + 1), format, locator);
    questions.push(question);
    sections.push(sectionFrom(question.id, 'question', [...block, ...notesBetween(footnotes, start, end)], format));
  });
  if (questions.length === 0) {
    problems.push({ severity: 'warning', ruleId: 'no-questions', reason: 'Unexpected question paper without questions, expected questions numbered `1.`, `2.` … before the closing' });
  }

  // The closing and the signatures are metadata too.
  if (closing < lines.length) sections.push(sectionFrom('meta', 'meta', [...lines.slice(closing), ...notesBetween(footnotes, closing, lines.length)], format));
  const meta = paperMeta(lines, kindLine, titleStart, title?.text, closing, locator);
  const unassigned = firstQuestion === closing && preambles.length === 0 ? lines.slice(titleEnd, closing) : [];
  return { header, title, preambles, questions, answers: [], sections, announcements: new Map(), unassigned, meta, problems, furniture: [] };
}

/**
 * Where the askers' lines end: at the line naming the group (and the next one where it runs on).
 *
 * @param texts Line texts.
 * @param from The line after the kind.
 * @returns Index after the askers' last line (`from` where none are printed).
 */
function askersBlockEnd(texts: readonly string[], from: number): number {
  if (!ASKERS_START.test(texts[from] ?? '')) return from;
  for (let i = from; i < Math.min(texts.length, from + ASKERS_LINES); i++) {
    const text = texts[i] ?? '';
    if (!GROUP_NAMED.test(text)) continue;
    // `… und der Fraktion ` / `der AfD`: the group's name is on the next line.
    return LINE_CONTINUES.test(text) || /\b(?:Fraktion(?:en)?|Gruppe)\s*$/u.test(text) ? i + 2 : i + 1;
  }
  return from + 1;
}

/**
 * Where the title ends: its wrapped lines end in a space or a hyphen, its last line does not.
 *
 * @param lines The lines.
 * @param start The title's first line.
 * @param limit Where the body starts at the latest.
 * @returns Index after the title's last line.
 */
function titleBound(lines: readonly Line[], start: number, limit: number): number {
  if (start >= limit) return start;
  if (lines[start]?.kind === 'heading') return start + 1;
  let end = start + 1;
  while (end < limit && end - start < TITLE_LINES && LINE_CONTINUES.test(lines[end - 1]?.run.text ?? '')) end++;
  // A parenthesis under the title belongs to it: `(Nachfrage zur Antwort der Bundesregierung … 21/68)`.
  if (end < limit && TITLE_PARENTHESIS.test(lines[end]?.run.text ?? '')) {
    let close = end;
    while (close < Math.min(limit, end + TITLE_LINES) && !(lines[close]?.run.text ?? '').includes(')')) close++;
    if (close < limit && /\)\s*$/u.test(lines[close]?.run.text ?? '')) end = close + 1;
  }
  return end;
}

/**
 * A paper that asks one question prints it without number: the last line before the closing that
 * opens a sentence ending in a question mark.
 *
 * @param texts Line texts.
 * @param from Where the body starts.
 * @param closing The closing line.
 * @returns Index of the question's first line, or -1.
 */
function unnumberedQuestion(texts: readonly string[], from: number, closing: number): number {
  let end = closing - 1;
  while (end >= from && !ENDS_QUESTION.test(texts[end] ?? '')) end--;
  if (end < from) return -1;
  let start = end;
  while (start > from && !/[.:!?]\s*$/u.test(texts[start - 1] ?? '')) start--;
  return start;
}

/**
 * Make a question record from its lines.
 *
 * @param block The question's lines, the numbered line first.
 * @param number Its number.
 * @param format The input form.
 * @param locator The locator.
 * @returns The question.
 */
function toQuestion(block: readonly Line[], number: string, format: 'markdown' | 'text', locator: Locator): Question {
  const whole = joinLines(block, format);
  const lead = PAPER_QUESTION.exec(whole.text)?.[0].length ?? 0;
  const text = trimRun(subRun(whole, lead));
  const subStarts: Array<{ label: string; index: number }> = [];
  block.forEach((line, index) => {
    const label = PAPER_SUB_ITEM.exec(line.run.text)?.[1];
    if (label && index > 0) subStarts.push({ label, index });
  });
  const subItems: SubItem[] = subStarts.map((sub, i) => {
    const run = joinLines(block.slice(sub.index, subStarts[i + 1]?.index ?? block.length), format);
    const body = trimRun(subRun(run, PAPER_SUB_ITEM.exec(run.text)?.[0].length ?? 0));
    return { label: sub.label, text: body.text, position: runPosition(locator, body.text === '' ? run : body) };
  });
  return { id: `q${number}`, number, text: text.text, position: runPosition(locator, text.text === '' ? whole : text), subItems };
}

/**
 * The paper's own meta: askers and group from the head, title, the closing and the signatories.
 *
 * @param lines The lines.
 * @param kindLine The kind's line.
 * @param askersEnd Index after the askers' lines.
 * @param title The title's text.
 * @param closing Index of the closing line (the length where none is printed).
 * @param locator The locator.
 * @returns Meta fields.
 */
function paperMeta(lines: readonly Line[], kindLine: number, askersEnd: number, title: string | undefined, closing: number, locator: Locator): Partial<Meta> {
  const { read, meta: head } = headMeta(lines, askersEnd);
  const meta: Partial<Meta> = {
    ...head,
    respondent: null,
    askers: read.askers,
    faction: read.faction,
    title: title ? title.replace(/\s+/g, ' ').trim() : null,
  };
  if (kindLine < 0) return meta;
  const closingLine = lines[closing];
  const match = closingLine ? CLOSING.exec(closingLine.run.text) : null;
  if (closingLine && match?.[1] && match[2] && match[3] && match[4]) {
    const month = MONTHS.indexOf(match[3]) + 1;
    const block = joinLines(lines.slice(closing), 'text');
    meta.closing = { place: match[1], date: month > 0 ? isoDate(match[2], String(month), match[4]) : null, text: block.text, position: runPosition(locator, block) };
    const signatures = joinLines(lines.slice(closing + 1), 'text').text;
    meta.signatories = signatures
      .replace(/\s+/g, ' ')
      .split(/,\s*|\s+und\s+/u)
      .map((name) => name.trim())
      .filter((name) => name !== '' && !SIGNATURE_GROUP.test(name));
  }
  return meta;
}
