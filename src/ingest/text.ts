/** Plain-text records: decoding (UTF-8 or UTF-16, else Windows-1252 with a warning) and pages split at form feeds. */
import type { Page, SourceDocument } from '../model/index.js';

/** Largest text file read whole; bigger records should arrive as PDF exhibits or be split. */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;

export class ReadError extends Error {}

/**
 * Decode bytes as text or explain why they are not text. UTF-16 with a byte-order mark is decoded as such.
 * Bytes that are not valid UTF-8 are an error unless `warnings` is given: then they are read as Windows-1252
 * (what older clinic systems export) and the warning says so, since accented letters may be wrong.
 */
export function decodeText(bytes: Buffer, warnings?: string[]): string {
  if (bytes.length === 0) throw new ReadError('empty file (0 bytes)');
  if (bytes.length > MAX_TEXT_BYTES) throw new ReadError(`file too large: ${bytes.length} bytes (limit ${MAX_TEXT_BYTES})`);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  let text: string;
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes);
  } else {
    const probe = bytes.subarray(0, 8192);
    if (probe.includes(0)) throw new ReadError('binary file (contains NUL bytes), not text');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      if (!warnings) throw new ReadError('not valid UTF-8 text (re-save the file as UTF-8)');
      text = new TextDecoder('windows-1252').decode(bytes);
      warnings.push('not valid UTF-8: read as Windows-1252; check accented letters and symbols against the original');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) throw new ReadError('file holds only whitespace');
  return text;
}

/** Pages split at form feeds; the form feed itself belongs to no page. */
export function pagesFromFormFeeds(text: string): Page[] {
  const pages: Page[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\f') {
      pages.push({ n: pages.length + 1, start, end: i });
      start = i + 1;
    }
  }
  return pages;
}

export function readTextDocument(id: string, file: string, bytes: Buffer): SourceDocument {
  const warnings: string[] = [];
  const text = decodeText(bytes, warnings);
  return { id, file, kind: 'text', text, pages: pagesFromFormFeeds(text), warnings, meta: {} };
}
