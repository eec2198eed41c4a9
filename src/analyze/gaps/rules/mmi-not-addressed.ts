import type { FactOf } from '../../../model/index.js';
import { daysBetween, monthsOfDays } from '../../dates.js';
import { isExaminingEncounter, mainTreatingEvidence, makeGap, opinionAddressee, NOT_AN_OPINION_SOURCE } from '../helpers.js';
import type { GapRule } from '../types.js';

/** A course this long without anyone addressing MMI or permanence leaves the question open. */
const RIPE_DAYS = 180;
const MIN_VISITS = 4;
const FINAL = new Set(['mmi', 'permanent_and_stationary']);

export const rule: GapRule = {
  meta: {
    id: 'mmi-not-addressed',
    title: 'No treating physician has addressed MMI or permanency',
    severity: 'high',
    rationale: 'Whether the condition has reached maximum medical improvement (is permanent and stationary, not expected to improve significantly) decides when temporary benefits end and permanent disability is rated, and shows that the limitations will last. An inference from the pattern of visits, an examiner\'s or a nurse case manager\'s remark is far weaker than the treating physician\'s own statement with a date.',
    authority: { cite: 'AMA Guides (MMI: condition stabilized, unlikely to change substantially in the next year); 8 CCR 9785 (P&S report); 20 CFR 404.1509 (duration)', url: 'https://regulations.justia.com/states/california/title-8/division-1/chapter-4-5/subchapter-1/article-5/section-9785-4' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating physician', ask: 'Please state whether the patient has reached maximum medical improvement (MMI), and as of what date.' },
    merge: 'mmi-opinion',
  },
  check(ctx) {
    // An MMI implied by maintenance care is asked by mmi-implied-not-stated; active care means MMI is not yet in question.
    if (ctx.mmi.status !== 'explicit') return [];
    const treatingFinal = ctx.of('mmi_statement', true).filter((s) => FINAL.has(s.attributes.kind)
      && !isExaminingEncounter(ctx.encounterOf(s)) && !NOT_AN_OPINION_SOURCE.test(ctx.providerOf(s)));
    if (treatingFinal.length) return [];
    const visits = ctx.visits.filter((v) => v.facts.length);
    if (visits.length < MIN_VISITS) return [];
    const span = daysBetween(visits[0].date, visits[visits.length - 1].date);
    if (span < RIPE_DAYS) return [];
    const who = opinionAddressee(ctx);
    const others = ctx.of('mmi_statement', true).filter((s) => !treatingFinal.includes(s)) as FactOf<'mmi_statement'>[];
    const elsewhere = others.find((s) => FINAL.has(s.attributes.kind));
    const ssa = ctx.profile.params.twelveMonthRule;
    const pattern = `Care has run ${monthsOfDays(span)} months (${visits[0].date} to ${visits[visits.length - 1].date}) and`;
    const why = `${pattern} no treating physician states whether the claimant has reached maximum medical improvement or is permanent${elsewhere ? `; the only MMI statement comes from ${ctx.providerOf(elsewhere)}, not a treating physician` : ''}.`;
    const ask = ssa
      ? 'Please state whether the patient\'s condition has reached maximum medical improvement (stable and not expected to improve significantly with or without treatment), since what date, and whether the limitations you have documented are permanent, with the findings that support your opinion.'
      : 'Please state whether the patient has reached maximum medical improvement (permanent and stationary) and from what date. If so, please provide the permanent impairment rating (body part, whole-person %, AMA Guides edition and tables), the permanent work restrictions and the future medical care needed; if not, what treatment remains and when MMI is expected.';
    return [makeGap(rule.meta, {
      why, to: who, ask,
      evidence: [...(elsewhere?.evidence.slice(0, 1) ?? []), ...mainTreatingEvidence(ctx)],
    })];
  },
};
