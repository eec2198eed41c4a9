import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/report/index.js';
import { fixtureAnalysis } from './fixtures/analysis-fixture.js';

/** SSA's 12-month duration rule is not the test in workers' comp or injury claims: the reports must not apply it there. */
describe('duration wording follows the claim type', () => {
  it.each(['md', 'html'] as const)('%s: SSDI speaks of the 12-month requirement, workers comp of injury to MMI', (format) => {
    const ssdi = renderReport(fixtureAnalysis, format);
    expect(ssdi).toContain('Duration (12-month requirement)');
    const wc = renderReport({
      ...fixtureAnalysis,
      claim: { type: 'workers_comp', onset: '2023-04-18' },
      duration: { ...fixtureAnalysis.duration, dli: undefined, evidenceBeforeDli: undefined },
    }, format);
    expect(wc).toContain('Duration (injury to MMI)');
    expect(wc).toContain('Date of injury');
    expect(wc).not.toMatch(/12 months:|12-month requirement/);
    expect(wc).not.toContain('Date last insured');
    expect(ssdi).toContain('Date last insured');
  });
});
