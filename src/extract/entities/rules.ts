/**
 * Rules that propose entity spans in one section: gazetteer hits, legal forms, institutional heads,
 * quoted names, abbreviation definitions, company cues, lists, people by title, given name, role
 * or the askers named in the header, places by unit word, cue or street form, and the cells of
 * lost-layout tables by their column heading. Each proposal is a `Candidate`; `merge.ts` decides between them.
 *
 * The rules live in `./rules/`, one file per kind of evidence; the types they share in `./candidate.ts`.
 */
import type { Candidate, RuleContext, TokenSection, Definition } from './candidate.js';
import { gazetteerRule, legalFormRule, companyRule, mediaRule, pressRule } from './rules/organizations.js';
import { headRule } from './rules/heads.js';
import { quoteRule } from './rules/quoted.js';
import { definitionRule, dashDefinitionRule } from './rules/definitions.js';
import { adminPlaceRule, cuedPlaceRule, streetRule } from './rules/places.js';
import { listRule, namedListRule } from './rules/lists.js';
import { electionRule, namedProgrammeRule } from './rules/programmes.js';
import { tableColumnRule } from './rules/table-columns.js';
import { titleRule, givenNameRule, appositionRule, askerRule, officeRule, surnameFirstRule } from './rules/people.js';

export type { Candidate, Definition, EntityType, RuleContext, TokenSection } from './candidate.js';
export { spanText } from './candidate.js';

/**
 * Every candidate and definition of one section.
 *
 * @param section The section.
 * @param context Document facts.
 * @returns Candidates and definitions.
 */
export function sectionCandidates(section: TokenSection, context: RuleContext): { candidates: Candidate[]; definitions: Definition[] } {
  const titled = titleRule(section);
  const askers = askerRule(section, context);
  const candidates = [
    ...askers,
    ...gazetteerRule(section),
    ...legalFormRule(section, [...titled, ...askers]),
    ...headRule(section),
    ...quoteRule(section),
    ...dashDefinitionRule(section),
    ...companyRule(section),
    ...titled,
    ...givenNameRule(section),
    ...appositionRule(section),
    ...officeRule(section),
    ...surnameFirstRule(section),
    ...mediaRule(section),
    ...adminPlaceRule(section),
    ...cuedPlaceRule(section),
    ...streetRule(section),
    ...pressRule(section),
    ...namedListRule(section),
    ...namedProgrammeRule(section),
    ...electionRule(section),
    ...tableColumnRule(section),
  ];
  candidates.push(...listRule(section, candidates));
  return { candidates, definitions: definitionRule(section) };
}
