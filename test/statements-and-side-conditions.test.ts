import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';
import { ocrLetters } from '../src/extract/mention.js';
import { classifyDocument } from '../src/segment/document-role.js';
import { classifyEncounter } from '../src/segment/classify.js';
import { textDoc } from './helpers/extract-doc.js';
import { analyzeCase } from '../src/analyze/index.js';
import { expectValidCitations } from './helpers/citations.js';
import { CaseBuilder, DR_KIM } from './helpers/facts.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): MMI named
 * without being stated, remote possibilities, chains of scores, OCR-damaged dates, a stroke claim's knee injection, and
 * a defense examiner's MMI against a treating "not at MMI".
 */

describe('MMI named without being stated', () => {
  it.each([
    ['Issues referred by the Division: MMI; permanent impairment.', 'hypothetical'],
    ['Questions presented: MMI, causation, apportionment.', 'hypothetical'],
    ['- Mesa Valley Occupational Medicine: 09/14/2022 through 11/14/2023 including WC164s; MMI/impairment narrative of Dr. Doe.', 'hypothetical'],
  ])('%s', (text, temporality) => {
    expect(of(text, 'mmi_statement').map((f) => f.temporality)).toEqual([temporality]);
  });
  it('a topic label answered in its own line is a statement', () => {
    expect(of('Issues: she has reached MMI, 11% rating.', 'mmi_statement').map((f) => [f.attributes.kind, f.temporality])).toEqual([['mmi', 'current']]);
  });
  it('a box its author says was marked in error is taken back', () => {
    const text = 'Item 12 of the statement dated 06/14/2022 was marked "Yes" (MMI 06/01/2022) in error when the form was prepared.';
    expect(of(text, 'mmi_statement').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
});

describe('remote possibilities are not plans', () => {
  it.each([
    'She may someday need a knee replacement.',
    'It is possible she could need a knee arthroplasty in the distant future, but I cannot state that to a reasonable degree of medical certainty.',
  ])('%s', (text) => {
    expect(of(text, 'treatment').map((f) => f.temporality)).toEqual(['hypothetical']);
  });
  it('a knee replacement scheduled is a plan', () => {
    expect(of('Right TKA scheduled for 03/04/2024.', 'treatment').map((f) => f.temporality)).toEqual(['current']);
  });
});

describe('a chain of scores', () => {
  it('"NDI 48% -> 40% -> 30% -> 18%" is its last reading, from its first', () => {
    expect(of('Re-examinations: NDI 48% -> 40% -> 30% -> 24% -> 20% -> 18% (04/11/2023).', 'outcome_measure').map((f) => f.attributes))
      .toEqual([{ instrument: 'NDI', value: 18, max: 100, unit: '%', previous: 48, direction: 'improved' }]);
  });
});

describe('dates a fax scanner damaged', () => {
  it.each([
    ['Knee injection 11/O6/2O23 helped', 'Knee injection 11/06/2023 helped'],
    ['seen O3/l4/2023', 'seen 03/14/2023'],
    ['I/O 1/2 and ratio l/O', 'I/O 1/2 and ratio l/O'],
  ])('%s', (text, read) => expect(ocrLetters(text)).toBe(read));
});

describe('a side condition\'s procedure in a claim whose impairment has no region', () => {
  const stroke = (kneeDays: string[]) => {
    const b = new CaseBuilder();
    for (const d of ['2023-01-10', '2023-02-14', '2023-03-14', '2023-04-20']) {
      b.visit(d, { name: 'Kelsey Roe', credential: 'DPT', specialty: 'physical_therapy', kind: 'pt_progress' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Gait training, NMES.');
    }
    for (const d of ['2023-05-16', '2023-08-24', '2023-11-14', '2024-02-22', '2024-05-07']) {
      b.visit(d, { name: 'Hannah Doe', credential: 'DO', specialty: 'physiatry' })
        .fact('diagnosis', { name: 'Right MCA ischemic stroke' }, 'Right MCA ischemic stroke with left hemiparesis.')
        .fact('diagnosis', { name: 'Spasticity' }, 'Left upper limb spasticity.')
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue baclofen, AFO, HEP. RTC 6 months.');
    }
    for (const d of kneeDays) {
      b.visit(d, DR_KIM).fact('treatment', { modality: 'joint_injection', status: 'performed', bodyRegion: 'knee' }, 'Right knee intra-articular injection performed today.');
    }
    const a = analyzeCase(b.input({ type: 'ssdi', onset: '2022-10-03' }));
    expectValidCitations(a, b.documents());
    return a.mmi;
  };
  it('one knee injection does not restart the stroke\'s care', () => {
    expect(stroke(['2023-11-06'])).toMatchObject({ status: 'implied', date: '2023-05-16' });
  });
  it('a knee injected again and again is a course of the claim', () => {
    expect(stroke(['2023-09-05', '2023-11-06', '2024-01-09']).date).not.toBe('2023-05-16');
  });
});

describe('a defense examiner\'s MMI against a treating "not at MMI"', () => {
  it('the pattern of care decides; the examiner is a conflict', () => {
    const chiro = { name: 'Travis Roe', credential: 'DC', specialty: 'chiropractic' as const };
    const b = new CaseBuilder();
    for (const d of ['2023-01-10', '2023-02-07', '2023-03-13']) b.visit(d, chiro).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'CMT cervical, thoracic.');
    b.visit('2023-03-13', chiro).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Patient has not reached maximum medical improvement.');
    for (const d of ['2023-04-11', '2023-05-09', '2023-06-13', '2023-07-11', '2023-08-15']) b.visit(d, chiro).fact('plan_signal', { signal: 'maintenance_care' }, 'Stable at baseline; supportive care. RTC 1 month.');
    b.visit('2024-01-09', { name: 'Howard Doe', credential: 'MD', specialty: 'ime', kind: 'ime', documentRole: 'examining' })
      .fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-02-15' }, 'In my opinion she reached maximum medical improvement no later than 02/15/2023.');
    const a = analyzeCase(b.input({ type: 'personal_injury', onset: '2022-11-04' }));
    expectValidCitations(a, b.documents());
    expect(a.mmi).toMatchObject({ status: 'implied', date: '2023-04-11' });
    expect(a.mmi.conflicts.map((c) => c.text).join(' ')).toMatch(/Howard Doe/);
  });
});

describe('more words that are not what they seem', () => {
  it('"its recommendation does not defeat MMI for that injury" denies nothing', () => {
    expect(of('The UKA is reasonable care for his knee, but its recommendation does not defeat MMI for that injury.', 'mmi_statement').filter((f) => f.temporality === 'current' && f.attributes.kind === 'not_at_mmi')).toEqual([]);
  });
  it('"Offered re-referral to Dr. Holm … - declines again" opens nothing', () => {
    expect(of('Offered re-referral to Dr. Holm to revisit surgery/neurostimulation - declines again.', 'plan_signal').filter((f) => f.attributes.signal === 'referral')).toEqual([]);
  });
  it('"No further medication changes are planned" closes the trials', () => {
    expect(of('No further medication changes are planned.', 'plan_signal').map((f) => f.attributes.signal)).toContain('no_further_treatment');
  });
  it('"achieved her maximal benefit from pulmonary rehabilitation": the course is over, not given today', () => {
    expect(of('She has achieved her maximal benefit from pulmonary rehabilitation and is on maximal inhaled therapy.', 'treatment')
      .filter((f) => f.attributes.modality === 'physical_therapy').map((f) => f.attributes.status)).toEqual(['completed']);
  });
  it.each([
    'Increased dyspnea, sputum changed to yellow, using albuterol 4-5x/day.',
    'Productive cough yellow sputum, increased albuterol use to 4x/day.',
  ])('the claimant\'s symptoms or own use, not a dose changed: %s', (text) => {
    expect(of(text, 'treatment').map((f) => f.attributes.doseChange)).toEqual([undefined]);
  });
});

describe('papers and labs', () => {
  it('"Labs sent to reference lab - pending" refers no one', () => {
    expect(of('A1c, CMP, lipid panel, urine microalbumin sent to reference lab - pending at time of note.', 'plan_signal').filter((f) => f.attributes.signal === 'referral')).toEqual([]);
  });
  it('a psychological consultative evaluation for the agency is an examination', () => {
    const text = 'LYDIA F. DOE, Ph.D.  -  Licensed Psychologist\n\nPSYCHOLOGICAL CONSULTATIVE EVALUATION (Mental Status Examination)\nFor: Mississippi Disability Determination Services\nClaimant: Jane Roe     Date of evaluation: 02/07/2023\n';
    expect(classifyDocument(textDoc(text, 'B4F_CE Psychological.txt')).role).toBe('examining');
  });
});

describe('a letter to counsel that reviews the record', () => {
  it('"I have reviewed my records, the URMC ED record, …" names papers read, not the letter\'s kind', () => {
    const head = 'PALMETTO EXAMPLE ORTHOPAEDICS\n\nMay 28, 2024\n\nDear Ms. Doe:\nI have reviewed my records, the URMC ED record, the MRI and operative reports and the PT records.\n';
    expect(classifyEncounter(head, head, 'MD').kind).not.toBe('emergency_visit');
  });
});
