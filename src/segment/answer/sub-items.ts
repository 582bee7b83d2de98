/**
 * Sub-items of a question (`a) …`, `b) …`): where each ends, and the sub-items that an answer prints
 * one by one, each followed by its own answer (`8. …? Antwort. a) …? Antwort zu a. b) …?`).
 */
import type { Line } from '../../lines/lines.js';
import { closesQuestion, endsSentence, QUESTION_END } from './close.js';

/** A sub-item: `a) den Prinzipien …`, `aa) …`, past `zz)` a letter three or four times (`lll) …`, `yyyy) …`). In Markdown the bullet is gone already. */
export const SUB_ITEM = /^\s*([a-z]{1,2}|([a-z])\2{2,3})\)\s+/u;

/** A line that stops mid-sentence: it ends with a word in lower case (`… seit Beginn der`, `… und weiteren,`). */
export const OPEN_SENTENCE = /(?:^|\s)\p{Ll}[\p{Ll}-]*,?\s*$/u;

/** A sub-item that closes with a comma or a conjunction, the sentence going on in the next sub-item: `a) Zuwanderer,`, `b) Kinderzuschuss sowie`. */
export const CLAUSE_END = /(?:[,;]|\s(?:sowie|und|oder|bzw\.))\s*$/u;

/**
 * Words that open an answer's first sentence after a sub-item closed by a comma: articles,
 * pronouns, prepositions and the short answers (`Die nachstehende Tabelle …`, `Es wird auf …`,
 * `Im Berichtsjahr …`, `Entfällt.`). A question's wrapped line goes on with a noun or a lower-case word.
 */
export const ANSWER_OPENER = /^\s*(?:Der|Die|Das|Dem|Den|Des|Ein|Eine|Einer|Eines|Es|Sie|Er|Diese[rsnm]?|Hierzu|Dazu|Hierfür|Hierbei|Im|In|Auf|Nach|Zu|Zur|Zum|Mit|Bei|Für|Von|Vom|Seit|Aus|Über|Unter|Gemäß|Laut|Aufgrund|Insgesamt|Derzeit|Bislang|Bisher|Ja|Nein|Entfällt|Keine|Nicht|Gegenüber|Nachdem|Soweit|Sofern|Angaben (?:der|des|zu|im|aus))\b/u;

/** A sub-item that closes with a semicolon, the separator of a list, so that no line of it follows: `a) Abschluss des Artenschutzgutachtens;`. */
export const LIST_SEPARATOR_END = /;\s*$/u;

/** The verb that closes a reference sentence, its full stop left out by the paper: `… wird auf die Antwort zu Frage 4 verwiesen`. */
export const REFERENCE_CLOSE = /\bverwiesen\s*$/u;

/** Opening quotes and parentheses, and their closing ones (German `„…“`, also `»…«`). */
const OPENERS = '„»(';
const CLOSERS = '“«)';

/** How many lines a sub-item may run before it closes. */
const SUB_ITEM_REACH = 32;

/** How a sub-item ends. */
export interface SubItemEnd {
  /** Index of its last line. */
  last: number;
  /** What closed it: a question mark, a full stop, a comma before an answer, the next sub-item or question. */
  by: 'question' | 'sentence' | 'clause' | 'next' | 'reach';
}

/**
 * Find where a sub-item that starts at line `start` ends.
 *
 * @param lines All lines.
 * @param start Index of its first line (the one with the label).
 * @param limit Index of the first line it cannot reach (the next question).
 * @returns Its last line and what closed it.
 */
export function subItemEnd(lines: readonly Line[], start: number, limit: number): SubItemEnd {
  const stop = Math.min(limit, start + SUB_ITEM_REACH);
  const label = SUB_ITEM.exec(lines[start]?.run.text ?? '')?.[1];
  // Quotes and parentheses still open: a semicolon inside them (`„Grundsatzfragen und Strategien;` / `Koordinierung“`) separates nothing.
  let open = 0;
  for (let k = start; k < stop; k++) {
    const text = lines[k]?.run.text ?? '';
    const next = k + 1 < limit ? lines[k + 1]?.run.text : undefined;
    for (const char of k === start ? text.replace(SUB_ITEM, '') : text) open += OPENERS.includes(char) ? 1 : CLOSERS.includes(char) ? -1 : 0;
    if (closesQuestion(text, next)) return { last: k, by: 'question' };
    if (next === undefined || SUB_ITEM.test(next)) return { last: k, by: 'next' };
    if (endsSentence(text)) return { last: k, by: 'sentence' };
    if (LIST_SEPARATOR_END.test(text) && open <= 0) return { last: k, by: 'clause' };
    if (CLAUSE_END.test(text) && (ANSWER_OPENER.test(next) || (open <= 0 && answeredBeforeNext(lines, k + 1, limit, label)))) return { last: k, by: 'clause' };
  }
  return { last: Math.max(start, stop - 1), by: 'reach' };
}

