/** The gap-rule registry: runs every rule a profile enables over the finished analysis. */
import type { Gap } from '../../model/index.js';
import type { GapContext, GapRule } from './types.js';
import { rule as ptWithoutFunctionalMeasures } from './rules/pt-without-functional-measures.js';
import { rule as injectionWithoutReliefDuration } from './rules/injection-without-relief-duration.js';
import { rule as surgicalConsultWithoutDecisionReason } from './rules/surgical-consult-without-decision-reason.js';
import { rule as limitationSingleSource } from './rules/limitation-single-source.js';
import { rule as noTreatingSourceOpinion } from './rules/no-treating-source-opinion.js';
import { rule as mmiImpliedNotStated } from './rules/mmi-implied-not-stated.js';
import { rule as limitationWithoutObjectiveFinding } from './rules/limitation-without-objective-finding.js';
import { rule as unexplainedTreatmentGap } from './rules/unexplained-treatment-gap.js';
import { rule as durationNotShown } from './rules/duration-not-shown.js';
import { rule as noPrognosis } from './rules/no-prognosis.js';
import { rule as evidenceBeforeDliThin } from './rules/evidence-before-dli-thin.js';
import { rule as impairmentRatingMissing } from './rules/impairment-rating-missing.js';
import { rule as opinionFromNonAcceptableSourceOnly } from './rules/opinion-from-non-acceptable-source-only.js';
import { rule as workStatusWithoutLimits } from './rules/work-status-without-limits.js';
import { rule as billedVisitWithoutRecord } from './rules/billed-visit-without-record.js';

export type { GapRule, GapRuleMeta, GapContext } from './types.js';

export const RULES: GapRule[] = [
  ptWithoutFunctionalMeasures, injectionWithoutReliefDuration, surgicalConsultWithoutDecisionReason,
  limitationSingleSource, noTreatingSourceOpinion, mmiImpliedNotStated, limitationWithoutObjectiveFinding,
  unexplainedTreatmentGap, durationNotShown, noPrognosis, evidenceBeforeDliThin, impairmentRatingMissing,
  opinionFromNonAcceptableSourceOnly, workStatusWithoutLimits, billedVisitWithoutRecord,
];

const SEVERITY_ORDER: Record<Gap['severity'], number> = { high: 0, medium: 1, low: 2 };

/** Run the rules the claim's profile lists, most severe first. */
export function runGaps(ctx: GapContext): Gap[] {
  const wanted = new Set(ctx.profile.rules);
  return RULES.filter((r) => wanted.has(r.meta.id))
    .flatMap((r) => r.check(ctx))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
