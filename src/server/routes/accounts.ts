/** Sign in and out, who am I, and (administrators) users and per-case access. Server mode only. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../store/db.js';
import type { AuditLog } from '../../store/audit.js';
import { AccountError, addUser, grantCase, listUsers, LoginLimiter, ROLES, signIn, signOut, signOutEverywhere, type Role } from '../../store/accounts.js';
import { setSessionCookie } from '../auth.js';
import { BadInput, NotFound } from '../../workspace/workspace.js';

const Login = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
const NewUser = z.object({ name: z.string(), role: z.enum(ROLES as [Role, ...Role[]]), password: z.string() });
const Access = z.object({ user: z.string() });

export function accountRoutes(db: Store, audit: AuditLog) {
  // Five failures lock a name; an address (all users behind one proxy share it) only after fifty.
  const byName = new LoginLimiter(5);
  const byAddress = new LoginLimiter(50);
  return async (app: FastifyInstance) => {
    app.post('/api/login', async (req, reply) => {
      const body = Login.safeParse(req.body);
      if (!body.success) throw new BadInput('give name and password');
      const name = [`name:${body.data.name.toLowerCase()}`];
      const addr = [`addr:${req.ip}`];
      const wait = Math.max(byName.retryAfter(name), byAddress.retryAfter(addr));
      if (wait) return reply.code(429).header('Retry-After', String(Math.ceil(wait / 1000))).send({ error: `too many failed sign-ins: try again in ${Math.ceil(wait / 60000)} minute(s)` });
      const r = await signIn(db, body.data.name, body.data.password);
      await audit.append({ at: new Date().toISOString(), actor: body.data.name, action: 'sign in', outcome: r ? 'ok' : 'refused' });
      if (!r) { byName.fail(name); byAddress.fail(addr); return reply.code(401).send({ error: 'wrong name or password' }); }
      byName.clear(name);
      setSessionCookie(reply, r.token);
      return { name: r.user.name, role: r.user.role };
    });
    app.get('/api/me', async (req) => ({ name: req.user!.name, role: req.user!.role, mode: 'accounts' }));
    app.post('/api/logout', async (req, reply) => { await signOut(db, req.sessionToken!); setSessionCookie(reply, undefined); return { ok: true }; });
    app.post('/api/logout-all', async (req, reply) => { await signOutEverywhere(db, req.user!.id); setSessionCookie(reply, undefined); return { ok: true }; });
    app.get('/api/users', async () => listUsers(db));
    app.post('/api/users', async (req, reply) => {
      const body = NewUser.safeParse(req.body);
      if (!body.success) throw new BadInput('give name, role and password');
      try { return reply.code(201).send(await addUser(db, body.data.name, body.data.role, body.data.password)); } catch (err) {
        if (err instanceof AccountError) throw new BadInput(err.message);
        throw err;
      }
    });
    app.post<{ Params: { id: string } }>('/api/cases/:id/access', async (req) => {
      const body = Access.safeParse(req.body);
      if (!body.success) throw new BadInput('give the user');
      const u = (await listUsers(db)).find((x) => x.name === body.data.user);
      if (!u) throw new NotFound('no such user');
      await grantCase(db, req.params.id, u.id);
      return { ok: true };
    });
  };
}
