/**
 * One machine, one user, loopback only — and still a browser target: a page on another site could reach
 * 127.0.0.1 (DNS rebinding, cross-site form posts). So the Host must be the server's own, state changes must come
 * from its own origin with a header a cross-site form cannot send, and every response forbids inline script.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "worker-src 'self' blob:", "connect-src 'self'", "font-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
  "base-uri 'none'", "form-action 'self'",
].join('; ');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installSecurity(app: FastifyInstance, port: () => number): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const hosts = new Set([`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`]);
    const host = req.headers.host ?? '';
    if (!hosts.has(host)) return reply.code(403).send({ error: 'this workspace answers only at its own loopback address' });
    if (!SAFE_METHODS.has(req.method)) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) return reply.code(403).send({ error: 'cross-origin request refused' });
      if (req.url.startsWith('/api/') && req.headers['x-plateau'] !== '1') return reply.code(403).send({ error: 'missing X-Plateau header' });
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    // A route may set a stricter policy of its own (a report opened in a tab: only its own script, nothing else).
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
