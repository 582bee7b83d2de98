/**
 * The pipeline as one visible unified chain: parse → lines → clean → segment → extract → document.
 * The command line and the library API run this same chain.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import { unified, type Plugin } from 'unified';
import type { VFile } from 'vfile';
import { clean, type Cleaned, type Cut } from './clean/index.js';
import { extractAmounts } from './extract/amounts/index.js';
import { extractDates } from './extract/dates/index.js';
import { extractEntities } from './extract/entities/index.js';
import { extractSources } from './extract/sources/index.js';
import { readHeader } from './segment/header.js';
import { resolveRespondingBody } from './segment/bodies.js';
import { canonicalFaction } from './segment/factions.js';
import { toLines, type Line } from './lines/lines.js';
import { schemaVersion, type Amount, type DateRecord, type DrucksacheDocument, type Entity, type Message, type Meta, type Source, type Table } from './model.js';
import { parseMarkdown } from './parse/markdown.js';
import { parseText } from './parse/text.js';
import { createLocator, runPosition, type Locator } from './lines/run.js';
import type { ExtractContext, Extraction, Section } from './lines/section.js';
import { segment } from './segment/answer/index.js';
import { detectKind, segmentUnsupported, type DetectedKind } from './segment/kind.js';
import type { KindSegmented } from './segment/question-paper/blocks.js';
import { segmentQuestionPaper } from './segment/question-paper/index.js';
import { segmentWrittenQuestions } from './segment/written-questions/index.js';
import { missingMeta } from './segment/answer/checks.js';
import { moveAnnexes } from './segment/annex.js';

declare module 'unified' {
  interface CompileResultMap {
    DrucksacheDocument: DrucksacheDocument;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Input form: from the extension, or set by the caller. */
    format: 'markdown' | 'text';
    /** SHA-256 of the input bytes, set by the caller that read them. */
    sha256: string;
    locator: Locator;
    lines: Line[];
    cleaned: Cleaned;
    segmented: KindSegmented;
    meta: Meta;
    sections: Section[];
    amounts: Amount[];
    dates: DateRecord[];
    sources: Source[];
    entities: Entity[];
  }
}

/**
 * Decide the input form of a file: `.md`/`.markdown` is Markdown, anything else plain text,
 * unless `file.data.format` says otherwise.
 *
 * @param file The file.
 * @returns The form.
 */
