import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from '../model/index.js';
import { ReadError, readTextDocument } from './text.js';

export interface FileFailure { file: string; error: string }
export interface ReadCaseResult { documents: SourceDocument[]; failures: FileFailure[] }

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text']);

/** Every file under the given paths (folders recursively, hidden files skipped), sorted for stable ids. */
export async function listFiles(inputs: string[]): Promise<{ abs: string; display: string }[]> {
  const out: { abs: string; display: string }[] = [];
  async function walk(abs: string, root: string): Promise<void> {
    const st = await stat(abs);
    if (st.isDirectory()) {
      for (const name of (await readdir(abs)).sort()) {
        if (name.startsWith('.')) continue;
        await walk(path.join(abs, name), root);
      }
    } else {
      out.push({ abs, display: root === abs ? path.basename(abs) : path.relative(root, abs) });
    }
  }
  for (const input of inputs) {
    const abs = path.resolve(input);
    const st = await stat(abs);
    await walk(abs, st.isDirectory() ? abs : abs);
  }
  return out;
}

/** Read every file; a file that cannot be read becomes a failure and never stops the others. */
export async function readCase(inputs: string[]): Promise<ReadCaseResult> {
  const files = await listFiles(inputs);
  const documents: SourceDocument[] = [];
  const failures: FileFailure[] = [];
  for (const [i, f] of files.entries()) {
    const id = `d${i + 1}`;
    try {
      const ext = path.extname(f.abs).toLowerCase();
      if (!TEXT_EXTENSIONS.has(ext)) throw new ReadError(`unsupported file type "${ext || '(none)'}"`);
      documents.push(readTextDocument(id, f.display, await readFile(f.abs)));
    } catch (err) {
      failures.push({ file: f.display, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return { documents, failures };
}
