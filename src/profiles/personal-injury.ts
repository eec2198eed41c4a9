import { DEFAULT_PARAMS, type Profile } from './types.js';

export const personalInjury: Profile = {
  claimType: 'personal_injury',
  label: 'Personal injury',
  rules: [
    'no-treating-source-opinion', 'no-current-treating-source', 'mmi-implied-not-stated', 'mmi-not-addressed', 'conflicting-opinions-unrebutted',
    'mental-health-unaddressed', 'imaging-not-current', 'specialist-referral-not-completed',
    'authorization-unanswered', 'requested-report-not-received', 'record-noted-missing', 'misfiled-document',
    'procedure-record-missing', 'imaging-report-missing', 'therapy-notes-missing', 'records-after-last-plan', 'pre-injury-records-missing',
    'employment-records-missing', 'crash-report-missing', 'future-care-unsupported',
    'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
    'limitation-without-objective-finding', 'unexplained-treatment-gap', 'no-prognosis',
    'billed-visit-without-record',
  ],
  params: { ...DEFAULT_PARAMS, twelveMonthRule: false, baselineAlways: true, employmentRecords: 'lost_time' },
  gapWhy: {
    'no-treating-source-opinion': 'In an injury claim, permanent restrictions from the treating physician support loss of earning capacity and future damages.',
    'mmi-not-addressed': 'Injury claims are usually valued once the claimant reaches MMI, when permanent impairment and future care can be stated.',
    'pre-injury-records-missing': 'The defense will argue a pre-existing condition; baseline records show what changed with the accident (aggravation).',
    'records-after-last-plan': 'Future medical expenses need a treating basis; records after the last plan show what care was actually needed.',
    'employment-records-missing': 'Lost wages are special damages: they need the employer\'s records of time missed and pay lost.',
    'imaging-report-missing': 'The signed imaging report is the objective proof of injury a defense expert will read first.',
    'procedure-record-missing': 'Each procedure billed as a special damage needs its own record to be recoverable.',
    'therapy-notes-missing': 'Each billed therapy visit needs a note to be recoverable as a medical expense.',
    'mental-health-unaddressed': 'Emotional injury is compensable when a treating source documents it; unevaluated symptoms are usually discounted.',
    'conflicting-opinions-unrebutted': 'An unanswered defense medical examination is the usual basis for discounting the claim.',
  },
  wording: {
    onsetTerm: 'date of injury', onsetEvent: 'injury',
    mmiMeaning: 'In an injury claim, MMI is the point when your doctors expect no more real improvement. It marks when future care and lasting limits can be measured, so claims are often valued after it.',
  },
};
