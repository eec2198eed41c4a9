import { describe, expect, it } from 'vitest';
import { findSections, sectionKindOf } from '../src/segment/sections.js';

describe('sectionKindOf', () => {
  it.each([
    ['HISTORY OF PRESENT ILLNESS', 'hpi'], ['Past Medical History', 'past_history'], ['PSH', 'surgical_history'],
    ['Family history', 'family_history'], ['SOCIAL HISTORY', 'social_history'], ['ROS', 'ros'],
    ['Physical Examination', 'exam'], ['IMPRESSION', 'impression'], ['Assessment/Plan', 'assessment'],
    ['Plan', 'plan'], ['Work Status', 'work_status'], ['Restrictions', 'restrictions'], ['Short Term Goals', 'goals'],
    ['BRIEF HISTORY OF PRESENT ILLNESS', 'hpi'], ['HIS SOCIAL HISTORY', 'social_history'], ['Current Medications', 'medications'],
  ])('%s → %s', (title, kind) => expect(sectionKindOf(title)).toBe(kind));
  it.each(['Pain', 'LEFT KNEE', 'Patient name'])('%s is not a known section', (t) => expect(sectionKindOf(t)).toBeUndefined());
});

describe('findSections', () => {
  const note = [
    'Patient: John Doe',
    'HISTORY OF PRESENT ILLNESS:,  Low back pain after lifting. PAST MEDICAL HISTORY:,  HTN.',
    'Family history: Mother has diabetes.',
    'PHYSICAL EXAMINATION',
    'BP 120/80. Time 10:30. Pain: 7/10.',
    'Assessment:',
    '1. Lumbar strain.',
    'Plan: PT 2x/week.',
  ].join('\n');
  const sections = findSections(note);

  it('finds headings with and without colons, inline and on their own line', () => {
    expect(sections.map((s) => [s.kind, s.title])).toEqual([
      ['other', ''],
      ['hpi', 'HISTORY OF PRESENT ILLNESS'],
      ['past_history', 'PAST MEDICAL HISTORY'],
      ['family_history', 'Family history'],
      ['exam', 'PHYSICAL EXAMINATION'],
      ['assessment', 'Assessment'],
      ['plan', 'Plan'],
    ]);
  });

  it('runs each section to the next heading, covering the range', () => {
    for (let i = 1; i < sections.length; i++) expect(sections[i].start).toBe(sections[i - 1].end);
    expect(sections[0].start).toBe(0);
    expect(sections[sections.length - 1].end).toBe(note.length);
    expect(note.slice(sections[3].start, sections[3].end)).toBe('Family history: Mother has diabetes.\n');
  });

  it('does not treat times, scores or field labels in prose as headings', () => {
    expect(sections.find((s) => /Time|Pain|Patient/.test(s.title))).toBeUndefined();
  });

  it('reads an upper-case heading qualified in brackets before its colon', () => {
    const s = findSections('She may continue working.\n\nFUTURE MEDICAL CARE (reasonably probable, related to the 02/08/2023 collision):\n - Injection for flare-ups, up to 1 per year.');
    expect(s.map((x) => [x.kind, x.title])).toEqual([['other', ''], ['plan', 'FUTURE MEDICAL CARE']]);
    const p = findSections('PLAN:\n - RTC after MR arthrogram.\n\nPROCEDURE - RIGHT SUBACROMIAL INJECTION (20610), 02/12/2024: Consent obtained, time-out.');
    expect(p.map((x) => [x.kind, x.title])).toEqual([['plan', 'PLAN'], ['procedure', 'PROCEDURE']]);
  });

  it('reads a known heading in sentence case qualified in brackets, and only a known one', () => {
    const s = findSections('Prognosis: guarded.\n\nFuture medical care (reasonably necessary, more likely than not, at 2024 charges in this area):\n  a. Physiatry follow-up visits, 3 per year.');
    expect(s.map((x) => [x.kind, x.title])).toContainEqual(['plan', 'Future medical care']);
    const t = findSections('Patient tolerated well (no complications): discharged home.');
    expect(t.map((x) => x.title)).not.toContain('Patient tolerated well');
  });

  it('a visit title whose next field follows a column gap is no qualified heading: the colon is the field\'s', () => {
    const s = findSections('FOLLOW-UP - 04/14/2022          Provider: Patricia Oyelaran, MD\nInjection gave about 50% relief for roughly two weeks.');
    expect(s.map((x) => x.kind)).not.toContain('plan');
  });

  it('keeps unknown upper-case sub-headings as "other"', () => {
    const s = findSections('FINDINGS:  LEFT KNEE:  Osteochondral irregularity.');
    expect(s.map((x) => [x.kind, x.title])).toEqual([['imaging', 'FINDINGS'], ['other', 'LEFT KNEE']]);
  });
});

describe('run-in upper-case headings in dictation (H17)', () => {
  const table: [string, string, string][] = [
    ['Gait is antalgic ASSESSMENT: Chronic low back pain.', 'ASSESSMENT', 'assessment'],
    ['Tenderness over the L4-5 facets. IMPRESSION ,1.  Lumbar strain.,2.  Facet arthropathy.', 'IMPRESSION', 'impression'],
    ['No focal deficits noted IMPRESSION 1. Lumbar strain. 2. Myofascial pain.', 'IMPRESSION', 'impression'],
    ['PROGNOSIS:  ,Prognosis is fair for return to modified duty.', 'PROGNOSIS', 'assessment'],
    ['Prognosis: Guarded.', 'Prognosis', 'assessment'],
  ];
  it.each(table)('%s → %s (%s)', (text, title, kind) => {
    const s = findSections(text).find((x) => x.title === title);
    expect(s?.kind).toBe(kind);
  });
  it('does not take a short label after a lower-case word as a heading', () => {
    expect(findSections('Reviewed MRI: small disc bulge at L4-5.').some((s) => s.title === 'MRI')).toBe(false);
  });
});
