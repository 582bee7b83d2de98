/**
 * How values read on a page: German dates, safe links, Drucksache links and tooltips.
 */
import type { Amount, DateRecord, Message, Source } from '../../model.js';
import { bundestagPdfUrl } from '../jsonld.js';
import { escapeXml as escape, formatMoney } from './network.js';

/** A Bundestag parliament name: matches `Deutscher Bundestag`. */
const bundestagPattern = /\bBundestag\b/;

/** An ISO calendar date: matches `2025-08-21`. */
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A web address that may become a link: matches `https://www.taz.de/!5164771/` and `www.bmi.bund.de/x`. */
const linkableUrlPattern = /^(?:https?:\/\/|www\.)[^\s"<>]+$/i;

/** A Drucksache number split into period and running number: matches `21/1344`. */
export const drucksacheNumberPattern = /^(\d{1,3})\/(\d{1,6})$/;

/**
 * Format an ISO date the German way (`2025-08-21` → `21.08.2025`); other text is returned as it is.
 *
 * @param date The date.
 * @returns The formatted date.
 */
function formatDate(date: string): string {
  const match = isoDatePattern.exec(date);
  return match ? `${match[3] ?? ''}.${match[2] ?? ''}.${match[1] ?? ''}` : date;
}

/**
 * A date as a `time` element.
 *
 * @param date ISO date.
 * @returns The HTML.
 */
export function timeElement(date: string): string {
  return isoDatePattern.test(date) ? `<time datetime="${escape(date)}">${escape(formatDate(date))}</time>` : escape(date);
}

/**
 * The address a link may point to, or undefined for anything that is not a web address (so that a
 * `javascript:` address from the input never becomes a link).
 *
 * @param url The address as printed.
 * @returns A safe `http(s)` address.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (!linkableUrlPattern.test(trimmed)) return undefined;
  return schemelessUrlPattern.test(trimmed) ? `https://${trimmed}` : trimmed;
}

/**
 * Whether a parliament is the Bundestag.
 *
 * @param parliament Its name.
 * @returns True for the Bundestag.
 */
function isBundestag(parliament: string | null | undefined): boolean {
  return parliament !== null && parliament !== undefined && bundestagPattern.test(parliament);
}

/**
 * The official PDF of a Drucksache where its address is known (Bundestag only).
 *
 * @param number The number.
 * @param parliament Its parliament.
 * @returns The address.
 */
export function drucksacheUrl(number: string, parliament: string | null | undefined): string | undefined {
  return isBundestag(parliament) ? bundestagPdfUrl(number) : undefined;
}

/**
 * A Drucksache number, linked to its PDF where known.
 *
 * @param number The number.
 * @param parliament Its parliament.
 * @returns The HTML.
 */
export function drucksacheLink(number: string, parliament: string | null | undefined): string {
  const url = drucksacheUrl(number, parliament);
  return url ? `<a href="${escape(url)}" rel="external noopener">${escape(number)}<span class="visually-hidden"> (PDF)</span></a>` : escape(number);
}

/** What a tooltip says about an amount: `Betrag: 18.225 € (rund)`. */
export function amountTip(amount: Amount): string {
  const value = amount.upper === undefined ? formatMoney(amount.value, amount.currency) : `${formatMoney(amount.value, amount.currency)} bis ${formatMoney(amount.upper, amount.currency)}`;
  return `Betrag: ${value}${amount.qualifier ? ` (${amount.qualifier})` : ''}${amount.table ? ', Tabellenzelle' : ''}`;
}

/** What a tooltip says about a date: `Datum: 01.01.2015 bis 31.12.2019`. */
export function dateTip(date: DateRecord): string {
  const precision = { day: 'Tag', month: 'Monat', season: 'Jahreszeit', year: 'Jahr' }[date.precision];
  return date.start === date.end ? `Datum: ${formatDate(date.start)} (${precision})` : `Zeitraum: ${formatDate(date.start)} bis ${formatDate(date.end)} (${precision})`;
}

/** German names of source kinds. */
export const sourceKindLabels: Readonly<Record<Source['kind'], string>> = { url: 'Webseite', drucksache: 'Drucksache', publication: 'Veröffentlichung', law: 'Rechtsnorm' };

/** What a tooltip says about a source: `Quelle (Drucksache): 18/13237`. */
export function sourceTip(source: Source): string {
  const detail =
    source.kind === 'url'
      ? source.url
      : source.kind === 'drucksache'
        ? source.number
        : source.kind === 'publication'
          ? [source.title, source.pages && source.pages.length > 0 ? `S. ${source.pages.join(', ')}` : undefined].filter(Boolean).join(', ')
          : source.text;
  return `Quelle (${sourceKindLabels[source.kind]}): ${detail ?? source.text}`;
}

/** German names of message severities. */
export const severityLabels: Readonly<Record<Message['severity'], string>> = { info: 'Info', warning: 'Warnung', error: 'Fehler' };

/** German names of furniture kinds. */
export const furnitureLabels: Readonly<Record<string, string>> = {
  pageHeader: 'Kopfzeile',
  pageNumber: 'Seitenzahl',
  transmissionNote: 'Übermittlungsvermerk',
  imprint: 'Impressum',
  header: 'Kopf',
  footnote: 'Fußnote',
};

/** A web address without its scheme: matches `www.bmi.bund.de/x`. */
const schemelessUrlPattern = /^www\./i;
