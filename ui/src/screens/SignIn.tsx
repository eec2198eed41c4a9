import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api';
import { sentence } from '../format';
import type { Me } from '../types';

/**
 * Server mode's sign-in screen, shown whenever the API answers 401. The route (hash) is left as it was, so signing
 * in returns to the screen the user was on.
 */
export function SignIn({ notice, onSignedIn }: { notice?: string; onSignedIn: (me: Me) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ message: string; field?: 'name' | 'password' } | null>(null);
  const [busy, setBusy] = useState(false);
  /** The notice the screen opened with ("You are signed out", "Your session ended") until the first attempt. */
  const [tried, setTried] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in — Plateau';
    nameRef.current?.focus();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim()) {
      setError({ message: 'Enter your name.', field: 'name' });
      nameRef.current?.focus();
      return;
    }
    if (!password) {
      setError({ message: 'Enter your password.', field: 'password' });
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(name.trim(), password);
      setPassword('');
      onSignedIn({ name: r.name, role: r.role, mode: 'accounts', mustChangePassword: r.mustChangePassword });
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      if (status === 401) setError({ message: 'Wrong name or password.', field: 'password' });
      else if (status === 429) setError({ message: sentence(errorMessage(err)) });
      else setError({ message: sentence(errorMessage(err)) });
      setPassword('');
      setBusy(false);
      if (status === 401) setTimeout(() => passwordRef.current?.focus(), 0);
    }
  };

  const invalid = (f: 'name' | 'password') => (error?.field === f ? 'true' : undefined);
  return (
    <div class="signin">
      <div class="signin-card card">
        <h1 id="signin-title" tabIndex={-1}>Sign in</h1>
        <p class="muted">This workspace is shared: sign in with the name and password your administrator gave you.</p>
        {notice && !tried && <p class="notice notice-info" role="status">{notice}</p>}
        <form class="form-stack" noValidate onSubmit={submit} data-testid="login-form" aria-labelledby="signin-title">
          <div class="field">
            <label for="login-name">Name</label>
            <input
              ref={nameRef}
              id="login-name"
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellcheck={false}
              required
              aria-required="true"
              aria-invalid={invalid('name')}
              aria-describedby={error ? 'login-error' : undefined}
              value={name}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="login-password">Password</label>
            <input
              ref={passwordRef}
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-required="true"
              aria-invalid={invalid('password')}
              aria-describedby={error ? 'login-error' : undefined}
              value={password}
              onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          {error && <p id="login-error" class="notice notice-error" role="alert">{error.message}</p>}
          <div class="form-actions">
            <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
          </div>
        </form>
        <p class="muted small signin-foot">A session ends after 30 minutes without activity and after 12 hours in any case.</p>
      </div>
    </div>
  );
}
