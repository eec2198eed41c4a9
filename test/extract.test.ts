import { describe, expect, it } from 'vitest';
import { FactSchema, type Fact, type FactOf } from '../src/model/index.js';
import { factsOf } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';

function of<T extends Fact['type']>(body: string, type: T): FactOf<T>[] {
  const { doc, facts } = factsOf(body);
  for (const f of facts) expect(FactSchema.safeParse(f).success).toBe(true);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<T> => f.type === type);
}

describe('treatments', () => {
  const cases: [string, Partial<FactOf<'treatment'>['attributes']>][] = [
    ['She is s/p L5-S1 TFESI on 3/2/2024.', { modality: 'epidural_injection', subtype: 'transforaminal', status: 'performed', level: 'L5-S1' }],
    ['PLAN: Patient declined surgery at this time.', { modality: 'surgery', status: 'declined' }],
    ['Completed 8 sessions of physical therapy with minimal change.', { modality: 'physical_therapy', status: 'completed', sessions: 8 }],
    ['Increase gabapentin to 600 mg TID.', { modality: 'medication', drug: 'gabapentin', drugClass: 'anticonvulsant', doseChange: 'increased', dose: '600 mg TID' }],
    ['Norco 10/325 one tab q6h prn was discontinued due to sedation.', { drug: 'hydrocodone', drugClass: 'opioid', status: 'discontinued' }],
    ['Will schedule right L4-5 medial branch blocks.', { modality: 'medial_branch_block', status: 'planned', side: 'right', level: 'L4-5' }],
    ['She uses a single point cane for community distances.', { modality: 'assistive_device', subtype: 'cane', status: 'ongoing' }],
    ['Continue HEP daily.', { modality: 'home_exercise', status: 'ongoing' }],
    ['Meloxicam 15 mg daily.', { drug: 'meloxicam', drugClass: 'NSAID', dose: '15 mg daily' }],
  ];
  it.each(cases)('%s', (text, want) => {
    const t = of(text, 'treatment');
    expect(t.map((f) => f.attributes)).toContainEqual(expect.objectContaining(want));
  });

  it('a conditional plan is recommended and hypothetical, never performed', () => {
    const t = of('If PT fails we will consider lumbar epidural steroid injections.', 'treatment').find((f) => f.attributes.modality === 'epidural_injection')!;
    expect(t.attributes.status).toBe('recommended');
    expect(t.temporality).toBe('hypothetical'); // needs the real context engine
  });

  it('"pt" meaning patient and PT/INR are not physical therapy', () => {
    expect(of('Pt reports pain is better. PT/INR within normal limits.', 'treatment').filter((f) => f.attributes.modality === 'physical_therapy')).toEqual([]);
  });

  it('dates a treatment by the date in its sentence, else by the visit', () => {
    const [dated] = of('She underwent a caudal ESI on 01/15/2024.', 'treatment');
    expect([dated.date, dated.dateSource]).toEqual(['2024-01-15', 'sentence']);
    const [visit] = of('Continue tizanidine 4 mg at bedtime.', 'treatment');
    expect([visit.date, visit.dateSource]).toEqual(['2024-03-14', 'encounter']);
  });
});

describe('outcome measures', () => {
  const cases: [string, Partial<FactOf<'outcome_measure'>['attributes']>][] = [
    ['Pain is rated 7/10 today.', { instrument: 'NRS', value: 7, max: 10 }],
    ['Oswestry 46% at intake.', { instrument: 'ODI', value: 46, max: 100 }],
    ['Her pain improved from 8/10 to 5/10 after the injection.', { instrument: 'NRS', value: 5, previous: 8, direction: 'improved' }],
    ['LEFS 32/80.', { instrument: 'LEFS', value: 32, max: 80 }],
    ['NDI score of 24.', { instrument: 'NDI', value: 24 }],
    ['QuickDASH 45.5 today.', { instrument: 'QuickDASH', value: 45.5 }],
    ['Lumbar flexion 40 degrees with pain.', { instrument: 'ROM', value: 40, motion: 'lumbar flexion' }],
    ['Strength 4/5 left EHL.', { instrument: 'strength', value: 4, motion: 'ehl', side: 'left' }],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(of(text, 'outcome_measure').map((f) => f.attributes)).toContainEqual(expect.objectContaining(want));
  });
  it.each([
    ['BP 120/80, HR 72.'],
    ['Reflexes 2/4 symmetric.'],
    ['GOALS: Patient will report pain of 2/10 or less.'],
    ['Seen on 7/10/2023 for follow-up.'],
  ])('no measure in %s', (text) => {
    expect(of(text, 'outcome_measure').filter((f) => f.attributes.instrument === 'NRS')).toEqual([]);
  });
});

