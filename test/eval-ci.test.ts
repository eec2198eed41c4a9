import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateDir } from '../src/eval/run.js';
import { formatSummary, type EvalSummary } from '../src/eval/score.js';
import { generateCases, writeCases } from '../src/synth/index.js';

/**
 * Accuracy floors on a fixed generated set, so a regression in extraction or analysis fails CI.
 * Floors = figures measured when this test was written (20 cases, seed 20) minus a margin; raise them as the pipeline improves.
 * Measured then: MMI status 75 %, facts F1 69.7 %, outcome-measure recall 100 %, gap F1 60.6 %, citations 100 %.
 * After the MMI / gap-rule alignment (H8): MMI status 100 %, MMI date ±30 d 100 %, gap F1 77.6 %.
 * After the truth/scoring alignment (H11): MMI 100 %, ±30 d 100 %, facts F1 94.2 %, limitation F1 96.3 %, gap F1 94.6 %,
 * distractors 28 (new hypothetical-MRI distractors the extractor still asserts: "a repeat MRI could be considered").
 * After analysis round 2 (H15: claim-period floor): MMI 100 %, ±30 d 100 %, facts F1 96.9 %, limitation F1 99.4 %,
 * gap F1 94.7 %, distractors 1.
 * After the reviewer-judgement work (issues 8/9): MMI 100 %, ±30 d 100 % (an examiner's MMI after a maintenance phase is now
 * implied, in generator and analysis alike), facts F1 94.9 %, gap F1 89.5 % scored on the rules the generator models
 * (no-prognosis and limitation-single-source were tightened for precision on reviewer-keyed files; the generator still
 * expects the older behaviour, so 7 expected firings are missed).
 */
describe('evaluation on 20 generated cases (seed 20)', () => {
  let dir: string;
  let summary: EvalSummary;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'plateau-eval-'));
    await writeCases(generateCases({ cases: 20, seed: 20 }), dir, 'txt', 20);
    summary = (await evaluateDir(dir)).summary;
    console.log(formatSummary(summary));
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('keeps every citation exact', () => {
    expect(summary.citations.checked).toBeGreaterThan(1000);
    expect(summary.citations.invalid).toBe(0);
  });
  it('keeps MMI status accuracy above its floor', () => expect(summary.mmi.accuracy).toBeGreaterThanOrEqual(0.95));
  it('keeps implied/explicit MMI dates within 30 days', () => expect(summary.mmi.within30).toBeGreaterThanOrEqual(0.95));
  it('keeps fact F1 above its floor', () => {
    expect(summary.factsOverall.f1!).toBeGreaterThanOrEqual(0.93);
    expect(summary.facts.outcome_measure.recall!).toBeGreaterThanOrEqual(0.97);
    expect(summary.facts.limitation.f1!).toBeGreaterThanOrEqual(0.95);
  });
  it('keeps gap-rule F1 above its floor', () => expect(summary.gaps.f1!).toBeGreaterThanOrEqual(0.87));
  it('rarely asserts a distractor', () => expect(summary.distractorHits).toBeLessThanOrEqual(10));
});

describe('hand-written examples', () => {
  it('finds implied MMI for lumbar-ssdi, explicit P&S for shoulder-wc and explicit MMI for neck-pi, with exact citations', async () => {
    const { scores, summary } = await evaluateDir(path.resolve(import.meta.dirname, '../examples'));
    const byCase = Object.fromEntries(scores.map((s) => [s.case, s]));
    expect(byCase['lumbar-ssdi'].mmi.predicted).toBe('implied');
    expect(byCase['lumbar-ssdi'].mmi.dateErrorDays!).toBeLessThanOrEqual(60);
    expect(byCase['shoulder-wc'].mmi.predicted).toBe('explicit');
    expect(byCase['shoulder-wc'].mmi.dateErrorDays!).toBeLessThanOrEqual(7);
    expect(byCase['neck-pi'].mmi.predicted).toBe('explicit');
    expect(byCase['neck-pi'].mmi.dateErrorDays!).toBeLessThanOrEqual(7);
    expect(scores).toHaveLength(3);
    expect(summary.citations.invalid).toBe(0);
    expect(summary.factsOverall.recall!).toBeGreaterThanOrEqual(0.75);
  });
});
