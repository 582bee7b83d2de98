/**
 * The HTML report in a real browser (system Chromium, headless): every corpus page loads without
 * errors or requests to elsewhere, shows every question and answer, lets references and entity
 * buttons do what they say, fits a phone screen and keeps text contrast; the index sorts and filters;
 * untrusted text never runs. Screenshots go to `test/.tmp/screenshots/`, and one to `docs/` for the
 * README.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryOf, toHtml, toIndexHtml } from '../../src/emit/html/index.js';
import { extract } from '../../src/index.js';
import type { DrucksacheDocument } from '../../src/model.js';

const root = new URL('../../', import.meta.url).pathname;
const inputDir = join(root, 'input');
/** The generated pages: a fresh folder per run, so that runs side by side do not disturb each other. */
let siteDir = '';
const shotDir = join(root, 'test/.tmp/screenshots');
const readmeShots = { top: join(root, 'docs/screenshot-document.png'), highlights: join(root, 'docs/screenshot-highlights.png') };
/** The document shown in the README screenshot. */
const readmeStem = 'bt21-1344';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const documents = new Map<string, DrucksacheDocument>();
let server: Server;
let origin = '';
let profile = '';
let context: BrowserContext;

/** A document whose text tries to run script. */
function hostileDocument(base: DrucksacheDocument): DrucksacheDocument {
  const attack = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">';
  const doc = structuredClone(base);
  doc.meta.title = `Angriff ${attack}`;
  doc.meta.faction = `"><script>window.__pwned = 3</script>`;
  const question = doc.questions[0];
  if (question) question.text = `${question.text} ${attack}`;
  const entity = doc.entities[0];
  if (entity) entity.name = `${entity.name} ${attack}`;
  doc.sources.push({ kind: 'url', url: 'javascript:window.__pwned=4', text: 'javascript:window.__pwned=4', in: 'meta', position: doc.answers[0]?.position ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } });
  doc.messages.push({ severity: 'error', ruleId: 'x', reason: attack, text: attack });
  return doc;
}

beforeAll(async () => {
  mkdirSync(shotDir, { recursive: true });
  siteDir = mkdtempSync(join(root, 'test/.tmp/report-'));
  const summaries = [];
  for (const name of readdirSync(inputDir).filter((file) => /\.(md|txt)$/.test(file)).sort()) {
    const stem = name.replace(/\.(md|txt)$/, '');
    const path = join(inputDir, name);
    const { document } = extract(readFileSync(path), { path: `input/${name}` });
    documents.set(stem, document);
    writeFileSync(join(siteDir, `${stem}.html`), toHtml(document, stem));
    summaries.push(summaryOf(document, stem));
  }
  writeFileSync(join(siteDir, 'index.html'), toIndexHtml(summaries));
  const first = documents.values().next().value;
  if (first) writeFileSync(join(siteDir, 'hostile.html'), toHtml(hostileDocument(first), 'hostile'));

  // A static server on the loopback interface for the generated pages only.
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(/^\/+/, '');
    try {
      const body = readFileSync(join(siteDir, path));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  profile = mkdtempSync(join(tmpdir(), 'drucksache-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1200, height: 900 },
    reducedMotion: 'reduce',
  });
});

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
});

/** A page with its console errors, page errors and requests to anywhere but the test server. */
async function open(path: string): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
  return { page, errors, foreign };
}

