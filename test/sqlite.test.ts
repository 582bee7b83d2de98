/**
 * `--format sqlite`: the database of the development corpus, opened with a second SQLite client
 * (Python's `sqlite3`): its keys hold, its columns carry their declared types, its full-text tables
 * find text, entities join across papers; it is the same bytes on every run, appears only when
 * complete, and its Datasette metadata describes every column as the README does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../pipeline/run.js';
import { sqliteSink } from '../pipeline/sqlite.js';
import { datasetteMetadata } from '../src/emit/datasette.js';
import { csvTableNames, csvTables } from '../src/emit/csv.js';
import { sqliteCreateTables, sqliteTableNames, sqliteTables } from '../src/emit/sqlite.js';
import { extract } from '../src/index.js';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'drucksache-sqlite-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run the command line's extract into a directory. */
async function extractInto(out: string): Promise<void> {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    expect(await runExtract(['input'], { out, format: ['sqlite'], csvDelimiter: ',', quiet: true, jobs: 1 })).toBe(0);
  } finally {
    process.chdir(cwd);
  }
}

/** Run SQL through Python's sqlite3 module; each statement's rows come back as lists. */
function python(database: string, statements: Record<string, string>): Record<string, unknown[][]> {
  const script = [
    'import json, sqlite3, sys',
    'db = sqlite3.connect(sys.argv[1])',
    'statements = json.loads(sys.argv[2])',
    'print(json.dumps({name: [list(row) for row in db.execute(sql)] for name, sql in statements.items()}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, database, JSON.stringify(statements)], { encoding: 'utf8' })) as Record<string, unknown[][]>;
}

describe('drucksache.sqlite of input/', () => {
  const out = join(scratch, 'one');
  const database = join(out, 'drucksache.sqlite');
  const papers = readdirSync(join(root, 'input'))
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => extract(readFileSync(join(root, 'input', name)), { path: `input/${name}` }).document);
  beforeAll(() => extractInto(out));

  it('keeps its foreign keys and its integrity', () => {
    const result = python(database, { keys: 'PRAGMA foreign_key_check', integrity: 'PRAGMA integrity_check', fks: "SELECT count(DISTINCT id) FROM pragma_foreign_key_list('mentions')" });
    expect(result.keys).toEqual([]);
    expect(result.integrity).toEqual([['ok']]);
    expect(result.fks).toEqual([[2]]);
  });

  it('holds one row per record, as the JSON does', () => {
    const result = python(database, {
      counts: `SELECT ${['documents', 'questions', 'answers', 'entities', 'mentions', 'amounts', 'sources'].map((table) => `(SELECT count(*) FROM ${table})`).join(', ')}`,
    });
    expect(result.counts).toEqual([
      [
        papers.length,
        papers.reduce((sum, doc) => sum + doc.questions.length, 0),
        papers.reduce((sum, doc) => sum + doc.answers.length, 0),
        papers.reduce((sum, doc) => sum + doc.entities.length, 0),
        papers.reduce((sum, doc) => sum + doc.entities.reduce((n, entity) => n + entity.mentions.length, 0), 0),
        papers.reduce((sum, doc) => sum + doc.amounts.length, 0),
        papers.reduce((sum, doc) => sum + doc.sources.length, 0),
      ],
    ]);
  });

  it('stores every column with its declared type (or NULL)', () => {
    const statements: Record<string, string> = {};
    for (const name of sqliteTableNames) {
      for (const column of sqliteTables[name].columns) statements[`${name}.${column.name}`] = `SELECT DISTINCT typeof("${column.name}") FROM "${name}"`;
    }
    const result = python(database, statements);
    for (const name of sqliteTableNames) {
      for (const column of sqliteTables[name].columns) {
        const types = (result[`${name}.${column.name}`] ?? []).map((row) => row[0]);
        const allowed = [column.type.toLowerCase(), 'null'];
        for (const type of types) expect(allowed, `${name}.${column.name}`).toContain(type);
      }
    }
    expect(python(database, { t: 'SELECT typeof(start_offset), typeof(value) FROM amounts LIMIT 1' }).t).toEqual([['integer', 'real']]);
  });

  it('finds answers by full-text search', () => {
    const result = python(database, {
      hits: "SELECT a.document, a.id FROM answers_fts JOIN answers a ON a.rowid = answers_fts.rowid WHERE answers_fts MATCH 'Bundesregierung' ORDER BY a.document, a.rowid",
      questions: "SELECT count(*) FROM questions_fts WHERE questions_fts MATCH 'Bundesregierung'",
    });
    const expected = papers.flatMap((doc) => doc.answers.filter((answer) => /\bBundesregierung\b/u.test(answer.text)).map((answer) => [doc.source.path.replace(/^input\/|\.\w+$/g, ''), answer.id]));
    expect(expected.length).toBeGreaterThan(0);
    expect(result.hits).toEqual(expected.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? '')));
    expect(result.questions?.[0]?.[0]).toBeGreaterThan(0);
  });

  it('counts an entity across papers by its key', () => {
    const result = python(database, {
      shared: 'SELECT key, count(DISTINCT document) AS papers FROM entities GROUP BY key HAVING papers > 1 ORDER BY papers DESC, key',
    });
    const papersByKey = new Map<string, Set<string>>();
    for (const doc of papers) for (const entity of doc.entities) papersByKey.set(entity.key, (papersByKey.get(entity.key) ?? new Set()).add(doc.source.path));
    const expected = [...papersByKey].filter(([, found]) => found.size > 1).map(([key, found]) => [key, found.size]);
    expect(result.shared?.length).toBeGreaterThan(0);
    expect(new Set(result.shared?.map((row) => JSON.stringify(row)))).toEqual(new Set(expected.map((row) => JSON.stringify(row))));
    expect(result.shared?.map((row) => row[0])).toContain('organization:bundesministerium-des-innern');
  });

  it('joins answers to the questions they answer', () => {
    const result = python(database, {
      joint: "SELECT group_concat(q.number, ';') FROM answer_questions aq JOIN questions q ON q.document = aq.document AND q.id = aq.question JOIN answers a ON a.document = aq.document AND a.id = aq.answer WHERE a.joint != 'single' GROUP BY aq.document, aq.answer ORDER BY aq.document, a.rowid LIMIT 1",
    });
    expect(result.joint?.[0]?.[0]).toMatch(/^\d+(?:;\d+)+$/);
  });

  it('writes the same bytes on every run', async () => {
    const again = join(scratch, 'two');
    await extractInto(again);
    expect(readFileSync(join(again, 'drucksache.sqlite')).equals(readFileSync(database))).toBe(true);
  });

  it('leaves no temporary file behind, and none when aborted', async () => {
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const aborted = join(scratch, 'aborted');
    const sink = sqliteSink(aborted);
    const first = papers[0];
    if (first) await sink.add(first, 'x');
    await sink.abort();
    expect(readdirSync(aborted)).toEqual([]);
    expect(existsSync(join(aborted, 'drucksache.sqlite'))).toBe(false);
  });

  it('writes Datasette metadata that describes every table and column as the README does', () => {
    const written = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8')) as ReturnType<typeof datasetteMetadata>;
    expect(written).toEqual(datasetteMetadata());
    const tables = written.databases.drucksache?.tables ?? {};
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const name of csvTableNames) {
      for (const column of csvTables[name].columns) {
        expect(tables[name]?.columns[column.key]).toBe(column.description);
        expect(readme).toContain(`| \`${column.key}\` | ${column.description} |`);
      }
    }
    expect(tables.answers?.fts_table).toBe('answers_fts');
    const described = python(database, { tables: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name" });
    expect(Object.keys(tables).sort()).toEqual(described.tables?.map((row) => row[0]));
  });

  it('creates each table with its keys', () => {
    const statements = sqliteCreateTables().join('\n');
    expect(statements).toContain('PRIMARY KEY ("document", "id")');
    expect(statements).toContain('FOREIGN KEY ("document", "entity") REFERENCES "entities" ("document", "id")');
  });
});
