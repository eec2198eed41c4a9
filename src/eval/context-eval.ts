/**
 * Scores the context engine on a NegEx/ConText kit file (default ../shared/data/negex/dev.tsv):
 * precision/recall/F1 for Negated, accuracy for negation, temporality and experiencer, and the
 * confusion counts. Gold "Not particular" temporality counts as Recent; "Family member" as Other.
 *
 *   npm run eval:context            tsx src/eval/context-eval.ts FILE.tsv [--errors]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findColumn, judgeTable, parseTsv, type LabelledRow } from './context-tsv.js';

export interface Confusion { labels: string[]; counts: Map<string, number> }

export interface ContextEvalReport {
  rows: number;
  negated: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  negationAccuracy: number;
  temporalityAccuracy: number;
  experiencerAccuracy: number;
  confusion: { negation: Confusion; temporality: Confusion; experiencer: Confusion };
  errors: { field: string; gold: string; predicted: string; concept: string; sentence: string }[];
}

function goldNegation(s: string): string {
  const v = s.trim().toLowerCase();
  return v.startsWith('neg') ? 'Negated' : v.startsWith('poss') ? 'Possible' : 'Affirmed';
}
function goldTemporality(s: string): string {
  const v = s.trim().toLowerCase();
  return v.startsWith('hist') ? 'Historical' : v.startsWith('hypo') ? 'Hypothetical' : 'Recent';
}
function goldExperiencer(s: string): string {
  return s.trim().toLowerCase().startsWith('patient') ? 'Patient' : 'Other';
}

function confusion(labels: string[]): Confusion { return { labels, counts: new Map() }; }
function add(c: Confusion, gold: string, predicted: string): void {
  const k = `${gold}\t${predicted}`;
  c.counts.set(k, (c.counts.get(k) ?? 0) + 1);
}

export function evaluateContext(tsvText: string): ContextEvalReport {
  const table = parseTsv(tsvText);
  const ni = findColumn(table.header, ['negation_status', 'negation']);
  const ti = findColumn(table.header, ['temporality']);
  const ei = findColumn(table.header, ['experiencer']);
  const ci = findColumn(table.header, ['condition', 'concept']);
  const si = findColumn(table.header, ['sentence']);
  if (ni < 0 || ti < 0 || ei < 0) throw new Error('gold columns negation_status, temporality and experiencer are required');
  const judged: LabelledRow[] = judgeTable(table);
  const cm = {
    negation: confusion(['Affirmed', 'Negated', 'Possible']),
    temporality: confusion(['Recent', 'Historical', 'Hypothetical']),
    experiencer: confusion(['Patient', 'Other']),
  };
  let tp = 0; let fp = 0; let fn = 0; let negOk = 0; let tempOk = 0; let expOk = 0;
  const errors: ContextEvalReport['errors'] = [];
  for (const j of judged) {
    const g = { negation: goldNegation(j.row[ni] ?? ''), temporality: goldTemporality(j.row[ti] ?? ''), experiencer: goldExperiencer(j.row[ei] ?? '') };
    const p = { negation: j.negation, temporality: j.temporality, experiencer: j.experiencer };
    if (p.negation === 'Negated' && g.negation === 'Negated') tp++;
    else if (p.negation === 'Negated') fp++;
    else if (g.negation === 'Negated') fn++;
    for (const field of ['negation', 'temporality', 'experiencer'] as const) {
      add(cm[field], g[field], p[field]);
      if (g[field] === p[field]) {
        if (field === 'negation') negOk++; else if (field === 'temporality') tempOk++; else expOk++;
      } else errors.push({ field, gold: g[field], predicted: p[field], concept: j.row[ci] ?? '', sentence: j.row[si] ?? '' });
    }
  }
  const n = judged.length || 1;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    rows: judged.length,
    negated: { tp, fp, fn, precision, recall, f1 },
    negationAccuracy: negOk / n,
    temporalityAccuracy: tempOk / n,
    experiencerAccuracy: expOk / n,
    confusion: cm,
    errors,
  };
}

function formatConfusion(name: string, c: Confusion): string {
  const w = 14;
  const lines = [`${name} (rows: gold, columns: predicted)`, ' '.repeat(w) + c.labels.map((l) => l.padStart(w)).join('')];
  for (const g of c.labels) lines.push(g.padEnd(w) + c.labels.map((p) => String(c.counts.get(`${g}\t${p}`) ?? 0).padStart(w)).join(''));
  return lines.join('\n');
}

export function formatReport(r: ContextEvalReport): string {
  const f = (x: number) => x.toFixed(3);
  return [
    `rows: ${r.rows}`,
    `Negated   precision ${f(r.negated.precision)}  recall ${f(r.negated.recall)}  F1 ${f(r.negated.f1)}  (tp ${r.negated.tp}, fp ${r.negated.fp}, fn ${r.negated.fn})`,
    `negation accuracy     ${f(r.negationAccuracy)}`,
    `temporality accuracy  ${f(r.temporalityAccuracy)}  (gold "Not particular" = Recent)`,
    `experiencer accuracy  ${f(r.experiencerAccuracy)}`,
    '',
    formatConfusion('negation', r.confusion.negation),
    '',
    formatConfusion('temporality', r.confusion.temporality),
    '',
    formatConfusion('experiencer', r.confusion.experiencer),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) { process.stderr.write('usage: tsx src/eval/context-eval.ts FILE.tsv [--errors]\n'); process.exit(2); }
  const report = evaluateContext(readFileSync(file, 'utf8'));
  process.stdout.write(formatReport(report) + '\n');
  if (process.argv.includes('--errors')) {
    for (const e of report.errors) process.stdout.write(`\n[${e.field}] gold ${e.gold} → ${e.predicted}: ${e.concept}\n  ${e.sentence.replace(/\s+/g, ' ')}\n`);
  }
}
