/** Therapy told of by another discipline, outside the course the therapist's own notes document. */
import type { FactOf, Specialty } from '../model/index.js';
import { specialtiesIn } from '../model/specialties.js';
import type { CaseContext } from './case-context.js';
import { daysBetween } from './dates.js';

const THERAPY_SPECIALTIES = specialtiesIn('therapy');
/** How far outside the therapist's documented span another note's mention may fall and still be that course. */
const SLACK_DAYS = 30;

/**
 * Session-based care (therapy, chiropractic) mentioned in another discipline's note ("Currently in PT") is a
 * report of it. Where the therapist's own notes are in the record, such a report counts only within that
 * documented course, so a copied-forward "Continue PT 2x/week" does not restart or extend the course months later.
 */
export function reportedOutsideCourse(ctx: CaseContext): (f: FactOf<'treatment'>, date: string) => boolean {
  const spans = new Map<Specialty, [string, string]>();
  for (const v of ctx.visits) for (const e of v.encounters) {
    if (!THERAPY_SPECIALTIES.has(e.specialty)) continue;
    const cur = spans.get(e.specialty);
    spans.set(e.specialty, cur ? [cur[0] < v.date ? cur[0] : v.date, cur[1] > v.date ? cur[1] : v.date] : [v.date, v.date]);
  }
  return (f, date) => {
    const own = f.attributes.modality as Specialty;
    const span = spans.get(own);
    if (!span || ctx.encounterOf(f)?.specialty === own || ctx.encounterOf(f)?.source === 'ledger') return false;
    return daysBetween(span[1], date) > SLACK_DAYS || daysBetween(date, span[0]) > SLACK_DAYS;
  };
}
