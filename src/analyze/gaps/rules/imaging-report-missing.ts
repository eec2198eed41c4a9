import type { Encounter, FactOf } from '../../../model/index.js';
import { daysBetween } from '../../dates.js';
import { list, makeGap, recordsOffice, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';
import { pushTo } from '../../../util/group.js';

/** Words that make an imaging mention a plan, an order or a form rather than a study that was done. */
const NOT_DONE = /\b(?:order\w*|schedul\w*|recommend\w*|consider\w*|will|plan\w*|pending|authori[sz]\w*|request\w*|financial|form|when able|if|needs?|need(?:ed)?|should|no indication|not (?:done|performed|indicated))\b/i;
/** Words that make it a study done and read ("X-rays show", "CT negative"). */
const DONE = /\b(?:show\w*|reveal\w*|demonstrat\w*|negative|unremarkable|normal|no (?:acute|fracture)|fracture|impression|findings?|obtained|performed|taken|done|review\w*|read)\b/i;
const REPORT_WINDOW_DAYS = 3;
/** A study reviewed at a visit was done up to this long before it. */
const REVIEWED_WITHIN_DAYS = 30;
const REVIEWED = /\breview(?:ed|ing)?\b/i;
/**
 * An emergency department's screening study given as negative ("CT head/C-spine negative", "XR: no fracture or
 * subluxation"), in the ED record or a later note's account of the ED visit, with no finding in it: its formal report
 * would prove an absence the record already states, and an adjudicator does not ask for it. (A clinic's film is read on:
 * "no fracture" there may be followed by the findings that matter.)
 */
const ED_WORDS = /\b(?:ED|ER|emergency)\b/;
const NEGATIVE = /\b(?:negative|unremarkable|normal|no acute|without acute|no (?:fracture|dislocation|subluxation|intracranial))\b/i;
const FINDING = /\b(?:herniat\w*|protrusion|extrusion|bulg\w*|stenosis|tear|degenerat\w*|spondyl\w*|osteophyt\w*|arthro\w*|arthrit\w*|effusion|edema|impinge\w*|compress\w*|displaced|narrowing|lesion|mass|signal|contusion|hemorrhage)\b/i;
/** (What follows "no" or "negative for" in its clause is denied: "no acute hemorrhage, mass effect or midline shift".) */
const DENIED_CLAUSE = /\b(?:no|without|negative for)\b[^.;:]*/gi;
const negativeOnly = (quote: string) => NEGATIVE.test(quote) && !FINDING.test(quote.replace(DENIED_CLAUSE, ''));
/** "MRI brain 09/2022": a study dated by its month only is answered by a report of that month. */
const MONTH_ONLY = /(?<![\d/])(0?[1-9]|1[0-2])\/(\d{4})\b/;
/**
 * X-rays taken in the treating office and read by the treating doctor ("obtained today, … personally reviewed"): the
 * note is the interpretation. A clinic film with a "preliminary read; radiology over-read to follow" still has a report to ask for.
 */
const IN_OFFICE = /\b(?:today|in (?:the )?(?:office|clinic)|in-?office|on-?site)\b/i;
const READ_BY_AUTHOR = /\b(?:personally|(?:reviewed|interpreted|read) (?:personally|by me)|my (?:interpretation|read(?:ing)?)|I (?:reviewed|interpreted|read) (?:the|these|them))\b/i;
/** "Preliminary read; radiology over-read to follow": the note's reading is not the final one. */
const PRELIMINARY = /\b(?:preliminary|prelim|over-?read|wet read|final (?:read|report) (?:to follow|pending)|(?:report|read) to follow)\b/i;
/**
 * "Read: Alan T. Coutinho, MD", "(reading radiologist: S. Patel-Greer, MD)", "read by Priscilla Anand-Moore, MD": the
 * record carries the radiologist's own reading of the study, named; the report would only repeat it. (An imaging
 * centre named as the reader, "read by Sandhills Diagnostic Imaging 12/7/22", has a report still to ask for.)
 */
const READER_NAMED = /\b(?:read(?:ing)?\s*(?:by|radiologist)|interpreted by|radiologist|Read)\s*:?\s*(?:Dr\.?\s*)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},?\s*(?:MD|DO|M\.D\.|D\.O\.)(?![\w])/;
/** A hospital's screening study: the emergency department's or the trauma team's. */
const HOSPITAL_SETTING = /\b(?:ED|ER|emergency|trauma)\b/i;

