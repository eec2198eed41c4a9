import type { Rng } from './prng.js';

/** Light OCR-style damage (l→1, O→0, rn→m, comma→period) for text that stands in for a scanned page. */
export function ocrNoise(text: string, rng: Rng, rate = 0.03): string {
  const swaps: [RegExp, string][] = [[/l/g, '1'], [/O/g, '0'], [/rn/g, 'm'], [/,/g, '.']];
  let t = text;
  for (const [re, to] of swaps) t = t.replace(re, (m) => (rng.chance(rate) ? to : m));
  return t;
}
