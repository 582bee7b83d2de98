/**
 * The corpus as one SQLite database (`drucksache.sqlite`): the CSV tables with the same columns, typed
 * (integers as integers, amounts as reals, `table` as 0/1), keyed as the tables join, indexed on
 * `document` and the keys, with FTS5 full-text tables over question and answer texts. Also the
 * Datasette metadata that describes it, from the same descriptions as the README's column tables.
 *
 * This module only says what to write (statements and row values); `pipeline/sqlite.ts` writes it.
 *
 * Keys:
 * - `documents.document` is the primary key; every other table's `document` refers to it.
 * - `questions`, `answers` and `entities` are keyed by `(document, id)`.
 * - `mentions(document, entity)` refers to `entities(document, id)`.
 * - `answer_questions` lists, per answer, the questions it answers (what `answers.question_ids` joins
 *   in one cell), referring to both tables.
 * - `questions_fts` and `answers_fts` index `text` of their table (external content, joined by
 *   `rowid`): `SELECT document, id FROM answers WHERE rowid IN (SELECT rowid FROM answers_fts WHERE
 *   answers_fts MATCH 'Palantir')`.
 */
import type { DrucksacheDocument } from '../model.js';
import { csvRecords, csvTableNames, csvTables, type CsvCell, type CsvTableName } from './csv.js';

/** The type SQLite declares for a column. */
export type SqliteType = 'TEXT' | 'INTEGER' | 'REAL';

/** A value bound to a statement. */
export type SqliteValue = string | number | null;

/** Columns that hold whole numbers: positions, counts, the Wahlperiode, the `table` flag (0/1). */
const INTEGER_COLUMNS = new Set([
  'start_line', 'start_column', 'start_offset', 'end_line', 'end_column', 'end_offset', 'legislative_period',
  'preamble_count', 'question_count', 'answer_count', 'entity_count', 'amount_count', 'date_count',
  'source_count', 'message_count', 'mention_count', 'table',
]);

/** Columns that hold amounts of money, which may have cents. */
const REAL_COLUMNS = new Set(['value', 'upper']);

/**
 * The declared type of a column of the CSV tables.
 *
 * @param column The column name.
 * @returns `INTEGER`, `REAL` or `TEXT`.
 */
export function sqliteType(column: string): SqliteType {
  if (INTEGER_COLUMNS.has(column)) return 'INTEGER';
  if (REAL_COLUMNS.has(column)) return 'REAL';
  return 'TEXT';
}

/** Names of the tables: the CSV tables, then the link table of answers and questions. */
export const sqliteTableNames = [...csvTableNames, 'answer_questions'] as const;

/** Name of one table. */
export type SqliteTableName = (typeof sqliteTableNames)[number];

/** One column of a table. */
export interface SqliteColumn {
  readonly name: string;
  readonly type: SqliteType;
  readonly description: string;
}

/** A table: what a row stands for, its columns in order, its keys. */
export interface SqliteTable {
  readonly description: string;
  readonly columns: readonly SqliteColumn[];
  /** Columns of the primary key, if any (else the row id). */
  readonly primaryKey?: readonly string[];
  /** Foreign keys: columns here, the table and columns they refer to. */
  readonly foreignKeys: ReadonlyArray<{ readonly columns: readonly string[]; readonly table: SqliteTableName; readonly references: readonly string[] }>;
  /** Indexes beyond the primary key, each a list of columns. */
  readonly indexes: ReadonlyArray<readonly string[]>;
}

/** The document foreign key that every table but `documents` has. */
const toDocument = { columns: ['document'], table: 'documents', references: ['document'] } as const;

/** Keys and indexes per CSV table. */
const csvKeys: Readonly<Record<CsvTableName, Omit<SqliteTable, 'description' | 'columns'>>> = {
  documents: { primaryKey: ['document'], foreignKeys: [], indexes: [] },
  questions: { primaryKey: ['document', 'id'], foreignKeys: [toDocument], indexes: [] },
  answers: { primaryKey: ['document', 'id'], foreignKeys: [toDocument], indexes: [] },
  entities: { primaryKey: ['document', 'id'], foreignKeys: [toDocument], indexes: [['key'], ['type']] },
  mentions: {
    foreignKeys: [toDocument, { columns: ['document', 'entity'], table: 'entities', references: ['document', 'id'] }],
    indexes: [['document', 'entity'], ['key']],
  },
  amounts: { foreignKeys: [toDocument], indexes: [['document']] },
  dates: { foreignKeys: [toDocument], indexes: [['document'], ['start']] },
  sources: { foreignKeys: [toDocument], indexes: [['document'], ['kind']] },
};

/**
 * A CSV table as a SQLite table: its columns typed, with its keys.
 *
 * @param name The CSV table.
 * @returns The SQLite table.
 */
function fromCsv(name: CsvTableName): SqliteTable {
  return {
    description: csvTables[name].description,
    columns: csvTables[name].columns.map((column) => ({ name: column.key, type: sqliteType(column.key), description: column.description })),
    ...csvKeys[name],
  };
}

