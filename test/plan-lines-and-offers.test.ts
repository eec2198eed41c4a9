import { describe, expect, it } from 'vitest';
import type { Fact, FactOf } from '../src/model/index.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { processDocument } from '../src/pipeline.js';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseBuilder } from './helpers/facts.js';
import { findMisfiled } from '../src/segment/identity.js';
import { classifyDocument } from '../src/segment/document-role.js';
import { markStaleMedicationLists } from '../src/extract/regimen-steps.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): a numbered
 * problem wrapped over two lines, an operation named as a goal, a surgery date cancelled, a drug another doctor
 * started, an offer put as a question and answered, plan lines without a verb, and an MMI told as a typical course.
 */
function facts(body: string): Fact[] {
  const { doc, facts: fs } = factsOf(body);
  expectValidCitations(fs, [doc]);
  return fs;
}
const treatments = (body: string, re: RegExp) => facts(body).filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && re.test(f.attributes.drug ?? f.attributes.modality));
const signals = (body: string) => facts(body).filter((f): f is FactOf<'plan_signal'> => f.type === 'plan_signal' && !f.negated && f.temporality === 'current').map((f) => f.attributes.signal);

describe('a numbered problem wrapped over two lines is one sentence', () => {
  it('the injection given today keeps the body region named on the line before', () => {
    const body = 'A/P:\n 1. R shoulder subacromial bursitis/rotator cuff tendinopathy (M75.51) - subacromial corticosteroid\n    injection today: triamcinolone 40 mg + 4 mL 1% lidocaine, posterior approach, tolerated well.\n 2. Bilateral knee OA (M17.0): chronic.';
    const [inj] = treatments(body, /injection/);
    expect(inj.attributes).toMatchObject({ modality: 'joint_injection', status: 'performed', bodyRegion: 'shoulder' });
  });
  it('a short form field on the next line still stands alone', () => {
    const fs = facts('Work status:\nrestrictions: no lifting over 10 lb.');
    expect(fs.some((f) => f.type === 'limitation')).toBe(true);
  });
});

describe('what happened to an operation', () => {
  it.each([
    ['Letter from Dr. Ashby (ortho) 04/26/2022 requesting GLP-1 for weight loss toward TKA eligibility (BMI < 40).', 'hypothetical'],
    ['Pre-op clearance for TKA scheduled 04/11/2024.', 'current'],
  ])('%s', (body, temporality) => {
    expect(treatments(body, /surgery/).map((f) => f.temporality)).toContain(temporality);
  });
  it.each([
    ['Dr. Ashby cancelled the surgery date (04/11/2023) after her decision.', 'discontinued'],
    ['TKA scheduled 04/11/2023.', 'planned'],
  ])('%s', (body, status) => {
    expect(treatments(body, /surgery/).map((f) => f.attributes.status)).toEqual([status]);
  });
});

describe('drugs: who started them, and offers answered', () => {
  it('a drug another doctor added, told in the history, is not started at this visit', () => {
    const [d] = treatments('HPI: Duloxetine added by PCP in April - sleeping a little better.', /duloxetine/);
    expect(d.temporality).toBe('historical');
  });
  it("a drug started after a dash is not declined by the item before it ('TKA declined - start duloxetine')", () => {
    const [d] = treatments('ASSESSMENT/PLAN:\n 1. Bilateral knee OA; TKA declined - start duloxetine 30 mg daily x 2 weeks then 60 mg daily.', /duloxetine/);
    expect(d.attributes).toMatchObject({ status: 'ongoing', doseChange: 'started' });
  });
  it.each([
    ['Migraines 2-3/month - add propranolol? Declines (fatigue worry). Continue current plan.', 'declined'],
    ['Migraines 2-3/month - add propranolol? Will discuss at next visit.', 'recommended'],
  ])('an offer put as a question: %s', (body, status) => {
    const [d] = treatments(body, /propranolol/);
    expect(d.attributes.status).toBe(status);
    expect(d.attributes.doseChange).toBeUndefined();
  });
  it('an option discussed and not started is not care begun', () => {
    const [d] = treatments('Tramadol discussed and not started (fall risk).', /tramadol/);
    expect(d.negated).toBe(true);
  });
});

