/** Sign in and out, who am I, changing one's password, and (administrators) users and per-case access. Server mode only. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../store/db.js';
import type { AuditLog } from '../../store/audit.js';
import {
  AccountError, addUser, casesOf, changePassword, grantCase, listUsers, LoginLimiter, oneTimePassword, revokeCase, ROLES, signIn, signOut,
  signOutEverywhere, updateUser, type Role,
} from '../../store/accounts.js';
import { setSessionCookie } from '../auth.js';
import { BadInput, NotFound } from '../../workspace/workspace.js';

const RoleName = z.enum(ROLES as [Role, ...Role[]]);
const Login = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
/** Without a password the server makes a one-time one and answers it, once. */
const NewUser = z.object({ name: z.string(), role: RoleName, password: z.string().max(1024).optional() });
const NewPassword = z.object({ current: z.string().min(1).max(1024), next: z.string().max(1024) });
const RoleChange = z.object({ role: RoleName });
const UserParams = z.object({ userId: z.coerce.number().int().positive() });

/** An account rule the request broke (policy, name taken, last administrator) is the client's to fix: 400. */
async function accountRule<T>(work: Promise<T>): Promise<T> {
  try { return await work; } catch (err) {
    if (err instanceof AccountError) throw new BadInput(err.message);
    throw err;
  }
}

function userIdOf(params: unknown): number {
  const p = UserParams.safeParse(params);
  if (!p.success) throw new NotFound('no such user');
  return p.data.userId;
}

function found<T>(user: T | undefined): T {
  if (user === undefined) throw new NotFound('no such user');
  return user;
}

export function accountRoutes(db: Store, audit: AuditLog) {
  // Five failures lock a name; an address (all users behind one proxy share it) only after fifty. Wrong current
  // passwords at a password change count against the same name: a stolen session gets no more guesses than sign-in.
  const byName = new LoginLimiter(5);
  const byAddress = new LoginLimiter(50);
  const nameKey = (name: string) => [`name:${name.toLowerCase()}`];
  return async (app: FastifyInstance) => {
    app.post('/api/login', async (req, reply) => {
      const body = Login.safeParse(req.body);
      if (!body.success) throw new BadInput('give name and password');
      const name = nameKey(body.data.name);
      const addr = [`addr:${req.ip}`];
      const wait = Math.max(byName.retryAfter(name), byAddress.retryAfter(addr));
      if (wait) return reply.code(429).header('Retry-After', String(Math.ceil(wait / 1000))).send({ error: `too many failed sign-ins: try again in ${Math.ceil(wait / 60000)} minute(s)` });
      const r = await signIn(db, body.data.name, body.data.password);
      await audit.append({ at: new Date().toISOString(), actor: body.data.name, action: 'sign in', outcome: r ? 'ok' : 'refused' });
      if (!r) { byName.fail(name); byAddress.fail(addr); return reply.code(401).send({ error: 'wrong name or password' }); }
      byName.clear(name);
      setSessionCookie(reply, r.token);
      return { name: r.user.name, role: r.user.role, mustChangePassword: r.user.mustChangePassword };
    });
    app.get('/api/me', async (req) => ({ name: req.user!.name, role: req.user!.role, mode: 'accounts', mustChangePassword: req.user!.mustChangePassword }));
    app.post('/api/me/password', async (req, reply) => {
      const body = NewPassword.safeParse(req.body);
      if (!body.success) throw new BadInput('give the current and the new password');
      const name = nameKey(req.user!.name);
      const wait = byName.retryAfter(name);
      if (wait) return reply.code(429).header('Retry-After', String(Math.ceil(wait / 1000))).send({ error: `too many wrong passwords: try again in ${Math.ceil(wait / 60000)} minute(s)` });
      const changed = await accountRule(changePassword(db, req.user!.id, body.data.current, body.data.next, req.sessionToken));
      if (!changed) { byName.fail(name); return reply.code(400).send({ error: 'the current password is wrong', code: 'wrong_password' }); }
      byName.clear(name);
      return { ok: true };
    });
    app.post('/api/logout', async (req, reply) => { await signOut(db, req.sessionToken!); setSessionCookie(reply, undefined); return { ok: true }; });
    app.post('/api/logout-all', async (req, reply) => { await signOutEverywhere(db, req.user!.id); setSessionCookie(reply, undefined); return { ok: true }; });

    app.get('/api/users', async () => listUsers(db));
    app.post('/api/users', async (req, reply) => {
      const body = NewUser.safeParse(req.body);
      if (!body.success) throw new BadInput('give name and role (and a password, or none for a one-time one)');
      const password = body.data.password || oneTimePassword();
      // Whoever typed it, the administrator knows it: the user chooses their own at first sign-in.
      const user = await accountRule(addUser(db, body.data.name, body.data.role, password, { mustChangePassword: true }));
      req.auditTarget = `user ${user.id}`;
      return reply.code(201).send({ user: { ...user, disabled: false }, ...(body.data.password ? {} : { oneTimePassword: password }) });
    });
    app.put('/api/users/:userId/role', async (req) => {
      const body = RoleChange.safeParse(req.body);
      if (!body.success) throw new BadInput(`role must be one of ${ROLES.join(', ')}`);
      return found(await accountRule(updateUser(db, userIdOf(req.params), { role: body.data.role })));
    });
    // Disabling ends the user's sessions at once.
    app.post('/api/users/:userId/disable', async (req) => found(await accountRule(updateUser(db, userIdOf(req.params), { disabled: true }))));
    app.post('/api/users/:userId/enable', async (req) => found(await accountRule(updateUser(db, userIdOf(req.params), { disabled: false }))));
    app.get('/api/users/:userId/cases', async (req) => casesOf(db, userIdOf(req.params)));
    app.put('/api/cases/:id/access/:userId', async (req) => {
      if (!(await grantCase(db, (req.params as { id: string }).id, userIdOf(req.params)))) throw new NotFound('no such case or user');
      return { ok: true };
    });
    app.delete('/api/cases/:id/access/:userId', async (req, reply) => {
      await revokeCase(db, (req.params as { id: string }).id, userIdOf(req.params));
      return reply.code(204).send();
    });
  };
}
