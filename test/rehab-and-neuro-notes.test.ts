import { describe, expect, it } from 'vitest';
import { isAssertedFact } from '../src/model/index.js';
import { factsOf } from './helpers/extract-doc.js';

const of = (body: string) => factsOf(body).facts;
const limits = (body: string) => of(body).filter((f) => f.type === 'limitation');
const measures = (body: string) => of(body).filter((f) => f.type === 'outcome_measure');
const asserted = (body: string) => of(body).filter(isAssertedFact);
const plateaus = (body: string) => asserted(body).filter((f) => f.type === 'mmi_statement' && f.attributes.kind === 'plateau');

describe('rehab functional status is a limitation', () => {
  it.each([
    ['OBJECTIVE: Gait: pt ambulates 60 ft with CGA and a front-wheeled walker.', 'walk'],
    ['OBJECTIVE: Sit to stand and stand pivot transfers require min assist x1.', 'stand'],
    ['OBJECTIVE: He negotiates 4 stairs with close supervision and one rail.', 'climb'],
    ['OBJECTIVE: Needs moderate assistance with lower body dressing and toileting.', 'other'],
    ['ASSESSMENT: Mod I household distances with a quad cane.', 'walk'],
    ['ASSESSMENT: Her impaired balance remains the main barrier at home.', 'balance'],
  ])('%s → %s', (text, activity) => {
    const l = limits(text).find((f) => f.attributes.activity === activity);
    expect(l?.attributes.source).toBe('provider');
    expect(l?.negated).toBe(false);
  });
  it.each([
    'OBJECTIVE: Independent with all transfers and bed mobility.',
    'GOALS: Pt will ambulate 300 ft with supervision within 4 weeks.',
    'OBJECTIVE: Ambulates community distances without assistance or device.',
  ])('no limitation: %s', (text) => expect(limits(text)).toEqual([]));
  it('is the patient’s report when the sentence says so', () => {
    expect(limits('SUBJECTIVE: Daughter reports he needs help getting in and out of the shower for bathing.')[0]?.attributes.source).toBe('patient');
  });
});

describe('named rehab and cognitive instruments', () => {
  it.each([
    ['Berg balance test total 41/56 today.', 'other', 41, 'Berg Balance Scale'],
    ['Montreal Cognitive Assessment (MoCA) 23/30, deficits in recall.', 'other', 23, 'MoCA'],
    ['Mini-Mental State Exam score of 27/30.', 'other', 27, 'MMSE'],
    ['TUG 16.4 sec with rolling walker.', 'other', 16.4, 'Timed Up and Go'],
    ['Six minute walk test: 310 meters with two rest breaks.', 'other', 310, '6-minute walk test'],
    ['Modified Oswestry Low Back Pain Disability Questionnaire score 38%.', 'ODI', 38, undefined],
  ])('%s', (text, instrument, value, name) => {
    const m = measures(`OBJECTIVE: ${text}`)[0];
    expect(m?.attributes).toMatchObject({ instrument, value });
    expect(m?.attributes.name).toBe(name);
  });
  it('reads each side of a grip dynamometer test', () => {
    const m = measures('OBJECTIVE: Jamar grip dynamometer: L 52 lb, R 71 lb.');
    expect(m.map((f) => [f.attributes.side, f.attributes.value, f.attributes.unit])).toEqual([['left', 52, 'lb'], ['right', 71, 'lb']]);
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

describe('diagnoses in problem lists and prose', () => {
  it('reads bracketed codes and keeps the whole item', () => {
    const d = of('PROBLEM LIST:,1.  Spastic hemiparesis (342.10).,2.  Cervicalgia (M54.2).').filter((f) => f.type === 'diagnosis');
    expect(d.map((f) => [f.attributes.code, f.temporality])).toEqual([['342.10', 'current'], ['M54.2', 'current']]);
    expect(d[1].evidence[0].quote).toBe('Cervicalgia (M54.2)');
  });
  it('names neuro conditions after "a diagnosis of"', () => {
    const names = of('HPI: Transferred to rehab with a diagnosis of left MCA stroke and mild cognitive impairment.').filter((f) => f.type === 'diagnosis').map((f) => f.type === 'diagnosis' && f.attributes.name);
    expect(names).toEqual(expect.arrayContaining(['cerebrovascular accident', 'cognitive impairment']));
  });
});
