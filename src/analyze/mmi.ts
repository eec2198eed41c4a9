/** MMI assessment: explicit statements first, else inference from plateaued measures and winding-down care. */
import type { Encounter, EncounterKind, Evidence, Fact, FactOf, MmiAssessment, Modality, Reason, Specialty } from '../model/index.js';
import type { CaseContext, Visit } from './case-context.js';
import { sentenceKey } from '../util/text.js';
import { findDates } from '../knowledge/dates.js';
import { evidenceOf, isTreatingVisit, perCase } from './case-context.js';
import { addDays, daysBetween } from './dates.js';
import { instrumentName, isFunctionalInstrument } from '../knowledge/instruments.js';
import { trendsOf } from './trajectory.js';
import { bodyRegionIn, isForOtherCondition, isMentalHealthDrugClass, isPassingIllness, namesOtherOperation } from '../knowledge/relevance.js';
import { mainRegion, systemicClaim } from './claimed-conditions.js';
import { reportedOutsideCourse } from './reported-course.js';
import { palliativeCare } from './palliative.js';
import { otherConditionTherapy } from './other-condition-therapy.js';
import { wcStateRule } from '../profiles/wc-states.js';
import { isConflictReferee, isTreatingRole, presumptiveSource, REFEREE_WEIGHT, SOURCE_ROLE_LABEL, sourceRole, weightOf } from './mmi-sources.js';
import { isIn, modalitiesIn, modalityWords, sessionOfSpecialty, targetModality } from '../model/modalities.js';
import { specialtiesIn, specialtyIs } from '../model/specialties.js';
import { isOpinionForm, isProcedureRecord } from '../model/encounter.js';
import { pushTo } from '../util/group.js';
import { restsOnMaintenanceCare } from '../knowledge/mmi-grounds.js';
import { claimantUndecided, decisionPending, routineCare } from '../knowledge/decisions.js';
import { deniedByPayer } from '../knowledge/payer-denial.js';
import { shortQuote } from './gaps/helpers.js';

type Treatment = FactOf<'treatment'>;
type Statement = FactOf<'mmi_statement'>;

/** Curative/restorative care: while any of it is under way or recommended, the claimant is not at MMI. */
const ACTIVE_MODALITIES = modalitiesIn('active');
/**
 * Plans that mark a maintenance-only visit. A surgeon's "not a candidate" or the claimant declining surgery
 * closes an option (END_OF_OPTIONS) but is a one-off decision, not the start of the maintenance phase.
 */
const MAINTENANCE_SIGNALS = new Set(['maintenance_care', 'continue_current_management', 'follow_up_prn', 'no_further_treatment']);
/** Signals that curative options have run out (stronger than routine follow-up). */
const END_OF_OPTIONS = new Set(['no_further_treatment', 'not_surgical_candidate', 'surgery_declined']);
/**
 * Visits that can show the maintenance phase of the claimed physical condition. A psychology, psychiatry or
 * emergency contact, an IME or FCE, or a film read says nothing about whether the treating doctors still
 * have curative care to offer for it.
 */

/** The kind of care a treatment or a plan signal is about. */
function careModality(f: Fact): Modality | undefined {
  return f.type === 'treatment' ? f.attributes.modality : f.type === 'plan_signal' ? targetModality(f.attributes.target) : undefined;
}

/**
 * A referral counts as an active step unless it is to a kind of care that is not curative for the claimed
 * condition (psychology, medication, home exercise); "new treatment" counts only when it names an active
 * modality, since starting or adjusting a medication is ordinary maintenance care.
 */
