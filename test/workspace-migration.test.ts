/**
 * Migration 0009 moves each case's stored result and input out of the `analyses` row (read on every case view and
 * progress poll) into a table of their own: a workspace made before it keeps its analyses, and deleting a case
 * still deletes them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { getAnalysisInput, getAnalysisResult, getAnalysisState } from '../src/store/analyses.js';
import { deleteCase } from '../src/store/cases.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'plateau-migration-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('migration 0009-analysis-results', () => {
  it('moves a stored analysis into its own table, and a deleted case takes it along', async () => {
    const file = path.join(dir, 'ws.db');
    const before = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(file) }) });
    const earlier = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0009'));
    const { error } = await new Migrator({ db: before, provider: { getMigrations: async () => earlier } }).migrateToLatest();
    expect(error).toBeUndefined();
    await sql`insert into cases (id, claimant, claim_type, created_at, updated_at) values ('c1', 'A', 'ssdi', 'x', 'x'), ('c2', 'B', 'ssdi', 'x', 'x')`.execute(before);
    await sql`insert into analyses (case_id, status, progress, result, input, result_at) values ('c1', 'done', '{}', '{"r":1}', '{"i":1}', '2025-01-01'), ('c2', 'running', '{}', null, null, null)`.execute(before);
    await before.destroy();

    const db = await openStore(file);
    expect(await getAnalysisResult(db, 'c1')).toBe('{"r":1}');
    expect(await getAnalysisInput(db, 'c1')).toBe('{"i":1}');
    expect(await getAnalysisResult(db, 'c2')).toBeUndefined();
    expect(await getAnalysisState(db, 'c1')).toMatchObject({ status: 'done', result_at: '2025-01-01' });
    const columns = (await sql<{ name: string }>`select name from pragma_table_info('analyses')`.execute(db)).rows.map((r) => r.name);
    expect(columns).not.toContain('result');
    expect(columns).not.toContain('input');
    await deleteCase(db, 'c1');
    expect(await getAnalysisResult(db, 'c1')).toBeUndefined();
    await db.destroy();
  });
});
