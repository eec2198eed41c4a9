import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';
import { textDoc } from './helpers/extract-doc.js';
import { analyzeCase } from '../src/analyze/index.js';
import { classifyDocument, documentParts, roleAt } from '../src/segment/document-role.js';
import { classifyEncounter } from '../src/segment/classify.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { findProviders } from '../src/segment/providers.js';
import { readCsvLedger } from '../src/ingest/ledger.js';
import { processDocument } from '../src/pipeline.js';
import { patientIdentity } from '../src/segment/identity.js';
import { visitFacts } from '../src/extract/visits.js';
import type { Encounter } from '../src/model/index.js';
import { CaseBuilder, type ProviderSpec } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';
import { documentGaps } from './helpers/document-gaps.js';
import { rule as mentalHealth } from '../src/analyze/gaps/rules/mental-health-unaddressed.js';

/** Synthetic wording throughout; every name, number and date is invented. */

const statuses = (body: string) => of(body, 'treatment').map((f) => [f.attributes.modality, f.attributes.status, f.temporality]);
const mmiKinds = (body: string) => of(body, 'mmi_statement').map((f) => [f.attributes.kind, f.temporality]);

describe('care priced, allowed or turned down is not care given', () => {
  it.each([
    ['- Future surgery estimate $38,500 - verbal from the surgeon\'s office manager (02/12/2024).', 'surgery'],
    ['Intra-articular injections and bracing are reasonable from a cardiac standpoint.', 'joint_injection'],
  ])('%s', (body, modality) => {
    expect(statuses(body).filter(([m]) => m === modality).every(([, , t]) => t === 'hypothetical')).toBe(true);
  });
  it('a switch discussed and put aside by the claimant ("He prefers to stay on current therapy") is declined', () => {
    const body = 'Discussed switching to a JAK inhibitor (upadacitinib) vs staying on secukinumab. He prefers to stay on current therapy given stable labs.';
    expect(of(body, 'treatment').filter((f) => f.attributes.drug === 'upadacitinib').map((f) => f.attributes.status)).toEqual(['declined']);
  });
  it.each([
    ['the injection given today is still given', '- R knee injection today (triamcinolone 40 mg), tolerated well.', 'performed', 'current'],
  ])('%s', (_, body, status, temporality) => expect(statuses(body)).toContainEqual(['joint_injection', status, temporality]));
});

describe('a list of bookings holds no visit', () => {
  const note = (list: string) => [
    'POST-OP VISIT #2                                          DOS: 02/21/2023',
    'Cast off; removable orthosis. Union not yet established. CT at about 12 weeks.',
    '',
    list,
    '',
  ].join('\n');
  it.each([
    ['FUTURE APPOINTMENTS (as of print date 04/05/2023)\n\n 04/11/2023  Northside Imaging - CT R wrist (ordered by clinic)\n 04/18/2023  Dr. Roe - post-op / CT review            Status: BOOKED'],
    ['Upcoming appointments:\n 04/11/2023  Northside Imaging - CT R wrist\n 04/18/2023  Post-op visit - Dr. Roe'],
  ])('%#', (list) => {
    expect(splitEncounters(textDoc(note(list))).map((e) => e.date)).toEqual(['2023-02-21']);
  });
  it('a booked review is planned, not done', () => {
    const { facts } = processDocument(textDoc(note('FUTURE APPOINTMENTS (as of print date 04/05/2023)\n\n 04/18/2023  Dr. Roe - post-op / CT review            Status: BOOKED')));
    const booked = facts.filter((f) => f.type === 'treatment' && /BOOKED/.test(f.evidence[0].quote));
    expect(booked.map((f) => f.type === 'treatment' && f.attributes.status)).toEqual(['planned']);
  });
});

