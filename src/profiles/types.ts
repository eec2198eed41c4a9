/** What a claim profile sets: analysis parameters, which gap rules apply, and claim-specific wording. */
import type { ClaimType } from '../model/index.js';

export interface ProfileParams {
  /** Days between dated visits beyond which a break in care needs an explanation. */
  treatmentGapDays: number;
  /**
   * The functional floor covers the claim period: onset (claim.onset, else the first dated evidence) to the
   * last dated evidence. Set this to look back only this many months from the last dated evidence instead.
   */
  floorLookbackMonths?: number;
  /** A floor limitation last documented longer ago than this (months before the record's end) was not restated recently. */
  floorRecentMonths: number;
  /** Implied MMI needs at least this many maintenance-only visits ... */
  minMaintenanceVisits: number;
  /** ... spanning at least this many days. */
  minMaintenanceDays: number;
  /** Active treatment within this many days of the last visit means treatment is still under way. */
  activeRecencyDays: number;
  /** SSDI: fewer dated visits than this on or before the DLI is thin. */
  minEncountersBeforeDli: number;
  /**
   * SSA's duration requirement (12 months, 20 CFR 404.1509) applies. Otherwise months are still computed, but
   * the reasons speak of the time from injury to MMI, which is what workers' comp and injury claims look at.
   */
  twelveMonthRule: boolean;
  /** Treatment is authorized through utilization review (workers' comp): written UR determinations belong in the file. */
  utilizationReview: boolean;
  /** Pre-injury records are always needed (injury claims: causation and apportionment), not only when a prior condition is named. */
  baselineAlways: boolean;
  /**
   * Limitations documented once are raised even when a treating physician has given a formal opinion (SSA weighs
   * the consistency of every limitation); otherwise only while no such opinion exists, when they are all there is.
   */
  singleSourceWithOpinion: boolean;
  /**
   * Every medically determinable impairment is weighed, in combination (SSA, 20 CFR 404.1523): care for a chronic
   * medical condition the record diagnoses (COPD on inhalers) is care for the claim, not for another condition.
   */
  everyImpairmentWeighed: boolean;
  /** Employer records (wages, job description, modified-duty offers) are part of the claim: 'always', only when time was lost ('lost_time'), or 'never'. */
  employmentRecords: 'always' | 'lost_time' | 'never';
}

/** A claim type as data: which gap rules run, their parameters, and the words the claimant sees. */
export interface Profile {
  claimType: ClaimType;
  label: string;
  rules: string[];
  params: ProfileParams;
  /** Why a gap matters for this claim type, by rule id: appended to the gap's reason. */
  gapWhy?: Record<string, string>;
  wording: {
    /** Plain-language line on what MMI means for this kind of claim. */
    mmiMeaning: string;
    /** What the 12-month / duration question means here, if it applies. */
    durationMeaning?: string;
    /** What the claim's start date is called ("onset", "date of injury"). */
    onsetTerm: string;
    /** The event that starts the claim, for "time from injury to MMI". */
    onsetEvent: string;
  };
}

export const DEFAULT_PARAMS: ProfileParams = {
  treatmentGapDays: 120,
  floorRecentMonths: 12,
  minMaintenanceVisits: 2,
  minMaintenanceDays: 84,
  activeRecencyDays: 90,
  minEncountersBeforeDli: 3,
  twelveMonthRule: true,
  utilizationReview: false,
  baselineAlways: false,
  singleSourceWithOpinion: false,
  employmentRecords: 'never',
  everyImpairmentWeighed: false,
};
