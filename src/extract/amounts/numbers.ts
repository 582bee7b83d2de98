/**
 * The numbers of a section's text, as the amount rules see them: tokens of digits, space-separated
 * thousands groups joined where well formed, URLs left out, and lookups by position.
 */
import { GROUP_SPACE, SCALE_PATTERN, readGermanNumber, type GermanNumber } from './money.js';
import type { Run } from '../../lines/run.js';

/** White space allowed between a number, its scale word and its currency (line breaks included). */
export const GAP = '[ \\u00A0\\u202F\\u2009\\u2007\\n]';

/**
 * A run of digits with dots and commas between them, not glued to a word, a slash or another
 * number. Matches each of: `19`, `610`, `303.361.519,26`, `20.11.2024`, `102,-`
 */
export const NUMBER_TOKEN = /(?<![\p{L}\p{N}_/.,])(?<!\p{L}-)\d+(?:[.,]\d+)*(?:,[-–—](?!\p{N}))?/gu;

/** A token that can lead a space-grouped number: one to three digits. Matches: `19` in `19 610 000` */
export const LEADING_GROUP = /^\d{1,3}$/;

/** A token that continues a space-grouped number: three digits, maybe decimals. Matches: `610`, `559,63` */
const FOLLOWING_GROUP = /^\d{3}(?:,\d+|,[-–—])?$/;

/** A three-digit token that may head a budget title. Matches `687` in: `Titel 687 27` */
const CODE_HEAD = /^\d{3}$/;

/** A two-digit token that ends a budget title. Matches `27` in: `Titel 687 27` */
export const CODE_TAIL = /^\d{2}$/;

/** A token that ends a space-grouped number: it has decimals. Matches: `559,63` */
const GROUP_WITH_DECIMALS = /,/;

/** A large scale word right after a number, with no currency. Matches the tail of: `über 100 Mio. übernommen` */
export const SCALE_AFTER = new RegExp(`${GAP}{0,2}(${SCALE_PATTERN})`, 'uy');

/** Zero, for numbers that could not be read. */
export const ZERO: GermanNumber = { integer: '0', fraction: '', negative: false, grouping: 'none' };

/** A year as printed on its own. Matches: `2023`, `1998` */
export const YEAR = /^(?:19|20)\d{2}$/;

/** A file ending in a URL chunk. Matches: `…-zr-93782481.html` */
const URL_FILE = /\.(?:html?|pdf|php|aspx?|jsp)(?![\p{L}])/u;

/** A number as found in section text: one token or space-joined groups. */
export interface NumberSpan {
  start: number;
  end: number;
  text: string;
  number: GermanNumber | undefined;
  /** Whether thousands groups were joined across spaces. */
  joined: boolean;
}

/**
 * Line breaks joined in section text stay spaces in record text.
 *
 * @param text Text from a run.
 * @returns The text with line feeds made spaces.
 */
export function normalizeSpace(text: string): string {
  return text.replace(/\n/g, ' ');
}

/**
 * Currency forms are matched with any of the group spaces inside; look them up with a plain space.
 *
 * @param form The printed form.
 * @returns The form as listed.
 */
export function normalizeForm(form: string): string {
  return form.replace(new RegExp(GROUP_SPACE.source, 'gu'), ' ');
}

/**
 * Shorten long text for a message.
 *
 * @param text Some text.
 * @returns At most 40 characters of it.
 */
