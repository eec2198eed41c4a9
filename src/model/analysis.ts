import { z } from 'zod';
import { EvidenceSchema } from './evidence.js';
import { DocumentStatusSchema } from './document.js';
import { FactSchema, ModalitySchema, ActivitySchema } from './fact.js';
import { OpinionsSchema } from './opinion-review.js';

/** Bump the major on any breaking change to the JSON contract; minor for additions. */
export const SCHEMA_VERSION = '1.12.0';

export const ClaimTypeSchema = z.enum(['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general']);
export type ClaimType = z.infer<typeof ClaimTypeSchema>;

export const ClaimSchema = z.object({
  type: ClaimTypeSchema,
  /** Alleged onset date (SSDI/SSI) or date of injury (WC/PI), ISO. */
  onset: z.string().optional(),
  /** Date last insured (SSDI). */
  dli: z.string().optional(),
  /** Workers' comp jurisdiction (two-letter state code): selects the state's MMI rules and forms. */
  state: z.string().optional(),
  /** Case details the record cannot give (SSA's vocational factors): date of birth, education, past work, filing date. */
  dob: z.string().optional(),
  education: z.string().optional(),
  pastWork: z.string().optional(),
  filingDate: z.string().optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

const Reason = z.object({ text: z.string(), evidence: z.array(EvidenceSchema) });
export type Reason = z.infer<typeof Reason>;

const MeasurePoint = z.object({
  instrument: z.string(),
  value: z.number(),
  date: z.string().optional(),
  evidence: z.array(EvidenceSchema),
});

export const TimelineEntrySchema = z.object({
  modality: ModalitySchema,
  /** The kind within the modality; for medication rows, the drug. */
  subtype: z.string().optional(),
  /** Medication rows: the drug's class ("anticonvulsant"). */
  drugClass: z.string().optional(),
  firstDate: z.string().optional(),
  lastDate: z.string().optional(),
  /** Number of sessions/procedures documented (dated performed encounters or stated counts). */
  sessions: z.number().int(),
  status: z.enum(['ongoing', 'completed', 'discontinued', 'declined', 'denied', 'recommended', 'planned', 'unknown']),
  providers: z.array(z.string()),
  outcomeBefore: z.array(MeasurePoint),
  outcomeAfter: z.array(MeasurePoint),
  benefit: z.object({
    percentRelief: z.number().optional(),
    durationDays: z.number().optional(),
    evidence: z.array(EvidenceSchema),
  }).optional(),
  reasonStopped: z.string().optional(),
  cost: z.number().optional(),
  /** Care for another condition (blood pressure, cholesterol, stomach...): shown apart, not treatment of the claim. */
  otherCondition: z.boolean().optional(),
  /** Individual dated events (sessions, injections, declined recommendations). */
  events: z.array(z.object({
    date: z.string().optional(),
    status: z.string(),
    label: z.string(),
    factId: z.string(),
  })),
  evidence: z.array(EvidenceSchema),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const MmiSchema = z.object({
  status: z.enum(['explicit', 'implied', 'not_reached', 'insufficient_evidence']),
  date: z.string().optional(),
  confidence: z.number().min(0).max(1),
  /** Who stated it (explicit) or whose maintenance visits imply it. */
  statedBy: z.string().optional(),
  reasons: z.array(Reason),
  /** Statements that disagree with the conclusion (e.g. one provider says MMI, another plans surgery). */
  conflicts: z.array(Reason),
  /** Every MMI opinion in the record with its source's role (treating physician, other treating, examining, designated doctor). */
  opinions: z.array(z.object({
    source: z.string(),
    role: z.enum(['treating_physician', 'other_treating', 'examining', 'designated_doctor', 'non_examining']),
    opinion: z.enum(['at_mmi', 'not_at_mmi']),
    /** The visit or report date; `mmiDate` when the source dates MMI otherwise. */
    date: z.string().optional(),
    mmiDate: z.string().optional(),
    evidence: z.array(EvidenceSchema),
  })).optional(),
  /** True when sources disagree on whether or when MMI was reached; the verdict still follows the weightier source. */
  disputed: z.boolean().optional(),
  /** An MMI that was stated and later withdrawn (new injury, flare with new active care, "no longer at MMI"). */
  priorMmi: z.object({ date: z.string().optional(), statedBy: z.string().optional(), reason: z.string(), evidence: z.array(EvidenceSchema) }).optional(),
  evidence: z.array(EvidenceSchema),
  /** A reviewer changed the verdict: theirs is `status`/`date` above; the record's reading is kept as `original`. */
  reviewerOverride: z.object({
    status: z.enum(['explicit', 'implied', 'not_reached', 'insufficient_evidence']),
    date: z.string().optional(),
    reason: z.string(),
    original: z.object({ status: z.enum(['explicit', 'implied', 'not_reached', 'insufficient_evidence']), date: z.string().optional() }),
  }).optional(),
});
export type MmiAssessment = z.infer<typeof MmiSchema>;

export const FloorItemSchema = z.object({
  activity: ActivitySchema,
  /** Most restrictive current limit stated, in words ("lift no more than 10 lb"). */
  summary: z.string(),
  limit: z.number().optional(),
  unit: z.string().optional(),
  firstDate: z.string().optional(),
  lastDate: z.string().optional(),
  visits: z.number().int(),
  providers: z.array(z.string()),
  sources: z.array(z.enum(['provider', 'patient'])),
  /** corroborated = ≥2 visits and ≥2 providers; single_source otherwise. */
  consistency: z.enum(['corroborated', 'single_provider', 'single_visit']),
  conflicts: z.array(Reason),
  evidence: z.array(EvidenceSchema),
});
export type FloorItem = z.infer<typeof FloorItemSchema>;

export const TrajectorySchema = z.object({
  prognosis: z.array(Reason),
  objectiveFindings: z.array(Reason),
  trends: z.array(z.object({
    instrument: z.string(),
    points: z.array(MeasurePoint),
    change: z.number().optional(),
    /** Minimal clinically important difference used to judge the change. */
    mcid: z.number().optional(),
    verdict: z.enum(['improved', 'worsened', 'plateau', 'insufficient']),
  })),
});
export type Trajectory = z.infer<typeof TrajectorySchema>;

export const DurationSchema = z.object({
  onset: z.string().optional(),
  onsetSource: z.enum(['claim', 'record', 'none']),
  /** MMI date, else last dated evidence of the impairment. */
  through: z.string().optional(),
  months: z.number().optional(),
  meetsTwelveMonths: z.enum(['yes', 'no', 'expected', 'unknown']),
  dli: z.string().optional(),
  evidenceBeforeDli: z.number().int().optional(),
  reasons: z.array(Reason),
});
export type Duration = z.infer<typeof DurationSchema>;

export const GapSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  title: z.string(),
  why: z.string(),
  authority: z.object({ cite: z.string(), url: z.string().optional() }),
  request: z.object({ to: z.string(), ask: z.string() }),
  evidence: z.array(EvidenceSchema),
  /** A reviewer's disposition: dismissed (with a reason, restorable), requested from the provider, or received. */
  review: z.object({ state: z.enum(['dismissed', 'requested', 'received']), reason: z.string().optional(), at: z.string(), correctionId: z.number().int().optional() }).optional(),
});
export type Gap = z.infer<typeof GapSchema>;

/** One thing the claim needs, judged against this record: supported (cited), partly, missing (with what to get), or information. */
export const SupportItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['supported', 'partly', 'missing', 'info']),
  text: z.string(),
  evidence: z.array(EvidenceSchema),
  /** What would complete it, in words a representative would put in a request. */
  missing: z.array(z.string()).optional(),
});
export type SupportItem = z.infer<typeof SupportItemSchema>;

