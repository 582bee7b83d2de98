/**
 * Word classes the entity rules rely on: function words, name connectors, institutional heads, titles
 * and roles. Each is a named list with a line it matches.
 */
import { isCommonNounLike, isNoun } from './lexicon.js';
import type { Token } from './tokens.js';
import { hasInnerCapital, isAbbreviation, isAllCaps } from './tokens.js';

/** Most remembered answers per word test, so memory stays flat over a large batch. */
const MAX_MEMO = 100_000;

/**
 * Remember a word test's answers: documents repeat their words, and the tests run regexes and lookups.
 *
 * @param test The test.
 * @returns The remembering test.
 */
function memo(test: (text: string) => boolean): (text: string) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    let answer = known.get(text);
    if (answer === undefined) {
      answer = test(text);
      if (known.size < MAX_MEMO) known.set(text, answer);
    }
    return answer;
  };
}

/**
 * German function words and sentence adverbs, lower-cased: never a name, even when capitalised at the
 * start of a sentence (`Zudem wird …`, `Die IGS ist …`).
 */
export const FUNCTION_WORDS = new Set([
  'der', 'die', 'das', 'des', 'dem', 'den', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'kein', 'keine',
  'und', 'oder', 'sowie', 'bzw', 'aber', 'sondern', 'doch', 'denn', 'weil', 'da', 'dass', 'ob', 'wenn', 'falls',
  'in', 'im', 'am', 'an', 'auf', 'aus', 'bei', 'beim', 'mit', 'nach', 'von', 'vom', 'zu', 'zum', 'zur', 'für', 'über',
  'unter', 'vor', 'durch', 'gegen', 'ohne', 'um', 'als', 'wie', 'seit', 'bis', 'laut', 'gemäß', 'trotz', 'während',
  'wegen', 'aufgrund', 'innerhalb', 'außerhalb', 'hinsichtlich', 'bezüglich', 'entgegen', 'neben', 'zwischen',
  'es', 'sie', 'er', 'wir', 'ihr', 'ich', 'man', 'sich', 'ihre', 'ihrer', 'ihren', 'sein', 'seine', 'seiner',
  'dies', 'diese', 'dieser', 'dieses', 'diesem', 'diesen', 'jene', 'welche', 'welcher', 'welches', 'welchen',
  'alle', 'aller', 'allen', 'jede', 'jeder', 'jedes', 'andere', 'anderen', 'weitere', 'weiteren', 'einige',
  'auch', 'nicht', 'nur', 'noch', 'schon', 'so', 'hier', 'dort', 'dabei', 'dazu', 'daher', 'damit', 'darüber',
  'hierzu', 'hierbei', 'zudem', 'ferner', 'außerdem', 'insgesamt', 'insoweit', 'insbesondere', 'derzeit',
  'lediglich', 'grundsätzlich', 'vorrangig', 'ebenfalls', 'bereits', 'sofern', 'soweit', 'nein', 'ja',
  'wer', 'was', 'wann', 'wo', 'warum', 'wieso', 'inwiefern', 'inwieweit', 'wieviel', 'wie viele', 'ist', 'sind',
  'wird', 'werden', 'wurde', 'wurden', 'hat', 'haben', 'gibt', 'liegt', 'liegen', 'teilt', 'gilt', 'kann',
  'können', 'soll', 'sollen', 'plant', 'besitzt', 'gab', 'war', 'waren', 'mittelbar', 'unmittelbar', 'anlassbezogen',
  'erkennbar', 'zusätzlich', 'vielmehr', 'allerdings', 'jedoch', 'somit', 'also', 'deshalb', 'deswegen', 'folglich',
]);

/**
 * Lower-case words that may stand inside a name between capitalised words:
 * `Rat der islamischen Gemeinschaften in Hamburg`, `Aktion gegen Hunger`, `Save the Children`.
 */
export const CONNECTORS = new Set([
  'der', 'des', 'für', 'und', 'in', 'im', 'am', 'gegen', 'zur', 'zum', 'von', 'vom', 'auf', 'an',
  'of', 'the', 'for', 'and', 'de', 'du', 'la', 'le', 'el', 'al', '&',
]);

