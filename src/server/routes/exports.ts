/** Exports of a case, built from the corrected analysis, always as downloads. */
import type { FastifyInstance } from 'fastify';
import type { Workspace } from '../../workspace/workspace.js';
import { NotFound } from '../../workspace/workspace.js';
import { buildExport, EXPORTS, type ExportName } from '../../workspace/exports.js';
import { REPORT_CSP } from '../../report/html.js';

/** HTML exports may open in a tab (`?inline=1`), sandboxed by their own policy: the report's one script, no network. */
const INLINE_CSP: Partial<Record<ExportName, string>> = { 'report.html': REPORT_CSP, 'claimant.html': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'" };

export function exportRoutes(ws: Workspace) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { id: string; name: string }; Querystring: { inline?: string } }>('/api/cases/:id/export/:name', async (req, reply) => {
      const name = req.params.name as ExportName;
      if (!(name in EXPORTS)) throw new NotFound(`no export ${req.params.name}; one of ${Object.keys(EXPORTS).join(', ')}`);
      const { case: details } = await ws.getCase(req.params.id);
      const body = await buildExport(name, await ws.analysis(req.params.id), details.claimant, (await ws.entries(req.params.id)).entries);
      const base = `${details.claimant.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'case'}-${name}`;
      reply.type(EXPORTS[name]);
      const inline = req.query.inline === '1' ? INLINE_CSP[name] : undefined;
      if (inline) reply.header('Content-Security-Policy', inline);
      reply.header('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${base}"`);
      return reply.send(body);
    });
  };
}
