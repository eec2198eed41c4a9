import { specialtiesIn } from '../../../model/specialties.js';
import { hasPaperNamed, mainTreatingEvidence, makeGap, opinionAddressee, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';

/** A life care plan or future-care cost projection among the papers (its file name or title). */
const LIFE_CARE_PLAN = /\blife[\s_-]*care[\s_-]*plan\b|\bfuture[\s_-]*(?:medical|care)[\s_-]*(?:cost|projection|estimate)/i;
/** An item priced for a period: "$624 per year", "$4,100 each", "8 visits per year at $165". */
const COSTED = /\$\s?\d[\d,]*(?:\.\d\d)?\s*(?:per|a|each|\/)\s*(?:year|yr|month|mo|visit|session|injection)?|\bper (?:year|month)\b[^.;]{0,40}\$\s?\d/i;
/** Care for later from a physician, not a therapist's or chiropractor's own estimate of more of their care. */
const NOT_A_PHYSICIAN = new Set([...specialtiesIn('therapy'), 'chiropractic']);

export const rule: GapRule = {
  meta: {
    id: 'future-care-unsupported',
    title: 'No physician\'s projection of future care (life care plan or future treatment, frequency and cost)',
    severity: 'medium',
    rationale: 'Future medical expenses are recoverable only with reasonable medical certainty: a physician (or a life care planner relying on one) must say what care the injury will need, how often, for how long and at what cost. Without that foundation a demand\'s future-care figure is usually excluded or discounted, and the claimant\'s lasting needs go uncompensated.',
    authority: { cite: 'Restatement (Second) of Torts 912 and 924(c) (future medical expenses proved with reasonable certainty)', url: 'https://www.law.cornell.edu/wex/damages' },
    profiles: ['personal_injury'],
    request: { to: 'the treating physician', ask: 'Please state, to a reasonable degree of medical certainty, what future care the injury will require (treatment, frequency, duration) and its expected cost, or refer for a life care plan.' },
  },
  check(ctx) {
    if (hasPaperNamed(ctx, LIFE_CARE_PLAN)) return [];
    // Nothing to project when the record shows no lasting condition: no plateau, no care under way at its end.
    if (ctx.mmi.status === 'insufficient_evidence') return [];
    const allowed = ctx.allowedLater.filter((f) => !NOT_A_PHYSICIAN.has(ctx.encounterOf(f)?.specialty ?? 'unknown'));
    // A physician who itemises the care to come with its frequency and cost ("Physical therapy for flares, 8 visits per
    // year at $165 = $1,320 per year") has given the projection.
    if (allowed.some((f) => COSTED.test(f.evidence[0]?.quote ?? ''))) return [];
    const who = opinionAddressee(ctx, allowed.length ? ctx.providerOf(allowed[allowed.length - 1]) : undefined);
    const named = allowed.at(-1);
    return [makeGap(rule.meta, {
      why: named
        ? `The treating record names care for later ("${shortQuote(named, 100)}") but gives no frequency, duration or cost, and there is no life care plan: future medical expenses have no physician's foundation.`
        : 'No physician states what future care the injury will need, how often or at what cost, and there is no life care plan: future medical expenses have no physician\'s foundation.',
      to: who,
      ask: 'Please state, to a reasonable degree of medical certainty, what future care the injury will require (treatment, frequency, duration) and its expected cost, or refer for a life care plan.',
      evidence: named ? named.evidence.slice(0, 1) : mainTreatingEvidence(ctx),
    })];
  },
};
