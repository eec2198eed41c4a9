import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';
import { textDoc } from './helpers/extract-doc.js';
import { analyzeCase } from '../src/analyze/index.js';
import { classifyDocument } from '../src/segment/document-role.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { findProviders } from '../src/segment/providers.js';
import { findDates } from '../src/knowledge/dates.js';
import { findMisfiled, patientIdentity } from '../src/segment/identity.js';
import { CaseBuilder, type ProviderSpec } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';
import { sourceRole } from '../src/analyze/mmi-sources.js';

/** Synthetic wording throughout; every name, number and date is invented. */

describe('a statute\'s section number is not a date', () => {
  it.each([
    ['EXAMINATION PURSUANT TO O.C.G.A. 9-11-35', []],
    ['Report under § 8-3-21 of the Code', []],
    ['Section 12 exam 03/05/2023', ['2023-03-05']],
    ['Seen 9-11-23 for follow-up', ['2023-09-11']],
  ])('%s', (text, dates) => expect(findDates(text, '2024-01-01').map((d) => d.date)).toEqual(dates));
  it('a report titled by its statute is not a visit of 2035', () => {
    const doc = textDoc('DEFENSE MEDICAL EXAMINATION PURSUANT TO O.C.G.A. 9-11-35\nExaminee: J. Doe     Date of examination: 08/20/2024\n\nHistory: motorcycle crash.\n', 'dme.txt');
    expect(splitEncounters(doc).map((e) => e.date)).not.toContain('2035-09-11');
  });
});

describe('a VA (CPRS) note names its author', () => {
  it.each([
    ['DATE OF NOTE: MAR 27, 2024@09:00     AUTHOR: ROEFELD,NAOMI R MD', 'Naomi Roefeld', 'MD'],
    ['      AUTHOR: DOEKAFOR,JEROME T PSYD     STATUS: COMPLETED', 'Jerome Doekafor', 'PsyD'],
    ['/es/ JEROME T DOEKAFOR PSYD   Signed: 07/17/2024 16:45', 'Jerome T Doekafor', 'PsyD'],
    ['/es/ NAOMI R ROEFELD MD', 'Naomi R Roefeld', 'MD'],
  ])('%s', (text, name, credential) => {
    expect(findProviders(text, 0, text.length).map((m) => m.provider)).toContainEqual({ name, credential });
  });
  it('a patient named last name first on a banner is not an author', () => {
    const text = 'DOE,JANE L     XXX-XX-7731     DOB: NOV 2,1984 (39)';
    expect(findProviders(text, 0, text.length)).toEqual([]);
  });
});

