/**
 * Properties of the whole pipeline on random documents: Markdown and plain text assembled from the
 * pieces Drucksachen are made of (header lines, numbered questions, sub-items, answer openings,
 * page furniture, amounts, links, tables) mixed with random text.
 *
 * - `extract` never throws;
 * - nothing is lost: every non-blank character ends up in a section, the header, the furniture or a
 *   message that names it (the invariant of `conservation.test.ts`);
 * - the same input gives byte-identical JSON;
 * - CRLF line breaks give the same records as LF, with positions into the CRLF original.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { DrucksacheDocument } from '../src/model.js';
import { uncovered } from './support/conservation.js';

/** Words of running text, with umlauts, abbreviations and hyphenated compounds. */
const WORDS = ['die', 'Bundesregierung', 'Landesregierung', 'hat', 'keine', 'Erkenntnisse', 'über', 'Förderung', 'Maßnahmen', 'im', 'Jahr', '2019', 'bzw.', 'z. B.', 'Bundes-', 'regierung', 'Euro', 'Mio.', 'Nr.', 'gem.', '§ 5', 'Abs. 2', 'IGS', 'Bundesamt für Migration und Flüchtlinge', 'Berlin', 'Straße', '(BAMF)', '„Zitat“', '–', '…', '%'];

/** Printable noise: random text from any script, with tabs, no-break and soft hyphens. */
const noise = fc.string({ unit: fc.oneof(fc.constantFrom('\t', '\u00A0', '\u00AD', ' ', '-', '.', '?', ':', '(', ')', '*', '_', '#', '>', '|', '[', ']', '\\', '`'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 40 });

/** A run of words. */
const words = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: noise }), { minLength: 1, maxLength: 14 }).map((list) => list.join(' '));

/** A question or item number as printed, including unusual ones. */
const number = fc.oneof(fc.integer({ min: 1, max: 60 }).map(String), fc.constantFrom('1a', '999', '0', '12b'));

/** Blocks both forms share. */
const commonBlocks = [
  fc.constantFrom(
    'Deutscher Bundestag Drucksache 21/839',
    '21. Wahlperiode 09.07.2025',
    'Niedersächsischer Landtag – 19. Wahlperiode Drucksache 19/11181',
    'Antwort',
    'der Bundesregierung',
    'auf die Kleine Anfrage der Abgeordneten Anna Muster (Köln), Dr. Bernd Beispiel und der Fraktion DIE LINKE',
    'Anfrage der Abgeordneten Omid Najafi und Jens-Christoph Brockmann (AfD), eingegangen am 04.06.2026 - Drs. 19/10822',
    '– Drucksache 21/123 –',
    'Vorbemerkung der Fragesteller',
    'Vorbemerkung der Bundesregierung',
    'Die Fragen 1 und 2 werden gemeinsam beantwortet.',
    'Auf die Antwort zu Frage 3 wird verwiesen.',
    'Zu Frage 4:',
    'Die Kosten betrugen 1,6 Mrd. Euro bzw. 18 225 Euro vom 1. Januar 2015 bis 31. Dezember 2019.',
    'Siehe https://www.bundestag.de/drucksachen?id=1 und Drucksache 19/1234 sowie Artikel 140 des Grundgesetzes.',
    'Die Antwort wurde namens der Bundesregierung mit Schreiben des Bundesministeriums des Innern vom 8. Juli 2025 übermittelt.',
  ),
  fc.tuple(number, fc.constantFrom('Wie viele', 'Welche', 'Ist der Bundesregierung bekannt, ob', 'Plant'), words).map(([n, opening, rest]) => `${n}. ${opening} ${rest}?`),
  fc.tuple(fc.constantFrom('a', 'b', 'c', 'aa'), words).map(([label, rest]) => `${label}) ${rest}?`),
  words,
  noise,
];

/** Plain text: printed lines with page furniture and line-end hyphenation. */
const textBlock = fc.oneof(
  ...commonBlocks,
  fc.constantFrom('Deutscher Bundestag – 21. Wahlperiode – 3 – Drucksache 21/839', 'Drucksache 21/839 – 4 – Deutscher Bundestag – 21. Wahlperiode', '– 2 –', '17', 'Gesamtherstellung: H. Heenemann GmbH & Co. KG, Buch- und Offsetdruckerei, Bessemerstraße 83–91, 12103 Berlin, www.heenemann-druck.de', '1   https://example.org/quelle', '(verteilt am 10.07.2025)', 'V o r b e m e r k u n g'),
  fc.tuple(words, words).map(([a, b]) => `${a} Bundes-\n${b}`),
);

