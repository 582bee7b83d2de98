/**
 * Segmentation by phenomenon: each folder in `test/fixtures/` (but `corpus`) holds an `input.txt` or
 * `input.md` and an `expected.json` naming what the pipeline must find in it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

interface Expected {
  questions?: string[];
  answers?: Array<{ questions: string[]; joint?: string; textStartsWith?: string; references?: string[] }>;
  subItems?: Record<string, string[]>;
  subItemText?: Record<string, string>;
  questionText?: Record<string, string>;
  preambles?: Array<{ by: string; heading?: string | null; text?: string }>;
  furniture?: string[];
  title?: string;
  drucksache?: string;
  answersDrucksache?: string;
  date?: string;
  respondingBody?: string;
  askers?: string[];
  faction?: string;
}

const fixtures = new URL('fixtures/', import.meta.url).pathname;
const phenomena = readdirSync(fixtures).filter((name) => readdirSync(join(fixtures, name)).some((file) => file.startsWith('input.'))).sort();

describe.each(phenomena)('%s', (phenomenon) => {
  const dir = join(fixtures, phenomenon);
  const inputName = readdirSync(dir).find((file) => file.startsWith('input.')) ?? 'input.txt';
  const { document } = extract(readFileSync(join(dir, inputName), 'utf8'), { path: inputName });
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

  if (expected.questions) it('numbers the questions as printed', () => expect(document.questions.map((q) => q.number)).toEqual(expected.questions));
  if (expected.answers) {
    it('assigns every answer its questions', () => {
      expect(document.answers.map((a) => a.questions)).toEqual(expected.answers?.map((a) => a.questions));
    });
    it('reads joint answers, answer texts and references', () => {
      expected.answers?.forEach((want, index) => {
        const answer = document.answers[index];
        if (want.joint) expect(answer?.joint).toBe(want.joint);
        if (want.textStartsWith) expect(answer?.text.startsWith(want.textStartsWith), answer?.text).toBe(true);
        expect(answer?.references.map((r) => r.question) ?? []).toEqual(want.references ?? []);
      });
    });
  }
  if (expected.subItems) {
    it('finds sub-items', () => {
      for (const [number, labels] of Object.entries(expected.subItems ?? {})) {
        expect(document.questions.find((q) => q.number === number)?.subItems.map((s) => s.label)).toEqual(labels);
      }
    });
  }
  if (expected.subItemText || expected.questionText) {
    it('joins question and sub-item texts', () => {
      for (const [key, text] of Object.entries(expected.subItemText ?? {})) {
        const question = document.questions.find((q) => q.number === key.replace(/[a-z]+$/, ''));
        expect(question?.subItems.find((s) => s.label === key.replace(/^\d+/, ''))?.text).toBe(text);
      }
      for (const [number, text] of Object.entries(expected.questionText ?? {})) {
        expect(document.questions.find((q) => q.number === number)?.text).toBe(text);
      }
    });
  }
  if (expected.preambles) {
    it('finds the preambles', () => {
      expect(document.preambles.map((p) => p.by)).toEqual(expected.preambles?.map((p) => p.by));
      expected.preambles?.forEach((want, index) => {
        if (want.heading !== undefined) expect(document.preambles[index]?.heading).toBe(want.heading);
        if (want.text !== undefined) expect(document.preambles[index]?.text).toBe(want.text);
      });
    });
  }
  if (expected.furniture) it('cuts the furniture', () => expect(document.meta.furniture.map((f) => f.kind).sort()).toEqual([...(expected.furniture ?? [])].sort()));
  it('reads the header', () => {
    if (expected.title !== undefined) expect(document.meta.title).toBe(expected.title);
    if (expected.drucksache !== undefined) expect(document.meta.drucksache).toBe(expected.drucksache);
    if (expected.answersDrucksache !== undefined) expect(document.meta.answersDrucksache).toBe(expected.answersDrucksache);
    if (expected.date !== undefined) expect(document.meta.date).toBe(expected.date);
    if (expected.respondingBody !== undefined) expect(document.meta.respondingBody).toBe(expected.respondingBody);
    if (expected.askers !== undefined) expect(document.meta.askers.map((a) => a.name)).toEqual(expected.askers);
    if (expected.faction !== undefined) expect(document.meta.faction).toBe(expected.faction);
  });
});
