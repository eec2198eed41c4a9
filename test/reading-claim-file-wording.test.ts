import { describe, expect, it } from 'vitest';
import type { FactOf } from '../src/model/index.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { classifyDocument } from '../src/segment/document-role.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { expectValidCitations } from './helpers/citations.js';
import { of } from './helpers/facts-of.js';

/**
 * How claim files written by other people word care, MMI and papers (synthetic text, no PHI): awaited care,
 * scheduling letters, hedged and state-specific MMI words, part-only MMI, report series, relief, medication changes,
 * document roles and reported opinions. One table per reading class.
 */

describe('care still awaited is planned, not done', () => {
  it.each([
    ['Expected duration: until surgical evaluation and treatment plan are complete.', 'surgical_consultation'],
    ['Continue home exercise pending the surgical consultation.', 'surgical_consultation'],
    ['Off work awaiting the lumbar MRI results and the neurosurgical consult.', 'surgical_consultation'],
  ])('%s', (text, modality) => {
    // The sentence's own mentions (a header-less test note may also count as the surgeon's visit).
    const f = of(text, 'treatment').filter((t) => t.attributes.modality === modality && t.evidence[0].quote === text);
    expect(f.length).toBeGreaterThan(0);
    for (const t of f) expect(['performed', 'completed', 'ongoing']).not.toContain(t.attributes.status);
  });
  it('a course completed is still completed', () => {
    const f = of('She completed 12 sessions of physical therapy in March.', 'treatment').filter((t) => t.attributes.modality === 'physical_therapy');
    expect(f.map((t) => t.attributes.status)).toContain('completed');
  });
});

describe('"epidural" as a place is not an epidural injection', () => {
  it.each([
    'Percutaneous placement of two epidural SCS trial leads (63650 x2), fluoroscopic guidance.',
    'Implantation of two 8-contact epidural neurostimulator electrodes.',
    'Omnipaque 240 (2 mL) showed epidural spread bilaterally L4-S1 without vascular uptake.',
  ])('%s', (text) => {
    expect(of(text, 'treatment').filter((t) => t.attributes.modality === 'epidural_injection')).toEqual([]);
  });
  it('an epidural steroid injection still is one', () => {
    expect(of('L4-5 interlaminar epidural steroid injection under fluoroscopy (CPT 62323).', 'treatment').map((t) => t.attributes.modality)).toContain('epidural_injection');
  });
});

describe('relief after an injection, however it is written', () => {
  it.each([
    ['ESI #1 08/16/2022: ~40% leg relief for ~3 wks, now back to baseline.', { percentRelief: 40, durationDays: 21 }],
    ['Interval: ESI #1 gave ~40% leg relief x 3 wks.', { percentRelief: 40, durationDays: 21 }],
    ['ESI x2 (transient).', { durationText: 'transient' }],
    ['She had two epidural injections with brief relief.', { durationText: 'brief relief' }],
  ])('%s', (text, attrs) => {
    expect(of(text, 'benefit').map((b) => b.attributes)).toContainEqual(expect.objectContaining(attrs));
  });
  it('a brief visit is no relief report', () => {
    expect(of('Brief visit today; refilled meds.', 'benefit')).toEqual([]);
  });
});

describe('what kind of paper it is', () => {
  it.each([
    ['REYES DOE LAW, LLC\nPersonal Injury  |  1550 Main St, Lakewood, CO\n-----\nCLIENT FILE - MEDICAL RECORDS INDEX (working copy)      Updated: 06/10/2024\nClient: Jane Roe\n', 'exhibit_list'],
    ['HEARTLAND CASUALTY GROUP\nWorkers\' Compensation Claims - Midwest Region\n1 Tower Lane, Oakbrook Terrace, IL\n\nAugust 1, 2023\n\nDr. Lee\n\nRE: Examination pursuant to Section 12 of the Act\nDear Dr. Lee:\nThank you for agreeing to examine Mr. Roe.\n', 'claims'],
  ])('%s', (text, kind) => {
    expect(classifyDocument(textDoc(text)).kind).toBe(kind);
  });
  it.each([
    '07_Ortho_Narrative_Letter_to_Counsel_Okafor_04-10-2023.txt', 'Narrative report for attorney - Dr Doe.txt',
  ])('a treating surgeon\'s letter named for its addressee is clinical: %s', (file) => {
    const doc = { ...textDoc('SCIOTO ORTHOPAEDIC & SPORTS MEDICINE, INC.\nNathaniel Doe, MD - Foot & Ankle\n\nApril 10, 2023\n\nCatherine Roe, Esq.\nRoe & Vance Co., LPA\n\nDear Ms. Roe:\nI have treated Ms. Doe since 01/24/2022.\n'), file };
    expect(classifyDocument(doc).role).toBe('clinical');
  });
  it('an Illinois Section 12 report is an examiner\'s opinion (by its file name)', () => {
    const doc = { ...textDoc('SALT CREEK ORTHOPAEDICS\nHoward Doe, MD\n\nAugust 29, 2023\n\nRE: SECTION 12 EXAMINATION\nI examined Mr. Roe on 08/22/2023.\n'), file: '09_Section 12 Report - Doe.txt' };
    expect(classifyDocument(doc)).toMatchObject({ role: 'examining' });
  });
});

