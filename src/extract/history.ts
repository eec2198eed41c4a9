/**
 * Treatments recounted as history rather than given at this visit:
 *  - summaries with a count in a history narrative ("treated with 11 visits of physical therapy", "after three
 *    epidurals") describe a finished course, not a session on a date in the sentence;
 *  - past-tense accounts ("was given nonsteroidals at that time", "Orthotics were provided in 2019", "had been on
 *    tramadol previously") describe earlier care.
 * And in a narrative that lists several events, a date belongs to the event of its own clause ("injured at work on
 * 04/18/2023, treated with …"): the injury's date must not date the therapy.
 */
import type { Fact } from '../model/index.js';
import type { DateMention } from '../knowledge/dates.js';
import { nearestDate, type SentenceCtx } from './mention.js';
import { isProcedureRecord } from '../model/encounter.js';

const HISTORY_SECTIONS = new Set(['hpi', 'past_history', 'surgical_history', 'chief_complaint', 'subjective']);
/** Procedure and operative notes narrate the act they record in the past tense ("The needle was advanced"). */

/** "11 visits", "three epidurals", "several sessions", "2 courses": a course counted up, i.e. summarised. */
const COUNTED = /\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|multiple|numerous)\s+(?:(?:prior|previous|formal|supervised|post-?operative|outpatient|more|additional)\s+)*(?:(?:trigger[- ]point|lumbar|cervical|caudal|epidural|steroid|facet|knee|shoulder|cortisone|right|left|bilateral|medial[- ]branch|nerve|diagnostic|comparative|genicular|transforaminal|interlaminar|[CTL]\d(?:-[CTLS]?\d)?)\s+){0,3}(?:visits?|sessions?|treatments?|courses?|rounds?|epidurals?|injections?|blocks?|(?:TF)?ESIs?|RFAs?|ablations?|adjustments?)\b/gi;

