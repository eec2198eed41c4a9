/** Outcome measure facts: pain scores, disability indices, range of motion and strength, with their values. */
import type { FactOf } from '../model/index.js';
import { loadLexicon, type LexiconEntry } from '../knowledge/lexicon.js';
import { treatedBy } from './treatments.js';
import { mentionBase, parseNumber, sideOf, type SentenceCtx } from './mention.js';

type Instrument = FactOf<'outcome_measure'>['attributes']['instrument'];
/** `name` marks an instrument outside the enum; `unit` one measured in a quantity (seconds, distance, force) rather than scored. */
interface InstrumentEntry extends LexiconEntry { id: Instrument; max?: number; higherIsBetter: boolean; name?: string; unit?: 'seconds' | 'distance' | 'force' }
const instruments = loadLexicon<InstrumentEntry>('extract/instruments.json');

const NUM = String.raw`(\d{1,3}(?:\.\d+)?)`;
/** Value right after an instrument name, with an optional "from X to Y" change. */
const VALUE_AFTER = new RegExp(String.raw`^\s*(?:(?:score|index|total|average|avg|today|currently|is|was|of|at|=|:|-|\(|improved|worsened|decreased|increased|went|has|from)\s*)*` + NUM + String.raw`\s*(%|/\s*\d{1,3}|points?)?(?:\s*(?:%|/\s*\d{1,3}))?(?:\s*(?:to|→|->)\s*` + NUM + String.raw`\s*(%|/\s*\d{1,3})?)?`, 'i');
/** "pain 7/10", "7/10 pain", "pain improved from 8/10 to 5/10", "rates her pain as 6 out of 10". */
const PAIN_SCORE = new RegExp(String.raw`(?<![\d/.])(?:(\d{1,2}(?:\.\d)?)\s*(?:/|out of)\s*10\s*(?:to|→|->|down to|now)\s*)?(\d{1,2}(?:\.\d)?)(?:\s*-\s*(\d{1,2}))?\s*(?:/|out of)\s*10(?![\d/])`, 'gi');
const PAIN_CONTEXT = /\b(?:pain|NRS|NPRS|VAS|rates?|rated|rating|intensity|severity|discomfort|symptoms|ache|hurts)\b/i;
const FROM_X_TO = /\bfrom\s+(\d{1,2}(?:\.\d)?)\s*(?:\/\s*10)?\s*(?:to|down to)\s*$/i;
/** A motion named in an exam ("lumbar flexion", "right lateral bending", "range of motion"). */
const MOTION = /\b((?:(?:lumbar|cervical|thoracic|trunk|shoulder|hip|knee|ankle|elbow|wrist|neck)\s+)?(?:(?:left|right)\s+)?(?:(?:forward|active|passive)\s+)?(?:flexion|extension|abduction|adduction|(?:internal|external)\s+rotation|rotation|lateral (?:flexion|bending)|side ?bending|dorsiflexion|plantar ?flexion|elevation|pronation|supination|inversion|eversion)|range of motion|ROM)\b/gi;
/** "0 to 85 degrees", "45°", "20 degrees (normal 25)". */
const DEGREES = /(?<![\d.])(?:(\d{1,3})\s*(?:to|-|–)\s*)?(\d{1,3})\s*(?:°|degrees?\b|deg\b)(?:\s*\((?:normal|nl|WNL|expected|norm)\s*(?:is\s*)?(\d{1,3})\s*(?:°|degrees?)?\))?/gi;
/** Right after a motion: "Flexion 50/60" (measured/normal) or "extension 20 (normal 25)"; "5/5" and "7/10" are grades, not degrees. */
const RATIO_AFTER_MOTION = /^[\s:,-]*(?:is\s+|was\s+|of\s+)?(\d{1,3})\s*(?:\/\s*(\d{2,3})(?![\d/])|\(\s*(?:normal|nl|expected|norm)\s*(?:is\s*)?(\d{1,3})\s*(?:°|degrees?)?\s*\))/i;
const ROM_SECTION = /range of motion|\bROM\b|motion/i;
const QTY_LEAD = String.raw`^[\s:,=-]*(?:(?:score|scores|time|result|test|testing|distance|was|is|were|of|in|at|measured|completed|took|tested|today|now|currently|\()\s*)*`;
/** "TUG 14.2 seconds", "completed in 18 sec". */
const SECONDS_AFTER = new RegExp(QTY_LEAD + String.raw`(\d{1,3}(?:\.\d+)?)\s*(?:seconds?|secs?\.?|s)\b`, 'i');
/** "6MWT 820 feet", "six-minute walk distance of 310 meters". */
const DISTANCE_AFTER = new RegExp(QTY_LEAD + String.raw`(\d{1,4}(?:,\d{3})?(?:\.\d+)?)\s*(feet|ft\.?|meters?|metres?|m)\b`, 'i');
/** Grip readings after the name: "right 45 lb, left 30 lb", "R 22 kg / L 18 kg", "40 pounds on the left". */
const FORCE_READING = /\b(?:(left|right|L|R)\b\s*(?:hand)?\s*[:=-]?\s*)?(\d{1,3}(?:\.\d+)?)\s*(lbs?\.?|pounds?|kg|kilograms?)\b(?:\s+(?:on|with|in)\s+(?:the\s+)?(left|right))?/gi;

