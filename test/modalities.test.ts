import { describe, expect, it } from 'vitest';
import { ModalitySchema } from '../src/model/fact.js';
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
