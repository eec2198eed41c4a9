import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { useApp, useCanEdit } from '../app-context';
import { Citations } from '../components/Citation';
import { Dialog } from '../components/Dialog';
import { gapCorrection } from '../corrections';
import { fmtDate, humanize, pluralize, safeHttpUrl } from '../format';
import type { CaseAnalysis, Gap } from '../types';
import type { CaseCtx } from '../screens/CaseView';
import { sortGaps } from './Overview';

const gapKey = (g: Gap) => `${g.ruleId}|${g.title}|${g.request.to}`;

export function GapsTab({ ctx, analysis }: { ctx: CaseCtx; analysis: CaseAnalysis }) {
  const app = useApp();
  const canEdit = useCanEdit();
  const [dismissing, setDismissing] = useState<Gap | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const open = sortGaps(analysis.gaps.filter((g) => g.review?.state !== 'dismissed'));
  const dismissed = sortGaps(analysis.gaps.filter((g) => g.review?.state === 'dismissed'));

  const mark = async (g: Gap, action: 'requested' | 'received' | 'dismiss', reason?: string) => {
    setBusy(gapKey(g));
    try {
      const r = await api.addCorrection(ctx.id, {
        target: 'gap', action, anchor: { ruleId: g.ruleId, title: g.title, to: g.request.to }, ...(reason ? { reason } : {}),
      });
      ctx.applyAnalysis(r.analysis, action === 'dismiss' ? 'Gap dismissed. Analysis updated.' : `Gap marked ${action}. Analysis updated.`);
      return true;
    } catch (e) {
      app.error(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  /** Restore / Undo: withdraw the correction that gave the gap its review state (the analysis names it). */
  const withdraw = async (g: Gap, action: string, message: string) => {
    // Servers before `review.correctionId`: the newest active gap correction with this anchor.
    const cid = g.review?.correctionId ?? gapCorrection(ctx.corrections, g, action)?.id;
    if (cid == null) {
      app.error('The correction behind this mark was not found; withdraw it on the Corrections tab.');
      return;
    }
    setBusy(gapKey(g));
    try {
      const r = await api.withdrawCorrection(ctx.id, cid);
      ctx.applyAnalysis(r.analysis, message);
    } catch (e) {
      app.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="stack">
      <p class="muted">
        What an adjudicator needs that the record lacks, why it matters, and exactly whom to ask. {pluralize(open.length, 'open gap')}
        {dismissed.length ? `, ${dismissed.length} dismissed` : ''}. Requests are gathered per provider in the letters on the Exports tab.
      </p>
      {open.length === 0 && <div class="empty"><p class="empty-title">No open gaps</p><p>The record covers what the rules for this claim ask for{dismissed.length ? ', or the remaining gaps were dismissed' : ''}.</p></div>}
      <ul class="gap-list">
        {open.map((g) => {
          const k = gapKey(g);
          const url = safeHttpUrl(g.authority.url);
          const state = g.review?.state;
          return (
            <li key={k} class={`gap card gap-${g.severity}`} data-testid="gap-item">
              <div class="gap-head">
                <span class={`sev sev-${g.severity}`}>{humanize(g.severity)}</span>
                <h2 class="gap-title">{g.title}</h2>
                {state && (
                  <span class={`badge ${state === 'received' ? 'badge-ok' : 'badge-info'}`}>
                    {state === 'received' ? 'Received' : 'Requested'} {fmtDate(g.review!.at.slice(0, 10))}
                  </span>
                )}
              </div>
              <p class="gap-why">{g.why}</p>
              <div class="gap-request">
                <p class="gap-to"><span class="label">Ask</span> <strong>{g.request.to}</strong></p>
                <p class="gap-ask">{g.request.ask}</p>
              </div>
              <p class="gap-meta small">
                <span class="label">Authority</span>{' '}
                {url ? <a href={url} target="_blank" rel="noopener noreferrer">{g.authority.cite}<span class="sr-only"> (opens in a new tab)</span></a> : <span>{g.authority.cite}</span>}
                {g.evidence.length > 0 && <> <span class="label label-gap">Evidence</span> <Citations evidence={g.evidence} max={3} /></>}
              </p>
              {g.review?.reason && <p class="small muted">Note: {g.review.reason}</p>}
              {canEdit && <div class="gap-actions">
                <button type="button" class="btn btn-small" data-testid="gap-dismiss" disabled={busy === k} onClick={() => setDismissing(g)}>Dismiss…</button>
                {state !== 'requested' && state !== 'received' && (
                  <button type="button" class="btn btn-small" disabled={busy === k} onClick={() => mark(g, 'requested')}>Mark requested</button>
                )}
                {state !== 'received' && (
                  <button type="button" class="btn btn-small" disabled={busy === k} onClick={() => mark(g, 'received')}>Mark received</button>
                )}
                {state && (
                  <button type="button" class="btn btn-small btn-ghost" disabled={busy === k} onClick={() => withdraw(g, state, `Gap no longer marked ${state}. Analysis updated.`)}>
                    Undo “{state}”
                  </button>
                )}
              </div>}
            </li>
          );
        })}
      </ul>

      {dismissed.length > 0 && (
        <details class="details card">
          <summary>Dismissed ({dismissed.length})</summary>
          <ul class="gap-list gap-list-dismissed">
            {dismissed.map((g) => {
              const k = gapKey(g);
              return (
                <li key={k} class="gap gap-dismissed" data-testid="gap-dismissed-item">
                  <div class="gap-head">
                    <span class={`sev sev-${g.severity}`}>{humanize(g.severity)}</span>
                    <h3 class="gap-title">{g.title}</h3>
                  </div>
                  <p class="small">
                    Dismissed {fmtDate(g.review!.at.slice(0, 10))}
                    {g.review?.reason ? <> — <em>{g.review.reason}</em></> : null}
                  </p>
                  {canEdit && (
                    <div class="gap-actions">
                      <button type="button" class="btn btn-small" disabled={busy === k} onClick={() => withdraw(g, 'dismiss', 'Gap restored. Analysis updated.')}>Restore</button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}

      {dismissing && canEdit && (
        <DismissDialog
          gap={dismissing}
          onClose={() => setDismissing(null)}
          onSubmit={async (reason) => {
            if (await mark(dismissing, 'dismiss', reason)) setDismissing(null);
          }}
        />
      )}
    </div>
  );
}

function DismissDialog({ gap, onClose, onSubmit }: { gap: Gap; onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Dismiss this gap" subtitle={gap.title} onClose={onClose} size="small">
      <form
        class="form-stack"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setError('A dismissal needs a reason: it is kept for the audit trail and shown in the exports.');
            return;
          }
          setBusy(true);
          await onSubmit(reason.trim());
          setBusy(false);
        }}
      >
        <div class="field">
          <label for="dismiss-reason">Reason <span class="req" aria-hidden="true">*</span></label>
          <textarea id="dismiss-reason" rows={3} required aria-required="true" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'dismiss-error' : undefined} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} placeholder="e.g. Records already requested under a prior subpoena" />
        </div>
        {error && <p id="dismiss-error" class="notice notice-error" role="alert">{error}</p>}
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? 'Dismissing…' : 'Dismiss gap'}</button>
          <button type="button" class="btn" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
