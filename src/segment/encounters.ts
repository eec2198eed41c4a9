/** The segment stage: split a document into encounters (date, provider, specialty, kind) at note boundaries. */
import type { Encounter, EncounterKind, Evidence, SourceDocument } from '../model/index.js';
import { findDates, STATUTE_BEFORE } from '../knowledge/dates.js';
import { evidenceAt, trimSpan } from '../knowledge/evidence.js';
import { notAttended } from '../knowledge/attendance.js';
import { findProviders, pickProvider } from './providers.js';
import { classifyEncounter, HEAD_CHARS } from './classify.js';
import { BANNER } from './document-role.js';
import { specialtyIs } from '../model/specialties.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MON = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
/** Date shapes used to recognise a header line: 03/14/2024, 3/14/24, 2024-03-14, March 14, 2024, 14 Mar 2024, 14-Mar-2024. */
const DATE_SHAPE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/])|\d{4}-\d{2}-\d{2}|${MON}[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|\d{1,2}(?:[ \t]+|-)${MON}(?:,?[ \t]+|-)\d{4})`;
const TIME = String.raw`(?:[ \t]+(?:at[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?)`;

/** A label word as OCR may print it: "DAT E", "0F", "SERV ICE" (a stray space inside, O read as zero). */
function loose(phrase: string): string {
  return phrase.split(' ').map((w) => [...w].map((c) => (c === 'o' ? '[o0]' : c)).join('[ ]?')).join(String.raw`[ \t]+`);
}
const SERVICE_OF = ['service', 'visit', 'exam', 'examination', 'evaluation', 'procedure', 'surgery', 'operation', 'consultation', 'report', 'study', 'encounter', 'treatment', 'determination'];
/** Labels that name a date of service on their own: a colon is optional and they may stand mid-line in a page header. */
const STRONG_LABEL = [
  `${loose('date')}s?[ \\t]+${loose('of')}[ \\t]+(?:(?:this|the)[ \\t]+)?(?:${SERVICE_OF.map(loose).join('|')})`,
  'DOS', loose('service date'), loose('visit date'), String.raw`exam(?:ination)?[ \t]+date`,
  // A state form's field: "15. Date and hour of first examination: 10/07/2022 10:15" (California DFR).
  String.raw`date[ \t]+and[ \t]+(?:hour|time)[ \t]+of[ \t]+(?:first[ \t]+)?(?:examination|exam|treatment|visit)(?:[ \t]+or[ \t]+treatment)?`,
  // An EHR header's "Encounter: 03/21/2024 13:30" at the right of the patient line.
  String.raw`encounter(?=[ \t]*:[ \t]*\d)`,
  String.raw`(?:evaluation|procedure|surgery|report|study|encounter|consultation|treatment)[ \t]+date`,
  // An ED face sheet's "Arrival: 05/19/2024 13:06", or its "Visit 01/19/2023", after the patient's name and DOB on the same line.
  String.raw`arrival(?:[ \t]+(?:date|time))?`, String.raw`visit(?=[ \t]+\d)`,
].join('|');
/** A patient field line with a bare "DATE:" field after it ("PATIENT: DOE, JANE   MRN 123   DATE: 11/01/2022"). */
const REPORT_FIELD_DATE = new RegExp(String.raw`^[ \t]*(?:PATIENT|NAME|Patient|Name)[ \t]*:[^\n]*?[ \t]{2,}(?:(?:EXAM|STUDY|SERVICE|Exam|Study|Service)[ \t]+)?(?:DATE|Date)[ \t]*:[ \t]*(${DATE_SHAPE})[ \t]*$`, 'gm');
/** An imaging centre's exam line with its date at the right ("Exam: MR ARTHROGRAM RIGHT SHOULDER (…)   Date: 01/26/2024"). */
const EXAM_FIELD_DATE = new RegExp(String.raw`^[ \t]*(?:Exam|EXAM|Study|STUDY|Examination|EXAMINATION)[ \t]*:[^\n]*?(?:\n[ \t]{2,}\S[^\n]*?)?(?<=\S)[ \t]{2,}(?:DATE|Date)[ \t]*:[ \t]*(${DATE_SHAPE})[ \t]*$`, 'gm');
/** The report title above it. */
const REPORT_TITLE = /\b(?:OPERATIVE|OPERATION|PROCEDURE|CONSULTATION|DISCHARGE|RADIOLOGY|IMAGING|EMG|NERVE CONDUCTION)\b[^\n]*\b(?:REPORT|NOTE|SUMMARY|STUDY)\b|\b(?:MEDICAL SOURCE STATEMENT|RESIDUAL FUNCTIONAL CAPACITY|RFC (?:QUESTIONNAIRE|ASSESSMENT|FORM)|(?:PHYSICAL|MENTAL) CAPACITIES (?:EVALUATION|QUESTIONNAIRE))\b|\b(?:OPERATIVE|PROCEDURE) (?:REPORT|NOTE)\b|^[ \t]*[A-Z][A-Z &'.-]*\b(?:DIAGNOSTIC IMAGING|RADIOLOGY|IMAGING (?:CENTER|ASSOCIATES|SERVICES))\b|\b(?:WORK|ACTIVITY|DUTY)(?: ?\/ ?(?:ACTIVITY|DUTY|WORK))? STATUS\b|\bWORK ABILITY\b/;
/** "Dates of treatment: 09/07/2022 to 09/12/2023": the span a form covers, not the day of one visit. */
const NOT_A_RANGE = String.raw`(?![ \t]*(?:to|through|thru|until|[-–—])[ \t]*\d)`;
/** Generic labels ("Date:", "Seen:", "Visit:"): only at the start of a line and only with a colon. */
const WEAK_LABEL = String.raw`date|seen(?:[ \t]+on)?|arriv(?:al|ed)(?:[ \t]+(?:date|time))?|visit|admit(?:ted)?|admission|discharge(?:d)?`;
/** "DATE OF SERVICE: 03/14/2024", "DOS 3/14/24", "…   DOS: 06/03/2024   Page 1 of 2", "Seen: 3/14/24". */
const LABELLED_HEADER = new RegExp(
  String.raw`(?:^[ \t\f]*(?:\d{1,2}[.)][ \t]+)?|(?<![ \t])[ \t]{2,}|\|[ \t]*)(?:${STRONG_LABEL})(?:[ \t]*(?::|#|-(?=[ \t]))|[ \t])[ \t]*(${DATE_SHAPE})${NOT_A_RANGE}|^[ \t\f]*(?:${WEAK_LABEL})[ \t]*:[ \t]*(${DATE_SHAPE})`,
  'gim',
);
/**
 * "PROGRESS NOTE — 3/14/2024", "Visit #12 of 20 — 04/02/2024", "Progress Notes by Linda Park, MD at 3/14/2024 10:32 AM",
 * "POSTOPERATIVE VISIT - 05/05/2022 (7 weeks)     Provider: Marcus Doe, MD", "PROCEDURE NOTE  11/16/2021   M. Doe, MD",
 * "=== FOLLOW-UP ===      07/19/2022", "PRIMARY CARE - 09/25/2023 - Daniel Reyes, MD (covering)", "MMI / IMPAIRMENT VISIT - 02/20/2024      Jane Doe, DO, Level II accredited":
 * the title, its date, and at most an interval in brackets and an author (labelled, or a name with its degree).
 */
// (And where it took place: "PROCEDURE NOTE - 05/24/2023     Facility: Bay Road ASC (affiliated)"; and who came along:
// "03/14/2023   MEDICATION MANAGEMENT (99214)      Accompanied by: mother".)
const AUTHOR_LABELS = ['provider', 'clinician', 'physician', 'seen by', 'author', 'attending', 'taken by', 'staff', 'surgeon', 'therapist', 'signed by', 'prescriber', 'facility', 'location', 'accompanied by', 'referring', 'referred by'];
/**
 * Labels in any case, without making the whole title pattern case-insensitive. A hyphen sets the author apart only with a
 * space beside it: "FOLLOW-UP    V. Doe, MD" is the title "FOLLOW-UP", not "FOLLOW" by "UP V. Doe".
 */
/** A signing clinician's degree. */
const AUTHOR_CREDENTIAL = String.raw`(?:MD|M\.D|DO|D\.O|PA-C|PA|NP|FNP-C|FNP-BC|FNP|NP-C|APRN|ARNP|APNP|PMHNP-BC|PMHNP|DNP|AGNP-C|AGNP|CRNP|CNP|RN|LPN|DC|D\.C|DPT|PT|OTR(?:\/L)?|OT|PhD|Ph\.D|PsyD|LCSW|LPC|LMFT)`;
/** (A co-signer after a slash: "POST-OP VISIT -- 11/20/2023   Kelsey Doe, PA-C / M. Roe, MD".) */
const AUTHOR_FIELD = String.raw`(?:(?:[ \t]{2,}|[ \t]+[-–—|]{1,3}[ \t]*|[-–—|]{1,3}[ \t]+|[–—|]{1,3}|-{2,3})(?:(?:${AUTHOR_LABELS.map((l) => [...l].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join('')).join('|')})[ \t]*:[^\n]*|(?:[A-Z][A-Za-z.'-]*[ \t]+){1,3}[A-Z][A-Za-z'-]+,?[ \t]+${AUTHOR_CREDENTIAL}\.?(?:[ \t]*\/[ \t]*(?:[A-Z][A-Za-z.'-]*[ \t]+){1,3}[A-Z][A-Za-z'-]+,?[ \t]+${AUTHOR_CREDENTIAL}\.?)?(?:,[ \t]*[A-Za-z][A-Za-z .'-]{1,30})?(?:[ \t]*\([^)\n]{1,30}\))?))?`;
/** The author field present, not optional: a signing clinician after the date. */
const AUTHOR_AFTER_DATE = new RegExp(String.raw`^[^\n]*?${AUTHOR_FIELD.slice(0, -1)}[ \t]*$`);
/** "Date:" / "DOS:" between a title and its date ("DAILY NOTE (representative)      Date: 04/08/2022"). */
const DATE_LABEL = String.raw`(?:[ \t]*(?:[Dd]ate(?: of [Ss]ervice)?|DATE(?: OF SERVICE)?|DOS)[ \t]*:)?`;
/** A visit count after the date ("Visit 2", "Visit #12 of 20", "Visits: 16 (04/05-07/21/2022)"). */
const VISIT_COUNT = String.raw`(?:[ \t]{2,}(?:(?:[Tt]otal|TOTAL)[ \t]+)?(?:[Vv]isits?|VISITS?|[Ss]essions?|SESSIONS?)\b(?:[ \t]+(?:to[ \t]+date|TO[ \t]+DATE))?[ \t]*[:#]?[ \t]*\d{1,3}(?:[ \t]*(?:of|/)[ \t]*\d{1,3})?(?:[ \t]*\([^)\n]{1,30}\))?)?`;
/** A form's checkboxes after the heading ("PR-2   09/18/2023   H. S. Doe, MD      [X] Change in work status"). */
const FORM_BOXES = String.raw`(?:[ \t]{2,}\[[ \t]*[Xx✓✔ ]?[ \t]*\][^\n]*)?`;
/** "OPERATIVE REPORT - 09/19/2023 - Cibolo Creek Surgical Hospital": the facility where it took place, after the date. */
const FACILITY_AFTER = String.raw`(?:[ \t]*[-–—|]{1,3}[ \t]*(?:[A-Z][A-Za-z.'&-]*[ \t]+){0,5}(?:Hospital|Surgery Center|Surgical Center|Medical Center|Surgicenter|ASC)\b(?:[ \t]*\([^)\n]{1,20}\))?)?`;
// (Each run of blanks between the title and the date follows a mark of its own: runs side by side would share the
// blanks between them every possible way, quadratic on a long blank line.)
const TITLE_TO_DATE = String.raw`[ \t]*(?:[=*#~]{2,}[ \t]*)?(?:(?:[-–—:,|]{1,3}|\bat|\bon)[ \t]*)?(?:(?:[Dd]ate(?: of [Ss]ervice)?|DATE(?: OF SERVICE)?|DOS)[ \t]*:[ \t]*)?`;
const TITLE_HEADER = new RegExp(
  String.raw`^[ \t]*(?:[=*#~]{2,}[ \t]*)?([A-Z][A-Za-z0-9#&/,.'()+ -]{2,80}?)${TITLE_TO_DATE}(${DATE_SHAPE})${TIME}?(?:[ \t]*\([^)\n]{1,30}\))?${VISIT_COUNT}${AUTHOR_FIELD}${FACILITY_AFTER}${FORM_BOXES}(?:[ \t]*[=*#~]{2,})?[ \t]*$`,
  'gm',
);
/** "POST-OP VISIT - 09/26/2023: Incisions clean. Sutures out.": an upper-case visit title and date, the note run in after a colon. */
const RUN_IN_HEADER = new RegExp(String.raw`^[ \t]*([A-Z][A-Z0-9#&/'() -]{2,50}?)[ \t]*[-–—][ \t]*(${DATE_SHAPE})(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*:[ \t]+\S[^\n]*$`, 'gm');
/**
 * "05/16/2023 - POST-OP #1 (2 weeks): Incision healed.", "01/31/2023 - PHONE FOLLOW-UP: ~60% leg relief": a log's date, an
 * upper-case visit title and the note run in after a colon, one line after another.
 */
const DATE_FIRST_RUN_IN = new RegExp(String.raw`^[ \t]*(${DATE_SHAPE})(?:[ \t]*[-–—][ \t]*|[ \t]{2,})([A-Z][A-Z0-9#&/+' -]{2,50}?(?:[ \t]*\([^)\n]{1,30}\))?)[ \t]*:[ \t]+\S[^\n]*$`, 'gm');
/** Visit types such a log's line may carry besides the usual titles ("12/12/2023  TELEHEALTH: medication coordination"). */
const LOG_VISIT_TYPE = /\b(?:tele(?:health|medicine|phone)|acute|annual exam)\b/i;
/** "PROCEDURE NOTE + FOLLOW-UP - 09/11/2023 - Botox cycle 2": an upper-case visit title and date, what was done after a dash. */
const SUBTITLED_HEADER = new RegExp(String.raw`^[ \t]*([A-Z][A-Z0-9#&/+'() -]{2,50}?)[ \t]+[-–—][ \t]+(${DATE_SHAPE})[ \t]+[-–—][ \t]+\S[^\n]{0,100}$`, 'gm');
/** "03/02/2023 (Thu)  Visit 1   BKP": a daily-note log's weekday after the date. */
const WEEKDAY = String.raw`(?:[ \t]*\((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?\))`;
/**
 * "03/14/2024 10:32 AM  Office Visit  Smith, John MD", "02/17/2022   OFFICE VISIT - Acute      Provider: Jane Doe, MD",
 * "=== 08/10/2023  NEW PATIENT CONSULT  -  Jane Doe, MD =====": an EHR encounter line that leads with the date.
 * (A note in brackets may close the title: "08/17/2023 - NEW PATIENT CONSULTATION  (Spanish interpreter, in person: R. Salinas)".)
 */
const DATE_LEAD_HEADER = new RegExp(String.raw`^[ \t]*(?:[=*#~]{2,}[ \t]*)?(${DATE_SHAPE})${TIME}?${WEEKDAY}?(?:[ \t]*[-–—|:]{0,3}[ \t]+((?:\d{1,2}[- ](?:MONTH|WEEK|DAY|YEAR|MO|WK)S?[- ])?[A-Z][^\n:=]{2,100}?|\d{1,2}[- ](?:months?|weeks?|days?|years?|mos?|wks?)[- ][a-z][^\n:=]{2,100}?)(?:[ \t]*\([^()\n]{1,80}\))?${AUTHOR_FIELD})?(?:[ \t]*[=*#~]{2,})?[ \t]*$`, 'gm');
const DATE_LEAD_LINE = new RegExp(DATE_LEAD_HEADER.source);
/** A referral or order tracking row's status column ("… Harbor Physical Therapy   CLOSED 09/02/22"): a log row, not a visit. */
/** A chronological note's entry for an operation done that day, in capitals. */
const LOGGED_OPERATION = /^(?:SURGERY|OPERATION|PROCEDURE)\b(?![ \t]+(?:SCHEDULED|PLANNED|POSTPONED|CANCELL?ED|RESCHEDULED|BOOKED))/;
const TRACKING_STATUS = /\b(?:CLOSED|PENDED|EXPIRED|COMPLETED|SCHEDULED|CANCELL?ED|DENIED|APPROVED|RE-?SENT)\b/;
/** "---- 18 Jun 2024  PROCEDURE: CHEMODENERVATION #1 ----": a date ruled off on both sides is a heading, whatever its title. */
const RULED_DATE_HEADING = new RegExp(String.raw`^[ \t]*(?:[-=*#~]{3,}|[\u2500-\u2550]{2,})[ \t]*(${DATE_SHAPE})(?:[ \t]+[^\n]{2,100}?)?[ \t]*(?:[-=*#~]{3,}|[\u2500-\u2550]{2,})(?:[ \t]*$|[ \t]+(?=\S))`, 'gm');
/** "10/07/2021 F/U: ~50% arm relief …", "PROCEDURE 08/26/2021: C7-T1 ILESI …": a terse log's visit, its note on the same line. */
const VISIT_LABEL = String.raw`(?:F\/U|follow[- ]?up|procedure|office visit|visit|recheck|re-?eval(?:uation)?|tele(?:phone|health) visit)`;
// (And a medication-review log's "08/16/2022 (in person): Escitalopram 10 mg x 4 wks …", "07/11/2023 (video)".)
const VISIT_MODE = String.raw`\((?:in[ -]?person|video|phone|telephone|tele[a-z]*|virtual|office|clinic)\b[^)\n]{0,40}\)`;
const DATED_VISIT_LINE = new RegExp(String.raw`^[ \t]*(${DATE_SHAPE})[ \t]+${VISIT_LABEL}[ \t]*:|^[ \t]*${VISIT_LABEL}[ \t]+(${DATE_SHAPE})[ \t]*:|^[ \t]*(${DATE_SHAPE})[ \t]*${VISIT_MODE}[ \t]*(?::|$)`, 'gim');
/**
 * A paragraph that opens with its date and two spaces before the note's first sentence: words, a SOAP label
 * ("05/25/2022  S: Pain 6/10"), an abbreviation ("UR certified", "MRA 10/12/2023", "F/u ED visit") or the time since
 * surgery ("3 wks post-op").
 */
// ("01/12/2023  [X] Periodic": a PR-2 log's entry opens with the report type ticked.)
const DATED_PARAGRAPH = new RegExp(String.raw`^(${DATE_SHAPE})[ \t]{2,}(?=[A-Z][a-z]|[A-Z]{2,}(?:\s+(?:\d|[a-z])|\/[A-Z])|[SOAP]:[ \t]|F\/[Uu]\b|\d{1,2}[ \t]+(?:wks?|weeks?|mos?|months?|days?)\b|\[[ \t]*[xX✓✔][ \t]*\][ \t]*[A-Z])`, 'gm');
const MIN_LOG_PARAGRAPHS = 3;
/**
 * "3/28/23  AW", "1/12/21  TEV   post-hosp f/u", "9/12/23  AW  -- FINAL --": a transcribed handwritten note's date
 * and its author's initials. Three or more such lines make the file a log of visits, blank lines or not.
 */
const DATED_INITIALS = new RegExp(String.raw`^[ \t]*(${DATE_SHAPE})[ \t]+[A-Z]{2,4}\.?(?:[ \t]+[-–—]{1,3}[ \t]*[A-Z][A-Z ]{1,20}?[ \t]*[-–—]{0,3}|[ \t]{2,}[a-z][^\n]{0,40})?[ \t]*$`, 'gm');
/** The heading of a log of procedures given on several days. */
const PROCEDURE_LOG_TITLE = /^[ \t]*(?:PROCEDURE (?:NOTES|LOG|RECORD)|INJECTION (?:LOG|NOTES|RECORD)|VISCOSUPPLEMENTATION)\b[^\n]*$|^[ \t]*[A-Z][A-Z0-9 &'.,-]*\b(?:CLINIC|OFFICE|PROGRESS|FOLLOW-?UP) NOTES?\b[^\n]*$/gm;
/** " 09/12/2023  Injection 1 of 3. …": one dated row of such a log. */
const LOG_ROW = new RegExp(String.raw`^[ \t]{0,3}(${DATE_SHAPE})[ \t]{2,}(?=[A-Z]|\d{1,3} (?:wks?|weeks?|mos?|months?|days?)\b)`);
const MIN_LOG_ROWS = 1;
const MARGIN_ROW = new RegExp(String.raw`^(${DATE_SHAPE})[ \t]{2,}(?=[A-Z]|\d{1,3} (?:wks?|weeks?|mos?|months?|days?)\b)`, 'gm');
const MIN_MARGIN_LOG_ROWS = 3;
const NOT_A_VISIT_LOG = /\b(?:TELEPHONE|PHONE|ADMINISTRATIVE|CORRESPONDENCE|COMMUNICATIONS?|AUTHORI[SZ]ATIONS?|REQUESTS?|FAX)\b[^\n]*\bLOG\b|\bLOG\b[^\n]*\b(?:CALLS?|CORRESPONDENCE)\b/i;
/**
 * "ENCOUNTER 03/10/2022   New Patient - Industrial Injury   Karen L. Vos, DO", "VISIT #4 - 05/02/2023 …",
 * "TELEPHONE ENCOUNTER   03/18/2024 10:42   Staff: …": a keyword, then the date, then the visit's type and author.
 */
const KEYWORD_LEAD_HEADER = new RegExp(
  String.raw`^[ \t\f]*(?:encounter|visit|office visit|clinic visit|follow[- ]?up(?: visit)?|progress note|(?:telephone|phone|tele-?health|video|nurse|portal)[ \t]+(?:encounter|call|note|visit|message))(?:[ \t]*#[ \t]*\d+)?[ \t]*[:#-]?[ \t]*(${DATE_SHAPE})\b`,
  'gim',
);
/**
 * "PROCEDURE  01/31/2024  R SGB #2. Interval report: …", "PROCEDURE - 03/16/2023: Left L5 TFESI, …": a pain clinic's
 * chronological notes, a procedure logged on its day, run in.
 */
const LOGGED_PROCEDURE_ROW = new RegExp(String.raw`^[ \t\f]*(?:PROCEDURE|INJECTION|SURGERY|OPERATION)(?:[ \t]{2,}|[ \t]*[-–—][ \t]*)(${DATE_SHAPE})(?:[ \t]{2,}|[ \t]*:[ \t]*)\S`, 'gm');
/**
 * "LOCAL TITLE: MH PSYCHIATRY FOLLOW-UP NOTE" / "STANDARD TITLE: …" / "DATE OF NOTE: NOV 15, 2022@10:00": a VA progress
 * note printed from its electronic record, the note's title above its date.
 */
const VA_NOTE_HEADER = new RegExp(String.raw`^[ \t\f]*LOCAL TITLE:[^\n]*\n(?:[^\n]*\n){0,2}?[ \t]*DATE OF NOTE:[ \t]*(${DATE_SHAPE})`, 'gim');
const ENCOUNTER_FIELD_LINE = new RegExp(String.raw`^[ \t\f]*(?:encounter|visit|appointment)(?:[ \t]+type)?[ \t]*:[^\n]*?[ \t]{2,}(?:date|DOS)[ \t]*:[ \t]*(${DATE_SHAPE})[ \t]*$`, 'gim');
/** "WORK INJURY FOLLOW-UP                         Visit: 03/22/2022   Provider: G. Doe, DO": a visit's upper-case title, its date field at the right. */
const TITLE_WITH_VISIT_FIELD = new RegExp(String.raw`^[ \t\f]*[A-Z][A-Z0-9 /&'()-]{3,60}?[ \t]{2,}(?:[Vv]isit(?: [Dd]ate)?|[Dd]ate of [Vv]isit|DOS|[Dd]ate of [Ss]ervice|VISIT(?: DATE)?|DATE OF (?:VISIT|SERVICE))[ \t]*:[ \t]*(${DATE_SHAPE})\b`, 'gm');
const EXAM_LEAD_HEADER = new RegExp(String.raw`^[ \t\f]*exam(?:ination)?[ \t]+(${DATE_SHAPE})(?=[ \t]{2,}|[ \t]*$)`, 'gim');
const TITLE_WORD = /(?:\bf\/u\b)|\b(?:PR-?[234]|DFR|DWC[- ]?0?\d{2,3}|C-4(?:\.\d)?|new (?:patient|pt)|established (?:patient|pt)|pre-?op(?:erative)?|post-?op(?:erative)?|management|mgmt|med check|maintenance|routine|(?:foot|wound|nail) care|recheck|note|visit|evaluation|re-?evaluation|exam(?:ination)?|report|consult(?:ation)?|procedure|MRI|CT|x-?rays?|EMG|NCS|electrodiagnostic|(?:nerve conduction|sleep|imaging|conduction) study|follow[- ]?up|progress|discharge|statement|summary|IME|QME|FCE|assessment|encounter|treatment|therapy|chiropractic|injection|fitting|casting|delivery|correspondence|letter|(?:records?|chart|file|medication) review)\b/i;
/** Words that make a date-led line the title of a visit even right after the previous note's signature. */
const VISIT_TITLE = /(?:\bf\/u\b)|\b(?:new (?:patient|pt)|visit|management|mgmt|med check|maintenance|recheck|follow[- ]?up|consultation|p(?:ost|re)[- ]?op(?:erative)?|history and physical|re-?evaluation|evaluation|exam(?:ination)?|procedure|progress note)\b/i;
/** "ADDENDUM TO ATTENDING PHYSICIAN STATEMENT OF 11/20/2023": a title dated by the earlier paper it answers. */
const REFERS_BACK = /\b(?:addendum|supplement(?:al)?|response|reply|rebuttal|correction|withdrawal|amendment)\b[^\n]*\b(?:of|dated)[ \t]*$/i;
const SEPARATOR = /^[ \t]*(?:(?:[=\-_*#~\u2500\u2501\u2550\u2014\u2013][ \t]?){5,}|\f)[ \t]*$/;
const SIGNATURE_CONTEXT = /\b(?:signed|signature|electronically|attested|co-?signed|dictated|transcribed)\b/i;
const NOT_SERVICE = /\b(?:birth|DOB|injury|DOI|onset|DLI|last insured|AOD|referral|accident|admission|transcribed|dictated|signed|printed|print date|releas\w*|produced|production|requested|request|forwarded|your letter|letter (?:of|dated)|supplemented|copied|certified copy|received|statement date|date of statement|billing date|bill date|invoice date|expir\w*|valid (?:through|thru|until))\b/i;
/** Page furniture an EHR prints on every page: it repeats the visit date but never opens a new visit with the same date. */
/** A fax transmission line across the page top ("** FAXED 12/05/2023 15:03 ** … ** P 7", "From: … To: … Pg 6/16"). */
const FAX_BANNER = /\bfax(?:ed)?\b[^\n]*\b(?:P|pg|pages?)\.?:?[ \t]*\d+\b|\bfrom:[^\n]*\bto:[^\n]*\b(?:pg|page|p)\.?[ \t]*\d+/i;
/** A transmission line: a fax number and an arrow or FROM/TO between sender and recipient. */
const FAX_ROUTE = /\bFAX\b[^\n]*(?:->|→|\bTO\b)/;
const PAGE_FURNITURE = /\bpage[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?\b|\b(?:pg\.?|p\.)[ \t]*\d+[ \t]+of[ \t]+\d+\b|\bprinted\b|\bMRN\b/i;

/** `titled`: the header of a report or form under its own title, a paper of its own even on the day of the visit above it. */
interface Header { lineStart: number; dateStart: number; dateEnd: number; lineEnd: number; date?: string; raw: string; furniture: boolean; titled?: boolean }

function lineBounds(text: string, pos: number): [number, number] {
  let s = pos;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\f') s--;
  let e = text.indexOf('\n', pos);
  if (e < 0) e = text.length;
  return [s, e];
}

function previousLines(text: string, lineStart: number, n: number): string[] {
  const out: string[] = [];
  let end = lineStart - 1;
  while (out.length < n && end > 0) {
    const s = text.lastIndexOf('\n', end - 1) + 1;
    out.push(text.slice(s, end));
    end = s - 1;
  }
  return out;
}

function nextLine(text: string, lineEnd: number): string {
  const e = text.indexOf('\n', lineEnd + 1);
  return text.slice(lineEnd + 1, e < 0 ? text.length : e);
}

/** The line opens a block: document start, page top, or a blank line / separator above it. */
function opensBlock(text: string, lineStart: number): boolean {
  if (lineStart === 0 || text[lineStart - 1] === '\f') return true;
  const prev = previousLines(text, lineStart, 1)[0] ?? '';
  // A page's running footer or header ("ACOS - Page 2 of 8") ends what stands above as a blank line would.
  return prev.trim() === '' || SEPARATOR.test(prev) || PAGE_FURNITURE.test(prev);
}

/** Header dates are read directly (chrono per header is slow on long records); two-digit years pivot at 50. */
function parseDate(raw: string): string | undefined {
  let y = 0, m = 0, d = 0;
  const mdy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(raw);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const mdY = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(raw);
  const dmY = /^(\d{1,2})(?:\s+|-)([A-Za-z]+)\.?(?:,?\s+|-)(\d{4})$/.exec(raw);
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  if (mdy) [y, m, d] = [+mdy[3] < 100 ? +mdy[3] + (+mdy[3] < 50 ? 2000 : 1900) : +mdy[3], +mdy[1], +mdy[2]];
  else if (ymd) [y, m, d] = [+ymd[1], +ymd[2], +ymd[3]];
  else if (mdY) [y, m, d] = [+mdY[3], month(mdY[1]), +mdY[2]];
  else if (dmY) [y, m, d] = [+dmY[3], month(dmY[2]), +dmY[1]];
  if (m >= 1 && m <= 12 && d >= 1 && d <= new Date(y, m, 0).getDate()) return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return findDates(raw)[0]?.date;
}

/**
 * Scanned pages read "03/14/2O24", "6/1O": an O or l next to a digit is a 0 or 1. Same length, so header
 * offsets found in the cleaned text are offsets into the real one.
 */
function ocrDigits(text: string): string {
  return text.replace(/(?<=\d)[Oo]|[Oo](?=\d)/g, '0').replace(/(?<=\d)[lI|](?=[\d/])|(?<=[/.-])[lI](?=\d)/g, '1');
}

/** The other way round in a title: "RE-EVALUATI0N", "Fo11ow-up": a 0 or 1 between letters is an O or an l. */
function ocrLetters(title: string): string {
  return title.replace(/(?<=[A-Za-z])0(?=[A-Za-z])/g, 'O').replace(/(?<=[A-Za-z])1(?=[A-Za-z])/g, 'l');
}

/** A log entry that records a contact, not a visit: a call, a letter, an offer left unanswered. */
const CONTACT_ONLY = /^(?:outreach|(?:tele)?phone (?:call|message)|left (?:a )?(?:VM|voicemail|message)|letter\b|[^.\n]{0,50}\b(?:offered|sent|mailed) (?:\([^)\n]*\) )?by (?:letter|phone|mail)\b)/i;
/**
 * A titled visit ("06/27/2023  POST-OP VISIT #1 (Olusegun)") continued as a log: the rows after it that open at its
 * margin with a later date ("07/11/2023  Wound 3.6 x 2.0 cm. NPWT continued."), their indented lines between, are the
 * next visits. A row dated before the one above it is a history item inside the note ("02/20/2024  MRI: …"), not a visit;
 * the log ends at the first other line at the margin.
 */
function rowsAfter(text: string, headerEnd: number, headerDate: string | undefined): { lineStart: number; lineEnd: number; dateStart: number; raw: string }[] {
  const rows: { lineStart: number; lineEnd: number; dateStart: number; raw: string }[] = [];
  let last = headerDate;
  let pos = headerEnd + 1;
  for (let i = 0; i < 400 && pos < text.length && last; i++) {
    const end = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
    // (A form feed opens the log's next page: "\f07/12/2023  Wayne Lakes letter …" is its next row.)
    const line = text.slice(pos, end).replace(/^\f/, ' ');
    const row = LOG_ROW.exec(line);
    if (row) {
      const date = parseDate(row[1]);
      if (!date || date <= last) break;
      // "04/18/2023  NO SHOW.", "05/16/2023  Intake slot offered by letter - no response": the log's entry, not a visit.
      const entry = line.slice(row[0].length, row[0].length + 80);
      if (!notAttended(entry) && !CONTACT_ONLY.test(entry)) rows.push({ lineStart: pos, lineEnd: end, dateStart: pos + line.indexOf(row[1]), raw: row[1] });
      last = date;
    } else if (!/^[ \t]{2,}\S/.test(line)) break;
    pos = end + 1;
  }
  return rows;
}

function findHeaders(original: string): Header[] {
  const text = ocrDigits(original);
  const headers: Header[] = [];
  const add = (lineStart: number, lineEnd: number, dateStart: number, raw: string) => {
    const line = text.slice(lineStart, lineEnd);
    headers.push({ lineStart, lineEnd, dateStart, dateEnd: dateStart + raw.length, raw, furniture: PAGE_FURNITURE.test(line) });
  };
  for (const m of text.matchAll(LABELLED_HEADER)) {
    const raw = m[1] ?? m[2];
    const dateStart = m.index + m[0].length - raw.length;
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    if (NOT_SERVICE.test(text.slice(m.index, dateStart))) continue;
    // "Signed: J. Doe, MD        Date of report: 03/03/2023": the signature line's date, not a new visit.
    if (SIGNATURE_CONTEXT.test(text.slice(ls, m.index))) continue;
    // "Date: 3/15/24" under a signature block is when the note was signed, not a new visit.
    if (m[2] && previousLines(text, ls, 2).some((l) => SIGNATURE_CONTEXT.test(l))) continue;
    // A bare "Date:" in a print header or footer is the print date.
    if (m[2] && PAGE_FURNITURE.test(text.slice(ls, le))) continue;
    // "FAX TO: SSA/DDS    FROM: … Medical Records    Pages: 6    Date: 07/18/2023": when the records were sent.
    if (FAX_BANNER.test(text.slice(ls, le)) || FAX_ROUTE.test(text.slice(ls, le))) continue;
    add(ls, le, dateStart, raw);
  }
  // "… -- OPERATIVE REPORT (excerpt)" over "PATIENT: DOE, JANE   MRN 123   DATE: 11/01/2022": a report's title, then its
  // patient line carrying the date.
  for (const m of text.matchAll(REPORT_FIELD_DATE)) {
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    // (A form's title may wrap: "PHYSICAL MEDICAL SOURCE STATEMENT (form provided by …\n Attorneys, …)"; the visit
    // begins at its title.)
    const above = previousLines(text, ls, 2);
    const k = above.findIndex((t) => REPORT_TITLE.test(t));
    if (k < 0 || SIGNATURE_CONTEXT.test(text.slice(ls, le))) continue;
    const titleStart = ls - above.slice(0, k + 1).reduce((n, t) => n + t.length + 1, 0);
    add(k === 0 ? ls : titleStart, le, m.index + m[0].lastIndexOf(m[1]), m[1]);
    headers[headers.length - 1].titled = true;
  }
  // "Encounter: Procedure Visit                      Date: 12/17/2024" (an EHR print's visit line, its date at the right),
  // "Exam: MR ARTHROGRAM RIGHT SHOULDER   Date: 01/26/2024" (an imaging centre's exam line),
  // "VISIT #4 - 05/02/2023 …", "WORK INJURY FOLLOW-UP        Visit: 03/22/2022", "PROCEDURE  01/31/2024  R SGB #2. …".
  for (const m of text.matchAll(VA_NOTE_HEADER)) {
    const [ls] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    const dateStart = m.index + m[0].length - m[1].length;
    headers.push({ lineStart: ls, lineEnd: lineBounds(text, dateStart)[1], dateStart, dateEnd: dateStart + m[1].length, raw: m[1], furniture: false, titled: true });
  }
  for (const m of [...text.matchAll(ENCOUNTER_FIELD_LINE), ...text.matchAll(KEYWORD_LEAD_HEADER), ...text.matchAll(LOGGED_PROCEDURE_ROW), ...text.matchAll(TITLE_WITH_VISIT_FIELD), ...text.matchAll(EXAM_FIELD_DATE)]) {
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    add(ls, le, m.index + m[0].lastIndexOf(m[1]), m[1]);
  }
  // "Exam 12/14/2022  Body parts: R knee; low back.": a dated exam line opening a block of a report series.
  for (const m of text.matchAll(EXAM_LEAD_HEADER)) {
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    if (opensBlock(text, ls)) add(ls, le, m.index + m[0].lastIndexOf(m[1]), m[1]);
  }
  for (const m of text.matchAll(DATE_FIRST_RUN_IN)) {
    if ((!VISIT_TITLE.test(m[2]) && !LOG_VISIT_TYPE.test(m[2])) || NOT_SERVICE.test(m[2]) || /[a-z]/.test(m[2].replace(/\([^)]*\)/g, ''))) continue;
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    add(ls, le, m.index + m[0].indexOf(m[1]), m[1]);
  }
  for (const m of [...text.matchAll(RUN_IN_HEADER), ...text.matchAll(SUBTITLED_HEADER)]) {
    if (!VISIT_TITLE.test(m[1]) || NOT_SERVICE.test(m[1])) continue;
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    if (!opensBlock(text, ls)) continue;
    add(ls, le, m.index + m[0].indexOf(m[2], m[1].length), m[2]);
  }
  for (const m of text.matchAll(TITLE_HEADER)) {
    // A department's name is a visit's title when a signing clinician follows the date ("PRIMARY CARE - 11/30/2021 - T. Olguin, FNP").
    const signed = AUTHOR_AFTER_DATE.test(m[0].slice(m[0].indexOf(m[2], m[1].length) + m[2].length));
    // ("Statement date: 09/30/2024": the label's own "date" belongs with its title word.)
    if ((!TITLE_WORD.test(ocrLetters(m[1])) && !signed) || NOT_SERVICE.test(m[0].slice(0, m[0].indexOf(m[2], m[1].length))) || REFERS_BACK.test(m[1])) continue;
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    const prev = previousLines(text, ls, 1)[0];
    // Under a blank line, a rule, a title or a page's running header ("Exhibit No. 3F      Page 4 of 19").
    // A capitalised title with its signing clinician needs no blank line above it: the note before simply ends.
    const set = signed && !/[a-z]/.test(m[1]);
    if (!set && ls > 0 && prev !== undefined && prev.trim() !== '' && !SEPARATOR.test(prev) && !isTitleLike(prev) && !PAGE_FURNITURE.test(prev) && !FAX_BANNER.test(prev) && text[ls - 1] !== '\f') continue;
    add(ls, le, m.index + m[0].indexOf(m[2], m[1].length), m[2]);
  }
  let loggedVisits = false;
  for (const m of text.matchAll(DATE_LEAD_HEADER)) {
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    // "08/01/2024 11:26  FAX 5205550175  SAGUARO PHYSICAL THERAPY -> SAGUARO INJURY LAW  P.1/4": when it was faxed.
    if (FAX_BANNER.test(text.slice(ls, le)) || FAX_ROUTE.test(text.slice(ls, le))) continue;
    const rest = m[2];
    // A bare date line opens a block (letter date, SOAP run); "date time type provider" must name an encounter.
    // Either way, a run of dated lines is a list of prior studies or visits, not headers.
    // A bare date straight under a capitalised letterhead or title line ("CHERRY CREEK ORTHOPAEDIC & SPORTS MEDICINE" over
    // "October 24, 2023") opens a letter as a blank line would.
    const underTitle = !rest && CAPS_LINE.test(previousLines(text, ls, 1)[0] ?? '');
    // (An operation logged on its day in a surgeon's chronological notes, "06/13/2023   SURGERY (Cedar Falls Surgery
    // Center) - Right open carpal tunnel release. See operative report.", is that day's entry though it reads as a sentence.)
    const loggedOperation = !!rest && LOGGED_OPERATION.test(rest);
    // ("04/14/2022  A. Ferrante, D.O.": a visit dated and signed, its author for a title.)
    const signedOnly = !!rest && rest.trim().length <= 50 && AUTHOR_ONLY.test(rest.trim());
    if ((!opensBlock(text, ls) && !underTitle) || (rest && !loggedOperation && !signedOnly && (!TITLE_WORD.test(rest) || /[.;]$/.test(rest.trim()) || TRACKING_STATUS.test(rest)))) continue;
    // A date under a signature is when it was signed, unless the line names the next visit ("09/27/2022 -- POST-OP VISIT")
    // or a rule closes the signed note first.
    const above = previousLines(text, ls, 2);
    const afterSignature = !SEPARATOR.test(above[0] ?? '') && above.some((l) => SIGNATURE_CONTEXT.test(l) || CREDENTIAL_END.test(l));
    if (DATE_LEAD_LINE.test(nextLine(text, le)) || (afterSignature && !(rest && VISIT_TITLE.test(rest)))) continue;
    add(ls, le, m.index + m[0].indexOf(m[1]), m[1]);
    if (!rest) continue;
    const rows = rowsAfter(text, le, parseDate(m[1]));
    for (const r of rows) add(r.lineStart, r.lineEnd, r.dateStart, r.raw);
    loggedVisits ||= rows.length > 0;
  }
  // The same log with no title over it, as a page of it begins ("04/23/2024  A1c 7.6%. … RTC 3 mo.", "07/23/2024  A1c
  // 7.3%. …", …): three rows or more at the margin, each dated later than the one above, under a title that names
  // visits ("Medication Management (99214 + 90833)") or in a document that keeps its visits so (titled visits continued
  // by rows, or dated paragraphs). (A "TELEPHONE /
  // ADMINISTRATIVE LOG" or "CORRESPONDENCE LOG" of the same shape records no visit.)
  const paragraphs = [...text.matchAll(DATED_PARAGRAPH)].filter((m) => m.index === 0 || /\n[ \t]*\n$/.test(text.slice(Math.max(0, m.index - 40), m.index)));
  loggedVisits ||= paragraphs.length >= MIN_LOG_PARAGRAPHS;
  for (const m of text.matchAll(MARGIN_ROW)) {
    const [ls, le] = lineBounds(text, m.index);
    const above = previousLines(text, ls, 3).join('\n');
    if (!opensBlock(text, ls) || NOT_A_VISIT_LOG.test(above) || !(loggedVisits || TITLE_WORD.test(above))) continue;
    const rows = rowsAfter(text, le, parseDate(m[1]));
    if (rows.length + 1 < MIN_MARGIN_LOG_ROWS) continue;
    add(ls, le, m.index + m[0].indexOf(m[1]), m[1]);
    for (const r of rows) add(r.lineStart, r.lineEnd, r.dateStart, r.raw);
  }
  for (const m of [...text.matchAll(RULED_DATE_HEADING), ...text.matchAll(DATED_VISIT_LINE)]) {
    const date = m[1] ?? m[2] ?? m[3];
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    if (!FAX_BANNER.test(text.slice(ls, le))) add(ls, le, m.index + m[0].indexOf(date), date);
  }
  // A procedure or clinic log under its heading ("PROCEDURE NOTES - VISCOSUPPLEMENTATION …", then " 09/12/2023  Injection 1 of 3. …";
  // "… - CLINIC NOTES (Okwuosa)", then "08/16/2022  8 wks. Out of sling …") with its indented continuation lines: each
  // dated row is a visit or a procedure given that day.
  for (const h of text.matchAll(PROCEDURE_LOG_TITLE)) {
    const rows: RegExpExecArray[] = [];
    let pos = h.index + h[0].length + 1;
    for (let i = 0; i < 60 && pos < text.length; i++) {
      const end = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
      const line = text.slice(pos, end);
      const row = LOG_ROW.exec(line);
      if (row) rows.push(Object.assign(row, { index: pos }));
      else if (rows.length && (!/^[ \t]{4,}\S/.test(line) || !line.trim())) break;
      else if (!rows.length && i > 2) break;
      pos = end + 1;
    }
    if (rows.length < MIN_LOG_ROWS) continue;
    for (const r of rows) {
      const [ls, le] = lineBounds(text, r.index);
      add(ls, le, r.index + r[0].indexOf(r[1]), r[1]);
    }
  }
  // A log of dated paragraphs ("09/20/2022  Cyclobenzaprine helps … Continue.", blank line, "01/24/2023  FIQR 63 …"):
  // each paragraph is a visit. Three or more make a log; one or two may be a list's stray lines.
  if (paragraphs.length >= MIN_LOG_PARAGRAPHS) {
    for (const m of paragraphs) {
      const [ls, le] = lineBounds(text, m.index);
      add(ls, le, m.index, m[1]);
    }
  }
  const initialled = [...text.matchAll(DATED_INITIALS)];
  if (initialled.length >= MIN_LOG_PARAGRAPHS) {
    for (const m of initialled) {
      const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
      add(ls, le, m.index + m[0].indexOf(m[1]), m[1]);
    }
  }
  // ("EXAMINATION PURSUANT TO O.C.G.A. 9-11-35": a statute's section, not a visit of 2035.)
  const dated = headers.filter((h) => !STATUTE_BEFORE.test(text.slice(h.lineStart, h.dateStart)) && !inAppointmentList(text, h));
  dated.sort((a, b) => a.lineStart - b.lineStart || a.dateStart - b.dateStart);
  for (const h of dated) h.date = parseDate(h.raw);
  return dated.filter((h, i) => i === 0 || h.lineStart !== dated[i - 1].lineStart);
}

/** "FUTURE APPOINTMENTS (as of print date 04/05/2023)", "Upcoming appointments:": the heading of a list of bookings. */
const APPOINTMENT_LIST = /^[ \t]*(?:future|upcoming|scheduled|pending|next|booked)[ \t]+(?:appointments?|appts?|visits)\b/i;
/** A booking's status column ("… post-op / CT review      Status: BOOKED"). */
const BOOKING_STATUS = /\bstatus[ \t]*:?[ \t]*(?:booked|scheduled|confirmed|pending|arrived\?)\b/i;
const APPOINTMENT_LIST_LINES = 8;

/**
 * A row of a list of appointments still to come is a booking, not a visit: nothing has happened on its date yet
 * (the list was printed before it). Looked for above the row, as far as a rule or a page break.
 */
function inAppointmentList(text: string, h: Header): boolean {
  if (BOOKING_STATUS.test(text.slice(h.lineStart, h.lineEnd))) return true;
  for (const line of previousLines(text, h.lineStart, APPOINTMENT_LIST_LINES)) {
    if (APPOINTMENT_LIST.test(line.replace(/^\f/, ''))) return true;
    if (SEPARATOR.test(line) || line.includes('\f')) return false;
  }
  return false;
}

/** A line that is only a clinician's name and credential ("A. Ferrante, D.O.", "Dr. Jane Roe, MD"). */
const AUTHOR_ONLY = /^(?:Dr\.?\s+)?(?:[A-Z]\.\s*){0,2}[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Za-z'’-]+)?,\s*(?:M\.?D|D\.?O|D\.?C|PA-C|NP|CNP|APNP|PMHNP(?:-BC)?|APRN(?:-CNP)?|FNP(?:-C)?|P\.?T|DPT|PhD|PsyD|LCSW|LISW(?:-S)?)\.?$/;
const CREDENTIAL_END = /,\s*(?:M\.?D|D\.?O|D\.?C|PA-C|NP|CNP|APNP|PMHNP(?:-BC)?|APRN(?:-CNP)?|FNP(?:-C)?|P\.?T|DPT|PhD|PsyD)\.?\s*$/;
/** "/s/ A. Doe, CNP", "e-signed …": the previous note's signature, never a title of the next. */
const SIGNED_LINE = /^\s*(?:\/s\/|e-?signed\b|electronically signed\b)/i;

function isTitleLike(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 80 && !/[.;]$/.test(t) && !SIGNATURE_CONTEXT.test(t) && !CREDENTIAL_END.test(t);
}

/** "PATIENT: DOE, JANE     DOB: 03/22/1971     MRN: 4471902": the identity line under a report's title is part of its header. */
const DEMOGRAPHICS = /^\s*(?:patient(?: name)?|name|pt)\s*:.*\b(?:DOB|D\.O\.B|MRN|acct|account|chart)\b/i;

/** Where an encounter whose header line starts at `lineStart` begins: pull in the title lines and separator right above it. */
function blockStart(text: string, lineStart: number, floor: number): number {
  let start = lineStart;
  let pos = lineStart;
  const lineBefore = (p: number) => Math.max(text.lastIndexOf('\n', p - 2) + 1, floor);
  for (let i = 0; i < 6 && pos > floor && text[pos - 1] !== '\f'; i++) {
    const s = lineBefore(pos);
    const line = text.slice(s, pos - 1);
    if (SEPARATOR.test(line)) return s;
    if (line.trim() === '') {
      const s2 = s > floor ? lineBefore(s) : s;
      if (s2 < s && SEPARATOR.test(text.slice(s2, s - 1))) return s2;
      return titleBlockAbove(text, s, floor) ?? start;
    }
    // A page's running footer and the previous note's signature end what belongs to this visit's heading.
    if (!DEMOGRAPHICS.test(line) && (!isTitleLike(line) || PAGE_FURNITURE.test(line) || SIGNED_LINE.test(line))) break;
    start = s; pos = s;
  }
  return start;
}

const CAPS_LINE = /^[\f\s]*[A-Z0-9][A-Z0-9 &'.,/-]{5,}$/;
/** "SANDSTONE FAMILY MEDICINE        Loveland, CO  (970) 555-0190": a practice's name in capitals, then its contact details. */
const LETTERHEAD_LINE = /^[\f\s]*[A-Z][A-Z0-9&'.,/-]*(?: [A-Z0-9&'.,/-]+){1,6}[ \t]{2,}\S/;
/**
 * "BAYSIDE PHYSICAL THERAPY / Post-operative Discharge Summary / (blank) / Date of Service: …": a letterhead and title
 * set off by a blank line still open the visit below, when they stand alone (page top, blank line or separator above).
 */
function titleBlockAbove(text: string, blankStart: number, floor: number): number | undefined {
  let top = blankStart;
  let titled = false;
  // "SANDSTONE FAMILY MEDICINE / Evelyn D. Marchetti, MD" under a rule: a clinician's name is part of a letterhead,
  // though the same line under a note's text would be its signature.
  let named = false;
  for (let i = 0; i < 3 && top > floor; i++) {
    const s = Math.max(text.lastIndexOf('\n', top - 2) + 1, floor);
    const line = text.slice(s, top - 1);
    const nameLine = CREDENTIAL_END.test(line) && line.trim().length <= 60 && !SIGNATURE_CONTEXT.test(line) && !SIGNED_LINE.test(line);
    const letterhead = LETTERHEAD_LINE.test(line) && CONTACT_LINE.test(line);
    if (line.trim() === '' || SEPARATOR.test(line) || (!isTitleLike(line) && !nameLine && !letterhead)) break;
    named ||= nameLine || letterhead;
    titled ||= TITLE_WORD.test(line) || CAPS_LINE.test(line);
    top = s;
    if (text[s] === '\f' || text[s - 1] === '\f') break;
  }
  if (top === blankStart) return undefined;
  const atPageTop = top <= floor || text[top] === '\f' || text[top - 1] === '\f';
  const aboveStart = Math.max(text.lastIndexOf('\n', top - 2) + 1, floor);
  const above = text.slice(aboveStart, Math.max(top - 1, floor));
  // Under a separator or at a page top the block is a letterhead ("Coastal Orthopedic Surgery / 100 Harbor Way");
  // after a mere blank line it must read as a title, or it is the previous note's last lines.
  if (SEPARATOR.test(above) && top > floor) return aboveStart;
  return titled && (atPageTop || (above.trim() === '' && !named)) ? top : undefined;
}

/** "EXHIBIT NO. 6F   PAGE 1 OF 2": an exhibit's page marker in a representative's or agency's numbered file. */
const EXHIBIT_PAGE = /\bEXHIBIT[ \t]+(?:NO\.?[ \t]*)?(\d{1,3}[A-Z]{1,2})\b.*?\bPAGE[ \t]+(\d{1,3})[ \t]+OF[ \t]+\d+[ \t]*$/i;
/** A page marker is a short line; longer lines are text, never scanned for one (which keeps the search linear). */
const MAX_MARKER_LINE = 200;
/** How far below an exhibit's first line its own dated header may stand and still open the encounter itself. */
const EXHIBIT_HEADER_REACH = 600;
/** Where each exhibit after the first begins: the marker of its page 1, when the exhibit number changes. */
function exhibitStarts(text: string): number[] {
  const out: number[] = [];
  let last: string | undefined;
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    if (line.length > MAX_MARKER_LINE || !/EXHIBIT/i.test(line)) continue;
    const m = EXHIBIT_PAGE.exec(line);
    if (!m) continue;
    const id = m[1].toUpperCase();
    if (last !== undefined && id !== last && m[2] === '1') out.push(start + (line.length - line.trimStart().length));
    last = id;
  }
  return out;
}

/** The signed form a page's first lines name as its title ("ATTENDING PHYSICIAN STATEMENT (APS)"), if any. */
function signedFormTitle(text: string, at: number): EncounterKind | undefined {
  const zone = text.slice(at, at + HEAD_CHARS).split('\n').filter((l) => l.trim()).slice(0, 3).join('\n');
  const kind = classifyEncounter(zone, zone).kind;
  return SIGNED_FORMS.has(kind) ? kind : undefined;
}

/**
 * "\f MERIDIAN MUTUAL LIFE - GROUP LTD / ATTENDING PHYSICIAN STATEMENT" filed inside a clinic's chart: a form of its own,
 * dated by its signature, not a page of the visit above it. (A form's own second page, under the same title, continues it.)
 */
function formPageStarts(text: string, starts: { start: number }[]): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\f/g)) {
    const b = m.index + 1;
    const kind = signedFormTitle(text, b);
    if (!kind) continue;
    const within = Math.max(starts.filter((s) => s.start < b).at(-1)?.start ?? 0, out.at(-1) ?? 0);
    // (The same title after the one above was signed and dated is the next form: a later statement by the same doctor.)
    if (signedFormTitle(text, within) !== kind || SIGNED_AND_DATED.test(text.slice(within, b))) out.push(b);
  }
  return out;
}
/** A form's signature line with its date ("Signature: Tobias L. Arndt, MD      Date: 12/20/2022"). */
const SIGNED_AND_DATED = /^[ \t]*(?:(?:physician'?s? |provider'?s? |examiner'?s? )?signature|signed|electronically signed)\b[^\n]*\bdate(?:d| signed)?\s*:?\s*\d{1,2}\/\d{1,2}\/\d{2,4}/im;

/** A paper's first line starts a visit, unless a dated heading of its own follows right below it. */
function insertPaperStart(starts: { start: number }[], b: number): void {
  const i = starts.findIndex((s) => s.start >= b);
  const at = i < 0 ? starts.length : i;
  const next = i < 0 ? Infinity : starts[i].start;
  if (next - b > EXHIBIT_HEADER_REACH && b > starts[at - 1].start) starts.splice(at, 0, { start: b });
}

/** Split a text document into encounters at date-of-service / visit headers; every character belongs to one encounter. */
export function splitEncounters(doc: SourceDocument, papers: Paper[] = [], { formPages = true }: { formPages?: boolean } = {}): Encounter[] {
  const text = doc.text;
  const headers = findHeaders(text);
  const starts: { start: number; header?: Header; paper?: Paper }[] = [{ start: 0 }];
  for (const h of headers) {
    const last = starts[starts.length - 1];
    const lh = last.header;
    // A second date line right under the first ("Visit Date" after "DOS") belongs to the same visit.
    if (lh && !h.titled && h.lineStart - lh.lineEnd < 250 && (h.date && lh.date ? h.date === lh.date : h.raw === lh.raw) && !/[=\-_*#~]{5,}|\f/.test(text.slice(lh.lineEnd, h.lineStart))) continue;
    // The visit date an EHR repeats in every page header continues the visit on the next page (not a report's own
    // patient line under its title: the radiology report filed after the visit it was taken at).
    if (lh && h.furniture && !h.titled && h.date !== undefined && h.date === lh.date && !REPORT_TITLE.test((previousLines(text, h.lineStart, 1)[0] ?? '').replace(/^\f/, ''))) continue;
    // Letterhead and demographics above the first header belong to it
    // (a rule line framing the header itself is part of the header's block, not a boundary above it).
    const preamble = !lh && starts.length === 1 ? text.slice(0, blockStart(text, h.lineStart, 0)) : undefined;
    // A letterhead ruled off from the visit header ("SUNPOINT URGENT CARE / address / ----- / PATIENT VISIT RECORD") is
    // still that visit's letterhead when nothing clinical stands above the rule.
    if (preamble !== undefined && preamble.trim().length < 600 && !/\f/.test(preamble) && (!/[=\-_*#~]{5,}/.test(preamble) || isLetterheadOnly(preamble))) {
      last.header = h;
      continue;
    }
    // Title lines are pulled in from below the previous header's own line, never from inside it.
    const start = blockStart(text, h.lineStart, Math.max(last.start + 1, lh ? lh.lineEnd + 1 : 0));
    if (start <= last.start) continue;
    starts.push({ start, header: h });
  }
  // A new exhibit's first page is a new paper even when its title carries no date ("DISCHARGE SUMMARY - CERVICAL").
  for (const b of exhibitStarts(text)) insertPaperStart(starts, b);
  // (An examiner's form, "MEDICAL SOURCE STATEMENT" after the report's last page, is that examination's.)
  for (const b of formPages ? formPageStarts(text, starts) : []) insertPaperStart(starts, b);
  // A paper of its own inside the file (a treating source's answer to an examination) starts a visit, dated when its
  // author signed it: the examination's date it repeats is the examiner's.
  for (const paper of papers) {
    const i = starts.findIndex((s) => s.start >= paper.start);
    if (i < 0) starts.push({ start: paper.start, paper });
    else if (starts[i].start === paper.start) starts[i].paper = paper;
    else starts.splice(i, 0, { start: paper.start, paper });
  }
  const encounters = starts.map((s, i) => buildEncounter(doc, i + 1, s.start, i + 1 < starts.length ? starts[i + 1].start : text.length, s.header, s.paper));
  inheritProviders(text, encounters);
  repairMisreadYears(encounters);
  return encounters;
}

/**
 * "Date of Service: 02/27/2028" between visits of 01/2024 and 05/2024 in a chronological file: a scanned digit
 * misread. When the year of a neighbour puts the date back between its neighbours, that is the date; otherwise it
 * stands as written.
 */
function repairMisreadYears(encounters: Encounter[]): void {
  for (let i = 1; i + 1 < encounters.length; i++) {
    const [prev, cur, next] = [encounters[i - 1].date, encounters[i].date, encounters[i + 1].date];
    if (!prev || !cur || !next || prev > next || (cur >= prev && cur <= next)) continue;
    const fits = [prev.slice(0, 4), next.slice(0, 4)].map((y) => `${y}${cur.slice(4)}`).find((d) => d >= prev && d <= next);
    if (fits && Math.abs(Number(cur.slice(0, 4)) - Number(fits.slice(0, 4))) >= 2) encounters[i].date = fits;
  }
}

/** Lines above the first visit header that are only a letterhead: names, addresses and rules, no sentence of a note. */
function isLetterheadOnly(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() && !SEPARATOR.test(l));
  if (lines.some((l) => /[a-z]{3,}[.;]\s*$|\b(?:HPI|assessment|plan|impression|diagnos\w*)\s*:/i.test(l))) return false;
  // A file header: the practice's name and address, then labelled fields (patient, DOB, claim, attending).
  return lines.length <= 4 || lines.every((l) => HEADER_FIELD.test(l) || CAPS_LINE.test(l.trim()) || CONTACT_LINE.test(l));
}
const HEADER_FIELD = /^\s*[A-Z][A-Za-z .#/'()-]{1,30}:\s*\S/;
const CONTACT_LINE = /\b(?:[Tt]el|[Ff]ax|FAX|[Pp]hone|Suite|Ste\.?)\b|\b[A-Z]{2}\s+\d{5}\b|\(\d{3}\)\s?\d{3}-\d{4}\b/;

/** The encounter's letterhead: its first non-empty line when that line reads as a clinic name or title. */
function letterheadOf(text: string, enc: Encounter): string | undefined {
  const first = /[^\n\f]*\S[^\n\f]*/.exec(text.slice(enc.start, Math.min(enc.end, enc.start + 300)))?.[0].trim();
  return first && CAPS_LINE.test(first) && !LABELLED_HEADER_START.test(first) ? first.toUpperCase() : undefined;
}
/** A visit's own heading ("Date: …", "03/14/2023  FOLLOW-UP"), not a practice's letterhead. */
const LABELLED_HEADER_START = new RegExp(String.raw`^(?:(?:date|dos|visit|service)\b|${DATE_SHAPE})`, 'i');

/**
 * A visit with no signature line was written at the same clinic as the file's earlier visit under the same
 * letterhead (or, in a file with one named author, by that author): take that provider.
 */
function inheritProviders(text: string, encounters: Encounter[]): void {
  const named = encounters.filter((e) => e.provider.name);
  const authors = new Set(named.map((e) => e.provider.name));
  // The attending the file's header names ("Attending: A. Doe, MD") wrote the visits that carry no letterhead of their own.
  const attending = encounters[0]?.provider.name ? encounters[0] : undefined;
  const lastByHead = new Map<string, Encounter>(); // one pass: the latest named visit under each letterhead
  for (const enc of encounters) {
    const head = letterheadOf(text, enc);
    if (enc.provider.name) { if (head) lastByHead.set(head, enc); continue; }
    const from = (head ? lastByHead.get(head) : undefined) ?? (authors.size === 1 ? named[0] : undefined) ?? (head ? undefined : attending);
    if (from) enc.provider = { ...from.provider };
  }
}

/** (Not a print, run, fax or report date: "Records produced to: SSA      Print date: 04/30/2024" is when the copy was made.) */
const SERVICE_DATE_FIELD = /(?:^|[ \t])(?:date of service|service date|visit date|(?<!\b(?:print|printed|run|fax|faxed|report|request|release|copy|production|statement|billing|bill|invoice)[ \t])date|DOS)[ \t]*:[ \t]*/i;

const FORM_REVISION = /\b(?:rev(?:ised|ision)?|form (?:version|edition)|ed(?:ition)?)\.?[ \t]*:?[ \t]*\d{1,2}[/-](?:\d{1,2}[/-])?\d{2,4}\b/gi;

function fallbackDate(text: string, start: number, end: number): { date: string; start: number; end: number } | undefined {
  const head = text.slice(start, Math.min(end, start + HEAD_CHARS));
  let offset = 0;
  let notServiceAbove = false;
  for (const line of head.split('\n')) {
    const notService = NOT_SERVICE.test(line);
    // ("Released to: SSA (request dated 05/02/2023); supplemented\n  10/30/2024 for Vukovich Disability Advocates": an
    // indented line carrying on a release or request line above is part of it.)
    const carriedOn: boolean = notServiceAbove && /^[ \t]+\S/.test(line);
    notServiceAbove = notService || carriedOn;
    if (carriedOn) { offset += line.length + 1; continue; }
    // A fax banner's date is when the copy was sent.
    if (!notService && !BANNER.test(line) && !FAX_BANNER.test(line) && !FAX_ROUTE.test(line)) {
      // "Form GN-LTD-12 (rev. 03/2021)": when the form was printed, not when it was filled in.
      const d = findDates(line.replace(FORM_REVISION, (r) => ' '.repeat(r.length))).find((x) => !x.relative);
      if (d) return { date: d.date, start: start + offset + d.start, end: start + offset + d.end };
    } else if (!BANNER.test(line) && !FAX_ROUTE.test(line)) {
      // "Patient: Doe, Jane     DOB: 05/22/1986     Date: 04/05/2022": the labelled visit date beside the birth date.
      const label = SERVICE_DATE_FIELD.exec(line);
      const d = label && findDates(line.slice(label.index + label[0].length)).find((x) => !x.relative && x.start === 0);
      if (label && d) {
        const at = offset + label.index + label[0].length;
        return { date: d.date, start: start + at + d.start, end: start + at + d.end };
      }
    }
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * Forms whose date is the day the source signed them ("Signature: … Date: 05/22/2024"; "Leah M. Doe, APRN-CNP   07/16/2024";
 * "/s/ R. Doe, PMHNP-BC   06/11/2024"; "Date completed: 06/12/2024"), not a "treating since" date above it.
 */
const SIGNED_FORMS = new Set<EncounterKind>(['medical_source_statement', 'impairment_rating', 'work_status_note']);
const SIGNATURE_LINE = /\b(?:signature|signed|date signed|date completed)\b|^[ \t]*(?:(?:attending|treating)[ \t]+)?(?:physician|provider|completed by)[ \t]*:[^\n]*\bdate[ \t]*:|^[ \t]*\/e?s\/[^\n]*(?:\bdate[ \t]*:|\b\d{1,2}\/\d{1,2}\/\d{4}\b)/i;
/** A signer's name, credential and date, unlabelled, as forms print them under the last item. */
const SIGNER_DATE_LINE = /^[ \t]*(?:[A-Z][a-z]+\.?[ \t]+){1,2}(?:[A-Z]\.[ \t]+)?[A-Z][A-Za-z'-]+,[ \t]*(?:MD|DO|APRN(?:-CNP)?|APNP|PMHNP(?:-BC)?|FNP(?:-C)?|NP|PA-C|PhD|PsyD|LCSW|LPC|DC)\b[^\n]{0,20}?[ \t]{2,}\d{1,2}\/\d{1,2}\/\d{4}\b/;

const DATE_FIELD_LINE = /^[ \t]*date(?: signed)?[ \t]*:/i;
/** The date on the form's last signature line ("Signature: A. Doe, MD     Date: 05/22/2024"). */
/** A line about the claimant's release or consent, signed by the claimant. */
const RELEASE_SIGNED = /\b(?:authori[sz]ation|HIPAA|release of (?:information|records)|consent form)\b|\bsigned by (?:the )?(?:patient|pt|claimant|client)\b/i;
function signatureDate(text: string, start: number, end: number): { date: string; start: number; end: number } | undefined {
  let found: { date: string; start: number; end: number } | undefined;
  let offset = start;
  let signedAbove = false;
  for (const line of text.slice(start, end).split('\n')) {
    // (The signature's date on the line under it: "Signature: /s/ A. Doe, MD   Neurology" over "Date: 10/28/2024".)
    // (The claimant's signature on a release, "Authorization on file: signed by patient 01/15/2024 (expires …)", dates the release.)
    const signing = (SIGNATURE_LINE.test(line) || SIGNER_DATE_LINE.test(line) || (signedAbove && DATE_FIELD_LINE.test(line))) && !BANNER.test(line) && !RELEASE_SIGNED.test(line);
    signedAbove = false;
    if (signing) {
      // The date the line labels as the date ("… (treating since 08/2022)   Date: 03/12/2024"), else its last one.
      const dates = findDates(line).filter((x) => !x.relative);
      const d = dates.find((x) => /\bdate[d:]?\s*:?\s*$/i.test(line.slice(Math.max(0, x.start - 12), x.start))) ?? dates.at(-1);
      if (d) found = { date: d.date, start: offset + d.start, end: offset + d.end };
      else signedAbove = true;
    }
    offset += line.length + 1;
  }
  return found;
}

/** "12 | 10/24/23 | 4 | 115 / 90 | RE-EVAL", " 10  03/01/2022  6  traction": a table row (pipes, tabs or aligned
 * columns) led by an optional visit number ("V10 06/14/23  Same.") and a date. (A wide date fills its column: "10/11/23 5     0".)
 * "05/22/2023 RE-EVAL #1 (visit 16): PROM FF 150": a course summary's row, its upper-case visit title run in. */
const VISIT_ROW = new RegExp(String.raw`^[ \t]*(?:(?:V|Visit[ \t]*)#?\d{1,3}(?:[ \t]*[|\t][ \t]*|[ \t]+)|#?\d{1,3}(?:[ \t]*[|\t][ \t]*|[ \t]{2,}))?(${DATE_SHAPE})(?:[ \t]*[|\t]|[ \t]{2,}|[ \t](?=\d{1,3}[ \t]{2,})|[ \t](?=(?:INITIAL |FINAL |DAILY |PROGRESS |PT |OT )?(?:RE-?)?(?:EVAL(?:UATION)?|VISIT|DISCHARGE|NOTE|SESSION|TREATMENT)\b[^\n:]{0,60}:))`, 'gm');
const CLINICAL_WORD = /[a-z]{4,}/i;
/** Fewer rows than this are a short list (prior studies, a medication table), not a visit log. */
const MIN_VISIT_ROWS = 3;

/** The dated rows of a visit log (flowsheet) in [start, end), each cited by its line. */
function visitRows(doc: SourceDocument, start: number, end: number): { date: string; evidence: Evidence }[] {
  const text = doc.text.slice(start, end);
  const rows: { date: string; evidence: Evidence }[] = [];
  for (const m of text.matchAll(VISIT_ROW)) {
    const date = parseDate(m[1]);
    if (!date) continue;
    const lineEnd = text.indexOf('\n', m.index);
    // A row of billing codes only ("4/20/21  #1  97161, 97110") is an attendance list, not what was done and how it went.
    if (!CLINICAL_WORD.test(text.slice(m.index + m[0].length, lineEnd < 0 ? undefined : lineEnd))) continue;
    const s = start + m.index + (m[0].length - m[0].trimStart().length);
    rows.push({ date, evidence: evidenceAt(doc, ...trimSpan(doc.text, s, lineEnd < 0 ? end : start + lineEnd)) });
  }
  return rows.length >= MIN_VISIT_ROWS ? rows : [];
}

/** A paper of its own inside a file, by another author: an examination, or the treating source's answer to one. */
export interface Paper { start: number; answersExam: boolean }

function buildEncounter(doc: SourceDocument, n: number, start: number, end: number, header?: Header, paper?: Paper): Encounter {
  const text = doc.text;
  const evidence: Evidence[] = [];
  let date = header?.date;
  if (header) evidence.push(evidenceAt(doc, header.lineStart + (text.slice(header.lineStart, header.lineEnd).length - text.slice(header.lineStart, header.lineEnd).trimStart().length), header.dateEnd));
  const pm = pickProvider(findProviders(text, start, end));
  const headStart = start;
  const head = text.slice(headStart, Math.min(end, headStart + HEAD_CHARS));
  const cls = classifyEncounter(head, text.slice(start, end), pm?.provider.credential);
  if (!date) {
    // A form is dated by its signature ("Signature: … Date: 05/22/2024"), not by the first date printed on it
    // ("Rheumatology since 03/24/2021").
    const fb = (paper || SIGNED_FORMS.has(cls.kind) ? signatureDate(text, start, end) : undefined) ?? fallbackDate(text, start, end);
    if (fb) { date = fb.date; if (!header) evidence.push(evidenceAt(doc, fb.start, fb.end)); }
  }
  if (pm) evidence.push(evidenceAt(doc, pm.start, pm.end));
  // (The treating source's answer names the examination throughout, "IME examiner", "I concur with the IME report": it is
  // still no examination, and its discipline is its author's.)
  const answer = paper?.answersExam ?? false;
  const enc: Encounter = {
    id: `${doc.id}#e${n}`, documentId: doc.id, file: doc.file, start, end, provider: pm?.provider ?? {},
    specialty: answer && specialtyIs(cls.specialty, 'examiner') ? 'unknown' : cls.specialty, kind: answer && cls.kind === 'ime' ? 'unknown' : cls.kind, evidence, source: 'note',
  };
  if (date) enc.date = date;
  const rows = visitRows(doc, start, end);
  if (rows.length) enc.visitRows = rows;
  if (cls.title) {
    enc.title = cls.title.text;
    evidence.push(evidenceAt(doc, headStart + cls.title.start, headStart + cls.title.end));
  }
  return enc;
}
