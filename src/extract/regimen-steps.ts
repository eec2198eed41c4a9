/**
 * Medication steps a note implies without saying them: a new strength named in a plan is a dose step, and a "start"
 * of a drug the file already shows being taken is a carried-forward plan. Read across one document's visits, in order.
 */
import type { Fact } from '../model/index.js';

/**
 * A drug given by infusion or depot injection on a schedule ("Ocrelizumab 600 mg IV every 6 months", "paliperidone
 * palmitate 156 mg monthly"): its loading doses differ from the maintenance dose by design, not by a change of plan.
 */
const DOSING_SCHEDULE = /\b(?:IV|IM|SC|SQ|infusions?|injections?|inj|depot|LAI|every \d+ (?:weeks?|months?)|monthly|q\s?\d+\s?(?:wks?|weeks?|mos?|months?))\b/i;

/** "- no change", "Next … due", "x 5 days then resume 20 mg": the dose restated, a dose due, a short burst; no step. */
const NOT_A_STEP = /\b(?:no change|unchanged|same dose|continue[sd]?|resumed?|next|due|then|x\s?\d+\s?(?:days?|d)\b)/i;
/** "Escitalopram 20 mg daily; bupropion XL 300 mg q AM; trazodone 50 mg qhs": a medication list, each line its current dose. */
const MED_LIST = /\d\s*mg\b[^.\n]*[;,][^.\n]*\d\s*mg\b/i;

/**
 * "Taking golimumab monthly, last dose 08/04. … PLAN: Start golimumab 50 mg SC monthly; RN injection teaching
 * scheduled.": a start of a drug the file already shows the claimant taking is an old plan carried into the note, not
 * a new treatment. (A drug stopped in between can be started again.)
 */
export function markStaleStarts(facts: Fact[], from: number, running: Map<string, { date: string; encounterId: string }>): void {
  const stale = new Set<string>();
  for (let i = from; i < facts.length; i++) {
    const f = facts[i];
    if (f.type !== 'treatment' || f.attributes.modality !== 'medication' || !f.attributes.drug || f.negated || f.temporality !== 'current' || !f.date) continue;
    const drug = f.attributes.drug.toLowerCase();
    // (Taken before this day, or earlier in this very note: an appointment log printed above the notes is no earlier.)
    const taken = running.get(drug);
    if (f.attributes.doseChange === 'started' && taken && (taken.date < f.date || taken.encounterId === f.encounterId)) {
      facts[i] = { ...f, attributes: { ...f.attributes, doseChange: 'continued' } };
      stale.add(drug);
    } else if (f.attributes.status === 'discontinued' || f.attributes.doseChange === 'stopped') running.delete(drug);
    else if (f.attributes.status === 'ongoing' && !f.attributes.doseChange) running.set(drug, { date: f.date, encounterId: f.encounterId });
  }
  if (!stale.size) return;
  for (let i = facts.length - 1; i >= from; i--) {
    const f = facts[i];
    if (f.type === 'plan_signal' && f.attributes.signal === 'new_treatment' && stale.has((f.attributes.target ?? '').toLowerCase())) facts.splice(i, 1);
  }
}

/** A drug's strength in milligrams ("225 mg daily", "7.5 mg BID"), if the dose gives one. */
function milligrams(dose: string | undefined): number | undefined {
  const m = dose && /(\d+(?:\.\d+)?)\s*mg\b/i.exec(dose);
  return m ? Number(m[1]) : undefined;
}

/**
 * "Venlafaxine XR 75 mg x 5 wks, tolerating. … Plan: venlafaxine XR 150 mg daily.": the plan names a new strength of a
 * drug the file last recorded at another one (in this note or the one before), without a verb that says so. That is
 * the dose raised (or lowered).
 */
export function markDoseSteps(facts: Fact[], from: number, taken: Map<string, number>): void {
  for (let i = from; i < facts.length; i++) {
    const f = facts[i];
    if (f.type !== 'treatment' || f.attributes.modality !== 'medication' || !f.attributes.drug || f.negated || f.temporality !== 'current') continue;
    const drug = f.attributes.drug.toLowerCase();
    const mg = milligrams(f.attributes.dose);
    // ("Gabapentin increased to 800 mg TID" with the strength unread: the last one known no longer holds.)
    if (mg === undefined) { if (f.attributes.doseChange && f.attributes.doseChange !== 'continued') taken.delete(drug); continue; }
    const before = taken.get(drug);
    const planned = f.attributes.status === 'recommended' || f.attributes.status === 'planned';
    const quote = f.evidence[0]?.quote ?? '';
    if (planned && !f.attributes.doseChange && before !== undefined && before !== mg && !DOSING_SCHEDULE.test(quote) && !NOT_A_STEP.test(quote) && !MED_LIST.test(quote)) {
      facts[i] = { ...f, attributes: { ...f.attributes, doseChange: mg > before ? 'increased' : 'decreased' } };
    }
    taken.set(drug, mg);
  }
}
