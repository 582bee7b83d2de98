/**
 * Segmentation by phenomenon: each folder in `test/fixtures/` (but `corpus`) holds an `input.txt` or
 * `input.md` and an `expected.json` naming what the pipeline must find in it; where it also holds the
 * Kleine Anfrage paper that the answer answers (`paper.txt`), every question must read as the paper prints it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
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
  /** The kind of paper (`meta.type`), named so apart from the kinds' own fixtures. */
  paperType?: string;
  /** Answers by id: the questions and sub-items they answer and how they are joined. */
  answersById?: Record<string, { questions: string[]; joint?: string; subItem?: string }>;
  /** Rule ids of messages the document must have, and ones it must not. */
  messageRules?: string[];
  noMessageRules?: string[];
}

/** Word sets as a reader compares two printings of one question: hyphens at line ends undone, case folded. */
function words(text: string): Set<string> {
  return new Set(text.replace(/-\s*\n\s*(?=\p{Ll})/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * The numbered questions of a Kleine Anfrage paper (`paper.txt`), as printed between
 * `Wir fragen die Bundesregierung` and `Berlin, den`, page headers left out.
 *
 * @param text The paper.
 * @returns Question texts by printed number.
 */
function paperQuestions(text: string): Map<string, string> {
  const body = (text.split('Wir fragen die Bundesregierung')[1] ?? '').split(/\nBerlin, den /)[0] ?? '';
  const lines = body.split('\n').filter((line) => !/^(?:Deutscher Bundestag – \d+\. Wahlperiode|Drucksache \d+\/\d+)/.test(line));
  const questions = new Map<string, string>();
  let current: string | undefined;
  for (const line of lines) {
    const start = /^\s*(\d{1,3})\.\s+\S/.exec(line);
    if (start?.[1] && Number(start[1]) === questions.size + 1) {
      current = start[1];
      questions.set(current, '');
    }
    if (current) questions.set(current, `${questions.get(current) ?? ''}${line}\n`);
  }
  return questions;
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
  const paperFile = join(dir, 'paper.txt');
  if (existsSync(paperFile)) {
    it('reads every question as the question paper prints it, sub-items included', () => {
      const paper = paperQuestions(readFileSync(paperFile, 'utf8'));
      expect(document.questions.map((q) => q.number)).toEqual([...paper.keys()]);
      for (const question of document.questions) {
        const mine = words([question.text, ...question.subItems.map((sub) => `${sub.label}) ${sub.text}`)].join(' '));
        const theirs = words((paper.get(question.number) ?? '').replace(/^\s*\d{1,3}\.\s+/, ''));
        const common = [...mine].filter((word) => theirs.has(word)).length;
        expect({ question: question.number, cut: common >= 0.95 * theirs.size, runsOn: common >= 0.95 * mine.size }).toEqual({ question: question.number, cut: true, runsOn: true });
      }
    });
  }
  if (expected.answersById) {
    it('answers sub-items and joint questions as printed', () => {
      for (const [id, want] of Object.entries(expected.answersById ?? {})) {
        const answer = document.answers.find((a) => a.id === id);
        expect({ id, questions: answer?.questions, joint: answer?.joint, subItem: answer?.subItem }).toEqual({ id, questions: want.questions, joint: want.joint ?? answer?.joint, subItem: want.subItem });
      }
    });
  }
  if (expected.messageRules || expected.noMessageRules) {
    it('reports what it could not decide', () => {
      const rules = new Set(document.messages.map((m) => m.ruleId));
      for (const rule of expected.messageRules ?? []) expect(rules.has(rule), rule).toBe(true);
      for (const rule of expected.noMessageRules ?? []) expect(rules.has(rule), rule).toBe(false);
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
    if (expected.paperType !== undefined) expect(document.meta.type).toBe(expected.paperType);
  });
});
