/**
 * Self-checks of a segmented answer, so that the doubtful documents of a collection can be found
 * without reading them: a question that does not end as a question, a gap in the numbering, an
 * answer that is empty or begins mid-sentence, a question answered twice, a header field not read.
 */
import type { Answer, Meta, Position, Question } from '../../model.js';
import { endsSentence } from './close.js';
import type { SegmentProblem } from './index.js';

/**
 * An answer that begins mid-sentence: with a lower-case word or a comma (`Bundesregierung in dem Zeitraum …` is fine, `der Bundesregierung …` not);
 * an answer that answers the sub-items by their labels (`a) Vorhaben ab …`) begins as printed.
 */
export const MID_SENTENCE_START = /^(?![a-z]{1,2}\)\s)[\p{Ll},;]/u;

/** Header fields every answer to an Anfrage prints, by the name the messages use (the responding body has its own rule, `unknown-body`). */
export const REQUIRED_META = ['title', 'askers', 'answersDrucksache', 'date'] as const;

/**
 * Check the questions and answers of a document.
 *
 * @param questions The questions, in document order.
 * @param answers The answers, in document order.
 * @returns Problems, one per finding.
 */
export function checkSegments(questions: readonly Question[], answers: readonly Answer[]): SegmentProblem[] {
  const problems: SegmentProblem[] = [];
  for (const question of questions) {
    const last = question.subItems.at(-1)?.text ?? question.text;
    if (!endsSentence(last)) {
      problems.push(problem('question-not-closed', `Unexpected end of question \`${question.number}\` in \`${tail(last)}\`, expected \`?\` or the end of a sentence`, question.position, question.text));
    }
  }
  const numbers = new Set(questions.map((question) => Number.parseInt(question.number, 10)).filter((number) => Number.isFinite(number)));
  const highest = Math.max(0, ...numbers);
  for (let number = 1; number < highest; number++) {
    if (!numbers.has(number)) {
      const after = questions.find((question) => Number.parseInt(question.number, 10) > number);
      problems.push(problem('question-number-gap', `Unexpected gap in the question numbers, expected question \`${number}\``, after?.position));
    }
  }
  const answered = new Map<string, number>();
  for (const answer of answers) {
    if (answer.text.trim() === '') {
      problems.push(problem('answer-empty', `Unexpected empty answer to question \`${answer.questions.join(', ')}\`, expected its text`, answer.position));
    } else if (MID_SENTENCE_START.test(answer.text)) {
      problems.push(problem('answer-starts-mid-sentence', `Unexpected answer to question \`${answer.questions.join(', ')}\` starting mid-sentence with \`${answer.text.slice(0, 30)}\`, expected the start of a sentence`, answer.position, answer.text.slice(0, 200)));
    }
    // Answers to sub-items answered one by one answer parts, not the question again.
    if (answer.subItem !== undefined) continue;
    for (const number of answer.questions) {
      const count = (answered.get(number) ?? 0) + 1;
      answered.set(number, count);
      if (count === 2) problems.push(problem('question-answered-twice', `Unexpected second answer to question \`${number}\`, expected one answer per question`, answer.position));
    }
  }
  return problems;
}

/**
 * Name the header fields that could not be read.
 *
 * @param meta The header's metadata.
 * @returns Field names; `askers` only where neither members nor a group are named.
 */
export function missingMeta(meta: Meta): string[] {
  return REQUIRED_META.filter((field) => (field === 'askers' ? meta.askers.length === 0 && meta.faction === null : meta[field] === null));
}

/**
 * Make a problem.
 *
 * @param ruleId Its rule.
 * @param reason Its reason.
 * @param position Where, if known.
 * @param text What it is about.
 * @returns The problem.
 */
function problem(ruleId: string, reason: string, position: Position | undefined, text?: string): SegmentProblem {
  return { ruleId, reason, ...(position ? { position } : {}), ...(text === undefined ? {} : { text }) };
}

/**
 * The last words of a text, for a message.
 *
 * @param text The text.
 * @returns At most its last 40 characters.
 */
function tail(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 40 ? `…${trimmed.slice(-40)}` : trimmed;
}
