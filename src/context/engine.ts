// STUB — replaced by the context engine (issue 3). Signature is the contract.
import type { ContextOptions, ContextResult } from './types.js';

/** Decide negation, certainty, temporality and experiencer of sentence[targetStart, targetEnd). */
export function assessContext(sentence: string, targetStart: number, targetEnd: number, options: ContextOptions = {}): ContextResult {
  void sentence; void targetStart; void targetEnd; void options;
  return { negated: false, certainty: 'affirmed', temporality: 'current', experiencer: 'patient', cues: [] };
}
