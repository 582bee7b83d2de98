/**
 * Scoring against the gold files of `test/fixtures/corpus/`, by the rules of `../shared/CORPUS.md`.
 */
import type { Entity } from '../../src/model.js';

/**
 * A name or text as the gold compares it: NFC, no soft hyphens, one kind of dash and no quotes,
 * single spaces, no space around hyphens, lower case.
 *
 * @param text The text.
 * @returns Its comparable form.
 */
export const norm = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[\u00AD]/g, '')
    .replace(/[‐‑‒–—-]/g, '-')
    .replace(/[„“”"«»‚‘’']/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim()
    .toLowerCase();

/** The entities of a gold file. */
export interface GoldEntities {
  entities?: Partial<Record<string, Array<{ name: string; aliases?: string[] }>>>;
  optionalEntities?: string[];
}

/** Counts of entities against a gold file, to be summed over a collection. */
export interface EntityScore {
  /** Entities found that are in the gold. */
  tp: number;
  /** Entities found of the gold's types, less those that are only optional. */
  pred: number;
  /** Gold entities found. */
  found: number;
  /** Gold entities. */
  gold: number;
}

/**
 * Score entities: a gold entity is found when an entity of its type has a name, alias or mention
 * text equal to one of its printed forms; an entity found is right when one of its forms is a gold
 * form of its type, and is not counted when it is only an optional one.
 *
 * @param entities The entities found.
 * @param gold The gold.
 * @returns The counts.
 */
export function scoreEntities(entities: readonly Entity[], gold: GoldEntities): EntityScore {
  const optional = new Set((gold.optionalEntities ?? []).map(norm));
  const result: EntityScore = { tp: 0, pred: 0, found: 0, gold: 0 };
  for (const [type, list = []] of Object.entries(gold.entities ?? {})) {
    const predicted = entities.filter((e) => e.type === type).map((e) => new Set([e.name, ...e.aliases, ...e.mentions.map((m) => m.text)].map(norm)));
    const goldNames = new Set(list.flatMap((g) => [g.name, ...(g.aliases ?? [])]).map(norm));
    for (const g of list) if (predicted.some((names) => [g.name, ...(g.aliases ?? [])].some((n) => names.has(norm(n))))) result.found++;
    for (const names of predicted) {
      if ([...names].some((n) => goldNames.has(n))) {
        result.tp++;
        result.pred++;
      } else if (![...names].some((n) => optional.has(n))) result.pred++;
    }
    result.gold += list.length;
  }
  return result;
}

/**
 * F1 of summed entity counts.
 *
 * @param score The counts.
 * @returns F1, 1 where there was nothing to find and nothing was found.
 */
export function entityF1(score: EntityScore): number {
  const p = score.pred ? score.tp / score.pred : 0;
  const r = score.gold ? score.found / score.gold : 1;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
