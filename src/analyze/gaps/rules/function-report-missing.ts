import type { DocumentStatus, Evidence } from '../../../model/index.js';
import { mainTreatingEvidence, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';
import { capitalShare } from '../../../util/text.js';

/** The claimant's own account of daily function, as SSA collects it. */
const FUNCTION_REPORT = /\b(?:(?<!(?:pulmonary|lung|renal|liver|thyroid|cardiac|ventricular) )function report|SSA-3373|activities of daily living questionnaire)\b/i;

const isReport = (f: { id: string }) => f.id === 'function_report';

/** How far into a paper its own title stands: a form named there is the paper itself, not a line listing it. */
const TITLE_CHARS = 600;

/** The report itself: a claimant's statement titled (or sectioned) as the Function Report, or a file so named. */
function hasFunctionReport(docs: DocumentStatus[]): boolean {
  return docs.some((d) => !d.misfiled && ((d.role?.kind === 'claimant_statement'
    && (d.formsOnFile?.some((f) => isReport(f) && f.evidence.some((e) => (e.start < TITLE_CHARS || isHeading(e.quote)) && !PART_ONLY.test(e.quote)))
      || d.role.evidence.some((e) => FUNCTION_REPORT.test(e.quote)))) || FUNCTION_REPORT.test(d.file)));
}
/** An excerpt or a summary of the form is not the form: the complete copy is still needed. */
const PART_ONLY = /\b(?:excerpts?|summary|summari[sz]ed|partial|pages? \d)/i;

/** "EXHIBIT 3E   FUNCTION REPORT - ADULT (SSA-3373) - excerpt": a section heading in capitals starts the form itself. */
function isHeading(line: string): boolean {
  return capitalShare(line, 10) >= 0.6;
}

/** An exhibit list or a determination that shows the report in SSA's folder: it exists, only this file set lacks it. */
function listedReport(docs: DocumentStatus[]): { file: string; evidence: Evidence[] } | undefined {
  for (const d of docs) {
    const f = d.misfiled ? undefined : d.formsOnFile?.find(isReport);
    if (f) return { file: d.file, evidence: f.evidence };
  }
  return undefined;
}

export const rule: GapRule = {
  meta: {
    id: 'function-report-missing',
    title: 'No Function Report (SSA-3373) in the file',
    severity: 'medium',
    rationale: 'The claimant\'s Function Report describes daily activities, personal care, and how long the claimant can sit, stand, walk and concentrate. SSA weighs these statements against the medical evidence when it evaluates symptoms; without one, the file has no first-hand account of daily function to compare with the treating records.',
    authority: { cite: 'SSR 16-3p (evaluation of symptoms); 20 CFR 404.1529(c)(3), 416.929(c)(3) (daily activities)', url: 'https://www.ssa.gov/OP_Home/rulings/di/01/SSR2016-03-di-01.html' },
    profiles: ['ssdi', 'ssi'],
    request: { to: 'the claimant (through the representative)', ask: 'Please complete the Function Report - Adult (SSA-3373), or send the copy already filed with SSA.' },
  },
  check(ctx) {
    if (hasFunctionReport(ctx.documents)) return [];
    const listed = listedReport(ctx.documents);
    if (listed) {
      return [makeGap(rule.meta, {
        why: `The Function Report is in SSA's folder ("${listed.evidence[0].quote.replace(/\s+/g, ' ').trim().slice(0, 100)}", ${listed.file}) but not in this file set, so the claimant's own account of daily function cannot be compared with the treating records.`,
        ask: 'Please send a copy of the Function Report - Adult (SSA-3373) filed with SSA (from the electronic folder), with any third-party function report.',
        evidence: listed.evidence,
      })];
    }
    const index = ctx.documents.find((d) => d.role?.kind === 'exhibit_list');
    const evidence = index?.role?.evidence.length ? index.role.evidence : mainTreatingEvidence(ctx);
    if (!evidence.length) return [];
    return [makeGap(rule.meta, {
      why: `No Function Report is among the ${ctx.documents.length} documents${index ? ' (the exhibit list names none in this set)' : ''}.`,
      evidence,
    })];
  },
};
