/**
 * `npm run bench:workspace`: how fast the workspace answers on a large case. Builds a 5,000-page record (the
 * example's notes repeated across 50 files of 100 pages, one visit per page, dates advanced so the case spans
 * years), uploads it through the API, waits for the analysis, then times every read a screen makes (median and
 * worst of 20) and corrections (a fact's judges the case again; a gap's does not). Prints tables; target: each
 * read, and each screen in the browser, < 200 ms. Options: --pages 5000; --browser also times each screen in
 * Debian Chromium (needs dist/ui built); --sizes lists what the screens' JSON holds.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/db.js';
import { buildServer } from '../src/server/app.js';
import { Workspace } from '../src/workspace/workspace.js';
import type { CaseAnalysis } from '../src/model/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pagesWanted = Number(process.argv[process.argv.indexOf('--pages') + 1]) || 5000;
const PER_FILE = 100;

/** One visit per page, each dated a week after the last, from the example's note bodies. */
async function bigRecord(): Promise<{ name: string; text: string }[]> {
  const dir = path.join(root, 'examples/lumbar-ssdi');
  const notes = (await Promise.all((await readdir(dir)).filter((n) => n.endsWith('.txt')).map((n) => readFile(path.join(dir, n), 'utf8'))))
    .flatMap((t) => t.split('\f')).map((p) => p.replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, '')).filter((p) => p.trim().length > 200);
  const files: { name: string; text: string }[] = [];
  let day = Date.parse('2019-01-07');
  for (let f = 0; f * PER_FILE < pagesWanted; f++) {
    const pages: string[] = [];
    for (let p = 0; p < PER_FILE && f * PER_FILE + p < pagesWanted; p++) {
      const d = new Date(day); day += 7 * 86_400_000;
      const mdY = `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
      pages.push(`DATE OF SERVICE: ${mdY}\n${notes[(f * PER_FILE + p) % notes.length]}`);
    }
    files.push({ name: `Exhibit ${String(f + 1).padStart(2, '0')}F.txt`, text: pages.join('\f') });
  }
  return files;
}

/**
 * Each screen, and what shows it is on screen with its content: the timeline once its chart is drawn (not only its
 * table), the facts once their first rows are, every other tab once its data is.
 */
const SCREENS: [tab: string, selector: string][] = [
  ['overview', '[data-testid="verdict"]'],
  ['timeline', '[data-testid="timeline-chart"][aria-busy="false"]'],
  ['claimant', '[data-testid="claimant-costs"]'],
  ['facts', '[data-testid="fact-row"]'],
  ['gaps', '[data-testid="gap-item"]'],
  ['documents', '[data-testid="progress-bar"]'],
  ['corrections', '.case-body .empty, [data-testid="correction-row"]'],
  ['exports', '[data-testid="export-pdf"]'],
];
const ROUNDS = 5;

/**
 * `--browser`: the same case in Debian Chromium — the time from asking for a screen to its content on screen, median
 * and worst of 5: opening the case on each tab (from the case list), and switching to each tab of a case just opened
 * on its overview, at once (each switch is the tab's first in that case; the UI may have begun readying the Timeline
 * while the overview was idle, as it does for a user).
 */
async function browserTimes(app: Awaited<ReturnType<typeof buildServer>>, caseId: string): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : 0}/`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const opened = new Map<string, number[]>();
  const switched = new Map<string, number[]>();
  const openCase = async (tab: string, selector: string) => {
    await page.goto(`${base}#/`);
    await page.locator('[data-testid="case-list"]').first().waitFor();
    const t = performance.now();
    await page.goto(`${base}#/case/${caseId}/${tab}`);
    await page.waitForSelector(selector, { timeout: 60_000 });
    return performance.now() - t;
  };
  for (let i = 0; i < ROUNDS; i++) {
    for (const [tab, selector] of SCREENS) opened.set(tab, [...(opened.get(tab) ?? []), await openCase(tab, selector)]);
    await openCase(SCREENS[0][0], SCREENS[0][1]);
    for (const [tab, selector] of SCREENS.slice(1)) {
      const t = performance.now();
      await page.click(`a[href$="/${tab}"]`);
      await page.waitForSelector(selector, { timeout: 60_000 });
      switched.set(tab, [...(switched.get(tab) ?? []), performance.now() - t]);
    }
  }
  await browser.close();
  console.log(`\nbrowser, ${ROUNDS} rounds (ms)    open the case on the tab    switch to the tab`);
  console.log('screen                      median      worst      median      worst');
  const cell = (ms: number[] | undefined) => (ms ? [stats(ms).median, stats(ms).worst].map((x) => x.toFixed(0).padStart(11)).join('') : ' '.repeat(22));
  for (const [tab] of SCREENS) console.log(`${tab.padEnd(24)}${cell(opened.get(tab))} ${cell(switched.get(tab))}`);
  const all = [...opened.values(), ...switched.values()].flat();
  console.log(`slowest of every screen: ${Math.max(...all).toFixed(0)} ms (target < 200)`);
  return addr && typeof addr === 'object' ? addr.port : 0;
}

function stats(ms: number[]): { median: number; worst: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], worst: s[s.length - 1] };
}

