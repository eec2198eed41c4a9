import { describe, expect, it } from 'vitest';
import type { Fact, FactOf } from '../src/model/index.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { findDates } from '../src/knowledge/dates.js';
import { splitEncounters } from '../src/segment/encounters.js';

function of<T extends Fact['type']>(body: string, type: T): FactOf<T>[] {
  const { doc, facts } = factsOf(body);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<T> => f.type === type);
}
const asserted = <T extends Fact>(fs: T[]) => fs.filter((f) => !f.negated && f.temporality !== 'hypothetical');

describe('future wording is planned, not performed', () => {
  it.each([
    ['X-rays of the lumbar spine will be obtained at the next visit.', 'imaging_study'],
    ['Care will consist of spinal manipulation three times weekly, tapering as tolerated.', 'chiropractic'],
    ['He will receive a course of physical therapy at the hospital gym.', 'physical_therapy'],
  ])('%s', (text, modality) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.modality === modality && f.evidence[0].quote === text);
    expect(t.map((f) => f.attributes.status)).toEqual(['planned']);
  });
});

describe('drugs that are not being taken', () => {
  it.each([
    'ALLERGIES: Sulfa, codeine, NSAIDs.',
    'Drug allergies: tramadol (rash).',
    'Oxycodone gives her hives.',
    'Risks discussed with the patient, including reactions to sedatives, narcotics and steroids such as methylprednisolone.',
  ])('%s → no medication fact', (text) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === 'medication')).toEqual([]);
  });
  it('a medication list after an allergy line is still the medication list', () => {
    const meds = of('ALLERGIES:, Latex.,HOME MEDICATIONS,1.  Lisinopril.,2.  Synthroid.,3.  Gabapentin 300 mg t.i.d.', 'treatment');
    expect(meds.map((f) => f.attributes.drug)).toEqual(['lisinopril', 'levothyroxine', 'gabapentin']);
    for (const f of meds) expect(f.evidence[0].quote).toMatch(new RegExp(f.attributes.drug === 'levothyroxine' ? 'Synthroid' : f.attributes.drug!, 'i'));
  });
  it('an allergy in one clause does not remove the drug taken in the next', () => {
    expect(of('Allergic to codeine but takes ibuprofen 600 mg daily.', 'treatment').map((f) => f.attributes.drug)).toEqual(['ibuprofen']);
  });
});

describe('a heading is not evidence', () => {
  it.each(['PROCEDURE PERFORMED:,', 'IMAGING:,', 'CURRENT MEDICATIONS,1.'])('%s', (line) => {
    expect(of(line, 'treatment')).toEqual([]);
  });
});

it('an act the surgeon decided against is not performed', () => {
  const t = of('We were unable to advance the catheter past the prior laminectomy scar.', 'treatment');
  expect(asserted(t).filter((f) => f.attributes.status === 'performed')).toEqual([]);
});

describe('referral plan signals', () => {
  const refs = (text: string) => of(text, 'plan_signal').filter((f) => f.attributes.signal === 'referral');
  it.each([
    'Radiating pain referred to the lateral thigh with hip rotation.',
    'For sedation details please refer to the anesthesia record.',
    'He was transported to the recovery room in stable condition.',
    'She is a 61-year-old referred to therapy for knee osteoarthritis.',
    'PLAN: Ibuprofen 600 mg TID; 3 Rx sent to CareFirst Pharmacy #22.',
    'The claimant was informed that results are sent to DDS.',
    'Operative report and hospital records: refer to Nolichucky Valley Medical Center HIM.',
    'For copies of imaging, refer to the medical records department.',
    'The information sent to us does not show 6 weeks of physical therapy.',
    '4. Forms - declined to complete; referred to treating spine providers.',
  ])('not a referral: %s', (text) => expect(refs(text)).toEqual([]));
  it.each([
    ['PLAN: We agree with the neurology referral.', 'neurology'],
    ['PLAN: Will refer to hand surgery.', 'hand surgery'],
  ])('referral: %s', (text, target) => expect(refs(text).map((f) => f.attributes.target)).toContain(target));
  it.each([
    'Our clinic serves uninsured patients only; care transferred.',
    'Pt\'s health plan has assigned a PCP: Seaway Family Health Center.',
    'She will establish care with a new PCP closer to home.',
  ])('care handed over: %s', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain('care_transferred');
  });
  it.each([
    'A follow-up appointment was scheduled in 3 weeks.',
    'He will return for further assessment after the MRI.',
  ])('return to clinic: %s', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain('return_to_clinic');
  });
});

describe('MMI and prognosis', () => {
  it('a predicted MMI is not an MMI statement', () => {
    const m = of('She will likely reach maximum medical improvement within six months.', 'mmi_statement');
    expect(m.filter((f) => f.attributes.kind === 'mmi' && !f.negated && f.temporality === 'current')).toEqual([]);
  });
  it("a treatment's expected effect is not a prognosis", () => {
    expect(of('We discussed a fusion, which would be expected to improve his back pain somewhat.', 'prognosis')).toEqual([]);
    expect(of('Carpal tunnel release is expected to improve her numbness.', 'prognosis')).toEqual([]);
  });
  it("the claimant's expected course still is", () => {
    expect(of('Overall she is expected to improve slowly over the year.', 'prognosis')).toHaveLength(1);
  });
});

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

describe('discharge wording', () => {
  it.each([
    ['Plan: D/C to independent HEP.', 'home_exercise', 'ongoing'],
    ['Discharged to a self-directed home exercise program.', 'home_exercise', 'ongoing'],
    ['Plan: D/C from skilled PT to HEP.', 'physical_therapy', 'completed'],
  ])('%s', (text, modality, status) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === modality)?.attributes.status).toBe(status);
  });
});

it('"no work above shoulder level" restricts reaching, not work', () => {
  const body = 'Restrictions: no work above chest level with the left arm.';
  expect(of(body, 'work_status')).toEqual([]);
  expect(of(body, 'limitation').map((f) => f.attributes.activity)).toContain('overhead_reach');
});

describe('dates', () => {
  it.each(['pain at 4-5/10 with reaching', 'strength 4-/5', 'six visits over the next year'])('no date in "%s"', (text) => {
    expect(findDates(text, '2024-01-22')).toEqual([]);
  });
  it('an observed fact is not dated after its visit', () => {
    const l = of('Pain 6/10. Standing tolerance 20 minutes; recheck planned on 6/1/2024.', 'limitation');
    for (const f of l) expect(f.date! <= '2024-03-14').toBe(true);
  });
});

describe('encounters', () => {
  const record = [
    'CEDAR PHYSICAL THERAPY', 'Initial Evaluation', '', 'Date of Service: 01/08/2024', 'Therapist: Lena Ruiz, PT, DPT', 'Pt reports neck pain.', '',
    'CEDAR PHYSICAL THERAPY', 'Discharge Summary', '', 'Date of Service: 02/20/2024', 'Goals met. Recommend FCE per referring MD.', '',
  ].join('\n');
  const encs = splitEncounters(textDoc(record));
  it('a letterhead and title above a blank line open the next visit', () => {
    expect(encs).toHaveLength(2);
    expect(record.slice(encs[1].start, encs[1].start + 22)).toBe('CEDAR PHYSICAL THERAPY');
  });
  it('the title decides the kind, not a document recommended in the body', () => {
    expect(encs[1].kind).toBe('pt_discharge');
  });
  it('an unsigned visit takes the provider of the same clinic’s earlier visit', () => {
    expect(encs[1].provider.name).toBe('Lena Ruiz');
  });
});
