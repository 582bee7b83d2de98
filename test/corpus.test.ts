/**
 * The gold of `fixtures/corpus/` (see its README): the development corpus, whose inputs are in
 * `input/`, and our own gold, whose inputs are in `fixtures/corpus/inputs/`. Each collection is held to
 * floors on structure, extraction and entities, and every document to its answered Drucksache and title.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { DrucksacheDocument } from '../src/model.js';
import { entityF1, norm, scoreEntities, type EntityScore, type GoldEntities } from './support/gold.js';

const corpus = new URL('fixtures/corpus/', import.meta.url).pathname;
const input = new URL('../input/', import.meta.url).pathname;
const ownInputs = new URL('fixtures/corpus/inputs/', import.meta.url).pathname;

/** The stems of the gold files whose input is in a folder. */
function stemsWithInput(inputDir: string): string[] {
  const inputs = new Set(readdirSync(inputDir).map((file) => file.replace(/\.(md|txt)$/, '')));
  return readdirSync(corpus)
    .filter((name) => name.endsWith('.gold.json'))
    .map((name) => name.replace(/\.gold\.json$/, ''))
    .filter((stem) => inputs.has(stem))
    .sort();
}


interface Gold extends GoldEntities {
  drucksache?: string;
  title?: string;
  meta?: { answersDrucksache?: string; title?: string };
  questions: Array<{ number: string; subItems?: string[] }>;
  answers: Array<{ questions: string[]; startsWith?: string }>;
  references: Array<{ fromQuestions: string[]; toQuestion: string }>;
  amounts?: Array<{ value: number; currency: string }>;
  urls?: string[];
  drucksachenCited?: string[];
}

const byNumber = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
const key = (numbers: readonly string[]): string => [...numbers].sort(byNumber).join('+');

/** Precision/recall counts of a predicted set against a gold set. */
function counts(predicted: readonly string[], gold: readonly string[]): { tp: number; pred: number; gold: number } {
  const p = new Set(predicted);
  const g = new Set(gold);
  let tp = 0;
  for (const item of g) if (p.has(item)) tp++;
  return { tp, pred: p.size, gold: g.size };
}

type Counts = { tp: number; pred: number; gold: number };

/**
 * Run the pipeline on every gold file's input and count matches, micro-averaged over the collection.
 *
 * @param goldDir Folder of `<stem>.gold.json`.
 * @param inputDir Folder of the inputs.
 * @returns The stems, documents with gold, and the counts per category.
 */
