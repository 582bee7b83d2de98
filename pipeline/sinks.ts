/**
 * Where documents go: one JSON and one JSON-LD file per document, corpus-wide CSV tables that are
 * streamed (memory does not grow with the corpus), NDJSON on stdout. Files appear atomically.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { csvHeader, csvRows, csvTableNames, type CsvOptions } from '../src/emit/csv.js';
import { toJson, toNdjsonLine } from '../src/emit/json.js';
import { summaryOf, toHtml, toIndexHtml, type HtmlSummary } from '../src/emit/html/index.js';
import type { DrucksacheDocument } from '../src/model.js';
import { jsonLdText, type Rendered } from './batch.js';
import { temporaryPath, writeAtomic } from './write.js';

/** Where one document's outputs go. */
export interface Sink {
  /** Take one document (called in input order), with what was rendered of it already, if anything. */
  add(document: DrucksacheDocument, stem: string, rendered?: Rendered): Promise<void>;
  /**
   * Take one document that arrives only as its rendered outputs (called in input order, like `add`);
   * only a sink that writes nothing but rendered text has it.
   */
  addRendered?(rendered: Rendered, stem: string): Promise<void>;
  /** Finish the batch (complete corpus-wide files). */
  finish(): Promise<void>;
  /** Give up: remove whatever is half-written. */
  abort(): Promise<void>;
  /**
   * The files this sink writes into the output folder for these documents (its corpus-wide files
   * included), relative and `/`-separated, for the manifest; none for a stream.
   */
  outputs?(stems: readonly string[]): string[];
}

/**
 * Refuse a document that came without the object and without the text a sink writes (a programmer
 * error in what the batch was asked to render).
 *
 * @param form The output form missing.
 * @returns Never.
 * @throws {Error} Always.
 */
function unrendered(form: string): never {
  throw new Error(`Unexpected document without its ${form} rendered, expected the document or its ${form} text`);
}

/**
 * `json/<stem>.json` per document.
 *
 * @param out The output directory.
 * @returns The sink.
 */
export function jsonSink(out: string): Sink {
  return {
    add: (document, stem, rendered) => writeAtomic(join(out, 'json', `${stem}.json`), rendered?.json ?? toJson(document)),
    addRendered: (rendered, stem) => writeAtomic(join(out, 'json', `${stem}.json`), rendered.json ?? unrendered('JSON')),
    async finish() {},
    async abort() {},
    outputs: (stems) => stems.map((stem) => `json/${stem}.json`),
  };
}

/**
 * `jsonld/<stem>.jsonld` per document.
 *
 * @param out The output directory.
 * @returns The sink.
 */
export function jsonLdSink(out: string): Sink {
  return {
    add: (document, stem, rendered) => writeAtomic(join(out, 'jsonld', `${stem}.jsonld`), rendered?.jsonld ?? jsonLdText(document, stem)),
    addRendered: (rendered, stem) => writeAtomic(join(out, 'jsonld', `${stem}.jsonld`), rendered.jsonld ?? unrendered('JSON-LD')),
    async finish() {},
    async abort() {},
    outputs: (stems) => stems.map((stem) => `jsonld/${stem}.jsonld`),
  };
}

/**
 * `html/<stem>.html` per document and `html/index.html` for the corpus (only small summaries are kept).
 *
 * @param out The output directory.
 * @returns The sink.
 */
export function htmlSink(out: string): Sink {
  const summaries: HtmlSummary[] = [];
  return {
    async add(document, stem) {
      await writeAtomic(join(out, 'html', `${stem}.html`), toHtml(document, stem));
      summaries.push(summaryOf(document, stem));
    },
    finish: () => writeAtomic(join(out, 'html', 'index.html'), toIndexHtml(summaries)),
    async abort() {},
    outputs: (stems) => [...stems.map((stem) => `html/${stem}.html`), 'html/index.html'],
  };
}

/**
 * One NDJSON line per document on a stream (stdout).
 *
 * @param stream Where lines go.
 * @returns The sink.
 */
export function ndjsonSink(stream: NodeJS.WritableStream): Sink {
  return {
    add: (document) =>
      new Promise((resolve, reject) => {
        stream.write(toNdjsonLine(document), (error) => (error ? reject(error) : resolve()));
      }),
    async finish() {},
    async abort() {},
  };
}

/**
 * Corpus-wide CSV tables `csv/<table>.csv`, streamed to temporary files and renamed at the end.
 *
 * @param out The output directory.
 * @param options CSV options (delimiter).
 * @returns The sink.
 */
export function csvSink(out: string, options: CsvOptions): Sink {
  const dir = join(out, 'csv');
  const streams = new Map<string, { stream: WriteStream; temporary: string; target: string }>();
  let opened: Promise<void> | undefined;
  const open = async (): Promise<void> => {
    await mkdir(dir, { recursive: true });
    for (const table of csvTableNames) {
      const target = join(dir, `${table}.csv`);
      const temporary = temporaryPath(target);
      const stream = createWriteStream(temporary);
      streams.set(table, { stream, temporary, target });
      stream.write(csvHeader(table, options));
    }
  };
  const write = async (stream: WriteStream, text: string): Promise<void> => {
    // Respect back-pressure so that memory stays flat on large corpora.
    if (text !== '' && !stream.write(text)) await once(stream, 'drain');
  };
  return {
    async add(document, stem, rendered) {
      opened ??= open();
      await opened;
      for (const table of csvTableNames) {
        const entry = streams.get(table);
        if (entry) await write(entry.stream, rendered?.csv?.[table] ?? csvRows(table, document, stem, options));
      }
    },
    async addRendered(rendered) {
      opened ??= open();
      await opened;
      for (const table of csvTableNames) {
        const entry = streams.get(table);
        if (entry) await write(entry.stream, rendered.csv?.[table] ?? unrendered('CSV'));
      }
    },
    async finish() {
      opened ??= open();
      await opened;
      for (const { stream, temporary, target } of streams.values()) {
        stream.end();
        await finished(stream);
        await rename(temporary, target);
      }
    },
    async abort() {
      for (const { stream, temporary } of streams.values()) {
        stream.destroy();
        await rm(temporary, { force: true });
      }
    },
    outputs: () => csvTableNames.map((table) => `csv/${table}.csv`),
  };
}
