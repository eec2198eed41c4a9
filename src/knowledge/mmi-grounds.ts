/**
 * The grounds an MMI opinion gives. A "not at MMI" that rests only on periodic supportive care ("will require ongoing
 * chiropractic care 1-2 times per month for the foreseeable future") describes a maintenance phase, so it is a
 * conflicting opinion to list, not evidence that improvement is still coming. Knowledge: lexicon/extract/statements.json.
 */
import { z } from 'zod';
import { phraseSource, readLexiconFile } from './lexicon.js';

const data = readLexiconFile('extract/statements.json', z.looseObject({
  notAtMmiOnMaintenanceGrounds: z.looseObject({ phrases: z.array(z.string().min(1)).min(1) }),
})).notAtMmiOnMaintenanceGrounds;
const MAINTENANCE_GROUNDS = new RegExp(data.phrases.map(phraseSource).join('|'), 'i');

/** Whether a "not at MMI" sentence gives periodic supportive care as its ground. */
export function restsOnMaintenanceCare(sentence: string): boolean {
  return MAINTENANCE_GROUNDS.test(sentence);
}
