/**
 * The timeline picture: one lane per modality with a bar from first to last date and a tick per dated
 * event, onset / DLI / MMI markers (stated MMI solid, inferred MMI dashed), and a sparkline per outcome
 * measure on the same time axis. Inline SVG, no scripts; hover titles repeat the details.
 */
import type { CaseAnalysis, Modality, TimelineEntry } from '../model/index.js';
import { instrument } from '../knowledge/instruments.js';
import { html, type Markup } from './html-template.js';
import { MODALITY_LABEL } from './labels.js';
import { formatNumber, instrumentLabel } from './measures.js';
import { percent, trendRows } from './wording.js';
import { pushTo } from '../util/group.js';
import { maxOf, minOf } from '../util/arrays.js';
import { DAYS_PER_MONTH } from '../knowledge/date-math.js';

const W = 960;
const LEFT = 190;
const RIGHT = 24;
const TOP = 44;
const LANE = 26;
const SPARK = 60;
const AXIS = 28;
const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const baseOf = (instrument: string) => instrument.split(':')[0];

/** Day number of an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); undefined when unreadable. */
export function dayOf(iso: string | undefined): number | undefined {
  const m = iso?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

interface Axis { from: number; to: number; x(day: number): number }

function makeAxis(days: number[]): Axis {
  let from = minOf(days);
  let to = maxOf(days);
  const pad = Math.max(10, (to - from) * 0.03);
  from -= pad;
  to += pad;
  return { from, to, x: (d) => LEFT + ((d - from) / (to - from)) * (W - LEFT - RIGHT) };
}

function ticks(axis: Axis): { day: number; label: string }[] {
  const spanMonths = (axis.to - axis.from) / DAYS_PER_MONTH;
  const step = [1, 2, 3, 6, 12, 24, 60].find((s) => spanMonths / s <= 10) ?? 120;
  const start = new Date(axis.from * DAY_MS);
  let y = start.getUTCFullYear();
  let m = Math.ceil((start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0)) / step) * step;
  const out: { day: number; label: string }[] = [];
  for (;;) {
    y += Math.floor(m / 12);
    m %= 12;
    const day = Date.UTC(y, m, 1) / DAY_MS;
    if (day > axis.to) break;
    out.push({ day, label: step >= 12 ? String(y) : `${MONTHS[m]} ${y}` });
    m += step;
  }
  return out;
}

function entryLabel(t: TimelineEntry): string {
  const parts = [`${MODALITY_LABEL[t.modality]}${t.subtype ? ` (${t.subtype}${t.drugClass ? `, ${t.drugClass}` : ''})` : ''}`, `${t.firstDate ?? '?'} to ${t.lastDate ?? '?'}`, t.status];
  if (t.sessions > 0) parts.push(`${t.sessions} session(s)`);
  if (t.providers.length) parts.push(t.providers.join(', '));
  return parts.join('; ');
}

interface Marker { day: number; label: string; kind: 'onset' | 'dli' | 'mmi-explicit' | 'mmi-implied'; title: string }

function markers(a: CaseAnalysis): Marker[] {
  const out: Marker[] = [];
  const onset = dayOf(a.claim.onset ?? a.duration.onset);
  if (onset !== undefined) out.push({ day: onset, label: 'Onset', kind: 'onset', title: `Onset ${a.claim.onset ?? a.duration.onset}` });
  const dli = dayOf(a.claim.dli);
  if (dli !== undefined) out.push({ day: dli, label: 'DLI', kind: 'dli', title: `Date last insured ${a.claim.dli}` });
  const mmi = dayOf(a.mmi.date);
  if (mmi !== undefined && (a.mmi.status === 'explicit' || a.mmi.status === 'implied')) {
    out.push(a.mmi.status === 'explicit'
      ? { day: mmi, label: 'MMI stated', kind: 'mmi-explicit', title: `MMI stated ${a.mmi.date}${a.mmi.statedBy ? ` by ${a.mmi.statedBy}` : ''}` }
      : { day: mmi, label: `MMI inferred (${percent(a.mmi.confidence)})`, kind: 'mmi-implied', title: `MMI inferred about ${a.mmi.date}, confidence ${percent(a.mmi.confidence)}` });
  }
  return out;
}

