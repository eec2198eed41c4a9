import type { Page, SourceDocument } from '../model/index.js';

/** Largest text file read whole; bigger records should arrive as PDF exhibits or be split. */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;

export class ReadError extends Error {}

/** Decode bytes as UTF-8 text or explain why they are not text. */
export function decodeText(bytes: Buffer): string {
  if (bytes.length === 0) throw new ReadError('empty file (0 bytes)');
  if (bytes.length > MAX_TEXT_BYTES) throw new ReadError(`file too large: ${bytes.length} bytes (limit ${MAX_TEXT_BYTES})`);
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new ReadError('binary file (contains NUL bytes), not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReadError('not valid UTF-8 text (re-save the file as UTF-8)');
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
  const text = decodeText(bytes);
  return { id, file, kind: 'text', text, pages: pagesFromFormFeeds(text), warnings: [], meta: {} };
}
