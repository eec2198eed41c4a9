import { describe, expect, it } from 'vitest';
import type { Fact, FactOf } from '../src/model/index.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { extractFacts } from '../src/extract/index.js';
import { alignDerivedSignals, markRefills, markSupersededPlans } from '../src/extract/copy-forward.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';

/** Reading classes met on case files nobody here wrote (synthetic text, no PHI). */

const current = (facts: Fact[], type: Fact['type']) => facts.filter((f) => f.type === type && f.temporality === 'current' && !f.negated);

/** A multi-visit pain-clinic record, read and passed through the case-level marks. */
function record(visits: string[]) {
  const doc = textDoc(visits.join('\n\n'));
  const encounters = splitEncounters(doc);
  const facts = extractFacts(doc, encounters);
  markSupersededPlans(facts, encounters);
  markRefills(facts, encounters);
  alignDerivedSignals(facts);
  return { encounters, facts };
}

describe('lines that name people and pages, not care', () => {
  it.each([
    ['a running footer', 'Rolling Fork Behavioral Health Clinic | GOODIN, TRAVIS L | RF-22-0419 | CONFIDENTIAL      Page 9 of 15'],
    ['a header line with the birth date', 'ROLLING FORK BEHAVIORAL HEALTH CLINIC - Bardstown, KY    Client: Travis L. Goodin  DOB 02/09/1974'],
    ['a board-certification tag line', 'Anselm R. Pruitt, MD, FAANS  -  Diplomate, American Board of Neurological Surgery'],
    ['a provider field', 'Other treating sources:\nPsychiatrist: Helen M. Thurgood, MD - Rolling Fork Behavioral Health Clinic, Bardstown, KY'],
  ])('%s', (_n, line) => {
    // The visit itself may be a psychiatry or surgery visit; no treatment is read from this line.
    const read = current(factsOf(`ORTHOPAEDIC FOLLOW-UP\nProvider: Dana Roe, MD (orthopedic surgery)\nAssessment: chronic low back pain.\n${line}\n`).facts, 'treatment').filter((f) => f.evidence.some((e) => line.split('\n').pop()!.includes(e.quote.trim()) && e.quote.trim().length > 12));
    expect(read).toEqual([]);
  });
});

describe('plans and their answers', () => {
  it('"We will continue his current medication regimen" is the plan, not a hypothesis', () => {
    const signals = current(factsOf('PLAN: We will continue his current medication regimen for maintenance of function.').facts, 'plan_signal');
    expect(signals.map((f) => (f.attributes as { signal: string }).signal)).toContain('continue_current_management');
  });
  it('an offer declined in the next sentence is declined', () => {
    const t = factsOf('PLAN:\n 1. Offered trigger point injections to the L lumbar paraspinals today. Patient declined, states "shots never last."').facts
      .filter((f) => f.type === 'treatment' && f.attributes.modality === 'trigger_point_injection');
    expect(t.map((f) => (f.attributes as { status: string }).status)).toEqual(['declined']);
  });
});

