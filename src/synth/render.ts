/**
 * Render plain-text pages as the files claimants actually send: a PDF with a text layer,
 * a scanned-looking image-only PDF, and a Word document. Used by the synthetic case
 * generator and by the ingest tests and benchmark (fixtures are generated, never committed).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const run = promisify(execFile);

export interface PdfRenderOptions {
  /** Footer printed at the bottom of each page, e.g. (n, total) => `Page ${n} of ${total}`. */
  footer?: (page: number, total: number) => string;
  /** PDF outline (bookmarks): title → 1-based page where it starts, e.g. exhibit labels. */
  outline?: { title: string; page: number }[];
  fontSize?: number;
  title?: string;
}

const MARGIN = 54;

/** pdfkit writes into a stream; collect it into one buffer. */
function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** One PDF page per text page, lines kept as lines (long lines wrap), Helvetica, optional footer and outline. */
export function renderTextPdf(pages: string[], opts: PdfRenderOptions = {}): Promise<Buffer> {
  const fontSize = opts.fontSize ?? 9.5;
  const doc = new PDFDocument({ size: 'LETTER', margin: MARGIN, autoFirstPage: false, compress: true, info: { Title: opts.title ?? 'Medical records' } });
  const done = collect(doc);
  const bottom = 792 - MARGIN;
  for (const [i, text] of pages.entries()) {
    doc.addPage();
    // pdfkit binds an outline entry to the page being written.
    for (const o of opts.outline ?? []) if (o.page === i + 1) doc.outline.addItem(o.title);
    doc.font('Helvetica').fontSize(fontSize);
    // Write line by line and stop at the bottom margin, so one text page is exactly one PDF page.
    for (const line of text.split('\n')) {
      if (doc.y + doc.currentLineHeight() > bottom - 18) break;
      doc.text(line.length ? line : ' ', { width: 612 - 2 * MARGIN, height: bottom - doc.y });
    }
    if (opts.footer) {
      // Writing below the bottom margin would make pdfkit start a new page.
      doc.page.margins.bottom = 0;
      doc.fontSize(8).text(opts.footer(i + 1, pages.length), MARGIN, bottom - 6, { width: 612 - 2 * MARGIN, align: 'center', lineBreak: false });
    }
  }
  doc.end();
  return done;
}

/**
 * Image-only PDF that looks like a fax/scan: the text PDF is rasterised (pdftoppm, grayscale JPEG)
 * and each image becomes the only content of its page. Needs poppler-utils (scripts/setup.sh).
 */
export async function renderScannedPdf(pages: string[], opts: { dpi?: number; footer?: PdfRenderOptions['footer'] } = {}): Promise<Buffer> {
  const dpi = opts.dpi ?? 200;
  const dir = await mkdtemp(path.join(tmpdir(), 'plateau-scan-'));
  try {
    const src = path.join(dir, 'src.pdf');
    await writeFile(src, await renderTextPdf(pages, { footer: opts.footer, fontSize: 11 }));
    await run('pdftoppm', ['-r', String(dpi), '-gray', '-jpeg', '-jpegopt', 'quality=80', src, path.join(dir, 'p')]);
    const images = (await readdir(dir)).filter((f) => f.endsWith('.jpg')).sort();
    const doc = new PDFDocument({ size: 'LETTER', margin: 0, autoFirstPage: false, info: { Title: 'Scanned records' } });
    const done = collect(doc);
    for (const img of images) {
      doc.addPage();
      doc.image(await readFile(path.join(dir, img)), 0, 0, { width: 612, height: 792 });
    }
    doc.end();
    return await done;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A line is treated as a heading when it is a short title-like line ("HISTORY OF PRESENT ILLNESS:", "Assessment"). */
function isHeading(line: string): boolean {
  const t = line.trim().replace(/:$/, '');
  return t.length > 2 && t.length < 48 && /^[A-Z][A-Z0-9 &/()-]+$/.test(t);
}

/** Word document: one paragraph per line, title-like lines as headings, a page break between pages. */
export async function renderDocx(pages: string[]): Promise<Buffer> {
  const children: Paragraph[] = [];
  for (const [i, text] of pages.entries()) {
    const lines = text.split('\n');
    for (const [j, line] of lines.entries()) {
      const breakBefore = i > 0 && j === 0;
      if (isHeading(line)) {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: breakBefore, children: [new TextRun(line)] }));
      } else {
        children.push(new Paragraph({ pageBreakBefore: breakBefore, children: [new TextRun(line)] }));
      }
    }
  }
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}
