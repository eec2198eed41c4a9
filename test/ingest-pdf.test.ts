import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCase, readFileDocuments } from '../src/ingest/index.js';
import { evidenceAt } from '../src/knowledge/evidence.js';
import { parseTesseractTsv } from '../src/ingest/ocr.js';
import { verifyCitations } from '../src/model/index.js';
import { renderDocx, renderScannedPdf, renderTextPdf } from '../src/synth/render.js';
import { ORTHO_VISIT, PAIN_VISIT, PT_VISIT } from './fixtures/records.js';

let dir: string;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plateau-ingest-pdf-'));
  await writeFile(path.join(dir, 'Ex 5F - Dr Ortiz.pdf'), await renderTextPdf([PAIN_VISIT, PT_VISIT, ORTHO_VISIT], { footer: (n) => `Tr. ${487 + n}` }));
  await writeFile(path.join(dir, 'clinic-export.pdf'), await renderTextPdf([PAIN_VISIT, PT_VISIT, ORTHO_VISIT, PAIN_VISIT], {
    footer: (n, t) => `Page ${n} of ${t}`, outline: [{ title: 'Exhibit 2F: Pain clinic', page: 1 }, { title: '3F - Physical therapy', page: 2 }],
  }));
  await writeFile(path.join(dir, '08F_scan.pdf'), await renderScannedPdf([PAIN_VISIT, PT_VISIT]));
  await writeFile(path.join(dir, 'letter.docx'), await renderDocx([PAIN_VISIT, PT_VISIT]));
});

describe('text-layer PDF', () => {
  it('reads every page in order with page offsets, exhibit labels from the file name and transcript pages from footers', async () => {
    const [doc] = await readFileDocuments('d1', 'Ex 5F - Dr Ortiz.pdf', path.join(dir, 'Ex 5F - Dr Ortiz.pdf'));
    expect(doc.kind).toBe('pdf');
    expect(doc.exhibit).toBe('5F');
    expect(doc.pages.map((p) => [p.n, p.exhibit, p.transcriptPage])).toEqual([[1, '5F/1', 488], [2, '5F/2', 489], [3, '5F/3', 490]]);
    // Pages are joined with form feeds and each page's slice holds that page's note.
    expect(doc.text.split('\f')).toHaveLength(3);
    expect(norm(doc.text.slice(doc.pages[1].start, doc.pages[1].end))).toContain(norm('S: Pt reports 60% relief for about 5 weeks after the injection.'));
    const at = doc.text.indexOf('Schedule L4-5 transforaminal ESI');
    const ev = evidenceAt(doc, at, at + 'Schedule L4-5 transforaminal ESI'.length);
    expect(ev).toMatchObject({ file: 'Ex 5F - Dr Ortiz.pdf', page: 1, exhibit: '5F/1', transcriptPage: 488, quote: 'Schedule L4-5 transforaminal ESI' });
    expect(ev.ocr).toBeUndefined();
  });

  it('takes exhibit ranges from PDF bookmarks, paginating each exhibit from 1', async () => {
    const [doc] = await readFileDocuments('d2', 'clinic-export.pdf', path.join(dir, 'clinic-export.pdf'));
    expect(doc.pages.map((p) => p.exhibit)).toEqual(['2F/1', '3F/1', '3F/2', '3F/3']);
    expect(doc.pages.map((p) => p.transcriptPage)).toEqual([1, 2, 3, 4]);
  });

  it('pdf.js fallback yields the same words per page as pdftotext', async () => {
    const file = path.join(dir, 'Ex 5F - Dr Ortiz.pdf');
    const [a] = await readFileDocuments('d1', 'a.pdf', file);
    const [b] = await readFileDocuments('d1', 'a.pdf', file, { pdf: { engine: 'pdfjs' } });
    expect(b.meta.engine).toBe('pdf.js');
    expect(b.pages).toHaveLength(3);
    const words = (d: typeof a, n: number) => norm(d.text.slice(d.pages[n].start, d.pages[n].end)).split(' ');
    for (const n of [0, 1, 2]) expect(words(b, n)).toEqual(words(a, n));
  });
});

