/**
 * Pages a fax transmission numbered but did not deliver. A fax machine stamps every page it sends with its place in
 * the transmission ("P.02/05", "pg 03 of 10"): pages 1-3 of 5 in the file mean pages 4 and 5 never arrived. Reported
 * as a warning on the document, cited by the last banner seen, so the reader can ask the sender for the rest.
 */
import type { Evidence, SourceDocument } from '../model/index.js';
import { evidenceAt, trimSpan } from '../knowledge/evidence.js';

/** The page mark that ends a banner line; digits may be OCR-damaged ("P.O1/05", "pg 0l of 10"). */
const PAGE_MARK = /\b(?:P|PG|Pg|pg|PAGE|Page|p)\.?[ \t]*([0-9OolI]{1,3})[ \t]*(?:\/|of)[ \t]*([0-9OolI]{1,3})[ \t]*$/;
/** What makes the line a transmission banner rather than a printed page footer. */
const TRANSMISSION = /\bfax(?:ed)?\b|\bFROM\b|->|>>|→|\bTO:/i;
const MAX_BANNER_LINE = 300;
/** A transmission of one page cannot be short of pages; very long counts are misread. */
const MAX_PAGES = 200;

export interface MissingFaxPages { total: number; missing: number[]; evidence: Evidence[] }

const digits = (s: string) => Number(s.replace(/[Oo]/g, '0').replace(/[lI]/g, '1'));

/** Every transmission banner of a document: where its line is, and the page and total it stamps. */
function* banners(doc: SourceDocument): Generator<{ start: number; end: number; page: number; total: number }> {
  let pos = 0;
  for (const line of doc.text.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    // (A banner is a short line; longer ones are never scanned, which keeps the search linear.)
    if (line.length > MAX_BANNER_LINE) continue;
    const m = PAGE_MARK.exec(line.trimEnd());
    if (m && TRANSMISSION.test(line)) yield { start, end: start + line.length, page: digits(m[1]), total: digits(m[2]) };
  }
}

export function missingFaxPages(doc: SourceDocument): MissingFaxPages[] {
  const runs: { total: number; seen: number[]; last: [number, number] }[] = [];
  for (const { start, end, page, total } of banners(doc)) {
    if (total < 2 || total > MAX_PAGES || page < 1 || page > total) continue;
    const run = runs.at(-1);
    // Page numbers rise within one transmission; a lower number or another total starts the next one.
    if (run && run.total === total && page > run.seen.at(-1)!) { run.seen.push(page); run.last = [start, end]; }
    else runs.push({ total, seen: [page], last: [start, end] });
  }
  // One banner alone may be a cover sheet's: only a transmission seen on two pages or more is judged.
  return runs.filter((r) => r.seen.length >= 2).flatMap((r) => {
    const missing = Array.from({ length: r.total }, (_, i) => i + 1).filter((p) => !r.seen.includes(p));
    if (!missing.length) return [];
    const [s, e] = trimSpan(doc.text, r.last[0], r.last[1]);
    return [{ total: r.total, missing, evidence: [evidenceAt(doc, s, e)] }];
  });
}

/**
 * The pages of a transmission kept as one text page (a faxed record saved as one file): each page begins at its
 * banner. Fewer than two banners: no pages.
 */
export function faxPages(doc: SourceDocument): { n: number; start: number; end: number }[] {
  const starts = [...banners(doc)].filter((b) => b.total >= 2).map((b) => b.start);
  if (starts.length < 2) return [];
  return starts.map((start, i) => ({ n: i + 1, start: i ? start : 0, end: starts[i + 1] ?? doc.text.length }));
}

/** "fax pages 4-5 of 5 are not in the file": consecutive pages folded into ranges. */
export function describeMissingPages(m: MissingFaxPages): string {
  const ranges: string[] = [];
  for (let i = 0; i < m.missing.length; i++) {
    let j = i;
    while (j + 1 < m.missing.length && m.missing[j + 1] === m.missing[j] + 1) j++;
    ranges.push(i === j ? `${m.missing[i]}` : `${m.missing[i]}-${m.missing[j]}`);
    i = j;
  }
  const pages = m.missing.length === 1 ? 'page' : 'pages';
  return `fax ${pages} ${ranges.join(', ')} of ${m.total} ${m.missing.length === 1 ? 'is' : 'are'} not in the file (the transmission numbers ${m.total} pages)`;
}
