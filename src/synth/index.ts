/** Synthetic case generation: writes a case folder of records plus its truth.json. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCase, type GeneratedCase, type MmiKind } from './case.js';
import { Rng } from './prng.js';
export { ocrNoise } from './noise.js';
import { renderDocx, renderScannedPdf, renderTextPdf } from './render.js';

export type SynthFormat = 'txt' | 'pdf' | 'scan' | 'mixed';
export interface SynthOptions { cases: number; seed: number; pages?: number; format?: SynthFormat }

const MMI_CYCLE: MmiKind[] = ['explicit', 'implied', 'not_reached', 'explicit', 'implied', 'insufficient_evidence'];

/** Generate N cases deterministically; MMI kinds cycle so every kind is represented in any set of 6+. */
export function generateCases(o: SynthOptions): GeneratedCase[] {
  const root = new Rng(o.seed);
  const out: GeneratedCase[] = [];
  for (let i = 0; i < o.cases; i++) {
    const id = `case-${String(i + 1).padStart(3, '0')}`;
    out.push(buildCase(root.fork(id), { id, pages: o.pages, mmi: MMI_CYCLE[i % MMI_CYCLE.length] }));
  }
  return out;
}

/** Write each case folder: the exhibits in the requested format plus truth.json. */
export async function writeCases(cases: GeneratedCase[], outDir: string, format: SynthFormat = 'txt', seed = 0): Promise<void> {
  const rng = new Rng(seed ^ 0x5bd1e995);
  for (const c of cases) {
    const dir = path.join(outDir, c.id);
    await mkdir(dir, { recursive: true });
    for (const f of c.files) {
      const kind = format === 'mixed' ? rng.pick(['txt', 'pdf', 'scan', 'docx'] as const) : format;
      const base = f.name.replace(/\.txt$/, '');
      if (kind === 'txt') await writeFile(path.join(dir, f.name), f.pages.join('\f'));
      else if (kind === 'pdf') await writeFile(path.join(dir, `${base}.pdf`), await renderTextPdf(f.pages, { footer: (n, t) => `Page ${n} of ${t}` }));
      else if (kind === 'scan') await writeFile(path.join(dir, `${base}.pdf`), await renderScannedPdf(f.pages));
      else await writeFile(path.join(dir, `${base}.docx`), await renderDocx(f.pages));
    }
    await writeFile(path.join(dir, 'truth.json'), JSON.stringify(c.truth, null, 2) + '\n');
  }
}

export type { GeneratedCase } from './case.js';
