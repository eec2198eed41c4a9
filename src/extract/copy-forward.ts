/**
 * Copy-forward: a treatment sentence carried unchanged into later notes ("Currently in PT 3x/week, progressing.",
 * "SCS trial planned April.") restates the first note. Its later copies are history, not care at those visits.
 */
import type { Encounter, Fact, FactOf, SourceDocument } from '../model/index.js';
import { modalitiesIn } from '../model/modalities.js';
import { isProcedureRecord } from '../model/encounter.js';
import { lookupCode, splitCode } from '../knowledge/cpt.js';
import { sentenceKey } from '../util/text.js';

/** Shorter sentences ("Continue HEP.") are legitimately written again at each visit. */
const MIN_COPIED = 30;

export function markCopiedForward(facts: Fact[], encounters: Encounter[]): void {
  const byId = new Map(encounters.map((e) => [e.id, e]));
  const first = new Map<string, { date: string; encounterId: string }>();
  const key = (f: Fact) => `${f.type}|${f.type === 'treatment' ? f.attributes.modality : f.type === 'plan_signal' ? f.attributes.signal : ''}|${sentenceKey(f.evidence[0]?.quote ?? '')}`;
  // (So is a trial's "titration ongoing: currently at 150 mg, increasing to 200 mg in 2 weeks" repeated months later.)
  const eligible = (f: Fact) => (f.type === 'treatment' || (f.type === 'plan_signal' && f.attributes.signal === 'response_pending'))
    && (f.evidence[0]?.quote.trim().length ?? 0) >= MIN_COPIED && byId.get(f.encounterId)?.source === 'note';
  const dateOf = (f: Fact) => byId.get(f.encounterId)?.date;
  for (const f of facts) {
    const d = dateOf(f);
    if (!eligible(f) || !d) continue;
    const k = key(f);
    const cur = first.get(k);
    if (!cur || d < cur.date) first.set(k, { date: d, encounterId: f.encounterId });
  }
  for (const f of facts) {
    const d = dateOf(f);
    if (!eligible(f) || !d || f.temporality !== 'current') continue;
    const orig = first.get(key(f));
    if (!orig || orig.date >= d || orig.encounterId === f.encounterId) continue;
    f.temporality = 'historical';
    const ev = f.evidence[0];
    f.context = [...f.context, { category: 'historical', trigger: `copied forward from the note of ${orig.date}`, start: ev.start, end: ev.start }];
  }
}

/**
 * An examiner's report (IME, QME, CE, designated doctor) reviews the care others gave: the treatments it names
 * as done are history told by the examiner, not care given at the examination.
 */
export function markExaminerReview(facts: Fact[], encounters: Encounter[]): void {
  const examining = new Set(encounters.filter((e) => e.documentRole === 'examining').map((e) => e.id));
  for (const f of facts) {
    if (f.type !== 'treatment' || !examining.has(f.encounterId) || f.temporality !== 'current') continue;
    if (!['performed', 'ongoing', 'completed', 'discontinued'].includes(f.attributes.status)) continue;
    f.temporality = 'historical';
    const ev = f.evidence[0];
    f.context = [...f.context, { category: 'historical', trigger: "records review in an examiner's report", start: ev.start, end: ev.start }];
  }
}

/** Words that say a treatment was tried and did not work ("s/p failed SCS trial", "trial UNSUCCESSFUL"). */
const FAILED = /\b(?:failed|unsuccessful|did not (?:help|work)|no (?:significant )?(?:relief|benefit))\b/i;
/** Trials and procedures done once to see if they work; a therapy course is resumed without saying "repeat". */
const ONE_OFF = new Set<string>([...modalitiesIn('spinal_procedure'), 'surgery', 'spinal_cord_stimulator']);
/** A plan that means to do it again on purpose. */
const AGAIN = /\b(?:repeat\w*|again|another|second|2nd|re-?trial|re-?do|revision|permanent|implant)\b/i;

/**
 * A plan to try what the record already shows failed ("Proceed with SCS trial once psychological clearance is
 * received" in a note whose assessment says "s/p failed SCS trial") is a plan carried forward from before the
 * trial, not care planned now, unless it says the treatment is to be repeated.
 */
