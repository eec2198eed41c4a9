import { describe, expect, it, vi } from 'vitest';

// The analysis of every case throws: the harness must score the failure and go on, not abort the set.
vi.mock('../src/pipeline.js', () => ({ analyzePaths: async () => { throw new RangeError('Maximum call stack size exceeded'); } }));
const { evaluateDir } = await import('../src/eval/run.js');

describe('a case the analysis fails on', () => {
  it('is scored as a case with nothing found, and the other cases are still scored', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { reviewer } = await evaluateDir('../shared/data/cases-dev');
    expect(reviewer.length).toBeGreaterThan(1);
    expect(reviewer.every((r) => r.gaps.reported === 0)).toBe(true);
    expect(stderr.mock.calls.some(([m]) => String(m).includes('analysis failed: Maximum call stack size exceeded'))).toBe(true);
    stderr.mockRestore();
  });
});
