import { specialtyFromCredential } from '../../../segment/classify.js';
import type { Fact } from '../../../model/index.js';
import { daysBetween } from '../../dates.js';
import { beforeOnset, datesOf, list, makeGap, opinionAddressee, quoteOf, recordsOffice, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';

/** (A fracture's "joint-depression type" or "central depression" is bone pushed in, not a mood.) */
const MH_DIAGNOSIS = /\b(?:(?<!joint[- ])(?<!central )(?<!articular )depress\w*(?![- ](?:type|fracture|deformity))|anxiety|adjustment disorder|PTSD|post-?traumatic stress|panic disorder|bipolar|mood disorder|dysthymi\w*)\b/i;
const MH_CODE = /^F(?:3[0-9]|4[0-8])/i;
const SCREEN = /\b(?:PHQ-?9|PHQ-?2|GAD-?7|Beck Depression|BDI)\b/i;
const MOOD_WORDS = /\b(?:mood|depress\w*|anxi\w*|stress|tearful\w*|nerves)\b/i;
const ANTIDEPRESSANT = /\b(?:sertraline|fluoxetine|escitalopram|citalopram|paroxetine|bupropion|duloxetine|venlafaxine|desvenlafaxine|mirtazapine|trazodone|vortioxetine)\b/i;
/** "Counseling" about smoking, diet or money is not mental-health care. */
const NOT_MENTAL = /\b(?:smok\w*|tobacco|quit line|diet\w*|weight|nutrition\w*|financial|charity|wt loss|low-impact|prediabet\w*)\b/i;
const MH_CARE_WORDS = /\b(?:counsel\w*|CBT|psychotherap\w*|psycholog\w*|psychiatr\w*|behavioral health|therapist)\b/i;
/** Mental-health care that ended this long before the latest sign leaves the current state unevaluated. */
const STALE_CARE_DAYS = 90;

/** A sign of a mental-health condition in one fact: a diagnosis, a screening score, an antidepressant for mood. */
function isSign(f: Fact): boolean {
  const q = quoteOf(f);
  if (f.type === 'diagnosis') return (MH_DIAGNOSIS.test(f.attributes.name) || MH_CODE.test(f.attributes.code ?? '')) && !NOT_MENTAL.test(q);
  if (f.type === 'outcome_measure') return SCREEN.test(q);
  if (f.type === 'treatment' && f.attributes.modality === 'medication') return (ANTIDEPRESSANT.test(q) || /antidepress|SSRI|SNRI/i.test(f.attributes.drugClass ?? '')) && MOOD_WORDS.test(q);
  return SCREEN.test(q) && /\d/.test(q);
}

function isMentalHealthCare(f: Fact): boolean {
  return f.type === 'treatment' && f.attributes.modality === 'psychology' && MH_CARE_WORDS.test(quoteOf(f)) && !NOT_MENTAL.test(quoteOf(f));
}

export const rule: GapRule = {
  meta: {
    id: 'mental-health-unaddressed',
    title: 'Mental-health signs without a mental-health evaluation or treatment records',
    severity: 'high',
    rationale: 'Depression, anxiety or an adjustment disorder noted in passing (a diagnosis, a PHQ-9 score, an antidepressant started for mood) can limit concentration, pace and attendance, and can be a compensable or claimed consequence of the injury. Without a mental-health evaluation, or the counseling records, these effects are undeveloped.',
    authority: { cite: '20 CFR 404.1520a (evaluation of mental impairments); 20 CFR 404.1512(b) (developing the medical history); SSR 16-3p', url: 'https://www.ecfr.gov/current/title-20/section-404.1520a' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the treating physician', ask: 'Please evaluate the patient\'s mental health or refer to a psychologist or psychiatrist, and send any counseling records.' },
  },
  check(ctx) {
    // Signs recorded before the alleged onset are the baseline, not the claimed period's.
    const signs = ctx.asserted.filter((f) => f.temporality === 'current' && isSign(f) && !beforeOnset(ctx, f));
    if (!signs.length) return [];
    const care = ctx.asserted.filter(isMentalHealthCare);
    const careDone = care.filter((f) => f.type === 'treatment' && ['performed', 'completed', 'ongoing'].includes(f.attributes.status));
    const declined = care.filter((f) => f.type === 'treatment' && f.attributes.status === 'declined');
    // Visits with a mental-health professional: by credential, or a psychology/psychiatry note not written by a physician or NP.
    const mhVisits = ctx.visits.filter((v) => v.encounters.some((e) => specialtyFromCredential(e.provider.credential) === 'psychology' || e.specialty === 'psychiatry'
      || (e.specialty === 'psychology' && !e.provider.credential && !/^dr\.?\s/i.test(e.provider.name ?? ''))));
    const signDates = datesOf(ctx, signs);
    const lastSign = signDates[signDates.length - 1];
    const careDates = [...datesOf(ctx, careDone), ...mhVisits.map((v) => v.date)].sort();
    const lastCare = careDates[careDates.length - 1];
    // Care that continues up to (or after) the latest sign answers it, when its records are in the file.
    if (mhVisits.length && lastCare && lastSign && daysBetween(lastCare, lastSign) <= STALE_CARE_DAYS) return [];
    if (!mhVisits.length && careDone.length && lastCare && lastSign && daysBetween(lastCare, lastSign) <= STALE_CARE_DAYS) {
      // Counseling is under way but only mentioned: its records are what is missing.
      const counselor = careDone[careDone.length - 1];
      return [makeGap(rule.meta, {
        why: `Mental-health care is mentioned (${shortQuote(counselor)}) but none of its records are in the file.`,
        to: recordsOffice(undefined, 'the counseling or psychology practice named in the notes'),
        ask: `Please send the intake evaluation, session notes and any testing for the mental-health treatment mentioned on ${ctx.dateOf(counselor) ?? 'the dates in the notes'} ("${shortQuote(counselor, 90)}").`,
        evidence: [...counselor.evidence.slice(0, 1), ...signs[signs.length - 1].evidence.slice(0, 1)],
      })];
    }
    // The clinician who follows these symptoms (most signs, latest first) is asked to evaluate them.
    const counts = new Map<string, number>();
    for (const f of signs) counts.set(ctx.providerOf(f), (counts.get(ctx.providerOf(f)) ?? 0) + 1);
    const follower = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const who = opinionAddressee(ctx, follower);
    const what = [...new Set(signs.map((f) => shortQuote(f, 70)))].slice(-3);
    const ended = careDone.length && lastCare ? ` Mental-health care mentioned in the record ended by ${lastCare}, with no follow-up since.` : '';
    const refused = declined.length ? ` Counseling was offered and declined (${datesOf(ctx, declined).join(', ')}) with no reason recorded beyond the note.` : '';
    const records = careDone.length ? ` Please also send, or tell us where to obtain, the records of the counseling or psychology care mentioned (last ${lastCare}).` : '';
    return [makeGap(rule.meta, {
      why: `Mental-health signs are recorded (${what.map((w) => `"${w}"`).join('; ')}; ${list(signDates.slice(-3))}), but no psychologist or psychiatrist has evaluated them.${ended}${refused}`,
      to: who,
      ask: `Please evaluate and document the patient's mental health: a mental status examination and standardized screening (PHQ-9, GAD-7), the diagnosis, treatment or referral to a psychologist or psychiatrist${declined.length ? ', the reasons the patient gave for declining counseling' : ''}, and how the symptoms affect concentration, persistence, pace and attendance.${records}`,
      evidence: [...signs.slice(-3).flatMap((f) => f.evidence.slice(0, 1)), ...declined.slice(-1).flatMap((f) => f.evidence.slice(0, 1))],
    })];
  },
};
