import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';
import { textDoc } from './helpers/extract-doc.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { classifyEncounter } from '../src/segment/classify.js';
import { markRefills } from '../src/extract/copy-forward.js';
import { processDocument } from '../src/pipeline.js';
import { markDoseSteps } from '../src/extract/regimen-steps.js';
import { assessContext } from '../src/context/engine.js';
import { isForOtherCondition } from '../src/knowledge/relevance.js';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseBuilder } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): an insurer's
 * form filed as a page of a family doctor's chart, a consultant's "Referring:" line, a specialist's letterhead over notes
 * that name no discipline, folic acid beside methotrexate, an injection held for a relapse, a retina clinic's
 * "Plan: Observe.", low vision rehabilitation, intravitreal injections and a visit log under a "Tx" column.
 */

/** Judge the target written as {{target}} inside the sentence. */
function judge(marked: string) {
  const start = marked.indexOf('{{');
  const end = marked.indexOf('}}') - 2;
  return assessContext(marked.replace('{{', '').replace('}}', ''), start, end, {});
}

describe('a signed form filed as a page of a clinic\'s chart', () => {
  const chart = (formTitle: string) => ['OAKHURST FAMILY MEDICINE', '',
    '12/10/2024  Harold P. Doe, MD                        Follow-up',
    'Prednisone 7.5 mg. Breathing about the same.',
    'A/P: Stable. Recheck 3 months.                                   Page 1 of 3',
    `\fMERIDIAN MUTUAL LIFE INSURANCE COMPANY - GROUP LONG TERM DISABILITY\n${formTitle}`,
    'Claimant: Jane Roe   DOB: 05/22/1971',
    'Section 2 - Treatment: Dates of visits: 11/15/2022; 03/14/2023; 06/13/2023; 08/22/2023',
    'Has the patient achieved maximum medical improvement?  [X] Yes  [ ] No',
    'Physician: /s/ Harold P. Doe, MD  Family Medicine   Date: 08/22/2023',
    '                                                                  Page 2 of 3', ''].join('\n');
  it.each([
    ['ATTENDING PHYSICIAN STATEMENT (APS)', ['2024-12-10', '2023-08-22']],
    ['MEDICAL SOURCE STATEMENT - PHYSICAL', ['2024-12-10', '2023-08-22']],
    // A page that names no form is the visit's next page.
    ['LAB FLOWSHEET (excerpt)', ['2024-12-10']],
  ])('%s', (title, dates) => expect(splitEncounters(textDoc(chart(title))).map((e) => e.date)).toEqual(dates));
  it('the form\'s own second page continues it', () => {
    const text = ['ATTENDING PHYSICIAN STATEMENT', 'Claimant: Jane Roe', 'Section 1 - Diagnosis: sarcoidosis', '',
      '\fATTENDING PHYSICIAN STATEMENT (continued)', 'Section 4 - Restrictions: permanent', 'Physician: /s/ A. Doe, MD   Date: 08/22/2023', ''].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2023-08-22']);
  });
});

describe('whose discipline a note is', () => {
  it.each([
    ['NEW PATIENT CONSULTATION                     Date of service: 12/06/2022\nReferring: Harold P. Doe, MD (Oakhurst Family Medicine)\nCC: cough x 3 months.', 'unknown'],
    ['NEW PATIENT CONSULTATION                     Date of service: 12/06/2022\nPCP: Jane Roe, MD - Internal Medicine\nCC: cough x 3 months.', 'unknown'],
    ['NEW PATIENT CONSULTATION                     Date of service: 12/06/2022\nOakhurst Family Medicine\nCC: cough x 3 months.', 'primary_care'],
  ])('%s', (head, specialty) => expect(classifyEncounter(head, head, 'MD').specialty).toBe(specialty));
  it('a specialist\'s letterhead names the discipline of the notes under it', () => {
    const text = ['PEACHTREE CHEST ASSOCIATES', 'Rashid M. Doe, MD, FCCP - Pulmonary Disease / Critical Care / Sleep Medicine', '',
      'FOLLOW-UP                                   Date of service: 01/09/2024', 'Prednisone 20 mg. ED visit last month for dyspnea.', '/s/ Rashid M. Doe, MD  01/09/2024', '',
      'FOLLOW-UP                                   Date of service: 03/19/2024', 'Prednisone 15 mg. PCP to manage glucose.', '/s/ Rashid M. Doe, MD  03/19/2024', ''].join('\n');
    expect(processDocument(textDoc(text, 'pulm.txt')).encounters.filter((e) => e.date).map((e) => e.specialty)).toEqual(['pulmonology', 'pulmonology']);
  });
});

