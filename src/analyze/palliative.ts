/** Care its author gives to ease symptoms, not to change the condition. */
import type { Fact, FactOf, Modality } from '../model/index.js';
import { modalitiesIn, sessionOfSpecialty, targetModality } from '../model/modalities.js';
import { daysBetween } from './dates.js';
import { perCase, type CaseContext } from './case-context.js';

/**
 * A procedure given on a day its author calls the care palliative, maintenance or supportive ("injections q3-4 mo
 * palliative", "Subacromial injection performed today as approved palliative care"): it eases symptoms the
 * treatment can no longer change, so it belongs to the maintenance phase instead of restarting active care.
 */
export const palliativeCare = perCase(readPalliativeCare);
function readPalliativeCare(ctx: CaseContext): (f: Fact) => boolean {
  const days = new Set(ctx.of('plan_signal').filter((f) => f.attributes.signal === 'maintenance_care' && !f.negated && f.temporality === 'current'
    && PALLIATIVE_WORDS.test(f.evidence[0]?.quote ?? '')).map((f) => ctx.dateOf(f)));
  // "Caudal ESI prn flare": once the treating plan allows a procedure for flares, each one given later is that allowance
  // used. "Intra-articular steroid injection q 3 months": a standing schedule, each later injection is one of its doses.
  const allowedFrom = new Map<Modality, string>();
  const scheduled = [...ctx.of('treatment'), ...ctx.allowedLater].filter(onSchedule);
  // "Trigger point injections today and periodically as needed, no more often than every 12 weeks": the visit that sets
  // the standing schedule gives its first dose.
  const scheduleSet = new Set(scheduled.map((f) => `${ctx.dateOf(f)}|${f.attributes.modality}`));
  for (const f of [...ctx.allowedLater, ...scheduled]) {
    const d = ctx.dateOf(f);
    if (!d) continue;
    const m = f.attributes.modality;
    if (!allowedFrom.has(m) || d < allowedFrom.get(m)!) allowedFrom.set(m, d);
  }
  // "Short PT episode (up to 4 visits) for AFO gait training; I do not anticipate it will change her motor recovery":
  // a course ordered on such a day, and the sessions that carry the order out, share its purpose.
  // So is a course ordered later only for safety ("PT referral: fall prevention, safe transfers, caregiver training.
  // Goal is safety."), once the treating physician has called the care supportive from here on.
  const supportiveSince = [...days].filter((d): d is string => !!d).sort()[0];
  const forSafety = (m: Modality | undefined, f: Fact) => !!m && SESSIONS.has(m) && !!supportiveSince && (ctx.dateOf(f) ?? '') > supportiveSince
    && SAFETY_PURPOSE.test(f.evidence[0]?.quote ?? '');
  const ordered = new Map<Modality, string>();
  for (const f of ctx.of('treatment')) {
    const d = ctx.dateOf(f);
    if (d && (days.has(d) || forSafety(f.attributes.modality, f)) && ORDERED.has(f.attributes.status) && SESSIONS.has(f.attributes.modality) && (ordered.get(f.attributes.modality) ?? '9999') > d) ordered.set(f.attributes.modality, d);
  }
  // "Supportive care 1x/mo" in the chiropractor's or therapist's own note: the sessions that follow keep the condition
  // where it is; a new order for that care later starts a course again.
  const supportiveFrom = new Map<Modality, string>();
  // The notes that call their care supportive: an order written in one ("CMT lumbar/pelvis" in the supportive-care
  // narrative, a flowsheet's legend) is that plan's, not a new course.
  const supportiveNotes = new Set<string>();
  for (const f of ctx.of('plan_signal')) {
    // (In a visit log, the row that says it dates it.)
    const at = f.evidence[0];
    const row = at && ctx.encounterOf(f)?.visitRows?.find((r) => r.evidence.file === at.file && r.evidence.start <= at.start && at.start < r.evidence.end);
    const d = row?.date ?? ctx.dateOf(f);
    const own = sessionOfSpecialty(ctx.encounterOf(f)?.specialty ?? 'unknown');
    if (!d || !own || f.negated || f.temporality !== 'current' || f.attributes.signal !== 'maintenance_care' || !PALLIATIVE_WORDS.test(f.evidence[0]?.quote ?? '')) continue;
    if (!supportiveFrom.has(own) || d < supportiveFrom.get(own)!) supportiveFrom.set(own, d);
    supportiveNotes.add(f.encounterId);
  }
  const orders = new Map<Modality, string[]>();
  for (const g of ctx.of('treatment')) {
    const d = ctx.dateOf(g);
    if (d && supportiveFrom.has(g.attributes.modality) && ORDERED.has(g.attributes.status) && !supportiveNotes.has(g.encounterId)) orders.set(g.attributes.modality, [...(orders.get(g.attributes.modality) ?? []), d]);
  }
  const reordered = (m: Modality, from: string, d: string) => (orders.get(m) ?? []).some((o) => o > from && o <= d);
  // (The discipline's own care, whatever its modality: the electrical stimulation a chiropractor gives with each supportive
  // adjustment is part of that supportive visit.)
  const supportiveAs = (f: FactOf<'treatment'>): Modality | undefined => (supportiveFrom.has(f.attributes.modality) ? f.attributes.modality
    : [sessionOfSpecialty(ctx.encounterOf(f)?.specialty ?? 'unknown')].find((m): m is Modality => !!m && supportiveFrom.has(m)));
  const supportive = (f: Fact) => {
    if (f.type !== 'treatment') return false;
    const m = supportiveAs(f);
    const d = ctx.dateOf(f);
    return !!m && !!d && d > supportiveFrom.get(m)! && !reordered(m, supportiveFrom.get(m)!, d);
  };
  // A radiofrequency ablation renewed about a year after the first (with the confirmatory block the payer asks for
  // first): the nerves regrow and the same ablation is given again for the same relief, which keeps the condition
  // where it is rather than changing it. One repeated within months is still adjusting the treatment.
  const ablations = ctx.of('treatment').filter((f) => f.attributes.modality === 'radiofrequency_ablation' && GIVEN.has(f.attributes.status))
    .map((f) => ctx.dateOf(f)).filter((d): d is string => !!d).sort();
  // (By calendar month: "the 07/2023 RFA", dated to the month's first day, is nine months after one on 10/11/2022.)
  const renewal = (m: Modality | undefined, d: string | undefined) => !!m && RENEWED.has(m) && !!d && !!ablations[0] && monthsBetween(ablations[0], d) >= REPEAT_ABLATION_MONTHS;
  const repeatedAblation = (f: Fact) => f.type === 'treatment' && renewal(f.attributes.modality, ctx.dateOf(f));
  // The same injection given again and again at a steady interval as each one wears off ("R knee corticosteroid
  // injection today" every four months for two years): a standing schedule in practice, though never written as one.
  const serial = serialInjectionDays(ctx);
  const serialDays = [...serial].map((k) => k.slice(0, 10));
  const nextDose = (m: Modality | undefined, d: string | undefined) => !!m && !!d && SCHEDULABLE.has(m)
    && serialDays.some((s) => s <= d && daysBetween(s, d) <= SERIES_GAP_DAYS[1]);
  const carriesOutOrder = (m: Modality | undefined, d: string | undefined) => !!m && !!d && ordered.has(m) && d >= ordered.get(m)! && daysBetween(ordered.get(m)!, d) <= ORDER_WINDOW_DAYS;
  return (f) => {
    // A plan's referral on such a day may still be a new step (to a surgeon): only the palliative course's own order is palliative.
    if (f.type === 'plan_signal') {
      const target = targetModality(f.attributes.target) ?? namedCourse(f.evidence[0]?.quote ?? '');
      // ("RFA due again next month": the renewal's plan, as palliative as the renewal.)
      // ("Next appointment: 01/22/2025 - injection visit" after two years of injections every four months: the series' next dose.)
      return (f.attributes.signal === 'new_treatment' || f.attributes.signal === 'referral')
        && (carriesOutOrder(target, ctx.dateOf(f)) || renewal(target, ctx.dateOf(f)) || nextDose(target, ctx.dateOf(f)) || forSafety(target, f));
    }
    return days.has(ctx.dateOf(f)) || repeatedAblation(f) || (f.type === 'treatment' && serial.has(`${ctx.dateOf(f)}|${f.attributes.modality}|${f.attributes.subtype ?? ''}`)) || supportive(f) || (f.type === 'treatment' && (PALLIATIVE_WORDS.test(f.evidence[0]?.quote ?? '') || onSchedule(f as FactOf<'treatment'>)
    || scheduleSet.has(`${ctx.dateOf(f)}|${f.attributes.modality}`)
    || carriesOutOrder(f.attributes.modality, ctx.dateOf(f))
    || (allowedFrom.has(f.attributes.modality) && (ctx.dateOf(f) ?? '') > allowedFrom.get(f.attributes.modality)!)));
  };
}
/** The days (`date|modality|subtype`) of injections given in a steady series: at least SERIES_DOSES in a row, each SERIES_GAP_DAYS apart. */
function serialInjectionDays(ctx: CaseContext): Set<string> {
  // (A hyaluronic acid series after steroid injections is a new drug tried, not the next dose.)
  const byKind = new Map<string, string[]>();
  for (const f of ctx.of('treatment')) {
    const d = ctx.dateOf(f);
    const kind = `${f.attributes.modality}|${f.attributes.subtype ?? ''}`;
    if (d && SERIAL.has(f.attributes.modality) && GIVEN.has(f.attributes.status)) byKind.set(kind, [...(byKind.get(kind) ?? []), d]);
  }
  const out = new Set<string>();
  for (const [kind, all] of byKind) {
    const dates = [...new Set(all)].sort();
    let run: string[] = [];
    const close = () => { if (run.length >= SERIES_DOSES) for (const d of run) out.add(`${d}|${kind}`); };
    for (const d of dates) {
      const gap = run.length ? daysBetween(run.at(-1)!, d) : 0;
      if (run.length && (gap < SERIES_GAP_DAYS[0] || gap > SERIES_GAP_DAYS[1])) { close(); run = []; }
      run.push(d);
    }
    close();
  }
  return out;
}
/** Injections given to a joint or a muscle as each wears off; a spinal block series is a diagnostic or curative plan. */
const SERIAL = new Set<Modality>(['joint_injection', 'trigger_point_injection']);
const SERIES_DOSES = 3;
/** A steroid injection's relief lasts weeks to months; one given sooner is still adjusting, one much later a new start. */
const SERIES_GAP_DAYS: [number, number] = [70, 200];
const ORDERED = new Set(['recommended', 'planned']);
const GIVEN = new Set(['performed', 'completed']);
/** An ablation's effect lasts six to twelve months; one repeated this long after the first is its renewal. */
const REPEAT_ABLATION_MONTHS = 9;
const monthsBetween = (a: string, b: string): number => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
const RENEWED = new Set<Modality>(['radiofrequency_ablation', 'medial_branch_block']);
/** "Rx for PT gait training sent to Kestrel": the course a referral to a clinic names. */
const COURSE_NAMES: [Modality, RegExp][] = [
  ['physical_therapy', /\b(?:PT|physical therap\w*)\b/],
  ['occupational_therapy', /\b(?:OT|occupational therap\w*)\b/],
];
function namedCourse(quote: string): Modality | undefined {
  return COURSE_NAMES.find(([, re]) => re.test(quote))?.[0];
}
const SESSIONS = modalitiesIn('session');
/** How long after the order its sessions may start and still be the order carried out. */
const ORDER_WINDOW_DAYS = 120;
/**
 * Palliative, maintenance or supportive care, or care its author expects not to change the condition ("I do not
 * anticipate it will change her underlying motor recovery"); low vision rehabilitation teaches the use of the sight that
 * is left (magnifiers, lighting), it does not treat the eye.
 */
const PALLIATIVE_WORDS = /\b(?:palliat\w*|maintenance|supportive|low vision)\b|\bnot (?:expected|anticipated|likely|intended) to (?:change|improve|alter|restore)\b|\bdo(?:es)? not (?:anticipate|expect)\b[^.;]{0,40}\b(?:change|improve|alter|restore)\b|\bdoes not restore\b/i;
/** A course whose stated purpose is the claimant's safety, not recovery: falls, transfers, a carer's training, a wheelchair. */
const SAFETY_PURPOSE = /\b(?:goal is safety|for safety|fall prevention|prevent(?:ing)? falls|safe transfers|caregiver training|carer training|(?:wheelchair|w\/c) (?:assessment|evaluation|fitting))\b/i;
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
