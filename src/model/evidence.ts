import { z } from 'zod';

/**
 * Where a statement comes from, like a vfile-message `place`.
 * Invariant: `quote === documentText.slice(start, end)`, where documentText is the
 * text Plateau read from `file` (the raw file for text/JSON/CSV, the extracted text for PDF/DOCX).
 * Offsets are UTF-16 code-unit offsets into that whole text; `page` is 1-based.
 */
export const EvidenceSchema = z.object({
  file: z.string(),
  page: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string(),
  /** Exhibit citation such as "5F/12" (exhibit 5F, page 12 of the exhibit). */
  exhibit: z.string().optional(),
  /** Transcript page ("Tr. 488") when the page carries one. */
  transcriptPage: z.number().int().optional(),
  /** Present when the text came from OCR; mean word confidence 0–100 on that page. */
  ocr: z.object({ confidence: z.number() }).optional(),
  /** Structured sources: FHIR resource reference ("Procedure/abc") and JSON path, or ledger row. */
  resource: z.string().optional(),
  path: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;
