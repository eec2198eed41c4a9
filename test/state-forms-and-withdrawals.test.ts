import { describe, expect, it } from 'vitest';
import type { FactOf } from '../src/model/index.js';
import { classifyEncounter } from '../src/segment/classify.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { classifyDocument, documentParts } from '../src/segment/document-role.js';
import { processDocument } from '../src/pipeline.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';

/**
 * Classes met in claim files written by people who never read this code (synthetic text, no PHI): an MMI taken back
 * in a noun ("my withdrawal of the MMI date stands"), a state's rating form by its answers rather than its name, the
 * span of treatment a form covers, a payer's change that is not a change of drug, a pulmonologist's letterhead.
 */
function mmiKinds(body: string): string[] {
  const { doc, facts } = factsOf(body);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<'mmi_statement'> => f.type === 'mmi_statement' && !f.negated && f.temporality === 'current')
    .map((f) => f.attributes.kind);
}

describe('an MMI taken back, in any grammar', () => {
  it.each([
    ['My recommendation for revision and my withdrawal of the 09/12/2023 MMI date stand.', 'not_at_mmi'],
    ['My MMI date of 09/12/2023 on the Form 107-I is withdrawn.', 'not_at_mmi'],
    ['He withdrew his MMI opinion after the new films.', 'not_at_mmi'],
    // A taking-back verb before the MMI it names, a past MMI declared void, a claimant taken off MMI.
    ['I am withdrawing my prior MMI determination of 12/13/2022.', 'not_at_mmi'],
    ['I retract my earlier finding of maximum medical improvement.', 'not_at_mmi'],
    ['MMI rescinded: new full-thickness tear on MRI.', 'not_at_mmi'],
    ['The previous MMI of 12/13/2022 is no longer valid.', 'not_at_mmi'],
    ['My prior P&S report is withdrawn; he is temporarily totally disabled pending revision.', 'not_at_mmi'],
    ['She is taken off MMI status effective today.', 'not_at_mmi'],
    ['Patient is removed from MMI and placed back on TTD.', 'not_at_mmi'],
    ['He fell out of MMI after the re-injury.', 'not_at_mmi'],
    // Valid: an MMI stated, with a drug withdrawal in the same sentence, is still an MMI.
    ['She is at MMI; opioid withdrawal symptoms have resolved.', 'mmi'],
    ['Maximum medical improvement today, 09/12/2023.', 'mmi'],
  ])('%s', (sentence, kind) => {
    expect(mmiKinds(sentence)).toEqual([kind]);
  });
  it.each([
    // The next sentence takes back the MMI this one recalls.
    ['On the APS dated 11/20/2023 I checked that she had reached maximum medical improvement. I am withdrawing that answer.', ['not_at_mmi']],
    ['I cannot say she has reached maximal improvement until she has had an adequate trial of CPAP.', ['not_at_mmi']],
    // A next sentence about something else leaves the MMI standing.
    ['She has reached maximum medical improvement. I am withdrawing the request for a brace.', ['mmi']],
  ])('%s', (text, kinds) => expect(mmiKinds(text)).toEqual(kinds));
  it('an MMI that cannot be judged until a program ends is not stated', () => {
    expect(mmiKinds('Maximal medical improvement cannot be judged until program completion.')).toEqual([]);
  });
});

