import { describe, expect, it } from 'vitest';
import { splitEncounters } from '../src/segment/encounters.js';
import { textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';

/**
 * Header styles met in real longitudinal claim files (synthetic text, no PHI). Each case is a multi-visit
 * text with what the splitter must find: one row per visit, in order. Fields left out are not asserted.
 * Decisions: an ADDENDUM belongs to the visit it amends (it is not a new date of service); a DOB, print
 * date, signing date or page header never starts a visit and never dates one.
 */
interface Want { date?: string; name?: string; credential?: string; specialty?: string; kind?: string }
interface Case { name: string; text: string; want: Want[] }

const PRINT = (page: number) => `Patient: DOE, JANE  DOB: 01/02/1970  MRN: 00482913  Printed 05/01/2024 10:41  Page ${page} of 40`;

const CORPUS: Case[] = [
  {
    name: 'an ED face sheet: arrival beside the name, an embedded X-ray read by the radiologist',
    text: `BUCK CREEK COMMUNITY HOSPITAL
KOSTELNIK, LORRAINE D          MRN: BCH-00558219
DOB: 11/03/1976  (47 yrs)  F   Arrival: 05/19/2024 13:06   Dept: EMERGENCY DEPT
Coverage: MEDICAID     Attending: Jonah P. Wexford, DO
ED TRIAGE NOTE                                   05/19/2024 13:14   Kaitlyn Borden, RN
Chief Complaint: Neck Pain
BUCK CREEK COMMUNITY HOSPITAL - ED PROVIDER NOTE
HPI: 47 y.o. female with neck pain after lifting.
XR cervical spine: mild C5-6 degenerative disc disease.
Radiologist: Adaeze Nwachukwu-Hart, MD   05/19/2024 15:30
Assessment: cervical strain. Plan: NSAID, follow up with PCP.
`,
    want: [{ date: '2024-05-19', name: 'Jonah P. Wexford', kind: 'emergency_visit' }],
  },
  {
    name: 'a telephone encounter after an office visit',
    text: `MIDDLE GEORGIA ORTHOPAEDICS
DATE OF SERVICE: 03/05/2024         VISIT TYPE: Follow-up
PLAN: Revision rotator cuff repair requested. Continue PT 2x/week.
Nathaniel P. Okafor, M.D.          Electronically signed 03/05/2024 16:05

TELEPHONE ENCOUNTER                 03/18/2024 10:42       Staff: Tamsin R. Goolsby, MA (surgery scheduler)
Health plan approved revision R shoulder arthroscopy. Called patient - she wishes to proceed. Scheduled 04/16/2024.
`,
    want: [{ date: '2024-03-05' }, { date: '2024-03-18' }],
  },
  {
    name: 'titled visits with an interval and a labelled author after the date, and a telephone note',
    text: `EAST VALLEY NEUROSURGICAL ASSOCIATES          Doe, John E  EVN-220391

POSTOPERATIVE VISIT - 05/05/2022 (7 weeks)     Provider: Mark L. Tibbs, MD

History: Neck pain much improved. Hands still numb.
Plan: Start outpatient PT. Return at 6 months.

Mark L. Tibbs, MD  05/05/2022

ONE-YEAR POSTOPERATIVE VISIT - 03/16/2023     Provider: Mark L. Tibbs, MD

Assessment: Solid fusion. No further surgery indicated. Permanent restrictions.

TELEPHONE ENCOUNTER - 06/12/2023     Taken by: Stacey B., RN

Attorney office called requesting a medical source statement. Practice policy - we do not complete forms.
`,
    want: [
      { date: '2022-05-05', name: 'Mark L. Tibbs', kind: 'office_visit' },
      { date: '2023-03-16', name: 'Mark L. Tibbs', kind: 'office_visit' },
      { date: '2023-06-12', kind: 'office_visit' },
    ],
  },
  {
    name: 'DATE OF SERVICE label, separators',
    text: `Northgate Orthopedic Associates
DATE OF SERVICE: 03/14/2024
CC: Right shoulder pain since lifting injury at work.
EXAM: Positive Hawkins and Neer. Strength 4/5 in abduction.
PLAN: MRI right shoulder. Modified duty, no overhead reaching.
Electronically signed by: Paul Reyes, MD 03/14/2024 17:02

----------------------------------------------
Northgate Orthopedic Associates
DATE OF SERVICE: 04/11/2024
CC: Follow-up right shoulder; MRI showed partial thickness supraspinatus tear.
PLAN: Subacromial injection today. Continue modified duty.
Electronically signed by: Paul Reyes, MD 04/12/2024 08:15
`,
    want: [
      { date: '2024-03-14', name: 'Paul Reyes', credential: 'MD', specialty: 'orthopedic_surgery' },
      { date: '2024-04-11', name: 'Paul Reyes', credential: 'MD', specialty: 'orthopedic_surgery' },
    ],
  },
  {
    name: 'DOS without colon, two-digit years',
    text: `DOS 3/14/24
Chiropractic visit
S: Pt states LBP 6/10, worse after sitting at desk.
O: L4-L5 segmental dysfunction, hypertonic paraspinals.
A: Lumbar sprain, improving.
P: CMT lumbar 98940, return 2x/wk.
Jane Roe, D.C.

DOS 3/18/24
Chiropractic visit
S: LBP 5/10.
P: CMT lumbar 98940.
Jane Roe, D.C.

DOS 3/21/24
Chiropractic visit
S: LBP 4/10, sleeping better.
P: CMT lumbar 98940. Re-exam in 2 wks.
Jane Roe, D.C.
`,
    want: [
      { date: '2024-03-14', name: 'Jane Roe', credential: 'DC', specialty: 'chiropractic' },
      { date: '2024-03-18', name: 'Jane Roe', specialty: 'chiropractic' },
      { date: '2024-03-21', name: 'Jane Roe', specialty: 'chiropractic' },
    ],
  },
  {
    name: 'Date of Visit with month names',
    text: `Valley Family Medicine
Date of Visit: March 14, 2024
Provider: Linda Park, MD
HPI: 52 y/o presents for low back pain after MVA on 02/27/2024. Taking ibuprofen.
Assessment: Lumbar strain. Plan: PT referral, follow up 4 weeks.

Valley Family Medicine
Date of Visit: April 11, 2024
Provider: Linda Park, MD
HPI: Back pain persists at 6/10 despite 4 weeks of PT.
Assessment: Lumbar radiculopathy suspected. Plan: MRI L-spine.
`,
    want: [
      { date: '2024-03-14', name: 'Linda Park', credential: 'MD', specialty: 'primary_care', kind: 'office_visit' },
      { date: '2024-04-11', name: 'Linda Park', credential: 'MD', specialty: 'primary_care', kind: 'office_visit' },
    ],
  },
  {
    name: 'Visit Date ISO',
    text: `Visit Date: 2024-03-14
Clinician: Omar Haddad, PA-C
Subjective: Neck pain 5/10 after rear-end collision.
Assessment/Plan: Cervical strain. Cyclobenzaprine 5 mg qhs.

Visit Date: 2024-03-28
Clinician: Omar Haddad, PA-C
Subjective: Neck pain 3/10.
Assessment/Plan: Improving. Continue home stretches.
`,
    want: [
      { date: '2024-03-14', name: 'Omar Haddad', credential: 'PA-C' },
      { date: '2024-03-28', name: 'Omar Haddad', credential: 'PA-C' },
    ],
  },
  {
    name: 'Encounter Date dd-Mon-yyyy',
    text: `Encounter Date: 14-Mar-2024
Department: Pain Management
Attending: Sunil Varma, MD
HPI: Chronic lumbar radicular pain. s/p L5-S1 TFESI with 50% relief.
Plan: Repeat TFESI.

Encounter Date: 02-May-2024
Department: Pain Management
Attending: Sunil Varma, MD
HPI: Pain back to baseline 7/10.
Plan: Consider SCS trial.
`,
    want: [
      { date: '2024-03-14', name: 'Sunil Varma', specialty: 'pain_management' },
      { date: '2024-05-02', name: 'Sunil Varma', specialty: 'pain_management' },
    ],
  },
  {
    name: 'EHR encounter list: date, time, type, inverted provider',
    text: `03/14/2024 10:32 AM  Office Visit  Smith, John MD
Reason for visit: Low back pain follow-up.
Assessment: Lumbar disc herniation L4-5. Plan: continue gabapentin.

04/02/2024 2:15 PM  Office Visit  Smith, John MD
Reason for visit: Back pain, worse.
Assessment: Refer to pain management for ESI.

04/30/2024 9:00 AM  Telephone Encounter  Nguyen, Thao RN
Patient called asking about ESI scheduling.
`,
    want: [
      { date: '2024-03-14', name: 'John Smith', credential: 'MD' },
      { date: '2024-04-02', name: 'John Smith', credential: 'MD' },
      { date: '2024-04-30', name: 'Thao Nguyen', credential: 'RN' },
    ],
  },
  {
    name: 'PROGRESS NOTE with em dash',
    text: `PROGRESS NOTE — 3/14/2024
Spine & Pain Institute
S: LBP 7/10 radiating to L leg.
A/P: L5 radiculopathy; schedule L5-S1 TFESI.
Sunil Varma, MD

PROGRESS NOTE — 4/18/2024
Spine & Pain Institute
S: 60% relief after TFESI.
A/P: Continue HEP.
Sunil Varma, MD
`,
    want: [
      { date: '2024-03-14', name: 'Sunil Varma', specialty: 'pain_management', kind: 'office_visit' },
      { date: '2024-04-18', name: 'Sunil Varma', specialty: 'pain_management', kind: 'office_visit' },
    ],
  },
  {
    name: 'Seen: label',
    text: `Seen: 3/14/24
Occupational Health Clinic
Work status: modified duty, no lifting over 20 lb.
Provider: Grace Olsen, DO

Seen: 3/28/24
Occupational Health Clinic
Work status: modified duty continues.
Provider: Grace Olsen, DO
`,
    want: [
      { date: '2024-03-14', name: 'Grace Olsen', credential: 'DO', specialty: 'occupational_medicine' },
      { date: '2024-03-28', name: 'Grace Olsen', credential: 'DO', specialty: 'occupational_medicine' },
    ],
  },
  {
    name: 'Service Date label',
    text: `Service Date: 01/09/2024
Rendering Provider: Maya Patel, DPT
Physical therapy treatment note. Therapeutic exercise 97110 x3 units.

Service Date: 01/11/2024
Rendering Provider: Maya Patel, DPT
Physical therapy treatment note. Manual therapy 97140 x2 units.
`,
    want: [
      { date: '2024-01-09', name: 'Maya Patel', credential: 'DPT', specialty: 'physical_therapy', kind: 'pt_progress' },
      { date: '2024-01-11', name: 'Maya Patel', credential: 'DPT', specialty: 'physical_therapy', kind: 'pt_progress' },
    ],
  },
  {
    name: 'EHR print header on every page; visit spans a page break',
    text: `${PRINT(3)}
Lakeview Internal Medicine
Date of Service: 02/05/2024
HPI: Diabetic with chronic neck pain. Reports numbness in right hand.
\f${PRINT(4)}
Exam: Spurling positive on the right.
Plan: EMG right upper extremity.
Signed: Karen Wu, MD
\f${PRINT(5)}
Lakeview Internal Medicine
Date of Service: 03/04/2024
HPI: EMG confirmed C6 radiculopathy.
Plan: Neurosurgery referral.
Signed: Karen Wu, MD
`,
    want: [
      { date: '2024-02-05', name: 'Karen Wu', credential: 'MD', specialty: 'primary_care' },
      { date: '2024-03-04', name: 'Karen Wu', credential: 'MD', specialty: 'primary_care' },
    ],
  },
  {
    name: 'print header with the visit date repeated on each page',
    text: `SUNRISE HEALTH   Patient: ROE, MARK   DOS: 06/03/2024   Page 1 of 2
Orthopedic Clinic Note
HPI: Left knee pain after fall from ladder.
\fSUNRISE HEALTH   Patient: ROE, MARK   DOS: 06/03/2024   Page 2 of 2
Plan: MRI left knee. Electronically signed by Ana Ruiz, MD on 06/04/2024 09:12
\fSUNRISE HEALTH   Patient: ROE, MARK   DOS: 07/01/2024   Page 1 of 1
Orthopedic Clinic Note
HPI: MRI shows medial meniscus tear. Plan: arthroscopy.
Electronically signed by Ana Ruiz, MD on 07/01/2024 16:40
`,
    want: [
      { date: '2024-06-03', name: 'Ana Ruiz', specialty: 'orthopedic_surgery' },
      { date: '2024-07-01', name: 'Ana Ruiz', specialty: 'orthopedic_surgery' },
    ],
  },
  {
    name: 'PT daily flowsheet visit numbers',
    text: `Bayside Physical Therapy
Visit #11 of 20 — 03/28/2024
Pain 5/10. Therex 97110 x2, manual 97140 x1.
Therapist: Maya Patel, PT, DPT

Visit #12 of 20 — 04/02/2024
Pain 4/10. Therex 97110 x2, NMR 97112 x1.
Therapist: Maya Patel, PT, DPT

Visit #13 of 20 — 04/04/2024
Pain 4/10. Tolerated progression of lifting to 15 lb.
Therapist: Maya Patel, PT, DPT
`,
    want: [
      { date: '2024-03-28', name: 'Maya Patel', credential: 'PT, DPT', specialty: 'physical_therapy', kind: 'pt_progress' },
      { date: '2024-04-02', specialty: 'physical_therapy', kind: 'pt_progress' },
      { date: '2024-04-04', specialty: 'physical_therapy', kind: 'pt_progress' },
    ],
  },
  {
    name: 'chiropractic SOAP run with bare date lines',
    text: `Spinal Health Chiropractic Center

03/04/2024
S: Neck pain 6/10, HA 3x/wk.
O: C5-C6 subluxation, decreased rotation.
A: Cervical sprain/strain.
P: CMT cervical, 98940.

03/06/2024
S: Neck pain 5/10.
O: Improved rotation.
P: CMT cervical, 98940.

03/08/2024
S: Neck pain 5/10. Missed work 1 day.
P: CMT cervical, 98940.
Tom Becker, DC
`,
    want: [
      { date: '2024-03-04', specialty: 'chiropractic' },
      { date: '2024-03-06', specialty: 'chiropractic' },
      { date: '2024-03-08', name: 'Tom Becker', credential: 'DC', specialty: 'chiropractic' },
    ],
  },
  {
    name: 'procedure note and radiology',
    text: `Spine & Pain Institute
PROCEDURE NOTE
PROCEDURE DATE: 05/02/2024
Procedure: Left L5-S1 transforaminal epidural steroid injection under fluoroscopy.
Performed by: Sunil Varma, MD

==============================
Metro Imaging Center
MRI LUMBAR SPINE WITHOUT CONTRAST
EXAM DATE: 02/20/2024
FINDINGS: L4-5 broad-based disc protrusion with mild foraminal narrowing.
IMPRESSION: L4-5 disc protrusion.
Interpreting Physician: Helen Cho, MD

==============================
Metro Imaging Center
XR LUMBAR SPINE 2 VIEWS
DATE OF EXAM: 06/10/2024
IMPRESSION: No acute fracture.
Radiologist: Helen Cho, MD
`,
    want: [
      { date: '2024-05-02', name: 'Sunil Varma', specialty: 'pain_management', kind: 'procedure_note' },
      { date: '2024-02-20', name: 'Helen Cho', specialty: 'radiology', kind: 'imaging' },
      { date: '2024-06-10', name: 'Helen Cho', specialty: 'radiology' },
    ],
  },
  {
    name: 'EMG report then IME',
    text: `ELECTRODIAGNOSTIC REPORT
Date of Study: 07/15/2024
Referring: Karen Wu, MD
Nerve conduction studies: prolonged right median distal latency.
Needle EMG: fibrillation potentials and positive sharp waves in right C6 myotomes.
Impression: Right C6 radiculopathy.
Examiner: Victor Lam, MD

------------------------------------------
INDEPENDENT MEDICAL EXAMINATION
Date of Examination: September 9, 2024
Date of Injury: 01/15/2024
Records reviewed: 212 pages.
The claimant has reached maximum medical improvement.
Examiner: Ruth Feld, MD
`,
    want: [
      { date: '2024-07-15', name: 'Victor Lam', specialty: 'neurology', kind: 'emg' },
      { date: '2024-09-09', name: 'Ruth Feld', specialty: 'ime', kind: 'ime' },
    ],
  },
  {
    name: 'letters dated at the top',
    text: `Coastal Orthopedic Surgery
100 Harbor Way

May 3, 2024

Re: Jane Doe
DOB: 01/02/1970

Dear Dr. Wu:
I saw Ms. Doe in consultation for her right shoulder. She has failed conservative care.
I recommend arthroscopic rotator cuff repair.

Sincerely,
Paul Reyes, MD

------------------------------------------
Coastal Orthopedic Surgery
100 Harbor Way

August 22, 2024

Re: Jane Doe
DOB: 01/02/1970

To Whom It May Concern:
Ms. Doe is 10 weeks status post rotator cuff repair. She may not lift over 10 lb.

Sincerely,
Paul Reyes, MD
`,
    want: [
      { date: '2024-05-03', name: 'Paul Reyes', specialty: 'orthopedic_surgery' },
      { date: '2024-08-22', name: 'Paul Reyes', specialty: 'orthopedic_surgery' },
    ],
  },
  {
    name: 'addendum stays with its visit; signing date is not the visit date',
    text: `Riverside Spine & Pain Specialists
DATE OF SERVICE: 03/14/2024
HPI: Low back pain 7/10.
PLAN: Await MRI.
Electronically signed by John Smith, MD on 03/15/2024 09:12

ADDENDUM 03/20/2024
MRI reviewed: L4-5 protrusion. Will schedule ESI.
Electronically signed by John Smith, MD on 03/20/2024 14:03

Riverside Spine & Pain Specialists
DATE OF SERVICE: 04/09/2024
HPI: Post ESI 50% relief.
Electronically signed by John Smith, MD on 04/09/2024 17:30
`,
    want: [
      { date: '2024-03-14', name: 'John Smith', specialty: 'pain_management' },
      { date: '2024-04-09', name: 'John Smith', specialty: 'pain_management' },
    ],
  },
  {
    name: 'OCR noise on a scanned page',
    text: `Lakeside Physical Therapy
DAT E OF SERVICE: 03/14/2O24
S: Pt reports pain 6/1O with sitting > 20 min.
O: Lumbar flexion 40 deg.
Therapist: Mary Lee, PT
\f. ' Lakeside Physical Therapy
DATE 0F SERV ICE: O4/02/2024
S: Pain 5/10.
Therapist: Mary Lee, PT
`,
    want: [
      { date: '2024-03-14', name: 'Mary Lee', specialty: 'physical_therapy' },
      { date: '2024-04-02', name: 'Mary Lee', specialty: 'physical_therapy' },
    ],
  },
  {
    name: 'Epic note header: type by author at date',
    text: `Progress Notes by Linda Park, MD at 3/14/2024 10:32 AM
Author: Linda Park, MD  Service: Family Medicine
HPI: Low back pain, 8 weeks. Assessment: lumbar strain. Plan: PT.

Progress Notes by Linda Park, MD at 4/11/2024 9:05 AM
Author: Linda Park, MD  Service: Family Medicine
HPI: Back pain improving with PT. Plan: continue PT.
`,
    want: [
      { date: '2024-03-14', name: 'Linda Park', credential: 'MD', specialty: 'primary_care' },
      { date: '2024-04-11', name: 'Linda Park', credential: 'MD', specialty: 'primary_care' },
    ],
  },
  {
    name: 'a hand surgeon\'s chronological notes: an operation logged on its day in one line, "See operative report"',
    text: `IOWA HAND & UPPER EXTREMITY CENTER, P.C.
Gregory A. Vandersloot, MD - Hand Surgery

05/17/2023   CONSULTATION
Bilateral carpal tunnel syndrome. Recommend R open carpal tunnel release - request authorization.

06/13/2023   SURGERY (Cedar Falls Surgery Center) - Right open carpal tunnel release. See operative report.

06/26/2023   POST-OP #1 (13 days)
Incision healing, sutures removed. Start hand therapy.
`,
    want: [{ date: '2023-05-17' }, { date: '2023-06-13', kind: 'unknown' }, { date: '2023-06-26' }],
  },
  {
    name: 'a pain clinic\'s log: "PROCEDURE  01/31/2024  R SGB #2. …" rows run in, between follow-ups',
    text: `BAYOU INTERVENTIONAL PAIN - Nadia F. Sonnier, MD

FOLLOW-UP  12/05/2023
Budapest signs present. Plan R stellate ganglion block series.
PROCEDURE  01/10/2024  R stellate ganglion block #1, US-guided, C6 level. No complications.
PROCEDURE  01/31/2024  R SGB #2. Interval report: about 70% relief for 5 days after #1.

FOLLOW-UP  03/12/2024
SGB #3: about 50% relief for 2 weeks.
`,
    want: [{ date: '2023-12-05' }, { date: '2024-01-10' }, { date: '2024-01-31' }, { date: '2024-03-12' }],
  },
  {
    name: 'an ED record dated by "Visit 01/19/2023" on the patient line',
    text: `QUINSIGAMOND MEMORIAL HOSPITAL - EMERGENCY DEPARTMENT
Patient: COSTA, ALANA M      DOB 05/30/1979      MRN QM-2207196      Visit 01/19/2023  Arrival 19:05
TRIAGE 19:12: 43 y/o F restrained driver, rear-ended. Neck pain 7/10.
Assessment: cervical strain.
                                                          e-signed Ingrid P. Lowell, MD 01/19/2023 22:04
`,
    want: [{ date: '2023-01-19' }],
  },
  {
    name: 'a study and a pre-operative H&P after the previous note\'s signature; an operative report dated with its facility "(ASC)"',
    text: `OCEAN STATE SPINE & REHABILITATION - Nadia R. Sutherland, DO
==================================================================================================
01/08/2024  FOLLOW-UP
Plan: EMG/NCS right upper extremity.
/s/ Nadia R. Sutherland, DO
==================================================================================================
02/06/2024  ELECTRODIAGNOSTIC STUDY - RIGHT UPPER EXTREMITY
NCS: Right median and ulnar sensory/motor normal.
/s/ Nadia R. Sutherland, DO

08/13/2024  PRE-OPERATIVE HISTORY AND PHYSICAL
Procedure planned: C5-6 cervical disc arthroplasty.

OPERATIVE REPORT 09/17/2024 - North Loop Surgery Center (ASC)
Procedure: C5-6 cervical disc arthroplasty.
`,
    want: [{ date: '2024-01-08' }, { date: '2024-02-06' }, { date: '2024-08-13' }, { date: '2024-09-17', kind: 'operative_report' }],
  },
  {
    name: 'dated visit headings signed with a dotted "M.D.", and an imaging exam line whose date is on its wrapped second line',
    text: `APPONAUG PRIMARY CARE ASSOCIATES
Patient: Doe, Colleen M    DOB 02/27/1986    PCP: Hannah Sample, M.D.

======================================================================================================
05/16/2023  OFFICE VISIT - ED FOLLOW-UP (MVC 05/12/2023)               Hannah Sample, M.D.
S: Neck pain 6/10.

======================================================================================================
07/11/2023  OFFICE VISIT                                               Hannah Sample, M.D.
S: Chiropractic 3x/week since 05/22.

EXAM: MR ARTHROGRAM LEFT SHOULDER (intra-articular gadolinium, fluoroscopic guidance)
      (CPT 23350, 73222)                                      DATE: 03/14/2024
IMPRESSION: Partial-thickness articular-sided supraspinatus tear.
`,
    want: [{ date: '2023-05-16' }, { date: '2023-07-11' }, { date: '2024-03-14' }],
  },
  {
    name: 'a procedure note titled with its date and the facility where it was done',
    text: `COASTAL EXAMPLE SPINE & PAIN, P.A.
FOLLOW-UP - 05/09/2023
Plan: C7-T1 interlaminar ESI.

PROCEDURE NOTE - 05/24/2023                 Facility: Bay Road ASC (affiliated)
Procedure: C7-T1 interlaminar epidural steroid injection under fluoroscopy.
`,
    want: [{ date: '2023-05-09' }, { date: '2023-05-24', kind: 'procedure_note' }],
  },
  {
    name: 'a psychiatrist\'s visit titles joined by "+", each with its date at the right',
    text: `EXAMPLE HILL PSYCHIATRY, PLLC
INITIAL PSYCHIATRIC EVALUATION                                                  04/11/2023
Plan: psychotherapy every 2-3 months.

PSYCHOTHERAPY VISIT (45 min) + MED REVIEW                                       06/20/2023
Finished CPT. Plan: continue q2-3 months.

PSYCHOTHERAPY VISIT (45 min) + MED REVIEW                                       09/12/2023
Started aripiprazole (VA) 2 weeks ago.
`,
    want: [{ date: '2023-04-11' }, { date: '2023-06-20' }, { date: '2023-09-12' }],
  },
];

function failures(c: Case): string[] {
  const doc = textDoc(c.text);
  const encs = splitEncounters(doc);
  const out: string[] = [];
  if (encs.length !== c.want.length) out.push(`count ${encs.length} ≠ ${c.want.length} (${encs.map((e) => e.date).join(', ')})`);
  c.want.forEach((w, i) => {
    const e = encs[i];
    if (!e) return;
    const got = { date: e.date, name: e.provider.name, credential: e.provider.credential, specialty: e.specialty, kind: e.kind };
    for (const k of Object.keys(w) as (keyof Want)[]) if (got[k] !== w[k]) out.push(`#${i + 1} ${k}: ${got[k]} ≠ ${w[k]}`);
  });
  return out;
}

describe('splitEncounters on varied header styles', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(failures(c)).toEqual([]);
    const doc = textDoc(c.text);
    expectValidCitations(splitEncounters(doc), [doc]);
  });

  it('never dates a visit by DOB, print date or signing date', () => {
    const doc = textDoc(`${PRINT(1)}\nHPI: Neck pain.\nElectronically signed by Karen Wu, MD on 03/15/2024 09:12\n`);
    const [e] = splitEncounters(doc);
    expect(e.date).toBeUndefined();
  });

  it('a dated list of prior studies inside a note does not split it', () => {
    const doc = textDoc(`DATE OF SERVICE: 05/01/2024
HPI: Chronic low back pain.

Imaging reviewed:
02/20/2024 MRI lumbar spine: L4-5 protrusion.
06/10/2023 XR lumbar spine: normal alignment.

Plan: Continue PT.
`);
    expect(splitEncounters(doc).map((e) => e.date)).toEqual(['2024-05-01']);
  });

  it('splits a 3 MB record in linear time', () => {
    // Linear, not fast: ten times the text takes about ten times as long (a quadratic step would take a hundred).
    // The best of two runs each, so that a busy machine does not decide; absolute speed is the benchmark's business.
    const one = CORPUS.map((c) => c.text).join('\n==========\n');
    const timed = (bytes: number) => {
      const text = one.repeat(Math.ceil(bytes / one.length));
      let best = Infinity;
      let count = 0;
      for (let i = 0; i < 2; i++) {
        const t = performance.now();
        count = splitEncounters(textDoc(text)).length;
        best = Math.min(best, performance.now() - t);
      }
      return { best, count };
    };
    const small = timed(300_000);
    const big = timed(3_000_000);
    expect(big.count).toBeGreaterThan(1000);
    expect(big.best / small.best).toBeLessThan(30);
  });
});


