import { describe, expect, it } from 'vitest';
import type { Fact, FactOf } from '../src/model/index.js';
import { analyzeCase } from '../src/analyze/index.js';
import { claimedConditions, withClaimedConditionCare } from '../src/analyze/claimed-conditions.js';
import { isForOtherCondition } from '../src/knowledge/relevance.js';
import { profileFor } from '../src/profiles/index.js';
import { markRefills } from '../src/extract/copy-forward.js';
import { processDocument } from '../src/pipeline.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { extractFacts } from '../src/extract/index.js';
import { CaseBuilder, DR_PATEL } from './helpers/facts.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';

/**
 * Conditions other than the spine that a claim can allege (synthetic text, no PHI): the drugs that treat migraine,
 * multiple sclerosis and COPD, when an inhaler is care for the claim, and how a new drug's trial is read.
 */
function treatments(body: string): FactOf<'treatment'>[] {
  const { doc, facts } = factsOf(body);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment');
}

describe('the drug table knows migraine, MS and COPD maintenance drugs', () => {
  it.each([
    ['Continue galcanezumab (Emgality) 120 mg SC monthly.', 'galcanezumab', 'migraine preventive (CGRP antibody)'],
    ['Aimovig 140 mg monthly.', 'erenumab', 'migraine preventive (CGRP antibody)'],
    ['Rizatriptan 10 mg prn, max 2/week.', 'rizatriptan', 'triptan'],
    ['Ocrevus infusion 600 mg q6 months.', 'ocrelizumab', 'MS disease-modifying therapy'],
    ['Dalfampridine 10 mg bid for walking.', 'dalfampridine', 'MS walking agent'],
    ['Trelegy Ellipta 1 puff daily.', 'fluticasone/umeclidinium/vilanterol', 'bronchodilator'],
    ['Spiriva Respimat 2 puffs daily.', 'tiotropium', 'bronchodilator'],
    ['2. Increase prazosin to 6 mg qhs for nightmares.', 'prazosin', 'PTSD nightmare agent (alpha blocker)'],
  ])('%s', (text, drug, drugClass) => {
    expect(treatments(text).map((f) => [f.attributes.drug, f.attributes.drugClass])).toContainEqual([drug, drugClass]);
  });
});

describe('a new drug begins when it is given, not when it is proposed', () => {
  it('"loading dose given in clinic today" starts the drug', () => {
    expect(treatments('GALCANEZUMAB 240 mg SC loading dose given in clinic today.').map((f) => f.attributes.doseChange)).toContain('started');
  });
  it('a prior authorization months earlier does not make the loading dose a refill', () => {
    const doc = textDoc('OFFICE VISIT 08/16/2023\nP: Prior authorization submitted for galcanezumab 240 mg load then 120 mg monthly.\n\nOFFICE VISIT 11/15/2023\nP: Galcanezumab 240 mg loading dose given in clinic today.\n');
    const encounters = splitEncounters(doc);
    const facts = extractFacts(doc, encounters);
    markRefills(facts, encounters);
    const given = facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.drug === 'galcanezumab' && /loading dose/.test(f.evidence[0].quote));
    expect(given.map((f) => f.attributes.doseChange)).toEqual(['started']);
  });
  it('a drug taken since an earlier visit and prescribed again is continued', () => {
    const doc = textDoc('OFFICE VISIT 08/16/2023\nInterval: on galcanezumab 120 mg monthly since May, tolerating well.\n\nOFFICE VISIT 11/15/2023\nP: Start galcanezumab 120 mg monthly, 3 refills.\n');
    const encounters = splitEncounters(doc);
    const facts = extractFacts(doc, encounters);
    markRefills(facts, encounters);
    const later = facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.drug === 'galcanezumab' && f.date === '2023-11-15');
    expect(later.map((f) => f.attributes.doseChange)).toEqual(['continued']);
  });
  it('a state agency\'s summary of the treating records, dated by its initial review, does not make the prescriber\'s start a refill', () => {
    const dde = textDoc('DISABILITY DETERMINATION EXPLANATION\nDate: 03/08/2023\nNEW EVIDENCE\n  Example CHC 08/29/2023 - pain 8/10; duloxetine 30 mg started; home sleep test ordered.\n', '1A_DDE.txt');
    const chc = textDoc('ENCOUNTER DATE: 08/29/2023     Visit type: Follow-up     Provider: Dana Sample, PA-C\nP:\n - Stop cyclobenzaprine. Start duloxetine 30 mg po daily #30 RF1 (for FM and mood).\n', '5F_CHC.txt');
    const read = [dde, chc].map((d) => processDocument(d));
    const encounters = read.flatMap((r) => r.encounters);
    const facts = read.flatMap((r) => r.facts);
    markRefills(facts, encounters);
    const start = facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.drug === 'duloxetine' && /^Start/.test(f.evidence[0].quote));
    expect(start.map((f) => f.attributes.doseChange)).toEqual(['started']);
  });
});

