import { mainTreatingEvidence, makeGap, opinionAddressee } from '../helpers.js';
import type { GapRule } from '../types.js';

export const rule: GapRule = {
  meta: {
    id: 'no-prognosis',
    title: 'No prognosis stated',
    severity: 'medium',
    rationale: 'A prognosis (poor, guarded, permanent) links today\'s limits to the future: it supports expected duration, permanence at MMI, and future care.',
    authority: { cite: '20 CFR 404.1513(a)(3) (other medical evidence includes prognosis)', url: 'https://d1tvxue8o4w0fl.cloudfront.net/regulation/code-of-federal-regulations/title-20-employees-benefits/chapter-iii-social-security-administration/part-404-federal-old-age-survivors-and-disability-insurance-1950-/subpart-p-determining-disability-and-blindness/evidence/section-4041513-categories-of-evidence' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating physician', ask: 'What is the prognosis, and is meaningful improvement expected?' },
    merge: 'mmi-opinion',
    keyed: true,
  },
  check(ctx) {
    if (ctx.of('prognosis').length || !ctx.visits.length) return [];
    // MMI stated, or implied and put to the physician by mmi-implied-not-stated, is the end point a prognosis would
    // predict: reviewers ask for a prognosis only while the condition may still change.
    if (ctx.mmi.status === 'implied' || ctx.mmi.status === 'explicit') return [];
    const who = opinionAddressee(ctx);
    return [makeGap(rule.meta, {
      why: `No provider states a prognosis; ${who} is the source seen most often.`,
      to: who,
      ask: `Please state the prognosis for the patient's condition (e.g. good, fair, guarded, poor), whether meaningful improvement is expected with or without further treatment, whether the patient has reached maximum medical improvement (MMI) or when it is expected, and whether the current limitations are permanent.`,
      evidence: mainTreatingEvidence(ctx),
    })];
  },
};
