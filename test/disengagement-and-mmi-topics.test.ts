import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseBuilder, DR_KIM, DR_PATEL, PT_RIVERA } from './helpers/facts.js';
import { of } from './helpers/facts-of.js';

// Reading classes met in claim files written by people who never read this code (synthetic text, no PHI).

describe('care closed because the claimant stopped coming', () => {
  it.each([
    'Reason for discharge: Non-engagement - no kept appointment and no contact > 90 days after outreach x 4.',
    'Client administratively discharged 02/16/2024.',
    'Discharged from the program due to 3 no-shows.',
    'Case closed for non-attendance.',
  ])('%s → disengaged', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain('disengaged');
  });
  it.each([
    'Discharged from PT to a home exercise program; goals met.',
    'Discharged home in stable condition.',
  ])('%s → not disengaged', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).not.toContain('disengaged');
  });

  const PMHNP = { name: 'Tara Sample', credential: 'PMHNP-BC', specialty: 'psychiatry' as const };
  function disengagedCase(): CaseBuilder {
    const b = new CaseBuilder();
    for (const d of ['2023-05-31', '2023-06-28', '2023-07-12', '2023-08-23', '2023-09-20', '2023-10-18']) {
      b.visit(d, PMHNP).fact('treatment', { modality: 'medication', drug: 'sertraline', drugClass: 'SSRI antidepressant', status: 'ongoing', doseChange: 'started' }, 'Start sertraline 50 mg daily.');
    }
    for (const d of ['2023-04-11', '2023-09-06', '2024-01-10']) {
      b.visit(d, DR_PATEL).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'PT referral for chronic low back pain.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue meloxicam.');
    }
    return b;
  }
  it('nothing active given and the treating source closed care for non-engagement: insufficient evidence, said why', () => {
    const b = disengagedCase();
    b.visit('2024-02-16', PMHNP).fact('plan_signal', { signal: 'disengaged' }, 'Reason for discharge: Non-engagement - no kept appointment in 4 months.');
    const mmi = analyzeCase(b.input({ type: 'ssi' })).mmi;
    expect(mmi.status).toBe('insufficient_evidence');
    expect(mmi.reasons[0].text).toMatch(/non-engagement/);
    expect(mmi.reasons[0].evidence[0].quote).toMatch(/Reason for discharge/);
  });
  it('a visit with that source after the closing note means care resumed: no such verdict', () => {
    const b = disengagedCase();
    b.visit('2024-02-16', PMHNP).fact('plan_signal', { signal: 'disengaged' }, 'Reason for discharge: Non-engagement.');
    b.visit('2024-04-02', PMHNP).fact('treatment', { modality: 'medication', drug: 'sertraline', drugClass: 'SSRI antidepressant', status: 'ongoing', doseChange: 'increased' }, 'Re-enrolled; increase sertraline to 100 mg.');
    expect(analyzeCase(b.input({ type: 'ssi' })).mmi.reasons[0].text).not.toMatch(/non-engagement/);
  });
});

