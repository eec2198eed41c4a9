/**
 * Claims filed before 27 March 2017 (20 CFR 404.1527(c)(2)): a treating source — the claimant's own acceptable
 * medical source with an ongoing treatment relationship (404.1527(a)(2)) — whose opinion is well supported by
 * medically acceptable clinical and laboratory diagnostic techniques and not inconsistent with the other substantial
 * evidence gets controlling weight. Anyone else, or a treating opinion that fails either test, is weighed by the
 * factors of (c)(1)-(6), listed here as the record shows them.
 */
import type { Claim, OpinionReview } from '../../model/index.js';
import type { OpinionSource } from './opinion-sources.js';
import { isTreatingRole } from '../mmi-sources.js';
import { OPINION_CHECKS } from './weighing-rule.js';
import { monthSpan } from './opinion-findings.js';

/** An ongoing treatment relationship needs more than one contact in the record. */
const MIN_TREATING_VISITS = 2;

export function assessControllingWeight(src: OpinionSource, claim: Claim, parts: Pick<OpinionReview, 'supportability' | 'consistency' | 'relationship' | 'acceptableSource'>): NonNullable<OpinionReview['controllingWeight']> {
  const { supportability: s, consistency: c, relationship: r } = parts;
  const factors = [
    `examining relationship: ${r.examined ? 'examined the claimant' : 'did not examine the claimant'}`,
    `treatment relationship: ${r.visits} dated contact${r.visits === 1 ? '' : 's'} in the record${r.firstVisit ? ` (${monthSpan(r.firstVisit, r.lastVisit)})` : ''}`,
    `supportability: ${{ supported: `${s.findings.length} abnormal objective finding${s.findings.length === 1 ? '' : 's'} in its own records`, normal_only: 'only normal findings in its own records', unsupported: 'no objective finding in its own records', not_assessed: 'not assessed (a mental opinion)' }[s.status]}`,
    `consistency: ${c.status.replace(/_/g, ' ')}`,
    `specialization: ${r.specialty ?? 'not stated'}`,
  ];
  const meta = { ruleId: OPINION_CHECKS.controllingWeight.id, cite: OPINION_CHECKS.controllingWeight.authority(claim), factors };
  const acceptable = parts.acceptableSource;
  if (!isTreatingRole(src.role) || acceptable !== true || r.visits < MIN_TREATING_VISITS) {
    const why = !isTreatingRole(src.role) ? 'an examining or reviewing source, not a treating one'
      : acceptable === false ? 'not an acceptable medical source for a claim filed before 27 March 2017 (an "other source", 404.1527(f))'
        : acceptable === undefined ? 'the record does not show the author\'s credential, so not shown to be an acceptable medical source'
          : 'seen only once in the record: no ongoing treatment relationship is shown';
    return { ...meta, status: 'not_a_treating_source', text: `Not a treating source (${why}): weighed by the factors, never controlling weight.` };
  }
  if (s.status === 'not_assessed') {
    return { ...meta, status: 'does_not_qualify', text: 'A treating source\'s mental opinion: whether it is well supported turns on mental status findings this analysis does not read, so controlling weight is not shown here.' };
  }
  const failures = [
    s.status !== 'supported' && `it is not shown to be well supported (${s.status === 'normal_only' ? 'only normal findings' : 'no objective finding'} in its own records)`,
    (c.status === 'inconsistent' || c.status === 'mixed') && 'other evidence in the record is inconsistent with it',
  ].filter((x): x is string => !!x);
  return failures.length
    ? { ...meta, status: 'does_not_qualify', text: `A treating source's opinion, but not entitled to controlling weight: ${failures.join(', and ')}. It is weighed by the factors.` }
    : { ...meta, status: 'qualifies', text: 'A treating source\'s opinion, well supported by its own findings and not inconsistent with the other evidence in the record: it would qualify for controlling weight.' };
}