describe('an insurer\'s attending physician statement', () => {
  const APS = [
    '11/21/2023 09:14 FAX 2075550188 RIVERBEND FAMILY MED        ->  GNML LTD CLAIMS 8005550196    P.001/003',
    'GREAT NORTHERN MUTUAL LIFE INSURANCE COMPANY - Group Long Term Disability',
    'ATTENDING PHYSICIAN STATEMENT (APS)                                   Form GN-LTD-12 (rev. 03/2021)',
    'Employee: Jane Roe     DOB: 09/14/1976    Last day worked: 11/04/2022',
    'Date symptoms first appeared: approx. 10/2021      Date first treated by you for this condition: 06/08/2022',
    'Has patient achieved Maximum Medical Improvement? [X] Yes [ ] No     If yes, date: 11/20/2023',
    'Physician: Heidi R. Doe, DO     Specialty: Family Medicine     Date: 11/20/2023',
    '',
    'July 2, 2024',
    '',
    'Re: Jane Roe, Claim No. LTD-2023-0418877',
    '',
    'ADDENDUM TO ATTENDING PHYSICIAN STATEMENT OF 11/20/2023',
    '',
    'On the APS dated 11/20/2023 I checked that Ms. Roe had reached maximum medical improvement. I am withdrawing that answer.',
    'Heidi R. Doe, DO',
  ].join('\n');
  it('is a treating source\'s opinion form dated by its signature line, not by the form\'s revision, and its addendum by its letter', () => {
    const encounters = splitEncounters(textDoc(APS));
    expect(encounters.map((e) => [e.date, e.kind])).toEqual([['2023-11-20', 'medical_source_statement'], ['2024-07-02', 'medical_source_statement']]);
  });
});

const FORM_107 = `COMMONWEALTH OF KENTUCKY - DEPARTMENT OF WORKERS' CLAIMS
FORM 107-I  MEDICAL REPORT - INJURY
PLAINTIFF: Roy Example          DOB: 03/22/1966          Date of injury: 08/09/2022
PHYSICIAN: Carl Sample, MD     Specialty: Orthopaedic Surgery
Dates of treatment: 09/07/2022 to 09/12/2023          Date of last examination: 09/12/2023
Date signed: 09/14/2023
5. MAXIMUM MEDICAL IMPROVEMENT: Has the plaintiff reached MMI?   [X] Yes   [ ] No
   Date of maximum medical improvement: 09/12/2023
6. IMPAIRMENT (AMA Guides, 5th Edition): 50% lower extremity = 20% whole person impairment.
Carl Sample, MD
`;

describe('a state rating form, known by its answers', () => {
  it('a form that answers the MMI question in a box and rates the whole person is an impairment rating', () => {
    expect(classifyEncounter(FORM_107.slice(0, 300), FORM_107, 'MD').kind).toBe('impairment_rating');
  });
  it.each([
    ['Has the patient reached MMI? [X] No. Return in 4 weeks.'],
    ['Whole person impairment 12% per the IME; MMI not addressed today.'],
  ])('without both answers it is not: %s', (body) => {
    expect(classifyEncounter('', body, 'MD').kind).not.toBe('impairment_rating');
  });
  it('is dated by its signature, not by the start of the treatment span it covers', () => {
    const [enc] = splitEncounters(textDoc(FORM_107));
    expect(enc.kind).toBe('impairment_rating');
    expect(enc.date).toBe('2023-09-14');
  });
  it.each([
    ['Dates of service: 01/04/2023 - 03/01/2023', undefined],
    ['Date of service: 01/04/2023', '2023-01-04'],
  ])('a labelled range is not a visit header: %s', (line, date) => {
    const encounters = splitEncounters(textDoc(`${line}\nPT daily notes follow.\n`));
    const header = encounters.find((e) => e.evidence[0]?.quote.startsWith('Date'));
    expect(header?.date).toBe(date);
  });
});

describe('a payer changed, not the drug', () => {
  const change = (sentence: string) => factsOf(sentence).facts
    .filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.modality === 'medication').map((f) => f.attributes.doseChange);
  it.each([
    ['Insurance changed to NC Medicaid 04/2024 - new PA for gabapentin 600 approved.', undefined],
    ['Pharmacy switched to mail order; duloxetine 60 mg continued.', 'continued'],
    ['Changed to duloxetine 60 mg daily from amitriptyline.', 'switched'],
    ['Gabapentin changed to pregabalin 75 mg BID.', 'switched'],
  ])('%s', (sentence, doseChange) => {
    expect(change(sentence)[0]).toBe(doseChange);
  });
});

