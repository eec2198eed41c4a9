/**
 * An offered option the claimant has not yet decided on ("'still deciding' about the plate removal Dr. Roe
 * recommended", "plans to call the surgeon about hardware removal"). Knowledge: lexicon/extract/treatment-status.json.
 */
import { z } from 'zod';
import { phraseSource, readLexiconFile } from './lexicon.js';

const data = readLexiconFile('extract/treatment-status.json', z.looseObject({
  decisionPending: z.looseObject({ phrases: z.array(z.string().min(1)).min(1) }),
})).decisionPending;
const PENDING = new RegExp(data.phrases.map(phraseSource).join('|'), 'i');

/** Whether the sentence says the decision on the option it names is still open. */
export function decisionPending(sentence: string): boolean {
  return PENDING.test(sentence);
}
