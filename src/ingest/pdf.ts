/** PDF records: text layer through pdfjs, OCR for image-only pages, exhibit labels from bookmarks. */
import { availableParallelism } from 'node:os';
import type { SourceDocument } from '../model/index.js';
import { joinPages } from '../knowledge/evidence.js';
import { labelExhibitPages, labelTranscriptPages } from './exhibit.js';
import { runIsolated, ParserError } from './isolate.js';
import { ocrPdfPages } from './ocr.js';
import { ReadError } from './text.js';
import type { CaseBudget } from './budget.js';
import { hasTool, mapLimit, runTool } from './tools.js';

export interface PdfOptions {
  /** User password for encrypted PDFs. */
  password?: string;
  /** Refuse PDFs declaring more pages than this (PDF bombs, absurd exports). */
  maxPages?: number;
  /** Set false to skip OCR (pages without a text layer then stay empty, with a warning). */
  ocr?: boolean;
  /** Force pdf.js even when pdftotext is installed (tests compare the two). */
  engine?: 'auto' | 'pdfjs';
  /** The case's page, OCR and time limits, shared by every file of the case. */
  budget?: CaseBudget;
}

export const MAX_PDF_PAGES = 5000;
/** A page with fewer visible characters than this is treated as having no usable text layer. */
const MIN_TEXT_CHARS = 25;

