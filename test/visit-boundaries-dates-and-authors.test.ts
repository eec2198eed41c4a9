import { describe, expect, it } from 'vitest';
import type { Encounter, SourceDocument } from '../src/model/index.js';
import { textDoc } from './helpers/extract-doc.js';
import { findDates } from '../src/knowledge/dates.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { harmonizeEncounters } from '../src/segment/harmonize.js';
import { findProviders, pickProvider } from '../src/segment/providers.js';
import { of } from './helpers/facts-of.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): visit titles signed by their clinician.
 */
function doc(text: string): SourceDocument {
  return { id: 'd1', file: 'note.txt', text, pages: [{ page: 1, start: 0, end: text.length }] } as unknown as SourceDocument;
}

describe('encounters', () => {
  const record = [
    'CEDAR PHYSICAL THERAPY', 'Initial Evaluation', '', 'Date of Service: 01/08/2024', 'Therapist: Lena Ruiz, PT, DPT', 'Pt reports neck pain.', '',
    'CEDAR PHYSICAL THERAPY', 'Discharge Summary', '', 'Date of Service: 02/20/2024', 'Goals met. Recommend FCE per referring MD.', '',
  ].join('\n');
  const encs = splitEncounters(textDoc(record));
  it('a letterhead and title above a blank line open the next visit', () => {
    expect(encs).toHaveLength(2);
    expect(record.slice(encs[1].start, encs[1].start + 22)).toBe('CEDAR PHYSICAL THERAPY');
  });
  it('the title decides the kind, not a document recommended in the body', () => {
    expect(encs[1].kind).toBe('pt_discharge');
  });
  it('an unsigned visit takes the provider of the same clinic’s earlier visit', () => {
    expect(encs[1].provider.name).toBe('Lena Ruiz');
  });
});

