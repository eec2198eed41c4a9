import { describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../src/model/index.js';
import { rule } from '../src/analyze/gaps/rules/misfiled-document.js';
import { documentGaps } from './helpers/document-gaps.js';
import { conceptsOf } from '../src/eval/gap-concepts.js';

const gaps = (extra: DocumentStatus[]) => documentGaps(rule, 'ssdi', extra);
const doc = (file: string, misfiled?: string, exhibit?: string): DocumentStatus => ({
  file, status: 'ok', warnings: [], pages: 1, encounters: [], ...(exhibit ? { exhibit } : {}),
  ...(misfiled ? { misfiled: { reason: misfiled, evidence: [{ file, page: 1, start: 0, end: 28, quote: 'Patient: ROE, JANE  DOB 02/03/1971' }] } } : {}),
});

describe('misfiled-document', () => {
  it('valid: every paper is the claimant\'s', () => expect(gaps([doc('mri.txt')])).toEqual([]));
  it('invalid: another patient\'s page is named, asked to be removed, and the claimant\'s own record asked for', () => {
    const g = gaps([doc('12F_xray.txt', 'names a patient born 1971-02-03 (Jane Roe), while the claimant\'s records give 1965-05-09', '12F'), doc('mri.txt')]);
    expect(g).toHaveLength(1);
    expect(g[0].why).toMatch(/Exhibit 12F \(12F_xray\.txt\): names a patient born 1971-02-03/);
    expect(g[0].request.ask).toMatch(/remove this record .*claimant's own record/);
    expect(g[0].evidence[0].quote).toBe('Patient: ROE, JANE  DOB 02/03/1971');
  });
  it('invalid: two misfiled papers make one request', () => {
    expect(gaps([doc('a.txt', 'another patient'), doc('b.txt', 'another patient')])).toHaveLength(1);
  });
  it.each([
    ['Exhibit 8F belongs to a different patient (R. Doe) and must be removed.', true],
    ['The misfiled lab report should be returned to the sender.', true],
    ['The operative report belongs to the claimant\'s surgeon.', false],
  ])('a reviewer\'s gap about it shares the concept: %s', (text, shared) => {
    expect(conceptsOf(text).has('misfiled')).toBe(shared);
  });
});
