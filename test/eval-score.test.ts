import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/model/index.js';
import { matchFacts, prf, summarise, distractorHits, type CaseScore } from '../src/eval/score.js';
import { TruthSchema, type TruthFact } from '../src/synth/truth.js';

const ev = [{ file: 'a.txt', page: 1, start: 0, end: 1, quote: 'x' }];
function fact(type: Fact['type'], attributes: Record<string, unknown>, date?: string, flags: Partial<Fact> = {}): Fact {
  return {
    id: Math.random().toString(36), encounterId: 'e1', date, dateSource: 'encounter', negated: false, certainty: 'affirmed',
    temporality: 'current', experiencer: 'patient', context: [], evidence: ev, type, attributes, ...flags,
  } as Fact;
}

describe('matchFacts', () => {
  const truth: TruthFact[] = [
    { type: 'treatment', modality: 'epidural_injection', date: '2023-03-01', status: 'performed' },
    { type: 'outcome_measure', instrument: 'ODI', value: 42, date: '2023-03-01' },
    { type: 'limitation', activity: 'lift', source: 'provider', date: '2023-04-10' },
  ];
  it('matches within ±7 days, not beyond', () => {
    const got = [
      fact('treatment', { modality: 'epidural_injection', status: 'performed' }, '2023-03-07'),
      fact('outcome_measure', { instrument: 'ODI', value: 42 }, '2023-03-10'),
      fact('limitation', { activity: 'lift', source: 'provider', text: 'no lifting' }, '2023-04-10'),
    ];
    const c = matchFacts(truth, got, true);
    expect(c.treatment).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(c.outcome_measure).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(c.limitation.tp).toBe(1);
  });
  it('ignores negated, hypothetical and family-history facts', () => {
    const got = [
      fact('treatment', { modality: 'epidural_injection', status: 'performed' }, '2023-03-01', { negated: true }),
      fact('limitation', { activity: 'lift', source: 'provider', text: '' }, '2023-04-10', { temporality: 'hypothetical' }),
      fact('outcome_measure', { instrument: 'ODI', value: 42 }, '2023-03-01', { experiencer: 'other' }),
    ];
    const c = matchFacts(truth, got, true);
    expect(c.treatment.tp + c.limitation.tp + c.outcome_measure.tp).toBe(0);
    expect(c.treatment.fp).toBe(0);
  });
  it('tells a declined surgery from a performed one', () => {
    const t: TruthFact[] = [{ type: 'treatment', modality: 'surgery', date: '2023-05-05', status: 'declined' }];
    expect(matchFacts(t, [fact('treatment', { modality: 'surgery', status: 'performed' }, '2023-05-05')], true).treatment).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(matchFacts(t, [fact('treatment', { modality: 'surgery', status: 'declined' }, '2023-05-05')], true).treatment.tp).toBe(1);
  });
  it('counts duplicate mentions of one fact once and skips false positives when truth is partial', () => {
    const got = [1, 2, 3].map(() => fact('outcome_measure', { instrument: 'ODI', value: 42 }, '2023-03-01'));
    expect(matchFacts(truth, got, true).outcome_measure).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(matchFacts(truth, [fact('plan_signal', { signal: 'referral' }, '2023-01-01')], false).plan_signal.fp).toBe(0);
  });
});

describe('distractorHits', () => {
  const truth = TruthSchema.parse({
    case: 'x', claim: { type: 'ssdi' }, mmi: { status: 'implied' }, modalities: [], limitations: [], gaps: [], facts: [],
    distractors: [{ kind: 'hypothetical', text: 'If worse we will consider SCS trial.', fact: { type: 'treatment', modality: 'spinal_cord_stimulator', date: '2024-01-01' } }],
  });
  it('flags an asserted fact that a distractor warned about', () => {
    expect(distractorHits(truth, [fact('treatment', { modality: 'spinal_cord_stimulator', status: 'planned' }, '2024-01-01')])).toHaveLength(1);
    expect(distractorHits(truth, [fact('treatment', { modality: 'spinal_cord_stimulator', status: 'planned' }, '2024-01-01', { temporality: 'hypothetical' })])).toHaveLength(0);
  });
});

describe('prf and summarise', () => {
  it('computes precision, recall, F1', () => {
    const p = prf({ tp: 8, fp: 2, fn: 2 });
    expect(p.precision).toBeCloseTo(0.8); expect(p.recall).toBeCloseTo(0.8); expect(p.f1).toBeCloseTo(0.8);
    expect(prf({ tp: 1, fp: 5, fn: 0 }, false).precision).toBeUndefined();
  });
  it('builds the MMI confusion matrix and date shares', () => {
    const base = { facts: { treatment: { tp: 1, fp: 0, fn: 0 }, outcome_measure: { tp: 0, fp: 0, fn: 0 }, benefit: { tp: 0, fp: 0, fn: 0 }, limitation: { tp: 0, fp: 0, fn: 0 }, objective_finding: { tp: 0, fp: 0, fn: 0 }, plan_signal: { tp: 0, fp: 0, fn: 0 } }, precisionScored: true, gaps: { tp: 1, fp: 0, fn: 0, missing: [], extra: [] }, citations: { checked: 10, invalid: 0 }, distractorHits: [] };
    const scores: CaseScore[] = [
      { ...base, case: 'a', mmi: { truth: 'explicit', predicted: 'explicit', dateErrorDays: 0 } },
      { ...base, case: 'b', mmi: { truth: 'implied', predicted: 'implied', dateErrorDays: 45 } },
      { ...base, case: 'c', mmi: { truth: 'not_reached', predicted: 'implied' } },
    ];
    const s = summarise(scores);
    expect(s.mmi.accuracy).toBeCloseTo(2 / 3);
    expect(s.mmi.confusion.not_reached.implied).toBe(1);
    expect(s.mmi.within30).toBe(0.5); expect(s.mmi.within60).toBe(1);
    expect(s.citations.validity).toBe(1);
  });
});