describe('visit titles signed by their clinician', () => {
  const dates = (text: string) => splitEncounters(textDoc(text)).map((e) => e.date);
  it('a department\'s name, its date and the signer open a visit, with or without a blank line above', () => {
    const text = [
      'RIVER CLINIC - Main Site', '',
      'PRIMARY CARE - 11/30/2021 - Teresa Olguin, FNP', 'CC: hands hurt.', 'A/P: labs. F/u 2 wks.',
      'PRIMARY CARE - 12/21/2021 - T. Olguin, FNP', 'A/P: likely RA. Rheum referral placed.',
      'BEHAVIORAL HEALTH - 10/16/2023 (telephone) - M. Gallegos, LCSW', 'Re-engaged.',
      'PRIMARY CARE - 09/25/2023 - Daniel Reyes, MD (covering)', 'A/P: flare.', '',
    ].join('\n');
    expect(dates(text)).toEqual(expect.arrayContaining(['2021-11-30', '2021-12-21', '2023-10-16', '2023-09-25']));
  });
  it.each([
    'MMI / IMPAIRMENT VISIT - 02/20/2024                 Lauren B. Doe, DO, Level II accredited',
    'NP VISIT   12/03/2024          Kendra Roe, APRN, FNP-C',
    'NURSE VISIT - INJECTION TEACHING   01/14/2025        Tanya Poe, RN',
  ])('%s', (header) => {
    const text = `FOLLOW-UP - 01/25/2024   Lauren B. Doe, DO\nWork conditioning 3 wks done.\n\n${header}\nHPI: stable.\n`;
    expect(dates(text)).toHaveLength(2);
  });
  it('a hyphenated title is not split into a title and an author ("FOLLOW-UP    V. Doe, MD")', () => {
    const text = [
      'PAIN CENTER', '-----------------',
      '06/27/2023  FOLLOW-UP (4 weeks after R RFA)    V. Doe, MD', 'Neck pain 3/10.', '-----------------',
      '08/08/2023  FOLLOW-UP    V. Doe, MD', 'Neck pain 2-3/10. P: Continue HEP.', '-----------------',
      '11/07/2023  FOLLOW-UP    V. Doe, MD', 'P: No change. Return in 3 months.', '',
    ].join('\n');
    const encounters = splitEncounters(textDoc(text));
    expect(encounters.map((e) => e.date)).toEqual(['2023-06-27', '2023-08-08', '2023-11-07']);
    expect(encounters.map((e) => e.provider.name)).toEqual(['V. Doe', 'V. Doe', 'V. Doe']);
  });
  it('a letter\'s labelled case fields are not a visit', () => {
    const text = 'ORTHO ASSOCIATES\n\n                May 8, 2023\n\n        RE:   Your client:   Jane Roe\n              Date of incident:   01/18/2022\n\nDear counsel:\nI have treated her since 09/07/2022.\n';
    expect(dates(text)).not.toContain('2022-01-18');
  });
  it('on a tie, the letterhead\'s discipline is the author\'s', () => {
    const text = [
      'ACADIANA RHEUMATOLOGY ASSOCIATES', '',
      'FOLLOW-UP   06/06/2023          Theresa Roe, MD', 'A/P: RA, CDAI 36. Methotrexate 15 mg weekly.', '',
      'FOLLOW-UP   08/29/2023          Theresa Roe, MD', 'A/P: RA. PCP to manage blood pressure. Primary care follow-up.', '',
    ].join('\n');
    const encounters = splitEncounters(textDoc(text));
    harmonizeEncounters(encounters, 'clinical');
    expect(encounters.filter((e) => e.date).map((e) => e.specialty)).toEqual(['rheumatology', 'rheumatology']);
  });
  it('unsigned follow-ups in a surgeon\'s file that mention the FCE are the practice\'s visits, not FCE reports', () => {
    const text = [
      'CAPITAL EXAMPLE SPINE & ORTHOPAEDIC ASSOCIATES', '',
      'NEW PATIENT CONSULTATION     07/11/2023     Gregory S. Doe, MD (orthopaedic spine surgery)', 'A/P: C5-6 disc herniation. Recommend ACDF.', '',
      'FOLLOW-UP                                                               02/27/2024', 'Work conditioning completed. Order FCE. Return after FCE.', '',
      'FOLLOW-UP / PERMANENCY VISIT                                            04/16/2024', 'FCE 04/02/2024 valid, medium duty. He has reached maximum medical improvement.', '',
    ].join('\n');
    const encounters = splitEncounters(textDoc(text));
    harmonizeEncounters(encounters, 'clinical');
    expect(encounters.filter((e) => e.date).map((e) => [e.specialty, e.kind === 'fce'])).toEqual([['orthopedic_surgery', false], ['orthopedic_surgery', false], ['orthopedic_surgery', false]]);
  });
});

describe('a log of dated paragraphs', () => {
  it('each paragraph that opens with its date is a visit, once there are three', () => {
    const text = 'CASCADE CLINIC - FOLLOW-UP LETTERS (excerpts)\n\n09/20/2022  Cyclobenzaprine helps her sleep. Continue.\n\n06/06/2023  FIQR 61. Start pregabalin 50 mg qhs.\n\n09/19/2023  Pregabalin: dizziness. Taper off over 1 week.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-09-20', '2023-06-06', '2023-09-19']);
  });
  it('a PR-2 log\'s entries open with the report type ticked ("01/12/2023  [X] Periodic")', () => {
    const text = 'PTP PROGRESS REPORTS (PR-2)\n\n12/01/2022  [X] Periodic\nPost-op #1: sutures out. Start PT.\n\n01/12/2023  [X] Periodic\nROM 0-120. Continue PT.\n\n09/05/2023  [X] Change in work status [X] Change in treatment plan\nLocking episode. P&S withdrawn.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-12-01', '2023-01-12', '2023-09-05']);
  });
  it('one or two dated lines are not a log', () => {
    const text = 'DATE OF SERVICE: 05/01/2024\nImaging reviewed:\n\n03/10/2022  Lumbar protrusion at L4-5 was seen.\n\n04/11/2023  Cervical spondylosis was seen.\n\nPlan as above.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2024-05-01']);
  });
  it('a claims administrator\'s correspondence log is administrative', async () => {
    const { classifyDocument } = await import('../src/segment/document-role.js');
    const text = 'HEARTLAND CLAIMS ADMINISTRATORS, INC.\n8400 Normandale Lake Blvd, Bloomington, MN\n\n08/29/2023  Letter to Dr. P. Doe - PRIOR AUTHORIZATION RESPONSE\n  Approved: right carpal tunnel release.\n';
    expect(classifyDocument(textDoc(text, 'Heartland_ClaimCorrespondence_Auth_Denial.txt')).role).toBe('administrative');
  });
});

