// @ts-check
/**
 * Runs inside a worker thread (see isolate.ts). Plain JavaScript on purpose: loading pdf.js through
 * the TypeScript loader costs ~0.4 s per worker, ten times the import itself. Message shapes are
 * typed in isolate.ts (TaskRequest / TaskResult).
 * the parsers that chew on untrusted binary
 * formats (pdf.js, mammoth, exceljs) live here so a hostile file can only exhaust the
 * worker's heap or time budget, never the main process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** @param {string} file @param {string} [password] */
async function loadPdf(file, password) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fontDir = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;
  const data = new Uint8Array(await readFile(file));
  return pdfjs.getDocument({ data, password, standardFontDataUrl: fontDir, disableFontFace: true, isEvalSupported: false, verbosity: 0, stopAtErrors: false }).promise;
}
/** @typedef {Awaited<ReturnType<typeof loadPdf>>} PdfDoc */

/** Flatten the outline into (title, 1-based page) pairs; entries whose target cannot be resolved are skipped. */
/** @param {PdfDoc} pdf */
async function outlineOf(pdf) {
  /** @type {{ title: string; page: number }[]} */
  const out = [];
  /** @param {Awaited<ReturnType<PdfDoc['getOutline']>>} items */
  const walk = async (items) => {
    for (const item of items ?? []) {
      try {
        const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
        const ref = dest?.[0];
        if (ref && typeof ref === 'object') out.push({ title: item.title, page: (await pdf.getPageIndex(/** @type {any} */ (ref))) + 1 });
        else if (typeof ref === 'number') out.push({ title: item.title, page: ref + 1 });
      } catch { /* dangling bookmark: ignore */ }
      await walk(item.items);
    }
  };
  await walk(await pdf.getOutline());
  return out;
}

/** Page text in reading order: items grouped into lines by baseline, lines top to bottom, items left to right. */
/** @param {PdfDoc} pdf @param {number} n */
async function pageText(pdf, n) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  /** @type {{ y: number; items: { x: number; s: string }[] }[]} */
  const lines = [];
  for (const it of content.items) {
    if (!('str' in it)) continue;
    const x = it.transform[4];
    const y = it.transform[5];
    let line = lines.find((l) => Math.abs(l.y - y) < Math.max(2, it.height * 0.4));
    if (!line) { line = { y, items: [] }; lines.push(line); }
    if (it.str) line.items.push({ x, s: it.str });
  }
  page.cleanup();
  lines.sort((a, b) => b.y - a.y);
  return lines.map((l) => l.items.sort((a, b) => a.x - b.x).map((i) => i.s).join(' ').replace(/\s+$/, '')).join('\n');
}

/** @param {import('./isolate.js').TaskRequest} req @returns {Promise<import('./isolate.js').TaskResult>} */
async function run(req) {
  switch (req.task) {
    case 'pdf-open': {
      const pdf = await loadPdf(req.file, req.password);
      const numPages = pdf.numPages;
      const outline = numPages > 0 ? await outlineOf(pdf) : [];
      await pdf.destroy();
      return { task: 'pdf-open', numPages, outline };
    }
    case 'pdf-text': {
      const pdf = await loadPdf(req.file, req.password);
      /** @type {string[]} */
      const pages = [];
      for (let n = req.first; n <= Math.min(req.last, pdf.numPages); n++) pages.push(await pageText(pdf, n));
      await pdf.destroy();
      return { task: 'pdf-text', pages };
    }
    case 'docx': {
      const mammoth = await import('mammoth');
      const r = await mammoth.extractRawText({ path: req.file });
      return { task: 'docx', text: r.value, messages: r.messages.map((/** @type {{ message: string }} */ m) => m.message) };
    }
    case 'xlsx': {
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(req.file);
      const sheets = wb.worksheets.map((ws) => {
        /** @type {string[][]} */
        const rows = [];
        ws.eachRow({ includeEmpty: false }, (row) => {
          /** @type {string[]} */
          const cells = [];
          for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
          rows.push(cells);
        });
        return { name: ws.name, rows };
      });
      return { task: 'xlsx', sheets };
    }
  }
}

/** Excel cell → the text a user sees; dates as ISO so the ledger reader parses one format. */
/** @param {unknown} v @returns {string} */
function cellText(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = /** @type {{ text?: string; result?: unknown; richText?: { text: string }[] }} */ (v);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v);
}

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
run(workerData).then(
  (result) => port.postMessage({ ok: true, result }),
  (err) => {
    const e = /** @type {{ name?: string; code?: number; message?: string }} */ (err);
    port.postMessage({ ok: false, name: e?.name ?? 'Error', code: e?.code, message: e?.message ?? String(err) });
  },
);