/**
 * Whether the lines after a sub-item closed by a comma are its answer: they start with a capital,
 * and the line before the next sub-item in sequence closes a sentence. A list of sub-items goes on
 * with a comma or a conjunction up to its question mark; a full stop before the next label ends an
 * answer (`a) absolut,` / `Passagierflüge … 2024: 197 608.` / `b) in Prozent …`).
 *
 * @param lines All lines.
 * @param from Index of the line after the comma.
 * @param limit Index of the first line it cannot reach (the next question).
 * @param label The sub-item's label.
 * @returns True if an answer stands there.
 */
function answeredBeforeNext(lines: readonly Line[], from: number, limit: number, label: string | undefined): boolean {
  if (label === undefined || !CAPITAL_START.test(lines[from]?.run.text ?? '')) return false;
  const stop = Math.min(limit, from + SUB_ITEM_REACH);
  for (let j = from; j < stop; j++) {
    const text = lines[j]?.run.text ?? '';
    const next = SUB_ITEM.exec(text)?.[1];
    if (next !== undefined) return j > from && next === nextLabel(label) && endsSentence(lines[j - 1]?.run.text ?? '');
    if (QUESTION_END.test(text)) return false;
  }
  return false;
}

/** A line that starts with a capital letter (a new sentence, or a noun). */
const CAPITAL_START = /^\s*\p{Lu}/u;

/** The letter after a sub-item label: `a` → `b`; `aa` → `bb`. */
export function nextLabel(label: string | undefined): string {
  if (label === undefined) return 'a';
  const code = label.charCodeAt(0) + 1;
  return String.fromCharCode(code).repeat(label.length);
}

/** Sub-items printed inside an answer: their lines, labels and how the last of them closed. */
export interface SubItemGroup {
  /** Index of the first line. */
  from: number;
  /** Index after the last line. */
  to: number;
  /** Each sub-item's label and first line. */
  items: Array<{ label: string; index: number }>;
  /** Whether a comma, not a question mark, closed the last one (the layout cannot be sure). */
  uncertain: boolean;
}

/**
 * Find the sub-items that an answer region prints one by one between the answers.
 *
 * A line counts when it carries a label that fits after the question's own sub-items (see `fits`),
 * does not continue an open sentence, and closes as a question within a few lines (with a question
 * mark, or with a comma before the answer's first sentence, where the sub-items make one sentence).
 *
 * @param lines All lines.
 * @param from Index of the region's first line (after the question).
 * @param to Index after its last line (the next question).
 * @param used Labels of the question's sub-items so far.
 * @returns Groups of consecutive sub-items, in order.
 */
export function subItemsInAnswer(lines: readonly Line[], from: number, to: number, used: readonly string[]): SubItemGroup[] {
  const groups: SubItemGroup[] = [];
  const seen = new Set(used);
  const labelAt = (k: number): string | undefined => {
    const line = lines[k];
    const label = line && line.kind !== 'tableRow' ? SUB_ITEM.exec(line.run.text)?.[1] : undefined;
    return label !== undefined && fits(label, seen) ? label : undefined;
  };
  for (let k = from + 1; k < to; k++) {
    const label = labelAt(k);
    const before = lines[k - 1]?.run.text ?? '';
    if (label === undefined || (OPEN_SENTENCE.test(before) && !REFERENCE_CLOSE.test(before))) continue;
    // Consecutive sub-items; the group counts when its last one closes as a question does.
    const items: SubItemGroup['items'] = [];
    let current: string | undefined = label;
    let at = k;
    let end = subItemEnd(lines, at, to);
    while (current !== undefined && end.by !== 'sentence' && end.by !== 'reach') {
      items.push({ label: current, index: at });
      seen.add(current);
      if ((end.by !== 'next' && end.by !== 'question') || end.last + 1 >= to) break;
      current = labelAt(end.last + 1);
      if (current === undefined) break;
      at = end.last + 1;
      end = subItemEnd(lines, at, to);
    }
    if (items.length === 0 || (end.by !== 'question' && end.by !== 'clause')) {
      for (const item of items) seen.delete(item.label);
      continue;
    }
    groups.push({ from: k, to: end.last + 1, items, uncertain: end.by === 'clause' });
    k = end.last;
  }
  return groups;
}

/** How far past the next label in sequence a sub-item may stand (`a)`, `c)`, then `b)`). */
const LABEL_SKIP = 2;

/**
 * Whether a label can be the question's next sub-item: not used yet, of the same form (`a`, `aa`),
 * and at most a couple of letters past the next one in sequence (papers answer them out of order).
 *
 * @param label The label.
 * @param seen Labels the question has.
 * @returns True if it fits.
 */
function fits(label: string, seen: ReadonlySet<string>): boolean {
  if (seen.has(label)) return false;
  const labels = [...seen];
  const highest = labels.sort().at(-1);
  if (highest !== undefined && highest.length !== label.length) return false;
  return label.charCodeAt(0) <= nextLabel(highest).charCodeAt(0) + LABEL_SKIP;
}