describe('care already carried out or carried on', () => {
  const visit = (date: string, body: string) => `PROGRESS NOTE\nDATE OF SERVICE: ${date}\nProvider: Kendra J. Bale, APRN\n${body}`;
  it('a plan to try what already failed is a plan carried forward', () => {
    const { facts } = record([
      visit('09/07/2022', 'ASSESSMENT: SCS trial unsuccessful; failed SCS trial with 15% relief.'),
      visit('03/20/2023', 'Assessment: s/p failed SCS trial.\nPLAN: 1. Continue current regimen. Proceed with SCS trial once psychological clearance is received.'),
    ]);
    const scs = facts.filter((f) => f.type === 'treatment' && f.attributes.modality === 'spinal_cord_stimulator' && f.date === '2023-03-20' && ['planned', 'recommended'].includes((f.attributes as { status: string }).status));
    expect(scs.length).toBeGreaterThan(0);
    expect(scs.every((f) => f.temporality !== 'current')).toBe(true);
  });
  it('a drug prescribed again is not started again', () => {
    const { facts } = record([
      visit('12/18/2023', 'PLAN: Continue hydrocodone-APAP 7.5/325 q8h PRN and gabapentin 800 mg TID.'),
      visit('03/18/2024', 'PLAN: Rx hydrocodone-APAP 7.5/325 q8h PRN #90 x 3 fills, gabapentin 800 TID.'),
    ]);
    const later = facts.filter((f) => f.type === 'treatment' && f.date === '2024-03-18' && (f.attributes as { drug?: string }).drug === 'gabapentin');
    expect(later.map((f) => (f.attributes as { doseChange?: string }).doseChange)).not.toContain('started');
    expect(current(facts, 'plan_signal').filter((f) => (f.attributes as { signal: string }).signal === 'new_treatment' && f.date === '2024-03-18')).toEqual([]);
  });
});

describe('care that did not happen', () => {
  it.each([
    'PT: never went -- "they wanted insurance or $110."',
    'Physical therapy referral: not scheduled (no insurance).',
    'Explored closer PT - none in network. Tele-PT not offered by Cottonwood.',
  ])('%s', (text) => {
    // (A one-line note is classified as a therapy visit; its visit fact is not read from these words.)
    const pt = factsOf(text).facts.filter((f) => f.type === 'treatment' && f.attributes.modality === 'physical_therapy' && !f.negated && f.temporality === 'current' && !f.id.endsWith(':visit'));
    expect(pt.filter((f) => (f.attributes as { status: string }).status === 'performed')).toEqual([]);
  });
  it('a plan waiting on coverage is not a plan yet', () => {
    const pt = factsOf('PLAN: PT: will re-refer once AHCCCS is active (self-pay not feasible).').facts.filter((f) => f.type === 'treatment' && f.attributes.modality === 'physical_therapy');
    expect(pt.every((f) => f.temporality === 'hypothetical')).toBe(true);
  });
});

describe('tallies', () => {
  it('"Totals: R knee 7 injections" counts care given over time, not care given today', () => {
    const inj = factsOf('Totals: R knee 7 corticosteroid injections; L knee 3 corticosteroid injections.').facts.filter((f) => f.type === 'treatment' && /injection/.test((f.attributes as { modality: string }).modality));
    expect(inj.length).toBeGreaterThan(0);
    expect(inj.every((f) => f.temporality === 'historical')).toBe(true);
  });
});