describe('dates that open no visit, and headers that do', () => {
  it.each([
    ['a billing statement\'s date', 'CHIROPRACTIC CENTER - VISIT LOG / LIEN BALANCE\nTOTAL  28 visits\nStatement date: 09/30/2024\n', '2024-09-30'],
    ['the date of the letter answered', 'March 25, 2024\n\nRE:   Jane Doe     DOB 02/11/1946\n      Your letter of 02/29/2024\n\nDear Counsel:\nIn response to your questions ...\n', '2024-02-29'],
    ['a records request forwarded', 'Records release - per authorization\nNote: Narrative report request dated 02/27/2024 forwarded to provider.\n\nOFFICE VISIT - NEW PATIENT                    DOS: 07/27/2023\nAnkle pain.\n', '2024-02-27'],
  ])('%s', (_, text, date) => expect(splitEncounters(textDoc(text)).map((e) => e.date)).not.toContain(date));
  it('a dated title closed by a note in brackets opens its visit', () => {
    const text = [
      '08/17/2023 - NEW PATIENT CONSULTATION  (Spanish interpreter, in person: R. Salinas)',
      'History: bilateral hand numbness.',
      '',
      '10/06/2023 - POST-OP #1 (10 days)  (interpreter: phone)',
      'Wounds healed.',
      '',
    ].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2023-08-17', '2023-10-06']);
  });
  it('a letter filed among the notes is a paper of its own, dated by itself', () => {
    const text = [
      'DOS: 04/23/2024     Provider: A. Roe, DPM     Visit: ROUTINE FOLLOW-UP',
      'P: Continue CROW, cane. RTC 12 weeks.',
      '                                                     Page 9 of 11',
      '---------------------------------------------------------------------',
      'CORRESPONDENCE                                             Date: 09/28/2021',
      'Dear Dr. Doe,',
      'I have placed her in a total contact cast and ordered an MRI.',
      '',
    ].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2024-04-23', '2021-09-28']);
  });
});

describe('a visit log\'s status column names no provider', () => {
  it('"VENKATARAMAN    CANCELLED BY PT" is a visit cancelled by the patient, not a therapist', () => {
    const text = 'VISIT HISTORY\n  11/29/2022  F/U                   VENKATARAMAN    COMPLETED\n  01/10/2023  F/U                   VENKATARAMAN    CANCELLED BY PT\n';
    expect(findProviders(text, 0, text.length).map((m) => m.provider.name)).toEqual([]);
  });
  it('"(assigned by RBA Designee)" is no signature: "signed by" inside another word signs nothing', () => {
    const text = 'Rehabilitation specialist: Karl Ostrowe, CRC (assigned by RBA Designee)\nExaminer: Marguerite Lindqvist, D.O. (attending physician)\nCosigned by: Ann Roe, MD\n';
    expect(findProviders(text, 0, text.length).map((m) => m.provider.name)).toEqual(['Marguerite Lindqvist', 'Ann Roe']);
  });
});

describe('a letter is signed by its writer, not its addressee', () => {
  it.each([
    ['Sincerely, Raymond J. Doe, MD, FACC', 'Raymond J. Doe', 'MD'],
    ['Respectfully, Anne Roe, DO', 'Anne Roe', 'DO'],
    ['Sincerely, Julien P. Roe, DDS, MD', 'Julien P. Roe', 'DDS, MD'],
  ])('%s', (line, name, credential) => {
    const text = `To: Bradley K. Roe, MD, Eastern Shore Orthopaedics\nDr. Roe: I would not recommend surgery now.\n${line}\n`;
    expect(findProviders(text, 0, text.length).map((m) => m.provider)).toEqual([{ name, credential }]);
  });
});

