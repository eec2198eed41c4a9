/**
 * The analysis as the case screens read it (GET /analysis, and the answer to a correction). On a 5,000-page case
 * the full analysis is tens of MB, nearly all of it lists that one screen pages or draws on its own: those are
 * left out and counted, so that opening a case stays fast.
 */
import type { CaseAnalysis } from '../model/index.js';

/** `version`: which analysis it is (the result and its corrections): the timeline of the same version goes with it. */
export type ScreenView = CaseAnalysis & { version: string; factCount: number; factCounts: Record<string, number>; duplicateCount: number };

/**
 * Left out: the facts (GET /facts pages them; `factCount`, and `factCounts` by type), the treatment timeline and
 * the measures' trends (GET /timeline draws them), the objective findings and duplicates (the exports list them;
 * `duplicateCount`), and each document's visits (`encounterCount`).
 */
export function screenView(a: CaseAnalysis, version: string): ScreenView {
  const factCounts: Record<string, number> = {};
  for (const f of a.facts) factCounts[f.type] = (factCounts[f.type] ?? 0) + 1;
  return {
    ...a,
    version,
    facts: [], factCount: a.facts.length, factCounts,
    documents: a.documents.map((d) => ({ ...d, encounters: [], encounterCount: d.encounters.length })),
    timeline: [],
    trajectory: { ...a.trajectory, objectiveFindings: [], trends: [] },
    duplicates: [], duplicateCount: a.duplicates.length,
  };
}
