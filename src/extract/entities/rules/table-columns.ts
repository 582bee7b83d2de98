/**
 * Cells of tables whose layout was lost in the text rendering, read by what their column heading says
 * they hold: each item of an organisation column (`beauftragte Agentur`, `Auftragnehmer`,
 * `Zuwendungsempfänger`) is an organisation, and a title column (`Titel der Kampagne`, `Bezeichnung`)
 * names a campaign, event or project.
 *
 * A column is read only where its cells can be told apart without guessing: the heading is printed as
 * a row of known column headings, and a column printed after the table's one money column ends its
 * cells where the next row begins (an indented line or a line opening with a department's short form),
 * or a first column ends its cell where the next column's text starts.
 */
import { isGivenName, matchGazetteer } from '../gazetteer.js';
import { isCommonNounLike, isNoun } from '../lexicon.js';
import { type Token, hasInnerCapital, isAbbreviation, isAllCaps, isCapitalised } from '../tokens.js';
import { CONNECTORS, PERSON_TITLES, hasOrgHead, isCapitalisedAdjective, isFunctionWord, isProperish, isRole } from '../words.js';
import { candidate, type Candidate, type PrintedPlace, type TokenSection } from '../candidate.js';
import { CLOSE_QUOTES, OPEN_QUOTES, endsInLegalForm, legalFormAt } from '../name-span.js';

/** What the cells of a column hold, by its heading. */
type ColumnKind = 'organization' | 'title' | 'money' | 'date' | 'code' | 'text';

/**
 * Head nouns of column headings (lower-cased) and what the column's cells hold: `beauftragte Agentur`,
 * `Titel der Kampagne`, `veranschlagte Haushaltsmittel`, `Zeitpunkt der Beauftragung`, `Ressort`,
 * `Inhalt/Untersuchungsgegenstand`. A heading that is not listed makes the header unreadable.
 */
const HEADINGS = new Map<string, ColumnKind>([
  ...[
    'agentur', 'agenturen', 'auftragnehmer', 'auftragnehmerin', 'auftragnehmende', 'dienstleister', 'unternehmen',
    'firma', 'firmen', 'zuwendungsempfänger', 'zuwendungsempfängerin', 'zuwendungsempfangende', 'empfänger',
    'empfängerin', 'träger', 'trägername', 'projektträger', 'verlag', 'anbieter', 'einrichtung', 'institution',
    'organisation', 'partner', 'vertragspartner', 'kooperationspartner',
  ].map((word): [string, ColumnKind] => [word, 'organization']),
  ...['projekt', 'projekttitel', 'projektname', 'maßnahme', 'kampagne', 'veranstaltung', 'vorhaben', 'vorhabentitel'].map(
    (word): [string, ColumnKind] => [word, 'title'],
  ),
  // `Titel` and `Bezeichnung` alone may hold publications or laws (`Titel Jahr`, `Titel der Verordnung`):
  // they name a title column only with a complement that says what is titled (see `TITLED`).
  ...['titel', 'bezeichnung'].map((word): [string, ColumnKind] => [word, 'text']),
  ...[
    'haushaltsmittel', 'kosten', 'gesamtkosten', 'betrag', 'fördersumme', 'fördervolumen', 'zuwendung', 'zuwendungshöhe',
    'höhe', 'mittel', 'ausgaben', 'bundesmittel', 'fördermittel', 'summe', 'auftragswert', 'auftragsvolumen',
  ].map((word): [string, ColumnKind] => [word, 'money']),
  ...['datum', 'zeitpunkt', 'zeitraum', 'jahr', 'jahre', 'laufzeit', 'bewilligungszeitraum', 'projektlaufzeit', 'förderzeitraum', 'projektbeginn', 'projektende', 'erscheinungsdatum'].map(
    (word): [string, ColumnKind] => [word, 'date'],
  ),
  ...['ressort', 'haushaltstitel', 'kapitel'].map((word): [string, ColumnKind] => [word, 'code']),
  ...[
    'inhalt', 'untersuchungsgegenstand', 'gegenstand', 'thema', 'zielgruppe', 'beschreibung', 'projektbeschreibung',
    'staat', 'land', 'ort', 'kategorie', 'rolle', 'akteure', 'quelle', 'zweck', 'art', 'status', 'anmerkung',
    'anmerkungen', 'bemerkung', 'bemerkungen', 'ergebnis', 'name', 'rechtsform', 'sitz',
  ].map((word): [string, ColumnKind] => [word, 'text']),
]);

/**
 * Complements that make `Titel`, `Bezeichnung` or `Name` a title column (lower-cased): `Titel der Kampagne`,
 * `Bezeichnung der Maßnahme`, `Name des Projekts`, `Titel der Veranstaltung`.
 */
const TITLED = /^(?:kampagne|kampagnen|maßnahme|maßnahmen|veranstaltung|veranstaltungen|aktion|projekts?|projektes|vorhabens?|initiative|programms?|programmes|wettbewerbs?|formats?)$/u;

/** Complements that make `Name` or `Bezeichnung` an organisation column (lower-cased): `Name der Organisation`, `Name des Trägers`. */
const NAMED_BODY = /^(?:organisation|organisationen|einrichtung|institution|firma|unternehmens|trägers|empfängers|zuwendungsempfängers|auftragnehmers|agentur|verbands|vereins|stiftung)$/u;