/** Readings of an instrument measured in a quantity, right after its name (sentence-relative spans). */
function quantityReadings(text: string, nameStart: number, nameEnd: number, entry: InstrumentEntry): { start: number; end: number; attributes: FactOf<'outcome_measure'>['attributes'] }[] {
  const after = text.slice(nameEnd, nameEnd + 90);
  const base = { instrument: entry.id, ...(entry.name ? { name: entry.name } : {}) };
  if (entry.unit === 'seconds' || entry.unit === 'distance') {
    const m = (entry.unit === 'seconds' ? SECONDS_AFTER : DISTANCE_AFTER).exec(after);
    if (!m) return [];
    const unit = entry.unit === 'seconds' ? 'seconds' : /^m/i.test(m[2]) ? 'meters' : 'feet';
    return [{ start: nameStart, end: nameEnd + m[0].length, attributes: { ...base, value: Number(m[1].replace(/,/g, '')), unit } }];
  }
  const out: { start: number; end: number; attributes: FactOf<'outcome_measure'>['attributes'] }[] = [];
  // Readings follow the name in one run: stop at the first stretch of words that is not a reading.
  let last = 0;
  for (const m of after.matchAll(FORCE_READING)) {
    if (!/^[\s,;:/&()-]*(?:and|with|on|of|was|were|is|testing|tested|measured|revealed|showed|bilaterally|\s)*[\s,;:/&()-]*$/i.test(after.slice(last, m.index))) break;
    last = m.index + m[0].length;
    const attributes: FactOf<'outcome_measure'>['attributes'] = { ...base, value: Number(m[2]), unit: /^k/i.test(m[3]) ? 'kg' : 'lb', motion: 'grip' };
    const side = (m[1] ?? m[4])?.toLowerCase();
    if (side) attributes.side = side.startsWith('l') ? 'left' : 'right';
    out.push({ start: out.length === 0 ? nameStart : nameEnd + m.index, end: nameEnd + last, attributes });
  }
  return out;
}

const STRENGTH = /(?<![\d/.])([0-5])([+-])?\s*\/\s*5(?![\d/])/g;
const MUSCLE = /\b(EHL|extensor hallucis longus|dorsiflexion|dorsiflexors?|plantar ?flexion|plantar ?flexors?|hip flex(?:ion|ors?)|hip abduct(?:ion|ors?)|hip extensors?|quadriceps|quads|hamstrings?|knee (?:extension|flexion)|ankle (?:dorsiflexion|plantarflexion)|deltoids?|biceps|triceps|wrist (?:extensors?|flexors?|extension|flexion)|grip|intrinsics|finger (?:abduction|flexors)|shoulder (?:abduction|flexion|external rotation|internal rotation)|external rotation|abduction|rotator cuff|supraspinatus|gastrocnemius|tibialis anterior|gluteus medius|(?:left |right )?(?:knee|hip|ankle|shoulder|elbow|wrist|lower extremit(?:y|ies)|upper extremit(?:y|ies)))\b/i;