/** Whether an element is inside the viewport (at least partly). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
  });
}

const stems = readdirSync(inputDir)
  .filter((file) => /\.(md|txt)$/.test(file))
  .map((file) => file.replace(/\.(md|txt)$/, ''))
  .sort();

describe.each(stems)('document page %s', (stem) => {
  it('loads without errors and requests nothing from elsewhere', async () => {
    const { page, errors, foreign } = await open(`${stem}.html`);
    await page.screenshot({ path: join(shotDir, `${stem}.png`) });
    await page.screenshot({ path: join(shotDir, `${stem}-full.png`), fullPage: true });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('has landmarks and shows every question and answer of the model', async () => {
    const doc = documents.get(stem);
    if (!doc) throw new Error(`no document ${stem}`);
    const { page } = await open(`${stem}.html`);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Inhalt' }).count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe(doc.meta.title);
    expect(await page.locator('article.question').count()).toBe(doc.questions.length);
    expect(await page.locator('article.answer').count()).toBe(doc.answers.length);
    expect(await page.locator('section.preamble').count()).toBe(doc.preambles.length);
    for (const question of doc.questions) expect(await page.locator(`article.question[id="${question.id}"]`).count()).toBe(1);
    for (const answer of doc.answers) expect(await page.locator(`article.answer[id="${answer.id}"]`).count()).toBe(1);
    // The first thing the keyboard reaches is the link that skips to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
    await page.close();
  });

  it('lands on the answer a question or a reference links to', async () => {
    const doc = documents.get(stem);
    if (!doc) throw new Error(`no document ${stem}`);
    const { page } = await open(`${stem}.html`);
    // A question paper has no answers to land on.
    expect(await page.locator('p.to-answer a').count() > 0).toBe(doc.answers.length > 0);
    if (doc.answers.length > 0) {
      const toAnswer = page.locator('p.to-answer a').last();
      const target = (await toAnswer.getAttribute('href')) ?? '';
      await toAnswer.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(target);
      await expect.poll(() => inView(page, target)).toBe(true);
    }

    const references = doc.answers.reduce((n, answer) => n + answer.references.length, 0);
    const links = page.locator('.answer .text a.ref');
    if (references > 0) expect(await links.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await links.count()); i += 1) {
      const link = links.nth(i);
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toMatch(/^#[aq]\d+/);
      await link.scrollIntoViewIfNeeded();
      await link.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
      await expect.poll(() => inView(page, href)).toBe(true);
      expect(await page.locator(`${href}:target`).count()).toBe(1);
    }
    await page.close();
  });

  it('highlights the mentions of a chosen entity and says how many', async () => {
    const doc = documents.get(stem);
    if (!doc) throw new Error(`no document ${stem}`);
    const { page, errors } = await open(`${stem}.html`);
    const buttons = page.locator('button.chip[data-entity]');
    expect(await buttons.count()).toBe(doc.entities.length);
    // The most often marked entity and one of the least often marked ones.
    for (const index of [0, Math.min(12, doc.entities.length) - 1]) {
      const button = buttons.nth(index);
      const id = (await button.getAttribute('data-entity')) ?? '';
      const entity = doc.entities.find((candidate) => candidate.id === id);
      if (!entity) throw new Error(`no entity ${id}`);
      const expected = entity.mentions.filter((mention) => mention.in !== 'meta').length;
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      const status = page.locator('#entity-status');
      expect(await status.getAttribute('aria-live')).toBe('polite');
      const shown = Number(await status.getAttribute('data-count'));
      expect(await status.textContent()).toContain(`${shown} Erwähnung`);
      expect(await page.locator('mark.ent.on:not([data-cont])').count()).toBe(shown);
      expect(shown).toBe(expected);
      expect(await page.locator(`mark.ent.on:not([data-entity="${id}"])`).count()).toBe(0);
      if (shown > 0) {
        // Visiting the mentions focuses them, and focus shows the entity's name.
        await page.locator('#entity-next').click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-entity'))).toBe(id);
        expect(await page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement, '::after').content : ''))).toContain(entity.name.slice(0, 10));
      }
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      expect(await page.locator('mark.ent.on').count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page } = await open(`${stem}.html`);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(shotDir, `${stem}-phone.png`) });
    await page.close();
  });

  it('keeps text contrast at WCAG AA (4.5:1) for text, links, marks and buttons', async () => {
    const { page } = await open(`${stem}.html`);
    const failures = await page.evaluate(() => {
      const parse = (colour: string): number[] => (colour.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
        const channel = (value: number): number => {
          const c = value / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const background = (element: Element | null): number[] => {
        for (let node = element; node; node = node.parentElement) {
          const colour = parse(getComputedStyle(node).backgroundColor);
          if (colour.length === 3 || (colour[3] ?? 0) > 0.5) return colour.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const selectors = ['body', '.muted', '.hint', 'a', 'mark.hl', 'button.chip', '.count', '.tag', '.badge', 'figcaption', 'th', 'td'];
      const found: string[] = [];
      for (const selector of selectors) {
        for (const element of Array.from(document.querySelectorAll(selector)).slice(0, 40)) {
          const foreground = parse(getComputedStyle(element).color);
          const a = luminance(foreground);
          const b = luminance(background(element));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < 4.5) found.push(`${selector}: ${ratio.toFixed(2)}`);
        }
      }
      return found;
    });
    expect(failures).toEqual([]);
    await page.close();
  });
});

describe('README screenshots', () => {
  it(`show ${readmeStem} with an entity chosen: the top of the page, and its mentions in an answer`, async () => {
    const { page } = await open(`${readmeStem}.html`);
    const doc = documents.get(readmeStem);
    // The place named in most answers: its mentions are spread over the text.
    const place = doc?.entities.filter((entity) => entity.type === 'Place').sort((a, b) => b.mentions.length - a.mentions.length)[0];
    if (!doc || !place) throw new Error(`no place in ${readmeStem}`);
    await page.locator(`button.chip[data-entity="${place.id}"]`).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(join(root, 'docs'), { recursive: true });
    await page.screenshot({ path: readmeShots.top });
    const answer = place.mentions.find((mention) => mention.in.startsWith('a'))?.in ?? doc.answers[0]?.id ?? '';
    await page.evaluate((id) => {
      document.getElementById(id)?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -150);
    }, answer);
    await page.screenshot({ path: readmeShots.highlights });
    for (const path of Object.values(readmeShots)) {
      const png = readFileSync(path);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // Width and height from the IHDR chunk: the 1200 × 900 viewport.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 900]);
    }
    await page.close();
  });
});

describe('index page', () => {
  it('lists every document, sorts by a column and filters', async () => {
    const { page, errors, foreign } = await open('index.html');
    const rows = page.locator('#documents tbody tr');
    expect(await rows.count()).toBe(stems.length);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('navigation').count()).toBe(1);

    const questions = async (): Promise<number[]> => (await page.locator('#documents tbody tr td:nth-child(5)').allTextContents()).map(Number);
    const expected = [...documents.values()].map((doc) => doc.questions.length).sort((a, b) => a - b);
    const sortByQuestions = page.getByRole('button', { name: /^Fragen/ });
    await sortByQuestions.click();
    expect(await questions()).toEqual(expected);
    expect(await page.locator('th:has(button[data-column="4"])').getAttribute('aria-sort')).toBe('ascending');
    await sortByQuestions.click();
    expect(await questions()).toEqual([...expected].reverse());
    expect(await page.locator('th:has(button[data-column="4"])').getAttribute('aria-sort')).toBe('descending');

    const titles = async (): Promise<string[]> => page.locator('#documents tbody tr th').allTextContents();
    await page.getByRole('button', { name: /^Titel/ }).click();
    const sortedTitles = [...documents.values()].map((doc) => doc.meta.title ?? '').sort((a, b) => a.localeCompare(b, 'de'));
    expect(await titles()).toEqual(sortedTitles);

    await page.getByLabel('Suchen').fill('bürgschaften');
    // The answer and the paper it answers share their title.
    const matching = [...documents.values()].filter((doc) => (doc.meta.title ?? '').toLowerCase().includes('bürgschaften')).length;
    expect(matching).toBeGreaterThan(0);
    expect(await page.locator('#documents tbody tr:not([hidden])').count()).toBe(matching);
    expect(await page.locator('#shown').textContent()).toBe(`${matching} von ${stems.length} Dokumenten`);
    await page.getByLabel('Suchen').fill('');
    const faction = documents.get(readmeStem)?.meta.faction ?? '';
    await page.getByLabel('Fraktion').selectOption(faction);
    const withFaction = [...documents.values()].filter((doc) => doc.meta.faction === faction).length;
    expect(await page.locator('#documents tbody tr:not([hidden])').count()).toBe(withFaction);
    await page.getByLabel('Fraktion').selectOption('');
    expect(await page.locator('#documents tbody tr:not([hidden])').count()).toBe(stems.length);

    await page.screenshot({ path: join(shotDir, 'index.png') });
    // The link by its page, as an answer and its paper share their title.
    await page.locator(`#documents a[href="${readmeStem}.html"]`).click();
    await page.waitForURL(`${origin}/${readmeStem}.html`);
    expect(await page.locator('h1').textContent()).toBe(documents.get(readmeStem)?.meta.title);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const { page } = await open('index.html');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(shotDir, 'index-phone.png') });
    await page.close();
  });
});

describe('untrusted text', () => {
  it('is shown as text and never runs', async () => {
    const { page, errors } = await open('hostile.html');
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
    expect(await page.locator('h1').textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('body script').count()).toBe(1);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
