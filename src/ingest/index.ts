/** The ingest stage: list a case folder, sniff each file, read it with the right reader, and report failures. */
import { open, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { SourceDocument } from '../model/index.js';
import { readDocx } from './docx.js';
import { findDuplicates, type Duplicate } from './duplicates.js';
import { exhibitFromFilename, labelTranscriptPages } from './exhibit.js';
import { readFhir } from './fhir.js';
import { readCsvLedger, readXlsxLedger } from './ledger.js';
import { readPdf, type PdfOptions } from './pdf.js';
import { readRtf } from './rtf.js';
import { describe, mislabel, sniff } from './sniff.js';
import { MAX_TEXT_BYTES, ReadError, readTextDocument, sameLengthLineBreaks } from './text.js';
import { mapLimit } from './tools.js';
import { byCodePoint } from '../util/arrays.js';
import { assertSafeZip } from './zip-guard.js';
import { CaseBudget, DEFAULT_CASE_LIMITS, type CaseLimits } from './budget.js';

export interface FileFailure { file: string; error: string }
export interface ReadCaseResult {
  documents: SourceDocument[];
  failures: FileFailure[];
  /** Duplicate exhibits and copy-forward paragraphs across the documents read. */
  duplicates: Duplicate[];
}
export interface ReadOptions {
  pdf?: PdfOptions;
  /** Files read at once (default: one per core). */
  concurrency?: number;
  /** Called once per failed file (the CLI prints these to stderr as they happen). */
  onFailure?: (f: FileFailure) => void;
  /** Called as each file is read (or fails), with the count done of the total and the pages it held. */
  onFileRead?: (p: { file: string; filesDone: number; filesTotal: number; pages: number }) => void;
  /** The case's limits on pages, OCR pages and reading time (defaults: `DEFAULT_CASE_LIMITS`). */
  limits?: Partial<CaseLimits>;
}

/** Largest file of any kind read at all (PDF exhibits of a few thousand pages stay far below). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** Plateau's own outputs: the HTML report's generator tag, the Markdown report's first line, the JSON contract. */
const PLATEAU_OUTPUT = /<meta name="generator" content="plateau">|^<!-- generator: plateau -->|^\{\s*"schemaVersion":\s*"[\d.]+",\s*"generatedBy":\s*"plateau"/;

/** Case metadata Plateau's own tools write beside the records (claim details, ground truth): not records. */
export const CASE_METADATA_FILES = new Set(['case.json', 'truth.json', 'expected.json']);

/** Every file under the given paths (folders recursively; hidden files and case metadata skipped), sorted for stable ids.
 * Entries that cannot be read as files (FIFOs, devices, broken links, unreadable folders) carry an `error` instead. */
export async function listFiles(inputs: string[]): Promise<{ abs: string; display: string; error?: string }[]> {
  const out: { abs: string; display: string; error?: string }[] = [];
  // Real paths of folders already walked: a symlink loop or a link back up the tree is walked once.
  const seen = new Set<string>();
  async function walk(abs: string, root: string, realRoot: string): Promise<void> {
    const display = root === abs ? path.basename(abs) : path.relative(root, abs);
    let st;
    try {
      // Inside a case folder, a link may not lead out of it (a link to /etc/passwd is not a record of this case).
      if (abs !== root) {
        const real = await realpath(abs);
        if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
          out.push({ abs, display, error: 'a link that leads outside the case folder: skipped' });
          return;
        }
      }
      st = await stat(abs);
    } catch (err) {
      out.push({ abs, display, error: `cannot open: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      return;
    }
    if (st.isDirectory()) {
      const real = await realpath(abs);
      if (seen.has(real)) return;
      seen.add(real);
      let names: string[];
      try {
        names = (await readdir(abs)).sort();
      } catch (err) {
        out.push({ abs, display, error: `cannot list folder: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
        return;
      }
      for (const name of names) {
        if (name.startsWith('.') || CASE_METADATA_FILES.has(name)) continue;
        await walk(path.join(abs, name), root, realRoot);
      }
    } else if (st.isFile()) {
      out.push({ abs, display });
    } else {
      out.push({ abs, display, error: 'not a regular file (pipe, socket or device): skipped' });
    }
  }
  for (const input of inputs) {
    const abs = path.resolve(input);
    let realRoot = abs;
    try { realRoot = await realpath(abs); } catch { /* reported by walk */ }
    await walk(abs, abs, realRoot);
  }
  return out;
}

/** One file → its documents (FHIR bundles may add narrative attachments), dispatched on content, not name. */
export async function readFileDocuments(id: string, display: string, abs: string, opts: ReadOptions = {}): Promise<SourceDocument[]> {
  const docs = await readDocuments(id, display, abs, opts);
  // (A ledger's rows are cited as read, their evidence built by the reader: its text stays as it is.)
  for (const d of docs) if (d.kind !== 'ledger') d.text = sameLengthLineBreaks(d.text);
  return docs;
}

async function readDocuments(id: string, display: string, abs: string, opts: ReadOptions): Promise<SourceDocument[]> {
  const st = await stat(abs);
  if (st.size > MAX_FILE_BYTES) throw new ReadError(`file too large: ${st.size} bytes`);
  const ext = path.extname(abs).toLowerCase();
  // Sniff from the head; only small formats are read whole here (PDF/DOCX/XLSX are read by isolated parsers).
  const head = Buffer.alloc(Math.min(st.size, 64 * 1024));
  const fh = await open(abs, 'r');
  try { await fh.read(head, 0, head.length, 0); } finally { await fh.close(); }
  let kind = sniff(head, ext);
  if ((kind === 'zip' || kind === 'docx' || kind === 'xlsx') && st.size > head.length) {
    // The OOXML part names may sit past the first 64 KB (central directory at the end).
    kind = sniff(await readFile(abs), ext);
  }
  if (kind === 'empty') throw new ReadError('empty file (0 bytes)');
  // A report Plateau wrote (saved into the case folder) is not a record: reading it back would cite the analysis as evidence.
  if (PLATEAU_OUTPUT.test(head.subarray(0, 4096).toString('utf8'))) throw new ReadError('a Plateau report, not a record: skipped');
  const wrong = mislabel(ext, kind);
  if (wrong) throw new ReadError(wrong);
  const exhibit = exhibitFromFilename(display);
  const small = async () => {
    if (st.size > MAX_TEXT_BYTES) throw new ReadError(`file too large: ${st.size} bytes (limit ${MAX_TEXT_BYTES})`);
    return readFile(abs);
  };
  switch (kind) {
    case 'pdf': return [await readPdf(id, display, abs, exhibit, opts.pdf)];
    case 'docx': await assertSafeZip(abs); return [await readDocx(id, display, abs, exhibit)];
    case 'xlsx': await assertSafeZip(abs); return [await readXlsxLedger(id, display, abs, exhibit)];
    case 'rtf': return [readRtf(id, display, await small(), exhibit)];
    case 'json': return readFhir(id, display, await small(), exhibit);
    case 'csv': return [readCsvLedger(id, display, await small(), exhibit)];
    case 'text': {
      const doc = readTextDocument(id, display, await small());
      doc.exhibit = exhibit;
      if (exhibit) for (const p of doc.pages) p.exhibit = `${exhibit}/${p.n}`;
      labelTranscriptPages(doc.text, doc.pages);
      return [doc];
    }
    case 'ole': throw new ReadError(`${describe(kind)}: save it as DOCX/XLSX or PDF`);
    case 'jpeg': case 'png': case 'gif': case 'tiff':
      throw new ReadError(`${describe(kind)}: bare images are not read; scan or print them to PDF`);
    default: throw new ReadError(`unsupported file: ${describe(kind)}`);
  }
}

/** Read every file, in parallel; a file that cannot be read becomes a failure and never stops the others. */
export async function readCase(inputs: string[], opts: ReadOptions = {}): Promise<ReadCaseResult> {
  const files = await listFiles(inputs);
  const budget = new CaseBudget({ ...DEFAULT_CASE_LIMITS, ...opts.limits });
  // A PDF claims its pages from the budget when opened, before its text is extracted; other formats once read.
  const readOpts: ReadOptions = { ...opts, pdf: { ...opts.pdf, budget } };
  const failures: FileFailure[] = [];
  let filesDone = 0;
  const perFile = await mapLimit(files, opts.concurrency ?? availableParallelism(), async (f, i) => {
    let docs: SourceDocument[] = [];
    try {
      if (f.error) throw new ReadError(f.error);
      const late = budget.timeUp();
      if (late) throw new ReadError(late);
      const read = await readFileDocuments(`d${i + 1}`, f.display, f.abs, readOpts);
      const refused = budget.takePages(read.filter((d) => d.kind !== 'pdf').reduce((n, d) => n + d.pages.length, 0));
      if (refused) throw new ReadError(refused);
      docs = read;
    } catch (err) {
      const failure = { file: f.display, error: err instanceof Error ? err.message : String(err) };
      failures.push(failure);
      opts.onFailure?.(failure);
    }
    opts.onFileRead?.({ file: f.display, filesDone: ++filesDone, filesTotal: files.length, pages: docs.reduce((n, d) => n + d.pages.length, 0) });
    return docs;
  });
  const documents = perFile.flat();
  failures.sort((a, b) => byCodePoint(a.file, b.file));
  return { documents, failures, duplicates: findDuplicates(documents) };
}
