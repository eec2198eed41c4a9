import { describe, expect, it } from 'vitest';
import type { FactOf } from '../src/model/index.js';
import { textDoc } from './helpers/extract-doc.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { harmonizeEncounters } from '../src/segment/harmonize.js';
import { extractFacts } from '../src/extract/index.js';
import { markCopiedForward, markRefills } from '../src/extract/copy-forward.js';
import { markDoseSteps } from '../src/extract/regimen-steps.js';
import { analyzeCase } from '../src/analyze/index.js';
import { expectValidCitations } from './helpers/citations.js';
import { of } from './helpers/facts-of.js';
import { CaseBuilder, DR_PATEL } from './helpers/facts.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): a form
 * dated by its signature, a prescriber's terse titration steps, choices put to the claimant, a pulmonologist's notes,
 * and an MMI form that the psychiatric trials after it did not bear out.
 */

describe('a source statement is dated by its signature, not by "treating since"', () => {
  it.each([
    ['/s/ Renata Doe, PMHNP-BC       06/11/2024', '2024-06-11'],
    ['Frequency of visits: every 3 months (9 visits)        Date completed: 06/12/2024', '2024-06-12'],
  ])('%s', (line, date) => {
    const text = `MENTAL MEDICAL SOURCE STATEMENT\nPatient: Wendell Doe        DOB: 11/04/1968\nSource: Renata Doe, PMHNP-BC\nRelationship: treating prescriber since 01/09/2023; seen every 4-8 weeks.\n${line}\nUnderstand and remember detailed instructions   [Marked]\n`;
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual([date]);
  });
});

describe('a prescriber\'s titration steps', () => {
  const log = (second: string) => textDoc([
    'FLINT EXAMPLE BEHAVIORAL HEALTH - MED MANAGEMENT (Renata Doe, PMHNP-BC)', '',
    '10/02/2023   MED MANAGEMENT', 'Plan: Stop aripiprazole. Start bupropion XL 150 mg daily. RTC 5 weeks.', '',
    '11/06/2023   MED MANAGEMENT', `Bupropion XL 150 x 5 weeks - a bit more energy.`, `Plan: ${second} RTC 5 weeks.`, '',
  ].join('\n'));
  const bupropion = (second: string) => {
    const doc = log(second);
    const encounters = splitEncounters(doc);
    const facts = extractFacts(doc, encounters);
    markRefills(facts, encounters);
    markDoseSteps(facts, encounters);
    expectValidCitations(facts, [doc]);
    return facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.drug === 'bupropion' && !!f.attributes.dose && f.date! > '2023-10-02');
  };
  it.each([
    ['Bupropion XL 300 mg from 11/13.', 'increased'],
    ['Bupropion XL 100 mg.', 'decreased'],
    ['Bupropion XL 150 mg.', undefined],
    ['Bupropion XL 300 mg daily x 5 days then resume 150 mg.', undefined],
  ])('"%s" after 150 mg → %s', (second, change) => {
    expect(bupropion(second).map((f) => f.attributes.doseChange)).toEqual([change]);
  });
});

describe('choices put to the claimant', () => {
  it('"Options discussed: bupropion XL 450 mg, lithium augmentation, or TMS" changes no drug', () => {
    const drugs = of('Options discussed: bupropion XL 450 mg (seizure-threshold caution), lithium augmentation, or TMS referral.', 'treatment')
      .filter((f) => f.attributes.modality === 'medication');
    expect(drugs.map((f) => [f.attributes.drug, f.attributes.status, f.attributes.doseChange])).toEqual([['bupropion', 'recommended', undefined], ['lithium', 'recommended', undefined]]);
  });
  it('"reassess in 6 weeks for full effect" waits on the trial', () => {
    expect(of('Plan: Continue current doses; reassess in 6 weeks for full effect. RTC 6 weeks.', 'plan_signal').map((f) => f.attributes.signal)).toContain('response_pending');
  });
});

describe('a pulmonologist\'s own notes', () => {
  it('one that mentions psychiatry or an ED visit is still the pulmonologist\'s', () => {
    const text = [
      'THUMB EXAMPLE PULMONARY & SLEEP, PLLC', 'Faisal Doe, MD, FCCP - Pulmonary, Critical Care & Sleep Medicine', '',
      '09/14/2022   NEW PATIENT CONSULTATION   Faisal Doe, MD', 'Severe COPD. Pulmonary clinic plan: Trelegy. Pulmonology follow-up 3 months.', '',
      '01/11/2023   FOLLOW-UP   Faisal Doe, MD', 'Mood: on new medication from psychiatry. COPD stable. No change.', '',
      '03/15/2023   FOLLOW-UP   Faisal Doe, MD', 'Pulmonary rehab progressing. Pulmonology clinic follow-up.', '',
      '05/24/2023   FOLLOW-UP   Faisal Doe, MD', 'Completed rehab. Nocturnal oxygen. No change in regimen.', '',
    ].join('\n');
    const encounters = splitEncounters(textDoc(text));
    harmonizeEncounters(encounters, 'clinical');
    expect(new Set(encounters.filter((e) => e.date).map((e) => e.specialty))).toEqual(new Set(['pulmonology']));
  });
});

