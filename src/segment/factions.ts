/**
 * One spelling per parliamentary group: `BÜNDNIS 90/ DIE GRÜNEN`, `BÜNDNIS 90/-DIE GRÜNEN` and
 * `Bündnis 90/Die Grünen` are one group, written as the gazetteer `data/factions.json` spells it.
 */
import factionData from './data/factions.json' with { type: 'json' };

/** What does not tell two spellings apart: case aside, spaces, hyphens, slashes and dots (`BÜNDNIS 90/ DIE GRÜNEN`). */
export const FACTION_NOISE = /[\s./-]+/gu;

/**
 * The key two spellings of one group share.
 *
 * @param text A group's name as printed.
 * @returns The key.
 */
export function factionKey(text: string): string {
  return text.replace(FACTION_NOISE, '').toLowerCase();
}

let byKey: Map<string, string> | undefined;

/**
 * The official spelling of a group.
 *
 * @param printed The group as printed (`BÜNDNIS 90/ DIE GRÜNEN`).
 * @returns The official spelling, or the printed text (white space collapsed) for a group the gazetteer does not hold.
 */
export function canonicalFaction(printed: string): string {
  if (!byKey) {
    byKey = new Map();
    for (const faction of factionData.factions) {
      for (const spelling of [faction.name, ...faction.variants]) byKey.set(factionKey(spelling), faction.name);
    }
  }
  return byKey.get(factionKey(printed)) ?? printed.replace(/\s+/gu, ' ').trim();
}
