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
  /**
   * Indexes into `url` of the hyphens that stood at a line end: the address's own, or a syllable
   * break the layout put in (`…/ro-` / `tenburg-verden.html`), which the text alone cannot tell.
   */
  lineEndHyphens?: number[];
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
 * `…/integritaet-` / `derverwaltung/…`, `…pdf?__` / `blob=…`, `…?uri=CELEX%3` / `A32023R1230`.
 * (`?` and `:` are left out: they end questions and sentences, `…html)?` / `a) …`.)
 */
const URL_OPEN_END = /(?:[-_=&#%@~+]|%[\dA-Fa-f])$/;

/** A query begun right at the line end, after a path: `…-604944?` / `utm).` (not `…html)?`). */
export const URL_OPEN_QUERY = /[\p{L}\p{N}/]\?$/u;

/** The rest of a query after {@link URL_OPEN_QUERY}: it starts with a lower-case letter or `_`, never a new sentence or a list letter. Matches: `utm).`, `_source=x` (not `Die`, `a)`) */
const QUERY_REST = /^[\p{Ll}_](?!\))/u;

/** A token that can only be the rest of an address: address punctuation or a file ending, `g/externe-personen`, `?__blob=`, `ein-versenkten-zr-93782481.html`, `+f%C3%BCr+…`. */
const URL_CONTINUATION = /[/?=&#_%+]|\.[a-z]{2,}/;

/** A token that may go on with an address: it starts with an address character, `g/externe`, `?__blob=`, `+f%C3`, `,goods%20or` (a text fragment's comma). */
const URL_TOKEN_START = /^[\p{L}\p{N}?#&=_%/.~+,-]/u;

/** A token that is a new address, never the rest of the previous one: `https://…`, `www.…`. */
const URL_NEW = /^(?:(?:https?|ftp):\/\/|www\.)/i;

/** A token that is a new bare host with a path: `x.com/Bennie_Yen256/…`, `taz.de/!6090592/`. */
const URL_NEW_BARE = /^(?:[a-z0-9-]{1,63}\.){1,4}[a-z]{2,6}\//u;

/** The separator of a list of addresses at the end of the line: `…/!6090592/;` / `x.com/…`. */
const URL_LIST_END = /[;,]$/;

/** An address with a path after its host: `www.taz.de/!5164771/` (not `www.bundesre`). */
const URL_HAS_PATH = /^(?:(?:https?|ftp):\/\/)?[^/]+\//i;

/** A piece after a line break at most this long may be followed by a stray space: `r`, `einungsbi`. */
const STRAY_SPACE_PIECE = 12;

/** An address still open where a stray space may follow the next piece: it ends in a letter or digit. Matches: `…/20250602_TrustedFlagge` (not `…html)`) */
const STRAY_SPACE_BEFORE = /[\p{L}\p{N}]$/u;

/** A piece that a stray space may follow: the rest of a cut word. Matches: `r`, `a`, `einungsbi`, `du-na-pensi` (not `Bahnübergang`) */
const STRAY_SPACE_PIECE_WORD = /^[\p{Ll}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/**
 * What follows a stray space inside an address: its file ending, or the rest of a word and a slash
 * or file ending. Matches: `.html).`, `rkt/marktfruechte/…`, `iu/),`, `ldung-einwirken.html).`
 * (not `und`, `taz.de/…`)
 */
export const STRAY_SPACE_REST = /^(?:[\p{Ll}\p{N}][\p{L}\p{N}-]*(?:\.(?:html?|pdf|php|aspx?)(?![\p{L}\p{N}])|\/)|\.(?:html?|pdf|php|aspx?)(?![\p{L}\p{N}]))/u;

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

/** How much of the start and of the end of an address the decisions to join read. */
const SO_FAR_WINDOW = 256;

/** An address being rebuilt, as far as deciding whether the next line goes on with it needs it. */
interface SoFar {
  /** Its first characters (at most {@link SO_FAR_WINDOW}). */
  head: string;
  /** Its last characters (at most {@link SO_FAR_WINDOW}). */
  tail: string;
  /** Whether `tail` is all of it. */
  whole: boolean;
  /** Whether a closing parenthesis that no opening one matches ended it (`…-gebuhren).Vor`). */
  closed: boolean;
  /** Parentheses open at its end. */
  depth: number;
}

/**
 * Decide whether the token after a line break goes on with the address before it.
 *
 * An address is cut where the line is full, anywhere inside it; a word of running text after an
 * address that ended at a line end starts a sentence's next word. So the token is joined when the
 * address cannot end where it stands: after a scheme or `www.` alone, after a character no address
 * ends with (`-`, `_`, `=`, half a `%3A`), after a query mark that follows a path (`…4711?`). It is
 * joined when it can only be part of an address: it holds `/`, `?`, `=`, `&`, `#`, `_`, `%`, `+` or
 * a file ending such as `.html`. And it is joined when the address ends in a path or query value cut
 * inside a word and the token is that word's rest: a slug piece (`e-studierende`), an id of letters
 * and digits (`df82f515063e1e6`), digits after digits, or a word that the address's closing
 * punctuation follows (`gert).`, `ften, abgerufen …`, `File,`). Never joined: a token that starts a
 * new address, a word after an address that ends in a file ending or a slash, a word without such
 * punctuation (`werden`, `Die`), a list letter (`a)`).
 *
 * @param so The address so far.
 * @param token The token after the line break.
 * @returns Whether to join them.
 */
function continuesUrl(so: SoFar, token: string): boolean {
  const before = so.tail;
  if (token === '' || URL_NEW.test(token)) return false;
  if (!URL_TOKEN_START.test(token) || so.closed) return false;
  if ((so.whole && URL_ONLY_START.test(before)) || URL_OPEN_END.test(before)) return true;
  if (URL_OPEN_QUERY.test(before)) return QUERY_REST.test(token);
  if (URL_NEW_BARE.test(token) && URL_LIST_END.test(before) && URL_HAS_PATH.test(so.head)) return false;
  const close = unbalancedClose(token, so.depth);
  const rest = token.slice(0, trimUrl(token, 0, close >= 0 ? close : token.length));
  if (URL_CONTINUATION.test(rest)) return true;
  if (token.startsWith(',')) return false;
  // An id after a comma at the line end: `…-sinken-koennen,` / `Ukhq88M).`.
  if (URL_COMMA_END.test(before)) return URL_ID_PIECE.test(rest);
  // A query value cut: `…pdf?__blob=publication` / `File, S. 71)`, `…?uri=C` / `ELEX:02018R1862).`.
  if (URL_OPEN_VALUE.test(before) && URL_WORD_THEN_END.test(token)) return true;
  // A slug or an id after a slash: `…-vielfalt/` / `uebersicht-der-verbaende-222202).`.
  if (before.endsWith('/')) return URL_SLUG_PIECE.test(rest) || URL_ID_PIECE.test(rest);
  if (!URL_PATH.test(before) || URL_FILE_END.test(before)) return false;
  // A path cut inside a word of its slug: `…/36-armutsbetroffen` / `e-studierende`, `…-bilanz-13-verl` /
  // `etzte-polizisten`, `…/pk-in-serbien-229` / `9998`, `…-habeck-673ef9084` / `df82f515063e1e6).`.
  if (URL_SLUG_PIECE.test(rest) || URL_ID_PIECE.test(rest) || (URL_DIGIT_END.test(before) && URL_DIGITS.test(rest))) return true;
  // `(www.ftm.eu/articles/…-billions-pr` / `ofits).`, `…/infothek/gewerkscha` / `ften, abgerufen am …`:
  // the word's rest, then the punctuation that closes the citation.
  return URL_TAIL_IN_BRACKETS.test(token);
}

/** An address ending in a query value, which a line break may cut: `…?__blob=publication`, `…;jsessionid=AB50`. */
export const URL_OPEN_VALUE = /[?&;][\w.-]{1,40}=[\p{L}\p{N}]+$/u;

/**
 * The rest of a query value, then punctuation that ends the address.
 * Matches: `File,`, `v2);`, `ELEX:02018R1862-20220801).` (not `Die`)
 */
export const URL_WORD_THEN_END = /^[\p{L}\p{N}][\p{L}\p{N}:._~-]*[,;.)]+$/u;

/**
 * The rest of a cut word (two characters at least, so no list letter `a)`), then the punctuation
 * that closes the citation. Matches: `ofits).`, `ngsbeginn)`, `hnellweg)?`, `ften,`, `gern;`
 * (not `und`, `b)`, `einsehbar.`)
 */
export const URL_TAIL_IN_BRACKETS = /^[\p{Ll}\p{N}][\p{L}\p{N}]+(?:\)[.,;:?!]?|[,;])$/u;

/** An address with a path whose last segment is cut inside a slug word: `www.fr.de/politik/bundesregierung-i`. */
export const URL_PATH = /\/[^/\s]*[\p{L}\p{N}]$/u;

/** An address whose path ends in a file ending, complete as it stands: `…/publikationen.html`, `…/a.pdf`. */
const URL_FILE_END = /\.(?:html?|pdf|php|aspx?|jsp|xml|xlsx?|xlsm|docx?|pptx?|csv|zip|json|txt)$/i;

/**
 * The rest of a cut slug: a lower-case letter or digit, then words joined by hyphens (doubled ones
 * too), commas, semicolons or dots, which running text never joins without a space (a hyphen or a
 * comma required). Matches: `e-studierende`, `k-673ef9084df82f515063e1e6`,
 * `n-in-stuttgart-die-strasse.7120ed51-57f`, `siken-von-ewigkeitschemikalien--187500`,
 * `tikel,-Kommunen-finanziell`, `t,UW4o9Pu`, `dS5dV1-TWw`, `tellen-gibt-es;art410936`.
 */
export const URL_SLUG_PIECE = /^(?=[^-,]*[-,])[\p{Ll}\p{N}][\p{L}\p{N}]*(?:[-.,;]{1,3}[\p{L}\p{N}]+)+-?$/u;

/**
 * The rest of an id cut at the line end: lower-case letters and digits, both; or, eight characters
 * and more, letters of both cases and digits. Matches: `df82f515063e1e6`, `2540059119e`, `t951`,
 * `Ukhq88M`, `QgYXVzIGJlcmxpbi8yMDI1` (not `werden`, `2025`, `3a`, `COVID19`)
 */
export const URL_ID_PIECE = /^(?:(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{3,}|(?=[A-Za-z]*\d)(?=\d*[A-Za-z])(?=[A-Z\d]*[a-z])[A-Za-z\d]{7,})$/;

/** An address ending in a comma after a word, where an id may follow: `…-sinken-koennen,` / `Ukhq88M`. */
const URL_COMMA_END = /[\p{L}\p{N}],$/u;

/** An address ending in a digit, so that digits on the next line go on with its number: `…-229`. */
const URL_DIGIT_END = /\d$/;

/** Digits alone. Matches: `9998` */
const URL_DIGITS = /^\d+$/;

/** After a closing parenthesis: sentence punctuation and the next sentence, glued on. Matches: `.Vor` in `…-gebuhren).Vor` (not `%20Zuw`) */
const CLOSED_SENTENCE = /^[.,;:!?]+\p{L}/u;

/**
 * Where a text has a closing parenthesis that no opening one matches and that the next sentence
 * follows without a space: the address ended before it (`…-gebuhren).Vor diesem`). A parenthesis
 * inside a text fragment (`…%20)%20Zuw…`) does not end it.
 *
 * @param text The text.
 * @param open Parentheses opened before the text.
 * @returns Its index, or -1.
 */
function unbalancedClose(text: string, open = 0): number {
  let depth = open;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '(') depth++;
    else if (char === ')' && depth-- <= 0 && CLOSED_SENTENCE.test(text.slice(i + 1, i + 4))) return i;
  }
  return -1;
}

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
  let previousEnd = -1;
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
    const hyphens: number[] = [];
    const pieces: string[] = [];
    const so: SoFar = { head: '', tail: '', whole: true, closed: false, depth: 0 };
    let length = 0;
    const add = (from: number, to: number): void => {
      const piece = printedPiece(section.run, context.locator, from, to, hyphens, length);
      pieces.push(piece);
      length += piece.length;
      if (!so.closed && unbalancedClose(piece, so.depth) >= 0) so.closed = true;
      for (let i = 0; i < piece.length; i++) {
        const char = piece.charAt(i);
        if (char === '(') so.depth++;
        else if (char === ')') so.depth = Math.max(0, so.depth - 1);
      }
      if (so.head.length < SO_FAR_WINDOW) so.head = (so.head + piece).slice(0, SO_FAR_WINDOW);
      so.tail = (so.tail + piece).slice(-SO_FAR_WINDOW);
      so.whole = length <= SO_FAR_WINDOW;
    };
    // A bare host cut at a line end: `(vgl. feps-euro` / `pe.eu/wp-content/…`.
    const head = match.length === 0 ? hostHeadBefore(section.run, context.locator, start, previousEnd) : undefined;
    if (head !== undefined) add(head, start - 1);
    add(start, end);
    const first = head ?? start;
    // Bridge line breaks the layout put into the address.
    // Only a space can be a joined line break; a line feed is a paragraph break.
    while (end + 1 < text.length && text.charAt(end) === ' ' && isLineBreak(section.run, end, context.locator)) {
      const tokenEnd = urlBodyEnd(text, end + 1);
      const token = text.slice(end + 1, tokenEnd);
      // A stray space the rendering put inside the line's piece: `…/20250602_TrustedFlagge` / `r .html)`.
      const strayEnd = STRAY_SPACE_BEFORE.test(so.tail) ? strayRestEnd(section.run, context.locator, end + 1, tokenEnd) : undefined;
      if (!continuesUrl(so, strayEnd === undefined ? token : token + text.slice(tokenEnd + 1, strayEnd))) break;
      if (so.tail.endsWith('-')) hyphens.push(length - 1);
      add(end + 1, tokenEnd);
      end = tokenEnd;
      if (strayEnd !== undefined) {
        add(tokenEnd + 1, strayEnd);
        end = strayEnd;
      }
    }
    let url = pieces.join('');
    const close = unbalancedClose(url);
    const trimmed = trimUrl(url, 0, close >= 0 ? close : url.length);
    end -= url.length - trimmed;
    url = url.slice(0, trimmed);
    from = Math.max(end, start + match.length, start + 1);
    if (!URL_WITH_HOST.test(url) && !BARE_HOST.test(url)) continue;
    const lineEndHyphens = hyphens.filter((index) => index < url.length);
    spans.push(lineEndHyphens.length > 0 ? { start: first, end, url, lineEndHyphens } : { start: first, end, url });
    previousEnd = end;
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

/**
 * The first part of a host, alone at the end of a line, with the character before it: `(vgl. feps-euro`,
 * `(rs`, `statistik.arbeitsage`, `; eu`, `digitalstrategie-`.
 */
export const HOST_HEAD = /(?:^|([\s(]))([a-z0-9](?:[a-z0-9.-]{0,61}[a-z0-9-])?)$/u;

/** A head that holds a letter: `eu`, `www1.w` (not `2025`). */
const HOST_HEAD_LETTER = /[a-z]/;

/** Separates the addresses of a list: `…Albania.pdf; eu` / `ronews.al/…`, `…/a.html, www…`. */
const LIST_SEPARATOR = /^[;,] $/;

/**
 * Words of running text that stand before an address at a line end and are no part of its host:
 * `unter` / `faz.net/…`, `auf` / `bmvg.de/…`.
 */
const NOT_HOST_HEAD = new Set(['unter', 'siehe', 'auf', 'bei', 'von', 'über', 'via', 'und', 'oder', 'sowie', 'bzw', 'der', 'die', 'das', 'des', 'dem', 'den', 'im', 'in', 'zu', 'zur', 'zum', 'an', 'am', 'aus', 'mit', 'nach', 'als', 'wie', 'hier', 'dort', 'abrufbar', 'online', 'website', 'homepage', 'internetseite', 'quelle', 'link', 'seite', 'portal', 'plattform']);

/**
 * Where the rest of an address ends when a stray space follows the piece at the start of a line
 * (`r .html)`, `a rkt/marktfruechte/…`): only after a short piece that leaves the address open,
 * and before what can only be the address's rest.
 *
 * @param run The run.
 * @param locator The file's locator.
 * @param start Start of the piece after the line break.
 * @param end End of that piece.
 * @returns End of the rest after the stray space, or `undefined` when there is none.
 */
function strayRestEnd(run: Run, locator: Locator, start: number, end: number): number | undefined {
  const text = run.text;
  if (end - start > STRAY_SPACE_PIECE || end + 1 >= text.length || text.charAt(end) !== ' ') return undefined;
  if (!STRAY_SPACE_PIECE_WORD.test(text.slice(start, end)) || isLineBreak(run, end, locator)) return undefined;
  const restEnd = urlBodyEnd(text, end + 1);
  return STRAY_SPACE_REST.test(text.slice(end + 1, restEnd)) ? restEnd : undefined;
}

/**
 * Where the head of a bare host starts when a line end cut the host (`(vgl. feps-euro` /
 * `pe.eu/…`): a lower-case piece of host characters right before the line break, no word of
 * running text. A head of one or two letters (`(rs` / `w.beck.de/…`, `; eu` / `ronews.al/…`)
 * counts only right after an opening parenthesis or after the separator of a list of addresses;
 * a head with a dot inside (`statistik.arbeitsage` / `ntur.de/…`) is no word in any case.
 *
 * @param run The run.
 * @param locator The file's locator.
 * @param start Start of the host's rest.
 * @param previousEnd Where the address before it in the section ends (-1 for none).
 * @returns Start of the head, or `undefined`.
 */
function hostHeadBefore(run: Run, locator: Locator, start: number, previousEnd: number): number | undefined {
  if (start < 2 || run.text.charAt(start - 1) !== ' ' || !isLineBreak(run, start - 1, locator)) return undefined;
  const head = HOST_HEAD.exec(run.text.slice(Math.max(0, start - 65), start - 1));
  const word = head?.[2];
  if (!word || !HOST_HEAD_LETTER.test(word) || NOT_HOST_HEAD.has(word)) return undefined;
  const at = start - 1 - word.length;
  const listed = previousEnd >= 0 && LIST_SEPARATOR.test(run.text.slice(previousEnd, at));
  if (!(word.includes('.') || head?.[1] === '(' || listed || word.length >= 3)) return undefined;
  return at;
}

/** Offsets apart that two characters of a run are when a hyphen and a line end (`-\n`, `-\r\n`) may have been cut between them. */
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
 * @param hyphens Where the hyphens put back go: indexes into the address, counted from `base`.
 * @param base Length of the address before this piece.
 * @returns The piece's text.
 */
function printedPiece(run: Run, locator: Locator, start: number, end: number, hyphens?: number[], base = 0): string {
  let piece = '';
  let last = start;
  for (let i = start + 1; i < end; i++) {
    const before = run.offsets[i - 1] ?? 0;
    const after = run.offsets[i] ?? 0;
    const kept = run.text.charAt(i - 1) === '-';
    if (!kept && !CUT_HYPHEN_GAPS.has(after - before)) continue;
    if (after - before < 2 || locator.line(before) === locator.line(after)) continue;
    // Only a hyphen stood between the two and the line break (`-\n`, `-\r\n`), not a bare `\r\n`.
    if (!kept && locator.lineTextEnd(before) !== before + 2) continue;
    if (kept) {
      // A hyphen the cleaning kept at the line end it joined.
      hyphens?.push(base + piece.length + i - 1 - last);
      continue;
    }
    piece += run.text.slice(last, i);
    hyphens?.push(base + piece.length);
    piece += '-';
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