describe('dictated visits headed "date -- type" after the previous signature', () => {
  it('splits each visit, even right after "-- Dr X (dictated …, signed …)"', async () => {
    const { splitEncounters } = await import('../src/segment/encounters.js');
    const { textDoc } = await import('./helpers/extract-doc.js');
    const text = [
      'VALLEY ORTHOPAEDIC & SPORTS MEDICINE',
      '',
      '08/04/2022 -- NEW PATIENT CONSULTATION (referred by Kevin P. Duong, M.D.)',
      'Left shoulder pain after a fall. Plan: arthroscopic repair.',
      '-- A. R. Deshpande, M.D.  (dictated 08/04/2022, signed 08/08/2022)',
      '',
      '09/27/2022 -- POST-OP VISIT (2 weeks s/p L shoulder arthroscopic RCR)',
      'Incisions healed.',
      '-- A. R. Deshpande, M.D.  (dictated 09/27/2022, signed 09/29/2022)',
      '',
      '07/16/2024 -- FOLLOW-UP',
      'He has reached maximum medical improvement as of today.',
    ].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date).filter(Boolean)).toEqual(['2022-08-04', '2022-09-27', '2024-07-16']);
  });
});

describe('date-led visit titles between rule lines', () => {
  it('reads "08/15/2023   NEW PATIENT - WORK INJURY" as the first visit, not the letterhead', async () => {
    const { splitEncounters } = await import('../src/segment/encounters.js');
    const { textDoc } = await import('./helpers/extract-doc.js');
    const rule = '-'.repeat(60);
    const text = [
      'LAKE ERIE ORTHOPAEDIC & SPORTS MEDICINE, INC.', 'Patient: Raymond T. Kessler     DOB 12/05/1972', '',
      rule, '08/15/2023   NEW PATIENT - WORK INJURY', rule, 'CC: Right shoulder pain since 08/08/2023.', '',
      rule, '09/12/2023   FOLLOW-UP - MRI REVIEW', rule, 'MRI reviewed.', '',
      rule, '03/05/2024   PRE-OPERATIVE PLANNING', rule, 'Consent signed.',
    ].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date).filter(Boolean)).toEqual(['2023-08-15', '2023-09-12', '2024-03-05']);
  });
});

