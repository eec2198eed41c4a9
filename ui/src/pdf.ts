/** pdf.js, loaded only when a reviewer asks to see a PDF page. The worker is bundled with the app (no CDN). */
import { GlobalWorkerOptions, Util, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const docs = new Map<string, Promise<PDFDocumentProxy>>();

export function loadPdf(url: string): Promise<PDFDocumentProxy> {
  let p = docs.get(url);
  if (!p) {
    // No eval (the CSP forbids it) and no WebAssembly decoders fetched at run time.
    p = getDocument({ url, isEvalSupported: false, useWasm: false }).promise;
    p.catch(() => docs.delete(url));
    docs.set(url, p);
  }
  return p;
}

/**
 * Draws one page at the given CSS width; when `quote` is given, marks its words on the page (found in the page's
 * text layer, whitespace-insensitive). Returns whether the quote was found.
 */
export async function renderPdfPage(url: string, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number, quote?: string): Promise<{ pages: number; marked: boolean }> {
  const doc = await loadPdf(url);
  const n = Math.min(Math.max(1, pageNumber), doc.numPages);
  const page = await doc.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const dpr = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * dpr });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / dpr)}px`;
  canvas.style.height = `${Math.floor(viewport.height / dpr)}px`;
  await page.render({ canvas, viewport }).promise;
  if (!quote?.trim()) return { pages: doc.numPages, marked: false };

  const content = await page.getTextContent();
  const items = content.items.filter((i): i is TextItem => 'str' in i);
  let text = '';
  const spans: { start: number; end: number; item: TextItem }[] = [];
  for (const item of items) {
    const start = text.length;
    text += item.str;
    spans.push({ start, end: text.length, item });
    text += item.hasEOL ? '\n' : '';
  }
  const words = quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(words.join('\\s*'));
  const m = re.exec(text) ?? new RegExp(words.join('\\s*'), 'i').exec(text);
  if (!m) return { pages: doc.numPages, marked: false };
  const from = m.index;
  const to = m.index + m[0].length;
  const ctx = canvas.getContext('2d');
  if (!ctx) return { pages: doc.numPages, marked: false };
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'multiply';
  ctx.fillStyle = 'rgba(255, 214, 10, 0.55)';
  for (const s of spans) {
    if (s.end <= from || s.start >= to || s.end === s.start) continue;
    const tx = Util.transform(viewport.transform, s.item.transform);
    const h = Math.hypot(tx[2], tx[3]);
    const w = s.item.width * viewport.scale;
    const len = s.end - s.start;
    const x0 = tx[4] + (w * (Math.max(from, s.start) - s.start)) / len;
    const x1 = tx[4] + (w * (Math.min(to, s.end) - s.start)) / len;
    ctx.fillRect(x0 - 1, tx[5] - h * 0.95, x1 - x0 + 2, h * 1.25);
  }
  ctx.restore();
  return { pages: doc.numPages, marked: true };
}
