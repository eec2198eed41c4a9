/** Reviewer corrections: list (with withdrawn ones), add (the analysis is recomputed and returned), withdraw. */
import type { FastifyInstance } from 'fastify';
import type { Workspace } from '../../workspace/workspace.js';
import { BadInput } from '../../workspace/workspace.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export function correctionRoutes(ws: Workspace) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { id: string } }>('/api/cases/:id/corrections', async (req) => ws.corrections(req.params.id));
    // Both answer with the recomputed analysis, already serialised (tens of MB would otherwise be parsed and written again).
    app.post<{ Params: { id: string } }>('/api/cases/:id/corrections', async (req, reply) => reply.code(201).type(JSON_TYPE).send(await ws.addCorrection(req.params.id, req.body)));
    app.delete<{ Params: { id: string; cid: string } }>('/api/cases/:id/corrections/:cid', async (req, reply) => {
      const cid = Number(req.params.cid);
      if (!Number.isInteger(cid)) throw new BadInput('correction id must be a number');
      return reply.type(JSON_TYPE).send(await ws.withdrawCorrection(req.params.id, cid));
    });
  };
}