describe('dates', () => {
  it.each(['pain at 4-5/10 with reaching', 'strength 4-/5', 'six visits over the next year'])('no date in "%s"', (text) => {
    expect(findDates(text, '2024-01-22')).toEqual([]);
  });
  it('an observed fact is not dated after its visit', () => {
    const l = of('Pain 6/10. Standing tolerance 20 minutes; recheck planned on 6/1/2024.', 'limitation');
    for (const f of l) expect(f.date! <= '2024-03-14').toBe(true);
  });
});

describe('memoised date parsing', () => {
  it('returns the same dates for a repeated sentence and refuses mutation', () => {
    const a = findDates('Seen on 3/2/2024 for follow-up.', '2024-03-14');
    const b = findDates('Seen on 3/2/2024 for follow-up.', '2024-03-14');
    expect(b).toEqual(a);
    expect(() => (b as unknown as unknown[]).push(1)).toThrow();
    expect(findDates('Seen on 3/2 with increased pain.', '2024-01-10')[0].date).toBe('2023-03-02');
  });
});

describe('author: header fields beat names in the narrative', () => {
  it('a "seen by Dr. X" sentence never sets the author', () => {
    const t = 'FOLLOW-UP\nDOS: 02/05/2024\nPhysician: Lena Okonkwo-Barros, MD\n\nS: Seen by Dr. Feldstein 01/15/2024, who recommended injections. Pain 5/10.\n';
    const enc: Encounter = splitEncounters(doc(t))[0];
    expect(enc.provider.name).toBe('Lena Okonkwo-Barros');
  });
  it('"Evaluated by:" as a field still names the author', () => {
    const t = 'Evaluated by: Corinne Aboud, PT, DPT\n';
    expect(pickProvider(findProviders(t, 0, t.length))?.provider.name).toBe('Corinne Aboud');
  });
  it.each([
    ['the supervising physician who countersigns is not the author', 'Electronically signed: Dana K. Sample, PA-C  08/29/2023 14:05     Cosigned: Ruth E. Doe, MD\n', 'Dana K. Sample'],
    ['the supervising physician who countersigns is not the author', 'Electronically signed: Dana K. Sample, PA-C\nCo-signed: Ruth E. Doe, MD\n', 'Dana K. Sample'],
    // Invalid: a signature alone is the author's.
    ['a signature alone is the author\'s', 'Electronically signed: Ruth E. Doe, MD\n', 'Ruth E. Doe'],
    ['an encounter list\'s visit type is not the first word of the clinician\'s name', '  02/13/2024  Office     Balasubramanian MD\n', 'Balasubramanian'],
    ['an encounter list\'s visit type is not the first word of the clinician\'s name', '  07/16/2024  Procedure  Brannon PA-C\n', 'Brannon'],
    ['an encounter list\'s visit type is not the first word of the clinician\'s name', 'ENCOUNTER 11/01/2022   Follow-up   Corinne Baptiste, APRN, FNP-BC\n', 'Corinne Baptiste'],
    ['a visit type read as "new patient" is no clinician named "NEW"', 'Pt: DOE, JANE  DOB 10/03/1967\n11/19/2019  NEW PT\nS: LBP.\n', undefined],
    ['a visit type read as "new patient" is no clinician named "NEW"', '04/06/2021  RETURN PT\nS: post-op.\n', undefined],
  ])('%s: %s', (_why, t, name) => {
    expect(pickProvider(findProviders(t, 0, t.length))?.provider.name).toBe(name);
  });
});

describe('who wrote a records review', () => {
  it('a letterhead in capitals with degree and fellowship names the author', async () => {
    const { findProviders, pickProvider } = await import('../src/segment/providers.js');
    const t = 'LAWRENCE D. FENNIMORE, M.D., F.A.A.O.S.\nOrthopaedic Surgery - Independent Medical Review\n';
    expect(pickProvider(findProviders(t, 0, t.length))?.provider).toEqual({ name: 'Lawrence D. Fennimore', credential: 'MD' });
  });
});

