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
const REGION = /\b(lumbar|lumbosacral|cervical|thoracic|shoulder|knee|hip|wrist|elbow|ankle|hand|foot|L-?spine|C-?spine)\b/i;

export function extractFindings(sent: SentenceCtx): FactOf<'objective_finding'>[] {
  if (sent.section?.kind === 'goals') return [];
  const out: FactOf<'objective_finding'>[] = [];
  const isEmg = sent.encounter.kind === 'emg';
  for (const m of findings.match(sent.text)) {
    const need = needs.get(m.entry.id);
    if (need && !isEmg && !need.test(sent.text)) continue;
    const clause = clauseAround(sent.text, m.start, m.end);
    const attributes: FactOf<'objective_finding'>['attributes'] = { category: m.entry.category, finding: m.entry.id, label: m.entry.label, abnormal: m.entry.abnormal };
    const level = levelOf(clause.text); if (level) attributes.level = level;
    const side = sideOf(clause.text); if (side) attributes.side = side;
    const region = REGION.exec(clause.text)?.[1]; if (region) attributes.bodyRegion = region.toLowerCase().replace(/^l-?spine$/, 'lumbar').replace(/^c-?spine$/, 'cervical');
    out.push({ ...mentionBase(sent, 'objective_finding', m.start, m.end), type: 'objective_finding', attributes });
  }
  return out;
}
