/**
 * The workspace's operations, independent of HTTP: cases, their files, the analysis job, corrections and the
 * corrected analysis. The server's routes are a thin layer over this.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AnalysisInput } from '../analyze/index.js';
import type { CaseAnalysis } from '../model/index.js';
import type { Store } from '../store/db.js';
import { deleteCase, getCase, insertCase, listCases, touchCase, updateCase, type CaseFields, type CaseSort } from '../store/cases.js';
import { deleteDocument, getDocument, insertDocument, listDocuments, type DocumentRow } from '../store/documents.js';
import { getAnalysisInput, getAnalysisResult, getAnalysisState, getPageText, interruptedCases } from '../store/analyses.js';
import { insertCorrection, listCorrections, withdrawCorrection, type StoredCorrection } from '../store/corrections.js';
import { deleteEntry, getEntry, insertEntry, listEntries } from '../store/entries.js';
import { EntrySchema, type ClaimantEntry } from './claimant-entries.js';
import { CaseDetailsPatchSchema, CaseDetailsSchema, CLAIM_FIELDS, claimOf, toColumns, toDetails } from './case-details.js';
import { caseDir, filesDir, plainRoot, storeUpload, UploadTooLarge } from './case-files.js';
import { correctFacts, correctionSummary, CorrectionError, NewCorrectionSchema, resolveCorrection, withReview } from './corrections.js';
import { screenView } from './analysis-view.js';
import { timelineView } from './timeline-view.js';
import { JobRunner } from './jobs.js';
import { decryptingStream } from '../store/blob-crypto.js';
import type { DataKey } from '../store/keys.js';
import type { CaseLimits } from '../ingest/budget.js';

export class NotFound extends Error {}
export class BadInput extends Error {}

export interface WorkspaceLimits { maxFileBytes: number; maxFiles: number }
export const DEFAULT_LIMITS: WorkspaceLimits = { maxFileBytes: 512 * 1024 * 1024, maxFiles: 2000 };

const now = () => new Date().toISOString();

/** The case judged on its facts as corrected (`factKey`: the result and the active fact corrections). */
interface Judged { factKey: string; base: CaseAnalysis; matched: Set<number> }
/**
 * A case's corrected analysis (`key`: the result and every correction) and what is derived from it once: the
 * screens' JSON and the timeline's, encoded (sent as they are, MBs on a large case), the facts' lower-cased text.
 */
interface Cached extends Judged { key: string; analysis: CaseAnalysis; json?: Buffer; timeline?: { view: Buffer; sources: Buffer }; haystack?: string[] }

function parse<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new BadInput(`${i?.path.map(String).join('.') || 'body'}: ${i?.message ?? 'invalid'}`);
  }
  return r.data;
}

export class Workspace {
  readonly jobs: JobRunner;
  private readonly cache = new Map<string, Cached>();

  readonly limits: WorkspaceLimits;
  /** Encrypts stored files when given (the database is opened with the same key). */
  private readonly key?: DataKey;

  /** Each analysis's limits on pages, OCR pages and time (the reader's defaults where not given). */
  private readonly caseLimits?: Partial<CaseLimits>;

  constructor(readonly db: Store, readonly dataDir: string, opts: { limits?: WorkspaceLimits; key?: DataKey; caseLimits?: Partial<CaseLimits> } = {}) {
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    this.key = opts.key;
    this.caseLimits = opts.caseLimits;
    this.jobs = new JobRunner(db);
  }

  get encrypted(): boolean {
    return !!this.key;
  }

  /** A stored file's plaintext as a stream (decrypted on the way when the workspace is encrypted). */
  private async plaintext(file: string) {
    return this.key ? decryptingStream(file, this.key) : createReadStream(file);
  }

  async listCases(q?: string, sort: CaseSort = 'updated') {
    return (await listCases(this.db, q, sort)).map((r) => ({
      ...toDetails(r), documents: r.documents, status: r.status ?? 'none',
      ...(r.mmi_status ? { mmi: { status: r.mmi_status, date: r.mmi_date ?? undefined } } : {}),
    }));
  }