/** The words that must name the study in the sentence itself (a "CTS" or an "MRI status" question is not a CT or an MRI). */
const STUDY_WORDS: Record<string, RegExp> = {
  mri: /\bMRI\b|\bmagnetic resonance/i, ct: /\bCT\b|\bCAT scan|computed tomography/i,
  'x-ray': /\bx-?rays?\b|\bradiograph\w*|\bfilms?\b|\bviews?\b/i,
};

function studyName(f: FactOf<'treatment'>): string {
  const sub = f.attributes.subtype ?? 'imaging study';
  return sub.replace(/^x-ray$/i, 'X-rays');
}

function namesStudy(f: FactOf<'treatment'>): boolean {
  const words = STUDY_WORDS[(f.attributes.subtype ?? '').toLowerCase()];
  return !words || f.evidence.some((e) => words.test(e.quote));
}

/** The study's own record gives its radiologist's reading (and not a preliminary one). */
const readHere = (f: FactOf<'treatment'>) => f.evidence.some((e) => READER_NAMED.test(e.quote)) && !f.evidence.some((e) => PRELIMINARY.test(e.quote));

export const rule: GapRule = {
  meta: {
    id: 'imaging-report-missing',
    title: 'Imaging referenced in the notes without its formal report',
    severity: 'medium',
    rationale: 'Findings known only from a treating note\'s summary ("X-rays negative", "CT showed…") cannot be checked: the signed interpretation gives the exact findings, levels and comparison that support (or undercut) the diagnosis, and is objective medical evidence in its own right.',
    authority: { cite: '20 CFR 404.1513(a)(1) (objective medical evidence); 20 CFR 404.1512(b) (complete medical history)', url: 'https://www.ecfr.gov/current/title-20/section-404.1513' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the facility\'s medical records office', ask: 'Please send the formal imaging report (signed interpretation) for the study listed.' },
  },
  check(ctx) {
    const reports: Encounter[] = [...ctx.encounters.values()].filter((e) => (e.kind === 'imaging' || e.kind === 'emg') && e.date);
    const studies = ctx.of('treatment', true).filter((f): f is FactOf<'treatment'> => f.attributes.modality === 'imaging_study'
      && ['performed', 'completed'].includes(f.attributes.status) && !!f.attributes.subtype
      && namesStudy(f) && f.evidence.some((e) => DONE.test(e.quote)) && !f.evidence.some((e) => NOT_DONE.test(e.quote)));
    const missing = new Map<string, FactOf<'treatment'>[]>();
    // One study described by two doctors ("MRI of 04/03/2023") is one report to ask for, from whoever described it first.
    const asked = new Set<string>();
    for (const f of studies) {
      const enc = ctx.encounterOf(f);
      if (!enc || enc.kind === 'imaging' || enc.kind === 'emg') continue;
      const d = ctx.dateOf(f);
      if (!d) continue;
      if (/^x-ray$/i.test(f.attributes.subtype ?? '') && f.evidence.some((e) => IN_OFFICE.test(e.quote) && READ_BY_AUTHOR.test(e.quote))) continue;
      if (readHere(f)) continue;
      const hospital = enc.kind === 'emergency_visit' || enc.specialty === 'emergency' || HOSPITAL_SETTING.test(`${enc.title ?? ''} ${enc.documentTitle ?? ''} ${enc.file.replace(/[_.-]+/g, ' ')}`);
      if ((hospital || f.evidence.some((e) => ED_WORDS.test(e.quote))) && f.evidence.every((e) => negativeOnly(e.quote))) continue;
      const month = MONTH_ONLY.exec(f.evidence[0]?.quote ?? '');
      const monthOf = month && `${month[2]}-${month[1].padStart(2, '0')}`;
      const sameMonth = (r: Encounter) => !!monthOf && d.startsWith(monthOf) && r.date!.startsWith(monthOf);
      // A mention dated only by the visit may describe an older study: any earlier report answers it, and so does an
      // earlier record of another visit that gives the same study's result (the ED's own read of its X-rays).
      // ("Seen today to review MRI": "today" dates the review, not the study.)
      const fromSentence = f.dateSource === 'sentence' || (f.dateSource === 'relative' && d !== enc.date);
      // ("04/03/2023 FOLLOW-UP - MRI REVIEW": a date that is the visit's own may be the review of a study done days before.)
      const reviewedAtVisit = fromSentence && d === enc.date && enc.kind !== 'emergency_visit' && f.evidence.some((e) => REVIEWED.test(e.quote));
      // (Or another note gives the same study of that day with its radiologist's reading: "CT c-spine 02/17/2023 negative" after the ED record's read.)
      const answered = (fromSentence && studies.some((o) => o !== f && o.attributes.subtype === f.attributes.subtype && ctx.dateOf(o) === d && readHere(o)))
        || reports.some((r) => sameMonth(r) || (fromSentence || enc.kind === 'emergency_visit'
        ? daysBetween(r.date!, d) <= (reviewedAtVisit ? REVIEWED_WITHIN_DAYS : REPORT_WINDOW_DAYS) && daysBetween(d, r.date!) <= REPORT_WINDOW_DAYS
        : r.date! <= d))
        || (!fromSentence && studies.some((o) => o.attributes.subtype === f.attributes.subtype && o.encounterId !== f.encounterId
          && (ctx.encounterOf(o)?.date ?? '9') <= d));
      if (answered) continue;
      const study = `${f.attributes.subtype}|${fromSentence ? d : `${ctx.providerOf(f)}|${d}`}`;
      if (asked.has(study)) {
        // The same study again from the same doctor is one item of that doctor's request; from another doctor it is not asked twice.
        if (!(missing.get(ctx.providerOf(f)) ?? []).some((x) => x.attributes.subtype === f.attributes.subtype && ctx.dateOf(x) === d)) continue;
      }
      asked.add(study);
      pushTo(missing, ctx.providerOf(f), f);
    }
    return [...missing].map(([who, facts]) => {
      const items = new Map<string, FactOf<'treatment'>>();
      // A study dated in the sentence is named by that date; one dated only by the note is "referenced in the note of" that date.
      const name = (f: FactOf<'treatment'>) => f.dateSource === 'sentence' || f.dateSource === 'relative' || ctx.encounterOf(f)?.kind === 'emergency_visit'
        ? `${studyName(f)} of ${ctx.dateOf(f)}` : `${studyName(f)} referenced in the note of ${ctx.dateOf(f)}`;
      for (const f of facts) items.set(name(f), items.get(name(f)) ?? f);
      const names = [...items.keys()];
      const enc = ctx.encounterOf(facts[0]);
      const org = enc?.provider.organization?.trim();
      return makeGap(rule.meta, {
        why: `The notes of ${who} describe ${list(names)} (${[...items.values()].map((f) => `"${shortQuote(f, 80)}"`).join('; ')}), but the formal imaging report is not in the file.`,
        to: recordsOffice(org ?? who, 'the facility that performed the imaging'),
        ask: `Please send the formal imaging report (signed interpretation, with the date of the study and comparison) for the ${list(names)} (notes of ${who}); if the study was done at another facility, please name it.`,
        evidence: [...items.values()].flatMap((f) => f.evidence.slice(0, 1)),
      });
    });
  },
};
