import { canBeAskedForSupport, reviewOpinions } from '../../opinions/index.js';
import { list, makeGap, NOT_AN_OPINION_SOURCE } from '../helpers.js';
import type { GapRule } from '../types.js';

export const rule: GapRule = {
  meta: {
    id: 'opinion-without-support',
    title: 'A treating opinion on function with no findings behind it in its author\'s records',
    severity: 'high',
    rationale: 'Supportability is one of the two most important factors in weighing a medical opinion: the objective findings and explanation its own source presents. A treating source\'s limits with no exam sign, imaging or test result in that source\'s records are the first an adjudicator discounts; its author can supply what they rest on.',
    authority: { cite: '20 CFR 404.1520c(c)(1) / 416.920c(c)(1) (supportability); 404.1527(c)(2)-(3) / 416.927(c)(2)-(3) for claims filed before 27 March 2017', url: 'https://www.ecfr.gov/current/title-20/section-404.1520c' },
    profiles: ['ssdi', 'ssi'],
    request: { to: 'the treating physician', ask: 'Please state the examination findings, imaging or test results that support the limits you gave.' },
    // Asked of the same person as "document the objective findings", it is one request.
    merge: 'limitation-without-objective-finding',
  },
  check(ctx) {
    // (An emergency physician's "no lifting x 3 days" is a discharge instruction: nobody there can answer for function.)
    return reviewOpinions(ctx).reviews.filter((r) => canBeAskedForSupport(r) && !NOT_AN_OPINION_SOURCE.test(r.source))
      .map((r) => {
        const activities = list(r.limits.map((l) => l.activity));
        // The author's own words, not our reading of them, go in a letter to the author.
        const words = [...new Set(r.limits.flatMap((l) => l.evidence.map((e) => e.quote.replace(/\s+/g, ' ').replace(/^[-\d.)\s]+/, '').trim())))].slice(0, 3);
        return makeGap(rule.meta, {
          to: r.source,
          why: `${r.source} limits ${activities}, but no abnormal objective finding (exam sign, imaging or electrodiagnostic result) appears in that source's own records${r.supportability.status === 'normal_only' ? ', which record only normal findings' : ''}.`,
          ask: `Your notes limit the patient's ${activities} (${words.map((w) => `"${w}"`).join('; ')}). Please state the examination findings, imaging or test results that support each of these limits, with their dates, and send the notes or reports that record them if they are not in the records we hold.`,
          evidence: r.limits.flatMap((l) => l.evidence),
        });
      });
  },
};
