/** `plateau eval`: score the analysis of case folders against their truth files. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../usage.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Analyse every case with a truth.json (or expected.json) under DIR and score it')
    .argument('<dir>', 'folder of generated or example cases')
    .option('--json', 'print the summary and per-case scores as JSON')
    .option('--details', 'reviewer-keyed cases: list what was missed, false or fooled, case by case')
    .action(async (dir: string, o: { json?: boolean; details?: boolean }) => {
      if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
      const started = performance.now();
      const [{ evaluateDir }, { formatSummary }, { formatReviewer, summariseReviewer }] = await Promise.all([
        import('../../eval/run.js'), import('../../eval/score.js'), import('../../eval/reviewer-score.js'),
      ]);
      const { scores, summary, reviewer } = await evaluateDir(dir);
      const n = scores.length + reviewer.length;
      if (n === 0) throw new UsageError(`no case with truth.json or expected.json under ${dir}`);
      if (o.json) {
        process.stdout.write(JSON.stringify({
          ...(scores.length ? { summary, cases: scores } : {}),
          ...(reviewer.length ? { reviewer: { summary: summariseReviewer(reviewer), cases: reviewer } } : {}),
        }, null, 2) + '\n');
      } else {
        if (scores.length) process.stdout.write(formatSummary(summary));
        if (scores.length && reviewer.length) process.stdout.write('\n');
        if (reviewer.length) process.stdout.write(formatReviewer(reviewer, o.details));
      }
      process.stderr.write(`plateau: evaluated ${n} case(s) in ${Math.round(performance.now() - started)} ms\n`);
    });
}
