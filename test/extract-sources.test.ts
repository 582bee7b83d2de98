import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { bundestagPdf, DRUCKSACHE, EU_ACT, extractSources } from '../src/extract/sources/index.js';
import { absoluteUrl, BARE_HOST_START, findUrls, HAS_SCHEME, HOST_HEAD, STRAY_SPACE_REST, URL_ID_PIECE, URL_OPEN_QUERY, URL_OPEN_VALUE, URL_PATH, URL_SLUG_PIECE, URL_START, URL_TAIL_IN_BRACKETS, URL_WORD_THEN_END } from '../src/extract/shared/urls.js';
import type { Meta, Source } from '../src/model.js';
import { concatRuns, createLocator, sliceRun } from '../src/lines/run.js';
import type { ExtractContext, Link, Section } from '../src/lines/section.js';
import { bundestagMeta } from './support/meta.js';
import { joinedRun } from './support/runs.js';

/** Header metadata of a Bundestag answer: own number 21/375, answering 21/162. */
const bundestag: Meta = bundestagMeta({ date: '2025-06-02' });

/** Header metadata of a Niedersachsen answer: own number 19/11181, answering 19/10822. */
const landtag: Meta = { ...bundestag, parliament: 'Niedersächsischer Landtag', legislativePeriod: 19, drucksache: '19/11181', answersDrucksache: '19/10822', respondent: 'Landesregierung' };


/**
 * A section of printed plain text, lines joined.
 *
 * @param input The printed text.
 * @param meta Header metadata.
 * @returns Section and context.
 */
function textSection(input: string, meta: Meta = bundestag): { section: Section; context: ExtractContext } {
  const section: Section = { id: 'a1', kind: 'answer', run: joinedRun(input), links: [], tables: [] };
  return { section, context: { locator: createLocator(new VFile(input)), meta, format: 'text' } };
}

/**
 * Extract the sources of one plain-text answer, checking that every record's position slices its text.
 *
 * @param input The printed text.
 * @param meta Header metadata.
 * @returns The records.
 */
function sources(input: string, meta: Meta = bundestag): Source[] {
  const { section, context } = textSection(input, meta);
  const { records } = extractSources([section], context);
  for (const record of records) {
    expect(record.in).toBe('a1');
    expect(input.slice(record.position.start.offset, record.position.end.offset).replace(/\s+/g, ' ')).toBe(record.text.replace(/\s+/g, ' '));
  }
  return records;
}

/**
 * The records of one kind, reduced to the fields a test compares.
 *
 * @param records Records.
 * @param kind The kind.
 * @param fields Fields to keep.
 * @returns Reduced records.
 */
function pick(records: Source[], kind: Source['kind'], fields: ReadonlyArray<keyof Source>): Array<Partial<Source>> {
  return records.filter((record) => record.kind === kind).map((record) => Object.fromEntries(fields.filter((field) => record[field] !== undefined).map((field) => [field, record[field]])));
}

