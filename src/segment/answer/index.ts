/**
 * Segment an answer into its parts: the header, the preambles, the numbered questions with their
 * sub-items, and the answers with every question they answer and their references to other answers.
 */
import type { Line } from '../../lines/lines.js';
import { joinLines } from '../join.js';
import { closesQuestion, endsSentence, QUESTION_END } from './close.js';
import { checkSegments } from './checks.js';
import { expandNumbers, findAnnouncement, wholeNumbers } from './joint.js';
import { ANSWER_OPENER, CLAUSE_END, OPEN_SENTENCE, SUB_ITEM, subItemEnd, subItemsInAnswer } from './sub-items.js';
import type { Answer, Position, Preamble, Question, Reference, SubItem } from '../../model.js';
import { concatRuns, pointRun, runPosition, subRun, trimRun, type Locator, type Run } from '../../lines/run.js';
import type { Link, Section, TableSpan } from '../../lines/section.js';

/** A preamble heading: `Vorbemerkung der Fragesteller`, `Vorbemerkung der Bundesregierung:`, `Vorbemerkung des Abgeordneten`. */
export const PREAMBLE_HEADING = /^\s*(?:#+\s*)?Vorbemerkung(?:en)?\s+(?:der|des)\s+([\p{L} ]{3,60}?)\s*:?\s*$/u;

/** Who wrote a preamble: the government side. Matches `Bundesregierung`, `Landesregierung`, `Senats`. */
export const GOVERNMENT_SIDE = /regierung|Senat|Ministeri/;

/** A numbered question's first line: `1. Welche …`, ` 12. Wie …` (en space allowed), `3a. …`. */
export const QUESTION_START = /^\s*(\d{1,3}[a-z]?)\.\s+(?=\S)/u;

/** Words that make the number an ordinal, not a question number: `1. Januar 2015 …`, `21. Wahlperiode`, `25. – 27.5.2022`. */
export const DATE_AFTER_NUMBER = /^\s*\d{1,3}\.\s+(?:[–-]\s*\d+|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan\.|Feb\.|Quartal|Halbjahr|Wahlperiode|Legislaturperiode|Lebensjahr(?:es)?|Jahrhundert|Sitzung|Kalenderwoche|KW|Bundestag|Deutschen Bundestag|Bundesversammlung|Änderung|Verordnung|Gesetz|Nachtrag|Mal)\b/;

/** A number that is one of a list of ordinals, not a question number: `19. und 20. Wahlperiode …`, `3., 4. und 5. Klasse`. */
export const ORDINAL_LIST = /^\s*\d{1,3}\.(?:\s*,|\s+(?:und|oder|bis|sowie)\s)\s*\d{1,3}\./u;

/** A line that ends inside a list of ordinals, so the next line's number goes on with it: `… in der 18.,`. */
export const ORDINAL_BEFORE = /(?:^|\s)\d{1,3}\.,\s*$/u;

/** How a question opens: `Wie`, `Welche`, `Inwiefern`, `Ist`, `Plant`, `Bitte` … */
export const INTERROGATIVE = /^(?:Wie|Welche[rsnm]?|Was|Wann|Wo|Wer|Wem|Wen|Wessen|Warum|Weshalb|Wieso|Wozu|Woher|Wohin|Wofür|Womit|Wodurch|Worauf|Woran|Worin|Inwiefern|Inwieweit|In wie|Wie viele|Ob|Ist|Sind|Gibt|Gab|Hat|Haben|Hatte|Hatten|Plant|Planen|Wird|Werden|Wurde|Wurden|Kann|Können|Konnte|Muss|Müssen|Soll|Sollen|Teilt|Liegen|Liegt|Lagen|Beabsichtigt|Sieht|Trifft|Bitte|Aus welchen|In welche[rmn]?|Auf welche[rmn]?|Mit welche[rmn]?|Nach welche[rmn]?|Für welche[rmn]?|Von welche[rmn]?|Bei welche[rmn]?|Seit wann|Bis wann|Durch welche|Unter welche|Über welche|Zu welche|Aufgrund welche|Welcher|Hält|Erwägt|Unterstützt|Verfolgt|Befürwortet|Lässt|Gehört|Existier\w*|Bestehen|Besteht|Fand|Fanden|Findet|Finden|Erfolgt|Erfolgte|Stimmt|Steht|Stehen)\b/u;

/**
 * A further question after the sub-items that asks about each of them: `Jeweils zu den Buchstaben a bis c: Wenn ja, welche …?`,
 * `Wenn ja, …?`, `Falls nein, …?`.
 */
export const FOLLOW_UP = /^(?:[^:?.]{1,60}:\s+)?(?:Wenn|Falls|Sofern)\s+(?:ja|nein|nicht)\b/u;

/** A request that a question ends with instead of a question mark opens: `(bitte nach Jahren aufschlüsseln)`. */
export const REQUEST_OPEN = /\(bitte\b/u;

/** … and closes at a line end: `… sortiert aufführen)`. */
export const REQUEST_CLOSE = /\)\s*$/u;

/** Numbers of questions as printed in a list: `14 und 15`, `4 bis 6b`, `2, 5 und 7`, `11 bis 17`, `1) bis 10)`. */
const NUMBER_LIST = String.raw`\d{1,3}[a-z]?\)?(?:(?:\s*,\s*|\s+und\s+|\s+sowie\s+|\s+bis\s+|\s*[–-]\s*)\d{1,3}[a-z]?\)?)*`;

/**
 * A reference to another answer: `Auf die Antwort zu Frage 3 wird verwiesen`, `siehe Antwort zu Frage 3`,
 * `Antworten zu den Fragen 4 und 6`, `Auf die Antwort auf die Fragen 1) bis 10) wird verwiesen`.
 */
export const ANSWER_REFERENCE = new RegExp(String.raw`\bAntwort(?:en)?\s+(?:der Bundesregierung\s+|der Landesregierung\s+)?(?:zu|auf)\s+(?:den\s+|der\s+|die\s+)?Fragen?\s+(${NUMBER_LIST})`, 'gu');

/**
 * The reference continues into another paper: `… zu Frage 5 der Kleinen Anfrage … auf Drucksache 20/123`; a
 * second `Antwort` before the paper is named starts a reference of its own.
 */
export const OTHER_PAPER = /^(?:(?!Antwort)[^.;]){0,120}?(?:Drucksache|Drs\.|Kleinen Anfrage|Großen Anfrage|Schriftlichen Frage|Bundestagsdrucksache|Landtagsdrucksache)/u;

/** A title line that goes on in the next line: it ends in a space, a hyphen or an open parenthesis. */
export const TITLE_CONTINUES = /(?:\s|[-–(])$/u;

/** The most lines a title takes. */
const TITLE_LINES = 6;

/** How many lines a question may run before its question mark. */
const QUESTION_WINDOW = 60;

/** How near its question mark must be for a numbered line that opens with no question word. */
const QUESTION_CLOSE_REACH = 12;

export { expandNumbers } from './joint.js';

/** What segmentation yields. */
export interface Segmented {
  header: Line[];
  title: Run | undefined;
  preambles: Preamble[];
  questions: Question[];
  answers: Answer[];
  sections: Section[];
  /** Answers' announcements of joint answers, by answer id. */
  announcements: Map<string, Run>;
  /** Lines that fit no section. */
  unassigned: Line[];
  /** Problems met while segmenting, in document order. */
  problems: SegmentProblem[];
}

/** A problem in the data met while segmenting, for a warning message. */
export interface SegmentProblem {
  ruleId: string;
  reason: string;
  position?: Position;
  /** What the message is about, as clean text. */
  text?: string;
}

/** A question under construction. */
interface QuestionBlock {
  number: string;
  lines: Line[];
  /** Index in `lines` where each sub-item begins. */
  subStarts: Array<{ label: string; index: number }>;
  /** Whether no question mark closed it, so that its end was taken at its first sentence. */
  uncertain: boolean;
}

/**
 * Segment the cleaned lines of a document.
 *
 * @param lines Lines of running text.
 * @param format The input form.
 * @param locator The file's locator.
 * @param footnotes Footnote lines with the index of the line they followed.
 * @returns The segmented document.
 */
export function segment(lines: readonly Line[], format: 'markdown' | 'text', locator: Locator, footnotes: ReadonlyArray<{ after: number; line: Line }> = []): Segmented {
  const starts = questionStarts(lines);
  const allNumbers = new Set(starts.values());
  const firstQuestion = starts.size > 0 ? Math.min(...starts.keys()) : lines.length;
  const firstPreamble = lines.findIndex((line, index) => index < firstQuestion && PREAMBLE_HEADING.test(line.run.text));
  const { headerEnd, titleStart, titleEnd } = headerBounds(lines, firstPreamble >= 0 ? firstPreamble : firstQuestion);
  const header = lines.slice(0, headerEnd);
  const title = titleStart < titleEnd ? joinLines(lines.slice(titleStart, titleEnd), 'text') : undefined;

  const footnotesAfter = new Map<number, Line[]>();
  for (const note of footnotes) footnotesAfter.set(note.after, [...(footnotesAfter.get(note.after) ?? []), note.line]);

  const notesIn = (from: number, to: number): Line[] => {
    const notes: Line[] = [];
    for (let k = from; k < to; k++) notes.push(...(footnotesAfter.get(k) ?? []));
    return notes;
  };
  // Footnotes of the first page's header (even one standing before any line) go with the header.
  const headerNotes = notesIn(-1, headerEnd);
  const sections: Section[] = [sectionOf('meta', 'meta', [...header, ...headerNotes], format)];
  const preambles: Preamble[] = [];
  const questions: Question[] = [];
  const answers: Answer[] = [];
  const announcements = new Map<string, Run>();
  const unassigned: Line[] = [];
  const problems: SegmentProblem[] = [];
  const withNotes = (from: number, to: number): Line[] => {
    const out: Line[] = [];
    for (let k = from; k < to; k++) {
      const line = lines[k];
      if (line) out.push(line);
    }
    return [...out, ...notesIn(from, to)];
  };

  // Preambles: from each heading to the next heading or the first question; text before the first
  // heading, after the header, is a preamble without heading (by the askers).
  let index = headerEnd;
  let preambleCount = 0;
  const addPreamble = (from: number, to: number, heading: Line | undefined): void => {
    const body = withNotes(from, to);
    if (body.length === 0 && !heading) return;
    preambleCount++;
    const id = `p${preambleCount}`;
    const who = heading ? PREAMBLE_HEADING.exec(heading.run.text)?.[1] ?? '' : '';
    const run = joinLines(body, format);
    const section = heading ? sectionOf(id, 'preamble', [heading, ...body], format) : sectionOf(id, 'preamble', body, format, run);
    sections.push(section);
    const span = run.text === '' ? section.run : run;
    preambles.push({
      id,
      by: GOVERNMENT_SIDE.test(who) ? 'government' : 'questioners',
      heading: heading ? trimRun(heading.run).text : null,
      text: run.text,
      position: runPosition(locator, span),
    });
  };
  while (index < firstQuestion && starts.size > 0) {
    const headingAt = lines.findIndex((line, k) => k >= index && k < firstQuestion && PREAMBLE_HEADING.test(line.run.text));
    if (headingAt === -1) {
      addPreamble(index, firstQuestion, undefined);
      break;
    }
    if (headingAt > index) addPreamble(index, headingAt, undefined);
    const next = lines.findIndex((line, k) => k > headingAt && k < firstQuestion && PREAMBLE_HEADING.test(line.run.text));
    const end = next === -1 ? firstQuestion : next;
    addPreamble(headingAt + 1, end, lines[headingAt]);
    index = end;
  }

  // Questions and answers; in a paper without questions everything after the header is unassigned.
  if (starts.size === 0) for (const line of withNotes(headerEnd, lines.length)) unassigned.push(line);
  index = firstQuestion;
  let pending: QuestionBlock[] = [];
  while (index < lines.length) {
    const number = starts.get(index);
    if (number !== undefined) {
      const block = readQuestion(lines, index, number, starts);
      pending.push(block);
      const whole = joinLines(block.lines, format);
      const question = toQuestion(block, whole, format, locator);
      questions.push(question);
      // Footnotes printed below a question belong to its section, not to its text.
      const notes = notesIn(index, index + block.lines.length);
      sections.push(notes.length === 0 ? sectionOf(question.id, 'question', block.lines, format, whole) : sectionOf(question.id, 'question', [...block.lines, ...notes], format));
      index += block.lines.length;
      continue;
    }
    let end = index;
    while (end < lines.length && !starts.has(end)) end++;
    // A star footnote between two questions (`* Von einer Drucklegung der Anlage wird abgesehen. …`)
    // belongs to the question above it, not its text, and answers nothing.
    if (end - index <= STAR_NOTE_LINES && starts.has(end) && STAR_NOTE.test(lines[index]?.run.text ?? '')) {
      const above = questions.at(-1);
      if (above) sections.push(sectionOf(above.id, 'question', withNotes(index, end), format));
      index = end;
      continue;
    }
    // Sub-items printed in the answer continue the question left open (`… Fotografen entweder`), else the last.
    const owner = [...pending].reverse().find((block) => !endsSentence(block.lines.at(-1)?.run.text ?? '')) ?? pending.at(-1);
    const question = questions.find((q) => q.number === owner?.number);
    if (!owner || !question) {
      for (const line of withNotes(index, end)) unassigned.push(line);
      index = end;
      continue;
    }
    // Sub-items answered one by one: each group of them is part of the question, and the text
    // after it is the group's own answer.
    const groups = subItemsInAnswer(lines, index, end, owner.subStarts.map((sub) => sub.label));
    let from = index;
    let answered = pending;
    let subItem: string | undefined;
    for (const group of [...groups, undefined]) {
      const to = group ? group.from : end;
      if (to > from) {
        const body = withNotes(from, to);
        const run = joinLines(body, format);
        const answer = toAnswer(run, answered, allNumbers, locator, announcements, subItem);
        answers.push(answer);
        sections.push(sectionOf(answer.id, 'answer', body, format, run));
      }
      if (!group) break;
      const body = withNotes(group.from, group.to);
      sections.push(sectionOf(question.id, 'question', body, format));
      group.items.forEach((item, i) => {
        question.subItems.push(toSubItem(lines.slice(item.index, group.items[i + 1]?.index ?? group.to), item.label, format, locator));
      });
      if (group.uncertain) uncertain(problems, question.number, joinLines(lines.slice(group.from, group.to), format), locator);
      answered = [owner];
      subItem = group.items.map((item) => item.label).join(SUB_ITEM_SEPARATOR);
      from = group.to;
    }
    for (const block of pending) if (block.uncertain) uncertain(problems, block.number, joinLines(block.lines, format), locator);
    pending = [];
    index = end;
  }
  for (const block of pending) if (block.uncertain) uncertain(problems, block.number, joinLines(block.lines, format), locator);
  repairAnnounced(answers, questions, sections, announcements);
  problems.push(...checkSegments(questions, answers));
  return { header, title, preambles, questions, answers, sections, announcements, unassigned, problems };
}

/** Between the labels of sub-items answered together: `a,b`. */
const SUB_ITEM_SEPARATOR = ',';

/**
 * Report a question whose end the printed layout cannot decide.
 *
 * @param problems Where problems go.
 * @param number The question's number.
 * @param run The question's (or sub-item's) text.
 * @param locator The locator.
 */
function uncertain(problems: SegmentProblem[], number: string, run: Run, locator: Locator): void {
  problems.push({
    ruleId: 'question-end-uncertain',
    reason: `Unexpected end of question \`${number}\` without a question mark, expected \`?\`; its text was taken to its first sentence end`,
    position: runPosition(locator, run),
    text: run.text,
  });
}

/**
 * An announced joint answer that covers questions given an answer before it proves that those
 * "answers" were the questions' own text (a long question whose question mark came late): fold
 * them back into their last question.
 *
 * @param answers Answers, changed in place.
 * @param questions Questions, changed in place.
 * @param sections Sections, changed in place.
 * @param announcements The announcements of joint answers, by answer id.
 */
function repairAnnounced(answers: Answer[], questions: Question[], sections: Section[], announcements: ReadonlyMap<string, Run>): void {
  for (let i = answers.length - 1; i >= 0; i--) {
    const answer = answers[i];
    // An announcement among sub-items answered one by one (`Die Fragen 4a und 4c …`) joins sub-items, not questions.
    if (answer?.joint !== 'announced' || answer.subItem !== undefined) continue;
    // Only questions the announcement names whole: `Die Fragen 18a und 19 …` joins a sub-item of 18, not 18.
    const covered = new Set(wholeNumbers(announcements.get(answer.id)?.text ?? '').filter((number) => answer.questions.includes(number)));
    // An answer that points to an earlier answer (`Auf die Antwort zu Frage 1 wird verwiesen.`) proves it stands.
    const pointed = new Set([...answer.text.matchAll(ANSWER_REFERENCE)].flatMap((match) => expandNumbers(match[1] ?? '')));
    for (let k = i - 1; k >= 0; k--) {
      const earlier = answers[k];
      if (!earlier || earlier.subItem !== undefined || !earlier.questions.every((number) => covered.has(number)) || earlier.questions.some((number) => pointed.has(number))) break;
      const last = earlier.questions.at(-1);
      const question = questions.find((q) => q.number === last);
      const from = sections.findIndex((section) => section.id === earlier.id && section.kind === 'answer');
      const into = sections.find((section) => section.id === question?.id);
      if (question && into && from >= 0) {
        const moved = sections[from];
        if (moved) {
          into.run = concatRuns([into.run, pointRun('\n', moved.run.offsets[0] ?? 0), moved.run]);
          into.links.push(...moved.links.map((link) => ({ ...link, start: link.start + (into.run.text.length - moved.run.text.length), end: link.end + (into.run.text.length - moved.run.text.length) })));
          question.text = `${question.text}\n${earlier.text}`;
          question.position = { start: question.position.start, end: earlier.position.end };
        }
        sections.splice(from, 1);
      }
      answers.splice(k, 1);
      i--;
    }
  }
}

/**
 * Find the lines where numbered questions start.
 *
 * A line counts when it is numbered, is not a date, its number is not taken yet, and it reads as
 * a question: it opens with an interrogative or a question mark closes it within a few lines.
 *
 * @param lines The lines.
 * @returns Line index → printed number.
 */
function questionStarts(lines: readonly Line[]): Map<number, string> {
  const starts = new Map<number, string>();
  const seen = new Set<string>();
  let last = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.kind === 'heading' || line.kind === 'tableRow') continue;
    const match = QUESTION_START.exec(line.run.text);
    if (!match?.[1] || DATE_AFTER_NUMBER.test(line.run.text) || ORDINAL_LIST.test(line.run.text) || (last > 0 && !opensBlock(lines, i))) continue;
    const number = match[1];
    if (seen.has(number)) continue;
    const rest = line.run.text.slice(match[0].length).replace(SUB_ITEM, '');
    let close = -1;
    const expected = String(last + 1) === number.replace(/[a-z]$/, '');
    const reach = INTERROGATIVE.test(rest) || expected ? QUESTION_WINDOW : QUESTION_CLOSE_REACH;
    for (let k = i; k < Math.min(lines.length, i + reach); k++) {
      const candidate = lines[k];
      if (!candidate) break;
      if (k > i && QUESTION_START.test(candidate.run.text) && !DATE_AFTER_NUMBER.test(candidate.run.text) && !ORDINAL_LIST.test(candidate.run.text) && opensBlock(lines, k)) break;
      if (closesQuestion(candidate.run.text, lines[k + 1]?.run.text)) {
        close = k;
        break;
      }
    }
    if (close === -1 && !INTERROGATIVE.test(rest)) continue;
    starts.set(i, number);
    seen.add(number);
    last = Number.parseInt(number, 10);
    // A question's own lines cannot start another question (`… in der` / `20. Wahlperiode …`).
    if (close > i) i = close;
  }
  if (starts.size === 0) {
    const single = unnumberedQuestion(lines);
    if (single !== -1) starts.set(single, '1');
  }
  return starts;
}

