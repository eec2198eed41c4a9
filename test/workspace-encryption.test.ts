/**
 * Encryption at rest: with a data key, neither the database nor a stored file holds the record's words; the
 * analysis, page text and original file still read back; a wrong key fails clearly; the key can be rotated, and
 * an unencrypted workspace encrypted.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { generateKeyFile, readKey } from '../src/store/keys.js';
import { Workspace } from '../src/workspace/workspace.js';
import { rekeyWorkspace } from '../src/workspace/rekey.js';

const MARKER = 'ZEBRAFINCH-7731';
const NOTE = `DATE OF SERVICE: 03/14/2024\nProvider: Anita Okafor, MD\nLow back pain 7/10 after ${MARKER}. Physical therapy twice weekly. Lifting limited to 10 lb.\n`;

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });
async function tempDir(): Promise<string> { const d = await mkdtemp(path.join(tmpdir(), 'plateau-enc-')); dirs.push(d); return d; }

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...await filesUnder(p)); else out.push(p);
  }
  return out;
}

async function containsMarker(dir: string): Promise<string[]> {
  const hits: string[] = [];
  for (const f of await filesUnder(dir)) if ((await readFile(f)).includes(MARKER)) hits.push(path.relative(dir, f));
  return hits;
}

describe('a workspace encrypted at rest', () => {
  it('stores no readable record text, and still analyses, shows pages and returns the original', async () => {
    const keys = await tempDir();
    const data = await tempDir();
    generateKeyFile(path.join(keys, 'k1'));
    const key = readKey(path.join(keys, 'k1'), data)!;
    const ws = new Workspace(await openStore(path.join(data, 'ws.db'), key), data, { key });
    const c = await ws.createCase({ claimant: 'Test Claimant', claimType: 'ssdi' });
    const doc = (await ws.addDocuments(c.id, (async function* () { yield { filename: 'note.txt', file: Readable.from([Buffer.from(NOTE)]) }; })())).added[0];
    await ws.jobs.settled(c.id);
    expect((await ws.progress(c.id)).status).toBe('done');
    const facts = await ws.facts(c.id, { text: MARKER.toLowerCase() });
    expect(facts.total).toBeGreaterThan(0);
    const page = await ws.page(c.id, 'note.txt', 1);
    expect(page.text).toContain(MARKER);
    const raw = await ws.documentFile(c.id, doc.id);
    const chunks: Buffer[] = [];
    for await (const ch of raw.stream) chunks.push(ch as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(NOTE);
    await ws.close();
    expect(await containsMarker(data)).toEqual([]);

    // A wrong key, or none, fails with a message that says so.
    generateKeyFile(path.join(keys, 'k2'));
    await expect(openStore(path.join(data, 'ws.db'), readKey(path.join(keys, 'k2'), data))).rejects.toThrow(/wrong key/);
    await expect(openStore(path.join(data, 'ws.db'))).rejects.toThrow(/encrypted: give its key/);

    // Rotation: everything readable under the new key only.
    await rekeyWorkspace(data, path.join(data, 'ws.db'), key, readKey(path.join(keys, 'k2'), data)!);
    await expect(openStore(path.join(data, 'ws.db'), key)).rejects.toThrow(/wrong key/);
    const k2 = readKey(path.join(keys, 'k2'), data)!;
    const again = new Workspace(await openStore(path.join(data, 'ws.db'), k2), data, { key: k2 });
    const raw2 = await again.documentFile(c.id, doc.id);
    const chunks2: Buffer[] = [];
    for await (const ch of raw2.stream) chunks2.push(ch as Buffer);
    expect(Buffer.concat(chunks2).toString()).toBe(NOTE);
    await again.close();
    expect(await containsMarker(data)).toEqual([]);
  }, 60_000);

  it('an unencrypted workspace can be encrypted', async () => {
    const keys = await tempDir();
    const data = await tempDir();
    const ws = new Workspace(await openStore(path.join(data, 'ws.db')), data);
    const c = await ws.createCase({ claimant: 'Plain Claimant', claimType: 'ssdi' });
    await ws.addDocuments(c.id, (async function* () { yield { filename: 'note.txt', file: Readable.from([Buffer.from(NOTE)]) }; })());
    await ws.jobs.settled(c.id);
    await ws.close();
    expect((await containsMarker(data)).length).toBeGreaterThan(0);
    generateKeyFile(path.join(keys, 'k'));
    await rekeyWorkspace(data, path.join(data, 'ws.db'), undefined, readKey(path.join(keys, 'k'), data)!);
    expect(await containsMarker(data)).toEqual([]);
  }, 60_000);

  it('a key file inside the data folder, or readable by others, is refused', async () => {
    const data = await tempDir();
    generateKeyFile(path.join(data, 'k'));
    expect(() => readKey(path.join(data, 'k'), data)).toThrow(/not be kept inside the data folder/);
    const keys = await tempDir();
    await writeFile(path.join(keys, 'open'), `${'a'.repeat(64)}\n`, { mode: 0o644 });
    expect(() => readKey(path.join(keys, 'open'), data)).toThrow(/readable by others/);
  });
});

describe('purge', () => {
  it('deleting a case leaves none of its words in the database, its journal or the file store', async () => {
    const data = await tempDir();
    const db = await openStore(path.join(data, 'ws.db'));
    const ws = new Workspace(db, data);
    const keep = await ws.createCase({ claimant: 'Other Claimant', claimType: 'ssdi' });
    const c = await ws.createCase({ claimant: 'Purged Claimant', claimType: 'ssdi' });
    await ws.addDocuments(c.id, (async function* () { yield { filename: 'note.txt', file: Readable.from([Buffer.from(NOTE)]) }; })());
    await ws.jobs.settled(c.id);
    await ws.addEntry(c.id, { date: '2024-03-15', kind: 'note', title: `My own note ${MARKER}` });
    expect((await containsMarker(data)).length).toBeGreaterThan(0);
    await ws.deleteCase(c.id);
    await ws.close();
    expect(await containsMarker(data)).toEqual([]);
    const again = new Workspace(await openStore(path.join(data, 'ws.db')), data);
    expect((await again.listCases()).map((x) => x.id)).toEqual([keep.id]);
    await again.close();
  }, 60_000);
});

describe('backup and restore', () => {
  it('a backup taken while the workspace is open restores the same cases, analysis and files, and holds no readable text', async () => {
    const { backupWorkspace, restoreWorkspace } = await import('../src/workspace/backup.js');
    const keys = await tempDir();
    const data = await tempDir();
    generateKeyFile(path.join(keys, 'k'));
    const key = readKey(path.join(keys, 'k'), data)!;
    const ws = new Workspace(await openStore(path.join(data, 'ws.db'), key), data, { key });
    const c = await ws.createCase({ claimant: 'Backed Up', claimType: 'ssdi' });
    const doc = (await ws.addDocuments(c.id, (async function* () { yield { filename: 'note.txt', file: Readable.from([Buffer.from(NOTE)]) }; })())).added[0];
    await ws.jobs.settled(c.id);
    const file = path.join(keys, 'backup.plateau');
    expect(await backupWorkspace(data, path.join(data, 'ws.db'), key, file)).toBe(1);
    await ws.close();
    expect((await readFile(file)).includes(MARKER)).toBe(false);
    const restored = path.join(await tempDir(), 'restored');
    await restoreWorkspace(file, restored, key);
    const back = new Workspace(await openStore(path.join(restored, 'workspace.db'), key), restored, { key });
    expect((await back.listCases()).map((x) => x.claimant)).toEqual(['Backed Up']);
    expect((await back.facts(c.id, { text: MARKER.toLowerCase() })).total).toBeGreaterThan(0);
    const raw = await back.documentFile(c.id, doc.id);
    const chunks: Buffer[] = [];
    for await (const ch of raw.stream) chunks.push(ch as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(NOTE);
    await back.close();
    await expect(restoreWorkspace(file, restored, key)).rejects.toThrow(/not empty/);
  }, 60_000);
});
