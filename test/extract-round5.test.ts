import { describe, expect, it } from 'vitest';
import type { Fact, FactOf } from '../src/model/index.js';
import { factsOf } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { findDates } from '../src/knowledge/dates.js';

function of<T extends Fact['type']>(body: string, type: T): FactOf<T>[] {
  const { doc, facts } = factsOf(body);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<T> => f.type === type);
}
const modalities = (body: string) => of(body, 'treatment').map((f) => f.attributes.modality);

describe('electrodiagnostic studies and findings are not treatments', () => {
  it.each([
    'NEUROPHYSIOLOGY LAB - EMG/NCS REPORT',
    'Nerve conduction studies of the right median and ulnar nerves were performed.',
    'Abnormal electrodiagnostic study.',
    'MRI L-spine: enhancing epidural fibrosis encasing the right S1 root at the laminectomy site.',
    'Epidural scarring is again noted posterior to the thecal sac.',
  ])('%s', (text) => {
    expect(modalities(text).filter((m) => m === 'epidural_injection' || (m === 'imaging_study' && !/MRI/.test(text)))).toEqual([]);
  });
  it('an epidural injection is still one', () => {
    expect(modalities('She had a lumbar epidural at L5-S1 last spring with 3 weeks of relief.')).toContain('epidural_injection');
  });
});

describe('joint injections named with "joint"', () => {
  it.each([
    ['Right knee joint injection with Kenalog 40 mg was performed today.', 'joint_injection'],
    ['He got an AC joint injection from ortho in May.', 'joint_injection'],
    ['SI joint injection on the left provided 50% relief.', 'si_joint_injection'],
    ['Facet joint injections at L4-5 were not helpful.', 'facet_injection'],
  ])('%s → %s', (text, modality) => {
    expect(modalities(text)).toContain(modality);
    expect(modalities(text)).not.toContain('other_injection');
  });
});

describe('therapy wording from real therapists', () => {
  it.each([
    ['Aquatic therapy twice weekly has helped her gait tolerance.'],
    ['Continues with water exercises at the YMCA pool program.'],
  ])('%s → physical_therapy (aquatic)', (text) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.modality === 'physical_therapy');
    expect(t.length).toBeGreaterThan(0);
    for (const f of t) expect(f.attributes.subtype).toBe('aquatic');
  });
  it.each([
    'Pt will be seen 3x/week for 4 weeks for gait training.',
    'Patient is to be seen twice a week for the next month.',
  ])('a therapist\'s schedule in her own note is PT planned, not a new-treatment signal: %s', (text) => {
    const { facts } = factsOf(`OUTPATIENT PHYSICAL THERAPY PLAN OF CARE\n${text}`);
    expect(facts.filter((f) => f.type === 'treatment' && f.attributes.modality === 'physical_therapy' && f.attributes.status === 'planned')).toHaveLength(1);
    expect(facts.filter((f) => f.type === 'plan_signal' && f.attributes.signal === 'new_treatment')).toEqual([]);
  });
  it('a scheduled follow-up with a physician is not a therapy', () => {
    expect(modalities('He will return in 6 weeks for recheck of the wrist.')).toEqual([]);
  });
});

describe('devices and drug classes written plainly', () => {
  it.each([
    ['Custom orthotics were dispensed for both shoes.', 'brace', 'performed'],
    ['She was given nonsteroidals by urgent care.', 'medication', 'performed'],
  ])('%s', (text, modality, status) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.modality === modality);
    expect(t.map((f) => f.attributes.status)).toEqual([status]);
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

describe('no further treatment', () => {
  it.each([
    'No further active treatment is expected to change the outcome.',
    'No further interventional care is likely to help at this point.',
  ])('%s', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain('no_further_treatment');
  });
});

describe('memoised date parsing', () => {
  it('returns the same dates for a repeated sentence and refuses mutation', () => {
    const a = findDates('Seen on 3/2/2024 for follow-up.', '2024-03-14');
    const b = findDates('Seen on 3/2/2024 for follow-up.', '2024-03-14');
    expect(b).toEqual(a);
    expect(() => (b as unknown as unknown[]).push(1)).toThrow();
    expect(findDates('Seen on 3/2 with increased pain.', '2024-01-10')[0].date).toBe('2023-03-02');
  });
});
