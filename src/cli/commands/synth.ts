/** `plateau synth`: generate synthetic cases (records plus truth) for tests and evaluation. */
import path from 'node:path';
import type { Command } from 'commander';
import type { SynthFormat } from '../../synth/index.js';
import { UsageError } from '../usage.js';

function intArg(name: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${v}"`);
  return n;
}

export function registerSynth(program: Command): void {
  program
    .command('synth')
    .description('Generate synthetic claim files with ground truth (truth.json per case)')
    .requiredOption('--out <dir>', 'folder to write the cases into')
    .option('--cases <n>', 'number of cases', '10')
    .option('--seed <n>', 'random seed (same seed, same cases)', '1')
    .option('--pages <n>', 'pad each case to about this many pages')
    .option('--format <format>', 'txt | pdf | scan | mixed', 'txt')
    .action(async (o: { out: string; cases: string; seed: string; pages?: string; format: string }) => {
      const format = o.format as SynthFormat;
      if (!['txt', 'pdf', 'scan', 'mixed'].includes(format)) throw new UsageError(`--format must be txt, pdf, scan or mixed; got "${o.format}"`);
      const seed = intArg('seed', o.seed, 0);
      const { generateCases, writeCases } = await import('../../synth/index.js');
      const cases = generateCases({ cases: intArg('cases', o.cases, 1), seed, pages: o.pages ? intArg('pages', o.pages, 1) : undefined });
      await writeCases(cases, path.resolve(o.out), format, seed);
      process.stderr.write(`plateau: wrote ${cases.length} case(s) to ${o.out}\n`);
    });
}