describe('benefit', () => {
  it('reads percent relief and duration', () => {
    const [b] = of('She reports 70% relief for about 3 weeks after the ESI.', 'benefit');
    expect(b.attributes).toMatchObject({ percentRelief: 70, durationDays: 21, modality: 'epidural_injection' });
  });
  it('reads "no relief"', () => {
    const [b] = of('The medial branch blocks gave no relief.', 'benefit');
    expect(b.attributes).toMatchObject({ noRelief: true, modality: 'medial_branch_block' });
    expect(b.negated).toBe(false);
  });
  it('reads how long relief lasted', () => {
    const [b] = of('Relief from the injection lasted 2 months.', 'benefit');
    expect(b.attributes.durationDays).toBe(60);
  });
});

describe('objective findings', () => {
  const cases: [string, string, boolean][] = [
    ['MRI shows a left paracentral disc protrusion at L5-S1 contacting the traversing S1 nerve root.', 'disc_protrusion', true],
    ['Positive straight leg raise on the left at 40 degrees.', 'positive_slr', true],
    ['Diminished left Achilles reflex.', 'diminished_reflex', true],
    ['Decreased sensation to light touch in the L5 dermatome.', 'sensory_loss', true],
    ['Antalgic gait favoring the right.', 'antalgic_gait', true],
    ['Reflexes 2+ and symmetric.', 'normal_reflexes', false],
    ['Positive Neer and Hawkins signs on the right.', 'positive_impingement', true],
    ['EMG/NCS: chronic left L5 radiculopathy.', 'radiculopathy_emg', true],
  ];
  it.each(cases)('%s', (text, finding, abnormal) => {
    expect(of(text, 'objective_finding').map((f) => f.attributes)).toContainEqual(expect.objectContaining({ finding, abnormal }));
  });
  it('a negated finding is flagged negated (context engine)', () => {
    const f = of('No paraspinal spasm.', 'objective_finding')[0];
    expect(f.negated).toBe(true);
  });
  it('radiculopathy without electrodiagnostic context is not an EMG finding', () => {
    expect(of('History of lumbar radiculopathy.', 'objective_finding')).toEqual([]);
  });
});

