import { expect } from 'vitest';
import { verifyCitations, type SourceDocument } from '../../src/model/index.js';

/** Assert the spine invariant on every evidence item inside `value`: quote === source text at its offsets. */
export function expectValidCitations(value: unknown, documents: SourceDocument[]): number {
  const texts = new Map(documents.map((d) => [d.file, d]));
  const { checked, problems } = verifyCitations(value, texts);
  expect(problems.slice(0, 5)).toEqual([]);
  return checked;
}
