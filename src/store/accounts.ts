/**
 * Accounts for server mode: users with a role, passwords hashed with scrypt (memory-hard), sessions whose tokens
 * are stored hashed, idle and absolute timeouts, sign-out everywhere, and per-case access. Login attempts are
 * rate-limited in memory per name and per address.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { Store } from './db.js';

export type Role = 'administrator' | 'reviewer' | 'read-only';
export const ROLES: Role[] = ['administrator', 'reviewer', 'read-only'];
export interface User { id: number; name: string; role: Role }

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 64 };

function scrypt(password: string, salt: Buffer, o: { N: number; r: number; p: number; keylen: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, o.keylen, { N: o.N, r: o.r, p: o.p, maxmem: 128 * o.N * o.r * 2 }, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt') return false;
  const want = Buffer.from(hash, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p), keylen: want.length });
  return got.length === want.length && timingSafeEqual(got, want);
}

export class AccountError extends Error {}

/** At least 12 characters: a passphrase, not a PIN. */
export function assertPasswordPolicy(password: string): void {
  if (password.length < 12) throw new AccountError('a password needs at least 12 characters');
  if (password.length > 1024) throw new AccountError('a password of at most 1,024 characters');
}

export async function addUser(db: Store, name: string, role: Role, password: string): Promise<User> {
  if (!/^[A-Za-z0-9._@-]{2,64}$/.test(name)) throw new AccountError('a user name of 2-64 letters, digits, dots, dashes, underscores or @');
  if (!ROLES.includes(role)) throw new AccountError(`role must be one of ${ROLES.join(', ')}`);
  assertPasswordPolicy(password);
  if (await db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst()) throw new AccountError(`user ${name} exists`);
  const r = await db.insertInto('users').values({ name, role, password_hash: await hashPassword(password), created_at: new Date().toISOString(), disabled_at: null }).returning('id').executeTakeFirstOrThrow();
  return { id: Number(r.id), name, role };
}

export async function countUsers(db: Store): Promise<number> {
  return Number((await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

export async function listUsers(db: Store): Promise<(User & { disabled: boolean })[]> {
  return (await db.selectFrom('users').selectAll().orderBy('name').execute()).map((u) => ({ id: Number(u.id), name: u.name, role: u.role as Role, disabled: !!u.disabled_at }));
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Check a name and password; a new session token when they match an active user. */
export async function signIn(db: Store, name: string, password: string): Promise<{ token: string; user: User } | undefined> {
  const u = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  // Hash even for an unknown name, so timing does not tell which names exist.
  const ok = await checkPassword(password, u?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
  if (!u || !ok || u.disabled_at) return undefined;
  const token = randomBytes(32).toString('base64url');
  const now = new Date().toISOString();
  await db.insertInto('sessions').values({ token_hash: tokenHash(token), user_id: Number(u.id), created_at: now, last_seen: now }).execute();
  return { token, user: { id: Number(u.id), name: u.name, role: u.role as Role } };
}

/** The session's user, if the token is live (idle < 30 min, age < 12 h); touching it extends the idle window. */
export async function sessionUser(db: Store, token: string | undefined, now = Date.now()): Promise<User | undefined> {
  if (!token) return undefined;
  const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.token_hash', 'sessions.created_at', 'sessions.last_seen', 'users.id', 'users.name', 'users.role', 'users.disabled_at'])
    .where('sessions.token_hash', '=', tokenHash(token)).executeTakeFirst();
  if (!row) return undefined;
  if (row.disabled_at || now - Date.parse(row.last_seen) > IDLE_TIMEOUT_MS || now - Date.parse(row.created_at) > ABSOLUTE_TIMEOUT_MS) {
    await db.deleteFrom('sessions').where('token_hash', '=', row.token_hash).execute();
    return undefined;
  }
  await db.updateTable('sessions').set({ last_seen: new Date(now).toISOString() }).where('token_hash', '=', row.token_hash).execute();
  return { id: Number(row.id), name: row.name, role: row.role as Role };
}

export async function signOut(db: Store, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

export async function signOutEverywhere(db: Store, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function grantCase(db: Store, caseId: string, userId: number): Promise<void> {
  await db.insertInto('case_access').values({ case_id: caseId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function canOpenCase(db: Store, user: User, caseId: string): Promise<boolean> {
  if (user.role === 'administrator') return true;
  return !!(await db.selectFrom('case_access').select('case_id').where('case_id', '=', caseId).where('user_id', '=', user.id).executeTakeFirst());
}

export async function accessibleCases(db: Store, user: User): Promise<Set<string> | undefined> {
  if (user.role === 'administrator') return undefined;
  return new Set((await db.selectFrom('case_access').select('case_id').where('user_id', '=', user.id).execute()).map((r) => r.case_id));
}

/** Failed sign-ins per name and per address: 5 in 15 minutes locks further tries until the window passes. */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly max = 5, private readonly windowMs = 15 * 60 * 1000) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until another try is allowed, or 0. */
  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const k of keys) {
      const list = this.recent(k, now);
      if (list.length >= this.max) wait = Math.max(wait, this.windowMs - (now - list[0]));
    }
    return wait;
  }

  fail(keys: string[], now = Date.now()): void {
    for (const k of keys) this.recent(k, now).push(now);
  }

  clear(keys: string[]): void {
    for (const k of keys) this.failures.delete(k);
  }
}
