/** The JSON contract: the analysis validated against CaseAnalysisSchema, keys in schema order. */
import { CaseAnalysisSchema, collectEvidence, type CaseAnalysis } from '../model/index.js';

/** Raised when an analysis would break the published contract; the report is not written. */
export class ContractError extends Error {
  constructor(readonly problems: string[]) {
    super(`analysis does not match the JSON contract:\n  ${problems.slice(0, 10).join('\n  ')}${problems.length > 10 ? `\n  … and ${problems.length - 10} more` : ''}`);
    this.name = 'ContractError';
  }
}

/**
 * Parse the analysis through the schema: this checks it and rebuilds every object with keys in the
 * schema's declared order (unknown keys dropped), so the output is stable however it was built.
 * Evidence is also checked for what the schema cannot express: end ≥ start and a quote as long as its span.
 */
export function toContract(analysis: CaseAnalysis): CaseAnalysis {
  const parsed = CaseAnalysisSchema.safeParse(analysis);
  if (!parsed.success) {
    throw new ContractError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const problems = collectEvidence(parsed.data)
    .filter((e) => e.end < e.start || e.quote.length !== e.end - e.start)
    .map((e) => `evidence ${e.file} [${e.start}, ${e.end}): quote length ${e.quote.length} does not match its span`);
  if (problems.length > 0) throw new ContractError(problems);
  return parsed.data;
}

export function renderJson(analysis: CaseAnalysis): string {
  return `${JSON.stringify(toContract(analysis), null, 2)}\n`;
}
