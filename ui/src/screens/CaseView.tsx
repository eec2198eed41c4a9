import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api';
import { EvidenceContext, useApp, useCanEdit } from '../app-context';
import { CaseForm } from '../components/CaseForm';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { EvidencePanel } from '../components/EvidencePanel';
import { claimTypeLabel, fmtDate, mmiShort, onsetLabel } from '../format';
import { caseHref, navigate, TABS, type Tab } from '../router';
import { forgetOwnEntries, prefetchTimeline } from '../timeline-data';
import { factCount, type CaseAnalysis, type CaseDetails, type CaseRecord, type Correction, type Evidence, type Progress } from '../types';
import { StatusPill } from './CaseList';
import { DocumentsTab } from '../tabs/Documents';
import { OverviewTab } from '../tabs/Overview';
import { TimelineTab, warmTimeline } from '../tabs/Timeline';
import { ClaimantTab } from '../tabs/Claimant';
import { FactsTab } from '../tabs/Facts';
import { GapsTab } from '../tabs/Gaps';
import { CorrectionsTab } from '../tabs/Corrections';
import { ExportsTab } from '../tabs/Exports';

const ACTIVE = new Set(['queued', 'running']);

/** Everything a tab needs about the open case. */
export interface CaseCtx {
  id: string;
  record: CaseRecord;
  analysis: CaseAnalysis | null;
  progress: Progress;
  corrections: Correction[] | null;
  /** Re-render from a recomputed analysis (after a correction) and refresh the corrections list. */
  applyAnalysis: (a: CaseAnalysis, message?: string) => void;
  reload: () => Promise<void>;
  setProgress: (p: Progress) => void;
}