describe('visit headings framed by rules', () => {
  it('"=== PROCEDURE NOTE ===   06/28/2022" opens a visit', () => {
    const text = '=== NEW PATIENT EVALUATION ===          06/14/2022\nLeft S1 radiculopathy.\n\n=== PROCEDURE NOTE ===                  06/28/2022\nLeft L5-S1 TFESI under fluoroscopy.\n\n=== FOLLOW-UP ===                       07/19/2022\nAbout 40% leg relief for roughly 10 days.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-06-14', '2022-06-28', '2022-07-19']);
  });
});

describe('a report title above its identity line', () => {
  it('"OPERATIVE REPORT / PATIENT: … DOB: … MRN: … / DATE OF SURGERY:" is an operative report', () => {
    const text = 'OFFICE CONSULTATION   Date of service: 09/20/2022\nA/P: Myelopathy; ACDF C5-7 recommended.\n\nST. COLUMBA MEDICAL CENTER\n\nOPERATIVE REPORT\n\nPATIENT: DOE, JANE     DOB: 03/22/1971     MRN: SCM-4471902     ACCT: 22291-0468\nDATE OF SURGERY: 10/18/2022\nNEUROMONITORING: SSEP/tcMEP/EMG\nPROCEDURES: Anterior cervical discectomy C5-6 and C6-7.\n';
    expect(splitEncounters(textDoc(text)).map((e) => [e.date, e.kind])).toEqual([['2022-09-20', 'consultation'], ['2022-10-18', 'operative_report']]);
  });
});

describe('care counted in an interval history', () => {
  it.each([
    'Two trigger point\ninjections (Dr. Roe) helped briefly; she declined further injections.',
    'Three lumbar epidural injections gave short relief.',
  ])('%s is history, not care given at this visit', (line) => {
    const t = `Encounter 10/17/2023 | Follow-up | A. Doe, MD\nInterval: Working full time since 08/01/2023. ${line}\nA/P: Continue topiramate.`;
    expect(of(t, 'treatment').filter((f) => f.attributes.modality !== 'medication' && f.temporality === 'current')).toEqual([]);
  });
});

describe('a form\'s date', () => {
  // A source statement is dated by its signature, not by "since" the relationship began.
  it.each([
    ['the date on the signature line', 'Signature: A. B. Doe, MD          Date: 05/22/2024\n'],
    ['the date on the line under the signature', 'Signature: /s/ A. B. Doe, MD       Rheumatology\nDate: 05/22/2024\n'],
  ])('%s', (_, signature) => {
    const text = `FIBROMYALGIA / PHYSICAL MEDICAL SOURCE STATEMENT\nPatient: Jane Roe     DOB: 08/30/1971\n1. Nature, frequency and length of contact: Rheumatology since 03/24/2021, visits every 3-6 months.\n2. Diagnoses: Fibromyalgia.\n15. Earliest date the limitations apply: 05/14/2021\n\n${signature}`;
    expect(splitEncounters(textDoc(text)).map((e) => [e.kind, e.date])).toEqual([['medical_source_statement', '2024-05-22']]);
  });
});

