import type { FactOf } from '../model/index.js';
import { loadLexicon, readLexiconFile, type LexiconEntry } from './lexicon.js';
import { mentionBase, type SentenceCtx } from './mention.js';

interface DiagnosisEntry extends LexiconEntry { bodyRegion?: string }
const diagnoses = loadLexicon<DiagnosisEntry>('extract/diagnoses.json');
const ICD10 = new RegExp(readLexiconFile<{ icd10: string }>('extract/diagnoses.json').icd10, 'g');
const DIAGNOSIS_SECTIONS = new Set(['assessment', 'impression']);
const DIAGNOSIS_LINE = /\b(?:diagnos(?:is|es|ed)|dx|impression|assessment)\b/i;

/** Diagnoses stated in assessment/impression/diagnosis lines, or anywhere an ICD-10 code is given. */
export function extractDiagnoses(sent: SentenceCtx): FactOf<'diagnosis'>[] {
  const section = sent.section?.kind;
  const codes = [...sent.text.matchAll(ICD10)];
  const inDxContext = (section !== undefined && DIAGNOSIS_SECTIONS.has(section)) || DIAGNOSIS_LINE.test(sent.text) || /diagnos/i.test(sent.section?.title ?? '');
  if (!inDxContext && codes.length === 0) return [];
  if (section === 'family_history') return [];
  const out: FactOf<'diagnosis'>[] = [];
  const usedCodes = new Set<number>();
  for (const m of diagnoses.match(sent.text)) {
    const attributes: FactOf<'diagnosis'>['attributes'] = { name: m.entry.id };
    if (m.entry.bodyRegion) attributes.bodyRegion = m.entry.bodyRegion;
    // A code written right next to the name ("lumbar radiculopathy (M54.16)", "M54.16 Lumbar radiculopathy").
    const code = codes.find((c) => !usedCodes.has(c.index) && (Math.abs(c.index - m.end) < 12 || Math.abs(m.start - (c.index + c[0].length)) < 12));
    if (code) { attributes.code = code[1]; usedCodes.add(code.index); }
    if (!inDxContext && !code) continue;
    out.push({ ...mentionBase(sent, 'diagnosis', m.start, m.end, { dating: 'encounter' }), type: 'diagnosis', attributes });
  }
  for (const c of codes) {
    if (usedCodes.has(c.index)) continue;
    // An unnamed code: the words after it up to the line end name it ("M54.5 Low back pain").
    const rest = /^\s*[-–:)]?\s*([A-Za-z][^\n;,(]{2,60})/.exec(sent.text.slice(c.index + c[0].length));
    const before = /([A-Za-z][^\n;:()]{2,60})\s*[(\-–:]?\s*$/.exec(sent.text.slice(Math.max(0, c.index - 60), c.index));
    const name = (rest?.[1] ?? before?.[1] ?? c[1]).trim();
    out.push({ ...mentionBase(sent, 'diagnosis', c.index, c.index + c[0].length, { dating: 'encounter' }), type: 'diagnosis', attributes: { name, code: c[1] } });
  }
  return out;
}