describe('a drug\'s indication', () => {
  it.each([
    ['Start methotrexate 10 mg weekly + folic acid 1 mg daily; CBC/CMP every 4 weeks.', 'methotrexate', false],
    ['Continue MTX 15 mg weekly + folic acid.', 'methotrexate', false],
    ['Calcium carbonate 500 mg PRN acid reflux.', 'calcium carbonate', true],
  ])('%s', (text, drug, other) => {
    const f = of(text, 'treatment').find((x) => x.attributes.drug === drug);
    expect(f && isForOtherCondition(f)).toBe(other);
  });
});

describe('care held for a relapse', () => {
  it.each([
    ['Daily HEP, gabapentin 300 mg qHS, and repeat left C6-7 interlaminar {{ESI}} only when radicular pain recurs.', 'hypothetical'],
    ['When the pain returns we will repeat the {{block}}.', 'hypothetical'],
    ['Daily HEP, {{gabapentin}} 300 mg qHS, meloxicam 15 mg daily, and repeat left C6-7 interlaminar ESI only when radicular pain recurs.', 'current'],
    ['The {{pain}} returns when she sits.', 'current'],
  ])('%s', (text, temporality) => expect(judge(text).temporality).toBe(temporality));
});

describe('a retina clinic\'s observation visit', () => {
  it.each([
    ['Assessment: PDR OU quiescent. Stable.\nPlan: Observe. Return 4 months with OCT.', 'continue_current_management', true],
    ['Plan: No injection indicated. Observe. Return 4 months with OCT.', 'continue_current_management', true],
    ['Continue observation without treatment.', 'continue_current_management', true],
    ['Observe the incision for redness; return in 2 weeks.', 'continue_current_management', false],
    ['Refer to low vision rehabilitation (OT).', 'maintenance_care', true],
  ])('%s', (text, signal, found) => expect(of(text, 'plan_signal').some((f) => f.attributes.signal === signal)).toBe(found));
  it.each([
    ['Intravitreal aflibercept 2 mg OD today.', 'intravitreal'],
    ['Anti-VEGF injections every 6 weeks.', 'intravitreal'],
    ['Ranibizumab OS.', 'intravitreal'],
  ])('%s is an eye injection', (text, subtype) => {
    expect(of(text, 'treatment').map((f) => [f.attributes.modality, f.attributes.subtype])).toContainEqual(['other_injection', subtype]);
  });
  it('a visit log\'s rows record the injections given under a "Tx" column', () => {
    const text = ['RETINA CONSULTANTS', 'FOLLOW-UP / INJECTION VISIT LOG', 'Plan / Tx:',
      'Date        VA OD     VA OS     Findings / Tx',
      '11/16/2022  20/250    20/60     DME OS recurrent. Aflibercept OU.',
      '12/14/2022  20/200    20/60     Stable. Aflibercept OD.',
      '02/08/2023  20/200    20/60     Dry. Aflibercept OD.', ''].join('\n');
    const given = processDocument(textDoc(text, 'retina.txt')).facts.filter((f) => f.type === 'treatment' && f.attributes.subtype === 'intravitreal');
    expect(given.map((f) => f.type === 'treatment' && [f.date, f.attributes.status])).toEqual([['2022-11-16', 'performed'], ['2022-12-14', 'performed'], ['2023-02-08', 'performed']]);
  });
});