describe('plan lines without a verb', () => {
  it.each([
    ['PLAN:\n1. No further injections (limited and shortening benefit; hyperglycemia).', 'no_further_treatment'],
    ['PLAN:\n3. She may follow with her primary care clinic for ongoing management.', 'care_transferred'],
    ['PLAN:\nReturn here as needed.', 'follow_up_prn'],
  ])('%s', (body, signal) => {
    expect(signals(body)).toContain(signal);
  });
  it('"no further injections" is not read into an injection given', () => {
    expect(signals('PLAN:\nInjection #2 today. Further injections per response.')).not.toContain('no_further_treatment');
  });
});

describe('an MMI told as the usual course is not an opinion', () => {
  it('"MMI typically 12 months after fusion" is hypothetical', () => {
    const mmi = facts('Post-op plan: LSO; no lifting > 10 lb x 6 weeks; MMI typically 12 months after fusion.').filter((f) => f.type === 'mmi_statement');
    expect(mmi.length).toBeGreaterThan(0);
    expect(mmi.every((f) => f.temporality === 'hypothetical')).toBe(true);
  });
});

describe('an author keeps the discipline of the practice', () => {
  it("an orthopaedist's note that mentions urgent care in the history is still an orthopaedic visit", () => {
    const head = (date: string, who: string) => `PIEDMONT CROSSROADS ORTHOPAEDICS, P.A.\nPatient: EXAMPLE, ROSA        DOB: 09/03/1969\nEncounter date: ${date}         Encounter type: Follow-up\nProvider: ${who}\n`;
    const text = [
      `${head('06/08/2021', 'Whitney L. Cobb, PA-C    Supervising physician: Samuel K. Ashby, MD')}HPI: Bilateral knee pain. Orthopaedic new patient evaluation.\nPLAN: Bilateral knee injections today.\n`,
      `${head('06/13/2023', 'Samuel K. Ashby, MD')}HPI: Knees unchanged.\nPLAN: Continue cane and brace. Return as needed.\n`,
      `${head('09/10/2024', 'Samuel K. Ashby, MD')}HPI: Fell at home 07/28/2024, x-ray negative at urgent care. Knees about the same.\nPLAN: Replacement brace. Return as needed.\n`,
    ].join('\f');
    const r = processDocument(textDoc(text, 'ortho.txt'));
    const ashby = r.encounters.filter((e) => /Ashby/.test(e.provider.name ?? '') && !/Cobb/.test(e.provider.name ?? ''));
    expect(ashby.length).toBe(2);
    expect(ashby.map((e) => e.specialty)).not.toContain('emergency');
  });
});

