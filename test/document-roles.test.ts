import { describe, expect, it } from 'vitest';
import { classifyDocument, documentParts, roleAt } from '../src/segment/document-role.js';
import { processDocument } from '../src/pipeline.js';
import { textDoc } from './helpers/extract-doc.js';

const role = (text: string, file = 'record.txt') => classifyDocument(textDoc(text, file));

describe('document roles: administrative papers', () => {
  it.each([
    ['exhibit list', 'SOCIAL SECURITY ADMINISTRATION\nEXHIBIT LIST\nClaimant: Jane Q. Doe', 'exhibit_list'],
    ['claimant function report', 'FUNCTION REPORT - ADULT (Form SSA-3373-BK)\nName: Jane Doe', 'claimant_statement'],
    ["representative's brief", 'SMITH & JONES DISABILITY LAW, LLC\nPRE-HEARING BRIEF\nRe: Jane Doe', 'representative'],
    ["claimant's objection and DIME request", 'ROE LAW, LLC\nOctober 29, 2024\nColorado Division of Workers\' Compensation - DIME Unit\nCLAIMANT\'S OBJECTION TO FINAL ADMISSION OF LIABILITY DATED 10/08/2024\nAND NOTICE AND PROPOSAL FOR FOLLOW-UP DIVISION IME', 'claims'],
    ["representative's memorandum", 'ROE & DOE, LLC\n1 State Street, Erie PA\n                 DRAFT 12/09/2024\nPRE-HEARING MEMORANDUM\nTo: Administrative Law Judge\nRe: Jane Doe', 'representative'],
    ['custodian declaration', 'DECLARATION OF CUSTODIAN OF RECORDS\nRe: Jane Doe', 'records_custodian'],
    ['utilization review', 'ACME REVIEW SERVICES\nUTILIZATION REVIEW DETERMINATION\nRequest: lumbar ESI', 'utilization_review'],
    ['a California IMR decision', 'MAXIMUS FEDERAL SERVICES - California Independent Medical Review\nFINAL DETERMINATION LETTER', 'utilization_review'],
    ["a health plan's notice of adverse benefit determination", 'ACME COMMUNITY HEALTH PLAN - Medicaid Managed Care\nUtilization Management Department, P.O. Box 1\nNOTICE OF ADVERSE BENEFIT DETERMINATION\nService requested: Hyaluronic acid injection series, right knee', 'utilization_review'],
    ['nurse case manager', 'APEX CARE\nNURSE CASE MANAGEMENT REPORT\nClaimant: Doe', 'claims'],
    ['employer job description', 'ACME WIDGETS INC.\nJOB DESCRIPTION - Warehouse Loader', 'employer'],
    ['pharmacy profile', 'DISCOUNT PHARMACY\nPATIENT PRESCRIPTION PROFILE', 'pharmacy'],
    ['designated doctor request', 'TRINITY PLAINS INDEMNITY COMPANY - CLAIM FILE\nREQUEST FOR DESIGNATED DOCTOR EXAMINATION (DWC Form-032) - carrier copy\nPurpose of examination (boxes checked):\n  [X] A. Maximum medical improvement (MMI)', 'claims'],
    ['ombudsman letter', 'OFFICE OF INJURED EMPLOYEE COUNSEL - Waco Field Office\n(Ombudsman program)\nRE: Dustin R. Kimbrough', 'claims'],
    ["a representative's index of records", 'ROE & DOE, PLLC\n600 S. Capitol Avenue, Lansing, MI\n                         INDEX OF MEDICAL AND CLAIM RECORDS\n            Doe v Acme Supply, Inc.', 'exhibit_list'],
    ["a magistrate's opinion and order", '                                 STATE OF MICHIGAN\n               WORKERS\' DISABILITY COMPENSATION AGENCY - BOARD OF MAGISTRATES\nJOHN DOE,\n          Plaintiff,\nv                                   Docket No. 21-0117342', 'adjudication'],
    ["a marine adjuster's maintenance and cure letter", 'DELTA MARINE ADJUSTING, INC.\nMarine Casualty & P&I Claims\nMarch 22, 2022\nDear Mr. Doe:\nThis office handles maintenance and cure on behalf of the P&I underwriters.', 'claims'],
    ['a letter-spaced exhibit list title', '                 E X H I B I T   L I S T\nClaimant: Jane Q. Doe', 'exhibit_list'],
    ["a firm's fax cover, its letterhead under a rule of asterisks",
      '*****************\n   F A C S I M I L E   T R A N S M I T T A L\n*****************\nROE-DOE WORKERS\' COMPENSATION LAW, APC\n1 Main St, Fresno, CA\nDATE: 01/22/2024\nTO: File review\nFROM: paralegal\nRE: Doe, John v. Acme Markets\nMESSAGE: Defense is taking the position he is P&S per the PR-4.', 'representative'],
  ])('%s is administrative', (_n, text, kind) => {
    const r = role(text);
    expect(r.role).toBe('administrative');
    expect(r.kind).toBe(kind);
    expect(r.evidence[0].quote.length).toBeGreaterThan(0);
  });

  it("reads a letter's own title below its letterhead, date and address block", () => {
    const letter = ['CROSSRIDGE SPINE SPECIALISTS, PLLC', 'Neurosurgery - Interventional Spine - Physiatry', '2417 N. Gloster Place, Tupelo, MS', '', 'September 10, 2024', '',
      'Disability Determination Services', 'Attn: Medical Records Unit', 'P.O. Box 1271, Jackson, MS', '', 'RE:  Request for medical evidence dated 09/03/2024', '',
      '                         CERTIFICATION OF NO RECORDS', '', 'NO RECORDS FOUND. This patient has not been seen by any provider of Crossridge Spine Specialists.'].join('\n');
    expect(role(letter, 'Ex 4F - Crossridge Spine Specialists.txt').kind).toBe('records_custodian');
  });

  it("reads a letter's subject line: a pain practice's records response is a custodian's paper, not its clinical record", () => {
    const letter = ['PINE HOLLOW PAIN & SPINE SPECIALISTS, PLLC', 'Interventional Pain Medicine  |  Physical Medicine & Rehabilitation', '100 Main St, Anytown, MS', '', 'May 2, 2024', '',
      'Roe Disability Advocates', 'Attn: J. Roe', '', 'RE:  Records request - DOE, JANE   DOB 01/01/1980', '', 'Dear Mr. Roe:', '',
      '   [X]  No records found. This patient has not been seen in our practice.', 'Interventional procedures such as epidural steroid injections are scheduled only after an office evaluation.'].join('\n');
    expect(role(letter, '6F Letters - Pine Hollow.txt').kind).toBe('records_custodian');
  });

  it('a Disability Determination Explanation carries the state agency consultants\' opinions: a non-examining source, not the claimant\'s statement', async () => {
    const text = 'Disability Determination Explanation\nThis claim has been determined at the Reconsideration level.\nRESIDUAL FUNCTIONAL CAPACITY: occasionally lift 20 pounds.';
    expect(role(text, '08_DDS_Disability_Determination_Explanation.txt')).toMatchObject({ role: 'examining', kind: 'examining_opinion' });
    const { sourceRole } = await import('../src/analyze/mmi-sources.js');
    const enc = { id: 'd#e1', documentId: 'd', file: 'd.txt', start: 0, end: 1, provider: {}, specialty: 'unknown', kind: 'unknown', evidence: [], source: 'note', documentRole: 'examining', documentTitle: 'Disability Determination Explanation' } as const;
    expect(sourceRole({ ...enc, evidence: [] })).toBe('non_examining');
  });

  it('reads the file name when the title says nothing', () => {
    expect(role('Dear Dr. Brown,\nPlease find enclosed...', 'Carrier_Adjuster_Letters_2023.txt').kind).toBe('claims');
    expect(role('Decision: denied.', '8F_HealthPlan_PriorAuth_Denial_2023-08-02.txt').kind).toBe('utilization_review');
    // (An orthopaedic practice's notes filed with its prior-authorization papers are the practice's notes.)
    expect(role('OFFICE VISIT    DOS: 07/23/2024\nHPI: knee pain.\nEXAM: effusion.\nA/P: MRI; prior authorization submitted.', 'Ortho_Notes_PriorAuth_Jul2024.txt').role).toBe('clinical');
  });

  it('"RFA" in a file name is a request for authorization only when the paper reads as no clinical note', () => {
    const note = 'ESTABLISHED PATIENT - MEDICATION MANAGEMENT    DOS: 01/18/2023\nHPI: back pain returned.\nEXAM: Facet loading positive.\nA/P: Repeat medial branch RFA. RTC 3 months.';
    expect(role(note, '9F_PainMgmt_2023-2024_FollowUps_RFA_MSS.txt').role).toBe('clinical');
    expect(role('Dear Adjuster,\nPlease find enclosed the request.', 'Carrier_RFA_2023.txt').role).toBe('administrative');
  });

  it.each([
    ['Employer IME - Dr Whitcomb.txt', 'examining'],
    ['Employer Medical Dept and FROI-1.txt', 'clinical'],
    ['TriCounty_C-2F_EmployerFirstReport.txt', 'administrative'],
    ['GCPC_Employer_JobDescription_Loader.txt', 'administrative'],
  ])('a file name naming the employer is read with the rest of the name: %s → %s', (file, expected) => {
    const letter = 'HAROLD J. WHITCOMB, M.D.\nOne SeaGate, Toledo\n\nJanuary 12, 2024\n\nRE: Raymond T. Kessler\nDear Mr. Vang:\nAt your request I examined Mr. Kessler.';
    expect(role(letter, file).role).toBe(expected);
  });

  it('a fax banner naming a law office or a claims unit is not the paper\'s title', () => {
    const text = '05/30/2023 10:14  FROM: CLINIC  TO: SMITH DISABILITY LAW  P. 1/4\nRIVERSIDE ORTHOPAEDICS\nPROGRESS NOTE\nDATE OF SERVICE: 03/01/2023\nHPI: knee pain.\nAssessment: OA.\nPlan: HEP.';
    expect(role(text).role).toBe('clinical');
  });
});

