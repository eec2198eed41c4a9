import { describe, expect, it } from 'vitest';
import type { CaseAnalysis } from '../src/model/index.js';
import { renderReport } from '../src/report/index.js';
import { citationLocation } from '../src/report/citation.js';
import { mdText } from '../src/report/markdown.js';
import { fixtureAnalysis } from './fixtures/analysis-fixture.js';
import { allEvidence, mapStrings, markdownCitations } from './report-helpers.js';

const md = renderReport(fixtureAnalysis, 'md');
const section = (title: string) => md.slice(md.indexOf(`## ${title}`), md.indexOf('\n## ', md.indexOf(`## ${title}`) + 3));

describe('Markdown report', () => {
  it('has every section the representative needs, in order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Summary', '## MMI (maximum medical improvement)', '## Treatment timeline', '## Functional floor', '## Trajectory',
      '## Duration (12-month requirement)', '## Gaps in the record (5)', '## For the claimant, in plain language',
      '## Documents', '## Appendix A: request letters', '## Appendix B: evidence cited', '## Disclaimer',
    ]);
  });

  it('states the claim header with documents read and failed', () => {
    expect(md).toContain('| Claim type | Social Security Disability Insurance (SSDI) |');
    expect(md).toContain('| Alleged onset | 2023-02-14 |');
    expect(md).toContain('| Date last insured | 2025-12-31 |');
    expect(md).toContain('| Documents | 3 read, 1 failed |');
  });

  it('calls implied MMI "inferred" and gives its date and confidence', () => {
    const mmi = section('MMI');
    expect(mmi).toContain('**Inferred (implied).** MMI inferred, not stated by any provider: about 2024-01-10 (confidence 72%, moderate)');
    expect(mmi).toContain('Statements that point the other way:');
    expect(mmi).toContain('[records/pt-notes.txt p.2 "Pt may benefit from additional PT after injection"]');
  });

  it('tables the treatment course with sessions, before → after, benefit and why it stopped', () => {
    const row = section('Treatment timeline').split('\n').find((l) => l.startsWith('| Physical therapy'))!;
    expect(row).toContain('| 2023-03-08 → 2023-05-10 | 12 | Disability (ODI 0–100): 56 → 52; Pain (NRS 0–10): 8 → 7 |');
    expect(row).toContain('completed: progress plateaued; discharged to home exercise | Marcus Lee, DPT (physical therapy) |');
    const esi = section('Treatment timeline').split('\n').find((l) => l.startsWith('| Epidural'))!;
    expect(esi).toContain('60% relief for 42 days [records/pain-management.txt p.2 "60% relief lasting about 6 weeks"]');
  });

  it('shows floor consistency, trends against the MCID and the 12-month verdict', () => {
    expect(section('Functional floor')).toMatch(/\| Lifting \| lift no more than 10 lb \|.*\| 3 \| Priya Natarajan, MD \(pain management\); Marcus Lee, DPT \(physical therapy\) \| provider \| corroborated \|/);
    expect(section('Trajectory')).toMatch(/\| Disability \(ODI 0–100\) \| 58 \(2023-03-02\) → .* → 50 \(2024-01-10\) \| -8 \| 10 \| plateau \(change smaller than the MCID\) \|/);
    expect(section('Duration')).toContain('Span: 10.9 months. Expected:');
  });

  it('orders gaps by severity with rule, authority, recipient and the exact question', () => {
    const gaps = section('Gaps in the record');
    expect(gaps.indexOf('[HIGH] MMI implied but never stated')).toBeLessThan(gaps.indexOf('[LOW] Limitation documented by one source only'));
    expect(gaps).toContain('- **Rule:** `no-treating-source-opinion`, resting on 20 CFR 404.1513(a)(2) (<https://www.ssa.gov/OP_Home/cfr20/404/404-1513.htm>)');
    expect(gaps).toContain('- **Request to:** Samuel Okafor, MD');
    expect(gaps).toContain('- **Ask:** What percent relief did the 06/15/2023 L5-S1 ESI give, and for how many weeks?');
  });

  it('cites exhibits as Ex. n/p with the transcript page and marks OCR text', () => {
    expect(md).toContain('[Ex. 5F/2, Tr. 488 "Patient declined surgery at this time" · OCR 71%]');
  });

  it('lists failed files and ends with the disclaimer', () => {
    expect(md).toContain('- records/scan-2024-02.pdf: no text layer and OCR failed: image too small');
    expect(md.trimEnd().endsWith('It is educational and does not replace professional judgement.')).toBe(true);
  });

  it('every inline citation matches an evidence item of the analysis', () => {
    const cites = markdownCitations(md);
    expect(cites.length).toBeGreaterThan(40);
    const evidence = allEvidence(fixtureAnalysis);
    for (const c of cites) {
      const quote = c.quote.replace(/…$/, '');
      const match = evidence.find((e) => citationLocation(e) === c.location && e.quote.replace(/\s+/g, ' ').startsWith(quote)
        && (c.ocr === undefined || Math.round(e.ocr!.confidence) === c.ocr));
      expect(match, `citation ${c.location} "${c.quote}"`).toBeDefined();
    }
  });

  it('escapes record text so hostile notes stay text', () => {
    expect(md).not.toMatch(/<script/i);
    expect(md).toContain('&lt;script&gt;alert(\\"pwned\\")&lt;/script&gt;');
    const hostile = mapStrings(fixtureAnalysis, new Set(['quote', 'text', 'summary', 'why', 'ask', 'to', 'provider', 'providers', 'title', 'error', 'label', 'reasonStopped']),
      (s) => `${s} <img src=x onerror=alert(1)> ](javascript:alert(1)) | **bold**\n# heading`) as CaseAnalysis;
    const out = renderReport(hostile, 'md');
    const outsideFences = out.replace(/(`{3,})text\n[\s\S]*?\n\1\n/g, '');
    expect(outsideFences).not.toMatch(/<img/);
    expect(outsideFences).not.toMatch(/^# heading/m);
    expect(outsideFences).not.toMatch(/[^\\]\]\(javascript/);
    // Each table row keeps its column count despite "|" in record text.
    const floorRows = outsideFences.split('\n').filter((l) => l.startsWith('| Lifting'));
    expect(floorRows[0].split(/(?<!\\)\|/).length).toBe(10);
  });

  it.each([
    ['a<b>c', 'a&lt;b&gt;c'],
    ['pain | 7/10', 'pain \\| 7/10'],
    ['[link](x)', '\\[link\\](x)'],
    ['*emph* _u_ `code`', '\\*emph\\* \\_u\\_ \\`code\\`'],
    ['line one\nline two', 'line one line two'],
  ])('mdText(%j) → %j', (input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it('says so when a section has nothing to show', () => {
    const empty: CaseAnalysis = {
      ...fixtureAnalysis, timeline: [], functionalFloor: [], gaps: [], trajectory: { prognosis: [], objectiveFindings: [], trends: [] },
      mmi: { status: 'insufficient_evidence', confidence: 0, reasons: [], conflicts: [], evidence: [] },
    };
    const out = renderReport(empty, 'md');
    expect(out).toContain('Not enough evidence in the record to judge MMI');
    expect(out).toContain('No treatment was found in the record.');
    expect(out).toContain('No gap rule fired.');
    expect(out).not.toContain('Appendix A: request letters');
  });
});
