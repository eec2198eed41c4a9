import type { Fact, FactOf } from '../../../model/index.js';
import { makeGap, opinionAddressee } from '../helpers.js';
import { hasTreatingOpinion } from './no-treating-source-opinion.js';
import type { GapRule } from '../types.js';
import { pushTo } from '../../../util/group.js';

const HISTORY = /\b(?:since|has been|was|stopped|year-old|years? old|history|reports?|states?|says?)\b/i;

export const rule: GapRule = {
  meta: {
    id: 'work-status-without-limits',
    title: '"Off work" or "disabled" without functional limits',
    severity: 'medium',
    rationale: 'Statements that the claimant is disabled or cannot work are on an issue reserved to the Commissioner and receive no analysis; the same note with specific limits (lift, sit, stand, walk) is a medical opinion that must be weighed.',
    authority: { cite: '20 CFR 404.1520b(c)(3) (statements on issues reserved to the Commissioner)' },
    profiles: ['ssdi', 'ssi'],
    request: { to: 'the provider who wrote the work status', ask: 'Please state the specific functional limits behind the work status.' },
    keyed: true,
    merge: 'treating-opinion',
  },
  check(ctx) {
    if (hasTreatingOpinion(ctx)) return [];
    const bare = new Map<string, FactOf<'work_status'>[]>();
    // The provider's latest specific limits: a bare "off work" is answered by limits the same provider gives then or later.
    // Keyed by the clinician's name when known: the same doctor may be labelled with or without a specialty.
    const author = (f: Fact): string => ctx.encounterOf(f)?.provider.name?.trim() || ctx.providerOf(f);
    const limitsUntil = new Map<string, string>();
    for (const f of ctx.of('limitation')) {
      const d = ctx.dateOf(f);
      const who = author(f);
      if (f.attributes.source === 'provider' && d && d > (limitsUntil.get(who) ?? '')) limitsUntil.set(who, d);
    }
    for (const f of ctx.of('work_status')) {
      if (!['off_work', 'unable_any_work'].includes(f.attributes.status)) continue;
      // A history line ("off work since 06/2023", "stopped working") reports the past, it is not the provider's work status.
      if (f.evidence.some((e) => HISTORY.test(e.quote))) continue;
      const who = opinionAddressee(ctx, ctx.providerOf(f));
      if ((limitsUntil.get(author(f)) ?? '') >= (ctx.dateOf(f) ?? '\uffff')) continue;
      pushTo(bare, who, f);
    }
    return [...bare].map(([who, facts]) => {
      const dates = [...new Set(facts.map((f) => ctx.dateOf(f)).filter((d): d is string => !!d))];
      const quote = facts[facts.length - 1].evidence[0].quote.trim();
      return makeGap(rule.meta, {
        why: `${ctx.providerOf(facts[facts.length - 1])} records work status "${quote}"${dates.length ? ` (${dates.join(', ')})` : ''} without saying which functions are limited.`,
        to: who,
        ask: `The note${dates.length ? ` of ${dates[dates.length - 1]}` : ''} says "${quote}". Please state, function by function, the specific limits behind it: how much the patient can lift and carry, how long they can sit, stand and walk in a workday, any limits on reaching, handling, bending or climbing, and the findings that support them.`,
        evidence: facts.flatMap((f) => f.evidence.slice(0, 1)),
      });
    });
  },
};