describe('web addresses in plain text', () => {
  const cases: Array<[string, string, string[]]> = [
    ['in parentheses, sentence punctuation cut', 'arbeiten (https://lobbypedia.de/wiki/Lobbyisten_in_ministerien). Die', ['https://lobbypedia.de/wiki/Lobbyisten_in_ministerien']],
    ['broken after a slash and inside a word', 'übernommen (www.merkur.de/\nwirtschaft/batterie-projekt-schleswig-holst\nein-versenkten-steuergelder-zr-93782481.html). Für', ['https://www.merkur.de/wirtschaft/batterie-projekt-schleswig-holstein-versenkten-steuergelder-zr-93782481.html']],
    ['broken after a hyphen, which is kept', '(vgl. www.bmi.bund.de/DE/themen/integritaet-\nderverwaltung/berichte-artikel.html).', ['https://www.bmi.bund.de/DE/themen/integritaet-derverwaltung/berichte-artikel.html']],
    ['broken inside a word before a slash', '(www.bmi.bund.de/DE/integritaet-der-verwaltun\ng/externe-personen/artikel.html). Frühere', ['https://www.bmi.bund.de/DE/integritaet-der-verwaltung/externe-personen/artikel.html']],
    ['broken twice, query on its own line', 'verfügbar unter www.bmi.bund.de/Shared\nDocs/downloads/BMI24045.pdf\n?__blob=publicationFile&v=2 ). Sie ist', ['https://www.bmi.bund.de/SharedDocs/downloads/BMI24045.pdf?__blob=publicationFile&v=2']],
    ['broken right after www.', 'siehe www.\nrecht.bund.de/de/home.html dazu', ['https://www.recht.bund.de/de/home.html']],
    ['a syllable hyphen of the layout is kept too', 'Seite https://www.re-\npublica.com/de/partner/ard). Die', ['https://www.re-publica.com/de/partner/ard']],
    ['cut inside a slug word, the rest hyphenated', '(www.example.de/nachrichten/foerderung-von-verbaenden-im-ausla\nnd-2025-4711). Die', ['https://www.example.de/nachrichten/foerderung-von-verbaenden-im-ausland-2025-4711']],
    ['cut inside a number of the slug', '(www.example.de/aktuelles/pk-in-musterland-229\n9998). Dieses', ['https://www.example.de/aktuelles/pk-in-musterland-2299998']],
    ['cut inside a slug word with dots', 'www.example.de/inhalt.demonstratio\nn-in-musterstadt.7120ed51-57f\nd-47d1.html; weiter', ['https://www.example.de/inhalt.demonstration-in-musterstadt.7120ed51-57fd-47d1.html']],
    ['cut inside the last word, in parentheses', '(www.example.eu/articles/tax-tactic-billions-pr\nofits). Als', ['https://www.example.eu/articles/tax-tactic-billions-profits']],
    ['cut inside a query value', 'www.example.de/a.pdf?__blob=publication\nFile, S. 71).', ['https://www.example.de/a.pdf?__blob=publicationFile']],
    ['a word after a slug outside parentheses is not joined', 'unter www.example.de/a/b-c\nwerden Daten', ['https://www.example.de/a/b-c']],
    ['a word after a query value is not joined', 'unter www.example.de/?id=5\nDie Liste', ['https://www.example.de/?id=5']],
    ['a bare host with a path', 'berichtet (faz.net/aktuell/politik/bericht-123.html). Die', ['https://faz.net/aktuell/politik/bericht-123.html']],
    ['a bare host cut at a line end', '(vgl. feps-euro\npe.eu/wp-content/a.pdf). Die', ['https://feps-europe.eu/wp-content/a.pdf']],
    ['a word of running text before a bare host is no part of it', 'abrufbar unter\nbmvg.de/de/aktuelles/a-1 und', ['https://bmvg.de/de/aktuelles/a-1']],
    ['a hyphen the cleaning took for a syllable break is put back', 'www.example.de/gegen-hasskriminalitaet-\nimnetz-a-85403c3a und', ['https://www.example.de/gegen-hasskriminalitaet-imnetz-a-85403c3a']],
    ['no bare host without a path', 'die Seite bmvg.de und z.B. die Liste', []],
    ['an ordinary word after the line end is not joined', 'auf www.smard.de.\nEine Aufteilung', ['https://www.smard.de']],
    ['a word after a final slash is not joined', 'unter www.foo.de/a/\nzentral abrufbar', ['https://www.foo.de/a/']],
    ['a real space ends the address', 'Internetpräsenz www.niedersachsen.de/notfallmonitor/ zentral zur Verfügung', ['https://www.niedersachsen.de/notfallmonitor/']],
    ['a new address on the next line stays apart', 'https://a.de/x;\nhttps://b.de/y', ['https://a.de/x', 'https://b.de/y']],
    ['a question mark ends a question, not the address', 'bekannt (www.tagesschau.de/inland/x-100.html)?\na) Wenn ja', ['https://www.tagesschau.de/inland/x-100.html']],
    ['balanced parentheses stay in', '(siehe https://de.wikipedia.org/wiki/Foo_(Bar)).', ['https://de.wikipedia.org/wiki/Foo_(Bar)']],
    ['footnote with a page after it', '1 https://dserver.bundestag.de/btd/19/310/1931088.pdf, S. 3.', ['https://dserver.bundestag.de/btd/19/310/1931088.pdf']],
    ['letters with diacritics', 'www.t-online.de/id_100456654/Weißrussland-urteil.html.', ['https://www.t-online.de/id_100456654/Weißrussland-urteil.html']],
    ['an e-mail address is none', 'an poststelle@www.bund.de schreiben', []],
    ['a host is required', 'die Seite www. ist leer', []],
    ['cut inside the last word, a comma after it', '(www.example.de/infothek/gewerkscha\nften, abgerufen am 21. Mai 2025).', ['https://www.example.de/infothek/gewerkschaften']],
    ['cut inside the last word before a question mark', '(www.example.de/news/bn-scheitert-zu-frankensc\nhnellweg)?', ['https://www.example.de/news/bn-scheitert-zu-frankenschnellweg']],
    ['cut inside the last word of a text fragment', '(www.example.de/a#:~:text=die%20den%20Deich%20sch%C3%BC\ntzen)?', ['https://www.example.de/a#:~:text=die%20den%20Deich%20sch%C3%BCtzen']],
    ['cut inside an id', '(www.example.de/inland/wie-habeck-673ef9084\ndf82f515063e1e6).', ['https://www.example.de/inland/wie-habeck-673ef9084df82f515063e1e6']],
    ['cut inside a mixed-case id', 'www.example.de/video/Y3JpZDovL2Rhc2Vyc3RlLmRlL2JlcmljaH\nQgYXVzIGJlcmxpbi8yMDI1LTA3LTEzXzE4LTAwLU1FU1o).', ['https://www.example.de/video/Y3JpZDovL2Rhc2Vyc3RlLmRlL2JlcmljaHQgYXVzIGJlcmxpbi8yMDI1LTA3LTEzXzE4LTAwLU1FU1o']],
    ['cut after the comma before an id', '(www.example.de/bayern/preise-werden-nicht-sinken-koennen,\nUkhq88M). Es', ['https://www.example.de/bayern/preise-werden-nicht-sinken-koennen,Ukhq88M']],
    ['cut inside a slug word with doubled hyphens', '(www.example.de/a/klarheit-ueber-ri\nsiken-von-ewigkeitschemikalien--187500). In', ['https://www.example.de/a/klarheit-ueber-risiken-von-ewigkeitschemikalien--187500']],
    ['a slug after a final slash', '(www.example.de/themen/vielfalt/\nuebersicht-der-verbaende-222202).', ['https://www.example.de/themen/vielfalt/uebersicht-der-verbaende-222202']],
    ['a query mark at the line end', '(www.example.de/a/peace-prize-604944\n?utm).', ['https://www.example.de/a/peace-prize-604944?utm']],
    ['a query mark at the line end, its name after it', '(www.example.de/a/peace-prize-604944?\nutm).', ['https://www.example.de/a/peace-prize-604944?utm']],
    ['a query cut before its name', 'www.example.de/x/?utm\n_source=share&utm_medium=mail). Die', ['https://www.example.de/x/?utm_source=share&utm_medium=mail']],
    ['half a percent escape at the line end', 'www.example.de/pii/S01604?via%3\nDihub; weiter', ['https://www.example.de/pii/S01604?via%3Dihub']],
    ['a query value cut before a colon', '(vgl. eur-lex.europa.eu/legal-content/DE/TXT/PDF/?uri=C\nELEX:02018R1862-20220801).', ['https://eur-lex.europa.eu/legal-content/DE/TXT/PDF/?uri=CELEX:02018R1862-20220801']],
    ['a query value going on with a plus', 'www.example.de/suche?title=Feminismus+in+Aktion\n+f%C3%BCr+Transformation). Bis', ['https://www.example.de/suche?title=Feminismus+in+Aktion+f%C3%BCr+Transformation']],
    ['a session id cut', 'www.example.de/a.html;jsessionid=AB5076.interne\nt951). Damit', ['https://www.example.de/a.html;jsessionid=AB5076.internet951']],
    ['a text fragment cut before its comma', 'www.example.de/a.html#:~:text=Our%20assessment%20showed%20that\n,goods%20or%20services).', ['https://www.example.de/a.html#:~:text=Our%20assessment%20showed%20that,goods%20or%20services']],
    ['a stray space before the file ending', 'www.example.de/DE/2025/20250602_TrustedFlagge\nr .html). Dabei', ['https://www.example.de/DE/2025/20250602_TrustedFlagger.html']],
    ['a stray space inside the rest of a word', '(vgl. www.example.com/m\na rkt/marktfruechte/bilanz-625173).', ['https://www.example.com/markt/marktfruechte/bilanz-625173']],
    ['the next sentence glued to the closing parenthesis', '(de.example.com/my-europe/eu-lander-g\neben-grunes-licht).Vor diesem', ['https://de.example.com/my-europe/eu-lander-geben-grunes-licht']],
    ['a parenthesis inside a text fragment stays', 'www.example.de/a.html#:~:text=Quartal%202025,%2C0%20%25%20)%20Zuw%C3%A4chse). Die', ['https://www.example.de/a.html#:~:text=Quartal%202025,%2C0%20%25%20)%20Zuw%C3%A4chse']],
    ['a bare host head of two letters after the separator of a list', 'www.example.al/a.pdf; eu\nronews.al/en/spak-launches/; weiter', ['https://www.example.al/a.pdf', 'https://euronews.al/en/spak-launches/']],
    ['a bare host head of one letter after a parenthesis', 'läuft aus (rs\nw.beck.de/aktuell/cum-ex-betrug). Die', ['https://rsw.beck.de/aktuell/cum-ex-betrug']],
    ['a bare host head with a dot inside', '(vgl. statistik.arbeitsage\nntur.de/Statistikdaten/a.xlsx). Die', ['https://statistik.arbeitsagentur.de/Statistikdaten/a.xlsx']],
    ['a cut host after the last slash of a path', '(www.koalitionsvertrag2025.de/sites/www.\nkoalitionsvertrag2025.de/files/koav_2025.pdf, S. 60)', ['https://www.koalitionsvertrag2025.de/sites/www.koalitionsvertrag2025.de/files/koav_2025.pdf']],
    ['a new bare host after the separator of a list', 'taz.de/Krise-zwischen-Uganda/!6090592/;\nx.com/Bennie/status/1925993/video/1).', ['https://taz.de/Krise-zwischen-Uganda/!6090592/', 'https://x.com/Bennie/status/1925993/video/1']],
    ['a short word of running text is no head', 'gesagt zu\nfaz.net/aktuell/a-1 und', ['https://faz.net/aktuell/a-1']],
    ['a word after a file ending is not joined', 'unter www.example.de/publikationen.html\neinsehbar, und', ['https://www.example.de/publikationen.html']],
    ['a word before a full stop is not joined', 'unter www.example.de/publikationen\neinsehbar. Die', ['https://www.example.de/publikationen']],
    ['a list letter after a query mark is not joined', 'siehe www.example.de/abc?\na) Wenn ja', ['https://www.example.de/abc']],
  ];
  it.each(cases)('%s', (_, input, urls) => {
    expect(sources(input).filter((record) => record.kind === 'url').map((record) => record.url)).toEqual(urls);
  });

  it.each([
    ['a syllable hyphen at a line end, the address printed whole elsewhere', 'Aus der Darstellung (https://www.example.de/ro-\ntenburg-verden.html) geht hervor. Quelle: https://www.example.de/rotenburg-verden.html', ['https://www.example.de/rotenburg-verden.html', 'https://www.example.de/rotenburg-verden.html']],
    ['the address\'s own hyphen, printed with it elsewhere', 'Siehe (www.example.de/re-\npublica/ard). Quelle: www.example.de/re-publica/ard', ['https://www.example.de/re-publica/ard', 'https://www.example.de/re-publica/ard']],
    ['a hyphen no other printing settles stays', 'Siehe (www.example.de/re-\npublica/ard). Quelle: www.example.de/republica/zdf', ['https://www.example.de/re-publica/ard', 'https://www.example.de/republica/zdf']],
  ])('settles a hyphen at a line end by the document: %s', (_, input, urls) => {
    expect(sources(input).filter((record) => record.kind === 'url').map((record) => record.url)).toEqual(urls);
  });

  it('keeps the printed text as the record text', () => {
    const [record] = sources('übernommen (www.merkur.de/\nwirtschaft/a.html). Für');
    expect(record?.text).toBe('www.merkur.de/ wirtschaft/a.html');
    expect(record?.url).toBe('https://www.merkur.de/wirtschaft/a.html');
  });

  it.each([
    ['www.bmi.bund.de/DE/a.html', 'https://www.bmi.bund.de/DE/a.html'],
    ['http://www.taz.de/!5164771/', 'http://www.taz.de/!5164771/'],
    ['https://lobbypedia.de/wiki/X', 'https://lobbypedia.de/wiki/X'],
    ['ftp://ftp.example.org/a', 'ftp://ftp.example.org/a'],
  ])('makes %s absolute: %s (HAS_SCHEME)', (url, want) => {
    expect(HAS_SCHEME.test(url)).toBe(!url.startsWith('www.'));
    expect(absoluteUrl(url)).toBe(want);
    expect(new URL(absoluteUrl(url)).href.length).toBeGreaterThan(0);
  });

  it.each([
    [URL_SLUG_PIECE, 'e-studierende', true], [URL_SLUG_PIECE, 'n-in-stuttgart.7120ed51-57f', true], [URL_SLUG_PIECE, 'werden', false], [URL_SLUG_PIECE, 'z.B.', false],
    [URL_PATH, 'www.fr.de/politik/bundesregierung-i', true], [URL_PATH, 'www.fr.de', false],
    [URL_OPEN_VALUE, 'a.pdf?__blob=publication', true], [URL_OPEN_VALUE, 'a.pdf?__blob=', false],
    [URL_WORD_THEN_END, 'File,', true], [URL_WORD_THEN_END, 'Die', false],
    [HOST_HEAD, '(vgl. feps-euro', true], [HOST_HEAD, 'Die Seite', false], [BARE_HOST_START, 'faz.net/aktuell', true], [BARE_HOST_START, 'z.B./x', false],
    [URL_TAIL_IN_BRACKETS, 'ofits).', true], [URL_TAIL_IN_BRACKETS, 'und', false], [URL_TAIL_IN_BRACKETS, 'ften,', true], [URL_TAIL_IN_BRACKETS, 'hnellweg)?', true], [URL_TAIL_IN_BRACKETS, 'b)', false], [URL_TAIL_IN_BRACKETS, 'einsehbar.', false],
    [URL_SLUG_PIECE, 'siken-von-ewigkeitschemikalien--187500', true], [URL_SLUG_PIECE, 't,UW4o9Pu', true], [URL_SLUG_PIECE, 'tellen-gibt-es;art410936', true],
    [URL_ID_PIECE, 'df82f515063e1e6', true], [URL_ID_PIECE, 'Ukhq88M', true], [URL_ID_PIECE, 'werden', false], [URL_ID_PIECE, '2025', false], [URL_ID_PIECE, '3a', false], [URL_ID_PIECE, 'COVID19', false],
    [URL_OPEN_QUERY, 'www.a.de/x-604944?', true], [URL_OPEN_QUERY, 'www.a.de/x.html)?', false],
    [URL_OPEN_VALUE, 'a.html;jsessionid=AB50', true], [URL_WORD_THEN_END, 'ELEX:02018R1862-20220801).', true],
    [STRAY_SPACE_REST, '.html).', true], [STRAY_SPACE_REST, 'rkt/marktfruechte/', true], [STRAY_SPACE_REST, 'ldung-einwirken.html).', true], [STRAY_SPACE_REST, 'und', false], [STRAY_SPACE_REST, '/', false], [STRAY_SPACE_REST, 'taz.de/x', false],
    [HOST_HEAD, '(rs', true], [HOST_HEAD, 'vgl. statistik.arbeitsage', true], [HOST_HEAD, '(vgl.', false],
  ])('%s on %s → %s', (pattern, text, want) => {
    expect(pattern.test(text)).toBe(want);
  });

  it('matches where an address starts', () => {
    expect('vgl. www.bmi.bund.de und https://a.de, nicht poststelle@www.x.de'.match(URL_START)).toEqual(['www.', 'https://']);
  });

  // Excerpts of real papers, one fixture per phenomenon: `input.txt` and the addresses in `expected.json`.
  it.each(['source-url-line-break', 'source-url-cut-anywhere'])('rebuilds the addresses of real pages (fixture %s)', (name) => {
    const input = readFileSync(new URL(`fixtures/${name}/input.txt`, import.meta.url), 'utf8');
    const expected: unknown = JSON.parse(readFileSync(new URL(`fixtures/${name}/expected.json`, import.meta.url), 'utf8'));
    expect(sources(input).filter((record) => record.kind === 'url').map((record) => record.url)).toEqual(expected);
  });
});

