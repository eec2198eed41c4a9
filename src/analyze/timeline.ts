/** The treatment timeline: treatment facts grouped per modality into entries with dates, sessions, outcomes and reasons. */
import { isForOtherCondition } from '../knowledge/relevance.js';
import type { FactOf, Modality, TimelineEntry } from '../model/index.js';
import type { CaseContext } from './case-context.js';
import { evidenceOf } from './case-context.js';
import { daysBetween } from './dates.js';
import { pushTo } from '../util/group.js';
import { pushAll } from '../util/arrays.js';
import { modalitiesIn, modalityWords } from '../model/modalities.js';
import { isProcedureRecord } from '../model/encounter.js';
import { reportedOutsideCourse } from './reported-course.js';

type Treatment = FactOf<'treatment'>;
type Measure = FactOf<'outcome_measure'>;

/** Courses of these modalities are split when sessions stop for longer than COURSE_BREAK_DAYS. */
const COURSE_MODALITIES = modalitiesIn('session');
const COURSE_BREAK_DAYS = 90;
/** Outcome measures farther than this from a course's first/last date are not its before/after. */
const MEASURE_WINDOW_DAYS = 60;
/** Benefit reports attach to a procedure up to this long after it. */
const BENEFIT_WINDOW_DAYS = 180;

const DONE = new Set(['performed', 'ongoing', 'completed']);
/** Procedures are counted from their own procedure/operative notes when the record has them. */

/**
 * Performed facts that stand for distinct sessions. Office notes often mention a past procedure again
 * ("s/p TFESI"); when procedure notes exist for the course, only they count.
 */
export function sessionFacts(course: Treatment[], ctx: CaseContext): Treatment[] {
  const done = course.filter((f) => DONE.has(f.attributes.status));
  const fromProcedureNotes = done.filter((f) => isProcedureRecord(ctx.encounterOf(f)?.kind));
  if (!fromProcedureNotes.length) return done;
  // Billed procedures are sessions too: the ledger fills in procedures whose notes are missing.
  return done.filter((f) => isProcedureRecord(ctx.encounterOf(f)?.kind) || ctx.encounterOf(f)?.source === 'ledger');
}

/**
 * Distinct sessions: one per date. A billed date within a day of a documented one is the same session
 * (posting dates drift), so a visit that is both noted and billed counts once.
 */
export function countSessions(done: Treatment[], ctx: CaseContext): number {
  const undated = new Set<string>();
  const noted = new Set<string>();
  const billed = new Set<string>();
  for (const f of done) {
    const d = ctx.dateOf(f);
    if (!d) undated.add(f.encounterId);
    else (ctx.encounterOf(f)?.source === 'ledger' ? billed : noted).add(d);
  }
  const billedOnly = [...billed].filter((b) => ![...noted].some((n) => Math.abs(daysBetween(n, b)) <= 1));
  return undated.size + noted.size + billedOnly.length;
}

function groupKey(f: Treatment): string {
  const a = f.attributes;
  // One row per drug (its class shown beside it); mentions that name only a class group under the class.
  if (a.modality === 'medication') return `medication|${isForOtherCondition(f) ? 'other|' : ''}${(a.drug ?? a.drugClass ?? '').toLowerCase()}`;
  return a.modality;
}

function splitCourses(facts: Treatment[], ctx: CaseContext): Treatment[][] {
  if (!COURSE_MODALITIES.has(facts[0].attributes.modality)) return [facts];
  const courses: Treatment[][] = [];
  let current: Treatment[] = [];
  let lastDone: string | undefined;
  for (const f of facts) {
    const d = ctx.dateOf(f);
    if (d && lastDone && DONE.has(f.attributes.status) && daysBetween(lastDone, d) > COURSE_BREAK_DAYS) {
      courses.push(current);
      current = [];
    }
    current.push(f);
    if (d && DONE.has(f.attributes.status)) lastDone = d;
  }
  if (current.length) courses.push(current);
  return courses;
}

