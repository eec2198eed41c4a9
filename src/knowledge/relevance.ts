/**
 * Care for conditions other than the claimed one (blood pressure, cholesterol, stomach, thyroid, diabetes, heart,
 * lungs): by the drug's class, or by the indication written with it ("calcium carbonate PRN heartburn").
 * Such care is shown apart and never counts as treatment of the claimed impairment.
 */
import type { Fact } from '../model/index.js';
import { z } from 'zod';
import { phraseSource, readLexiconFile } from './lexicon.js';

const data = readLexiconFile('extract/drugs.json', z.looseObject({ otherConditionClasses: z.object({ classes: z.array(z.string().min(1)), indications: z.array(z.string().min(1)) }) })).otherConditionClasses;
const OTHER = new Set(data.classes.map((c) => c.toLowerCase()));
/** The indication right after the drug ("… PRN heartburn", "… for blood pressure"). */
const INDICATION = new RegExp(`^[^.;\\n]{0,40}?\\b(?:for|prn|p\\.r\\.n\\.|as needed for)?\\s*(?:${data.indications.map(phraseSource).join('|')})`, 'i');

/** A drug whose class treats another condition (lisinopril, atorvastatin, omeprazole). */
export function isOtherConditionDrugClass(drugClass: string | undefined): boolean {
  return !!drugClass && OTHER.has(drugClass.toLowerCase());
}

/** The words after a drug name its use for another condition. */
export function namesOtherIndication(textAfterDrug: string): boolean {
  return INDICATION.test(textAfterDrug);
}

export function isForOtherCondition(f: Fact): boolean {
  return f.type === 'treatment' && f.attributes.modality === 'medication' && (!!f.attributes.otherCondition || isOtherConditionDrugClass(f.attributes.drugClass));
}
