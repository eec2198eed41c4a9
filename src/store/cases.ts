/** Cases: the claim details a reviewer enters, listed with their document count and last verdict. */
import { sql } from 'kysely';
import type { Store } from './db.js';
import type { Selectable } from 'kysely';
import type { CaseTable } from './schema.js';

export type CaseRow = Selectable<CaseTable>;
export type CaseFields = Omit<CaseRow, 'id' | 'created_at' | 'updated_at'>;

export interface CaseListRow extends CaseRow { documents: number; status: string | null; mmi_status: string | null; mmi_date: string | null }

export async function insertCase(db: Store, id: string, fields: CaseFields, now: string): Promise<void> {
  await db.insertInto('cases').values({ id, ...fields, created_at: now, updated_at: now }).execute();
}

export async function updateCase(db: Store, id: string, fields: Partial<CaseFields>, now: string): Promise<void> {
  await db.updateTable('cases').set({ ...fields, updated_at: now }).where('id', '=', id).execute();
}

export async function touchCase(db: Store, id: string, now: string): Promise<void> {
  await db.updateTable('cases').set({ updated_at: now }).where('id', '=', id).execute();
}

export async function getCase(db: Store, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteCase(db: Store, id: string): Promise<void> {
  await db.deleteFrom('cases').where('id', '=', id).execute();
}

/** Cases kept until a day before `today` (YYYY-MM-DD): their retention period has ended. */
export async function casesPastRetention(db: Store, today: string): Promise<string[]> {
  const rows = await db.selectFrom('cases').select('id').where('retain_until', 'is not', null).where('retain_until', '<', today).orderBy('id').execute();
  return rows.map((r) => r.id);
}

const SORTS = { updated: 'cases.updated_at desc', created: 'cases.created_at desc', claimant: 'cases.claimant asc' } as const;
export type CaseSort = keyof typeof SORTS;

/** Cases whose claimant, state or claim type contains `q`; the verdict is read from the stored analysis. */
export async function listCases(db: Store, q: string | undefined, sort: CaseSort): Promise<CaseListRow[]> {
  let query = db.selectFrom('cases')
    .leftJoin('analyses', 'analyses.case_id', 'cases.id')
    .selectAll('cases')
    .select((eb) => [
      eb.selectFrom('documents').whereRef('documents.case_id', '=', 'cases.id').select(eb.fn.countAll<number>().as('n')).as('documents'),
      'analyses.status as status',
      'analyses.mmi_status as mmi_status',
      'analyses.mmi_date as mmi_date',
    ]);
  if (q?.trim()) {
    const like = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([
      eb(sql`cases.claimant`, 'like', sql`${like} escape '\\'`),
      eb(sql`cases.state`, 'like', sql`${like} escape '\\'`),
      eb(sql`cases.claim_type`, 'like', sql`${like} escape '\\'`),
    ]));
  }
  const rows = await query.orderBy(sql.raw(SORTS[sort])).execute();
  return rows.map((r) => ({ ...r, documents: Number(r.documents ?? 0) }));
}
