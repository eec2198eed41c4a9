/**
 * The analysis of one case, off the server's request path: reads the case's files, reports progress as it goes,
 * and sends back the analysis, what it was computed from, and the text of every page read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzePaths, type RunProgress } from '../pipeline.js';
import type { Claim } from '../model/index.js';

export interface WorkerRequest { dir: string; claim: Claim }
export type WorkerMessage =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'done'; result: string }
  | { type: 'error'; message: string };

const port = parentPort!;
const { dir, claim } = workerData as WorkerRequest;
let last = 0;
try {
  const run = await analyzePaths([dir], claim, {
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
}
