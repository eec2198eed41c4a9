/** Human wording for the contract's enum values, shared by every report format. */
import { profileFor } from '../profiles/index.js';
import type { Activity, ClaimType, Modality } from '../model/index.js';

export const MODALITY_LABEL: Record<Modality, string> = {
  physical_therapy: 'Physical therapy', occupational_therapy: 'Occupational therapy', chiropractic: 'Chiropractic',
  home_exercise: 'Home exercise program', medication: 'Medication', epidural_injection: 'Epidural steroid injection',
  facet_injection: 'Facet injection', medial_branch_block: 'Medial branch block', si_joint_injection: 'SI joint injection',
  trigger_point_injection: 'Trigger point injection', joint_injection: 'Joint injection', other_injection: 'Other injection',
  radiofrequency_ablation: 'Radiofrequency ablation', surgical_consultation: 'Surgical consultation', surgery: 'Surgery',
  spinal_cord_stimulator: 'Spinal cord stimulator', tens: 'TENS', brace: 'Brace', psychology: 'Psychology',
  pain_program: 'Pain program', assistive_device: 'Assistive device', acupuncture: 'Acupuncture', massage: 'Massage',
  work_conditioning: 'Work conditioning', imaging_study: 'Imaging study',
};

export const ACTIVITY_LABEL: Record<Activity, string> = {
  lift: 'Lifting', carry: 'Carrying', sit: 'Sitting', stand: 'Standing', walk: 'Walking', reach: 'Reaching',
  overhead_reach: 'Reaching overhead', stoop: 'Stooping', bend: 'Bending', crouch: 'Crouching', kneel: 'Kneeling',
  crawl: 'Crawling', climb: 'Climbing', balance: 'Balancing', push: 'Pushing', pull: 'Pulling', handle: 'Handling',
  finger: 'Fingering', twist: 'Twisting', drive: 'Driving', sleep: 'Sleep', concentrate: 'Concentration',
  use_arm: 'Use of the arm', work_hours: 'Work hours', other: 'Other',
};

export const CLAIM_LABEL: Record<ClaimType, string> = {
  ssdi: 'Social Security Disability Insurance (SSDI)',
  ssi: 'Supplemental Security Income (SSI)',
  workers_comp: "Workers' compensation",
  personal_injury: 'Personal injury',
  general: 'General review',
};

/** What the claim calls its start date: SSA speaks of onset, WC/PI of the injury. */
export function onsetLabel(claim: ClaimType): string {
  return claim === 'workers_comp' || claim === 'personal_injury' ? 'Date of injury' : 'Alleged onset';
}

/** SSA's 12-month duration rule applies to this claim (not to workers' comp or injury claims). */
export function twelveMonthRuleApplies(claim: ClaimType): boolean {
  return profileFor(claim).params.twelveMonthRule;
}

/** Heading of the duration section for the claim type. */
export function durationHeading(claim: ClaimType): string {
  return twelveMonthRuleApplies(claim) ? 'Duration (12-month requirement)' : 'Duration (injury to MMI)';
}

export const TWELVE_MONTHS_LABEL = {
  yes: 'Yes: documented for 12 months or more',
  no: 'No: documented for less than 12 months',
  expected: 'Expected: not yet 12 months, but the record points to a lasting impairment',
  unknown: 'Unknown: the record does not show the span',
} as const;

/** Snake-case enum value → words ("single_provider" → "single provider"). */
export function words(value: string): string {
  return value.replace(/_/g, ' ');
}
