import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths, type CaseRun } from '../src/pipeline.js';
import { analyzeBilling, fileNameWords, identityWords } from '../src/analyze/billing.js';
import { rule as billedVisitWithoutRecord } from '../src/analyze/gaps/rules/billed-visit-without-record.js';
import type { GapContext } from '../src/analyze/gaps/index.js';
import { CaseAnalysisSchema, type BillingLine, type Encounter, type EncounterKind, type Specialty } from '../src/model/index.js';
import { renderHtml, renderMarkdown } from '../src/report/index.js';
import { fixtureAnalysis } from './fixtures/analysis-fixture.js';
import { expectValidCitations } from './helpers/citations.js';

const PT_NOTES = `HARBOR PHYSICAL THERAPY
Initial Evaluation

Patient: Alvarez, Teresa   DOB 04/11/1978
Date of Service: 02/05/2024
Therapist: Jordan Reyes, PT, DPT
Referring: Anita Okafor, MD     Dx: M54.16 lumbar radiculopathy

SUBJECTIVE: Pt reports LBP w/ R LE radiating sx since lifting a patient at work 12/2023. Pain 6/10.
OBJECTIVE:
Oswestry Disability Index: 44%
Lumbar AROM: flexion 50% of normal w/ pain. SLR (+) R at 45 deg.
ASSESSMENT: Signs consistent w/ R L5 radiculopathy. Good rehab potential.
PLAN: 2x/wk x 6 wks. Ther ex (97110), manual therapy (97140), HEP. Initiated ther ex today.
HARBOR PHYSICAL THERAPY
Daily Note

Date of Service: 02/08/2024
Therapist: Jordan Reyes, PT, DPT

S: Pt reports soreness after HEP, leg tingling unchanged.
O: Ther ex: prone press-ups 2x10, bridges 3x10. Manual therapy: STM R paraspinals 10 min.
A: Tolerated well.
P: Continue POC.
HARBOR PHYSICAL THERAPY
Daily Note

Date of Service: 02/12/2024
Therapist: Jordan Reyes, PT, DPT

S: Pt reports back pain a little better, NPRS 5/10.
O: Ther ex: nerve glides R LE 2x10, TrA activation. Manual therapy: grade III PA mobs L4-5.
A: Centralizing w/ extension.
P: Continue POC.
`;

const PAIN_NOTES = `SUMMIT PAIN & SPINE, P.C.
Interventional Pain Medicine

PROCEDURE NOTE
Date of Procedure: 03/04/2024
Physician: Rajesh Venkataraman, MD
Procedure: Right L5-S1 transforaminal epidural steroid injection under fluoroscopic guidance.
Pre-procedure pain: 7/10. Post-procedure pain: 3/10.
The patient tolerated the procedure well without complication.
SUMMIT PAIN & SPINE, P.C.
Interventional Pain Medicine

FOLLOW-UP VISIT
DOS: 04/01/2024
Physician: Rajesh Venkataraman, MD

HPI: Returns 4 weeks s/p R L5-S1 TFESI. Reports 60% relief of leg pain lasting about 3 weeks, now returning. Pain 6/10.
EXAM: SLR positive on the right. EHL 4+/5 on the right.
ASSESSMENT: Right L5 radiculopathy.
PLAN: Repeat TFESI. No lifting over 15 pounds.
`;

const MRI = `MID-COUNTY IMAGING
MRI LUMBAR SPINE WITHOUT CONTRAST

Date of Exam: 02/20/2024
Radiologist: Paul Nguyen, MD

FINDINGS: L5-S1 right paracentral disc protrusion contacting the right S1 nerve root.
IMPRESSION: L5-S1 right paracentral protrusion.
`;