describe('limitations', () => {
  const cases: [string, Partial<FactOf<'limitation'>['attributes']>][] = [
    ['RESTRICTIONS: No lifting greater than 10 lbs.', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider' }],
    ['She reports she can only sit 20 minutes before needing to stand.', { activity: 'sit', limit: 20, unit: 'minutes', source: 'patient' }],
    ['No overhead reaching with the right arm.', { activity: 'overhead_reach', frequency: 'never', source: 'provider' }],
    ['May stoop occasionally.', { activity: 'stoop', frequency: 'occasional' }],
    ['He is unable to walk more than 1 block.', { activity: 'walk', limit: 1, unit: 'blocks' }],
    ['No repetitive fingering with the right hand.', { activity: 'finger', frequency: 'never' }],
  ];
  it.each(cases)('%s', (text, want) => {
    const l = of(text, 'limitation');
    expect(l.map((f) => f.attributes)).toContainEqual(expect.objectContaining(want));
    expect(l.find((f) => f.attributes.activity === want.activity)!.negated).toBe(false);
  });
  it.each([
    ['She walks her dog daily.'], ['Patient was placed in a sitting position.'],
    // exam signs and body parts, not activities
    ['Gait slow, mildly wide-based; cannot tandem walk.'], ['Unable to heel walk on the left.'],
    ['XR L knee standing AP/lat/sunrise: no fracture, no loose body.'],
    ['New problem: R ring finger catching and locking x 2 months, painful nodule A1 pulley.'],
  ])('no limitation in %s', (text) => {
    expect(of(text, 'limitation')).toEqual([]);
  });
});

describe('statements', () => {
  it.each([
    ['She has reached maximum medical improvement as of 06/12/2024.', 'mmi'],
    ['Patient is permanent and stationary.', 'permanent_and_stationary'],
    ['He is not yet at MMI.', 'not_at_mmi'],
    ['Progress has plateaued despite therapy.', 'plateau'],
    ['Berg 44/56, 10MWT 0.65 m/s - back to prior level (02/2023). Discharged to HEP.', 'plateau'],
    ['09/26: Pain 6/10, grip R 6 kg - back to her 06/2022 baseline. D/C to HEP.', 'plateau'],
    ['Her condition is well stabilized and unlikely to change substantially in the next year with or without medical treatment.', 'plateau'],
    ['Prognosis: she has reached maximum chiropractic improvement for her cervical and thoracic strain.', 'plateau'],
    ['Patient has reached maximum benefit from skilled PT.', 'plateau'],
  ])('MMI: %s', (text, kind) => {
    const [m] = of(text, 'mmi_statement');
    expect(m.attributes.kind).toBe(kind);
    expect(m.negated).toBe(false);
    expect(of(text, 'mmi_statement').map((f) => f.attributes.kind)).not.toContain(kind === 'not_at_mmi' ? 'mmi' : 'not_at_mmi');
  });
  it.each([
    'Plateaued on metformin dose - consider adding SGLT2 if A1c >7 next time.',
    'Her A1c has plateaued around 7.4.',
    'Goal: return to prior level of function as the goal of this episode.',
  ])('a plateau of a drug response or a lab, or a goal, is not the claimant\'s plateau: %s', (text) => {
    expect(of(text, 'mmi_statement')).toEqual([]);
  });
  it('a therapist\'s "not reached maximum therapeutic benefit" speaks of the course, not of MMI', () => {
    expect(of('Patient has not reached maximum therapeutic benefit and is expected to make further functional gains.', 'mmi_statement')
      .filter((f) => f.attributes.kind === 'not_at_mmi')).toEqual([]);
  });
  it('MMI date when stated', () => {
    expect(of('She has reached MMI as of 06/12/2024.', 'mmi_statement')[0].attributes.mmiDate).toBe('2024-06-12');
  });
  it('the MMI date is the examination it is tied to, not the date of the fall it is for', () => {
    const text = 'In my opinion, to a reasonable degree of medical certainty, Ms. Doe reached maximum medical improvement for the injuries caused by the 01/21/2023 fall as of my examination\nof March 5, 2024.';
    expect(of(text, 'mmi_statement')[0].attributes.mmiDate).toBe('2024-03-05');
  });
  it('"was reached on or about <date>" ties the date further on', () => {
    const text = 'Maximum medical improvement for the injury related to the fall was reached on or about 07/27/2023, approximately six months after the ORIF.';
    expect(of(text, 'mmi_statement')[0].attributes.mmiDate).toBe('2023-07-27');
  });
  it('impairment rating with Guides edition', () => {
    const [r] = of('She has 12% whole person impairment per the AMA Guides 5th edition.', 'impairment_rating');
    expect(r.attributes).toMatchObject({ percent: 12, basis: 'whole_person', guidesEdition: '5th' });
  });
  it.each([
    ['Continue current management.', 'continue_current_management'],
    ['Follow up as needed.', 'follow_up_prn'],
    ['He is not a surgical candidate.', 'not_surgical_candidate'],
    ['Nothing further to offer from a surgical standpoint.', 'no_further_treatment'],
    ['She declines SCS at this time. No further interventional\n  procedures planned.', 'no_further_treatment'],
    ['Further ESIs not recommended.', 'no_further_treatment'],
    ['Brief, partial response to ESI - not a candidate for repeat ESI.', 'no_further_treatment'],
    ['She declines further procedures at this time and prefers medication management.', 'maintenance_care'],
    ['DOS 01/03/2024  Visit 53  Supportive care (2x/month)', 'maintenance_care'],
    ['She declined surgery.', 'surgery_declined'],
    ['Refer to pain management for evaluation.', 'referral'],
    ['P: - Re-refer pulmonology (BBAP) and pain mgmt - pt gave new number.', 'referral'],
    ['Transition to maintenance care.', 'maintenance_care'],
    ['A/P: Stable graft function at 6 months. Transition to routine follow-up: clinic every 3 months.', 'maintenance_care'],
    ['PLAN (maintenance): continue meds, HEP.', 'maintenance_care'],
  ])('plan signal: %s', (text, signal) => {
    const s = of(text, 'plan_signal');
    expect(s.map((f) => f.attributes.signal)).toContain(signal);
    expect(s.find((f) => f.attributes.signal === signal)!.negated).toBe(false);
  });
  it.each([
    '1. Acute viral URI - supportive care, saline, honey, acetaminophen PRN.',
    'Viral URI (J06.9) - supportive care, saline, honey, acetaminophen prn.',
    'A: Viral upper respiratory infection.\nP: Supportive care; saline rinse. Return if fever.',
  ])('a cold\'s supportive care is not maintenance of the claimed condition: %s', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).not.toContain('maintenance_care');
  });
  it('a drug\'s maintenance dose is no maintenance phase: "Prednisone now 5 mg daily (maintenance)."', () => {
    expect(of('A/P: Tac 4.5 -> 4 mg BID. Prednisone now 5 mg daily (maintenance). Labs every 2 weeks.', 'plan_signal').map((f) => f.attributes.signal)).not.toContain('maintenance_care');
  });
  it.each([
    ['Remain off work until 04/30/2024.', 'off_work'],
    ['Return to modified duty with restrictions below.', 'modified_duty'],
    ['Released to full duty.', 'full_duty'],
  ])('work status: %s', (text, status) => {
    expect(of(text, 'work_status')[0].attributes.status).toBe(status);
  });
  it('prognosis', () => {
    expect(of('Prognosis for full recovery is poor.', 'prognosis')[0].attributes.outlook).toBe('poor');
    expect(of('Prognosis: guarded.', 'prognosis')[0].attributes.outlook).toBe('guarded');
  });
  it('diagnosis with ICD-10', () => {
    const d = of('ASSESSMENT:\n1. Lumbar radiculopathy (M54.16).', 'diagnosis');
    expect(d[0].attributes).toMatchObject({ name: 'lumbar radiculopathy', code: 'M54.16' });
  });
  it('family history is not the claimant', () => {
    const d = of('FAMILY HISTORY: Mother has degenerative disc disease and depression.', 'diagnosis');
    expect(d).toEqual([]);
  });
});