function scoreCollection(goldDir: string, inputDir: string): { stems: string[]; documents: Map<string, { document: DrucksacheDocument; gold: Gold }>; totals: Record<'questions' | 'subItems' | 'answers' | 'references', Counts>; extraction: Record<'amounts' | 'urls' | 'drucksachen', Counts>; entities: EntityScore } {
  const stems = stemsWithInput(inputDir);
  const documents = new Map<string, { document: DrucksacheDocument; gold: Gold }>();
  for (const stem of stems) {
    const name = readdirSync(inputDir).find((file) => file.replace(/\.(md|txt)$/, '') === stem);
    if (!name) throw new Error(`No input for gold ${stem}`);
    const path = join(inputDir, name);
    documents.set(stem, { document: extract(readFileSync(path), { path }).document, gold: JSON.parse(readFileSync(join(goldDir, `${stem}.gold.json`), 'utf8')) as Gold });
  }

  const totals = { questions: { tp: 0, pred: 0, gold: 0 }, subItems: { tp: 0, pred: 0, gold: 0 }, answers: { tp: 0, pred: 0, gold: 0 }, references: { tp: 0, pred: 0, gold: 0 } };
  for (const { document, gold } of documents.values()) {
    const add = (name: keyof typeof totals, c: { tp: number; pred: number; gold: number }): void => {
      totals[name].tp += c.tp;
      totals[name].pred += c.pred;
      totals[name].gold += c.gold;
    };
    add('questions', counts(document.questions.map((q) => q.number), gold.questions.map((q) => q.number)));
    add('subItems', counts(document.questions.flatMap((q) => q.subItems.map((s) => `${q.number}${s.label}`)), gold.questions.flatMap((q) => (q.subItems ?? []).map((s) => `${q.number}${s}`))));
    add('answers', counts(document.answers.map((a) => key(a.questions)), gold.answers.map((a) => key(a.questions))));
    add('references', counts(document.answers.flatMap((a) => a.references.map((r) => `${key(a.questions)}->${r.question}`)), gold.references.map((r) => `${key(r.fromQuestions)}->${r.toQuestion}`)));
  }

  /** Amounts as a multiset of value and currency, URLs and cited Drucksachen as sets, micro-averaged. */
  const extraction = { amounts: { tp: 0, pred: 0, gold: 0 }, urls: { tp: 0, pred: 0, gold: 0 }, drucksachen: { tp: 0, pred: 0, gold: 0 } };
  const urlKey = (url: string): string => url.trim().replace(/^https?:\/\//i, '').replace(/[).,;]+$/, '').replace(/\/+$/, '').replace(/^([^/]+)/, (host) => host.toLowerCase());
  for (const { document, gold } of documents.values()) {
    const pool = document.amounts.map((a) => `${a.value}|${a.currency}`);
    const wanted = (gold.amounts ?? []).map((a) => `${a.value}|${a.currency}`);
    extraction.amounts.pred += pool.length;
    extraction.amounts.gold += wanted.length;
    for (const item of wanted) {
      const at = pool.indexOf(item);
      if (at >= 0) {
        extraction.amounts.tp++;
        pool.splice(at, 1);
      }
    }
    const urls = counts(document.sources.filter((s) => s.kind === 'url').map((s) => urlKey(s.url ?? s.text)), (gold.urls ?? []).map(urlKey));
    const cited = counts(document.sources.filter((s) => s.kind === 'drucksache').map((s) => s.number ?? s.text), gold.drucksachenCited ?? []);
    for (const [name, c] of [['urls', urls], ['drucksachen', cited]] as const) {
      extraction[name].tp += c.tp;
      extraction[name].pred += c.pred;
      extraction[name].gold += c.gold;
    }
  }
  const entities: EntityScore = { tp: 0, pred: 0, found: 0, gold: 0 };
  for (const { document, gold } of documents.values()) {
    const found = scoreEntities(document.entities, gold);
    entities.tp += found.tp;
    entities.pred += found.pred;
    entities.found += found.found;
    entities.gold += found.gold;
  }
  return { stems, documents, totals, extraction, entities };
}


const f1 = (c: { tp: number; pred: number; gold: number }): number => {
  // Nothing to find and nothing found is a perfect score.
  if (c.pred === 0 && c.gold === 0) return 1;
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 1;
  return p + r ? (2 * p * r) / (p + r) : 0;
};

/** Floors per collection: the development corpus, and our own gold. */
const collections = [
  { name: 'development corpus', inputs: input, structure: 0.98, extraction: { amounts: 0.95, urls: 0.95, drucksachen: 0.95 }, entities: 0.95 },
  { name: 'own gold', inputs: ownInputs, structure: 0.98, extraction: { amounts: 0.95, urls: 0.97, drucksachen: 0.95 }, entities: 0.85 },
] as const;


describe.each(collections)('$name', ({ inputs, structure, extraction: floors, entities: entityFloor }) => {
  const { stems, documents, totals, extraction, entities } = scoreCollection(corpus, inputs);

  it('holds gold files', () => expect(stems.length).toBeGreaterThanOrEqual(5));

  it.each(Object.keys(totals) as Array<keyof typeof totals>)(`structure: %s F1 ≥ ${structure}`, (name) => {
    expect(f1(totals[name])).toBeGreaterThanOrEqual(structure);
  });

  it.each(Object.keys(extraction) as Array<keyof typeof extraction>)('extraction: %s F1 at its floor', (name) => {
    expect(f1(extraction[name])).toBeGreaterThanOrEqual(floors[name]);
  });

  it(`entities: F1 ≥ ${entityFloor}`, () => {
    expect(entities.gold).toBeGreaterThan(0);
    expect(entityF1(entities)).toBeGreaterThanOrEqual(entityFloor);
  });

  describe.each(stems)('%s', (stem) => {
    const entry = documents.get(stem);
    if (!entry) throw new Error(stem);
    const { document, gold } = entry;
    it('names the answered Drucksache', () => {
      expect(document.meta.answersDrucksache).toBe(gold.meta?.answersDrucksache ?? gold.drucksache);
    });
    it('has the title', () => {
      expect(norm(document.meta.title ?? '')).toBe(norm(gold.meta?.title ?? gold.title ?? ''));
    });
    it('starts answers where the gold says', () => {
      for (const answer of gold.answers) {
        if (!answer.startsWith) continue;
        const found = document.answers.find((a) => key(a.questions) === key(answer.questions));
        expect(norm(found?.text ?? '')).toMatch(new RegExp(`^${norm(answer.startsWith).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      }
    });
  });
});
