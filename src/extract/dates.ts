// STUB — replaced by temporal anchoring (issue 3). Signature is the contract.

export interface DateMention {
  /** Offsets relative to the text passed in. */
  start: number;
  end: number;
  /** ISO date (YYYY-MM-DD); day or month may be implied ("March 2023" → 2023-03-01). */
  date: string;
  /** True when resolved against the reference date ("two weeks ago", "in 6 weeks"). */
  relative: boolean;
  precision: 'day' | 'month' | 'year';
}

/** Dates in one sentence or line; `reference` (ISO) anchors relative expressions. Scores such as 7/10 and BP 120/80 are not dates. */
export function findDates(text: string, reference?: string): DateMention[] {
  void text; void reference;
  return [];
}