function isActiveSignal(f: FactOf<'plan_signal'>): boolean {
  const m = targetModality(f.attributes.target);
  if (f.attributes.signal === 'referral') return !m || ACTIVE_MODALITIES.has(m);
  if (f.attributes.signal === 'new_treatment') return !!m && ACTIVE_MODALITIES.has(m);
  return false;
}
/** A referral to mental-health care: counselling, a behavioural-health centre, psychology or psychiatry. */
const MENTAL_HEALTH_TARGET = /\b(?:counsel(?:l)?ing|behavio(?:u)?ral\s+health|psycholog\w*|psychiatr\w*|psychotherap\w*|mental\s+health)\b/i;
/** A plan set in motion at the visit, not only proposed: a referral sent, a request submitted, a date booked. */
/** A start set on a day: "starting next Monday", "begins 03/04", "first visit 05/02/2024". */
const START_SET = /\b(?:start(?:s|ing)?|begin(?:s|ning)?|resum(?:es|ing)|first (?:visit|session|appointment))\b[^.;]{0,12}\b(?:(?:next|this|on) (?:week|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*|on \d{1,2}\/\d{1,2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|tomorrow)/i;
const FIRM_PLAN = /\b(?:referr(?:al|ed) (?:submitted|sent|placed|made)|submitted|(?:prior )?authori[sz]ation (?:requested|request(?:ed)? submitted)|prior auth\w* requested|scheduled for|booked)\b/i;
const RESOLVING = new Set(['declined', 'denied', 'discontinued', 'completed', 'performed', 'ongoing']);

interface ActiveEvent { date: string; fact: Fact; open: boolean; what: string }

function describe(f: Fact): string {
  if (f.type === 'treatment') {
    const a = f.attributes;
    // "aripiprazole started" says more than "medication ongoing".
    if (a.modality === 'medication' && (a.drug || a.drugClass)) return `${a.drug ?? a.drugClass} ${a.doseChange && a.doseChange !== 'continued' ? a.doseChange : a.status}`;
    return `${modalityWords(a.modality)}${a.subtype ? ` (${a.subtype})` : ''} ${a.status}`;
  }
  if (f.type === 'plan_signal') return `${f.attributes.signal.replace(/_/g, ' ')}${f.attributes.target ? ` (${f.attributes.target})` : ''}`;
  if (f.type === 'mmi_statement') return f.attributes.kind === 'plateau' ? 'no further improvement expected' : 'MMI statement';
  return f.type.replace(/_/g, ' ');
}

/** Recommended surgery is also resolved by "not a surgical candidate" or "declines surgery" later on. */
/** Latest date each modality was acted on (done, declined, stopped), and the latest "no surgery" signal. */
function resolutionDates(ctx: CaseContext): { byModality: Map<string, string>; noSurgery?: string } {
  const byModality = new Map<string, string>();
  let noSurgery: string | undefined;
  for (const g of ctx.asserted) {
    const d = ctx.dateOf(g);
    if (!d) continue;
    if (g.type === 'treatment' && RESOLVING.has(g.attributes.status)) {
      const m = g.attributes.modality;
      if ((byModality.get(m) ?? '') < d) byModality.set(m, d);
    } else if (g.type === 'plan_signal' && (g.attributes.signal === 'surgery_declined' || g.attributes.signal === 'not_surgical_candidate')) {
      if ((noSurgery ?? '') < d) noSurgery = d;
    }
  }
  return { byModality, noSurgery };
}

/** A recommendation was acted on later (or the same day): done, declined or stopped; surgery ruled out. */
function minDate(a: string, b: string | undefined): string {
  return b && b < a ? b : a;
}

/** Care of this modality was done, declined or stopped on or after the day. */
function actedOn(m: string, resolved: ReturnType<typeof resolutionDates>, date: string): boolean {
  return (resolved.byModality.get(m) ?? '') >= date;
}

/** Care of this modality settled on or after the day: acted on, or, for an operation, ruled out ("not a surgical candidate"). */
function resolvedLater(m: string, resolved: ReturnType<typeof resolutionDates>, date: string): boolean {
  if (actedOn(m, resolved, date)) return true;
  return (m === 'surgery' || m === 'surgical_consultation') && (resolved.noSurgery ?? '') >= date;
}

/**
 * Copy-forward: the same sentence carried into later notes ("SCS trial planned April.") restates the first one;
 * only its first appearance is an event.
 */
const copiedForward = perCase(readCopiedForward);
function readCopiedForward(ctx: CaseContext): (f: Fact) => boolean {
  const first = new Map<string, string>();
  for (const f of ctx.asserted) {
    const q = sentenceKey(f.evidence[0]?.quote ?? '');
    const d = ctx.dateOf(f);
    if (q.length < 12 || !d) continue;
    const key = `${f.type}|${q}`;
    if (!first.has(key) || d < first.get(key)!) first.set(key, d);
  }
  return (f) => {
    const q = sentenceKey(f.evidence[0]?.quote ?? '');
    const d = ctx.dateOf(f);
    return q.length >= 12 && !!d && (first.get(`${f.type}|${q}`) ?? d) < d;
  };
}

/**
 * Words that place a procedure before the visit that mentions it ("has had bilateral RFA", "better since both RFAs"),
 * or report how it worked ("Repeat RFA gave about 50% relief", "response to RFA is time-limited").
 */
const BEFORE_THIS_VISIT = /\bper (?:the )?[\w-]+ (?:summary|discharge(?: summary)?)\b|\bfailed\s*:|\b(?:s\/p|status[- ]post|has had|have had|had had|since (?:the|her|his|both|last|each)|after (?:the|her|his|both)|following (?:the|her|his|both)|prior|previous(?:ly)?|in the past|gave|provided|helped|relief|benefit (?:from|of)|better than before|(?:fading|waning|wore off|wearing off)\b|(?<=#)\s?[1-9]\b|respon[a-z]{2,5} to|post-|\bx\s?[2-9]\b)/i;
/** An implant as a film or exam finds it ("L TKA stable, no lucency"): the operation is long done. */
const IMPLANT_FINDING = /\b(?:TKA|THA|TSA|arthroplasty|prosthes[ie]s|hardware|construct|implant)\b[^.;\n]{0,25}\b(?:stable|intact|in (?:good|satisfactory|stable|anatomic) (?:position|alignment)|well[- ](?:fixed|seated|positioned|aligned)|without (?:loosening|lucency|complication)|no (?:loosening|lucency|osteolysis))\b/i;

/**
 * A visit note that looks back on a procedure the record already documents ("Has had bilateral genicular RFA (L 12/2023,
 * R 02/2024)", "knees about the same since both RFAs") restates it; dated by that visit, it would be a new procedure.
 * Without an earlier record of the kind, the mention is all there is of it and stays an event.
 */
/** Procedures, and courses given by a service of the prescriber's own discipline (ECT, TMS), are looked back on in later notes. */
const RESTATABLE = new Set<Modality>([...modalitiesIn('procedure'), 'neuromodulation']);
function restatedProcedure(ctx: CaseContext): (f: Treatment, date: string) => boolean {
  const firstGiven = new Map<string, string>();
  for (const f of ctx.of('treatment')) {
    const d = ctx.dateOf(f);
    const documented = isProcedureRecord(ctx.encounterOf(f)?.kind) || f.dateSource === 'sentence' || !BEFORE_THIS_VISIT.test(f.evidence[0]?.quote ?? '');
    if (d && documented && GIVEN.has(f.attributes.status) && RESTATABLE.has(f.attributes.modality) && (firstGiven.get(f.attributes.modality) ?? '9999') > d) firstGiven.set(f.attributes.modality, d);
  }
  // A therapy course looked back on in a physician's note ("Partial response to multimodal tx (SGB x3, OT/GMI, …)")
  // after the therapists' own last session: the course, not a session at this visit.
  const lastSession = new Map<string, string>();
  for (const f of ctx.of('treatment')) {
    const d = ctx.dateOf(f);
    if (d && isIn(f.attributes.modality, 'therapy') && THERAPY_SPECIALTIES.has(ctx.encounterOf(f)?.specialty ?? 'unknown') && (lastSession.get(f.attributes.modality) ?? '') < d) lastSession.set(f.attributes.modality, d);
  }
  return (f, d) => {
    if (f.attributes.status === 'performed' && isIn(f.attributes.modality, 'therapy') && !THERAPY_SPECIALTIES.has(ctx.encounterOf(f)?.specialty ?? 'unknown')
      && f.dateSource !== 'sentence' && BEFORE_THIS_VISIT.test(f.evidence[0]?.quote ?? '') && (lastSession.get(f.attributes.modality) ?? '9999') < d) return true;
    if (f.attributes.status !== 'performed' || !RESTATABLE.has(f.attributes.modality) || isProcedureRecord(ctx.encounterOf(f)?.kind) || f.dateSource === 'sentence') return false;
    const quote = f.evidence[0]?.quote ?? '';
    if (f.attributes.modality === 'surgery' && IMPLANT_FINDING.test(quote)) return true;
    return BEFORE_THIS_VISIT.test(quote) && (firstGiven.get(f.attributes.modality) ?? '9999') < d;
  };
}

/**
 * "He is currently attending Phase II cardiac rehab" in a physician's note a year after the 36-session course was
 * completed, with no new order since: a line carried forward, not a course under way.
 */
function staleCourseMention(ctx: CaseContext): (f: Treatment) => boolean {
  const key = (f: Treatment) => `${f.attributes.modality}|${f.attributes.subtype ?? ''}`;
  const completed = new Map<string, string>();
  for (const f of ctx.of('treatment', true)) {
    const d = ctx.dateOf(f);
    if (d && f.attributes.status === 'completed' && isIn(f.attributes.modality, 'therapy') && (completed.get(key(f)) ?? '') < d) completed.set(key(f), d);
  }
  if (!completed.size) return () => false;
  // Orders and the therapist's own sessions, by course, after its completion.
  const ordered = new Map<string, string[]>();
  for (const o of ctx.of('treatment', true)) {
    const d = ctx.dateOf(o);
    const done = completed.get(key(o));
    if (!d || !done || d <= done || !(['planned', 'recommended'].includes(o.attributes.status) || THERAPY_SPECIALTIES.has(ctx.encounterOf(o)?.specialty ?? 'unknown'))) continue;
    ordered.set(key(o), [...(ordered.get(key(o)) ?? []), d]);
  }
  return (f) => {
    const done = completed.get(key(f));
    const d = ctx.dateOf(f);
    if (!done || !d || f.attributes.status !== 'ongoing' || d <= done || THERAPY_SPECIALTIES.has(ctx.encounterOf(f)?.specialty ?? 'unknown')) return false;
    return !(ordered.get(key(f)) ?? []).some((o) => o <= d);
  };
}

export const activeEvents = perCase(readActiveEvents);
function readActiveEvents(ctx: CaseContext): ActiveEvent[] {
  const out: ActiveEvent[] = [];
  const palliative = palliativeCare(ctx);
  // A counsellor's or therapist's note that mentions surgery or an injection reports what the claimant was told
  // ("the knee surgery she was told she needs"); those disciplines neither perform nor order procedures.
  const secondHand = (f: Treatment) => PROCEDURES.has(f.attributes.modality) && REPORTING_DISCIPLINES.has(ctx.encounterOf(f)?.specialty ?? 'unknown');
  const resolved = resolutionDates(ctx);
  const outside = reportedOutsideCourse(ctx);
  const copied = copiedForward(ctx);
  // An examiner's report reviews the care others gave; it gives none, so it starts or holds open nothing.
  // A source statement or rating form lists the care tried and the care to come; the form itself gives none.
  const examining = (f: Fact) => {
    const enc = ctx.encounterOf(f);
    const r = sourceRole(enc);
    // A film reads the implants it shows ("stable fusion hardware and SCS leads"); it gives no care either.
    return r === 'examining' || r === 'designated_doctor' || r === 'non_examining' || isOpinionForm(enc?.kind) || enc?.kind === 'imaging' || enc?.specialty === 'radiology';
  };
  // A surgeon's first evaluation is a consultation; the same surgeon's later visits are follow-ups, not new consults.
  const firstConsult = new Map<string, string>();
  for (const f of ctx.of('treatment')) {
    const d = ctx.dateOf(f);
    if (!d || f.attributes.modality !== 'surgical_consultation' || f.attributes.status !== 'performed') continue;
    const who = ctx.providerOf(f);
    if ((firstConsult.get(who) ?? '9999') > d) firstConsult.set(who, d);
  }
  // Unless the claimant is sent back with a new surgical question ("re-referred for possible revision").
  const newQuestion = new Set(ctx.asserted.filter((f) => f.evidence.some((e) => NEW_SURGICAL_QUESTION.test(e.quote))).map((f) => f.encounterId));
  const followUpConsult = (f: Treatment, d: string) => f.attributes.modality === 'surgical_consultation' && f.attributes.status === 'performed'
    && daysBetween(firstConsult.get(ctx.providerOf(f)) ?? d, d) > 60 && !newQuestion.has(f.encounterId);
  // A one-off procedure on another body region than the claim's main one (a single knee injection in a back claim)
  // treats a side condition; a region with a course of its own (injection rounds, a consult) is part of the claim.
  const main = mainRegion(ctx.asserted);
  const siteOf = (f: Treatment) => (SITED_PROCEDURES.has(f.attributes.modality) ? f.attributes.bodyRegion ?? bodyRegionIn(f.evidence[0]?.quote ?? '') : undefined);
  const procedureDays = new Map<string, Set<string>>();
  for (const f of ctx.of('treatment')) {
    const site = siteOf(f);
    const d = ctx.dateOf(f);
    if (site && d && GIVEN.has(f.attributes.status) && (!ctx.claim.onset || d >= ctx.claim.onset)) procedureDays.set(site, (procedureDays.get(site) ?? new Set()).add(d));
  }
  // A region the treating notes call unrelated to the claim ("frozen shoulder per Dr. H (not spine related)") is
  // another condition's, however long its own course.
  const unrelated = new Set(ctx.asserted.filter((f) => f.evidence.some((e) => UNRELATED_TO_CLAIM.test(e.quote)))
    .map((f) => bodyRegionIn(f.evidence[0]?.quote ?? '')).filter((r): r is string => !!r && r !== main));
  const assertedByEncounter = new Map<string, Fact[]>();
  for (const g of ctx.asserted) {
    const list = assertedByEncounter.get(g.encounterId);
    if (list) list.push(g); else assertedByEncounter.set(g.encounterId, [g]);
  }
  // A surgeon's consultation is about the one region its note's findings name.
  const consultRegion = (f: Treatment) => {
    if (f.attributes.modality !== 'surgical_consultation') return undefined;
    const regions = new Set((assertedByEncounter.get(f.encounterId) ?? []).filter((g) => g.id !== f.id).map((g) => bodyRegionIn(g.evidence[0]?.quote ?? '')).filter(Boolean));
    return regions.size === 1 ? [...regions][0] : undefined;
  };
  // (In a claim whose impairments name no region, a stroke's or a heart's, any one-off sited procedure is the side condition's.)
  const regionless = systemicClaim(ctx.asserted);
  const sideProcedure = (f: Treatment) => {
    const site = (main || regionless) && siteOf(f);
    return !!site && site !== main && ((procedureDays.get(site)?.size ?? 0) <= 1 || unrelated.has(site));
  };
  // (The surgeon's consultation at which such a procedure is given is the same side condition's visit.)
  const sideVisits = new Set(ctx.of('treatment').filter(sideProcedure).map((f) => f.encounterId));
  const otherRegion = (f: Treatment) => {
    if (sideProcedure(f) || (f.attributes.modality === 'surgical_consultation' && sideVisits.has(f.encounterId))) return true;
    const consulted = main && unrelated.size > 0 && consultRegion(f);
    return !!consulted && consulted !== main && unrelated.has(consulted);
  };
  const restated = restatedProcedure(ctx);
  // (A therapist's note that says so once, "4 visits: HEP review, home safety", speaks for the whole note, and for the
  // same therapist's discharge of that short episode.)
  const safety = ctx.of('treatment').filter((f) => isIn(f.attributes.modality, 'therapy') && SINGLE_ASSESSMENT.test(f.evidence[0]?.quote ?? ''));
  const safetyNotes = new Set(safety.map((g) => g.encounterId));
  const safetyStarts = new Map<string, string[]>();
  for (const g of safety) { const d = ctx.dateOf(g); if (d) safetyStarts.set(ctx.providerOf(g), [...new Set([...(safetyStarts.get(ctx.providerOf(g)) ?? []), d])]); }
  const safetyVisit = (f: Treatment) => safetyNotes.has(f.encounterId)
    || (safetyStarts.get(ctx.providerOf(f)) ?? []).some((d0) => (ctx.dateOf(f) ?? '') >= d0 && daysBetween(d0, ctx.dateOf(f)!) <= COURSE_GAP_DAYS);
  // A referral placed once maintenance visits had begun, which the claimant then turned down ("Did not schedule pelvic
  // floor PT - 50 min drive each way … pt declines for now"), leaves the phase where it was: nothing was given.
  const { minMaintenanceVisits } = ctx.profile.params;
  const quietVisits = maintenanceVisits(ctx);
  const notTakenUpInPhase = (f: Treatment, d: string) => {
    const m = f.attributes.modality;
    const later = ctx.of('treatment').filter((g) => g.attributes.modality === m && (ctx.dateOf(g) ?? '') > d);
    // (Turned down by the claimant, not by the payer: a denied TMS referral was care the physician pursued.)
    const declined = later.some((g) => g.attributes.status === 'declined') && !later.some((g) => GIVEN_STATUSES.has(g.attributes.status));
    const phaseBefore = quietVisits.filter((v) => v.date < d && daysBetween(v.date, d) <= PHASE_LOOKBACK_DAYS).length >= minMaintenanceVisits;
    return declined && phaseBefore;
  };
  // A therapy course the ledger bills under another condition's codes (knee PT in a stroke claim) treats that condition.
  const forOtherCondition = otherConditionTherapy(ctx);
  const stale = staleCourseMention(ctx);
  for (const f of ctx.of('treatment')) {
    const d = ctx.dateOf(f);
    if (!d || !ACTIVE_MODALITIES.has(f.attributes.modality) || examining(f) || followUpConsult(f, d) || otherRegion(f) || forOtherCondition(f) || stale(f)) continue;
    // "L cataract surgery 05/2023", a ledger's "non-industrial" injection: care of another condition is not care of the claimed one.
    if (f.attributes.otherCondition || (f.attributes.modality === 'surgery' && namesOtherOperation(f.evidence[0]?.quote ?? ''))) continue;
    // A request the payer turned down will not happen unless someone appeals: it holds nothing open.
    if (f.attributes.status === 'denied' || deniedByPayer(f.evidence[0]?.quote ?? '') || outside(f, d) || (f.attributes.status !== 'performed' && copied(f)) || secondHand(f) || restated(f, d)) continue;
    // A home-safety or equipment assessment after a fall is one visit to fit the home, not a course that aims at recovery.
    if (isIn(f.attributes.modality, 'therapy') && safetyVisit(f)) continue;
    const s = f.attributes.status;
    // A stimulator already implanted ("stable on SCS", "interrogation only") is a device carried on, not a new step: its
    // trial, implant or reprogramming (a program added, settings changed: the device's titration) is active care.
    if (f.attributes.modality === 'spinal_cord_stimulator' && REPROGRAMMED.test(f.evidence[0]?.quote ?? '')) {
      out.push({ date: d, fact: f, open: false, what: 'spinal cord stimulator reprogrammed' });
      continue;
    }
    if (f.attributes.modality === 'spinal_cord_stimulator' && (s === 'ongoing' || s === 'performed')
      && !isProcedureRecord(ctx.encounterOf(f)?.kind) && !/\b(?:trial|implant\w*|placement|placed|insert\w*|(?<!\b(?:no|without) )lead)/i.test(f.evidence[0]?.quote ?? '')) continue;
    // (A therapist's discharge of her own course, "Visits: 16 (05/22/2023 - 07/28/2023)", is its last session's day.)
    const dischargedCourse = s === 'completed' && isIn(f.attributes.modality, 'therapy') && (ctx.encounterOf(f)?.kind === 'pt_discharge' || THERAPY_SPECIALTIES.has(ctx.encounterOf(f)?.specialty ?? 'unknown'));
    if ((s === 'performed' || s === 'ongoing' || dischargedCourse) && !palliative(f)) out.push({ date: d, fact: f, open: false, what: describe(f) });
    // A referral placed or an authorization requested ("TMS referral submitted; prior authorization requested") keeps
    // its visit active even when a later visit settles it (denied, declined, done): the plateau begins after that.
    else if (s === 'planned' && FIRM_PLAN.test(f.evidence[0]?.quote ?? '') && ctx.encounterOf(f)?.source !== 'ledger' && (ctx.dateOf(f) ?? '') === ctx.encounterOf(f)?.date
      && (resolved.byModality.get(f.attributes.modality) ?? '') > d && !palliative(f) && !notTakenUpInPhase(f, d)) out.push({ date: d, fact: f, open: false, what: describe(f) });
    // A plan dated by the day it is booked for ("surgery 05/14/2024") is settled by a refusal or cancellation after it was
    // made, not only after that day.
    // (A ledger's row for a booked operation is an estimate of its charge: the plan itself is the surgeon's.)
    else if ((s === 'recommended' || s === 'planned') && ctx.encounterOf(f)?.source !== 'ledger' && !resolvedLater(f.attributes.modality, resolved, minDate(d, ctx.encounterOf(f)?.date)) && !palliative(f)
      && !WAITS_ON_ACCESS.test(f.evidence[0]?.quote ?? '') && !(s === 'recommended' && notTakenUp(f))
      && !(s === 'planned' && CANCELLED.test(f.evidence[0]?.quote ?? ''))) out.push({ date: d, fact: f, open: true, what: describe(f) });
  }
  for (const f of ctx.of('plan_signal')) {
    const d = ctx.dateOf(f);
    // (A referral acted on later, done or stopped, is settled like the recommendation it is; one that waits on a ride or
    // on coverage, "resume PT when transportation is reliable", is not a plan yet.)
    // ("We discussed left TKA. She would like to defer it": the plan's target, "surgery (arthroplasty)", is the modality settled.)
    const target = f.attributes.target;
    const m = targetModality(target) ?? target;
    if (d && m && resolvedLater(m, resolved, minDate(d, ctx.encounterOf(f)?.date))) continue;
    if (WAITS_ON_ACCESS.test(f.evidence[0]?.quote ?? '') || notTakenUp(f)) continue;
    // "Referral to counseling (Sooner Pathways Behavioral Health)" in a migraine claim: care of the mood, not of the claim.
    if (!ctx.mentalClaim && f.attributes.signal === 'referral' && MENTAL_HEALTH_TARGET.test(`${target ?? ''} ${f.evidence[0]?.quote ?? ''}`)) continue;
    // "eye exam overdue, referral to optometry placed": screening the claim does not need, whatever the claim.
    if (f.attributes.signal === 'referral' && routineCare(f.evidence[0]?.quote ?? '')) continue;
    if (d && isActiveSignal(f) && !examining(f) && !forOtherCondition(f) && !deniedByPayer(f.evidence[0]?.quote ?? '') && !copied(f) && !palliative(f) && !SINGLE_ASSESSMENT.test(f.evidence[0]?.quote ?? '')) out.push({ date: d, fact: f, open: true, what: describe(f) });
  }
  const maintenance = maintenanceVisits(ctx);
  const isLapsed = lapseTest(ctx, maintenance);
  // An emergency or urgent-care discharge plan ("needs new referral to spine clinic; follow up with PCP") hands the
  // claimant back to whoever treats; it is not a plan of treatment that keeps MMI open.
  const kept = out.filter((a) => !a.open || (!isLapsed(a) && !emergencyCare(ctx.encounterOf(a.fact)))).sort((a, b) => a.date.localeCompare(b.date));
  const settled = kept.filter((a, i) => newQuestion.has(a.fact.encounterId) || !confirmsPlateau(ctx, a, kept[i - 1], maintenance));
  // A trigger-point injection is too slight to restart care that had already settled into a sustained maintenance
  // phase ("a single TPI session for a flare, back to baseline in 5 days"): it is the phase's flare care.
  const params = ctx.profile.params;
  const sustained = (phase: Visit[]) => phase.length >= params.minMaintenanceVisits && daysBetween(phase[0].date, phase.at(-1)!.date) >= params.minMaintenanceDays;
  const sustainedBefore = (date: string, before: ActiveEvent | undefined) => sustained(maintenance.filter((v) => v.date < date && (!before || v.date > before.date)));
  // So is a joint injected for a flare at a visit that says so ("L knee flare treated with injection").
  // (The visits' words are read only when a joint injection is among the events.)
  const flareVisits = settled.some((a) => a.fact.type === 'treatment' && a.fact.attributes.modality === 'joint_injection')
    ? new Set(ctx.asserted.filter((g) => FLARE_WORD.test(g.evidence[0]?.quote ?? '')).map((g) => g.encounterId)) : new Set<string>();
  const flareProcedure = (a: ActiveEvent) => a.fact.type === 'treatment' && (a.fact.attributes.modality === 'trigger_point_injection'
    || (a.fact.attributes.modality === 'joint_injection' && flareVisits.has(a.fact.encounterId)));
  const flareCare = settled.filter((a, i) => {
    if (a.open || !flareProcedure(a)) return true;
    const before = settled.slice(0, i).filter((x) => !flareProcedure(x)).at(-1);
    return !sustainedBefore(a.date, before);
  });
  // A therapy course given during a sustained maintenance phase that ends at a plateau ("progress has plateaued; no
  // further skilled therapy indicated") changed nothing: it confirms the ceiling rather than restarting active care.
  const plateaus = ctx.of('mmi_statement').filter((f) => f.attributes.kind === 'plateau' && THERAPY_SPECIALTIES.has(ctx.encounterOf(f)?.specialty ?? 'unknown')).map((f) => ctx.dateOf(f)).filter((d): d is string => !!d);
  const course = (a: ActiveEvent) => !a.open && a.fact.type === 'treatment' && THERAPY_COURSES.has(a.fact.attributes.modality);
  const dropped = new Set<ActiveEvent>();
  // The therapists' notes that give their episode to a flare (found once: a visit may hold thousands of facts).
  // (By day as well: the ledger's rows for those sessions are the same flare care.)
  const flareNoteFacts = ctx.asserted.filter((g) => FLARE_EPISODE.test(g.evidence[0]?.quote ?? '') && THERAPY_SPECIALTIES.has(ctx.encounterOf(g)?.specialty ?? 'unknown'));
  const flareNotes = new Set(flareNoteFacts.map((g) => g.encounterId));
  const flareDays = new Set(flareNoteFacts.map((g) => ctx.encounterOf(g)?.date).filter(Boolean));
  for (let i = 0; i < flareCare.length; i++) {
    if (!course(flareCare[i]) || dropped.has(flareCare[i])) continue;
    let j = i;
    while (j + 1 < flareCare.length && course(flareCare[j + 1]) && daysBetween(flareCare[j].date, flareCare[j + 1].date) <= COURSE_GAP_DAYS) j++;
    const first = flareCare[i].date;
    const last = flareCare[j].date;
    // (Or a short course the therapist's own notes give to a flare, "HEP refresh" after a flare from yard work: flare care.)
    const flareNamed = daysBetween(first, last) <= FLARE_EPISODE_DAYS && flareCare.slice(i, j + 1).some((a) => flareNotes.has(a.fact.encounterId) || flareDays.has(a.date));
    const endedFlat = plateaus.some((d) => d >= first && daysBetween(last, d) <= COURSE_GAP_DAYS) || flareNamed;
    // The phase must be under way right before the course (sustained since the active care before it, its last visit
    // recent), and the physician's maintenance visits go on through it.
    const before = flareCare.slice(0, i).at(-1);
    const lead = maintenance.filter((v) => v.date < first && (!before || v.date > before.date));
    const leadSustained = sustained(lead) && daysBetween(lead.at(-1)!.date, first) <= LEAD_DAYS;
    const carriedOn = maintenance.some((v) => v.date >= first && daysBetween(last, v.date) <= LEAD_DAYS / 2);
    // A new course, not the tail of one already under way (a course that ended before the maintenance phase began is over).
    const fresh = !flareCare.slice(0, i).some((x) => course(x) && daysBetween(x.date, first) <= LEAD_DAYS && !(lead.length && x.date < lead[0].date));
    // (Or a short run of sessions known only from the bills, "CMT (no records produced)" three times in June, between
    // maintenance visits of the physician, the next one changing nothing: flare care the claimant sought on their own.)
    const billedOnly = flareCare.slice(i, j + 1).every((a) => ctx.encounterOf(a.fact)?.source === 'ledger');
    const nextPhaseVisit = maintenance.find((v) => v.date > last);
    const billedFlare = billedOnly && j - i + 1 <= BRIEF_BILLED_SESSIONS && daysBetween(first, last) <= FLARE_EPISODE_DAYS && lead.length > 0
      && !!nextPhaseVisit && !(flareCare[j + 1] && flareCare[j + 1].date <= nextPhaseVisit.date);
    if ((endedFlat && leadSustained && carriedOn && fresh) || (billedFlare && fresh)) {
      for (let k = i; k <= j; k++) dropped.add(flareCare[k]);
    }
    i = j;
  }
  const supportive = supportiveSessions(ctx);
  return flareCare.filter((a) => !dropped.has(a) && !(course(a) && supportive(a.fact)));
}
/**
 * Once a course has run, sessions spaced a month apart ("monthly supportive chiropractic") hold the condition where it
 * is: they are maintenance care, not a return to active treatment. Built once per case (active events and maintenance
 * visits both ask).
 */
const supportiveSessions = perCase(buildSupportiveTest);
function buildSupportiveTest(ctx: CaseContext): (f: Fact) => boolean {
  const sessionDays = new Map<string, string[]>();
  for (const f of ctx.of('treatment')) {
    const d = ctx.dateOf(f);
    // (A narrative, letter or report for counsel about the care, "she remains under active chiropractic care", is dated by its writing, not a session.)
    // (Nor is another provider's note of it, "monthly chiropractic" in the pain physician's plan: sessions are the
    // discipline's own notes and bills.)
    const enc = ctx.encounterOf(f);
    if (d && f.attributes.status === 'performed' && THERAPY_COURSES.has(f.attributes.modality) && enc?.kind !== 'unknown' && !isOpinionForm(enc?.kind)
      && (enc?.source === 'ledger' || enc?.kind === 'billing' || sessionOfSpecialty(enc?.specialty ?? 'unknown') === f.attributes.modality)) pushTo(sessionDays, f.attributes.modality, d);
  }
  const byModality = new Map([...sessionDays].map(([m, days]) => [m, [...new Set(days)].sort()]));
  // The first day each provider moved the claimant to supportive care ("Transition to supportive care: 1 visit per month").
  const supportiveSince = new Map<string, string>();
  for (const g of ctx.asserted) {
    const d = ctx.dateOf(g);
    if (!d || !SUPPORTIVE_CADENCE.test(g.evidence[0]?.quote ?? '') || !THERAPY_SPECIALTIES.has(ctx.encounterOf(g)?.specialty ?? 'unknown')) continue;
    const p = ctx.providerOf(g);
    if (d < (supportiveSince.get(p) ?? '9')) supportiveSince.set(p, d);
  }
  return (f) => {
    if (f.type !== 'treatment' || !THERAPY_COURSES.has(f.attributes.modality)) return false;
    if (SUPPORTIVE_CADENCE.test(f.evidence[0]?.quote ?? '')) return true;
    const days = byModality.get(f.attributes.modality) ?? [];
    const i = days.indexOf(ctx.dateOf(f) ?? '');
    if (i <= 0) return false;
    const spaced = daysBetween(days[i - 1], days[i]) >= SUPPORTIVE_GAP_DAYS && (i === days.length - 1 || daysBetween(days[i], days[i + 1]) >= SUPPORTIVE_GAP_DAYS);
    const ranCourse = days.slice(0, i).some((d, k, before) => k + COURSE_SESSIONS - 1 < before.length && daysBetween(d, before[k + COURSE_SESSIONS - 1]) <= COURSE_SPAN_DAYS);
    // (Or the same provider had already said the care was now supportive: the course before it ran, whatever the file shows of it.)
    const declared = (supportiveSince.get(ctx.providerOf(f)) ?? '9') <= days[i];
    return spaced && (ranCourse || declared);
  };
}
/** "Continues monthly chiropractic visits", "supportive care every 4 weeks": the cadence of maintenance, said outright. */
const SUPPORTIVE_CADENCE = /\b(?:monthly|once a month|every (?:3|4|three|four) weeks|q ?[34] ?(?:wk|week)s?|supportive care|maintenance (?:care|visits?))\b/i;
/** Sessions at least this far apart on both sides, after a course, are supportive care. */
const SUPPORTIVE_GAP_DAYS = 21;
/** A course: this many sessions within this many days. */
const COURSE_SESSIONS = 6;
const COURSE_SPAN_DAYS = 60;
const THERAPY_COURSES = modalitiesIn('therapy');
/** How far back the maintenance phase a therapy course falls into is looked for. */
const LEAD_DAYS = 180;
/** Sessions further apart than this belong to different courses. */
const COURSE_GAP_DAYS = 30;
/** A therapy episode its own notes give to a flare or a home-program refresher. */
const FLARE_EPISODE = /\bflare\b|\bexacerbation\b|\brefresher\b|\bHEP refresh|\btune-?up\b/i;
const FLARE_EPISODE_DAYS = 45;
/** At most this many sessions, known only from the bills, make a flare's care rather than a course. */
const BRIEF_BILLED_SESSIONS = 3;

/**
 * A surgical evaluation that ends the same day with no operation (declined, deferred, not a candidate), seen
 * while maintenance visits were already under way, confirms the plateau; it does not start the phase again.
 * (A re-referral with a new question, such as a possible revision, is another matter: its workup was active care.)
 */
function confirmsPlateau(ctx: CaseContext, a: ActiveEvent, before: ActiveEvent | undefined, maintenance: Visit[]): boolean {
  if (a.open || a.fact.type !== 'treatment' || a.fact.attributes.modality !== 'surgical_consultation') return false;
  return optionsClosedAt(ctx).has(a.fact.encounterId) && maintenance.filter((v) => v.date < a.date && (!before || v.date > before.date)).length >= ctx.profile.params.minMaintenanceVisits;
}

/** The notes that close the options (no further treatment, not a candidate, surgery declined). */
const optionsClosedAt = perCase((ctx) => new Set(ctx.asserted.filter((f) => f.type === 'plan_signal' && END_OF_OPTIONS.has(f.attributes.signal)).map((f) => f.encounterId)));
const PROCEDURES = modalitiesIn('procedure');
/** A condition an operation waits on: "once BMI < 40", "when BMI goal met", "after she quits smoking". */
const PREREQUISITE = /\b(?:once|until|when|after|if)\b[^.;]{0,40}\b(?:BMI|weight|A1c|HbA1c|smok\w*|nicotine)\b|\bBMI\s*(?:<|under|below|less than)\s*\d{2}/i;
/** Working toward it: a weight or smoking-cessation program, its drugs, the distance to the goal. */
const PURSUIT = /\b(?:weight (?:program|loss program|management|wellness)|bariatric|metabolic (?:clinic|program)|semaglutide|wegovy|tirzepatide|zepbound|liraglutide|saxenda|phentermine|(?:lb|lbs|pounds) from (?:her |his )?goal|smoking cessation|varenicline)\b/i;
/** An MMI said of one body part ("shoulder at MMI 05/14/2024", "MMI for the right knee"). */
/** Or of one side, by its condition ("R CTS s/p CTR - fixed and stable", "Right carpal tunnel syndrome is fixed and stable"). */
const ONE_PART_AT_MMI = /\b(shoulder|knee|hip|wrist|hand|ankle|elbow|foot)\b[^.;\n]{0,12}\b(?:(?:is |has reached |reached )?at |has reached |reached )(?:MMI|maximum)|\b(?:MMI|maximum medical improvement)\b[^.;\n]{0,30}\b(?:for|of|with respect to|with regard to|regarding) (?:the |her |his )?(?:right |left |R |L )?(shoulder|knee|hip|wrist|hand|ankle|elbow|foot|tibial plateau|tibia|femur|patella|radius|clavicle)\b|^\W*(?:\d+\.\s*)?(right|left|R|L)\b[^.;\n]{0,45}\b(?:is |are |remains? )?(?:fixed and stable|at MMI|at maximum medical improvement|permanent and stationary)\b/i;
/** The part or side a statement names first. */
const ONE_PART_NAMED = /\b(shoulder|knee|hip|wrist|hand|ankle|elbow|foot|tibial plateau|tibia|femur|patella|radius|clavicle|right|left|R|L)\b/i;
const SIDES: Record<string, string> = { r: 'right side', right: 'right side', l: 'left side', left: 'left side' };
function partName(word: string | undefined): string | undefined {
  return word ? SIDES[word.toLowerCase()] ?? word.toLowerCase() : undefined;
}
const WILL_TRANSITION = /\b(?:will|plan to|plans to|to)\s+transition\b/i;
/**
 * A therapist's one-off assessment or a short episode fitting equipment: "HOME SAFETY EVALUATION (single visit)", "home
 * safety OT visit", "wheelchair seating evaluation", "gait training with new custom R AFO (2 visits)".
 */
const SINGLE_ASSESSMENT = /\b(?:home[-\s]safety\s+(?:(?:OT|PT)\s+)?(?:evaluation|eval|assessment|visit|check)|(?:for|visits?:[^.;]{0,40})\s+home[-\s]safety\b|(?:DME|equipment|wheelchair|seating)\s+(?:evaluation|assessment|fitting)|(?:gait\s+)?training\s+with\s+(?:the\s+|a\s+|her\s+|his\s+)?new\s+(?:custom\s+)?(?:[RL]\s+|right\s+|left\s+)?(?:AFO|brace|orthosis|prosthesis|walker|cane)|(?:AFO|orthosis|prosthesis|brace)\s+(?:fitting|check|training)|single[-\s]visit|one[-\s]time\s+(?:visit|evaluation|consult))\b/i;
/**
 * A stimulator's settings changed ("Device: reprogrammed -- program P3 added"), not only read ("interrogation only",
 * "a minor amplitude adjustment … no new program").
 */
const REPROGRAMMED = /\bre-?program\w*|(?<!\b(?:no|without) )\bnew program\b|\bre-?target\w*|\boptimi[sz]\w*|\bprogram (?:P\d+ )?(?:added|created|deleted|changed|adjusted)\b|\btrial of [^.;]{0,40}\bprogram\b|\bchang\w* to [^.;]{0,60}\b(?:program|paradigm|waveform)\b/i;
const CANCELLED = /\b(?:cancel\w*|declin\w*|resched\w*|no[- ]show|did not (?:go|attend|keep))\b/i;
/** Procedures whose note names the body part they treat. */
/** Words that put a condition outside the claim: "not spine related", "unrelated to the MVC", "non-industrial". */
const UNRELATED_TO_CLAIM = /\bnot (?:spine|accident|injury|work|MVC|crash|collision)[- ]related\b|\bunrelated to (?:the |his |her )?(?:accident|injury|MVC|crash|collision|work|claim|spine)\b|\bnon-?industrial\b|\bnot (?:causally )?related to (?:the |his |her )?(?:accident|work injury|MVC|crash|collision|claim)\b/i;
const SITED_PROCEDURES = new Set<Modality>(['joint_injection', 'other_injection', 'trigger_point_injection', 'surgery']);
const REPORTING_DISCIPLINES = new Set<Specialty>([...specialtiesIn('therapy'), ...specialtiesIn('mental_health')]);

/** Fewer treating visits than this cannot show a course of care (the pattern MMI is inferred from). */
const MIN_TREATING_VISITS = 3;

const MED_CHANGES = new Set(['started', 'increased', 'switched']);
/** Forms that sum up the treatment given so far. */
const SUMMARY_FORMS = new Set<EncounterKind>(['medical_source_statement', 'impairment_rating']);
/**
 * A steroid bridge tapered off on a schedule that runs past the visit ("2.5 mg daily x 2 weeks, then every other day
 * x 2 weeks, then stop"): the regimen is still changing until the taper ends and the next visit shows how it went.
 */
const TAPER_SCHEDULE = /\btaper\w*\b[^.;]{0,80}\b(?:then|until|over|off by)\b|\bthen (?:stop|discontinue|off)\b/i;
function bridgeTaper(f: Fact): boolean {
  return f.type === 'treatment' && f.attributes.drugClass === 'oral corticosteroid' && (f.attributes.doseChange === 'stopped' || f.attributes.doseChange === 'decreased')
    && f.evidence.some((e) => TAPER_SCHEDULE.test(e.quote));
}
/** An emergency department or urgent-care visit. */
function emergencyCare(e: Encounter | undefined): boolean {
  return e?.kind === 'emergency_visit' || e?.specialty === 'emergency';
}

/** The claimant could not get to the care: its cost, coverage or insurance. */
const ACCESS_BARRIER = /\b(?:unable to (?:access|afford|get)|can(?:no|')t afford|could(?:n't| not) afford|(?:d\/t|due to|because of) (?:cost|lack of (?:insurance|coverage))|no (?:insurance|coverage)|uninsured|pending (?:Medicaid|coverage|insurance)|not covered|cost|charity (?:care|approval|program)|will need (?:\w+ )?(?:approval or )?insurance)\b/i;

/** Care put off until the claimant can get to it: "resume PT when transportation is reliable", "once Medicaid is active". */
const WAITS_ON_ACCESS = /\b(?:when|once|until|if|after)\b[^.;]{0,30}\b(?:transportation|rides?|insurance|coverage|Medicaid|Medicare|funding|charity|afford\w*)\b[^.;]{0,20}\b(?:available|reliable|arranged|active|approved|reinstated|restored|obtained|in place|allows?|can)\b/i;

/** Words that name the surgical or spine-specialist evaluation the barrier kept the claimant from. */
const SURGICAL_EVALUATION = /\b(?:surg\w*|neurosurg\w*|spine (?:clinic|surgeon|specialist)|orthop\w*|ortho)\b/i;

/** A visit's words for a flare of the condition. */
const FLARE_WORD = /\bflare(?:d|s|-up)?\b/i;
/** The changes one sentence makes when it exchanges one drug for another. */
const SWAP_CHANGES = new Set(['switched', 'stopped', 'started']);
/** Pain relievers, which ease the pain they meet rather than change its course. */
const PAIN_RELIEVER = /\b(?:opioid|NSAID|analgesic|acetaminophen|muscle relaxant)\b/i;
/** A drug taken only as needed ("every 8 hours as needed", "q6h prn"). */
const AS_NEEDED = /\b(?:as needed|prn|p\.r\.n\.)\b/i;

/** Statuses of care actually given. */
const GIVEN = new Set(['performed', 'completed', 'ongoing', 'discontinued']);
/**
 * Sessions of a therapy (PT, chiropractic, counselling) below which a course broken off was tried, not carried through:
 * "2 of 12 visits, discharged for non-attendance", "3 chiropractic visits (stopped for cost)", a single session.
 */
const MIN_COURSE_SESSIONS = 4;
/** How long before the onset care still belongs to the course of the condition claimed. */
const BEFORE_ONSET_DAYS = 365;
/** The first day whose care belongs to the claimed condition's course (care years before the onset, a childhood operation, does not). */
const claimedPeriodStart = (ctx: CaseContext): string | undefined => (ctx.claim.onset ? addDays(ctx.claim.onset, -BEFORE_ONSET_DAYS) : undefined);

/**
 * Whether active care for the condition was actually given: a procedure or operation done, or a course of therapy not
 * broken off after a few sessions. Abandoned fragments show no response to judge.
 */
function carriedThrough(ctx: CaseContext): boolean {
  const dates = new Map<string, Set<string>>();
  const stopped = new Set<string>();
  let counted = 0;
  const since = claimedPeriodStart(ctx);
  for (const f of ctx.of('treatment')) {
    if (!ACTIVE_MODALITIES.has(f.attributes.modality) || !GIVEN.has(f.attributes.status) || ctx.encounterOf(f)?.source === 'ledger') continue;
    if (since && (ctx.dateOf(f) ?? '') < since) continue;
    if (!isIn(f.attributes.modality, 'session')) return true;
    if (f.attributes.status === 'completed' && !f.attributes.sessions) return true;
    counted = Math.max(counted, f.attributes.sessions ?? 0);
    const d = ctx.dateOf(f);
    if (d) dates.set(f.attributes.modality, (dates.get(f.attributes.modality) ?? new Set<string>()).add(d));
  }
  // (Broken off as the notes or a later summary tell it: "2 PT visits then stopped".)
  for (const f of ctx.of('treatment', true)) if (f.attributes.status === 'discontinued' && isIn(f.attributes.modality, 'session')) stopped.add(f.attributes.modality);
  // (A short course that was not broken off, "three adjustments, then seen as needed", may simply have worked, and one
  // just begun at the record's end is care under way.)
  return counted >= MIN_COURSE_SESSIONS || [...dates].some(([m, days]) => days.size >= MIN_COURSE_SESSIONS || !stopped.has(m));
}

/** Statuses of care actually given, for a referral's fate. */
const GIVEN_STATUSES = new Set(['performed', 'completed', 'ongoing']);
/** How far back maintenance visits count as a phase already under way when a referral is placed. */
const PHASE_LOOKBACK_DAYS = 365;
/** A record with this few treating visits and no care given cannot show where the condition is heading. */
const THIN_RECORD_VISITS = 4;
/** Plan words that close active care at the visit that states them. */
const CLOSING_SIGNALS = new Set(['no_further_treatment', 'maintenance_care', 'continue_current_management', 'not_surgical_candidate']);
const FLARE_COURSE = /\bx\s*\d{1,2}\s*d(?:ays?)?\b|\bfor\s+\d{1,2}\s+days\b|\bdose\s?pa?c?k\b|\btaper(?:ing)? (?:pack|course)\b/i;
const CHANGE_LOOKED_BACK = /\bsince (?:the |her |his )?(?:dose|regimen|medication|treatment|drug)?\s*(?:was |were )?(?:increased|raised|started|switched|changed|added|titrated)\b|\bsince (?:the |her |his )?(?:switch|change|increase|start|initiation|addition) (?:to|of|in)\b|\b(?:was|were) (?:increased|raised|started|switched|changed|added|titrated)\b[^.;]{0,30}\b(?:on|in) \d{1,2}\/\d{1,2}\/\d{2,4}|\b(?:re-?started|started|increased|raised|switched|changed|added|titrated)\b[^.;]{0,40}?\b(?:in|since|back in|last)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|month|week|spring|summer|fall|autumn|winter)\b/i;
const REPORTED_CHANGE = /\b(?:Dr\.?\s+[A-Z][\w'-]+|(?:[Tt]he |[Hh]er |[Hh]is )?(?:[Pp]ain clinic|[Pp]ain management|[Pp]sychiatry|[Nn]eurology|[Rr]heumatology|PCP|[Ss]urgeon|[Ss]pecialist))\s+(?:has\s+)?(?:started|increased|switched|added|changed|prescribed|titrated|raised)\b|\b(?:started|increased|switched|added|changed|prescribed|titrated|raised) by (?:Dr\.?\s+)?[A-Z][\w'-]+/;
const TITRATION_STEP = /\b(?:x\s*\d{1,2}\s*(?:d(?:ays?)?|wks?|weeks?)|for\s+\d{1,2}\s+(?:days|weeks))\s*,?\s*then\b/i;
const LIKE_FOR_LIKE = /\blike[- ]for[- ]like\b|\bsubstitut\w*/i;
/** "Add diclofenac 1% gel", "lidocaine 5% patch prn": a topical adjunct for comfort, not a trial of the regimen. */
const TOPICAL = /\b(?:gel|cream|ointment|lotion|(?:lidocaine|capsaicin|diclofenac|menthol)\s+(?:\d+(?:\.\d+)?\s*%\s+)?patch(?:es)?)\b/i;
/**
 * "Hydroxyzine may increase to 50 mg PRN": leave to take more of an as-needed drug, not a trial of a new regimen.
 * ("Hydroxyzine increased to 50 mg PRN (25 mg ineffective)" is a change the prescriber made, and stays one.)
 */
const MAY_TAKE_MORE = /\b(?:may|can|could|ok to)\s+(?:increase|go up|take up to|use up to)\b[^.;]{0,40}\b(?:prn|as needed)\b|\bdose flexibility\b/i;
/** "Will manage symptomatically: meloxicam daily, add tramadol prn": drugs chosen for comfort once the condition is not expected to change. */
const SYMPTOMATIC_PLAN = /\b(?:manag\w*\s+(?:her|his|their|the pain|pain|it)?\s*symptomatically|symptomatic(?:ally)?\s+(?:management|care|treatment|relief)|comfort (?:care|measures))\b/i;
/** "F/u PCP - should discuss duloxetine dose increase": a change left for the prescriber to weigh, not one made. */
const LEFT_TO_DISCUSS = /\b(?:should|to|will|may|can|could)\s+discuss\b|\bdiscuss\w*\s+(?:\w+\s+){0,4}?with\s+(?:her\s+|his\s+|their\s+|the\s+)?(?:PCP|prescriber|primary|doctor|physician|psychiatrist|neurologist|specialist)\b/i;
/** Drug classes taken for symptoms as they come, not to change the course of the condition. */
const SYMPTOM_RELIEVERS = new Set(['muscle relaxant', 'NSAID', 'topical NSAID', 'topical analgesic', 'topical anesthetic', 'analgesic', 'oral corticosteroid', 'triptan', 'gepant']);

/**
 * Medication started, raised or switched: not curative care that keeps MMI away, but a change in treatment,
 * so the maintenance phase (and an implied MMI date) can only begin after the last one.
 */
export const treatmentChanges = perCase(readTreatmentChanges);
/**
 * In a mental claim, a psychotropic lowered for its side effects ("Reduce lurasidone 80 -> 60 mg") is the regimen still
 * being set, a trial the prescriber judges at the next visits.
 */
function psychotropicLowered(ctx: CaseContext, f: FactOf<'treatment'>): boolean {
  return ctx.mentalClaim && f.attributes.doseChange === 'decreased' && isMentalHealthDrugClass(f.attributes.drugClass);
}
function readTreatmentChanges(ctx: CaseContext): Fact[] {
  // A new blood-pressure or cholesterol drug is not a change in treatment of the claimed impairment, nor is an
  // antidepressant added for the separate mental impairment.
  // A like-for-like substitution ("methocarbamol for tizanidine - dry mouth") keeps the regimen; it changes nothing.
  // A flare's short course ("methocarbamol x 5 days", a Medrol Dosepak) or an emergency visit's prescription treats the
  // flare and leaves the regimen as it was.
  // A symptom reliever added at a visit for a flare ("Acute flare … Add tizanidine 4 mg qhs prn spasm") treats the flare too.
  const flareVisits = new Set(ctx.of('plan_signal').filter((f) => f.attributes.signal === 'flare').map((f) => f.encounterId));
  // ("500 mg BID x 14 days, then 1000 mg BID" is a titration, not a short course.)
  const flareCare = (f: Fact) => (FLARE_COURSE.test(f.evidence[0]?.quote ?? '') && !TITRATION_STEP.test(f.evidence[0]?.quote ?? '')) || emergencyCare(ctx.encounterOf(f))
    || (f.type === 'treatment' && flareVisits.has(f.encounterId) && SYMPTOM_RELIEVERS.has(f.attributes.drugClass ?? ''));
  // "Switch naproxen to meloxicam", "Stop naproxen; start meloxicam": both drugs of one class in the switching sentence
  // is a like-for-like swap too.
  const swapKey = (f: FactOf<'treatment'>) => `${f.encounterId}|${f.evidence[0]?.quote}`;
  const swaps = new Map<string, FactOf<'treatment'>[]>();
  for (const f of ctx.of('treatment')) if (SWAP_CHANGES.has(f.attributes.doseChange ?? '')) pushTo(swaps, swapKey(f), f);
  const sameClassSwap = (f: FactOf<'treatment'>) => {
    const drugs = swaps.get(swapKey(f)) ?? [];
    return new Set(drugs.map((d) => d.attributes.drug)).size > 1 && new Set(drugs.map((d) => d.attributes.drugClass)).size === 1
      && (drugs.every((d) => d.attributes.doseChange === 'switched') || (drugs.some((d) => d.attributes.doseChange === 'stopped') && drugs.some((d) => d.attributes.doseChange === 'started')));
  };
  // "Dr. Crowe started duloxetine" in the PCP's note, undated: that doctor's change, reported; it is not made at this visit.
  // "the first since the dose was increased to 195 U on 12/28/2023": a change looked back on from a later visit.
  const reported = (f: Fact) => f.dateSource !== 'sentence' && (REPORTED_CHANGE.test(f.evidence[0]?.quote ?? '') || CHANGE_LOOKED_BACK.test(f.evidence[0]?.quote ?? ''));
  // A drug chosen at the visit that closes active care ("declines further procedures … PLAN (medication management
  // only)") is part of the maintenance regimen being set, not a trial that postpones it.
  const closingVisits = new Set(ctx.asserted.filter((f) => f.type === 'plan_signal' && f.attributes.signal === 'maintenance_care').map((f) => f.encounterId));
  // "Discussed lithium augmentation. Patient declines lithium": a drug offered and turned down at the same visit changes nothing.
  const drugAt = (f: Fact, drug: string | undefined) => `${f.encounterId}|${(drug ?? '').toLowerCase()}`;
  const declinedAt = new Set(ctx.of('treatment').filter((f) => f.attributes.modality === 'medication' && f.attributes.status === 'declined' && f.attributes.drug)
    .map((f) => drugAt(f, f.attributes.drug)));
  // (A medical source statement's "Treatment / response: … golimumab 50 -> 100 mg" sums up the course; no drug is changed on a form.)
  const onForm = (f: Fact) => SUMMARY_FORMS.has(ctx.encounterOf(f)?.kind ?? 'unknown');
  const meds = ctx.of('treatment').filter((f) => f.attributes.modality === 'medication' && (MED_CHANGES.has(f.attributes.doseChange ?? '') || bridgeTaper(f) || psychotropicLowered(ctx, f)) && f.attributes.status !== 'declined' && !isForOtherCondition(f) && !onForm(f)
    && !reported(f) && !closingVisits.has(f.encounterId) && !declinedAt.has(drugAt(f, f.attributes.drug))
    && (ctx.mentalClaim || !isMentalHealthDrugClass(f.attributes.drugClass))
    && !LIKE_FOR_LIKE.test(f.evidence[0]?.quote ?? '') && !flareCare(f) && !sameClassSwap(f)
    && !(f.attributes.doseChange === 'increased' && MAY_TAKE_MORE.test(f.evidence[0]?.quote ?? ''))
    && !SYMPTOMATIC_PLAN.test(f.evidence[0]?.quote ?? '') && !(f.attributes.status === 'recommended' && LEFT_TO_DISCUSS.test(f.evidence[0]?.quote ?? ''))
    && !TOPICAL.test(`${f.attributes.drug ?? ''} ${f.attributes.dose ?? ''} ${f.evidence[0]?.quote ?? ''}`));
  // (The drug a like-for-like swap brings in: its "start" plan is the same exchange.)
  const swappedIn = new Set(ctx.of('treatment').filter((f) => f.attributes.doseChange === 'started' && sameClassSwap(f)).map((f) => drugAt(f, f.attributes.drug)));
  // "T2DM - start empagliflozin": a drug started for another condition is that condition's care.
  const otherDrugAt = new Set(ctx.of('treatment').filter((f) => f.attributes.modality === 'medication' && isForOtherCondition(f))
    .map((f) => drugAt(f, f.attributes.drug)));
  const started = ctx.of('plan_signal').filter((f) => {
    if (f.attributes.signal !== 'new_treatment' || SYMPTOMATIC_PLAN.test(f.evidence[0]?.quote ?? '')) return false;
    if (otherDrugAt.has(drugAt(f, f.attributes.target)) || declinedAt.has(drugAt(f, f.attributes.target)) || swappedIn.has(drugAt(f, f.attributes.target))) return false;
    // (A topical added, "Add lidocaine 5% patch PRN", eases the surface; it is no change in the treatment of the condition.)
    if (TOPICAL.test(f.evidence[0]?.quote ?? '')) return false;
    const m = targetModality(f.attributes.target);
    return !m || m === 'medication';
  });
  return [...meds, ...started].filter((f) => ctx.dateOf(f)).sort((a, b) => ctx.dateOf(a)!.localeCompare(ctx.dateOf(b)!));
}

/** A referral, by its signal or by its words: "PT referral faxed to Cumberland Rehab" plans new care by referring it. */
const isReferral = (f: FactOf<'plan_signal'>) => f.attributes.signal === 'referral' || (f.attributes.signal === 'new_treatment' && /\breferr(?:al|ed)\b/i.test(f.evidence[0]?.quote ?? ''));
/** A referral made again because the first was not kept, to care that is not a surgical question. */
const REFERRED_AGAIN = /\bre-?refer\w*|\breferral (?:re-?sent|resubmitted|renewed)\b/i;
const referredAgain = (f: FactOf<'plan_signal'>) => REFERRED_AGAIN.test(f.evidence[0]?.quote ?? '') && !SURGICAL_EVALUATION.test(f.attributes.target ?? '');

/** A surgeon seen again for a new question: a re-referral, a possible revision. */
const NEW_SURGICAL_QUESTION = /\bre-?referr\w*|\bpossible revision\b|\bfor revision\b|\brevision (?:surgery|evaluation|consult\w*)\b/i;

/**
 * An option put to the claimant at this visit: stated as current, or made hypothetical only by the recommending verb
 * ("I have recommended a C5-6 ACDF"), not by a condition ("if she changes her mind", "should it worsen").
 */
const RECOMMENDING = /^(?:recommend\w*|advis\w*|suggest\w*|offer\w*)$/i;
function offeredNow(f: Fact): boolean {
  return !f.negated && (f.temporality === 'current'
    || (f.temporality === 'hypothetical' && f.context.length > 0 && f.context.every((c) => c.category !== 'hypothetical' || RECOMMENDING.test(c.trigger))));
}

/** A contact by telephone or message, not a visit. */
const PHONE_CONTACT = /\b(?:telephone|phone|tele-?phone)\s+(?:encounter|call|note|contact|message)\b|\b(?:portal|patient) message\b|\bphone call\b|\bRN call\b/i;
/** Options whose offer, pending the claimant's decision, keeps a visit out of the maintenance phase. */
const OFFERED_OPTIONS = new Set<string>(['spinal_cord_stimulator', 'surgery', 'surgical_consultation']);

/** The option an offer names. */
function offeredOption(f: Fact): string | undefined {
  return f.type === 'treatment' ? f.attributes.modality : f.type === 'plan_signal' && f.attributes.signal === 'new_treatment' ? targetModality(f.attributes.target) : undefined;
}

/**
 * A therapy or medication only suggested, which the claimant has not taken up ("Aquatic therapy: pt 'will think about
 * it.' No referral placed"): nothing is ordered or under way. An operation, a stimulator or a surgical consultation
 * waiting on the claimant's decision is another matter (undecidedOffers).
 */
function notTakenUp(f: Fact): boolean {
  return !OFFERED_OPTIONS.has(offeredOption(f) ?? '') && claimantUndecided(f.evidence[0]?.quote ?? '');
}

/** Mentions of an offered option the claimant has not decided on yet ("'still deciding' about the plate removal"). */
function undecidedOffers(ctx: CaseContext): Fact[] {
  return [...ctx.of('treatment'), ...ctx.plannedLater].filter((f) => !f.negated && decisionPending(f.evidence[0]?.quote ?? '') && (mentalTrialOffered(ctx, f)
    || (OFFERED_OPTIONS.has(offeredOption(f) ?? '') && (f.type !== 'treatment' || f.attributes.status === 'recommended' || f.attributes.status === 'planned'))));
}

/**
 * In a mental claim the drug trials are the active care: "He wants to think about lithium" (an augmentation offered
 * after a partial response) waits on the claimant's decision as an offered operation does.
 */
function mentalTrialOffered(ctx: CaseContext, f: Fact): boolean {
  return ctx.mentalClaim && f.type === 'treatment' && f.attributes.modality === 'medication' && isMentalHealthDrugClass(f.attributes.drugClass)
    && f.attributes.status !== 'declined' && f.attributes.status !== 'discontinued';
}

/** Disciplines whose own visits are the active care itself, not a physician's review of the plan. */
const THERAPY_SPECIALTIES = specialtiesIn('therapy');
/** What a maintenance visit carries on with: medication, a home program, a device. */
const CARRIED_ON = modalitiesIn('carried_on');

/**
 * Candidate maintenance visits: a physician treating the claimed condition whose plan says so ("continue current
 * management", "follow up as needed", "maintenance care"), or whose plan only carries on what the claimant
 * already has (medication, home exercise, a device) with a routine return visit.
 */
export const maintenanceVisits = perCase(readMaintenanceVisits);
function readMaintenanceVisits(ctx: CaseContext): Visit[] {
  const supportive = supportiveSessions(ctx);
  // (An offer turned down at the same visit is settled there: that visit can open the phase.)
  const declinedAt = new Set(ctx.of('treatment').filter((f) => f.attributes.status === 'declined' && OFFERED_OPTIONS.has(f.attributes.modality)).map((f) => f.encounterId));
  const offeredAt = new Set(ctx.plannedLater.filter((f) => f.attributes.signal === 'new_treatment' && offeredNow(f) && !declinedAt.has(f.encounterId)
    && OFFERED_OPTIONS.has(targetModality(f.attributes.target) ?? '') && !namesOtherOperation(f.evidence[0]?.quote ?? '') && !offersRefusedOperation(ctx, f)).map((f) => f.encounterId));
  const refused = restsOnRefusedCare(ctx);
  const undecidedAt = new Set(undecidedOffers(ctx).map((f) => f.encounterId));
  const template = templateNotAt(ctx);
  return ctx.visits.filter((v) => {
    // A telephone call or portal message ("TELEPHONE ENCOUNTER … wants to continue current meds") examines no one: the
    // phase begins at a visit.
    if (v.encounters.every((e) => PHONE_CONTACT.test(e.title ?? ''))) return false;
    // A therapist's own visits are the course, except the spaced supportive sessions once the course has run.
    const therapistOnly = !v.encounters.some((e) => !ctx.notConditionCare.has(e.specialty) && !THERAPY_SPECIALTIES.has(e.specialty) && e.documentRole !== 'examining');
    // (The therapist's own heading may say so: "Visit 53  Supportive care (2x/month)".)
    if (therapistOnly) return v.encounters.some((e) => THERAPY_SPECIALTIES.has(e.specialty) && e.source !== 'ledger')
      && v.facts.some((f) => supportive(f) || (f.type === 'plan_signal' && f.attributes.signal === 'maintenance_care'))
      && !v.facts.some((f) => f.type === 'mmi_statement' && f.attributes.kind === 'not_at_mmi');
    // "Too early to judge the full effect": the new treatment's trial is still under way. "Not yet at maximal
    // improvement": the physician says the plateau has not come.
    if (v.facts.some((f) => (f.type === 'plan_signal' && f.attributes.signal === 'response_pending') || (f.type === 'mmi_statement' && f.attributes.kind === 'not_at_mmi' && !refused(f) && !template(f)))) return false;
    // A visit that offers a new active option ("SCS trial offered; she will think about it") waits on the claimant's decision.
    // ("Seen by Dr. Roe 02/16/2023 - ACDF recommended" at a later visit reports an offer already made, not a new one.)
    if (v.facts.some((f) => f.type === 'treatment' && f.temporality === 'current' && (f.attributes.status === 'recommended' || f.attributes.status === 'planned')
      && OFFERED_OPTIONS.has(f.attributes.modality) && !namesOtherOperation(f.evidence[0]?.quote ?? '') && (ctx.dateOf(f) ?? v.date) >= v.date && !declinedAt.has(f.encounterId)
      && !offersRefusedOperation(ctx, f))) return false;
    // The same, said as the recommendation it is ("I have recommended a C5-6 ACDF"; the analysis holds it as care to come).
    if (v.encounters.some((e) => offeredAt.has(e.id))) return false;
    // A later visit that finds the decision still open ("'still deciding' about the plate removal") waits on it too.
    if (v.encounters.some((e) => undecidedAt.has(e.id))) return false;
    // A visit for a passing illness ("Acute bacterial sinusitis (J01.00) … RTC prn") is not the claimed condition's.
    const diagnoses = v.facts.filter((f) => f.type === 'diagnosis' && !f.negated && f.temporality === 'current');
    if (diagnoses.length && diagnoses.every(isPassingIllness)) return false;
    if (v.facts.some(isMaintenance)) return true;
    const routine = v.facts.some((f) => f.type === 'plan_signal' && (f.attributes.signal === 'return_to_clinic' || f.attributes.signal === 'follow_up_prn'));
    // What it carries on must be care for the claimed condition: a family doctor's visit that refills metformin and
    // sertraline in a neck claim is not the neck's maintenance.
    const carriesOn = v.facts.some((f) => f.type === 'treatment' && CARRIED_ON.has(f.attributes.modality) && f.attributes.doseChange !== 'started'
      && !f.attributes.otherCondition && (ctx.mentalClaim || !isMentalHealthDrugClass(f.attributes.drugClass)));
    return routine && carriesOn;
  });
}

/**
 * A recommendation nobody acted on has lapsed when the provider who made it later writes a maintenance-only
 * plan, or when maintenance visits have since gone on long enough to show the maintenance phase itself.
 * Built once per case (date-sorted visits, last maintenance date per provider), so each test is a binary search.
 */
function lapseTest(ctx: CaseContext, maintenance: Visit[]): (a: ActiveEvent) => boolean {
  const sorted = [...maintenance].sort((x, y) => x.date.localeCompare(y.date));
  const lastByProvider = new Map<string, string>();
  for (const v of sorted) lastByProvider.set(v.provider, v.date);
  const { minMaintenanceVisits, minMaintenanceDays } = ctx.profile.params;
  return (a) => {
    if ((lastByProvider.get(ctx.providerOf(a.fact)) ?? '') > a.date) return true;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].date <= a.date) lo = mid + 1; else hi = mid;
    }
    const later = sorted.length - lo;
    return later >= minMaintenanceVisits && daysBetween(sorted[lo].date, sorted[sorted.length - 1].date) >= minMaintenanceDays;
  };
}

/** Pain or function measured from a date on stays within its MCID (and none of them worsens beyond it). */
function reliefHeldFrom(ctx: CaseContext, from: string): boolean {
  const trends = trendsOf(ctx.of('outcome_measure').filter((m) => (ctx.dateOf(m) ?? '') >= from), ctx).filter((t) => isPatientLevel(t.instrument));
  return trends.some((t) => t.verdict === 'plateau') && !trends.some((t) => t.verdict === 'worsened' || t.verdict === 'improved');
}

/** The words that show a visit is maintenance: its maintenance plan, else its routine return, else what it continued. */
function maintenanceFact(v: Visit): Fact {
  return v.facts.find(isMaintenance)
    ?? v.facts.find((f) => f.type === 'plan_signal' && (f.attributes.signal === 'return_to_clinic' || f.attributes.signal === 'follow_up_prn'))
    ?? v.facts[0];
}

/**
 * "Has reached maximum benefit from skilled PT", "plateaued in therapy", "maximal benefit from the Phase II program"
 * (pulmonary rehabilitation): the end of a therapy course, which says
 * nothing yet about the condition's ceiling. Only a physician's plateau statement speaks to MMI.
 */
const THERAPY_WORDS = /\b(?:PT|OT|physical therapy|occupational therapy|therapy|therapeutic|chiropractic|skilled|rehab\w*|(?:pulmonary|cardiac|vestibular) rehab\w*|phase (?:I{1,3}|[123])|program|work (?:hardening|conditioning))\b/i;
function isTherapyPlateau(f: Fact): boolean {
  return THERAPY_WORDS.test(f.evidence[0]?.quote ?? '');
}

function isMaintenance(f: Fact): boolean {
  return (f.type === 'plan_signal' && MAINTENANCE_SIGNALS.has(f.attributes.signal))
    || (f.type === 'mmi_statement' && f.attributes.kind === 'plateau' && !isTherapyPlateau(f));
}

/** A functional score or a pain rating: what the claimant can do or feels, rather than an impairment measure. */
function isPatientLevel(key: string): boolean {
  const id = key.split(':')[0];
  return isFunctionalInstrument(id) || id === 'NRS' || id === 'VAS';
}

function when(ctx: CaseContext, f: Fact): string {
  const d = ctx.dateOf(f);
  return `${ctx.providerOf(f)}${d ? ` on ${d}` : ''}`;
}

function reason(text: string, facts: Fact[]): Reason {
  return { text, evidence: evidenceOf(facts) };
}

function finish(raw: Omit<MmiAssessment, 'evidence'>): MmiAssessment {
  const base = { ...raw, reasons: mergeSame(raw.reasons), conflicts: mergeSame(raw.conflicts) };
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const r of base.reasons) for (const ev of r.evidence) {
    const k = `${ev.file}|${ev.start}|${ev.end}`;
    if (!seen.has(k)) { seen.add(k); evidence.push(ev); }
  }
  return { opinions: [], disputed: false, ...base, confidence: Math.round(base.confidence * 100) / 100, evidence };
}