/**
 * Heads of institutional names, as a compound's last part (lower-cased): `Bundesamt`, `Landesverfassungsschutz`,
 * `Gelehrtenrat`, `Präventionsnetzwerk` is not one. Matches `Stiftung für Islamische Studien` by `stiftung`.
 */
const ORG_HEAD = /(?:ministerium|ministeriums|(?<!ges)amt|(?<!ges)amtes|(?<!ges)amts|anstalt|agentur|institut|instituts|institutes|universität|hochschule|stiftung|zentrale|kommission|(?<![aeouäöü])rat|(?<![aeouäöü])rates|(?<![aeouäöü])rats|ausschuss|ausschusses|gericht|gerichts|gerichtshof|behörde|verband|verbandes|verbands|verein|vereins|gesellschaft|akademie|zentrum|zentrums|büro|büros|kammer|konferenz|stelle|gemeinschaft|gemeinde|polizei|präsidium|verfassungsschutz|verfassungsschutzes|direktion|moschee|kirche|synagoge|partei|union|hilfe|holding|konzern|regierung|kanzlei|landtag|bundestag|parlament|sekretariat|beauftragte|beauftragter|beauftragten|organisation|organization|committee|council|foundation|association|institute|company|corporation|group|agency|partnership|alliance|network|collegium|college)$/u;

/** Heads that are too generic alone (`Amt`, `Rat`, `Bund`, `Union`): they name a body only with a specifier. */
const GENERIC_HEADS = new Set(['amt', 'rat', 'bund', 'bundes', 'union', 'hilfe', 'dienst', 'organisation', 'gesellschaft', 'gemeinschaft', 'gemeinde', 'regierung', 'partei', 'kirche', 'stelle', 'verband', 'verein', 'büro', 'zentrum', 'institut', 'stiftung', 'kommission', 'konferenz', 'behörde', 'kammer', 'akademie', 'gericht', 'ausschuss', 'polizei']);

/**
 * Whether a word ends in an institutional head.
 *
 * @param text A capitalised word.
 * @returns True for `Bundesamt`, `Universität`, `Zentralrat`, `Committee`.
 */
export const hasOrgHead = memo(function hasOrgHead(text: string): boolean {
  const lower = text.toLowerCase();
  if (!ORG_HEAD.test(lower)) return false;
  // `Einstiegsamt` is a rank, `Bundesamt` an authority: an `-amt` compound needs an authority's prefix.
  const amt = /^(.+?)amt(?:e?s)?$/u.exec(lower);
  return !amt?.[1] || AMT_PREFIX.test(amt[1]);
});

/** Prefixes of `-amt` compounds that name authorities: `Bundesamt`, `Landesamt`, `Finanzamt`, `Jugendamt`, `Auswärtiges Amt`. */
const AMT_PREFIX = /(?:bundes|landes|finanz|zoll|jugend|ordnungs|bezirks|landrats|standes|sozial|gesundheits|ausländer|umwelt|kataster|vermessungs|verkehrs|kriminal|presse|arbeits|versorgungs|eich|schul|kanzler|bau|forst|wasserstraßen|schifffahrts|kraftfahrt|luftfahrt|eisenbahn|patent|haupt|stadt|kreis|amts|gewerbeaufsichts|veterinär|sozialversicherungs)$/u;

/**
 * Whether a word is an institutional head that names a body even alone when compounded: `Expertenrat`
 * (yes), `Rat` (no, too generic).
 *
 * @param text The word.
 * @returns True when the head is specific.
 */
export const isSpecificOrgHead = memo(function isSpecificOrgHead(text: string): boolean {
  return hasOrgHead(text) && !GENERIC_HEADS.has(text.toLowerCase());
});

/**
 * Heads of programmes, events and projects (compound tails, lower-cased): `Bundesprogramm`,
 * `Modellprojekt`, `Workshop`, `Al-Quds-Tag`, `Quds-Marsch`.
 */