describe('an MMI form that the trials after it did not bear out', () => {
  const PSYCH = { name: 'Renata Doe', credential: 'PMHNP-BC', specialty: 'psychiatry' as const };
  const course = (type: 'ssdi' | 'workers_comp') => {
    const b = new CaseBuilder()
      .visit('2023-06-05', PSYCH).fact('treatment', { modality: 'medication', drug: 'venlafaxine', drugClass: 'SNRI antidepressant', status: 'ongoing', doseChange: 'increased' }, 'Venlafaxine XR 225 mg.')
      .visit('2023-09-18', DR_PATEL).fact('mmi_statement', { kind: 'mmi' }, 'Has the patient reached maximum medical improvement? [X] Yes')
      .visit('2023-10-02', PSYCH).fact('treatment', { modality: 'medication', drug: 'aripiprazole', drugClass: 'antipsychotic', status: 'discontinued', doseChange: 'stopped' }, 'Stop aripiprazole.')
      .fact('treatment', { modality: 'medication', drug: 'bupropion', drugClass: 'antidepressant', status: 'ongoing', doseChange: 'started' }, 'Start bupropion XL 150 mg daily.')
      .visit('2023-11-06', PSYCH).fact('treatment', { modality: 'medication', drug: 'bupropion', drugClass: 'antidepressant', status: 'ongoing', doseChange: 'increased' }, 'Bupropion XL 300 mg from 11/13.');
    for (const d of ['2024-02-20', '2024-04-16', '2024-06-11']) {
      b.visit(d, PSYCH).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen as maintenance. RTC 8 weeks.');
    }
    const a = analyzeCase(b.input({ type, onset: '2022-08-19' }));
    expectValidCitations(a, b.documents());
    return a.mmi;
  };
  it('SSDI: the trials withdraw the form\'s MMI in deed; the plateau after them is the implied MMI', () => {
    const mmi = course('ssdi');
    expect(mmi).toMatchObject({ status: 'implied', date: '2024-02-20', priorMmi: { date: '2023-09-18' } });
    expect(mmi.reasons.map((r) => r.text).join(' ')).toMatch(/Treatment was still being changed after the MMI date/);
  });
  it('workers\' comp: a drug changed after MMI is care an MMI allows; the MMI stands', () => {
    expect(course('workers_comp')).toMatchObject({ status: 'explicit', date: '2023-09-18' });
  });
});

describe('a prescriber\'s log and its copied lines', () => {
  const log = [
    'LAKESHORE EXAMPLE BEHAVIORAL HEALTH', '',
    'MED MANAGEMENT (99214)   11/16/2023   T. Doe, APNP', 'HPI: Cenobamate titration ongoing: currently at 150 mg daily, increasing to 200 mg daily in 2 weeks.', 'RTC 8 weeks.', '',
    'MED MANAGEMENT (99213)   01/16/2024   T. Doe, APNP', 'No further medication changes are planned. RTC 6 months.', '',
    'MED MANAGEMENT (99213)   07/16/2024   T. Doe, APNP', 'HPI: Cenobamate titration ongoing: currently at 150 mg daily, increasing to 200 mg daily in 2 weeks.', 'No changes. RTC 6 months.', '',
  ].join('\n');
  it('an APNP\'s titled, dated lines are visits', () => {
    expect(splitEncounters(textDoc(log)).map((e) => [e.date, e.provider.name])).toEqual([['2023-11-16', 'T. Doe'], ['2024-01-16', 'T. Doe'], ['2024-07-16', 'T. Doe']]);
  });
  it('a trial "still ongoing" repeated word for word months later is the earlier note\'s', () => {
    const doc = textDoc(log);
    const encounters = splitEncounters(doc);
    const facts = extractFacts(doc, encounters);
    markCopiedForward(facts, encounters);
    const pending = facts.filter((f) => f.type === 'plan_signal' && f.attributes.signal === 'response_pending');
    expect(pending.map((f) => [f.date, f.temporality])).toEqual([['2023-11-16', 'current'], ['2024-07-16', 'historical']]);
  });
});