describe('web addresses in Markdown', () => {
  // `Quelle ([www.a.de/x\_y](http://www.a.de/x_y)) und <https://b.de/c>.`: link texts without escapes.
  const input = 'Quelle ([www.a.de/x\\_y](http://www.a.de/x_y)) und <https://b.de/c>.';
  const linkStart = input.indexOf('[') + 1;
  const autoStart = input.indexOf('<') + 1;
  const run = concatRuns([
    sliceRun('Quelle (', 0),
    sliceRun('www.a.de/x', linkStart),
    sliceRun('_y', input.indexOf('_y')),
    sliceRun(') und ', input.indexOf(') und')),
    sliceRun('https://b.de/c', autoStart),
    sliceRun('.', input.length - 1),
  ]);
  const links: Link[] = [
    { start: 8, end: 8 + 'www.a.de/x_y'.length, url: 'http://www.a.de/x_y' },
    { start: run.text.indexOf('https'), end: run.text.indexOf('https') + 'https://b.de/c'.length, url: 'https://b.de/c' },
    { start: 0, end: 6, url: 'mailto:x@y.de' },
  ];
  const section: Section = { id: 'p1', kind: 'preamble', run, links, tables: [] };
  const context: ExtractContext = { locator: createLocator(new VFile(input)), meta: bundestag, format: 'markdown' };

  it('takes the address from the link node and the text from the link text', () => {
    const records = extractSources([section], context).records;
    expect(records.map((record) => [record.url, record.text, record.in])).toEqual([
      ['http://www.a.de/x_y', 'www.a.de/x_y', 'p1'],
      ['https://b.de/c', 'https://b.de/c', 'p1'],
    ]);
    const [first] = records;
    expect(first && input.slice(first.position.start.offset, first.position.end.offset)).toBe('www.a.de/x\\_y');
  });

  it('does not read link texts a second time as plain addresses', () => {
    expect(findUrls(section, context)).toHaveLength(2);
  });
});