/** Heads of titles that hold no entity (publications and laws): `Titel der Publikation`, `Titel der Verordnung`. */
const UNTITLED = /^(?:publikation|veröffentlichung|studie|verordnung|gesetzes|richtlinie|broschüre|bericht|berichts|gutachten|gutachtens)$/u;

/** A word that opens a heading's complement: `Titel der Kampagne`, `Kosten in Euro`, `Rolle des Unternehmens im Projekt`. */
const COMPLEMENT_WORDS = new Set(['der', 'des', 'für', 'in', 'im', 'zur', 'zum', 'nach', 'pro', 'von']);

/** A lower-case modifier before a heading's noun: `veranschlagte Haushaltsmittel`, `beauftragte Agentur`, `bewilligten Mittel`. */
const MODIFIER = /^\p{Ll}{4,}(?:te|ten)$/u;

/** A capitalised participle before a heading's noun: `Teilnehmende Unternehmen`, `Beauftragte Agentur`. */
const CAPITAL_MODIFIER = /^\p{Lu}\p{Ll}{3,}(?:nde|nden|te|ten)$/u;

/** Most printed lines a table's header takes: `Ressort Titel der Kampagne veranschlagte` / `Haushaltsmittel` / `beauftragte Agentur`. */
const MAX_HEADER_LINES = 5;

/** A printed line wider than this (in columns) is running text, not a table's header. */
const MAX_HEADER_LINE = 75;

/**
 * A printed line wider than this (in columns) is running text, not a table's row: the Landtag's renderings
 * fill their lines to 95 columns and more, the Bundestag's to about 80 (where a wide row may be as wide).
 */
const MAX_TABLE_LINE = 90;

/** Most printed lines one cell may take: `ZFN (Zentraler Fahr-` / `dienst Niedersach-` / `sen, ZPD), Ole` / `Spata, Kinower-` / `bung.de GmbH & Co.` / `KG`. */
const MAX_CELL_LINES = 8;

/** Most tokens of one item of an organisation cell: `Ströer Deutsche Städte Medien GmbH`. */
const MAX_ITEM_TOKENS = 12;

/** Most words of a title cell that is a name: `Jeden Tag einzigartig - Erzieherin/Erzieher werden`. */
const MAX_TITLE_WORDS = 8;

/** The longest short form of a department printed in a code column: `StK`, `MWK`, `BMF`. */
const MAX_CODE_LENGTH = 5;

/**
 * A money amount as a table cell prints it: `368.084,70 €`, `60.000 €`, `1.600.000,00 Euro`.
 */
export const CELL_AMOUNT = /(?<![\d.,])\d{1,3}(?:\.\d{3})*(?:,\d{2})?\s?(?:€|Euro|EUR)(?!\p{L})/u;

/**
 * Words of a cell that say no organisation was named: `noch nicht beauftragt`, `davon Layout`, `diverse`,
 * `verschiedene`, `Sonstige`, `entfällt`, `k. A.` (lower-cased).
 */
const GENERIC_CELL_WORDS = new Set([
  'davon', 'diverse', 'diversen', 'verschiedene', 'verschiedenen', 'sonstige', 'sonstigen', 'sonstiges', 'weitere',
  'weiteren', 'andere', 'anderen', 'keine', 'keiner', 'offen', 'entfällt', 'vergeben', 'beauftragt', 'geplant',
  'ausstehend', 'ansonsten', 'insgesamt', 'ges', 'ca', 'bisher', 'noch', 'nicht', 'k', 'n', 'privat', 'privatpersonen',
]);

/** Nouns that make a title cell a description rather than a name (compound tails, lower-cased): `Kommunikationsmaßnahmen`, `Bevölkerungsschutzkampagne`. */
const DESCRIPTIVE_TITLE = /(?:kampagne|kampagnen|maßnahme|maßnahmen|anzeige|anzeigen|aktion|aktionen|medien|werbung|förderung|entwicklung|umsetzung|einführung|neuregelung|bewerbung|sonstiges)$/u;

