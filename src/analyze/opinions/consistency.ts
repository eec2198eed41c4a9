/**
 * Consistency (20 CFR 404.1520c(c)(2); 404.1527(c)(4) before 27 March 2017): for each activity an opinion limits, do
 * the other sources' opinions on that activity agree; and do the other sources' objective findings show the
 * impairment at all? Only what the facts show is compared: an activity no one else addresses is said so.
 */
import type { Claim, FactOf, OpinionComparison, OpinionReview } from '../../model/index.js';
import type { CaseContext } from '../case-context.js';
import { pushTo } from '../../util/group.js';
import { shortName, type OpinionSource } from './opinion-sources.js';
import { activityKey, activityWords, compareLimits, wordsOf } from './limit-comparison.js';
import { distinctFindings, monthOf } from './opinion-findings.js';
import { OPINION_CHECKS } from './weighing-rule.js';

type Limit = FactOf<'limitation'>;
type Consistency = OpinionReview['consistency'];

/** A source's limits as it last stated them: per activity, the statements of its latest day. */
export function latestLimits(ctx: CaseContext, src: OpinionSource): Map<string, Limit[]> {
  const byKey = new Map<string, Limit[]>();
  for (const f of src.limits) pushTo(byKey, activityKey(f), f);
  for (const [key, fs] of byKey) {
    const last = fs.map((f) => ctx.dateOf(f) ?? '').sort().at(-1);
    byKey.set(key, fs.filter((f) => (ctx.dateOf(f) ?? '') === last));
  }
  return byKey;
}

const LEAD: Record<OpinionComparison['relation'], string> = { agrees: 'agrees with', disagrees: 'differs from', both_limit: 'is also limited by' };

function overall(statuses: string[]): 'consistent' | 'inconsistent' | 'mixed' | undefined {
  const agree = statuses.some((s) => s === 'consistent' || s === 'agree');
  const differ = statuses.some((s) => s === 'inconsistent' || s === 'disagree');
  if (statuses.includes('mixed') || (agree && differ)) return 'mixed';
  return differ ? 'inconsistent' : agree ? 'consistent' : undefined;
}

export function assessConsistency(ctx: CaseContext, src: OpinionSource, others: OpinionSource[], claim: Claim): Consistency {
  const theirs = others.map((o) => ({ o, limits: latestLimits(ctx, o) }));
  const activities: Consistency['activities'] = [...latestLimits(ctx, src)].map(([key, mine]) => {
    const words = activityWords(key);
    const comparisons: OpinionComparison[] = theirs.filter((t) => t.limits.has(key)).map(({ o, limits }) => {
      const other = limits.get(key)!;
      const { relation, why } = compareLimits(mine[0].attributes.activity, mine, other);
      const date = ctx.dateOf(other[0]);
      return {
        source: o.source, relation, ...(date ? { date } : {}), evidence: other.slice(0, 1).flatMap((f) => f.evidence.slice(0, 1)),
        text: `${LEAD[relation]} ${shortName(o.source)} (${wordsOf(other)}, ${monthOf(date)}): ${why}`,
      };
    });
    const mineWords = wordsOf(mine);
    if (!comparisons.length) return { activity: words, status: 'no_other_opinion', comparisons, text: `${words} (${mineWords}): no other source gives a limit.` };
    const status = overall(comparisons.map((c) => (c.relation === 'disagrees' ? 'inconsistent' : 'consistent')))!;
    return { activity: words, status, comparisons, text: `${words} (${mineWords}) ${comparisons.map((c) => c.text).join('; ')}.` };
  });

  const elsewhere = ctx.of('objective_finding').filter((f) => !src.own.has(f.encounterId));
  const abnormal = distinctFindings(ctx, elsewhere.filter((f) => f.attributes.abnormal), new Set(), 3, 'tests_first');
  const normal = abnormal.length ? [] : distinctFindings(ctx, elsewhere.filter((f) => !f.attributes.abnormal), new Set(), 3);
  const at = (f: { label: string; source: string; date?: string }) => `${f.label} (${shortName(f.source)}, ${monthOf(f.date)})`;
  const findings: Consistency['findings'] = abnormal.length
    ? { status: 'agree', findings: abnormal, text: `Other sources' objective findings show the impairment: ${abnormal.map(at).join('; ')}.` }
    : normal.length
      ? { status: 'disagree', findings: normal, text: `Other sources record only normal findings: ${normal.map(at).join('; ')}.` }
      : { status: 'none', findings: [], text: 'No other source records an objective finding.' };

  return {
    ruleId: OPINION_CHECKS.consistency.id, cite: OPINION_CHECKS.consistency.authority(claim),
    status: overall([...activities.map((a) => a.status), findings.status]) ?? 'no_other_evidence', activities, findings,
  };
}
