/** Trajectory: each outcome measure over time, and whether its change is clinically meaningful (MCID). */
import type { FactOf, Trajectory } from '../model/index.js';
import type { CaseContext } from './case-context.js';
import { judgeChange, mcidFor } from '../knowledge/instruments.js';

type Measure = FactOf<'outcome_measure'>;
type Trend = Trajectory['trends'][number];

function key(m: Measure): string {
  return m.attributes.motion ? `${m.attributes.instrument}:${m.attributes.motion}` : m.attributes.instrument;
}

/** One trend per instrument: first vs last dated value judged against the instrument's MCID. */
export function trendsOf(measures: Measure[], ctx: CaseContext): Trend[] {
  const byKey = new Map<string, Measure[]>();
  for (const m of measures) {
    if (!ctx.dateOf(m)) continue;
    byKey.set(key(m), [...(byKey.get(key(m)) ?? []), m]);
  }
  const trends: Trend[] = [];
  for (const [instrument, ms] of byKey) {
    // One value per date (the last stated), so "worst 8, best 4" on one day does not count as change.
    const perDate = new Map<string, Measure>();
    for (const m of ms) perDate.set(ctx.dateOf(m)!, m);
    const pts = [...perDate.values()];
    const points = pts.map((m) => ({ instrument, value: m.attributes.value, date: ctx.dateOf(m), evidence: m.evidence }));
    if (pts.length < 2) { trends.push({ instrument, points, verdict: 'insufficient' }); continue; }
    const first = pts[0].attributes;
    const last = pts[pts.length - 1].attributes;
    const mcid = mcidFor(first.instrument, first.max, first.value);
    const change = Math.round((last.value - first.value) * 100) / 100;
    trends.push({ instrument, points, change, mcid, verdict: judgeChange(first.instrument, first.value, last.value, mcid) ?? 'insufficient' });
  }
  return trends;
}

export function buildTrajectory(ctx: CaseContext): Trajectory {
  const prognosis = ctx.of('prognosis').map((f) => ({
    text: `${ctx.providerOf(f)}${ctx.dateOf(f) ? `, ${ctx.dateOf(f)}` : ''}: prognosis ${f.attributes.outlook}`,
    evidence: f.evidence,
  }));
  const objectiveFindings = ctx.of('objective_finding').filter((f) => f.attributes.abnormal).map((f) => ({
    text: `${f.attributes.label}${f.attributes.level ? ` ${f.attributes.level}` : ''} (${f.attributes.category}, ${ctx.providerOf(f)}${ctx.dateOf(f) ? `, ${ctx.dateOf(f)}` : ''})`,
    evidence: f.evidence,
  }));
  return { prognosis, objectiveFindings, trends: trendsOf(ctx.of('outcome_measure'), ctx) };
}
