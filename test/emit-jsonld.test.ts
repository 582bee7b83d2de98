import jsonld from 'jsonld';
import type { Options } from 'jsonld';
import { describe, expect, it } from 'vitest';
import { bundestagPdfUrl, defaultJsonLdBase, jsonLdContext, toJsonLd } from '../src/emit/jsonld.js';
import type { JsonLdNode } from '../src/emit/jsonld.js';
import type { DrucksacheDocument } from '../src/model.js';
import { onFirstLine } from './support/meta.js';

const at = onFirstLine;

/** A Bundestag answer with a joint answer, a reference, every entity type, amounts and every source kind. */
function sampleDocument(): DrucksacheDocument {
  return {
    schemaVersion: '1',
    source: { path: 'input/bt18-13237-answer.md', sha256: '0'.repeat(64), format: 'markdown' },
    meta: {
      parliament: 'Deutscher Bundestag',
      legislativePeriod: 18,
      drucksache: '18/13400',
      date: '2017-08-21',
      type: 'Antwort',
      respondent: 'Bundesregierung',
      respondingBody: 'Bundesministerium des Innern',
      answersDrucksache: '18/13237',
      title: 'Ausrichtung der schiitischen Verbände',
      askers: [{ name: 'Volker Beck', constituency: 'Köln' }, { name: 'Katja Keul', title: 'Dr.' }],
      faction: 'BÜNDNIS 90/DIE GRÜNEN',
      header: null,
      furniture: [],
    },
    preambles: [{ id: 'p1', by: 'questioners', heading: 'Vorbemerkung der Fragesteller', text: 'Die IGS …', position: at(0, 9) }],
    questions: [
      { id: 'q1', number: '1', text: 'Welche Erkenntnisse …', position: at(10, 20), subItems: [{ label: 'a', text: 'seit wann?', position: at(15, 20) }] },
      { id: 'q2', number: '2', text: 'Wie viele …', position: at(21, 30), subItems: [] },
      { id: 'q3', number: '3', text: 'Welche Mittel …', position: at(31, 40), subItems: [] },
    ],
    answers: [
      { id: 'a1', questions: ['1', '2'], joint: 'announced', text: 'Die Fragen 1 und 2 …', position: at(41, 60), references: [] },
      {
        id: 'a3',
        questions: ['3', '9'],
        joint: 'single',
        text: 'Auf die Antwort zu Frage 1 wird verwiesen.',
        position: at(61, 90),
        references: [{ question: '1', text: 'Antwort zu Frage 1', position: at(69, 87) }],
      },
    ],
    entities: [
      { id: 'e1', key: 'organization:bundesregierung', type: 'Organization', name: 'Bundesregierung', aliases: [], mentions: [{ text: 'Bundesregierung', in: 'meta', position: at(0, 1) }] },
      { id: 'e2', key: 'person:volker-beck', type: 'Person', name: 'Volker Beck', aliases: ['Beck'], mentions: [{ text: 'Beck', in: 'p1', position: at(2, 6) }] },
      { id: 'e3', key: 'place:hamburg', type: 'Place', name: 'Hamburg', aliases: [], mentions: [{ text: 'Hamburg', in: 'q1', position: at(12, 19) }] },
      { id: 'e4', key: 'other:al-quds-tag', type: 'Other', name: 'Al-Quds-Tag', aliases: [], mentions: [{ text: 'Al-Quds-Tag', in: 'a1', position: at(45, 56) }] },
    ],
    amounts: [
      { text: '18 225 Euro', value: 18225, currency: 'EUR', in: 'a1', position: at(42, 53) },
      { text: 'zwischen 1,5 und 2 Mio. Euro', value: 1_500_000, upper: 2_000_000, qualifier: 'zwischen', currency: 'EUR', in: 'a3', position: at(62, 90) },
    ],
    dates: [],
    sources: [
      { kind: 'url', url: 'http://www.taz.de/!5164771/', text: 'http://www.taz.de/!5164771/', in: 'p1', position: at(3, 8) },
      { kind: 'drucksache', number: '18/13237', text: 'Drucksache 18/13237', in: 'meta', position: at(0, 5) },
      { kind: 'drucksache', number: '18/11009', text: 'Bundestagsdrucksache 18/11009', in: 'a3', position: at(70, 80) },
      { kind: 'publication', title: 'Verfassungsschutzbericht 2016', pages: ['54'], text: 'Verfassungsschutzbericht 2016, S. 54', in: 'a1', position: at(44, 59) },
      { kind: 'law', text: 'Artikel 140 des Grundgesetzes', in: 'a3', position: at(63, 70) },
      { kind: 'url', url: 'www.example.org/bericht', text: 'www.example.org/bericht', in: 'a3', position: at(71, 79) },
    ],
    tables: [],
    messages: [],
  };
}

