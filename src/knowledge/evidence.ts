/** Citing text: evidence spans over a document's whole text, and the page bookkeeping they rest on. */
import type { Evidence, Page, SourceDocument } from '../model/index.js';

/** The page holding offset `at` (binary search; pages are sorted and disjoint); undefined only when there are no pages. */
function pageAt(pages: Page[], at: number): Page | undefined {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid].start <= at) lo = mid; else hi = mid - 1;
  }
  return pages[lo];
}

/**
 * The one way to cite text: quote is exactly doc.text.slice(start, end) (offsets clamped to the text), with
 * page, exhibit, transcript page and OCR confidence from its page.
 */
export function evidenceAt(
  doc: Pick<SourceDocument, 'file' | 'text' | 'pages' | 'exhibit'>,
  start: number,
  end: number,
  extra: Partial<Evidence> = {},
): Evidence {
  const s = Math.max(0, Math.min(start, doc.text.length));
  const page = pageAt(doc.pages, s);
  // A quote never runs onto the next page: a match that spans a page break (a name above a fax footer) is cut at it.
  const e = Math.max(s, Math.min(end, doc.text.length, page && s < page.end ? page.end : Infinity));
  const ev: Evidence = { file: doc.file, page: page?.n ?? 1, start: s, end: e, quote: doc.text.slice(s, e) };
  if (page?.exhibit) ev.exhibit = page.exhibit;
  else if (doc.exhibit && page) ev.exhibit = `${doc.exhibit}/${page.n}`;
  if (page?.transcriptPage !== undefined) ev.transcriptPage = page.transcriptPage;
  if (page?.ocrConfidence !== undefined) ev.ocr = { confidence: page.ocrConfidence };
  return { ...ev, ...extra };
}

/** Pages for text whose pages are joined with '\f' (pdf, docx): the separator belongs to no page. */
export function joinPages(pageTexts: string[]): { text: string; pages: Page[] } {
  const pages: Page[] = [];
  let at = 0;
  for (const [i, t] of pageTexts.entries()) {
    pages.push({ n: i + 1, start: at, end: at + t.length });
    at += t.length + 1;
  }
  return { text: pageTexts.join('\f'), pages };
}

/** Trim an [start, end) span so it does not begin or end in whitespace. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}
