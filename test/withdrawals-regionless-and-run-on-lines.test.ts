import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';
import { clauseAround } from '../src/extract/mention.js';
import { analyzeCase } from '../src/analyze/index.js';
import { expectValidCitations } from './helpers/citations.js';
import { CaseBuilder } from './helpers/facts.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): an MMI
 * withdrawal named as a noun, run-on lines, MMI named on forms, letters and phone notes without being stated, a rebuttal
 * recalling an earlier visit, California's request for authorization, a stroke clinic's maintenance plan, and a panel QME
 * who saw the claimant (the regionless claim's limits without an exam sign are in test/gaps.test.ts).
 */

describe('an MMI withdrawal named as a noun', () => {
  it.each([
    'Carrier notified (fax) of MMI withdrawal.',
    'Copy of the MMI rescission sent to the adjuster.',
  ])('%s takes the MMI back', (text) => {
    expect(of(text, 'mmi_statement').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
  it.each([
    'He has reached maximum medical improvement as of today, 02/14/2023.',
    'Opioid withdrawal completed in March; he has reached MMI.',
  ])('%s still states MMI', (text) => {
    expect(of(text, 'mmi_statement').some((f) => f.attributes.kind === 'mmi' && f.temporality === 'current' && !f.negated)).toBe(true);
  });
});

describe('a clause on a run-on line', () => {
  it('reaches a bounded distance either side of its mention', () => {
    const text = `${'word '.repeat(400)}MMI ${'word '.repeat(400)}`;
    const s = text.indexOf('MMI');
    const c = clauseAround(text, s, s + 3);
    expect(c.text.startsWith('word')).toBe(true);
    expect(s - c.start).toBeLessThanOrEqual(330);
    expect(c.end - (s + 3)).toBeLessThanOrEqual(330);
  });
  it('keeps a clause of ordinary length whole', () => {
    const text = 'Seen today; she reports the TENS unit helps at night but the neck pain is unchanged.';
    const s = text.indexOf('TENS');
    expect(clauseAround(text, s, s + 4).text).toBe(' she reports the TENS unit helps at night');
  });
});

describe('MMI named without being stated, on forms, letters and phone notes', () => {
  it.each([
    ['a lien letter waits for MMI', 'The final lien amount will be issued once the member has reached maximum medical improvement or the case settles, whichever occurs first.'],
    ['a phone note names the form\'s MMI box', 'Call from Meridian Mutual LTD (D. Farris) re APS of 09/28/2023, MMI box.'],
    ['a carrier\'s nurse says the doctor could not state it', 'RN clinical review: stroke 09/2022, L hemiparesis, OT/PT complete 03/2023 per APS; AP unable to state MMI.'],
  ])('%s', (_n, text) => {
    expect(of(text, 'mmi_statement').every((f) => f.temporality !== 'current' || f.negated || f.attributes.kind === 'not_at_mmi')).toBe(true);
  });
  it.each([
    ['"[ ] Has been reached  [X] Has not been reached" is not at MMI', 'MMI:  [ ] Has been reached   [X] Has not been reached', 'not_at_mmi'],
    ['"[X] Has been reached" is MMI', 'MMI:  [X] Has been reached  Date: 05/14/2024      PPD: R 2%, L 2%', 'mmi'],
    ['"[ ] Reached  [X] Not reached" is not at MMI', 'MMI status: [ ] Reached  [X] Not reached', 'not_at_mmi'],
  ])('%s', (_n, text, kind) => {
    expect(of(text, 'mmi_statement').filter((f) => f.temporality === 'current').map((f) => f.attributes.kind)).toEqual([kind]);
  });
  it('a letter\'s numbered heading \'5. "Maximum medical improvement."\' states nothing', () => {
    expect(of('5. "Maximum medical improvement."', 'mmi_statement')).toEqual([]);
  });
  it('an examiner answering the other side\'s argument states MMI, not its denial', () => {
    const text = 'That procedure is elective, it has not been authorized, and a recommendation for a surgery that may or may not take place does not by itself prevent a finding of permanent and stationary status.';
    expect(of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && f.attributes.kind === 'not_at_mmi')).toEqual([]);
  });
});

describe('a rebuttal recalls an earlier visit', () => {
  it.each([
    'At that visit I expressly found she was not at MMI.',
    'Her grip was 34 lb, she had moderate pillar pain, and therapy had documented steady gains that had not plateaued (therapist\'s discharge 01/19/2024).',
  ])('%s is history, not today\'s opinion', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && f.attributes.kind === 'not_at_mmi')).toEqual([]);
  });
  it('a surgeon\'s history line recounting an earlier release at MMI is history', () => {
    const text = 'Initial LBP improved with PT and he was released to full duty at MMI 12/14/2021; within a month the pain returned.';
    expect(of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && f.attributes.kind !== 'not_at_mmi')).toEqual([]);
  });
  it('a psychiatric prescriber\'s bare "has not reached maximum benefit" is not at MMI; a therapist\'s is the therapy\'s', () => {
    const text = 'She is early in trauma-focused treatment and has not reached maximum benefit.';
    const psych = of(`OUTPATIENT PSYCHIATRY - MEDICATION MANAGEMENT\nE. V. Doe, PMHNP-BC\n${text}`, 'mmi_statement').map((f) => f.attributes.kind);
    expect(psych).toEqual(['not_at_mmi']);
    const pt = of(`PHYSICAL THERAPY PROGRESS NOTE\nJ. Roe, PT, DPT\n${text}`, 'mmi_statement').map((f) => f.attributes.kind);
    expect(pt).not.toContain('not_at_mmi');
  });
  it('"she has NOT plateaued" today is still not at MMI', () => {
    expect(of('Grip continues to improve about 2-3 lb every 2 weeks; she has NOT plateaued.', 'mmi_statement').map((f) => [f.attributes.kind, f.temporality])).toEqual([['not_at_mmi', 'current']]);
  });
});