/**
 * A paper that asks one question prints it without a number: the last paragraph that opens with a
 * question word after a closed sentence and closes with a question mark.
 *
 * @param lines The lines.
 * @returns Index of its first line, or -1.
 */
function unnumberedQuestion(lines: readonly Line[]): number {
  for (let i = lines.length - 1; i > 0; i--) {
    const line = lines[i];
    if (!line || line.kind === 'heading' || !INTERROGATIVE.test(line.run.text.trim()) || OPEN_SENTENCE.test(lines[i - 1]?.run.text ?? '')) continue;
    for (let k = i; k < Math.min(lines.length, i + QUESTION_CLOSE_REACH); k++) {
      const text = lines[k]?.run.text ?? '';
      if (QUESTION_END.test(text)) return i;
      if (k > i && /[.!]\s*$/.test(lines[k - 1]?.run.text ?? '')) break;
    }
  }
  return -1;
}

/**
 * Whether line `i` may open a question: a number that continues an open sentence
 * (`… seit Beginn der` / `20. Wahlperiode …`) opens nothing unless a question word follows it.
 *
 * @param lines The lines.
 * @param i The line's index.
 * @returns True if a question may start here.
 */
function opensBlock(lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  const previous = lines[i - 1];
  if (!line || !previous || line.kind !== 'paragraph' || line.blankBefore) return true;
  if (!OPEN_SENTENCE.test(previous.run.text) && !ORDINAL_BEFORE.test(previous.run.text)) return true;
  return INTERROGATIVE.test(line.run.text.replace(QUESTION_START, '').replace(SUB_ITEM, ''));
}