/** A parenthesis at the end of a title cell that dates it: `(Jahr 2023)`, `(Jahre 2024 ff.)`, `(Jahr 2026/ 2027)`. */
const DATING = /^\((?:Jahr|Jahre|seit|ab|bis|laufend)\b/u;

/** One column of a table header. */
interface Column {
  kind: ColumnKind;
}

/** One printed line of a section: character and token ranges, indentation and width. */
export interface PrintedLine {
  /** Index of the line's first character in the section text (inside a word hyphenated across the break). */
  start: number;
  /** Index after its last character. */
  end: number;
  /** First token that starts on the line. */
  from: number;
  /** Token after the last that starts on it. */
  to: number;
  /** Spaces before the line's first character. */
  indent: number;
  /** Column of its last character. */
  width: number;
}

/**
 * Cut a section's tokens into the lines they were printed on.
 *
 * @param tokens The section's tokens.
 * @param printed Where its characters were printed.
 * @returns Lines in order.
 */
export function printedLines(tokens: readonly Token[], printed: PrintedPlace): PrintedLine[] {
  const lines: PrintedLine[] = [];
  let current: PrintedLine | undefined;
  let currentLine = -1;
  const close = (end: number, to: number): void => {
    if (!current) return;
    current.end = end;
    current.to = to;
    current.width = printed.column(Math.max(current.start, end - 1));
    lines.push(current);
    current = undefined;
  };
  for (const [k, token] of tokens.entries()) {
    const first = printed.line(token.start);
    if (first !== currentLine) {
      close(tokens[k - 1]?.end ?? token.start, k);
      current = { start: token.start, end: token.end, from: k, to: k + 1, indent: printed.column(token.start) - 1, width: 0 };
      currentLine = first;
    }
    const last = printed.line(token.end - 1);
    if (last === first) continue;
    // A word hyphenated across the break: the next line starts inside it.
    let at = token.start + 1;
    while (at < token.end && printed.line(at) === first) at++;
    close(at, k + 1);
    current = { start: at, end: token.end, from: k + 1, to: k + 1, indent: printed.column(at) - 1, width: 0 };
    currentLine = last;
  }
  close(tokens.at(-1)?.end ?? 0, tokens.length);
  return lines;
}

/**
 * Read a row of column headings from tokens: every token must belong to a heading.
 *
 * @param tokens The section's tokens.
 * @param from First token.
 * @param to Token after the last.
 * @returns The columns, or undefined when some word is no known heading.
 */
export function parseHeader(tokens: readonly Token[], from: number, to: number): Column[] | undefined {
  const columns: Column[] = [];
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && isModifier(tokens[j])) j++;
    let kind = headingKind(tokens[j]);
    if (!kind) return undefined;
    const head = tokens[j]?.text.toLowerCase() ?? '';
    j++;
    // `Inhalt/Untersuchungsgegenstand`, `Träger/` / `Zuwendungsempfänger`: alternatives name one column.
    while (j + 1 < to && tokens[j]?.text === '/' && headingKind(tokens[j + 1])) j += 2;
    for (;;) {
      const word = tokens[j];
      if (j < to && word?.text === '(') {
        let close = j + 1;
        while (close < to && close - j <= 5 && tokens[close]?.text !== ')') close++;
        if (tokens[close]?.text !== ')' || close >= to) return undefined;
        j = close + 1;
        continue;
      }
      if (j + 1 < to && word && COMPLEMENT_WORDS.has(word.text)) {
        let k = j + 1;
        if (MODIFIER.test(tokens[k]?.text ?? '') && k + 1 < to) k++;
        const complement = tokens[k];
        if (!complement || !isCapitalised(complement) || k >= to) break;
        const what = complement.text.toLowerCase();
        if ((head === 'titel' || head === 'bezeichnung' || head === 'name') && TITLED.test(what)) kind = 'title';
        if ((head === 'bezeichnung' || head === 'name') && NAMED_BODY.test(what)) kind = 'organization';
        if (UNTITLED.test(what)) kind = 'text';
        j = k + 1;
        continue;
      }
      break;
    }
    columns.push({ kind });
    i = j;
  }
  return columns;
}

/**
 * The kind of column a heading noun names.
 *
 * @param token The token.
 * @returns The kind, or undefined.
 */
function headingKind(token: Token | undefined): ColumnKind | undefined {
  if (!token || token.kind !== 'word' || !isCapitalised(token)) return undefined;
  return HEADINGS.get(token.text.toLowerCase());
}

/**
 * Whether a token modifies the heading noun after it: `veranschlagte`, `beauftragte`, `Teilnehmende`.
 *
 * @param token The token.
 * @returns True when it does.
 */
function isModifier(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word') return false;
  return MODIFIER.test(token.text) || (CAPITAL_MODIFIER.test(token.text) && !HEADINGS.has(token.text.toLowerCase()));
}

/** A header found: its columns and the line after it. */
interface Header {
  columns: Column[];
  /** Index of the first line after the header. */
  next: number;
}

/**
 * The header that starts at a line: the most lines (up to {@link MAX_HEADER_LINES}) whose words read as
 * two or more column headings, one of them an organisation or title column.
 *
 * @param section The section.
 * @param lines Its printed lines.
 * @param at The line.
 * @returns The header, or undefined.
 */
function headerAt(section: TokenSection, lines: readonly PrintedLine[], at: number): Header | undefined {
  const line = lines[at];
  if (!line || line.from >= line.to || line.width > MAX_HEADER_LINE || line.indent > 0) return undefined;
  const first = section.tokens[line.from];
  if (!headingKind(first) && !isModifier(first)) return undefined;
  let found: Header | undefined;
  for (let k = at; k < lines.length && k < at + MAX_HEADER_LINES; k++) {
    const last = lines[k];
    if (!last || last.width > MAX_HEADER_LINE) break;
    const columns = parseHeader(section.tokens, line.from, last.to);
    if (columns && columns.length >= 2 && columns.some((c) => c.kind === 'organization' || c.kind === 'title')) found = { columns, next: k + 1 };
  }
  // A header whose next line goes on with headings (`Institution/` / `Organisation` / `Zuwendungshöhe` / `in Euro
  // Vorhabenbezeichnung …`) was not read whole: its columns are not known.
  const next = found ? lines[found.next] : undefined;
  const word = next ? section.tokens[next.from] : undefined;
  if (word && (headingKind(word) || isModifier(word) || COMPLEMENT_WORDS.has(word.text) || (word.kind === 'word' && /^\p{Ll}/u.test(word.text) && next?.indent === 0))) return undefined;
  return found;
}