describe('scanned PDF (OCR)', () => {
  it('OCRs image-only pages, marks evidence with the OCR confidence and warns', async () => {
    const [doc] = await readFileDocuments('d3', '08F_scan.pdf', path.join(dir, '08F_scan.pdf'));
    expect(doc.pages).toHaveLength(2);
    for (const p of doc.pages) expect(p.ocrConfidence).toBeGreaterThan(80);
    expect(doc.warnings.join(' ')).toMatch(/pages 1–2 read by OCR \(mean word confidence \d+\/100\)/);
    const target = 'Decreased sensation L5 dermatome';
    const at = doc.text.indexOf(target);
    expect(at).toBeGreaterThan(-1);
    const ev = evidenceAt(doc, at, at + target.length);
    expect(ev).toMatchObject({ page: 1, exhibit: '8F/1', quote: target });
    expect(ev.ocr!.confidence).toBeGreaterThan(80);
    expect(norm(doc.text.slice(doc.pages[1].start, doc.pages[1].end))).toContain('ODI 32% (was 48% at eval)');
  });

  it('parses tesseract TSV into lines, paragraphs and a mean confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96\tPain', '5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t90\t7/10.',
      '5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t80\tSLR', '4\t1\t1\t2\t1\t0\t0\t0\t1\t1\t-1\t',
      '5\t1\t1\t2\t1\t1\t0\t0\t1\t1\t94\tPlan:',
    ].join('\n');
    expect(parseTesseractTsv(tsv)).toEqual({ text: 'Pain 7/10.\nSLR\n\nPlan:', confidence: 90 });
  });
});

describe('DOCX', () => {
  it('reads paragraphs as lines and keeps headings', async () => {
    const [doc] = await readFileDocuments('d4', 'letter.docx', path.join(dir, 'letter.docx'));
    expect(doc.kind).toBe('docx');
    expect(doc.text).toContain('PAIN MANAGEMENT FOLLOW-UP\nDate of Service: 03/14/2023');
    expect(doc.text).toContain('PHYSICAL THERAPY PROGRESS NOTE');
    expect(doc.text).toContain('Work status: modified duty, no lifting over 10 lbs.');
  });
});

describe('same record, four formats', () => {
  it('text, PDF, scanned PDF and DOCX carry the same words and valid citations', async () => {
    const caseDir = await mkdtemp(path.join(tmpdir(), 'plateau-same-'));
    const pages = [PAIN_VISIT, PT_VISIT];
    await writeFile(path.join(caseDir, 'a.txt'), pages.join('\f'));
    await writeFile(path.join(caseDir, 'b.pdf'), await renderTextPdf(pages));
    await writeFile(path.join(caseDir, 'c-scan.pdf'), await renderScannedPdf(pages));
    await writeFile(path.join(caseDir, 'd.docx'), await renderDocx(pages));
    const { documents, failures } = await readCase([caseDir]);
    expect(failures).toEqual([]);
    const byFile = new Map(documents.map((d) => [d.file, norm(d.text)]));
    expect(byFile.get('b.pdf')).toBe(byFile.get('a.txt'));
    expect(byFile.get('d.docx')).toBe(byFile.get('a.txt'));
    // OCR of a 200-dpi scan is close, not exact ("DOI" can come back as "DO!"): ≥ 95 % of words survive.
    const want = byFile.get('a.txt')!.split(' ');
    const got = new Set(byFile.get('c-scan.pdf')!.split(' '));
    expect(want.filter((w) => got.has(w)).length / want.length).toBeGreaterThan(0.95);
    const texts = new Map(documents.map((d) => [d.file, d]));
    const evidence = documents.map((d) => { const at = d.text.indexOf('ODI 32%'); return evidenceAt(d, at, at + 7); });
    expect(verifyCitations(evidence, texts).problems).toEqual([]);
  });
});

describe("the case's page and OCR limits", () => {
  it('OCRs scanned pages only up to the OCR limit and says which pages were left unread, and why', async () => {
    const { documents, failures } = await readCase([path.join(dir, '08F_scan.pdf')], { limits: { maxOcrPages: 1 } });
    expect(failures).toEqual([]);
    const [doc] = documents;
    expect(doc.pages[0].ocrConfidence).toBeGreaterThan(80);
    expect(doc.pages[1].ocrConfidence).toBeUndefined();
    expect(doc.text.slice(doc.pages[1].start, doc.pages[1].end).trim()).toBe('');
    expect(doc.warnings).toContainEqual(expect.stringMatching(/^page 1 read by OCR/));
    expect(doc.warnings).toContain("page 2 not read by OCR: the case's OCR limit (1 page) is spent; the analysis does not cover it");
  });

  it("refuses a PDF whose pages would pass the case's page limit, when it is opened, and reads the rest", async () => {
    const { documents, failures } = await readCase([path.join(dir, 'Ex 5F - Dr Ortiz.pdf'), path.join(dir, 'clinic-export.pdf')], { limits: { maxPages: 5 }, concurrency: 1 });
    expect(documents.map((d) => d.file)).toEqual(['Ex 5F - Dr Ortiz.pdf']);
    expect(failures).toEqual([{ file: 'clinic-export.pdf', error: "not read: its 4 pages would pass the case's page limit (5 pages; 3 already read); split the case or raise the limit" }]);
  });
});
