/**
 * What the entity rules hand to the merge step: a candidate is a proposed span of tokens with a
 * type, the rule that proposed it and a priority; a definition pairs a short form with its long form.
 */
import type { Entity } from '../../model.js';
import type { Token } from './tokens.js';

/** Entity type. */
export type EntityType = Entity['type'];

/** A proposed entity span in one section. */
export interface Candidate {
  /** Index of the section. */
  section: number;
  /** First token of the printed span (a title included). */
  from: number;
  /** Token after the span. */
  to: number;
  /** First token of the name proper (after a title or `Fraktion der`). */
  nameFrom: number;
  /** Token after the name proper. */
  nameTo: number;
  type: EntityType;
  /** Which rule proposed it, for tests and debugging. */
  rule: string;
  /** Higher wins an overlap. */
  priority: number;
  /** The gazetteer's canonical name, when from the gazetteer. */
  canonical?: string;
  /** Other printed names this span is known to share an entity with (abbreviations). */
  links?: string[];
  /** A list item may lose its start to an overlapping, stronger span. */
  trimmable?: boolean;
}

/** What the rules know about the document as a whole. */
export interface RuleContext {
  /** Askers named in the header, as printed names (`Volker Beck`). */
  askers: string[];
  /** Constituencies printed after askers (`Köln`). */
  constituencies: string[];
}

/** A section as the rules see it. */
export interface TokenSection {
  index: number;
  kind: 'meta' | 'preamble' | 'question' | 'answer';
  text: string;
  tokens: Token[];
  /**
   * Per token, whether a printed line break stands before it ({@link LINE_BREAK}) and whether that
   * line ended short of the margin ({@link SHORT_BREAK}: a cell of a table whose layout was lost, a
   * heading), where a name does not run on. Absent: no breaks known.
   */
  shortBreaks?: Uint8Array;
  /** Where each character of `text` was printed (plain-text input only): a lost table's rows are read from it. */
  printed?: PrintedPlace;
}

/** Line and column (from 1) in the input of a character of a section's text. */
export interface PrintedPlace {
  /**
   * The printed line of a character.
   *
   * @param at Index into the section text.
   */
  line(at: number): number;
  /**
   * The printed column of a character.
   *
   * @param at Index into the section text.
   */
  column(at: number): number;
}

/** A printed line break before a token, in running text. */
export const LINE_BREAK = 1;

/** A printed line break before a token where the line before ended short of the margin. */
export const SHORT_BREAK = 2;

/**
 * Whether a printed short line ends inside the tokens `[from, to)`: the span joins two cells of a lost
 * table (`Soziales Netzwerk` / `Sonstige Partei`) rather than words of one name.
 *
 * @param section The section.
 * @param from First token.
 * @param to Token after the last.
 * @returns Whether it does.
 */
export function crossesShortBreak(section: TokenSection, from: number, to: number): boolean {
  const breaks = section.shortBreaks;
  if (!breaks) return false;
  for (let k = from + 1; k < to; k++) if (breaks[k] === SHORT_BREAK) return true;
  return false;
}

/**
 * Text of a token range in a section.
 *
 * @param section The section.
 * @param from First token.
 * @param to Token after the last.
 * @returns The printed text.
 */
export function spanText(section: TokenSection, from: number, to: number): string {
  const first = section.tokens[from];
  const last = section.tokens[to - 1];
  return first && last ? section.text.slice(first.start, last.end) : '';
}

/**
 * Make a candidate.
 *
 * @param section The section.
 * @param from First token.
 * @param to Token after the last.
 * @param type Type.
 * @param rule Rule name.
 * @param priority Priority.
 * @param extra More fields.
 * @returns The candidate.
 */
export function candidate(
  section: TokenSection,
  from: number,
  to: number,
  type: EntityType,
  rule: string,
  priority: number,
  extra: Partial<Candidate> = {},
): Candidate {
  return { section: section.index, from, to, nameFrom: from, nameTo: to, type, rule, priority, ...extra };
}

/** A definition found by its parentheses, resolved once all other candidates are known. */
export interface Definition {
  section: number;
  /** The short form's token range. */
  shortFrom: number;
  shortTo: number;
  /** Where the long form ends (token after it). */
  longTo: number;
  /** The long form's start, when alignment found one. */
  longFrom: number | undefined;
  /** Type of the long form from its words, when it can stand alone. */
  type: EntityType | undefined;
}