describe('a California request for authorization (RFA)', () => {
  it.each([
    ['RFA: R wrist arthroscopy, possible TFCC repair.', 'surgery', 'planned'],
    ['RFA submitted today for PT 2x/week x 3 weeks.', 'physical_therapy', 'planned'],
    ['New RFA for R ulnar shortening osteotomy submitted today with the pronated grip view.', 'surgery', 'planned'],
  ])('%s asks for the care', (text, modality, status) => {
    const facts = of(text, 'treatment');
    expect(facts.map((f) => f.attributes.modality)).not.toContain('radiofrequency_ablation');
    expect(facts.filter((f) => f.attributes.modality === modality).map((f) => f.attributes.status)).toContain(status);
  });
  it('a radiofrequency ablation planned is still one', () => {
    expect(of('Plan: bilateral L4-5 RFA next month.', 'treatment').map((f) => f.attributes.modality)).toEqual(['radiofrequency_ablation']);
  });
});

describe('a stroke clinic\'s maintenance plan', () => {
  const plan = 'Plan: The goal is now maintenance: home exercise program and gym, custom AFO, baclofen 10 mg TID, and botulinum toxin every 12 weeks at the current dose to maintain range of motion.';
  it('says the care is maintenance', () => {
    expect(of(plan, 'plan_signal').map((f) => f.attributes.signal)).toContain('maintenance_care');
  });
  it('"F/u + injection 12 weeks" at the end of a procedure note books the next dose; it is not this one', () => {
    const note = 'PROCEDURE NOTE - CHEMODENERVATION                              DOS: 05/09/2023\nInterval: No change in function.\nTolerated well. F/u + injection 12 weeks.';
    expect(of(note, 'treatment').map((f) => [f.attributes.modality, f.attributes.status])).toEqual([['other_injection', 'planned']]);
  });
  it('names the botulinum toxin it keeps giving', () => {
    expect(of(plan, 'treatment').map((f) => f.attributes.modality === 'medication' ? f.attributes.drugClass : f.attributes.modality)).toContain('botulinum toxin');
  });
});

