import { z } from 'zod';
import { EvidenceSchema } from './evidence.js';

export const ModalitySchema = z.enum([
  'physical_therapy', 'occupational_therapy', 'chiropractic', 'home_exercise', 'medication',
  'epidural_injection', 'facet_injection', 'medial_branch_block', 'si_joint_injection',
  'trigger_point_injection', 'joint_injection', 'other_injection', 'radiofrequency_ablation',
  'surgical_consultation', 'surgery', 'spinal_cord_stimulator', 'tens', 'brace', 'psychology',
  'pain_program', 'assistive_device', 'acupuncture', 'massage', 'work_conditioning', 'imaging_study', 'wound_care',
  'neuromodulation',
]);
export type Modality = z.infer<typeof ModalitySchema>;

/** The context trigger that marks care allowed for later ("caudal ESI prn flare", future medical care). */
export const FUTURE_CARE_TRIGGER = 'future care allowance';

export const TreatmentStatusSchema = z.enum([
  'performed', 'planned', 'recommended', 'declined', 'denied', 'completed', 'discontinued', 'ongoing',
]);
export type TreatmentStatus = z.infer<typeof TreatmentStatusSchema>;

export const ActivitySchema = z.enum([
  'lift', 'carry', 'sit', 'stand', 'walk', 'reach', 'overhead_reach', 'stoop', 'bend', 'crouch',
  'kneel', 'crawl', 'climb', 'balance', 'push', 'pull', 'handle', 'finger', 'twist', 'drive',
  'sleep', 'concentrate', 'use_arm', 'work_hours', 'other',
]);
export type Activity = z.infer<typeof ActivitySchema>;

const Treatment = z.object({
  modality: ModalitySchema,
  subtype: z.string().optional(),
  drug: z.string().optional(),
  drugClass: z.string().optional(),
  dose: z.string().optional(),
  doseChange: z.enum(['started', 'increased', 'decreased', 'stopped', 'continued', 'switched']).optional(),
  status: TreatmentStatusSchema,
  sessions: z.number().optional(),
  level: z.string().optional(),
  side: z.enum(['left', 'right', 'bilateral']).optional(),
  /** The body region a procedure treats ("R shoulder … subacromial injection today" → shoulder). */
  bodyRegion: z.string().optional(),
  cpt: z.string().optional(),
  reasonStopped: z.string().optional(),
  /** Medication for another condition (by class or by the indication written with it): not treatment of the claim. */
  otherCondition: z.boolean().optional(),
});

const OutcomeMeasure = z.object({
  instrument: z.enum(['NRS', 'VAS', 'ODI', 'NDI', 'LEFS', 'QuickDASH', 'DASH', 'PSFS', 'ROM', 'strength', 'other']),
  value: z.number(),
  /** Scale maximum when stated ("7/10" → 10; "ODI 42%" → 100). */
  max: z.number().optional(),
  unit: z.string().optional(),
  /** ROM: motion ("flexion"), joint; strength: muscle group. */
  motion: z.string().optional(),
  side: z.enum(['left', 'right', 'bilateral']).optional(),
  /** Direction relative to a value stated in the same sentence ("improved from 8 to 5"). */
  direction: z.enum(['improved', 'worsened', 'unchanged']).optional(),
  previous: z.number().optional(),
  /** The instrument's name when it is outside the enum (instrument 'other'): "Berg Balance Scale", "MoCA". */
  name: z.string().optional(),
});

const Benefit = z.object({
  percentRelief: z.number().optional(),
  durationDays: z.number().optional(),
  durationText: z.string().optional(),
  /** The treatment the relief is attributed to, when the sentence names one. */
  modality: ModalitySchema.optional(),
  noRelief: z.boolean().optional(),
});

const ObjectiveFinding = z.object({
  category: z.enum(['imaging', 'electrodiagnostic', 'exam']),
  /** Normalised finding id from the lexicon, e.g. "disc_herniation", "positive_slr". */
  finding: z.string(),
  label: z.string(),
  bodyRegion: z.string().optional(),
  level: z.string().optional(),
  side: z.enum(['left', 'right', 'bilateral']).optional(),
  /** Abnormal findings support a limitation; normal ones ("reflexes 2+ and symmetric") do not. */
  abnormal: z.boolean(),
});

const Limitation = z.object({
  activity: ActivitySchema,
  limit: z.number().optional(),
  unit: z.string().optional(),
  frequency: z.enum(['never', 'occasional', 'frequent', 'constant']).optional(),
  /** Whose statement: a provider's opinion/restriction, or the patient's report. */
  source: z.enum(['provider', 'patient']),
  text: z.string(),
});

