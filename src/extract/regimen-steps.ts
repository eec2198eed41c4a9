/**
 * A medication regimen over time, as the notes imply it without saying it: a new strength named in a plan is a dose
 * step, and a drug still listed after it was stopped is a stale list entry. (A "start" of a drug already taken is a
 * refill: copy-forward.ts, markRefills.)
 */
import type { Encounter, Fact, FactOf } from '../model/index.js';

/**
 * A drug given by infusion or depot injection on a schedule ("Ocrelizumab 600 mg IV every 6 months", "paliperidone
 * palmitate 156 mg monthly"): its loading doses differ from the maintenance dose by design, not by a change of plan.
 */
const DOSING_SCHEDULE = /\b(?:IV|IM|SC|SQ|infusions?|injections?|inj|depot|LAI|every \d+ (?:weeks?|months?)|monthly|q\s?\d+\s?(?:wks?|weeks?|mos?|months?))\b/i;

/**
 * "- no change", "Next … due", "Furosemide 40 mg daily x 5 days then resume 20 mg", "for 2 weeks": the dose restated,
 * a dose due, a short course; no step.
 */
const NOT_A_STEP = /\b(?:no change|unchanged|same(?: dose)?|continu\w*|resumed?|next|due|then|x\s?\d+\s?(?:d|days?|wks?|weeks?)\b|for\s+\d+\s+(?:days|weeks)\b)/i;
/** "Escitalopram 20 mg daily; bupropion XL 300 mg q AM; trazodone 50 mg qhs": a medication list, each line its current dose. */
const MED_LIST = /\d\s*mg\b[^.\n]*[;,][^.\n]*\d\s*mg\b/i;

/** A dose as notes write it, its amount and unit: "300 mg", "150 mg daily", "0.5 mg qhs". */
const DOSE_AMOUNT = /^(\d+(?:\.\d+)?)\s*(mg|mcg|units?)\b/i;
/** "Plan: Bupropion XL 300 mg from 11/13.": a terse line naming a drug and its strength, nothing else. */
const PLAN_LINE = /^[\s\-*•]*(?:plan\s*:\s*)?[A-Za-z][\w/-]*(?:\s+(?:XL|XR|ER|SR|CR|DR|ODT))?\s+\d[^\n]{0,60}$/i;

/**
 * "Venlafaxine XR 75 mg x 5 wks, tolerating. … Plan: venlafaxine XR 150 mg daily.", or "Plan: Bupropion XL 300 mg
 * from 11/13." at the visit after "Start bupropion XL 150 mg daily": a plan that names a new strength of a drug the same
 * prescriber last recorded at another one (earlier in this note or at an earlier visit), without a verb that says so,
 * is the dose raised or lowered (a titration step), not a new recommendation. A drug first named this way, or at the
 * dose it was already taken at, is left as read.
 */
export function markDoseSteps(facts: Fact[], encounters: Encounter[]): void {
  const enc = new Map(encounters.map((e) => [e.id, e]));
  const meds = facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.modality === 'medication' && !!f.attributes.drug
    && !f.negated && f.temporality === 'current' && !!enc.get(f.encounterId)?.date && enc.get(f.encounterId)?.documentRole !== 'examining')
    .sort((a, b) => enc.get(a.encounterId)!.date!.localeCompare(enc.get(b.encounterId)!.date!) || a.evidence[0].start - b.evidence[0].start);
  // (A visit that carries the regimen on, "We will continue his current medication regimen: - Gabapentin 800 mg TID",
  // lists doses; it does not change them.)
  const carriedOn = new Set(facts.filter((f) => f.type === 'plan_signal' && (f.attributes.signal === 'continue_current_management' || f.attributes.signal === 'maintenance_care')).map((f) => f.encounterId));
  const last = new Map<string, { amount: number; unit: string; date: string; encounterId: string }>();
  for (const f of meds) {
    const e = enc.get(f.encounterId)!;
    // (The prescriber by name; unsigned notes by the file they are kept in.)
    const key = `${e.provider.name ?? e.id.split('#')[0]}|${f.attributes.drug!.toLowerCase()}`;
    const m = f.attributes.dose ? DOSE_AMOUNT.exec(f.attributes.dose) : null;
    // ("Gabapentin increased to 800 mg TID" with the strength unread: the last one known no longer holds.)
    if (!m) { if (f.attributes.doseChange && f.attributes.doseChange !== 'continued') last.delete(key); continue; }
    const dose = { amount: Number(m[1]), unit: m[2].toLowerCase().replace(/s$/, ''), date: e.date!, encounterId: e.id };
    const prev = last.get(key);
    const quote = f.evidence[0].quote;
    const planned = f.attributes.status === 'recommended' || f.attributes.status === 'planned';
    if (planned && !f.attributes.doseChange && prev && (prev.date < dose.date || prev.encounterId === dose.encounterId) && prev.unit === dose.unit
      && prev.amount !== dose.amount && (PLAN_LINE.test(quote) || !MED_LIST.test(quote)) && !NOT_A_STEP.test(quote) && !DOSING_SCHEDULE.test(quote)
      && e.kind !== 'medical_source_statement' && !carriedOn.has(e.id)) {
      f.attributes = { ...f.attributes, status: 'ongoing', doseChange: dose.amount > prev.amount ? 'increased' : 'decreased' };
    }
    if (f.attributes.status !== 'declined' && f.attributes.status !== 'discontinued') last.set(key, dose);
  }
}

/**
 * A drug still listed after a note says it was stopped ("Cyclobenzaprine 10 mg qhs" in every later medication list,
 * though the 06/16 note stopped it) is a stale list entry, not a drug the claimant takes, unless a later note
 * restarts it.
 */
export function markStaleMedicationLists(facts: Fact[], encounters: Encounter[]): void {
  const dateOf = new Map(encounters.map((e) => [e.id, e.date]));
  const stopped = new Map<string, string>();
  const restarted = new Map<string, string[]>();
  for (const f of facts) {
    if (f.type !== 'treatment' || f.attributes.modality !== 'medication' || !f.attributes.drug || f.negated || f.temporality !== 'current') continue;
    const d = f.date ?? dateOf.get(f.encounterId);
    if (!d) continue;
    const drug = f.attributes.drug;
    if (f.attributes.status === 'discontinued' || f.attributes.doseChange === 'stopped') {
      if ((stopped.get(drug) ?? '9999') > d) stopped.set(drug, d);
    } else if (f.attributes.doseChange === 'started' || f.attributes.doseChange === 'switched') {
      restarted.set(drug, [...(restarted.get(drug) ?? []), d]);
    }
  }
  for (const f of facts) {
    if (f.type !== 'treatment' || f.attributes.modality !== 'medication' || !f.attributes.drug || f.temporality !== 'current') continue;
    // ("Nortriptyline 30 mg - continue" on the list is still the list: continuing is no change.)
    if (f.attributes.status !== 'ongoing' || (f.attributes.doseChange && f.attributes.doseChange !== 'continued')) continue;
    const d = f.date ?? dateOf.get(f.encounterId);
    const stop = stopped.get(f.attributes.drug);
    if (!d || !stop || d <= stop || (restarted.get(f.attributes.drug) ?? []).some((r) => r > stop && r <= d)) continue;
    f.temporality = 'historical';
    const ev = f.evidence[0];
    f.context = [...f.context, { category: 'historical', trigger: `listed after it was stopped on ${stop}`, start: ev.start, end: ev.start }];
  }
}

