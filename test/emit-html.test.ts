import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryOf, toHtml, toIndexHtml } from '../src/emit/html/index.js';
import { amountsChartSvg, amountsPerAnswer, answerLabel, cooccurrence, escapeXml, formatMoney, layoutNetwork, networkSvg, seededRandom } from '../src/emit/html/network.js';
import { extract } from '../src/index.js';
import type { DrucksacheDocument, Position } from '../src/model.js';

/** A record to put into a built document: which section, its text, which occurrence of it there. */
interface Placed {
  readonly in: string;
  readonly text: string;
  readonly occurrence?: number;
}

/** Sections of a built document, in printed order. */
interface Layout {
  readonly preambles?: readonly { id: string; text: string; heading?: string }[];
  readonly questions: readonly { id: string; number: string; text: string }[];
  readonly answers: readonly { id: string; questions: string[]; text: string; references?: { question: string; text: string }[] }[];
}

/**
 * Build a document whose sections follow each other in an "original" of `base` blank characters
 * between them, so that record positions are consistent with where their text stands.
 */
function builder(layout: Layout) {
  const starts = new Map<string, number>();
  const texts = new Map<string, string>();
  let offset = 0;
  const sections = [
    ...(layout.preambles ?? []).map((preamble) => ({ id: preamble.id, text: preamble.text })),
    ...layout.questions.map((question) => ({ id: question.id, text: question.text })),
    ...layout.answers.map((answer) => ({ id: answer.id, text: answer.text })),
  ];
  for (const section of sections) {
    offset += 10;
    starts.set(section.id, offset);
    texts.set(section.id, section.text);
    offset += section.text.length;
  }
  const position = (start: number, end: number): Position => ({ start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } });
  const sectionPosition = (id: string): Position => {
    const start = starts.get(id) ?? 0;
    return position(start, start + (texts.get(id) ?? '').length);
  };
  /** Position of a record: the n-th occurrence of its text in its section. */
  const at = (record: Placed): Position => {
    const text = texts.get(record.in) ?? '';
    let index = -1;
    for (let n = 0; n <= (record.occurrence ?? 0); n += 1) index = text.indexOf(record.text, index + 1);
    if (index < 0) throw new Error(`${record.text} not in ${record.in}`);
    const start = (starts.get(record.in) ?? 0) + index;
    return position(start, start + record.text.length);
  };
  return { at, sectionPosition };
}

