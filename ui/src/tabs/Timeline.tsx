import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useOpenEvidence } from '../app-context';
import { Citations } from '../components/Citation';
import { fmtDate, humanize, pluralize } from '../format';
import { chartModel, evidenceOf, laneColor, ts, type OwnEntry } from '../timeline-model';
import { ownEntriesOf, sourcesOf, timelineOf } from '../timeline-data';
import type { Target } from '../timeline-chart';
import type { CaseAnalysis, ClaimantEntry, Evidence, TimelineSources, TimelineView } from '../types';
import type { CaseCtx } from '../screens/CaseView';

type Mounted = { resize(): void; dispose(): void; reset(): void };
type Course = TimelineSources['entries'][number];

/** The chart library is fetched as the tab opens, while its data is on the way. */
const loadChart = () => import('../timeline-chart');

/** Readies the tab while the page is idle on another: its chart library and data, so that switching to it only draws. */
export function warmTimeline(id: string, analysis: CaseAnalysis): void {
  loadChart().catch(() => undefined);
  timelineOf(id, analysis).catch(() => undefined);
  ownEntriesOf(id).catch(() => undefined);
}

const KEY_MEASURES = ['NRS', 'VAS', 'ODI', 'NDI', 'LEFS', 'QuickDASH', 'DASH', 'PSFS'];

