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
 * `_`, `%` or a file ending such as `.html`). Not bridged: a token that starts a new address, or
 * an ordinary word (`Die`, `zentral`).
 *
 * @param before The address so far.
 * @param token The token after the line break.
 * @returns Whether to join them.
 */
function continuesUrl(before: string, token: string): boolean {
  if (token === '' || URL_NEW.test(token)) return false;
  if (!URL_TOKEN_START.test(token)) return false;
  if (URL_ONLY_START.test(before) || URL_OPEN_END.test(before)) return true;
  return URL_CONTINUATION.test(token.slice(0, trimUrl(token, 0, token.length)));
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
  URL_START.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = URL_START.exec(text))) {
    const start = match.index;
    while (link < links.length && (links[link]?.end ?? 0) <= start) link++;
    const inside = links[link];
    if (inside && inside.start <= start) {
      URL_START.lastIndex = inside.end;
      continue;
    }
    let end = urlBodyEnd(text, start + match[0].length);
    const pieces = [text.slice(start, end)];
    // Bridge line breaks the layout put into the address.
    // Only a space can be a joined line break; a line feed is a paragraph break.
    while (end + 1 < text.length && text.charAt(end) === ' ' && isLineBreak(section.run, end, context.locator)) {
      const tokenEnd = urlBodyEnd(text, end + 1);
      const token = text.slice(end + 1, tokenEnd);
      // The last piece is enough to judge the end of the address so far.
      if (!continuesUrl(pieces.at(-1) ?? '', token)) break;
      pieces.push(token);
      end = tokenEnd;
    }
    let url = pieces.join('');
    const trimmed = trimUrl(url, 0, url.length);
    end -= url.length - trimmed;
    url = url.slice(0, trimmed);
    URL_START.lastIndex = Math.max(end, start + match[0].length);
    if (!URL_WITH_HOST.test(url)) continue;
    spans.push({ start, end, url });
  }
  spans.sort((a, b) => a.start - b.start);
  return spans;
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