/** A Landtag header line naming the asker: `Anfrage der Abgeordneten Birgit Butter (CDU)`. */
export const LANDTAG_ASKER_LINE = /^\s*Anfrage\s+(?:der|des)\s/u;

/** A Landtag header line naming who answers: `Antwort des Niedersächsischen Justizministeriums namens der`. */
export const LANDTAG_ANSWER_LINE = /^\s*Antwort\s+(?:des|der)\s/u;

/** The end of `… namens der Landesregierung` (lines joined): `Antwort der Niedersächsischen Staatskanzlei namens der Landesregierung`. */
export const ON_BEHALF_END = /\bnamens\s+(?:der|des)\s+\p{L}+\s*$/u;

/** The receipt note of a Landtag Anfrage, lines joined: `Anfrage der Abgeordneten A (AfD), eingegangen am 28.05.2026 - Drs. 19/10810`. */
export const RECEIVED_NOTE = /\beingegangen\s+am\b/u;

/** The answered paper between dashes, on its own line above the title: `– Drucksache 21/1026 (neu) –`. */
export const ANSWERED_LINE = /[–-]\s*Drucksache\s+\d{1,2}\/\d+(?:\s*\(neu\))?\s*[–-]/;

/** A footnote to a star marker, on a line of its own: `* Von einer Drucklegung der Anlage wird abgesehen. Diese ist …`. */
export const STAR_NOTE = /^\s*\*{1,3}\s+\p{Lu}/u;

