/**
 * What every extract stage reads: the document cut into sections of clean text, each a `Run` that maps
 * back into the original input, plus what the segmenter learned about the document.
 */
import type { Message, Meta } from '../model.js';
import type { Locator, Run } from './run.js';

/** A link printed in a section (Markdown link nodes), as indexes into the section's run. */
export interface Link {
  /** Index of the link text's first character in `run.text`. */
  start: number;
  /** Index after the link text's last character. */
  end: number;
  /** The link destination, exactly as the link node holds it. */
  url: string;
}

/** One section of a document: `meta` (the header), a preamble, a question or an answer. */
export interface Section {
  /** `meta`, a preamble id (`p1`), a question id (`q3`) or an answer id (`a3`). */
  id: string;
  kind: 'meta' | 'preamble' | 'question' | 'answer';
  /** The section's clean text. Lines joined by a space; paragraphs by a line feed. */
  run: Run;
  /** Links (Markdown only), in document order. */
  links: Link[];
  /**
   * Rows of tables in this section, each row a list of cells as index ranges into `run.text`.
   * From GFM tables in Markdown; empty for plain text, where table layout is lost.
   */
  tables: TableSpan[];
}

/** A table inside a section. */
export interface TableSpan {
  /** Header row cells, then body rows; each cell `[start, end)` in the section's run. */
  rows: Array<Array<[number, number]>>;
}

/** What an extract stage gets besides the sections. */
export interface ExtractContext {
  /** Maps input offsets to unist positions. */
  locator: Locator;
  /** The header metadata found by the segmenter (own number, parliament, Wahlperiode). */
  meta: Meta;
  /** The input form. */
  format: 'markdown' | 'text';
  /**
   * Transmission notes cut out of the flow, as runs into the input: they name the answering body, and
   * their runs keep every character's offset however their lines were broken (LF or CRLF).
   */
  transmissionNotes?: readonly Run[];
}

/** What an extract stage returns: its records and the problems it met, in document order. */
export interface Extraction<T> {
  records: T[];
  messages: Message[];
}
