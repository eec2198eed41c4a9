/**
 * Server mode: every API request but sign-in needs a live session; the role decides what it may do (read-only:
 * read; reviewer: read and change cases; administrator: everything, users and the audit log), and a case is
 * visible only to the users given access to it (administrators see all). A user signed in with a one-time password
 * may do nothing but choose a new one (or sign out). Local single-user mode has no accounts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/db.js';
import { canOpenCase, sessionUser, type User } from '../store/accounts.js';

declare module 'fastify' {
  interface FastifyRequest { user?: User; sessionToken?: string }
}

export const SESSION_COOKIE = 'plateau_session';

export function cookieOf(req: FastifyRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function setSessionCookie(reply: FastifyReply, token: string | undefined): void {
  reply.header('Set-Cookie', `${SESSION_COOKIE}=${token ?? ''}; HttpOnly; SameSite=Strict; Path=/${token ? '' : '; Max-Age=0'}`);
}

const OPEN = new Set(['GET /api/health', 'POST /api/login']);
const ADMIN_ONLY = /^(?:GET|POST|PUT|DELETE|PATCH) \/api\/(?:users|audit\.csv)|^(?:PUT|DELETE) \/api\/cases\/:id\/access\/:userId$/;
const READ = new Set(['GET', 'HEAD']);
/** What every signed-in user may do for themselves, whatever the role, also before replacing a one-time password. */
const SELF_SERVICE = new Set(['POST /api/logout', 'POST /api/logout-all', 'GET /api/me', 'POST /api/me/password']);
/** The error code the UI recognises to ask for a new password. */
const PASSWORD_CHANGE_REQUIRED = 'password_change_required';

export function installAuth(app: FastifyInstance, db: Store): void {
  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
    if (OPEN.has(route)) return;
    const token = cookieOf(req, SESSION_COOKIE);
    const user = await sessionUser(db, token);
    if (!user) { setSessionCookie(reply, undefined); return reply.code(401).send({ error: 'sign in first (or the session ended after 30 minutes idle)' }); }
    req.user = user;
    req.sessionToken = token;
    if (SELF_SERVICE.has(route)) return;
    if (user.mustChangePassword) return reply.code(403).send({ error: 'choose a new password first: yours was for one sign-in only', code: PASSWORD_CHANGE_REQUIRED });
    if (ADMIN_ONLY.test(route) && user.role !== 'administrator') return reply.code(403).send({ error: 'administrators only' });
    if (!READ.has(req.method) && user.role === 'read-only') return reply.code(403).send({ error: 'your role is read-only' });
    const caseId = (req.params as Record<string, string | undefined>)?.id;
    // A case the user was not given looks like no case at all.
    if (caseId && !(await canOpenCase(db, user, caseId))) return reply.code(404).send({ error: 'no such case' });
  });
}
