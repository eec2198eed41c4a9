/** The pipeline: ingest, segment, extract and analyze one case, stage by stage. */
import type { CaseAnalysis, Claim, DocumentStatus, Encounter, Fact, SourceDocument } from './model/index.js';
import { readCase, type FileFailure } from './ingest/index.js';
import { splitEncounters } from './segment/encounters.js';
import { extractFacts } from './extract/index.js';
import { analyzeCase } from './analyze/index.js';

export interface CaseRun {
  analysis: CaseAnalysis;
  documents: SourceDocument[];
  failures: FileFailure[];
}

/** Documents → encounters → facts, for one document. Structured formats bring their own. */
export function processDocument(doc: SourceDocument): { encounters: Encounter[]; facts: Fact[] } {
  if (doc.structured) return doc.structured;
  const encounters = splitEncounters(doc);
  return { encounters, facts: extractFacts(doc, encounters) };
}

function documentStatus(doc: SourceDocument, encounters: Encounter[]): DocumentStatus {
  return {
    file: doc.file, kind: doc.kind, status: 'ok', warnings: doc.warnings, pages: doc.pages.length, exhibit: doc.exhibit,
    encounters: encounters.map((e) => ({
      id: e.id, date: e.date, provider: e.provider.name, credential: e.provider.credential,
      specialty: e.specialty, kind: e.kind, evidence: e.evidence,
    })),
  };
}

/** The whole job: files → cited analysis. Per-file failures are reported, never thrown. */
export async function analyzePaths(inputs: string[], claim: Claim): Promise<CaseRun> {
  const { documents, failures, duplicates } = await readCase(inputs);
  const statuses: DocumentStatus[] = [];
  const encounters: Encounter[] = [];
  const facts: Fact[] = [];
  for (const doc of documents) {
    try {
      const r = processDocument(doc);
      encounters.push(...r.encounters);
      facts.push(...r.facts);
      statuses.push(documentStatus(doc, r.encounters));
    } catch (err) {
      failures.push({ file: doc.file, error: `analysis failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  for (const f of failures) statuses.push({ file: f.file, status: 'error', error: f.error, warnings: [], pages: 0, encounters: [] });
  statuses.sort((a, b) => a.file.localeCompare(b.file));
  const analysis = analyzeCase({ claim, documents: statuses, encounters, facts, duplicates });
  return { analysis, documents, failures };
}
