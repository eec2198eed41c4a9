import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { useApp, useOpenEvidence } from '../app-context';
import { Citations } from '../components/Citation';
import { fmtDate, humanize, pluralize } from '../format';
import { buildTimeline, entryLabel, modalityGroup, ts, type OwnEntry } from '../timeline-model';
import type { OpenTarget } from '../timeline-chart';
import type { CaseAnalysis, ClaimantEntry, Evidence, TimelineEntry, Visit } from '../types';
import type { CaseCtx } from '../screens/CaseView';

type Mounted = { resize(): void; dispose(): void; reset(): void };

const KEY_MEASURES = ['NRS', 'VAS', 'ODI', 'NDI', 'LEFS', 'QuickDASH', 'DASH', 'PSFS'];

function beforeAfter(e: TimelineEntry): string[] {
  const out: string[] = [];
  for (const inst of KEY_MEASURES) {
    const b = e.outcomeBefore.filter((p) => p.instrument === inst);
    const a = e.outcomeAfter.filter((p) => p.instrument === inst);
    if (!b.length && !a.length) continue;
    const first = b[0] ?? a[0];
    const last = a[a.length - 1] ?? b[b.length - 1];
    const unit = inst === 'ODI' || inst === 'NDI' ? '%' : '';
    out.push(first === last ? `${inst} ${first.value}${unit}` : `${inst} ${first.value}${unit} → ${last.value}${unit}`);
    if (out.length === 2) break;
  }
  return out;
}

const STATUS_CLASS: Record<string, string> = {
  ongoing: 'badge-info', completed: 'badge-ok', discontinued: 'badge-warn', declined: 'badge-danger', recommended: 'badge-neutral', planned: 'badge-neutral', unknown: 'badge-neutral',
};

