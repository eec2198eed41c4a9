/** Limitation facts: activity restrictions with their amount, unit and duration ("no lifting over 20 lb"). */
import type { FactOf } from '../model/index.js';
import { z } from 'zod';
import { loadLexicon, orderedRecord, readLexiconFile, RegexSource, type LexiconEntry } from '../knowledge/lexicon.js';
import { clauseAround, mentionBase, parseNumber, type SentenceCtx } from './mention.js';
import { extractFunctionalStatus } from './functional.js';

type Activity = FactOf<'limitation'>['attributes']['activity'];
type Frequency = NonNullable<FactOf<'limitation'>['attributes']['frequency']>;
interface ActivityEntry extends LexiconEntry { id: Activity }
const activities = loadLexicon<ActivityEntry>('extract/activities.json');
const data = readLexiconFile('extract/restrictions.json', z.looseObject({
  restrictionCue: RegexSource, patientReport: RegexSource, amount: RegexSource,
  frequency: orderedRecord(z.enum(['never', 'occasional', 'frequent', 'constant'])),
}));
const CUE = new RegExp(data.restrictionCue, 'i');
const PATIENT = new RegExp(data.patientReport, 'i');
const AMOUNT = new RegExp(data.amount, 'i');
const FREQUENCIES = (Object.keys(data.frequency) as Frequency[]).map((k) => [k, new RegExp(data.frequency[k], 'i')] as const);
/** "no lifting", "unable to sit", "cannot stand": the negation is the restriction itself. */
const RESTRICTION_NEGATION = /^(?:(?:is|are|was|were|be|has been|have been)\s+)?(?:no|not|never|avoid|unable|cannot|can't|can not|without|inability)\b/i;
/** "and", "or", "/" between two activity words: "stand and walk 2 hours", "alternate sitting and standing every 30 minutes". */
const COORDINATION = /^\s*(?:,\s*)?(?:and(?:\/or)?|or|&|\/)\s*$/i;
/** An 'other' need (leg elevation, unscheduled breaks, absences) is an opinion only when stated as a need or prediction. */
const NEED = /\b(?:must|needs?|needing|requires?|required|will|would|has to|have to|likely|expected)\b/i;
/** The frame of a medical source statement / RFC form: the clinician's opinion even when written "she can sit ...". */
const RFC_FRAME = /\b(?:in|during|of|out of) (?:an? |the )?(?:8|eight)[- ]hour (?:work ?)?day\b|\btotal (?:in|during|of)\b|\boff[- ]task\b|\bunscheduled breaks?\b|\b(?:days?|times) (?:per|a|each) month\b/i;
/** "in an 8-hour workday" measures another activity's total; it is not a work-hours limit. */
const DAY_FRAME_BEFORE = /\b(?:in|during|of|out of) (?:an?|the)\s*$/i;
const FREQ_WORD = '(occasional(?:ly)?|frequent(?:ly)?|constant(?:ly)?|rarely|never)';
const PROVIDER_SECTIONS = new Set(['work_status', 'restrictions', 'plan', 'assessment', 'impression']);
const PATIENT_SECTIONS = new Set(['hpi', 'subjective', 'chief_complaint']);
/** Words that make an activity word mean something else ("sitting position", "standing order", "walking boot"). */
const NOT_FUNCTION = /^(?:sit|stand|walk|lift|climb|reach|drive)\w*\s+(?:position|order|orders|boot|cane|aid|test|tests|x-?rays?|films?|views?|radiographs?|AP|PA|lat(?:eral)?|up straight)\b/i;
/** Words before the activity that make it an exam sign or a body part ("cannot tandem walk", "unable to heel-walk",
 * "R ring finger catching"): a finding on examination, not a limit on the activity. */
const EXAM_SIGN_BEFORE = /\b(?:tandem|heel|toe|heel-toe|toe-heel|index|middle|long|ring|little|small|trigger|mallet|jersey)[- ]?$/i;
/** Grip strength measured ("grip R 24 kg / L 30 kg", "grip 5/5", "grip CV"): a test result, not a limit on handling. */
const GRIP_MEASURE = /^grip(?:ping)?\s*(?:(?:strength|R|L|right|left|bilat\w*|dynamometer)\s*)*[:=]?\s*(?:\d|CV\b|positions?\b|test\w*)/i;
/** "Validity: 6 of 6 consistency-of-effort measures (grip CV, …)": an FCE's effort check. */
const EFFORT_CHECK = /^\W*(?:validity|consistency[- ]of[- ]effort|effort)\b/i;
/** Words before "seated" that make it a position observed or a graft placed, not a limit ("BP 156/94, seated", "grafts seated"). */
const SEATED_OBSERVED = /\b(?:distress|grafts?|hardware|implants?|cage|screws?|arm|cuff|BP|blood pressure|comfortably|quietly|calmly)\W*(?:\w+\W+){0,1}$/i;
/** Right after the activity: the form or note says it is not limited ("Walking (no limit)", "[X] not restricted", "WFL"). */
const UNLIMITED_AFTER = /^\W{0,3}(?:\[\s*\]\s*restricted\s*)?(?:\[\s*[xX✓]\s*\]\s*)?\(?\s*(?:no limit(?:s|ations?)?|unlimited|not restricted|unrestricted|no restrictions?|within (?:functional|normal) limits?|WFL|WNL|without (?:difficulty|problems?|assist\w*)|independently|normally|with ease)\b/i;
/** Right before it: "no difficulty sitting", "able to walk without difficulty". */
const UNLIMITED_BEFORE = /\b(?:no|without|denies(?: any)?) (?:difficulty|problems?|trouble|limitations?)(?: with| in)? $/i;
/** A precaution tied to a device, a drug or healing, not a lasting limit ("no driving in collar", "no driving on methocarbamol"). */
const DEVICE_OR_DRUG_PRECAUTION = /^\s*(?:while\s+)?(?:in (?:a |the |his |her )?(?:collar|brace|sling|boot|cast|splint|immobilizer)|on (?:narcotics|opioids|opiates|muscle relaxants?|pain medications?|sedating \w+|methocarbamol|cyclobenzaprine|tizanidine|oxycodone|hydrocodone|tramadol))\b/i;
/** A "max hours per day" grid drawn with boxes: the column headings are the hours, the marked box says which. */
const HOURS_SCALE = /\b0\s+2\s+4\s+6\s+8\b/;
const BOX_ROW = /^[\s:]*((?:\[\s*[xX✓]?\s*\]\s*){3,})/;

const RELIEF_ACTION = /\b(?:before|prior to|until)\b[^.;]{0,25}\bto\s+(?:get up and\s+|go\s+)?$/i;
const TOLERANCE_UNIT = /^(?:min|sec|hour|hr|block|feet|ft|yard|mile|step)/i;

function unitOf(raw: string): string {
  const u = raw.toLowerCase().replace(/\.$/, '');
  if (/^(?:lb|lbs|pound|pounds)$/.test(u)) return 'lb';
  if (/^(?:kg|kilogram|kilograms)$/.test(u)) return 'kg';
  if (/^min/.test(u)) return 'minutes';
  if (/^sec/.test(u)) return 'seconds';
  if (/^(?:hour|hours|hr|hrs)$/.test(u)) return 'hours';
  if (/^block/.test(u)) return 'blocks';
  if (/^(?:feet|ft)$/.test(u)) return 'feet';
  if (u === '%' || u === 'percent') return 'percent';
  const perMonth = /^(days?|times) .*month$/.exec(u);
  if (perMonth) return `${perMonth[1].replace(/s?$/, 's')} per month`;
  return u.replace(/s$/, '') + 's';
}

/** Where the run of activities coordinated with matches[i] ("lift and carry", "sit/stand") stops: the next other activity or the clause end. */
function chainEnd(text: string, matches: readonly { start: number; end: number }[], i: number, clauseEnd: number): number {
  let j = i;
  while (matches[j + 1] && matches[j + 1].start < clauseEnd && COORDINATION.test(text.slice(matches[j].end, matches[j + 1].start))) j++;
  return matches[j + 1] && matches[j + 1].start < clauseEnd ? matches[j + 1].start : clauseEnd;
}

/** The amount after the next activity when only "and"/"or" separates the two ("stand and walk 2 hours total"). */
function sharedAmount(text: string, matches: readonly { start: number; end: number }[], i: number, clauseEnd: number): RegExpExecArray | null {
  for (let j = i + 1; j < matches.length && matches[j].start < clauseEnd; j++) {
    if (!COORDINATION.test(text.slice(matches[j - 1].end, matches[j].start))) return null;
    const next = matches[j + 1] && matches[j + 1].start < clauseEnd ? matches[j + 1].start : clauseEnd;
    const amt = AMOUNT.exec(text.slice(matches[j].end, Math.max(matches[j].end, next)));
    if (amt) return amt;
  }
  return null;
}

interface Graded { index: number; end: number; limit: number; unit: string; frequency: Frequency }
/** Frequency-amount pairs around one activity: "occasionally lift 20 lb and frequently 10 lb", "20 lb occasionally, 10 lb frequently". */
function gradedAmounts(text: string, from: number, activityEnd: number, to: number): Graded[] {
  const region = text.slice(from, Math.max(activityEnd, to));
  const amount = AMOUNT.source;
  const pair = new RegExp(`\\b${FREQ_WORD}\\s+(?:(?:lift|carry)\\w*\\s+(?:and\\/or\\s+\\w+\\s+)?)?${amount}|${amount}\\s*${FREQ_WORD}\\b`, 'gi');
  const out: Graded[] = [];
  for (const p of region.matchAll(pair)) {
    // Groups: [1] frequency, [2] number, [3] unit (frequency first) or [4] number, [5] unit, [6] frequency.
    const word = p[1] ?? p[6];
    const n = parseNumber(p[2] ?? p[4]);
    const frequency = FREQUENCIES.find(([, re]) => re.test(word))?.[0];
    if (n === undefined || !frequency) continue;
    out.push({ index: from + p.index, end: from + p.index + p[0].length, limit: n, unit: unitOf(p[3] ?? p[5]), frequency });
  }
  return new Set(out.map((g) => g.frequency)).size > 1 ? out : [];
}

/** A grid's key: "N = never, S = seldom 1-10%, O = occasional 11-33%, F = frequent 34-66%, C = constant 67-100%". */
const LEGEND_ENTRY = /\b([NSOFC])\s*=\s*(never|seldom|rarely|occasional(?:ly)?|frequent(?:ly)?|constant(?:ly)?)\b/gi;
function letterLegend(text: string): Map<string, Frequency> {
  const out = new Map<string, Frequency>();
  for (const m of text.matchAll(LEGEND_ENTRY)) {
    const meaning = FREQUENCIES.find(([, re]) => re.test(m[2]))?.[0];
    if (meaning) out.set(m[1].toUpperCase(), meaning);
  }
  return out.size >= 3 ? out : new Map();
}
/** The text with a grid's key blanked ("O = occasional 11-33%"): the key's ranges are not limits. */
function withoutLegend(text: string): string {
  return text.replace(new RegExp(`${LEGEND_ENTRY.source}(?:\\s*\\d+\\s*-\\s*\\d+\\s*%)?`, 'gi'), (m) => ' '.repeat(m.length));
}
/** The coded answer right after an activity ("Sit C", "Reach above shoulder O (R)"). */
const LETTER_CELL = /^\s*(?:above shoulder|below shoulder|\([RL]\))?\s*([NSOFC])\b(?!\s*=)/;
const UNRESTRICTED_LIST = /\b(?:no|without)\s+(?:restrictions?|limitations?|limits)\s+(?:on|to|for|with)\s+[^.;]+/gi;
const DRIVING_PRECAUTION = /^[^.;]{0,40}?\b(?:while (?:on|taking|using)|after (?:doses?|taking|each dose|the (?:injection|procedure))|today|tonight|for (?:24|48) (?:hours|hrs)|post-?(?:procedure|op)|sedat\w*|with (?:the )?sling|during (?:titration|the trial))\b/i;
const FORM_PROMPT = /\brestrictions?\s+re\s*:|\b(?:e\.g\.|etc\.)\)?\s*:?\s*$|\(\s*(?:e\.g\.|specify)\b/i;
const AGGRAVATED_AFTER = /^[^.;:]{0,25}?\b(?:aggravat\w*|exacerbat\w*|worsen\w*|flared|brought on|increased (?:his |her |the )?(?:pain|symptoms|LBP))\b/i;
const GRID_HEADER = /(?:\b(?:never|seldom|rarely|occasional(?:ly)?|frequent(?:ly)?|constant(?:ly)?)\b[^.\n\d]*){3,}$|\b(?:hours?|hrs?) per day:?\s+0\s+2\s+4/i;
const AGGRAVATING = /\b(?:aggravat\w*|exacerbat\w*|worse(?:ned)? (?:with|by|when|after|on)|worse|provoked by|triggered by|brought on by|increases? with|pain with)\b[^.;:]*$|\baggravating(?: factors?)?\s*:[^.;]*$/i;
const NOT_THE_ACTIVITY = /^(?:sleep(?:ing)?\s+(?:aids?|medications?|meds|hygiene|study|apnea|pills?)|reach\s*\)|reach(?:ed)?\s+(?:by phone|the patient|patient|pt|her|him|them)|(?:unable to )?reach\b[^.]{0,20}\b(?:voicemail|phone|message)\b)/i;
const NO_RESTRICTIONS = /\b(?:no|without|free of|not any)\s+(?:[\w/-]+\s+){0,2}(?:restrictions?|limitations?|limits)\b(?!\s+(?:on|to|of)\s+(?:lifting|sitting|standing|walking))|\bunrestricted\b|\bfull duty\b|\bregular duty\b/i;

/** A restriction grid in hours per day ("Posture restrictions (max hrs/day):", "Motion (max hrs/day)"). */
const HOURS_FRAME = /\b(?:hrs?|hours?)\s*(?:\/|per|a)\s*day\b/i;
/** The cell after an activity in such a grid: a bare number, not pounds or a percentage. */
const HOURS_CELL = /^[\s:=-]*(\d+(?:\.\d+)?)\b(?!\s*(?:lbs?|pounds?|%|kg|min))/i;
const FULL_WORKDAY_HOURS = 8;

function unmarkedOptionsBlank(text: string): string {
  return text.replace(/(?:\[\s*\]|\(\s+\))[^[(\n]*/g, (m) => ' '.repeat(m.length));
}

/** A job's description by its label: "Job:", "Occupation:", "Job duties:", "Physical demands of the job:". */
const JOB_DEMANDS = /^\s*(?:(?:her|his|current|usual|regular|prior)\s+)?(?:job|occupation|job (?:duties|demands|description|title|requirements)|work (?:duties|demands)|essential (?:job )?functions|physical demands(?: of (?:the |her |his )?(?:job|work|position))?|employment)\s*:/i;

export function extractLimitations(sent: SentenceCtx): FactOf<'limitation'>[] {
  const section = sent.section?.kind;
  if (section === 'goals' || section === 'family_history') return [];
  const out: FactOf<'limitation'>[] = [];
  const matches = activities.match(sent.text);
  // "No driving restrictions at this time", "without restrictions": the absence of a limit, never a limit.
  if (NO_RESTRICTIONS.test(sent.text)) return [];
  // A table's header row ("Never  Seldom  Occasional  Frequent  Constant", "Max hours per day: 0 2 4 6 8") names the scale, not a limit.
  if (GRID_HEADER.test(sent.text)) return [];
  // A form's prompt ("Work restrictions (specific restrictions re: standing, sitting, bending, use of hands, etc.):") lists what to fill in.
  if (FORM_PROMPT.test(sent.text)) return [];
  // "Job: picks cases of beverages (up to 60 lb) ..., walks/stands entire shift": what the job demands, not a limit.
  if (JOB_DEMANDS.test(sent.text)) return [];
  const hoursFrame = HOURS_FRAME.test(sent.text) || HOURS_FRAME.test(sent.section?.title ?? '');
  // "No restrictions on sitting, standing, walking or driving": the activities it lists are unrestricted.
  const free = [...sent.text.matchAll(UNRESTRICTED_LIST)].map((m) => [m.index, m.index + m[0].length] as const);
  const legend = letterLegend(sent.doc.text.slice(Math.max(sent.encounter.start, sent.start - 600), sent.end));
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (NOT_FUNCTION.test(sent.text.slice(m.start)) || EXAM_SIGN_BEFORE.test(sent.text.slice(Math.max(0, m.start - 12), m.start)) || (m.entry.id === 'handle' && GRIP_MEASURE.test(sent.text.slice(m.start)))) continue;
    if (EFFORT_CHECK.test(sent.text.slice(0, m.start)) || UNLIMITED_AFTER.test(sent.text.slice(m.end, m.end + 40)) || UNLIMITED_BEFORE.test(sent.text.slice(Math.max(0, m.start - 40), m.start))) continue;
    if (/^seated$/i.test(m.text) && SEATED_OBSERVED.test(sent.text.slice(Math.max(0, m.start - 30), m.start))) continue;
    if (DEVICE_OR_DRUG_PRECAUTION.test(sent.text.slice(m.end, m.end + 40))) continue;
    if (free.some(([a, b]) => m.start >= a && m.end <= b)) continue;
    // "Aggravated by sitting, driving", "worse with prolonged standing", "Long drive to Georgia aggravated LBP": what brings the pain on, not a limit.
    if (AGGRAVATING.test(sent.text.slice(Math.max(0, m.start - 60), m.start)) || AGGRAVATED_AFTER.test(sent.text.slice(m.end, m.end + 40))) continue;
    // "No driving while on opioids", "no driving after doses", "no driving today" (after a procedure): a precaution with
    // a drug or a procedure, not a lasting limit. "the drive", "a long drive": the trip, not the activity.
    if (m.entry.id === 'drive' && (DRIVING_PRECAUTION.test(sent.text.slice(m.end, m.end + 60)) || /\b(?:the|a|long|short)\s+$/i.test(sent.text.slice(Math.max(0, m.start - 8), m.start)))) continue;
    // "sleep aids", "unable to reach (by phone)": the word is not the activity.
    if (NOT_THE_ACTIVITY.test(sent.text.slice(m.start, m.end + 30))) continue;
    if (m.entry.id === 'work_hours' && (DAY_FRAME_BEFORE.test(sent.text.slice(Math.max(0, m.start - 12), m.start)) || /\bmax(?:imum)?\.?\s*$/i.test(sent.text.slice(Math.max(0, m.start - 10), m.start)))) continue;
    // "...before she has to get up and walk around", "prior to needing to sit down": the relief, not the limited activity.
    if (RELIEF_ACTION.test(sent.text.slice(Math.max(0, m.start - 45), m.start))) continue;
    // A "max hours per day" grid ("standing 8  sitting 8  bending/stooping 8  pushing/pulling 0"): the bare number after
    // each activity is its hours; a full workday is no restriction at all, 0 is never.
    // "Kneeling/squatting [ ] [X] [ ]": activities joined by a slash share the row's cell.
    let last = i;
    while (matches[last + 1] && /^\s*(?:\/|&|,|and|or)\s*$/i.test(sent.text.slice(matches[last].end, matches[last + 1].start))) last++;
    const cell = sent.text.slice(matches[last].end, matches[last + 1]?.start ?? sent.text.length);
    if (matches.slice(i + 1, last + 1).some((x) => x.entry.id === m.entry.id)) continue; // "climbing stairs/ladders": one activity
    // The scale heads the grid: in this sentence, or a few lines above the row (each row its own line).
    const scaled = HOURS_SCALE.test(sent.text.slice(0, m.start)) || HOURS_SCALE.test(sent.doc.text.slice(Math.max(sent.encounter.start, sent.start - 400), sent.start));
    // "Sit C   Stand F   Squat/kneel O" under a legend ("O = occasional 11-33%, F = frequent 34-66%, C = constant"):
    // the letter is the answer. Constant is no limit; frequent without an amount is none worth stating.
    const coded = legend.size ? LETTER_CELL.exec(cell) : null;
    const codedFrequency = coded ? legend.get(coded[1].toUpperCase()) : undefined;
    if (codedFrequency === 'constant' || (codedFrequency === 'frequent' && !/\d/.test(cell.slice(0, 14)))) continue;
    const boxes = scaled ? BOX_ROW.exec(cell) : null;
    const marked = boxes ? [...boxes[1].matchAll(/\[\s*([xX✓]?)\s*\]/g)].findIndex((b) => b[1] !== '') : -1;
    const gridHours = boxes ? (marked >= 0 && marked < 5 ? (['', String(marked * 2)] as unknown as RegExpExecArray) : null) : hoursFrame && HOURS_CELL.exec(cell);
    if (boxes && marked < 0) continue;
    if (gridHours && Number(gridHours[1]) >= FULL_WORKDAY_HOURS) continue;
    const clause = clauseAround(sent.text, m.start, m.end);
    // The amount belongs to this activity if it comes before the next activity word in the clause.
    const nextStart = matches[i + 1] && matches[i + 1].start < clause.end ? matches[i + 1].start : clause.end;
    // A form's unmarked options ("[ ] 10 lb [ ] 20 lb [X] no restriction") offer amounts; only the marked one is the answer.
    const after = unmarkedOptionsBlank(sent.text.slice(m.end, Math.max(m.end, nextStart)));
    const before = unmarkedOptionsBlank(sent.text.slice(Math.max(clause.start, m.start - 25), m.start));
    const amt = AMOUNT.exec(after) ?? (/(?:\d|lbs?\.?|pounds?)\s*(?:-|\s)?(?:lb|pound)?s?\s*(?:lifting\s*)?$/i.test(before) ? AMOUNT.exec(before) : null)
      ?? sharedAmount(sent.text, matches, i, clause.end) ?? AMOUNT.exec(m.text);
    // "She walks one block", "sits 20 minutes" told by the patient: a tolerance needs no restriction word.
    const reportedTolerance = amt !== null && amt.index < 25 && TOLERANCE_UNIT.test(amt[2]) && (PATIENT.test(sent.text) || (section !== undefined && PATIENT_SECTIONS.has(section)));
    // A source statement's field answered with an amount ("Sit: at one time 30 min", "Off task: [X] 20% or more") is the
    // clinician's limit: the form is the restriction cue.
    // (A checked box further along the item's own line answers it too: "Time off task (% of 8-hr workday) due to
    // pain/medication: [ ] 0-10% [ ] 15% [X] 20%".)
    const formAnswer = sent.encounter.kind === 'medical_source_statement' && ((amt !== null && amt.index < 40) || /\[\s*[xX✓]\s*\]/.test(after.slice(0, 120).split('\n')[0]));
    if (!CUE.test(clause.text) && !reportedTolerance && !gridHours && !formAnswer) continue;
    const attributes: FactOf<'limitation'>['attributes'] = { activity: m.entry.id, source: 'provider', text: clause.text.trim() };
    if (amt) {
      const n = parseNumber(amt[1]);
      if (n !== undefined) { attributes.limit = n; attributes.unit = unitOf(amt[2]); }
    }
    const answered = unmarkedOptionsBlank(clause.text);
    if (codedFrequency) attributes.frequency = codedFrequency;
    else for (const [f, re] of FREQUENCIES) if (re.test(answered)) { attributes.frequency = f; break; }
    if (gridHours) {
      const h = Number(gridHours[1]);
      delete attributes.frequency;
      if (h === 0) { attributes.frequency = 'never'; delete attributes.limit; delete attributes.unit; } else { attributes.limit = h; attributes.unit = 'hours'; }
    }
    if (attributes.frequency === 'never' && attributes.limit !== undefined) delete attributes.frequency;
    const patientVoice = PATIENT.test(sent.text) || (section !== undefined && PATIENT_SECTIONS.has(section));
    attributes.source = section !== undefined && PROVIDER_SECTIONS.has(section) && !PATIENT.test(sent.text) ? 'provider' : patientVoice ? 'patient' : 'provider';
    if (RFC_FRAME.test(clause.text) && !/\b(?:reports?|reported|states?|stated|says|said|complains?|per (?:the )?patient)\b/i.test(sent.text)) attributes.source = 'provider';
    // A bare activity word with a soft cue ("pain with sitting") is only a limitation in the patient's voice or with an amount.
    if (m.entry.id === 'other' && !NEED.test(clause.text) && !formAnswer) continue;
    if (attributes.limit === undefined && attributes.frequency === undefined && attributes.source === 'provider' && m.entry.id !== 'other' && !/\b(?:no|avoid|restrict|unable|cannot|can't|limit|should not|may not|not (?:recommended|advised|permitted|allowed))/i.test(clause.text)) continue;
    const graded = gradedAmounts(legend.size ? withoutLegend(sent.text) : sent.text, clause.start, m.end, chainEnd(sent.text, matches, i, clause.end));
    if (graded.length > 1) {
      // "occasionally lift 20 lb and frequently 10 lb": one limit per frequency band, as an RFC form states them.
      for (const g of graded) {
        const span = g.index === graded[0].index ? [m.start, m.end] : [g.index, g.end];
        out.push({ ...mentionBase(sent, 'limitation', span[0], span[1], { meaningfulNegation: RESTRICTION_NEGATION }), type: 'limitation', attributes: { ...attributes, limit: g.limit, unit: g.unit, frequency: g.frequency } });
      }
      continue;
    }
    out.push({ ...mentionBase(sent, 'limitation', m.start, m.end, { meaningfulNegation: RESTRICTION_NEGATION }), type: 'limitation', attributes });
  }
  // Rehab grading of the same activity ("ambulates 150 feet with min assist") adds nothing to a limitation already read.
  for (const f of extractFunctionalStatus(sent)) if (!out.some((o) => o.attributes.activity === f.attributes.activity)) out.push(f);
  return out;
}
