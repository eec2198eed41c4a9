import type { ClaimType } from '../model/index.js';

export interface ProfileParams {
  /** Days between dated visits beyond which a break in care needs an explanation. */
  treatmentGapDays: number;
  /** Functional floor looks back this many months from the last dated evidence. */
  floorWindowMonths: number;
  /** Implied MMI needs at least this many maintenance-only visits ... */
  minMaintenanceVisits: number;
  /** ... spanning at least this many days. */
  minMaintenanceDays: number;
  /** Active treatment within this many days of the last visit means treatment is still under way. */
  activeRecencyDays: number;
  /** SSDI: fewer dated visits than this on or before the DLI is thin. */
  minEncountersBeforeDli: number;
}

/** A claim type as data: which gap rules run, their parameters, and the words the claimant sees. */
export interface Profile {
  claimType: ClaimType;
  label: string;
  rules: string[];
  params: ProfileParams;
  wording: {
    /** Plain-language line on what MMI means for this kind of claim. */
    mmiMeaning: string;
    /** What the 12-month / duration question means here, if it applies. */
    durationMeaning?: string;
  };
}

export const DEFAULT_PARAMS: ProfileParams = {
  treatmentGapDays: 120,
  floorWindowMonths: 12,
  minMaintenanceVisits: 2,
  minMaintenanceDays: 84,
  activeRecencyDays: 90,
  minEncountersBeforeDli: 3,
};
