import { describe, expect, it } from 'vitest';
import { FactSchema, isAssertedFact, type Fact, type FactOf } from '../src/model/index.js';
import { factsOf } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { listItems } from '../src/extract/diagnoses.js';

function of<T extends Fact['type']>(body: string, type: T): FactOf<T>[] {
  const { doc, facts } = factsOf(body);
  for (const f of facts) expect(FactSchema.safeParse(f).success).toBe(true);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<T> => f.type === type && isAssertedFact(f));
}
const findings = (body: string) => of(body, 'objective_finding').map((f) => ({ finding: f.attributes.finding, abnormal: f.attributes.abnormal, category: f.attributes.category }));

describe('exam findings in plain prose', () => {
  const found: [string, string, boolean][] = [
    ['PHYSICAL EXAM: Her motor strength is grossly intact in both lower limbs.', 'normal_strength', false],
    ['EXAM: Straight leg raises are negative to 80 degrees bilaterally.', 'negative_slr', false],
    ['EXAM: Seated SLR normal on both sides.', 'negative_slr', false],
    ['EXAM: SLR positive on the left at 40 degrees with pain into the calf.', 'positive_slr', true],
    ['NEURO: Reflexes: upper limbs +2/4 symmetric, patellar +0/2 on the right.', 'diminished_reflex', true],
    ['NEURO: Reflexes: upper limbs +2/4 symmetric, patellar +0/2 on the right.', 'normal_reflexes', false],
    ['Exam shows absent ankle jerks bilaterally.', 'diminished_reflex', true],
    ['Brisk 3+ reflexes at the knees with 4 beats of clonus.', 'hyperreflexia', true],
    ['Reflexes symmetric and intact throughout the extremities tested.', 'normal_reflexes', false],
    ['Decreased sensation in the L5 dermatome on the left foot.', 'sensory_loss', true],
    ['Light touch sensation was normal in the hands.', 'normal_sensation', false],
    ['OBJECTIVE: Mild soft tissue swelling over the lateral malleolus.', 'swelling', true],
    ['Exam: tenderness to palpation over the lumbar paraspinals.', 'tenderness', true],
    ['Palpation over the lateral epicondyle reproduces her pain.', 'tenderness', true],
    ['Exam: his anterior drawer is solid and Lachman is negative.', 'joint_stable', false],
    ["Spurling's positive to the right with arm paresthesias.", 'positive_provocative', true],
    ['There is atrophy of the right thenar eminence.', 'atrophy', true],
    ['She walks with an antalgic gait favoring the left leg.', 'antalgic_gait', true],
    ['Exam: Strength is 3/5 in right ankle dorsiflexion.', 'weakness', true],
    ['EXAM: Passive knee flexion provokes sharp medial pain.', 'painful_motion', true],
    ['EXAM: Range of motion at the elbow and wrist is preserved.', 'normal_rom', false],
    ['Heel and toe walking is performed without difficulty.', 'normal_gait', false],
    ['Posture: forward head carriage with rounded shoulders.', 'posture_abnormal', true],
  ];
  it.each(found)('%s → %s', (text, finding, abnormal) => {
    expect(findings(text)).toContainEqual(expect.objectContaining({ finding, abnormal }));
  });

  const notFound: [string, string][] = [
    ['EXAM: No swelling, warmth or erythema of the knee.', 'swelling'],
    ['HISTORY: She noticed swelling in the ankle after the fall.', 'swelling'],
    ['EXAM: Distal pulses 2+ bilaterally.', 'normal_reflexes'],
    ['He rates pain 3/5 today.', 'weakness'],
    ['GOALS: Patient will demonstrate 5/5 hip strength within 6 weeks.', 'normal_strength'],
    ['The patient is to demonstrate 4/5 quadriceps strength at discharge.', 'weakness'],
    ['HPI: He has pain with bending and lifting at work.', 'painful_motion'],
    ['Axial compression negative with mild neck pain.', 'painful_motion'],
  ];
  it.each(notFound)('%s ↛ %s', (text, finding) => {
    expect(findings(text).map((f) => f.finding)).not.toContain(finding);
  });
});

