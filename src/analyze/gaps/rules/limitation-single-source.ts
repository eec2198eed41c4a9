import type { FloorItem } from '../../../model/index.js';
import { isStale } from '../../floor.js';
import { list, makeGap, opinionAddressee } from '../helpers.js';
import type { GapRule } from '../types.js';
import { hasTreatingOpinion } from './no-treating-source-opinion.js';
import { pushTo } from '../../../util/group.js';

export const rule: GapRule = {
  meta: {
    id: 'limitation-single-source',
    title: 'Limitation documented at one visit or by one provider only',
    severity: 'medium',
    rationale: 'A limitation repeated over visits and by more than one provider is consistent with the record; one mention is easy to discount as a bad day or one opinion. SSA weighs each opinion\'s consistency with the rest of the record.',
    authority: { cite: '20 CFR 404.1520c(c)(2) (consistency)', url: 'https://www.govregs.com/regulations/title20_chapterIII_part404_subpartP_subjgrp192_section404.1520c' },
    profiles: ['ssdi', 'ssi', 'general'],
    request: { to: 'the treating physician', ask: 'At the next visit, please re-examine and document the current limits for these activities.' },
    merge: 'treating-opinion',
    keyed: true,
  },
  check(ctx) {
    if (!ctx.profile.params.singleSourceWithOpinion && hasTreatingOpinion(ctx)) return [];
    // The floor covers the claim period and judges consistency over it; the rule uses that same judgement.
    const items = ctx.floor.filter((i) => i.consistency !== 'corroborated');
    if (!items.length) return [];
    // One request to the treating physician, naming who documented each limitation.
    const bySource = new Map<string, FloorItem[]>();
    for (const i of items) pushTo(bySource, i.providers[0], i);
    const parts = [...bySource].map(([source, group]) => {
      const acts = group.map((i) => i.activity.replace(/_/g, ' '));
      const oneVisit = group.every((i) => i.consistency === 'single_visit');
      const patientOnly = group.every((i) => !i.sources.includes('provider'));
      const stale = group.filter((i) => isStale(i, ctx)).map((i) => `${i.activity.replace(/_/g, ' ')} last on ${i.lastDate}`);
      return `${list(acts)}: documented ${oneVisit ? 'at a single visit' : 'by a single provider'} (${source})${patientOnly ? ', and only as the patient\'s own report' : ''}${stale.length ? `; not restated recently (${list(stale)})` : ''}`;
    });
    const acts = items.map((i) => i.activity.replace(/_/g, ' '));
    const who = opinionAddressee(ctx, items[0].providers[0]);
    return [makeGap(rule.meta, {
      why: `${parts.join('. ')}.`,
      to: who,
      ask: `Please re-examine and state, function by function, the patient's current limits for ${list(acts)} (amounts, hours, or how often) with the exam findings that support them, and whether they are expected to last (temporary or permanent restrictions).`,
      evidence: items.flatMap((i) => i.evidence.slice(0, 1)),
    })];
  },
};