function measureKey(m: Measure): string {
  return m.attributes.motion ? `${m.attributes.instrument}:${m.attributes.motion}` : m.attributes.instrument;
}

function point(m: Measure, ctx: CaseContext) {
  return { instrument: measureKey(m), value: m.attributes.value, date: ctx.dateOf(m), evidence: m.evidence };
}

/** Per instrument, the measure nearest to `date` on the given side (inclusive), within the window. */
function nearestMeasures(measures: Measure[], date: string, side: 'before' | 'after', ctx: CaseContext) {
  const best = new Map<string, { m: Measure; dist: number }>();
  for (const m of measures) {
    const d = ctx.dateOf(m);
    if (!d) continue;
    const dist = side === 'before' ? daysBetween(d, date) : daysBetween(date, d);
    if (dist < 0 || dist > MEASURE_WINDOW_DAYS) continue;
    const key = measureKey(m);
    const cur = best.get(key);
    if (!cur || dist < cur.dist) best.set(key, { m, dist });
  }
  return [...best.values()].map(({ m }) => point(m, ctx));
}

const NOT_YET = new Set(['recommended', 'planned']);

/**
 * Recommendations or plans that follow care already given ("Future medical care: anti-inflammatories" in a
 * P&S report after months of ibuprofen): they say the care should go on, not that it was never done.
 */
function trailingRecommendations(course: Treatment[]): Treatment[] {
  let i = course.length;
  while (i > 0 && NOT_YET.has(course[i - 1].attributes.status)) i--;
  const given = course.slice(0, i).some((f) => DONE.has(f.attributes.status));
  return given ? course.slice(i) : [];
}

function entryStatus(course: Treatment[], ctx: CaseContext, lastDate: string | undefined): TimelineEntry['status'] {
  const trailing = trailingRecommendations(course);
  const done = trailing.length ? course.slice(0, course.length - trailing.length) : course;
  const latest = done[done.length - 1].attributes.status;
  switch (latest) {
    case 'completed': case 'discontinued': case 'declined': case 'denied': case 'recommended': case 'planned':
      return latest;
    case 'performed': case 'ongoing': {
      // Care under way that a provider then recommends going on with is ongoing, however long ago it was last noted.
      if (trailing.length || !lastDate || !ctx.lastDate) return 'ongoing';
      return daysBetween(lastDate, ctx.lastDate) > COURSE_BREAK_DAYS ? 'completed' : 'ongoing';
    }
  }
}

function benefitFor(modality: Modality, performedDates: string[], providers: Set<string>, ctx: CaseContext) {
  const benefits = ctx.of('benefit').filter((b) => {
    const d = ctx.dateOf(b);
    if (!d) return false;
    const attributed = b.attributes.modality ? b.attributes.modality === modality : providers.has(ctx.providerOf(b));
    return attributed && performedDates.some((p) => { const gap = daysBetween(p, d); return gap >= 0 && gap <= BENEFIT_WINDOW_DAYS; });
  });
  if (!benefits.length) return undefined;
  // The latest report describes where the benefit ended up (relief often fades across a series).
  const withPercent = benefits.filter((b) => b.attributes.percentRelief !== undefined || b.attributes.noRelief);
  const withDuration = benefits.filter((b) => b.attributes.durationDays !== undefined);
  const lastPct = withPercent[withPercent.length - 1];
  return {
    percentRelief: lastPct ? (lastPct.attributes.noRelief ? 0 : lastPct.attributes.percentRelief) : undefined,
    durationDays: withDuration[withDuration.length - 1]?.attributes.durationDays,
    evidence: evidenceOf(benefits),
  };
}

function costOf(course: Treatment[], ctx: CaseContext): number | undefined {
  let total = 0;
  let found = false;
  const seenEnc = new Set<string>();
  for (const f of course) {
    if (!DONE.has(f.attributes.status) || seenEnc.has(f.encounterId)) continue;
    seenEnc.add(f.encounterId);
    const lines = ctx.encounterOf(f)?.billing ?? [];
    const matching = f.attributes.cpt ? lines.filter((l) => l.code === f.attributes.cpt) : lines;
    for (const l of matching) if (l.charge !== undefined) { total += l.charge; found = true; }
  }
  return found ? Math.round(total * 100) / 100 : undefined;
}

