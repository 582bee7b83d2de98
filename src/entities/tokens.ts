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
 * A word or number: letters and digits, inner hyphens and apostrophes, and a trailing hyphen for a
 * suspended compound part. Matches `Al-Mustafa-Institut`, `BM’in`, `Kultur-` (in `Kultur-, Human…`), `90`.
 */
const WORD = /[\p{L}\p{N}]+(?:[-‐’'][\p{L}\p{N}]+)*[-‐]?/uy;

/** Digits only: `2016`. */
const DIGITS = /^\p{N}+$/u;

/** Tokens after which a new sentence or list item starts: `.`, `!`, `?`, `:`, `•`, `–` at the start. */
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
  let i = 0;
  let initial = true;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '\n') {
      initial = true;
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const match = WORD.exec(text);
    if (match) {
      const word = match[0];
      tokens.push({ text: word, start: i, end: i + word.length, kind: DIGITS.test(word) ? 'number' : 'word', initial });
      i += word.length;
    } else {
      tokens.push({ text: ch, start: i, end: i + 1, kind: 'punct', initial });
      i++;
    }
    const last = tokens.at(-1);
    if (!last) continue;
    // A new sentence starts after sentence punctuation, except after abbreviations handled by callers,
    // and after list labels like `a)` or `1.`.
    const before = tokens.at(-2);
    initial =
      (last.kind === 'punct' && SENTENCE_END.has(last.text)) ||
      (last.text === ')' && before !== undefined && before.initial && LIST_LABEL.test(before.text)) ||
      (last.kind === 'punct' && (last.text === '–' || last.text === '-') && last.initial);
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
const INNER_CAPITAL = /^\p{L}\p{Ll}*\p{Lu}/u;

/**
 * Whether a word has an inner capital (a brand-like spelling).
 *
 * @param text The word.
 * @returns True for `xAI`, `SpaceX`, `beRATen`.
 */
export function hasInnerCapital(text: string): boolean {
  return INNER_CAPITAL.test(text) && !isAllCaps(text);
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