describe('a signature line\'s date', () => {
  it('"Signed: … Date of report: 03/03/2023" closes the report, it opens no visit', () => {
    const text = 'INDEPENDENT MEDICAL EXAMINATION\nDate of examination: 02/28/2023\nMMI: reached.\nSigned: S. Stone, MD        Date of report: 03/03/2023\n\fIME-4  INDEPENDENT MEDICAL EXAMINATION (continued)\nDate of examination: 02/28/2023\nApportionment: none.\n';
    const encounters = splitEncounters(textDoc(text));
    expect(new Set(encounters.map((e) => e.date))).toEqual(new Set(['2023-02-28']));
    // Every encounter starts at a line start: no block begins inside the line of the one before it.
    for (const e of encounters) expect(e.start === 0 || text[e.start - 1] === '\n' || text[e.start - 1] === '\f').toBe(true);
  });
});

describe('a therapy file bound as exhibit pages', () => {
  const file = 'Exhibit No. 3F                                                                 Page 1 of 19\nRIVERPOINT NEURO REHAB\n\nPHYSICAL THERAPY INITIAL EVALUATION\nPatient: Jane Doe     DOB: 05/22/1986     Date: 04/05/2022\nDx: multiple sclerosis (relapse 01/2022)\nPLAN: 2x/week x 8 weeks.\n-----------------------------------------------\nExhibit No. 3F                                                                 Page 4 of 19\nRIVERPOINT NEURO REHAB - DAILY NOTE (representative)         Date: 04/08/2022   Visit 2\nS: Tired today. P: Continue POC.\n-----------------------------------------------\nRIVERPOINT NEURO REHAB\nPHYSICAL THERAPY DISCHARGE SUMMARY          Date: 07/21/2022     Visits: 16 (04/05-07/21/2022)\nPt has reached a plateau in skilled PT.\n';
  it('each titled note under a running exhibit header is a visit, dated by its own "Date:" (not by the birth date or a history date)', () => {
    expect(splitEncounters(textDoc(file)).map((e) => e.date)).toEqual(['2022-04-05', '2022-04-08', '2022-07-21']);
  });
});

