import { DEFAULT_PARAMS, type Profile } from './types.js';

export const ssi: Profile = {
  claimType: 'ssi',
  label: 'Supplemental Security Income (SSI)',
  rules: [
    'pt-without-functional-measures', 'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
    'limitation-single-source', 'no-treating-source-opinion', 'mmi-implied-not-stated', 'limitation-without-objective-finding',
    'unexplained-treatment-gap', 'duration-not-shown', 'no-prognosis',
    'opinion-from-non-acceptable-source-only', 'work-status-without-limits',
    'billed-visit-without-record',
  ],
  params: { ...DEFAULT_PARAMS },
  wording: {
    onsetTerm: 'onset', onsetEvent: 'onset',
    mmiMeaning: 'Social Security does not decide claims by "MMI". It asks what you can still do, and whether your condition has stopped you from working for at least 12 months in a row. If your doctors say you have stopped getting better, that helps show your limits will last.',
    durationMeaning: 'For SSI, your records must show the condition has lasted, or is expected to last, 12 months.',
  },
};
