/**
 * The executive summary both reports open with: the MMI verdict, duration against 12 months, the
 * most important limitations and the top gaps, each with one citation a reader can check at once.
 */
import type { CaseAnalysis, Evidence, FloorItem } from '../model/index.js';
import { ACTIVITY_LABEL, TWELVE_MONTHS_LABEL, twelveMonthRuleApplies, words } from './labels.js';
import { formatNumber } from './measures.js';
import type { EvidenceRanker } from './relevance.js';
import type { ProviderNames } from './providers.js';
import { SEVERITY_ORDER, mmiHeadline } from './wording.js';
import { pushTo } from '../util/group.js';

export interface SummaryLine { text: string; evidence?: Evidence; severity?: 'high' | 'medium' | 'low' }

export interface ExecutiveSummary {
  mmi: SummaryLine;
  /** The verdict's first three reasons, each with its best citation. */
  reasons: SummaryLine[];
  /** The most important disagreeing opinion, if any. */
  conflict?: SummaryLine;
  /** A withdrawn MMI, if any. */
  prior?: SummaryLine;
  duration: SummaryLine;
  limitations: SummaryLine[];
  gaps: SummaryLine[];
}

const CONSISTENCY_ORDER: Record<FloorItem['consistency'], number> = { corroborated: 0, single_provider: 1, single_visit: 2 };

/** For an MMI date, the evidence dated that day is the visit that marks it; else the latest before it. */
export function mmiEvidence(a: CaseAnalysis, ranker: EvidenceRanker): Evidence | undefined {
  const list = a.mmi.evidence;
  if (a.mmi.status === 'explicit' || !a.mmi.date) return list[0];
  const dated = list.filter((e) => (ranker.dateOf(e) ?? '') <= a.mmi.date!).sort((x, y) => ranker.dateOf(y)!.localeCompare(ranker.dateOf(x)!));
  return list.find((e) => ranker.dateOf(e) === a.mmi.date) ?? dated[0] ?? list[0];
}

function durationLine(a: CaseAnalysis, ranker: EvidenceRanker): SummaryLine {
  const d = a.duration;
  const span = d.months !== undefined ? `${formatNumber(d.months)} months documented` : 'Span not documented';
  const range = d.onset || d.through ? ` (${d.onset ?? '?'} to ${d.through ?? '?'})` : '';
  const dli = d.dli ? `; date last insured ${d.dli}${d.evidenceBeforeDli !== undefined ? `, ${d.evidenceBeforeDli} dated findings on or before it` : ''}` : '';
  const evidence = ranker.spread(d.reasons.flatMap((r) => r.evidence), 1).shown[0];
  const rule = twelveMonthRuleApplies(a.claim.type) ? ` 12 months: ${TWELVE_MONTHS_LABEL[d.meetsTwelveMonths]}` : '';
  return { text: `${span}${range}.${rule}${dli}${rule || dli ? '.' : ''}`, evidence };
}

/** Same stated restriction under several activities ("no lifting over 10 lb, avoid bending") reads once. */
function limitationLines(a: CaseAnalysis, ranker: EvidenceRanker, max: number): SummaryLine[] {
  const groups = new Map<string, FloorItem[]>();
  for (const f of a.functionalFloor) {
    const key = f.summary.toLowerCase().replace(/[\s.;,]+$/g, '').replace(/\s+/g, ' ');
    pushTo(groups, key, f);
  }
  const score = (fs: FloorItem[]) => {
    const best = fs.reduce((x, y) => (CONSISTENCY_ORDER[y.consistency] < CONSISTENCY_ORDER[x.consistency] ? y : x));
    return [CONSISTENCY_ORDER[best.consistency], best.sources.includes('provider') ? 0 : 1, -Math.max(...fs.map((f) => f.visits))];
  };
  const ranked = [...groups.values()].map((fs) => ({ fs, s: score(fs) }))
    .sort((x, y) => x.s[0] - y.s[0] || x.s[1] - y.s[1] || x.s[2] - y.s[2]);
  return ranked.slice(0, max).map(({ fs }) => {
    const activities = fs.map((f) => ACTIVITY_LABEL[f.activity]).join(', ');
    const visits = Math.max(...fs.map((f) => f.visits));
    const providers = new Set(fs.flatMap((f) => f.providers)).size;
    const patientOnly = fs.every((f) => f.sources.every((x) => x === 'patient'));
    const basis = [words(fs[0].consistency), visits > 1 ? `${visits} visits` : '', patientOnly ? 'patient report' : providers > 1 ? `${providers} providers` : ''];
    const summary = fs[0].summary.trim().replace(/[.;,]+$/, '');
    return {
      text: `${activities}: ${summary} (${basis.filter(Boolean).join(', ')})`,
      evidence: ranker.spread(fs.flatMap((f) => f.evidence), 1).shown[0],
    };
  });
}

/** Gaps by severity, one line per distinct title with how often it fired. */
function gapLines(a: CaseAnalysis, names: ProviderNames, max: number): SummaryLine[] {
  const groups = new Map<string, CaseAnalysis['gaps']>();
  // A gap the reviewer dismissed is not one of the gaps that matter.
  for (const g of [...a.gaps].filter((x) => x.review?.state !== 'dismissed').sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity])) {
    pushTo(groups, g.title, g);
  }
  return [...groups.values()].slice(0, max).map((gs) => ({
    severity: gs[0].severity,
    text: `${gs[0].title}${gs.length > 1 ? ` (${gs.length} instances)` : ''}: ask ${names.display([gs[0].request.to])[0]}.`,
    evidence: gs.flatMap((g) => g.evidence)[0],
  }));
}

/** The reviewer's verdict, said as theirs, with the record's reading beside it. */
function overrideLine(o: NonNullable<CaseAnalysis['mmi']['reviewerOverride']>, date: string | undefined): string {
  const words = (x: string) => x.replace(/_/g, ' ');
  return `${words(o.status)}${date ? ` (${date})` : ''}, set by the reviewer: ${o.reason}. The record's reading was ${words(o.original.status)}${o.original.date ? ` (${o.original.date})` : ''}.`;
}

/** A long reason cut at a word boundary for the first page; the full text is in the MMI section. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, text.lastIndexOf(' ', max - 1))} …`;
}

export function executiveSummary(a: CaseAnalysis, ranker: EvidenceRanker, names: ProviderNames): ExecutiveSummary {
  return {
    mmi: { text: a.mmi.reviewerOverride ? overrideLine(a.mmi.reviewerOverride, a.mmi.date) : mmiHeadline(a.mmi), evidence: mmiEvidence(a, ranker) },
    reasons: a.mmi.reasons.slice(0, 3).map((r) => ({ text: shorten(r.text, 260), evidence: r.evidence[0] })),
    conflict: a.mmi.conflicts[0] ? { text: shorten(a.mmi.conflicts[0].text, 220), evidence: a.mmi.conflicts[0].evidence[0] } : undefined,
    prior: a.mmi.priorMmi ? { text: `Earlier MMI${a.mmi.priorMmi.date ? ` of ${a.mmi.priorMmi.date}` : ''} by ${a.mmi.priorMmi.statedBy ?? 'a provider'}, withdrawn: ${a.mmi.priorMmi.reason}`, evidence: a.mmi.priorMmi.evidence[0] } : undefined,
    duration: durationLine(a, ranker),
    limitations: limitationLines(a, ranker, 3),
    gaps: gapLines(a, names, 5),
  };
}
