/** Small text measures shared by the readers. */

/** The share of capitals among the letters of `text` (0 when it has fewer than `minLetters` letters): how much a line reads as a heading. */
export function capitalShare(text: string, minLetters: number): number {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= minLetters ? letters.replace(/[^A-Z]/g, '').length / letters.length : 0;
}
