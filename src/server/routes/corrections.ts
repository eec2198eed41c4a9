/** Reviewer corrections: list (with withdrawn ones), add (the analysis is recomputed and returned), withdraw. */
import type { FastifyInstance } from 'fastify';
import type { Workspace } from '../../workspace/workspace.js';
import { BadInput } from '../../workspace/workspace.js';

export function correctionRoutes(ws: Workspace) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { id: string } }>('/api/cases/:id/corrections', async (req) => ws.corrections(req.params.id));
    app.post<{ Params: { id: string } }>('/api/cases/:id/corrections', async (req, reply) => reply.code(201).send(await ws.addCorrection(req.params.id, req.body)));
    app.delete<{ Params: { id: string; cid: string } }>('/api/cases/:id/corrections/:cid', async (req) => {
      const cid = Number(req.params.cid);
      if (!Number.isInteger(cid)) throw new BadInput('correction id must be a number');
      return ws.withdrawCorrection(req.params.id, cid);
    });
  };
}
