import { describe, expect, it } from 'vitest';
import { isAssertedFact } from '../src/model/index.js';
import { factsOf } from './helpers/extract-doc.js';

const of = (body: string) => factsOf(body).facts;
const asserted = (body: string) => of(body).filter(isAssertedFact);
const limits = (body: string) => asserted(body).filter((f) => f.type === 'limitation');
const signals = (body: string) => asserted(body).flatMap((f) => (f.type === 'plan_signal' ? [f.attributes.signal] : []));
const plateaus = (body: string) => asserted(body).filter((f) => f.type === 'mmi_statement' && f.attributes.kind === 'plateau');

describe('a recommendation negated after its target negates the treatment', () => {
  it.each([
    ['ASSESSMENT/PLAN: Surgery is not recommended.', 'surgery'],
    ['PLAN: Injections are not indicated at this time.', 'other_injection'],
    ['PLAN: Repeat lumbar ESI is not warranted given only 2 weeks of relief.', 'epidural_injection'],
    ['RECOMMENDATIONS: Further physical therapy was not felt to be necessary.', 'physical_therapy'],
    ['PLAN: A spinal cord stimulator trial is not advised.', 'spinal_cord_stimulator'],
  ])('%s', (text, modality) => {
    const proposed = of(text).filter((f) => f.type === 'treatment' && f.attributes.modality === modality && f.attributes.status === 'recommended');
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((f) => f.negated)).toBe(true);
    expect(signals(text)).not.toContain('new_treatment');
  });
  it('keeps the "not a surgical candidate" signal', () => {
    expect(signals('ASSESSMENT/PLAN: Surgery is not recommended.')).toContain('not_surgical_candidate');
    expect(signals('IMPRESSION: He is not a surgical candidate.')).toContain('not_surgical_candidate');
  });
  it.each([
    'PLAN: Surgery is recommended; he wishes to proceed.',
    'PLAN: Lumbar ESI is indicated and will be scheduled.',
    'PLAN: Continue PT; surgery is not recommended.',
  ])('leaves other recommendations standing: %s', (text) => {
    const recommended = asserted(text).filter((f) => f.type === 'treatment' && f.attributes.status !== 'performed');
    expect(recommended.length).toBeGreaterThan(0);
  });
});

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

describe('plateau wording → mmi_statement plateau', () => {
  it.each([
    'ASSESSMENT: No further gains have been made over the last 4 weeks.',
    'ASSESSMENT: Progress has stalled despite good compliance.',
    'ASSESSMENT: Minimal change since last visit.',
    'ASSESSMENT: She has made no further gains in therapy.',
    'ASSESSMENT: No measurable improvement has been noted since the March re-evaluation.',
    'ASSESSMENT: His condition has stagnated.',
  ])('%s', (text) => expect(plateaus(text)).toHaveLength(1));
  it.each([
    'PLAN: If no further gains have been made by next visit, will discharge to HEP.',
    'ASSESSMENT: Progress has not stalled; she continues to gain strength.',
    'ASSESSMENT: She has made significant gains since last visit.',
    'ASSESSMENT: We will reassess in 4 weeks to see whether progress has stalled.',
  ])('no plateau: %s', (text) => expect(plateaus(text)).toEqual([]));
});
