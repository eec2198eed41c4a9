import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { useApp, useCanEdit } from '../app-context';
import { createdAt, parseJson, withdrawnAt } from '../corrections';
import { fmtDateTime, humanize } from '../format';
import type { Correction } from '../types';
import type { CaseCtx } from '../screens/CaseView';

/** The server's own summary of a correction (GET /corrections carries it, withdrawn ones too); a fallback otherwise. */
function describe(k: Correction, noteSummary?: string): string {
  if (k.summary) return k.summary;
  if (noteSummary) return noteSummary;
  const a = parseJson(k.anchor) ?? {};
  const p = parseJson(k.payload) ?? {};
  if (k.target === 'gap') return `${humanize(k.action)}: ${String(a.title ?? a.ruleId ?? '')}`;
  if (k.target === 'verdict') return `MMI verdict set to ${humanize(String(p.status ?? ''))}${p.date ? ` (${String(p.date)})` : ''}`;
  if (k.action === 'add') return `Added ${humanize(String(p.type ?? 'fact')).toLowerCase()} from ${String(a.file ?? 'the record')}`;
  return `${humanize(k.action)} fact ${String(a.factId ?? a.quote ?? '')}`;
}

export function CorrectionsTab({ ctx }: { ctx: CaseCtx }) {
  const app = useApp();
  const canEdit = useCanEdit();
  const [busy, setBusy] = useState<string | number | null>(null);
  const list = ctx.corrections;
  const notes = new Map((ctx.analysis?.corrections ?? []).map((n) => [String(n.id), n]));

  if (list === null) return <p class="muted" role="status">Loading corrections…</p>;
  if (list.length === 0) {
    return (
      <div class="empty">
        <p class="empty-title">No corrections yet</p>
        <p>Accepting, rejecting or editing a fact, dismissing or marking a gap, or changing the MMI verdict records a correction here. Every export lists them.</p>
      </div>
    );
  }
  const sorted = [...list].sort((a, b) => createdAt(b).localeCompare(createdAt(a)) || Number(b.id) - Number(a.id));

  return (
    <div class="stack">
      <p class="muted">The reviewer’s changes, newest first. A withdrawn correction is kept for the audit trail; corrections survive re-analysis because they are anchored to the quoted words.</p>
      <div class="table-wrap">
        <table class="table">
          <caption class="sr-only">Corrections</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Target</th>
              <th scope="col">Action</th>
              <th scope="col">Summary</th>
              <th scope="col">Reason</th>
              <th scope="col">Status</th>
              {canEdit && <th scope="col"><span class="sr-only">Actions</span></th>}
            </tr>
          </thead>
          <tbody>
            {sorted.map((k) => {
              const w = withdrawnAt(k);
              const note = notes.get(String(k.id));
              const matched = note ? note.matched : k.matched;
              const summary = describe(k, note?.summary);
              return (
                <tr key={k.id} data-testid="correction-row" class={w ? 'withdrawn' : undefined}>
                  <td class="nowrap">{fmtDateTime(createdAt(k))}</td>
                  <td>{humanize(k.target)}</td>
                  <td>{humanize(k.action)}</td>
                  <td>{summary}</td>
                  <td>{k.reason || <span class="muted">—</span>}</td>
                  <td>
                    {w ? (
                      <span class="badge badge-neutral">Withdrawn {fmtDateTime(w)}</span>
                    ) : matched === false ? (
                      <span class="badge badge-warn" title="Re-analysis no longer finds what this correction was anchored to">Not matched</span>
                    ) : (
                      <span class="badge badge-ok">Active</span>
                    )}
                  </td>
                  {canEdit && <td>
                    {!w && (
                      <button
                        type="button"
                        class="btn btn-small"
                        disabled={busy === k.id}
                        aria-label={`Withdraw: ${summary}`}
                        onClick={async () => {
                          setBusy(k.id);
                          try {
                            const r = await api.withdrawCorrection(ctx.id, k.id);
                            ctx.applyAnalysis(r.analysis, 'Correction withdrawn. Analysis updated.');
                          } catch (e) {
                            app.error(errorMessage(e));
                          } finally {
                            setBusy(null);
                          }
                        }}
                      >
                        Withdraw
                      </button>
                    )}
                  </td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
