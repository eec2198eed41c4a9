import { describe, expect, it } from 'vitest';
import type { Fact, FactOf } from '../src/model/index.js';
import { assessContext } from '../src/context/engine.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { harmonizeEncounters } from '../src/segment/harmonize.js';
import { analyzeCase } from '../src/analyze/index.js';
import { processDocument } from '../src/pipeline.js';
import { CaseBuilder, DR_LEE } from './helpers/facts.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): a step
 * only contemplated, a procedure looked back on, visit titles signed by their clinician, examiners' opinions the
 * treating doctor reports or disputes, disease-modifying drugs, and a response still being judged at the end.
 */
function of<T extends Fact['type']>(body: string, type: T): FactOf<T>[] {
  const { doc, facts } = factsOf(body);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<T> => f.type === type);
}
const contextOf = (sentence: string, target: string) => {
  const i = sentence.indexOf(target);
  return assessContext(sentence, i, i + target.length, { section: 'plan' });
};

describe('a step contemplated, not taken', () => {
  it.each([
    ['Increase gabapentin to 600 mg TID; if no better in 3-4 wks, Dr. Kimbrough may switch to pregabalin.', 'pregabalin'],
    ['If the burning persists we could try duloxetine.', 'duloxetine'],
    ['Mr. Doe may add a TENS unit at home.', 'TENS'],
    ['Had the block been positive, we would have proceeded to a confirmatory block and then RFA.', 'RFA'],
  ])('%s', (sentence, target) => {
    const c = contextOf(sentence, target);
    expect(c.temporality).toBe('hypothetical');
    expect(c.negated).toBe(false);
  });
  it('an examiner\'s opinion on the past is not a counterfactual', () => {
    expect(contextOf('In my opinion she would have reached maximum medical improvement by 06/22/2023.', 'maximum medical improvement').temporality).toBe('current');
  });
  it('a title\'s full stop does not end the sentence, a sentence\'s does', () => {
    expect(contextOf('If pain persists, Dr. Ng may consider PT.', 'PT').temporality).toBe('hypothetical');
    expect(contextOf('If pain persists, call. PT twice weekly.', 'PT').temporality).toBe('current');
  });
  it.each([
    ['No better with PT; start duloxetine.', 'PT'],
    ['Not better after gabapentin.', 'gabapentin'],
  ])('an outcome negated is not the treatment negated: %s', (sentence, target) => {
    expect(contextOf(sentence, target).negated).toBe(false);
  });
});

describe('a treatment looked back on', () => {
  it.each([
    ['Saw Dr. Colquitt 03/12 - "he said the surgery did what it could and I don\'t need to come back."', 'surgery'],
    ['The injection did not help.', 'injection'],
    ['Her surgery went well.', 'surgery'],
  ])('%s', (sentence, target) => {
    expect(contextOf(sentence, target).temporality).toBe('historical');
  });
  it('a treatment that helps now stays current', () => {
    expect(contextOf('Gabapentin helps at night.', 'Gabapentin').temporality).toBe('current');
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
});

describe('an examiner\'s MMI the treating doctor reports or disputes', () => {
  it.each([
    'HPI: Reviewed respondents\' IME (Dr. Vickery, 12/12/2023) which places her at MMI 12/12/2023 and recommends full duty.',
    'Comment: Disagree w/ IME 12/12/23 re MMI - see office note.',
  ])('%s', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => !f.negated && f.temporality === 'current' && f.attributes.kind === 'mmi')).toEqual([]);
  });
  it('the treating doctor\'s own MMI is still one', () => {
    expect(of('OPINION: Ms. Holloway reached maximum medical improvement on 02/20/2024.', 'mmi_statement').map((f) => f.attributes.kind)).toContain('mmi');
  });
});

