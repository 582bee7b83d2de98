/**
 * Reading money as German documents print it: numbers with space, narrow-space or dot thousands
 * separators and a decimal comma (`18 225`, `3.450.000`, `303.361.519,26`, `102,-`), scale words
 * (`Mio.`, `Milliarden`, `Tsd.`, the `T` of `T€`) and currency words and symbols (`Euro`, `€`,
 * `US-Dollar`, `CHF`).
 *
 * Pure functions over strings; finding amounts in running text is `extract-amounts`.
 */

/** A number as printed, kept as digit strings so that scaling stays exact. */
export interface GermanNumber {
  /** Digits before the decimal comma, separators removed, without leading zeros (`0` for zero). */
  integer: string;
  /** Digits after the decimal comma (empty for none and for `,-`). */
  fraction: string;
  /** Whether a minus sign was printed. */
  negative: boolean;
  /** How thousands were separated: not at all, by dots or by (narrow) spaces. */
  grouping: 'none' | 'dot' | 'space';
}

/**
 * Characters that separate thousands groups besides the dot: space, no-break space (U+00A0),
 * narrow no-break space (U+202F), thin space (U+2009), figure space (U+2007).
 * Matches the gap in: `18 225`
 */
export const GROUP_SPACE = /[ \u00A0\u202F\u2009\u2007]/;

/** Source of {@link GROUP_SPACE} for building larger patterns. */
export const GROUP_SPACE_CLASS = '[ \\u00A0\\u202F\\u2009\\u2007]';

/**
 * A number without thousands separators, optionally with a decimal comma or a `,-` / `,–` for
 * "no cents". Matches: `1234`, `99,96`, `102,-`
 */
export const PLAIN_NUMBER = /^(\d+)(?:,(\d+)|,[-–—])?$/;

/**
 * A number with dot thousands separators: a leading group of one to three digits, then groups of
 * exactly three. Matches: `303.361.519,26`, `3.450.000`, `50.000,-`
 */
export const DOT_GROUPED_NUMBER = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+)|,[-–—])?$/;

/**
 * A number with space thousands separators (any of {@link GROUP_SPACE}). Matches: `19 610 000`,
 * `220 559,63`
 */
export const SPACE_GROUPED_NUMBER = /^(\d{1,3}(?:[ \u00A0\u202F\u2009\u2007]\d{3})+)(?:,(\d+)|,[-–—])?$/;

/** A leading minus sign (hyphen-minus or U+2212). Matches the sign in: `-1.234,5` */
const MINUS = /^[-\u2212]/;

/** Separators removed from the integer part. Matches the dots in: `3.450.000` */
const SEPARATORS = /[. \u00A0\u202F\u2009\u2007]/g;

/** Leading zeros of an integer part. Matches the zeros in: `007` */
const LEADING_ZEROS = /^0+(?=\d)/;

/**
 * Read a number printed the German way.
 *
 * @param text The number alone, e.g. `1.234,56`, `18 225`, `-0,5`, `102,-`.
 * @returns Its parts, or `undefined` when `text` is not one well-formed number (`1.23`,
 *   `20.11.2024`, `1 23`).
 */
export function readGermanNumber(text: string): GermanNumber | undefined {
  let body = text;
  let negative = false;
  if (MINUS.test(body)) {
    negative = true;
    body = body.slice(1);
  }
  let grouping: GermanNumber['grouping'] = 'none';
  let match = PLAIN_NUMBER.exec(body);
  if (!match) {
    match = DOT_GROUPED_NUMBER.exec(body);
    grouping = 'dot';
  }
  if (!match) {
    match = SPACE_GROUPED_NUMBER.exec(body);
    grouping = 'space';
  }
  if (!match) return undefined;
  const integer = (match[1] ?? '').replace(SEPARATORS, '').replace(LEADING_ZEROS, '');
  return { integer, fraction: match[2] ?? '', negative, grouping };
}

/**
 * The value of a number times a power of ten, computed on the digits so that `1,6` × 10⁹ is
 * exactly `1600000000`.
 *
 * @param number A number from {@link readGermanNumber}.
 * @param exponent Power of ten to scale by (`6` for `Mio.`, `-2` for `Cent`).
 * @returns The value.
 */
