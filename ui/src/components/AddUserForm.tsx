import { useId, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { sentence, USER_ROLES } from '../format';
import type { Role, UserAccount } from '../types';

/**
 * An administrator adds a user with a one-time password, made by the server (shown here once) or typed; either way
 * the user chooses their own at first sign-in.
 */
export function AddUserForm({ onAdded }: { onAdded: (u: UserAccount) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [typed, setTyped] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ message: string; field?: 'name' | 'password' } | null>(null);
  const [busy, setBusy] = useState(false);
  /** The server's one-time password for the user just added: on screen until dismissed or the next user is added. */
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const fail = (message: string, field?: 'name' | 'password') => {
    setError({ message, field });
    setTimeout(() => (field === 'password' ? passwordRef : nameRef).current?.focus(), 0);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setIssued(null);
    if (!/^[A-Za-z0-9._@-]{2,64}$/.test(name.trim())) return fail('A name of 2 to 64 letters, digits, dots, dashes, underscores or @.', 'name');
    if (typed && password.length < 12) return fail('The password needs at least 12 characters.', 'password');
    setBusy(true);
    setError(null);
    try {
      const r = await api.addUser(name.trim(), role, typed ? password : undefined);
      if (r.oneTimePassword) setIssued({ name: r.user.name, password: r.oneTimePassword });
      setName('');
      setPassword('');
      onAdded(r.user);
    } catch (err) {
      const m = errorMessage(err);
      fail(sentence(m), /password/i.test(m) ? 'password' : 'name');
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: 'name' | 'password') => (error?.field === f ? 'true' : undefined);
  return (
    <>
      <form class="form-stack" noValidate onSubmit={submit} data-testid="add-user-form">
        <div class="field">
          <label for={`${id}-name`}>Name</label>
          <input
            ref={nameRef} id={`${id}-name`} type="text" autoComplete="off" autoCapitalize="none" spellcheck={false} required aria-required="true"
            aria-invalid={invalid('name')} aria-describedby={`${id}-name-hint${error ? ` ${id}-error` : ''}`}
            value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
          />
          <span id={`${id}-name-hint`} class="hint">What they sign in with: letters, digits, dots, dashes, underscores or @.</span>
        </div>
        <div class="field">
          <label for={`${id}-role`}>Role</label>
          <select id={`${id}-role`} aria-describedby={`${id}-role-hint`} value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value)}>
            {USER_ROLES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </select>
          <span id={`${id}-role-hint`} class="hint">{sentence(USER_ROLES.find((r) => r.value === role)?.what ?? '')}</span>
        </div>
        <fieldset class="fieldset">
          <legend>First password</legend>
          <div class="field field-check">
            <input type="radio" id={`${id}-made`} name={`${id}-how`} checked={!typed} onChange={() => setTyped(false)} />
            <label for={`${id}-made`}>Make a one-time password</label>
          </div>
          <div class="field field-check">
            <input type="radio" id={`${id}-typed`} name={`${id}-how`} checked={typed} onChange={() => setTyped(true)} />
            <label for={`${id}-typed`}>Type one</label>
          </div>
          {typed && (
            <div class="field">
              <label for={`${id}-password`}>One-time password</label>
              <input
                ref={passwordRef} id={`${id}-password`} type="password" autoComplete="new-password" required aria-required="true"
                aria-invalid={invalid('password')} aria-describedby={error ? `${id}-error` : undefined}
                value={password} onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
          )}
          <p class="hint">At least 12 characters. The user must choose their own at first sign-in.</p>
        </fieldset>
        {error && <p id={`${id}-error`} class="notice notice-error" role="alert">{error.message}</p>}
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? 'Adding…' : 'Add user'}</button>
        </div>
      </form>
      {issued && (
        <div class="notice notice-info issued-password" role="status" data-testid="issued-password">
          <p>{issued.name}’s one-time password:</p>
          <p><code class="mono select-all" data-testid="one-time-password">{issued.password}</code></p>
          <p class="small">Give it to them privately. It is shown only this once; they choose their own at first sign-in.</p>
          <button type="button" class="btn btn-small" onClick={() => { setIssued(null); nameRef.current?.focus(); }}>I have noted it</button>
        </div>
      )}
    </>
  );
}
