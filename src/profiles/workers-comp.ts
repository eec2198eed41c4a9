import { DEFAULT_PARAMS, type Profile } from './types.js';

export const workersComp: Profile = {
  claimType: 'workers_comp',
  label: "Workers' compensation",
  rules: [
    'pt-without-functional-measures', 'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
    'limitation-single-source', 'no-treating-source-opinion', 'mmi-implied-not-stated', 'limitation-without-objective-finding',
    'unexplained-treatment-gap', 'no-prognosis', 'impairment-rating-missing',
    'billed-visit-without-record',
  ],
  params: { ...DEFAULT_PARAMS, treatmentGapDays: 90, twelveMonthRule: false },
  wording: {
    onsetTerm: 'date of injury', onsetEvent: 'injury',
    mmiMeaning: 'In workers\' comp, MMI (in California, "permanent and stationary") is the point when your doctor says your injury is not expected to get much better, with or without more treatment. Temporary disability checks often stop then, and the doctor rates any permanent impairment.',
  },
};
