/** The analysis stage: facts and encounters in, CaseAnalysis out (timeline, MMI, floor, trajectory, duration, gaps). */
import type { CaseAnalysis, Claim, DocumentStatus, Encounter, Fact } from '../model/index.js';
import { SCHEMA_VERSION } from '../model/index.js';
import { profileFor } from '../profiles/index.js';
import { buildContext } from './case-context.js';
import { withClaimedConditionCare } from './claimed-conditions.js';
import { buildTimeline } from './timeline.js';
import { assessMmi } from './mmi.js';
import { buildFloor } from './floor.js';
import { buildTrajectory } from './trajectory.js';
import { buildDuration } from './duration.js';
import { runGaps } from './gaps/index.js';
import { buildClaimantGuide } from './claimant.js';
import { analyzeBilling } from './billing.js';
import { buildSupports } from './supports/index.js';

export interface AnalysisInput {
  claim: Claim;
  documents: DocumentStatus[];
  encounters: Encounter[];
  facts: Fact[];
  duplicates?: CaseAnalysis['duplicates'];
}

export const DISCLAIMER =
  'Plateau organises and cites the medical record to support review. It is educational and does not replace the judgement of treating clinicians, examiners, representatives or adjudicators; verify every finding against the cited page.';

/** Pure function of the facts: timeline, MMI, functional floor, trajectory, duration, gaps, claimant guide, billing. */
export function analyzeCase(input: AnalysisInput): CaseAnalysis {
  const profile = profileFor(input.claim.type);
  const facts = withClaimedConditionCare(profile, input.facts);
  const filed = input.documents.filter((d) => !d.misfiled);
  const ctx = buildContext(input.claim, profile, input.encounters, facts, filed.map((d) => d.dated).filter((d): d is string => !!d),
    filed.map((d) => d.adjudicatedMmi).filter((a): a is NonNullable<typeof a> => !!a));
  const timeline = buildTimeline(ctx);
  const mmi = assessMmi(ctx);
  const functionalFloor = buildFloor(ctx);
  const trajectory = buildTrajectory(ctx);
  const duration = buildDuration(ctx, mmi, functionalFloor);
  const billing = analyzeBilling(input.encounters);
  const gaps = runGaps({ ...ctx, timeline, mmi, floor: functionalFloor, trajectory, duration, billing, documents: input.documents });
  const supports = buildSupports(ctx, { mmi, billing, trajectory, functionalFloor, duration, facts });
  return {
    schemaVersion: SCHEMA_VERSION, generatedBy: 'plateau', claim: input.claim, documents: input.documents,
    facts, timeline, mmi, functionalFloor, trajectory, duration, gaps,
    claimant: buildClaimantGuide(profile, mmi, timeline, functionalFloor, gaps),
    duplicates: input.duplicates ?? [], ...(billing ? { billing } : {}), ...(supports ? { supports } : {}), disclaimer: DISCLAIMER,
  };
}
