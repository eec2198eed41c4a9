/**
 * Accounts for server mode: users with a role, passwords hashed with scrypt (memory-hard), one-time passwords that
 * must be replaced at first sign-in, sessions whose tokens are stored hashed, idle and absolute timeouts, sign-out
 * everywhere, and per-case access. Login attempts are rate-limited in memory per name and per address.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { Store } from './db.js';

export type Role = 'administrator' | 'reviewer' | 'read-only';
export const ROLES: Role[] = ['administrator', 'reviewer', 'read-only'];
export interface User { id: number; name: string; role: Role; mustChangePassword: boolean }
export type UserView = User & { disabled: boolean };

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

/** A password for one sign-in only: 18 random bytes, 24 base64url characters. */
export function oneTimePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** At least 12 characters: a passphrase, not a PIN. */
export function assertPasswordPolicy(password: string): void {
  if (password.length < 12) throw new AccountError('a password needs at least 12 characters');
  if (password.length > 1024) throw new AccountError('a password of at most 1,024 characters');
}

/** `mustChangePassword`: the password is a one-time one, given to the user by someone else. */
export async function addUser(db: Store, name: string, role: Role, password: string, opts: { mustChangePassword?: boolean } = {}): Promise<User> {
  if (!/^[A-Za-z0-9._@-]{2,64}$/.test(name)) throw new AccountError('a user name of 2-64 letters, digits, dots, dashes, underscores or @');
  if (!ROLES.includes(role)) throw new AccountError(`role must be one of ${ROLES.join(', ')}`);
  assertPasswordPolicy(password);
  if (await db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst()) throw new AccountError(`user ${name} exists`);
  const mustChangePassword = !!opts.mustChangePassword;
  const r = await db.insertInto('users').values({
    name, role, password_hash: await hashPassword(password), created_at: new Date().toISOString(), disabled_at: null, must_change_password: mustChangePassword ? 1 : 0,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: Number(r.id), name, role, mustChangePassword };
}

export async function countUsers(db: Store): Promise<number> {
  return Number((await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

type UserRow = { id: number; name: string; role: string; must_change_password: number };
const userOf = (u: UserRow): User => ({ id: Number(u.id), name: u.name, role: u.role as Role, mustChangePassword: !!u.must_change_password });
const viewOf = (u: UserRow & { disabled_at: string | null }): UserView => ({ ...userOf(u), disabled: !!u.disabled_at });

export async function listUsers(db: Store): Promise<UserView[]> {
  return (await db.selectFrom('users').selectAll().orderBy('name').execute()).map(viewOf);
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
  return { token, user: userOf(u) };
}

/** The session's user, if the token is live (idle < 30 min, age < 12 h); touching it extends the idle window. */
export async function sessionUser(db: Store, token: string | undefined, now = Date.now()): Promise<User | undefined> {
  if (!token) return undefined;
  const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.token_hash', 'sessions.created_at', 'sessions.last_seen', 'users.id', 'users.name', 'users.role', 'users.disabled_at', 'users.must_change_password'])
    .where('sessions.token_hash', '=', tokenHash(token)).executeTakeFirst();
  if (!row) return undefined;
  if (row.disabled_at || now - Date.parse(row.last_seen) > IDLE_TIMEOUT_MS || now - Date.parse(row.created_at) > ABSOLUTE_TIMEOUT_MS) {
    await db.deleteFrom('sessions').where('token_hash', '=', row.token_hash).execute();
    return undefined;
  }
  await db.updateTable('sessions').set({ last_seen: new Date(now).toISOString() }).where('token_hash', '=', row.token_hash).execute();
  return userOf(row);
}

export async function signOut(db: Store, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

export async function signOutEverywhere(db: Store, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/**
 * Replace the password after checking the current one: false when that is wrong. Clears the one-time flag and ends
 * the user's other sessions (a password that may have leaked no longer keeps anyone signed in); `keepToken` stays.
 */
export async function changePassword(db: Store, userId: number, current: string, next: string, keepToken?: string): Promise<boolean> {
  assertPasswordPolicy(next);
  if (next === current) throw new AccountError('the new password must differ from the current one');
  const u = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  if (!u || !(await checkPassword(current, u.password_hash))) return false;
  const hash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: hash, must_change_password: 0 }).where('id', '=', userId).execute();
    let others = tx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepToken) others = others.where('token_hash', '!=', tokenHash(keepToken));
    await others.execute();
  });
  return true;
}

/**
 * Change a user's role or whether they may sign in; disabling ends their sessions. Refused when it would leave no
 * active administrator (nobody could then manage users). Undefined for an unknown user.
 */
export async function updateUser(db: Store, userId: number, change: { role?: Role; disabled?: boolean }): Promise<UserView | undefined> {
  if (change.role && !ROLES.includes(change.role)) throw new AccountError(`role must be one of ${ROLES.join(', ')}`);
  return db.transaction().execute(async (tx) => {
    const u = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!u) return undefined;
    const wasActiveAdministrator = u.role === 'administrator' && !u.disabled_at;
    const staysActiveAdministrator = (change.role ?? u.role) === 'administrator' && !(change.disabled ?? !!u.disabled_at);
    if (wasActiveAdministrator && !staysActiveAdministrator) {
      const others = await tx.selectFrom('users').select('id').where('role', '=', 'administrator').where('disabled_at', 'is', null).where('id', '!=', userId).executeTakeFirst();
      if (!others) throw new AccountError(`the last active administrator (${u.name}) can be neither demoted nor disabled: make another user an administrator first`);
    }
    const disabledAt = change.disabled === undefined ? u.disabled_at : change.disabled ? (u.disabled_at ?? new Date().toISOString()) : null;
    await tx.updateTable('users').set({ role: change.role ?? u.role, disabled_at: disabledAt }).where('id', '=', userId).execute();
    if (disabledAt) await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    return viewOf({ ...u, role: change.role ?? u.role, disabled_at: disabledAt });
  });
}

/** Give a user a case: false when either does not exist. */
export async function grantCase(db: Store, caseId: string, userId: number): Promise<boolean> {
  const [c, u] = await Promise.all([
    db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst(),
    db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(),
  ]);
  if (!c || !u) return false;
  await db.insertInto('case_access').values({ case_id: caseId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
  return true;
}

export async function revokeCase(db: Store, caseId: string, userId: number): Promise<void> {
  await db.deleteFrom('case_access').where('case_id', '=', caseId).where('user_id', '=', userId).execute();
}

/** The cases given to a user (administrators open every case whatever this says). */
export async function casesOf(db: Store, userId: number): Promise<string[]> {
  return (await db.selectFrom('case_access').select('case_id').where('user_id', '=', userId).orderBy('case_id').execute()).map((r) => r.case_id);
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