export function CaseView({ id, tab }: { id: string; tab?: Tab }) {
  const app = useApp();
  const canEdit = useCanEdit();
  const [record, setRecord] = useState<CaseRecord | null>(null);
  const [analysis, setAnalysis] = useState<CaseAnalysis | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [corrections, setCorrections] = useState<Correction[] | null>(null);
  const [loadError, setLoadError] = useState<{ message: string; status: number } | null>(null);
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const lastStatus = useRef<string | null>(null);

  const loadCorrections = useCallback(() => api.corrections(id).then(setCorrections, () => setCorrections([])), [id]);

  const reload = useCallback(async () => {
    // A case known to have an analysis is asked for both at once; another, for its analysis only once it says it has one.
    const early = api.likelyAnalysed(id) ? api.analysis(id) : undefined;
    early?.catch(() => undefined); // a failure counts only if the analysis is waited for, below
    try {
      const r = await api.getCase(id);
      // Before the first run there is no analysis to ask for (the API answers 404); documents carry a status once one ran.
      // While a re-run is under way the server still serves the last finished analysis (shown with a note).
      const ran = r.analysis?.status === 'done' || r.documents.some((d) => d.status);
      const a = ran ? await (early ?? api.analysis(id)) : null;
      setRecord(r);
      setAnalysis(a);
      setProgress(r.analysis);
      lastStatus.current = r.analysis?.status ?? 'none';
      setLoadError(null);
      void loadCorrections();
    } catch (e) {
      setLoadError({ message: errorMessage(e), status: e instanceof ApiError ? e.status : 0 });
    }
  }, [id, loadCorrections]);

  useEffect(() => {
    setRecord(null);
    setAnalysis(null);
    setCorrections(null);
    setEvidence(null);
    // Opening on the Timeline tab: its data, the largest, is asked for with the case's.
    forgetOwnEntries();
    if (tab === 'timeline' && api.likelyAnalysed(id)) prefetchTimeline(id);
    void reload();
  }, [id]);

  // Progress is just polling: it resumes after a reload because the server keeps the job's state.
  useEffect(() => {
    if (!progress || !ACTIVE.has(progress.status)) return;
    let alive = true;
    const t = setTimeout(async () => {
      try {
        const p = await api.progress(id);
        if (!alive) return;
        const before = lastStatus.current;
        lastStatus.current = p.status;
        if (p.step !== progress.step && p.step && p.step !== 'done' && ACTIVE.has(p.status)) app.announce(`Analysis: ${p.step}…`);
        if (!ACTIVE.has(p.status) && before && ACTIVE.has(before)) {
          await reload();
          if (p.status === 'done') app.announce('Analysis updated.');
          else if (p.status === 'failed') app.announce(`Analysis failed${p.error ? `: ${p.error}` : ''}.`);
          else if (p.status === 'cancelled') app.announce('Analysis cancelled.');
        } else {
          setProgress(p);
        }
      } catch {
        if (alive) setProgress({ ...progress }); // try again on the next tick
      }
    }, 500);
    return () => {
      alive = false;
      clearTimeout(t);
    };
  }, [progress, id]);

  const applyAnalysis = useCallback((a: CaseAnalysis, message = 'Analysis updated.') => {
    setAnalysis(a);
    app.announce(message);
    void loadCorrections();
  }, [loadCorrections]);

  const setProgressAndWatch = useCallback((p: Progress) => {
    lastStatus.current = p.status;
    setProgress(p);
  }, []);

  // A tab change (including Back/Forward) closes the source viewer.
  useEffect(() => setEvidence(null), [tab]);

  // The Timeline tab's data is the largest to fetch and draw: readied when the page is idle on another tab.
  useEffect(() => {
    if (!analysis || tab === 'timeline') return;
    const idle = requestIdleCallback(() => warmTimeline(id, analysis), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [analysis]);

  useEffect(() => {
    if (record) document.title = `${record.case.claimant} — Plateau`;
  }, [record?.case.claimant]);

  if (loadError) {
    return (
      <div class="page-narrow">
        <p><a href="#/">← All cases</a></p>
        <h1>{loadError.status === 404 ? 'Case not found' : 'The case could not be loaded'}</h1>
        <p class="notice notice-error" role="alert">{loadError.message}</p>
      </div>
    );
  }
  if (!record || !progress) return <p class="muted" role="status">Loading case…</p>;

  const c = record.case;
  const hasAnalysis = !!analysis;
  const current: Tab = tab ?? (hasAnalysis ? 'overview' : 'documents');
  const ctx: CaseCtx = { id, record, analysis, progress, corrections, applyAnalysis, reload, setProgress: setProgressAndWatch };
  const openGaps = analysis?.gaps.filter((g) => g.review?.state !== 'dismissed').length;
  const activeCorrections = corrections?.filter((k) => !(k.withdrawnAt ?? k.withdrawn_at)).length;
  const counts: Partial<Record<Tab, number | undefined>> = {
    documents: record.documents.length,
    facts: analysis ? factCount(analysis) : undefined,
    gaps: openGaps,
    corrections: activeCorrections,
  };

  const save = async (d: CaseDetails) => {
    const r = await api.updateCase(id, d);
    setRecord(r);
    setProgressAndWatch(r.analysis);
    setEditing(false);
    app.announce('Case details saved.');
  };

  const keyDates = [
    c.onset && { label: onsetLabel(c.claimType), value: fmtDate(c.onset) },
    c.claimType === 'ssdi' && c.dli && { label: 'DLI', value: fmtDate(c.dli) },
    c.dob && { label: 'DOB', value: fmtDate(c.dob) },
    c.filingDate && { label: 'Filed', value: fmtDate(c.filingDate) },
    c.retainUntil && { label: 'Kept until', value: fmtDate(c.retainUntil) },
  ].filter(Boolean) as { label: string; value: string }[];

  return (
    <EvidenceContext.Provider value={setEvidence}>
      <div class="case">
        <header class="case-head">
          <p class="crumb"><a href="#/">← All cases</a></p>
          <div class="case-head-row">
            <div>
              <h1 class="case-title" tabIndex={-1}>{c.claimant}</h1>
              <dl class="case-meta">
                <div><dt class="sr-only">Claim type</dt><dd class="strong">{claimTypeLabel(c.claimType)}{c.claimType === 'workers_comp' && c.state ? ` · ${c.state}` : ''}</dd></div>
                {keyDates.map((k) => (
                  <div key={k.label}><dt>{k.label}</dt><dd>{k.value}</dd></div>
                ))}
                {c.education && <div><dt>Education</dt><dd>{c.education}</dd></div>}
              </dl>
            </div>
            <div class="case-head-side">
              <div class="case-status">
                <StatusPill status={progress.status} />
                {analysis && (
                  <span class="muted">
                    MMI: <strong class="ink">{mmiShort(analysis.mmi.status)}</strong>
                    {analysis.mmi.date ? ` · ${fmtDate(analysis.mmi.date)}` : ''}
                  </span>
                )}
              </div>
              {canEdit && <button type="button" class="btn" onClick={() => setEditing(true)}>Edit details</button>}
            </div>
          </div>
          <nav class="tabs" aria-label="Case sections">
            {TABS.map((t) => (
              <a key={t.id} href={caseHref(id, t.id)} class={`tab${current === t.id ? ' tab-active' : ''}`} aria-current={current === t.id ? 'page' : undefined}>
                {t.label}
                {counts[t.id] != null && <span class="tab-count">{counts[t.id]}</span>}
              </a>
            ))}
          </nav>
        </header>

        <section class="case-body" aria-label={TABS.find((t) => t.id === current)?.label}>
          {analysis && ACTIVE.has(progress.status) && current !== 'documents' && (
            <p class="notice notice-info stale-note" role="status">
              The records are being re-analysed; these are the previous results until it finishes. <a href={caseHref(id, 'documents')}>See progress</a>
            </p>
          )}
          {current === 'documents' && <DocumentsTab ctx={ctx} />}
          {current !== 'documents' && current !== 'corrections' && current !== 'exports' && current !== 'claimant' && !analysis && <NoAnalysis ctx={ctx} />}
          {current === 'overview' && analysis && <OverviewTab ctx={ctx} analysis={analysis} />}
          {current === 'timeline' && analysis && <TimelineTab ctx={ctx} analysis={analysis} />}
          {current === 'claimant' && <ClaimantTab ctx={ctx} analysis={analysis} />}
          {current === 'facts' && analysis && <FactsTab ctx={ctx} analysis={analysis} />}
          {current === 'gaps' && analysis && <GapsTab ctx={ctx} analysis={analysis} />}
          {current === 'corrections' && <CorrectionsTab ctx={ctx} />}
          {current === 'exports' && <ExportsTab ctx={ctx} />}
        </section>
      </div>

      {evidence && (
        <EvidencePanel
          caseId={id}
          evidence={evidence}
          documents={record.documents}
          analysis={analysis}
          onClose={() => setEvidence(null)}
          onAnalysis={(a) => applyAnalysis(a, 'Fact added. Analysis updated.')}
        />
      )}

      {editing && canEdit && (
        <Dialog title="Edit case details" subtitle="Changing the claim type or its dates re-runs the analysis." onClose={() => setEditing(false)}>
          <CaseForm initial={c} mode="edit" submitLabel="Save changes" onSubmit={save} onCancel={() => setEditing(false)} testId="edit-case-form" />
          <div class="danger-zone">
            <h3>Delete this case</h3>
            <p class="muted small">Removes the case, its uploaded files, analysis and corrections from this workspace.</p>
            <button type="button" class="btn btn-danger-outline" onClick={() => setDeleting(true)}>Delete case…</button>
          </div>
        </Dialog>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this case?"
          message={<>The case for <strong>{c.claimant}</strong>, its {record.documents.length} uploaded file(s), the analysis and all corrections will be deleted. This cannot be undone.</>}
          confirmLabel="Delete case"
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            try {
              await api.deleteCase(id);
              setDeleting(false);
              setEditing(false);
              app.announce('Case deleted.');
              navigate('#/');
            } catch (e) {
              app.error(errorMessage(e));
            }
          }}
        />
      )}
    </EvidenceContext.Provider>
  );
}

function NoAnalysis({ ctx }: { ctx: CaseCtx }) {
  const canEdit = useCanEdit();
  const p = ctx.progress;
  const running = ACTIVE.has(p.status);
  return (
    <div class="empty">
      <p class="empty-title">{running ? 'The analysis is running' : 'No analysis yet'}</p>
      <p>
        {running
          ? 'Results appear here when it finishes; follow its progress on the Documents tab.'
          : ctx.record.documents.length === 0
            ? canEdit ? 'Add the claimant’s medical records on the Documents tab; the analysis starts as soon as they are uploaded.' : 'No medical records have been added to this case yet.'
            : p.status === 'failed'
              ? `The last run failed${p.error ? `: ${p.error}` : ''}.${canEdit ? ' Re-run it from the Documents tab.' : ''}`
              : canEdit ? 'Run the analysis from the Documents tab.' : 'The records have not been analysed yet.'}
      </p>
      <p><a class="btn" href={caseHref(ctx.id, 'documents')}>Go to Documents</a></p>
    </div>
  );
}