const stem = 'bt18-13237-answer';
const base = `urn:drucksache:${stem}`;
const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const s = (term: string): string => `https://schema.org/${term}`;
const o = (term: string): string => `https://schema.oparl.org/1.1/${term}`;

/** Fetches nothing: the context is inline, so any request is a failure. */
const requested: string[] = [];
const offline: Options.Expand & { safe: boolean } = {
  safe: true,
  documentLoader: (url) => {
    requested.push(url);
    return Promise.reject(new Error(`Unexpected request for ${url}, expected an inline context`));
  },
};

/** The N-Quads of a JSON-LD document, converted in safe mode, as a set of lines without the final ` .`. */
async function quads(input: JsonLdNode): Promise<Set<string>> {
  const options: Options.ToRdf & { safe: boolean } = { ...offline, format: 'application/n-quads' };
  const output = await jsonld.toRDF(input, options);
  if (typeof output !== 'string') throw new Error('Expected N-Quads text');
  return new Set(output.split('\n').filter((line) => line !== '').map((line) => line.replace(/ \.$/, '')));
}

/** One triple as an N-Quads line: IRIs in angle brackets, literals as given. */
function triple(subject: string, predicate: string, object: string): string {
  return `<${subject}> <${predicate}> ${object.startsWith('"') || object.startsWith('_:') ? object : `<${object}>`}`;
}

