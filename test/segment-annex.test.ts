/**
 * Annexes after the imprint leave the answer they ran on in and become a message with their text:
 * the fixture `annex-after-imprint` (a paper whose annex table follows its imprint), a paper without
 * an imprint, and the positions of what moved.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const dir = new URL('fixtures/annex-after-imprint/', import.meta.url).pathname;

interface Expected {
  annex: { answer: string; answerTextEndsWith: string; textStartsWith: string; textEndsWith: string; startLine: number };
}

describe('annex-after-imprint', () => {
  const value = readFileSync(`${dir}input.txt`, 'utf8');
  const { document } = extract(value, { path: 'input.txt' });
  const { annex } = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Expected;
  const answer = document.answers.find((candidate) => candidate.id === annex.answer);
  const moved = document.messages.filter((message) => message.ruleId === 'annex-after-imprint');
  const imprint = document.meta.furniture.filter((piece) => piece.kind === 'imprint');

  it('ends the answer before the imprint', () => {
    expect(answer?.text.endsWith(annex.answerTextEndsWith), answer?.text).toBe(true);
    expect(answer?.position.end.offset).toBeLessThanOrEqual(imprint[0]?.position.start.offset ?? 0);
    expect(value.slice(answer?.position.start.offset, answer?.position.end.offset).trimEnd().endsWith('abrufbar.')).toBe(true);
  });

  it('keeps the annex in one info message with its text and position', () => {
    expect(moved).toHaveLength(1);
    const message = moved[0];
    expect(message?.severity).toBe('info');
    expect(message?.text?.startsWith(annex.textStartsWith), message?.text).toBe(true);
    expect(message?.text?.endsWith(annex.textEndsWith), message?.text).toBe(true);
    expect(message?.position?.start.line).toBe(annex.startLine);
    expect(message?.position?.start.offset).toBeGreaterThanOrEqual(imprint.at(-1)?.position.end.offset ?? Infinity);
    expect(value.slice(message?.position?.start.offset, message?.position?.end.offset).startsWith('Anlage 1 zu Antwort')).toBe(true);
    expect(message?.reason).toContain(`\`${message?.text?.length ?? 0}\` characters`);
  });

  it('still reads the records inside the annex, as records of the answer', () => {
    const from = message(document)?.position?.start.offset ?? Infinity;
    const inside = [...document.entities.flatMap((entity) => entity.mentions), ...document.dates, ...document.amounts].filter((record) => record.position.start.offset >= from);
    expect(inside.length).toBeGreaterThan(0);
    expect(new Set(inside.map((record) => record.in))).toEqual(new Set([annex.answer]));
  });
});

/** The annex message of a document. */
function message(document: ReturnType<typeof extract>['document']) {
  return document.messages.find((candidate) => candidate.ruleId === 'annex-after-imprint');
}

describe('papers without an annex after the imprint', () => {
  it('leaves the answers of a paper that ends with its imprint as they are', () => {
    const value = readFileSync(new URL('../input/bt21-0839.txt', import.meta.url), 'utf8');
    const { document } = extract(value, { path: 'bt21-0839.txt' });
    expect(document.messages.some((candidate) => candidate.ruleId === 'annex-after-imprint')).toBe(false);
  });

  it('moves nothing from a paper with text after a line taken for the imprint but an answer before it', () => {
    const text = [
      'Deutscher Bundestag Drucksache 21/1',
      '21. Wahlperiode 01.07.2025',
      'Antwort',
      'der Bundesregierung',
      '1. Wie viele?',
      'Es sind drei.',
      'Gesamtherstellung: H. Heenemann GmbH & Co. KG, Buch- und Offsetdruckerei, Bessemerstraße 83–91, 12103 Berlin, www.heenemann-druck.de',
      'Vertrieb: Bundesanzeiger Verlag GmbH, Postfach 10 05 34, 50445 Köln, Telefon (02 21) 97 66 83 40, Fax (02 21) 97 66 83 44, www.bundesanzeiger-verlag.de',
      'ISSN 0722-8333',
      '',
    ].join('\n');
    const { document } = extract(text, { path: 'x.txt' });
    expect(document.answers.at(-1)?.text).toBe('Es sind drei.');
    expect(document.messages.some((candidate) => candidate.ruleId === 'annex-after-imprint')).toBe(false);
  });
});