describe('a therapist\'s visit log inside one note', () => {
  const visitLog = async (rows: string[]) => {
    const { splitEncounters } = await import('../src/segment/encounters.js');
    const { textDoc } = await import('./helpers/extract-doc.js');
    const text = ['MAUMEE PT & HAND', 'INITIAL EVALUATION  09/14/2023   Therapist: Megan Sowinski, PT, DPT', 'S: R shoulder pain.', '', 'DAILY NOTE SUMMARY', ...rows, ''].join('\n');
    return splitEncounters(textDoc(text)).flatMap((e) => e.visitRows ?? []);
  };
  it('reads pipe and aligned-column rows as dated visits, each cited by its line', async () => {
    const piped = await visitLog(['1 | 09/14/23 | 6 | eval, HEP (pendulum)', '2 | 09/18/23 | 6 | AAROM pulleys, ER iso', '3 | 09/20/23 | 6 | supine AAROM wand']);
    expect(piped.map((r) => r.date)).toEqual(['2023-09-14', '2023-09-18', '2023-09-20']);
    expect(piped[1].evidence.quote).toBe('2 | 09/18/23 | 6 | AAROM pulleys, ER iso');
    const aligned = await visitLog([' 1   01/27/2022  7      eval, HEP', ' 2   02/01/2022  7      traction 12 lb, DNF', ' 3   02/03/2022  6      traction 14 lb, scap stab']);
    expect(aligned.map((r) => r.date)).toEqual(['2022-01-27', '2022-02-01', '2022-02-03']);
     const lettered = await visitLog(['V9  06/12/23  Gentle NMR, neural glides held 7/7         97112x1 97140x1', 'V10 06/14/23  Same. Pt seen by MD today       7/6         97112x1 97110x1', 'V11 06/19/23  NMR, walking tolerance           7/7         97112x1 97110x1']);
    expect(lettered.map((r) => r.date)).toEqual(['2023-06-12', '2023-06-14', '2023-06-19']);
  });
  it('a list of billing codes per date is attendance, not a visit log; two rows are a short list', async () => {
    expect(await visitLog(['  4/20/21   #1   97161, 97110, 97140, G0283', '  4/22/21   #2   97110, 97112, 97140', '  4/26/21   #3   97110, 97112, 97140'])).toEqual([]);
    expect(await visitLog(['1 | 09/14/23 | 6 | eval, HEP', '2 | 09/18/23 | 6 | AAROM pulleys'])).toEqual([]);
  });
});