describe('toJsonLd', () => {
  it('expands in safe mode without fetching anything', async () => {
    const expanded = await jsonld.expand(toJsonLd(sampleDocument(), stem), offline);
    expect(expanded.length).toBeGreaterThan(10);
    expect(requested).toEqual([]);
  });

  it('safe mode would catch a key the context lacks (so the check above can fail)', async () => {
    const output = toJsonLd(sampleDocument(), stem);
    const graph = output['@graph'];
    if (!Array.isArray(graph)) throw new Error('Expected a graph');
    graph.push({ '@id': `${base}#x`, confidence: 0.5 });
    await expect(jsonld.expand(output, offline)).rejects.toThrow(/Safe mode validation error/);
  });

  it('types the document as schema:Report and oparl:Paper with OParl terms', async () => {
    const rdf = await quads(toJsonLd(sampleDocument(), stem));
    for (const expected of [
      triple(base, rdfType, s('Report')),
      triple(base, rdfType, o('Paper')),
      triple(base, o('reference'), '"18/13400"'),
      triple(base, o('paperType'), '"Antwort"@de'),
      triple(base, s('name'), '"Ausrichtung der schiitischen Verbände"@de'),
      triple(base, s('datePublished'), '"2017-08-21"^^<http://www.w3.org/2001/XMLSchema#date>'),
      triple(base, s('url'), 'https://dserver.bundestag.de/btd/18/134/1813400.pdf'),
      triple(base, o('originatorOrganization'), 'urn:drucksache:entity:organization:bundesregierung'),
      triple(base, o('underDirectionOf'), `${base}#responding-body`),
      triple(`${base}#responding-body`, s('name'), '"Bundesministerium des Innern"@de'),
      triple(base, s('publisher'), `${base}#parliament`),
      triple(base, s('hasPart'), `${base}#q1`),
      triple(base, s('hasPart'), `${base}#a3`),
    ]) {
      expect(rdf).toContain(expected);
    }
  });

  it('links the Anfrage answered, with its askers and group, by its official address', async () => {
    const rdf = await quads(toJsonLd(sampleDocument(), stem));
    const anfrage = 'https://dserver.bundestag.de/btd/18/132/1813237.pdf';
    for (const expected of [
      triple(base, o('relatedPaper'), anfrage),
      triple(anfrage, o('reference'), '"18/13237"'),
      triple(anfrage, o('originatorPerson'), 'urn:drucksache:entity:person:volker-beck'),
      triple(anfrage, o('originatorPerson'), `${base}#asker-2`),
      triple(`${base}#asker-2`, rdfType, s('Person')),
      triple(`${base}#asker-2`, s('honorificPrefix'), '"Dr."@de'),
      triple('urn:drucksache:entity:person:volker-beck', s('memberOf'), `${base}#faction`),
      triple(anfrage, o('originatorOrganization'), `${base}#faction`),
      triple(`${base}#faction`, s('name'), '"BÜNDNIS 90/DIE GRÜNEN"@de'),
      triple(`${base}#p1`, s('author'), `${base}#faction`),
    ]) {
      expect(rdf).toContain(expected);
    }
  });

  it('makes each answer name every question it answers as schema:parentItem', async () => {
    const rdf = await quads(toJsonLd(sampleDocument(), stem));
    expect(rdf).toContain(triple(`${base}#a1`, rdfType, s('Answer')));
    expect(rdf).toContain(triple(`${base}#a1`, s('parentItem'), `${base}#q1`));
    expect(rdf).toContain(triple(`${base}#a1`, s('parentItem'), `${base}#q2`));
    expect(rdf).toContain(triple(`${base}#a3`, s('parentItem'), `${base}#q3`));
    expect(rdf).toContain(triple(`${base}#q1`, rdfType, s('Question')));
    expect(rdf).toContain(triple(`${base}#q1`, s('position'), '"1"'));
    // Question 9 does not exist: no link to a node that is not there.
    expect([...rdf].filter((line) => line.includes('#q9'))).toEqual([]);
    // "Auf die Antwort zu Frage 1" cites the answer to question 1.
    expect(rdf).toContain(triple(`${base}#a3`, s('citation'), `${base}#a1`));
  });

  it('keeps lettered sub-items as parts of their question', async () => {
    const rdf = await quads(toJsonLd(sampleDocument(), stem));
    const part = [...rdf].find((line) => line.startsWith(`<${base}#q1> <${s('hasPart')}> _:`));
    const node = part?.split(' ')[2] ?? '';
    expect(rdf).toContain(`${node} <${s('position')}> "a"`);
    expect(rdf).toContain(`${node} <${s('text')}> "seit wann?"@de`);
  });

  const entityTypes: Array<[string, string]> = [
    ['organization:bundesregierung', 'Organization'],
    ['person:volker-beck', 'Person'],
    ['place:hamburg', 'Place'],
    ['other:al-quds-tag', 'Thing'],
  ];
  it.each(entityTypes)('types entity %s as schema:%s, mentioned by the document and its section', async (key, type) => {
    const rdf = await quads(toJsonLd(sampleDocument(), stem));
    const iri = `urn:drucksache:entity:${key}`;
    expect(rdf).toContain(triple(iri, rdfType, s(type)));
    expect(rdf).toContain(triple(base, s('mentions'), iri));
  });

  it('links mentions from the section they occur in, aliases as alternate names', async () => {
    const rdf = await quads(toJsonLd(sampleDocument(), stem));
    expect(rdf).toContain(triple(`${base}#p1`, s('mentions'), 'urn:drucksache:entity:person:volker-beck'));
    expect(rdf).toContain(triple(`${base}#q1`, s('mentions'), 'urn:drucksache:entity:place:hamburg'));
    expect(rdf).toContain(triple(`${base}#a1`, s('mentions'), 'urn:drucksache:entity:other:al-quds-tag'));
    expect(rdf).toContain(triple('urn:drucksache:entity:person:volker-beck', s('alternateName'), '"Beck"@de'));
  });

  it('writes amounts as schema:MonetaryAmount with value and currency', async () => {
    const rdf = await quads(toJsonLd(sampleDocument(), stem));
    const first = `${base}#amount-1`;
    const range = `${base}#amount-2`;
    for (const expected of [
      triple(first, rdfType, s('MonetaryAmount')),
      triple(first, s('value'), '"18225"^^<http://www.w3.org/2001/XMLSchema#integer>'),
      triple(first, s('currency'), '"EUR"'),
      triple(first, s('name'), '"18 225 Euro"@de'),
      triple(`${base}#a1`, s('mentions'), first),
      triple(range, s('minValue'), '"1500000"^^<http://www.w3.org/2001/XMLSchema#integer>'),
      triple(range, s('maxValue'), '"2000000"^^<http://www.w3.org/2001/XMLSchema#integer>'),
      triple(range, s('description'), '"zwischen"@de'),
    ]) {
      expect(rdf).toContain(expected);
    }
  });

  it('cites sources, Bundestag Drucksachen by their official PDF address', async () => {
    const rdf = await quads(toJsonLd(sampleDocument(), stem));
    const cited = 'https://dserver.bundestag.de/btd/18/110/1811009.pdf';
    for (const expected of [
      triple(`${base}#p1`, s('citation'), 'http://www.taz.de/!5164771/'),
      triple(base, s('citation'), 'http://www.taz.de/!5164771/'),
      triple(`${base}#a3`, s('citation'), cited),
      triple(cited, rdfType, o('Paper')),
      triple(cited, o('reference'), '"18/11009"'),
      triple(`${base}#a1`, s('citation'), `${base}#source-4`),
      triple(`${base}#source-4`, s('name'), '"Verfassungsschutzbericht 2016"@de'),
      triple(`${base}#source-4`, s('pagination'), '"54"'),
      triple(`${base}#source-5`, rdfType, s('Legislation')),
      // Not an absolute address: kept as text on a numbered node.
      triple(`${base}#source-6`, s('description'), '"www.example.org/bericht"@de'),
    ]) {
      expect(rdf).toContain(expected);
    }
  });

  it('prefers the address the sources stage recorded, and knows none for a Landtag', async () => {
    const doc = sampleDocument();
    doc.sources = [
      {
        kind: 'drucksache',
        number: '18/1',
        url: 'https://dserver.bundestag.de/btd/18/000/1800001.pdf',
        pages: ['5'],
        text: 'Drucksache 18/1, S. 5',
        in: 'a1',
        position: at(41, 50),
      },
      { kind: 'drucksache', number: '19/10822', parliament: 'Niedersächsischer Landtag', text: 'Drucksache 19/10822', in: 'a1', position: at(51, 60) },
    ];
    const rdf = await quads(toJsonLd(doc, stem));
    expect(rdf).toContain(triple(`${base}#a1`, s('citation'), 'https://dserver.bundestag.de/btd/18/000/1800001.pdf'));
    expect(rdf).toContain(triple('https://dserver.bundestag.de/btd/18/000/1800001.pdf', s('pagination'), '"5"'));
    expect(rdf).toContain(triple(`${base}#a1`, s('citation'), `${base}#source-2`));
    expect(rdf).toContain(triple(`${base}#source-2`, o('reference'), '"19/10822"'));
  });

  it('identifies a Landtag paper and the Anfrage it answers without inventing addresses', async () => {
    const doc = sampleDocument();
    doc.meta = { ...doc.meta, parliament: 'Niedersächsischer Landtag', drucksache: '19/11181', answersDrucksache: '19/10822' };
    const rdf = await quads(toJsonLd(doc, 'nds19-11181'));
    const nds = 'urn:drucksache:nds19-11181';
    expect([...rdf].filter((line) => line.startsWith(`<${nds}> <${s('url')}>`))).toEqual([]);
    const related = [...rdf].find((line) => line.startsWith(`<${nds}> <${o('relatedPaper')}> _:`));
    const node = related?.split(' ')[2] ?? 'missing';
    expect(rdf).toContain(`${node} <${o('reference')}> "19/10822"`);
  });

  it('is stable for the same input and names nodes from the base', () => {
    expect(toJsonLd(sampleDocument(), stem)).toEqual(toJsonLd(sampleDocument(), stem));
    const output = toJsonLd(sampleDocument(), stem, { base: 'https://example.org/ds/18-13400' });
    const graph = output['@graph'];
    if (!Array.isArray(graph)) throw new Error('Expected a graph');
    const ids = graph.map((node) => (typeof node === 'object' && node !== null && !Array.isArray(node) ? node['@id'] : undefined));
    expect(ids.slice(0, 4)).toEqual([
      'https://example.org/ds/18-13400',
      'https://example.org/ds/18-13400#p1',
      'https://example.org/ds/18-13400#q1',
      'https://example.org/ds/18-13400#q2',
    ]);
    expect(output['@context']).toBe(jsonLdContext);
  });

  it('percent-encodes a stem that is not IRI-safe', async () => {
    expect(defaultJsonLdBase('Antwort 18/1 (Ä)')).toBe('urn:drucksache:Antwort%2018%2F1%20(%C3%84)');
    const rdf = await quads(toJsonLd(sampleDocument(), 'Antwort 18/1 (Ä)'));
    expect(rdf).toContain(triple('urn:drucksache:Antwort%2018%2F1%20(%C3%84)#a1', rdfType, s('Answer')));
  });
});

describe('bundestagPdfUrl', () => {
  const cases: Array<[string, string | undefined]> = [
    ['18/13237', 'https://dserver.bundestag.de/btd/18/132/1813237.pdf'],
    ['21/375', 'https://dserver.bundestag.de/btd/21/003/2100375.pdf'],
    ['21/1344', 'https://dserver.bundestag.de/btd/21/013/2101344.pdf'],
    ['9/1234', 'https://dserver.bundestag.de/btd/09/012/0901234.pdf'],
    [' 20/5 ', 'https://dserver.bundestag.de/btd/20/000/2000005.pdf'],
    ['18/13237 (neu)', undefined],
    ['123/4', undefined],
    ['18-13237', undefined],
  ];
  it.each(cases)('%j → %j', (number, url) => {
    expect(bundestagPdfUrl(number)).toBe(url);
  });
});
