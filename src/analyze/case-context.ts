/** The case context every analysis step shares: visits, dated facts and the claim period, computed once. */
import type { Claim, DocumentStatus, Encounter, Evidence, Fact, FactOf, FactType, Specialty } from '../model/index.js';
import { FUTURE_CARE_TRIGGER, isAssertedFact } from '../model/index.js';
import { specialtyIs } from '../model/specialties.js';
import type { Profile } from '../profiles/index.js';
import { providerDirectory } from './providers.js';
import { byDate } from './dates.js';

/** One dated clinical contact: encounters with the same date and provider count once (duplicate exhibits). */
export interface Visit {
  date: string;
  provider: string;
  encounters: Encounter[];
  facts: Fact[];
}

/** Disciplines whose visits are not treatment of the claimed physical condition: film reads, ED triage, claim examinations, mental health. */
export const NOT_CONDITION_CARE = new Set<Specialty>(['psychology', 'psychiatry', 'radiology', 'emergency', 'ime', 'fce']);

/** The same for a claim whose impairment is mental: its psychiatric and psychological care is the condition's care. */
const NOT_MENTAL_CONDITION_CARE = new Set<Specialty>([...NOT_CONDITION_CARE].filter((sp) => !specialtyIs(sp, 'mental_health')));

/**
 * A claim is a mental one when mental-health care makes up most of its treating visits (PTSD treated by a psychiatric
 * nurse practitioner and a trauma therapist, with a PCP for the knee): then that care, and its drug changes, are
 * what the pattern of care is read from.
 */
function isMentalClaim(encounters: Encounter[]): boolean {
  let mental = 0;
  let physical = 0;
  for (const e of encounters) {
    if (e.documentRole === 'examining' || e.source === 'ledger' || e.kind === 'billing') continue;
    if (specialtyIs(e.specialty, 'mental_health')) mental++;
    // (A cardiologist's or gastroenterologist's visits weigh half: they may treat another condition of a mental claim,
    // or be the claim itself, a colitis with a few counselling sessions beside it.)
    else if (specialtyIs(e.specialty, 'organ_specialty')) physical += 0.5;
    else if (!NOT_CONDITION_CARE.has(e.specialty) && e.specialty !== 'unknown' && e.specialty !== 'other' && !specialtyIs(e.specialty, 'therapy')) physical++;
  }
  return mental >= MIN_MENTAL_VISITS && mental > physical;
}
const MIN_MENTAL_VISITS = 6;

/** A visit in the course of treatment: a treating source's note with facts, not an ED contact or an examination for the claim. */
export function isTreatingVisit(v: Visit, notConditionCare: ReadonlySet<Specialty> = NOT_CONDITION_CARE): boolean {
  return v.facts.length > 0 && v.encounters.some((e) => !notConditionCare.has(e.specialty) && e.kind !== 'emergency_visit' && e.documentRole !== 'examining');
}

/** Everything the analysis steps share, computed once from the input. */
export interface CaseContext {
  claim: Claim;
  profile: Profile;
  encounters: Map<string, Encounter>;
  /** Asserted facts about the claimant (not negated, possible, hypothetical or someone else's), date-sorted. */
  asserted: Fact[];
  visits: Visit[];
  firstDate?: string;
  lastDate?: string;
  /** How far the file runs: the last date of service, or a later letter, certification or index that holds no visit. */
  fileEnd?: string;
  /** Adjudicators' findings of MMI, each with the physician whose report it adopts. */
  adjudicated: NonNullable<DocumentStatus['adjudicatedMmi']>[];
  dateOf(f: Fact): string | undefined;
  providerOf(f: Fact): string;
  encounterOf(f: Fact): Encounter | undefined;
  /** Asserted facts of one type; historical facts included only when `withHistorical`. */
  of<T extends FactType>(type: T, withHistorical?: boolean): FactOf<T>[];
  /** Care a plan allows for later ("caudal ESI prn flare", future medical care): hypothetical, so not in `asserted`. */
  allowedLater: FactOf<'treatment'>[];
  /** Whether the claimed impairment is mental (most treating visits are psychiatric or psychological). */
  mentalClaim: boolean;
  /** Disciplines whose visits are not care of the claimed condition, for this claim. */
  notConditionCare: ReadonlySet<Specialty>;
  /** Plans said for later ("if stable at next visit, will transition to maintenance"): hypothetical, so not in `asserted`. */
  plannedLater: FactOf<'plan_signal'>[];
}

// Encounters that are not a clinical contact with the claimant (a film read, a bill).
const NON_VISIT_KINDS = new Set(['billing', 'imaging', 'emg']);

