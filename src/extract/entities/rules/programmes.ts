/**
 * Programmes, strategies and events named by their head and what follows it: `Langfriststrategie
 * Negativemissionen`, `Innovationsprogramm Mittelstand`, `Exportinitiative Energie`, `Dialogforum Schiene
 * Nord`, and elections named with their year (`Europawahl 2024`).
 */
import { matchGazetteer } from '../gazetteer.js';
import { isCommonNounLike } from '../lexicon.js';
import { type Token, isAbbreviation, isCapitalised } from '../tokens.js';
import { hasLawHead, hasOrgHead, hasOtherHead, isCapitalisedAdjective, isFunctionWord, isRole } from '../words.js';
import { candidate, crossesShortBreak, SHORT_BREAK, type Candidate, type TokenSection } from '../candidate.js';

/**
 * Compound heads of a programme, strategy or forum that take their name right after them (lower-cased,
 * singular; a prefix of three letters or more before it): `Langfriststrategie`, `Innovationsprogramm`,
 * `Exportinitiative`, `Aktionsplan`, `Dialogforum`, `Qualifizierungsoffensive`, `Digitalpakt`.
 */
const NAMED_HEAD = /^\p{Lu}\p{Ll}{2,}(?:programm|programms|programmes|strategie|initiative|aktionsplan|aktionsplans|forum|forums|offensive|pakt|pakts|paktes)$/u;

/** Articles before an adjective and its noun: `das Zentrale Innovationsprogramm`. */
const ARTICLES = new Set(['der', 'die', 'das', 'des', 'dem', 'den']);

/** White space between two cells of a table printed on one line: `Förderprogramm   Bescheidübergabe`. */
const CELL_GAP = /^[ \t\u00a0]{2,}$/u;

/** Most words of the name after the head: `Natürlicher Klimaschutz`, `Schiene Nord`. */
const MAX_NAME_WORDS = 3;

/**
 * Whether the token after a name lets it end there: punctuation, a parenthesis with the short form,
 * a function word or connector (`Exportinitiative Energie des BMWK`), the end of the text. A lower-case
 * content word after it is the verb of a clause whose object the capitalised word is (`dass das
 * Förderprogramm Unternehmen unterstützt`).
 *
 * @param token The token after the name.
 * @returns True when the name may end before it.
 */
function endsName(token: Token | undefined): boolean {
  if (!token) return true;
  if (token.kind !== 'word') return token.text !== '-';
  return isFunctionWord(token.text) || !/^\p{Ll}/u.test(token.text);
}

