import type { Fact, FactOf, Modality } from '../../../model/index.js';
import { daysBetween } from '../../dates.js';
import { sessionFacts } from '../../timeline.js';
import { humanModality, list, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';

export const INJECTIONS = new Set<Modality>([
  'epidural_injection', 'facet_injection', 'medial_branch_block', 'si_joint_injection', 'trigger_point_injection',
  'joint_injection', 'other_injection', 'radiofrequency_ablation',
]);
const WINDOW_DAYS = 180;

export const rule: GapRule = {
  meta: {
    id: 'injection-without-relief-duration',
    title: 'Injection without percent relief and how long it lasted',
    severity: 'medium',
    rationale: 'The effect of each procedure (percent relief and its duration) shows whether treatment worked and whether relief faded; it is the usual basis for repeating or abandoning injections and for inferring that options are exhausted.',
    authority: { cite: '20 CFR 404.1529(c)(3)(iv)-(v) (effectiveness of treatment); SSR 16-3p', url: 'https://thefederalregister.org/81-FR/14166' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the physician who performed the injection', ask: 'Please state the percent relief after each injection and how long it lasted.' },
  },
  check(ctx) {
    const byId = new Map<string, Fact>(ctx.asserted.map((f) => [f.id, f]));
    const benefits = ctx.of('benefit');
    return ctx.timeline.filter((e) => INJECTIONS.has(e.modality)).flatMap((e) => {
      const course = e.events.map((ev) => byId.get(ev.factId)).filter((f): f is FactOf<'treatment'> => f?.type === 'treatment');
      const done = sessionFacts(course, ctx);
      const doneDates = done.map((f) => ctx.dateOf(f));
      const lacking = done.filter((f, i) => {
        const d = ctx.dateOf(f);
        if (!d) return false;
        const next = doneDates.slice(i + 1).find((x) => x && x > d);
        const mine = benefits.filter((b) => {
          // Relief is reported at a visit after the injection; a date inside the sentence ("the July injection") names the injection, not the report.
          const bd = ctx.encounterOf(b)?.date ?? ctx.dateOf(b);
          if (!bd || bd < d || daysBetween(d, bd) > WINDOW_DAYS || (next && bd > next)) return false;
          const m = b.attributes.modality;
          return !m || m === e.modality || m === 'other_injection';
        });
        const pct = mine.some((b) => b.attributes.percentRelief !== undefined || b.attributes.noRelief);
        const dur = mine.some((b) => b.attributes.durationDays !== undefined || b.attributes.durationText || b.attributes.noRelief);
        return !(pct && dur);
      });
      if (!lacking.length) return [];
      const dates = [...new Set(lacking.map((f) => ctx.dateOf(f)!))];
      const who = ctx.providerOf(lacking[0]);
      const name = humanModality(e.modality);
      return [makeGap(rule.meta, {
        why: `${dates.length} ${name}${dates.length === 1 ? '' : 's'} (${list(dates)}) without both the percent relief and how long the relief lasted.`,
        to: who,
        ask: `For the ${name}${dates.length === 1 ? '' : 's'} on ${list(dates)}, please state the percent pain relief the patient reported, how long it lasted, and any change in function, and why further injections were or were not repeated.`,
        evidence: lacking.flatMap((f) => f.evidence.slice(0, 1)),
      })];
    });
  },
};
