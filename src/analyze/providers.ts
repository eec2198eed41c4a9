import type { Encounter, Specialty } from '../model/index.js';

const SPECIALTY_WORDS: Record<Specialty, string> = {
  primary_care: 'primary care', physical_therapy: 'physical therapy', chiropractic: 'chiropractic',
  pain_management: 'pain management', orthopedic_surgery: 'orthopedic surgery', neurosurgery: 'neurosurgery',
  radiology: 'radiology', neurology: 'neurology/EMG', psychology: 'psychology', psychiatry: 'psychiatry',
  ime: 'independent medical exam', fce: 'functional capacity evaluation', occupational_medicine: 'occupational medicine',
  physiatry: 'physiatry', emergency: 'emergency', occupational_therapy: 'occupational therapy', other: 'other', unknown: 'unknown',
};

export function specialtyWords(s: Specialty): string {
  return SPECIALTY_WORDS[s];
}

/** "Dr. Lee (pain management)"; unnamed providers are described by specialty so a request still has an addressee. */
export function providerLabel(enc: Encounter | undefined): string {
  if (!enc) return 'the treating provider';
  const spec = enc.specialty === 'unknown' || enc.specialty === 'other' ? undefined : SPECIALTY_WORDS[enc.specialty];
  const name = enc.provider.name?.trim();
  if (name) {
    const cred = enc.provider.credential && !name.includes(enc.provider.credential) && !/^dr\.?\s/i.test(name) ? `, ${enc.provider.credential}` : '';
    return spec ? `${name}${cred} (${spec})` : `${name}${cred}`;
  }
  if (enc.provider.organization) return spec ? `${enc.provider.organization} (${spec})` : enc.provider.organization;
  return spec ? `the treating ${spec} provider` : 'the treating provider';
}

// 20 CFR 404.1502(a) / SSA handbook 0615: acceptable medical sources. PTs and chiropractors are not.
const AMS_CREDENTIAL = /^(md|do|mbbs|pa|pa-c|np|aprn|fnp|fnp-c|dnp|crnp|phd|psyd|dpm|od|ccc-slp|slp|aud|audd)$/i;
const NON_AMS_CREDENTIAL = /^(pt|dpt|pta|mpt|dc|ot|otr|otr\/l|cota|lmt|lac|l\.ac|atc|lcsw|lpc|rn|lpn|ma)$/i;
const AMS_SPECIALTIES: Specialty[] = [
  'primary_care', 'pain_management', 'orthopedic_surgery', 'neurosurgery', 'radiology', 'neurology',
  'psychology', 'psychiatry', 'ime', 'occupational_medicine', 'physiatry', 'emergency',
];

/** Whether SSA would treat the encounter's author as an acceptable medical source; undefined when unknown. */
export function isAcceptableMedicalSource(enc: Encounter | undefined): boolean | undefined {
  if (!enc) return undefined;
  const creds = (enc.provider.credential ?? '').split(/[\s,]+/).filter(Boolean);
  if (creds.some((c) => AMS_CREDENTIAL.test(c))) return true;
  if (creds.some((c) => NON_AMS_CREDENTIAL.test(c))) return false;
  if (/^dr\.?\s/i.test(enc.provider.name ?? '') && enc.specialty !== 'chiropractic' && enc.specialty !== 'physical_therapy') return true;
  if (AMS_SPECIALTIES.includes(enc.specialty)) return true;
  if (['physical_therapy', 'chiropractic', 'occupational_therapy', 'fce'].includes(enc.specialty)) return false;
  return undefined;
}

/** Specialties that treat (as opposed to read films, rate, or see once in the ER). */
export function isTreatingSpecialty(s: Specialty): boolean {
  return !['radiology', 'ime', 'emergency', 'fce'].includes(s);
}
