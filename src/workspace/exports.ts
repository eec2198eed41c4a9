/**
 * What a case exports: the report (HTML, PDF), the analysis JSON, a CSV chronology, the request letters (DOCX,
 * PDF, one per recipient) and the claimant's plain-language summary. All are built from the analysis with the
 * reviewer's corrections, and all show them. PDFs are printed locally by headless Chromium.
 */
import { existsSync } from 'node:fs';
import { Document, Packer, PageBreak, Paragraph, TextRun, HeadingLevel } from 'docx';
import type { CaseAnalysis, Fact } from '../model/index.js';
import { renderHtml, renderJson } from '../report/index.js';
import { renderLetters } from '../report/letters.js';
import { escapeHtml } from '../report/html-template.js';
import { usd } from '../util/money.js';
import type { ClaimantEntry } from './claimant-entries.js';
import { byCodePoint } from '../util/arrays.js';
import { csvCell } from '../util/csv.js';

export const EXPORTS = {
  'report.html': 'text/html; charset=utf-8',
  'report.pdf': 'application/pdf',
  'analysis.json': 'application/json; charset=utf-8',
  'chronology.csv': 'text/csv; charset=utf-8',
  'letters.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'letters.pdf': 'application/pdf',
  'claimant.html': 'text/html; charset=utf-8',
} as const;
export type ExportName = keyof typeof EXPORTS;

export class ExportUnavailable extends Error {}

const CHROMIUM = process.env.PLATEAU_CHROMIUM ?? '/usr/bin/chromium';

/** Print HTML to PDF in a local headless Chromium, with page numbers; any network request is refused. */
export async function printPdf(html: string, title: string): Promise<Buffer> {
  if (!existsSync(CHROMIUM)) throw new ExportUnavailable(`PDF export needs Chromium at ${CHROMIUM} (run scripts/setup.sh --with-browser, or set PLATEAU_CHROMIUM)`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (r) => (r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'Letter', printBackground: true, displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:7pt;width:100%;padding:0 12mm;color:#666">${escapeHtml(title)}</div>`,
      footerTemplate: '<div style="font-size:7pt;width:100%;text-align:center;color:#666">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '16mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}

function factSummary(f: Fact): string {
  const a = f.attributes as Record<string, unknown>;
  return Object.entries(a).filter(([, v]) => v !== undefined && v !== '' && typeof v !== 'object').map(([k, v]) => `${k}: ${String(v)}`).join('; ');
}

/** One row per dated fact about the claimant, in date order, each with its citation. */
export function chronologyCsv(a: CaseAnalysis): string {
  const encounters = new Map(a.documents.flatMap((d) => d.encounters.map((e) => [e.id, e])));
  const rows = a.facts
    .filter((f) => f.date && !f.negated && f.experiencer === 'patient' && f.temporality === 'current')
    .sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '') || byCodePoint(x.evidence[0].file, y.evidence[0].file) || x.evidence[0].start - y.evidence[0].start);
  const head = ['date', 'type', 'what', 'provider', 'file', 'page', 'exhibit', 'quote', 'reviewer'];
  const lines = rows.map((f) => {
    const e = f.evidence[0];
    const enc = encounters.get(f.encounterId);
    return [f.date, f.type, factSummary(f), enc?.provider, e.file, e.page, e.exhibit, e.quote.replace(/\s+/g, ' '), f.review].map(csvCell).join(',');
  });
  const notes = (a.corrections ?? []).map((k) => ['', 'reviewer correction', k.summary, '', '', '', '', k.reason ?? '', k.createdAt.slice(0, 10)].map(csvCell).join(','));
  return `\uFEFF${[head.join(','), ...lines, ...notes].join('\r\n')}\r\n`;
}

