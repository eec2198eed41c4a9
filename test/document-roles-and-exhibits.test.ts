import { describe, expect, it } from 'vitest';
import { textDoc } from './helpers/extract-doc.js';
import { processDocument } from '../src/pipeline.js';
import { of } from './helpers/facts-of.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI).
 */

describe('papers that are not care', () => {
  it('a lawyer\'s mediation submission is administrative', async () => {
    const { classifyDocument } = await import('../src/segment/document-role.js');
    const doc = textDoc('HOLLIS & BAPTISTE, LLC\nTrial Lawyers\n200 Galleria Parkway SE, Atlanta, GA\n\nDecember 4, 2023\n\nCONFIDENTIAL MEDIATION SUBMISSION\nRe: Doe v. Roe Markets\n\nI. FACTS. She slipped in a puddle.\n');
    expect(classifyDocument(doc)).toMatchObject({ role: 'administrative', kind: 'representative' });
  });
  it('an insurer\'s admission of liability is a claim paper, whatever exam its notice names', async () => {
    const { classifyDocument } = await import('../src/segment/document-role.js');
    const text = 'STATE OF COLORADO - DIVISION OF WORKERS\' COMPENSATION\nFINAL ADMISSION OF LIABILITY\n\nDate of MMI: 06/27/2023 (per ATP)\nNOTICE TO CLAIMANT: if you dispute MMI, request a Division Independent Medical Examination within 30 days.\n';
    expect(classifyDocument(textDoc(text, '10_FAL_DIME_Application_2023.txt')).role).toBe('administrative');
    expect(classifyDocument(textDoc(text.replace('FINAL ADMISSION', 'GENERAL ADMISSION'), 'GAL_Amended.txt')).role).toBe('administrative');
  });
  it('an informed refusal\'s "Recommended procedure:" line is a plan, not an operation done', () => {
    const t = of('INFORMED REFUSAL OF RECOMMENDED TREATMENT\nRecommended procedure: Right shoulder arthroscopy, labral debridement, paralabral cyst decompression.\n', 'treatment')
      .filter((f) => f.attributes.modality === 'surgery');
    expect(t.filter((f) => f.attributes.status === 'performed')).toEqual([]);
  });
  it('a similar name with another birth date is another patient', async () => {
    const { findMisfiled } = await import('../src/segment/identity.js');
    const mk = (file: string, head: string) => ({ ...textDoc(`${head}\nNote text.\n`), file, id: file });
    const found = findMisfiled([
      mk('a.txt', 'Patient: HUTTO, RAYMOND E    DOB: 02/27/1968'),
      mk('b.txt', 'Patient: HUTTO, RAYMOND E    DOB: 02/27/1968'),
      mk('c.txt', 'Patient: HUTTON, RAYMOND D    DOB: 09/14/1954'),
      mk('d.txt', 'Patient: CALLOWAY-ORTIZ, RENATA    DOB: 02/27/1968'),
    ]);
    expect([...found.keys()]).toEqual(['c.txt']);
  });
});

