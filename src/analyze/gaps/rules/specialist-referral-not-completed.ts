import type { Encounter, Fact, Specialty } from '../../../model/index.js';
import { daysBetween, monthsOfDays } from '../../dates.js';
import { list, mainTreatingEvidence, makeGap, opinionAddressee, quoteOf, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';

interface Target { label: string; words: RegExp; specialties: Specialty[] }

const TARGETS: Target[] = [
  { label: 'spine or orthopaedic surgery', words: /\b(?:neurosurg\w*|spine (?:surg\w*|consult\w*|evaluation|specialist)|surgical (?:consult\w*|opinion|evaluation)|orthop\w*|hand surg\w*|surgeon)\b/i, specialties: ['orthopedic_surgery', 'neurosurgery'] },
  { label: 'neurology', words: /\bneurolog\w*\b/i, specialties: ['neurology'] },
  { label: 'rheumatology', words: /\brheumatolog\w*\b/i, specialties: ['rheumatology'] },
  { label: 'cardiology', words: /\bcardiolog\w*\b/i, specialties: ['cardiology'] },
  { label: 'pulmonology', words: /\b(?:pulmonolog\w*|pulmonary (?:medicine|clinic|consult\w*))\b/i, specialties: ['pulmonology'] },
  { label: 'gastroenterology or hepatology', words: /\b(?:gastroenterolog\w*|hepatolog\w*|GI (?:clinic|consult\w*))\b/i, specialties: ['gastroenterology'] },
  { label: 'nephrology', words: /\b(?:nephrolog\w*|kidney (?:specialist|clinic))\b/i, specialties: ['nephrology'] },
  { label: 'pain management', words: /\b(?:pain (?:management|medicine|clinic|specialist)|interventional pain)\b/i, specialties: ['pain_management'] },
  { label: 'physiatry (PM&R)', words: /\b(?:physiatr\w*|PM&R|physical medicine and rehab\w*)\b/i, specialties: ['physiatry'] },
];
const REFERRAL = /\b(?:refer\w*|consult\w*|evaluation (?:by|with)|appointment)\b/i;
/** A referral this old with no consultation since is not just pending. */
const MIN_WAIT_DAYS = 30;
const NOT_A_VISIT = new Set(['billing', 'imaging', 'emg']);
const GENERALIST = new Set<Specialty>(['primary_care', 'emergency', 'unknown', 'other']);
/** Care this long with only generalists and no specialist opinion is undeveloped. */
const CHRONIC_DAYS = 180;

function seenBy(t: Target, e: Encounter): boolean {
  if (NOT_A_VISIT.has(e.kind) || e.source === 'ledger') return false;
  return t.specialties.includes(e.specialty) || t.words.test(`${e.title ?? ''} ${e.provider.organization ?? ''} ${e.file}`);
}

export const rule: GapRule = {
  meta: {
    id: 'specialist-referral-not-completed',
    title: 'No specialist evaluation: referral made but no specialist consultation in the file',
    severity: 'medium',
    rationale: 'A specialist\'s evaluation (spine surgeon, neurologist, rheumatologist, pain physician) establishes the diagnosis and whether further treatment such as surgery is indicated; it decides whether the condition is at its end point. A referral with no consultation leaves that open, and unexplained non-attendance can be read as a failure to pursue treatment.',
    authority: { cite: '20 CFR 404.1512(b) (complete medical history); 20 CFR 404.1520c(c)(4) (specialization); SSR 16-3p', url: 'https://www.ecfr.gov/current/title-20/section-404.1520c' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the referring physician', ask: 'Please state whether the specialist referral was completed and send the consultation report, or why it did not happen.' },
  },
  check(ctx) {
    const end = ctx.lastDate;
    const encounters = [...ctx.encounters.values()];
    const gaps = [];
    const referrals = ctx.asserted.filter((f) => f.temporality === 'current' && (
      (f.type === 'plan_signal' && f.attributes.signal === 'referral')
      || (f.type === 'treatment' && ['recommended', 'planned'].includes(f.attributes.status) && ['surgical_consultation', 'surgery'].includes(f.attributes.modality))
    ) && f.evidence.some((e) => REFERRAL.test(e.quote)));
    const byTarget = new Map<Target, Fact[]>();
    for (const f of referrals) {
      const t = TARGETS.find((x) => x.words.test(quoteOf(f)));
      if (t) byTarget.set(t, [...(byTarget.get(t) ?? []), f]);
    }
    for (const [t, facts] of byTarget) {
      const first = facts[0];
      const from = ctx.dateOf(first);
      if (!from || !end || daysBetween(from, end) < MIN_WAIT_DAYS) continue;
      if (encounters.some((e) => e.date && e.date >= from && seenBy(t, e))) continue;
      const who = opinionAddressee(ctx, ctx.providerOf(first), ctx.providerOf(first));
      gaps.push(makeGap(rule.meta, {
        why: `A referral for ${t.label} was made on ${from} ("${shortQuote(first, 100)}"), but no ${t.label} consultation is in the file through ${end}.`,
        to: who,
        ask: `Regarding your referral for ${t.label} (specialist evaluation) of ${from}: please state whether the consultation took place and send the specialist's report, or say why it did not happen (authorization, cost, transportation, wait list, patient choice).`,
        evidence: facts.slice(0, 2).flatMap((f) => f.evidence.slice(0, 1)),
      }));
    }
    // No specialist at all: months of care from primary care or the emergency department only.
    const clinical = ctx.visits.filter((v) => v.facts.length);
    if (!gaps.length && clinical.length >= 2 && clinical.every((v) => v.encounters.every((e) => GENERALIST.has(e.specialty)))) {
      const span = daysBetween(clinical[0].date, clinical[clinical.length - 1].date);
      const abnormal = ctx.of('objective_finding', true).filter((f) => f.attributes.abnormal);
      if (span >= CHRONIC_DAYS) {
        const who = opinionAddressee(ctx);
        gaps.push(makeGap(rule.meta, {
          why: `Over ${monthsOfDays(span)} months (${clinical[0].date} to ${clinical[clinical.length - 1].date}) the claimant was seen only in primary care or the emergency department (${list([...new Set(clinical.map((v) => v.provider))].slice(0, 4))}); no specialist has evaluated the condition.`,
          to: who,
          ask: 'No specialist evaluation of the claimed condition is in the record. Please state whether a specialist referral (e.g. spine surgeon, orthopaedist, neurologist or pain physician) is indicated or was made, with its date and outcome, and send any specialist reports you hold.',
          evidence: [...abnormal.slice(-1).flatMap((f) => f.evidence.slice(0, 1)), ...mainTreatingEvidence(ctx)],
        }));
      }
    }
    return gaps;
  },
};