describe('the claimant left the care a "not at MMI" had planned', () => {
  it.each([
    'Your patient cancelled the evaluation. We will close the referral on 03/01/2024 unless she contacts us.',
    'Unable to schedule the patient after three attempts.',
    'She has not responded to two messages.',
  ])('%s → disengaged', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain('disengaged');
  });
  it.each([
    'Referral to neuropsychology placed; they will call to schedule.',
    'Closed reduction of the fracture.',
  ])('%s → not disengaged', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).not.toContain('disengaged');
  });

  const NEURO = { name: 'Dr. Reid', credential: 'MD', specialty: 'neurology' as const };
  function treatedThenNotAt(): CaseBuilder {
    const b = new CaseBuilder();
    for (const d of ['2023-04-11', '2023-05-02', '2023-05-23', '2023-06-13']) b.visit(d, PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Vestibular therapy session.');
    b.visit('2023-07-20', NEURO).fact('treatment', { modality: 'medication', drug: 'topiramate', drugClass: 'anticonvulsant', status: 'ongoing', doseChange: 'started' }, 'Start topiramate 25 mg nightly.');
    b.visit('2023-10-12', NEURO).fact('mmi_statement', { kind: 'not_at_mmi' }, 'She has not reached a plateau.')
      .fact('treatment', { modality: 'psychology', status: 'recommended' }, 'Refer for neuropsychological testing.');
    b.visit('2024-01-22', DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Annual wellness visit; continue lisinopril.');
    return b;
  }
  it('the referral closed for no reply and the neurologist never saw her again: insufficient evidence, said why', () => {
    const b = treatedThenNotAt();
    b.visit('2024-02-20', { name: 'Scheduling', credential: '', specialty: 'unknown' }).fact('plan_signal', { signal: 'disengaged' }, 'We will close the referral on 03/01/2024 unless she contacts us.');
    const mmi = analyzeCase(b.input({ type: 'personal_injury' })).mmi;
    expect(mmi.status).toBe('insufficient_evidence');
    expect(mmi.reasons[0].text).toMatch(/not at MMI; the care planned then was not kept up/);
    expect(mmi.reasons[0].evidence.map((e) => e.quote)).toEqual(['She has not reached a plateau.', 'We will close the referral on 03/01/2024 unless she contacts us.']);
  });
  it('the same source saw the claimant again afterwards: still not reached', () => {
    const b = treatedThenNotAt();
    b.visit('2024-02-20', { name: 'Scheduling', credential: '', specialty: 'unknown' }).fact('plan_signal', { signal: 'disengaged' }, 'We will close the referral on 03/01/2024 unless she contacts us.');
    b.visit('2024-03-05', NEURO).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Not at MMI; testing rescheduled.');
    expect(analyzeCase(b.input({ type: 'personal_injury' })).mmi.status).toBe('not_reached');
  });
  it('an operation planned after the lapse keeps care open: still not reached', () => {
    const b = treatedThenNotAt();
    b.visit('2024-02-20', { name: 'Scheduling', credential: '', specialty: 'unknown' }).fact('plan_signal', { signal: 'disengaged' }, 'We will close the referral on 03/01/2024 unless she contacts us.');
    b.visit('2024-03-05', DR_KIM).fact('treatment', { modality: 'surgery', status: 'planned' }, 'Schedule TFCC repair.');
    expect(analyzeCase(b.input({ type: 'personal_injury' })).mmi.status).toBe('not_reached');
  });
});

describe('therapy the claimant never reached', () => {
  it.each([
    'Sleep better some days. Panic 1-2/wk. Back pain ongoing, PT "never\n called back" (per client). No side effects.',
    'Never got to PT (insurance lapsed in Oct).',
    'PT: could not get there with the kids out of school.',
  ])('%s → not given', (text) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === 'physical_therapy' && !f.negated)).toEqual([]);
  });
});

describe('exercise in a pool is the claimant\'s own programme, not aquatic therapy', () => {
  it.each([
    ['Continue duloxetine 60, cyclobenzaprine, pacing, pool exercise.', 'home_exercise'],
    ['Walks 10-15 min most days; warm-water exercise 1x/wk.', 'home_exercise'],
    ['Continues with water exercises at the YMCA pool program.', 'home_exercise'],
    ['Aquatic therapy 2x/week for 6 weeks.', 'physical_therapy'],
    ['Pool therapy program at the rehab center.', 'physical_therapy'],
  ])('%s → %s', (text, modality) => {
    expect(of(text, 'treatment').map((f) => f.attributes.modality)).toContain(modality);
  });
});

describe('sentences that name MMI as a topic or a later task', () => {
  it.each([
    'Status of maximum medical improvement',
    'Letter of 04/02/2024 to counsel/insurer re: MMI stands.',
    'MMI will be readdressed after that reassessment.',
    'I will readdress MMI approximately 8 weeks after the injection series is complete.',
    'In my note of 01/10/2023 I stated that Ms. Doe had reached MMI for her bilateral carpal tunnel syndrome.',
  ])('%s → no current MMI statement', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => f.attributes.kind === 'mmi' && f.temporality === 'current' && !f.negated)).toEqual([]);
  });
  it('a plain statement still counts', () => {
    expect(of('She has reached maximum medical improvement as of 01/10/2023.', 'mmi_statement').filter((f) => f.temporality === 'current')).not.toEqual([]);
  });
});