export function quote(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Whether `[start, end)` of a run was printed in one piece (consecutive offsets): no line break
 * was joined and nothing was cut out there.
 *
 * @param offsets The run's offsets.
 * @param start First index.
 * @param end Index after the last.
 * @returns Whether it was.
 */
export function printedGap(offsets: Int32Array, start: number, end: number): boolean {
  for (let i = Math.max(1, start); i <= end && i < offsets.length; i++) {
    if (offsets[i] !== (offsets[i - 1] ?? 0) + 1) return false;
  }
  return true;
}

/** White space as `\s` counts it, which delimits the chunks `urlZones` reads. */
const SPACE = /\s/u;

/**
 * Spans of text that belong to URLs, where numbers are no amounts: chunks between white space that
 * hold `://`, start with `www.`, hold two slashes, or one slash and a file ending. Only the chunks
 * around a slash or a `www.` are looked at, so the words of running text cost nothing.
 *
 * @param text Section text.
 * @returns Sorted `[start, end)` pairs.
 */
export function urlZones(text: string): Array<[number, number]> {
  const zones: Array<[number, number]> = [];
  let from = 0;
  // The next of each, searched again only once passed: a search runs to the end when none is left.
  let slash = -2;
  let www = -2;
  while (from < text.length) {
    if (slash !== -1 && slash < from) slash = text.indexOf('/', from);
    if (www !== -1 && www < from) www = text.indexOf('www.', from);
    const hit = slash < 0 ? www : www < 0 ? slash : Math.min(slash, www);
    if (hit < 0) break;
    let start = hit;
    while (start > from && !SPACE.test(text[start - 1] ?? ' ')) start--;
    let end = hit + 1;
    while (end < text.length && !SPACE.test(text[end] ?? ' ')) end++;
    const chunk = text.slice(start, end);
    let slashes = 0;
    for (let k = chunk.indexOf('/'); k >= 0; k = chunk.indexOf('/', k + 1)) slashes++;
    if (chunk.includes('://') || chunk.startsWith('www.') || slashes >= 2 || (slashes >= 1 && URL_FILE.test(chunk))) zones.push([start, end]);
    from = end;
  }
  return zones;
}

/**
 * Numbers in section text, space-separated thousands groups joined where well formed.
 *
 * @param text Section text.
 * @param zones URL spans to skip.
 * @returns Numbers in text order.
 */
export function numberSpans(run: Run, zones: ReadonlyArray<[number, number]>): NumberSpan[] {
  const { text, offsets } = run;
  const tokens: Array<{ start: number; end: number; text: string }> = [];
  let zone = 0;
  for (const match of text.matchAll(NUMBER_TOKEN)) {
    const start = match.index ?? 0;
    while (zone < zones.length && (zones[zone]?.[1] ?? 0) <= start) zone++;
    const current = zones[zone];
    if (current && current[0] <= start) continue;
    tokens.push({ start, end: start + match[0].length, text: match[0] });
  }
  const spans: NumberSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first) continue;
    let end = first.end;
    let joined = false;
    const previous = tokens[i - 1];
    // `Titel 687 27`: two digits after three are a budget title's tail, no leading group.
    const codeTail = previous !== undefined && CODE_HEAD.test(previous.text) && CODE_TAIL.test(first.text) && printedSpace(text, offsets, previous.end, first.start);
    if (LEADING_GROUP.test(first.text) && !codeTail) {
      for (;;) {
        const next = tokens[i + 1];
        if (!next || !printedSpace(text, offsets, end, next.start) || !FOLLOWING_GROUP.test(next.text)) break;
        end = next.end;
        joined = true;
        i++;
        if (GROUP_WITH_DECIMALS.test(next.text)) break;
      }
    }
    const spanText = text.slice(first.start, end);
    spans.push({ start: first.start, end, text: spanText, number: readGermanNumber(spanText), joined });
  }
  return spans;
}

/**
 * Whether exactly one group space printed on the same line stands between two tokens. A space
 * that joined two lines, or stands where furniture was cut out, has offsets that are not
 * consecutive: numbers in the renderings never wrap, so groups are not joined across it.
 *
 * @param text Section text.
 * @param offsets The run's offsets.
 * @param end End of the first token.
 * @param start Start of the second.
 * @returns Whether the gap is one printed space.
 */
function printedSpace(text: string, offsets: Int32Array, end: number, start: number): boolean {
  if (start !== end + 1 || !GROUP_SPACE.test(text.charAt(end))) return false;
  const before = offsets[end - 1] ?? 0;
  return offsets[end] === before + 1 && offsets[start] === before + 2;
}

/**
 * The number that ends at `end`.
 *
 * @param spans All numbers, in text order.
 * @param end Index after its last character.
 * @returns Its index, or -1.
 */
export function spanEndingAt(spans: readonly NumberSpan[], end: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[middle]?.end ?? 0) < end) low = middle + 1;
    else high = middle;
  }
  return spans[low]?.end === end ? low : -1;
}

/**
 * The numbers inside `[start, end)`.
 *
 * @param spans All numbers, in text order.
 * @param start Start of the range.
 * @param end End of the range.
 * @returns Their indexes.
 */
export function spansWithin(spans: readonly NumberSpan[], start: number, end: number): number[] {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[middle]?.start ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  const within: number[] = [];
  for (let index = low; index < spans.length && (spans[index]?.end ?? end + 1) <= end; index++) within.push(index);
  return within;
}