// Harbor bills under the clinic's name while the notes are signed by the therapist; the TFESI is posted a day late.
const LEDGER = `Patient Account Ledger - Alvarez, Teresa
Date of Service,Provider,CPT/HCPCS,Mod,ICD-10,Description,Units,Charge,Paid,Adjustment,Balance
02/05/2024,Harbor Physical Therapy,97162,GP,M54.16,PT evaluation moderate complexity,1,$210.00,$140.00,$70.00,$0.00
02/05/2024,Harbor Physical Therapy,97110,GP,M54.16,Therapeutic exercise,2,$130.00,$90.00,$40.00,$0.00
02/08/2024,Harbor Physical Therapy,97110,GP,M54.16,Therapeutic exercise,2,$130.00,$90.00,$40.00,$0.00
02/08/2024,Harbor Physical Therapy,97140,GP,M54.16,Manual therapy,1,$70.00,$45.00,$25.00,$0.00
02/15/2024,Harbor Physical Therapy,97110,GP,M54.16,Therapeutic exercise,2,$130.00,$0.00,$0.00,$130.00
03/05/2024,"Venkataraman, Rajesh MD",64483,RT,M54.16,TFESI L5-S1 right,1,"$1,450.00",$980.00,$470.00,$0.00
04/01/2024,"Venkataraman, Rajesh MD",99214,,M54.16,Office visit est level 4,1,$240.00,$160.00,$80.00,$0.00
`;

describe('billing ledger reconciled with the notes (end to end)', () => {
  let run: CaseRun;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plateau-billing-'));
    await writeFile(path.join(dir, 'pt-notes.txt'), PT_NOTES);
    await writeFile(path.join(dir, '3F - Summit Pain and Spine.txt'), PAIN_NOTES);
    await writeFile(path.join(dir, '4F - Mid-County Imaging.txt'), MRI);
    await writeFile(path.join(dir, '9F - Billing ledger.csv'), LEDGER);
    run = await analyzePaths([dir], { type: 'ssdi', onset: '2023-12-15' });
  });

  it('flags the billed date with no note and the note with no bill, and nothing else', () => {
    const b = run.analysis.billing!;
    expect(b.billedWithoutRecord.map((m) => [m.date, m.provider, m.codes])).toEqual([['2024-02-15', 'Harbor Physical Therapy', ['97110']]]);
    expect(b.billedWithoutRecord[0].evidence.map((e) => e.quote)).toEqual([
      '02/15/2024,Harbor Physical Therapy,97110,GP,M54.16,Therapeutic exercise,2,$130.00,$0.00,$0.00,$130.00',
    ]);
    // The MRI read is not expected on the treating providers' ledger.
    expect(b.recordWithoutBill.map((r) => [r.date, r.provider, r.kind])).toEqual([['2024-02-12', 'Jordan Reyes', 'pt_progress']]);
    expect(b.recordWithoutBill[0].evidence[0].quote).toBe('Date of Service: 02/12/2024');
  });

  it('totals charges, payments, adjustments and balance per modality, provider, month and year', () => {
    const t = run.analysis.billing!.totals;
    const row = (x: { key: string; lines: number; charges: number; paid: number; adjustments: number; balance: number }) =>
      [x.key, x.lines, x.charges, x.paid, x.adjustments, x.balance];
    expect(row(t.grand)).toEqual(['all', 7, 2360, 1505, 725, 130]);
    expect(t.byModality.map(row)).toEqual([
      ['epidural_injection', 1, 1450, 980, 470, 0],
      ['physical_therapy', 5, 670, 365, 175, 130],
      ['office_visit', 1, 240, 160, 80, 0],
    ]);
    expect(t.byProvider.map(row)).toEqual([
      ['Venkataraman, Rajesh MD', 2, 1690, 1140, 550, 0],
      ['Harbor Physical Therapy', 5, 670, 365, 175, 130],
    ]);
    expect(t.byMonth.map((m) => [m.key, m.charges])).toEqual([['2024-02', 670], ['2024-03', 1450], ['2024-04', 240]]);
    expect(t.byYear.map((y) => [y.key, y.charges])).toEqual([['2024', 2360]]);
    // Each total cites its rows.
    expect(t.byProvider[1].evidence).toHaveLength(5);
    expect(t.byModality[0].evidence[0].quote).toContain('64483');
  });

  it('counts one session per date when a visit is both noted and billed (±1 day)', () => {
    const pt = run.analysis.timeline.find((e) => e.modality === 'physical_therapy')!;
    // Noted 02/05, 02/08, 02/12; billed 02/05, 02/08, 02/15 → four sessions.
    expect([pt.sessions, pt.firstDate, pt.lastDate]).toEqual([4, '2024-02-05', '2024-02-15']);
    const esi = run.analysis.timeline.find((e) => e.modality === 'epidural_injection')!;
    // Procedure note 03/04 and the bill posted 03/05 are one injection.
    expect(esi.sessions).toBe(1);
    expect(esi.cost).toBe(1450);
  });

  it('raises the billed-visit-without-record gap addressed to the billing provider', () => {
    const gaps = run.analysis.gaps.filter((g) => g.ruleId === 'billed-visit-without-record');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({
      severity: 'medium',
      request: { to: 'Harbor Physical Therapy', ask: 'Please send the office/treatment note for the visit billed on 2024-02-15.' },
    });
    expect(gaps[0].authority.cite).toMatch(/404\.1512/);
  });

  it('every evidence quote is the source text, and the analysis fits the JSON contract', () => {
    expect(expectValidCitations(run.analysis, run.documents)).toBeGreaterThan(20);
    expect(CaseAnalysisSchema.safeParse(run.analysis).success).toBe(true);
  });

  it('reports a Billing & costs section in Markdown and HTML', () => {
    const md = renderMarkdown(run.analysis);
    expect(md).toContain('## Billing & costs');
    expect(md).toMatch(/\| Physical therapy \| 5 \| \$670\.00 \| \$365\.00 \| \$175\.00 \| \$130\.00 \|/);
    expect(md).toContain('### Billed visits with no note in the file (1)');
    expect(md).toContain('### Notes with no bill on the ledger (1)');
    const page = renderHtml(run.analysis);
    expect(page).toContain('<h2 id="h-billing">Billing &amp; costs</h2>');
    expect(page).toContain('<a href="#billing">Billing</a>');
    expect(page).toContain('$2,360.00');
  });
});

