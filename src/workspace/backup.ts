/**
 * Backups while the server runs: a consistent snapshot of the database (VACUUM INTO, which copies a single
 * point in time even while the server writes) and the stored files, in one file encrypted
 * with the data key (AES-256-GCM). Layout inside the encryption: a JSON manifest line, then each file's bytes.
 * Restore writes into an empty data folder only.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { decryptingStream, encryptingStream } from '../store/blob-crypto.js';
import type { DataKey } from '../store/keys.js';

interface Manifest { format: 'plateau-backup-1'; createdAt: string; db: number; files: { path: string; size: number }[] }

async function listStored(dataDir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    let entries;
    try { entries = await readdir(path.join(dataDir, rel), { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) await walk(r);
      else if (e.isFile() && !e.name.startsWith('.upload-')) out.push(r);
    }
  }
  await walk('cases');
  return out.sort();
}

/** Write an encrypted snapshot of the workspace to `out`; returns the number of stored files included. */
export async function backupWorkspace(dataDir: string, dbFile: string, key: DataKey, out: string): Promise<number> {
  const work = await mkdtemp(path.join(dataDir, '.backup-'));
  try {
    const snapshot = path.join(work, 'workspace.db');
    // The database is encrypted with this key, or not at all; VACUUM INTO copies one point in time, keeping
    // the encryption, while the server goes on writing.
    let live = new SQLite(dbFile, { fileMustExist: true });
    try {
      live.pragma(`hexkey='${key.hex}'`);
      try { live.prepare('select count(*) from sqlite_master').get(); } catch {
        live.close();
        live = new SQLite(dbFile, { fileMustExist: true });
      }
      live.prepare('VACUUM INTO ?').run(snapshot);
    } finally { live.close(); }
    const files = await listStored(dataDir);
    const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(dataDir, f))).size));
    const manifest: Manifest = { format: 'plateau-backup-1', createdAt: new Date().toISOString(), db: (await stat(snapshot)).size, files: files.map((p, i) => ({ path: p, size: sizes[i] })) };
    async function* body() {
      yield Buffer.from(`${JSON.stringify(manifest)}\n`);
      for await (const chunk of createReadStream(snapshot)) yield chunk as Buffer;
      for (const f of files) for await (const chunk of createReadStream(path.join(dataDir, f))) yield chunk as Buffer;
    }
    await pipeline(Readable.from(body()), encryptingStream(key), createWriteStream(out, { mode: 0o600 }));
    return files.length;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Restore a snapshot into an empty data folder (the database keeps the key it was made with). */
export async function restoreWorkspace(backup: string, dataDir: string, key: DataKey): Promise<number> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if ((await readdir(dataDir)).length) throw new Error(`${dataDir} is not empty: restore into an empty folder`);
  const input = await decryptingStream(backup, key);
  let buf = Buffer.alloc(0);
  let manifest: Manifest | undefined;
  // Targets in order: the database, then each stored file; bytes are routed by the manifest's sizes.
  let targets: { path: string; size: number }[] = [];
  let current: { out: ReturnType<typeof createWriteStream>; left: number } | undefined;
  const open = async () => {
    const t = targets.shift();
    if (!t) return undefined;
    const abs = path.resolve(dataDir, t.path);
    if (!abs.startsWith(path.resolve(dataDir) + path.sep)) throw new Error(`backup names a file outside the data folder: ${t.path}`);
    await mkdir(path.dirname(abs), { recursive: true, mode: 0o700 });
    return { out: createWriteStream(abs, { mode: 0o600 }), left: t.size };
  };
  const close = (w: ReturnType<typeof createWriteStream>) => new Promise<void>((resolve, reject) => w.end((err?: Error | null) => (err ? reject(err) : resolve())));
  for await (const chunk of input) {
    buf = Buffer.concat([buf, chunk as Buffer]);
    if (!manifest) {
      const nl = buf.indexOf(10);
      if (nl < 0) continue;
      manifest = JSON.parse(buf.subarray(0, nl).toString()) as Manifest;
      if (manifest.format !== 'plateau-backup-1') throw new Error('not a Plateau backup');
      targets = [{ path: 'workspace.db', size: manifest.db }, ...manifest.files];
      buf = buf.subarray(nl + 1);
      current = await open();
    }
    while (current && buf.length) {
      const take = Math.min(current.left, buf.length);
      if (take) current.out.write(buf.subarray(0, take));
      buf = buf.subarray(take);
      current.left -= take;
      if (current.left === 0) { await close(current.out); current = await open(); }
    }
  }
  while (current && current.left === 0) { await close(current.out); current = await open(); }
  if (!manifest || current) throw new Error('the backup is incomplete');
  return manifest.files.length;
}