describe('dates carried in a form field or an imaging line', () => {
  it('a state form\'s numbered field "15. Date and hour of first examination" dates the report, not the injury field above it', () => {
    const text = ["DOCTOR'S FIRST REPORT OF OCCUPATIONAL INJURY OR ILLNESS", '5. PATIENT NAME: Doe, Jane   7. DOB: 11/23/1979',
      '13. Date and hour of injury: 10/06/2022  approx. 03:30 hrs      14. Date last worked: 10/06/2022',
      '15. Date and hour of first examination: 10/07/2022  10:15        16. Have you previously treated patient? [ ] Yes [X] No',
      '18. SUBJECTIVE COMPLAINTS: R shoulder pain 7/10.'].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date).filter(Boolean)).toEqual(['2022-10-07']);
  });
  it('an imaging centre\'s second study, "Exam: … Date: 01/26/2024" under its letterhead, is a visit of its own', () => {
    const text = ['OPEN MRI & IMAGING', 'Patient: ROE, JOHN     DOB: 05/03/1979', 'Exam: MRI RIGHT SHOULDER WITHOUT CONTRAST         Date of exam: 12/20/2022',
      'IMPRESSION: Full-thickness supraspinatus tear.', 'Read by: A. Finch, MD (Radiology)    Signed 12/21/2022 08:13', '='.repeat(40), 'OPEN MRI & IMAGING',
      'Patient: ROE, JOHN     DOB: 05/03/1979', 'Exam: MR ARTHROGRAM RIGHT SHOULDER (intra-articular gadolinium)   Date: 01/26/2024', 'IMPRESSION: Recurrent tear.'].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-12-20', '2024-01-26']);
  });
});

