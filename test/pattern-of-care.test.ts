import { describe, expect, it } from 'vitest';
import { textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseBuilder, DR_LEE } from './helpers/facts.js';
import { of } from './helpers/facts-of.js';
import { palliativeCare } from '../src/analyze/palliative.js';
import { isPassingIllness } from '../src/knowledge/relevance.js';
import type { Fact } from '../src/model/index.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): palliative injections in a maintenance phase, and a response still being judged
 * at the end.
 */

describe('MMI: palliative injections in the maintenance phase', () => {
  /** A surgeon closes active care; the primary clinic then injects the knee every few months and says why. */
  const injections = (why: string) => {
    const b = new CaseBuilder()
      .visit('2023-10-17', { name: 'Kurt Pell', credential: 'MD', specialty: 'orthopedic_surgery', kind: 'consultation' })
      .fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Orthopaedic consultation.')
      .fact('plan_signal', { signal: 'no_further_treatment' }, 'I have nothing further to offer her surgically.');
    for (const d of ['2024-01-09', '2024-05-14']) {
      b.visit(d, { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'IA corticosteroid injection RIGHT knee.');
      if (why) b.fact('plan_signal', { signal: 'maintenance_care' }, why);
    }
    for (const d of ['2024-03-19', '2024-07-09']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    const a = analyzeCase(b.input({ type: 'ssi' }));
    expectValidCitations(a, b.documents());
    return a.mmi;
  };
  it('injections the clinic calls palliative belong to the maintenance phase', () => {
    expect(injections('Palliative injection, diminishing duration of benefit.')).toMatchObject({ status: 'implied', date: '2023-10-17' });
  });
  it('the same injections with nothing said of their purpose are active care', () => {
    expect(injections('').status).not.toBe('implied');
  });
});

describe('MMI: an ablation renewed about a year later', () => {
  /** The first ablation ends the active work-up; the same ablation is given again when the relief wears off. */
  const PAIN = { name: 'Anil Doe', credential: 'MD', specialty: 'pain_management' as const };
  const renewed = (repeat: string) => {
    const b = new CaseBuilder()
      .visit('2022-02-22', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Bilateral L2 and L3 medial branch radiofrequency ablation.');
    for (const d of ['2022-05-17', '2022-08-16', '2022-11-15', '2023-05-16', '2023-08-15']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications unchanged. RTC 3 months.');
    b.visit(repeat, { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Repeat bilateral L2 and L3 medial branch RFA - same levels.');
    const a = analyzeCase(b.input({ type: 'ssdi' }));
    expectValidCitations(a, b.documents());
    return a.mmi;
  };
  it('a year on it renews the same relief: the maintenance phase goes on', () => {
    expect(renewed('2023-02-07')).toMatchObject({ status: 'implied', date: '2022-05-17' });
  });
  it('within months it is still adjusting the treatment', () => {
    expect(renewed('2022-09-06').date).not.toBe('2022-05-17');
  });
  it('nine calendar months on is a renewal, even when a later note dates it only by its month ("the 11/2022 RFA")', () => {
    expect(renewed('2022-11-01')).toMatchObject({ status: 'implied', date: '2022-05-17' });
  });
  it('the renewal\'s plan in a family doctor\'s note ("RFA due again next month") is as palliative as the renewal', () => {
    const PCP = { name: 'Cody Roe', credential: 'FNP-BC', specialty: 'primary_care' as const };
    const b = new CaseBuilder()
      .visit('2022-02-22', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Bilateral L2 and L3 medial branch radiofrequency ablation.');
    for (const d of ['2022-05-17', '2022-08-16', '2022-11-15', '2023-05-16', '2023-08-15']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications unchanged. RTC 3 months.');
    b.visit('2023-09-13', PCP).fact('plan_signal', { signal: 'new_treatment', target: 'radiofrequency_ablation' }, 'RFA due again next month per pain clinic.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi).toMatchObject({ status: 'implied', date: '2022-05-17' });
  });
});

describe('MMI: supportive chiropractic', () => {
  const DC = { name: 'Shane Doe', credential: 'DC', specialty: 'chiropractic' as const };
  const PAIN = { name: 'Ola Roe', credential: 'MD', specialty: 'pain_management' as const };
  it('once the chiropractor moves to supportive care once a month, the monthly sessions belong to the maintenance phase', () => {
    const b = new CaseBuilder();
    b.visit('2023-10-10', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'medial_branch_block', status: 'performed' }, 'Medial branch block C5-C6, 20% relief.');
    b.visit('2023-11-17', DC).fact('plan_signal', { signal: 'maintenance_care' }, 'RE-EXAM: NDI 30%. Supportive care 1x/mo');
    for (const d of ['2024-01-09', '2024-04-09', '2024-07-09', '2024-10-15']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications. RTC 3 months.');
    for (const d of ['2023-12-12', '2024-02-13', '2024-05-14', '2024-08-13', '2024-11-12']) b.visit(d, DC).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'CMT cerv/thor, EMS, HP.');
    expect(analyzeCase(b.input({ type: 'personal_injury' })).mmi.status).toBe('implied');
  });
  it.each([
    ['an order in a note that keeps the care supportive is that plan\'s: the sessions billed after the last note stay maintenance', true, 'implied'],
    ['the same order in a note that does not call the care supportive restarts a course, and the sessions billed after it are active care', false, 'not_reached'],
  ])('%s', (_title, supportiveNote, status) => {
    const b = new CaseBuilder();
    b.visit('2023-10-10', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'medial_branch_block', status: 'performed' }, 'Medial branch block C5-C6, 20% relief.');
    b.visit('2023-11-17', DC).fact('plan_signal', { signal: 'maintenance_care' }, 'RE-EXAM: NDI 30%. Supportive care 1x/mo');
    for (const d of ['2024-01-09', '2024-04-09', '2024-07-09']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications. RTC 3 months.');
    const order = b.visit('2024-03-12', DC).fact('treatment', { modality: 'chiropractic', status: 'recommended' }, 'CMT lumbar/pelvis, manual therapy.');
    if (supportiveNote) order.fact('plan_signal', { signal: 'maintenance_care' }, 'Continue supportive care monthly.');
    b.file('ledger.csv');
    for (const d of ['2024-08-13', '2024-09-10', '2024-10-15']) b.visit(d, { ...DC, source: 'ledger', kind: 'billing' }).fact('treatment', { modality: 'chiropractic', status: 'performed' }, `Chiropractic visit (${d})`);
    expect(analyzeCase(b.input({ type: 'personal_injury' })).mmi.status).toBe(status);
  });
  /** Weekly chiropractic (only its re-exams in the file), a move to monthly supportive care, monthly sessions to the end. */
  const monthly = (moved: string, letter: boolean) => {
    const b = new CaseBuilder();
    for (const d of ['2023-06-05', '2023-08-07', '2023-10-09', '2023-12-04']) b.visit(d, DC).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'RE-EXAMINATION. CMT C5-6.');
    b.visit('2024-01-08', DC).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'RE-EXAMINATION. CMT C5-6.').fact('plan_signal', { signal: 'continue_current_management' }, moved);
    for (const d of ['2024-02-05', '2024-03-04', '2024-04-08', '2024-06-03', '2024-08-05', '2024-10-07', '2024-11-04', '2024-12-02']) b.visit(d, DC).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'CMT C5-6. Tolerated well.');
    if (letter) b.file('narrative.txt').visit('2024-11-18', { ...DC, kind: 'unknown' }).say('November 18, 2024. Re: our patient.').fact('treatment', { modality: 'chiropractic', status: 'ongoing' }, 'Chiropractic care continues at a supportive frequency.');
    return analyzeCase(b.input({ type: 'personal_injury' })).mmi;
  };
  it('the chiropractor\'s own move to monthly supportive care starts the phase (a narrative letter between sessions changes nothing)', () => {
    expect([monthly('Plan: Transition to supportive care: 1 visit per month.', true).status, monthly('Plan: Transition to supportive care: 1 visit per month.', true).date]).toEqual(['implied', '2024-01-08']);
  });
  it('without that move, monthly sessions after a course the file does not show are still active care', () => {
    expect(monthly('Plan: continue CMT.', false).status).toBe('not_reached');
  });
});

describe('MMI: care for a region the notes call unrelated to the claim', () => {
  const PAIN = { name: 'Ola Roe', credential: 'MD', specialty: 'pain_management' as const };
  const ORTHO = { name: 'Victor Doe', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const PCP = { name: 'Carla Roe', credential: 'FNP-C', specialty: 'primary_care' as const };
  const withShoulder = (unrelated: boolean) => {
    const b = new CaseBuilder();
    b.visit('2023-09-12', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'C7-T1 interlaminar epidural steroid injection.');
    for (const d of ['2024-01-09', '2024-04-09', '2024-07-09', '2024-10-15']) {
      b.visit(d, PAIN).fact('diagnosis', { name: 'cervical strain' }, 'Cervical strain with C5-6 protrusion.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Neck pain unchanged. Continue current medications. RTC 3 months.');
    }
    b.visit('2024-03-05', PCP).fact('diagnosis', { name: 'adhesive capsulitis' }, unrelated ? 'L shoulder adhesive capsulitis, likely diabetic (not accident related) - refer ortho.' : 'L shoulder adhesive capsulitis - refer ortho.');
    b.visit('2024-04-23', { ...ORTHO, kind: 'procedure_note' }).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'US-guided L glenohumeral injection today.');
    b.visit('2024-06-04', { ...ORTHO, kind: 'procedure_note' }).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'L shoulder hydrodilatation today.');
    return analyzeCase(b.input({ type: 'personal_injury' })).mmi;
  };
  it('is another condition\'s, however long its own course', () => {
    expect(withShoulder(true)).toMatchObject({ status: 'implied', date: '2024-01-09' });
  });
  it('without those words, a region with a course of its own stays part of the claim', () => {
    expect(withShoulder(false).date).not.toBe('2024-01-09');
  });
});

describe('an MMI taken back by its author in an unsigned note', () => {
  const PSY = { name: 'Ingrid Doe', credential: 'MD', specialty: 'psychiatry' as const };
  const UNSIGNED = { specialty: 'psychiatry' as const };
  it('"my prior opinion of 03/26/2024 … is withdrawn" withdraws it, however the note is signed', () => {
    const b = new CaseBuilder();
    b.visit('2024-03-26', { ...PSY, kind: 'medical_source_statement' }).fact('mmi_statement', { kind: 'mmi' }, 'In my opinion he has reached maximum medical improvement on the current regimen.');
    b.visit('2024-07-02', UNSIGNED).fact('mmi_statement', { kind: 'not_at_mmi' }, 'MY PRIOR OPINION OF 03/26/2024 THAT MR. DOE HAD REACHED MAXIMUM MEDICAL IMPROVEMENT IS WITHDRAWN.');
    const m = analyzeCase(b.input({ type: 'ssi' })).mmi;
    expect(m.status).toBe('not_reached');
    expect(m.priorMmi?.date).toBe('2024-03-26');
  });
});

describe('judging the pattern of care', () => {
  const RHEUM = { name: 'Theresa Roe', credential: 'MD', specialty: 'rheumatology' as const };
  it('a response still being judged at the treating physician\'s last visit: not reached', () => {
    const b = new CaseBuilder();
    for (const d of ['2024-03-12', '2024-06-11', '2024-08-13']) b.visit(d, RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2024-10-22', RHEUM).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'tocilizumab', drugClass: 'biologic DMARD', doseChange: 'switched' }, 'Switch to tocilizumab 162 mg SC weekly.');
    b.visit('2025-02-18', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    b.visit('2025-03-18', RHEUM).fact('plan_signal', { signal: 'response_pending' }, 'Too early to judge; full response typically assessed at 12-24 weeks.');
    const a = analyzeCase(b.input({ type: 'ssi' }));
    expect(a.mmi.status).toBe('not_reached');
    expect(a.mmi.reasons.map((r) => r.text).join(' ')).toMatch(/not yet known/);
  });

  it('a visit that looks back on documented procedures does not restart active care', () => {
    const PAIN = { name: 'Marcus Oye', credential: 'MD', specialty: 'pain_management' as const };
    const b = new CaseBuilder();
    b.visit('2023-12-05', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Radiofrequency ablation of LEFT genicular nerves.');
    b.visit('2024-02-13', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Radiofrequency ablation RIGHT genicular nerves.');
    b.visit('2024-03-19', PAIN).fact('plan_signal', { signal: 'maintenance_care' }, 'No further interventions planned. Maintenance.');
    b.visit('2024-06-11', { name: 'Priya Nand', credential: 'MD', specialty: 'orthopedic_surgery' })
      .fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Has had bilateral genicular RFA (L 12/2023, R 02/2024) with Dr. Oye.')
      .fact('treatment', { modality: 'surgery', status: 'performed' }, 'XR bilateral knees today: L TKA stable, no lucency.')
      .fact('plan_signal', { signal: 'follow_up_prn' }, 'Follow up as needed.');
    b.visit('2024-09-17', PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current regimen.');
    b.visit('2024-12-17', PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current regimen.');
    const a = analyzeCase(b.input({ type: 'ssdi' }));
    expect(a.mmi.status).toBe('implied');
    expect(a.mmi.date).toBe('2024-03-19');
  });

  it('an RFA mentioned with no record of it before is still care given', () => {
    const PAIN = { name: 'Marcus Oye', credential: 'MD', specialty: 'pain_management' as const };
    const b = new CaseBuilder();
    for (const d of ['2024-01-09', '2024-04-09']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2024-07-09', PAIN).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Has had repeat RFA at an outside center since last visit.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    for (const d of ['2024-10-08', '2025-01-07']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    const a = analyzeCase(b.input({ type: 'ssdi' }));
    expect(a.mmi.date! > '2024-07-09').toBe(true);
  });
});

describe('judging the pattern of care: a one-off injection in maintenance, and psychiatric medication changes', () => {
  const PAIN = { name: 'Jolene Verb', credential: 'MD', specialty: 'pain_management' as const };
  it('a single trigger-point injection in a settled maintenance phase does not restart it', () => {
    const b = new CaseBuilder();
    b.visit('2023-05-02', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Cervical ESI.');
    for (const d of ['2023-08-15', '2023-11-14', '2024-02-13', '2024-05-14']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2024-07-11', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'trigger_point_injection', status: 'performed' }, 'Trigger point injections x 3, right trapezius.');
    for (const d of ['2024-08-22', '2024-11-19']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Back to baseline. Continue current regimen.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2023-08-15');
  });
  it('a mental claim is read from its psychiatric care, antidepressant changes included', () => {
    const NP = { name: 'Delphine Marc', credential: 'PMHNP', specialty: 'psychiatry' as const };
    const b = new CaseBuilder();
    for (const [d, change] of [['2023-04-11', 'increased'], ['2023-07-18', 'started'], ['2023-10-03', 'stopped'], ['2024-01-23', 'increased']] as const) {
      b.visit(d, NP).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'venlafaxine', drugClass: 'SNRI antidepressant', doseChange: change }, `Venlafaxine XR dose ${change}.`)
        .fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'aripiprazole', drugClass: 'antipsychotic', doseChange: change }, `Aripiprazole ${change}.`);
    }
    for (const d of ['2024-04-16', '2024-07-16', '2024-10-15']) b.visit(d, NP).fact('plan_signal', { signal: 'continue_current_management' }, 'No medication changes. Continue current regimen.');
    b.visit('2024-03-12', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Knee - continue meloxicam.');
    const m = analyzeCase(b.input({ type: 'ssdi' })).mmi;
    expect([m.status, m.date]).toEqual(['implied', '2024-04-16']);
  });
});

describe('a mood disorder treated with brain stimulation', () => {
  const MD = { name: 'Tobias Doe', credential: 'MD', specialty: 'psychiatry' as const };
  const TMS = { name: 'Dev Roe', credential: 'MD', specialty: 'psychiatry' as const };
  /** Medication trials, then a TMS course that does not help, then an unchanged regimen for a year and a half. */
  const course = (extra?: [string, string]) => {
    const b = new CaseBuilder();
    for (const [d, change] of [['2022-03-08', 'started'], ['2022-08-02', 'increased']] as const) {
      b.visit(d, MD).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'lithium', drugClass: 'mood stabilizer', doseChange: change }, `Lithium ${change}.`);
    }
    for (const d of ['2023-04-24', '2023-05-16', '2023-06-20']) b.visit(d, TMS).fact('treatment', { modality: 'neuromodulation', status: 'performed' }, 'rTMS session, left DLPFC.');
    b.visit('2023-07-11', MD).fact('treatment', { modality: 'neuromodulation', status: 'performed' }, 'Per TMS summary (06/20): PHQ-9 19 -> 17, non-response.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen unchanged. RTC 6-8 weeks.');
    for (const d of ['2023-10-03', '2024-01-09', '2024-05-14', '2024-08-27', '2025-01-28']) b.visit(d, MD).fact('plan_signal', { signal: 'continue_current_management' }, 'No changes. Continue current regimen.');
    if (extra) b.visit(extra[0], MD).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'hydroxyzine', drugClass: 'anxiolytic', doseChange: 'increased' }, extra[1]);
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('the course ends the active care; the visit that reports its result opens the maintenance phase', () => {
    expect(course()).toMatchObject({ status: 'implied', date: '2023-07-11' });
  });
  it('a topical gel added for comfort does not restart it', () => {
    expect(course(['2024-02-20', 'Add diclofenac 1% gel to the knees twice daily.']).date).toBe('2023-07-11');
  });
  it('leave to take more of an as-needed drug does not restart it; a change made because the dose failed does', () => {
    expect(course(['2024-02-20', 'Hydroxyzine may increase to 50 mg PRN (same drug, dose flexibility).']).date).toBe('2023-07-11');
    expect(course(['2024-02-20', 'Hydroxyzine increased to 50 mg up to TID PRN (25 mg ineffective for panic).']).date).not.toBe('2023-07-11');
  });
  it('a drug added to "manage symptomatically" once nothing more is offered does not restart it', () => {
    expect(course(['2024-02-20', 'Will manage symptomatically: add hydroxyzine 25 mg prn, heat, HEP.']).date).toBe('2023-07-11');
    expect(course(['2024-02-20', 'Add hydroxyzine 25 mg prn.']).date).not.toBe('2023-07-11');
  });
  it.each([
    ['Completed acute ECT 10/03-11/02 (14 RUL ultrabrief), now weekly continuation.', 'completed'],
    ['ECT would be the next evidence-based step; pt hesitant.', 'recommended'],
    ['Pt chooses TMS. Referral to Northern Neuromodulation Center.', 'planned'],
  ])('%s → %s', (text, status) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'neuromodulation')?.attributes.status).toBe(status);
  });
});

describe('stating MMI without its name', () => {
  const SURGEON = { name: 'Thad Weath', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const build = (closing: string[], late?: string, permanent = true) => {
    const b = new CaseBuilder();
    b.visit('2023-10-02', { ...SURGEON, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Left hip hemiarthroplasty.');
    b.visit('2024-03-19', SURGEON).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'Trochanteric bursa injection today.');
    const v = b.visit('2024-09-24', SURGEON);
    for (const q of closing) v.fact('mmi_statement', { kind: 'plateau' }, q);
    if (permanent) v.fact('prognosis', { outlook: 'permanent', text: 'Permanent restrictions' }, 'Permanent restrictions: cane for community ambulation.');
    v.fact('plan_signal', { signal: 'maintenance_care' }, 'Return in 1 year, sooner as needed.');
    if (late) {
      for (const d of ['2025-03-25', '2025-09-23']) b.visit(d, SURGEON).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue home exercise.');
      b.visit('2026-09-22', SURGEON).fact('mmi_statement', { kind: 'plateau' }, late);
    }
    return analyzeCase(b.input({ type: 'personal_injury' })).mmi;
  };
  it('a plateau and no further improvement expected, in one visit, is a stated MMI', () => {
    const m = build(['At one year she has plateaued; I do not expect further improvement.']);
    expect([m.status, m.date]).toEqual(['explicit', '2024-09-24']);
  });
  it('without permanent limits or a date, "further meaningful improvement is unlikely" is a prognosis to infer from', () => {
    expect(build(['She has plateaued; I do not expect further improvement.'], undefined, false).status).toBe('implied');
  });
  it('"I do not expect further improvement in her condition with additional treatment" alone is one too', () => {
    expect(build(['I do not expect further improvement in her condition with additional treatment.']).status).toBe('explicit');
  });
  it.each([
    [['She has plateaued.']],
    [['I do not expect further improvement without surgery.']],
    [['I do not expect further improvement with more physical therapy.']],
  ])('a plateau alone, or an expectation about one treatment, is a reason to infer: %s', (closing) => {
    expect(build(closing).status).toBe('implied');
  });
  it('restated long after the maintenance phase began, it confirms the implied date', () => {
    const m = build(['She has plateaued.'], 'Residual deficits fixed; not expected to improve further.');
    expect([m.status, m.date]).toEqual(['implied', '2024-09-24']);
  });
});

describe('an operation waiting on a prerequisite the claimant is working toward', () => {
  const ORTHO = { name: 'Nate Okafor', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const build = (pursuing: boolean) => {
    const b = new CaseBuilder();
    b.visit('2023-04-11', { ...ORTHO, kind: 'procedure_note' }).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'Right knee steroid injection.');
    for (const d of ['2023-07-11', '2023-10-10']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Knee OA - stable, continue current management.');
    const v = b.visit('2024-01-23', ORTHO).fact('treatment', { modality: 'surgery', status: 'recommended' }, 'Remains an appropriate candidate for R TKA once BMI < 40.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue home exercise and meloxicam.');
    if (pursuing) v.fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'semaglutide', drugClass: 'antidiabetic', otherCondition: true }, 'Weight program going well; semaglutide 2.4 mg weekly.');
    b.visit('2024-03-12', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Knee OA - stable, continue current management.');
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('a weight program visibly working toward the surgeon\'s threshold: not reached', () => {
    const m = build(true);
    expect(m.status).toBe('not_reached');
    expect(m.reasons[0].text).toMatch(/prerequisite/);
  });
  it('with nothing done toward it, the prerequisite is not given as the reason', () => {
    expect(build(false).reasons.some((r) => /prerequisite/.test(r.text))).toBe(false);
  });
});

describe('an MMI for one part of a claim with another part still treated', () => {
  const ORTHO = { name: 'Priya Ostr', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const PHYS = { name: 'Lars Halv', credential: 'MD', specialty: 'physiatry' as const };
  const build = (neckNot: boolean) => {
    const b = new CaseBuilder();
    b.visit('2024-05-14', ORTHO).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-05-14' }, 'Summary: shoulder at MMI 05/14/2024.');
    const v = b.visit('2024-06-04', PHYS).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue gabapentin.');
    if (neckNot) v.fact('mmi_statement', { kind: 'not_at_mmi' }, 'MMI: No. Cervical ESI to be scheduled.');
    return analyzeCase(b.input({ type: 'workers_comp', state: 'NY' })).mmi;
  };
  it('the shoulder at MMI, the neck "MMI: No" by its treating physician: the claim is not at MMI', () => {
    const m = build(true);
    expect(m.status).toBe('not_reached');
    expect(m.reasons[0].text).toMatch(/for the shoulder only/);
  });
  it('with no other part said not at MMI, the MMI stands', () => {
    expect(build(false).status).toBe('explicit');
  });
});

describe('the course of care, read at the visit level', () => {
  const PAIN = { name: 'Nadia Ferr', credential: 'MD', specialty: 'pain_management' as const };
  it('an operative report\'s title over its patient line with the date opens the report', () => {
    const text = 'NEUROSURGERY FOLLOW-UP   10/04/2022   Gordon Hav, MD\nPlan: permanent implantation. Scheduled 11/01/2022.\n\n----------\nRICHLAND VALLEY MEDICAL CENTER -- OPERATIVE REPORT (excerpt)\nPATIENT: DOE, JOHN T   MRN RV0044517    DATE: 11/01/2022\nPROCEDURE: Placement of spinal cord stimulator leads.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-10-04', '2022-11-01']);
  });
  it.each([
    ['Device: reprogrammed -- positional program P3 (lower amplitude, for lying/sleep) added.', true],
    ['Device: interrogated and reprogrammed with the rep: impedances normal.', true],
    ['FOLLOW-UP / SCS OPTIMIZATION: new program P3, electrodes re-targeted to cover the right ankle.', true],
    ['Device: interrogation only; impedances normal; no program changes.', false],
    ['SCS: rep made a minor amplitude adjustment (0.2 mA) for morning back pain; no new program, no lead issue.', false],
  ])('a stimulator reprogrammed is active care, read only is not: %s', (sentence, active) => {
    const b = new CaseBuilder();
    b.visit('2022-11-01', { ...PAIN, kind: 'operative_report' }).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'performed' }, 'Permanent spinal cord stimulator implant.');
    b.visit('2022-12-13', PAIN).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'performed' }, sentence)
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    for (const d of ['2023-01-24', '2023-04-18', '2023-07-18']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current program and medications.');
    const date = analyzeCase(b.input({ type: 'ssdi' })).mmi.date;
    expect(date).toBe(active ? '2023-01-24' : '2022-12-13');
  });
  it.each([
    ['Device rep reprogrammed to lower contacts - partial recapture.', true],
    ['New program 4 (contacts 2-5 left lead, bipole shift). Coverage restored to ~80%.', true],
    ['The sales rep reprogrammed her phone.', false],
  ])('a stimulator reprogrammed with no stimulator word in the sentence is still the stimulator: %s', (sentence, scs) => {
    expect(of(sentence, 'treatment').some((f) => f.attributes.modality === 'spinal_cord_stimulator')).toBe(scs);
  });
  it('"if stable at next visit, will transition to maintenance": the phase starts after that visit', () => {
    const b = new CaseBuilder();
    b.visit('2022-11-01', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Lumbar RFA.');
    b.visit('2023-01-24', PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2023-03-07', PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.')
      .fact('plan_signal', { signal: 'maintenance_care' }, 'If stable at next visit, will transition to maintenance follow-up every 3 months.', { temporality: 'hypothetical' });
    for (const d of ['2023-04-18', '2023-07-18', '2023-10-17']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'No changes.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2023-04-18');
  });
  it('a new preventive is judged by its prescriber: another discipline\'s visit in between does not open the phase', () => {
    const NEURO = { name: 'Ingrid Sol', credential: 'MD', specialty: 'neurology' as const };
    const RHEUM = { name: 'Wendell Amb', credential: 'MD', specialty: 'rheumatology' as const };
    const b = new CaseBuilder();
    b.visit('2024-01-16', NEURO).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'galcanezumab', drugClass: 'migraine preventive (CGRP antibody)', doseChange: 'started' }, 'Start galcanezumab 240 mg loading dose.');
    b.visit('2024-03-12', RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'Fibromyalgia stable. Continue current regimen.');
    for (const d of ['2024-04-16', '2024-07-16', '2024-09-17']) b.visit(d, NEURO).fact('plan_signal', { signal: 'continue_current_management' }, 'No changes. Continue galcanezumab.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2024-04-16');
  });
  it('a booked operation cancelled after it was booked holds nothing open', () => {
    const b = new CaseBuilder();
    b.visit('2023-11-07', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'trigger_point_injection', status: 'performed' }, 'TPI x 4 sites.');
    b.visit('2024-03-05', DR_LEE).fact('treatment', { modality: 'surgery', status: 'planned' }, 'Tentative surgery date 05/14/2024 for right carpal tunnel release.', { date: '2024-05-14' })
      .fact('treatment', { modality: 'surgery', status: 'declined' }, 'She telephoned on 04/29/2024 and cancelled; she does not wish to have another operation.');
    for (const d of ['2024-04-22', '2024-07-09', '2024-10-08']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2024-04-22');
  });
  it('many visits where nothing was ever tried, not even a medication change: insufficient, not a plateau', () => {
    const b = new CaseBuilder();
    for (const d of ['2022-08-11', '2022-09-15', '2023-03-09', '2023-07-13', '2023-11-16', '2024-02-15', '2024-07-18']) {
      b.visit(d, DR_LEE).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'PT would help - not available free in our area.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue naproxen, albuterol PRN.');
    }
    expect(analyzeCase(b.input({ type: 'ssi' })).mmi.status).toBe('insufficient_evidence');
  });
  it('propranolol is a migraine preventive', () => {
    expect(of('Taper off topiramate over 2 weeks. Start propranolol LA 60 mg daily.', 'treatment').find((f) => f.attributes.drug === 'propranolol')?.attributes.drugClass).toBe('migraine preventive (beta blocker)');
  });
});

describe('the visit that reports a procedure\'s relief while it lasts', () => {
  const PAIN = { name: 'Nora Sample', credential: 'DO', specialty: 'pain_management' as const };
  // Pain at the response check and at the later visits, when measured.
  const build = (closing: boolean, pain?: number[]) => {
    const b = new CaseBuilder();
    b.visit('2023-05-02', PAIN).fact('treatment', { modality: 'medial_branch_block', status: 'performed' }, 'Bilateral C3-5 medial branch blocks.');
    b.visit('2023-06-20', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Right C3-5 radiofrequency ablation.');
    b.visit('2023-12-19', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Repeat left C3-5 RFA.');
    const check = b.visit('2024-01-23', PAIN).fact('benefit', { percentRelief: 50, modality: 'radiofrequency_ablation' }, 'Neck pain about 50% better after the repeat RFA.')
      .fact('plan_signal', { signal: 'return_to_clinic' }, 'RTC 3 months.')
      .fact('treatment', { modality: 'medication', drug: 'gabapentin', drugClass: 'anticonvulsant', status: 'ongoing', doseChange: 'continued' }, 'Continue gabapentin 300 mg TID.');
    if (closing) check.fact('plan_signal', { signal: 'no_further_treatment' }, 'No further procedures planned.');
    if (pain) check.fact('outcome_measure', { instrument: 'NRS', value: pain[0], max: 10 }, `Pain ${pain[0]}/10.`);
    for (const [i, d] of ['2024-04-16', '2024-07-16', '2024-10-15', '2025-01-14'].entries()) {
      const v = b.visit(d, PAIN).fact('plan_signal', { signal: 'maintenance_care' }, 'Medication management only; she declines a third RFA.');
      if (pain) v.fact('outcome_measure', { instrument: 'NRS', value: pain[i + 1], max: 10 }, `Pain ${pain[i + 1]}/10.`);
    }
    return b;
  };
  it('is the procedure\'s response check: the maintenance phase begins when its relief has worn off and the plan is set', () => {
    expect(analyzeCase(build(false).input({ type: 'ssdi' })).mmi.date).toBe('2024-04-16');
  });
  it('unless that visit itself settles the plan', () => {
    expect(analyzeCase(build(true).input({ type: 'ssdi' })).mmi.date).toBe('2024-01-23');
  });
  it.each([
    ['the relief held: pain there is where the later visits find it', [3, 3, 4, 4, 4], '2024-01-23'],
    ['the relief wore off: pain rose beyond its MCID afterwards', [3, 6, 6, 6, 6], '2024-04-16'],
  ])('%s', (_, pain, date) => {
    expect(analyzeCase(build(false, pain).input({ type: 'ssdi' })).mmi.date).toBe(date);
  });
});

describe('a therapy course billed under another condition', () => {
  const NEURO = { name: 'Tobias Doe', credential: 'MD', specialty: 'neurology' as const };
  const PT = { name: 'Dana Roe', credential: 'PT', specialty: 'physical_therapy' as const };
  /** Stroke rehabilitation, then a year of stable neurology visits; in between, six PT visits coded to the knee (or to the stroke). */
  const stroke = (laterCode: string) => {
    const b = new CaseBuilder();
    for (const d of ['2023-04-11', '2023-05-15', '2023-06-06', '2023-08-01', '2023-09-22']) {
      b.visit(d, PT, [{ code: '97110', icd10: ['I69.354'] }]).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Gait training, L hemiparesis.');
    }
    for (const d of ['2023-10-25', '2024-01-24', '2024-04-24', '2024-10-30']) {
      b.visit(d, NEURO).fact('diagnosis', { name: 'hemiparesis', code: 'I69.354' }, 'Chronic L hemiparesis after stroke (I69.354).')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Deficits stable. Continue home program.');
    }
    for (const d of ['2024-06-12', '2024-06-19', '2024-06-26', '2024-07-03', '2024-07-10']) {
      b.visit(d, PT, [{ code: '97110', icd10: [laterCode] }]).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Quad strengthening, stair technique.')
        .fact('outcome_measure', { instrument: 'NRS', value: d === '2024-06-12' ? 6 : 2, max: 10 }, d === '2024-06-12' ? 'Pain 6/10.' : 'Pain 2/10.');
    }
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('knee PT coded M17.11 in a stroke claim neither restarts active care nor counts its pain scores', () => {
    const m = stroke('M17.11');
    expect([m.status, m.date]).toEqual(['implied', '2023-10-25']);
    expect(m.conflicts.map((c) => c.text).join(' ')).not.toMatch(/Pain/);
  });
  it('the same course coded to the stroke is care of the claim', () => {
    expect(stroke('I69.354').date).not.toBe('2023-10-25');
  });
  /** No ledger: the primary-care plan names the knee's own code, and a later note reports how the knee did. */
  const byPlan = (problem: string) => {
    const PCP = { name: 'Martin Doe', credential: 'MD', specialty: 'primary_care' as const };
    const b = new CaseBuilder();
    for (const d of ['2023-04-11', '2023-05-15', '2023-06-06', '2023-08-01', '2023-09-22']) {
      b.visit(d, PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Gait training, L hemiparesis.');
    }
    for (const d of ['2023-10-25', '2024-01-24', '2024-04-24', '2024-10-30']) {
      b.visit(d, NEURO).fact('diagnosis', { name: 'hemiparesis', code: 'I69.354' }, 'Chronic L hemiparesis after stroke (I69.354).')
        .fact('diagnosis', { name: 'hemiparesis', code: 'I69.354' }, 'Hemiparesis (I69.354) unchanged.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Deficits stable. Continue home program.');
    }
    b.visit('2024-05-29', PCP).fact('plan_signal', { signal: 'referral', target: 'Stride' }, `${problem} - PT referral to Stride (6 visits).`);
    b.visit('2024-09-11', PCP).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Knee better after PT, pain 2/10.');
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('a referral whose plan item names another system\'s code (R knee OA (M17.11)), and the later report on that knee, are that condition\'s care', () => {
    expect([byPlan('R knee OA (M17.11)').status, byPlan('R knee OA (M17.11)').date]).toEqual(['implied', '2023-10-25']);
  });
  it('the same referral with no code is still read as care (nothing says whose)', () => {
    expect(byPlan('R knee pain').status).not.toBe('implied');
  });
});

describe('therapy that waits on a ride', () => {
  const NP = { name: 'Kayla Doe', credential: 'APRN', specialty: 'primary_care' as const };
  /** A thin record: refills, a PT referral acted on (two visits, then stopped), and a last word on PT. */
  const record = (lastWord: string) => {
    const b = new CaseBuilder();
    for (const d of ['2022-09-07', '2022-11-30', '2023-06-14']) b.visit(d, NP).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue naproxen.');
    b.visit('2024-01-10', NP).fact('plan_signal', { signal: 'new_treatment', target: 'physical_therapy' }, 'PT referral with Medicaid transportation arranged.');
    b.visit('2024-04-03', NP).fact('treatment', { modality: 'physical_therapy', status: 'discontinued' }, 'PT: evaluation 02/21/2024 and one visit, then stopped.', { date: '2024-02-21' })
      .fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, lastWord);
    return analyzeCase(b.input({ type: 'ssi' })).mmi;
  };
  it('"resume when transportation reliable" is not care planned, and the referral before it was acted on', () => {
    expect(record('PT: encouraged to resume when transportation reliable.').status).not.toBe('not_reached');
  });
  it('a firm plan still is', () => {
    expect(record('PT: resume 2x/week starting next Monday.').status).toBe('not_reached');
  });
});

describe('an operation booked on a ledger', () => {
  const PAIN = { name: 'Minal Roe', credential: 'MD', specialty: 'pain_management' as const };
  const LEDGER = { name: 'Spine Institute', specialty: 'unknown' as const, kind: 'billing' as const, source: 'ledger' as const };
  /** Injections, then a year of refills; the ledger lists an estimate for an arthroplasty "SCHEDULED" (or the surgeon books it). */
  const course = (bookedBy: typeof PAIN | typeof LEDGER) => {
    const b = new CaseBuilder();
    for (const d of ['2023-02-01', '2023-04-01']) b.visit(d, PAIN).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'C6-7 interlaminar ESI.');
    for (const d of ['2023-06-01', '2023-09-01', '2023-12-01', '2024-03-01']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable. Continue current regimen.');
    b.visit('2024-03-01', bookedBy).fact('treatment', { modality: 'surgery', subtype: 'cervical disc arthroplasty', status: 'planned' }, 'C5-6 cervical disc arthroplasty - SCHEDULED (estimate; not performed).');
    return analyzeCase(b.input({ type: 'personal_injury' })).mmi;
  };
  it('is a charge estimate, not a plan of care: the maintenance phase stands', () => {
    expect([course(LEDGER).status, course(LEDGER).date]).toEqual(['implied', '2023-06-01']);
  });
  it('booked by the surgeon it is care still planned', () => {
    expect(course(PAIN).status).toBe('not_reached');
  });
});

describe('a therapy episode for a new injury of another region', () => {
  const NEURO = { name: 'Tobias Doe', credential: 'MD', specialty: 'neurology' as const };
  const PCP = { name: 'Anita Roe', credential: 'DO', specialty: 'primary_care' as const };
  const PT = { name: 'Dana Roe', credential: 'PT', specialty: 'physical_therapy' as const };
  /** Stroke rehabilitation, stable neurology visits; then a fall, a PCP's PT referral and a short PT episode (its two notes 35 days apart). */
  const stroke = (dx: { name: string; code?: string }, sentence: string) => {
    const b = new CaseBuilder();
    for (const d of ['2023-04-11', '2023-05-15', '2023-06-06', '2023-08-01']) b.visit(d, PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Gait training, L hemiparesis.');
    b.visit('2023-04-20', NEURO).fact('diagnosis', { name: 'lumbar radiculopathy', bodyRegion: 'lumbar' }, 'Chronic lumbar radiculopathy, predates the stroke.');
    for (const d of ['2023-09-19', '2024-03-26', '2024-09-24']) {
      b.visit(d, NEURO).fact('diagnosis', { name: 'hemiparesis' }, 'Chronic L hemiparesis after stroke.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Deficits stable. Continue current regimen.');
    }
    b.visit('2024-05-09', PCP).fact('plan_signal', { signal: 'new_treatment', target: 'physical_therapy' }, `PT referral for ${dx.name}.`);
    b.file('07_PT_episode.txt');
    b.visit('2024-05-14', PT).fact('diagnosis', dx, sentence).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT evaluation: edema management, balance, gait.');
    b.visit('2024-06-18', PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Discharge: all goals met, returned to prior level of function.');
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it.each([
    ['an ankle sprain', { name: 'L ankle sprain', code: 'S93.402A', bodyRegion: 'ankle' }, 'Dx S93.402A Sprain of L ankle.'],
    ['a wrist fracture', { name: 'distal radius fracture', bodyRegion: 'wrist' }, 'Dx: distal radius fracture, R wrist, healing.'],
  ])('PT for %s neither restarts active care nor moves the implied date', (_, dx, sentence) => {
    expect([stroke(dx, sentence).status, stroke(dx, sentence).date]).toEqual(['implied', '2023-09-19']);
  });
  it.each([
    ['a strain of the region diagnosed before', { name: 'lumbar strain', bodyRegion: 'lumbar' }, 'Dx: lumbar strain, flare of chronic radiculopathy.'],
    ['a region named without an injury', { name: 'ankle pain', bodyRegion: 'ankle' }, 'Dx: L ankle pain with unsteadiness.'],
  ])('PT for %s is active care again', (_, dx, sentence) => {
    expect(stroke(dx, sentence).date).not.toBe('2023-09-19');
  });
});

describe('a therapy course looked back on in a physician\'s note', () => {
  const OT = { name: 'Kelsey Doe', credential: 'OTR/L', specialty: 'occupational_therapy' as const };
  const PAIN = { name: 'Minal Roe', credential: 'MD', specialty: 'pain_management' as const };
  const course = (quote: string) => {
    const b = new CaseBuilder();
    for (const d of ['2023-02-01', '2023-03-01', '2023-03-23', '2023-04-28']) b.visit(d, OT).fact('treatment', { modality: 'occupational_therapy', status: 'performed' }, 'Graded motor imagery, mirror therapy.');
    b.visit('2023-05-23', PAIN).fact('treatment', { modality: 'occupational_therapy', status: 'performed' }, quote)
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    for (const d of ['2023-08-22', '2023-11-21', '2024-02-20']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable. Continue current regimen.');
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('"Partial response to multimodal tx (SGB x3, OT/GMI …)" after the last OT session is the course, not a session: the phase starts that day', () => {
    expect(course('Partial response to multimodal tx (SGB x3, OT/GMI, gabapentin, duloxetine, CBT).').date).toBe('2023-05-23');
  });
  it('OT given at that visit still counts', () => {
    expect(course('OT session today in clinic: graded motor imagery.').date).toBe('2023-08-22');
  });
});

describe('a surgeon\'s follow-up never reached because of cost', () => {
  const SURGEON = { name: 'Emeka Doe', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const NP = { name: 'Marion Roe', credential: 'NP', specialty: 'primary_care' as const };
  const course = (plan: string) => {
    const b = new CaseBuilder();
    b.visit('2023-03-20', { ...SURGEON, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed', subtype: 'ORIF' }, 'ORIF L lateral tibial plateau.');
    b.visit('2023-06-13', SURGEON).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Not yet at maximum medical improvement; expect further gains with therapy.')
      .fact('plan_signal', { signal: 'return_to_clinic' }, 'Recheck in 3 months with x-rays.');
    b.visit('2024-01-16', NP).fact('treatment', { modality: 'medication', drug: 'meloxicam', drugClass: 'NSAID', status: 'ongoing' }, plan);
    for (const d of ['2024-03-19', '2024-05-21', '2024-08-13', '2024-10-29']) b.visit(d, NP).fact('plan_signal', { signal: 'continue_current_management' }, 'Knee - cont meloxicam.');
    return analyzeCase(b.input({ type: 'ssi' })).mmi;
  };
  it('"Ortho referral - will need charity approval or insurance": the visits since are waiting, not a plateau', () => {
    const m = course('L knee pain - meloxicam 15 daily. Ortho referral - will need charity approval or insurance.');
    expect(m.status).toBe('insufficient_evidence');
    expect(m.reasons[0].text).toMatch(/not at MMI .*2023-06-13.*cost or coverage/);
  });
  it('without the barrier the same visits are a maintenance phase', () => {
    expect(course('L knee pain - meloxicam 15 daily.').status).toBe('implied');
  });
});

describe('the same joint injection as each one wears off', () => {
  const ORTHO = { name: 'Sam Sample', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const build = () => {
    const b = new CaseBuilder();
    for (const d of ['2023-03-20', '2023-07-11', '2023-10-10', '2024-02-20', '2024-06-04']) {
      b.visit(d, ORTHO).fact('treatment', { modality: 'joint_injection', status: 'performed', bodyRegion: 'knee' }, 'Bilateral knee injections today (triamcinolone 40 mg each knee).');
    }
    return b;
  };
  it('given every three to five months is a standing schedule in practice', async () => {
    const { buildContext } = await import('../src/analyze/case-context.js');
    const { profileFor } = await import('../src/profiles/index.js');
    const input = build().input({ type: 'ssi' });
    const ctx = buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts);
    const palliative = palliativeCare(ctx);
    const doses = ctx.of('treatment').filter((f) => /today/.test(f.evidence[0]?.quote ?? ''));
    expect(doses.map((f) => palliative(f))).toEqual([true, true, true, true, true]);
  });
});

describe('a presurgical evaluation is a surgical evaluation', () => {
  it.each([
    ['Referral to the Comprehensive Epilepsy Center for Phase I presurgical evaluation.', true],
    ['Still in active treatment; presurgical work-up pending.', true],
    ['Epilepsy surgery evaluation recommended.', true],
    ['Presurgical clearance labs drawn.', false],
  ])('%s', (sentence, consult) => {
    expect(of(sentence, 'treatment').some((f) => f.attributes.modality === 'surgical_consultation')).toBe(consult);
  });
});

describe('MMI: a visit for a passing illness', () => {
  /** Chiropractic ends; the family clinic then sees the claimant for other things, each visit ending "RTC prn". */
  const later = (assessments: string[]) => {
    const b = new CaseBuilder();
    for (const d of ['2023-06-02', '2023-07-07', '2023-08-18']) {
      b.visit(d, { name: 'Travis Oak', credential: 'DC', specialty: 'chiropractic' }).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'Segmental adjustment C5-6, L4-5.');
    }
    for (const [i, d] of ['2023-11-14', '2024-01-16', '2024-04-09'].entries()) {
      b.visit(d, DR_LEE).fact('diagnosis', { name: assessments[i] }, `Assessment: ${assessments[i]}.`)
        .fact('plan_signal', { signal: 'follow_up_prn' }, 'RTC prn.');
    }
    const a = analyzeCase(b.input({ type: 'personal_injury' }));
    expectValidCitations(a, b.documents());
    return a.mmi;
  };
  it.each([
    [['Acute bacterial sinusitis', 'Otitis media', 'Urinary tract infection']],
    [['Influenza', 'Health maintenance', 'Viral syndrome']],
  ])('visits for %j do not carry on the claimed condition\'s care', (assessments) => {
    expect(later(assessments).status).not.toBe('implied');
  });
  it('visits that assess the claimed back are its maintenance', () => {
    expect(later(['Chronic low back pain', 'Lumbar strain', 'Chronic low back pain'])).toMatchObject({ status: 'implied', date: '2023-11-14' });
  });
  it.each([
    ['J01.00', true], ['J06.9', true], ['N39.0', true], ['Z00.00', true], ['U07.1', true],
    ['J44.1', false], ['J20.9', false], ['M54.50', false], ['E11.9', false], ['F33.1', false],
  ])('code %s is a passing illness: %s', (code, passing) => {
    expect(isPassingIllness({ type: 'diagnosis', attributes: { name: 'x', code } } as Fact)).toBe(passing);
  });
});
