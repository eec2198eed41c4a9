/** The pipeline: ingest, segment, extract and analyze one case, stage by stage. */
import type { CaseAnalysis, Claim, DocumentRole, DocumentStatus, Encounter, Fact, SourceDocument } from './model/index.js';
import { readCase, type FileFailure, type ReadOptions } from './ingest/index.js';
import { splitEncounters } from './segment/encounters.js';
import { classifyDocument, documentParts, examinerHead, formsOnFile, recordsNotedMissing, roleAt } from './segment/document-role.js';
import { adjudicatedMmi } from './segment/adjudication.js';
import { findMisfiled } from './segment/identity.js';
import { describeMissingPages, missingFaxPages } from './segment/fax-pages.js';
import { harmonizeAuthors, harmonizeEncounters } from './segment/harmonize.js';
import { extractFacts } from './extract/index.js';
import { alignDerivedSignals, markCopiedForward, markCopiedMmiLines, markExaminerReview, markUnbilledProcedures, markRefills, markSupersededPlans } from './extract/copy-forward.js';
import { markDoseSteps, markStaleMedicationLists } from './extract/regimen-steps.js';
import { analyzeCase, type AnalysisInput } from './analyze/index.js';
import { strayCharges, type StrayRecord } from './analyze/billing.js';
import { byCodePoint, pushAll } from './util/arrays.js';

export interface CaseRun {
  analysis: CaseAnalysis;
  documents: SourceDocument[];
  failures: FileFailure[];
  /** What the analysis was computed from: kept so that a reviewer's corrections can recompute it without re-reading. */
  input: AnalysisInput;
}

/** Where a run is: reading files (with pages read so far), extracting facts from documents, or judging the case. */
export interface RunProgress {
  step: 'reading' | 'extracting' | 'analysing' | 'done';
  filesDone: number;
  filesTotal: number;
  pagesDone: number;
  file?: string;
}

export interface RunOptions {
  onProgress?: (p: RunProgress) => void;
  /** Forwarded to the reader (PDF options, concurrency). */
  read?: ReadOptions;
}

/**
 * Documents → encounters → facts, for one document. Structured formats bring their own; administrative papers
 * (briefs, exhibit lists, claims letters, utilization review) are read for their role only and yield no facts.
 */
export function processDocument(doc: SourceDocument, role: DocumentRole = classifyDocument(doc)): { encounters: Encounter[]; facts: Fact[] } {
  if (doc.structured) return doc.structured;
  const parts = documentParts(doc, role);
  if (parts.every((p) => p.role === 'administrative')) return { encounters: [], facts: [] };
  // An examiner's report and the treating source's answer filed with it are two papers by two authors: a visit never
  // spans the boundary between them.
  const papers = parts.filter((p, i) => i > 0 && p.role !== 'administrative' && parts[i - 1].role !== 'administrative' && p.role !== parts[i - 1].role)
    .map((p) => ({ start: p.start, answersExam: p.role === 'clinical' }));
  // Encounters that lie in an administrative part (a cover letter, a UR decision) are not clinical contacts; one
  // that a custodian's cover letter merely precedes begins where the clinical part does.
  const encounters = splitEncounters(doc, papers, { formPages: role.role === 'clinical' }).filter((e) => {
    if (roleAt(parts, e.start) !== 'administrative') return true;
    const clinical = parts.find((p) => p.role !== 'administrative' && p.start > e.start && p.start < e.end);
    if (!clinical || (e.date && (e.evidence[0]?.start ?? 0) < clinical.start)) return false; // dated by the cover itself
    e.start = clinical.start;
    return true;
  });
  harmonizeEncounters(encounters, role.role);
  for (const e of encounters) {
    e.documentRole = roleAt(parts, e.start) === 'examining' ? 'examining' : 'clinical';
    if (e.documentRole === 'examining') e.documentTitle = examinerHead(doc);
  }
  const facts = extractFacts(doc, encounters, (at) => roleAt(parts, at) === 'administrative');
  markCopiedMmiLines(doc, facts, encounters);
  return { encounters, facts };
}

function documentStatus(doc: SourceDocument, role: DocumentRole, encounters: Encounter[]): DocumentStatus {
  const forms = doc.kind === 'ledger' ? [] : formsOnFile(doc);
  const missing = doc.kind === 'ledger' ? [] : recordsNotedMissing(doc);
  const adjudicated = role.kind === 'adjudication' ? adjudicatedMmi(doc) : undefined;
  const faxGaps = doc.kind === 'ledger' || doc.structured ? [] : missingFaxPages(doc);
  // (A paper with no visit of its own is still dated: a letter or a certification shows the file running on to its day.)
  const dated = encounters.length || doc.kind === 'ledger' || doc.structured ? undefined
    : splitEncounters(doc).map((e) => e.date).filter((d): d is string => !!d).sort().at(-1);
  return {
    file: doc.file, kind: doc.kind, status: 'ok', role, warnings: [...doc.warnings, ...faxGaps.map(describeMissingPages)], pages: doc.pages.length, exhibit: doc.exhibit,
    ...(dated ? { dated } : {}),
    ...(forms.length ? { formsOnFile: forms } : {}),
    ...(missing.length ? { recordsNotedMissing: missing } : {}),
    ...(adjudicated ? { adjudicatedMmi: adjudicated } : {}),
    ...(faxGaps.length ? { faxPagesMissing: faxGaps } : {}),
    encounters: encounters.map((e) => ({
      id: e.id, date: e.date, provider: e.provider.name, credential: e.provider.credential,
      specialty: e.specialty, kind: e.kind, evidence: e.evidence,
    })),
  };
}

