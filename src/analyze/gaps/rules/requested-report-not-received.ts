import type { EncounterKind, Fact } from '../../../model/index.js';
import { daysBetween } from '../../dates.js';
import { makeGap, quoteOf, recordsOffice, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';

interface Report { label: string; words: RegExp; kinds: EncounterKind[]; facts?: (f: Fact) => boolean }

/** Reports a note says are coming, and how the file would show they came. */
const REPORTS: Report[] = [
  { label: 'permanent and stationary / impairment rating report', words: /\b(?:PR-?4|P&S report|permanent and stationary report|impairment rating|rating report|IRE|DWC-?69|C-4\.3)\b/i, kinds: ['impairment_rating'],
    facts: (f) => f.type === 'impairment_rating' || (f.type === 'mmi_statement' && (f.attributes.kind === 'mmi' || f.attributes.kind === 'permanent_and_stationary')) },
  { label: 'medical source statement', words: /\b(?:medical source statement|MSS|RFC (?:form|questionnaire)|disability (?:form|paperwork))\b/i, kinds: ['medical_source_statement'] },
  { label: 'functional capacity evaluation report', words: /\b(?:FCE|functional capacity)\b/i, kinds: ['fce'] },
  { label: 'EMG/NCS report', words: /\b(?:EMG|NCS|NCV|nerve conduction)\b/i, kinds: ['emg'] },
  { label: 'imaging report', words: /\b(?:MRI|CT|x-?rays?|imaging)\b/i, kinds: ['imaging'] },
  { label: 'operative report', words: /\b(?:operative report|op note|procedure note)\b/i, kinds: ['operative_report', 'procedure_note'] },
];
/** Words saying the report was asked for or promised and has not come. */
const PENDING = /\b(?:report|results?|form|paperwork|questionnaire)\b[^.]{0,30}\b(?:pending|to follow|requested|awaited|outstanding|not yet (?:received|returned|available|completed))\b|\b(?:will (?:complete|send|dictate|forward|address)|to be completed|request(?:ed)? (?:a |the )?(?:report|rating|PR-?4|narrative|MSS))\b/i;
/** A report this long overdue at the end of the record is not just in the mail. */
const OVERDUE_DAYS = 30;

export const rule: GapRule = {
  meta: {
    id: 'requested-report-not-received',
    title: 'Requested report never received (rating, narrative, MSS, test report)',
    severity: 'medium',
    rationale: 'A report the record says was requested or promised (a P&S or rating report, a medical source statement, an FCE or test report) is evidence someone thought decisive; if it never arrived the file is incomplete, and the request should be followed up with whoever owes it.',
    authority: { cite: '20 CFR 404.1512(b)(1) (reasonable efforts: initial and follow-up request); 8 CCR 9785 (P&S report due from the primary treating physician)', url: 'https://www.ecfr.gov/current/title-20/section-404.1512' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the provider who owes the report', ask: 'Please send the report that was requested, or say when it will be completed.' },
  },
  check(ctx) {
    const end = ctx.lastDate;
    if (!end) return [];
    const encounters = [...ctx.encounters.values()];
    const gaps = [];
    const done = new Set<string>();
    for (const f of ctx.asserted) {
      const q = quoteOf(f);
      if (!PENDING.test(q)) continue;
      const report = REPORTS.find((r) => r.words.test(q));
      const d = ctx.dateOf(f);
      if (!report || !d || done.has(report.label) || daysBetween(d, end) < OVERDUE_DAYS) continue;
      const came = encounters.some((e) => report.kinds.includes(e.kind) && (e.date ?? '') >= addWindow(d))
        || (report.facts ? ctx.asserted.some((x) => report.facts!(x) && (ctx.dateOf(x) ?? '') >= d && x !== f) : false);
      if (came) continue;
      done.add(report.label);
      const who = ctx.providerOf(f);
      gaps.push(makeGap(rule.meta, {
        why: `On ${d} the record says a ${report.label} was requested or is to follow ("${shortQuote(f, 110)}"); it was never received — nothing of the kind is in the file through ${end}.`,
        to: recordsOffice(who, 'the provider who owes the report'),
        ask: `Please send the ${report.label} referred to on ${d}, or state whether it was completed and when it will be sent.`,
        evidence: f.evidence.slice(0, 1),
      }));
    }
    return gaps;
  },
};

/** Reports can be dated a little before the note that mentions them as pending. */
function addWindow(d: string): string {
  const t = Date.parse(d) - 7 * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
