/**
 * Human wording of the contract's modality and activity values: one table for every report format and the
 * workspace UI (no Node imports, so the browser bundle can use it too).
 */
import type { Activity, Modality } from './fact.js';
import { MODALITIES } from './modalities.js';

export const MODALITY_LABEL = Object.fromEntries(Object.entries(MODALITIES).map(([m, row]) => [m, row.label])) as Record<Modality, string>;

export const ACTIVITY_LABEL: Record<Activity, string> = {
  lift: 'Lifting', carry: 'Carrying', sit: 'Sitting', stand: 'Standing', walk: 'Walking', reach: 'Reaching',
  overhead_reach: 'Reaching overhead', stoop: 'Stooping', bend: 'Bending', crouch: 'Crouching', kneel: 'Kneeling',
  crawl: 'Crawling', climb: 'Climbing', balance: 'Balancing', push: 'Pushing', pull: 'Pulling', handle: 'Handling',
  finger: 'Fingering', twist: 'Twisting', drive: 'Driving', sleep: 'Sleep', concentrate: 'Concentration',
  use_arm: 'Use of the arm', work_hours: 'Work hours', other: 'Other',
};