describe('MMI statements: a plateau not reached, and one told of as the author\'s own earlier statement', () => {
  it.each([
    'He is not at a treatment plateau; gains continue from session to session.',
    'She has not plateaued in therapy yet.',
    'Progress has not yet plateaued.',
  ])('not at MMI: %s', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => f.temporality === 'current').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
  it('"my statement on the 06/20/2023 form that she had reached MMI was premature" tells of an old MMI', () => {
    const facts = of('In retrospect, my statement on the 06/20/2023 disability form that she had reached maximum medical improvement was premature. She is not at MMI.', 'mmi_statement');
    expect(facts.filter((f) => f.temporality === 'current').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
  it('a statement read on its own sentence is still current', () => {
    expect(of('I have reviewed my statement. She has reached maximum medical improvement.', 'mmi_statement').map((f) => f.temporality)).toEqual(['current']);
  });
});

describe('an induction course still under way is care whose response is pending', () => {
  it.each([
    ['Assessment: Lupus nephritis - partial renal response at 6 months. Still in induction.', true],
    ['Plan: continue induction. F/u 4 wks.', true],
    ['Assessment: Lupus nephritis class IV+V - INDUCTION phase.', true],
    ['Induction is complete. Now entering MAINTENANCE phase.', false],
    ['Rapid sequence induction of anesthesia was performed.', false],
  ])('%s', (text, pending) => {
    expect(of(text, 'plan_signal').some((f) => f.attributes.signal === 'response_pending')).toBe(pending);
  });
});

describe('papers of a federal claim', () => {
  it.each([
    ['HEADWATERS MEDICAL EVALUATIONS, PLLC\nScheduled through: Federal Evaluation Network (OWCP second opinion contractor)\n\nSECOND OPINION ORTHOPAEDIC EXAMINATION - 5 U.S.C. 8123\nClaimant: John Doe\n', 'exam.txt', 'examining'],
    ['U.S. DEPARTMENT OF LABOR\nOffice of Workers\' Compensation Programs\nDivision of Federal Employees\' Compensation\n\nFebruary 8, 2022\n\nDear Mr. Doe:\n\nYour claim has been accepted.\n', '09_Correspondence.txt', 'administrative'],
  ])('%#: role', (text, file, role) => expect(classifyDocument(textDoc(text, file)).role).toBe(role));
});

describe('another worker\'s faxed duty status report', () => {
  const form = (name: string, dob: string) => `DUTY STATUS REPORT  CA-17\n1. Employee's narne: ${name}          2. Date of injury: 01/18/2022\n11. Clinical findings: R knee effusion.\nDOB on chart label: ${dob}\n`;
  it('reads the OCR-damaged name field and the chart label\'s birth date', () => {
    const id = patientIdentity(textDoc(form('DOEMAN, DW1GHT A', '11/14/1966'), 'fax.txt'));
    expect({ dob: id.dob, surname: id.surname, given: id.given }).toEqual({ dob: '1966-11-14', surname: 'doeman', given: 'dwight' });
  });
  it('is set aside when the claimant\'s papers agree on another person', () => {
    const claimant = (file: string) => textDoc(`Patient: DOMAN, DWAYNE A    DOB: 03/27/1970\nOffice visit.\n`, file);
    const misfiled = findMisfiled([claimant('a.txt'), claimant('b.txt'), textDoc(form('DOEMAN, DW1GHT A', '11/14/1966'), 'fax.txt')]);
    expect([...misfiled.keys()]).toEqual(['fax.txt']);
  });
});

describe('MMI: a later opinion dated back before new care is no new MMI', () => {
  const SURGEON: ProviderSpec = { name: 'R. Doe', credential: 'MD', specialty: 'orthopedic_surgery' };
  const OTHER: ProviderSpec = { name: 'P. Roe', credential: 'MD', specialty: 'orthopedic_surgery' };
  it('the MMI found after the fusion governs; another doctor\'s later opinion dating MMI back before it neither loops nor decides', () => {
    const b = new CaseBuilder()
      .visit('2023-01-10', SURGEON).fact('mmi_statement', { kind: 'mmi' }, 'He has reached maximum medical improvement as of today.')
      .visit('2023-03-15', { ...SURGEON, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Second and third TMT fusion, right foot.')
      .visit('2023-05-01', SURGEON).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Not at MMI while the fusion heals.')
      .visit('2023-06-01', OTHER).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-01-10' }, 'In my opinion he reached MMI on 01/10/2023.')
      .visit('2023-09-01', SURGEON).fact('mmi_statement', { kind: 'mmi' }, 'He has now reached maximum medical improvement after the fusion.');
    const a = analyzeCase(b.input({ type: 'workers_comp', onset: '2022-10-11' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi.status).toBe('explicit');
    expect(a.mmi.date).toBe('2023-09-01');
    expect(a.mmi.priorMmi?.date).toBe('2023-01-10');
  });
});

describe('after a clock time, "CT" and "PT" not followed by a word are time zones', () => {
  it.each([
    ['Printed 09/26/2023 13:02 CT', 0],
    ['Faxed 03/02/2024 4:15 PM PT', 0],
    ['Received 10:42:07 PT (fax)', 0],
    ['Hearing: 10/22/2024 10:00 AM CT (video)', 0],
    ['20:40 CT reviewed - no fracture.', 1],
    ['21:40 PT gait training with crutches.', 2],
    ['Continue PT 2x/week.', 1],
    ['CT 04/19/2022 showed C5-6 narrowing.', 1],
  ])('%s', (text, n) => expect(of(text, 'treatment')).toHaveLength(n)); // (gait training with crutches: the therapy and the device)
});

describe('impairment ratings as Virginia forms write them', () => {
  it.each([
    ['Ch. 15 peripheral nerve impairment, grade modifiers applied = 9% permanent loss of use of the right upper extremity (arm).', 9, false],
    ['MMI: [X] Yes  [ ] No    Date of MMI: 04/16/2024    Permanent impairment: [X] 9% RUE (arm)', 9, false],
    ['Rated 10% loss of use of the left leg.', 10, false],
  ])('%s', (text, percent, negated) => {
    const r = of(text, 'impairment_rating');
    expect(r.map((f) => [f.attributes.percent, f.negated])).toContainEqual([percent, negated]);
  });
  it('"50% relief with use of the brace" is no rating', () => expect(of('Pain relief 50% with use of the brace.', 'impairment_rating')).toEqual([]));
});

describe('MMI: a record that ends on a primary-care referral, nothing under way', () => {
  const FNP: ProviderSpec = { name: 'A. Doe', credential: 'FNP-C', specialty: 'primary_care' };
  const SURGEON: ProviderSpec = { name: 'R. Roe', credential: 'MD', specialty: 'other' };
  const record = (lastPlan: 'referral' | 'not_at_mmi') => {
    const b = new CaseBuilder()
      .visit('2023-04-11', { ...SURGEON, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Right femoral-popliteal bypass.')
      .visit('2023-05-02', SURGEON).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'cilostazol' }, 'Continue cilostazol 100 mg BID.')
      .visit('2023-09-12', FNP).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'atorvastatin' }, 'Continue atorvastatin 40 mg.')
      .visit('2024-02-20', FNP).fact('plan_signal', { signal: 'referral', target: 'vascular surgery' }, 'Re-refer to vascular surgery for the missed graft surveillance.');
    if (lastPlan === 'not_at_mmi') b.fact('mmi_statement', { kind: 'not_at_mmi' }, 'He is not at MMI.');
    return b;
  };
  it('is insufficient evidence: whether the referral was kept is outside the file', () => {
    const b = record('referral');
    const a = analyzeCase(b.input({ type: 'ssdi', onset: '2022-10-01' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi.status).toBe('insufficient_evidence');
    expect(a.mmi.reasons[0].text).toMatch(/^The record ends with a referral \(referral \(vascular surgery\)/);
  });
  it('a specialist\'s own referral onward is that specialist\'s plan still running', () => {
    const b = record('referral');
    const input = b.input({ type: 'ssdi', onset: '2022-10-01' });
    const last = input.encounters.at(-1)!;
    const a = analyzeCase({ ...input, encounters: [...input.encounters.slice(0, -1), { ...last, specialty: 'cardiology' as const, provider: { name: 'C. Roe', credential: 'MD' } }] });
    expect(a.mmi.status).toBe('not_reached');
  });
  it('a treating "not at MMI" beside the referral still says not reached', () => {
    expect(analyzeCase(record('not_at_mmi').input({ type: 'ssdi', onset: '2022-10-01' })).mmi.status).toBe('not_reached');
  });
});

describe('a physician whose note reads like a therapy discipline\'s is still a physician', () => {
  it.each([
    [{ name: 'J. P. Roe', credential: 'DDS, MD' }, 'treating_physician'],
    [{ name: 'Ann Doe', credential: 'PT, DPT' }, 'other_treating'],
  ])('%j', (provider, role) => {
    const enc = { id: 'e', documentId: 'd', file: 'f.txt', start: 0, end: 1, provider, specialty: 'physical_therapy', kind: 'office_visit', evidence: [], source: 'note', documentRole: 'clinical' } as const;
    expect(sourceRole(enc as unknown as Parameters<typeof sourceRole>[0])).toBe(role);
  });
});

describe('Pennsylvania\'s Bureau-designated IRE physician is a state-appointed examiner', () => {
  it.each([
    ['Designated IRE physician: L. Doe, D.O.   Specialty: Physical Medicine & Rehabilitation', 'designated_doctor'],
    ['INDEPENDENT MEDICAL EXAMINATION (Section 314)', 'examining'],
  ])('%s', (title, role) => {
    const enc = { id: 'e', documentId: 'd', file: 'f.txt', start: 0, end: 1, provider: {}, specialty: 'physiatry', kind: 'ime', evidence: [], source: 'note', documentRole: 'examining', documentTitle: title } as const;
    expect(sourceRole(enc as unknown as Parameters<typeof sourceRole>[0])).toBe(role);
  });
});

describe('a chiropractor\'s supportive care: the stimulation given with each adjustment is part of it', () => {
  const DC: ProviderSpec = { name: 'T. Doe', credential: 'DC', specialty: 'chiropractic' };
  it('the maintenance phase begins when the chiropractor ends active care, e-stim and all', () => {
    const b = new CaseBuilder();
    for (const d of ['2023-06-02', '2023-06-09', '2023-06-16', '2023-06-23', '2023-07-07', '2023-07-21', '2023-08-04', '2023-08-18']) {
      b.visit(d, DC).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'CMT cervical and thoracic.')
        .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Electrical stimulation (unattended) 15 min.');
    }
    b.visit('2023-08-25', DC).fact('plan_signal', { signal: 'maintenance_care' }, 'Active care phase concluded. Patient transitioned to supportive care every 2-4 weeks.');
    for (const d of ['2023-09-08', '2023-10-06', '2023-11-03', '2023-12-08', '2024-01-05', '2024-02-02', '2024-03-01']) {
      b.visit(d, DC).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'CMT cervical, supportive visit.')
        .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Electrical stimulation (unattended) 15 min.');
    }
    const a = analyzeCase(b.input({ type: 'personal_injury', onset: '2023-05-19' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi.status).toBe('implied');
    expect(a.mmi.date! <= '2023-09-08').toBe(true);
  });
});
