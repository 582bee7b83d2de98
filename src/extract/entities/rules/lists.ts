/**
 * Organisations printed as a semicolon list: `Aktion gegen Hunger; Ärzte der Welt Deutschland; …`.
 */
import { isCommonNounLike } from '../lexicon.js';
import { hasInnerCapital, isAbbreviation, isCapitalised } from '../tokens.js';
import { CONNECTORS, hasOrgHead, isCapitalisedAdjective, isFunctionWord } from '../words.js';
import { candidate, type Candidate, type TokenSection } from '../candidate.js';
import { isAbstractNoun, legalFormAt } from '../name-span.js';

/** Most words in a list item: `International Rescue Committee (IRC) Deutschland`. */
const MAX_ITEM_WORDS = 7;

/**
 * Organisations in a semicolon list (`Aktion gegen Hunger; Ärzte der Welt Deutschland; Caritas Deutschland; …`),
 * when the list holds at least one item that is recognisably an organisation.
 *
 * @param section The section.
 * @param others Candidates of the other rules in this section, to check the evidence.
 * @returns Candidates, trimmable at their start.
 */
export function listRule(section: TokenSection, others: readonly Candidate[]): Candidate[] {
  const tokens = section.tokens;
  const semicolons: number[] = [];
  tokens.forEach((token, k) => {
    if (token.text === ';') semicolons.push(k);
  });
  if (semicolons.length < 2) return [];
  const out: Candidate[] = [];
  // Segments between semicolons; the first may carry a prefix, the last must be an item on its own.
  const bounds: Array<[number, number]> = [];
  let previous = -1;
  for (const semicolon of semicolons) {
    bounds.push([previous + 1, semicolon]);
    previous = semicolon;
  }
  let run: Candidate[] = [];
  const flush = (): void => {
    if (run.length >= 3) {
      const evidence = run.some((item) =>
        others.some((o) => o.type === 'Organization' && o.from >= item.from && o.to <= item.to) ||
        tokens.slice(item.from, item.to).some((t, k) => legalFormAt(tokens, item.from + k) > 0 || hasOrgHead(t.text)),
      );
      if (evidence) out.push(...run);
    }
    run = [];
  };
  for (const [from, to] of bounds) {
    const item = listItem(section, from, to);
    // A person printed before the first item (`BM’in a. D. Schulze Aktion gegen Hunger`) is no part of it.
    const person = item && others.find((o) => o.type === 'Person' && o.from < item.from + 1 && o.to > item.from && o.to < item.to);
    if (item && person) {
      item.from = person.to;
      item.nameFrom = person.to;
    }
    if (item) run.push(item);
    else flush();
  }
  flush();
  return out;
}

/**
 * The list item at the end of a segment.
 *
 * @param section The section.
 * @param from First token of the segment.
 * @param to The semicolon after it.
 * @returns The item candidate, or undefined.
 */
function listItem(section: TokenSection, from: number, to: number): Candidate | undefined {
  const tokens = section.tokens;
  let end = to;
  // `Council (DRC) Deutschland)`: a stray closing parenthesis from a lost table cell.
  while (end > from && tokens[end - 1]?.text === ')' && !tokens.slice(from, end - 1).some((t) => t.text === '(' && tokens.indexOf(t) > end - 4)) {
    const opens = tokens.slice(from, end).filter((t) => t.text === '(').length;
    const closes = tokens.slice(from, end).filter((t) => t.text === ')').length;
    if (closes > opens) end--;
    else break;
  }
  let start = end;
  let words = 0;
  while (start > from) {
    const token = tokens[start - 1];
    if (!token) break;
    if (token.kind === 'word' && (isCapitalised(token) || hasInnerCapital(token.text) || CONNECTORS.has(token.text))) {
      start--;
      words++;
      continue;
    }
    if ((token.text === ')' || token.text === '(') && start - 1 > from) {
      start--;
      continue;
    }
    if (token.text === '.' && ['e', 'V'].includes(tokens[start - 2]?.text ?? '')) {
      start--;
      continue;
    }
    break;
  }
  while (start < end && (tokens[start]?.text === '(' || tokens[start]?.text === ')' || CONNECTORS.has(tokens[start]?.text ?? ''))) start++;
  if (start >= end || words === 0 || words > MAX_ITEM_WORDS + 3) return undefined;
  if (!isCapitalised(tokens[start]) && !hasInnerCapital(tokens[start]?.text ?? '')) return undefined;
  if (isFunctionWord(tokens[start]?.text ?? '')) return undefined;
  // `Politik; Zivilgesellschaft; Verbände`: a common noun alone is a kind of body, not one.
  const only = tokens[start];
  if (end === start + 1 && only && !isAbbreviation(only.text) && !hasInnerCapital(only.text) && (isCommonNounLike(only.text) || isAbstractNoun(only.text) || isCapitalisedAdjective(only.text))) return undefined;
  return candidate(section, start, end, 'Organization', 'list-item', 73);
}
