/** What the timeline chart and table draw, derived from the analysis (no chart library here). */
import type { CaseAnalysis, Evidence, TimelineEntry, Visit } from './types';
import { humanize, modalityLabel } from './format';
import { MODALITIES, type ModalityLane } from '../../src/model/modalities.js';

const LANES: { id: ModalityLane; label: string; color: string }[] = [
  { id: 'therapy', label: 'Therapy & exercise', color: '#1f7a73' },
  { id: 'medication', label: 'Medication', color: '#6a55b0' },
  { id: 'injection', label: 'Injections & ablation', color: '#c2641a' },
  { id: 'surgery', label: 'Surgery & consults', color: '#b0303f' },
  { id: 'behavioral', label: 'Psychology & programs', color: '#3f7d36' },
  { id: 'imaging', label: 'Imaging', color: '#4f6b85' },
  { id: 'device', label: 'Devices', color: '#8a6a2e' },
];
/** The chart's lanes, each with the modalities the shared table draws in it. */
export const MODALITY_GROUPS: { id: string; label: string; color: string; modalities: string[] }[] = LANES.map((l) => ({
  ...l, modalities: Object.entries(MODALITIES).filter(([, row]) => row.lane === l.id).map(([m]) => m),
}));

export function modalityGroup(m: string) {
  return MODALITY_GROUPS.find((g) => g.modalities.includes(m)) ?? MODALITY_GROUPS[MODALITY_GROUPS.length - 1];
}

export const ts = (d: string | undefined | null): number | null => {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
};

export interface ProviderRow { key: string; label: string; specialty?: string; first: number; kind?: 'provider' | 'claimant' }
/** A dated mark on a row: a visit (from the encounters), a dated event of a course, or a claimant's own entry. */
export interface Mark {
  row: number; lane: number; lanes: number; date: number; dateText: string;
  kind: 'visit' | 'event' | 'entry'; title: string; detail: string; performed: boolean;
  evidence?: Evidence; factId?: string; color?: string;
}
export interface Segment {
  row: number; start: number; end: number; lane: number; lanes: number;
  entry: TimelineEntry; label: string; group: string; color: string; performed: boolean; events: number; evidence?: Evidence;
}
export interface Measure { instrument: string; label: string; max: number; higherIsBetter: boolean; mcid?: number; verdict: string; points: { date: number; dateText: string; value: number; evidence?: Evidence }[] }
export interface OwnEntry { id: number | string; date: string; kind: string; title: string; text?: string; amount?: number }

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

export const entryLabel = (e: TimelineEntry) => {
  const base = e.modality === 'medication' && e.subtype ? e.subtype : modalityLabel(e.modality);
  return e.modality !== 'medication' && e.subtype ? `${base} — ${e.subtype}` : base;
};

const NOT_DONE = new Set(['declined', 'denied', 'recommended', 'planned']);

export interface TimelineModel {
  rows: ProviderRow[];
  marks: Mark[];
  segments: Segment[];
  measures: Measure[];
  markers: { label: string; date: number; dateText: string; color: string }[];
  range: [number, number] | null;
  /** "visits" when the encounters were available (one dot per visit); "events" when dots are the courses' dated events. */
  markMode: 'visits' | 'events';
}

/** "Anita Okafor, MD (primary care)" → name "Anita Okafor, MD", specialty "primary care". */
function splitProvider(p: string): { key: string; label: string; specialty?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(p);
  const label = (m ? m[1] : p).trim() || p;
  return { key: label.split(',')[0].trim().toLowerCase(), label, specialty: m?.[2] };
}

/** Who most likely gave a course when the visits are not known: the listed provider whose specialty fits the modality. */
const SPECIALTY_HINTS: Record<string, RegExp> = {
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
  const hint = SPECIALTY_HINTS[modalityGroup(e.modality).id];
  const byName = e.modality === 'chiropractic' ? /chiro/i : e.modality === 'psychology' ? /psycholog/i : hint;
  return e.providers.find((p) => byName?.test(splitProvider(p).specialty ?? p)) ?? e.providers[0];
}

const DAY = 86_400_000;

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
    return { ...r, lane, lanes: 0 };
  });
  return placed.map((p) => ({ ...p, lanes: Math.max(1, laneEnds.length) }));
}

