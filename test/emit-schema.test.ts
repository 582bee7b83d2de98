import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { toJson, toNdjsonLine } from '../src/emit/json.js';
import { jsonSchema, jsonSchemaText, schemaId } from '../src/emit/schema.js';
import type { DrucksacheDocument } from '../src/model.js';
import { onFirstLine } from './support/meta.js';

const at = onFirstLine;

/** A small document that uses every record kind and every optional field. */
function sampleDocument(): DrucksacheDocument {
  return {
    schemaVersion: '1',
    source: { path: 'input/x.md', sha256: 'a'.repeat(64), format: 'markdown' },
    meta: {
      parliament: 'Deutscher Bundestag',
      legislativePeriod: 18,
      drucksache: '18/13400',
      date: '2017-08-21',
      type: 'Antwort',
      respondent: 'Bundesregierung',
      respondingBody: null,
      answersDrucksache: '18/13237',
      title: 'Ausrichtung der schiitischen Verbände',
      askers: [{ name: 'Volker Beck', constituency: 'Köln' }, { name: 'Katja Keul' }, { name: 'Anna Muster', title: 'Dr.', faction: 'GRÜNE' }],
      faction: 'BÜNDNIS 90/DIE GRÜNEN',
      header: null,
      furniture: [{ kind: 'pageNumber', text: '2', position: at(900, 901) }],
    },
    preambles: [{ id: 'p1', by: 'questioners', heading: 'Vorbemerkung der Fragesteller', text: 'Die IGS …', position: at(10, 20) }],
    questions: [
      { id: 'q1', number: '1', text: 'Welche Erkenntnisse …', position: at(30, 50), subItems: [{ label: 'a', text: 'seit wann?', position: at(40, 50) }] },
      { id: 'q2', number: '2', text: 'Wie viele …', position: at(60, 70), subItems: [] },
    ],
    answers: [
      {
        id: 'a1',
        questions: ['1', '2'],
        joint: 'announced',
        text: 'Die Fragen 1 und 2 werden gemeinsam beantwortet.',
        position: at(80, 120),
        references: [{ question: '2', text: 'Antwort zu Frage 2', position: at(100, 118) }],
      },
    ],
    entities: [
      {
        id: 'e1',
        key: 'organization:islamische-gemeinschaft-der-schiitischen-gemeinden-in-deutschland',
        type: 'Organization',
        name: 'Islamische Gemeinschaft der schiitischen Gemeinden in Deutschland',
        aliases: ['IGS'],
        mentions: [{ text: 'IGS', in: 'p1', position: at(14, 17) }],
      },
    ],
    amounts: [
      { text: 'rund 18 225 Euro', value: 18225, currency: 'EUR', qualifier: 'rund', in: 'a1', position: at(121, 137) },
      { text: 'zwischen 1 und 2 Mio. Euro', value: 1_000_000, upper: 2_000_000, currency: 'EUR', table: false, in: 'a1', position: at(140, 166) },
    ],
    dates: [{ text: '2015', start: '2015', end: '2015', precision: 'year', in: 'a1', position: at(170, 174) }],
    sources: [
      { kind: 'url', url: 'http://www.taz.de/!5164771/', text: 'http://www.taz.de/!5164771/', in: 'p1', position: at(20, 28) },
      { kind: 'publication', title: 'Verfassungsschutzbericht 2016', pages: ['54'], text: 'Verfassungsschutzbericht 2016, S. 54', in: 'a1', position: at(180, 200) },
    ],
    tables: [],
    messages: [{ severity: 'warning', ruleId: 'unassigned-text', reason: 'Unexpected text, expected a section', text: 'x' }],
  };
}

/** A validator for the published schema. */
function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(jsonSchema());
}

