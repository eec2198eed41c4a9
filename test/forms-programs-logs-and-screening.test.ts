import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';
import { textDoc } from './helpers/extract-doc.js';
import { readFormMarks } from '../src/knowledge/forms.js';
import { findDates } from '../src/knowledge/dates.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { classifyDocument } from '../src/segment/document-role.js';
import { classifyEncounter } from '../src/segment/classify.js';
import { routineCare } from '../src/knowledge/decisions.js';
import { analyzeCase } from '../src/analyze/index.js';
import { expectValidCitations } from './helpers/citations.js';
import { CaseBuilder } from './helpers/facts.js';
import { readCsvLedger } from '../src/ingest/ledger.js';
import { processDocument } from '../src/pipeline.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): a form's MMI
 * question answered "N/A", an agency's letter about a future MMI, a rule sentence in a Division notice, a brain injury
 * day program, a treating note's "(PCP)", an examination under a state's civil rule, a log continued across a form feed,
 * a clinic's name read as a weekday, a diabetic eye-exam referral in a neuropathy claim, an organ transplant waitlist, a
 * prosthetic-training flowsheet, and a not-at-MMI plan line carried into a note written after the MMI.
 */

describe('a form question answered N/A', () => {
  it.each([
    ['22. Has the patient reached maximum medical improvement?  [ ] Yes  [ ] No  [X] N/A - not applicable', undefined],
    ['Has the patient reached MMI?  [ ] Yes  [X] No  [ ] N/A', 'no'],
    ['Has the patient reached MMI?  [X] Yes  [ ] No  [ ] N/A', 'yes'],
  ])('%s answers %s', (line, answer) => {
    const q = readFormMarks(line).questions;
    expect(q).toHaveLength(1);
    expect(q[0].answer).toBe(answer);
  });
  it('states nothing about MMI', () => {
    const form = 'MEDICAL SOURCE STATEMENT - PULMONARY\nDate: 03/19/2024\n22. Has the patient reached maximum medical improvement?  [ ] Yes  [ ] No  [X] N/A - not applicable\n    to her Social Security claim / chronic progressive condition\n';
    expect(of(form, 'mmi_statement')).toEqual([]);
  });
});

describe('sentences that name MMI without stating it', () => {
  it.each([
    'Services may also be reconsidered when your condition has stabilized or your doctor tells you that you have reached maximum medical improvement and are ready to begin a vocational program.',
    'Please call us once you have reached maximum medical improvement.',
    'Temporary benefits continue until your doctor finds you at MMI.',
    'The IME physician\'s findings on MMI and impairment are binding unless overcome by clear and convincing evidence.',
  ])('%s', (text) => {
    expect(of(text, 'mmi_statement').some((f) => f.attributes.kind === 'mmi' && f.temporality === 'current' && !f.negated)).toBe(false);
  });
  it('a doctor\'s own finding addressed to the patient still counts', () => {
    expect(of('Ms. Doe, as we discussed today, you have reached maximum medical improvement as of 05/02/2024.', 'mmi_statement')
      .some((f) => f.attributes.kind === 'mmi' && f.temporality === 'current')).toBe(true);
  });
});

describe('care named in a note', () => {
  it.each([
    ['Started Desert Sun brain injury day program 03/27/2023 (3 days/week).', 'pain_program'],
    ['Continue comprehensive day treatment program.', 'pain_program'],
    ['Attends an adult day program while her daughter works.', undefined],
  ])('%s', (text, modality) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'pain_program')?.attributes.modality).toBe(modality);
  });
  it('"stable … after completion of pulmonary rehab" recounts a course done', () => {
    expect(of('COPD GOLD 3 - stable on maximal inhaled therapy after completion of pulmonary rehab.', 'treatment')[0].attributes.status).toBe('completed');
  });
  it('"will reassess after completion of physical therapy" looks ahead', () => {
    expect(of('Will reassess after completion of physical therapy.', 'treatment')[0].attributes.status).not.toBe('completed');
  });
});

describe('dates that are not dates', () => {
  it.each([
    'Continue Desert Sun day program 3 days/week.',
    'PT 2 days a week at the Wed Clinic.',
  ])('%s holds none', (text) => expect(findDates(text, '2023-04-12')).toEqual([]));
  it('"seen 3 days ago" still is one', () => expect(findDates('Seen 3 days ago.', '2023-04-12').map((d) => d.date)).toEqual(['2023-04-09']));
});

