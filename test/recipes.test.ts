/**
 * The README's recipes work on the real collection: the bulk answers in `../shared/bulk` are extracted
 * into CSV and SQLite once, then the README's top-organisations query is run with Python's `sqlite3`
 * and must print the table the README shows, its full-text search finds answers, and its DuckDB
 * queries read the CSV tables (an answer cell holding a 3 MB annex once stopped DuckDB's reader).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../pipeline/run.js';
import { TOP_ORGANISATIONS_SQL } from '../src/emit/datasette.js';

const root = new URL('..', import.meta.url).pathname;
const bulk = join(root, '..', 'shared', 'bulk');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const out = mkdtempSync(join(tmpdir(), 'drucksache-recipes-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The SQL of every fenced `sql` block of the README that reads a file under `output/`. */
function readmeQueries(marker: string): string[] {
  return [...readme.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').filter((sql) => sql.includes(marker));
}

/** Rows as the Markdown table the README shows: a header row, a rule, one row per result. */
function markdownTable(columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const line = (cells: readonly unknown[]): string => `| ${cells.map(String).join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Run one query with Python's sqlite3: column names and rows. */
function python(database: string, sql: string): { columns: string[]; rows: unknown[][] } {
  const script = [
    'import json, sqlite3, sys',
    'cursor = sqlite3.connect(sys.argv[1]).execute(sys.argv[2])',
    'rows = [list(row) for row in cursor]',
    'print(json.dumps({"columns": [d[0] for d in cursor.description], "rows": rows}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, database, sql], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { columns: string[]; rows: unknown[][] };
}

describe('the README recipes on ../shared/bulk', () => {
  const database = join(out, 'drucksache.sqlite');
  beforeAll(async () => {
    expect(existsSync(bulk), `${bulk} holds the bulk collection`).toBe(true);
    expect(await runExtract([bulk], { out, format: ['csv', 'sqlite'], csvDelimiter: ',', quiet: true, jobs: 1 })).toBe(0);
  }, 600_000);

  it('shows the top-organisations query and what it prints', () => {
    expect(readme).toContain(`\`\`\`sql\n${TOP_ORGANISATIONS_SQL}\n\`\`\``);
    const { columns, rows } = python(database, TOP_ORGANISATIONS_SQL);
    expect(rows).toHaveLength(10);
    const table = markdownTable(columns, rows);
    expect(readme, `the README should show:\n${table}`).toContain(`\n${table}\n`);
  });

  it('finds answers by full-text search and keeps the foreign keys', () => {
    expect(python(database, 'PRAGMA foreign_key_check').rows).toEqual([]);
    const { rows } = python(database, "SELECT a.document, a.id FROM answers_fts JOIN answers a ON a.rowid = answers_fts.rowid WHERE answers_fts MATCH 'Bundeswehr'");
    expect(rows.length).toBeGreaterThan(10);
    expect(readme).toContain("WHERE answers_fts MATCH 'Bundeswehr'");
  });

  it('runs the DuckDB queries over the CSV tables', async () => {
    const queries = readmeQueries('read_csv_auto(');
    expect(queries.length).toBeGreaterThanOrEqual(2);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const sql of queries) {
        const result = await connection.runAndReadAll(sql.replaceAll("'output/", `'${out}/`));
        expect(result.getRows().length, sql).toBeGreaterThan(0);
      }
      const widest = await connection.runAndReadAll(`SELECT max(length(text)) FROM read_csv_auto('${out}/csv/answers.csv')`);
      expect(Number(widest.getRows()[0]?.[0])).toBeLessThan(2_000_000);
    } finally {
      connection.closeSync();
    }
  });
});