  async createCase(body: unknown) {
    const d = parse(CaseDetailsSchema, body);
    const id = randomUUID();
    await insertCase(this.db, id, { state: null, dob: null, onset: null, dli: null, filing_date: null, education: null, past_work: null, retain_until: null, ...toColumns(d) } as CaseFields, now());
    return (await this.listCases()).find((c) => c.id === id)!;
  }

  private async caseRow(id: string) {
    const row = await getCase(this.db, id);
    if (!row) throw new NotFound('no such case');
    return row;
  }

  async getCase(id: string) {
    const row = await this.caseRow(id);
    return { case: toDetails(row), documents: await this.documents(id), analysis: await this.progress(id) };
  }

  async updateCase(id: string, body: unknown) {
    await this.caseRow(id);
    const d = parse(CaseDetailsPatchSchema, body);
    await updateCase(this.db, id, toColumns(d), now());
    if (CLAIM_FIELDS.some((k) => d[k] !== undefined) && (await listDocuments(this.db, id)).length) await this.analyze(id);
    return this.getCase(id);
  }

  async deleteCase(id: string) {
    await this.caseRow(id);
    await this.jobs.cancel(id, false);
    await deleteCase(this.db, id);
    this.cache.delete(id);
    await rm(caseDir(this.dataDir, id), { recursive: true, force: true });
  }