/** The whole job: files → cited analysis. Per-file failures are reported, never thrown. */
export async function analyzePaths(inputs: string[], claim: Claim, opts: RunOptions = {}): Promise<CaseRun> {
  let pagesDone = 0;
  const report = opts.onProgress;
  const { documents, failures, duplicates } = await readCase(inputs, {
    ...opts.read,
    onFileRead: report && ((p) => { pagesDone += p.pages; report({ step: 'reading', filesDone: p.filesDone, filesTotal: p.filesTotal, pagesDone, file: p.file }); }),
  });
  const filesTotal = new Set(documents.map((d) => d.file)).size + failures.length;
  const statuses: DocumentStatus[] = [];
  const encounters: Encounter[] = [];
  const facts: Fact[] = [];
  const misfiled = findMisfiled(documents);
  const strays: StrayRecord[] = [];
  for (const [i, doc] of documents.entries()) {
    report?.({ step: 'extracting', filesDone: i, filesTotal: documents.length, pagesDone, file: doc.file });
    try {
      const role = classifyDocument(doc);
      const other = misfiled.get(doc.file);
      if (other?.pages) {
        // A stray page of another patient's in the claimant's exhibit: that page is left out, the rest is read.
        const r = processDocument(doc, role);
        const stray = new Set(other.pages);
        const pageAt = (offset: number) => doc.pages.find((p) => offset >= p.start && offset < p.end)?.n;
        const kept = r.encounters.filter((e) => !stray.has(pageAt(e.start) ?? 0));
        const keptIds = new Set(kept.map((e) => e.id));
        pushAll(encounters, kept);
        pushAll(facts, r.facts.filter((f) => keptIds.has(f.encounterId) && !f.evidence.some((e) => stray.has(e.page))));
        statuses.push({ ...documentStatus(doc, role, kept), misfiled: other, warnings: [...doc.warnings, `possibly misfiled: ${other.reason}; ${other.pages.length > 1 ? 'those pages are' : 'that page is'} excluded from the analysis`] });
        continue;
      }
      if (other) {
        // Another patient's record: kept out of the analysis entirely, and said so. Its days and practice are kept to
        // recognise its charges on a ledger.
        strays.push({ dates: new Set(splitEncounters(doc).map((e) => e.date).filter((d): d is string => !!d)), head: doc.text.slice(0, 1000) });
        statuses.push({ ...documentStatus(doc, role, []), misfiled: other, warnings: [...doc.warnings, `possibly misfiled: ${other.reason}; excluded from the analysis`] });
        continue;
      }
      const r = processDocument(doc, role);
      // All or nothing: a document that fails midway leaves no encounters, facts or bills behind.
      const status = documentStatus(doc, role, r.encounters);
      pushAll(encounters, r.encounters);
      pushAll(facts, r.facts);
      statuses.push(status);
    } catch (err) {
      failures.push({ file: doc.file, error: `analysis failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  const strayCharged = strayCharges(encounters, strays);
  if (strayCharged.size) {
    let kept = 0;
    for (const f of facts) if (!strayCharged.has(f.encounterId)) facts[kept++] = f;
    facts.length = kept;
  }
  harmonizeAuthors(encounters);
  markCopiedForward(facts, encounters);
  markUnbilledProcedures(facts, encounters);
  markStaleMedicationLists(facts, encounters);
  markSupersededPlans(facts, encounters);
  markRefills(facts, encounters);
  markDoseSteps(facts, encounters);
  markExaminerReview(facts, encounters);
  alignDerivedSignals(facts);
  for (const f of failures) statuses.push({ file: f.file, status: 'error', error: f.error, warnings: [], pages: 0, encounters: [] });
  statuses.sort((a, b) => byCodePoint(a.file, b.file));
  report?.({ step: 'analysing', filesDone: filesTotal, filesTotal, pagesDone });
  const input: AnalysisInput = { claim, documents: statuses, encounters, facts, duplicates };
  const analysis = analyzeCase(input);
  report?.({ step: 'done', filesDone: filesTotal, filesTotal, pagesDone });
  return { analysis, documents, failures, input };
}