/** The human label with the scale the line is drawn on ("Pain (NRS 0–10)"; data-scaled ones say so). */
function sparkLabel(instrument: string, max: number): string {
  const label = instrumentLabel(instrument);
  return /\d–\d/.test(label) ? label : `${label} (0–${formatNumber(max)})`;
}

export function timelineSvg(a: CaseAnalysis): Markup | undefined {
  const lanes = new Map<Modality, TimelineEntry[]>();
  for (const t of a.timeline) pushTo(lanes, t.modality, t);
  const trends = trendRows(a.trajectory.trends).filter((t) => t.points.filter((p) => dayOf(p.date) !== undefined).length >= 2);
  const marks = markers(a);

  const dataDays = [
    ...a.timeline.flatMap((t) => [t.firstDate, t.lastDate, ...t.events.map((e) => e.date)]),
    ...trends.flatMap((t) => t.points.map((p) => p.date)),
  ].map(dayOf).filter((d): d is number => d !== undefined);
  if (dataDays.length === 0) return undefined;
  // A marker far outside the record (e.g. a DLI years ahead) would squash the picture: clamp it to the edge.
  const slack = Math.max(180, (maxOf(dataDays) - minOf(dataDays)) * 0.25);
  const lo = minOf(dataDays) - slack;
  const hi = maxOf(dataDays) + slack;
  const axis = makeAxis([...dataDays, ...marks.map((m) => Math.min(hi, Math.max(lo, m.day)))]);

  const laneTop = TOP;
  const sparkTop = laneTop + lanes.size * LANE;
  const height = sparkTop + trends.length * SPARK + AXIS;
  const bottom = height - AXIS;

  const laneRows = [...lanes].map(([modality, entries], i) => {
    const y = laneTop + i * LANE;
    const bars = entries.map((t) => {
      const d1 = dayOf(t.firstDate ?? t.lastDate);
      const d2 = dayOf(t.lastDate ?? t.firstDate);
      if (d1 === undefined || d2 === undefined) return html`<text x="${W - RIGHT}" y="${y + 17}" class="muted" text-anchor="end">undated</text>`;
      const x1 = axis.x(d1);
      const w = Math.max(5, axis.x(d2) - x1);
      return html`<rect class="bar st-${t.status}" x="${x1.toFixed(1)}" y="${y + 6}" width="${w.toFixed(1)}" height="${LANE - 12}" rx="3"><title>${entryLabel(t)}</title></rect>`;
    });
    const events = entries.flatMap((t) => t.events).flatMap((e) => {
      const d = dayOf(e.date);
      if (d === undefined) return [];
      const x = axis.x(d).toFixed(1);
      const title = html`<title>${e.date}: ${e.label} (${e.status})</title>`;
      return e.status === 'declined' || e.status === 'denied'
        ? [html`<g class="ev declined"><path d="M${Number(x) - 4} ${y + 9}l8 8m0 -8l-8 8"/>${title}</g>`]
        : [html`<line class="ev" x1="${x}" x2="${x}" y1="${y + 3}" y2="${y + LANE - 3}">${title}</line>`];
    });
    return {
      bg: html`<rect class="lane-bg${i % 2 ? ' odd' : ''}" x="0" y="${y}" width="${W}" height="${LANE}"/>`,
      fg: html`<g class="lane"><text x="8" y="${y + 17}" class="lane-label">${MODALITY_LABEL[modality]}</text>${bars}${events}</g>`,
    };
  });

  const sparkRows = trends.map((tr, i) => {
    const y = sparkTop + i * SPARK;
    const pts = tr.points.map((p) => ({ d: dayOf(p.date), p })).filter((q): q is { d: number; p: typeof tr.points[number] } => q.d !== undefined).sort((q, r) => q.d - r.d);
    const dataMax = maxOf(pts.map((q) => q.p.value));
    // Scale and direction from the instrument lexicon, so a sparkline shows where a score sits on its own scale.
    const known = instrument(baseOf(tr.instrument));
    // A stated percent (e.g. NDI 44%) can exceed the raw scale maximum: then the data decide the scale.
    const max = known?.max !== undefined && dataMax <= known.max ? known.max : dataMax || 1;
    const direction = known?.better === 'lower' ? ', lower is better' : known?.better === 'higher' ? ', higher is better' : '';
    const yOf = (v: number) => y + SPARK - 10 - (Math.max(0, v) / max) * (SPARK - 20);
    const line = pts.map((q) => `${axis.x(q.d).toFixed(1)},${yOf(q.p.value).toFixed(1)}`).join(' ');
    const first = pts[0];
    const last = pts[pts.length - 1];
    return html`<g class="spark"><text x="8" y="${y + 20}" class="lane-label">${sparkLabel(tr.instrument, max)}</text><text x="8" y="${y + 48}" class="muted">${direction.slice(2)}</text><text x="8" y="${y + 34}" class="muted">${tr.verdict}${tr.mcid !== undefined ? `, MCID ${formatNumber(tr.mcid)}` : ''}</text><polyline points="${line}"/>${pts.map((q) => html`<circle cx="${axis.x(q.d).toFixed(1)}" cy="${yOf(q.p.value).toFixed(1)}" r="3"><title>${tr.instrument} ${formatNumber(q.p.value)} on ${q.p.date}</title></circle>`)}<text class="val" x="${(axis.x(first.d) - 6).toFixed(1)}" y="${(yOf(first.p.value) + 4).toFixed(1)}" text-anchor="end">${formatNumber(first.p.value)}</text><text class="val" x="${(axis.x(last.d) + 6).toFixed(1)}" y="${(yOf(last.p.value) + 4).toFixed(1)}">${formatNumber(last.p.value)}</text></g>`;
  });

  let lastLabelX = -Infinity;
  let row = 0;
  const markerEls = [...marks].sort((m, n) => m.day - n.day).map((m) => {
    const clamped = Math.min(axis.to, Math.max(axis.from, m.day));
    const x = axis.x(clamped);
    row = x - lastLabelX < 110 ? (row + 1) % 3 : 0;
    lastLabelX = x;
    const off = clamped !== m.day ? ` ${isoOf(m.day)} ${m.day > clamped ? '→' : '←'}` : '';
    const ly = 12 + row * 11;
    // Labels near the right edge read leftwards so they stay inside the picture.
    const anchor = x > W - 150 ? 'end' : 'start';
    return html`<g class="mk ${m.kind}"><line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${ly + 3}" y2="${bottom}"/><text x="${(anchor === 'end' ? x - 3 : x + 3).toFixed(1)}" y="${ly}" text-anchor="${anchor}">${m.label}${off}</text><title>${m.title}</title></g>`;
  });

  const axisEls = ticks(axis).map((t) => {
    const x = axis.x(t.day).toFixed(1);
    return html`<line class="tick" x1="${x}" x2="${x}" y1="${laneTop}" y2="${bottom + 4}"/><text class="tick-label" x="${x}" y="${bottom + 18}" text-anchor="middle">${t.label}</text>`;
  });

  const range = `${isoOf(Math.ceil(axis.from))} to ${isoOf(Math.floor(axis.to))}`;
  const mmiDesc = marks.find((m) => m.kind.startsWith('mmi'))?.title;
  const desc = `${lanes.size} treatment lane(s): ${[...lanes.keys()].map((m) => MODALITY_LABEL[m]).join(', ')}; ` +
    `${trends.length} outcome measure trend(s); time axis ${range}.${mmiDesc ? ` ${mmiDesc}.` : ''} The treatment table below gives the same facts as text.`;

  return html`<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-labelledby="tl-title tl-desc"><title id="tl-title">Treatment timeline</title><desc id="tl-desc">${desc}</desc><defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#9a3b3b" stroke-width="2"/></pattern></defs>${laneRows.map((r) => r.bg)}${trends.map((_, i) => html`<rect class="lane-bg spark-bg" x="0" y="${sparkTop + i * SPARK}" width="${W}" height="${SPARK}"/>`)}${axisEls}${laneRows.map((r) => r.fg)}${sparkRows}${markerEls}</svg>`;
}
