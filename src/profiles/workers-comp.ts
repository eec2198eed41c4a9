import { DEFAULT_PARAMS, type Profile } from './types.js';

export const workersComp: Profile = {
  claimType: 'workers_comp',
  label: "Workers' compensation",
  rules: [
    'no-treating-source-opinion', 'no-current-treating-source', 'no-functional-capacity-evaluation', 'mmi-implied-not-stated', 'mmi-not-addressed', 'impairment-rating-missing',
    'conflicting-opinions-unrebutted', 'mental-health-unaddressed', 'imaging-not-current', 'specialist-referral-not-completed',
    'authorization-unanswered', 'requested-report-not-received', 'record-noted-missing', 'misfiled-document',
    'procedure-record-missing', 'imaging-report-missing', 'therapy-notes-missing', 'records-after-last-plan', 'pre-injury-records-missing',
    'employment-records-missing',
    'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
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
    'pre-injury-records-missing': 'Prior treatment of the same body part is the basis for apportionment of permanent disability.',
    'imaging-not-current': 'Current imaging is often what the carrier\'s reviewer or examiner asks for before authorizing further treatment or accepting permanency.',
    'specialist-referral-not-completed': 'A referral never completed (often an authorization problem) leaves treatment undecided and MMI premature.',
    'records-after-last-plan': 'The claims administrator and the judge need the outcome of the last treatment to decide continuing benefits and future medical care.',
    'employment-records-missing': 'Temporary disability is paid from the average weekly wage; modified-duty offers decide temporary partial benefits.',
    'procedure-record-missing': 'The operative or procedure note documents what was done for the industrial injury; raters and examiners rely on it.',
    'therapy-notes-missing': 'Utilization review measures functional improvement visit by visit (MTUS / ODG); daily notes are what it reads.',
    'no-current-treating-source': 'A worker with no current treating physician has no one to report work status, so benefits can stop.',
    'requested-report-not-received': 'A report the primary treating physician owes (PR-2/PR-4, DWC-73, C-4.3) delays benefits until it arrives.',
  },
  wording: {
    onsetTerm: 'date of injury', onsetEvent: 'injury',
    mmiMeaning: 'In workers\' comp, MMI (in California, "permanent and stationary") is the point when your doctor says your injury is not expected to get much better, with or without more treatment. Temporary disability checks often stop then, and the doctor rates any permanent impairment.',
  },
};