describe('no ledger, no billing', () => {
  it('reports omit the section when the case has no ledger', () => {
    expect(fixtureAnalysis.billing).toBeUndefined();
    expect(renderMarkdown(fixtureAnalysis)).not.toContain('Billing & costs');
    expect(renderHtml(fixtureAnalysis)).not.toContain('id="billing"');
  });
});

describe('provider identity words', () => {
  const valid: [string, string[]][] = [
    ['Alan Ortiz MD', ['ortiz']],
    ['Alan Ortiz, MD, FAAOS', ['ortiz']],
    ['Ortiz, Alan MD', ['ortiz']],
    ['Dr. Ortiz', ['ortiz']],
    ['Back In Motion PT', ['back', 'motion']],
    ['Harbor Physical Therapy & Rehab, LLC', ['harbor']],
    ['Summit Pain & Spine, P.C.', ['summit']],
    // Only practice words: still the best evidence of who billed.
    ['Spine Interventional', ['spine', 'interventional']],
  ];
  it.each(valid)('%s → %j', (name, words) => expect([...identityWords(name)]).toEqual(words));

  it('a clinician whose credential is known separately is known by surname', () => {
    expect([...identityWords('Jordan Reyes', true)]).toEqual(['reyes']);
  });

  const files: [string, string[]][] = [
    ['2F - Harbor Physical Therapy.txt', ['harbor']],
    ['Ex 5F - Dr Smith.pdf', ['smith']],
    ['05F_Coastal_Spine_Associates.pdf', ['coastal']],
    ['medical-records.pdf', []],
    ['Ex 12F - Summit Pain Records.pdf', ['summit']],
    ['notes.txt', []],
  ];
  it.each(files)('file %s → %j', (file, words) => expect([...fileNameWords(file)]).toEqual(words));
});

let n = 0;
function enc(o: { date: string; name?: string; credential?: string; kind?: EncounterKind; specialty?: Specialty; file?: string; billing?: Partial<BillingLine>[] }): Encounter {
  const ledger = !!o.billing;
  const ev = { file: o.file ?? 'x.txt', page: 1, start: 0, end: 1, quote: 'x' };
  return {
    id: `e${++n}`, documentId: ledger ? 'ledger' : `doc-${o.file ?? 'notes'}`, file: o.file ?? (ledger ? 'ledger.csv' : 'notes.txt'),
    start: 0, end: 1, date: o.date, provider: { name: o.name, credential: o.credential },
    specialty: o.specialty ?? 'unknown', kind: ledger ? 'billing' : o.kind ?? 'office_visit', evidence: [ev],
    source: ledger ? 'ledger' : 'note',
    billing: o.billing?.map((l) => ({ date: o.date, provider: o.name, evidence: ev, ...l })),
  };
}

function gapsFor(encounters: Encounter[]) {
  const billing = analyzeBilling(encounters);
  const ctx = { billing, encounters: new Map(encounters.map((e) => [e.id, e])), of: () => [], encounterOf: () => undefined };
  return { billing, gaps: billedVisitWithoutRecord.check(ctx as unknown as GapContext) };
}

