/**
 * The workspace API in-process: a case is created, the example files uploaded, the analysis runs in its worker,
 * corrections recompute it and survive re-analysis, exports show them; the loopback guards refuse what a
 * hostile page could send.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { buildServer } from '../src/server/app.js';
import { Workspace } from '../src/workspace/workspace.js';
import type { CaseAnalysis } from '../src/model/index.js';
import { timelineView, type TimelineSources, type TimelineView } from '../src/workspace/timeline-view.js';

const PORT = 4319;
const HOST = `127.0.0.1:${PORT}`;
const EXAMPLE = path.resolve(import.meta.dirname, '../examples/lumbar-ssdi');

let dir: string;
let ws: Workspace;
let app: FastifyInstance;

const headers = { host: HOST, 'x-plateau': '1' };

function multipart(files: { name: string; body: Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----plateau-test-boundary';
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(f.body, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function exampleFiles() {
  const names = (await readdir(EXAMPLE)).filter((n) => !['case.json', 'expected.json'].includes(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, body: await readFile(path.join(EXAMPLE, name)) })));
}

type Fact = CaseAnalysis['facts'][number];
async function allFacts(id: string): Promise<Fact[]> {
  const r = (await app.inject({ method: 'GET', url: `/api/cases/${id}/facts?limit=1000`, headers })).json();
  expect(r.total).toBeLessThanOrEqual(1000);
  return r.facts;
}

async function waitDone(id: string): Promise<{ status: string; filesDone: number; filesTotal: number; pagesDone: number }> {
  await ws.jobs.settled(id);
  return (await app.inject({ method: 'GET', url: `/api/cases/${id}/progress`, headers })).json();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plateau-ws-'));
  ws = new Workspace(await openStore(path.join(dir, 'ws.db')), path.join(dir, 'data'));
  app = await buildServer({ workspace: ws, port: PORT, version: 'test', uiDir: path.join(dir, 'no-ui') });
});
afterAll(async () => {
  await app?.close();
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('loopback guards', () => {
  it.each([
    ['another Host (DNS rebinding)', { host: 'evil.example:4319' }, 'GET', '/api/cases'],
    ['a cross-site Origin on a POST', { ...headers, origin: 'http://evil.example' }, 'POST', '/api/cases'],
    ['a POST without the X-Plateau header (a cross-site form)', { host: HOST, 'content-type': 'application/json' }, 'POST', '/api/cases'],
  ])('refuses %s', async (_n, h, method, url) => {
    const r = await app.inject({ method: method as 'GET', url, headers: h, payload: method === 'POST' ? { claimant: 'X', claimType: 'ssdi' } : undefined });
    expect(r.statusCode).toBe(403);
  });
  it('every response forbids inline script', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health', headers });
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(r.headers['content-security-policy']).not.toMatch(/unsafe-inline'[^;]*script|script-src[^;]*unsafe/);
  });
  it('rejects invalid claim details with a message', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/cases', headers, payload: { claimant: '', claimType: 'ssdi' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatch(/claimant/);
  });
});

describe('a case from upload to export', () => {
  let id: string;
  let analysis: CaseAnalysis & { version: string };

  it('creates a case, uploads the example files, analyses them off the request path', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/cases', headers, payload: { claimant: 'Dolores M. Kettering', claimType: 'ssdi', onset: '2022-03-14', dli: '2025-12-31' } });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    const files = await exampleFiles();
    const up = await app.inject({ method: 'POST', url: `/api/cases/${id}/documents`, ...multipart([...files, { name: '../../etc/passwd', body: Buffer.from('root:x:0:0') }]) });
    expect(up.statusCode).toBe(200);
    const body = up.json();
    expect(body.added).toHaveLength(files.length + 1);
    // A path in a file name never leaves the case's folder.
    for (const a of body.added as { name: string }[]) expect(a.name).not.toMatch(/\.\.|[\\/]/);
    const progress = await waitDone(id);
    expect(progress).toMatchObject({ status: 'done', filesDone: files.length + 1, filesTotal: files.length + 1 });
    expect(progress.pagesDone).toBeGreaterThan(20);
    analysis = (await app.inject({ method: 'GET', url: `/api/cases/${id}/analysis`, headers })).json();
    expect(analysis.mmi.status).toBe('implied');
    // The screens' analysis leaves the facts out; they are paged.
    expect(analysis.facts).toEqual([]);
    analysis.facts = await allFacts(id);
    expect(analysis.facts.length).toBe((analysis as unknown as { factCount: number }).factCount);
  }, 60_000);

  it('lists the case with its verdict and serves the page a citation names', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/cases?q=kettering&sort=claimant', headers })).json();
    expect(list[0]).toMatchObject({ id, documents: 8, status: 'done', mmi: { status: 'implied' } });
    const ev = analysis.mmi.reasons[0].evidence[0];
    const page = (await app.inject({ method: 'GET', url: `/api/cases/${id}/page?file=${encodeURIComponent(ev.file)}&page=${ev.page}`, headers })).json();
    expect(page.text.slice(ev.start - page.start, ev.end - page.start)).toBe(ev.quote);
  });

  it('the screens read the analysis without its long lists, counted instead', async () => {
    const lean = (await app.inject({ method: 'GET', url: `/api/cases/${id}/analysis`, headers })).json();
    const full: CaseAnalysis = (await app.inject({ method: 'GET', url: `/api/cases/${id}/export/analysis.json`, headers })).json();
    expect(lean).toMatchObject({ timeline: [], duplicates: [], duplicateCount: full.duplicates.length, trajectory: { objectiveFindings: [], trends: [] } });
    expect(full.timeline.length).toBeGreaterThan(0);
    expect(lean.mmi).toEqual(full.mmi);
    expect(lean.functionalFloor).toEqual(full.functionalFloor);
    // Facts by type, as the type filter lists them: the same counts as the paged facts give.
    const counts = lean.factCounts as Record<string, number>;
    expect(Object.values(counts).reduce((n, k) => n + k, 0)).toBe(lean.factCount);
    for (const [type, n] of Object.entries(counts)) {
      expect((await app.inject({ method: 'GET', url: `/api/cases/${id}/facts?type=${type}&limit=1`, headers })).json().total).toBe(n);
    }
  });

  it('searches the facts by their quoted words and their attributes, a page at a time', async () => {
    const words = (f: Fact, w: string) => f.evidence[0].quote.toLowerCase().includes(w) || JSON.stringify(f.attributes).toLowerCase().includes(w);
    for (const w of ['Physical_Therapy', 'pain', 'gabapentin']) {
      const want = analysis.facts.filter((f) => words(f, w.toLowerCase()));
      expect(want.length).toBeGreaterThan(0);
      const first = (await app.inject({ method: 'GET', url: `/api/cases/${id}/facts?q=${w}&limit=5`, headers })).json();
      const next = (await app.inject({ method: 'GET', url: `/api/cases/${id}/facts?q=${w}&offset=5&limit=5`, headers })).json();
      expect(first.total).toBe(want.length);
      expect([...first.facts, ...next.facts].map((f: Fact) => f.id)).toEqual(want.slice(0, 10).map((f) => f.id));
    }
  });

  it('serves the timeline as drawn: provider rows, course bars, visits and measures; then what they cite', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/cases/${id}/timeline`, headers });
    expect(r.statusCode).toBe(200);
    const t = r.json() as TimelineView;
    const src = (await app.inject({ method: 'GET', url: `/api/cases/${id}/timeline/sources`, headers })).json() as TimelineSources;
    const full: CaseAnalysis = (await app.inject({ method: 'GET', url: `/api/cases/${id}/export/analysis.json`, headers })).json();
    // Of the analysis the screens read: the same version.
    expect(t.version).toBe((await app.inject({ method: 'GET', url: `/api/cases/${id}/analysis`, headers })).json().version);
    expect(src.version).toBe(t.version);
    // The courses for the table, without their dated events (drawn as the bars).
    expect(src.entries).toHaveLength(full.timeline.length);
    for (const e of src.entries) {
      expect(e).not.toHaveProperty('events');
      expect(e.label).toBeTruthy();
    }
    expect(src.entries.map((e) => e.evidence.length)).toEqual(full.timeline.map((e) => e.evidence.length));
    const visits = full.documents.flatMap((d) => d.encounters).filter((e) => e.date);
    expect(t.visits).toHaveLength(visits.length);
    expect(src.visits).toHaveLength(visits.length);
    expect(t.rows.length).toBeGreaterThan(1);
    for (const [row] of t.visits) expect(t.rows[row]).toBeDefined();
    expect(t.bars.length).toBeGreaterThan(0);
    for (const b of t.bars) {
      expect(t.rows[b.row]).toBeDefined();
      expect(b.start).toBeLessThanOrEqual(b.end);
      expect(full.timeline[b.entry].status).toBe(b.status);
      expect(full.timeline[b.entry].otherCondition).toBeFalsy();
    }
    // A bar sits on the row of a provider its course names, and opens the quoted words of one of its events.
    const therapy = t.bars.find((b) => src.entries[b.entry].modality === 'physical_therapy')!;
    expect(src.entries[therapy.entry].providers.some((p) => p.startsWith(t.rows[therapy.row].label.split(',')[0]))).toBe(true);
    // The long lists cite compactly ([file index, page, start, end, quote, exhibit]): each opens its quoted words.
    const compact = [src.visits[src.visits.length - 1]!, src.entries[therapy.entry].evidence[0], ...src.points.map((p) => p[p.length - 1]!)];
    const cites = [therapy.evidence!, ...compact.map(([f, page, start, end, quote]) => ({ file: src.files[f], page, start, end, quote }))];
    for (const ev of cites) {
      const page = (await app.inject({ method: 'GET', url: `/api/cases/${id}/page?file=${encodeURIComponent(ev.file)}&page=${ev.page}`, headers })).json();
      expect(page.text.slice(ev.start - page.start, ev.end - page.start)).toBe(ev.quote);
    }
    expect(src.points.map((p) => p.length)).toEqual(t.measures.map((m) => m.points.length));
    for (const m of t.measures) expect(m.points.map(([date]) => date)).toEqual(m.points.map(([date]) => date).sort());
    expect(t.markers.map((k) => k.kind)).toEqual(['onset', 'mmi', 'dli']);
    expect(t.range![0]).toBeLessThanOrEqual(t.range![1]);
    // A record without dated visits: the dots are the courses' dated events, each citing its own words.
    const eventsOnly = timelineView({ ...full, documents: full.documents.map((d) => ({ ...d, encounters: [] })) }, 'v').view;
    expect(eventsOnly.visits).toEqual([]);
    expect(eventsOnly.bars.length).toBeGreaterThan(0);
    expect(eventsOnly.events.length).toBeGreaterThan(0);
    for (const e of eventsOnly.events) expect(full.facts.some((f) => f.evidence[0].quote === e.evidence?.quote)).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/audit.csv', headers })).body).toContain('"view timeline"');
    expect((await app.inject({ method: 'GET', url: '/api/cases/no-such-case/timeline', headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/cases/no-such-case/timeline/sources', headers })).statusCode).toBe(404);
  });

  it('a rejected fact is gone and the case is judged again; withdrawing restores it', async () => {
    const fact = analysis.facts.find((f) => f.type === 'treatment' && f.attributes.modality === 'physical_therapy')!;
    const r = await app.inject({ method: 'POST', url: `/api/cases/${id}/corrections`, headers, payload: { target: 'fact', action: 'reject', anchor: { factId: fact.id }, reason: 'therapy for the wrist, not the back' } });
    expect(r.statusCode).toBe(201);
    const after: CaseAnalysis = r.json().analysis;
    expect((await allFacts(id)).some((f) => f.id === fact.id)).toBe(false);
    expect(after.corrections).toEqual([expect.objectContaining({ target: 'fact', action: 'reject', matched: true })]);
    await app.inject({ method: 'DELETE', url: `/api/cases/${id}/corrections/${r.json().correction.id}`, headers });
    expect((await allFacts(id)).some((f) => f.id === fact.id)).toBe(true);
  });

  it('a changed verdict, a dismissed gap and an added fact persist through re-analysis and show in exports', async () => {
    const gap = analysis.gaps[0];
    const noReason = await app.inject({ method: 'POST', url: `/api/cases/${id}/corrections`, headers, payload: { target: 'gap', action: 'dismiss', anchor: { ruleId: gap.ruleId, title: gap.title, to: gap.request.to } } });
    expect(noReason.statusCode).toBe(400);
    await app.inject({ method: 'POST', url: `/api/cases/${id}/corrections`, headers, payload: { target: 'gap', action: 'dismiss', anchor: { ruleId: gap.ruleId, title: gap.title, to: gap.request.to }, reason: 'already requested by phone' } });
    const verdict = await app.inject({ method: 'POST', url: `/api/cases/${id}/corrections`, headers, payload: { target: 'verdict', action: 'verdict', payload: { status: 'not_reached' }, reason: 'surgery consult pending per phone call 11/20' } });
    // The answer is the recomputed analysis as the screens read it, and the timeline follows it.
    expect(verdict.json().analysis).toMatchObject({ facts: [], mmi: { status: 'not_reached' }, corrections: [expect.objectContaining({ target: 'gap' }), expect.objectContaining({ target: 'verdict' })] });
    expect(verdict.json().analysis.gaps.find((g: CaseAnalysis['gaps'][number]) => g.ruleId === gap.ruleId && g.request.to === gap.request.to).review.state).toBe('dismissed');
    const timeline = (await app.inject({ method: 'GET', url: `/api/cases/${id}/timeline`, headers })).json() as TimelineView;
    expect(timeline.markers.map((k) => k.kind)).toEqual(['onset', 'dli']);
    expect(timeline.version).toBe(verdict.json().analysis.version);
    expect(timeline.version).not.toBe(analysis.version);
    const ev = analysis.mmi.reasons[0].evidence[0];
    const added = await app.inject({ method: 'POST', url: `/api/cases/${id}/corrections`, headers, payload: { target: 'fact', action: 'add', anchor: { file: ev.file, start: ev.start, end: ev.end }, payload: { type: 'plan_signal', attributes: { signal: 'maintenance_care' } } } });
    expect(added.statusCode).toBe(201);

    await app.inject({ method: 'POST', url: `/api/cases/${id}/analyze`, headers });
    await waitDone(id);
    const again: CaseAnalysis = (await app.inject({ method: 'GET', url: `/api/cases/${id}/analysis`, headers })).json();
    expect(again.mmi.status).toBe('not_reached');
    expect(again.mmi.reviewerOverride).toMatchObject({ original: { status: 'implied' } });
    expect(again.gaps.find((g) => g.ruleId === gap.ruleId && g.request.to === gap.request.to)?.review?.state).toBe('dismissed');
    expect((await allFacts(id)).some((f) => f.review === 'added' && f.evidence[0].quote === ev.quote)).toBe(true);
    expect(again.corrections?.every((c) => c.matched)).toBe(true);

    const html = (await app.inject({ method: 'GET', url: `/api/cases/${id}/export/report.html`, headers })).body;
    expect(html).toContain('Reviewer corrections (3)');
    expect(html).toContain('surgery consult pending per phone call 11/20');
    const csv = (await app.inject({ method: 'GET', url: `/api/cases/${id}/export/chronology.csv`, headers })).body;
    expect(csv).toContain('reviewer correction');
    const docx = await app.inject({ method: 'GET', url: `/api/cases/${id}/export/letters.docx`, headers });
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  it("the claimant's own entries sit beside the record, summed, and never become medical facts", async () => {
    const note = await app.inject({ method: 'POST', url: `/api/cases/${id}/entries`, headers, payload: { date: '2024-02-01', kind: 'note', title: 'Could not sit through my son\'s game', text: 'Had to leave after 20 minutes.' } });
    expect(note.statusCode).toBe(201);
    const form = multipart([{ name: 'pharmacy receipt.pdf', body: Buffer.from('%PDF-1.4 receipt') }]);
    const boundary = form.headers['content-type'].split('boundary=')[1];
    const fields = ['date=2024-02-03', 'kind=expense', 'title=Gabapentin copay', 'amount=$42.50'].map((f) => {
      const [k, v] = f.split('=');
      return Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    });
    const expense = await app.inject({ method: 'POST', url: `/api/cases/${id}/entries`, headers: form.headers, payload: Buffer.concat([...fields, form.payload]) });
    expect(expense.statusCode).toBe(201);
    expect(expense.json()).toMatchObject({ kind: 'expense', amount: 42.5, receipt: 'pharmacy receipt.pdf', source: 'claimant' });
    const list = (await app.inject({ method: 'GET', url: `/api/cases/${id}/entries`, headers })).json();
    expect(list.expenses).toBe(42.5);
    expect((await allFacts(id)).some((f) => f.evidence.some((e) => /son's game|copay/.test(e.quote)))).toBe(false);
    const claimantPage = (await app.inject({ method: 'GET', url: `/api/cases/${id}/export/claimant.html`, headers })).body;
    expect(claimantPage).toContain('Your costs:</strong> $42.50');
    expect(claimantPage).toContain('not medical evidence');
  });

  it('the audit log names who did what to which case, holds no record text, and shows tampering', async () => {
    const { verifyAudit, auditCsv } = await import('../src/store/audit.js');
    const csv = (await app.inject({ method: 'GET', url: '/api/audit.csv', headers })).body;
    for (const action of ['create case', 'upload documents', 'view analysis', 'view page', 'correct analysis', 'export', "add claimant's entry"]) expect(csv).toContain(`"${action}"`);
    expect(csv).toMatch(/"create case",.*"403"/);
    expect(csv).not.toMatch(/Low back|lumbar|Kettering|son's game/i);
    expect(await verifyAudit(ws.db)).toMatchObject({ ok: true });
    // Editing any entry breaks the chain at that entry.
    const { sql } = await import('kysely');
    await sql`update audit_log set actor = 'someone else' where id = 3`.execute(ws.db);
    expect(await verifyAudit(ws.db)).toMatchObject({ ok: false, brokenAt: 3 });
    await sql`update audit_log set actor = 'local user' where id = 3`.execute(ws.db);
    expect((await verifyAudit(ws.db)).ok).toBe(true);
    expect(await auditCsv(ws.db)).toContain('prev_hash');
  });

  it('deleting the case removes its files', async () => {
    expect((await app.inject({ method: 'DELETE', url: `/api/cases/${id}`, headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers })).statusCode).toBe(404);
    await expect(readdir(path.join(dir, 'data', 'cases', id))).rejects.toThrow();
  });
});
