/** MMI assessment: explicit statements first, else inference from plateaued measures and winding-down care. */
import type { Evidence, Fact, FactOf, MmiAssessment, Modality, Reason, Specialty } from '../model/index.js';
import { ModalitySchema } from '../model/index.js';
import type { CaseContext, Visit } from './context.js';
import { evidenceOf } from './context.js';
import { daysBetween } from './dates.js';
import { instrumentName, isFunctionalInstrument } from './instruments.js';
import { trendsOf } from './trajectory.js';

type Treatment = FactOf<'treatment'>;
type Statement = FactOf<'mmi_statement'>;

/** Curative/restorative care: while any of it is under way or recommended, the claimant is not at MMI. */
export const ACTIVE_MODALITIES = new Set<Modality>([
  'physical_therapy', 'occupational_therapy', 'chiropractic', 'epidural_injection', 'facet_injection',
  'medial_branch_block', 'si_joint_injection', 'trigger_point_injection', 'joint_injection', 'other_injection',
  'radiofrequency_ablation', 'surgical_consultation', 'surgery', 'spinal_cord_stimulator', 'pain_program',
  'work_conditioning',
]);
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
const NOT_CONDITION_CARE = new Set<Specialty>(['psychology', 'psychiatry', 'radiology', 'emergency', 'ime', 'fce']);

