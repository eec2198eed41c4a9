/**
 * Reviewer-keyed claim files (../shared/data/cases-dev, written by reviewers who never read this code): the figures
 * `plateau eval` prints, held as floors just below the measured ones so a reading or judgement regression fails CI.
 * Measured: MMI 15/15, dates 10/10, false rows 14/271, gaps found 109/154, judged wrong 22/139, traps 13/195, misfiled 2/2.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDir } from '../src/eval/run.js';
import { summariseReviewer, type ReviewerSummary } from '../src/eval/reviewer-score.js';
import { conceptsOf } from '../src/eval/gap-concepts.js';

const dir = path.resolve(import.meta.dirname, '../../shared/data/cases-dev');
const rate = ([n, d]: [number, number]) => n / d;

describe('cases-dev, scored against the reviewers\' keys', () => {
  let t: ReviewerSummary;
  beforeAll(async () => {
    t = summariseReviewer((await evaluateDir(dir)).reviewer);
  }, 120_000);

  it('reads the MMI verdict and date', () => {
    expect(t.cases).toBe(15);
    expect(t.mmiStatus).toBeGreaterThanOrEqual(14);
    expect(t.mmiDateOk).toBeGreaterThanOrEqual(9);
  });
  it('keeps false rows, wrong gaps and traps low, and finds what a reviewer would ask for', () => {
    expect(rate(t.falseRows)).toBeLessThan(0.07);
    expect(rate(t.gapWrong)).toBeLessThan(0.2);
    expect(rate(t.gapRecall)).toBeGreaterThan(0.66);
    expect(rate(t.trapsFooled)).toBeLessThan(0.09);
    expect(t.misfiled[0]).toBe(t.misfiled[1]);
    expect(t.falseMisfiled).toBe(0);
  });
  it('cites every finding: each quote is the source text at its span and page', () => {
    expect(t.citationsChecked).toBeGreaterThan(10_000);
    expect(t.citationsInvalid).toBe(0);
    expect(t.uncited).toBe(0);
  });
});

describe('the scorer and a key\'s misfiled pages', () => {
  it('a request to take out a page the key lists as misfiled is not judged a wrong gap', async () => {
    const scores = (await evaluateDir(path.resolve(import.meta.dirname, '../eval-cases/blind34'))).reviewer;
    const withMisfile = scores.filter((s) => s.gaps.rules.includes('misfiled-document'));
    expect(withMisfile.length).toBeGreaterThan(0);
    expect(withMisfile.flatMap((s) => s.gaps.wrongRules)).not.toContain('misfiled-document');
  }, 120_000);
});

describe('what a gap is about, read from its words', () => {
  it.each([
    ['The left heart catheterization report of 08/14/2022 was requested and has not been received.', 'records_missing'],
    ['No pre-incident primary care records to document the claimed migraine history.', 'baseline'],
    ['Pre-injury records of the lumbar spine are not in the file.', 'baseline'],
    ['Central Georgia Neurology notes for 11/28/2023, 01/16/2024 and 04/09/2024.', 'visit_notes'],
    ['Please send the office/treatment notes for the visits billed on 2023-11-28, 2024-01-16.', 'visit_notes'],
  ])('%s → %s', (text, concept) => expect(conceptsOf(text).has(concept)).toBe(true));
});
