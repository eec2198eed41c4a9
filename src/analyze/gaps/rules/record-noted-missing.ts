import { makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';

/** A reviewer's short list: the first lines the file gives. */
const MAX_LINES = 5;

export const rule: GapRule = {
  meta: {
    id: 'record-noted-missing',
    title: 'A record the file itself says is missing',
    severity: 'medium',
    rationale: 'When an exhibit list, a copy set or an examiner\'s list of records says a record was requested and not received, not included or available on request, the record exists and someone thought it relevant; the file is incomplete until it is obtained, and an opinion written without it can be challenged for that reason.',
    authority: { cite: '20 CFR 404.1512(b)(1) (reasonable efforts to obtain the complete record: an initial and a follow-up request)', url: 'https://www.ecfr.gov/current/title-20/section-404.1512' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the records custodian of each source named', ask: 'Please send the record the file lists as missing.' },
  },
  check(ctx) {
    const seen = new Set<string>();
    const lines = ctx.documents.filter((d) => !d.misfiled).flatMap((d) => d.recordsNotedMissing ?? [])
      .filter((m) => !seen.has(m.text) && seen.add(m.text));
    const listed = lines.slice(0, MAX_LINES);
    if (!listed.length) return [];
    const items = listed.map((m, i) => `(${i + 1}) "${m.text}"`).join('; ');
    return [makeGap(rule.meta, {
      why: `The file itself says ${listed.length === 1 ? 'a record is' : 'these records are'} missing: ${items}.`,
      to: rule.meta.request.to,
      ask: `Please send ${listed.length === 1 ? 'the record' : 'each record'} the file lists as missing, or state that it does not exist: ${items}.`,
      evidence: listed.flatMap((m) => m.evidence),
    })];
  },
};