/** A therapy goal ("Patient will demonstrate 5/5 strength", "The patient is to report maximum 3/10 pain"): a target, not a measurement. */
const GOAL = /\b(?:goals?|will (?:be able|demonstrate|report|improve|achieve|tolerate|increase|ambulate|perform)|(?:is|are) to (?:demonstrate|report|tolerate|achieve|perform|ambulate|be independent|increase|improve|return)|target)\b/i;
export function isGoalSentence(sent: SentenceCtx): boolean {
  return sent.section?.kind === 'goals' || GOAL.test(sent.text);
}

export interface StrengthGrade { start: number; end: number; value: number; muscle?: string; side?: 'left' | 'right' | 'bilateral' }

/** Manual muscle test grades ("3/5", "4+/5", "+5/5") with strength context; a bare "5/5" elsewhere is not one. */
export function strengthGrades(text: string): StrengthGrade[] {
  const out: StrengthGrade[] = [];
  for (const m of text.matchAll(STRENGTH)) {
    const near = text.slice(Math.max(0, m.index - 50), Math.min(text.length, m.index + m[0].length + 40));
    const muscle = MUSCLE.exec(near) ?? (/\b(?:strength|motor|muscle|MMT)\b/i.test(near) ? null : undefined);
    if (muscle === undefined) continue;
    const g: StrengthGrade = { start: m.index, end: m.index + m[0].length, value: Number(m[1]) + (m[2] === '+' ? 0.5 : m[2] === '-' ? -0.5 : 0) };
    if (muscle) g.muscle = muscle[1].toLowerCase();
    const side = sideOf(near); if (side) g.side = side;
    out.push(g);
  }
  return out;
}

interface RomReading { start: number; end: number; attributes: FactOf<'outcome_measure'>['attributes'] }

/** Degrees measured for a motion: the nearest motion named before the number in the sentence (or the ROM section). */
function romReadings(sent: SentenceCtx): RomReading[] {
  const text = sent.text;
  const motions = [...text.matchAll(MOTION)];
  const romSection = ROM_SECTION.test(sent.section?.title ?? '');
  if (motions.length === 0 && !romSection) return [];
  const out: RomReading[] = [];
  const used = new Set<number>();
  const reading = (start: number, end: number, value: number, normal: number | undefined, motionAt: number | undefined): void => {
    if (value > 360 || (normal !== undefined && (normal > 360 || value > normal * 1.5))) return;
    const motion = motionAt === undefined ? 'range of motion' : motions[motionAt][1].replace(/\s+/g, ' ').toLowerCase();
    const attributes: FactOf<'outcome_measure'>['attributes'] = { instrument: 'ROM', value, unit: 'degrees', motion };
    if (normal !== undefined) attributes.max = normal;
    const from = motionAt === undefined ? start : motions[motionAt].index;
    const side = sideOf(text.slice(Math.max(0, from - 40), end)); if (side) attributes.side = side;
    // The first reading for a motion cites from the motion's name; a second one ("…, and the left knee 0 to 85 degrees") only its numbers.
    const fromMotion = motionAt !== undefined && !used.has(motionAt);
    if (motionAt !== undefined) used.add(motionAt);
    out.push({ start: fromMotion ? Math.min(start, from) : start, end, attributes });
  };
  const motionBefore = (at: number): number | undefined => {
    let best: number | undefined;
    motions.forEach((m, i) => { if (m.index + m[0].length <= at && at - (m.index + m[0].length) < 120) best = i; });
    return best;
  };
  motions.forEach((m, i) => {
    const r = RATIO_AFTER_MOTION.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (!r) return;
    const end = m.index + m[0].length + r[0].length;
    const normal = Number(r[2] ?? r[3]);
    if (normal < 15) return;
    reading(m.index, end, Number(r[1]), normal, i);
  });
  for (const d of text.matchAll(DEGREES)) {
    if (out.some((o) => d.index < o.end && d.index + d[0].length > o.start)) continue;
    const at = motionBefore(d.index);
    if (at === undefined && !romSection) continue;
    reading(d.index, d.index + d[0].length, Number(d[2]), d[3] !== undefined ? Number(d[3]) : undefined, at);
  }
  return out;
}

