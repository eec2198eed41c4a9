import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers/extract-doc.js';
import { of } from './helpers/facts-of.js';

const modalities = (body: string) => of(body, 'treatment').map((f) => f.attributes.modality);

describe('electrodiagnostic studies are diagnostic studies, and epidural findings are no injection', () => {
  // (Reviewers list an EMG/NCS with the imaging: a study done, shown as one, never as a treatment given.)
  it.each([
    'NEUROPHYSIOLOGY LAB - EMG/NCS REPORT',
    'Nerve conduction studies of the right median and ulnar nerves were performed.',
    'Abnormal electrodiagnostic study.',
  ])('%s', (text) => expect(of(text, 'treatment').map((f) => [f.attributes.modality, f.attributes.subtype])).toEqual([['imaging_study', 'EMG/NCS']]));
  it.each([
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
    ['Aquatic PT 2x/week at the rehab pool.'],
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

describe('words that name something else here', () => {
  // Mentions only: the test note's own visit fact depends on how the one-line note is classified.
  const mods = (text: string) => of(text, 'treatment').filter((f) => f.temporality === 'current' && !f.negated && !f.id.endsWith(':treatment:visit')).map((f) => f.attributes.modality);
  it.each([
    ['Carrier denial of RFA received; patient called upset.', 'radiofrequency_ablation'],
    ['RFA decision deferred pending the IME.', 'radiofrequency_ablation'],
    ['His office submitted the RFA for surgery.', 'radiofrequency_ablation'],
    ['Physical therapy: continue 2x/week; RFA for total of 12 visits.', 'radiofrequency_ablation'],
    ['FINANCIAL COUNSELING NOTE: Pt uninsured.', 'psychology'],
    ['11:55 discharged to home via wheelchair with spouse.', 'assistive_device'],
    ['Counseled re: falls, avoid neck manipulation/chiropractic, avoid ladders.', 'chiropractic'],
    ['Payer: BCBST PPO (visit limit 30 PT/OT/chiro combined per plan year)', 'chiropractic'],
    ['Totals: R knee 7 injections; L knee 3 injections.', 'other_injection'],
  ])('%s is not %s', (text, modality) => expect(mods(text)).not.toContain(modality));
  it('an ablation is still an ablation', () => {
    expect(of('PROCEDURE: Bilateral L4-5 RFA performed under fluoroscopy.', 'treatment').map((f) => f.attributes.modality)).toContain('radiofrequency_ablation');
  });
});

describe('a drug given by injection is a drug, a joint drained and injected is a joint injection', () => {
  it.each([
    ['First long-acting injection given: aripiprazole ER 400 mg IM.', 'medication'],
    ['B12 injection given today.', 'medication'],
    ['Right knee aspiration and injection.', 'joint_injection'],
    ['Lumbar ESI performed today at L4-5.', 'epidural_injection'],
  ])('%s', (text, modality) => {
    expect(modalities(text)[0]).toBe(modality);
    expect(modalities(text)).not.toContain('other_injection');
  });
  it('a psychiatric clinic\'s bare "injection" is the long-acting drug\'s dose, not a procedure', () => {
    const note = 'BEHAVIORAL HEALTH - PSYCHIATRY MEDICATION MANAGEMENT\nProvider: Ann Sample, PMHNP-BC\nPlan: transportation arranged for injections. Continue aripiprazole ER 400 mg IM q4 weeks.';
    expect(modalities(note)).not.toContain('other_injection');
  });
});

describe('a stimulator\'s new program named by its waveform', () => {
  it.each([
    ['Changed to Altura "PulseWave" sub-perception paradigm (program 4) with rep.', true],
    ['Trial of a burst waveform with the rep today.', true],
    ['Minor caudal migration of the left lead, compensated by reprogramming.', false],
  ])('%s', (text, scs) => {
    expect(modalities(text).includes('spinal_cord_stimulator')).toBe(scs);
  });
});

describe('a series count and a supervised exercise programme', () => {
  it('"Injection #4" after the named ESI counts the procedure, it is not a second one', () => {
    const text = 'PROCEDURE NOTE                                                12/05/2023\nProcedure: L4-5 interlaminar ESI, fluoroscopic guidance (62323). Injection #4.\nNo complications.';
    expect(of(text, 'treatment').map((f) => f.attributes.modality)).toEqual(['epidural_injection']);
  });
  it.each([
    'Completed pulmonary rehab 06/30/2023 - 36 sessions, 6MWT 290 -> 340 m.',
    'Referred to cardiac rehabilitation program.',
  ])('%s → physical therapy (cardiopulmonary rehabilitation)', (text) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'physical_therapy')?.attributes.subtype).toBe('cardiopulmonary rehabilitation');
  });
});

describe('wound care', () => {
  it.each([
    'L DFU - followed at wound center weekly; in total contact cast since 03/07.',
    'Sharp debridement of the ulcer to bleeding base.',
    'Wound vac changed today.',
  ])('%s → wound care', (text) => {
    expect(of(text, 'treatment').map((f) => f.attributes.modality)).toContain('wound_care');
  });
  it.each([
    'RTC 6 wks for wound check.',
    'Wound care: keep incision clean and dry.',
  ])('%s → no wound care course', (text) => {
    expect(of(text, 'treatment').map((f) => f.attributes.modality)).not.toContain('wound_care');
  });
});

describe('an operative report\'s procedures named by what was repaired', () => {
  it.each([
    'PROCEDURES:\n 1. Repair flexor digitorum profundus, right index finger (26356)',
    'PROCEDURES:\n 2. Neurorrhaphy radial digital nerve right index finger under loupe magnification (64831)',
    'Procedure: right flexor tendon repair, zone II.',
    'Operation: ACL reconstruction with hamstring autograft.',
    'Procedure: tenolysis of the long finger flexors.',
  ])('%s', (text) => {
    expect(modalities(text)).toContain('surgery');
  });
  it('a tendon named in an exam is not an operation: "biceps tendon tender"', () => {
    expect(modalities('Exam: biceps tendon tender to palpation; nerve tension signs negative.')).not.toContain('surgery');
  });
});
