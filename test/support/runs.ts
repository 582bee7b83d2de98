/**
 * Building blocks for stage tests: runs joined as the segmenter joins printed lines.
 */
import { concatRuns, pointRun, sliceRun, type Run } from '../../src/lines/run.js';

/**
 * Join printed lines the way the segmenter does: a space attributed to the next line's start.
 *
 * @param input The printed text, lines separated by `\n`.
 * @returns The run.
 */
export function joinedRun(input: string): Run {
  const parts: Run[] = [];
  let at = 0;
  for (const line of input.split('\n')) {
    if (parts.length > 0) parts.push(pointRun(' ', at));
    parts.push(sliceRun(line, at));
    at += line.length + 1;
  }
  return concatRuns(parts);
}
