/** Care for conditions other than the claimed one: shown apart, never counted as treatment of the claim. */
import type { Fact } from '../model/index.js';
import { readLexiconFile } from '../extract/lexicon.js';

const OTHER = new Set(readLexiconFile<{ otherConditionClasses: { classes: string[] } }>('extract/drugs.json').otherConditionClasses.classes.map((c) => c.toLowerCase()));

/** A drug whose class treats another condition (lisinopril, atorvastatin, omeprazole). */
export function isOtherConditionDrugClass(drugClass: string | undefined): boolean {
  return !!drugClass && OTHER.has(drugClass.toLowerCase());
}

export function isForOtherCondition(f: Fact): boolean {
  return f.type === 'treatment' && f.attributes.modality === 'medication' && isOtherConditionDrugClass(f.attributes.drugClass);
}
