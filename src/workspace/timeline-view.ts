/**
 * What the Timeline screen draws, built on the server from the full analysis: the browser gets provider rows,
 * course bars, visit dots and outcome measures instead of every fact and visit (tens of MB on a 5,000-page case),
 * in two parts: the chart (`TimelineView`), then what it and the course table cite (`TimelineSources`), which
 * is most of the bytes and is not needed to draw. Each course's dated events go to the visit their fact was read
 * at, so the bars sit on the provider actually seen. No Node imports: the UI shares the types.
 */
import type { CaseAnalysis, Evidence, Fact, TimelineEntry } from '../model/index.js';
import { MODALITY_LABEL } from '../model/labels.js';
import { MODALITIES, type ModalityLane } from '../model/modalities.js';

/**
 * A citation in a few bytes, for the long lists (thousands of dots and course citations on a large case):
 * [file as an index into the sources' `files`, page, start, end, quote, exhibit, the evidence's other fields].
 */
export type Cite = [file: number, page: number, start: number, end: number, quote: string, exhibit: string | null, more?: Partial<Evidence>];
type Outcome = Omit<TimelineEntry['outcomeBefore'][number], 'evidence'>;
/**
 * A course as the table lists it: the analysis's entry without its dated events, its outcomes without their
 * evidence (the table shows their values; the chart's measures cite them), with its label and chart lane.
 */
export type CourseRow = Omit<TimelineEntry, 'events' | 'evidence' | 'outcomeBefore' | 'outcomeAfter'> & {
  label: string; lane: ModalityLane; evidence: Cite[]; outcomeBefore: Outcome[]; outcomeAfter: Outcome[];
};
export interface ProviderRow { label: string; specialty?: string }
/**
 * A course at one provider (`entry` indexes the sources' `entries`), with what its tooltip says; overlapping courses
 * at a provider share its row in lanes.
 */
export interface CourseBar {
  row: number; start: number; end: number; lane: number; lanes: number; entry: number;
  label: string; group: ModalityLane; performed: boolean; events: number; evidence?: Evidence;
  status: TimelineEntry['status']; drugClass?: string; reasonStopped?: string;
}
/** A visit: [row, date (ISO), what kind ("Office visit")]; the sources' `visits` say where each is written. */
export type VisitMark = [row: number, date: string, title: string];
/** A course's dated event, drawn only when the record has no dated visits. */
export interface EventMark { row: number; lane: number; lanes: number; date: number; dateText: string; title: string; detail: string; performed: boolean; evidence?: Evidence }
/** A measure's value: [date (ISO), value]; the sources' `points` say where each is written. */
export type MeasurePoint = [date: string, value: number];
export interface Measure { instrument: string; label: string; max: number; higherIsBetter: boolean; mcid?: number; verdict: string; points: MeasurePoint[] }
export interface Marker { kind: 'onset' | 'mmi' | 'dli'; label: string; date: number }

/** GET /timeline: what the chart draws. */
export interface TimelineView {
  /** The analysis drawn (as GET /analysis gives it). */
  version: string;
  rows: ProviderRow[];
  bars: CourseBar[];
  visits: VisitMark[];
  events: EventMark[];
  measures: Measure[];
  markers: Marker[];
  /** The earliest and latest date drawn (null: nothing dated). */
  range: [number, number] | null;
}

/** GET /timeline/sources: the course table, and where each of the chart's visits and measure points is written. */
export interface TimelineSources {
  version: string;
  /** The files the citations name. */
  files: string[];
  entries: CourseRow[];
  /** Of each of the chart's `visits`, in order. */
  visits: (Cite | null)[];
  /** Of each point of each of the chart's `measures`, in order. */
  points: (Cite | null)[][];
}

/** Milliseconds of an ISO date (a year or year-month reads as its first day); null when there is none. */
const ts = (d: string | undefined | null): number | null => {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
};

const humanize = (s: string) => {
  const t = s.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
};
const laneOf = (m: string): ModalityLane => (MODALITIES as Record<string, { lane: ModalityLane } | undefined>)[m]?.lane ?? 'device';

const entryLabel = (e: Pick<TimelineEntry, 'modality' | 'subtype'>) => {
  const base = e.modality === 'medication' && e.subtype ? e.subtype : (MODALITY_LABEL as Record<string, string>)[e.modality] ?? humanize(e.modality);
  return e.modality !== 'medication' && e.subtype ? `${base} — ${e.subtype}` : base;
};