describe('one author, one discipline', () => {
  it('a pain doctor\'s note that mentions psychiatry is a pain-management visit; a family doctor is not made a psychiatrist', async () => {
    const { harmonizeEncounters } = await import('../src/segment/harmonize.js');
    const enc = (i: number, name: string, specialty: Encounter['specialty']): Encounter => ({
      id: `d#e${i}`, documentId: 'd', file: 'd.txt', start: i, end: i + 1, date: `2022-0${i}-01`, provider: { name, credential: 'MD' },
      specialty, kind: 'office_visit', evidence: [], source: 'note',
    });
    const pain = [enc(1, 'Nikhil Varghese', 'pain_management'), enc(2, 'Nikhil Varghese', 'pain_management'), enc(3, 'Nikhil Varghese', 'psychiatry'), enc(4, 'Nikhil Varghese', 'unknown')];
    harmonizeEncounters(pain, 'clinical');
    expect(pain.map((e) => e.specialty)).toEqual(['pain_management', 'pain_management', 'pain_management', 'pain_management']);
    const pcp = [enc(1, 'Greg Haver', 'psychiatry'), enc(2, 'Greg Haver', 'psychiatry'), enc(3, 'Greg Haver', 'primary_care')];
    harmonizeEncounters(pcp, 'clinical');
    expect(pcp.map((e) => e.specialty)).toEqual(['psychiatry', 'psychiatry', 'primary_care']);
  });
  it('a counsellor\'s letter that names the primary care provider is still the counsellor\'s (her licence names her discipline)', async () => {
    const { harmonizeEncounters } = await import('../src/segment/harmonize.js');
    const enc = (i: number, specialty: Encounter['specialty']): Encounter => ({
      id: `d#e${i}`, documentId: 'd', file: 'd.txt', start: i, end: i + 1, date: `2022-0${i}-01`, provider: { name: 'Brenda K. Roe', credential: 'MA, LCMHC' },
      specialty, kind: 'office_visit', evidence: [], source: 'note',
    });
    const list = [enc(1, 'psychology'), enc(2, 'primary_care')];
    harmonizeEncounters(list, 'clinical');
    expect(list.map((e) => e.specialty)).toEqual(['psychology', 'psychology']);
  });
  it('a physician\'s progress reports that order therapy are never a therapist\'s notes', async () => {
    const { harmonizeEncounters } = await import('../src/segment/harmonize.js');
    const enc = (i: number, specialty: Encounter['specialty'], kind: Encounter['kind']): Encounter => ({
      id: `d#e${i}`, documentId: 'd', file: 'd.txt', start: i, end: i + 1, date: `2023-0${i}-01`, provider: { name: 'M. O. Roe', credential: 'MD' },
      specialty, kind, evidence: [], source: 'note',
    });
    const list = [enc(1, 'unknown', 'office_visit'), enc(2, 'physical_therapy', 'pt_progress'), enc(3, 'physical_therapy', 'pt_progress')];
    harmonizeEncounters(list, 'clinical');
    expect(list.map((e) => [e.specialty, e.kind])).toEqual([['unknown', 'office_visit'], ['other', 'office_visit'], ['other', 'office_visit']]);
  });
  it('a signature at the end of a form\'s last line ("Next appointment: after MRI.      /s/ M. O. Roe, MD") names the author', async () => {
    const { findProviders } = await import('../src/segment/providers.js');
    const t = 'Has the patient reached MMI? [ ] Yes [X] No\nNext appointment: after MRI.      /s/ M. O. Roe, MD\n';
    expect(findProviders(t, 0, t.length).map((p) => p.provider)).toContainEqual({ name: 'M. O. Roe', credential: 'MD' });
  });
  it('"/s/ S. Roe MD", its credential without the comma, names the author', async () => {
    const { findProviders } = await import('../src/segment/providers.js');
    const t = 'Plan: revision RCR requested.\n/s/ S. Roe MD\n';
    expect(findProviders(t, 0, t.length).map((p) => p.provider)).toContainEqual({ name: 'S. Roe', credential: 'MD' });
  });
  it('an appointment with another service named in a short note does not make it that service\'s note', async () => {
    const { classifyEncounter } = await import('../src/segment/classify.js');
    const head = 'DOS 04/11/2023   Colton Reyes, PA-C\nS: Improved after ESI to baseline 6/10. MRI scheduled 04/18. Neurosurgery 05/16.\nA/P: Continue regimen. RTC 3 mo.';
    expect(classifyEncounter(head, head, 'PA-C').specialty).not.toBe('neurosurgery');
  });
});

