import { describe, expect, it } from 'vitest';
import type { FactOf } from '../src/model/index.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseBuilder, DR_LEE } from './helpers/facts.js';
import { of } from './helpers/facts-of.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): disease-modifying drugs.
 */

describe('drugs that are not being taken', () => {
  it.each([
    'ALLERGIES: Sulfa, codeine, NSAIDs.',
    'Drug allergies: tramadol (rash).',
    'Oxycodone gives her hives.',
    'Risks discussed with the patient, including reactions to sedatives, narcotics and steroids such as methylprednisolone.',
  ])('%s → no medication fact', (text) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === 'medication')).toEqual([]);
  });
  it('a medication list after an allergy line is still the medication list', () => {
    const meds = of('ALLERGIES:, Latex.,HOME MEDICATIONS,1.  Lisinopril.,2.  Synthroid.,3.  Gabapentin 300 mg t.i.d.', 'treatment');
    expect(meds.map((f) => f.attributes.drug)).toEqual(['lisinopril', 'levothyroxine', 'gabapentin']);
    for (const f of meds) expect(f.evidence[0].quote).toMatch(new RegExp(f.attributes.drug === 'levothyroxine' ? 'Synthroid' : f.attributes.drug!, 'i'));
  });
  it('an allergy in one clause does not remove the drug taken in the next', () => {
    expect(of('Allergic to codeine but takes ibuprofen 600 mg daily.', 'treatment').map((f) => f.attributes.drug)).toEqual(['ibuprofen']);
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

describe('long-acting injectable antipsychotics, newer antidepressants and diabetes drugs, by generic or brand name', () => {
  it.each([
    ['Reloaded on Invega Sustenna 234 mg IM.', 'paliperidone', 'antipsychotic', false],
    ['Start clozapine 12.5 mg qhs, titrate per protocol.', 'clozapine', 'antipsychotic', false],
    ['Haldol decanoate 100 mg IM q4 weeks.', 'haloperidol', 'antipsychotic', false],
    ['Abilify Maintena 400 mg IM monthly.', 'aripiprazole', 'antipsychotic', false],
    ['Switched to vortioxetine 10 mg daily.', 'vortioxetine', 'antidepressant', false],
    ['Start semaglutide 0.25 mg weekly x 4 wks then 0.5 mg.', 'semaglutide', 'antidiabetic', true],
    ['Glargine 32 u qhs; lispro 8 u AC.', 'insulin', 'antidiabetic', true],
  ])('%s', (text, drug, drugClass, other) => {
    const f = of(text, 'treatment').find((x) => x.attributes.drug === drug);
    expect(f?.attributes.drugClass).toBe(drugClass);
    expect(!!f?.attributes.otherCondition).toBe(other);
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

describe('a change another doctor made on an earlier date, listed with the medications', () => {
  const PAIN = { name: 'Harlan Doe', credential: 'MD', specialty: 'pain_management' as const };
  it('"gabapentin 600 mg TID (increased by Dr. Carrow 08/22/2023)" at a later visit is no change then', () => {
    const b = new CaseBuilder();
    b.visit('2023-06-13', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'L4-5 laminectomy.');
    b.visit('2023-11-07', PAIN).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'gabapentin', drugClass: 'anticonvulsant', doseChange: 'increased' }, 'gabapentin 600 mg TID (increased by Dr. Carrow 08/22/2023)')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'No changes.');
    for (const d of ['2024-02-06', '2024-05-07', '2024-08-06']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'No changes.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2023-11-07');
  });
});

describe('a rheumatology course: dashed visit headers, an immunosuppressant awaited, titrated and judged', () => {
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

describe('migraine preventive supplements', () => {
  it.each([
    ['Add magnesium oxide 400 mg daily as adjunct preventive.', 'magnesium'],
    ['Start riboflavin 400 mg daily.', 'riboflavin'],
    ['CoQ10 100 mg TID added.', 'coenzyme q10'],
  ])('%s', (text, drug) => {
    const meds = factsOf(text).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.drug === drug);
    expect(meds.map((f) => f.attributes.drugClass)).toEqual(['migraine preventive (supplement)']);
  });
});

describe('a terse note\'s titration arrow', () => {
  it.each([
    ['=== 07/13/2021 === sertraline -> 100 mg. PCL-5 63.', 'sertraline', 'increased'],
    ['venlafaxine XR -> 225 mg. BP 132/84.', 'venlafaxine', 'increased'],
    ['gabapentin 600 -> 300 mg qhs for dizziness.', 'gabapentin', 'decreased'],
    ['duloxetine 30 → 60 mg daily.', 'duloxetine', 'increased'],
    // A combination's doses compare by their first component.
    ['BP now permits titration: sacubitril/valsartan 49/51 -> 97/103 mg BID.', 'sacubitril/valsartan', 'increased'],
    ['Entresto 97/103 -> 49/51 mg BID for hypotension.', 'sacubitril/valsartan', 'decreased'],
  ])('%s', (text, drug, change) => {
    expect(of(text, 'treatment').find((f) => f.attributes.drug === drug)?.attributes.doseChange).toBe(change);
  });
  it('an arrow to another drug is not a dose', () => {
    expect(of('Plan: sertraline -> venlafaxine over 2 weeks.', 'treatment').find((f) => f.attributes.drug === 'sertraline')?.attributes.doseChange).not.toBe('increased');
  });
});

describe('"no change to meloxicam" continues the drug; "change to naproxen" switches', () => {
  it.each([
    ['Back pain stable - no change to meloxicam.', 'continued'],
    ['Change to naproxen 500 mg BID.', 'switched'],
    ['Plan: Change modafinil to armodafinil 250 mg every morning.', 'switched'],
    ['Change gabapentin 300 mg to pregabalin 75 mg BID.', 'switched'],
  ])('%s → %s', (text, change) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'medication')?.attributes.doseChange).toBe(change);
  });
});

describe('a change another clinic made, reported at this visit', () => {
  it.each([
    ['Pain clinic started duloxetine 30 -> 60 mg.', 0],
    ['Dr. Roe started duloxetine 30 mg.', 0],
    // Invalid: the author's own change.
    ['Start duloxetine 30 mg daily.', 1],
  ])('%s', async (text, n) => {
    const { CaseBuilder } = await import('./helpers/facts.js');
    const { buildContext } = await import('../src/analyze/case-context.js');
    const { profileFor } = await import('../src/profiles/index.js');
    const { treatmentChanges } = await import('../src/analyze/mmi.js');
    const input = new CaseBuilder().visit('2023-12-12', { name: 'Jay Doe', credential: 'MD', specialty: 'primary_care' })
      .fact('treatment', { modality: 'medication', drug: 'duloxetine', drugClass: 'SNRI antidepressant', status: 'ongoing', doseChange: 'started' }, text).input({ type: 'ssdi' });
    const ctx = buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts);
    expect(treatmentChanges(ctx)).toHaveLength(n);
  });
});