describe('document roles: what the paper is, not the folder it was printed from', () => {
  it.each([
    ['SSA ELECTRONIC FOLDER - EXHIBITS 2F / 7F (combined by representative) - Foot & Ankle\nClaimant: Jane Doe\n\nDOS: 09/28/2021     Provider: A. Roe, DPM     Visit: NEW PATIENT\nCC: swollen foot.\nEXAM:\n  Vascular: DP 1/4.\nA: Charcot foot.\nP: Total contact cast.\n', 'notes.txt', 'clinical'],
    ['SSA ELECTRONIC FOLDER - EXHIBIT LIST\n1F  Urgent care 09/2021\n2F  Podiatry 2021-2024\n', 'efolder.txt', 'administrative'],
    ['REGIONAL VOCATIONAL SERVICES, INC.\nSupported Employment Program\nSUPPORTED EMPLOYMENT - INDIVIDUAL PLAN / PLACEMENT SUMMARY     Date: 06/05/2023\nMedical status: seizure disorder has reached maximum medical improvement per family.\n', 'voc.txt', 'administrative'],
    ['DOE & ROE, P.C. - CLIENT INJURY QUESTIONNAIRE (completed by client, typed by staff)\nClient: Jane Doe\n1. Describe how you were hurt: I fell.\n', 'intake.txt', 'administrative'],
    ['DOE & ROE, P.C.\nPersonal Injury - Premises Liability - Wrongful Death\n\nFebruary 27, 2024\n\nDear Dr. Roe:\nPlease answer the following questions.\n', 'letters.txt', 'administrative'],
    ['GREAT LAKES CASE MANAGEMENT SERVICES, INC.\nField Nurse Services\n\nFIELD NURSE REPORT - MONTHLY     Report period: 05/01/2023 - 05/31/2023\nFrom a nursing standpoint the claimant appears to have reached MMI.\n', 'nurse.txt', 'administrative'],
  ])('%#: %s', (text, file, role) => expect(classifyDocument(textDoc(text, file)).role).toBe(role));
  it('a payer\'s notice inside a therapy file is the payer\'s paper', () => {
    const text = [
      'BOONE VALLEY PHYSICAL THERAPY - DAILY NOTE  03/14/2022',
      'Therapist: A. Roe, PT, DPT',
      'S: Walking more with the CROW; no falls.',
      'O: Gait training with CROW and cane, 150 ft x 3.',
      'A: Improving endurance.',
      'P: Continue 2x/week.',
      '',
      'DAILY NOTE  03/28/2022',
      'Therapist: A. Roe, PT, DPT',
      'S: Foot sore after the long walk on Sunday.',
      'O: Gait training with CROW and cane, 200 ft x 3. Balance drills.',
      'A: Tolerating progression.',
      'P: Continue plan of care.',
      '',
      'DISCHARGE SUMMARY  04/04/2022',
      'Goals met. Independent with home program.',
      '',
      'HEARTLAND SELECT PPO - UTILIZATION MANAGEMENT',
      'December 12, 2023',
      'NOTICE OF ADVERSE BENEFIT DETERMINATION',
      'Decision: Replacement CROW request - DENIED.',
      '',
    ].join('\n');
    const doc = textDoc(text, 'po-pt.txt');
    const parts = documentParts(doc, classifyDocument(doc));
    expect(roleAt(parts, text.indexOf('Decision'))).toBe('administrative');
    expect(roleAt(parts, text.indexOf('Gait'))).toBe('clinical');
  });
  it("an insurer's letter filed behind the physician's statement is the insurer's paper", () => {
    const text = [
      'ATTENDING PHYSICIAN STATEMENT (APS) - LONG TERM DISABILITY',
      'Physician: Anjali R. Roe, MD   Specialty: Pulmonology',
      '4. Treatment: nintedanib; oxygen 2 L with exertion; pulmonary rehab started 01/10/2022.',
      'Signature: /s/ A. R. Roe MD     Date: 02/10/2022',
      '',
      'ACME SUMMIT LIFE INSURANCE COMPANY - GROUP DISABILITY CLAIMS',
      '',
      'September 20, 2022',
      '',
      'Jane Doe',
      '1 Main Street, Lancaster, OH',
      '',
      'Dear Ms. Doe:',
      'Based on the information in your file, you appear to have reached maximum medical improvement as of January 2022.',
      '',
    ].join('\n');
    const doc = textDoc(text, 'ltd.txt');
    const parts = documentParts(doc, classifyDocument(doc));
    expect(roleAt(parts, text.indexOf('Based on'))).toBe('administrative');
    expect(roleAt(parts, text.indexOf('4. Treatment'))).toBe('clinical');
  });
  it("an insurer's nurse consultant review filed behind the physician's statement is the insurer's paper", () => {
    const text = [
      'ATTENDING PHYSICIAN STATEMENT (APS) - Long Term Disability',
      'Physician: Thaddeus W. Roe, MD   Specialty: Pulmonology',
      ...Array.from({ length: 14 }, (_v, i) => `${i + 1}. Treatment: inhalers, oxygen 2 L, pulmonary rehab completed 07/21/2022; follow-up every 2-3 months.`),
      '8. Has the patient reached maximum medical improvement? [ ] Yes  [ ] No',
      ...Array.from({ length: 14 }, (_v, i) => `${i + 9}. Restrictions: no exposure to fumes or dust, no lifting over 10 lb, no stairs or ladders.`),
      'Signature: /s/ T. W. Roe MD     Date: 08/09/2022',
      '                                                     Page 1 of 2',
      '\f',
      'ACME LIFE & DISABILITY INSURANCE COMPANY',
      'CLINICAL REVIEW - NURSE CONSULTANT',
      'Review date: 11/28/2023   Reviewer: Dana Doe, RN, BSN, CCM',
      "Assessment: Claimant's condition reached maximum medical improvement in August 2022 upon completion of pulmonary rehabilitation.",
      '',
    ].join('\n');
    const doc = textDoc(text, 'ltd.txt');
    const parts = documentParts(doc, classifyDocument(doc));
    expect(roleAt(parts, text.indexOf('Assessment'))).toBe('administrative');
    expect(roleAt(parts, text.indexOf('Physician:'))).toBe('clinical');
  });
  it.each([
    ['GATEWAY FOOT & ANKLE SPECIALISTS, LLC\nProvider: Nikhil R. Roe, DPM', 'DPM', 'podiatry'],
    ['Podiatry follow-up. Nail debridement 1-5 bilat.', 'DPM', 'podiatry'],
  ])('%s', (head, credential, specialty) => expect(classifyEncounter(head, head, credential).specialty).toBe(specialty));
});

