/**
 * drucksache: turn German parliamentary papers into clean, linked data.
 *
 * The library API: `extract` runs the whole pipeline on one document held in memory.
 */
import { VFile } from 'vfile';
import { decode } from './parse/decode.js';
import type { DrucksacheDocument, Message } from './model.js';
import { drucksache } from './pipeline.js';

export { decode, MAX_INPUT_BYTES, UnreadableInputError } from './parse/decode.js';
export * from './model.js';
export { cleanFurniture, compileDocument, drucksache, extractStage, flattenLines, formatOf, parseDrucksache, segmentDrucksache, separateAnnexes, toDocument } from './pipeline.js';
export { csvHeader, csvRows, csvTableNames, csvTables, type CsvOptions, type CsvTableName } from './emit/csv.js';
export { toJson, toNdjsonLine } from './emit/json.js';
export { entityIri, toJsonLd } from './emit/jsonld.js';
export { sqliteCreateTables, sqliteFinishStatements, sqliteFtsTables, sqliteInsert, sqliteRows, sqliteTableNames, sqliteTables, type SqliteTableName } from './emit/sqlite.js';
export { datasetteMetadata, TOP_ORGANISATIONS_SQL } from './emit/datasette.js';
export { entityKey } from './extract/entities/key.js';
export { jsonSchema } from './emit/schema.js';
export type { ExtractContext, Extraction, Section } from './lines/section.js';

/** Options for `extract`. */
export interface ExtractOptions {
  /** Path to report in `source.path` and messages; its extension also picks the form. */
  path?: string;
  /** Input form; guessed from `path` or the content when absent. */
  format?: 'markdown' | 'text';
}

/** What `extract` returns. */
export interface ExtractResult {
  /** The JSON model of the document. */
  document: DrucksacheDocument;
  /** Problems met in the data, also in `document.messages`. */
  messages: Message[];
}

/**
 * Run the pipeline on one document.
 *
 * @param input The document: text, or its bytes (UTF-8).
 * @param options Path and form.
 * @returns The model and its messages.
 * @throws {UnreadableInputError} When bytes cannot be decoded as text.
 */
export function extract(input: string | Uint8Array, options: ExtractOptions = {}): ExtractResult {
  const value = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decode(input);
  const file = new VFile({ value, ...(options.path === undefined ? {} : { path: options.path }) });
  if (options.format) file.data.format = options.format;
  const processed = drucksache().processSync(file);
  const document = processed.result as DrucksacheDocument;
  return { document, messages: document.messages };
}
