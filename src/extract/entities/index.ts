/**
 * Extract named entities (people, organisations, places, programmes and events) from a document's
 * sections, with every mention and its position.
 *
 * Evidence is combined from gazetteers (ministries, agencies, parties, Länder, countries, cities,
 * given names), definitions of short forms, legal forms, institutional heads, quoted names, titles and
 * roles, and the askers named in the header; a dictionary of common nouns keeps capitalised nouns out.
 */
import type { Entity, Message } from '../../model.js';
import type { Locator, Run } from '../../lines/run.js';
import { runPosition } from '../../lines/run.js';
import type { Extraction, ExtractContext, Section } from '../../lines/section.js';
import type { DraftMention } from './merge.js';
import { mergeCandidates } from './merge.js';
import { entityKey } from './key.js';
import { LINE_BREAK, SHORT_BREAK, type Candidate, type Definition, type PrintedPlace, type RuleContext, type TokenSection } from './candidate.js';
import { sectionCandidates } from './rules.js';
import { tokenize, type Token } from './tokens.js';

/**
 * Extract the named entities of a document.
 *
 * @param sections The document's sections in document order (`meta` first).
 * @param context Locator and header metadata (askers are looked for throughout).
 * @returns Entities with ids `e1`, `e2` … in order of first mention, and no messages.
 */
export function extractEntities(sections: readonly Section[], context: ExtractContext): Extraction<Entity> {
  const units = [...sections.map((section) => ({ id: section.id, kind: section.kind, run: section.run })), ...transmissionNotes(context)];
  const tokenSections: TokenSection[] = units.map((unit, index) => ({
    index,
    kind: unit.kind,
    text: unit.run.text,
    tokens: tokenize(blankUrls(unit.run.text)),
  }));
  for (const [index, section] of tokenSections.entries()) {
    const unit = units[index];
    if (unit && context.format === 'text') {
      section.shortBreaks = shortBreaks(section.tokens, unit.run, context.locator);
      section.printed = printedPlace(unit.run, context.locator);
    }
  }
  const ruleContext: RuleContext = {
    askers: context.meta.askers.map((asker) => asker.name),
    constituencies: context.meta.askers.flatMap((asker) => (asker.constituency ? [asker.constituency] : [])),
  };
  const candidates: Candidate[][] = [];
  const definitions: Definition[][] = [];
  for (const section of tokenSections) {
    const found = sectionCandidates(section, ruleContext);
    candidates.push(found.candidates);
    definitions.push(found.definitions);
  }
  const offsetOf = (mention: DraftMention): number => units[mention.section]?.run.offsets[mention.start] ?? 0;
  const drafts = mergeCandidates(tokenSections, candidates, definitions)
    .map((draft) => ({ ...draft, mentions: [...draft.mentions].sort((a, b) => offsetOf(a) - offsetOf(b)) }))
    .sort((a, b) => offsetOf(a.mentions[0] ?? EMPTY_MENTION) - offsetOf(b.mentions[0] ?? EMPTY_MENTION));
  const records: Entity[] = drafts.map((draft, k) => ({
    id: `e${k + 1}`,
    key: entityKey(draft),
    type: draft.type,
    name: draft.name,
    aliases: draft.aliases,
    mentions: draft.mentions.flatMap((mention) => {
      const unit = units[mention.section];
      if (!unit) return [];
      return [{ text: mention.text, in: unit.id, position: runPosition(context.locator, unit.run, mention.start, mention.end) }];
    }),
  }));
  const messages: Message[] = [];
  return { records, messages };
}

/**
 * A printed line shorter than this (in columns) ends before the margin: running text of the
 * renderings fills its lines to 70 columns and more, so a line ending earlier closes a paragraph,
 * a heading or a table cell. Matches the first line of: `Soziales Netzwerk` / `Sonstige Partei`.
 */
const SHORT_LINE = 40;

/**
 * Mark the tokens that follow a printed line break ({@link LINE_BREAK}), and those where the line
 * before ended short ({@link SHORT_BREAK}).
 *
 * @param tokens The section's tokens.
 * @param run The section's run.
 * @param locator The file's locator.
 * @returns One flag per token: 0, `LINE_BREAK` or `SHORT_BREAK`.
 */
function shortBreaks(tokens: readonly Token[], run: Run, locator: Locator): Uint8Array {
  const flags = new Uint8Array(tokens.length);
  let previousLine = -1;
  let previousColumn = 0;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (!token) continue;
    const start = run.offsets[token.start] ?? 0;
    const last = run.offsets[token.end - 1] ?? start;
    if (k > 0 && locator.line(start) !== previousLine) flags[k] = previousColumn < SHORT_LINE ? SHORT_BREAK : LINE_BREAK;
    previousLine = locator.line(last);
    previousColumn = locator.column(last);
  }
  return flags;
}

/**
 * Where the characters of a run were printed.
 *
 * @param run The section's run.
 * @param locator The file's locator.
 * @returns Line and column of each index into the run's text.
 */
function printedPlace(run: Run, locator: Locator): PrintedPlace {
  return {
    line: (at) => locator.line(run.offsets[at] ?? 0),
    column: (at) => locator.column(run.offsets[at] ?? 0),
  };
}

/** A mention that sorts first, for drafts without mentions. */
const EMPTY_MENTION: DraftMention = { section: 0, start: 0, end: 0, text: '', name: '' };

/**
 * The transmission note (`Die Antwort wurde namens der Bundesregierung mit Schreiben des Bundesministeriums …
 * übermittelt.`) is cut out of the flow but names the answering ministry: read it as part of `meta`.
 *
 * @param context The extract context.
 * @returns Extra units to read.
 */
function transmissionNotes(context: ExtractContext): Array<{ id: string; kind: Section['kind']; run: Run }> {
  return (context.transmissionNotes ?? []).map((run) => ({ id: 'meta', kind: 'meta' as const, run }));
}

/** A web address, which may hold name-like words (`www.taz.de`): `https://example.org/a`, `www.bmi.bund.de/DE/…`. */
const URL = /(?:https?:\/\/|www\.)[^\s<>„“"]+/gu;

/**
 * Replace web addresses by spaces of the same length, so that no rule reads them and indexes stay.
 *
 * @param text Section text.
 * @returns The text with addresses blanked.
 */
function blankUrls(text: string): string {
  return text.replace(URL, (url) => ' '.repeat(url.length));
}
