/**
 * Chunked Markdown parsing gives the same tree as one parse, positions included.
 */
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../src/parse/decode.js';
import { MAX_NESTING, nestingDepth, parseMarkdown, SAFE_BOUNDARY } from '../src/parse/markdown.js';

const seed = readFileSync(new URL('../input/bt18-13237-answer.md', import.meta.url), 'utf8');

describe('parseMarkdown', () => {
  it.each([
    ['a paragraph after a blank line', 'Text.\n\nDie Bundesregierung', true],
    ['a heading', 'Text.\n\n## Titel', true],
    ['a quoted paragraph', 'Text.\n\n„Zitat“', true],
    ['a list item', 'Text.\n\n- a) Punkt', false],
    ['an ordered item', 'Text.\n\n1. Frage', false],
    ['an indented continuation', 'Text.\n\n    Code', false],
    ['a table row', 'Text.\n\n| a | b |', false],
  ])('treats the start of %s as safe: %s', (_, text, safe) => {
    SAFE_BOUNDARY.lastIndex = 0;
    expect(SAFE_BOUNDARY.test(text)).toBe(safe);
  });

  it('parses in chunks to the same tree as a whole parse', () => {
    const long = Array.from({ length: 6 }, () => seed).join('\n\n');
    const whole = unified().use(remarkParse).use(remarkGfm).parse(long);
    const chunked = parseMarkdown(long, 4096);
    expect(chunked.children.length).toBe(whole.children.length);
    expect(JSON.stringify(chunked.children)).toBe(JSON.stringify(whole.children));
  });

  it('parses short documents in one go', () => {
    const tree = parseMarkdown(seed);
    expect(tree.children.length).toBeGreaterThan(10);
  });
});

describe('nestingDepth', () => {
  it.each([
    ['plain text', 'Text.\nMehr Text.', 0],
    ['a list item', '- a) Punkt', 1],
    ['a nested item', '- a\n  - b', 2],
    ['quotes', '> > > Zitat', 3],
    ['an ordered item in a quote', '> 1. Frage', 2],
  ])('measures %s', (_, text, depth) => {
    expect(nestingDepth(text)).toBe(depth);
  });

  it('refuses Markdown nested deeper than the limit', () => {
    expect(() => parseMarkdown(`${'>'.repeat(MAX_NESTING + 1)} tief`)).toThrow(UnreadableInputError);
  });
});