describe('a clinic\'s date-led visit lines', () => {
  it('"04/26/2022 - F/U - R. O. Doe, MD" opens a visit, and so does a line right under a page footer', () => {
    const text = '04/05/2022 - NEW PATIENT - R. O. Doe, MD\nS: R shoulder pain.\n  - RTC after MRA.\n\n04/26/2022 - F/U - R. O. Doe, MD\nS: Injection helped ~1 week.\nRTC 7 wk.\n                                                  ACOS - Page 2 of 8\n12/13/2022 - FINAL EVALUATION - R. O. Doe, MD\nP: She has reached maximum medical improvement as of today.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-04-05', '2022-04-26', '2022-12-13']);
  });
  it('"MMI status: no longer at maximum medical improvement" is a withdrawal, not an MMI', () => {
    expect(of('- MMI status: Ms. Doe is no longer at maximum medical improvement.', 'mmi_statement').filter((f) => f.temporality === 'current').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
});

describe('the author at the end of a dated heading', () => {
  it.each([
    ['=== 08/10/2023  NEW PATIENT CONSULT  -  Jane Q. Roe, MD =====================\nCC: neck pain.\n', 'Jane Q. Roe', 'MD'],
    ['04/26/2022 - F/U - R. O. Doe, MD\nS: Injection helped ~1 week.\n', 'R. O. Doe', 'MD'],
    ['06/17/2022 - POST-OP #1 (POD 10) - Kara J. Wendel, PA-C / R. O. Doe, MD\nS: Wound clean.\n', 'Kara J. Wendel', 'PA-C'],
  ])('%s', (text, name, credential) => {
    expect(splitEncounters(textDoc(text)).map((e) => [e.provider.name, e.provider.credential])).toEqual([[name, credential]]);
  });
  it('"FOLLOW-UP      08/06/2024" whose interval mentions an ED visit is the neurologist\'s office visit', () => {
    const e = splitEncounters(textDoc('FOLLOW-UP                                        08/06/2024\nProvider: Jonah P. Whit, DO (Neurology)\nInterval: ED visit Monroeville Regional 07/19/2024 - 4-day migraine.\nA/P: Start eptinezumab.\n'));
    expect(e.map((x) => x.kind)).toEqual(['office_visit']);
  });
  it('"MR ARTHROGRAM RIGHT SHOULDER" heads an imaging report', () => {
    const e = splitEncounters(textDoc('MR ARTHROGRAM RIGHT SHOULDER (fluoroscopic intra-articular injection)\nDate of exam: 04/19/2022\nFINDINGS: Type II SLAP tear.\nIMPRESSION: SLAP tear.\n'));
    expect(e.map((x) => x.kind)).toEqual(['imaging']);
  });
  it('"ENCOUNTER 04/03/2024 - FOLLOW UP (MRI REVIEW)" is an office visit, not an imaging report', () => {
    const e = splitEncounters(textDoc('ENCOUNTER 04/03/2024 - FOLLOW UP (MRI REVIEW) - Jane Q. Roe, MD\nInterval: MRI 03/29/2024 shows a full-thickness tear.\nPlan: arthroscopy.\n'));
    expect(e.map((x) => x.kind)).toEqual(['office_visit']);
  });
});

describe('authors written with initials, and who only certified', () => {
  it('"Provider: A. R. Doe, DO" names the author', () => {
    expect(splitEncounters(textDoc('FOLLOW-UP          DOS 10/11/2022     Provider: A. R. Doe, DO\nS: PT restarted.\n')).map((e) => e.provider.name)).toEqual(['A. R. Doe']);
  });
  it('a therapy plan certified by "Physician signature: H. P. Roe, MD" is still the therapist\'s note', () => {
    const text = 'INITIAL EVALUATION\nEval date: 01/04/2022       Therapist: Corey B. Lind, PT, DPT\nPlan: 2x/wk x 8 wk.\nI certify the need for services.\nPhysician signature: H. P. Roe, MD  (signed 01/07/2022)\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.provider.name)).toEqual(['Corey B. Lind']);
  });
});

describe('a referral declined after a dash, and a log row signed by a nurse', () => {
  it('"Discussed psychiatry referral for med optimization - she declines" is no open referral', () => {
    const f = of('Discussed psychiatry referral for med optimization - she declines referral to psychiatry, prefers to continue with PCP.', 'plan_signal')
      .filter((p) => p.attributes.signal === 'referral' && !p.negated && p.temporality === 'current');
    expect(f).toEqual([]);
  });
  it('an infusion log row "11/20/2023  Ocrelizumab 600 mg IV. Uneventful. - K. Roe, RN" names no visit author', () => {
    const text = 'FOLLOW-UP   DOS 11/14/2023   Provider: Farah N. Iqbal, MD\nStable. No changes.\nINFUSION LOG\n 11/20/2023  Ocrelizumab 600 mg IV (maintenance #2). Uneventful. - K. Roe, RN\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.provider.name)).toEqual(['Farah N. Iqbal']);
  });
});

describe('a therapist\'s visit log', () => {
  it('each dated row is a session given that day, cited by its date', () => {
    const text = 'EDISON HAND THERAPY\nTherapists: Lauren Whit, OTR/L, CHT (LW)\nEPISODE 2 - LEFT HAND s/p L open CTR 01/11/2023\nVisit  Date      By   Pain(0-10)  Interventions / Response\n 1     01/30/23  LW   5           OT eval. Incision healed, scar adherent.\n 2     02/03/23  DO   5           Retrograde massage, glides, desens.\n 3     02/06/23  DO   5           Same. Scar hypersensitive.\n 4     04/28/23  LW   --          Final visit.\n';
    const { doc, facts } = factsOf(text);
    expectValidCitations(facts, [doc]);
    const sessions = facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.modality === 'occupational_therapy' && f.attributes.status === 'performed');
    expect(sessions.map((f) => f.date)).toEqual(expect.arrayContaining(['2023-01-30', '2023-02-03', '2023-02-06', '2023-04-28']));
    expect(sessions.find((f) => f.date === '2023-04-28')!.evidence[0].quote).toBe(' 4     04/28/23'.trim());
  });
});

describe('a physician assistant\'s notes stay a physician\'s office notes', () => {
  it('a PA-C\'s post-op note that talks about hand therapy is not a therapy session', () => {
    const text = '08/15/2022  POST-OP #1 - Michael Conti, PA-C\nPOD 12 s/p R ECTR. Start hand therapy (OT) 2x/wk. Sutures removed.\nM. Conti, PA-C\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.specialty)).not.toContain('occupational_therapy');
  });
});

describe('an MMI someone else\'s report states', () => {
  it('"Received letter from carrier w/ IME report - states he is at MMI w/o restrictions" is the IME\'s opinion reported', () => {
    expect(of('Received letter from carrier w/ IME report - states he is at MMI w/o restrictions.', 'mmi_statement').filter((f) => f.temporality === 'current')).toEqual([]);
  });
});

