/**
 * Corpus-wide tidy tables (`csv/<table>.csv`): one row per record, a `document` column (the input
 * file stem) in every table, and ids that join across tables.
 *
 * Built for streaming: a batch runner writes `csvHeader(table)` once, then appends
 * `csvRows(table, doc, stem)` for one document at a time, so the corpus never has to be held in memory.
 *
 * Conventions:
 * - Quoting follows RFC 4180: a field is quoted when it holds the delimiter, a quote or a line break,
 *   and quotes inside are doubled. Records end in a line feed.
 * - Numbers are written as numbers (`18225`, `1600000000`, `0.5`: a dot as decimal separator, also
 *   with the `;` delimiter) and never quoted. Empty cells stand for absent values.
 * - A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (or the full-width
 *   `＝`, `＋`, `－`, `＠`) gets a leading `'` so spreadsheet programs do not run it as a formula (CSV
 *   injection); a negative number keeps its sign.
 * - Lists inside one cell (question numbers, aliases, pages) are joined by `;`.
 * - Positions are six flat columns: `start_line`, `start_column`, `start_offset`, `end_line`,
 *   `end_column`, `end_offset` (lines and columns 1-based, offsets 0-based and end exclusive, into
 *   the original input, as in the JSON `position`).
 */
import type { z } from 'zod';
import type { DrucksacheDocument, positionSchema } from '../model.js';

/** Names of the tables, in the order they are documented. */
export const csvTableNames = ['documents', 'questions', 'answers', 'entities', 'mentions', 'amounts', 'dates', 'sources'] as const;

/** Name of one table (`csv/<name>.csv`). */
export type CsvTableName = (typeof csvTableNames)[number];

/** One column of a table. */
export interface CsvColumn {
  /** The header name. */
  readonly key: string;
  /** What the column holds. */
  readonly description: string;
}

/** What a table holds and its columns, in order. */
export interface CsvTable {
  /** What one row stands for. */
  readonly description: string;
  /** The columns, in the order they are written. */
  readonly columns: readonly CsvColumn[];
}

/** A cell value before formatting: `undefined` and `null` become an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** How to format the tables. */
export interface CsvOptions {
  /**
   * Field delimiter, one character: `,` (default), `;` (what spreadsheet programs in German locales
   * expect) or another such as a tab. Not a quote or a line break.
   */
  readonly delimiter?: string;
  /** Start the header with a UTF-8 byte order mark, so spreadsheet programs read umlauts right. */
  readonly bom?: boolean;
}

/** The separator of several values inside one cell. */
const listSeparator = ';';

/** Descriptions of the `document` column and the position columns, shared by the tables. */
const documentColumn = { document: 'The input file stem (`bt21-0375` for `bt21-0375.txt`); joins all tables' } as const;
const positionColumns = {
  start_line: '1-based line of the first character in the original input',
  start_column: '1-based column of the first character',
  start_offset: '0-based offset of the first character (UTF-16 code units)',
  end_line: '1-based line of the end point',
  end_column: '1-based column of the end point',
  end_offset: '0-based offset after the last character; input.slice(start_offset, end_offset) is what was printed',
} as const;

/** The flat position cells of a record. */
function positionCells(position: z.infer<typeof positionSchema>): Record<keyof typeof positionColumns, number> {
  return {
    start_line: position.start.line,
    start_column: position.start.column,
    start_offset: position.start.offset,
    end_line: position.end.line,
    end_column: position.end.column,
    end_offset: position.end.offset,
  };
}

/** A table definition: descriptions of its columns (in order) and how to build its rows. */
interface TableDefinition<K extends string> {
  readonly description: string;
  readonly columns: Readonly<Record<K, string>>;
  readonly rows: (doc: DrucksacheDocument, stem: string) => Array<Record<K, CsvCell>>;
}

