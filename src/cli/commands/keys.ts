/** `plateau keygen FILE` and `plateau rekey`: the data key that encrypts the workspace at rest. */
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../usage.js';

export function registerKeys(program: Command): void {
  program
    .command('keygen')
    .description('Write a new random data key (64 hex characters, owner-only) to FILE; keep it away from the data')
    .argument('<file>', 'key file to create (never overwritten)')
    .action(async (file: string) => {
      const { generateKeyFile } = await import('../../store/keys.js');
      try { generateKeyFile(file); } catch (err) { throw new UsageError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code === 'EEXIST' ? 'it exists' : String(err)}`); }
      process.stderr.write(`plateau: wrote a new data key to ${path.resolve(file)} (mode 600)\n`);
    });
  program
    .command('rekey')
    .description('Re-encrypt the workspace (database and stored files) under a new key; with no old key, encrypt it for the first time')
    .requiredOption('--data <dir>', 'the workspace data folder')
    .option('--db <file>', 'SQLite database file (default: DATA/workspace.db)')
    .option('--key-file <file>', 'the current key (omit if the workspace is not encrypted yet)')
    .requiredOption('--new-key-file <file>', 'the new key')
    .action(async (opts: { data: string; db?: string; keyFile?: string; newKeyFile: string }) => {
      const dataDir = path.resolve(opts.data);
      const [{ readKey }, { rekeyWorkspace }] = await Promise.all([import('../../store/keys.js'), import('../../workspace/rekey.js')]);
      const oldKey = opts.keyFile ? readKey(opts.keyFile, dataDir) : undefined;
      const newKey = readKey(opts.newKeyFile, dataDir)!;
      const n = await rekeyWorkspace(dataDir, opts.db ? path.resolve(opts.db) : path.join(dataDir, 'workspace.db'), oldKey, newKey);
      process.stderr.write(`plateau: database and ${n} stored file(s) now encrypted under the new key\n`);
    });
  program
    .command('backup')
    .description('Write a consistent, encrypted snapshot of the workspace (database and stored files) to FILE; the server may keep running')
    .argument('<file>', 'backup file to write')
    .requiredOption('--data <dir>', 'the workspace data folder')
    .option('--db <file>', 'SQLite database file (default: DATA/workspace.db)')
    .option('--key-file <file>', 'the data key (the workspace\'s, or a key for the backup of an unencrypted workspace); else PLATEAU_KEY')
    .action(async (file: string, opts: { data: string; db?: string; keyFile?: string }) => {
      const dataDir = path.resolve(opts.data);
      const [{ readKey }, { backupWorkspace }] = await Promise.all([import('../../store/keys.js'), import('../../workspace/backup.js')]);
      const key = readKey(opts.keyFile, dataDir);
      if (!key) throw new UsageError('a backup is always encrypted: give --key-file or PLATEAU_KEY');
      const n = await backupWorkspace(dataDir, opts.db ? path.resolve(opts.db) : path.join(dataDir, 'workspace.db'), key, path.resolve(file));
      process.stderr.write(`plateau: backup of the database and ${n} stored file(s) written to ${path.resolve(file)}\n`);
    });
  program
    .command('restore')
    .description('Restore a backup into an empty data folder')
    .argument('<file>', 'backup file')
    .requiredOption('--data <dir>', 'an empty data folder')
    .option('--key-file <file>', 'the key the backup was made with; else PLATEAU_KEY')
    .action(async (file: string, opts: { data: string; keyFile?: string }) => {
      const dataDir = path.resolve(opts.data);
      const [{ readKey }, { restoreWorkspace }] = await Promise.all([import('../../store/keys.js'), import('../../workspace/backup.js')]);
      const key = readKey(opts.keyFile, dataDir);
      if (!key) throw new UsageError('give the backup\'s key: --key-file or PLATEAU_KEY');
      const n = await restoreWorkspace(path.resolve(file), dataDir, key);
      process.stderr.write(`plateau: restored the database and ${n} stored file(s) into ${dataDir}\n`);
    });
}
