/**
 * Write the generated JSON Schema to `schema/drucksache.schema.json` (or to the path given as the
 * first argument). Run after `npm run build`: `node dist/pipeline/write-schema.js`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText } from '../src/emit/schema.js';

/** Where the schema lives in the package, from `dist/pipeline/`. */
const defaultTarget = fileURLToPath(new URL('../../schema/drucksache.schema.json', import.meta.url));

const target = process.argv[2] ?? defaultTarget;
await mkdir(dirname(target), { recursive: true });
await writeFile(target, jsonSchemaText());
process.stdout.write(`Wrote ${target}\n`);
