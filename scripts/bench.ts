/**
 * `npm run bench`: how Plateau's cost grows with the size of the record (issue 5).
 * For text-layer PDFs of 100, 1,000 and 5,000 pages and a 100-page scan it prints wall time
 * end to end (file → analysis → JSON report, each size in a fresh process running the shipped build, timed from spawn
 * to exit so Node's start-up counts and peak RSS is honest), pages/s, peak RSS, raw extraction alone (pdftotext, pdf.js) on the same file, the ratio,
 * and the log-log scaling exponent; results go to bench-results/bench-<timestamp>.json.
 * Options: --sizes 100,1000 --scan-pages 20 --keep (keep generated PDFs).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface ChildResult { ms: number; maxRssMb: number; pages: number; facts: number; failures: string[] }

/**
 * One analysis, end to end, in a fresh process running the shipped build (scripts/bench-child.mjs imports dist/, as
 * bin/plateau does): timed from spawn to exit, so start-up counts. The build must exist (`npm run build`).
 */
async function inChild(file: string): Promise<ChildResult> {
  if (!existsSync(path.join(root, 'dist/pipeline.js'))) throw new Error('dist/ is not built: run npm run build first');
  const t0 = performance.now();
  const { stdout } = await run(process.execPath, [path.join(root, 'scripts/bench-child.mjs'), file], { maxBuffer: 64 * 1024 * 1024, cwd: root });
  const ms = performance.now() - t0;
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`child printed no result:\n${stdout.slice(-2000)}`);
  return { ms, ...(JSON.parse(line.slice(6)) as Omit<ChildResult, 'ms'>) };
}

async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** pdf.js alone, single thread, fresh process: load, then getTextContent on every page. */
async function pdfjsRaw(file: string): Promise<number> {
  const script = `
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const fs = await import('node:fs');
    const t = performance.now();
    const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(${JSON.stringify(file)})), standardFontDataUrl: ${JSON.stringify(path.join(root, 'node_modules/pdfjs-dist/standard_fonts/'))}, disableFontFace: true, verbosity: 0 }).promise;
    for (let i = 1; i <= doc.numPages; i++) { const p = await doc.getPage(i); await p.getTextContent(); p.cleanup(); }
    console.log('MS', performance.now() - t);`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  return Number(/MS (\S+)/.exec(stdout)![1]);
}

