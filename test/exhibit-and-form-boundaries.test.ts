import { describe, expect, it } from 'vitest';
import { splitEncounters } from '../src/segment/encounters.js';
import { classifyEncounter } from '../src/segment/classify.js';
import { textDoc } from './helpers/extract-doc.js';

// Boundaries met in claim files written by people who never read this code (synthetic text, no PHI).

describe('a source statement filed after the last visit note of the same day', () => {
  const text = [
    'FOLLOW-UP   DOS: 04/10/2025   Provider: Jane Sample, MD',
    'A: Chronic post-ACDF neck pain, stable. P: continue gabapentin. RTC 3 months.',
    '/s/ Jane Sample, MD',
    '',
    'PHYSICAL MEDICAL SOURCE STATEMENT  (form provided by claimant\'s representative - Sample & Roe,',
    ' Attorneys, Winston-Salem)',
    'Patient: John Doe     DOB: 11/22/1970     Date: 04/10/2025',
    'Treatment and response: ACDF, bilateral CTR, PT, OT, medications - partial response.',
    'Lift/carry: 10 lb occasionally.',
  ].join('\n');
  it('is its own encounter, begun at its wrapped title', () => {
    const encs = splitEncounters(textDoc(text));
    expect(encs.map((e) => e.date)).toEqual(['2025-04-10', '2025-04-10']);
    expect(text.slice(encs[1].start)).toMatch(/^PHYSICAL MEDICAL SOURCE STATEMENT/);
    expect(encs[1].kind).toBe('medical_source_statement');
  });
});

describe('a new exhibit in a numbered file', () => {
  const text = [
    '                                                   EXHIBIT NO. 4F   PAGE 4 OF 7',
    'POST-OP VISIT (1 yr)   DOS 05/21/2024   Provider: Jane Sample, MD',
    'A/P: solid fusion. Released from neurosurgical follow-up; return prn.',
    '/s/ Jane Sample, MD',
    '\f                                                  EXHIBIT NO. 6F   PAGE 1 OF 2',
    'SAMPLE PHYSICAL THERAPY  *  625 S. Main St',
    'DISCHARGE SUMMARY - CERVICAL                              Patient: John Doe   DOB 11/22/1970',
    'Dates: 06/06/2023 - 08/15/2023.   Visits: 16.',
    'Discharge: goals partially met. Discharged from skilled PT.',
    '/s/ Ann Roe, PT, DPT    08/15/2023',
  ].join('\n');
  it('begins a new encounter on its first page even when its title carries no date', () => {
    const encs = splitEncounters(textDoc(text));
    expect(encs).toHaveLength(2);
    expect(text.slice(encs[1].start)).toMatch(/^EXHIBIT NO\. 6F/);
    expect(encs[0].date).toBe('2024-05-21');
    expect(encs[1].specialty).toBe('physical_therapy');
  });
  it('the next page of the same exhibit does not', () => {
    const same = text.replace('EXHIBIT NO. 6F   PAGE 1 OF 2', 'EXHIBIT NO. 4F   PAGE 5 OF 7');
    expect(splitEncounters(textDoc(same))).toHaveLength(1);
  });
});

describe('another practice named in a note', () => {
  it.each([
    ['POST-OP VISIT (6 mo)\nS: Neck ache 4/10. Seeing Yadkin Sample Pain Management since 10/24 for medications.', 'pain_management'],
    ['FOLLOW-UP\nS: Established with Sample Valley Orthopedics last month.', 'orthopedic_surgery'],
    ['ESTABLISHED PATIENT - MEDICATION MANAGEMENT\nHPI: Axial pain 3-4/10. Saw neurosurgeon Dr. Doe (second opinion) 03/21/2023 - not a surgical candidate.', 'neurosurgery'],
  ])('%s → not %s', (head, specialty) => {
    expect(classifyEncounter(head, head, 'MD').specialty).not.toBe(specialty);
  });
});
