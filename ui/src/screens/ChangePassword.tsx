import { useEffect } from 'preact/hooks';
import { PasswordForm } from '../components/PasswordForm';

/**
 * Shown instead of every other screen while the user's password is a one-time one (the first-run administrator, a
 * user an administrator added): the server refuses everything else until it is replaced.
 */
export function ChangePassword({ name, onChanged, onSignOut }: { name: string; onChanged: () => void; onSignOut: () => void }) {
  useEffect(() => {
    document.title = 'Choose a new password — Plateau';
  }, []);
  return (
    <div class="signin">
      <div class="signin-card card" data-testid="forced-password-change">
        <h1 tabIndex={-1}>Choose a new password</h1>
        <p class="muted">
          {name}, the password you signed in with was for one sign-in only. Choose your own to go on; only you will know it.
        </p>
        <PasswordForm currentLabel="One-time password" submitLabel="Save and continue" onChanged={onChanged} />
        <p class="muted small signin-foot">
          Not now? <button type="button" class="btn btn-small btn-ghost" onClick={onSignOut}>Sign out</button>
        </p>
      </div>
    </div>
  );
}
