import { describe, expect, it } from 'vitest';
import { of, bareFacts } from './helpers/facts-of.js';
import { textDoc } from './helpers/extract-doc.js';
import { analyzeCase } from '../src/analyze/index.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { extractFacts } from '../src/extract/index.js';
import { CaseBuilder, type ProviderSpec } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';
import { classifyDocument } from '../src/segment/document-role.js';

/** Synthetic wording throughout; every name, number and date is invented. */

const SURGEON: ProviderSpec = { name: 'R. Doe', credential: 'MD', specialty: 'orthopedic_surgery' };

describe('"s/p surgery …, at MMI": the assessment turns from the operation to the claimant\'s status now', () => {
  it.each([
    ['R lateral epicondylitis s/p surgery 08/24/2021, at MMI (C-4.3 06/14/2022).', 'current'],
    ['S/p C6-7 ACDF 01/10/2023, remains at maximum medical improvement.', 'current'],
    ['History of lumbar fusion with MMI reached in 2015.', 'historical'],
  ])('%s', (text, temporality) => {
    expect(of(text, 'mmi_statement').map((f) => f.temporality)).toContain(temporality);
  });
});

describe('MMI: a "not at MMI" line every note of a provider repeats word for word is the template\'s field', () => {
  /** An operation, healing visits, then quiet visits; `status(i)` is the status line of the i-th visit after the operation. */
  const record = (status: (i: number) => string) => {
    const b = new CaseBuilder()
      .visit('2023-01-10', { ...SURGEON, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Open reduction and internal fixation, left clavicle.');
    const dates = ['2023-02-07', '2023-03-21', '2023-06-20', '2023-09-19', '2023-12-19', '2024-03-19'];
    dates.forEach((d, i) => {
      b.visit(d, SURGEON);
      if (i < 2) b.fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'Continue PT 2x/week.');
      else b.fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management, home exercise.')
        .fact('plan_signal', { signal: 'return_to_clinic' }, 'RTC 3 months.');
      b.fact('mmi_statement', { kind: 'not_at_mmi' }, status(i));
    });
    return b;
  };
  it('the same line at every visit, maintenance visits included, does not hold the phase open', () => {
    const b = record(() => 'Disability status: Not at MMI - continue treatment as outlined');
    const a = analyzeCase(b.input({ type: 'personal_injury', onset: '2022-12-01' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi.status).toBe('implied');
    expect(a.mmi.date).toBe('2023-06-20');
  });
  it('a "not at MMI" written for the visit still counts', () => {
    const b = record((i) => (i === 5 ? 'Not at MMI: the shoulder is stiffer; I want to see the response to a home stretching program.' : 'Healing as expected.'));
    expect(analyzeCase(b.input({ type: 'personal_injury', onset: '2022-12-01' })).mmi.status).toBe('not_reached');
  });
  it('a status field the record marks as auto-populated is the system\'s, not the physician\'s', () => {
    const b = record((i) => (i === 5 ? 'WC STATUS (auto-populated): TTD - Patient is not at MMI.' : 'Healing as expected.'));
    expect(analyzeCase(b.input({ type: 'personal_injury', onset: '2022-12-01' })).mmi.status).toBe('implied');
  });
  it('a status field stamped with an update months before the visit is that old status', () => {
    const b = record((i) => (i === 5 ? 'WORK STATUS [last updated 02/07/2023]: Off work pending recovery; not at MMI.' : 'Healing as expected.'));
    expect(analyzeCase(b.input({ type: 'personal_injury', onset: '2022-12-01' })).mmi.status).toBe('implied');
  });
  /** Office notes whose status line never changes, and an MMI stated on a separate form or in the notes themselves. */
  const withMmi = (mmiIn: 'form' | 'notes') => {
    const b = new CaseBuilder();
    for (const d of ['2023-01-10', '2023-02-14', '2023-03-14', '2023-04-11']) b.visit(d, SURGEON).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Work status: Not at MMI.');
    if (mmiIn === 'form') b.file('source-statement.txt');
    b.visit('2023-05-09', SURGEON).fact('mmi_statement', { kind: 'mmi' }, 'She has reached maximum medical improvement as of today.');
    b.file('notes.txt');
    for (const d of ['2023-08-08', '2023-11-07']) b.visit(d, SURGEON).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Work status: Not at MMI.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
    return analyzeCase(b.input({ type: 'workers_comp', onset: '2022-11-01' })).mmi;
  };
  it('an MMI on a form stays when the notes\' unchanging line follows it', () => {
    const mmi = withMmi('form');
    expect([mmi.status, mmi.date]).toEqual(['explicit', '2023-05-09']);
  });
  it('notes whose own status turned to MMI and back answer the question at each visit', () => {
    expect(withMmi('notes').status).toBe('not_reached');
  });
});

describe('an imaging report describes what an operation left; it is not the operation', () => {
  it('"Solid C6-7 arthrodesis" on a film of 01/16/2024 is no fusion performed that day', () => {
    const doc = textDoc('RADIOLOGY REPORT\nEXAM: XR cervical spine AP/lateral/flexion/extension\nDATE OF EXAM: 01/16/2024\nFINDINGS: Solid C6-7 arthrodesis. Hardware intact.\nIMPRESSION: Solid fusion at C6-7.\n', 'xr.txt');
    const encounters = splitEncounters(doc);
    expect(encounters.map((e) => e.kind)).toContain('imaging');
    const surgery = extractFacts(doc, encounters).filter((f) => f.type === 'treatment' && f.attributes.modality === 'surgery');
    expect(surgery.every((f) => f.temporality === 'historical')).toBe(true);
  });
});

describe('plan and payer lines', () => {
  it('"treated palliatively" is maintenance care', () => {
    expect(of('This flare is an expected part of her permanent condition and is treated palliatively.', 'plan_signal').map((f) => f.attributes.signal)).toContain('maintenance_care');
  });
  it.each([
    ['Payer: BCBS PPO (commercial) - 30 visits/yr combined PT/OT/chiro', 0],
    ['Insurance: Acme Health - PT visit limit 20', 0],
    ['Future care: supportive chiropractic 12 visits/year is reasonable.', 1],
    ['03/04/2024 09:12 FAX BLUFF SPRING PT 6155550131 -> 9315550143 Hollis Pryor 002/009', 0],
    ['02/02/2024 14:53  FROM: CFJRI MED REC 863-555-0146   TO: 8635550122 IBARRA LOCKE     P. 11 / 12', 0],
    ['Continue PT 2x/week.', 1],
  ])('%s', (text, n) => expect(bareFacts(text).filter((f) => f.type === 'treatment')).toHaveLength(n));
});

describe('MMI statements: an earlier assessment taken back, and an MMI relayed from another clinic', () => {
  it.each([
    'He has declined since my 06/20/2023 visit; my assessment at that time that he was stable at baseline no longer applies.',
    'The 06/20/2023 assessment that he was stable, at baseline, and at maximum medical improvement no longer holds.',
  ])('not at MMI: %s', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated).map((f) => f.attributes.kind)).toContain('not_at_mmi');
  });
  it('"has reached MMI per pain management" in a primary-care note relays the pain clinic; it is no finding of its own', () => {
    const facts = of('LTD form completed: Pt has reached maximum medical improvement per pain management and her restrictions are permanent.', 'mmi_statement');
    expect(facts.filter((f) => f.attributes.kind === 'mmi' && f.temporality === 'current' && f.certainty === 'affirmed')).toEqual([]);
  });
});