describe('a treatment whose effect is still being judged', () => {
  it.each([
    'Too early to judge the full effect.',
    'Full effect may take 3-6 months.',
    'Titration still in progress; RTC 6 weeks.',
    'Will reassess the response to the new regimen in 3 months.',
  ])('%s', (text) => {
    const { facts } = factsOf(text);
    expect(facts.filter((f) => f.type === 'plan_signal').map((f) => (f as FactOf<'plan_signal'>).attributes.signal)).toContain('response_pending');
  });
  it.each([
    'Response to the ESI was good, 70% relief.',
    'Early morning stiffness 30 minutes.',
    'Trial of SCS declined.',
  ])('not: %s', (text) => {
    const { facts } = factsOf(text);
    expect(facts.filter((f) => f.type === 'plan_signal').map((f) => (f as FactOf<'plan_signal'>).attributes.signal)).not.toContain('response_pending');
  });
  it('keeps its visit out of the maintenance phase, so the implied date is the first settled visit', () => {
    const b = new CaseBuilder();
    b.visit('2023-06-01', DR_PATEL).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'galcanezumab', doseChange: 'started' }, 'Galcanezumab loading dose given today.');
    b.visit('2023-09-01', DR_PATEL).fact('plan_signal', { signal: 'response_pending' }, 'Too early to judge the full effect.')
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    for (const d of ['2023-12-01', '2024-03-01', '2024-06-01']) b.visit(d, DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    const a = analyzeCase(b.input({ type: 'ssdi' }));
    expectValidCitations(a, b.documents());
    expect([a.mmi.status, a.mmi.date]).toEqual(['implied', '2023-12-01']);
  });
});

describe('when an inhaler is care for the claim', () => {
  const copdCase = (dates: string[]) => {
    const b = new CaseBuilder();
    for (const d of dates) b.visit(d, DR_PATEL).fact('diagnosis', { name: 'chronic obstructive pulmonary disease' }, 'COPD, moderate.');
    b.visit('2023-05-01', DR_PATEL).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'tiotropium', drugClass: 'bronchodilator', otherCondition: true, doseChange: 'started' }, 'Start Spiriva 2 puffs daily.');
    return b.facts as Fact[];
  };
  const inhaler = (facts: Fact[]) => facts.find((f) => f.type === 'treatment' && f.attributes.drug === 'tiotropium')!;
  it('SSA weighs every impairment: COPD diagnosed on two dates makes its inhaler care for the claim', () => {
    const facts = copdCase(['2023-01-10', '2023-03-10']);
    expect(claimedConditions(profileFor('ssdi'), facts).map((c) => c.id)).toEqual(['respiratory']);
    expect(isForOtherCondition(inhaler(withClaimedConditionCare(profileFor('ssdi'), facts)))).toBe(false);
  });
  it.each([
    ['one diagnosis date is a mention, not an impairment', 'ssi', ['2023-01-10']],
    ['a workers\' comp claim is the injury, not the lungs', 'workers_comp', ['2023-01-10', '2023-03-10']],
    ['an injury claim is the injury, not the lungs', 'personal_injury', ['2023-01-10', '2023-03-10']],
  ] as const)('%s', (_why, claim, dates) => {
    const facts = copdCase([...dates]);
    expect(isForOtherCondition(inhaler(withClaimedConditionCare(profileFor(claim), facts)))).toBe(true);
  });
});
