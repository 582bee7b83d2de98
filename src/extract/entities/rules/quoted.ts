/**
 * Names in quotation marks, typed by the noun before them or by their own head:
 * `Bundesprogramm „Demokratie leben!“`, `„Islamisches Zentrum Hamburg“`.
 */
import { isNoun } from '../lexicon.js';
import { type Token, hasInnerCapital, isCapitalised } from '../tokens.js';
import { hasLawHead, hasOrgHead, hasOtherHead, isSpecificOrgHead } from '../words.js';
import { candidate, type EntityType, type Candidate, type TokenSection } from '../candidate.js';
import { endsInLegalForm, legalFormAt, OPEN_QUOTES, CLOSE_QUOTES } from '../name-span.js';

/** Nouns before a quoted name that make it a programme, project or event: `Bundesprogramm „Demokratie leben!“`. */
const OTHER_TYPE_NOUN = /(?:programm|programms|programmes|projekt|projekts|projektes|modellprojekt|workshop|workshops|kampagne|wettbewerb|wettbewerbs|preis|preises|gemeinschaftsaufgabe|aktionsplan|strategie|veranstaltung|veranstaltungsreihe|tagung|konferenz|kongress|festival|fonds|siegel|label|gütesiegel|song|songs|lied|liedes|ausstellung|podcast|aktionstag|aktionswoche|initiativkampagne)$/u;

/** Nouns before a quoted name that make it an organisation: `Initiative „Open Government Partnership“`, `Verein „…“`, `Tageszeitung „Die Welt“`. */
const ORG_TYPE_NOUN = /(?:initiative|verein|vereins|verband|verbands|verbandes|dachverband|dachverbands|dachverbandes|organisation|gruppierung|bündnis|bündnisses|netzwerk|netzwerks|partei|bewegung|stiftung|träger|trägers|firma|unternehmen|unternehmens|zentrum|zentrums|institut|instituts|gremium|gremiums|zeitung|tageszeitung|wochenzeitung|magazin|magazins|nachrichtenmagazin|sender|senders|nachrichtenagentur|nachrichtenportal|onlineportal|musikgruppe|musikband|rockband|popband|werbeagentur)$/u;

/**
 * Quoted names typed by the noun before them, by a noun after a dash, or by their own head:
 * `Bundesprogramm „Demokratie leben!“`, `„Two be safe“ – Infokampagne`, `„#EineTrachtLiebe“`,
 * `„Islamisches Zentrum Hamburg“`, `„Büro des Revolutionsführers“`, `„Expertenrates“`.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function quoteRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (!open || !OPEN_QUOTES.has(open.text)) continue;
    let close = -1;
    for (let k = i + 1; k < tokens.length && k <= i + 18; k++) {
      if (CLOSE_QUOTES.has(tokens[k]?.text ?? '')) {
        close = k;
        break;
      }
    }
    if (close <= i + 1) continue;
    const from = i + 1;
    let to = close;
    const first = tokens[from];
    // `„#EineTrachtLiebe“`: a hashtag is a campaign's name.
    const hashtag = first?.text === '#' && tokens[from + 1]?.start === first.end && to === from + 2;
    if (!first || !(isCapitalised(first) || hasInnerCapital(first.text) || hashtag)) continue;
    const inner = tokens.slice(from, to);
    if (inner.some((t) => t.text === '?' || t.text === ';' || t.text === ':')) continue;
    // A period inside makes a sentence, unless the noun before names what is quoted (`Kampagne „Niedersachsen.
    // Das ist groß“`, `Partei „Der III. Weg“`): then it is a slogan's or a name's own.
    const period = inner.some((t) => t.text === '.');
    if (tokens[to - 1]?.text === '!' || tokens[to - 1]?.text === ',') {
      // `Demokratie leben!` keeps its exclamation mark; a trailing comma does not belong.
      if (tokens[to - 1]?.text === ',') to--;
    }
    const before = tokens[i - 1];
    const beforeText = before?.kind === 'word' ? before.text.toLowerCase() : '';
    let type: EntityType | undefined;
    if (beforeText && OTHER_TYPE_NOUN.test(beforeText)) type = 'Other';
    else if (beforeText && ORG_TYPE_NOUN.test(beforeText)) type = 'Organization';
    if (before && before.kind === 'word' && (hasLawHead(before.text) || /(?:titel|status|grad|motto|begriff|stichwort|schlagwort|thema|themenfeld|programmbereich|überschrift)$/u.test(beforeText))) type = undefined;
    // `„Two be safe“ – HPV-Infokampagne`: the noun after a dash types the title as well.
    const after = tokens[close + 1];
    const noun = tokens[close + 2];
    if (!type && (after?.text === '-' || after?.text === '–') && noun?.kind === 'word' && OTHER_TYPE_NOUN.test(noun.text.toLowerCase())) type = 'Other';
    // `„Frauen in die 12.06.24`: a date's periods end the quote's cell of a lost table, not a sentence.
    if (period && (!type || inner.some((t, k) => t.text === '.' && (inner[k - 1]?.kind === 'number' || inner[k + 1]?.kind === 'number')))) continue;
    if (period && tokens[to - 1]?.text === '.' && !endsInLegalForm(tokens, from, to)) to--;
    if (!type && hashtag) type = 'Other';
    if (!type) type = quotedType(tokens, from, to);
    if (!type) continue;
    out.push(candidate(section, from, to, type, 'quoted', 80));
    i = close;
  }
  return out;
}

/**
 * Type a quoted phrase by its own words.
 *
 * @param tokens Section tokens.
 * @param from First token inside the quotes.
 * @param to Token after the last inside.
 * @returns The type, or undefined when the phrase names nothing.
 */
function quotedType(tokens: readonly Token[], from: number, to: number): EntityType | undefined {
  const inner = tokens.slice(from, to);
  if (inner.some((t, k) => legalFormAt(tokens, from + k) > 0 && k > 0)) return 'Organization';
  for (let k = 0; k < inner.length; k++) {
    const token = inner[k];
    if (!token || !isCapitalised(token)) continue;
    if (hasLawHead(token.text)) return undefined;
    if (hasOrgHead(token.text)) {
      const next = inner[k + 1];
      if (next && (next.text === 'und' || next.text === 'oder')) return undefined;
      // A generic head needs company: a proper word, an adjective, or a complement.
      const alone = inner.length === 1;
      if (alone && !isSpecificOrgHead(token.text)) return undefined;
      if (alone && isNoun(token.text)) return undefined;
      return 'Organization';
    }
    if (hasOtherHead(token.text) && token.text.includes('-')) return 'Other';
  }
  return undefined;
}
