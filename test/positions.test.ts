/**
 * Positions are exact: every question, sub-item, answer and preamble has a position whose slice of
 * the input begins with the start of its text; every record's offsets agree with line and column.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Position } from '../src/model.js';

const input = new URL('../input/', import.meta.url).pathname;
const files = readdirSync(input).filter((name) => /\.(md|txt)$/.test(name)).sort();

/** Text compared with white space, soft hyphens and line-break hyphens ignored. */
const squash = (text: string): string => text.replace(/-\s*\n/g, '').replace(/[\s\u00AD]+/g, '').replace(/\\/g, '').replace(/[*_[\]]/g, '');

/** Line and column of an offset, computed independently. */
function point(value: string, offset: number): { line: number; column: number } {
  const before = value.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

describe.each(files)('%s', (name) => {
  const path = join(input, name);
  const value = readFileSync(path, 'utf8');
  const { document } = extract(value, { path });
  const records: Array<{ what: string; text: string; position: Position }> = [
    ...document.preambles.map((p) => ({ what: p.id, text: p.text, position: p.position })),
    ...document.questions.flatMap((q) => [{ what: q.id, text: q.text, position: q.position }, ...q.subItems.map((s) => ({ what: `${q.id}${s.label}`, text: s.text, position: s.position }))]),
    ...document.answers.map((a) => ({ what: a.id, text: a.text, position: a.position })),
  ];

  it('has records', () => {
    expect(document.questions.length).toBeGreaterThan(0);
    // A question paper has no answers; every other kind has.
    if (!/Anfrage$/.test(document.meta.type ?? '')) expect(document.answers.length).toBeGreaterThan(0);
  });

  it('slices every record where its text begins', () => {
    for (const record of records) {
      if (record.text === '') continue;
      const slice = value.slice(record.position.start.offset, record.position.end.offset);
      const head = squash(record.text).slice(0, 24);
      expect(squash(slice).startsWith(head), `${record.what}: ${JSON.stringify(slice.slice(0, 60))} vs ${JSON.stringify(record.text.slice(0, 40))}`).toBe(true);
    }
  });

  it('gives line and column that agree with the offset', () => {
    for (const record of records) {
      for (const end of [record.position.start, record.position.end]) {
        expect({ line: end.line, column: end.column }).toEqual(point(value, end.offset));
      }
    }
  });
});
