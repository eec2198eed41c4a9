/** The `plateau` command line: registers the subcommands and turns errors into exit codes. */
import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerContext } from './commands/context.js';
import { registerSynth } from './commands/synth.js';
import { registerEval } from './commands/eval.js';
import { registerServe } from './commands/serve.js';
import { registerKeys } from './commands/keys.js';
import { registerAudit } from './commands/audit.js';
import { registerUsers } from './commands/users.js';
import { UsageError } from './usage.js';

const program = new Command('plateau')
  .description('Reads a medical record and reconstructs treatment, MMI, functional floor and gaps — every finding cited.')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

// A reader that stops early (`plateau analyze … | head`) closes the pipe: that ends the output, not in a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

registerAnalyze(program);
registerContext(program);
registerSynth(program);
registerEval(program);
registerServe(program);
registerKeys(program);
registerAudit(program);
registerUsers(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof UsageError) {
    process.stderr.write(`plateau: ${err.message}\n`);
    process.exitCode = 2;
  } else if (err instanceof Error && err.name === 'ContractError') {
    process.stderr.write(`plateau: internal error, the analysis broke the output contract: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`plateau: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 3;
  }
}