export function TimelineTab({ ctx, analysis }: { ctx: CaseCtx; analysis: CaseAnalysis }) {
  const open = useOpenEvidence();
  const app = useApp();
  const [own, setOwn] = useState<ClaimantEntry[] | null>(null);
  /** The visits of the run shown (`run`); `list` null when GET /encounters failed (the dots are then the courses' events). */
  const [visits, setVisits] = useState<{ run: string; list: Visit[] | null } | null>(null);
  const factEvidence = useRef(new Map<string, Evidence>());
  // The visits change only with a new run (not with a correction; the last one is served while a re-run is under way).
  const lastRun = useRef('');
  if (ctx.progress.finishedAt) lastRun.current = ctx.progress.finishedAt;
  const run = lastRun.current;

  useEffect(() => {
    let alive = true;
    api.entries(ctx.id).then((r) => alive && setOwn(r.entries), () => alive && setOwn([]));
    return () => {
      alive = false;
    };
  }, [ctx.id]);

  useEffect(() => {
    let alive = true;
    api.encounters(ctx.id).then((list) => alive && setVisits({ run, list }), () => alive && setVisits({ run, list: null }));
    return () => {
      alive = false;
    };
  }, [ctx.id, run]);

  const visitList = visits?.run === run ? visits.list : undefined;
  const model = useMemo(
    () => (own === null || visitList === undefined ? null : buildTimeline(analysis, own as OwnEntry[], visitList)),
    [analysis, own, visitList],
  );

  // The analysis comes without its facts: fetch the quotes behind the dated events, a batch at a time, for tooltips.
  useEffect(() => {
    if (!model) return;
    let alive = true;
    const ids = [...new Set(model.marks.filter((k) => k.factId && !factEvidence.current.has(k.factId)).map((k) => k.factId!))];
    (async () => {
      for (let i = 0; i < ids.length && alive; i += 150) {
        try {
          const page = await api.facts(ctx.id, { ids: ids.slice(i, i + 150), limit: 1000 });
          for (const f of page.facts) if (f.evidence[0]) factEvidence.current.set(f.id, f.evidence[0]);
        } catch {
          return;
        }
      }
    })();
    return () => {
      alive = false;
    };
  }, [model]);

  const openTarget = async (t: OpenTarget) => {
    if (t.factId) {
      const known = factEvidence.current.get(t.factId);
      if (known) return open(known);
      try {
        const page = await api.facts(ctx.id, { ids: [t.factId], limit: 1 });
        const ev = page.facts[0]?.evidence[0];
        if (ev) {
          factEvidence.current.set(t.factId, ev);
          return open(ev);
        }
      } catch (e) {
        app.error(errorMessage(e));
      }
    }
    if (t.evidence) open(t.evidence);
  };
  const openRef = useRef(openTarget);
  openRef.current = openTarget;
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Mounted | null>(null);
  const [chartState, setChartState] = useState<'loading' | 'ok' | 'error'>('loading');
  const [height, setHeight] = useState(420);

  useEffect(() => {
    if (!model) return;
    let alive = true;
    let ro: ResizeObserver | undefined;
    import('../timeline-chart').then(
      (mod) => {
        if (!alive || !box.current) return;
        setHeight(mod.chartHeight(model));
        // Height is applied before init so that the canvas is sized once.
        box.current.style.height = `${mod.chartHeight(model)}px`;
        chart.current = mod.mountTimeline(box.current, model, (t) => void openRef.current(t), (id) => factEvidence.current.get(id));
        ro = new ResizeObserver(() => chart.current?.resize());
        ro.observe(box.current);
        setChartState('ok');
      },
      () => alive && setChartState('error'),
    );
    return () => {
      alive = false;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [model]);

  const entries = [...analysis.timeline].sort((a, b) => (ts(a.firstDate) ?? Infinity) - (ts(b.firstDate) ?? Infinity));
  const main = entries.filter((e) => !e.otherCondition);
  const other = entries.filter((e) => e.otherCondition);
  const empty = !!model && model.rows.length === 0 && model.segments.length === 0;

  return (
    <div class="stack">
      <section class="card chart-card" aria-labelledby="chart-title">
        <div class="section-head">
          <div>
            <h2 id="chart-title" class="h-section">Treatment over time</h2>
            <p class="muted small">
              One row per provider: bars are treatment courses (outlined when recommended or declined but not done),
              {model?.markMode === 'visits' ? ' dots are visits.' : ' circles are their dated sessions and events.'}
              {model && model.measures.length > 0 && ' Below: outcome measures as a share of each scale’s maximum, with the baseline ± MCID band.'}
              {' '}Ctrl + scroll or the slider zooms; click a bar or dot to open its source.
            </p>
          </div>
          {chartState === 'ok' && !empty && <button type="button" class="btn btn-small" onClick={() => chart.current?.reset()}>Reset zoom</button>}
        </div>
        {empty ? (
          <p class="empty-inline">No dated visits or treatment in the record.</p>
        ) : (
          <>
            {chartState === 'loading' && <p class="muted" role="status">Drawing the timeline…</p>}
            {chartState === 'error' && <p class="notice notice-error" role="alert">The chart could not be drawn; the table below has the same treatment.</p>}
            <div ref={box} class="chart" style={{ height: `${height}px` }} />
          </>
        )}
      </section>

      <section class="card" aria-labelledby="ttable-title">
        <h2 id="ttable-title" class="h-section">Treatment tried</h2>
        {main.length === 0 ? (
          <p class="empty-inline">No treatment found in the record.</p>
        ) : (
          <TimelineTable entries={main} onOpen={open} />
        )}
        {other.length > 0 && (
          <details class="details">
            <summary>Care for other conditions ({other.length}) — not treatment of the claimed condition</summary>
            <TimelineTable entries={other} onOpen={open} />
          </details>
        )}
      </section>
      {own && own.length > 0 && (
        <section class="card" aria-labelledby="own-title">
          <h2 id="own-title" class="h-section">The claimant’s own entries</h2>
          <p class="muted small">Notes, expenses and letters the claimant added. They are shown on the timeline but are never medical evidence.</p>
          <table class="table table-compact">
            <thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Title</th><th scope="col" class="num">Amount</th></tr></thead>
            <tbody>
              {own.map((o) => (
                <tr key={o.id}>
                  <td class="nowrap">{fmtDate(o.date)}</td>
                  <td>{humanize(o.kind)}</td>
                  <td>{o.title}{o.text && <div class="muted small">{o.text}</div>}</td>
                  <td class="num">{o.amount != null ? `$${o.amount.toFixed(2)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

function TimelineTable({ entries, onOpen }: { entries: TimelineEntry[]; onOpen: (e: TimelineEntry['evidence'][number]) => void }) {
  return (
    <div class="table-wrap">
      <table class="table table-compact table-timeline">
        <thead>
          <tr>
            <th scope="col">Treatment</th>
            <th scope="col">Dates</th>
            <th scope="col" class="num">Sessions</th>
            <th scope="col">Before → after</th>
            <th scope="col">Status</th>
            <th scope="col">Providers</th>
            <th scope="col">Cited</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => {
            const g = modalityGroup(e.modality);
            const ba = beforeAfter(e);
            return (
              <tr key={i} class={e.evidence[0] ? 'row-link' : undefined} onClick={() => e.evidence[0] && onOpen(e.evidence[0])}>
                <td>
                  <span class="swatch" style={{ background: g.color }} aria-hidden="true" />
                  <span class="strong">{entryLabel(e)}</span>
                  {e.drugClass && <div class="muted small">{e.drugClass}</div>}
                </td>
                <td class="nowrap">{e.firstDate === e.lastDate || !e.lastDate ? fmtDate(e.firstDate) : <>{fmtDate(e.firstDate)} –<br />{fmtDate(e.lastDate)}</>}</td>
                <td class="num">{e.sessions || '—'}</td>
                <td>
                  {ba.length ? ba.map((x) => <div key={x} class="nowrap">{x}</div>) : <span class="muted">—</span>}
                  {e.benefit?.percentRelief != null && <div class="small">{e.benefit.percentRelief}% relief{e.benefit.durationDays ? ` for ${pluralize(e.benefit.durationDays, 'day')}` : ''}</div>}
                </td>
                <td>
                  <span class={`badge ${STATUS_CLASS[e.status] ?? 'badge-neutral'}`}>{humanize(e.status)}</span>
                  {e.reasonStopped && <div class="small">Why stopped: {e.reasonStopped}</div>}
                </td>
                <td class="small">
                  {e.providers.slice(0, 3).map((p) => <div key={p} title={p}>{p.replace(/\s*\([^)]*\)\s*$/, '')}</div>)}
                  {e.providers.length > 3 && <div class="muted" title={e.providers.slice(3).join('; ')}>and {e.providers.length - 3} more</div>}
                </td>
                <td><Citations evidence={e.evidence} max={2} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
