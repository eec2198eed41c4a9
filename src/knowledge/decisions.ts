/**
 * An offered option the claimant has not yet decided on ("'still deciding' about the plate removal Dr. Roe
 * recommended", "plans to call the surgeon about hardware removal"). Knowledge: lexicon/extract/treatment-status.json.
 */
import { phraseListTest } from './lexicon.js';

/** Whether the sentence says the decision on the option it names is still open. */
export const decisionPending = phraseListTest('extract/treatment-status.json', 'decisionPending');

/** Whether the sentence says the claimant has not taken up an option only suggested ("pt will think about it"). */
export const claimantUndecided = phraseListTest('extract/treatment-status.json', 'claimantUndecided');

/** Whether a referral's sentence names routine screening or preventive care ("eye exam overdue, referral to optometry placed"). */
export const routineCare = phraseListTest('extract/treatment-status.json', 'routineCare');