describe('disease-modifying drugs', () => {
  it.each([
    ['Switch mechanism: tocilizumab (IL-6R inhibitor) 162 mg SC weekly. Stop adalimumab now.', 'tocilizumab', 'biologic DMARD'],
    ['Methotrexate 15 mg PO weekly + folic acid 1 mg daily.', 'methotrexate', 'conventional DMARD'],
    ['If inadequate response, options: upadacitinib.', 'upadacitinib', 'JAK inhibitor'],
    ['Continue mycophenolate 1000 mg BID.', 'mycophenolate', 'immunosuppressant'],
  ])('%s', (text, drug, drugClass) => {
    expect(of(text, 'treatment').find((f) => f.attributes.drug === drug)?.attributes.drugClass).toBe(drugClass);
  });
  it.each([
    ['- Plan rituximab 1000 mg IV x 2 doses 2 weeks apart.', 'started'],
    ['Plan continue methotrexate 15 mg weekly.', 'continued'],
  ])('%s', (text, change) => {
    const drug = of(text, 'treatment').find((f) => f.attributes.modality === 'medication');
    expect(drug?.attributes.doseChange).toBe(change);
  });
});

describe('judging the pattern of care', () => {
  const RHEUM = { name: 'Theresa Roe', credential: 'MD', specialty: 'rheumatology' as const };
  it('a response still being judged at the treating physician\'s last visit: not reached', () => {
    const b = new CaseBuilder();
    for (const d of ['2024-03-12', '2024-06-11', '2024-08-13']) b.visit(d, RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2024-10-22', RHEUM).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'tocilizumab', drugClass: 'biologic DMARD', doseChange: 'switched' }, 'Switch to tocilizumab 162 mg SC weekly.');
    b.visit('2025-02-18', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    b.visit('2025-03-18', RHEUM).fact('plan_signal', { signal: 'response_pending' }, 'Too early to judge; full response typically assessed at 12-24 weeks.');
    const a = analyzeCase(b.input({ type: 'ssi' }));
    expect(a.mmi.status).toBe('not_reached');
    expect(a.mmi.reasons.map((r) => r.text).join(' ')).toMatch(/not yet known/);
  });

  it('a visit that looks back on documented procedures does not restart active care', () => {
    const PAIN = { name: 'Marcus Oye', credential: 'MD', specialty: 'pain_management' as const };
    const b = new CaseBuilder();
    b.visit('2023-12-05', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Radiofrequency ablation of LEFT genicular nerves.');
    b.visit('2024-02-13', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Radiofrequency ablation RIGHT genicular nerves.');
    b.visit('2024-03-19', PAIN).fact('plan_signal', { signal: 'maintenance_care' }, 'No further interventions planned. Maintenance.');
    b.visit('2024-06-11', { name: 'Priya Nand', credential: 'MD', specialty: 'orthopedic_surgery' })
      .fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Has had bilateral genicular RFA (L 12/2023, R 02/2024) with Dr. Oye.')
      .fact('treatment', { modality: 'surgery', status: 'performed' }, 'XR bilateral knees today: L TKA stable, no lucency.')
      .fact('plan_signal', { signal: 'follow_up_prn' }, 'Follow up as needed.');
    b.visit('2024-09-17', PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current regimen.');
    b.visit('2024-12-17', PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current regimen.');
    const a = analyzeCase(b.input({ type: 'ssdi' }));
    expect(a.mmi.status).toBe('implied');
    expect(a.mmi.date).toBe('2024-03-19');
  });

  it('an RFA mentioned with no record of it before is still care given', () => {
    const PAIN = { name: 'Marcus Oye', credential: 'MD', specialty: 'pain_management' as const };
    const b = new CaseBuilder();
    for (const d of ['2024-01-09', '2024-04-09']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2024-07-09', PAIN).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Has had repeat RFA at an outside center since last visit.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    for (const d of ['2024-10-08', '2025-01-07']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    const a = analyzeCase(b.input({ type: 'ssdi' }));
    expect(a.mmi.date! > '2024-07-09').toBe(true);
  });
});

describe('MMI named as a point in time, not stated', () => {
  it.each([
    'BCTQ SSS 3.4 (was 1.5 at MMI).',
    'Grip R 33 / L 67 lb (was 52 at MMI).',
    'Seen last 09/19/2023 for C-4.3 (MMI, 10% SLU R hand) - doing well then, full duty.',
    '(5) MMI status will be reassessed after testing.',
    'Status: authorization denied pending IME; IME (Dr. Fishbein) 06/04/2024 opines claimant remains at MMI.',
  ])('%s', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => !f.negated && f.temporality === 'current' && f.attributes.kind === 'mmi')).toEqual([]);
  });
  it('a form line written without its colon: "MMI No."', () => {
    expect(of('- APF: modified duty 6 hr/day; lift 15 lb occasional; MMI No.', 'mmi_statement').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
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

describe('stating MMI without its name', () => {
  const SURGEON = { name: 'Thad Weath', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const build = (closing: string[], late?: string, permanent = true) => {
    const b = new CaseBuilder();
    b.visit('2023-10-02', { ...SURGEON, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Left hip hemiarthroplasty.');
    b.visit('2024-03-19', SURGEON).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'Trochanteric bursa injection today.');
    const v = b.visit('2024-09-24', SURGEON);
    for (const q of closing) v.fact('mmi_statement', { kind: 'plateau' }, q);
    if (permanent) v.fact('prognosis', { outlook: 'permanent', text: 'Permanent restrictions' }, 'Permanent restrictions: cane for community ambulation.');
    v.fact('plan_signal', { signal: 'maintenance_care' }, 'Return in 1 year, sooner as needed.');
    if (late) {
      for (const d of ['2025-03-25', '2025-09-23']) b.visit(d, SURGEON).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue home exercise.');
      b.visit('2026-09-22', SURGEON).fact('mmi_statement', { kind: 'plateau' }, late);
    }
    return analyzeCase(b.input({ type: 'personal_injury' })).mmi;
  };
  it('a plateau and no further improvement expected, in one visit, is a stated MMI', () => {
    const m = build(['At one year she has plateaued; I do not expect further improvement.']);
    expect([m.status, m.date]).toEqual(['explicit', '2024-09-24']);
  });
  it('without permanent limits or a date, "further meaningful improvement is unlikely" is a prognosis to infer from', () => {
    expect(build(['She has plateaued; I do not expect further improvement.'], undefined, false).status).toBe('implied');
  });
  it('"I do not expect further improvement in her condition with additional treatment" alone is one too', () => {
    expect(build(['I do not expect further improvement in her condition with additional treatment.']).status).toBe('explicit');
  });
  it.each([
    [['She has plateaued.']],
    [['I do not expect further improvement without surgery.']],
    [['I do not expect further improvement with more physical therapy.']],
  ])('a plateau alone, or an expectation about one treatment, is a reason to infer: %s', (closing) => {
    expect(build(closing).status).toBe('implied');
  });
  it('restated long after the maintenance phase began, it confirms the implied date', () => {
    const m = build(['She has plateaued.'], 'Residual deficits fixed; not expected to improve further.');
    expect([m.status, m.date]).toEqual(['implied', '2024-09-24']);
  });
});

describe('medication changes in the pattern of care', () => {
  const PAIN = { name: 'Nate Crowe', credential: 'DO', specialty: 'pain_management' as const };
  it('a course-changing drug raised is a trial: the phase opens after it', () => {
    const b = new CaseBuilder();
    b.visit('2023-02-07', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Bilateral lumbar RFA.');
    b.visit('2023-03-14', PAIN).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'gabapentin', drugClass: 'anticonvulsant', doseChange: 'increased' }, 'Increase gabapentin to 600 mg TID.')
      .fact('plan_signal', { signal: 'return_to_clinic' }, 'Return 2 months.');
    for (const d of ['2023-05-16', '2023-08-15', '2023-11-14']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable. No changes today.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2023-05-16');
  });
  it('a drug chosen at the visit that closes active care belongs to the maintenance regimen; another doctor\'s report of it changes nothing', () => {
    const b = new CaseBuilder();
    b.visit('2023-12-12', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Repeat cervical RFA.');
    b.visit('2024-04-16', PAIN).fact('treatment', { modality: 'radiofrequency_ablation', status: 'declined' }, 'She declines further procedures.')
      .fact('plan_signal', { signal: 'maintenance_care' }, 'PLAN (medication management only):')
      .fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'duloxetine', drugClass: 'SNRI antidepressant', doseChange: 'started' }, 'Duloxetine 30 mg x 1 week then 60 mg daily.');
    b.visit('2024-04-25', DR_LEE).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'duloxetine', drugClass: 'SNRI antidepressant', doseChange: 'started' }, 'Dr. Crowe started duloxetine; letter requests sertraline taper.');
    for (const d of ['2024-07-16', '2024-10-15', '2025-01-14']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2024-04-16');
  });
});

describe('the course of care, read at the visit level', () => {
  const PAIN = { name: 'Nadia Ferr', credential: 'MD', specialty: 'pain_management' as const };
  it('an operative report\'s title over its patient line with the date opens the report', () => {
    const text = 'NEUROSURGERY FOLLOW-UP   10/04/2022   Gordon Hav, MD\nPlan: permanent implantation. Scheduled 11/01/2022.\n\n----------\nRICHLAND VALLEY MEDICAL CENTER -- OPERATIVE REPORT (excerpt)\nPATIENT: DOE, JOHN T   MRN RV0044517    DATE: 11/01/2022\nPROCEDURE: Placement of spinal cord stimulator leads.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-10-04', '2022-11-01']);
  });
  it.each([
    ['Device: reprogrammed -- positional program P3 (lower amplitude, for lying/sleep) added.', true],
    ['Device: interrogated and reprogrammed with the rep: impedances normal.', true],
    ['Device: interrogation only; impedances normal; no program changes.', false],
  ])('a stimulator reprogrammed is active care, read only is not: %s', (sentence, active) => {
    const b = new CaseBuilder();
    b.visit('2022-11-01', { ...PAIN, kind: 'operative_report' }).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'performed' }, 'Permanent spinal cord stimulator implant.');
    b.visit('2022-12-13', PAIN).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'performed' }, sentence)
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    for (const d of ['2023-01-24', '2023-04-18', '2023-07-18']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current program and medications.');
    const date = analyzeCase(b.input({ type: 'ssdi' })).mmi.date;
    expect(date).toBe(active ? '2023-01-24' : '2022-12-13');
  });
  it('"if stable at next visit, will transition to maintenance": the phase starts after that visit', () => {
    const b = new CaseBuilder();
    b.visit('2022-11-01', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Lumbar RFA.');
    b.visit('2023-01-24', PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2023-03-07', PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.')
      .fact('plan_signal', { signal: 'maintenance_care' }, 'If stable at next visit, will transition to maintenance follow-up every 3 months.', { temporality: 'hypothetical' });
    for (const d of ['2023-04-18', '2023-07-18', '2023-10-17']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'No changes.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2023-04-18');
  });
  it('a new preventive is judged by its prescriber: another discipline\'s visit in between does not open the phase', () => {
    const NEURO = { name: 'Ingrid Sol', credential: 'MD', specialty: 'neurology' as const };
    const RHEUM = { name: 'Wendell Amb', credential: 'MD', specialty: 'rheumatology' as const };
    const b = new CaseBuilder();
    b.visit('2024-01-16', NEURO).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'galcanezumab', drugClass: 'migraine preventive (CGRP antibody)', doseChange: 'started' }, 'Start galcanezumab 240 mg loading dose.');
    b.visit('2024-03-12', RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'Fibromyalgia stable. Continue current regimen.');
    for (const d of ['2024-04-16', '2024-07-16', '2024-09-17']) b.visit(d, NEURO).fact('plan_signal', { signal: 'continue_current_management' }, 'No changes. Continue galcanezumab.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2024-04-16');
  });
  it('a booked operation cancelled after it was booked holds nothing open', () => {
    const b = new CaseBuilder();
    b.visit('2023-11-07', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'trigger_point_injection', status: 'performed' }, 'TPI x 4 sites.');
    b.visit('2024-03-05', DR_LEE).fact('treatment', { modality: 'surgery', status: 'planned' }, 'Tentative surgery date 05/14/2024 for right carpal tunnel release.', { date: '2024-05-14' })
      .fact('treatment', { modality: 'surgery', status: 'declined' }, 'She telephoned on 04/29/2024 and cancelled; she does not wish to have another operation.');
    for (const d of ['2024-04-22', '2024-07-09', '2024-10-08']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current medications.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2024-04-22');
  });
  it('many visits where nothing was ever tried, not even a medication change: insufficient, not a plateau', () => {
    const b = new CaseBuilder();
    for (const d of ['2022-08-11', '2022-09-15', '2023-03-09', '2023-07-13', '2023-11-16', '2024-02-15', '2024-07-18']) {
      b.visit(d, DR_LEE).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'PT would help - not available free in our area.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue naproxen, albuterol PRN.');
    }
    expect(analyzeCase(b.input({ type: 'ssi' })).mmi.status).toBe('insufficient_evidence');
  });
  it('propranolol is a migraine preventive', () => {
    expect(of('Taper off topiramate over 2 weeks. Start propranolol LA 60 mg daily.', 'treatment').find((f) => f.attributes.drug === 'propranolol')?.attributes.drugClass).toBe('migraine preventive (beta blocker)');
  });
});

describe('a source statement form answered in its fields', () => {
  const limits = (body: string) => {
    const doc = textDoc(`PHYSICAL MEDICAL SOURCE STATEMENT\nPatient: Jane Roe   DOB 04/22/1974    Date: 08/20/2024\n${body}\n/s/ Wendell Doe, MD   08/20/2024\n`);
    const r = processDocument(doc);
    expectValidCitations(r.facts, [doc]);
    return r.facts.filter((f): f is FactOf<'limitation'> => f.type === 'limitation' && !f.negated)
      .map((f) => [f.attributes.activity, f.attributes.limit ?? null, f.attributes.frequency ?? null]);
  };
  it.each([
    ['6. Lift/carry: occasionally 10 lb; frequently less than 10 lb; never 20 lb.', [['lift', 10, 'occasional'], ['carry', 10, 'occasional']]],
    ['5. Sit:   at one time 30 min;  total in 8-hr day [ ] <2 [ ] 2 [X] about 4 hrs [ ] 6+', [['sit', 30, null]]],
    ['7. Reach (including overhead) [X] frequent ( ) occasional', [['reach', null, 'frequent']]],
    ['8. Off task: [ ] 10% [ ] 15% [X] 20% or more (pain, fatigue, fog)', [['other', 20, null]]],
  ])('%s', (line, expected) => {
    expect(limits(line)).toEqual(expect.arrayContaining(expected));
  });
  it('a header row of frequency words is still not a limit', () => {
    expect(limits('Never   Occasionally   Frequently   Constantly')).toEqual([]);
  });
});

describe('a log of dated paragraphs', () => {
  it('each paragraph that opens with its date is a visit, once there are three', () => {
    const text = 'CASCADE CLINIC - FOLLOW-UP LETTERS (excerpts)\n\n09/20/2022  Cyclobenzaprine helps her sleep. Continue.\n\n06/06/2023  FIQR 61. Start pregabalin 50 mg qhs.\n\n09/19/2023  Pregabalin: dizziness. Taper off over 1 week.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-09-20', '2023-06-06', '2023-09-19']);
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

describe('an operation waiting on a prerequisite the claimant is working toward', () => {
  const ORTHO = { name: 'Nate Okafor', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const build = (pursuing: boolean) => {
    const b = new CaseBuilder();
    b.visit('2023-04-11', { ...ORTHO, kind: 'procedure_note' }).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'Right knee steroid injection.');
    for (const d of ['2023-07-11', '2023-10-10']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Knee OA - stable, continue current management.');
    const v = b.visit('2024-01-23', ORTHO).fact('treatment', { modality: 'surgery', status: 'recommended' }, 'Remains an appropriate candidate for R TKA once BMI < 40.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue home exercise and meloxicam.');
    if (pursuing) v.fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'semaglutide', drugClass: 'antidiabetic', otherCondition: true }, 'Weight program going well; semaglutide 2.4 mg weekly.');
    b.visit('2024-03-12', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Knee OA - stable, continue current management.');
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('a weight program visibly working toward the surgeon\'s threshold: not reached', () => {
    const m = build(true);
    expect(m.status).toBe('not_reached');
    expect(m.reasons[0].text).toMatch(/prerequisite/);
  });
  it('with nothing done toward it, the prerequisite is not given as the reason', () => {
    expect(build(false).reasons.some((r) => /prerequisite/.test(r.text))).toBe(false);
  });
});

describe('reading round 16: headers, signatures and scanner damage', () => {
  const dates = (text: string) => splitEncounters(textDoc(text)).map((e) => e.date);
  it('an addendum signed "L. Doe MD" (no comma) names its author', () => {
    const text = 'FOLLOW-UP   04/17/2023   L. Featherstone, MD\nPlan: MRI.\n----------\nADDENDUM  4/21/2023   L. Featherstone MD\nMRI: L5-S1 extrusion. The MMI designation is RESCINDED.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.provider.name)).toEqual(['L. Featherstone', 'L. Featherstone']);
  });
  it('a letterhead line "Jane Doe, MD (Family Medicine)" names the author of unsigned visits', () => {
    const text = 'WIREGRASS FAMILY MEDICINE  ::  702 S. Poplar St\nOdessa M. Whitlock, MD (Family Medicine)  ::  Provider ID on file\n====================\nOFFICE VISIT 09/17/2019\nAnnual exam.\n--------------------\nOFFICE VISIT 04/18/2022\nAcute stress reaction.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.provider.name)).toEqual(['Odessa M. Whitlock', 'Odessa M. Whitlock']);
  });
  it('a fax transmission line at the top of a file is not a visit', () => {
    const text = '08/01/2024 11:26  FAX 5205550175  SAGUARO PHYSICAL THERAPY  ->  SAGUARO INJURY LAW   P.1/4\nPT INITIAL EVALUATION   Date: 07/05/2022\nKnee ROM 0-95.\n';
    expect(dates(text)).not.toContain('2024-08-01');
  });
  it('a rule drawn in box characters sets off the next visit', () => {
    const text = 'RILLITO FAMILY HEALTH\n\nMay 9, 2023 — NEW PATIENT VISIT — Jonah Doe, DO\nS: knee.\n— J. Doe, DO (e-signed 05/09/2023 17:04)\n══════════════════════════════\nAugust 15, 2023 — FOLLOW-UP — Jonah Doe, DO\nS: Knee about the same.\n';
    expect(dates(text)).toEqual(['2023-05-09', '2023-08-15']);
  });
  it('"MED MGMT" is a visit title', () => {
    const text = 'SANDHILLS BEHAVIORAL HEALTH\n----------\n05/10/2022  PSYCHIATRIC DIAGNOSTIC EVALUATION (90792)\nPLAN: Sertraline 50 mg daily.\n----------\n06/21/2022  MED MGMT (99214)   PCL-5 55  PHQ-9 17\nPLAN: sertraline 100 mg.\n';
    expect(dates(text)).toEqual(['2022-05-10', '2022-06-21']);
  });
  it('"rnaximum medical improvernent": an OCR-damaged "not reached" is still a no', () => {
    expect(of('2. MMI: In my opinion Mr. Doe has not reached rnaximum medical improvernent with respect to the SI joint.', 'mmi_statement').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
  it.each([
    ['Raise gabapentin to 600 mg TID.', 'increased'],
    ['Meloxicam may raise BP; recheck in 2 weeks.', undefined],
  ])('a dose raised, not a side effect: %s', (text, change) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'medication')?.attributes.doseChange).toBe(change);
  });
  it('"not yet at maximal improvement" is a no', () => {
    expect(of('P: Not yet at maximal improvement of the nerve; sensory recovery can continue.', 'mmi_statement').map((f) => f.attributes.kind)).toContain('not_at_mmi');
  });
});

describe('judging the pattern of care, round 16', () => {
  const PAIN = { name: 'Jolene Verb', credential: 'MD', specialty: 'pain_management' as const };
  it('a single trigger-point injection in a settled maintenance phase does not restart it', () => {
    const b = new CaseBuilder();
    b.visit('2023-05-02', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Cervical ESI.');
    for (const d of ['2023-08-15', '2023-11-14', '2024-02-13', '2024-05-14']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2024-07-11', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'trigger_point_injection', status: 'performed' }, 'Trigger point injections x 3, right trapezius.');
    for (const d of ['2024-08-22', '2024-11-19']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Back to baseline. Continue current regimen.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2023-08-15');
  });
  it('a mental claim is read from its psychiatric care, antidepressant changes included', () => {
    const NP = { name: 'Delphine Marc', credential: 'PMHNP', specialty: 'psychiatry' as const };
    const b = new CaseBuilder();
    for (const [d, change] of [['2023-04-11', 'increased'], ['2023-07-18', 'started'], ['2023-10-03', 'stopped'], ['2024-01-23', 'increased']] as const) {
      b.visit(d, NP).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'venlafaxine', drugClass: 'SNRI antidepressant', doseChange: change }, `Venlafaxine XR dose ${change}.`)
        .fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'aripiprazole', drugClass: 'antipsychotic', doseChange: change }, `Aripiprazole ${change}.`);
    }
    for (const d of ['2024-04-16', '2024-07-16', '2024-10-15']) b.visit(d, NP).fact('plan_signal', { signal: 'continue_current_management' }, 'No medication changes. Continue current regimen.');
    b.visit('2024-03-12', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Knee - continue meloxicam.');
    const m = analyzeCase(b.input({ type: 'ssdi' })).mmi;
    expect([m.status, m.date]).toEqual(['implied', '2024-04-16']);
  });
});

describe('an MMI for one part of a claim with another part still treated', () => {
  const ORTHO = { name: 'Priya Ostr', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const PHYS = { name: 'Lars Halv', credential: 'MD', specialty: 'physiatry' as const };
  const build = (neckNot: boolean) => {
    const b = new CaseBuilder();
    b.visit('2024-05-14', ORTHO).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-05-14' }, 'Summary: shoulder at MMI 05/14/2024.');
    const v = b.visit('2024-06-04', PHYS).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue gabapentin.');
    if (neckNot) v.fact('mmi_statement', { kind: 'not_at_mmi' }, 'MMI: No. Cervical ESI to be scheduled.');
    return analyzeCase(b.input({ type: 'workers_comp', state: 'NY' })).mmi;
  };
  it('the shoulder at MMI, the neck "MMI: No" by its treating physician: the claim is not at MMI', () => {
    const m = build(true);
    expect(m.status).toBe('not_reached');
    expect(m.reasons[0].text).toMatch(/for the shoulder only/);
  });
  it('with no other part said not at MMI, the MMI stands', () => {
    expect(build(false).status).toBe('explicit');
  });
});

describe('reading round 17', () => {
  it('"FOLLOW-UP -- 13 Jun 2023 -- F. Doe, MD": double dashes around the date', () => {
    const text = 'SOUTH TEXAS RHEUMATOLOGY\n----------\nNEW PATIENT CONSULTATION -- 14 March 2023 -- F. Doe, MD\nSLE.\n----------\nFOLLOW-UP -- 13 Jun 2023 -- F. Doe, MD\nPartial response.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2023-03-14', '2023-06-13']);
  });
  it('"Dr. Q wants CellCept - waiting on patient assistance approval" is planned, not taken', () => {
    expect(of('Interval: pericarditis resolved; Dr. Qureshi wants CellCept - waiting on patient assistance approval.', 'treatment').map((f) => f.attributes.status)).toEqual(['planned']);
  });
  it('"full effect of MMF often takes 3-6 months" is a response still being judged', () => {
    expect(of('3. Reassess response in 3 months (full effect of MMF often takes 3-6 months).', 'plan_signal').map((f) => f.attributes.signal)).toContain('response_pending');
  });
  it('a drug started with a titration step ("x 14 days, then 1000 mg BID") is a trial, not a flare\'s short course', () => {
    const RHEUM = { name: 'Farida Qur', credential: 'MD', specialty: 'rheumatology' as const };
    const b = new CaseBuilder();
    for (const d of ['2023-06-13', '2023-09-19', '2024-01-23']) b.visit(d, RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue HCQ 400.');
    b.visit('2024-06-11', RHEUM).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'mycophenolate', drugClass: 'immunosuppressant', doseChange: 'started' }, 'Start mycophenolate mofetil 500 mg BID x 14 days, then 1000 mg BID.');
    b.visit('2024-09-10', RHEUM).fact('plan_signal', { signal: 'response_pending' }, 'Reassess response in 3 months (full effect of MMF often takes 3-6 months).');
    b.visit('2024-10-08', DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'SLE per rheum. Continue.');
    expect(analyzeCase(b.input({ type: 'ssi' })).mmi.status).toBe('not_reached');
  });
});