describe('MMI named by someone else, asked about, or waiting on an operation long done', () => {
  it.each([
    ['Per SW assessment for disability paperwork, pt\'s condition is permanent and stationary.'],
    ['Adj states NCM feels pt "at MMI."'],
    ['Also asks about "the MMI paperwork" his attorney mentioned.'],
    ['Seen by referee Dr. Roe 11/14/2023; he has a copy of her report finding MMI.'],
    ['I have written to his attorney (11/12/2024) regarding MMI and the need for surgery.'],
    ['My 02/07/2023 MMI opinion was based on an intact repair.'],
    ['An MMI opinion cannot stand when the structure it was based on has failed.'],
    ['Patient has reached maximum chiropractic improvement (MMI) for cervical and lumbar sprain/strain.'],
  ])('%s states nothing', (body) => expect(mmiKinds(body).filter(([k, t]) => t === 'current' && k !== 'plateau')).toEqual([]));
  it('"Patient is not at MMI. Re-evaluate after surgery." says what it waits for', () => {
    expect(of('Patient is not at MMI. Re-evaluate after surgery.', 'mmi_statement').map((f) => f.attributes.awaits)).toEqual(['operation']);
    expect(of('Patient is not at MMI. Continue PT.', 'mmi_statement').map((f) => f.attributes.awaits)).toEqual([undefined]);
  });
  it('a withdrawal dated just before its verb is history in a later letter', () => {
    const body = 'In summary: initial MMI 10/14/2021; recurrence on MRI 02/03/2022, at which point (02/15/2022) I withdrew that MMI date and rating.';
    const withdrawals = of(body, 'mmi_statement').filter((f) => f.attributes.kind === 'not_at_mmi');
    expect(withdrawals.length).toBeGreaterThan(0);
    expect(withdrawals.every((f) => f.temporality === 'historical' && f.context.some((c) => c.trigger === 'withdrawn on 2022-02-15'))).toBe(true);
  });
});

