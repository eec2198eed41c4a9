/** Objective finding facts (exam signs, imaging, EMG) from the findings lexicon. */
import type { FactOf, SectionKind } from '../model/index.js';
import { loadLexicon, type LexiconEntry } from '../knowledge/lexicon.js';
import { clauseAround, levelOf, mentionBase, sideOf, type SentenceCtx } from './mention.js';
import { isGoalSentence, strengthGrades } from './measures.js';

interface FindingEntry extends LexiconEntry {
  label: string;
  category: 'imaging' | 'electrodiagnostic' | 'exam';
  abnormal: boolean;
  needs?: string;
  /** Symptom words ("swelling", "pain with flexion") that are findings only when the examiner reports them. */
  examOnly?: boolean;
}
const findings = loadLexicon<FindingEntry>('extract/findings.json');
const needs = new Map(findings.entries.filter((e) => e.needs).map((e) => [e.id, new RegExp(e.needs!, 'i')]));
const byId = new Map(findings.entries.map((e) => [e.id, e]));
/**
 * An imaging finding named outside an imaging report counts only when the sentence ties it to a study
 * ("MRI showed a full-thickness tear"); a bare diagnosis ("seen for rotator cuff tear", "Referring dx: HNP") is not a finding.
 */
const IMAGING_CONTEXT = /\b(?:MRI|MR|CT|CAT|x-?rays?|radiograph(?:s|y|ic)?|films?|imaging|scan|sonogram|ultrasound|US|arthrogram|myelogram|stud(?:y|ies)|show(?:s|ed|n|ing)?|demonstrat(?:es|ed|ing)|reveal(?:s|ed|ing)?|confirm(?:s|ed|ing)?|visualized|seen on|noted on|evidence of|consistent with|impression|findings?)\b/i;
/** An IMPRESSION is a study's reading only in an imaging or EMG report; a consult's IMPRESSION is a clinical assessment. */
function inImagingSection(sent: SentenceCtx): boolean {
  const kind = sent.section?.kind;
  return kind === 'imaging' || (kind === 'impression' && (sent.encounter.kind === 'imaging' || sent.encounter.kind === 'emg'));
}
/** Sections where symptom words are the patient's report or a plan, not an examiner's observation. */
const NOT_EXAM_SECTIONS = new Set<SectionKind>(['chief_complaint', 'hpi', 'subjective', 'ros', 'past_history', 'surgical_history', 'family_history', 'social_history', 'medications', 'allergies', 'plan', 'goals']);

const EXAM_HEADING = /\b(?:PHYSICAL EXAM(?:INATION)?|EXAM(?:INATION)?|OBJECTIVE|Physical Exam(?:ination)?)\s*:/;
/** The reason a study was ordered ("REFERRING DIAGNOSIS: Motor neuron disease") is not what it found. */
const REFERRAL_SECTION = /referr|reason for|indication/i;

const REGION = /\b(lumbar|lumbosacral|cervical|thoracic|shoulder|knee|hip|wrist|elbow|ankle|hand|foot|L-?spine|C-?spine)\b/i;

/** Reflex grade written as "+2/2", "0/4", "1+", "+3": a bare digit is not a grade. */
const REFLEX_GRADE = /(?<![\w/.+])(\+)?([0-4])(\+)?(?:\s*\/\s*([24]))?(?![\w/+])/g;
const REFLEX_WORD = /\b(?:reflex(?:es)?|DTRs?|jerks?|patellar|achilles|biceps|triceps|brachioradialis|quadriceps|hamstrings?|[CLS]\d|upper extremit(?:y|ies)|lower extremit(?:y|ies))\b/gi;
/** Grades that belong to something else when named closer to the number than a reflex is. */
const OTHER_GRADED = /\b(?:pulses?|edema|pitting|strength|motor|effusion|dorsalis pedis|radial|posterior tibial|clonus beats)\b/gi;

function lastIndex(re: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index;
  return at;
}

type Finding = FactOf<'objective_finding'>;
type Attributes = Finding['attributes'];

function attributesFor(entry: FindingEntry, clause: string): Attributes {
  const attributes: Attributes = { category: entry.category, finding: entry.id, label: entry.label, abnormal: entry.abnormal };
  const level = levelOf(clause); if (level) attributes.level = level;
  const side = sideOf(clause); if (side) attributes.side = side;
  const region = REGION.exec(clause)?.[1]; if (region) attributes.bodyRegion = region.toLowerCase().replace(/^l-?spine$/, 'lumbar').replace(/^c-?spine$/, 'cervical');
  return attributes;
}

export function extractFindings(sent: SentenceCtx): Finding[] {
  if (isGoalSentence(sent) || REFERRAL_SECTION.test(sent.section?.title ?? '')) return [];
  const out: Finding[] = [];
  const spans: [number, number][] = [];
  const push = (entry: FindingEntry, s: number, e: number) => {
    const clause = clauseAround(sent.text, s, e);
    spans.push([s, e]);
    out.push({ ...mentionBase(sent, 'objective_finding', s, e), type: 'objective_finding', attributes: attributesFor(entry, clause.text) });
  };
  const isEmg = sent.encounter.kind === 'emg';
  // Run-on notes put the exam heading mid-sentence ("…midfoot. ,PHYSICAL EXAM:, He does have some swelling").
  const examHeadingAt = sent.text.search(EXAM_HEADING);
  const examContext = (m: { start: number }) => !NOT_EXAM_SECTIONS.has(sent.section?.kind ?? 'other') || (examHeadingAt >= 0 && examHeadingAt < m.start);
  for (const m of findings.match(sent.text)) {
    const need = needs.get(m.entry.id);
    if (need && !isEmg && !need.test(sent.text)) continue;
    if (m.entry.examOnly && !examContext(m)) continue;
    if (m.entry.category === 'imaging' && sent.encounter.kind !== 'imaging' && !inImagingSection(sent) && !IMAGING_CONTEXT.test(sent.text)) continue;
    push(m.entry, m.start, m.end);
  }
  const covered = (s: number, e: number) => spans.some(([a, b]) => s < b && e > a);
  // Graded reflexes ("patellar +0/2 bilaterally", "biceps 1+"): the grade says normal or not.
  const reflexSection = /reflex/i.test(sent.section?.title ?? '');
  if (reflexSection || /reflex|DTR|jerk/i.test(sent.text)) {
    for (const m of sent.text.matchAll(REFLEX_GRADE)) {
      if (!m[1] && !m[3] && !m[4]) continue;
      if (covered(m.index, m.index + m[0].length)) continue;
      const before = sent.text.slice(Math.max(0, m.index - 80), m.index);
      const reflexAt = lastIndex(REFLEX_WORD, before);
      if (lastIndex(OTHER_GRADED, before) > reflexAt || (reflexAt < 0 && !reflexSection)) continue;
      const grade = Number(m[2]);
      const entry = byId.get(grade === 2 ? 'normal_reflexes' : grade < 2 ? 'diminished_reflex' : 'hyperreflexia');
      if (entry) push(entry, m.index, m.index + m[0].length);
    }
  }
  // Graded strength: below 5/5 is weakness, 5/5 is normal strength (once per sentence).
  let normalStrength = out.some((f) => f.attributes.finding === 'normal_strength');
  for (const g of strengthGrades(sent.text)) {
    if (covered(g.start, g.end)) continue;
    if (g.value < 5) push(byId.get('weakness')!, g.start, g.end);
    else if (!normalStrength) { push(byId.get('normal_strength')!, g.start, g.end); normalStrength = true; }
  }
  return out;
}
