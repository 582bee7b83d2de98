/**
 * Announced joint answers: the sentence with which an answer says that it answers several questions
 * together (`Die Fragen 12 und 13 werden im Zusammenhang beantwortet.`, `Wegen des inhaltlichen
 * Zusammenhangs werden die Fragen 7 und 8 zusammen beantwortet`), wherever it stands in the answer.
 */
import { endsInAbbreviation } from './close.js';

/** Numbers of questions as an announcement prints them: `12 und 13`, `1 bis 2b`, `1, 4, bis 7 und 12`, `1) bis 10)`. */
const ANNOUNCED_NUMBERS = String.raw`\d{1,3}[a-z]?\)?(?:(?:\s*,\s*(?:bis\s+)?|\s+und\s+|\s+sowie\s+|\s+bis\s+|\s*[–-]\s*)\d{1,3}[a-z]?\)?)*`;

/** Questions named in a sentence: `Fragen 12 und 13`, `Fragen zu 4 und 5`, `Fragen47 und 48`, `Frage 13 und 14`. */
export const NAMED_QUESTIONS = new RegExp(String.raw`\bFragen?\s*(?:zu\s+)?(${ANNOUNCED_NUMBERS})`, 'gu');

/** Words that say the questions are answered together: `gemeinsam`, `zusammen`, `im Sachzusammenhang`, `gesammelt`. */
export const TOGETHER = /\bgemeinsa|\bzusammen|[Zz]usammenhang|\bgesammelt|\bgebündelt/u;

/** The verb of an announcement: `beantwortet`, `beantworten`. */
export const ANSWERED = /\bbeantwort\p{L}*/u;

/** What may follow the verb up to the sentence's end: ` werden:`, `.`, ` worden.` */
export const VERB_CLOSE = /^(?:\s+(?:werden|worden|wird))?(?:\s*[.:])?/u;

/** How far a sentence may reach on either side of the questions it names. */
const SENTENCE_REACH = 240;

/** An announcement found in an answer. */
export interface Announcement {
  /** Index of the sentence's first character in the answer's text. */
  start: number;
  /** Index after the sentence (its full stop or colon included). */
  end: number;
  /** Top-level numbers of the questions it names. */
  numbers: string[];
  /** Whether it only says that they are answered together (`gemeinsam`), rather than answering them. */
  together: boolean;
}

/**
 * Find the sentence that announces a joint answer, naming at least one of the questions answered.
 *
 * @param text The answer's text.
 * @param answered Numbers of the questions printed before the answer.
 * @returns The first announcement, or undefined.
 */
export function findAnnouncement(text: string, answered: readonly string[]): Announcement | undefined {
  for (const match of text.matchAll(NAMED_QUESTIONS)) {
    const numbers = expandNumbers(match[1] ?? '');
    if (!/\s(?:und|bis|sowie)\s|[,–-]/u.test(match[1] ?? '')) continue;
    if (!numbers.some((number) => answered.includes(number))) continue;
    const start = sentenceStart(text, match.index);
    const end = sentenceEnd(text, match.index + match[0].length);
    const sentence = text.slice(start, end);
    // An answer that opens with the sentence (`Die Fragen 25 bis 31 können … nicht beantwortet werden.`)
    // joins the questions by it, where the sentence begins with them; further on it must say so (`gemeinsam`, `im Zusammenhang`).
    const verb = ANSWERED.exec(sentence);
    if (!verb || (!TOGETHER.test(sentence) && (text.slice(0, start).trim() !== '' || !/^(?:Die\s+)?$/u.test(text.slice(start, match.index))))) continue;
    // The sentence ends with its verb (`… zusammen beantwortet` / `Auf die Antwort …` has no full stop between).
    const after = start + verb.index + verb[0].length;
    const close = VERB_CLOSE.exec(text.slice(after, end))?.[0].length ?? 0;
    return { start, end: after + close, numbers, together: TOGETHER.test(sentence) };
  }
  return undefined;
}

/**
 * Where the sentence around an index begins: after a full stop, question mark or colon and a space, or a line feed.
 *
 * @param text The text.
 * @param at An index inside the sentence.
 * @returns The sentence's first index.
 */
function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i >= Math.max(0, at - SENTENCE_REACH); i--) {
    const char = text.charAt(i);
    if (char === '\n') return i + 1;
    if ((char === '.' || char === '?' || char === '!' || char === ':') && /\s/.test(text.charAt(i + 1)) && !/\d/.test(text.charAt(i - 1))) return i + 2;
  }
  return at - SENTENCE_REACH > 0 ? at : 0;
}

/**
 * Where the sentence from an index ends: after its full stop or colon, or at a line feed.
 *
 * @param text The text.
 * @param from An index inside the sentence.
 * @returns The index after the sentence.
 */
function sentenceEnd(text: string, from: number): number {
  const stop = Math.min(text.length, from + SENTENCE_REACH);
  for (let i = from; i < stop; i++) {
    const char = text.charAt(i);
    if (char === '\n') return i;
    if ((char === '.' || char === ':') && (i + 1 >= text.length || /\s/.test(text.charAt(i + 1))) && !endsInAbbreviation(text.slice(Math.max(from, i - 16), i + 1))) return i + 1;
  }
  return stop;
}

/**
 * Expand a printed number list: `4 bis 6b` → 4, 5, 6; `14 und 15` → 14, 15; `1, 4, bis 7` → 1, 4, 5, 6, 7.
 *
 * A range ending in a sub-item maps to top-level numbers.
 *
 * @param list The printed list.
 * @returns Top-level question numbers.
 */
export function expandNumbers(list: string): string[] {
  const numbers: string[] = [];
  const tokens = list.replace(/(?<=\d[a-z]?)\)/g, '').replace(/,\s*bis\s+/g, ' bis ').split(/\s*,\s*|\s+und\s+|\s+sowie\s+/);
  for (const token of tokens) {
    const range = /^(\d+)[a-z]?\s*(?:bis|[–-])\s*(\d+)[a-z]?$/.exec(token.trim());
    if (range?.[1] && range[2]) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      for (let n = from; n <= to && n - from < 200; n++) numbers.push(String(n));
      continue;
    }
    const single = /^(\d+)/.exec(token.trim());
    if (single?.[1]) numbers.push(single[1]);
  }
  return [...new Set(numbers)];
}

/**
 * The questions an announcement names whole, not by one of their sub-items: `Die Fragen 18a und 19 …` → 19;
 * `Die Fragen 4 bis 6b …` → 4, 5, 6.
 *
 * @param sentence The announcement.
 * @returns Top-level question numbers.
 */
export function wholeNumbers(sentence: string): string[] {
  const numbers: string[] = [];
  for (const match of sentence.matchAll(NAMED_QUESTIONS)) {
    const list = (match[1] ?? '').replace(/(?<=\d[a-z]?)\)/g, '').replace(/,\s*bis\s+/g, ' bis ');
    for (const token of list.split(/\s*,\s*|\s+und\s+|\s+sowie\s+/)) {
      if (/^\d+[a-z]$/.test(token.trim())) continue;
      numbers.push(...expandNumbers(token));
    }
  }
  return [...new Set(numbers)];
}
