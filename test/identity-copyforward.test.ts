import { describe, expect, it } from 'vitest';
import { findMisfiled, ocrFolded, patientIdentity } from '../src/segment/identity.js';
import { markCopiedForward } from '../src/extract/copy-forward.js';
import { sentenceKey } from '../src/util/text.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { extractFacts } from '../src/extract/index.js';
import { textDoc } from './helpers/extract-doc.js';

describe('patient identity', () => {
  it.each([
    ['Patient: PRUITT, GERALD W     DOB: 03/22/1961', '1961-03-22', 'pruitt'],
    ['Pt: Castellanos, Renee   D.O.B. 11/2/68', '1968-11-02', 'castellanos'],
    ['1. Employee: Jose M. Tavarez   DOB: 11/02/1979   SSN: XXX-XX-8816', '1979-11-02', 'tavarez'],
    ['Injured Employee: Dewayne E. Pruett    Date of Injury: 01/09/2023\nDOB on file: 03/02/1975', '1975-03-02', 'pruett'],
    // A VA print writes the month as a word.
    ['Printed for release of information 12/30/2024   TOLLIVER,MARCUS A  ***-**-8841  DOB: NOV 2,1990\nPatient: TOLLIVER, MARCUS A', '1990-11-02', 'tolliver'],
    ['Claimant: Ann Roe   Date of Birth: April 19, 1983', '1983-04-19', 'roe'],
  ])('reads "%s"', (text, dob, surname) => {
    expect(patientIdentity(textDoc(text))).toMatchObject({ dob, surname });
  });

  const claimant = (file: string, extra = '') => textDoc(`Patient: DOE, JANE   DOB: 04/05/1970\n${extra}Office visit.`, file);
  it('flags the one document with another patient\'s date of birth and name', () => {
    const other = textDoc('Patient: ROE, MARY   DOB: 09/09/1955\nDischarge summary.', 'other.txt');
    const out = findMisfiled([claimant('a.txt'), claimant('b.txt'), other]);
    expect([...out.keys()]).toEqual(['other.txt']);
    expect(out.get('other.txt')!.reason).toContain('1955-09-09');
    expect(out.get('other.txt')!.evidence[0].quote).toContain('09/09/1955');
  });
  it.each([
    ['a form label read as a name never flags on its own', textDoc('Name: DOB 04/05/1970', 'c.txt')],
    ['a document without any identity', textDoc('MRI LUMBAR SPINE. Impression: L4-5 disc bulge.', 'c.txt')],
    ['the same patient with a differently written date', textDoc('Pt: Jane Doe  D.O.B. 4/5/70', 'c.txt')],
    ['a crash report naming the other driver first', textDoc("TEXAS PEACE OFFICER'S CRASH REPORT (Form CR-3)\nUNIT 1  Driver: ROE, TRAVIS WAYNE    DOB: 07/19/1994\nUNIT 2  Driver: DOE, JANE    DOB: 04/05/1970", 'CR-3_CrashReport.txt')],
  ])('does not flag %s', (_n, doc) => {
    expect(findMisfiled([claimant('a.txt'), claimant('b.txt'), doc]).size).toBe(0);
  });
  it('a custodian\'s certificate over a subpoena for the claimant, and the chart it released is another patient\'s', () => {
    const doc = textDoc(['HARBORVIEW DENTAL GROUP, LLC', 'CERTIFICATION OF CUSTODIAN OF RECORDS (Response to Subpoena Duces Tecum)',
      'Records requested: "Any and all dental records for Jane Doe,', 'DOB 04/05/1970, from 01/01/2015 to present."', '/s/ B. Roe, custodian   Date: 05/03/2024', '',
      'HARBORVIEW DENTAL GROUP - PATIENT LEDGER/TREATMENT NOTES', 'Patient: DOEE, JANE L      DOB: 11/22/1968      Pt ID: HDG-40617',
      '03/18/2019  Dr. R. Poe, DMD   Comprehensive eval. Jaw clicking.'].join('\n'), 'dental.txt');
    expect([...findMisfiled([claimant('a.txt'), claimant('b.txt'), doc]).keys()]).toEqual(['dental.txt']);
  });
  it('a records office\'s cover names the claimant; the page it released names someone else', () => {
    const doc = textDoc('RELEASE OF INFORMATION - RESPONSE TO REQUEST\nPatient named on request: DOE, JANE   DOB 04/05/1970\nClosest matching record released.\n\fPULMONARY FUNCTION TEST REPORT\nPATIENT: DOWE, DONALD W.   MRN: 00612094   DOB: 02/11/1958\nFEV1 1.48 L.\n', 'pft.txt');
    const out = findMisfiled([claimant('a.txt'), claimant('b.txt'), doc]);
    expect(out.get('pft.txt')?.reason).toContain('page 2');
  });
  it.each([
    ['a birth date far from the claimant\'s, with the same surname and no given name', 'PATIENT: DOE   DOB: 11/30/1981\nMRI lumbar spine.', true],
    ['one digit off is a misreading of the claimant\'s', 'Patient: DOE, JANE   DOB: 04/05/1971\nOffice visit.', false],
  ])('%s', (_n, text, flagged) => {
    expect(findMisfiled([claimant('a.txt'), claimant('b.txt'), textDoc(text, 'c.txt')]).has('c.txt')).toBe(flagged);
  });
  it('a custodian\'s affidavit names the claimant; the chart behind it is her husband\'s', () => {
    const doc = textDoc('AFFIDAVIT OF CUSTODIAN OF RECORDS\nRecords requested for: Jane Doe, DOB 04/05/1970\nRecords located under account/guarantor: DOE\n'
      + '\fNEW PATIENT EXAMINATION\nPatient: Doe, Brent T   DOB: 07/30/1968   Guarantor: Doe, Jane (spouse)\nLow back pain after building a deck.\n'
      + '\fPatient: Doe, Brent T   DOB: 07/30/1968\nDaily notes.\n', 'chiro.txt');
    const out = findMisfiled([claimant('a.txt'), claimant('b.txt'), doc]);
    expect(out.get('chiro.txt')?.reason).toMatch(/page 2 names a patient born 1968-07-30 \(brent doe\)/);
    expect(out.get('chiro.txt')?.pages).toBeUndefined();
  });
  it('a faxed report saved as one page: the released page, by its fax banner, names someone else through OCR slips', () => {
    const doc = textDoc([
      'JUN-03-2024 09:47   SAMPLE NEURODIAGNOSTICS   5055550741   >>   SAMPLE ADVOCATES   5055550533   P.1/2',
      'FAX COVER / RECORDS RELEASE',
      'Re: Your request - "Jane Doe / Dowe, DOB 04/05/1970, any EEG 2023-2024"',
      'JUN-03-2024 09:47   SAMPLE NEURODIAGNOSTICS   5055550741   >>   SAMPLE ADVOCATES   5055550533   P.2/2',
      'ELECTROENCEPHALOGRAM (EEG) REPORT',
      'Pat1ent: DOWE, JANE K          DOB: 07/23/198l        Acct #: CN-55102',
      'Intermittent left temporal sharp waves.',
    ].join('\n'), 'eeg.txt');
    expect(findMisfiled([claimant('a.txt'), claimant('b.txt'), doc]).get('eeg.txt')?.reason).toMatch(/1981-07-23 \(jane dowe\)/);
  });
  it.each([
    ['Pat1ent: QUINTANA, LORETTA J   DOB: 07/23/198l', 'Patient: QUINTANA, LORETTA J   DOB: 07/23/1981'],
    ['DOB: 03/14/l958  Med1cat1ons: lamotr1g1ne', 'DOB: 03/14/1958  Medications: lamotrigine'],
    ['L4-5, S1 and C1-2; Room 1O4', 'L4-5, S1 and C1-2; Room 104'],
    ['Emp1oyee: RYDELL, ANDREW J   D0B: 06/l4/l990', 'Empioyee: RYDELL, ANDREW J   DOB: 06/14/1990'],
    ['Prob1em 0verview; C0B 20l0', 'Probiem 0verview; COB 2010'],
  ])('OCR slips undone letter for letter: %s', (text, folded) => {
    expect(ocrFolded(text)).toBe(folded);
  });
  it('an OCR-damaged "Emp1oyee … D0B" header still names its worker', () => {
    const text = 'REP0RT 0F W0RK ABlLlTY               Date: 05/09/2023\n\n          Emp1oyee: RYDELL, ANDREW J          D0B: 06/l4/l990\n';
    expect(patientIdentity({ id: 'd', file: 'fax.txt', text, pages: [{ page: 1, start: 0, end: text.length }] } as never)).toMatchObject({ dob: '1990-06-14', surname: 'rydell' });
  });
});