export function numberValue(number: GermanNumber, exponent = 0): number {
  const digits = number.integer + number.fraction;
  const point = number.integer.length + exponent;
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  const value = Number(text);
  // `-0` is not a value anyone printed.
  return number.negative && value !== 0 ? -value : value;
}

/**
 * Parse a number printed the German way.
 *
 * @param text The number alone, e.g. `303.361.519,26`.
 * @returns Its value, or `undefined` when `text` is not one well-formed number.
 */
export function parseGermanNumber(text: string): number | undefined {
  const number = readGermanNumber(text);
  return number ? numberValue(number) : undefined;
}

/**
 * Scale words and their power of ten. Keys are matched case-sensitively; a trailing dot is part of
 * the key where the abbreviation has one. `T` only counts directly before a currency (`T€`, `TEUR`).
 * Matches: `1,6 Mrd. Euro`, `20 Millionen Euro`, `400 T Euro`, `12 Tsd. €`
 */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['Tsd.', 3],
  ['Tsd', 3],
  ['TSD', 3],
  ['Tausend', 3],
  ['T', 3],
  ['Mio.', 6],
  ['Mio', 6],
  ['Mill.', 6],
  ['Million', 6],
  ['Millionen', 6],
  ['Mrd.', 9],
  ['Mrd', 9],
  ['Milliarde', 9],
  ['Milliarden', 9],
  ['Bio.', 12],
  ['Billion', 12],
  ['Billionen', 12],
]);

/** Scale words that also stand alone for money in context (`eine Bürgschaft über 100 Mio.`). */
export const LARGE_SCALE_WORDS: ReadonlySet<string> = new Set(['Mio.', 'Mio', 'Millionen', 'Mrd.', 'Mrd', 'Milliarden', 'Milliarde', 'Million']);

/**
 * The power of ten a scale word stands for.
 *
 * @param word The scale word as printed, e.g. `Mrd.`.
 * @returns The exponent, or `undefined` for a word that is no scale word.
 */
export function scaleExponent(word: string): number | undefined {
  return SCALE_WORDS.get(word);
}

/**
 * Currency words, symbols and codes as German documents print them, with their ISO 4217 code
 * (codes from the ISO 4217 list maintained by SIX Group) and a power of ten for subunits (`Cent`).
 * Longer forms come first where one form begins another.
 * Matches: `18 225 Euro`, `5 Mrd. US-Dollar`, `7,5 Mio. Pfund`, `100 CHF`, `50 Cent`
 */
