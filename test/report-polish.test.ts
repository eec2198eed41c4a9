import { describe, expect, it } from 'vitest';
import type { CaseAnalysis, Evidence, TimelineEntry } from '../src/model/index.js';
import { renderReport } from '../src/report/index.js';
import { formatNumber, instrumentLabel, outcomePairs, tidyNumbers } from '../src/report/measures.js';
import { ProviderNames } from '../src/report/providers.js';
import { EvidenceRanker } from '../src/report/relevance.js';
import { executiveSummary } from '../src/report/summary.js';
import { ev, fixtureAnalysis } from './fixtures/analysis-fixture.js';

const P = 'records/pain-management.txt';
const T = 'records/pt-notes.txt';
const point = (instrument: string, value: number, date: string | undefined, e: Evidence) => ({ instrument, value, date, evidence: [e] });

describe('instrument labels and numbers', () => {
  it.each([
    ['NRS', 'Pain (NRS 0–10)'], ['ODI', 'Disability (ODI 0–100)'], ['QuickDASH', 'Arm disability (QuickDASH 0–100)'],
    ['LEFS', 'Leg function (LEFS 0–80)'], ['strength:ehl', 'Strength: EHL (0–5)'], ['ROM:forward flexion', 'Range of motion: forward flexion'],
    ['Berg', 'Berg'],
  ])('instrumentLabel(%j) → %j', (id, label) => expect(instrumentLabel(id)).toBe(label));

  it.each([[1.3499999999999999, '1.35'], [4.5, '4.5'], [-34.1, '-34.1'], [10, '10'], [27.299999, '27.3']])('formatNumber(%j) → %j', (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });

  it('tidies float noise in analysis sentences but leaves dates, scores and levels alone', () => {
    expect(tidyNumbers('strength:ehl changed 0, less than its MCID of 1.3499999999999999.')).toBe('strength:ehl changed 0, less than its MCID of 1.35.');
    expect(tidyNumbers('NRS 7.5/10 on 2023-03-02 at L4-5, 0.9 mg')).toBe('NRS 7.5/10 on 2023-03-02 at L4-5, 0.9 mg');
  });
});

describe('before → after pairs', () => {
  const base = fixtureAnalysis.timeline[0];
  const e = ev(T, 'ODI 56%');
  const entry = (before: TimelineEntry['outcomeBefore'], after: TimelineEntry['outcomeAfter']): TimelineEntry => ({ ...base, outcomeBefore: before, outcomeAfter: after });

  it('puts function scores before pain and drops impairment noise when a function or pain pair exists', () => {
    const pairs = outcomePairs(entry(
      [point('NRS', 8, '2022-03-21', e), point('ROM:forward flexion', 40, '2022-03-21', e), point('strength:ehl', 4, '2022-03-21', e), point('ODI', 48, '2022-03-30', e)],
      [point('NRS', 6, '2022-07-11', e), point('strength:ehl', 4.5, '2022-07-11', e), point('ODI', 46, '2022-07-11', e)],
    ));
    expect(pairs.map((p) => p.instrument)).toEqual(['ODI', 'NRS']);
  });

  it('hides pairs with a missing side or measured at the same visit', () => {
    const pairs = outcomePairs(entry(
      [point('ROM:forward flexion', 40, '2022-03-21', e), point('NRS', 7, '2023-08-28', e)],
      [point('ODI', 44, '2024-11-11', e), point('NRS', 7, '2023-08-28', e)],
    ));
    expect(pairs).toEqual([]);
  });

  it('falls back to impairment measures when nothing else was paired', () => {
    const pairs = outcomePairs(entry([point('strength:abduction', 3, '2023-07-01', e)], [point('strength:abduction', 4, '2023-11-13', e)]));
    expect(pairs.map((p) => p.label)).toEqual(['Strength: abduction (0–5)']);
  });
});

describe('provider names', () => {
  const withLists = (lists: string[][]): CaseAnalysis => ({
    ...fixtureAnalysis,
    timeline: lists.map((providers) => ({ ...fixtureAnalysis.timeline[0], providers })),
    functionalFloor: [],
  });

  it('shows each person once under their most frequent specialty', () => {
    const a = withLists([
      ['Helen Marchetti, MD (orthopedic surgery)'], ['Helen Marchetti, MD (orthopedic surgery)', 'Marcus Lee, DPT'],
      ['Helen Marchetti, MD (primary care)', 'Helen Marchetti, MD', 'Dr. Marchetti (primary care)', 'Marcus Lee, DPT (physical therapy)'],
    ]);
    expect(new ProviderNames(a).display(a.timeline[2].providers)).toEqual(['Helen Marchetti, MD (orthopedic surgery)', 'Marcus Lee, DPT (physical therapy)']);
  });

  it('keeps two people who share a surname apart, and leaves an ambiguous "Dr. Surname" as written', () => {
    const a = withLists([['Samuel Okafor, MD (neurosurgery)', 'Anita Okafor, MD (primary care)', 'Dr. Okafor (pain management)']]);
    expect(new ProviderNames(a).display(a.timeline[0].providers)).toEqual(['Samuel Okafor, MD (neurosurgery)', 'Anita Okafor, MD (primary care)', 'Dr. Okafor (pain management)']);
  });

  it('leaves names it never saw unchanged', () => {
    expect(new ProviderNames(fixtureAnalysis).display(['the treating psychology provider'])).toEqual(['the treating psychology provider']);
  });
});

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
const N5 = 'exhibits/5F-neurosurgery.pdf';

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