/**
 * The table's header printed again at a line (after a page break), or another table's header, which ends
 * the table.
 *
 * @param section The section.
 * @param lines Its printed lines.
 * @param at The line.
 * @param header The table's header.
 * @returns The repeated header, `other` for another table's, or undefined.
 */
function repeatedHeader(section: TokenSection, lines: readonly PrintedLine[], at: number, header: Header): Header | 'other' | undefined {
  const again = headerAt(section, lines, at);
  if (!again) return undefined;
  const same = again.columns.length === header.columns.length && again.columns.every((column, k) => column.kind === header.columns[k]?.kind);
  return same ? again : 'other';
}

/**
 * Organisations and titles in the cells of lost-layout tables whose columns their header names.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function tableColumnRule(section: TokenSection): Candidate[] {
  if (!section.printed || !mayHoldHeader(section)) return [];
  const lines = printedLines(section.tokens, section.printed);
  const out: Candidate[] = [];
  for (let at = 0; at < lines.length; at++) {
    const header = headerAt(section, lines, at);
    if (!header) continue;
    const columns = header.columns;
    const last = columns.length - 1;
    const lead = columns[0]?.kind;
    const second = columns[1]?.kind;
    if (columns[last]?.kind === 'organization' && columns[last - 1]?.kind === 'money') {
      at = readAfterMoney(section, lines, header, out) - 1;
    } else if ((lead === 'organization' || lead === 'title') && (second === 'money' || second === 'date')) {
      at = readBeforeValue(section, lines, header, out) - 1;
    } else if (lead === 'organization' && second === 'text' && (columns[last]?.kind === 'date' || columns[last]?.kind === 'money')) {
      at = readLeadingCell(section, lines, header, out) - 1;
    }
  }
  return out;
}

/**
 * Whether a printed line of a section opens with a column heading, so that its lines are worth cutting:
 * the tokens after a printed line break are known without them.
 *
 * @param section The section.
 * @returns True when some line may start a header.
 */
function mayHoldHeader(section: TokenSection): boolean {
  const breaks = section.shortBreaks;
  const tokens = section.tokens;
  for (let k = 0; k < tokens.length; k++) {
    if (k > 0 && breaks && breaks[k] === 0) continue;
    const token = tokens[k];
    if (headingKind(token) || (isModifier(token) && headingKind(tokens[k + 1]))) return true;
  }
  return false;
}

/** A row being read: where it started and the cell after its money column. */
interface RowState {
  /** Line where the row started, or undefined once its money cell was read. */
  start: PrintedLine | undefined;
  /** The organisation cell: text range, or undefined. */
  cell: { start: number; end: number; lines: number; valid: boolean } | undefined;
}

/**
 * Read a table whose last column, after the money column, holds organisations (`Ressort | Titel der
 * Kampagne | veranschlagte Haushaltsmittel | beauftragte Agentur`): each row's amount line ends its title
 * cell and starts its organisation cell, which runs on until the next row starts.
 *
 * @param section The section.
 * @param lines Its printed lines.
 * @param header The table's header.
 * @param out Where candidates go.
 * @returns Index of the first line after the table.
 */
function readAfterMoney(section: TokenSection, lines: readonly PrintedLine[], header: Header, out: Candidate[]): number {
  const columns = header.columns;
  const codeColumn = columns[0]?.kind === 'code';
  const titleColumn = columns[columns.length - 3]?.kind === 'title' && (columns.length === 3 || (columns.length === 4 && codeColumn));
  const row: RowState = { start: undefined, cell: undefined };
  const flush = (): void => {
    const cell = row.cell;
    if (cell?.valid) out.push(...organizationCell(section, cell.start, cell.end));
    row.cell = undefined;
  };
  let at = header.next;
  for (; at < lines.length; at++) {
    const line = lines[at];
    if (!line) break;
    const again = repeatedHeader(section, lines, at, header);
    if (again === 'other') break;
    if (again) {
      flush();
      row.start = undefined;
      at = again.next - 1;
      continue;
    }
    if (line.width > MAX_TABLE_LINE) break;
    if (at === header.next || startsRow(section, lines, at, codeColumn)) {
      flush();
      row.start = line;
    }
    const amount = CELL_AMOUNT.exec(section.text.slice(line.start, line.end));
    if (amount) {
      const amountStart = line.start + amount.index;
      const amountEnd = amountStart + amount[0].length;
      if (row.start) {
        flush();
        if (titleColumn) out.push(...titleCell(section, row.start, amountStart, codeColumn));
        row.start = undefined;
        row.cell = { start: amountEnd, end: line.end, lines: 1, valid: true };
      } else if (row.cell) {
        // An amount inside the organisation cell (`davon Layout … 1.790,95 €`): its items cannot be told apart.
        row.cell.valid = false;
      }
      continue;
    }
    if (row.cell) {
      row.cell.end = line.end;
      row.cell.lines++;
      if (row.cell.lines > MAX_CELL_LINES) row.cell.valid = false;
    }
  }
  flush();
  return at;
}