/** pdf.js errors → what the user can do about them. */
function explain(err: unknown, hasPassword: boolean): Error {
  if (err instanceof ParserError) {
    if (err.parserName === 'PasswordException') {
      return new ReadError(err.code === 2 && hasPassword
        ? 'encrypted PDF: the password given is wrong'
        : 'encrypted PDF: needs a user password to open (supply the password, or save an unlocked copy)');
    }
    if (err.parserName === 'InvalidPDFException') return new ReadError(`corrupt or truncated PDF: ${err.message}`);
    return new ReadError(`unreadable PDF (${err.parserName}: ${err.message})`);
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Pages of text from pdftotext (poppler; ~15× faster than pdf.js), pages split at its form feeds. */
async function pdftotextPages(file: string, numPages: number, password?: string): Promise<string[] | undefined> {
  const pw = password ? ['-upw', password] : [];
  const out = await runTool('pdftotext', [...pw, '-enc', 'UTF-8', '-eol', 'unix', file, '-'], { timeoutMs: 20_000 + numPages * 20 });
  const pages = out.split('\f');
  if (pages.length === numPages + 1 && pages[numPages] === '') pages.pop();
  return pages.length === numPages ? pages : undefined;
}

/** pdf.js fallback, page ranges spread over the cores (each worker parses the file once). */
async function pdfjsPages(file: string, numPages: number, password?: string): Promise<string[]> {
  const lanes = numPages > 100 ? availableParallelism() : 1;
  const size = Math.ceil(numPages / lanes);
  const ranges = Array.from({ length: lanes }, (_, i) => ({ first: i * size + 1, last: Math.min(numPages, (i + 1) * size) })).filter((r) => r.first <= r.last);
  const parts = await mapLimit(ranges, lanes, (r) =>
    runIsolated({ task: 'pdf-text', file, password, ...r }, { timeoutMs: 30_000 + (r.last - r.first + 1) * 50, memoryMb: 1024 }));
  return parts.flatMap((p) => p.pages);
}

/** Tidy extracted page text: no trailing spaces, no stray form feeds (they separate pages in doc.text). */
function cleanPage(t: string): string {
  return t.replace(/\f/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
}

function ranges(ns: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; i++) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    out.push(i === j ? `${ns[i]}` : `${ns[i]}–${ns[j]}`);
    i = j;
  }
  return out.length > 12 ? `${out.slice(0, 12).join(', ')} and ${out.length - 12} more` : out.join(', ');
}

export async function readPdf(id: string, file: string, abs: string, fileExhibit: string | undefined, opts: PdfOptions = {}): Promise<SourceDocument> {
  const maxPages = opts.maxPages ?? MAX_PDF_PAGES;
  let info;
  try {
    info = await runIsolated({ task: 'pdf-open', file: abs, password: opts.password }, { timeoutMs: 30_000, memoryMb: 1024 });
  } catch (err) {
    throw explain(err, !!opts.password);
  }
  if (info.numPages === 0) throw new ReadError('PDF has no pages');
  if (info.numPages > maxPages) {
    throw new ReadError(`PDF declares ${info.numPages.toLocaleString('en-US')} pages, above the ${maxPages.toLocaleString('en-US')}-page limit (possible PDF bomb); split it into exhibits`);
  }
  const refused = opts.budget?.takePages(info.numPages);
  if (refused) throw new ReadError(refused);
  const warnings: string[] = [];
  let engine = 'pdftotext';
  let texts: string[] | undefined;
  if (opts.engine !== 'pdfjs' && hasTool('pdftotext')) {
    try {
      texts = await pdftotextPages(abs, info.numPages, opts.password);
    } catch (err) {
      warnings.push(`pdftotext failed (${(err as Error).message.split('\n')[0]}); read with pdf.js instead`);
    }
  }
  if (!texts) {
    engine = 'pdf.js';
    try {
      texts = await pdfjsPages(abs, info.numPages, opts.password);
    } catch (err) {
      throw explain(err, !!opts.password);
    }
  }
  texts = texts.map(cleanPage);

  const blank = texts.flatMap((t, i) => (t.replace(/\s/g, '').length < MIN_TEXT_CHARS ? [i + 1] : []));
  const confidence = new Map<number, number>();
  if (blank.length) {
    if (opts.ocr !== false && hasTool('tesseract') && hasTool('pdftoppm')) {
      const granted = opts.budget ? opts.budget.takeOcr(blank.length) : blank.length;
      const unread = blank.slice(granted);
      try {
        for (const r of await ocrPdfPages(abs, blank.slice(0, granted), { password: opts.password, timeLeft: opts.budget && (() => opts.budget!.ocrTimeLeft()) })) {
          if (r.skipped) { unread.push(r.n); continue; }
          texts[r.n - 1] = cleanPage(r.text);
          confidence.set(r.n, r.confidence);
        }
        if (confidence.size) {
          const mean = [...confidence.values()].reduce((a, b) => a + b, 0) / confidence.size;
          const read = [...confidence.keys()].sort((a, b) => a - b);
          warnings.push(`page${read.length > 1 ? 's' : ''} ${ranges(read)} read by OCR (mean word confidence ${mean.toFixed(0)}/100); check quotes against the scan`);
        }
      } catch (err) {
        warnings.push(`OCR failed on pages ${ranges(blank)}: ${(err as Error).message.split('\n')[0]}`);
      }
      unread.sort((a, b) => a - b);
      if (unread.length) warnings.push(`page${unread.length > 1 ? 's' : ''} ${ranges(unread)} not read by OCR: ${opts.budget!.ocrRefused()}; the analysis does not cover ${unread.length > 1 ? 'them' : 'it'}`);
    } else {
      warnings.push(`page${blank.length > 1 ? 's' : ''} ${ranges(blank)} ha${blank.length > 1 ? 've' : 's'} no text layer and OCR is ${opts.ocr === false ? 'off' : 'not installed (run scripts/setup.sh)'}`);
    }
  }
  const { text, pages } = joinPages(texts);
  for (const p of pages) if (confidence.has(p.n)) p.ocrConfidence = confidence.get(p.n);
  const exhibit = labelExhibitPages(pages, fileExhibit, info.outline);
  labelTranscriptPages(text, pages);
  return {
    id, file, kind: 'pdf', text, pages, exhibit, warnings,
    meta: { engine, pages: info.numPages, ocrPages: confidence.size },
  };
}
