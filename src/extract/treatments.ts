/** Treatment facts: modality, status (performed, planned, declined, ...) and details from the treatment lexicon. */
import type { ContextCue, FactOf, SectionKind, TreatmentStatus } from '../model/index.js';
import { FUTURE_CARE_TRIGGER } from '../model/index.js';
import { z } from 'zod';
import { flexibleSpaces, loadLexicon, orderedRecord, phraseSource, readLexiconFile, RegexSource, type LexiconEntry } from '../knowledge/lexicon.js';
import { ModalitySchema, TreatmentStatusSchema } from '../model/fact.js';
import { isRecountedTreatment, redateToOwnClause } from './history.js';
import { bodyRegionIn, isOtherConditionDrugClass, lastBodyRegionIn, namesOtherIndication } from '../knowledge/relevance.js';
import { asNeededIsCurrent, clauseAround, levelOf, mentionBase, sideOf, type SentenceCtx } from './mention.js';
import { modalitiesIn, sessionOfSpecialty } from '../model/modalities.js';
import { isProcedureRecord } from '../model/encounter.js';
import { notAttended } from '../knowledge/attendance.js';
import { mentionDenied } from '../knowledge/payer-denial.js';
import { specialtiesIn } from '../model/specialties.js';

type Modality = FactOf<'treatment'>['attributes']['modality'];
type DoseChange = NonNullable<FactOf<'treatment'>['attributes']['doseChange']>;
interface ModalityEntry extends LexiconEntry { id: Modality; subtype?: string }
interface DrugEntry extends LexiconEntry { class: string }

const modalities = loadLexicon<ModalityEntry>('extract/modalities.json');