describe('a referral tracking log', () => {
  const log = [
    'SAMPLE COMMUNITY HEALTH CENTER - Family Medicine',
    'ENCOUNTER: 02/13/2024  Office Visit - Established        Provider: Jane Sample, MD',
    'CC: neck pain, depression. A/P: cervicalgia, chronic. Continue naproxen. RTC 3 months.',
    '',
    'REFERRAL / ORDER TRACKING',
    ' Ordered    Referral / Order                         To                          Status',
    ' 07/19/22   Physical therapy eval & treat (neck)     Harbor Physical Therapy     CLOSED 09/02/22 - unable to',
    '                                                                                 reach pt (voicemail full x3)',
    ' 07/19/22   Behavioral health intake                 Sound Horizons BH           COMPLETED - intake 10/11/22',
    ' 01/24/23   Physical therapy                         Harbor Physical Therapy     CLOSED 03/27/23 - pt did not',
    '                                                                                 schedule',
  ].join('\n');
  it('each row is its own sentence, and a referral that was never taken up is not therapy given', () => {
    const pt = of(log, 'treatment').filter((f) => f.attributes.modality === 'physical_therapy');
    expect(pt.length).toBeGreaterThan(0);
    for (const f of pt) {
      expect(f.evidence[0].quote).not.toMatch(/Behavioral health/);
      expect(f.negated || !['performed', 'completed', 'ongoing'].includes(f.attributes.status)).toBe(true);
    }
  });
  it.each([
    ['PT: pt given Harbor PT phone to self-schedule.', 'planned'],
    ['Wants to restart counseling and "finally do PT".', 'planned'],
    ['- PT waitlist - pt to call Columbus Tech.', 'planned'],
  ])('%s → %s', (text, status) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'physical_therapy')?.attributes.status).toBe(status);
  });
});

describe('care recommended again and again and never started', () => {
  it('a third PT referral, with nothing active ever given, is insufficient evidence, not care under way', () => {
    const b = new CaseBuilder();
    for (const d of ['2022-07-19', '2022-11-01', '2023-01-24', '2023-05-16', '2023-08-15', '2024-02-13']) {
      b.visit(d, DR_PATEL).fact('treatment', { modality: 'medication', drug: 'naproxen', drugClass: 'NSAID', status: 'ongoing', doseChange: 'continued' }, 'Continue naproxen 500 mg BID.');
    }
    for (const d of ['2022-07-19', '2023-01-24']) b.visit(d, DR_PATEL).fact('plan_signal', { signal: 'referral', target: 'physical therapy' }, 'Refer to physical therapy for neck pain.');
    b.visit('2023-08-15', DR_PATEL).fact('treatment', { modality: 'medication', drug: 'gabapentin', drugClass: 'anticonvulsant', status: 'ongoing', doseChange: 'started' }, 'Start gabapentin 300 mg qhs.');
    b.visit('2024-02-13', DR_PATEL).fact('plan_signal', { signal: 'referral', target: 'physical therapy' }, 'PT referral #3 to Proctor Street PT.');
    const mmi = analyzeCase(b.input({ type: 'ssi' })).mmi;
    expect(mmi.status).toBe('insufficient_evidence');
    expect(mmi.reasons[0].text).toMatch(/recommended on 2022-07-19, 2023-01-24 and again/);
  });
  it('an injection booked at the end is care under way, however often it was discussed', () => {
    const b = new CaseBuilder();
    for (const d of ['2023-01-10', '2023-04-11', '2023-07-11', '2023-10-10']) {
      b.visit(d, DR_PATEL).fact('treatment', { modality: 'epidural_injection', status: 'recommended' }, 'Recommend lumbar ESI.')
        .fact('treatment', { modality: 'medication', drug: 'gabapentin', drugClass: 'anticonvulsant (neuropathic)', status: 'ongoing', doseChange: 'increased' }, 'Increase gabapentin.');
    }
    b.visit('2023-11-20', DR_PATEL).fact('treatment', { modality: 'epidural_injection', status: 'planned' }, 'L5-S1 ESI scheduled 12/04/2023.');
    expect(analyzeCase(b.input({ type: 'ssi' })).mmi.reasons[0]?.text ?? '').not.toMatch(/never started/);
  });
});

describe('another examiner\'s MMI, quoted to rebut it', () => {
  it.each([
    '5. His statement that she was "at maximum medical improvement by approximately 3 months post-injury" is based on group recovery curves.',
    'I do not share her opinion that he reached MMI in 08/2022.',
  ])('%s → no current MMI statement', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => f.attributes.kind === 'mmi' && f.temporality === 'current' && !f.negated)).toEqual([]);
  });
});