/**
 * A reading of the case computed once and shared by every stage that asks (the MMI judgement asks for the active events
 * from several places; a 1,000-page record should not pay for them each time). The context is never changed after it
 * is built, so its identity is the key.
 */
export function perCase<T>(read: (ctx: CaseContext) => T): (ctx: CaseContext) => T {
  const cache = new WeakMap<CaseContext, T>();
  return (ctx) => {
    if (!cache.has(ctx)) cache.set(ctx, read(ctx));
    return cache.get(ctx)!;
  };
}

export function buildContext(claim: Claim, profile: Profile, encounters: Encounter[], facts: Fact[], papersDated: readonly string[] = [],
  adjudicated: NonNullable<DocumentStatus['adjudicatedMmi']>[] = []): CaseContext {
  const encById = new Map(encounters.map((e) => [e.id, e]));
  const providerLabel = providerDirectory(encounters);
  const dateOf = (f: Fact) => f.date ?? encById.get(f.encounterId)?.date;
  const asserted = facts.filter(isAssertedFact).sort(byDate(dateOf));
  const allowedLater = facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && !f.negated && f.experiencer === 'patient'
    && f.context.some((c) => c.trigger.startsWith(FUTURE_CARE_TRIGGER)));

  const visitMap = new Map<string, Visit>();
  for (const enc of [...encounters].sort(byDate((e: Encounter) => e.date))) {
    if (!enc.date || NON_VISIT_KINDS.has(enc.kind) || enc.source === 'ledger') continue;
    const provider = providerLabel(enc);
    const key = `${enc.date}|${provider}`;
    const v = visitMap.get(key) ?? { date: enc.date, provider, encounters: [], facts: [] };
    v.encounters.push(enc);
    visitMap.set(key, v);
  }
  const visitByEnc = new Map<string, Visit>();
  for (const v of visitMap.values()) for (const e of v.encounters) visitByEnc.set(e.id, v);
  for (const f of asserted) visitByEnc.get(f.encounterId)?.facts.push(f);
  const visits = [...visitMap.values()];
  const mentalClaim = isMentalClaim(encounters);

  // The record's span comes from dates of service: a sentence may name a planned date ("recheck in a year")
  // or a misread number, and neither should stretch the record. Fact dates are the fallback when no visit is dated.
  const visitDates = encounters.map((e) => e.date).filter((d): d is string => !!d);
  const dated = (visitDates.length ? visitDates : asserted.filter((f) => f.temporality === 'current').map(dateOf))
    .filter((d): d is string => !!d).sort();

  const byType = new Map<string, Fact[]>();
  const labelByEncounter = new Map<string, string>();
  return {
    claim, profile, encounters: encById, asserted, visits,
    firstDate: dated[0], lastDate: dated[dated.length - 1],
    fileEnd: [dated[dated.length - 1], ...papersDated].filter((d): d is string => !!d).sort().at(-1),
    adjudicated,
    dateOf,
    providerOf: (f) => {
      // Labels are asked for per fact, many times per rule; an encounter has one.
      let label = labelByEncounter.get(f.encounterId);
      if (label === undefined) {
        label = providerLabel(encById.get(f.encounterId));
        labelByEncounter.set(f.encounterId, label);
      }
      return label;
    },
    encounterOf: (f) => encById.get(f.encounterId),
    allowedLater,
    mentalClaim,
    notConditionCare: mentalClaim ? NOT_MENTAL_CONDITION_CARE : NOT_CONDITION_CARE,
    plannedLater: facts.filter((f): f is FactOf<'plan_signal'> => f.type === 'plan_signal' && !f.negated && f.experiencer === 'patient' && f.temporality === 'hypothetical'),
    of<T extends FactType>(type: T, withHistorical = false): FactOf<T>[] {
      // Called inside per-fact loops by many rules: filter once per (type, historical).
      const key = `${type}|${withHistorical}`;
      let list = byType.get(key);
      if (!list) {
        list = Object.freeze(asserted.filter((f) => f.type === type && (withHistorical || f.temporality === 'current'))) as Fact[];
        byType.set(key, list);
      }
      return list as FactOf<T>[];
    },
  };
}

/** Evidence of several facts, without repeating the same span. */
export function evidenceOf(facts: Fact[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const f of facts) for (const ev of f.evidence) {
    const key = `${ev.file}|${ev.start}|${ev.end}`;
    if (!seen.has(key)) { seen.add(key); out.push(ev); }
  }
  return out;
}

/** Copy-forward key: the same sentence carried into another note counts once as corroboration. */
export function copyForwardKey(f: Fact): string {
  const quote = f.evidence.map((e) => e.quote).join(' ').toLowerCase().replace(/\s+/g, ' ').trim();
  return quote.length >= 25 ? quote : `${f.id}`;
}
