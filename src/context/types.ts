import type { ContextCue, SectionKind } from '../model/index.js';

/** The context engine's verdict on one target mention inside one sentence. */
export interface ContextResult {
  negated: boolean;
  certainty: 'affirmed' | 'possible';
  temporality: 'current' | 'historical' | 'hypothetical';
  experiencer: 'patient' | 'other';
  /** The triggers (and section) that decided each flag; offsets absolute when `offset` was given. */
  cues: ContextCue[];
}

export interface ContextOptions {
  /** Section the sentence sits in; drives family-history/past-history/plan defaults. */
  section?: SectionKind;
  /** Added to every cue offset, so cues point into the file text. */
  offset?: number;
}
