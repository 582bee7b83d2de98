/**
 * Word and punctuation tokens of a section text, with the word classes the entity rules ask about.
 */

/** One token: a word, a number or one punctuation character, as indexes into the section text. */
export interface Token {
  /** The printed token. */
  text: string;
  /** Index of its first character. */
  start: number;
  /** Index after its last character. */
  end: number;
  /** Word (letters, maybe digits and inner hyphens), number (digits only) or punctuation. */
  kind: 'word' | 'number' | 'punct';
  /** Whether the token starts a sentence, a list item or the section. */
  initial: boolean;
}

/** A letter or digit outside ASCII: `ä`, `ß`, `É`. */
const NON_ASCII_WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** White space outside ASCII: no-break space, en space, thin space. */
const NON_ASCII_SPACE = /\s/u;

/** Hyphens and apostrophes that may stand inside a word: `Al-Mustafa`, `BM’in`. */
const INNER_MARKS = new Set(['-', '‐', '’', "'"]);

/** Hyphens that may end a suspended compound part: `Kultur-` in `Kultur-, Human…`. */
const TRAILING_HYPHENS = new Set(['-', '‐']);

/**
 * Whether a character code is one of {@link INNER_MARKS}.
 *
 * @param code The code.
 * @returns True for `-`, `‐`, `’`, `'`.
 */
function isInnerMark(code: number): boolean {
  return (code === 45 || code === 39 || code === 0x2010 || code === 0x2019) && INNER_MARKS.has(String.fromCharCode(code));
}

/**
 * Whether a character code is one of {@link TRAILING_HYPHENS}.
 *
 * @param code The code.
 * @returns True for `-`, `‐`.
 */
function isTrailingHyphen(code: number): boolean {
  return (code === 45 || code === 0x2010) && TRAILING_HYPHENS.has(String.fromCharCode(code));
}

/**
 * Whether the character at an index is a letter or digit.
 *
 * @param text The text.
 * @param at The index.
 * @returns True for word characters.
 */
function isWordCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return NON_ASCII_WORD_CHARACTER.test(text.charAt(at));
}

/** Tokens after which a new sentence or list item starts: `.`, `!`, `?`, `:`, `•`, `;`. */
const SENTENCE_END = new Set(['.', '!', '?', ':', '•', ';']);

/** A list label such as `a)` or `12.` that starts an item: the token before is a label when this matches. */
const LIST_LABEL = /^(?:\p{Ll}|\p{N}{1,3})$/u;

/**
 * Split text into tokens: words and numbers (letters and digits with inner hyphens and apostrophes, and
 * a trailing hyphen for a suspended compound part, as in `Al-Mustafa-Institut`, `BM’in`, `Kultur-`), and
 * every other visible character alone.
 *
 * @param text Section text.
 * @returns Tokens in order; white space is dropped.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let initial = true;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      initial = true;
      i++;
      continue;
    }
    if (code === 32 || code === 9 || code === 13 || (code >= 128 && NON_ASCII_SPACE.test(text.charAt(i)))) {
      i++;
      continue;
    }
    let end = i + 1;
    let word = false;
    let digits = true;
    if (isWordCharacter(text, i)) {
      word = true;
      for (;;) {
        while (end < length && isWordCharacter(text, end)) end++;
        if (end + 1 < length && isInnerMark(text.charCodeAt(end)) && isWordCharacter(text, end + 1)) {
          end++;
          continue;
        }
        if (end < length && isTrailingHyphen(text.charCodeAt(end))) end++;
        break;
      }
      for (let k = i; k < end && digits; k++) {
        const c = text.charCodeAt(k);
        digits = c >= 48 && c <= 57;
      }
    }
    const value = text.slice(i, end);
    const before = tokens.at(-1);
    const token: Token = { text: value, start: i, end, kind: word ? (digits ? 'number' : 'word') : 'punct', initial };
    tokens.push(token);
    // A new sentence or list item starts after sentence punctuation, after a list label such as `a)`,
    // and after a dash that opens a line.
    initial =
      (!word && SENTENCE_END.has(value)) ||
      (value === ')' && before !== undefined && before.initial && LIST_LABEL.test(before.text)) ||
      (!word && (value === '–' || value === '-') && token.initial);
    i = end;
  }
  return tokens;
}

/** Whether a token is a word starting with an upper-case letter: `Rat`, `IZH`, `Al-Mustafa`. */
export function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && startsUpper(token.text);
}

/** An upper-case letter at the start. Matches: `Äußeres`, `Rat`. */
const UPPER_START = /^\p{Lu}/u;

/**
 * Whether a text starts with an upper-case letter: ASCII answered from its code, the rest by
 * {@link UPPER_START} (the rules ask this of every token, several times).
 *
 * @param text The text.
 * @returns True for `Rat`, `Äußeres`; false for `der`, `1`.
 */
export function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_START.test(text);
}

/** An abbreviation: two or more capitals, maybe with lower-case letters between: `IZH`, `ZdM`, `ZITiS`, `BMFSFJ`. */
const ABBREVIATION = /^\p{Lu}[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*$/u;

/**
 * Whether a word is shaped like an abbreviation.
 *
 * @param text The word.
 * @returns True for `IZH`, `ZdM`, `BPOL`; false for `Rat`, `Iran`.
 */
export function isAbbreviation(text: string): boolean {
  if (text.length < 2 || text.length > 12 || !startsUpper(text)) return false;
  // Most capitalised words are a capital and ASCII lower case (`Rat`, `Antwort`): no second capital.
  let plain = true;
  for (let k = 1; k < text.length && plain; k++) {
    const code = text.charCodeAt(k);
    plain = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  }
  return !plain && ABBREVIATION.test(text) && !text.includes('-');
}

/** A word in capitals only (three letters or more): `KHAMENEI`, `SCHURA`. */
const ALL_CAPS = /^\p{Lu}{3,}$/u;

/**
 * Whether a word is printed in capitals only.
 *
 * @param text The word.
 * @returns True for `KHAMENEI`.
 */
export function isAllCaps(text: string): boolean {
  // Most words fail on their first or second letter; only those are answered without the pattern.
  const first = text.charCodeAt(0);
  if (first < 128 && !(first >= 65 && first <= 90)) return false;
  const second = text.charCodeAt(1);
  if (second < 128 && !(second >= 65 && second <= 90)) return false;
  return ALL_CAPS.test(text);
}

/** A word with a capital after its first letter, as brand names are printed: `xAI`, `SpaceX`, `beRATen`. */
const INNER_CAPITAL = /^\p{Lu}?\p{Ll}+\p{Lu}/u;

/**
 * Whether a word has an inner capital (a brand-like spelling).
 *
 * @param text The word.
 * @returns True for `xAI`, `SpaceX`, `beRATen`.
 */
export function hasInnerCapital(text: string): boolean {
  return INNER_CAPITAL.test(text) && !text.includes('-');
}

/**
 * The key of a token sequence for gazetteer and surface-form lookups: texts joined by single spaces.
 *
 * @param tokens Tokens.
 * @param from First index.
 * @param to Index after the last.
 * @returns The key, e.g. `e . V .`.
 */
export function keyOf(tokens: readonly Token[], from: number, to: number): string {
  let key = '';
  for (let i = from; i < to; i++) key += (i > from ? ' ' : '') + (tokens[i]?.text ?? '');
  return key;
}
