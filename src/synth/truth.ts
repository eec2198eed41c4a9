import { z } from 'zod';
import { ActivitySchema, ClaimSchema, ModalitySchema, PlanSignalKindSchema, TimelineEntrySchema, MmiSchema } from '../model/index.js';

/**
 * Ground truth for one case: what a careful reviewer would answer. Hand-written for examples/<case>/expected.json,
 * generated for synthetic cases as truth.json. The evaluation harness (src/eval) scores an analysis against it.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One expected fact, keyed the way the scorer matches it (dates tolerate ±7 days). */
export const TruthFactSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('treatment'), modality: ModalitySchema, date: IsoDate, status: z.string().optional() }),
  z.object({ type: z.literal('outcome_measure'), instrument: z.string(), value: z.number(), date: IsoDate }),
  z.object({ type: z.literal('limitation'), activity: ActivitySchema, source: z.enum(['provider', 'patient']), date: IsoDate }),
  z.object({ type: z.literal('objective_finding'), category: z.enum(['imaging', 'electrodiagnostic', 'exam']), date: IsoDate }),
  z.object({ type: z.literal('plan_signal'), signal: PlanSignalKindSchema, date: IsoDate }),
  z.object({ type: z.literal('benefit'), percentRelief: z.number(), durationDays: z.number().optional(), date: IsoDate }),
]);
export type TruthFact = z.infer<typeof TruthFactSchema>;
export type TruthFactType = TruthFact['type'];

export const TruthSchema = z.object({
  case: z.string(),
  description: z.string().optional(),
  pathway: z.string().optional(),
  claim: ClaimSchema,
  mmi: z.object({
    status: MmiSchema.shape.status,
    date: IsoDate.optional(),
    /** How far the analysis' date may be from `date` and still count as right. */
    toleranceDays: z.number().default(30),
    statedBy: z.string().optional(),
    why: z.string().optional(),
  }),
  modalities: z.array(z.object({
    modality: ModalitySchema,
    subtype: z.string().optional(),
    firstDate: IsoDate.optional(),
    lastDate: IsoDate.optional(),
    sessions: z.number().int().optional(),
    status: TimelineEntrySchema.shape.status,
    outcome: z.enum(['improved', 'faded', 'plateau', 'none', 'unknown']).default('unknown'),
    providers: z.array(z.string()).default([]),
  })),
  limitations: z.array(z.object({
    activity: ActivitySchema,
    limit: z.number().optional(),
    unit: z.string().optional(),
    sources: z.array(z.enum(['provider', 'patient'])),
    providers: z.array(z.string()),
    consistency: z.enum(['corroborated', 'single_provider', 'single_visit']),
  })),
  /** Gap rule ids a reviewer expects to fire; any other rule firing is a false positive. */
  gaps: z.array(z.string()),
  facts: z.array(TruthFactSchema),
  /** True when `facts` lists every scored fact in the record (then precision is meaningful); else recall only. */
  factsComplete: z.boolean().default(false),
  /** Mentions that must NOT become asserted facts (negated, hypothetical, family history, historical). */
  distractors: z.array(z.object({
    kind: z.enum(['negated', 'hypothetical', 'family_history', 'historical']),
    text: z.string(),
    fact: TruthFactSchema.optional(),
  })).default([]),
});
export type Truth = z.infer<typeof TruthSchema>;
export type TruthInput = z.input<typeof TruthSchema>;

/** The gap rule ids the project uses (issue 2 and the H6 brief). */
export const GAP_RULE_IDS = [
  'pt-without-functional-measures', 'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
  'limitation-single-source', 'no-treating-source-opinion', 'mmi-implied-not-stated',
  'limitation-without-objective-finding', 'unexplained-treatment-gap', 'duration-not-shown', 'no-prognosis',
  'impairment-rating-missing', 'evidence-before-dli-thin',
] as const;
