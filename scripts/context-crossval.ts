/**
 * Two-fold cross-validation of the context engine on the NegEx/ConText dev kit: the rows are split
 * deterministically by position (half A = 1st, 3rd, 5th… data row; half B = 2nd, 4th, 6th…) and
 * each half is scored with the scoring of src/eval/context-eval.ts. When tuning the lexicon, look
 * only at the errors of one half (--errors A) and read the figures of the other.
 *
 *   npm run eval:context:cv -- [FILE.tsv] [--errors A|B] [--only A|B]
 *
 * --only prints the figures of one half alone, so a tuning round never shows the held-out half.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateContext, type Confusion, type ContextEvalReport } from '../src/eval/context-eval.js';
import { parseTsv } from '../src/eval/context-tsv.js';

export interface Half { name: 'A' | 'B'; tsv: string }

/** Split a kit TSV into two halves by data-row position: A = even index (0, 2, …), B = odd index. */
export function splitHalves(text: string): [Half, Half] {
  const table = parseTsv(text);
  const head = table.header.join('\t');
  const pick = (parity: number) => [head, ...table.rows.filter((_, i) => i % 2 === parity).map((r) => r.join('\t'))].join('\n') + '\n';
  return [{ name: 'A', tsv: pick(0) }, { name: 'B', tsv: pick(1) }];
}

/** F1 of "not Recent" (Historical or Hypothetical, label must match) from the temporality confusion. */
export function temporalityF1(c: Confusion): number {
  let tp = 0; let fp = 0; let fn = 0;
  for (const g of c.labels) {
    for (const p of c.labels) {
      const n = c.counts.get(`${g}\t${p}`) ?? 0;
      if (g !== 'Recent' && g === p) tp += n;
      else {
        if (p !== 'Recent') fp += n;
        if (g !== 'Recent') fn += n;
      }
    }
  }
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

export function formatTable(rows: { name: string; report: ContextEvalReport }[]): string {
  const f = (x: number) => x.toFixed(3);
  const cols = ['half', 'rows', 'neg P', 'neg R', 'neg F1', '(tp/fp/fn)', 'temp acc', 'temp F1', 'exp acc'];
  const w = [6, 6, 7, 7, 8, 13, 10, 9, 9];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('');
  return [
    line(cols),
    ...rows.map(({ name, report: r }) => line([
      name, String(r.rows), f(r.negated.precision), f(r.negated.recall), f(r.negated.f1),
      `${r.negated.tp}/${r.negated.fp}/${r.negated.fn}`, f(r.temporalityAccuracy), f(temporalityF1(r.confusion.temporality)), f(r.experiencerAccuracy),
    ])),
  ].join('\n');
}

function main(argv: string[]): void {
  const flag = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1]?.toUpperCase() : undefined; };
  const errorsOf = flag('--errors');
  const only = flag('--only');
  const file = argv.find((a, i) => !a.startsWith('--') && !['--errors', '--only'].includes(argv[i - 1] ?? '')) ?? '../shared/data/negex/dev.tsv';
  const text = readFileSync(file, 'utf8');
  const halves = splitHalves(text);
  const reports = halves.filter((h) => !only || h.name === only).map((h) => ({ name: h.name, report: evaluateContext(h.tsv) }));
  process.stdout.write(`${file}: half A = odd data rows (1st, 3rd, …), half B = even data rows\n`);
  process.stdout.write('negation F1: Negated as positive class; temporality acc: 3-way (gold "Not particular" = Recent); temporality F1: Historical/Hypothetical vs Recent\n\n');
  process.stdout.write(formatTable(only ? reports : [...reports, { name: 'all', report: evaluateContext(text) }]) + '\n');
  if (errorsOf === 'A' || errorsOf === 'B') {
    const r = reports.find((x) => x.name === errorsOf)?.report ?? evaluateContext(halves.find((h) => h.name === errorsOf)!.tsv);
    for (const e of r.errors) process.stdout.write(`\n[${e.field}] gold ${e.gold} → ${e.predicted}: ${e.concept}\n  ${e.sentence.replace(/\s+/g, ' ')}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
