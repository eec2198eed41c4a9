import { isAcceptableMedicalSource } from '../../providers.js';
import { mainTreatingEvidence, mainTreatingSource, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';

const EXERTIONAL = new Set(['lift', 'carry', 'push', 'pull']);
// Sitting/standing/walking tolerances, or reaching/handling for an upper-extremity claim.
const POSITIONAL = new Set(['sit', 'stand', 'walk', 'reach', 'overhead_reach', 'handle', 'finger', 'use_arm']);

export const rule: GapRule = {
  meta: {
    id: 'no-treating-source-opinion',
    title: 'No treating physician opinion on function',
    severity: 'high',
    rationale: 'A medical opinion says what the claimant can still do, function by function (lift, carry, sit, stand, walk, reach, handle, postural). Without one from a treating physician, the decision rests on diagnoses and the claimant\'s own statements.',
    authority: { cite: '20 CFR 404.1513(a)(2) (medical opinion); 404.1520c', url: 'https://d1tvxue8o4w0fl.cloudfront.net/regulation/code-of-federal-regulations/title-20-employees-benefits/chapter-iii-social-security-administration/part-404-federal-old-age-survivors-and-disability-insurance-1950-/subpart-p-determining-disability-and-blindness/evidence/section-4041513-categories-of-evidence' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating physician', ask: 'Please complete a function-by-function statement of work-related abilities with the findings that support each limit.' },
  },
  check(ctx) {
    // Function by function (HA-1151): one physician addresses exertion (lift/carry) and sitting/standing/walking or arm use.
    const covered = new Map<string, Set<string>>();
    for (const f of ctx.of('limitation')) {
      if (f.attributes.source !== 'provider' || isAcceptableMedicalSource(ctx.encounterOf(f)) === false) continue;
      const who = ctx.providerOf(f);
      covered.set(who, (covered.get(who) ?? new Set()).add(f.attributes.activity));
    }
    const functionByFunction = [...covered.values()].some((acts) =>
      [...EXERTIONAL].some((a) => acts.has(a)) && [...POSITIONAL].some((a) => acts.has(a)));
    if (functionByFunction || !ctx.visits.length) return [];
    const who = mainTreatingSource(ctx, rule.meta.request.to);
    return [makeGap(rule.meta, {
      why: `No treating physician states, function by function, what the claimant can still do (lifting/carrying plus sitting, standing, walking or use of the arms); ${who} is the source seen most often.`,
      to: who,
      ask: 'Please complete a medical source statement of the patient\'s work-related abilities: how much can be lifted and carried (occasionally/frequently), how long the patient can sit, stand and walk in an 8-hour day, need to change position or use a cane, limits on reaching, handling, bending, stooping and climbing, expected absences per month, and the exam, imaging or test findings that support each limit.',
      evidence: mainTreatingEvidence(ctx),
    })];
  },
};
