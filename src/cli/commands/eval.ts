/** `plateau eval`: score the analysis of case folders against their truth files. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluateDir } from '../../eval/run.js';
import { formatSummary } from '../../eval/score.js';
import { UsageError } from '../usage.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Analyse every case with a truth.json (or expected.json) under DIR and score it')
    .argument('<dir>', 'folder of generated or example cases')
    .option('--json', 'print the summary and per-case scores as JSON')
    .action(async (dir: string, o: { json?: boolean }) => {
      if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
      const started = performance.now();
      const { scores, summary } = await evaluateDir(dir);
      if (scores.length === 0) throw new UsageError(`no case with truth.json or expected.json under ${dir}`);
      if (o.json) process.stdout.write(JSON.stringify({ summary, cases: scores }, null, 2) + '\n');
      else process.stdout.write(formatSummary(summary));
      process.stderr.write(`plateau: evaluated ${scores.length} case(s) in ${Math.round(performance.now() - started)} ms\n`);
    });
}
