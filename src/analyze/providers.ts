/** Provider labels for analysis sentences, and who counts as an acceptable medical source or a treating specialty. */
import type { Encounter, Provider, Specialty } from '../model/index.js';
import { specialtyIs } from '../model/specialties.js';

const SPECIALTY_WORDS: Record<Specialty, string> = {
  primary_care: 'primary care', physical_therapy: 'physical therapy', chiropractic: 'chiropractic',
  pain_management: 'pain management', orthopedic_surgery: 'orthopedic surgery', neurosurgery: 'neurosurgery',
  radiology: 'radiology', neurology: 'neurology/EMG', psychology: 'psychology', psychiatry: 'psychiatry',
  ime: 'independent medical exam', fce: 'functional capacity evaluation', occupational_medicine: 'occupational medicine',
  physiatry: 'physiatry', rheumatology: 'rheumatology', cardiology: 'cardiology', pulmonology: 'pulmonology', nephrology: 'nephrology', gastroenterology: 'gastroenterology', podiatry: 'podiatry', emergency: 'emergency', occupational_therapy: 'occupational therapy', other: 'other', unknown: 'unknown',
};

/** "Dr. Lee (pain management)"; unnamed providers are described by specialty so a request still has an addressee. */
export function providerLabel(enc: Encounter | undefined): string {
  if (!enc) return 'the treating provider';
  return labelOf(enc.provider, enc.specialty, enc.documentRole === 'examining' ? 'examining' : 'treating');
}

function labelOf(provider: Provider, specialty: Specialty, role: 'treating' | 'examining' = 'treating'): string {
  const spec = specialty === 'unknown' || specialty === 'other' ? undefined : SPECIALTY_WORDS[specialty];
  const name = provider.name?.trim();
  if (name) {
    const cred = provider.credential && !name.includes(provider.credential) && !/^dr\.?\s/i.test(name) ? `, ${provider.credential}` : '';
    return spec ? `${name}${cred} (${spec})` : `${name}${cred}`;
  }
  if (provider.organization) return spec ? `${provider.organization} (${spec})` : provider.organization;
  return spec ? `the ${role} ${spec} provider` : `the ${role} provider`;
}

const TITLE = /^(dr|doctor|prof)\.?\s+/i;
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

/** Name words without title, credential or suffix: "Dr. Helen Marchetti, MD" → ["helen", "marchetti"]. */
function nameWords(name: string): string[] {
  return name.replace(TITLE, '').split(',')[0].split(/\s+/).map((w) => w.toLowerCase()).filter((w) => w && !SUFFIX.test(w));
}

/** Same surname, and any given name or initial agrees: "Dr. Marchetti" or "H. Marchetti" is "Helen Marchetti". */
function couldBe(short: string[], full: string[]): boolean {
  if (short.length > full.length || short.join(' ') === full.join(' ') || short.at(-1) !== full.at(-1)) return false;
  return short.slice(0, -1).every((w, i) => full[i] !== undefined && full[i].startsWith(w.replace(/\.$/, '')));
}

/**
 * Labels for the people in one case. An author is labelled with the fullest form of their name found in the
 * case and with their own specialty (the most frequent one across their encounters), so a note that names
 * only "Dr. Marchetti", or a report filed under another department, still reads "Helen Marchetti, MD
 * (orthopedic surgery)".
 */
export function providerDirectory(encounters: Encounter[]): (enc: Encounter | undefined) => string {
  const named = encounters.filter((e) => e.provider.name?.trim());
  const fullNames = new Map<string, Encounter>();
  for (const e of named) {
    const key = nameWords(e.provider.name!).join(' ');
    const cur = fullNames.get(key);
    if (!cur || (!cur.provider.credential && e.provider.credential)) fullNames.set(key, e);
  }
  const canonical = new Map<string, string>();
  for (const key of fullNames.keys()) {
    const words = key.split(' ');
    const fuller = [...fullNames.keys()].filter((k) => k !== key && couldBe(words, k.split(' ')));
    canonical.set(key, fuller.length === 1 ? fuller[0] : key);
  }
  // The author's specialty: the most frequent one on encounters under their full name, else under any alias.
  const specialtyCounts = new Map<string, Map<Specialty, number>>();
  // A physician who writes a note about therapy or an FCE is still the physician: those labels belong to therapists.
  const physician = (e: Encounter) => /\b(?:MD|M\.D\.|DO|D\.O\.)\b/.test(e.provider.credential ?? e.provider.name ?? '');
  for (const e of named) {
    if (e.specialty === 'unknown' || e.specialty === 'other' || (physician(e) && (specialtyIs(e.specialty, 'therapist') || specialtyIs(e.specialty, 'not_acceptable_source')))) continue;
    const key = nameWords(e.provider.name!).join(' ');
    const counts = specialtyCounts.get(key) ?? new Map<Specialty, number>();
    counts.set(e.specialty, (counts.get(e.specialty) ?? 0) + 1);
    specialtyCounts.set(key, counts);
  }
  const specialtyOf = (target: string): Specialty => {
    const own = specialtyCounts.get(target);
    const pooled = own ?? new Map<Specialty, number>();
    if (!own) for (const [key, to] of canonical) if (to === target) for (const [s, n] of specialtyCounts.get(key) ?? []) pooled.set(s, (pooled.get(s) ?? 0) + n);
    return [...pooled].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
  };
  const labels = new Map<string, string>();
  for (const [key, target] of canonical) labels.set(key, labelOf(fullNames.get(target)!.provider, specialtyOf(target)));
  return (enc) => {
    const name = enc?.provider.name?.trim();
    return name ? labels.get(nameWords(name).join(' '))! : providerLabel(enc);
  };
}

// 20 CFR 404.1502(a) / SSA handbook 0615: acceptable medical sources. PTs and chiropractors are not.
const AMS_CREDENTIAL = /^(md|do|mbbs|pa|pa-c|np|aprn|fnp|fnp-c|dnp|crnp|phd|psyd|dpm|od|ccc-slp|slp|aud|audd)$/i;
const NON_AMS_CREDENTIAL = /^(pt|dpt|pta|mpt|dc|ot|otr|otr\/l|cota|lmt|lac|l\.ac|atc|lcsw|lpc|rn|lpn|ma)$/i;

/** Whether SSA would treat the encounter's author as an acceptable medical source; undefined when unknown. */
export function isAcceptableMedicalSource(enc: Encounter | undefined): boolean | undefined {
  if (!enc) return undefined;
  const creds = (enc.provider.credential ?? '').split(/[\s,]+/).filter(Boolean);
  if (creds.some((c) => AMS_CREDENTIAL.test(c))) return true;
  if (creds.some((c) => NON_AMS_CREDENTIAL.test(c))) return false;
  if (/^dr\.?\s/i.test(enc.provider.name ?? '') && enc.specialty !== 'chiropractic' && enc.specialty !== 'physical_therapy') return true;
  if (specialtyIs(enc.specialty, 'acceptable_source')) return true;
  if (specialtyIs(enc.specialty, 'not_acceptable_source')) return false;
  return undefined;
}

/** Specialties that treat (as opposed to read films, rate, or see once in the ER). */
export function isTreatingSpecialty(s: Specialty): boolean {
  return !['radiology', 'ime', 'emergency', 'fce'].includes(s);
}