/** The modality a plan-signal target names ("physical therapy", "epidural_injection (caudal)"), if any. */
function targetModality(target: string | undefined): Modality | undefined {
  if (!target) return undefined;
  const key = target.toLowerCase().replace(/\s*\(.*$/, '').trim().replace(/[\s-]+/g, '_');
  const parsed = ModalitySchema.safeParse(key);
  return parsed.success ? parsed.data : undefined;
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
const RESOLVING = new Set(['declined', 'discontinued', 'completed', 'performed', 'ongoing']);

interface ActiveEvent { date: string; fact: Fact; open: boolean; what: string }

function describe(f: Fact): string {
  if (f.type === 'treatment') {
    const a = f.attributes;
    return `${a.modality.replace(/_/g, ' ')}${a.subtype ? ` (${a.subtype})` : ''} ${a.status}`;
  }
  if (f.type === 'plan_signal') return `${f.attributes.signal.replace(/_/g, ' ')}${f.attributes.target ? ` (${f.attributes.target})` : ''}`;
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
function resolvedLater(rec: Treatment, resolved: ReturnType<typeof resolutionDates>, date: string): boolean {
  const m = rec.attributes.modality;
  if ((resolved.byModality.get(m) ?? '') >= date) return true;
  return (m === 'surgery' || m === 'surgical_consultation') && (resolved.noSurgery ?? '') >= date;
}

export function activeEvents(ctx: CaseContext): ActiveEvent[] {
  const out: ActiveEvent[] = [];
  const resolved = resolutionDates(ctx);
  for (const f of ctx.of('treatment')) {
    const d = ctx.dateOf(f);
    if (!d || !ACTIVE_MODALITIES.has(f.attributes.modality)) continue;
    const s = f.attributes.status;
    if (s === 'performed' || s === 'ongoing') out.push({ date: d, fact: f, open: false, what: describe(f) });
    else if ((s === 'recommended' || s === 'planned') && !resolvedLater(f, resolved, d)) out.push({ date: d, fact: f, open: true, what: describe(f) });
  }
  for (const f of ctx.of('plan_signal')) {
    const d = ctx.dateOf(f);
    if (d && isActiveSignal(f)) out.push({ date: d, fact: f, open: true, what: describe(f) });
  }
  const isLapsed = lapseTest(ctx, maintenanceVisits(ctx));
  return out.filter((a) => !a.open || !isLapsed(a)).sort((a, b) => a.date.localeCompare(b.date));
}

const MED_CHANGES = new Set(['started', 'increased', 'switched']);

/**
 * Medication started, raised or switched: not curative care that keeps MMI away, but a change in treatment,
 * so the maintenance phase (and an implied MMI date) can only begin after the last one.
 */
function treatmentChanges(ctx: CaseContext): Fact[] {
  const meds = ctx.of('treatment').filter((f) => f.attributes.modality === 'medication' && MED_CHANGES.has(f.attributes.doseChange ?? ''));
  const started = ctx.of('plan_signal').filter((f) => {
    if (f.attributes.signal !== 'new_treatment') return false;
    const m = targetModality(f.attributes.target);
    return !m || m === 'medication';
  });
  return [...meds, ...started].filter((f) => ctx.dateOf(f)).sort((a, b) => ctx.dateOf(a)!.localeCompare(ctx.dateOf(b)!));
}

/** Visits by a provider treating the claimed condition whose plan is maintenance only. */
function maintenanceVisits(ctx: CaseContext): Visit[] {
  return ctx.visits.filter((v) => v.facts.some(isMaintenance) && v.encounters.some((e) => !NOT_CONDITION_CARE.has(e.specialty)));
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

function isMaintenance(f: Fact): boolean {
  return (f.type === 'plan_signal' && MAINTENANCE_SIGNALS.has(f.attributes.signal))
    || (f.type === 'mmi_statement' && f.attributes.kind === 'plateau');
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

function finish(base: Omit<MmiAssessment, 'evidence'>): MmiAssessment {
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const r of base.reasons) for (const ev of r.evidence) {
    const k = `${ev.file}|${ev.start}|${ev.end}`;
    if (!seen.has(k)) { seen.add(k); evidence.push(ev); }
  }
  return { ...base, confidence: Math.round(base.confidence * 100) / 100, evidence };
}

function explicitAssessment(ctx: CaseContext, statements: Statement[]): MmiAssessment | undefined {
  const explicit = statements.filter((s) => s.attributes.kind === 'mmi' || s.attributes.kind === 'permanent_and_stationary');
  if (!explicit.length) return undefined;
  const notAt = statements.filter((s) => s.attributes.kind === 'not_at_mmi');
  const lastNot = notAt[notAt.length - 1];
  const lastNotDate = lastNot ? ctx.dateOf(lastNot) ?? '' : '';
  const standing = explicit.filter((s) => (ctx.dateOf(s) ?? '') >= lastNotDate);
  const conflicts: Reason[] = [];

  if (!standing.length) {
    return finish({
      status: 'not_reached', confidence: 0.75, statedBy: ctx.providerOf(lastNot), date: undefined,
      reasons: [reason(`${when(ctx, lastNot)} states the claimant is not at MMI; this is the latest statement on MMI.`, [lastNot])],
      conflicts: explicit.map((s) => reason(`Earlier, ${when(ctx, s)} stated MMI.`, [s])),
    });
  }
  // Of the statements at the first standing visit, cite the one that gives the date, else the fullest
  // sentence: "…reached MMI and is P&S as of 01/22/2024" rather than the report's title line.
  const firstVisit = standing.filter((s) => ctx.dateOf(s) === ctx.dateOf(standing[0]));
  const quoteLength = (s: Statement) => s.evidence[0]?.quote.length ?? 0;
  const e = firstVisit.find((s) => s.attributes.mmiDate) ?? firstVisit.reduce((a, b) => (quoteLength(b) > quoteLength(a) ? b : a));
  const eDate = ctx.dateOf(e);
  const date = e.attributes.mmiDate ?? eDate;
  const term = e.attributes.kind === 'permanent_and_stationary' ? 'permanent and stationary' : 'at maximum medical improvement';
  const reasons = [reason(`${when(ctx, e)} states the claimant is ${term}${e.attributes.mmiDate && e.attributes.mmiDate !== eDate ? ` as of ${e.attributes.mmiDate}` : ''}.`, [e])];
  const confirming = standing.filter((s) => s !== e).filter((s) => ctx.providerOf(s) !== ctx.providerOf(e) || ctx.dateOf(s) !== eDate);
  if (confirming.length) reasons.push(reason(`Restated by ${[...new Set(confirming.map((s) => when(ctx, s)))].join('; ')}.`, confirming));

  for (const s of notAt) conflicts.push(reason(`${when(ctx, s)} stated the claimant was not at MMI.`, [s]));
  for (const s of explicit.filter((x) => !standing.includes(x))) conflicts.push(reason(`${when(ctx, s)} stated MMI, later contradicted.`, [s]));
  for (const s of confirming) {
    const other = s.attributes.mmiDate ?? ctx.dateOf(s);
    if (date && other && Math.abs(daysBetween(date, other)) > 30 && ctx.providerOf(s) !== ctx.providerOf(e)) {
      conflicts.push(reason(`${when(ctx, s)} gives a different MMI date (${other}).`, [s]));
    }
  }
  // Care recommended at the MMI visit itself is future medical care; elsewhere on/after it, it disputes MMI.
  for (const a of activeEvents(ctx)) {
    if (!eDate || a.date < eDate || a.fact.encounterId === e.encounterId) continue;
    if (a.open || a.fact.type === 'treatment') conflicts.push(reason(`${when(ctx, a.fact)}: ${a.what}, on or after the MMI statement.`, [a.fact]));
  }
  return finish({
    status: 'explicit', date, statedBy: ctx.providerOf(e),
    confidence: conflicts.length ? 0.8 : 0.95, reasons, conflicts,
  });
}

function majorityProvider(visits: Visit[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of visits) counts.set(v.provider, (counts.get(v.provider) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function assessMmi(ctx: CaseContext): MmiAssessment {
  const statements = ctx.of('mmi_statement', true);
  const explicit = explicitAssessment(ctx, statements);
  if (explicit) return explicit;

  const params = ctx.profile.params;
  const visits = ctx.visits;
  const lastVisit = visits[visits.length - 1]?.date;
  const active = activeEvents(ctx);
  const lastActive = active[active.length - 1];
  const lastChange = treatmentChanges(ctx).at(-1);
  const phaseStart = [lastActive?.date, lastChange && ctx.dateOf(lastChange)].filter((d): d is string => !!d).sort().at(-1);
  const after = phaseStart ? visits.filter((v) => v.date > phaseStart) : visits;
  const maintenance = maintenanceVisits(ctx).filter((v) => after.includes(v));
  const notAt = statements.filter((s) => s.attributes.kind === 'not_at_mmi');
  const lastNot = notAt[notAt.length - 1];

  if (visits.length < 2) {
    return finish({
      status: 'insufficient_evidence', confidence: 0.2, conflicts: [],
      reasons: [reason(`Only ${visits.length} dated visit${visits.length === 1 ? '' : 's'} in the record; MMI cannot be judged from the pattern of care.`, visits.flatMap((v) => v.facts).slice(0, 3))],
    });
  }

  const first = maintenance[0];
  const last = maintenance[maintenance.length - 1];
  const span = first && last ? daysBetween(first.date, last.date) : 0;
  const patternHolds = maintenance.length >= params.minMaintenanceVisits && span >= params.minMaintenanceDays;
  const stillImproving = patternHolds
    ? trendsOf(ctx.of('outcome_measure').filter((m) => (ctx.dateOf(m) ?? '') >= first.date), ctx)
    : [];
  const functionalGain = stillImproving.filter((t) => t.verdict === 'improved' && isFunctionalInstrument(t.instrument.split(':')[0]));
  const notAtAfter = lastNot && first && (ctx.dateOf(lastNot) ?? '') >= first.date;

  if (patternHolds && !functionalGain.length && !notAtAfter) {
    const reasons: Reason[] = [];
    const conflicts: Reason[] = [];
    let confidence = 0.5;
    const priorActive = ctx.of('treatment', true).filter((f) => ACTIVE_MODALITIES.has(f.attributes.modality) && (!first || (ctx.dateOf(f) ?? '') < first.date));
    if (priorActive.length) {
      const kinds = [...new Set(priorActive.map((f) => `${f.attributes.modality.replace(/_/g, ' ')}${f.attributes.status === 'declined' ? ' (declined)' : ''}`))];
      reasons.push(reason(`Active treatment came first (${kinds.join(', ')})${lastActive ? `; the last active step was ${lastActive.what} (${when(ctx, lastActive.fact)})` : ''}.`, lastActive ? [lastActive.fact] : priorActive.slice(-1)));
      confidence += 0.05;
    } else {
      reasons.push(reason('No active treatment (therapy, injections, surgery) is documented before the maintenance visits.', []));
    }
    const maintFacts = maintenance.map((v) => v.facts.find(isMaintenance)!);
    reasons.push(reason(
      `${maintenance.length} maintenance-only visits from ${first.date} to ${last.date} (${span} days) with no new referral or new treatment: ${maintenance.map((v) => `${v.date} ${v.provider}`).join('; ')}. The MMI date is the first of these visits, when the sustained maintenance phase began.`,
      maintFacts,
    ));
    if (maintenance.length >= 3) confidence += 0.1;
    if (span >= 180) confidence += 0.05;
    const endOfOptions = ctx.asserted.filter((f) => (f.type === 'plan_signal' && END_OF_OPTIONS.has(f.attributes.signal)) || (f.type === 'mmi_statement' && f.attributes.kind === 'plateau'));
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
    return finish({
      status: 'implied', date: first.date, statedBy: majorityProvider(maintenance),
      confidence: Math.min(0.85, Math.max(0.5, confidence)), reasons, conflicts,
    });
  }

  const openAtEnd = active.filter((a) => a.open && lastVisit && daysBetween(a.date, lastVisit) <= params.activeRecencyDays);
  const recent = lastActive && lastVisit && daysBetween(lastActive.date, lastVisit) <= params.activeRecencyDays;
  if (notAtAfter || lastNot && (!lastActive || (ctx.dateOf(lastNot) ?? '') >= lastActive.date) || recent || functionalGain.length) {
    const reasons: Reason[] = [];
    if (lastNot) reasons.push(reason(`${when(ctx, lastNot)} states the claimant is not at MMI.`, [lastNot]));
    const shown = openAtEnd.length ? openAtEnd : recent && lastActive ? [lastActive] : [];
    for (const a of shown) reasons.push(reason(`${a.open ? 'Active treatment recommended or planned' : 'Active treatment under way'}: ${a.what} (${when(ctx, a.fact)}).`, [a.fact]));
    for (const t of functionalGain) reasons.push({ text: `${instrumentName(t.instrument)} still improving (${t.change}, MCID ${t.mcid}).`, evidence: t.points.flatMap((p) => p.evidence) });
    const conflicts = maintenance.length ? [reason(`Maintenance-style visits also appear (${maintenance.map((v) => v.date).join(', ')}).`, maintenance.map((v) => v.facts.find(isMaintenance)!))] : [];
    return finish({ status: 'not_reached', confidence: openAtEnd.length || lastNot ? 0.8 : 0.65, reasons, conflicts, statedBy: lastNot ? ctx.providerOf(lastNot) : undefined });
  }

  const why = maintenance.length
    ? `Only ${maintenance.length} maintenance visit${maintenance.length === 1 ? '' : 's'} spanning ${span} days after the last active treatment; at least ${params.minMaintenanceVisits} over ${params.minMaintenanceDays} days are needed to infer MMI.`
    : 'No maintenance-only visits (continue current management, follow up as needed, no further treatment) follow the last active treatment, and no provider states MMI.';
  return finish({
    status: 'insufficient_evidence', confidence: 0.3, conflicts: [],
    reasons: [reason(why, [...(lastActive ? [lastActive.fact] : []), ...maintenance.map((v) => v.facts.find(isMaintenance)!)])],
  });
}