/** Reasons worded alike (one plan written in four lines of a visit) are said once, citing every line. */
function mergeSame(reasons: Reason[]): Reason[] {
  const byText = new Map<string, Reason>();
  for (const r of reasons) {
    const had = byText.get(r.text);
    if (!had) { byText.set(r.text, { ...r, evidence: [...r.evidence] }); continue; }
    for (const ev of r.evidence) if (!had.evidence.some((e) => e.file === ev.file && e.start === ev.start && e.end === ev.end)) had.evidence.push(ev);
  }
  return [...byText.values()];
}

type Opinion = NonNullable<MmiAssessment['opinions']>[number] & { fact: Statement; weight: number };

/** Notes of one provider that carry the same "not at MMI" line word for word before it reads as their template's. */
const TEMPLATE_NOTES = 4;
/**
 * A "not at MMI" status line a provider's notes repeat word for word ("Disability status: Not at MMI - continue
 * treatment as outlined" at every visit, maintenance visits included) is the note template's field, not a finding
 * made at each visit: it does not hold a maintenance phase open nor take back an MMI. The visit's care says what
 * the visit was.
 */
const templateNotAt = perCase(readTemplateNotAt);
/** A field the record marks as filled by the system: "(auto-populated)", "auto-filled", "default text". */
const AUTO_TEXT = /\b(?:auto-?populated|auto-?filled|auto-?generated|auto-?text|default (?:text|field|entry))\b/i;
function readTemplateNotAt(ctx: CaseContext): (s: Fact) => boolean {
  // The line is the practice's template whoever signs the note: a nurse practitioner's visit in the pain clinic's file
  // carries the physician's "Patient is not at MMI." unchanged.
  const notes = new Map<string, Set<string>>();
  const keysOf = (s: Fact) => [`${ctx.providerOf(s)}|${sentenceKey(s.evidence[0]?.quote ?? '')}`, `${s.evidence[0]?.file}|${sentenceKey(s.evidence[0]?.quote ?? '')}`];
  for (const s of ctx.of('mmi_statement')) {
    if (s.attributes.kind !== 'not_at_mmi' || ctx.encounterOf(s)?.source !== 'note') continue;
    for (const k of keysOf(s)) {
      if (!notes.has(k)) notes.set(k, new Set());
      notes.get(k)!.add(s.encounterId);
    }
  }
  // (So is a field the note stamps with its last update, months before the visit: "WORK STATUS [last updated
  // 12/13/2022]: … not at MMI" in a note of 09/19/2023.)
  const stale = (s: Fact) => {
    const m = UPDATED_STAMP.exec(s.evidence[0]?.quote ?? '');
    const stamp = m && findDates(m[1])[0]?.date;
    const day = ctx.dateOf(s);
    return !!stamp && !!day && daysBetween(stamp, day) > RESTATED_AFTER_DAYS;
  };
  // (A series of forms whose MMI box turns to "Yes" and back to "No" answers the question at each visit: only a line that
  // never changes in its document is the template's.)
  const answered = new Set(ctx.of('mmi_statement').filter((s) => (s.attributes.kind === 'mmi' || s.attributes.kind === 'permanent_and_stationary') && s.temporality === 'current')
    .map((s) => `${ctx.providerOf(s)}|${s.evidence[0]?.file}`));
  // (And only at a visit that plans no procedure or operation: "Not at MMI." beside "Consider SCS trial" at each visit is
  // that plan's reason, said again because it still holds; a refill, home exercise or a refresher course plans nothing new.)
  const planning = new Set(ctx.asserted.filter((f) => f.temporality === 'current' && !f.negated
    && ((f.type === 'treatment' && (f.attributes.status === 'recommended' || f.attributes.status === 'planned') && PLANNED_STEP.has(f.attributes.modality))
      || (f.type === 'plan_signal' && f.attributes.signal === 'new_treatment' && PLANNED_STEP.has(targetModality(f.attributes.target) ?? 'other')))).map((f) => f.encounterId));
  // (Unless the very note that repeats it says the claimant is at MMI: "fixed and stable per IME/concurrence 07/10/2023
  // … Pt is not at MMI. Continue PT." is a template line the note's own assessment contradicts.)
  const atMmiIn = new Set(ctx.of('mmi_statement', true).filter((s) => (s.attributes.kind === 'mmi' || s.attributes.kind === 'permanent_and_stationary')
    && !s.negated && s.temporality !== 'hypothetical').map((s) => s.encounterId));
  const template = (s: Fact) => (keysOf(s).some((k) => (notes.get(k)?.size ?? 0) >= TEMPLATE_NOTES)
    && (!answered.has(`${ctx.providerOf(s)}|${s.evidence[0]?.file}`) || atMmiIn.has(s.encounterId)) && !planning.has(s.encounterId))
    // ("WC STATUS (auto-populated): TTD - Patient is not at MMI.": the record says the line is the system's, not the physician's.)
    || (s.type === 'mmi_statement' && s.attributes.kind === 'not_at_mmi' && AUTO_TEXT.test(s.evidence[0]?.quote ?? ''));
  // (And a "not at MMI" that waits for an operation done long before it: "Patient is not at MMI. Re-evaluate after
  // surgery." on a work-status slip printed two years after the fusion is the pre-operative template's line.)
  const operated = ctx.of('treatment').filter((f) => f.attributes.modality === 'surgery' && GIVEN.has(f.attributes.status)).map((f) => ctx.dateOf(f)).filter((d): d is string => !!d);
  const awaitsPastOperation = (s: Fact) => {
    const day = ctx.dateOf(s);
    return s.type === 'mmi_statement' && s.attributes.awaits === 'operation' && !!day && !planning.has(s.encounterId)
      && operated.some((d) => d < day && daysBetween(d, day) > OPERATION_LONG_DONE_DAYS);
  };
  // (And a line repeated word for word from a note written before the same provider found MMI, "Pt not yet at MMI -
  // continue formal PT 2x/wk" two months after the permanency report, when therapy had ended: the old note's line.)
  const ownMmi = new Map<string, string[]>();
  for (const f of ctx.of('mmi_statement')) {
    const d = ctx.dateOf(f);
    // (A finding in so many words, "has reached MMI as of 03/19/2024", not a plan that names MMI or a box left empty.)
    if (d && (f.attributes.kind === 'mmi' || f.attributes.kind === 'permanent_and_stationary') && f.temporality === 'current' && !f.negated
      && (f.attributes.mmiDate || MMI_FOUND.test(f.evidence[0]?.quote ?? '')) && !/\[\s*\]/.test(f.evidence[0]?.quote ?? '')) pushTo(ownMmi, ctx.providerOf(f), d);
  }
  const firstSaid = new Map<string, string>();
  for (const f of ctx.of('mmi_statement')) {
    const d = ctx.dateOf(f);
    const k = keysOf(f)[0];
    if (d && f.attributes.kind === 'not_at_mmi' && (firstSaid.get(k) ?? '9') > d) firstSaid.set(k, d);
  }
  const repeatedAfterOwnMmi = (s: Fact) => {
    const first = firstSaid.get(keysOf(s)[0]);
    const day = ctx.dateOf(s);
    // (A form's field answered at each visit, "Maximum Medical Improvement: [X] No", is answered anew, not carried.)
    return !!first && !!day && !FORM_FIELD_ANSWER.test(s.evidence[0]?.quote ?? '') && (ownMmi.get(ctx.providerOf(s)) ?? []).some((d) => first < d && d < day) && !planning.has(s.encounterId);
  };
  // (Or said bare, once, at a maintenance visit after the author's own MMI: "P: Continue current management. … He is not
  // medically stationary at this time" in a supportive-care note, with no word that takes the MMI back.)
  const keepsOn = new Set(ctx.asserted.filter((f) => f.type === 'plan_signal' && f.temporality === 'current' && !f.negated
    && (f.attributes.signal === 'continue_current_management' || f.attributes.signal === 'maintenance_care')).map((f) => f.encounterId));
  const bareAfterOwnMmi = (s: Fact) => {
    const day = ctx.dateOf(s);
    return !!day && keepsOn.has(s.encounterId) && !planning.has(s.encounterId) && !TAKEN_BACK.test(s.evidence[0]?.quote ?? '') && !FORM_FIELD_ANSWER.test(s.evidence[0]?.quote ?? '')
      && (ownMmi.get(ctx.providerOf(s)) ?? []).some((d) => d < day);
  };
  return (s) => s.type === 'mmi_statement' && s.attributes.kind === 'not_at_mmi' && (template(s) || stale(s) || awaitsPastOperation(s) || repeatedAfterOwnMmi(s) || bareAfterOwnMmi(s));
}
/** Words that take an MMI back or give the reason it no longer holds. */
const TAKEN_BACK = /\bno longer\b|\bwithdr[ae]wn?\b|\bwithdraw\w*|\brescind\w*|\bretract\w*|\bbecause\b|\bdue to\b|\bnew\b|\bworse\w*|\bre-?injur\w*|\bflare\b|\bawait\w*|\bpending\b|\buntil\b|\bafter\b|\bscheduled\b|\btransplant\w*|\bsurg\w*|\boperat\w*|\bprocedure\b|\breferr\w*|\bevaluation\b|\btrial\b|\s[-\u2013\u2014:]\s/i;
const PLANNED_STEP = new Set<string>([...PROCEDURES, 'surgical_consultation']);
/** A form field's answer: a box, a question, "MMI: No", a status field ("Work status: Not at MMI."). */
const FORM_FIELD_ANSWER = /\[\s*[xX✓✔]?\s*\]|\?|:\s*(?:No|Yes)\b|^\s*(?:[A-Za-z/&-]+\s+){0,3}status\s*:/i;
/** An MMI found, in so many words: "has reached maximum medical improvement", "is at MMI". */
const MMI_FOUND = /\b(?:has|have|had)\s+(?:now\s+)?reached\b|\b(?:is|remains)\s+(?:now\s+)?at\s+(?:MMI|maximum)\b|\breached\s+(?:MMI|maximum)/i;
/** An operation this long before the statement is not the one it waits for. */
const OPERATION_LONG_DONE_DAYS = 180;
const UPDATED_STAMP = /\blast (?:updated|revised|modified|reviewed|changed)\s*:?\s*(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})/i;