/** A Bundestag answer: a preamble, a joint answer, references, every record kind, a message. */
function sampleDocument(): DrucksacheDocument {
  const layout: Layout = {
    preambles: [{ id: 'p1', text: 'Volker\nBeck berichtet (www.example.org/bericht). Die IGS ist aktiv.' }],
    questions: [
      { id: 'q1', number: '1', text: 'Welche Erkenntnisse hat die Bundesregierung über die IGS?' },
      { id: 'q2', number: '2', text: 'Wie viele Mitglieder hat die IGS in Hamburg?' },
      { id: 'q3', number: '3', text: 'Welche Mittel erhielt die IGS?' },
    ],
    answers: [
      { id: 'a1', questions: ['1', '2'], text: 'Die Fragen 1 und 2 werden gemeinsam beantwortet. Die IGS hat 100 Euro und dann 100 Euro erhalten.' },
      {
        id: 'a3',
        questions: ['3'],
        text: 'Auf die Antwort zu Frage 1 wird verwiesen. Siehe auch die Antworten zu den Fragen 1 und 2. Im Jahr 2016 flossen 18 225 Euro (Drucksache 18/11009).',
        references: [
          { question: '1', text: 'Antwort zu Frage 1' },
          { question: '1', text: 'Antworten zu den Fragen 1 und 2' },
          { question: '2', text: 'Antworten zu den Fragen 1 und 2' },
        ],
      },
    ],
  };
  const { at, sectionPosition } = builder(layout);
  const mention = (record: Placed) => ({ text: record.text, in: record.in, position: at(record) });
  return {
    schemaVersion: '1',
    source: { path: 'input/sample.md', sha256: 'a'.repeat(64), format: 'markdown' },
    meta: {
      parliament: 'Deutscher Bundestag',
      legislativePeriod: 18,
      drucksache: null,
      date: '2017-08-21',
      type: 'Antwort',
      respondent: 'Bundesregierung',
      respondingBody: null,
      answersDrucksache: '18/13237',
      title: 'Ausrichtung der schiitischen Verbände',
      askers: [{ name: 'Volker Beck', constituency: 'Köln' }, { name: 'Katja Keul' }],
      faction: 'BÜNDNIS 90/DIE GRÜNEN',
      header: null,
      furniture: [{ kind: 'pageHeader', text: 'Drucksache 18/13400 – 2 – Deutscher Bundestag', position: { start: { line: 40, column: 1, offset: 900 }, end: { line: 40, column: 46, offset: 945 } } }],
    },
    preambles: [{ id: 'p1', by: 'questioners', heading: 'Vorbemerkung der Fragesteller', text: layout.preambles?.[0]?.text ?? '', position: sectionPosition('p1') }],
    questions: layout.questions.map((question) => ({ ...question, position: sectionPosition(question.id), subItems: [] })),
    answers: layout.answers.map((answer) => ({
      id: answer.id,
      questions: answer.questions,
      joint: answer.questions.length > 1 ? 'announced' : 'single',
      text: answer.text,
      position: sectionPosition(answer.id),
      references: (answer.references ?? []).map((reference) => ({ ...reference, position: at({ in: answer.id, text: reference.text }) })),
    })),
    entities: [
      { id: 'e1', key: 'person:volker-beck', type: 'Person', name: 'Volker Beck', aliases: [], mentions: [{ text: 'Volker Beck', in: 'p1', position: at({ in: 'p1', text: 'Volker\nBeck' }) }] },
      {
        id: 'e2',
        key: 'organization:islamische-gemeinschaft-der-schiitischen-gemeinden-in-deutschland',
        type: 'Organization',
        name: 'Islamische Gemeinschaft der schiitischen Gemeinden in Deutschland',
        aliases: ['IGS'],
        mentions: [
          mention({ in: 'p1', text: 'IGS' }),
          mention({ in: 'q1', text: 'IGS' }),
          mention({ in: 'q2', text: 'IGS' }),
          mention({ in: 'q3', text: 'IGS' }),
          mention({ in: 'a1', text: 'IGS' }),
        ],
      },
      { id: 'e3', key: 'place:hamburg', type: 'Place', name: 'Hamburg', aliases: [], mentions: [mention({ in: 'q2', text: 'Hamburg' })] },
      { id: 'e4', key: 'organization:bundesregierung', type: 'Organization', name: 'Bundesregierung', aliases: [], mentions: [mention({ in: 'q1', text: 'Bundesregierung' }), { text: 'Bundesregierung', in: 'meta', position: at({ in: 'q1', text: 'Bundesregierung' }) }] },
    ],
    amounts: [
      { text: '100 Euro', value: 100, currency: 'EUR', in: 'a1', position: at({ in: 'a1', text: '100 Euro' }) },
      { text: '100 Euro', value: 100, currency: 'EUR', in: 'a1', position: at({ in: 'a1', text: '100 Euro', occurrence: 1 }) },
      { text: '18 225 Euro', value: 18225, currency: 'EUR', in: 'a3', position: at({ in: 'a3', text: '18 225 Euro' }) },
    ],
    dates: [{ text: '2016', start: '2016', end: '2016', precision: 'year', in: 'a3', position: at({ in: 'a3', text: '2016' }) }],
    sources: [
      { kind: 'url', url: 'www.example.org/bericht', text: 'www.example.org/bericht', in: 'p1', position: at({ in: 'p1', text: 'www.example.org/bericht' }) },
      { kind: 'drucksache', number: '18/11009', text: 'Drucksache 18/11009', in: 'a3', position: at({ in: 'a3', text: 'Drucksache 18/11009' }) },
    ],
    tables: [],
    messages: [{ severity: 'warning', ruleId: 'unassigned-text', reason: 'Unexpected text outside any preamble, question or answer', text: 'Anlage 1' }],
  };
}

/** The value, which the test knows to be there. */
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing test data');
  return value;
}

