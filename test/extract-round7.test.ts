import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers/extract-doc.js';

const of = (body: string) => factsOf(body).facts;
const limits = (body: string) => of(body).filter((f) => f.type === 'limitation');
const measures = (body: string) => of(body).filter((f) => f.type === 'outcome_measure');
const treatments = (body: string) => of(body).filter((f) => f.type === 'treatment');

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

describe('procedure titles and technique text', () => {
  it('a caps title line in a procedure note is the performed procedure', () => {
    const t = treatments('PROCEDURE NOTE\nPROCEDURE PERFORMED:,\nLEFT L4-L5 FACET JOINT INJECTIONS UNDER FLUOROSCOPY,\nThe patient tolerated it well.');
    expect(t.some((f) => f.attributes.modality === 'facet_injection' && f.attributes.status === 'performed')).toBe(true);
  });
  it('a purpose clause does not plan another procedure', () => {
    const facts = of('PROCEDURE NOTE\nDESCRIPTION: Chlorhexidine prep was done in order to keep the field sterile for the medial branch block.');
    expect(facts.some((f) => f.type === 'plan_signal')).toBe(false);
    expect(facts.some((f) => f.type === 'treatment' && f.attributes.status === 'planned')).toBe(false);
  });
});

describe('operations told as history', () => {
  it.each([
    'HPI: Seen for gait training; she is s/p resection of a parietal meningioma.',
    'HPI: He had a ventriculoperitoneal shunt placed for hydrocephalus.',
    'HPI: Sent to therapy status post craniotomy for a subdural hematoma.',
    'HPI: Underwent right carpal tunnel release, then returned to light duty.',
  ])('%s', (text) => {
    const s = treatments(text).find((f) => f.attributes.modality === 'surgery');
    expect(s?.attributes.status).toBe('performed');
    expect(s?.temporality).toBe('historical');
    expect(s?.dateSource).toBe('none');
  });
  it('keeps a written date', () => {
    const s = treatments('HPI: She had a lumbar fusion on 02/10/2021.').find((f) => f.attributes.modality === 'surgery');
    expect(s?.date).toBe('2021-02-10');
  });
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

describe('medication wording and benefit durations', () => {
  it.each([
    ['PLAN: Start a slow taper of the clonazepam.', 'decreased'],
    ['PLAN: We will begin a weaning schedule for her hydrocodone.', 'decreased'],
  ])('%s', (text, change) => expect(treatments(text)[0]?.attributes.doseChange).toBe(change));
  it('a prn drug is current, not hypothetical', () => {
    const t = treatments('PLAN: Naproxen 500 mg BID as needed.')[0];
    expect(t?.temporality).toBe('current');
    expect(t?.attributes.status).toBe('ongoing');
  });
  it('still hypothetical when conditional', () => {
    expect(treatments('PLAN: If the flare persists, she may take meloxicam as needed.')[0]?.temporality).toBe('hypothetical');
  });
  it('"will benefit from" recommends the therapy', () => {
    expect(treatments('ASSESSMENT: He will benefit from skilled occupational therapy.').some((f) => f.attributes.modality === 'occupational_therapy' && f.attributes.status === 'recommended')).toBe(true);
  });
  it('a worded range of months is a duration', () => {
    const b = of('HPI: Prior facet blocks helped, with relief lasting between three and five months.').find((f) => f.type === 'benefit');
    expect(b?.type === 'benefit' && b.attributes.durationDays).toBe(90);
  });
  it.each([
    ['HPI: Completed 18 PT visits. Injection helped night pain for about 3 weeks.', 21, 'for about 3 weeks'],
    ['HPI: Saw Dr. Lindqvist - subacromial injection 05/20 helped about 2-3 weeks.', 14, 'helped about 2-3 weeks'],
  ])('relief told in words and weeks: %s', (text, days, quote) => {
    const b = of(text).find((f) => f.type === 'benefit');
    expect(b?.type === 'benefit' && b.attributes.durationDays).toBe(days);
    expect(b?.evidence[0].quote).toContain(quote);
  });
  it('a therapy schedule is not a benefit duration', () => {
    expect(of('PLAN: PT 2x/week for 6 weeks; injection if no better.').some((f) => f.type === 'benefit')).toBe(false);
  });
});