function lettersHtml(a: CaseAnalysis): string {
  const letters = renderLetters(a);
  const body = letters.map((l) => `<section class="letter"><h2>To: ${escapeHtml(l.to)}</h2><p><strong>Re: ${escapeHtml(l.subject)}</strong></p>${l.body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('')}</section>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request letters</title><style>body{font:11pt/1.45 Georgia,serif;max-width:40rem;margin:auto}section.letter{break-after:page}h2{font-size:12pt}</style></head><body>${body || '<p>No requests: no gap needs a letter.</p>'}</body></html>`;
}

async function lettersDocx(a: CaseAnalysis): Promise<Buffer> {
  const letters = renderLetters(a);
  const children: Paragraph[] = [];
  letters.forEach((l, i) => {
    if (i) children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(new Paragraph({ text: `To: ${l.to}`, heading: HeadingLevel.HEADING_2 }));
    children.push(new Paragraph({ children: [new TextRun({ text: `Re: ${l.subject}`, bold: true })] }));
    for (const para of l.body.split(/\n{2,}/)) children.push(new Paragraph({ children: para.split('\n').map((line, j) => new TextRun({ text: line, break: j ? 1 : 0 })) }));
  });
  if (!children.length) children.push(new Paragraph('No requests: no gap needs a letter.'));
  return Packer.toBuffer(new Document({ creator: 'Plateau', title: 'Request letters', sections: [{ children }] }));
}

function entriesHtml(entries: ClaimantEntry[], a: CaseAnalysis): string {
  if (!entries.length) return '';
  const spent = entries.reduce((n, e) => n + (e.kind === 'expense' ? e.amount ?? 0 : 0), 0);
  const billed = a.billing?.totals.grand;
  return `<h2>Your own entries</h2><p>These are your notes, costs and letters. They are shown beside the medical record and are not medical evidence.</p><ul>${entries.map((e) => `<li>${escapeHtml(e.date)} — ${escapeHtml(e.kind)}: ${escapeHtml(e.title)}${e.amount !== undefined ? ` (${usd(e.amount)})` : ''}${e.text ? `<br><span>${escapeHtml(e.text)}</span>` : ''}</li>`).join('')}</ul>
<p><strong>Your costs:</strong> ${usd(spent)}${billed ? `; billed by providers on the ledger: ${usd(billed.charges)} (balance ${usd(billed.balance)})` : ''}.</p>`;
}

function claimantHtml(a: CaseAnalysis, claimant: string, entries: ClaimantEntry[]): string {
  const qs = a.claimant.questions.map((q) => `<h3>${escapeHtml(q.provider)}</h3><ul>${q.questions.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`).join('');
  const billing = a.billing ? `<h2>Questions for the billing office</h2><ul><li>Please send an itemised statement of every charge, payment and adjustment since ${escapeHtml(a.billing.firstDate ?? 'the first visit')}.</li>${a.billing.billedWithoutRecord.length ? `<li>${a.billing.billedWithoutRecord.length} billed visit(s) have no note in my file; please send the notes for those dates.</li>` : ''}</ul>` : '';
  const corrections = (a.corrections ?? []).length ? `<h2>Changed by your representative's reviewer</h2><ul>${a.corrections!.map((k) => `<li>${escapeHtml(k.summary)}</li>`).join('')}</ul>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your medical record, in plain words</title><style>body{font:12pt/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head><body>
<h1>Your medical record, in plain words${claimant ? ` — ${escapeHtml(claimant)}` : ''}</h1>
<p><em>${escapeHtml(a.disclaimer)}</em></p>
<h2>What the record shows</h2><ul>${a.claimant.summary.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<h2>Questions to bring to each provider</h2>${qs || '<p>No questions.</p>'}
${billing}${entriesHtml(entries, a)}${corrections}</body></html>`;
}

export async function buildExport(name: ExportName, a: CaseAnalysis, claimant: string, entries: ClaimantEntry[] = []): Promise<Buffer | string> {
  const title = `Plateau record review — ${claimant}`;
  switch (name) {
    case 'report.html': return renderHtml(a);
    case 'report.pdf': return printPdf(renderHtml(a), title);
    case 'analysis.json': return renderJson(a);
    case 'chronology.csv': return chronologyCsv(a);
    case 'letters.docx': return lettersDocx(a);
    case 'letters.pdf': return printPdf(lettersHtml(a), `Request letters — ${claimant}`);
    case 'claimant.html': return claimantHtml(a, claimant, entries);
  }
}