/** How often `needle` occurs in `haystack`. */
function count(haystack: string, needle: string | RegExp): number {
  return typeof needle === 'string' ? haystack.split(needle).length - 1 : (haystack.match(new RegExp(needle.source, 'g')) ?? []).length;
}

/** The inner HTML of the text of a section. */
function sectionHtml(html: string, id: string): string {
  const match = new RegExp(`id="${id}"[^>]*>.*?<div class="text">(.*?)</div>`, 's').exec(html);
  if (!match?.[1] && match?.[1] !== '') throw new Error(`no section ${id}`);
  return match[1];
}

/** Undo markup: drop tags, resolve the references `escapeXml` writes. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('escapeXml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["it's", 'it&#39;s'],
    ['Bündnis 90', 'Bündnis 90'],
  ])('escapes %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('toHtml: page', () => {
  // Amounts are formatted with a no-break space before the currency sign; plain spaces read better here.
  const html = toHtml(sampleDocument(), 'sample').replace(/\u00a0/g, ' ');

  it('is a complete document in German with landmarks', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="de">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<header class="masthead">/);
    expect(html).toMatch(/<nav class="toc" aria-label="Inhalt">/);
    expect(html).toMatch(/<main id="main"/);
    expect(html).toContain('<title>Ausrichtung der schiitischen Verbände</title>');
  });

  it('loads nothing: no external script, style or image, and a policy that forbids it', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect(html).not.toMatch(/<img /);
    expect(html).toContain("default-src 'none'");
  });

  it('allows exactly its own inline style and script by hash', () => {
    const script = /<script>(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const style = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '';
    const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(html).toContain(`script-src ${hash(script)}`);
    expect(html).toContain(`style-src ${hash(style)}`);
  });

  it('links the answered Bundestag Drucksache to its official PDF', () => {
    expect(html).toContain('href="https://dserver.bundestag.de/btd/18/132/1813237.pdf"');
  });

  it('names askers, faction and date in the header', () => {
    expect(html).toContain('Volker Beck <span class="muted">(Köln)</span> und Katja Keul');
    expect(html).toContain('<dd>BÜNDNIS 90/DIE GRÜNEN</dd>');
    expect(html).toContain('<time datetime="2017-08-21">21.08.2017</time>');
  });

  it('shows every question once and every answer once, in printed order', () => {
    expect(count(html, /<article class="question" id="q\d+"/)).toBe(3);
    expect(count(html, /<article class="answer[^"]*" id="a\d+"/)).toBe(2);
    const order = [...html.matchAll(/<(?:article|section) class="(?:question|answer|preamble)[^"]*" id="(\w+)"/g)].map((match) => match[1]);
    expect(order).toEqual(['p1', 'q1', 'q2', 'q3', 'a1', 'a3']);
  });

  it('links each question of a joint answer to it, and the answer back to each question', () => {
    expect(count(html, '<p class="to-answer"><a href="#a1">')).toBe(2);
    expect(html).toContain('gemeinsam mit Frage 2');
    expect(html).toContain('gemeinsam mit Frage 1');
    expect(html).toMatch(/<h3 id="a1-h">Antwort zu Fragen <a href="#q1">1<\/a> und <a href="#q2">2<\/a> <span class="badge">gemeinsame Antwort<\/span><\/h3>/);
  });

  it('turns a reference into a link to the answer it names', () => {
    expect(sectionHtml(html, 'a3')).toContain('<a class="ref" href="#a1" title="Verweis: Antwort zu Fragen 1 und 2">Antwort zu Frage 1</a>');
  });

  it('links each number of a reference naming several questions', () => {
    const text = sectionHtml(html, 'a3');
    expect(text).toContain('Antworten zu den Fragen <a class="ref" href="#a1" title="Verweis: Antwort zu Fragen 1 und 2">1</a> und <a class="ref" href="#a1" title="Verweis: Antwort zu Fragen 1 und 2">2</a>');
  });

  it('marks an entity mention whose text breaks a line differently', () => {
    expect(sectionHtml(html, 'p1')).toContain('<mark class="hl ent t-Person" data-entity="e1" title="Person: Volker Beck" tabindex="0">Volker\nBeck</mark>');
  });

  it('marks repeated amounts on successive occurrences, with their value', () => {
    const text = sectionHtml(html, 'a1');
    expect(count(text, '<mark class="hl amt" title="Betrag: 100 €" tabindex="0">100 Euro</mark>')).toBe(2);
    expect(sectionHtml(html, 'a3')).toContain('<mark class="hl amt" title="Betrag: 18.225 €" tabindex="0">18 225 Euro</mark>');
  });

  it('marks dates and sources by type', () => {
    const text = sectionHtml(html, 'a3');
    expect(text).toContain('<mark class="hl date" title="Datum: 2016 (Jahr)" tabindex="0">2016</mark>');
    expect(text).toContain('<mark class="hl src s-drucksache" title="Quelle (Drucksache): 18/11009" tabindex="0">Drucksache 18/11009</mark>');
  });

  it('offers each entity as a button with the number of its marked mentions (header mentions not counted)', () => {
    expect(html).toMatch(/<button type="button" class="chip t-Organization" data-entity="e2" data-name="Islamische Gemeinschaft der schiitischen Gemeinden in Deutschland" data-count="5" aria-pressed="false"/);
    expect(html).toMatch(/data-entity="e4" data-name="Bundesregierung" data-count="1"/);
    expect(count(html, /<mark class="hl ent t-Organization" data-entity="e2"/)).toBe(5);
    expect(html).toContain('<p id="entity-status" role="status" aria-live="polite" data-count="0">');
  });

  it('sums the amounts of each answer', () => {
    expect(html).toContain('<a href="#a1">Antwort zu Fragen 1 und 2</a></th><td class="num">2</td><td class="num">200 €</td>');
    expect(html).toContain('<th scope="row">Summe aller Antworten</th><td class="num">3</td><td class="num">18.425 €</td>');
  });

  it('lists sources, linking web addresses and Bundestag Drucksachen', () => {
    expect(html).toContain('<a href="https://www.example.org/bericht" rel="external noopener">www.example.org/bericht</a>');
    expect(html).toContain('<a href="https://dserver.bundestag.de/btd/18/110/1811009.pdf" rel="external noopener">Drucksache 18/11009</a>');
  });

  it('lists messages and the text cut out of the flow', () => {
    expect(html).toContain('Unexpected text outside any preamble, question or answer <code>unassigned-text</code><blockquote>Anlage 1</blockquote>');
    expect(html).toContain('<span class="tag">Kopfzeile</span> <span class="muted">Zeile 40:1</span> <q>Drucksache 18/13400 – 2 – Deutscher Bundestag</q>');
  });

  it('draws the amounts chart, and says why there is no network', () => {
    expect(html).toContain('<svg class="chart"');
    expect(html).not.toContain('<svg class="network"');
    expect(html).toContain('Zu wenige Entitäten in gemeinsamen Antworten für ein Netz.');
  });

  it('is deterministic', () => {
    expect(toHtml(sampleDocument(), 'sample').replace(/\u00a0/g, ' ')).toBe(html);
  });
});

describe('toHtml: other parliaments and empty documents', () => {
  it('does not invent a PDF address outside the Bundestag', () => {
    const doc = sampleDocument();
    doc.meta.parliament = 'Niedersächsischer Landtag';
    doc.sources = [];
    expect(toHtml(doc, 'nds')).not.toContain('dserver.bundestag.de');
  });

  it('renders a document without questions, entities or amounts', () => {
    const doc = { ...sampleDocument(), preambles: [], questions: [], answers: [], entities: [], amounts: [], dates: [], sources: [], messages: [] };
    const html = toHtml(doc, 'empty');
    expect(html).toContain('Keine Entitäten erkannt.');
    expect(html).toContain('Keine Beträge genannt.');
    expect(html).not.toContain('<svg');
  });
});

describe('toHtml: marks nest where records cross', () => {
  it('cuts the lower-ranked mark and flags its continuation', () => {
    const doc = sampleDocument();
    const answer = doc.answers[1];
    if (!answer) throw new Error('no answer');
    // A source "Frage 1 wird" crossing the reference "Antwort zu Frage 1".
    const start = answer.position.start.offset + answer.text.indexOf('Frage 1 wird');
    doc.sources.push({ kind: 'law', text: 'Frage 1 wird', in: 'a3', position: { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: start + 12 } } });
    const text = sectionHtml(toHtml(doc, 'x'), 'a3');
    expect(text).toContain('<a class="ref" href="#a1" title="Verweis: Antwort zu Fragen 1 und 2">Antwort zu <mark class="hl src s-law" title="Quelle (Rechtsnorm): Frage 1 wird" tabindex="0">Frage 1</mark></a><mark class="hl src s-law" title="Quelle (Rechtsnorm): Frage 1 wird" data-cont> wird</mark>');
  });

  it('keeps the text of a section whatever records it carries (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '\n', '<', '&', '"', 'ü');
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 60 }).map((chars) => chars.join('')),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('entity', 'amount', 'date', 'source')), { maxLength: 12 }),
        (text, spans) => {
          const doc = sampleDocument();
          const base = 5000;
          const position = (start: number, end: number): Position => ({ start: { line: 1, column: 1, offset: base + start }, end: { line: 1, column: 1, offset: base + end } });
          doc.preambles = [];
          doc.questions = [{ id: 'q1', number: '1', text: 'Frage?', position: position(-100, -94), subItems: [] }];
          doc.answers = [{ id: 'a1', questions: ['1'], joint: 'single', text, position: position(0, text.length), references: [] }];
          doc.entities = [{ id: 'e1', key: 'other:x', type: 'Other', name: 'X', aliases: [], mentions: [] }];
          doc.amounts = [];
          doc.dates = [];
          doc.sources = [];
          for (const [a, b, kind] of spans) {
            const start = a % text.length;
            const end = start + 1 + (b % (text.length - start));
            const record = { text: text.slice(start, end), in: 'a1', position: position(start, end) };
            if (kind === 'entity') doc.entities[0]?.mentions.push(record);
            if (kind === 'amount') doc.amounts.push({ ...record, value: 1, currency: 'EUR' });
            if (kind === 'date') doc.dates.push({ ...record, start: '2020', end: '2020', precision: 'year' });
            if (kind === 'source') doc.sources.push({ ...record, kind: 'law' });
          }
          const inner = sectionHtml(toHtml(doc, 'p'), 'a1');
          expect(textOf(inner)).toBe(text);
          expect(inner).not.toMatch(/<(?!\/?(?:mark|a)\b)/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toHtml and toIndexHtml: untrusted input stays text', () => {
  const attack = '<script>alert(1)</script>';
  const quote = '" onmouseover="alert(2)';
  const doc = sampleDocument();
  doc.meta.title = `Titel ${attack}`;
  doc.meta.faction = `Fraktion ${quote}`;
  doc.meta.askers = [{ name: `Name ${attack}` }];
  doc.questions[0] = { ...must(doc.questions[0]), text: `${doc.questions[0]?.text ?? ''} ${attack}` };
  doc.entities[0] = { ...must(doc.entities[0]), name: `Entity ${quote}${attack}` };
  doc.sources.push({ kind: 'url', url: 'javascript:alert(3)', text: 'javascript:alert(3)', in: 'meta', position: must(doc.sources[0]).position });
  doc.messages.push({ severity: 'error', ruleId: attack, reason: attack, text: attack });
  doc.meta.furniture.push({ kind: attack, text: attack, position: must(doc.meta.furniture[0]).position });
  const stem = `x"><script>alert(4)</script>`;
  const pages = { document: toHtml(doc, stem), index: toIndexHtml([summaryOf(doc, stem)]) };

  it.each(Object.entries(pages))('%s page: one script element only, the attack escaped', (_, html) => {
    expect(count(html, '<script')).toBe(1);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(');
    expect(html).not.toContain('" onmouseover="');
  });

  it('never links a javascript: address', () => {
    expect(pages.document).not.toMatch(/href="javascript:/i);
    expect(pages.document).toContain('javascript:alert(3)');
  });

  it('encodes the stem in index links', () => {
    expect(pages.index).toContain(`href="${escapeXml(encodeURIComponent(stem))}.html"`);
  });
});

describe('summaryOf and toIndexHtml', () => {
  const summary = summaryOf(sampleDocument(), 'sample');

  it('keeps what the index shows', () => {
    expect(summary).toEqual({
      stem: 'sample',
      parliament: 'Deutscher Bundestag',
      number: null,
      answers: '18/13237',
      date: '2017-08-21',
      title: 'Ausrichtung der schiitischen Verbände',
      faction: 'BÜNDNIS 90/DIE GRÜNEN',
      questions: 3,
      amounts: 3,
      amountsTotal: [{ currency: 'EUR', value: 18425 }],
      topEntities: [
        { name: 'Islamische Gemeinschaft der schiitischen Gemeinden in Deutschland', type: 'Organization', mentions: 5 },
        { name: 'Bundesregierung', type: 'Organization', mentions: 2 },
        { name: 'Volker Beck', type: 'Person', mentions: 1 },
        { name: 'Hamburg', type: 'Place', mentions: 1 },
      ],
    });
  });

  it('is small enough to keep for a large corpus', () => {
    expect(JSON.stringify(summary).length).toBeLessThan(1000);
  });

  const other = { ...summary, stem: 'other', number: '21/375', faction: 'AfD', questions: 8, amountsTotal: [], amounts: 0, title: 'Lobbyarbeit' };
  const html = toIndexHtml([summary, other]);

  it('has one linked row per document, sort keys and a faction filter', () => {
    expect(count(html, /<tr role="row" data-faction=/)).toBe(2);
    expect(html).toContain('<a href="sample.html">Ausrichtung der schiitischen Verbände</a>');
    expect(html).toContain('<a href="other.html">Lobbyarbeit</a>');
    expect(html).toContain('data-sort="018/013237"');
    expect(html).toContain('data-sort="021/000375"');
    expect(html).toContain('<option value="AfD">AfD</option><option value="BÜNDNIS 90/DIE GRÜNEN">BÜNDNIS 90/DIE GRÜNEN</option>');
    expect(count(html, /<button type="button" class="sort"/)).toBe(7);
    expect(html).toContain('<p id="shown" role="status" aria-live="polite">2 von 2 Dokumenten</p>');
  });

  it('renders an empty corpus', () => {
    expect(toIndexHtml([])).toContain('0 Dokumente');
  });
});

describe('network and chart', () => {
  it('seededRandom repeats for a seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  const network = cooccurrence(sampleDocument());

  it('links entities named in the same answers, weighted by how many', () => {
    // In the sample each answer names one entity at most, so nothing is linked.
    expect(network.nodes).toEqual([]);
    const doc = sampleDocument();
    const a1 = doc.answers[0];
    const a3 = doc.answers[1];
    if (!a1 || !a3) throw new Error('no answers');
    doc.entities[2]?.mentions.push({ text: 'Hamburg', in: 'a1', position: a1.position }, { text: 'Hamburg', in: 'a3', position: a3.position });
    doc.entities[1]?.mentions.push({ text: 'IGS', in: 'a3', position: a3.position });
    doc.entities[3]?.mentions.push({ text: 'Bundesregierung', in: 'a3', position: a3.position });
    const linked = cooccurrence(doc);
    const svg = networkSvg(doc);
    expect(count(svg, '<g class="node"')).toBe(3);
    expect(count(svg, '<line ')).toBe(3);
    expect(svg).toContain('<desc id="network-desc">3 Entitäten, 3 Verbindungen.');
    expect(linked.nodes.map((node) => [node.name, node.answers])).toEqual([
      ['Islamische Gemeinschaft der schiitischen Gemeinden in Deutschland', 2],
      ['Hamburg', 2],
      ['Bundesregierung', 1],
    ]);
    expect(linked.edges).toEqual([
      { source: 0, target: 1, weight: 2 },
      { source: 0, target: 2, weight: 1 },
      { source: 1, target: 2, weight: 1 },
    ]);
  });

  it('lays out deterministically, inside the area, and differently for another seed', () => {
    const ring = {
      nodes: Array.from({ length: 8 }, (_, i) => ({ id: `e${i}`, name: `N${i}`, type: 'Other' as const, answers: 1 })),
      edges: Array.from({ length: 8 }, (_, i) => ({ source: Math.min(i, (i + 1) % 8), target: Math.max(i, (i + 1) % 8), weight: 1 })),
    };
    const one = layoutNetwork(ring, { width: 300, height: 200, seed: 5 });
    expect(layoutNetwork(ring, { width: 300, height: 200, seed: 5 })).toEqual(one);
    expect(layoutNetwork(ring, { width: 300, height: 200, seed: 6 })).not.toEqual(one);
    for (const point of one) {
      expect(point.x).toBeGreaterThanOrEqual(-1e-9);
      expect(point.x).toBeLessThanOrEqual(300 + 1e-9);
      expect(point.y).toBeGreaterThanOrEqual(-1e-9);
      expect(point.y).toBeLessThanOrEqual(200 + 1e-9);
    }
    // Neighbours on the ring end up closer than the average pair.
    const distance = (a: number, b: number): number => Math.hypot((one[a]?.x ?? 0) - (one[b]?.x ?? 0), (one[a]?.y ?? 0) - (one[b]?.y ?? 0));
    const neighbours = ring.edges.reduce((sum, edge) => sum + distance(edge.source, edge.target), 0) / ring.edges.length;
    let all = 0;
    for (let a = 0; a < 8; a += 1) for (let b = a + 1; b < 8; b += 1) all += distance(a, b);
    expect(neighbours).toBeLessThan(all / 28);
  });

  it('draws nothing without links or amounts', () => {
    const doc = { ...sampleDocument(), amounts: [] };
    expect(networkSvg(doc)).toBe('');
    expect(amountsChartSvg(doc)).toBe('');
  });

  it('adds up the amounts per answer and currency', () => {
    const doc = sampleDocument();
    doc.amounts.push({ text: '5 US-Dollar', value: 5, currency: 'USD', in: 'a1', position: must(doc.amounts[0]).position });
    expect(amountsPerAnswer(doc)).toEqual([
      { answer: 'a1', questions: ['1', '2'], currency: 'EUR', total: 200, count: 2 },
      { answer: 'a1', questions: ['1', '2'], currency: 'USD', total: 5, count: 1 },
      { answer: 'a3', questions: ['3'], currency: 'EUR', total: 18225, count: 1 },
    ]);
    const svg = amountsChartSvg(doc);
    expect(count(svg, '<g class="bar">')).toBe(3);
    expect(svg).toContain('role="img"');
  });

  it.each([
    [['3'], 'Antwort zu Frage 3'],
    [['4', '6'], 'Antwort zu Fragen 4 und 6'],
    [['11', '12', '13'], 'Antwort zu Fragen 11, 12 und 13'],
  ])('names the answer to %j', (questions, label) => {
    expect(answerLabel(questions)).toBe(label);
  });

  it.each([
    [18225, 'EUR', '18.225 €'],
    [99.96, 'EUR', '99,96 €'],
    [1_600_000_000, 'EUR', '1.600.000.000 €'],
    [5, 'XX', '5 XX'],
  ])('formats %d %s', (value, currency, expected) => {
    expect(formatMoney(value, currency).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

describe('toHtml on the development corpus', () => {
  const input = new URL('../input/', import.meta.url).pathname;
  const files = readdirSync(input).filter((name) => /\.(md|txt)$/.test(name)).sort();

  it.each(files)('%s: every question, answer and mention is on the page', (name) => {
    const path = join(input, name);
    const { document } = extract(readFileSync(path), { path });
    const html = toHtml(document, name.replace(/\.(md|txt)$/, ''));
    expect(count(html, /<article class="question" id=/)).toBe(document.questions.length);
    expect(count(html, /<article class="answer[^"]*" id=/)).toBe(document.answers.length);
    for (const entity of document.entities) {
      const expected = entity.mentions.filter((mention) => mention.in !== 'meta').length;
      expect(html, entity.name).toContain(`data-entity="${entity.id}" data-name="${escapeXml(entity.name)}" data-count="${expected}"`);
    }
    expect(count(html, /<mark class="hl amt" title="[^"]*" tabindex="0">/)).toBe(document.amounts.filter((amount) => amount.in !== 'meta').length);
    expect(count(html, /<mark class="hl date" title="[^"]*" tabindex="0">/)).toBe(document.dates.filter((date) => date.in !== 'meta').length);
    expect(count(html, /<mark class="hl src s-\w+" title="[^"]*" tabindex="0">/)).toBe(document.sources.filter((source) => source.in !== 'meta').length);
  });
});
