import { z } from 'zod';
import { EvidenceSchema } from './evidence.js';

/**
 * SSA's reading of each medical opinion on function: supportability (the source's own findings), consistency (other
 * sources, activity by activity) and, for claims filed before 27 March 2017, whether a treating source's opinion
 * qualifies for controlling weight. Every statement carries the evidence it rests on.
 */

/** Which regulation weighs the opinions, from the claim's filing date (case details). */
export const OpinionRegulationSchema = z.object({
  /** `persuasiveness`: 20 CFR 404.1520c / 416.920c; `treating_source_rule`: 404.1527 / 416.927. */
  rule: z.enum(['persuasiveness', 'treating_source_rule']),
  cite: z.string(),
  url: z.string(),
  filingDate: z.string().optional(),
  /** False when the filing date is not given: the current rule is assumed, and said so. */
  certain: z.boolean(),
  text: z.string(),
  /** The copies of the regulation text the rule was checked against. */
  checked: z.string(),
});

const OpinionFindingSchema = z.object({
  label: z.string(),
  category: z.enum(['imaging', 'electrodiagnostic', 'exam']),
  date: z.string().optional(),
  source: z.string(),
  /** Recorded at a visit where the source also stated limits. */
  sameVisit: z.boolean(),
  evidence: z.array(EvidenceSchema),
});

const OpinionComparisonSchema = z.object({
  source: z.string(),
  /** agrees: same exertional band or frequency; disagrees: a different one; both_limit: both limit it, amounts not comparable. */
  relation: z.enum(['agrees', 'disagrees', 'both_limit']),
  text: z.string(),
  date: z.string().optional(),
  evidence: z.array(EvidenceSchema),
});

export const OpinionReviewSchema = z.object({
  id: z.string(),
  source: z.string(),
  role: z.enum(['treating_physician', 'other_treating', 'examining', 'non_examining', 'designated_doctor']),
  roleLabel: z.string(),
  /** What the opinion is written in, most formal first. */
  kinds: z.array(z.enum(['medical_source_statement', 'functional_capacity_evaluation', 'consultative_examination', 'state_agency_review',
    'impairment_rating', 'examination_report', 'records_review', 'treatment_note_restrictions'])),
  acceptableSource: z.boolean().optional(),
  firstDate: z.string().optional(),
  lastDate: z.string().optional(),
  /** The source's dated contacts in the record, for the relationship factors. */
  relationship: z.object({ visits: z.number().int(), firstVisit: z.string().optional(), lastVisit: z.string().optional(), examined: z.boolean(), specialty: z.string().optional() }),
  /** The limits as the source last stated them, one per activity. */
  limits: z.array(z.object({ activity: z.string(), text: z.string(), date: z.string().optional(), evidence: z.array(EvidenceSchema) })),
  supportability: z.object({
    ruleId: z.string(),
    cite: z.string(),
    /**
     * supported: abnormal objective findings in the source's own records; normal_only: its own examinations recorded
     * only normal findings; unsupported: none at all; not_assessed: a mental opinion, whose support (mental status
     * findings, testing) the pipeline does not extract.
     */
    status: z.enum(['supported', 'normal_only', 'unsupported', 'not_assessed']),
    text: z.string(),
    findings: z.array(OpinionFindingSchema),
    /** The source's own normal findings, cited when nothing abnormal is. */
    normal: z.array(OpinionFindingSchema),
  }),
  consistency: z.object({
    ruleId: z.string(),
    cite: z.string(),
    status: z.enum(['consistent', 'inconsistent', 'mixed', 'no_other_evidence']),
    activities: z.array(z.object({
      activity: z.string(),
      status: z.enum(['consistent', 'inconsistent', 'mixed', 'no_other_opinion']),
      text: z.string(),
      comparisons: z.array(OpinionComparisonSchema),
    })),
    /** Other sources' objective findings: abnormal ones agree that the impairment is shown; only normal ones do not. */
    findings: z.object({ status: z.enum(['agree', 'disagree', 'none']), text: z.string(), findings: z.array(OpinionFindingSchema) }),
  }),
  /** Claims filed before 27 March 2017: controlling weight (20 CFR 404.1527(c)(2)), else the factors. */
  controllingWeight: z.object({
    ruleId: z.string(),
    cite: z.string(),
    status: z.enum(['qualifies', 'does_not_qualify', 'not_a_treating_source']),
    text: z.string(),
    factors: z.array(z.string()),
  }).optional(),
  /** One line a representative can read, each part cited in the fields above. */
  summary: z.string(),
  evidence: z.array(EvidenceSchema),
});
export type OpinionReview = z.infer<typeof OpinionReviewSchema>;
export type OpinionFinding = z.infer<typeof OpinionFindingSchema>;
export type OpinionComparison = z.infer<typeof OpinionComparisonSchema>;

export const OpinionsSchema = z.object({
  regulation: OpinionRegulationSchema,
  reviews: z.array(OpinionReviewSchema),
});
export type Opinions = z.infer<typeof OpinionsSchema>;
export type OpinionRegulation = z.infer<typeof OpinionRegulationSchema>;
