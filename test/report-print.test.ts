/**
 * The report's first page, printed: header and summary (verdict, date, confidence, reasons, main conflict,
 * functional floor, the gaps that matter) must fit one sheet, so a representative reads it in two minutes.
 * Chromium prints the real HTML with the report's own print stylesheet; only the sections after the summary are
 * hidden, and the PDF's page count is read back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/pipeline.js';
import { renderHtml } from '../src/report/index.js';
import type { Claim } from '../src/model/index.js';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '..');
const casesDev = path.resolve(root, '../shared/data/cases-dev');

const CLAIM_OF: Record<string, Claim['type']> = { ssdi: 'ssdi', ssi: 'ssi', wc: 'workers_comp', pi: 'personal_injury', workers_comp: 'workers_comp', personal_injury: 'personal_injury' };

function claimOf(dir: string): Claim {
  const raw = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as Record<string, string | null>;
  const type = CLAIM_OF[raw.claim ?? raw.type ?? ''] ?? 'general';
  return { type, onset: raw.onset ?? undefined, dli: raw.dli ?? undefined, state: raw.state ?? undefined };
}

function recordFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => !['case.json', 'truth.json', 'expected.json'].includes(n) && !n.startsWith('.')).sort().map((n) => path.join(dir, n));
}

const EXAMPLES = ['lumbar-ssdi', 'shoulder-wc', 'neck-pi'];
const cases = [
  ...EXAMPLES.map((n) => path.join(root, 'examples', n)),
  ...(existsSync(casesDev) ? readdirSync(casesDev).filter((n) => existsSync(path.join(casesDev, n, 'case.json'))).map((n) => path.join(casesDev, n)) : []),
];

/** Everything after the summary hidden: what is left is the first page as the report prints it. */
const FIRST_PAGE_ONLY = 'main>section:not(#summary),footer{display:none!important}';

describe('the printed first page', () => {
  let browser: Browser;
  beforeAll(async () => {
    expect(existsSync(CHROMIUM), 'chromium is installed by scripts/setup.sh --with-browser').toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => { await browser?.close(); });

  async function printedPages(html: string, format: 'Letter' | 'A4'): Promise<number> {
    const page = await browser.newPage();
    try {
      // Offline by construction: the report has no external resources, and any request would fail the test.
      await page.route('**/*', (r) => (r.request().url().startsWith('data:') ? r.continue() : r.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      await page.addStyleTag({ content: FIRST_PAGE_ONLY });
      const pdf = await page.pdf({ format, preferCSSPageSize: false });
      return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    } finally {
      await page.close();
    }
  }

  it.each(cases.map((c) => [path.basename(c), c]))('%s: header and summary fit one Letter page', async (_name, dir) => {
    const run = await analyzePaths(recordFiles(dir), claimOf(dir));
    const html = renderHtml(run.analysis);
    expect(html).toContain('id="summary"');
    expect(await printedPages(html, 'Letter')).toBe(1);
  }, 60_000);

  it('and one A4 page for the examples', async () => {
    for (const dir of cases.slice(0, EXAMPLES.length)) {
      const run = await analyzePaths(recordFiles(dir), claimOf(dir));
      expect(await printedPages(renderHtml(run.analysis), 'A4')).toBe(1);
    }
  }, 60_000);
});
