/**
 * Every request about a case is written to the audit log: who, what, which case and document, when, and whether
 * it was allowed. Progress polling is not (it reveals nothing and would drown the log).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditLog } from '../store/audit.js';

declare module 'fastify' {
  /** The target a handler learns only as it runs (the id of a user it created). */
  interface FastifyRequest { auditTarget?: string }
}

/** "METHOD route" → the action an auditor reads. */
const ACTIONS: Record<string, string> = {
  'GET /api/cases': 'list cases',
  'POST /api/cases': 'create case',
  'GET /api/cases/:id': 'view case',
  'PATCH /api/cases/:id': 'change case details',
  'DELETE /api/cases/:id': 'delete case',
  'POST /api/cases/:id/documents': 'upload documents',
  'DELETE /api/cases/:id/documents/:docId': 'delete document',
  'GET /api/cases/:id/documents/:docId/raw': 'view document',
  'POST /api/cases/:id/analyze': 'analyse case',
  'POST /api/cases/:id/cancel': 'cancel analysis',
  'GET /api/cases/:id/analysis': 'view analysis',
  'GET /api/cases/:id/timeline': 'view timeline',
  'GET /api/cases/:id/timeline/sources': 'view timeline',
  'GET /api/cases/:id/facts': 'view facts',
  'GET /api/cases/:id/page': 'view page',
  'GET /api/cases/:id/corrections': 'view corrections',
  'POST /api/cases/:id/corrections': 'correct analysis',
  'DELETE /api/cases/:id/corrections/:cid': 'withdraw correction',
  'GET /api/cases/:id/export/:name': 'export',
  'GET /api/cases/:id/entries': "view claimant's entries",
  'POST /api/cases/:id/entries': "add claimant's entry",
  'DELETE /api/cases/:id/entries/:eid': "delete claimant's entry",
  'GET /api/cases/:id/entries/:eid/receipt': 'view receipt',
  'GET /api/audit.csv': 'export audit log',
  'POST /api/me/password': 'change own password',
  'GET /api/users': 'list users',
  'POST /api/users': 'add user',
  'PUT /api/users/:userId/role': 'change user role',
  'POST /api/users/:userId/disable': 'disable user',
  'POST /api/users/:userId/enable': 'enable user',
  'GET /api/users/:userId/cases': "view user's case access",
  'PUT /api/cases/:id/access/:userId': 'grant case access',
  'DELETE /api/cases/:id/access/:userId': 'revoke case access',
};

function targetOf(req: FastifyRequest): string | undefined {
  const p = req.params as Record<string, string | undefined>;
  const q = req.query as Record<string, string | undefined>;
  if (req.auditTarget) return req.auditTarget;
  if (p.userId) return `user ${p.userId}`;
  if (p.docId) return `document ${p.docId}`;
  if (p.cid) return `correction ${p.cid}`;
  if (p.eid) return `entry ${p.eid}`;
  if (p.name) return p.name;
  if (q?.file) return `${q.file} page ${q.page ?? ''}`.trim();
  return undefined;
}

export function installAudit(app: FastifyInstance, log: AuditLog, actorOf: (req: FastifyRequest) => string): void {
  app.addHook('onResponse', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/health')) return;
    const route = req.routeOptions.url ?? '';
    if (route.endsWith('/progress')) return;
    const known = ACTIONS[`${req.method} ${route}`];
    const refused = reply.statusCode >= 400;
    if (!known && !refused) return;
    await log.append({
      at: new Date().toISOString(), actor: actorOf(req), action: known ?? `${req.method} ${route || 'unknown route'}`,
      caseId: (req.params as Record<string, string | undefined>)?.id, target: targetOf(req), outcome: refused ? String(reply.statusCode) : 'ok',
    });
  });
}
