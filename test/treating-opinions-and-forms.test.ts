import { describe, expect, it } from 'vitest';
import type { FactOf } from '../src/model/index.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { assessContext } from '../src/context/engine.js';
import { classifyDocument, documentParts } from '../src/segment/document-role.js';
import { processDocument } from '../src/pipeline.js';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseBuilder } from './helpers/facts.js';

/**
 * Classes met in claim files written by people who never read this code (synthetic text, no PHI): a treatment's
 * hoped-for effect, a cancelled booking, a form's next field after a "No" box, a state agency's notice, a treating
 * physician's letter filed in claim correspondence, one side at MMI, and a "not at MMI" with no care behind it.
 */
const contextOf = (sentence: string, target: string) => {
  const i = sentence.indexOf(target);
  return assessContext(sentence, i, i + target.length, { section: 'plan' });
};
const treatments = (body: string) => factsOf(body).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment');

describe('what a treatment would do is not a treatment given', () => {
  it.each([
    ['A repeat RFA would be expected to reduce his axial pain by about half.', 'RFA', 'hypothetical'],
    ['A spinal cord stimulator trial could substantially reduce his leg pain.', 'spinal cord stimulator', 'hypothetical'],
    ['Anticipated further treatment: repeat RFA; SCS trial consideration', 'SCS', 'hypothetical'],
    ['Gabapentin helps with sleep.', 'Gabapentin', 'current'],
  ])('%s', (sentence, target, temporality) => {
    expect(contextOf(sentence, target).temporality).toBe(temporality);
  });
  it.each([
    ['Repeat RFA 03/05/2024 was cancelled - the carrier filed a utilization review request.', 'RFA', true],
    ['The procedure was put on hold pending review.', 'procedure', true],
    ['RFA was performed on 03/05/2024.', 'RFA', false],
  ])('a booking cancelled or put on hold did not happen: %s', (sentence, target, negated) => {
    expect(contextOf(sentence, target).negated).toBe(negated);
  });
  it.each([
    ['Anticipated further treatment: repeat RFA', 'recommended'],
    ['Remaining option with some evidence is a spinal cord stimulator trial.', 'recommended'],
    ['Repeat RFA performed today.', 'performed'],
    ['DISCUSSION: I do not recommend a third injection. Options:\n (a) continue non-operative management, or\n (b) R shoulder arthroscopy, subacromial decompression.', 'recommended'],
    ['Discussion: Reviewed options again - third ESI, diagnostic medial branch blocks, or continuing with medications.', 'recommended'],
  ])('care to come, by its label or wording: %s', (body, status) => {
    expect(treatments(body).filter((f) => !f.negated)[0].attributes.status).toBe(status);
  });
  it.each([
    'Continue non-operative management (HEP, NSAID).',
    'Non-surgical treatment was reviewed with her.',
  ])('conservative care named by what it is not is not an operation: %s', (body) => {
    expect(treatments(body).filter((f) => f.attributes.modality === 'surgery')).toEqual([]);
  });
  it.each([
    ['Surgery is estimated at about $28,500 if she elects it.', 'Surgery'],
    ['Cost estimate for arthroscopy provided to patient at her request.', 'arthroscopy'],
    ['If he chooses, we can proceed with a carpal tunnel release.', 'carpal tunnel release'],
  ])('an option left to the patient, or only priced, is not planned: %s', (sentence, target) => {
    expect(contextOf(sentence, target).temporality).toBe('hypothetical');
  });
  it('a "No" box answers its question, not the next field on the line', () => {
    const [rfa] = treatments('Patient at MMI? [ ] Yes [X] No Anticipated further treatment: repeat RFA');
    expect([rfa.attributes.modality, rfa.negated]).toEqual(['radiofrequency_ablation', false]);
  });
  it.each([
    'Attorney asked for my opinion on MMI (letter sent separately 08/06/2024).',
    'MMI does not mean that no further care is appropriate.',
    'This evaluation addresses MMI and the impairment rating only.',
  ])('MMI named without being stated: %s', (body) => {
    const statements = factsOf(body).facts.filter((f) => f.type === 'mmi_statement');
    expect(statements.every((f) => f.temporality === 'hypothetical')).toBe(true);
  });
});