describe('a chiropractor\'s examinations headed by title, date and the visit count', () => {
  const file = [
    'GARDEN ROW CHIROPRACTIC, LLC',
    'Patient: DOE, JANE   DOB 10/02/1987   DOA 03/09/2023',
    '',
    'INITIAL EXAMINATION                                   03/20/2023',
    'Neck pain 7/10. Plan: 3x/week x 4 weeks.',
    '',
    'RE-EXAMINATION #1                                     05/01/2023     Visits to date: 17',
    'Neck pain 5/10. NDI 34%.',
    '',
    'DISCHARGE EXAMINATION                                 08/25/2023     Total visits: 42',
    'Patient has reached maximum medical improvement with chiropractic care as of 08/25/2023.',
    '',
    'RE-EVALUATI0N (re-opened case)                        10/3O/2023     Visits to date: 42',
    'The 08/25/2023 MMI determination is withdrawn; patient is not at MMI.',
    '',
  ].join('\n');
  it('starts a visit at each, "Visits to date: 17", "Total visits: 42" and an OCR\'d "RE-EVALUATI0N … 10/3O/2023" included', () => {
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2023-03-20', '2023-05-01', '2023-08-25', '2023-10-30']);
  });
});

describe('a progress log of dated paragraphs opened by a SOAP label, an abbreviation or the weeks since surgery', () => {
  const file = [
    'GREEN ROW OCCUPATIONAL HEALTH',
    '',
    '05/25/2022  S: Pain 6/10, night pain. O: AFF 120. A: R cuff tear. P: MRI.',
    '',
    '07/13/2022  UR certified arthroscopic RC repair. Surgery 07/26/2022.',
    '',
    '08/17/2022  3 wks post-op. In sling. Pain controlled.',
    '',
    '10/26/2022  13 wks post-op. Active FF 125.',
    '',
  ].join('\n');
  it('starts a visit at each paragraph', () => {
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2022-05-25', '2022-07-13', '2022-08-17', '2022-10-26']);
  });
});

