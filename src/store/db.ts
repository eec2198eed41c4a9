/**
 * The embedded store: one SQLite file (WAL, foreign keys on), created and migrated on first open. All access goes
 * through the typed query builder so that a PostgreSQL backend is a second dialect, not a rewrite.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from './migrations.js';
import type { Database } from './schema.js';
import type { DataKey } from './keys.js';
import { KeyError } from './keys.js';

export type Store = Kysely<Database>;

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Open (creating if needed) the workspace database at `file` (":memory:" for tests) and bring its schema up to
 * date. With a key the whole file is encrypted (SQLite3 Multiple Ciphers); a wrong key fails here, clearly.
 */
export async function openStore(file: string, key?: DataKey): Promise<Store> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(file);
  if (key) sqlite.pragma(`hexkey='${key.hex}'`);
  try {
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (err) {
    sqlite.close();
    if (/not a database/i.test(String(err))) throw new KeyError(`cannot open ${file}: ${key ? 'wrong key, or the database is not encrypted' : 'the database is encrypted: give its key (--key-file or PLATEAU_KEY)'}`);
    throw err;
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows are overwritten, not left in free pages: a purged case leaves no record text in the file.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`workspace database ${file}: migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}
