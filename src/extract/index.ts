/** The extraction stage: runs every extractor over each sentence of each encounter and keeps context cues on the facts. */
import type { Encounter, Fact, Section, SourceDocument } from '../model/index.js';
import { splitSentences } from '../segment/sentences.js';
import { findSections } from '../segment/sections.js';
import { makeSentence, mentionStart, type SentenceCtx } from './mention.js';
import { extractTreatments } from './treatments.js';
import { sessionOfSpecialty } from '../model/modalities.js';
import { extractBenefits, extractMeasures } from './measures.js';
import { extractFindings } from './findings.js';
import { extractLimitations } from './limitations.js';
import { extractDiagnoses } from './diagnoses.js';
import { visitFacts } from './visits.js';
import { isLetterheadLine, isTrailingLetterheadLine } from './letterhead.js';
import { attachFollowingReasons } from './reasons.js';
import { formReading, readFormMarks, type FormMarks } from '../knowledge/forms.js';
import { extractImpairment, extractMmi, extractPlanSignals, extractPrognosis, extractWorkStatus, isWholeCareBenefit } from './statements.js';
import { pushAll } from '../util/arrays.js';
import { dateTableHeadings } from './table-headings.js';
import { findDates } from '../knowledge/dates.js';

const EXTRACTORS: ((s: SentenceCtx) => Fact[])[] = [
  extractTreatments, extractMeasures, extractBenefits, extractFindings, extractLimitations,
  extractWorkStatus, extractPrognosis, extractPlanSignals, extractMmi, extractImpairment, extractDiagnoses,
];

const PAST_REFERRAL = /(?<!\b(?:will|to) be\s)\breferred (?:to|for)\b/i;

/** New curative treatment recommended or planned in this sentence: a counter-signal to MMI. */
function newTreatmentSignals(facts: Fact[], inPlan: boolean, text: string, ownModality: string | undefined): Fact[] {
  const out: Fact[] = [];
  // "was referred to Physical Therapy for knee pain" in the history: the reason for this visit, not a new plan.
  if (!inPlan && PAST_REFERRAL.test(text)) return out;
  for (const f of facts) {
    if (f.type !== 'treatment') continue;
    // A drug started in the plan is prescribed that day (status ongoing) yet is still a new treatment.
    const newDrug = inPlan && f.attributes.modality === 'medication' && f.attributes.doseChange === 'started';
    if (f.attributes.status !== 'planned' && f.attributes.status !== 'recommended' && !newDrug) continue;
    if (f.attributes.modality === 'medication' && f.attributes.doseChange !== 'started') continue;
    if (f.attributes.modality === 'imaging_study') continue;
    // A therapist scheduling her own sessions ("will be seen 2x/week") carries on the course under way, not a new treatment.
    if (f.attributes.modality === ownModality) continue;
    out.push({ ...f, id: f.id.replace(':treatment:', ':plan_signal:'), type: 'plan_signal', attributes: { signal: 'new_treatment', target: f.attributes.subtype ? `${f.attributes.modality} (${f.attributes.subtype})` : f.attributes.drug ?? f.attributes.modality } });
  }
  return out;
}

/** A hospital stay's last day, from its header ("Admit: 02/11/2023 … Discharge: 02/16/2023"). */
const DISCHARGE_FIELD = /(?<!anticipated |expected |planned |estimated )\bDischarge(?:d|\s+date)?\s*:\s*(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})/i;
/** (A therapy plan's "Discharge: 06/30" is its goal date: only a header that also gives the admission is a stay.) */
const ADMIT_FIELD = /\b(?:Admit(?:ted)?|Admission)(?:\s+date)?\s*:\s*\d/i;
function stayEndOf(text: string, enc: Encounter): string | undefined {
  const head = text.slice(0, 2000);
  const m = ADMIT_FIELD.test(head) ? DISCHARGE_FIELD.exec(head) : null;
  const end = m ? findDates(m[1])[0]?.date : undefined;
  return end && enc.date && end > enc.date ? end : undefined;
}

