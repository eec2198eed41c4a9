import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { useApp, useSession } from '../app-context';
import { AddUserForm } from '../components/AddUserForm';
import { CaseAccessDialog } from '../components/CaseAccessDialog';
import { ConfirmDialog } from '../components/Dialog';
import { sentence, USER_ROLES } from '../format';
import type { Role, UserAccount } from '../types';

/**
 * A role is saved with its own button, so that arrowing through the options changes nothing by accident. Keyed by the
 * list's load, so a refused change shows the stored role again.
 */
function RolePicker({ user, busy, onSave }: { user: UserAccount; busy: boolean; onSave: (role: Role) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  return (
    <div class="role-picker">
      <select id={`user-${user.id}-role`} aria-label={`Role of ${user.name}`} value={role} disabled={busy} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value)}>
        {USER_ROLES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
      </select>
      {role !== user.role && (
        <button type="button" class="btn btn-small btn-primary" disabled={busy} aria-label={`Save the role of ${user.name}`} onClick={() => onSave(role)}>Save</button>
      )}
    </div>
  );
}

/**
 * Server mode, administrators: every user with role, status and whether they still have a one-time password; change a
 * role, disable or enable, give or take cases, add a user. The server keeps at least one active administrator.
 * `onSelfChanged`: the administrator changed their own account (the session's role or status may differ now).
 */
export function Users({ onSelfChanged }: { onSelfChanged: () => void }) {
  const app = useApp();
  const me = useSession();
  const [users, setUsers] = useState<{ list: UserAccount[]; load: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<UserAccount | null>(null);
  const [access, setAccess] = useState<UserAccount | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => api.users().then((list) => setUsers((u) => ({ list, load: (u?.load ?? 0) + 1 })), (e) => setError(sentence(errorMessage(e)))), []);

  useEffect(() => {
    document.title = 'Users — Plateau';
    void load();
  }, []);

  /**
   * Runs one change; a refusal (the last administrator) is shown above the table and the list reloaded as it is.
   * The control used is re-rendered, so focus goes back to `focusId` (that row's role or status control).
   */
  const change = async (u: UserAccount, work: () => Promise<UserAccount>, done: string, focusId: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      app.announce(done);
      if (u.name === me?.name) onSelfChanged();
    } catch (e) {
      setError(sentence(errorMessage(e)));
    } finally {
      await load();
      setBusy(false);
      setTimeout(() => document.getElementById(focusId)?.focus(), 0);
    }
  };

  return (
    <div class="list-layout">
      <section class="list-main" aria-labelledby="users-title">
        <div class="page-head">
          <h1 id="users-title" tabIndex={-1}>Users</h1>
        </div>
        <p class="muted small users-note">
          Administrators open every case; reviewers and read-only users open only the cases given to them. Disabling a user
          signs them out everywhere.
        </p>
        {error && <p class="notice notice-error" role="alert" data-testid="users-error">{error}</p>}
        {users === null && !error && <p class="muted" role="status">Loading users…</p>}
        {users && (
          <div class="table-wrap">
            <table class="table table-users" data-testid="user-list">
              <caption class="sr-only">Users of this workspace</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Password</th>
                  <th scope="col"><span class="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {users.list.map((u) => (
                  <tr key={u.id} data-testid="user-row">
                    <th scope="row">{u.name}{u.name === me?.name && <span class="muted"> (you)</span>}</th>
                    <td>
                      <RolePicker key={users.load} user={u} busy={busy} onSave={(role) => {
                        const label = USER_ROLES.find((r) => r.value === role)?.label ?? role;
                        void change(u, () => api.setRole(u.id, role), `${u.name}’s role is now ${label}.`, `user-${u.id}-role`);
                      }} />
                    </td>
                    <td>{u.disabled ? <span class="badge badge-danger">Disabled</span> : <span class="badge badge-ok">Active</span>}</td>
                    <td>{u.mustChangePassword ? <span class="badge badge-warn">One-time: to be changed</span> : <span class="muted">Chosen by the user</span>}</td>
                    <td class="nowrap">
                      <div class="row-actions">
                        <button type="button" class="btn btn-small" aria-label={`Cases of ${u.name}`} onClick={() => setAccess(u)}>Cases…</button>
                        {u.disabled
                          ? <button type="button" id={`user-${u.id}-status`} class="btn btn-small" disabled={busy} aria-label={`Enable ${u.name}`} onClick={() => change(u, () => api.setDisabled(u.id, false), `${u.name} is enabled.`, `user-${u.id}-status`)}>Enable</button>
                          : <button type="button" id={`user-${u.id}-status`} class="btn btn-small btn-danger-outline" disabled={busy} aria-label={`Disable ${u.name}`} onClick={() => setDisabling(u)}>Disable</button>}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <aside class="list-side card" aria-labelledby="add-user-title">
        <h2 id="add-user-title">Add a user</h2>
        <AddUserForm onAdded={(u) => { app.announce(`${u.name} added.`); void load(); }} />
      </aside>
      {disabling && (
        <ConfirmDialog
          title={`Disable ${disabling.name}?`}
          message={`${disabling.name} is signed out everywhere at once and cannot sign in until an administrator enables them again. Their cases stay as they are.`}
          confirmLabel="Disable"
          danger
          onCancel={() => setDisabling(null)}
          onConfirm={() => {
            const u = disabling;
            setDisabling(null);
            void change(u, () => api.setDisabled(u.id, true), `${u.name} is disabled and signed out everywhere.`, `user-${u.id}-status`);
          }}
        />
      )}
      {access && <CaseAccessDialog user={access} onClose={() => setAccess(null)} />}
    </div>
  );
}