describe('a psychiatric clinic\'s notes that mention the PCP', () => {
  const head = 'CUMBERLAND BEHAVIORAL HEALTH CLINIC\n\nPSYCHIATRIC EVALUATION (new patient)      Date of service: 03/15/2022\nProvider: Alice Sample, M.D. (Psychiatry)\nA: Schizoaffective disorder.\n\n';
  const visit = (date: string, body: string) => `MEDICATION MANAGEMENT      Date of service: ${date}\nProvider: Alice Sample, M.D.\n${body}\n\n`;
  const record = head
    + visit('06/21/2022', 'S: PCP diagnosed type 2 diabetes 05/17/2022. P: Continue olanzapine 15 mg. Coordinate with PCP.')
    + visit('09/13/2022', 'S: PCP: A1c 8.3. P: Continue olanzapine.')
    + visit('12/06/2022', 'S: PCP letter requests an antipsychotic change. P: Switch to aripiprazole.');
  it('stay psychiatry: the PCP named is someone else', () => {
    const encs = splitEncounters(textDoc(record));
    harmonizeEncounters(encs, 'clinical');
    expect(encs.map((e) => e.specialty)).toEqual(['psychiatry', 'psychiatry', 'psychiatry', 'psychiatry']);
  });
  it.each([
    ['Corey Sample, PMHNP-BC', 'PMHNP-BC'],
    ['Jo Sample, FNP-BC', 'FNP-BC'],
  ])('a nurse practitioner\'s board credential is read: %s', (line, credential) => {
    expect(pickProvider(findProviders(`Provider: ${line}\n`, 0, line.length + 11))?.provider.credential).toBe(credential);
  });
});

describe('a daily-note log with the weekday after each date', () => {
  const log = ['SAMPLE CHIROPRACTIC - DAILY TREATMENT NOTES', '',
    '03/02/2023 (Thu)  Visit 1   BKP', '    S: Neck 7/10. P: CMT C/T (98940), EMS 15\'.', '',
    '03/03/2023 (Fri)  Visit 2   BKP', '    S: Neck 6/10. P: CMT C/T.', '',
    '08/24/2023 (Thu)  Visit 46   LMT', '    A: Chronic cervical sprain/strain, supportive care. P: Next visit 1 month.', ''].join('\n');
  it('each dated line opens a visit', () => {
    expect(splitEncounters(textDoc(log)).map((e) => e.date)).toEqual(['2023-03-02', '2023-03-03', '2023-08-24']);
  });
});