/** Tie the row keys of a table to its columns, so a row cannot miss or misname a column. */
function defineTable<K extends string>(definition: TableDefinition<K>): TableDefinition<string> {
  return definition;
}

/** Join a list of values into one cell. */
function joinList(values: readonly string[] | undefined): string | undefined {
  return values === undefined ? undefined : values.join(listSeparator);
}

const definitions: Readonly<Record<CsvTableName, TableDefinition<string>>> = {
  documents: defineTable({
    description: 'One row per document: where it came from, its metadata and how many records it yielded',
    columns: {
      ...documentColumn,
      schema_version: 'Version of the output format',
      source_path: 'Path of the input file as given',
      source_sha256: 'SHA-256 of the input file',
      source_format: '`markdown` or `text`',
      parliament: 'Parliament, e.g. `Deutscher Bundestag`',
      legislative_period: 'Wahlperiode',
      drucksache: 'This document’s own number where printed',
      date: 'This document’s date where printed (ISO 8601)',
      type: 'Kind of paper, e.g. `Antwort`',
      respondent: 'Who answers, e.g. `Bundesregierung`',
      responding_body: 'The ministry that wrote the answer where named, by its official name (empty where the printed name matches no known body)',
      responding_body_text: 'The responding body as printed',
      answers_drucksache: 'Number of the Anfrage answered',
      title: 'Title of the Anfrage',
      askers: 'Names of the members who asked, in printed order, joined by `;`',
      faction: 'Parliamentary group that asked, in its one official spelling',
      faction_text: 'The group as printed',
      preamble_count: 'Number of preambles',
      question_count: 'Number of questions (rows in questions.csv)',
      answer_count: 'Number of answers (rows in answers.csv)',
      entity_count: 'Number of entities (rows in entities.csv)',
      amount_count: 'Number of amounts (rows in amounts.csv)',
      date_count: 'Number of dates (rows in dates.csv)',
      source_count: 'Number of sources (rows in sources.csv)',
      message_count: 'Number of messages (problems met and text cut out)',
      warnings: 'Number of warnings: doubtful places a reader should check (the README lists their rules)',
      warning_rules: 'Rule ids of the warnings, each once, sorted, joined by `;` (`missing-meta;question-end-uncertain`)',
      answers_paper: 'File stem of the paper answered where the batch holds it (documents.document)',
    },
    rows: (doc, stem) => [
      {
        document: stem,
        schema_version: doc.schemaVersion,
        source_path: doc.source.path,
        source_sha256: doc.source.sha256,
        source_format: doc.source.format,
        parliament: doc.meta.parliament,
        legislative_period: doc.meta.legislativePeriod,
        drucksache: doc.meta.drucksache,
        date: doc.meta.date,
        type: doc.meta.type,
        respondent: doc.meta.respondent,
        responding_body: doc.meta.respondingBody,
        responding_body_text: doc.meta.respondingBodyText,
        answers_drucksache: doc.meta.answersDrucksache,
        title: doc.meta.title,
        askers: joinList(doc.meta.askers.map((asker) => asker.name)),
        faction: doc.meta.faction,
        faction_text: doc.meta.factionText,
        preamble_count: doc.preambles.length,
        question_count: doc.questions.length,
        answer_count: doc.answers.length,
        entity_count: doc.entities.length,
        amount_count: doc.amounts.length,
        date_count: doc.dates.length,
        source_count: doc.sources.length,
        message_count: doc.messages.length,
        warnings: doc.messages.filter((message) => message.severity === 'warning').length,
        warning_rules: joinList([...new Set(doc.messages.filter((message) => message.severity === 'warning').map((message) => message.ruleId))].sort()),
        answers_paper: doc.meta.answersPaper,
      },
    ],
  }),
  questions: defineTable({
    description: 'One row per question, in document order',
    columns: {
      ...documentColumn,
      id: 'Question id (`q3`); answers.question_ids and mentions.in refer to it',
      number: 'The printed number (`3`); answers.questions refers to it',
      sub_items: 'Letters of the lettered sub-items (`a;b;c`), their text is in the JSON',
      text: 'The question’s clean text',
      askers: 'Schriftliche Fragen: who asked this question, joined by `;`',
      asker_factions: 'Schriftliche Fragen: their groups, in the same order, joined by `;`',
      responding_body: 'Schriftliche Fragen: the ministry whose Geschäftsbereich the question falls in',
      ...positionColumns,
    },
    rows: (doc, stem) =>
      doc.questions.map((question) => ({
        document: stem,
        id: question.id,
        number: question.number,
        sub_items: joinList(question.subItems.map((item) => item.label)),
        text: question.text,
        ...positionCells(question.position),
        askers: joinList(question.askers?.map((asker) => asker.name)),
        asker_factions: joinList(question.askers?.map((asker) => asker.faction ?? '')),
        responding_body: question.respondingBody,
      })),
  }),
  answers: defineTable({
    description: 'One row per answer block, in document order',
    columns: {
      ...documentColumn,
      id: 'Answer id (`a14`); mentions.in, amounts.in and sources.in refer to it',
      questions: 'Numbers of every question this answer answers, joined by `;` (questions.number)',
      question_ids: 'Ids of those questions, joined by `;` (questions.id); numbers without a question are left out',
      joint: '`single`, `announced` (a printed sentence joins the questions) or `unannounced`',
      sub_item: 'Labels of the sub-items it answers (`a`, `b,c`) where the paper answers sub-items one by one; empty otherwise',
      references: 'Numbers of the questions whose answers this answer refers to, joined by `;`',
      text: 'The answer’s clean text',
      answered_by: 'Schriftliche Fragen: who signed the answer',
      answered_by_role: 'Schriftliche Fragen: the signer’s role, e.g. `Parlamentarischer Staatssekretär`',
      date: 'Schriftliche Fragen: the answer’s date (ISO 8601)',
      ...positionColumns,
    },
    rows: (doc, stem) => {
      const idByNumber = new Map<string, string>();
      for (const question of doc.questions) {
        if (!idByNumber.has(question.number)) idByNumber.set(question.number, question.id);
      }
      return doc.answers.map((answer) => ({
        document: stem,
        id: answer.id,
        questions: joinList(answer.questions),
        question_ids: joinList(answer.questions.flatMap((number) => idByNumber.get(number) ?? [])),
        joint: answer.joint,
        sub_item: answer.subItem,
        references: joinList(answer.references.map((reference) => reference.question)),
        text: answer.text,
        ...positionCells(answer.position),
        answered_by: answer.answeredBy?.name,
        answered_by_role: answer.answeredBy?.role,
        date: answer.date,
      }));
    },
  }),
  entities: defineTable({
    description: 'One row per entity (a real-world person, organisation, place or other named thing)',
    columns: {
      ...documentColumn,
      id: 'Entity id (`e1`); mentions.entity refers to it',
      key: 'Corpus-wide key, the same for the same entity in every paper (`organization:bundesministerium-der-finanzen`); joins entities across documents',
      type: '`Person`, `Organization`, `Place` or `Other`',
      name: 'The fullest nominative form',
      aliases: 'Other surface forms, abbreviations included, joined by `;`',
      mention_count: 'Number of mentions (rows in mentions.csv)',
    },
    rows: (doc, stem) =>
      doc.entities.map((entity) => ({
        document: stem,
        id: entity.id,
        key: entity.key,
        type: entity.type,
        name: entity.name,
        aliases: joinList(entity.aliases),
        mention_count: entity.mentions.length,
      })),
  }),
  mentions: defineTable({
    description: 'One row per mention of an entity, grouped by entity',
    columns: {
      ...documentColumn,
      entity: 'Id of the entity mentioned (entities.id)',
      key: 'Corpus-wide key of the entity mentioned (entities.key)',
      text: 'The text as printed (clean)',
      in: 'Section it was found in: `meta`, a preamble id, a question id or an answer id',
      ...positionColumns,
    },
    rows: (doc, stem) =>
      doc.entities.flatMap((entity) =>
        entity.mentions.map((mention) => ({
          document: stem,
          entity: entity.id,
          key: entity.key,
          text: mention.text,
          in: mention.in,
          ...positionCells(mention.position),
        })),
      ),
  }),
  amounts: defineTable({
    description: 'One row per money amount occurrence, repeats and table cells included, in document order',
    columns: {
      ...documentColumn,
      text: 'The amount as printed',
      value: 'In currency units (`1,6 Mrd. Euro` is 1600000000)',
      currency: 'ISO 4217 code',
      qualifier: '`rund`, `bis zu`, `über`, `zwischen` … where printed',
      upper: 'Upper bound of a range',
      table: '`true` for a table cell whose currency came from a header',
      in: 'Section it was found in',
      ...positionColumns,
    },
    rows: (doc, stem) =>
      doc.amounts.map((amount) => ({
        document: stem,
        text: amount.text,
        value: amount.value,
        currency: amount.currency,
        qualifier: amount.qualifier,
        upper: amount.upper,
        table: amount.table,
        in: amount.in,
        ...positionCells(amount.position),
      })),
  }),
  dates: defineTable({
    description: 'One row per date or date range, in document order',
    columns: {
      ...documentColumn,
      text: 'The date as printed',
      start: 'ISO date (or year-month, year) of the start',
      end: 'ISO date of the end; equals start for a single day',
      precision: '`day`, `month`, `season` or `year`',
      in: 'Section it was found in',
      ...positionColumns,
    },
    rows: (doc, stem) =>
      doc.dates.map((date) => ({
        document: stem,
        text: date.text,
        start: date.start,
        end: date.end,
        precision: date.precision,
        in: date.in,
        ...positionCells(date.position),
      })),
  }),
  sources: defineTable({
    description: 'One row per cited source (address, Drucksache, publication, law), in document order',
    columns: {
      ...documentColumn,
      kind: '`url`, `drucksache`, `publication` or `law`',
      text: 'The citation as printed (clean)',
      url: 'The address as an absolute URL (web sources, with `https://` added where the paper prints `www.…` without a scheme; `text` keeps what was printed), or the official PDF address of a cited Bundestag Drucksache',
      number: 'Drucksache number, e.g. `18/13237`',
      parliament: 'Parliament of a cited Drucksache',
      title: 'Title of a publication',
      pages: 'Pages cited, joined by `;`',
      in: 'Section it was found in',
      ...positionColumns,
    },
    rows: (doc, stem) =>
      doc.sources.map((source) => ({
        document: stem,
        kind: source.kind,
        text: source.text,
        url: source.url,
        number: source.number,
        parliament: source.parliament,
        title: source.title,
        pages: joinList(source.pages),
        in: source.in,
        ...positionCells(source.position),
      })),
  }),
};