export const CURRENCY_WORDS: ReadonlyArray<{ form: string; code: string; exponent?: number }> = [
  { form: 'Euro-Cent', code: 'EUR', exponent: -2 },
  { form: 'Eurocent', code: 'EUR', exponent: -2 },
  { form: 'Euro', code: 'EUR' },
  { form: 'EURO', code: 'EUR' },
  { form: 'EUR', code: 'EUR' },
  { form: 'Eur.', code: 'EUR' },
  { form: '€', code: 'EUR' },
  { form: 'Cent', code: 'EUR', exponent: -2 },
  { form: 'US-Dollar', code: 'USD' },
  { form: 'US-Dollars', code: 'USD' },
  { form: 'US-$', code: 'USD' },
  { form: 'US$', code: 'USD' },
  { form: 'USD', code: 'USD' },
  { form: 'Dollar', code: 'USD' },
  { form: '$', code: 'USD' },
  { form: 'kanadische Dollar', code: 'CAD' },
  { form: 'kanadischen Dollar', code: 'CAD' },
  { form: 'CAD', code: 'CAD' },
  { form: 'australische Dollar', code: 'AUD' },
  { form: 'australischen Dollar', code: 'AUD' },
  { form: 'AUD', code: 'AUD' },
  { form: 'Pfund Sterling', code: 'GBP' },
  { form: 'britische Pfund', code: 'GBP' },
  { form: 'britischen Pfund', code: 'GBP' },
  { form: 'Pfund', code: 'GBP' },
  { form: 'GBP', code: 'GBP' },
  { form: '£', code: 'GBP' },
  { form: 'Schweizer Franken', code: 'CHF' },
  { form: 'Franken', code: 'CHF' },
  { form: 'CHF', code: 'CHF' },
  { form: 'Yen', code: 'JPY' },
  { form: 'JPY', code: 'JPY' },
  { form: '¥', code: 'JPY' },
  { form: 'Yuan', code: 'CNY' },
  { form: 'Renminbi', code: 'CNY' },
  { form: 'CNY', code: 'CNY' },
  { form: 'Rubel', code: 'RUB' },
  { form: 'RUB', code: 'RUB' },
  { form: 'Hrywnja', code: 'UAH' },
  { form: 'UAH', code: 'UAH' },
  { form: 'türkische Lira', code: 'TRY' },
  { form: 'türkischen Lira', code: 'TRY' },
  { form: 'TRY', code: 'TRY' },
  { form: 'Złoty', code: 'PLN' },
  { form: 'Zloty', code: 'PLN' },
  { form: 'PLN', code: 'PLN' },
  { form: 'dänische Kronen', code: 'DKK' },
  { form: 'dänischen Kronen', code: 'DKK' },
  { form: 'DKK', code: 'DKK' },
  { form: 'schwedische Kronen', code: 'SEK' },
  { form: 'schwedischen Kronen', code: 'SEK' },
  { form: 'SEK', code: 'SEK' },
  { form: 'norwegische Kronen', code: 'NOK' },
  { form: 'norwegischen Kronen', code: 'NOK' },
  { form: 'NOK', code: 'NOK' },
  { form: 'tschechische Kronen', code: 'CZK' },
  { form: 'tschechischen Kronen', code: 'CZK' },
  { form: 'CZK', code: 'CZK' },
  { form: 'Forint', code: 'HUF' },
  { form: 'HUF', code: 'HUF' },
  { form: 'Schekel', code: 'ILS' },
  { form: 'ILS', code: 'ILS' },
  { form: 'Rupien', code: 'INR' },
  { form: 'INR', code: 'INR' },
  { form: 'D-Mark', code: 'DEM' },
  { form: 'Deutsche Mark', code: 'DEM' },
  { form: 'DM', code: 'DEM' },
];

/** Forms that may stand before the number (`€ 5`, `EUR 1.234,56`, `US-$ 10`, `CHF 100`). */
export const PREFIX_CURRENCY_FORMS: ReadonlySet<string> = new Set(['€', 'EUR', 'US-$', 'US$', '$', 'USD', '£', 'GBP', 'CHF', '¥']);

const CURRENCY_BY_FORM = new Map(CURRENCY_WORDS.map((entry) => [entry.form, entry]));

/**
 * The currency a word or symbol stands for.
 *
 * @param form The form as printed, e.g. `US-Dollar` or `€`.
 * @returns Its ISO 4217 code and a power of ten for subunits, or `undefined`.
 */
export function currencyOf(form: string): { code: string; exponent: number } | undefined {
  const entry = CURRENCY_BY_FORM.get(form);
  return entry ? { code: entry.code, exponent: entry.exponent ?? 0 } : undefined;
}

/**
 * Escape text for use inside a regular expression.
 *
 * @param text Literal text.
 * @returns The escaped pattern.
 */
function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/ /g, GROUP_SPACE_CLASS);
}

/**
 * Alternation of every currency form, longest first, for building patterns. A form ending in a
 * letter must not run on into a longer word (`Euro` but not `Europa`, `DM` but not `DMS`).
 * Matches: `Euro`, `US-Dollar`, `€`
 */
export const CURRENCY_PATTERN = [...CURRENCY_WORDS]
  .map((entry) => entry.form)
  .sort((a, b) => b.length - a.length)
  .map((form) => (/\p{L}$/u.test(form) ? `${escape(form)}(?![\\p{L}\\d])` : escape(form)))
  .join('|');

/**
 * Alternation of every scale word, longest first. A word without a dot must not run on into a
 * longer word (`Mio` but not `Mioxy`); `T` is a scale only right before a euro sign or code.
 * Matches: `Mrd.`, `Millionen`, the `T` of `TEUR`, `T€`, `T Euro`
 */
export const SCALE_PATTERN = [...SCALE_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((word) => {
    if (word === 'T') return `T(?=${GROUP_SPACE_CLASS}?(?:€|EUR|Euro))`;
    return word.endsWith('.') ? escape(word) : `${escape(word)}(?![\\p{L}.])`;
  })
  .join('|');
