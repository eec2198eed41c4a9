import { describe, expect, it } from 'vitest';
import type { CaseAnalysis, Evidence } from '../src/model/index.js';
import { renderReport } from '../src/report/index.js';
import { ProviderNames } from '../src/report/providers.js';
import { EvidenceRanker } from '../src/report/relevance.js';
import { executiveSummary } from '../src/report/summary.js';
import { ev, fixtureAnalysis } from './fixtures/analysis-fixture.js';

const P = 'records/pain-management.txt';
const T = 'records/pt-notes.txt';
const N5 = 'exhibits/5F-neurosurgery.pdf';

describe('citation compaction', () => {
  // A long medication course citing a note at every visit; repeated citations of one quote count once.
  const refill = ev(P, 'Continue current management');
  const many: Evidence[] = [ev(P, 'Start gabapentin 300 mg TID'), ev(P, 'Gabapentin at max tolerated dose'), ev(T, 'NRS 8/10'), ev(T, 'NRS 7/10'),
    ev(P, 'Pain 8/10 today'), ev(P, 'ODI 58%'), ev(T, 'ODI 56%'), ev(T, 'ODI 52%'), refill, refill, refill];
  const busy: CaseAnalysis = {
    ...fixtureAnalysis,
    timeline: fixtureAnalysis.timeline.map((t, i) => (i === 2 ? { ...t, evidence: many } : t)),
  };
  const html = renderReport(busy, 'html');
  const row = html.match(/<tr>\n<th scope="row">Medication \(gabapentin\)[\s\S]*?<\/tr>/)![0];

  it('shows at most three citations per treatment and folds the rest behind "+N more"', () => {
    const lastCell = row.slice(row.lastIndexOf('<td>'));
    const shown = lastCell.slice(0, lastCell.indexOf('<details class="more">'));
    expect(shown.match(/<details class="cite"/g)).toHaveLength(3);
    // The start of the course and the dated event that ends the list are among them.
    expect(shown).toContain('Start gabapentin 300 mg TID');
    expect(lastCell).toMatch(/<details class="more"><summary>\+6 more<span class="print-only">: E\d+, E\d+, E\d+, E\d+, E\d+, E\d+<\/span><\/summary>/);
  });

  it('still numbers every cited item in the appendix, folded ones included', () => {
    for (const e of many) expect(html).toContain(`data-file="${e.file}" data-page="${e.page}" data-start="${e.start}" data-end="${e.end}"`);
  });

  it('picks the latest, the earliest and another file for a limitation', () => {
    const ranker = new EvidenceRanker(fixtureAnalysis);
    const list = [ev(P, 'Start gabapentin 300 mg TID'), ev(P, 'Continue current management'), ev(P, 'Pain 8/10 today'), ev(N5, 'Patient declined surgery at this time')];
    const { shown, rest } = ranker.spread(list, 3);
    expect(shown.map((e) => e.quote)).toEqual(['Start gabapentin 300 mg TID', 'Patient declined surgery at this time', 'Continue current management']);
    expect(rest.map((e) => e.quote)).toEqual(['Pain 8/10 today']);
  });
});

describe('executive summary', () => {
  const a = fixtureAnalysis;
  const s = executiveSummary(a, new EvidenceRanker(a), new ProviderNames(a));

  it('gives the MMI verdict with its confidence and the maintenance visit that marks it', () => {
    expect(s.mmi.text).toContain('MMI inferred, not stated by any provider: about 2024-01-10 (confidence 72%, moderate)');
    expect(s.mmi.evidence?.quote).toBe('Continue current management');
  });

  it('states duration against 12 months and the three strongest limitations, corroborated first', () => {
    expect(s.duration.text).toMatch(/^10\.9 months documented \(2023-02-14 to 2024-01-10\)\. 12 months: Expected/);
    expect(s.limitations.map((l) => l.text)).toEqual([
      'Lifting: lift no more than 10 lb (corroborated, 3 visits, 2 providers)',
      'Sitting: alternate sitting and standing every 30 minutes (single provider, 2 visits)',
      'Walking: walk about one block (patient report) (single visit, patient report)',
    ]);
    for (const l of s.limitations) expect(l.evidence).toBeDefined();
  });

  it('merges activities that share one stated restriction, and groups repeated gaps', () => {
    const lift = a.functionalFloor[0];
    const merged: CaseAnalysis = {
      ...a,
      functionalFloor: [lift, { ...lift, activity: 'bend', summary: 'Lift no more than 10 lb.' }],
      gaps: [a.gaps[4], { ...a.gaps[4], why: 'The sitting limit appears once.' }, a.gaps[1]],
    };
    const m = executiveSummary(merged, new EvidenceRanker(merged), new ProviderNames(merged));
    expect(m.limitations.map((l) => l.text)).toEqual(['Lifting, Bending: lift no more than 10 lb (corroborated, 3 visits, 2 providers)']);
    expect(m.gaps.map((g) => [g.severity, g.text])).toEqual([
      ['high', 'MMI implied but never stated: ask Priya Natarajan, MD (pain management).'],
      ['low', 'Limitation documented by one source only (2 instances): ask Marcus Lee, DPT (physical therapy).'],
    ]);
  });

  it('opens both reports, each line with one citation', () => {
    const html = renderReport(a, 'html');
    const summary = html.slice(html.indexOf('<section id="summary"'), html.indexOf('<section id="mmi"'));
    // Verdict, its three reasons, main conflict, duration, limitations and five gaps: one printed page.
    expect(summary.match(/<li>/g)!.length).toBeLessThanOrEqual(16);
    expect(summary).toContain('<span class="sev high">high</span> MMI implied but never stated');
    const md = renderReport(a, 'md');
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## MMI'));
    expect(md).toContain('- **MMI:** MMI inferred, not stated by any provider: about 2024-01-10 (confidence 72%, moderate).');
  });
});