describe('gap rule billed-visit-without-record', () => {
  const bill = (date: string, name: string, code = '99213') => enc({ date, name, billing: [{ code, charge: 120 }] });

  const fires: [string, Encounter[]][] = [
    ['a billed office visit with no note at all', [bill('2024-05-02', 'Alan Ortiz MD')]],
    ['the note is three days from the bill', [bill('2024-05-02', 'Alan Ortiz MD'), enc({ date: '2024-05-05', name: 'Alan Ortiz', credential: 'MD' })]],
    ['a note that day, but from another doctor', [bill('2024-05-02', 'Alan Ortiz MD'), enc({ date: '2024-05-02', name: 'Priya Shah', credential: 'MD' })]],
  ];
  it.each(fires)('fires: %s', (_, encounters) => {
    const { gaps } = gapsFor(encounters);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].request).toEqual({ to: 'Alan Ortiz MD', ask: 'Please send the office/treatment note for the visit billed on 2024-05-02.' });
  });

  const quiet: [string, Encounter[]][] = [
    ['no ledger in the case', [enc({ date: '2024-05-02', name: 'Alan Ortiz', credential: 'MD' })]],
    ['the note is dated the day before the bill', [bill('2024-05-02', 'Alan Ortiz MD'), enc({ date: '2024-05-01', name: 'Dr. Alan Ortiz' })]],
    ['the bill names the doctor "Last, First"', [bill('2024-05-02', 'Ortiz, Alan MD'), enc({ date: '2024-05-02', name: 'Alan Ortiz', credential: 'MD' })]],
    ['the clinic bills and the note is filed under its name', [bill('2024-05-02', 'Harbor Physical Therapy', '97110'), enc({ date: '2024-05-02', name: 'Jordan Reyes', credential: 'DPT', file: '2F - Harbor PT.txt' })]],
    ['the bill names no provider but a note exists that day', [enc({ date: '2024-05-02', billing: [{ code: '97110' }] }), enc({ date: '2024-05-02', name: 'Jordan Reyes', credential: 'DPT' })]],
    ['a carrier\'s benefit payment to the claimant (supplemental earnings)', [enc({ date: '2023-10-02', name: 'Celeste A. Guidry', billing: [{ description: 'SEB - zero earnings (no job within restrictions)', charge: 854.88 }] })]],
    ['a laboratory test, whose record is its result', [bill('2023-09-28', 'Quest Diagnostics (ordered by Feldstein)', '84443')]],
    ['a specialty pharmacy\'s monthly fills', [bill('2023-05-25', 'Specialty pharmacy (fremanezumab)', 'J3031/NDC')]],
    ['a vocational consultant\'s fee', [bill('2024-04-01', 'Lakeland Rehabilitation Services', 'QRC')]],
    ['a line the payer returned as another patient\'s', [enc({ date: '2023-09-14', name: 'Cedar Valley Hand Therapy', billing: [{ code: '97110', description: 'DENIED - patient/claim mismatch (Barrientos, Lucas R.) - returned to provider' }] })]],
    ['a hand-therapy episode billed as one line while the clinic\'s episode summaries are in the file', [
      enc({ date: '2023-06-29', name: 'Cedar Valley Hand Therapy', billing: [{ code: '97168', description: 'OT x8 (episode 2)' }] }),
      enc({ date: '2023-03-20', name: 'Jenna Schroeder', credential: 'OTR/L', specialty: 'occupational_therapy', file: '04_CedarValleyHandTherapy_OT_EpisodeSummaries_2023-2025.txt' }),
    ]],
    ['a chiropractic course billed as one line by a clinic named for neither, its codes in the description', [
      enc({ date: '2023-04-14', name: 'Rutherford Spine & Injury Center', billing: [{ description: 'Chiropractic - 38 visits (98940/98941/97014/97110)' }] }),
      enc({ date: '2023-04-20', name: 'Dale Yarbrough', credential: 'DC', specialty: 'chiropractic', file: 'RSIC_Yarbrough_Rutherford_Chiropractic_Records.txt' }),
    ]],
  ];
  it.each(quiet)('stays quiet: %s', (_, encounters) => expect(gapsFor(encounters).gaps).toEqual([]));

  it('a surgery centre\'s bill for an operation the notes describe is the operative report\'s to document', () => {
    const encounters = [enc({ date: '2023-03-21', name: 'Terrebonne Surgery Center', billing: [{ description: 'ORIF distal radius - facility', charge: 6412.75 }] })];
    const billing = analyzeBilling(encounters);
    const orif = { type: 'treatment', attributes: { modality: 'surgery', status: 'performed' } };
    const ctx = (ops: unknown[]) => ({ billing, of: (t: string) => (t === 'treatment' ? ops : []), dateOf: () => '2023-03-21', encounterOf: () => undefined }) as unknown as GapContext;
    expect(billedVisitWithoutRecord.check(ctx([orif]))).toEqual([]);
    expect(billedVisitWithoutRecord.check(ctx([]))).toHaveLength(1);
  });
  it('so is the surgeon\'s own fee coded as the operation, but not when only the ledger tells of it', () => {
    const encounters = [enc({ date: '2023-06-13', name: 'Iowa Hand & Upper Extremity Ctr', billing: [{ code: '64721', description: 'surgeon', charge: 1450 }] })];
    const billing = analyzeBilling(encounters);
    const release = { type: 'treatment', attributes: { modality: 'surgery', status: 'performed' } };
    const ctx = (from: 'note' | 'ledger') => ({ billing, of: (t: string) => (t === 'treatment' ? [release] : []), dateOf: () => '2023-06-13', encounterOf: () => ({ source: from }) }) as unknown as GapContext;
    expect(billedVisitWithoutRecord.check(ctx('note'))).toEqual([]);
    expect(billedVisitWithoutRecord.check(ctx('ledger'))).toHaveLength(1);
  });
  it('one request per provider, naming every date', () => {
    const { gaps } = gapsFor([bill('2024-05-02', 'Alan Ortiz MD'), bill('2024-06-03', 'Alan Ortiz MD'), bill('2024-06-10', 'Harbor Chiropractic', '98941')]);
    expect(gaps.map((g) => [g.request.to, g.request.ask])).toEqual([
      ['Alan Ortiz MD', 'Please send the office/treatment notes for the visits billed on 2024-05-02 and 2024-06-03.'],
      ['Harbor Chiropractic', 'Please send the office/treatment note for the visit billed on 2024-06-10.'],
    ]);
  });
  it('names what a test or procedure billed is, and asks for its report', () => {
    const { gaps } = gapsFor([enc({ date: '2023-10-17', name: 'Piedmont Neurodiagnostics', billing: [{ code: '95913', charge: 600 }, { code: '95886', charge: 300 }] })]);
    expect(gaps[0].why).toContain('95913 (Nerve conduction studies)');
    expect(gaps[0].request.ask).toBe('Please send the office/treatment note or report (Nerve conduction studies and Needle EMG, each extremity) for the visit billed on 2023-10-17.');
  });
});

