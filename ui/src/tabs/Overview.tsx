import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { useApp, useCanEdit } from '../app-context';
import { Citations } from '../components/Citation';
import { Dialog } from '../components/Dialog';
import { activityLabel, fmtDate, humanize, MMI_STATUSES, mmiShort, mmiWords, pluralize } from '../format';
import { caseHref } from '../router';
import type { CaseAnalysis, Gap, MmiStatus } from '../types';
import type { CaseCtx } from '../screens/CaseView';

const SEVERITY_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2 };
export const sortGaps = (gaps: Gap[]) => [...gaps].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));

const ROLE: Record<string, string> = {
  treating_physician: 'Treating physician', other_treating: 'Other treating source', examining: 'Examining source', designated_doctor: 'Designated doctor',
  non_examining: 'Non-examining reviewer',
};

export function OverviewTab({ ctx, analysis }: { ctx: CaseCtx; analysis: CaseAnalysis }) {
  const canEdit = useCanEdit();
  const [changing, setChanging] = useState(false);
  const mmi = analysis.mmi;
  const d = analysis.duration;
  const topGaps = sortGaps(analysis.gaps.filter((g) => g.review?.state !== 'dismissed')).slice(0, 5);
  const confidence = Math.round(mmi.confidence * 100);
  const reached = mmi.status === 'explicit' || mmi.status === 'implied';
  const override = mmi.reviewerOverride;

  return (
    <div class="overview">
      <div class="overview-main stack">
        <section class={`verdict card verdict-${mmi.status}`} data-testid="verdict" aria-labelledby="verdict-title">
          <div class="verdict-head">
            <div>
              <p class="eyebrow">Maximum medical improvement</p>
              <h2 id="verdict-title" class="verdict-title">{mmiWords(mmi.status)}</h2>
              <p class="verdict-sub">
                {mmi.date && <><span class="muted">{reached ? 'MMI date' : 'As of'}</span> <strong class="verdict-date">{fmtDate(mmi.date)}</strong></>}
                {mmi.statedBy && reached && <>{mmi.date ? ' · ' : ''}<span class="muted">{mmi.status === 'explicit' ? 'stated by' : 'based on visits with'}</span> {mmi.statedBy}</>}
              </p>
            </div>
            {canEdit && (
              <div class="verdict-side">
                <button type="button" class="btn" onClick={() => setChanging(true)}>Change verdict</button>
              </div>
            )}
          </div>
          <dl class="facts-row">
            <div>
              <dt>Basis</dt>
              <dd>
                {override ? 'Reviewer’s judgement' : mmi.status === 'explicit' ? 'Stated by a provider' : mmi.status === 'implied' ? 'Inferred from the pattern of care — no provider wrote it' : mmi.status === 'not_reached' ? 'Active treatment continues or improvement is expected' : 'Too little in the record to judge'}
              </dd>
            </div>
            <div>
              <dt>Confidence</dt>
              <dd class="confidence">
                <meter min={0} max={100} low={50} high={75} optimum={100} value={confidence} aria-label="Confidence">{confidence}%</meter>
                <span>{confidence}%</span>
              </dd>
            </div>
            {mmi.disputed && (
              <div>
                <dt>Opinions</dt>
                <dd><span class="badge badge-warn">Disputed</span> sources disagree</dd>
              </div>
            )}
          </dl>
          {override && (
            <div class="override" role="note">
              <p>
                <strong>Reviewer override.</strong> The record’s reading was <em>{mmiShort(override.original.status)}</em>
                {override.original.date ? ` (${fmtDate(override.original.date)})` : ''}; changed to <em>{mmiShort(override.status)}</em>
                {override.date ? ` (${fmtDate(override.date)})` : ''}.
              </p>
              <p class="muted">Reason: {override.reason}</p>
            </div>
          )}
          {mmi.reasons.length > 0 && (
            <>
              <h3 class="h-small">Why</h3>
              <ol class="reasons">
                {mmi.reasons.map((r, i) => (
                  <li key={i} data-testid="reason">
                    <span>{r.text}</span> <Citations evidence={r.evidence} />
                  </li>
                ))}
              </ol>
            </>
          )}
          {mmi.conflicts.length > 0 && (
            <>
              <h3 class="h-small">Statements that point the other way</h3>
              <ul class="reasons reasons-conflict">
                {mmi.conflicts.map((r, i) => (
                  <li key={i}><span>{r.text}</span> <Citations evidence={r.evidence} /></li>
                ))}
              </ul>
            </>
          )}
          {mmi.priorMmi && (
            <div class="notice notice-warn">
              <strong>Earlier MMI withdrawn.</strong> {mmi.priorMmi.date ? `MMI stated ${fmtDate(mmi.priorMmi.date)}` : 'An earlier MMI'}
              {mmi.priorMmi.statedBy ? ` by ${mmi.priorMmi.statedBy}` : ''} was later withdrawn: {mmi.priorMmi.reason} <Citations evidence={mmi.priorMmi.evidence} />
            </div>
          )}
          {mmi.opinions && mmi.opinions.length > 0 && (
            <>
              <h3 class="h-small">MMI opinions in the record</h3>
              <table class="table table-compact">
                <thead>
                  <tr><th scope="col">Source</th><th scope="col">Role</th><th scope="col">Opinion</th><th scope="col">Date</th><th scope="col">Cited</th></tr>
                </thead>
                <tbody>
                  {mmi.opinions.map((o, i) => (
                    <tr key={i}>
                      <td>{o.source}</td>
                      <td>{ROLE[o.role] ?? humanize(o.role)}</td>
                      <td>{o.opinion === 'at_mmi' ? <span class="badge badge-ok">At MMI</span> : <span class="badge badge-warn">Not at MMI</span>}</td>
                      <td class="nowrap">{fmtDate(o.mmiDate ?? o.date)}</td>
                      <td><Citations evidence={o.evidence} max={2} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>

        <section class="card" aria-labelledby="floor-title">
          <h2 id="floor-title" class="h-section">Functional floor</h2>
          <p class="muted small">The most restrictive current limit per activity, and how well the record backs it.</p>
          {analysis.functionalFloor.length === 0 ? (
            <p class="empty-inline">No limitation is stated in the record.</p>
          ) : (
            <table class="table table-compact">
              <thead>
                <tr>
                  <th scope="col">Activity</th>
                  <th scope="col">Limit</th>
                  <th scope="col">Support</th>
                  <th scope="col">Source</th>
                  <th scope="col">Cited</th>
                </tr>
              </thead>
              <tbody>
                {analysis.functionalFloor.map((f) => (
                  <tr key={f.activity}>
                    <th scope="row" class="nowrap">{activityLabel(f.activity)}</th>
                    <td>
                      {f.summary}
                      {f.conflicts.length > 0 && <div class="small warn-text">{pluralize(f.conflicts.length, 'conflicting statement')}: {f.conflicts[0].text}</div>}
                    </td>
                    <td>
                      <span class={`badge ${f.consistency === 'corroborated' ? 'badge-ok' : 'badge-neutral'}`}>{f.consistency === 'corroborated' ? 'Corroborated' : f.consistency === 'single_provider' ? 'One provider' : 'One visit'}</span>
                      <div class="muted small">{pluralize(f.visits, 'visit')}, {pluralize(f.providers.length, 'provider')}{f.lastDate ? ` · last ${fmtDate(f.lastDate)}` : ''}</div>
                    </td>
                    <td>{f.sources.map((s) => (s === 'provider' ? 'Provider' : 'Patient report')).join(', ')}</td>
                    <td><Citations evidence={f.evidence} max={2} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <div class="overview-side stack">
        <section class="card" aria-labelledby="duration-title">
          <h2 id="duration-title" class="h-section">Duration</h2>
          <dl class="kv">
            <div><dt>Onset</dt><dd>{fmtDate(d.onset)}{d.onsetSource === 'record' ? <span class="muted small"> (from the record)</span> : d.onsetSource === 'claim' ? <span class="muted small"> (claimed)</span> : null}</dd></div>
            <div><dt>Through</dt><dd>{fmtDate(d.through)}</dd></div>
            <div><dt>Length</dt><dd>{d.months != null ? `${d.months.toFixed(1)} months` : '—'}</dd></div>
            {(analysis.claim.type === 'ssdi' || analysis.claim.type === 'ssi') && <div><dt>12-month duration</dt><dd><span class={`badge ${d.meetsTwelveMonths === 'yes' ? 'badge-ok' : d.meetsTwelveMonths === 'no' ? 'badge-danger' : 'badge-neutral'}`}>{d.meetsTwelveMonths === 'yes' ? 'Met' : d.meetsTwelveMonths === 'no' ? 'Not met' : d.meetsTwelveMonths === 'expected' ? 'Expected' : 'Unknown'}</span></dd></div>}
            {d.dli && <div><dt>Date last insured</dt><dd>{fmtDate(d.dli)}</dd></div>}
            {d.evidenceBeforeDli != null && <div><dt>Visits before DLI</dt><dd>{d.evidenceBeforeDli}</dd></div>}
          </dl>
          {d.reasons.length > 0 && (
            <details class="details">
              <summary>How this was worked out</summary>
              <ul class="reasons">
                {d.reasons.map((r, i) => <li key={i}>{r.text} <Citations evidence={r.evidence} max={2} /></li>)}
              </ul>
            </details>
          )}
        </section>

        <section class="card" aria-labelledby="topgaps-title">
          <div class="section-head">
            <h2 id="topgaps-title" class="h-section">What the record lacks</h2>
            <a href={caseHref(ctx.id, 'gaps')} class="small">All gaps →</a>
          </div>
          {topGaps.length === 0 ? (
            <p class="empty-inline">No open gaps.</p>
          ) : (
            <ul class="gap-mini">
              {topGaps.map((g) => (
                <li key={`${g.ruleId}|${g.title}|${g.request.to}`}>
                  <span class={`sev sev-${g.severity}`}>{humanize(g.severity)}</span>
                  <span>
                    {g.title}
                    <span class="muted small"> — ask {g.request.to}</span>
                    {g.review && <span class="badge badge-neutral">{humanize(g.review.state)}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        {analysis.trajectory.prognosis.length > 0 && (
          <section class="card" aria-labelledby="prognosis-title">
            <h2 id="prognosis-title" class="h-section">Prognosis</h2>
            <ul class="reasons">
              {analysis.trajectory.prognosis.slice(0, 4).map((r, i) => <li key={i}>{r.text} <Citations evidence={r.evidence} max={2} /></li>)}
            </ul>
          </section>
        )}
        <p class="disclaimer small muted">{analysis.disclaimer}</p>
      </div>

      {changing && <VerdictDialog ctx={ctx} analysis={analysis} onClose={() => setChanging(false)} />}
    </div>
  );
}

function VerdictDialog({ ctx, analysis, onClose }: { ctx: CaseCtx; analysis: CaseAnalysis; onClose: () => void }) {
  const app = useApp();
  const [status, setStatus] = useState<MmiStatus>(analysis.mmi.status);
  const [date, setDate] = useState(analysis.mmi.date ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsDate = status === 'explicit' || status === 'implied';

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Give the reason for the change: it is shown in every export.');
    setBusy(true);
    setError(null);
    try {
      const r = await api.addCorrection(ctx.id, {
        target: 'verdict',
        action: 'verdict',
        payload: { status, ...(date && needsDate ? { date } : {}) },
        reason: reason.trim(),
      });
      ctx.applyAnalysis(r.analysis, 'Verdict changed. Analysis updated.');
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      app.announce('The verdict could not be changed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Change the MMI verdict" subtitle="Your verdict replaces the computed one everywhere; the record’s reading is kept alongside it." onClose={onClose} size="small">
      <form onSubmit={submit} class="form-stack" noValidate>
        <div class="field">
          <label for="verdict-status">Status</label>
          <select id="verdict-status" value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as MmiStatus)}>
            {MMI_STATUSES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="verdict-date">MMI date</label>
          <input id="verdict-date" type="date" value={date} disabled={!needsDate} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="verdict-reason">Reason <span class="req" aria-hidden="true">*</span></label>
          <textarea id="verdict-reason" rows={3} required aria-required="true" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        {error && <p class="notice notice-error" role="alert">{error}</p>}
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save verdict'}</button>
          <button type="button" class="btn" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
