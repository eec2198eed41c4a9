import { isAcceptableMedicalSource } from '../../providers.js';
import { isFunctionalInstrument } from '../../../knowledge/instruments.js';
import { list, makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';
import { pushTo } from '../../../util/group.js';
import { daysBetween } from '../../dates.js';
import { modalitiesIn, modalityWords } from '../../../model/modalities.js';
import { specialtiesIn } from '../../../model/specialties.js';

const THERAPY = modalitiesIn('therapy');
const THERAPY_SPECIALTY = specialtiesIn('therapy');
const ENDED = new Set(['completed', 'discontinued']);
/** A course this short (an evaluation and a no-show discharge) has nothing to measure change over. */
const MIN_SESSIONS = 3;
/** A score this close to either end of the course stands for it: therapists re-score every few visits, not at the last. */
const START_DAYS = 14;
const END_DAYS = 30;

export const rule: GapRule = {
  meta: {
    id: 'pt-without-functional-measures',
    title: 'Therapy course without standardized functional outcome measures at the start and at discharge',
    severity: 'medium',
    rationale: 'A standardized functional score (ODI, NDI, LEFS, QuickDASH, PSFS) at the start and end of a therapy course shows objectively whether the treatment helped; without it, "failed conservative care" and a plateau rest on narrative alone.',
    authority: { cite: '20 CFR 404.1529(c)(3)(v) (treatment other than medication and its effect); SSR 16-3p', url: 'https://thefederalregister.org/81-FR/14166' },
    profiles: ['general'],
    request: { to: 'the treating therapist', ask: 'Please send the discharge summary with standardized functional outcome measures at the start and the end of the course.' },
    keyed: true,
  },
  check(ctx) {
    const byTherapist = new Map<string, string[]>();
    const evidence = new Map<string, ReturnType<typeof ctx.of<'outcome_measure'>>[number]['evidence']>();
    for (const e of ctx.timeline) {
      if (!THERAPY.has(e.modality) || !ENDED.has(e.status) || !e.firstDate || !e.lastDate || e.sessions < MIN_SESSIONS) continue;
      // Only the therapist's own notes can carry the measures; a course known from mentions is a records gap instead.
      const own = ctx.visits.filter((v) => v.date >= e.firstDate! && v.date <= e.lastDate!
        && v.encounters.some((x) => THERAPY_SPECIALTY.has(x.specialty) && isAcceptableMedicalSource(x) === false));
      if (own.length < 2) continue;
      const ownEnc = new Set(own.flatMap((v) => v.encounters.map((x) => x.id)));
      // Questionnaires (ODI, LEFS) and named performance tests (Berg, 10-meter walk, Fugl-Meyer) both measure function.
      const measures = ctx.of('outcome_measure').filter((m) => ownEnc.has(m.encounterId)
        && (isFunctionalInstrument(m.attributes.instrument) || (m.attributes.instrument === 'other' && !!m.attributes.name)));
      const dated = measures.map((m) => ctx.dateOf(m)).filter((d): d is string => !!d).sort();
      const startOk = dated.length && daysBetween(own[0].date, dated[0]) <= START_DAYS;
      const endOk = dated.length >= 2 && daysBetween(dated[dated.length - 1], own[own.length - 1].date) <= END_DAYS;
      // A change written as such near the end ("ODI 52% -> 42%" in the discharge summary) documents the course.
      const changeShown = measures.some((m) => m.attributes.previous !== undefined && daysBetween(ctx.dateOf(m) ?? own[0].date, own[own.length - 1].date) <= END_DAYS);
      // A course scored at discharge shows where it ended; reviewers ask for the missing score only when that one is absent.
      if (endOk || changeShown) continue;
      const therapist = own[own.length - 1].provider;
      const missing = [!startOk && 'at the evaluation', !endOk && 'at discharge'].filter(Boolean).join(' or ');
      pushTo(byTherapist, therapist, `${modalityWords(e.modality)} course ${e.firstDate} to ${e.lastDate} (no functional score ${missing})`);
      evidence.set(therapist, [...(evidence.get(therapist) ?? []), ...own[0].facts.slice(0, 1).flatMap((f) => f.evidence.slice(0, 1)), ...own[own.length - 1].facts.slice(0, 1).flatMap((f) => f.evidence.slice(0, 1))]);
    }
    return [...byTherapist].map(([who, courses]) => makeGap(rule.meta, {
      why: `The ${list(courses)} has no standardized functional outcome measure to show what the therapy changed.`,
      to: who,
      ask: `For the ${list(courses.map((c) => c.replace(/ \(.*\)$/, '')))}, please send the discharge summary and any standardized functional outcome measures recorded (ODI, NDI, LEFS, QuickDASH or PSFS at the evaluation and at discharge), and state whether progress plateaued and why therapy ended.`,
      evidence: evidence.get(who) ?? [],
    }));
  },
};
