import { describe, expect, it } from 'vitest';
import { bareFacts, of } from './helpers/facts-of.js';

const facts = bareFacts;

describe('patient-reported tolerances', () => {
  it.each([
    ['HPI: He says he can stand about 15 minutes before he has to sit.', 'stand', 15],
    ['HPI: She walks two blocks and stops to rest.', 'walk', 2],
    ['Pt reports she can only sit 30 min at a time.', 'sit', 30],
  ])('%s', (text, activity, limit) => {
    const l = of(text, 'limitation');
    expect(l.find((f) => f.attributes.activity === activity)?.attributes.limit).toBe(limit);
  });
  it('the relief action is not a limitation', () => {
    const l = of('HPI: He says he can stand about 15 minutes before he has to sit down.', 'limitation');
    expect(l.map((f) => f.attributes.activity)).toEqual(['stand']);
  });
  it('exercise done in therapy is not a tolerance', () => {
    expect(of('Walked 10 minutes on treadmill at 2.0 mph.', 'limitation')).toEqual([]);
  });
});

it('"no work above shoulder level" restricts reaching, not work', () => {
  const body = 'Restrictions: no work above chest level with the left arm.';
  expect(of(body, 'work_status')).toEqual([]);
  expect(of(body, 'limitation').map((f) => f.attributes.activity)).toContain('overhead_reach');
});

describe('what a form or note says is not limited', () => {
  const limits = (text: string) => of(text, 'limitation').filter((f) => !f.negated && f.temporality === 'current').map((f) => f.attributes.activity);
  it.each([
    '- No kneeling/squatting restriction.',
    'Climbing ladders: [ ] restricted [X] not restricted',
    '16. Motion: Walking (no limit)',
    'Validity: 6 of 6 consistency-of-effort measures within expected limits (grip CV, heart-rate response).',
    'R shoulder abd 4/5 (pain-limited), grip R 24 kg / L 30 kg.',
    'No driving in collar.',
    'No driving on methocarbamol.',
    'Alert, oriented, pleasant, in no distress seated.',
    'Claimant observed using L hand to sign; no difficulty sitting for 25 min interview.',
  ])('no limit: %s', (text) => expect(limits(text)).toEqual([]));
  it('an unmarked option offers an amount; only the marked answer counts', () => {
    const lift = of('7. Lifting: [ ] <10 lb [ ] 10 lb [ ] 20 lb [X] no neurological restriction on lifting', 'limitation').filter((f) => f.attributes.activity === 'lift');
    expect(lift.map((f) => f.attributes.limit).filter((x) => x !== undefined)).toEqual([]);
  });
  it('a max-hours grid drawn with boxes: the marked column is the hours, a full day no limit', () => {
    const text = '18. POSTURE RESTRICTIONS (max hours per day) 0 2 4 6 8 Other\nStanding [ ] [ ] [ ] [ ] [X]\nSitting [ ] [ ] [ ] [ ] [X]\nKneeling/squatting [ ] [X] [ ] [ ] [ ]\n';
    const got = of(text, 'limitation').map((f) => [f.attributes.activity, f.attributes.limit, f.attributes.unit]);
    expect(got).toEqual([['kneel', 2, 'hours'], ['crouch', 2, 'hours']]);
  });
});

describe('CRPS exam signs are abnormal exam findings', () => {
  const exam = (s: string) => of(`PHYSICAL EXAMINATION: ${s}`, 'objective_finding').filter((f) => f.attributes.finding === 'crps_signs' && !f.negated);
  it.each([
    'Marked allodynia to light brushing along the dorsum of the left foot.',
    'The right hand is 2 degrees F cooler than the contralateral hand.',
    'Dusky discoloration of the left forearm compared with the right.',
    'Trophic nail changes and shiny skin over the right fingers.',
  ])('%s', (s) => {
    expect(exam(s).length).toBeGreaterThan(0);
    expect(exam(s)[0].attributes.abnormal).toBe(true);
  });
  it('absent signs are negated', () => {
    expect(exam('No allodynia, no temperature asymmetry, no trophic changes.')).toEqual([]);
  });
  it('a patient describing pain to touch in the history is not an exam finding', () => {
    expect(of('HISTORY OF PRESENT ILLNESS: She describes allodynia with bedsheets.', 'objective_finding').filter((f) => f.attributes.finding === 'crps_signs')).toEqual([]);
  });
});

describe('IMPRESSION is imaging context only in imaging reports', () => {
  it('a consult impression "status post hip fracture" is no imaging finding', () => {
    const t = 'REHAB CONSULTATION\nDate of Service: 06/01/2023\nPhysician: Abel Moreno, MD\n\nIMPRESSION:\n1. Status post left hip fracture and hemiarthroplasty.\n2. Deconditioning.\n';
    expect(facts(t).filter((f) => f.type === 'objective_finding' && f.attributes.category === 'imaging')).toEqual([]);
  });
});
