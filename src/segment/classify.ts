/** Specialty and encounter-kind classification of a note from its header, body words and credentials. */
import type { EncounterKind, Specialty } from '../model/index.js';
import { z } from 'zod';
import { compileLexicon, readLexiconFile, RegexSource, type LexiconEntry } from '../knowledge/lexicon.js';
import { EncounterKindSchema, SpecialtySchema } from '../model/encounter.js';
import { isMedicalCredential, specialtiesIn } from '../model/specialties.js';

const data = readLexiconFile('specialties.json', z.looseObject({
  specialties: z.array(z.object({ id: SpecialtySchema, patterns: z.array(RegexSource), body: z.array(RegexSource), credentials: z.array(z.string().min(1)) })),
  kinds: z.array(z.object({ id: EncounterKindSchema, patterns: z.array(RegexSource) })),
}));
const headLexicon = compileLexicon(data.specialties.map((s): LexiconEntry => ({ id: s.id, patterns: s.patterns })));
const bodyLexicon = compileLexicon(data.specialties.map((s): LexiconEntry => ({ id: s.id, patterns: s.body })));
const kindLexicon = compileLexicon(data.kinds.map((k): LexiconEntry => ({ id: k.id, patterns: k.patterns })));
const byCredential = new Map<string, Specialty>();
for (const s of data.specialties) for (const c of s.credentials) byCredential.set(c.toUpperCase(), s.id);

/** Disciplines a physician never practises as the note's author (a pain physician's note on CBT is still a physician's). */
const THERAPIST_DISCIPLINES = specialtiesIn('therapist');

/** Words only an electrodiagnostic report uses together. */
/** A state form that answers the MMI question in a box and rates the impairment (Kentucky's Form 107, a physician's
 * report form of any state): its answers are the rating, whatever the form is called. */
const MMI_BOX_ANSWER = /\b(?:MMI|maximum medical improvement)\b[^\n]{0,80}\[\s*[Xx✓✔]\s*\]/i;
const RATED_IMPAIRMENT = /\b\d{1,3}(?:\.\d)?\s*%\s*(?:whole[- ]person|WPI\b)|whole[- ]person impairment/i;
const EMG_CUES = /\b(?:EMG|NCS|nerve conduction|needle (?:EMG|examination)|motor unit|sensory response|fibrillations?|positive sharp waves|distal latenc(?:y|ies)|conduction velocit(?:y|ies))\b/gi;

/** How far into an encounter its letterhead, title and headings are looked for. */
export const HEAD_CHARS = 600;

export interface Classification {
  specialty: Specialty;
  kind: EncounterKind;
  /** The title-like words that decided the kind, offsets relative to the head. */
  title?: { text: string; start: number; end: number };
}

/** The discipline a licence names ("LCMHC" → psychology, "DPT" → physical therapy), if any. */
export function specialtyFromCredential(credential: string | undefined): Specialty | undefined {
  if (!credential) return undefined;
  for (const c of credential.split(/\s*,\s*/)) {
    const hit = byCredential.get(c.toUpperCase());
    if (hit) return hit;
  }
  return undefined;
}

/**
 * "She saw Dr. Marchetti (spine surgery)", "referred to orthopedics", "coordinate with PCP", "her PCP", "seeing Yadkin
 * Valley Pain Management since 10/24", "Awaiting pain management evaluation": another clinician's field, not the author's.
 */
