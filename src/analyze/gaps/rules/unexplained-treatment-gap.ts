import type { Fact } from '../../../model/index.js';
import { DAYS_PER_MONTH, daysBetween } from '../../dates.js';
import { list, makeGap } from '../helpers.js';
import { pushTo } from '../../../util/group.js';
import { isTreatingVisit } from '../../case-context.js';
import type { GapRule } from '../types.js';

// A plan that sets sparse follow-up (or says nothing more can be done) explains the interval (SSR 16-3p).
// Ruling surgery out or declining it explains why there was no operation, not why there were no visits.
const EXPLAINING = new Set(['maintenance_care', 'continue_current_management', 'follow_up_prn', 'no_further_treatment']);

function explains(f: Fact): boolean {
  return (f.type === 'plan_signal' && EXPLAINING.has(f.attributes.signal)) || (f.type === 'mmi_statement' && f.attributes.kind !== 'not_at_mmi');
}

const NUMBER: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, nine: 9, twelve: 12 };
const RETURN = /\b(?:return|follow[- ]?up|f\/u|RTC|recheck|re-?evaluat\w*|see (?:him|her|them|patient) (?:back|again)|next (?:visit|appointment)|come back)\b/i;
const INTERVAL = /\b(?:in|x|every|for)?\s*(\d+|one|two|three|four|five|six|eight|nine|twelve)\s*(?:-\s*(\d+)\s*)?(weeks?|wks?|months?|mos?)\b/i;

/** The follow-up interval a visit set ("RTC 3 months", "follow up in 6-8 weeks"), in days. */
export function plannedIntervalDays(facts: Fact[]): number | undefined {
  let best: number | undefined;
  for (const f of facts) for (const e of f.evidence) {
    const text = f.type === 'plan_signal' && f.attributes.target ? `${e.quote} ${f.attributes.target}` : e.quote;
    if (!RETURN.test(text) && !(f.type === 'plan_signal' && f.attributes.signal === 'return_to_clinic')) continue;
    const m = INTERVAL.exec(text);
    if (!m) continue;
    const n = Number(m[2] ?? NUMBER[m[1].toLowerCase()] ?? m[1]);
    const days = /^w/i.test(m[3]) ? n * 7 : n * DAYS_PER_MONTH;
    best = Math.max(best ?? 0, days);
  }
  return best;
}

export const rule: GapRule = {
  meta: {
    id: 'unexplained-treatment-gap',
    title: 'Unexplained gap in treatment',
    severity: 'medium',
    rationale: 'A long break in care can be read as improvement or non-compliance. SSR 16-3p requires considering reasons first: a plateau with periodic visits, no further effective treatment, cost or access. A stated reason turns the gap into evidence of stability.',
    authority: { cite: 'SSR 16-3p (treatment history; reasons for infrequent treatment)', url: 'https://thefederalregister.org/81-FR/14166' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the provider seen after the gap', ask: 'Please document why there were no visits during this interval and the patient\'s condition during it.' },
    keyed: true,
  },
  check(ctx) {
    const limit = ctx.profile.params.treatmentGapDays;
    // Between visits of the course of treatment since onset: a date recalled from before the injury (a birth date, "since
    // 2014") opens no gap, and an ED physician or examiner is not the one to explain the treating record's silence.
    const onset = ctx.claim.onset;
    const visits = ctx.visits.filter((v) => isTreatingVisit(v, ctx.notConditionCare) && (!onset || v.date >= onset));
    const billed = [...ctx.encounters.values()].filter((e) => e.source === 'ledger' && e.date).map((e) => e.date!);
    // A therapy course's summary lists its visits as dated rows ("05/22/2023 RE-EVAL #1 (visit 16): …"): visits too.
    const logged = [...ctx.encounters.values()].filter((e) => !ctx.notConditionCare.has(e.specialty)).flatMap((e) => (e.visitRows ?? []).map((r) => r.date));
    // One request per provider seen after a gap, naming each interval: a clinic asked three times is asked once.
    const intervals = new Map<string, { a: (typeof visits)[number]; b: (typeof visits)[number]; days: number }[]>();
    for (let i = 1; i < visits.length; i++) {
      const a = visits[i - 1];
      const b = visits[i];
      const days = daysBetween(a.date, b.date);
      if (days <= limit) continue;
      const plateauBefore = (ctx.mmi.status === 'explicit' || ctx.mmi.status === 'implied') && ctx.mmi.date && ctx.mmi.date <= a.date;
      if (plateauBefore || a.facts.some(explains)) continue;
      // A billed visit in between is a visit whose note is missing (billed-visit-without-record asks for it), not a break in
      // care; nor is a visit a log row records.
      if ([...billed, ...logged].some((d) => d > a.date && d < b.date)) continue;
      // A return visit set at the earlier visit ("RTC 3 months") explains an interval of about that length.
      const planned = plannedIntervalDays(a.facts);
      if (planned !== undefined && days <= planned + 30) continue;
      pushTo(intervals, b.provider, { a, b, days });
    }
    const gaps = [...intervals].map(([provider, found]) => {
      const spans = found.map(({ a, b, days }) => `${days} days, from ${a.date} (${a.provider}) to ${b.date}`);
      const dates = found.map(({ a, b, days }) => `${a.date} and ${b.date} (${days} days)`);
      return makeGap(rule.meta, {
        why: `No visits for ${list(spans)}${found.length === 1 ? ` (${provider})` : ''}, and the record gives no reason.`,
        to: provider,
        ask: `The records show no treatment between ${list(dates)}. Please document the reason for ${found.length > 1 ? 'these intervals' : 'this interval'} (for example symptoms at a plateau with no further effective treatment, cost or insurance, access, or side effects) and the patient's condition during ${found.length > 1 ? 'them' : 'it'}.`,
        evidence: found.flatMap(({ a, b }) => [...a.facts[0].evidence, ...b.facts[0].evidence]),
      });
    });
    return gaps;
  },
};