const WorkStatus = z.object({
  status: z.enum(['off_work', 'modified_duty', 'full_duty', 'unable_any_work', 'not_working']),
  until: z.string().optional(),
});

const Prognosis = z.object({
  outlook: z.enum(['poor', 'guarded', 'fair', 'good', 'excellent', 'permanent', 'unchanged']),
  text: z.string(),
});

export const PlanSignalKindSchema = z.enum([
  'maintenance_care', 'continue_current_management', 'follow_up_prn', 'no_further_treatment',
  'not_surgical_candidate', 'surgery_declined', 'referral', 'new_treatment', 'return_to_clinic',
  'diary_issued', 'diary_reported', 'care_transferred', 'disengaged', 'response_pending', 'flare', 'managed_elsewhere',
]);
const PlanSignal = z.object({
  signal: PlanSignalKindSchema,
  target: z.string().optional(),
});

const MmiStatement = z.object({
  kind: z.enum(['mmi', 'permanent_and_stationary', 'not_at_mmi', 'plateau']),
  /** The date the provider gives for MMI, when different from the visit date. */
  mmiDate: z.string().optional(),
  /** What a "not at MMI" says it waits for, in its sentence or the next ("Re-evaluate after surgery"). */
  awaits: z.enum(['operation']).optional(),
});

const ImpairmentRating = z.object({
  percent: z.number(),
  basis: z.enum(['whole_person', 'upper_extremity', 'lower_extremity', 'regional', 'unspecified']),
  guidesEdition: z.string().optional(),
  bodyRegion: z.string().optional(),
});

const Diagnosis = z.object({
  name: z.string(),
  code: z.string().optional(),
  bodyRegion: z.string().optional(),
});

/** A context decision and the words that caused it (provenance). */
export const ContextCueSchema = z.object({
  category: z.enum(['negated', 'possible', 'hypothetical', 'historical', 'other_experiencer', 'section']),
  trigger: z.string(),
  start: z.number(),
  end: z.number(),
});
export type ContextCue = z.infer<typeof ContextCueSchema>;

const FactBase = {
  id: z.string(),
  encounterId: z.string(),
  /** ISO date the fact applies to (sentence date, relative expression, else the encounter date). */
  date: z.string().optional(),
  dateSource: z.enum(['sentence', 'relative', 'encounter', 'structured', 'none']),
  negated: z.boolean(),
  certainty: z.enum(['affirmed', 'possible']),
  temporality: z.enum(['current', 'historical', 'hypothetical']),
  experiencer: z.enum(['patient', 'other']),
  /** Triggers that decided the context flags above. */
  context: z.array(ContextCueSchema),
  evidence: z.array(EvidenceSchema).min(1),
  /** A reviewer's mark in the workspace: confirmed, edited, or added from selected text. */
  review: z.enum(['accepted', 'edited', 'added']).optional(),
};

export const FactSchema = z.discriminatedUnion('type', [
  z.object({ ...FactBase, type: z.literal('treatment'), attributes: Treatment }),
  z.object({ ...FactBase, type: z.literal('outcome_measure'), attributes: OutcomeMeasure }),
  z.object({ ...FactBase, type: z.literal('benefit'), attributes: Benefit }),
  z.object({ ...FactBase, type: z.literal('objective_finding'), attributes: ObjectiveFinding }),
  z.object({ ...FactBase, type: z.literal('limitation'), attributes: Limitation }),
  z.object({ ...FactBase, type: z.literal('work_status'), attributes: WorkStatus }),
  z.object({ ...FactBase, type: z.literal('prognosis'), attributes: Prognosis }),
  z.object({ ...FactBase, type: z.literal('plan_signal'), attributes: PlanSignal }),
  z.object({ ...FactBase, type: z.literal('mmi_statement'), attributes: MmiStatement }),
  z.object({ ...FactBase, type: z.literal('impairment_rating'), attributes: ImpairmentRating }),
  z.object({ ...FactBase, type: z.literal('diagnosis'), attributes: Diagnosis }),
]);
export type Fact = z.infer<typeof FactSchema>;
export type FactType = Fact['type'];
export type FactOf<T extends FactType> = Extract<Fact, { type: T }>;

/** A fact that describes the claimant's own current (or dated) state: not negated, hypothetical or someone else's. */
export function isAssertedFact(f: Fact): boolean {
  return !f.negated && f.certainty === 'affirmed' && f.temporality !== 'hypothetical' && f.experiencer === 'patient';
}