describe('Drucksachen', () => {
  const cases: Array<[string, Meta, Array<Partial<Source>>]> = [
    ['the answered Anfrage in the header', bundestag, [{ text: 'Drucksache 21/162', number: '21/162', url: 'https://dserver.bundestag.de/btd/21/001/2100162.pdf' }]],
    ['Bundestagsdrucksache 21/469).', bundestag, [{ text: 'Bundestagsdrucksache 21/469', number: '21/469', url: 'https://dserver.bundestag.de/btd/21/004/2100469.pdf' }]],
    ['auf BT-Drs. 20/1234 verwiesen', bundestag, [{ text: 'BT-Drs. 20/1234', number: '20/1234', url: 'https://dserver.bundestag.de/btd/20/012/2001234.pdf' }]],
    ['Anlage zu BT.-Drs. 21/758 /', bundestag, [{ text: 'BT.-Drs. 21/758', number: '21/758', url: 'https://dserver.bundestag.de/btd/21/007/2100758.pdf' }]],
    ['(Bundestagsdrucksache Nr. 20/6085)', bundestag, [{ text: 'Bundestagsdrucksache Nr. 20/6085', number: '20/6085', url: 'https://dserver.bundestag.de/btd/20/060/2006085.pdf' }]],
    ['Drucksachen 21/12 und 21/14', bundestag, [{ text: 'Drucksachen 21/12', number: '21/12', url: 'https://dserver.bundestag.de/btd/21/000/2100012.pdf' }, { text: '21/14', number: '21/14', url: 'https://dserver.bundestag.de/btd/21/000/2100014.pdf' }]],
    ['Bundestagsdrucksachen 19/27007, 20/890; 20/5795 sowie 20/13124.', bundestag, [
      { text: 'Bundestagsdrucksachen 19/27007', number: '19/27007', url: 'https://dserver.bundestag.de/btd/19/270/1927007.pdf' },
      { text: '20/890', number: '20/890', url: 'https://dserver.bundestag.de/btd/20/008/2000890.pdf' },
      { text: '20/5795', number: '20/5795', url: 'https://dserver.bundestag.de/btd/20/057/2005795.pdf' },
      { text: '20/13124', number: '20/13124', url: 'https://dserver.bundestag.de/btd/20/131/2013124.pdf' },
    ]],
    ['Bundestagsdrucksache 20/10952 (neu), S. 18, 20', bundestag, [{ text: 'Bundestagsdrucksache 20/10952 (neu), S. 18, 20', number: '20/10952', url: 'https://dserver.bundestag.de/btd/20/109/2010952.pdf', pages: ['18', '20'] }]],
    ['(vgl. Bundestagsdrucksache 21/634, S. 7 f.). Demnach', bundestag, [{ text: 'Bundestagsdrucksache 21/634, S. 7 f.', number: '21/634', url: 'https://dserver.bundestag.de/btd/21/006/2100634.pdf', pages: ['7 f.'] }]],
    ['Bundestagsdrucksache 20/10177, Anlage, S. 1 f. aufschlüsseln', bundestag, [{ text: 'Bundestagsdrucksache 20/10177', number: '20/10177', url: 'https://dserver.bundestag.de/btd/20/101/2010177.pdf', pages: ['1 f.'] }]],
    ['(Bundesratsdrucksache 382/25)', bundestag, [{ text: 'Bundesratsdrucksache 382/25', number: '382/25', parliament: 'Bundesrat' }]],
    ['Bundesratsinitiative (BR Drs. 286/24) eingebracht', bundestag, [{ text: 'BR Drs. 286/24', number: '286/24', parliament: 'Bundesrat' }]],
    ['Landtagsdrucksache 18/123', bundestag, [{ text: 'Landtagsdrucksache 18/123', number: '18/123', parliament: 'Landtag' }]],
    ['eingegangen am 04.06.2026 - Drs. 19/10822,', landtag, [{ text: 'Drs. 19/10822', number: '19/10822' }]],
    ['„Motorische Entwicklung“ (Drs.19/10586) verwiesen', landtag, [{ text: 'Drs.19/10586', number: '19/10586' }]],
    ['in der LT-Drs. 19/9492 verwiesen', landtag, [{ text: 'LT-Drs. 19/9492', number: '19/9492' }]],
    ['auf BT-Drs. 21/1108 verwiesen', landtag, [{ text: 'BT-Drs. 21/1108', number: '21/1108', parliament: 'Deutscher Bundestag', url: 'https://dserver.bundestag.de/btd/21/011/2101108.pdf' }]],
    ['Deutscher Bundestag Drucksache 21/375', bundestag, []],
    ['Ausschussdrucksache 20/2301 und HA-Drucksachen 20-3590', bundestag, []],
    ['Plenarprotokoll 21/13 und Kapitel 0501', bundestag, []],
    ['Die Drucksache enthält zusätzlich den Fragetext.', bundestag, []],
  ];
  it.each(cases)('%s', (input, meta, expected) => {
    const printed = input === 'the answered Anfrage in the header' ? '– Drucksache 21/162 –' : input;
    expect(pick(sources(printed, meta), 'drucksache', ['text', 'number', 'parliament', 'url', 'pages'])).toEqual(expected);
  });

  it('keeps the answered Anfrage where the header reader took it for the own number', () => {
    const meta: Meta = { ...bundestag, drucksache: '18/13237', answersDrucksache: '18/13237' };
    expect(pick(sources('– Drucksache 18/13237 –', meta), 'drucksache', ['number', 'url'])).toEqual([{ number: '18/13237', url: 'https://dserver.bundestag.de/btd/18/132/1813237.pdf' }]);
  });

  it.each([
    ['18', '13237', 'https://dserver.bundestag.de/btd/18/132/1813237.pdf'],
    ['21', '299', 'https://dserver.bundestag.de/btd/21/002/2100299.pdf'],
    ['19', '31088', 'https://dserver.bundestag.de/btd/19/310/1931088.pdf'],
    ['20', '7860', 'https://dserver.bundestag.de/btd/20/078/2007860.pdf'],
    ['8', '3319', 'https://dserver.bundestag.de/btd/8/033/803319.pdf'],
  ])('links %s/%s to its PDF', (period, number, url) => {
    expect(bundestagPdf(period, number)).toBe(url);
  });

  it('matches the printed forms', () => {
    const line = 'Drucksache 18/13237, Drs. 19/2598, Bundestagdrucksache 20/792, BT-Drucksache 21/152, LT-Drs. 19/7613, Drucksachennummer 19/1053';
    expect([...line.matchAll(DRUCKSACHE)].map((match) => `${match[2]}/${match[3]}`)).toEqual(['18/13237', '19/2598', '20/792', '21/152', '19/7613', '19/1053']);
  });
});

