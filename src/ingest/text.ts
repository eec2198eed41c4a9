/** Plain-text records: decoding (UTF-8 or UTF-16, else Windows-1252 with a warning) and pages split at form feeds or page markers. */
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

/**
 * Every line break as "\n": a CR (alone or before LF) and the Unicode line and paragraph separators, which regular
 * expressions also take for the end of a line ("^", "$") while "[^\n]" runs across them. A record whose lines end
 * otherwise would be read with lines that do not agree, and a long run of them costs quadratic time (FUZZ-7).
 */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

/** The same, one character for one, for a text already cut into pages: a CR before LF stays. */
export function sameLengthLineBreaks(text: string): string {
  return /[\r\u2028\u2029]/.test(text) ? text.replace(/\r(?!\n)|[\u2028\u2029]/g, '\n') : text;
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

/** "Page 2 of 5", "Pg. 2 of 5", and a fax machine's "P.002/005". */
const PAGE_MARK = /\b(?:page|pg\.?)[ \t]*(\d{1,4})[ \t]+of[ \t]+(\d{1,4})\b|\bP\.[ \t]?(\d{3})\/(\d{3})\b/gi;

/**
 * Pages of a text without form feeds, from its page markers: fax banners and EHR headers open a page, footers
 * close one. Only markers that count up in sequence ("1 of 3", "2 of 3", then "1 of 2" for the next enclosure)
 * are taken, so a "page 4 of 9" quoted in a sentence is not a page break. Fewer than two: one page.
 */
export function pagesFromMarkers(text: string): Page[] {
  const marks: { lineStart: number; lineEnd: number }[] = [];
  let prev: { n: number; of: number } | undefined;
  for (const m of text.matchAll(PAGE_MARK)) {
    const n = Number(m[1] ?? m[3]);
    const of = Number(m[2] ?? m[4]);
    if (n < 1 || n > of) continue;
    const inSequence = prev ? (n === prev.n + 1 && of === prev.of) || (n === 1 && prev.n === prev.of) : n === 1;
    if (!inSequence) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (marks.length && marks[marks.length - 1].lineStart === lineStart) continue;
    const e = text.indexOf('\n', m.index);
    marks.push({ lineStart, lineEnd: e < 0 ? text.length : e + 1 });
    prev = { n, of };
  }
  if (marks.length < 2) return [{ n: 1, start: 0, end: text.length }];
  // A marker among the first lines is a page header; otherwise markers are footers.
  const header = text.slice(0, marks[0].lineStart).split('\n').filter((l) => l.trim()).length <= 2;
  const cuts = header ? marks.slice(1).map((m) => m.lineStart) : marks.map((m) => m.lineEnd);
  if (!header && !text.slice(cuts[cuts.length - 1]).trim()) cuts.pop();
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(1).map((end, i) => ({ n: i + 1, start: bounds[i], end }));
}

export function readTextDocument(id: string, file: string, bytes: Buffer): SourceDocument {
  const warnings: string[] = [];
  const text = normaliseLineBreaks(decodeText(bytes, warnings));
  return { id, file, kind: 'text', text, pages: text.includes('\f') ? pagesFromFormFeeds(text) : pagesFromMarkers(text), warnings, meta: {} };
}
