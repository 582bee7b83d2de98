/**
 * Annexes after the imprint. A Bundestag paper ends with its imprint (`Gesamtherstellung: …`,
 * `Vertrieb: …`, `ISSN 0722-8333`) on its last page; the full-text rendering then goes on with the
 * annexes (`Anlage 1 zu …`), mostly tables whose layout the rendering lost. Without a heading of its
 * own, such an annex runs on inside the last answer: a 3 MB answer text of table cells.
 *
 * This stage moves it out: the answer ends where the imprint starts, and the annex becomes a message
 * (`annex-after-imprint`) with its text and position, so nothing is lost and the answer holds only
 * what answers. The records found inside the annex (amounts, entities, dates) stay, with the answer
 * as their section.
 */
import type { Answer, Furniture, Message } from '../model.js';
import type { Locator } from '../lines/run.js';
import { runPosition } from '../lines/run.js';
import type { Section } from '../lines/section.js';

/** What moving the annexes gives: the answers, trimmed where needed, and a message per annex. */
export interface AnnexResult {
  answers: Answer[];
  messages: Message[];
}

/** White space at the end of a text: the line feed before the imprint. */
const TRAILING_SPACE = /\s+$/u;

/** One white-space character: the space before `Anlage 1` where the imprint was cut out. */
const SPACE = /\s/u;

/**
 * Move the text after the imprint out of the answers that run past it.
 *
 * @param answers The answers, in document order.
 * @param sections The sections, whose runs map the answers' text back to the input.
 * @param furniture The furniture cut out of the flow (the imprint among it).
 * @param locator Maps input offsets to positions.
 * @returns The answers (the same objects where nothing moved) and one info message per annex.
 */
export function moveAnnexes(answers: readonly Answer[], sections: readonly Section[], furniture: readonly Furniture[], locator: Locator): AnnexResult {
  // The imprint's last line ends the paper (`ISSN …`); a line earlier in the paper taken for the
  // imprint (a table cell `Druck:`) must not cut an answer short.
  const imprint = furniture.filter((piece) => piece.kind === 'imprint').at(-1);
  if (!imprint) return { answers: [...answers], messages: [] };
  const at = imprint.position.end.offset;
  const runs = new Map(sections.map((section) => [section.id, section.run]));
  const messages: Message[] = [];
  const moved = answers.map((answer) => {
    const run = runs.get(answer.id);
    if (!run || answer.position.start.offset >= at || answer.position.end.offset <= at) return answer;
    const text = run.text.replace(TRAILING_SPACE, '');
    let cut = firstIndexAfter(run.offsets, at);
    while (cut < text.length && SPACE.test(text.charAt(cut))) cut++;
    // The answer's text is the end of its section's run (an announcing sentence may be left out).
    if (cut >= text.length || !text.endsWith(answer.text)) return answer;
    const kept = answer.text.slice(0, answer.text.length - (text.length - cut)).replace(TRAILING_SPACE, '');
    const annex = text.slice(cut);
    const start = text.length - answer.text.length;
    messages.push({
      severity: 'info',
      ruleId: 'annex-after-imprint',
      reason: `Unexpected text of \`${annex.length}\` characters after the imprint in answer \`${answer.id}\`, expected the answer to end before the imprint: an annex, moved out of the answer`,
      position: runPosition(locator, run, cut, text.length),
      text: annex,
    });
    return {
      ...answer,
      text: kept,
      position: kept === '' ? answer.position : runPosition(locator, run, start, start + kept.length),
      references: answer.references.filter((reference) => reference.position.start.offset < imprint.position.start.offset),
    };
  });
  return { answers: moved, messages };
}

/**
 * The first index whose input offset is at or after a given offset. A linear scan: footnotes moved
 * out of a sentence leave the offsets out of order.
 *
 * @param offsets A run's offsets.
 * @param offset The input offset.
 * @returns The index, or the length when none is.
 */
function firstIndexAfter(offsets: Int32Array, offset: number): number {
  const index = offsets.findIndex((value) => value >= offset);
  return index < 0 ? offsets.length : index;
}