describe('jsonSchema', () => {
  it('equals the committed schema/drucksache.schema.json (regenerate with pipeline/write-schema.ts)', async () => {
    const committed = await readFile(new URL('../schema/drucksache.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(jsonSchemaText());
  });

  it('is a draft 2020-12 schema with an id and a title', () => {
    const schema = jsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(schemaId);
    expect(schema.title).toBe('Drucksache');
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(schema.required).toEqual(['schemaVersion', 'source', 'meta', 'preambles', 'questions', 'answers', 'entities', 'amounts', 'dates', 'sources', 'tables', 'messages']);
  });

  it('accepts a valid document', () => {
    const validate = validator();
    expect(validate(sampleDocument()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the serialised document read back', () => {
    const validate = validator();
    const parsed: unknown = JSON.parse(toJson(sampleDocument()));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  });

  // Each case breaks one thing; the schema must name the place.
  const broken: Array<[string, (doc: DrucksacheDocument) => void, string, string]> = [
    ['a record without position', (doc) => Reflect.deleteProperty(doc.answers[0] ?? {}, 'position'), '/answers/0', 'required'],
    ['an unknown entity type', (doc) => Reflect.set(doc.entities[0] ?? {}, 'type', 'Company'), '/entities/0/type', 'enum'],
    ['an amount value as text', (doc) => Reflect.set(doc.amounts[0] ?? {}, 'value', '18225'), '/amounts/0/value', 'type'],
    ['a field the model lacks', (doc) => Reflect.set(doc.questions[0] ?? {}, 'page', 3), '/questions/0', 'additionalProperties'],
    ['another format version', (doc) => Reflect.set(doc, 'schemaVersion', '2'), '/schemaVersion', 'const'],
    ['a column of 0', (doc) => Reflect.set(doc.questions[1]?.position.start ?? {}, 'column', 0), '/questions/1/position/start/column', 'minimum'],
    ['a fractional line', (doc) => Reflect.set(doc.questions[1]?.position.end ?? {}, 'line', 1.5), '/questions/1/position/end/line', 'type'],
    ['a missing meta field', (doc) => Reflect.deleteProperty(doc.meta, 'title'), '/meta', 'required'],
    ['null where a list belongs', (doc) => Reflect.set(doc, 'sources', null), '/sources', 'type'],
  ];
  it.each(broken)('rejects %s', (_, breakIt, instancePath, keyword) => {
    const validate = validator();
    const doc = sampleDocument();
    breakIt(doc);
    expect(validate(doc)).toBe(false);
    expect(validate.errors?.map((error) => [error.instancePath, error.keyword])).toContainEqual([instancePath, keyword]);
  });
});

describe('toJson', () => {
  it('writes keys in schema order whatever order they were built in', () => {
    const doc = sampleDocument();
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as DrucksacheDocument;
    const amount = doc.amounts[0];
    if (amount === undefined) throw new Error('fixture lacks an amount');
    reordered.amounts = [{ position: amount.position, in: amount.in, currency: amount.currency, value: amount.value, text: amount.text }];
    const output = toJson(reordered);
    expect(output.indexOf('"schemaVersion"')).toBeLessThan(output.indexOf('"source"'));
    expect(output.indexOf('"dates"')).toBeLessThan(output.indexOf('"sources"'));
    expect(output).toContain(
      '"amounts": [\n    {\n      "text": "rund 18 225 Euro",\n      "value": 18225,\n      "currency": "EUR",\n      "in": "a1",',
    );
  });

  it('is deterministic, indented by two spaces and ends in a line feed', () => {
    const output = toJson(sampleDocument());
    expect(output).toBe(toJson(sampleDocument()));
    expect(output.startsWith('{\n  "schemaVersion": "1",\n  "source": {\n    "path": "input/x.md",')).toBe(true);
    expect(output.endsWith('}\n')).toBe(true);
    expect(JSON.parse(output)).toEqual(sampleDocument());
  });

  it('leaves out optional fields that are undefined', () => {
    const doc = sampleDocument();
    const amount = doc.amounts[0];
    if (amount === undefined) throw new Error('fixture lacks an amount');
    Reflect.set(amount, 'qualifier', undefined);
    expect(toJson(doc)).not.toContain('qualifier');
  });

  it('refuses a field the model lacks, naming where it is', () => {
    const doc = sampleDocument();
    Reflect.set(doc.answers[0] ?? {}, 'confidence', 0.9);
    expect(() => toJson(doc)).toThrow(/`answers\[0\]\.confidence`/);
  });

  it('refuses a document that does not match the schema', () => {
    const doc = sampleDocument();
    Reflect.set(doc.amounts[0] ?? {}, 'value', Number.NaN);
    expect(() => toJson(doc)).toThrow(/expected a finite number\n {2}→ at amounts\[0\]\.value/);
  });
});

describe('toNdjsonLine', () => {
  it('writes one line, line breaks in text escaped', () => {
    const doc = sampleDocument();
    const answer = doc.answers[0];
    if (answer === undefined) throw new Error('fixture lacks an answer');
    answer.text = 'Erster Absatz.\nZweiter Absatz.';
    const line = toNdjsonLine(doc);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(doc);
    expect(line.startsWith('{"schemaVersion":"1","source":')).toBe(true);
  });
});
