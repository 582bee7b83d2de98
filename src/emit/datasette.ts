/**
 * Metadata for Datasette (`metadata.json` beside `drucksache.sqlite`): what the database holds, a
 * description of every table and column (the same descriptions as the README's column tables, from
 * `src/emit/csv.ts`), the full-text tables to search, and canned queries.
 *
 *     datasette output/drucksache.sqlite --metadata output/metadata.json
 */
import { sqliteFtsTables, sqliteTableNames, sqliteTables } from './sqlite.js';

/**
 * The organisations named in most papers, joined across the papers by their corpus-wide key (then by
 * mentions): counting papers first keeps one long table that repeats a name from topping the list.
 */
export const TOP_ORGANISATIONS_SQL = `SELECT
  (SELECT name FROM entities WHERE entities.key = mentions.key
   GROUP BY name ORDER BY count(*) DESC, name LIMIT 1) AS name,
  count(*) AS mentions,
  count(DISTINCT document) AS documents
FROM mentions
WHERE key LIKE 'organization:%'
GROUP BY key
ORDER BY documents DESC, mentions DESC, key
LIMIT 10;`;

/** A table's entry in Datasette's metadata. */
interface DatasetteTable {
  description: string;
  columns: Record<string, string>;
  fts_table?: string;
  fts_pk?: string;
}

/** Datasette's metadata document (the parts used here). */
export interface DatasetteMetadata {
  title: string;
  description: string;
  license: string;
  source: string;
  databases: Record<string, { tables: Record<string, DatasetteTable>; queries: Record<string, { title: string; sql: string }> }>;
}

/**
 * The Datasette metadata of `drucksache.sqlite`.
 *
 * @returns The metadata, ready for `JSON.stringify`.
 */
export function datasetteMetadata(): DatasetteMetadata {
  const tables: Record<string, DatasetteTable> = {};
  for (const name of sqliteTableNames) {
    const table = sqliteTables[name];
    tables[name] = {
      description: table.description,
      columns: Object.fromEntries(table.columns.map((column) => [column.name, column.description])),
    };
  }
  for (const fts of sqliteFtsTables) {
    const table = tables[fts.table];
    if (table) Object.assign(table, { fts_table: fts.name, fts_pk: 'rowid' });
  }
  return {
    title: 'Drucksachen: answers to Kleine Anfragen as data',
    description: 'Questions, answers, entities, amounts and sources of German parliamentary papers, one row per record; every record points back to its place in the input (start_/end_ line, column, offset).',
    license: 'Documents: amtliche Werke (§ 5 UrhG); tables: MIT',
    source: 'drucksache',
    databases: {
      drucksache: {
        tables,
        queries: { top_organisations: { title: 'The organisations named in most papers', sql: TOP_ORGANISATIONS_SQL } },
      },
    },
  };
}