describe('a panel QME who saw the claimant', () => {
  it('is an examining source although the report mentions its records review time', async () => {
    const { sourceRole } = await import('../src/analyze/mmi-sources.js');
    const head = 'GREGORY T. VILLASENOR, M.D. Qualified Medical Evaluator\nDate of Report: 05/02/2023\nDate of Examination: 04/11/2023\nPANEL QUALIFIED MEDICAL EVALUATOR\'S COMPREHENSIVE MEDICAL-LEGAL EVALUATION (ML 201)\nThe applicant was seen in my Fresno office on 04/11/2023. Face-to-face time with the applicant was 62 minutes. Records review time is listed in the billing declaration.';
    const enc = { id: 'd#e1', documentId: 'd', file: 'd.txt', start: 0, end: 1, provider: {}, specialty: 'ime', kind: 'ime', evidence: [], source: 'note', documentRole: 'examining' } as const;
    expect(sourceRole({ ...enc, evidence: [], documentTitle: head })).toBe('examining');
    expect(sourceRole({ ...enc, evidence: [], documentTitle: 'RECORDS REVIEW - no examination performed. Records review time: 3 hours.' })).toBe('non_examining');
  });
});

describe('a treating "not P&S" held open for an operation the payer has finally refused', () => {
  const hand = { name: 'Harjit Doe', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const qme = { name: 'Gregory Roe', credential: 'MD', specialty: 'ime' as const, kind: 'ime' as const, documentRole: 'examining' as const, documentTitle: 'PANEL QUALIFIED MEDICAL EVALUATOR COMPREHENSIVE REPORT' };
  const record = (refusal: string) => {
    const b = new CaseBuilder();
    for (const d of ['2022-09-13', '2022-10-20', '2022-11-29', '2023-01-12']) b.visit(d, hand).fact('treatment', { modality: 'occupational_therapy', status: 'performed' }, 'Hand therapy: strengthening.');
    b.visit('2023-01-19', hand).fact('treatment', { modality: 'surgery', status: 'recommended' }, 'I recommend R ulnar shortening osteotomy.');
    b.visit('2023-02-23', hand).fact('treatment', { modality: 'surgery', status: 'denied' }, 'UR non-certified the ulnar shortening osteotomy on 01/27/2023; the applicant has filed for IMR.');
    b.visit('2023-04-11', qme).fact('mmi_statement', { kind: 'permanent_and_stationary', mmiDate: '2023-04-11' }, 'In my opinion the applicant is permanent and stationary as of 04/11/2023.');
    b.visit('2023-05-18', hand).fact('treatment', { modality: 'surgery', status: 'denied' }, refusal)
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue HEP, orthosis PRN, naproxen PRN.');
    for (const d of ['2023-07-13', '2023-09-07', '2023-11-02']) {
      b.visit(d, hand).fact('plan_signal', { signal: 'continue_current_management' }, 'Maintain HEP, naproxen PRN, orthosis PRN.')
        .fact('treatment', { modality: 'surgery', status: 'planned' }, 'I would still recommend an ulnar shortening osteotomy if it were authorized.', { temporality: 'hypothetical' })
        .fact('plan_signal', { signal: 'new_treatment', target: 'surgery' }, 'I would still recommend an ulnar shortening osteotomy if it were authorized.', { temporality: 'hypothetical' })
        .fact('mmi_statement', { kind: 'not_at_mmi' }, 'P&S: [ ] Yes [X] No');
    }
    return b;
  };
  it('the neutral examiner\'s P&S stands, with the treating opinion as a conflict', () => {
    const b = record('IMR final determination dated 05/16/2023 upheld the UR non-certification of the osteotomy.');
    const a = analyzeCase(b.input({ type: 'workers_comp', state: 'CA', onset: '2022-03-09' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi).toMatchObject({ status: 'explicit', date: '2023-04-11', disputed: true });
    expect(a.mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/Harjit Doe.*finally refused/);
  });
  it('a first refusal still open to review keeps the claim open', () => {
    const b = record('UR non-certified the ulnar shortening osteotomy; IMR application filed.');
    expect(analyzeCase(b.input({ type: 'workers_comp', state: 'CA', onset: '2022-03-09' })).mmi.status).toBe('not_reached');
  });
});

describe('letters that recall or decline an MMI', () => {
  it.each([
    'My Attending Physician Statement of 10/18/2022 indicated that she had reached maximum medical improvement.',
    'I have not assigned an impairment rating or a date of maximum medical improvement; I do not perform impairment ratings.',
  ])('%s states no MMI today', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated)).toEqual([]);
  });
  it('"with respect to the work injury of 09/20/2021 as of today\'s date, 07/11/2023" is MMI on the visit, not on the injury date', () => {
    const text = 'VISIT DATE: 07/11/2023\nIn my opinion he has reached maximum medical improvement with respect to the work injury of 09/20/2021 as of today\'s date, 07/11/2023.';
    const dates = of(text, 'mmi_statement').map((f) => f.attributes.mmiDate);
    expect(dates).not.toContain('2021-09-20');
  });
});