/**
 * Whether a printed line starts a new row: it is indented, or it opens with a department's short form
 * in a code column (`MJ bundesweite Rechtsstaatskam-`) after a line that does not run on (`… Ki-`, `…, `).
 *
 * @param section The section.
 * @param lines Printed lines.
 * @param at The line.
 * @param codeColumn Whether the first column holds short forms.
 * @returns True when a row starts.
 */
function startsRow(section: TokenSection, lines: readonly PrintedLine[], at: number, codeColumn: boolean): boolean {
  const line = lines[at];
  if (!line || line.from >= line.to) return false;
  if (line.indent > 0) return true;
  if (!codeColumn) return false;
  const previous = lines[at - 1];
  if (previous && /[-‐,&/]$/u.test(section.text.slice(previous.start, previous.end))) return false;
  const tokens = section.tokens;
  const code = tokens[line.from];
  const next = tokens[line.from + 1];
  if (!code || !isAbbreviation(code.text) || code.text.length > MAX_CODE_LENGTH || legalFormAt(tokens, line.from) > 0) return false;
  // `TZ, Weserkurier`, `KG` alone: a name's part, not a department with its row's title after it.
  return line.from + 1 < line.to && next !== undefined && next.text !== ',' && next.text !== '.';
}

/**
 * The organisations of one cell: its items, parted by commas and semicolons outside parentheses, and the
 * items inside a parenthesis after one (`ZFN (Zentraler Fahrdienst Niedersachsen, ZPD)`, `Instagram (Meta)`).
 *
 * @param section The section.
 * @param start Index of the cell's first character in the section text.
 * @param end Index after its last character.
 * @returns Candidates.
 */
function organizationCell(section: TokenSection, start: number, end: number): Candidate[] {
  const tokens = section.tokens;
  let from = 0;
  while (from < tokens.length && (tokens[from]?.start ?? 0) < start) from++;
  let to = from;
  while (to < tokens.length && (tokens[to]?.end ?? 0) <= end) to++;
  const out: Candidate[] = [];
  for (const [itemFrom, itemTo] of cellItems(tokens, from, to)) {
    const item = organizationItem(section, itemFrom, itemTo);
    if (item) out.push(item);
  }
  return out;
}

/**
 * Token ranges of a cell's items: parted by `,` and `;`, a parenthesis after a name giving items of its own.
 *
 * @param tokens Tokens.
 * @param from First token of the cell.
 * @param to Token after its last.
 * @returns Item ranges.
 */
function cellItems(tokens: readonly Token[], from: number, to: number): Array<[number, number]> {
  const items: Array<[number, number]> = [];
  let itemFrom = from;
  for (let k = from; k <= to; k++) {
    const text = k < to ? tokens[k]?.text : ',';
    if (text === '(') {
      let close = k + 1;
      while (close < to && tokens[close]?.text !== ')' && tokens[close]?.text !== '(') close++;
      if (tokens[close]?.text !== ')' || close >= to) return [];
      items.push([itemFrom, k]);
      items.push(...cellItems(tokens, k + 1, close));
      k = close;
      itemFrom = close + 1;
      continue;
    }
    if (text === ',' || text === ';') {
      items.push([itemFrom, k]);
      itemFrom = k + 1;
    }
  }
  return items.filter(([a, b]) => b > a);
}

/**
 * One item of an organisation cell as a candidate, unless it is a person (the person rules read those),
 * a place alone, a common noun, or a phrase saying that no one was named (`noch nicht beauftragt`).
 *
 * @param section The section.
 * @param from First token.
 * @param to Token after the last.
 * @returns The candidate, or undefined.
 */
