import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { verifyCitations } from '../model/index.js';
import { analyzePaths } from '../pipeline.js';
import { analyzeCase } from '../analyze/index.js';
import { TruthSchema, type Truth } from '../synth/truth.js';
import { scoreCase, summarise, type CaseScore, type EvalSummary } from './score.js';
import { CLAIM_OF_KEY, ReviewerKeySchema, type ReviewerKey } from './reviewer-key.js';
import { scoreReviewerCase, type ReviewerScore } from './reviewer-score.js';
import type { Claim } from '../model/index.js';

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

async function recordFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => !CASE_METADATA.has(n) && !n.startsWith('.')).sort().map((n) => path.join(dir, n));
}

/** Analyse one case folder (record files only) and score it against its truth. */
export async function evaluateCase(dir: string, truth: Truth): Promise<CaseScore> {
  const run = await analyzePaths(await recordFiles(dir), truth.claim);
  const texts = new Map(run.documents.map((d) => [d.file, { text: d.text, pages: d.pages }]));
  const check = verifyCitations(run.analysis, texts);
  return scoreCase(truth, run.analysis, { checked: check.checked, invalid: check.problems.length });
}

/** The claim as the case folder's case.json gives it (the key's own fields as fallback): never the answers. */
async function reviewerClaim(dir: string, key: ReviewerKey): Promise<Claim> {
  let raw: Record<string, unknown> = {};
  try { raw = JSON.parse(await readFile(path.join(dir, 'case.json'), 'utf8')) as Record<string, unknown>; } catch { /* no case.json */ }
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const claimKey = (str(raw.claim) ?? key.claim) as ReviewerKey['claim'];
  return {
    type: CLAIM_OF_KEY[claimKey] ?? 'general',
    onset: str(raw.onset) ?? key.onset ?? undefined,
    dli: str(raw.dli) ?? key.dli ?? undefined,
    state: str(raw.state),
  };
}

/** Analyse a case folder written by an independent reviewer and score it against the reviewer's key. */
export async function evaluateReviewerCase(dir: string, key: ReviewerKey): Promise<ReviewerScore> {
  const claim = await reviewerClaim(dir, key);
  try {
    const run = await analyzePaths(await recordFiles(dir), claim);
    return scoreReviewerCase(key, run.analysis, run.documents);
  } catch (e) {
    // One case the analysis fails on is scored as a case with nothing found (its verdict wrong unless the key says the
    // evidence is insufficient), and the set goes on: a crash must count against the figures, not hide the others.
    process.stderr.write(`plateau: ${path.basename(dir)}: analysis failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return scoreReviewerCase(key, analyzeCase({ claim, documents: [], encounters: [], facts: [] }), []);
  }
}

export interface DirEvaluation { scores: CaseScore[]; summary: EvalSummary; reviewer: ReviewerScore[] }

/** Every case under `root`: generated/example truths are scored fact by fact, reviewer keys by verdict, gaps and traps. */
export async function evaluateDir(root: string): Promise<DirEvaluation> {
  const scores: CaseScore[] = [];
  const reviewer: ReviewerScore[] = [];
  for (const c of await findCases(root)) {
    const raw: unknown = JSON.parse(await readFile(c.truthFile, 'utf8'));
    const key = ReviewerKeySchema.safeParse(raw);
    if (key.success) reviewer.push(await evaluateReviewerCase(c.dir, key.data));
    else scores.push(await evaluateCase(c.dir, TruthSchema.parse(raw)));
  }
  return { scores, summary: summarise(scores), reviewer };
}
