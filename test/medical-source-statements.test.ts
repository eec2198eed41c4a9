import { describe, expect, it } from 'vitest';
import { isAssertedFact } from '../src/model/index.js';
import type { FactOf } from '../src/model/index.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { processDocument } from '../src/pipeline.js';

const of = (body: string) => factsOf(body).facts;
const asserted = (body: string) => of(body).filter(isAssertedFact);
const limits = (body: string) => asserted(body).filter((f) => f.type === 'limitation');

describe('medical source statement phrasing → provider limitations', () => {
  it.each([
    ['Can stand and walk 2 hours total in an 8-hour day.', [['stand', 2, 'hours'], ['walk', 2, 'hours']]],
    ['She can sit about 4 hours in an 8-hour workday.', [['sit', 4, 'hours']]],
    ['Needs to alternate sitting and standing every 30 minutes.', [['sit', 30, 'minutes'], ['stand', 30, 'minutes']]],
    ['She will miss about 3 days per month due to pain.', [['other', 3, 'days per month']]],
    ['He is likely to be absent from work more than 4 days per month.', [['other', 4, 'days per month']]],
    ['Would be off task 20% of the workday.', [['other', 20, 'percent']]],
  ] as [string, [string, number, string][]][])('%s', (text, want) => {
    const got = limits(`MEDICAL SOURCE STATEMENT:\n${text}`);
    for (const [activity, limit, unit] of want) {
      const l = got.find((f) => f.attributes.activity === activity);
      expect(l?.attributes).toMatchObject({ limit, unit, source: 'provider' });
    }
  });
  it.each([
    ['Must elevate legs above heart level when seated.', 'other'],
    ['She needs unscheduled breaks during the workday.', 'other'],
    ['Never climb ladders, ropes or scaffolds.', 'climb'],
    ['Occasional stooping and crouching.', 'stoop'],
  ])('%s → %s', (text, activity) => {
    expect(limits(`FUNCTIONAL CAPACITY:\n${text}`).some((f) => f.attributes.activity === activity)).toBe(true);
  });
  it.each([
    'Can occasionally lift 20 lb and frequently 10 lb.',
    'Lift/carry 20 lbs occasionally, 10 lbs frequently.',
  ])('two lift limits with their frequency: %s', (text) => {
    const lifts = limits(`RESTRICTIONS:\n${text}`).filter((f) => f.attributes.activity === 'lift');
    expect(lifts.map((f) => [f.attributes.limit, f.attributes.frequency])).toEqual([[20, 'occasional'], [10, 'frequent']]);
  });
  it('a restriction phrased "is not recommended" stays asserted', () => {
    expect(limits('RESTRICTIONS:\nLifting over 20 lb is not recommended.')[0]?.attributes).toMatchObject({ activity: 'lift', limit: 20 });
  });
  it.each([
    'PLAN: Elevate legs at night for swelling.',
    'HPI: Miss Jones returns for follow up of low back pain.',
    'HPI: She missed 3 days of work last month with the flu.',
    'OBJECTIVE: Breaks are scheduled every 2 hours at her job.',
  ])('no MSS need: %s', (text) => {
    expect(limits(text).filter((f) => f.attributes.activity === 'other')).toEqual([]);
  });
});

describe('a source statement form answered in its fields', () => {
  const limits = (body: string) => {
    const doc = textDoc(`PHYSICAL MEDICAL SOURCE STATEMENT\nPatient: Jane Roe   DOB 04/22/1974    Date: 08/20/2024\n${body}\n/s/ Wendell Doe, MD   08/20/2024\n`);
    const r = processDocument(doc);
    expectValidCitations(r.facts, [doc]);
    return r.facts.filter((f): f is FactOf<'limitation'> => f.type === 'limitation' && !f.negated)
      .map((f) => [f.attributes.activity, f.attributes.limit ?? null, f.attributes.frequency ?? null]);
  };
  it.each([
    ['6. Lift/carry: occasionally 10 lb; frequently less than 10 lb; never 20 lb.', [['lift', 10, 'occasional'], ['carry', 10, 'occasional']]],
    ['5. Sit:   at one time 30 min;  total in 8-hr day [ ] <2 [ ] 2 [X] about 4 hrs [ ] 6+', [['sit', 30, null]]],
    ['7. Reach (including overhead) [X] frequent ( ) occasional', [['reach', null, 'frequent']]],
    ['8. Off task: [ ] 10% [ ] 15% [X] 20% or more (pain, fatigue, fog)', [['other', 20, null]]],
    ['13. Time off task (% of 8-hr workday) due to pain/medication: [ ] 0-10% [ ] 15% [X] 20% [ ] 25%+', [['other', 20, null]]],
    ['14. Absences per month: [ ] <1 [ ] 1 [ ] 2 [X] 3 [ ] 4+', [['other', null, null]]],
  ])('%s', (line, expected) => {
    expect(limits(line)).toEqual(expect.arrayContaining(expected));
  });
  it('a header row of frequency words is still not a limit', () => {
    expect(limits('Never   Occasionally   Frequently   Constantly')).toEqual([]);
  });
});
