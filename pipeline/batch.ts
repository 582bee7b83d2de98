/**
 * Run the pipeline over a batch of files: read, extract, write every requested output. A bad file
 * is reported with its reason and the batch goes on; outputs are written atomically.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import { csvRows, csvTableNames, type CsvOptions, type CsvTableName } from '../src/emit/csv.js';
import { toJson } from '../src/emit/json.js';
import { toJsonLd } from '../src/emit/jsonld.js';
import { decode, MAX_INPUT_BYTES, UnreadableInputError } from '../src/parse/decode.js';
import type { DrucksacheDocument } from '../src/model.js';
import { drucksache } from '../src/pipeline.js';
import { describe } from './files.js';
import { linkWants, type LinkInterest } from './link.js';

/** Output forms. */
export type OutputFormat = 'json' | 'csv' | 'jsonld' | 'ndjson' | 'html' | 'sqlite';


/**
 * Outputs to render where the document is extracted (on a worker, with more than one job), so that
 * the thread that writes only writes: serialising a document costs a tenth of extracting it.
 */
export interface RenderOptions {
  /** Render `json/<stem>.json` (the text of `toJson`). */
  json?: boolean | undefined;
  /** Render the document's rows of every CSV table (the text of `csvRows`), with these options. */
  csv?: CsvOptions | undefined;
  /** Render `jsonld/<stem>.jsonld` (the text of `jsonLdText`). */
  jsonld?: boolean | undefined;
  /**
   * Keep the document in the result: a sink that writes from the object (JSON-LD, HTML, SQLite,
   * NDJSON) or the report of every message needs it. Without it, a document whose outputs were
   * all rendered is left out, so that only the texts cross to the writing thread.
   */
  document?: boolean | undefined;
  /** The documents the batch's linker reads or changes (`Linker.interest`): those are always kept. */
  link?: LinkInterest | undefined;
}

/** Outputs rendered beside the document, exactly as a sink would render them from it. */
export interface Rendered {
  /** The text of `toJson(document)`. */
  json?: string;
  /** Per table, the text of `csvRows(table, document, stem, options)`. */
  csv?: Partial<Record<CsvTableName, string>>;
  /** The text of `jsonLdText(document, stem)`. */
  jsonld?: string;
}

/**
 * The text of `jsonld/<stem>.jsonld`.
 *
 * @param document The document.
 * @param stem Its output stem (the base of its IRIs).
 * @returns Pretty-printed JSON-LD with a final line feed.
 */
export function jsonLdText(document: DrucksacheDocument, stem: string): string {
  return `${JSON.stringify(toJsonLd(document, stem), undefined, 2)}\n`;
}

/** The result of one file. */
export interface FileResult {
  path: string;
  /** The document, unless `RenderOptions` let it be left out because everything was rendered. */
  document?: DrucksacheDocument;
  /** SHA-256 of the input (the document's `source.sha256`), wherever a document was extracted. */
  sha256?: string;
  /** Outputs rendered from `document`, where `RenderOptions` asked for them. */
  rendered?: Rendered;
  error?: string;
  warnings: number;
  /** Size of the input in bytes, where it was read. */
  bytes?: number;
}

/**
 * Extract one document from a file on disk.
 *
 * @param path The file.
 * @param inputFormat Form to assume, if any.
 * @param render Outputs to render beside the document, if any.
 * @returns The document or the reason it failed.
 */
export async function extractFile(path: string, inputFormat?: 'markdown' | 'text', render?: RenderOptions): Promise<FileResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { path, error: 'Is a directory, expected a file', warnings: 0 };
    if (info.size > MAX_INPUT_BYTES) return { path, error: `Unexpected input of ${info.size} bytes, expected at most ${MAX_INPUT_BYTES} bytes (the size limit)`, warnings: 0 };
    const bytes = await readFile(path);
    const result = extractBytes(bytes, path, inputFormat);
    const { document } = result;
    if (!render || !document) return result;
    const stem = stemOf(path);
    const rendered = renderDocument(document, stem, render);
    // A document a renderer refused is kept, so that the sink renders it again and reports why.
    const complete = (!render.json || rendered.json !== undefined) && (!render.csv || rendered.csv !== undefined) && (!render.jsonld || rendered.jsonld !== undefined);
    if (render.document || !complete || (render.link !== undefined && linkWants(render.link, document, stem))) return { ...result, rendered };
    const summary: FileResult = { ...result, rendered };
    delete summary.document;
    return summary;
  } catch (error) {
    return { path, error: describe(error), warnings: 0 };
  }
}

/**
 * Extract one document from bytes.
 *
 * @param bytes The content.
 * @param path Its path (or `-`).
 * @param inputFormat Form to assume, if any.
 * @returns The document or the reason it failed.
 */
export function extractBytes(bytes: Uint8Array, path: string, inputFormat?: 'markdown' | 'text'): FileResult {
  try {
    const value = decode(bytes);
    const file = new VFile({ value, path });
    file.data.sha256 = createHash('sha256').update(bytes).digest('hex');
    if (inputFormat) file.data.format = inputFormat;
    const document = drucksache().processSync(file).result as DrucksacheDocument;
    return { path, document, sha256: document.source.sha256, warnings: document.messages.filter((m) => m.severity !== 'info').length, bytes: bytes.byteLength };
  } catch (error) {
    if (error instanceof UnreadableInputError) return { path, error: error.message, warnings: 0 };
    // Input built to exhaust the stack fails alone, with a reason a user can act on.
    if (error instanceof RangeError) return { path, error: `Unexpected structure too deeply nested to read (${error.message})`, warnings: 0 };
    throw error;
  }
}

/**
 * Render the outputs a batch asked for. A document that a renderer refuses (a programmer error in a
 * stage) is left unrendered, so that the sink renders it again and reports the failure as its own.
 *
 * @param document The document.
 * @param stem Its output stem.
 * @param render What to render.
 * @returns The rendered outputs.
 */
export function renderDocument(document: DrucksacheDocument, stem: string, render: RenderOptions): Rendered {
  const rendered: Rendered = {};
  try {
    if (render.json) rendered.json = toJson(document);
    if (render.csv) {
      const csv: Partial<Record<CsvTableName, string>> = {};
      for (const table of csvTableNames) csv[table] = csvRows(table, document, stem, render.csv);
      rendered.csv = csv;
    }
    if (render.jsonld) rendered.jsonld = jsonLdText(document, stem);
  } catch {
    return {};
  }
  return rendered;
}

/**
 * The output stem of an input path: its file name without extension.
 *
 * @param path The input path.
 * @returns The stem.
 */
export function stemOf(path: string): string {
  return basename(path, extname(path));
}
