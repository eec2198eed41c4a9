/** Small text measures shared by the readers. */

/** The share of capitals among the letters of `text` (0 when it has fewer than `minLetters` letters): how much a line reads as a heading. */
export function capitalShare(text: string, minLetters: number): number {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= minLetters ? letters.replace(/[^A-Z]/g, '').length / letters.length : 0;
}

/**
 * Letter-spaced display type closed up, same length ("F A X   T R A N S M I T T A L" → "FAX     TRANSMITTAL          "):
 * a word's first letter keeps its offset and the freed spaces follow it, so spans found in the result hold in the source.
 */
export function closeLetterSpacing(text: string): string {
  return text.replace(/(?<![A-Za-z])[A-Za-z](?: [A-Za-z]){2,}(?![A-Za-z])/g, (run) => {
    const word = run.replace(/ /g, '');
    return word + ' '.repeat(run.length - word.length);
  });
}

/**
 * A sentence as copy-forward compares it: case and spacing aside, and without the list numbering a later note gives it
 * ("(2) CHF: titrate GDMT per cardiology; cardiac rehab." is the earlier "CHF: titrate GDMT …" carried forward).
 */
export function sentenceKey(quote: string): string {
  return quote.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^(?:a\/p:\s*)?(?:\(?\d{1,2}[).]\s*)+/, '');
}
