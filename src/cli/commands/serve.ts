/** `plateau serve`: the case workspace in the browser, on this machine only. */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Workspace } from '../../workspace/workspace.js';
import { UsageError } from '../usage.js';
import { caseLimitsFrom, withCaseLimitOptions, type CaseLimitFlags } from '../case-limits.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../../examples/lumbar-ssdi');

function defaultDataDir(): string {
  return path.join(process.env.XDG_DATA_HOME ?? path.join(homedir(), '.local', 'share'), 'plateau');
}

/** The example case, loaded once into an empty workspace so a first run has something to look at. */
async function loadExample(ws: Workspace): Promise<void> {
  if ((await ws.listCases()).length) return;
  const meta = JSON.parse(await readFile(path.join(EXAMPLE, 'case.json'), 'utf8')) as { claimant?: string; onset?: string; dli?: string };
  const c = await ws.createCase({ claimant: meta.claimant ?? 'Example claimant', claimType: 'ssdi', onset: meta.onset, dli: meta.dli });
  const names = (await readdir(EXAMPLE)).filter((n) => !['case.json', 'expected.json'].includes(n)).sort();
  async function* files() { for (const n of names) yield { filename: n, file: createReadStream(path.join(EXAMPLE, n)) }; }
  await ws.addDocuments(c.id, files());
}

export function registerServe(program: Command): void {
  withCaseLimitOptions(program
    .command('serve')
    .description('Start the case workspace on 127.0.0.1 (local, single user)')
    .option('--port <port>', 'port on 127.0.0.1', '4319')
    .option('--data <dir>', 'folder for the database and uploaded files (default: ~/.local/share/plateau)')
    .option('--db <file>', 'SQLite database file (default: DATA/workspace.db)')
    .option('--key-file <file>', 'data key (64 hex characters, kept outside DATA): encrypts the database and every stored file; else PLATEAU_KEY')
    .option('--example', 'load the example case into an empty workspace')
    .option('--accounts', 'server mode: users sign in (a first run creates the administrator admin and prints its one-time password)')
    .option('--open', 'open the workspace in the default browser'))
    .action(async (opts: CaseLimitFlags & { port: string; data?: string; db?: string; keyFile?: string; example?: boolean; open?: boolean; accounts?: boolean }) => {
      const caseLimits = caseLimitsFrom(opts);
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got "${opts.port}"`);
      const dataDir = path.resolve(opts.data ?? defaultDataDir());
      // Loaded here, not at the top: `plateau analyze` should not pay for the server's start-up.
      const [{ openStore }, { buildServer }, { Workspace }, { SCHEMA_VERSION }, { readKey }, { createFirstAdministrator, firstAdministratorNotice }, { AuditLog }, { plainRoot }] = await Promise.all([
        import('../../store/db.js'), import('../../server/app.js'), import('../../workspace/workspace.js'), import('../../model/index.js'),
        import('../../store/keys.js'), import('../../workspace/first-administrator.js'), import('../../store/audit.js'), import('../../workspace/case-files.js'),
      ]);
      const key = readKey(opts.keyFile, dataDir);
      const db = await openStore(opts.db ? path.resolve(opts.db) : path.join(dataDir, 'workspace.db'), key);
      // Decrypted copies left by a run the server did not live to finish.
      await rm(plainRoot(dataDir), { recursive: true, force: true });
      // Before the server (and its own audit log writer) starts, so the audit chain has one writer at a time.
      const created = opts.accounts ? await createFirstAdministrator(db, new AuditLog(db)) : undefined;
      if (created) process.stderr.write(firstAdministratorNotice(created));
      const ws = new Workspace(db, dataDir, { key, caseLimits });
      const app = await buildServer({ workspace: ws, port, version: SCHEMA_VERSION, accounts: !!opts.accounts });
      await app.listen({ host: '127.0.0.1', port });
      const addr = app.server.address();
      const url = `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : port}/`;
      process.stderr.write(`plateau: workspace at ${url} (${opts.accounts ? 'server mode: users sign in' : 'local single-user mode: no accounts'}; loopback only; data in ${dataDir}, ${key ? 'encrypted at rest' : 'NOT encrypted at rest: give --key-file (make one with plateau keygen FILE)'})\n`);
      const resumed = await ws.resumeInterrupted();
      if (resumed) process.stderr.write(`plateau: resumed ${resumed} analysis(es) interrupted when the workspace last stopped\n`);
      if (opts.example) await loadExample(ws);
      if (opts.open) spawn(process.platform === 'darwin' ? 'open' : 'xdg-open', [url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
      const stop = async () => { await app.close(); await ws.close(); process.exit(0); };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
