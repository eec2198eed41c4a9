/** DOCX records read through mammoth into page-tracked text. */
import type { SourceDocument } from '../model/index.js';
import { runIsolated } from './isolate.js';
import { ReadError, pagesFromFormFeeds } from './text.js';

/** DOCX → raw text (mammoth): one line per paragraph, headings kept as their own lines. */
export async function readDocx(id: string, file: string, abs: string, exhibit: string | undefined): Promise<SourceDocument> {
  let r;
  try {
    r = await runIsolated({ task: 'docx', file: abs }, { timeoutMs: 30_000, memoryMb: 768 });
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError(`unreadable Word document: ${(err as Error).message}`);
  }
  // mammoth separates paragraphs with a blank line; keep one newline per paragraph like the source.
  const text = r.text.replace(/\r\n?/g, '\n').replace(/\n\n/g, '\n').replace(/\s+$/, '');
  if (!text.trim()) throw new ReadError('Word document has no text');
  const pages = pagesFromFormFeeds(text);
  if (exhibit) for (const p of pages) p.exhibit = `${exhibit}/${p.n}`;
  return { id, file, kind: 'docx', text, pages, exhibit, warnings: r.messages.map((m) => `docx: ${m}`), meta: {} };
}
