/**
 * The answer-key format of independently written claim files (`truth.json` in `../shared/data/cases-dev/`):
 * a reviewer's verdict, modalities, limitations, expected gaps in prose, and traps quoted verbatim.
 * Its vocabulary differs from ours; the maps below translate it, never the other way round.
 */
import { z } from 'zod';
import type { Activity, ClaimType, Modality } from '../model/index.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ReviewerKeySchema = z.object({
  case_id: z.string(),
  claimant: z.string().optional(),
  claim: z.enum(['ssdi', 'ssi', 'wc', 'pi']),
  dob: z.string().nullish(),
  onset: IsoDate.nullish(),
  dli: IsoDate.nullish(),
  mmi: z.object({
    status: z.enum(['explicit', 'implied', 'not_reached', 'insufficient_evidence']),
    date: IsoDate.nullish(),
    date_tolerance_days: z.number().default(30),
    stated_by: z.string().nullish(),
    rationale: z.string().optional(),
    conflict: z.object({ source: z.string(), file: z.string().optional(), opinion: z.string().optional() }).passthrough().optional(),
    prior_mmi: z.object({ date: IsoDate.nullish(), stated_by: z.string().nullish() }).passthrough().optional(),
  }),
  modalities: z.array(z.object({
    modality: z.string(),
    first: z.string().nullish(),
    last: z.string().nullish(),
    sessions: z.number().nullish(),
    outcome: z.string().nullish(),
    status: z.string(),
  })),
  limitations: z.array(z.object({
    activity: z.string(),
    limit: z.string().optional(),
    sources: z.array(z.string()).default([]),
    files: z.array(z.string()).default([]),
    temporary: z.boolean().optional(),
  })),
  expected_gaps: z.array(z.string()),
  traps: z.array(z.object({ file: z.string(), quote: z.string(), why: z.string().optional() })),
  misfiled: z.array(z.string()).optional(),
});
export type ReviewerKey = z.infer<typeof ReviewerKeySchema>;

export const CLAIM_OF_KEY: Record<ReviewerKey['claim'], ClaimType> = {
  ssdi: 'ssdi', ssi: 'ssi', wc: 'workers_comp', pi: 'personal_injury',
};

/** The key's modality names in ours; `fce` and `other` have no timeline modality of their own. */
export const MODALITY_OF_KEY: Record<string, Modality[]> = {
  physical_therapy: ['physical_therapy'],
  occupational_therapy: ['occupational_therapy'],
  chiropractic: ['chiropractic'],
  medication: ['medication'],
  epidural_steroid_injection: ['epidural_injection'],
  facet_injection: ['facet_injection'],
  medial_branch_block: ['medial_branch_block'],
  radiofrequency_ablation: ['radiofrequency_ablation'],
  si_joint_injection: ['si_joint_injection'],
  trigger_point_injection: ['trigger_point_injection'],
  joint_injection: ['joint_injection'],
  nerve_block: ['other_injection'],
  surgical_consult: ['surgical_consultation'],
  surgery: ['surgery'],
  spinal_cord_stimulator: ['spinal_cord_stimulator'],
  pain_psychology: ['psychology'],
  psychotherapy: ['psychology'],
  pain_program: ['pain_program'],
  work_conditioning: ['work_conditioning'],
  home_exercise: ['home_exercise'],
  assistive_device: ['assistive_device'],
  brace: ['brace'],
  tens: ['tens'],
  imaging_study: ['imaging_study'],
  fce: [],
};

/** Modalities an `other` row of the key stands for, read from its outcome text. */
const OTHER_BY_WORDS: [RegExp, Modality][] = [
  [/\b(?:EMG|NCS|nerve conduction|electrodiagnostic)/i, 'imaging_study'],
  [/\bacupunct/i, 'acupuncture'],
  [/\bmassage/i, 'massage'],
  [/\b(?:speech|SLP|cognitive rehab|vestibular)/i, 'physical_therapy'],
  [/\b(?:cardiac|cardiopulmonary|pulmonary) rehab/i, 'physical_therapy'],
  [/\b(?:counsel|CBT|psycholog|psychotherap)/i, 'psychology'],
  [/\b(?:injection|block)\b/i, 'other_injection'],
  [/\b(?:wound|debridement|total contact cast|TCC|ulcer)/i, 'wound_care'],
  [/\b(?:ECT|electroconvulsive|TMS|transcranial magnetic)/i, 'neuromodulation'],
];

export function modalitiesOfKeyRow(row: ReviewerKey['modalities'][number]): Modality[] {
  if (row.modality !== 'other') return MODALITY_OF_KEY[row.modality] ?? [];
  return OTHER_BY_WORDS.filter(([re]) => re.test(row.outcome ?? '')).map(([, m]) => m);
}

/** Our activities in the key's coarser vocabulary. */
export const KEY_ACTIVITY_OF: Record<Activity, string[]> = {
  lift: ['lift'], carry: ['carry'], sit: ['sit'], stand: ['stand', 'stand_walk'], walk: ['walk', 'stand_walk'],
  reach: ['reach', 'reach_overhead'], overhead_reach: ['reach_overhead', 'reach'], stoop: ['stoop'], bend: ['stoop'],
  crouch: ['kneel_squat_crawl'], kneel: ['kneel_squat_crawl'], crawl: ['kneel_squat_crawl'], climb: ['climb'],
  balance: ['balance'], push: ['push_pull'], pull: ['push_pull'], handle: ['handle', 'grip'], finger: ['finger'],
  twist: ['other'], drive: ['drive'], sleep: ['other'], concentrate: ['concentration', 'off_task'],
  use_arm: ['reach', 'handle', 'push_pull', 'reach_overhead'], work_hours: ['work', 'attendance'], other: ['other', 'off_task', 'attendance'],
};
