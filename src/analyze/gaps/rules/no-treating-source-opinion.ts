import type { EncounterKind, Fact } from '../../../model/index.js';
import { isAcceptableMedicalSource, isTreatingSpecialty } from '../../providers.js';
import { isExaminingEncounter, mainTreatingEvidence, makeGap, opinionAddressee } from '../helpers.js';
import type { GapContext, GapRule } from '../types.js';

const OPINION_KINDS = new Set<EncounterKind>(['medical_source_statement', 'impairment_rating']);

/**
 * A medical opinion is a statement of what the claimant can still do, made as such: a medical source statement,
 * an impairment-rating / P&S report, or permanent restrictions given with an MMI statement. Temporary work-note
 * restrictions in a progress note are treatment notes, not an opinion on lasting capacity.
 */
export function hasTreatingOpinion(ctx: GapContext): boolean {
  const opinionEncounters = new Set<string>();
  for (const e of ctx.encounters.values()) if (OPINION_KINDS.has(e.kind)) opinionEncounters.add(e.id);
  for (const s of ctx.of('mmi_statement', true)) if (s.attributes.kind === 'mmi' || s.attributes.kind === 'permanent_and_stationary') opinionEncounters.add(s.encounterId);
  const treatingOpinion = (f: Fact) => {
    const enc = ctx.encounterOf(f);
    return !!enc && opinionEncounters.has(enc.id) && isTreatingSpecialty(enc.specialty) && isAcceptableMedicalSource(enc) !== false && !isExaminingEncounter(enc);
  };
  // (A release to full duty given with the MMI, "no restrictions", is the treating physician's opinion on function too.)
  return ctx.of('limitation').some((f) => f.attributes.source === 'provider' && treatingOpinion(f))
    || ctx.of('work_status').some((f) => f.attributes.status === 'full_duty' && treatingOpinion(f));
}

export const rule: GapRule = {
  meta: {
    id: 'no-treating-source-opinion',
    title: 'No treating physician opinion on function',
    severity: 'high',
    rationale: 'A medical opinion says what the claimant can still do, function by function (lift, carry, sit, stand, walk, reach, handle, postural). Without one from a treating physician, the decision rests on diagnoses and the claimant\'s own statements.',
    authority: { cite: '20 CFR 404.1513(a)(2) (medical opinion); 404.1520c', url: 'https://d1tvxue8o4w0fl.cloudfront.net/regulation/code-of-federal-regulations/title-20-employees-benefits/chapter-iii-social-security-administration/part-404-federal-old-age-survivors-and-disability-insurance-1950-/subpart-p-determining-disability-and-blindness/evidence/section-4041513-categories-of-evidence' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating physician', ask: 'Please complete a function-by-function statement of work-related abilities with the findings that support each limit.' },
    keyed: true,
    merge: 'treating-opinion',
  },
  check(ctx) {
    if (hasTreatingOpinion(ctx) || !ctx.visits.length) return [];
    const who = opinionAddressee(ctx);
    return [makeGap(rule.meta, {
      why: `No treating physician states, function by function, what the claimant can still do (lifting/carrying plus sitting, standing, walking or use of the arms); ${who} is the source seen most often.`,
      to: who,
      // (An injury claim is valued on the treating physician's narrative report: the limits, and whether they are
      // permanent, the prognosis and the care still to come.)
      ask: ctx.claim.type === 'personal_injury'
        ? 'Please send a narrative report: whether the patient has reached maximum medical improvement, any permanent impairment, the permanent restrictions function by function (lifting and carrying, sitting, standing and walking, reaching and handling, bending and climbing), the prognosis, the future medical care you expect with its frequency and cost, and the exam, imaging or test findings that support each opinion.'
        : 'Please complete a medical source statement of the patient\'s work-related abilities: how much can be lifted and carried (occasionally/frequently), how long the patient can sit, stand and walk in an 8-hour day, need to change position or use a cane, limits on reaching, handling, bending, stooping and climbing, expected absences per month, and the exam, imaging or test findings that support each limit.',
      evidence: mainTreatingEvidence(ctx),
    })];
  },
};
