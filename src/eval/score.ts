/** Pure scoring of one analysis against its truth, and aggregation over cases. */
import type { CaseAnalysis, Fact } from '../model/index.js';
import { isAssertedFact } from '../model/index.js';
import { GAP_RULE_IDS, type Truth, type TruthFact, type TruthFactType } from '../synth/truth.js';

export const DATE_TOLERANCE_DAYS = 7;
export const SCORED_TYPES: TruthFactType[] = ['treatment', 'outcome_measure', 'benefit', 'limitation', 'objective_finding', 'plan_signal'];

export interface Counts { tp: number; fp: number; fn: number }
export interface CaseScore {
  case: string;
  mmi: { truth: string; predicted: string; dateErrorDays?: number };
  facts: Record<string, Counts>;
  /** True when the truth lists every fact, so false positives are counted. */
  precisionScored: boolean;
  gaps: Counts & { missing: string[]; extra: string[] };
  citations: { checked: number; invalid: number };
  distractorHits: string[];
}

const dayMs = 86_400_000;
const dayDiff = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / dayMs;

/**
 * Plan signals not scored: `new_treatment` is derived from the started / recommended treatment itself, which is
 * already scored as a treatment fact; scoring it again would count one sentence twice (see src/synth/README.md).
 */
export const UNSCORED_PLAN_SIGNALS = new Set(['new_treatment']);

/** Treatment statuses that mean the same thing for scoring. */
function statusGroup(s: string | undefined): string {
  if (s === 'declined') return 'declined';
  if (s === 'planned' || s === 'recommended' || s === 'denied') return 'proposed';
  return 'done';
}

/** The comparable key of an expected fact (everything but the date). */
export function truthKey(f: TruthFact): string {
  switch (f.type) {
    case 'treatment': return `treatment|${f.modality}|${statusGroup(f.status)}`;
    case 'outcome_measure': return `outcome_measure|${f.instrument.toLowerCase()}|${f.value}`;
    case 'limitation': return `limitation|${f.activity}|${f.source}`;
    case 'objective_finding': return `objective_finding|${f.category}`;
    case 'plan_signal': return `plan_signal|${f.signal}`;
    case 'benefit': return `benefit|${f.percentRelief}`;
  }
}

/** The same key for an extracted fact, or undefined for types the truth does not score. */
export function factKey(f: Fact): string | undefined {
  switch (f.type) {
    case 'treatment': return `treatment|${f.attributes.modality}|${statusGroup(f.attributes.status)}`;
    case 'outcome_measure': {
      const ins = f.attributes.instrument === 'VAS' && (f.attributes.max ?? 10) <= 10 ? 'NRS' : f.attributes.instrument;
      return `outcome_measure|${ins.toLowerCase()}|${f.attributes.value}`;
    }
    case 'limitation': return `limitation|${f.attributes.activity}|${f.attributes.source}`;
    case 'objective_finding': return `objective_finding|${f.attributes.category}`;
    case 'plan_signal': return UNSCORED_PLAN_SIGNALS.has(f.attributes.signal) ? undefined : `plan_signal|${f.attributes.signal}`;
    case 'benefit': return f.attributes.percentRelief === undefined ? undefined : `benefit|${f.attributes.percentRelief}`;
    default: return undefined;
  }
}

interface Keyed { type: string; key: string; date?: string }