/** Every MMI opinion (stated or denied) with its source's role and weight under the claim's jurisdiction. */
const REPEATED_TRIGGER = /^(?:copied|carried) forward/i;
/** A status restated rather than found: "remains P&S", "continues to be at MMI", "still permanent and stationary". */
const STATUS_CARRIED = /\b(?:remains?|continues? to be|still)\b/i;
/** An MMI date named this long before the note that names it is a status restated, not a finding of the day. */
const RESTATED_AFTER_DAYS = 30;
/** "[X] TTD", "temporarily totally disabled": a temporary disability, which MMI ends. */
const TEMPORARY_DISABILITY = /\bTTD\b|\btemporar(?:y|ily)\s+(?:total(?:ly)?|partial(?:ly)?)\b|\bTPD\b/i;
function opinionsOf(ctx: CaseContext, statements: Statement[]): Opinion[] {
  // An MMI dated before the claimed onset ("rated at MMI and closed out in 1998") is about an earlier injury.
  const onset = ctx.claim.onset;
  const stated = plateauStatedAsMmi(ctx, statements);
  // Words a note repeats from an earlier one ("HISTORY (carried forward): Patient has reached MMI as of today.") are that
  // note's opinion, already counted where it was written.
  const repeated = (s: Statement) => s.temporality === 'historical' && s.context.some((c) => c.category === 'historical' && REPEATED_TRIGGER.test(c.trigger));
  // "Patient remains permanent and stationary …" in a note that puts the claimant on temporary total disability and
  // schedules surgery: a status line carried from an earlier note, which the note's own plan contradicts.
  const plannedSurgeryAt = new Set(ctx.of('treatment').filter((f) => f.attributes.modality === 'surgery' && (f.attributes.status === 'planned' || f.attributes.status === 'recommended') && !f.negated).map((f) => f.encounterId));
  const temporaryDisabilityAt = new Set(ctx.of('work_status').filter((f) => f.attributes.status === 'off_work' && TEMPORARY_DISABILITY.test(f.evidence[0]?.quote ?? '')).map((f) => f.encounterId));
  const stale = (s: Statement) => s.attributes.kind !== 'not_at_mmi' && STATUS_CARRIED.test(s.evidence[0]?.quote ?? '')
    && plannedSurgeryAt.has(s.encounterId) && temporaryDisabilityAt.has(s.encounterId);
  // "Case status: P&S 06/12/2023" on each row of a therapist's flowsheet: the case's status as the therapist was told
  // it, long after the date it names, not a therapist's finding.
  const statusLine = (s: Statement) => !!s.attributes.mmiDate && THERAPY_SPECIALTIES.has(ctx.encounterOf(s)?.specialty ?? 'unknown')
    && daysBetween(s.attributes.mmiDate, ctx.dateOf(s) ?? s.attributes.mmiDate) > RESTATED_AFTER_DAYS;
  const template = templateNotAt(ctx);
  const ops = statements.filter((s) => (s.attributes.kind !== 'plateau' || stated.has(s)) && !repeated(s) && !stale(s) && !statusLine(s) && !template(s) && !(onset && s.attributes.mmiDate && s.attributes.mmiDate < onset)).map((s) => {
    const role = sourceRole(ctx.encounterOf(s));
    // An undated report that dates its own MMI ("has reached MMI as of 01/29/2024") is placed by that date; a withdrawal
    // the letter recounts ("at which point (02/15/2022) I withdrew that MMI date") by the day it was made.
    const date = recountedOn(s) ?? ctx.dateOf(s) ?? s.attributes.mmiDate;
    const at = s.attributes.kind !== 'not_at_mmi';
    return {
      source: ctx.providerOf(s), role, opinion: at ? 'at_mmi' as const : 'not_at_mmi' as const, date,
      ...(at && s.attributes.mmiDate ? { mmiDate: s.attributes.mmiDate } : {}),
      evidence: s.evidence, fact: s,
      weight: at && adjudicatedFor(ctx, s) ? ADJUDICATED_WEIGHT : isConflictReferee(ctx.encounterOf(s)) ? REFEREE_WEIGHT : weightOf(role, ctx.claim.state),
    };
  }).sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
  // One source saying both on one day ("R: [X] Yes   L: [X] No"; "right hand at MMI … left: not at MMI") gives an
  // MMI for one part only: the claimant as a whole is not at MMI that day. (Keyed once: a record restating MMI a
  // thousand times must not compare every pair.)
  const key = (o: Opinion) => `${o.source}|${o.date ?? ''}`;
  const partNotAt = new Set(ops.filter((o) => o.opinion === 'not_at_mmi' && PART_NAMED.test(o.evidence[0]?.quote ?? '')).map(key));
  return ops.filter((o) => o.opinion !== 'at_mmi' || !partNotAt.has(key(o)));
}
/** The weight of the opinion an adjudicator's finding adopted: above any source's, since the finding decided between them. */
const ADJUDICATED_WEIGHT = REFEREE_WEIGHT + 1;
/** The adjudicator's finding that adopted this physician's MMI opinion ("This order is based upon the … report of Lowell F. Kasprzak, M.D."), if any. */
function adjudicatedFor(ctx: CaseContext, s: Fact): NonNullable<CaseContext['adjudicated']>[number] | undefined {
  const words = new Set(ctx.providerOf(s).toLowerCase().split(/[^a-z'-]+/));
  return ctx.adjudicated.find((a) => words.has(a.physician.toLowerCase()));
}
/** The day of a withdrawal told as long past (the extractor's "withdrawn on 2022-02-15" context). */
const recountedOn = (s: Statement) => s.context.map((c) => (c.category === 'historical' ? /^withdrawn on (\d{4}-\d{2}-\d{2})$/.exec(c.trigger)?.[1] : undefined)).find(Boolean);
/** A plateau in so many words ("has plateaued", "plateaued as of her 01/23/2024 visit"). */
const PLATEAU_WORDS = /\bplateau/i;
/** The expectation that completes it: "I do not expect further improvement", "further improvement is not expected". */
const NO_MORE_EXPECTED = /\b(?:(?:do|does|did)\s+not|don't|doesn't)\s+expect\s+(?:any\s+)?further|\bfurther\s+(?:\w+\s+)?(?:improvement|recovery|gains?)\s+(?:is|are)\s+not\s+(?:expected|anticipated)|\bno\s+further\s+(?:\w+\s+)?(?:improvement|recovery|gains)\s+(?:is\s+|are\s+)?(?:expected|anticipated)|\bnot\s+expected\s+to\s+(?:improve|change)/i;

const ONE_TREATMENT = /\bwithout\s+(?:surgery|an operation|surgical)|\b(?:with|from|by)\s+(?:further\s+|more\s+|additional\s+|continued\s+)?(?:skilled\s+)?(?:PT|physical therapy|therapy|injections?|chiropractic|manipulation|surgery|medications?|[a-z]+\s+therapy)\b/i;

/**
 * A treating physician who writes, in one visit, that the condition has plateaued and that no further improvement is
 * expected, and makes the limits permanent (or dates the plateau), states the definition of MMI without its name: reviewers read it as a stated MMI, dated by its "as of" date
 * or the visit. A plateau alone ("she has plateaued; nothing further to offer") is a reason to infer MMI, not a statement of it.
 * The visit's dated plateau statement stands for the opinion.
 */
function plateauStatedAsMmi(ctx: CaseContext, statements: Statement[]): Set<Statement> {
  const byVisit = new Map<string, Statement[]>();
  for (const s of statements) {
    if (s.attributes.kind !== 'plateau' || isTherapyPlateau(s) || sourceRole(ctx.encounterOf(s)) !== 'treating_physician') continue;
    pushTo(byVisit, s.encounterId, s);
  }
  // The physician also makes it lasting: permanent restrictions or a permanent prognosis that visit, or a dated plateau.
  // ("Further meaningful improvement is unlikely", permanence left open, is a prognosis to infer from.)
  const permanentAt = new Set(ctx.asserted.filter((f) => f.type === 'prognosis' && f.attributes.outlook === 'permanent').map((f) => f.encounterId));
  // A visit that states MMI in so many words ("has reached maximal medical improvement … permanent and stationary as of
  // today") is that opinion; its "stable since approximately 05/2023" is the reasoning, not a second, earlier date.
  const explicitAt = new Set(statements.filter((s) => (s.attributes.kind === 'mmi' || s.attributes.kind === 'permanent_and_stationary') && s.temporality === 'current').map((s) => s.encounterId));
  const out = new Set<Statement>();
  for (const [encounterId, list] of byVisit) {
    if (explicitAt.has(encounterId)) continue;
    if (!permanentAt.has(encounterId) && !list.some((s) => s.attributes.mmiDate)) continue;
    const quotes = list.map((s) => s.evidence[0]?.quote ?? '');
    // "I do not expect further improvement in her condition with additional treatment" is the definition itself;
    // "… with more PT" speaks of one treatment only.
    const expects = quotes.filter((q) => NO_MORE_EXPECTED.test(q));
    if (!expects.length || (!quotes.some((q) => PLATEAU_WORDS.test(q)) && expects.every((q) => ONE_TREATMENT.test(q)))) continue;
    out.add(list.find((s) => s.attributes.mmiDate) ?? list.find((s) => PLATEAU_WORDS.test(s.evidence[0]?.quote ?? '')) ?? list.find((s) => NO_MORE_EXPECTED.test(s.evidence[0]?.quote ?? ''))!);
  }
  return out;
}

/**
 * A plateau stated without the name MMI, long after the maintenance phase it describes had begun ("not expected to
 * improve further", two years into unchanged maintenance visits), confirms the implied MMI; it does not move it.
 */
function restatesEarlierPlateau(ops: Opinion[], explicit: MmiAssessment, inferred: MmiAssessment): boolean {
  if (explicit.status !== 'explicit' || inferred.status !== 'implied' || !explicit.date || !inferred.date) return false;
  if (ops.some((o) => o.opinion === 'at_mmi' && o.fact.attributes.kind !== 'plateau')) return false;
  return daysBetween(inferred.date, explicit.date) > 30;
}

/** A side or body part named with a "not at MMI" ("LEFT: Not at MMI", "not at MMI for the left upper extremity"). */
const PART_NAMED = /\b(?:right|left|R|L|bilateral|upper extremity|lower extremity|hand|wrist|knee|shoulder|elbow|hip|ankle|foot|lumbar|cervical|thoracic|spine|back|neck)\b/;

function publicOpinions(ops: Opinion[]): MmiAssessment['opinions'] {
  // One line per source and opinion: a form restating the same answer at every visit says it once.
  const seen = new Map<string, Opinion>();
  for (const o of ops) {
    const key = `${o.source}|${o.opinion}|${o.mmiDate ?? ''}`;
    if (!seen.has(key) || o.opinion === 'not_at_mmi') seen.set(key, o);
  }
  return [...seen.values()].map(({ fact: _f, weight: _w, ...o }) => o);
}

/**
 * Where the state's examiner settles only the dispute put to them (a Colorado DIME): when care that can change the
 * condition was given after their report and the treating physician then states MMI, that later MMI answers a question
 * the examiner never saw, so the examiner's opinions weigh as any examiner's.
 */
function overtakenPresumption(ctx: CaseContext, ops: Opinion[]): Opinion[] {
  const presumptive = presumptiveSource(ctx.claim.state)?.role;
  const examined = ops.filter((o) => o.role === presumptive).map((o) => o.date!).sort().at(-1);
  if (!presumptive || !examined || !wcStateRule(ctx.claim.state).rule.examinerSettlesDisputeOnly) return ops;
  // (A new MMI, dated after the report: not a form restating the MMI the examiner already weighed.)
  const laterMmi = ops.filter((o) => o.role === 'treating_physician' && o.opinion === 'at_mmi' && (o.mmiDate ?? o.date!) > examined).map((o) => o.date!).sort().at(-1);
  const careBetween = !!laterMmi && ctx.of('treatment').some((f) => WITHDRAWING_CARE.has(f.attributes.modality) && f.attributes.status === 'performed'
    && (ctx.dateOf(f) ?? '') > examined && (ctx.dateOf(f) ?? '') < laterMmi);
  return careBetween ? ops.map((o) => (o.role === presumptive ? { ...o, weight: weightOf(o.role, undefined) } : o)) : ops;
}

/** Days on which treatment changed after an MMI that make a series of trials, not one adjustment. */
const MIN_TRIAL_DATES = 2;
/** A dateless MMI and the same physician's dated restatement this soon after are one finding. */
const AS_OF_RESTATED_DAYS = 60;
/** Procedures whose performance after an MMI withdraws it (a trigger-point injection is too slight to). */
const WITHDRAWING_CARE = new Set<Modality>([...PROCEDURES].filter((m) => m !== 'trigger_point_injection'));

/** "I cannot identify a specific interventional target", "no procedural target": the work-up found nothing to treat. */
const NO_TARGET = /\b(?:target|pain generator)\b/i;
/** How soon after a block its physician reads it. */
const WORKUP_READ_DAYS = 90;

/** The treating physician's words that the maintenance phase begins now. */
const PHASE_DECLARED = /\btransition(?:ed|ing|s)?\b[^.;]{0,30}\bto maintenance\b|\b(?:is|are) (?:now )?(?:in|entering|starting) (?:a |the )?maintenance phase\b|\bnow (?:in|on|into) (?:a |the )?(?:stable |established )?maintenance\b|\bis (?:his|her|their|the) maintenance regimen\b|\bmov(?:e|ed|ing) (?:her|him|them|the patient) to maintenance\b|\bas\s+(?:(?:her|his|the)\s+)?maintenance\b/i;
/** How soon after the first quiet visit such a declaration still marks the phase's start. */
const DECLARED_PHASE_DAYS = 240;

/** A checked box on a form: "[X] Patient has reached MMI". */
const TICKED_BOX = /\[\s*[Xx✓✔]\s*\]/;
/** Words that take an MMI back: "no longer at MMI", "withdrawn", "not at MMI - surgery pending". */
const WITHDRAWAL = /\bno longer\b|\bwithdr[ae]wn?\b|\brescind\w*|\bretract\w*|\bnot (?:at|yet at) (?:MMI|maximum)/i;
/**
 * The writer takes back their own earlier MMI: "my prior opinion … is withdrawn", "I withdraw my MMI of …", and the
 * treating physician's "The prior P&S determination of 10/17/2023 is withdrawn" (a report whose author's name the
 * earlier form did not print).
 */
const MY_PRIOR_OPINION = /\bmy (?:prior|previous|earlier|original)\s+(?:opinion|MMI|certification|finding|determination)\b|\bI (?:hereby )?(?:withdraw|rescind|retract)\b|\bmy\b[^.;]{0,40}\b(?:opinion|MMI|P&S|certification|finding|determination|report)\b[^.;]{0,40}\b(?:is|was|are|has been)\s+(?:hereby\s+)?(?:withdrawn|rescinded|retracted|vacated)\b|\b(?:prior|previous(?:ly reported)?|earlier|original)\b[^.;]{0,40}\b(?:P&S|MMI|permanent and stationary|maximum medical improvement)\b[^.;]{0,50}\b(?:is|was|has been)\s+(?:hereby\s+)?(?:withdrawn|rescinded|retracted|vacated)\b/i;
/**
 * An explicit MMI, decided by the weightiest source: the presumptive source where the jurisdiction names one
 * (Texas designated doctor), else the treating physician, else whoever stated it. Later "no longer at MMI" from
 * that source, or new procedures performed well after it, withdraw it (not_reached, with `priorMmi`).
 */
function explicitAssessment(ctx: CaseContext, all: Opinion[]): MmiAssessment | undefined {
  // An opinion with no date cannot be placed before or after another; it is listed, not weighed.
  const ops = overtakenPresumption(ctx, all.filter((o) => o.date));
  if (!ops.some((o) => o.opinion === 'at_mmi')) return undefined;
  const top = Math.max(...ops.map((o) => o.weight));
  const governing = ops.filter((o) => o.weight === top);
  // Only the author of an MMI can take it back; another treating doctor's later "not at MMI" is a conflict (and new
  // active care after the MMI, below, is what withdraws it in deed).
  const authors = new Set(governing.filter((o) => o.opinion === 'at_mmi').map((o) => o.source));
  // ("My prior opinion of 03/26/2024 that he had reached MMI is withdrawn": its author, whether or not the note is signed.)
  const ownWithdrawal = (o: Opinion) => o.opinion === 'not_at_mmi' && MY_PRIOR_OPINION.test(o.evidence[0]?.quote ?? '');
  const lastNot = governing.filter((o) => o.opinion === 'not_at_mmi' && (authors.has(o.source) || ownWithdrawal(o))).at(-1);
  // (A box left ticked "reached MMI" on a form of the day its author withdraws the MMI is the form's carried mark.)
  const carriedMark = (o: Opinion) => !!lastNot && o.date === lastNot.date && TICKED_BOX.test(o.evidence[0]?.quote ?? '') && WITHDRAWAL.test(lastNot.evidence[0]?.quote ?? '');
  // ("P&S 05/10/2023 (PR-4)" in a history line after the author withdrew that P&S: the withdrawn MMI restated by its
  // author, by its date. Another source's later finding of that date is its own opinion.)
  // (Only when the withdrawal came between the MMI and its restatement: "his MMI date stands" the day of a misread
  // "not at MMI" is the MMI reaffirmed. A day on which the author says both is no withdrawal.)
  // (Indexed once: a record may restate its MMI hundreds of times.)
  const mixedDay = new Set(governing.filter((o) => o.opinion === 'at_mmi').map((o) => `${o.source}|${o.date}`));
  const firstStatedOn = new Map<string, string>();
  for (const w of governing) {
    const k = `${w.source}|${w.mmiDate ?? w.date}`;
    if (w.opinion === 'at_mmi' && w.date && (!firstStatedOn.has(k) || w.date < firstStatedOn.get(k)!)) firstStatedOn.set(k, w.date);
  }
  const withdrawals = governing.filter((n) => n.opinion === 'not_at_mmi' && (authors.has(n.source) || ownWithdrawal(n)) && !mixedDay.has(`${n.source}|${n.date}`))
    .map((n) => n.date ?? '').sort();
  const restatesWithdrawn = (o: Opinion) => {
    const first = o.mmiDate && firstStatedOn.get(`${o.source}|${o.mmiDate}`);
    if (!first || first >= (o.date ?? '')) return false;
    let lo = 0;
    let hi = withdrawals.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (withdrawals[mid] <= first) lo = mid + 1; else hi = mid; }
    return lo < withdrawals.length && withdrawals[lo] < (o.date ?? '');
  };
  // ("The statement I completed on 06/20/2022 indicated MMI. That statement is withdrawn … (MMI: No)": the author tells
  // of the old MMI and takes it back at the same visit.)
  const toldAndTakenBack = (o: Opinion) => !!lastNot && o.fact.temporality === 'historical' && o.date === lastNot.date && o.source === lastNot.source;
  const standing = governing.filter((o) => o.opinion === 'at_mmi' && (o.date ?? '') >= (lastNot?.date ?? '') && !carriedMark(o) && !restatesWithdrawn(o) && !toldAndTakenBack(o));
  const earlierAt = governing.filter((o) => o.opinion === 'at_mmi' && lastNot && ((o.date ?? '') < (lastNot.date ?? '') || toldAndTakenBack(o)));
  if (!standing.length) {
    // The governing source said MMI, then said it no longer holds: withdrawn.
    if (earlierAt.length && lastNot) {
      // Cite the first "not at MMI" after the MMI: the statement that withdrew it, not a later restatement.
      const by = governing.find((o) => o.opinion === 'not_at_mmi' && ((o.date ?? '') > (earlierAt[0].date ?? '')
        || (toldAndTakenBack(earlierAt[0]) && o.date === earlierAt[0].date && o.source === earlierAt[0].source))) ?? lastNot;
      const first = opinionOf(ops, clearestStatement(earlierAt.filter((o) => o.date === earlierAt[0].date).map((o) => o.fact)));
      const why = `${when(ctx, by.fact)} states the claimant is no longer at MMI.`;
      // A new MMI found after the withdrawal (a QME's or EMA's, once the new care is done) and not itself disputed
      // by a later "not at MMI" is where the claim stands now; the withdrawn one stays on record as the prior MMI.
      const refused = restsOnRefusedCare(ctx);
      // (A "not at MMI" told as history, or one holding the claim open for care the payer has finally refused, undoes nothing.)
      const undoes = (o: Opinion) => o.opinion === 'not_at_mmi' && o.fact.temporality !== 'historical' && !refused(o.fact);
      const lastNotAny = ops.filter(undoes).map((o) => o.date ?? '').sort().at(-1) ?? '';
      const after = ops.filter((o) => (o.date ?? '') > (by.date ?? '') && (o.date ?? '') > lastNotAny && !restatesWithdrawn(o) && (o.opinion === 'at_mmi' || undoes(o)));
      const renewed = after.some((o) => o.opinion === 'at_mmi' && (o.role === 'treating_physician' || neutralExaminer(ctx, o)))
        ? explicitAssessment(ctx, after) : undefined;
      if (renewed?.status === 'explicit') {
        const priorDate = first.mmiDate ?? first.date;
        const heldOpen = heldOpenFor(ctx, ops);
        return {
          ...renewed,
          ...(heldOpen.length ? { confidence: Math.min(renewed.confidence, 0.75) } : {}),
          reasons: [...renewed.reasons, reason(`An earlier MMI (${when(ctx, first.fact)}${priorDate ? `, as of ${priorDate}` : ''}) was withdrawn: ${why}`, [first.fact, by.fact])],
          conflicts: [...renewed.conflicts, ...heldOpen.map((o) => heldOpenConflict(ctx, o))],
          opinions: publicOpinions(ops), disputed: true,
          priorMmi: { date: priorDate, statedBy: first.source, reason: why, evidence: [...first.evidence, ...by.fact.evidence] },
        };
      }
      return withdrawnOrPlateauSince(ctx, ops, first, by.fact, why);
    }
    return undefined;
  }
  const firstDate = standing[0].date;
  const firstStated = clearestStatement(standing.filter((o) => o.date === firstDate).map((o) => o.fact));
  // The same source's later statement of another MMI date ("DWC-25 (amended): Date of MMI 06/27/2023") amends the first.
  const firstSource = ctx.providerOf(firstStated);
  const amended = standing.filter((o) => o.source === firstSource && o.mmiDate && (o.date ?? '') > (firstDate ?? '') && AMENDED.test(o.fact.evidence[0]?.quote ?? '')).at(-1);
  const firstMmi = firstStated.attributes.mmiDate ?? ctx.dateOf(firstStated);
  // ("Stable, medically stable since 2022-2023 per SIME": the source later adopts a neutral examiner's MMI, and its date.)
  const adopting = amended ? undefined : standing.filter((o) => o.source === firstSource && (o.date ?? '') > (firstDate ?? '') && ADOPTS_NEUTRAL.test(o.fact.evidence[0]?.quote ?? '')).at(-1);
  const adoptedExam = adopting && ops.filter((o) => o.opinion === 'at_mmi' && o.mmiDate && neutralExaminer(ctx, o) && (o.date ?? '') <= (adopting.date ?? '')).at(-1);
  const firstE = amended && firstMmi && Math.abs(daysBetween(amended.mmiDate!, firstMmi)) > 30
    ? clearestStatement(standing.filter((o) => o.source === firstSource && o.date === amended.date).map((o) => o.fact))
    : adoptedExam && firstMmi && Math.abs(daysBetween(adoptedExam.mmiDate!, firstMmi)) > 30
      ? clearestStatement(ops.filter((o) => o.source === adoptedExam.source && o.date === adoptedExam.date && o.opinion === 'at_mmi').map((o) => o.fact)) : firstStated;
  // "Her left wrist has reached MMI as of 09/12/2023" from the hand surgeon, and later the neurologist's MMI for the
  // concussion as of 01/09/2024: the claim reaches MMI when its last part does.
  const firstPart = partName(ONE_PART_AT_MMI.exec(firstE.evidence[0]?.quote ?? '')?.slice(1).find(Boolean));
  const mmiOf = (o: Opinion) => o.mmiDate ?? o.date ?? '';
  const lastPart = firstPart ? standing.filter((o) => o.source !== ctx.providerOf(firstE) && isTreatingRole(o.role)
    && partName(ONE_PART_NAMED.exec(o.fact.evidence[0]?.quote ?? '')?.[1]) !== firstPart && mmiOf(o) > (firstE.attributes.mmiDate ?? ctx.dateOf(firstE) ?? ''))
    .sort((a, b) => mmiOf(a).localeCompare(mmiOf(b))).at(-1) : undefined;
  // (That part's source's first statement of it: "At MMI; stable." six months later restates it.)
  const lastPartFirst = lastPart && standing.filter((o) => o.source === lastPart.source && mmiOf(o) > (firstE.attributes.mmiDate ?? ctx.dateOf(firstE) ?? ''))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))[0];
  const e = lastPartFirst ? clearestStatement(standing.filter((o) => o.source === lastPartFirst.source && o.date === lastPartFirst.date).map((o) => o.fact)) : firstE;
  const eDate = ctx.dateOf(e);
  // "MMI: Yes" with no date, then the same physician's form weeks later: "MMI [X] Yes - 04/18/2023": the date they meant.
  const datedLater = e.attributes.mmiDate || !eDate ? undefined : standing.find((o) => o.source === ctx.providerOf(e) && o.mmiDate && o.mmiDate <= eDate
    && (o.date ?? '') >= eDate && daysBetween(eDate, o.date!) <= AS_OF_RESTATED_DAYS);
  const asOf = e.attributes.mmiDate ?? datedLater?.mmiDate;
  const date = asOf ?? eDate;
  const chosen = opinionOf(ops, e);
  // New procedures performed more than a month after the MMI date by a treating source withdraw it.
  // Only care actually given counts: a procedure or operative note, or a billed procedure. A note saying "fusion stable" is not one.
  const given = (f: Treatment) => ['procedure_note', 'operative_report', 'billing'].includes(ctx.encounterOf(f)?.kind ?? '') || ctx.encounterOf(f)?.source === 'ledger';
  // Palliative care (palliativeCare), or care after which the author or the treating physician states MMI (the treating
  // doctor's own certification after a third epidural) and neither says otherwise, is the future medical care an MMI
  // allows (a flare's nerve block, a palliative injection), not a return to active treatment.
  const palliative = palliativeCare(ctx);
  // (A certification after the care by any treating source, a Texas treating doctor who is a chiropractor as well; a
  // "not at MMI" against it only from the MMI's author or the treating physician.)
  const weighs = (o: Opinion) => o.source === chosen.source || o.role === 'treating_physician';
  // (An examiner's MMI dated back before the care does not certify MMI after it: "MMI by 01/14/2023", written after a
  // March 2023 surgery, says the surgery was not needed. A treating surgeon's does: the care was theirs to weigh.)
  // (A treating physician as weighty as the first MMI's source who dates an MMI of their own after the care, "reached
  // MMI as of 11/14/2023" three months after an ablation, states a new MMI the care led to, not the first one
  // reaffirmed. A lighter source's later date, a chiropractor's after a designated doctor's, still says MMI held.)
  // (Selected once: the care below is weighed one procedure at a time.)
  const laterDated = ops.filter((o) => o.opinion === 'at_mmi' && isTreatingRole(o.role) && o.weight >= chosen.weight && o.mmiDate
    && !!date && daysBetween(date, o.mmiDate) > 30);
  const newMmiAfter = (day: string) => new Set(laterDated.filter((o) => o.mmiDate! > day).map((o) => o.source));
  const reaffirmedAfter = (day: string) => {
    const renewedBy = newMmiAfter(day);
    return ops.some((o) => o.opinion === 'at_mmi' && (o.date ?? '') > day && !renewedBy.has(o.source)
      && (isTreatingRole(o.role) || (weighs(o) && (o.mmiDate ?? o.date ?? '') >= day)))
      && !ops.some((o) => o.opinion === 'not_at_mmi' && (o.date ?? '') > day && weighs(o));
  };
  // A procedure booked on a date (a ledger's "scheduled - not yet performed" row) is care firmly planned: it withdraws too.
  const booked = (f: Treatment) => f.attributes.status === 'planned' && ctx.encounterOf(f)?.source === 'ledger';
  // A block after which its physician finds nothing to treat ("The block is negative … I cannot identify a specific
  // interventional target"): a work-up that came to nothing, not a return to active care.
  const noTargetDays = ctx.asserted.filter((f) => f.type === 'plan_signal' && f.attributes.signal === 'no_further_treatment' && f.temporality === 'current'
    && NO_TARGET.test(f.evidence[0]?.quote ?? '')).map((f) => ctx.dateOf(f)).filter((d): d is string => !!d);
  const cameToNothing = (d: string) => noTargetDays.some((n) => n >= d && daysBetween(d, n) <= WORKUP_READ_DAYS);
  const newCare = date ? ctx.of('treatment').filter((f) => WITHDRAWING_CARE.has(f.attributes.modality) && ((f.attributes.status === 'performed' && given(f)) || booked(f))
    && daysBetween(date, ctx.dateOf(f) ?? date) > 30
    && !palliative(f) && !reaffirmedAfter(ctx.dateOf(f) ?? date) && !cameToNothing(ctx.dateOf(f) ?? date) && !f.attributes.otherCondition
    && isTreatingRole(sourceRole(ctx.encounterOf(f)))) : [];
  if (newCare.length) {
    const why = `New active treatment after the MMI date: ${describe(newCare[0])} (${when(ctx, newCare[0])}).`;
    // A new MMI found once that care is done, by the treating physician or a neutral examiner, and not undone by a later
    // "not at MMI" of equal weight (a Texas treating doctor's disagreement does not undo the designated doctor's): where
    // the claim stands now, with the first MMI kept as the prior one.
    // (An MMI written after the care but dated back before it, an examiner adopting the withdrawn date, is no new MMI:
    // weighing it again would find the same care after it, without end.)
    const careDay = ctx.dateOf(newCare[0]) ?? '';
    const after = ops.filter((o) => (o.date ?? '') > careDay && (o.opinion !== 'at_mmi' || (o.mmiDate ?? o.date ?? '') > careDay));
    const last = after.filter((o) => o.opinion === 'at_mmi' && (o.role === 'treating_physician' || neutralExaminer(ctx, o))).at(-1);
    const undone = last && after.some((o) => o.opinion === 'not_at_mmi' && (o.date ?? '') > (last.date ?? '') && o.weight >= last.weight);
    const renewed = last && !undone && after.length < ops.length ? explicitAssessment(ctx, after) : undefined;
    if (renewed?.status === 'explicit') {
      const priorDate = chosen.mmiDate ?? chosen.date;
      return {
        ...renewed,
        reasons: [...renewed.reasons, reason(`An earlier MMI (${when(ctx, chosen.fact)}${priorDate ? `, as of ${priorDate}` : ''}) no longer held: ${why}`, [chosen.fact, newCare[0]])],
        opinions: publicOpinions(ops), disputed: true,
        priorMmi: { date: priorDate, statedBy: chosen.source, reason: why, evidence: [...chosen.evidence, ...newCare[0].evidence] },
      };
    }
    return withdrawnOrPlateauSince(ctx, ops, chosen, newCare[0], why);
  }
  // Where MMI is no legal finding (SSA weighs every impairment), a form's "MMI: Yes" followed by a series of
  // treatment trials (an antidepressant switched, an augmenting drug tried and stopped, a new drug raised) did not
  // hold in deed: the condition was still being treated to change it.
  const trials = date && ctx.profile.params.everyImpairmentWeighed
    ? treatmentChanges(ctx).filter((f) => ctx.dateOf(f)! > date) : [];
  if (new Set(trials.map((f) => ctx.dateOf(f))).size >= MIN_TRIAL_DATES) {
    const why = `Treatment was still being changed after the MMI date: ${describe(trials[0])} (${when(ctx, trials[0])}), and again on ${[...new Set(trials.slice(1).map((f) => ctx.dateOf(f)))].join(', ')}.`;
    return withdrawnOrPlateauSince(ctx, ops, chosen, trials[0], why);
  }
  // "Summary: shoulder at MMI" while another treating physician keeps the neck "MMI: No": one part is at MMI, the
  // claim is not. The part-limited MMI is kept as what it is.
  // "R CTS s/p CTR - fixed and stable" beside "L CTS severe, awaiting surgery. Not at MMI." in the same note: the
  // same physician keeps the other side open, unless their "not at MMI" names the very part they call stable.
  const part = partName(ONE_PART_AT_MMI.exec(e.evidence[0]?.quote ?? '')?.slice(1).find(Boolean));
  const samePart = (o: Opinion) => !!part && partName(ONE_PART_NAMED.exec(o.fact.evidence[0]?.quote ?? '')?.[1]) === part;
  const otherPartNot = part && eDate ? ops.find((o) => o.opinion === 'not_at_mmi' && o.fact !== e && !samePart(o) && isTreatingRole(o.role)
    && (o.date ?? '') >= eDate && daysBetween(eDate, o.date ?? eDate) <= ctx.profile.params.activeRecencyDays) : undefined;
  if (part && otherPartNot) {
    const why = `${when(ctx, otherPartNot.fact)} (${SOURCE_ROLE_LABEL[otherPartNot.role]}) states another part of the claim is not at MMI; the MMI of ${when(ctx, e)} is for the ${part} only.`;
    return finish({
      status: 'not_reached', confidence: 0.7, statedBy: otherPartNot.source, opinions: publicOpinions(ops), disputed: true,
      reasons: [reason(why, [e, otherPartNot.fact])],
      conflicts: [
        reason(`${when(ctx, e)} (${SOURCE_ROLE_LABEL[chosen.role]}) states the ${part} is at MMI${e.attributes.mmiDate ? ` as of ${e.attributes.mmiDate}` : ''}.`, [e]),
        // Those who found the whole claim at MMI (an IME panel) disagree with the verdict; the part's own physician does not.
        ...disagreements(ctx, ops, { at: false, chosen, exclude: chosen.source }),
      ],
    });
  }

  // A plateau stated with no further improvement expected is MMI in substance; the report says the physician did not use the term.
  const term = e.attributes.kind === 'permanent_and_stationary' ? 'permanent and stationary'
    : e.attributes.kind === 'plateau' ? 'at a plateau with no further improvement expected (maximum medical improvement in substance, though the term is not used)'
      : 'at maximum medical improvement';
  const roleWords = SOURCE_ROLE_LABEL[chosen.role];
  const presumptive = presumptiveSource(ctx.claim.state);
  const reasons = [reason(`${when(ctx, e)} (${roleWords}) states the claimant is ${term}${asOf && asOf !== eDate ? ` as of ${asOf}${datedLater ? ` (the date ${when(ctx, datedLater.fact)} gives)` : ''}` : ''}.`, datedLater ? [e, datedLater.fact] : [e])];
  if (adopting && adoptedExam && ctx.providerOf(e) === adoptedExam.source) {
    reasons.push(reason(`${when(ctx, adopting.fact)} (${SOURCE_ROLE_LABEL[adopting.role]}) adopts this examiner's finding ("${adopting.fact.evidence[0]?.quote.replace(/\s+/g, ' ').slice(0, 100) ?? ''}").`, [adopting.fact]));
  }
  if (lastPart) reasons.push(reason(`The ${firstPart} reached MMI earlier (${when(ctx, firstE)}${firstE.attributes.mmiDate ? `, as of ${firstE.attributes.mmiDate}` : ''}); the claim reaches MMI when its last part does.`, [firstE]));
  if (presumptive?.role === chosen.role) reasons.push(reason(`In ${ctx.claim.state!.toUpperCase()} the ${roleWords}'s certification has presumptive weight (${presumptive!.authority}); other opinions are shown as conflicts.`, [e]));
  else if (isConflictReferee(ctx.encounterOf(e))) reasons.push(reason('A referee appointed to resolve the conflict between the treating physician and the examiner (5 U.S.C. 8123(a)) carries special weight; other opinions are shown as conflicts.', [e]));
  const adopted = adjudicatedFor(ctx, e);
  if (adopted) reasons.push({ text: `The adjudicator's finding of MMI rests on this opinion ("${adopted.evidence[1]?.quote.replace(/\s+/g, ' ').slice(0, 120) ?? ''}"); it governs, and other opinions are shown as conflicts.`, evidence: adopted.evidence });
  const confirming = standing.filter((o) => o.fact !== e && (o.source !== chosen.source || o.date !== eDate)
    && !(o.mmiDate && date && Math.abs(daysBetween(o.mmiDate, date)) > 30));
  if (confirming.length) reasons.push(reason(`Restated by ${[...new Set(confirming.map((o) => when(ctx, o.fact)))].join('; ')}.`, confirming.map((o) => o.fact)));
  // A treating source that stated an MMI and then withdrew it ("MMI rescinded: radiculopathy after return to full duty"),
  // before the MMI that stands: the first is the prior MMI, not a conflict, whether it was this source's or another's.
  const treatingOps = ops.filter((o) => isTreatingRole(o.role));
  const withdrawal = treatingOps.map((o) => o.opinion === 'at_mmi' && (o.date ?? '') < (eDate ?? '')
    ? { at: o, by: treatingOps.find((n) => n.source === o.source && n.opinion === 'not_at_mmi' && (n.date ?? '') > (o.date ?? '') && (n.date ?? '') <= (eDate ?? '')) } : undefined)
    .find((w) => w?.by);
  const withdrawnFirst = withdrawal?.at;
  const withdrawnOn = withdrawal?.by;
  const conflicts = disagreements(ctx, withdrawal ? ops.filter((o) => !(o.source === withdrawal.at.source && (o.date ?? '') <= (withdrawal.by!.date ?? ''))) : ops, { at: true, date, chosen });
  // Another treating provider recommending surgery or an injection after the MMI disagrees in deed: shown once per kind.
  const shown = new Set<string>();
  for (const a of activeEvents(ctx)) {
    if (!eDate || !a.open || a.date < eDate || a.fact.encounterId === e.encounterId || ctx.providerOf(a.fact) === chosen.source) continue;
    // The plan and the order it derives ("RFA planned", "new treatment: RFA") are one disagreement.
    const key = `${ctx.providerOf(a.fact)}|${careModality(a.fact) ?? a.what}`;
    if (shown.has(key) || !/surg|inject|block|ablation|stimulator/.test(a.what)) continue;
    shown.add(key);
    conflicts.push(reason(`${when(ctx, a.fact)}: ${a.what}, after the MMI statement.`, [a.fact]));
  }
  const prior = withdrawnFirst && withdrawnOn ? (() => {
    const why = `${when(ctx, withdrawnOn.fact)} states the claimant is no longer at MMI.`;
    reasons.push(reason(`An earlier MMI (${when(ctx, withdrawnFirst.fact)}) was withdrawn: ${why}`, [withdrawnFirst.fact, withdrawnOn.fact]));
    return { date: withdrawnFirst.mmiDate ?? withdrawnFirst.date, statedBy: withdrawnFirst.source, reason: why, evidence: [...withdrawnFirst.evidence, ...withdrawnOn.evidence] };
  })() : undefined;
  return finish({
    status: 'explicit', date, statedBy: chosen.source, opinions: publicOpinions(ops), disputed: conflicts.length > 0 || !!prior,
    confidence: conflicts.length ? 0.8 : 0.95, reasons, conflicts, ...(prior ? { priorMmi: prior } : {}),
  });
}

