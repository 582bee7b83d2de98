/**
 * The conservation invariant: every non-blank character of a document's text is accounted for.
 */
import { VFile } from 'vfile';
import type { DrucksacheDocument } from '../../src/model.js';
import { drucksache } from '../../src/pipeline.js';

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