describe('a pulmonologist\'s letterhead', () => {
  it.each([
    ['FOOTHILLS PULMONARY & SLEEP MEDICINE, PLLC\nVictor Sample, MD, FCCP - Pulmonary Disease, Critical Care Medicine\nFOLLOW-UP', 'pulmonology'],
    ['LAKESIDE PULMONARY DISEASE ASSOCIATES\nFOLLOW-UP', 'pulmonology'],
  ])('%s', (head, specialty) => {
    expect(classifyEncounter(head, `${head}\nCOPD stable on Trelegy. Spirometry today. Pre-operative risk for lumbar surgery discussed.`, 'MD').specialty).toBe(specialty);
  });
});

describe('a treating physician\'s P&S report faxed with a cover that copies the QME', () => {
  const text = [
    'SEP-06-2023 10:14   FROM: SAMPLE ORTHO HAND 9095550122   TO: 9095550190 SAMPLE CLAIMS    P.01/07',
    'FAX COVER  -  Sample Orthopaedic & Hand Institute',
    'To: Dana Sample, Sample Claims Services   cc: Doe & Roe, APC; Hartwell',
    'Pryce LLP; Lorraine Sample, MD (QME)',
    'Re: Doe, Jane - PCC-22-000001 - PR-4 Permanent & Stationary Report (6 pages)',
    'SEP-06-2023 10:14   FROM: SAMPLE ORTHO HAND 9095550122                                         P.02/07',
    'STATE OF CALIFORNIA - DIVISION OF WORKERS\' COMPENSATION',
    'PRIMARY TREATING PHYSICIAN\'S PERMANENT AND STATIONARY REPORT (PR-4)',
    'Date of last examination: 08/22/2023',
    'Date of report: 09/05/2023',
    'Primary Treating Physician: Howard Sample, MD, Orthopaedic Surgery (Hand)',
    'The patient has reached maximum medical improvement and is permanent and stationary as of 08/22/2023.',
    'Howard Sample, MD', ''].join('\n');
  const doc = textDoc(text, '08_PR-4 Sample - P&S report.txt');
  it('is the treating physician\'s report: the copy line names a recipient, not the author', () => {
    expect(classifyDocument(doc).role).toBe('clinical');
  });
  it('the cover ends at the fax machine\'s next page line, and the report\'s MMI statement is read', () => {
    const parts = documentParts(doc, classifyDocument(doc));
    expect(parts.map((p) => p.role)).toEqual(['administrative', 'clinical']);
    expect(text.slice(parts[1].start)).toMatch(/^SEP-06-2023 10:14 .*P\.02\/07/);
    const stated = processDocument(doc, classifyDocument(doc)).facts
      .filter((f): f is FactOf<'mmi_statement'> => f.type === 'mmi_statement' && f.temporality === 'current' && !f.negated);
    expect(stated.map((f) => f.attributes.mmiDate)).toContain('2023-08-22');
  });
});

