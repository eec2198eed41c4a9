import type { DocumentStatus } from '../../../model/index.js';
import { mainTreatingEvidence, makeGap, opinionAddressee } from '../helpers.js';
import type { GapRule } from '../types.js';

const FINAL = new Set(['mmi', 'permanent_and_stationary']);
const RATING_WORDS = /\b\d{1,2}(?:\.\d)?\s*%\s*(?:SLU|schedule(?:d)? loss|loss of use|WPI|whole[- ]person|impairment|PPD|PD rating)|\b(?:SLU|schedule loss of use)\b[^.]{0,40}\b\d{1,2}(?:\.\d)?\s*%/i;

/** A closure notice's or award's line states what was rated: a percent or an amount ("6% whole person", "Total PPD award … $7,750.00"). */
const AWARDED = /\d\s*%|\$\s*\d/;
/**
 * An administrative paper (a closure notice, an award) that states the rated impairment: the claim was rated. An
 * examiner's rating is not the treating side's, so only the agency's or carrier's paper counts here.
 */
function awardOnFile(d: DocumentStatus): boolean {
  return !d.misfiled && d.role?.role === 'administrative' && !!d.formsOnFile?.some((f) => f.id === 'impairment_award' && f.evidence.some((e) => AWARDED.test(e.quote)));
}

export const rule: GapRule = {
  meta: {
    id: 'impairment-rating-missing',
    title: 'MMI reached without an impairment rating',
    severity: 'high',
    rationale: 'Once MMI / permanent and stationary is declared, permanent disability is valued from an impairment rating (whole-person %, with the AMA Guides edition), permanent restrictions and future medical care. Without them the permanent phase of the claim cannot be valued.',
    authority: { cite: 'AMA Guides (impairment rated at MMI); 8 CCR 9785 (P&S report)', url: 'https://regulations.justia.com/states/california/title-8/division-1/chapter-4-5/subchapter-1/article-5/section-9785-4' },
    profiles: ['workers_comp'],
    request: { to: 'the physician who stated MMI', ask: 'Please provide the permanent impairment rating with the AMA Guides edition used.' },
    keyed: true,
    merge: 'mmi-opinion',
  },
  check(ctx) {
    // A rating is a percentage of impairment; "100% apportioned to the accident" and "% of temporary impairment" are not.
    const ratings = ctx.of('impairment_rating', true).filter((r) => r.attributes.percent > 0 && r.attributes.percent < 100
      && !r.evidence.some((e) => /apportion|temporary/i.test(e.quote)));
    // Schedule-loss and other ratings the extractor reads only as words ("35% SLU of the right arm") count as ratings too.
    const ratedInWords = ctx.asserted.some((f) => f.evidence.some((e) => RATING_WORDS.test(e.quote)))
      || ctx.documents.some(awardOnFile);
    if (ctx.mmi.status === 'implied') {
      // In workers' comp the permanent phase cannot be valued until someone rates the impairment at MMI.
      if (ratings.length || ratedInWords) return [];
      const who = opinionAddressee(ctx, ctx.mmi.statedBy, 'the primary treating physician');
      return [makeGap(rule.meta, {
        why: `The record implies MMI from ${ctx.mmi.date ?? 'an undated point'} (maintenance care only), but no provider has stated it or rated the permanent impairment.`,
        to: who,
        ask: 'The recent notes describe maintenance care only. Please state whether the patient has reached MMI / is permanent and stationary, and if so provide the permanent impairment rating (whole person %, body part, AMA Guides edition and tables), permanent work restrictions and future medical care needed.',
        evidence: ctx.mmi.reasons[0]?.evidence ?? mainTreatingEvidence(ctx),
      })];
    }
    if (ctx.mmi.status !== 'explicit') return [];
    const statements = ctx.of('mmi_statement', true).filter((s) => FINAL.has(s.attributes.kind));
    if (!statements.length) return [];
    const stated = statements[statements.length - 1];
    const who = opinionAddressee(ctx, ctx.providerOf(stated));
    if (!ratings.length && !ratedInWords) {
      return [makeGap(rule.meta, {
        why: `${ctx.providerOf(stated)} states MMI (${ctx.mmi.date ?? ctx.dateOf(stated) ?? 'undated'}) but no impairment rating appears in the record.`,
        to: who,
        ask: `The record states the patient reached MMI as of ${ctx.mmi.date ?? ctx.dateOf(stated) ?? 'the date of the report'}. Please provide the permanent impairment rating (whole person %, body part, AMA Guides edition and tables used), the permanent work restrictions, apportionment if applicable, and the future medical care needed.`,
        evidence: stated.evidence.slice(0, 1),
      })];
    }
    if (!ratings.length || ratings.some((r) => r.attributes.guidesEdition)) return [];
    const rating = ratings[0];
    return [makeGap(rule.meta, {
      why: `An impairment rating of ${rating.attributes.percent}% is given without the AMA Guides edition it was rated under.`,
      to: opinionAddressee(ctx, ctx.providerOf(rating), ctx.providerOf(rating)),
      ask: `Please state which edition of the AMA Guides (and which tables) the ${rating.attributes.percent}% impairment rating uses, and whether it is whole person or regional.`,
      evidence: rating.evidence,
    })];
  },
};
