import type { Evidence, Page, SourceDocument } from '../model/index.js';

/** The page holding offset `at` (binary search; pages are sorted and disjoint). */
export function pageAt(pages: Page[], at: number): Page {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid].start <= at) lo = mid; else hi = mid - 1;
  }
  return pages[lo];
}

/** Evidence for doc.text[start, end), with page, exhibit, transcript page and OCR confidence from its page. */
export function evidenceAt(doc: Pick<SourceDocument, 'file' | 'text' | 'pages'>, start: number, end: number, extra: Partial<Evidence> = {}): Evidence {
  const page = pageAt(doc.pages, start);
  const ev: Evidence = { file: doc.file, page: page.n, start, end, quote: doc.text.slice(start, end) };
  if (page.exhibit) ev.exhibit = page.exhibit;
  if (page.transcriptPage !== undefined) ev.transcriptPage = page.transcriptPage;
  if (page.ocrConfidence !== undefined) ev.ocr = { confidence: page.ocrConfidence };
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
