import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitEncounters } from '../src/segment/encounters.js';
import { findProviders, pickProvider } from '../src/segment/providers.js';
import { textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';

const multi = readFileSync(path.resolve(import.meta.dirname, 'fixtures/h2-multi-visit.txt'), 'utf8');

describe('splitEncounters', () => {
  const doc = textDoc(multi);
  const encs = splitEncounters(doc);
  it('splits three visits by DOS line, separator + title line, and DOS abbreviation; ignores the signature date', () => {
    expect(encs.map((e) => e.date)).toEqual(['2024-03-14', '2024-04-02', '2024-04-16']);
    expect(encs.map((e) => e.id)).toEqual(['note.txt#e1', 'note.txt#e2', 'note.txt#e3']);
    expect(doc.text.slice(encs[1].start).startsWith('=====')).toBe(true);
    expect(encs[0].start).toBe(0);
    expect(encs[2].end).toBe(doc.text.length);
  });
  it('reads provider, credential, specialty and kind', () => {
    expect(encs.map((e) => [e.provider.name, e.provider.credential, e.specialty, e.kind])).toEqual([
      ['Alan Turner', 'MD', 'pain_management', 'office_visit'],
      ['Mary Lee', 'PT, DPT', 'physical_therapy', 'pt_progress'],
      ['Jane Roe', 'DC', 'chiropractic', 'office_visit'],
    ]);
  });
  it('cites the date and provider spans', () => {
    expect(encs[0].evidence.map((e) => e.quote)).toEqual(expect.arrayContaining(['DATE OF SERVICE: 03/14/2024', 'Electronically signed by: Dr. Alan Turner, MD']));
    expectValidCitations(encs, [doc]);
  });
  it('one undated note without headers is one unknown encounter', () => {
    const e = splitEncounters(textDoc('Patient seen for knee pain. Plan: ice.'));
    expect(e).toHaveLength(1);
    expect([e[0].date, e[0].kind, e[0].specialty]).toEqual([undefined, 'unknown', 'unknown']);
  });
  it.each([
    ['MRI LUMBAR SPINE WITHOUT CONTRAST\nDate of Exam: 02/01/2024\nFINDINGS: L4-5 disc protrusion.\nIMPRESSION: Mild stenosis.', 'imaging', 'radiology'],
    ['INDEPENDENT MEDICAL EXAMINATION\nDate of Examination: May 3, 2024\nThe claimant was examined.', 'ime', 'ime'],
    ['FUNCTIONAL CAPACITY EVALUATION\nDate: 06/01/2024\nMaterial handling tested.', 'fce', 'fce'],
  ])('classifies %#', (text, kind, specialty) => {
    const [e] = splitEncounters(textDoc(text));
    expect([e.kind, e.specialty]).toEqual([kind, specialty]);
    expect(e.date).toBeDefined();
  });
});

describe('providers', () => {
  it.each([
    ['Electronically signed by: Dr. Jane Doe, DO', 'Jane Doe', 'DO'],
    ['Therapist: Mary Lee, PT, DPT', 'Mary Lee', 'PT, DPT'],
    ['Provider: John Smith MD', 'John Smith', 'MD'],
    ['\nJane Roe, D.C.\n', 'Jane Roe', 'DC'],
    // Accented letters belong to the name: it is not cut at the first of them.
    ['Signature: Lorena P. Castañón, MD      Date: 04/10/2025', 'Lorena P. Castañón', 'MD'],
    ['Provider: Ángel Müller-Øberg, DO', 'Ángel Müller-Øberg', 'DO'],
  ])('%s', (text, name, credential) => {
    expect(pickProvider(findProviders(text, 0, text.length))?.provider).toEqual({ name, credential });
  });
  it.each([['The physician: reviewed the chart.'], ['Therapist reviewed the home exercises with her.']])('no provider in %s', (text) => {
    expect(findProviders(text, 0, text.length)).toEqual([]);
  });
});
