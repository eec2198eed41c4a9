import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRun } from '../src/pipeline.js';
import { analyzePaths } from '../src/pipeline.js';
import type { Fact } from '../src/model/index.js';
import { renderDocx, renderScannedPdf, renderTextPdf } from '../src/synth/render.js';
import { expectValidCitations } from './helpers/citations.js';

const caseDir = path.resolve(import.meta.dirname, '../examples/shoulder-wc');
const claim = { type: 'workers_comp' as const, onset: '2023-04-18' };

/** What a reviewer compares across formats: the fact's type, date and what it is about. */
function key(f: Fact): string {
  const a = f.attributes as Record<string, unknown>;
  const what = a.modality ?? a.instrument ?? a.activity ?? a.finding ?? a.signal ?? a.kind ?? a.status ?? a.outlook ?? a.percent ?? a.name;
  const value = f.type === 'outcome_measure' ? `:${a.value}` : '';
  return `${f.type}|${f.date ?? ''}|${String(what)}${value}|${f.negated}`;
}
function overlap(a: Set<string>, b: Set<string>): number {
  const inter = [...a].filter((k) => b.has(k)).length;
  return inter / Math.max(a.size, b.size);
}

/** The same case, written as text, text-layer PDF, scanned PDF and DOCX, must tell the same story. */
describe('one case across formats', () => {
  const runs = new Map<string, CaseRun>();
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'plateau-formats-'));
    const files = (await readdir(caseDir)).filter((f) => f.endsWith('.txt'));
    const writers: Record<string, [string, (pages: string[]) => Promise<Buffer>]> = {
      pdf: ['.pdf', (p) => renderTextPdf(p)],
      scan: ['.pdf', (p) => renderScannedPdf(p)],
      docx: ['.docx', (p) => renderDocx(p)],
    };
    for (const [format, [ext, render]] of Object.entries(writers)) {
      const dir = path.join(root, format);
      await import('node:fs/promises').then((fs) => fs.mkdir(dir));
      for (const f of files) {
        const pages = (await readFile(path.join(caseDir, f), 'utf8')).split('\f');
        await writeFile(path.join(dir, f.replace(/\.txt$/, ext)), await render(pages));
      }
    }
    runs.set('txt', await analyzePaths([caseDir], claim));
    for (const format of Object.keys(writers)) runs.set(format, await analyzePaths([path.join(root, format)], claim));
  }, 300_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('reads every file in every format', () => {
    for (const [format, run] of runs) expect(run.failures, format).toEqual([]);
  });

  it('finds the same MMI in every format', () => {
    const txt = runs.get('txt')!.analysis.mmi;
    expect(txt.status).toBe('explicit');
    for (const [format, run] of runs) {
      expect(run.analysis.mmi.status, format).toBe(txt.status);
      expect(run.analysis.mmi.date, format).toBe(txt.date);
    }
  });

  it('extracts the same facts (OCR allowing for recognition errors)', () => {
    const want = new Set(runs.get('txt')!.analysis.facts.map(key));
    expect(overlap(want, new Set(runs.get('pdf')!.analysis.facts.map(key)))).toBeGreaterThanOrEqual(0.9);
    expect(overlap(want, new Set(runs.get('docx')!.analysis.facts.map(key)))).toBeGreaterThanOrEqual(0.9);
    expect(overlap(want, new Set(runs.get('scan')!.analysis.facts.map(key)))).toBeGreaterThanOrEqual(0.75);
  });

  it('cites exhibit pages from PDFs, marks OCR evidence, and every quote is exact', () => {
    for (const run of runs.values()) expectValidCitations(run.analysis, run.documents);
    const pdfEvidence = runs.get('pdf')!.analysis.facts.flatMap((f) => f.evidence);
    expect(pdfEvidence.every((e) => /^\dF\/\d+$/.test(e.exhibit ?? ''))).toBe(true);
    const scanEvidence = runs.get('scan')!.analysis.facts.flatMap((f) => f.evidence);
    expect(scanEvidence.every((e) => e.ocr && e.ocr.confidence > 50)).toBe(true);
  });
});