describe('papers and pages that are not the claimant\'s record', () => {
  const note = (head: string) => `${head}\nDAILY TREATMENT NOTE\nDate of service: 11/03/2021\nS: R knee stiff in the morning. Pain 3/10.\n`;
  const claimant = (file: string) => textDoc(note('Patient: EXAMPLE, TEODORO A     DOB: 06/14/1981'), file);
  it("a page produced under a subpoena banner naming the claimant, whose own patient line names another, is misfiled", () => {
    const other = textDoc(note('** Records produced in response to subpoena SDT-00-0000 - EXAMPLE, TEODORO A - DOB 06/14/1981 **\nPatient: EXAMPLE, TERESA     DOB: 09/30/1958'), 'pt-note.txt');
    const misfiled = findMisfiled([claimant('a.txt'), claimant('b.txt'), other]);
    expect([...misfiled.keys()]).toEqual(['pt-note.txt']);
  });
  it("a records office's cover naming the patient requested keeps its birth date; the page it released is another patient's", () => {
    const cover = textDoc('RELEASE OF INFORMATION - RESPONSE TO REQUEST\nPatient named on request: EXAMPLE, TEODORO A   DOB 06/14/1981\nClosest matching record released.\n\fPULMONARY FUNCTION TEST REPORT\nPATIENT: OTHERMAN, DONALD W.   DOB: 02/11/1958\nFEV1 2.1 L.\n', 'pft.txt');
    const misfiled = findMisfiled([claimant('a.txt'), claimant('b.txt'), cover]);
    expect([...misfiled.keys()]).toEqual(['pft.txt']);
  });
  it("a board's notice of decision is administrative: it restates the MMI, it does not find it", () => {
    const text = "WORKERS' COMPENSATION BOARD OF THE STATE OF NEW YORK\nNOTICE OF DECISION                     Filed: 08/24/2022\nClaimant: Example Person\nThe claimant reached maximum medical improvement on 02/15/2022 per the treating physician's C-4.3.\n";
    expect(classifyDocument(textDoc(text, 'WCB_NoticesOfDecision_2022.txt'))).toMatchObject({ role: 'administrative', kind: 'adjudication' });
  });
  it('a drug still listed with "- continue" after it was tapered off is a stale list line', () => {
    const text = 'DATE OF SERVICE: 11/15/2023\nPLAN: Taper nortriptyline: 20 mg qhs x 1 week then stop.\n\fDATE OF SERVICE: 11/20/2024\nMEDICATIONS: Nortriptyline 30 mg PO at bedtime - continue.\n';
    const r = processDocument(textDoc(text, 'neuro.txt'));
    markStaleMedicationLists(r.facts, r.encounters);
    const listed = r.facts.filter((f) => f.type === 'treatment' && f.date === '2024-11-20');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((f) => f.temporality === 'historical')).toBe(true);
  });
});

describe('what a job demands is not a limit', () => {
  it.each([
    'Job: picks cases of beverages (up to 60 lb) onto pallets, 10-hr shifts, walks/stands entire\nshift, frequent squatting and twisting.',
    'Physical demands of the job: lifting up to 75 lb, frequent bending and climbing ladders.',
  ])('%s', (body) => {
    expect(facts(body).filter((f) => f.type === 'limitation')).toEqual([]);
  });
  it('a restriction written after the job line is still read', () => {
    expect(facts('Job: warehouse picker.\nRestrictions: no lifting over 20 lb.').some((f) => f.type === 'limitation' && f.attributes.activity === 'lift')).toBe(true);
  });
});

