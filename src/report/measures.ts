/**
 * How outcome measures read in a report: human names with their scale, tidy numbers, and which
 * before → after pairs are worth a reader's attention (function scores first, then pain).
 */
import type { TimelineEntry } from '../model/index.js';
import { instrument } from '../knowledge/instruments.js';

/** Round to at most two decimals and drop trailing zeros: 1.3499999999 → "1.35", 4.50 → "4.5". */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Float noise inside analysis-written sentences ("MCID of 1.3499999999999999") → "MCID of 1.35". Never used on quotes. */
export function tidyNumbers(text: string): string {
  return text.replace(/\d+\.\d{3,}/g, (m) => formatNumber(Number(m)));
}

/** Instrument ids are "ODI", or "ROM:forward flexion" / "strength:ehl" with the motion or muscle after the colon. */
function split(id: string): { base: string; part?: string } {
  const i = id.indexOf(':');
  return i < 0 ? { base: id } : { base: id.slice(0, i), part: id.slice(i + 1).trim() };
}

/** "Pain (NRS 0–10)", "Disability (ODI 0–100)", "Strength: EHL (0–5)", "Range of motion: forward flexion". */
export function instrumentLabel(id: string): string {
  const { base, part } = split(id);
  const info = instrument(base);
  // What the scale measures, in a reader's words, from the lexicon; the catch-all "other" keeps its raw id.
  const what = base === 'other' ? undefined : info?.name;
  const range = info?.min !== undefined && info.max !== undefined ? `${info.min}–${info.max}` : '';
  if (part !== undefined) {
    // Short muscle names are abbreviations (EHL, ADM); longer ones are words.
    const name = part.length <= 3 ? part.toUpperCase() : part;
    return `${what ?? base}: ${name}${range ? ` (${range})` : ''}`;
  }
  if (!what) return id;
  return `${what} (${[base, range].filter(Boolean).join(' ')})`;
}

/** 0 = function scale, 1 = pain, 2 = impairment measures (ROM, strength), 3 = anything else. */
export function instrumentRank(id: string): number {
  const { base } = split(id);
  const info = instrument(base);
  if (info?.functional) return 0;
  if (base === 'NRS' || base === 'VAS') return 1;
  return info && base !== 'other' ? 2 : 3;
}

type Point = TimelineEntry['outcomeBefore'][number];

export interface OutcomePair { instrument: string; label: string; before: Point; after: Point }

/**
 * Before → after pairs worth showing for one treatment: both sides known and measured at different
 * times (a pair from one visit says nothing about the treatment), function scales first, then pain.
 * Impairment measures (ROM, strength) appear only when no function or pain score was paired.
 */
export function outcomePairs(entry: TimelineEntry, max = 3): OutcomePair[] {
  const instruments = [...new Set([...entry.outcomeBefore, ...entry.outcomeAfter].map((p) => p.instrument))];
  const pairs = instruments.flatMap((instrument): OutcomePair[] => {
    const before = entry.outcomeBefore.find((p) => p.instrument === instrument);
    const after = [...entry.outcomeAfter].reverse().find((p) => p.instrument === instrument);
    if (!before || !after) return [];
    if (before.date !== undefined && before.date === after.date) return [];
    return [{ instrument, label: instrumentLabel(instrument), before, after }];
  }).sort((x, y) => instrumentRank(x.instrument) - instrumentRank(y.instrument));
  const primary = pairs.filter((p) => instrumentRank(p.instrument) < 2);
  return (primary.length ? primary : pairs).slice(0, max);
}

/** "Disability (ODI 0–100): 48 → 46" */
export function pairText(p: OutcomePair): string {
  return `${p.label}: ${formatNumber(p.before.value)} → ${formatNumber(p.after.value)}`;
}
