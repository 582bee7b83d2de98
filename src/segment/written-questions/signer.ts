/**
 * Who answered a Schriftliche Frage, from the line that opens the answer:
 * `Antwort des Parlamentarischen Staatssekretärs Dr. Rolf Bösinger` / `vom 9. Mai 2025`.
 */
import type { Answer, Asker } from '../../model.js';
import { isGivenName } from '../../extract/entities/gazetteer.js';
import { canonicalFaction } from '../factions.js';
import { isoDate, MONTHS } from '../header.js';

/** The opening of an answer, its lines joined: `Antwort des Staatssekretärs Bernhard Kluttig vom 7. Mai 2025`. */
export const ANSWER_OPENING = /^\s*Antwort\s+(des|der)\s+(\S.{2,120}?)\s+vom\s+(\d{1,2})\.\s*(\p{L}+)\s+(\d{4})\s*$/u;

/** An academic title in a name: `Dr.`, `Prof.`, `h. c.`. */
export const NAME_TITLE = /^(?:Dr\.|Prof\.|h\.|c\.|Dr\.-Ing\.)$/u;

/** A particle inside a name: `Jan van Aken`, `Karl-Theodor zu Guttenberg`. */
export const NAME_PARTICLE = /^(?:van|von|vom|zu|zur|de|der|den|da|di|el|al)$/u;

/** The genitive adjective at the head of a role: `Parlamentarischen Staatssekretärs`. */
export const ROLE_ADJECTIVE = /^(\p{Lu}\p{Ll}+)en$/u;

/** The genitive of a role noun after `des`: `Staatssekretärs`, `Chefs`, `Bundesministers`. */
export const ROLE_GENITIVE = /^(\p{Lu}\p{Ll}+)(?<!s)s$/u;

/** The most words a name takes. */
const NAME_WORDS = 5;

/** Who signed and when. */
export interface Signer {
  answeredBy?: NonNullable<Answer['answeredBy']>;
  date?: string;
}

/**
 * Read the signer and date from an answer's opening.
 *
 * @param opening The opening's lines joined by spaces.
 * @returns Signer and date; empty where the opening is not of that form.
 */
export function readSigner(opening: string): Signer {
  const match = ANSWER_OPENING.exec(opening.replace(/\s+/g, ' '));
  if (!match?.[1] || !match[2] || !match[3] || !match[4] || !match[5]) return {};
  const month = MONTHS.indexOf(match[4]) + 1;
  const signer: Signer = {};
  if (month > 0) signer.date = isoDate(match[3], String(month), match[5]);
  const tokens = match[2].split(' ');
  // The name is the tail from its first given name (or title) on; the role is what precedes it.
  let start = tokens.length;
  for (let i = tokens.length - 2; i >= Math.max(0, tokens.length - NAME_WORDS); i--) {
    const token = tokens[i] ?? '';
    if (NAME_TITLE.test(token) || isGivenName(token) || (NAME_PARTICLE.test(token) && i < tokens.length - 1 && start === i + 1)) start = i;
    else if (start < tokens.length) break;
  }
  if (start === tokens.length) start = Math.max(1, tokens.length - 2);
  const roleTokens = tokens.slice(0, start);
  const nameTokens = tokens.slice(start);
  if (roleTokens.length === 0 || nameTokens.length === 0) return signer;
  const titles = nameTokens.filter((token) => NAME_TITLE.test(token));
  const name = nameTokens.filter((token) => !NAME_TITLE.test(token)).join(' ');
  if (name === '') return signer;
  signer.answeredBy = { name, role: nominativeRole(roleTokens, match[1] === 'des') };
  if (titles.length > 0) signer.answeredBy.title = titles.join(' ');
  return signer;
}

/**
 * The nominative of a role printed in the genitive: `Parlamentarischen Staatssekretärs` →
 * `Parlamentarischer Staatssekretär`, `Parlamentarischen Staatssekretärin` → `Parlamentarische Staatssekretärin`.
 *
 * @param tokens The role's words.
 * @param masculine Whether the article was `des`.
 * @returns The role.
 */
export function nominativeRole(tokens: readonly string[], masculine: boolean): string {
  const out = [...tokens];
  let k = 0;
  while (k < out.length - 1 && ROLE_ADJECTIVE.test(out[k] ?? '')) {
    out[k] = (out[k] ?? '').replace(ROLE_ADJECTIVE, masculine ? '$1er' : '$1e');
    k++;
  }
  if (masculine) out[k] = (out[k] ?? '').replace(ROLE_GENITIVE, '$1');
  return out.join(' ');
}

/**
 * An asker as printed above a question: `Dr.  Marlon Bröhr` and `(CDU/CSU)`.
 *
 * @param name The name lines joined.
 * @param faction The group in parentheses, without them.
 * @returns The asker.
 */
export function askerOf(name: string, faction: string | undefined): Asker {
  // `Knuth Meyer-` / `Soltau`: a name hyphenated at the line end keeps its hyphen, without the space.
  const tokens = name.replace(/\s+/g, ' ').replace(/(\p{L})- (?=\p{Lu})/gu, '$1-').trim().split(' ');
  const titles = tokens.filter((token) => NAME_TITLE.test(token));
  const asker: Asker = { name: tokens.filter((token) => !NAME_TITLE.test(token)).join(' ') };
  if (titles.length > 0) asker.title = titles.join(' ');
  if (faction) {
    const printed = faction.replace(/\s+/g, ' ').trim();
    asker.faction = canonicalFaction(printed);
    asker.factionText = printed;
  }
  return asker;
}
