/** The analysis job (start, cancel, progress), its result with corrections, and page text for the evidence viewer. */
import type { FastifyInstance } from 'fastify';
import type { Workspace } from '../../workspace/workspace.js';
import { BadInput } from '../../workspace/workspace.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export function analysisRoutes(ws: Workspace) {
  return async (app: FastifyInstance) => {
    app.post<{ Params: { id: string } }>('/api/cases/:id/analyze', async (req) => ws.analyze(req.params.id));
    app.post<{ Params: { id: string } }>('/api/cases/:id/cancel', async (req) => ws.cancel(req.params.id));
    app.get<{ Params: { id: string } }>('/api/cases/:id/progress', async (req) => ws.progress(req.params.id));
    // Serialised once per change; facts are paged separately, the timeline's sources asked for after it is drawn.
    app.get<{ Params: { id: string } }>('/api/cases/:id/analysis', async (req, reply) => reply.type(JSON_TYPE).send(await ws.analysisJson(req.params.id)));
    app.get<{ Params: { id: string } }>('/api/cases/:id/timeline', async (req, reply) => reply.type(JSON_TYPE).send(await ws.timelineJson(req.params.id, 'view')));
    app.get<{ Params: { id: string } }>('/api/cases/:id/timeline/sources', async (req, reply) => reply.type(JSON_TYPE).send(await ws.timelineJson(req.params.id, 'sources')));
    app.get<{ Params: { id: string } }>('/api/cases/:id/encounters', async (req) => ws.encounters(req.params.id));
    app.get<{ Params: { id: string }; Querystring: { type?: string; q?: string; offset?: string; limit?: string; ids?: string } }>('/api/cases/:id/facts', async (req) => ws.facts(req.params.id, {
      type: req.query.type || undefined, text: req.query.q, offset: Number(req.query.offset ?? 0) || 0, limit: Number(req.query.limit ?? 200) || 200,
      ids: req.query.ids ? req.query.ids.split(',').slice(0, 1000) : undefined,
    }));
    app.get<{ Params: { id: string }; Querystring: { file?: string; page?: string } }>('/api/cases/:id/page', async (req) => {
      const page = Number(req.query.page ?? '1');
      if (!req.query.file || !Number.isInteger(page) || page < 1) throw new BadInput('give file and page (a whole number from 1)');
      return ws.page(req.params.id, req.query.file, page);
    });
  };
}