describe('a witness\'s deposition and a supplier\'s equipment records', () => {
  it.each([
    ['                 DEPOSITION OF JANE ROE DOE - EXCERPTS\n                 Taken August 20, 2024\n\n8   A.  The surgery in July \'23, about two weeks.\n', 'roe_depo.txt', 'administrative'],
    ['              VIDEOTAPED DEPOSITION OF PRIYA ROE, M.D.\n\nQ. Is she at maximum medical improvement?\nA. Yes.\n', 'deposition_roe_md.txt', 'clinical'],
  ])('%#: %s', (text, file, role) => expect(classifyDocument(textDoc(text, file)).role).toBe(role));
  it.each([
    ['09_Stonefly_Orthotics_Brace_and_DME_Records_2023-2024.txt', 'clinical'],
    ['09_DME_Roe_Defense_Medical_Exam_2024-06-18.txt', 'examining'],
  ])('%s', (file, role) => expect(classifyDocument(textDoc('Custom ankle brace fitted; straps replaced.\n', file)).role).toBe(role));
  it('"replace when worn" changes no drug', () => {
    const meds = of('Continue current management: custom brace (replace when worn), cane, meloxicam, HEP.', 'treatment').filter((f) => f.attributes.modality === 'medication');
    expect(meds.map((f) => f.attributes.doseChange)).not.toContain('switched');
  });
});
