import { isAcceptableMedicalSource } from '../../providers.js';
import { list, makeGap, opinionAddressee } from '../helpers.js';
import type { GapRule } from '../types.js';

export const rule: GapRule = {
  meta: {
    id: 'opinion-from-non-acceptable-source-only',
    title: 'Functional limits only from a therapist or chiropractor',
    severity: 'medium',
    rationale: 'Physical therapists and chiropractors are not acceptable medical sources: their findings count as evidence but cannot by themselves establish the impairment, and their limits carry more weight when a physician adopts them.',
    authority: { cite: '20 CFR 404.1502(a) (acceptable medical sources); SSA Blue Book / handbook 0615', url: 'https://ssa.gov/OP%5FHome/handbook/handbook.06/handbook-0615.html' },
    profiles: ['ssdi', 'ssi'],
    request: { to: 'the treating physician', ask: 'Please review the therapist\'s functional findings and state whether you agree.' },
    keyed: true,
  },
  check(ctx) {
    const opinions = ctx.of('limitation').filter((f) => f.attributes.source === 'provider');
    if (!opinions.length) return [];
    const ams = opinions.map((f) => isAcceptableMedicalSource(ctx.encounterOf(f)));
    if (!ams.every((a) => a === false)) return [];
    const sources = [...new Set(opinions.map((f) => ctx.providerOf(f)))];
    const physician = opinionAddressee(ctx);
    const to = sources.includes(physician) ? rule.meta.request.to : physician;
    return [makeGap(rule.meta, {
      why: `Every functional limit in the record comes from ${list(sources)}, none of whom is an acceptable medical source for SSA.`,
      to,
      ask: `${list(sources)} documented functional limits (see attached). Please review them and state, as the treating physician, whether you agree with each limit, and the exam, imaging or test findings that support them.`,
      evidence: opinions.slice(0, 3).flatMap((f) => f.evidence.slice(0, 1)),
    })];
  },
};