describe('date-led visit lines whose title opens with the interval since surgery', () => {
  const rule = '-'.repeat(60);
  const file = [
    'SILVER ROW ORTHOPAEDIC ASSOCIATES', '',
    rule, '01/25/2024   FOLLOW-UP (6 weeks post injection)   Lorna J. Doe, PA-C    CPT 99213', rule,
    'S: About 60% relief of lateral hip pain.', '',
    rule, '03/18/2024   9-MONTH FOLLOW-UP            Theodore J. Roe, MD     CPT 99214', rule,
    'A: She has reached maximum medical improvement.', '',
    rule, '09/16/2024   15-MONTH FOLLOW-UP           Theodore J. Roe, MD     CPT 99213', rule,
    'A: Stable.', '',
  ].join('\n');
  it('starts a visit at "9-MONTH FOLLOW-UP" and "15-MONTH FOLLOW-UP"', () => {
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2024-01-25', '2024-03-18', '2024-09-16']);
  });
});

describe('a titled visit continued as a log of dated rows, and a page of such rows with no title', () => {
  const file = [
    'EXAMPLE FOOT & ANKLE SPECIALISTS, P.C.',
    'Patient: Doe, John   DOB 01/02/1960',
    '',
    '06/27/2023  POST-OP VISIT #1 (Roe)',
    '  s/p R hallux amputation 06/14/2023. Wound VAC changed 3x weekly.',
    '  Plan: Continue NPWT.',
    '07/11/2023  Wound 3.6 x 2.0 x 0.5 cm. NPWT continued.',
    '07/25/2023  Wound 3.0 x 1.6 cm. NPWT discontinued today - transition to',
    '  collagen dressing.',
    '---------------------------------------------- Page 1 of 2',
    '',
    'EXAMPLE FOOT & ANKLE SPECIALISTS, P.C.       Patient: Doe, John',
    '',
    '09/05/2023  Wound 1.8 x 1.0 cm. Callus debrided. Continue collagen dressing.',
    '10/17/2023  Wound 1.1 x 0.6 cm - improving.',
    '11/07/2023  Wound 0.6 x 0.4 cm, superficial.',
    '',
    '01/09/2024  ROUTINE AT-RISK FOOT CARE (Roe)',
    '  Healed. Routine foot care every 9 weeks.',
  ].join('\n');
  it('starts a visit at each row', () => {
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2023-06-27', '2023-07-11', '2023-07-25', '2023-09-05', '2023-10-17', '2023-11-07', '2024-01-09']);
  });
  it('a list of earlier studies inside a note, newest first, or only two rows, stays in the note', () => {
    const note = [
      '05/01/2024  FOLLOW-UP (Roe)',
      '  Chronic low back pain. Imaging reviewed:',
      '02/20/2024  MRI lumbar spine: L4-5 protrusion.',
      '06/10/2023  XR lumbar spine: normal alignment.',
      '',
      '01/05/2024  MRI lumbar: protrusion.',
      '03/01/2024  EMG: normal.',
    ].join('\n');
    expect(splitEncounters(textDoc(note)).map((e) => e.date)).toEqual(['2024-05-01']);
  });
});

