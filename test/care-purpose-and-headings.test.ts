import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';
import type { FactOf } from '../src/model/index.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { processDocument } from '../src/pipeline.js';
import { assessContext } from '../src/context/engine.js';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseBuilder } from './helpers/facts.js';
import { markUnbilledProcedures } from '../src/extract/copy-forward.js';

/**
 * Classes met in claim files written by people who never read this code (synthetic text, no PHI): care its author
 * says will not change the condition, notes ruled off by dashed date headings, a practice's letterhead under a rule,
 * an orthotist's notes filed with a therapist's, and courses reported as discharged.
 */
const signals = (body: string) => {
  const { doc, facts } = factsOf(body);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<'plan_signal'> => f.type === 'plan_signal').map((f) => f.attributes.signal);
};
const treatments = (body: string) => factsOf(body).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment');

describe('care its author expects not to change the condition', () => {
  it.each([
    'The custom AFO is intended for safety and skin protection; I do not anticipate it will change her underlying motor recovery.',
    'The brace is expected to improve comfort; it is not expected to change her underlying motor control.',
    'Botulinum toxin does not restore strength or dexterity.',
    'She will continue onabotulinumtoxinA every 12 weeks indefinitely to maintain tone control and range.',
  ])('is maintenance care: %s', (sentence) => {
    expect(signals(sentence)).toContain('maintenance_care');
  });
  it.each([
    'Surgery is expected to improve her function.',
    'I do not anticipate any problems with the injection.',
    'Continue PT twice weekly for 6 weeks.',
  ])('is not: %s', (sentence) => {
    expect(signals(sentence)).not.toContain('maintenance_care');
  });
  it('a device expected to improve safety is not a prognosis for the claimant', () => {
    const { facts } = factsOf('The custom AFO is expected to improve safety and skin tolerance.');
    expect(facts.some((f) => f.type === 'prognosis')).toBe(false);
  });
});

describe('a therapy course reported as discharged is over, not given that day', () => {
  it.each([
    ['PT/OT discharged in October.', 'completed'],
    ['PT discharged 10/08 and OT 10/15 at plateau.', 'completed'],
    ['Discharged from PT on 10/08.', 'completed'],
  ])('%s', (sentence, status) => {
    const found = treatments(sentence).filter((f) => f.attributes.modality === 'physical_therapy');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.attributes.status).toBe(status);
  });
});