/** How many lines a star footnote between two questions may take. */
const STAR_NOTE_LINES = 3;

/** The office line above the title of a Landtag Unterrichtung: `- Landtagsverwaltung -`. */
export const PRESIDENT_OFFICE = /^\s*[–-]\s*Landtagsverwaltung\s*[–-]\s*$/u;

/** How many lines the askers of a receipt note may wrap over. */
const RECEIVED_REACH = 4;

/**
 * Join a printed line to the text before it, undoing a line-end hyphen before a lower-case letter.
 *
 * @param before The text so far.
 * @param line The next line.
 * @returns The joined text.
 */
function joinHyphenated(before: string, line: string): string {
  const text = line.trim();
  if (before === '') return text;
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(text)) return before.slice(0, -1) + text;
  return `${before} ${text}`;
}

/**
 * The line of a Landtag header where the receipt note (`Anfrage der …, eingegangen am …`) begins,
 * its askers and the word `eingegangen` wrapped over lines as they may be.
 *
 * @param texts Header line texts.
 * @returns Its index, or -1.
 */
function receivedLine(texts: readonly string[]): number {
  for (let i = 0; i < texts.length; i++) {
    if (!LANDTAG_ASKER_LINE.test(texts[i] ?? '')) continue;
    let joined = '';
    for (let k = i; k < Math.min(texts.length, i + RECEIVED_REACH); k++) {
      if (k > i && (LANDTAG_ASKER_LINE.test(texts[k] ?? '') || LANDTAG_ANSWER_LINE.test(texts[k] ?? ''))) break;
      joined = joinHyphenated(joined, texts[k] ?? '');
      if (RECEIVED_NOTE.test(joined)) return i;
    }
  }
  return -1;
}

