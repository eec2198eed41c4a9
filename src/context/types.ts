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
  /**
   * Where the section heading is (absolute offsets) and its title, so a section cue can cite it.
   * Without it a section cue points at the target itself.
   */
  sectionHeading?: { title: string; start: number; end: number };
}

export type ContextCategory = 'negated' | 'possible' | 'hypothetical' | 'historical' | 'other_experiencer';
/** 'self': the phrase applies to a target that contains it ("tobacco use" is social history). */
export type Direction = 'forward' | 'backward' | 'both' | 'self';

/** One lexicon entry as written in lexicon/context/*.json. */
export interface LexiconEntry {
  phrase?: string;
  pattern?: string;
  category: ContextCategory | 'pseudo' | 'terminator';
  direction?: Direction;
  terminates?: (ContextCategory | 'pseudo' | 'terminator')[];
  window?: number;
  note?: string;
}
