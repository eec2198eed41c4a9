/**
 * Reading files packaged by other offices: page markers instead of form feeds, a records office's cover letter
 * or a fax cover sheet before the notes, ledger rows that record a decision rather than a service, and the gap
 * rules that must not ask for what such files already answer.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagesFromMarkers, readTextDocument } from '../src/ingest/text.js';
import { classifyDocument, documentParts } from '../src/segment/document-role.js';
import { processDocument, analyzePaths } from '../src/pipeline.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import type { Claim } from '../src/model/index.js';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

async function analyze(files: Record<string, string>, claim: Claim = { type: 'ssdi', onset: '2023-06-01' }) {
  const dir = await mkdtemp(path.join(tmpdir(), 'plateau-others-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return analyzePaths([dir], claim);
}

const doc = (text: string, file = 'records.txt') => readTextDocument(file, file, Buffer.from(text));

describe('pages from page markers (no form feeds)', () => {
  it.each([
    ['footers "Page N of M"', 'Visit one.\nPage 1 of 3\nVisit two.\nPage 2 of 3\nVisit three.\nPage 3 of 3\n', 3],
    ['fax banners "P.00N/00M" at the top of each page', 'FROM: CLINIC  07/09/2024  P.001/002\ncover\nFROM: CLINIC  07/09/2024  P.002/002\nnote\n', 2],
    ['two enclosures counting from 1 again', 'a\nPage 1 of 2\nb\nPage 2 of 2\nc\nPage 1 of 1\n', 3],
  ])('valid: %s', (_n, text, pages) => {
    const p = pagesFromMarkers(text);
    expect(p).toHaveLength(pages);
    expect(p[0].start).toBe(0);
    expect(p[p.length - 1].end).toBe(text.length);
    for (let i = 1; i < p.length; i++) expect(p[i].start).toBe(p[i - 1].end);
  });
  it.each([
    ['a page number quoted in a sentence', 'See page 4 of 9 of the IME for the history.\nNothing else.\n'],
    ['markers out of sequence', 'x\nPage 3 of 5\ny\nPage 1 of 5\n'],
    ['a single marker', 'x\nPage 1 of 1\n'],
  ])('invalid: %s is one page', (_n, text) => expect(pagesFromMarkers(text)).toHaveLength(1));
  it('the fax page number is the page cited', () => {
    const d = doc('FROM: ST LUKE HIM  P.001/002\nFACSIMILE TRANSMITTAL\nFROM: ST LUKE HIM  P.002/002\nDATE OF SERVICE: 02/20/2024\nLumbar strain.\n');
    expect(d.pages.map((p) => p.n)).toEqual([1, 2]);
  });
});

describe('cover sheets before the notes', () => {
  const roi = `SAGINAW VALLEY COMMUNITY HEALTH CENTER
PATIENT CHART SUMMARY - RELEASE OF INFORMATION
Patient: Rhonda Tillery     DOB 03/08/1971
Date printed: 07/02/2024      Requested by: Disability Determination Services
--------------------------------------------------------------------------------
OFFICE VISIT                                             Date of service: 11/28/2023
Provider: Monica Fairweather, MD (Family Medicine)
HPI: Low back pain with left leg pain since June 2023. Pain 7/10.
PLAN: Gabapentin 100 mg TID. Referral to physical therapy.
Electronically signed: Monica Fairweather, MD   11/28/2023
`;
  it('a release-of-information cover letter does not swallow the visit it encloses', () => {
    const d = doc(roi);
    const { encounters, facts } = processDocument(d, classifyDocument(d));
    expect(encounters.map((e) => e.date)).toEqual(['2023-11-28']);
    expect(facts.some((f) => f.type === 'treatment' && f.attributes.modality === 'medication')).toBe(true);
  });
  const fax = `FROM: ST CASIMIR HIM ROI  989 555 0471      07/09/2024 15:12      P.001/002
           ST. CASIMIR REGIONAL MEDICAL CENTER  -  HEALTH INFORMATION MGMT
                 FACSIMILE TRANSMITTAL - CONFIDENTIAL HEALTH INFORMATION
 TO: Disability Determination Services      RE: TILLERY, RHONDA J
FROM: ST CASIMIR HIM ROI  989 555 0471      07/09/2024 15:12      P.002/002
 EMERGENCY DEPARTMENT PHYSICIAN DOCUMENTATION
 Arrival: 02/20/2024 06:48   Mode: EMS
 Attending: Gerald Yoon, MD
 HPI: Chronic low back pain, unchanged. Shortness of breath for 3 days.
`;
  it('a fax cover page is administrative and its transmission date dates no visit', () => {
    const d = doc(fax);
    const parts = documentParts(d, classifyDocument(d));
    expect(parts[0]).toMatchObject({ role: 'administrative', end: d.pages[0].end });
    const { encounters } = processDocument(d, classifyDocument(d));
    expect(encounters.map((e) => e.date)).toEqual(['2024-02-20']);
  });
  it('"Arrival:" dates an emergency visit', () => {
    const d = doc(' Arrival: 02/20/2024 06:48   Mode: EMS\n Attending: Gerald Yoon, MD\n HPI: back pain.\n');
    expect(processDocument(d, classifyDocument(d)).encounters[0].date).toBe('2024-02-20');
  });
});

describe('ledger rows that record a decision, not a service', () => {
  const ledger = `service_date,claim_type,provider,code,description,units,status,billed,paid,notes
06/16/2023,PROF,NORTHFIELD URGENT CARE,99204,OFFICE VISIT NEW PT,1,PAID,265.00,112.40,
06/19/2023,REFERRAL,GREAT LAKES REHAB PARTNERS,97161,PT EVAL - REFERRAL ON FILE,0,NO CLAIM,0.00,0.00,referral only - no service billed
09/08/2023,PRIOR AUTH,MID-MICHIGAN OPEN MRI,72148,MRI LUMBAR SPINE W/O CONTRAST,1,PA APPROVED,0.00,0.00,auth valid to 03/06/2024 - NOT UTILIZED
05/02/2022,INFO,Trinity Utilization Review LLC,,Preauth review - surgery,1,INFO,0.00,0.00,Non-certified
`;
  it('only the rendered service is a billed visit; an unused MRI authorization is no MRI', async () => {
    const run = await analyze({ 'claims.csv': ledger });
    const billed = run.analysis.documents.flatMap((d) => d.encounters).filter((e) => e.kind === 'billing');
    expect(billed.map((e) => e.date)).toEqual(['2023-06-16']);
    expect(run.analysis.timeline.some((t) => t.modality === 'imaging_study' || t.modality === 'physical_therapy')).toBe(false);
  });
});

describe('words that are not a referral', () => {
  it.each([
    ['RESUME tiotropium daily - Rx sent to pharmacy.'],
    ['Specimen sent to lab for culture.'],
  ])('invalid: %s', (s) => expect(factsOf(`PLAN: ${s}`).facts.filter((f) => f.type === 'plan_signal' && f.attributes.signal === 'referral')).toEqual([]));
  it('valid: Referral sent to neurosurgery.', () => {
    expect(factsOf('PLAN: Sent her to neurosurgery for evaluation.').facts.some((f) => f.type === 'plan_signal' && f.attributes.signal === 'referral')).toBe(true);
  });
});

describe('gaps a reviewer would not sign', () => {
  const ortho = (body: string) => `VALLEY ORTHOPAEDICS
${body}
`;
  it('an injection the operation itself gives is not an injection course', async () => {
    const run = await analyze({
      'op.txt': ortho(`OPERATIVE REPORT
Date of surgery: 05/09/2023
Surgeon: Nathaniel Okafor, MD (orthopedic surgery)
PROCEDURE: Right shoulder arthroscopy with subacromial decompression.
At the end of the case, intra-articular injection of 10 mL 0.5% bupivacaine was given.
`),
    }, { type: 'workers_comp', onset: '2023-01-10' });
    expect(run.analysis.timeline.map((t) => t.modality)).toContain('surgery');
    expect(run.analysis.timeline.map((t) => t.modality)).not.toContain('joint_injection');
  });
  it('a response reported later for the injection it names by date counts as documented', async () => {
    const run = await analyze({
      'ortho.txt': ortho(`DATE OF SERVICE: 05/20/2021
Provider: Curtis Lindqvist, MD (orthopedic surgery)
PROCEDURE NOTE: Right subacromial injection, 40 mg triamcinolone, posterior approach.
`),
      'pt.txt': `MESA MOTION PHYSICAL THERAPY
DATE OF SERVICE: 01/27/2022
Therapist: Alana Whitehorse, PT
S: Shoulder pain. Subacromial injection 05/20/2021 helped about 2-3 weeks.
`,
    }, { type: 'ssdi', onset: '2021-01-15' });
    expect(run.analysis.gaps.filter((g) => g.ruleId === 'injection-without-relief-duration')).toEqual([]);
  });
  it('an examiner who reviews a surgical consultation did not hold one', async () => {
    const run = await analyze({
      'ime.txt': `INDEPENDENT MEDICAL EXAMINATION
Date of examination: 10/17/2023
Examiner: Gregory A. Pell, MD (orthopedic surgery)
RECORDS REVIEWED: Surgical consultation 08/01/2023 with Dr. Marsh.
IMPRESSION: Lumbar strain.
`,
    }, { type: 'workers_comp', onset: '2023-03-01' });
    expect(run.analysis.gaps.filter((g) => g.ruleId === 'surgical-consult-without-decision-reason')).toEqual([]);
  });
  it('care for another condition is not the last plan whose outcome is missing', async () => {
    const visit = (date: string, plan: string) => `DESERT SKY URGENT CARE\nDATE OF SERVICE: ${date}\nProvider: Yesenia Portillo, FNP-C\nKnee pain 6/10.\nPLAN: ${plan}\n\n`;
    const run = await analyze({ 'uc.txt': visit('04/19/2023', 'Continue ibuprofen.') + visit('08/28/2023', 'Start lisinopril 10 mg daily. BP 162/98.') });
    expect(run.analysis.gaps.filter((g) => g.ruleId === 'records-after-last-plan')).toEqual([]);
  });
  it('a blood-pressure drug run out is not the claimed treatment left unfollowed', async () => {
    const visit = (date: string, meds: string) => `DESERT SKY URGENT CARE\nDATE OF SERVICE: ${date}\nProvider: Yesenia Portillo, FNP-C\nLeft knee pain 6/10.\nMeds (pt report): ${meds}\nPLAN: Knee brace. Follow up 4 weeks.\n\n`;
    const run = await analyze({ 'uc.txt': visit('04/19/2023', 'naproxen 500 mg BID.') + visit('05/19/2023', 'lisinopril 10 mg - ran out ~3 wks ago; naproxen 500 mg BID.') });
    expect(run.analysis.gaps.filter((g) => g.ruleId === 'treatment-not-followed')).toEqual([]);
  });
});

describe('a clinician postponing is not the patient declining', () => {
  const declined = (s: string) => factsOf(s).facts.filter((f) => f.type === 'treatment' && f.attributes.status === 'declined');
  it.each([['Deferred ROM testing per protocol.'], ['Injection deferred until MRI reviewed.']])('invalid: %s', (s) => expect(declined(s)).toEqual([]));
  it.each([['Patient defers the epidural injection for now.'], ['She declined physical therapy.']])('valid: %s', (s) => expect(declined(s)).not.toEqual([]));
});

describe('rule lines are not part of a sentence', () => {
  it('a table framed by dashes quotes its row, not the rule', async () => {
    const { splitSentences } = await import('../src/segment/sentences.js');
    const text = 'MEDICATION ADMINISTRATION\n---------------------------------------------------------------------------\n Time   Medication      Dose    Route   By\n 07:10  Ketorolac       30 mg   IV      RN\n';
    const quotes = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(quotes.some((q) => q.includes('-----') && /[A-Za-z]/.test(q))).toBe(false);
    expect(quotes.some((q) => q.includes('Ketorolac'))).toBe(true);
  });
});

describe('a relative filed in the claimant\'s record', () => {
  const note = (name: string, dob: string, file: string) => textDoc(`Patient: ${name}    DOB: ${dob}\nDATE OF SERVICE: 03/14/2024\nNeck pain.\n`, file);
  it('valid: same surname, another given name and birth date is set aside', async () => {
    const { findMisfiled } = await import('../src/segment/identity.js');
    const docs = [note('VANDERMEER, RHONDA J', '03/08/1971', 'a.txt'), note('Vandermeer, Rhonda', '03/08/1971', 'b.txt'), note('VANDERMEER, CHRISTINE M', '11/02/1951', 'c.txt')];
    expect([...findMisfiled(docs).keys()]).toEqual(['c.txt']);
  });
  it('invalid: the claimant\'s own name with a mistyped birth date is kept', async () => {
    const { findMisfiled } = await import('../src/segment/identity.js');
    const docs = [note('VANDERMEER, RHONDA J', '03/08/1971', 'a.txt'), note('Vandermeer, Rhonda', '03/08/1971', 'b.txt'), note('Vandermeer, Rhonda J', '03/08/1917', 'c.txt')];
    expect([...findMisfiled(docs).keys()]).toEqual([]);
  });
});