function dedupe(items: Keyed[]): Keyed[] {
  const seen = new Set<string>();
  return items.filter((x) => { const k = `${x.key}@${x.date ?? ''}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

/** Match expected to extracted facts: same key, dates within ±7 days, each used once. */
export function matchFacts(truth: TruthFact[], facts: Fact[], countFalsePositives: boolean): Record<string, Counts> {
  const exp = dedupe(truth.map((f) => ({ type: f.type, key: truthKey(f), date: f.date })));
  const got = dedupe(facts.filter(isAssertedFact).flatMap((f) => { const key = factKey(f); return key ? [{ type: f.type, key, date: f.date }] : []; }));
  const out: Record<string, Counts> = {};
  for (const t of SCORED_TYPES) out[t] = { tp: 0, fp: 0, fn: 0 };
  const used = new Set<number>();
  for (const e of exp) {
    let best = -1;
    let bestDiff = Infinity;
    got.forEach((g, i) => {
      if (used.has(i) || g.key !== e.key || !g.date || !e.date) return;
      const diff = dayDiff(g.date, e.date);
      if (diff <= DATE_TOLERANCE_DAYS && diff < bestDiff) { best = i; bestDiff = diff; }
    });
    if (best >= 0) { used.add(best); out[e.type].tp++; } else out[e.type].fn++;
  }
  if (countFalsePositives) got.forEach((g, i) => { if (!used.has(i) && out[g.type]) out[g.type].fp++; });
  return out;
}

/** Distractors (negated, hypothetical, family history) that the analysis nonetheless asserted as facts. */
export function distractorHits(truth: Truth, facts: Fact[]): string[] {
  const asserted = facts.filter(isAssertedFact);
  return truth.distractors.filter((d) => d.fact && asserted.some((f) => {
    const k = factKey(f);
    const dk = truthKey(d.fact!);
    const sameKey = d.fact!.type === 'treatment' && !d.fact!.status ? k?.startsWith(`treatment|${d.fact!.modality}|`) : k === dk;
    return sameKey && f.date !== undefined && dayDiff(f.date, d.fact!.date) <= DATE_TOLERANCE_DAYS;
  })).map((d) => `${d.kind}: ${d.text}`);
}

/** Gap rules the generator models; a rule it does not model (added since) is neither expected nor penalised. */
const MODELLED_GAPS = new Set<string>(GAP_RULE_IDS);

export function scoreCase(truth: Truth, analysis: CaseAnalysis, citations: { checked: number; invalid: number }): CaseScore {
  const predictedGaps = new Set(analysis.gaps.map((g) => g.ruleId).filter((id) => MODELLED_GAPS.has(id) || truth.gaps.includes(id)));
  const expectedGaps = new Set(truth.gaps);
  const missing = [...expectedGaps].filter((g) => !predictedGaps.has(g));
  const extra = [...predictedGaps].filter((g) => !expectedGaps.has(g));
  const dateErrorDays = truth.mmi.date && analysis.mmi.date ? dayDiff(truth.mmi.date, analysis.mmi.date) : undefined;
  return {
    case: truth.case,
    mmi: { truth: truth.mmi.status, predicted: analysis.mmi.status, dateErrorDays },
    facts: matchFacts(truth.facts, analysis.facts, truth.factsComplete),
    precisionScored: truth.factsComplete,
    gaps: { tp: expectedGaps.size - missing.length, fp: extra.length, fn: missing.length, missing, extra },
    citations,
    distractorHits: distractorHits(truth, analysis.facts),
  };
}

export interface Prf { precision?: number; recall?: number; f1?: number; tp: number; fp: number; fn: number }

export function prf(c: Counts, precisionScored = true): Prf {
  const precision = precisionScored && c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : undefined;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : undefined;
  const f1 = precision !== undefined && recall !== undefined && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : undefined;
  return { precision, recall, f1, ...c };
}

export interface EvalSummary {
  cases: number;
  mmi: {
    accuracy: number;
    confusion: Record<string, Record<string, number>>;
    dated: number;
    within30: number;
    within60: number;
    medianErrorDays?: number;
  };
  facts: Record<string, Prf>;
  factsOverall: Prf;
  gaps: Prf;
  citations: { checked: number; invalid: number; validity: number };
  distractorHits: number;
}

const MMI_STATUSES = ['explicit', 'implied', 'not_reached', 'insufficient_evidence'];

export function summarise(scores: CaseScore[]): EvalSummary {
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of MMI_STATUSES) confusion[t] = Object.fromEntries(MMI_STATUSES.map((p) => [p, 0]));
  let correct = 0;
  const errors: number[] = [];
  let dated = 0;
  for (const s of scores) {
    confusion[s.mmi.truth][s.mmi.predicted] = (confusion[s.mmi.truth][s.mmi.predicted] ?? 0) + 1;
    if (s.mmi.truth === s.mmi.predicted) correct++;
    if (s.mmi.truth === 'explicit' || s.mmi.truth === 'implied') {
      dated++;
      errors.push(s.mmi.dateErrorDays ?? Infinity);
    }
  }
  errors.sort((a, b) => a - b);
  const allPrecision = scores.length > 0 && scores.every((s) => s.precisionScored);
  const facts: Record<string, Prf> = {};
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const t of SCORED_TYPES) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const s of scores) { c.tp += s.facts[t].tp; c.fp += s.facts[t].fp; c.fn += s.facts[t].fn; }
    total.tp += c.tp; total.fp += c.fp; total.fn += c.fn;
    facts[t] = prf(c, allPrecision);
  }
  const g: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const s of scores) { g.tp += s.gaps.tp; g.fp += s.gaps.fp; g.fn += s.gaps.fn; }
  const checked = scores.reduce((n, s) => n + s.citations.checked, 0);
  const invalid = scores.reduce((n, s) => n + s.citations.invalid, 0);
  return {
    cases: scores.length,
    mmi: {
      accuracy: scores.length ? correct / scores.length : 0,
      confusion,
      dated,
      within30: dated ? errors.filter((e) => e <= 30).length / dated : 0,
      within60: dated ? errors.filter((e) => e <= 60).length / dated : 0,
      medianErrorDays: dated ? errors[Math.floor((dated - 1) / 2)] : undefined,
    },
    facts,
    factsOverall: prf(total, allPrecision),
    gaps: prf(g),
    citations: { checked, invalid, validity: checked ? (checked - invalid) / checked : 1 },
    distractorHits: scores.reduce((n, s) => n + s.distractorHits.length, 0),
  };
}

const pct = (v: number | undefined): string => (v === undefined ? '   –  ' : `${(v * 100).toFixed(1).padStart(5)}%`);

/** The evaluation table as printed by `plateau eval`. */
export function formatSummary(s: EvalSummary): string {
  const lines: string[] = [];
  lines.push(`Cases: ${s.cases}`);
  lines.push(`MMI status accuracy: ${pct(s.mmi.accuracy)}`);
  lines.push('MMI confusion (rows = truth, columns = predicted):');
  lines.push(`  ${''.padEnd(22)}${MMI_STATUSES.map((x) => x.slice(0, 12).padStart(13)).join('')}`);
  for (const t of MMI_STATUSES) lines.push(`  ${t.padEnd(22)}${MMI_STATUSES.map((p) => String(s.mmi.confusion[t][p] ?? 0).padStart(13)).join('')}`);
  const med = s.mmi.medianErrorDays;
  lines.push(`MMI date (${s.mmi.dated} dated cases): within ±30 d ${pct(s.mmi.within30)}, within ±60 d ${pct(s.mmi.within60)}, median error ${med === undefined ? '–' : Number.isFinite(med) ? `${Math.round(med)} d` : 'no date'}`);
  lines.push('');
  lines.push(`${'fact type'.padEnd(20)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(10)}${'TP'.padStart(7)}${'FP'.padStart(7)}${'FN'.padStart(7)}`);
  const row = (name: string, p: Prf): string => `${name.padEnd(20)}${pct(p.precision).padStart(10)}${pct(p.recall).padStart(10)}${pct(p.f1).padStart(10)}${String(p.tp).padStart(7)}${String(p.fp).padStart(7)}${String(p.fn).padStart(7)}`;
  for (const [t, p] of Object.entries(s.facts)) lines.push(row(t, p));
  lines.push(row('ALL FACTS', s.factsOverall));
  lines.push(row('gap rules', s.gaps));
  lines.push('');
  lines.push(`Citation validity: ${pct(s.citations.validity)} (${s.citations.checked - s.citations.invalid}/${s.citations.checked} evidence items)`);
  lines.push(`Distractors asserted as facts: ${s.distractorHits}`);
  return lines.join('\n') + '\n';
}