/** Build one value per table, each checked by the compiler. */
function perTable<T>(make: (name: CsvTableName) => T): Readonly<Record<CsvTableName, T>> {
  return {
    documents: make('documents'),
    questions: make('questions'),
    answers: make('answers'),
    entities: make('entities'),
    mentions: make('mentions'),
    amounts: make('amounts'),
    dates: make('dates'),
    sources: make('sources'),
  };
}

/** The tables with their columns, for documentation and for consumers that check headers. */
export const csvTables: Readonly<Record<CsvTableName, CsvTable>> = perTable((name) => ({
  description: definitions[name].description,
  columns: Object.entries(definitions[name].columns).map(([key, description]) => ({ key, description })),
}));

/** Characters that cannot delimit fields: the quote and line breaks. */
const reservedDelimiters = new Set(['"', '\n', '\r']);

/**
 * The delimiter asked for, checked.
 *
 * @param options The options.
 * @returns One character.
 * @throws {Error} For a delimiter that is not one character, or is a quote or a line break.
 */
function delimiterOf(options: CsvOptions | undefined): string {
  const delimiter = options?.delimiter ?? ',';
  if (delimiter.length !== 1 || reservedDelimiters.has(delimiter)) {
    throw new Error(
      `Unexpected CSV delimiter \`${JSON.stringify(delimiter)}\`, expected one character other than a quote or a line break`,
    );
  }
  return delimiter;
}

