import { describe, expect, it } from 'vitest';
import { ModalitySchema } from '../src/model/fact.js';
import { specialtiesIn, specialtyIs } from '../src/model/specialties.js';
import { isIn, MODALITIES, modalitiesIn, modalityWords, sessionOfSpecialty } from '../src/model/modalities.js';

describe('the modality table', () => {
  it('has a row for every modality in the contract', () => {
    expect(Object.keys(MODALITIES).sort()).toEqual([...ModalitySchema.options].sort());
  });
  it.each([
    ['spinal_procedure', 'injection'], ['injection', 'procedure'], ['procedure', 'active'], ['therapy', 'session'], ['spinal_procedure', 'active'],
  ] as const)('every %s is also %s', (narrow, wide) => {
    for (const m of modalitiesIn(narrow)) expect(isIn(m, wide), m).toBe(true);
  });
  it.each([
    ['epidural_injection', 'injection', true], ['trigger_point_injection', 'spinal_procedure', false], ['medication', 'carried_on', true],
    ['medication', 'active', false], ['psychology', 'session', true], ['psychology', 'active', false], ['surgical_consultation', 'procedure', false],
  ] as const)('%s in %s: %s', (m, c, yes) => expect(isIn(m, c)).toBe(yes));
  it('names a modality inside a sentence', () => {
    expect(modalityWords('epidural_injection')).toBe('epidural steroid injection');
    expect(modalityWords('tens')).toBe('TENS');
    expect(modalityWords('x_ray')).toBe('x ray');
  });
  it('a therapist\'s own note is a session of their discipline', () => {
    expect(sessionOfSpecialty('physical_therapy')).toBe('physical_therapy');
    expect(sessionOfSpecialty('occupational_therapy')).toBe('occupational_therapy');
    expect(sessionOfSpecialty('psychology')).toBe('psychology');
    expect(sessionOfSpecialty('primary_care')).toBeUndefined();
  });
});

describe('the specialty table', () => {
  it.each([
    ['physical_therapy', 'therapy', true], ['psychology', 'therapy', false], ['psychology', 'therapist', true],
    ['neurosurgery', 'surgical', true], ['fce', 'acceptable_source', false], ['ime', 'examiner', true], ['chiropractic', 'not_acceptable_source', true],
  ] as const)('%s is %s: %s', (s, c, yes) => expect(specialtyIs(s, c)).toBe(yes));
  it('every therapy discipline is a therapist, and no discipline is both an acceptable source and not one', () => {
    for (const s of specialtiesIn('therapy')) expect(specialtyIs(s, 'therapist')).toBe(true);
    for (const s of specialtiesIn('acceptable_source')) expect(specialtyIs(s, 'not_acceptable_source')).toBe(false);
  });
});

describe('every lexicon file loads through one validated reader', () => {
  it('a broken entry fails at load, naming the file and the field', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const os = await import('node:os');
    const { loadLexicon, readLexiconFile, RegexSource } = await import('../src/knowledge/lexicon.js');
    const { z } = await import('zod');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lex-'));
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ entries: [{ id: 'x', patterns: [] }] }));
    writeFileSync(path.join(dir, 'regex.json'), JSON.stringify({ cue: '(unclosed' }));
    const rel = (f: string) => path.relative(path.resolve('lexicon'), path.join(dir, f));
    expect(() => loadLexicon(rel('bad.json'))).toThrow(/bad\.json: entries\.0: an entry needs patterns or abbreviations/);
    expect(() => readLexiconFile(rel('regex.json'), z.object({ cue: RegexSource }))).toThrow(/regex\.json: cue: not a valid regular expression/);
  });
});
