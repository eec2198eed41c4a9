/**
 * Key rotation: the database re-keyed in place, every stored file decrypted with the old key and encrypted with
 * the new one, file by file through a temporary copy renamed over the original (a crash leaves each file whole).
 * Run with the server stopped.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { openStore } from '../store/db.js';
import { decryptingStream, encryptingStream } from '../store/blob-crypto.js';
import type { DataKey } from '../store/keys.js';

export async function rekeyWorkspace(dataDir: string, dbFile: string, oldKey: DataKey | undefined, newKey: DataKey): Promise<number> {
  const db = await openStore(dbFile, oldKey);
  try {
    const stored = [
      ...(await db.selectFrom('documents').select('stored_path').execute()).map((r) => r.stored_path),
      ...(await db.selectFrom('claimant_entries').select('stored_path').where('stored_path', 'is not', null).execute()).map((r) => r.stored_path!),
    ];
    for (const rel of stored) {
      const file = path.join(dataDir, rel);
      const tmp = `${file}.rekey`;
      try {
        await pipeline(oldKey ? await decryptingStream(file, oldKey) : createReadStream(file), encryptingStream(newKey), createWriteStream(tmp, { mode: 0o600 }));
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    }
    // SQLite3 Multiple Ciphers: rekey re-encrypts every page; from plaintext it encrypts the database.
    // (not in WAL mode, so the journal is switched for the duration).
    await sql.raw('PRAGMA journal_mode=DELETE').execute(db);
    await sql.raw(`PRAGMA hexrekey='${newKey.hex}'`).execute(db);
    await sql.raw('PRAGMA journal_mode=WAL').execute(db);
    return stored.length;
  } finally {
    await db.destroy();
  }
}
