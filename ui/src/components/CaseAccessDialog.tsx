import { useEffect, useId, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { useApp } from '../app-context';
import { claimTypeLabel, sentence } from '../format';
import type { CaseSummary, UserAccount } from '../types';
import { Dialog } from './Dialog';

/** Which cases a user may open: the ones given, each revocable, and a picker to give another. */
export function CaseAccessDialog({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const app = useApp();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [given, setGiven] = useState<Set<string> | null>(null);
  const [pick, setPick] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    // An administrator's case list holds every case.
    Promise.all([api.listCases('', 'claimant'), api.userCases(user.id)]).then(
      ([all, ids]) => { setCases(all); setGiven(new Set(ids)); },
      (e) => setError(sentence(errorMessage(e))),
    );
  }, [user.id]);

  const change = async (c: CaseSummary, grant: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await (grant ? api.grantCase(c.id, user.id) : api.revokeCase(c.id, user.id));
      setGiven((g) => {
        const next = new Set(g);
        if (grant) next.add(c.id);
        else next.delete(c.id);
        return next;
      });
      if (grant) setPick('');
      app.announce(grant ? `${user.name} may now open the case of ${c.claimant}.` : `${user.name} can no longer open the case of ${c.claimant}.`);
    } catch (e) {
      setError(sentence(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  };

  const mine = cases && given ? cases.filter((c) => given.has(c.id)) : [];
  const others = cases && given ? cases.filter((c) => !given.has(c.id)) : [];
  const chosen = others.find((c) => c.id === pick);
  return (
    <Dialog title={`Cases ${user.name} may open`} onClose={onClose} size="medium" testId="case-access-dialog"
      subtitle={user.role === 'administrator' ? 'Administrators open every case; what is given here counts if their role changes.' : undefined}>
      {error && <p class="notice notice-error" role="alert">{error}</p>}
      {!cases && !error && <p class="muted" role="status">Loading cases…</p>}
      {cases && given && (
        <div class="stack">
          <section aria-labelledby={`${id}-given`}>
            <h3 id={`${id}-given`} class="h-small">Given</h3>
            {mine.length === 0
              ? <p class="empty-inline">No case yet.</p>
              : (
                <ul class="access-list">
                  {mine.map((c) => (
                    <li key={c.id} data-testid="access-row">
                      <span>{c.claimant} <span class="muted">· {claimTypeLabel(c.claimType)}</span></span>
                      <button type="button" class="btn btn-small btn-danger-outline" disabled={busy} aria-label={`Revoke access to ${c.claimant}`} onClick={() => change(c, false)}>
                        Revoke
                      </button>
                    </li>
                  ))}
                </ul>
              )}
          </section>
          <form class="access-grant" onSubmit={(e) => { e.preventDefault(); if (chosen) void change(chosen, true); }}>
            <div class="field">
              <label for={`${id}-pick`}>Give access to a case</label>
              <select id={`${id}-pick`} value={pick} disabled={others.length === 0} onChange={(e) => setPick((e.currentTarget as HTMLSelectElement).value)}>
                <option value="">{others.length ? 'Choose a case…' : 'Every case is given'}</option>
                {others.map((c) => <option key={c.id} value={c.id}>{c.claimant} · {claimTypeLabel(c.claimType)}</option>)}
              </select>
            </div>
            <button type="submit" class="btn btn-primary" disabled={busy || !chosen}>Give access</button>
          </form>
        </div>
      )}
    </Dialog>
  );
}