/** First characters that make a spreadsheet program read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * One formatted field. Written here rather than by a general CSV library: the tables are the
 * bulk of what a batch renders, and per-field option handling there allocated a quarter of all
 * the memory of a run; `test/csv-format.test.ts` holds this against csv-stringify field by field.
 *
 * @param cell The value.
 * @param delimiter The field delimiter.
 * @returns The field as written: empty for no value, quoted where it holds the delimiter, a quote
 *   or a line break, with formula starts escaped in text.
 */
export function csvField(cell: CsvCell, delimiter: string): string {
  if (cell === undefined || cell === null) return '';
  let value: string;
  if (typeof cell === 'string') {
    if (cell === '') return '';
    value = FORMULA_START.test(cell) ? `'${cell}` : cell;
  } else if (typeof cell === 'boolean') {
    value = cell ? 'true' : 'false';
  } else {
    value = String(cell);
  }
  const quote = value.includes('"');
  if (!quote && !value.includes(delimiter) && !value.includes('\n') && !value.includes('\r')) return value;
  return `"${quote ? value.replaceAll('"', '""') : value}"`;
}

/**
 * One record: the fields, delimited, ending in a line feed.
 *
 * @param cells The values in column order.
 * @param delimiter The field delimiter.
 * @returns The line.
 */