describe('MMI: a pre-operative template line after the operation', () => {
  const SURGEON: ProviderSpec = { name: 'T. Roe', credential: 'MD', specialty: 'orthopedic_surgery' };
  const record = (awaits: boolean) => {
    const b = new CaseBuilder()
      .visit('2022-01-18', { ...SURGEON, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'L5-S1 TLIF.')
      .visit('2022-10-18', SURGEON).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
      .visit('2023-01-24', SURGEON).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
      .visit('2023-04-25', SURGEON).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
      .visit('2024-01-30', SURGEON).fact('mmi_statement', { kind: 'not_at_mmi', ...(awaits ? { awaits: 'operation' as const } : {}) }, 'Patient is not at MMI.');
    return b;
  };
  it('is the template\'s: the maintenance phase stands', () => {
    const b = record(true);
    const a = analyzeCase(b.input({ type: 'workers_comp', onset: '2021-03-09' }));
    expectValidCitations(a, b.documents());
    expect([a.mmi.status, a.mmi.date]).toEqual(['implied', '2022-10-18']);
  });
  it('a "not at MMI" that waits for nothing still holds MMI open', () => {
    expect(analyzeCase(record(false).input({ type: 'workers_comp', onset: '2021-03-09' })).mmi.status).toBe('not_reached');
  });
});

describe('MMI: a referral made again, nothing under way', () => {
  const PHYSIATRIST: ProviderSpec = { name: 'D. Roe', credential: 'MD', specialty: 'physiatry' };
  const record = (plan: string) => new CaseBuilder()
    .visit('2023-02-01', { ...PHYSIATRIST, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'L5-S1 interlaminar ESI.')
    .visit('2023-05-16', PHYSIATRIST).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'duloxetine' }, 'Continue duloxetine 60 mg.')
    .visit('2023-11-28', PHYSIATRIST).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'duloxetine' }, 'Continue duloxetine 60 mg.')
    .visit('2024-06-18', PHYSIATRIST).fact('plan_signal', { signal: 'referral', target: 'aquatic therapy' }, plan);
  it('to non-surgical care is insufficient evidence: the first was never kept', () => {
    const b = record('4. Re-refer to aquatic therapy -- referral re-sent today.');
    const a = analyzeCase(b.input({ type: 'ssdi', onset: '2021-08-01' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi.status).toBe('insufficient_evidence');
    expect(a.mmi.reasons[0].text).toMatch(/^The record ends with a referral/);
  });
  it('a first referral onward is the specialist\'s plan still running', () => {
    expect(analyzeCase(record('Refer to aquatic therapy.').input({ type: 'ssdi', onset: '2021-08-01' })).mmi.status).toBe('not_reached');
  });
});

describe('tables and logs that record no care', () => {
  it('a laboratory\'s results table is read without failing and gives no visit', () => {
    const csv = 'patient_name,dob,mrn_lab,collected,ordering_provider,test,result,units\nDOE JANE,01/01/1990,L1,05/24/2022,Roe,lamotrigine,6.8,ug/mL\n';
    const doc = readCsvLedger('d9', 'labs.csv', Buffer.from(csv), undefined);
    expect(doc.structured?.encounters).toEqual([]);
    expect(doc.warnings.join(' ')).toMatch(/a results table/);
  });
  it('a test\'s measurements table (an audiogram export) is read without failing and gives no visit', () => {
    const csv = 'test_date,ear,ac_250,ac_500,ac_1000,ac_2000\n2021-11-03,R,25,30,45,55\n2021-11-03,L,20,25,30,40\n';
    const doc = readCsvLedger('d9', 'audiogram.csv', Buffer.from(csv), undefined);
    expect(doc.structured?.encounters).toEqual([]);
    expect(doc.warnings.join(' ')).toMatch(/a results table/);
  });
  it('a therapist\'s correspondence log rows are paperwork, not sessions', () => {
    const row = (date: string, quote: string) => ({ date, evidence: { file: 'pt.txt', page: 1, start: 0, end: quote.length, quote } });
    const enc = {
      id: 'd1#e1', documentId: 'd1', file: 'pt.txt', start: 0, end: 400, date: '2023-10-03', provider: {}, specialty: 'physical_therapy', kind: 'pt_progress', source: 'note',
      evidence: [{ file: 'pt.txt', page: 1, start: 0, end: 10, quote: '10/03/2023' }],
      visitRows: [
        row('2023-08-08', '08/08/2023  Re-eval: opening 30 mm, splint adjusted.'),
        row('2023-11-21', '11/21/2023  Called pt to ask re consult outcome - LVM.'),
        row('2024-01-29', '01/29/2024  Records request from counsel (auth rec\'d 01/22/2024) - processed.'),
      ],
    } as unknown as Encounter;
    expect(visitFacts(enc, '', true).map((f) => f.date)).toEqual(['2023-10-03', '2023-08-08']);
  });
});

