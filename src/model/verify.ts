import type { Evidence } from './evidence.js';

/** Every evidence item anywhere inside a value (analysis, fact, gap, ...). */
export function collectEvidence(value: unknown, out: Evidence[] = []): Evidence[] {
  if (Array.isArray(value)) {
    for (const v of value) collectEvidence(v, out);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.file === 'string' && typeof o.start === 'number' && typeof o.end === 'number' && typeof o.quote === 'string' && typeof o.page === 'number') {
      out.push(o as unknown as Evidence);
    } else {
      for (const v of Object.values(o)) collectEvidence(v, out);
    }
  }
  return out;
}

export interface CitationProblem { evidence: Evidence; problem: string }

/** Check the spine invariant: each quote equals the cited file's text at its offsets, on the cited page. */
export function verifyCitations(
  value: unknown,
  texts: Map<string, { text: string; pages: { n: number; start: number; end: number }[] }>,
): { checked: number; problems: CitationProblem[] } {
  const problems: CitationProblem[] = [];
  const all = collectEvidence(value);
  for (const ev of all) {
    const doc = texts.get(ev.file);
    if (!doc) { problems.push({ evidence: ev, problem: 'unknown file' }); continue; }
    if (ev.start > ev.end || ev.end > doc.text.length) { problems.push({ evidence: ev, problem: 'offsets out of range' }); continue; }
    if (doc.text.slice(ev.start, ev.end) !== ev.quote) { problems.push({ evidence: ev, problem: 'quote differs from source text' }); continue; }
    const page = doc.pages.find((p) => p.n === ev.page);
    if (!page || ev.start < page.start || ev.start > page.end) problems.push({ evidence: ev, problem: `start not on page ${ev.page}` });
  }
  return { checked: all.length, problems };
}