/**
 * A fact about what was done or observed cannot postdate the visit (or the visit-log row) that records it: a later date in its sentence
 * belongs to something else ("plan to recheck on 5/1", a misread fragment), so the visit date stands.
 */
function capAtVisit(f: Fact, enc: Encounter, stayEnd: string | undefined): void {
  // (A study on day 2 of a stay dated by its admission was done during the stay.)
  if (!enc.date || !f.date || f.date <= (stayEnd ?? enc.date)) return;
  // In a visit log the row is the visit ("07/21/23 27 3/1 same; had neck injection 07/18").
  const at = f.evidence[0];
  const row = at && enc.visitRows?.find((r) => r.evidence.start <= at.start && at.start < r.evidence.end);
  if (row && f.date <= row.date) return;
  if (f.type === 'plan_signal' || f.type === 'mmi_statement' || f.type === 'work_status') return;
  if (f.type === 'treatment' && (f.attributes.status === 'planned' || f.attributes.status === 'recommended')) return;
  // "Date of surgery: 05/14/2024" written at the 04/23 pre-op visit: a procedure dated after the note is scheduled, not done.
  if (f.type === 'treatment' && f.dateSource === 'sentence' && f.attributes.modality !== 'medication') {
    f.attributes = { ...f.attributes, status: 'planned' };
    return;
  }
  f.date = enc.date;
  f.dateSource = 'encounter';
}

