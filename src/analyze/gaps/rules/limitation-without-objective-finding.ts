import { makeGap, opinionAddressee } from '../helpers.js';
import type { GapRule } from '../types.js';
import { regionlessClaim } from '../../claimed-conditions.js';

export const rule: GapRule = {
  meta: {
    id: 'limitation-without-objective-finding',
    title: 'Limitations without an objective finding behind them',
    severity: 'high',
    rationale: 'Symptoms and limits must be tied to a medically determinable impairment shown by signs or test results (exam findings, imaging, EMG). Limits with no objective support are the first thing an adjudicator discounts.',
    authority: { cite: '20 CFR 404.1529(a); 404.1520c(c)(1) (supportability)', url: 'https://getpocketlaw.com/law/cfr_20/section-416-929-how-we-evaluate-symptoms-including-pain_7ff0841dbfc6' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating physician', ask: 'Please document the objective findings (exam signs, imaging, EMG) that support the limitations.' },
    keyed: true,
  },
  check(ctx) {
    if (!ctx.floor.length) return [];
    // A claim whose diagnoses name no body region (depression, epilepsy, heart failure) is shown by other evidence
    // (mental status findings, testing, EEG, echocardiogram) that this rule does not read: its silence is no gap.
    if (regionlessClaim(ctx.asserted)) return [];
    const abnormal = ctx.of('objective_finding', true).filter((f) => f.attributes.abnormal);
    if (abnormal.length) return [];
    const who = opinionAddressee(ctx);
    const acts = ctx.floor.map((i) => i.activity.replace(/_/g, ' '));
    return [makeGap(rule.meta, {
      why: `Limitations are recorded (${acts.join(', ')}) but no abnormal exam sign, imaging or electrodiagnostic finding appears in the record.`,
      to: who,
      ask: 'Please document the objective findings that explain the patient\'s limitations: exam signs (e.g. straight-leg raise, reflex or sensory changes, weakness, atrophy, spasm, gait), and any imaging or EMG/nerve conduction results, with dates. If imaging or EMG was done elsewhere, please send the reports.',
      evidence: ctx.floor.flatMap((i) => i.evidence.slice(0, 1)),
    })];
  },
};
