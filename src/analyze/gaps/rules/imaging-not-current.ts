import type { FactOf, Specialty } from '../../../model/index.js';
import { specialtiesIn } from '../../../model/specialties.js';
import { isOpinionForm } from '../../../model/encounter.js';
import { daysBetween, monthsOfDays } from '../../dates.js';
import { makeGap, mainTreatingEvidence, opinionAddressee, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';
import { systemicClaim } from '../../claimed-conditions.js';

const NOT_DONE = /\b(?:order\w*|schedul\w*|recommend\w*|consider\w*|will|plan\w*|pending|authori[sz]\w*|request\w*|financial|form|when able|if|needs?|needed|should|no indication)\b/i;
const WORSENING = /\b(?:worsen\w*|getting worse|progressive (?:[\w-]+ ){0,2}(?:weakness|numbness|deficits?|symptoms|pain|swelling|myelopathy|radiculopathy|atrophy)|(?:symptoms|pain|weakness|numbness|deficits?) (?:is |are )?progressing|new (?:onset|numbness|weakness|tingling)|increas\w* (?:pain|weakness|numbness)|deteriorat\w*)\b/i;
/** Not a change in the condition: what aggravates it ("sitting > 30 min worsens neck pain") or what to watch for ("call for new weakness"). */
const NOT_A_CHANGE = /\b(?:worsens|worsened by|aggravat\w*|exacerbat\w* by)\s+(?:(?:the|her|his|their)\s+)?(?:[\w-]+\s+)?(?:pain|symptoms|discomfort)|\b(?:call|return|seek\w*(?: medical)? (?:care|attention)|report|go to (?:the )?(?:ER|ED|emergency))\b[^.]{0,40}\b(?:for|if|with)\b[^.]{0,60}\b(?:worse|worsen\w*|new)\b|\bprecautions?\b/i;
/** No imaging for this long while care continues leaves the current structural state unknown. */
const STALE_DAYS = 365;
const NOT_ORDERING = new Set<Specialty>([...specialtiesIn('mental_health'), ...specialtiesIn('therapy'), 'chiropractic']);
/** Before the word, in its clause: it is denied, conditional or a watch-for ("no new weakness", "if frequency worsens", "only for progressive deficit"). */
const NOT_STATED_BEFORE = /\b(?:no|not|without|denies|denied|if|should|unless|only|would|could|may|might|in case|watch|monitor)\b[^.;:,]*$/i;

/** The sentence says the condition got worse: a worsening word neither denied nor conditional, and not what merely aggravates it. */
export function statesWorsening(quote: string): boolean {
  if (NOT_A_CHANGE.test(quote)) return false;
  for (const m of quote.matchAll(new RegExp(WORSENING.source, 'gi'))) {
    if (!NOT_STATED_BEFORE.test(quote.slice(Math.max(0, m.index - 50), m.index))) return true;
  }
  return false;
}
/** ... or this long when the notes describe worsening. */
const STALE_WORSENING_DAYS = 180;

export const rule: GapRule = {
  meta: {
    id: 'imaging-not-current',
    title: 'No recent imaging of the claimed condition despite continuing or worsening symptoms',
    severity: 'medium',
    rationale: 'Imaging that predates months of continuing complaints, new findings or a worsening exam no longer shows the current structural state; an adjudicator will ask whether the condition changed. Updated imaging (or the treating physician\'s reason it is not indicated) closes that question.',
    authority: { cite: '20 CFR 404.1513(a)(1) (objective medical evidence); 20 CFR 404.1529(c)(2) (objective evidence)', url: 'https://www.ecfr.gov/current/title-20/section-404.1529' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating physician', ask: 'Please state whether updated imaging is indicated and, if it was done, send the report.' },
  },
  check(ctx) {
    const visits = ctx.visits.filter((v) => v.facts.length);
    if (visits.length < 3) return [];
    const end = visits[visits.length - 1].date;
    const reportDates = [...ctx.encounters.values()].filter((e) => e.kind === 'imaging' && e.date).map((e) => e.date!);
    const mentioned = ctx.of('treatment', true).filter((f): f is FactOf<'treatment'> => f.attributes.modality === 'imaging_study'
      && ['performed', 'completed'].includes(f.attributes.status) && (f.dateSource === 'sentence' || f.dateSource === 'relative')
      && !f.evidence.some((e) => NOT_DONE.test(e.quote)) && !isOpinionForm(ctx.encounterOf(f)?.kind));
    const dates = [...reportDates, ...mentioned.map((f) => ctx.dateOf(f)!).filter(Boolean)].filter((d) => d <= end).sort();
    const planned = ctx.of('treatment').filter((f) => f.attributes.modality === 'imaging_study' && ['recommended', 'planned'].includes(f.attributes.status));
    const last = dates[dates.length - 1];
    if (!last) {
      // Never imaged: only a gap when imaging was recommended and never done.
      if (!planned.length) return [];
      const first = planned[0];
      const who = opinionAddressee(ctx, ctx.providerOf(first));
      return [makeGap(rule.meta, {
        why: `Imaging was recommended (${ctx.dateOf(first) ?? 'undated'}: "${shortQuote(first, 100)}"${planned.length > 1 ? `; again ${ctx.dateOf(planned[planned.length - 1])}` : ''}), but no imaging of the claimed condition is in the record.`,
        to: who,
        ask: 'Imaging (e.g. an MRI) of the claimed condition was recommended but no study appears in the record. Please state whether it was done (and send the report), and if not, why not (authorization or insurance denial, cost, access) and whether it is still indicated.',
        evidence: [...planned.slice(0, 2).flatMap((f) => f.evidence.slice(0, 1))],
      })];
    }
    const after = visits.filter((v) => v.date > last);
    // A mental claim is measured by examination and testing of the mind, not by a new scan of the body; a systemic one
    // (multiple sclerosis, heart failure) by the disease's own markers, not by films of a region.
    if (after.length < 2 || ctx.mentalClaim || systemicClaim(ctx.asserted)) return [];
    const gapDays = daysBetween(last, end);
    const worse = ctx.asserted.filter((f) => (ctx.dateOf(f) ?? '') > last && f.evidence.some((e) => statesWorsening(e.quote)) && f.type !== 'treatment');
    const trendWorse = ctx.trajectory.trends.some((t) => t.verdict === 'worsened' && t.points.some((p) => (p.date ?? '') > last));
    const changed = gapDays >= STALE_WORSENING_DAYS && (worse.length > 0 || trendWorse);
    // Social Security weighs the impairment as it is now, so old imaging alone is a gap there; a carrier or a jury asks
    // for new films when the condition changed, not because a stable one was not imaged again.
    const ssa = ctx.claim.type === 'ssdi' || ctx.claim.type === 'ssi';
    if (!changed && (gapDays < STALE_DAYS || !ssa)) return [];
    // Imaging is ordered by a physician treating the body, not by a counsellor or a therapist.
    const orderer = [...after].reverse().find((v) => v.encounters.some((e) => !NOT_ORDERING.has(e.specialty)));
    const who = opinionAddressee(ctx, orderer?.provider);
    return [makeGap(rule.meta, {
      why: `The most recent imaging in the record is from ${last}; care continued for ${monthsOfDays(gapDays)} more months (${after.length} visits, to ${end})${worse.length ? ` with worsening noted ("${shortQuote(worse[worse.length - 1], 90)}")` : ''}, and no later imaging or reason for not repeating it is recorded.`,
      to: who,
      ask: `The latest imaging in the record is from ${last}. Please state whether updated imaging (e.g. MRI, X-rays or EMG/NCS) of the claimed condition is indicated given the course since then, and if any was done, send the report; if not indicated, please say why.`,
      evidence: [...(worse.length ? worse[worse.length - 1].evidence.slice(0, 1) : []), ...mainTreatingEvidence(ctx)],
    })];
  },
};
