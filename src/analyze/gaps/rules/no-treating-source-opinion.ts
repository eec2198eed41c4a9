import { isAcceptableMedicalSource } from '../../providers.js';
import { mainTreatingEvidence, mainTreatingSource, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';

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
    const physicianOpinion = ctx.of('limitation').some((f) => f.attributes.source === 'provider' && isAcceptableMedicalSource(ctx.encounterOf(f)) !== false);
    if (physicianOpinion || !ctx.visits.length) return [];
    const who = mainTreatingSource(ctx, rule.meta.request.to);
    return [makeGap(rule.meta, {
      why: `No treating physician states what the claimant can still do, function by function; ${who} is the source seen most often.`,
      to: who,
      ask: 'Please complete a medical source statement of the patient\'s work-related abilities: how much can be lifted and carried (occasionally/frequently), how long the patient can sit, stand and walk in an 8-hour day, need to change position or use a cane, limits on reaching, handling, bending, stooping and climbing, expected absences per month, and the exam, imaging or test findings that support each limit.',
      evidence: mainTreatingEvidence(ctx),
    })];
  },
};
