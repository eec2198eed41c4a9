/** Cases: list (search, sort), create, read, edit claim details, delete. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Workspace } from '../../workspace/workspace.js';

const SORTS = new Set(['updated', 'created', 'claimant']);

/** In server mode: the cases a user may see (undefined: all), and who gets access to a case they create. */
export interface CaseAccess { visible: (req: FastifyRequest) => Promise<Set<string> | undefined>; created: (req: FastifyRequest, id: string) => Promise<void> }

export function caseRoutes(ws: Workspace, access: CaseAccess) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: { q?: string; sort?: string } }>('/api/cases', async (req) => {
      const sort = SORTS.has(req.query.sort ?? '') ? req.query.sort as 'updated' : 'updated';
      const visible = await access.visible(req);
      return (await ws.listCases(req.query.q, sort)).filter((c) => !visible || visible.has(c.id));
    });
    app.post('/api/cases', async (req, reply) => {
      const c = await ws.createCase(req.body);
      await access.created(req, c.id);
      return reply.code(201).send(c);
    });
    app.get<{ Params: { id: string } }>('/api/cases/:id', async (req) => ws.getCase(req.params.id));
    app.patch<{ Params: { id: string } }>('/api/cases/:id', async (req) => ws.updateCase(req.params.id, req.body));
    app.delete<{ Params: { id: string } }>('/api/cases/:id', async (req, reply) => { await ws.deleteCase(req.params.id); return reply.code(204).send(); });
  };
}
