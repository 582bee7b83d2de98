/**
 * Serialise one document as JSON (`json/<stem>.json`) or as one line of NDJSON.
 *
 * Output is deterministic: keys in the order the schema in `src/model.ts` declares them, whatever
 * order a stage built its records in, two-space indentation and a final line feed, so that
 * `git diff output/` reads as a review of every change.
 *
 * The key order is read from the zod schema once, into a plan of the document's shape. Serialising
 * walks the document along that plan: an object whose keys already stand in schema order is passed
 * to `JSON.stringify` as it is, and only one built in another order is copied. The walk refuses a
 * field the schema lacks and a value of the wrong kind (a string where a number belongs, `NaN`); the
 * finer rules of the schema (whole numbers, minimums) are checked by the tests, which validate every
 * output against the published JSON Schema.
 */
import { z } from 'zod';
import { documentSchema } from '../model.js';
import type { DrucksacheDocument } from '../model.js';

/** Where one kind of value may stand: what it is, and whether it may be null or left out. */
interface Plan {
  shape: Shape;
  nullable: boolean;
  optional: boolean;
}

/** The kind of a value in the schema. */
type Shape =
  | { kind: 'object'; fields: ReadonlyArray<readonly [string, Plan]>; rank: ReadonlyMap<string, number> }
  | { kind: 'array'; element: Plan }
  | { kind: 'string' | 'number' | 'boolean' }
  | { kind: 'choice'; values: ReadonlySet<unknown> };

/**
 * Read the plan of a zod schema: objects with their fields in declared order, arrays, leaves.
 *
 * @param schema A part of the document schema.
 * @returns Its plan.
 * @throws {Error} For a kind of schema the model does not use (a programmer error in `src/model.ts`).
 */
function planOf(schema: z.core.$ZodType): Plan {
  if (schema instanceof z.ZodOptional) return { ...planOf(schema.unwrap()), optional: true };
  if (schema instanceof z.ZodNullable) return { ...planOf(schema.unwrap()), nullable: true };
  const plain = (shape: Shape): Plan => ({ shape, nullable: false, optional: false });
  if (schema instanceof z.ZodObject) {
    const fields = Object.entries(schema.shape).map(([key, value]) => [key, planOf(value)] as const);
    return plain({ kind: 'object', fields, rank: new Map(fields.map(([key], index) => [key, index])) });
  }
  if (schema instanceof z.ZodArray) return plain({ kind: 'array', element: planOf(schema.element) });
  if (schema instanceof z.ZodString) return plain({ kind: 'string' });
  if (schema instanceof z.ZodNumber) return plain({ kind: 'number' });
  if (schema instanceof z.ZodBoolean) return plain({ kind: 'boolean' });
  if (schema instanceof z.ZodEnum) return plain({ kind: 'choice', values: new Set<unknown>(schema.options) });
  if (schema instanceof z.ZodLiteral) return plain({ kind: 'choice', values: new Set<unknown>(schema.values) });
  throw new Error(`Unexpected schema of type \`${schema._zod.def.type}\` in src/model.ts, expected objects, arrays, strings, numbers, booleans, enums and literals`);
}

/** The plan of a whole document, read once. */
const DOCUMENT_PLAN = planOf(documentSchema);

/** What a walk that names places found wrong. */
interface Problems {
  /** Values of the wrong kind, as sentences. */
  mismatches: string[];
  /** Paths of fields the schema lacks. */
  dropped: string[];
}

/** Thrown by a walk that does not name places, so that the document is walked again to name them. */
class Invalid extends Error {}

/**
 * Serialise a document as pretty-printed JSON.
 *
 * @param doc The document.
 * @returns `JSON.stringify` of the document with keys in schema order, indented by two spaces,
 *   ending in a line feed.
 * @throws {Error} When the document holds a value of the wrong kind or a field the schema lacks
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
 * The document with keys in schema order: itself where every object already is, else a copy of
 * the objects that are not. A document that breaks the plan is walked again to name every place.
 */
