/**
 * Crash safety: the workspace server killed with SIGKILL in the middle of an analysis leaves a consistent
 * database; on restart the interrupted analysis runs again and finishes, with nothing lost or duplicated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';

const root = path.resolve(import.meta.dirname, '..');
const PORT = 4398;
const base = `http://127.0.0.1:${PORT}`;
const H = { 'x-plateau': '1' };
let dir: string;
let server: ChildProcess | undefined;

afterAll(async () => {
  server?.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

function start(): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'dist/cli/main.js'), 'serve', '--port', String(PORT), '--data', path.join(dir, 'data')], { stdio: 'ignore' });
}

async function until<T>(fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try { const v = await fn(); if (v !== undefined) return v; } catch { /* not up yet */ }
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A record of `pages` visits across several files, from the example's notes. */
async function bigRecord(pages: number): Promise<{ name: string; text: string }[]> {
  const ex = path.join(root, 'examples/lumbar-ssdi');
  const notes = (await Promise.all((await readdir(ex)).filter((n) => n.endsWith('.txt')).map((n) => readFile(path.join(ex, n), 'utf8')))).flatMap((t) => t.split('\f'));
  const files: { name: string; text: string }[] = [];
  for (let f = 0; f * 100 < pages; f++) {
    files.push({ name: `Exhibit ${f + 1}F.txt`, text: Array.from({ length: 100 }, (_, p) => notes[(f * 100 + p) % notes.length]).join('\f') });
  }
  return files;
}

describe('killed mid-analysis', () => {
  it('the database stays consistent and the analysis resumes on restart', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'plateau-crash-'));
    server = start();
    await until(async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined), 20_000);
    const created = await (await fetch(`${base}/api/cases`, { method: 'POST', headers: { ...H, 'content-type': 'application/json' }, body: JSON.stringify({ claimant: 'Crash Test', claimType: 'ssdi' }) })).json() as { id: string };
    const files = await bigRecord(1500);
    const form = new FormData();
    for (const f of files) form.append('files', new Blob([f.text]), f.name);
    expect((await fetch(`${base}/api/cases/${created.id}/documents`, { method: 'POST', headers: H, body: form })).ok).toBe(true);
    // Kill as soon as the analysis is under way.
    await until(async () => {
      const p = await (await fetch(`${base}/api/cases/${created.id}/progress`)).json() as { status: string };
      return p.status === 'running' ? true : undefined;
    }, 20_000);
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));

    const db = await openStore(path.join(dir, 'data', 'workspace.db'));
    const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    expect(check.rows[0].integrity_check).toBe('ok');
    const before = await db.selectFrom('analyses').select('status').where('case_id', '=', created.id).executeTakeFirstOrThrow();
    expect(before.status).toBe('running');
    await db.destroy();

    server = start();
    const done = await until(async () => {
      const p = await (await fetch(`${base}/api/cases/${created.id}/progress`)).json() as { status: string; filesDone: number };
      return p.status === 'done' ? p : undefined;
    }, 60_000);
    expect(done.filesDone).toBe(files.length);
    const c = await (await fetch(`${base}/api/cases/${created.id}`)).json() as { documents: { name: string }[] };
    expect(c.documents.map((d) => d.name).sort()).toEqual(files.map((f) => f.name).sort());
    expect((await readdir(path.join(dir, 'data', 'cases', created.id, 'files'))).length).toBe(files.length);
    server.kill('SIGTERM');
  }, 120_000);
});
