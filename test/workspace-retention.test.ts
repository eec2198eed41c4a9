/**
 * Retention: a case kept "until" a day is purged the day after, exactly as a reviewer's delete (files, rows, page
 * text), and the audit log says so; a case with a later date, or none, is kept; a past day is refused when entered.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { AuditLog, verifyAudit } from '../src/store/audit.js';
import { Workspace } from '../src/workspace/workspace.js';
import { purgeExpiredCases, scheduleRetention } from '../src/workspace/retention.js';
import { buildServer } from '../src/server/app.js';

const MARKER = 'KESTREL-4410';
const NOTE = `DATE OF SERVICE: 03/14/2024\nProvider: Anita Okafor, MD\nLow back pain 7/10 after ${MARKER}. Physical therapy twice weekly.\n`;
const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

async function workspace() {
  const data = await mkdtemp(path.join(tmpdir(), 'plateau-retention-'));
  dirs.push(data);
  const ws = new Workspace(await openStore(path.join(data, 'ws.db')), data);
  return { ws, data, audit: new AuditLog(ws.db) };
}

async function caseWithNote(ws: Workspace, retainUntil?: string) {
  const c = await ws.createCase({ claimant: 'Test Claimant', claimType: 'ssdi', ...(retainUntil ? { retainUntil } : {}) });
  await ws.addDocuments(c.id, (async function* () { yield { filename: 'note.txt', file: Readable.from([Buffer.from(NOTE)]) }; })());
  await ws.jobs.settled(c.id);
  return c.id;
}

async function filesHolding(dir: string, marker: string): Promise<string[]> {
  const hits: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const f = path.join(e.parentPath, e.name);
    if ((await readFile(f)).includes(marker)) hits.push(path.relative(dir, f));
  }
  return hits;
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('retention periods', () => {
  it('purges a case the day after its retention date, keeps the others, and audits the purge', async () => {
    const { ws, data, audit } = await workspace();
    const ending = await caseWithNote(ws, future(10));
    const later = await caseWithNote(ws, future(400));
    const forever = await caseWithNote(ws);
    expect(await purgeExpiredCases(ws, audit, future(10))).toEqual([]); // kept through its last day
    expect(await purgeExpiredCases(ws, audit, future(11))).toEqual([ending]);
    expect((await ws.listCases()).map((c) => c.id).sort()).toEqual([later, forever].sort());
    const entries = await ws.db.selectFrom('audit_log').selectAll().execute();
    expect(entries).toMatchObject([{ actor: 'plateau', action: 'purge case (retention period ended)', case_id: ending, outcome: 'ok' }]);
    expect(await verifyAudit(ws.db)).toMatchObject({ ok: true, entries: 1 });
    // The two kept cases still hold the note; with both deleted nothing on disk holds it.
    await ws.deleteCase(later);
    await ws.deleteCase(forever);
    await ws.close();
    expect(await filesHolding(data, MARKER)).toEqual([]);
  }, 60_000);

  it('refuses a retention date in the past (a typo would purge at once) and clears one set to empty', async () => {
    const { ws } = await workspace();
    await expect(ws.createCase({ claimant: 'A', claimType: 'ssdi', retainUntil: '2001-01-01' })).rejects.toThrow('retainUntil: a date from today on');
    const c = await ws.createCase({ claimant: 'A', claimType: 'ssdi', retainUntil: future(30) });
    expect(c.retainUntil).toBe(future(30));
    expect((await ws.updateCase(c.id, { retainUntil: '' })).case.retainUntil).toBeNull();
    await ws.close();
  });

  it('the server sweeps at start: a case whose day has passed is gone before the first request', async () => {
    const { ws, data, audit } = await workspace();
    const id = await caseWithNote(ws, future(5));
    const stop = scheduleRetention(ws, audit, () => new Date(Date.now() + 6 * 86_400_000));
    await stop();
    expect(await ws.listCases()).toEqual([]);
    const app = await buildServer({ workspace: ws, port: 0, version: 'test', uiDir: path.join(data, 'no-ui') });
    const res = await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: { host: '127.0.0.1:0' } });
    expect([res.statusCode, res.json()]).toEqual([404, { error: 'no such case' }]);
    await app.close();
    await ws.close();
  }, 60_000);
});
