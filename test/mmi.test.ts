import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseBuilder, chronicLumbarCase, DR_KIM, DR_LEE, DR_PATEL, PT_RIVERA, type ProviderSpec } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';

function run(b: CaseBuilder, claim: Parameters<CaseBuilder['input']>[0] = { type: 'general' }) {
  const a = analyzeCase(b.input(claim));
  expectValidCitations(a, b.documents());
  return a;
}

describe('MMI: explicit', () => {
  it('takes date and provider from a P&S statement, with high confidence', () => {
    const b = new CaseBuilder()
      .visit('2024-01-10', DR_KIM).fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'Completed 16 sessions of PT for the R shoulder.')
      .visit('2024-04-02', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2024-03-28' }, 'Patient is permanent and stationary as of 03/28/2024.');
    const { mmi } = run(b, { type: 'workers_comp' });
    expect(mmi).toMatchObject({ status: 'explicit', date: '2024-03-28', statedBy: 'Dr. Kim (orthopedic surgery)' });
    expect(mmi.confidence).toBeGreaterThanOrEqual(0.9);
    expect(mmi.conflicts).toEqual([]);
    expect(mmi.reasons[0].evidence[0].quote).toContain('permanent and stationary');
  });

  it.each([
    ['the same physician\'s form five weeks later dates it', '2023-08-22', '2023-04-18'],
    ['a date given half a year later is another finding', '2024-01-22', '2023-07-18'],
  ])('a dateless "MMI: Yes": %s', (_name, later, date) => {
    const b = new CaseBuilder()
      .visit('2023-03-28', DR_KIM).fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'Second PT course completed; plateau.')
      .visit('2023-07-18', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'MMI reached? [X] Yes')
      .visit(later, DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-04-18' }, 'MMI [X] Yes - 04/18/2023.');
    const { mmi } = run(b, { type: 'workers_comp' });
    expect([mmi.status, mmi.date]).toEqual(['explicit', date]);
  });

  it('reports another provider recommending surgery after MMI as a conflict, not hiding it', () => {
    const b = new CaseBuilder()
      .visit('2024-02-01', DR_LEE).fact('mmi_statement', { kind: 'mmi' }, 'In my opinion she has reached maximum medical improvement.')
      .visit('2024-03-15', DR_KIM).fact('treatment', { modality: 'surgery', subtype: 'arthroscopic repair', status: 'recommended' }, 'I recommend arthroscopic rotator cuff repair.');
    const { mmi } = run(b);
    expect(mmi.status).toBe('explicit');
    expect(mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/Dr\. Kim.*surgery/);
    expect(mmi.confidence).toBeLessThan(0.9);
  });

  it('does not treat future-care recommendations in the MMI report itself as a conflict', () => {
    const b = new CaseBuilder()
      .visit('2024-02-01', DR_LEE)
      .fact('mmi_statement', { kind: 'mmi' }, 'He is at MMI.')
      .fact('treatment', { modality: 'epidural_injection', status: 'recommended' }, 'Future medical care should allow up to two epidural injections per year for flare-ups.');
    expect(run(b).mmi.conflicts).toEqual([]);
  });

  it('one treating doctor\'s MMI for the wrist, another\'s later MMI for the concussion: the claim reaches MMI with its last part', () => {
    const NEURO = { name: 'Dr. Hart', credential: 'MD', specialty: 'neurology' as const };
    const b = new CaseBuilder()
      .visit('2023-08-29', NEURO).fact('mmi_statement', { kind: 'not_at_mmi' }, 'She is not at maximum medical improvement.')
      .visit('2023-09-12', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-09-12' }, 'From an orthopaedic standpoint, her left wrist has reached maximum medical improvement as of today, 09/12/2023.')
      .visit('2024-03-05', NEURO).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-01-09' }, 'She reached maximum medical improvement for her post-concussive condition as of her visit of January 9, 2024.');
    const { mmi } = run(b, { type: 'personal_injury' });
    expect([mmi.status, mmi.date]).toEqual(['explicit', '2024-01-09']);
    expect(mmi.reasons.map((r) => r.text).join(' ')).toMatch(/wrist reached MMI earlier/);
  });

  it('a surgeon\'s MMI "with respect to her left tibial plateau fracture", the physiatrist\'s later for the whole: the physiatrist\'s first statement, not its restatement', () => {
    const PHYS = { name: 'Dr. Rao', credential: 'MD', specialty: 'physiatry' as const };
    const b = new CaseBuilder()
      .visit('2023-10-16', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'She has reached maximum medical improvement with respect to her left tibial plateau fracture.')
      .visit('2024-02-27', PHYS).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-02-27' }, 'Ms. Doe has reached maximum medical improvement as of today, 02/27/2024.')
      .visit('2024-08-27', PHYS).fact('mmi_statement', { kind: 'mmi' }, 'At MMI; stable.');
    const { mmi } = run(b, { type: 'personal_injury' });
    expect([mmi.status, mmi.date]).toEqual(['explicit', '2024-02-27']);
    expect(mmi.reasons.map((r) => r.text).join(' ')).toMatch(/tibial plateau reached MMI earlier/);
  });

  it('"not at MMI" later followed by MMI from the same doctor: explicit, the earlier opinion superseded (kept in opinions, not a conflict)', () => {
    const b = new CaseBuilder()
      .visit('2023-10-01', DR_LEE).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Not yet at MMI; pending repeat injection.')
      .visit('2024-01-05', DR_LEE).fact('mmi_statement', { kind: 'mmi' }, 'Patient has now reached MMI.');
    const { mmi } = run(b);
    expect(mmi).toMatchObject({ status: 'explicit', date: '2024-01-05' });
    expect(mmi.conflicts).toHaveLength(0);
    expect(mmi.opinions?.map((o) => o.opinion)).toEqual(['not_at_mmi', 'at_mmi']);
  });

  it('MMI later withdrawn by another doctor\'s "not at MMI" and the surgery that doctor then performs: not reached, the earlier MMI a conflict', () => {
    const b = new CaseBuilder()
      .visit('2023-10-01', DR_LEE).fact('mmi_statement', { kind: 'mmi' }, 'She is at MMI.')
      .visit('2024-01-05', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'She is not at maximum medical improvement; surgery is indicated.')
      .visit('2024-02-20', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Arthroscopic repair performed.');
    const { mmi } = run(b);
    expect(mmi.status).toBe('not_reached');
    expect(mmi.priorMmi?.statedBy).toContain('Dr. Lee');
  });

  it('ignores negated and hypothetical MMI mentions', () => {
    const b = new CaseBuilder()
      .visit('2024-01-05', DR_LEE)
      .fact('mmi_statement', { kind: 'mmi' }, 'She has not reached MMI.', { negated: true })
      .fact('mmi_statement', { kind: 'mmi' }, 'If she fails the injection she may be placed at MMI.', { temporality: 'hypothetical' });
    expect(run(b).mmi.status).not.toBe('explicit');
  });
});

describe('MMI: implied', () => {
  it('infers MMI from the chronic lumbar pattern, dated at the first sustained maintenance visit', () => {
    const { mmi } = run(chronicLumbarCase(), { type: 'ssdi' });
    expect(mmi.status).toBe('implied');
    expect(mmi.date).toBe('2024-03-01');
    expect(mmi.statedBy).toBe('Dr. Lee (pain management)');
    expect(mmi.confidence).toBeGreaterThanOrEqual(0.5);
    expect(mmi.confidence).toBeLessThanOrEqual(0.85);
    const text = mmi.reasons.map((r) => r.text).join('\n');
    expect(text).toMatch(/maintenance-only visits from 2024-03-01/);
    expect(text).toMatch(/Disability \(ODI 0–100\) changed .* less than its MCID of 10/);
    expect(text).toMatch(/surgery declined/);
    expect(mmi.reasons.every((r) => r.text.length > 0)).toBe(true);
  });

  it('a hypothetical future treatment ("if worse, consider SCS") does not block implied MMI', () => {
    const { mmi } = run(chronicLumbarCase());
    expect(mmi.reasons.flatMap((r) => r.evidence).some((e) => e.quote.includes('SCS'))).toBe(false);
    expect(mmi.status).toBe('implied');
  });

  it.each([
    ['She has not reached maximum medical improvement and will require ongoing chiropractic care 1-2 times per month for the foreseeable future.', 'implied'],
    ['Not at MMI; she needs supportive care indefinitely.', 'implied'],
    ['She has not reached maximum medical improvement; a repeat epidural is planned.', 'not_reached'],
  ])('a late "not at MMI" resting only on periodic supportive care is listed, not weighed: %s', (quote, status) => {
    const DC = { name: 'Dr. Cole', credential: 'DC', specialty: 'chiropractic' as const };
    const b = chronicLumbarCase().file('chiro.txt').visit('2024-10-01', DC).fact('mmi_statement', { kind: 'not_at_mmi' }, quote);
    const { mmi } = run(b, { type: 'personal_injury' });
    expect(mmi.status).toBe(status);
    if (status === 'implied') expect(mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/Dr\. Cole.*not at MMI/);
  });

  it.each([
    ['"Still deciding" about the plate removal Dr. Kim recommended.', 'Plans to call Dr. Kim about hardware removal after the holidays.', 'insufficient_evidence'],
    ['Declined the plate removal Dr. Kim recommended.', 'Wrist stable; continue HEP.', 'implied'],
  ])('an offered operation the claimant is still deciding on at the end of the record: %s', (later, last, status) => {
    const b = new CaseBuilder()
      .visit('2023-02-09', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'ORIF right distal radius.')
      .visit('2023-03-27', PT_RIVERA).fact('treatment', { modality: 'occupational_therapy', status: 'performed' }, 'Hand therapy evaluation.')
      .visit('2023-06-22', PT_RIVERA).fact('treatment', { modality: 'occupational_therapy', status: 'performed' }, 'Hand therapy: ROM gains leveled off.')
      .visit('2023-06-29', DR_KIM).fact('treatment', { modality: 'surgery', status: 'recommended' }, 'I recommended elective removal of hardware. Patient would like to discuss with her family.', { temporality: 'hypothetical' })
      .fact('plan_signal', { signal: 'return_to_clinic' }, 'RTC 6 weeks.')
      .visit('2023-09-19', DR_PATEL).fact('treatment', { modality: 'surgery', status: later.startsWith('Declined') ? 'declined' : 'recommended' }, later)
      .fact('treatment', { modality: 'medication', status: 'ongoing', drugClass: 'NSAID', drug: 'ibuprofen' }, 'Ibuprofen prn.').fact('plan_signal', { signal: 'return_to_clinic' }, 'RTC 2 months.')
      .visit('2023-11-28', DR_PATEL).fact('plan_signal', { signal: 'new_treatment', target: 'surgery' }, last, { temporality: 'hypothetical' })
      .fact('treatment', { modality: 'medication', status: 'ongoing', drugClass: 'NSAID', drug: 'ibuprofen' }, 'Ibuprofen prn.').fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
      .visit('2024-02-20', DR_PATEL).fact('treatment', { modality: 'medication', status: 'ongoing', drugClass: 'NSAID', drug: 'ibuprofen' }, 'Ibuprofen prn.').fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
    expect(run(b, { type: 'personal_injury' }).mmi.status).toBe(status);
  });

  it('"remains permanent and stationary" in a note that puts the claimant on TTD and schedules surgery is a carried status line, not a renewed MMI', () => {
    const b = new CaseBuilder()
      .visit('2024-01-16', { ...DR_KIM, kind: 'impairment_rating' }).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2024-01-16' }, 'The patient is permanent and stationary as of 01/16/2024.')
      .visit('2024-07-22', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'She is no longer permanent and stationary; my P&S determination of 01/16/2024 is withdrawn.')
      .visit('2024-08-26', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'Patient remains permanent and stationary with future medical care as outlined in PR-4.')
      .fact('work_status', { status: 'off_work' }, '[X] TTD.')
      .fact('treatment', { modality: 'surgery', status: 'planned' }, 'Surgery scheduled 09/18/2024.');
    const { mmi } = run(b, { type: 'workers_comp', state: 'CA' });
    expect([mmi.status, mmi.priorMmi?.date]).toEqual(['not_reached', '2024-01-16']);
  });

  it.each([
    [['2024-03-20', '2024-04-17', '2024-05-21', '2024-06-11', '2024-08-13'], 'insufficient_evidence'],
    [['2024-03-20', '2024-04-17', '2024-05-21'], 'insufficient_evidence'],
    [['2024-03-20', '2024-04-17'], 'not_reached'],
  ])('the notes stop with care under way and the bills show care going on for months (%j): %s', (billed, status) => {
    const b = new CaseBuilder();
    for (const d of ['2023-11-01', '2023-12-06', '2024-01-17', '2024-02-27']) b.visit(d, PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Vestibular rehabilitation: gaze stabilization, habituation.');
    b.visit('2024-02-27', DR_LEE).fact('plan_signal', { signal: 'referral', target: 'neuropsychology' }, 'Refer for neuropsychological testing.');
    b.file('ledger.csv');
    for (const d of billed) b.bill(d, 'Summit Vestibular Therapy', [{ code: '97112', charge: 140 }]);
    expect(run(b, { type: 'personal_injury' }).mmi.status).toBe(status);
  });

  it.each([
    ['Feld Neurology Associates', 'insufficient_evidence'],
    ['North Fulton Primary Care', 'not_reached'],
  ])('the physician who found "not at MMI" is billed for a later visit whose note is missing (%s): %s', (biller, status) => {
    const NEURO = { name: 'Abram S. Feld', credential: 'MD', specialty: 'neurology' as const };
    const b = new CaseBuilder()
      .visit('2023-03-28', NEURO).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'Refer for vestibular rehabilitation.')
      .visit('2023-06-27', NEURO).fact('mmi_statement', { kind: 'not_at_mmi' }, 'She is not at maximum medical improvement; re-evaluate in 10-12 weeks.')
      .visit('2023-07-25', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Vestibular rehabilitation: gaze stabilization.');
    b.file('ledger.csv').bill('2023-09-12', biller, [{ code: '99214', charge: 245 }]);
    expect(run(b, { type: 'personal_injury' }).mmi.status).toBe(status);
  });

  it('"currently attending cardiac rehab" carried into notes after the course was completed is no course under way', () => {
    const CARDIO = { name: 'Helen Roe', credential: 'MD', specialty: 'cardiology' as const };
    const rehab = (status: 'ongoing' | 'completed') => ({ modality: 'physical_therapy' as const, subtype: 'cardiopulmonary rehabilitation', status });
    const b = new CaseBuilder()
      .visit('2022-06-14', CARDIO).fact('treatment', rehab('completed'), 'Completing Phase II rehab this week (36 sessions).');
    for (const d of ['2023-01-10', '2023-04-11', '2023-07-18', '2023-10-17']) {
      b.visit(d, CARDIO).fact('treatment', rehab('ongoing'), 'Interval: He is currently attending Phase II cardiac rehab 3x/week.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current GDMT. RTC 3 months.');
    }
    expect(run(b, { type: 'ssdi' }).mmi).toMatchObject({ status: 'implied', date: '2023-01-10' });
  });

  describe('a heart claim', () => {
    const CARDIO = { name: 'Dr. Heart', credential: 'MD', specialty: 'cardiology' as const };
    const EP = { name: 'Dr. Volt', credential: 'MD', specialty: 'cardiology' as const, kind: 'procedure_note' as const };
    const build = (claimant: 'cardiac' | 'knee') => {
      const b = new CaseBuilder();
      const dx = claimant === 'cardiac' ? 'HFrEF, ischemic cardiomyopathy.' : 'Bilateral knee osteoarthritis.';
      b.visit('2022-11-09', claimant === 'cardiac' ? CARDIO : DR_KIM).fact('diagnosis', { name: claimant === 'cardiac' ? 'heart failure' : 'osteoarthritis' }, dx)
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
      b.visit('2022-12-14', claimant === 'cardiac' ? CARDIO : DR_KIM).fact('diagnosis', { name: claimant === 'cardiac' ? 'heart failure' : 'osteoarthritis' }, dx)
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
      b.visit('2023-01-25', CARDIO).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
      b.visit('2023-04-04', EP).fact('treatment', { modality: 'surgery', subtype: 'cardiac device', status: 'performed' }, 'Implantation of single-chamber transvenous ICD.');
      for (const d of ['2023-07-18', '2023-10-17', '2024-01-16']) {
        b.visit(d, claimant === 'cardiac' ? CARDIO : DR_KIM).fact('diagnosis', { name: claimant === 'cardiac' ? 'heart failure' : 'osteoarthritis' }, dx)
          .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
      }
      return run(b, { type: 'ssdi' }).mmi;
    };
    it('an ICD implant is the heart claim\'s own active care: the phase starts after it', () => {
      expect([build('cardiac').status, build('cardiac').date]).toEqual(['implied', '2023-07-18']);
    });
    it('the same implant in a knee claim treats another condition and does not restart care', () => {
      expect([build('knee').status, build('knee').date]).toEqual(['implied', '2022-11-09']);
    });
  });

  it('a work-status form left ticked "reached MMI" on the day its author withdraws the MMI does not renew it', () => {
    const b = new CaseBuilder()
      .visit('2023-07-11', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-07-11' }, 'He has reached maximum medical improvement as of today, 07/11/2023.')
      .visit('2023-09-26', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Not at MMI - surgical treatment pending authorization.')
      .fact('mmi_statement', { kind: 'mmi' }, '[X] Return to modified duty with restrictions below [X] Patient has reached MMI');
    const { mmi } = run(b, { type: 'workers_comp', state: 'IL' });
    expect([mmi.status, mmi.priorMmi?.date]).toEqual(['not_reached', '2023-07-11']);
  });

  it('a telephone call declining the last option does not open the maintenance phase; the next visit does', () => {
    const b = new CaseBuilder()
      .visit('2021-09-22', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'other_injection', status: 'performed' }, 'Right stellate ganglion block performed.')
      .visit('2022-03-09', DR_LEE).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'recommended' }, 'Recommend SCS trial.')
      .visit('2022-05-11', { ...DR_LEE, title: 'TELEPHONE ENCOUNTER' }).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'declined' }, 'She declines the SCS trial.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Wants to continue current meds.');
    for (const d of ['2022-06-15', '2022-09-14', '2022-12-14']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Maintain current regimen.');
    expect(run(b, { type: 'ssdi' }).mmi.date).toBe('2022-06-15');
  });

  it('a lidocaine patch added during the maintenance phase does not restart it', () => {
    const b = chronicLumbarCase().file('pain2.txt').visit('2024-10-15', DR_LEE)
      .fact('plan_signal', { signal: 'new_treatment', target: 'lidocaine' }, 'Add lidocaine 5% patch to the low back PRN (12 h on/12 h off).')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Otherwise continue current regimen.');
    expect(run(b, { type: 'ssdi' }).mmi.date).toBe('2024-03-01');
  });

  it('needs the maintenance phase to span about three months', () => {
    const b = new CaseBuilder()
      .visit('2024-01-10', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'Discharged from PT.')
      .visit('2024-02-01', DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
      .visit('2024-03-01', DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
    expect(run(b).mmi.status).toBe('insufficient_evidence');
  });

  it('a functional score still improving beyond its MCID means not at MMI', () => {
    const b = new CaseBuilder()
      .visit('2024-01-10', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'Discharged from PT.')
      .visit('2024-02-01', DR_PATEL).fact('plan_signal', { signal: 'follow_up_prn' }, 'Follow up PRN.').fact('outcome_measure', { instrument: 'ODI', value: 50, max: 100 }, 'ODI 50%.')
      .visit('2024-06-01', DR_PATEL).fact('plan_signal', { signal: 'follow_up_prn' }, 'Follow up PRN.').fact('outcome_measure', { instrument: 'ODI', value: 30, max: 100 }, 'ODI 30%.');
    expect(run(b).mmi.status).toBe('not_reached');
  });
});

describe('MMI: not reached and insufficient', () => {
  it('surgery recommended at the last visit: not reached, citing the recommendation', () => {
    const b = new CaseBuilder()
      .visit('2024-01-10', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
      .visit('2024-03-10', DR_KIM).fact('treatment', { modality: 'surgery', subtype: 'L4-5 fusion', status: 'recommended' }, 'Recommend L4-5 TLIF; will submit for authorization.');
    const { mmi } = run(b);
    expect(mmi.status).toBe('not_reached');
    expect(mmi.reasons[0].evidence[0].quote).toContain('TLIF');
  });

  it('a recommendation the claimant later declined no longer keeps MMI open', () => {
    const b = new CaseBuilder()
      .visit('2023-09-05', DR_KIM).fact('treatment', { modality: 'surgery', status: 'recommended' }, 'Recommend microdiscectomy.')
      .visit('2023-10-01', DR_KIM).fact('treatment', { modality: 'surgery', status: 'declined', reasonStopped: 'risk' }, 'Declines surgery.')
      .visit('2023-11-01', DR_LEE).fact('plan_signal', { signal: 'maintenance_care' }, 'Maintenance care.')
      .visit('2024-02-15', DR_LEE).fact('plan_signal', { signal: 'maintenance_care' }, 'Maintenance care only.');
    expect(run(b).mmi).toMatchObject({ status: 'implied', date: '2023-11-01' });
  });

  it('one dated visit is insufficient evidence', () => {
    const b = new CaseBuilder().visit('2024-01-10', DR_LEE).fact('plan_signal', { signal: 'follow_up_prn' }, 'F/u prn.');
    expect(run(b).mmi.status).toBe('insufficient_evidence');
  });
});

describe('MMI: stale plans, treatment changes and care for other conditions', () => {
  const PSY_ORTIZ = { name: 'Dr. Ortiz', credential: 'PsyD', specialty: 'psychology' as const };

  it('a PT referral the same doctor later drops for "f/u prn" does not keep MMI open: a thin record is insufficient', () => {
    const b = new CaseBuilder()
      .visit('2022-03-01', DR_PATEL)
      .fact('plan_signal', { signal: 'referral', target: 'physical therapy' }, 'Referral to physical therapy.')
      .fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'Referral to physical therapy.')
      .fact('plan_signal', { signal: 'new_treatment', target: 'duloxetine' }, 'Start duloxetine 30 mg daily.')
      .visit('2022-04-02', DR_PATEL).fact('plan_signal', { signal: 'follow_up_prn' }, 'Continue duloxetine. Follow up as needed.');
    expect(run(b).mmi.status).toBe('insufficient_evidence');
  });

  it('starting a medication or keeping up home exercise is not active care, but the maintenance phase starts after the last change', () => {
    const b = new CaseBuilder()
      .visit('2023-05-01', DR_KIM).fact('treatment', { modality: 'surgery', status: 'declined' }, 'She declines the offered microdiscectomy.')
      .visit('2023-06-01', DR_PATEL).fact('treatment', { modality: 'medication', drug: 'pregabalin', doseChange: 'started', status: 'performed' }, 'Start pregabalin 75 mg BID.')
      .visit('2023-09-01', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
      .fact('plan_signal', { signal: 'new_treatment', target: 'home_exercise' }, 'Maintain current medications and home exercise.')
      .visit('2023-12-05', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current treatment plan.')
      .visit('2024-03-10', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'No changes. RTC 3 months.');
    expect(run(b).mmi).toMatchObject({ status: 'implied', date: '2023-09-01' });
  });

  it('a psychology discharge is not the first maintenance visit of the spine condition', () => {
    const b = new CaseBuilder()
      .visit('2023-11-01', DR_LEE).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Left L4-5 TFESI performed.')
      .visit('2023-12-01', PSY_ORTIZ).fact('plan_signal', { signal: 'follow_up_prn' }, 'Discharged from CBT; return as needed.')
      .visit('2024-02-12', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
      .visit('2024-05-20', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
    expect(run(b).mmi).toMatchObject({ status: 'implied', date: '2024-02-12' });
  });

  it('a recommendation never acted on lapses once months of maintenance visits follow it', () => {
    const b = new CaseBuilder()
      .visit('2023-01-10', DR_KIM).fact('treatment', { modality: 'facet_injection', status: 'recommended' }, 'Could consider facet injections.')
      .visit('2023-03-01', DR_LEE).fact('plan_signal', { signal: 'maintenance_care' }, 'Maintenance care.')
      .visit('2023-06-15', DR_LEE).fact('plan_signal', { signal: 'maintenance_care' }, 'Maintenance care; stable.');
    expect(run(b).mmi).toMatchObject({ status: 'implied', date: '2023-03-01' });
  });

  it('a referral to a surgeon at the last visit still keeps MMI open', () => {
    const b = new CaseBuilder()
      .visit('2024-01-10', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
      .visit('2024-04-10', DR_LEE).fact('plan_signal', { signal: 'referral', target: 'spine surgery' }, 'Refer to spine surgery for opinion.');
    expect(run(b).mmi.status).toBe('not_reached');
  });
});

describe('MMI: whose opinion decides', () => {
  const DD = { name: 'Dr. Dee', credential: 'MD', specialty: 'ime' as const, kind: 'ime' as const };
  it('in Texas the designated doctor\'s date governs and the treating doctor\'s differing date is a conflict', () => {
    const b = new CaseBuilder()
      .visit('2024-01-23', DR_LEE).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-01-23' }, 'The employee reached MMI on 01/23/2024.')
      .visit('2024-03-12', DD).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-11-28' }, 'Clinical MMI: 11/28/2023');
    const input = b.input({ type: 'workers_comp', state: 'TX' });
    // The designated doctor is known by the report's title, as the document-role reader finds it.
    for (const e of input.encounters) if (e.specialty === 'ime') Object.assign(e, { documentRole: 'examining', documentTitle: 'DWC Designated Doctor' });
    const { mmi } = analyzeCase(input);
    expect(mmi).toMatchObject({ status: 'explicit', date: '2023-11-28', disputed: true });
    expect(mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/Dr\. Lee.*2024-01-23/);
    // The presumptive-weight reason cites the certification it weighs; no reason stands without evidence.
    expect(mmi.reasons.find((r) => /presumptive weight/.test(r.text))?.evidence[0]?.quote).toBe('Clinical MMI: 11/28/2023');
    expect(mmi.reasons.every((r) => r.evidence.length > 0)).toBe(true);
  });
  it.each([
    ['the treating doctor disagrees after it: the designated doctor\'s new MMI governs, the first is the prior one', 'not_at_mmi', 'explicit'],
    ['the designated doctor himself later finds the claimant not at MMI again', 'dd_not', 'not_reached'],
  ])('Texas: the designated doctor\'s MMI, then a fusion, then his new MMI; %s', (_t, after, status) => {
    const b = new CaseBuilder()
      .visit('2024-03-14', DD).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-03-14' }, 'I certify that the employee has reached clinical MMI on 03/14/2024.')
      .visit('2024-07-09', { ...DR_LEE, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed', subtype: 'arthrodesis' }, 'First to third tarsometatarsal arthrodesis.')
      .visit('2025-03-25', DD).fact('mmi_statement', { kind: 'mmi', mmiDate: '2025-02-27' }, 'The employee reached clinical MMI on 02/27/2025.');
    if (after === 'not_at_mmi') b.visit('2025-04-10', DR_LEE).fact('mmi_statement', { kind: 'not_at_mmi' }, 'In my opinion he had not reached clinical MMI on 02/27/2025.');
    else b.visit('2025-05-20', DD).fact('mmi_statement', { kind: 'not_at_mmi' }, 'On re-examination the employee has not reached MMI.');
    const input = b.input({ type: 'workers_comp', state: 'TX' });
    for (const e of input.encounters) if (e.specialty === 'ime') Object.assign(e, { documentRole: 'examining', documentTitle: 'DWC Designated Doctor' });
    const { mmi } = analyzeCase(input);
    expect(mmi.status).toBe(status);
    if (status === 'explicit') expect([mmi.date, mmi.priorMmi?.date]).toEqual(['2025-02-27', '2024-03-14']);
  });
  /** Colorado: the treating physician's MMI, then a Division IME (DIME) that moves it; optionally surgery and a new MMI after. */
  const colorado = (dimeOpinion: 'later date' | 'not at MMI', thenSurgery: boolean) => {
    const b = new CaseBuilder()
      .visit('2023-06-20', DR_LEE).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-06-20' }, 'MMI: [X] Yes  Date of MMI: 06/20/2023')
      .visit('2023-12-06', DD).fact('mmi_statement', dimeOpinion === 'later date' ? { kind: 'mmi', mmiDate: '2023-10-03' } : { kind: 'not_at_mmi' },
        dimeOpinion === 'later date' ? 'In my opinion he reached maximum medical improvement on 10/03/2023.' : 'He is not at maximum medical improvement.');
    if (thenSurgery) {
      b.visit('2023-12-12', DR_LEE).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Not at MMI: recurrent tear on the MR arthrogram.')
        .visit('2024-02-13', { ...DR_LEE, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed', subtype: 'rotator cuff repair' }, 'Arthroscopic revision rotator cuff repair.')
        .visit('2024-09-24', DR_LEE).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-09-24' }, 'The patient is at maximum medical improvement as of 09/24/2024.');
    }
    const input = b.input({ type: 'workers_comp', state: 'CO' });
    for (const e of input.encounters) if (e.specialty === 'ime') Object.assign(e, { documentRole: 'examining', documentTitle: 'DIVISION INDEPENDENT MEDICAL EXAMINATION (DIME) - REPORT' });
    return analyzeCase(input).mmi;
  };
  it('in Colorado the Division IME\'s MMI date binds over the treating physician\'s', () => {
    expect(colorado('later date', false)).toMatchObject({ status: 'explicit', date: '2023-10-03' });
  });
  it('but the treating physician\'s new MMI after surgery the DIME never saw stands', () => {
    expect(colorado('not at MMI', true)).toMatchObject({ status: 'explicit', date: '2024-09-24' });
  });
  it('elsewhere the treating physician governs and an IME\'s earlier date is the conflict', () => {
    const b = new CaseBuilder()
      .visit('2024-01-23', DR_LEE).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-01-23' }, 'The employee reached MMI on 01/23/2024.')
      .visit('2024-03-12', DD).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-11-28' }, 'Clinical MMI: 11/28/2023');
    const { mmi } = run(b, { type: 'workers_comp', state: 'CA' });
    expect(mmi).toMatchObject({ status: 'explicit', date: '2024-01-23', statedBy: 'Dr. Lee (pain management)' });
    expect(mmi.opinions?.map((o) => o.role).sort()).toEqual(['examining', 'treating_physician']);
  });
  it('an MMI withdrawn by its author ends not_reached with priorMmi', () => {
    const b = new CaseBuilder()
      .visit('2023-05-16', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'He has reached maximum medical improvement.')
      .visit('2023-10-17', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'He is no longer at MMI.');
    const { mmi } = run(b, { type: 'workers_comp' });
    expect(mmi.status).toBe('not_reached');
    expect(mmi.priorMmi).toMatchObject({ date: '2023-05-16', statedBy: 'Dr. Kim (orthopedic surgery)' });
  });
  it('the withdrawn MMI restated by its date in a later history line ("P&S 05/10/2023 (PR-4)") stays withdrawn', () => {
    const b = new CaseBuilder()
      .visit('2023-05-10', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2023-05-10' }, 'Permanent and stationary as of 05/10/2023.')
      .visit('2023-09-06', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'In my opinion the patient is no longer permanent and stationary.')
      .visit('2023-12-13', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2023-05-10' }, 'P&S 05/10/2023 (PR-4).');
    const { mmi } = run(b, { type: 'workers_comp', state: 'CA' });
    expect([mmi.status, mmi.priorMmi?.date]).toEqual(['not_reached', '2023-05-10']);
  });
  it('"my P&S/MMI determination of 10/16/2023 is withdrawn" withdraws it, though the notes name their author differently', () => {
    const UNNAMED = { name: 'the treating orthopedic surgery provider', specialty: 'orthopedic_surgery' as const };
    const b = new CaseBuilder()
      .visit('2023-10-16', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2023-10-16' }, 'He is permanent and stationary as of today, 10/16/2023.')
      .visit('2024-02-05', UNNAMED).fact('mmi_statement', { kind: 'not_at_mmi' }, 'He is no longer permanent and stationary; my P&S/MMI determination of 10/16/2023 is withdrawn.');
    const { mmi } = run(b, { type: 'workers_comp', state: 'CA' });
    expect([mmi.status, mmi.priorMmi?.date]).toEqual(['not_reached', '2023-10-16']);
  });
  it('a new MMI date after the withdrawal is a new MMI', () => {
    const b = new CaseBuilder()
      .visit('2023-05-10', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2023-05-10' }, 'Permanent and stationary as of 05/10/2023.')
      .visit('2023-09-06', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'In my opinion the patient is no longer permanent and stationary.')
      .visit('2024-06-13', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2024-06-13' }, 'She is again permanent and stationary as of today.');
    const { mmi } = run(b, { type: 'workers_comp', state: 'CA' });
    expect([mmi.status, mmi.date]).toEqual(['explicit', '2024-06-13']);
  });
  it('after a withdrawal, a panel QME\'s later MMI is where the claim stands; the withdrawn one is the prior MMI', () => {
    const QME = { name: 'Dr. Asun', credential: 'MD', specialty: 'ime' as const, kind: 'ime' as const, documentRole: 'examining' as const, documentTitle: 'PANEL QME RE-EVALUATION REPORT' };
    const b = new CaseBuilder()
      .visit('2023-04-24', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2023-04-24' }, 'Permanent and stationary as of 04/24/2023.')
      .visit('2023-09-18', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'In light of the QME report, my P&S finding of 04/24/2023 is withdrawn.')
      .visit('2024-05-28', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'P&S: [ ] Yes  [X] No (deferred to QME)');
    b.file('qme.txt').visit('2024-07-09', QME).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-05-28' }, 'In my opinion she reached maximum medical improvement on 05/28/2024.');
    const { mmi } = run(b, { type: 'workers_comp', state: 'CA' });
    expect([mmi.status, mmi.date]).toEqual(['explicit', '2024-05-28']);
    expect(mmi.priorMmi).toMatchObject({ date: '2023-04-24' });
  });
  it('a defense IME\'s MMI after the treating doctor withdrew his leaves it withdrawn', () => {
    const IME = { name: 'Dr. Defe', credential: 'MD', specialty: 'ime' as const, kind: 'ime' as const, documentRole: 'examining' as const, documentTitle: 'INDEPENDENT MEDICAL EXAMINATION' };
    const b = new CaseBuilder()
      .visit('2023-04-24', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-04-24' }, 'MMI as of 04/24/2023.')
      .visit('2023-09-18', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'She is no longer at MMI after the re-injury.');
    b.file('ime.txt').visit('2024-01-09', IME).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-01-09' }, 'She has reached maximum medical improvement.');
    expect(run(b, { type: 'workers_comp' }).mmi.status).toBe('not_reached');
  });
  it('the treating doctor\'s amended form ("DWC-25 (amended): Date of MMI 06/27/2023, per EMA") replaces her first MMI date', () => {
    const b = new CaseBuilder()
      .visit('2023-01-17', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-01-17' }, 'He has reached maximum medical improvement as of today, 01/17/2023.')
      .visit('2023-10-31', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-06-27' }, 'DWC-25 (amended): [X] At MMI  Date of MMI: 06/27/2023  PIR: 6% (per EMA).')
      .visit('2023-12-19', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-11-20' }, 'He remains at MMI; the 11/20/2023 injection was palliative.');
    expect(run(b, { type: 'workers_comp', state: 'FL' }).mmi.date).toBe('2023-06-27');
  });
  /** An MMI, then an injection months later: which later words make it a withdrawal and which the allowed future care. */
  const injectionAfterMmi = (sameDay?: string, later?: string) => {
    const b = new CaseBuilder()
      .visit('2023-06-21', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-06-21' }, 'She has reached maximum medical improvement as of today, 06/21/2023.')
      .visit('2023-10-04', { ...DR_KIM, kind: 'procedure_note' }).fact('treatment', { modality: 'other_injection', status: 'performed' }, 'Bilateral greater occipital nerve blocks performed.');
    if (sameDay) b.fact('plan_signal', { signal: 'maintenance_care' }, sameDay);
    if (later) b.visit('2024-03-20', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, later);
    return run(b, { type: 'personal_injury' }).mmi;
  };
  it.each([
    ['a later injection with nothing else said withdraws the MMI', undefined, undefined, 'not_reached'],
    ['an injection its author calls palliative that day is future care, not a withdrawal', 'Injection given as approved palliative care.', undefined, 'explicit'],
    ['the author restating MMI after the injection keeps it', undefined, 'She remains at maximum medical improvement.', 'explicit'],
  ])('%s', (_name, sameDay, later, status) => {
    const mmi = injectionAfterMmi(sameDay, later);
    expect(mmi.status).toBe(status);
    if (status === 'explicit') expect(mmi.date).toBe('2023-06-21');
    else expect(mmi.priorMmi?.date).toBe('2023-06-21');
  });
  it('the treating doctor who later writes "per SIME" adopts the Board-ordered examiner\'s earlier date', () => {
    const SIME = { name: 'Dr. Amun', credential: 'MD', specialty: 'ime' as const, kind: 'ime' as const, documentRole: 'examining' as const, documentTitle: 'SECOND INDEPENDENT MEDICAL EVALUATION (SIME)' };
    const b = new CaseBuilder()
      .visit('2023-02-14', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-02-14' }, 'He is medically stable as of today\'s date, 02/14/2023.');
    b.file('sime.txt').visit('2023-05-23', SIME).fact('mmi_statement', { kind: 'mmi', mmiDate: '2022-12-13' }, 'In my opinion Mr. Doe reached medical stability on 12/13/2022.');
    b.file('notes.txt').visit('2024-02-13', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'Stable, medically stable since 2022-2023 per SIME.');
    const { mmi } = run(b, { type: 'workers_comp', state: 'AK' });
    expect([mmi.status, mmi.date, mmi.statedBy]).toEqual(['explicit', '2022-12-13', 'Dr. Amun (independent medical exam)']);
    expect(mmi.reasons.map((r) => r.text).join(' ')).toMatch(/adopts this examiner's finding/);
  });
  it('a new treating doctor\'s own MMI, dated after the ablations she gave, is a new MMI; the first doctor\'s is the prior one', () => {
    const b = new CaseBuilder()
      .visit('2022-06-01', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2022-06-01' }, 'Patient has reached MMI as of 06/01/2022 with 0% permanent impairment rating.')
      .file('pain.txt').visit('2022-11-08', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Radiofrequency ablation, bilateral L4-5 and L5-S1 medial branches.')
      .visit('2023-11-14', DR_LEE).fact('mmi_statement', { kind: 'mmi' }, 'The patient has reached maximum medical improvement as of 11/14/2023.')
      .fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-11-14' }, '[X] Patient has reached MMI     Date of MMI: 11/14/2023')
      .visit('2024-05-14', DR_LEE).fact('mmi_statement', { kind: 'mmi' }, 'Remains at MMI, restrictions unchanged.');
    const { mmi } = run(b, { type: 'workers_comp', state: 'FL' });
    expect([mmi.status, mmi.date, mmi.priorMmi?.date]).toEqual(['explicit', '2023-11-14', '2022-06-01']);
  });
  it('another treating doctor\'s later "not at MMI" is a conflict; the MMI stands', () => {
    const b = new CaseBuilder()
      .visit('2022-12-08', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2022-12-08' }, 'At MMI. Date of MMI: 12/08/2022.')
      .visit('2024-02-20', DR_LEE).fact('mmi_statement', { kind: 'not_at_mmi' }, 'In my opinion he is not at MMI; fusion is recommended.');
    const { mmi } = run(b, { type: 'workers_comp', state: 'FL' });
    expect(mmi).toMatchObject({ status: 'explicit', date: '2022-12-08', disputed: true });
    expect(mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/not at MMI on 2024-02-20/);
  });
  it('two treating visits and an ER visit are insufficient evidence, and say what is missing', () => {
    const ER = { name: 'Dr. Ward', credential: 'MD', specialty: 'emergency' as const, kind: 'emergency_visit' as const };
    const b = new CaseBuilder()
      .visit('2023-02-04', ER).fact('treatment', { modality: 'medication', status: 'ongoing' }, 'Naproxen 500 mg BID.')
      .visit('2023-03-15', DR_PATEL).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'PT referral given.')
      .visit('2023-08-21', ER).fact('treatment', { modality: 'medication', status: 'ongoing' }, 'Naproxen refilled.');
    const { mmi } = run(b, { type: 'ssi' });
    expect(mmi.status).toBe('insufficient_evidence');
    expect(mmi.reasons[0].text).toMatch(/Only 1 treating visit.*needs current treating notes/);
  });
});

describe('MMI: the record ends where care was handed to another provider', () => {
  const handedOff = (plan: { modality: 'physical_therapy' | 'surgery'; text: string }, transferred: boolean) => {
    const b = new CaseBuilder()
      .visit('2023-05-02', DR_PATEL).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'PT referral given.')
      .visit('2023-06-06', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT evaluation completed.')
      .visit('2023-07-18', DR_PATEL).fact('treatment', { modality: 'medication', status: 'ongoing' }, 'Continue gabapentin 100 mg TID.')
      .visit('2023-11-07', DR_PATEL);
    if (plan.modality === 'surgery') b.fact('treatment', { modality: 'surgery', status: 'planned' }, plan.text);
    else b.fact('plan_signal', { signal: 'new_treatment', target: plan.modality }, plan.text);
    if (transferred) b.fact('plan_signal', { signal: 'care_transferred' }, 'Care transferred to Seaway Family Health Center.');
    return run(b, { type: 'ssi' }).mmi;
  };
  it.each([
    ['a re-referral at a visit that hands care over: insufficient, asking for the receiving provider\'s notes', { modality: 'physical_therapy' as const, text: 'PT re-referral now covered by Medicaid.' }, true, 'insufficient_evidence'],
    ['the same plan with the author still treating: not reached', { modality: 'physical_therapy' as const, text: 'Resume PT 2x/week, now covered by Medicaid.' }, false, 'not_reached'],
    ['a surgery firmly planned before the hand-off: not reached', { modality: 'surgery' as const, text: 'ACDF scheduled for 12/04/2023.' }, true, 'not_reached'],
  ])('%s', (_name, plan, transferred, status) => {
    const mmi = handedOff(plan, transferred);
    expect(mmi.status).toBe(status);
    if (status === 'insufficient_evidence') expect(mmi.reasons[0].text).toMatch(/transferred the claimant's care.*receiving provider/);
  });
});

describe('MMI: a reviewer who never saw the claimant', () => {
  const thinWith = (title: string) => {
    const REVIEWER = { name: 'Stan Kett', credential: 'MD', specialty: 'occupational_medicine' as const, kind: 'ime' as const, documentRole: 'examining' as const, documentTitle: title };
    const b = new CaseBuilder()
      .visit('2023-05-10', DR_PATEL).fact('treatment', { modality: 'medication', status: 'ongoing' }, 'Naproxen 500 mg BID.')
      .visit('2023-06-22', DR_PATEL).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'PT referral given.')
      .visit('2023-11-20', REVIEWER).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-06-22' }, 'In my opinion the claimant would be expected to have reached MMI no later than 06/22/2023.');
    return run(b, { type: 'workers_comp', state: 'TX' }).mmi;
  };
  it('a peer review does not decide a thin record: insufficient, the review shown as a conflict', () => {
    const mmi = thinWith('CLEARVIEW REVIEW SERVICES\nPEER REVIEW REPORT (records review - no examination)');
    expect(mmi.status).toBe('insufficient_evidence');
    expect(mmi.opinions?.[0].role).toBe('non_examining');
    expect(mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/found the claimant at MMI as of 2023-06-22/);
  });
  it('an examiner who saw the claimant is what there is in a thin record', () => {
    const mmi = thinWith('INDEPENDENT MEDICAL EXAMINATION\nExaminee: John Roe');
    expect(mmi.status).toBe('explicit');
    expect(mmi.opinions?.[0].role).toBe('examining');
  });
});

describe('MMI: the treating surgeon\'s own reassessment', () => {
  it('"not at a plateau, reassess at one year": the phase starts at that reassessment, not at the visits between', () => {
    const b = new CaseBuilder()
      .visit('2022-03-18', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', subtype: 'fusion', status: 'performed' }, 'C4-6 ACDF performed.')
      .visit('2022-09-22', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'He has not reached a plateau and I would reassess at one year.')
      .visit('2022-11-15', DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue gabapentin. RTC 3 mo.')
      .visit('2023-03-16', DR_KIM).fact('plan_signal', { signal: 'no_further_treatment' }, 'No further surgical treatment is indicated.')
      .fact('plan_signal', { signal: 'maintenance_care' }, 'Ongoing care is maintenance.');
    for (const d of ['2023-06-15', '2023-10-24', '2024-01-18']) b.visit(d, DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    expect(run(b, { type: 'ssdi' }).mmi).toMatchObject({ status: 'implied', date: '2023-03-16' });
  });
  it('a surgical consultation that leaves surgery pending is answered at the surgeon\'s next visit', () => {
    const b = new CaseBuilder()
      .visit('2023-04-11', { ...DR_KIM, kind: 'consultation' }).fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Orthopaedic consultation, right knee.')
      .visit('2023-05-16', DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue meloxicam, cane, home exercise.')
      .visit('2023-06-27', DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.')
      .visit('2023-10-17', DR_KIM).fact('plan_signal', { signal: 'no_further_treatment' }, 'I have nothing further to offer her surgically.')
      .fact('plan_signal', { signal: 'maintenance_care' }, 'Continue management with her primary clinic.');
    for (const d of ['2024-01-09', '2024-03-19', '2024-07-09']) b.visit(d, DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    expect(run(b, { type: 'ssi' }).mmi).toMatchObject({ status: 'implied', date: '2023-10-17' });
  });
  it('an injection given on a standing schedule ("repeat every 3 months as needed") is maintenance', () => {
    const b = new CaseBuilder()
      .visit('2023-10-17', { ...DR_KIM, kind: 'procedure_note' }).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'Right knee corticosteroid injection today; repeat every 3 months as needed.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue brace, cane, home exercise. RTC 6 months.');
    for (const d of ['2024-01-16', '2024-04-16', '2024-07-16']) b.visit(d, DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    expect(run(b, { type: 'ssdi' }).mmi).toMatchObject({ status: 'implied', date: '2023-10-17' });
  });
  it('the treating surgeon\'s last visit closes care at a plateau and nothing follows: implied at that visit, low confidence', () => {
    const b = new CaseBuilder()
      .visit('2023-09-12', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Arthroscopic subacromial decompression performed.')
      .visit('2023-12-05', DR_KIM).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'AC joint injection given today.')
      .visit('2024-03-05', DR_KIM).fact('mmi_statement', { kind: 'plateau' }, 'She has plateaued.')
      .fact('plan_signal', { signal: 'no_further_treatment' }, 'No further surgery is recommended.')
      .fact('plan_signal', { signal: 'follow_up_prn' }, 'Restrictions are permanent. See as needed.');
    const { mmi } = run(b, { type: 'workers_comp', state: 'MI' });
    expect(mmi).toMatchObject({ status: 'implied', date: '2024-03-05' });
    expect(mmi.confidence).toBeLessThan(0.6);
  });
  it('an urgent-care discharge plan does not keep MMI open', () => {
    const UC = { name: 'J. Torres', credential: 'FNP-C', specialty: 'emergency' as const };
    const b = new CaseBuilder()
      .visit('2024-03-16', UC).fact('treatment', { modality: 'medication', status: 'ongoing' }, 'Meloxicam 15 mg daily.')
      .visit('2024-06-11', DR_PATEL).fact('treatment', { modality: 'medication', status: 'ongoing' }, 'Continue meloxicam.')
      .visit('2024-11-19', UC).fact('plan_signal', { signal: 'referral', target: 'spine clinic' }, 'Needs new referral to spine clinic.');
    expect(run(b, { type: 'ssi' }).mmi.status).toBe('insufficient_evidence');
  });
});

describe('MMI: permanency ratings that disagree', () => {
  it('an examiner\'s rating far from the attending\'s is shown beside the verdict as a conflict', () => {
    const IME = { name: 'Dr. Fitz', credential: 'MD', specialty: 'ime' as const, kind: 'ime' as const };
    const b = new CaseBuilder()
      .visit('2024-01-29', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-01-29' }, 'She has reached MMI as of 01/29/2024.')
      .fact('impairment_rating', { percent: 35, basis: 'regional' }, 'Schedule loss of use 35% of the right arm.')
      .visit('2024-02-20', IME).fact('impairment_rating', { percent: 20, basis: 'regional' }, 'I find a 20% schedule loss of use of the right arm.');
    const { mmi } = run(b, { type: 'workers_comp', state: 'NY' });
    expect(mmi.status).toBe('explicit');
    expect(mmi.disputed).toBe(true);
    expect(mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/Ratings differ: .*35 % .*20 %/);
  });
});

describe('MMI: the maintenance phase, read as a reviewer reads it', () => {
  /** Injections, then a consultation that closes active care, then quarterly refill visits. */
  const closedByConsult = (swapAt?: string) => () => {
    const b = new CaseBuilder()
      .visit('2022-04-20', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Bilateral L4-5 RFA performed.')
      .visit('2022-12-19', { ...DR_LEE, kind: 'consultation' }).fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Consultation: review of options.')
      .fact('plan_signal', { signal: 'not_surgical_candidate' }, 'He is not a surgical candidate and has exhausted the interventional options.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'We will continue his current medication regimen for maintenance of function.');
    for (const d of ['2023-03-20', '2023-06-19', '2023-09-18', '2023-12-18']) {
      b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
      if (d === swapAt) b.fact('treatment', { modality: 'medication', drug: 'methocarbamol', doseChange: 'started', status: 'ongoing' }, 'Start methocarbamol 750 mg TID PRN spasm - like-for-like substitution.');
    }
    return b;
  };
  it('a consultation that closes active care is the first visit of the maintenance phase', () => {
    expect(run(closedByConsult()()).mmi).toMatchObject({ status: 'implied', date: '2022-12-19' });
  });
  it('a like-for-like drug substitution does not restart the phase', () => {
    expect(run(closedByConsult('2023-09-18')()).mmi).toMatchObject({ status: 'implied', date: '2022-12-19' });
  });
  it.each([
    ['a short course for a flare', DR_LEE, 'Rx methocarbamol 500 mg q8h prn x 5 days #15 (hold cyclobenzaprine).'],
    ['a Medrol Dosepak', DR_LEE, 'Start Medrol dose pack for the flare.'],
    ['an emergency visit\'s prescription', { name: 'Dr. Ortiz', specialty: 'emergency', kind: 'emergency_visit' }, 'Start methocarbamol 500 mg TID.'],
  ] as const)('%s does not restart the phase', (_what, who, quote) => {
    const b = closedByConsult()();
    b.visit('2023-10-02', who).fact('treatment', { modality: 'medication', drug: 'methocarbamol', doseChange: 'started', status: 'ongoing' }, quote);
    expect(run(b).mmi).toMatchObject({ status: 'implied', date: '2022-12-19' });
  });
  it('a same-class swap ("switch naproxen to meloxicam") at a maintenance visit changes nothing', () => {
    const b = closedByConsult()();
    b.visit('2023-10-02', DR_LEE)
      .fact('treatment', { modality: 'medication', drug: 'naproxen', drugClass: 'NSAID', doseChange: 'switched', status: 'discontinued' }, 'Switch naproxen to meloxicam 15 mg daily.')
      .fact('treatment', { modality: 'medication', drug: 'meloxicam', drugClass: 'NSAID', doseChange: 'switched', status: 'ongoing' }, 'Switch naproxen to meloxicam 15 mg daily.');
    expect(run(b).mmi).toMatchObject({ status: 'implied', date: '2022-12-19' });
  });
  it('so is "Stop naproxen; start meloxicam", with the plan to start it', () => {
    const b = closedByConsult()();
    const q = 'Stop naproxen; start meloxicam 15 mg daily.';
    b.visit('2023-10-02', DR_LEE)
      .fact('treatment', { modality: 'medication', drug: 'naproxen', drugClass: 'NSAID', doseChange: 'stopped', status: 'discontinued' }, q)
      .fact('treatment', { modality: 'medication', drug: 'meloxicam', drugClass: 'NSAID', doseChange: 'started', status: 'ongoing' }, q)
      .fact('plan_signal', { signal: 'new_treatment', target: 'meloxicam' }, q);
    expect(run(b).mmi).toMatchObject({ status: 'implied', date: '2022-12-19' });
  });
  it('a new drug trial opens the phase at the next visit, a dose adjustment at its own', () => {
    const trial = closedByConsult()();
    trial.visit('2023-12-18', DR_LEE).fact('treatment', { modality: 'medication', drug: 'lacosamide', drugClass: 'anticonvulsant', doseChange: 'switched', status: 'ongoing' }, 'Cross-taper to lacosamide.');
    trial.visit('2024-03-18', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    trial.visit('2024-06-17', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    trial.visit('2024-09-16', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    expect(run(trial).mmi.date).toBe('2024-03-18');
  });
  it('a new drug for the condition does restart it', () => {
    const b = closedByConsult()();
    b.visit('2023-10-02', DR_LEE).fact('treatment', { modality: 'medication', drug: 'duloxetine', doseChange: 'started', status: 'ongoing' }, 'Start duloxetine 30 mg daily.');
    expect(run(b).mmi.date).not.toBe('2022-12-19');
  });
});

describe('MMI: an old MMI, new active care, then a plateau of its own', () => {
  it('the pattern since decides, and the old MMI is kept as the prior one', () => {
    const b = new CaseBuilder()
      .visit('2021-09-13', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'She has reached maximum medical improvement from the L4-5 fusion.')
      .visit('2023-08-17', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'L3-4 interlaminar ESI performed.')
      .visit('2023-10-10', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Repeat L3-4 interlaminar ESI.');
    for (const d of ['2024-03-11', '2024-06-10', '2024-09-09', '2024-12-09']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    const mmi = run(b).mmi;
    expect(mmi).toMatchObject({ status: 'implied', date: '2024-03-11' });
    expect(mmi.priorMmi?.date).toBe('2021-09-13');
  });
});

describe('MMI: a request in motion, then turned down', () => {
  /** A procedure, a visit that submits a referral, the payer's denial, then quarterly medication checks. */
  const build = (plan: string) => {
    const b = new CaseBuilder()
      .visit('2023-07-11', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Bilateral L4-5 RFA performed.')
      .visit('2024-03-12', DR_LEE).fact('treatment', { modality: 'epidural_injection', status: 'planned' }, plan)
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue meds. RTC 8 wks.')
      .visit('2024-05-14', DR_LEE).fact('treatment', { modality: 'epidural_injection', status: 'denied' }, 'Repeat ESI denied by the insurer; she does not wish to appeal.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    for (const d of ['2024-08-13', '2024-11-12', '2025-02-11']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    return b;
  };
  it('the visit that submits the referral is not maintenance: the phase begins once it is settled', () => {
    expect(run(build('Repeat L5-S1 TFESI: prior authorization requested from the carrier.')).mmi).toMatchObject({ status: 'implied', date: '2024-05-14' });
  });
  it('a request only proposed at that visit and settled later leaves the visit in the phase', () => {
    expect(run(build('Could consider a repeat ESI in the future.')).mmi).toMatchObject({ status: 'implied', date: '2024-03-12' });
  });
});

describe('MMI: a thin record where nothing was tried', () => {
  it('refill visits after care that was only recommended are not a plateau', () => {
    const b = new CaseBuilder()
      .visit('2022-09-20', DR_PATEL).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'Recommend PT for low back pain.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue ibuprofen.');
    b.visit('2023-09-12', DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current regimen; refills given.');
    b.visit('2024-03-05', DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    expect(run(b, { type: 'ssi' }).mmi.status).toBe('insufficient_evidence');
  });
});

describe('MMI: a standing injection schedule is maintenance', () => {
  it('"intra-articular steroid injection q 3 months" makes each later injection one of its doses', () => {
    const b = new CaseBuilder()
      .visit('2023-01-10', DR_PATEL).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'Plan: intra-articular steroid injection q 3 months (max 4/yr per knee). Inj #3 R knee today.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue meloxicam, HEP.');
    for (const d of ['2023-04-11', '2023-07-11', '2023-10-10', '2024-01-09']) {
      b.visit(d, DR_PATEL).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'R knee injection (20610).')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Stable; no change.');
    }
    expect(run(b, { type: 'ssi' }).mmi.status).toBe('implied');
  });
  it('an infusion schedule in the same sentence as therapy ("ocrelizumab q6 months …; doing PT") does not make the therapy maintenance', () => {
    const b = new CaseBuilder()
      .visit('2022-03-01', DR_PATEL).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Ocrelizumab 600 mg IV q6 months since 03/2022; doing PT.');
    for (const d of ['2022-04-05', '2022-05-10', '2022-06-14', '2022-07-21']) b.visit(d, PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Gait and balance training.');
    for (const d of ['2022-09-13', '2023-03-14', '2023-09-12']) b.visit(d, DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    const m = run(b, { type: 'ssdi' }).mmi;
    expect([m.status, m.date]).toEqual(['implied', '2022-09-13']);
  });
});

describe('MMI: a flare treated and a decision still pending', () => {
  const settled = (b: CaseBuilder, dates: string[]) => { for (const d of dates) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current regimen; RTC 3 months.'); return b; };
  it('a rehabilitation program\'s "maximal benefit from the Phase II program" ends the program: no plateau of the condition is cited', () => {
    const b = new CaseBuilder().visit('2024-02-22', { ...DR_LEE, name: 'Example Rehab' })
      .fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'Pulmonary rehab: 24 sessions completed.')
      .fact('mmi_statement', { kind: 'plateau' }, 'Patient has achieved maximal benefit from the Phase II program.');
    settled(b, ['2024-03-12', '2024-06-11', '2024-09-17']);
    const m = run(b, { type: 'ssdi' }).mmi;
    expect(m.status).toBe('implied');
    expect(m.reasons.map((r) => r.text).join(' ')).not.toMatch(/plateau stated/);
  });
  it('a muscle relaxant added at a visit for an acute flare treats the flare: the maintenance phase goes on', () => {
    const b = settled(new CaseBuilder().visit('2020-06-16', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Caudal ESI.'), ['2020-12-08', '2021-03-09', '2021-06-08']);
    b.visit('2021-11-09', DR_LEE).fact('plan_signal', { signal: 'flare' }, 'Acute flare of post-laminectomy pain.')
      .fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'tizanidine', drugClass: 'muscle relaxant', doseChange: 'started' }, 'Add tizanidine 4 mg qhs prn spasm #30.');
    settled(b, ['2022-02-08', '2022-05-10']);
    const m = run(b, { type: 'ssdi' }).mmi;
    expect([m.status, m.date]).toEqual(['implied', '2020-12-08']);
  });
  it('the same drug added without a flare is a change of regimen', () => {
    const b = settled(new CaseBuilder().visit('2020-06-16', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Caudal ESI.'), ['2020-12-08', '2021-03-09', '2021-06-08']);
    b.visit('2021-11-09', DR_LEE).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'tizanidine', drugClass: 'muscle relaxant', doseChange: 'started' }, 'Add tizanidine 4 mg qhs.');
    settled(b, ['2022-02-08', '2022-05-10']);
    expect(run(b, { type: 'ssdi' }).mmi.date).toBe('2022-02-08');
  });
  it('a visit that offers a stimulator trial waits on the decision: the phase starts when it is declined', () => {
    const b = new CaseBuilder().visit('2020-06-16', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Caudal ESI.');
    b.visit('2020-09-15', DR_LEE).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'recommended' }, 'SCS trial offered; he will consider.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2020-12-08', DR_LEE).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'declined' }, 'Declines SCS trial.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    settled(b, ['2021-03-09', '2021-06-08']);
    expect(run(b, { type: 'ssdi' }).mmi.date).toBe('2020-12-08');
  });
});

describe('MMI: the deciding evaluation out of reach', () => {
  const record = (seen: boolean) => {
    const b = new CaseBuilder().visit('2022-06-02', DR_PATEL).fact('treatment', { modality: 'surgical_consultation', status: 'planned' }, 'Referral placed to Piedmont Spine for surgical evaluation.');
    b.visit('2022-07-11', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT visit 2 of 2.');
    if (seen) b.visit('2022-08-01', { ...DR_KIM, kind: 'consultation' }).fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Spine surgery consultation.');
    b.visit('2022-09-08', DR_PATEL).fact('diagnosis', { name: 'spinal stenosis' }, 'Lumbar spinal stenosis - unable to access surgical eval d/t cost.');
    for (const d of ['2022-12-15', '2023-03-14', '2023-06-20', '2023-09-28']) b.visit(d, DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Chronic low back pain - stable, continue current management.');
    return run(b, { type: 'ssdi' }).mmi;
  };
  it('a surgical evaluation never had for cost leaves the course undecided: insufficient evidence, saying what is missing', () => {
    const m = record(false);
    expect(m.status).toBe('insufficient_evidence');
    expect(m.reasons[0].text).toMatch(/never took place/);
  });
  it('once a surgeon has seen the claimant, the maintenance visits show the plateau', () => {
    expect(record(true).status).toBe('implied');
  });
});

describe('MMI: a surgeon seen again with a new question', () => {
  it('"re-referred for possible revision" makes the implanting surgeon\'s follow-up a consultation: maintenance begins after it', () => {
    const b = new CaseBuilder()
      .visit('2022-08-23', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'performed' }, 'Percutaneous implantation of two neurostimulator leads.')
      .visit('2022-09-20', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.')
      .visit('2022-11-15', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.')
      .visit('2023-01-05', DR_KIM).fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'FOLLOW-UP - LEAD POSITION')
      .fact('treatment', { modality: 'imaging_study', status: 'performed', subtype: 'x-ray' }, 'Re-referred by Dr. Lee for possible revision: loss of left-leg coverage.')
      .fact('plan_signal', { signal: 'no_further_treatment' }, 'No revision needed; nothing further to offer surgically.');
    for (const d of ['2023-01-19', '2023-04-20', '2023-07-06']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    const m = run(b, { type: 'ssdi' }).mmi;
    expect(m.status).toBe('implied');
    expect(m.date! >= '2023-01-05').toBe(true);
  });
});

describe('MMI: what does not restart a maintenance phase already under way', () => {
  /** An active course, then quarterly maintenance visits. */
  const settled = () => {
    const b = new CaseBuilder()
      .visit('2023-01-10', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'L5-S1 interlaminar ESI performed.');
    for (const d of ['2023-04-10', '2023-07-10']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    return b;
  };
  const later = (b: CaseBuilder) => {
    for (const d of ['2023-10-09', '2024-01-08', '2024-04-08']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    return b;
  };
  it('a surgical evaluation that ends the same day with no operation confirms the plateau', () => {
    const b = settled()
      .visit('2023-08-15', { ...DR_KIM, kind: 'consultation' }).fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'CONSULTATION - reconstructive options discussed.')
      .fact('plan_signal', { signal: 'surgery_declined' }, 'She wishes to defer surgery at this time.');
    expect(run(later(b), { type: 'ssdi' }).mmi).toMatchObject({ status: 'implied', date: '2023-04-10' });
  });
  it('a surgical evaluation that recommends an operation still waits on the claimant\'s answer', () => {
    const b = settled()
      .visit('2023-08-15', { ...DR_KIM, kind: 'consultation' }).fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'CONSULTATION - decompression and fusion recommended.');
    expect(run(later(b), { type: 'ssdi' }).mmi.date! > '2023-08-15').toBe(true);
  });
  it('an antidepressant added for the separate mental impairment does not restart it; a pain drug does', () => {
    const ssri = later(settled().visit('2023-08-15', DR_LEE).fact('treatment', { modality: 'medication', drug: 'sertraline', drugClass: 'SSRI antidepressant', doseChange: 'started', status: 'ongoing' }, 'Post-stroke depression - start sertraline 25 mg.'));
    expect(run(ssri, { type: 'ssdi' }).mmi.date).toBe('2023-04-10');
    const snri = later(settled().visit('2023-08-15', DR_LEE).fact('treatment', { modality: 'medication', drug: 'duloxetine', drugClass: 'SNRI antidepressant', doseChange: 'started', status: 'ongoing' }, 'Start duloxetine 30 mg daily.'));
    expect(run(snri, { type: 'ssdi' }).mmi.date! > '2023-08-15').toBe(true);
  });
  it('the care a source statement lists ("caudal ESIs x2 (short relief)") is history, not care given on the form\'s date', () => {
    const b = later(settled().visit('2023-08-15', { ...DR_LEE, kind: 'medical_source_statement' })
      .fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Treatment: PT (no benefit), caudal ESIs x2 (short relief).'));
    expect(run(b, { type: 'ssdi' }).mmi.date).toBe('2023-04-10');
  });
});

describe('MMI: a drug trial still under way at the end of the record', () => {
  const neurology = (closeAfter: boolean) => {
    const b = new CaseBuilder()
      .visit('2023-01-10', DR_LEE).fact('treatment', { modality: 'medication', drug: 'topiramate', drugClass: 'anticonvulsant', doseChange: 'started', status: 'ongoing' }, 'Start topiramate 25 mg qhs.')
      .visit('2023-04-11', DR_LEE).fact('treatment', { modality: 'medication', drug: 'topiramate', drugClass: 'anticonvulsant', doseChange: 'stopped', status: 'discontinued' }, 'Stop topiramate - paresthesias.')
      .visit('2023-09-12', DR_LEE).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Completed 8 PT visits for neck pain.')
      .visit('2024-03-12', DR_LEE).fact('treatment', { modality: 'medication', drug: 'erenumab', drugClass: 'migraine preventive (CGRP antibody)', doseChange: 'started', status: 'ongoing' }, 'Start erenumab 70 mg monthly.')
      .visit('2024-06-11', DR_LEE).fact('treatment', { modality: 'medication', drug: 'erenumab', drugClass: 'migraine preventive (CGRP antibody)', doseChange: 'increased', status: 'ongoing' }, 'Increase erenumab to 140 mg monthly; reassess response in 3 months.');
    if (closeAfter) for (const d of ['2024-07-09', '2024-08-13']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    return b;
  };
  it('a preventive raised at the last visits of a regular treating relationship: not reached, the trial named', () => {
    const m = run(neurology(false), { type: 'ssdi' }).mmi;
    expect(m.status).toBe('not_reached');
    expect(m.reasons.map((r) => r.text).join(' ')).toMatch(/erenumab increased/);
  });
  it('visits that settle into maintenance after it: not a trial at the end', () => {
    expect(run(neurology(true), { type: 'ssdi' }).mmi.reasons.map((r) => r.text).join(' ')).not.toMatch(/still being adjusted/);
  });
  it('the start planned for a later day is the trial, though its plan is dated after it', () => {
    const b = neurology(false).fact('plan_signal', { signal: 'new_treatment', target: 'erenumab' }, 'Start erenumab 140 mg on 07/15/2024.', { date: '2024-07-15' });
    const m = run(b, { type: 'ssdi' }).mmi;
    expect(m.status).toBe('not_reached');
    expect(m.reasons.map((r) => r.text).join(' ')).toMatch(/erenumab increased/);
  });
});

describe('MMI: withdrawn, then a plateau of its own', () => {
  it('an MMI withdrawn for new care, and the care since closed at a plateau with no further improvement expected: MMI stated in substance, the first MMI kept as prior', () => {
    const b = new CaseBuilder()
      .visit('2023-01-16', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'From a fracture standpoint she is at maximum medical improvement.')
      .visit('2023-03-13', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Given the hardware symptoms, she is no longer at MMI.')
      .visit('2023-04-11', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed', subtype: 'hardware removal' }, 'Removal of hardware, right ankle.')
      .visit('2024-02-12', DR_KIM).fact('mmi_statement', { kind: 'plateau' }, 'She has plateaued, and further improvement is not expected.')
      .fact('prognosis', { outlook: 'permanent', text: 'PERMANENT RESTRICTIONS' }, 'PERMANENT RESTRICTIONS:')
      .fact('plan_signal', { signal: 'maintenance_care' }, 'Return in 1 year or sooner as needed.');
    const m = run(b, { type: 'personal_injury' }).mmi;
    expect(m).toMatchObject({ status: 'explicit', date: '2024-02-12' });
    expect(m.priorMmi?.date).toBe('2023-01-16');
  });
});

describe('MMI: care that is not for the claimed condition, and care still awaited', () => {
  /** A back claim: an epidural, then monthly refill visits. */
  const backClaim = () => {
    const b = new CaseBuilder()
      .visit('2023-01-17', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Caudal epidural steroid injection.')
      .fact('diagnosis', { name: 'failed back surgery syndrome', bodyRegion: 'lumbar' }, 'Lumbar post-laminectomy syndrome.');
    for (const d of ['2023-02-07', '2023-04-04', '2023-06-06', '2023-08-01', '2023-11-07', '2024-01-09']) {
      b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Lumbar: no changes - continue current regimen.')
        .fact('diagnosis', { name: 'lumbar radiculopathy', bodyRegion: 'lumbar' }, 'Lumbar radiculopathy, chronic.');
    }
    return b;
  };
  it('a one-off knee injection in a back claim treats a side condition: the phase stands', () => {
    const b = backClaim().visit('2023-10-03', { ...DR_LEE, kind: 'procedure_note' })
      .fact('treatment', { modality: 'joint_injection', status: 'performed', side: 'left' }, 'Left knee intra-articular injection: triamcinolone 40 mg.');
    expect(run(b, { type: 'ssdi' }).mmi).toMatchObject({ status: 'implied', date: '2023-02-07' });
  });
  it('a knee with a course of its own (an injection, then an arthroscopy) is part of the claim', () => {
    const b = backClaim()
      .visit('2023-07-11', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'Left knee intra-articular injection.')
      .visit('2023-10-03', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed', subtype: 'arthroscopy' }, 'Left knee arthroscopy with partial medial meniscectomy.');
    expect(run(b, { type: 'ssdi' }).mmi.date).not.toBe('2023-02-07');
  });
  it('a surgical opinion booked for a date holds the phase until that date, though no record of it follows', () => {
    const b = backClaim().visit('2023-01-31', DR_LEE).fact('treatment', { modality: 'surgical_consultation', status: 'planned' }, 'Surgical consult set for 03/14/2023.', { date: '2023-03-14' });
    expect(run(b, { type: 'ssdi' }).mmi.date).toBe('2023-04-04');
  });
});

describe('MMI: a chiropractor\'s MMI withdrawn by the chiropractor', () => {
  it('not reached, with the withdrawn MMI (its stated date) kept as prior', () => {
    const DC = { name: 'Dr. Hall', credential: 'DC', specialty: 'chiropractic' as const };
    const b = new CaseBuilder()
      .visit('2024-03-04', DC).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-03-04' }, 'She reached maximum medical improvement on 03/04/2024.')
      .visit('2024-04-08', DC).fact('mmi_statement', { kind: 'mmi' }, 'Supportive care - patient remains at MMI.')
      .visit('2024-05-06', DC).fact('mmi_statement', { kind: 'not_at_mmi' }, 'In light of new radicular findings my prior MMI determination is withdrawn. She is not at MMI.')
      .visit('2024-06-25', DR_LEE).fact('treatment', { modality: 'epidural_injection', status: 'planned' }, 'Cervical ESI scheduled 07/16/2024.');
    const m = run(b, { type: 'personal_injury' }).mmi;
    expect(m.status).toBe('not_reached');
    expect(m.priorMmi).toMatchObject({ date: '2024-03-04', statedBy: expect.stringContaining('Dr. Hall') });
  });
});

describe('MMI: a disagreement on function under Social Security', () => {
  it('an examiner\'s lifting limit 10 lb or more from the treating physician\'s is shown as a conflict; under workers\' comp it is not the MMI\'s', () => {
    const CE = { name: 'Dr. Obi', credential: 'MD', specialty: 'ime' as const, kind: 'ime' as const };
    const build = () => chronicLumbarCase()
      .visit('2024-05-01', DR_PATEL).fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'Permanent restriction: lift no more than 10 lb occasionally.')
      .visit('2024-06-01', CE).fact('limitation', { activity: 'lift', limit: 25, unit: 'lb', source: 'provider', text: 'lift 25 lb' }, 'He can lift 25 lb occasionally.');
    expect(run(build(), { type: 'ssdi' }).mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/Lifting limits differ: Dr\. Patel.*10 lb against Dr\. Obi.*25 lb/);
    expect(run(build(), { type: 'workers_comp' }).mmi.conflicts.map((c) => c.text).join(' ')).not.toMatch(/Lifting limits/);
  });
});

describe('MMI: one part at MMI, another not', () => {
  it('a surgeon who marks the right hand at MMI and the left not, the same day, has not placed the claimant at MMI', () => {
    const b = new CaseBuilder()
      .visit('2023-04-11', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Right carpal tunnel release.')
      .visit('2024-02-20', DR_KIM).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-10-10' }, 'Maximum medical improvement:  R: [X] Yes - date 10/10/2023')
      .fact('mmi_statement', { kind: 'not_at_mmi' }, 'She is not at MMI for the left upper extremity.')
      .fact('treatment', { modality: 'surgery', status: 'planned' }, 'Left carpal tunnel release scheduled 04/16/2024.');
    expect(run(b, { type: 'workers_comp' }).mmi.status).toBe('not_reached');
  });
});

describe('MMI: a closing visit that dates the plateau', () => {
  it('"Her condition plateaued as of her 01/23/2024 visit" at the last visit: implied at the date it states', () => {
    const b = new CaseBuilder()
      .visit('2023-07-13', { ...DR_KIM, kind: 'procedure_note' }).fact('treatment', { modality: 'trigger_point_injection', status: 'performed' }, 'Trigger point injections x3.')
      .visit('2024-01-23', DR_KIM).fact('plan_signal', { signal: 'return_to_clinic' }, 'Return in 3 months.')
      .visit('2024-04-16', DR_KIM).fact('mmi_statement', { kind: 'plateau', mmiDate: '2024-01-23' }, 'Her condition plateaued as of her 01/23/2024 visit.')
      .fact('plan_signal', { signal: 'maintenance_care' }, 'Care since then is maintenance (medication refills).');
    expect(run(b, { type: 'personal_injury' }).mmi).toMatchObject({ status: 'implied', date: '2024-01-23' });
  });
  const statement = (explicit: boolean) => {
    const b = new CaseBuilder()
      .visit('2022-12-07', { ...DR_KIM, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Right C6-7 TFESI.')
      .visit('2023-07-18', { ...DR_KIM, kind: 'impairment_rating' });
    if (explicit) b.fact('mmi_statement', { kind: 'mmi' }, 'The patient has reached maximal medical improvement.');
    b.fact('mmi_statement', { kind: 'plateau', mmiDate: '2023-05-01' }, 'His symptoms have been stable since approximately 05/2023 and are not expected to change substantially.')
      .fact('prognosis', { outlook: 'permanent', text: 'Permanent restrictions.' }, 'Permanent restrictions.');
    return run(b, { type: 'workers_comp' }).mmi;
  };
  it('a physician\'s own "stable since approximately 05/2023 … not expected to change" dates the plateau he states', () => {
    expect(statement(false)).toMatchObject({ status: 'explicit', date: '2023-05-01' });
  });
  it('but beside "has reached maximal medical improvement" in the same report it is the reasoning: the MMI is the report\'s', () => {
    expect(statement(true)).toMatchObject({ status: 'explicit', date: '2023-07-18' });
  });
});

describe('MMI: an examiner neither party chose, where no treating source addresses it', () => {
  const IRE = { name: 'Dr. Rater', credential: 'DO', specialty: 'physiatry' as const, documentRole: 'examining' as const, documentTitle: 'IMPAIRMENT RATING EVALUATION (Bureau-designated)' };
  const IME = { name: 'Dr. Defense', credential: 'MD', specialty: 'orthopedic_surgery' as const, documentRole: 'examining' as const, documentTitle: 'INDEPENDENT MEDICAL EXAMINATION for the insurer' };
  const withExam = (who: ProviderSpec) => chronicLumbarCase().file('exam.txt').visit('2024-10-15', who)
    .fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-10-15' }, 'It is my opinion that she has reached maximum medical improvement as of the date of this evaluation, 10/15/2024.');
  it('a Bureau-designated IRE physician\'s finding, consistent with the plateau, is the explicit MMI', () => {
    const { mmi } = run(withExam(IRE), { type: 'workers_comp', state: 'PA' });
    expect(mmi.status).toBe('explicit');
    expect(mmi.date).toBe('2024-10-15');
    expect(mmi.reasons.map((r) => r.text).join(' ')).toMatch(/No treating source addresses MMI/);
  });
  it('an insurer\'s IME stays a second opinion beside the implied MMI', () => {
    const { mmi } = run(withExam(IME), { type: 'workers_comp', state: 'PA' });
    expect(mmi.status).toBe('implied');
    expect(mmi.date).toBe('2024-03-01');
  });
  it('a treating physician who addresses MMI keeps the verdict', () => {
    const b = withExam(IRE).file('pain.txt').visit('2024-11-01', DR_LEE).fact('mmi_statement', { kind: 'not_at_mmi' }, 'She is not at MMI; SCS trial scheduled.');
    expect(run(b, { type: 'workers_comp', state: 'PA' }).mmi.status).not.toBe('explicit');
  });
  it('the examiner\'s face sheet inside the report is the examiner\'s too: the treating physician is still asked about MMI', () => {
    const sheet = { name: 'D. Rater', credential: 'DO', specialty: 'unknown' as const, documentRole: 'examining' as const };
    const b = withExam(IRE).visit('2024-10-15', sheet).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-10-15' }, '1. Has the employee reached maximum medical improvement? [X] YES');
    const a = analyzeCase(b.input({ type: 'general' }));
    expect(a.gaps.map((g) => g.ruleId)).toContain('mmi-not-addressed');
  });
});

describe('an MMI limited to one discipline\'s part of the claim', () => {
  const PAIN = { name: 'Dr. Rag', credential: 'MD', specialty: 'pain_management' as const };
  const limited = (otherCare: boolean) => {
    const b = new CaseBuilder()
      .visit('2022-09-13', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'From an orthopaedic standpoint the fracture has healed and she has reached maximum medical improvement with respect to the fracture.');
    if (otherCare) {
      b.visit('2022-09-20', PAIN).fact('treatment', { modality: 'medication', drug: 'gabapentin', drugClass: 'gabapentinoid', status: 'ongoing', doseChange: 'increased' }, 'Gabapentin increase to 600 mg TID.')
        .visit('2022-11-15', PAIN).fact('treatment', { modality: 'medication', drug: 'duloxetine', drugClass: 'SNRI antidepressant', status: 'ongoing', doseChange: 'started' }, 'Start duloxetine 30 mg daily.');
    }
    for (const d of ['2023-01-10', '2023-04-11', '2023-07-11', '2023-10-10']) {
      b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'CRPS unchanged. Continue current medications.').fact('plan_signal', { signal: 'return_to_clinic', target: '3 months' }, 'RTC 3 months.');
    }
    return b;
  };
  it('while the pain physician goes on changing the care of the claim, it is not the claim\'s MMI', () => {
    const { mmi } = run(limited(true), { type: 'ssdi' });
    expect([mmi.status, mmi.date]).toEqual(['implied', '2023-01-10']);
    expect(mmi.conflicts.map((c) => c.text).join(' ')).toContain('Dr. Kim');
  });
  it('when nobody else treats on, it stands', () => {
    expect(run(limited(false), { type: 'ssdi' }).mmi).toMatchObject({ status: 'explicit', date: '2022-09-13' });
  });
});

describe('MMI: a response its physician calls too early to judge', () => {
  const build = (pendingOn: string) => new CaseBuilder()
    .visit('2022-09-01', DR_KIM).fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'PT course completed.')
    .visit('2023-02-28', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
    .visit(pendingOn, DR_LEE).fact('plan_signal', { signal: 'response_pending' }, 'Mild OSA newly on CPAP - too early to judge effect on fatigue.')
    .visit('2023-08-22', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
    .visit('2023-11-21', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
    .visit('2024-02-20', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
  it('the phase begins at that physician\'s next visit, and the reasons say why', () => {
    const { mmi } = run(build('2023-05-23'));
    expect(mmi).toMatchObject({ status: 'implied', date: '2023-08-22' });
    expect(mmi.reasons.some((r) => /too early to judge/.test(r.text))).toBe(true);
  });
  it('one said before the last active step was about care that step superseded', () => {
    expect(run(build('2022-08-01')).mmi).toMatchObject({ status: 'implied', date: '2023-02-28' });
  });
});

describe('MMI: an abortive drug added at a visit for a flare', () => {
  const build = (drugClass: string) => new CaseBuilder()
    .visit('2023-04-18', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'L5-S1 microdiscectomy.')
    .visit('2023-08-08', DR_KIM).fact('plan_signal', { signal: 'continue_current_management' }, 'No further surgery. Continue current management.')
    .visit('2023-11-28', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
    .visit('2024-02-27', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
    .visit('2024-07-09', DR_PATEL).fact('plan_signal', { signal: 'flare' }, 'Migraine flare x 4 days.')
    .fact('treatment', { modality: 'medication', drug: 'rimegepant', drugClass, status: 'ongoing', doseChange: 'started' }, 'Add rimegepant prn.')
    .visit('2024-08-20', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
  it.each([['gepant'], ['triptan']])('a %s treats the flare: the phase stands', (drugClass) => {
    expect(run(build(drugClass)).mmi).toMatchObject({ status: 'implied', date: '2023-08-08' });
  });
  it('a preventive started at such a visit is a trial the next visit judges', () => {
    expect(run(build('anticonvulsant')).mmi.date).not.toBe('2023-08-08');
  });
});

describe('MMI: a case status restated on a therapist\'s flowsheet', () => {
  const caseWith = (status: string) => {
    const b = new CaseBuilder()
      .visit('2023-06-12', { ...DR_KIM, kind: 'impairment_rating' }).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2023-06-12' }, 'Patient is permanent and stationary as of 06/12/2023.')
      .visit('2023-09-05', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Previously reported P&S status of 06/12/2023 is withdrawn pending further treatment.')
      .fact('treatment', { modality: 'surgery', status: 'planned' }, 'Revision arthroscopy requested.')
      .visit('2024-01-24', { ...DR_KIM, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Revision partial medial meniscectomy R knee.');
    for (const d of ['2024-02-12', '2024-02-26', '2024-03-11', '2024-03-25']) {
      b.visit(d, PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Post-op protocol; closed-chain strengthening.')
        .fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: status }, `Case status: P&S ${status.slice(5, 7)}/${status.slice(8)}/${status.slice(0, 4)} - Future Medical Care only.`);
    }
    return run(b, { type: 'workers_comp', state: 'CA' }).mmi;
  };
  it('"Case status: P&S 06/12/2023" on every row months later is the status as the therapist was told it, not a finding', () => {
    expect(caseWith('2023-06-12').status).toBe('not_reached');
  });
});

describe('MMI: a treating physician takes back "the prior P&S determination"', () => {
  it('withdraws the P&S the earlier report stated, though that report did not print its author\'s name', () => {
    const UNNAMED = { specialty: 'orthopedic_surgery' as const, kind: 'impairment_rating' as const };
    const b = new CaseBuilder()
      .visit('2023-10-17', UNNAMED).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2023-10-17' }, 'The patient\'s condition became permanent and stationary on 10/17/2023.')
      .visit('2024-01-30', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'The prior P&S determination of 10/17/2023 is withdrawn; her condition is not stable and she requires further surgical treatment.');
    expect(run(b, { type: 'workers_comp', state: 'CA' }).mmi).toMatchObject({ status: 'not_reached', priorMmi: { date: '2023-10-17' } });
  });
});