const OTHER_HEAD = /(?:programm|programms|programmes|projekt|projekts|projektes|workshop|workshops|kampagne|initiative|förderung|aufgabe|tag|tages|tage|marsch|marsches|märsche|demonstration|demonstrationen|kongress|kongresses|gipfel|gipfels|festival|preis|preises|fonds|funds|fund|siegel|strategie|aktionsplan|plan|pakt|paktes|wettbewerb|wettbewerbs)$/u;

/**
 * Whether a word ends in a programme or event head.
 *
 * @param text The word.
 * @returns True for `Bundesprogramms`, `Al-Quds-Tages`, `Modellprojekt`.
 */
export const hasOtherHead = memo(function hasOtherHead(text: string): boolean {
  return OTHER_HEAD.test(text.toLowerCase());
});

/** Heads of laws and rules (compound tails, lower-cased): `Beamtenstatusgesetz`, `Tarifvertrag`, `Richtlinie`. */
const LAW_HEAD = /(?:regel|regeln|gesetz|gesetzes|gesetzbuch|gesetzbuches|ordnung|verordnung|vertrag|vertrages|vertrags|richtlinie|abkommen|abkommens|verfassung|satzung|erlass|erlasses|vorschrift|bestimmungen|konvention|charta|bericht|berichts|berichtes|studie|drucksache)$/u;

/**
 * Whether a word names a law, rule or publication (never an entity here).
 *
 * @param text The word.
 * @returns True for `Grundgesetz`, `Verfassungsschutzbericht`.
 */
export const hasLawHead = memo(function hasLawHead(text: string): boolean {
  return LAW_HEAD.test(text.toLowerCase());
});

/**
 * Titles and offices printed before a person's name (token keys): `Dr. Dietmar Bartsch`, `Ayatollah Khamenei`,
 * `Sts Flasbarth`, `BM’in a. D. Schulze`.
 */
export const PERSON_TITLES = new Set([
  'Dr', 'Prof', 'MUDr', 'PhDr', 'Dipl', 'Ayatollah', 'Ajatollah', 'Imam', 'Scheich', 'Sheikh', 'Rabbiner', 'Pfarrer', 'Bischof', 'Kardinal',
  'Sts', 'StS', 'PSt', 'PStS', 'BMin', 'BM’in', "BM'in", 'MdB', 'MdL', 'MdEP',
  'Bundesminister', 'Bundesministerin', 'Minister', 'Ministerin', 'Staatssekretär', 'Staatssekretärin',
  'Staatsminister', 'Staatsministerin', 'Bundeskanzler', 'Bundeskanzlerin', 'Kanzler', 'Kanzlerin',
  'Ministerpräsident', 'Ministerpräsidentin', 'Präsident', 'Präsidentin', 'Bundespräsident', 'Bundespräsidentin',
  'Senator', 'Senatorin', 'Bürgermeister', 'Bürgermeisterin', 'Oberbürgermeister', 'Oberbürgermeisterin',
  'Abgeordnete', 'Abgeordneten', 'Abgeordneter', 'Herr', 'Herrn', 'Frau', 'Landrat', 'Landrätin', 'Botschafter', 'Botschafterin',
]);

/** Titles that stay part of a printed name form (`Dr.`, `Prof.`): followed by a period. */
export const DOTTED_TITLES = new Set(['Dr', 'Prof', 'MUDr', 'PhDr', 'Dipl']);

/**
 * Role nouns that describe a person in an apposition (lower-cased tails): `Lektorin`, `Islamwissenschaftlerin`,
 * `Präventionsbeauftragte`, `Mitglied`, `Leiter`, `Direktor`, `Vorsitzende`.
 */
const ROLE = /(?:in|innen|er|or|ent|ant|ist|eur|oge|loge|beauftragte|beauftragter|mitglied|vorsitzende|vorsitzender|vorsitzenden|chef|gründer|sprecher|imam|imamin|professor|referent|berater)$/u;

/**
 * Whether a capitalised word names a person's role.
 *
 * @param text The word.
 * @returns True for `Lektorin`, `Mitglied`, `Präventionsbeauftragte`.
 */