describe('document roles: clinical and examining papers', () => {
  it.each([
    ['progress note', 'VALLEY ORTHO\nPROGRESS NOTE\nDate of service: 01/02/2024'],
    ['medical source statement from an advocate\'s form', 'MEDICAL SOURCE STATEMENT (Treating Physician)\n[Form supplied by Doe Disability Advocates]'],
    ['operative report', 'GENERAL HOSPITAL\nOPERATIVE REPORT\nProcedure: L4-5 microdiscectomy'],
    ['records with a law firm letterhead but a note\'s headings', 'JONES LAW FIRM - records copy\nHPI: neck pain after MVC.\nEXAM: tender C5-6.\nASSESSMENT: strain.'],
    ['a PR-2 whose ticked purpose includes a request for authorization', 'SAN JOAQUIN ORTHOPAEDIC ASSOCIATES\nPR-2   Patient: Doe, Jane  DOB 11/03/1978\nDate of exam: 01/09/2024\n [ ] Periodic report  [X] Change in treatment plan  [X] Request for authorization\nS: pain after a pop at work.'],
  ])('%s is clinical', (_n, text) => expect(role(text).role).toBe('clinical'));

  it.each([
    ['IME', 'INDEPENDENT MEDICAL EXAMINATION\nExaminee: John Roe'],
    ['consultative examination', 'INTERNAL MEDICINE CONSULTATIVE EXAMINATION\nFor: State DDS'],
    ['designated doctor', 'JANE SMITH, M.D. - DWC Designated Doctor\nREPORT OF MEDICAL EVALUATION'],
    ['a designated doctor report naming the request', 'SANDRA Q. PETTIGREW, M.D.  *  DWC Designated Doctor\nDESIGNATED DOCTOR EXAMINATION - NARRATIVE REPORT\nDWC Order for Designated Doctor Examination dated: 02/16/2024 (request DWC-032 filed by carrier 02/05/2024)'],
    ['a forensic examiner\'s letterhead', 'JOHN ROE, MD\nNeurology - Forensic & Independent Medical Evaluations\nRe: Examinee Jane Doe'],
    ['a Rule 35 examination', 'RULE 35 MEDICAL EXAMINATION (Ariz. R. Civ. P. 35)\nRetained by: counsel for Defendant'],
    ['a defense medical examination', 'DEFENSE MEDICAL EXAMINATION\nPlaintiff: Jane Doe'],
    ['a records review whose title sits below the address block, under a letterhead naming "Independent Medical Review"', 'JOHN ROE, M.D., F.A.A.O.S.\nOrthopaedic Surgery - Independent Medical Review\n100 Main Street, Atlanta, GA\n\nApril 22, 2024\n\nJane Voss, Esq.\nVoss & Lyle LLP\n191 Peachtree Street\nAtlanta, GA 30303\n\nRE: Doe v. Roe\n     MEDICAL RECORDS REVIEW (NO EXAMINATION)\n\nDear Ms. Voss:\nAt your request I reviewed the records.'],
    ['a peer review', 'CLEARWATER MEDICAL REVIEW, LLC\nPEER REVIEW REPORT  (records review - no examination)\nDate of report: 11/20/2023'],
    ['a medical-legal consultant\'s letterhead', 'JOHN ROE, M.D.  -  Orthopaedic Surgery  -  Medical-Legal Consultation\nPO Box 1, Atlanta, GA\n\nMay 22, 2024\n\nDear Ms. Voss:\nAt your request I have reviewed the records.'],
    ['a records review titled in the subject block with a bracketed note', 'JOHN ROE, M.D.\nPO Box 1, Atlanta, GA\n\nMay 22, 2024\n\nVoss LLP\nAttn: Jane Voss, Esq.\nRe:   Doe v. Acme Grocers\n      RECORDS REVIEW (no examination performed)\n\nDear Ms. Voss:'],
    ['a surgical opinion counsel asked for', 'VALLEY NEUROSURGERY, P.C.\nJohn Roe, MD\nPatient: Jane Doe     DOB 01/01/1980     Date: 09/19/2023\nReferred by: Mary Poe, Esq. (Poe & Lee, LLC) - surgical opinion requested\nNEW PATIENT SURGICAL CONSULTATION\nHPI: neck pain after a rear-end collision.\nEXAM: Spurling negative.\nASSESSMENT: facet pain.'],
  ])('%s is examining', (_n, text) => expect(role(text).role).toBe('examining'));
  it.each([
    ['a school\'s special-education records', 'KENT VALLEY PUBLIC SCHOOLS - Office of Special Education\n\nMULTIDISCIPLINARY EVALUATION TEAM (MET) REPORT - TRIENNIAL REEVALUATION\nStudent: Jane Doe     Grade: 11\nRELATED SERVICES: OT consult 30 min/month; PT consult 30 min/month.'],
    ['an education plan', 'INDIVIDUALIZED EDUCATION PROGRAM (IEP)\nStudent: Jane Doe\nSupports: extended time, elevator pass.'],
  ])('%s is a school\'s evaluation, not treatment', (_n, text) => expect(role(text)).toMatchObject({ role: 'examining', kind: 'school_record' }));
  it('a treating clinic an attorney sent the claimant to, with no opinion asked for, is clinical', () => {
    expect(role('GATEWAY CHIROPRACTIC\nPatient: Jane Doe\nReferred by: Mary Poe, Esq.\nINITIAL EXAMINATION 11/09/2022\nS: neck pain after MVC.').role).toBe('clinical');
  });
});

