/**
 * The analysis of one case, off the server's request path: reads the case's files, reports progress as it goes,
 * and sends back the analysis, what it was computed from, and the text of every page read.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { decryptToFile } from '../store/blob-crypto.js';
import { analyzePaths, type RunProgress } from '../pipeline.js';
import type { Claim } from '../model/index.js';
import type { CaseLimits } from '../ingest/budget.js';

/** `plainDir`: where encrypted files are decrypted for the run (the parent removes it whatever happens). */
export interface WorkerRequest { dir: string; claim: Claim; keyHex?: string; plainDir?: string; limits?: Partial<CaseLimits> }
export type WorkerMessage =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'done'; result: string }
  | { type: 'error'; message: string };

const port = parentPort!;
const { dir, claim, keyHex, plainDir, limits } = workerData as WorkerRequest;
let last = 0;
/** Encrypted files are decrypted into a private temporary folder for the run, and that folder removed after. */
let plain: string | undefined;
try {
  let source = dir;
  if (keyHex && plainDir) {
    plain = plainDir;
    await mkdir(plain, { recursive: true, mode: 0o700 });
    const key = { hex: keyHex, bytes: Buffer.from(keyHex, 'hex') };
    for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => !n.startsWith('.'))) await decryptToFile(path.join(dir, name), path.join(plain, name), key);
    source = plain;
  }
  const run = await analyzePaths([source], claim, {
    read: { limits },
    onProgress: (progress) => {
      // A few updates a second are enough for a progress bar; every step change is sent.
      const now = Date.now();
      if (progress.step === 'reading' && now - last < 200 && progress.filesDone < progress.filesTotal) return;
      last = now;
      port.postMessage({ type: 'progress', progress } satisfies WorkerMessage);
    },
  });
  const pages = run.documents.map((d) => ({ file: d.file, text: d.text, pages: d.pages.map((p) => ({ n: p.n, start: p.start, end: p.end })) }));
  // One string: structured cloning of a large analysis is slower than JSON for this shape.
  port.postMessage({ type: 'done', result: JSON.stringify({ analysis: run.analysis, input: run.input, pages }) } satisfies WorkerMessage);
} catch (err) {
  port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
} finally {
  if (plain) await rm(plain, { recursive: true, force: true });
}