describe('claim correspondence', () => {
  const FILE = [
    'COMMONWEALTH OF PENNSYLVANIA - DEPARTMENT OF LABOR & INDUSTRY - BUREAU OF WORKERS\' COMPENSATION',
    'NOTICE OF CHANGE OF WORKERS\' COMPENSATION DISABILITY STATUS                LIBC-764', '',
    'An impairment rating evaluation performed on 06/18/2024 has determined that you have reached maximum', 'medical improvement.', '',
    '=====================================================================',
    'SMITH & LYLE, P.C. - Attorneys at Law', 'July 10, 2024', 'Dear Dr. Doe:', 'Please answer: had he reached MMI as of 06/18/2024?', 'Very truly yours, /s/ Mark J. Smith, Esq.', '',
    '=====================================================================',
    'VALLEY SPINE & PAIN ASSOCIATES, P.C.   4401 Bath Pike, Suite 200, Bethlehem, PA 18017', '', 'August 6, 2024',
    '1. Mr. Roe is not at maximum medical improvement.', 'Sincerely, /s/ Anjali R. Doe, DO, Board Certified PM&R', '',
    '=====================================================================',
    'GREAT LAKES REHAB PARTNERS   Outpatient Physical Therapy   (989) 555-0261', 'We have received your request for records. No records exist.', 'Sincerely,', 'Marguerite Roe, PTA', '',
  ].join('\n');
  it('a bureau\'s notice is administrative; the treating physician\'s letter in it is clinical; a clinic clerk\'s reply is not', () => {
    const doc = textDoc(FILE, 'LIBC-764_and_Correspondence.txt');
    const role = classifyDocument(doc);
    expect(role.role).toBe('administrative');
    const parts = documentParts(doc, role);
    expect(parts.map((p) => p.role)).toEqual(['administrative', 'clinical', 'administrative']);
    expect(FILE.slice(parts[1].start, parts[1].end)).toContain('VALLEY SPINE');
    expect(FILE.slice(parts[2].start)).toContain('GREAT LAKES');
  });
  it('the notice yields no MMI statement; the physician\'s letter does', () => {
    const { facts } = processDocument(textDoc(FILE, 'LIBC-764_and_Correspondence.txt'));
    const mmi = facts.filter((f): f is FactOf<'mmi_statement'> => f.type === 'mmi_statement' && f.temporality === 'current');
    expect(mmi.map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
});

describe('whose MMI, and what it covers', () => {
  const DOC = { name: 'Elena Doe', credential: 'DO', specialty: 'occupational_medicine' as const };
  it('one side fixed and stable while the same doctor keeps the other open is not MMI of the claim', () => {
    const b = new CaseBuilder();
    b.visit('2023-09-12', { ...DOC, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Right open carpal tunnel release.');
    b.visit('2024-06-11', DOC).fact('mmi_statement', { kind: 'mmi' }, '1. R CTS s/p open CTR 09/12/2023. Right carpal tunnel syndrome is fixed and stable.')
      .fact('mmi_statement', { kind: 'not_at_mmi' }, '2. L CTS - severe, awaiting surgery. NOT fixed and stable.');
    b.visit('2024-10-08', DOC).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Not at MMI.')
      .fact('mmi_statement', { kind: 'mmi' }, '2. R CTS s/p CTR - fixed and stable (unchanged from 06/11/2024).');
    const m = analyzeCase(b.input({ type: 'workers_comp', state: 'WA' })).mmi;
    expect(m.status).toBe('not_reached');
    expect(m.conflicts.some((c) => /right side is at MMI/.test(c.text))).toBe(true);
  });
  const PAIN = { name: 'Anjali Doe', credential: 'DO', specialty: 'pain_management' as const };
  const IRE = { name: 'Conrad Roe', credential: 'MD', specialty: 'ime' as const, kind: 'impairment_rating' as const, documentRole: 'examining' as const };
  const build = (plan: string) => {
    const b = new CaseBuilder();
    b.visit('2023-03-22', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Bilateral L4-5 RFA.');
    for (const d of ['2023-08-15', '2023-12-05', '2024-04-04', '2024-08-27']) {
      b.visit(d, PAIN).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Not at MMI.')
        .fact('treatment', { modality: 'spinal_cord_stimulator', status: 'recommended', subtype: 'trial' }, `${plan} Reviewed ${d}.`)
        .fact('plan_signal', { signal: 'new_treatment', target: 'spinal_cord_stimulator (trial)' }, `${plan} Reviewed ${d}.`);
    }
    b.visit('2024-06-18', IRE).fact('mmi_statement', { kind: 'mmi' }, 'Mr. Roe has reached maximum medical improvement.');
    return analyzeCase(b.input({ type: 'workers_comp', state: 'PA' })).mmi;
  };
  it('"not at MMI" for a year with nothing given, booked or appealed: the examiner\'s MMI stands', () => {
    const m = build('Consider SCS trial.');
    expect([m.status, m.date]).toEqual(['explicit', '2024-06-18']);
    expect(m.reasons.some((r) => /nothing was given, booked, authorised or appealed/.test(r.text))).toBe(true);
    expect(m.conflicts.some((c) => /not at MMI/.test(c.text))).toBe(true);
  });
  it('a plan and the order derived from it are one disagreement', () => {
    const m = build('Consider SCS trial.');
    expect(m.conflicts.filter((c) => /after the MMI statement/.test(c.text))).toHaveLength(1);
  });
  it('with the trial authorised and scheduled, the treating physician\'s opinion holds', () => {
    expect(build('SCS trial authorized; scheduled 09/10/2024.').status).toBe('not_reached');
  });
});

describe('more ways records say what is and is not planned', () => {
  it('"3. MMI." heading a numbered answer states nothing', () => {
    const statements = factsOf('3. MMI. Ms. Roe is not at maximum medical improvement.').facts.filter((f): f is FactOf<'mmi_statement'> => f.type === 'mmi_statement' && f.temporality === 'current');
    expect(statements.map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
  it.each([
    ['She understands ACDF remains the definitive option and that she can revisit it at any time.', 'ACDF'],
  ])('an option left open to the claimant: %s', (sentence, target) => {
    expect(contextOf(sentence, target).temporality).toBe('hypothetical');
  });
  it.each([
    ['Discussed adding nortriptyline for sleep - pt prefers not to add pills.', 'declined'],
  ])('%s', (body, status) => {
    expect(treatments(body)[0].attributes.status).toBe(status);
  });
  it('"no further ESIs planned" closes that line of care', () => {
    expect(factsOf('We discussed that further ESIs are unlikely to help; no further ESIs planned.').facts.some((f) => f.type === 'plan_signal' && f.attributes.signal === 'no_further_treatment')).toBe(true);
  });
});

describe('a standing schedule set at a visit', () => {
  it('the injection given at the visit that sets it is the schedule\'s first dose: it does not interrupt the phase', () => {
    const visit = (date: string, body: string) => `DATE OF SERVICE: ${date}    FOLLOW-UP    Vikram Doe, MD (Pain Management)\n${body}\n/s/ Vikram Doe, MD\n\n`;
    const text = [
      visit('01/10/2023', 'PROCEDURE: Cervical epidural steroid injection C7-T1 performed. RTC 6 weeks.'),
      // (The ESI's result told in the past tense is the 01/10 injection's history, not an injection on 03/07.)
      visit('03/07/2023', 'ESI gave 30% relief for 2 weeks. Plan: Continue current medications. RTC 6 weeks.'),
      visit('04/25/2023', 'P: - No further ESIs planned.\n   - Trigger point injections today and periodically as needed, no more often than every 12 weeks.\n   - Continue current medications without change.\n   - RTC every 8 weeks.\nPROCEDURE: Trigger point injections (CPT 20553, 3+ muscles).'),
      visit('08/01/2023', 'A/P: Stable chronic pain. Continue same regimen - no changes. TPI today. RTC 8 weeks.'),
      visit('11/07/2023', 'A/P: Stable on a maintenance regimen. TPI today. No medication changes. RTC 8 weeks.'),
      visit('02/20/2024', 'A/P: Stable. TPI today. Same medications. RTC 8 weeks.'),
    ].join('');
    const doc = textDoc(text, 'pain_notes.txt');
    const { encounters, facts } = processDocument(doc);
    const m = analyzeCase({ claim: { type: 'ssdi' }, documents: [], encounters, facts }).mmi;
    expect([m.status, m.date]).toEqual(['implied', '2023-03-07']);
  });
});

describe('a physician\'s discipline and the options weighed', () => {
  it('"Augmentation options reviewed (aripiprazole, switch to venlafaxine)" starts nothing', () => {
    const found = treatments('2. Augmentation options reviewed (aripiprazole, switch to venlafaxine); patient prefers not to add or switch medications.');
    expect(found.every((f) => f.temporality !== 'current' || f.attributes.status === 'declined')).toBe(true);
  });
  it('hydroxyzine is an anxiolytic', () => {
    expect(treatments('Hydroxyzine increased to 50 mg up to TID PRN.')[0].attributes).toMatchObject({ drug: 'hydroxyzine', drugClass: 'anxiolytic' });
  });
  it('a neurologist\'s follow-ups about PTSD and mood stay under the neurology letterhead', () => {
    const visit = (date: string, body: string) => `------------------------------------------------------------\nFOLLOW-UP     Date: ${date}     Paul R. Doe, MD\n\n${body}\n\n`;
    const text = 'GEM CITY NEUROLOGY, INC. - CONCUSSION & HEADACHE CLINIC\n\nNEW PATIENT CONSULTATION\nDate: 03/10/2022          Neurologist: Paul R. Doe, MD\nHPI: headaches and poor memory after concussion. Exam: nonfocal.\nPlan: nortriptyline 10 mg.\n                  Paul R. Doe, MD\n\n'
      + visit('10/13/2022', 'Mood: PTSD symptoms, nightmares, depression; psychiatry adjusting sertraline. Headaches better.')
      + visit('08/17/2023', 'Anxiety and depression per psychiatry; PTSD therapy ongoing. Cognitive deficits plateaued.');
    const { encounters } = processDocument(textDoc(text));
    expect(encounters.map((e) => e.specialty)).toEqual(['neurology', 'neurology', 'neurology']);
  });
});