describe('record without bill', () => {
  const ledger = [
    enc({ date: '2024-01-10', name: 'Alan Ortiz MD', billing: [{ code: '99213', charge: 120 }] }),
    enc({ date: '2024-03-10', name: 'Alan Ortiz MD', billing: [{ code: '99213', charge: 120 }] }),
  ];
  it('flags a covered provider\'s note inside the ledger period with no bill', () => {
    const b = analyzeBilling([...ledger, enc({ date: '2024-02-10', name: 'Alan Ortiz', credential: 'MD' })])!;
    expect(b.recordWithoutBill.map((r) => [r.date, r.provider])).toEqual([['2024-02-10', 'Alan Ortiz']]);
  });
  const quiet: [string, Encounter][] = [
    ['a provider the ledger never bills for', enc({ date: '2024-02-10', name: 'Priya Shah', credential: 'MD' })],
    ['a note after the ledger period ends', enc({ date: '2024-07-01', name: 'Alan Ortiz', credential: 'MD' })],
    ['an imaging read', enc({ date: '2024-02-10', name: 'Alan Ortiz', credential: 'MD', kind: 'imaging' })],
    ['an IME', enc({ date: '2024-02-10', name: 'Alan Ortiz', credential: 'MD', kind: 'ime' })],
    ['a note the day after a bill', enc({ date: '2024-03-11', name: 'Alan Ortiz', credential: 'MD' })],
  ];
  it.each(quiet)('does not flag %s', (_, note) => expect(analyzeBilling([...ledger, note])!.recordWithoutBill).toEqual([]));

  it('links a clinic biller to the clinician who signs the notes when their dates keep coinciding', () => {
    const clinic = ['2024-02-05', '2024-02-08', '2024-02-15'].map((d) => enc({ date: d, name: 'Harbor Physical Therapy', specialty: 'physical_therapy', billing: [{ code: '97110' }] }));
    const notes = ['2024-02-05', '2024-02-08', '2024-02-12'].map((d) => enc({ date: d, name: 'Jordan Reyes', credential: 'DPT', specialty: 'physical_therapy', kind: 'pt_progress' }));
    const b = analyzeBilling([...clinic, ...notes])!;
    expect(b.billedWithoutRecord.map((m) => m.date)).toEqual(['2024-02-15']);
    expect(b.recordWithoutBill.map((r) => r.date)).toEqual(['2024-02-12']);
    // A chiropractor seen on the same days is another practice, not an alias of the PT clinic.
    const chiro = ['2024-02-05', '2024-02-08'].map((d) => enc({ date: d, name: 'Dana Olsen', credential: 'DC', specialty: 'chiropractic' }));
    expect(analyzeBilling([...clinic, ...chiro])!.billedWithoutRecord).toHaveLength(3);
  });
});

