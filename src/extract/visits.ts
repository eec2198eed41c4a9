import type { Encounter, EncounterKind, Evidence, FactOf } from '../model/index.js';
import { sessionOfSpecialty } from '../model/modalities.js';
import { specialtiesIn } from '../model/specialties.js';
import { notAttended } from '../knowledge/attendance.js';

const SURGICAL = specialtiesIn('surgical');
/** Reports that are not treatment visits even when a therapist or surgeon writes them. */
const NOT_A_VISIT = new Set<EncounterKind>(['imaging', 'emg', 'ime', 'impairment_rating', 'fce', 'medical_source_statement', 'work_status_note', 'billing', 'procedure_note', 'operative_report']);
/** Words that make a surgeon's note a consultation rather than a post-operative check. */
const CONSULT_CUE = /\b(?:thank you for (?:referring|the referral|allowing)|referred (?:by|to me|for (?:surgical|spine|orthop))|surgical (?:consult(?:ation)?|opinion|evaluation) (?:requested|at the request))\b/i;

/** A scheduling letter to the patient ("your new patient consultation … has been scheduled", "please arrive 20 minutes early"). */
const APPOINTMENT_NOTICE = /\b(?:(?:appointment|consultation|visit|evaluation) (?:with [^.\n]{0,60})?(?:has been|is|was) (?:scheduled|booked|confirmed)|please arrive|appointment (?:confirmation|reminder)|intake packet)\b/i;
/** A log row that records paperwork or a call about the care: a records request, a fax, a message, a bill. */
const CORRESPONDENCE_ROW = /\b(?:records? request\w*|request(?:ed)? (?:for )?records|fax(?:ed)?|fax rec'?d|called|phoned|LVM|left (?:a )?(?:VM|voicemail|message)|processed|mailed|billed|statement sent|referral letter)\b/i;
/** What only an encounter with the patient records: an examination, vital signs, findings, an assessment. */
const SEEN = /\b(?:exam(?:ination)?|vitals?|BP|ROM|strength|reflexes|impression|assessment|on exam|tender\w*|palpation)\b\s*[:\-]?/i;

/** A letter's head: its addressee ("To: …", "Attn: …", "Dear Ms. …") or its subject line ("Re: …"). */
const LETTER_HEAD = /^[ \t]*(?:To|Attn|Re)[ \t]*:|\bDear (?:Ms|Mr|Mrs|Dr|Counsel|Sir|Madam|Adjuster)\b/im;
/** Words that the claimant was seen for the letter: "examined today", "on examination today", "seen in the office today". */
const SEEN_TODAY = /\b(?:examined|seen|evaluated|treated) (?:\w+ ){0,3}today\b|\b(?:on )?(?:examination|exam) today\b|\btoday'?s (?:examination|exam|visit|treatment)\b/i;

/**
 * The visit itself as a treatment fact: a PT, chiropractic, OT or psychology note is a performed session
 * (completed at discharge), and a surgeon's consultation is a performed surgical consultation. Cited on the
 * visit's date line, dated by the visit.
 */
export function visitFacts(enc: Encounter, body: string, firstOfDocument: boolean): FactOf<'treatment'>[] {
  if (!enc.date || NOT_A_VISIT.has(enc.kind) || enc.evidence.length === 0) return [];
  let attributes: FactOf<'treatment'>['attributes'] | undefined;
  // Disciplines whose own visit note is itself a treatment session.
  const own = sessionOfSpecialty(enc.specialty);
  if (own) attributes = { modality: own, status: enc.kind === 'pt_discharge' ? 'completed' : 'performed' };
  else if (SURGICAL.has(enc.specialty) && (enc.kind === 'consultation' || (firstOfDocument && (enc.kind === 'unknown' || enc.kind === 'office_visit')) || CONSULT_CUE.test(body))) {
    attributes = { modality: 'surgical_consultation', status: 'performed' };
  }
  if (!attributes) return [];
  if (APPOINTMENT_NOTICE.test(body) && !SEEN.test(body)) return [];
  // "Pt cancelled - ill. Not seen.": a short entry recording that the session did not take place.
  if (own && body.length < 400 && notAttended(body)) return [];
  // A therapist's letter to counsel or the payer ("To: Sorensen & Tighe … has not returned for care since 06/29/2023")
  // tells of the sessions; it is not one, unless the claimant was seen for it that day.
  if (own && LETTER_HEAD.test(body.slice(0, 400)) && !SEEN_TODAY.test(body)) return [];
  const visit: FactOf<'treatment'> = {
    id: `${enc.id}:treatment:visit`, encounterId: enc.id, type: 'treatment', attributes,
    date: enc.date, dateSource: 'encounter', negated: false, certainty: 'affirmed', temporality: 'current', experiencer: 'patient',
    context: [], evidence: [enc.evidence[0]],
  };
  // A therapist's visit log ("14   03/24/23  LW  3  Progress / re-cert"): each dated row is a session given that day.
  // (A correspondence or records log's row, "01/29/2024  Records request from … - processed", is paperwork, not a session.)
  const rows = own ? (enc.visitRows ?? []).filter((r) => r.date !== enc.date && !notAttended(r.evidence.quote) && !CORRESPONDENCE_ROW.test(r.evidence.quote)) : [];
  return [visit, ...rows.map((r, i): FactOf<'treatment'> => ({
    ...visit, id: `${enc.id}:treatment:row${i + 1}`, attributes: { modality: own!, status: 'performed' }, date: r.date, dateSource: 'structured', evidence: [rowDate(r.evidence)],
  }))];
}

/** The row's leading visit number and date: the session is cited by when it was, not by what its note says. */
const ROW_DATE = /^[^\n]*?(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2})/;
function rowDate(ev: Evidence): Evidence {
  const m = ROW_DATE.exec(ev.quote);
  return m ? { ...ev, end: ev.start + m[0].length, quote: m[0] } : ev;
}