const SCALES: Record<string, { max: number; better: 'lower' | 'higher'; name: string }> = {
  NRS: { max: 10, better: 'lower', name: 'Pain (NRS 0–10)' },
  VAS: { max: 10, better: 'lower', name: 'Pain (VAS)' },
  ODI: { max: 100, better: 'lower', name: 'Oswestry (ODI %)' },
  NDI: { max: 100, better: 'lower', name: 'Neck Disability (NDI %)' },
  LEFS: { max: 80, better: 'higher', name: 'LEFS (0–80)' },
  QuickDASH: { max: 100, better: 'lower', name: 'QuickDASH (0–100)' },
  DASH: { max: 100, better: 'lower', name: 'DASH (0–100)' },
  PSFS: { max: 10, better: 'higher', name: 'PSFS (0–10)' },
};

const NOT_DONE = new Set(['declined', 'denied', 'recommended', 'planned']);
const DAY = 86_400_000;

/** "Anita Okafor, MD (primary care)" → name "Anita Okafor, MD", specialty "primary care". */
function splitProvider(p: string): { key: string; label: string; specialty?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(p);
  const label = (m ? m[1] : p).trim() || p;
  return { key: label.split(',')[0].trim().toLowerCase(), label, specialty: m?.[2] };
}

/** Who most likely gave a course when its events name no visit: the listed provider whose specialty fits the modality. */
const SPECIALTY_HINTS: Record<ModalityLane, RegExp> = {
  therapy: /physical therap|occupational|\bPT\b|\bOT\b|chiro|rehab|acupunct|massage/i,
  injection: /pain|anesthes|interventional|physiatr|physical medicine|spine/i,
  surgery: /surg|orthop/i,
  imaging: /radiolog|imaging/i,
  behavioral: /psycholog|psychiatr|behavior|counsel/i,
  device: /.*/,
  medication: /primary|family|internal|pain|physiatr/i,
};
function primaryProvider(e: TimelineEntry): string | undefined {
  if (e.providers.length <= 1) return e.providers[0];
  const byName = e.modality === 'chiropractic' ? /chiro/i : e.modality === 'psychology' ? /psycholog/i : SPECIALTY_HINTS[laneOf(e.modality)];
  return e.providers.find((p) => byName.test(splitProvider(p).specialty ?? p)) ?? e.providers[0];
}

/** Overlapping courses at one provider share the row in lanes. */
function packLanes<T extends { start: number; end: number }>(items: T[]): (T & { lane: number; lanes: number })[] {
  const sorted = [...items].sort((x, y) => x.start - y.start || y.end - x.end);
  const laneEnds: number[] = [];
  const placed = sorted.map((r) => {
    let lane = laneEnds.findIndex((end) => end + 10 * DAY < r.start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(r.end);
    } else laneEnds[lane] = r.end;
    return { ...r, lane };
  });
  return placed.map((p) => ({ ...p, lanes: Math.max(1, laneEnds.length) }));
}

type Visit = CaseAnalysis['documents'][number]['encounters'][number];

/** `cite` writes evidence compactly, adding its file to `files`. */
function citations() {
  const files: string[] = [];
  const index = new Map<string, number>();
  const cite = (e: Evidence): Cite => {
    const { file, page, start, end, quote, exhibit, ...more } = e;
    let i = index.get(file);
    if (i === undefined) index.set(file, (i = files.push(file) - 1));
    return Object.keys(more).length ? [i, page, start, end, quote, exhibit ?? null, more] : [i, page, start, end, quote, exhibit ?? null];
  };
  return { files, cite };
}
type Span = { start: number; end: number; performed: boolean; events: number; evidence?: Evidence; marks: { date: number; dateText: string; status: string; label: string; evidence?: Evidence }[] };

