/** Report renderers: every format renders the same CaseAnalysis. */
import type { CaseAnalysis } from '../model/index.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderLetters } from './letters.js';
import { renderMarkdown } from './markdown.js';

export type ReportFormat = 'json' | 'md' | 'html' | 'letters';

export function renderReport(analysis: CaseAnalysis, format: ReportFormat): string {
  switch (format) {
    case 'json': return renderJson(analysis);
    case 'md': return renderMarkdown(analysis);
    case 'html': return renderHtml(analysis);
    case 'letters': return renderLettersText(analysis);
  }
}

/** All request letters as plain text, separated by form feeds so each prints on its own page. */
function renderLettersText(analysis: CaseAnalysis): string {
  return renderLetters(analysis).map((l) => `Subject: ${l.subject}\n\n${l.body}`).join('\f\n');
}

export { renderHtml, renderJson, renderLetters, renderMarkdown };
export type { RequestLetter } from './letters.js';
export { ContractError, toContract } from './json.js';
export { caseAnalysisJsonSchema, renderJsonSchema, SCHEMA_FILE } from './schema.js';
