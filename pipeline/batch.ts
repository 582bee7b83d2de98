/**
 * Run the pipeline over a batch of files: read, extract, write every requested output. A bad file
 * is reported with its reason and the batch goes on; outputs are written atomically.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import { decode, MAX_INPUT_BYTES, UnreadableInputError } from '../src/parse/decode.js';
import type { DrucksacheDocument } from '../src/model.js';
import { drucksache } from '../src/pipeline.js';
import { describe } from './files.js';

/** Output forms. */
export type OutputFormat = 'json' | 'csv' | 'jsonld' | 'ndjson' | 'html' | 'sqlite';


/** The result of one file. */
export interface FileResult {
  path: string;
  document?: DrucksacheDocument;
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
 * @returns The document or the reason it failed.
 */
export async function extractFile(path: string, inputFormat?: 'markdown' | 'text'): Promise<FileResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { path, error: 'Is a directory, expected a file', warnings: 0 };
    if (info.size > MAX_INPUT_BYTES) return { path, error: `Unexpected input of ${info.size} bytes, expected at most ${MAX_INPUT_BYTES} bytes (the size limit)`, warnings: 0 };
    const bytes = await readFile(path);
    return extractBytes(bytes, path, inputFormat);
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
    return { path, document, warnings: document.messages.filter((m) => m.severity !== 'info').length, bytes: bytes.byteLength };
  } catch (error) {
    if (error instanceof UnreadableInputError) return { path, error: error.message, warnings: 0 };
    // Input built to exhaust the stack fails alone, with a reason a user can act on.
    if (error instanceof RangeError) return { path, error: `Unexpected structure too deeply nested to read (${error.message})`, warnings: 0 };
    throw error;
  }
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
