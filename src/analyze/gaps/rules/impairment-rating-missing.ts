import { mainTreatingEvidence, mainTreatingSource, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';

export const rule: GapRule = {
  meta: {
    id: 'impairment-rating-missing',
    title: 'MMI reached without an impairment rating',
    severity: 'high',
    rationale: 'Once MMI / permanent and stationary is declared, permanent disability is valued from an impairment rating (whole-person %, with the AMA Guides edition), permanent restrictions and future medical care. Without them the permanent phase of the claim cannot be valued.',
    authority: { cite: 'AMA Guides (impairment rated at MMI); 8 CCR 9785 (P&S report)', url: 'https://regulations.justia.com/states/california/title-8/division-1/chapter-4-5/subchapter-1/article-5/section-9785-4' },
    profiles: ['workers_comp'],
    request: { to: 'the physician who stated MMI', ask: 'Please provide the permanent impairment rating with the AMA Guides edition used.' },
  },
  check(ctx) {
    if (ctx.mmi.status === 'implied') {
      // In workers' comp the permanent phase cannot be valued until someone rates the impairment at MMI.
      if (ctx.of('impairment_rating', true).length) return [];
      const who = mainTreatingSource(ctx, 'the primary treating physician');
      return [makeGap(rule.meta, {
        why: `The record implies MMI from ${ctx.mmi.date ?? 'an undated point'} (maintenance care only), but no provider has stated it or rated the permanent impairment.`,
        to: who,
        ask: 'The recent notes describe maintenance care only. Please state whether the patient has reached MMI / is permanent and stationary, and if so provide the permanent impairment rating (whole person %, body part, AMA Guides edition and tables), permanent work restrictions and future medical care needed.',
        evidence: ctx.mmi.reasons[0]?.evidence ?? mainTreatingEvidence(ctx),
      })];
    }
    if (ctx.mmi.status !== 'explicit') return [];
    const who = ctx.mmi.statedBy ?? rule.meta.request.to;
    const ratings = ctx.of('impairment_rating', true);
    if (!ratings.length) {
      return [makeGap(rule.meta, {
        why: `${who} states MMI (${ctx.mmi.date ?? 'undated'}) but no impairment rating appears in the record.`,
        to: who,
        ask: `You found the patient at MMI as of ${ctx.mmi.date ?? 'the date of your report'}. Please provide the permanent impairment rating (whole person %, body part, AMA Guides edition and tables used), the permanent work restrictions, apportionment if applicable, and the future medical care needed.`,
        evidence: ctx.mmi.reasons[0]?.evidence ?? [],
      })];
    }
    if (ratings.some((r) => r.attributes.guidesEdition)) return [];
    return [makeGap(rule.meta, {
      why: `An impairment rating of ${ratings[0].attributes.percent}% is given without the AMA Guides edition it was rated under.`,
      to: ctx.providerOf(ratings[0]),
      ask: `Please state which edition of the AMA Guides (and which tables) your ${ratings[0].attributes.percent}% rating uses, and whether it is whole person or regional.`,
      evidence: ratings[0].evidence,
    })];
  },
};