describe('document parts', () => {
  const text = 'REGIONAL HOSPITAL\nRelease of Information\nTO: Smith Disability Law\nEnclosed: discharge summary.\nRECORDS REQUEST RESPONSE\nInvoice attached.\nDISCHARGE SUMMARY\nAdmit: 05/18/2021  Discharge: 05/20/2021\nS/p right TKA. Plan: PT daily.\n';
  it('a clinical title after a cover letter starts a clinical part', () => {
    const doc = textDoc(text);
    const r = classifyDocument(doc);
    const parts = documentParts(doc, r);
    expect(roleAt(parts, text.indexOf('Invoice'))).toBe('administrative');
    expect(roleAt(parts, text.indexOf('S/p right TKA'))).toBe('clinical');
  });

  it("an EHR print's labelled encounter heading, with its date and time, starts the clinical part", () => {
    const print = ['DESERT BLOOM COMMUNITY HEALTH CENTER', 'RELEASE OF INFORMATION -- RECORDS PRINT', 'Requested by: Sandoval Pryce Disability Advocates', 'Contents: Encounter notes (3), lab results', '',
      'ENCOUNTER: OFFICE VISIT -- NEW PATIENT                          Date of service: 03/15/2022  09:20', 'Provider: Anselm P. Brightwater, MD (Family Medicine)', 'HPI: low back pain for a couple of years.'].join('\n');
    const doc = textDoc(print);
    const parts = documentParts(doc, classifyDocument(doc));
    expect(roleAt(parts, print.indexOf('Requested by'))).toBe('administrative');
    expect(roleAt(parts, print.indexOf('HPI'))).toBe('clinical');
  });

  it('a one-page fax cover with no note below it is administrative throughout, however its title is spaced', () => {
    const cover = ['F A X   T R A N S M I T T A L', 'TO: File review', 'FROM: records desk', 'RE: Doe, John', 'MESSAGE: Defense takes the position he is P&S.'].join('\n');
    const doc = textDoc(cover);
    expect(roleAt(documentParts(doc, classifyDocument(doc)), cover.indexOf('P&S'))).toBe('administrative');
    const note = [cover, 'SUBJECTIVE: shoulder pain 4/10.', 'ASSESSMENT: s/p RCR.'].join('\n');
    const noteDoc = textDoc(note);
    expect(roleAt(documentParts(noteDoc, classifyDocument(noteDoc)), note.indexOf('s/p RCR'))).toBe('clinical');
  });

  it('an administrative paper yields no encounters and no facts', () => {
    const doc = textDoc('HOLLIS LAW, LLC\nPRE-HEARING BRIEF\nDATE OF SERVICE: 03/01/2023\nHis surgeon has effectively found him permanent and stationary. He had 40 PT visits and two epidural injections.');
    const out = processDocument(doc);
    expect(out.facts).toEqual([]);
    expect(out.encounters).toEqual([]);
  });
});

