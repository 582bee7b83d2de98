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

/**
 * A word or number (letters and digits, inner hyphens and apostrophes, and a trailing hyphen for a
 * suspended compound part), a line feed, or any other single visible character. Matches
 * `Al-Mustafa-Institut`, `BM’in`, `Kultur-` (in `Kultur-, Human…`), `90`, `(`.
 */
const TOKEN = /[\p{L}\p{N}]+(?:[-‐’'][\p{L}\p{N}]+)*[-‐]?|\n|[^\s]/gu;

/** Word characters: a token starting with one is a word or number. */
const WORD_START = /^[\p{L}\p{N}]/u;

/** Digits only: `2016`. */
const DIGITS = /^\p{N}+$/u;

/** Tokens after which a new sentence or list item starts: `.`, `!`, `?`, `:`, `•`, `;`. */
const SENTENCE_END = new Set(['.', '!', '?', ':', '•', ';']);

/** A list label such as `a)` or `12.` that starts an item: the token before is a label when this matches. */
const LIST_LABEL = /^(?:\p{Ll}|\p{N}{1,3})$/u;

/**
 * Split text into tokens.
 *
 * @param text Section text.
 * @returns Tokens in order; whitespace is dropped.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let initial = true;
  for (const match of text.matchAll(TOKEN)) {
    const value = match[0];
    if (value === '\n') {
      initial = true;
      continue;
    }
    const start = match.index;
    const word = WORD_START.test(value);
    const token: Token = { text: value, start, end: start + value.length, kind: word ? (DIGITS.test(value) ? 'number' : 'word') : 'punct', initial };
    const before = tokens.at(-1);
    tokens.push(token);
    // A new sentence or list item starts after sentence punctuation, after a list label such as `a)`,
    // and after a dash that opens a line.
    initial =
      (!word && SENTENCE_END.has(value)) ||
      (value === ')' && before !== undefined && before.initial && LIST_LABEL.test(before.text)) ||
      (!word && (value === '–' || value === '-') && token.initial);
  }
  return tokens;
}

/** Whether a token is a word starting with an upper-case letter: `Rat`, `IZH`, `Al-Mustafa`. */
export function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && /^\p{Lu}/u.test(token.text);
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
  return text.length >= 2 && text.length <= 12 && ABBREVIATION.test(text) && !text.includes('-');
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