describe('a radiologist\'s reports filed with another author\'s study', () => {
  const file = ['SAMPLE OPEN MRI  -  1 Main St, Bethlehem PA 18020  -  610-555-0100', '', 'MRI LUMBAR SPINE WITHOUT CONTRAST',
    'Patient: DOE, JANE    DOB: 11/06/1978    Exam date: 04/22/2021', 'FINDINGS: L5-S1 right paracentral extrusion.', 'IMPRESSION: 1. L5-S1 extrusion.',
    'Howard L. Sample, MD   04/22/2021', '\f', 'SAMPLE SPINE & REHABILITATION - ELECTRODIAGNOSTIC LAB', '', 'EMG / NCS REPORT - RIGHT LOWER EXTREMITY',
    'Patient: Doe, Jane   DOB 11/06/1978   Date: 01/11/2022', 'Needle EMG: fibrillations in right gastrocnemius. Motor unit changes.', 'Impression: chronic right S1 radiculopathy.',
    'Corinne A. Sample, DO', '\f', 'SAMPLE OPEN MRI  -  1 Main St, Bethlehem PA 18020  -  610-555-0100', '', 'MRI LUMBAR SPINE WITHOUT AND WITH CONTRAST',
    'Patient: DOE, JANE    DOB: 11/06/1978    Exam date: 05/17/2022', 'FINDINGS: recurrent L5-S1 disc herniation.', 'IMPRESSION: 1. Recurrent herniation.',
    'Howard L. Sample, MD   05/17/2022', ''].join('\n');
  it('stay imaging reports, however the other author\'s discipline reads', () => {
    const encs = splitEncounters(textDoc(file));
    harmonizeEncounters(encs, 'clinical');
    expect(encs.map((e) => e.kind)).toEqual(['imaging', 'emg', 'imaging']);
  });
  it('"XR CERVICAL SPINE 3 VIEWS" in an ED record is an X-ray taken', () => {
    const xr = of('XR CERVICAL SPINE 3 VIEWS (20:14)  Read by: Simone Sample, MD (Radiology)', 'treatment');
    expect(xr.map((f) => [f.attributes.modality, f.attributes.subtype, f.attributes.status])).toEqual([['imaging_study', 'x-ray', 'performed']]);
  });
});

describe('a psychiatric prescriber\'s visit lines', () => {
  const log = ['CROSSROADS COUNSELING & WELLNESS CENTER  |  Psychiatric Services', '',
    'MEDICATION MANAGEMENT (99214)     Date: 11/15/2022     Prescriber: R. Sample, APRN-CNP', 'Plan: Increase sertraline to 150 mg daily. RTC 4-5 wks.', '',
    'MEDICATION MANAGEMENT (99214)     Date: 12/20/2022     Prescriber: R. Sample, APRN-CNP', 'Plan: Cross-taper to duloxetine.', ''].join('\n');
  it('each "TITLE   Date: …   Prescriber: …" line opens a visit', () => {
    expect(splitEncounters(textDoc(log)).map((e) => e.date)).toEqual(['2022-11-15', '2022-12-20']);
  });
});

describe('terse logs: a ruled date with the note on the same line, a dated "F/U:"', () => {
  it.each([
    [['PSYCHIATRIC EVALUATION  06/15/2021', 'Intake note.', '=== 07/13/2021 === sertraline -> 100 mg. PCL-5 63.', '=== 08/17/2021 === sertraline -> 150 mg.'], ['2021-06-15', '2021-07-13', '2021-08-17']],
    [['NEW PATIENT CONSULTATION  08/05/2021', 'Neck pain since the crash.', 'PROCEDURE 08/26/2021: C7-T1 interlaminar ESI.', '10/07/2021 F/U: ~50% arm relief x 6 weeks.', '06/09/2022 F/U: No change. Continue current regimen.'], ['2021-08-05', '2021-08-26', '2021-10-07', '2022-06-09']],
  ])('%j', (lines, dates) => {
    expect(splitEncounters(textDoc(`${lines.join('\n')}\n`)).map((e) => e.date)).toEqual(dates);
  });
  it('a date inside a sentence is not a visit: "MRI 05/04/2021: C5-6 protrusion"', () => {
    expect(splitEncounters(textDoc('NEW PATIENT CONSULTATION  08/05/2021\nMRI 05/04/2021: C5-6 protrusion.\n')).map((e) => e.date)).toEqual(['2021-08-05']);
  });
});

describe('transcribed handwritten notes: a date and the author\'s initials open each visit', () => {
  it.each([
    [['NORTHLAKE ORTHOPAEDIC (example)', '3/7/23  AW', ' Tib plateau fx. Brace locked, NWB.', '3/28/23  AW', ' XR alignment maintained.', '4/25/23  AW', ' Start PWB.', '9/12/23  AW  -- FINAL --', ' Knee 1/10. MMI.'], ['2023-03-07', '2023-03-28', '2023-04-25', '2023-09-12']],
    [['EXAMPLE FAMILY HEALTH', '', '1/12/21  TEV', 'S: DM f/u.', '', '5/17/22  NF', 'S: Mood low.', '', '8/16/22  TEV   post-hosp f/u', 'S: Better.'], ['2021-01-12', '2022-05-17', '2022-08-16']],
  ])('%j', (lines, dates) => {
    expect(splitEncounters(textDoc(`${lines.join('\n')}\n`)).map((e) => e.date)).toEqual(dates);
  });
  it('one or two such lines are not a log: "3/7/23  AW" in a list of prior visits', () => {
    const text = 'OFFICE NOTE  Date: 05/01/2023\nPrior visits:\n3/7/23  AW\n3/28/23  AW\nPlan: continue PT.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2023-05-01']);
  });
});

