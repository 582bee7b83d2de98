/**
 * Header metadata and positions for hand-built test documents.
 */
import type { Meta, Position } from '../../src/model.js';
import { emptyMeta } from '../../src/pipeline.js';

/**
 * Header metadata of a Bundestag answer (own number 21/375, answering 21/162), with changes.
 *
 * @param changes Fields that differ.
 * @returns The metadata.
 */
export function bundestagMeta(changes: Partial<Meta> = {}): Meta {
  return {
    ...emptyMeta(),
    parliament: 'Deutscher Bundestag',
    legislativePeriod: 21,
    drucksache: '21/375',
    type: 'Antwort',
    respondent: 'Bundesregierung',
    answersDrucksache: '21/162',
    ...changes,
  };
}

/**
 * A position on the first line of a one-line input.
 *
 * @param start Offset of the first character.
 * @param end Offset after the last.
 * @returns The position.
 */
export function onFirstLine(start: number, end: number): Position {
  return { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } };
}