describe('the relief an earlier procedure gave, written over two lines under a recalled plan', () => {
  it('"Plan from last visit: continue …  Relief\\n from RFA estimated 25-30 % now" is no new RFA and no plan', () => {
    const t = 'FOLLOW-UP    Date: 02/13/2024\nInterval history: Plan from last visit: continue current regimen.\n  02/13/24: Gradual return of axial pain. Relief\n  from RFA estimated "maybe 25-30% now."\nPlan: Continue meloxicam. RTC 3 months.';
    const rfa = of(t, 'treatment').filter((f) => f.attributes.modality === 'radiofrequency_ablation');
    expect(rfa.filter((f) => f.temporality === 'current' && (f.attributes.status === 'recommended' || f.attributes.status === 'planned'))).toEqual([]);
    expect(of(t, 'plan_signal').filter((f) => f.attributes.signal === 'new_treatment')).toEqual([]);
  });
});

describe('a scanned "n0t"', () => {
  it('"In my opinion he is n0t at MMI" is not at MMI', () => {
    expect(of('02/20/2024 IME\n1. Maximum medical improvement: In my opinion Mr. Doe is n0t at MMI.', 'mmi_statement').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
});

describe('an examiner\'s MMI reported in a treating note', () => {
  it('"denied by carrier based on Section 12 IME (Dr. Roe, 01/10/2023) stating MMI and full duty" is the examiner\'s opinion, not the note\'s', () => {
    const t = '01/19/2023 FOLLOW-UP\nS: Surgery authorization denied by carrier based on Section 12 IME (Dr. Roe, 01/10/2023)\n stating MMI and full duty.';
    expect(of(t, 'mmi_statement').filter((f) => f.temporality === 'current')).toEqual([]);
  });
});

describe('a clinic file\'s header', () => {
  it('the attending named in the file header wrote the dated visits below it, which carry no letterhead of their own', () => {
    const text = ['NORTHEAST ROE ORTHOPAEDIC ASSOCIATES, P.C.', 'Sports Medicine & Arthroscopy  |  1 Main St, Clarks Summit, PA 18411', '=====================================',
      'PATIENT: John Doe     DOB: 11/03/1980     MRN: X-1', 'Attending: Marianne K. Roe, MD (orthopaedic surgery)', '=====================================',
      '07/19/2022  NEW PATIENT - L KNEE', 'HPI: Twisting injury of the left knee at work.', 'P: Arthroscopy recommended.', '-------------------------------------',
      '01/05/2023  FOLLOW-UP', 'Seen in the ED 12/30 for a fall; x-ray negative. Continue PT.', ''].join('\n');
    const encs = splitEncounters(textDoc(text));
    expect(encs.map((e) => [e.date, e.provider.name])).toEqual([['2022-07-19', 'Marianne K. Roe'], ['2023-01-05', 'Marianne K. Roe']]);
  });
});

describe('an MMI limited to one discipline\'s care', () => {
  it('"From an interventional pain standpoint he has reached maximum medical improvement" is not the claim\'s MMI', () => {
    expect(of('From an interventional pain standpoint he has reached maximum medical improvement.', 'mmi_statement').filter((f) => f.temporality === 'current')).toEqual([]);
  });
});

describe('a designated doctor\'s alternate certification', () => {
  it('"Alternate certification B: MMI 06/28/2022, 0% whole person impairment" is given only in case, not stated', () => {
    expect(of('Alternate certification B: MMI 06/28/2022, 0% whole person impairment (if the compensable injury is a sprain only).', 'mmi_statement').filter((f) => f.temporality === 'current')).toEqual([]);
  });
  it('the primary certification still is one', () => {
    expect(of('Certification A: the employee reached MMI on 03/28/2023 with 1% whole person impairment.', 'mmi_statement').filter((f) => f.temporality === 'current').map((f) => f.attributes.mmiDate)).toEqual(['2023-03-28']);
  });
});

describe('California progress reports in a series', () => {
  it('"PR-2   09/18/2023   H. S. Doe, MD      [X] Change in work status" opens a visit by its author', () => {
    const text = 'PR-2   05/09/2022   H. S. Doe, MD      [X] Periodic report\nS: numbness.\nP&S: No.\n\nPR-2   09/18/2023   H. S. Doe, MD      [X] Change in work status  [X] Request for authorization\nA/P: my P&S finding of 04/24/2023 is withdrawn.\n';
    expect(splitEncounters(textDoc(text)).map((e) => [e.date, e.provider.name])).toEqual([['2022-05-09', 'H. S. Doe'], ['2023-09-18', 'H. S. Doe']]);
  });
});

describe('a clinic\'s notes between page footers and signatures', () => {
  const text = 'STARK PAIN CENTER - FOLLOW UP\nVisit: 04/09/2024   Provider: Alyssa Dombrow, APRN-CNP\nS: Neurosurgery 1-yr visit coming up.\nA/P: stable regimen. RTC 3 months.\n/s/ A. Dombrow, CNP\n                                                  SIPC | Doe | Pg 3 of 5\nSTARK PAIN CENTER - FOLLOW UP    [13F]\nVisit: 01/14/2025   Provider: Vikram Seth, MD   (annual MD review)\nS: Neurosurgery saw her 11/20/2024 - no change.\nA/P: Continue duloxetine. RTC 3 months.\n/s/ Vikram Seth, MD\n';
  it('the next note starts below the footer, so the signature and footer stay with the note they close', () => {
    const e = splitEncounters(textDoc(text));
    expect(e.map((x) => [x.date, x.provider.name])).toEqual([['2024-04-09', 'Alyssa Dombrow'], ['2025-01-14', 'Vikram Seth']]);
    expect(textDoc(text).text.slice(e[1].start, e[1].start + 17)).toBe('STARK PAIN CENTER');
  });
  it('a service named as having seen her, or an appointment coming up, is not the note\'s discipline', () => {
    expect(splitEncounters(textDoc(text)).map((x) => x.specialty)).not.toContain('neurosurgery');
  });
});

describe('a flare, and an allowance for one', () => {
  it.each(['Acute flare of post-laminectomy pain.', 'Flare x 10 days after carrying a sofa.'])('%s', (t) => {
    expect(of(t, 'plan_signal').map((f) => f.attributes.signal)).toContain('flare');
  });
  it.each(['Caudal ESI prn flare.', 'Call for any flare.'])('not: %s', (t) => {
    expect(of(t, 'plan_signal').filter((f) => f.temporality === 'current' && !f.negated).map((f) => f.attributes.signal)).not.toContain('flare');
  });
});

describe('an MMI left for later', () => {
  it('"I will reassess for MMI and address permanency about 3 months after RFA" is no MMI statement', () => {
    expect(of('I will reassess for MMI and address permanency approximately 3 months after RFA.', 'mmi_statement').filter((f) => f.temporality === 'current' && f.attributes.kind !== 'not_at_mmi')).toEqual([]);
  });
});

describe('"PT" that is no therapy session', () => {
  it.each([
    'Plan: HEP from PT. Single-point cane reasonable.',
    'Labs: PT 12.1 sec, INR 1.0, PTT 29 sec.',
  ])('%s', (text) => {
    expect(of(`06/18/2024 OFFICE VISIT\n${text}`, 'treatment').filter((f) => f.attributes.modality === 'physical_therapy')).toEqual([]);
  });
  it('"Continue PT 2x/week" still is', () => {
    expect(of('06/18/2024 OFFICE VISIT\nContinue PT 2x/week.', 'treatment').map((f) => f.attributes.modality)).toContain('physical_therapy');
  });
});

describe('care of a separate mental impairment', () => {
  it('an antidepressant added during a physical condition\'s maintenance phase does not reopen it', async () => {
    const { isMentalHealthDrugClass } = await import('../src/knowledge/relevance.js');
    const classes = (text: string) => of(text, 'treatment').filter((f) => f.attributes.modality === 'medication').map((f) => isMentalHealthDrugClass(f.attributes.drugClass));
    expect(classes('Post-stroke depression - start sertraline 25 mg daily.')).toEqual([true]);
    expect(classes('Add bupropion XL 150 mg q AM.')).toEqual([true]);
    // Pain-modulating antidepressants treat the pain.
    expect(classes('Start duloxetine 30 mg daily.')).toEqual([false]);
    expect(classes('Start amitriptyline 10 mg qhs.')).toEqual([false]);
  });
});

describe('maintenance plans as a clinic writes them', () => {
  it.each([
    ['Treatment: Continue all meds, refills x 3.', 'continue_current_management'],
    ['2. Chronic pain - stable on current regimen.', 'continue_current_management'],
    ['Fo1low Up: 3 months', 'return_to_clinic'],
    ['5. RTC every 3 months.', 'return_to_clinic'],
    ['Follow-up q 6 weeks with labs.', 'return_to_clinic'],
    ['P: Transition to maintenance management:', 'maintenance_care'],
    ['Plan: As above. Return in 1 year or sooner as needed.', 'maintenance_care'],
    ['Orthopaedic follow-up once a year with weight-bearing X-rays.', 'maintenance_care'],
  ])('%s', (text, signal) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain(signal);
  });
  it('"continue all meds" does not swallow a new one', () => {
    expect(of('Continue PT 2x/wk for 4 more weeks.', 'plan_signal').map((f) => f.attributes.signal)).not.toContain('continue_current_management');
  });
});

describe('state words for MMI', () => {
  it.each([
    ['In my opinion he reached a healing plateau as of today, 02/06/2023.', 'mmi', '2023-02-06'],
    ['End of healing 02/01/2023.', 'mmi', '2023-02-01'],
    ['He has not reached a healing plateau.', 'not_at_mmi', undefined],
    ['Want another 6-8 wks of medication + HEP before setting end of healing.', 'not_at_mmi', undefined],
  ])('%s', (text, kind, date) => {
    const [f] = of(text, 'mmi_statement').filter((s) => s.temporality === 'current');
    expect(f.attributes).toMatchObject({ kind, ...(date ? { mmiDate: date } : {}) });
  });
});

describe('MMI for one body part while another is still treated', () => {
  const partial = (text: string) => of(text, 'mmi_statement').filter((f) => f.attributes.kind === 'mmi' && f.temporality === 'current');
  it.each([
    'Knee has reached MMI - permanency evaluation performed today (right knee only).\nBack: awaiting surgery authorization. Lumbar spine NOT at MMI.',
    'MMI: [X] Yes - right knee only (C-4.3 filed 01/10/2024)   [X] No - lumbar spine',
    'Body parts: low back (R knee - MMI 01/10/2024, C-4.3 on file)\nPLAN: Surgery 05/21/2024.\nMMI:  Lumbar spine [X] No - active treatment, surgery scheduled.   Right knee [X] Yes (01/10/2024).',
    'DIAGNOSES: M51.17 disc disorder; R knee s/p partial medial meniscectomy (S83.241D) - at MMI.\nMMI:  Lumbar spine [X] No - active treatment.',
  ])('%s', (text) => expect(partial(text)).toEqual([]));
  it.each([
    'He has reached maximum medical improvement for the lumbar spine.',
    'Right knee - at MMI. Lumbar spine - at MMI.',
  ])('an MMI for every part named is still one: %s', (text) => expect(partial(text).length).toBeGreaterThan(0));
});

describe('a report series split at its dated exam lines', () => {
  it('"Exam 12/14/2022  Body parts: …" opens a visit', () => {
    const text = "DOCTOR'S PROGRESS REPORT (C-4.2) - DOE, JOHN - WCB G1\n\nExam 12/14/2022  Body parts: R knee; low back.\n Plan: PT.   MMI: [X] No  [ ] Yes\n\nExam 01/18/2023  Body parts: R knee; low back.\n Plan: Continue PT.   MMI: [X] No  [ ] Yes\n";
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-12-14', '2023-01-18']);
  });
  it('"Exam: unchanged" in a note is not a visit line', () => {
    expect(splitEncounters(textDoc('OFFICE VISIT 03/01/2023\nS: better.\n\nExam: unchanged.\n')).map((e) => e.date)).toEqual(['2023-03-01']);
  });
});

describe('who wrote the note', () => {
  it.each([
    'KEYSTONE ARTHRITIS & RHEUMATOLOGY ASSOCIATES, P.C.\nFOLLOW-UP VISIT      Date of service: 06/28/2022\nINTERVAL HX: Psychiatry (Dr. Aldana) increased duloxetine to 90 mg.',
    'FOLLOW-UP VISIT      Date of service: 12/13/2022\nINTERVAL HX: Still foggy. Psychiatry added bupropion (now 300 mg).',
  ])('another service named as the one who acted does not relabel the author: %s', async (head) => {
    const { classifyEncounter } = await import('../src/segment/classify.js');
    expect(classifyEncounter(head, '', 'MD').specialty).not.toBe('psychiatry');
  });
  it('a rheumatology letterhead is a treating specialist, not primary care or psychiatry', async () => {
    const { classifyEncounter } = await import('../src/segment/classify.js');
    expect(classifyEncounter('KEYSTONE ARTHRITIS & RHEUMATOLOGY ASSOCIATES\nNEW PATIENT CONSULTATION', '', 'MD').specialty).toBe('rheumatology');
  });
  it('spaced dashes separate visits', () => {
    const text = 'MEDICATION MANAGEMENT (99214)      Date: 06/07/2022      Clinician: M. Doe, MD\nP: Continue duloxetine.\nM. Doe, MD\n- - - - - - - - - - - - - - - -\nMEDICATION MANAGEMENT (99214)      Date: 08/16/2022      Clinician: M. Doe, MD\nP: Augment w/ aripiprazole 2 mg daily.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-06-07', '2022-08-16']);
  });
  it('"Augment w/ aripiprazole" starts a drug', () => {
    expect(of('P: Augment w/ aripiprazole 2 mg daily; monitor akathisia.', 'treatment').map((f) => [f.attributes.drug, f.attributes.doseChange])).toContainEqual(['aripiprazole', 'started']);
  });
});

