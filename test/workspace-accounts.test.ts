/**
 * Server mode: sign-in with hashed passwords and HttpOnly SameSite=Strict session cookies, roles (administrator,
 * reviewer, read-only), per-case access, idle timeout, sign-out everywhere, rate-limited sign-in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { addUser, checkPassword, hashPassword, IDLE_TIMEOUT_MS, sessionUser } from '../src/store/accounts.js';
import { buildServer } from '../src/server/app.js';
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

async function login(name: string, password: string) {
  const r = await app.inject({ method: 'POST', url: '/api/login', headers: { host: HOST, 'x-plateau': '1' }, payload: { name, password }, remoteAddress: `10.0.0.${name.length}` });
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
    await app.inject({ method: 'POST', url: `/api/cases/${mine.id}/access`, headers: as(admin), payload: { user: 'otto' } });
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