describe('electrodiagnostic sentences', () => {
  const emg = (body: string) => findings(`NERVE CONDUCTION STUDIES AND EMG\n${body}`).filter((f) => f.category === 'electrodiagnostic');
  const abnormal: [string, string][] = [
    ['The left median SNAP amplitude is markedly reduced.', 'reduced_amplitude'],
    ['Bilateral superficial peroneal sensory responses were not obtainable.', 'reduced_amplitude'],
    ['Left ulnar CMAP showed a decreased amplitude with stimulation at the wrist.', 'reduced_amplitude'],
    ['The right median distal motor latency is prolonged at 5.8 ms.', 'prolonged_latency'],
    ['Peroneal motor nerve showed slowing of conduction velocity across the fibular head.', 'slowed_conduction'],
    ['Needle exam: increased insertional activity in the left tibialis anterior.', 'denervation'],
    ['Fibrillations and positive sharp waves were seen in the L5 myotomes.', 'denervation'],
    ['Needle EMG showed fasciculations in the deltoid and first dorsal interosseous.', 'fasciculations'],
    ['Large amplitude long duration motor units with reduced recruitment in the gastrocnemius.', 'neurogenic_motor_units'],
    ['IMPRESSION: The study is consistent with a left L5 radiculopathy on EMG.', 'radiculopathy_emg'],
    ['Findings are consistent with moderate right carpal tunnel syndrome on nerve conduction.', 'entrapment_neuropathy'],
    ['Abnormal EMG/NCS of the right upper limb.', 'abnormal_emg'],
    ['There is also electrodiagnostic evidence of a length-dependent sensorimotor polyneuropathy.', 'polyneuropathy'],
  ];
  it.each(abnormal)('%s → %s', (text, finding) => {
    expect(emg(text)).toContainEqual(expect.objectContaining({ finding, abnormal: true }));
  });
  it.each([
    ['IMPRESSION: Normal study. No electrodiagnostic evidence of radiculopathy.'],
    ['The EMG of both lower extremities is within normal limits.'],
  ])('normal study is abnormal=false: %s', (text) => {
    const f = emg(text);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => !x.abnormal)).toBe(true);
  });
  it('a referral diagnosis is not a study finding', () => {
    expect(emg('REFERRING DIAGNOSIS: Possible motor neuron disease.\nFINDINGS: Normal study.').map((f) => f.finding)).not.toContain('motor_neuron_disease');
  });
});

describe('range of motion readings', () => {
  const rom = (body: string) => of(body, 'outcome_measure').filter((m) => m.attributes.instrument === 'ROM').map((m) => ({ value: m.attributes.value, max: m.attributes.max, motion: m.attributes.motion }));
  it.each([
    ['Lumbar ROM:\nFlexion 45/60 with pain at end range.', { value: 45, max: 60, motion: 'flexion' }],
    ['Knee flexion 0 to 95 degrees on the right.', { value: 95, motion: 'knee flexion' }],
    ['Cervical extension 20 (normal 25) with stiffness.', { value: 20, max: 25, motion: 'cervical extension' }],
    ['Lumbar flexion limited to 40 degrees by pain.', { value: 40, motion: 'lumbar flexion' }],
    ['Shoulder abduction: 110 degrees.', { value: 110, motion: 'shoulder abduction' }],
  ])('%s', (text, want) => {
    expect(rom(text)).toContainEqual(expect.objectContaining(want));
  });
  it('a second limb in the same sentence gets its own reading', () => {
    expect(rom('Passive range of motion of the left hip is 0 to 100 degrees and the right hip, 0 to 115 degrees.').map((r) => r.value)).toEqual([100, 115]);
  });
  it('reads a table of motion lines', () => {
    expect(rom('RANGE OF MOTION:\nFlexion: 40 degrees\nExtension: 15 degrees\nRotation: 60 degrees').map((r) => r.value)).toEqual([40, 15, 60]);
  });
  it.each([
    'Hip flexion strength 5/5 bilaterally.',
    'Pain with flexion rated 7/10.',
    'Extension 4/5 at the knee.',
    'Temperature 98.6 degrees.',
  ])('not ROM: %s', (text) => {
    expect(rom(text)).toEqual([]);
  });
});

