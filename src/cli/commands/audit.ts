/** `plateau audit verify|export`: check the audit log's hash chain, or print it as CSV. */
import path from 'node:path';
import type { Command } from 'commander';

function storeOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--data <dir>', 'the workspace data folder')
    .option('--db <file>', 'SQLite database file (default: DATA/workspace.db)')
    .option('--key-file <file>', 'the data key, if the workspace is encrypted (else PLATEAU_KEY)');
}

async function open(opts: { data: string; db?: string; keyFile?: string }) {
  const dataDir = path.resolve(opts.data);
  const [{ openStore }, { readKey }] = await Promise.all([import('../../store/db.js'), import('../../store/keys.js')]);
  return openStore(opts.db ? path.resolve(opts.db) : path.join(dataDir, 'workspace.db'), readKey(opts.keyFile, dataDir));
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The workspace audit log: who viewed, changed, exported or deleted which case, when');
  storeOptions(audit.command('verify').description('Recompute the hash chain; exit 1 if any entry was changed or removed'))
    .action(async (opts: { data: string; db?: string; keyFile?: string }) => {
      const db = await open(opts);
      const { verifyAudit } = await import('../../store/audit.js');
      try {
        const r = await verifyAudit(db);
        if (r.ok) process.stdout.write(`audit log intact: ${r.entries} entries, chain verified\n`);
        else { process.stdout.write(`audit log BROKEN at entry ${r.brokenAt} of ${r.entries}: ${r.reason}\n`); process.exitCode = 1; }
      } finally { await db.destroy(); }
    });
  storeOptions(audit.command('export').description('Print the audit log as CSV'))
    .action(async (opts: { data: string; db?: string; keyFile?: string }) => {
      const db = await open(opts);
      const { auditCsv } = await import('../../store/audit.js');
      try { process.stdout.write(await auditCsv(db)); } finally { await db.destroy(); }
    });
}
