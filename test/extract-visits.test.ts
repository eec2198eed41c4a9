import { describe, expect, it } from 'vitest';
import type { Encounter } from '../src/model/index.js';
import { visitFacts } from '../src/extract/visits.js';
import { classifyEncounter } from '../src/segment/classify.js';

const ev = { file: 'f.txt', page: 1, start: 0, end: 20, quote: 'Date of Service: x' };
const enc = (specialty: Encounter['specialty'], kind: Encounter['kind']): Encounter =>
  ({ id: 'd1#e1', documentId: 'd1', file: 'f.txt', start: 0, end: 100, date: '2023-04-03', provider: {}, specialty, kind, evidence: [ev], source: 'note' });

describe('visitFacts: the visit itself as a session', () => {
  it.each([
    ['physical_therapy', 'pt_progress', 'physical_therapy', 'performed'],
    ['physical_therapy', 'pt_discharge', 'physical_therapy', 'completed'],
    ['chiropractic', 'office_visit', 'chiropractic', 'performed'],
    ['psychology', 'unknown', 'psychology', 'performed'],
    ['orthopedic_surgery', 'consultation', 'surgical_consultation', 'performed'],
  ] as const)('%s %s → %s %s', (sp, kind, modality, status) => {
    const [f] = visitFacts(enc(sp, kind), 'Pt seen today.', true);
    expect(f.attributes).toMatchObject({ modality, status });
    expect(f.evidence[0]).toBe(ev);
  });
  it.each([
    ['physical_therapy', 'fce'], ['psychology', 'ime'], ['primary_care', 'office_visit'], ['pain_management', 'unknown'],
  ] as const)('%s %s is not a session', (sp, kind) => expect(visitFacts(enc(sp, kind), 'Seen today.', true)).toEqual([]));
  it.each([
    ['neurosurgery', 'Dear Ms. Doe,\nWe have received a referral from Dr. Lee. Your new patient consultation with Dr. Park has been scheduled:\n Tuesday, June 18, 2024 at 1:15 PM (please arrive 20 minutes early).'],
    ['physical_therapy', 'Appointment reminder: your evaluation is scheduled for 03/04/2024 at 9:00.'],
  ] as const)('a scheduling letter from a %s office is not a visit', (sp, body) => {
    expect(visitFacts(enc(sp, 'unknown'), body, true)).toEqual([]);
  });
  it.each([
    'ADMINISTRATIVE NOTE: Episode closed after 30 days without attendance per clinic policy. 4 of 6 authorized visits used.',
    'Pt cancelled - ill. Not seen.',
  ])('a therapist\'s entry recording no session is not a session: %s', (body) => {
    expect(visitFacts(enc('physical_therapy', 'office_visit'), body, true)).toEqual([]);
  });
  it('a consultation note that mentions the next appointment is still a visit', () => {
    expect(visitFacts(enc('neurosurgery', 'consultation'), 'Exam: 4/5 EHL. Assessment: L5 radiculopathy. Follow-up appointment has been scheduled in 6 weeks.', true)).toHaveLength(1);
  });
  it('a surgeon\'s later follow-up in the same file is not another consultation', () => {
    expect(visitFacts(enc('neurosurgery', 'office_visit'), 'Post-op check, incision healing well.', false)).toEqual([]);
    expect(visitFacts(enc('neurosurgery', 'office_visit'), 'Thank you for referring this pleasant man.', false)).toHaveLength(1);
  });
});

describe('classifyEncounter: another clinician quoted in the note does not relabel the author', () => {
  it.each([
    'S: F/u low back pain. She saw Dr. Marchetti (spine surgery) in October and declined surgery.',
    'HPI: Seen by orthopedics last month; referred to neurosurgery for opinion.',
  ])('%s', (head) => {
    const c = classifyEncounter(`Riverbend Family Medicine\n${head}`, head);
    expect(['orthopedic_surgery', 'neurosurgery']).not.toContain(c.specialty);
  });
  it('the clinic name still decides', () => {
    expect(classifyEncounter('Coastal Orthopaedic Surgery Associates\nNew patient consultation', '').specialty).toBe('orthopedic_surgery');
  });
});

