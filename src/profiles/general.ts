import { DEFAULT_PARAMS, type Profile } from './types.js';

export const general: Profile = {
  claimType: 'general',
  label: 'General review',
  rules: [
    'no-treating-source-opinion', 'no-current-treating-source', 'no-functional-capacity-evaluation', 'mmi-implied-not-stated', 'mmi-not-addressed', 'conflicting-opinions-unrebutted',
    'mental-health-unaddressed', 'imaging-not-current', 'specialist-referral-not-completed', 'treatment-not-followed',
    'authorization-unanswered', 'device-without-prescription', 'requested-report-not-received', 'record-noted-missing', 'misfiled-document',
    'procedure-record-missing', 'imaging-report-missing', 'therapy-notes-missing', 'records-after-last-plan', 'pre-injury-records-missing',
    'pt-without-functional-measures', 'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
    'limitation-single-source', 'limitation-without-objective-finding', 'unexplained-treatment-gap', 'duration-not-shown', 'no-prognosis',
    'billed-visit-without-record',
  ],
  params: { ...DEFAULT_PARAMS },
  gapWhy: {},
  wording: {
    onsetTerm: 'onset', onsetEvent: 'onset',
    mmiMeaning: 'MMI (maximum medical improvement) is the point when doctors expect no more real improvement, with or without treatment. It does not mean you are pain-free or cured.',
  },
};
