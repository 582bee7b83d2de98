/**
 * The JSON model of one Drucksache: the schema the types come from and the published JSON Schema is
 * generated from, so the two cannot drift apart.
 */
import { z } from 'zod';

/** Version of the output format; bumped on any change to a documented field. */
export const schemaVersion = '1';

const point = z.object({
  line: z.number().int().min(1).describe('1-based line in the original input'),
  column: z.number().int().min(1).describe('1-based column in the original input'),
  offset: z.number().int().min(0).describe('0-based offset in the decoded input (UTF-16 code units, after a BOM)'),
});

/** A unist position into the original input. */
export const positionSchema = z
  .object({ start: point, end: point })
  .describe('Where the item stands in the original input; input.slice(start.offset, end.offset) is what was printed');

const section = z.string().describe('The section the item was found in: `meta`, a preamble id, a question id or an answer id');

/** A member who asked. */
export const askerSchema = z.object({
  name: z.string(),
  constituency: z.string().optional(),
  title: z.string().optional().describe('Academic title printed before the name, e.g. `Dr.`'),
  faction: z.string().optional().describe('Party or group printed after the name (Landtag style, Schriftliche Fragen), in its one official spelling'),
  factionText: z.string().optional().describe('That party as printed'),
});

/** One entry of a printed index (Verzeichnis) of a collection of Schriftliche Fragen. */
export const indexEntrySchema = z.object({
  name: z.string().describe('The member as printed, `Surname, Given name, Dr.`'),
  faction: z.string().optional(),
  numbers: z.array(z.string()).describe('Question numbers (Verzeichnis der Fragenden) or pages (ministry index) printed after the dot leader'),
  position: positionSchema,
});

export const metaSchema = z.object({
  parliament: z.string().nullable().describe('Parliament, e.g. `Deutscher Bundestag`, `Niedersächsischer Landtag`'),
  legislativePeriod: z.number().int().nullable().describe('Wahlperiode'),
  drucksache: z.string().nullable().describe('This document’s own number where printed'),
  date: z.string().nullable().describe('This document’s date where printed (ISO 8601)'),
  type: z.string().nullable().describe('Kind of paper: `Antwort`, `Antwort auf eine Große Anfrage`, `Kleine Anfrage`, `Große Anfrage`, `Schriftliche Fragen`, or what a paper of a kind not read prints'),
  respondent: z.string().nullable().describe('Who answers, e.g. `Bundesregierung`'),
  respondingBody: z.string().nullable().describe('The ministry that wrote the answer where named: its official name in the nominative, from the gazetteer of federal and Land bodies; null where the printed name matches none (warning `unknown-body`)'),
  respondingBodyText: z.string().nullable().optional().describe('The responding body as printed (header or transmission note), null where none is printed'),
  answersDrucksache: z.string().nullable().describe('Number of the Anfrage answered'),
  title: z.string().nullable().describe('Title of the Anfrage'),
  askers: z.array(askerSchema).describe('Members who asked, in printed order'),
  faction: z.string().nullable().describe('Parliamentary group that asked, in its one official spelling (`BÜNDNIS 90/DIE GRÜNEN` for `BÜNDNIS 90/ DIE GRÜNEN`)'),
  factionText: z.string().nullable().optional().describe('The group as printed'),
  header: z.object({ text: z.string(), position: positionSchema }).nullable().describe('The header as printed (lines joined), from which the fields above are read'),
  answersPaper: z.string().optional().describe('File stem of the paper answered (the document whose own number is `answersDrucksache`) where the batch holds it'),
  closing: z.object({
    place: z.string(),
    date: z.string().nullable().describe('ISO date'),
    text: z.string(),
    position: positionSchema,
  }).optional().describe('A paper’s closing: `Berlin, den 7. Mai 2025` and the signatures'),
  signatories: z.array(z.string()).optional().describe('Who signed the paper, in printed order (`Dr. Alice Weidel`, `Tino Chrupalla`)'),
  askerIndex: z.array(indexEntrySchema).optional().describe('Schriftliche Fragen: the Verzeichnis der Fragenden'),
  bodyIndex: z.array(z.object({
    body: z.string().describe('The ministry, nominative'),
    entries: z.array(indexEntrySchema),
  })).optional().describe('Schriftliche Fragen: the Verzeichnis der Fragen nach Geschäftsbereichen (pages)'),
  furniture: z.array(z.object({
    kind: z.string().describe('`pageHeader`, `pageNumber`, `transmissionNote`, `imprint`, `header`, …'),
    text: z.string(),
    position: positionSchema,
  })).describe('Text cut out of the flow: page headers, page numbers, the transmission note, the imprint'),
});

export const preambleSchema = z.object({
  id: z.string(),
  by: z.enum(['questioners', 'government']),
  heading: z.string().nullable().describe('The printed heading, null where the preamble has none'),
  text: z.string(),
  position: positionSchema,
});

export const subItemSchema = z.object({
  label: z.string().describe('The letter, e.g. `a`'),
  text: z.string(),
  position: positionSchema,
});

