/**
 * No network at run time: the egress guard refuses a connection off the machine, and the CLI analysis and the
 * workspace run end to end inside a network namespace with only loopback (`unshare -rn`), where the kernel
 * itself would refuse any other connection.
 */
import { execFile, execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

function canUnshare(): boolean {
  try { execFileSync('unshare', ['-rn', 'true'], { stdio: 'ignore' }); return true; } catch { return false; }
}

describe('no network', () => {
  it('the egress guard refuses a socket to another machine, and allows loopback', () => {
    expect(() => new net.Socket().connect(443, '93.184.216.34')).toThrow(/network egress attempted/);
    const s = new net.Socket();
    s.on('error', () => {});
    expect(() => s.connect(9, '127.0.0.1')).not.toThrow();
    s.destroy();
  });

  it.skipIf(!canUnshare())('the analysis and the workspace work with no network at all', async () => {
    const script = [
      'ip link set lo up',
      'out=$(mktemp -d)',
      'bin/plateau analyze examples/lumbar-ssdi --out "$out/r.json" --quiet',
      'grep -q \'"status": "implied"\' "$out/r.json"',
      // The workspace: start it, load the example, wait for its analysis, read the verdict.
      'bin/plateau serve --port 4399 --data "$out/data" --example 2>"$out/serve.log" & pid=$!',
      'for i in $(seq 1 100); do node -e "fetch(\'http://127.0.0.1:4399/api/cases\').then(r => r.text()).then(t => process.stdout.write(t)).catch(() => process.exit(1))" >"$out/cases.json" 2>/dev/null && grep -q \'"status":"done"\' "$out/cases.json" && break; sleep 0.2; done',
      'kill $pid',
      'grep -o \'"mmi":{"status":"[a-z_]*"\' "$out/cases.json"',
      'rm -rf "$out"',
    ].join(' && ');
    const { stdout } = await run('unshare', ['-rn', 'sh', '-c', script], { cwd: root, timeout: 60_000 });
    expect(stdout.trim()).toBe('"mmi":{"status":"implied"');
  }, 90_000);
});
