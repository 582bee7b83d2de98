/**
 * Serialise one document as JSON (`json/<stem>.json`) or as one line of NDJSON.
 *
 * Output is deterministic: keys in the order the schema in `src/model.ts` declares them, whatever
 * order a stage built its records in, two-space indentation and a final line feed, so that
 * `git diff output/` reads as a review of every change.
 */
import { z } from 'zod';
import { documentSchema } from '../model.js';
import type { DrucksacheDocument } from '../model.js';

/**
 * Serialise a document as pretty-printed JSON.
 *
 * @param doc The document.
 * @returns `JSON.stringify` of the document with keys in schema order, indented by two spaces,
 *   ending in a line feed.
 * @throws {Error} When the document does not match the schema or holds a field the schema lacks
 *   (a programmer error in a stage, never a problem in the input).
 */
export function toJson(doc: DrucksacheDocument): string {
  return JSON.stringify(canonical(doc), undefined, 2) + '\n';
}

/**
 * Serialise a document as one line of NDJSON.
 *
 * @param doc The document.
 * @returns The document on one line (keys in schema order), ending in a line feed, ready to append.
 * @throws {Error} Like `toJson`.
 */
export function toNdjsonLine(doc: DrucksacheDocument): string {
  return JSON.stringify(canonical(doc)) + '\n';
}

/**
 * Validate a document and rebuild it with keys in schema order (zod builds parsed objects in the
 * order of their shape). zod drops unknown keys silently, so those are looked for and reported.
 */
function canonical(doc: DrucksacheDocument): DrucksacheDocument {
  const result = documentSchema.safeParse(doc);
  if (!result.success) {
    throw new Error(`Unexpected document that does not match the output schema:\n${z.prettifyError(result.error)}`);
  }
  const dropped: string[] = [];
  collectDropped(doc, result.data, '', dropped);
  if (dropped.length > 0) {
    throw new Error(
      `Unexpected field${dropped.length === 1 ? '' : 's'} ${dropped.map((path) => `\`${path}\``).join(', ')}, ` +
        'expected only fields of the output schema (add them to src/model.ts)',
    );
  }
  return result.data;
}

/** Collect the paths of keys present (and defined) in `input` but missing from `output`. */
function collectDropped(input: unknown, output: unknown, path: string, dropped: string[]): void {
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((item: unknown, index) => collectDropped(item, output[index], `${path}[${index}]`, dropped));
    return;
  }
  if (!isRecord(input) || !isRecord(output)) return;
  for (const [key, value] of Object.entries(input)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (!Object.hasOwn(output, key)) {
      if (value !== undefined) dropped.push(at);
    } else {
      collectDropped(value, output[key], at, dropped);
    }
  }
}

/** Whether a value is a plain object (not an array, not null). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
