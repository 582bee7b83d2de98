/**
 * Joining printed lines into running text: hyphens at a break, and addresses broken over lines, as
 * the Bundestag's renderings print them.
 */
import { describe, expect, it } from 'vitest';
import { cutWordRest, DOMAIN_CUT, joinLines, KEPT_HYPHEN, URL_OPEN_END, URL_BARE, URL_ONLY_START, URL_PATH_CUT, URL_SLUG_REST } from '../src/segment/join.js';
import type { Line } from '../src/lines/lines.js';

/**
 * Lines of plain text, each at its own place.
 *
 * @param texts The printed lines.
 * @returns Lines.
 */
function lines(texts: readonly string[]): Line[] {
  let at = 0;
  return texts.map((text) => {
    const start = at;
    at += text.length + 1;
    return { kind: 'paragraph', run: { text, offsets: Int32Array.from({ length: text.length }, (_, i) => start + i) }, links: [], cells: [], header: false, start, end: start + text.length, blankBefore: false };
  });
}

describe('joining lines', () => {
  it.each([
    ['an address over three lines', ['Maßnahmen geplant (www.bm', 'el.de/SharedDocs/Downloads/DE/Pflanzen', 'schutz/NAP2017.pdf?__blob=pub', 'licationFile&v=4, S. 36)?'], 'Maßnahmen geplant (www.bmel.de/SharedDocs/Downloads/DE/Pflanzenschutz/NAP2017.pdf?__blob=publicationFile&v=4, S. 36)?'],
    ['a slug cut inside a word', ['Maßnahmen (www.agrarheute.com/pflanze/getreide/rote-gebiete-bess', 'er-differenzieren-563756)?'], 'Maßnahmen (www.agrarheute.com/pflanze/getreide/rote-gebiete-besser-differenzieren-563756)?'],
    ['a slug whose rest has capitals', ['vgl. www.netztransparenz.de/Frequenzhaltung/Marktgest%C3%BCtzte-Beschaf', 'fung-von-Momentanreserve)?'], 'vgl. www.netztransparenz.de/Frequenzhaltung/Marktgest%C3%BCtzte-Beschaffung-von-Momentanreserve)?'],
    ['an escaped character at the break', ['(www.agrarheute.com/weizen#:~:text=Weizen%20bei%208%2C4%20Prozent%20Protein%3', 'A%20D%C3%A4nen)?'], '(www.agrarheute.com/weizen#:~:text=Weizen%20bei%208%2C4%20Prozent%20Protein%3A%20D%C3%A4nen)?'],
    ['an address after a lone `www.`', ['stattgefunden hat (vgl. www.', 'handelsblatt.com/politik/deutschland/die-sozial', 'reformen-e-mail/100154457.html)?'], 'stattgefunden hat (vgl. www.handelsblatt.com/politik/deutschland/die-sozialreformen-e-mail/100154457.html)?'],
    ['an address cut inside a percent escape', ['(www.bundesregierung.de/libanon-2038120#:~:text=Was%20tr%C3%A4gt%20Deutschland%20konkret%2', '0bei,Soldatinnen%20eingesetzt%20werden.)?'], '(www.bundesregierung.de/libanon-2038120#:~:text=Was%20tr%C3%A4gt%20Deutschland%20konkret%20bei,Soldatinnen%20eingesetzt%20werden.)?'],
    ['a domain cut before its path', ['Schlussfolgerungen zieht sie (vgl. tribune.com.p', 'k/story/2548783/id-cards-blocked)?'], 'Schlussfolgerungen zieht sie (vgl. tribune.com.pk/story/2548783/id-cards-blocked)?'],
    ['a word with a full stop before a word', ['in der Frage 1.', 'Die Bundesregierung'], 'in der Frage 1.\nDie Bundesregierung'],
    ['an address without `www.`', ['wie etwa der Ukraine (cedos.org.ua/en/resea', 'rches/housing-survey-results/)?'], 'wie etwa der Ukraine (cedos.org.ua/en/researches/housing-survey-results/)?'],
    ['a word after an address closed by its parenthesis', ['(www.bmi.bund.de/themen),', 'und wenn ja'], '(www.bmi.bund.de/themen), und wenn ja'],
    ['a footnote address before a sub-item', ['1   https://example.org/quelle', 'a) die?'], '1   https://example.org/quelle a) die?'],
    ['a hyphen after a digit before a capital', ['den Erwerb des D1-', 'Führerscheins zu erleichtern'], 'den Erwerb des D1-Führerscheins zu erleichtern'],
    ['a suspended compound before a conjunction', ['der Automobil-', 'und Maschinenbaubranche'], 'der Automobil- und Maschinenbaubranche'],
    ['a word hyphenated at the break', ['der Landesre-', 'gierung'], 'der Landesregierung'],
    ['a slug word cut before a word that cannot begin so', ['hat“ (www.example.de/politik/illegale-beschaffung-steue', 'rgeldverschwendung sowie S. 39)'], 'hat“ (www.example.de/politik/illegale-beschaffung-steuergeldverschwendung sowie S. 39)'],
    ['an address before a word of running text', ['(vgl. www.example.de/politik/beschaffung', 'sowie S. 39)'], '(vgl. www.example.de/politik/beschaffung sowie S. 39)'],
  ])('joins %s', (_, texts, joined) => expect(joinLines(lines(texts), 'text').text).toBe(joined));

  it('joins a word after an address that ends at the line end with a space', () => {
    expect(joinLines(lines(['(vgl. www.bmi.bund.de)', 'Die Bundesregierung']), 'text').text).toBe('(vgl. www.bmi.bund.de) Die Bundesregierung');
  });
});

