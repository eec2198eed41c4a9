/** Reviewer corrections, append-only: withdrawing one marks it, so the audit trail keeps what was done and undone. */
import type { Store } from './db.js';

/** A correction as stored: its anchor resolved to quoted words. */
export interface StoredCorrection {
  id: number;
  target: 'fact' | 'gap' | 'verdict';
  action: string;
  anchor: Record<string, unknown>;
  payload: Record<string, unknown>;
  reason?: string;
  createdAt: string;
  withdrawnAt?: string;
}

export async function insertCorrection(db: Store, caseId: string, c: Omit<StoredCorrection, 'id' | 'withdrawnAt'>): Promise<number> {
  const r = await db.insertInto('corrections').values({
    case_id: caseId, target: c.target, action: c.action, anchor: JSON.stringify(c.anchor), payload: JSON.stringify(c.payload),
    reason: c.reason ?? null, created_at: c.createdAt, withdrawn_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function listCorrections(db: Store, caseId: string): Promise<StoredCorrection[]> {
  const rows = await db.selectFrom('corrections').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id), target: r.target as StoredCorrection['target'], action: r.action,
    anchor: JSON.parse(r.anchor) as Record<string, unknown>, payload: JSON.parse(r.payload) as Record<string, unknown>,
    reason: r.reason ?? undefined, createdAt: r.created_at, withdrawnAt: r.withdrawn_at ?? undefined,
  }));
}

export async function withdrawCorrection(db: Store, caseId: string, id: number, now: string): Promise<boolean> {
  const r = await db.updateTable('corrections').set({ withdrawn_at: now }).where('case_id', '=', caseId).where('id', '=', id).where('withdrawn_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
