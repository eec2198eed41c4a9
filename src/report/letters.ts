/** One ready-to-send records/opinion request letter per provider, gathering that provider's gap requests. */
import type { CaseAnalysis, Gap } from '../model/index.js';
import { citationLocation, distinctEvidence, shortQuote } from './citation.js';
import { CLAIM_LABEL, onsetLabel } from './labels.js';
import { SEVERITY_ORDER } from './wording.js';

export interface RequestLetter {
  to: string;
  subject: string;
  body: string;
}

/** Requests addressed to the same recipient, however the rules spaced or cased the name. */
function recipientKey(to: string): string {
  return to.replace(/\s+/g, ' ').trim().toLowerCase();
}

function claimLine(a: CaseAnalysis): string {
  const parts = [`${CLAIM_LABEL[a.claim.type]} claim`];
  if (a.claim.onset) parts.push(`${onsetLabel(a.claim.type).toLowerCase()} ${a.claim.onset}`);
  if (a.claim.dli) parts.push(`date last insured ${a.claim.dli}`);
  return parts.join('; ');
}

function requestBlock(gap: Gap, n: number): string {
  const refs = distinctEvidence(gap.evidence).slice(0, 3)
    .map((e) => `     - ${citationLocation(e)}: "${shortQuote(e.quote, 100)}"`);
  return [
    `${n}. ${gap.request.ask.trim()}`,
    `   Why we ask: ${gap.why.trim()}`,
    ...(refs.length > 0 ? ['   Where your records touch on this:', ...refs] : []),
  ].join('\n');
}

/**
 * Whom a letter goes to: the claimant (what only they can supply), a medical source (a clinician or a facility's
 * records office: "your patient", notes and an authorization to release medical information), or another holder of
 * records (the employer, the claims administrator, the police): none of them has a patient.
 */
type RecipientKind = 'claimant' | 'medical' | 'other';
const NON_MEDICAL_HOLDER = /\b(?:employer|claims administrator|adjuster|insurer|carrier|police|sheriff|highway patrol|hearing office|assembled the file)\b/i;
function recipientKind(to: string): RecipientKind {
  if (/^the claimant\b(?!'s)/i.test(to)) return 'claimant';
  return NON_MEDICAL_HOLDER.test(to) ? 'other' : 'medical';
}

const OPENING: Record<RecipientKind, (opinion: boolean) => string> = {
  claimant: () => 'In reviewing your records for this claim, we found points that only you can supply. ',
  medical: (opinion) => 'I represent your patient named above. In reviewing the medical records for this claim, we found points that your records ' +
    `do not yet answer. Your answers${opinion ? ' and opinion' : ''} will help the decision-maker understand your patient's condition. `,
  other: () => 'We represent the claimant named above. In reviewing the file for this claim, we found records that your office holds and the file does not yet have. ',
};

export function renderLetters(analysis: CaseAnalysis): RequestLetter[] {
  const groups = new Map<string, { to: string; gaps: Gap[] }>();
  // A gap the reviewer dismissed, or whose records were received, needs no letter.
  for (const gap of analysis.gaps.filter((g) => g.review?.state !== 'dismissed' && g.review?.state !== 'received')) {
    const to = gap.request.to.replace(/\s+/g, ' ').trim();
    if (!to) continue;
    const key = recipientKey(to);
    const group = groups.get(key) ?? { to, gaps: [] };
    group.gaps.push(gap);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].map((g) => ({
    ...g,
    gaps: [...g.gaps].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]),
  }));
  ordered.sort((x, y) => SEVERITY_ORDER[x.gaps[0].severity] - SEVERITY_ORDER[y.gaps[0].severity] || x.to.localeCompare(y.to));

  /** "Dr. Whitlock" for a named physician, "Records Custodian" for an office, "Sir or Madam" otherwise. */
  const salutation = (to: string): string => {
    if (recipientKind(to) === 'claimant') return '[Claimant name]';
    if (/^the\b/i.test(to)) return /records office|medical records/i.test(to) ? 'Records Custodian' : 'Sir or Madam';
    const name = to.replace(/\s*\(.*$/, '').split(',')[0].trim();
    const surname = name.split(/\s+/).filter((w) => !/^[A-Z]\.?$/.test(w)).at(-1);
    const doctor = /\b(?:MD|M\.D\.|DO|D\.O\.|DC|PhD|PsyD|DPM)\b/.test(to);
    return surname ? `${doctor ? 'Dr.' : ''} ${surname}`.trim() : to;
  };
  const since = analysis.claim.onset ? ` from ${analysis.claim.onset}` : '';
  return ordered.map(({ to, gaps }) => {
    const kind = recipientKind(to);
    const asksForOpinion = kind === 'medical' && gaps.some((g) => /opinion|statement|mmi|medical improvement|restriction|limit/i.test(`${g.ruleId} ${g.request.ask}`));
    const subject = `Request for ${asksForOpinion ? 'medical opinion and records' : kind === 'medical' ? 'medical records' : 'records'}: [Claimant name], DOB [date of birth]`;
    const body = [
      '[Date]',
      '',
      `To: ${to}`,
      `Re: [Claimant name], date of birth [date of birth]. ${claimLine(analysis)}.`,
      '',
      `Dear ${salutation(to)},`,
      '',
      OPENING[kind](asksForOpinion) +
        `Please answer the following ${gaps.length === 1 ? 'question' : `${gaps.length} questions`}, or send any records that already address ${gaps.length === 1 ? 'it' : 'them'}:`,
      '',
      ...gaps.map((g, i) => requestBlock(g, i + 1)).join('\n\n').split('\n'),
      '',
      ...(kind === 'claimant' ? ['Please send it to our office, or call us if you need help completing it.']
        : kind === 'other' ? ['If a record asked for does not exist, please say so. A signed authorization from the claimant is enclosed where one is required.']
          : [
            `If not already provided, please also send copies of your office notes, test results and reports${since} to the present.`,
            'A signed authorization to release medical information is enclosed.',
          ]),
      '',
      'Thank you for your help.',
      '',
      '[Representative name]',
      '[Firm, address, phone, email]',
    ].join('\n');
    return { to, subject, body: `${body}\n` };
  });
}