/**
 * Of the MMI statements of one visit, the one to cite: a sentence that states it (not a form's question), giving its
 * date with the fewest other dates ("Clinical MMI: 11/28/2023" over a records review's list), else the fullest.
 */
function clearestStatement(facts: Statement[]): Statement {
  const quote = (x: Statement) => x.evidence[0]?.quote ?? '';
  const stated = facts.filter((x) => !/\?\s*$/.test(quote(x).trim()));
  const pool = stated.length ? stated : facts;
  const dateCount = (x: Statement) => quote(x).match(/\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g)?.length ?? 0;
  // The doctor's own words ("In my opinion he has reached MMI as of today, 01/17/2023") over a form's field.
  const own = (x: Statement) => (FIRST_PERSON.test(quote(x)) ? 0 : 1);
  // (One sentence naming two: "at MMI as of today's examination, and … reached MMI no later than 01/08/2024": today is
  // when it was found, the earlier date when it was reached.)
  const dated = pool.filter((x) => x.attributes.mmiDate).sort((x, y) => dateCount(x) - dateCount(y) || own(x) - own(y)
    || (quote(x) === quote(y) ? x.attributes.mmiDate!.localeCompare(y.attributes.mmiDate!) : 0));
  return dated[0] ?? pool.reduce((x, y) => (quote(y).length > quote(x).length ? y : x));
}
const FIRST_PERSON = /\b(?:in my (?:medical )?opinion|I (?:find|believe|feel|consider|have determined)|it is my opinion)\b/i;

function opinionOf(ops: Opinion[], f: Statement): Opinion {
  return ops.find((o) => o.fact === f)!;
}

/** The earlier MMI, kept and explained, with the verdict not_reached. */
/** Words that make a later statement an amendment of the source's own MMI date, not a restatement. */
const AMENDED = /\bamend\w*|\brevis\w*|\bcorrect\w*|\bsupersed\w*|\badopt\w*|\bper (?:the )?(?:EMA|QME|AME|arbiter|designated doctor|IRE)\b/i;

/** An examiner neither party chose (panel QME, AME, Florida EMA, medical arbiter, designated doctor, a Board-ordered SIME): not a party's IME. */
const NEUTRAL_EXAMINER = /\b(?:panel QME|QME|qualified medical evaluator|AME|agreed medical evaluator|expert medical advisor|EMA|medical arbiter|arbiter|designated doctor|impartial|impairment rating evaluat\w*|IRE|SIME|DIME|second independent medical evaluat\w*)\b/i;
/** A source's MMI said to rest on a neutral examiner's ("medically stable since 2022-2023 per SIME"). */
const ADOPTS_NEUTRAL = /\bper (?:the )?(?:SIME|DIME|EMA|QME|AME|(?:medical )?arbiter|designated doctor|IRE|referee)\b/i;
function neutralExaminer(ctx: CaseContext, o: Opinion): boolean {
  const e = ctx.encounterOf(o.fact);
  return o.role === 'designated_doctor' || (o.role === 'examining' && NEUTRAL_EXAMINER.test(`${e?.documentTitle ?? ''} ${e?.file ?? ''}`));
}

/**
 * An MMI withdrawn (by its author, or by new active care), unless the care given since has itself settled into a
 * plateau: then the pattern since decides (implied), and the withdrawn MMI is kept as the prior one.
 */
