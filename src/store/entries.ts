/** The claimant's own entries, by date. */
import type { Insertable, Selectable } from 'kysely';
import type { Store } from './db.js';
import type { ClaimantEntryTable } from './schema.js';

export type EntryRow = Selectable<ClaimantEntryTable>;

export async function insertEntry(db: Store, row: Insertable<ClaimantEntryTable>): Promise<number> {
  const r = await db.insertInto('claimant_entries').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function listEntries(db: Store, caseId: string): Promise<EntryRow[]> {
  return db.selectFrom('claimant_entries').selectAll().where('case_id', '=', caseId).orderBy('date').orderBy('id').execute();
}

export async function getEntry(db: Store, caseId: string, id: number): Promise<EntryRow | undefined> {
  return db.selectFrom('claimant_entries').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
}

export async function deleteEntry(db: Store, caseId: string, id: number): Promise<void> {
  await db.deleteFrom('claimant_entries').where('case_id', '=', caseId).where('id', '=', id).execute();
}
