/**
 * What the timeline chart draws: the server's timeline (GET /timeline: provider rows, course bars, visits, measures,
 * markers; what they cite comes after, from GET /timeline/sources) with the claimant's own entries on a row of
 * their own, and the colours (no chart library here).
 */
import type { ModalityLane } from '../../src/model/modalities.js';
import type { Cite, CourseBar, Measure, TimelineView, VisitMark } from '../../src/workspace/timeline-view.js';
import type { Evidence } from './types';
import { humanize } from './format';

/** The chart's lanes, in legend order, with their colours. */
export const MODALITY_GROUPS: { id: ModalityLane; label: string; color: string }[] = [
  { id: 'therapy', label: 'Therapy & exercise', color: '#1f7a73' },
  { id: 'medication', label: 'Medication', color: '#6a55b0' },
  { id: 'injection', label: 'Injections & ablation', color: '#c2641a' },
  { id: 'surgery', label: 'Surgery & consults', color: '#b0303f' },
  { id: 'behavioral', label: 'Psychology & programs', color: '#3f7d36' },
  { id: 'imaging', label: 'Imaging', color: '#4f6b85' },
  { id: 'device', label: 'Devices', color: '#8a6a2e' },
];
export const laneColor = (lane: ModalityLane) => (MODALITY_GROUPS.find((g) => g.id === lane) ?? MODALITY_GROUPS[MODALITY_GROUPS.length - 1]).color;

const MARKER_COLORS: Record<TimelineView['markers'][number]['kind'], string> = { onset: '#444c5c', mmi: '#b0303f', dli: '#1d4f7a' };
export const MEASURE_COLORS = ['#b0303f', '#1d4f7a', '#1f7a73', '#c2641a', '#6a55b0', '#3f7d36'];

export const ts = (d: string | undefined | null): number | null => {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
};

/** The evidence a compact citation stands for. */
export const evidenceOf = (files: string[], [file, page, start, end, quote, exhibit, more]: Cite): Evidence => ({
  ...more, file: files[file], page, start, end, quote, ...(exhibit != null ? { exhibit } : {}),
});

export interface ChartRow { label: string; specialty?: string }
/** A mark drawn in its own shape: a course's dated event (when the record has no dated visits) or a claimant's entry. */
export interface Mark {
  row: number; lane: number; lanes: number; date: number; dateText: string;
  kind: 'event' | 'entry'; title: string; detail: string; performed: boolean; evidence?: Evidence;
}
export interface OwnEntry { id: number | string; date: string; kind: string; title: string; text?: string; amount?: number }

export interface TimelineModel {
  rows: ChartRow[];
  bars: CourseBar[];
  visits: VisitMark[];
  marks: Mark[];
  measures: Measure[];
  markers: { label: string; date: number; color: string }[];
  range: [number, number] | null;
  /** "visits" when the record has dated visits (one dot each); "events" when the dots are the courses' dated events. */
  markMode: 'visits' | 'events';
}

export function chartModel(v: TimelineView, own: OwnEntry[]): TimelineModel {
  const rows: ChartRow[] = [...v.rows];
  const marks: Mark[] = v.events.map((e) => ({ ...e, kind: 'event' }));
  const dated = own.filter((o) => ts(o.date) != null);
  if (own.length) {
    const row = rows.push({ label: 'Claimant’s own entries', specialty: 'not medical evidence' }) - 1;
    for (const o of dated) {
      marks.push({
        row, lane: 0, lanes: 1, date: ts(o.date)!, dateText: o.date, kind: 'entry', title: o.title, performed: true,
        detail: `${humanize(o.kind)}${o.amount != null ? ` · $${o.amount.toFixed(2)}` : ''}${o.text ? ` — ${o.text}` : ''}`,
      });
    }
  }
  const ownDates = dated.map((o) => ts(o.date)!);
  const range: [number, number] | null = v.range || ownDates.length
    ? [Math.min(...ownDates, v.range?.[0] ?? Infinity), Math.max(...ownDates, v.range?.[1] ?? -Infinity)]
    : null;
  return {
    rows, bars: v.bars, visits: v.visits, marks, measures: v.measures, range,
    markers: v.markers.map((k) => ({ label: k.label, date: k.date, color: MARKER_COLORS[k.kind] })),
    markMode: v.visits.length > 0 ? 'visits' : 'events',
  };
}
