import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { evaluateRealNotes } from '../src/eval/real-notes.js';

/**
 * The second, blind gold set (12 MTSamples notes the extractor was not tuned on). Floors are the
 * measured figures at annotation time minus a margin: they catch regressions, not tuning wins.
 * Measured: overall P 78.2 / R 59.7 / F1 67.7; 1 of 36 distractors violated.
 */
const root = path.resolve(import.meta.dirname, '..');
const goldDir = path.join(root, 'test/fixtures/mtsamples-gold-2');
const notesDir = path.resolve(root, '../shared/data/mtsamples-dev');

describe('real-notes benchmark, blind set 2', () => {
  it('keeps overall precision, recall and F1 above the measured floors', async () => {
    const s = await evaluateRealNotes(goldDir, notesDir);
    expect(s.notes).toHaveLength(12);
    expect(s.overall.precision).toBeGreaterThanOrEqual(0.72);
    expect(s.overall.recall).toBeGreaterThanOrEqual(0.54);
    expect(s.overall.f1).toBeGreaterThanOrEqual(0.62);
    expect(s.byType.objective_finding.f1).toBeGreaterThanOrEqual(0.8);
    expect(s.byType.treatment.f1).toBeGreaterThanOrEqual(0.62);
    expect(s.distractors.violated).toBeLessThanOrEqual(2);
  }, 60_000);
});
