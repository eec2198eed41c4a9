/**
 * Every temporary folder a test run makes (cases written to disk, stores, Chromium profiles) goes under one
 * folder of its own, removed when the run ends: a run leaves nothing in the system's temp directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'plateau-test-run-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