describe('a treating doctor\'s withdrawal letter to the claims office', () => {
  const letter = `>> FAX 06/20/2023 16:22  FROM CLINIC  TO: EXAMPLE CLAIMS / UR  p.1/3 <<
VALLEY OCCUPATIONAL MEDICAL GROUP
4920 N. Example Ave, Fresno CA 93726   |   Tel (559) 555-0410

June 20, 2023

Example Claims Administrators, Attn: Claims Examiner

RE:  Example Person     DOI 06/14/2022     Claim EX-22-00001
     PR-2 / SUPPLEMENTAL REPORT - WITHDRAWAL OF PERMANENT AND STATIONARY STATUS

In my PR-4 dated 04/04/2023 I found her permanent and stationary as of 03/30/2023. Since then she has developed
left C6 radiculopathy. Accordingly, I am WITHDRAWING my finding of permanent and stationary status.
Treatment plan: left C5-6 epidural steroid injection to be performed by Alan R. Example, MD - RFA attached.
/s/ Gregory S. Example, MD, MPH, FACOEM   Primary Treating Physician       Page 1 of 3
`;
  it('is the treating doctor\'s report, even with an RFA in its name', () => {
    expect(classifyDocument(textDoc(letter, '10_PTP Letter Withdrawing P&S and RFA 06-20-2023.txt')).role).toBe('clinical');
  });
  it('is signed by the doctor whose "/s/" closes it, not the doctor named for the injection', () => {
    const r = processDocument(textDoc(letter, 'withdrawal.txt'));
    expect(r.encounters[0].provider.name).toBe('Gregory S. Example');
  });
  it('takes the earlier P&S back, and its own account of that P&S is history', () => {
    const r = processDocument(textDoc(letter, 'withdrawal.txt'));
    const current = r.facts.filter((f): f is FactOf<'mmi_statement'> => f.type === 'mmi_statement' && !f.negated && f.temporality === 'current');
    expect(current.length).toBeGreaterThan(0);
    expect(current.every((f) => f.attributes.kind === 'not_at_mmi')).toBe(true);
  });
  it("an adjuster's letter asking for that report, or an attorney's cover letter over an enclosed form, is not a treating report", () => {
    const ask = `EXAMPLE CLAIMS ADMINISTRATORS\nClaims Department\n\nAugust 14, 2023\n\nRe: SECOND REQUEST - Permanent and Stationary report (PR-4); temporary disability status\n\nPlease provide a PR-4 if the applicant has reached maximum medical improvement.\n`;
    expect(classifyDocument(textDoc(ask, 'adjuster letter 2023-08-14.txt')).role).toBe('administrative');
    const cover = `CELESTE R. EXAMPLE, ATTORNEY AT LAW\nSocial Security Disability  *  416 E. Main Street\n\nApril 29, 2024\n\nDanielle Roe, PMHNP-BC\nExample Community Mental Health Center\n611 Example Lane, New Iberia, LA 70560\n\n   Re: Example Person - SSI claim, hearing pending\n\nDear Ms. Roe:\nWe understand that her condition has now stabilized and that she has reached maximum medical improvement. Please complete the enclosed form.\n\nSincerely,\n/s/ Celeste R. Example\nCeleste R. Example, Attorney at Law\n\f            MENTAL MEDICAL SOURCE STATEMENT (ABILITY TO DO WORK-RELATED ACTIVITIES)\nPatient: Example Person\n`;
    expect(classifyDocument(textDoc(cover, 'B6F_Mental MSS.txt')).role).toBe('administrative');
  });
  it('handwritten SOAP cards transcribed "for records request" are still the chiropractor\'s notes', () => {
    const cards = 'FIG EXAMPLE CHIROPRACTIC  -  Daniel Roe, DC\nSecondary treating physician - WC   Pt: Example Person\n[Transcribed from handwritten SOAP cards by clinic staff for records request 08/2023]\n\n7/19/22  Init exam. C/o neck L>R, HA daily. Tx: diversified adj C2, C5; IFC 12 min.\n';
    expect(classifyDocument(textDoc(cards, '04_Chiropractic - daily notes.txt')).role).toBe('clinical');
  });
});

describe('a referral to be rated is no care', () => {
  it.each([
    ['PLAN: Permanent impairment expected - referred to Meredith A. Kalani, DO\n  (PM&R) for PPI rating under the AMA Guides, 6th Edition.', []],
    ['PLAN: Refer to Dr. Kalani for an impairment rating.', []],
    // Invalid for the new reading: a referral for care is still one.
    ['PLAN: Refer to Dr. Kalani (PM&R) for medication management.', ['referral']],
  ])('%s', (body, expected) => {
    expect(signals(body).filter((s) => s === 'referral')).toEqual(expected);
  });
});

describe('plan words met in blind34', () => {
  it.each([
    ['Recommendations: I do not recommend surgery at this time.', 'not_surgical_candidate'],
    ['Follow up with me as needed.', 'follow_up_prn'],
  ])('%s', (body, signal) => {
    expect(signals(body)).toContain(signal);
  });
  it.each([
    ['Interval: Abatacept approved; first dose today with RN teaching.', /abatacept/, 'started'],
    ['Fremanezumab (Ajovy) PA approved 01/10/2024. First dose 225 mg SC given in office, left abdomen.', /fremanezumab/, 'started'],
    ['She asks about switching to eptinezumab (IV CGRP) after reading about it online.', /eptinezumab/, 'switched'],
    // (Two drugs before it: which one the next sentence's first dose is of cannot be told.)
    ['Continue Botox and fremanezumab. First dose given in office.', /fremanezumab/, 'continued'],
  ])('%s', (text, drug, change) => {
    const [d] = treatments(text, drug);
    expect(d.attributes.doseChange).toBe(change);
  });
  it('a drug the claimant asks about is a question, not a change', () => {
    const [d] = treatments('She asks about switching to eptinezumab (IV CGRP) after reading about it online.', /eptinezumab/);
    expect(d.temporality).toBe('hypothetical');
  });
});

