/**
 * Find money amounts in sections: a number with a currency after it (`18 225 Euro`, `1,6 Mrd.
 * Euro`, `400 T€`) or a currency sign before it (`€ 5`), ranges and lists sharing one currency
 * (`zwischen 1 und 2 Mio. Euro`, `2 000 und 6 000 Euro`), large round sums whose currency only the
 * sentence gives (`eine Bürgschaft über 100 Mio.`), table cells whose currency stands in a
 * column header or caption (`Fördervolumen in Euro`, `(in Tsd. Euro)`), and cells under a heading
 * that names money without a currency (`Höhe der Ausgaben`) where they add up to the table's total
 * or to an amount printed with its currency.
 *
 * Numbers are read token by token: space-separated thousands groups are joined only where they
 * are well formed (a leading group of one to three digits, then groups of exactly three), so a
 * year printed right before an amount (`im Jahr 2023 6 000 Euro`) stays a year.
 */
import type { Amount, Message } from '../../model.js';
import { GROUP_SPACE_CLASS, CURRENCY_PATTERN, LARGE_SCALE_WORDS, PREFIX_CURRENCY_FORMS, SCALE_PATTERN, currencyOf, numberValue, readGermanNumber, scaleExponent } from './money.js';
import { runPosition } from '../../lines/run.js';
import type { ExtractContext, Extraction, Section } from '../../lines/section.js';
import { GAP, SCALE_AFTER, ZERO, YEAR, normalizeSpace, normalizeForm, quote, printedGap, urlZones, numberSpans, spanEndingAt } from './numbers.js';
import { makeHit, signedStart, gluedFootnote, type Found } from './found.js';
import { brokenStart, moneyCue, shareCurrency } from './context.js';
import { markdownTables } from './markdown-tables.js';
import { lostTables } from './lost-tables.js';

/**
 * A currency (maybe after a scale word) right after a number. Matches the tail of: `1,6 Mrd.
 * Euro`, `18 225 Euro`, `400 TEUR`, `10-Millionen-Euro-Kampagne`
 */
export const CURRENCY_AFTER = new RegExp(`(?:${GAP}{0,3}|[-‑])(?:(${SCALE_PATTERN})(?:${GAP}{0,2}|[-‑]))?(${CURRENCY_PATTERN})`, 'uy');

/**
 * A currency sign or code right before a number (not the word `Euro`, which heads table rows).
 * Matches the head of: `€ 5`, `EUR 1.234,56`, `US-$ 10`
 */