/**
 * Where the header ends and where the title stands in it.
 *
 * @param lines The lines.
 * @param bodyStart Index of the first preamble heading or question.
 * @returns Header end (exclusive) and the title's line range.
 */
function headerBounds(lines: readonly Line[], bodyStart: number): { headerEnd: number; titleStart: number; titleEnd: number } {
  const texts = lines.slice(0, bodyStart).map((line) => line.run.text);
  // Landtag style: the title stands between `Antwort … namens der Landesregierung` and `Anfrage …, eingegangen am`.
  const received = receivedLine(texts);
  if (received > 0) {
    let answerLine = texts.findIndex((text) => LANDTAG_ANSWER_LINE.test(text));
    if (answerLine >= 0 && answerLine < received) {
      // The answering body may wrap (`… namens der Landesregie-` / `rung`): the title starts after it.
      let joined = '';
      for (; answerLine < received - 1; answerLine++) {
        joined = joinHyphenated(joined, texts[answerLine] ?? '');
        if (ON_BEHALF_END.test(joined)) break;
      }
      // The header runs to the dated `Antwort … vom 13.07.2026` line.
      let end = received;
      while (end < bodyStart && !/\bvom\s+\d{1,2}\.\d{1,2}\.\d{4}/.test(texts[end] ?? '')) end++;
      return { headerEnd: Math.min(bodyStart, end + 1), titleStart: answerLine + 1, titleEnd: received };
    }
  }
  // A Landtag Unterrichtung: the title follows `- Landtagsverwaltung -`, on one line unless it wraps mid-word.
  const office = texts.findIndex((text) => PRESIDENT_OFFICE.test(text));
  if (office >= 0 && office + 1 < bodyStart) {
    let titleEnd = office + 2;
    while (titleEnd < bodyStart && titleEnd - office <= TITLE_LINES && (/\p{L}-\s*$/u.test(texts[titleEnd - 1] ?? '') || /^\s*\p{Ll}/u.test(texts[titleEnd] ?? ''))) titleEnd++;
    return { headerEnd: titleEnd, titleStart: office + 1, titleEnd };
  }
  // Bundestag style: the title follows `– Drucksache 18/13237 –`.
  const answered = texts.findIndex((text) => ANSWERED_LINE.test(text));
  if (answered >= 0) {
    const titleStart = answered + 1;
    // The title's wrapped lines end in a space or a hyphen (`… Anreize für ` / `Gewerkschaften`); its last
    // line does not. What follows before the first heading or question is a preamble without heading.
    let titleEnd = Math.min(bodyStart, titleStart + 1);
    while (titleEnd < bodyStart && titleEnd - titleStart < TITLE_LINES && TITLE_CONTINUES.test(texts[titleEnd - 1] ?? '') && lines[titleEnd]?.kind !== 'heading') titleEnd++;
    if (lines[titleStart]?.kind === 'heading' || bodyStart - titleEnd > 0 && !/[.!?]\s*$/.test(texts.slice(titleEnd, bodyStart).join(' '))) {
      // Markdown: the title is its heading; text: a rest that ends no sentence still belongs to the title.
      if (lines[titleStart]?.kind !== 'heading') titleEnd = bodyStart;
    }
    return { headerEnd: titleEnd, titleStart, titleEnd };
  }
  // No header of a known form: the header is the lines naming parliament and Wahlperiode, if any.
  const period = texts.slice(0, 4).findIndex((text) => /\d{1,2}\.\s*Wahlperiode/.test(text));
  return { headerEnd: Math.min(bodyStart, period + 1), titleStart: 0, titleEnd: 0 };
}