describe('publications cited with pages', () => {
  const cases: Array<[string, Array<Partial<Source>>]> = [
    ['(Verfassungsschutzbericht des Landes Hamburg für 2016, S. 54, ', [{ title: 'Verfassungsschutzbericht des Landes Hamburg für 2016', pages: ['54'], text: 'Verfassungsschutzbericht des Landes Hamburg für 2016, S. 54' }]],
    ['(vgl. Verfassungsschutzbericht des Landes Hamburg für das Jahr 2016, S. 55 bis 57).', [{ title: 'Verfassungsschutzbericht des Landes Hamburg für das Jahr 2016', pages: ['55-57'] }]],
    ['(vgl. Landesverfassungsschutzbericht Hamburg für 2016, S. 56) beteiligt?', [{ title: 'Landesverfassungsschutzbericht Hamburg für 2016', pages: ['56'] }]],
    ['(vergleiche hierzu den Integritätsbericht 2023, Seite 21, verfügbar', [{ title: 'Integritätsbericht 2023', pages: ['21'] }]],
    ['Laut dem Integritätsbericht 2023, Seite 14 ist', [{ title: 'Integritätsbericht 2023', pages: ['14'] }]],
    ['(Nds. Rpfl. 2020, S. 265 f.) bestand', [{ title: 'Nds. Rpfl. 2020', pages: ['265 f.'] }]],
    ['(„Lagebild Clankriminalität 2023“, S. 12)', [{ title: 'Lagebild Clankriminalität 2023', pages: ['12'] }]],
    ['(Koalitionsvertrag 2025, S. 89, 90)', [{ title: 'Koalitionsvertrag 2025', pages: ['89', '90'] }]],
    ['(Forschungsbericht 4/2024, S. 42/43)', [{ title: 'Forschungsbericht 4/2024', pages: ['42-43'] }]],
    ['(vgl. ebd., S. 10)', []],
    ['(Handelsblatt, 30. Juni 2025, S. 22)', []],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(pick(sources(input), 'publication', Object.keys(expected[0] ?? { title: 1 }) as Array<keyof Source>)).toEqual(expected);
  });

  it('gives pages after an address to the address', () => {
    const records = sources('1 https://dserver.bundestag.de/btd/19/310/1931088.pdf, S. 3.');
    expect(records.map((record) => [record.kind, record.pages])).toEqual([['url', ['3']]]);
  });
});

