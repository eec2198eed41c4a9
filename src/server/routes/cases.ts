/** Cases: list (search, sort), create, read, edit claim details, delete. */
import type { FastifyInstance } from 'fastify';
import type { Workspace } from '../../workspace/workspace.js';

const SORTS = new Set(['updated', 'created', 'claimant']);

export function caseRoutes(ws: Workspace) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: { q?: string; sort?: string } }>('/api/cases', async (req) => {
      const sort = SORTS.has(req.query.sort ?? '') ? req.query.sort as 'updated' : 'updated';
      return ws.listCases(req.query.q, sort);
    });
    app.post('/api/cases', async (req, reply) => reply.code(201).send(await ws.createCase(req.body)));
    app.get<{ Params: { id: string } }>('/api/cases/:id', async (req) => ws.getCase(req.params.id));
    app.patch<{ Params: { id: string } }>('/api/cases/:id', async (req) => ws.updateCase(req.params.id, req.body));
    app.delete<{ Params: { id: string } }>('/api/cases/:id', async (req, reply) => { await ws.deleteCase(req.params.id); return reply.code(204).send(); });
  };
}
