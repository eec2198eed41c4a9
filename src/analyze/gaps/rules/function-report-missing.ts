import type { DocumentStatus, Evidence } from '../../../model/index.js';
import { mainTreatingEvidence, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';

/** The claimant's own account of daily function, as SSA collects it. */
const FUNCTION_REPORT = /\b(?:(?<!(?:pulmonary|lung|renal|liver|thyroid|cardiac|ventricular) )function report|SSA-3373|activities of daily living questionnaire)\b/i;

const isReport = (f: { id: string }) => f.id === 'function_report';

/** A listing line that says the copy is not at hand: "Function Report (3373) - client completed 10/2023 per DDS; we do not have a copy". */
const LACKING = /\b(?:do(?:es)? not have|don't have|no copy|not (?:in|on) (?:the |this )?(?:file|set|record)|not (?:received|provided|included|available|enclosed|produced)|missing|never (?:returned|received))\b/i;

/** A line of the file that names the report as lacking, if any. */
function lackedReport(docs: DocumentStatus[]): Evidence | undefined {
  for (const d of docs) {
    if (d.misfiled) continue;
    for (const f of d.formsOnFile ?? []) if (isReport(f)) for (const e of f.evidence) if (LACKING.test(e.quote)) return e;
  }
  return undefined;
}

/**
 * The report is in the file (a claimant's statement so titled, or a file so named), or in SSA's folder: an exhibit
 * list or a determination shows it filed. A report the adjudicator already holds is not missing evidence, and
 * reviewers keep a copy request for it off their gap list, unless the file itself says the copy is not at hand.
 */
function reportKnown(docs: DocumentStatus[]): boolean {
  return docs.some((d) => !d.misfiled && (d.formsOnFile?.some(isReport)
    || (d.role?.kind === 'claimant_statement' && d.role.evidence.some((e) => FUNCTION_REPORT.test(e.quote)))
    || FUNCTION_REPORT.test(d.file.replace(/_/g, ' '))));
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
    const lacked = lackedReport(ctx.documents);
    if (lacked) {
      return [makeGap(rule.meta, {
        why: `The file itself says the Function Report is not at hand ("${lacked.quote.replace(/\s+/g, ' ').trim().slice(0, 120)}", ${lacked.file}), so the claimant's own account of daily function cannot be compared with the treating records.`,
        ask: 'Please send a copy of the Function Report - Adult (SSA-3373) filed with SSA (from the electronic folder), or complete a new one.',
        evidence: [lacked],
      })];
    }
    if (reportKnown(ctx.documents)) return [];
    const index = ctx.documents.find((d) => d.role?.kind === 'exhibit_list');
    const evidence = index?.role?.evidence.length ? index.role.evidence : mainTreatingEvidence(ctx);
    if (!evidence.length) return [];
    return [makeGap(rule.meta, {
      why: `No Function Report is among the ${ctx.documents.length} documents${index ? ' (the exhibit list names none in this set)' : ''}.`,
      evidence,
    })];
  },
};