describe('a log\'s entries that record no visit', () => {
  it('a no-show and an offer by letter are entries of the visit above, not visits', () => {
    const file = [
      '04/04/2023  INDIVIDUAL THERAPY (53 min) 90834   Jane Roe, LCSW',
      '  Session 1 of planned 12. Plan: weekly CBT.',
      '04/18/2023  NO SHOW.   Outreach call 04/18 - no answer; VM left.',
      '05/02/2023  NO SHOW.   Outreach call 05/02 - number not in service.',
      '05/16/2023  Telepsychiatry intake slot offered (06/01/2023) by letter - no response.',
      '05/30/2023  Session 2. Mood low, PHQ-9 17. Plan: continue weekly.',
    ].join('\n');
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2023-04-04', '2023-05-30']);
  });
});

describe('a correspondence or telephone log of the same shape', () => {
  it('is no run of visits', () => {
    const file = [
      '03/01/2022  OFFICE VISIT (Roe)',
      '  Wrist pain. Plan: hand therapy.',
      '03/15/2022  Pain 5/10. Continue therapy.',
      '',
      'TELEPHONE / ADMINISTRATIVE LOG',
      '',
      '03/22/2022  Adjuster called for work status - faxed 03/01 note.',
      '05/12/2022  Employer HR fax: no modified duty available.',
      '07/27/2022  RFA faxed to carrier UR.',
      '09/30/2022  Approval received. Surgery scheduled 10/11/2022.',
    ].join('\n');
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2022-03-01', '2022-03-15']);
  });
});

