/**
 * Join printed lines into running text: line breaks inside a sentence become spaces, words
 * hyphenated across a line break are rejoined (real hyphens kept), URLs broken across lines are
 * rebuilt, and paragraph ends become line feeds.
 */
import type { Line } from '../lines/lines.js';
import { concatRuns, pointRun, subRun, trimRun, type Run } from '../lines/run.js';

/** A word hyphenated at the line end: `Landesre-`. The hyphen follows a letter. */
export const LINE_END_HYPHEN = /\p{L}-$/u;

/** A hyphen at the line end after a letter or digit that stays where the next line is no word's rest: `Bund-` / `Länder`, `D1-` / `Führerschein`. */
export const KEPT_HYPHEN = /[\p{L}\p{N}]-$/u;

/** A continuation in lower case: `gierung`. */
export const LOWER_START = /^\p{Ll}/u;

/** A suspended compound before a conjunction keeps its hyphen and the space: `Bundes-` / `und Landesministerien`. */
export const CONJUNCTION_START = /^(?:und|oder|bzw\.|sowie|als auch|wie)\s/;

/** The last token of a line is (part of) a URL: `www.merkur.de/`, `https://…`. */
export const URL_TAIL = /(?:https?:\/\/|www\.)\S*$/;

/** A token that continues a URL on the next line: holds URL punctuation (`g/externe`, `?__blob=`, `Docs/downloads`, `A%20D%C3%A4nen`). */
export const URL_CONTINUATION = /^[\w\-.~]*[/?=&#_%][^\s]*/;

/** An address whose path is cut inside a word of its slug: `www.agrarheute.com/…-rote-gebiete-bess`, `…/mais/11`. */
export const URL_PATH_CUT = /\/[^/\s]*[\p{L}\p{N}]$/u;

/**
 * The rest of a slug word cut at the line end, up to the parenthesis that closes the address:
 * `er-differenzieren-563756)?`, `r-statussymbole-sind.html)?`, `fung-von-Momentanreserve)?`, `34241)?`, `hren)?` (not `und`, not `Die`,
 * not a sub-item's label `a)`, `lll)`).
 */
export const URL_SLUG_REST = /^[\p{Ll}\p{N}][\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+)+\)?[.,;:?!]?$|^(?!([a-z])\1{2,3}\))[\p{Ll}\p{N}]{3,}\)[.,;:?!]?$/u;

/**
 * Pairs of consonants that begin words of German, English or the languages their loanwords come
 * from (`Stra…`, `Pflege`, `Schrift`, `psycho`, `Rhein`, `Zwang`, `Khan`); a lower-case word that
 * begins with another pair (`rgeld…`, `ndes…`, `tzung`) is the rest of a word cut at the line end.
 */
const WORD_ONSETS = new Set(['bl', 'br', 'ch', 'cl', 'cr', 'dj', 'dr', 'dw', 'dz', 'fj', 'fl', 'fr', 'gh', 'gl', 'gn', 'gr', 'gw', 'kh', 'kl', 'kn', 'kr', 'kw', 'mn', 'pf', 'ph', 'pl', 'pn', 'pr', 'ps', 'pt', 'rh', 'sc', 'sh', 'sk', 'sl', 'sm', 'sn', 'sp', 'sq', 'st', 'sv', 'sw', 'sz', 'th', 'tr', 'ts', 'tw', 'vl', 'vr', 'wh', 'wr', 'zh', 'zw']);

/** Letters that are vowels for {@link cutWordRest}. */
const VOWELS = /[aeiouyäöü]/u;

/**
 * Whether a token is the rest of a word cut at the line end: lower-case letters that begin with two
 * consonants no word begins with. Matches: `rgeldvernichtung`, `ndesamt`; not `sowie`, `straße`,
 * `abgerufen`.
 *
 * @param token The first token of a line.
 * @returns True for the rest of a cut word.
 */
export function cutWordRest(token: string): boolean {
  if (!/^\p{Ll}{3,}$/u.test(token)) return false;
  const first = token.charAt(0);
  const second = token.charAt(1);
  return !VOWELS.test(first) && !VOWELS.test(second) && !WORD_ONSETS.has(first + second);
}

