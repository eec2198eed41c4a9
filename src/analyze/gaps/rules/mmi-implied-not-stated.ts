import { makeGap, opinionAddressee } from '../helpers.js';
import type { GapRule } from '../types.js';

export const rule: GapRule = {
  meta: {
    id: 'mmi-implied-not-stated',
    title: 'MMI implied by the pattern of care but never stated',
    severity: 'medium',
    rationale: 'The record shows a plateau (maintenance-only care after active treatment) but no provider says so. A stated MMI/permanence opinion, with date and permanent restrictions, is far stronger than an inference.',
    authority: { cite: 'AMA Guides (MMI: condition stabilized, unlikely to change substantially in the next year); 8 CCR 9785', url: 'https://ama-guides.ama-assn.org/newsletter/article-abstract/23/3/7/69/Maximum-Medical-Improvement-Jurisdictional?redirectedFrom=fulltext' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating physician', ask: 'In your opinion, has the patient reached maximum medical improvement, and as of what date?' },
    merge: 'mmi-opinion',
    keyed: true,
  },
  check(ctx) {
    if (ctx.mmi.status !== 'implied') return [];
    const who = opinionAddressee(ctx, ctx.mmi.statedBy);
    return [makeGap(rule.meta, {
      why: `The record implies MMI from ${ctx.mmi.date} (maintenance-only visits after active treatment ended), but no provider states it.`,
      to: who,
      ask: `Since ${ctx.mmi.date} your notes show maintenance care only. In your opinion, has the patient reached maximum medical improvement (condition stable and not expected to change substantially in the next year)? If so, please state the date, the permanent restrictions, and the future care you expect to be needed.`,
      evidence: ctx.mmi.evidence.slice(0, 4),
    })];
  },
};