/** tesseract run directly (same settings as Plateau: 300 dpi gray PGM, LSTM, 1 thread, one process per core). */
async function tesseractDirect(file: string, pages: number): Promise<{ renderMs: number; ocrMs: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plateau-bench-ocr-'));
  try {
    const renderMs = await timeMs(() => run('pdftoppm', ['-r', '300', '-gray', file, path.join(dir, 'p')]));
    const pgms = readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort();
    if (pgms.length !== pages) throw new Error(`rendered ${pgms.length} of ${pages} pages`);
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    let next = 0;
    const ocrMs = await timeMs(() => Promise.all(Array.from({ length: availableParallelism() }, async () => {
      while (next < pgms.length) {
        const f = pgms[next++];
        await run('tesseract', [path.join(dir, f), 'stdout', '--oem', '1', '-l', 'eng', 'tsv'], { env, maxBuffer: 64 * 1024 * 1024 });
      }
    })));
    return { renderMs, ocrMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Realistic note pages: the repo's example notes when present, else the ingest test notes. */
async function notePages(n: number): Promise<string[]> {
  const dir = path.join(root, 'examples');
  const examples = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(dir, f), 'utf8')) : [];
  if (examples.length) {
    // Split example notes into page-sized chunks (~45 lines) and cycle through them.
    const chunks = examples.flatMap((t) => {
      const lines = t.split('\n');
      return Array.from({ length: Math.ceil(lines.length / 45) }, (_, i) => lines.slice(i * 45, i * 45 + 45).join('\n')).filter((c) => c.trim());
    });
    return Array.from({ length: n }, (_, i) => chunks[i % chunks.length]);
  }
  const { clinicalPages } = await import('../test/fixtures/records.js');
  return clinicalPages(n);
}

function slope(points: { x: number; y: number }[]): number {
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return num / den;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const sizes = (opt('--sizes') ?? '100,1000,5000').split(',').map(Number);
  const scanPages = Number(opt('--scan-pages') ?? 100);
  const { renderTextPdf, renderScannedPdf } = await import('../src/synth/render.js');
  const work = await mkdtemp(path.join(tmpdir(), 'plateau-bench-'));
  const rows: Record<string, unknown>[] = [];
  console.log(`Plateau benchmark — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
  console.log('| record | pages | end to end | pages/s | peak RSS | pdftotext alone | pdf.js alone | e2e / pdftotext | facts |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  try {
    for (const n of sizes) {
      const file = path.join(work, `record-${n}.pdf`);
      await writeFile(file, await renderTextPdf(await notePages(n), { footer: (p, t) => `Page ${p} of ${t}` }));
      const r = await inChild(file);
      const pdftotextMs = await timeMs(() => run('pdftotext', [file, path.join(work, 'out.txt')]));
      const pdfjsMs = await pdfjsRaw(file);
      const row = { record: 'text PDF', pages: n, ms: r.ms, pagesPerSec: n / (r.ms / 1000), maxRssMb: r.maxRssMb, pdftotextMs, pdfjsMs, ratio: r.ms / pdftotextMs, facts: r.facts, failures: r.failures };
      rows.push(row);
      console.log(`| text PDF | ${n} | ${(r.ms / 1000).toFixed(2)} s | ${row.pagesPerSec.toFixed(0)} | ${r.maxRssMb.toFixed(0)} MB | ${(pdftotextMs / 1000).toFixed(2)} s | ${(pdfjsMs / 1000).toFixed(2)} s | ${row.ratio.toFixed(1)}× | ${r.facts} |`);
    }
    let scan: Record<string, unknown> | undefined;
    if (scanPages > 0) {
      const file = path.join(work, `scan-${scanPages}.pdf`);
      await writeFile(file, await renderScannedPdf(await notePages(scanPages)));
      const r = await inChild(file);
      const direct = await tesseractDirect(file, scanPages);
      const directMs = direct.renderMs + direct.ocrMs;
      scan = { record: 'scanned PDF', pages: scanPages, ms: r.ms, pagesPerSec: scanPages / (r.ms / 1000), maxRssMb: r.maxRssMb, pdftoppmMs: direct.renderMs, tesseractMs: direct.ocrMs, directMs, overheadVsDirect: r.ms / directMs - 1, facts: r.facts, failures: r.failures };
      rows.push(scan);
      console.log(`| scanned PDF (OCR) | ${scanPages} | ${(r.ms / 1000).toFixed(2)} s | ${(scanPages / (r.ms / 1000)).toFixed(2)} | ${r.maxRssMb.toFixed(0)} MB | pdftoppm ${(direct.renderMs / 1000).toFixed(1)} s + tesseract ${(direct.ocrMs / 1000).toFixed(1)} s direct | – | ${(r.ms / directMs).toFixed(2)}× direct | ${r.facts} |`);
    }
    const text = rows.filter((r) => r.record === 'text PDF') as { pages: number; ms: number; maxRssMb: number }[];
    const exponent = text.length >= 2 ? slope(text.map((r) => ({ x: r.pages, y: r.ms }))) : undefined;
    const top = text.slice(-2);
    const marginal = top.length === 2 ? slope(top.map((r) => ({ x: r.pages, y: r.ms }))) : undefined;
    const k1 = text.find((r) => r.pages === 1000);
    console.log('');
    // The slope over all sizes is flattered by fixed start-up cost; the slope between the two largest is the marginal growth.
    if (exponent !== undefined) console.log(`scaling exponent (log-log slope of time vs pages, ${text.map((r) => r.pages).join('/')}): ${exponent.toFixed(2)}; between ${top.map((r) => r.pages).join(' and ')}: ${marginal!.toFixed(2)}  (target ≤ 1.10)`);
    if (k1) console.log(`1,000 pages: ${(k1.ms / 1000).toFixed(2)} s (target ≤ 3 s), peak RSS ${k1.maxRssMb.toFixed(0)} MB (target ≤ 1024 MB)`);
    if (scan) console.log(`OCR: ${(((scan.overheadVsDirect as number) * 100)).toFixed(1)} % vs pdftoppm + tesseract run directly (target ≤ 10 %)`);
    await mkdir(path.join(root, 'bench-results'), { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let commit = '';
    try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(); } catch { /* not a git checkout */ }
    const out = path.join(root, 'bench-results', `bench-${stamp}.json`);
    await writeFile(out, JSON.stringify({ date: new Date().toISOString(), commit, cores: cpus().length, node: process.version, rows, exponent, marginalExponent: marginal }, null, 2) + '\n');
    console.log(`wrote ${path.relative(root, out)}`);
  } finally {
    if (!args.includes('--keep')) await rm(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

await main();
