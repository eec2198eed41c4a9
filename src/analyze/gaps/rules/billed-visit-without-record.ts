import type { BillingAnalysis } from '../../../model/index.js';
import { list, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';
import { pushTo } from '../../../util/group.js';

/** Dates named in one request; the rest are counted, and every billed row is still cited. */
const MAX_DATES_NAMED = 12;

export const rule: GapRule = {
  meta: {
    id: 'billed-visit-without-record',
    title: 'Billed visit with no treatment note in the file',
    severity: 'medium',
    rationale: 'A ledger line shows the claimant was seen, but the note that says what was found and done is missing. The record must be complete: the claimant must submit all evidence known to relate to the claim, and the agency must develop the complete medical history from each treating source.',
    authority: { cite: '20 CFR 404.1512(a)-(b) (duty to submit all evidence; developing the complete medical history)', url: 'https://www.ecfr.gov/current/title-20/section-404.1512' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the billing provider', ask: 'Please send the office/treatment notes for the visits billed on the dates listed.' },
  },
  check(ctx) {
    const missing = ctx.billing?.billedWithoutRecord ?? [];
    const byProvider = new Map<string, BillingAnalysis['billedWithoutRecord']>();
    for (const m of missing) pushTo(byProvider, m.provider, m);
    return [...byProvider].map(([provider, items]) => {
      const dates = items.map((i) => i.date);
      const named = dates.slice(0, MAX_DATES_NAMED);
      const more = dates.length - named.length;
      const dateList = `${list(named)}${more > 0 ? ` and ${more} more date${more > 1 ? 's' : ''}` : ''}`;
      const services = [...new Set(items.flatMap((i) => i.codes))];
      const plural = dates.length > 1;
      return makeGap(rule.meta, {
        why: `The ledger bills ${provider} for ${dates.length} date${plural ? 's' : ''} of service (${dateList}${services.length ? `; code${services.length > 1 ? 's' : ''} ${list(services.slice(0, 8))}` : ''}) with no note from that provider in the file.`,
        to: provider,
        ask: `Please send the office/treatment note${plural ? 's' : ''} for the visit${plural ? 's' : ''} billed on ${dateList}.`,
        evidence: items.flatMap((i) => i.evidence),
      });
    });
  },
};
