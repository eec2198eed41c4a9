import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../usage.js';

/** `plateau context FILE.tsv`: the kit rows with negation, temporality and experiencer columns added. */
export function registerContext(program: Command): void {
  program
    .command('context')
    .description('Judge negation, temporality and experiencer for each Condition/sentence row of a TSV (NegEx/ConText kit format)')
    .argument('<file>', 'TSV with a header row holding "Condition" (or "concept") and "sentence" columns; "-" reads stdin')
    .option('--explain', 'add a "cues" column naming the triggers that decided each row')
    .action(async (file: string, opts: { explain?: boolean }) => {
      if (file !== '-' && !existsSync(file)) throw new UsageError(`no such file: ${file}`);
      const text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
      const { judgeTable, parseTsv } = await import('../../eval/context-tsv.js');
      const table = parseTsv(text);
      let judged;
      try { judged = judgeTable(table); } catch (err) { throw new UsageError(`${file}: ${err instanceof Error ? err.message : String(err)}`); }
      const header = [...table.header, 'negation', 'temporality', 'experiencer', ...(opts.explain ? ['cues'] : [])];
      const out = [header.join('\t')];
      for (const j of judged) {
        const extra: string[] = [j.negation, j.temporality, j.experiencer];
        if (opts.explain) extra.push(j.result.cues.map((c) => `${c.category}:"${c.trigger}"@${c.start}-${c.end}`).join('; '));
        out.push([...j.row, ...extra].join('\t'));
      }
      process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); else throw e; }); // `| head`
      process.stdout.write(out.join('\n') + '\n');
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
