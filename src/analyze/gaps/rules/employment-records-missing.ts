import { datesOf, list, makeGap, mainTreatingEvidence, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';

const LOST_TIME = new Set(['off_work', 'modified_duty', 'unable_any_work']);

export const rule: GapRule = {
  meta: {
    id: 'employment-records-missing',
    title: 'Employer wage and job records missing',
    severity: 'medium',
    rationale: 'Wage-loss benefits and damages are computed from the employer\'s wage records (average weekly wage, hours and pay lost), and fitness for the job is judged against its written physical demands. Whether modified duty was offered, and until when, decides temporary partial benefits and return-to-work disputes.',
    authority: { cite: 'State workers\' compensation wage-statement rules (e.g. Cal. Lab. Code 4453; 28 Tex. Admin. Code 128.1; NY WCL 14); lost earnings as special damages', url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=4453' },
    profiles: ['workers_comp', 'personal_injury'],
    request: { to: 'the employer (through the claims administrator)', ask: 'Please send the wage statement, the job description with its physical demands, and any offer of modified duty.' },
  },
  check(ctx) {
    const mode = ctx.profile.params.employmentRecords;
    if (mode === 'never' || !ctx.visits.length) return [];
    const status = ctx.of('work_status').filter((f) => LOST_TIME.has(f.attributes.status));
    if (mode === 'lost_time' && !status.length) return [];
    const onset = ctx.claim.onset ?? ctx.duration.onset;
    const dates = datesOf(ctx, status);
    const modified = status.some((f) => f.attributes.status === 'modified_duty');
    const wc = ctx.profile.params.utilizationReview;
    const ask = wc
      ? `Please send the employer's wage statement for the 52 weeks before ${onset ?? 'the injury'} (hours, pay and overtime used for the average weekly wage), the payroll record of hours and pay since the injury, the job description with its physical demands${modified ? ', and every written offer of modified or alternative duty with its dates and whether it remains available' : ', and any written offer of modified or alternative duty'}.`
      : `Please send payroll records and a statement from the employer of the time missed and the hours and pay lost since ${onset ?? 'the injury'}, the job description with its physical demands, and any accommodation or modified duty provided.`;
    return [makeGap(rule.meta, {
      why: `${status.length ? `The notes record work status changes (${list(dates.slice(0, 3))}${dates.length > 3 ? ' and later' : ''}; "${shortQuote(status[status.length - 1], 80)}")` : 'The claim arises from work'}, but no wage statement, payroll record or employer job description is among the medical records analyzed (employer papers filed elsewhere in the claim should be checked against this list).`,
      to: wc ? 'the employer (through the claims administrator)' : 'the claimant\'s employer (payroll / human resources)',
      ask,
      evidence: status.length ? status.slice(-3).flatMap((f) => f.evidence.slice(0, 1)) : mainTreatingEvidence(ctx),
    })];
  },
};