/** The tables with their typed columns and keys. */
export const sqliteTables: Readonly<Record<SqliteTableName, SqliteTable>> = {
  documents: fromCsv('documents'),
  questions: fromCsv('questions'),
  answers: fromCsv('answers'),
  entities: fromCsv('entities'),
  mentions: fromCsv('mentions'),
  amounts: fromCsv('amounts'),
  dates: fromCsv('dates'),
  sources: fromCsv('sources'),
  answer_questions: {
    description: 'One row per question an answer answers (the rows behind answers.question_ids)',
    columns: [
      { name: 'document', type: 'TEXT', description: 'The input file stem; joins all tables' },
      { name: 'answer', type: 'TEXT', description: 'Answer id (answers.id)' },
      { name: 'question', type: 'TEXT', description: 'Id of a question it answers (questions.id)' },
    ],
    primaryKey: ['document', 'answer', 'question'],
    foreignKeys: [
      toDocument,
      { columns: ['document', 'answer'], table: 'answers', references: ['document', 'id'] },
      { columns: ['document', 'question'], table: 'questions', references: ['document', 'id'] },
    ],
    indexes: [['document', 'question']],
  },
};

/** The full-text tables: name, the table whose `text` they index. */
export const sqliteFtsTables = [
  { name: 'questions_fts', table: 'questions' },
  { name: 'answers_fts', table: 'answers' },
] as const;

/**
 * Quote an identifier for SQL (`in` and `table` are key words).
 *
 * @param name The identifier.
 * @returns It in double quotes.
 */
function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quoted, comma-separated identifiers. */
function list(names: readonly string[]): string {
  return names.map(quote).join(', ');
}

/**
 * The statements that create the tables (before the rows are inserted).
 *
 * @returns `CREATE TABLE` statements, parents before children.
 */
export function sqliteCreateTables(): string[] {
  return sqliteTableNames.map((name) => {
    const table = sqliteTables[name];
    const parts = table.columns.map((column) => `${quote(column.name)} ${column.type}${column.name === 'document' ? ' NOT NULL' : ''}`);
    if (table.primaryKey) parts.push(`PRIMARY KEY (${list(table.primaryKey)})`);
    for (const key of table.foreignKeys) parts.push(`FOREIGN KEY (${list(key.columns)}) REFERENCES ${quote(key.table)} (${list(key.references)})`);
    return `CREATE TABLE ${quote(name)} (\n  ${parts.join(',\n  ')}\n)`;
  });
}

/**
 * The statements that finish the database once every row is in: indexes and full-text tables (built
 * in one pass, which is faster than keeping them up to date row by row).
 *
 * @returns `CREATE INDEX`, `CREATE VIRTUAL TABLE … USING fts5` and the FTS `rebuild` statements.
 */
export function sqliteFinishStatements(): string[] {
  const statements: string[] = [];
  for (const name of sqliteTableNames) {
    for (const columns of sqliteTables[name].indexes) {
      statements.push(`CREATE INDEX ${quote(`${name}_${columns.join('_')}`)} ON ${quote(name)} (${list(columns)})`);
    }
  }
  for (const fts of sqliteFtsTables) {
    // `remove_diacritics 2` lets `Behorde` find `Behörde` too; German compounds stay whole words.
    statements.push(`CREATE VIRTUAL TABLE ${quote(fts.name)} USING fts5(text, content=${quote(fts.table)}, content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`);
    statements.push(`INSERT INTO ${quote(fts.name)}(${quote(fts.name)}) VALUES ('rebuild')`);
  }
  return statements;
}

/**
 * The statement that inserts one row into a table, with one `?` per column in order.
 *
 * @param table The table.
 * @returns `INSERT INTO … VALUES (?, …)`.
 */
export function sqliteInsert(table: SqliteTableName): string {
  const columns = sqliteTables[table].columns.map((column) => column.name);
  return `INSERT INTO ${quote(table)} (${list(columns)}) VALUES (${columns.map(() => '?').join(', ')})`;
}

/**
 * A CSV cell as a value of its SQLite column: booleans as 0/1, absent values as NULL.
 *
 * @param cell The cell.
 * @returns The value to bind.
 */
function sqliteValue(cell: CsvCell): SqliteValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  return cell;
}

/**
 * The rows one document contributes to a table, as values in column order.
 *
 * @param table The table.
 * @param doc The document.
 * @param stem The input file stem (the `document` column).
 * @returns Rows, in document order.
 */
export function sqliteRows(table: SqliteTableName, doc: DrucksacheDocument, stem: string): SqliteValue[][] {
  if (table === 'answer_questions') {
    const idByNumber = new Map<string, string>();
    for (const question of doc.questions) if (!idByNumber.has(question.number)) idByNumber.set(question.number, question.id);
    return doc.answers.flatMap((answer) => {
      const ids = new Set(answer.questions.flatMap((number) => idByNumber.get(number) ?? []));
      return [...ids].map((id) => [stem, answer.id, id]);
    });
  }
  const columns = sqliteTables[table].columns;
  return csvRecords(table, doc, stem).map((record) => columns.map((column) => sqliteValue(record[column.name])));
}