function label(f: Treatment): string {
  const a = f.attributes;
  const name = a.drug ?? a.subtype ?? modalityWords(a.modality);
  return [name, a.level, a.side, a.dose].filter(Boolean).join(' ');
}

function buildEntry(course: Treatment[], ctx: CaseContext): TimelineEntry {
  const first = course[0].attributes;
  const done = sessionFacts(course, ctx);
  const dated = (done.length ? done : course).map((f) => ctx.dateOf(f)).filter((d): d is string => !!d).sort();
  const firstDate = dated[0];
  const lastDate = dated[dated.length - 1];
  const providers = new Set(course.map((f) => ctx.providerOf(f)));
  const statedSessions = Math.max(0, ...course.map((f) => f.attributes.sessions ?? 0));
  const measures = ctx.of('outcome_measure');
  const subtypes = [...new Set(course.map((f) => f.attributes.subtype).filter((s): s is string => !!s))];
  const stopped = [...course].reverse().find((f) => f.attributes.reasonStopped)?.attributes.reasonStopped;
  const future = new Set(trailingRecommendations(course));
  return {
    modality: first.modality,
    subtype: first.modality === 'medication' ? (first.drug ?? first.drugClass) : subtypes.join(', ') || undefined,
    ...(first.modality === 'medication' && first.drug && first.drugClass ? { drugClass: first.drugClass } : {}),
    firstDate, lastDate,
    sessions: Math.max(countSessions(done, ctx), statedSessions),
    status: entryStatus(course, ctx, lastDate),
    providers: [...providers],
    outcomeBefore: firstDate ? nearestMeasures(measures, firstDate, 'before', ctx) : [],
    outcomeAfter: lastDate ? nearestMeasures(measures, lastDate, 'after', ctx) : [],
    benefit: benefitFor(first.modality, done.map((f) => ctx.dateOf(f)).filter((d): d is string => !!d), providers, ctx),
    reasonStopped: stopped,
    cost: costOf(course, ctx),
    ...(course.every(isForOtherCondition) ? { otherCondition: true } : {}),
    events: course.map((f) => ({
      date: ctx.dateOf(f), status: f.attributes.status, factId: f.id,
      label: future.has(f) ? `future care recommended: ${label(f)}` : label(f),
    })),
    evidence: evidenceOf(course),
  };
}

/** How near a documented course a historical mention must be to be taken as a summary of that course. */
const SUMMARY_WINDOW_DAYS = 120;

/**
 * A historical mention ("treated with 11 visits of physical therapy" in a later report) summarises care the
 * record documents elsewhere: near a documented course of the same modality it would only misdate it, so it is
 * left out. Historical care with no documented course nearby (an injection before the record starts) stays.
 * `documented` holds, per modality, the sorted dates of current (non-historical) treatment facts.
 */
function isSummaryOfDocumentedCare(f: Treatment, documented: Map<string, string[]>, ctx: CaseContext): boolean {
  if (f.temporality !== 'historical') return false;
  const d = ctx.dateOf(f);
  if (!d) return true;
  const dates = documented.get(f.attributes.modality);
  if (!dates?.length) return false;
  // Binary search for the documented dates either side of d; only the nearest can fall inside the window.
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] < d) lo = mid + 1; else hi = mid;
  }
  return [dates[lo - 1], dates[lo]].some((g) => g !== undefined && Math.abs(daysBetween(d, g)) <= SUMMARY_WINDOW_DAYS);
}

/**
 * "Continue anti-inflammatories" names a class, not a drug: when the record has exactly one drug of that class,
 * the mention belongs to that drug's row; otherwise it keeps a row of its own.
 */
