/**
 * The data key: 32 random bytes, as 64 hex characters in a key file (owner-only) or the PLATEAU_KEY environment
 * variable. It encrypts the database (SQLite3 Multiple Ciphers) and every stored file (AES-256-GCM). It is never
 * written beside the data it protects.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DataKey { hex: string; bytes: Buffer }

export class KeyError extends Error {}

function parseKey(text: string, where: string): DataKey {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new KeyError(`${where} must hold a key of 64 hexadecimal characters (make one with "plateau keygen FILE")`);
  return { hex: hex.toLowerCase(), bytes: Buffer.from(hex, 'hex') };
}

/** The key from `--key-file`, else PLATEAU_KEY; none means the data is stored unencrypted (and the server says so). */
export function readKey(keyFile: string | undefined, dataDir: string): DataKey | undefined {
  if (keyFile) {
    const abs = path.resolve(keyFile);
    if (abs.startsWith(path.resolve(dataDir) + path.sep)) throw new KeyError('the key file must not be kept inside the data folder it protects');
    let text: string;
    try { text = readFileSync(abs, 'utf8'); } catch (err) { throw new KeyError(`cannot read the key file ${abs}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`); }
    if ((statSync(abs).mode & 0o077) !== 0) throw new KeyError(`the key file ${abs} is readable by others: chmod 600 it`);
    return parseKey(text, 'the key file');
  }
  if (process.env.PLATEAU_KEY) return parseKey(process.env.PLATEAU_KEY, 'PLATEAU_KEY');
  return undefined;
}

/** Write a new random key, owner-only; never over an existing file. */
export function generateKeyFile(file: string): void {
  writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
}
