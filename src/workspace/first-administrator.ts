/**
 * Server mode's first run: a workspace with no user gets an administrator named `admin` with a one-time password,
 * so `plateau serve --accounts` works out of the box. The password is returned for the operator's terminal only:
 * it is stored as its scrypt hash and never written to the audit log, and it must be replaced at first sign-in.
 */
import type { Store } from '../store/db.js';
import type { AuditLog } from '../store/audit.js';
import { addUser, countUsers, oneTimePassword } from '../store/accounts.js';

export const FIRST_ADMINISTRATOR = 'admin';

/** The administrator created, with their one-time password; undefined when the workspace has users already. */
export async function createFirstAdministrator(db: Store, audit: AuditLog): Promise<{ name: string; password: string } | undefined> {
  if (await countUsers(db)) return undefined;
  const password = oneTimePassword();
  const u = await addUser(db, FIRST_ADMINISTRATOR, 'administrator', password, { mustChangePassword: true });
  await audit.append({ at: new Date().toISOString(), actor: 'plateau', action: 'create first administrator', target: `user ${u.id}`, outcome: 'ok' });
  return { name: u.name, password };
}

/** The one line that shows the password, once, on stderr. */
export function firstAdministratorNotice(created: { name: string; password: string }): string {
  return `plateau: first run: created administrator ${created.name} with one-time password ${created.password}; you must choose a new password at first sign-in (it is shown only this once)\n`;
}
