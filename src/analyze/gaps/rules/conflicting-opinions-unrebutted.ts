import type { Evidence, FactOf } from '../../../model/index.js';
import { daysBetween } from '../../dates.js';
import { isAcceptableMedicalSource } from '../../providers.js';
import { isExaminingEncounter, list, makeGap, NOT_AN_OPINION_SOURCE, opinionAddressee } from '../helpers.js';
import type { GapRule } from '../types.js';
import { pushTo } from '../../../util/group.js';

const FINAL = new Set(['mmi', 'permanent_and_stationary']);
/** MMI dates this far apart are different opinions, not the same one restated. */
const MMI_DATE_TOLERANCE_DAYS = 60;

/** Words that answer another source's opinion. */
const REBUTTAL = /\b(?:disagree\w*|do(?:es)? not concur|not in agreement|rebut\w*)\b/i;

/** A treating source's answer to the examiner's opinion, on or after it, naming the examiner or the examination. */
function answered(ctx: Parameters<GapRule['check']>[0], examiner: FactOf<'mmi_statement'>): boolean {
  const since = ctx.dateOf(examiner) ?? '';
  const surname = ctx.providerOf(examiner).replace(/\(.*?\)|,.*$/g, '').trim().split(/\s+/).at(-1) ?? '';
  const names = new RegExp(`\\b(?:IME|QME|AME|RME|examiner|evaluator|${surname.replace(/[^A-Za-z'-]/g, '') || 'IME'})\\b`, 'i');
  return ctx.asserted.some((f) => (ctx.dateOf(f) ?? '') >= since.slice(0, 7) && !isExaminingEncounter(ctx.encounterOf(f))
    && f.evidence.some((e) => REBUTTAL.test(e.quote) && names.test(e.quote)));
}