describe('a drug offered and turned down at the same visit is no change of regimen', () => {
  it('"discussed gabapentin … patient declines gabapentin": no trial to wait on', async () => {
    const { CaseBuilder } = await import('./helpers/facts.js');
    const { buildContext } = await import('../src/analyze/case-context.js');
    const { profileFor } = await import('../src/profiles/index.js');
    const { treatmentChanges } = await import('../src/analyze/mmi.js');
    const PSY = { name: 'Dr. Nerve', credential: 'MD', specialty: 'pain_management' as const };
    const b = new CaseBuilder();
    b.visit('2024-05-14', PSY)
      .fact('treatment', { modality: 'medication', drug: 'gabapentin', drugClass: 'anticonvulsant', status: 'recommended', doseChange: 'started' }, 'Discussed a gabapentin trial.')
      .fact('plan_signal', { signal: 'new_treatment', target: 'gabapentin' }, 'Discussed a gabapentin trial.')
      .fact('treatment', { modality: 'medication', drug: 'gabapentin', drugClass: 'anticonvulsant', status: 'declined' }, 'Patient declines gabapentin.');
    b.visit('2024-08-13', PSY).fact('treatment', { modality: 'medication', drug: 'gabapentin', drugClass: 'anticonvulsant', status: 'ongoing', doseChange: 'started' }, 'Start gabapentin 300 mg.');
    const input = b.input({ type: 'ssdi' });
    const ctx = buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts);
    expect(treatmentChanges(ctx).map((f) => ctx.dateOf(f))).toEqual(['2024-08-13']);
  });
});

describe('the response to a drug awaited is no new drug', () => {
  it('"Will reassess response to midodrine titration in 3 months" is the drug being taken, on the visit\'s date', () => {
    const text = 'CARDIOLOGY FOLLOW-UP   05/16/2023\nPLAN: Increase midodrine to 10 mg TID. Will reassess response to midodrine titration in 3 months.\n';
    const drugs = factsOf(text).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.drug === 'midodrine');
    expect(drugs.map((f) => [f.attributes.status, f.date])).toEqual([['ongoing', '2023-05-16'], ['ongoing', '2023-05-16']]);
  });
});

describe('a list of what was tried is history', () => {
  it('"Treatments tried and response: …" on a source statement gives no drug taken on its date', () => {
    const text = 'HEADACHE MEDICAL SOURCE STATEMENT   04/02/2024\n10. Treatments tried and response: erenumab (no benefit), atogepant (stopped 03/2023).\n';
    const drugs = factsOf(text).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.modality === 'medication');
    expect(drugs.length).toBeGreaterThan(0);
    expect(drugs.every((f) => f.temporality === 'historical')).toBe(true);
  });
});
