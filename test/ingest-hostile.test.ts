import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCase } from '../src/ingest/index.js';
import { runIsolated } from '../src/ingest/isolate.js';
import { renderTextPdf } from '../src/synth/render.js';
import { HOSTILE_EXPECT, writeHostileCorpus } from './fixtures/hostile.js';
import { clinicalPages } from './fixtures/records.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plateau-hostile-'));
  await writeHostileCorpus(dir);
});

describe('hostile corpus', () => {
  it('each bad file gets its own specific error while the good ones are read', async () => {
    const seen: string[] = [];
    const t0 = performance.now();
    const { documents, failures } = await readCase([dir], { onFailure: (f) => seen.push(f.file) });
    expect(performance.now() - t0).toBeLessThan(30_000);
    const ok = Object.entries(HOSTILE_EXPECT).filter(([, re]) => !re).map(([f]) => f).sort();
    expect(documents.map((d) => d.file).sort()).toEqual(ok);
    for (const [file, re] of Object.entries(HOSTILE_EXPECT)) {
      if (!re) continue;
      const f = failures.find((x) => x.file === file);
      expect(f?.error, file).toMatch(re);
    }
    expect(seen.sort()).toEqual(failures.map((f) => f.file).sort());
    const latin1 = documents.find((d) => d.file === 'latin1.txt')!;
    expect(latin1.warnings.join(' ')).toMatch(/not valid UTF-8: read as Windows-1252/);
    expect(latin1.text).toContain('Café worker, ° flexion');
  });

  it('reads UTF-16 text with a byte-order mark, and reports folders it cannot walk without stopping', async () => {
    const extra = await mkdtemp(path.join(tmpdir(), 'plateau-walk-'));
    await writeFile(path.join(extra, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('DOS: 01/02/2023\nLow back pain 6/10.\n', 'utf16le')]));
    await symlink(extra, path.join(extra, 'loop'));
    const { documents, failures } = await readCase([extra]);
    expect(failures).toEqual([]);
    expect(documents.map((d) => d.file)).toEqual(['utf16.txt']);
    expect(documents[0].text).toBe('DOS: 01/02/2023\nLow back pain 6/10.\n');
  });

  it('opens an encrypted PDF when given its user password, and says when the password is wrong', async () => {
    const good = await readCase([path.join(dir, 'encrypted.pdf')], { pdf: { password: 'secret' } });
    expect(good.failures).toEqual([]);
    expect(good.documents[0].text).toContain('Decreased sensation L5 dermatome');
    const bad = await readCase([path.join(dir, 'encrypted.pdf')], { pdf: { password: 'nope' } });
    expect(bad.failures[0].error).toBe('encrypted PDF: the password given is wrong');
  });
});

describe('parser isolation', () => {
  it('a parser that runs past its time limit is stopped with a clear error', async () => {
    await expect(runIsolated({ task: 'pdf-text', file: path.join(dir, 'good.pdf'), first: 1, last: 1 }, { timeoutMs: 1, memoryMb: 256 }))
      .rejects.toThrow(/parser timed out after 0 s/);
  });

  it('a parser that exhausts its heap dies alone; the process carries on', async () => {
    const big = path.join(dir, 'big-2000.pdf');
    await writeFile(big, await renderTextPdf(clinicalPages(2000)));
    await expect(runIsolated({ task: 'pdf-text', file: big, first: 1, last: 2000 }, { timeoutMs: 60_000, memoryMb: 8 }))
      .rejects.toThrow(/out of memory|exited unexpectedly/);
    // …and the same 2,000-page file reads fine within normal limits.
    const { documents, failures } = await readCase([big]);
    expect(failures).toEqual([]);
    expect(documents[0].pages).toHaveLength(2000);
  });

  it('a PDF over the page cap is refused before any text is extracted', async () => {
    const { failures } = await readCase([path.join(dir, 'good.pdf')], { pdf: { maxPages: 0 } });
    expect(failures[0].error).toMatch(/declares 1 pages, above the 0-page limit/);
  });
});