describe('medication changes as neurologists and psychiatrists write them', () => {
  it.each([
    ['Cross-taper to lacosamide: 50 mg BID x 1 wk, then 150 mg BID.', 'lacosamide', 'switched'],
    ['Increase levetiracetam to 1000 mg BID.', 'levetiracetam', 'increased'],
    ['Taper gabapentin off over 2 wks.', 'gabapentin', 'decreased'],
    // A start with its titration schedule is a start; the increases are the plan for the weeks ahead.
    ['Start gabapentin 300 mg qhs, increase by 300 mg every 5-7 days to 300 mg tid.', 'gabapentin', 'started'],
    ['Trial low-dose naltrexone 1.5 mg qhs, increase by 1.5 mg q2 weeks to 4.5 mg qhs.', 'naltrexone', 'started'],
    ['Gabapentin 300 mg tid helping, increase to 600 mg tid.', 'gabapentin', 'increased'],
  ])('%s', (text, drug, change) => {
    expect(of(text, 'treatment').map((f) => [f.attributes.drug, f.attributes.doseChange])).toContainEqual([drug, change]);
  });
});

describe('performance tests a neuro-rehab therapist scores', () => {
  it.each([
    ['OT: FMA-UE 30/66.', 'Fugl-Meyer Assessment'],
    ['Dynamic Gait Index 14/24 at discharge.', 'Dynamic Gait Index'],
    ['Berg 44/56.', 'Berg Balance Scale'],
  ])('%s', (text, name) => {
    expect(of(text, 'outcome_measure').map((m) => m.attributes.name)).toContain(name);
  });
});