export const isRole = memo(function isRole(text: string): boolean {
  if (!/^\p{Lu}/u.test(text) || !ROLE.test(text.toLowerCase()) || FUNCTION_WORDS.has(text.toLowerCase())) return false;
  // A role is a common noun (`Leiter`) or the feminine of one (`Lektorin`, `Islamwissenschaftlerin`).
  const base = text.replace(/in(?:nen)?$/u, '');
  return isNoun(text, true) || isNoun(base, true) || (isCommonNounLike(text) && !isNoun(text, false)) || (base !== text && isCommonNounLike(base));
});

/** Role nouns before an apposition with a name (`der Leiter des IZH, Reza Ramezani,`), lower-cased. */
export const LEADING_ROLES = new Set([
  'leiter', 'leiterin', 'vorsitzende', 'vorsitzender', 'vorsitzenden', 'präsident', 'präsidentin', 'direktor',
  'direktorin', 'sprecher', 'sprecherin', 'chef', 'chefin', 'gründer', 'gründerin', 'geschäftsführer',
  'geschäftsführerin', 'vertreter', 'vertreterin', 'stellvertreter', 'stellvertreterin', 'imam', 'generalsekretär',
  'generalsekretärin', 'beauftragte', 'beauftragter', 'minister', 'ministerin', 'botschafter', 'botschafterin',
]);

/**
 * Whether a word is a function word (any case).
 *
 * @param text The word.
 * @returns True for `Die`, `Zudem`, `und`.
 */
export function isFunctionWord(text: string): boolean {
  // Asked of nearly every token: a long word or one found as printed needs no lower-cased copy.
  if (text.length > LONGEST_FUNCTION_WORD) return false;
  return FUNCTION_WORDS.has(text) || FUNCTION_WORDS.has(text.toLowerCase());
}

/** Characters of the longest function word. */
const LONGEST_FUNCTION_WORD = Math.max(...[...FUNCTION_WORDS].map((word) => word.length));

/**
 * A capitalised adjective as names begin with it: `Islamische`, `Türkische`, `Deutschen`, `Zentrale`.
 * Ends in an adjective ending and is no dictionary noun.
 */
const ADJECTIVE_ENDING = /(?:isch|lich|ig|al|ar|iv|ent|ell|er|ern|e|en|er|es|em)$/u;

/** Suffixes that make a word an adjective even where the dictionary lists its noun use (`Wissenschaftliche`). */
const STRONG_ADJECTIVE_SUFFIX = /(?:isch|deutsch|lich|ig|bar|sam|haft|los|ell|iv)$/u;

/**
 * Whether a capitalised word looks like an attributive adjective.
 *
 * @param text The word.
 * @returns True for `Islamische`, `Zentrale`, `Niedersächsischen`, `Wissenschaftliche`.
 */
export const isCapitalisedAdjective = memo(function isCapitalisedAdjective(text: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(text) || isFunctionWord(text)) return false;
  if (!/(?:e|en|er|es|em)$/u.test(text)) return false;
  const stem = text.replace(/(?:e|en|er|es|em)$/u, '').toLowerCase();
  if (STRONG_ADJECTIVE_SUFFIX.test(stem)) return true;
  return ADJECTIVE_ENDING.test(stem) && !isNoun(text);
});

/**
 * Whether a token can be (part of) a proper name on its own evidence: a capitalised word that is no
 * function word and no dictionary noun, or an abbreviation, or a brand-like spelling.
 *
 * @param token The token.
 * @returns True for `Ramezani`, `IZH`, `xAI`; false for `Mitglied`, `Zudem`.
 */
export function isProperish(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word') return false;
  return properWord(token.text);
}

/** The word test behind `isProperish`. */
const properWord = memo(function properWord(text: string): boolean {
  if (hasInnerCapital(text)) return true;
  if (!/^\p{Lu}/u.test(text) || isFunctionWord(text)) return false;
  if (isAbbreviation(text) || isAllCaps(text)) return true;
  if (text.endsWith('-')) return false;
  return !isNoun(text);
});
