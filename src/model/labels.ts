/**
 * Human wording of the contract's modality and activity values: one table for every report format and the
 * workspace UI (no Node imports, so the browser bundle can use it too).
 */
import type { Activity, Modality } from './fact.js';

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