export const CURRENCY_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${[...PREFIX_CURRENCY_FORMS].sort((a, b) => b.length - a.length).map((form) => form.replace(/[$]/g, '\\$')).join('|')})${GROUP_SPACE_CLASS}?$`,
  'u',
);

/** Cents standing alone before a currency after a line break. Matches `,91 €` in: `792.279` / `,91 €` */
const ORPHAN_CENTS = new RegExp(`(?<=\\d\\s)[,]\\d{1,2}(?=${GAP}?(?:€|EUR|Euro)(?![\\p{L}]))`, 'gu');

/** A currency code in capitals. Matches: `ILS`, `EUR` */
const CURRENCY_CODE = /^\p{Lu}{3}$/u;

/** A number right after a currency word: the word labels a table row. Matches after `Franken` in: `Franken 13,2 13,0` */
const ROW_LABEL_AFTER = /^[ \u00A0]?\d/;

/** `in` before a unit in a heading. Matches before `1 000 €` in: `Einnahmen in 1 000 €`, `(in EUR)` */
const UNIT_IN_BEFORE = /(?:^|[\s(])in[ \u00A0]$/;

/**
 * A word after `Mio.`/`Mrd.` that names what is counted, so the number is no amount. Matches the
 * unit in: `1,7 Millionen ha`, `17 Millionen Tonnen`, `5 Mio. Menschen` (any capitalised noun)
 */
export const COUNTED_AFTER = new RegExp(`^${GAP}{0,2}(?:\\p{Lu}|\\p{N}|(?:t|kg|ha|km|m|qm|l|kWh|MWh|GWh|TWh|Std|h|Pkt|pro|je)(?![\\p{L}]))`, 'u');

/** A Euro form printed in an amount, not only given by the sentence (`100 Mio.` after `Bürgschaft`). Matches in: `4 897 749,43 Euro`, `400 T€`, `EUR 5` */
const EURO_PRINTED = /Euro|EUR|€/u;

/**
 * Find money amounts in sections.
 *
 * @param sections The document's sections, in document order.
 * @param context The locator and what the segmenter learned.
 * @returns Amount records in document order, and messages for amounts that could not be read
 *   (`amount-unreadable`), could be read more than one way (`amount-ambiguous`) and for text that
 *   looks like a table whose layout was lost (`table-layout-lost`).
 */
export function extractAmounts(sections: readonly Section[], context: ExtractContext): Extraction<Amount> {
  const records: Amount[] = [];
  const messages: Message[] = [];
  /** Amounts with their currency in the questions before an answer, in cents: a table's cells may add up to one. */
  let asked = new Set<number>();
  for (const section of sections) {
    const found = findInSection(section, context, asked);
    if (section.kind === 'question') for (const value of knownAmounts(found, section.run.text)) asked.add(value);
    else if (section.kind === 'answer') asked = new Set();
    found.hits.sort((a, b) => a.start - b.start);
    for (const hit of found.hits) {
      // Keys in schema order, so the JSON reads the same way for every record.
      records.push({
        text: hit.text ?? normalizeSpace(section.run.text.slice(hit.start, hit.end)),
        value: hit.value,
        currency: hit.currency,
        ...(hit.qualifier === undefined ? {} : { qualifier: hit.qualifier }),
        ...(hit.upper === undefined ? {} : { upper: hit.upper }),
        ...(hit.table ? { table: true } : {}),
        in: section.id,
        position: runPosition(context.locator, section.run, hit.start, hit.end),
      });
    }
    found.problems.sort((a, b) => a.start - b.start);
    for (const problem of found.problems) {
      messages.push({
        severity: problem.severity,
        ruleId: problem.ruleId,
        reason: problem.reason,
        position: runPosition(context.locator, section.run, problem.start, problem.end),
        text: normalizeSpace(section.run.text.slice(problem.start, problem.end)),
      });
    }
  }
  return { records, messages };
}

/**
 * The amounts found with a currency of their own, exact (no range, no qualifier), in EUR cents.
 *
 * @param found What a section yields.
 * @param text The section's text.
 * @returns Their values.
 */
function knownAmounts(found: Found, text: string): number[] {
  return found.hits
    .filter((hit) => !hit.table && hit.currency === 'EUR' && hit.upper === undefined && hit.qualifier === undefined && EURO_PRINTED.test(text.slice(hit.start, hit.end)))
    .map((hit) => Math.round(hit.value * 100));
}

/**
 * Find amounts in one section.
 *
 * @param section The section.
 * @param context The extract context.
 * @param asked Amounts with their currency in the questions the section answers, in EUR cents.
 * @returns Hits and problems as run indexes.
 */
function findInSection(section: Section, context: ExtractContext, asked: ReadonlySet<number>): Found {
  const { text, offsets } = section.run;
  const spans = numberSpans(section.run, urlZones(text));
  const found: Found = { hits: [], problems: [] };
  /** Index of the span a hit was made from, so that no number is counted twice. */
  const claimed = new Set<number>();
  /** End of the last currency used after a number, so it is not reused before the next. */
  let currencyUsedUntil = -1;

  // Numbers with a currency of their own.
  spans.forEach((span, index) => {
    CURRENCY_AFTER.lastIndex = span.end;
    const after = CURRENCY_AFTER.exec(text);
    if (after) {
      currencyUsedUntil = CURRENCY_AFTER.lastIndex;
      const currency = currencyOf(normalizeForm(after[2] ?? ''));
      if (!currency) return;
      const scale = after[1] ? (scaleExponent(after[1]) ?? 0) : 0;
      if (!span.number) {
        found.problems.push({
          start: span.start,
          end: CURRENCY_AFTER.lastIndex,
          severity: 'warning',
          ruleId: 'amount-unreadable',
          reason: `Unexpected number \`${quote(span.text)}\` before \`${after[2] ?? ''}\`, expected a German number such as \`1.234,56\` or \`1 234\``,
        });
        claimed.add(index);
        return;
      }
      const form = after[2] ?? '';
      const formStart = CURRENCY_AFTER.lastIndex - form.length;
      // `Visagebühren in 1 000 €` names the unit of a table's cells.
      if (!after[1] && numberValue(span.number ?? ZERO) === 1000 && UNIT_IN_BEFORE.test(text.slice(Math.max(0, span.start - 4), span.start))) {
        claimed.add(index);
        return;
      }
      if (!printedGap(offsets, span.end, formStart)) {
        // Across a line break: `2023` over `€` heads a column, `ILS Research gGmbH` and `Franken
        // 13,2` start the next row; `1,6 Mrd.` / `Euro` is one amount.
        if (YEAR.test(span.text) || CURRENCY_CODE.test(form) || ROW_LABEL_AFTER.test(text.slice(CURRENCY_AFTER.lastIndex, CURRENCY_AFTER.lastIndex + 3))) {
          claimed.add(index);
          return;
        }
      }
      const broken = brokenStart(spans, index, text, offsets);
      if (broken !== undefined) {
        claimed.add(index);
        // The line break fell inside the number (`470.102,` / `22 €`): rejoined it may read whole.
        const head = text.slice(broken, span.start).trimEnd();
        const whole = readGermanNumber(head + span.text);
        if (whole) {
          const hit = makeHit(broken, CURRENCY_AFTER.lastIndex, { ...span, number: whole }, scale + currency.exponent, currency.code, text);
          hit.text = normalizeSpace(head + text.slice(span.start, CURRENCY_AFTER.lastIndex));
          if (broken > 0 && spans[index - 1]?.start === broken) claimed.add(index - 1);
          found.hits.push(hit);
          return;
        }
        found.problems.push({
          start: broken,
          end: CURRENCY_AFTER.lastIndex,
          severity: 'warning',
          ruleId: 'amount-unreadable',
          reason: `Unexpected \`${quote(text.slice(broken, CURRENCY_AFTER.lastIndex))}\`, expected one number: the value seems broken across a line`,
        });
        return;
      }
      if (gluedFootnote(spans, index, text)) {
        const previous = spans[index - 1];
        found.problems.push({
          start: previous ? previous.start : span.start,
          end: CURRENCY_AFTER.lastIndex,
          severity: 'warning',
          ruleId: 'amount-ambiguous',
          reason: `Unexpected \`${text.slice(previous ? previous.start : span.start, span.end)}\` before \`${after[2] ?? ''}\`, expected one number: a footnote mark may stand before the value`,
        });
        claimed.add(index);
        return;
      }
      const start = signedStart(text, span.start);
      const hit = makeHit(start, CURRENCY_AFTER.lastIndex, span, scale + currency.exponent, currency.code, text);
      claimed.add(index);
      if (!Number.isFinite(hit.value)) {
        found.problems.push({
          start,
          end: hit.end,
          severity: 'warning',
          ruleId: 'amount-unreadable',
          reason: `Unexpected number \`${span.text.length > 40 ? `${span.text.slice(0, 40)}…` : span.text}\`, expected a finite amount`,
        });
        return;
      }
      found.hits.push(hit);
      shareCurrency(spans, index, hit, scale, currency, text, claimed, found);
      return;
    }
    const window = text.slice(Math.max(0, span.start - 8), span.start);
    const before = CURRENCY_BEFORE.exec(window);
    if (!before || !span.number) return;
    const form = before[1] ?? '';
    const formStart = span.start - window.length + before.index + before[0].indexOf(form);
    // `Einnahmen in EUR 2020 2021`: a heading, and the years label its columns.
    if (UNIT_IN_BEFORE.test(text.slice(Math.max(0, formStart - 4), formStart))) return;
    // `5 € 6`: the sign closed the amount before; it does not open this one.
    if (formStart < currencyUsedUntil) return;
    const currency = currencyOf(form);
    if (!currency) return;
    claimed.add(index);
    found.hits.push(makeHit(formStart, span.end, span, currency.exponent, currency.code, text));
  });

  // Cents cut off their number by a line break: `792.279` / `,91 €`.
  for (const match of text.matchAll(ORPHAN_CENTS)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    CURRENCY_AFTER.lastIndex = end;
    const after = CURRENCY_AFTER.exec(text);
    const currency = after ? currencyOf(normalizeForm(after[2] ?? '')) : undefined;
    const index = spanEndingAt(spans, start - 1);
    const head = spans[index];
    const whole = head && !claimed.has(index) ? readGermanNumber(head.text + match[0]) : undefined;
    if (head && whole && after && currency && !printedGap(offsets, head.end, start)) {
      claimed.add(index);
      const hit = makeHit(head.start, CURRENCY_AFTER.lastIndex, { ...head, number: whole }, currency.exponent, currency.code, text);
      hit.text = normalizeSpace(head.text + text.slice(start, CURRENCY_AFTER.lastIndex));
      found.hits.push(hit);
      continue;
    }
    found.problems.push({
      start,
      end,
      severity: 'warning',
      ruleId: 'amount-unreadable',
      reason: `Unexpected \`${match[0]}\` without its number, expected a whole amount such as \`792.279,91 €\``,
    });
  }

  // Large round sums whose currency only the sentence gives.
  spans.forEach((span, index) => {
    if (claimed.has(index) || !span.number) return;
    SCALE_AFTER.lastIndex = span.end;
    const after = SCALE_AFTER.exec(text);
    if (!after || !LARGE_SCALE_WORDS.has(after[1] ?? '')) return;
    const end = SCALE_AFTER.lastIndex;
    if (COUNTED_AFTER.test(text.slice(end, end + 8))) return;
    if (!moneyCue(text, span.start)) return;
    claimed.add(index);
    found.hits.push(makeHit(span.start, end, span, scaleExponent(after[1] ?? '') ?? 0, 'EUR', text));
  });

  if (section.kind === 'answer') {
    if (section.tables.length > 0) markdownTables(section, spans, claimed, found);
    else lostTables(section, context, spans, new Set([...asked, ...knownAmounts(found, text)]), claimed, found);
  }
  return found;
}