describe('laws', () => {
  const cases: Array<[string, Array<Partial<Source>>]> = [
    ['aus Artikel 137 Absatz 3 der Weimarer Reichsverfassung i. V. m. Artikel 140 des Grundgesetzes?', [
      { text: 'Artikel 137 Absatz 3 der Weimarer Reichsverfassung', title: 'Verfassung des Deutschen Reichs' },
      { text: 'Artikel 140 des Grundgesetzes', title: 'Grundgesetz für die Bundesrepublik Deutschland' },
    ]],
    ['nach § 44 BHO gefördert', [{ text: '§ 44 BHO', title: 'Bundeshaushaltsordnung' }]],
    ['gemäß § 7 Abs. 1 Satz 1 Nr. 2 Beamtenstatusgesetz (BeamtStG) zu berufen', [{ text: '§ 7 Abs. 1 Satz 1 Nr. 2 Beamtenstatusgesetz (BeamtStG)', title: 'Beamtenstatusgesetz' }]],
    ['Art. 33 Abs. 2 GG', [{ text: 'Art. 33 Abs. 2 GG', title: 'Grundgesetz für die Bundesrepublik Deutschland' }]],
    ['Die Artikel 33 Abs. 2 und 5 des Grundgesetzes stünden', [{ text: 'Artikel 33 Abs. 2 und 5 des Grundgesetzes', title: 'Grundgesetz für die Bundesrepublik Deutschland' }]],
    ['aus Artikel 2 Abs. 1 i. V. m. Artikel 1 Abs. 1 Grundgesetz abgeleitet', [
      { text: 'Artikel 2 Abs. 1', title: 'Grundgesetz für die Bundesrepublik Deutschland' },
      { text: 'Artikel 1 Abs. 1 Grundgesetz', title: 'Grundgesetz für die Bundesrepublik Deutschland' },
    ]],
    ['in den §§ 88ff. NBG, die', [{ text: '§§ 88ff. NBG', title: 'NBG' }]],
    ['§ 31a Absatz 3 SGB II', [{ text: '§ 31a Absatz 3 SGB II', title: 'Sozialgesetzbuch Zweites Buch' }]],
    ['§ 44d Absatz 5 des Zweiten Buches Sozialgesetzbuch', [{ text: '§ 44d Absatz 5 des Zweiten Buches Sozialgesetzbuch', title: 'Sozialgesetzbuch Zweites Buch' }]],
    ['§ 1306 des Bürgerlichen Gesetzbuches (BGB)', [{ text: '§ 1306 des Bürgerlichen Gesetzbuches (BGB)', title: 'Bürgerliches Gesetzbuch' }]],
    ['gemäß § 46 Abs. 1 GO LT', [{ text: '§ 46 Abs. 1 GO LT', title: 'GO LT' }]],
    ['Artikel 24 Abs. 3 Satz 1 Alt. 1 Niedersächsische Verfassung ergeben', [{ text: 'Artikel 24 Abs. 3 Satz 1 Alt. 1 Niedersächsische Verfassung', title: 'Niedersächsische Verfassung' }]],
    ['§ 60a Absatz 2 Satz 1 AufenthG Anordnung', [{ text: '§ 60a Absatz 2 Satz 1 AufenthG', title: 'Aufenthaltsgesetz' }]],
    ['§ 187 StGB (Verleumdung)', [{ text: '§ 187 StGB', title: 'Strafgesetzbuch' }]],
    ['Artikel 6 Abs. 1 der Verordnung (EU) 2016/679', [{ text: 'Artikel 6 Abs. 1 der Verordnung (EU) 2016/679', title: 'Verordnung (EU) 2016/679' }]],
    ['nach der Verordnung (EG) Nr. 1069/2009 und der Richtlinie 2014/24/EU', [{ text: 'Verordnung (EG) Nr. 1069/2009', title: 'Verordnung (EG) Nr. 1069/2009' }, { text: 'Richtlinie 2014/24/EU', title: 'Richtlinie 2014/24/EU' }]],
    ['§ 10a Absatz 2 des Gesetzes', [{ text: '§ 10a Absatz 2 des Gesetzes' }]],
    ['Artikel 12 IV und § 3 Absatz 2 allein', []],
    ['Art. 5 der Bundesregierung', []],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(pick(sources(input), 'law', ['text', 'title'])).toEqual(expected);
  });

  it('matches EU acts by number', () => {
    expect('Durchführungsverordnung (EU) 2021/1119 und Delegierte Verordnung (EU) 2019/945'.match(EU_ACT)).toEqual(['Durchführungsverordnung (EU) 2021/1119', 'Delegierte Verordnung (EU) 2019/945']);
  });
});