describe('a family practice\'s unsigned transcribed notes', () => {
  const file = ['EXAMPLE FAMILY HEALTH (fictional) -- Dr. Thomas Roe, DO / Nadia Doe, APRN-CNP', '',
    '1/12/21  TEV', 'S: DM f/u. R knee aches.', 'A/P: DM2 - cont metformin. HTN - lisinopril 20.', '',
    '5/17/22  NF', 'S: Wife concerned - pt sad. PHQ-9 = 14.', 'A/P: Post-stroke depression, mod. Start sertraline 50. Counseling offered - pt declines for now.', '',
    '8/16/22  TEV', 'S: Mood better. Finishing PT/OT next wk.', 'A/P: CVA residual L hemiparesis. DM2 better.', ''].join('\n');
  it('one note about low mood does not make them all counselling', () => {
    const encs = splitEncounters(textDoc(file));
    harmonizeEncounters(encs, 'clinical');
    expect(encs.map((e) => e.specialty).filter((s) => s === 'psychology').length).toBeLessThanOrEqual(1);
  });
});

describe('a cardiology group\'s office visits that discuss an echo', () => {
  const file = ['LAKESHORE HEART ASSOCIATES (example)', 'Heart Failure & General Cardiology', '',
    'OFFICE VISIT  02/02/2023        Provider: Kristen Doe, APRN-CNP (HF Clinic)', 'CC: Hospital follow-up, heart failure.', 'A/P: NICM, EF 20%. Start sacubitril-valsartan.', '',
    'OFFICE VISIT  03/02/2023        Provider: A. Roe, MD', 'Echo reviewed: LVEF 25%. MRI cardiac not needed.', 'Plan: increase carvedilol.', '',
    'OFFICE VISIT  04/06/2023        Provider: A. Roe, MD', 'Echocardiogram 03/30: EF 30%, no thrombus. Radiology read reviewed.', 'Plan: continue GDMT.', '',
    'OFFICE VISIT  06/29/2023        Provider: Kristen Doe, APRN-CNP', 'Weight stable. Continue current regimen.', ''].join('\n');
  it('are the practice\'s visits, not film reads or of no discipline', () => {
    const encs = splitEncounters(textDoc(file));
    harmonizeEncounters(encs, 'clinical');
    expect(encs.map((e) => e.specialty)).not.toContain('radiology');
    expect(encs.every((e) => e.specialty !== 'unknown')).toBe(true);
  });
});

describe('a VA progress note printed for release of information', () => {
  const note = (title: string, date: string, body: string) => [
    '--------------------------------------------------------------------------------------------------',
    `LOCAL TITLE: ${title}`, 'STANDARD TITLE: PSYCHIATRY E & M NOTE', `DATE OF NOTE: ${date}@09:30     ENTRY DATE: ${date}@11:52:14`,
    '      AUTHOR: METTLER,LAUREN K       EXP COSIGNER:', '', 'HPI: nightmares 5 nights/week, sleeping 3-4 hours, startles to loud noises.',
    'MENTAL STATUS EXAM: anxious, constricted affect; no SI/HI.', 'MEASURES: PCL-5 61. PHQ-9 19.', 'ASSESSMENT:', '1. PTSD, chronic, combat-related (F43.12).',
    body, '/es/ LAUREN K. METTLER, MD', 'Signed: 10/04/2022 11:52', '',
  ].join('\n');
  it('is a visit per note, dated by DATE OF NOTE, signed "/es/"', async () => {
    const { processDocument } = await import('../src/pipeline.js');
    const text = ['DOE,JANE   ***-**-4417   DOB: AUG 9,1987   VA EXAMPLE HEALTH CARE SYSTEM',
      'Progress Notes - printed for release of information (ROI #24-118203)     Printed: OCT 28, 2024@08:41',
      note('MH PSYCHIATRY INTAKE NOTE', 'OCT 04, 2022', 'PLAN: Start sertraline 50 mg daily.'),
      note('MH PSYCHIATRY FOLLOW-UP NOTE', 'NOV 15, 2022', 'PLAN: Increase sertraline to 100 mg daily.')].join('\n');
    const { encounters } = processDocument(doc(text));
    expect(encounters.map((e) => [e.date, e.provider.name, e.specialty])).toEqual([
      ['2022-10-04', 'Lauren K. Mettler', 'psychiatry'], ['2022-11-15', 'Lauren K. Mettler', 'psychiatry'],
    ]);
  });
});