describe('a records release that names the provider of all its visits', () => {
  it('"Provider (all visits unless noted): Annika L. Brandvold, PMHNP-BC" is each visit\'s author', async () => {
    const { splitEncounters } = await import('../src/segment/encounters.js');
    const { bareDoc } = await import('./helpers/facts-of.js');
    const text = 'RECORDS RELEASE - PSYCHIATRIC MEDICATION MANAGEMENT\nProvider (all visits unless noted): Annika L. Brandvold, PMHNP-BC\n\n09/08/2021  NEW PATIENT - PSYCHIATRIC EVALUATION\nMood flat. Plan: reduce olanzapine to 10 mg qhs.\n\n09/22/2021  FOLLOW-UP (30 min)\nLithium 0.8. Plan: no changes. RTC 4 weeks.';
    const encs = splitEncounters(bareDoc(text)).filter((e) => e.date);
    expect(encs.map((e) => e.provider.name)).toEqual(['Annika L. Brandvold', 'Annika L. Brandvold']);
  });
});

describe('a mental claim\'s psychotropic lowered for side effects', () => {
  it('is the regimen still being set: the maintenance phase starts at the next visit', () => {
    const np = { name: 'Annika Doe', credential: 'PMHNP-BC', specialty: 'psychiatry' as const };
    const b = new CaseBuilder();
    b.visit('2022-06-15', np).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'lamotrigine', drugClass: 'anticonvulsant', doseChange: 'started' }, 'Start lamotrigine 25 mg daily.');
    for (const d of ['2022-08-24', '2022-09-21', '2022-11-30', '2022-12-28']) {
      b.visit(d, np).fact('diagnosis', { name: 'Bipolar I disorder', code: 'F31.75' }, 'Bipolar I disorder (F31.75).')
        .fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'lithium', drugClass: 'mood stabilizer', doseChange: 'continued' }, 'Continue lithium ER 1200 mg/day.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'No changes. RTC 4 weeks.');
    }
    b.visit('2023-01-25', np).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'lurasidone', drugClass: 'antipsychotic', doseChange: 'decreased' }, 'Reduce lurasidone 80 -> 60 mg with dinner (sedation).');
    for (const d of ['2023-02-22', '2023-03-22', '2023-04-19', '2023-05-17', '2023-06-14']) {
      b.visit(d, np).fact('diagnosis', { name: 'Bipolar I disorder', code: 'F31.75' }, 'Bipolar I disorder (F31.75).')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'No medication changes. Continue monthly medication management.');
    }
    const a = analyzeCase(b.input({ type: 'ssdi', onset: '2021-08-20' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi).toMatchObject({ status: 'implied', date: '2023-02-22' });
  });
});