describe('MMI: a referee appointed to resolve a conflict of medical opinion', () => {
  const TREATING: ProviderSpec = { name: 'N. Roe', credential: 'MD', specialty: 'orthopedic_surgery' };
  const REFEREE: ProviderSpec = { name: 'S. Doe', credential: 'MD', specialty: 'orthopedic_surgery', kind: 'ime', documentRole: 'examining', documentTitle: 'REFEREE MEDICAL EXAMINATION - IMPARTIAL MEDICAL SPECIALIST (5 U.S.C. 8123(a))' };
  const record = (title: string) => new CaseBuilder()
    .visit('2022-11-08', { ...TREATING, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Right total knee arthroplasty.')
    .visit('2023-11-14', { ...REFEREE, documentTitle: title }).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-11-14' }, 'In my opinion he reached maximum medical improvement on November 14, 2023.')
    .visit('2023-12-12', TREATING).fact('mmi_statement', { kind: 'not_at_mmi' }, 'It is my opinion that he has not reached maximum medical improvement.');
  it('carries special weight over the treating physician (FECA), whatever the state', () => {
    const b = record(REFEREE.documentTitle!);
    const a = analyzeCase(b.input({ type: 'workers_comp', onset: '2021-03-09', state: 'OH' }));
    expectValidCitations(a, b.documents());
    expect([a.mmi.status, a.mmi.date]).toEqual(['explicit', '2023-11-14']);
    expect(a.mmi.reasons.map((r) => r.text).join(' ')).toMatch(/5 U\.S\.C\. 8123\(a\)/);
    expect(a.mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/not at MMI/);
  });
  it('a party\'s own examiner does not', () => {
    const a = analyzeCase(record('INDEPENDENT MEDICAL EXAMINATION').input({ type: 'workers_comp', onset: '2021-03-09', state: 'OH' }));
    expect(a.mmi.status).not.toBe('explicit');
  });
});

describe('MMI: one sentence that names the day it was found and the day it was reached', () => {
  it('dates it by the day reached', () => {
    const DR: ProviderSpec = { name: 'A. Roe', credential: 'MD', specialty: 'orthopedic_surgery' };
    const q = 'He is at maximum medical improvement as of today\'s examination, and in my opinion he reached MMI no later than 01/08/2024.';
    const b = new CaseBuilder()
      .visit('2023-03-01', { ...DR, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Arthroscopic partial medial meniscectomy.')
      .visit('2024-02-27', DR).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-02-27' }, q).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-01-08' }, q);
    const a = analyzeCase(b.input({ type: 'workers_comp', onset: '2022-10-01' }));
    expectValidCitations(a, b.documents());
    expect([a.mmi.status, a.mmi.date]).toEqual(['explicit', '2024-01-08']);
  });
});

describe('MMI: a plan only recommended, and the file running on for months without it', () => {
  const SURGEON: ProviderSpec = { name: 'R. Roe', credential: 'DO', specialty: 'orthopedic_surgery' };
  const record = (plan: string) => new CaseBuilder()
    .visit('2023-12-05', SURGEON).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT 12 visits completed.')
    .visit('2024-03-12', SURGEON).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'Glenohumeral injection today.')
    .visit('2024-07-09', SURGEON).fact('treatment', { modality: 'surgery', status: 'recommended' }, plan);
  const withLetter = (plan: string, dated: string) => {
    const b = record(plan);
    const input = b.input({ type: 'personal_injury', onset: '2023-08-14' });
    return { b, input: { ...input, documents: [...input.documents, { file: 'demand.txt', status: 'ok' as const, warnings: [], pages: 1, encounters: [], dated }] } };
  };
  it('is insufficient evidence: the plan was not taken up, as far as the file shows', () => {
    const { b, input } = withLetter('Arthroscopic SLAP repair recommended; she wishes to wait.', '2024-10-28');
    const a = analyzeCase(input);
    expectValidCitations(a, b.documents());
    expect(a.mmi.status).toBe('insufficient_evidence');
    expect(a.mmi.reasons[0].text).toMatch(/runs on 111 days to 2024-10-28/);
  });
  it.each([
    ['the file ends soon after the visit', 'Arthroscopic SLAP repair recommended.', '2024-08-01'],
    ['the operation is booked', 'Arthroscopic SLAP repair scheduled for 11/20/2024.', '2024-10-28'],
  ])('%s: still not reached', (_, plan, dated) => {
    expect(analyzeCase(withLetter(plan, dated).input).mmi.status).toBe('not_reached');
  });
});

describe('a list item\'s number closes no bracket', () => {
  it('"Options per Dr. K: (1) resume PT x 6 wks" is an option, not a session', () => {
    expect(statuses('Options per Dr. K: (1) resume PT x 6 wks and resubmit, (2) file a member appeal.').filter(([m]) => m === 'physical_therapy').map(([, , t]) => t)).toEqual(['hypothetical']);
  });
  it('a negation inside real brackets still stops at them', () => {
    expect(of('Knee exam (no effusion), then physical therapy 2x/week continues.', 'treatment').filter((f) => f.attributes.modality === 'physical_therapy').every((f) => !f.negated)).toBe(true);
  });
});

describe('MMI: a repeated "not at MMI" line in the note that says fixed and stable', () => {
  const DR: ProviderSpec = { name: 'I. Roe', credential: 'MD', specialty: 'orthopedic_surgery' };
  it('is the template\'s: the concurrence stands', () => {
    const b = new CaseBuilder()
      .visit('2022-09-01', { ...DR, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Right rotator cuff repair.');
    for (const d of ['2022-10-01', '2022-11-15', '2023-01-10', '2023-03-01']) b.visit(d, DR).fact('treatment', { modality: 'physical_therapy', status: 'ongoing' }, 'Continue PT.').fact('mmi_statement', { kind: 'not_at_mmi' }, 'Pt is not at MMI. Continue PT.');
    b.visit('2023-07-10', DR).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-06-13' }, 'I concur that the shoulder reached maximum medical improvement as of 06/13/2023.')
      .visit('2023-08-22', DR).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-07-10' }, 'R RTC tear s/p repair - fixed and stable per concurrence 07/10/2023.', { temporality: 'historical' })
      .fact('mmi_statement', { kind: 'not_at_mmi' }, 'Pt is not at MMI. Continue PT.');
    const a = analyzeCase(b.input({ type: 'workers_comp', onset: '2022-06-01', state: 'WA' }));
    expectValidCitations(a, b.documents());
    expect([a.mmi.status, a.mmi.date]).toEqual(['explicit', '2023-06-13']);
  });
});

describe('a fracture\'s "joint-depression" is no mood disorder', () => {
  it.each([
    ['Sanders IIIAB joint-depression type intra-articular calcaneus fracture, right', 0],
    ['Lateral tibial plateau fracture with central depression of 6 mm', 0],
    ['Depression - stable on sertraline', 1],
  ])('%s', (name, n) => {
    const b = new CaseBuilder().visit('2024-01-05', { name: 'A. Roe', credential: 'MD', specialty: 'primary_care' }).fact('diagnosis', { name }, `Assessment: ${name}.`);
    expect(documentGaps(mentalHealth, 'ssdi', [], b)).toHaveLength(n);
  });
});

describe('a school packet is the student\'s its own lines name', () => {
  const packet = (student: string) => [
    'CANEY FORK COUNTY SCHOOLS - RECORDS PACKET (PART 3)',
    'Student requested: SUTHERLIN, KADEN A  (DOB 11/02/2004)',
    '',
    'SECTION 504 PLAN',
    `Student: ${student}     Student ID: 0052904     DOB: 04/17/2006`,
    'Accommodations: extended time; elevator pass.',
    '',
  ].join('\n');
  it.each([
    ['Kayden A. Sutherland', '2006-04-17', 'sutherland'],
    ['Kaden A. Sutherlin', '2006-04-17', 'sutherlin'],
  ])('Student: %s', (student, dob, surname) => {
    const id = patientIdentity(textDoc(packet(student), 'packet.txt'));
    expect([id.dob, id.surname, id.ownLine]).toEqual([dob, surname, true]);
  });
});