function organizationItem(section: TokenSection, from: number, to: number): Candidate | undefined {
  const tokens = section.tokens;
  if (to - from > MAX_ITEM_TOKENS) return undefined;
  const words = tokens.slice(from, to).filter((t) => t.kind === 'word');
  const firstWord = tokens[from];
  if (!firstWord || firstWord.kind !== 'word' || words.length === 0) return undefined;
  for (const word of words) {
    const lower = word.text.toLowerCase();
    if (GENERIC_CELL_WORDS.has(lower)) return undefined;
    if (/^\p{Ll}/u.test(word.text) && !CONNECTORS.has(lower) && isFunctionWord(word.text)) return undefined;
    if (isFunctionWord(word.text) && !CONNECTORS.has(lower) && word !== firstWord) return undefined;
  }
  if (isFunctionWord(firstWord.text) && !ARTICLE.test(firstWord.text)) return undefined;
  // `Ole Spata`, `Prof. Dr. Jens Bülte`, `Nikolai Hengst Videoproduzent`: people are the person rules'.
  if (isGivenName(firstWord.text) && isCapitalised(tokens[from + 1]) && legalFormAt(tokens, to - 1) === 0) return undefined;
  if (PERSON_TITLES.has(firstWord.text)) return undefined;
  // `Nikolai Hengst Videoproduzent`: a name and the person's trade.
  const trade = words.at(-1)?.text ?? '';
  if (words.length >= 3 && words.every((w) => isCapitalised(w)) && isRole(trade) && !hasOrgHead(trade) && legalFormAt(tokens, to - 1) === 0) return undefined;
  const place = matchGazetteer(tokens, from);
  if (place?.entry.type === 'Place' && from + place.length >= to) return undefined;
  // `Druck`, `Kommunen`: a common noun alone names no one; `Radio.21` and `Karrieremonitore.de` are names.
  if (to - from === 1 && isNoun(firstWord.text) && !isAllCaps(firstWord.text)) return undefined;
  const named = tokens
    .slice(from, to)
    .some((t, k) => t.kind === 'number' || isProperish(t) || hasInnerCapital(t.text) || hasOrgHead(t.text) || legalFormAt(tokens, from + k) > 0 || matchGazetteer(tokens, from + k) !== undefined || (t.kind === 'word' && /^\p{Ll}/u.test(t.text) && !CONNECTORS.has(t.text)));
  if (!named) return undefined;
  let end = to;
  while (end > from && (tokens[end - 1]?.kind !== 'word' && tokens[end - 1]?.kind !== 'number') && !endsInLegalForm(tokens, from, end)) end--;
  if (end <= from) return undefined;
  return candidate(section, from, end, 'Organization', 'table-column', TABLE_PRIORITY);
}

/** An article that may open an organisation's name: `DIE KAVALLERIE GmbH`, `The Pioneer`. */
const ARTICLE = /^(?:the|die|der|das)$/iu;

/** Priority of a cell's item: above legal forms and institutional heads, which see only part of a cell. */
const TABLE_PRIORITY = 87;

/**
 * The title of one row: the quoted names in it (`„Unser Recht braucht Dich“`), or the whole cell where it
 * reads as a name rather than a description (`Stark für Gerechtigkeit`, `75 Jahre Grundgesetz`, but not
 * `Kampagne zur Gewinnung …`, `Printmedien (Zeitungen, Anzeigen)`), without a dating parenthesis.
 *
 * @param section The section.
 * @param row The row's first line.
 * @param end Index where the money cell starts.
 * @param codeColumn Whether a short form opens unindented rows.
 * @returns Candidates.
 */
function titleCell(section: TokenSection, row: PrintedLine, end: number, codeColumn: boolean): Candidate[] {
  return titleTokens(section, codeColumn && row.indent === 0 ? row.from + 1 : row.from, end);
}

/**
 * The title of a cell that starts at a token and ends before a text index.
 *
 * @param section The section.
 * @param from First token.
 * @param end Index where the cell ends.
 * @returns Candidates.
 */
function titleTokens(section: TokenSection, from: number, end: number): Candidate[] {
  const tokens = section.tokens;
  let to = from;
  while (to < tokens.length && (tokens[to]?.end ?? 0) <= end) to++;
  if (to <= from) return [];
  const out: Candidate[] = [];
  for (let k = from; k < to; k++) {
    if (!OPEN_QUOTES.has(tokens[k]?.text ?? '')) continue;
    let close = k + 1;
    while (close < to && !CLOSE_QUOTES.has(tokens[close]?.text ?? '')) close++;
    if (close >= to || close === k + 1) return out;
    out.push(candidate(section, k + 1, close, 'Other', 'table-title', TABLE_PRIORITY));
    k = close;
  }
  if (out.length > 0) return out;
  // `Frauen im Sport #sichtbar (Jahr 2026)`: the dating parenthesis is no part of the title.
  while (tokens[to - 1]?.text === ')') {
    let open = to - 1;
    while (open > from && tokens[open]?.text !== '(') open--;
    if (tokens[open]?.text !== '(' || !DATING.test(section.text.slice(tokens[open]?.start ?? 0, tokens[to - 1]?.end ?? 0))) break;
    to = open;
  }
  if (to <= from || !titleIsName(tokens, from, to)) return [];
  return [candidate(section, from, to, 'Other', 'table-title', TABLE_PRIORITY)];
}

/**
 * Whether a title cell reads as a name: at most {@link MAX_TITLE_WORDS} words, no parenthesis, no
 * descriptive noun (`Kampagne`, `Maßnahmen`, `Anzeigen`), and a number, a hashtag or a word that is neither
 * a noun nor an adjective in front (`75 Jahre Grundgesetz`, `Frauen im Sport #sichtbar`, `Stark für Gerechtigkeit`).
 *
 * @param tokens Tokens.
 * @param from First token.
 * @param to Token after the last.
 * @returns True when it does.
 */