function directionOf(prev: number, value: number, higherIsBetter: boolean): 'improved' | 'worsened' | 'unchanged' {
  if (prev === value) return 'unchanged';
  return (value > prev) === higherIsBetter ? 'improved' : 'worsened';
}

/** Two or more further readings in columns two or more spaces apart, on the same line. */
/** The rest of a chain of readings after its first two: " -> 30% -> 24% -> 18%". */
const ARROW_CHAIN = /^(?:\s*(?:->|→)\s*\d{1,3}(?:\.\d+)?\s*%?)+/;
const COLUMN_SERIES = /^(?:[ \t]{2,}\d+(?:\.\d+)?[ \t]*%?){2,}/;

export function extractMeasures(sent: SentenceCtx): FactOf<'outcome_measure'>[] {
  if (isGoalSentence(sent)) return [];
  const out: FactOf<'outcome_measure'>[] = [];
  const taken: [number, number][] = [];
  const push = (s: number, e: number, attributes: FactOf<'outcome_measure'>['attributes']) => {
    if (taken.some(([a, b]) => s < b && e > a)) return;
    taken.push([s, e]);
    out.push({ ...mentionBase(sent, 'outcome_measure', s, e), type: 'outcome_measure', attributes });
  };
  for (const m of instruments.match(sent.text)) {
    const entry = m.entry;
    if (entry.unit) {
      for (const r of quantityReadings(sent.text, m.start, m.end, entry)) push(r.start, r.end, r.attributes);
      continue;
    }
    const v = VALUE_AFTER.exec(sent.text.slice(m.end, m.end + 60));
    if (!v || entry.max === undefined) continue;
    // A measures table's row ("NDI   48%   40%   30%   22%" under dated columns): the last column is the note's own
    // reading, the first the earlier one.
    // So is a chain of readings ("NDI 48% -> 40% -> 30% -> 18% (04/11/2023)"): its last one, from its first.
    const row = (v[3] === undefined ? COLUMN_SERIES : ARROW_CHAIN).exec(sent.text.slice(m.end + v[0].length, m.end + v[0].length + 120));
    const lastCell = row ? [...row[0].matchAll(/\d+(?:\.\d+)?%?/g)].at(-1) : undefined;
    const end = m.end + v[0].length + (lastCell ? lastCell.index + lastCell[0].length : 0);
    const first = Number(v[1]);
    const second = lastCell ? Number.parseFloat(lastCell[0]) : v[3] !== undefined ? Number(v[3]) : undefined;
    const scale = /\/\s*(\d+)/.exec(v[2] ?? v[4] ?? '');
    const max = scale ? Number(scale[1]) : /%/.test(v[0]) ? 100 : entry.max;
    const value = second ?? first;
    if (value > max) continue;
    const attributes: FactOf<'outcome_measure'>['attributes'] = { instrument: entry.id, value, max };
    if (entry.name) attributes.name = entry.name;
    if (/%/.test(v[0])) attributes.unit = '%';
    if (second !== undefined) { attributes.previous = first; attributes.direction = directionOf(first, second, entry.higherIsBetter); }
    push(m.start, end, attributes);
  }
  if (PAIN_CONTEXT.test(sent.text)) {
    for (const m of sent.text.matchAll(PAIN_SCORE)) {
      const hi = m[3] !== undefined ? Number(m[3]) : undefined;
      const value = hi !== undefined ? (Number(m[2]) + hi) / 2 : Number(m[2]);
      if (value > 10) continue;
      const vas = /\bVAS\b|visual analog/i.test(sent.text.slice(Math.max(0, m.index - 40), m.index));
      const attributes: FactOf<'outcome_measure'>['attributes'] = { instrument: vas ? 'VAS' : 'NRS', value, max: 10 };
      const prevText = m[1] ?? FROM_X_TO.exec(sent.text.slice(Math.max(0, m.index - 30), m.index))?.[1];
      if (prevText !== undefined) { attributes.previous = Number(prevText); attributes.direction = directionOf(attributes.previous, value, false); }
      push(m.index, m.index + m[0].length, attributes);
    }
  }
  for (const r of romReadings(sent)) push(r.start, r.end, r.attributes);
  for (const g of strengthGrades(sent.text)) {
    const attributes: FactOf<'outcome_measure'>['attributes'] = { instrument: 'strength', value: g.value, max: 5 };
    if (g.muscle) attributes.motion = g.muscle;
    if (g.side) attributes.side = g.side;
    push(g.start, g.end, attributes);
  }
  return out;
}