  /** The case's files, with what the last analysis said of each. */
  async documents(id: string) {
    const rows = await listDocuments(this.db, id);
    const a = await getAnalysisState(this.db, id);
    const statuses = new Map<string, { status?: string; error?: string; pages?: number; role?: { kind?: string }; misfiled?: unknown; warnings?: string[] }>();
    if (a?.documents) for (const d of JSON.parse(a.documents) as CaseAnalysis['documents']) statuses.set(d.file.replace(/#.*$/, ''), d);
    return rows.map((r) => {
      const s = statuses.get(r.name);
      return { id: r.id, name: r.name, size: r.size, uploadedAt: r.uploaded_at, ...(s ? { status: s.status, error: s.error, pages: s.pages, role: s.role?.kind, misfiled: !!s.misfiled, warnings: s.warnings } : {}) };
    });
  }

  async getDocument(caseId: string, docId: string): Promise<DocumentRow & { path: string }> {
    const d = await getDocument(this.db, caseId, docId);
    if (!d) throw new NotFound('no such document');
    return { ...d, path: path.join(this.dataDir, d.stored_path) };
  }

  /** Store uploaded files one by one; a file that fails is reported, the others are kept. Starts the analysis. */
  async addDocuments(caseId: string, files: AsyncIterable<{ filename: string; file: Readable }>) {
    await this.caseRow(caseId);
    const dir = filesDir(this.dataDir, caseId);
    const added: { id: string; name: string; size: number }[] = [];
    const rejected: { name: string; reason: string }[] = [];
    let count = (await listDocuments(this.db, caseId)).length;
    for await (const part of files) {
      if (count >= this.limits.maxFiles) { part.file.resume(); rejected.push({ name: part.filename, reason: `a case holds at most ${this.limits.maxFiles} files` }); continue; }
      try {
        const stored = await storeUpload(dir, part.filename || 'unnamed', part.file, this.limits.maxFileBytes, this.key);
        const id = randomUUID();
        await insertDocument(this.db, { id, case_id: caseId, name: stored.name, stored_path: path.relative(this.dataDir, path.join(dir, stored.name)), size: stored.size, sha256: stored.sha256, uploaded_at: now() });
        added.push({ id, name: stored.name, size: stored.size });
        count++;
      } catch (err) {
        part.file.resume();
        rejected.push({ name: part.filename, reason: err instanceof UploadTooLarge ? `too large: ${err.message}` : `not stored: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
    if (added.length) { await touchCase(this.db, caseId, now()); await this.analyze(caseId); }
    return { added, rejected };
  }

  async deleteDocument(caseId: string, docId: string) {
    const d = await this.getDocument(caseId, docId);
    await deleteDocument(this.db, caseId, docId);
    await rm(d.path, { force: true });
    await touchCase(this.db, caseId, now());
    await this.analyze(caseId);
  }

  async analyze(caseId: string) {
    const row = await this.caseRow(caseId);
    this.cache.delete(caseId);
    await this.jobs.start(caseId, filesDir(this.dataDir, caseId), claimOf(row), {
      key: this.key, plainDir: this.key ? path.join(plainRoot(this.dataDir), `${caseId}-${Date.now()}`) : undefined, limits: this.caseLimits,
    });
    return this.progress(caseId);
  }

  /** Start again every analysis a stopped server left running; returns how many. */
  async resumeInterrupted(): Promise<number> {
    const ids = await interruptedCases(this.db);
    for (const id of ids) await this.analyze(id);
    return ids.length;
  }

  async cancel(caseId: string) {
    await this.caseRow(caseId);
    await this.jobs.cancel(caseId);
    return this.progress(caseId);
  }

  async progress(caseId: string) {
    const a = await getAnalysisState(this.db, caseId);
    if (!a) return { status: 'none', filesDone: 0, filesTotal: 0, pagesDone: 0 };
    return { status: a.status, ...(JSON.parse(a.progress) as object), finishedAt: a.finished_at ?? undefined, error: a.error ?? undefined };
  }

  /** The last analysis with the reviewer's corrections applied, recomputed only when either changes. */
  async analysis(caseId: string): Promise<CaseAnalysis> {
    return (await this.cached(caseId)).analysis;
  }

  /** The analysis as the screens read it (see `screenView`): JSON, made once per change. */
  async analysisJson(caseId: string, input?: AnalysisInput): Promise<Buffer> {
    const c = await this.cached(caseId, input);
    c.json ??= Buffer.from(JSON.stringify(screenView(c.analysis, c.key)));
    return c.json;
  }

  /** What the Timeline screen draws, or (`sources`) what it cites (see `timelineView`): JSON, made once per change. */
  async timelineJson(caseId: string, part: 'view' | 'sources'): Promise<Buffer> {
    const c = await this.cached(caseId);
    if (!c.timeline) {
      const { view, sources } = timelineView(c.analysis, c.key);
      c.timeline = { view: Buffer.from(JSON.stringify(view)), sources: Buffer.from(JSON.stringify(sources)) };
    }
    return c.timeline[part];
  }

  /** Every dated visit of the analysis: who, when, what kind, where it was read. */
  async encounters(caseId: string) {
    const { analysis } = await this.cached(caseId);
    return analysis.documents.flatMap((d) => d.encounters.map((e) => ({ id: e.id, date: e.date, provider: e.provider, credential: e.credential, specialty: e.specialty, kind: e.kind, file: d.file, evidence: e.evidence.slice(0, 1) })));
  }

  /** Facts of the analysis, filtered by type and words, a page at a time. */
  async facts(caseId: string, q: { type?: string; text?: string; offset?: number; limit?: number; ids?: string[] }) {
    const c = await this.cached(caseId);
    const words = q.text?.trim().toLowerCase();
    const ids = q.ids ? new Set(q.ids) : undefined;
    // A fact matches words in its quote or its attributes; lower-cased once per analysis, not per search.
    const hay = words ? (c.haystack ??= c.analysis.facts.map((f) => `${f.evidence[0].quote}\u0000${JSON.stringify(f.attributes)}`.toLowerCase())) : undefined;
    const hits = c.analysis.facts.filter((f, i) => (!q.type || f.type === q.type) && (!ids || ids.has(f.id)) && (!words || hay![i].includes(words)));
    const offset = Math.max(0, q.offset ?? 0);
    const limit = Math.min(Math.max(1, q.limit ?? 200), 1000);
    return { total: hits.length, offset, facts: hits.slice(offset, offset + limit) };
  }

  /**
   * The corrected analysis, recomputed only when the result or a correction changes; a gap or verdict correction
   * reuses the case as judged on its facts (a fact correction judges it again). `input`: already read and parsed.
   */
  private async cached(caseId: string, input?: AnalysisInput): Promise<Cached> {
    await this.caseRow(caseId);
    const state = await getAnalysisState(this.db, caseId);
    // While a new run is under way the previous result is still the case's analysis.
    if (!state?.result_at) throw new NotFound('the case has not been analysed yet');
    const corrections = await listCorrections(this.db, caseId);
    const key = `${state.result_at}|${corrections.map((c) => `${c.id}${c.withdrawnAt ? 'w' : ''}`).join(',')}`;
    const hit = this.cache.get(caseId);
    if (hit?.key === key) return hit;
    const factFixes = corrections.filter((c) => c.target === 'fact' && !c.withdrawnAt);
    const factKey = `${state.result_at}|${factFixes.map((c) => c.id).join(',')}`;
    const judged = hit?.factKey === factKey ? hit : await this.judge(caseId, factKey, factFixes.length > 0, corrections, input);
    const entry: Cached = { key, factKey, base: judged.base, matched: judged.matched, analysis: withReview(judged.base, judged.matched, corrections) };
    this.cache.set(caseId, entry);
    return entry;
  }

  /** The stored result (it was computed from the input: no correction changes a fact), or the case judged again. */
  private async judge(caseId: string, factKey: string, factsCorrected: boolean, corrections: StoredCorrection[], input?: AnalysisInput): Promise<Judged> {
    if (!factsCorrected) {
      const result = await getAnalysisResult(this.db, caseId);
      if (!result) throw new NotFound('the case has not been analysed yet');
      return { factKey, base: JSON.parse(result) as CaseAnalysis, matched: new Set() };
    }
    const raw = input ? undefined : await getAnalysisInput(this.db, caseId);
    if (!input && !raw) throw new NotFound('the case has not been analysed yet');
    const { analysis, matched } = correctFacts(input ?? (JSON.parse(raw!) as AnalysisInput), corrections);
    return { factKey, base: analysis, matched };
  }

  async page(caseId: string, file: string, page: number) {
    await this.caseRow(caseId);
    const t = await getPageText(this.db, caseId, file);
    if (!t) throw new NotFound('no such document in the last analysis');
    const pages = JSON.parse(t.pages) as { n: number; start: number; end: number }[];
    const p = pages.find((x) => x.n === page);
    if (!p) throw new NotFound(`no page ${page} (the document has ${pages.length})`);
    return { file, page, pages: pages.length, start: p.start, end: p.end, text: t.text.slice(p.start, p.end) };
  }

  /** Every correction, withdrawn ones too, each with the summary the exports print. */
  async corrections(caseId: string) {
    await this.caseRow(caseId);
    return (await listCorrections(this.db, caseId)).map((c) => ({ ...c, summary: correctionSummary(c) }));
  }

  /** Records a correction; returns the JSON `{ correction, analysis }` (the recomputed analysis as the screens read it). */
  async addCorrection(caseId: string, body: unknown): Promise<Buffer> {
    await this.caseRow(caseId);
    const c = parse(NewCorrectionSchema, body);
    if (c.target !== 'verdict' && !(await getAnalysisState(this.db, caseId))?.result_at) throw new BadInput('the case has not been analysed yet');
    // Only a fact correction is resolved against what the analysis read; an added one, against its document's text.
    const raw = c.target === 'fact' ? await getAnalysisInput(this.db, caseId) : undefined;
    const input = raw ? (JSON.parse(raw) as AnalysisInput) : undefined;
    const texts = new Map<string, { text: string; pages: { n: number; start: number; end: number }[] }>();
    if (c.target === 'fact' && c.action === 'add') {
      const doc = await getPageText(this.db, caseId, c.anchor.file);
      if (doc) texts.set(c.anchor.file, { text: doc.text, pages: JSON.parse(doc.pages) as { n: number; start: number; end: number }[] });
    }
    let resolved;
    try { resolved = resolveCorrection(c, input, texts); } catch (err) { if (err instanceof CorrectionError) throw new BadInput(err.message); throw err; }
    const id = await insertCorrection(this.db, caseId, { target: c.target, action: c.action, anchor: resolved.anchor, payload: resolved.payload, reason: c.reason?.trim() || undefined, createdAt: now() });
    await touchCase(this.db, caseId, now());
    const correction = (await listCorrections(this.db, caseId)).find((x) => x.id === id)!;
    return Buffer.concat([Buffer.from(`{"correction":${JSON.stringify(correction)},"analysis":`), await this.analysisJson(caseId, input), Buffer.from('}')]);
  }

  /** Withdraws a correction; returns the JSON `{ analysis }` (recomputed). */
  async withdrawCorrection(caseId: string, id: number): Promise<Buffer> {
    await this.caseRow(caseId);
    if (!(await withdrawCorrection(this.db, caseId, id, now()))) throw new NotFound('no such correction, or already withdrawn');
    return Buffer.concat([Buffer.from('{"analysis":'), await this.analysisJson(caseId), Buffer.from('}')]);
  }

  /** The claimant's own entries and the sum of their expenses (never part of the medical analysis). */
  async entries(caseId: string): Promise<{ entries: ClaimantEntry[]; expenses: number }> {
    await this.caseRow(caseId);
    const entries = (await listEntries(this.db, caseId)).map((r): ClaimantEntry => ({
      id: Number(r.id), date: r.date, kind: r.kind as ClaimantEntry['kind'], title: r.title, text: r.text ?? undefined,
      amount: r.amount_cents === null ? undefined : r.amount_cents / 100, receipt: r.file_name ?? undefined, createdAt: r.created_at, source: 'claimant',
    }));
    return { entries, expenses: entries.reduce((n, e) => n + (e.kind === 'expense' ? e.amount ?? 0 : 0), 0) };
  }

  async addEntry(caseId: string, body: unknown, receipt?: { filename: string; file: Readable }) {
    await this.caseRow(caseId);
    const e = parse(EntrySchema, body);
    let stored: { name: string } | undefined;
    const dir = path.join(caseDir(this.dataDir, caseId), 'claimant');
    if (receipt) stored = await storeUpload(dir, receipt.filename || 'receipt', receipt.file, 25 * 1024 * 1024, this.key);
    const id = await insertEntry(this.db, {
      case_id: caseId, date: e.date, kind: e.kind, title: e.title, text: e.text ?? null, amount_cents: e.amount ?? null,
      file_name: stored?.name ?? null, stored_path: stored ? path.relative(this.dataDir, path.join(dir, stored.name)) : null, created_at: now(),
    });
    await touchCase(this.db, caseId, now());
    return (await this.entries(caseId)).entries.find((x) => x.id === id)!;
  }

  async entryFile(caseId: string, id: number) {
    const r = await getEntry(this.db, caseId, id);
    if (!r?.stored_path) throw new NotFound('no such receipt');
    return { name: r.file_name!, stream: await this.plaintext(path.join(this.dataDir, r.stored_path)) };
  }

  /** A document's original bytes (the evidence viewer shows PDFs with pdf.js). */
  async documentFile(caseId: string, docId: string) {
    const d = await this.getDocument(caseId, docId);
    return { name: d.name, stream: await this.plaintext(d.path) };
  }

  async deleteEntry(caseId: string, id: number) {
    const r = await getEntry(this.db, caseId, id);
    if (!r) throw new NotFound('no such entry');
    await deleteEntry(this.db, caseId, id);
    if (r.stored_path) await rm(path.join(this.dataDir, r.stored_path), { force: true });
  }

  async close() {
    await this.jobs.stopAll();
    await this.db.destroy();
  }
}
