import { DEFAULT_PARAMS, type Profile } from './types.js';

export const general: Profile = {
  claimType: 'general',
  label: 'General review',
  rules: [
    'pt-without-functional-measures', 'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
    'limitation-single-source', 'no-treating-source-opinion', 'mmi-implied-not-stated', 'limitation-without-objective-finding',
    'unexplained-treatment-gap', 'duration-not-shown', 'no-prognosis',
    'billed-visit-without-record',
  ],
  params: { ...DEFAULT_PARAMS },
  wording: {
    onsetTerm: 'onset', onsetEvent: 'onset',
    mmiMeaning: 'MMI (maximum medical improvement) is the point when doctors expect no more real improvement, with or without treatment. It does not mean you are pain-free or cured.',
  },
};
