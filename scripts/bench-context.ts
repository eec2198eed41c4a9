/**
 * Sentences per second for assessContext on one core, over the NegEx kit sentences (repeated).
 *   npx tsx scripts/bench-context.ts [FILE.tsv]
 */
import { readFileSync } from 'node:fs';
import { assessContext } from '../src/context/engine.js';
import { findColumn, locateConcept, parseTsv } from '../src/eval/context-tsv.js';

const file = process.argv[2] ?? '../shared/data/negex/dev.tsv';
const table = parseTsv(readFileSync(file, 'utf8'));
const ci = findColumn(table.header, ['condition', 'concept']);
const si = findColumn(table.header, ['sentence']);
const cases = table.rows.map((r) => {
  const s = r[si] ?? '';
  const at = locateConcept(s, r[ci] ?? '') ?? { start: 0, end: Math.min(10, s.length) };
  return { s, ...at };
});

for (const c of cases) assessContext(c.s, c.start, c.end); // warm up (and compile the lexicon)
const rounds = 40;
const t0 = performance.now();
let n = 0;
for (let k = 0; k < rounds; k++) for (const c of cases) { assessContext(c.s, c.start, c.end); n++; }
const sec = (performance.now() - t0) / 1000;
const meanChars = cases.reduce((a, c) => a + c.s.length, 0) / cases.length;
console.log(`assessContext: ${n} sentences (mean ${meanChars.toFixed(0)} chars) in ${sec.toFixed(2)} s = ${Math.round(n / sec).toLocaleString('en-US')} sentences/s`);
