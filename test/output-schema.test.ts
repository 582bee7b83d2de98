/**
 * Every file in `output/json/` is valid against the published JSON Schema, and every file in
 * `output/jsonld/` converts to RDF in safe mode (a dropped term is an error) without any network.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import jsonld, { type JsonLdDocument, type Options } from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { DrucksacheDocument } from '../src/model.js';

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

describe('output/jsonld in safe mode, offline', () => {
  const names = readdirSync(join(root, 'output', 'jsonld')).filter((name) => name.endsWith('.jsonld')).sort();
  const offline: Options.ToRdf & { safe: boolean } = {
    safe: true,
    format: 'application/n-quads',
    documentLoader: (url) => Promise.reject(new Error(`Unexpected request for ${url}, expected an inline context`)),
  };
  it.each(names)('%s converts to RDF with no term dropped and links answers to their questions', async (name) => {
    const document = JSON.parse(readFileSync(join(root, 'output', 'jsonld', name), 'utf8')) as JsonLdDocument;
    const model = JSON.parse(readFileSync(join(root, 'output', 'json', name.replace(/\.jsonld$/, '.json')), 'utf8')) as DrucksacheDocument;
    const nquads = await jsonld.toRDF(document, offline);
    expect(typeof nquads).toBe('string');
    const answer = model.answers[0];
    if (answer) {
      const base = `urn:drucksache:${encodeURIComponent(name.replace(/\.jsonld$/, ''))}`;
      expect(String(nquads)).toContain(`<${base}#${answer.id}> <https://schema.org/parentItem> <${base}#q${answer.questions[0] ?? ''}>`);
    }
  });
});
