/**
 * The specialty table: which disciplines are therapy, therapists, surgeons, mental-health clinicians, examiners and
 * acceptable medical sources. Every stage asks it instead of keeping its own list. No Node imports.
 */
import type { Specialty } from './encounter.js';

export type SpecialtyCategory =
  /** Hands-on therapy in sessions (physical, occupational, chiropractic). */
  | 'therapy'
  /** Non-physician disciplines that treat in sessions: therapy and psychology. */
  | 'therapist'
  | 'surgical'
  | 'mental_health'
  /** Sees the claimant to evaluate, not to treat (IME, FCE). */
  | 'examiner'
  /**
   * An acceptable medical source by discipline (20 CFR 404.1502(a)); PTs, chiropractors and FCE evaluators are not.
   * A credential on the note decides first.
   */
  | 'acceptable_source'
  | 'not_acceptable_source'
  /** An internal-medicine subspecialty (heart, lungs, kidneys, gut and liver): the claim's own care when the claim is that organ's disease. */
  | 'organ_specialty';

const TABLE: Record<Specialty, readonly SpecialtyCategory[]> = {
  primary_care: ['acceptable_source'],
  physical_therapy: ['therapy', 'therapist', 'not_acceptable_source'],
  occupational_therapy: ['therapy', 'therapist', 'not_acceptable_source'],
  chiropractic: ['therapy', 'therapist', 'not_acceptable_source'],
  psychology: ['therapist', 'mental_health', 'acceptable_source'],
  psychiatry: ['mental_health', 'acceptable_source'],
  pain_management: ['acceptable_source'],
  orthopedic_surgery: ['surgical', 'acceptable_source'],
  neurosurgery: ['surgical', 'acceptable_source'],
  // A licensed podiatrist is an acceptable medical source for the foot and ankle (20 CFR 404.1502(a)(4)), and operates on them.
  podiatry: ['surgical', 'acceptable_source'],
  radiology: ['acceptable_source'],
  neurology: ['acceptable_source'],
  ime: ['examiner', 'acceptable_source'],
  fce: ['examiner', 'not_acceptable_source'],
  occupational_medicine: ['acceptable_source'],
  physiatry: ['acceptable_source'],
  rheumatology: ['acceptable_source'],
  cardiology: ['organ_specialty', 'acceptable_source'],
  pulmonology: ['organ_specialty', 'acceptable_source'],
  nephrology: ['organ_specialty', 'acceptable_source'],
  gastroenterology: ['organ_specialty', 'acceptable_source'],
  emergency: ['acceptable_source'],
  other: [],
  unknown: [],
};

export function specialtiesIn(category: SpecialtyCategory): ReadonlySet<Specialty> {
  return new Set((Object.keys(TABLE) as Specialty[]).filter((s) => TABLE[s].includes(category)));
}

export function specialtyIs(s: Specialty, category: SpecialtyCategory): boolean {
  return TABLE[s].includes(category);
}

/** Physicians, physician assistants and nurse practitioners: clinicians who prescribe and are never the therapist. */
const MEDICAL_CREDENTIAL = /\b(?:M\.?D|D\.?O|PA-C|P\.?A|(?:PMH|F)?NP(?:-BC|-C)?|A?PRN|CRNP)\b/;
export function isMedicalCredential(credential: string | undefined): boolean {
  return MEDICAL_CREDENTIAL.test(credential ?? '');
}
