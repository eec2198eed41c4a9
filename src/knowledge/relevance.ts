/**
 * Care for conditions other than the claimed one (blood pressure, cholesterol, stomach, thyroid, diabetes, heart,
 * lungs): by the drug's class, or by the indication written with it ("calcium carbonate PRN heartburn").
 * Such care is shown apart and never counts as treatment of the claimed impairment.
 */
import type { Fact } from '../model/index.js';
import { z } from 'zod';
import { phrasesSource, readLexiconFile } from './lexicon.js';

const ClaimableCondition = z.object({
  id: z.string().min(1), label: z.string().min(1), classes: z.array(z.string().min(1)).min(1), diagnoses: z.array(z.string().min(1)).min(1),
  operations: z.array(z.string().min(1)).optional(),
});
const drugs = readLexiconFile('extract/drugs.json', z.looseObject({
  otherConditionClasses: z.object({
    classes: z.array(z.string().min(1)), indications: z.array(z.string().min(1)),
    claimable: z.looseObject({ conditions: z.array(ClaimableCondition) }),
  }),
  mentalHealthClasses: z.looseObject({ classes: z.array(z.string().min(1)) }),
}));
const data = drugs.otherConditionClasses;
const passing = readLexiconFile('extract/diagnoses.json', z.looseObject({
  passingIllnesses: z.object({ description: z.string(), icd10: z.array(z.string().min(1)), names: z.array(z.string().min(1)) }),
})).passingIllnesses;
const PASSING_CODE = new RegExp(`^(?:${passing.icd10.join('|')})`, 'i');
const PASSING_NAME = new RegExp(phrasesSource(passing.names), 'i');
const MENTAL_HEALTH = new Set(drugs.mentalHealthClasses.classes.map((c) => c.toLowerCase()));

/** A chronic medical condition a claim may allege beside the musculoskeletal one: its drug classes and diagnoses. */
export type ClaimableCondition = z.infer<typeof ClaimableCondition>;
export const CLAIMABLE_CONDITIONS: readonly ClaimableCondition[] = data.claimable.conditions;
const OTHER = new Set(data.classes.map((c) => c.toLowerCase()));
/** The indication right after the drug ("… PRN heartburn", "… for blood pressure"). */
const INDICATION = new RegExp(`^[^.;\\n]{0,40}?\\b(?:for|prn|p\\.r\\.n\\.|as needed for)?\\s*${phrasesSource(data.indications)}`, 'i');

/** A drug whose class treats another condition (lisinopril, atorvastatin, omeprazole). */
export function isOtherConditionDrugClass(drugClass: string | undefined): boolean {
  return !!drugClass && OTHER.has(drugClass.toLowerCase());
}

/** A drug that treats a mental disorder (sertraline, bupropion, aripiprazole), not the pain of a physical one. */
export function isMentalHealthDrugClass(drugClass: string | undefined): boolean {
  return !!drugClass && MENTAL_HEALTH.has(drugClass.toLowerCase());
}

/** The words after a drug name its use for another condition. */
export function namesOtherIndication(textAfterDrug: string): boolean {
  return INDICATION.test(textAfterDrug);
}

/** Care for another condition; `otherCondition: false` is the analysis's ruling that the condition is claimed. */
export function isForOtherCondition(f: Fact): boolean {
  if (f.type !== 'treatment' || f.attributes.otherCondition === false) return false;
  if (f.attributes.modality !== 'medication') return !!f.attributes.otherCondition;
  return !!f.attributes.otherCondition || isOtherConditionDrugClass(f.attributes.drugClass);
}

/** A diagnosis no claim is about: a sinusitis, a UTI, an annual physical (lexicon/extract/diagnoses.json). */
export function isPassingIllness(f: Fact): boolean {
  if (f.type !== 'diagnosis') return false;
  return f.attributes.code ? PASSING_CODE.test(f.attributes.code) : PASSING_NAME.test(f.attributes.name);
}

/** An operation for another condition (a bariatric program, a hernia repair): not an option for the claimed one. */
const OTHER_OPERATION = /\b(?:bariatric|gastric|sleeve|metabolic surgery|cholecyst\w*|hernia|cataract|dental|hysterect\w*|appendect\w*|tonsillect\w*|thyroidect\w*|mastect\w*|cesarean|c-section|LASIK|vasectom\w*)\b/i;
export function namesOtherOperation(text: string): boolean {
  return OTHER_OPERATION.test(text);
}

/** Body regions as notes name them; the spine's synonyms fold into their segment. */
const REGION = /\b(femoral neck|intertrochanteric|subtrochanteric|acetabul(?:ar|um)|tibial plateau|menisc(?:us|al|i)|patell(?:a|ar)|rotator cuff|acromioclavicular|proximal humer(?:us|al)|humeral head|distal radius|scaphoid|carpal tunnel|cubital tunnel|epicondyl(?:e|itis|ar)|malleol(?:us|ar)|bimalleolar|trimalleolar|Achilles|calcane(?:us|al)|plantar fasci(?:a|itis)|sacroiliac|lumbar|lumbosacral|low back|lower back|cervical|neck|thoracic|shoulder|glenohumeral|subacromial|knee|hip|wrist|elbow|ankle|hand|thumb|finger|foot|toe|L-?spine|C-?spine)(?:s|es)?\b/i;
/** Synonyms and named bones folded into their region ("femoral neck" is the hip's, not the neck's). */
const REGION_OF: Record<string, string> = {
  lumbosacral: 'lumbar', 'low back': 'lumbar', 'lower back': 'lumbar', neck: 'cervical', lspine: 'lumbar', 'l-spine': 'lumbar', cspine: 'cervical', 'c-spine': 'cervical',
  glenohumeral: 'shoulder', subacromial: 'shoulder', thumb: 'hand', finger: 'hand', toe: 'foot',
  'femoral neck': 'hip', intertrochanteric: 'hip', subtrochanteric: 'hip', acetabular: 'hip', acetabulum: 'hip', 'tibial plateau': 'knee',
  'rotator cuff': 'shoulder', 'proximal humerus': 'shoulder', 'proximal humeral': 'shoulder', 'humeral head': 'shoulder', 'distal radius': 'wrist', scaphoid: 'wrist',
  malleolus: 'ankle', malleolar: 'ankle', bimalleolar: 'ankle', trimalleolar: 'ankle', calcaneus: 'foot', calcaneal: 'foot',
  meniscus: 'knee', meniscal: 'knee', menisci: 'knee', patella: 'knee', patellar: 'knee', acromioclavicular: 'shoulder', 'carpal tunnel': 'wrist',
  'cubital tunnel': 'elbow', epicondyle: 'elbow', epicondylitis: 'elbow', epicondylar: 'elbow', achilles: 'ankle', 'plantar fascia': 'foot',
  'plantar fasciitis': 'foot', sacroiliac: 'lumbar',
};

/** The body region a text names last ("R shoulder bursitis - subacromial corticosteroid injection" → shoulder), if any. */
export function lastBodyRegionIn(text: string): string | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(new RegExp(REGION.source, 'gi'))) last = m[1].toLowerCase();
  return last && (REGION_OF[last] ?? last);
}

/** The body region a text names first ("Left knee intra-articular injection" → knee), if any. */
export function bodyRegionIn(text: string): string | undefined {
  const m = REGION.exec(text);
  if (!m) return undefined;
  const w = m[1].toLowerCase();
  return REGION_OF[w] ?? w;
}
