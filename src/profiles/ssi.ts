import { DEFAULT_PARAMS, type Profile } from './types.js';
import { SSA_GAP_WHY, SSA_RULES } from './ssa-common.js';

export const ssi: Profile = {
  claimType: 'ssi',
  label: 'Supplemental Security Income (SSI)',
  // SSI is means-tested: a claimant without income or insurance cannot buy a functional capacity evaluation, and the
  // agency purchases a consultative examination instead (20 CFR 416.919a); asking for an FCE is not a request anyone can meet.
  rules: SSA_RULES.filter((id) => id !== 'no-functional-capacity-evaluation'),
  params: { ...DEFAULT_PARAMS, singleSourceWithOpinion: true, everyImpairmentWeighed: true },
  gapWhy: SSA_GAP_WHY,
  wording: {
    onsetTerm: 'onset', onsetEvent: 'onset',
    mmiMeaning: 'Social Security does not decide claims by "MMI". It asks what you can still do, and whether your condition has stopped you from working for at least 12 months in a row. If your doctors say you have stopped getting better, that helps show your limits will last.',
    durationMeaning: 'For SSI, your records must show the condition has lasted, or is expected to last, 12 months.',
  },
};
