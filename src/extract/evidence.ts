import type { Evidence, Page, SourceDocument } from '../model/index.js';

/** Page whose [start, end] contains `offset` (binary search; pages are sorted and contiguous up to form feeds). */
export function pageAt(pages: Page[], offset: number): Page | undefined {
  let lo = 0; let hi = pages.length - 1; let best: Page | undefined = pages[0];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pages[mid].start <= offset) { best = pages[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/** The one way to cite text: quote is exactly doc.text.slice(start, end), with page, exhibit and OCR data. */
export function evidenceAt(doc: SourceDocument, start: number, end: number): Evidence {
  const s = Math.max(0, Math.min(start, doc.text.length));
  const e = Math.max(s, Math.min(end, doc.text.length));
  const page = pageAt(doc.pages, s);
  const ev: Evidence = { file: doc.file, page: page?.n ?? 1, start: s, end: e, quote: doc.text.slice(s, e) };
  if (page?.exhibit) ev.exhibit = page.exhibit;
  else if (doc.exhibit && page) ev.exhibit = `${doc.exhibit}/${page.n}`;
  if (page?.transcriptPage !== undefined) ev.transcriptPage = page.transcriptPage;
  if (page?.ocrConfidence !== undefined) ev.ocr = { confidence: page.ocrConfidence };
  return ev;
}