describe('records', () => {
  it('come in document order across kinds and sections', () => {
    const first = textSection('Laut § 44 BHO und www.a.de/b sowie Drucksache 21/162.');
    const second: Section = { ...textSection('x').section, id: 'a2', run: sliceRun('Artikel 140 des Grundgesetzes', 60) };
    const input = `${'Laut § 44 BHO und www.a.de/b sowie Drucksache 21/162.'.padEnd(60, ' ')}Artikel 140 des Grundgesetzes`;
    const context: ExtractContext = { ...first.context, locator: createLocator(new VFile(input)) };
    const records = extractSources([first.section, second], context).records;
    expect(records.map((record) => [record.kind, record.in])).toEqual([['law', 'a1'], ['url', 'a1'], ['drucksache', 'a1'], ['law', 'a2']]);
    expect(records.at(-1)?.position.start).toEqual({ line: 1, column: 61, offset: 60 });
  });
});

describe('worst-case input', () => {
  const pieces = ['www.a.de/x-\n', 'https://', 'a/b-\n', '§ 1 Abs. 1 ', 'Art. 1 i. V. m. ', 'Drucksachen 1/1, ', 'Titel, S. 1, ', '((((', 'Verordnung (EU) 1/1 ', 'des Gesetzes ', 'Bundesrat Drs. 1/1 ', '„a“, S. 1 '];
  it.each(pieces)('1 MB of %j completes in linear time', (piece) => {
    const input = piece.repeat(Math.ceil(1_000_000 / piece.length));
    const started = performance.now();
    const { section, context } = textSection(input);
    extractSources([section], context);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
