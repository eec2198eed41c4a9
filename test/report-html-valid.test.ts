/**
 * Every HTML Plateau writes is valid HTML, checked offline by html-validate: the report of each example and of
 * realistic cases (forms, ledgers, misfiled documents), the report with a reviewer's changes and with hostile
 * record text, the workspace's claimant page and printable letters, and the UI shell. A table of invalid snippets
 * proves the rules that matter most do fire, so a clean result means something.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CLAIM_OF_KEY } from '../src/eval/reviewer-key.js';
import type { CaseAnalysis, Claim } from '../src/model/index.js';
import { analyzePaths } from '../src/pipeline.js';
import { renderHtml } from '../src/report/index.js';
import { buildExport } from '../src/workspace/exports.js';
import { fixtureAnalysis } from './fixtures/analysis-fixture.js';
import { mapStrings } from './report-helpers.js';

// letters.pdf is printed from HTML that only ever reaches Chromium: a stand-in browser hands it to the validator.
const printed = vi.hoisted(() => {
  vi.stubEnv('PLATEAU_CHROMIUM', process.execPath);
  return [] as string[];
});
vi.mock('playwright-core', () => ({
  chromium: {
    launch: async () => ({
      newPage: async () => ({ route: async () => undefined, setContent: async (html: string) => { printed.push(html); }, pdf: async () => Buffer.alloc(0) }),
      close: async () => undefined,
    }),
  },
}));
afterAll(() => { vi.unstubAllEnvs(); });

/** html-validate's recommended rules; off only what is a matter of taste, never of validity. */
const CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // `<!doctype html>` in lower case is as valid as upper case; every Plateau page writes it so.
    'doctype-style': 'off',
    // `<meta>` and `<meta />` are both valid void elements; the UI shell (Vite's template) self-closes them.
    'void-style': 'off',
    // Quotes reproduce the record exactly, trailing spaces included (they display with white-space: pre-wrap).
    'no-trailing-whitespace': 'off',
    // Not in the preset, switched on: sections and the timeline are labelled by id, so a dangling id is a fault.
    'no-missing-references': 'error',
  },
};
const validator = new HtmlValidate(CONFIG);

/** Every error as "file:line:column rule-id message", the first 40 of them (a broken renderer makes hundreds). */
async function errorsOf(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  const lines = report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
  return lines.length > 40 ? [...lines.slice(0, 40), `… and ${lines.length - 40} more`] : lines;
}

const root = path.resolve(import.meta.dirname, '..');
const casesDev = path.resolve(root, '../shared/data/cases-dev');

/** The claim as the folder's case.json states it, as `plateau analyze DIR` reads it. */
function claimOf(dir: string): Claim {
  const raw = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as Record<string, string | null>;
  const type = CLAIM_OF_KEY[raw.claim as keyof typeof CLAIM_OF_KEY] ?? 'general';
  return { type, onset: raw.onset ?? undefined, dli: raw.dli ?? undefined, state: raw.state ?? undefined };
}

const CASES: [string, string][] = [
  ['lumbar-ssdi', path.join(root, 'examples/lumbar-ssdi')],
  ['shoulder-wc', path.join(root, 'examples/shoulder-wc')],
  ['neck-pi', path.join(root, 'examples/neck-pi')],
  // SSA-3373 function report, a pain-clinic account statement, another patient's discharge summary.
  ['dev-mixed-05', path.join(casesDev, 'dev-mixed-05')],
  // DWC-25 forms, a utilisation-review denial, an inbound fax about another patient.
  ['dev-wc-03', path.join(casesDev, 'dev-wc-03')],
  // A billing ledger, procedure notes and an impairment and future-care report (the supports section).
  ['dev-pi-01', path.join(casesDev, 'dev-pi-01')],
  // DWC-069/073 checkbox forms and PT flowsheets whose quoted lines keep their column padding.
  ['dev-wc-01', path.join(casesDev, 'dev-wc-01')],
];