describe('a home-safety visit after a fall does not restart active care', () => {
  const OT = { name: 'Janelle Roe', credential: 'OTR/L', specialty: 'occupational_therapy' as const };
  const NEURO = { name: 'Dr. Eber', credential: 'MD', specialty: 'neurology' as const };
  function stroke(extra: (b: CaseBuilder) => void): CaseBuilder {
    const b = new CaseBuilder();
    for (const d of ['2022-05-02', '2022-06-06', '2022-07-11', '2022-08-24']) b.visit(d, OT).fact('treatment', { modality: 'occupational_therapy', status: 'performed' }, 'OT session: fine motor training.');
    b.visit('2022-08-24', OT).fact('mmi_statement', { kind: 'plateau' }, 'Progress has plateaued; discharged to HEP.');
    for (const d of ['2022-09-14', '2022-12-14', '2023-04-26', '2023-07-26', '2023-10-25']) {
      b.visit(d, NEURO).fact('plan_signal', { signal: 'continue_current_management' }, 'Left hemiparesis, stable. Continue current meds.').fact('plan_signal', { signal: 'return_to_clinic', target: '3 months' }, 'RTC 3 months.');
    }
    extra(b);
    return b;
  }
  it('the phase that began before the fall stands', () => {
    const b = stroke((x) => x.visit('2023-02-08', OT).fact('treatment', { modality: 'occupational_therapy', status: 'performed' }, 'HOME SAFETY EVALUATION (single visit): grab bars and a tub bench recommended.'));
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi).toMatchObject({ status: 'implied', date: '2022-09-14' });
  });
  it('a short episode "for home safety": the referral, its evaluation and its discharge', () => {
    const PT = { name: 'Dana Roe', credential: 'PT, DPT', specialty: 'physical_therapy' as const };
    const PCP = { name: 'Dr. Harmon', credential: 'DO', specialty: 'primary_care' as const };
    const b = stroke((x) => x
      .visit('2023-01-16', PCP).fact('plan_signal', { signal: 'new_treatment', target: 'physical_therapy' }, 'mechanical fall - PT ref Blue Heron for home safety/HEP, 4 visits.')
      .visit('2023-01-24', PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT EVALUATION - NEW EPISODE (FALL)')
      .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, '4 visits: HEP review and progression, home safety (rug removal, grab bars), AFO check.')
      .visit('2023-02-14', PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT DISCHARGE Visits: 4. Berg 44/56 - back to prior level.'));
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi).toMatchObject({ status: 'implied', date: '2022-09-14' });
  });
  it('a two-visit episode of gait training with a new custom AFO', () => {
    const PT = { name: 'Corinne Roe', credential: 'PT, DPT', specialty: 'physical_therapy' as const };
    const b = stroke((x) => x
      .visit('2023-02-08', PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'THERAPY ORDERS - RE-REFERRAL')
      .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT re-referral for gait training with new custom R AFO (delivered 02/08/2023).')
      .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Authorized 2 visits.'));
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi).toMatchObject({ status: 'implied', date: '2022-09-14' });
  });
  it('a four-week course its notes give to a flare ("HEP refresh")', () => {
    const PT = { name: 'Anne Roe', credential: 'PT, DPT', specialty: 'physical_therapy' as const };
    const b = stroke((x) => {
      x.visit('2023-05-03', PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT RE-EVALUATION. Flare after yard work 04/2023. Plan: 1x/wk x 4 wks, HEP refresh.');
      for (const d of ['2023-05-10', '2023-05-17', '2023-05-24']) x.visit(d, PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT visit: HEP progression.');
    });
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi).toMatchObject({ status: 'implied', date: '2022-09-14' });
  });
  it('a new course of therapy after the fall does', () => {
    const b = stroke((x) => { for (const d of ['2023-02-08', '2023-02-22', '2023-03-08']) x.visit(d, OT).fact('treatment', { modality: 'occupational_therapy', status: 'performed' }, 'OT session: fine motor training resumed.'); });
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).not.toBe('2022-09-14');
  });
});