export function markSupersededPlans(facts: Fact[], encounters: Encounter[]): void {
  const dateOf = new Map(encounters.map((e) => [e.id, e.date]));
  const failedOn = new Map<string, string>();
  for (const f of facts) {
    if (f.type !== 'treatment' || f.negated || !FAILED.test(f.evidence[0]?.quote ?? '')) continue;
    const d = dateOf.get(f.encounterId);
    const m = f.attributes.modality;
    if (d && m !== 'medication' && (failedOn.get(m) ?? '9999') > d) failedOn.set(m, d);
  }
  for (const f of facts) {
    if (f.type !== 'treatment' || f.temporality !== 'current' || !['recommended', 'planned'].includes(f.attributes.status)) continue;
    const failed = failedOn.get(f.attributes.modality);
    const d = dateOf.get(f.encounterId);
    const quote = f.evidence[0]?.quote ?? '';
    if (!failed || !d || d < failed || AGAIN.test(quote) || FAILED.test(quote) || !ONE_OFF.has(f.attributes.modality)) continue;
    f.temporality = 'historical';
    const ev = f.evidence[0];
    f.context = [...f.context, { category: 'historical', trigger: `a plan for what the record shows failed by ${failed}`, start: ev.start, end: ev.start }];
  }
}

/** "Start methocarbamol - like-for-like substitution", "switch to": a drug exchanged within the regimen. */
export const SWAP = /\b(?:substitut\w*|like[- ]for[- ]like|switch\w*|instead of|in place of|change[ds]? (?:from|to))\b/i;

/**
 * A drug prescribed again ("Rx hydrocodone … x 3 fills, gabapentin …" at every quarterly visit) or swapped for one of
 * its kind continues the regimen: it is not a new treatment, so it cannot break a maintenance phase. So is a "start" of
 * a drug the same note already shows being taken ("Taking golimumab monthly, last dose 08/04. … PLAN: Start golimumab
 * 50 mg SC monthly"): an old plan carried into the note.
 */
const FIRST_DOSE = /\b(?:first|initial|loading) (?:dose|injection|infusion)\b/i;
/** A start said in words ("Start sertraline 50 mg"), not one read from a list's "augmentation" or "trial of". */
const START_WORD = /\b(?:re-?)?start(?:ed|ing|s)?\b/i;
const TAKEN = new Set(['ongoing', 'performed', 'completed', 'discontinued']);

