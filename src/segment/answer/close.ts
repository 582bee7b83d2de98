/**
 * Where a printed question ends. A question mark closes it; a full stop closes it only where it ends
 * a sentence: after an abbreviation (`bzw.`, `z. B.`), an ordinal or a day (`zum 31.`, `der 20.`) or
 * inside a URL the line ends but the sentence goes on.
 */

/** A question's last line: ends with a question mark, maybe inside quotes or parentheses. */
export const QUESTION_END = /\?[“”")\]]*\s*$/u;

/**
 * Abbreviations that end in a full stop without ending the sentence, as printed at a line end:
 * `… Berechnungen für belastbar bzw.`, `… (vgl.`, `… die sog.`, `… von 19 Mio.`. Common German
 * abbreviations of official writing (Duden, "Abkürzungen"); a single letter with a full stop
 * (`z.` of `z. B.`, `u.` of `u. a.`) counts as one too.
 */
export const ABBREVIATIONS: readonly string[] = [
  'Abs', 'Abschn', 'Anl', 'Art', 'Aufl', 'Az', 'Bd', 'Bsp', 'Buchst', 'Dr', 'Hrsg', 'Jh', 'Kap', 'Mio', 'Mrd',
  'Nr', 'Prof', 'Rn', 'Rz', 'St', 'Tab', 'Tsd', 'Ziff', 'abzgl', 'bspw', 'bzgl', 'bzw', 'ca', 'ders', 'dgl',
  'etc', 'evtl', 'ff', 'gem', 'ggf', 'ggü', 'inkl', 'insb', 'insbes', 'jew', 'max', 'mind', 'sog', 'tlw',
  'usw', 'vgl', 'zzgl', 'zB', 'Jan', 'Feb', 'Aug', 'Sep', 'Sept', 'Okt', 'Nov', 'Dez',
];

/** Lower-cased, for lookup. */
const ABBREVIATION_SET = new Set(ABBREVIATIONS.map((word) => word.toLowerCase()));

/** The last word of a line and its full stop: `… Stichtagen 31.` → `31`, `… bzw.` → `bzw`, `(vgl.` → `vgl`. */
export const LAST_DOTTED_TOKEN = /(?:^|[\s(„“"[/])([\p{L}\d]{1,12})\.[“”")\]]*\s*$/u;

/** A number grouped in thousands at a line end, its full stop the sentence's: `2024: 197 608.`, `1 417.` */
export const GROUPED_NUMBER_END = /\d[ \u00A0\u202F]\d{3}\.\s*$/u;

/** A URL as the last token of a line: `www.youtube.com/watch?`, `https://www.bmi.de/`. */
export const URL_AT_END = /(?:^|\s|\()(?:https?:\/\/|www\.)\S*$/u;

/** A line that goes on a URL: holds URL punctuation and no space before it (`v=abc123)?`). */
export const URL_GOES_ON = /^[\w\-.~%]*[/?=&#_%][^\s]*/u;

/**
 * Whether a line's final full stop belongs to an abbreviation, an ordinal or a date, so that the
 * sentence goes on in the next line.
 *
 * @param text The line.
 * @returns True for `… bzw.`, `… zum 31.`, `… (z.`, `… 19 Mio.`; false for `… aufschlüsseln).`, `… 2024.`
 */
export function endsInAbbreviation(text: string): boolean {
  const token = LAST_DOTTED_TOKEN.exec(text)?.[1];
  if (!token) return false;
  // Ordinals and days (`31.`, `20.`); a four-digit year ends a sentence (`… im Jahr 2024.`), and so
  // does a number grouped in thousands (`… 2024: 197 608.`).
  if (/^\d{1,3}$/.test(token)) return !GROUPED_NUMBER_END.test(text);
  if (/^\p{L}$/u.test(token)) return true;
  return ABBREVIATION_SET.has(token.toLowerCase());
}

/**
 * Whether a line closes a sentence: it ends in `.` or `!` that is not an abbreviation's, or in `?`.
 *
 * @param text The line.
 * @returns True if a sentence ends here.
 */
export function endsSentence(text: string): boolean {
  if (QUESTION_END.test(text)) return true;
  if (!/[.!][“”")\]]*\s*$/u.test(text)) return false;
  return !endsInAbbreviation(text) && !URL_AT_END.test(text);
}

/**
 * Whether a line closes a question: it ends in a question mark that is not part of a URL going on
 * in the next line (`… (www.youtube.com/watch?` / `v=abc)?`).
 *
 * @param text The line.
 * @param next The line after it, if any.
 * @returns True if the question ends here.
 */
export function closesQuestion(text: string, next: string | undefined): boolean {
  if (!QUESTION_END.test(text)) return false;
  if (/\?\s*$/.test(text) && URL_AT_END.test(text) && next !== undefined && URL_GOES_ON.test(next.trim())) return false;
  return true;
}
