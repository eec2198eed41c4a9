/**
 * Where a case's uploaded files live: `DATA/cases/<case id>/files/<name>`, written owner-only. A user's file
 * name never becomes a path as given: folders are flattened into the name, control characters and separators
 * removed, and a clash gets a number.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { encryptingStream } from '../store/blob-crypto.js';
import type { DataKey } from '../store/keys.js';

export function caseDir(dataDir: string, caseId: string): string {
  return path.join(dataDir, 'cases', caseId);
}

/** Where an encrypted case's files are decrypted for an analysis run; emptied at every server start. */
export function plainRoot(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}

export function filesDir(dataDir: string, caseId: string): string {
  return path.join(caseDir(dataDir, caseId), 'files');
}

/** "Exhibits/1F notes.pdf" → "Exhibits - 1F notes.pdf"; "../../etc/passwd" → "etc - passwd". */
export function safeName(raw: string): string {
  const parts = raw.split(/[\\/]+/).map((p) => p.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()).filter((p) => p && p !== '.' && p !== '..');
  let name = parts.join(' - ').replace(/^\.+/, '').slice(-180);
  if (!name) name = 'unnamed';
  return name;
}

/** A free name in the folder: "notes.txt", then "notes (2).txt". */
export async function freeName(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : `${base} (${i})${ext}`;
    try { await stat(path.join(dir, candidate)); } catch { return candidate; }
  }
}

export class UploadTooLarge extends Error {}

/** Stream an upload to disk under a free name (encrypted when a key is given), with its size and SHA-256; a partial file is removed on failure. */
export async function storeUpload(dir: string, rawName: string, stream: Readable, maxBytes: number, key?: DataKey): Promise<{ name: string; size: number; sha256: string }> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = await freeName(dir, safeName(rawName));
  const tmp = path.join(dir, `.upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) { cb(new UploadTooLarge(`larger than ${Math.round(maxBytes / 1024 / 1024)} MB`)); return; }
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    if (key) await pipeline(stream, meter, encryptingStream(key), createWriteStream(tmp, { mode: 0o600 }));
    else await pipeline(stream, meter, createWriteStream(tmp, { mode: 0o600 }));
    if ((stream as Readable & { truncated?: boolean }).truncated) throw new UploadTooLarge(`larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    await rename(tmp, path.join(dir, name));
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return { name, size, sha256: hash.digest('hex') };
}
