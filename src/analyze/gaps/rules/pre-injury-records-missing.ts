import type { Fact } from '../../../model/index.js';
import { makeGap, mainTreatingEvidence, recordsOffice, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';

/** A prior condition of the kind claimed ("prior neck strain", "history of low back pain"). */
const PRIOR = /\b(?:prior|previous|history of|h\/o|pre-?existing|old|remote|years? ago)\b[^.]{0,50}\b(?:injur\w*|strain|sprain|surgery|fracture|pain|MVA|accident|concussion|episode|treatment)\b/i;
const PRIMARY = /\b(?:primary care|family (?:medicine|practice)|internal medicine|PCP)\b/i;

export const rule: GapRule = {
  meta: {
    id: 'pre-injury-records-missing',
    title: 'No pre-injury records to establish a baseline',
    severity: 'medium',
    rationale: 'Records from before the injury or alleged onset show the claimant\'s baseline: whether the same body part was treated before, and how the claimant functioned. They decide causation and aggravation, apportionment to a pre-existing condition, and the credibility of a denied prior history; the other side will obtain them.',
    authority: { cite: 'Cal. Lab. Code 4663-4664 (apportionment); Restatement (Second) of Torts 461 (pre-existing condition, aggravation); SSR 18-01p (onset)', url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=4663' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the primary care provider\'s medical records office', ask: 'Please send the records for the years before the injury, including any treatment of the same body part.' },
  },
  check(ctx) {
    const onset = ctx.claim.onset ?? ctx.duration.onset;
    if (!onset) return [];
    const before = ctx.visits.filter((v) => v.date < onset && v.facts.length);
    if (before.length) return [];
    const prior = ctx.asserted.filter((f: Fact) => f.evidence.some((e) => PRIOR.test(e.quote)) && ((ctx.dateOf(f) ?? onset) < onset || f.temporality === 'historical'));
    if (!prior.length && !ctx.profile.params.baselineAlways) return [];
    const pcp = ctx.visits.find((v) => v.facts.length && v.encounters.some((e) => e.specialty === 'primary_care' || PRIMARY.test(`${e.title ?? ''} ${e.provider.organization ?? ''} ${e.file}`)));
    const years = 5;
    const from = `${Number(onset.slice(0, 4)) - years}${onset.slice(4)}`;
    return [makeGap(rule.meta, {
      why: `The record begins at or after the ${ctx.profile.wording.onsetTerm} (${onset}); nothing shows the claimant's condition before it${prior.length ? `, although a prior condition is mentioned ("${shortQuote(prior[0], 100)}")` : ''}.`,
      to: pcp ? recordsOffice(pcp.provider, 'the primary care practice') : 'the claimant (list of prior providers and signed releases)',
      ask: pcp
        ? `Please send all records from ${from} to ${onset} (pre-injury baseline), including any treatment, imaging or work restrictions for the same body part${prior.length ? ' and the prior condition noted in the record' : ''}.`
        : `Please list every provider seen from ${from} to ${onset} (primary care, chiropractic, therapy, emergency care), especially for the same body part, and sign releases so the pre-injury baseline records can be obtained.`,
      evidence: [...prior.slice(0, 2).flatMap((f) => f.evidence.slice(0, 1)), ...(pcp ? pcp.facts[0].evidence.slice(0, 1) : mainTreatingEvidence(ctx))],
    })];
  },
};