export function timelineView(a: CaseAnalysis, version: string): { view: TimelineView; sources: TimelineSources } {
  const { files, cite } = citations();
  const allVisits = a.documents.flatMap((d) => d.encounters);
  const visits = allVisits.filter((e) => ts(e.date) != null);
  const factById = new Map(a.facts.map((f) => [f.id, f]));
  const visitById = new Map(allVisits.map((e) => [e.id, e]));
  const rowsByKey = new Map<string, ProviderRow & { first: number }>();
  const touch = (key: string, make: () => ProviderRow, t: number) => {
    const r = rowsByKey.get(key);
    if (r) r.first = Math.min(r.first, t);
    else rowsByKey.set(key, { first: t, ...make() });
  };
  const visitKey = (e: Visit) => e.provider?.trim().toLowerCase() || `~${e.specialty}`;
  const visitRow = (e: Visit): ProviderRow => ({
    label: e.provider ? `${e.provider}${e.credential ? `, ${e.credential}` : ''}` : `${humanize(e.specialty)} (unnamed)`,
    specialty: e.specialty && e.specialty !== 'unknown' ? humanize(e.specialty).toLowerCase() : undefined,
  });
  for (const e of visits) touch(visitKey(e), () => visitRow(e), ts(e.date)!);

  /** The row of a provider as a course names it ("Anita Okafor, MD (primary care)"); created when no visit row fits. */
  const providerRow = (who: string | undefined, t: number) => {
    const p = who ? splitProvider(who) : { key: '~unknown', label: 'Provider not named', specialty: undefined };
    const keys = [...rowsByKey.keys()];
    const known = keys.find((k) => k === p.key) ?? keys.find((k) => rowsByKey.get(k)!.label.toLowerCase().startsWith(p.key))
      // "the treating psychology provider" → the visits of an unnamed psychology provider.
      ?? (who && !p.specialty ? keys.find((k) => k.startsWith('~') && k !== '~unknown' && p.label.toLowerCase().includes(k.slice(1).replace(/_/g, ' '))) : undefined);
    const key = known ?? p.key;
    touch(key, () => ({ label: p.label, specialty: p.specialty }), t);
    return key;
  };

  const raws: (Omit<CourseBar, 'row' | 'lane' | 'lanes'> & { key: string; marks: Span['marks'] })[] = [];
  a.timeline.forEach((entry, index) => {
    if (entry.otherCondition) return;
    const group = laneOf(entry.modality);
    const byProvider = new Map<string, Span>();
    // Each event's fact → the visit it was read at → the provider seen.
    for (const ev of entry.events) {
      const t = ts(ev.date);
      const fact = factById.get(ev.factId);
      const visit = fact ? visitById.get(fact.encounterId) : undefined;
      if (t == null || !visit) continue;
      const key = visitKey(visit);
      touch(key, () => visitRow(visit), t);
      const s = byProvider.get(key) ?? { start: t, end: t, performed: false, events: 0, evidence: fact?.evidence[0], marks: [] };
      s.start = Math.min(s.start, t);
      s.end = Math.max(s.end, t);
      s.events++;
      if (!NOT_DONE.has(ev.status)) s.performed = true;
      byProvider.set(key, s);
    }
    if (byProvider.size === 0) {
      const dated = entry.events.flatMap((ev) => { const t = ts(ev.date); return t == null ? [] : [{ ...ev, t }]; });
      const start = ts(entry.firstDate) ?? (dated.length ? Math.min(...dated.map((d) => d.t)) : null);
      if (start == null) return;
      const end = Math.max(ts(entry.lastDate) ?? start, ...dated.map((d) => d.t));
      byProvider.set(providerRow(primaryProvider(entry), start), {
        start, end, performed: !NOT_DONE.has(entry.status) || dated.some((d) => !NOT_DONE.has(d.status)), events: entry.sessions, evidence: entry.evidence[0],
        // With the visits drawn, a course's own dated events would only repeat them.
        marks: visits.length ? [] : dated.map((d) => ({ date: d.t, dateText: d.date ?? '', status: d.status, label: d.label, evidence: factById.get(d.factId)?.evidence[0] })),
      });
    }
    for (const [key, s] of byProvider) {
      raws.push({
        key, start: s.start, end: s.end, entry: index, label: entryLabel(entry), group, performed: s.performed, events: s.events, evidence: s.evidence ?? entry.evidence[0],
        status: entry.status, drugClass: entry.drugClass, reasonStopped: entry.reasonStopped, marks: s.marks,
      });
    }
  });

  const sorted = [...rowsByKey].sort(([, x], [, y]) => x.first - y.first || x.label.localeCompare(y.label));
  const rowIndex = new Map(sorted.map(([key], i) => [key, i]));
  const rows = sorted.map(([, { label, specialty }]) => ({ label, ...(specialty ? { specialty } : {}) }));

  const bars: CourseBar[] = [];
  const events: EventMark[] = [];
  for (const [key, row] of rowIndex) {
    for (const p of packLanes(raws.filter((r) => r.key === key))) {
      const { marks, key: _k, ...bar } = p;
      void _k;
      bars.push({ ...bar, row });
      for (const m of marks) {
        events.push({
          row, lane: p.lane, lanes: p.lanes, date: m.date, dateText: m.dateText, title: m.label || p.label, detail: humanize(m.status),
          performed: !NOT_DONE.has(m.status), evidence: m.evidence ?? p.evidence,
        });
      }
    }
  }
  const visitMarks = visits.map((e): VisitMark => [rowIndex.get(visitKey(e))!, e.date!, humanize(e.kind === 'unknown' ? 'visit' : e.kind)]);
  const measures = measuresOf(a);
  const markers: Marker[] = [];
  const onset = a.claim.onset ?? a.duration.onset;
  if (ts(onset) != null) markers.push({ kind: 'onset', label: a.claim.type === 'workers_comp' || a.claim.type === 'personal_injury' ? 'Injury' : 'Onset', date: ts(onset)! });
  if (ts(a.mmi.date) != null && (a.mmi.status === 'explicit' || a.mmi.status === 'implied')) markers.push({ kind: 'mmi', label: 'MMI', date: ts(a.mmi.date)! });
  const dli = a.claim.dli ?? a.duration.dli;
  if (ts(dli) != null) markers.push({ kind: 'dli', label: 'DLI', date: ts(dli)! });

  let lo = Infinity;
  let hi = -Infinity;
  const see = (t: number) => { if (t < lo) lo = t; if (t > hi) hi = t; };
  for (const b of bars) { see(b.start); see(b.end); }
  for (const m of [...events, ...markers]) see(m.date);
  for (const v of visits) see(ts(v.date)!);
  for (const m of measures) for (const p of m.dated) see(p.t);

  const outcomes = (points: TimelineEntry['outcomeBefore']) => points.map(({ evidence: _v, ...p }) => p);
  const entries = a.timeline.map(({ events: _e, evidence, outcomeBefore, outcomeAfter, ...e }): CourseRow => ({
    ...e, label: entryLabel(e), lane: laneOf(e.modality), evidence: evidence.map(cite), outcomeBefore: outcomes(outcomeBefore), outcomeAfter: outcomes(outcomeAfter),
  }));
  const citeOf = (e?: Evidence) => (e ? cite(e) : null);
  return {
    view: {
      version, rows, bars, visits: visitMarks, events, markers, range: lo <= hi ? [lo, hi] : null,
      measures: measures.map(({ dated, ...m }) => ({ ...m, points: dated.map((p): MeasurePoint => [p.date!, p.value]) })),
    },
    sources: { version, files, entries, visits: visits.map((e) => citeOf(e.evidence[0])), points: measures.map((m) => m.dated.map((p) => citeOf(p.evidence[0]))) },
  };
}