function withdrawnOrPlateauSince(ctx: CaseContext, ops: Opinion[], prior: Opinion, by: Fact, why: string): MmiAssessment {
  const since = inferMmi(ctx);
  const byDate = ctx.dateOf(by) ?? '';
  if (since.status !== 'implied' || !since.date || since.date <= byDate) return withdrawn(ctx, ops, prior, by, why);
  const priorDate = prior.mmiDate ?? prior.date;
  return {
    ...since,
    reasons: [...since.reasons, reason(`An earlier MMI (${when(ctx, prior.fact)}${priorDate ? `, as of ${priorDate}` : ''}) no longer holds: ${why} The care given since has reached its own plateau.`, [prior.fact, by])],
    opinions: publicOpinions(ops), disputed: true,
    priorMmi: { date: priorDate, statedBy: prior.source, reason: why, evidence: [...prior.evidence, ...by.evidence] },
  };
}

function withdrawn(ctx: CaseContext, ops: Opinion[], prior: Opinion, by: Fact, why: string): MmiAssessment {
  const priorDate = prior.mmiDate ?? prior.date;
  return finish({
    status: 'not_reached', confidence: 0.75, statedBy: ctx.providerOf(by),
    reasons: [
      reason(`${when(ctx, prior.fact)} (${SOURCE_ROLE_LABEL[prior.role]}) stated MMI${priorDate ? ` as of ${priorDate}` : ''}.`, [prior.fact]),
      reason(`${why} The earlier MMI no longer holds.`, [by]),
    ],
    // Withdrawn by its own author, the earlier MMI is history; contradicted by someone else, it is a standing conflict.
    conflicts: ctx.providerOf(by) === prior.source ? disagreements(ctx, ops, { at: false, chosen: prior, exclude: prior.source }) : disagreements(ctx, ops, { at: false }),
    opinions: publicOpinions(ops), disputed: true,
    priorMmi: { date: priorDate, statedBy: prior.source, reason: why, evidence: [...prior.evidence, ...by.evidence] },
  });
}

/**
 * Opinions that disagree with the verdict, once per source: a different answer, or an MMI date more than 30 days
 * away. Worded by role and date, never as "later contradicted" when the opinion was earlier or weaker.
 */
function disagreements(ctx: CaseContext, ops: Opinion[], verdict: { at: boolean; date?: string; chosen?: Opinion; exclude?: string }): Reason[] {
  const out: Reason[] = [];
  const seen = new Set<string>();
  // "[X] Yes, worker has reached MMI" on the form whose next line reads "Date MMI reached: 06/14/2023": the box is dated by its line.
  const datedThatDay = new Set(ops.filter((o) => o.mmiDate).map((o) => `${o.source}|${o.date}`));
  for (const o of [...ops].reverse()) {
    if (o.fact === verdict.chosen?.fact || o.source === verdict.exclude) continue;
    if (o.opinion === 'at_mmi' && !o.mmiDate && datedThatDay.has(`${o.source}|${o.date}`)) continue;
    const when_ = o.date ? ` on ${o.date}` : '';
    const oDate = o.mmiDate ?? o.date;
    let text: string | undefined;
    if (verdict.at && o.opinion === 'not_at_mmi' && (o.date ?? '') >= (verdict.date ?? '')) text = `${o.source} (${SOURCE_ROLE_LABEL[o.role]}) said the claimant was not at MMI${when_}.`;
    else if (verdict.at && o.opinion === 'at_mmi' && verdict.date && oDate && Math.abs(daysBetween(verdict.date, oDate)) > 30) text = `${o.source} (${SOURCE_ROLE_LABEL[o.role]}) gives a different MMI date: ${oDate}.`;
    else if (!verdict.at && o.opinion === 'at_mmi') text = `${o.source} (${SOURCE_ROLE_LABEL[o.role]}) found the claimant at MMI${oDate ? ` as of ${oDate}` : ''}.`;
    if (!text) continue;
    const key = `${o.source}|${o.opinion}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(reason(text, [o.fact]));
  }
  return out.reverse();
}

function majorityProvider(visits: Visit[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of visits) counts.set(v.provider, (counts.get(v.provider) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Whether an explicit MMI can stand on this source alone. Treating sources (and a jurisdiction's presumptive
 * examiner) decide; an examiner hired for the claim (IME, QME, CE) is weighed against the pattern of care.
 */
function decides(o: Opinion, state: string | undefined): boolean {
  const presumptive = presumptiveSource(state)?.role;
  return isTreatingRole(o.role) || o.role === presumptive || o.weight >= REFEREE_WEIGHT;
}

/**
 * Permanency ratings that disagree: the same impairment rated differently by two sources (an examiner's 20 % against
 * the attending's 35 %). Shown beside the MMI verdict because it is part of the same dispute over permanency.
 */
function ratingDisagreements(ctx: CaseContext): Reason[] {
  const latest = new Map<string, FactOf<'impairment_rating'>>();
  for (const f of ctx.of('impairment_rating')) {
    if (sourceRole(ctx.encounterOf(f)) === 'other_treating') continue;
    latest.set(ctx.providerOf(f), f);
  }
  const ratings = [...latest.entries()];
  const out: Reason[] = [];
  for (let i = 0; i < ratings.length; i++) for (let j = i + 1; j < ratings.length; j++) {
    const [a, fa] = ratings[i];
    const [b, fb] = ratings[j];
    if (fa.attributes.basis !== fb.attributes.basis || Math.abs(fa.attributes.percent - fb.attributes.percent) < 3) continue;
    out.push(reason(`Ratings differ: ${a} (${SOURCE_ROLE_LABEL[sourceRole(ctx.encounterOf(fa))]}) ${fa.attributes.percent} % against ${b} (${SOURCE_ROLE_LABEL[sourceRole(ctx.encounterOf(fb))]}) ${fb.attributes.percent} %.`, [fa, fb]));
  }
  return out.slice(0, 2);
}

const SSA_CLAIMS = new Set(['ssdi', 'ssi']);
/** Lifting limits this far apart are two opinions of what the claimant can do, not one restated. */
const LIFT_DISAGREEMENT_LB = 10;

/**
 * An examiner's or agency reviewer's lifting limit against the treating physician's standing one ("light work: 20 lb"
 * against "10 lb occasionally"): the disagreement on function a Social Security adjudicator weighs.
 */
function functionDisagreements(ctx: CaseContext): Reason[] {
  const lifts = ctx.of('limitation').filter((f) => f.attributes.source === 'provider' && f.attributes.activity === 'lift' && typeof f.attributes.limit === 'number');
  const outside = lifts.filter((f) => ['examining', 'non_examining', 'designated_doctor'].includes(sourceRole(ctx.encounterOf(f))));
  const treating = lifts.filter((f) => sourceRole(ctx.encounterOf(f)) === 'treating_physician');
  const e = outside.at(-1);
  const t = treating.filter((f) => f.evidence.some((x) => /permanent/i.test(x.quote))).at(-1) ?? treating.at(-1);
  if (!e || !t || Math.abs(Number(e.attributes.limit) - Number(t.attributes.limit)) < LIFT_DISAGREEMENT_LB) return [];
  const who = (f: Fact) => `${ctx.providerOf(f)} (${SOURCE_ROLE_LABEL[sourceRole(ctx.encounterOf(f))]})`;
  return [reason(`Lifting limits differ: ${who(t)} ${t.attributes.limit} lb against ${who(e)} ${e.attributes.limit} lb.`, [t, e])];
}

export function assessMmi(ctx: CaseContext): MmiAssessment {
  const base = assessMmiStatus(ctx);
  const ratings = base.status === 'explicit' || base.status === 'implied' ? ratingDisagreements(ctx) : [];
  // Social Security decides on function, whatever the MMI verdict: a disagreement on it is the claim's conflict.
  const functional = SSA_CLAIMS.has(ctx.claim.type) ? functionDisagreements(ctx) : [];
  const extra = [...ratings, ...functional];
  return extra.length ? { ...base, conflicts: [...base.conflicts, ...extra], disputed: true } : base;
}

/** "From an orthopaedic standpoint … MMI with respect to the fracture": an MMI limited to one discipline's care or one injury. */
const LIMITED_SCOPE = /\bfrom\s+an?\s+(?:orthop\w*|ortho|surgical|operative|hand(?:\s+surgery)?|spine(?:\s+surgery)?|neurosurgical|fracture|neurolog\w*|cognitive|vestibular|cardiac|cardiolog\w*|pulmonary|psychiatric|psycholog\w*)\s+(?:standpoint|perspective|point\s+of\s+view)\b|\b(?:MMI|maximum\s+medical\s+improvement)\s+(?:for|of|as\s+to)\s+(?:the\s+|her\s+|his\s+)?(?:left\s+|right\s+)?(?:wrist|hand|knee|shoulder|ankle|elbow|hip|foot|fracture)\b|\bwith\s+(?:respect|regard)\s+to\s+(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+){0,2}fractures?\b/i;
/** Another provider's care this soon after a limited MMI shows the claim itself is still being treated. */
const LIMITED_SCOPE_DAYS = 120;

/**
 * A treating MMI limited to one discipline or injury ("from an orthopaedic standpoint the fracture has reached MMI";
 * "ongoing CRPS care per pain management"), after which another treating provider goes on giving or planning active
 * care of the claim: the claim is not at MMI by that statement. It stays on record as an opinion (and a conflict).
 */
function disciplineLimited(ctx: CaseContext, ops: Opinion[]): Set<Opinion> {
  const limited = ops.filter((o) => o.opinion === 'at_mmi' && o.date && LIMITED_SCOPE.test(o.evidence[0]?.quote ?? ''));
  if (!limited.length) return new Set();
  // Another treating physician's last word on their part of the claim, shortly before or after, is "not at MMI"
  // (the neurologist's concussion beside the hand surgeon's wrist), and they never say otherwise later.
  const otherNotAt = (o: Opinion) => ops.some((n) => n.opinion === 'not_at_mmi' && n.source !== o.source && isTreatingRole(n.role) && n.date
    && Math.abs(daysBetween(o.date!, n.date)) <= LIMITED_SCOPE_DAYS && !ops.some((l) => l.source === n.source && l.opinion === 'at_mmi' && (l.date ?? '') > n.date!));
  // Care given or planned, or a drug started or changed, by someone else.
  const care = [...activeEvents(ctx).map((a) => a.fact), ...treatmentChanges(ctx)];
  return new Set(limited.filter((o) => otherNotAt(o) || care.some((f) => {
    const d = ctx.dateOf(f);
    return !!d && ctx.providerOf(f) !== o.source && d > o.date! && daysBetween(o.date!, d) <= LIMITED_SCOPE_DAYS && isTreatingRole(sourceRole(ctx.encounterOf(f)));
  })));
}

/** A payer's refusal that is final: upheld on independent review or appeal, or a resubmission refused again. */
const FINAL_REFUSAL = /\b(?:upheld|final (?:determination|decision)|appeal (?:denied|upheld)|re-?submi\w*|second (?:RFA|request)|again)\b/i;
/** The payer's refusals of an operation, as they were written. */
const surgeryRefusals = (ctx: CaseContext) => ctx.of('treatment').filter((f) => f.attributes.modality === 'surgery' && f.attributes.status === 'denied' && f.temporality === 'current');
const earliestDate = (ctx: CaseContext, facts: Fact[]) => facts.map((f) => ctx.dateOf(f)).filter((d): d is string => !!d).sort()[0];
/** The day the payer's refusal of the operation became final, if it did. */
const finalRefusal = perCase((ctx: CaseContext): string | undefined => earliestDate(ctx, surgeryRefusals(ctx).filter((f) => FINAL_REFUSAL.test(f.evidence[0]?.quote ?? ''))));
/** The day the payer first refused the operation (a refusal that later became final). */
function firstRefusal(ctx: CaseContext): string | undefined {
  return earliestDate(ctx, surgeryRefusals(ctx));
}
/** An operation still offered after the payer finally refused it ("I would still recommend it if it were authorized"): no decision waits on it. */
function offersRefusedOperation(ctx: CaseContext, f: Fact): boolean {
  const refusedOn = finalRefusal(ctx);
  const target = f.type === 'plan_signal' ? targetModality(f.attributes.target) : f.type === 'treatment' ? f.attributes.modality : undefined;
  return !!refusedOn && target === 'surgery' && (ctx.dateOf(f) ?? '') > refusedOn;
}
/**
 * A treating "not at MMI" given after the payer finally refused the operation it waits for ("not P&S, as definitive
 * treatment has not been provided", the visit still recommending the osteotomy "if it were authorized"), with no other
 * active care given since: the claim is held open for care that will not come, so the statement is listed as a
 * conflicting opinion and does not by itself keep MMI open (as a "not at MMI" resting on supportive care does not).
 */
const restsOnRefusedCare = perCase((ctx: CaseContext): ((s: Fact) => boolean) => {
  const refusedOn = finalRefusal(ctx);
  if (!refusedOn) return () => false;
  const givenSince = ctx.of('treatment').filter((f) => ACTIVE_MODALITIES.has(f.attributes.modality) && f.attributes.modality !== 'surgery'
    && GIVEN.has(f.attributes.status) && f.temporality === 'current' && (ctx.dateOf(f) ?? '') > refusedOn && isTreatingRole(sourceRole(ctx.encounterOf(f))))
    .map((f) => ctx.dateOf(f)!).sort()[0];
  // (The visit's own mention of the operation may be conditional: "I would still recommend it if it were authorized".)
  const surgeryAt = new Set([...ctx.of('treatment', true).filter((f) => f.attributes.modality === 'surgery' && f.attributes.status !== 'performed'),
    ...ctx.plannedLater.filter((f) => targetModality(f.attributes.target) === 'surgery')].map((f) => f.encounterId));
  return (s) => s.type === 'mmi_statement' && s.attributes.kind === 'not_at_mmi' && (ctx.dateOf(s) ?? '') > refusedOn
    && (!givenSince || (ctx.dateOf(s) ?? '') < givenSince) && surgeryAt.has(s.encounterId) && isTreatingRole(sourceRole(ctx.encounterOf(s)));
});

/** Each source's last "not at MMI" that waits only for a finally refused operation. */
function heldOpenFor(ctx: CaseContext, ops: Opinion[]): Opinion[] {
  const refused = restsOnRefusedCare(ctx);
  return [...new Map(ops.filter((o) => o.opinion === 'not_at_mmi' && refused(o.fact)).map((o) => [o.source, o] as const)).values()];
}
function heldOpenConflict(ctx: CaseContext, o: Opinion): Reason {
  return reason(`${when(ctx, o.fact)} (${SOURCE_ROLE_LABEL[o.role]}) says the claimant is not at MMI, waiting for an operation the payer has finally refused; no other active care has been given since.`, [o.fact]);
}

function assessMmiStatus(ctx: CaseContext): MmiAssessment {
  const statements = ctx.of('mmi_statement', true);
  const ops = opinionsOf(ctx, statements);
  const deciding = ops.filter((o) => decides(o, ctx.claim.state));
  const scoped = disciplineLimited(ctx, ops);
  // (An examiner's MMI decides only beside a deciding source's own MMI; against a treating "not at MMI" alone it is a
  // conflict, and the pattern of care decides.)
  const explicit = explicitAssessment(ctx, deciding.some((o) => !scoped.has(o) && o.opinion === 'at_mmi') ? ops.filter((o) => !scoped.has(o)) : []);
  const inferred = inferMmi(ctx);
  if (explicit && !restatesEarlierPlateau(ops, explicit, inferred)) return explicit;
  const examinerAt = ops.filter((o) => o.opinion === 'at_mmi' && !decides(o, ctx.claim.state) && o.date);
  // No treating source states MMI and the pattern of care cannot be read: the examiner's opinion is what there is.
  // A reviewer who never saw the claimant is not enough for that; the opinion stays a conflict.
  const examinedAt = examinerAt.filter((o) => o.role !== 'non_examining');
  if (inferred.status === 'insufficient_evidence' && examinedAt.length) {
    const fromExaminer = explicitAssessment(ctx, ops.filter((o) => o.role !== 'non_examining'));
    if (fromExaminer) {
      return {
        ...fromExaminer, confidence: Math.min(fromExaminer.confidence, 0.6),
        reasons: [...fromExaminer.reasons, reason('No treating source states MMI and the treatment record is too thin to infer it; this rests on an examination for the claim alone.',
          examinedAt.map((o) => o.fact).slice(0, 1))],
      };
    }
  }
  // The treating record shows the plateau but no treating source ever addresses MMI, and an examiner neither party
  // chose (a Bureau-designated IRE physician, an EMA) finds it: that explicit finding, consistent with the record, is
  // where the record stands; the pattern of care supports it.
  // (A treating "not at MMI" that waits only for an operation the payer has finally refused addresses nothing else.)
  // (Then an examiner's MMI given while the payer's refusal was under appeal counts from the first refusal: the visits
  // between waited only for that answer.)
  const refused = restsOnRefusedCare(ctx);
  const heldOpen = heldOpenFor(ctx, ops);
  const from = heldOpen.length ? firstRefusal(ctx) ?? inferred.date : inferred.date;
  const neutral = inferred.status === 'implied' && from && !ops.some((o) => isTreatingRole(o.role) && !(o.opinion === 'not_at_mmi' && refused(o.fact)))
    ? ops.filter((o) => o.opinion === 'at_mmi' && neutralExaminer(ctx, o) && (o.mmiDate ?? o.date ?? '') >= from).at(-1) : undefined;
  if (neutral) {
    const fromExaminer = explicitAssessment(ctx, [neutral]);
    if (fromExaminer) {
      return {
        ...fromExaminer, confidence: Math.min(fromExaminer.confidence, heldOpen.length ? 0.75 : 0.8), opinions: publicOpinions(ops),
        reasons: [...fromExaminer.reasons, { text: `${heldOpen.length ? 'No treating source addresses MMI except to wait for an operation the payer has finally refused' : 'No treating source addresses MMI'}; the treating record's own pattern of care shows the plateau from ${inferred.date}, consistent with this finding.`, evidence: inferred.reasons.flatMap((r) => r.evidence).slice(0, 4) }],
        ...(heldOpen.length ? { disputed: true, conflicts: [...fromExaminer.conflicts, ...heldOpen.map((o) => heldOpenConflict(ctx, o))] } : {}),
      };
    }
  }
  const stalled = inferred.status === 'not_reached' ? notAtWithoutCare(ctx, ops) : undefined;
  if (stalled) {
    const fromExaminer = explicitAssessment(ctx, ops.filter((o) => o.role === stalled.examiner.role && o.opinion === 'at_mmi'));
    if (fromExaminer) {
      return {
        ...fromExaminer, confidence: Math.min(fromExaminer.confidence, 0.65), opinions: publicOpinions(ops), disputed: true,
        reasons: [...fromExaminer.reasons, reason(stalled.why, [stalled.treating.fact])],
        conflicts: [...fromExaminer.conflicts, ...disagreements(ctx, ops, { at: true, date: fromExaminer.date, chosen: stalled.examiner })],
      };
    }
  }
  // Opinions that disagree with an inferred verdict are still shown: an examiner's MMI against active treatment or
  // against a record too thin to decide, or an examiner's date far from the one the pattern of care gives.
  const extra = disagreements(ctx, ops, { at: inferred.status === 'implied', date: inferred.date });
  const supporting = inferred.status === 'implied' && inferred.date
    ? examinerAt.filter((o) => Math.abs(daysBetween(inferred.date!, o.mmiDate ?? o.date!)) <= 30) : [];
  const reasons = supporting.length
    ? [...inferred.reasons, reason(`${supporting.map((o) => `${o.source} (${SOURCE_ROLE_LABEL[o.role]})`).join('; ')} also found MMI at about this date.`, supporting.map((o) => o.fact))]
    : inferred.reasons;
  // A part's or discipline's MMI set aside is shown as the conflict it is, saying why it does not decide.
  const limitedText = (c: Reason) => {
    const o = [...scoped].find((x) => c.evidence.some((e) => x.evidence.some((y) => y.file === e.file && y.start === e.start)));
    return o ? { ...c, text: `${when(ctx, o.fact)} states MMI for one part or discipline only ("${shortQuote(o.fact, 90)}"), while another part of the claim was still being treated or was not at MMI; it is not the claim's MMI.` } : c;
  };
  const prior = inferred.status === 'not_reached' && !inferred.priorMmi ? withdrawnByItsAuthor(ctx, ops) : undefined;
  return { ...inferred, reasons, opinions: publicOpinions(ops), disputed: extra.length > 0 || inferred.disputed || !!prior, conflicts: [...inferred.conflicts, ...extra.map(limitedText)], ...(prior ? { priorMmi: prior } : {}) };
}

/**
 * "Not at MMI. Consider SCS trial." at every visit for a year, while nothing is given, booked or appealed: the treating
 * physician's opinion rests on care only contemplated. An examiner (IRE, IME) who finds MMI in that stretch is then
 * where the record stands; the treating opinion stays on record as the conflict.
 */
function notAtWithoutCare(ctx: CaseContext, ops: Opinion[]): { examiner: Opinion; treating: Opinion; why: string } | undefined {
  const examiner = ops.filter((o) => o.opinion === 'at_mmi' && (o.role === 'examining' || o.role === 'designated_doctor') && o.date).at(-1);
  const treatingNot = ops.filter((o) => o.opinion === 'not_at_mmi' && o.role === 'treating_physician' && o.date);
  if (!examiner || treatingNot.length < MIN_REPEATED_NOT_AT) return undefined;
  const first = treatingNot[0].date!;
  const last = treatingNot.at(-1)!;
  if (first > examiner.date! || daysBetween(first, last.date!) < STALLED_DAYS) return undefined;
  const active = activeEvents(ctx);
  // Care given in the year before the examination or since, or a step booked, authorised or under appeal, is care.
  if (active.some((a) => !a.open && daysBetween(a.date, examiner.date!) <= STALLED_DAYS * 2)) return undefined;
  if (active.some((a) => a.open && a.date >= first && PURSUED.test(a.fact.evidence[0]?.quote ?? ''))) return undefined;
  const open = [...new Set(active.filter((a) => a.open && a.date >= first).map((a) => careModality(a.fact)).filter((m): m is Modality => !!m))].map(modalityWords);
  return {
    examiner, treating: last,
    why: `${last.source} (treating physician) writes "not at MMI" from ${first} to ${last.date}, but nothing was given, booked, authorised or appealed in that time${open.length ? ` (only contemplated: ${open.slice(0, 3).join('; ')})` : ''}; the examiner's finding rests on an unchanged record.`,
  };
}
/** A treating "not at MMI" repeated this often, over this long, with no care behind it. */
const MIN_REPEATED_NOT_AT = 3;
const STALLED_DAYS = 180;
/** A step actually pursued: booked, authorised or under appeal. */
const PURSUED = /\b(?:scheduled|booked|authori[sz]ed|approved|appeal\w*|IMR|independent medical review|reconsideration|petition\w*|pre-?cert\w*|submitted)\b/i;

/**
 * A treating source's MMI that the same source later withdrew ("my prior MMI determination is withdrawn; she is not
 * at MMI"), when that source's opinion did not decide the claim (a chiropractor's, a nurse practitioner's): kept as
 * the prior MMI beside a verdict of not reached.
 */
function withdrawnByItsAuthor(ctx: CaseContext, ops: Opinion[]): MmiAssessment['priorMmi'] {
  const treating = ops.filter((o) => isTreatingRole(o.role));
  // Each source's latest "not at MMI": an MMI after it was never withdrawn, and is passed over without a search.
  const lastNotAt = new Map<string, string>();
  for (const o of treating) if (o.opinion === 'not_at_mmi') lastNotAt.set(o.source, o.date ?? '');
  for (const last of [...treating].reverse().filter((o) => o.opinion === 'at_mmi')) {
    if ((lastNotAt.get(last.source) ?? '') <= (last.date ?? '')) continue;
    const by = treating.find((o) => o.opinion === 'not_at_mmi' && o.source === last.source && (o.date ?? '') > (last.date ?? ''))!;
    // "Remains at MMI" restates it; the latest statement that dates the MMI ("reached MMI on 03/04/2024") says when.
    const at = treating.filter((o) => o.source === last.source && o.opinion === 'at_mmi' && o.mmiDate && (o.date ?? '') <= (last.date ?? '')).at(-1) ?? last;
    const why = `${when(ctx, by.fact)} states the claimant is no longer at MMI.`;
    return { date: at.mmiDate ?? at.date, statedBy: at.source, reason: why, evidence: [...at.evidence, ...by.evidence] };
  }
  return undefined;
}

/** Earlier recommendations that never started: this many make one more referral a repetition, not a plan. */
const MIN_LAPSED_REFERRALS = 2;
/** How long before a repeated referral an earlier one must be to count as having lapsed. */
const LAPSE_DAYS = 60;
/** The distinct days, well before `before`, on which this kind of care was recommended, planned or referred for. */
function recommendedDates(ctx: CaseContext, m: Modality, before: string): string[] {
  const days = new Set<string>();
  const since = claimedPeriodStart(ctx);
  for (const f of [...ctx.of('treatment'), ...ctx.of('plan_signal')]) {
    const d = ctx.dateOf(f);
    if (!d || daysBetween(d, before) < LAPSE_DAYS || (since && d < since)) continue;
    const asked = f.type === 'treatment' ? f.attributes.modality === m && (f.attributes.status === 'recommended' || f.attributes.status === 'planned')
      : (f.attributes.signal === 'referral' || f.attributes.signal === 'new_treatment') && careModality(f) === m;
    if (asked) days.add(d);
  }
  return [...days].sort();
}

