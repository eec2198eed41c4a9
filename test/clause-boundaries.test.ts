import { describe, expect, it } from 'vitest';
import { clauseAround } from '../src/extract/mention.js';

/** The clause a mention is judged in: where one ends inside a sentence (synthetic wording, no PHI). */
describe('clauseAround', () => {
  const clauseOf = (text: string, word: string) => clauseAround(text, text.indexOf(word), text.indexOf(word) + word.length).text.trim();
  it.each([
    // A title's, a middle initial's or an abbreviation's full stop ends no clause.
    ['Reviewed the IME of Dr. Marjorie L. Roe (01/10/2023) stating that he is at MMI.', 'MMI', 'Reviewed the IME of Dr. Marjorie L. Roe (01/10/2023) stating that he is at MMI.'],
    ['Est. MMI: ~09/2024.', 'MMI', 'Est. MMI: ~09/2024.'],
    // Another capital's full stop may end one: a practice's "O&P." before the next plan item.
    ['Rx: custom AFO, Example O&P. Short PT episode (up to 4 visits) once fitted.', 'PT', 'Short PT episode (up to 4 visits) once fitted.'],
    ['Pain 5/10; PT continues.', 'PT', 'PT continues.'],
  ])('%s', (text, word, clause) => expect(clauseOf(text, word)).toBe(clause));
});
