/**
 * A therapy course billed under another condition's diagnosis codes. A claimant in a stroke claim who later has six
 * PT visits for knee osteoarthritis (the ledger's rows coded M17.11 against the claim's I69.354) is treated for the
 * knee: that course neither restarts nor prolongs active care of the claimed condition. The ledger's ICD-10 codes say
 * what each service treated; the notes of that course rarely repeat it on every page.
 */
import type { BillingLine, Encounter, Fact } from '../model/index.js';
import { isIn } from '../model/modalities.js';
import { specialtiesIn } from '../model/specialties.js';
import type { CaseContext } from './case-context.js';
import { daysBetween } from './dates.js';
import { THERAPY_SESSION_CODE } from '../knowledge/cpt.js';

/** ICD-10 chapters grouped by body system. Codes of other chapters (G nerve, R symptoms, Z status) name no system: they decide nothing. */
const SYSTEM_OF: Record<string, string> = {
  M: 'musculoskeletal', S: 'musculoskeletal', T: 'musculoskeletal',
  I: 'circulatory', F: 'mental', J: 'respiratory', E: 'endocrine', C: 'neoplasm', K: 'digestive', N: 'genitourinary', L: 'skin', H: 'eye and ear',
};
/** Codes a system needs, and its lead over the next system, to be the claim's own. */
const MIN_CLAIM_CODES = 5;
const MIN_CLAIM_LEAD = 1.5;
/** Visits further apart than this start a new course. */
const COURSE_GAP_DAYS = 21;
/** A course's notes and the referral that sent the claimant to it sit within this many days of its billed dates. */
const COURSE_MARGIN_DAYS = 7;

export interface DateSpan { from: string; to: string }

const systemOf = (codes: readonly string[]): string | undefined => {
  const systems = new Set(codes.map((c) => SYSTEM_OF[c.trim().charAt(0).toUpperCase()]).filter((s): s is string => !!s));
  return systems.size === 1 ? [...systems][0] : undefined;
};

const shift = (date: string, days: number): string => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Date spans of therapy courses whose every coded line names a body system other than the claim's. The claim's system
 * is the one most coded across the record: the ledger's lines and the diagnoses the notes code.
 */
export function otherConditionTherapySpans(encounters: readonly Encounter[], diagnosisCodes: readonly string[]): DateSpan[] {
  const lines = encounters.flatMap((e) => e.billing ?? []);
  const counts = new Map<string, number>();
  for (const codes of [...lines.map((l) => l.icd10 ?? []), ...diagnosisCodes.map((c) => [c])]) {
    const s = systemOf(codes);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const [claim, next] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!claim || claim[1] < MIN_CLAIM_CODES || (next && claim[1] < MIN_CLAIM_LEAD * next[1])) return [];
  const therapy = lines.filter((l) => THERAPY_SESSION_CODE.test(l.code ?? '')).sort((a, b) => a.date.localeCompare(b.date));
  const courses: BillingLine[][] = [];
  for (const l of therapy) {
    const last = courses.at(-1);
    if (last && daysBetween(last.at(-1)!.date, l.date) <= COURSE_GAP_DAYS) last.push(l); else courses.push([l]);
  }
  return courses
    .filter((c) => c.every((l) => systemOf(l.icd10 ?? []) !== claim[0]) && c.some((l) => systemOf(l.icd10 ?? []) !== undefined))
    .map((c) => ({ from: shift(c[0].date, -COURSE_MARGIN_DAYS), to: shift(c.at(-1)!.date, COURSE_MARGIN_DAYS) }));
}

const THERAPY_SPECIALTIES = specialtiesIn('therapy');
/** Computed once per case: the MMI steps ask for it several times. */
const cache = new WeakMap<CaseContext, (f: Fact) => boolean>();

/** Whether a fact belongs to such a course: therapy given in its span, or a therapist's note (its measures) written then. */
export function otherConditionTherapy(ctx: CaseContext): (f: Fact) => boolean {
  let test = cache.get(ctx);
  if (!test) { test = otherConditionTest(ctx); cache.set(ctx, test); }
  return test;
}

function otherConditionTest(ctx: CaseContext): (f: Fact) => boolean {
  const spans = otherConditionTherapySpans([...ctx.encounters.values()], ctx.of('diagnosis').flatMap((f) => (f.attributes.code ? [f.attributes.code] : [])));
  if (!spans.length) return () => false;
  return (f) => {
    const d = ctx.dateOf(f);
    if (!d || !spans.some((s) => d >= s.from && d <= s.to)) return false;
    return (f.type === 'treatment' && isIn(f.attributes.modality, 'therapy')) || THERAPY_SPECIALTIES.has(ctx.encounterOf(f)?.specialty ?? 'unknown');
  };
}
