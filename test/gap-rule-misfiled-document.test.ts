import { describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../src/model/index.js';
import { buildContext } from '../src/analyze/case-context.js';
import { assessMmi } from '../src/analyze/mmi.js';
import { buildFloor } from '../src/analyze/floor.js';
import { buildTimeline } from '../src/analyze/timeline.js';
import { buildTrajectory } from '../src/analyze/trajectory.js';
import { buildDuration } from '../src/analyze/duration.js';
import { profileFor } from '../src/profiles/index.js';
import { rule } from '../src/analyze/gaps/rules/misfiled-document.js';
import { CaseBuilder, DR_PATEL } from './helpers/facts.js';
import { conceptsOf } from '../src/eval/gap-concepts.js';

function gaps(extra: DocumentStatus[]) {
  const b = new CaseBuilder().visit('2024-01-05', DR_PATEL).fact('limitation', { activity: 'sit', source: 'provider', text: 'sit 20 min' }, 'Sitting limited to 20 minutes.');
  const input = b.input({ type: 'ssdi' });
  const ctx = buildContext(input.claim, profileFor('ssdi'), input.encounters, input.facts);
  const mmi = assessMmi(ctx);
  const floor = buildFloor(ctx);
  return rule.check({ ...ctx, timeline: buildTimeline(ctx), mmi, floor, trajectory: buildTrajectory(ctx), duration: buildDuration(ctx, mmi, floor), documents: [...input.documents, ...extra] });
}
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