describe('copy-forward', () => {
  it('a treatment sentence carried into later notes is history after its first note', () => {
    const doc = textDoc([
      'DATE OF SERVICE: 06/15/2021\nHPI: Currently in PT 3x/week, progressing well with exercises.\n',
      '\fDATE OF SERVICE: 11/16/2021\nHPI: Currently in PT 3x/week, progressing well with exercises.\n',
    ].join(''));
    const encounters = splitEncounters(doc);
    const facts = extractFacts(doc, encounters);
    markCopiedForward(facts, encounters);
    const pt = facts.filter((f) => f.type === 'treatment' && f.attributes.modality === 'physical_therapy');
    expect(pt.map((f) => [f.date, f.temporality])).toEqual([['2021-06-15', 'current'], ['2021-11-16', 'historical']]);
    expect(pt[1].context.at(-1)?.trigger).toBe('copied forward from the note of 2021-06-15');
  });
  it.each([
    ['(2) CHF: titrate GDMT per cardiology; cardiac rehab.', 'CHF: titrate GDMT per cardiology; cardiac rehab.'],
    ['A/P: (1) CHF: titrate GDMT per cardiology; cardiac rehab.', 'chf: titrate gdmt per cardiology;   cardiac rehab.'],
    ['2. Continue cardiac rehab.', 'Continue cardiac rehab.'],
  ])('a sentence carried forward under another list number is the same sentence: %s', (a, b) => {
    expect(sentenceKey(a)).toBe(sentenceKey(b));
  });
  it('short repeated plans ("Continue HEP.") are each visit\'s own', () => {
    const doc = textDoc('DATE OF SERVICE: 06/15/2021\nPlan: Continue HEP.\n\fDATE OF SERVICE: 09/15/2021\nPlan: Continue HEP.\n');
    const encounters = splitEncounters(doc);
    const facts = extractFacts(doc, encounters);
    markCopiedForward(facts, encounters);
    expect(facts.filter((f) => f.type === 'treatment').every((f) => f.temporality === 'current')).toBe(true);
  });
});

describe('recalled care', () => {
  it('a sentence opening "Despite …" lists history, whatever it names', () => {
    const doc = textDoc('GOLDEN STATE PAIN INSTITUTE\nDATE OF SERVICE: 07/12/2022   Provider: Nadia Farouk, MD\nDespite physical therapy (36 visits), three lumbar sympathetic blocks, pregabalin and a spinal cord stimulator trial, he still cannot walk more than 100 feet.\n');
    const facts = extractFacts(doc, splitEncounters(doc)).filter((f) => f.type === 'treatment');
    expect(facts.length).toBeGreaterThan(1);
    expect(facts.every((f) => f.temporality === 'historical')).toBe(true);
  });
});