function mergeClassMentions(groups: Map<string, Treatment[]>): void {
  for (const [key, facts] of [...groups]) {
    const a = facts[0].attributes;
    if (a.modality !== 'medication' || a.drug || !a.drugClass) continue;
    const sameClass = [...groups.entries()].filter(([k, fs]) => k !== key && fs[0].attributes.modality === 'medication' && fs[0].attributes.drug
      && fs[0].attributes.drugClass === a.drugClass && k.startsWith(key.slice(0, key.lastIndexOf('|') + 1)));
    if (sameClass.length !== 1) continue;
    pushAll(sameClass[0][1], facts);
    sameClass[0][1].sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
    groups.delete(key);
  }
}

/** Treatment facts grouped into courses per modality, sorted by first date. Historical treatment counts as past events. */
const INTRA_OPERATIVE = modalitiesIn('intra_operative');
const INJECTIONS = modalitiesIn('injection');

export function buildTimeline(ctx: CaseContext): TimelineEntry[] {
  const groups = new Map<string, Treatment[]>();
  const documented = new Map<string, string[]>();
  for (const g of ctx.of('treatment')) {
    const d = ctx.dateOf(g);
    if (!d) continue;
    const list = documented.get(g.attributes.modality);
    if (list) list.push(d); else documented.set(g.attributes.modality, [d]);
  }
  for (const dates of documented.values()) dates.sort();
  // For an injury claim, care dated before the date of injury treated something else (a prior strain): not this claim's course.
  const injury = (ctx.claim.type === 'workers_comp' || ctx.claim.type === 'personal_injury') ? ctx.claim.onset : undefined;
  // An injection an operative report gives during the operation (bupivacaine into the joint at closing) is part
  // of the surgery, not a course of injections.
  const operations = new Set(ctx.of('treatment').filter((f) => f.attributes.modality === 'surgery' && f.attributes.status !== 'declined'
    && ctx.encounterOf(f)?.kind === 'operative_report').map((f) => f.encounterId));
  // "Had neck injection 07/18" in a chiropractor's log, on the day the epidural is documented, or "while pt gets
  // TPI/injections": an injection already named, told without its name.
  const named = ctx.of('treatment').filter((f) => INJECTIONS.has(f.attributes.modality) && f.attributes.modality !== 'other_injection');
  const namedInjectionDays = new Set(named.filter((f) => DONE.has(f.attributes.status)).map((f) => ctx.dateOf(f)));
  const namedInSentence = new Set(named.map((f) => `${f.encounterId}|${f.evidence[0]?.quote}`));
  const outside = reportedOutsideCourse(ctx);
  for (const f of ctx.of('treatment', true)) {
    if (isSummaryOfDocumentedCare(f, documented, ctx)) continue;
    if (f.attributes.modality === 'other_injection' && !f.attributes.subtype
      && (namedInjectionDays.has(ctx.dateOf(f)) || namedInSentence.has(`${f.encounterId}|${f.evidence[0]?.quote}`))) continue;
    if (operations.has(f.encounterId) && INTRA_OPERATIVE.has(f.attributes.modality)) continue;
    const fd = ctx.dateOf(f);
    if (injury && fd && daysBetween(fd, injury) > 7) continue;
    // "Continue PT 2x/week per Haw River PT" in the surgeon's notes a year after the therapist's discharge: the
    // sentence was carried forward, not a course of its own.
    if (fd && (f.attributes.status === 'performed' || f.attributes.status === 'ongoing') && outside(f, fd)) continue;
    // An examiner retelling care from the records adds no course of its own; its recommendations still count.
    if (f.temporality === 'historical' && ctx.encounterOf(f)?.documentRole === 'examining') continue;
    const key = groupKey(f);
    pushTo(groups, key, f);
  }
  mergeClassMentions(groups);
  const entries = [...groups.values()].flatMap((facts) => splitCourses(facts, ctx)).map((c) => buildEntry(c, ctx));
  return entries.sort((a, b) => (a.firstDate ?? '9999').localeCompare(b.firstDate ?? '9999'));
}