describe('the treating doctor answering an examination is not the examiner', () => {
  it('a progress report titled as a response to the IME is the treating doctor\'s', async () => {
    const { classifyEncounter } = await import('../src/segment/classify.js');
    expect(classifyEncounter('DOCTOR\'S PROGRESS REPORT (C-4.2) / RESPONSE TO IME      Date of exam: 6/18/2024', '', 'MD').specialty).not.toBe('ime');
  });
  it('a file named for an IME concurrence is not an examination', async () => {
    const { classifyDocument } = await import('../src/segment/document-role.js');
    const text = 'INLAND SPINE & REHABILITATION MEDICINE\n\nFOLLOW-UP VISIT\nDate of service: 08/09/2023      Provider: Anjali Doe, MD\nS: No change. Back 3/10.\nO: Exam unchanged. ODI 26%.\nA: Lumbar sprain, resolved radiculopathy.\nP: Continue meloxicam. Walking.\nFollow-up 3 months.\n\nI have reviewed the panel report and concur.\n';
    expect(classifyDocument(textDoc(text, '08_Inland_Spine_APF_IME_Concurrence_2023.txt')).role).toBe('clinical');
    expect(classifyDocument(textDoc(text, '07_IME_Panel_Report_2023.txt')).role).toBe('examining');
  });
  it('a treating note that opens by reviewing the IME report is the treating doctor\'s; an IME whose title follows its letterhead is the examiner\'s', async () => {
    const { classifyDocument } = await import('../src/segment/document-role.js');
    const note = '11/14/2023 14:51  FAX (304)555-0147  EXAMPLE ORTHO & SPORTS MED  TO: EXAMPLE PLLC  P.001/006\nEXAMPLE ORTHOPAEDICS & SPORTS MEDICINE\n300 Example Rd, Suite 210, Beckley, WV 25801\n\nFOLLOW-UP\nDATE OF SERVICE: 02/07/2023     Marcus Doe, MD\nPatient: Roe, Travis L   DOB 09/14/1978   WC Claim 2022017364\nReviewed IME report of Dr. H. Voss dated 01/17/2023 (received 02/01/2023).\nInterval: HEP daily. Pain 4/10.\nASSESSMENT: postoperative adhesive capsulitis. I respectfully disagree with Dr. Voss. Mr. Roe is not at MMI.\n';
    expect(classifyDocument(textDoc(note, '09_Example_Ortho_2023.txt')).role).toBe('clinical');
    const ime = 'EXAMPLE INDEPENDENT MEDICAL EVALUATIONS, PLLC\nHarlan Doe, MD\n1 Example St, Charleston, WV\n\nINDEPENDENT MEDICAL EVALUATION\nDate of examination: 01/17/2023\nI examined Mr. Roe at the request of the claim administrator.\n';
    expect(classifyDocument(textDoc(ime, 'report.txt')).role).toBe('examining');
  });
  it('an emergency record whose letterhead gives its release-of-information fax number is all clinical', async () => {
    const { classifyDocument, documentParts } = await import('../src/segment/document-role.js');
    const doc = textDoc('EXAMPLE BAY MEDICAL CENTER - EMERGENCY DEPARTMENT\n455 Example Rd, Warwick RI   |   ED 401-555-0600   |   HIM/Release of Information Fax 401-555-0619\n\nPATIENT: DOE, COLLEEN M       DOB: 02/27/1986\nARRIVAL: 05/12/2023 18:31   BY: Fire Rescue 3\nHPI: Rear-ended at a light. Neck pain 7/10.\nEXAM: Midline cervical tenderness. Neuro intact.\nASSESSMENT: Cervical strain.\nPLAN: Cyclobenzaprine 5 mg qhs. Follow up with PCP in 3-5 days.\n', 'ED_2023-05-12.txt');
    expect(documentParts(doc, classifyDocument(doc)).map((p) => p.role)).toEqual(['clinical']);
  });
  it('a retired surgeon\'s "Independent Evaluations" letter on an "Examinee" is an examination', async () => {
    const { classifyDocument } = await import('../src/segment/document-role.js');
    const text = 'JANE EXAMPLE, M.D.  -  Orthopaedic Surgery  -  Independent Evaluations\n100 Example Ave, Tulsa, Oklahoma\n\nDecember 27, 2024\n\nRE:  Examinee: John Sample    DOB 02/14/1988\n     Examination under 12 O.S. 3235 on 12/16/2024\n\nHISTORY: As per records.\n';
    expect(classifyDocument(textDoc(text, 'Example_Report_12-16-2024.txt')).role).toBe('examining');
    expect(classifyDocument(textDoc('December 27, 2024\n\nDear Ms. Example:\nI examined Mr. Sample on 12/16/2024 at your request.\n', 'Example_DefenseExam_2024.txt')).role).toBe('examining');
  });
  it('exhibits attached to a representative\'s letter: a clinic\'s letter is clinical, the letter around it is not', async () => {
    const { classifyDocument, documentParts } = await import('../src/segment/document-role.js');
    const text = 'HALVORSEN & TRAN, PLLC\nAttorneys at Law\n\nPROTEST AND REQUEST FOR RECONSIDERATION\nThe claimant protests the closing order.\n\nEXHIBIT 7\nVALLEYVIEW CHIROPRACTIC & WELLNESS, PLLC\n\nOctober 20, 2023\n\nIn my professional opinion she is not at maximum medical improvement.\nWade Doe, DC\n';
    const doc = textDoc(text, '09_Attorney_Protest_and_Letter.txt');
    const role = classifyDocument(doc);
    expect(role.role).toBe('administrative');
    const parts = documentParts(doc, role);
    expect(parts.map((p) => p.role)).toEqual(['administrative', 'clinical']);
    expect(text.slice(parts[1].start)).toMatch(/^EXHIBIT 7/);
  });
});

describe('records under a custodian\'s certification', () => {
  it('the first dated visit heading begins the records, whatever its title', async () => {
    const { classifyDocument, documentParts } = await import('../src/segment/document-role.js');
    const text = 'SAGUARO ORTHOPEDIC & SPORTS MEDICINE, LLC\nPhone (480) 555-0150\n\nRECORDS CERTIFICATION: The attached 14 pages are true copies of records kept in the regular course\nof business.  /s/ Yolanda Roe, Custodian of Records   03/27/2024\n\n=========\nNEW PATIENT CONSULTATION                 DATE OF SERVICE: April 12, 2022\nCHIEF COMPLAINT: Bilateral knee pain.\nPlan: Meloxicam. Return 6 weeks.\n';
    const doc = textDoc(text);
    const parts = documentParts(doc, classifyDocument(doc));
    expect(parts.map((p) => p.role)).toEqual(['administrative', 'clinical']);
    expect(processDocument(doc).encounters.map((e) => e.date)).toEqual(['2022-04-12']);
  });
});
