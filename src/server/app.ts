/**
 * The workspace server: the JSON API under /api and the built UI at /. Loopback only; every route goes through the
 * security hooks (Host, Origin, CSRF header, CSP). Errors are JSON with a message, never a stack.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { installSecurity } from './security.js';
import { installAudit } from './audit-hook.js';
import { installAuth } from './auth.js';
import { accountRoutes } from './routes/accounts.js';
import { accessibleCases, grantCase } from '../store/accounts.js';
import { AuditLog, auditCsv } from '../store/audit.js';
import { caseRoutes } from './routes/cases.js';
import { documentRoutes } from './routes/documents.js';
import { analysisRoutes } from './routes/analysis.js';
import { correctionRoutes } from './routes/corrections.js';
import { exportRoutes } from './routes/exports.js';
import { entryRoutes } from './routes/entries.js';
import { BadInput, NotFound, type Workspace } from '../workspace/workspace.js';
import { ExportUnavailable } from '../workspace/exports.js';
import { scheduleRetention } from '../workspace/retention.js';

/** `accounts`: server mode (users, roles, sessions); otherwise local single-user mode on loopback. */
export interface ServerOptions { workspace: Workspace; port: number; uiDir?: string; version: string; accounts?: boolean }

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  let port = opts.port;
  installSecurity(app, () => port);
  const audit = new AuditLog(opts.workspace.db);
  installAudit(app, audit, (req) => req.user?.name ?? (opts.accounts ? 'anonymous' : 'local user'));
  if (opts.accounts) installAuth(app, opts.workspace.db);
  app.addHook('onListen', async () => { const a = app.server.address(); if (a && typeof a === 'object') port = a.port; });
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof NotFound) return reply.code(404).send({ error: err.message });
    if (err instanceof BadInput) return reply.code(400).send({ error: err.message });
    if (err instanceof ExportUnavailable) return reply.code(503).send({ error: err.message });
    const status = (err as { statusCode?: number }).statusCode;
    const message = err instanceof Error ? err.message : String(err);
    if (status && status >= 400 && status < 500) return reply.code(status).send({ error: message });
    return reply.code(500).send({ error: `internal error: ${message}` });
  });
  // preservePath: a folder's relative path reaches safeName, which flattens it into the stored name.
  await app.register(multipart, { preservePath: true, limits: { fileSize: opts.workspace.limits.maxFileBytes, files: opts.workspace.limits.maxFiles, fields: 20, parts: opts.workspace.limits.maxFiles + 20 } });
  const ws = opts.workspace;
  // Cases whose retention period has ended are purged while the server runs: at start, then hourly.
  const stopRetention = scheduleRetention(ws, audit);
  app.addHook('onClose', stopRetention);
  app.get('/api/health', async () => ({ ok: true, version: opts.version, mode: opts.accounts ? 'accounts' : 'local', encrypted: opts.workspace.encrypted }));
  if (opts.accounts) await app.register(accountRoutes(opts.workspace.db, audit));
  else app.get('/api/me', async () => ({ name: 'local user', role: 'administrator', mode: 'local' }));
  app.get('/api/audit.csv', async (_req, reply) => reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="plateau-audit.csv"').send(await auditCsv(opts.workspace.db)));
  await app.register(caseRoutes(ws, {
    visible: async (req) => (req.user ? accessibleCases(ws.db, req.user) : undefined),
    created: async (req, id) => { if (req.user) await grantCase(ws.db, id, req.user.id); },
  }));
  await app.register(documentRoutes(ws));
  await app.register(analysisRoutes(ws));
  await app.register(correctionRoutes(ws));
  await app.register(exportRoutes(ws));
  await app.register(entryRoutes(ws));
  app.all('/api/*', async (_req, reply) => reply.code(404).send({ error: 'no such API route' }));
  const uiDir = opts.uiDir ?? path.resolve(import.meta.dirname, '../../dist/ui');
  if (existsSync(path.join(uiDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: uiDir, prefix: '/', index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html').send('<!doctype html><meta charset="utf-8"><title>Plateau</title><p>The workspace UI is not built: run <code>npm run build</code>.</p>'));
  }
  return app;
}
