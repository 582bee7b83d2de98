/**
 * Link the answers of a batch to the question papers they answer. A cheap pre-scan reads the head
 * of every input (a few kilobytes) to learn which file is the paper with which number and which
 * answers answer it; while the batch runs, each answer whose paper is in the batch names the paper's
 * file stem in `meta.answersPaper`, and each of its questions worded otherwise than in the paper gets
 * an info message. Only the questions of papers whose answers are still to come are held, so memory
 * does not grow with the corpus; a paper that comes after its answer is read on the side.
 */
import { open } from 'node:fs/promises';
import type { DrucksacheDocument, Message, Question } from '../src/model.js';
import { ANSWERED_DASHED, OWN_NUMBER } from '../src/segment/header.js';
import { detectKind, headLines } from '../src/segment/kind.js';
import { extractFile } from './batch.js';

/** How much of each input the pre-scan reads. */
const HEAD_BYTES = 4096;

/** What the head of one input says. */
export interface Head {
  /** `question-paper`, `answer`, … */
  kind: ReturnType<typeof detectKind>['kind'];
  /** The paper's own number, `21/180`. */
  own: string | null;
  /** The number of the paper answered, `21/180`. */
  answers: string | null;
}

/**
 * Read what matters for the link from the first lines of a document.
 *
 * @param text The beginning of the document.
 * @returns Kind, own number and the number answered.
 */
export function readHead(text: string): Head {
  const lines = headLines(text);
  const { kind } = detectKind(lines);
  const top = lines.slice(0, 3).join('\n');
  const own = OWN_NUMBER.exec(top);
  const answered = kind === 'answer' ? ANSWERED_DASHED.exec(lines.join('\n')) : null;
  return { kind, own: own ? `${own[1]}/${own[2]}` : null, answers: answered?.[1] ?? null };
}

/**
 * A question's words for comparing two printings: letters and digits only, in lower case, so that
 * line breaks, hyphenation, quotes and spacing do not count.
 *
 * @param question The question.
 * @returns Its comparable form.
 */
export function comparable(question: Pick<Question, 'text'>): string {
  return question.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The info messages for the questions of an answer worded otherwise than in the paper it answers.
 *
 * @param answer The answer.
 * @param paper The paper's questions.
 * @param paperStem The paper's file stem.
 * @returns One message per question that differs.
 */
export function reprintMessages(answer: DrucksacheDocument, paper: ReadonlyArray<Pick<Question, 'number' | 'text'>>, paperStem: string): Message[] {
  const byNumber = new Map(paper.map((question) => [question.number, question]));
  const messages: Message[] = [];
  for (const question of answer.questions) {
    const printed = byNumber.get(question.number);
    if (!printed || comparable(printed) === comparable(question)) continue;
    messages.push({
      severity: 'info',
      ruleId: 'question-reprinted-differently',
      reason: `Unexpected wording of question \`${question.number}\` in the answer, expected the wording of the paper \`${paperStem}\``,
      position: question.position,
      text: `answer: ${question.text}\npaper: ${printed.text}`,
    });
  }
  return messages;
}

/** An input of the batch. */
export interface BatchInput {
  path: string;
  stem: string;
}

/** Links answers to papers while the batch runs. */
export interface Linker {
  /**
   * Note a document of the batch; for an answer whose paper is in the batch, set
   * `meta.answersPaper` and add the messages on reprinted questions.
   *
   * @returns Whether the document was changed.
   */
  link(document: DrucksacheDocument, stem: string): Promise<boolean>;
}

/**
 * Read the first bytes of a file as text, cut at the last line break.
 *
 * @param path The file.
 * @returns Its beginning, or '' where it cannot be read.
 */
async function readStart(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      const bytes = buffer.subarray(0, bytesRead);
      const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
      const text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
      return text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}

/**
 * Pre-scan the heads of a batch and make its linker.
 *
 * @param inputs The batch's inputs (unique stems).
 * @param inputFormat Form to assume when reading a paper on the side.
 * @returns The linker.
 */
export async function scanBatch(inputs: readonly BatchInput[], inputFormat?: 'markdown' | 'text'): Promise<Linker> {
  const papers = new Map<string, BatchInput>();
  const heads = new Map<string, Head>();
  for (const input of inputs) {
    const head = readHead(await readStart(input.path));
    heads.set(input.stem, head);
    if (head.kind === 'question-paper' && head.own !== null && !papers.has(head.own)) papers.set(head.own, input);
  }
  // How many answers of the batch each paper still waits for.
  const waiting = new Map<string, number>();
  for (const [stem, head] of heads) {
    const paper = head.answers === null ? undefined : papers.get(head.answers);
    if (paper && paper.stem !== stem) waiting.set(paper.stem, (waiting.get(paper.stem) ?? 0) + 1);
  }
  const held = new Map<string, Array<Pick<Question, 'number' | 'text'>>>();
  const questionsOf = (document: DrucksacheDocument) => document.questions.map((question) => ({ number: question.number, text: question.text }));
  return {
    async link(document, stem) {
      if ((waiting.get(stem) ?? 0) > 0 && document.meta.answersDrucksache === null) held.set(stem, questionsOf(document));
      const number = document.meta.answersDrucksache;
      const paper = number === null ? undefined : papers.get(number);
      if (!paper || paper.stem === stem) return false;
      document.meta.answersPaper = paper.stem;
      let questions = held.get(paper.stem);
      if (!questions) {
        const side = await extractFile(paper.path, inputFormat);
        questions = side.document ? questionsOf(side.document) : [];
      }
      const left = (waiting.get(paper.stem) ?? 1) - 1;
      waiting.set(paper.stem, left);
      if (left <= 0) held.delete(paper.stem);
      else held.set(paper.stem, questions);
      document.messages.push(...reprintMessages(document, questions, paper.stem));
      document.messages.sort((a, b) => (a.position?.start.offset ?? -1) - (b.position?.start.offset ?? -1));
      return true;
    },
  };
}
