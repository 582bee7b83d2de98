/**
 * What the text around an amount decides: numbers broken across a line end, numbers before an
 * amount that share its currency (ranges and lists), and the money cue that makes a bare `Mio.`
 * an amount.
 */
import { SCALE_PATTERN, numberValue, scaleExponent } from './money.js';
import { GAP, YEAR, printedGap, type NumberSpan } from './numbers.js';
import { qualifierBefore, type Hit, type Found } from './found.js';
import { NUMBER_LABEL_BEFORE } from './table-cells.js';

/**
 * What stands between two numbers that share one currency: a range or a list. Matches the gap in:
 * `1 und 2 Mio. Euro`, `38,5 Mrd. bis 40 Mrd. Euro`, `100–200 Euro`, `2, 3 und 4 Mio. Euro`
 */
export const SHARED_CURRENCY_GAP = new RegExp(`^${GAP}{0,2}(?:(${SCALE_PATTERN})${GAP}{0,2})?(bis|und|oder|sowie|–|—|-|,)${GAP}{0,2}$`, 'u');

/** The longest gap {@link SHARED_CURRENCY_GAP} can match, to keep the test cheap. */
const SHARED_GAP_MAX = 24;

/** The head of a number cut at a line end after its separator. Matches the end of: `470.102, ` */
const BROKEN_HEAD = /\d[.,]\s$/;

/** One digit alone. Matches `4` in: `4.940,5` / `4 €` */
const SINGLE_DIGIT = /^\d$/;

/** A date, no broken number. Matches: `20.11.2024`, `1.2.25` */
const DATE = /^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$/;

/**
 * Words before a number that say the sentence is about money, so that `100 Mio.` without a
 * currency is still an amount. Matches the cue in: `eine Bürgschaft über 100 Mio. übernommen`
 */
export const MONEY_CUE =
  /(?:Bürgschaft|Betr[aä]g|Kosten|Ausgabe|Mittel|Haushalt|Zuwendung|Förder|Zuschu|Darlehen|Kredit|Summe|Volumen|Budget|Etat|Investition|Finanz|Zahlung|Einnahme|Erlös|Umsatz|Gewinn|Verlust|Schaden|Schäden|Preis|Vergütung|Gehalt|Entgelt|Gebühr|Steuer|Subvention|Obligo|Garantie|Kapital|Vermögen|Schulden|Beitr[aä]g|Spende|Honorar|Euro|€)/u;

/** How far back {@link MONEY_CUE} is looked for. */
const CUE_WINDOW = 60;

/** Sentence end before a window, to keep the cue search in one sentence. Matches: `. ` before `Die` */
const SENTENCE_BREAK = /[.!?]\s+(?=\p{Lu})|\n/gu;

/**
 * Where a number broken across a line starts, when the number before a currency is only its
 * tail: `470.102,` / `22 €`, `44.204.6` / `67,58 €` or `4.940,5` / `4 €`.
 *
 * @param spans All numbers.
 * @param index The number before the currency.
 * @param text Section text.
 * @param offsets The run's offsets.
 * @returns Start of the broken number, or `undefined` when the number is whole.
 */
export function brokenStart(spans: readonly NumberSpan[], index: number, text: string, offsets: Int32Array): number | undefined {
  const span = spans[index];
  if (!span || span.start < 2) return undefined;
  if (printedGap(offsets, span.start - 1, span.start)) return undefined;
  const previous = spans[index - 1];
  if (BROKEN_HEAD.test(text.slice(Math.max(0, span.start - 3), span.start))) {
    return previous && previous.end >= span.start - 2 ? previous.start : span.start - 2;
  }
  if (!previous || previous.end !== span.start - 1) return undefined;
  if (!previous.number && !DATE.test(previous.text)) return previous.start;
  // `4.940,5` / `4 €`: the last cent digit went to the next line.
  if (previous.number?.fraction.length === 1 && SINGLE_DIGIT.test(span.text)) return previous.start;
  return undefined;
}

/**
 * Whether a money cue stands earlier in the sentence.
 *
 * @param text Section text.
 * @param start Start of the number.
 * @returns Whether one does.
 */
export function moneyCue(text: string, start: number): boolean {
  let window = text.slice(Math.max(0, start - CUE_WINDOW), start);
  let cut = 0;
  for (const match of window.matchAll(SENTENCE_BREAK)) cut = (match.index ?? 0) + match[0].length;
  window = window.slice(cut);
  return MONEY_CUE.test(window);
}

/**
 * Numbers before an amount that share its currency: the lower bound of a range (`zwischen 1 und 2
 * Mio. Euro`, `38,5 Mrd. bis 40 Mrd. Euro`, `100–200 Euro`) or earlier members of a list (`2 000
 * und 6 000 Euro`).
 *
 * @param spans All numbers.
 * @param index The number with the currency.
 * @param hit Its hit, extended when it is a range.
 * @param scale Its scale exponent.
 * @param currency Its currency.
 * @param text Section text.
 * @param claimed Numbers already used.
 * @param found Where list members go.
 */
export function shareCurrency(
  spans: readonly NumberSpan[],
  index: number,
  hit: Hit,
  scale: number,
  currency: { code: string; exponent: number },
  text: string,
  claimed: Set<number>,
  found: Found,
): void {
  let later = spans[index];
  for (let k = index - 1; k >= 0 && later; k--) {
    const earlier = spans[k];
    if (!earlier?.number || claimed.has(k) || later.start - earlier.end > SHARED_GAP_MAX) return;
    const gap = SHARED_CURRENCY_GAP.exec(text.slice(earlier.end, later.start));
    if (!gap) return;
    if (YEAR.test(earlier.text) && !YEAR.test(later.text)) return;
    if (NUMBER_LABEL_BEFORE.test(text.slice(Math.max(0, earlier.start - 14), earlier.start))) return;
    const own = gap[1] ? scaleExponent(gap[1]) : undefined;
    // `1 und 2 Mio.` is one to two million; `500 000 und 2 Mio.` is not 500 000 million.
    const inherited = earlier.number.grouping === 'none' && earlier.number.integer.length <= 3 ? scale : 0;
    const exponent = (own ?? inherited) + currency.exponent;
    const joiner = gap[2] ?? '';
    const qualifier = qualifierBefore(text, earlier.start);
    const value = numberValue(earlier.number, exponent);
    const isRange = joiner === 'bis' || joiner === '–' || joiner === '—' || joiner === '-' || (joiner === 'und' && qualifier === 'zwischen');
    if (isRange) {
      if (k !== index - 1 || value > hit.value) return;
      claimed.add(k);
      hit.upper = hit.value;
      hit.value = value;
      hit.start = earlier.start;
      if (qualifier) hit.qualifier = qualifier;
      else delete hit.qualifier;
      return;
    }
    claimed.add(k);
    const member: Hit = { start: earlier.start, end: earlier.end + (gap[1] ? gap[0].indexOf(gap[1]) + gap[1].length : 0), value, currency: currency.code };
    if (qualifier) member.qualifier = qualifier;
    found.hits.push(member);
    later = earlier;
  }
}
