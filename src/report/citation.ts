/** How a piece of evidence is cited in human-readable reports. */
import type { Evidence } from '../model/index.js';

/** Location only: "Ex. 5F/12, Tr. 488" when the page has an exhibit label, else "file p.3". */
export function citationLocation(e: Evidence): string {
  const tr = e.transcriptPage !== undefined ? `, Tr. ${e.transcriptPage}` : '';
  return e.exhibit ? `Ex. ${e.exhibit}${tr}` : `${e.file} p.${e.page}${tr}`;
}

/** OCR'd text may differ from the page image: say so, with the page's mean confidence. */
export function ocrNote(e: Evidence): string {
  return e.ocr ? `OCR ${Math.round(e.ocr.confidence)}%` : '';
}

/** The quote on one line, cut at a word boundary with an ellipsis when long. */
export function shortQuote(quote: string, max = 80): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const keyOf = (e: Evidence) => `${e.file}\u0000${e.start}\u0000${e.end}`;

/**
 * Numbers each distinct evidence item (same file and offsets) in the order a report first cites it,
 * so inline citations can point into one evidence appendix.
 */
export class EvidenceRegister {
  private readonly ids = new Map<string, number>();
  private readonly items: Evidence[] = [];

  id(e: Evidence): number {
    const key = keyOf(e);
    let id = this.ids.get(key);
    if (id === undefined) {
      this.items.push(e);
      id = this.items.length;
      this.ids.set(key, id);
    }
    return id;
  }

  /** Cited evidence with its number, in citation order. */
  entries(): { id: number; evidence: Evidence }[] {
    return this.items.map((evidence, i) => ({ id: i + 1, evidence }));
  }
}

/** Distinct evidence, first occurrence kept. */
export function distinctEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = keyOf(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