describe('time elapsed since a treatment, a form field for the date last insured, a digit of the hand', () => {
  it.each([
    ['FOLLOW-UP   DOS: 11/15/2022\nS: 9 weeks after R genicular RFA. Relief 20% for 2 weeks then back to baseline.', 'historical'],
    ['FOLLOW-UP   DOS: 11/15/2022\nS: Pain 6/10. P: Return 2 weeks after the RFA for a recheck.', 'none'],
  ])('%s', (text, expected) => {
    const rfa = factsOf(text).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.modality === 'radiofrequency_ablation');
    if (expected === 'none') expect(rfa.every((f) => f.temporality !== 'current' || f.attributes.status !== 'performed')).toBe(true);
    else expect(rfa.map((f) => f.temporality)).toEqual([expected]);
  });
  it.each([
    ['OFFICE VISIT   DOS: 01/30/2024\nHPI: Neck pain stable. Had a nerve block in December that "didn\'t do much".', 'historical'],
    ['OFFICE VISIT   DOS: 01/30/2024\nHPI: She received a nerve block back in March 2023 with brief relief.', 'historical'],
    ['OFFICE VISIT   DOS: 01/30/2024\nP: Nerve block in March if no better.', 'none'],
    ['OFFICE VISIT   DOS: 01/30/2024\nS: Had a nerve block in January, this month, 70% relief so far.', 'current'],
  ])('a month named after a past-tense account: %s', (text, expected) => {
    const blocks = factsOf(text).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && /block|injection/.test(f.attributes.modality));
    if (expected === 'none') expect(blocks.every((f) => f.temporality !== 'current' || f.attributes.status !== 'performed')).toBe(true);
    else expect(blocks.map((f) => f.temporality)).toContain(expected);
  });
  it.each([
    ['MOVEMENT DISORDERS CLINIC - NEUROLOGY\nProvider: Priya Roe, MD (Neurology)\nDate of service: 02/14/2023\nHPI: Falls. Physical therapy gave short-lived gains.', 'historical'],
    ['MOVEMENT DISORDERS CLINIC - NEUROLOGY\nProvider: Priya Roe, MD (Neurology)\nDate of service: 02/14/2023\nPlan: Physical therapy 2x/week for gait, 6 weeks.', 'current'],
  ])('the past-tense result of a course another discipline gave: %s', (text, expected) => {
    const pt = factsOf(text).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.modality === 'physical_therapy');
    expect(pt.map((f) => f.temporality)).toContain(expected);
    if (expected === 'historical') expect(pt.some((f) => f.temporality === 'current' && f.attributes.status === 'performed')).toBe(false);
  });
  it('a determination explanation is dated by its determination, not by the date last insured in its header', () => {
    const text = ['DISABILITY DETERMINATION EXPLANATION - RECONSIDERATION', 'Claimant: Jane Doe   Claim type: Title II   DLI: 12/31/2026',
      'AOD: 06/18/2021       Date of determination: 02/16/2023       Disposition: Denied', 'Evidence reviewed: CE 01/24/2023 (7F).'].join('\n');
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2023-02-16']);
  });
  it('a trigger-thumb injection names the hand, not the claimed knee', () => {
    const [inj] = factsOf('Tendon sheath injection R thumb A1 pulley: triamcinolone 20 mg.').facts.filter((f) => f.type === 'treatment');
    expect(inj.attributes.bodyRegion).toBe('hand');
  });
});

describe('a heart claim\'s vocabulary', () => {
  it.each([
    ['PROCEDURE REPORT   Date of procedure: 08/22/2023\nProcedure: Implantation of single-chamber transvenous ICD, left pectoral.', 'cardiac device'],
    ['S/p anterior STEMI with DES to pLAD 09/14/2022.', 'coronary intervention'],
  ])('%s is an operation (%s)', (text, subtype) => {
    expect(factsOf(text).facts.some((f) => f.type === 'treatment' && f.attributes.modality === 'surgery' && f.attributes.subtype === subtype)).toBe(true);
  });
  it('GDMT drugs and heart diagnoses are read', () => {
    const facts = factsOf('A: 1. HFrEF - increase sac/val to 97/103 mg BID. 2. Ischemic cardiomyopathy. Empagliflozin 10 mg daily.').facts;
    expect(facts.filter((f) => f.type === 'diagnosis').map((f) => f.attributes.name).sort()).toEqual(['cardiomyopathy', 'heart failure']);
    expect(facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment').map((f) => [f.attributes.drug, f.attributes.doseChange ?? null]))
      .toEqual([['sacubitril/valsartan', 'increased'], ['empagliflozin', null]]);
  });
});

describe('a procedure given "as planned", the first of a series', () => {
  it('"OnabotulinumtoxinA 300 U as planned" under "CHEMODENERVATION #1" was given, and starts the drug', () => {
    const [botox] = factsOf('PROCEDURE NOTE - CHEMODENERVATION #1 02/07/2023\nOnabotulinumtoxinA 300 U as planned; ultrasound guidance. Tolerated well.').facts
      .filter((f): f is FactOf<'treatment'> => f.type === 'treatment');
    expect([botox.attributes.status, botox.attributes.doseChange]).toEqual(['ongoing', 'started']);
  });
});
