/** Plain-text phrasings shared by the Markdown and HTML reports, so both say the same thing. */
import type { CaseAnalysis, MmiAssessment, TimelineEntry, Trajectory } from '../model/index.js';
import { formatNumber, instrumentRank } from './measures.js';

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

function confidenceWord(c: number): string {
  return c >= 0.75 ? 'high' : c >= 0.5 ? 'moderate' : 'low';
}

/** One-sentence MMI verdict. Implied MMI is always called "inferred", with its confidence. */
export function mmiHeadline(mmi: MmiAssessment): string {
  const conf = `confidence ${percent(mmi.confidence)}, ${confidenceWord(mmi.confidence)}`;
  switch (mmi.status) {
    case 'explicit':
      return `MMI stated by a provider${mmi.date ? ` as of ${mmi.date}` : ''}${mmi.statedBy ? ` (${mmi.statedBy})` : ''}; ${conf}.`;
    case 'implied':
      return `MMI inferred, not stated by any provider${mmi.date ? `: about ${mmi.date}` : ''} (${conf}). ` +
        `The inference comes from the pattern of care${mmi.statedBy ? `, chiefly the visits of ${mmi.statedBy}` : ''}.`;
    case 'not_reached':
      return `MMI not reached: active treatment is still under way or recommended${mmi.date ? ` (as of ${mmi.date})` : ''}; ${conf}.`;
    case 'insufficient_evidence':
      return `Not enough evidence in the record to judge MMI (${conf}).`;
  }
}

export const MMI_STATUS_LABEL: Record<MmiAssessment['status'], string> = {
  explicit: 'Stated (explicit)',
  implied: 'Inferred (implied)',
  not_reached: 'Not reached',
  insufficient_evidence: 'Insufficient evidence',
};

export function dateRange(first?: string, last?: string): string {
  if (!first && !last) return 'undated';
  if (!first || !last || first === last) return (first ?? last)!;
  return `${first} → ${last}`;
}

export function benefitText(entry: TimelineEntry): string {
  const b = entry.benefit;
  if (!b) return '';
  const parts: string[] = [];
  if (b.percentRelief !== undefined) parts.push(`${b.percentRelief}% relief`);
  if (b.durationDays !== undefined) parts.push(`${parts.length ? 'for' : 'relief lasting'} ${b.durationDays} days`);
  return parts.join(' ');
}

export function sessionsText(entry: TimelineEntry): string {
  return entry.sessions > 0 ? String(entry.sessions) : '';
}

export function documentCounts(a: CaseAnalysis): { ok: number; failed: number } {
  const failed = a.documents.filter((d) => d.status === 'error').length;
  return { ok: a.documents.length - failed, failed };
}

export function durationSpan(a: CaseAnalysis): string {
  const d = a.duration;
  return d.months !== undefined ? `${d.months.toFixed(1)} months` : 'unknown';
}

export const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

export function gapsBySeverity(a: CaseAnalysis): CaseAnalysis['gaps'] {
  return [...a.gaps].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
}

type Trend = Trajectory['trends'][number];

/** Function scales first, then pain, then impairment measures; single readings (no trend) last. */
export function trendRows(trends: Trend[]): Trend[] {
  return trends.map((t, i) => ({ t, i, k: (t.verdict === 'insufficient' ? 10 : 0) + instrumentRank(t.instrument) }))
    .sort((x, y) => x.k - y.k || x.i - y.i).map((x) => x.t);
}

/** "58 (2023-03-02) → 56 (2023-03-08) → …" — long series keep the first two and last two readings. */
export function trendValues(trend: Trend, keep = 6): string {
  const fmt = (p: Trend['points'][number]) => `${formatNumber(p.value)}${p.date ? ` (${p.date})` : ''}`;
  const pts = trend.points;
  if (pts.length <= keep) return pts.map(fmt).join(' → ');
  return [...pts.slice(0, 2).map(fmt), `… ${pts.length - 4} more …`, ...pts.slice(-2).map(fmt)].join(' → ');
}

/** Care for conditions other than the claimed one, shown apart from the treatment timeline. */
export const OTHER_CONDITIONS_HEADING = 'Care for other conditions:';
export const OTHER_CONDITIONS_NOTE = 'not treatment of the claimed impairment and not counted in the MMI judgement —';