/**
 * Programmes and strategies named right after their head: `Langfriststrategie Negativemissionen (LNe)`,
 * `Zentrales Innovationsprogramm Mittelstand`, `Aktionsprogramm Natürlicher Klimaschutz`, `Bundesaufnahmeprogramm
 * Afghanistan`, `Dialogforum Schiene Nord`. The name is up to three capitalised words on the same cell of a
 * table, none of them a head, a law, a role or an abbreviation; a name of one word ends before punctuation,
 * a capitalised word or a function word.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function namedProgrammeRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const head = tokens[i];
    if (!head || head.kind !== 'word' || !NAMED_HEAD.test(head.text)) continue;
    let end = i + 1;
    while (end < tokens.length && end - i <= MAX_NAME_WORDS) {
      const word = tokens[end];
      if (!word || word.kind !== 'word' || !isCapitalised(word) || isFunctionWord(word.text) || word.text.endsWith('-')) break;
      if (isAbbreviation(word.text) || hasOrgHead(word.text) || hasOtherHead(word.text) || hasLawHead(word.text) || isRole(word.text)) break;
      if (section.shortBreaks?.[end] === SHORT_BREAK) break;
      // Two spaces or more on one line part the cells of a table (`Förderprogramm   Bescheidübergabe`).
      if (CELL_GAP.test(section.text.slice(tokens[end - 1]?.end ?? 0, word.start))) break;
      end++;
      // `Zukunftsstrategie Forschung und Innovation`: `und` joins a second word that ends the name.
      const joined = tokens[end + 1];
      if (tokens[end]?.text === 'und' && joined && isCapitalised(joined) && !isFunctionWord(joined.text) && !hasOrgHead(joined.text) && !hasOtherHead(joined.text) && !isCapitalised(tokens[end + 2]) && endsName(tokens[end + 2])) {
        end += 2;
        break;
      }
    }
    // A head right after the name starts a phrase of its own (`Arbeitsprogramm Nationale Tourismusstrategie`).
    const stop = tokens[end];
    if (stop && stop.kind === 'word' && isCapitalised(stop) && (hasOrgHead(stop.text) || hasOtherHead(stop.text) || hasLawHead(stop.text))) continue;
    // An adjective cannot end the name (`Aktionsprogramm Natürlicher` / `Klimaschutz` on the next cell).
    while (end > i + 1 && isCapitalisedAdjective(tokens[end - 1]?.text ?? '')) end--;
    // `Ausbildungsoffensive Pflege Bezug genommen`: a noun before a verb is the clause's, not the name's.
    // (`Förderprogramm Energetische Stadtsanierung vorgesehen`: after an adjective the noun is the name's.)
    while (end > i + 2 && !endsName(tokens[end]) && isCommonNounLike(tokens[end - 1]?.text ?? '') && !isCapitalisedAdjective(tokens[end - 2]?.text ?? '')) end--;
    // One word on the next line (a lost table's next cell: `Gigabitstrategie` / `Fachpublikum`), before a number
    // (`Workshop Wärmespeicherstrategie Industrievertretende 5.055,83`) or before a list (`Energieforum Politik,
    // Wirtschaft, Wissenschaft`) is no name.
    if (end === i + 2 && (section.shortBreaks?.[i + 1] || tokens[end]?.kind === 'number' || (tokens[end]?.text === ',' && isCapitalised(tokens[end + 1])))) continue;
    // One word before a lower-case word may be the object of a clause; two words are a name (`Dialogforum Schiene Nord tagte`).
    if (end === i + 1 || (end === i + 2 && !endsName(tokens[end])) || crossesShortBreak(section, i, end)) continue;
    // `Bundesprogramm Demokratie leben!`: a quoted or lower-case continuation is another rule's.
    if (matchGazetteer(tokens, i + 1)?.entry.type === 'Organization') continue;
    // An adjective before the head opens the name: `Zentrales Innovationsprogramm Mittelstand`; between an
    // article and the head, a capitalised word in an adjective ending is one (`das Zentrale Innovationsprogramm`).
    const before = tokens[i - 1]?.text ?? '';
    const adjective = isCapitalisedAdjective(before) || (ARTICLES.has(tokens[i - 2]?.text ?? '') && /^\p{Lu}\p{Ll}+(?:e|en|er|es)$/u.test(before));
    const from = adjective && !tokens[i - 1]?.initial ? i - 1 : i;
    // The programme's name holds a place (`Bundesaufnahmeprogramm Afghanistan`): the longer span wins.
    let place = false;
    for (let k = i + 1; k < end && !place; k++) place = matchGazetteer(tokens, k)?.entry.type === 'Place';
    out.push(candidate(section, from, end, 'Other', 'named-programme', place ? 76 : 64));
    i = end - 1;
  }
  return out;
}

/**
 * Elections named with their year, which the text treats as events (lower-cased): `Europawahl 2024`,
 * `Bundestagswahl 2025`, `Landtagswahlen 2026`.
 */
const ELECTION = /^(?:europa|bundestags|landtags|kommunal|bürgerschafts|abgeordnetenhaus|präsidentschafts|parlaments|regional|kreistags|gemeinderats|stadtrats)wahl(?:en)?$/u;

/** A year as printed after an event: `2024`. */
const YEAR = /^(?:19|20)\d\d$/u;

/**
 * Elections named with their year, and the place after it: `Europawahl 2024`, `Bundestagswahl 2025`,
 * `Parlamentswahlen 2025 in Albanien`.
 *
 * @param section The section.
 * @returns Candidates.
 */
export function electionRule(section: TokenSection): Candidate[] {
  const out: Candidate[] = [];
  const tokens = section.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i];
    if (!word || word.kind !== 'word' || !ELECTION.test(word.text.toLowerCase())) continue;
    const year = tokens[i + 1];
    if (!year || year.kind !== 'number' || !YEAR.test(year.text) || crossesShortBreak(section, i, i + 2)) continue;
    // `die Europawahl 2024 und 2029` names two; `2024.` as an ordinal date is no year.
    if (tokens[i + 2]?.text === '.' && tokens[i + 3]?.kind === 'number') continue;
    // `Parlamentswahlen 2025 in Albanien`: the place belongs to the name.
    const place = tokens[i + 2]?.text === 'in' ? matchGazetteer(tokens, i + 3) : undefined;
    const end = place?.entry.type === 'Place' ? i + 3 + place.length : i + 2;
    out.push(candidate(section, i, end, 'Other', 'election', end > i + 2 ? 76 : 64));
  }
  return out;
}
