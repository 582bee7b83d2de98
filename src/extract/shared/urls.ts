/**
 * Web addresses printed in a section, rebuilt across the line breaks the printed layout put into
 * them. Both the sources (which cite them) and the dates (which must not read dates inside them)
 * use this.
 *
 * In Markdown they come from link nodes (the destination, never the escaped link text); in plain
 * text they are read from the running text.
 */
import type { Locator, Run } from '../../lines/run.js';
import type { ExtractContext, Section } from '../../lines/section.js';

/** A web address found in a section: `[start, end)` in the section's run and the address itself. */
export interface UrlSpan {
  /** Index of the first character in `run.text`. */
  start: number;
  /** Index after the last character. */
  end: number;
  /** The address, rebuilt across line breaks, as printed (no scheme added). */
  url: string;
}

/** Where a web address starts, not inside another word or an e-mail address: `https://jfda.de/…`, `www.bmi.bund.de/…`. */
export const URL_START = /(?<![\p{L}\p{N}@._/-])(?:(?:https?|ftp):\/\/|www\.)/giu;

/** The characters a printed address is made of (RFC 3986, plus letters with diacritics): `vsb_2015_druckfassung.pdf?__blob=publicationFile&v=2`. */
const URL_BODY = /[\p{L}\p{N}\-._~:/?#@!$&()*+,;=%]*/uy;

/** An address with a host: `www.taz.de/!5164771/`, `https://lobbypedia.de/wiki/…`, `http://localhost`. */
const URL_WITH_HOST = /^(?:(?:https?|ftp):\/\/(?:www\.)?|www\.)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|^(?:https?|ftp):\/\/localhost/iu;

/** Just a scheme or `www.`, so the address must go on after a line break: `https://` / `www.`. */
const URL_ONLY_START = /^(?:(?:https?|ftp):\/\/|(?:(?:https?|ftp):\/\/)?www\.)$/i;

/**
 * A printed address does not end with these, so the next line goes on with it:
 * `…/integritaet-` / `derverwaltung/…`, `…pdf?__` / `blob=…`. (`?` and `:` are left out: they end
 * questions and sentences, `…html)?` / `a) …`.)
 */
const URL_OPEN_END = /[-_=&#%@~]$/;

/** A token that can only be the rest of an address: address punctuation or a file ending, `g/externe-personen`, `?__blob=`, `ein-versenkten-zr-93782481.html`. */
const URL_CONTINUATION = /[/?=&#_%]|\.[a-z]{2,}/;

/** A token that may go on with an address: it starts with an address character, `g/externe`, `?__blob=`. */
const URL_TOKEN_START = /^[\p{L}\p{N}?#&=_%/.~-]/u;

/** A token that is a new address, never the rest of the previous one: `https://…`, `www.…`. */
const URL_NEW = /^(?:(?:https?|ftp):\/\/|www\.)/i;

/** A scheme a link destination must have to count as a web address: `http://www.taz.de/!5164771/`. */
const LINK_WEB = /^(?:(?:https?|ftp):\/\/|www\.)/i;

/** Punctuation that ends a sentence, not an address: `…html).` → `…html`. */
const URL_TRAILING = /[.,;:!?'"]/;

/**
 * Whether the white space at `index` of a run stands for a line break of the input.
 *
 * Lines joined into running text get a synthetic space attributed to the line break, so the space's
 * neighbours stand on different lines of the input, whatever the space's own offset is. Comparing
 * lines (rather than offsets) also covers indentation, trailing blanks and furniture cut out.
 *
 * @param run The run.
 * @param index Index of a white-space character.
 * @param locator The file's locator.
 * @returns Whether the characters before and after are on different input lines.
 */
function isLineBreak(run: Run, index: number, locator: Locator): boolean {
  const before = run.offsets[index - 1];
  const after = run.offsets[index + 1];
  if (before === undefined || after === undefined) return false;
  return locator.position(before, before + 1).start.line !== locator.position(after, after + 1).start.line;
}

/**
 * Read the address body that starts at `index`.
 *
 * @param text The text.
 * @param index Where to start.
 * @returns Index after the body.
 */
function urlBodyEnd(text: string, index: number): number {
  URL_BODY.lastIndex = index;
  const match = URL_BODY.exec(text);
  return match ? index + match[0].length : index;
}

/**
 * Decide whether the token after a line break goes on with the address before it.
 *
 * Bridged: after a scheme or `www.` alone, after a character no address ends with (`-`, `_`, `=`,
 * …), and before a token that can only be part of an address (it holds `/`, `?`, `=`, `&`, `#`,
 * `_`, `%` or a file ending such as `.html`), and after a path cut inside a slug word before the
 * slug's rest (`…-verl` / `etzte-polizisten`). Not bridged: a token that starts a new address, or
 * an ordinary word (`Die`, `zentral`).
 *
 * @param before The address so far.
 * @param token The token after the line break.
 * @param bracketed Whether the address stands right after an opening parenthesis.
 * @returns Whether to join them.
 */
function continuesUrl(before: string, token: string, bracketed = false): boolean {
  if (token === '' || URL_NEW.test(token)) return false;
  if (!URL_TOKEN_START.test(token)) return false;
  if (URL_ONLY_START.test(before) || URL_OPEN_END.test(before)) return true;
  const rest = token.slice(0, trimUrl(token, 0, token.length));
  if (URL_CONTINUATION.test(rest)) return true;
  // A path cut inside a word of its slug: `…/36-armutsbetroffen` / `e-studierende`, `…-bilanz-13-verl` /
  // `etzte-polizisten`, `…/pk-in-serbien-229` / `9998`.
  // A query value cut: `…pdf?__blob=publication` / `File, S. 71)`.
  if (URL_OPEN_VALUE.test(before) && URL_WORD_THEN_END.test(token)) return true;
  if (!URL_PATH.test(before)) return false;
  if (URL_SLUG_PIECE.test(rest) || (URL_DIGIT_END.test(before) && URL_DIGITS.test(rest))) return true;
  // `(www.ftm.eu/articles/…-billions-pr` / `ofits).`: the word closes the parenthesis the address opened in.
  return bracketed && URL_TAIL_IN_BRACKETS.test(token);
}

/** An address ending in a query value, which a line break may cut: `…?__blob=publication`. */
export const URL_OPEN_VALUE = /[?&][\w.-]{1,40}=[\p{L}\p{N}]+$/u;

/** One word, then punctuation that ends the address. Matches: `File,`, `v2);` (not `Die`) */
export const URL_WORD_THEN_END = /^[\p{L}\p{N}]+[,;.)]+$/u;

/** The lower-case rest of a cut word, closing a parenthesis. Matches: `ofits).`, `ngsbeginn)` */
export const URL_TAIL_IN_BRACKETS = /^[\p{Ll}\p{N}]+\)[.,;:]?$/u;

/** An address with a path whose last segment is cut inside a slug word: `www.fr.de/politik/bundesregierung-i`. */
export const URL_PATH = /\/[^/\s]*[\p{L}\p{N}]$/u;

/**
 * The rest of a cut slug: lower-case letters or digits, then words joined by hyphens, as no running
 * text begins (a hyphen required, dots allowed). Matches: `e-studierende`, `k-673ef9084df82f515063e1e6`,
 * `n-in-stuttgart-die-strasse.7120ed51-57f`.
 */
export const URL_SLUG_PIECE = /^(?=[^-]*-)[\p{Ll}\p{N}]+(?:[-.][\p{L}\p{N}]+)+-?$/u;

/** An address ending in a digit, so that digits on the next line go on with its number: `…-229`. */
const URL_DIGIT_END = /\d$/;

/** Digits alone. Matches: `9998` */
const URL_DIGITS = /^\d+$/;

/**
 * Cut sentence punctuation and unbalanced closing parentheses off the end of an address.
 *
 * @param text The text.
 * @param start Start of the address.
 * @param end End of the address.
 * @returns The new end.
 */
function trimUrl(text: string, start: number, end: number): number {
  let open = 0;
  let close = 0;
  for (let i = start; i < end; i++) {
    const char = text.charAt(i);
    if (char === '(') open++;
    else if (char === ')') close++;
  }
  while (end > start) {
    const char = text.charAt(end - 1);
    if (URL_TRAILING.test(char)) {
      end--;
    } else if (char === ')' && close > open) {
      close--;
      end--;
    } else {
      break;
    }
  }
  return end;
}

/**
 * Find the web addresses of a section: link nodes first (Markdown), then addresses printed in the
 * running text outside links, rebuilt across line breaks.
 *
 * @param section The section.
 * @param context The extraction context (its locator tells line breaks from spaces).
 * @returns Addresses in the order of the run.
 */
export function findUrls(section: Section, context: ExtractContext): UrlSpan[] {
  const text = section.run.text;
  const spans: UrlSpan[] = [];
  for (const link of section.links) {
    if (link.end > link.start && LINK_WEB.test(link.url)) spans.push({ start: link.start, end: link.end, url: link.url });
  }
  // Links come in text order, as do matches: skip the links already passed.
  const links = [...section.links].sort((a, b) => a.start - b.start);
  let link = 0;
  let from = 0;
  let match: { index: number; length: number } | undefined;
  const memo: BareHostMemo = { from: Number.POSITIVE_INFINITY, found: -1 };
  while ((match = nextUrlStart(text, from, memo))) {
    const start = match.index;
    while (link < links.length && (links[link]?.end ?? 0) <= start) link++;
    const inside = links[link];
    if (inside && inside.start <= start) {
      from = inside.end;
      continue;
    }
    let end = urlBodyEnd(text, start + match.length);
    const pieces = [printedPiece(section.run, context.locator, start, end)];
    // A bare host cut at a line end: `(vgl. feps-euro` / `pe.eu/wp-content/…`.
    const head = match.length === 0 ? hostHeadBefore(section.run, context.locator, start) : undefined;
    if (head !== undefined) pieces.unshift(text.slice(head, start - 1));
    const first = head ?? start;
    // Bridge line breaks the layout put into the address.
    // Only a space can be a joined line break; a line feed is a paragraph break.
    while (end + 1 < text.length && text.charAt(end) === ' ' && isLineBreak(section.run, end, context.locator)) {
      const tokenEnd = urlBodyEnd(text, end + 1);
      const token = text.slice(end + 1, tokenEnd);
      // The last piece is enough to judge the end of the address so far.
      if (!continuesUrl(pieces.at(-1) ?? '', token, text.charAt(start - 1) === '(')) break;
      pieces.push(printedPiece(section.run, context.locator, end + 1, tokenEnd));
      end = tokenEnd;
    }
    let url = pieces.join('');
    const trimmed = trimUrl(url, 0, url.length);
    end -= url.length - trimmed;
    url = url.slice(0, trimmed);
    from = Math.max(end, start + match.length, start + 1);
    if (!URL_WITH_HOST.test(url) && !BARE_HOST.test(url)) continue;
    spans.push({ start: first, end, url });
  }
  spans.sort((a, b) => a.start - b.start);
  return spans;
}

/**
 * Where a printed address without scheme and without `www.` starts: a host of lower-case labels
 * and a path (`faz.net/aktuell/…`, `brussels.mcc.hu/publication/…`, `bmvg.de/de/…`).
 */
export const BARE_HOST_START = /(?<![\p{L}\p{N}@._/-])(?=(?:[a-z0-9-]{1,63}\.){1,4}[a-z]{2,6}\/[\p{L}\p{N}])/gu;

/** A bare host with its path, as {@link BARE_HOST_START} finds it: `deutschlandfunk.de/aufruestung-…`. */
const BARE_HOST = /^(?:[a-z0-9-]{1,63}\.){1,4}[a-z]{2,6}\//u;

/** {@link BARE_HOST_START} tried at one index only. */
const BARE_HOST_AT = new RegExp(BARE_HOST_START.source, 'uy');

/**
 * Most characters of a bare host before its path's slash: four labels of 63 and a dot each, and a
 * top-level label of 6 (the quantifiers of {@link BARE_HOST_START}).
 */
const BARE_HOST_MOST = 4 * 64 + 6;

/**
 * Whether a character can stand in a bare host before its slash (`[a-z0-9.-]`).
 *
 * @param code A character code.
 * @returns Whether it can.
 */
function isHostCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 46 || code === 45;
}

/**
 * The first bare host start at or after `from`, as a global search with {@link BARE_HOST_START}
 * finds it, but tried only before a slash: a host runs up to the slash of its path in host
 * characters only, so no start lies before the run of them that ends at the slash. The look-ahead
 * tried at every index of the text was a twentieth of the pipeline's time.
 *
 * @param text Section text.
 * @param from Where to look from.
 * @returns The index, or -1.
 */
function nextBareHost(text: string, from: number): number {
  for (let slash = text.indexOf('/', from); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    let first = slash;
    while (first > from && slash - first < BARE_HOST_MOST && isHostCharacter(text.charCodeAt(first - 1))) first--;
    for (let at = first; at < slash; at++) {
      BARE_HOST_AT.lastIndex = at;
      if (BARE_HOST_AT.test(text)) return at;
    }
  }
  return -1;
}

/** The last bare host found in a text, so that a search from an index before it need not look again. */
interface BareHostMemo {
  /** Where that search started. */
  from: number;
  /** What it found: an index, or -1. */
  found: number;
}

/**
 * The next address start at or after `from`: a scheme or `www.` ({@link URL_START}), or a bare host
 * with a path ({@link BARE_HOST_START}).
 *
 * @param text Section text.
 * @param from Where to look from.
 * @param memo The last bare host found in this text (updated).
 * @returns The start and the length of its prefix, or `undefined`.
 */
function nextUrlStart(text: string, from: number, memo: BareHostMemo): { index: number; length: number } | undefined {
  URL_START.lastIndex = from;
  const prefixed = URL_START.exec(text);
  // The first bare host at or after `from` is the one found before when `from` lies between that search's start and it.
  if (!(from >= memo.from && (memo.found === -1 || from <= memo.found))) {
    memo.from = from;
    memo.found = nextBareHost(text, from);
  }
  const bare = memo.found;
  if (prefixed && (bare === -1 || prefixed.index <= bare)) return { index: prefixed.index, length: prefixed[0].length };
  return bare === -1 ? undefined : { index: bare, length: 0 };
}

/** The first part of a host, alone at the end of a line: `feps-euro`, `expert`, `digitalstrategie-`. */
export const HOST_HEAD = /(?:^|[\s(])([a-z0-9-]{3,40})$/u;

/**
 * Words of running text that stand before an address at a line end and are no part of its host:
 * `unter` / `faz.net/…`, `auf` / `bmvg.de/…`.
 */
const NOT_HOST_HEAD = new Set(['unter', 'siehe', 'auf', 'bei', 'von', 'über', 'via', 'und', 'oder', 'sowie', 'bzw', 'der', 'die', 'das', 'des', 'dem', 'den', 'im', 'in', 'zu', 'zur', 'zum', 'an', 'am', 'aus', 'mit', 'nach', 'als', 'wie', 'hier', 'dort', 'abrufbar', 'online', 'website', 'homepage', 'internetseite', 'quelle', 'link', 'seite', 'portal', 'plattform']);

/**
 * Where the head of a bare host starts when a line end cut the host (`(vgl. feps-euro` /
 * `pe.eu/…`): a lower-case piece of host characters right before the line break, no word of
 * running text.
 *
 * @param run The run.
 * @param locator The file's locator.
 * @param start Start of the host's rest.
 * @returns Start of the head, or `undefined`.
 */
function hostHeadBefore(run: Run, locator: Locator, start: number): number | undefined {
  if (start < 2 || run.text.charAt(start - 1) !== ' ' || !isLineBreak(run, start - 1, locator)) return undefined;
  const head = HOST_HEAD.exec(run.text.slice(Math.max(0, start - 42), start - 1));
  const word = head?.[1];
  if (!word || NOT_HOST_HEAD.has(word)) return undefined;
  return start - 1 - word.length;
}

/** Offsets apart that two characters of a run are when a hyphen and a line end (`-\n`, `-\r\n`) were cut between them. */
const CUT_HYPHEN_GAPS = new Set([3, 4]);

/**
 * A piece of an address as printed: where the cleaning joined a word across a line end and took its
 * hyphen for a syllable break (`hasskriminalitaet-` / `imnetz`), the hyphen is put back; in an
 * address a hyphen is part of it.
 *
 * @param run The run.
 * @param locator The file's locator.
 * @param start First index of the piece.
 * @param end Index after it.
 * @returns The piece's text.
 */
function printedPiece(run: Run, locator: Locator, start: number, end: number): string {
  let piece = '';
  let last = start;
  for (let i = start + 1; i < end; i++) {
    const before = run.offsets[i - 1] ?? 0;
    const after = run.offsets[i] ?? 0;
    if (!CUT_HYPHEN_GAPS.has(after - before)) continue;
    if (locator.position(before, before + 1).start.line === locator.position(after, after + 1).start.line) continue;
    piece += `${run.text.slice(last, i)}-`;
    last = i;
  }
  return piece + run.text.slice(last, end);
}

/** An address that names its scheme: `https://jfda.de/…`, `ftp://ftp.example.org/`. */
export const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The address as an absolute URL: a paper that prints `www.bmi.bund.de/…` means
 * `https://www.bmi.bund.de/…`, which a browser, a link checker and `new URL()` accept.
 *
 * @param url An address as rebuilt from the text.
 * @returns The address with its scheme; one that already has one is returned as it is.
 */
export function absoluteUrl(url: string): string {
  return HAS_SCHEME.test(url) ? url : `https://${url}`;
}