export function markRefills(facts: Fact[], encounters: Encounter[]): void {
  const dateOf = new Map(encounters.map((e) => [e.id, e.date]));
  // An examiner's or a state agency's summary of the treating records ("08/29/2023 - duloxetine 30 mg started", in a
  // determination dated by its initial review) is not when the claimant began a drug.
  const examining = new Set(encounters.filter((e) => e.documentRole === 'examining').map((e) => e.id));
  const firstTaken = new Map<string, string>();
  for (const f of facts) {
    // Taken, not only proposed: "PA submitted for galcanezumab" months before the loading dose is not a start.
    // Nor only contemplated: "if no better, may switch to pregabalin" is not when pregabalin was first taken.
    if (f.type !== 'treatment' || f.attributes.modality !== 'medication' || !f.attributes.drug || f.negated || f.temporality === 'hypothetical' || !TAKEN.has(f.attributes.status) || examining.has(f.encounterId)) continue;
    // (A medication list's "duloxetine 30 mg … start 08/29/2023" on an earlier visit's page is dated by its own later
    // date; "Botox since 06/2022 … ubrogepant prn" in a 2024 note says nothing of when ubrogepant began.)
    const at = dateOf.get(f.encounterId);
    const d = at && f.date && f.date > at ? f.date : at ?? f.date;
    if (d && (firstTaken.get(f.attributes.drug) ?? '9999') > d) firstTaken.set(f.attributes.drug, d);
  }
  // (Unless it was stopped in between: "Client off sertraline since about 12/2023. … Start sertraline 50 mg".)
  const stops = facts.filter((f) => f.type === 'treatment' && f.attributes.modality === 'medication' && !!f.attributes.drug && !f.negated
    && f.temporality === 'current' && (f.attributes.status === 'discontinued' || f.attributes.doseChange === 'stopped'));
  const stoppedBetween = (drug: string, from: string, to: string) => stops.some((s) => s.type === 'treatment' && s.attributes.drug === drug
    && (dateOf.get(s.encounterId) ?? '') > from && (dateOf.get(s.encounterId) ?? '') <= to);
  // Taken earlier in the very note (read in order; a stop in between lets it be started again).
  const takenInNote = new Set<string>();
  const startedInNote = new Set<string>();
  for (const f of facts) {
    if (f.type !== 'treatment' || f.attributes.modality !== 'medication' || !f.attributes.drug || f.negated || f.temporality !== 'current') continue;
    const key = `${f.encounterId}|${f.attributes.drug}`;
    if (f.attributes.doseChange === 'started' && takenInNote.has(key)) startedInNote.add(key);
    else if (f.attributes.status === 'discontinued' || f.attributes.doseChange === 'stopped') takenInNote.delete(key);
    else if (f.attributes.status === 'ongoing' && !f.attributes.doseChange) takenInNote.add(key);
  }
  // "Rx hydrocodone … x 3 fills" for a drug taken since an earlier visit: prescribed again, not started.
  for (const f of facts) {
    if (f.type !== 'treatment' || f.attributes.modality !== 'medication' || !f.attributes.drug || f.attributes.doseChange !== 'started') continue;
    const d = dateOf.get(f.encounterId);
    const since = firstTaken.get(f.attributes.drug);
    // "First dose tocilizumab administered" weeks after it was prescribed is when it was started.
    const quote = f.evidence[0]?.quote ?? '';
    const again = d && since && since < d && !SWAP.test(quote) && !FIRST_DOSE.test(quote) && !(START_WORD.test(quote) && stoppedBetween(f.attributes.drug, since, d));
    // (The loading dose given today is the start, whatever the interval history said of the pens delivered.)
    if (again || (startedInNote.has(`${f.encounterId}|${f.attributes.drug}`) && !FIRST_DOSE.test(quote))) f.attributes = { ...f.attributes, doseChange: 'continued' };
  }
  for (const f of facts) {
    if (f.type !== 'plan_signal' || f.attributes.signal !== 'new_treatment' || f.temporality !== 'current' || !f.attributes.target) continue;
    const d = dateOf.get(f.encounterId);
    const since = firstTaken.get(f.attributes.target);
    const quote = f.evidence[0]?.quote ?? '';
    const refill = (since && d && since < d && !(START_WORD.test(quote) && stoppedBetween(f.attributes.target, since, d)))
      || startedInNote.has(`${f.encounterId}|${f.attributes.target}`);
    const swap = SWAP.test(quote);
    if (!refill && !swap) continue;
    f.temporality = 'historical';
    f.context = [...f.context, { category: 'historical', trigger: refill ? `prescribed again: taken since ${since}` : 'a drug exchanged within the regimen', start: f.evidence[0].start, end: f.evidence[0].start }];
  }
}

/**
 * A "new treatment" signal is read from a treatment's own words: when a later pass finds those words copied
 * forward, superseded or historical, the signal goes with them.
 */
export function alignDerivedSignals(facts: Fact[]): void {
  const byWords = new Map<string, Fact>();
  for (const f of facts) if (f.type === 'treatment' && f.temporality !== 'current') byWords.set(`${f.encounterId}|${f.evidence[0]?.start}`, f);
  for (const s of facts) {
    if (s.type !== 'plan_signal' || s.attributes.signal !== 'new_treatment' || s.temporality !== 'current') continue;
    const t = byWords.get(`${s.encounterId}|${s.evidence[0]?.start}`);
    if (!t) continue;
    s.temporality = t.temporality;
    s.context = [...s.context, ...t.context.filter((c) => c.category === t.temporality)];
  }
}

