import { mainTreatingEvidence, makeGap, opinionAddressee } from '../helpers.js';
import type { GapRule } from '../types.js';

/** Months documented from which the 12-month duration is projected from the course rather than asked for. */
const PROJECTED_FROM_MONTHS = 6;

export const rule: GapRule = {
  meta: {
    id: 'duration-not-shown',
    title: '12-month duration not shown',
    severity: 'high',
    rationale: 'Disability requires an impairment that has lasted or is expected to last at least 12 continuous months. If the record neither spans 12 months nor contains a medical statement that the limits will last, duration can fail at step 2.',
    authority: { cite: '20 CFR 404.1509 / 416.909 (duration requirement)', url: 'https://casetext.com/regulation/code-of-federal-regulations/title-20-employees-benefits/chapter-iii-social-security-administration/part-404-federal-old-age-survivors-and-disability-insurance-1950-/subpart-p-determining-disability-and-blindness/definition-of-disability/4041509-how-long-the-impairment-must-last' },
    profiles: ['ssdi', 'ssi', 'general'],
    request: { to: 'the treating physician', ask: 'Has the condition lasted, or is it expected to last, at least 12 continuous months?' },
    keyed: true,
    merge: 'treating-opinion',
  },
  check(ctx) {
    const d = ctx.duration;
    if (d.meetsTwelveMonths === 'yes' || d.meetsTwelveMonths === 'expected' || !ctx.visits.length) return [];
    // With half the period or more documented and the impairment still treated, an adjudicator projects the course
    // ("expected to last"); the question is open when less than that is shown, or when the record suggests recovery.
    if (d.meetsTwelveMonths !== 'no' && d.months !== undefined && d.months >= PROJECTED_FROM_MONTHS) return [];
    const who = opinionAddressee(ctx);
    const span = d.months !== undefined ? `${d.months} months (${d.onset} to ${d.through})` : 'an unknown period';
    return [makeGap(rule.meta, {
      why: `The record documents ${span}${d.meetsTwelveMonths === 'no' ? ' and suggests recovery' : ''}, and no provider says the limitations have lasted or will last 12 months.`,
      to: who,
      ask: `Please state whether the patient's condition and limitations have lasted, or are expected to last, at least 12 continuous months, from what date, and the findings and treatment course that support your opinion.`,
      evidence: [...d.reasons.flatMap((r) => r.evidence).slice(0, 2), ...mainTreatingEvidence(ctx)],
    })];
  },
};