describe('examiner role marked on a state form', () => {
  const form = (marks: [string, string]) => `TEXAS DEPARTMENT OF INSURANCE, DIVISION OF WORKERS' COMPENSATION\nDWC FORM-069  REPORT OF MEDICAL EVALUATION\n1. Injured Employee's Name: John Roe\n16. Certifying doctor's role:\n    [${marks[0]}] Treating doctor\n    [${marks[1]}] Designated doctor selected by the Division\n18. [X] I certify that the injured employee reached MMI on 06/02/2023.\n`;
  it('a marked designated-doctor box makes the report examining', () => {
    const r = role(form([' ', 'X']));
    expect(r.role).toBe('examining');
    expect(r.evidence[0].quote).toMatch(/Designated doctor/);
  });
  it('the treating doctor\'s copy of the same form (designated doctor unmarked) stays clinical', () => {
    expect(role(form(['X', ' '])).role).toBe('clinical');
  });
});

describe('an examination and the treating source\'s answer filed with it', () => {
  const file = [
    'PUGET ROW MEDICAL EXAMINERS, PLLC',
    'INDEPENDENT MEDICAL EXAMINATION',
    'Worker: Example Person     DOB: 02/27/1981     Claim: BJ00000',
    'Date of examination: 02/27/2024',
    'Examiner: Sheldon V. Roe, MD, Orthopaedic Surgery',
    'OPINIONS:',
    '  2. The worker is at maximum medical improvement with respect to the industrial injury of 05/10/2022.',
    'Sheldon V. Roe, MD        Report signed 03/01/2024',
    '',
    'ATTENDING PROVIDER REVIEW OF INDEPENDENT MEDICAL EXAMINATION (IME) REPORT',
    'Claim: BJ00000     Worker: Example Person     IME date: 02/27/2024     IME examiner: S. V. Roe, MD',
    ' [ ] I concur with the IME report.',
    ' [X] I do not concur with the IME report.',
    'Comments: The worker is not fixed and stable; revision repair is scheduled 03/19/2024.',
    '',
    'Attending provider: Lena S. Doe, DO          Date: 03/08/2024',
    '',
  ].join('\n');
  it('are two papers: the examiner\'s, and the treating source\'s dated when signed, neither an examination by the other', () => {
    const encounters = processDocument(textDoc(file, '09_IME_Roe_and_AP_Response.txt')).encounters;
    expect(encounters.map((e) => [e.date, e.documentRole, e.kind === 'ime', e.provider.name])).toEqual([
      ['2024-02-27', 'examining', true, 'Sheldon V. Roe'],
      ['2024-03-08', 'clinical', false, 'Lena S. Doe'],
    ]);
  });
});