/**
 * "Procedure: bilateral occipital nerve block performed today (see procedure note)" in an office visit that the
 * practice's ledger bills as a visit only, with no procedure charged that day: template text carried into the note,
 * not a procedure given. (Without a ledger line for that day nothing can be said either way.)
 */
export function markUnbilledProcedures(facts: Fact[], encounters: Encounter[]): void {
  const billed = new Map<string, { visit: boolean; procedure: boolean }>();
  for (const e of encounters) {
    if (e.source !== 'ledger' || !e.date) continue;
    const day = billed.get(e.date) ?? { visit: false, procedure: false };
    for (const line of e.billing ?? []) {
      const meaning = line.code ? lookupCode(splitCode(line.code)?.code ?? line.code) : undefined;
      // A code this table does not know may be the procedure: only a visit code alone says there was none.
      if (meaning?.kind === 'visit') day.visit = true;
      else if (line.code && (meaning?.kind !== 'treatment' || PROCEDURES.has(meaning.modality))) day.procedure = true;
    }
    billed.set(e.date, day);
  }
  if (!billed.size) return;
  const byId = new Map(encounters.map((e) => [e.id, e]));
  for (const f of facts) {
    const enc = byId.get(f.encounterId);
    const day = enc?.date ? billed.get(enc.date) : undefined;
    if (f.type !== 'treatment' || !day || !day.visit || day.procedure || f.attributes.status !== 'performed' || f.temporality !== 'current'
      || !PROCEDURES.has(f.attributes.modality) || enc?.source !== 'note' || isProcedureRecord(enc.kind)) continue;
    f.temporality = 'historical';
    const ev = f.evidence[0];
    f.context = [...f.context, { category: 'historical', trigger: `the ledger bills a visit on ${enc.date} and no procedure`, start: ev.start, end: ev.start }];
  }
}
const PROCEDURES = modalitiesIn('procedure');

/** A plan line long enough to be a template's, not a phrase written afresh at each visit. */
const MIN_COPIED_LINE = 50;
/** A line compared as written, whatever its spacing and case. */
const lineKey = (line: string): string => line.replace(/\s+/g, ' ').trim().toLowerCase();
const lineAt = (text: string, at: number): string => {
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, end < 0 ? text.length : end);
};

/**
 * "PLAN: Not medically stationary. Continue hand therapy 2x/week. Work: modified duty, …" carried word for word into a
 * note written after the same doctor found MMI: the line is the earlier visit's, not a withdrawal of the MMI. A
 * not-at-MMI statement whose whole line repeats a line of an earlier note, with an MMI stated in between, is history.
 */
export function markCopiedMmiLines(doc: SourceDocument, facts: Fact[], encounters: Encounter[]): void {
  const byId = new Map(encounters.map((e) => [e.id, e]));
  const dateOf = (f: Fact) => byId.get(f.encounterId)?.date;
  const mmiDates = facts.filter((f) => f.type === 'mmi_statement' && f.temporality === 'current' && !f.negated
    && (f.attributes.kind === 'mmi' || f.attributes.kind === 'permanent_and_stationary')).map(dateOf).filter((d): d is string => !!d);
  if (!mmiDates.length) return;
  let lines: { date: string; text: Set<string> }[] | undefined;
  const linesBefore = (date: string) => (lines ??= encounters.filter((e) => e.date)
    .map((e) => ({ date: e.date!, text: new Set(doc.text.slice(e.start, e.end).split('\n').map(lineKey)) })))
    .filter((e) => e.date < date);
  for (const f of facts) {
    const d = dateOf(f);
    if (f.type !== 'mmi_statement' || f.attributes.kind !== 'not_at_mmi' || f.temporality !== 'current' || !d) continue;
    const ev = f.evidence[0];
    const line = lineKey(lineAt(doc.text, ev.start));
    if (line.length < MIN_COPIED_LINE) continue;
    const earlier = linesBefore(d).find((e) => e.text.has(line) && mmiDates.some((m) => m > e.date && m < d));
    if (!earlier) continue;
    f.temporality = 'historical';
    f.context = [...f.context, { category: 'historical', trigger: `copied forward from the note of ${earlier.date}`, start: ev.start, end: ev.start }];
  }
}
