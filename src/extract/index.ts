import type { Encounter, Fact, Section, SourceDocument } from '../model/index.js';
import { splitSentences } from '../segment/sentences.js';
import { findSections } from '../segment/sections.js';
import { makeSentence, type SentenceCtx } from './mention.js';
import { extractTreatments } from './treatments.js';
import { extractBenefits, extractMeasures } from './measures.js';
import { extractFindings } from './findings.js';
import { extractLimitations } from './limitations.js';
import { extractDiagnoses } from './diagnoses.js';
import { extractImpairment, extractMmi, extractPlanSignals, extractPrognosis, extractWorkStatus } from './statements.js';

const EXTRACTORS: ((s: SentenceCtx) => Fact[])[] = [
  extractTreatments, extractMeasures, extractBenefits, extractFindings, extractLimitations,
  extractWorkStatus, extractPrognosis, extractPlanSignals, extractMmi, extractImpairment, extractDiagnoses,
];

/** New curative treatment recommended or planned in this sentence: a counter-signal to MMI. */
function newTreatmentSignals(facts: Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) {
    if (f.type !== 'treatment' || (f.attributes.status !== 'planned' && f.attributes.status !== 'recommended')) continue;
    if (f.attributes.modality === 'medication' && f.attributes.doseChange !== 'started') continue;
    if (f.attributes.modality === 'imaging_study') continue;
    out.push({ ...f, id: f.id.replace(':treatment:', ':plan_signal:'), type: 'plan_signal', attributes: { signal: 'new_treatment', target: f.attributes.subtype ? `${f.attributes.modality} (${f.attributes.subtype})` : f.attributes.drug ?? f.attributes.modality } });
  }
  return out;
}

function sectionAt(sections: Section[], offset: number): Section | undefined {
  for (let i = sections.length - 1; i >= 0; i--) if (sections[i].start <= offset) return sections[i];
  return undefined;
}

/** Extract facts from every encounter of a text document, with context flags, dates and evidence. */
export function extractFacts(doc: SourceDocument, encounters: Encounter[]): Fact[] {
  const facts: Fact[] = [];
  const ids = new Set<string>();
  for (const enc of encounters) {
    const sections = findSections(doc.text, enc.start, enc.end);
    for (const span of splitSentences(doc.text, enc.start, enc.end)) {
      const sent = makeSentence(doc, enc, span.start, span.end, sectionAt(sections, span.start));
      const found: Fact[] = [];
      for (const x of EXTRACTORS) found.push(...x(sent));
      found.push(...newTreatmentSignals(found));
      for (const f of found) {
        let id = f.id; let n = 1;
        while (ids.has(id)) id = `${f.id}.${++n}`;
        ids.add(id);
        facts.push(id === f.id ? f : { ...f, id });
      }
    }
  }
  return facts;
}
