/**
 * One author, one discipline, within a clinical document: a follow-up note that mentions an IME, an MRI or a
 * surgeon is still the attending doctor's visit. Each author's specialty is the one most of their encounters in
 * the document show (the letterhead's, when the notes themselves say nothing), and report kinds that belong
 * to other papers (IME, imaging, FCE) do not stick to a treating author's visit notes.
 */
import type { Encounter, EncounterKind, Specialty } from '../model/index.js';
import { isMedicalCredential, specialtiesIn } from '../model/specialties.js';
import { specialtyFromCredential } from './classify.js';

/** Specialties a visit note's words can suggest without the author practising them. */
/** (A heart or lung specialist's consult inside a hospital record does not make the record theirs.) */
const BORROWED = new Set<Specialty>(['ime', 'fce', 'radiology', 'unknown', 'other', ...specialtiesIn('organ_specialty')]);
/** Disciplines a physician never practises as the note's author (a pain doctor's note about CBT is still a pain doctor's). */
const THERAPIST = specialtiesIn('therapist');
const ORGAN = specialtiesIn('organ_specialty');
const BORROWED_KINDS = new Set<EncounterKind>(['ime', 'imaging', 'fce', 'emg']);
/**
 * "ELECTRODIAGNOSTIC REPORT   DOS 05/10/2023   Performed/interpreted: K. Aune, MD": the physician's own study, titled so
 * (a follow-up under a "Spine & EMG" letterhead is a visit).
 */
const OWN_STUDY_TITLE = /\b(?:EMG|NCS|NCV|electrodiagnostic|electromyograph\w*|nerve conduction)\b[^\n]*\b(?:report|study|studies|testing|interpretation)\b/i;
/** A kind read from what a note talks about (an IME, a scan, an EMG), not from what its author wrote. */
const borrowedKind = (e: Encounter): boolean => BORROWED_KINDS.has(e.kind) && !(e.kind === 'emg' && OWN_STUDY_TITLE.test(e.title ?? ''));
const THERAPY_KINDS = new Set<EncounterKind>(['pt_evaluation', 'pt_progress', 'pt_discharge']);
const MENTAL_HEALTH = specialtiesIn('mental_health');
/** Labels that name no practice's discipline. */
const NO_PRACTICE = new Set<Specialty>(['unknown', 'radiology', 'ime', 'fce', 'other', 'emergency']);
/** Disciplines a majority vote never imposes on an author's other notes. */
const SETTLES_NOTHING = new Set<Specialty>(['psychiatry', 'psychology', 'emergency']);

/**
 * The organ specialty an author's notes carry more often than any other discipline (twice at least), if any. The file's
 * letterhead ("Rashid M. Doe, MD, FCCP - Pulmonary Disease", above the first visit) counts as one of them.
 */