/** Header fields of a record ("Patient: … DOB: … Claim No.: …"): identity and claim bookkeeping, never care. */
const DEMOGRAPHIC_FIELD = /\b(?:patient(?: name)?|name|DOB|D\.O\.B|date of birth|MRN|MR#|acct|account|SSN|claim(?: no\.?| #| number)?|DOI|date of injury|chart(?: #)?|employer|carrier|adjuster|insurer|WCAB|ADJ|case(?: no\.?| #)?|policy|visits? auth(?:orized)?|auth(?:orization)? #)\s*[:#]/gi;
/** A running page header or footer: "Pellegrino, Curtis  DOB 05/03/1976  Claim WC-21-044817  Page 2 of 3". */
const PAGE_FOOTER = /\bPage\s+\d+\s+of\s+\d+\b|\bDOB\b|\bD\.O\.B\.?/i;
/**
 * A practitioner's credentials under the letterhead ("Diplomate, American Board of Neurological Surgery", "Board
 * Certified - Sports Medicine"): "Surgery" there is the board's name, not an operation.
 */
const CREDENTIAL_TAG = /\b(?:Diplomate|Board[- ]Certified|American Board of|Fellow(?:ship)?[- ]trained|Fellow of the)\b/i;
/** A fax transmittal line: "FAX TO: SSA/DDS Columbus    FROM: Riverbend PT Medical Records    Pages: 6". */
const FAX_TRANSMITTAL = /\b(?:fax\s+)?to\s*:[^\n]{0,80}\bfrom\s*:|\bfrom\s*:[^\n]{0,80}\b(?:(?:fax\s+)?to\s*:|pages?\s*:?\s*\d)/i;
/**
 * A payer line ("Payer: BCBS-NC PPO - 30 visits/yr combined PT/OT/chiro") counts what the plan covers, not care given.
 * (A physician's "supportive chiropractic 12 visits/year is reasonable" is care allowed for later: only the payer's field.)
 */
const BENEFITS_LINE = /^\s*(?:payer|(?:primary |secondary )?insurance|ins\.?|coverage)\s*:/i;
/** A fax machine's banner: "03/04/2024 09:12 FAX BLUFF SPRING PT 6155550131 -> 9315550143 Hollis Pryor 002/009". */
const FAX_BANNER = /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\s+(?:FAX|FROM|TO)\b|\b\d{3}[-.]?\d{3}[-.]?\d{4}\s*(?:->|→|=>)\s*\(?\d{3}/i;
function isDemographicLine(text: string): boolean {
  if (text.length >= 300) return false;
  const firstLine = text.trimStart().split('\n')[0];
  if (FAX_BANNER.test(firstLine)) return true;
  if (text.length < 200 && BENEFITS_LINE.test(firstLine)) return true;
  if (text.length < 200 && CREDENTIAL_TAG.test(text)) return true;
  if (text.length < 200 && FAX_TRANSMITTAL.test(firstLine)) return true;
  // A running footer ("Rolling Fork Behavioral Health Clinic | GOODIN, TRAVIS L | CONFIDENTIAL   Page 9 of 15"), or a
  // header line with the patient's birth date ("Client: Travis L. Goodin  DOB 02/09/1974"): page furniture.
  // Only when the sentence opens with that line: a clinical sentence that runs on into a footer is still read.
  if (text.length < 200 && (/\bPage\s+\d+\s+of\s+\d+\b/i.test(firstLine) || /\b(?:DOB|D\.O\.B\.?|date of birth)\s*:?\s*\d{1,2}[/-]\d{1,2}[/-]\d{2,4}/i.test(firstLine))) return true;
  const footer = /\bPage\s+\d+\s+of\s+\d+\b/i.test(text) && /\b(?:DOB|D\.O\.B|Claim|MRN|Chart|Acct)\b/i.test(text);
  return footer || (text.length < 240 && ((text.match(DEMOGRAPHIC_FIELD)?.length ?? 0) >= 2 || (PAGE_FOOTER.test(text) && /\b(?:Claim|MRN|Chart)\b/i.test(text) && text.length < 160)));
}

/** A short unpunctuated line near the top of the encounter: letterhead, title or header field. */
function isShortLine(text: string, span: { start: number; end: number }): boolean {
  return span.end - span.start < 70 && !/[.!?]$/.test(text.slice(span.start, span.end));
}
function isHeadLine(text: string, enc: Encounter, span: { start: number; end: number }): boolean {
  return span.start - enc.start < 400 && isShortLine(text, span);
}

/**
 * Bind a fact to the form box it sits in: an unmarked option or an unanswered question states nothing; a question
 * answered "No" states the negation ("MMI reached? [ ] Yes [X] No" is not at MMI), one answered "Yes" the fact.
 */
/** The MMI date field beside a marked answer: "[X] Yes  [ ] No     Date of MMI: 04/16/2024". */
const MMI_DATE_FIELD = /\b(?:date(?:\s+of\s+(?:MMI|maximum\s+medical\s+improvement))?|MMI\s+date|as\s+of|effective)\s*:?\s*(?=\d{1,2}\/\d{1,2}\/\d{2,4})/i;
/** The form's next line when it is the answer's own date field: "Is the claimant at MMI? [X] Yes" over "Date of MMI:  08/15/2023". */
const NEXT_LINE_MMI_DATE = /^\s*(?:date\s+of\s+(?:MMI|maximum\s+medical\s+improvement)|MMI\s+date)\s*:?\s*(?=\d{1,2}\/\d{1,2}\/\d{2,4})/i;
function dateBesideAnswer(text: string, from: number): string | undefined {
  const nl = text.indexOf('\n', from);
  const rest = text.slice(from, nl < 0 ? text.length : nl);
  const label = MMI_DATE_FIELD.exec(rest);
  if (label) return findDates(rest.slice(label.index + label[0].length)).find((d) => !d.relative && d.start === 0)?.date;
  if (nl < 0) return undefined;
  const nl2 = text.indexOf('\n', nl + 1);
  const next = text.slice(nl + 1, nl2 < 0 ? text.length : nl2);
  const field = NEXT_LINE_MMI_DATE.exec(next);
  return field ? findDates(next.slice(field[0].length)).find((d) => !d.relative && d.start === 0)?.date : undefined;
}

/** The same form's answer that care under way could still improve function (a source statement's next question). */
const IMPROVING_CARE_YES = /\b(?:currently\s+)?(?:receiving|undergoing|in)\s+(?:any\s+)?(?:treatment|therapy|care)\s+that\s+(?:could|may|might|will|is expected to)\s+improve\s+(?:(?:his|her|their|the patient's)\s+)?(?:function\w*|condition|capacity)\??\s*\[\s*[xX✓✔]\s*\]\s*Yes\b/i;
/** How far below the MMI question that answer is looked for. */
const CONTRADICTION_REACH = 300;
/** A form's question whether the writer agrees with another's opinion. */
const AGREES_WITH = /\b(?:agrees?|concurs?|in agreement)\s+with\b/i;

function bindToForm(f: Fact, marks: FormMarks, text: string): Fact | undefined {
  const ev = f.evidence[0];
  const at = mentionStart(f);
  const reading = formReading(marks, at, at + 1);
  if (!reading) {
    // ("MMI: [X] Yes  [ ] No   Permanent impairment: [X] 9% RUE": the unmarked "No" of the field before is no negation of this one.)
    const negations = f.context.filter((c) => c.category === 'negated');
    if (f.negated && negations.length && negations.every((c) => formReading(marks, c.start, c.end)?.kind === 'unchecked')) {
      return { ...f, negated: false, context: f.context.filter((c) => c.category !== 'negated') };
    }
    return f;
  }
  if (reading.kind === 'unchecked' || !reading.answer) return undefined;
  const cue = { category: 'negated' as const, trigger: '[X] No', start: ev.end, end: ev.end };
  if (f.type === 'mmi_statement') {
    // ("Agrees with ATP's MMI date (12/06/2022)? [ ] Yes [X] No": the box answers whether the examiner agrees with another's date.)
    if (AGREES_WITH.test(ev.quote)) return undefined;
    // "Has the patient reached maximum benefit from treatment? [X] No": further benefit is expected, not at MMI.
    if (f.attributes.kind === 'plateau') return reading.answer === 'yes' ? f : isWholeCareBenefit(ev.quote) ? { ...f, negated: false, attributes: { ...f.attributes, kind: 'not_at_mmi' } } : undefined;
    const stated = /permanent|P\s?&\s?S/i.test(ev.quote) ? 'permanent_and_stationary' : 'mmi';
    // The question mark, the "Next visit" field beside it, the form's own wording: a marked box is the answer, an assertion.
    // A part-only answer ("[X] Yes - right knee only   [X] No - lumbar spine") stays partial.
    const partial = f.context.some((c) => c.trigger.startsWith('partial'));
    const context = partial ? f.context : f.context.filter((c) => c.category !== 'hypothetical');
    const temporality = f.temporality === 'hypothetical' && !partial ? 'current' : f.temporality;
    const mmiDate = reading.answer === 'yes' && !f.attributes.mmiDate ? dateBesideAnswer(text, ev.end) : undefined;
    // "MMI? [X] Yes" over "Is the patient currently receiving treatment that could improve functioning? [X] Yes": the
    // same form says care under way may still improve the claimant; its MMI box is contradicted, not an opinion.
    const contradicted = reading.answer === 'yes' ? IMPROVING_CARE_YES.exec(text.slice(ev.end, ev.end + CONTRADICTION_REACH)) : null;
    if (contradicted) {
      const at = ev.end + contradicted.index;
      return { ...f, negated: false, temporality: 'hypothetical', context: [...context, { category: 'hypothetical', trigger: `contradicted on the form: ${contradicted[0].replace(/\s+/g, ' ')}`, start: at, end: at + contradicted[0].length }] };
    }
    return { ...f, negated: false, temporality, context, attributes: { ...f.attributes, kind: reading.answer === 'yes' ? stated : 'not_at_mmi', ...(mmiDate ? { mmiDate } : {}) } };
  }
  return reading.answer === 'yes' ? { ...f, negated: false } : { ...f, negated: true, context: [...f.context, cue] };
}

function sectionAt(sections: Section[], offset: number): Section | undefined {
  for (let i = sections.length - 1; i >= 0; i--) if (sections[i].start <= offset) return sections[i];
  return undefined;
}

/**
 * Extract facts from every encounter of a text document, with context flags, dates and evidence.
 * `excluded` marks offsets that state nothing about the claimant's care (an administrative part of the file).
 */
/**
 * Most facts read from one document. A real record yields about 12 a page; a document past this (a 50 MB line of
 * text) is read up to it, with a warning, so the case still gets its report instead of running out of memory.
 */
export const MAX_FACTS_PER_DOCUMENT = 60_000;

export function extractFacts(doc: SourceDocument, encounters: Encounter[], excluded: (offset: number) => boolean = () => false): Fact[] {
  const facts: Fact[] = [];
  const budgetReached = (at: number) => {
    if (facts.length < MAX_FACTS_PER_DOCUMENT) return false;
    const page = doc.pages.find((p) => at >= p.start && at < p.end)?.n ?? '?';
    doc.warnings.push(`fact budget reached (${MAX_FACTS_PER_DOCUMENT.toLocaleString('en-US')} facts): the document was read up to page ${page} of ${doc.pages.length}; split it to read the rest`);
    return true;
  };
  const ids = new Set<string>();
  const specialtiesSeen = new Set<string>();
  const marks = readFormMarks(doc.text);
  for (const enc of encounters) {
    const encounterFrom = facts.length;
    const visit = visitFacts(enc, doc.text.slice(enc.start, enc.end), !specialtiesSeen.has(enc.specialty));
    const stayEnd = stayEndOf(doc.text.slice(enc.start, enc.end), enc);
    specialtiesSeen.add(enc.specialty);
    pushAll(facts, visit);
    for (const f of visit) ids.add(f.id);
    // Text cut at the encounter's end (offsets unchanged): a heading scan then cannot run on through the rest of a 1,000-page record.
    const upToEnd = doc.text.slice(0, enc.end);
    const sections = findSections(upToEnd, enc.start, enc.end);
    // The visit fact already stands for the discipline's session; its letterhead must not add a "recommended" one.
    const headModalities = new Set<string>(visit.map((f) => f.attributes.modality));
    // Sentences never run across a page break: a quote cites one page (a footer without a full stop would
    // otherwise run into the next page's first line).
    const spans = doc.pages.filter((p) => p.end > enc.start && p.start < enc.end)
      .flatMap((p) => splitSentences(upToEnd, Math.max(enc.start, p.start), Math.min(enc.end, p.end)));
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      if (budgetReached(span.start)) return facts;
      // "COASTAL SPINE ASSOCIATES / Orthopaedic Spine Surgery": the practice's name states no event.
      if (excluded(span.start) || isDemographicLine(doc.text.slice(span.start, span.end)) || isLetterheadLine(doc.text, enc, span.start, span.end) || isTrailingLetterheadLine(doc.text, enc, span.start, span.end)) continue;
      const sent = makeSentence(doc, enc, span.start, span.end, sectionAt(sections, span.start));
      let found: Fact[] = [];
      for (const x of EXTRACTORS) found.push(...x(sent));
      attachFollowingReasons(doc, spans, i, found);
      // Letterhead and title lines ("Lakeside Physical Therapy") name the visit's modality once, not once per line.
      // A letterhead repeated on the next page sits at the end of this visit's text: in the discipline's own note it is the visit, already counted.
      if (visit.length > 0 && isShortLine(doc.text, span)) found = found.filter((f) => f.type !== 'treatment' || f.attributes.modality !== visit[0].attributes.modality);
      if (isHeadLine(doc.text, enc, span)) {
        found = found.filter((f) => f.type !== 'treatment' || !headModalities.has(f.attributes.modality));
        for (const f of found) if (f.type === 'treatment') headModalities.add(f.attributes.modality);
      }
      found = found.map((f) => bindToForm(f, marks, doc.text)).filter((f): f is Fact => !!f);
      found.push(...newTreatmentSignals(found, sent.section?.kind === 'plan', sent.text, sessionOfSpecialty(enc.specialty)));
      for (const f of found) {
        capAtVisit(f, enc, stayEnd);
        let id = f.id; let n = 1;
        while (ids.has(id)) id = `${f.id}.${++n}`;
        ids.add(id);
        facts.push(id === f.id ? f : { ...f, id });
      }
    }
    dateTableHeadings(facts, encounterFrom, doc.text, enc);
  }
  return facts;
}

