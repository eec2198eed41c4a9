/** A case's files: streamed multipart upload (many files at once), removal, and the original bytes for the viewer. */
import type { FastifyInstance } from 'fastify';
import type { Workspace } from '../../workspace/workspace.js';
import { BadInput } from '../../workspace/workspace.js';

const SHOWN_INLINE: Record<string, string> = { '.pdf': 'application/pdf' };

export function documentRoutes(ws: Workspace) {
  return async (app: FastifyInstance) => {
    app.post<{ Params: { id: string } }>('/api/cases/:id/documents', async (req) => {
      if (!req.isMultipart()) throw new BadInput('send the files as multipart/form-data');
      const parts = req.files();
      async function* files() { for await (const p of parts) yield { filename: p.filename, file: p.file }; }
      return ws.addDocuments(req.params.id, files());
    });
    app.delete<{ Params: { id: string; docId: string } }>('/api/cases/:id/documents/:docId', async (req, reply) => {
      await ws.deleteDocument(req.params.id, req.params.docId);
      return reply.code(204).send();
    });
    app.get<{ Params: { id: string; docId: string } }>('/api/cases/:id/documents/:docId/raw', async (req, reply) => {
      const d = await ws.documentFile(req.params.id, req.params.docId);
      const ext = d.name.slice(d.name.lastIndexOf('.')).toLowerCase();
      // Only PDFs are shown in the page; anything else downloads, so record content never runs as a page.
      reply.type(SHOWN_INLINE[ext] ?? 'application/octet-stream');
      reply.header('Content-Disposition', `${SHOWN_INLINE[ext] ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(d.name)}`);
      return reply.send(d.stream);
    });
  };
}