const RELIEF = /(?:(\d{1,3})\s*(?:-\s*\d{1,3}\s*)?%|(\d{1,3})\s*percent)\s*(?:(?:leg|back|neck|arm|radicular|axial|knee|shoulder|hip|overall|symptom|headache|pain)\s+){0,2}(?:relief|improvement|improved|reduction|better|decrease|pain relief|benefit)|(?:relief|improvement|reduction in (?:her |his )?(?:pain|symptoms))\s+(?:of|by)\s+(?:about |approximately |~)?(\d{1,3})\s*%|\b(?:improved|better|reduced|decreased)\s+(?:by\s+)?(?:about |approximately |around |roughly |~)?(\d{1,3})\s*(?:-\s*\d{1,3}\s*)?%/gi;
const NO_RELIEF = /\b(?:no|without|minimal|little|zero|did not (?:get|obtain|receive|provide|give|have) (?:any|much)?\s*|failed to (?:provide|give))\s*(?:significant |lasting |meaningful |appreciable |any )?(?:relief|benefit|improvement)\b|\bdid not help\b|\bwas not helpful\b|\bnot (?:helpful|effective|beneficial)\b/gi;
const TRANSIENT = /\b(?:brief|transient|temporary|short-?lived|short[- ]term|fleeting)\s+(?:\w+\s+)?(?:relief|benefit|improvement|response)\b|\((?:transient|brief|temporary)(?: relief| benefit)?\)/i;
const RELIEF_THRESHOLD = /\b(?:if|unless|criteri(?:a|on)|requires?|required|needs?|goal(?: of)?|expect\w*|minimum of)\b[^.;]{0,15}$/i;
const NUM_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
/** "for 3 weeks", "lasted anywhere from four to six months", "lasting between 2 and 3 weeks": the first figure of a range is kept. */
const DURATION = new RegExp(String.raw`\b(?:for|lasting|lasted|lasts|x|over|which lasted|that lasted|duration of|helped|relieved)\s+(?:about|approximately|around|roughly|only|nearly|almost|~)?\s*(?:anywhere\s+)?(?:from\s+|between\s+)?(\d+(?:\.\d+)?|${NUM_WORD}|a few|several|a couple of|a|an)\s*(?:(?:-|to|and)\s*(?:\d+(?:\.\d+)?|${NUM_WORD})\s*)?(days?|weeks?|wks?|months?|mos?|years?)\b`, 'i');
/** "about two weeks of partial relief": the length stated before the relief. */
const DURATION_OF_RELIEF = new RegExp(String.raw`\b(?:(?:about|approximately|around|roughly|only|nearly|almost|~)\s*)?(\d+(?:\.\d+)?|${NUM_WORD}|a few|several|a couple of)\s*(?:(?:-|to)\s*(?:\d+(?:\.\d+)?|${NUM_WORD})\s*)?(days?|weeks?|wks?|months?|mos?)\s+of\s+(?:\w+\s+){0,2}(?:relief|benefit|improvement)\b`, 'i');
/** A pain diary's span: "relief from day 2 to about day 14". */
const DAY_SPAN = /\bfrom (?:post-?op(?:erative)? )?day (\d{1,3}) (?:to|until|through) (?:about |approximately )?day (\d{1,3})\b/i;
const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };
function toDays(amount: string, unit: string): number | undefined {
  const n = parseNumber(amount.replace(/^a (?:few|couple of)$/i, (w) => (w.includes('few') ? 'few' : 'couple')));
  return n !== undefined ? Math.round(n * UNIT_DAYS[unit[0].toLowerCase()]) : undefined;
}
/** How long relief lasted, in the first of the forms a note uses, with where it was said. */
function durationDays(text: string): { days?: number; text: string; index: number; length: number } | undefined {
  const span = DAY_SPAN.exec(text);
  if (span && Number(span[2]) > Number(span[1])) return { days: Number(span[2]) - Number(span[1]), text: span[0], index: span.index, length: span[0].length };
  const d = DURATION.exec(text);
  if (d) return { days: toDays(d[1], d[2]), text: d[0].replace(/^\S+\s+/, ''), index: d.index, length: d[0].length };
  const b = DURATION_OF_RELIEF.exec(text);
  if (b) return { days: toDays(b[1], b[2]), text: b[0].trim(), index: b.index, length: b[0].length };
  return undefined;
}