/**
 * Read one question: its lines up to the question mark, sub-items, and follow-up questions.
 *
 * @param lines All lines.
 * @param start Index of its first line.
 * @param number Its printed number.
 * @param starts All question starts.
 * @returns The question block.
 */
function readQuestion(lines: readonly Line[], start: number, number: string, starts: ReadonlyMap<number, string>): QuestionBlock {
  const block: QuestionBlock = { number, lines: [], subStarts: [], uncertain: false };
  let end = -1;
  let limit = start;
  // Up to the first line closing with a question mark.
  for (let k = start; k < Math.min(lines.length, start + QUESTION_WINDOW); k++) {
    if (k > start && starts.has(k)) break;
    const text = lines[k]?.run.text ?? '';
    // The lead ends where its sub-items begin; they are read below. A lead that announces them
    // (`… für folgende Aspekte:`, `… an Unternehmen oder Fonds,`) and is followed by sentences of
    // the answer before them ends at its announcement.
    if (k > start && SUB_ITEM.test(text)) {
      end = answeredLead(lines, start, k) ?? k - 1;
      break;
    }
    limit = k;
    if (closesQuestion(text, lines[k + 1]?.run.text)) {
      end = k;
      break;
    }
    // A first line that ends a sentence (not an abbreviation, ordinal or URL) is a question without question mark.
    if (k === start && endsSentence(text) && !SUB_ITEM.test(lines[k + 1]?.run.text ?? '')) {
      end = k;
      break;
    }
  }
  if (end === -1) {
    // No question mark before the next question: the question is its first sentence (or, with none
    // closed before the next question, all its lines), and the layout cannot tell.
    block.uncertain = true;
    end = starts.has(limit + 1) ? limit : start;
    let asked = false;
    for (let k = start; k <= limit; k++) {
      const text = lines[k]?.run.text ?? '';
      asked ||= REQUEST_OPEN.test(text);
      // `… (bitte … sortiert aufführen)` / `Es wird auf die Antworten …`: the request closes the question.
      if (endsSentence(text) || (asked && REQUEST_CLOSE.test(text) && ANSWER_OPENER.test(lines[k + 1]?.run.text ?? ''))) {
        end = k;
        break;
      }
    }
  }
  // Sub-items may follow the line that closed the lead (`… 2022:`): extend over them.
  let reach = end + 1;
  while (reach < lines.length && !starts.has(reach)) reach++;
  let last = end;
  const labels = new Set<string>();
  for (let k = start; k <= end; k++) {
    const label = SUB_ITEM.exec(k > start ? lines[k]?.run.text ?? '' : (lines[k]?.run.text ?? '').replace(QUESTION_START, ''))?.[1];
    if (label) labels.add(label);
  }
  for (let k = end + 1; k < reach; k++) {
    const label = SUB_ITEM.exec(lines[k]?.run.text ?? '')?.[1];
    // A label met again is the answer's (`a) Vorhaben ab …` after the question's `a)` and `b)`).
    if (label === undefined || labels.has(label)) break;
    labels.add(label);
    const close = subItemEnd(lines, k, reach);
    if (close.by === 'clause') block.uncertain = true;
    last = close.last;
    k = close.last;
    if (close.by === 'clause') break;
  }
  // Follow-up questions: a further paragraph that opens as a question and closes with a question mark.
  for (;;) {
    const next = last + 1;
    const text = lines[next]?.run.text ?? '';
    if (next >= lines.length || starts.has(next) || !(INTERROGATIVE.test(text.trim()) || FOLLOW_UP.test(text.trim()))) break;
    let close = -1;
    for (let k = next; k < Math.min(lines.length, next + 6); k++) {
      if (k > next && starts.has(k)) break;
      if (QUESTION_END.test(lines[k]?.run.text ?? '')) {
        close = k;
        break;
      }
      if (/[.!]\s*$/.test(lines[k]?.run.text ?? '')) break;
    }
    if (close === -1) break;
    last = close;
  }
  for (let k = start; k <= last; k++) {
    const line = lines[k];
    if (!line) continue;
    // A sub-item label also right after the number: `17. a) Inwiefern …?`.
    const sub = SUB_ITEM.exec(k > start ? line.run.text : line.run.text.replace(QUESTION_START, ''));
    if (sub?.[1]) block.subStarts.push({ label: sub[1], index: block.lines.length });
    block.lines.push(line);
  }
  return block;
}

