import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EncounterKind, Modality, Specialty } from '../model/index.js';
import { modalityFromText } from '../knowledge/cpt.js';

/** Lookups over lexicon/fhir-codes.json: what a SNOMED/LOINC/NUCC code or display word means for a claim. */

type Instrument = 'NRS' | 'VAS' | 'ODI' | 'NDI' | 'LEFS' | 'QuickDASH' | 'DASH' | 'PSFS' | 'other';
interface Lexicon {
  treatments: { code: string; display: string; modality: Modality | null; subtype?: string }[];
  treatmentTerms: { pattern: string; modality: Modality }[];
  encounterTypes: { code: string; kind: EncounterKind; specialty: Specialty }[];
  classes: { code: string; kind: EncounterKind; specialty?: Specialty }[];
  taxonomy: { code: string; specialty: Specialty; label: string }[];
  qualifications: { pattern: string; credential: string; specialty?: Specialty }[];
  specialtyTerms: { pattern: string; specialty: Specialty }[];
  instruments: { loinc: string[]; pattern: string; instrument: Instrument; max?: number }[];
}

const lex = JSON.parse(readFileSync(fileURLToPath(new URL('../../lexicon/fhir-codes.json', import.meta.url)), 'utf8')) as Lexicon;
const treatmentTerms = lex.treatmentTerms.map((t) => ({ re: new RegExp(t.pattern, 'i'), modality: t.modality }));
const qualifications = lex.qualifications.map((q) => ({ ...q, re: new RegExp(q.pattern, 'i') }));
const specialtyTerms = lex.specialtyTerms.map((t) => ({ re: new RegExp(t.pattern, 'i'), specialty: t.specialty }));
const instruments = lex.instruments.map((i) => ({ ...i, re: new RegExp(i.pattern, 'i') }));

export interface Coded { codes: string[]; text: string }

/**
 * The treatment a coded concept names. A code listed with modality null is known not to be a claim
 * treatment (rest, diet) and stops the display-text fallback from guessing.
 */
export function treatmentOf(c: Coded): { modality: Modality; subtype?: string } | undefined {
  for (const code of c.codes) {
    const row = lex.treatments.find((t) => t.code === code);
    if (row) return row.modality ? { modality: row.modality, subtype: row.subtype } : undefined;
  }
  const modality = treatmentTerms.find((t) => t.re.test(c.text))?.modality ?? modalityFromText(c.text);
  return modality ? { modality } : undefined;
}

export function encounterTypeOf(codes: string[]): { kind: EncounterKind; specialty: Specialty } | undefined {
  for (const code of codes) {
    const row = lex.encounterTypes.find((t) => t.code === code);
    if (row) return row;
  }
  return undefined;
}

export function encounterClassOf(code: string | undefined): { kind: EncounterKind; specialty?: Specialty } | undefined {
  return code ? lex.classes.find((c) => c.code === code.toUpperCase()) : undefined;
}

export function specialtyOfTaxonomy(codes: string[]): Specialty | undefined {
  return lex.taxonomy.find((t) => codes.includes(t.code))?.specialty;
}

export function specialtyFromText(text: string | undefined): Specialty | undefined {
  return text ? specialtyTerms.find((t) => t.re.test(text))?.specialty : undefined;
}

/** "DPT", "Doctor of Chiropractic", "MD" → normalised credential and the discipline it implies, if any. */
export function qualificationOf(text: string | undefined): { credential: string; specialty?: Specialty } | undefined {
  const t = text?.trim();
  return t ? qualifications.find((q) => q.re.test(t)) : undefined;
}

/** Outcome instrument measured by an Observation (LOINC code first, then its name); undefined for vitals, labs etc. */
export function instrumentOf(c: Coded): { instrument: Instrument; max?: number } | undefined {
  return instruments.find((i) => i.loinc.some((l) => c.codes.includes(l))) ?? instruments.find((i) => i.re.test(c.text));
}