describe('patterns of joining', () => {
  it.each([
    ['D1-', true],
    ['Bund-', true],
    ['2024 -', false],
  ])('KEPT_HYPHEN on `%s`: %s', (text, expected) => expect(KEPT_HYPHEN.test(text)).toBe(expected));

  it.each([
    ['www.agrarheute.com/pflanze/mais/11', true],
    ['www.bmi.bund.de/', false],
    ['www.bmi.bund.de', false],
  ])('URL_PATH_CUT on `%s`: %s', (text, expected) => expect(URL_PATH_CUT.test(text)).toBe(expected));

  it.each([
    ['er-differenzieren-563756)?', true],
    ['r-statussymbole-sind.html)?', true],
    ['34241)?', true],
    ['hren)?', true],
    ['a)', false],
    ['ab)', false],
    ['lll)', false],
    ['und', false],
    ['Die', false],
    ['gerechten', false],
  ])('URL_SLUG_REST on `%s`: %s', (text, expected) => expect(URL_SLUG_REST.test(text)).toBe(expected));

  it.each([
    ['rgeldvernichtung', true],
    ['ndesamt', true],
    ['tzung', true],
    ['sowie', false],
    ['straße', false],
    ['abgerufen', false],
    ['pflege', false],
    ['schrift', false],
    ['Rgeld', false],
    ['nd', false],
  ])('cutWordRest on `%s`: %s', (text, expected) => expect(cutWordRest(text)).toBe(expected));

  it.each([
    ['www.', true],
    ['(www.', true],
    ['https://', true],
    ['www.bmi.de', false],
  ])('URL_ONLY_START on `%s`: %s', (text, expected) => expect(URL_ONLY_START.test(text)).toBe(expected));

  it.each([
    ['…/libanon-2038120#:~:text=Was%20tr%C3%A4gt%2', true],
    ['www.bmi.bund.de/', true],
    ['www.bmi.bund.de/themen', false],
  ])('URL_OPEN_END on `%s`: %s', (text, expected) => expect(URL_OPEN_END.test(text)).toBe(expected));

  it.each([
    ['tribune.com.p', true],
    ['(vgl. de.euronew', false],
    ['de.euronew', true],
    ['bzw.', false],
    ['Nr.1', false],
  ])('DOMAIN_CUT on `%s`: %s', (text, expected) => expect(DOMAIN_CUT.test(text)).toBe(expected));

  it.each([
    ['(cedos.org.ua/en/resea', true],
    ['handelsblatt.com/politik/deutschland', true],
    ['z.B.', false],
    ['Kap./Tit.', false],
  ])('URL_BARE on `%s`: %s', (text, expected) => expect(URL_BARE.test(text)).toBe(expected));
});
