import { describe, expect, it } from 'vitest';
import type { CaseAnalysis } from '../src/model/index.js';
import { renderReport } from '../src/report/index.js';
import { escapeHtml, html } from '../src/report/html-template.js';
import { dayOf, timelineSvg } from '../src/report/timeline-svg.js';
import { fixtureAnalysis } from './fixtures/analysis-fixture.js';
import { allEvidence, decodeHtml, mapStrings } from './report-helpers.js';

const out = renderReport(fixtureAnalysis, 'html');
const svg = out.match(/<svg class="timeline"[\s\S]*?<\/svg>/)![0];

describe('HTML report', () => {
  it('is one self-contained document: no external scripts, styles, images or fonts', () => {
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).not.toMatch(/<(?:script|img|link|iframe)[^>]+(?:src|href)=/i);
    expect(out).not.toMatch(/url\((?!#)/);
    expect(out).not.toMatch(/@import/);
    expect(out.match(/<script>/g)).toHaveLength(1);
    // The only external links are the authorities' URLs in the gaps.
    const hrefs = [...out.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).filter((h) => !h.startsWith('#'));
    expect(hrefs.every((h) => /^https:\/\/www\.ssa\.gov\//.test(h))).toBe(true);
  });

  it('is accessible: headings, table headers, labelled SVG', () => {
    expect(out).toContain('<html lang="en">');
    expect(out.match(/<h1>/g)).toHaveLength(1);
    expect(out).toContain('<h2 id="h-mmi">MMI (maximum medical improvement)</h2>');
    expect(out).toContain('<th scope="col">Before → after</th>');
    expect(svg).toContain('role="img" aria-labelledby="tl-title tl-desc"');
    expect(svg).toMatch(/<desc id="tl-desc">5 treatment lane\(s\): Physical therapy, Epidural steroid injection, Medication, Surgical consultation, Surgery; 2 outcome measure trend\(s\)/);
  });

  it('prints well: rows kept whole, headers repeated, folded citations printed as their evidence numbers', () => {
    const print = out.slice(out.indexOf('@media print'));
    expect(print).toMatch(/tr,li,[^{]*\{break-inside:avoid\}/);
    expect(print).toContain('thead{display:table-header-group}');
    expect(print).toContain('.print-only{display:inline}');
    expect(print).toContain('details.more>:not(summary){display:none}');
    // Every citation's summary carries its evidence number for paper readers.
    expect(out).toMatch(/<details class="cite" data-ev="1"><summary>\[[^\]]+\]<span class="print-only"> E1<\/span><\/summary>/);
  });

  it('says "inferred" for implied MMI with its confidence, and shows conflicts', () => {
    expect(out).toContain('<p class="verdict implied"><strong>Inferred (implied).</strong> MMI inferred, not stated by any provider: about 2024-01-10 (confidence 72%, moderate)');
    expect(out).toContain('<h3>Statements that point the other way</h3>');
  });

  it('draws one lane per modality, bars from first to last date, event ticks and a declined marker', () => {
    const lanes = [...svg.matchAll(/class="lane-label">([^<]+)</g)].map((m) => m[1]);
    expect(lanes).toEqual(['Physical therapy', 'Epidural steroid injection', 'Medication', 'Surgical consultation', 'Surgery', 'Disability (ODI 0–100)', 'Pain (NRS 0–10)']);
    const pt = svg.match(/<rect class="bar st-completed" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*><title>Physical therapy; 2023-03-08 to 2023-05-10; completed; 12 session\(s\); Marcus Lee, DPT<\/title>/);
    expect(pt).not.toBeNull();
    const med = svg.match(/<rect class="bar st-ongoing" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/)!;
    // The medication course (10 months) is drawn much longer than the PT course (2 months).
    expect(Number(med[2]) / Number(pt![2])).toBeGreaterThan(4);
    expect(svg.match(/<line class="ev"/g)!.length).toBe(7);
    expect(svg).toContain('<rect class="bar st-declined"');
    expect(svg).toContain('<g class="ev declined">');
  });

  it('marks onset, a far DLI at the edge, and inferred MMI dashed (stated MMI solid)', () => {
    expect(svg).toMatch(/<g class="mk onset">.*?>Onset</);
    expect(svg).toMatch(/<g class="mk dli">.*?>DLI 2025-12-31 →</);
    expect(svg).toMatch(/<g class="mk mmi-implied">.*?>MMI inferred \(72%\)</);
    expect(out).toContain('svg .mk.mmi-implied line{stroke:var(--medium);stroke-dasharray');
    const explicit = timelineSvg({ ...fixtureAnalysis, mmi: { ...fixtureAnalysis.mmi, status: 'explicit', statedBy: 'Samuel Okafor, MD' } })!.value;
    expect(explicit).toMatch(/<g class="mk mmi-explicit">.*?>MMI stated</);
    expect(explicit).not.toContain('mmi-implied');
  });

  it('plots outcome sparklines on the shared time axis', () => {
    const nrs = [...svg.matchAll(/<g class="spark">.*?<\/g>/g)].map((m) => m[0]).find((g) => g.includes('Pain (NRS'))!;
    expect(nrs.match(/<circle /g)).toHaveLength(5);
    expect(nrs).toContain('<title>NRS 8 on 2023-03-02</title>');
    expect(nrs).toMatch(/<polyline points="[\d., ]+"\/>/);
  });

  it('every citation shows an exact quote that matches an evidence item, numbered into the appendix', () => {
    const evidence = allEvidence(fixtureAnalysis);
    const appendix = new Map([...out.matchAll(/<li id="ev-(\d+)" data-file="([^"]*)" data-page="(\d+)" data-start="(\d+)" data-end="(\d+)">[\s\S]*?<blockquote>([\s\S]*?)<\/blockquote><\/li>/g)]
      .map((m) => [Number(m[1]), { file: decodeHtml(m[2]), page: Number(m[3]), start: Number(m[4]), end: Number(m[5]), quote: decodeHtml(m[6]) }]));
    expect(appendix.size).toBeGreaterThan(25);
    for (const entry of appendix.values()) {
      expect(evidence.some((e) => e.file === entry.file && e.page === entry.page && e.start === entry.start && e.end === entry.end && e.quote === entry.quote), JSON.stringify(entry)).toBe(true);
    }
    const cites = [...out.matchAll(/<details class="cite" data-ev="(\d+)">[\s\S]*?<blockquote>([\s\S]*?)<\/blockquote>/g)];
    expect(cites.length).toBeGreaterThan(50);
    for (const [, id, quote] of cites) expect(appendix.get(Number(id))?.quote).toBe(decodeHtml(quote));
  });

  it('escapes hostile record text everywhere, including the SVG', () => {
    expect(out).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(out).not.toContain('<script>alert');
    const payload = '<img src=x onerror=alert(1)><svg onload=alert(2)>"\'&';
    const hostile = mapStrings(fixtureAnalysis, new Set(['quote', 'text', 'summary', 'why', 'ask', 'to', 'cite', 'file', 'provider', 'providers', 'title', 'error', 'label', 'reasonStopped', 'statedBy', 'questions', 'instrument', 'subtype', 'disclaimer', 'generatedBy']),
      (s) => `${s}${payload}`) as CaseAnalysis;
    hostile.gaps[0].authority.url = 'javascript:alert(3)';
    const bad = renderReport(hostile, 'html');
    expect(bad).not.toMatch(/<img/i);
    expect(bad).not.toMatch(/<svg onload/i);
    expect(bad).not.toContain('javascript:');
    expect(bad.match(/<script/g)).toHaveLength(1);
    expect(bad).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders without a picture when nothing is dated', () => {
    const undated: CaseAnalysis = { ...fixtureAnalysis, timeline: [], trajectory: { ...fixtureAnalysis.trajectory, trends: [] } };
    expect(timelineSvg(undated)).toBeUndefined();
    expect(renderReport(undated, 'html')).toContain('<p>No dated treatment to draw.</p>');
  });
});

describe('html template', () => {
  it.each([
    ['<b>"x" & \'y\'</b>', '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;'],
    ['plain', 'plain'],
  ])('escapeHtml(%j)', (input, expected) => expect(escapeHtml(input)).toBe(expected));

  it('escapes interpolations but keeps nested templates as markup', () => {
    const inner = html`<em>${'<i>'}</em>`;
    expect(html`<p>${inner} ${['a<', inner]} ${undefined}${3}</p>`.value).toBe('<p><em>&lt;i&gt;</em> a&lt;<em>&lt;i&gt;</em> 3</p>');
  });

  it.each([['2023-03-08', 19424], ['2023-03', 19417], ['2023', 19358], ['n/a', undefined], [undefined, undefined]])('dayOf(%j)', (iso, day) => {
    expect(dayOf(iso)).toBe(day);
  });
});
