/** Care its author gives to ease symptoms, not to change the condition. */
import type { Fact, FactOf, Modality } from '../model/index.js';
import { modalitiesIn } from '../model/modalities.js';
import type { CaseContext } from './case-context.js';

/**
 * A procedure given on a day its author calls the care palliative, maintenance or supportive ("injections q3-4 mo
 * palliative", "Subacromial injection performed today as approved palliative care"): it eases symptoms the
 * treatment can no longer change, so it belongs to the maintenance phase instead of restarting active care.
 */
export function palliativeCare(ctx: CaseContext): (f: Fact) => boolean {
  const days = new Set(ctx.of('plan_signal').filter((f) => f.attributes.signal === 'maintenance_care' && !f.negated && f.temporality === 'current'
    && PALLIATIVE_WORDS.test(f.evidence[0]?.quote ?? '')).map((f) => ctx.dateOf(f)));
  // "Caudal ESI prn flare": once the treating plan allows a procedure for flares, each one given later is that allowance
  // used. "Intra-articular steroid injection q 3 months": a standing schedule, each later injection is one of its doses.
  const allowedFrom = new Map<Modality, string>();
  const scheduled = ctx.of('treatment').filter(onSchedule);
  for (const f of [...ctx.allowedLater, ...scheduled]) {
    const d = ctx.dateOf(f);
    if (!d) continue;
    const m = f.attributes.modality;
    if (!allowedFrom.has(m) || d < allowedFrom.get(m)!) allowedFrom.set(m, d);
  }
  return (f) => days.has(ctx.dateOf(f)) || (f.type === 'treatment' && (PALLIATIVE_WORDS.test(f.evidence[0]?.quote ?? '') || onSchedule(f as FactOf<'treatment'>)
    || (allowedFrom.has(f.attributes.modality) && (ctx.dateOf(f) ?? '') > allowedFrom.get(f.attributes.modality)!)));
}
const PALLIATIVE_WORDS = /\b(?:palliat\w*|maintenance|supportive)\b/i;
/** "injection today; repeat every 3 months as needed", "no more often than every 3 months": a standing schedule, not a new step. */
/**
 * An injection or block on a standing schedule. Only procedures are given that way: in "ocrelizumab q6 months …
 * doing PT" the schedule is the infusion's, not the therapy's.
 */
const SCHEDULABLE = modalitiesIn('injection');
function onSchedule(f: FactOf<'treatment'>): boolean {
  return SCHEDULABLE.has(f.attributes.modality) && PERIODIC_REPEAT.test(f.evidence[0]?.quote ?? '');
}
const PERIODIC_REPEAT = /\b(?:repeat(?:ed)?|no more (?:often|frequently) than|up to|q\.?)\s*(?:every\s*)?\d+\s*(?:-\s*\d+\s*)?(?:months?|mos?|weeks?|wks?)\b(?:\s*(?:as needed|prn))?|\bevery \d+ (?:-\s*\d+ )?months? (?:as needed|prn)\b/i;
