// STUB — replaced by the report renderers (issue 2). Signature is the contract.
import type { CaseAnalysis } from '../model/index.js';

export type ReportFormat = 'json' | 'md' | 'html';

export function renderReport(analysis: CaseAnalysis, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(analysis, null, 2) + '\n';
  return `# Plateau report\n\nMMI: ${analysis.mmi.status}\n`;
}
