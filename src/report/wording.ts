/** Plain-text phrasings shared by the Markdown and HTML reports, so both say the same thing. */
import type { CaseAnalysis, MmiAssessment, TimelineEntry } from '../model/index.js';

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

/** "ODI 56 → 52; NRS 8 → 7", pairing the first value before and the last after, per instrument. */
export function beforeAfter(entry: TimelineEntry): string {
  const instruments = [...new Set([...entry.outcomeBefore, ...entry.outcomeAfter].map((p) => p.instrument))];
  return instruments.map((inst) => {
    const before = entry.outcomeBefore.find((p) => p.instrument === inst);
    const after = [...entry.outcomeAfter].reverse().find((p) => p.instrument === inst);
    return `${inst} ${before ? before.value : '?'} → ${after ? after.value : '?'}`;
  }).join('; ');
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
