/** Duplicate and copy-forward detection: the same page filed twice, or text carried forward between notes. */
import { createHash } from 'node:crypto';
import type { CaseAnalysis, Evidence, SourceDocument } from '../model/index.js';
import { evidenceAt, trimSpan } from '../knowledge/evidence.js';

export type Duplicate = CaseAnalysis['duplicates'][number];

/** Paragraphs shorter than this are boilerplate-sized ("Patient tolerated well."), not copy-forward. */
const MIN_PARAGRAPH = 160;
/** Pages with less normalised text than this (cover sheets, blank pages) are not compared. */
const MIN_PAGE = 200;

/** Text for comparison: no case, punctuation or spacing differences, no page furniture. */
function normalise(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*(page \d+( of \d+)?|tr\.? ?\d+|\d+)\s*$/i.test(l))
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const hash = (s: string) => createHash('sha1').update(s).digest('hex');

interface PageRef { doc: SourceDocument; n: number }

/**
 * Same page text filed twice (two exhibits, or twice in one export) → duplicate_document, runs of
 * consecutive duplicate pages merged; long paragraphs repeated on other pages → copy_forward.
 */
export function findDuplicates(docs: SourceDocument[]): Duplicate[] {
  const out: Duplicate[] = [];
  const textDocs = docs.filter((d) => !d.structured);
  const byHash = new Map<string, PageRef[]>();
  for (const doc of textDocs) {
    for (const p of doc.pages) {
      const norm = normalise(doc.text.slice(p.start, p.end));
      if (norm.length < MIN_PAGE) continue;
      const h = hash(norm);
      const list = byHash.get(h) ?? [];
      list.push({ doc, n: p.n });
      byHash.set(h, list);
    }
  }
  const dupPages = new Set<string>();
  // Merge runs: copy k of page n is followed by copy k of page n+1 → one item spanning both.
  const seen = new Set<string>();
  for (const [h, refs] of byHash) {
    if (refs.length < 2 || seen.has(h)) continue;
    const runs = refs.map((r) => ({ ...r, last: r.n }));
    for (;;) {
      const nexts = runs.map((r) => r.doc.pages[r.last]);
      if (nexts.some((p) => !p)) break;
      const hs = nexts.map((p, i) => {
        const norm = normalise(runs[i].doc.text.slice(p.start, p.end));
        return norm.length >= MIN_PAGE ? hash(norm) : '';
      });
      if (!hs[0] || hs.some((x) => x !== hs[0]) || new Set(runs.map((r) => `${r.doc.id}:${r.last + 1}`)).size < runs.length) break;
      seen.add(hs[0]);
      for (const r of runs) r.last++;
    }
    seen.add(h);
    const evidence: Evidence[] = runs.map((r) => {
      const first = r.doc.pages[r.n - 1];
      const last = r.doc.pages[r.last - 1];
      for (let n = r.n; n <= r.last; n++) dupPages.add(`${r.doc.id}:${n}`);
      const [s, e] = trimSpan(r.doc.text, first.start, Math.min(last.end, first.start + 300));
      return evidenceAt(r.doc, s, e);
    });
    out.push({ kind: 'duplicate_document', evidence });
  }

  const byPara = new Map<string, { doc: SourceDocument; start: number; end: number }[]>();
  for (const doc of textDocs) {
    // Paragraphs: runs of non-blank lines, never across a page break.
    const re = /[^\n\f]+(?:\n(?![ \t]*\n)[^\n\f]+)*/g;
    for (const m of doc.text.matchAll(re)) {
      const [s, e] = trimSpan(doc.text, m.index!, m.index! + m[0].length);
      const norm = normalise(doc.text.slice(s, e));
      if (norm.length < MIN_PARAGRAPH) continue;
      if (dupPages.has(`${doc.id}:${evidenceAt(doc, s, s).page}`)) continue;
      const h = hash(norm);
      const list = byPara.get(h) ?? [];
      list.push({ doc, start: s, end: e });
      byPara.set(h, list);
    }
  }
  for (const list of byPara.values()) {
    if (list.length < 2) continue;
    out.push({ kind: 'copy_forward', evidence: list.map((x) => evidenceAt(x.doc, x.start, x.end)) });
  }
  return out;
}