describe('visit headings of other people\'s logs', () => {
  it.each([
    ['a medication-review log\'s "(in person):" lines', ['MEDICATION REVIEW - Renata V. Doe, PMHNP-BC',
      '08/16/2022 (in person): Escitalopram 10 mg x 4 wks, mild nausea. Plan: escitalopram 20 mg daily.',
      '09/27/2022 (video): Escitalopram 20 mg x 6 wks. Plan: continue escitalopram 20 mg.',
      '11/08/2022 (phone): Partial response. Plan: cross-taper to venlafaxine XR.'], ['2022-08-16', '2022-09-27', '2022-11-08']],
    ['a heading with who came along', ['ROCK RIVER BEHAVIORAL HEALTH', '', '01/10/2023   MEDICATION MANAGEMENT (99214)', 'Stable. RTC 2 months.', '',
      '03/14/2023   MEDICATION MANAGEMENT (99214)      Accompanied by: mother', 'Stable. RTC 3 months.'], ['2023-01-10', '2023-03-14']],
    ['a heading with a co-signer', ['FALLSTOWN ORTHOPAEDICS', '', 'FOLLOW-UP (RETURN VISIT) -- 10/19/2023             Marcus D. Doe, MD', 'Broken screws.', 'Marcus D. Doe, MD', '',
      'POST-OP VISIT -- 11/20/2023                      Kelsey Roe, PA-C / M. Doe, MD', 'Incisions healed.', 'Kelsey Roe, PA-C'], ['2023-10-19', '2023-11-20']],
  ])('%s', (_name, lines, dates) => expect(splitEncounters(textDoc(`${lines.join('\n')}\n`)).map((e) => e.date)).toEqual(dates));
  it('a radiology report filed on the page after the closing examination is its own paper', () => {
    const text = ['CASCADE NEUROSURGICAL ASSOCIATES, P.C.', 'CLOSING EXAMINATION - ATTENDING PHYSICIAN REPORT', 'Date of examination: 03/21/2023',
      'OPINIONS: Mr. Doe is medically stationary as of today\'s date, 03/21/2023.', 'Anand V. Roe, MD, FAANS - Attending Physician            Signed 03/23/2023',
      '\fWILLAMETTE HEIGHTS MEDICAL CENTER - DEPARTMENT OF RADIOLOGY', 'PATIENT: DOE, JOHN    DOB 10/02/1974    MRN WH-2218804    EXAM DATE: 03/21/2023',
      'IMPRESSION: Solid arthrodesis C5-6.', 'Electronically signed: Helene V. Poe, MD  03/21/2023 16:48', ''].join('\n');
    const encounters = splitEncounters(textDoc(text));
    expect(encounters.map((e) => [e.date, e.provider.name])).toEqual([['2023-03-21', 'Anand V. Roe'], ['2023-03-21', 'Helene V. Poe']]);
  });
  it('a records department\'s print stamp is no cover letter: the notes under it are read', () => {
    const text = ['ROCK RIVER BEHAVIORAL HEALTH, S.C.', 'Child, Adolescent & Young Adult Psychiatry', '225 Commerce Ave, Suite 3, Watertown, WI 53094    Tel (920) 555-0310', '',
      'RELEASE OF INFORMATION COPY - Printed 06/03/2024 09:41 by HIM   Requested by: Capitol Disability Law Group',
      'Patient: DOE, CALEB J        DOB: 02/11/2004', '', '04/20/2021   MEDICATION MANAGEMENT (99214)', 'Plan: Continue risperidone 0.5 mg BID. RTC 4 months.', ''].join('\n');
    expect(processDocument(textDoc(text, '3F.txt')).facts.some((f) => f.type === 'treatment' && f.attributes.drug === 'risperidone')).toBe(true);
  });
});