function titleIsName(tokens: readonly Token[], from: number, to: number): boolean {
  const span = tokens.slice(from, to);
  const words = span.filter((t) => t.kind === 'word');
  if (words.length < 2 || words.length > MAX_TITLE_WORDS) return false;
  if (span.some((t) => t.text === '(' || t.text === ')' || t.text === ',' || t.text === ':' || t.text === '/' && t === span[0])) return false;
  if (words.some((t) => DESCRIPTIVE_TITLE.test(t.text.toLowerCase()) || GENERIC_CELL_WORDS.has(t.text.toLowerCase()))) return false;
  const first = span[0];
  if (!first) return false;
  if (span.some((t, k) => t.text === '#' && span[k + 1]?.start === t.end)) return true;
  if (first.kind === 'number') return true;
  if (first.kind !== 'word' || !isCapitalised(first)) return false;
  if (!isCommonNounLike(first.text) && !isCapitalisedAdjective(first.text) && !isAbbreviation(first.text) && !matchGazetteer(tokens, from)) return true;
  // `Lesen verbindet Welten`: a verb or a bare adjective makes a motto; `Lesefest Weserbogen 2025`: a name's
  // word or the year makes a name.
  return span.slice(1).some((t, k) => (t.kind === 'word' && /^\p{Ll}/u.test(t.text) && !isFunctionWord(t.text) && !CONNECTORS.has(t.text) && !INFLECTED.test(t.text)) || (isCapitalised(t) && isProperish(t) && !isCommonNounLike(t.text) && !isCapitalisedAdjective(t.text)) || (k === span.length - 2 && YEAR.test(t.text)));
}

/** An inflected adjective, as descriptions use them: `regionalen`, `digitale`, `junger`. */
const INFLECTED = /(?:e|en|er|es|em)$/u;

/** A year: `2025`. */
const YEAR = /^(?:19|20)\d\d$/u;

/**
 * A money amount in a column whose heading gives the currency: `99.987,00`, `500 000,00`, `50.000,-`,
 * `440.563`, `368.084,70 €` (a thousands separator or cents, so that a year in the cell before is none).
 */
export const MONEY_VALUE = /(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d{2}|,-)?|\d{1,3}(?: \d{3})+(?:,\d{2}|,-)|\d{1,3},(?:\d{2}|-))(?:\s?(?:€|Euro|EUR))?(?![\d.,]?\d)/u;

/** A date as a table cell prints it: `12.01.2022`, `21./22.08.2022`, `19.-20.10.2021`, `1.11.2021`. */
export const DATE_VALUE = /(?<![\d.])\d{1,2}\.(?:\s?[-–/]\s?\d{1,2}\.)?(?:\d{1,2}\.)(?:\d{4}|\d{2})(?![\d.]?\d)/u;

/** A row's last cell as printed at the end of its line: a number or an amount (`440.563`, `228.698*`, `11.409`, `0`), or a date. */
const ROW_END = /(?:\d|€|Euro|EUR)\*?$/u;

/** Most printed lines of a first column's cell above the line with the row's next cell. */
const MAX_PENDING_LINES = 3;

/** Most words before a legal form that ends a name opening a line: `Warth & Klein Grant Thornton AG`. */
const MAX_LEGAL_FORM_AT = 6;

/** A printed line wider than this (in columns) holds more than a first column's cell. */
const LEADING_CELL_WIDTH = 30;

/**
 * The text index where the typed value of a column starts on a line, and where it ends.
 *
 * @param text The line's text.
 * @param kind The column's kind.
 * @returns Start and end in the line's text, or undefined.
 */
function valueAt(text: string, kind: ColumnKind | undefined): [number, number] | undefined {
  const match = kind === 'money' ? MONEY_VALUE.exec(text) : kind === 'date' ? DATE_VALUE.exec(text) : null;
  return match ? [match.index, match.index + match[0].length] : undefined;
}

/**
 * Read a table whose first column holds organisations or titles and whose second column a typed value
 * (`Organisation | Betrag in Euro`, `Projekt | Fördersumme in Euro`, `Titel der Veranstaltung | Datum | …`):
 * the first cell of a row is what its line prints before that value, with the lines above it that no
 * row before took (the row before ended with its last cell, a number or a date).
 *
 * @param section The section.
 * @param lines Its printed lines.
 * @param header The table's header.
 * @param out Where candidates go.
 * @returns Index of the first line after the table.
 */
function readBeforeValue(section: TokenSection, lines: readonly PrintedLine[], header: Header, out: Candidate[]): number {
  const columns = header.columns;
  const lead = columns[0]?.kind;
  const second = columns[1]?.kind;
  const typedLast = columns.length === 2 || columns.at(-1)?.kind === 'money' || columns.at(-1)?.kind === 'date';
  let pending: PrintedLine[] = [];
  let complete = true;
  let at = header.next;
  // The first row shows within a few lines of the header, or the header was not read whole.
  let seen = false;
  for (; at < lines.length; at++) {
    const line = lines[at];
    if (!line) break;
    const again = repeatedHeader(section, lines, at, header);
    if (again === 'other') break;
    if (again) {
      pending = [];
      complete = true;
      at = again.next - 1;
      continue;
    }
    if (line.width > MAX_TABLE_LINE) break;
    const text = section.text.slice(line.start, line.end);
    const value = valueAt(text, second);
    if (!value) {
      if (complete) pending.push(line);
      // `31.12.2025 0504 – 687 17`: the row's last cell ends it.
      else if (typedLast && ROW_END.test(text.trimEnd())) complete = true;
      if (pending.length > MAX_PENDING_LINES) {
        if (!seen) break;
        pending = [];
        complete = false;
      }
      continue;
    }
    seen = true;
    const start = complete && pending[0] ? pending[0].start : line.start;
    const end = line.start + value[0];
    pending = [];
    complete = typedLast && ROW_END.test(text.trimEnd());
    if (end <= start) continue;
    if (lead === 'organization') out.push(...organizationCell(section, start, end));
    else out.push(...titleSpan(section, start, end));
  }
  return at;
}