function csvLine(cells: readonly CsvCell[], delimiter: string): string {
  let line = '';
  for (let k = 0; k < cells.length; k++) {
    if (k > 0) line += delimiter;
    line += csvField(cells[k], delimiter);
  }
  return `${line}\n`;
}

/**
 * The header line of a table.
 *
 * @param table The table.
 * @param options Delimiter and byte order mark.
 * @returns The column names, delimited, ending in a line feed (preceded by a BOM when asked for).
 * @throws {Error} For a delimiter that is not one character, or is a quote or a line break.
 */
export function csvHeader(table: CsvTableName, options?: CsvOptions): string {
  const line = csvLine(
    csvTables[table].columns.map((column) => column.key),
    delimiterOf(options),
  );
  return options?.bom === true ? `\uFEFF${line}` : line;
}

/**
 * The rows one document contributes to a table as records, keyed by column, before formatting (for
 * other tabular outputs such as SQLite).
 *
 * @param table The table.
 * @param doc The document.
 * @param stem The input file stem, written to the `document` column.
 * @returns One record per row, in the table's order.
 */
export function csvRecords(table: CsvTableName, doc: DrucksacheDocument, stem: string): Array<Record<string, CsvCell>> {
  return definitions[table].rows(doc, stem);
}

/**
 * The rows one document contributes to a table, without a header, ready to append.
 *
 * @param table The table.
 * @param doc The document.
 * @param stem The input file stem, written to the `document` column.
 * @param options Delimiter.
 * @returns Zero or more records, each ending in a line feed (the empty string for no rows).
 * @throws {Error} Like `csvHeader`.
 */
export function csvRows(table: CsvTableName, doc: DrucksacheDocument, stem: string, options?: CsvOptions): string {
  const delimiter = delimiterOf(options);
  const rows = definitions[table].rows(doc, stem);
  if (rows.length === 0) return '';
  const keys = csvTables[table].columns.map((column) => column.key);
  let text = '';
  for (const row of rows) text += csvLine(keys.map((key) => row[key]), delimiter);
  return text;
}