describe('a free clinic\'s new-patient visit is primary care, whatever operation it recounts', () => {
  it('GOOD SAMARITAN HEALTH CLINIC (free clinic) … establish care … L tib plateau ORIF, ortho f/u', () => {
    const head = 'GOOD SAMARITAN HEALTH CLINIC OF JACKSON  (free clinic - volunteer providers)\n01/16/2024  New patient - Marion T. Heck, NP\nCC: establish care, BP, L knee pain';
    const body = `${head}\nHPI: L knee pain since fx/ORIF 03/2023 (county ortho). Awaiting ortho f/u - no insurance.\nA/P: Ortho referral - will need charity approval.`;
    expect(classifyEncounter(head, body, 'NP').specialty).toBe('primary_care');
  });
});

describe('heart and lung specialists are specialists of their own', () => {
  it.each([
    ['MAUMEE HEART & VASCULAR, INC.\n=== OFFICE VISIT ===  Date of Service: 09/06/2022', 'cardiology'],
    ['Lakeside Pulmonary & Sleep Associates\nFollow-up visit', 'pulmonology'],
  ])('%s', (head, specialty) => expect(classifyEncounter(head, '').specialty).toBe(specialty));
  it('a cardiology referral answered by a heart-and-vascular visit is a completed referral', async () => {
    const { analyzeCase } = await import('../src/analyze/index.js');
    const { CaseBuilder } = await import('./helpers/facts.js');
    const PCP = { name: 'Theresa Doe', credential: 'DO', specialty: 'primary_care' as const };
    const CARDS = { name: 'Anjali Roe', credential: 'MD', specialty: 'cardiology' as const };
    const course = (seen: boolean) => {
      const b = new CaseBuilder().visit('2023-01-10', PCP).fact('plan_signal', { signal: 'referral', target: 'cardiology' }, 'Cardiology referral for CHF.');
      if (seen) b.visit('2023-03-01', CARDS).fact('diagnosis', { name: 'heart failure' }, 'HFrEF, NYHA III.');
      b.visit('2023-09-01', PCP).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
      return analyzeCase(b.input({ type: 'ssdi' })).gaps.filter((g) => g.ruleId === 'specialist-referral-not-completed');
    };
    expect(course(true)).toEqual([]);
    expect(course(false).map((g) => g.why)).toEqual([expect.stringContaining('cardiology')]);
  });
});

describe('a treating source\'s narrative report for counsel is an opinion paper, not a visit', () => {
  it.each([
    'KEYSTONE FAMILY CHIROPRACTIC\nJune 10, 2024\nRE:  NARRATIVE REPORT - John Sample - Date of loss 03/17/2023\nDear Ms. Roe:',
    'Narrative letter to counsel\nJune 10, 2024',
  ])('%s → medical_source_statement', (head) => {
    expect(classifyEncounter(head, head, 'DC').kind).toBe('medical_source_statement');
  });
  it('a note that asks for one is still a visit', () => {
    const head = 'FOLLOW-UP VISIT 05/02/2024\nNarrative report requested by attorney.';
    expect(classifyEncounter(head, head, 'DC').kind).not.toBe('medical_source_statement');
  });
});

describe('one table says a session did not take place, for the treatment reader and the visit reader alike', () => {
  it.each([
    'Pt cancelled - ill. Not seen.',
    'No-showed x2.',
    'Episode closed after 30 days without attendance.',
    'CLOSED 09/02/22 - no response',
    'Never got to PT (could not get there).',
    'Administratively discharged.',
  ])('%s → not attended', async (text) => {
    const { notAttended } = await import('../src/knowledge/attendance.js');
    expect(notAttended(text)).toBe(true);
  });
  it.each([
    'Attended 12 of 12 sessions.',
    'PT: no response to treatment yet; continue.',
    'Scheduled for 02/14.',
  ])('%s → attended or not said', async (text) => {
    const { notAttended } = await import('../src/knowledge/attendance.js');
    expect(notAttended(text)).toBe(false);
  });
});