describe('a form\'s signature line that also says how long the signer has treated', () => {
  it('is dated by its "Date:" field, not by "treating since 08/2022"', () => {
    const form = ['MEDICAL SOURCE STATEMENT OF ABILITY TO DO WORK-RELATED ACTIVITIES (PHYSICAL)', 'Patient: Example Person      DOB: 03/22/1969', '',
      '3. Prognosis: Guarded.', '5. Earliest date the description of symptoms and limitations applies: 08/09/2022', '',
      'Signature: Owen Roe, MD, FACC (cardiology, treating since 08/2022)       Date: 03/12/2024', ''].join('\n');
    expect(splitEncounters(textDoc(form)).map((e) => e.date)).toEqual(['2024-03-12']);
  });
  it('is dated by its signers\' names and dates ("Leah M. Doe, APRN-CNP   07/16/2024"), not by "since 01/31/2023"', () => {
    const form = ['MEDICAL SOURCE STATEMENT OF ABILITY TO DO WORK-RELATED ACTIVITIES (MENTAL)', 'Patient: Example Person        DOB: 07/22/1994',
      'Co-signed: Raymond T. Roe, MD (psychiatrist)', 'Nature/length of treatment: Medication management since 01/31/2023, every 6-12 weeks.', '',
      'Prognosis: Guarded.', '',
      'Leah M. Doe, APRN-CNP   07/16/2024        Raymond T. Roe, MD   07/16/2024', ''].join('\n');
    expect(splitEncounters(textDoc(form)).map((e) => e.date)).toEqual(['2024-07-16']);
  });
  it('is dated by an "/s/" line\'s "Date:" field, not by "Neurology since 09/12/2022"', () => {
    const form = ['HEADACHES - MEDICAL SOURCE STATEMENT (Physician\'s Questionnaire)', 'Patient: Example Person      DOB: 02/17/1983',
      'Nature and length of treating relationship: Neurology since 09/12/2022; seen every 8-12 weeks.', '',
      '2. Does your patient have migraine headaches?  [X] Yes  [ ] No', '',
      '/s/ Owen Roe, MD         Date: 09/23/2024', ''].join('\n');
    expect(splitEncounters(textDoc(form)).map((e) => e.date)).toEqual(['2024-09-23']);
  });
});

describe('a row of a visit log is that day\'s note', () => {
  const log = (notes: string) => [
    'CHIROPRACTIC DAILY VISIT FLOWSHEET      Printed: 04/11/2024', 'Brock Haslam, DC',
    ' #  Date          Neck    Back    Leg    Codes                Notes',
    '  9  03/13/2023    6/10    6/10    0/10   98941, 97014         Patient responding well to care.',
    ` 10  03/15/2023    4/10    5/10    5/10   98941, 97014         ${notes}`,
    ' 11  03/17/2023    4/10    5/10    5/10   98941, 97014         Patient responding well to care.',
  ].join('\n');
  it('a sentence after the row\'s first is dated by the row, not by the log ("… x 1 day. Continue current treatment plan.")', () => {
    const plan = of(log('Pt reports new L leg pain to foot x 1 day. Continue current treatment plan.'), 'plan_signal').find((f) => f.evidence[0].quote === 'Continue current treatment plan.');
    expect([plan?.date, plan?.dateSource]).toEqual(['2023-03-15', 'sentence']);
  });
});
