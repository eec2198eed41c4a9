import { isAcceptableMedicalSource } from '../../providers.js';
import { list, makeGap, recordsOffice } from '../helpers.js';
import type { GapRule } from '../types.js';
import { isIn, MODALITIES, modalityWords } from '../../../model/modalities.js';

const NOT_STARTED = new Set(['recommended', 'planned', 'declined', 'denied']);
const DONE = new Set(['performed', 'completed', 'ongoing', 'discontinued']);
const PLANNED_COUNT = /authori[sz]|approv\w*|certif\w*|prescri\w*|request\w*|\bplan\w*|x ?\d+ ?(?:wks?|weeks)|\d+x\/w/i;
/** "visit 12 of 12", "(visit 22/24)": a counter of visits attended, whatever status the sentence was read with. */
const VISIT_COUNTER = /\bvisit #?\d+ ?(?:\/|of) ?\d+/i;
/** Courses shorter than this are documented well enough by an evaluation and a discharge. */
const MIN_SESSIONS = 6;
/** Missing notes for at least this many visits make the course undocumented. */
const MIN_MISSING = 4;
/** Billed visits without notes, this many or more, are asked for even in an otherwise documented course. */
const MIN_BILLED_UNDOCUMENTED = 3;

/** The count is written in the sentence as a number of visits ("12 visits", "visit 22/24"), not read from a date. */
function statesCount(quote: string, n: number | undefined): boolean {
  if (!n) return false;
  return new RegExp(`\\b${n}\\s*(?:visits?|sessions?|treatments?|tx)\\b|\\bvisits?\\b[^.;]{0,25}\\b${n}\\b|\\bvisit #?${n}\\b`, 'i').test(quote);
}

export const rule: GapRule = {
  meta: {
    id: 'therapy-notes-missing',
    title: 'Therapy daily notes missing: only some of the visits are documented',
    severity: 'medium',
    rationale: 'Daily treatment notes show what was done at each visit, the patient\'s tolerance, attendance and measured progress; an evaluation and a discharge summary alone cannot show whether the course was followed, how the condition responded, or support the visit count that was billed.',
    authority: { cite: '20 CFR 404.1512(b) (complete medical history); 20 CFR 404.1529(c)(3)(v) (treatment and its effect)', url: 'https://www.ecfr.gov/current/title-20/section-404.1512' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the therapy clinic\'s medical records office', ask: 'Please send the daily treatment notes for every visit of the course.' },
  },
  check(ctx) {
    const gaps = [];
    const byId = new Map(ctx.asserted.map((f) => [f.id, f]));
    for (const e of ctx.timeline) {
      // The specialty whose notes and bills document each kind of therapy course.
      const specialties = isIn(e.modality, 'therapy') ? MODALITIES[e.modality].providedBy : undefined;
      if (!specialties || NOT_STARTED.has(e.status) || !e.firstDate || !e.lastDate) continue;
      const inWindow = (d?: string) => !!d && d >= e.firstDate! && d <= e.lastDate!;
      // The therapist's own notes in the file: only a course with some of them can be missing the rest.
      const own = ctx.visits.filter((v) => inWindow(v.date) && v.encounters.some((x) => specialties.includes(x.specialty) && isAcceptableMedicalSource(x) === false));
      if (!own.length) continue;
      // Visits the course actually had: counts stated for sessions done, not the number authorized or planned ("visit 12/18", "12 visits approved").
      const stated = Math.max(0, ...e.events.map((ev) => byId.get(ev.factId)).map((f) => (f?.type === 'treatment'
        && (DONE.has(f.attributes.status) || f.evidence.some((x) => VISIT_COUNTER.test(x.quote)))
        && !f.evidence.some((x) => PLANNED_COUNT.test(x.quote)) && statesCount(f.evidence.map((x) => x.quote).join(' '), f.attributes.sessions) ? f.attributes.sessions ?? 0 : 0)));
      const billed = new Set([...ctx.encounters.values()].filter((x) => x.source === 'ledger' && specialties.includes(x.specialty) && inWindow(x.date)).map((x) => x.date!));
      // A flowsheet documents each visit on its own dated row: those dates count as documented visits too.
      const ownEncounters = new Set(own.flatMap((v) => v.encounters.map((x) => x.id)));
      const rows = ctx.asserted.filter((f) => ownEncounters.has(f.encounterId) && f.dateSource === 'sentence' && inWindow(ctx.dateOf(f))).map((f) => ctx.dateOf(f)!);
      // A visit log inside the therapist's note ("12 | 10/24/23 | …") documents each of its dated rows.
      const logged = own.flatMap((v) => v.encounters.flatMap((x) => x.visitRows ?? [])).map((r) => r.date).filter((d) => inWindow(d));
      const notes = new Set([...own.map((v) => v.date), ...rows, ...logged]);
      const claimed = Math.max(stated, billed.size);
      // Visits billed (and so paid for) whose notes are not in the file, even when most of the course is documented.
      const billedUndocumented = [...billed].filter((d) => !notes.has(d)).sort();
      const mostlyMissing = claimed >= MIN_SESSIONS && notes.size <= claimed / 2 && claimed - notes.size >= MIN_MISSING;
      if (!mostlyMissing && billedUndocumented.length < MIN_BILLED_UNDOCUMENTED) continue;
      // A course that ended with its result measured (the same instrument at the start and at discharge) is
      // documented for a decision; its daily notes matter only to reconcile a ledger that bills more visits.
      const measured = e.outcomeBefore.some((b) => e.outcomeAfter.some((a) => a.instrument === b.instrument));
      if (!billed.size && measured && (e.status === 'completed' || e.status === 'discontinued')) continue;
      const therapist = own[own.length - 1].provider;
      const course = `${modalityWords(e.modality)} course ${e.firstDate} to ${e.lastDate}`;
      const source = billed.size >= stated ? `${billed.size} visits billed in the ledger` : `${stated} visits`;
      // The note that says how the course ended is the one a reviewer asks for first.
      const discharged = own.some((v) => v.encounters.some((x) => x.kind === 'pt_discharge'));
      const noDischarge = discharged ? '' : ' No discharge summary in the file says how the course ended.';
      gaps.push(makeGap(rule.meta, {
        why: (mostlyMissing
          ? `The ${course} (${therapist}) comprises ${source}, but the file documents ${notes.size} date${notes.size === 1 ? '' : 's'} of service (evaluation, progress or discharge notes); the daily notes for the other visits are missing.`
          : `The ledger bills ${billedUndocumented.length} visits of the ${course} (${therapist}) that have no note in the file (${list(billedUndocumented.slice(0, 8))}${billedUndocumented.length > 8 ? ' …' : ''}).`) + noDischarge,
        to: recordsOffice(therapist, 'the therapy clinic'),
        ask: `Please send ${discharged ? '' : 'the discharge summary (visits attended, final measures, reason for discharge), '}the complete daily treatment notes (per-visit notes with treatment given, tolerance and measures) and the attendance log for the ${course} (${source}).`,
        evidence: [...own[0].facts.slice(0, 1).flatMap((f) => f.evidence.slice(0, 1)), ...e.evidence.slice(-1)],
      }));
    }
    return gaps;
  },
};