describe('every HTML Plateau writes validates', () => {
  it.each(CASES)('the report of %s', async (name, dir) => {
    const run = await analyzePaths([dir], claimOf(dir));
    expect(run.analysis.documents.length).toBeGreaterThan(3);
    expect(await errorsOf(renderHtml(run.analysis), name)).toEqual([]);
  }, 60_000);

  it('the report with a reviewer\'s override, corrections and gap review, and with hostile record text', async () => {
    const reviewed: CaseAnalysis = {
      ...fixtureAnalysis,
      mmi: { ...fixtureAnalysis.mmi, status: 'explicit', date: '2024-02-01', reviewerOverride: { status: 'explicit', date: '2024-02-01', reason: 'the IME & the treating surgeon agree', original: { status: fixtureAnalysis.mmi.status, date: fixtureAnalysis.mmi.date } } },
      gaps: fixtureAnalysis.gaps.map((g, i) => (i === 0 ? { ...g, review: { state: 'dismissed', reason: 'already on file', at: '2024-05-01T10:00:00Z' } } : g)),
      corrections: [
        { id: 1, target: 'verdict', action: 'override', summary: 'MMI stated on 2024-02-01', reason: 'IME', createdAt: '2024-05-01T10:00:00Z', matched: true },
        { id: 2, target: 'fact', action: 'reject', summary: 'Lifting limit rejected', createdAt: '2024-05-02T10:00:00Z', matched: false },
      ],
    };
    const html = renderHtml(reviewed);
    expect(html).toContain('Changed by the reviewer');
    expect(html).toContain('Reviewer corrections (2)');
    expect(html).toContain('<p class="review">');
    expect(await errorsOf(html, 'reviewed')).toEqual([]);
    const payload = '<img src=x onerror=alert(1)></details></td></table><h2 id="ev-1">"\'&';
    const hostile = mapStrings(reviewed, new Set(['quote', 'text', 'summary', 'why', 'ask', 'to', 'cite', 'file', 'provider', 'providers', 'title', 'error', 'label', 'reason', 'reasonStopped', 'statedBy', 'questions', 'instrument', 'subtype', 'disclaimer', 'generatedBy']),
      (s) => `${s}${payload}`);
    expect(await errorsOf(renderHtml(hostile), 'hostile')).toEqual([]);
  });

  it('the workspace\'s claimant page and printable letters', async () => {
    const entries = [{ id: 1, date: '2024-03-01', kind: 'expense' as const, title: 'Co-pay <PT>', text: 'Receipt & note', amount: 40, createdAt: '2024-03-01T09:00:00Z', source: 'claimant' as const }];
    expect(await errorsOf(String(await buildExport('claimant.html', fixtureAnalysis, 'Jane Doe', entries)), 'claimant.html')).toEqual([]);
    await buildExport('letters.pdf', fixtureAnalysis, 'Jane Doe');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('<section class="letter">');
    expect(await errorsOf(printed[0], 'letters.html')).toEqual([]);
  });

  it('the workspace UI shell (ui/index.html)', async () => {
    expect(await errorsOf(readFileSync(path.join(root, 'ui/index.html'), 'utf8'), 'ui/index.html')).toEqual([]);
  });
});

/** A complete, valid page around one snippet, so only the snippet can be at fault. */
const page = (body: string) => `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Snippet</title>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;

/** The faults a renderer most easily makes, each with the rule that must catch it. */
const CAUGHT: [rule: string, fault: string, snippet: string][] = [
  ['element-permitted-content', '<details> inside phrasing content', '<span><details><summary>E1</summary>quote</details></span>'],
  ['no-implicit-close', 'a block that silently ends a paragraph', '<p>Reasons <details><summary>E1</summary>quote</details></p>'],
  ['close-order', 'misnested elements', '<p><strong>MMI</p></strong>'],
  ['no-dup-id', 'a duplicate id', '<p id="ev-1">a</p><p id="ev-1">b</p>'],
  ['no-missing-references', 'a label pointing at no id', '<section aria-labelledby="h-none"><h2>Gaps</h2></section>'],
  ['attribute-allowed-values', 'an invalid attribute value', '<table><thead><tr><th scope="column">Date</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>'],
  ['element-permitted-order', 'a caption after the table body', '<table><tbody><tr><td>x</td></tr></tbody><caption>Treatment</caption></table>'],
  ['element-permitted-order', '<summary> not first in <details>', '<details><p>quote</p><summary>E1</summary></details>'],
  ['prefer-tbody', 'table rows outside a <tbody>', '<table><tr><td>x</td></tr></table>'],
  ['empty-heading', 'an empty heading', '<h2></h2>'],
  ['no-raw-characters', 'record text left unescaped', '<p>pain 8 & worse</p>'],
  ['attr-spacing', 'a quote left unescaped in an attribute', '<a href="#ev-1" title="says "no"">E1</a>'],
];

describe('the validator catches what matters', () => {
  it('a clean page passes', async () => {
    expect(await errorsOf(page('<p>No gap rule fired.</p>'), 'clean')).toEqual([]);
  });

  it.each(CAUGHT)('%s: %s', async (rule, _fault, snippet) => {
    const errors = await errorsOf(page(snippet), 'snippet');
    expect(errors.some((e) => e.split(' ')[1] === rule), errors.join('\n')).toBe(true);
  });
});
