/**
 * Nothing is lost: every non-blank character of the input's text ends up in a section, in the
 * header (`meta`), in the furniture cut out of the flow, or in a message that names it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uncovered } from './support/conservation.js';

const input = new URL('../input/', import.meta.url).pathname;
const files = readdirSync(input).filter((name) => /\.(md|txt)$/.test(name)).sort();

describe.each(files)('%s', (name) => {
  it('keeps every non-blank character', () => {
    const path = join(input, name);
    const value = readFileSync(path, 'utf8');
    const { missing } = uncovered(value, path);
    const sample = missing.slice(0, 5).map((offset) => JSON.stringify(value.slice(Math.max(0, offset - 20), offset + 20)));
    expect(missing.length, `lost: ${sample.join(', ')}`).toBe(0);
  });
});
