import { daysBetween } from '../../dates.js';
import { isExaminingEncounter, makeGap, NOT_AN_OPINION_SOURCE } from '../helpers.js';
import type { GapRule } from '../types.js';

/** With no treating visit for this long before the end of the record, nobody is following the claimant. */
const STALE_DAYS = 180;
const EPISODIC = new Set(['emergency']);
const SSA = new Set(['ssdi', 'ssi']);

export const rule: GapRule = {
  meta: {
    id: 'no-current-treating-source',
    title: 'No current treating source: no treatment records for the last months of the file',
    severity: 'high',
    rationale: 'The current condition is judged from current treatment. When the latest contacts are emergency visits or examinations for a party, or the last treating visit is months old, no one can describe the claimant\'s present function, and an adjudicator will read the silence as improvement or as a lack of need for care.',
    authority: { cite: '20 CFR 404.1512(b) (current medical evidence); SSR 16-3p (treatment history); 20 CFR 404.1519a (when a consultative examination is purchased)', url: 'https://www.ecfr.gov/current/title-20/section-404.1519a' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the claimant', ask: 'Please tell us who is treating you now, and sign releases so their current records can be obtained.' },
  },
  check(ctx) {
    // In a compensation or injury claim, care ends once the treating source declares MMI and examinations follow:
    // that silence is the claim's ordinary course, not a missing treating source (SSA still needs current evidence).
    if (ctx.mmi.status === 'explicit' && !SSA.has(ctx.claim.type)) return [];
    const dated = ctx.visits.filter((v) => v.facts.length);
    if (dated.length < 2) return [];
    const end = dated[dated.length - 1].date;
    const treating = dated.filter((v) => !NOT_AN_OPINION_SOURCE.test(v.provider) && !v.encounters.every((e) => EPISODIC.has(e.specialty) || e.kind === 'emergency_visit' || isExaminingEncounter(e)));
    const lastTreating = treating[treating.length - 1];
    const since = lastTreating ? daysBetween(lastTreating.date, end) : undefined;
    if (since !== undefined && since < STALE_DAYS) return [];
    const later = dated.filter((v) => !lastTreating || v.date > lastTreating.date);
    if (!later.length) return [];
    const who = lastTreating?.provider;
    return [makeGap(rule.meta, {
      why: lastTreating
        ? `The last treating visit is ${lastTreating.date} (${who}); the ${later.length} later contact${later.length === 1 ? '' : 's'} through ${end} ${later.length === 1 ? 'is an emergency visit or an examination' : 'are emergency visits or examinations'}, so no current treatment records describe the claimant's condition now.`
        : `Every contact in the record is an emergency visit or an examination (through ${end}); no treating source follows the claimant.`,
      to: 'the claimant (current providers and signed releases)',
      ask: `Please tell us who has treated you since ${lastTreating?.date ?? 'the last visit in the file'} (doctors, clinics, therapists, emergency visits), and sign releases so their current records can be requested${lastTreating ? `; if you still see ${who}, we will request that office's records after ${lastTreating.date}` : ''}.`,
      evidence: [...(lastTreating?.facts[0]?.evidence.slice(0, 1) ?? []), ...later.slice(-2).flatMap((v) => v.facts[0].evidence.slice(0, 1))],
    })];
  },
};