export const rule: GapRule = {
  meta: {
    id: 'conflicting-opinions-unrebutted',
    title: 'Conflicting medical opinions with no rebuttal from the treating physician',
    severity: 'high',
    rationale: 'When an examiner or another source disagrees with the treating physician (on MMI, the impairment rating or the restrictions), the adjudicator weighs the two; an opinion left unanswered tends to win. A reasoned response from the treating physician, addressing the other opinion point by point, is the usual way to resolve the conflict.',
    authority: { cite: '20 CFR 404.1520c (consistency and supportability); Cal. Lab. Code 4062 / NY WCB and state dispute procedures (objecting to a medical opinion)', url: 'https://www.ecfr.gov/current/title-20/section-404.1520c' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating physician', ask: 'Please review the conflicting opinion and state whether you agree; if not, explain why with the findings that support your opinion.' },
  },
  check(ctx) {
    const points: string[] = [];
    const evidence: Evidence[] = [];
    const others = new Set<string>();
    const role = (f: FactOf<'mmi_statement'> | FactOf<'impairment_rating'> | FactOf<'limitation'>) =>
      isExaminingEncounter(ctx.encounterOf(f)) || NOT_AN_OPINION_SOURCE.test(ctx.providerOf(f)) ? 'examining' : 'treating';

    // MMI: one source says MMI, another that the claimant is not at MMI, or they give dates months apart.
    // One opinion per source, kind and date: a statement restated a thousand times is compared once (pairs of
    // every restatement made the rule quadratic in the record's length).
    const seen = new Set<string>();
    const mmi = ctx.of('mmi_statement').filter((s) => {
      if (s.attributes.kind === 'plateau') return false;
      const key = `${ctx.providerOf(s)}|${s.attributes.kind}|${s.attributes.mmiDate ?? ''}|${ctx.dateOf(s) ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const finals = mmi.filter((s) => FINAL.has(s.attributes.kind));
    const notAt = mmi.filter((s) => s.attributes.kind === 'not_at_mmi');
    const mmiDate = (s: FactOf<'mmi_statement'>) => s.attributes.mmiDate ?? ctx.dateOf(s);
    for (const a of finals) {
      const b = [...notAt, ...finals].find((x) => ctx.providerOf(x) !== ctx.providerOf(a) && role(x) !== role(a) && (
        x.attributes.kind === 'not_at_mmi' ? Math.abs(daysBetween(ctx.dateOf(x) ?? '', ctx.dateOf(a) ?? '')) <= 120
          : !!mmiDate(a) && !!mmiDate(x) && Math.abs(daysBetween(mmiDate(a)!, mmiDate(x)!)) > MMI_DATE_TOLERANCE_DAYS));
      if (!b) continue;
      // "I have reviewed and disagree with Dr. Blanchard's 02/15/2023 date": the treating side has answered the examiner.
      const examiner = role(a) === 'examining' ? a : b;
      if (answered(ctx, examiner)) break;
      points.push(b.attributes.kind === 'not_at_mmi'
        ? `${ctx.providerOf(a)} states MMI (${ctx.dateOf(a)}) while ${ctx.providerOf(b)} states the claimant is not at MMI (${ctx.dateOf(b)})`
        : `${ctx.providerOf(a)} and ${ctx.providerOf(b)} give MMI dates of ${mmiDate(a)} and ${mmiDate(b)}`);
      evidence.push(...a.evidence.slice(0, 1), ...b.evidence.slice(0, 1));
      others.add(role(a) === 'examining' ? ctx.providerOf(a) : ctx.providerOf(b));
      break;
    }

    // Impairment ratings: different sources, different whole-person percentages.
    const ratings = ctx.of('impairment_rating', true).filter((r) => r.attributes.percent > 0 && r.attributes.percent < 100
      && r.attributes.basis !== 'upper_extremity' && r.attributes.basis !== 'lower_extremity');
    const bySource = new Map<string, FactOf<'impairment_rating'>[]>();
    for (const r of ratings) pushTo(bySource, ctx.providerOf(r), r);
    const top = [...bySource].map(([who, rs]) => ({ who, r: rs.reduce((m, x) => (x.attributes.percent > m.attributes.percent ? x : m)) }));
    // Only an examiner's rating against a treating physician's is a dispute; one source's partial ratings are not.
    const exam = top.find((t) => role(t.r) === 'examining');
    const treat = top.find((t) => role(t.r) === 'treating');
    if (exam && treat && exam.r.attributes.percent !== treat.r.attributes.percent) {
      const pair = [treat, exam];
      points.push(`impairment ratings differ: ${pair.map((p) => `${p.r.attributes.percent}% (${p.who})`).join(' vs ')}`);
      evidence.push(...pair.flatMap((p) => p.r.evidence.slice(0, 1)));
      for (const p of pair) if (role(p.r) === 'examining') others.add(p.who);
    }

    // Lifting limits: an examining source and a treating source give different numbers.
    const lifts = ctx.of('limitation').filter((f) => f.attributes.source === 'provider' && f.attributes.activity === 'lift' && f.attributes.limit !== undefined);
    const examLift = lifts.filter((f) => role(f) === 'examining');
    const treatLift = lifts.filter((f) => role(f) === 'treating' && isAcceptableMedicalSource(ctx.encounterOf(f)) === true);
    if (examLift.length && treatLift.length) {
      const e = examLift[examLift.length - 1];
      // The treating physician's standing (permanent) restriction, else the latest before the examination.
      const permanent = treatLift.filter((f) => f.evidence.some((x) => /permanent/i.test(x.quote)));
      const before = treatLift.filter((f) => (ctx.dateOf(f) ?? '') <= (ctx.dateOf(e) ?? '\uffff'));
      const t = permanent[permanent.length - 1] ?? before[before.length - 1] ?? treatLift[treatLift.length - 1];
      // (One source's limit changed over time is a change, not a disagreement.)
      if (e.attributes.limit !== t.attributes.limit && ctx.providerOf(e) !== ctx.providerOf(t)) {
        points.push(`lifting limits differ: ${t.attributes.limit} lb (${ctx.providerOf(t)}) vs ${e.attributes.limit} lb (${ctx.providerOf(e)})`);
        evidence.push(...t.evidence.slice(0, 1), ...e.evidence.slice(0, 1));
        others.add(ctx.providerOf(e));
      }
    }
    if (!points.length) return [];
    const who = opinionAddressee(ctx);
    const other = others.size ? list([...others]) : 'the other source';
    return [makeGap(rule.meta, {
      why: `The opinions in the record conflict (${points.join('; ')}), and nothing in the file responds to the disagreement.`,
      to: who,
      ask: `The record contains conflicting opinions: ${points.join('; ')}. Please review ${other}'s opinion and state whether you agree; if not, please explain point by point why (a rebuttal), with the examination findings, measurements and tables that support your own opinion, so the conflict can be reconciled.`,
      evidence,
    })];
  },
};