describe('an earlier MMI set aside, and MMI as a numbered question', () => {
  it('"my statement no longer applies: she is not at MMI" is a current not-at-MMI', () => {
    const f = of('In light of it, my 10/31/2023 statement no longer applies: Ms. Doe is not at maximum medical improvement and will not be until she has recovered from the planned arthroplasty.', 'mmi_statement');
    expect(f.map((x) => [x.attributes.kind, x.negated])).toEqual([['not_at_mmi', false]]);
  });
  it('\'3. Date of "maximum medical improvement."\' heads an answer, it states nothing', () => {
    expect(of('3. Date of "maximum medical improvement."', 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated)).toEqual([]);
  });
});

describe('a terse follow-up interval', () => {
  it.each(['6. Return 6/12.', 'Review 2/52 with bloods.'])('%s → return to clinic', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain('return_to_clinic');
  });
});

describe('a course recalled by its end', () => {
  it.each([
    'NEUROLOGY FOLLOW-UP\nA: RRMS. Exam and timed walk essentially unchanged since PT discharge.',
    'Walking "about the same as when I finished PT" - uses the cane.',
  ])('%s → historical', (text) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'physical_therapy')?.temporality).toBe('historical');
  });
});

describe('options weighed, not chosen', () => {
  it('"Options discussed: (a) declare P&S …; (b) return to the surgeon" states no P&S', () => {
    expect(of('Options discussed: (a) declare P&S with future medical care; (b) return to Dr. Roe to discuss surgery.', 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated)).toEqual([]);
  });
});

describe('a family doctor who leaves the condition to a specialist whose records are missing', () => {
  it.each([
    ['Neck management per Dr. Vance.', 'Dr. Vance'],
    ['Further neck work-up per neurosurgery.', 'neurosurgery'],
    ['I explained that I have not managed his neck condition or his surgery.', 'specialist'],
  ])('%s → managed elsewhere (%s)', (text, target) => {
    expect(of(text, 'plan_signal').filter((f) => f.attributes.signal === 'managed_elsewhere').map((f) => f.attributes.target)).toEqual([target]);
  });
  it.each(['Back pain improved; continue home exercise.', 'Pain management visit: continue gabapentin.'])('%s → not deferred', (text) => {
    expect(of(text, 'plan_signal').filter((f) => f.attributes.signal === 'managed_elsewhere')).toEqual([]);
  });

  const NP = { name: 'Beverly Strand', credential: 'FNP-C', specialty: 'primary_care' as const };
  const SURGEON = { name: 'Philip Vance', credential: 'MD', specialty: 'neurosurgery' as const };
  function refills(): CaseBuilder {
    const b = new CaseBuilder();
    for (const d of ['2023-02-14', '2023-03-02', '2023-03-16', '2023-03-28']) b.visit(d, PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Cervical traction, exercise.');
    for (const d of ['2023-09-12', '2024-02-20', '2024-08-27']) {
      b.visit(d, NP).fact('treatment', { modality: 'medication', drug: 'gabapentin', drugClass: 'anticonvulsant', status: 'ongoing', doseChange: 'continued' }, 'Continue gabapentin 300 mg TID.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.')
        .fact('plan_signal', { signal: 'managed_elsewhere', target: 'Dr. Vance' }, 'Neck management per Dr. Vance.');
    }
    return b;
  }
  it('every maintenance visit defers to a surgeon with no note in the file: insufficient evidence, said why', () => {
    const mmi = analyzeCase(refills().input({ type: 'ssdi' })).mmi;
    expect(mmi.status).toBe('insufficient_evidence');
    expect(mmi.reasons[0].text).toMatch(/leaves the condition to Dr\. Vance/);
    expect(mmi.reasons[0].evidence[0].quote).toBe('Neck management per Dr. Vance.');
  });
  it('the surgeon\'s own notes in the file: the maintenance phase stands', () => {
    const b = refills();
    b.visit('2023-08-15', SURGEON).fact('plan_signal', { signal: 'follow_up_prn' }, 'Fusion solid. Follow up as needed.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.status).toBe('implied');
  });
});
