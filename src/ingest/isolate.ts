/** Runs untrusted parsers (PDF, DOCX, XLSX) in a worker thread with a time and memory limit. */
import { Worker } from 'node:worker_threads';
import { ReadError } from './text.js';

export type TaskRequest =
  | { task: 'pdf-open'; file: string; password?: string }
  | { task: 'pdf-text'; file: string; password?: string; first: number; last: number }
  | { task: 'docx'; file: string }
  | { task: 'xlsx'; file: string };

export type TaskResult =
  | { task: 'pdf-open'; numPages: number; outline: { title: string; page: number }[] }
  | { task: 'pdf-text'; pages: string[] }
  | { task: 'docx'; text: string; messages: string[] }
  | { task: 'xlsx'; sheets: { name: string; rows: string[][] }[] };

/** A parser error as it crossed the worker boundary (name/code kept so readers can explain it). */
export class ParserError extends Error {
  constructor(readonly parserName: string, readonly code: number | undefined, message: string) { super(message); }
}

export interface Limits { timeoutMs: number; memoryMb: number }

/** Plain-JS worker entry: needs no TypeScript loader, so it starts in ~50 ms under tsx, vitest or node. */
const workerUrl = new URL('./worker.mjs', import.meta.url);

/** Run one parser task in a fresh worker thread with a heap cap and a wall-clock timeout. */
export function runIsolated<T extends TaskRequest['task']>(req: TaskRequest & { task: T }, limits: Limits): Promise<Extract<TaskResult, { task: T }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      // Do not inherit the parent's loaders (tsx): the worker is plain JS and they slow its imports tenfold.
      execArgv: [],
      workerData: req,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    // Parser chatter (pdf.js warnings) is dropped; errors come back as messages.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new ReadError(`parser timed out after ${Math.round(limits.timeoutMs / 1000)} s (file too large or malformed)`))), limits.timeoutMs);
    worker.on('message', (m: { ok: true; result: Extract<TaskResult, { task: T }> } | { ok: false; name: string; code?: number; message: string }) => {
      finish(() => (m.ok ? resolve(m.result) : reject(new ParserError(m.name, m.code, m.message))));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new ReadError(`parser ran out of memory (limit ${limits.memoryMb} MB; file too large or malformed)`)
        : new ParserError(err.name, undefined, err.message)));
    });
    worker.on('exit', (code) => finish(() => reject(new ReadError(`parser exited unexpectedly (code ${code})`))));
  });
}