function canonical(doc: DrucksacheDocument): unknown {
  try {
    return ordered(doc, DOCUMENT_PLAN, undefined, undefined);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
  }
  const problems: Problems = { mismatches: [], dropped: [] };
  ordered(doc, DOCUMENT_PLAN, '', problems);
  if (problems.mismatches.length > 0) {
    throw new Error(`Unexpected document that does not match the output schema:\n${problems.mismatches.map((line) => `✖ ${line}`).join('\n')}`);
  }
  const { dropped } = problems;
  throw new Error(
    `Unexpected field${dropped.length === 1 ? '' : 's'} ${dropped.map((path) => `\`${path}\``).join(', ')}, ` +
      'expected only fields of the output schema (add them to src/model.ts)',
  );
}

/**
 * Walk a value along its plan.
 *
 * @param value The value.
 * @param plan Its plan.
 * @param path Where it stands (`answers[0].text`), or undefined for the fast walk that names nothing.
 * @param problems Where a naming walk records what it found; the fast walk throws `Invalid` instead.
 * @returns The value with keys in schema order (the value itself where nothing had to move).
 */
function ordered(value: unknown, plan: Plan, path: string | undefined, problems: Problems | undefined): unknown {
  if (value === null && plan.nullable) return value;
  const { shape } = plan;
  switch (shape.kind) {
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return mismatch(value, 'an object', path, problems);
      return orderedObject(value as Record<string, unknown>, shape.fields, shape.rank, path, problems);
    case 'array': {
      if (!Array.isArray(value)) return mismatch(value, 'an array', path, problems);
      let copy: unknown[] | undefined;
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        const out = ordered(item, shape.element, path === undefined ? undefined : `${path}[${index}]`, problems);
        if (out !== item && copy === undefined) copy = value.slice(0, index);
        copy?.push(out);
      }
      return copy ?? value;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : mismatch(value, 'a finite number', path, problems);
    case 'string':
    case 'boolean':
      return typeof value === shape.kind ? value : mismatch(value, `a ${shape.kind}`, path, problems);
    case 'choice':
      return shape.values.has(value) ? value : mismatch(value, `one of ${[...shape.values].map((v) => JSON.stringify(v)).join(', ')}`, path, problems);
  }
}

/** Walk an object: its fields in schema order, copied only where they stood in another order or a field changed. */
function orderedObject(
  record: Record<string, unknown>,
  fields: ReadonlyArray<readonly [string, Plan]>,
  rank: ReadonlyMap<string, number>,
  path: string | undefined,
  problems: Problems | undefined,
): unknown {
  // A class instance or an object with a `toJSON` would not serialise as its fields: always copied.
  let inOrder = Object.getPrototypeOf(record) === Object.prototype;
  let last = -1;
  for (const key of Object.keys(record)) {
    const at = rank.get(key);
    if (at === undefined) {
      if (record[key] === undefined) continue;
      if (problems === undefined || path === undefined) throw new Invalid();
      problems.dropped.push(path === '' ? key : `${path}.${key}`);
      continue;
    }
    if (at < last) inOrder = false;
    last = at;
  }
  let copy: Record<string, unknown> | undefined = inOrder ? undefined : {};
  for (let index = 0; index < fields.length; index++) {
    const [key, plan] = fields[index] as readonly [string, Plan];
    const child = record[key];
    if (child === undefined) {
      if (!plan.optional) mismatch(child, 'a value (a required field)', path === undefined ? undefined : path === '' ? key : `${path}.${key}`, problems);
      continue;
    }
    const out = ordered(child, plan, path === undefined ? undefined : path === '' ? key : `${path}.${key}`, problems);
    if (out !== child && copy === undefined) {
      copy = {};
      for (const [earlier] of fields.slice(0, index)) if (record[earlier] !== undefined) copy[earlier] = record[earlier];
    }
    if (copy) copy[key] = out;
  }
  return copy ?? record;
}

/**
 * Record (or, in the fast walk, signal) a value of the wrong kind.
 *
 * @returns The value, unchanged, so that a naming walk goes on.
 */
function mismatch(value: unknown, expected: string, path: string | undefined, problems: Problems | undefined): unknown {
  if (problems === undefined || path === undefined) throw new Invalid();
  const shown = typeof value === 'number' || value === null || value === undefined ? String(value) : typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  problems.mismatches.push(`Unexpected ${shown}, expected ${expected}\n  → at ${path === '' ? '(the document)' : path}`);
  return value;
}
