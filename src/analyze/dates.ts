/** Calendar arithmetic lives in knowledge/date-math.ts (shared by every stage); re-exported for the analysis. */
export * from '../knowledge/date-math.js';
