import type { Encounter, FactOf } from '../../../model/index.js';
import { daysBetween } from '../../dates.js';
import { list, makeGap, recordsOffice, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';
import { modalitiesIn, modalityWords } from '../../../model/modalities.js';

/** A sentence that reports an operation as done. */
const SURGERY_DONE = /\b(?:s\/p|status post|underwent|had (?:an? |the )?(?:\w+ ){0,2}(?:surgery|repair|replacement|fusion|ORIF)|date of surgery|surgery (?:on|date)|(?:performed|done) (?:on )?\d)/i;
const SURGERY_WORD = /\b(?:ORIF|arthroplasty|TKA|THA|TKR|THR|ACDF|fusion|discectomy|laminectomy|laminotomy|foraminotomy|decompression|arthroscop\w*|menisc\w*|rotator cuff repair|repair|release|tenolysis|capsulotomy|hardware removal|HWR|replacement|surgery)\b/i;
const NOT_DONE = /\b(?:consider\w*|candidate|recommend\w*|discuss\w*|option|plan\w*|schedul\w*|would|if|may|pre-?op(?:erative)?|hold|risk|declin\w*|family|father|mother)\b/i;
/** Procedures done in a surgery center or under fluoroscopy, with their own procedure note (office injections are in the visit note). */
const FACILITY_PROCEDURES = modalitiesIn('spinal_procedure');
const FACILITY_WORDS = /\b(?:epidural|ESI|TFESI|ILESI|facet|medial branch|MBB|radiofrequency|ablation|rhizotomy|stellate|sympathetic block|fluoro\w*)\b/i;
const NOT_A_PROCEDURE = /\b(?:triage|acuity|consider\w*|candidate|request\w*|submitted|planned|schedul\w*|non-?certif\w*|not certified|denied|denial)\b|authori[sz]/i;
/** A full date in the sentence ("06/13/2023", "June 13, 2023"): a month or a year alone cannot be matched to a note. */
const FULL_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b/i;
const NOTE_KINDS = new Set(['operative_report', 'procedure_note']);
const WINDOW_DAYS = 3;
const OFFICE_KINDS = new Set(['office_visit', 'consultation', 'pt_evaluation', 'pt_progress', 'pt_discharge', 'work_status_note']);

export const rule: GapRule = {
  meta: {
    id: 'procedure-record-missing',
    title: 'Operative report or procedure note missing for a procedure the notes describe',
    severity: 'medium',
    rationale: 'The operative report or procedure note is the primary record of what was done (levels, findings, hardware, complications); the hospital record shows the admission and discharge condition. A procedure known only from later mentions cannot be verified, and its findings often decide causation, the impairment rating and future care.',
    authority: { cite: '20 CFR 404.1512(b) (complete medical history); 20 CFR 404.1513(a)(1) (objective medical evidence)', url: 'https://www.ecfr.gov/current/title-20/section-404.1512' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the hospital or surgery center\'s medical records office', ask: 'Please send the operative report or procedure note, with the hospital admission and discharge records.' },
  },
  check(ctx) {
    const encounters = [...ctx.encounters.values()];
    const notes = encounters.filter((e) => NOTE_KINDS.has(e.kind));
    const documented = (date: string, kinds: Encounter[]) => kinds.some((e) => e.date && Math.abs(daysBetween(e.date, date)) <= WINDOW_DAYS);
    const missing: { what: string; date: string; fact: FactOf<'treatment'> }[] = [];
    const seen = (d: string) => missing.some((m) => Math.abs(daysBetween(m.date, d)) <= WINDOW_DAYS);

    for (const f of ctx.of('treatment', true)) {
      if (!['performed', 'completed'].includes(f.attributes.status) || f.dateSource !== 'sentence') continue;
      const q = f.evidence.map((e) => e.quote).join(' ');
      const d = ctx.dateOf(f);
      const enc = ctx.encounterOf(f);
      if (!d || !enc || NOTE_KINDS.has(enc.kind) || (enc.date && d >= enc.date) || !FULL_DATE.test(q)) continue;
      const visitThatDay = (kinds?: Set<string>) => encounters.some((e) => e.source !== 'ledger' && e.kind !== 'billing' && (!kinds || kinds.has(e.kind))
        && e.date && Math.abs(daysBetween(e.date, d)) <= 1);
      if (f.attributes.modality === 'surgery') {
        // Surgery reported as done on a stated date, with no operative report near that date. An office visit that very
        // day ("s/p ACDF - stable per neurosurgery 10/22/2024") means the date is the visit's, not the operation's
        // (a hospital admission that day is where the missing report belongs).
        if (!SURGERY_DONE.test(q) || !SURGERY_WORD.test(q) || NOT_DONE.test(q)) continue;
        if (visitThatDay(OFFICE_KINDS) || documented(d, notes) || seen(d)) continue;
        missing.push({ what: `${f.attributes.subtype ?? q.match(SURGERY_WORD)?.[0] ?? 'surgery'} (operative report and hospital records)`, date: d, fact: f });
      } else if (FACILITY_PROCEDURES.has(f.attributes.modality) || (f.attributes.modality === 'other_injection' && FACILITY_WORDS.test(q))) {
        // A spinal or fluoroscopic procedure a later note dates, with no procedure note and no visit that day.
        if (NOT_A_PROCEDURE.test(q)) continue;
        if (visitThatDay() || documented(d, notes) || seen(d)) continue;
        missing.push({ what: `${modalityWords(f.attributes.modality === 'other_injection' ? 'injection' : f.attributes.modality)} (procedure note)`, date: d, fact: f });
      }
    }
    if (!missing.length) return [];
    const items = missing.map((m) => `${m.what} of ${m.date}`);
    return [makeGap(rule.meta, {
      why: `The notes describe ${list(items)} (${missing.slice(0, 3).map((m) => `"${shortQuote(m.fact, 90)}"`).join('; ')}), but the operative report or procedure note is not in the file.`,
      to: recordsOffice(undefined, 'the hospital, surgery center or practice that performed the procedure'),
      ask: `Please send the operative report or procedure note (with anesthesia and discharge records, and for injections the level, technique and immediate response) for ${list(items)}.`,
      evidence: missing.flatMap((m) => m.fact.evidence.slice(0, 1)),
    })];
  },
};
