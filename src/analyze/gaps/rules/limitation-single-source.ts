import type { FloorItem } from '../../../model/index.js';
import { isStale } from '../../floor.js';
import { list, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';
import { pushTo } from '../../../util/group.js';

export const rule: GapRule = {
  meta: {
    id: 'limitation-single-source',
    title: 'Limitation documented at one visit or by one provider only',
    severity: 'medium',
    rationale: 'A limitation repeated over visits and by more than one provider is consistent with the record; one mention is easy to discount as a bad day or one opinion.',
    authority: { cite: '20 CFR 404.1520c(c)(2) (consistency)', url: 'https://www.govregs.com/regulations/title20_chapterIII_part404_subpartP_subjgrp192_section404.1520c' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating provider', ask: 'At the next visit, please re-examine and document the current limits for these activities.' },
  },
  check(ctx) {
    // The floor covers the claim period and judges consistency over it; the rule uses that same judgement.
    const byProvider = new Map<string, FloorItem[]>();
    for (const item of ctx.floor) {
      if (item.consistency === 'corroborated') continue;
      const who = item.providers[0];
      pushTo(byProvider, who, item);
    }
    return [...byProvider].map(([who, items]) => {
      const acts = items.map((i) => i.activity.replace(/_/g, ' '));
      const oneVisit = items.every((i) => i.consistency === 'single_visit');
      const patientOnly = items.every((i) => !i.sources.includes('provider'));
      const stale = items.filter((i) => isStale(i, ctx)).map((i) => `${i.activity.replace(/_/g, ' ')} last on ${i.lastDate}`);
      return makeGap(rule.meta, {
        why: `${list(acts)}: documented ${oneVisit ? 'at a single visit' : 'by a single provider'} (${who})${patientOnly ? ', and only as the patient\'s own report' : ''}${stale.length ? `; not restated recently (${list(stale)})` : ''}.`,
        to: who,
        ask: `Please re-assess and record, with the exam findings that support them, the patient's current limits for ${list(acts)} (amounts, hours, or how often), and say whether they are expected to last.`,
        evidence: items.flatMap((i) => i.evidence.slice(0, 1)),
      });
    });
  },
};