describe('letters: who examined, who is addressed, what was done before', () => {
  it('a report naming the examinee and the rule the examination was ordered under is an examiner\'s', () => {
    const text = 'GERALD SAMPLE, M.D.\nDiplomate, American Board of Orthopaedic Surgery\n\nSeptember 5, 2023\n\nMr. Andrew Roe\nRoe & Doe, LLP\n\nRE:   Doe v. Sample Linen, LLC\n      Examinee: Jane Doe   Date of examination: 08/22/2023\n      Examination pursuant to La. Code Civ. Proc. art. 1464\n\nDear Mr. Roe:\nI examined Ms. Doe.\n';
    expect(classifyDocument(textDoc(text, 'Sample_Report.txt')).role).toBe('examining');
  });
  it('the practice in a letter\'s inside address is the recipient\'s, not the author\'s discipline', () => {
    const head = 'MAGNOLIA NEUROSURGICAL ASSOCIATES\nAda Sample, MD, FAANS\n\nFebruary 16, 2023\n\nRemy Doe, MD\nCapitol Interventional Pain & Spine\n100 Main St\n\nRE: Jane Doe\n\nDear Dr. Doe:\n';
    expect(classifyEncounter(head, `${head}Thank you for referring Ms. Doe for a surgical opinion. I have recommended a C5-6 ACDF.`, 'MD').specialty).toBe('neurosurgery');
  });
  it('"My treatment has included … a left C4-C6 radiofrequency ablation" looks back', () => {
    const rfa = factsOf('My treatment has included two cervical epidural steroid injections and a left C4-C6 radiofrequency ablation.').facts
      .filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.modality === 'radiofrequency_ablation');
    expect(rfa.map((f) => f.temporality)).toEqual(['historical']);
  });
});

describe('a plaintiff\'s medical chronology prepared for mediation', () => {
  const text = [
    'SAMPLE & ROE, PLLC  -  Injury & Bicycle Law',
    'ATTORNEY WORK PRODUCT - PREPARED FOR MEDIATION - 05/10/2024',
    'Client: Jane Doe (DOB 02/11/1986)       Defendant: John Roe',
    'I. SUMMARY',
    'Dr. Strand placed her at MMI on 01/16/2024 and found her permanently disabled from full-time work.',
    'II. MEDICAL CHRONOLOGY',
    '03/19/2024  Pell (defense CR 35)            Claims "probable malingering"; MMI 08/2022.',
  ].join('\n');
  it('is administrative: its summaries of others\' opinions yield no facts', () => {
    const doc = textDoc(text, 'Plaintiff medical chronology and specials 2024-05-10.txt');
    expect(classifyDocument(doc).role).toBe('administrative');
    expect(processDocument(doc).facts).toEqual([]);
  });
});

describe('the topics a form or a referral lists', () => {
  it.each([
    '(A) Maximum medical improvement (B) Impairment rating',
    'Issues: (1) MMI/IR; (2) reasonableness of revision surgery; (3) relatedness of re-tear.',
    'Purposes: [X] MMI  [X] Impairment rating  [X] Extent of injury  [X] Return to work  [ ] Other',
    'Reason for examination: [X] Maximum medical improvement  [ ] Disability',
  ])('state no MMI: %s', (text) => expect(mmiKinds(text)).toEqual([]));
  it.each([
    ['MMI status: [X] At MMI  [ ] Not at MMI', ['mmi']],
    ['[X] The employee reached MMI on: 03/05/2024', ['mmi']],
  ])('a box that answers the question still does: %s', (text, kinds) => expect(mmiKinds(text)).toEqual(kinds));
  it('an opinion with lettered parts still states one: "She has reached MMI (a) for the wrist and (b) for the neck."', () => {
    expect(mmiKinds('She has reached MMI (a) for the wrist and (b) for the neck.')).toEqual(['mmi']);
  });
});

describe('lines under a label that says they are carried forward', () => {
  it.each([
    ['Plan: He is not at MMI.\nWork status (carried forward from prior visit template):\n  He remains at MMI with permanent restrictions.', ['not_at_mmi']],
    ['Work status (copied from 02/20/2024 visit): He remains at MMI.', []],
    ['Work status:\n  He remains at MMI with permanent restrictions.', ['mmi']],
  ])('%s', (text, kinds) => expect(mmiKinds(text)).toEqual(kinds));
});

describe('an MMI from one discipline\'s standpoint', () => {
  it.each([
    'From a neurologic standpoint she has reached maximum medical improvement with no ratable permanent neurologic impairment.',
  ])('is still read as an MMI statement (the judgement weighs its scope): %s', (text) => expect(mmiKinds(text)).toEqual(['mmi']));
});
