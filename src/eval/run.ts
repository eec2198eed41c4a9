import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { verifyCitations } from '../model/index.js';
import { analyzePaths } from '../pipeline.js';
import { TruthSchema, type Truth } from '../synth/truth.js';
import { scoreCase, summarise, type CaseScore, type EvalSummary } from './score.js';

/** Files in a case folder that describe the case rather than belong to the record. */
const CASE_METADATA = new Set(['truth.json', 'expected.json', 'case.json']);

/** Case folders under `root` (or `root` itself) that carry a truth.json or expected.json. */
export async function findCases(root: string): Promise<{ dir: string; truthFile: string }[]> {
  const out: { dir: string; truthFile: string }[] = [];
  async function visit(dir: string): Promise<void> {
    const names = (await readdir(dir)).sort();
    const truth = names.find((n) => n === 'truth.json') ?? names.find((n) => n === 'expected.json');
    if (truth) { out.push({ dir, truthFile: path.join(dir, truth) }); return; }
    for (const n of names) {
      const p = path.join(dir, n);
      if (!n.startsWith('.') && (await stat(p)).isDirectory()) await visit(p);
    }
  }
  await visit(root);
  return out;
}

/** Analyse one case folder (record files only) and score it against its truth. */
export async function evaluateCase(dir: string, truth: Truth): Promise<CaseScore> {
  const files = (await readdir(dir)).filter((n) => !CASE_METADATA.has(n) && !n.startsWith('.')).sort().map((n) => path.join(dir, n));
  const run = await analyzePaths(files, truth.claim);
  const texts = new Map(run.documents.map((d) => [d.file, { text: d.text, pages: d.pages }]));
  const check = verifyCitations(run.analysis, texts);
  return scoreCase(truth, run.analysis, { checked: check.checked, invalid: check.problems.length });
}

export async function evaluateDir(root: string): Promise<{ scores: CaseScore[]; summary: EvalSummary }> {
  const scores: CaseScore[] = [];
  for (const c of await findCases(root)) {
    const truth = TruthSchema.parse(JSON.parse(await readFile(c.truthFile, 'utf8')));
    scores.push(await evaluateCase(c.dir, truth));
  }
  return { scores, summary: summarise(scores) };
}