function beforeAfter(e: Course): string[] {
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
  const [own, setOwn] = useState<ClaimantEntry[] | null>(null);
  const [view, setView] = useState<TimelineView | null>(null);
  const [chartState, setChartState] = useState<'loading' | 'drawn' | 'error'>('loading');

  useEffect(() => {
    let alive = true;
    ownEntriesOf(ctx.id).then((r) => alive && setOwn(r.entries), () => alive && setOwn([]));
    return () => {
      alive = false;
    };
  }, [ctx.id]);

  useEffect(() => {
    let alive = true;
    timelineOf(ctx.id, analysis).then((v) => alive && setView(v), () => alive && setChartState('error'));
    loadChart().catch(() => undefined); // a failure is reported where the chart is drawn
    return () => {
      alive = false;
    };
  }, [ctx.id, analysis]);

  const model = useMemo(() => (view && own ? chartModel(view, own as OwnEntry[]) : null), [view, own]);
  const empty = !!model && model.rows.length === 0 && model.bars.length === 0;
  const drawn = chartState !== 'loading' || empty;

  // What the chart and the table cite: most of the bytes and not needed to draw, so asked for once it is drawn.
  const [sources, setSources] = useState<TimelineSources | null>(null);
  const [sourcesFailed, setSourcesFailed] = useState(false);
  // For the chart, only those of the timeline drawn (after a correction the table keeps the last ones until the new come).
  const sourcesRef = useRef(sources);
  sourcesRef.current = sources?.version === view?.version ? sources : null;
  const pending = useRef<Promise<TimelineSources | null> | null>(null);
  useEffect(() => {
    if (!view || !drawn) return;
    let alive = true;
    // Once the page is idle after the chart's frame: not to hold up the frame that shows it.
    const idle = new Promise<void>((go) => requestIdleCallback(() => go(), { timeout: 300 }));
    const p = idle.then(() => sourcesOf(ctx.id, view)).then((s) => {
      if (s.version === view.version) return s;
      void ctx.reload(); // the analysis changed meanwhile: the case is read again, and its timeline with it
      return null;
    }, () => null);
    pending.current = p;
    p.then((s) => alive && (s ? setSources(s) : setSourcesFailed(true)));
    return () => {
      alive = false;
    };
  }, [view, drawn]);

  const openTarget = async (t: Target) => {
    if ('evidence' in t) return open(t.evidence);
    const s = sourcesRef.current ?? (await pending.current);
    const c = s && ('visit' in t ? s.visits[t.visit] : s.points[t.measure]?.[t.point]);
    if (s && c) open(evidenceOf(s.files, c));
  };
  const openRef = useRef(openTarget);
  openRef.current = openTarget;
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Mounted | null>(null);
  const [height, setHeight] = useState(420);

  // Drawn in the frame that shows its data, once the chart library is loaded (it is fetched as the tab opens).
  useLayoutEffect(() => {
    if (!model) return;
    let alive = true;
    let ro: ResizeObserver | undefined;
    setChartState('loading');
    loadChart().then(
      (mod) => {
        if (!alive || !box.current) return;
        const el = box.current;
        setHeight(mod.chartHeight(model));
        // Height is applied before init so that the canvas is sized once.
        el.style.height = `${mod.chartHeight(model)}px`;
        chart.current = mod.mountTimeline(el, model, (t) => void openRef.current(t), () => sourcesRef.current);
        setChartState('drawn');
        // Redraw only when the box changes size: the observer's first report is the size it was drawn at (read then,
        // not here, where reading it would lay the page out once more).
        let size = '';
        ro = new ResizeObserver(() => {
          const now = `${el.clientWidth}x${el.clientHeight}`;
          if (size && now !== size) chart.current?.resize();
          size = now;
        });
        ro.observe(el);
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

  const [main, other] = useMemo(() => {
    const entries = [...(sources?.entries ?? [])].sort((a, b) => (ts(a.firstDate) ?? Infinity) - (ts(b.firstDate) ?? Infinity));
    return [entries.filter((e) => !e.otherCondition), entries.filter((e) => e.otherCondition)];
  }, [sources]);
  // The same element while the data is: the chart's state changes do not draw the table again.
  const mainTable = useMemo(() => sources && main.length > 0 && <TimelineTable entries={main} files={sources.files} onOpen={open} />, [main]);
  // Drawn only once opened: a long case has hundreds of such rows.
  const [otherOpen, setOtherOpen] = useState(false);

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
          {chartState === 'drawn' && !empty && <button type="button" class="btn btn-small" onClick={() => chart.current?.reset()}>Reset zoom</button>}
        </div>
        {empty ? (
          <p class="empty-inline">No dated visits or treatment in the record.</p>
        ) : (
          <>
            {chartState === 'loading' && <p class="muted" role="status">Drawing the timeline…</p>}
            {chartState === 'error' && <p class="notice notice-error" role="alert">The chart could not be drawn{view ? '; the table below has the same treatment' : ''}.</p>}
            <div ref={box} class="chart" data-testid="timeline-chart" aria-busy={chartState === 'loading'} style={{ height: `${height}px` }} />
          </>
        )}
      </section>

      <section class="card below-fold" aria-labelledby="ttable-title">
        <h2 id="ttable-title" class="h-section">Treatment tried</h2>
        {!sources ? (
          <p class="muted">{sourcesFailed || (!view && chartState === 'error') ? 'The treatment could not be loaded.' : 'Loading the treatment…'}</p>
        ) : main.length === 0 ? (
          <p class="empty-inline">No treatment found in the record.</p>
        ) : mainTable}
        {sources && other.length > 0 && (
          <details class="details" onToggle={(e) => setOtherOpen((e.currentTarget as HTMLDetailsElement).open)}>
            <summary>Care for other conditions ({other.length}) — not treatment of the claimed condition</summary>
            {otherOpen && <TimelineTable entries={other} files={sources.files} onOpen={open} />}
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

/** Rows drawn at first: a 5,000-page case can list hundreds of courses; the rest come on request. */
const FIRST_ROWS = 50;

function TimelineTable({ entries, files, onOpen }: { entries: Course[]; files: string[]; onOpen: (e: Evidence) => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? entries : entries.slice(0, FIRST_ROWS);
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
          {shown.map((e, i) => {
            const ba = beforeAfter(e);
            const cited = e.evidence.map((c) => evidenceOf(files, c));
            return (
              <tr key={i} class={cited[0] ? 'row-link' : undefined} onClick={() => cited[0] && onOpen(cited[0])}>
                <td>
                  <span class="swatch" style={{ background: laneColor(e.lane) }} aria-hidden="true" />
                  <span class="strong">{e.label}</span>
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
                <td><Citations evidence={cited} max={2} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length < entries.length && (
        <p><button type="button" class="btn" onClick={() => setAll(true)}>Show all {entries.length} treatments ({entries.length - shown.length} not shown)</button></p>
      )}
    </div>
  );
}