function organPlurality(list: Encounter[], letterhead: Specialty | undefined): Specialty | undefined {
  const counts = new Map<Specialty, number>();
  if (letterhead && ORGAN.has(letterhead)) counts.set(letterhead, 1);
  for (const e of list) if (!NO_PRACTICE.has(e.specialty)) counts.set(e.specialty, (counts.get(e.specialty) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && ORGAN.has(first[0]) && first[1] >= 2 && (!second || second[1] < first[1]) ? first[0] : undefined;
}

/** "V. Sethi" and "Vikram Sethi" are one author: first initial and surname. */
function authorKey(e: Encounter): string {
  const words = e.provider.name?.toLowerCase().replace(/[^a-z ]/g, ' ').split(/\s+/).filter(Boolean) ?? [];
  return words.length ? `${words[0][0]} ${words[words.length - 1]}` : '';
}

/**
 * Across the case: a treating physician's notes in a file whose words are all about an examiner ("The IME panel
 * report arrived; I concur with the IME") are still the treating physician's, when her other files show her discipline.
 * An examiner's own report (an examining document) is left as it is.
 */
export function harmonizeAuthors(encounters: Encounter[]): void {
  const seen = new Map<string, Map<Specialty, number>>();
  for (const e of encounters) {
    const key = authorKey(e);
    if (!key || e.documentRole !== 'clinical' || BORROWED.has(e.specialty) || THERAPIST.has(e.specialty)) continue;
    const counts = seen.get(key) ?? new Map<Specialty, number>();
    counts.set(e.specialty, (counts.get(e.specialty) ?? 0) + 1);
    seen.set(key, counts);
  }
  for (const e of encounters) {
    if (e.documentRole !== 'clinical' || (e.specialty !== 'ime' && e.specialty !== 'unknown')) continue;
    if (!isMedicalCredential(e.provider.credential) && !isMedicalCredential(e.provider.name)) continue;
    const own = [...(seen.get(authorKey(e)) ?? [])].sort((a, b) => b[1] - a[1])[0];
    if (!own || own[1] < 2) continue;
    e.specialty = own[0];
    if (borrowedKind(e)) e.kind = 'office_visit';
  }
}

export function harmonizeEncounters(encounters: Encounter[], documentRole: 'clinical' | 'examining' | 'administrative'): void {
  if (documentRole !== 'clinical' || encounters.length < 2) return;
  const byAuthor = new Map<string, Encounter[]>();
  const docSpecialty = encounters.find((e) => !BORROWED.has(e.specialty))?.specialty;
  // (The file's first part holds its letterhead, alone or above the first visit.)
  const letterheadSpecialty = encounters[0].specialty;
  for (const e of encounters) {
    const key = authorKey(e);
    const list = byAuthor.get(key) ?? [];
    list.push(e);
    byAuthor.set(key, list);
  }
  // Unsigned notes in a clinic's file whose one named author is a physician ("POST-OP VISIT   01/09/2024 … Then FCE.",
  // no signature, under the surgeon's letterhead) are that practice's visits: an FCE or an IME they mention is not their kind.
  const named = [...byAuthor.keys()].filter(Boolean);
  const principal = named.length === 1 ? byAuthor.get(named[0])! : undefined;
  const principalSpecialty = principal?.some((e) => isMedicalCredential(e.provider.credential) || isMedicalCredential(e.provider.name))
    ? principal.map((e) => e.specialty).find((sp) => !BORROWED.has(sp) && !THERAPIST.has(sp)) : undefined;
  if (principalSpecialty) {
    for (const e of byAuthor.get('') ?? []) {
      if (!borrowedKind(e) && !BORROWED.has(e.specialty)) continue;
      if (BORROWED.has(e.specialty)) e.specialty = principalSpecialty;
      if (borrowedKind(e)) e.kind = 'office_visit';
    }
  }
  for (const [author, list] of byAuthor) {
    // A radiologist's reports (or an examiner's) filed with another author's notes are what they say they are.
    if (author && list.every((e) => borrowedKind(e))) continue;
    const physician = list.some((e) => isMedicalCredential(e.provider.credential) || isMedicalCredential(e.provider.name));
    // A counsellor's licence ("LCMHC", "LCSW") names the one discipline they practise: their letter that mentions the
    // primary care provider is still theirs. (Therapists may hold two: a hand therapist is often both OT and PT.)
    const licensed = physician || !author ? undefined
      : list.map((e) => specialtyFromCredential(e.provider.credential)).find((sp) => sp && MENTAL_HEALTH.has(sp));
    if (licensed) {
      for (const e of list) e.specialty = licensed;
      continue;
    }
    // A pulmonologist's or cardiologist's own notes, most of them under that discipline, are that discipline's: one
    // that mentions psychiatry ("on new medication from psychiatry"), an ED visit or a film read is still theirs.
    const organ = physician && author ? organPlurality(list, letterheadSpecialty) : undefined;
    if (organ) {
      for (const e of list) {
        if (BORROWED.has(e.specialty) || MENTAL_HEALTH.has(e.specialty) || e.specialty === 'emergency') e.specialty = organ;
        if (borrowedKind(e) || e.kind === 'emergency_visit') e.kind = 'office_visit';
      }
      continue;
    }
    // A physician whose other notes, or whose practice's letterhead, show another discipline saw the claimant in the
    // office, not in the emergency room ("x-ray negative at urgent care" in an orthopaedist's history).
    const practised = (sp: Specialty | undefined) => !!sp && !BORROWED.has(sp) && sp !== 'emergency' && !THERAPIST.has(sp);
    const elsewhere = list.some((e) => practised(e.specialty)) || practised(docSpecialty);
    const borrowed = (sp: Specialty) => BORROWED.has(sp) || (physician && THERAPIST.has(sp)) || (physician && elsewhere && sp === 'emergency');
    const counts = new Map<Specialty, number>();
    for (const e of list) if (!borrowed(e.specialty)) counts.set(e.specialty, (counts.get(e.specialty) ?? 0) + 1);
    // On a tie the letterhead's discipline wins: a rheumatologist's notes that send the claimant back to her PCP
    // are as many as those that name rheumatology, and the letterhead says which she practises.
    const letterhead = (sp: Specialty) => (sp === docSpecialty ? 1 : 0);
    // With no discipline of their own in the notes, an author takes the document's, unless their licence names another
    // (an orthotist's notes filed with the therapist's who trains the claimant in the brace).
    const licence = list.map((e) => specialtyFromCredential(e.provider.credential)).find((sp) => sp);
    const own = [...counts].sort((a, b) => b[1] - a[1] || letterhead(b[0]) - letterhead(a[0]))[0]?.[0] ?? (author ? licence ?? docSpecialty : undefined);
    // Notes nobody signed take a mental-health discipline only when most of them show it: one note about low mood among
    // a family doctor's diabetes visits does not make them all counselling.
    const unsignedMinority = !author && !!own && MENTAL_HEALTH.has(own) && (counts.get(own) ?? 0) * 2 <= list.length;
    // An author's office visits are never film reads: "radiology" on them (an echo or an MRI discussed), or no
    // discipline at all, gives way to the practice's whose notes these are (a cardiology group's other author).
    if (!own && author) {
      const practice = encounters.find((e) => !NO_PRACTICE.has(e.specialty) && e.kind === 'office_visit')?.specialty;
      if (practice) for (const e of list) if ((e.specialty === 'radiology' || e.specialty === 'unknown') && e.kind === 'office_visit') e.specialty = practice;
      continue;
    }
    if (!own || list.length < 2 || borrowed(own) || unsignedMinority) {
      // A physician's progress reports that mention the therapy ordered are still a physician's, of a discipline unknown here.
      if (physician && author) for (const e of list) if (THERAPIST.has(e.specialty)) { e.specialty = 'other'; if (THERAPY_KINDS.has(e.kind)) e.kind = 'office_visit'; }
      continue;
    }
    // A physician practises one discipline: a pain doctor's note that talks about psychiatry or neurosurgery is still
    // a pain-management visit, once most of the author's notes say so.
    // Mental health is the exception: a family doctor's notes about depression can outnumber his back-pain visits.
    const settled = physician && !SETTLES_NOTHING.has(own) && (counts.get(own) ?? 0) * 2 + letterhead(own) > [...counts.values()].reduce((a, b) => a + b, 0);
    // A neurologist's follow-ups that talk mostly about PTSD and mood are still a neurologist's: under a letterhead of
    // another discipline that the author's own notes also show, a physician's mental-health-sounding visits take it.
    const letterheadDiscipline = physician && docSpecialty && MENTAL_HEALTH.has(own) && !MENTAL_HEALTH.has(docSpecialty) && counts.has(docSpecialty) ? docSpecialty : undefined;
    if (letterheadDiscipline) for (const e of list) if (MENTAL_HEALTH.has(e.specialty)) e.specialty = letterheadDiscipline;
    for (const e of list) {
      if (borrowed(e.specialty) || settled) e.specialty = letterheadDiscipline ?? own;
      if (borrowedKind(e) || (e.kind === 'emergency_visit' && own !== 'emergency')) e.kind = 'office_visit';
    }
  }
}
