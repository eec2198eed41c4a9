/** Limitation facts: activity restrictions with their amount, unit and duration ("no lifting over 20 lb"). */
import type { FactOf } from '../model/index.js';
import { loadLexicon, readLexiconFile, type LexiconEntry } from './lexicon.js';
import { clauseAround, mentionBase, parseNumber, type SentenceCtx } from './mention.js';
import { extractFunctionalStatus } from './functional.js';

type Activity = FactOf<'limitation'>['attributes']['activity'];
type Frequency = NonNullable<FactOf<'limitation'>['attributes']['frequency']>;
interface ActivityEntry extends LexiconEntry { id: Activity }
const activities = loadLexicon<ActivityEntry>('extract/activities.json');
const data = readLexiconFile<{ restrictionCue: string; patientReport: string; amount: string; frequency: Record<Frequency, string> }>('extract/restrictions.json');
const CUE = new RegExp(data.restrictionCue, 'i');
const PATIENT = new RegExp(data.patientReport, 'i');
const AMOUNT = new RegExp(data.amount, 'i');
const FREQUENCIES = (Object.keys(data.frequency) as Frequency[]).map((k) => [k, new RegExp(data.frequency[k], 'i')] as const);
/** "no lifting", "unable to sit", "cannot stand": the negation is the restriction itself. */
const RESTRICTION_NEGATION = /^(?:no|not|never|avoid|unable|cannot|can't|can not|without|inability)\b/i;
const PROVIDER_SECTIONS = new Set(['work_status', 'restrictions', 'plan', 'assessment', 'impression']);
const PATIENT_SECTIONS = new Set(['hpi', 'subjective', 'chief_complaint']);
/** Words that make an activity word mean something else ("sitting position", "standing order", "walking boot"). */
const NOT_FUNCTION = /^(?:sit|stand|walk|lift|climb|reach|drive)\w*\s+(?:position|order|orders|boot|cane|aid|test|tests|x-?rays?|films?|views?|up straight)\b/i;

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
  return u.replace(/s$/, '') + 's';
}

export function extractLimitations(sent: SentenceCtx): FactOf<'limitation'>[] {
  const section = sent.section?.kind;
  if (section === 'goals' || section === 'family_history') return [];
  const out: FactOf<'limitation'>[] = [];
  const matches = activities.match(sent.text);
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (NOT_FUNCTION.test(sent.text.slice(m.start))) continue;
    // "...before she has to get up and walk around", "prior to needing to sit down": the relief, not the limited activity.
    if (RELIEF_ACTION.test(sent.text.slice(Math.max(0, m.start - 45), m.start))) continue;
    const clause = clauseAround(sent.text, m.start, m.end);
    // The amount belongs to this activity if it comes before the next activity word in the clause.
    const nextStart = matches[i + 1] && matches[i + 1].start < clause.end ? matches[i + 1].start : clause.end;
    const after = sent.text.slice(m.end, Math.max(m.end, nextStart));
    const before = sent.text.slice(Math.max(clause.start, m.start - 25), m.start);
    const amt = AMOUNT.exec(after) ?? (/(?:\d|lbs?\.?|pounds?)\s*(?:-|\s)?(?:lb|pound)?s?\s*(?:lifting\s*)?$/i.test(before) ? AMOUNT.exec(before) : null);
    // "She walks one block", "sits 20 minutes" told by the patient: a tolerance needs no restriction word.
    const reportedTolerance = amt !== null && amt.index < 25 && TOLERANCE_UNIT.test(amt[2]) && (PATIENT.test(sent.text) || (section !== undefined && PATIENT_SECTIONS.has(section)));
    if (!CUE.test(clause.text) && !reportedTolerance) continue;
    const attributes: FactOf<'limitation'>['attributes'] = { activity: m.entry.id, source: 'provider', text: clause.text.trim() };
    if (amt) {
      const n = parseNumber(amt[1]);
      if (n !== undefined) { attributes.limit = n; attributes.unit = unitOf(amt[2]); }
    }
    for (const [f, re] of FREQUENCIES) if (re.test(clause.text)) { attributes.frequency = f; break; }
    if (attributes.frequency === 'never' && attributes.limit !== undefined) delete attributes.frequency;
    const patientVoice = PATIENT.test(sent.text) || (section !== undefined && PATIENT_SECTIONS.has(section));
    attributes.source = section !== undefined && PROVIDER_SECTIONS.has(section) && !PATIENT.test(sent.text) ? 'provider' : patientVoice ? 'patient' : 'provider';
    // A bare activity word with a soft cue ("pain with sitting") is only a limitation in the patient's voice or with an amount.
    if (attributes.limit === undefined && attributes.frequency === undefined && attributes.source === 'provider' && !/\b(?:no|avoid|restrict|unable|cannot|can't|limit|should not|may not)/i.test(clause.text)) continue;
    out.push({ ...mentionBase(sent, 'limitation', m.start, m.end, { meaningfulNegation: RESTRICTION_NEGATION }), type: 'limitation', attributes });
  }
  // Rehab grading of the same activity ("ambulates 150 feet with min assist") adds nothing to a limitation already read.
  for (const f of extractFunctionalStatus(sent)) if (!out.some((o) => o.attributes.activity === f.attributes.activity)) out.push(f);
  return out;
}
