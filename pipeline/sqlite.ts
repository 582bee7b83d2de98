/**
 * `drucksache.sqlite`: the corpus as one SQLite database, written with better-sqlite3 row by row into
 * a temporary file (memory stays flat in the corpus size) that is renamed at the end, so no
 * half-written database is ever left behind. The same input gives the same bytes with the same
 * SQLite version: one transaction, rows in input order, no timestamps.
 */
import { createRequire } from 'node:module';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { sqliteCreateTables, sqliteFinishStatements, sqliteInsert, sqliteRows, sqliteTableNames } from '../src/emit/sqlite.js';
import { datasetteMetadata } from '../src/emit/datasette.js';
import type { DrucksacheDocument } from '../src/model.js';
import type { Sink } from './sinks.js';
import { writeAtomic } from './write.js';

/** The file name of the database in the output directory. */
export const SQLITE_FILE = 'drucksache.sqlite';

/** The file name of the Datasette metadata beside it. */
export const DATASETTE_METADATA_FILE = 'metadata.json';

/**
 * Load better-sqlite3 only when a database is asked for, so that the other outputs work where its
 * native module could not be built; say what to do where it is missing.
 *
 * @returns The Database constructor.
 * @throws {Error} Naming the install step when the module cannot be loaded.
 */
function loadDatabase(): typeof BetterSqlite3 {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new Error(
      `Unexpected missing SQLite module (${error instanceof Error ? error.message : String(error)}), expected better-sqlite3 built for this Node.js: run \`npm rebuild better-sqlite3\``,
    );
  }
}

/** A database being written: rows of one document at a time, then the indexes and full-text tables. */
export interface SqliteWriter {
  /** Insert the rows of one document (call in input order). */
  add(document: DrucksacheDocument, stem: string): void;
  /** Build indexes and full-text tables, commit and close. */
  finish(): void;
  /** Close without finishing. */
  close(): void;
}

/**
 * Open a new database file and create its tables.
 *
 * @param path The file; must not exist.
 * @returns The writer, inside one open transaction.
 */
export function openSqliteWriter(path: string): SqliteWriter {
  const Database = loadDatabase();
  const db = new Database(path);
  // The file is written under a temporary name and renamed when complete, so the rollback journal
  // is not needed on disk (better-sqlite3's defensive mode refuses `OFF`; a new file's pages need no
  // journal entries, so the one in memory stays small).
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('page_size = 4096');
  for (const statement of sqliteCreateTables()) db.exec(statement);
  db.exec('BEGIN');
  const inserts = sqliteTableNames.map((name) => ({ name, statement: db.prepare(sqliteInsert(name)) }));
  return {
    add(document, stem) {
      for (const { name, statement } of inserts) for (const row of sqliteRows(name, document, stem)) statement.run(row);
    },
    finish() {
      for (const statement of sqliteFinishStatements()) db.exec(statement);
      db.exec('COMMIT');
      db.close();
    },
    close() {
      if (db.open) db.close();
    },
  };
}

/**
 * The SQLite sink: `<out>/drucksache.sqlite` and `<out>/metadata.json` (for Datasette).
 *
 * @param out The output directory.
 * @returns The sink.
 */
export function sqliteSink(out: string): Sink {
  const target = join(out, SQLITE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  let writer: SqliteWriter | undefined;
  const open = async (): Promise<SqliteWriter> => {
    if (writer) return writer;
    await mkdir(out, { recursive: true });
    await rm(temporary, { force: true });
    writer = openSqliteWriter(temporary);
    return writer;
  };
  return {
    async add(document, stem) {
      (await open()).add(document, stem);
    },
    async finish() {
      (await open()).finish();
      writer = undefined;
      await rename(temporary, target);
      await writeAtomic(join(out, DATASETTE_METADATA_FILE), `${JSON.stringify(datasetteMetadata(), undefined, 2)}\n`);
    },
    async abort() {
      writer?.close();
      writer = undefined;
      await rm(temporary, { force: true });
    },
    outputs() {
      return [SQLITE_FILE, DATASETTE_METADATA_FILE];
    },
  };
}
