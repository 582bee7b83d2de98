/**
 * Organisations printed as a list: a semicolon list (`Aktion gegen Hunger; Ärzte der Welt Deutschland; …`),
 * or names after a plural noun that says what they are (`die Kleinstparteien A, B und C`).
 */
import { matchGazetteer } from '../gazetteer.js';
import { isCommonNounLike } from '../lexicon.js';
import { hasInnerCapital, isAbbreviation, isCapitalised } from '../tokens.js';
import { CONNECTORS, hasOrgHead, isCapitalisedAdjective, isFunctionWord, isProperish } from '../words.js';
import { SHORT_BREAK, candidate, type Candidate, type TokenSection } from '../candidate.js';
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

/**
 * Plural nouns that introduce a list of organisations by name (lower-cased compound tails):
 * `die Kleinstparteien A, B und C`, `die Rechteinhaber A und B`, `die Unternehmen A, B sowie C`.
 */
const LIST_DESCRIPTOR = /(?:parteien|unternehmen|firmen|konzerne|organisationen|verbände|vereine|stiftungen|gewerkschaften|sender|zeitungen|agenturen|rechteinhaber|plattformen|dienstleister|anbieter|hersteller|betreiber)$/u;

/** Most words of one named item: `BMG Rights Management`, `Nisma Shqipëria Bëhet`. */
const MAX_NAMED_ITEM_WORDS = 4;

/**
 * The item of a named list at `k`: capitalised words (an `&` between them), or `k` when none stand there.
 *
 * @param section The section.
 * @param k Index.
 * @returns Token after the item.
 */
function namedItemEnd(section: TokenSection, k: number): number {
  const tokens = section.tokens;
  let end = k;
  while (end - k < MAX_NAMED_ITEM_WORDS) {
    const token = tokens[end];
    if (!token || (end > k && section.shortBreaks?.[end] === SHORT_BREAK)) break;
    if (token.kind === 'word' && (isCapitalised(token) || hasInnerCapital(token.text)) && !isFunctionWord(token.text)) end++;
    else if (token.text === '&' && end > k && isCapitalised(tokens[end + 1])) end++;
    else break;
  }
  return end;
}

/**
 * Organisations listed by name after a plural noun that says what they are: `die Kleinstparteien Nisma,
 * Mundësia und Levizja`, `an die Rechteinhaber Sony Music und BMG Rights Management`. Every item must be a
 * name by its words (a word that is no dictionary noun, an abbreviation or a brand-like spelling), the last
 * one joined by `und`, `sowie` or `oder`.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function namedListRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 3 < tokens.length; i++) {
    const descriptor = tokens[i];
    if (!descriptor || descriptor.kind !== 'word' || !isCapitalised(descriptor) || !LIST_DESCRIPTOR.test(descriptor.text.toLowerCase())) continue;
    const items: Array<[number, number]> = [];
    let k = i + 1;
    let closed = false;
    for (;;) {
      const end = namedItemEnd(section, k);
      if (end === k) break;
      items.push([k, end]);
      const joint = tokens[end]?.text ?? '';
      if (closed) break;
      if (joint === ',') k = end + 1;
      else if (joint === 'und' || joint === 'sowie' || joint === 'oder') {
        k = end + 1;
        closed = true;
      } else break;
    }
    if (!closed || items.length < 2 || items.length > 12) continue;
    const last = items.at(-1);
    if (!last || last[0] !== k) continue;
    const named = items.every(([from, to]) => tokens.slice(from, to).some((t) => isAbbreviation(t.text) || hasInnerCapital(t.text) || (isProperish(t) && !isCommonNounLike(t.text) && !isCapitalisedAdjective(t.text))));
    if (!named) continue;
    for (const [from, to] of items) {
      // `BMG Rights Management`: a shorter known name at the item's start is no name of its own here.
      const known = matchGazetteer(tokens, from)?.length ?? 0;
      out.push(candidate(section, from, to, 'Organization', 'named-list', known > 0 && known < to - from ? 76 : 62));
    }
    i = last[1] - 1;
  }
  return out;
}
