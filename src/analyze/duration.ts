/** Duration: how long the record documents the impairment, against SSA's 12-month rule or injury-to-MMI. */
import type { Duration, FloorItem, MmiAssessment, Reason } from '../model/index.js';
import type { CaseContext } from './case-context.js';
import { monthsBetween } from './dates.js';

const PERMANENT_OUTLOOK = new Set(['poor', 'guarded', 'permanent', 'unchanged']);

/** Onset → MMI (or last dated evidence) against the 12-month requirement, and evidence before the DLI. */
export function buildDuration(ctx: CaseContext, mmi: MmiAssessment, floor: FloorItem[]): Duration {
  const reasons: Reason[] = [];
  // Facts inside the record's span of visits: a sentence about a planned date ("recheck in a year") does not extend it.
  const dated = ctx.asserted.filter((f) => {
    const d = ctx.dateOf(f);
    return f.temporality === 'current' && d && (!ctx.firstDate || d >= ctx.firstDate) && (!ctx.lastDate || d <= ctx.lastDate);
  });
  const firstFact = dated[0];
  const lastFact = dated[dated.length - 1];
  const onsetSource: Duration['onsetSource'] = ctx.claim.onset ? 'claim' : firstFact ? 'record' : 'none';
  const onset = ctx.claim.onset ?? (firstFact ? ctx.dateOf(firstFact) : undefined);
  const lastEvidence = lastFact ? ctx.dateOf(lastFact) : undefined;
  const reachedMmi = (mmi.status === 'explicit' || mmi.status === 'implied') && mmi.date;
  const through = reachedMmi ? mmi.date : lastEvidence;

  const { twelveMonthRule } = ctx.profile.params;
  const term = ctx.profile.wording.onsetTerm;
  const Term = term[0].toUpperCase() + term.slice(1);
  if (onsetSource === 'claim') reasons.push({ text: `${Term} ${onset} is the date given for the claim.`, evidence: [] });
  else if (firstFact) reasons.push({ text: `No ${term} was given; the earliest dated evidence is ${onset} (${ctx.providerOf(firstFact)}).`, evidence: firstFact.evidence });

  const months = onset && through ? monthsBetween(onset, through) : undefined;
  const documented = onset && lastEvidence ? monthsBetween(onset, lastEvidence) : undefined;
  if (lastFact && onset && lastEvidence) {
    reasons.push({ text: `The record documents the condition from ${onset} to ${lastEvidence} (${documented} months).`, evidence: lastFact.evidence });
  }
  if (reachedMmi) {
    // Outside SSA the question is how long recovery took, not whether the impairment lasts 12 months.
    const span = !twelveMonthRule && months !== undefined ? `; time from ${ctx.profile.wording.onsetEvent} to MMI: ${months} months` : '';
    reasons.push({ text: `MMI (${mmi.status}) on ${mmi.date}${span}.`, evidence: mmi.reasons[0]?.evidence ?? [] });
  }

  const permanentSigns = ctx.of('prognosis').filter((f) => PERMANENT_OUTLOOK.has(f.attributes.outlook));
  let meets: Duration['meetsTwelveMonths'] = 'unknown';
  if (documented !== undefined && documented >= 12) meets = 'yes';
  else if (reachedMmi && (floor.length > 0 || permanentSigns.length > 0)) {
    meets = 'expected';
    if (twelveMonthRule) reasons.push({
      text: `Under 12 months documented, but MMI was reached with ${floor.length ? 'lasting limitations' : 'a poor or permanent prognosis'}, so the impairment is expected to last 12 months.`,
      evidence: [...(floor[0]?.evidence.slice(0, 1) ?? []), ...(permanentSigns[0]?.evidence ?? [])],
    });
  } else if (documented !== undefined) {
    const released = ctx.of('work_status').filter((f) => f.attributes.status === 'full_duty').pop();
    if (released && !floor.length) {
      meets = 'no';
      const within = twelveMonthRule ? `, under 12 months after ${term}` : '';
      reasons.push({ text: `Released to full duty on ${ctx.dateOf(released) ?? 'an undated visit'} with no current limitations${within}.`, evidence: released.evidence });
    }
  }

  let evidenceBeforeDli: number | undefined;
  if (ctx.claim.dli) {
    const dli = ctx.claim.dli;
    const before = ctx.visits.filter((v) => v.date <= dli && v.facts.length > 0);
    evidenceBeforeDli = before.length;
    reasons.push({
      text: `${before.length} dated visit${before.length === 1 ? '' : 's'} with findings on or before the date last insured (${dli}).`,
      evidence: before.slice(-1).flatMap((v) => v.facts[0].evidence),
    });
  }
  return { onset, onsetSource, through, months, meetsTwelveMonths: meets, dli: ctx.claim.dli, evidenceBeforeDli, reasons };
}
