/**
 * Decode the bytes of an input file into text, or say clearly why they cannot be read.
 */

/** Why an input cannot be read at all. */
export class UnreadableInputError extends Error {
  /** A short machine-readable reason: `empty`, `binary`, `encoding`, `too-large`, `too-deep`. */
  readonly reason: 'empty' | 'binary' | 'encoding' | 'too-large' | 'too-deep';

  /**
   * @param reason Machine-readable reason.
   * @param message What a user can act on.
   */
  constructor(reason: UnreadableInputError['reason'], message: string) {
    super(message);
    this.name = 'UnreadableInputError';
    this.reason = reason;
  }
}

/** The largest input accepted, in bytes (a long Drucksache with tables is about 3 MB). */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * Whether text holds control characters that never occur in text (C0 controls other than tab,
 * line feed, vertical tab, form feed, carriage return and escape).
 *
 * @param text The text to look at.
 * @returns True if one is found.
 */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && !(code >= 0x09 && code <= 0x0d) && code !== 0x1b) return true;
  }
  return false;
}

/**
 * Decode input bytes as UTF-8 (or UTF-16 where a byte order mark says so).
 *
 * @param bytes The file's content.
 * @returns The decoded text, without a byte order mark.
 * @throws {UnreadableInputError} For empty, binary, oversized or non-UTF-8 input.
 */
export function decode(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    throw new UnreadableInputError('too-large', `Unexpected input of ${bytes.byteLength} bytes, expected at most ${MAX_INPUT_BYTES} bytes (the size limit)`);
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  else {
    const sample = bytes.subarray(0, 8192);
    if (sample.includes(0)) throw new UnreadableInputError('binary', 'Unexpected binary content (NUL bytes), expected UTF-8 text');
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const hint = looksLikeWindows1252(bytes) ? ' (it looks like Windows-1252 or Latin-1: convert it with `iconv -f windows-1252 -t utf-8`)' : '';
      throw new UnreadableInputError('encoding', `Unexpected byte sequence that is not UTF-8, expected UTF-8 text${hint}`);
    }
  }
  if (hasControlCharacters(text.slice(0, 8192))) throw new UnreadableInputError('binary', 'Unexpected control characters, expected text');
  if (text.trim() === '') throw new UnreadableInputError('empty', 'Unexpected empty input, expected the text of a Drucksache');
  return text;
}

/**
 * Whether invalid UTF-8 reads as Windows-1252 German: umlauts as single high bytes.
 *
 * @param bytes The content.
 * @returns True if high bytes are umlauts or ß.
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  const umlauts = new Set([0xe4, 0xf6, 0xfc, 0xc4, 0xd6, 0xdc, 0xdf, 0x96, 0x84, 0x93]);
  let high = 0;
  let german = 0;
  for (const byte of bytes.subarray(0, 65536)) {
    if (byte < 0x80) continue;
    high++;
    if (umlauts.has(byte)) german++;
  }
  return high > 0 && german / high > 0.5;
}
