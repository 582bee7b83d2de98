/**
 * The link between an answer and the paper it answers: the pre-scan of heads, the comparison of
 * reprinted questions, and a batch where the paper comes before or after its answer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparable, readHead, reprintMessages, scanBatch } from '../pipeline/link.js';
import { extract } from '../src/index.js';

const root = new URL('..', import.meta.url).pathname;
const answerText = readFileSync(join(root, 'input/bt21-1344.txt'), 'utf8');
const paperText = readFileSync(join(root, 'input/bt21-1130.txt'), 'utf8');

describe('readHead', () => {
  it.each([
    ['an answer', answerText, { kind: 'answer', own: '21/1344', answers: '21/1130' }],
    ['a Kleine Anfrage', paperText, { kind: 'question-paper', own: '21/1130', answers: null }],
    ['a collection', 'Deutscher Bundestag Drucksache 21/119\n21. Wahlperiode 09.05.2025\nSchriftliche Fragen\n', { kind: 'written-questions', own: '21/119', answers: null }],
    ['a text without head', 'Die Bundesregierung antwortet.\n', { kind: 'unknown', own: null, answers: null }],
  ])('reads %s', (_, text, head) => expect(readHead(text)).toEqual(head));
});

describe('comparable', () => {
  it.each([
    ['Wie viele Bürg-\nschaften?', 'Wie viele Bürgschaften?', true],
    ['„Bund-Länder“ – gemeinsam?', '"Bund-Länder" - gemeinsam?', true],
    ['Wie viele Bürgschaften?', 'Wie viele Garantien?', false],
  ])('%j and %j compare equal: %s', (a, b, same) => expect(comparable({ text: a }) === comparable({ text: b })).toBe(same));
});

describe('reprintMessages', () => {
  const { document } = extract(answerText, { path: 'bt21-1344.txt' });
  it('is silent where the answer reprints the paper', () => {
    expect(reprintMessages(document, document.questions, 'bt21-1130')).toEqual([]);
  });
  it('names the question worded otherwise, with both texts', () => {
    const paper = document.questions.map((q) => (q.number === '2' ? { ...q, text: 'Eine andere Frage?' } : q));
    const messages = reprintMessages(document, paper, 'bt21-1130');
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['question-reprinted-differently', 'info']]);
    expect(messages[0]?.reason).toContain('`2`');
    expect(messages[0]?.text).toContain('paper: Eine andere Frage?');
    expect(messages[0]?.position).toEqual(document.questions.find((q) => q.number === '2')?.position);
  });
});

describe('scanBatch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drucksache-link-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const answerPath = join(dir, 'answer.txt');
  const paperPath = join(dir, 'paper.txt');
  writeFileSync(answerPath, answerText);
  // The paper as filed, one question reworded.
  writeFileSync(paperPath, paperText.replace(/(\n\s*2\.\s+)\S+/u, '$1Ganz'));
  const inputs = [
    { path: answerPath, stem: 'answer' },
    { path: paperPath, stem: 'paper' },
  ];

  it.each([
    ['after', inputs],
    ['before', [...inputs].reverse()],
  ])('links an answer whose paper comes %s it', async (_, order) => {
    const linker = await scanBatch(order);
    const answer = extract(answerText, { path: answerPath }).document;
    const paper = extract(readFileSync(paperPath, 'utf8'), { path: paperPath }).document;
    for (const input of order) await linker.link(input.stem === 'answer' ? answer : paper, input.stem);
    expect(answer.meta.answersPaper).toBe('paper');
    expect(paper.meta.answersPaper).toBeUndefined();
    expect(answer.messages.filter((m) => m.ruleId === 'question-reprinted-differently').map((m) => m.reason)).toEqual([
      'Unexpected wording of question `2` in the answer, expected the wording of the paper `paper`',
    ]);
  });

  it('leaves an answer alone whose paper is not in the batch', async () => {
    const linker = await scanBatch([inputs[0] ?? { path: answerPath, stem: 'answer' }]);
    const answer = extract(answerText, { path: answerPath }).document;
    await linker.link(answer, 'answer');
    expect(answer.meta.answersPaper).toBeUndefined();
  });
});
