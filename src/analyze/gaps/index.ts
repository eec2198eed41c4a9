/** The gap-rule registry: runs every rule a profile enables over the finished analysis, then merges requests to the same person. */
import type { Gap } from '../../model/index.js';
import type { GapContext, GapRule } from './types.js';
import { dedupeEvidence } from './helpers.js';
import { rule as ptWithoutFunctionalMeasures } from './rules/pt-without-functional-measures.js';
import { rule as injectionWithoutReliefDuration } from './rules/injection-without-relief-duration.js';
import { rule as surgicalConsultWithoutDecisionReason } from './rules/surgical-consult-without-decision-reason.js';
import { rule as noTreatingSourceOpinion } from './rules/no-treating-source-opinion.js';
import { rule as limitationWithoutObjectiveFinding } from './rules/limitation-without-objective-finding.js';
import { rule as unexplainedTreatmentGap } from './rules/unexplained-treatment-gap.js';
import { rule as durationNotShown } from './rules/duration-not-shown.js';
import { rule as noPrognosis } from './rules/no-prognosis.js';
import { rule as evidenceBeforeDliThin } from './rules/evidence-before-dli-thin.js';
import { rule as impairmentRatingMissing } from './rules/impairment-rating-missing.js';
import { rule as opinionFromNonAcceptableSourceOnly } from './rules/opinion-from-non-acceptable-source-only.js';
import { rule as workStatusWithoutLimits } from './rules/work-status-without-limits.js';
import { rule as billedVisitWithoutRecord } from './rules/billed-visit-without-record.js';
import { rule as functionReportMissing } from './rules/function-report-missing.js';
import { rule as noFunctionalCapacityEvaluation } from './rules/no-functional-capacity-evaluation.js';
import { rule as mmiNotAddressed } from './rules/mmi-not-addressed.js';
import { rule as mmiImpliedNotStated } from './rules/mmi-implied-not-stated.js';
import { rule as limitationSingleSource } from './rules/limitation-single-source.js';
import { rule as mentalHealthUnaddressed } from './rules/mental-health-unaddressed.js';
import { rule as imagingReportMissing } from './rules/imaging-report-missing.js';
import { rule as imagingNotCurrent } from './rules/imaging-not-current.js';
import { rule as specialistReferralNotCompleted } from './rules/specialist-referral-not-completed.js';
import { rule as deviceWithoutPrescription } from './rules/device-without-prescription.js';
import { rule as conflictingOpinionsUnrebutted } from './rules/conflicting-opinions-unrebutted.js';
import { rule as treatmentNotFollowed } from './rules/treatment-not-followed.js';
import { rule as authorizationUnanswered } from './rules/authorization-unanswered.js';
import { rule as procedureRecordMissing } from './rules/procedure-record-missing.js';
import { rule as therapyNotesMissing } from './rules/therapy-notes-missing.js';
import { rule as recordsAfterLastPlan } from './rules/records-after-last-plan.js';
import { rule as preInjuryRecordsMissing } from './rules/pre-injury-records-missing.js';
import { rule as employmentRecordsMissing } from './rules/employment-records-missing.js';
import { rule as noCurrentTreatingSource } from './rules/no-current-treating-source.js';
import { rule as requestedReportNotReceived } from './rules/requested-report-not-received.js';
import { rule as recordNotedMissing } from './rules/record-noted-missing.js';
import { rule as misfiledDocument } from './rules/misfiled-document.js';
import { rule as crashReportMissing } from './rules/crash-report-missing.js';
import { rule as futureCareUnsupported } from './rules/future-care-unsupported.js';
import { rule as opinionWithoutSupport } from './rules/opinion-without-support.js';

export type { GapRule, GapRuleMeta, GapContext } from './types.js';