describe('FHIR claims', () => {
  it('count toward costs but are never reconciled as missing records or bills', async () => {
    const bundle = path.resolve(import.meta.dirname, '../../shared/data/synthea-dev/Korey_Toy_1b643ea7-c9f8-40e6-b32c-88a3cc1d71f0.json');
    const run = await analyzePaths([bundle], { type: 'general' });
    const billing = run.analysis.billing!;
    expect(billing.totals.grand.charges).toBeGreaterThan(0);
    expect(billing.billedWithoutRecord).toEqual([]);
    expect(billing.recordWithoutBill).toEqual([]);
    expectValidCitations(run.analysis, run.documents);
  });
});

describe('a ledger charge for another patient\'s misfiled note', () => {
  const note = (patient: string, dob: string, dos: string, body: string) => `HILL COUNTRY HAND THERAPY - DAILY TREATMENT NOTE\nPatient: ${patient}        DOB: ${dob}        DOS: ${dos}\n${body}\nR. Vasquez-Pollard, OTR/L, CHT\n`;
  const CHARGES = [
    'provider,dos,cpt,description,billed',
    'Hill Country Hand Therapy,2023-10-05,97110,Therapeutic exercise,136.00',
    'Hill Country Hand Therapy,2023-10-19,97110,Therapeutic exercise,136.00',
    'Hill Country Hand Therapy,2023-11-16,97110,Therapeutic exercise (see fax p.14),136.00',
  ].join('\n');
  it('keeps the charge on the ledger but reads no care of the claimant from it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plateau-stray-'));
    await writeFile(path.join(dir, 'hand-therapy.txt'), [
      note('Jolene R. Featherston', '07/19/1988', '10/05/2023', 'S: wrist stiff. O: ext 55. P: Continue HEP and therapeutic exercise.'),
      note('Jolene R. Featherston', '07/19/1988', '10/19/2023', 'DISCHARGE: goals partially met. D/C to HEP.'),
    ].join('\n\f'));
    await writeFile(path.join(dir, 'surgeon.txt'), 'COMAL HAND SURGERY\nPatient: Jolene R. Featherston   DOB 07/19/1988\n11/06/2023  FOLLOW-UP\nHand therapy discharged 10/19/23. Nothing further to offer surgically. HEP. RTC PRN.\nM. T. Oyelaran, MD\n');
    await writeFile(path.join(dir, 'fax-page-14.txt'), note('Joleen Featherstone', '02/03/1961', '11/16/2023', 'S: L thumb base ache. P: Continue 2x/week x 6 weeks; begin pinch strengthening.'));
    await writeFile(path.join(dir, 'charges.csv'), CHARGES);
    const run = await analyzePaths([dir], { type: 'personal_injury' });
    expect(run.analysis.documents.find((d) => d.file.endsWith('fax-page-14.txt'))?.misfiled).toBeDefined();
    expect(run.analysis.facts.filter((f) => f.type === 'treatment' && f.date === '2023-11-16')).toEqual([]);
    expect(run.analysis.billing!.totals.grand.charges).toBe(408);
    expect(run.analysis.facts.some((f) => f.type === 'treatment' && f.date === '2023-10-05')).toBe(true);
  });
});