describe('timeline rows that are not care', () => {
  it.each([
    'RFA - PT additional 6 visits (total 12).',
    'RFA today - MRI lumbar spine w/o contrast.',
    'Left C5-6 ESI - RFA attached, authorized per adjuster 11/14.',
  ])('a request for authorization is no ablation: %s', (body) => {
    expect(treatments(body, /radiofrequency/).filter((f) => !f.negated)).toEqual([]);
  });
  it('an ablation is still one: "L4-5 medial branch RFA scheduled 03/02"', () => {
    expect(treatments('Plan: L4-5 medial branch RFA scheduled 03/02.', /radiofrequency/).map((f) => f.attributes.status)).toEqual(['planned']);
  });
  it('work hardening named as what an OT course includes is no course of its own', () => {
    expect(treatments('Plan: OT 2x/wk x 6 wk (work hardening tasks).', /work_conditioning/)).toEqual([]);
  });
  it('"Work conditioning: not requested" is not care given', () => {
    expect(treatments('Work conditioning: not requested by ATP or carrier as of 12/01/2022.', /work_conditioning/).every((f) => f.negated)).toBe(true);
  });
  it("a past operation's year in the surgical history is its date", () => {
    const [op] = treatments('PMH: T2DM, HTN. PSH: R knee arthroscopy 2014, appendectomy.', /surgery/);
    expect(op.date).toBe('2014-01-01');
    expect(op.temporality).toBe('historical');
  });
});

describe('a stray page of another patient inside the claimant\'s exhibit', () => {
  const page = (who: string, dob: string, body: string) => `VERIDIAN EXAMPLE - Clinical Programming Record\nPatient: ${who}      DOB: ${dob}\n${body}\n`;
  const exhibit = textDoc([
    page('EXAMPLE, GREGORY', '11/03/1970', 'DATE OF SERVICE: 01/11/2022\nProgram P2 unchanged. Pain 6/10.'),
    'VERIDIAN EXAMPLE - Clinical Programming Record   EXAMPLE, GREGORY  11/03/1970\nDATE OF SERVICE: 04/12/2022\nProgram P2 unchanged.\n',
    page('EXAMPLEMAN, GRANT', '07/29/1964', 'DATE OF SERVICE: 05/10/2022\nNew program P4 added; amplitude raised.'),
    'VERIDIAN EXAMPLE - Clinical Programming Record   EXAMPLE, GREGORY  11/03/1970\nDATE OF SERVICE: 07/12/2022\nProgram P2 unchanged.\n',
  ].join('\f'), '5F Programming Records.txt');
  const claimant = (file: string) => textDoc(page('EXAMPLE, GREGORY', '11/03/1970', 'DATE OF SERVICE: 02/01/2022\nPain clinic follow-up.'), file);
  it('only that page is set aside', () => {
    const misfiled = findMisfiled([claimant('a.txt'), claimant('b.txt'), exhibit]);
    expect(misfiled.get('5F Programming Records.txt')?.pages).toEqual([3]);
  });
  it('"cervical strain treated by chiropractor, released at MMI 03/04/2024" in a later history is not an MMI opinion', () => {
    const mmi = facts('S: 32 yo F with MVC 09/08/2023 (cervical strain treated by chiropractor, released\n   at MMI 03/04/2024 with residual neck pain). New R arm pain since 05/16/2024.').filter((f) => f.type === 'mmi_statement');
    expect(mmi.every((f) => f.temporality !== 'current')).toBe(true);
  });
});

