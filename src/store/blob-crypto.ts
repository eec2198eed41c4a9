/**
 * Stored files encrypted with AES-256-GCM: "PLTB1", a random 12-byte nonce, the ciphertext, then the 16-byte
 * authentication tag. A file altered on disk fails to decrypt instead of being read as a record.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataKey } from './keys.js';

const MAGIC = Buffer.from('PLTB1');
const HEAD = MAGIC.length + 12;
const TAG = 16;

export function encryptingStream(key: DataKey): Transform {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (!started) { started = true; this.push(Buffer.concat([MAGIC, iv])); }
      cb(null, cipher.update(chunk));
    },
    flush(cb) {
      if (!started) this.push(Buffer.concat([MAGIC, iv]));
      this.push(cipher.final());
      cb(null, cipher.getAuthTag());
    },
  });
}

export class BlobError extends Error {}

/** The plaintext of an encrypted file as a stream; the tag is checked at the end (a tampered file errors). */
export async function decryptingStream(file: string, key: DataKey): Promise<Readable> {
  const fh = await open(file, 'r');
  let head: Buffer, tag: Buffer, size: number;
  try {
    size = (await fh.stat()).size;
    if (size < HEAD + TAG) throw new BlobError('stored file is damaged (too short to be encrypted)');
    head = Buffer.alloc(HEAD); tag = Buffer.alloc(TAG);
    await fh.read(head, 0, HEAD, 0);
    await fh.read(tag, 0, TAG, size - TAG);
  } finally {
    await fh.close();
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new BlobError('stored file is not encrypted with a Plateau key');
  const decipher = createDecipheriv('aes-256-gcm', key.bytes, head.subarray(MAGIC.length));
  decipher.setAuthTag(tag);
  const body = size - HEAD - TAG > 0 ? createReadStream(file, { start: HEAD, end: size - TAG - 1 }) : Readable.from([]);
  return body.pipe(decipher);
}

export async function decryptToFile(src: string, dest: string, key: DataKey): Promise<void> {
  try {
    await pipeline(await decryptingStream(src, key), createWriteStream(dest, { mode: 0o600 }));
  } catch (err) {
    throw new BlobError(err instanceof BlobError ? err.message : 'stored file failed its integrity check (altered, or another key)');
  }
}