describe('who wrote the paper', () => {
  it('an examination under a state\'s civil rule for defence counsel is an examination for the claim', () => {
    const text = ['MAHLSTEDT ORTHOPAEDIC CONSULTING, PLLC', '', 'September 26, 2023', '', 'Jane Roe, Esq.', 'counsel for Defendant', '',
      'RE:  Doe v. Roe', '     Examination under Iowa R. Civ. P. 1.515 - Date of examination: 09/12/2023', '', 'Dear Ms. Roe:', '',
      'At your request I examined Ms. Doe on 09/12/2023. The examinee understood that no physician-patient relationship was created.'].join('\n');
    expect(classifyDocument(textDoc(text, '06_Exam_Mahlstedt.txt'))).toMatchObject({ role: 'examining', kind: 'examining_opinion' });
  });
  it.each([
    ['04/24/2024 16:02  FAX 617-555-0231  GBHSA NEWTON  -> DIA LOWELL  P. 001/004\n\nGREATER B0STON HAND SURGERY ASS0CIATES\n\nIMPARTIAL MEDICAL EXAMINATI0N - M.G.L. c. 152, S 11A\nEmp1oyee: Danie1 J. Doe\nDate of examinati0n: 04/16/2024'],
    ['COMMONWEALTH OF MASSACHUSETTS - DEPARTMENT OF INDUSTRIAL ACCIDENTS\nIMPARTIAL MEDICAL EXAMINATION REPORT - M.G.L. c.152, s.11A\nImpartial Physician: Nadine K. Roe, MD'],
  ])('an impartial examination, OCR damage or not, is an examination for the claim', (text) => {
    expect(classifyDocument(textDoc(`${text}\n\nHISTORY: Right hand crush injury.`, '10_Report.txt'))).toMatchObject({ role: 'examining' });
  });
  it.each([
    ['OFFICE VISIT   01/16/2024   Marit E. Doe, MD (PCP)\nCC: chronic disease f/u', 'primary_care'],
    ['LAKESHORE SPINE & PAIN\nReferring: Marit E. Doe, MD (PCP)\nESI follow-up. Pain management.', 'pain_management'],
    ['HARBORLIGHT BEHAVIORAL HEALTH\nMEDICATION MANAGEMENT   06/11/2024   Y. Roe, MD\nS: Same. A1c 6.3 (PCP). Psychiatry follow-up.', 'psychiatry'],
    ['LAKESHORE KIDNEY CENTER - GRAND RIVER   (In-center hemodialysis)\nMedical Director: Nnamdi O. Doe, MD', 'nephrology'],
  ])('%s', (head, specialty) => {
    expect(classifyEncounter(head, 'Talked with neurosurgery about the options.', 'MD').specialty).toBe(specialty);
  });
});

describe('Kentucky\'s university evaluator', () => {
  it('is the examiner the state appoints, whose findings have presumptive weight', async () => {
    const { sourceRole, presumptiveSource } = await import('../src/analyze/mmi-sources.js');
    const head = 'COMMONWEALTH UNIVERSITY SCHOOL OF MEDICINE\nDepartment of Physical Medicine & Rehabilitation - University Evaluation Program\n(Contract evaluator to the Department of Workers\' Claims under KRS 342.315)\nUNIVERSITY EVALUATION REPORT';
    const enc = { id: 'd#e1', documentId: 'd', file: 'd.txt', start: 0, end: 1, provider: {}, specialty: 'physiatry', kind: 'office_visit', evidence: [], source: 'note', documentRole: 'examining' } as const;
    expect(sourceRole({ ...enc, evidence: [], documentTitle: head })).toBe('designated_doctor');
    expect(presumptiveSource('KY')?.authority).toMatch(/KRS 342\.315\(2\)/);
  });
});

describe('a nephrologist\'s monthly rounding note', () => {
  it.each([
    ['09/13/2023  Stable on current prescription. No changes. Continue current dialysis prescription, ESA and binders. Follow monthly.', ['continue_current_management', 'return_to_clinic']],
    ['Hgb 10.5. Continue current prescription; next monthly review 07/2024.', ['continue_current_management', 'return_to_clinic']],
  ])('%s', (text, signals) => {
    const got = new Set(of(text, 'plan_signal').map((f) => f.attributes.signal));
    for (const s of signals) expect(got).toContain(s);
  });
});

describe('a log of dated rows across a page break', () => {
  it('the row after a form feed is the next visit', () => {
    const text = ['LAKESHORE KIDNEY CENTER', 'MONTHLY PHYSICIAN PROGRESS NOTES (nephrologist rounding)', '',
      '03/08/2023  Week 3 outpatient. Fatigue after HD. Plan: fistulogram.',
      '04/12/2023  PTA of AVF 03/28. Kt/V 1.41. Continue.',
      '05/17/2023  AVF 2-needle. Kt/V 1.48. Continue.',
      '                                                   Page 3 of 10',
      '\f07/12/2023  Transplant center letter: not a candidate at this time. Continue current prescription.',
      '08/16/2023  Feels about the same. Continue current prescription.'].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2023-03-08', '2023-04-12', '2023-05-17', '2023-07-12', '2023-08-16']);
  });
});