describe('words that hand an MMI to someone else or to later', () => {
  it('a records review "stating that" she reached MMI is its author\'s opinion, not the treating doctor\'s', () => {
    const f = of('I have been provided a copy of a records review by Dr. Roe dated 04/02/2024, stating that Ms. Doe reached MMI on or about 02/14/2024. I disagree. She is NOT at MMI.', 'mmi_statement');
    expect(f.filter((s) => s.attributes.kind === 'mmi' && s.temporality === 'current')).toEqual([]);
    expect(f.map((s) => s.attributes.kind)).toContain('not_at_mmi');
  });
  it('a referral waiting on coverage ("once he has it") is not a plan under way', () => {
    const [r] = of('Asks to be re-sent to the back surgeon once he has it.', 'plan_signal').filter((s) => s.attributes.signal === 'referral');
    expect(r.attributes.target).toBe('back surgeon');
    expect(r.temporality).toBe('hypothetical');
  });
});

describe('an MMI date written before the words it dates', () => {
  it('"As of my examination on April 17, 2023, she had reached maximum medical improvement"', () => {
    const [f] = of('As of my examination on April 17, 2023, she had reached maximum medical improvement; that is the date.', 'mmi_statement').filter((s) => s.attributes.kind === 'mmi');
    expect(f.attributes.mmiDate).toBe('2023-04-17');
  });
  it('another named doctor\'s conclusion is reported, not stated', () => {
    const f = of('Dr. Whitcomb concludes that Ms. Doe sustained only a sprain and was not at MMI for long; I disagree.', 'mmi_statement');
    expect(f.filter((s) => s.temporality === 'current')).toEqual([]);
  });
});
