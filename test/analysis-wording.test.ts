import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../src/analyze/index.js';
import { instrumentName } from '../src/knowledge/instruments.js';
import { providerDirectory } from '../src/analyze/providers.js';
import type { Claim, Encounter } from '../src/model/index.js';
import { CaseBuilder, DR_KIM, DR_LEE, DR_PATEL } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';

function run(b: CaseBuilder, claim: Claim = { type: 'general' }) {
  const a = analyzeCase(b.input(claim));
  expectValidCitations(a, b.documents());
  return a;
}

describe('timeline: a recommendation for future care after care was given', () => {
  const b = new CaseBuilder()
    .visit('2023-04-19', { name: 'Priya Lindqvist', credential: 'DO', specialty: 'occupational_medicine' })
    .fact('treatment', { modality: 'medication', drug: 'ibuprofen', drugClass: 'NSAID', status: 'performed' }, 'Ibuprofen 800 mg TID with food.')
    .visit('2023-05-03', { name: 'Priya Lindqvist', credential: 'DO', specialty: 'occupational_medicine' })
    .fact('treatment', { modality: 'medication', drug: 'ibuprofen', drugClass: 'NSAID', status: 'ongoing' }, 'Continue ibuprofen.')
    .visit('2024-01-22', { name: 'Gareth Oyelaran', credential: 'MD', specialty: 'orthopedic_surgery' })
    .fact('treatment', { modality: 'medication', drugClass: 'NSAID', status: 'recommended' }, 'Future medical care: over-the-counter anti-inflammatories.');
  const entry = run(b, { type: 'workers_comp', onset: '2023-04-18' }).timeline.find((t) => t.modality === 'medication')!;

  it('keeps the course ongoing and dated by the last mention of it being taken', () => {
    expect(entry).toMatchObject({ status: 'ongoing', firstDate: '2023-04-19', lastDate: '2023-05-03' });
  });

  it('says in the entry that future care is recommended', () => {
    expect(entry.events.at(-1)).toMatchObject({ date: '2024-01-22', status: 'recommended', label: 'future care recommended: medication' });
  });

  it('a recommendation never acted on still reads recommended', () => {
    const never = new CaseBuilder().visit('2024-01-10', DR_LEE)
      .fact('treatment', { modality: 'epidural_injection', status: 'recommended' }, 'Recommend L5-S1 TFESI.');
    expect(run(never).timeline[0].status).toBe('recommended');
  });
});

describe('provider labels come from the author and the author\'s specialty', () => {
  const enc = (id: string, name: string | undefined, credential: string | undefined, specialty: Encounter['specialty']): Encounter => ({
    id, documentId: 'd', file: 'd.txt', start: 0, end: 1, provider: { name, credential }, specialty, kind: 'office_visit', evidence: [], source: 'note',
  });
  const encounters = [
    enc('a', 'Helen Marchetti', 'MD', 'orthopedic_surgery'),
    enc('b', 'Dr. Marchetti', undefined, 'primary_care'),
    enc('c', 'Gareth Oyelaran', 'MD', 'orthopedic_surgery'),
    enc('d', 'Gareth Oyelaran', 'MD', 'orthopedic_surgery'),
    enc('e', 'Gareth Oyelaran', 'MD', 'physical_therapy'),
    enc('f', 'R. Venkataraman', undefined, 'unknown'),
    enc('g', 'Rajesh Venkataraman', 'MD', 'pain_management'),
    enc('h', 'Dr. Lee', 'MD', 'pain_management'),
    enc('i', 'Dr. Lee', 'MD', 'unknown'),
    enc('j', undefined, undefined, 'psychology'),
  ];
  const label = providerDirectory(encounters);
  const byId = (id: string) => label(encounters.find((e) => e.id === id));

  it.each([
    ['b', 'Helen Marchetti, MD (orthopedic surgery)', 'surname only → the fuller name in the case, with her specialty'],
    ['e', 'Gareth Oyelaran, MD (orthopedic surgery)', 'a report filed under another department keeps the author\'s specialty'],
    ['f', 'Rajesh Venkataraman, MD (pain management)', 'initial and surname → the full name'],
    ['i', 'Dr. Lee (pain management)', 'an unknown specialty takes the author\'s usual one'],
    ['j', 'the treating psychology provider', 'unnamed providers are described by the encounter\'s specialty'],
  ])('%s → %s (%s)', (id, expected) => {
    expect(byId(id)).toBe(expected);
  });

  it('does not merge a surname shared by two fuller names', () => {
    const two = [enc('a', 'Anna Lee', 'MD', 'neurology'), enc('b', 'Brian Lee', 'DO', 'primary_care'), enc('c', 'Dr. Lee', undefined, 'unknown')];
    expect(providerDirectory(two)(two[2])).toBe('Dr. Lee');
  });

  it('does not merge different given names with the same surname', () => {
    const two = [enc('a', 'Anna Lee', 'MD', 'neurology'), enc('b', 'B. Lee', undefined, 'primary_care')];
    expect(providerDirectory(two)(two[1])).toBe('B. Lee (primary care)');
  });
});