/** A collision phrase: plain words as in every lexicon, except that '#' stands for a digit and punctuation is literal. */
function collisionSource(phrase: string): string {
  if (!/[#:-]/.test(phrase)) return phraseSource(phrase);
  return phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/#/g, '\\d').replace(/\s+/g, '\\s*');
}
const CollisionSchema = z.object({ modality: ModalitySchema, term: RegexSource, means: z.string().min(1), before: z.array(z.string().min(1)), after: z.array(z.string().min(1)) });
const COLLISIONS = readLexiconFile('extract/collisions.json', z.looseObject({ collisions: z.array(CollisionSchema) })).collisions.map((c) => ({
  ...c,
  // The matched phrase may carry a modifier ("spine surgery"): the colliding word is its head.
  termRe: new RegExp(`(?:^|[\\s-])(?:${flexibleSpaces(c.term)})$`, 'i'),
  // An empty list never matches (an empty alternation would match everywhere).
  beforeRe: c.before.length ? new RegExp(`(?:${c.before.map(collisionSource).join('|')})[\\s,:#(-]*$`, 'i') : /(?!)/,
  afterRe: c.after.length ? new RegExp(`^\\s*(?:${c.after.map(collisionSource).join('|')})`, 'i') : /(?!)/,
}));
const BENEFIT_TERMS = /\b(?:benefit limit|visit limit|visits? per (?:plan|calendar|benefit) year|plan[- ]year (?:limit|maximum|benefit)|covered visits|combined per (?:plan )?year|visits used|\d{4} benefit\s*:)/i;
/** "Triage ESI 3", "RFA submitted for PT", "Claim SCS-22-0447": the word means something else here. */
function collides(text: string, modality: Modality, start: number, end: number): boolean {
  const word = text.slice(start, end);
  return COLLISIONS.some((c) => c.modality === modality && c.termRe.test(word)
    // (A lab table's columns: "PT" and its value "11.8 sec" may stand forty spaces apart.)
    && (c.beforeRe.test(text.slice(Math.max(0, start - 25), start)) || c.afterRe.test(text.slice(end, end + 80).replace(/^[ \t]+/, ' ').slice(0, 25))));
}
const drugs = loadLexicon<DrugEntry>('extract/drugs.json');
const DoseChangeSchema = z.enum(['started', 'increased', 'decreased', 'stopped', 'continued', 'switched']);
/** Statuses told by the clause's verbs; a payer's denial has its own table (knowledge/payer-denial.ts). */
const CueStatusSchema = TreatmentStatusSchema.exclude(['denied']);
const statusData = readLexiconFile('extract/treatment-status.json', z.looseObject({
  order: z.array(CueStatusSchema), cues: z.record(CueStatusSchema, RegexSource), doseChange: orderedRecord(DoseChangeSchema), sessions: RegexSource,
  titratedStart: z.looseObject({ pattern: RegexSource }), coverageChange: z.looseObject({ pattern: RegexSource }),
  setAsideAfter: z.looseObject({ discontinued: RegexSource, declined: RegexSource }),
}));
const statusCues = statusData.order.map((s) => [s, new RegExp(statusData.cues[s], 'i')] as const);
const doseCues = (Object.keys(statusData.doseChange) as DoseChange[]).map((k) => [k, new RegExp(statusData.doseChange[k], 'i')] as const);
const TITRATED_START = new RegExp(statusData.titratedStart.pattern, 'i');
const COVERAGE_CHANGE = new RegExp(statusData.coverageChange.pattern, 'gi');
const SESSIONS = new RegExp(statusData.sessions, 'gi');
const DOSE = /^[\s,:-]*(?:\(?[A-Za-z]*\)?\s*)?(\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)?\s*(?:mg|mcg|g|mL|%|units?)\b(?:\s*(?:(?:one|two|1|2)\s+)?(?:tabs?|tablets?|caps?|capsules?)?\s*(?:p\.?o\.?\s*)?(?:q\.?\s?\d+\s?h(?:rs?)?|q\.?h\.?s\.?|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|q\.?d\.?|daily|nightly|at bedtime|twice (?:a )?daily|three times (?:a )?daily|once (?:a )?daily|as needed|p\.?r\.?n\.?)*)?)/i;
/** Modalities whose bare mention outside the plan means the patient has or uses it now. */
const DEVICE_LIKE = modalitiesIn('carried_on');
const SESSION_MODALITIES = modalitiesIn('session');

/** Treatment status from the clause's verbs, then what the next clause says of it, then the section, then the modality's default. */
export function treatmentStatus(clause: string, section: SectionKind | undefined, modality: Modality, setAside?: TreatmentStatus): TreatmentStatus {
  const cue = statusCue(clause);
  // "We discussed L TKA; after her experience with the right she does not want surgery now": the offer, answered.
  if (cue === 'recommended' && setAside === 'declined') return 'declined';
  return cue ?? setAside ?? statusOfSection(section) ?? (DEVICE_LIKE.has(modality) ? 'ongoing' : 'performed');
}
/** A refusal in the claimant's own words ("does not wish to pursue", "is not interested in", "does not want"). */
const DECLINE_WORDS = /\b(?:do(?:es)?n'?t|do(?:es)? not|did not|is not|isn'?t|not)\s+(?:(?:currently|really|yet|at this time)\s+)?(?:wish|want|desire|interested|willing|agree|elect|care|keen|ready)\b/i;
/** "PLAN: R knee corticosteroid injection today (triamcinolone 40 mg)": an injection the plan gives at this visit is given. */
function givenToday(clause: string, modality: Modality): TreatmentStatus | undefined {
  return INJECTIONS.has(modality) && GIVEN_TODAY.test(clause) && !statusCue(clause) ? 'performed' : undefined;
}
const INJECTIONS = modalitiesIn('injection');
const GIVEN_TODAY = /\b(?:today|this visit|at this visit)\b/i;

const SET_ASIDE_AFTER = (['discontinued', 'declined'] as const).map((k) => [k, new RegExp(statusData.setAsideAfter[k], 'i')] as const);

/**
 * The treatment just named, set aside by the next clause with a pronoun ("…; I do not recommend continuing them"), or,
 * when it ends its sentence, by the next sentence ("We discussed switching to atogepant. She prefers not to change.").
 */
function setAsideAfter(sent: SentenceCtx, clauseEnd: number): TreatmentStatus | undefined {
  const rest = sent.text.slice(clauseEnd);
  const following = rest.trim().length <= 1 ? sent.doc.text.slice(sent.end, Math.min(sent.end + 120, sent.encounter.end)) : '';
  const next = `${rest}${following}`.slice(0, 160).replace(/\s+/g, ' ');
  return SET_ASIDE_AFTER.find(([, re]) => re.test(next))?.[0];
}

function statusCue(clause: string): TreatmentStatus | undefined {
  // A wrapped line ("Relief\n  from RFA") reads as one line: the cues are written with single spaces.
  const flat = clause.replace(/\s+/g, ' ');
  for (const [status, re] of statusCues) if (re.test(flat)) return status;
  return undefined;
}

function statusOfSection(section: SectionKind | undefined): TreatmentStatus | undefined {
  switch (section) {
    case 'plan': return 'recommended';
    case 'medications': return 'ongoing';
    case 'procedure': return 'performed';
    case 'past_history': case 'surgical_history': return 'performed';
    default: return undefined;
  }
}

/**
 * "Increased dyspnea, sputum changed to yellow, using albuterol 4-5x/day", "increased albuterol use": the claimant's
 * symptoms or own use changed; no prescriber changed a dose.
 */
const SYMPTOM_CHANGE = /\b(?:increas|worsen|decreas)\w*\s+(?:[a-z]+\s+)?(?:dyspnea|SOB|shortness of breath|pain|cough|sputum|wheez\w*|swelling|edema|fatigue|symptoms?|anxiety|headaches?|seizures?|frequency|use|usage|need)\b|\b(?:use|usage)\s+(?:has\s+)?increased\b|\b(?:sputum|phlegm|mucus|colou?r|stools?|urine|mood|pain|symptoms?)\s+(?:has\s+|have\s+)?changed\b/gi;
function doseChangeOf(raw: string): DoseChange | undefined {
  const clause = raw.replace(/\s+/g, ' ').replace(COVERAGE_CHANGE, ' ').replace(SYMPTOM_CHANGE, ' ');
  if (TITRATED_START.test(clause)) return 'started';
  for (const [k, re] of doseCues) if (re.test(clause)) return k;
  return undefined;
}

/**
 * A terse note's titration, "sertraline -> 100 mg", "prazosin 1 -> 3 mg": a new dose after an arrow, raised unless the
 * dose before the arrow is higher.
 */
const ARROWED_DOSE = /^\s*(?:(?:XR|ER|SR|CR|XL|DR)\b\s*)?(?:(\d+(?:\.\d+)?)(?:\/\d+(?:\.\d+)?)?\s*(?:mg|mcg|units?)?\s*)?(?:->|→|=>)\s*(\d+(?:\.\d+)?)(?:\/\d+(?:\.\d+)?)?\s*(?:mg|mcg|units?)\b/i;
// (A combination's doses, "sacubitril/valsartan 49/51 -> 97/103 mg", compare by their first component.)
function arrowedDose(after: string): DoseChange | undefined {
  const m = ARROWED_DOSE.exec(after);
  if (!m) return undefined;
  return m[1] && Number(m[1]) > Number(m[2]) ? 'decreased' : 'increased';
}

function sessionsIn(clause: string): number | undefined {
  SESSIONS.lastIndex = 0;
  const m = SESSIONS.exec(clause);
  if (!m) return undefined;
  const n = Number(m[1] ?? m[2] ?? m[3]);
  return n > 0 && n < 400 ? n : undefined;
}

/** "Beth Kessler, PT" / "J. Ortiz, DPT, OCS": a clinician's credential after a name, not a treatment. */
function isCredential(text: string, start: number, end: number): boolean {
  if (!/^[A-Z./]{2,6}$/.test(text.slice(start, end))) return false;
  return /\b[A-Z][a-z]+,\s*(?:[A-Z][A-Za-z/]{1,5},\s*)*$/.test(text.slice(Math.max(0, start - 60), start))
    && /^(?:\s*,\s*[A-Z][A-Za-z/]{1,5})*\s*(?:$|\n|\()/.test(text.slice(end, end + 30));
}

const PROCEDURE = /injection|block|ablation|surgery|facet|epidural|stimulator/;
/**
 * "after the injection", "since fusion", "post-laminectomy syndrome", "failed back surgery": a later note pointing
 * back at a procedure done before. Without a date of its own it is not a new procedure event at this visit.
 */
const BACK_REFERENCE = /\b(?:after|since|following|post(?:-?op(?:erative)?)?|prior|previous|s\/p|status[- ]post|failed(?: back)?|from)[\s-]+(?:(?:the|her|his|a|an|last|recent|remote|prior|previous|index|solid|successful|uncomplicated|healed|lumbar|cervical|spinal|back|neck|shoulder|knee|hip|total|R|L|right|left|bilateral|L\d-\d|C\d-\d|L\d-S1)\s+){0,3}$/i;

/**
 * "despite a second PT course", "has had two courses of physical therapy", "failed conservative care including PT",
 * "tried gabapentin", "after three epidurals": any modality recalled as already done, in a note that is not its own session.
 */
const RECALLED = /\b(?:despite|in spite of|exhausted|failed|tried|has (?:already )?had|had had|have had|previously|prior|previous|history of|h\/o|(?:one|two|three|four|five|several|multiple|\d+) (?:courses?|rounds?|series|sets?) of|courses? of|after (?:one|two|three|four|five|several|multiple|\d+))\b[^.;]{0,50}$/i;

/**
 * "s/p ACDF", "status post tumor removal", "underwent a craniotomy", "had a shunt placed": an operation already done,
 * told in a note that is not its operative record. The cue must lead the mention's own phrase.
 */
const PRIOR_OPERATION = /\b(?:s\/p|status[- ]post|underwent|had undergone|has undergone|had (?:a |an |the |her |his |prior |previous |two |several )?|has had (?:a |an |the )?)\s*(?:(?:left|right|bilateral|[a-z]+al|[CTL]\d-[CTLS]?\d|L\d|C\d|recent|successful|uncomplicated|a|an|the)\s+){0,3}$/i;
function isPriorOperation(sent: SentenceCtx, start: number, modality: Modality, end = start): boolean {
  if (modality !== 'surgery') return false;
  // "post-laminotomy scarring noted on contrast flow": the operation names what the film or the needle found, even in
  // a procedure note.
  if (/\bpost[- ]?$/i.test(sent.text.slice(Math.max(0, start - 6), start)) && POST_OPERATIVE_FINDING.test(sent.text.slice(end, end + 30))) return true;
  // An imaging or EMG report describes what an operation left ("Solid C6-7 arthrodesis", "ACDF hardware intact"):
  // the film is of an operation already done, never the operation itself.
  if (sent.encounter.kind === 'imaging' || sent.encounter.kind === 'emg') return true;
  // So does a film's reading quoted in a note ("MRI L-spine w/wo 05/16/2023: post-op changes L L5-S1 laminotomy; …").
  if (POST_OP_CHANGES_BEFORE.test(sent.text.slice(Math.max(0, start - 60), start)) || (IMAGING_READ_LEAD.test(sent.text) && !isProcedureRecord(sent.encounter.kind))) return true;
  if (isProcedureRecord(sent.encounter.kind) || sent.section?.kind === 'procedure') return false;
  return PRIOR_OPERATION.test(sent.text.slice(Math.max(0, start - 60), start));
}

/** "post-op changes L L5-S1 laminotomy", "postoperative changes of ACDF": the operation a film shows, named after what it left. */
const POST_OP_CHANGES_BEFORE = /\bpost-?op(?:erative)?\s+(?:changes?|appearance|state|scarring)\s+(?:(?:of|from|after|related to|following|at|s\/p)\s+)?(?:(?:a|an|the|left|right|bilateral|L|R|[CTL]\d-[CTLS]?\d|[CTLS]\d)\s+){0,3}$/i;
/** A sentence that quotes a film's reading: "MRI L-spine w/wo 05/16/2023: …", "XR R knee: …". */
const IMAGING_READ_LEAD = /^\s*[-*•]?\s*(?:MRI|CT|X-?rays?|XR|radiographs?|films?|EMG(?:\/NCS)?)\b[^:\n]{0,60}:/i;
/** What an earlier operation left behind, named after it ("post-laminotomy scarring", "post-fusion changes"). */
const POST_OPERATIVE_FINDING = /^\s*(?:scar\w*|changes?|fibrosis|syndrome|defect|state|appearance|granulation|enhancement|hardware|instability|seroma|collection)\b/i;

function isBackReference(sent: SentenceCtx, start: number, modality: Modality, subtype: string, end = start): boolean {
  const procedure = PROCEDURE.test(modality + subtype);
  if (procedure && (isProcedureRecord(sent.encounter.kind) || sent.section?.kind === 'procedure')) return false;
  if (sent.section?.kind === 'plan') return false;
  if (sessionOfSpecialty(sent.encounter.specialty) === modality) return false; // a therapist counting her own sessions
  const before = sent.text.slice(Math.max(0, start - 60), start);
  // "partial response to caudal ESI", "ESI benefit gone": how an earlier procedure worked, not a new one.
  const answered = procedure && (RESPONSE_TO.test(before.slice(-30)) || RESPONSE_AFTER.test(sent.text.slice(end, end + 25)));
  // ("FOLLOW-UP (post surgical consult)": the consultation came before this visit, as an operation would.)
  const recalled = ((procedure || modality === 'surgical_consultation') && BACK_REFERENCE.test(before.slice(-40))) || RECALLED.test(before) || answered;
  // A date right after the procedure ("after R TKA 03/2023") dates it, and the fact keeps that date; one elsewhere in the
  // sentence ("stable since 2023") does not.
  return recalled && !sent.dates().some((d) => !d.relative && d.start >= end && d.start - end <= 25);
}
const RESPONSE_TO = /\b(?:response|responded|relief|benefit|improvement|improved|better)\s+(?:to|from|with|after)\s+(?:the\s+|her\s+|his\s+|last\s+|a\s+)?(?:[\w-]+\s+){0,2}$/i;
const RESPONSE_AFTER = /^\s*(?:benefit|relief|response|effect)\b/i;

/** Hedged or future wording: the drug is only proposed ("may consider gabapentin", "will start ... if no better"). */
const PROPOSED_ONLY = /\b(?:consider(?:ed|ing)?|may|might|could|would|if|option|discuss(?:ed)?|recommend(?:s|ed)?|suggest(?:s|ed)?|will|plan(?:s|ned)? to|next (?:visit|time)|candidate|once|after)\b/i;

/**
 * "Start ibuprofen 800 mg TID", "Increase gabapentin to 600 mg": a dose order written at the visit is a
 * prescription given that day, so the claimant is on the drug from then (ongoing), unless hedged or deferred.
 */
function prescribedNow(clause: string, status: TreatmentStatus): boolean {
  return (status === 'planned' || status === 'recommended') && !PROPOSED_ONLY.test(clause);
}

/** "declined surgery, as she is the caregiver for …", "stopped gabapentin due to sedation": the stated reason. */
const REASON = /[,;]?\s*\b(?:because(?: of)?|as|due to|since|given|secondary to|owing to|on account of|citing)\s+([^.;]{4,140})/i;
function reasonAfter(text: string, from: number): string | undefined {
  const m = REASON.exec(text.slice(from));
  return m ? m[1].trim() : undefined;
}

/** The claimant's answer to an offer, later in the same sentence. */
/** A bare year right after an operation's name: "arthroscopy 2014", "appendectomy (2009)". */
const YEAR_AFTER = /^[ \t]*,?[ \t]*\(?((?:19|20)\d{2})\)?(?![/\-.]?\d)/;
/** Inside the brackets after a therapy's plan: "PT 2x/wk (", "OT 2x/wk x 6 wk (". */
const WITHIN_THERAPY = /\b(?:PT|OT|physical therapy|occupational therapy|hand therapy)\b[^().;]{0,30}\(\s*(?:with\s+|incl\w*\s+)?$/i;
/** The clause after a drug that tells its first dose: "…; first dose today with RN teaching". */
const FIRST_DOSE_AFTER = /^[^.;]{0,30};\s*(?:the\s+)?first (?:dose|injection|infusion|loading dose)\b/i;
/** "Fremanezumab (Ajovy) PA approved 01/10/2024. First dose 225 mg SC given in office": the start told in the next sentence. */
const FIRST_DOSE_NEXT = /^[.\s]*(?:the\s+)?first (?:dose|injection|infusion|loading dose)\b[^.;\n]{0,40}\b(?:given|administered|self-?injected|today)\b/i;
/** A dash before a drug's start in a problem's line: "- start", "- add", "- trial". */
/**
 * The item of a comma-separated list holding [s, e): from the comma before it to the comma after it, commas inside
 * brackets aside, within the clause. A clause with no comma on a side is the item's bound on that side.
 */
function listItemAround(text: string, s: number, e: number, clause: { start: number; end: number }): { start: number; end: number; text: string } {
  let depth = 0; let start = clause.start;
  for (let i = s - 1; i >= clause.start; i--) {
    const c = text[i];
    if (c === ')') depth++; else if (c === '(') { if (depth === 0) continue; depth--; } else if (c === ',' && depth === 0) { start = i + 1; break; }
  }
  depth = 0; let end = clause.end;
  for (let i = e; i < clause.end; i++) {
    const c = text[i];
    if (c === '(') depth++; else if (c === ')') { if (depth > 0) depth--; } else if (c === ',' && depth === 0) { end = i; break; }
  }
  return { start, end, text: text.slice(start, end) };
}
const DASHED_START = /\s[-\u2013\u2014]\s(?=(?:start|begin|initiate|add|switch to|trial)\b)/gi;
/** The answer that opens the next sentence: "Declines (fatigue worry).", "Pt refused." */
const ANSWERED_NO = /^\s*(?:(?:he|she|they|pt|patient|the patient|claimant)\s+)?(?:declines?|declined|refuses?|refused|does not want|not interested)\b/i;
const DECLINED_AFTER = /^[^.]{0,120}?[;,]\s*(?:and\s+|but\s+)?(?:he|she|they|the patient|patient|pt|claimant|the claimant)\s+(?:declines?|declined|refuses?|refused|does not wish|did not wish|is not interested|was not interested|defers|deferred)\b/i;

/** "D/C to independent HEP": the destination of a discharge is what the patient carries on with. */
const DISCHARGED_TO = /\b(?:d\/c(?:'?d)?|discharg(?:e|ed|ing)|transition(?:ed|ing)?)\b(?:\s+from\s+[^.;,]{1,30}?)?\s+to\s+(?:(?:an?|the|her|his|independent|a|self-directed|daily)\s+)*$/i;
/**
 * "D/C from skilled PT", "discharged from therapy", "has achieved her maximal benefit from pulmonary rehabilitation":
 * the course ended, not given today.
 */
const DISCHARGED_FROM = /\b(?:(?:d\/c(?:'?d)?|discharg(?:e|ed|ing))\s+from|(?:achieved|reached|attained|obtained|gotten|got)\s+(?:(?:her|his|their|the)\s+)?(?:maximal|maximum|max|full)\s+benefit\s+from)\s+(?:(?:skilled|formal|outpatient|supervised|the|her|his)\s+)*$/i;
function dischargeStatus(text: string, start: number): TreatmentStatus | undefined {
  const before = text.slice(Math.max(0, start - 60), start);
  if (DISCHARGED_TO.test(before)) return 'ongoing';
  if (DISCHARGED_FROM.test(before)) return 'completed';
  return undefined;
}

/** "Anticipated further treatment: repeat RFA; SCS trial", "Future medical care: …": a form's field for care to come. */
const CARE_TO_COME_LABEL = /\b(?:anticipated|future|further|recommended|proposed)\s+(?:further\s+|future\s+|medical\s+)*(?:treatment|care|procedures?)\s*:[^:.]*$/i;
/**
 * "Options: (a) continue non-operative care, or (b) R shoulder arthroscopy", "Reviewed options again - third ESI,
 * diagnostic medial branch blocks, or continuing with medications": choices put to the claimant.
 */
/** A list's label that says its items were tried before: "Treatments tried and response:", "Medications previously tried:". */
const TRIED_LABEL = /\b(?:treatments?|medications?|therapies|interventions|drugs|preventives)\s+(?:previously\s+)?(?:tried|trialed|attempted)(?:\s+(?:and|&)\s+(?:response|results?|outcomes?))?\s*:[^:.]*$/i;
const OPTIONS_LABEL = /\b(?:treatment |surgical |management )?options?(?: again)?(?: (?:include|are|discussed|reviewed|offered)(?: again)?)?\s*(?::|[-\u2013\u2014](?=\s))[^:.]*$/i;
function labelledStatus(sent: SentenceCtx, start: number): TreatmentStatus | undefined {
  if (CARE_TO_COME_LABEL.test(sent.text.slice(Math.max(0, start - 80), start))) return 'recommended';
  // (The list's label often ends the sentence before: "I do not recommend a third injection. Options:")
  const at = sent.start + start;
  return OPTIONS_LABEL.test(sent.doc.text.slice(Math.max(sent.encounter.start, at - 160), at)) ? 'recommended' : undefined;
}

/** "off work until surgical evaluation is complete", "continue PT pending the consult": care still awaited. */
const AWAITED_BEFORE = /\b(?:until|pending|awaiting|await)\s+(?:[\w-]+\s+){0,6}$/i;
/** How far after the clause a reversal of the payer's denial is read. */
const REVERSAL_REACH = 200;
/** "TPIs non-certified by UR", "TMS denied": the payer turned the request down. (A ledger row's denied payment is still a service given.) */
function deniedStatus(sent: SentenceCtx, clause: { start: number; end: number; text: string }, end: number): TreatmentStatus | undefined {
  return sent.encounter.source !== 'ledger' && mentionDenied(clause.text, end - clause.start, sent.text.slice(clause.end, clause.end + REVERSAL_REACH)) ? 'denied' : undefined;
}

function awaitedStatus(text: string, start: number): TreatmentStatus | undefined {
  return AWAITED_BEFORE.test(text.slice(Math.max(0, start - 60), start)) ? 'planned' : undefined;
}

/** "ALLERGIES: penicillin", "allergic to codeine", "IV morphine causes hives": a drug the patient must not get. */
const ALLERGY_LINE = /\b(?:allerg(?:y|ies|ic)|intoleran(?:ce|ces|t)|adverse reactions?|sensitivit(?:y|ies))\b/i;
const REACTION_AFTER = /^[\s,)]*(?:causes|caused|gives (?:her|him|them)|gave (?:her|him|them)|results? in|resulted in|leads? to|led to|->|→|-)\s*(?:a\s+|an\s+|severe\s+|mild\s+)*(?:hives|rash|itch\w*|anaphylaxis|swelling|nausea|vomiting|reactions?|angioedema|shortness of breath|GI upset|upset stomach)/i;
/** "informed the patient of potential side effects … including sedatives, narcotics": drugs named as risks, not given. */
const RISK_DISCLOSURE = /\b(?:risks?|side effects?|adverse (?:effects?|reactions?)|complications?|reactions? to)\b/i;
const DISCLOSURE_VERB = /\b(?:informed|explained|discussed|reviewed|counsel(?:ed|led)|consent(?:ed)?|advised)\b/i;
/** "I felt it was unsafe to place a new catheter", "we were unable to advance the needle": the act did not happen. */
const NOT_DONE = /\b(?:unsafe|not safe|not possible|unable|could not|couldn't|did not|didn't|decided not|chose not|elected not|was not able|were not able)\s+to\s+[^.;,]{0,60}$/i;
/** A sentence that opens by recalling what was tried ("Despite …", "After failing …", "Having exhausted …"). */
const RECALL_SENTENCE = /(?:^|\n)\s*(?:despite|in spite of|after (?:failing|exhausting|trying)|having (?:failed|tried|exhausted|completed))\b/i;
/** Whether the mention at `at` follows a recalling opening in its sentence; the opening's words when it does. */
function recalledBy(text: string, at: number): string | undefined {
  const m = RECALL_SENTENCE.exec(text);
  if (m && m.index <= at) return m[0].trim();
  // "unchanged since fall 2022 despite surgery, PT and medications": what the condition resisted was given before.
  const despite = DESPITE_BEFORE.exec(text.slice(Math.max(0, at - 90), at));
  if (despite) return despite[1];
  // "He tried physical therapy, three blocks, pain psychology and an SCS trial": the verb governs the whole list.
  const list = TRIED_LIST.exec(text.slice(0, at));
  return list ? list[1] : undefined;
}
const NOT_AVAILABLE = /^\s*(?:is |was |are |were )?(?:not|never) (?:offered|available|covered|an option|provided)\b/i;
/** "Dr. Oyelaran (spine surgery, …": a bracket opened right after a clinician's name. */
const SPECIALTY_AFTER_NAME = /\bDr\.?\s+(?:[A-Z]\.\s*)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s*\(\s*(?:[A-Za-z-]+\s+){0,2}$/;
const PROVIDER_FIELD = /^\s*(?:treating\s+)?(?:psychiatrist|psychologist|physician|provider|therapist|counselor|clinician|surgeon|source|referring (?:physician|provider)|PCP|primary care (?:physician|provider))\s*:[^;\n]*$/i;
const COST_PROJECTION = /\b(?:estimated|projected) (?:cost|costs|expense|charges?)|\b(?:cost|charge) estimate\b|\blife care plan\b/i;
const FUTURE_ALLOWANCE = /\b(?:future (?:medical )?(?:care|treatment|medicals?)|periodically as needed|no more (?:often|frequently) than every \d+ (?:weeks?|months?)|access to (?:future )?(?:medical )?care|for (?:future |significant |severe |acute )?flare-?ups?|for (?:[\w-]+ ){0,3}(?:flares|flare-?ups)|prn (?:for )?(?:[\w-]+ ){0,3}flares?|as indicated for (?:future )?flares?|up to (?:\w+ )?(?:per|a|each) year|estimated (?:cost|costs|expense)|projected (?:cost|costs|expense)|life care plan)\b/i;
/** "Up to 2 occipital nerve blocks per year for flares": a yearly allowance of care to come, never care given. */
const ALLOWANCE_COUNT = /\bup to (?:\d+|one|two|three|four|six|twelve)\b[^.;]{0,60}?\b(?:per|a|each|every) (?:year|month|quarter)\b/i;
const CONSENT_ALTERNATIVES = /\balternatives?\b[^.;]{0,12}(?:\(|including|such as|:|were|of)[^.;)]*$/i;
const DESPITE_BEFORE = /\b(despite|in spite of|notwithstanding|even after|regardless of)\b[^.;:]{0,80}$/i;
const TRIED_LIST = /\b(?:he|she|they|patient|pt|the claimant|the patient)\s+((?:has\s+|had\s+)?(?:tried|failed|exhausted|completed|underwent|had))\b[^.;]*$/i;
/** Parts of a therapy session that a therapist's note lists among its interventions. */
const SESSION_COMPONENTS = modalitiesIn('session_component');
const MENTAL_HEALTH = specialtiesIn('mental_health');
/** "... is not indicated", "not recommended", "not a candidate", "Surgery would not be expected to improve …": an option weighed and set aside. */
const NOT_INDICATED = /^(?:(?!\b(?:as|because|since|while|but|so)\b)[^.;]){0,80}?\b(?:(?:is|are|was|were)\s+)?not\s+(?:indicated|recommended|warranted|appropriate|advised|a (?:good )?candidate)\b|^\s*(?:(?:would|will)\s+not|(?:is|are)\s+unlikely\s+to)\s+(?:be\s+expected\s+to\s+)?(?:help|improve|benefit|relieve|change)\b/i;
/** "He and the carrier asked whether any surgical option exists": the words of a question. */
const ASKED = /\b(?:asked|asks|asking|inquir\w*|wonder\w*|questions?)\s+(?:me\s+|us\s+)?(?:whether|if|about)\b|\?\s*$/i;
/** An "if"-clause right after the care it conditions (within a few words, no clause break between). */
const CONDITION_AFTER = /^(?:\s+(?![Ii]f\b)[\w()/-]+){0,3}\s+(if|should|unless|in case)\b(?=\s+(?:no|not|the (?:benefit|relief|pain|effect)|benefit|relief|symptoms?|pain|radicular|there|he|she|they|it|worse\w*|persist\w*|fails?|unchanged|still|any|needed|indicated|necessary|warranted|recur\w*|returns?|develops?|progress\w*|conservative)\b)/;
/** "#4", "no. 2", "number 3": a place in a series. */
const SERIES_COUNT = /^\s*(?:#|no\.?|number)\s*\d{1,2}\b/i;
/** A specific injection or block, named just before a bare "injection #N" that counts it. */
const NAMED_INJECTION = /\b(?:ESI|epidural|facet|medial branch|radiofrequency|RFA|SI joint|sacroiliac|trigger point|genicular|intra-?articular|viscosupplement\w*|nerve block|block)\b/i;
/** A sentence that is only a heading ("OPERATION PERFORMED:", "RADIOGRAPHS:,", "MEDICATIONS:,1."): it names a section, it states nothing. */
const HEADING_ONLY = /^[\s,]*[A-Z][A-Z0-9 /&()'-]{2,60}(?::[\s,]*(?:\d{1,2}\.)?|,\s*(?:\d{1,2}\.)?)\s*$/;
/** "Spine surgery (Dr. Teague 10/24/2023):": a topic and whose word on it follows, not care given. */
const SOURCED_LABEL = /^[\s,]*[A-Z][\w /&'-]{2,40}\s*\((?:Dr\.?|per)\s[^()]{0,60}\)\s*:\s*$/;

/**
 * "BILATERAL SACROILIAC JOINT INJECTIONS," on a line of its own in a procedure note: the title naming the procedure
 * done, not a heading (a heading ends with a colon).
 */
function isProcedureTitle(sent: SentenceCtx): boolean {
  return !sent.text.includes(':') && (isProcedureRecord(sent.encounter.kind) || sent.section?.kind === 'procedure');
}
/** "prepped in order to create a sterile environment for the epidural injection": what the step serves, not an event. */
const PURPOSE_BEFORE = /\bin order to\b[^.;]{0,80}$/i;

/**
 * Under an ALLERGIES heading, unless a medication heading the section finder did not see ("CURRENT MEDICATIONS,1.
 * Heparin.") has started a new list since.
 */
function inAllergyList(sent: SentenceCtx): boolean {
  const sec = sent.section;
  if (!sec || !(sec.kind === 'allergies' || ALLERGY_LINE.test(sec.title ?? ''))) return false;
  if (sent.start - sec.start > 3000) return false;
  return !MEDICATION_HEADING.test(sent.doc.text.slice(sec.start + (sec.title?.length ?? 0), sent.start + 40));
}
const MEDICATION_HEADING = /(?:^|[\n,.:]\s*)(?:current |home |outpatient |discharge |active )?medications?\b/im;

/** "will be seen 2x/week for 6 weeks", "to be seen two to three times a week": a therapist's plan of care for her own sessions. */
const PLANNED_SCHEDULE = /\b(?:will|to|is to|shall) (?:be seen|attend|come in|return)\s+(?:(?:\d|one|two|three|four|five)(?:\s*(?:-|to)\s*(?:\d|two|three|four|five))?\s*(?:x|times?)|once|twice)\s*(?:(?:per|a|each|\/)\s*week|weekly|\/\s*wk)/i;

/** An operation as the goal of other care: "toward TKA eligibility", "to become a candidate for fusion". */
const GOAL_BEFORE = /\b(?:toward|towards|to (?:reach|meet|achieve|qualify for|become eligible for|become a candidate for)|for|until eligible for)\s+(?:(?:a|an|the|her|his|future|eventual|possible)\s+)?(?:[LR]\s+|left\s+|right\s+|bilateral\s+)?$/i;
const GOAL_AFTER = /^\s*(?:\)\s*)?(eligibility|candidacy|threshold|criteria|qualification)\b/i;

/** A treatment told as history: dated by its own clause, and historical when recounted (see history.ts). */
function recounted<B extends ReturnType<typeof mentionBase>>(sent: SentenceCtx, base: B, s: number, e: number, own: boolean): B {
  redateToOwnClause(base, sent, s, e);
  if (base.temporality === 'current' && isRecountedTreatment(sent, s, e, own)) base.temporality = 'historical';
  return base;
}

/** Disciplines that prescribe a brain injury day programme. */
const REHAB_DISCIPLINES = new Set<string>(['physiatry', 'neurology', 'neurosurgery', 'physical_therapy', 'occupational_therapy', 'psychology']);

/** A heading over the care allowed after MMI: "Future medical care", "FUTURE MEDICAL", "Future care". */
const FUTURE_CARE_HEADING = /\bfuture (?:medical(?: care| treatment)?|care)\b/i;
/** The future-care allowance cue of a sentence listed under a heading such as "Future medical care (…):", if any. */
function futureCareHeading(sent: SentenceCtx): ContextCue | undefined {
  // ("Future treatment: chiropractic 2x/week x 6 weeks, re-evaluate" on a work-status form is the plan itself.)
  const m = sent.section ? FUTURE_CARE_HEADING.exec(sent.section.title ?? '') : null;
  if (!m || !sent.section) return undefined;
  return { category: 'hypothetical', trigger: `${FUTURE_CARE_TRIGGER}: ${m[0]}`, start: sent.section.start + m.index, end: sent.section.start + m.index + m[0].length };
}

/**
 * A visit log's row ("01/11/2023  20/200 … Aflibercept OU.") records what was done that day: the log's column heading
 * ("Findings / Tx") makes it no plan.
 */
function rowSection(sent: SentenceCtx, start: number, section: SectionKind | undefined): SectionKind | undefined {
  const at = sent.start + start;
  const row = section === 'plan' ? sent.encounter.visitRows?.find((r) => r.evidence.start <= at && at < r.evidence.end) : undefined;
  // (A claims log's row, "03/13/2023  PT preauth request faxed to UR", records paperwork about the care, not the care.)
  return row && !PAPERWORK_ROW.test(row.evidence.quote) ? undefined : section;
}
const PAPERWORK_ROW = /\b(?:pre-?auth\w*|authori[sz]\w*|requests?|requested|booked|ordered|fax(?:ed)?|re-?submit\w*|UR|utilization review|denied|denial|approved|approval|appeal|reconsideration|scheduled|referral|referred)\b/i;

export function extractTreatments(sent: SentenceCtx): FactOf<'treatment'>[] {
  const out: FactOf<'treatment'>[] = [];
  const own = sessionOfSpecialty(sent.encounter.specialty);
  const section = sent.section?.kind;
  if ((HEADING_ONLY.test(sent.text) || SOURCED_LABEL.test(sent.text)) && !isProcedureTitle(sent)) return out;
  const allergyTitle = inAllergyList(sent);
  if (allergyTitle && section === 'allergies') return out;
  const allergyLine = allergyTitle || ALLERGY_LINE.test(sent.text);
  const disclosure = DISCLOSURE_VERB.test(sent.text) && RISK_DISCLOSURE.exec(sent.text);
  const drugMatches = drugs.match(sent.text).filter((d) => !(allergyTitle || ALLERGY_LINE.test(clauseAround(sent.text, d.start, d.end).text)) && !REACTION_AFTER.test(sent.text.slice(d.end, d.end + 40)) && !(disclosure && d.start > disclosure.index));
  const mods = modalities.match(sent.text).filter((m) => !(m.entry.id === 'medication' && drugMatches.some((d) => Math.abs(d.start - m.start) < 40)));
  // A prognosis ("good, with compliance to a home exercise program") predicts an outcome; the treatments it names are not given.
  if (section === 'goals' || /prognosis/i.test(sent.section?.title ?? '')) return out;
  // "Plan-year PT/OT/chiro benefit limit: 14 visits": what the insurance covers, not care given.
  if (BENEFIT_TERMS.test(sent.text)) return out;
  // Read of the whole sentence once, whichever mention asks first (a run-on line may hold hundreds).
  let sessionsMissed: boolean | undefined;
  for (const m of mods) {
    if (isCredential(sent.text, m.start, m.end) || collides(sent.text, m.entry.id, m.start, m.end)) continue;
    // "pre-SCS psychological evaluation", "pre-op clearance": a step before the procedure, not the procedure.
    if (/\bpre-?\s?$/i.test(sent.text.slice(Math.max(0, m.start - 5), m.start))) continue;
    // "The injection did not help", "after the injection": a bare "injection" points back at one named elsewhere.
    // Outside a procedure note, a bare "injection" ("injection helped ~3 weeks", "had neck injection 07/18") refers to
    // a procedure recorded elsewhere; the procedure note or the specific mention carries the event.
    if (m.entry.id === 'other_injection' && /^injections?$/i.test(m.text)
      && ((!isProcedureRecord(sent.encounter.kind) && sent.section?.kind !== 'procedure' && sent.section?.kind !== 'plan')
        || /\b(?:after|post|following|prior|previous|first|second|third|last|repeat|next)[\s-]+(?:the\s+)?$/i.test(sent.text.slice(Math.max(0, m.start - 20), m.start)))) continue;
    // "Procedure: L4-5 interlaminar ESI (62323). Injection #4.": the series count of the procedure just named.
    if (m.entry.id === 'other_injection' && /^injections?$/i.test(m.text) && SERIES_COUNT.test(sent.text.slice(m.end, m.end + 12))
      && NAMED_INJECTION.test(sent.doc.text.slice(Math.max(sent.encounter.start, sent.start - 200), sent.start))) continue;
    // "Continue Desert Sun day program 3 days/week" in a rehabilitation physician's note is the brain injury programme;
    // "Day program 3 days/week" in a psychiatrist's or case manager's is a day service (habilitation), not treatment.
    if (m.entry.id === 'pain_program' && /^day\s+program$/i.test(m.text) && !REHAB_DISCIPLINES.has(sent.encounter.specialty)) continue;
    // A psychiatric clinic's "injection" is a long-acting drug's dose (paliperidone, aripiprazole): the drug is the treatment.
    if (m.entry.id === 'other_injection' && /^injections?$/i.test(m.text) && MENTAL_HEALTH.has(sent.encounter.specialty)) continue;
    // "Psychiatrist: Helen M. Thurgood, MD - Rolling Fork Behavioral Health Clinic": a field naming who treats, not care given.
    if (PROVIDER_FIELD.test(sent.text.slice(0, m.start).split('\n').pop() ?? '')) continue;
    // "Seen by Dr. Oyelaran (spine surgery, telehealth 09/07/2023)": the bracket after a clinician's name holds the specialty.
    if (SPECIALTY_AFTER_NAME.test(sent.text.slice(Math.max(0, m.start - 60), m.start)) && /^\s*[,)]/.test(sent.text.slice(m.end, m.end + 3))) continue;
    // An imaging report's injection is the contrast of an arthrogram or myelogram, not a treatment.
    if (sent.encounter.kind === 'imaging' && /injection|block/.test(m.entry.id)) continue;
    // "OT 2x/wk x 6 wk (work hardening tasks)": what the therapy course will include, not a course of its own.
    if (m.entry.id === 'work_conditioning' && WITHIN_THERAPY.test(sent.text.slice(Math.max(0, m.start - 50), m.start))) continue;
    // A massage, e-stim or TENS component in a therapist's own note is part of that session, not a treatment of its own.
    if (own && SESSION_COMPONENTS.has(m.entry.id)) continue;
    if (PURPOSE_BEFORE.test(sent.text.slice(Math.max(0, m.start - 90), m.start))) continue;
    const priorOperation = isPriorOperation(sent, m.start, m.entry.id, m.end);
    if (!priorOperation && isBackReference(sent, m.start, m.entry.id, m.entry.subtype ?? '', m.end)) continue;
    if (m.entry.id === 'medication' && (allergyLine || disclosure)) continue;
    const clause = clauseAround(sent.text, m.start, m.end);
    // An operation named with nothing said of it ("afraid of surgery complications", "post-laminectomy syndrome",
    // "decision to defer surgery was reasonable") is not an operation done: outside the operative record it needs a word
    // that says what happened (s/p, underwent, recommend, declined, scheduled), a section that does, or its own date.
    if (m.entry.id === 'surgery' && !priorOperation && !isProcedureRecord(sent.encounter.kind) && section !== 'procedure'
      && !statusCue(clause.text) && !statusOfSection(section) && !dischargeStatus(sent.text, m.start) && !labelledStatus(sent, m.start)
      && !sent.dates().some((d) => !d.relative && d.start >= clause.start && d.end <= clause.end)) continue;
    const attributes: FactOf<'treatment'>['attributes'] = { modality: m.entry.id, status: deniedStatus(sent, clause, m.end) ?? dischargeStatus(sent.text, m.start) ?? awaitedStatus(sent.text, m.start) ?? givenToday(clause.text, m.entry.id) ?? labelledStatus(sent, m.start)
      ?? treatmentStatus(clause.text, rowSection(sent, m.start, section), m.entry.id, setAsideAfter(sent, clause.end)) };
    if (m.entry.subtype) attributes.subtype = m.entry.subtype;
    if (m.entry.id === 'surgery' && !m.entry.subtype) {
      // "surgery" names no procedure; keep the words ("rotator cuff surgery") as the subtype when they say more.
      const before = /([A-Za-z-]+\s+)?([A-Za-z-]+)\s+$/.exec(sent.text.slice(Math.max(0, m.start - 30), m.start));
      if (before && /^(?:spine|spinal|back|neck|shoulder|knee|hip|lumbar|cervical|fusion|disc|rotator|carpal)$/i.test(before[2])) attributes.subtype = before[2].toLowerCase();
    }
    const level = levelOf(clause.text); if (level && /injection|block|ablation|surgery|facet|epidural/.test(m.entry.id + (m.entry.subtype ?? ''))) attributes.level = level;
    const side = sideOf(clause.text); if (side && m.entry.id !== 'medication') attributes.side = side;
    // A procedure's region: named in its clause, else the last one named before it in the sentence (a numbered
    // problem's "R shoulder bursitis - subacromial corticosteroid injection today").
    if (/injection|block|ablation|surgery/.test(m.entry.id)) {
      const region = bodyRegionIn(clause.text) ?? lastBodyRegionIn(sent.text.slice(0, m.start));
      if (region) attributes.bodyRegion = region;
    }
    // "Offered a bursa injection; he declines, preferring to avoid injections": the answer follows the offer.
    if ((attributes.status === 'recommended' || attributes.status === 'planned') && DECLINED_AFTER.test(sent.text.slice(m.end))) attributes.status = 'declined';
    if (attributes.status === 'declined' || attributes.status === 'discontinued') { const why = reasonAfter(sent.text, m.end); if (why) attributes.reasonStopped = why; }
    if (SESSION_MODALITIES.has(m.entry.id)) { const n = sessionsIn(clause.text); if (n) attributes.sessions = n; }
    const base = recounted(sent, mentionBase(sent, 'treatment', m.start, m.end), m.start, m.end, own === m.entry.id);
    // "She does not wish to pursue fusion": the "not" is the refusal itself, which the status already says; the option
    // was offered and turned down, a fact about the claimant's care, not an absent one.
    // "UR denied the revision surgery": the "denied" is the payer's answer, which the status already says; the request
    // itself is a fact about the claimant's care.
    if ((attributes.status === 'declined' && base.negated && DECLINE_WORDS.test(clause.text)) || (attributes.status === 'denied' && base.negated)) {
      base.negated = false;
      base.context = base.context.filter((c) => c.category !== 'negated');
    }
    // "Despite physical therapy (36 visits), three blocks and an SCS trial, ...": everything the sentence lists is history.
    const recall = recalledBy(sent.text, m.start);
    if (recall && base.temporality === 'current' && !isProcedureRecord(sent.encounter.kind)) {
      base.temporality = 'historical';
      base.context = [...base.context, { category: 'historical', trigger: recall, start: sent.start, end: sent.start }];
    }
    // "Spinal cord stimulation ... is not indicated": weighed and ruled out. "Tele-PT not offered by Cottonwood": not available.
    if (NOT_INDICATED.test(clause.text.slice(m.end - clause.start)) || NOT_AVAILABLE.test(sent.text.slice(m.end, m.end + 40))) base.negated = true;
    // "Exam unchanged since PT discharge", "walking the same as when I finished PT": a course recalled by its end.
    if (base.temporality === 'current' && ((/\bsince (?:the |her |his |last )?$/i.test(sent.text.slice(Math.max(0, m.start - 12), m.start))
      && /^\s*(?:discharge|completion|ended|was (?:completed|discontinued|stopped))\b/i.test(sent.text.slice(m.end, m.end + 20)))
      || /\b(?:when|since|after) (?:she|he|they|I) (?:finished|completed|stopped|ended)\s*$/i.test(sent.text.slice(Math.max(0, m.start - 30), m.start)))) {
      base.temporality = 'historical';
      base.context = [...base.context, { category: 'historical', trigger: 'a course recalled by its end', start: sent.start + m.start, end: sent.start + m.start }];
    }
    // "Lumbar MRI if radicular symptoms develop", "repeat ESI if pain returns": a plan item with its condition after it.
    const conditionAfter = CONDITION_AFTER.exec(sent.text.slice(m.end, m.end + 40));
    if (conditionAfter && base.temporality === 'current' && !isProcedureRecord(sent.encounter.kind)) {
      base.temporality = 'hypothetical';
      base.context = [...base.context, { category: 'hypothetical', trigger: conditionAfter[1], start: sent.start + m.end + conditionAfter.index, end: sent.start + m.end + conditionAfter.index + conditionAfter[0].length }];
    }
    // "weight loss toward TKA eligibility", "to qualify for fusion": the operation is a goal the claimant works toward.
    const goal = GOAL_AFTER.exec(sent.text.slice(m.end, m.end + 20));
    if (goal && base.temporality === 'current' && GOAL_BEFORE.test(sent.text.slice(Math.max(0, m.start - 40), m.start))) {
      base.temporality = 'hypothetical';
      base.context = [...base.context, { category: 'hypothetical', trigger: `a goal: ${goal[1]}`, start: sent.start + m.end + goal.index, end: sent.start + m.end + goal.index + goal[0].length }];
    }
    // "asked whether any surgical option exists": a question, not a plan or a procedure.
    if (ASKED.test(sent.text) && base.temporality === 'current') base.temporality = 'hypothetical';
    // "future medical care: … injections as indicated", "risks, benefits and alternatives (continued non-operative care,
    // injection)": an allowance for later or an option named in a consent discussion, not care planned now.
    // A cost projection ("Estimated cost: chiropractic $2,640 …") is future care whatever its verbs say.
    const notGiven = (attributes.status !== 'performed' && attributes.status !== 'completed') || COST_PROJECTION.test(sent.text) || ALLOWANCE_COUNT.test(sent.text);
    // (Or an item of a list under such a heading: "Future medical care (reasonably necessary …): d. Physical therapy …".)
    const futureHeading = futureCareHeading(sent);
    if (base.temporality === 'current' && notGiven && (futureHeading || FUTURE_ALLOWANCE.test(sent.text) || ALLOWANCE_COUNT.test(sent.text) || CONSENT_ALTERNATIVES.test(sent.text.slice(Math.max(0, m.start - 100), m.start)))) {
      base.temporality = 'hypothetical';
    }
    // "At counsel's request: the current charge estimate for a single-level ACDF …": priced, not planned.
    const costing = base.temporality === 'current' && attributes.status !== 'performed' && attributes.status !== 'completed' ? COST_PROJECTION.exec(sent.text) : null;
    if (costing) {
      base.temporality = 'hypothetical';
      base.context = [...base.context, { category: 'hypothetical', trigger: `a cost projection: ${costing[0]}`, start: sent.start + costing.index, end: sent.start + costing.index + costing[0].length }];
    }
    // Marked as an allowance even when "prn" already made it hypothetical: the MMI analysis reads later procedures by it.
    const allowance = base.temporality === 'hypothetical' ? FUTURE_ALLOWANCE.exec(sent.text) : null;
    if (allowance) base.context = [...base.context, { category: 'hypothetical', trigger: `${FUTURE_CARE_TRIGGER}: ${allowance[0]}`, start: sent.start + allowance.index, end: sent.start + allowance.index + allowance[0].length }];
    else if (futureHeading && base.temporality === 'hypothetical') base.context = [...base.context, futureHeading];
    if (NOT_DONE.test(sent.text.slice(Math.max(0, m.start - 60), m.start)) || (SESSION_MODALITIES.has(m.entry.id) && (sessionsMissed ??= notAttended(sent.text)))) base.negated = true;
    if (priorOperation) {
      // Done before this visit: its date is one written in its own clause, never the visit's.
      attributes.status = 'performed';
      if (base.temporality === 'current') base.temporality = 'historical';
      if (base.dateSource === 'encounter') { delete base.date; base.dateSource = 'none'; }
    }
    // "PSH: R knee arthroscopy 2014, appendectomy": a past operation's year written right after it is its date.
    const year = m.entry.id === 'surgery' && base.temporality !== 'current' && base.dateSource !== 'sentence' ? YEAR_AFTER.exec(sent.text.slice(m.end, m.end + 12)) : null;
    if (year && Number(year[1]) < Number((sent.encounter.date ?? '9999').slice(0, 4))) { base.date = `${year[1]}-01-01`; base.dateSource = 'sentence'; }
    out.push({ ...base, type: 'treatment', attributes });
  }
  for (const d of drugMatches) {
    if (isBackReference(sent, d.start, 'medication', '')) continue;
    const whole = clauseAround(sent.text, d.start, d.end);
    // "TKA declined - start duloxetine 30 mg": the drug's plan starts at the dash, after another item's status.
    const lead = [...whole.text.slice(0, d.start - whole.start).matchAll(DASHED_START)].at(-1);
    // ("tacrolimus 3 mg BID, allopurinol 100 mg (restarted by transplant 02/2024), magnesium oxide 400 mg": in a list
    // of drugs each item's words are its own.)
    // (The list's own heading still speaks for every item: "Options discussed: bupropion XL 450 mg, lithium augmentation".)
    const item = drugMatches.some((x) => x !== d && x.start >= whole.start && x.end <= whole.end) ? listItemAround(sent.text, d.start, d.end, whole) : undefined;
    const ownStatus = item && statusCues.some(([, re]) => re.test(item.text)) ? item : undefined;
    const clause = ownStatus ?? (lead ? { start: whole.start + lead.index, end: whole.end, text: whole.text.slice(lead.index) } : whole);
    const isClass = d.entry.id.startsWith('class:');
    const attributes: FactOf<'treatment'>['attributes'] = { modality: 'medication', drugClass: d.entry.class, status: deniedStatus(sent, clause, d.end) ?? treatmentStatus(clause.text, section, 'medication', setAsideAfter(sent, clause.end)) };
    if (isOtherConditionDrugClass(d.entry.class) || namesOtherIndication(sent.text.slice(d.end, d.end + 60))) attributes.otherCondition = true;
    if (!isClass) attributes.drug = d.entry.id;
    const dose = DOSE.exec(sent.text.slice(d.end, d.end + 60));
    if (dose) attributes.dose = dose[1].trim().replace(/\s+/g, ' ').replace(/\.$/, '');
    // "Abatacept approved; first dose today": the start is told in the clause after the drug's.
    const firstDose = FIRST_DOSE_AFTER.test(sent.text.slice(d.end, d.end + 60))
      || (new Set(drugMatches.map((x) => x.entry.id)).size === 1 && FIRST_DOSE_NEXT.test(sent.doc.text.slice(sent.end, Math.min(sent.encounter.end, sent.end + 120))));
    const change = doseChangeOf((item ?? clause).text) ?? arrowedDose(sent.text.slice(d.end, d.end + 40)) ?? (firstDose ? 'started' : undefined);
    if (change) attributes.doseChange = change;
    if (change === 'stopped' && attributes.status !== 'declined') attributes.status = 'discontinued';
    // "Options discussed: bupropion XL 450 mg, lithium augmentation, or TMS": a choice put to the claimant, not a change.
    if (labelledStatus(sent, d.start) && attributes.status !== 'declined') { attributes.status = 'recommended'; delete attributes.doseChange; }
    if (attributes.status === 'declined' || attributes.status === 'discontinued') { const why = reasonAfter(sent.text, d.end); if (why) attributes.reasonStopped = why; }
    else if (change && change !== 'stopped' && prescribedNow(clause.text, attributes.status)) attributes.status = 'ongoing';
    // "Migraines 2-3/month - add propranolol? Declines (fatigue worry).": an offer put as a question, answered after it.
    if (/\?\s*$/.test(clause.text) && attributes.status !== 'discontinued') {
      attributes.status = ANSWERED_NO.test(sent.doc.text.slice(sent.end, Math.min(sent.encounter.end, sent.end + 60))) ? 'declined' : 'recommended';
      delete attributes.doseChange;
    }
    // "Will reassess response to midodrine titration in 3 months": the drug already given, its response awaited then.
    const responseTo = RESPONSE_TO.test(sent.text.slice(Math.max(0, d.start - 30), d.start));
    if (responseTo && attributes.status !== 'discontinued' && attributes.status !== 'declined') { attributes.status = 'ongoing'; delete attributes.doseChange; }
    const base = recounted(sent, mentionBase(sent, 'treatment', d.start, d.end), d.start, d.end, false);
    if (responseTo && base.dateSource === 'relative' && sent.encounter.date) { base.date = sent.encounter.date; base.dateSource = 'encounter'; }
    // "10. Treatments tried and response: propranolol, topiramate, erenumab": every item of the list was given before.
    const from = Math.max(0, d.start - 160);
    const tried = TRIED_LABEL.exec(sent.text.slice(from, d.start));
    if (tried && base.temporality === 'current') {
      const label = tried[0].slice(0, tried[0].indexOf(':'));
      base.temporality = 'historical';
      base.context = [...base.context, { category: 'historical', trigger: label.trim(), start: sent.start + from + tried.index, end: sent.start + from + tried.index + label.length }];
    }
    // "She asks about switching to eptinezumab after reading about it online": a question, not a change.
    if (ASKED.test(clause.text) && base.temporality === 'current') base.temporality = 'hypothetical';
    const recallDrug = recalledBy(sent.text, d.start);
    if (recallDrug && base.temporality === 'current') {
      base.temporality = 'historical';
      base.context = [...base.context, { category: 'historical', trigger: recallDrug, start: sent.start, end: sent.start }];
    }
    // "Future medical care: b. Gabapentin 300 mg TID and meloxicam 15 mg daily, about $52 per month": allowed for later.
    const futureDrug = attributes.status !== 'discontinued' && attributes.status !== 'declined' && base.temporality === 'current' ? futureCareHeading(sent) : undefined;
    if (futureDrug) { base.temporality = 'hypothetical'; base.context = [...base.context, futureDrug]; }
    // Listed in the plan with no verb ("Tylenol as needed."), it is the regimen the patient is on.
    if (asNeededIsCurrent(base) && attributes.status === 'recommended' && !statusCues.some(([, re]) => re.test(clause.text))) attributes.status = 'ongoing';
    out.push({ ...base, type: 'treatment', attributes });
  }
  // "Visit 6 of 12" in a therapist's note counts that therapist's sessions even without naming the therapy.
  if (own && !out.some((f) => f.attributes.modality === own)) {
    const n = sessionsIn(sent.text);
    const schedule = n ? null : PLANNED_SCHEDULE.exec(sent.text);
    if (schedule) out.push({ ...mentionBase(sent, 'treatment', schedule.index, schedule.index + schedule[0].length), type: 'treatment', attributes: { modality: own, status: 'planned' } });
    if (n) {
      SESSIONS.lastIndex = 0;
      const m = SESSIONS.exec(sent.text)!;
      out.push({ ...mentionBase(sent, 'treatment', m.index, m.index + m[0].length), type: 'treatment', attributes: { modality: own, status: 'performed', sessions: n } });
    }
  }
  return out;
}

/** The treatment a sentence credits with relief: the first modality named (drugs count as medication). */
export function treatedBy(text: string): Modality | undefined {
  const m = modalities.match(text).find((x) => x.entry.id !== 'imaging_study');
  if (m) return m.entry.id;
  return drugs.match(text).length > 0 ? 'medication' : undefined;
}