describe('what a sentence says of MMI and of care', () => {
  it('"LTD insurer asking for an MMI date" asks, it does not state', () => {
    expect(of('LTD insurer asking for an MMI date.', 'mmi_statement').some((f) => f.temporality === 'current' && !f.negated)).toBe(false);
  });
  it.each([
    ['P: - I cannot identify a specific interventional target at this time.', true],
    ['No procedural target; discharged to the PCP.', true],
    ['The L4-5 facet is the likely target for a medial branch block.', false],
  ])('%s', (text, found) => expect(of(text, 'plan_signal').some((f) => f.attributes.signal === 'no_further_treatment')).toBe(found));
  it('"We will now transition to maintenance" is done today', () => {
    expect(of('We will now transition to maintenance: continue Trelegy daily, albuterol prn.', 'plan_signal').find((f) => f.attributes.signal === 'maintenance_care')?.temporality).toBe('current');
  });
  it.each([
    ['COPD, stable after pulmonary rehabilitation.', 'physical_therapy', 'completed'],
    ['Continue pulmonary rehabilitation 3x/week.', 'physical_therapy', 'ongoing'],
  ])('%s', (text, modality, status) => expect(of(text, 'treatment').find((f) => f.attributes.modality === modality)?.attributes.status).toBe(status));
  it.each([
    ['Started Horizons Day Services 08/07 M/W/F; day program staff report he does well with sorting.', undefined],
    ['Continue comprehensive day treatment program.', 'pain_program'],
  ])('%s', (text, modality) => expect(of(text, 'treatment').find((f) => f.attributes.modality === 'pain_program')?.attributes.modality).toBe(modality));
  it('guanfacine is a drug the psychiatrist starts', () => {
    expect(of('Start guanfacine ER 1 mg qhs; increase to 2 mg qhs after 2 weeks.', 'treatment').map((f) => [f.attributes.drug, f.attributes.doseChange])).toContainEqual(['guanfacine', 'started']);
  });
  it('a plan that names a new strength of the drug the note records raises it', () => {
    const text = 'DATE OF SERVICE: 12/20/2022\nVenlafaxine XR 75 mg x 5 wks, tolerating. Attacks 3-4/wk.\nPlan: venlafaxine XR 150 mg daily. Return 4-6 weeks.\n';
    const doc = textDoc(text);
    const { facts, encounters } = processDocument(doc);
    markDoseSteps(facts, encounters);
    const venlafaxine = facts.filter((f) => f.type === 'treatment' && f.attributes.drug === 'venlafaxine');
    expect(venlafaxine.map((f) => f.type === 'treatment' && f.attributes.doseChange)).toContain('increased');
  });
});

