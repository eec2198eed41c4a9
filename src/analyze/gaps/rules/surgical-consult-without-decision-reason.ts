import type { Fact } from '../../../model/index.js';
import { makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';

export const rule: GapRule = {
  meta: {
    id: 'surgical-consult-without-decision-reason',
    title: 'Surgical consultation without a recorded decision and reason',
    severity: 'high',
    rationale: 'Whether surgery was offered, declined or ruled out, and why, decides whether curative options are exhausted (MMI) and whether declining surgery has good cause (fear of surgery, high risk, disagreement among sources).',
    authority: { cite: 'SSR 18-3p (failure to follow prescribed treatment; good cause)', url: 'https://www.ssa.gov/OP_Home/rulings/di/02/SSR2018-03-di-02.html' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the consulting surgeon', ask: 'Please state whether surgery was recommended, and if not, why; if the patient declined, the reasons discussed.' },
  },
  check(ctx) {
    const consults = ctx.of('treatment', true).filter((f) => f.attributes.modality === 'surgical_consultation'
      && ['performed', 'completed', 'ongoing'].includes(f.attributes.status));
    const latestPerProvider = new Map<string, Fact>();
    for (const c of consults) latestPerProvider.set(ctx.providerOf(c), c);
    const gaps = [];
    for (const [who, c] of latestPerProvider) {
      const from = ctx.dateOf(c) ?? '';
      const later = ctx.asserted.filter((f) => (ctx.dateOf(f) ?? '') >= from);
      const surgery = later.filter((f) => f.type === 'treatment' && f.attributes.modality === 'surgery');
      const ruledOut = later.filter((f) => f.type === 'plan_signal' && f.attributes.signal === 'not_surgical_candidate');
      const declined = [
        ...surgery.filter((f) => f.type === 'treatment' && f.attributes.status === 'declined'),
        ...later.filter((f) => f.type === 'plan_signal' && f.attributes.signal === 'surgery_declined'),
      ];
      const withReason = surgery.some((f) => f.type === 'treatment' && f.attributes.reasonStopped);
      const date = ctx.dateOf(c) ?? 'an undated visit';
      if (!surgery.length && !ruledOut.length && !declined.length) {
        gaps.push(makeGap(rule.meta, {
          why: `${who} saw the claimant for a surgical consultation (${date}), but no decision on surgery is recorded afterwards.`,
          to: who,
          ask: `Regarding your surgical consultation of ${date}: was surgery recommended? If not, why not (e.g. not a candidate, findings do not correlate, high risk)? If it was, what was planned and what happened?`,
          evidence: c.evidence,
        }));
      } else if (declined.length && !ruledOut.length && !withReason) {
        gaps.push(makeGap(rule.meta, {
          why: `Surgery was declined after the consultation of ${date}, but the reason for declining is not recorded (it decides good cause under SSR 18-3p).`,
          to: who,
          ask: `The record shows surgery was declined after your consultation of ${date}. Please document the reasons discussed (e.g. surgical risk, expected benefit, prior failed surgery, fear of surgery, cost) and whether you consider the decision reasonable.`,
          evidence: [...c.evidence, ...declined[0].evidence],
        }));
      }
    }
    return gaps;
  },
};