describe('diagnosis lists', () => {
  const dx = (body: string) => of(body, 'diagnosis');
  it('MTSamples run-on numbered list: one fact per item citing its own text', () => {
    const d = dx('ASSESSMENT:,1.  Right shoulder sprain/strain.,2.  Post-traumatic migraine.,3.  Right C6 radiculopathy.,PLAN:, Follow up in 4 weeks.');
    expect(d.map((f) => f.evidence[0].quote)).toEqual(['Right shoulder sprain/strain', 'Post-traumatic migraine', 'Right C6 radiculopathy']);
  });
  it('comma list under a diagnosis heading is split when every part is a condition', () => {
    const d = dx('POSTOPERATIVE DIAGNOSES:,  Right arm numbness, C5-6 disc herniation, Cervical spondylosis.,ANESTHESIA:, General.');
    expect(d.map((f) => f.evidence[0].quote)).toEqual(['Right arm numbness', 'C5-6 disc herniation', 'Cervical spondylosis']);
  });
  it('keeps one item when a comma only qualifies it', () => {
    expect(dx('IMPRESSION:\n1. Fibromyalgia, poorly controlled on current regimen.').map((f) => f.evidence[0].quote)).toEqual(['Fibromyalgia']);
  });
  it.each([
    ['DIAGNOSES:\n1. Traumatic brain injury with post-concussive headaches.', /brain injury/i],
    ['IMPRESSION:\n1. Pseudotumor cerebri.', /pseudotumor cerebri/i],
    ['ASSESSMENT:\n2. Complex regional pain syndrome type I, left hand (G90.512).', /complex regional pain syndrome/i],
    ['ASSESSMENT:\n1. Lumbar degenerative disc disease with L4-5 stenosis.', /degenerative disc disease/i],
    ['Final diagnosis: Nondisplaced fracture of the left distal radius.', /fracture/i],
  ])('%s', (text, name) => {
    expect(dx(text).map((f) => f.attributes.name)).toContainEqual(expect.stringMatching(name));
  });
  it('keeps the ICD-10 code stated with an item', () => {
    expect(dx('ASSESSMENT:\n1. Cervical radiculopathy (M54.12).')[0].attributes).toMatchObject({ name: 'cervical radiculopathy', code: 'M54.12' });
  });
  it('an undetected heading without a colon still opens a numbered list', () => {
    expect(dx('Gait slow but steady.,ASSESSMENT ,1.  Fibromyalgia.,2.  Chronic fatigue syndrome.').map((f) => f.evidence[0].quote)).toEqual(['Fibromyalgia', 'Chronic fatigue syndrome']);
  });
  it.each([
    'FAMILY HISTORY: Father with lumbar spinal stenosis and migraines.',
    'ASSESSMENT:\n1. Rule out cervical myelopathy.',
    'DISCUSSION: It is difficult to be certain about the diagnosis of fibromyalgia at this point.',
    'ASSESSMENT:\nThe patient was seen today and tolerated the injection well.',
    'ASSESSMENT:\n1. Nicotine use, counseled.',
  ])('no asserted diagnosis: %s', (text) => {
    expect(dx(text)).toEqual([]);
  });
  it('a diagnosis made at a stated past age is historical', () => {
    const all = factsOf('HISTORY: She was diagnosed with fibromyalgia at age 19.').facts.filter((f) => f.type === 'diagnosis');
    expect(all.every((f) => f.temporality === 'historical')).toBe(true);
  });
  it('listItems strips numbering and trailing markers', () => {
    const t = 'Lumbar spine sprain/strain.,3.';
    expect(listItems(t, 0).map((i) => t.slice(i.start, i.end))).toEqual(['Lumbar spine sprain/strain']);
  });
});
