import type { Fact } from '../../../model/index.js';
import { isExaminingEncounter, list, makeGap, quoteOf, recordsOffice } from '../helpers.js';
import type { GapRule } from '../types.js';
import { isForOtherCondition } from '../../../knowledge/relevance.js';
import { modalitiesIn, modalityWords } from '../../../model/modalities.js';

/** Treatment whose result must be seen in later records: active care and psychotherapy (a chiropractic course runs on without a result note). */
const ACTIVE = new Set<string>([...modalitiesIn('active'), 'psychology'].filter((m) => m !== 'chiropractic'));
const CHANGE = new Set(['started', 'switched']);
const SCHEDULED = /\b(?:schedul\w*|appointment|date of surgery|set for|booked|planned for|awaiting)\b/i;
const NOT_A_PLAN = /\b(?:if|consider\w*|could|may|might|would|possible|prn|as needed|declin\w*|RFA)\b/i;
/** Future care named at an MMI examination ("neurology twice yearly", "CBT boosters", "flare PT"). */
const FUTURE_CARE = /\b(?:future (?:medical )?care|booster|twice (?:a )?year\w*|per year|annual\w*|flare|every \d+ (?:weeks|months))\b/i;

function label(f: Fact): string {
  if (f.type === 'treatment') {
    const a = f.attributes;
    if (a.modality === 'medication') return `${a.drug ?? 'new medication'} (${a.doseChange ?? 'changed'})`;
    return modalityWords(a.subtype ? `${a.modality} (${a.subtype})` : a.modality);
  }
  if (f.type === 'plan_signal') return f.attributes.signal === 'referral' ? `referral${f.attributes.target ? ` to ${f.attributes.target}` : ''}` : modalityWords(f.attributes.target ?? 'new treatment');
  return quoteOf(f).slice(0, 60);
}

export const rule: GapRule = {
  meta: {
    id: 'records-after-last-plan',
    title: 'No records after the last treatment plan: its outcome is unknown',
    severity: 'medium',
    rationale: 'The record ends with treatment just changed or scheduled (a new drug trial, a procedure, surgery, a referral, future care recommended at MMI). Whether it was done and how the claimant responded decides the current condition, MMI and future care; the later records are needed before the claim is decided.',
    authority: { cite: '20 CFR 404.1512(b) (complete medical history, current evidence); SSR 16-3p (longitudinal record)', url: 'https://www.ecfr.gov/current/title-20/section-404.1512' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating provider\'s medical records office', ask: 'Please send all records after the last date listed, including the outcome of the planned treatment.' },
  },
  check(ctx) {
    // The last treating visit: an examiner's report restates history, it does not set the plan.
    const visits = ctx.visits.filter((v) => v.facts.length && !v.encounters.every(isExaminingEncounter));
    const last = visits[visits.length - 1];
    if (!last || visits.length < 2) return [];
    const end = last.date;
    // Care for another condition (a blood-pressure drug restarted) is not the claimed impairment's plan.
    const planned = (f: Fact) => f.temporality === 'current' && !isForOtherCondition(f) && !f.evidence.some((e) => NOT_A_PLAN.test(e.quote));
    // Scheduled after the record ends: surgery, procedures, consultations with a date after the last visit.
    const recordEnd = ctx.lastDate && ctx.lastDate > end ? ctx.lastDate : end;
    const future = ctx.asserted.filter((f) => planned(f) && (f.dateSource === 'sentence' || f.dateSource === 'relative') && (ctx.dateOf(f) ?? '') > recordEnd
      && f.type === 'treatment' && ACTIVE.has(f.attributes.modality) && f.evidence.some((e) => SCHEDULED.test(e.quote)));
    // Changed at the last visit: a new drug, new active treatment planned, a referral.
    const mmiAtLast = last.facts.some((f) => f.type === 'mmi_statement' && (f.attributes.kind === 'mmi' || f.attributes.kind === 'permanent_and_stationary'));
    const atLast = last.facts.filter((f) => (planned(f) && (
      (f.type === 'treatment' && f.attributes.modality === 'medication' && !!f.attributes.doseChange && CHANGE.has(f.attributes.doseChange))
      || (f.type === 'treatment' && ACTIVE.has(f.attributes.modality) && ['planned', 'recommended'].includes(f.attributes.status))
      || (f.type === 'plan_signal' && f.attributes.signal === 'referral')))
      // Future care listed at MMI ("CBT boosters, neurology twice yearly, if needed") is a plan however it is hedged.
      || (f.type === 'treatment' && mmiAtLast && f.temporality === 'current' && f.evidence.some((e) => FUTURE_CARE.test(e.quote))));
    const items = [...future, ...atLast];
    if (!items.length) return [];
    const seen = new Set<string>();
    const unique = items.filter((f) => { const q = quoteOf(f); if (seen.has(q)) return false; seen.add(q); return true; });
    const names = [...new Set(unique.map((f) => `${label(f)}${(ctx.dateOf(f) ?? '') > end ? ` (scheduled ${ctx.dateOf(f)})` : ''}`))].slice(0, 5);
    const surgical = unique.some((f) => f.type === 'treatment' && f.attributes.modality === 'surgery');
    return [makeGap(rule.meta, {
      why: `The record ends on ${end} (${last.provider})${mmiAtLast ? ' with an MMI statement and future care recommended' : ''}; the last plan (${list(names)}) has no follow-up in the file, so whether it was carried out and with what result is unknown.`,
      to: recordsOffice(last.provider, 'the last treating provider'),
      ask: `There are no records after ${end}. Please send all office notes${surgical ? ', the operative report' : ''} and test results from ${end} to date, including whether ${list(names)} took place and the patient's response${mmiAtLast ? ', and the future medical care actually used since the MMI examination' : ''}.`,
      evidence: unique.slice(0, 4).flatMap((f) => f.evidence.slice(0, 1)),
    })];
  },
};
