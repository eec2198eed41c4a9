/**
 * Therapy that treats another condition than the claim's, so it neither restarts nor prolongs active care of the
 * claimed one. Three signs say so: the ledger's codes, a plan item's own code ("R knee OA (M17.11) - PT referral"), and
 * the episode's own diagnoses of a new injury elsewhere.
 *
 * A therapy course billed under another condition's diagnosis codes. A claimant in a stroke claim who later has six
 * PT visits for knee osteoarthritis (the ledger's rows coded M17.11 against the claim's I69.354) is treated for the
 * knee: that course neither restarts nor prolongs active care of the claimed condition. The ledger's ICD-10 codes say
 * what each service treated; the notes of that course rarely repeat it on every page.
 */
import type { BillingLine, Encounter, Fact } from '../model/index.js';
import { bodyRegionIn } from '../knowledge/relevance.js';
import { isIn, modalitiesIn } from '../model/modalities.js';
import { specialtiesIn } from '../model/specialties.js';
import { perCase, type CaseContext } from './case-context.js';
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

/** How often each body system is coded across the record: the ledger's lines and the diagnoses the notes code. */
function systemCounts(encounters: readonly Encounter[], diagnosisCodes: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const codes of [...encounters.flatMap((e) => e.billing ?? []).map((l) => l.icd10 ?? []), ...diagnosisCodes.map((c) => [c])]) {
    const s = systemOf(codes);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

/** The claim's system: coded often enough, and well ahead of the next. */
function claimSystem(counts: Map<string, number>): string | undefined {
  const [claim, next] = [...counts].sort((a, b) => b[1] - a[1]);
  return !claim || claim[1] < MIN_CLAIM_CODES || (next && claim[1] < MIN_CLAIM_LEAD * next[1]) ? undefined : claim[0];
}

const shift = (date: string, days: number): string => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Date spans of therapy courses whose every coded line names a body system other than the claim's (`claimSystem`).
 */
function otherConditionTherapySpans(encounters: readonly Encounter[], claim: string | undefined): DateSpan[] {
  if (!claim) return [];
  const lines = encounters.flatMap((e) => e.billing ?? []);
  const therapy = lines.filter((l) => THERAPY_SESSION_CODE.test(l.code ?? '')).sort((a, b) => a.date.localeCompare(b.date));
  const courses: BillingLine[][] = [];
  for (const l of therapy) {
    const last = courses.at(-1);
    if (last && daysBetween(last.at(-1)!.date, l.date) <= COURSE_GAP_DAYS) last.push(l); else courses.push([l]);
  }
  return courses
    .filter((c) => c.every((l) => systemOf(l.icd10 ?? []) !== claim) && c.some((l) => systemOf(l.icd10 ?? []) !== undefined))
    .map((c) => ({ from: shift(c[0].date, -COURSE_MARGIN_DAYS), to: shift(c.at(-1)!.date, COURSE_MARGIN_DAYS) }));
}

const THERAPY_SPECIALTIES = specialtiesIn('therapy');
const THERAPY_MODALITIES: ReadonlySet<string> = modalitiesIn('therapy');
/**
 * Whether a fact belongs to such a course: therapy given in its span, or a therapist's note (its measures) written then.
 * (Computed once per case: the MMI steps ask for it several times.)
 */
export const otherConditionTherapy = perCase(otherConditionTest);

function otherConditionTest(ctx: CaseContext): (f: Fact) => boolean {
  const encounters = [...ctx.encounters.values()];
  const codes = ctx.of('diagnosis').flatMap((f) => (f.attributes.code ? [f.attributes.code] : []));
  const claim = claimSystem(systemCounts(encounters, codes));
  const spans = [...otherConditionTherapySpans(encounters, claim), ...newInjuryTherapySpans(ctx)];
  // (A referral "to Stride" names the clinic; its words name the therapy: "PT referral to Stride".)
  const therapy = (f: Fact) => (f.type === 'treatment' && isIn(f.attributes.modality, 'therapy'))
    || (f.type === 'plan_signal' && (THERAPY_MODALITIES.has(f.attributes.target ?? '') || (f.attributes.signal === 'referral' && THERAPY_WORDS.test(f.evidence[0]?.quote ?? ''))));
  // A plan item that names its problem by another system's code ("R knee OA (M17.11) - PT referral to Stride" in a stroke
  // claim) orders care of that problem; a later therapy line about the same region alone ("Knee better after PT") reports it.
  const coded = (f: Fact) => {
    const systems = [...(f.evidence[0]?.quote ?? '').matchAll(ICD10_CODE)].map((m) => systemOf([m[0]]));
    return systems.length > 0 && systems.every((x) => !!x && x !== claim);
  };
  const otherRegions = new Map<string, string>();
  if (claim) {
    for (const f of ctx.asserted) {
      const region = therapy(f) && coded(f) ? bodyRegionIn(f.evidence[0]?.quote ?? '') : undefined;
      const d = ctx.dateOf(f);
      if (region && d && d < (otherRegions.get(region) ?? '9')) otherRegions.set(region, d);
    }
  }
  const reportsOther = (f: Fact) => {
    const region = bodyRegionIn(f.evidence[0]?.quote ?? '');
    return !!region && (otherRegions.get(region) ?? '9') <= (ctx.dateOf(f) ?? '');
  };
  if (!spans.length && !otherRegions.size) return () => false;
  return (f) => {
    if (claim && therapy(f) && (coded(f) || reportsOther(f))) return true;
    const d = ctx.dateOf(f);
    if (!d || !spans.some((s) => d >= s.from && d <= s.to)) return false;
    return therapy(f) || THERAPY_SPECIALTIES.has(ctx.encounterOf(f)?.specialty ?? 'unknown');
  };
}
const THERAPY_WORDS = /\b(?:PT|OT|physical therap\w*|occupational therap\w*)\b/;
/** An ICD-10-CM code written in a note ("M17.11", "I69.354"). */
const ICD10_CODE = /\b[A-TV-Z]\d{2}\.[0-9A-Z]{1,4}\b/g;

/** A diagnosis of a fresh injury: "L ankle sprain", "S93.402A", "distal radius fracture". */
const INJURY = /\b(?:sprain|strain|fracture|contusion|laceration|dislocation)\b/i;
const INJURY_CODE = /^S\d/i;
/** Diagnoses this long before a course show the regions the claim was about before it began. */
const PRIOR_DAYS = 30;

/**
 * Date spans of therapy episodes for a new injury of a region the record never diagnosed before: an ankle sprain after
 * a fall in a stroke claim, six PT visits "for ankle sprain". The episode's notes (one therapist's, within a short
 * episode) name only that region's injury; the claim's regions are the ones diagnosed before the episode began.
 */
function newInjuryTherapySpans(ctx: CaseContext): DateSpan[] {
  const diagnoses = ctx.asserted.filter((f) => f.type === 'diagnosis' && f.temporality === 'current');
  const regionOf = (f: Fact) => (f.type === 'diagnosis' ? f.attributes.bodyRegion : undefined) ?? bodyRegionIn(`${f.type === 'diagnosis' ? f.attributes.name : ''} ${f.evidence[0]?.quote ?? ''}`);
  const byEncounter = new Map<string, Fact[]>();
  for (const f of diagnoses) byEncounter.set(f.encounterId, [...(byEncounter.get(f.encounterId) ?? []), f]);
  const notes = [...ctx.encounters.values()].filter((e) => e.date && THERAPY_SPECIALTIES.has(e.specialty)).sort((a, b) => a.date!.localeCompare(b.date!));
  const episodes: Encounter[][] = [];
  const openInFile = new Map<string, Encounter[]>();
  for (const e of notes) {
    const open = openInFile.get(e.file);
    if (open && daysBetween(open.at(-1)!.date!, e.date!) <= EPISODE_DAYS) open.push(e);
    else { episodes.push([e]); openInFile.set(e.file, episodes.at(-1)!); }
  }
  // The first date each region is diagnosed on.
  const firstDiagnosed = new Map<string, string>();
  for (const f of diagnoses) {
    const region = regionOf(f);
    const d = ctx.dateOf(f);
    if (region && d && d < (firstDiagnosed.get(region) ?? '9')) firstDiagnosed.set(region, d);
  }
  const earliest = [...firstDiagnosed.values()].sort()[0] ?? '9';
  const spans: DateSpan[] = [];
  for (const ep of episodes) {
    const own = ep.flatMap((e) => byEncounter.get(e.id) ?? []);
    const regions = new Set(own.map(regionOf).filter((r): r is string => !!r));
    const injured = own.some((f) => f.type === 'diagnosis' && (INJURY.test(f.attributes.name) || INJURY_CODE.test(f.attributes.code ?? '')));
    if (regions.size !== 1 || !injured) continue;
    const [region] = regions;
    const before = shift(ep[0].date!, -PRIOR_DAYS);
    if (earliest < before && !((firstDiagnosed.get(region) ?? '9') < before)) spans.push({ from: shift(ep[0].date!, -COURSE_MARGIN_DAYS), to: shift(ep.at(-1)!.date!, COURSE_MARGIN_DAYS) });
  }
  return spans;
}
/** One therapist's notes in one file this close together are one episode. */
const EPISODE_DAYS = 45;
