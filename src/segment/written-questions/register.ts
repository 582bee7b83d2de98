/**
 * The two indexes at the front of a collection of Schriftliche Fragen, and their check against the
 * questions: the Verzeichnis der Fragenden (`Aken, Jan van (Die Linke) . . . . 18, 19`: who asked
 * which questions) and the Verzeichnis der Fragen nach Geschäftsbereichen (per ministry, who asked
 * on which pages).
 */
import type { Line } from '../../lines/lines.js';
import { concatRuns, pointRun, runPosition, trimRun, type Locator } from '../../lines/run.js';
import type { IndexEntry, Message, Meta, Question } from '../../model.js';
import { bodyOfHeading } from './heading.js';

/** The index of askers: `Verzeichnis der Fragenden`. */
export const ASKER_INDEX_HEADING = /^\s*Verzeichnis\s+der\s+Fragenden\s*$/u;

/** The index by ministry: `Verzeichnis der Fragen nach Geschäftsbereichen der Bundesregierung`. */
export const BODY_INDEX_HEADING = /^\s*Verzeichnis\s+der\s+Fragen\s+nach\s+Geschäftsbereichen\b/u;

/** Column heads repeated on every page of an index: `Abgeordnete Nummer`, `der Frage`, `Seite`. */
export const INDEX_COLUMN_HEAD = /^\s*(?:Abgeordnete\s+Nummer|der\s+Frage|Seite)\s*$/u;

/** The dot leader between a name and its numbers: `Badum, Lisa (BÜNDNIS 90/DIE GRÜNEN) . . . . . . 3`. */
export const DOT_LEADER = /\s?\.(?: \.){2}/u;

/** A group in parentheses closing an entry's name: `Aken, Jan van (Die Linke)`. */
export const ENTRY_FACTION = /\(([^()]{2,60})\)\s*$/u;

/** A ministry heading: `Geschäftsbereich des Bundesministeriums für ` / `Wirtschaft und Klimaschutz`. */
export const BODY_HEADING = /^\s*Geschäftsbereich\s+(?:des|der)\s+\S/u;

/**
 * Read the entries of an index from its lines; an entry may wrap before its dot leader.
 *
 * @param lines The index's lines (heading excluded).
 * @param locator The locator.
 * @returns The entries.
 */
export function readEntries(lines: readonly Line[], locator: Locator): IndexEntry[] {
  const entries: IndexEntry[] = [];
  let pending: Line[] = [];
  for (const line of lines) {
    const text = line.run.text;
    if (INDEX_COLUMN_HEAD.test(text)) continue;
    pending.push(line);
    const leader = text.search(DOT_LEADER);
    if (leader === -1) continue;
    const run = trimRun(concatRuns(pending.flatMap((part, i) => (i === 0 ? [part.run] : [pointRun(' ', part.run.offsets[0] ?? 0), part.run]))));
    const cut = run.text.search(DOT_LEADER);
    const label = run.text.slice(0, cut).replace(/\s+/g, ' ').trim();
    const faction = ENTRY_FACTION.exec(label);
    const named = (faction ? label.slice(0, faction.index) : label).trim();
    // A constituency told apart by a parenthesis before the group: `Mayer, Stephan (Altötting) (CDU/CSU)`.
    const constituency = ENTRY_FACTION.exec(named);
    const entry: IndexEntry = {
      name: (constituency ? named.slice(0, constituency.index) : named).trim(),
      numbers: run.text.slice(cut).match(/\d+/gu) ?? [],
      position: runPosition(locator, run),
    };
    if (faction?.[1]) entry.faction = faction[1].replace(/\/\s+/g, '/').trim();
    entries.push(entry);
    pending = [];
  }
  return entries;
}

/**
 * The ministry index: headings, each followed by its entries.
 *
 * @param lines The index's lines (heading excluded).
 * @param locator The locator.
 * @returns Bodies with their entries.
 */
export function readBodyIndex(lines: readonly Line[], locator: Locator): NonNullable<Meta['bodyIndex']> {
  const out: NonNullable<Meta['bodyIndex']> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!BODY_HEADING.test(lines[i]?.run.text ?? '')) continue;
    const heading = bodyOfHeading(lines, i);
    let end = heading.end;
    while (end < lines.length && !BODY_HEADING.test(lines[end]?.run.text ?? '')) end++;
    out.push({ body: heading.body, entries: readEntries(lines.slice(heading.end, end), locator) });
    i = end - 1;
  }
  return out;
}

/**
 * `Surname, Given name, Dr.` as the questions print it: `Given name Surname`.
 *
 * @param indexed The name as the index prints it.
 * @returns The name in reading order, titles left out.
 */
export function readingOrder(indexed: string): string {
  const [surname = '', given = ''] = indexed.split(',').map((part) => part.trim());
  return given === '' ? surname : `${given} ${surname}`;
}

/**
 * Hold the indexes against the questions: every number the Verzeichnis der Fragenden gives a member
 * is a question that member asked, every question's asker is listed with its number, and every
 * member listed under a ministry asked a question in its Geschäftsbereich.
 *
 * @param askerIndex The Verzeichnis der Fragenden.
 * @param bodyIndex The index by ministry.
 * @param questions The questions read.
 * @returns One message per disagreement.
 */
export function crossCheck(askerIndex: readonly IndexEntry[], bodyIndex: NonNullable<Meta['bodyIndex']>, questions: readonly Question[]): Message[] {
  const problems: Message[] = [];
  const byNumber = new Map(questions.map((question) => [question.number, question]));
  const listed = new Set<string>();
  const same = (a: string, b: string): boolean => a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ');
  for (const entry of askerIndex) {
    const name = readingOrder(entry.name);
    for (const number of entry.numbers) {
      listed.add(`${number} ${name}`);
      const question = byNumber.get(number);
      if (!question?.askers?.some((asker) => same(asker.name, name))) {
        const asked = question?.askers?.map((asker) => asker.name).join(', ') ?? 'no question';
        problems.push({ severity: 'warning', ruleId: 'index-disagrees', reason: `Unexpected question \`${number}\` by \`${asked}\` in the Verzeichnis der Fragenden under \`${entry.name}\`, expected that member's question`, position: entry.position });
      }
    }
  }
  for (const question of questions) {
    for (const asker of question.askers ?? []) {
      if (askerIndex.length > 0 && !listed.has(`${question.number} ${asker.name}`)) {
        problems.push({ severity: 'warning', ruleId: 'index-disagrees', reason: `Unexpected question \`${question.number}\` of \`${asker.name}\` missing from the Verzeichnis der Fragenden, expected it listed`, position: question.position });
      }
    }
  }
  for (const { body, entries } of bodyIndex) {
    for (const entry of entries) {
      const name = readingOrder(entry.name);
      if (!questions.some((question) => question.respondingBody === body && question.askers?.some((asker) => same(asker.name, name)))) {
        problems.push({ severity: 'warning', ruleId: 'index-disagrees', reason: `Unexpected \`${entry.name}\` under \`${body}\` in the index by Geschäftsbereich, expected a question of that member there`, position: entry.position });
      }
    }
  }
  return problems;
}
