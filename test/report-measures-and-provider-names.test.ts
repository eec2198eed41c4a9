import { describe, expect, it } from 'vitest';
import type { CaseAnalysis, Evidence, TimelineEntry } from '../src/model/index.js';
import { formatNumber, instrumentLabel, outcomePairs, tidyNumbers } from '../src/report/measures.js';
import { ProviderNames } from '../src/report/providers.js';
import { ev, fixtureAnalysis } from './fixtures/analysis-fixture.js';

const T = 'records/pt-notes.txt';
const point = (instrument: string, value: number, date: string | undefined, e: Evidence) => ({ instrument, value, date, evidence: [e] });

describe('instrument labels and numbers', () => {
  it.each([
    ['NRS', 'Pain (NRS 0–10)'], ['ODI', 'Disability (ODI 0–100)'], ['QuickDASH', 'Arm disability (QuickDASH 0–100)'],
    ['LEFS', 'Leg function (LEFS 0–80)'], ['strength:ehl', 'Strength: EHL (0–5)'], ['ROM:forward flexion', 'Range of motion: forward flexion'],
    ['Berg', 'Berg'],
  ])('instrumentLabel(%j) → %j', (id, label) => expect(instrumentLabel(id)).toBe(label));

  it.each([[1.3499999999999999, '1.35'], [4.5, '4.5'], [-34.1, '-34.1'], [10, '10'], [27.299999, '27.3']])('formatNumber(%j) → %j', (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });

  it('tidies float noise in analysis sentences but leaves dates, scores and levels alone', () => {
    expect(tidyNumbers('strength:ehl changed 0, less than its MCID of 1.3499999999999999.')).toBe('strength:ehl changed 0, less than its MCID of 1.35.');
    expect(tidyNumbers('NRS 7.5/10 on 2023-03-02 at L4-5, 0.9 mg')).toBe('NRS 7.5/10 on 2023-03-02 at L4-5, 0.9 mg');
  });
});

describe('before → after pairs', () => {
  const base = fixtureAnalysis.timeline[0];
  const e = ev(T, 'ODI 56%');
  const entry = (before: TimelineEntry['outcomeBefore'], after: TimelineEntry['outcomeAfter']): TimelineEntry => ({ ...base, outcomeBefore: before, outcomeAfter: after });

  it('puts function scores before pain and drops impairment noise when a function or pain pair exists', () => {
    const pairs = outcomePairs(entry(
      [point('NRS', 8, '2022-03-21', e), point('ROM:forward flexion', 40, '2022-03-21', e), point('strength:ehl', 4, '2022-03-21', e), point('ODI', 48, '2022-03-30', e)],
      [point('NRS', 6, '2022-07-11', e), point('strength:ehl', 4.5, '2022-07-11', e), point('ODI', 46, '2022-07-11', e)],
    ));
    expect(pairs.map((p) => p.instrument)).toEqual(['ODI', 'NRS']);
  });

  it('hides pairs with a missing side or measured at the same visit', () => {
    const pairs = outcomePairs(entry(
      [point('ROM:forward flexion', 40, '2022-03-21', e), point('NRS', 7, '2023-08-28', e)],
      [point('ODI', 44, '2024-11-11', e), point('NRS', 7, '2023-08-28', e)],
    ));
    expect(pairs).toEqual([]);
  });

  it('falls back to impairment measures when nothing else was paired', () => {
    const pairs = outcomePairs(entry([point('strength:abduction', 3, '2023-07-01', e)], [point('strength:abduction', 4, '2023-11-13', e)]));
    expect(pairs.map((p) => p.label)).toEqual(['Strength: abduction (0–5)']);
  });
});

describe('provider names', () => {
  const withLists = (lists: string[][]): CaseAnalysis => ({
    ...fixtureAnalysis,
    timeline: lists.map((providers) => ({ ...fixtureAnalysis.timeline[0], providers })),
    functionalFloor: [],
  });

  it('shows each person once under their most frequent specialty', () => {
    const a = withLists([
      ['Helen Marchetti, MD (orthopedic surgery)'], ['Helen Marchetti, MD (orthopedic surgery)', 'Marcus Lee, DPT'],
      ['Helen Marchetti, MD (primary care)', 'Helen Marchetti, MD', 'Dr. Marchetti (primary care)', 'Marcus Lee, DPT (physical therapy)'],
    ]);
    expect(new ProviderNames(a).display(a.timeline[2].providers)).toEqual(['Helen Marchetti, MD (orthopedic surgery)', 'Marcus Lee, DPT (physical therapy)']);
  });

  it('keeps two people who share a surname apart, and leaves an ambiguous "Dr. Surname" as written', () => {
    const a = withLists([['Samuel Okafor, MD (neurosurgery)', 'Anita Okafor, MD (primary care)', 'Dr. Okafor (pain management)']]);
    expect(new ProviderNames(a).display(a.timeline[0].providers)).toEqual(['Samuel Okafor, MD (neurosurgery)', 'Anita Okafor, MD (primary care)', 'Dr. Okafor (pain management)']);
  });

  it('leaves names it never saw unchanged', () => {
    expect(new ProviderNames(fixtureAnalysis).display(['the treating psychology provider'])).toEqual(['the treating psychology provider']);
  });
});
