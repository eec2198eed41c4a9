import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { useApp, useCanEdit } from '../app-context';
import { AttributeFields, cleanAttributes, editableAttributes, type Attrs } from '../components/AttributeFields';
import { Citation } from '../components/Citation';
import { Dialog } from '../components/Dialog';
import { FACT_TYPES, factSummary, factTypeLabel, fmtDate, pluralize } from '../format';
import { factCount, type AnalysisView, type CaseAnalysis, type Fact, type FactPage } from '../types';
import type { CaseCtx } from '../screens/CaseView';

const PAGE = 50;

function contextBadges(f: Fact): string[] {
  const out: string[] = [];
  if (f.negated) out.push('Negated');
  if (f.certainty === 'possible') out.push('Possible');
  if (f.temporality === 'historical') out.push('Historical');
  if (f.temporality === 'hypothetical') out.push('Hypothetical');
  if (f.experiencer === 'other') out.push('Someone else');
  return out;
}

const REVIEW_LABEL: Record<string, string> = { accepted: 'Accepted', edited: 'Edited', added: 'Added by reviewer' };

export function FactsTab({ ctx, analysis }: { ctx: CaseCtx; analysis: CaseAnalysis }) {
  const app = useApp();
  const canEdit = useCanEdit();
  const [type, setType] = useState('');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [page, setPage] = useState<FactPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState<Fact | null>(null);
  const full = analysis.facts.length > 0; // a full analysis (not from the workspace API) carries its facts

  // Search as the reviewer types, without a request per key.
  useEffect(() => {
    const t = setTimeout(() => setQuery(q), 250);
    return () => clearTimeout(t);
  }, [q]);

  // The facts are paged by the server; a new analysis (after a correction) refreshes the page shown.
  useEffect(() => {
    let alive = true;
    setLoading(true);
    const load = full
      ? Promise.resolve(filterLocal(analysis.facts, type, query, limit))
      : api.facts(ctx.id, { type: type || undefined, q: query || undefined, offset: 0, limit });
    load.then(
      (p) => {
        if (!alive) return;
        setPage(p);
        setLoading(false);
      },
      (e) => {
        if (!alive) return;
        setLoading(false);
        app.error(errorMessage(e));
      },
    );
    return () => {
      alive = false;
    };
  }, [analysis, type, query, limit]);

  // How many facts of each type, for the type filter: the server counts them; a full analysis is counted here.
  const counts = useMemo(() => {
    const given = (analysis as AnalysisView).factCounts;
    if (given) return given;
    const c: Record<string, number> = {};
    for (const f of analysis.facts) c[f.type] = (c[f.type] ?? 0) + 1;
    return c;
  }, [analysis]);

  const act = async (f: Fact, action: 'accept' | 'reject') => {
    setBusy(f.id);
    try {
      const r = await api.addCorrection(ctx.id, { target: 'fact', action, anchor: { factId: f.id } });
      ctx.applyAnalysis(r.analysis, action === 'accept' ? 'Fact accepted. Analysis updated.' : 'Fact rejected. Analysis updated.');
    } catch (e) {
      app.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const total = factCount(analysis);
  const shown = page?.facts ?? [];
  const matching = page?.total ?? 0;

  return (
    <div class="stack">
      <div class="toolbar">
        <div class="field field-inline">
          <label for="fact-type">Type</label>
          <select id="fact-type" value={type} onChange={(e) => { setType((e.currentTarget as HTMLSelectElement).value); setLimit(PAGE); }}>
            <option value="">All types ({total})</option>
            {FACT_TYPES.filter((t) => counts[t.value]).map((t) => (
              <option key={t.value} value={t.value}>{t.label} ({counts[t.value]})</option>
            ))}
          </select>
        </div>
        <div class="field field-inline">
          <label for="fact-search">Search</label>
          <input id="fact-search" type="search" placeholder="Words, drug, finding…" value={q} onInput={(e) => { setQ((e.currentTarget as HTMLInputElement).value); setLimit(PAGE); }} />
        </div>
        <p class="muted small toolbar-note" role="status">
          {loading && !page ? 'Loading facts…' : type || query ? `${pluralize(matching, 'fact')} match of ${total}` : pluralize(matching, 'fact')}
        </p>
      </div>

      {page && shown.length === 0 ? (
        <div class="empty"><p>{total === 0 ? 'No facts were read from the record.' : 'No fact matches these filters.'}</p></div>
      ) : (
        <div class="table-wrap" aria-busy={loading}>
          <table class="table table-facts">
            <caption class="sr-only">Facts read from the record</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col">Finding</th>
                <th scope="col">Quote</th>
                {canEdit && <th scope="col"><span class="sr-only">Review actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => {
                const badges = contextBadges(f);
                const ev = f.evidence[0];
                return (
                  <tr key={f.id} data-testid="fact-row" data-fact-id={f.id} class={f.review ? `reviewed reviewed-${f.review}` : undefined}>
                    <td class="nowrap">{fmtDate(f.date)}</td>
                    <td class="nowrap">{factTypeLabel(f.type)}</td>
                    <td>
                      <span>{factSummary(f)}</span>
                      {(badges.length > 0 || f.review) && (
                        <div class="badges">
                          {f.review && <span class="badge badge-review">{REVIEW_LABEL[f.review] ?? f.review}</span>}
                          {badges.map((b) => <span key={b} class="badge badge-neutral">{b}</span>)}
                        </div>
                      )}
                    </td>
                    <td class="quote-cell">
                      {ev && <><q>{ev.quote.length > 180 ? `${ev.quote.slice(0, 179)}…` : ev.quote}</q> <Citation evidence={ev} /></>}
                    </td>
                    {canEdit && <td class="actions nowrap">
                      <div class="row-actions">
                      <button type="button" class="btn btn-small" disabled={busy === f.id || f.review === 'accepted'} onClick={() => act(f, 'accept')} aria-label={`Accept: ${factSummary(f)}`}>
                        Accept
                      </button>
                      <button type="button" class="btn btn-small" data-testid="fact-reject" disabled={busy === f.id} onClick={() => act(f, 'reject')} aria-label={`Reject: ${factSummary(f)}`}>
                        Reject
                      </button>
                      <button type="button" class="btn btn-small" disabled={busy === f.id} onClick={() => setEditing(f)} aria-label={`Edit: ${factSummary(f)}`}>
                        Edit
                      </button>
                      </div>
                    </td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {page && matching > shown.length && (
        <p>
          <button type="button" class="btn" disabled={loading} onClick={() => setLimit((n) => Math.min(1000, n + PAGE))}>
            {limit >= 1000 ? `Showing the first 1,000 of ${matching} — narrow the filters` : `Show ${Math.min(PAGE, matching - shown.length)} more (${matching - shown.length} not shown)`}
          </button>
        </p>
      )}
      {editing && canEdit && <EditFactDialog ctx={ctx} fact={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

/** Filtering for a full analysis that carries its facts (same rules as the server's). */
function filterLocal(facts: Fact[], type: string, q: string, limit: number): FactPage {
  const words = q.trim().toLowerCase();
  const hits = facts.filter((f) => (!type || f.type === type) && (!words || f.evidence[0]?.quote.toLowerCase().includes(words) || JSON.stringify(f.attributes).toLowerCase().includes(words)));
  return { total: hits.length, offset: 0, facts: hits.slice(0, limit) };
}

function EditFactDialog({ ctx, fact, onClose }: { ctx: CaseCtx; fact: Fact; onClose: () => void }) {
  const [date, setDate] = useState(fact.date ?? '');
  const [attrs, setAttrs] = useState<Attrs>(() => editableAttributes(fact.attributes as Record<string, unknown>));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const attributes = { ...(fact.attributes as Record<string, unknown>), ...cleanAttributes(attrs) };
      for (const [k, v] of Object.entries(attrs)) if (v === undefined || v === '') delete attributes[k];
      const r = await api.addCorrection(ctx.id, {
        target: 'fact',
        action: 'edit',
        anchor: { factId: fact.id },
        payload: { ...(date ? { date } : {}), attributes },
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      ctx.applyAnalysis(r.analysis, 'Fact edited. Analysis updated.');
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const ev = fact.evidence[0];
  return (
    <Dialog title={`Edit ${factTypeLabel(fact.type).toLowerCase()}`} subtitle={ev ? <>“{ev.quote}” — {ev.exhibit ?? ev.file}</> : undefined} onClose={onClose}>
      <form onSubmit={submit} class="form-stack" noValidate>
        <div class="field">
          <label for="edit-fact-date">Date</label>
          <input id="edit-fact-date" type="date" class="input-date" value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <fieldset class="fieldset">
          <legend>Attributes</legend>
          <AttributeFields type={fact.type} value={attrs} onChange={setAttrs} />
        </fieldset>
        <div class="field">
          <label for="edit-fact-reason">Reason (optional)</label>
          <input id="edit-fact-reason" type="text" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
        </div>
        {error && <p class="notice notice-error" role="alert">{error}</p>}
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save changes'}</button>
          <button type="button" class="btn" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