type Dated = { date?: string; value: number; evidence: Evidence[]; t: number };
type MeasureOf = Omit<Measure, 'points'> & { dated: Dated[] };

/** Outcome measures on a known scale, their points in date order: the trends (with their MCID), else the outcome facts. */
function measuresOf(a: CaseAnalysis): MeasureOf[] {
  const trends = a.trajectory.trends.length
    ? a.trajectory.trends
    : Object.values(a.facts.reduce<Record<string, { instrument: string; points: { value: number; date?: string; evidence: Evidence[] }[]; verdict: string; mcid?: number }>>((acc, f: Fact) => {
      if (f.type !== 'outcome_measure' || f.negated) return acc;
      const k = f.attributes.instrument;
      (acc[k] ??= { instrument: k, points: [], verdict: 'insufficient' }).points.push({ value: f.attributes.value, date: f.date, evidence: f.evidence });
      return acc;
    }, {}));
  const measures: MeasureOf[] = [];
  for (const t of trends) {
    const scale = SCALES[t.instrument];
    if (!scale) continue;
    const dated = t.points.flatMap((p) => { const date = ts(p.date); return date == null ? [] : [{ ...p, t: date }]; }).sort((x, y) => x.t - y.t);
    if (dated.length < 2) continue;
    const max = t.instrument === 'VAS' && dated.some((p) => p.value > 10) ? 100 : scale.max;
    measures.push({ instrument: t.instrument, label: scale.name, max, higherIsBetter: scale.better === 'higher', mcid: t.mcid, verdict: t.verdict, dated });
  }
  return measures;
}