/** An impairment rating as a structured value, each part cited, so a reviewer sees at a glance what is missing. */
export const ImpairmentRatingValueSchema = z.object({
  date: z.string().optional(),
  source: z.string(),
  role: z.string(),
  bodyPart: z.string().optional(),
  wholePersonPercent: z.number().optional(),
  regionalPercent: z.object({ percent: z.number(), basis: z.string() }).optional(),
  guidesEdition: z.string().optional(),
  apportionment: z.string().optional(),
  permanentRestrictions: z.array(z.object({ text: z.string(), evidence: z.array(EvidenceSchema) })),
  futureCare: z.array(z.object({ text: z.string(), evidence: z.array(EvidenceSchema) })),
  returnToWork: z.string().optional(),
  evidence: z.array(EvidenceSchema),
  missing: z.array(z.string()),
});
export type ImpairmentRatingValue = z.infer<typeof ImpairmentRatingValueSchema>;

/** "What this record supports" for the claim's profile (SSA, workers' comp, injury). */
export const SupportsSchema = z.object({
  profile: z.enum(['ssa', 'workers_comp', 'personal_injury', 'general']),
  title: z.string(),
  /** The rules applied (a state's workers' comp rules, SSA's regulations) and whether they were checked against the primary text. */
  basis: z.string(),
  items: z.array(SupportItemSchema),
  impairmentRatings: z.array(ImpairmentRatingValueSchema).optional(),
  /** SSA: age category, exertional level, grid rule and listings, as computed (see items for the cited reading). */
  vocational: z.record(z.string(), z.unknown()).optional(),
  /** SSA: each medical opinion on function, its supportability and consistency, and the rule that weighs it. */
  opinions: OpinionsSchema.optional(),
});
export type Supports = z.infer<typeof SupportsSchema>;

