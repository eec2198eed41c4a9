import type { Fact } from '../../../model/index.js';
import { isExaminingEncounter, makeGap } from '../helpers.js';
import type { GapContext, GapRule } from '../types.js';
import { specialtiesIn } from '../../../model/specialties.js';

const SURGICAL_SPECIALTIES = specialtiesIn('surgical');
/** The provider is known as a surgeon across the record, not one note filed under a surgical heading. */
/** Visits after which a surgeon is the one managing the condition, not a consultant awaiting a decision. */
const MANAGING_VISITS = 3;
const SURGEON_LABEL = /\b(?:orthopedic surgery|neurosurgery|surg\w*)\b/i;

/** The consultation is a treating surgeon's, not an examiner's review of the records (an IME's history of a consult). */
function treatingConsult(ctx: Parameters<GapRule['check']>[0], f: Fact): boolean {
  const enc = ctx.encounterOf(f);
  return !isExaminingEncounter(enc) && enc?.documentRole !== 'examining' && f.temporality !== 'historical';
}

/** Exhibit indexes and claims papers list a consultation; only a clinical record shows one took place without a decision. */
function clinicalFile(ctx: GapContext, file: string | undefined): boolean {
  return ctx.documents.find((d) => d.file === file)?.role?.role !== 'administrative';
}

export const rule: GapRule = {
  meta: {
    id: 'surgical-consult-without-decision-reason',
    title: 'Surgical consultation without a recorded decision',
    severity: 'high',
    rationale: 'Whether surgery was offered, declined or ruled out decides whether curative options are exhausted (MMI). A decision the surgeon recorded in their own note carries its reasoning in the assessment; reviewers ask only when no decision follows the consultation at all.',
    authority: { cite: 'SSR 18-3p (failure to follow prescribed treatment; good cause)', url: 'https://www.ssa.gov/OP_Home/rulings/di/02/SSR2018-03-di-02.html' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the consulting surgeon', ask: 'Please state whether surgery was recommended, and if not, why.' },
    keyed: true,
  },
  check(ctx) {
    const consults = ctx.of('treatment', true).filter((f) => f.attributes.modality === 'surgical_consultation'
      && ['performed', 'completed', 'ongoing'].includes(f.attributes.status));
    // A surgeon's decision may come at the first consultation and be carried through later ones: the decision is
    // looked for from the first consultation on.
    const firstPerProvider = new Map<string, Fact>();
    for (const c of consults) if (SURGEON_LABEL.test(ctx.providerOf(c)) && treatingConsult(ctx, c) && !firstPerProvider.has(ctx.providerOf(c))) firstPerProvider.set(ctx.providerOf(c), c);
    // A surgeon's first visit is a surgical consultation even when no sentence names it one (a letter to the
    // referring doctor); its first fact stands for it.
    for (const v of ctx.visits) {
      if (firstPerProvider.has(v.provider) || !v.facts.length || !SURGEON_LABEL.test(v.provider)) continue;
      if (v.encounters.some((e) => SURGICAL_SPECIALTIES.has(e.specialty) && e.kind !== 'operative_report' && !isExaminingEncounter(e) && e.documentRole !== 'examining')) firstPerProvider.set(v.provider, v.facts[0]);
    }
    // An operation done for the claim answers every consultation: its decision and reason are the operative record's.
    const operated = ctx.asserted.some((f) => f.type === 'treatment' && f.attributes.modality === 'surgery' && ['performed', 'completed'].includes(f.attributes.status));
    const gaps = [];
    for (const [who, c] of operated ? [] : firstPerProvider) {
      const from = ctx.dateOf(c) ?? '';
      // A surgeon who goes on seeing the claimant manages the condition without operating: that care is the decision.
      if (ctx.visits.filter((v) => v.provider === who && v.date >= from).length >= MANAGING_VISITS) continue;
      const later = ctx.asserted.filter((f) => (ctx.dateOf(f) ?? '') >= from);
      const surgery = later.filter((f) => f.type === 'treatment' && f.attributes.modality === 'surgery');
      const ruledOut = later.filter((f) => f.type === 'plan_signal' && f.attributes.signal === 'not_surgical_candidate');
      const declined = [
        ...surgery.filter((f) => f.type === 'treatment' && f.attributes.status === 'declined'),
        ...later.filter((f) => f.type === 'plan_signal' && f.attributes.signal === 'surgery_declined'),
      ];
      const date = ctx.dateOf(c) ?? 'an undated visit';
      if (!surgery.length && !ruledOut.length && !declined.length) {
        if (!clinicalFile(ctx, c.evidence[0]?.file)) continue;
        gaps.push(makeGap(rule.meta, {
          why: `${who} saw the claimant for a surgical consultation (${date}), but no decision on surgery is recorded afterwards.`,
          to: who,
          ask: `Regarding your surgical consultation of ${date}: was surgery recommended? If not, why not (e.g. not a candidate, findings do not correlate, high risk)? If it was, what was planned and what happened?`,
          evidence: c.evidence,
        }));
      }
    }
    return gaps;
  },
};