describe('instrument names in analysis sentences', () => {
  it.each([
    ['NRS', 'Pain (NRS 0–10)'],
    ['ODI', 'Disability (ODI 0–100)'],
    ['QuickDASH', 'Arm disability (QuickDASH 0–100)'],
    ['strength:ehl', 'EHL strength (0–5)'],
    ['ROM:forward flexion', 'Forward flexion range of motion'],
    ['unlisted-scale', 'unlisted-scale'],
  ])('%s → %s', (key, name) => {
    expect(instrumentName(key)).toBe(name);
  });

  it('MMI reasons cite pain and function plateaus, not strength or ROM, when those were measured', () => {
    const b = new CaseBuilder().visit('2023-05-01', DR_LEE)
      .fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Left L5 TFESI performed.');
    for (const [d, nrs, ehl] of [['2023-09-01', 6, 4], ['2023-12-01', 6, 4], ['2024-03-01', 5, 4]] as const) {
      b.visit(d, DR_LEE)
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.')
        .fact('outcome_measure', { instrument: 'NRS', value: nrs, max: 10 }, `Pain ${nrs}/10.`)
        .fact('outcome_measure', { instrument: 'strength', value: ehl, max: 5, motion: 'ehl' }, `Left EHL ${ehl}/5.`);
    }
    const mmi = run(b).mmi;
    expect(mmi.status).toBe('implied');
    const text = mmi.reasons.map((r) => r.text).join('\n');
    expect(text).toMatch(/Pain \(NRS 0–10\) changed -1 during maintenance, less than its MCID of 2/);
    expect(text).not.toMatch(/strength/i);
    expect(text).not.toMatch(/\bNRS changed|strength:ehl/);
  });
});

describe('duration wording follows the claim type', () => {
  const build = () => new CaseBuilder()
    .visit('2023-04-20', DR_PATEL).fact('limitation', { activity: 'lift', limit: 15, unit: 'lb', source: 'provider', text: 'lift 15 lb' }, 'No lifting over 15 lb with the right arm.')
    .visit('2024-01-22', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'He is permanent and stationary as of today.');

  it('workers\' comp: date of injury and time from injury to MMI, no 12-month test in the reasons', () => {
    const d = run(build(), { type: 'workers_comp', onset: '2023-04-18' }).duration;
    const text = d.reasons.map((r) => r.text).join('\n');
    expect(d.months).toBe(9.2);
    expect(text).toMatch(/^Date of injury 2023-04-18 is the date given for the claim\./);
    expect(text).toMatch(/time from injury to MMI: 9\.2 months/);
    expect(text).not.toMatch(/12 months/);
  });

  it('SSDI: onset wording and the 12-month test', () => {
    const d = run(build(), { type: 'ssdi', onset: '2023-04-18' }).duration;
    const text = d.reasons.map((r) => r.text).join('\n');
    expect(text).toMatch(/^Onset 2023-04-18 is the date given/);
    expect(text).toMatch(/expected to last 12 months/);
    expect(text).not.toMatch(/time from/);
  });
});
