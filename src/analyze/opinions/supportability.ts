/**
 * Supportability (20 CFR 404.1520c(c)(1); 404.1527(c)(3) before 27 March 2017): does the source's own record hold the
 * objective findings — exam signs, imaging, electrodiagnostic results — behind the limits it gives? Only findings the
 * pipeline extracted, recorded by the source or its practice on or before its last statement of the limits, count;
 * whether a finding explains a particular limit is left to the reader. Mental status findings are not extracted, so a
 * mental opinion's support is not judged.
 */
import type { Claim, OpinionReview } from '../../model/index.js';
import { specialtyIs } from '../../model/specialties.js';
import type { CaseContext } from '../case-context.js';
import type { OpinionSource } from './opinion-sources.js';
import { distinctFindings, findingWords } from './opinion-findings.js';
import { OPINION_CHECKS } from './weighing-rule.js';

const MAX_FINDINGS = 4;

/** A mental opinion: from a mental-health source, or limiting only concentration. */
function isMentalOpinion(src: OpinionSource): boolean {
  return src.encounters.some((e) => src.statedAt.has(e.id) && specialtyIs(e.specialty, 'mental_health'))
    || src.limits.every((f) => f.attributes.activity === 'concentrate');
}

export function assessSupportability(ctx: CaseContext, src: OpinionSource, claim: Claim): OpinionReview['supportability'] {
  const meta = { ruleId: OPINION_CHECKS.supportability.id, cite: OPINION_CHECKS.supportability.authority(claim) };
  if (isMentalOpinion(src)) {
    return {
      ...meta, status: 'not_assessed', findings: [], normal: [],
      text: 'A mental opinion: its support is the mental status examination and testing, which this analysis does not extract, so supportability is not assessed here; read the source\'s own notes.',
    };
  }
  const lastStated = src.limits.map(ctx.dateOf).filter((d): d is string => !!d).sort().at(-1);
  const behind = ctx.of('objective_finding').filter((f) => src.own.has(f.encounterId) && (!lastStated || !ctx.dateOf(f) || ctx.dateOf(f)! <= lastStated));
  const findings = distinctFindings(ctx, behind.filter((f) => f.attributes.abnormal), src.statedAt, MAX_FINDINGS);
  if (findings.length) {
    const same = findings.filter((f) => f.sameVisit);
    return {
      ...meta, status: 'supported', findings, normal: [],
      text: `The source's own records hold objective findings: ${findings.map(findingWords).join(', ')}${same.length ? `; ${same.length === findings.length ? 'all' : same.length} recorded at a visit where the limits were stated` : ''}.`,
    };
  }
  // Normal findings show no impairment behind a limit; whether they bear out a capacity is for the reader.
  const normal = distinctFindings(ctx, behind.filter((f) => !f.attributes.abnormal), src.statedAt, 3);
  return normal.length
    ? { ...meta, status: 'normal_only', findings: [], normal, text: `The source's own examinations record only normal findings: ${normal.map(findingWords).join(', ')}; no abnormal sign or test result is recorded behind the limits.` }
    : { ...meta, status: 'unsupported', findings: [], normal: [], text: 'No objective finding (exam sign, imaging or electrodiagnostic result) was found in the source\'s own records behind these limits.' };
}