/**
 * Where a lead that announces its sub-items ends when the answer to it stands between it and them:
 * the last line closing with a colon or a comma before a line that opens an answer, where the line
 * before the sub-items closes a sentence (`… für folgende Aspekte:` / `Die LMBV hat … übermittelt.` /
 * `a) …`).
 *
 * @param lines All lines.
 * @param start Index of the question's first line.
 * @param sub Index of its first sub-item.
 * @returns Index of the lead's last line, or undefined where the lead runs up to the sub-items.
 */
function answeredLead(lines: readonly Line[], start: number, sub: number): number | undefined {
  const before = lines[sub - 1]?.run.text ?? '';
  if (!endsSentence(before) || QUESTION_END.test(before)) return undefined;
  for (let j = sub - 2; j >= start; j--) {
    const text = lines[j]?.run.text ?? '';
    if ((/:\s*$/u.test(text) || CLAUSE_END.test(text)) && ANSWER_OPENER.test(lines[j + 1]?.run.text ?? '')) return j;
  }
  return undefined;
}

/**
 * Make the question record.
 *
 * @param block The question block.
 * @param whole Its lines joined.
 * @param format The input form.
 * @param locator The locator.
 * @returns The question.
 */
function toQuestion(block: QuestionBlock, whole: Run, format: 'markdown' | 'text', locator: Locator): Question {
  const id = `q${block.number}`;
  const lead = QUESTION_START.exec(whole.text)?.[0].length ?? 0;
  const text = trimRun(subRun(whole, lead));
  const subItems: SubItem[] = block.subStarts.map((sub, i) => toSubItem(block.lines.slice(sub.index, block.subStarts[i + 1]?.index ?? block.lines.length), sub.label, format, locator));
  return { id, number: block.number, text: text.text, position: runPosition(locator, text.text === '' ? whole : text), subItems };
}

/**
 * Make the record of one sub-item from its lines.
 *
 * @param lines Its lines, the first with its label (and maybe the question's number before it).
 * @param label Its label.
 * @param format The input form.
 * @param locator The locator.
 * @returns The sub-item.
 */
function toSubItem(lines: readonly Line[], label: string, format: 'markdown' | 'text', locator: Locator): SubItem {
  const run = joinLines(lines, format);
  const number = QUESTION_START.exec(run.text)?.[0].length ?? 0;
  const printed = SUB_ITEM.exec(run.text.slice(number));
  const body = trimRun(subRun(run, number + (printed?.[0].length ?? 0)));
  return { label, text: body.text, position: runPosition(locator, body.text === '' ? run : body) };
}

/**
 * Make the answer record for the questions pending since the last answer.
 *
 * @param run The answer's lines joined.
 * @param pending Questions printed since the last answer.
 * @param known Numbers of all the paper's questions.
 * @param locator The locator.
 * @param announcements Where announcements are kept.
 * @param subItem Labels of the sub-items it answers, where sub-items are answered one by one.
 * @returns The answer.
 */
