/**
 * The modality table: one row per kind of care, with its label, the categories the analysis reasons with and the
 * specialties whose own notes and bills document it. Every stage asks this table ("is it an injection?", "who
 * writes its notes?") instead of keeping its own list. No Node imports: the workspace UI uses it too.
 */
import type { Specialty } from './encounter.js';
import type { Modality } from './fact.js';

export type ModalityCategory =
  /** Given in a course of sessions, counted and split into courses by the timeline. */
  | 'session'
  /** A session course whose progress is measured in function (ODI, ROM, strength): therapy proper. */
  | 'therapy'
  /** A needle procedure. */
  | 'injection'
  /** A spinal or diagnostic procedure done in a procedure suite: its own note exists, and its response decides what comes next. */
  | 'spinal_procedure'
  /** An operation or needle procedure: one dated act, not a course. */
  | 'procedure'
  /** Curative or restorative care: while it is under way or recommended, the claimant is not at MMI. */
  | 'active'
  /** Used day to day once prescribed (a drug, a brace, a cane, a home programme): a bare mention means in use now. */
  | 'carried_on'
  /** Given as part of another session (massage or TENS in a therapy visit), not a course of its own. */
  | 'session_component'
  /** Given during an operation as often as on its own (a joint or trigger-point injection at surgery). */
  | 'intra_operative';

/** The timeline lane a modality is drawn in (report chart and workspace). */
export type ModalityLane = 'therapy' | 'medication' | 'injection' | 'surgery' | 'behavioral' | 'imaging' | 'device';

export interface ModalityRow {
  label: string;
  lane: ModalityLane;
  categories: readonly ModalityCategory[];
  /** Specialties whose notes document this care, the usual provider first (a ledger line's specialty). */
  providedBy?: readonly Specialty[];
}

const SPINAL_PROCEDURE: ModalityCategory[] = ['injection', 'spinal_procedure', 'procedure', 'active'];
const PAIN = ['pain_management'] as const;

export const MODALITIES: Record<Modality, ModalityRow> = {
  physical_therapy: { label: 'Physical therapy', lane: 'therapy', categories: ['session', 'therapy', 'active'], providedBy: ['physical_therapy'] },
  occupational_therapy: { label: 'Occupational therapy', lane: 'therapy', categories: ['session', 'therapy', 'active'], providedBy: ['occupational_therapy', 'physical_therapy'] },
  chiropractic: { label: 'Chiropractic', lane: 'therapy', categories: ['session', 'therapy', 'active'], providedBy: ['chiropractic'] },
  work_conditioning: { label: 'Work conditioning', lane: 'therapy', categories: ['session', 'therapy', 'active'], providedBy: ['physical_therapy', 'occupational_therapy'] },
  acupuncture: { label: 'Acupuncture', lane: 'therapy', categories: ['session'] },
  massage: { label: 'Massage', lane: 'therapy', categories: ['session', 'session_component'] },
  psychology: { label: 'Psychology', lane: 'behavioral', categories: ['session'], providedBy: ['psychology'] },
  // An interdisciplinary programme of daily sessions: a functional restoration (chronic pain) or a brain injury day programme.
  pain_program: { label: 'Interdisciplinary program', lane: 'behavioral', categories: ['session', 'active'] },
  home_exercise: { label: 'Home exercise program', lane: 'therapy', categories: ['carried_on'] },
  medication: { label: 'Medication', lane: 'medication', categories: ['carried_on'] },
  tens: { label: 'TENS', lane: 'device', categories: ['carried_on', 'session_component'] },
  brace: { label: 'Brace', lane: 'device', categories: ['carried_on'] },
  assistive_device: { label: 'Assistive device', lane: 'device', categories: ['carried_on'] },
  epidural_injection: { label: 'Epidural steroid injection', lane: 'injection', categories: SPINAL_PROCEDURE, providedBy: PAIN },
  facet_injection: { label: 'Facet injection', lane: 'injection', categories: SPINAL_PROCEDURE, providedBy: PAIN },
  medial_branch_block: { label: 'Medial branch block', lane: 'injection', categories: SPINAL_PROCEDURE, providedBy: PAIN },
  si_joint_injection: { label: 'SI joint injection', lane: 'injection', categories: SPINAL_PROCEDURE, providedBy: PAIN },
  radiofrequency_ablation: { label: 'Radiofrequency ablation', lane: 'injection', categories: SPINAL_PROCEDURE, providedBy: PAIN },
  trigger_point_injection: { label: 'Trigger point injection', lane: 'injection', categories: ['injection', 'procedure', 'active', 'intra_operative'], providedBy: PAIN },
  joint_injection: { label: 'Joint injection', lane: 'injection', categories: ['injection', 'procedure', 'active', 'intra_operative'] },
  other_injection: { label: 'Other injection', lane: 'injection', categories: ['injection', 'procedure', 'active', 'intra_operative'] },
  surgical_consultation: { label: 'Surgical consultation', lane: 'surgery', categories: ['active'] },
  surgery: { label: 'Surgery', lane: 'surgery', categories: ['procedure', 'active'] },
  spinal_cord_stimulator: { label: 'Spinal cord stimulator', lane: 'surgery', categories: ['procedure', 'active'], providedBy: PAIN },
  imaging_study: { label: 'Imaging study', lane: 'imaging', categories: [], providedBy: ['radiology'] },
  // Serial visits to heal a wound (a wound clinic's debridement, total contact casting): curative while the wound is open.
  wound_care: { label: 'Wound care', lane: 'therapy', categories: ['session', 'active'] },
  // Electroconvulsive therapy and transcranial magnetic stimulation: a course of sessions for a mood disorder that
  // medication did not relieve; while a course runs the condition is still being treated.
  neuromodulation: { label: 'Brain stimulation (ECT, TMS)', lane: 'behavioral', categories: ['session', 'active'] },
};

const ALL = Object.keys(MODALITIES) as Modality[];

/** Every modality in a category, as a set for membership tests. */
export function modalitiesIn(category: ModalityCategory): ReadonlySet<Modality> {
  return new Set(ALL.filter((m) => MODALITIES[m].categories.includes(category)));
}

export function isIn(m: Modality, category: ModalityCategory): boolean {
  return MODALITIES[m].categories.includes(category);
}

/** A modality (or a subtype such as "x_ray") as a phrase inside a sentence: "epidural steroid injection", "TENS". */
export function modalityWords(m: Modality | string): string {
  const label = (MODALITIES as Record<string, ModalityRow | undefined>)[m]?.label;
  if (!label) return m.replace(/_/g, ' ');
  return /^[A-Z]{2,}\b/.test(label) ? label : label[0].toLowerCase() + label.slice(1);
}

/** Each discipline's own session modality: the first session modality it is the usual provider of. */
const SESSION_OF = new Map<Specialty, Modality>();
for (const m of ALL) {
  const by = MODALITIES[m].providedBy?.[0];
  if (by && isIn(m, 'session') && !SESSION_OF.has(by)) SESSION_OF.set(by, m);
}

/** The session modality a discipline's own visit note is ("a PT note is a physical therapy session"). */
export function sessionOfSpecialty(s: Specialty): Modality | undefined {
  return SESSION_OF.get(s);
}

/** The modality a plan-signal target names ("physical therapy", "epidural_injection (caudal)"), if any. */
export function targetModality(target: string | undefined): Modality | undefined {
  if (!target) return undefined;
  const key = target.toLowerCase().replace(/\s*\(.*$/, '').trim().replace(/[\s-]+/g, '_');
  return Object.hasOwn(MODALITIES, key) ? (key as Modality) : undefined;
}