describe('a page of dated rows under a title that names visits', () => {
  it('starts a visit at each row', () => {
    const file = [
      'EXAMPLE BEHAVIORAL HEALTH  -  Medication Management (99214 + 90833)',
      'Client: John Doe    Psychiatrist: R. Roe, MD',
      '',
      '04/05/2022   Sertraline 200 mg x 3 wks. PHQ-9 18. Plan: ADD aripiprazole 2 mg daily.',
      '             RTC 6 wks.',
      '05/17/2022   Restless since aripiprazole -> akathisia. Plan: STOP aripiprazole.',
      '07/12/2022   Venlafaxine XR 150 mg. Tolerating. Plan: continue.',
    ].join('\n');
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2022-04-05', '2022-05-17', '2022-07-12']);
  });
});

describe('a family practice that dates its visits as paragraphs, then as rows on a later page', () => {
  it('starts a visit at each row of the later page too', () => {
    const file = [
      'EXAMPLE FAMILY MEDICINE  -  Jane Roe, D.O.',
      'Patient: Doe, Kendra     DOB 11/02/1981',
      '',
      '02/14/2023  POST-MVA FOLLOW-UP',
      'S: Neck pain 6/10.',
      '',
      '02/27/2023  Neck improving with chiro (6 visits). Continue PT.',
      '',
      '03/28/2023  Knee catching. P: MRI R knee. Ortho referral.',
      '',
      'EXAMPLE-55012 | Doe, Kendra | page 1 of 2',
      '',
      'EXAMPLE FAMILY MEDICINE  -  Jane Roe, D.O.',
      'Patient: Doe, Kendra     DOB 11/02/1981',
      '',
      '06/20/2023  Post-op check (R knee scope 05/23/2023). Neck pain 1-2/10.',
      '11/07/2023  URI - cough x 6 days. Supportive.',
      '05/13/2024  ANNUAL. R knee: followed by ortho - "at MMI," wears brace.',
    ].join('\n');
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2023-02-14', '2023-02-27', '2023-03-28', '2023-06-20', '2023-11-07', '2024-05-13']);
  });
});

describe('a physician-of-record log whose visits are dated and signed, with no title', () => {
  it('starts a visit at each "date  name, credential" line', () => {
    const file = [
      'EXAMPLE OCCUPATIONAL HEALTH - Ph 555-0171',
      '',
      '03/17/2022  INITIAL WORK-INJURY VISIT - Jane Roe, D.O.',
      'S: Low back pain 7/10.',
      '',
      '04/14/2022  J. Roe, D.O.',
      'S: 8 PT visits. Back a little better.',
      '',
      '05/12/2022  J. Roe, D.O.',
      'S: PT completed 12 visits.',
    ].join('\n');
    const encs = splitEncounters(textDoc(file));
    expect(encs.map((e) => e.date)).toEqual(['2022-03-17', '2022-04-14', '2022-05-12']);
    expect(encs[1].provider).toEqual({ name: 'J. Roe', credential: 'DO' });
  });
});

describe('a visit titled by the weeks since surgery, in lower case', () => {
  it('starts a visit at "06/10/2024  15 weeks post-op   Provider: I. Roe, MD"', () => {
    const file = [
      '02/27/2024  OPERATIVE NOTE                                     Provider: I. Roe, MD',
      'Hardware removal, left knee.',
      '',
      '06/10/2024  15 weeks post-op                                   Provider: I. Roe, MD',
      'S: Finished PT 05/24/2024. Continue HEP.',
    ].join('\n');
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2024-02-27', '2024-06-10']);
  });
});