/** Markdown: the same pieces with headings, emphasis, lists, quotes, tables, links and HTML. */
const markdownBlock = fc.oneof(
  ...commonBlocks,
  fc.tuple(fc.constantFrom('#', '##', '###'), words).map(([hashes, text]) => `${hashes} ${text}`),
  words.map((text) => `**${text}**`),
  fc.tuple(number, words).map(([n, text]) => `**${n}. ${text}?**`),
  fc.array(words, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc.array(words, { minLength: 1, maxLength: 4 }).map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
  words.map((text) => `> ${text}`),
  fc.tuple(words, words, words, words).map(([a, b, c, d]) => `| ${a} | ${b} |\n|---|---:|\n| ${c} | ${d} |`),
  fc.tuple(words, fc.constantFrom('https://www.bmi.bund.de/x.pdf', 'http://www.taz.de/!5164771/', 'mailto:a@b.de')).map(([text, url]) => `[${text}](${url})`),
  words.map((text) => `\`${text}\``),
  words.map((text) => `<div>${text}</div>`),
  words.map((text) => `${text}\\\n${text}`),
);

/**
 * A document: blocks separated by single or blank lines.
 *
 * @param block The blocks of the form.
 * @returns Documents.
 */
const documentOf = (block: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n\n', '  \n')), { maxLength: 30 }).map((parts) => parts.map(([text, separator]) => text + separator).join(''));

/** The two forms, each with the path that selects it. */
const FORMS = [
  { form: 'markdown', path: 'random.md', documents: documentOf(markdownBlock) },
  { form: 'text', path: 'random.txt', documents: documentOf(textBlock) },
] as const;

/**
 * The LF document with every position moved to where it lies in the CRLF form of the input.
 *
 * @param document The document extracted from the LF input.
 * @param lf The LF input.
 * @returns The document as the CRLF input should give it (its `sha256` aside).
 */
function toCrlfPositions(document: DrucksacheDocument, lf: string): unknown {
  // Each LF before an offset gains a CR in front of it.
  const breaksBefore = new Uint32Array(lf.length + 1);
  for (let index = 0; index < lf.length; index++) breaksBefore[index + 1] = (breaksBefore[index] ?? 0) + (lf.charAt(index) === '\n' ? 1 : 0);
  const move = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => move(item, ''));
    if (value === null || typeof value !== 'object') return value;
    if (key === 'source') return { ...value, sha256: '' };
    const entries = Object.entries(value).map(([name, inner]): [string, unknown] => {
      if (name === 'offset' && typeof inner === 'number') return [name, inner + (breaksBefore[inner] ?? 0)];
      return [name, move(inner, name)];
    });
    return Object.fromEntries(entries);
  };
  return move(document, '');
}

/**
 * The document with the content hash blanked (it differs between LF and CRLF bytes).
 *
 * @param document The document.
 * @returns A copy.
 */
function withoutHash(document: DrucksacheDocument): unknown {
  return { ...document, source: { ...document.source, sha256: '' } };
}

describe.each(FORMS)('random $form documents', ({ path, documents }) => {
  it('never make extract throw', () => {
    fc.assert(
      fc.property(documents, (value) => {
        const { document } = extract(value, { path });
        expect(document.schemaVersion).toBe('1');
      }),
      { numRuns: 150 },
    );
  });

  it('lose no character', () => {
    fc.assert(
      fc.property(documents, (value) => {
        const { missing } = uncovered(value, path);
        const sample = missing.slice(0, 3).map((offset) => JSON.stringify(value.slice(Math.max(0, offset - 20), offset + 20)));
        expect(missing, `lost: ${sample.join(', ')}`).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('give byte-identical JSON for the same input', () => {
    fc.assert(
      fc.property(documents, (value) => {
        const first = JSON.stringify(extract(value, { path }).document, undefined, 2);
        const second = JSON.stringify(extract(value, { path }).document, undefined, 2);
        expect(second).toBe(first);
      }),
      { numRuns: 50 },
    );
  });

  it('give the same records for CRLF as for LF, with positions into the CRLF input', () => {
    fc.assert(
      fc.property(documents, (raw) => {
        const lf = raw.replace(/\r/g, '');
        const crlf = lf.replace(/\n/g, '\r\n');
        const fromLf = extract(lf, { path }).document;
        const fromCrlf = extract(crlf, { path }).document;
        expect(withoutHash(fromCrlf)).toEqual(toCrlfPositions(fromLf, lf));
      }),
      { numRuns: 100 },
    );
  });

  it('do not take a bare CRLF inside an address for a cut hyphen', () => {
    const lf = '1a. Wie viele ?\n1   https://example.org/quelle\n#\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const fromLf = extract(lf, { path }).document;
    const urls = extract(crlf, { path }).document.sources.map((source) => source.url ?? '');
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/^https:\/\/example\.org\/quelle#?$/);
    expect(withoutHash(extract(crlf, { path }).document)).toEqual(toCrlfPositions(fromLf, lf));
  });
});

describe('random bytes of any kind', () => {
  it('never make extract throw in either form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('markdown', 'text'), (value, format) => {
        const { document } = extract(value, { format });
        expect(document.source.format).toBe(format);
      }),
      { numRuns: 200 },
    );
  });
});
