import { z } from 'zod';
import type { Evidence } from './evidence.js';

export const SpecialtySchema = z.enum([
  'primary_care', 'physical_therapy', 'chiropractic', 'pain_management', 'orthopedic_surgery',
  'neurosurgery', 'radiology', 'neurology', 'psychology', 'psychiatry', 'ime', 'fce',
  'occupational_medicine', 'physiatry', 'rheumatology', 'cardiology', 'pulmonology', 'nephrology', 'gastroenterology', 'podiatry', 'emergency', 'occupational_therapy', 'other', 'unknown',
]);
export type Specialty = z.infer<typeof SpecialtySchema>;

export const EncounterKindSchema = z.enum([
  'office_visit', 'pt_evaluation', 'pt_progress', 'pt_discharge', 'procedure_note', 'operative_report',
  'imaging', 'emg', 'ime', 'impairment_rating', 'fce', 'medical_source_statement', 'work_status_note',
  'consultation', 'emergency_visit', 'billing', 'unknown',
]);
export type EncounterKind = z.infer<typeof EncounterKindSchema>;

/** A procedure or operative note: the record of the act itself, not a later mention of it. */
export function isProcedureRecord(kind: EncounterKind | undefined): boolean {
  return kind === 'procedure_note' || kind === 'operative_report';
}

/** A source statement or rating form: it states opinions and lists care tried or to come, and gives no care itself. */
export function isOpinionForm(kind: EncounterKind | undefined): boolean {
  return kind === 'medical_source_statement' || kind === 'impairment_rating';
}

export interface Provider {
  name?: string;
  /** MD, DO, PA-C, NP, DPT, PT, DC, PhD, PsyD, ... */
  credential?: string;
  organization?: string;
}

/** One visit/report inside a document: [start, end) into the document text. */
export interface Encounter {
  id: string;
  documentId: string;
  file: string;
  start: number;
  end: number;
  /** ISO date of service (YYYY-MM-DD); absent when unknown. */
  date?: string;
  provider: Provider;
  specialty: Specialty;
  kind: EncounterKind;
  title?: string;
  /** Where the date, provider and kind were read from. */
  evidence: Evidence[];
  /** Dated rows of a visit log inside this note (a therapist's daily flowsheet): each row documents one visit. */
  visitRows?: { date: string; evidence: Evidence }[];
  /** Billing lines attached to this date of service (ledger). */
  billing?: BillingLine[];
  source: 'note' | 'ledger' | 'fhir';
  /** Role of the document part the encounter sits in (an IME or designated doctor's report is examining). */
  documentRole?: 'clinical' | 'examining';
  /** An examining report's head, unmarked form options blanked: says which kind of examiner wrote it ("Designated Doctor"). */
  documentTitle?: string;
}

export interface BillingLine {
  date: string;
  provider?: string;
  code?: string;
  icd10?: string[];
  description?: string;
  units?: number;
  charge?: number;
  paid?: number;
  adjustment?: number;
  balance?: number;
  evidence: Evidence;
}

/** A section of an encounter (HPI, Exam, Assessment, Plan, Family history, ...). */
export interface Section {
  title: string;
  /** Normalised kind used by context rules. */
  kind: SectionKind;
  start: number;
  end: number;
}
export type SectionKind =
  | 'chief_complaint' | 'hpi' | 'past_history' | 'surgical_history' | 'family_history' | 'social_history'
  | 'medications' | 'allergies' | 'ros' | 'exam' | 'imaging' | 'assessment' | 'plan' | 'impression'
  | 'procedure' | 'work_status' | 'restrictions' | 'subjective' | 'objective' | 'goals' | 'other';

export interface Sentence {
  start: number;
  end: number;
  text: string;
  section?: Section;
  encounterId: string;
}
