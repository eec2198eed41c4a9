/** The gap-rule contract: a rule is a meta block plus a check over the GapContext. */
import type { BillingAnalysis, ClaimType, DocumentStatus, Duration, FloorItem, Gap, MmiAssessment, TimelineEntry, Trajectory } from '../../model/index.js';
import type { CaseContext } from '../case-context.js';

export interface GapRuleMeta {
  id: string;
  title: string;
  severity: Gap['severity'];
  /** Why the missing item matters to the adjudicator. */
  rationale: string;
  authority: { cite: string; url?: string };
  /** Claim types whose profile runs this rule (the profile's `rules` list must agree). */
  profiles: ClaimType[];
  /** Default addressee and question; `check` fills in the actual provider and dates. */
  request: { to: string; ask: string };
  /**
   * Gaps that ask the same person for the same thing are sent as one request: gaps whose rules share this key and
   * whose addressee is the same are merged (the most severe rule leads). Defaults to the rule id.
   */
  merge?: string;
  /**
   * Other tools key on this rule id (reports, letters, the synthetic-truth scorer and examples): its gap is always
   * reported under its own id. Same-person gaps of other rules fold into it; two keyed gaps are never folded together.
   */
  keyed?: boolean;
}

/** What a rule sees: the shared case context plus the finished analysis parts. */
export interface GapContext extends CaseContext {
  timeline: TimelineEntry[];
  mmi: MmiAssessment;
  floor: FloorItem[];
  trajectory: Trajectory;
  duration: Duration;
  /** Ledger reconciliation, when the case has a ledger. */
  billing?: BillingAnalysis;
  /** Every document with its role (clinical, examining, administrative: exhibit list, function report, UR, ...). */
  documents: DocumentStatus[];
}

/** One rule per file, ESLint style: a meta block and a small check. */
export interface GapRule {
  meta: GapRuleMeta;
  check(ctx: GapContext): Gap[];
}