/** A token that only starts an address, so the next line goes on with it: `www.`, `https://`, `(vgl. www.`. */
export const URL_ONLY_START = /^\(?(?:https?:\/\/|www\.)$/u;

/** An address printed without scheme or `www.`: a domain and a path, `cedos.org.ua/en/resea`, `handelsblatt.com/politik/…`. */
export const URL_BARE = /^\(?[\p{Ll}\p{N}][\p{Ll}\p{N}-]*(?:\.[\p{Ll}\p{N}-]+)*\.[a-z]{2,6}\//u;

/** An address cut where it cannot end: after `/`, `-`, `_`, `.`, `%` or inside a percent escape (`…konkret%2` / `0bei,…`). */
export const URL_OPEN_END = /(?:[/\-_.%]|%[0-9A-Fa-f])$/u;

/** A domain cut before its path, printed without scheme or `www.`: `tribune.com.p` (/ `k/story/…`), `de.euronew` (/ `s.com/my-e…`). */
export const DOMAIN_CUT = /^\(?[\p{Ll}\p{N}-]+(?:\.[\p{Ll}\p{N}-]+)*\.\p{Ll}+$/u;

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
  // The last word of the text so far, across lines joined without a space: an address broken over
  // three lines still is one at the end of the second.
  let token = '';
  for (const line of lines) {
    const run = trimRun(line.run);
    if (run.text === '') continue;
    if (!previous) {
      parts.push(run);
      previous = run;
      token = lastToken(run.text);
      continue;
    }
    const at = run.offsets[0] ?? 0;
    if (format === 'markdown' || line.kind === 'tableRow') {
      // A paragraph split by a page break: the first part ends mid-sentence, the second goes on in lower case.
      const split = line.kind === 'paragraph' && !SENTENCE_END.test(previous.text) && !/[,)“”"]$/u.test(previous.text) && LOWER_START.test(run.text);
      parts.push(pointRun(split ? ' ' : '\n', at), run);
      previous = run;
      token = lastToken(run.text);
      continue;
    }
    const before = previous.text;
    const next = run.text;
    const url = URL_ONLY_START.test(token) || ((URL_TAIL.test(token) || URL_BARE.test(token)) && !URL_CLOSED.test(before));
    let glued = true;
    const domain = DOMAIN_CUT.test(token) && URL_CONTINUATION.test(next) && firstToken(next).includes('/');
    if (domain || (url && (URL_OPEN_END.test(before) || URL_CONTINUATION.test(next) || (URL_PATH_CUT.test(token) && (URL_SLUG_REST.test(firstToken(next)) || cutWordRest(firstToken(next))))))) {
      // A URL broken across lines: rebuild it without a space.
      parts.push(run);
    } else if (LINE_END_HYPHEN.test(before) && LOWER_START.test(next) && !CONJUNCTION_START.test(next)) {
      // A word hyphenated across the break: drop the hyphen.
      const last = parts.pop();
      if (last) parts.push(subRun(last, 0, last.text.length - 1));
      parts.push(run);
    } else if (KEPT_HYPHEN.test(before) && !CONJUNCTION_START.test(next)) {
      // A real hyphen at the break (`Bund-` / `Länderbürgschaften`, `CO2-` / `Minderung`): keep it, no space.
      parts.push(run);
    } else if (line.blankBefore || (SENTENCE_END.test(before) && before.length < SHORT_LINE)) {
      parts.push(pointRun('\n', at), run);
      glued = false;
    } else {
      parts.push(pointRun(' ', at), run);
      glued = false;
    }
    token = glued && !/\s/.test(next) ? token + next : lastToken(next);
    previous = run;
  }
  return concatRuns(parts);
}

/**
 * The last white-space-free token of a text.
 *
 * @param text The text.
 * @returns Its last token.
 */
function lastToken(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
  return text.slice(start, end);
}

/**
 * The first white-space-free token of a text.
 *
 * @param text The text.
 * @returns Its first token.
 */
function firstToken(text: string): string {
  return /^\S*/.exec(text)?.[0] ?? '';
}