describe('the MMI after care that came to nothing, and a maintenance phase its physician declares', () => {
  const surgeon = { name: 'Stefan K. Doe', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const pain = { name: 'Vikram S. Roe', credential: 'MD', specialty: 'pain_management' as const };
  const withBlock = (after: string) => {
    const b = new CaseBuilder();
    b.visit('2023-07-18', { ...surgeon, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Laparoscopic right inguinal hernia repair with mesh.');
    b.visit('2023-09-12', surgeon).fact('mmi_statement', { kind: 'mmi' }, 'He has reached maximum medical improvement from the work injury and surgery as of today.');
    b.visit('2023-12-19', { ...pain, kind: 'procedure_note' }).fact('treatment', { modality: 'other_injection', status: 'performed' }, 'Ultrasound-guided right ilioinguinal nerve block.');
    b.visit('2024-01-09', pain).fact('plan_signal', { signal: 'no_further_treatment' }, after);
    return analyzeCase(b.input({ type: 'workers_comp', onset: '2023-06-01', state: 'PA' }));
  };
  it('a block whose physician then finds nothing to treat leaves the MMI standing', () => {
    expect(withBlock('The block is negative. I cannot identify a specific interventional target at this time.').mmi).toMatchObject({ status: 'explicit', date: '2023-09-12' });
  });
  it('a block that starts a course still withdraws it', () => {
    expect(withBlock('No further injections are planned until the RFA is approved.').mmi.status).not.toBe('explicit');
  });
  it('the first visit of a sustained run gives way to the visit where the physician declares the phase', () => {
    const rheum = { name: 'M. Doe', credential: 'MD', specialty: 'rheumatology' as const };
    const b = new CaseBuilder();
    b.visit('2022-08-25', rheum).fact('treatment', { modality: 'medication', drug: 'belimumab', drugClass: 'biologic DMARD', status: 'ongoing', doseChange: 'started' }, 'Start belimumab 10 mg/kg IV.');
    for (const d of ['2022-10-25', '2023-02-14']) b.visit(d, rheum).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2023-04-18', rheum).fact('plan_signal', { signal: 'maintenance_care' }, 'Complete renal response. Transition to maintenance: belimumab SC weekly.');
    for (const d of ['2023-07-18', '2023-10-17', '2024-01-23']) b.visit(d, rheum).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    const a = analyzeCase(b.input({ type: 'ssdi', onset: '2022-04-01' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi).toMatchObject({ status: 'implied', date: '2023-04-18' });
  });
});

describe('from blind239-246: history lists, paraphrased MMIs, stale starts, dialysis, transplant services, speech therapy', () => {
  it('"withdrawn MMI 03/28/2023" in a history list is history, not a new withdrawal', () => {
    const f = of('S/p R knee partial medial meniscectomy 10/04/2022; withdrawn MMI 03/28/2023 after subchondral insufficiency fracture.', 'mmi_statement');
    expect(f.every((x) => x.temporality !== 'current')).toBe(true);
  });
  it('"released full duty/MMI 05/17/2022 by occ med" reports another doctor\'s MMI', () => {
    expect(of('Initial improvement with PT and released full duty/MMI 05/17/2022 by occ med; symptoms returned.', 'mmi_statement').some((x) => x.temporality === 'current')).toBe(false);
  });
  it('a start of a drug the file already shows being taken is a carried-forward plan', () => {
    const text = ['DATE OF SERVICE: 04/11/2023', 'Golimumab 100 mg since 01/09/2023. Plan: continue golimumab 100 mg SC every 4 weeks.', '',
      'DATE OF SERVICE: 08/15/2023', 'Taking golimumab monthly, last dose 08/04.', 'PLAN: Start golimumab 50 mg SC monthly; RN injection teaching scheduled.', ''].join('\n');
    const { facts, encounters } = processDocument(textDoc(text, 'rheum.txt'));
    markRefills(facts, encounters);
    expect(facts.some((f) => f.type === 'treatment' && f.attributes.drug === 'golimumab' && f.attributes.doseChange === 'started')).toBe(false);
    expect(facts.some((f) => f.type === 'plan_signal' && f.attributes.signal === 'new_treatment' && f.attributes.target === 'golimumab' && f.temporality === 'current')).toBe(false);
    expect(facts.some((f) => f.type === 'treatment' && f.attributes.modality === 'other_injection')).toBe(false);
  });
  it.each([
    ['Switching mechanism (secukinumab) was again discussed. Patient declines a switch - worried about uveitis.', 'declined'],
    ['Switching mechanism (secukinumab) was discussed.', 'recommended'],
  ])('%s', (text, status) => expect(of(text, 'treatment').find((f) => f.attributes.drug === 'secukinumab')?.attributes.status).toBe(status));
  it.each([
    ['A/P: Now on stable maintenance hemodialysis via AVF.', 'maintenance_care'],
    ['No further access procedures or transplant evaluation planned.', 'no_further_treatment'],
  ])('%s', (text, signal) => expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain(signal));
  it.each([
    ['Her case was presented to the Kidney Transplant Selection Committee on 03/07/2023.', false],
    ['Remains active on the liver transplant waiting list.', true],
  ])('%s', (text, found) => expect(of(text, 'treatment').some((f) => f.attributes.subtype === 'transplant')).toBe(found));
  it.each([
    'Outpatient speech-language therapy 2x/week for aphasia.',
    'SLP cognitive rehabilitation continues; discharged to a home program 08/04/2023.',
  ])('%s is a therapy course', (text) => expect(of(text, 'treatment').map((f) => [f.attributes.modality, f.attributes.subtype])).toContainEqual(['physical_therapy', 'speech-language']));
  it('a medical source statement\'s treatment summary changes no drug', () => {
    const b = new CaseBuilder();
    const rheum = { name: 'Nadia K. Doe', credential: 'MD', specialty: 'rheumatology' as const };
    b.visit('2023-01-09', rheum).fact('treatment', { modality: 'medication', drug: 'golimumab', drugClass: 'biologic DMARD', status: 'ongoing', doseChange: 'increased' }, 'Increase golimumab to 100 mg monthly.');
    for (const d of ['2023-04-11', '2023-08-15', '2023-12-12']) b.visit(d, rheum).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue golimumab 100 mg.');
    b.visit('2024-01-20', { ...rheum, kind: 'medical_source_statement' }).fact('treatment', { modality: 'medication', drug: 'golimumab', drugClass: 'biologic DMARD', status: 'ongoing', doseChange: 'increased' }, 'Treatment / response: golimumab 50 -> 100 mg monthly with partial response.');
    b.visit('2024-04-16', rheum).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue golimumab 100 mg.');
    expect(analyzeCase(b.input({ type: 'ssdi', onset: '2022-01-01' })).mmi).toMatchObject({ status: 'implied', date: '2023-04-11' });
  });
});

describe('from blind247-252: procedure logs, record-review addenda, care continued "as maintenance"', () => {
  it('a procedure log\'s heading is dated by its rows, not by the day the log was printed', () => {
    const text = ['NORTH STAR HEADACHE CENTER - PROCEDURE RECORDS', 'Patient: DOE, JANE   Print date: 04/30/2024', '',
      ' #   Date        Units  Pre-procedure status   Complications / notes', ' 1   03/22/2022  155    HA 4/10                none',
      ' 2   06/14/2022  155    HA 3/10                mild soreness', ' 3   09/06/2022  155    HA-free today          none', '',
      'GREATER OCCIPITAL NERVE BLOCK, BILATERAL (CPT 64405 x 2)', ' Date        Agent                              Response',
      ' 06/14/2022  bupivacaine 0.5% 2.5 mL each side     ~3 days relief', ' 09/06/2022  bupivacaine + triamcinolone 10 mg     ~1 week relief', ''].join('\n');
    const block = processDocument(textDoc(text, 'procedures.txt')).facts.find((f) => f.type === 'treatment' && f.attributes.modality === 'other_injection');
    expect(block?.date).toBe('2022-09-06');
  });
  it('an addendum written months later is a paper of its own day', () => {
    const text = ['WORKCARE OCCUPATIONAL MEDICINE', '', 'DISCHARGE / MMI VISIT                                      Date of service: 05/17/2022',
      'P: Patient has reached MMI as of this date with 0% impairment.', '                                       /s/ P. Doe, DO       05/17/2022', '',
      'ADDENDUM - RECORD REVIEW (no patient contact)               Date: 08/24/2022',
      'In light of these findings, my 05/17/2022 determination of MMI is rescinded. He was not at MMI.', '                                       /s/ P. Doe, DO       08/24/2022', ''].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-05-17', '2022-08-24']);
  });
  it('"Continue Botox every 12 weeks and fremanezumab monthly as maintenance" sets the maintenance plan', () => {
    expect(of('PLAN: Continue onabotulinumtoxinA 155 units every 12 weeks and fremanezumab 225 mg monthly as\n  maintenance; rimegepant as before.', 'plan_signal')
      .map((f) => f.attributes.signal)).toContain('maintenance_care');
  });
});
