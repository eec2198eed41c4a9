/**
 * Analysis jobs: one worker thread per running case, its progress written to the store (so a reloaded page picks
 * it up), cancellable, and replaced when documents change mid-run. The request that starts a job returns at once.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { CaseAnalysis, Claim } from '../model/index.js';
import type { RunProgress } from '../pipeline.js';
import type { Store } from '../store/db.js';
import { markEnded, markStarted, saveResult, setProgress } from '../store/analyses.js';
import type { WorkerMessage } from './analysis-worker.js';
import type { DataKey } from '../store/keys.js';
import type { CaseLimits } from '../ingest/budget.js';

export interface JobProgress extends Partial<RunProgress> { startedAt?: string }

/** Running from TypeScript sources (tests, `tsx`): the worker needs the same loader. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./analysis-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
/** From sources, the worker registers tsx's loader before importing its TypeScript entry. */
const TSX_API = FROM_SOURCE ? pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href : '';

interface Running { worker: Worker; done: Promise<void> }

export class JobRunner {
  private readonly running = new Map<string, Running>();

  constructor(private readonly db: Store, private readonly now: () => string = () => new Date().toISOString()) {}

  isRunning(caseId: string): boolean {
    return this.running.has(caseId);
  }

  /** Start the case's analysis (cancelling one in progress). Resolves once the job is registered, not when it ends. */
  async start(caseId: string, dir: string, claim: Claim, opts: { key?: DataKey; plainDir?: string; limits?: Partial<CaseLimits> } = {}): Promise<void> {
    const { key, plainDir, limits } = opts;
    await this.cancel(caseId, false);
    const startedAt = this.now();
    const initial: JobProgress = { step: 'reading', filesDone: 0, filesTotal: 0, pagesDone: 0, startedAt };
    await markStarted(this.db, caseId, JSON.stringify(initial), startedAt);
    const worker = FROM_SOURCE
      ? new Worker(`import(${JSON.stringify(TSX_API)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`, { eval: true, workerData: { dir, claim, keyHex: key?.hex, plainDir, limits } })
      : new Worker(WORKER_URL, { workerData: { dir, claim, keyHex: key?.hex, plainDir, limits } });
    let settled = false;
    const done = new Promise<void>((resolve) => {
      const finish = async (fn: () => Promise<void>) => {
        if (settled) return;
        settled = true;
        try { await fn(); } finally {
          this.running.delete(caseId);
          await worker.terminate();
          // Decrypted copies go with the job, even when it was cancelled mid-read.
          if (plainDir) await rm(plainDir, { recursive: true, force: true });
          resolve();
        }
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') void setProgress(this.db, caseId, JSON.stringify({ ...m.progress, startedAt }));
        else if (m.type === 'error') void finish(() => markEnded(this.db, caseId, 'failed', m.message, this.now()));
        else void finish(async () => {
          const r = JSON.parse(m.result) as { analysis: CaseAnalysis; input: unknown; pages: { file: string; text: string; pages: unknown[] }[]; };
          const files = r.analysis.documents.length;
          const progress = JSON.stringify({ step: 'done', filesDone: files, filesTotal: files, pagesDone: r.pages.reduce((n, p) => n + p.pages.length, 0), startedAt });
          await saveResult(this.db, caseId, {
            result: JSON.stringify(r.analysis), input: JSON.stringify(r.input), progress,
            mmiStatus: r.analysis.mmi.status, mmiDate: r.analysis.mmi.date,
            documents: JSON.stringify(r.analysis.documents.map(({ encounters: _e, ...d }) => d)),
            pages: r.pages.map((p) => ({ file: p.file, text: p.text, pages: JSON.stringify(p.pages) })),
          }, this.now());
        });
      });
      worker.on('error', (err) => void finish(() => markEnded(this.db, caseId, 'failed', err.message, this.now())));
      worker.on('exit', (code) => void finish(() => markEnded(this.db, caseId, code === 0 ? 'failed' : 'cancelled', code === 0 ? 'the analysis ended without a result' : null, this.now())));
    });
    this.running.set(caseId, { worker, done });
  }

  /** Stop the case's analysis; `record` marks it cancelled (a restart replaces it instead). */
  async cancel(caseId: string, record = true): Promise<boolean> {
    const job = this.running.get(caseId);
    if (!job) return false;
    this.running.delete(caseId);
    await job.worker.terminate();
    await job.done;
    if (record) await markEnded(this.db, caseId, 'cancelled', null, this.now());
    return true;
  }

  /** Wait for the case's job to end (tests, shutdown). */
  async settled(caseId: string): Promise<void> {
    await this.running.get(caseId)?.done;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
  }
}