describe('a referral for routine screening', () => {
  it.each([
    ['T2DM with DPN, CKD 3a, mild NPDR - stable; eye exam overdue, referral to optometry placed.', true],
    ['Smoking cessation referral given.', true],
    ['Referral to optometry for vision therapy (convergence insufficiency).', false],
    ['Refer to neurosurgery for evaluation of L4-5 stenosis.', false],
    ['Referral to adult PM&R (Capital Region Adult CP & Spasticity Program) placed for care after 21.', true],
  ])('%s: %s', (text, routine) => expect(routineCare(text)).toBe(routine));
  it('does not hold a maintenance phase open', () => {
    const pcp = { name: 'Gregory Doe', credential: 'DO', specialty: 'primary_care' as const };
    const b = new CaseBuilder();
    for (const d of ['2023-01-10', '2023-02-14', '2023-03-21', '2023-05-25']) b.visit(d, { name: 'Caroline Roe', credential: 'PT', specialty: 'physical_therapy' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Prosthetic gait training.');
    for (const d of ['2023-07-11', '2023-10-10', '2024-01-16']) b.visit(d, pcp).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    b.visit('2024-04-16', pcp).fact('plan_signal', { signal: 'referral', target: 'optometry' }, 'T2DM with DPN - stable; eye exam overdue, referral to optometry placed.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    const a = analyzeCase(b.input({ type: 'ssdi', onset: '2022-09-06' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi).toMatchObject({ status: 'implied', date: '2023-07-11' });
  });
});

describe('an organ transplant', () => {
  it('a waitlisted liver transplant is surgery planned', () => {
    expect(of('Remains active on the liver transplant waiting list (listed 08/13/2024).', 'treatment').map((f) => [f.attributes.modality, f.attributes.subtype, f.attributes.status]))
      .toEqual([['surgery', 'transplant', 'planned']]);
  });
  it('"2 years from surgery" recounts an old operation', () => {
    expect(of('2 years from surgery, NED per oncology 03/2024.', 'treatment')[0].temporality).toBe('historical');
  });
  it('a referral for transplant evaluation does not make the doctor\'s "not at MMI" a request', () => {
    const f = of('That answer is no longer accurate: she has been referred for liver transplant evaluation, which is potentially curative treatment, so she is not at maximum medical improvement.', 'mmi_statement');
    expect(f.map((x) => [x.attributes.kind, x.temporality])).toEqual([['not_at_mmi', 'current']]);
  });
  it('a hepatology practice is the gut and liver specialty', () => {
    expect(classifyEncounter('WESTMORELAND DIGESTIVE & LIVER ASSOCIATES, P.C.\nHepatology * Gastroenterology * Endoscopy\nProvider: Hamid R. Doe, MD (Transplant Hepatology)', 'Follow-up. MELD 21. Paracentesis 6.5 L.', 'MD').specialty).toBe('gastroenterology');
  });
});

describe('a prosthetic-training flowsheet', () => {
  it('each row billed 97763 is an occupational therapy session', () => {
    const csv = [
      'Patient,Date,Visit,Therapist,CPT,Minutes,Interventions',
      '"Doe, Curtis J",01/23/2024,1,C. Roe OTR/L,97166;97763,70,"Re-eval; electrode signal training"',
      '"Doe, Curtis J",01/25/2024,2,C. Roe OTR/L,97763;97530,55,"Graded grasp: foam to wooden blocks"',
    ].join('\n');
    const { facts } = readCsvLedger('d9', 'ot.csv', Buffer.from(csv), undefined).structured!;
    expect(facts.filter((f) => f.type === 'treatment').map((f) => f.type === 'treatment' && [f.date, f.attributes.modality])).toEqual([['2024-01-23', 'occupational_therapy'], ['2024-01-25', 'occupational_therapy']]);
  });
});

describe('a not-at-MMI plan line carried into a note after the MMI', () => {
  const plan = 'PLAN: Not medically stationary. Continue hand therapy 2x/week. Work: modified duty, no lifting over 5 lb right hand.';
  const notes = (later: string) => ['SONORAN HAND & UPPER EXTREMITY', '', 'OFFICE VISIT 03/12/2024', 'ASSESSMENT: S/p TFCC repair - improving.', plan, '',
    'OFFICE VISIT 06/18/2024', 'ASSESSMENT: Plateau. The patient\'s condition became medically stationary on 06/18/2024 (today).', '',
    'OFFICE VISIT 09/24/2024', 'ASSESSMENT: S/p TFCC repair, stable.', later, ''].join('\n');
  const notAt = (text: string) => processDocument(textDoc(text, 'hand.txt')).facts.filter((f) => f.type === 'mmi_statement' && f.attributes.kind === 'not_at_mmi' && f.temporality === 'current');
  it('the copy is history', () => expect(notAt(notes(plan)).map((f) => f.date)).toEqual(['2024-03-12']));
  it('a line written afresh still takes the MMI back', () => expect(notAt(notes('PLAN: Not medically stationary after all: new DRUJ instability on exam today, MRI ordered.')).map((f) => f.date)).toEqual(['2024-03-12', '2024-09-24']));
});

describe('a plan set aside and an opinion not given', () => {
  it.each([
    ['Surgery is not currently planned; if injections lose their effect, Dr. Roe will reassess.', true],
    ['Surgery is not planned.', true],
    ['Surgery is planned for 05/01/2025.', false],
  ])('%s', (text, negated) => expect(of(text, 'treatment')[0].negated).toBe(negated));
  it('"I have not been asked for, and have not given, a formal MMI date" is no opinion', () => {
    expect(of('I have not been asked for, and have not given, a formal maximum medical improvement date or an impairment rating.', 'mmi_statement')
      .filter((f) => f.temporality === 'current')).toEqual([]);
  });
});
