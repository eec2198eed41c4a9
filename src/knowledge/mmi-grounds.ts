/**
 * The grounds an MMI opinion gives. A "not at MMI" that rests only on periodic supportive care ("will require ongoing
 * chiropractic care 1-2 times per month for the foreseeable future") describes a maintenance phase, so it is a
 * conflicting opinion to list, not evidence that improvement is still coming. Knowledge: lexicon/extract/statements.json.
 */
import { phraseListTest } from './lexicon.js';

/** Whether a "not at MMI" sentence gives periodic supportive care as its ground. */
export const restsOnMaintenanceCare = phraseListTest('extract/statements.json', 'notAtMmiOnMaintenanceGrounds');
