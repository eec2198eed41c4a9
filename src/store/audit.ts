/**
 * The audit log: append-only, tamper-evident. Each entry's hash covers its fields and the previous entry's hash,
 * so changing or removing an entry breaks every hash after it (`plateau audit verify`). Entries name ids and
 * actions, never record text. Appends are serialised so the chain never forks.
 */
import { createHash } from 'node:crypto';
import type { Store } from './db.js';
import { csvCell } from '../util/csv.js';

export interface AuditEntry { at: string; actor: string; action: string; caseId?: string; target?: string; outcome: string }

const GENESIS = '0'.repeat(64);

function hashOf(prev: string, e: AuditEntry): string {
  return createHash('sha256').update(JSON.stringify([prev, e.at, e.actor, e.action, e.caseId ?? null, e.target ?? null, e.outcome])).digest('hex');
}

export class AuditLog {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Store) {}

  append(e: AuditEntry): Promise<void> {
    const next = this.tail.then(async () => {
      const last = await this.db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      const prev = last?.hash ?? GENESIS;
      await this.db.insertInto('audit_log').values({
        at: e.at, actor: e.actor, action: e.action, case_id: e.caseId ?? null, target: e.target ?? null, outcome: e.outcome, prev_hash: prev, hash: hashOf(prev, e),
      }).execute();
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** Recompute the chain: the first entry whose hash or link does not hold, if any. */
export async function verifyAudit(db: Store): Promise<{ entries: number; ok: boolean; brokenAt?: number; reason?: string }> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev = GENESIS;
  for (const r of rows) {
    if (r.prev_hash !== prev) return { entries: rows.length, ok: false, brokenAt: Number(r.id), reason: 'an entry before it was changed or removed' };
    const e: AuditEntry = { at: r.at, actor: r.actor, action: r.action, caseId: r.case_id ?? undefined, target: r.target ?? undefined, outcome: r.outcome };
    if (hashOf(prev, e) !== r.hash) return { entries: rows.length, ok: false, brokenAt: Number(r.id), reason: 'the entry was changed' };
    prev = r.hash;
  }
  return { entries: rows.length, ok: true };
}

export async function auditCsv(db: Store): Promise<string> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  const head = 'id,at,actor,action,case_id,target,outcome,prev_hash,hash';
  return `${[head, ...rows.map((r) => [Number(r.id), r.at, r.actor, r.action, r.case_id, r.target, r.outcome, r.prev_hash, r.hash].map(csvCell).join(','))].join('\r\n')}\r\n`;
}
