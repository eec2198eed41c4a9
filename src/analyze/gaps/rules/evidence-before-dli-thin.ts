import { mainTreatingEvidence, mainTreatingSource, makeGap, NOT_AN_OPINION_SOURCE } from '../helpers.js';
import type { GapRule } from '../types.js';

export const rule: GapRule = {
  meta: {
    id: 'evidence-before-dli-thin',
    title: 'Little medical evidence on or before the date last insured',
    severity: 'high',
    rationale: 'For SSDI the claimant must show disability began on or before the date last insured, however disabled they are now. Onset is set from the longitudinal record, so thin records before the DLI put the whole claim at risk.',
    authority: { cite: 'SSR 18-01p (established onset date); 20 CFR 404.131', url: 'https://ssa.gov/OP_Home/rulings/di/01/SSR2018-01-di-01.html' },
    profiles: ['ssdi'],
    request: { to: 'the treating physician', ask: 'Please send all records through the date last insured and state whether the limitations were present by then.' },
    keyed: true,
  },
  check(ctx) {
    const { dli, evidenceBeforeDli } = ctx.duration;
    if (!dli || evidenceBeforeDli === undefined || evidenceBeforeDli >= ctx.profile.params.minEncountersBeforeDli) return [];
    const named = mainTreatingSource(ctx, rule.meta.request.to, dli);
    const who = NOT_AN_OPINION_SOURCE.test(named) ? rule.meta.request.to : named;
    const from = ctx.duration.onset ? ` from ${ctx.duration.onset}` : '';
    return [makeGap(rule.meta, {
      why: `Only ${evidenceBeforeDli} dated visit${evidenceBeforeDli === 1 ? '' : 's'} with findings on or before the date last insured (${dli}).`,
      to: who,
      ask: `Please send all office notes, imaging and test results${from} through ${dli}, and state whether, in your opinion, the limitations you describe were present on or before ${dli} and on what basis.`,
      evidence: mainTreatingEvidence(ctx, dli),
    })];
  },
};
