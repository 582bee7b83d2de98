/**
 * Nothing is lost: every non-blank character of the input's text ends up in a section, in the
 * header (`meta`), in the furniture cut out of the flow, or in a message that names it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { DrucksacheDocument } from '../src/model.js';
import { drucksache } from '../src/pipeline.js';

const input = new URL('../input/', import.meta.url).pathname;
const files = readdirSync(input).filter((name) => /\.(md|txt)$/.test(name)).sort();

/**
 * Offsets of text characters (for Markdown: characters of text nodes, not markup) left unaccounted.
 *
 * @param value The document.
 * @param path Its path.
 * @returns Offsets not covered, with the document.
 */
export function uncovered(value: string, path: string): { missing: number[]; document: DrucksacheDocument } {
  const file = new VFile({ value, path });
  const document = drucksache().processSync(file).result as DrucksacheDocument;
  const covered = new Uint8Array(value.length + 1);
  for (const section of file.data.sections ?? []) for (const offset of section.run.offsets) covered[offset] = 1;
  const ranges = [...document.meta.furniture.map((f) => f.position), ...document.messages.filter((m) => m.text !== undefined && m.position).map((m) => m.position)];
  for (const range of ranges) if (range) for (let k = range.start.offset; k < range.end.offset; k++) covered[k] = 1;
  const missing: number[] = [];
  for (const line of file.data.lines ?? []) {
    const last = line.run.text.trimEnd().length - 1;
    line.run.offsets.forEach((offset, index) => {
      // A line-end hyphen undone when the word was rejoined is accounted for by the contract.
      if (index === last && line.run.text.charAt(index) === '-') return;
      if (!/\s/.test(line.run.text.charAt(index)) && !covered[offset]) missing.push(offset);
    });
  }
  return { missing, document };
}

describe.each(files)('%s', (name) => {
  it('keeps every non-blank character', () => {
    const path = join(input, name);
    const value = readFileSync(path, 'utf8');
    const { missing } = uncovered(value, path);
    const sample = missing.slice(0, 5).map((offset) => JSON.stringify(value.slice(Math.max(0, offset - 20), offset + 20)));
    expect(missing.length, `lost: ${sample.join(', ')}`).toBe(0);
  });
});