describe('a visit titled in capitals with its date field at the right', () => {
  it('opens its own visit, so "MRI done 3/18" is dated by it', () => {
    const text = [
      'CUMBERLAND EXAMPLE OCCUPATIONAL HEALTH  |  4410 Example Pike\nWORK INJURY FOLLOW-UP                                        Visit: 03/08/2022   Provider: G. Roe, DO\n\nS: Leg pain 7/10. MRI ordered.\nP: Off work until MRI reviewed.\n',
      'CUMBERLAND EXAMPLE OCCUPATIONAL HEALTH  |  4410 Example Pike\nWORK INJURY FOLLOW-UP                                        Visit: 03/22/2022   Provider: G. Roe, DO\n\nS: MRI done 3/18. Leg pain 7/10, back 5/10.\nP: Referral pain mgmt for TFESI.\n',
    ].join('\f');
    const r = processDocument(textDoc(text, 'occmed.txt'));
    expect(r.encounters.map((e) => e.date)).toEqual(['2022-03-08', '2022-03-22']);
    const mri = r.facts.find((f) => f.type === 'treatment' && /MRI done/.test(f.evidence[0].quote));
    expect(mri?.date).toBe('2022-03-18');
  });
});

describe('a regimen kept, said without the word maintenance', () => {
  it('"Goal going forward: keep this regimen" is maintenance, "further big gains are unlikely" a plateau', () => {
    const fs = facts('PLAN:\n 4. We have now been through the main preventive classes. Goal going forward: keep this regimen, avoid\n    medication overuse. She understands further big gains\n    are unlikely.');
    expect(fs.filter((f) => f.type === 'plan_signal').map((f) => (f as FactOf<'plan_signal'>).attributes.signal)).toContain('maintenance_care');
    expect(fs.filter((f) => f.type === 'mmi_statement').map((f) => (f as FactOf<'mmi_statement'>).attributes.kind)).toContain('plateau');
  });
});

describe('another worker\'s state form, and a paralegal\'s log about one', () => {
  const form = (who: string, claim: string, file: string) => textDoc(`TEXAS WORKERS' COMPENSATION WORK STATUS REPORT  (DWC FORM-073)\nInjured employee: ${who}    DOI: 01/18/2023    Employer: Example Distribution LLC\nCarrier: Example Casualty   Claim #: ${claim}   Doctor: Dale Roe, DO\nDate of visit: 05/04/2023\nPART III: Comments: Released full duty. Reached MMI 05/04/2023.\n`, file);
  const note = (file: string) => textDoc(`EXAMPLE OCCUPATIONAL HEALTH\nPatient: Leticia A. Example   DOB: 04/22/1979   Claim #: TPC-23-0471196\nS: R shoulder pain.\n`, file);
  it('a form with no birth date under another name and another claim number is misfiled', () => {
    const docs = [note('a.txt'), note('b.txt'), form('Leticia A. Example', 'TPC-23-0471196', 'c.txt'), form('Marcus D. Other', 'TPC-22-0466031', 'd.txt')];
    expect([...findMisfiled(docs).keys()]).toEqual(['d.txt']);
  });
  it('a determination whose note says a record is someone else\'s ("this record is for … DOB 03/14/1959; not the claimant") stays the claimant\'s', () => {
    const dde = textDoc('Disability Determination Explanation - Reconsideration\nClaimant: Leticia A. Example     Claim type: Title II - DIB\n1/09/24 cardiology - "has reached maximal benefit" [NB: this record is for LORNA J. Example DOB 03/14/1959; not\nthe claimant - flagged for removal].\n', 'dde.txt');
    expect([...findMisfiled([note('a.txt'), note('b.txt'), dde]).keys()]).toEqual([]);
  });
  it('a records log that mentions the other patient\'s birth date is not that patient\'s record', () => {
    const log = textDoc('RECORDS REQUEST LOG - EXAMPLE LAW\n08/05/2024  KW   Neuropsych report says "Joleen Other", DOB 04/03/1988 -> NOT OUR CLIENT\'S REPORT.\n', 'log.txt');
    expect([...findMisfiled([note('a.txt'), note('b.txt'), log]).keys()]).toEqual([]);
  });
});