/**
 * Whether every maintenance visit's author leaves the condition to someone whose records the file lacks: the last such
 * deferral, when neither the named doctor nor the named discipline (any surgeon or pain physician, for "a specialist")
 * has a note in the file.
 */
function deferredToAbsentSource(ctx: CaseContext, maintenance: Visit[]): FactOf<'plan_signal'> | undefined {
  const deferrals = ctx.of('plan_signal').filter((f) => f.attributes.signal === 'managed_elsewhere' && f.attributes.target);
  if (!deferrals.length) return undefined;
  const deferring = new Set(deferrals.map((f) => ctx.providerOf(f)));
  if (!maintenance.every((v) => deferring.has(v.provider))) return undefined;
  const notes = [...ctx.encounters.values()].filter((e) => e.source !== 'ledger' && e.kind !== 'billing');
  const present = (target: string) => {
    const surname = /\bDr\.?\s+([A-Z][A-Za-z'-]+)/.exec(target)?.[1];
    if (surname) return notes.some((e) => new RegExp(`\\b${surname}\\b`).test(e.provider.name ?? ''));
    const family = /neurosurg/i.test(target) ? 'neurosurgery' : /ortho/i.test(target) ? 'orthopedic' : /pain/i.test(target) ? 'pain' : undefined;
    return notes.some((e) => (family ? e.specialty.includes(family) : specialtyIs(e.specialty, 'surgical') || e.specialty === 'pain_management'));
  };
  return deferrals.every((f) => !present(f.attributes.target!)) ? deferrals.at(-1) : undefined;
}

/** How long the file must run on after the last treating visit for a plan it only recommended to count as not taken up. */
const UNTAKEN_PLAN_SILENCE_DAYS = 90;
/** How long the file must run on after the last treating visit, with no care recorded, for the care under way then to have stopped. */
const LAPSED_CARE_DAYS = 180;
/** Billed dates after the last note, and how far past it they run, before the bills say the notes stopped while care went on. */
const MIN_UNDOCUMENTED_DATES = 3;
const UNDOCUMENTED_SPAN_DAYS = 60;
/** "Abram S. Feld, MD (neurology/EMG)" → "Feld": the surname a practice's bills carry. */
function surnameOf(provider: string): string | undefined {
  const words = provider.replace(/\(.*?\)/g, ' ').split(',')[0].split(/\s+/).filter((w) => /^[A-Z][a-z'-]{2,}$/.test(w) && !/^(?:Dr|the|The)$/.test(w));
  return words.length >= 2 ? words.at(-1)!.replace(/[^A-Za-z'-]/g, '') : undefined;
}
/** Procedures whose relief is temporary and judged as it wears off: the visit soon after reports it, it does not settle care. */
const RESPONSE_JUDGED = new Set<Modality>(['epidural_injection', 'facet_injection', 'medial_branch_block', 'radiofrequency_ablation', 'si_joint_injection']);
/** Words that report how a drug did. */
const DRUG_EFFECT = /\b(?:better|helps?|helped|helping|relief|improved|no (?:benefit|help|change|effect)|not help\w*|did not tolerate|side effects?)\b/i;
/** How soon after such a procedure a visit is its response check. */
const RESPONSE_CHECK_DAYS = 60;

/** How soon a drug tried must be given up for the trial to count as one that failed, leaving the regimen as it was. */
const FAILED_TRIAL_DAYS = 120;
/**
 * A drug tried and given up within weeks, once maintenance visits had already begun, leaves the regimen where it was:
 * the phase goes on ("trial duloxetine 30 mg" by the PCP, "stopped duloxetine after 3 weeks - nausea, no benefit", a
 * year after the surgeon found nothing more to offer). Tried before any phase had settled, it is one more step of care.
 */
function withoutFailedTrials(ctx: CaseContext, changes: Fact[], lastActiveDate: string | undefined): Fact[] {
  const params = ctx.profile.params;
  const stops = ctx.of('treatment').filter((f) => f.attributes.modality === 'medication' && f.attributes.drug
    && (f.attributes.doseChange === 'stopped' || f.attributes.status === 'discontinued'));
  const settled = (before: string) => {
    const phase = maintenanceVisits(ctx).filter((v) => (!lastActiveDate || v.date > lastActiveDate) && v.date < before);
    return phase.length >= params.minMaintenanceVisits;
  };
  return changes.filter((f) => {
    const start = ctx.dateOf(f);
    if (f.type !== 'treatment' || f.attributes.doseChange !== 'started' || !f.attributes.drug || !start) return true;
    const drug = f.attributes.drug.toLowerCase();
    const given = stops.some((g) => g.attributes.drug?.toLowerCase() === drug && (ctx.dateOf(g) ?? '') > start && daysBetween(start, ctx.dateOf(g)!) <= FAILED_TRIAL_DAYS);
    return !(given && settled(start));
  });
}

/** What the pattern of care shows, read once per case (the explicit assessment asks it too, when an MMI was broken). */
const inferMmi = perCase((ctx) => readPatternOfCare(ctx, ctx.of('mmi_statement', true)));

function readPatternOfCare(ctx: CaseContext, statements: Statement[]): MmiAssessment {
  const params = ctx.profile.params;
  const visits = ctx.visits;
  const lastVisit = visits[visits.length - 1]?.date;
  const active = activeEvents(ctx);
  const lastActive = active[active.length - 1];
  const changes = withoutFailedTrials(ctx, treatmentChanges(ctx), lastActive?.date);
  const lastChange = changes.at(-1);
  // A symptom reliever's dose adjusted at a maintenance visit is part of that visit's regimen: the visit itself can open
  // the phase. A new drug started or switched to (or planned as new), or a course-changing drug raised ("increase
  // gabapentin to 600 mg TID"), is a trial whose effect the next visit shows: the phase opens after it.
  const changeDate = lastChange && ctx.dateOf(lastChange);
  const trial = changes.some((f) => ctx.dateOf(f) === changeDate
    && (f.type === 'plan_signal' || (f.type === 'treatment' && (f.attributes.doseChange === 'started' || f.attributes.doseChange === 'switched'
      || (f.attributes.doseChange === 'increased' && !SYMPTOM_RELIEVERS.has(f.attributes.drugClass ?? '')) || bridgeTaper(f)
      || psychotropicLowered(ctx, f)))));
  // A consultation that closes active care ("exhausted the interventional options; continue the current regimen for
  // maintenance") is itself the first visit of the maintenance phase; a procedure is not.
  const closing = lastActive && /consult/i.test(lastActive.what)
    && visits.some((v) => v.date === lastActive.date && v.facts.some((f) => f.type === 'plan_signal' && CLOSING_SIGNALS.has(f.attributes.signal) && f.temporality === 'current' && !f.negated));
  // A surgical opinion booked for a date ("surgical consult set for 05/14") is awaited until that date, even when no
  // record of it follows: the visits before it are waiting for the decision, not yet the maintenance phase.
  // (Procedures are left to their own records: a booked injection may be a flare's, or never given.)
  const copied = copiedForward(ctx);
  const pendingUntil = ctx.of('treatment').filter((f) => f.attributes.status === 'planned' && f.attributes.modality === 'surgical_consultation'
    && !copied(f) && !CANCELLED.test(f.evidence[0]?.quote ?? '')
    && f.dateSource === 'sentence' && (ctx.dateOf(f) ?? '') > (ctx.encounterOf(f)?.date ?? '9999') && (ctx.dateOf(f) ?? '') <= (lastVisit ?? ''))
    .map((f) => ctx.dateOf(f)!).sort().at(-1);
  const after = visits.filter((v) => (!lastActive || v.date > lastActive.date || (closing && v.date === lastActive.date)) && (!changeDate || v.date > changeDate || (!trial && v.date === changeDate))
    && (!pendingUntil || v.date >= pendingUntil));
  const activeAt = new Set(active.filter((a) => !(closing && a.date === lastActive.date)).map((a) => `${a.date}|${ctx.providerOf(a.fact)}`));
  // (A "not at MMI" whose only ground is periodic supportive care describes the maintenance phase: it is listed, not weighed.)
  const refused = restsOnRefusedCare(ctx);
  // (An examiner's or a retained expert's "not at MMI" is a conflict to report, not the pattern of care: the verdict
  // follows what the treating sources say and do.)
  const template = templateNotAt(ctx);
  const notAt = statements.filter((s) => s.attributes.kind === 'not_at_mmi' && !restsOnMaintenanceCare(s.evidence[0]?.quote ?? '') && !refused(s) && !template(s)
    && isTreatingRole(sourceRole(ctx.encounterOf(s))));
  // "He has not reached a plateau; I would reassess at one year": the treating physician's own next visit, not the
  // visits in between, is where a maintenance phase can begin.
  const lastTreatingNot = notAt.filter((s) => ctx.dateOf(s) && sourceRole(ctx.encounterOf(s)) === 'treating_physician').at(-1);
  // Likewise a surgical consultation that did not close active care is answered at the surgeon's next visit, and a
  // treating physician's "too early to judge the effect of CPAP" at that physician's next visit.
  const openConsult = lastActive && !closing && /consult/i.test(lastActive.what) ? lastActive.fact : undefined;
  // (Said since the last active step: one said before it was about care that step superseded.)
  const lastPending = ctx.of('plan_signal').filter((f) => f.attributes.signal === 'response_pending' && f.temporality === 'current'
    && sourceRole(ctx.encounterOf(f)) === 'treating_physician' && (ctx.dateOf(f) ?? '') >= (lastActive?.date ?? '')).at(-1);
  const reassessFrom = [lastTreatingNot, openConsult, lastPending].filter((f): f is Fact => !!f && !!ctx.dateOf(f));
  // A trial's effect is judged by its prescriber or the prescribing discipline (the neurologist for a migraine
  // preventive): another discipline's visits in between do not open the phase.
  // Whoever has managed the drug judges it: the pain doctor who started duloxetine as well as the PCP who raised it.
  const trialFact = trial ? changes.filter((f) => ctx.dateOf(f) === changeDate).at(-1) : undefined;
  const drugOf = (f: Fact) => (f.type === 'treatment' ? f.attributes.drug : f.type === 'plan_signal' ? f.attributes.target : undefined);
  const managers = trialFact ? changes.filter((f) => f === trialFact || (drugOf(f) && drugOf(f) === drugOf(trialFact))) : [];
  const managerNames = new Set(managers.map((f) => ctx.providerOf(f)));
  const managerSpecialties = new Set(managers.map((f) => ctx.encounterOf(f)?.specialty).filter((sp) => sp && sp !== 'unknown'));
  // Or by any treating visit that reports how the drug did ("Duloxetine added by PCP in April - sleeping a little better").
  const trialDrug = trialFact && drugOf(trialFact)?.toLowerCase();
  const reportsEffect = (v: Visit) => !!trialDrug && v.facts.some((f) => {
    const q = (f.evidence[0]?.quote ?? '').toLowerCase();
    return q.includes(trialDrug) && DRUG_EFFECT.test(q);
  });
  // (A prescriber not seen again within twice the active-recency window, about six months, is not waited for.)
  // (Nor is a pain reliever taken as needed, "start tramadol 50 mg every 8 hours as needed": it eases the pain it meets,
  // it is not a trial whose effect decides what comes next.)
  const asNeeded = trialFact?.type === 'treatment' && PAIN_RELIEVER.test(trialFact.attributes.drugClass ?? '') && AS_NEEDED.test(trialFact.evidence[0]?.quote ?? '');
  const judgedBy = trialFact && !asNeeded && visits.find((v) => v.date > changeDate! && isTreatingVisit(v, ctx.notConditionCare)
    && (managerNames.has(v.provider) || v.encounters.some((e) => managerSpecialties.has(e.specialty)) || reportsEffect(v)));
  const trialJudgedAt = judgedBy && daysBetween(changeDate!, judgedBy.date) <= 2 * params.activeRecencyDays ? judgedBy.date : undefined;
  const reassessedAt = [...reassessFrom.map((f) => visits.find((v) => v.date > ctx.dateOf(f)! && v.provider === ctx.providerOf(f))?.date), trialJudgedAt]
    .filter((d): d is string => !!d).sort().at(-1);
  // "If stable at next visit, will transition to maintenance follow-up": the treating physician says the phase has
  // not begun yet; it can begin at the next visit at the earliest.
  const transitionLater = ctx.plannedLater.filter((f) => f.attributes.signal === 'maintenance_care'
    && WILL_TRANSITION.test(f.evidence[0]?.quote ?? '') && sourceRole(ctx.encounterOf(f)) === 'treating_physician').map((f) => ctx.dateOf(f)).filter((d): d is string => !!d).sort().at(-1);
  const candidates = maintenanceVisits(ctx).filter((v) => after.includes(v) && !activeAt.has(`${v.date}|${v.provider}`) && (!reassessedAt || v.date >= reassessedAt)
    && (!transitionLater || v.date > transitionLater));
  // The follow-up weeks after an injection or ablation reports the relief while it lasts ("about 50% better"): whether
  // another is given is decided when it wears off, so that visit is the procedure's response check, not yet maintenance.
  const responseCheck = lastActive && !lastActive.open && lastActive.fact.type === 'treatment' && RESPONSE_JUDGED.has(lastActive.fact.attributes.modality)
    && candidates.length > params.minMaintenanceVisits && daysBetween(lastActive.date, candidates[0].date) <= RESPONSE_CHECK_DAYS
    && candidates[0].facts.some((f) => f.type === 'benefit' || (f.type === 'outcome_measure' && /\b(?:better|relief|response|improved)\b/i.test(f.evidence[0]?.quote ?? '')))
    // (Unless that visit itself settles the plan: "no further procedures; maintenance medications".)
    && !candidates[0].facts.some((f) => f.type === 'plan_signal' && (CLOSING_SIGNALS.has(f.attributes.signal) || END_OF_OPTIONS.has(f.attributes.signal)));
  // (Unless the relief it reports held: pain and function measured there are where the later visits find them, so no
  // wearing off was waited for and that visit was already the plateau.)
  const reliefHeld = responseCheck && reliefHeldFrom(ctx, candidates[0].date);
  const quiet = responseCheck && !reliefHeld ? candidates.slice(1) : candidates;
  // "Transition to maintenance", "the current regimen is his maintenance regimen": the treating physician marks where
  // the phase begins, at a visit soon after the first quiet one; the visits before it still carried the regimen being set.
  const declaredAt = quiet.findIndex((v, i) => i > 0 && daysBetween(quiet[0].date, v.date) <= DECLARED_PHASE_DAYS
    && v.facts.some((f) => f.type === 'plan_signal' && f.attributes.signal === 'maintenance_care' && f.temporality === 'current' && !f.negated
      && PHASE_DECLARED.test(f.evidence[0]?.quote ?? '') && sourceRole(ctx.encounterOf(f)) === 'treating_physician'));
  const declared = declaredAt > 0 ? quiet.slice(declaredAt) : [];
  const maintenance = declared.length >= params.minMaintenanceVisits && daysBetween(declared[0].date, declared.at(-1)!.date) >= params.minMaintenanceDays ? declared : quiet;
  // A "not at MMI" long before the record ends says nothing about where the claimant stands now.
  const lastNotAny = notAt[notAt.length - 1];
  const lastNot = lastNotAny && lastVisit && daysBetween(ctx.dateOf(lastNotAny) ?? lastVisit, lastVisit) <= 180 ? lastNotAny : undefined;

  // Emergency and urgent-care contacts, film reads and examinations for the claim are not a course of treatment.
  // Administrative papers carry no facts: a claim letter naming the treating doctor is not a visit to him.
  const treating = visits.filter((v) => isTreatingVisit(v, ctx.notConditionCare));
  const openNearEnd = lastVisit ? active.some((a) => a.open && a.date <= lastVisit && daysBetween(a.date, lastVisit) <= params.activeRecencyDays
    && !ctx.notConditionCare.has(ctx.encounterOf(a.fact)?.specialty ?? 'unknown') && /surg|inject|block|ablation|stimulator/i.test(a.what)) : false;
  if (treating.length < MIN_TREATING_VISITS && !openNearEnd) {
    const other = visits.length - treating.length;
    return finish({
      status: 'insufficient_evidence', confidence: 0.3, conflicts: [],
      reasons: [reason(
        `Only ${treating.length} treating visit${treating.length === 1 ? '' : 's'} for the condition${treating.length ? ` (${treating.map((v) => `${v.date} ${v.provider}`).join('; ')})` : ''}${other ? ` and ${other} emergency, imaging or examination contact${other === 1 ? '' : 's'}` : ''}. `
        + 'Neither a course of active treatment nor a maintenance phase can be seen, and no treating source states MMI. To decide, the record needs current treating notes, the results of the recommended work-up, or a treating opinion on MMI.',
        visits.flatMap((v) => v.facts.slice(0, 1)).slice(0, 4),
      )],
    });
  }

  // A thin record in which no active treatment was ever given (only recommended, denied or never scheduled), and no
  // procedure is firmly planned at its end, shows no response to treatment: refill visits after nothing was tried are
  // not a plateau, so there is nothing yet to judge MMI by.
  const given = carriedThrough(ctx);
  // Unless a treating source has itself called the care maintenance or closed the options (declined surgery, not a
  // candidate, nothing further to offer): then the maintenance visits that follow are a plateau after all.
  const settled = ctx.asserted.some((f) => f.type === 'plan_signal' && (END_OF_OPTIONS.has(f.attributes.signal) || f.attributes.signal === 'maintenance_care'));
  // However many such visits there are, when nothing was ever tried, not even a change of medication, the condition is
  // untreated, not at a plateau after treatment.
  const untried = !given && !changes.some((f) => !ctx.claim.onset || (ctx.dateOf(f) ?? '') >= ctx.claim.onset);
  // (Unless the last visit sets the care going again on a set day: "PT: resume 2x/week starting next Monday".)
  const restartSet = treating.at(-1)?.facts.some((f) => f.type === 'treatment' && ACTIVE_MODALITIES.has(f.attributes.modality)
    && (f.attributes.status === 'recommended' || f.attributes.status === 'planned') && f.temporality === 'current' && START_SET.test(f.evidence[0]?.quote ?? ''));
  if (!given && !openNearEnd && !restartSet && (treating.length <= THIN_RECORD_VISITS || untried) && (!maintenance.length || !settled)) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `No course of active treatment has been carried through for the condition (${treating.length} treating visit${treating.length === 1 ? '' : 's'}; what was recommended was not carried out, or stopped after a few sessions), so there is no response to treatment and no maintenance phase to judge MMI by. `
        + 'To decide, the record needs the recommended care (or the reason it cannot be given) and a treating opinion on whether further improvement is expected.',
        [...(lastActive ? [lastActive.fact] : []), ...treating.slice(-1).flatMap((v) => v.facts.slice(0, 1))],
      )],
    });
  }

  // Nothing active was ever given, and the treating source closed the claimant's care because the claimant stopped
  // coming ("administratively discharged for non-engagement"): the trials were never carried through and nobody has
  // seen the claimant since, so neither a plateau nor care still under way can be shown.
  // (The first of the closing note's words: "Reason for discharge: non-engagement" before "not seen since".)
  const closings = ctx.of('plan_signal').filter((f) => f.attributes.signal === 'disengaged' && isTreatingRole(sourceRole(ctx.encounterOf(f))));
  const disengaged = closings.find((f) => ctx.dateOf(f) === ctx.dateOf(closings.at(-1)!));
  const disengagedOn = disengaged && ctx.dateOf(disengaged);
  if (!given && !openNearEnd && disengaged && disengagedOn && !notAt.some((s) => (ctx.dateOf(s) ?? '') > disengagedOn)
    && !treating.some((v) => v.date > disengagedOn && v.provider === ctx.providerOf(disengaged))) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `No active treatment was carried through: ${when(ctx, disengaged)} closed the claimant's care for non-engagement ("${shortQuote(disengaged, 120)}"), and no later record shows the care resumed. `
        + 'There is neither a response to treatment nor a maintenance phase to judge MMI by. To decide, the record needs the claimant back in care (or the reason care could not be kept up) and a treating opinion on whether further improvement is expected.',
        [disengaged],
      )],
    });
  }

  // Nothing active was ever given, and what is open at the end is care already recommended again and again without
  // ever starting ("PT referral #3"): one more referral is not care under way, and there is no response to judge.
  const recentOpen = active.filter((a) => a.open && lastVisit && daysBetween(a.date, lastVisit) <= params.activeRecencyDays);
  const askedBefore = recentOpen.map((a) => {
    const m = careModality(a.fact);
    return m && !isIn(m, 'procedure') && m !== 'surgical_consultation' ? recommendedDates(ctx, m, a.date) : [];
  });
  const unstarted = recentOpen.length > 0 && askedBefore.every((days) => days.length >= MIN_LAPSED_REFERRALS);
  if (!given && !openNearEnd && unstarted && !notAt.some((s) => (ctx.dateOf(s) ?? '') >= recentOpen[0].date)) {
    const m = careModality(recentOpen[0].fact)!;
    const earlier = askedBefore[0];
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `No course of active treatment has been carried through: ${modalityWords(m)} was recommended on ${earlier.join(', ')} and again ${when(ctx, recentOpen[0].fact)}, and never started. `
        + 'Another referral is not care under way, and there is no response to treatment or maintenance phase to judge MMI by. To decide, the record needs the recommended care carried out (or the reason it cannot be) and a treating opinion on whether further improvement is expected.',
        recentOpen.map((a) => a.fact).slice(0, 3),
      )],
    });
  }

  // The specialist evaluation that would decide whether more can be done never took place because the claimant could
  // not get to it (cost, coverage): the visits that follow are waiting, not a plateau, and nobody has closed the options.
  const surgeonSeen = ctx.of('treatment', true).some((f) => f.attributes.modality === 'surgical_consultation' && GIVEN.has(f.attributes.status))
    || [...ctx.encounters.values()].some((e) => specialtyIs(e.specialty, 'surgical') && e.kind !== 'billing');
  const referred = ctx.asserted.some((f) => f.type === 'treatment' && f.attributes.modality === 'surgical_consultation' && (f.attributes.status === 'recommended' || f.attributes.status === 'planned'));
  const blocked = surgeonSeen || !referred ? undefined
    : ctx.asserted.find((f) => f.evidence.some((e) => SURGICAL_EVALUATION.test(e.quote) && ACCESS_BARRIER.test(e.quote)));
  if (blocked && !settled && !lastNot && !openNearEnd) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `The surgical evaluation recommended for the condition never took place because the claimant could not get to it ("${shortQuote(blocked, 120)}", ${when(ctx, blocked)}), and no specialist has said whether further treatment can help. `
        + 'The visits since are waiting, not a plateau. To decide, the record needs that evaluation (or a treating opinion that no further treatment would help).',
        [blocked],
      )],
    });
  }

  // The surgeon's last word was "not at MMI" with follow-up planned, and the claimant never got back to a surgeon
  // because of cost or coverage: the visits since are waiting for that follow-up, not a plateau.
  const surgeonsNot = notAt.filter((s) => specialtyIs(ctx.encounterOf(s)?.specialty ?? 'unknown', 'surgical')).at(-1);
  const notAtDate = surgeonsNot && ctx.dateOf(surgeonsNot);
  const surgeonSince = !!notAtDate && [...ctx.encounters.values()].some((e) => specialtyIs(e.specialty, 'surgical') && e.kind !== 'billing' && (e.date ?? '') > notAtDate);
  const atSince = !!notAtDate && statements.some((s) => s.attributes.kind !== 'not_at_mmi' && (ctx.dateOf(s) ?? '') > notAtDate);
  const lapsed = notAtDate && !surgeonSince && !atSince && !lastNot
    ? ctx.asserted.find((f) => (ctx.dateOf(f) ?? '') > notAtDate && f.evidence.some((e) => SURGICAL_EVALUATION.test(e.quote) && ACCESS_BARRIER.test(e.quote)))
    : undefined;
  if (lapsed && surgeonsNot && !settled && !openNearEnd) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `The treating surgeon's last word was that the claimant was not at MMI (${when(ctx, surgeonsNot)}), and no surgeon has seen the claimant since: the follow-up was not reached because of cost or coverage ("${shortQuote(lapsed, 120)}", ${when(ctx, lapsed)}). `
        + 'The visits since are waiting, not a plateau. To decide, the record needs that follow-up (or a treating opinion that no further treatment would help).',
        [surgeonsNot, lapsed],
      )],
    });
  }

  const first = maintenance[0];
  const last = maintenance[maintenance.length - 1];
  const span = first && last ? daysBetween(first.date, last.date) : 0;
  const patternHolds = maintenance.length >= params.minMaintenanceVisits && span >= params.minMaintenanceDays;
  // (A therapy course for another condition measures that condition: its pain scores say nothing of this one.)
  const forOtherCondition = otherConditionTherapy(ctx);
  const stillImproving = patternHolds
    ? trendsOf(ctx.of('outcome_measure').filter((m) => (ctx.dateOf(m) ?? '') >= first.date && !forOtherCondition(m)), ctx)
    : [];
  const functionalGain = stillImproving.filter((t) => t.verdict === 'improved' && isFunctionalInstrument(t.instrument.split(':')[0]));
  const notAtAfter = lastNot && first && (ctx.dateOf(lastNot) ?? '') >= first.date;

  // The visits that look like maintenance are all a doctor's who leaves the condition to a specialist whose own records
  // are not in the file ("Neck management per Dr. Vance", "I have not managed his neck condition"): they show the
  // regimen that doctor refills, not the condition's course, and the specialist's notes would say where it stands.
  const leftTo = patternHolds ? deferredToAbsentSource(ctx, maintenance) : undefined;
  if (leftTo && !notAtAfter) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `The ${maintenance.length} visits that look like maintenance (${first.date} to ${last.date}) are by ${[...new Set(maintenance.map((v) => v.provider))].join(', ')}, who leave${maintenance.every((v) => v.provider === first.provider) ? 's' : ''} the condition to ${leftTo.attributes.target === 'specialist' ? 'a specialist' : leftTo.attributes.target} (${when(ctx, leftTo)}: "${shortQuote(leftTo, 100)}"); that source's own records are not in the file. `
        + 'Refills by a doctor who does not manage the condition do not show a plateau. To decide, the record needs the treating specialist\'s notes, or a treating opinion on whether further improvement is expected.',
        [leftTo, ...maintenance.slice(0, 2).map((v) => maintenanceFact(v))],
      )],
    });
  }

  if (patternHolds && !functionalGain.length && !notAtAfter) {
    const reasons: Reason[] = [];
    const conflicts: Reason[] = [];
    let confidence = 0.5;
    const priorActive = ctx.of('treatment', true).filter((f) => ACTIVE_MODALITIES.has(f.attributes.modality) && (!first || (ctx.dateOf(f) ?? '') < first.date));
    if (priorActive.length) {
      const kinds = [...new Set(priorActive.map((f) => `${modalityWords(f.attributes.modality)}${f.attributes.status === 'declined' ? ' (declined)' : ''}`))];
      reasons.push(reason(`Active treatment came first (${kinds.join(', ')})${lastActive ? `; the last active step was ${lastActive.what} (${when(ctx, lastActive.fact)})` : ''}.`, lastActive ? [lastActive.fact] : priorActive.slice(-1)));
      confidence += 0.05;
    } else if (lastChange && (ctx.dateOf(lastChange) ?? '') < first.date) {
      // A course of medication trials (a mental-health or medical condition) is the active care before the phase.
      reasons.push(reason(`Treatment was adjusted first; the last change was ${describe(lastChange)} (${when(ctx, lastChange)}).`, [lastChange]));
    } else {
      // An absence is cited by where the record begins: the first maintenance visit.
      reasons.push(reason('No active treatment (therapy, injections, surgery) is documented before the maintenance visits.', [maintenanceFact(first)]));
    }
    const maintFacts = maintenance.map((v) => maintenanceFact(v));
    reasons.push(reason(
      `${maintenance.length} maintenance-only visits from ${first.date} to ${last.date} (${span} days) with no new referral or new treatment: ${maintenance.map((v) => `${v.date} ${v.provider}`).join('; ')}. The MMI date is the first of these visits, when the sustained maintenance phase began.`,
      maintFacts,
    ));
    if (maintenance.length >= 3) confidence += 0.1;
    if (span >= 180) confidence += 0.05;
    const endOfOptions = ctx.asserted.filter((f) => (f.type === 'plan_signal' && END_OF_OPTIONS.has(f.attributes.signal)) || (f.type === 'mmi_statement' && f.attributes.kind === 'plateau' && sourceRole(ctx.encounterOf(f)) === 'treating_physician' && !isTherapyPlateau(f)));
    if (endOfOptions.length) {
      reasons.push(reason(`Curative options documented as exhausted or plateau stated: ${endOfOptions.map((f) => `${describe(f)} (${when(ctx, f)})`).join('; ')}.`, endOfOptions));
      confidence += 0.1;
    }
    // Function and pain scores speak to MMI; strength and ROM plateaus are cited only when neither was measured.
    const judged = stillImproving.filter((t) => t.verdict !== 'insufficient');
    const patientLevel = judged.some((t) => isPatientLevel(t.instrument));
    for (const t of stillImproving) {
      const pts = t.points.flatMap((p) => p.evidence);
      if (t.verdict === 'plateau') {
        if (patientLevel && !isPatientLevel(t.instrument)) continue;
        reasons.push({ text: `${instrumentName(t.instrument)} changed ${t.change} during maintenance, less than its MCID of ${t.mcid}.`, evidence: pts });
        confidence += 0.1;
      } else if (t.verdict === 'worsened' || t.verdict === 'improved') {
        conflicts.push({ text: `${instrumentName(t.instrument)} ${t.verdict} by ${Math.abs(t.change ?? 0)} during maintenance (MCID ${t.mcid}).`, evidence: pts });
        confidence -= 0.1;
      }
    }
    if (lastNot) reasons.push(reason(`${when(ctx, lastNot)} said not at MMI, before the maintenance phase began.`, [lastNot]));
    if (lastPending) {
      reasons.push(reason(`${when(ctx, lastPending)} judged the response to the care then under way not yet known ("${shortQuote(lastPending, 100)}"); the phase begins when that physician next finds nothing to change.`, [lastPending]));
    }
    return finish({
      status: 'implied', date: first.date, statedBy: majorityProvider(maintenance),
      confidence: Math.min(0.85, Math.max(0.5, confidence)), reasons, conflicts,
    });
  }

  const openAtEnd = active.filter((a) => a.open && lastVisit && daysBetween(a.date, lastVisit) <= params.activeRecencyDays);
  // A therapy course closed by its own discipline at a plateau ("has reached maximum chiropractic improvement",
  // discharged) is care that ended, not care under way at the end of the record.
  // (Or the discipline's own discharge note came later: "doing PT" in the PCP's note, then the therapist's discharge.)
  const courseClosed = !!lastActive && !lastActive.open && lastActive.fact.type === 'treatment' && isIn(lastActive.fact.attributes.modality, 'therapy')
    && visits.some((v) => (v.date === lastActive.date && v.facts.some((f) => (f.type === 'mmi_statement' && f.attributes.kind === 'plateau' && isTherapyPlateau(f))
      || (f.type === 'treatment' && f.attributes.modality === (lastActive.fact as Treatment).attributes.modality && f.attributes.status === 'completed')))
      || (v.date >= lastActive.date && v.encounters.some((e) => e.kind === 'pt_discharge' && sessionOfSpecialty(e.specialty) === (lastActive.fact as Treatment).attributes.modality)));
  const recent = lastActive && lastVisit && daysBetween(lastActive.date, lastVisit) <= params.activeRecencyDays && !courseClosed;
  // The last treating source handed the claimant's care to another provider whose records are not in the file: what
  // that visit planned (a re-referral, a resubmitted MRI) is for the receiving provider to carry out, and nothing shows
  // whether it was. Only care actually under way, a firmly planned procedure or a "not at MMI" still says not reached.
  const handOff = treating.at(-1)?.facts.find((f) => f.type === 'plan_signal' && f.attributes.signal === 'care_transferred' && f.temporality === 'current' && !f.negated);
  const handOffDate = handOff && ctx.dateOf(handOff);
  if (handOff && handOffDate && !lastNot && !functionalGain.length && !openNearEnd && openAtEnd.length
    && active.every((a) => a.open || daysBetween(a.date, handOffDate) > params.activeRecencyDays)) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `${when(ctx, handOff)} transferred the claimant's care, and no record from the receiving provider is in the file. `
        + `What was planned then (${[...new Set(openAtEnd.map((a) => a.what))].join('; ')}) cannot be shown to have happened or lapsed. `
        + 'To decide, the record needs the receiving provider\'s notes since the transfer, or a treating opinion on whether further improvement is expected.',
        [handOff, ...openAtEnd.map((a) => a.fact)],
      )],
    });
  }
  // A drug that changes the course of the condition (a preventive, a neuropathic agent), started or raised near the
  // end of a record of real treatment, is a trial whose effect nobody has judged yet.
  // Only where someone treats the claimant regularly (the prescriber's own follow-up) and no visit since has settled into maintenance.
  // (The drug changed, not the plan that names it: "Start clozapine 12.5 mg qhs on 12/02/2024" is both, the plan dated later.)
  const lastDrugChange = changes.filter((f): f is FactOf<'treatment'> => f.type === 'treatment').at(-1);
  const drugChangeDate = lastDrugChange && ctx.dateOf(lastDrugChange);
  const trialAtEnd = lastDrugChange && drugChangeDate && lastVisit && treating.length > THIN_RECORD_VISITS
    && !SYMPTOM_RELIEVERS.has(lastDrugChange.attributes.drugClass ?? '') && daysBetween(drugChangeDate, lastVisit) <= params.activeRecencyDays
    && treating.filter((v) => v.provider === ctx.providerOf(lastDrugChange)).length >= 2
    // (Judged by its prescriber: a nephrologist's quiet visit after the rheumatologist doubled tacrolimus does not judge it.)
    && !maintenance.some((v) => v.date > drugChangeDate && v.provider === ctx.providerOf(lastDrugChange))
    ? lastDrugChange : undefined;
  // "Candidate for R TKA once BMI < 40" while a weight program is visibly working toward it: the operation is the plan,
  // and the visits meanwhile are the road to it, not a plateau.
  const lately = (f: Fact) => !!lastVisit && !!ctx.dateOf(f) && daysBetween(ctx.dateOf(f)!, lastVisit) <= 2 * params.activeRecencyDays;
  const awaitedSurgery = [...ctx.of('treatment'), ...ctx.plannedLater].filter((f) => lately(f) && PREREQUISITE.test(f.evidence[0]?.quote ?? '')
    && ((f.type === 'treatment' && f.attributes.modality === 'surgery' && f.attributes.status !== 'declined') || (f.type === 'plan_signal' && /surg/.test(f.attributes.target ?? ''))))
    .sort((a, b) => (ctx.dateOf(a) ?? '').localeCompare(ctx.dateOf(b) ?? '')).at(-1);
  const pursuit = awaitedSurgery && ctx.asserted.find((f) => lately(f) && PURSUIT.test(f.evidence[0]?.quote ?? ''));
  // "Too early to judge; full response assessed at 12-24 weeks" at the treating physician's last visit: the
  // response to the current treatment is not known yet, whatever maintenance-style visits came between.
  // (The judging physician's last visit, when it is recent: a PCP visit after the rheumatologist's does not judge it.)
  const pendingAtEnd = ctx.of('plan_signal').filter((f) => f.attributes.signal === 'response_pending' && sourceRole(ctx.encounterOf(f)) === 'treating_physician'
    && lately(f) && !treating.some((v) => v.date > (ctx.dateOf(f) ?? '') && v.provider === ctx.providerOf(f))).at(-1);
  // All that keeps care open at the end is an operation offered that the claimant was still deciding on when the record
  // ends ("'still deciding' about the plate removal"): whether it will be done, declined or was done since, the file
  // cannot say, so neither a plateau nor care under way can be found.
  const undecidedList = undecidedOffers(ctx);
  const undecided = [...undecidedList].sort((a, b) => (ctx.dateOf(a) ?? '').localeCompare(ctx.dateOf(b) ?? '')).at(-1);
  // (Anything said of the same option afterwards, other than that it is still undecided, settles or moves it.)
  const saidSince = undecided && [...ctx.of('treatment', true), ...ctx.plannedLater].some((f) => offeredOption(f) === offeredOption(undecided)
    && (ctx.dateOf(f) ?? '') > (ctx.dateOf(undecided) ?? '') && !undecidedList.includes(f));
  if (undecided && !saidSince && lately(undecided) && openAtEnd.length && openAtEnd.every((a) => OFFERED_OPTIONS.has(offeredOption(a.fact) ?? ''))
    && !lastNot && !functionalGain.length && !trialAtEnd && !pendingAtEnd && !pursuit && !active.some((a) => !a.open && lastVisit && daysBetween(a.date, lastVisit) <= params.activeRecencyDays)) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(`An operation was offered and the claimant had not decided on it when the record ends (${when(ctx, undecided)}: "${shortQuote(undecided, 100)}"). `
        + 'Whether it was done, declined or is still awaited decides MMI; the record needs the surgeon\'s notes since the offer.', [undecided])],
    });
  }
  // The notes stop while care is under way, and the bills show it went on for months with no record of it ("VRT to
  // 06/20/2024, nerve blocks 06/11/2024, neurology 08/13/2024", the last note 02/27/2024): where the claimant stands
  // now is in the missing records, not in the last note.
  const billedRows = lastVisit ? [...ctx.encounters.values()].filter((e) => e.source === 'ledger' && e.date && e.date > lastVisit
    && (e.billing ?? []).some((b) => (b.charge ?? 0) > 0 || b.code)) : [];
  const billedAfter = [...new Set(billedRows.map((e) => e.date!))].sort();
  // Or the very physician who found the claimant not at MMI saw them again, by the bills, after the last note in the
  // file ("Feld Neurology Associates 09/12/2023 follow-up" after Dr. Feld's "not at MMI" of 06/27): the visit that
  // would say where the claimant stands is the one missing.
  const judge = lastNot && surnameOf(ctx.providerOf(lastNot));
  const judgeWord = judge ? new RegExp(`\\b${judge}\\b`, 'i') : undefined;
  const judgeRow = judgeWord ? billedRows.find((e) => judgeWord.test(`${e.provider.name ?? ''} ${e.provider.organization ?? ''}`)) : undefined;
  const judgeBilled = !!judgeRow;
  const undocumentedCare = (billedAfter.length >= MIN_UNDOCUMENTED_DATES && daysBetween(lastVisit!, billedAfter.at(-1)!) >= UNDOCUMENTED_SPAN_DAYS) || judgeBilled;
  // The claimant left the care that was to decide: after the treating source's "not at MMI", the evaluation it
  // arranged was cancelled and the referral closed for want of a reply ("has not responded to two messages; we will
  // close the referral"), and that source never saw the claimant again. Lapsing from care is not a plateau, and the old
  // "not at MMI" says nothing of where the claimant stands now.
  const notDate = lastNot && ctx.dateOf(lastNot);
  const leftCare = notDate && !functionalGain.length && !trialAtEnd && !pendingAtEnd
    && !treating.some((v) => v.date > notDate && v.provider === ctx.providerOf(lastNot))
    && !active.some((a) => a.date > notDate && (!a.open || a.fact.type === 'treatment' && isIn(a.fact.attributes.modality, 'procedure')))
    ? ctx.of('plan_signal').filter((f) => f.attributes.signal === 'disengaged' && (ctx.dateOf(f) ?? '') > notDate).at(-1) : undefined;
  if (leftCare && lastNot) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `${when(ctx, lastNot)} found the claimant not at MMI; the care planned then was not kept up (${when(ctx, leftCare)}: "${shortQuote(leftCare, 120)}"), and that source has not seen the claimant since. `
        + 'Leaving care is not a plateau, and the earlier opinion cannot say where the claimant stands now. To decide, the record needs a current evaluation by the treating source (or the planned work-up).',
        [lastNot, leftCare],
      )],
    });
  }
  const notReached = notAtAfter || lastNot && (!lastActive || (ctx.dateOf(lastNot) ?? '') >= lastActive.date) || recent || functionalGain.length || trialAtEnd || pendingAtEnd || pursuit;
  // All that is open at the end is a primary-care referral to a specialist, nothing is under way and no source says "not
  // at MMI": whether the referral was kept, and what came of it, is outside the file. That is not care in progress, and
  // not a plateau either. (A specialist's own referral onward, to an advanced-therapy programme, is that specialist's
  // plan of care still running; unless it is the same referral made again, to non-surgical care, because the first
  // was never kept: "Re-refer to individual therapy -- intake referral re-sent".)
  // (Only plans are open: nothing given lately, no "not at MMI", no trial or gain still being judged.)
  const onlyPlansOpen = notReached && !notAtAfter && !lastNot && !functionalGain.length && !trialAtEnd && !pendingAtEnd && !pursuit
    && !active.some((a) => !a.open && lastVisit && daysBetween(a.date, lastVisit) <= params.activeRecencyDays) && openAtEnd.length > 0;
  const onlyReferral = onlyPlansOpen
    && openAtEnd.every((a) => a.fact.type === 'plan_signal' && isReferral(a.fact)
      && (ctx.encounterOf(a.fact)?.specialty === 'primary_care' || referredAgain(a.fact)));
  if (onlyReferral) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `The record ends with a referral (${[...new Set(openAtEnd.map((a) => a.what))].join('; ')}; ${when(ctx, openAtEnd.at(-1)!.fact)}) and nothing after it: no care is under way, and no source says whether the claimant is at MMI. `
        + 'To decide, the record needs the notes of the provider referred to, or a treating opinion on whether further improvement is expected.',
        openAtEnd.map((a) => a.fact).slice(-3),
      )],
    });
  }
  // Only recommendations are open at the last treating visit (nothing booked, authorised or under way), and the file
  // runs on for months after it with no record of care: the plan was not taken up, as far as the file shows. That is
  // neither care in progress nor a plateau.
  const silence = lastVisit && ctx.fileEnd ? daysBetween(lastVisit, ctx.fileEnd) : 0;
  const untakenPlan = onlyPlansOpen && silence >= UNTAKEN_PLAN_SILENCE_DAYS && openAtEnd.every((a) => !FIRM_PLAN.test(a.fact.evidence[0]?.quote ?? ''));
  if (untakenPlan) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `The last treating visit (${lastVisit}) recommended further care (${[...new Set(openAtEnd.map((a) => a.what))].join('; ')}), nothing was booked or authorised, and the file runs on ${silence} days to ${ctx.fileEnd} with no record that it was done. `
        + 'Care not taken up is not care in progress, and no source says whether the claimant is at MMI. To decide, the record needs the treating notes since that visit, or a treating opinion on whether further improvement is expected.',
        openAtEnd.map((a) => a.fact).slice(-3),
      )],
    });
  }
  // The care that was under way stopped: the file runs on for months after the last treating visit (the claimant's
  // lawyer's demand, a custodian's affidavit) with no record of care, and nothing was booked. Whether the claimant has
  // since reached a plateau, or is being treated elsewhere, the file cannot say.
  const firmAtEnd = !!pursuit || !!awaitedSurgery || openAtEnd.some((a) => FIRM_PLAN.test(a.fact.evidence[0]?.quote ?? '')
    || (a.fact.type === 'treatment' && a.fact.attributes.status === 'planned' && OFFERED_OPTIONS.has(a.fact.attributes.modality)));
  if (notReached && !notAtAfter && silence >= LAPSED_CARE_DAYS && !firmAtEnd && !undocumentedCare && !maintenance.some((v) => lastVisit && daysBetween(v.date, lastVisit) <= params.activeRecencyDays)) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [reason(
        `The treating notes end on ${lastVisit} with care under way, and the file runs on ${silence} days to ${ctx.fileEnd} with no record of care and nothing booked. `
        + 'Care that stopped is neither care in progress nor a plateau, and no source says whether the claimant is at MMI. To decide, the record needs any treating notes since, or a current treating opinion.',
        [...(lastNot ? [lastNot] : []), ...(trialAtEnd ? [trialAtEnd] : []), ...openAtEnd.map((a) => a.fact), ...(lastActive ? [lastActive.fact] : [])].slice(0, 3),
      )],
    });
  }
  if (notReached && undocumentedCare && !maintenance.length) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.35, conflicts: [],
      reasons: [{
        text: (judgeRow && lastNot
          ? `${when(ctx, lastNot)} found the claimant not at MMI, and the bills show a later visit to the same practice (${judgeRow.date}) whose note is not in the file. `
          : `The notes end on ${lastVisit} with care under way, and the bills show ${billedAfter.length} more dates of care through ${billedAfter.at(-1)} with no record in the file. `)
          + 'Whether the claimant has since reached a plateau is in those records.',
        evidence: judgeRow && lastNot ? [...evidenceOf([lastNot]), ...judgeRow.evidence.slice(0, 1)]
          : [...(lastActive ? evidenceOf([lastActive.fact]) : []), ...billedRows.slice(0, 3).flatMap((e) => e.evidence.slice(0, 1))],
      }],
    });
  }
  if (notReached) {
    const reasons: Reason[] = [];
    // Said at a visit, about a later day: the visit is what is cited.
    const said = (f: Fact) => `${ctx.providerOf(f)} on ${ctx.encounterOf(f)?.date ?? ctx.dateOf(f)}`;
    if (awaitedSurgery && pursuit) reasons.push(reason(`Surgery is planned once a prerequisite is met (${said(awaitedSurgery)}: "${shortQuote(awaitedSurgery, 100)}"), and the claimant is working toward it (${said(pursuit)}: "${shortQuote(pursuit, 100)}").`, [awaitedSurgery, pursuit]));
    if (lastNot) reasons.push(reason(`${when(ctx, lastNot)} states the claimant is not at MMI.`, [lastNot]));
    if (pendingAtEnd) reasons.push(reason(`${when(ctx, pendingAtEnd)} judges the response to the current treatment not yet known ("${shortQuote(pendingAtEnd, 100)}").`, [pendingAtEnd]));
    if (trialAtEnd) reasons.push(reason(`The regimen is still being adjusted: ${trialAtEnd.attributes.drug ?? 'a medication'} ${trialAtEnd.attributes.doseChange ?? 'changed'} (${when(ctx, trialAtEnd)}), and no later visit judges its effect.`, [trialAtEnd]));
    const shown = openAtEnd.length ? openAtEnd : recent && lastActive ? [lastActive] : [];
    for (const a of shown) reasons.push(reason(`${a.open ? 'Active treatment recommended or planned' : 'Active treatment under way'}: ${a.what} (${when(ctx, a.fact)}).`, [a.fact]));
    for (const t of functionalGain) reasons.push({ text: `${instrumentName(t.instrument)} still improving (${t.change}, MCID ${t.mcid}).`, evidence: t.points.flatMap((p) => p.evidence) });
    const conflicts = maintenance.length ? [reason(`Maintenance-style visits also appear (${maintenance.map((v) => v.date).join(', ')}).`, maintenance.map((v) => maintenanceFact(v)))] : [];
    return finish({ status: 'not_reached', confidence: openAtEnd.length || lastNot ? 0.8 : 0.65, reasons, conflicts, statedBy: lastNot ? ctx.providerOf(lastNot) : undefined });
  }

  // The treating physician's last visit closes active care at a plateau ("she has plateaued; no further surgery;
  // restrictions permanent; see as needed") and nothing follows: that visit is where maintenance begins, though no
  // later visit can show it lasted.
  const closingVisit = maintenance.at(-1);
  const closes = closingVisit && closingVisit === treating.at(-1)
    && closingVisit.encounters.some((e) => sourceRole(e) === 'treating_physician')
    && closingVisit.facts.some((f) => f.type === 'mmi_statement' && f.attributes.kind === 'plateau')
    && closingVisit.facts.some((f) => f.type === 'plan_signal' && (END_OF_OPTIONS.has(f.attributes.signal) || f.attributes.signal === 'follow_up_prn' || f.attributes.signal === 'maintenance_care'));
  if (closes && !openAtEnd.length && !lastNot) {
    // "Her condition plateaued as of her 01/23/2024 visit": the closing visit may date the plateau it states, after the last active care.
    const stated = closingVisit.facts.map((f) => (f.type === 'mmi_statement' && f.attributes.kind === 'plateau' ? f.attributes.mmiDate : undefined))
      .find((d): d is string => !!d && d <= closingVisit.date && (!lastActive || d > lastActive.date));
    return finish({
      status: 'implied', date: stated ?? closingVisit.date, statedBy: closingVisit.provider, confidence: 0.55, conflicts: [],
      reasons: [
        ...(lastActive ? [reason(`Active treatment came first; the last active step was ${lastActive.what} (${when(ctx, lastActive.fact)}).`, [lastActive.fact])] : []),
        reason(`${closingVisit.date} ${closingVisit.provider} closed active care at a plateau with no further treatment planned${stated ? `, dating the plateau to ${stated}` : ''}. No later visit is in the file to show the maintenance phase lasting, so the date is ${stated ? 'the one the closing visit states' : 'the closing visit'} and the confidence is low.`,
          closingVisit.facts.filter((f) => (f.type === 'mmi_statement' && f.attributes.kind === 'plateau') || f.type === 'plan_signal').slice(0, 3)),
      ],
    });
  }
  const why = maintenance.length
    ? `Only ${maintenance.length} maintenance visit${maintenance.length === 1 ? '' : 's'} spanning ${span} days after the last active treatment; at least ${params.minMaintenanceVisits} over ${params.minMaintenanceDays} days are needed to infer MMI.`
    : 'No maintenance-only visits (continue current management, follow up as needed, no further treatment) follow the last active treatment, and no provider states MMI for the claim as a whole.';
  return finish({
    status: 'insufficient_evidence', confidence: 0.3, conflicts: [],
    // With nothing active and nothing maintained, the last treating visit shows where the record stops.
    reasons: [reason(why, [...(lastActive ? [lastActive.fact] : []), ...maintenance.map((v) => maintenanceFact(v)),
      ...(!lastActive && !maintenance.length ? (treating.at(-1) ?? visits.at(-1))?.facts.slice(0, 1) ?? [] : [])])],
  });
}
