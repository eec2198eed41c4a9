import path from 'node:path';
import type { Page } from '../model/index.js';

/**
 * SSA exhibit label from a file name: "5F.pdf", "Ex 5F - Dr Smith.pdf", "Exhibit 12F.pdf", "05F_Ortho.pdf".
 * Labels are a number plus a part letter (A, B, D, E, F); leading zeros are dropped ("05F" → "5F").
 */
export function exhibitFromFilename(file: string): string | undefined {
  const base = path.basename(file, path.extname(file));
  const m = /^(?:ex(?:h(?:ibit)?)?\.?\s*[-_#]?\s*)?0*([1-9][0-9]{0,2})([A-Z])(?=$|[\s_.\-,(])/i.exec(base.trim());
  return m ? `${m[1]}${m[2].toUpperCase()}` : undefined;
}

/** Exhibit label named by a PDF bookmark title ("Exhibit 5F: Office notes", "5F - Dr. Smith"). */
export function exhibitFromTitle(title: string): string | undefined {
  const m = /^\s*(?:ex(?:h(?:ibit)?)?\.?\s*)?0*([1-9][0-9]{0,2})([A-Z])\b/i.exec(title);
  return m ? `${m[1]}${m[2].toUpperCase()}` : undefined;
}

/** Give every page its "5F/12" citation: one exhibit for the whole file, or ranges from the outline. */
export function labelExhibitPages(pages: Page[], fileExhibit: string | undefined, outline: { title: string; page: number }[]): string | undefined {
  const starts = outline
    .map((o) => ({ label: exhibitFromTitle(o.title), page: o.page }))
    .filter((o): o is { label: string; page: number } => !!o.label)
    .sort((a, b) => a.page - b.page);
  if (starts.length) {
    for (const p of pages) {
      const s = [...starts].reverse().find((x) => x.page <= p.n);
      if (s) p.exhibit = `${s.label}/${p.n - s.page + 1}`;
      else if (fileExhibit) p.exhibit = `${fileExhibit}/${p.n}`;
    }
    return fileExhibit ?? (starts.length === 1 ? starts[0].label : undefined);
  }
  if (fileExhibit) for (const p of pages) p.exhibit = `${fileExhibit}/${p.n}`;
  return fileExhibit;
}

const TRANSCRIPT = [
  /\bTr\.?\s*(?:p\.?\s*)?(\d{1,5})\b/,
  /\bPage\s+(\d{1,5})\s+of\s+\d{1,5}\b/i,
  /\b(?:AR|R\.)\s*(\d{1,5})\s*$/,
];

/** Transcript page from a page's header/footer lines ("Tr. 488", "Page 488 of 1203", "AR 204"). */
export function transcriptPageOf(pageText: string): number | undefined {
  const lines = pageText.split('\n').map((l) => l.trim()).filter(Boolean);
  const edges = [...lines.slice(-3).reverse(), ...lines.slice(0, 2)];
  for (const line of edges) {
    if (line.length > 60) continue;
    for (const re of TRANSCRIPT) {
      const m = re.exec(line);
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

export function labelTranscriptPages(text: string, pages: Page[]): void {
  for (const p of pages) {
    const t = transcriptPageOf(text.slice(p.start, p.end));
    if (t !== undefined) p.transcriptPage = t;
  }
}
