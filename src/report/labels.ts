/** Human wording for the contract's enum values, shared by every report format. */
import { profileFor } from '../profiles/index.js';
import type { ClaimType } from '../model/index.js';

export { ACTIVITY_LABEL, MODALITY_LABEL } from '../model/labels.js';

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