export const questionSchema = z.object({
  id: z.string(),
  number: z.string().describe('The printed number, e.g. `12`'),
  text: z.string(),
  position: positionSchema,
  subItems: z.array(subItemSchema),
  askers: z.array(askerSchema).optional().describe('Schriftliche Fragen: who asked this question'),
  respondingBody: z.string().optional().describe('Schriftliche Fragen: the ministry whose Geschäftsbereich the question falls in'),
});

export const referenceSchema = z.object({
  question: z.string().describe('Number of the question whose answer is referred to'),
  text: z.string(),
  position: positionSchema,
});

export const answerSchema = z.object({
  id: z.string(),
  questions: z.array(z.string()).describe('Numbers of every question this answer answers'),
  subItem: z.string().optional().describe('Labels of the sub-items this answer answers (`a`, `b,c`), where the paper answers sub-items one by one'),
  joint: z.enum(['single', 'announced', 'unannounced']).describe('How the answer came to cover its questions'),
  text: z.string(),
  position: positionSchema,
  references: z.array(referenceSchema),
  answeredBy: z.object({
    name: z.string(),
    role: z.string().describe('As printed, nominative: `Parlamentarischer Staatssekretär`, `Staatsministerin`'),
    title: z.string().optional().describe('Academic title, e.g. `Dr.`'),
  }).optional().describe('Schriftliche Fragen: who signed the answer'),
  date: z.string().optional().describe('Schriftliche Fragen: the answer’s date (ISO 8601)'),
});

export const mentionSchema = z.object({
  text: z.string(),
  in: section,
  position: positionSchema,
});

export const entitySchema = z.object({
  id: z.string(),
  key: z.string().describe('Corpus-wide key, the same for the same entity in every paper: `organization:bundesministerium-der-finanzen`, `person:volker-beck`'),
  type: z.enum(['Person', 'Organization', 'Place', 'Other']),
  name: z.string().describe('The fullest nominative form'),
  aliases: z.array(z.string()).describe('Other surface forms, abbreviations included'),
  mentions: z.array(mentionSchema),
});

export const amountSchema = z.object({
  text: z.string(),
  value: z.number().describe('In currency units: `1,6 Mrd. Euro` is 1600000000'),
  currency: z.string().describe('ISO 4217 code'),
  qualifier: z.string().optional().describe('`rund`, `bis zu`, `über`, `zwischen` … where printed'),
  upper: z.number().optional().describe('Upper bound of a range (`zwischen 1 und 2 Mio. Euro`)'),
  table: z.boolean().optional().describe('True for a table cell whose currency came from a header'),
  in: section,
  position: positionSchema,
});

export const dateSchema = z.object({
  text: z.string(),
  start: z.string().describe('ISO date (or year-month, year) of the start'),
  end: z.string().describe('ISO date of the end; equals start for a single day'),
  precision: z.enum(['day', 'month', 'season', 'year']),
  in: section,
  position: positionSchema,
});

export const sourceSchema = z.object({
  kind: z.enum(['url', 'drucksache', 'publication', 'law']),
  text: z.string(),
  url: z.string().optional(),
  number: z.string().optional().describe('Drucksache number, e.g. `18/13237`'),
  parliament: z.string().optional().describe('Parliament of a cited Drucksache'),
  title: z.string().optional(),
  pages: z.array(z.string()).optional(),
  in: section,
  position: positionSchema,
});

export const tableSchema = z.object({
  in: section,
  header: z.array(z.string()).describe('Cells of the header row'),
  rows: z.array(z.array(z.string())).describe('Body rows, each a list of cell texts'),
  position: positionSchema,
});

export const messageSchema = z.object({
  severity: z.enum(['info', 'warning', 'error']),
  ruleId: z.string(),
  reason: z.string(),
  position: positionSchema.optional(),
  text: z.string().optional().describe('What was removed or left unassigned'),
});

/** The whole document. */
export const documentSchema = z.object({
  schemaVersion: z.literal(schemaVersion),
  source: z.object({
    path: z.string(),
    sha256: z.string(),
    format: z.enum(['markdown', 'text']),
  }),
  meta: metaSchema,
  preambles: z.array(preambleSchema),
  questions: z.array(questionSchema),
  answers: z.array(answerSchema),
  entities: z.array(entitySchema),
  amounts: z.array(amountSchema),
  dates: z.array(dateSchema),
  sources: z.array(sourceSchema),
  tables: z.array(tableSchema).describe('Tables printed as tables (GFM tables in Markdown); tables whose layout a text rendering lost are reported in messages'),
  messages: z.array(messageSchema),
});

export type Position = z.infer<typeof positionSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Asker = z.infer<typeof askerSchema>;
export type IndexEntry = z.infer<typeof indexEntrySchema>;
export type Furniture = Meta['furniture'][number];
export type Preamble = z.infer<typeof preambleSchema>;
export type SubItem = z.infer<typeof subItemSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type Mention = z.infer<typeof mentionSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Amount = z.infer<typeof amountSchema>;
export type DateRecord = z.infer<typeof dateSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Table = z.infer<typeof tableSchema>;
export type Message = z.infer<typeof messageSchema>;
export type DrucksacheDocument = z.infer<typeof documentSchema>;