export function extractBenefits(sent: SentenceCtx): FactOf<'benefit'>[] {
  const out: FactOf<'benefit'>[] = [];
  if (sent.section?.kind === 'goals') return out;
  // Cheap pre-check: every benefit phrase needs one of these words; most sentences have none.
  if (!/relie|benefit|improve|better|reduc|decreas|help|effective|last|transient|brief|temporar/i.test(sent.text)) return out;
  const modality = treatedBy(sent.text);
  // "Injection helped night pain for about 3 weeks", "injection 05/20 helped about 2-3 weeks": a treatment's relief and its length.
  const lasting = /\b(?:relief|benefit|improvement|effect)\b[^.;]{0,20}\b(?:lasted|lasting)\b/i.test(sent.text) || /\blasted\b/i.test(sent.text)
    || DURATION_OF_RELIEF.test(sent.text)
    || (modality !== undefined && /\b(?:helped|relieved)\b/i.test(sent.text));
  for (const m of sent.text.matchAll(RELIEF)) {
    const percent = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
    // "If < 50% relief, refer to surgery", "proceed to RFA with ≥80% relief": a criterion, not a result.
    if (percent > 100 || RELIEF_THRESHOLD.test(sent.text.slice(Math.max(0, m.index - 25), m.index))) continue;
    const attributes: FactOf<'benefit'>['attributes'] = { percentRelief: percent };
    const dur = durationDays(sent.text.slice(m.index));
    if (dur) { attributes.durationText = dur.text; if (dur.days !== undefined) attributes.durationDays = dur.days; }
    if (modality) attributes.modality = modality;
    out.push({ ...mentionBase(sent, 'benefit', m.index, m.index + m[0].length), type: 'benefit', attributes });
  }
  if (out.length === 0) {
    for (const m of sent.text.matchAll(NO_RELIEF)) {
      if (!modality && !/\b(?:relief|benefit)\b/i.test(m[0])) continue;
      const attributes: FactOf<'benefit'>['attributes'] = { noRelief: true, percentRelief: 0 };
      if (/minimal|little/i.test(m[0])) { attributes.noRelief = true; delete attributes.percentRelief; }
      if (modality) attributes.modality = modality;
      out.push({ ...mentionBase(sent, 'benefit', m.index, m.index + m[0].length), type: 'benefit', attributes });
      break;
    }
  }
  // "ESI x2 (transient)", "two epidurals with brief relief": relief that did not last, said without figures.
  const transient = modality ? TRANSIENT.exec(sent.text) : null;
  if (out.length === 0 && transient) {
    const attributes: FactOf<'benefit'>['attributes'] = { durationText: transient[0].replace(/[()]/g, '') };
    if (modality) attributes.modality = modality;
    out.push({ ...mentionBase(sent, 'benefit', transient.index, transient.index + transient[0].length), type: 'benefit', attributes });
  }
  if (out.length === 0 && lasting && (modality || /\b(?:relief|benefit)\b/i.test(sent.text))) {
    const before = DURATION_OF_RELIEF.exec(sent.text);
    const from = before ? before.index : Math.max(0, sent.text.search(/\b(?:helped|relieved|relief|benefit|lasted|lasting)\b/i));
    const dur = durationDays(sent.text.slice(from));
    if (dur) {
      const i = from + dur.index;
      const attributes: FactOf<'benefit'>['attributes'] = { durationText: dur.text };
      if (modality) attributes.modality = modality;
      if (dur.days !== undefined) attributes.durationDays = dur.days;
      out.push({ ...mentionBase(sent, 'benefit', i, i + dur.length), type: 'benefit', attributes });
    }
  }
  return out;
}
