// STUB — replaced by the analysis (issue 2). Signature is the contract.
import type { CaseAnalysis, Claim, DocumentStatus, Encounter, Fact } from '../model/index.js';
import { SCHEMA_VERSION } from '../model/index.js';

export interface AnalysisInput {
  claim: Claim;
  documents: DocumentStatus[];
  encounters: Encounter[];
  facts: Fact[];
  duplicates?: CaseAnalysis['duplicates'];
}

export const DISCLAIMER =
  'Plateau organises and cites the medical record to support review. It is educational and does not replace the judgement of treating clinicians, examiners, representatives or adjudicators; verify every finding against the cited page.';

/** Pure function of the facts: timeline, MMI, functional floor, trajectory, duration, gaps, claimant guide. */
export function analyzeCase(input: AnalysisInput): CaseAnalysis {
  return {
    schemaVersion: SCHEMA_VERSION, generatedBy: 'plateau', claim: input.claim, documents: input.documents,
    facts: input.facts, timeline: [],
    mmi: { status: 'insufficient_evidence', confidence: 0, reasons: [], conflicts: [], evidence: [] },
    functionalFloor: [], trajectory: { prognosis: [], objectiveFindings: [], trends: [] },
    duration: { onsetSource: 'none', meetsTwelveMonths: 'unknown', reasons: [] },
    gaps: [], claimant: { summary: [], questions: [] }, duplicates: input.duplicates ?? [], disclaimer: DISCLAIMER,
  };
}
