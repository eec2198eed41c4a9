import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from './tools.js';
import { trackTempDir, untrackTempDir } from '../util/temp-dirs.js';

/** Share of dark pixels below which a rendered page is blank (a scanner's empty sheet): not worth an OCR run. */
const BLANK_DARK_SHARE = 0.0005;

/** Whether a binary PGM (P5, 8-bit) is a blank page: almost no pixel darker than `darkBelow` (a thumbnail blurs text to grey). */
export function isBlankPgm(pgm: Buffer, darkBelow = 160): boolean {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header || Number(header[3]) > 255) return false;
  const start = header[0].length;
  const pixels = Number(header[1]) * Number(header[2]);
  let dark = 0;
  const limit = pixels * BLANK_DARK_SHARE;
  for (let i = start; i < start + pixels && i < pgm.length; i++) if (pgm[i] < darkBelow && ++dark > limit) return false;
  return true;
}

/**
 * One OCR process per core across the whole process: files are read in parallel, so a per-file
 * pool would oversubscribe the cores when two scanned PDFs arrive together.
 */
const slots = { free: availableParallelism(), waiting: [] as (() => void)[] };
async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (slots.free > 0) slots.free--;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await fn();
  } finally {
    const next = slots.waiting.shift();
    if (next) next(); else slots.free++;
  }
}

/** `skipped`: not read because the case's time ran out before the page's turn. */
export interface OcrPage { n: number; text: string; confidence: number; skipped?: boolean }

/**
 * Tesseract TSV → text with its line structure, and the mean word confidence.
 * Rows: level page_num block_num par_num line_num word_num left top width height conf text.
 */
export function parseTesseractTsv(tsv: string): { text: string; confidence: number } {
  const lines: string[] = [];
  let key = '';
  let par = '';
  let current: string[] = [];
  let confSum = 0;
  let words = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const word = c.slice(11).join('\t').trim();
    const conf = Number(c[10]);
    if (!word || conf < 0) continue;
    const lineKey = `${c[2]}.${c[3]}.${c[4]}`;
    if (lineKey !== key) {
      if (current.length) lines.push(current.join(' '));
      const parKey = `${c[2]}.${c[3]}`;
      if (par && parKey !== par) lines.push('');
      par = parKey;
      key = lineKey;
      current = [];
    }
    current.push(word);
    confSum += conf;
    words++;
  }
  if (current.length) lines.push(current.join(' '));
  return { text: lines.join('\n'), confidence: words ? Math.round((confSum / words) * 10) / 10 : 0 };
}

/**
 * OCR selected pages of a PDF: pdftoppm renders each page at 300 dpi grayscale PGM (PNG is 20× slower
 * to write), tesseract LSTM reads it single-threaded (OpenMP thrashes on small machines), one process per core.
 */
export async function ocrPdfPages(file: string, pages: number[], opts: { password?: string; timeoutPerPageMs?: number; timeLeft?: () => boolean } = {}): Promise<OcrPage[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plateau-ocr-'));
  trackTempDir(dir);
  const timeoutMs = opts.timeoutPerPageMs ?? 120_000;
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  try {
    return await Promise.all(pages.map((n) => withSlot(async () => {
      if (opts.timeLeft && !opts.timeLeft()) return { n, text: '', confidence: 0, skipped: true };
      const prefix = path.join(dir, `p${n}`);
      const pw = opts.password ? ['-upw', opts.password] : [];
      // A thumbnail first: a blank sheet (5,000 of them in a bad scan) costs a 20-dpi render, not an OCR run.
      await runTool('pdftoppm', [...pw, '-r', '20', '-gray', '-f', String(n), '-l', String(n), '-singlefile', file, `${prefix}-thumb`], { timeoutMs });
      const blank = isBlankPgm(await readFile(`${prefix}-thumb.pgm`), 200);
      await rm(`${prefix}-thumb.pgm`, { force: true });
      if (blank) return { n, text: '', confidence: 0 };
      await runTool('pdftoppm', [...pw, '-r', '300', '-gray', '-f', String(n), '-l', String(n), '-singlefile', file, prefix], { timeoutMs });
      const tsv = await runTool('tesseract', [`${prefix}.pgm`, 'stdout', '--oem', '1', '-l', 'eng', 'tsv'], { timeoutMs, env });
      await rm(`${prefix}.pgm`, { force: true });
      return { n, ...parseTesseractTsv(tsv) };
    })));
  } finally {
    await rm(dir, { recursive: true, force: true });
    untrackTempDir(dir);
  }
}
