/** System tools (pdftotext, pdftoppm, tesseract): detection, running with a timeout, bounded parallelism. */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

const found = new Map<string, boolean>();
/** Whether a system tool (pdftotext, pdftoppm, tesseract) is on PATH; checked once. */
export function hasTool(name: string): boolean {
  let ok = found.get(name);
  if (ok === undefined) {
    ok = spawnSync(name, ['-v'], { stdio: 'ignore', timeout: 5000 }).error === undefined;
    found.set(name, ok);
  }
  return ok;
}

/** Run a tool with a timeout and a kill; resolves stdout as text. */
export async function runTool(cmd: string, args: string[], opts: { timeoutMs: number; env?: NodeJS.ProcessEnv; maxBuffer?: number }): Promise<string> {
  const { stdout } = await execFileP(cmd, args, {
    timeout: opts.timeoutMs, killSignal: 'SIGKILL', maxBuffer: opts.maxBuffer ?? 512 * 1024 * 1024, encoding: 'utf8',
    env: opts.env ?? process.env,
  });
  return stdout;
}

/** Map with at most `limit` tasks in flight; results keep input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(lanes);
  return out;
}