/** Procedures a clinician counts only once they are done ("two blocks", "3 RFAs"). */
const PROCEDURE_NAME = /inject|block|ESI|epidural|RFA|ablation|rhizotom/i;
/** Past passive or past perfect: the act was done before, by someone, at some time. */
const PAST_ACCOUNT = /\b(?:(?:was|were) (?:given|provided|prescribed|tried|trialed|started|placed|fitted|issued|dispensed|put|treated|managed)|had been (?:on|given|using|taking|treated|prescribed|tried|started)|had (?:tried|taken|used|received|undergone)|(?:added|started|begun|prescribed|initiated|increased|raised|switched|changed|stopped) by (?:her |his |the |their )?(?:PCP|primary care|family (?:doctor|physician)|Dr\b|doctor|physician|psychiatr\w*|rheumatolog\w*|neurolog\w*|pain (?:clinic|management|doctor)|ortho\w*))\b/i;
/** A time anchored in the past. */
const PAST_ANCHOR = /\b(?:at th(?:at|e) time|back then|previously|prior(?:ly)?|before|earlier|initially|originally|years? ago|in the past|(?:in|since|during) (?:19|20)\d\d|at age \d+|as a (?:child|teen(?:ager)?)|subsequently|later)\b/i;
/** Words that put the act at this visit. */
const THIS_VISIT = /\b(?:today|this (?:visit|morning|afternoon)|in (?:the )?(?:clinic|office)|here|now)\b/i;
/** Between a mention and the date that is its own: "repair (06/13/2023)", "ESI (on 05/16/2023". */
const BRACKET_DATE_LEAD = /^\s*\(\s*(?:on |dated? |DOS:? )?$/i;
/** What may surround a date in a clause of its own: "On", "In March", "Since". */
const BARE_DATE_PHRASE = /^\s*(?:on|in|since|from|dated?|as of|then)?\s*$/i;
/** The rest of a list after the mention's item, ending on the date all of it shares: ", femoral osteoplasty and rim chondroplasty on ". */
const LISTED_ON_DATE = /^,\s*(?:[A-Za-z][A-Za-z/-]*\s+){0,5}?and\s+(?:[A-Za-z][A-Za-z/-]*\s+){1,5}(?:on|dated)\s+$/;
/** A label that dates the listed course it follows: "last episode", "most recent course", "dates of care". */
const COURSE_DATE_LABEL = /\b(?:(?:last|most recent|latest|final)\s+(?:episode|course|visit|session)|episodes?\s+of\s+care|dates?\s+of\s+(?:care|service|treatment))\s*(?:on|from|dated|was|:)?\s*$/i;
/** Reports that summarise care: even a therapist writing one recounts the course rather than counting sessions. */
const SUMMARY_KINDS = new Set(['ime', 'impairment_rating', 'fce', 'medical_source_statement']);

/**
 * A summary of care that did not work, naming it: "failed more than 3 months of non-operative care (chiropractic,
 * NSAID, subacromial injection)", "refractory to conservative management including PT and an ESI". What it lists
 * was given before; the note recounts it to justify the next step.
 */
const FAILED_CARE = /\b(?:failed|failure of|exhausted|refractory to|despite|unresponsive to|tried and failed)\s+(?:[\w-]+\s+){0,6}?(?:conservative|non-?operative|non-?surgical|nonsurgical|non-?interventional)\s+(?:care|management|treatment|measures|therapy|therapies|modalities)\b/gi;

/** Whether [s, e) is in the list a FAILED_CARE summary gives: its bracket, or its "including …" run to the clause end. */
function inFailedCareList(text: string, s: number): boolean {
  for (const m of text.matchAll(FAILED_CARE)) {
    const after = m.index + m[0].length;
    if (s < m.index) return false;
    const rest = text.slice(after);
    const bracket = /^\s*\(/.exec(rest);
    const listEnd = bracket ? after + (rest.indexOf(')') >= 0 ? rest.indexOf(')') : rest.length)
      : /^\s*(?:including|with|of|consisting of|such as|:)/i.test(rest) ? after + (rest.search(/[;.]/) >= 0 ? rest.search(/[;.]/) : rest.length) : after;
    if (s >= after && s < listEnd) return true;
  }
  return false;
}

function inHistoryNarrative(sent: SentenceCtx): boolean {
  const sec = sent.section;
  return !!sec && (HISTORY_SECTIONS.has(sec.kind) || /histor/i.test(sec.title ?? ''));
}

/** Clause of a narrative sentence around `pos`: cut at commas, semicolons and brackets. */
function clauseOf(text: string, pos: number): [number, number] {
  let s = 0; let e = text.length;
  for (const m of text.matchAll(/[,;()]/g)) {
    if (m.index < pos) s = m.index + 1;
    else { e = m.index; break; }
  }
  return [s, e];
}

/** The count qualifies this mention: "11 visits of physical therapy", "three epidurals", "PT (11 visits)". */
function countedAt(text: string, s: number, e: number): boolean {
  const from = Math.max(0, s - 60);
  for (const m of text.slice(from, Math.min(text.length, e + 30)).matchAll(COUNTED)) {
    const ms = from + m.index; const me = ms + m[0].length;
    if (ms < e && me > s) return true; // the count names the treatment itself ("three epidurals")
    if (me <= s && /^\s*(?:of\s+)?(?:[\w-]+\s+){0,3}$/.test(text.slice(me, s))) return true;
    if (ms >= e && /^\s*\(\s*$/.test(text.slice(e, ms))) return true;
  }
  return false;
}

/**
 * Dates of the sentence that may date a mention at `s`: those of the mention's own clause and of a bare date phrase
 * leading it ("On 05/06/03, he underwent …"); a date in another clause ("tear at work on 04/18/2023", "an injection on
 * 06/12/2023") belongs to that clause's event.
 */
export function datesForMention(sent: SentenceCtx, s: number): DateMention[] {
  const own = clauseOf(sent.text, s)[0];
  return sent.dates().filter((d) => {
    const [ds, de] = clauseOf(sent.text, d.start);
    if (d.relative || ds === own) return true;
    // ("Outpatient PT, Vanderwood Rehab - last episode 01/08/2019-04/30/2019": the item's own dates, labelled, after its provider.)
    if (ds > own && COURSE_DATE_LABEL.test(sent.text.slice(ds, d.start))) return true;
    // ("arthroscopic labral repair, femoral osteochondroplasty and rim chondroplasty on 02/07/2023": one date for the list.)
    if (ds > own && LISTED_ON_DATE.test(sent.text.slice(clauseOf(sent.text, s)[1], d.start))) return true;
    return de <= own && BARE_DATE_PHRASE.test(sent.text.slice(ds, d.start) + ' ' + sent.text.slice(d.end, de));
  });
}

/** Re-date a sentence-dated fact when its chosen date belongs to another event of the sentence. */
export function redateToOwnClause(base: Pick<Fact, 'date' | 'dateSource'>, sent: SentenceCtx, s: number, e: number): void {
  if (base.dateSource !== 'sentence') return;
  // "status post rotator cuff repair (06/13/2023)": a date in the bracket right after the mention is its own.
  const bracketed = sent.dates().find((d) => d.start > e && !d.relative && BRACKET_DATE_LEAD.test(sent.text.slice(e, d.start)));
  if (bracketed) { base.date = bracketed.date; return; }
  const allowed = datesForMention(sent, s);
  if (allowed.length === sent.dates().length) return;
  // With no date of its own, a course listed after a dated event in a chronological summary began on or after it.
  const d = nearestDate(allowed, s, e) ?? [...sent.dates()].reverse().find((x) => x.end <= s && !x.relative);
  if (d) { base.date = d.date; base.dateSource = d.relative ? 'relative' : 'sentence'; }
  else if (sent.encounter.date) { base.date = sent.encounter.date; base.dateSource = 'encounter'; }
  else { delete base.date; base.dateSource = 'none'; }
}

/**
 * Whether a treatment mention at [s, e) is recounted history. `own` says the note is the treating discipline's
 * own (a therapist counting her sessions is current care).
 */
/** "9 weeks after", "3 days s/p", "six weeks post": the time elapsed since the treatment named next. */
const ELAPSED_SINCE = /\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:days?|d|weeks?|wks?|w)\s+(?:after|post|following|since|s\/p|status post)\s+(?:(?:the|her|his|a|an|R|L|right|left|bilateral|repeat|last|first|second|[\w-]+)\s+){0,3}$/i;
/** A bare year or month/year right after a treatment's name: "CABG 2022", "TKA (03/2021)". */
const YEAR_AFTER = /^\s*[(,]?\s*(?:(\d{1,2})\/)?((?:19|20)\d{2})\b(?![\/-]\d)/;
function datedBeforeVisit(after: string, visit: string | undefined): boolean {
  const m = YEAR_AFTER.exec(after);
  if (!m || !visit) return false;
  const [vy, vm] = [Number(visit.slice(0, 4)), Number(visit.slice(5, 7))];
  const [y, mo] = [Number(m[2]), m[1] ? Number(m[1]) : undefined];
  return y < vy || (mo !== undefined && y === vy && mo < vm);
}
/** A month named right after a treatment ("a nerve block in December", "ESI back in March 2023"). */
const MONTH_AFTER = /^\s*[(,]?\s*(?:back\s+)?(?:in|during|last)\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+((?:19|20)\d{2}))?/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The past-tense verb of an account just before the treatment's name: "had a", "received two", "underwent her". */
const PAST_VERB_BEFORE = /\b(?:had|received|underwent|got|tried|did)\s+(?:[\w-]+\s+){0,3}$/i;
/**
 * "Had a nerve block in December": an account, in the past tense, of a treatment in a month other than this visit's
 * (a month with no year is the last such month before the visit, so any other month is earlier).
 */
function monthBeforeVisit(before: string, after: string, visit: string | undefined): boolean {
  const m = MONTH_AFTER.exec(after);
  if (!m || !visit || !PAST_VERB_BEFORE.test(before)) return false;
  const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
  const [vy, vm] = [Number(visit.slice(0, 4)), Number(visit.slice(5, 7))];
  return m[2] ? Number(m[2]) < vy || (Number(m[2]) === vy && month < vm) : month !== vm;
}
/** The past-tense result right after a treatment's name: "gave short-lived gains", "(x2) provided 3 weeks of relief", "did not help". */
const OUTCOME_AFTER = /^\s*(?:\([^)]{0,40}\)\s*)?(?:only\s+|also\s+|previously\s+)?(?:gave|provided|offered|yielded|brought|produced|afforded|helped|did not help)\b/i;
/** A return visit timed from a treatment ("follow up 2 weeks after the injection") is a plan, not an elapsed time. */
const SCHEDULING = /\b(?:follow[- ]?up|f\/u|return|rtc|recheck|re-?check|see (?:her|him|pt|patient)|schedul\w*|appointment|call|in)\b[^.;]{0,30}$/i;
export function isRecountedTreatment(sent: SentenceCtx, s: number, e: number, own: boolean): boolean {
  if (isProcedureRecord(sent.encounter.kind)) return false;
  // "ICD, CABG 2022", "s/p TKA 03/2021": the year (or month and year) written after the name, before this visit's.
  if (datedBeforeVisit(sent.text.slice(e, e + 14), sent.encounter.date)) return true;
  // "Had a nerve block in December": the month of an account given in the past tense, not this visit's.
  if (monthBeforeVisit(sent.text.slice(Math.max(0, s - 40), s), sent.text.slice(e, e + 30), sent.encounter.date)) return true;
  // "9 weeks after R genicular RFA": the time since a treatment given before (not "follow up 2 weeks after the injection").
  if (ELAPSED_SINCE.test(sent.text.slice(Math.max(0, s - 40), s)) && !SCHEDULING.test(sent.text.slice(Math.max(0, s - 70), s))) return true;
  // "Totals: R knee 7 injections; L knee 3 injections": a tally of care given over time, not care given today.
  if (inFailedCareList(sent.text, s) || /^\s*(?:totals?|cumulative|to date)\s*:/i.test(sent.text)) return true;
  if ((own && !SUMMARY_KINDS.has(sent.encounter.kind)) || isProcedureRecord(sent.encounter.kind) || sent.section?.kind === 'procedure' || sent.section?.kind === 'plan') return false;
  const [cs, ce] = clauseOf(sent.text, s);
  if (THIS_VISIT.test(sent.text.slice(cs, Math.max(ce, e)))) return false;
  // "Physical therapy gave short-lived gains.": the result of care already given, told in the past tense.
  if (OUTCOME_AFTER.test(sent.text.slice(e, e + 60))) return true;
  const history = inHistoryNarrative(sent);
  // A report that summarises care (a medical source statement's "CBT x10 sessions") counts a finished course wherever it says so.
  if ((history || SUMMARY_KINDS.has(sent.encounter.kind)) && countedAt(sent.text, s, e)) return true;
  // Outside a procedure note, "Three ESIs with diminishing, short-lived benefit" tallies injections already given, in
  // whatever section the physician weighs them.
  if (PROCEDURE_NAME.test(sent.text.slice(s, e)) && countedAt(sent.text, s, e)) return true;
  const near = sent.text.slice(Math.max(0, s - 80), Math.min(sent.text.length, e + 60));
  if (!PAST_ACCOUNT.test(near)) return false;
  return history || PAST_ANCHOR.test(sent.text);
}
