import { DEFAULT_PARAMS, type Profile } from './types.js';

export const workersComp: Profile = {
  claimType: 'workers_comp',
  label: "Workers' compensation",
  rules: [
    'no-treating-source-opinion', 'no-current-treating-source', 'no-functional-capacity-evaluation', 'mmi-implied-not-stated', 'mmi-not-addressed', 'impairment-rating-missing',
    'conflicting-opinions-unrebutted', 'mental-health-unaddressed', 'imaging-not-current', 'specialist-referral-not-completed',
    'treatment-not-followed', 'authorization-unanswered', 'device-without-prescription', 'requested-report-not-received',
    'procedure-record-missing', 'imaging-report-missing', 'therapy-notes-missing', 'records-after-last-plan', 'pre-injury-records-missing',
    'employment-records-missing',
    'pt-without-functional-measures', 'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
    'limitation-without-objective-finding', 'unexplained-treatment-gap', 'no-prognosis',
    'billed-visit-without-record',
  ],
  params: { ...DEFAULT_PARAMS, twelveMonthRule: false, utilizationReview: true, employmentRecords: 'always' },
  gapWhy: {
    'no-treating-source-opinion': 'In workers\' comp the treating physician\'s work restrictions decide temporary disability and return to work, and the permanent restrictions at MMI decide permanent disability.',
    'no-functional-capacity-evaluation': 'An FCE is the usual objective basis for permanent restrictions and for resolving a dispute between the treating physician and an examiner.',
    'mmi-not-addressed': 'MMI (permanent and stationary) ends temporary disability and starts the permanent rating; without it the claim cannot move to permanency.',
    'conflicting-opinions-unrebutted': 'An unanswered examiner\'s report (IME, QME, designated doctor) usually controls; the treating physician\'s rebuttal, or a QME/AME or hearing, is how the dispute is resolved.',
    'mental-health-unaddressed': 'A psychiatric injury can be a compensable consequence of the physical injury; it needs an evaluation and a causation opinion.',
    'authorization-unanswered': 'UR denials are appealable (independent medical review or the state\'s dispute process) only within short deadlines.',
    'device-without-prescription': 'The carrier pays for durable medical equipment only on a prescription with medical necessity.',
    'pre-injury-records-missing': 'Prior treatment of the same body part is the basis for apportionment of permanent disability.',
    'treatment-not-followed': 'Unreasonable refusal of medical treatment can suspend or reduce benefits; a documented reason protects them.',
  },
  wording: {
    onsetTerm: 'date of injury', onsetEvent: 'injury',
    mmiMeaning: 'In workers\' comp, MMI (in California, "permanent and stationary") is the point when your doctor says your injury is not expected to get much better, with or without more treatment. Temporary disability checks often stop then, and the doctor rates any permanent impairment.',
  },
};
