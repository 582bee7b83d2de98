/**
 * The kinds by phenomenon: each fixture whose `expected.json` names a `type` is read as that kind,
 * with what the kind adds to the model (per-question askers and ministries, who signed an answer and
 * when, the closing of a paper, the indexes of a collection, the messages met).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Asker } from '../src/model.js';

interface Expected {
  type?: string;
  closing?: { place: string; date: string | null };
  signatories?: string[];
  messages?: string[];
  questionAskers?: Record<string, Asker[]>;
  respondingBodies?: Record<string, string>;
  answeredBy?: Record<string, { name: string; role: string; title?: string }>;
  answerDates?: Record<string, string>;
  askerIndex?: Array<[string, string, ...string[]]>;
  bodyIndex?: string[];
  furnitureKinds?: string[];
  unsupportedText?: string;
}

const fixtures = new URL('fixtures/', import.meta.url).pathname;
const kinds = readdirSync(fixtures)
  .filter((name) => readdirSync(join(fixtures, name)).includes('expected.json'))
  .filter((name) => (JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected).type !== undefined)
  .sort();

/** Message rule ids that describe the kind (furniture and tables are other stages' business). */
const KIND_RULES = new Set(['unsupported-kind', 'index-disagrees', 'no-questions', 'unassigned-text']);

describe.each(kinds)('%s', (phenomenon) => {
  const dir = join(fixtures, phenomenon);
  const input = readFileSync(join(dir, 'input.txt'), 'utf8');
  const { document } = extract(input, { path: 'input.txt' });
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

  it('is read as its kind', () => expect(document.meta.type).toBe(expected.type));
  if (expected.messages) {
    it('reports what it met', () => expect(document.messages.map((m) => m.ruleId).filter((rule) => KIND_RULES.has(rule))).toEqual(expected.messages));
  }
  if (expected.closing) {
    it('reads the closing', () => {
      expect(document.meta.closing?.place).toBe(expected.closing?.place);
      expect(document.meta.closing?.date).toBe(expected.closing?.date);
      const position = document.meta.closing?.position;
      expect(input.slice(position?.start.offset, position?.end.offset).startsWith(`${expected.closing?.place ?? ''}, den`)).toBe(true);
    });
  }
  if (expected.signatories) it('reads the signatories', () => expect(document.meta.signatories).toEqual(expected.signatories));
  if (expected.questionAskers) {
    it('reads who asked each question', () => {
      // The group as printed (`factionText`) is the group's reader's business; compared here: name, title, group.
      const plain = (askers: Asker[] | undefined) => askers?.map(({ name, title, faction }) => ({ name, ...(title ? { title } : {}), ...(faction ? { faction } : {}) }));
      for (const [number, askers] of Object.entries(expected.questionAskers ?? {})) expect(plain(document.questions.find((q) => q.number === number)?.askers)).toEqual(askers);
    });
  }
  if (expected.respondingBodies) {
    it('reads the ministry of each question', () => {
      for (const [number, body] of Object.entries(expected.respondingBodies ?? {})) expect(document.questions.find((q) => q.number === number)?.respondingBody).toBe(body);
    });
  }
  if (expected.answeredBy || expected.answerDates) {
    it('reads who signed each answer and when', () => {
      const answerOf = (number: string) => document.answers.find((a) => a.questions.includes(number));
      for (const [number, by] of Object.entries(expected.answeredBy ?? {})) expect(answerOf(number)?.answeredBy).toEqual(by);
      for (const [number, date] of Object.entries(expected.answerDates ?? {})) expect(answerOf(number)?.date).toBe(date);
    });
  }
  if (expected.askerIndex) {
    it('reads the Verzeichnis der Fragenden', () => {
      expect(document.meta.askerIndex?.map((entry) => [entry.name, entry.faction, ...entry.numbers])).toEqual(expected.askerIndex);
      for (const entry of document.meta.askerIndex ?? []) expect(input.slice(entry.position.start.offset, entry.position.end.offset)).toContain(entry.name.split(',')[0]);
    });
  }
  if (expected.bodyIndex) it('reads the index by ministry', () => expect(document.meta.bodyIndex?.map((entry) => entry.body)).toEqual(expected.bodyIndex));
  if (expected.furnitureKinds) {
    it('cuts what is no text', () => {
      const kindsCut = document.meta.furniture.map((f) => f.kind);
      for (const kind of new Set(expected.furnitureKinds)) expect(kindsCut.filter((k) => k === kind).length).toBe(expected.furnitureKinds?.filter((k) => k === kind).length);
    });
  }
  if (expected.unsupportedText) {
    it('keeps the text of a kind not read', () => {
      const message = document.messages.find((m) => m.ruleId === 'unsupported-kind');
      expect(message?.reason).toContain(`\`${expected.type ?? ''}\``);
      expect(message?.text?.startsWith(expected.unsupportedText ?? '')).toBe(true);
      expect(document.questions).toEqual([]);
    });
  }
});
