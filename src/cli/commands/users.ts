/** `plateau user add|list`: accounts for server mode (`plateau serve --accounts`). */
import path from 'node:path';
import type { Command } from 'commander';
import { AccountError, addUser, listUsers, ROLES, type Role } from '../../store/accounts.js';
import { UsageError } from '../usage.js';

async function readPassword(): Promise<string> {
  if (process.env.PLATEAU_PASSWORD) return process.env.PLATEAU_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('password (at least 12 characters), then Enter: ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) { chunks.push(c as Buffer); if (Buffer.concat(chunks).includes(10)) break; }
  return Buffer.concat(chunks).toString('utf8').split('\n')[0].replace(/\r$/, '');
}

async function store(opts: { data: string; db?: string; keyFile?: string }) {
  const dataDir = path.resolve(opts.data);
  const [{ openStore }, { readKey }] = await Promise.all([import('../../store/db.js'), import('../../store/keys.js')]);
  return openStore(opts.db ? path.resolve(opts.db) : path.join(dataDir, 'workspace.db'), readKey(opts.keyFile, dataDir));
}

export function registerUsers(program: Command): void {
  const user = program.command('user').description('Accounts for server mode: administrators, reviewers, read-only users');
  user.command('add')
    .description('Add a user; the password is read from stdin (or PLATEAU_PASSWORD)')
    .argument('<name>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--data <dir>', 'the workspace data folder')
    .option('--db <file>', 'SQLite database file (default: DATA/workspace.db)')
    .option('--key-file <file>', 'the data key, if the workspace is encrypted')
    .action(async (name: string, opts: { role: string; data: string; db?: string; keyFile?: string }) => {
      if (!ROLES.includes(opts.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const db = await store(opts);
      try {
        const u = await addUser(db, name, opts.role as Role, await readPassword());
        process.stderr.write(`plateau: added ${u.name} (${u.role})\n`);
      } catch (err) {
        if (err instanceof AccountError) throw new UsageError(err.message);
        throw err;
      } finally { await db.destroy(); }
    });
  user.command('list')
    .requiredOption('--data <dir>', 'the workspace data folder')
    .option('--db <file>', 'SQLite database file')
    .option('--key-file <file>', 'the data key, if the workspace is encrypted')
    .action(async (opts: { data: string; db?: string; keyFile?: string }) => {
      const db = await store(opts);
      try { for (const u of await listUsers(db)) process.stdout.write(`${[u.name, u.role, u.disabled && 'disabled', u.mustChangePassword && 'must change password'].filter(Boolean).join('\t')}\n`); } finally { await db.destroy(); }
    });
}