const dir = await mkdtemp(path.join(tmpdir(), 'plateau-bench-ws-'));
try {
  const ws = new Workspace(await openStore(path.join(dir, 'ws.db')), path.join(dir, 'data'));
  const app = await buildServer({ workspace: ws, port: 4319, version: 'bench', uiDir: process.argv.includes('--browser') ? path.join(root, 'dist/ui') : path.join(dir, 'none') });
  const headers = { host: '127.0.0.1:4319', 'x-plateau': '1' };
  const get = async (url: string) => {
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url, headers });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    return { ms: performance.now() - t, body: r.body };
  };
  const c = await ws.createCase({ claimant: 'Bench Claimant', claimType: 'ssdi', onset: '2019-01-01', dli: '2025-12-31' });
  const files = await bigRecord();
  const t0 = performance.now();
  await ws.addDocuments(c.id, (async function* () { for (const f of files) yield { filename: f.name, file: Readable.from([Buffer.from(f.text)]) }; })());
  await ws.jobs.settled(c.id);
  const analysedMs = performance.now() - t0;
  const progress = await ws.progress(c.id) as { status: string; pagesDone: number };
  if (progress.status !== 'done') throw new Error(`analysis ${progress.status}`);
  const first = await get(`/api/cases/${c.id}/analysis`);
  const a = JSON.parse(first.body) as CaseAnalysis & { factCount: number };
  const page1 = JSON.parse((await get(`/api/cases/${c.id}/facts?offset=${Math.floor(a.factCount / 2)}&limit=200`)).body) as { facts: CaseAnalysis['facts'] };
  const ev = page1.facts[0].evidence[0];
  const reads: [string, string][] = [
    ['case list', '/api/cases'],
    ['case details + documents', `/api/cases/${c.id}`],
    ['progress', `/api/cases/${c.id}/progress`],
    ['analysis (every tab)', `/api/cases/${c.id}/analysis`],
    ['timeline (timeline tab)', `/api/cases/${c.id}/timeline`],
    ['timeline sources (after the chart)', `/api/cases/${c.id}/timeline/sources`],
    ['evidence page', `/api/cases/${c.id}/page?file=${encodeURIComponent(ev.file)}&page=${ev.page}`],
    ['facts, one page of 200 (facts tab)', `/api/cases/${c.id}/facts?limit=200`],
    ['facts, filtered by type and words', `/api/cases/${c.id}/facts?type=treatment&q=therapy&limit=200`],
    ['corrections', `/api/cases/${c.id}/corrections`],
  ];
  const timeline = (await get(`/api/cases/${c.id}/timeline`)).body;
  const sources = (await get(`/api/cases/${c.id}/timeline/sources`)).body;
  console.log(`workspace bench: ${progress.pagesDone} pages in ${files.length} files, ${a.factCount} facts; JSON: the analysis ${(first.body.length / 1e6).toFixed(2)} MB (facts paged apart), the timeline ${(timeline.length / 1e6).toFixed(2)} MB and its sources ${(sources.length / 1e6).toFixed(2)} MB`);
  if (process.argv.includes('--sizes')) {
    for (const [k, v] of Object.entries(a)) console.log(`  analysis.${k}: ${(JSON.stringify(v).length / 1e6).toFixed(2)} MB`);
    for (const [k, v] of Object.entries(JSON.parse(timeline) as object)) console.log(`  timeline.${k}: ${(JSON.stringify(v).length / 1e6).toFixed(2)} MB`);
    for (const [k, v] of Object.entries(JSON.parse(sources) as object)) console.log(`  sources.${k}: ${(JSON.stringify(v).length / 1e6).toFixed(2)} MB`);
  }
  console.log(`upload + analysis in the worker: ${(analysedMs / 1000).toFixed(1)} s; first read of the analysis ${first.ms.toFixed(0)} ms`);
  console.log('\nread                                          median ms   worst ms');
  for (const [label, url] of reads) {
    const ms: number[] = [];
    for (let i = 0; i < 20; i++) ms.push((await get(url)).ms);
    const s = stats(ms);
    console.log(`${label.padEnd(46)}${s.median.toFixed(1).padStart(9)}${s.worst.toFixed(1).padStart(11)}`);
  }
  if (process.argv.includes('--browser')) headers.host = `127.0.0.1:${await browserTimes(app, c.id)}`;
  const fact = page1.facts.find((f) => f.type === 'treatment') ?? page1.facts[0];
  const gap = a.gaps[0];
  const corrections: [string, object][] = [
    ['a fact rejected (the case judged again)', { target: 'fact', action: 'reject', anchor: { factId: fact.id }, reason: 'bench' }],
    ...(gap ? [['a gap dismissed', { target: 'gap', action: 'dismiss', anchor: { ruleId: gap.ruleId, title: gap.title, to: gap.request.to }, reason: 'bench' }] as [string, object]] : []),
  ];
  console.log('\ncorrection (recomputed and returned)          ms');
  for (const [label, payload] of corrections) {
    const t1 = performance.now();
    const r = await app.inject({ method: 'POST', url: `/api/cases/${c.id}/corrections`, headers, payload });
    if (r.statusCode !== 201) throw new Error(r.body);
    console.log(`${label.padEnd(46)}${(performance.now() - t1).toFixed(0).padStart(9)}`);
  }
  await app.close();
  await ws.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