function toAnswer(run: Run, pending: QuestionBlock[], known: ReadonlySet<string>, locator: Locator, announcements: Map<string, Run>, subItem?: string): Answer {
  const numbers = pending.map((block) => block.number);
  const announced = findAnnouncement(run.text, numbers);
  let text = run;
  let joint: Answer['joint'] = numbers.length > 1 ? 'unannounced' : 'single';
  if (announced) {
    // `Die Fragen 1a bis 1c werden im Zusammenhang beantwortet.` joins the sub-items of one question.
    if (announced.numbers.length > 1 || subItem?.includes(SUB_ITEM_SEPARATOR) === true) joint = 'announced';
    for (const number of announced.numbers) {
      if (known.has(number) && !numbers.includes(number)) numbers.push(number);
    }
    // An announcement that opens the answer is not part of its text; one further on, or one that
    // answers (`… können nicht beantwortet werden.`), stays in it.
    if (announced.together && run.text.slice(0, announced.start).trim() === '') text = trimRun(subRun(run, announced.end));
  }
  const id = `a${numbers[0] ?? ''}${subItem === undefined ? '' : `-${subItem.split(SUB_ITEM_SEPARATOR)[0] ?? ''}`}`;
  if (announced) announcements.set(id, trimRun(subRun(run, announced.start, announced.end)));
  const sorted = [...numbers].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    id,
    questions: sorted,
    ...(subItem === undefined ? {} : { subItem }),
    joint,
    text: text.text,
    position: runPosition(locator, text.text === '' ? run : text),
    references: references(run, sorted, known, locator),
  };
}

/**
 * Find references to other answers of the same paper.
 *
 * @param run The answer's text.
 * @param own The questions this answer answers.
 * @param known Numbers of the paper's questions.
 * @param locator The locator.
 * @returns One reference per target question.
 */
function references(run: Run, own: readonly string[], known: ReadonlySet<string>, locator: Locator): Reference[] {
  const out: Reference[] = [];
  const seen = new Set<string>();
  for (const match of run.text.matchAll(ANSWER_REFERENCE)) {
    const after = run.text.slice(match.index + match[0].length);
    if (OTHER_PAPER.test(after) && !/^\s*(?:wird|werden)\b/.test(after)) continue;
    const position = runPosition(locator, run, match.index, match.index + match[0].length);
    for (const number of expandNumbers(match[1] ?? '')) {
      if (own.includes(number) || seen.has(number) || !known.has(number)) continue;
      seen.add(number);
      out.push({ question: number, text: match[0], position });
    }
  }
  return out;
}

/**
 * Make a section from lines.
 *
 * @param id Section id.
 * @param kind Section kind.
 * @param lines Its lines.
 * @param format The input form.
 * @param joined The lines already joined, if at hand.
 * @returns The section.
 */
function sectionOf(id: string, kind: Section['kind'], lines: readonly Line[], format: 'markdown' | 'text', joined?: Run): Section {
  const run = joined ?? joinLines(lines, format);
  return { id, kind, run, links: linksIn(run, lines), tables: tablesIn(run, lines) };
}

/**
 * Carry the lines' links over into the joined run.
 *
 * @param run The joined run.
 * @param lines The lines.
 * @returns Links as indexes into the run.
 */
function linksIn(run: Run, lines: readonly Line[]): Link[] {
  const links: Link[] = [];
  for (const line of lines) {
    for (const link of line.links) {
      const from = indexOfOffset(run, line.run.offsets[link.start]);
      const to = indexOfOffset(run, line.run.offsets[link.end - 1]);
      if (from >= 0 && to >= 0) links.push({ start: from, end: to + 1, url: link.url });
    }
  }
  return links;
}

/**
 * Carry the lines' table cells over into the joined run.
 *
 * @param run The joined run.
 * @param lines The lines.
 * @returns Tables as cell ranges into the run.
 */
function tablesIn(run: Run, lines: readonly Line[]): TableSpan[] {
  const tables: TableSpan[] = [];
  let current: TableSpan | undefined;
  for (const line of lines) {
    if (line.kind !== 'tableRow') {
      current = undefined;
      continue;
    }
    if (!current || line.header) {
      current = { rows: [] };
      tables.push(current);
    }
    const row: Array<[number, number]> = [];
    for (const [start, end] of line.cells) {
      if (end <= start) {
        const at = indexOfOffset(run, line.run.offsets[Math.max(0, start - 1)]);
        row.push([at + 1, at + 1]);
        continue;
      }
      const from = indexOfOffset(run, line.run.offsets[start]);
      const to = indexOfOffset(run, line.run.offsets[end - 1]);
      row.push([from, to + 1]);
    }
    current.rows.push(row);
  }
  return tables;
}

/**
 * Index in a run of the character printed at an offset (runs are ordered by offset within a line).
 *
 * @param run The run.
 * @param offset The input offset.
 * @returns The index, or -1.
 */
function indexOfOffset(run: Run, offset: number | undefined): number {
  if (offset === undefined) return -1;
  let low = 0;
  let high = run.offsets.length - 1;
  // Offsets are non-decreasing except where footnotes are moved; fall back to a scan then.
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = run.offsets[mid] ?? 0;
    if (value === offset) {
      let k = mid;
      while (k > 0 && run.offsets[k - 1] === offset) k--;
      return k;
    }
    if (value < offset) low = mid + 1;
    else high = mid - 1;
  }
  return run.offsets.indexOf(offset);
}
