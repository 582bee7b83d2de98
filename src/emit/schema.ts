/**
 * The published JSON Schema of one document, generated from the zod model in `src/model.ts` so the
 * two cannot drift apart. `pipeline/write-schema.ts` writes it to `schema/drucksache.schema.json`,
 * and a test checks that the file in the repository equals what this module generates.
 */
import { z } from 'zod';
import { documentSchema, schemaVersion } from '../model.js';

/** A JSON Schema (draft 2020-12) as zod produces it. */
export type JsonSchema = z.core.JSONSchema.JSONSchema;

/**
 * Identifier of the schema. A URN rather than an address: the schema ships with the package
 * (`schema/drucksache.schema.json`) and is never fetched. It names the output format version.
 */
export const schemaId = `urn:drucksache:schema:${schemaVersion}`;

/**
 * Generate the JSON Schema (draft 2020-12) of one `json/<stem>.json` document.
 *
 * Objects are closed (`additionalProperties: false`), so a field a stage adds without adding it to
 * the model fails validation instead of slipping into the output unannounced.
 *
 * @returns The schema, with `$id`, `title` and `description` first.
 */
export function jsonSchema(): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(documentSchema, { target: 'draft-2020-12' });
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId,
    title: 'Drucksache',
    description:
      'One German parliamentary paper (an answer to a Kleine Anfrage) as extracted by drucksache, ' +
      `output format version ${schemaVersion}. Every extracted item carries a unist position into the original input.`,
    ...rest,
  };
}

/**
 * Serialise the schema the way it is stored in `schema/drucksache.schema.json`.
 *
 * @returns `jsonSchema()` as JSON, two-space indented, with a final line feed.
 */
export function jsonSchemaText(): string {
  return JSON.stringify(jsonSchema(), undefined, 2) + '\n';
}