/**
 * `visits`: the case's dated visits from GET /encounters (the workspace API sends the analysis without its facts and
 * encounter lists); null or absent when that call failed: the dots are then the courses' dated events.
 */
export function buildTimeline(a: CaseAnalysis, own: OwnEntry[] = [], visits?: Visit[] | null): TimelineModel {
  const docEncounters: Visit[] = a.documents.flatMap((d) => (d.encounters ?? []).map((e) => ({ ...e, file: d.file })));
  const factById = new Map(a.facts.map((f) => [f.id, f]));
  // The CLI's JSON has facts and encounters: each event's fact names its visit (precise).
  const precise = docEncounters.length > 0 && factById.size > 0;
  // Otherwise, with the visits from the API: an event goes to the visit of the same date (byVisits).
  const encounters: Visit[] = precise ? docEncounters : (visits ?? []).filter((e) => ts(e.date) != null);
  const byVisits = !precise && encounters.length > 0;
  const withVisits = precise || byVisits;
  const encById = new Map(encounters.map((e) => [e.id, e]));
  const visitsByDate = new Map<string, Visit[]>();
  if (byVisits) for (const e of encounters) visitsByDate.set(e.date!, [...(visitsByDate.get(e.date!) ?? []), e]);
  const rowsByKey = new Map<string, ProviderRow>();
  const touch = (key: string, make: () => Omit<ProviderRow, 'first' | 'key'>, t: number | null) => {
    const r = rowsByKey.get(key);
    const when = t ?? Number.MAX_SAFE_INTEGER;
    if (r) r.first = Math.min(r.first, when);
    else rowsByKey.set(key, { key, first: when, ...make() });
  };
  const encKey = (e: { provider?: string | null; specialty: string }) => e.provider?.trim().toLowerCase() || `~${e.specialty}`;
  const encRow = (e: { provider?: string | null; credential?: string | null; specialty: string }) => ({
    label: e.provider ? `${e.provider}${e.credential ? `, ${e.credential}` : ''}` : `${humanize(e.specialty)} (unnamed)`,
    specialty: e.specialty && e.specialty !== 'unknown' ? humanize(e.specialty).toLowerCase() : undefined,
  });

  type Raw = Omit<Segment, 'row' | 'lane' | 'lanes'> & { key: string; eventMarks: { date: number; dateText: string; status: string; label: string; factId: string }[] };
  const raws: Raw[] = [];
  if (withVisits) for (const e of encounters) if (e.date) touch(encKey(e), () => encRow(e), ts(e.date));

  /** The row of a provider as a course names it ("Anita Okafor, MD (primary care)"); created when no visit row fits. */
  const providerRow = (who: string | undefined, t: number) => {
    const p = who ? splitProvider(who) : { key: '~unknown', label: 'Provider not named', specialty: undefined };
    const rows = [...rowsByKey.values()].filter((r) => r.kind !== 'claimant');
    const known = rows.find((r) => r.key === p.key) ?? rows.find((r) => r.label.toLowerCase().startsWith(p.key))
      // "the treating psychology provider" → the visits of an unnamed psychology provider.
      ?? (who && !p.specialty ? rows.find((r) => r.key.startsWith('~') && r.key !== '~unknown' && p.label.toLowerCase().includes(r.key.slice(1).replace(/_/g, ' '))) : undefined);
    const key = known?.key ?? p.key;
    touch(key, () => ({ label: p.label, specialty: p.specialty }), t);
    return key;
  };
  /** The visit an event of a course happened at: same date, preferably one of the course's providers. */
  const visitOf = (entry: TimelineEntry, date: string | undefined): Visit | undefined => {
    const same = date ? visitsByDate.get(date.slice(0, 10)) : undefined;
    if (!same?.length) return undefined;
    if (same.length === 1) return same[0];
    const named = new Set(entry.providers.map((p) => splitProvider(p).key));
    const hint = SPECIALTY_HINTS[modalityGroup(entry.modality).id];
    return same.find((v) => named.has(encKey(v)) && hint?.test(v.specialty.replace(/_/g, ' ')))
      ?? same.find((v) => named.has(encKey(v)))
      ?? same.find((v) => hint?.test(v.specialty.replace(/_/g, ' ')))
      ?? same[0];
  };

  for (const entry of a.timeline) {
    if (entry.otherCondition) continue;
    const group = modalityGroup(entry.modality);
    const byProvider = new Map<string, { start: number; end: number; performed: boolean; events: number; evidence?: Evidence; marks: Raw['eventMarks'] }>();
    if (precise) {
      // Each event's fact → its encounter → the provider seen.
      for (const ev of entry.events) {
        const t = ts(ev.date);
        const fact = factById.get(ev.factId);
        const enc = fact ? encById.get(fact.encounterId) : undefined;
        if (t == null || !enc) continue;
        const key = encKey(enc);
        touch(key, () => encRow(enc), t);
        const s = byProvider.get(key) ?? { start: t, end: t, performed: false, events: 0, evidence: fact?.evidence[0], marks: [] };
        s.start = Math.min(s.start, t);
        s.end = Math.max(s.end, t);
        s.events++;
        if (!NOT_DONE.has(ev.status)) s.performed = true;
        byProvider.set(key, s);
      }
    } else if (byVisits) {
      // Each dated event → the visit on that date → its provider; events on no visit's date go to the course's
      // likeliest provider, so that the bars still span the whole course.
      const loose: { t: number; status: string }[] = [];
      for (const ev of entry.events) {
        const t = ts(ev.date);
        if (t == null) continue;
        const v = visitOf(entry, ev.date);
        if (!v) {
          loose.push({ t, status: ev.status });
          continue;
        }
        const key = encKey(v);
        const s = byProvider.get(key) ?? { start: t, end: t, performed: false, events: 0, evidence: entry.evidence.find((x) => x.file === v.file), marks: [] };
        s.start = Math.min(s.start, t);
        s.end = Math.max(s.end, t);
        s.events++;
        if (!NOT_DONE.has(ev.status)) s.performed = true;
        byProvider.set(key, s);
      }
      if (byProvider.size > 0 && loose.length > 0) {
        const key = providerRow(primaryProvider(entry), Math.min(...loose.map((l) => l.t)));
        const s = byProvider.get(key) ?? { start: loose[0].t, end: loose[0].t, performed: false, events: 0, evidence: undefined, marks: [] };
        for (const l of loose) {
          s.start = Math.min(s.start, l.t);
          s.end = Math.max(s.end, l.t);
          s.events++;
          if (!NOT_DONE.has(l.status)) s.performed = true;
        }
        byProvider.set(key, s);
      }
    }
    if (byProvider.size === 0) {
      const dated = entry.events.map((ev) => ({ ...ev, t: ts(ev.date) })).filter((ev) => ev.t != null) as (TimelineEntry['events'][number] & { t: number })[];
      const start = ts(entry.firstDate) ?? (dated.length ? Math.min(...dated.map((d) => d.t)) : null);
      if (start == null) continue;
      const end = Math.max(ts(entry.lastDate) ?? start, ...dated.map((d) => d.t));
      const key = providerRow(primaryProvider(entry), start);
      byProvider.set(key, {
        start, end, performed: !NOT_DONE.has(entry.status) || dated.some((d) => !NOT_DONE.has(d.status)), events: entry.sessions, evidence: entry.evidence[0],
        // With the visits drawn, a course's own dated events would only repeat them.
        marks: withVisits ? [] : dated.map((d) => ({ date: d.t, dateText: d.date ?? '', status: d.status, label: d.label, factId: d.factId })),
      });
    }
    for (const [key, s] of byProvider) {
      raws.push({ key, start: s.start, end: s.end, entry, label: entryLabel(entry), group: group.id, color: group.color, performed: s.performed, events: s.events, evidence: s.evidence ?? entry.evidence[0], eventMarks: s.marks });
    }
  }

  if (own.length) {
    const first = Math.min(...own.map((o) => ts(o.date) ?? Number.MAX_SAFE_INTEGER));
    rowsByKey.set('~claimant', { key: '~claimant', label: 'Claimant’s own entries', specialty: 'not medical evidence', first, kind: 'claimant' });
  }
  const rows = [...rowsByKey.values()].sort((x, y) => (x.kind === 'claimant' ? 1 : 0) - (y.kind === 'claimant' ? 1 : 0) || x.first - y.first || x.label.localeCompare(y.label));
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));

  const segments: Segment[] = [];
  const marks: Mark[] = [];
  for (const [key, i] of rowIndex) {
    for (const p of packLanes(raws.filter((r) => r.key === key))) {
      const { eventMarks, key: _k, ...seg } = p;
      void _k;
      segments.push({ ...seg, row: i });
      for (const m of eventMarks) {
        marks.push({
          row: i, lane: p.lane, lanes: p.lanes, date: m.date, dateText: m.dateText, kind: 'event', title: m.label || p.label,
          detail: humanize(m.status), performed: !NOT_DONE.has(m.status), factId: m.factId, evidence: p.evidence, color: p.color,
        });
      }
    }
  }
  if (withVisits) {
    for (const e of encounters) {
      const t = ts(e.date);
      const row = t == null ? undefined : rowIndex.get(encKey(e));
      if (t == null || row == null) continue;
      marks.push({ row, lane: 0, lanes: 1, date: t, dateText: e.date!, kind: 'visit', title: humanize(e.kind === 'unknown' ? 'visit' : e.kind), detail: rows[row].label, performed: true, evidence: e.evidence[0] });
    }
  }
  const claimantRow = rowIndex.get('~claimant');
  if (claimantRow != null) {
    for (const o of own) {
      const t = ts(o.date);
      if (t == null) continue;
      marks.push({ row: claimantRow, lane: 0, lanes: 1, date: t, dateText: o.date, kind: 'entry', title: o.title, detail: `${humanize(o.kind)}${o.amount != null ? ` · $${o.amount.toFixed(2)}` : ''}${o.text ? ` — ${o.text}` : ''}`, performed: true, color: '#7a5c00' });
    }
  }

  // Outcome measures: the trends (with their MCID), else the outcome facts.
  const measures: Measure[] = [];
  const trends = a.trajectory.trends.length
    ? a.trajectory.trends
    : Object.values(
        a.facts.reduce<Record<string, { instrument: string; points: { value: number; date?: string; evidence: Evidence[] }[]; verdict: string; mcid?: number }>>((acc, f) => {
          if (f.type !== 'outcome_measure' || f.negated) return acc;
          const k = f.attributes.instrument;
          (acc[k] ??= { instrument: k, points: [], verdict: 'insufficient' }).points.push({ value: f.attributes.value, date: f.date, evidence: f.evidence });
          return acc;
        }, {}),
      );
  for (const t of trends) {
    const scale = SCALES[t.instrument];
    if (!scale) continue;
    const pts: Measure['points'] = [];
    for (const p of t.points) {
      const date = ts(p.date);
      if (date != null) pts.push({ date, dateText: p.date ?? '', value: p.value, evidence: p.evidence[0] as Evidence | undefined });
    }
    pts.sort((x, y) => x.date - y.date);
    if (pts.length < 2) continue;
    const max = t.instrument === 'VAS' && pts.some((p) => p.value > 10) ? 100 : scale.max;
    measures.push({ instrument: t.instrument, label: scale.name, max, higherIsBetter: scale.better === 'higher', mcid: t.mcid, verdict: t.verdict, points: pts });
  }

  const markers: TimelineModel['markers'] = [];
  const onset = a.claim.onset ?? a.duration.onset;
  const claimType = a.claim.type;
  if (ts(onset) != null) markers.push({ label: claimType === 'workers_comp' || claimType === 'personal_injury' ? 'Injury' : 'Onset', date: ts(onset)!, dateText: onset!, color: '#444c5c' });
  if (ts(a.mmi.date) != null && (a.mmi.status === 'explicit' || a.mmi.status === 'implied')) markers.push({ label: 'MMI', date: ts(a.mmi.date)!, dateText: a.mmi.date!, color: '#b0303f' });
  const dli = a.claim.dli ?? a.duration.dli;
  if (ts(dli) != null) markers.push({ label: 'DLI', date: ts(dli)!, dateText: dli!, color: '#1d4f7a' });

  const all = [...segments.flatMap((s) => [s.start, s.end]), ...marks.map((v) => v.date), ...markers.map((m) => m.date), ...measures.flatMap((m) => m.points.map((p) => p.date))];
  const range: [number, number] | null = all.length ? [Math.min(...all), Math.max(...all)] : null;

  return { rows, marks, segments, measures, markers, range, markMode: withVisits ? 'visits' : 'events' };
}

export const MEASURE_COLORS = ['#b0303f', '#1d4f7a', '#1f7a73', '#c2641a', '#6a55b0', '#3f7d36'];
