import type { Modality } from '../../../model/index.js';
import { isFunctionalInstrument } from '../../instruments.js';
import { humanModality, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';

const THERAPY = new Set<Modality>(['physical_therapy', 'occupational_therapy', 'chiropractic', 'work_conditioning']);
const NOT_STARTED = new Set(['recommended', 'planned', 'declined']);

export const rule: GapRule = {
  meta: {
    id: 'pt-without-functional-measures',
    title: 'Therapy course without before/after functional scores',
    severity: 'medium',
    rationale: 'A standardized functional score (ODI, NDI, LEFS, QuickDASH, PSFS) at the start and end of a therapy course shows objectively whether the treatment helped; without it, "failed conservative care" and a plateau rest on narrative alone.',
    authority: { cite: '20 CFR 404.1529(c)(3)(v) (treatment other than medication and its effect); SSR 16-3p', url: 'https://thefederalregister.org/81-FR/14166' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating therapist', ask: 'Please send the initial evaluation and discharge summary with standardized functional scores at the start and end of the course.' },
  },
  check(ctx) {
    return ctx.timeline.filter((e) => THERAPY.has(e.modality) && e.sessions > 0 && !NOT_STARTED.has(e.status)).flatMap((e) => {
      const functional = (pts: typeof e.outcomeBefore) => pts.some((p) => isFunctionalInstrument(p.instrument.split(':')[0]));
      const needsAfter = e.status !== 'ongoing';
      const missing = [!functional(e.outcomeBefore) && 'start', needsAfter && !functional(e.outcomeAfter) && 'end'].filter((x): x is string => !!x);
      if (!missing.length) return [];
      const course = `${humanModality(e.modality)} course ${e.firstDate ?? '(undated)'} to ${e.lastDate ?? '(undated)'}`;
      return [makeGap(rule.meta, {
        why: `The ${course} (${e.sessions} session${e.sessions === 1 ? '' : 's'}) has no standardized functional score at the ${missing.join(' or the ')}.`,
        to: e.providers[0],
        ask: `Please send the evaluation and discharge/progress notes for the ${course}, with a standardized functional score (ODI, NDI, LEFS, QuickDASH or PSFS) at the start and at the end, and state whether progress plateaued and why therapy ended.`,
        evidence: [e.evidence[0], e.evidence[e.evidence.length - 1]].filter((x, i, a) => x && a.indexOf(x) === i),
      })];
    });
  },
};
