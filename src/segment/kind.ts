/**
 * Which kind of Drucksache a document is, read from its printed head: an answer (to a Kleine or
 * Große Anfrage), a Kleine or Große Anfrage paper itself, a collection of Schriftliche Fragen, or a
 * kind this library does not read (a Gesetzentwurf, an Antrag …), named as printed.
 */
import type { Line } from '../lines/lines.js';
import { runPosition, type Locator } from '../lines/run.js';
import { joinLines } from './join.js';
import { sectionFrom, type KindSegmented } from './question-paper/blocks.js';

/** The kinds, each read by its own segmenter. */
export type Kind = 'answer' | 'question-paper' | 'written-questions' | 'unsupported' | 'unknown';

/** What the head says. */
export interface DetectedKind {
  kind: Kind;
  /** The value for `meta.type`: `Antwort`, `Kleine Anfrage`, `Schriftliche Fragen`, … or what an unsupported kind printed. */
  type: string | null;
  /** Index of the line that names the kind, -1 where none does. */
  line: number;
}

/** The answer's kind line: `Antwort`, `## **Antwort**` (emphasis gone), `Antwort des Niedersächsischen Ministeriums …`, `mit Antwort der Landesregierung`. */
export const ANSWER_HEAD = /^\s*(?:#+\s*)?(?:mit\s+)?Antwort\b/u;

/** A question paper's kind line: `Kleine Anfrage`, `Große Anfrage`, `Kleine Anfrage zur schriftlichen Beantwortung`. */
export const QUESTION_PAPER_HEAD = /^\s*(?:#+\s*)?(Kleine|Große)\s+Anfrage(?:\s+zur\s+schriftlichen\s+Beantwortung)?\s*$/u;

/** A collection's kind line: `Schriftliche Fragen`. */
export const WRITTEN_QUESTIONS_HEAD = /^\s*(?:#+\s*)?Schriftliche\s+Fragen\s*$/u;

/** An answer to a Große Anfrage names it in its head: `auf die Große Anfrage der Abgeordneten …`. */
export const GROSSE_ANFRAGE_ANSWERED = /\bGroßen?\s+Anfrage\b/u;

/** The Bundestag's dated line under the number: `21. Wahlperiode 16.05.2025`; the kind is printed below it. */
export const PERIOD_DATE_LINE = /^\s*\d{1,2}\.\s*Wahlperiode\s+\d{1,2}\.\d{1,2}\.\d{4}\s*$/u;

/** A printed kind of paper: a short phrase in words, `Gesetzentwurf`, `Beschlussempfehlung und Bericht`, `Unterrichtung`. */
export const PRINTED_KIND = /^\s*(\p{Lu}[\p{L}-]+(?:\s+[\p{L}-]+){0,4})\s*$/u;

/** A kind line of the other kinds of Drucksachen: `Unterrichtung`, `Gesetzentwurf`, `Beschlussempfehlung und Bericht`. */
export const OTHER_KIND_LINE = /^\s*(?:#+\s*)?(?:Unterrichtung|Gesetzentwurf|Antrag|Entschließungsantrag|Änderungsantrag|Beschlussempfehlung(?:\s+und\s+Bericht)?|Bericht|Verordnung|Wahlvorschlag)\s*$/u;

/** How far below a paper's kind line an answer names itself. */
const ANSWER_REACH = 3;

/** How many lines of the head are read. */
const HEAD_LINES = 12;

/**
 * Detect the kind of a document from the text of its first lines.
 *
 * @param head The first lines, in order (page furniture already cut).
 * @returns The kind, the `meta.type` to report and the line that named it.
 */
export function detectKind(head: readonly string[]): DetectedKind {
  const lines = head.slice(0, HEAD_LINES);
  const answerType = (): string => (GROSSE_ANFRAGE_ANSWERED.test(lines.join('\n')) ? 'Antwort auf eine Große Anfrage' : 'Antwort');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    // A paper of another kind may quote an answer below its kind line (`Unterrichtung` / … `Antwort des …`):
    // the kind line comes first, so it decides.
    if (OTHER_KIND_LINE.test(text)) return { kind: 'unsupported', type: text.replace(/^\s*#*\s*/, '').trim().replace(/\s+/g, ' '), line: i };
    if (ANSWER_HEAD.test(text)) return { kind: 'answer', type: answerType(), line: i };
    const paper = QUESTION_PAPER_HEAD.exec(text);
    if (paper?.[1]) {
      // A Landtag answer prints `Kleine Anfrage zur schriftlichen Beantwortung` / `mit Antwort der Landesregierung`.
      const answered = lines.slice(i + 1, i + 1 + ANSWER_REACH).findIndex((next) => ANSWER_HEAD.test(next));
      if (answered >= 0) return { kind: 'answer', type: answerType(), line: i + 1 + answered };
      return { kind: 'question-paper', type: `${paper[1]} Anfrage`, line: i };
    }
    if (WRITTEN_QUESTIONS_HEAD.test(text)) return { kind: 'written-questions', type: 'Schriftliche Fragen', line: i };
  }
  // A Bundestag head of a kind not read: the kind stands alone under the dated Wahlperiode line.
  const dated = lines.findIndex((text) => PERIOD_DATE_LINE.test(text));
  const printed = dated >= 0 ? PRINTED_KIND.exec(lines[dated + 1] ?? '') : null;
  if (printed?.[1]) return { kind: 'unsupported', type: printed[1].replace(/\s+/g, ' '), line: dated + 1 };
  return { kind: 'unknown', type: null, line: -1 };
}

/**
 * The first lines of a plain or Markdown text, for detecting its kind without reading it all.
 *
 * @param text The beginning of a document (a few kilobytes suffice).
 * @returns Its non-blank lines, Markdown emphasis marks dropped.
 */
export function headLines(text: string): string[] {
  return text
    .split(/\r?\n/, HEAD_LINES * 4)
    .map((line) => line.replace(/[*_]{1,3}/g, ''))
    .filter((line) => line.trim() !== '')
    .slice(0, HEAD_LINES);
}

/**
 * Keep a paper of a kind not read: its head as the meta section, the rest as the text of one
 * `unsupported-kind` warning, so nothing is lost and nothing is read as questions or answers.
 *
 * @param lines The cleaned lines.
 * @param format The input form.
 * @param locator The file's locator.
 * @param detected The kind as printed.
 * @returns The segmented document: a header and no sections besides it.
 */
export function segmentUnsupported(lines: readonly Line[], format: 'markdown' | 'text', locator: Locator, detected: DetectedKind): KindSegmented {
  const header = lines.slice(0, detected.line + 1);
  const rest = joinLines(lines.slice(detected.line + 1), format);
  const problem: KindSegmented['problems'][number] = {
    severity: 'warning',
    ruleId: 'unsupported-kind',
    reason: `Unexpected paper of the kind \`${detected.type ?? ''}\`, expected an \`Antwort\`, a \`Kleine Anfrage\`, a \`Große Anfrage\` or \`Schriftliche Fragen\`: its text is kept here, not read`,
  };
  if (rest.text !== '') {
    problem.position = runPosition(locator, rest);
    problem.text = rest.text;
  }
  return {
    header, title: undefined, preambles: [], questions: [], answers: [], sections: [sectionFrom('meta', 'meta', header, format)],
    announcements: new Map(), unassigned: [], meta: { title: null }, problems: [problem], furniture: [],
  };
}
