import { z } from 'zod';
import { EvidenceSchema } from './evidence.js';

export const DocumentKindSchema = z.enum(['text', 'pdf', 'docx', 'rtf', 'fhir', 'ledger']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** One page of a document's text: [start, end) into `SourceDocument.text`. */
export interface Page {
  n: number;
  start: number;
  end: number;
  /** Exhibit citation label for this page, e.g. "5F/12". */
  exhibit?: string;
  transcriptPage?: number;
  /** Mean OCR word confidence (0–100) when the page text came from OCR. */
  ocrConfidence?: number;
}

/** What a reader returns for one file: the text the whole pipeline cites into. */
export interface SourceDocument {
  id: string;
  /** Path as shown to the user (relative to the case folder). */
  file: string;
  kind: DocumentKind;
  text: string;
  pages: Page[];
  /** Exhibit label from the filename or PDF outline, e.g. "5F". */
  exhibit?: string;
  warnings: string[];
  meta: Record<string, string | number | boolean>;
  /**
   * Structured formats (FHIR, ledger) produce encounters and facts directly,
   * with evidence pointing into `text` (the raw file); text NLP is skipped for them
   * except for narrative attachments, which readers add as extra text documents.
   */
  structured?: { encounters: import('./encounter.js').Encounter[]; facts: import('./fact.js').Fact[] };
}

export type ReadResult =
  | { ok: true; documents: SourceDocument[] }
  | { ok: false; file: string; error: string };

/**
 * What kind of paper a document is. Administrative papers (exhibit lists, claimant's forms, briefs, custodian
 * letters, utilization review, claims and employer papers, billing) yield no clinical facts about the claimant.
 */
export const DocumentRoleSchema = z.object({
  role: z.enum(['clinical', 'examining', 'administrative']),
  /** Finer kind: clinical_record, examining_opinion, school_record, exhibit_list, claimant_statement, representative, records_custodian, utilization_review, claims, employer, pharmacy, billing. */
  kind: z.string(),
  why: z.string(),
  evidence: z.array(EvidenceSchema),
});
export type DocumentRole = z.infer<typeof DocumentRoleSchema>;

export const DocumentStatusSchema = z.object({
  file: z.string(),
  kind: DocumentKindSchema.optional(),
  status: z.enum(['ok', 'error']),
  error: z.string().optional(),
  warnings: z.array(z.string()),
  pages: z.number().int(),
  exhibit: z.string().optional(),
  role: DocumentRoleSchema.optional(),
  /** The claimant's SSA forms this paper shows on file (the form itself, or an exhibit list or determination naming it). */
  formsOnFile: z.array(z.object({ id: z.string(), evidence: z.array(EvidenceSchema) })).optional(),
  /** Records this paper says are missing ("requested, not received", "available on request"), each with its line. */
  recordsNotedMissing: z.array(z.object({ text: z.string(), evidence: z.array(EvidenceSchema) })).optional(),
  /** Pages a fax transmission numbered but did not deliver ("P.01/05" … "P.03/05": pages 4-5), cited by its last banner. */
  faxPagesMissing: z.array(z.object({ total: z.number().int(), missing: z.array(z.number().int()), evidence: z.array(EvidenceSchema) })).optional(),
  /** An adjudicator's finding of MMI and the physician whose report it adopts (by surname), the finding and its basis cited. */
  adjudicatedMmi: z.object({ physician: z.string(), evidence: z.array(EvidenceSchema) }).optional(),
  /** The latest day a paper that holds no visit is dated (a letter, a certification, an index): how far the file runs. */
  dated: z.string().optional(),
  /** The document names a different patient than the claimant: excluded from the analysis. */
  /** Another patient's record: the whole document, or only `pages` of it (a stray page in the claimant's exhibit). */
  misfiled: z.object({ reason: z.string(), evidence: z.array(EvidenceSchema), pages: z.array(z.number()).optional() }).optional(),
  encounters: z.array(
    z.object({
      id: z.string(),
      date: z.string().optional(),
      provider: z.string().optional(),
      credential: z.string().optional(),
      specialty: z.string(),
      kind: z.string(),
      evidence: z.array(EvidenceSchema),
    }),
  ),
});
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;