export const RULES: GapRule[] = [
  functionReportMissing,
  // What an expert looks for first: opinions on function and MMI, objective testing, imaging, specialists, mental health.
  noTreatingSourceOpinion, noCurrentTreatingSource, noFunctionalCapacityEvaluation, mmiImpliedNotStated, mmiNotAddressed, impairmentRatingMissing,
  conflictingOpinionsUnrebutted,
  mentalHealthUnaddressed, imagingNotCurrent, specialistReferralNotCompleted, treatmentNotFollowed, authorizationUnanswered,
  deviceWithoutPrescription, requestedReportNotReceived,
  // Records the file should hold but does not, and one it should not.
  misfiledDocument, recordNotedMissing, procedureRecordMissing, imagingReportMissing, therapyNotesMissing, recordsAfterLastPlan, preInjuryRecordsMissing,
  employmentRecordsMissing, crashReportMissing, futureCareUnsupported,
  ptWithoutFunctionalMeasures, injectionWithoutReliefDuration, surgicalConsultWithoutDecisionReason,
  limitationSingleSource, limitationWithoutObjectiveFinding, opinionWithoutSupport, unexplainedTreatmentGap, durationNotShown, noPrognosis, evidenceBeforeDliThin,
  opinionFromNonAcceptableSourceOnly, workStatusWithoutLimits, billedVisitWithoutRecord,
];

const SEVERITY_ORDER: Record<Gap['severity'], number> = { high: 0, medium: 1, low: 2 };

interface Found { gap: Gap; merge: string; keyed: boolean }

function fold(lead: Gap, rest: Gap[]): Gap {
  if (!rest.length) return lead;
  const asks = [lead.request.ask, ...rest.map((g) => g.request.ask)];
  return {
    ...lead,
    why: [...new Set([lead.why, ...rest.map((g) => g.why)])].join(' '),
    request: { to: lead.request.to, ask: [...new Set(asks)].join(' ') },
    evidence: dedupeEvidence([...lead.evidence, ...rest.flatMap((g) => g.evidence)]),
  };
}

/**
 * Gaps that ask the same person for the same thing become one request: within a merge group and addressee, the
 * others fold into the first keyed gap (else the first, most severe, gap); their reasons and questions follow the
 * lead's and the evidence is pooled. Keyed gaps keep their own ids and are not folded into each other.
 */
export function mergeGaps(found: Found[]): Gap[] {
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    const key = `${f.merge}|${f.gap.request.to}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].flatMap((list) => {
    const keyed = list.filter((f) => f.keyed);
    const loose = list.filter((f) => !f.keyed);
    if (!keyed.length) return [fold(loose[0].gap, loose.slice(1).map((f) => f.gap))];
    return keyed.map((k, i) => (i === 0 ? fold(k.gap, loose.map((f) => f.gap)) : k.gap));
  });
}

/** Run the rules the claim's profile lists, add the profile's reason for each, merge same-person requests, most severe first. */
/**
 * One rule's defect on an unforeseen record must not cost the case its report: the rule is skipped, and said so on
 * stderr with its id, so the fault is reported and the other rules' findings stand.
 */
function checkSafely(r: GapRule, ctx: GapContext): Gap[] {
  try {
    return r.check(ctx);
  } catch (err) {
    process.stderr.write(`plateau: gap rule ${r.meta.id} skipped after an internal error (${err instanceof Error ? err.message : String(err)}); please report it\n`);
    return [];
  }
}

export function runGaps(ctx: GapContext): Gap[] {
  const wanted = new Set(ctx.profile.rules);
  const found = RULES.filter((r) => wanted.has(r.meta.id))
    .flatMap((r) => checkSafely(r, ctx).map((gap) => {
      const why = ctx.profile.gapWhy?.[r.meta.id];
      return { gap: why ? { ...gap, why: `${gap.why} ${why}` } : gap, merge: r.meta.merge ?? r.meta.id, keyed: !!r.meta.keyed };
    }))
    .filter(({ gap }) => gap.evidence.length > 0)
    .sort((a, b) => SEVERITY_ORDER[a.gap.severity] - SEVERITY_ORDER[b.gap.severity]);
  return mergeGaps(found).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
