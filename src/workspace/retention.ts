/**
 * Retention: a case may carry the date its records are to be kept until (the firm's records policy, a court's
 * order). The day after, a sweep purges it exactly as a reviewer's delete does, and the audit log says so.
 */
import type { AuditLog } from '../store/audit.js';
import { casesPastRetention } from '../store/cases.js';
import type { Workspace } from './workspace.js';

const HOUR = 60 * 60 * 1000;

/** Purges every case whose retention date is before `today` (YYYY-MM-DD); returns their ids. */
export async function purgeExpiredCases(ws: Workspace, audit: AuditLog, today: string): Promise<string[]> {
  const ids = await casesPastRetention(ws.db, today);
  for (const id of ids) {
    await ws.deleteCase(id);
    await audit.append({ at: new Date().toISOString(), actor: 'plateau', action: 'purge case (retention period ended)', caseId: id, outcome: 'ok' });
  }
  return ids;
}

/** Sweeps now and every hour while the server runs; the returned function stops it (after a sweep under way). */
export function scheduleRetention(ws: Workspace, audit: AuditLog, clock: () => Date = () => new Date(), everyMs = HOUR): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  // A failed sweep (the database busy or closing) is tried again at the next hour; it never stops the server.
  const sweep = () => { running = running.then(() => purgeExpiredCases(ws, audit, clock().toISOString().slice(0, 10))).catch(() => undefined); };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return async () => { clearInterval(timer); await running; };
}
