import type { FactOf } from '../model/index.js';
import { loadLexicon, type LexiconEntry } from './lexicon.js';
import { clauseAround, levelOf, mentionBase, sideOf, type SentenceCtx } from './mention.js';

interface FindingEntry extends LexiconEntry {
  label: string;
  category: 'imaging' | 'electrodiagnostic' | 'exam';
  abnormal: boolean;
  needs?: string;
}
const findings = loadLexicon<FindingEntry>('extract/findings.json');
const needs = new Map(findings.entries.filter((e) => e.needs).map((e) => [e.id, new RegExp(e.needs!, 'i')]));
/**
 * An imaging finding named outside an imaging report counts only when the sentence ties it to a study
 * ("MRI showed a full-thickness tear"); a bare diagnosis ("seen for rotator cuff tear", "Referring dx: HNP") is not a finding.
 */
const IMAGING_CONTEXT = /\b(?:MRI|MR|CT|CAT|x-?rays?|radiograph(?:s|y|ic)?|films?|imaging|scan|sonogram|ultrasound|US|arthrogram|myelogram|stud(?:y|ies)|show(?:s|ed|n|ing)?|demonstrat(?:es|ed|ing)|reveal(?:s|ed|ing)?|confirm(?:s|ed|ing)?|visualized|seen on|noted on|evidence of|consistent with|impression|findings?)\b/i;
const IMAGING_SECTIONS = new Set(['imaging', 'impression']);

const REGION = /\b(lumbar|lumbosacral|cervical|thoracic|shoulder|knee|hip|wrist|elbow|ankle|hand|foot|L-?spine|C-?spine)\b/i;

export function extractFindings(sent: SentenceCtx): FactOf<'objective_finding'>[] {
  if (sent.section?.kind === 'goals') return [];
  const out: FactOf<'objective_finding'>[] = [];
  const isEmg = sent.encounter.kind === 'emg';
  for (const m of findings.match(sent.text)) {
    const need = needs.get(m.entry.id);
    if (need && !isEmg && !need.test(sent.text)) continue;
    if (m.entry.category === 'imaging' && sent.encounter.kind !== 'imaging' && !IMAGING_SECTIONS.has(sent.section?.kind ?? '') && !IMAGING_CONTEXT.test(sent.text)) continue;
    const clause = clauseAround(sent.text, m.start, m.end);
    const attributes: FactOf<'objective_finding'>['attributes'] = { category: m.entry.category, finding: m.entry.id, label: m.entry.label, abnormal: m.entry.abnormal };
    const level = levelOf(clause.text); if (level) attributes.level = level;
    const side = sideOf(clause.text); if (side) attributes.side = side;
    const region = REGION.exec(clause.text)?.[1]; if (region) attributes.bodyRegion = region.toLowerCase().replace(/^l-?spine$/, 'lumbar').replace(/^c-?spine$/, 'cervical');
    out.push({ ...mentionBase(sent, 'objective_finding', m.start, m.end), type: 'objective_finding', attributes });
  }
  return out;
}