const OTHER_CLINICIAN = /(?:\b(?:[Ss]eeing|[Ss]ees|[Ee]stablished with|[Ff]ollow(?:s|ing)?(?: up)? with|[Gg]oes to|[Aa]ttend(?:s|ing)|[Aa]waiting|[Pp]ending)\s+(?:[A-Z][\w'&.-]*\s+){0,4}|\bDr\.?\s+[A-Z][\w'-]+\s*\(|\b(?:[Ss]aw|[Ss]een by|[Ss]ee|[Rr]eferr(?:al|ed)? to|[Cc]onsult(?:ation)? with|[Cc]oordinat\w* (?:care )?with|[Ee]valuated by|[Ff]ollowed by|per|her|his|their)\s+(?:Dr\.?\s+[A-Z][\w'-]+\s*\(?|the\s+|an?\s+)?)$/;
/** "Psychiatry (Dr. Aldana) increased duloxetine", "Neurosurgery saw her 11/20": another service, named as the one who acted. */
const CLINICIAN_AFTER = /^\s+Dr\.?\s+[A-Z][\w'-]+\s*\((?:second opinion|consult\w*|\d)|^\s*\(\s*(?:Dr\.?\s+[A-Z]|[A-Z][\w'-]+,?\s+(?:MD|DO|PhD|PsyD|NP|PA-C)\b)|^\s+(?:diagnosed|ordered|referred|noted|added|started|increased|decreased|reduced|stopped|discontinued|changed|switched|tapered|prescribed|recommended|restarted|continues|continued|manages|managing|follows|following|saw|sees|seen|evaluated|examined|cleared|released)\b/i;
/** "Referring: H. Doe, MD (Oakhurst Family Medicine)", "ORDERING: …", "PCP: …", "cc: …": a field that names another clinician's practice. */
const OTHER_CLINICIAN_FIELD = /^[ \t]*(?:referr(?:ing|ed by)(?:[ \t]+(?:physician|provider|doctor|MD|clinician))?|referral source|ref(?:erred)?[ \t]+by|ordering(?:[ \t]+(?:physician|provider|doctor|clinician))?|PCP|primary care(?:[ \t]+(?:physician|provider|doctor))?|cc|copies?[ \t]+to)[ \t]*:[^\n]*$/i;
function namesAnotherClinician(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return OTHER_CLINICIAN.test(text.slice(Math.max(0, start - 40), start)) || CLINICIAN_AFTER.test(text.slice(end, end + 30))
    || OTHER_CLINICIAN_FIELD.test(text.slice(lineStart, start));
}

/** "Neurosurgery 05/16", "ortho appt 6/2", "Neurosurgery 1-yr visit coming up": an appointment with another service, named in the note. */
const APPOINTMENT_AFTER = /^\s*(?:appt\.?|appointment|visit|consult|f\/u|follow[- ]?up)?\s*(?:on\s+|scheduled\s+|is\s+)?\d{1,2}\/\d{1,2}\b|^\s*(?:\d+[- ]?(?:yr|year|month|mo|wk|week)s?\s+)?(?:visit|appt\.?|appointment|consult|f\/u|follow[- ]?up|check)\s+(?:coming up|upcoming|pending|scheduled|next)\b/i;
const PLANNED_DOCUMENT = /\b(?:see|per|recommend(?:s|ed)?|refer(?:red)?(?: for)?|order(?:ed)?|schedul(?:e|ed)|consider|request(?:ed)?|obtain|will (?:get|need)|needs?|pending|plan(?:ned)?\s*:)\s+(?:an?\s+|the\s+|a\s+repeat\s+)?$/i;
/** "I have reviewed my records, the URMC ED record, the MRI …": documents the author read, not the one written. */
const REVIEWED_DOCUMENT = /\b(?:I|we)\s+(?:have\s+)?(?:reviewed|received|read)\b[^.!?]{0,140}$/i;
/** End of the first `lines` non-empty lines (three: where a document's letterhead and title sit). */
function titleZoneEnd(head: string, lines = 3): number {
  let seen = 0;
  for (const m of head.matchAll(/[^\n]*\n?/g)) {
    if (m[0].trim() !== '' && ++seen === lines) return m.index + m[0].length;
    if (m[0] === '') break;
  }
  return head.length;
}

/**
 * A letter's inside address ("February 16, 2023 / Remy Doe, MD / Capitol Interventional Pain & Spine / … / Dear Dr. Doe")
 * names the recipient's practice, not the author's: blanked (same length) before the head is scored.
 */
const LETTER_DATE_LINE = /^[ \t]*(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2},? \d{4}|\d{1,2}\/\d{1,2}\/\d{2,4})[ \t]*$/m;
const SALUTATION = /^[ \t]*(?:Dear\b|RE\s*:|Re\s*:|SUBJECT\s*:)/m;
function withoutInsideAddress(head: string): string {
  const date = LETTER_DATE_LINE.exec(head);
  if (!date) return head;
  const from = date.index + date[0].length;
  const to = head.slice(from).search(SALUTATION);
  if (to < 0) return head;
  return head.slice(0, from) + head.slice(from, from + to).replace(/[^\n]/g, ' ') + head.slice(from + to);
}

/** Decide discipline and document kind from the head (letterhead, title), the credential, and body cues. */
export function classifyEncounter(rawHead: string, body: string, credential?: string): Classification {
  const head = withoutInsideAddress(rawHead);
  const score = new Map<Specialty, number>();
  const add = (id: Specialty, w: number) => score.set(id, (score.get(id) ?? 0) + w);
  for (const m of headLexicon.match(head)) if (!namesAnotherClinician(head, m.start, m.end) && !APPOINTMENT_AFTER.test(head.slice(m.end, m.end + 30))) add(m.entry.id as Specialty, 3);
  for (const m of bodyLexicon.match(body)) add(m.entry.id as Specialty, 1);
  const fromCredential = specialtyFromCredential(credential);
  // A family nurse practitioner works where the letterhead says: an urgent-care or emergency heading decides.
  const emergencyHead = (score.get('emergency') ?? 0) >= 3;
  if (fromCredential && !(fromCredential === 'primary_care' && emergencyHead)) add(fromCredential, 4);
  let specialty: Specialty = 'unknown';
  let best = 1; // a lone body cue is not enough
  // A physician's note that talks about therapy is still a physician's note: MD/DO, PA and NP authors are not therapists.
  // So is an orthotist's or a counsellor's: a licence of another discipline rules the therapies out.
  const notTherapist = isMedicalCredential(credential) || (!!fromCredential && !THERAPIST_DISCIPLINES.has(fromCredential));
  for (const [id, s] of score) if (s > best && !(notTherapist && THERAPIST_DISCIPLINES.has(id))) { best = s; specialty = id; }

  // "recommend FCE per MD", "Plan: MRI L-spine": a document to come, not this one; "See operative report": one kept elsewhere.
  const kinds = kindLexicon.match(head).filter((m) => !PLANNED_DOCUMENT.test(head.slice(Math.max(0, m.start - 30), m.start))
    && !REVIEWED_DOCUMENT.test(head.slice(Math.max(0, m.start - 150), m.start)));
  const titleEnd = titleZoneEnd(head);
  // A kind named in the letterhead/title lines wins; then lexicon order is priority order (discharge before progress ...).
  // Within it, the visit's own heading line ("TELEPHONE ENCOUNTER - 06/12/2023") names it before a form the note mentions.
  const headingEnd = titleZoneEnd(head, 1);
  kinds.sort((a, b) => Number(b.start < headingEnd) - Number(a.start < headingEnd) || Number(b.start < titleEnd) - Number(a.start < titleEnd)
    || kindLexicon.entries.indexOf(a.entry) - kindLexicon.entries.indexOf(b.entry) || a.start - b.start);
  let kind: EncounterKind = (kinds[0]?.entry.id as EncounterKind | undefined) ?? 'unknown';
  const title = kinds[0] ? { text: kinds[0].text, start: kinds[0].start, end: kinds[0].end } : undefined;

  // "OCCUPATIONAL THERAPY - DISCHARGE SUMMARY" from a hand-therapy clinic: the title names the discipline.
  if (specialty === 'physical_therapy' && /\boccupational therapy\b|\bOTR\b/i.test(head.slice(0, titleEnd)) && !/\bphysical therapy\b/i.test(head.slice(0, titleEnd))) specialty = 'occupational_therapy';
  // A therapist's generic "progress note" or "evaluation" is a PT document.
  if (specialty === 'physical_therapy' && (kind === 'office_visit' || kind === 'unknown' || kind === 'consultation')) {
    kind = /discharge/i.test(head) ? 'pt_discharge' : /evaluation|initial/i.test(head) ? 'pt_evaluation' : 'pt_progress';
  } else if (specialty !== 'physical_therapy' && specialty !== 'occupational_therapy' && kind.startsWith('pt_')) {
    kind = /discharge/i.test(head) ? 'office_visit' : kind === 'pt_evaluation' ? 'consultation' : 'office_visit';
    if (specialty === 'unknown' && /physical therapy|\bPT\b/.test(head)) { specialty = 'physical_therapy'; kind = 'pt_progress'; }
  }
  if (kind === 'unknown' && new Set([...body.matchAll(EMG_CUES)].map((m) => m[0].toLowerCase())).size >= 2) {
    kind = 'emg';
    if (specialty === 'unknown') specialty = 'neurology';
  }
  if (kind === 'unknown') {
    if (specialty === 'radiology') kind = 'imaging';
    else if (specialty === 'fce') kind = 'fce';
    else if (specialty === 'ime') kind = 'ime';
    else if (MMI_BOX_ANSWER.test(body) && RATED_IMPAIRMENT.test(body)) kind = 'impairment_rating';
    else if (/\b(?:HPI|history of present illness|subjective|chief complaint)\b/i.test(body) && /\b(?:assessment|impression|plan)\b/i.test(body)) kind = 'office_visit';
  }
  // "Findings: … under fluoroscopy" in an operative report is the surgeon's, not a film read: its author is found elsewhere.
  if (kind === 'operative_report' && specialty === 'radiology') specialty = 'unknown';
  if (specialty === 'unknown') {
    if (kind === 'imaging') specialty = 'radiology';
    else if (kind === 'emg') specialty = 'neurology';
    else if (kind === 'fce') specialty = 'fce';
    else if (kind === 'ime') specialty = 'ime';
  }
  return { specialty, kind, title };
}
