import { useId, useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api';
import { sentence } from '../format';

type Field = 'current' | 'next' | 'repeat';

const MIN_LENGTH = 12;

/**
 * Choose a new password (POST /api/me/password): the current one, the new one twice. The server checks the current
 * password and the policy again and signs out the user's other sessions.
 */
export function PasswordForm({ currentLabel = 'Current password', submitLabel = 'Change password', onChanged, onCancel }: {
  currentLabel?: string;
  submitLabel?: string;
  onChanged: () => void;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', repeat: '' });
  const [error, setError] = useState<{ message: string; field?: Field } | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = { current: useRef<HTMLInputElement>(null), next: useRef<HTMLInputElement>(null), repeat: useRef<HTMLInputElement>(null) };
  const id = useId();
  const errorId = `${id}-error`;

  const fail = (message: string, field?: Field) => {
    setError({ message, field });
    if (field) setTimeout(() => refs[field].current?.focus(), 0);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!values.current) return fail(`Enter your ${currentLabel.toLowerCase()}.`, 'current');
    if (values.next.length < MIN_LENGTH) return fail(`The new password needs at least ${MIN_LENGTH} characters.`, 'next');
    if (values.next === values.current) return fail('The new password must differ from the current one.', 'next');
    if (values.repeat !== values.next) return fail('The two new passwords differ: type the same one twice.', 'repeat');
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(values.current, values.next);
      setValues({ current: '', next: '', repeat: '' });
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'wrong_password') {
        setValues((v) => ({ ...v, current: '' }));
        fail(`The ${currentLabel.toLowerCase()} is wrong.`, 'current');
      } else {
        fail(sentence(errorMessage(err)));
      }
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field, label: string, autoComplete: string, hint?: string) => (
    <div class="field">
      <label for={`${id}-${field}`}>{label}</label>
      <input
        ref={refs[field]}
        id={`${id}-${field}`}
        type="password"
        autoComplete={autoComplete}
        required
        aria-required="true"
        aria-invalid={error?.field === field ? 'true' : undefined}
        aria-describedby={[hint && `${id}-${field}-hint`, error && errorId].filter(Boolean).join(' ') || undefined}
        value={values[field]}
        onInput={(e) => setValues((v) => ({ ...v, [field]: (e.currentTarget as HTMLInputElement).value }))}
      />
      {hint && <span id={`${id}-${field}-hint`} class="hint">{hint}</span>}
    </div>
  );

  return (
    <form class="form-stack" noValidate onSubmit={submit} data-testid="password-form">
      {input('current', currentLabel, 'current-password')}
      {input('next', 'New password', 'new-password', `At least ${MIN_LENGTH} characters; a few unrelated words make a good one.`)}
      {input('repeat', 'New password again', 'new-password')}
      {error && <p id={errorId} class="notice notice-error" role="alert">{error.message}</p>}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
        {onCancel && <button type="button" class="btn" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
