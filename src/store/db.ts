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

export type Store = Kysely<Database>;

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Open (creating if needed) the workspace database at `file` (":memory:" for tests) and bring its schema up to date. */
export async function openStore(file: string): Promise<Store> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
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
