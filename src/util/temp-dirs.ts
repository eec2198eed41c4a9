/**
 * Temporary folders holding rendered pages of a record (protected health information): removed when their work
 * ends and, if the process is stopped first (Ctrl-C, SIGTERM), when it exits.
 */
import { rmSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const live = new Set<string>();
let installed = false;

function removeAll(): void {
  for (const d of live) rmSync(d, { recursive: true, force: true });
  live.clear();
}

export function trackTempDir(dir: string): void {
  if (!installed) {
    installed = true;
    process.once('exit', removeAll);
    // A signal ends the process without running `finally` blocks: exit through the handler above. (Signals
    // reach the main thread only; a worker's folders go when the process exits.)
    if (isMainThread) for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => { removeAll(); if (process.listenerCount(sig) === 0) process.exit(sig === 'SIGINT' ? 130 : 143); });
    }
  }
  live.add(dir);
}

export function untrackTempDir(dir: string): void {
  live.delete(dir);
}
