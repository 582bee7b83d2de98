/**
 * Join printed lines into running text: line breaks inside a sentence become spaces, words
 * hyphenated across a line break are rejoined (real hyphens kept), URLs broken across lines are
 * rebuilt, and paragraph ends become line feeds.
 */
import type { Line } from '../lines/lines.js';
import { concatRuns, pointRun, subRun, trimRun, type Run } from '../lines/run.js';

/** A word hyphenated at the line end: `Landesre-`. The hyphen follows a letter. */
export const LINE_END_HYPHEN = /\p{L}-$/u;

/** A continuation in lower case: `gierung`. */
export const LOWER_START = /^\p{Ll}/u;

/** A suspended compound before a conjunction keeps its hyphen and the space: `Bundes-` / `und Landesministerien`. */
export const CONJUNCTION_START = /^(?:und|oder|bzw\.|sowie|als auch|wie)\s/;

/** The last token of a line is (part of) a URL: `www.merkur.de/`, `https://…`. */
export const URL_TAIL = /(?:https?:\/\/|www\.)\S*$/;

/** A token that continues a URL on the next line: holds URL punctuation (`g/externe`, `?__blob=`, `Docs/downloads`). */
export const URL_CONTINUATION = /^[\w\-.~%]*[/?=&#_][^\s]*/;

/** A URL that ends with sentence punctuation is complete: `…html).` */
export const URL_CLOSED = /[).,;:!]$/;

/** Sentence-final punctuation at a line end: a paragraph may end here. */
export const SENTENCE_END = /[.!?:;][“”")]*$/u;

/** Lines shorter than this that end a sentence end their paragraph (the renderings wrap near 80). */
const SHORT_LINE = 55;

/**
 * Join lines into one run.
 *
 * @param lines The lines, in order.
 * @param format The input form: Markdown blocks are paragraphs already.
 * @returns The running text.
 */
export function joinLines(lines: readonly Line[], format: 'markdown' | 'text'): Run {
  const parts: Run[] = [];
  let previous: Run | undefined;
  for (const line of lines) {
    const run = trimRun(line.run);
    if (run.text === '') continue;
    if (!previous) {
      parts.push(run);
      previous = run;
      continue;
    }
    const at = run.offsets[0] ?? 0;
    if (format === 'markdown' || line.kind === 'tableRow') {
      // A paragraph split by a page break: the first part ends mid-sentence, the second goes on in lower case.
      const split = line.kind === 'paragraph' && !SENTENCE_END.test(previous.text) && !/[,)“”"]$/u.test(previous.text) && LOWER_START.test(run.text);
      parts.push(pointRun(split ? ' ' : '\n', at), run);
      previous = run;
      continue;
    }
    const before = previous.text;
    const next = run.text;
    const tail = URL_TAIL.exec(before);
    if (tail && !URL_CLOSED.test(before) && (/[/\-_.]$/.test(before) || URL_CONTINUATION.test(next))) {
      // A URL broken across lines: rebuild it without a space.
      parts.push(run);
    } else if (LINE_END_HYPHEN.test(before) && LOWER_START.test(next) && !CONJUNCTION_START.test(next)) {
      // A word hyphenated across the break: drop the hyphen.
      const last = parts.pop();
      if (last) parts.push(subRun(last, 0, last.text.length - 1));
      parts.push(run);
    } else if (LINE_END_HYPHEN.test(before) && !CONJUNCTION_START.test(next)) {
      // A real hyphen at the break (`Bund-` / `Länderbürgschaften`): keep it, no space.
      parts.push(run);
    } else if (line.blankBefore || (SENTENCE_END.test(before) && before.length < SHORT_LINE)) {
      parts.push(pointRun('\n', at), run);
    } else {
      parts.push(pointRun(' ', at), run);
    }
    previous = run;
  }
  return concatRuns(parts);
}
