import { DEFAULT_PARAMS, type Profile } from './types.js';

export const personalInjury: Profile = {
  claimType: 'personal_injury',
  label: 'Personal injury',
  rules: [
    'pt-without-functional-measures', 'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
    'limitation-single-source', 'no-treating-source-opinion', 'mmi-implied-not-stated', 'limitation-without-objective-finding',
    'unexplained-treatment-gap', 'no-prognosis',
    'billed-visit-without-record',
  ],
  params: { ...DEFAULT_PARAMS, treatmentGapDays: 90, twelveMonthRule: false },
  wording: {
    onsetTerm: 'date of injury', onsetEvent: 'injury',
    mmiMeaning: 'In an injury claim, MMI is the point when your doctors expect no more real improvement. It marks when future care and lasting limits can be measured, so claims are often valued after it.',
  },
};
