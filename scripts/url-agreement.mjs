// @ts-check
/**
 * Hold the web addresses rebuilt from the answers against those rebuilt from the papers they answer.
 *
 * An answer to a Kleine Anfrage reprints the paper's preamble and questions, but the printer breaks
 * its lines at other places: an address that comes out the same from both was rebuilt across its
 * line breaks twice, independently. Reads two output directories of `drucksache extract … --format
 * json` (the answers, and the papers), pairs every answer with its paper by `meta.answersDrucksache`,
 * and counts the addresses of the reprinted sections (questions, the askers' preamble) that both
 * sides agree on. The addresses a side has alone are the disagreements: one side (or both) rebuilt
 * that address wrong, or a section boundary differs. `--list` prints each with the nearest address
 * of the other side.
 *
 * Usage: node scripts/url-agreement.mjs ANSWERS_OUT PAPERS_OUT [--list] [--json]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import console from 'node:console';

/** The scheme of an address, which the papers print or leave out as they like: `https://`. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A Drucksache number: `21/162`. */
const NUMBER = /^(\d{1,2})\/(\d{1,5})$/;

/**
 * An address without its scheme, as the comparison sees it.
 *
 * @param {string} url The address.
 * @returns {string} The key.
 */
function key(url) {
  return url.replace(SCHEME, '');
}

/**
 * Read the JSON output of one document.
 *
 * @param {string} path The file.
 * @returns {any} The document.
 */
function read(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * The addresses of a document's sections that a paper prints and its answer reprints.
 *
 * @param {any} doc A document's output.
 * @returns {Set<string>} The addresses, without scheme.
 */
function reprintedUrls(doc) {
  const askers = new Set(doc.preambles.filter((p) => p.by === 'questioners').map((p) => p.id));
  const urls = new Set();
  for (const source of doc.sources) {
    if (source.kind !== 'url') continue;
    if (source.in.startsWith('q') || askers.has(source.in)) urls.add(key(source.url));
  }
  return urls;
}

/**
 * An address without hyphens, to see disagreements that only the renderings' hyphens make.
 *
 * @param {string} url The address.
 * @returns {string} The address without `-`.
 */
function withoutHyphens(url) {
  return url.replaceAll('-', '');
}

/**
 * The length of the common prefix of two strings.
 *
 * @param {string} a One.
 * @param {string} b The other.
 * @returns {number} Characters in common from the start.
 */
function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The address of a set nearest to another (longest common prefix), to show a disagreement.
 *
 * @param {string} url The address.
 * @param {Set<string>} others The other side.
 * @returns {string} The nearest, or an empty string.
 */
function nearest(url, others) {
  let best = '';
  let length = 0;
  for (const other of others) {
    const common = commonPrefix(url, other);
    if (common > length) {
      best = other;
      length = common;
    }
  }
  return length >= 8 ? best : '';
}

const [answersDir, papersDir, ...flags] = process.argv.slice(2);
if (!answersDir || !papersDir) {
  console.error('usage: node scripts/url-agreement.mjs ANSWERS_OUT PAPERS_OUT [--list] [--json]');
  process.exit(2);
}
const list = flags.includes('--list');
const asJson = flags.includes('--json');

let pairs = 0;
let agreed = 0;
let answerOnly = 0;
let paperOnly = 0;
/** Disagreements that differ only by hyphens: the renderings themselves drop some at line ends. */
let hyphensApart = 0;
/** @type {Array<{answer: string, paper: string, side: string, url: string, nearest: string}>} */
const disagreements = [];
for (const name of readdirSync(join(answersDir, 'json')).sort()) {
  if (!name.endsWith('.json')) continue;
  const answer = read(join(answersDir, 'json', name));
  const number = NUMBER.exec(answer.meta?.answersDrucksache ?? '');
  if (!number || answer.meta.parliament !== 'Deutscher Bundestag') continue;
  const stem = `bt${number[1]}-${number[2].padStart(4, '0')}`;
  const paperPath = join(papersDir, 'json', `${stem}.json`);
  if (!existsSync(paperPath)) continue;
  const paper = read(paperPath);
  const fromAnswer = reprintedUrls(answer);
  const fromPaper = reprintedUrls(paper);
  if (fromAnswer.size === 0 && fromPaper.size === 0) continue;
  pairs++;
  for (const url of fromAnswer) {
    if (fromPaper.has(url)) agreed++;
    else {
      answerOnly++;
      disagreements.push({ answer: name.replace('.json', ''), paper: stem, side: 'answer', url, nearest: nearest(url, fromPaper) });
    }
  }
  for (const url of fromPaper) {
    if (fromAnswer.has(url)) continue;
    paperOnly++;
    disagreements.push({ answer: name.replace('.json', ''), paper: stem, side: 'paper', url, nearest: nearest(url, fromAnswer) });
  }
  const answerOnlyKeys = new Set([...fromAnswer].filter((url) => !fromPaper.has(url)).map(withoutHyphens));
  for (const url of fromPaper) if (!fromAnswer.has(url) && answerOnlyKeys.has(withoutHyphens(url))) hyphensApart++;
}
const total = agreed + answerOnly + paperOnly;
// A pair that differs by hyphens only counts once, as agreeing.
const apartTotal = total - hyphensApart;
const summary = {
  pairs,
  agreed,
  answerOnly,
  paperOnly,
  hyphensApart,
  agreement: total ? Number((agreed / total).toFixed(3)) : 1,
  agreementUpToHyphens: apartTotal ? Number(((agreed + hyphensApart) / apartTotal).toFixed(3)) : 1,
};
if (asJson) {
  console.log(JSON.stringify({ ...summary, disagreements }, undefined, 2));
} else {
  console.log(`${pairs} answer/paper pairs with addresses: ${agreed} agree, ${answerOnly} only in the answer, ${paperOnly} only in the paper (agreement ${summary.agreement})`);
  console.log(`${hyphensApart} of the disagreeing pairs differ only by hyphens the renderings printed or dropped at line ends (agreement up to them ${summary.agreementUpToHyphens})`);
  if (list) {
    for (const d of disagreements) console.log(`${d.answer} (${d.paper}) ${d.side} only: ${d.url}${d.nearest ? `\n    nearest: ${d.nearest}` : ''}`);
  }
}