/**
 * Read a table whose first column holds organisations and whose second holds running text, with a date
 * or an amount last (`Auftragnehmer | Inhalt/Untersuchungsgegenstand | Zeitpunkt der Beauftragung`): a
 * row ends with a line ending in that value; the organisation is the row's first lines while they are
 * narrow (`Warth & Klein Grant` / `Thornton AG`), or the name that opens its first line before the
 * second cell's common noun (`LSE Consulting Vorteile und …`, `ZEW Neuausrichtung …`).
 *
 * @param section The section.
 * @param lines Its printed lines.
 * @param header The table's header.
 * @param out Where candidates go.
 * @returns Index of the first line after the table.
 */
function readLeadingCell(section: TokenSection, lines: readonly PrintedLine[], header: Header, out: Candidate[]): number {
  const last = header.columns.at(-1)?.kind;
  let row: PrintedLine[] = [];
  let at = header.next;
  for (; at < lines.length; at++) {
    const line = lines[at];
    if (!line) break;
    const again = repeatedHeader(section, lines, at, header);
    if (again === 'other') break;
    if (again) {
      row = [];
      at = again.next - 1;
      continue;
    }
    if (line.width > MAX_TABLE_LINE) break;
    row.push(line);
    const text = section.text.slice(line.start, line.end).trimEnd();
    const value = valueAt(text, last);
    if (value && value[1] === text.length) {
      out.push(...leadingCell(section, row));
      row = [];
    } else if (row.length > MAX_CELL_LINES) {
      break;
    }
  }
  return at;
}

/**
 * The organisations in the first cell of one row of {@link readLeadingCell}.
 *
 * @param section The section.
 * @param row The row's printed lines.
 * @returns Candidates.
 */
function leadingCell(section: TokenSection, row: readonly PrintedLine[]): Candidate[] {
  const first = row[0];
  if (!first || first.from >= first.to) return [];
  // A row opening with a number has a column the header does not name (`1 Bildungsträger in`).
  if (section.tokens[first.from]?.kind === 'number') return [];
  let narrow = 0;
  while (narrow < row.length - 1 && narrow < MAX_PENDING_LINES && (row[narrow]?.width ?? 0) - (row[narrow]?.indent ?? 0) <= LEADING_CELL_WIDTH) narrow++;
  const lastNarrow = row[narrow - 1];
  if (lastNarrow) return organizationCell(section, first.start, lastNarrow.end);
  const end = leadingName(section, first.from, first.to);
  const item = end > first.from ? organizationItem(section, first.from, end) : undefined;
  return item ? [item] : [];
}

/**
 * Where a name that opens a line ends, before the next cell's text: after its legal form (`Deloitte GmbH
 * Überprüfung …`), or before the first common noun that is no institutional head (`LSE Consulting Vorteile
 * …`, `Ifo Institut Expertenbefragung …`, `ZEW Neuausrichtung …`).
 *
 * @param section The section.
 * @param from The line's first token.
 * @param to Token after its last.
 * @returns Token after the name, or `from` when no name can be told from the cell after it.
 */
function leadingName(section: TokenSection, from: number, to: number): number {
  const tokens = section.tokens;
  // `Info GmbH Evaluation …`, `d-fine GmbH Machbarkeitsstudie …`: a legal form soon after the start ends the name.
  for (let k = from + 1; k < to && k <= from + MAX_LEGAL_FORM_AT; k++) {
    const form = legalFormAt(tokens, k);
    if (form > 0) return tokens.slice(from, k).every((t) => t.kind === 'word' || t.text === '&') ? k + form : from;
  }
  for (let k = from; k < to && k < from + MAX_ITEM_TOKENS; k++) {
    const token = tokens[k];
    if (!token) return from;
    const form = legalFormAt(tokens, k);
    if (form > 0 && k > from) return k + form;
    if (token.text === '&' || CONNECTORS.has(token.text)) continue;
    if (token.kind !== 'word') return from;
    const name = isAbbreviation(token.text) || hasInnerCapital(token.text) || hasOrgHead(token.text) || (isProperish(token) && !isCommonNounLike(token.text));
    if (name) continue;
    // The first common noun opens the next cell; a name must stand before it.
    if (k > from && isCapitalised(token) && isCommonNounLike(token.text) && !isCapitalisedAdjective(token.text) && !CONNECTORS.has(tokens[k - 1]?.text ?? '')) return k;
    return from;
  }
  return from;
}

/**
 * The title in a span of a title cell: its quoted names, or the whole span where it reads as a name.
 *
 * @param section The section.
 * @param start Index of the cell's first character.
 * @param end Index after its last.
 * @returns Candidates.
 */
function titleSpan(section: TokenSection, start: number, end: number): Candidate[] {
  const tokens = section.tokens;
  let from = 0;
  while (from < tokens.length && (tokens[from]?.start ?? 0) < start) from++;
  return titleTokens(section, from, end);
}
