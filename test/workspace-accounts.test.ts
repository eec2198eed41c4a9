/**
 * Server mode: sign-in with hashed passwords and HttpOnly SameSite=Strict session cookies, roles (administrator,
 * reviewer, read-only), per-case access, idle timeout, sign-out everywhere, rate-limited sign-in; the first-run
 * administrator, one-time passwords replaced at first sign-in, and administrators managing users and access.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { addUser, checkPassword, hashPassword, IDLE_TIMEOUT_MS, listUsers, sessionUser } from '../src/store/accounts.js';
import { AuditLog, auditCsv } from '../src/store/audit.js';
import { buildServer } from '../src/server/app.js';
import { createFirstAdministrator, firstAdministratorNotice } from '../src/workspace/first-administrator.js';
import { Workspace } from '../src/workspace/workspace.js';

const HOST = '127.0.0.1:4319';
let dir: string;
let ws: Workspace;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plateau-accounts-'));
  ws = new Workspace(await openStore(path.join(dir, 'ws.db')), path.join(dir, 'data'));
  await addUser(ws.db, 'admin', 'administrator', 'correct horse battery');
  await addUser(ws.db, 'rita', 'reviewer', 'reviewer passphrase 1');
  await addUser(ws.db, 'otto', 'read-only', 'read only passphrase');
  app = await buildServer({ workspace: ws, port: 4319, version: 'test', accounts: true, uiDir: path.join(dir, 'none') });
});
afterAll(async () => { await app?.close(); await ws?.close(); await rm(dir, { recursive: true, force: true }); });

async function login(name: string, password: string, server = app) {
  const r = await server.inject({ method: 'POST', url: '/api/login', headers: { host: HOST, 'x-plateau': '1' }, payload: { name, password }, remoteAddress: `10.0.0.${name.length}` });
  const cookie = String(r.headers['set-cookie'] ?? '');
  return { status: r.statusCode, cookie, token: /plateau_session=([^;]*)/.exec(cookie)?.[1] ?? '' };
}
const as = (token: string) => ({ host: HOST, 'x-plateau': '1', cookie: `plateau_session=${token}` });

describe('server mode', () => {
  it('passwords are stored as scrypt hashes', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await checkPassword('correct horse battery', h)).toBe(true);
    expect(await checkPassword('wrong horse battery', h)).toBe(false);
  });

  it('nothing but sign-in without a session; the cookie is HttpOnly and SameSite=Strict', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/cases', headers: { host: HOST } })).statusCode).toBe(401);
    const ok = await login('admin', 'correct horse battery');
    expect(ok.status).toBe(200);
    expect(ok.cookie).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: as(ok.token) })).json()).toMatchObject({ name: 'admin', role: 'administrator' });
  });

  it('roles and per-case access', async () => {
    const admin = (await login('admin', 'correct horse battery')).token;
    const rita = (await login('rita', 'reviewer passphrase 1')).token;
    const otto = (await login('otto', 'read only passphrase')).token;
    const mine = (await app.inject({ method: 'POST', url: '/api/cases', headers: as(rita), payload: { claimant: 'Rita Case', claimType: 'ssdi' } })).json();
    const theirs = (await app.inject({ method: 'POST', url: '/api/cases', headers: as(admin), payload: { claimant: 'Admin Case', claimType: 'ssdi' } })).json();
    // A reviewer sees the cases given to her, and another case looks like none.
    expect((await app.inject({ method: 'GET', url: '/api/cases', headers: as(rita) })).json().map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await app.inject({ method: 'GET', url: `/api/cases/${theirs.id}`, headers: as(rita) })).statusCode).toBe(404);
    // Read-only reads what it was given and changes nothing.
    const ottoId = (await app.inject({ method: 'GET', url: '/api/users', headers: as(admin) })).json().find((u: { name: string }) => u.name === 'otto').id;
    expect((await app.inject({ method: 'PUT', url: `/api/cases/${mine.id}/access/${ottoId}`, headers: as(admin) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/cases/${mine.id}`, headers: as(otto) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'PATCH', url: `/api/cases/${mine.id}`, headers: as(otto), payload: { claimant: 'X' } })).statusCode).toBe(403);
    // Users and the audit log are for administrators.
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: as(rita) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/audit.csv', headers: as(rita) })).statusCode).toBe(403);
    const audit = (await app.inject({ method: 'GET', url: '/api/audit.csv', headers: as(admin) })).body;
    expect(audit).toMatch(/"rita","create case"/);
    expect(audit).toMatch(/"otto","change case details","[^"]+","","403"/);
  });

  it('sign out everywhere ends every session of that user; an idle session ends after 30 minutes', async () => {
    const a = (await login('rita', 'reviewer passphrase 1')).token;
    const b = (await login('rita', 'reviewer passphrase 1')).token;
    await app.inject({ method: 'POST', url: '/api/logout-all', headers: as(a) });
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: as(b) })).statusCode).toBe(401);
    const c = (await login('rita', 'reviewer passphrase 1')).token;
    expect(await sessionUser(ws.db, c, Date.now() + IDLE_TIMEOUT_MS + 1000)).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: as(c) })).statusCode).toBe(401);
  });

  it('five failed sign-ins lock that name for a while, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('admin', `wrong password ${i}`)).status).toBe(401);
    const locked = await login('admin', 'correct horse battery');
    expect(locked.status).toBe(429);
  });
});

describe('first run, one-time passwords and user management', () => {
  let store: string;
  let ws2: Workspace;
  let app2: FastifyInstance;
  let first: { name: string; password: string };
  let admin: string;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: object) => app2.inject({ method, url, headers: as(token), payload });
  const users = async () => (await call('GET', '/api/users', admin)).json() as { id: number; name: string; role: string; disabled: boolean; mustChangePassword: boolean }[];
  const idOf = async (name: string) => (await users()).find((u) => u.name === name)!.id;
  /** An administrator adds the user; the user signs in with the one-time password and chooses their own. */
  async function newUser(name: string, role: string, password: string): Promise<string> {
    const added = await call('POST', '/api/users', admin, { name, role });
    expect(added.statusCode).toBe(201);
    const once = (await login(name, added.json().oneTimePassword, app2)).token;
    expect((await call('POST', '/api/me/password', once, { current: added.json().oneTimePassword, next: password })).statusCode).toBe(200);
    return once;
  }

  beforeAll(async () => {
    store = path.join(dir, 'first-run');
    ws2 = new Workspace(await openStore(path.join(store, 'ws.db')), path.join(store, 'data'));
    first = (await createFirstAdministrator(ws2.db, new AuditLog(ws2.db)))!;
    app2 = await buildServer({ workspace: ws2, port: 4319, version: 'test', accounts: true, uiDir: path.join(dir, 'none') });
  });
  afterAll(async () => { await app2?.close(); await ws2?.close(); });

  it('a workspace without users gets the administrator admin with a random one-time password, shown once and stored nowhere', async () => {
    expect(first.name).toBe('admin');
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(firstAdministratorNotice(first)).toMatch(new RegExp(`first run: created administrator admin with one-time password ${first.password}; you must choose a new password at first sign-in`));
    expect(await createFirstAdministrator(ws2.db, new AuditLog(ws2.db))).toBeUndefined();
    expect(await listUsers(ws2.db)).toEqual([{ id: expect.any(Number), name: 'admin', role: 'administrator', disabled: false, mustChangePassword: true }]);
    const audit = await auditCsv(ws2.db);
    expect(audit).toMatch(/"plateau","create first administrator","","user \d+","ok"/);
    expect(audit).not.toContain(first.password);
    for (const f of await readdir(store)) if (f.startsWith('ws.db')) expect((await readFile(path.join(store, f))).includes(first.password)).toBe(false);
  });

  it('until the one-time password is replaced, everything but sign-out, /api/me and the password change answers 403', async () => {
    const signedIn = await app2.inject({ method: 'POST', url: '/api/login', headers: { host: HOST, 'x-plateau': '1' }, payload: { name: 'admin', password: first.password } });
    expect(signedIn.json()).toMatchObject({ name: 'admin', mustChangePassword: true });
    const token = /plateau_session=([^;]*)/.exec(String(signedIn.headers['set-cookie']))![1];
    expect((await call('GET', '/api/me', token)).json()).toMatchObject({ name: 'admin', mustChangePassword: true });
    for (const [method, url] of [['GET', '/api/cases'], ['POST', '/api/cases'], ['GET', '/api/users'], ['GET', '/api/audit.csv'], ['GET', '/api/nowhere']] as const) {
      const r = await call(method, url, token, method === 'POST' ? { claimant: 'X', claimType: 'ssdi' } : undefined);
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().code).toBe('password_change_required');
    }
    // A second browser signed in with the same one-time password is signed out by the change; this one stays.
    const other = (await login('admin', first.password, app2)).token;
    expect((await call('POST', '/api/me/password', token, { current: 'not the password', next: 'administrator passphrase' })).json()).toMatchObject({ code: 'wrong_password' });
    expect((await call('POST', '/api/me/password', token, { current: first.password, next: 'too short' })).json().error).toMatch(/at least 12 characters/);
    expect((await call('POST', '/api/me/password', token, { current: first.password, next: first.password })).statusCode).toBe(400);
    expect((await call('POST', '/api/me/password', token, { current: first.password, next: 'administrator passphrase' })).statusCode).toBe(200);
    expect((await call('GET', '/api/cases', token)).statusCode).toBe(200);
    expect((await call('GET', '/api/me', token)).json().mustChangePassword).toBe(false);
    expect((await call('GET', '/api/me', other)).statusCode).toBe(401);
    expect((await login('admin', first.password, app2)).status).toBe(401);
    admin = (await login('admin', 'administrator passphrase', app2)).token;
    expect(admin).not.toBe('');
    const audit = await auditCsv(ws2.db);
    expect(audit).toMatch(/"admin","change own password","","","ok"/);
    expect(audit).not.toContain('administrator passphrase');
  });

  it('every signed-in user may change their password; wrong current passwords lock like failed sign-ins', async () => {
    const token = await newUser('paula', 'read-only', 'paula first passphrase');
    expect((await call('POST', '/api/me/password', token, { current: 'paula first passphrase', next: 'paula second passphrase' })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await call('POST', '/api/me/password', token, { current: `wrong ${i}`, next: 'paula third passphrase' })).statusCode).toBe(400);
    expect((await call('POST', '/api/me/password', token, { current: 'paula second passphrase', next: 'paula third passphrase' })).statusCode).toBe(429);
    expect((await login('paula', 'paula second passphrase', app2)).status).toBe(429);
  });

  it('administrators add users with a one-time password made by the server or typed; others may not manage users', async () => {
    const made = await call('POST', '/api/users', admin, { name: 'ruth', role: 'reviewer' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ user: { name: 'ruth', role: 'reviewer', mustChangePassword: true, disabled: false }, oneTimePassword: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/) });
    const typed = await call('POST', '/api/users', admin, { name: 'tom', role: 'read-only', password: 'typed by the admin' });
    expect(typed.json()).toEqual({ user: expect.objectContaining({ name: 'tom', mustChangePassword: true }) });
    expect((await call('POST', '/api/users', admin, { name: 'short', role: 'reviewer', password: 'short' })).statusCode).toBe(400);
    expect((await call('POST', '/api/users', admin, { name: 'ruth', role: 'reviewer' })).json().error).toMatch(/exists/);
    expect((await users()).find((u) => u.name === 'ruth')).toMatchObject({ mustChangePassword: true });
    const audit = await auditCsv(ws2.db);
    expect(audit).toMatch(new RegExp(`"admin","add user","","user ${made.json().user.id}","ok"`));
    expect(audit).not.toContain(made.json().oneTimePassword);
    expect(audit).not.toContain('typed by the admin');
    const reviewer = await newUser('rick', 'reviewer', 'rick own passphrase');
    const rickId = await idOf('rick');
    for (const [method, url] of [['GET', '/api/users'], ['POST', '/api/users'], ['PUT', `/api/users/${rickId}/role`], ['POST', `/api/users/${rickId}/disable`], ['GET', `/api/users/${rickId}/cases`]] as const) {
      expect((await call(method, url, reviewer, method === 'GET' ? undefined : { name: 'x', role: 'administrator' })).statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('the last active administrator can be neither demoted nor disabled', async () => {
    const adminId = await idOf('admin');
    expect((await call('PUT', `/api/users/${adminId}/role`, admin, { role: 'reviewer' })).json().error).toMatch(/last active administrator/);
    expect((await call('POST', `/api/users/${adminId}/disable`, admin)).json().error).toMatch(/last active administrator/);
    // A disabled administrator does not count.
    await newUser('ada', 'administrator', 'ada own passphrase');
    expect((await call('POST', `/api/users/${await idOf('ada')}/disable`, admin)).statusCode).toBe(200);
    expect((await call('PUT', `/api/users/${adminId}/role`, admin, { role: 'reviewer' })).statusCode).toBe(400);
    expect((await call('POST', `/api/users/${await idOf('ada')}/enable`, admin)).statusCode).toBe(200);
    const ada = (await login('ada', 'ada own passphrase', app2)).token;
    expect((await call('PUT', `/api/users/${adminId}/role`, ada, { role: 'reviewer' })).json()).toMatchObject({ name: 'admin', role: 'reviewer' });
    expect((await call('PUT', `/api/users/${adminId}/role`, ada, { role: 'administrator' })).json()).toMatchObject({ role: 'administrator' });
    expect((await call('PUT', '/api/users/9999/role', admin, { role: 'reviewer' })).statusCode).toBe(404);
  });

  it('disabling a user signs them out everywhere and keeps them out until enabled', async () => {
    const a = await newUser('dora', 'reviewer', 'dora own passphrase');
    const b = (await login('dora', 'dora own passphrase', app2)).token;
    const doraId = await idOf('dora');
    expect((await call('POST', `/api/users/${doraId}/disable`, admin)).json()).toMatchObject({ name: 'dora', disabled: true });
    expect((await call('GET', '/api/me', a)).statusCode).toBe(401);
    expect((await call('GET', '/api/me', b)).statusCode).toBe(401);
    expect((await login('dora', 'dora own passphrase', app2)).status).toBe(401);
    expect((await call('POST', `/api/users/${doraId}/enable`, admin)).json()).toMatchObject({ disabled: false });
    expect((await login('dora', 'dora own passphrase', app2)).status).toBe(200);
    expect(await auditCsv(ws2.db)).toMatch(new RegExp(`"admin","disable user","","user ${doraId}","ok"`));
  });

  it('granting and revoking a case changes what a reviewer sees', async () => {
    const rick = (await login('rick', 'rick own passphrase', app2)).token;
    const rickId = await idOf('rick');
    const c = (await call('POST', '/api/cases', admin, { claimant: 'Shared Case', claimType: 'ssdi' })).json();
    const listed = async () => (await call('GET', '/api/cases', rick)).json().map((x: { id: string }) => x.id);
    expect(await listed()).toEqual([]);
    expect((await call('PUT', `/api/cases/${c.id}/access/${rickId}`, admin)).statusCode).toBe(200);
    expect(await listed()).toEqual([c.id]);
    expect((await call('GET', `/api/cases/${c.id}`, rick)).statusCode).toBe(200);
    expect((await call('GET', `/api/users/${rickId}/cases`, admin)).json()).toEqual([c.id]);
    expect((await call('DELETE', `/api/cases/${c.id}/access/${rickId}`, admin)).statusCode).toBe(204);
    expect(await listed()).toEqual([]);
    expect((await call('GET', `/api/cases/${c.id}`, rick)).statusCode).toBe(404);
    expect((await call('PUT', `/api/cases/no-such-case/access/${rickId}`, admin)).statusCode).toBe(404);
    expect((await call('PUT', `/api/cases/${c.id}/access/${rickId}`, rick)).statusCode).toBe(403);
    const audit = await auditCsv(ws2.db);
    expect(audit).toMatch(new RegExp(`"admin","grant case access","${c.id}","user ${rickId}","ok"`));
    expect(audit).toMatch(new RegExp(`"admin","revoke case access","${c.id}","user ${rickId}","ok"`));
  });
});