/** A reviewer's correction as every export shows it. `matched` is false when re-analysis no longer finds its anchor. */
export const CorrectionNoteSchema = z.object({
  id: z.number().int(),
  target: z.enum(['fact', 'gap', 'verdict']),
  action: z.string(),
  summary: z.string(),
  reason: z.string().optional(),
  createdAt: z.string(),
  matched: z.boolean(),
});
export type CorrectionNote = z.infer<typeof CorrectionNoteSchema>;

const BillingTotalSchema = z.object({
  /** Modality ("physical_therapy", "office_visit", "other"), provider as billed, month (YYYY-MM) or year. */
  key: z.string(),
  lines: z.number().int(),
  charges: z.number(),
  paid: z.number(),
  adjustments: z.number(),
  balance: z.number(),
  /** The ledger rows behind the total (capped; `lines` gives the full count). */
  evidence: z.array(EvidenceSchema),
});
export type BillingTotal = z.infer<typeof BillingTotalSchema>;

/** Ledger reconciled against the clinical record, and what the billed care cost. */
export const BillingSchema = z.object({
  lines: z.number().int(),
  firstDate: z.string().optional(),
  lastDate: z.string().optional(),
  totals: z.object({
    grand: BillingTotalSchema,
    byModality: z.array(BillingTotalSchema),
    byProvider: z.array(BillingTotalSchema),
    byMonth: z.array(BillingTotalSchema),
    byYear: z.array(BillingTotalSchema),
  }),
  /** Billed dates of service with no clinical note from that provider within a day. */
  billedWithoutRecord: z.array(z.object({
    date: z.string(),
    provider: z.string(),
    codes: z.array(z.string()),
    description: z.string().optional(),
    evidence: z.array(EvidenceSchema),
  })),
  /** Dated clinical notes with no bill, where a ledger covers that provider and period. */
  recordWithoutBill: z.array(z.object({
    date: z.string(),
    provider: z.string(),
    kind: z.string(),
    evidence: z.array(EvidenceSchema),
  })),
});
export type BillingAnalysis = z.infer<typeof BillingSchema>;

export const ClaimantGuideSchema = z.object({
  summary: z.array(z.string()),
  questions: z.array(z.object({ provider: z.string(), questions: z.array(z.string()) })),
});

export const CaseAnalysisSchema = z.object({
  schemaVersion: z.string(),
  generatedBy: z.string(),
  claim: ClaimSchema,
  documents: z.array(DocumentStatusSchema),
  facts: z.array(FactSchema),
  timeline: z.array(TimelineEntrySchema),
  mmi: MmiSchema,
  functionalFloor: z.array(FloorItemSchema),
  trajectory: TrajectorySchema,
  duration: DurationSchema,
  gaps: z.array(GapSchema),
  claimant: ClaimantGuideSchema,
  /** Where the same text was filed twice (duplicate exhibits, copy-forward). */
  duplicates: z.array(z.object({ kind: z.enum(['duplicate_document', 'copy_forward']), evidence: z.array(EvidenceSchema) })),
  /** Present when the case includes a billing ledger. */
  billing: BillingSchema.optional(),
  /** What this record supports under the claim's rules, and what it still needs. */
  supports: SupportsSchema.optional(),
  /** Corrections made by a reviewer in the workspace (absent in a plain CLI run). */
  corrections: z.array(CorrectionNoteSchema).optional(),
  disclaimer: z.string(),
});
export type CaseAnalysis = z.infer<typeof CaseAnalysisSchema>;
