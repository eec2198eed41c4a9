import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { useApp, useCanEdit } from '../app-context';
import { CaseForm } from '../components/CaseForm';
import { claimTypeLabel, fmtDate, fmtDateTime, mmiShort } from '../format';
import { caseHref, navigate } from '../router';
import type { CaseSummary, RunStatus } from '../types';

export function StatusPill({ status }: { status: RunStatus | string | undefined }) {
  const label: Record<string, string> = {
    none: 'Not analysed', queued: 'Queued', running: 'Analysing…', done: 'Analysed', failed: 'Failed', cancelled: 'Cancelled',
  };
  const s = status ?? 'none';
  return <span class={`pill pill-${s}`}>{label[s] ?? s}</span>;
}

export function CaseList() {
  const app = useApp();
  const canEdit = useCanEdit();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState(() => localStorage.getItem('plateau.sort') ?? 'updated');
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const t = setTimeout(() => {
      api.listCases(q, sort).then(
        (list) => {
          if (!alive) return;
          setCases(list);
          setError(null);
        },
        (e) => alive && setError(errorMessage(e)),
      );
    }, q ? 250 : 0);
    return () => {
      alive = false;
      clearTimeout(t);
    };
  }, [q, sort]);

  // Cases being analysed show their progress: refresh the list while any is running.
  useEffect(() => {
    if (!cases?.some((c) => c.status === 'queued' || c.status === 'running')) return;
    const t = setTimeout(() => api.listCases(q, sort).then(setCases, () => {}), 2000);
    return () => clearTimeout(t);
  }, [cases]);

  useEffect(() => {
    document.title = 'Cases — Plateau';
  }, []);

  const create = async (d: Parameters<typeof api.createCase>[0]) => {
    const c = await api.createCase(d);
    app.announce(`Case for ${c.claimant} created.`);
    navigate(caseHref(c.id, 'documents'));
  };

  return (
    <div class={`list-layout${canEdit ? '' : ' list-layout-single'}`}>
      <section class="list-main" aria-labelledby="cases-title">
        <div class="page-head">
          <h1 id="cases-title" tabIndex={-1}>Cases</h1>
        </div>
        <div class="toolbar">
          <div class="field field-inline">
            <label for="case-search">Search</label>
            <input id="case-search" type="search" placeholder="Claimant name" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="field field-inline">
            <label for="case-sort">Sort by</label>
            <select
              id="case-sort"
              value={sort}
              onChange={(e) => {
                const s = (e.currentTarget as HTMLSelectElement).value;
                setSort(s);
                localStorage.setItem('plateau.sort', s);
              }}
            >
              <option value="updated">Last updated</option>
              <option value="claimant">Claimant</option>
              <option value="created">Date created</option>
            </select>
          </div>
        </div>
        {error && <p class="notice notice-error" role="alert">{error}</p>}
        {cases === null && !error && <p class="muted" role="status">Loading cases…</p>}
        {cases && cases.length === 0 && (
          <div class="empty" data-testid="case-list">
            {q ? (
              <p>No case matches “{q}”.</p>
            ) : (
              <>
                <p class="empty-title">No cases yet</p>
                {canEdit
                  ? <p>Create the first one with the form: the claimant’s name and claim type are enough to start; then add the medical records.</p>
                  : <p>No case has been shared with you yet. Your access is read-only: a reviewer or administrator creates cases.</p>}
              </>
            )}
          </div>
        )}
        {cases && cases.length > 0 && (
          <div class="table-wrap">
            <table class="table table-cases" data-testid="case-list">
              <caption class="sr-only">Cases, sorted by {sort === 'claimant' ? 'claimant' : sort === 'created' ? 'date created' : 'last update'}</caption>
              <thead>
                <tr>
                  <th scope="col">Claimant</th>
                  <th scope="col">Claim</th>
                  <th scope="col">State</th>
                  <th scope="col">Onset / DOI</th>
                  <th scope="col" class="num">Docs</th>
                  <th scope="col">Analysis</th>
                  <th scope="col">MMI</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id} data-testid="case-row" class="row-link" onClick={(e) => {
                    if ((e.target as HTMLElement).closest('a')) return;
                    navigate(caseHref(c.id));
                  }}>
                    <td><a href={caseHref(c.id)} class="strong">{c.claimant}</a></td>
                    <td>{claimTypeLabel(c.claimType)}</td>
                    <td>{c.state || '—'}</td>
                    <td class="nowrap">{fmtDate(c.onset)}</td>
                    <td class="num">{c.documents}</td>
                    <td><StatusPill status={c.status} /></td>
                    <td class="nowrap">{c.mmi ? <>{mmiShort(c.mmi.status)}{c.mmi.date ? <span class="muted"> · {fmtDate(c.mmi.date)}</span> : null}</> : <span class="muted">—</span>}</td>
                    <td class="nowrap muted" title={fmtDateTime(c.updatedAt)}>{fmtDate(c.updatedAt?.slice(0, 10))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canEdit && (
        <aside class="list-side card" aria-labelledby="new-case-title">
          <h2 id="new-case-title">New case</h2>
          <CaseForm submitLabel="Create case" onSubmit={create} testId="new-case-form" />
        </aside>
      )}
    </div>
  );
}