export function formatOf(file: VFile): 'markdown' | 'text' {
  if (file.data.format) return file.data.format;
  const extname = file.extname?.toLowerCase();
  if (extname === '.md' || extname === '.markdown') return 'markdown';
  if (extname === '.txt') return 'text';
  // Guess from the content: Markdown headings or emphasis at a line start.
  return /^(?:#{1,6}\s|\*\*|- \S|\d+\. .*\n\n)/m.test(String(file.value).slice(0, 4096)) ? 'markdown' : 'text';
}


/**
 * Parse a Drucksache, Markdown with remark-parse and GFM, plain text with our front end.
 *
 */
export const parseDrucksache: Plugin<[], string, Root> = function () {
  this.parser = (document, file) => {
    const format = formatOf(file);
    file.data.format = format;
    file.data.locator = createLocator(file);
    return format === 'markdown' ? parseMarkdown(document) : parseText(document, file.data.locator);
  };
};

/**
 * Flatten the tree into printed lines. Every later stage reads the lines, so the tree's children are
 * let go once flattened: a long paper's tree is tens of MB that would otherwise live to the end.
 *
 * @returns Transformer.
 */
export function flattenLines() {
  return (tree: Root, file: VFile): void => {
    file.data.lines = toLines(tree, String(file.value), file.data.format ?? 'text');
    tree.children = [];
  };
}

/**
 * Cut page furniture out of the flow (plain text; Markdown transcripts have none).
 *
 * @returns Transformer.
 */
export function cleanFurniture() {
  return (_: Root, file: VFile): void => {
    const lines = file.data.lines ?? [];
    const cleaned = file.data.format === 'markdown' ? { lines, footnotes: [], cuts: [], problems: [] } : clean(lines);
    file.data.cleaned = cleaned;
    const locator = file.data.locator ?? createLocator(file);
    for (const problem of cleaned.problems) {
      const message = file.message(problem.reason, { place: runPosition(locator, problem.run), ruleId: problem.ruleId, source: 'drucksache' });
      message.fatal = problem.severity === 'warning' ? false : undefined;
    }
  };
}

/**
 * Segment into header, preambles, questions and answers; read the header metadata.
 *
 * @returns Transformer.
 */
export function segmentDrucksache() {
  return (_: Root, file: VFile): void => {
    const cleaned = file.data.cleaned ?? { lines: [], footnotes: [], cuts: [], problems: [] };
    const locator = file.data.locator ?? createLocator(file);
    const format = file.data.format ?? 'text';
    const detected = detectKind(cleaned.lines.slice(0, 16).map((line) => line.run.text));
    const segmented = segmentKind(detected, cleaned, format, locator);
    file.data.segmented = segmented;
    file.data.sections = segmented.sections;
    const cut = (kind: Cut['kind']): string | undefined => cleaned.cuts.filter((c) => c.kind === kind).map((c) => c.run.text).join(' ') || undefined;
    const firstHeader = cleaned.cuts.find((c) => c.kind === 'pageHeader')?.run.text;
    const headerText = segmented.header.map((line) => line.run.text).join('\n');
    const headerRun = segmented.sections.find((section) => section.kind === 'meta')?.run;
    const read = readHeader(headerText, firstHeader, cut('transmissionNote'));
    // Canonical values beside the printed ones: the body's official name, one spelling per group.
    const front = cleaned.lines.slice(0, FRONT_LINES).map((line) => line.run.text).join('\n');
    // Only answers have a responding body in their header; the other kinds read their own meta.
    const answerLike = detected.kind === 'answer' || detected.kind === 'unknown';
    const body = answerLike ? resolveRespondingBody({ printed: read.respondingBody, transmission: cut('transmissionNote'), front, parliament: read.parliament, date: read.date }) : undefined;
    const own = { ...read, ...segmented.meta };
    const meta: Meta = {
      ...own,
      respondingBody: body ? body.name : own.respondingBody,
      respondingBodyText: body ? body.text : null,
      askers: own.askers.map((asker) => (asker.faction === undefined ? asker : { ...asker, faction: canonicalFaction(asker.faction), factionText: asker.faction })),
      faction: own.faction === null ? null : canonicalFaction(own.faction),
      factionText: own.faction,
      title: segmented.meta.title !== undefined ? segmented.meta.title : segmented.title ? segmented.title.text.replace(/\s+/g, ' ').trim() : null,
      header: headerRun && headerRun.text !== '' ? { text: headerRun.text, position: runPosition(locator, headerRun) } : null,
      furniture: cleaned.cuts.map((c) => ({ kind: c.kind, text: c.run.text, position: runPosition(locator, c.run) })),
    };
    if (detected.type !== null) meta.type = detected.type;
    meta.furniture.push(...segmented.furniture);
    file.data.meta = meta;
    for (const field of answerLike ? missingMeta(meta) : []) {
      const message = file.message(`Unexpected header without \`${field}\`, expected it to be printed and read`, { ruleId: 'missing-meta', source: 'drucksache', ...(meta.header ? { place: meta.header.position } : {}) });
      message.fatal = false;
    }
    if (body && body.name === null && (body.text !== null || meta.type === 'Antwort')) {
      const reason = body.text === null
        ? 'Unexpected answer without a responding body, expected one named in the header or the transmission note'
        : `Unexpected responding body \`${body.text}\`, expected a federal or Land body of the gazetteer`;
      const message = file.message(reason, { ruleId: 'unknown-body', source: 'drucksache' });
      // A name printed but matching no body is a warning; a paper that names none is only noted.
      if (body.text === null) message.fatal = undefined;
    }
    for (const line of segmented.unassigned) {
      if (line.run.text.trim() === '') continue;
      const message = file.message('Unexpected text outside any preamble, question or answer, expected it to belong to a section', {
        place: runPosition(locator, line.run),
        ruleId: 'unassigned-text',
        source: 'drucksache',
      });
      message.actual = line.run.text;
    }
    for (const problem of segmented.problems) {
      const message = file.message(problem.reason, { ruleId: problem.ruleId, source: 'drucksache', ...(problem.position ? { place: problem.position } : {}) });
      message.fatal = problem.severity === 'error' ? true : problem.severity === 'info' ? undefined : false;
      if (problem.text !== undefined) message.actual = problem.text;
    }
    if (segmented.questions.length === 0 && answerLike) {
      file.message('Unexpected document without numbered questions, expected an answer to a Kleine Anfrage', { ruleId: 'no-questions', source: 'drucksache' });
    }
  };
}

/**
 * Hand the cleaned lines to the segmenter of their kind.
 *
 * @param detected The kind read from the head.
 * @param cleaned The cleaned lines.
 * @param format The input form.
 * @param locator The file's locator.
 * @returns The segmented document.
 */
function segmentKind(detected: DetectedKind, cleaned: Cleaned, format: 'markdown' | 'text', locator: Locator): KindSegmented {
  if (detected.kind === 'question-paper') return segmentQuestionPaper(cleaned.lines, format, locator, detected.line, cleaned.footnotes);
  if (detected.kind === 'written-questions') return segmentWrittenQuestions(cleaned.lines, format, locator, detected.line, cleaned.footnotes);
  if (detected.kind === 'unsupported') {
    // Its text is kept, not read; only its head (title, date, number) is read where it stands as in an answer's.
    const { header, title } = segment(cleaned.lines, format, locator, cleaned.footnotes);
    const kept = segmentUnsupported(cleaned.lines, format, locator, detected);
    return { ...kept, header: header.length > kept.header.length ? header : kept.header, ...(title ? { title, meta: {} } : {}) };
  }
  const answer = segment(cleaned.lines, format, locator, cleaned.footnotes);
  return { ...answer, problems: answer.problems.map((problem) => ({ severity: 'warning', ...problem })), meta: {}, furniture: [] };
}

/** Lines at the top of a paper searched for the answering body where the header reader found none. */
const FRONT_LINES = 40;

/** An extract stage: sections and context in, records and messages out. */
export type Extractor<T> = (sections: readonly Section[], context: ExtractContext) => Extraction<T>;

/**
 * Wrap a pure extractor as a unified transformer that stores its records on `file.data[key]`.
 *
 * @param key Where the records go.
 * @param extractor The extractor.
 * @returns The plugin.
 */
export function extractStage<K extends 'amounts' | 'dates' | 'sources' | 'entities'>(key: K, extractor: Extractor<NonNullable<VFile['data'][K]>[number]>) {
  return function plugin() {
    return (_: Root, file: VFile): void => {
      const context: ExtractContext = {
        locator: file.data.locator ?? createLocator(file),
        meta: file.data.meta ?? emptyMeta(),
        format: file.data.format ?? 'text',
        transmissionNotes: (file.data.cleaned?.cuts ?? []).filter((cut) => cut.kind === 'transmissionNote').map((cut) => cut.run),
      };
      const result = extractor(file.data.sections ?? [], context);
      (file.data as Record<K, unknown>)[key] = result.records;
      for (const problem of result.messages) {
        const message = file.message(problem.reason, { ruleId: problem.ruleId, source: 'drucksache', ...(problem.position ? { place: problem.position } : {}) });
        message.fatal = problem.severity === 'error' ? true : problem.severity === 'info' ? undefined : false;
        if (problem.text !== undefined) message.actual = problem.text;
      }
    };
  };
}

/**
 * Move annexes printed after the imprint out of the answer they run on in, into an info message
 * with their text (after the extract stages, so the records inside an annex are still found).
 *
 * @returns Transformer.
 */
export function separateAnnexes() {
  return (_: Root, file: VFile): void => {
    const segmented = file.data.segmented;
    if (!segmented) return;
    const locator = file.data.locator ?? createLocator(file);
    const moved = moveAnnexes(segmented.answers, file.data.sections ?? [], file.data.meta?.furniture ?? [], locator);
    segmented.answers = moved.answers;
    for (const problem of moved.messages) {
      const message = file.message(problem.reason, { ruleId: problem.ruleId, source: 'drucksache', ...(problem.position ? { place: problem.position } : {}) });
      message.fatal = undefined;
      if (problem.text !== undefined) message.actual = problem.text;
    }
  };
}

/**
 * Meta with nothing known.
 *
 * @returns Empty meta.
 */
export function emptyMeta(): Meta {
  return {
    parliament: null, legislativePeriod: null, drucksache: null, date: null, type: null, respondent: null,
    respondingBody: null, respondingBodyText: null, answersDrucksache: null, title: null, askers: [], faction: null, factionText: null, header: null, furniture: [],
  };
}

/**
 * Compile the file's records into the JSON model; the result lands on `file.result`.
 *
 */
export const compileDocument: Plugin<[], Root, DrucksacheDocument> = function () {
  this.compiler = (_tree, file) => toDocument(file);
};

/**
 * Assemble the document model from a processed file.
 *
 * @param file The processed file.
 * @returns The document.
 */
export function toDocument(file: VFile): DrucksacheDocument {
  const segmented = file.data.segmented;
  const value = String(file.value);
  const messages: Message[] = file.messages.map((message) => {
    const record: Message = {
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      ruleId: message.ruleId ?? 'unknown',
      reason: message.reason,
    };
    if (message.place && 'start' in message.place) record.position = { start: { ...message.place.start, offset: message.place.start.offset ?? 0 }, end: { ...message.place.end, offset: message.place.end.offset ?? 0 } };
    if (typeof message.actual === 'string') record.text = message.actual;
    return record;
  });
  messages.sort((a, b) => (a.position?.start.offset ?? -1) - (b.position?.start.offset ?? -1));
  return {
    schemaVersion,
    source: {
      path: file.path ?? '-',
      sha256: file.data.sha256 ?? createHash('sha256').update(value).digest('hex'),
      format: file.data.format ?? 'text',
    },
    meta: file.data.meta ?? emptyMeta(),
    preambles: segmented?.preambles ?? [],
    questions: segmented?.questions ?? [],
    answers: segmented?.answers ?? [],
    entities: file.data.entities ?? [],
    amounts: file.data.amounts ?? [],
    dates: file.data.dates ?? [],
    sources: file.data.sources ?? [],
    tables: tablesOf(file),
    messages,
  };
}

/**
 * The tables of a file's sections as data: cell texts, header row apart.
 *
 * @param file The processed file.
 * @returns Tables in document order.
 */
function tablesOf(file: VFile): Table[] {
  const locator = file.data.locator ?? createLocator(file);
  const tables: Table[] = [];
  for (const section of file.data.sections ?? []) {
    for (const table of section.tables) {
      const cells = table.rows.flat();
      const first = cells[0];
      const last = cells.at(-1);
      if (!first || !last) continue;
      const [head, ...body] = table.rows.map((row) => row.map(([start, end]) => section.run.text.slice(start, end).trim()));
      tables.push({ in: section.id, header: head ?? [], rows: body, position: runPosition(locator, section.run, first[0], Math.max(first[0] + 1, last[1])) });
    }
  }
  return tables;
}

/**
 * The processor of the whole pipeline.
 *
 * @returns A frozen unified processor whose `process` leaves the document model on `file.result`.
 */
export function drucksache() {
  return unified()
    .use(parseDrucksache)
    .use(flattenLines)
    .use(cleanFurniture)
    .use(segmentDrucksache)
    .use(extractStage('amounts', extractAmounts))
    .use(extractStage('dates', extractDates))
    .use(extractStage('sources', extractSources))
    .use(extractStage('entities', extractEntities))
    .use(separateAnnexes)
    .use(compileDocument)
    .freeze();
}