describe('a short course ordered for a device its prescriber calls non-restorative', () => {
  const PHYSIATRIST = { name: 'Ingrid Doe', credential: 'MD', specialty: 'physiatry' as const };
  const THERAPIST = { name: 'Owen Roe', credential: 'PT', specialty: 'physical_therapy' as const };
  const build = (purpose: string | undefined) => {
    const b = new CaseBuilder();
    b.visit('2024-04-10', { ...THERAPIST, kind: 'pt_evaluation' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT evaluation, gait training.');
    b.visit('2024-10-08', { ...THERAPIST, kind: 'pt_discharge' }).fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'Discharged from PT at plateau.');
    for (const d of ['2024-10-29', '2024-12-17']) b.visit(d, PHYSIATRIST).fact('plan_signal', { signal: 'maintenance_care' }, 'Maintenance phase: HEP, orthosis, toxin every 12 weeks.');
    const order = b.visit('2025-03-18', PHYSIATRIST)
      .fact('treatment', { modality: 'physical_therapy', status: 'recommended', sessions: 4 }, 'Short PT episode (up to 4 visits) for AFO gait training once fitted.')
      .fact('plan_signal', { signal: 'new_treatment', target: 'physical_therapy' }, 'Short PT episode (up to 4 visits) for AFO gait training once fitted.');
    if (purpose) order.fact('plan_signal', { signal: 'maintenance_care' }, purpose);
    b.visit('2025-05-28', { ...THERAPIST, kind: 'pt_evaluation' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT evaluation - new episode (AFO gait training).');
    b.visit('2025-06-11', { ...THERAPIST, kind: 'pt_discharge' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Visit 3: discharge to HEP.');
    b.visit('2025-06-17', PHYSIATRIST).fact('plan_signal', { signal: 'maintenance_care' }, 'She will continue onabotulinumtoxinA every 12 weeks indefinitely.');
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('keeps the maintenance phase that was under way', () => {
    const m = build('I do not anticipate it will change her underlying motor recovery.');
    expect([m.status, m.date]).toEqual(['implied', '2024-10-29']);
  });
  it('without that statement the new course is active care', () => {
    expect(build(undefined).date).not.toBe('2024-10-29');
  });
});

describe('notes ruled off by dated headings', () => {
  it('"---- 18 Jun 2024  PROCEDURE: CHEMODENERVATION #1 ----" opens a visit of its own', () => {
    const text = [
      'FOOTHILLS PHYSIATRY & SPASTICITY CLINIC', 'Ingrid L. Doe, MD  -  Physical Medicine & Rehabilitation', '',
      '---- 14 May 2024  NEW PATIENT - POST-STROKE SPASTICITY ----', 'CC: R arm tightness.', 'P: Plan onabotulinumtoxinA.', '                I. Doe, MD   05/14/2024', '',
      '---- 18 Jun 2024  PROCEDURE: CHEMODENERVATION #1 ----', 'onabotulinumtoxinA 300 units. Tolerated well.', '                I. Doe, MD   06/18/2024', '',
      '---- 30 Jul 2024  FOLLOW-UP ----', 'S: Hand opens more easily.', '                I. Doe, MD   07/30/2024', '',
    ].join('\n');
    const encounters = splitEncounters(textDoc(text));
    expect(encounters.map((e) => e.date)).toEqual(['2024-05-14', '2024-06-18', '2024-07-30']);
    expect(encounters.map((e) => e.kind)).toEqual(['consultation', 'procedure_note', 'office_visit']);
  });
  it('an operative report headed with its facility, and post-op visits whose note runs in after the date', () => {
    const text = [
      'NEW PATIENT CONSULTATION - 07/25/2023', 'R shoulder pain after lifting. MRI: full-thickness supraspinatus tear. Plan: arthroscopic repair.', '',
      'OPERATIVE REPORT - 09/19/2023 - Cibolo Creek Surgical Hospital', 'Procedure: R shoulder arthroscopic rotator cuff repair.', '',
      'POST-OP VISIT - 09/26/2023: Incisions clean. Sutures out. Sling. Off work.', '',
      'POST-OP VISIT - 11/07/2023 (7 wk): Out of sling. Begin AAROM.', '',
      'Note: the carrier wrote on 12/01/2023: benefits continue.',
    ].join('\n');
    const encounters = splitEncounters(textDoc(text));
    expect(encounters.map((e) => e.date)).toEqual(['2023-07-25', '2023-09-19', '2023-09-26', '2023-11-07']);
    expect(encounters[1].kind).toBe('operative_report');
  });
  it('a log of dated lines, each an upper-case visit title and its note run in', () => {
    const text = [
      'SUMMIT SPINE & ORTHOPEDICS', '',
      '05/16/2023 - POST-OP #1 (2 weeks): Incision healed. Leg pain 70% better. TTD.',
      '06/27/2023 - POST-OP #2 (8 weeks): Back 3/10. Start PT 2x/wk x 6 wks.',
      '01/31/2023 - PHONE FOLLOW-UP: ~60% leg relief for about 2 weeks, now returning.',
      '12/12/2023  TELEHEALTH: medication coordination',
      'Pain clinic started duloxetine 30 -> 60 mg.',
      '01/16/2024  ACUTE: sore throat, congestion x 4 days',
      // Invalid: a dated line that is not a visit's title.
      '07/02/2024 - Request for permanent implant sent to UR: pending.',
      '08/01/2024 - UR DENIAL: permanent implant non-certified.',
    ].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2023-05-16', '2023-06-27', '2023-01-31', '2023-12-12', '2024-01-16']);
  });
  it('a procedure note\'s heading that names what was done after its date', () => {
    const text = [
      'FOLLOW-UP - 05/08/2023', 'Occipital blocks: relief for about 3 days only. Plan: Botox.', '',
      'PROCEDURE NOTE - 06/12/2023 - OnabotulinumtoxinA (Botox) for chronic migraine, cycle 1', 'Botox 155 U, 31 sites. Tolerated.', '',
      'PROCEDURE NOTE + FOLLOW-UP - 09/11/2023 - Botox cycle 2', 'Diary: 16 headache days. Botox 155 U. RTC 12 weeks.', '',
      'Referral - 10/02/2023 - the carrier approved four cycles.',
    ].join('\n');
    const encounters = splitEncounters(textDoc(text));
    expect(encounters.map((e) => [e.date, e.kind])).toEqual([['2023-05-08', 'office_visit'], ['2023-06-12', 'procedure_note'], ['2023-09-11', 'procedure_note']]);
  });
  it('a ruled line with a fax time is a transmission banner, not a visit', () => {
    const text = 'Visit 03/01/2024\nFollow-up.\n---- FAX 03/05/2024 14:02 P.2 ----\nContinues.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2024-03-01']);
  });
});

describe('whose note it is', () => {
  it('a practice letterhead and its doctor under a rule open the next practice\'s visits', () => {
    const text = [
      'STROKE CLINIC FOLLOW-UP          Date of visit: 11-12-2024', 'Provider: Samuel T. Roe, MD (Vascular Neurology)', 'A/P: Stable. RTC 6 months.',
      '                                                     S. Roe, MD   11/12/2024', '=====================================================',
      'SANDSTONE FAMILY MEDICINE                         Loveland, CO  (970) 555-0190  fax (970) 555-0191', 'Evelyn D. Doe, MD', '',
      'OFFICE VISIT  4/16/2024   Post-hospital f/u.', 'HPI: Tearful, sleeping poorly. Plan: Sertraline to 50 mg.', '                                                     E. Doe, MD', '',
    ].join('\n');
    const { encounters } = processDocument(textDoc(text));
    expect(encounters.map((e) => [e.date, e.specialty])).toEqual([['2024-11-12', 'neurology'], ['2024-04-16', 'primary_care']]);
    expect(text.slice(encounters[1].start)).toMatch(/^=+\nSANDSTONE/);
  });
  it('an orthotist\'s notes filed with the therapist\'s are not physical therapy', () => {
    const text = [
      'TIMBERLINE ORTHOTICS & PROSTHETICS, INC.', '',
      'ORTHOTIC EVALUATION / CASTING                                   Date: March 25, 2025', 'Practitioner: Bryce N. Doe, CPO',
      'Plan: Custom-molded AFO. Casting done today. Rx for PT gait training sent to Kestrel.', '                                B. Doe, CPO   03/25/2025', '',
      'FITTING / DELIVERY                                              Date: May 20, 2025', 'Custom AFO delivered.', '                                B. Doe, CPO   05/20/2025',
      '-----------------------------------------------------------------------------',
      'KESTREL NEURO REHAB  -  PHYSICAL THERAPY', '',
      'PT EVALUATION - NEW EPISODE (AFO gait training)                  DOS 05/28/2025', 'Therapist: Owen P. Roe, PT, DPT', 'P: 3 visits: gait training with AFO.', '',
    ].join('\n');
    const { encounters } = processDocument(textDoc(text));
    expect(encounters.map((e) => [e.date, e.specialty])).toEqual([['2025-03-25', 'other'], ['2025-05-20', 'other'], ['2025-05-28', 'physical_therapy']]);
  });
});

describe('a procedure the ledger does not bill', () => {
  const NEURO = { name: 'Rachel Doe', credential: 'MD', specialty: 'neurology' as const };
  const build = (billed01: string[]) => {
    const b = new CaseBuilder();
    b.visit('2023-10-10', { ...NEURO, kind: 'procedure_note' }).fact('treatment', { modality: 'other_injection', status: 'performed' }, 'Bilateral GON block performed.');
    b.visit('2024-01-16', NEURO).fact('treatment', { modality: 'other_injection', status: 'performed' }, 'Procedure: Bilateral greater occipital nerve block performed today without complication (see procedure note).');
    b.file('ledger.csv').bill('2023-10-10', 'DOE R', [{ code: '64405', charge: 1180 }]).bill('2024-01-16', 'DOE R', billed01.map((code) => ({ code, charge: 265 })));
    const input = b.input({ type: 'personal_injury' });
    markUnbilledProcedures(input.facts, input.encounters);
    return input.facts.find((f) => f.evidence[0].quote.startsWith('Procedure:'))!;
  };
  it('billed as a visit only, "performed today" is template text carried into the note', () => {
    expect(build(['99214']).temporality).toBe('historical');
  });
  it.each([[['99214', '64405']], [[]]])('billed with the procedure, or not billed at all, it stands: %j', (codes) => {
    expect(build(codes).temporality).toBe('current');
  });
  it('"Continue PT home program" is the home programme, not therapy', () => {
    expect(treatments('Continue PT home program and workplace breaks.').map((f) => f.attributes.modality)).toEqual(['home_exercise']);
  });
});

describe('care waiting on a condition, and care put off', () => {
  it.each([
    ['Same plan - TKA when BMI < 40; until then symptomatic care.', 'TKA'],
    ['TKA remains deferred (BMI 41.6).', 'TKA'],
    ['SCS trial remains on hold.', 'SCS'],
  ])('%s', (sentence, target) => {
    const i = sentence.indexOf(target);
    expect(assessContext(sentence, i, i + target.length, { section: 'plan' }).temporality).toBe('hypothetical');
  });
  it('"early response to tocilizumab" is a response still being judged', () => {
    expect(signals('1. RA - early response to tocilizumab.')).toContain('response_pending');
  });
  it.each([
    'Her ultimate level of response cannot be judged yet.',
    'She has not had a sustained period of on-schedule injections, and her ultimate level of response cannot be judged yet.',
    'The full benefit of the new regimen cannot yet be assessed.',
  ])('a response its prescriber cannot judge yet is still being judged: %s', (text) => {
    const f = of(text, 'plan_signal').filter((x) => x.attributes.signal === 'response_pending');
    expect(f.map((x) => x.negated)).toEqual([false]);
  });
  it.each([
    'Neck pain 3/10 (from 5-6), ~50% relief and still improving; headaches 1/wk.',
    'Function continues to improve with the home program.',
  ])('a benefit still growing is a response still being judged: %s', (text) => {
    expect(signals(text)).toContain('response_pending');
  });
  it.each([
    ['If PHQ-9 not improved at next visit, consider adding bupropion.', true],
    ['If not better by the next appointment, will increase duloxetine.', true],
    // Invalid: a standing contingency with no visit that judges it is no pending response.
    ['If no better, consider ESI.', false],
  ])('a change the next visit will judge is a response still being judged: %s', (text, pending) => {
    expect(signals(text).includes('response_pending')).toBe(pending);
  });
  it.each([
    ['She is unsure about another injection.', true],
    ['Options discussed: third ESI, continued medications. She remains undecided about a third injection.', true],
    // Invalid: a decision already made, one the claimant leaves open with no visit set to make it, or one about the
    // restrictions rather than the care.
    ['She decided against another injection.', false],
    ['Will decide at next visit whether these restrictions are permanent.', false],
    ['She may consider another injection someday.', false],
  ])('the next step offered and still being decided keeps the visit in the active phase: %s', (text, pending) => {
    expect(signals(text).includes('response_pending')).toBe(pending);
  });
  it.each([
    'Objective abnormalities were documented in 11/2022 and were still improving in 03/2023.',
    'She is no longer improving.',
  ])('improvement recalled or ended is not pending: %s', (text) => {
    expect(signals(text)).not.toContain('response_pending');
  });
  it('a response already judged is not pending', () => {
    expect(signals('Response to the injections has been judged adequate; continue.')).not.toContain('response_pending');
  });
  it.each(['Euflexxa 2 mL superolateral.', 'Hyaluronic acid series (10/2023) gave partial relief.', 'Synvisc-One injection today.'])('a hyaluronic injection is a joint injection: %s', (body) => {
    expect(treatments(body).map((f) => f.attributes.modality)).toContain('joint_injection');
  });
  it.each([
    'R radiocarpal joint injection, dorsal approach, triamcinolone 40 mg.',
    'L carpal tunnel injection, Kenalog 40 mg + 1 mL 1% lidocaine.',
    'Aspiration of 30 mL fluid and injection of triamcinolone 40 mg, right knee.',
    'Bilateral triamcinolone 40 mg injections today.',
    'Left greater trochanteric bursa injection, 40 mg triamcinolone.',
  ])('a steroid injection of a joint, bursa or tunnel is a joint injection: %s', (body) => {
    expect(treatments(body).map((f) => f.attributes.modality)).toEqual(['joint_injection']);
  });
  it('"Spine surgery (Dr. Teague 10/24/2023):" is the label of what the surgeon said, not surgery', () => {
    expect(treatments('Spine surgery (Dr. Teague 10/24/2023):\nnot a surgical candidate.').filter((f) => f.attributes.modality === 'surgery')).toEqual([]);
  });
  it('"Review of outside x-rays 01/23/2023 (3 views R shoulder):" still names the study reviewed', () => {
    expect(treatments('Review of outside x-rays 01/23/2023 (3 views R shoulder):\nno fracture.').map((f) => f.attributes.modality)).toContain('imaging_study');
  });
  it.each([
    ['C7-T1 interlaminar epidural steroid injection with triamcinolone 80 mg.', 'epidural_injection'],
    ['Stellate ganglion block with bupivacaine.', 'other_injection'],
  ])('a spinal or nerve injection is not: %s', (body, modality) => {
    expect(treatments(body).map((f) => f.attributes.modality)).toEqual([modality]);
  });
});

describe('visits printed in other layouts', () => {
  it('"Encounter: Procedure Visit      Date: 12/17/2024" opens a visit', () => {
    const text = 'Encounter: Office Visit - R knee OA          Date: 03/19/2024\nProvider: Anand Doe, MD\nHPI: knee pain.\n\nEncounter: Procedure Visit                      Date: 12/17/2024\nProvider: Colleen Roe, PA-C\nProcedure: R knee injection.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2024-03-19', '2024-12-17']);
  });
  it('a year misread in a chronological file is put back between its neighbours; a plausible date stands', () => {
    const visit = (d: string) => `Date of Service: ${d}      Provider: Kyle Doe, FNP-C\nS: Headaches. Plan: continue.\n\n`;
    expect(splitEncounters(textDoc(['12/05/2022', '02/27/2028', '06/20/2023'].map(visit).join(''))).map((e) => e.date)).toEqual(['2022-12-05', '2023-02-27', '2023-06-20']);
    expect(splitEncounters(textDoc(['12/05/2022', '02/27/2024', '06/20/2023'].map(visit).join(''))).map((e) => e.date)).toEqual(['2022-12-05', '2024-02-27', '2023-06-20']);
  });
  it('each dated row of a procedure log is a procedure given that day', () => {
    const text = [
      'DATE OF SERVICE: 07/11/2023   FOLLOW-UP   Marcus Doe, MD', 'P: Euflexxa series once authorized.', '',
      'PROCEDURE NOTES - VISCOSUPPLEMENTATION, RIGHT KNEE (Euflexxa 20 mg/2 mL)    Jenna Roe, PA-C',
      ' 09/12/2023  Injection 1 of 3. Euflexxa 2 mL superolateral.', '             Pain pre 7/10. Tolerated well.',
      ' 09/19/2023  Injection 2 of 3. Euflexxa 2 mL.', ' 09/26/2023  Injection 3 of 3. Euflexxa 2 mL. Series complete.', '/s/ J. Roe, PA-C', '',
    ].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2023-07-11', '2023-09-12', '2023-09-19', '2023-09-26']);
  });
  it('each dated row of a clinic log under its heading is a visit, even one row, and rows may start with the weeks since surgery', () => {
    const text = [
      'ROE ORTHOPAEDICS - CLINIC NOTES (Doe)', '07/05/2022  2 wks post-op. Incisions healed, sutures out. Sling. Begin PT.',
      '08/16/2022  8 wks. Out of sling 08/02. AAROM flex 110, ER 20. Begin AROM. Stiffer than expected', '            (diabetic). No strengthening until 12 wks.',
      '-----------------------------------------', '', 'ROE ORTHOPAEDICS - CLINIC NOTE (Doe)',
      '08/13/2024  26 wks post revision. Pain 2/10. He has reached maximal benefit from a surgical standpoint.', 'Nathaniel Doe, MD', '',
    ].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-07-05', '2022-08-16', '2024-08-13']);
  });
  it('a visit log whose wide dates fill their column ("10/11/23 5     0") is read row by row', () => {
    const text = [
      'SPINE ALIGN CHIROPRACTIC - DAILY NOTES', 'DATE     PAIN  LB   TX                                  NOTES',
      '9/1/23   5     0    same                                Pt responding well to care.  SD',
      '10/11/23 5     0    same, no CMT cerv (block 10/10)     Pt responding well to care.  SD',
      '11/17/23 4     0    same                                RE-EXAM: NDI 30%. Supportive care 1x/mo   SD',
      '12/12/23 4     0    CMT cerv/thor, EMS, HP              Pt responding well to care.  SD', '',
    ].join('\n');
    const [enc] = splitEncounters(textDoc(text));
    expect(enc.visitRows?.map((r) => r.date)).toEqual(['2023-09-01', '2023-10-11', '2023-11-17', '2023-12-12']);
  });
  it('a letter date straight under the practice\'s capitalised name opens the letter', () => {
    const text = 'Plan: HEP. Return PRN.\nNathaniel Doe, MD\n-----------------------------\n\nROE ORTHOPAEDICS & SPORTS MEDICINE\nOctober 24, 2023\n\nDear Dr. Roe,\nI saw him today.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toContain('2023-10-24');
  });
  it('a radiology report filed under a family doctor\'s visit of the same day is its own imaging encounter', () => {
    const text = [
      'Encounter Date: 10/17/2023', 'Provider: Caroline Doe, MD', 'S: Fell onto her buttocks two days ago; low back pain worse, no new leg symptoms.',
      'O: Tender lower lumbar paraspinals; strength and reflexes unchanged; SCS generator site intact.',
      'A/P: 1. Fall with contusion; lumbar x-ray today. 2. Continue current medications. 3. Return/ED precautions.', 'Electronically signed by Caroline Doe, MD on 10/17/2023', '',
      'UPSTATE DIAGNOSTIC IMAGING - OUTPATIENT (reading for Foothills Family Medicine)',
      'PATIENT: ROE, LORETTA J   DOB: 09/22/1970   EXAM: XR LUMBAR SPINE 2-3 VIEWS   DATE: 10/17/2023',
      'HISTORY: Fall onto buttocks 10/15/2023. Prior L4-S1 fusion; spinal cord stimulator.', 'COMPARISON: CT lumbar spine 02/03/2022.',
      'IMPRESSION: No acute osseous abnormality. Stable L4-S1 fusion hardware and SCS leads.', 'Signed: Paul E. Roe, MD (Radiology)  10/17/2023 15:22', '',
    ].join('\n');
    const { encounters } = processDocument(textDoc(text));
    expect(encounters.map((e) => [e.date, e.kind]).at(-1)).toEqual(['2023-10-17', 'imaging']);
    expect(encounters).toHaveLength(2);
  });
});

describe('a therapy course inside a sustained maintenance phase that ends at a plateau', () => {
  const RHEUM = { name: 'Priya Doe', credential: 'MD', specialty: 'rheumatology' as const };
  const PT = { name: 'Kayla Roe', credential: 'PT', specialty: 'physical_therapy' as const };
  const build = (discharge: string) => {
    const b = new CaseBuilder();
    b.visit('2023-07-13', RHEUM).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'tocilizumab', drugClass: 'biologic DMARD', doseChange: 'switched' }, 'Switch to tocilizumab 162 mg SC weekly.');
    for (const d of ['2023-10-17', '2024-01-11', '2024-04-09']) b.visit(d, RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'No changes to regimen today.');
    for (const d of ['2024-06-04', '2024-06-18', '2024-07-02', '2024-07-16', '2024-07-30']) b.visit(d, { ...PT, kind: 'pt_progress' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT session: hand strengthening.');
    b.visit('2024-08-22', { ...PT, kind: 'pt_discharge' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Discharge visit.')
      .fact('mmi_statement', { kind: 'plateau' }, discharge);
    for (const d of ['2024-07-11', '2024-10-08', '2025-01-14']) b.visit(d, RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current regimen.');
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('confirms the ceiling: the phase keeps its first visit', () => {
    expect(build('Progress has plateaued with skilled PT; no further skilled therapy indicated.').date).toBe('2023-10-17');
  });
  it('a short course after a fall, with the physician seen twice a year before it, that ends back at the prior level', () => {
    const NEURO = { name: 'Tom Okon', credential: 'MD', specialty: 'neurology' as const };
    const b = new CaseBuilder();
    for (const d of ['2022-10-05', '2022-11-02', '2022-12-14', '2023-01-20', '2023-02-17']) b.visit(d, { ...PT, kind: 'pt_progress' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT: gait training.');
    for (const d of ['2023-03-29', '2023-09-27']) b.visit(d, NEURO).fact('plan_signal', { signal: 'continue_current_management' }, 'Exam unchanged. Continue current medications.');
    for (const d of ['2024-01-24', '2024-01-31', '2024-02-07']) b.visit(d, { ...PT, kind: 'pt_progress' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT after fall: HEP review, home safety.');
    b.visit('2024-02-14', { ...PT, kind: 'pt_discharge' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT discharge.')
      .fact('mmi_statement', { kind: 'plateau' }, 'Berg 44/56 - back to prior level. Discharged to HEP.');
    b.visit('2024-03-27', NEURO).fact('plan_signal', { signal: 'continue_current_management' }, 'Exam unchanged. Continue current medications.');
    const mmi = analyzeCase(b.input({ type: 'ssdi' })).mmi;
    expect([mmi.status, mmi.date]).toEqual(['implied', '2023-03-29']);
  });
});

describe('a capacity grid coded by letters under its key', () => {
  const grid = [
    'ACTIVITY PRESCRIPTION FORM (APF)', 'Date of exam: 02/14/2023',
    'CAPACITIES (in an 8-hr day)  N = never, S = seldom 1-10%, O = occasional 11-33%,',
    '                             F = frequent 34-66%, C = constant 67-100%',
    '  Sit C   Stand F   Walk F   Climb F   Twist F   Bend/stoop F   Squat/kneel O',
    '  Lift  F 10 lb  O 20 lb        Carry  F 10 lb  O 20 lb        Push/pull O 20 lb',
  ].join('\n');
  it('reads each letter by the key: constant and frequent are no limits; the key\'s ranges are not amounts', () => {
    const limits = factsOf(grid).facts.filter((f): f is FactOf<'limitation'> => f.type === 'limitation');
    const byActivity = Object.fromEntries(limits.map((f) => [f.attributes.activity, [f.attributes.frequency, f.attributes.limit, f.attributes.unit]]));
    expect(Object.keys(byActivity).sort()).toEqual(['carry', 'crouch', 'kneel', 'lift', 'push']);
    expect(byActivity.kneel).toEqual(['occasional', undefined, undefined]);
    expect(byActivity.push).toEqual(['occasional', 20, 'lb']);
    expect(limits.every((f) => f.attributes.unit !== 'percent')).toBe(true);
  });
});
