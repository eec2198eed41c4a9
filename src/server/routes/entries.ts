/** The claimant's own entries: JSON, or multipart with a receipt file. Receipts always download. */
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Workspace } from '../../workspace/workspace.js';
import { BadInput } from '../../workspace/workspace.js';

export function entryRoutes(ws: Workspace) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { id: string } }>('/api/cases/:id/entries', async (req) => ws.entries(req.params.id));
    app.post<{ Params: { id: string } }>('/api/cases/:id/entries', async (req, reply) => {
      if (!req.isMultipart()) return reply.code(201).send(await ws.addEntry(req.params.id, req.body));
      const fields: Record<string, string> = {};
      let entry;
      for await (const part of req.parts()) {
        if (part.type === 'field') { fields[part.fieldname] = String(part.value); continue; }
        if (entry) { part.file.resume(); throw new BadInput('one receipt per entry'); }
        // Fields come first in the form; the receipt is stored as it streams.
        entry = await ws.addEntry(req.params.id, fields, { filename: part.filename, file: part.file as Readable });
      }
      return reply.code(201).send(entry ?? await ws.addEntry(req.params.id, fields));
    });
    app.get<{ Params: { id: string; eid: string } }>('/api/cases/:id/entries/:eid/receipt', async (req, reply) => {
      const f = await ws.entryFile(req.params.id, Number(req.params.eid));
      reply.type('application/octet-stream').header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`);
      return reply.send(f.stream);
    });
    app.delete<{ Params: { id: string; eid: string } }>('/api/cases/:id/entries/:eid', async (req, reply) => {
      await ws.deleteEntry(req.params.id, Number(req.params.eid));
      return reply.code(204).send();
    });
  };
}
